"""The headline as printed on the page, and the dek under it."""

from __future__ import annotations

import html
import re
import unicodedata
from itertools import islice
from typing import Any

from .._blocks import collapse
from .._model import Headline
from .._page import Page
from .._parsing import find_dates
from ._text import memo_short, norm, words

# --- Declared titles: how they split into story, section and site parts ---
#: Separators between the parts of a <title> ("Story | Section | Site"); a colon only with spaces around it.
_TITLE_SPLIT = re.compile(r"\s+(?:[:/\u2013\u2014-]|::)\s+|\s*\|\s*|\s+[\u00b7\u00bb]\s+|\s+_")
#: Separators after which an unnamed trailing part may be a site name (not ':' nor '/', which join kicker and story).
_SITE_SEPARATOR = re.compile(r"\s+(?:[\u2013\u2014-]|::)\s+|\s*\|\s*|\s+[\u00b7\u00bb]\s+|\s+_")
#: ... of which these are only used for the site name (a dash may join a headline's two halves).
_SITE_BAR = re.compile(r"\s*\|\s*|\s+[\u00b7\u00bb]\s+")
#: Where a declared title may be cut into a site or section part and a story part.
_PART_SPLIT = re.compile(_TITLE_SPLIT.pattern + r"|:\s+")
#: Decoration around a declared title ("=> Story <=", "## Story").
_DECORATION = re.compile(r"^\s*(?:#{1,6}|=+>|>{2,})\s+|\s+(?:<=+|<{2,})\s*$")
#: Latin-1 readings of UTF-8 lead bytes: a declared title decoded with the wrong charset ("Caf\u00c3\u00a9").
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]|\u00e2\u20ac")
#: The words of a text, compared without its punctuation.
_WORDS_KEY = re.compile(r"\w+")
#: How domain names spell the letters a site's name has and ASCII lacks (other accents are dropped).
_DOMAIN_SPELLING = str.maketrans(
    {"\u00e4": "ae", "\u00f6": "oe", "\u00fc": "ue", "\u00df": "ss", "\u00e6": "ae", "\u00f8": "oe", "\u00e5": "aa"}
)
#: Domain labels that name nothing (``news.example.co.uk``).
_DOMAIN_FILLER = frozenset({"www", "com", "co", "org", "net", "uk", "de", "fr", "news", "m", "amp", "edition", "en"})
#: A declared title longer than this is markup garbage (an unclosed <title> swallowing the page).
MAX_TITLE_CHARS = 300
#: An unnamed trailing (or leading) part of a title is taken for the site name when it has at most this many words.
SITE_PART_MAX_WORDS = 4
#: A section's name in a title ("Sport", "Digital Lifestyle") has at most this many words (a longer part is a story).
SECTION_MAX_WORDS = 2
#: A site name (with "Online", "News", a section) has at most this many words.
SITE_NAME_MAX_WORDS = 6
#: A title part printed as the story's heading has at least this many words (one word names a site or section).
TITLE_PART_MIN_WORDS = 2
#: A declared title this short that nothing printed repeats is a generic page name ("Home").
GENERIC_TITLE_WORDS = 3
#: Share of a block's words that must appear in <title> for it to count as the printed headline...
TITLE_WORDS_PRECISION = 0.8
#: ... and share of the title's words it must cover (the rest is the site and section name).
TITLE_WORDS_COVER = 0.4
#: How many blocks after the story's first block a printed title part may still be the headline.
TITLE_PART_WINDOW = 12

# --- Printed headings ---
#: Region hints of page furniture: a heading there is the headline only when nothing better agrees.
_CHROME_HINTS = frozenset({"nav", "aside", "footer", "ad", "promo", "related", "comment", "hidden"})
#: Region hints of blocks that are no headline even when a byline or date line follows them (an author box).
_NOT_HEADLINE_HINTS = _CHROME_HINTS | {"bio", "byline", "date", "caption"}
#: Region hints that rule an <h1> out as the page's own headline (teasers, ads and footers print their own).
_H1_OFF_HINTS = frozenset({"promo", "footer", "comment", "hidden"})
#: Header lines that sit between a headline and its story.
_HEADER_LINE_HINTS = frozenset({"byline", "date", "caption", "dek"})
#: A space that inline markup leaves before a colon ("Kicker</span> : Story").
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([:;,!?])")
#: ... whose punctuation, absent, spares the substitution.
_PUNCT = re.compile(r"[:;,!?]")
#: Headings looked at (old table layouts print a hundred menu headings before the story's).
MAX_HEADINGS = 200
#: A site's name in the masthead is short.
MASTHEAD_MAX_CHARS = 80
#: A post's permalink heading holds this many links at most (a block holding more is a list of teasers; the
#: walk stops there, which keeps link-heavy pages fast).
PERMALINK_MAX_LINKS = 1
#: A kicker element is less than this share of its heading's text.
KICKER_MAX_SHARE = 0.5
#: This many linked titles in a row under a heading make it a list's heading ...
LINK_LIST_MIN = 2
#: ... a teaser title being (almost) all link text.
TEASER_LINK_DENSITY = 0.9
#: How many blocks above the story's first block a heading-like block is taken for an unnamed headline.
HEAD_ABOVE_BODY = 6
#: At most this many date/byline lines at the story's found start are skipped to look for the headline under them.
HEADER_LINES_AT_START = 2
#: The story's first blocks, where a block marked as a headline may open it (the first block, or one under it).
STORY_OPENING_BLOCKS = 2

