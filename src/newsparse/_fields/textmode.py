"""Plain-text pages: split a flattened rendering into the Article's fields.

A text page is a list of lines (``page.blocks``: one per non-empty line, with the number of blank
lines before it and its indentation). The page is cut into regions once, by line shape, position and
vocabulary (``_layout``, cached on the page):

- the body: the heaviest run of prose lines (Kadane over per-line weights) that crosses no comment,
  byline or author-box line and no long run of short lines;
- the header stack above it: headline (heading-like line scored by nearness, repetition, URL slug and
  the byline / date lines under it), dek, byline, date;
- the author boxes after it (name line, title line, bio sentence) and the reader comments after
  them, up to the comment form.

Everything that parses a string is shared with the HTML mode: bylines, datelines and dates come from
``newsparse._parsing``; comment headers, comment-form and widget lines, pingbacks, bio sentences,
author-box headers, "Latest posts by" lines, contact lines and social lines from
``newsparse._recognize``. The ``_is_...`` functions left here are pure ``str -> ...`` recognisers of
line shapes the HTML mode does not need (or extensions of the shared ones), kept apart for merging.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Sequence

import attrs

from .. import _recognize as R
from .._model import AuthorBio, Block, Body, Byline, Comment, Dateline, Headline
from .._page import Page
from .._parsing import date_from_url, find_dates, looks_like_person_name, parse_byline, split_dateline
from ._text import norm, words

__all__ = ["headline", "dateline", "body", "bylines", "author_bios", "published", "comments"]

# --------------------------------------------------------------------------------------------
# Heuristic constants (each with the reason it exists)
# --------------------------------------------------------------------------------------------

#: A line with at least this many words is prose whatever its punctuation (paragraphs, not labels).
PROSE_MIN_WORDS = 20
#: A sentence-terminated line with at least this many words is prose (short paragraphs, quotes).
SENTENCE_MIN_WORDS = 8
#: Weight of a short, unpunctuated line inside a prose run: menus and teaser lists cost, a few
#: sub-headings inside a story do not outweigh its paragraphs.
SHORT_LINE_COST = 30.0
#: Weight per character of a short sentence (3-7 words, terminated): counts a little, like the
#: closing "We will see." of a story, without pulling a lone footer sentence into the body.
SHORT_SENTENCE_WEIGHT = 0.3
#: A picture credit has at most this many words.
CREDIT_MAX_WORDS = 15
#: A call to action has at most this many words.
PROMO_MAX_WORDS = 12
#: A line of this many words ending with a colon introduces a quote or an embed ("Twitter seemed confused:").
INTRO_MIN_WORDS = 6
#: Weight per character of a sentence-terminated line of 8-19 words.
MEDIUM_SENTENCE_WEIGHT = 0.8
#: Hard-wrapped text: at least this many lines continue on the next line, 90% of them end within
#: WRAP_SLACK columns of a wrap column between WRAP_MIN_WIDTH and WRAP_MAX_WIDTH (at least WRAP_NEAR_SHARE of them).
WRAP_MIN_LINES = 5
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 100
WRAP_SLACK = 20
WRAP_NEAR_SHARE = 0.6
#: A dateline paragraph starts the body when the prose before it is less than this share of the run.
DATELINE_START_SHARE = 0.4
#: This many short lines in a row end a prose run: related-links boxes and footers, not sub-headings.
BODY_MAX_GAP = 4
#: ... but the story's first paragraphs may sit this many short lines above the rest (galleries, share bars).
BODY_MAX_HEAD_GAP = 8
#: Prose (weighted characters) a page must show before a comment section for that section to bound the body.
BARRIER_MIN_PROSE = 300.0
#: ... and when the story found before it weighs at least this share of the heaviest run of the page
#: (a comment counter linked at the top of a page must not hide the story under it).
BARRIER_MIN_SHARE = 0.25
#: ... and when that story ends at most this many lines above the comment section, with no prose between
#: (it is the story the comments are on: share buttons, tags and the author box may sit between).
BARRIER_MAX_DISTANCE = 30
#: At most this many comment sections are tried as the end of the story (bounded work on long pages).
MAX_BARRIERS = 4
#: How far above the body the headline is looked for (header stacks: kicker, headline, dek, byline, date, caption).
HEADLINE_WINDOW = 120
#: A URL slug with fewer words than this names a section ("/diet-fitness/"), not the story.
SLUG_MIN_WORDS = 3
#: Headline scores: share of slug words found, repetition (title line + heading), and a small cost per
#: heading-like line between the candidate and the body (the headline sits at the top of the header stack).
HEADLINE_SLUG_WEIGHT = 4.0
HEADLINE_REPEAT_WEIGHT = 2.0
HEADLINE_DISTANCE_COST = 0.1
HEADLINE_HEADER_WEIGHT = 1.5
HEADLINE_DATE_COST = 1.5
#: How close under a headline its byline or date line is printed (and, scoring twice, right under it).
HEADER_FOLLOW_LINES = 7
HEADER_ADJACENT_LINES = 2
#: A headline has at most this many words and characters (longer is a dek or a paragraph).
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
#: How many lines after the headline are searched for the byline and the publication date.
HEADER_WINDOW = 12
#: A byline line is short: longer lines that start with "By" are sentences.
BYLINE_MAX_CHARS = 160
#: A bio sentence has at least this many words; a name line at most this many.
BIO_MIN_WORDS = 6
NAME_LINE_MAX_WORDS = 8
#: A bio sentence about any person counts as an author box this close under the story.
BIO_AFTER_BODY_LINES = 20
#: An author box has its name line at most this many lines above the bio sentence (name, title, bio).
BIO_NAME_DISTANCE = 3
#: A date line (comment or article date) has at most this many words.
DATE_LINE_MAX_WORDS = 12
#: A name line over a date line heads a comment when a comment heading or form is this many lines away or closer.
COMMENT_CONTEXT_LINES = 50
#: How many lines after a comment heading are searched for the first comment's header and text.
COMMENT_EVIDENCE_WINDOW = 40
#: This many short lines in a row (no comment header among them) end the comment list.
COMMENT_MAX_GAP = 6
#: When at least this share of the comments found carry an author or a date, the unsigned ones are dropped.
SIGNED_SHARE = 0.6
#: Comment-form lines are labels and one-sentence notes; a longer line opening "Leave a comment ..." is prose.
COMMENT_FORM_MAX_WORDS = 12
#: Dated "Posted by" signatures needed to read a section without a heading as comments.
MIN_SIGNATURES = 2
#: Share of capitalised words from which an unpunctuated line is a title.
TITLE_CASE_SHARE = 0.7
#: A comment header or signature line has at most this many words (longer lines are text).
COMMENT_HEADER_MAX_WORDS = 16
#: An author-box header is short; a social-feed item is a post, not an article.
ABOUT_MAX_CHARS = 60
SOCIAL_MAX_CHARS = 300
#: A comment author line (user names, "Jane Doe") has at most this many words.
COMMENT_AUTHOR_MAX_WORDS = 6

#: Sentence-final punctuation, optionally followed by closing quotes / brackets.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*$")
#: A list item starts its own line in wrapped text ("1. ", "* ", "- ", "[3]").
_LIST_START = re.compile(r"^(?:\d{1,3}[.)]|[*\u2022\-]|\[\d+\])\s")
#: A line ending in dots was cut short by a teaser list ("... Nobel Peace Prize, Globa..."): not a sentence.
_TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)$")
#: Terminal punctuation a headline does not end with (a period ends a sentence, a colon a label).
_NOT_HEADLINE_END = re.compile(r"[.:;,|\-\u2013\u2014]$")
#: A period that ends a sentence inside a line ("vans. (Photo: ...)") -- captions and prose, not headlines.
_INNER_SENTENCE = re.compile(r"[a-z\u00e0-\u00ff]{3}[.!?]\s+\S")
#: Breadcrumbs and menus: words joined by separators.
_NAV_SEPARATORS = re.compile(r"\s[|\u00bb\u203a>/\u2022\u00b7]\s|>[A-Z]|\s\|$")
#: A bare URL or file path line (audio players, link dumps).
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
#: Numbering that opens a comment in a numbered comment list ("2. Text", "#3", "3)").
_NUMBER_MARKER = re.compile(r"^(?:#\s?)?(?P<n>\d{1,4})[.)]\s+(?=\S)")
#: A line that is only a comment number ("1.", "#1.1 - Mon Oct 29, 2012").
_NUMBER_ONLY = re.compile(r"^#?\d{1,4}(?:\.\d{1,3})*\.?(?:\s*[-\u2013\u2014]\s*.*)?$")
#: Words a date line is made of besides numbers (weekdays, "at", "um", "Uhr", time of day).
_DATE_FILLER = re.compile(
    r"\b(?:on|at|um|uhr|le|à|am|pm|a\.m\.|p\.m\.|de|del|di|published|posted|updated|veröffentlicht|"
    r"aktualisiert|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)[a-z]*\.?\b|[\d:/.,@|\-\u2013\u2014()]+",
    re.I,
)

#: A byline line: an optional verb ("Written", "Posted", "Reported") then "By"/"Von"/"Par"... and a name.
_BYLINE_LINE = re.compile(
    r"^(?:(?:written|posted|reported|words|text|story|photos?)\s+)?(?:by|von|par|por|door|av|di|de|da)\s*:?\s+"
    r"(?P<rest>[A-Z\u00c0-\u00de].*)$",
    re.I,
)

#: The "Posted by" that opens a comment's signature line.
_SIGNATURE = re.compile(r"^[-\u2013\u2014]*\s*(?:posted|submitted)\s+(?:by|von|par)\b", re.I)

#: A line opening with a comment word ("Comments (No comments posted.)") is no headline.
_COMMENT_WORD = re.compile(r"^(?:\d+\s+)?(?:comments?|responses?|kommentare?|commentaires?|commenti|comentarios?)\b", re.I)
#: Labels of comment-form fields.
_FORM_FIELD = re.compile(
    r"^(?:your\s+)?(?:name|e-?mail(?:\s+address|-adresse)?|website|webseite|site web|url|comment|kommentar|commentaire|"
    r"commento|comentario|nom|nome|nombre)\s*\*?\s*:?\s*\*?$",
    re.I,
)
#: Weaker comment prompts: printed before, between or after comments; skipped, never an end.
_COMMENT_PROMPT = re.compile(
    r"schreibe einen kommentar|kommentar schreiben|laisser un commentaire|écrire un commentaire|"
    r"lascia un commento|deja un comentario|(?:post|add|write|leave|view|show|read|load|hide)\s+(?:a\s+|new\s+|your\s+|all\s+|more\s+)*"
    r"(?:comments?|replies|responses)\b",
    re.I,
)
#: Items of a social feed under an author box: @handles and "- 3 weeks ago" stamps.
_SOCIAL_FEED = re.compile(r"(?:^|\s)@\w{2,}|\s[-\u2013]\s+\d+\s+\w+\s+ago$", re.I)

#: Sentences of a site's frame: legal notes, privacy and cookie notices, sign-up and comment-policy prompts.
_SITE_BOILERPLATE = re.compile(
    r"\u00a9|\ball rights reserved\b|\bprivacy (?:policy|notice|statement)\b|\bterms (?:of (?:use|service)|and conditions)\b|"
    r"\buser agreement\b|\bcookie(?:s| policy| settings)\b|\bnewsletter\b|\bsign up\b|\bsubscribe\b|\bsubscription\b|"
    r"\bcommenting policy\b|\bcommunity (?:rules|guidelines|standards)\b|\bpromotional (?:content|offers)\b|"
    r"\bdatenschutz|\bimpressum\b|\babonnieren\b|\bnutzungsbedingungen\b|\bmentions légales\b|\bnous contacter\b",
    re.I,
)
#: An author's contact note written as a sentence: "Jane Doe can be reached at ...".
_REACHED_AT = re.compile(r"\b(?:can|may) be (?:reached|contacted) at\b", re.I)
#: Calls to action a site prints around a story (imperatives addressed to the reader).
_PROMO = re.compile(
    r"^(?:check out|add \S+(?: \S+)? to your|follow us|follow \S+ on|sign up|subscribe|click here|download (?:our|the)|"
    r"join (?:us|our)|don't miss|get (?:our|the latest)|read (?:more|next|also)|share this)\b",
    re.I,
)
#: Labels of picture credits and captions (the compound "Beitragsbild", "Titelbild" included).
_CREDIT = re.compile(r"^(?:\w*(?:photo|image|foto|bild|picture|illustration|grafik|graphic)s?|credit|crédit|copyright)\s*:", re.I)
#: A rule drawn with characters ("___", "----------", "* * *").
_SEPARATOR = re.compile(r"^[_\-=*~\u2014\u2013 ]{3,}$")
#: Words that show a sentence is about a person: personal pronouns and job titles (en, de, fr, es, it).
_PERSON_WORDS = re.compile(
    r"\b(?:he|she|his|her|him|they|their|er|sie|ihr|ihre|sein|seine|il|elle|son|sa|ses|él|ella|su|lui|lei|"
    r"reporter|writer|editor|correspondent|journalist|columnist|author|professor|lecturer|researcher|scientist|"
    r"director|founder|ceo|contributor|producer|analyst|fellow|student|photographer|critic|"
    r"redakteur(?:in)?|journalistin|autorin?|korrespondent(?:in)?|professorin|direktor(?:in)?|projektleiter(?:in)?|"
    r"rédact(?:eur|rice)|journaliste|periodista|redactor(?:a)?|giornalista|redattore)\b",
    re.I,
)
#: A job title printed as a sentence before the bio: "Projektleiterin. Jane Doe hat ..." (one to three words).
_TITLE_PREFIX = re.compile(r"^([A-Z\u00c0-\u00de][\w\-]*(?:\s+[\w\-]+){0,2})\.\s+(?=[A-Z\u00c0-\u00de])")
#: Lower-case words allowed inside a person's name (particles).
_NAME_PARTICLES = frozenset("de da di do dos das del della van von der den ter le la bin ibn al el y st".split())


# --------------------------------------------------------------------------------------------
# Pure line recognisers (``str -> ...``); those not delegating to newsparse._recognize are
# candidates for it
# --------------------------------------------------------------------------------------------


def _word_count(text: str) -> int:
    return len(text.split())


def _ends_sentence(text: str) -> bool:
    """Ends with sentence punctuation; a trailing "..." is a truncated teaser, not a sentence."""
    return bool(_SENTENCE_END.search(text)) and not _TRUNCATED.search(text)


def _is_url_line(text: str) -> bool:
    return bool(_URL_LINE.match(text))


def _looks_like_person_name(text: str) -> bool:
    """"Raffi Elliott", "THOMAS BEAUMONT": the byline parser's test (shared with the HTML mode)."""
    return looks_like_person_name(text)


