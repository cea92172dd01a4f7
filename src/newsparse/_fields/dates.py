"""Published and modified dates.

Declared dates (JSON-LD, ``<meta>``, ``itemprop`` elements) come first, then the date in the URL,
then the dates printed in the article header (``<time>``, date- and byline-classed elements, short
lines between the headline and the story), nearest to the story first, so a masthead's "today" line
loses to the story's own; last, a date line that signs the post off under the story, or one right
under the printed headline when the story was found far from it. A printed date is read with the
words just before it: "Updated March 11" is the modification, "Posted ... / Updated ..." gives both,
and a page that prints only an update has no publication date (pages print their crawl day that
way). When the header prints the declared publication day as its update and an earlier day as the
publication, the CMS declared its last save: the printed publication wins. Dates in comments, teasers,
captions, cookie banners, policy and copyright lines are never read.

Declared and ``datetime=`` values are moments, often in UTC; the label is the day as the page writes
it, so when one is a day off the day printed beside it, written in the URL or declared again without
a zone, the local day wins (with the zone that makes it the same moment, when it has a time), unless
the header also prints the declared day. A printed "Nov 18, 8:19 PM" without a year is read in the
year of the machine value beside it. A day without a time takes its time (and zone) from another
source of the same day, such as a post footer's ``<abbr title>``. Numeric dates are read day first
or month first by the page's language (plain "en" refined by a day-first og:locale such as "en_GB"),
or, without one (or for plain "en"), by its country domain.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import Any

from .._blocks import _token_hints, collapse
from .._page import Page
from .._parsing import date_from_url, find_dates, parse_date
from .._parsing.dates import find_date_spans, find_yearless_spans
from ._text import Caseless

#: <meta> names that carry the publication date, most trusted first.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_on",
    "published-date",
    "pubdate",
    "publication_date",
    "publication-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article_date_original",
    "published_time",
    "original-publish-date",
    "citation_publication_date",
    "citation_date",
    "cxenseparse:recs:publishtime",
    "og:pubdate",
    "rnews:datepublished",
    "bt:pubdate",
)
#: <meta> names that carry the last modification date.
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "article:modified",
    "modified_time",
    "bt:moddate",
)
#: ``itemprop`` values whose element (``<time datetime>``, ``<span content>``, text) declares a date.
PUBLISHED_ITEMPROPS = ("datePublished", "datepublished", "dateCreated")
#: ``itemprop`` values whose element declares the last modification.
MODIFIED_ITEMPROPS = ("dateModified", "datemodified")
#: Attributes of a date element that hold its machine-readable value.
MACHINE_DATE_ATTRS = ("datetime", "content", "title", "data-timestamp", "data-date", "data-datetime")
#: Regions whose dates belong to other things (reader comments, recirculated teasers).
NOT_ARTICLE_DATE_HINTS = frozenset({"comment", "related", "caption"})
#: How many ancestors of an ``itemprop`` date to look through for a comment or teaser (templates nest a dozen levels).
ANCESTOR_DEPTH = 25
#: Longer class/id text is noise (generated styles), not a region's name.
MAX_ATTR_CHARS = 2000
#: A label word starts at a word boundary or where a lost space glued it to the word before ("AnalystUpdated")...
_WORD_START = r"(?:(?<![^\W\d_])|(?-i:(?<=[a-z])(?=[A-Z])))"
#: ...and ends at a boundary or where the next word was glued on ("PostedJanuary 16").
_WORD_END = r"(?:(?![^\W\d_])|(?-i:(?=[A-Z])))"
#: Words that make a printed date the last update rather than the publication (several languages).
UPDATED_WORDS = re.compile(
    _WORD_START
    + r"(?:updated|last updated|modified|revised|aktualisiert|geändert|mis à jour|mise à jour|actualizado"
    r"|actualización|aggiornato|aggiornamento|bijgewerkt|atualizado|upd|обновлено|обновлен|оновлено"
    r"|aktualizacja|zaktualizowano|aktualizováno|aktualizované|uppdaterad|opdateret|oppdatert|päivitetty"
    r"|güncellendi|güncelleme|actualizat|diperbarui|ενημερώθηκε|अपडेट|अद्यतन)"
    + _WORD_END,
    re.I,
)
#: Words that make a printed date the publication even when an update is printed beside it.
PUBLISHED_WORDS = re.compile(
    _WORD_START
    + r"(?:published|posted|publié|publiée|veröffentlicht|erstellt|publicado|pubblicato|created|gepubliceerd"
    r"|erschienen|опубликовано|опубліковано|opublikowano|publikováno|publicerad|publiceret|publisert"
    r"|julkaistu|yayınlandı|yayınlanma|publicat|diterbitkan|δημοσιεύθηκε|प्रकाशित)"
    + _WORD_END,
    re.I,
)
#: Words of a notice about the site rather than the story (cookie banners, privacy and terms notices,
#: copyright lines): a date printed in it is the notice's ("This policy was last changed on 4 May 2023").
NOTICE_WORDS = Caseless(
    r"cookie|privacy (?:policy|notice|statement|settings)|gdpr|terms of (?:use|service)|copyright|©"
    r"|datenschutz|nutzungsbedingungen|confidentialité|mentions légales|privacidad|all rights reserved"
    r"|alle rechte"
)
#: A digit: every date the printed-date scan finds has one (find_date_spans without a reference day).
_HAS_DIGIT = re.compile(r"\d")
#: How many blocks above the story's first block its header (headline, byline, date) may start.
HEADER_WINDOW = 40
#: Blocks above the story's first block searched for a printed date line.
HEADER_TEXT_WINDOW = 20
#: Blocks into the story that may still hold its header (a date under the lead image).
HEADER_SPILL = 3
#: Blocks into the story where a short date line may still stand (the story's start found a little early,
#: on a dek or a breadcrumb, puts the header's date line inside it).
SHORT_LINE_SPILL = 8
#: Blocks under the story where its own date element may stand (a blog post's "posted at" footer).
FOOTER_WINDOW = 10
#: Lines from the story's last block on where a post's sign-off date may stand (last line, just under it).
CLOSING_LINES = 3
#: A sign-off date line is a date and little else...
CLOSING_DATE_CHARS = 60
#: ...at most a weekday, a time or a "Posted on" label beside it.
CLOSING_EXTRA_WORDS = 3
#: Blocks under the printed headline searched for its date line when the story was found far from it.
HEADLINE_DATE_WINDOW = 4
#: A printed date line is short; longer text is prose that merely mentions a date.
MAX_DATE_LINE_CHARS = 160
#: A block inside the story counts as a header line only this short (a date line taken for part of the
#: story); a longer one is prose that may mention an older date ("first published on ...").
SHORT_LINE_CHARS = 100
#: A story that opens with its date prints it within this many characters of its first block.
OPENING_DATE_CHARS = 24
#: Characters before a date read for its label ("Updated on", "Published:").
LABEL_CHARS = 40
#: A declared date this close to the printed or URL day is the same moment in another zone.
ZONE_SLACK = _dt.timedelta(days=1)
#: What stands between the two ends of an event's time range ("2023-01-10 10:30 2023-01-10 11:00",
#: "Jan 10 - Jan 12", "10. bis 12. März"): such a pair is a schedule, not a publication date.
RANGE_JOINER = re.compile(r"\s*(?:[-\u2013\u2014~]|to|until|till|bis|au|al|a|à|tot)?\s*", re.I)
#: Zones lie within 14 hours of UTC...
MAX_ZONE_OFFSET = _dt.timedelta(hours=14)
#: ...on quarter hours (Nepal is +05:45).
ZONE_STEP = _dt.timedelta(minutes=15)
#: Zones run from UTC-12 to UTC+14: a UTC time from this hour may be the next day somewhere...
LATE_UTC_HOUR = 10
#: ...and one before this hour the previous day somewhere.
EARLY_UTC_HOUR = 12

#: English variants that print numeric dates month first; every other language prints the day first.
MONTH_FIRST_LOCALES = ("en-us", "en", "en-ph", "en-ca")
#: An English og:locale with a region ("en_GB", "en-IE"): the region plain ``<html lang="en">`` leaves out.
OG_LOCALE_RE = re.compile(r"en-[a-z]{2}")


#: Country-code domains that print numeric dates month first, or that sites anywhere use as generic
#: names: they say nothing about a page's day order.
NO_DAY_ORDER_TLDS = frozenset("us ph ca fm io co ai tv me ly gg to cc ws la so sh ac is am im vc".split())


def _dayfirst(page: Page) -> bool | None:
    """Whether the page's numeric dates are day first ("12/03/2026" = 12 March), from its language,
    or, for a page that declares none or plain "en", from its country-code domain (``.de``, ``.co.uk``)."""
    if "_dayfirst" not in page.__dict__:
        from .language import language

        lang = (language(page) or "").lower()
        if lang == "en":
            # ``<html lang="en">`` without a region: the page's og:locale may name a day-first one ("en_GB");
            # not "en_US", the default of many publishing tools, which says little about the page
            locale = (page.metadata.first("og:locale") or "").strip().lower().replace("_", "-")
            if OG_LOCALE_RE.fullmatch(locale) and locale not in MONTH_FIRST_LOCALES:
                lang = locale
        tld = (page.domain or "").rsplit(".", 1)[-1]
        country = len(tld) == 2 and tld.isalpha() and tld not in NO_DAY_ORDER_TLDS
        if lang == "en" and country:
            page.__dict__["_dayfirst"] = True  # English without a region, on a British, Irish, Indian... domain
        elif lang:
            page.__dict__["_dayfirst"] = lang not in MONTH_FIRST_LOCALES
        else:
            page.__dict__["_dayfirst"] = True if country else None
    return page.__dict__["_dayfirst"]  # type: ignore[no-any-return]


def _jsonld_dates(page: Page, key: str) -> Iterator[_dt.datetime]:
    for obj in page.metadata.articles():
        v = obj.get(key)
        if isinstance(v, list):
            v = v[0] if v else None
        if isinstance(v, str):
            d = parse_date(v)
            if d is not None:
                yield d


def _jsonld_date(page: Page, key: str) -> _dt.datetime | None:
    return next(_jsonld_dates(page, key), None)


def _meta_dates(page: Page, keys: tuple[str, ...]) -> Iterator[_dt.datetime]:
    for k in keys:
        for v in page.metadata.meta.get(k, ()):
            d = parse_date(v)
            if d is not None:
                yield d


def _meta_date(page: Page, keys: tuple[str, ...]) -> _dt.datetime | None:
    return next(_meta_dates(page, keys), None)


def _in_other_item(el: Any) -> bool:
    """Whether ``el`` sits in a comment or a teaser (by its ancestors' class, id or itemtype words, read
    as the block walk reads them, so "has-comments" on the story's own element does not count)."""
    for depth, anc in enumerate(el.iterancestors()):
        if depth >= ANCESTOR_DEPTH:
            break
        attrs = " ".join(v for v in (anc.get("class"), anc.get("id"), anc.get("itemtype")) if v)
        if attrs and len(attrs) < MAX_ATTR_CHARS:
            for token in attrs.split():
                if _token_hints(token) & NOT_ARTICLE_DATE_HINTS:
                    return True
    return False


def _itemprops(page: Page) -> dict[str, list[Any]]:
    """Elements of the body by ``itemprop`` value: one pass over the tree, cached on the page."""
    cached = page.__dict__.get("_itemprops")
    if cached is None:
        cached = {}
        for el in page.attr_elements:  # gathered by the block walk
            value = el.get("itemprop")
            if value and next(el.iterancestors("body"), None) is not None:
                for prop in value.split():
                    cached.setdefault(prop, []).append(el)
        page.__dict__["_itemprops"] = cached
    return cached


def _itemprop_date(page: Page, props: tuple[str, ...]) -> _dt.datetime | None:
    """A date declared by an ``itemprop`` element of the body (``<time itemprop=datePublished>``)."""
    by_prop = _itemprops(page)
    for prop in props:
        for el in by_prop.get(prop, ()):
            if el.tag == "meta" or _in_other_item(el):
                continue  # <meta itemprop> is already in page.metadata
            for value in (el.get("datetime"), el.get("content"), el.get("title")):
                if value:
                    d = parse_date(value)
                    if d is not None:
                        return d
            text = collapse(el.text_content() or "")
            if text and len(text) <= MAX_DATE_LINE_CHARS:
                found = find_dates(text, dayfirst=_dayfirst(page))
                if found:
                    return found[0]
    return None


def _declared(page: Page, updated: bool = False) -> _dt.datetime | None:
    if updated:
        return (
            _jsonld_date(page, "dateModified")
            or _meta_date(page, MODIFIED_META)
            or _itemprop_date(page, MODIFIED_ITEMPROPS)
        )
    return (
        _jsonld_date(page, "datePublished")
        or _meta_date(page, PUBLISHED_META)
        or _itemprop_date(page, PUBLISHED_ITEMPROPS)
        or _jsonld_date(page, "dateCreated")
    )


def _declared_local(page: Page, declared: _dt.datetime) -> _dt.datetime | None:
    """Another declaration of the publication written as a local time without a zone (a ``<meta>``
    "Monday, November 18, 2019, 08:19 PM" beside the UTC ``article:published_time``): the day as
    the page writes it, when it is the declared moment's day in another zone."""
    for d in (*_jsonld_dates(page, "datePublished"), *_meta_dates(page, PUBLISHED_META)):
        if d.tzinfo is None and _same_moment(declared, d):
            return d
    return None


def _story_span(page: Page) -> tuple[int, int]:
    from .analysis import analyze

    main = analyze(page).main
    if not main:
        return 0, len(page.blocks)
    return main[0].index, main[-1].index


def _is_update_label(prefix: str) -> bool:
    """Whether the label words just before a date make it an update ("Updated on", not "Published")."""
    upd = [m.end() for m in UPDATED_WORDS.finditer(prefix)]
    if not upd:
        return False
    pub = [m.end() for m in PUBLISHED_WORDS.finditer(prefix)]
    return not pub or upd[-1] > pub[-1]


def _labelled_dates(text: str, lead: str, dayfirst: bool | None) -> Iterator[tuple[_dt.datetime, bool]]:
    """The dates of a short printed line, each with whether its label makes it an update.

    Two dates joined only by a range word ("10:30 - 11:00", "Jan 10 to Jan 12") are an event's
    start and end, not when the page was published: neither is given."""
    spans = find_date_spans(text, dayfirst=dayfirst)
    in_range: set[int] = set()
    for i in range(len(spans) - 1):
        if RANGE_JOINER.fullmatch(text[spans[i][1] : spans[i + 1][0]]):
            in_range.update((i, i + 1))
    prev = 0
    for i, (start, end, d) in enumerate(spans):
        label = (lead + " " + text[prev:start])[-LABEL_CHARS:]
        if i not in in_range:
            yield d, _is_update_label(label)
        prev = end


def _opens_with_range(text: str, dayfirst: bool | None) -> bool:
    """Whether a text opens with an event's time range (two dates joined only by a range word)."""
    spans = find_date_spans(text[: 2 * OPENING_DATE_CHARS + 20], dayfirst=dayfirst)
    return (
        len(spans) >= 2
        and spans[0][0] < OPENING_DATE_CHARS
        and RANGE_JOINER.fullmatch(text[spans[0][1] : spans[1][0]]) is not None
    )


def _labelled_yearless(text: str, lead: str, reference: _dt.datetime) -> list[tuple[_dt.datetime, bool]]:
    """The month-and-day dates of a short printed line, read in ``reference``'s year, with their labels."""
    out = []
    prev = 0
    for start, end, value in find_yearless_spans(text, reference):
        out.append((value, _is_update_label((lead + " " + text[prev:start])[-LABEL_CHARS:])))
        prev = end
    return out


def _lead_text(el: Any) -> str:
    """The text printed just before ``el`` inside its parent (where its label is)."""
    parent = el.getparent()
    if parent is None:
        return ""
    parts = [parent.text or ""]
    for sib in parent:
        if sib is el:
            break
        parts.append(sib.text_content() or "")
        parts.append(sib.tail or "")
    return collapse(" ".join(parts))[-LABEL_CHARS:]


def _mark_dates(page: Page, el: Any) -> Iterator[tuple[_dt.datetime, bool]]:
    lead = _lead_text(el)
    text = collapse(el.text_content() or "")
    if NOTICE_WORDS.found(text[:MAX_DATE_LINE_CHARS]):
        return  # a cookie banner's or a policy's date
    shown = list(_labelled_dates(text, lead, _dayfirst(page))) if len(text) <= MAX_DATE_LINE_CHARS else []
    for attr in MACHINE_DATE_ATTRS:
        value = el.get(attr)
        d = parse_date(value) if value else None
        if d is None:
            continue
        if not shown and len(text) <= MAX_DATE_LINE_CHARS:
            # "Posted Nov 18, 8:19 PM": the printed day without its year, in the machine value's year
            shown = _labelled_yearless(text, lead, d)
        for local, upd in shown:
            # the attribute is the moment (often in UTC), the text the day where it was printed
            if abs(local.date() - d.date()) == ZONE_SLACK:
                yield _zoned(d, local), upd
                return
        first = find_date_spans(text)
        label = lead + " " + (text[: first[0][0]] if first else text[:LABEL_CHARS])
        yield d, _is_update_label(label[-LABEL_CHARS:])
        return
    yield from shown


def _printed(page: Page) -> list[tuple[int, _dt.datetime, bool]]:
    """Dates printed in the article header: (block index, date, is an update), nearest to the story first."""
    if "_printed_dates" in page.__dict__:
        return page.__dict__["_printed_dates"]  # type: ignore[no-any-return]
    start, _end = _story_span(page)
    lo = max(0, start - HEADER_WINDOW)
    out: list[tuple[int, _dt.datetime, bool]] = []
    for mark in page.marks:
        if not lo <= mark.block_index <= start + HEADER_SPILL or mark.hints & NOT_ARTICLE_DATE_HINTS:
            continue
        for d, upd in _mark_dates(page, mark.el):
            out.append((mark.block_index, d, upd))
    dayfirst = _dayfirst(page)
    for b in page.blocks[max(0, start - HEADER_TEXT_WINDOW) : start + SHORT_LINE_SPILL]:
        if b.hints & NOT_ARTICLE_DATE_HINTS or b.kind == "caption":
            continue
        if not _HAS_DIGIT.search(b.text):
            continue  # (cheap) no printed date without a digit: neither test below can find one
        # the notice test last: a long paragraph outside the story's opening is not read at all
        if len(b.text) <= (MAX_DATE_LINE_CHARS if b.index < start else SHORT_LINE_CHARS):
            if NOTICE_WORDS.found(b.text):
                continue
            for d, upd in _labelled_dates(b.text, "", dayfirst):
                out.append((b.index, d, upd))
        elif start <= b.index < start + HEADER_SPILL and not NOTICE_WORDS.found(b.text):
            # a story that opens with its date ("29.11.2022 – The council ...")
            opening = b.text[:OPENING_DATE_CHARS]
            if _opens_with_range(b.text, dayfirst):
                continue  # an event listing opens with its start and end times
            for d, upd in _labelled_dates(opening, "", dayfirst):
                out.append((b.index, d, upd))
                break
    # nearest to the story first (the site's "today" line sits in the masthead, far above); stable, so a
    # mark's machine-readable value comes before the same block's printed text
    out.sort(key=lambda c: (0, start - c[0]) if c[0] <= start else (1, c[0]))
    page.__dict__["_printed_dates"] = out
    return out


def _printed_date(page: Page, updated: bool) -> _dt.datetime | None:
    for _idx, d, upd in _printed(page):
        if upd == updated:
            return d
    return None


def _same_moment(declared: _dt.datetime, local: _dt.datetime | None) -> bool:
    """Whether ``local`` is the declared moment's day as printed in another zone: the declaration has
    a time and a zone, and the local day is the next day after it in UTC (declared late in the UTC
    day) or the previous one (declared early in the UTC day)."""
    if local is None or declared.tzinfo is None or local.date() == declared.date():
        return False
    utc = declared.astimezone(_dt.timezone.utc)
    if local.date() - utc.date() == ZONE_SLACK:
        return utc.hour >= LATE_UTC_HOUR
    if utc.date() - local.date() == ZONE_SLACK:
        return utc.hour < EARLY_UTC_HOUR
    return False


def _zoned(moment: _dt.datetime, local: _dt.datetime) -> _dt.datetime:
    """``local`` (a printed time without a zone) with the zone that makes it ``moment``, when ``moment``
    has a zone and the two differ by a real zone offset ("8:19 PM" beside "01:19Z" is -05:00)."""
    if moment.tzinfo is None or local.tzinfo is not None or not _has_time(local):
        return local
    utc = moment.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    offset = local.replace(second=utc.second, microsecond=utc.microsecond) - utc
    if abs(offset) > MAX_ZONE_OFFSET or offset % ZONE_STEP:
        return local
    return local.replace(tzinfo=_dt.timezone(offset))


def _has_time(d: _dt.datetime) -> bool:
    return d.tzinfo is not None or (d.hour, d.minute, d.second) != (0, 0, 0)


def _closing_marks(page: Page) -> Iterator[_dt.datetime]:
    """Machine-readable dates of date elements just under the story (a blog post's footer line)."""
    _start, end = _story_span(page)
    for mark in page.marks:
        if end < mark.block_index <= end + FOOTER_WINDOW and not mark.hints & NOT_ARTICLE_DATE_HINTS:
            for attr in MACHINE_DATE_ATTRS:
                value = mark.el.get(attr)
                d = parse_date(value) if value else None
                if d is not None:
                    yield d
                    break


def _closing_date(page: Page) -> _dt.datetime | None:
    """A post that signs off with its date: the story's last line, or a line just under it, is a date
    and little else ("10. September 2017" under the signature of a blog post)."""
    _start, end = _story_span(page)
    dayfirst = _dayfirst(page)
    for b in page.blocks[end : end + CLOSING_LINES]:
        if b.hints & NOT_ARTICLE_DATE_HINTS or len(b.text) > CLOSING_DATE_CHARS or NOTICE_WORDS.found(b.text):
            continue
        spans = find_date_spans(b.text, dayfirst=dayfirst)
        if len(spans) != 1:
            continue
        start_c, end_c, value = spans[0]
        rest = (b.text[:start_c] + " " + b.text[end_c:]).split()
        if len(rest) <= CLOSING_EXTRA_WORDS and not _is_update_label(b.text[:start_c]):
            return value
    return None


def _under_headline(page: Page) -> _dt.datetime | None:
    """A date line just under the printed headline, when the story was found far from it (a long
    table of contents or a teaser grid between): the header is where the headline is."""
    from .headline import headline_text

    head = headline_text(page)
    if not head:
        return None
    start, _end = _story_span(page)
    dayfirst = _dayfirst(page)
    for b in page.blocks:
        if b.text != head:
            continue
        if start - HEADER_TEXT_WINDOW <= b.index <= start + SHORT_LINE_SPILL:
            return None  # the header was searched already
        for line in page.blocks[b.index + 1 : b.index + 1 + HEADLINE_DATE_WINDOW]:
            if line.hints & NOT_ARTICLE_DATE_HINTS or len(line.text) > MAX_DATE_LINE_CHARS:
                continue
            if NOTICE_WORDS.found(line.text):
                continue
            for d, upd in _labelled_dates(line.text, "", dayfirst):
                if not upd:
                    return d
        return None
    return None


def _with_time(page: Page, day: _dt.datetime) -> _dt.datetime:
    """``day`` as found, or, when it has no time, the same day with its time from another source."""
    if _has_time(day):
        return day
    candidates = [d for _i, d, _u in _printed(page)]
    candidates.extend(_closing_marks(page))
    for d in candidates:
        if d.date() == day.date() and _has_time(d):
            return d
    return day


def published(page: Page) -> _dt.datetime | None:
    """Publication date: declared (JSON-LD, ``<meta>``, itemprop), printed in the header, the URL.

    A date printed only as an update ("Updated March 11") is not taken: pages print their crawl day
    that way, and a page whose only date is its last update has no publication date to report.
    """
    url_date = date_from_url(page.url)
    if page.kind != "html":
        return url_date
    declared = _declared(page)
    printed = _printed_date(page, updated=False)
    if declared is not None:
        shown = _printed(page)
        if any(d.date() == declared.date() and not upd for _i, d, upd in shown):
            return declared  # the header prints the declared day: it is the local one
        if (
            printed is not None
            and printed.date() < declared.date()
            and any(d.date() == declared.date() for _i, d, _u in shown)
        ):
            # the header prints the declared day as its update, and an earlier day as the publication
            return printed
        if any(d.date() == declared.date() for _i, d, _u in shown):
            return declared
        for local in (printed, url_date, _declared_local(page, declared)):
            if local is not None and _same_moment(declared, local):
                return _zoned(declared, local)
        return declared
    if url_date is not None:
        return _with_time(page, url_date)
    if printed is not None:
        return _with_time(page, printed)
    return _closing_date(page) or _under_headline(page)


def modified(page: Page) -> _dt.datetime | None:
    """Last modification date: declared (JSON-LD, ``<meta>``, itemprop), then printed as an update."""
    if page.kind != "html":
        return None
    return _declared(page, updated=True) or _printed_date(page, updated=True)