# --- Unmarked headline lines ---
#: A byline's "By" word, so that "By Jane Doe" and a heading "Jane Doe" compare equal.
_BY_PREFIX = re.compile(r"^(?:by|von|par|por|door)\s+", re.I)
#: A label line ("Filed under: Sports"): at most three words before a colon (its value is a link).
_LINKED_LABEL = re.compile(r"^\w+(?:\s+\w+){0,2}\s*:\s+\S")
#: A line ending so is a sentence or a label, not a headline.
_SENTENCE_ENDS = (".", ":", ",", ";")
#: A linked line this short between headline and story is a tool line (print, e-mail, comments count).
TOOL_LINE_MAX_WORDS = 3
#: An unmarked headline line (no heading tag, no headline class) has this many words.
HEAD_MIN_WORDS, HEAD_PLAIN_MAX_WORDS = 2, 16
#: An all-capitals line this short is an agency or section name ("THE ASSOCIATED PRESS").
AGENCY_MAX_WORDS = 3
#: A news agency's name ("Press Trust of India", "Agence France-Presse") between an unmarked headline and its date.
AGENCY_LINE_MAX_WORDS = 5

# --- The dek ---
#: How many blocks under the headline the dek may start (byline and date lines can come between).
DEK_WINDOW = 6
#: A dek is a sentence or two.
DEK_MIN_CHARS, DEK_MAX_CHARS = 30, 400
#: An unmarked dek is a sentence: at least this many words.
DEK_MIN_WORDS = 9
#: How close under an unmarked dek the byline or date line must follow.
DEK_BYLINE_GAP = 2
#: A line opening like a byline ("By A and B (staff reporters)") the byline parser did not take; case matters
#: ("de", "par" open sentences too).
_BYLINE_OPENER = re.compile(r"^(?:By|BY|Von|VON|Par|PAR|Por|POR|Door|Af|Av)\s+[A-Z\u00c0-\u00de]")


def _jsonld_headline(page: Page) -> str | None:
    for obj in page.metadata.articles():
        h = obj.get("headline") or obj.get("name")
        if isinstance(h, str) and h.strip():
            return collapse(html.unescape(h))  # JSON-LD strings sometimes carry escaped entities
    return None


def _repair(text: str) -> str:
    """A declared title the page's wrong charset garbled, read again as UTF-8 (unchanged when that fails)."""
    if not _MOJIBAKE.search(text):
        return text
    for enc in ("cp1252", "latin-1"):
        try:
            return text.encode(enc).decode("utf-8")
        except UnicodeError:
            continue
    return text


@memo_short
def _key(text: str) -> str:
    """Letters and digits only: a heading printed without the declared title's punctuation still agrees
    (memoised: the headline tests key the same headings several times)."""
    return " ".join(_WORDS_KEY.findall(norm(text)))


def _alnum(text: str) -> str:
    """Letters and digits only, lower-cased and spelt as domain names spell them (an umlaut as "ue", other
    accents dropped), so that a site's name compares with its domain."""
    a = "".join(_WORDS_KEY.findall(norm(text))).replace("_", "")
    if a.isascii():
        return a
    a = a.translate(_DOMAIN_SPELLING)
    return "".join(c for c in unicodedata.normalize("NFKD", a) if not unicodedata.combining(c))


def _site_keys(page: Page) -> list[str]:
    """What the site calls itself: og:site_name, application-name, the registered domain's label."""
    keys = []
    for k in ("og:site_name", "application-name", "publisher", "twitter:site"):
        v = page.metadata.first(k)
        if v:
            a = _alnum(v.lstrip("@"))
            if len(a) >= 3:
                keys.append(a)
    dom = page.domain
    if dom:
        labels = [x for x in dom.split(".") if x not in _DOMAIN_FILLER]
        if labels:
            a = _alnum(max(labels, key=len))
            if len(a) >= 3:
                keys.append(a)
    return keys


