"""``newsparse explain``: for each field, which extractor answered and from what.

The pipeline records who answered (``Article.sources``). For the generic extractor this module
recomputes *where* the answer came from, by asking the generic field modules' own finders in their
order (JSON-LD, ``<meta>``, header ``<time>`` elements, page blocks) and the page analysis (the story
container and the prose score of each body block). For any other extractor, and as a fallback, it
locates the answer's text among the page blocks. Nothing here changes what ``parse`` returns.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from typing import Any

import attrs

from ._extractor import FIELDS
from ._model import Article
from ._page import Page, load_page
from ._pipeline import ParseOptions, parse_page

__all__ = ["Evidence", "FieldExplanation", "Explanation", "explain", "render_explanation"]

#: How much of a value or block text the explanation quotes.
QUOTE_CHARS = 70
#: How many ancestors an element path shows.
PATH_DEPTH = 5


@attrs.frozen(kw_only=True)
class Evidence:
    """One piece of evidence: what kind of source (``jsonld``, ``meta``, ``time``, ``block``, ...) and where."""

    source: str
    detail: str
    block: int | None = None
    path: str | None = None
    score: float | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in attrs.asdict(self).items() if v is not None}


@attrs.frozen(kw_only=True)
class FieldExplanation:
    field: str
    extractor: str | None
    value: str | None
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "extractor": self.extractor,
            "value": self.value,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@attrs.frozen(kw_only=True)
class Explanation:
    """The article and, field by field, who answered and from what."""

    article: Article
    fields: tuple[FieldExplanation, ...]
    chain: tuple[str, ...]
    container: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "chain": list(self.chain),
            "container": self.container,
            "fields": [f.to_dict() for f in self.fields],
            "warnings": list(self.article.warnings),
        }


def explain(
    source: str | bytes | os.PathLike[str],
    url: str | None = None,
    *,
    format: str | None = None,
    plugins: bool = True,
) -> Explanation:
    """Parse ``source`` like :func:`newsparse.parse` and explain every field of the result."""
    from ._pipeline import build_chain

    page = load_page(source, url=url, format=format)
    options = ParseOptions(plugins=plugins)
    chain = tuple(e.name for e in build_chain(page, options))
    article = parse_page(page, options)
    fields = []
    for field in FIELDS:
        value = getattr(article, field)
        who = article.sources.get(field)
        try:
            if who == "generic" and page.kind == "html" and field in _GENERIC:
                evidence = _GENERIC[field](page, article)
            else:
                evidence = _located(page, article, field)
        except Exception as exc:  # explaining must never break on a page the parser handled
            evidence = (Evidence(source="unknown", detail=f"evidence not available ({type(exc).__name__}: {exc})"),)
        fields.append(FieldExplanation(field=field, extractor=who, value=_summary(field, value), evidence=evidence))
    return Explanation(article=article, fields=tuple(fields), chain=chain, container=_container_path(page))


# -- values and places -------------------------------------------------------------------------


def _quote(text: str | None, n: int = QUOTE_CHARS) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _summary(field: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.isoformat()
    if field == "headline":
        return _quote(value.text)
    if field == "dateline":
        return str(value.text)
    if field == "body":
        return f"{len(value.blocks)} blocks, {len(value.text.split())} words: {_quote(value.text, 50)}"
    if field == "bylines":
        return ", ".join(b.name for b in value) or "(none)"
    if field == "author_bios":
        return ", ".join(b.name or "?" for b in value) or "(none)"
    if field == "comments":
        return f"{len(value)} comments" + (f": {_quote(value[0].text, 50)}" if value else "")
    return str(value)


def element_path(el: Any, depth: int = PATH_DEPTH) -> str:
    """``div#main.story > p``: the element and its nearest ancestors."""
    parts = []
    n = 0
    while el is not None and n < depth and isinstance(getattr(el, "tag", None), str):
        part = str(el.tag)
        if el.get("id"):
            part += "#" + str(el.get("id")).split()[0]
        cls = (el.get("class") or "").split()
        if cls:
            part += "." + ".".join(cls[:2])
        parts.append(part)
        el = el.getparent()
        n += 1
    if el is not None and isinstance(getattr(el, "tag", None), str):
        parts.append("…")
    return " > ".join(reversed(parts))


def _container_path(page: Page) -> str | None:
    if page.kind != "html":
        return None
    try:
        from ._fields.analysis import analyze

        container = analyze(page).container
    except Exception:  # the analysis is the lead's internal: absent or changed means no container shown
        return None
    return None if container is None else element_path(container)