def _is_date_line(text: str) -> bool:
    """A line that is a date (and time) and little else: "October 28, 2012", "1. Februar 2022 um 21:53 Uhr"."""
    if _word_count(text) > DATE_LINE_MAX_WORDS:
        return False
    found = R.find_date_text(text)
    if not found or not any(ch.isdigit() for ch in found):
        return False  # a calendar date or "3 weeks ago"; not "Today" in a menu
    rest = _DATE_FILLER.sub(" ", text.replace(found, " "))
    return len(words(rest)) <= 2


def _is_byline_line(text: str) -> str | None:
    """A byline line ("By Jane Doe, May 1, 2020", "Von Jane Doe"): the line, or None. Its people come from
    :func:`_byline_people` (the shared byline parser)."""
    if len(text) > BYLINE_MAX_CHARS or not _BYLINE_LINE.match(text) or not _byline_people(text):
        return None  # "By then, the economy grew." names nobody
    return text


def _byline_people(text: str) -> list[Byline]:
    """The people a byline line credits (shared parser), when they look like people ("Jane Doe", "JANE DOE")."""
    people = parse_byline(text)
    if people and all(_looks_like_person_name(b.name) or b.name.isupper() for b in people[:3]):
        return people
    return []


def _comment_header(text: str) -> tuple[str | None, str | None] | None:
    """(author, date text) of a comment header or signature line ("Jane says:", "Posted by: Jane at <date>",
    "Jane, <date>", a date line), by the shared recogniser; ``None`` for other lines."""
    if _word_count(text) > COMMENT_HEADER_MAX_WORDS:
        return None
    return R.parse_comment_header(text)