def _is_site_part(part: str, keys: list[str]) -> bool:
    """Whether a title part names the site ("Harbour Times", "harbourtimes.com", "The Harbour Times Online")."""
    a = _alnum(part)
    if not a:
        return True
    if any(a.startswith(k) for k in keys):
        return True  # "Harbour Times: the paper of the coast" (name and tagline)
    if len(words(part)) > SITE_NAME_MAX_WORDS:
        return False  # a headline that mentions the site ("Record year for Harbour Times readers ...")
    return any(k in a or (a in k and len(a) >= 4) for k in keys)


def _strip_site(title: str, keys: list[str]) -> str:
    """The title without the parts that name the site (leading or trailing); an unnamed short last part
    after a site separator goes too when nothing names the site."""
    parts = _TITLE_SPLIT.split(title)
    if len(parts) < 2:
        return title
    seps = _TITLE_SPLIT.findall(title)
    lo, hi = 0, len(parts)
    while hi - lo > 1 and _is_site_part(parts[hi - 1], keys):
        hi -= 1
    while hi - lo > 1 and _is_site_part(parts[lo], keys):
        lo += 1
    # "Site - Section - Story": a short part after the site's name is a section (breadcrumb order) when the
    # story part after it is longer than a section's name
    if lo > 0 and hi - lo > 1 and len(words(parts[lo])) <= SECTION_MAX_WORDS < len(words(parts[hi - 1])):
        lo += 1
    if (lo, hi) == (0, len(parts)):
        last_sep = seps[-1]
        sep_ok = _SITE_SEPARATOR.fullmatch(last_sep) if not keys else _SITE_BAR.fullmatch(last_sep)
        if sep_ok and len(words(parts[-1])) <= SITE_PART_MAX_WORDS:
            hi -= 1
    if (lo, hi) == (0, len(parts)):
        return title
    out = parts[lo]
    for i in range(lo + 1, hi):
        out += seps[i - 1] + parts[i]
    out = out.strip()
    return out if len(out) >= 10 else title


def _title_parts(title: str) -> list[str]:
    return [p.strip() for p in _TITLE_SPLIT.split(title) if len(p.strip()) >= 10]


def _is_site_name(page: Page, text: str) -> bool:
    """Blogs print the site's name as the page's only <h1>: it is og:site_name or the <title>'s site part."""
    n = norm(text)
    site = page.metadata.first("og:site_name", "application-name")
    if site and norm(site) == n:
        return True
    title = page.metadata.title
    if not title or len(title) > MAX_TITLE_CHARS:
        return False
    parts = [norm(p) for p in _TITLE_SPLIT.split(title) if p.strip()]
    return len(parts) > 1 and n in (parts[0], parts[-1]) and n != max(parts, key=len)


def _masthead(b: Any, keys: list[str]) -> bool:
    """A linked heading that names the site: the masthead's logo link home, not a headline."""
    if not keys or b.kind != "heading" or len(b.text) > MASTHEAD_MAX_CHARS or b.link_density < 0.5:
        return False
    return _is_site_part(b.text, keys)


def _permalink(b: Any) -> bool:
    """Whether a block is its story's title linked to the story itself (rel=bookmark): a blog prints the post
    title so (an author or date may follow it in the heading). The link must be the block's only one and open
    its text: a linked line in a list that also holds posts' permalinks (related posts) is a teaser."""
    el = b.el
    if el is None:
        return False
    links = list(islice(el.iter("a"), PERMALINK_MAX_LINKS + 1))  # one link more is enough to say no
    if not links or len(links) > PERMALINK_MAX_LINKS or "bookmark" not in (links[0].get("rel") or "").split():
        return False
    link = links[0]
    title = collapse(link.text_content())
    return bool(title) and collapse(b.text).startswith(title)


def _one_link(el: Any) -> bool:
    """Whether ``el`` holds exactly one link (looking no further than a second one)."""
    links = el.iter("a")
    return next(links, None) is not None and next(links, None) is None


def _h1s(page: Page) -> list[Any]:
    return [b for b in page.blocks if b.kind == "heading" and b.level == 1][:10]


def headline_text(page: Page) -> str | None:
    """The printed headline (cached on the page)."""
    cached = page.__dict__.get("_headline")
    if cached is not None:
        return cached or None
    result = _find_headline(page)
    page.__dict__["_headline"] = result or ""
    return result


def _heading_rank(b: Any) -> tuple[int, int, int]:
    """Sort key among printed headings that agree with a declared title: outside page furniture, <h1>, first."""
    return (1 if b.hints & _CHROME_HINTS else 0, 0 if b.level == 1 else 1, b.index)