def _block_evidence(page: Page, index: int, source: str, detail: str, score: float | None = None) -> Evidence:
    b = page.blocks[index]
    return Evidence(
        source=source,
        detail=detail,
        block=index,
        path=element_path(b.el) if getattr(b, "el", None) is not None else None,
        score=None if score is None else round(score, 2),
        text=_quote(b.text),
    )


def _find_block(page: Page, text: str) -> int | None:
    """Index of the block that is, or else contains, ``text`` (whitespace-insensitive)."""
    want = " ".join(text.split()).casefold()
    if not want:
        return None
    contains = None
    for b in page.blocks:
        have = " ".join(b.text.split()).casefold()
        if have == want:
            return int(b.index)
        if contains is None and want[:QUOTE_CHARS] in have:
            contains = int(b.index)
    return contains


def _texts_of(field: str, value: Any) -> list[str]:
    if value is None:
        return []
    if field == "headline":
        return [value.text]
    if field == "dateline":
        return [value.text]
    if field == "body":
        return [b.text for b in value.blocks]
    if field == "bylines":
        return [b.name for b in value]
    if field == "author_bios":
        return [b.text or b.name or "" for b in value]
    if field == "comments":
        return [c.text.split("\n\n")[0] for c in value]
    if isinstance(value, _dt.datetime):
        return []
    return []


def _located(page: Page, article: Article, field: str | None = None) -> tuple[Evidence, ...]:
    """Where the answer's text is printed on the page (any extractor)."""
    if field is None:
        return ()
    value = getattr(article, field)
    if value is None:
        return (Evidence(source="none", detail="no extractor had an answer"),)
    out = []
    for text in _texts_of(field, value)[:20]:
        idx = _find_block(page, text)
        if idx is not None:
            out.append(_block_evidence(page, idx, "block", "printed in this block"))
    if not out:
        out.append(Evidence(source="extractor", detail="the extractor's own answer (not found as printed text)"))
    return tuple(out)


# -- the generic extractor's sources, field by field ----------------------------------------------


def _headline(page: Page, article: Article) -> tuple[Evidence, ...]:
    from ._fields import headline as H

    if article.headline is None:
        return (Evidence(source="none", detail="no declared title and no printed headline found"),)
    want = " ".join(article.headline.text.split()).casefold()
    md = page.metadata
    out = []
    declared: list[tuple[str, str | None]] = [
        ("JSON-LD headline", H._jsonld_headline(page)),
        ('<meta property="og:title">', md.first("og:title")),
        ('<meta name="twitter:title">', md.first("twitter:title")),
        ("<title>", md.title),
    ]
    for name, val in declared:
        if val and want in " ".join(val.split()).casefold():
            out.append(Evidence(source="jsonld" if name.startswith("JSON") else "meta", detail=f"declared in {name}", text=_quote(val)))
    idx = _find_block(page, article.headline.text)
    if idx is not None:
        out.append(_block_evidence(page, idx, "block", "printed as this block"))
    return tuple(out) or _located(page, article, "headline")


def _published(page: Page, article: Article) -> tuple[Evidence, ...]:
    return _date_evidence(page, article.published, "datePublished")


def _modified(page: Page, article: Article) -> tuple[Evidence, ...]:
    return _date_evidence(page, article.modified, "dateModified")


def _date_evidence(page: Page, value: _dt.datetime | None, jsonld_key: str) -> tuple[Evidence, ...]:
    from ._fields import dates as D
    from ._parsing import date_from_url, parse_date

    if value is None:
        return (Evidence(source="none", detail="no date in the metadata, the header or the URL"),)
    if D._jsonld_date(page, jsonld_key) == value:
        return (Evidence(source="jsonld", detail=f"JSON-LD {jsonld_key}"),)
    keys = D.PUBLISHED_META if jsonld_key == "datePublished" else D.MODIFIED_META
    for key in keys:
        for raw in page.metadata.meta.get(key, ()):
            if parse_date(raw) == value:
                return (Evidence(source="meta", detail=f'<meta> "{key}"', text=_quote(raw)),)
    for mark in page.marks:
        el = mark.el
        for attr in ("datetime", "content", "title"):
            raw = el.get(attr)
            if raw and parse_date(raw) == value:
                return (
                    Evidence(
                        source="time",
                        detail=f"{attr}= of a {mark.hint} element in the article header",
                        block=mark.block_index,
                        path=element_path(el),
                        text=_quote(raw),
                    ),
                )
    for b in page.blocks[:400]:
        if len(b.text) <= D.MAX_DATE_LINE_CHARS and value in _dates_in(b.text):
            return (_block_evidence(page, b.index, "block", "a date printed near the headline"),)
    if page.url and date_from_url(page.url) == value:
        return (Evidence(source="url", detail="the date in the page URL", text=page.url),)
    return (Evidence(source="generic", detail="derived by the generic extractor"),)