def _is_signature(text: str) -> bool:
    """A "Posted by Jane at <date>" line: signs the text above it (or, before a text, heads it)."""
    return bool(_SIGNATURE.match(text)) and (hdr := _comment_header(text)) is not None and bool(hdr[0])


def _is_says_header(text: str) -> bool:
    """An explicit comment header that is not a signature: "Jane says:", "Jane wrote:"."""
    return _word_count(text) <= COMMENT_HEADER_MAX_WORDS and R.is_explicit_comment_header(text) and not _SIGNATURE.match(text)


def _is_title_case(text: str) -> bool:
    """Most words capitalised and no sentence end: a title (teaser link, heading), not a comment."""
    toks = [t for t in text.split() if t[:1].isalpha()]
    if len(toks) < 3 or _ends_sentence(text):
        return False
    return sum(1 for t in toks if t[0].isupper()) >= TITLE_CASE_SHARE * len(toks)


def _is_comment_heading(text: str) -> bool:
    """A heading that opens a comment section ("Comments", "20 thoughts on ...") (shared recogniser)."""
    n = _word_count(text)
    if n > 25 or (n > SENTENCE_MIN_WORDS and _ends_sentence(text)):
        return False  # "Comments by the minister were ..." is a sentence
    return R.is_comment_section_heading(text) or R.is_comment_count_line(text)


def _is_comment_form(text: str) -> bool:
    """A line of a comment form that ends the comment section (a prompt printed between comments does not)."""
    return _word_count(text) <= COMMENT_FORM_MAX_WORDS and R.is_comment_form_line(text) and not _is_comment_prompt(text)


def _is_form_field(text: str) -> bool:
    """A form field label: "Name *", "E-Mail*", "Website", "Comment:"."""
    return len(text) <= 40 and bool(_FORM_FIELD.match(text))


def _form_fields_at(lines: Sequence[_Line], i: int) -> bool:
    """Two form field labels within three lines from ``i``: a comment form."""
    if not _is_form_field(lines[i].text):
        return False
    return any(k < len(lines) and _is_form_field(lines[k].text) for k in (i + 1, i + 2))


def _is_comment_prompt(text: str) -> bool:
    return _word_count(text) <= 8 and bool(_COMMENT_PROMPT.search(text))


def _is_action_line(text: str) -> bool:
    """Reply / report / vote widgets and comment-plugin lines (shared recogniser)."""
    return R.is_comment_noise_line(text) or R.is_load_more_line(text)


def _is_site_boilerplate(text: str) -> bool:
    """Legal, privacy, subscription and community-rules sentences of a site's frame, not of a story."""
    return len(text) <= 400 and bool(_SITE_BOILERPLATE.search(text))


def _is_contact_line(text: str) -> bool:
    """The author's contact note under a story (shared recogniser, plus "can be reached at")."""
    return len(text) <= 300 and (R.is_contact_line(text) or bool(_REACHED_AT.search(text)))


def _is_promo_line(text: str) -> bool:
    """A short call to action of the site: "Check out more articles on ...!", "Add X to your feed."."""
    return _word_count(text) <= PROMO_MAX_WORDS and bool(_PROMO.match(text))


def _is_credit_line(text: str) -> bool:
    """A picture credit or caption label: "Photo: Reuters", "Beitragsbild: ..."."""
    return _word_count(text) <= CREDIT_MAX_WORDS and bool(_CREDIT.match(text))


def _is_separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text))