def _find_headline(page: Page) -> str | None:
    if page.kind != "html":
        return None
    md = page.metadata
    keys = _site_keys(page)
    declared = [
        _repair(collapse(t))
        for t in (
            _jsonld_headline(page),
            md.first("og:title"),
            md.first("twitter:title"),
            md.first("headline", "dc.title", "title"),
            md.title,
        )
        if t and len(t) <= MAX_TITLE_CHARS
    ]
    cleaned = [_DECORATION.sub("", _strip_site(t, keys)) or t for t in declared]
    cleaned_norm = [norm(t) for t in cleaned]
    cleaned_key = [_key(t) for t in cleaned]
    headings = [
        b
        for b in page.blocks
        if (b.kind == "heading" and (b.level or 9) <= 3) or ("headline" in b.hints and len(b.text) < MAX_TITLE_CHARS)
    ][:MAX_HEADINGS]
    # 1. a printed heading that the page also declares as its title, word for word, is the headline
    agree = []
    norm_set, key_set = set(cleaned_norm), {dk for dk in cleaned_key if len(dk) >= 8}
    for b in headings:
        n = norm(b.text)
        if len(n) < 8:
            continue
        n_sp = _SPACE_BEFORE_PUNCT.sub(r"\1", n) if _PUNCT.search(n) else n  # (sub is slow even when it finds nothing)
        k = _key(b.text)
        if (n not in norm_set and n_sp not in norm_set and k not in key_set) or _masthead(b, keys):
            continue  # agrees with no declared title (most headings), or is the site's name linked home
        for raw, d, dk in zip(cleaned, cleaned_norm, cleaned_key):
            if n == d:
                agree.append((b, str(b.text)))
            elif n_sp == d:
                agree.append((b, raw))  # "Kicker</span> : Story": the declared title spaces it right
            elif k == dk and len(dk) >= 8:
                # the printed text, unless inline markup swallowed a separator the declared title keeps
                agree.append((b, raw if len(collapse(b.text)) < len(raw) else str(b.text)))
            else:
                continue
            break
    if agree:
        best_b, best_text = min(agree, key=lambda x: _heading_rank(x[0]))
        rest = _without_kicker(best_b, cleaned)
        if rest:
            return rest
        return _story_under_section(page, best_b) or best_text
    h1_ok = [
        b
        for b in _h1s(page)
        if not _is_site_name(page, b.text) and not b.hints & _H1_OFF_HINTS and not _masthead(b, keys)
    ]
    if len(h1_ok) > 1:
        inside = [b for b in h1_ok if not b.hints & _CHROME_HINTS]
        h1_ok = inside if len(inside) == 1 else h1_ok
    # 2. a heading that prints a kicker (in its own element) before the declared headline
    for b in headings:
        n = norm(b.text)
        for raw, d in zip(cleaned, cleaned_norm):
            if len(d) >= 8 and n != d and n.endswith(d) and len(d) >= 0.5 * len(n) and _kicker_element(b, d):
                return raw
    # 3. a title "Site: Story" or "Section » Story" whose story part is printed as a heading
    split = _printed_title_part(page, declared + cleaned, headings)
    if split is not None:
        return _story_under_section(page, split) or str(split.text)
    # 4. a printed heading that is most of a declared title (the page's one <h1> if it has one)
    for b in h1_ok if len(h1_ok) == 1 else headings:
        n = norm(b.text)
        if len(n) < 8 or _is_site_name(page, b.text) or _masthead(b, keys):
            continue
        main_heading = b.level == 1 or "headline" in b.hints
        for d in cleaned_norm:
            if len(d) < 8:
                continue
            if (d.startswith(n) and len(n) >= 0.5 * len(d)) or (main_heading and n in d and len(n) >= 20):
                return str(b.text)
    from_title = _block_matching_title(page, md.title)
    per_article = _per_article(page)
    above = _heading_above_body(page, per_article)
    if len(h1_ok) == 1 and len(h1_ok[0].text) >= 8 and h1_ok[0].link_density < 0.5:
        h1 = h1_ok[0]
        if _section_h1_over_story(page, h1, above):
            return above
        if not declared and len(words(h1.text)) < GENERIC_TITLE_WORDS:
            # a page that declares no title: a generic <h1> ("Latest News") over the story's own line and byline
            over = _headline_over_header(page)
            if over and any(b.index > h1.index and b.text == over for b in page.blocks):
                return over
        return _without_kicker(h1, cleaned) or str(h1.text)
    if from_title and (len(words(from_title)) >= GENERIC_TITLE_WORDS or not above):
        return from_title  # a short title part printed ("Full Story") names the page type when a heading is found
    if above:
        return above
    if cleaned and not (h1_ok and len(words(cleaned[0])) < GENERIC_TITLE_WORDS):
        if not per_article and not _printed(page, cleaned[0]):
            # "Site - Section" names no story: the line over the byline does
            return _headline_over_header(page) or cleaned[0]
        return cleaned[0]
    over = _headline_over_header(page)
    if h1_ok and not (over and len(words(h1_ok[0].text)) < GENERIC_TITLE_WORDS):
        return str(h1_ok[0].text)
    return over