def _dates_in(text: str) -> list[_dt.datetime]:
    from ._parsing import find_dates

    try:
        return find_dates(text)
    except Exception:
        return []


def _bylines(page: Page, article: Article) -> tuple[Evidence, ...]:
    from ._fields import bylines as B

    if not article.bylines:
        return (Evidence(source="none", detail="no author in the metadata and no printed byline"),)
    names = {b.name for b in article.bylines}
    if names & {b.name for b in B._jsonld_authors(page)}:
        return (Evidence(source="jsonld", detail="JSON-LD author"),)
    if names & {b.name for b in B._meta_authors(page)}:
        keys = [k for k in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator") if k in page.metadata.meta]
        return (Evidence(source="meta", detail=f'<meta> "{keys[0]}"' if keys else "<meta> author"),)
    return tuple(
        _block_evidence(page, idx, "block", "printed byline (byline markup or a credit line)")
        for idx in (_find_block(page, b.name) for b in article.bylines)
        if idx is not None
    ) or (Evidence(source="generic", detail="the page's byline markup"),)


def _body(page: Page, article: Article) -> tuple[Evidence, ...]:
    from ._fields import analysis as A

    if article.body is None:
        return (Evidence(source="none", detail="no story container found"),)
    out = []
    for block in article.body.blocks:
        idx = _find_block(page, block.text)
        if idx is None:
            continue
        pb = page.blocks[idx]
        out.append(_block_evidence(page, idx, "block", f"{block.kind} in the story container", A._prose_score(pb)))
    return tuple(out)


def _dateline(page: Page, article: Article) -> tuple[Evidence, ...]:
    if article.dateline is None:
        return (Evidence(source="none", detail="the story's first paragraph opens without a dateline"),)
    idx = _find_block(page, article.dateline.text)
    if idx is None:
        return (Evidence(source="generic", detail="the opening of the story's first paragraph"),)
    return (_block_evidence(page, idx, "block", "the opening of the story's first paragraph"),)


def _language(page: Page, article: Article) -> tuple[Evidence, ...]:
    md = page.metadata
    if article.language is None:
        return (Evidence(source="none", detail="no <html lang>, content-language or og:locale"),)
    lang = article.language.replace("-", "_").casefold()
    for name, val in (
        ("<html lang>", md.lang),
        ('<meta> "content-language"', md.first("content-language", "dc.language", "language")),
        ('<meta property="og:locale">', md.first("og:locale")),
    ):
        if val and val.replace("-", "_").casefold().startswith(lang):
            return (Evidence(source="meta", detail=f"declared in {name}", text=val),)
    return (Evidence(source="jsonld", detail="JSON-LD inLanguage"),)


_GENERIC: dict[str, Callable[..., tuple[Evidence, ...]]] = {
    "headline": _headline,
    "published": _published,
    "modified": _modified,
    "bylines": _bylines,
    "body": _body,
    "dateline": _dateline,
    "language": _language,
}


# -- rendering ---------------------------------------------------------------------------------


def render_explanation(exp: Explanation, max_blocks: int = 8) -> str:
    """The explanation as readable text."""
    lines = ["extractor chain: " + " -> ".join(exp.chain)]
    if exp.container:
        lines.append(f"story container: {exp.container}")
    lines.append("")
    for f in exp.fields:
        lines.append(f"{f.field:<12} {f.value if f.value is not None else '(none)'}")
        lines.append(f"{'':<12} answered by: {f.extractor or '(nobody)'}")
        shown = f.evidence[:max_blocks]
        for e in shown:
            where = []
            if e.block is not None:
                where.append(f"block #{e.block}")
            if e.path:
                where.append(e.path)
            if e.score is not None:
                where.append(f"score {e.score:g}")
            line = f"{'':<12} from: {e.detail}"
            if where:
                line += " [" + ", ".join(where) + "]"
            if e.text:
                line += f": {e.text!r}"
            lines.append(line)
        if len(f.evidence) > len(shown):
            lines.append(f"{'':<12} … {len(f.evidence) - len(shown)} more (--json shows all)")
        lines.append("")
    for w in exp.article.warnings:
        lines.append(f"warning: {w}")
    return "\n".join(lines).rstrip() + "\n"
