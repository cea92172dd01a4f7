"""The headline as printed on the page, and the dek under it."""

from __future__ import annotations

import re
from typing import Any

from .._blocks import collapse
from .._model import Headline
from .._page import Page
from ._text import norm, words

#: Separators between a headline and the site name in <title> / og:title.
_SITE_SUFFIX = re.compile(r"\s+(?:[|\u00b7\u00bb:/\u2013\u2014-]|::)\s+[^|\u00b7\u00bb]{1,60}$")


def _jsonld_headline(page: Page) -> str | None:
    for obj in page.metadata.articles():
        h = obj.get("headline") or obj.get("name")
        if isinstance(h, str) and h.strip():
            return collapse(h)
    return None


def _strip_site(title: str) -> str:
    stripped = _SITE_SUFFIX.sub("", title)
    return stripped if len(stripped) >= 10 else title


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


#: Separators between the parts of a <title> ("Story | Section | Site").
_TITLE_SPLIT = re.compile(r"\s+(?:[|\u00b7\u00bb:/\u2013\u2014-]|::)\s+")


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


#: A declared title longer than this is markup garbage (an unclosed <title> swallowing the page).
MAX_TITLE_CHARS = 300
#: Share of a block's words that must appear in <title> for it to count as the printed headline...
TITLE_WORDS_PRECISION = 0.8
#: ... and share of the title's words it must cover (the rest is the site and section name).
TITLE_WORDS_COVER = 0.4


def _find_headline(page: Page) -> str | None:
    if page.kind != "html":
        return None
    md = page.metadata
    declared = [
        collapse(t)
        for t in (
            _jsonld_headline(page),
            md.first("og:title"),
            md.first("twitter:title"),
            md.first("headline", "dc.title", "title"),
            md.title,
        )
        if t and len(t) <= MAX_TITLE_CHARS
    ]
    cleaned = [_strip_site(t) for t in declared]
    cleaned_norm = [norm(t) for t in cleaned]
    headings = [
        b
        for b in page.blocks
        if (b.kind == "heading" and (b.level or 9) <= 3) or ("headline" in b.hints and len(b.text) < MAX_TITLE_CHARS)
    ][:60]
    # a printed heading that the page also declares as its title is the headline
    for b in headings:
        n = norm(b.text)
        if len(n) < 8:
            continue
        for raw, d in zip(cleaned, cleaned_norm):
            if len(d) < 8:
                continue
            if n == d or (d.startswith(n) and len(n) >= 0.5 * len(d)) or (n in d and len(n) >= 20):
                return str(b.text)
            if n.endswith(d) and len(d) >= 0.5 * len(n):
                return raw  # the heading prints a kicker before the declared headline
    h1 = [b for b in _h1s(page) if not _is_site_name(page, b.text)]
    from_title = _block_matching_title(page, md.title)
    if len(h1) == 1 and len(h1[0].text) >= 8 and h1[0].link_density < 0.5:
        return str(h1[0].text)
    if from_title:
        return from_title
    if cleaned:
        return cleaned[0]
    if h1:
        return str(h1[0].text)
    return None


def _block_matching_title(page: Page, title: str | None) -> str | None:
    """On pages without headline markup: the short block whose words are the <title>'s minus the site."""
    if not title or len(title) > MAX_TITLE_CHARS:
        return None
    title_words = set(words(title))
    if len(title_words) < 3:
        return None
    body_start = _first_body_index(page)
    best: tuple[float, str] | None = None
    for b in page.blocks[: body_start + 3]:
        if not 10 <= len(b.text) <= MAX_TITLE_CHARS or b.link_density > 0.5:
            continue
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


#: How many blocks under the headline the dek may start (byline and date lines can come between).
DEK_WINDOW = 6
#: A dek is a sentence or two.
DEK_MIN_CHARS, DEK_MAX_CHARS = 30, 400


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
            if nxt.kind == "heading" and nxt.level is not None and nxt.level <= 2 and len(n) >= DEK_MIN_CHARS:
                return str(nxt.text)  # an h2 right under the h1 is the dek
            if not DEK_MIN_CHARS <= len(n) <= DEK_MAX_CHARS or nxt.kind == "caption" or "caption" in nxt.hints:
                continue
            marked = "dek" in nxt.hints
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


def _followed_by_prose_break(blocks: list[Any], b: Any) -> bool:
    """Whether a byline/date line separates ``b`` from the prose after it (deks sit above bylines)."""
    for nxt in blocks[b.index + 1 : b.index + 4]:
        if nxt.hints & {"byline", "date"}:
            return True
    return False