def _is_pingback(text: str) -> bool:
    """"Pingback: <title>" / "Trackback: ..." lines listed among comments: links, not comments."""
    return R.is_pingback_line(text)


def _is_social_feed(text: str) -> bool:
    """A social-feed widget line: the shared recogniser, plus feed items quoting @handles or "- 3 weeks ago"."""
    return R.is_social_feed_line(text) or (len(text) <= SOCIAL_MAX_CHARS and bool(_SOCIAL_FEED.search(text)))


def _is_author_links(text: str) -> bool:
    """"Latest posts by Jane Doe (see all)", "More from Jane Doe": author-box links (shared recogniser)."""
    return len(text) <= 120 and R.is_latest_posts_line(text)


def _is_about_author(text: str) -> bool:
    """An author-box header: "About the author", "Über Jane Doe", "Written By Jane Doe" (shared recogniser)."""
    if len(text) > ABOUT_MAX_CHARS:
        return False
    rest = R.strip_bio_header(text)
    return rest != text.strip() and (not rest or _looks_like_person_name(rest))


def _strip_number(text: str) -> tuple[int | None, str]:
    """("2. Text" -> (2, "Text")); lines without a marker come back unchanged."""
    m = _NUMBER_MARKER.match(text)
    if not m:
        return None, text
    return int(m.group("n")), text[m.end():]


def _name_tokens(name: str) -> set[str]:
    return {t for t in words(name) if len(t) > 1 and t not in _NAME_PARTICLES}


# --------------------------------------------------------------------------------------------
# Lines and the page layout
# --------------------------------------------------------------------------------------------


@attrs.define(slots=True)
class _Line:
    text: str
    blank_before: int
    indent: int
    nwords: int
    sentence: bool
    weight: float | None = None  # computed once by _weight
    name: bool | None = None  # computed once by _is_name_line


@attrs.define(slots=True)
class _Layout:
    lines: list[_Line]
    headline: int | None = None
    subheadline: int | None = None
    body_start: int = 0
    body_end: int = -1  # inclusive; < body_start when no body
    dateline: Dateline | None = None
    paragraphs: list[Block] = attrs.field(factory=list)
    bylines: list[Byline] = attrs.field(factory=list)
    bios: list[AuthorBio] = attrs.field(factory=list)
    bio_lines: set[int] = attrs.field(factory=set)
    published: _dt.datetime | None = None
    comments: list[Comment] = attrs.field(factory=list)


def _lines(page: Page) -> list[_Line]:
    """The page's lines as units: one per line, or one per paragraph when the text is hard-wrapped."""
    rows = [(b.text, b.blank_before, b.indent) for b in page.blocks]
    out: list[_Line] = []
    for text, blank, indent in _unwrap(rows):
        out.append(_Line(text, blank, indent, _word_count(text), _ends_sentence(text)))
    return out


def _wrap_width(rows: Sequence[tuple[str, int, int]]) -> int | None:
    """The column a hard-wrapped text was filled to ("save as text", ``lynx -dump``, mail archives), or None.

    Lines followed by another line of the same paragraph end near the wrap column in a filled text;
    in a text with one paragraph per line they do not exist or have any length.
    """
    followed = [len(rows[i][0]) + rows[i][2] for i in range(len(rows) - 1) if rows[i + 1][1] == 0]
    if len(followed) < WRAP_MIN_LINES:
        return None
    followed.sort()
    width = followed[int(len(followed) * 0.9)]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    near = sum(1 for n in followed if width - WRAP_SLACK <= n <= width + 2)
    return width if near >= WRAP_NEAR_SHARE * len(followed) else None