def _printed(page: Page, text: str) -> bool:
    """Whether a block of the page prints ``text`` or opens with it (letters and digits compared)."""
    k = _key(text)
    return any(_key(b.text).startswith(k) for b in page.blocks)


def _headline_over_header(page: Page) -> str | None:
    """On a page that names no headline: the first short headline-like line (outside page furniture) that a
    byline or date line follows; else the story's first block when it reads like a headline."""
    for b in page.blocks[:MAX_HEADINGS]:
        text = b.text.strip()
        linked = b.link_density >= 0.5 and not _permalink(b)
        if linked or b.hints & _NOT_HEADLINE_HINTS or not 10 <= len(text) <= MAX_TITLE_CHARS:
            continue
        if text.endswith(_SENTENCE_ENDS) or not HEAD_MIN_WORDS <= len(words(text)) <= HEAD_PLAIN_MAX_WORDS:
            continue  # (cheap) prose or a label: the date and byline look-ups below cost more
        if _plain_headline(text) and _over_header_line(page, b, AGENCY_LINE_MAX_WORDS):
            return str(b.text)
    start = _first_body_index(page)
    opening = page.blocks[start : start + STORY_OPENING_BLOCKS]
    marked = [b for b in opening if "headline" in b.hints]
    for b in marked + opening[:1]:
        if b.link_density < 0.5 and len(b.text) <= MAX_TITLE_CHARS and _plain_headline(b.text.strip()):
            return str(b.text)  # the story opens with its headline (marked as one, or the first line)
    return None


def _section_h1_over_story(page: Page, h1: Any, above: str | None) -> bool:
    """Whether the page's one <h1> is a section name ("Latest News") printed over a longer heading that
    sits just above the story (index pages reused for a story print the section as <h1>, the story as <h2>)."""
    if not above or len(words(h1.text)) >= GENERIC_TITLE_WORDS or len(words(above)) <= len(words(h1.text)):
        return False
    n = norm(above)
    return any(b.index > h1.index and b.kind == "heading" and norm(b.text) == n for b in page.blocks)


def _story_under_section(page: Page, b: Any) -> str | None:
    """When the heading ``b`` that agrees with a declared title (or its part) is a short section name printed
    over a longer heading just above the story, that heading: the <title> names the section, not the story."""
    if len(words(b.text)) >= GENERIC_TITLE_WORDS:
        return None
    above = _heading_above_body(page, _per_article(page))
    return above if _section_h1_over_story(page, b, above) else None


def _printed_title_part(page: Page, declared: list[str], headings: list[Any]) -> Any:
    """Split each declared title once at a separator (a colon too): when one side is printed as a heading and
    the other is a short site or section name (or is printed too, farther from the story), that heading (block)."""
    by_key: dict[str, list[Any]] = {}
    for b in headings:
        if b.link_density < 0.5 or b.kind == "heading":
            by_key.setdefault(_key(b.text), []).append(b)
    if not by_key:
        return None
    start = _first_body_index(page)
    found: list[Any] = []
    for t in declared:
        for m in _PART_SPLIT.finditer(t):
            left, right = t[: m.start()].strip(), t[m.end() :].strip()
            lb, rb = by_key.get(_key(left), []), by_key.get(_key(right), [])
            if lb and rb and m.group().strip() == ":" and len(words(_key(right))) >= TITLE_PART_MIN_WORDS:
                # "Site: Story" with both printed (the blog's name as its masthead <h1>): the story's side
                found.append(rb[0])
                continue
            for side, other, other_b in ((lb, right, rb), (rb, left, lb)):
                if side and len(words(_key(side[0].text))) >= TITLE_PART_MIN_WORDS and (
                    other_b or len(words(other)) <= SITE_PART_MAX_WORDS
                ):
                    found.extend(side)
    if not found:
        return None
    # the story's headline sits just above the story; the site's name at the top of the page
    return min(found, key=lambda b: (b.index > start + 1, abs(start - b.index)))


def _declared_parts(cleaned: list[str]) -> list[str]:
    """The keys of the declared titles and of their parts ("Kicker: Story")."""
    return [_key(p) for t in cleaned for p in (t, *_PART_SPLIT.split(t))]


def _per_article(page: Page) -> bool:
    """Whether the page declares a title of its own (JSON-LD, og:title, twitter:title), not only a <title>."""
    return bool(_jsonld_headline(page) or page.metadata.first("og:title", "twitter:title"))