def _unwrap(rows: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join the lines of hard-wrapped paragraphs: a line continues the one above when that one was full
    (the next word would not have fitted in the wrap column)."""
    width = _wrap_width(rows)
    if width is None:
        return list(rows)
    # parts of each paragraph are collected and joined once (joining per line is quadratic in its length)
    paras: list[tuple[list[str], int, int]] = []
    last_len = 0
    for text, blank, indent in rows:
        first_word = text.split(" ", 1)[0]
        if paras and blank == 0 and last_len + 1 + len(first_word) > width and not _LIST_START.match(text):
            parts = paras[-1][0]
            prev = parts[-1]
            if prev.endswith("-") and not prev.endswith(" -"):
                parts[-1] = prev + text  # a hyphenated word broken at the line end
            else:
                parts.append(text)
        else:
            paras.append(([text], blank, indent))
        last_len = len(text) + indent
    return [(" ".join(parts), blank, indent) for parts, blank, indent in paras]


def _layout(page: Page) -> _Layout:
    cached = page.__dict__.get("_textmode_layout")
    if isinstance(cached, _Layout):
        return cached
    lay = _build_layout(page)
    page.__dict__["_textmode_layout"] = lay
    return lay


def _build_layout(page: Page) -> _Layout:
    lines = _lines(page)
    lay = _Layout(lines)
    if not lines:
        return lay
    cuts = _cut_lines(lines)
    lay.body_start, lay.body_end = _body_run(lines, cuts)
    for barrier in _comment_barriers(lines):
        if barrier > lay.body_end:
            break
        s, e = _body_run(lines[:barrier], cuts)
        if e >= s and _no_prose_between(lines, cuts, e + 1, barrier) and _run_weight(lines, s, e) >= BARRIER_MIN_SHARE * _run_weight(lines, lay.body_start, lay.body_end):
            lay.body_start, lay.body_end = s, e
            break
    lay.body_start = _dateline_start(lines, lay.body_start, lay.body_end)
    if lay.body_end < lay.body_start:
        return lay
    lay.headline, lay.subheadline = _find_headline(lines, lay.body_start, page.url, cuts)
    header_from = lay.headline if lay.headline is not None else max(0, lay.body_start - HEADER_WINDOW)
    comment_start = _comment_start(lines, lay.body_end + 1)
    tail_end = comment_start if comment_start is not None else len(lines)
    lay.bylines = _top_bylines(lay, header_from, tail_end)
    bio_from = _trim_bio_tail(lay)
    _fill_body(lay)
    _find_bios(lay, header_from, lay.body_start, boxes_only=True)  # an author box printed under the byline
    _find_bios(lay, bio_from, tail_end)
    lay.bylines = _merge_bylines(lay.bylines + [Byline(name=b.name, role=b.title) for b in lay.bios if b.name])
    lay.published = _find_published(lines, header_from, lay.body_start, page.url)
    if comment_start is not None:
        lay.comments = _find_comments(lines, comment_start, lay)
    return lay


def _cut_lines(lines: Sequence[_Line]) -> set[int]:
    """Lines no body run may cross: comment headers and forms, author-box lines."""
    cuts: set[int] = set()
    n = len(lines)
    # comment headings and form lines: a name over a date near one of them heads a comment
    marks = [i for i, ln in enumerate(lines) if _is_comment_heading(ln.text) or _is_comment_form(ln.text)]
    cuts.update(marks)
    for i, ln in enumerate(lines):
        t = ln.text
        if (
            i in cuts
            or _is_says_header(t)
            or _is_author_links(t)
            or _is_about_author(t)
            or _is_signature(t)
        ):
            cuts.add(i)
            continue
        if _is_separator(t) and (i + 1 >= n or _weight(lines[i + 1]) <= 0):
            cuts.add(i)  # a rule followed by a label: the story is over ("___" / "SHARE YOUR STORY")
            continue
        if _is_byline_line(t) is not None:
            cuts.add(i)  # the byline closes the header: the story starts after it
            continue
        if ln.nwords >= BIO_MIN_WORDS and _bio_at(lines, i) is not None:
            cuts.add(i)
            continue
        # a short name-like line directly followed by a date line: a comment header
        if i + 1 < n and ln.nwords <= COMMENT_AUTHOR_MAX_WORDS and not ln.sentence and _is_date_line(lines[i + 1].text) and not _is_date_line(t):
            if any(i + k < n and lines[i + k].nwords >= SENTENCE_MIN_WORDS for k in (2, 3)) and _near_mark(marks, i):
                cuts.add(i)
    return cuts


def _near_mark(marks: Sequence[int], i: int) -> bool:
    """Whether one of the sorted line numbers ``marks`` lies within COMMENT_CONTEXT_LINES of ``i``."""
    k = bisect.bisect_left(marks, i - COMMENT_CONTEXT_LINES)
    return k < len(marks) and marks[k] <= i + COMMENT_CONTEXT_LINES


def _no_prose_between(lines: Sequence[_Line], cuts: set[int], start: int, end: int) -> bool:
    """Whether only short lines, author-box and comment lines lie in ``[start, end)`` (no second story)."""
    return end - start <= BARRIER_MAX_DISTANCE and all(
        k in cuts or lines[k].nwords < SENTENCE_MIN_WORDS or _weight(lines[k]) <= 0 for k in range(start, end)
    )


def _run_weight(lines: Sequence[_Line], start: int, end: int) -> float:
    return sum(_weight(lines[i]) for i in range(start, end + 1))


def _comment_barriers(lines: Sequence[_Line]) -> list[int]:
    """Comment sections (a heading with comments under it, or a "says:" header) after enough prose: each may
    end the story above it, so that long comments do not outweigh a short story."""
    prose = 0.0
    out: list[int] = []
    for i, ln in enumerate(lines):
        t = ln.text
        if prose >= BARRIER_MIN_PROSE and (
            _is_says_header(t) or (_is_comment_heading(t) and _comment_evidence(lines, i + 1))
        ):
            out.append(i)
            if len(out) >= MAX_BARRIERS:
                break
        prose += max(0.0, _weight(ln)) if ln.nwords >= SENTENCE_MIN_WORDS else 0.0
    return out


def _weight(ln: _Line) -> float:
    """How much a line counts for the story run (cached on the line)."""
    if ln.weight is None:
        ln.weight = _line_weight(ln)
    return ln.weight


def _line_weight(ln: _Line) -> float:
    t = ln.text
    if _is_url_line(t) or _is_date_line(t) or _is_site_boilerplate(t) or _is_contact_line(t) or _is_promo_line(t) or _is_credit_line(t):
        return -SHORT_LINE_COST
    if ln.nwords >= PROSE_MIN_WORDS:
        return float(len(t))
    if ln.sentence and ln.nwords >= SENTENCE_MIN_WORDS:
        return MEDIUM_SENTENCE_WEIGHT * len(t)
    if (ln.sentence and ln.nwords >= 3) or (ln.nwords >= INTRO_MIN_WORDS and t.endswith(":")):
        return SHORT_SENTENCE_WEIGHT * len(t)
    return -SHORT_LINE_COST


def _body_run(lines: Sequence[_Line], cuts: set[int]) -> tuple[int, int]:
    """The story's lines: the heaviest run with short gaps, its start taken back over longer gaps.

    A story's head is often broken up by photo galleries and share bars (long gaps before the first
    paragraphs); its end is followed by related links and promos (short gaps, then more prose).
    """
    s, e = _heaviest_run(lines, cuts, BODY_MAX_GAP)
    s2, e2 = _heaviest_run(lines, cuts, BODY_MAX_HEAD_GAP)
    if s2 <= s <= e <= e2:
        s = s2
    return s, e


def _heaviest_run(lines: Sequence[_Line], cuts: set[int], max_gap: int) -> tuple[int, int]:
    """The maximum-weight run of lines that crosses no cut line and no gap of ``max_gap`` short lines (Kadane)."""
    weights = [_weight(ln) for ln in lines]
    best, best_s, best_e = 0.0, 0, -1
    cur, cur_s = 0.0, 0
    gap = 0
    for i, w in enumerate(weights):
        if i in cuts:
            cur, cur_s, gap = 0.0, i + 1, 0
            continue
        gap = gap + 1 if w <= 0 else 0
        if gap >= max_gap:
            cur, cur_s = 0.0, i + 1
            continue
        if cur <= 0:
            cur, cur_s = w, i
        else:
            cur += w
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    if best_e < best_s:
        return best_s, best_e
    # a short closing line after a one-line gap ("UP NEXT" / "Lakers: Visit the Thunder on Friday.")
    end = best_e
    k = end + 1
    while k < len(lines) and k not in cuts and (
        weights[k] > 0 or (k + 1 < len(lines) and weights[k + 1] > 0 and k == end + 1 and not _TRUNCATED.search(lines[k].text))
    ):
        if weights[k] > 0 and "\u00a9" in lines[k].text:
            break
        if weights[k] > 0:
            end = k
        k += 1
        if k - end > 2:
            break
    while end > best_s and _is_teaser_tail(lines[end]):
        end -= 1
    return best_s, end


def _is_teaser_tail(ln: _Line) -> bool:
    """A short question or trailing-dots line at the end of a run: a teaser or a "You may also like..." label."""
    t = ln.text.rstrip()
    return ln.nwords < SENTENCE_MIN_WORDS and (t.endswith("?") or t.endswith("...") or t.endswith("\u2026"))


def _dateline_start(lines: Sequence[_Line], start: int, end: int) -> int:
    """A story opens with its dateline: a dateline paragraph early in the run starts the body."""
    total = sum(max(0.0, _weight(lines[i])) for i in range(start, end + 1))
    before = 0.0
    for i in range(start, end + 1):
        ln = lines[i]
        if ln.nwords >= SENTENCE_MIN_WORDS and split_dateline(ln.text)[0] is not None:
            return i if i > start and before < DATELINE_START_SHARE * total else start
        before += max(0.0, _weight(ln))
    return start


def _heading_like(ln: _Line) -> bool:
    t = ln.text
    if not 2 <= ln.nwords <= HEADLINE_MAX_WORDS or not 10 <= len(t) <= HEADLINE_MAX_CHARS:
        return False
    if _NOT_HEADLINE_END.search(t) or _INNER_SENTENCE.search(t) or _NAV_SEPARATORS.search(t):
        return False
    if _is_url_line(t) or _is_date_line(t) or _is_byline_line(t) is not None or t.islower():
        return False
    if _is_comment_heading(t) or _is_comment_prompt(t) or _is_action_line(t):
        return False
    return not (ln.nwords <= 6 and _COMMENT_WORD.match(t))


def _slug_words(url: str | None) -> set[str]:
    """The words of the longest hyphenated path segment of the URL (the story's slug), if it has enough."""
    if not url:
        return set()
    path = re.sub(r"[?#].*$", "", url.split("://", 1)[-1])
    parts = [p for p in path.split("/")[1:] if p]
    best: list[str] = []
    for p in parts:
        p = re.sub(r"\.[a-z]{2,5}$", "", p.lower())
        toks = [w for w in re.split(r"[-_+.]+", p) if w.isalpha() and len(w) > 2]
        if len(toks) > len(best):
            best = toks
    return set(best) if len(best) >= SLUG_MIN_WORDS else set()


def _find_headline(
    lines: Sequence[_Line], body_start: int, url: str | None, cuts: set[int]
) -> tuple[int | None, int | None]:
    lo = max(0, body_start - HEADLINE_WINDOW)
    cands = [i for i in range(lo, body_start) if i not in cuts and _heading_like(lines[i]) and not _is_credit(lines[i])]
    if not cands:
        return None, None
    slug = _slug_words(url)
    texts = [norm(ln.text) for ln in lines]
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    best_i, best_score = None, float("-inf")
    for rank, i in enumerate(reversed(cands)):
        t = texts[i]
        score = -HEADLINE_DISTANCE_COST * rank
        nw = lines[i].nwords
        if slug:
            toks = {w for w in words(lines[i].text) if len(w) > 2}
            score += HEADLINE_SLUG_WEIGHT * len(toks & slug) / len(slug)
        if nw >= 4 and _header_follows(lines, i, body_start):
            score += HEADLINE_HEADER_WEIGHT
            if _header_follows(lines, i, body_start, HEADER_ADJACENT_LINES):
                score += HEADLINE_HEADER_WEIGHT  # the byline or date right under it
        if nw >= 4 and counts[t] > 1 or (len(t) >= 20 and any(t in other for j, other in enumerate(texts) if j != i and len(other) > len(t))):
            score += HEADLINE_REPEAT_WEIGHT  # the title line and the heading, or a breadcrumb
        score += 0.5 if nw >= 4 else -1.0
        if nw > 20:
            score -= 1.0  # captions and teasers run longer than headlines
        if find_dates(lines[i].text):
            score -= HEADLINE_DATE_COST  # photo captions carry the day the picture was taken
        if score > best_score:
            best_i, best_score = i, score
    if best_i is None:
        return None, None
    sub = None
    nxt = best_i + 1
    if nxt < body_start and lines[nxt].nwords >= 5 and not _is_date_line(lines[nxt].text) and _is_byline_line(lines[nxt].text) is None and not _is_url_line(lines[nxt].text) and texts[nxt] != texts[best_i]:
        sub = nxt
    return best_i, sub


def _is_credit(ln: _Line) -> bool:
    """A name with a title or an outlet ("Jane Doe Political Correspondent", "Jane Doe, Daily News"): a byline."""
    return ln.nwords <= NAME_LINE_MAX_WORDS and any(b.role or b.affiliation for b in _byline_people(ln.text))


def _header_follows(lines: Sequence[_Line], i: int, body_start: int, within: int = 0) -> bool:
    """Whether a byline or a date line follows line ``i`` closely (headline, dek, byline, date), or
    a date line stands right above it (date, headline)."""
    if i > 0 and _is_date_line(lines[i - 1].text):
        return True
    for k in range(i + 1, min(body_start + 1, i + 1 + (within or HEADER_FOLLOW_LINES), len(lines))):
        t = lines[k].text
        if _is_date_line(t) or _is_byline_line(t) is not None:
            return True
    return False


def _fill_body(lay: _Layout) -> None:
    lines = lay.lines
    first = True
    for i in range(lay.body_start, lay.body_end + 1):
        ln = lines[i]
        t = ln.text
        if i == lay.subheadline or i == lay.headline:
            continue
        if _is_url_line(t) or _is_date_line(t) or _is_action_line(t) or _is_comment_prompt(t):
            continue
        w = _weight(ln)
        if w < 0:
            if _heading_like(ln) and lay.paragraphs:
                lay.paragraphs.append(Block(kind="heading", text=t))
            continue
        if first:
            first = False
            dl, rest = split_dateline(t)
            if dl is not None and rest.strip():
                lay.dateline = dl
                t = rest.strip()
        lay.paragraphs.append(Block(kind="paragraph", text=t))
    while lay.paragraphs and lay.paragraphs[-1].kind == "heading":
        lay.paragraphs.pop()


def _is_name_line(ln: _Line) -> bool:
    """Whether the line is a person's name, bare or under a header word ("Written By Jane Doe") (cached)."""
    if ln.name is None:
        ln.name = ln.nwords <= NAME_LINE_MAX_WORDS and any(
            c and _looks_like_person_name(c) for c in (ln.text, R.strip_bio_header(ln.text))
        )
    return ln.name


def _box_name_lines(lines: Sequence[_Line], i: int) -> list[tuple[int, str]]:
    """Name lines of an author box above line ``i`` (nearest first): "Jane Doe", "Written By Jane Doe", "Über Jane"."""
    out: list[tuple[int, str]] = []
    for k in range(i - 1, max(-1, i - 1 - BIO_NAME_DISTANCE), -1):
        if not _is_name_line(lines[k]):
            continue
        t = lines[k].text
        out.append((k, t if _looks_like_person_name(t) else R.strip_bio_header(t)))
    return out


def _bio_at(lines: Sequence[_Line], i: int) -> tuple[str, int, str | None] | None:
    """(name, name line, title) when line ``i`` is an author box's bio: a bio sentence about the name
    line above it, possibly after a short title ("Projektleiterin. Jane Doe hat ...")."""
    boxes = _box_name_lines(lines, i)
    if not boxes:
        return None
    names = [name for _k, name in boxes]
    text = lines[i].text
    title = None
    if not _PERSON_WORDS.search(text):
        return None  # "Roth IRA was created through the Act of 1997" under a "ROTH IRA" heading
    subject = R.bio_subject(text, names)
    if subject is None:
        m = _TITLE_PREFIX.match(text)
        if m is None:
            return None
        subject = R.bio_subject(text[m.end():], names)
        if subject is None:
            return None
        title = m.group(1)
    k = next(k for k, name in boxes if name == subject)
    return subject, k, title


def _find_bios(lay: _Layout, start: int, end: int, *, boxes_only: bool = False) -> None:
    """Author boxes in ``[start, end)``: a bio sentence about a name line above it, or (unless
    ``boxes_only``, after the story) about a credited author, or, right after the story or under an
    "About the author" heading, about any person."""
    lines = lay.lines
    credited = [b.name for b in lay.bylines]
    for i in range(start, end):
        t = lines[i].text
        title = None
        box = _bio_at(lines, i)
        if box is not None:
            name, k, title = box
            between = [lines[j].text for j in range(k + 1, i) if not _looks_like_person_name(lines[j].text) and not _is_date_line(lines[j].text)]
            if title is None and len(between) == 1 and _word_count(between[0]) <= 8 and not _ends_sentence(between[0]):
                title = between[0]
        elif boxes_only:
            continue
        else:
            found = R.bio_subject(t, credited) if credited else None
            if found is None:
                about = any(_is_about_author(lines[j].text) for j in range(max(start, i - 3), i))
                found = R.bio_subject(t) if about or i - start <= BIO_AFTER_BODY_LINES else None
                if found is not None and not _looks_like_person_name(found):
                    found = None  # "The City has ...", "The Associated Press is ...": not a person
            if found is None:
                continue
            name = found
        lay.bios.append(AuthorBio(name=name, title=title, text=t))
        lay.bio_lines.add(i)


def _near_date_line(lines: Sequence[_Line], i: int) -> bool:
    """Whether a date line (or a short line holding a date, "Associated PressDecember 2, 2016") is next to line ``i``."""
    return any(
        0 <= k < len(lines) and (_is_date_line(lines[k].text) or (lines[k].nwords <= DATE_LINE_MAX_WORDS and bool(find_dates(lines[k].text))))
        for k in (i - 1, i + 1, i + 2)
    )


def _top_bylines(lay: _Layout, header_from: int, tail_end: int) -> list[Byline]:
    """Byline lines of the header ("By ..."), else the "Posted by" signature under the story."""
    lines = lay.lines
    found: list[Byline] = []
    for i in range(header_from, min(lay.body_start + 3, len(lines))):
        t = lines[i].text
        if _is_byline_line(t) is not None:
            found.extend(_byline_people(t))
        elif i > header_from and i < lay.body_start and _looks_like_person_name(t) and _near_date_line(lines, i):
            found.extend(parse_byline(t))  # a bare name over or under the date line
    if not found:
        for i in range(lay.body_end + 1, tail_end):
            if _is_signature(lines[i].text):
                people = _byline_people(lines[i].text)
                if people:
                    found.extend(people)
                    break
    return found


def _trim_bio_tail(lay: _Layout) -> int:
    """Take a closing bio sentence about a credited author ("Jane Doe is a reporter ...") off the body's end.

    Returns where the search for author boxes starts."""
    credited = [b.name for b in lay.bylines]
    end = lay.body_end
    while end > lay.body_start and credited and R.bio_subject(lay.lines[end].text, credited) is not None:
        end -= 1
    first_bio = end + 1
    lay.body_end = end
    return first_bio


def _merge_bylines(found: list[Byline]) -> list[Byline]:
    """One byline per person: a name contained in another (by tokens) is the same person."""
    out: list[Byline] = []
    for b in found:
        toks = _name_tokens(b.name)
        merged = False
        for j, o in enumerate(out):
            otoks = _name_tokens(o.name)
            if toks and otoks and (toks <= otoks or otoks <= toks):
                if o.role is None and b.role is not None:
                    out[j] = Byline(name=o.name, role=b.role, affiliation=o.affiliation, url=o.url)
                merged = True
                break
        if not merged:
            out.append(b)
    return out


def _find_published(lines: Sequence[_Line], header_from: int, body_start: int, url: str | None) -> _dt.datetime | None:
    lo = max(0, header_from - 3)
    for i in range(lo, min(len(lines), body_start + 1)):
        t = lines[i].text
        if len(t) > BYLINE_MAX_CHARS or not R.find_date_text(t):
            continue
        if _is_date_line(t) or _is_byline_line(t) is not None or _is_signature(t):
            d = _date_in(t)
            if d is not None:
                return d
    return date_from_url(url)


def _date_in(text: str) -> _dt.datetime | None:
    found = find_dates(text)
    return found[0] if found else None


# --------------------------------------------------------------------------------------------
# Comments
# --------------------------------------------------------------------------------------------


def _comment_start(lines: Sequence[_Line], start: int) -> int | None:
    """Where the comment section begins after the body, or None when the page shows none.

    A comment heading followed by comment headers (names, dates, "says:"), a "says:" header or a
    "Posted by:" signature opens it; prose after the author boxes counts as comments only when it
    is numbered ("2. ...") and a comment form follows it.
    """
    n = len(lines)
    first, numbered, prose = start, False, False  # unlabelled comments since the last author-box line
    for i in range(start, n):
        t = lines[i].text
        if _is_says_header(t):
            return i
        if _is_comment_heading(t) and _comment_evidence(lines, i + 1):
            return i
        if _is_comment_form(t):
            if numbered and prose:
                return first
            continue
        if _is_author_links(t) or _is_social_feed(t):
            first, numbered, prose = i + 1, False, False
            continue
        numbered = numbered or _NUMBER_MARKER.match(t) is not None
        prose = prose or lines[i].nwords >= SENTENCE_MIN_WORDS
    signatures = [i for i in range(start, n) if _is_signature(lines[i].text) and (_comment_header(lines[i].text) or (None, None))[1]]
    if len(signatures) >= MIN_SIGNATURES:
        i = signatures[0]
        if i > start and lines[i - 1].nwords >= 3:
            # signatures after comment texts: the section starts at the first text
            j = i - 1
            while j > start and lines[j - 1].nwords >= 3 and not _is_signature(lines[j - 1].text):
                j -= 1
            return j
    return None


def _is_comment_header_at(lines: Sequence[_Line], i: int) -> bool:
    """Whether line ``i`` opens or signs a comment: "says:", "Posted by", "Name, <date>", a name over a date."""
    t = lines[i].text
    hdr = _comment_header(t)
    if hdr is not None and hdr[0]:
        return True
    if i + 1 < len(lines) and _is_date_line(lines[i + 1].text) and lines[i].nwords <= COMMENT_AUTHOR_MAX_WORDS:
        return not lines[i].sentence and not _is_date_line(t)
    return _is_date_line(t) and i + 1 < len(lines) and lines[i + 1].nwords >= 3 and not _is_date_line(lines[i + 1].text)


def _comment_evidence(lines: Sequence[_Line], start: int) -> bool:
    """Comment headers and comment text in the lines after a comment heading (up to the form)."""
    headers = prose = 0
    for i in range(start, min(len(lines), start + COMMENT_EVIDENCE_WINDOW)):
        t = lines[i].text
        if _is_comment_form(t):
            break
        if _is_comment_header_at(lines, i):
            headers += 1
        elif lines[i].nwords >= 3 and not _is_action_line(t):
            prose += 1
        if headers and prose:
            return True
    return False


@attrs.define(slots=True)
class _Draft:
    paras: list[str] = attrs.field(factory=list)
    author: str | None = None
    date: _dt.datetime | None = None
    number: int | None = None
    sig_author: str | None = None
    sig_date: _dt.datetime | None = None


def _find_comments(lines: Sequence[_Line], start: int, lay: _Layout) -> list[Comment]:
    """The comments from ``start`` to the comment form: runs of text lines split at header lines
    ("Jane says:", a name over a date, "Posted by" signatures), widget lines and, in a numbered list
    without headers, at the next number ("2. ..."); each gets the author and date of its header or signature."""
    n = len(lines)
    drafts: list[_Draft] = []
    pending_author: str | None = None
    pending_date: _dt.datetime | None = None
    current: _Draft | None = None
    short_run = 0
    # numbers open comments only in a list without comment headers (names, dates, "says:")
    numbered_list = not any(_is_comment_header_at(lines, k) for k in range(start, min(n, start + COMMENT_EVIDENCE_WINDOW)))
    for i in range(start, n):
        ln = lines[i]
        t = ln.text
        if _is_comment_form(t) or _is_site_boilerplate(t) or _form_fields_at(lines, i):
            break
        short_run = short_run + 1 if ln.nwords <= COMMENT_AUTHOR_MAX_WORDS and not ln.sentence and not _is_comment_header_at(lines, i) else 0
        if short_run >= COMMENT_MAX_GAP:
            break  # a menu or a footer: the comment list is over
        if i in lay.bio_lines or _is_pingback(t) or _is_author_links(t) or _is_social_feed(t) or _is_comment_heading(t) or _is_comment_prompt(t):
            current = None
            continue
        hdr = _comment_header(t)
        if hdr is not None:
            author, date_text = hdr
            d = _date_in(date_text) if date_text else None
            if author and _SIGNATURE.match(t) and current is not None and current.paras:
                current.sig_author, current.sig_date = author, d  # a signature under the text
            else:
                pending_author = author or pending_author
                pending_date = d or pending_date
            current = None
            continue
        if _NUMBER_ONLY.match(t):
            current = None
            continue
        if _is_action_line(t):
            current = None
            continue
        if ln.nwords <= COMMENT_AUTHOR_MAX_WORDS and not ln.sentence and i + 1 < n and (_is_date_line(lines[i + 1].text) or _is_says_header(lines[i + 1].text)):
            pending_author, current = t, None
            continue
        if current is not None and ln.nwords <= COMMENT_AUTHOR_MAX_WORDS and not ln.sentence and _looks_like_person_name(t) and i + 1 < n and lines[i + 1].nwords >= 3 and current.paras:
            # "Jane Doe" footer name between comments
            pending_author, current = t, None
            continue
        number, text = _strip_number(t)
        if number is not None and not (numbered_list and number == _next_number(drafts)):
            number, text = None, t  # a numbered list inside a comment
        if number is not None:
            current = None
        if current is None:
            current = _Draft(author=pending_author, date=pending_date, number=number)
            drafts.append(current)
            pending_author, pending_date = None, None
        current.paras.append(text if number is not None and current.number == number else t)
    drafts = [d for d in drafts if any((_word_count(p) >= 4 or _ends_sentence(p)) and not _is_title_case(p) for p in d.paras)]
    signed = [d for d in drafts if d.author or d.sig_author or d.date or d.sig_date]
    if drafts and len(signed) >= SIGNED_SHARE * len(drafts):
        drafts = signed  # a section whose comments carry names or dates: unsigned text is not a comment
    out: list[Comment] = []
    numbered = [d.number for d in drafts if d.number is not None]
    if drafts and drafts[0].number is None and numbered and numbered[0] == 2:
        drafts[0].number = 1  # the rendering lost the first number of a numbered list
    for draft in drafts:
        text = "\n\n".join(p for p in draft.paras if p.strip())
        if not text:
            continue
        out.append(
            Comment(
                text=text,
                author=draft.author or draft.sig_author,
                published=draft.date or draft.sig_date,
                id=None if draft.number is None else str(draft.number),
            )
        )
    return out


def _next_number(drafts: Sequence[_Draft]) -> int:
    """The number the next comment of a numbered list carries (an unnumbered first comment counts as 1)."""
    if not drafts:
        return 1
    last = drafts[-1].number
    return (last if last is not None else len(drafts)) + 1


# --------------------------------------------------------------------------------------------
# Field functions (called by the generic extractor for ``page.kind == "text"``)
# --------------------------------------------------------------------------------------------


def headline(page: Page) -> Headline | None:
    lay = _layout(page)
    if lay.headline is None:
        return None
    sub = lay.lines[lay.subheadline].text if lay.subheadline is not None else None
    return Headline(text=lay.lines[lay.headline].text, subheadline=sub)


def dateline(page: Page) -> Dateline | None:
    return _layout(page).dateline


def body(page: Page) -> Body | None:
    lay = _layout(page)
    if not lay.paragraphs:
        return None
    return Body(blocks=lay.paragraphs)


def bylines(page: Page) -> tuple[Byline, ...] | None:
    lay = _layout(page)
    return tuple(lay.bylines) if lay.bylines else None


def author_bios(page: Page) -> tuple[AuthorBio, ...] | None:
    lay = _layout(page)
    if lay.bios:
        return tuple(lay.bios)
    return () if lay.paragraphs else None


def published(page: Page) -> _dt.datetime | None:
    return _layout(page).published


def comments(page: Page) -> tuple[Comment, ...] | None:
    lay = _layout(page)
    if lay.comments:
        return tuple(lay.comments)
    return () if lay.paragraphs else None