def _without_kicker(b: Any, cleaned: list[str]) -> str | None:
    """The heading without its kicker element ("<span>Nach X</span> Story") when no declared title carries
    that kicker but one carries the rest: the kicker is the page's furniture, not the headline's."""
    el = b.el
    if el is None or len(el) == 0:
        return None
    text = collapse(b.text)
    first = el[0]
    if not isinstance(first.tag, str) or (el.text or "").strip():
        return None
    kicker = collapse(first.text_content() or "")
    if not kicker or not text.startswith(kicker) or len(kicker) >= KICKER_MAX_SHARE * len(text):
        return None
    rest = text[len(kicker) :].strip(" :|-\u2013\u2014")
    if len(words(rest)) < GENERIC_TITLE_WORDS:
        return None
    declared_keys = _declared_parts(cleaned)
    k_kicker, k_rest = _key(kicker), _key(rest)
    if any(k_kicker in d for d in declared_keys):
        return None
    return rest if any(k_rest in d for d in declared_keys) else None


def _kicker_element(b: Any, declared_norm: str) -> bool:
    """Whether the heading's extra opening words sit in their own element (a kicker span), not in its text."""
    el = b.el
    if el is None:
        return True
    for child in el.iter():
        if child is el:
            continue
        t = norm(child.text_content() or "")
        if t and not declared_norm.startswith(t) and norm(b.text).startswith(t) and len(t) < len(norm(b.text)):
            return True
    return False


def _heading_above_body(page: Page, declared_per_article: bool) -> str | None:
    """The headline-like block just above the story's first block: the nearest heading (or block marked as
    a headline); on pages that declare no title of their own (no og:title, no JSON-LD), also an unmarked
    short line, past the byline, date and caption lines of the header (old table layouts print it in <b>)."""
    from .textmode import _is_byline_line, _is_date_line

    start = _first_body_index(page)
    # the analysis sometimes opens the story at its date or byline line, or at a short label over the
    # headline (the page type or section, "FULL STORY"): the headline may sit just under it
    for b in page.blocks[start : start + HEADER_LINES_AT_START]:
        t = b.text.strip()
        tool = b.link_density >= 0.5 and len(words(t)) <= TOOL_LINE_MAX_WORDS
        if not (b.hints & {"byline", "date"} or tool or _is_date_line(t) or _is_byline_line(t) or _label(page, b)):
            break
        start += 1
    start = min(start, len(page.blocks))
    plain_ok = not declared_per_article
    # the story's first block too: the analysis sometimes counts the headline in
    for b in reversed(page.blocks[max(0, start - HEAD_ABOVE_BODY) : start + 1]):
        text = b.text.strip()
        if b.hints & _HEADER_LINE_HINTS or b.kind == "caption" or _is_date_line(text) or _is_byline_line(text):
            continue  # the byline, date and photo caption sit between headline and story
        if 0 < b.link_density < 0.5 and _LINKED_LABEL.match(text):
            continue  # "Filed under: <a>Sports</a>", "Tags: <a>...</a>": the story's labels, under its headline
        if b.link_density < 0.5 and len(words(text)) > HEAD_PLAIN_MAX_WORDS and not b.hints & _CHROME_HINTS:
            continue  # the story's prose (its first paragraphs may open above the block found first)
        if b.index < start and len(words(text)) <= TOOL_LINE_MAX_WORDS and not b.hints & _CHROME_HINTS:
            if b.link_density >= 0.5 or len(text) < 10:
                continue  # the story's tool line ("Save Email Print", "0 comments", "A | A | A") under its headline
        linked = b.link_density >= 0.5 and not _permalink(b)
        if linked or b.hints & _CHROME_HINTS or not 10 <= len(text) <= MAX_TITLE_CHARS:
            plain_ok = False
            continue
        if b.kind == "heading" and (b.level or 9) <= 3:
            if _key(text) in _byline_texts(page):
                continue  # a columnist's name set as a heading over a teaser ("<h3>Jane Doe</h3>")
            if not _permalink(b) and _over_links(page, b):
                plain_ok = False
                continue  # "More in World news" over a list of linked teaser titles
            return str(b.text)
        if "headline" in b.hints and (b.index < start or _headline_like(text)):
            return str(b.text)  # the story's first block only when it reads like a headline
        if b.index >= start:
            if _plain_headline(text) and _over_header_line(page, b):
                return str(b.text)  # the story opens with its headline over the byline/date line
            continue
        if not plain_ok:
            continue
        ws = words(text)
        if find_dates(text) or (text.isupper() and len(ws) <= AGENCY_MAX_WORDS) or not _wordy(ws):
            continue  # "Monday, 14 January 2008 (Mumbai):", "THE CANADIAN PRESS"
        if _plain_headline(text):
            return str(b.text)
        plain_ok = False
    return None


def _label(page: Page, b: Any) -> bool:
    """Whether ``b`` is a short unmarked label ("FULL STORY", "Weather") printed right over a heading."""
    if b.kind == "heading" or len(words(b.text)) >= GENERIC_TITLE_WORDS or b.text.rstrip().endswith(_SENTENCE_ENDS):
        return False
    nxt = page.blocks[b.index + 1] if b.index + 1 < len(page.blocks) else None
    return nxt is not None and (nxt.kind == "heading" or "headline" in nxt.hints)


def _over_links(page: Page, b: Any) -> bool:
    """Whether the next blocks under ``b`` are linked titles, one link each (a list of teasers, not a story;
    a story's meta line links several things: "Posted by X | 3 Comments")."""
    nxt = page.blocks[b.index + 1 : b.index + 1 + LINK_LIST_MIN]
    return len(nxt) == LINK_LIST_MIN and all(
        x.link_density >= TEASER_LINK_DENSITY
        and len(words(x.text)) > TOOL_LINE_MAX_WORDS
        and x.el is not None
        and _one_link(x.el)
        for x in nxt
    )


def _plain_headline(text: str) -> bool:
    """Whether an unmarked line reads like a headline: a few words, no date, no sentence or label end."""
    ws = words(text)
    if find_dates(text) or (text.isupper() and len(ws) <= AGENCY_MAX_WORDS) or not _wordy(ws):
        return False
    return HEAD_MIN_WORDS <= len(ws) <= HEAD_PLAIN_MAX_WORDS and not text.endswith(_SENTENCE_ENDS)


def _over_header_line(page: Page, b: Any, gap_words: int | None = None) -> bool:
    """Whether a byline or date line follows ``b`` at once (a short agency or place line of at most
    ``gap_words`` words, or a lesser heading under a heading, may come between)."""
    from .textmode import _is_byline_line, _is_date_line

    gap_words = AGENCY_MAX_WORDS if gap_words is None else gap_words
    for nxt in page.blocks[b.index + 1 : b.index + 1 + DEK_BYLINE_GAP]:
        t = nxt.text.strip()
        if nxt.hints & {"byline", "date"} or _is_byline_line(t) or _is_date_line(t):
            return True
        lesser = b.kind == nxt.kind == "heading" and (nxt.level or 9) > (b.level or 9)
        if (len(words(t)) > gap_words and not lesser) or nxt.link_density >= 0.5:
            return False
    return False


def _byline_texts(page: Page) -> frozenset[str]:
    """The texts of the page's byline-marked elements, without a leading "By": a heading with one of
    them is a person's name, not a headline."""
    cached = page.__dict__.get("_byline_texts")
    if cached is None:
        texts = set()
        for m in page.marks:
            if m.hint == "byline":
                t = " ".join(m.el.text_content().split())
                texts.add(_key(_BY_PREFIX.sub("", t)))
        cached = page.__dict__["_byline_texts"] = frozenset(texts)
    return cached


def _headline_like(text: str) -> bool:
    return len(words(text)) <= HEAD_PLAIN_MAX_WORDS and not text.endswith(_SENTENCE_ENDS)


def _wordy(ws: list[str]) -> bool:
    """Whether a line is made of words, not numbers ("20080109 15:24")."""
    return sum(1 for w in ws if w.isalpha()) >= HEAD_MIN_WORDS


def _block_matching_title(page: Page, title: str | None) -> str | None:
    """On pages without headline markup: the short block whose words are the <title>'s minus the site."""
    if not title or len(title) > MAX_TITLE_CHARS:
        return None
    body_start = _first_body_index(page)
    # a block printing one of the title's parts word for word ("Site : Section : Story")
    keys = _site_keys(page)
    parts = {_key(p) for p in _title_parts(title) if len(words(p)) >= 3 and not _is_site_part(p, keys)}
    if parts:
        for b in page.blocks[: body_start + TITLE_PART_WINDOW]:
            if b.link_density < 0.5 and not b.hints & _CHROME_HINTS and _key(b.text) in parts:
                return str(b.text)
    title_words = set(words(title))
    if len(title_words) < 3:
        return None
    best: tuple[float, str] | None = None
    for b in page.blocks[: body_start + 3]:
        if not 10 <= len(b.text) <= MAX_TITLE_CHARS or b.link_density > 0.5:
            continue
        if _alnum(b.text) in keys:
            continue  # the site's name printed in the masthead shares the <title>'s words too
        ws = words(b.text)
        if len(ws) < 2:
            continue
        inside = sum(1 for w in ws if w in title_words) / len(ws)
        cover = len(title_words.intersection(ws)) / len(title_words)
        if inside >= TITLE_WORDS_PRECISION and cover >= TITLE_WORDS_COVER:
            score = cover + (0.2 if b.kind == "heading" else 0.0) - 0.001 * (body_start - b.index)
            if best is None or score > best[0]:
                best = (score, str(b.text))
    return best[1] if best else None


def _first_body_index(page: Page) -> int:
    from .analysis import analyze

    main = analyze(page).main
    return main[0].index if main else len(page.blocks)


def headline(page: Page) -> Headline | None:
    """The headline and its dek (cached on the page: the body and bylines ask for it too)."""
    if "_headline_obj" in page.__dict__:
        return page.__dict__["_headline_obj"]  # type: ignore[no-any-return]
    text = headline_text(page)
    result = Headline(text=text, subheadline=_dek(page, text)) if text else None
    page.__dict__["_headline_obj"] = result
    return result


def _dek(page: Page, head: str) -> str | None:
    """The standfirst printed under the headline, when the page marks it or declares it as its
    description; a description that merely copies the story's first paragraph is not a dek."""
    from .analysis import analyze

    desc = page.metadata.first("og:description", "description", "twitter:description")
    desc_n = norm(desc) if desc else None
    head_n = norm(head)
    blocks = page.blocks
    main = analyze(page).main
    first_story = main[0].index if main else None
    for i, b in enumerate(blocks):
        if norm(b.text) != head_n:
            continue
        for nxt in blocks[i + 1 : i + 1 + DEK_WINDOW]:
            n = norm(nxt.text)
            h2 = nxt.kind == "heading" and nxt.level is not None and nxt.level <= 2
            if h2 and DEK_MIN_CHARS <= len(n) <= DEK_MAX_CHARS:
                return str(nxt.text)  # an h2 right under the h1 is the dek (a paragraph set as h2 is the story's)
            if not DEK_MIN_CHARS <= len(n) <= DEK_MAX_CHARS or nxt.kind == "caption" or "caption" in nxt.hints:
                continue
            marked = "dek" in nxt.hints or (nxt is _first_text_after(blocks, i) and _above_byline(blocks, nxt))
            declared = bool(desc_n and (n == desc_n or desc_n.startswith(n[:80]) or n.startswith(desc_n[:80])))
            if marked or declared:
                if not marked and first_story is not None and nxt.index >= first_story and nxt.tag == "p":
                    # the description copies the lede: this block opens the story
                    nxt_in_story = any(m is nxt for m in main[:2])
                    if nxt_in_story and not _followed_by_prose_break(blocks, nxt):
                        return None
                return str(nxt.text)
        break
    return None


def _first_text_after(blocks: list[Any], i: int) -> Any:
    """The first block under the headline that is not a byline, date or caption line."""
    for b in blocks[i + 1 : i + 1 + DEK_WINDOW]:
        if not b.hints & _HEADER_LINE_HINTS and b.kind != "caption":
            return b
    return None


def _above_byline(blocks: list[Any], b: Any) -> bool:
    """A standfirst printed between the headline and the byline/date line, in the header: unmarked, it is
    still no story paragraph (stories start under their byline), unless it reads like a dateline opening."""
    from .._parsing import split_dateline
    from .textmode import _is_byline_line, _is_date_line

    text = b.text.strip()
    if _BYLINE_OPENER.match(text):
        return False  # "By A and B (staff reporters)": a byline the parser did not take
    if b.kind not in ("paragraph", "line") or text.endswith(":") or split_dateline(text)[0]:
        return False
    if len(words(text)) < DEK_MIN_WORDS or find_dates(text) or b.hints & _CHROME_HINTS:
        return False  # "Updated: May 1, 2020", "This article is more than 3 months old"
    for nxt in blocks[b.index + 1 : b.index + 1 + DEK_BYLINE_GAP]:
        t = nxt.text.strip()
        if nxt.hints & {"byline", "date"} or _is_byline_line(t) or _is_date_line(t):
            return _prose_after(blocks, nxt)
    return False


def _prose_after(blocks: list[Any], line: Any) -> bool:
    """Whether story prose follows a byline/date line (past further header lines): a blog's one-paragraph
    post over its "Posted on ... | 9 Comments" line is the story, not a dek."""
    from .textmode import _is_byline_line, _is_date_line

    for nxt in blocks[line.index + 1 : line.index + 1 + DEK_WINDOW]:
        t = nxt.text.strip()
        if nxt.hints & _HEADER_LINE_HINTS or nxt.kind == "caption" or _is_byline_line(t) or _is_date_line(t):
            continue
        if nxt.link_density >= 0.5:
            continue  # a tool line ("Digg This!", "Share Print E-mail")
        return nxt.kind != "heading" and not nxt.hints & _CHROME_HINTS and len(words(t)) >= DEK_MIN_WORDS
    return False


def _followed_by_prose_break(blocks: list[Any], b: Any) -> bool:
    """Whether a byline/date line separates ``b`` from the prose after it (deks sit above bylines)."""
    for nxt in blocks[b.index + 1 : b.index + 4]:
        if nxt.hints & {"byline", "date"}:
            return True
    return False
