"""Evaluation on labelled pages: the corpus format, the gold set and the seed.

Three kinds of labelled folder are understood (see ``docs/evaluation.md``):

- a **corpus** in the unified format of ``shared/corpus``: ``<dataset>/truth.jsonl`` plus the pages it names,
  scored with the corpus metrics (body shingle F1 of the ScrapingHub benchmark, snippets, headline, authors,
  date, comments, speed);
- the **gold** set of ``shared/gold``: every field of :class:`~newsparse.Article` labelled by hand, scored field
  by field (datelines, body start/end, bylines, bios, each comment with author, date and depth);
- the **seed**: one text page (``page.txt``) and its exact expected answer (``expected.json``).

The scoring functions are pure: :func:`score_corpus` scores prediction records of any extractor,
:func:`score_gold` and :func:`score_seed` score :class:`~newsparse.Article` objects. :func:`evaluate` runs
newsparse (plugins off by default) and scores it; ``newsparse eval`` is its command line.
"""

from __future__ import annotations

import argparse
import json
import math
import operator
import random
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._decode import maybe_gunzip
from ._errors import CorpusFormatError, InputNotFoundError, NewsparseError
from ._model import Article, Comment

__all__ = [
    "evaluate",
    "score_corpus",
    "score_gold",
    "score_seed",
    "load_corpus",
    "load_gold",
    "detect_kind",
    "corpus_prediction",
    "CORPUS_METRICS",
    "GOLD_METRICS",
    "SEED_METRICS",
    "LOWER_IS_BETTER",
    "shingle_counts",
    "shingle_prf",
    "prf",
    "bow_f1",
    "tokens",
    "snippet_found",
    "headline_exact",
    "normalise_headline",
    "normalise_author",
    "authors_f1",
    "match_one_to_one",
    "add_arguments",
    "cli_main",
]

# --------------------------------------------------------------------------------------------------------------
# metric names

#: The corpus metrics, in the order the table prints them.
CORPUS_METRICS = (
    "body_f1",
    "body_f1_std",
    "body_precision",
    "body_recall",
    "body_bow_f1",
    "body_exact",
    "body_with_recall",
    "body_without_absent",
    "body_snippet_f1",
    "headline_exact",
    "headline_f1",
    "headline_exact_single",
    "authors_f1",
    "authors_f1_named",
    "authors_none_ok",
    "published_acc",
    "published_invented",
    "comments_f1",
    "no_phantom_comments",
    "comment_snippet_recall",
    "median_ms",
    "p95_ms",
    "pages",
    "errors",
)

#: The corpus metrics that are the plain mean of per-page scores (a contiguous run of CORPUS_METRICS).
_PAGE_MEAN_METRICS = CORPUS_METRICS[CORPUS_METRICS.index("headline_exact") : CORPUS_METRICS.index("no_phantom_comments") + 1]

#: The gold-set metrics, in the order the table prints them.
GOLD_METRICS = (
    "headline",
    "dateline_presence",
    "dateline_place",
    "dateline_not_in_body",
    "body_start",
    "body_end",
    "bylines_f1",
    "bios_recall",
    "bios_precision",
    "bios_text_f1",
    "bios_none_right",
    "comments_recall",
    "comments_precision",
    "comments_text_f1",
    "comments_author",
    "comments_date",
    "comments_depth",
    "comments_none_right",
    "published",
    "median_ms",
    "p95_ms",
    "pages",
    "errors",
)

#: The seed metrics, in the order the table prints them.
SEED_METRICS = (
    "headline",
    "subheadline",
    "dateline_text",
    "dateline_place",
    "dateline_agency",
    "body_paragraph_count",
    "body_paragraphs_exact",
    "body_paragraph_f1",
    "bylines",
    "bios_count",
    "bios_name",
    "bios_title",
    "bios_text",
    "comments_count",
    "comments_text_exact",
    "comments_author",
    "published",
    "published_with_url",
    "median_ms",
    "pages",
    "errors",
)

#: Metrics where a smaller value is better (a share of invented dates, times); everything else is a score in [0, 1]
#: where higher is better, except the counts ``pages`` and ``errors``.
LOWER_IS_BETTER = frozenset({"published_invented", "median_ms", "p95_ms", "ms", "errors"})

#: The corpus flag of a headline label that joins several blocks (headline plus deck, kicker or
#: byline): ``headline_exact_single`` scores the headline without those pages, which no printed
#: headline can match exactly.
_MULTI_BLOCK_HEADLINE = "headline-multi-block"

#: Metrics that are counts or times, not scores: never averaged over datasets.
_NOT_SCORES = frozenset({"median_ms", "p95_ms", "pages", "errors", "body_f1_std"})

# --------------------------------------------------------------------------------------------------------------
# heuristic constants of the metrics (all from the corpus and gold READMEs)

#: word tokens of every metric: ``\w+`` (the ScrapingHub benchmark's tokeniser)
_TOKEN_RE = re.compile(r"\w+")
#: any run of white space, collapsed to one space by the normalisers
_WS_RE = re.compile(r"\s+")
#: horizontal white space only: the seed's exact comparisons keep line breaks (comment paragraphs)
_HSPACE_RE = re.compile(r"[^\S\n]+")
#: shingle length of the ScrapingHub body metric (a text of fewer tokens is one shingle)
SHINGLE_N = 4
#: characters that render as nothing; removed before headlines are compared
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"), None)
#: quote and dash variants unified so typography does not decide a headline or dateline match
_QUOTES_DASHES = str.maketrans(
    {
        **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4`"), "'"),
        **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"'),
        **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-"),
    }
)
#: a trailing site name a headline prediction may carry: ' | Site', ' - Site', ' :: Site', ' · Site', ' » Site',
#: ' / Site' with a space each side, or a colon (': Site', '：Site' is ':Site' after NFKC) with optional spaces
#: (this reproduces the published baselines' headline scores exactly)
_HEADLINE_SITE_SUFFIX_RE = re.compile(r"(?: (?:\||-|::|·|»|/) |\s*:\s*)\S")
#: punctuation (anything but word characters) stripped from both ends of an author name
_END_PUNCT_RE = re.compile(r"^[\W_]+|[\W_]+$")
#: a leading "by" before an author name ("By Jane Doe", "by: Jane Doe")
_LEADING_BY_RE = re.compile(r"^by\b[\W_]*")
#: body start / end of the gold set compare this many word tokens
GOLD_BODY_TOKENS = 6
#: bag-of-words F1 at or above which a predicted author bio matches a labelled one (gold README)
BIO_MATCH_F1 = 0.3
#: bag-of-words F1 at or above which a predicted comment matches a labelled one (gold README)
COMMENT_MATCH_F1 = 0.5
#: the seed README states the page URL and the date it implies in its notes; this reads them
_SEED_URL_RE = re.compile(r"URL, when given, is (\S+?)\.? and then published is (\d{4}-\d{2}-\d{2})")
#: resamples (and seed) of the bootstrap standard deviation of body F1, as the corpus README computes it
BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 0
#: how many characters of a predicted text the per-page summary keeps at each end
_SUMMARY_CHARS = 100


# --------------------------------------------------------------------------------------------------------------
# text primitives


def tokens(text: str | None) -> list[str]:
    """The lowercased ``\\w+`` tokens of ``text`` (``None`` has none)."""
    return _TOKEN_RE.findall(text.lower()) if text else []


def _collapse(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


def normalise_headline(text: str | None) -> str:
    """NFKC, zero-width characters removed, quotes and dashes unified, casefolded, white space collapsed."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH).translate(_QUOTES_DASHES)
    return _collapse(s.casefold())


def _normalise_snippet(text: str | None) -> str:
    if not text:
        return ""
    return _collapse(unicodedata.normalize("NFKC", text).casefold())


def normalise_author(name: str | None) -> str:
    """An author name for comparison: NFKC, casefold, '.' read as a space, leading 'by' and end punctuation removed."""
    if not name:
        return ""
    s = _collapse(unicodedata.normalize("NFKC", name).casefold().replace(".", " "))
    s = _END_PUNCT_RE.sub("", s)
    s = _LEADING_BY_RE.sub("", s)
    return _collapse(_END_PUNCT_RE.sub("", s))


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives, false positives and false negatives (0 when undefined)."""
    p = tp / (tp + fp) if tp + fp > 0 else 0.0
    r = tp / (tp + fn) if tp + fn > 0 else 0.0
    f = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return p, r, f


def _shingles(toks: Sequence[str], n: int = SHINGLE_N) -> Counter[tuple[str, ...]]:
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(zip(*(toks[i:] for i in range(n))))


def shingle_counts(
    truth: str | Sequence[str] | None, pred: str | Sequence[str] | None, n: int = SHINGLE_N
) -> tuple[int, int, int]:
    """Raw TP, FP, FN of the word ``n``-gram shingles (with counts) of ``pred`` against ``truth``.

    Texts are lowercased and tokenised with ``\\w+`` (a sequence is taken as the tokens already); a text of
    1 to ``n - 1`` tokens is one shingle.
    """
    t = _shingles(tokens(truth) if truth is None or isinstance(truth, str) else truth, n)
    p = _shingles(tokens(pred) if pred is None or isinstance(pred, str) else pred, n)
    tp = sum((t & p).values())
    return tp, sum(p.values()) - tp, sum(t.values()) - tp


def shingle_prf(truth: str | Sequence[str] | None, pred: str | Sequence[str] | None) -> tuple[float, float, float]:
    """One page's TP, FP, FN divided by TP + FP + FN (so each page weighs the same), as the benchmark sums them."""
    tp, fp, fn = shingle_counts(truth, pred)
    s = tp + fp + fn
    if s == 0:
        return 0.0, 0.0, 0.0
    return tp / s, fp / s, fn / s


def bow_f1(truth: str | Sequence[str] | None, pred: str | Sequence[str] | None) -> float:
    """Bag-of-words (multiset) F1 of the tokens; 1.0 when both are empty, 0.0 when only one is."""
    t = Counter(tokens(truth) if truth is None or isinstance(truth, str) else truth)
    p = Counter(tokens(pred) if pred is None or isinstance(pred, str) else pred)
    return _bag_f1(t, p)


def _bag_f1(t: Counter[str], p: Counter[str]) -> float:
    nt, np_ = sum(t.values()), sum(p.values())
    if nt == 0 and np_ == 0:
        return 1.0
    if nt == 0 or np_ == 0:
        return 0.0
    common = sum((t & p).values())
    return 2 * common / (nt + np_)


def _snippet_pattern(snippet: str) -> re.Pattern[str]:
    core = re.escape(snippet)
    if snippet[:1].isalnum() or snippet[:1] == "_":
        core = r"(?<!\w)" + core
    if snippet[-1:].isalnum() or snippet[-1:] == "_":
        core = core + r"(?!\w)"
    return re.compile(core)


def snippet_found(snippet: str, text: str | None, *, normalised: bool = False) -> bool:
    """Whether ``snippet`` occurs in ``text`` after NFKC, casefolding and collapsing white space.

    A one-word snippet must match a whole word ('home' does not match 'homeowner'); a longer one is a plain
    substring (upstream snippets are often cut mid-word). ``normalised=True`` says ``text`` already is.
    """
    s = _normalise_snippet(snippet)
    if not s:
        return True
    hay = (text or "") if normalised else _normalise_snippet(text)
    if " " in s:
        return s in hay
    return _snippet_pattern(s).search(hay) is not None


def headline_exact(truth: str | None, pred: str | None) -> bool:
    """Normalised exact match, also accepting ``pred`` = ``truth`` plus a trailing site suffix (' | Site', ...)."""
    t = normalise_headline(truth)
    p = normalise_headline(pred)
    if not t:
        return not p
    if p == t:
        return True
    if not p.startswith(t):
        return False
    rest = p[len(t) :]
    return _HEADLINE_SITE_SUFFIX_RE.match(rest) is not None


def authors_f1(truth: Sequence[str], pred: Sequence[str] | None) -> float:
    """Set F1 of normalised names; an empty ``truth`` scores 1 only if ``pred`` is empty or ``None``."""
    t = {n for n in map(normalise_author, truth) if n}
    p = {n for n in map(normalise_author, pred or ()) if n}
    if not t:
        return 1.0 if not p else 0.0
    if not p:
        return 0.0
    return 2 * len(t & p) / (len(t) + len(p))


def match_one_to_one(
    truth: Sequence[str], pred: Sequence[str], threshold: float
) -> list[tuple[int, int, float]]:
    """Pairs ``(truth index, pred index, bag-of-words F1)`` matched one-to-one, best first, F1 >= ``threshold``."""
    t_bags = [Counter(tokens(x)) for x in truth]
    p_bags = [Counter(tokens(x)) for x in pred]
    candidates: list[tuple[float, int, int]] = []
    for i, tb in enumerate(t_bags):
        for j, pb in enumerate(p_bags):
            f = _bag_f1(tb, pb)
            if f >= threshold:
                candidates.append((f, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_t: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for f, i, j in candidates:
        if i in used_t or j in used_p:
            continue
        used_t.add(i)
        used_p.add(j)
        pairs.append((i, j, f))
    pairs.sort()
    return pairs


def bootstrap_f1_std(
    triples: Sequence[tuple[float, float, float]], resamples: int = BOOTSTRAP_RESAMPLES, seed: int = BOOTSTRAP_SEED
) -> float:
    """Standard deviation of the pooled F1 over bootstrap resamples of the pages' (TP, FP, FN).

    It tells how much of a difference between two runs could be the luck of which pages are in the corpus.
    """
    n = len(triples)
    if n < 2:
        return 0.0
    rng = random.Random(seed)
    tps, fps, fns = (tuple(t[i] for t in triples) for i in range(3))
    f1s = []
    for _ in range(resamples):
        pick = operator.itemgetter(*rng.choices(range(n), k=n))
        f1s.append(prf(sum(pick(tps)), sum(pick(fps)), sum(pick(fns)))[2])
    return statistics.pstdev(f1s)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _quantile(values: Sequence[float], q: float) -> float:
    """Linear-interpolation quantile (numpy's default)."""
    s = sorted(values)
    pos = (len(s) - 1) * q
    lo = math.floor(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def _day(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value)[:10]


def _short(text: str | None) -> str | None:
    if text is None or len(text) <= 2 * _SUMMARY_CHARS + 5:
        return text
    return text[:_SUMMARY_CHARS] + " ... " + text[-_SUMMARY_CHARS:]


# --------------------------------------------------------------------------------------------------------------
# loading labelled folders


def _shared_hint() -> str:
    return (
        "expected a corpus (<dataset>/truth.jsonl), a gold folder (truth.jsonl + pages/) "
        "or a seed (page.txt + expected.json)"
    )


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise CorpusFormatError(f"{path}: cannot read ({exc})") from None
    except UnicodeDecodeError as exc:
        raise CorpusFormatError(f"{path}: not UTF-8 ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusFormatError(f"{path}:{n}: not a JSON record ({exc})") from None
        if not isinstance(rec, dict):
            raise CorpusFormatError(f"{path}:{n}: a record must be a JSON object")
        for key in ("id", "page"):
            if not isinstance(rec.get(key), str) or not rec[key]:
                raise CorpusFormatError(f"{path}:{n}: the record has no {key!r} string")
        records.append(rec)
    return records


def _is_gold_record(rec: Mapping[str, Any]) -> bool:
    return "body_first" in rec or "text_page" in rec


def detect_kind(path: str | Path) -> str:
    """``"corpus"``, ``"gold"`` or ``"seed"`` for a labelled folder; :class:`CorpusFormatError` for anything else.

    A seed has ``page.txt`` and ``expected.json``; a gold folder has ``truth.jsonl`` (with gold records: they
    have ``body_first``) and ``pages/``; a corpus has ``<dataset>/truth.jsonl`` folders (a single dataset folder,
    ``truth.jsonl`` with corpus records, is a corpus of one dataset).
    """
    p = Path(path)
    if not p.exists():
        raise InputNotFoundError(f"no such folder: {str(p)!r}")
    if not p.is_dir():
        raise CorpusFormatError(f"{str(p)!r} is not a folder; {_shared_hint()}")
    if (p / "page.txt").is_file() and (p / "expected.json").is_file():
        return "seed"
    if (p / "truth.jsonl").is_file():
        first = next(iter(_read_jsonl(p / "truth.jsonl")), None)
        if first is not None and _is_gold_record(first):
            return "gold"
        return "corpus"
    if any(d.is_dir() and (d / "truth.jsonl").is_file() for d in p.iterdir()):
        return "corpus"
    raise CorpusFormatError(f"{str(p)!r}: no labelled pages found; {_shared_hint()}")


def _dataset_dirs(corpus_dir: Path) -> list[Path]:
    if (corpus_dir / "truth.jsonl").is_file():
        return [corpus_dir]
    return sorted(d for d in corpus_dir.iterdir() if d.is_dir() and (d / "truth.jsonl").is_file())


_CORPUS_DEFAULTS: dict[str, Any] = {
    "url": None,
    "headline": None,
    "authors": None,
    "published": None,
    "body": None,
    "body_with": [],
    "body_without": [],
    "comments": None,
    "comments_with": [],
    "absent": [],
    "flags": [],
}


def _corpus_records(corpus_dir: str | Path, datasets: Iterable[str] | None) -> list[tuple[dict[str, Any], Path]]:
    root = Path(corpus_dir)
    if not root.is_dir():
        raise InputNotFoundError(f"no such corpus folder: {str(root)!r}")
    dirs = _dataset_dirs(root)
    if not dirs:
        raise CorpusFormatError(f"{str(root)!r}: no <dataset>/truth.jsonl found")
    out: list[tuple[dict[str, Any], Path]] = []
    found: set[str] = set()
    ids: set[str] = set()
    wanted = None if datasets is None else set(datasets)
    for d in dirs:
        for rec in _read_jsonl(d / "truth.jsonl"):
            rec = {**_CORPUS_DEFAULTS, **rec}
            if not rec.get("dataset"):
                rec["dataset"] = d.name
            if rec["id"] in ids:
                raise CorpusFormatError(f"{d / 'truth.jsonl'}: page id {rec['id']!r} appears twice")
            if rec["dataset"] == "overall":
                raise CorpusFormatError(f"{d / 'truth.jsonl'}: 'overall' is reserved for the mean over datasets")
            ids.add(rec["id"])
            found.add(rec["dataset"])
            if wanted is not None and rec["dataset"] not in wanted:
                continue
            out.append((rec, d / rec["page"]))
    if wanted is not None and wanted - found:
        raise CorpusFormatError(
            f"unknown dataset(s) {', '.join(sorted(wanted - found))}; this corpus has {', '.join(sorted(found))}"
        )
    return out


def load_corpus(corpus_dir: str | Path, datasets: Iterable[str] | None = None) -> Iterator[tuple[dict[str, Any], Path]]:
    """Yield ``(truth record, page path)`` for every page of a corpus in the unified format.

    ``corpus_dir`` holds ``<dataset>/truth.jsonl`` folders (or is one such folder). Missing optional keys of a
    record get their "not labelled" value (``None``, or ``[]`` for snippet lists, ``absent`` and ``flags``);
    ``dataset`` defaults to the folder name. ``datasets`` keeps only the named datasets.
    """
    yield from _corpus_records(corpus_dir, datasets)


def load_gold(gold_dir: str | Path) -> list[tuple[dict[str, Any], Path]]:
    """The gold set's ``(truth record, folder)`` pairs; a record's ``page`` and ``text_page`` are relative to it."""
    root = Path(gold_dir)
    if not (root / "truth.jsonl").is_file():
        raise CorpusFormatError(f"{str(root)!r}: no truth.jsonl")
    return [(rec, root) for rec in _read_jsonl(root / "truth.jsonl")]


# --------------------------------------------------------------------------------------------------------------
# corpus scoring


def _comment_as_shown(comment: Comment) -> str:
    """A comment as the page shows it, its author line above its text: the corpus comment labels
    (dragnet, L3S) keep each comment's header, and some trafilatura-evaldata snippets are commenter
    names. (The printed date cannot be given back: ``Comment.published`` is a datetime.)"""
    return f"{comment.author}\n{comment.text}" if comment.author else comment.text


def corpus_prediction(article: Article | None, seconds: float | None = None) -> dict[str, Any]:
    """An :class:`Article` as a corpus prediction record (the format :func:`score_corpus` reads)."""
    if article is None:
        return {
            "headline": None, "authors": None, "published": None, "body": None, "comments": None, "seconds": seconds
        }
    comments = "\n".join(_comment_as_shown(c) for c in article.comments) if article.comments else None
    return {
        "headline": article.headline.text if article.headline is not None else None,
        "authors": None if article.bylines is None else [b.name for b in article.bylines],
        "published": None if article.published is None else article.published.date().isoformat(),
        "body": None if article.body is None else article.body.text,
        "comments": comments or None,
        "seconds": seconds,
    }


def _score_corpus_page(truth: Mapping[str, Any], pred: Mapping[str, Any]) -> tuple[dict[str, float], dict[str, float]]:
    """Per-page scores (shown to developers) and the counts that are pooled over pages."""
    scores: dict[str, float] = {}
    counts: dict[str, float] = {}
    body = pred.get("body")
    body = body if isinstance(body, str) else None
    if truth.get("body") is not None:
        t_toks, p_toks = tokens(truth["body"]), tokens(body)
        tp, fp, fn = shingle_prf(t_toks, p_toks)
        counts.update(body_tp=tp, body_fp=fp, body_fn=fn)
        p, r, f = prf(tp, fp, fn)
        if tp + fp + fn == 0:  # both texts empty: a perfect answer
            p = r = f = 1.0
        scores.update(body_f1=f, body_precision=p, body_recall=r)
        scores["body_bow_f1"] = bow_f1(t_toks, p_toks)
        scores["body_exact"] = float(t_toks == p_toks)
    with_ = truth.get("body_with") or []
    without = truth.get("body_without") or []
    if with_ or without:
        hay = _normalise_snippet(body)
        if with_:
            found = sum(snippet_found(s, hay, normalised=True) for s in with_)
            counts.update(with_found=found, with_total=len(with_))
            scores["body_with_recall"] = found / len(with_)
        if without:
            absent = sum(not snippet_found(s, hay, normalised=True) for s in without)
            counts.update(without_absent=absent, without_total=len(without))
            scores["body_without_absent"] = absent / len(without)
    if truth.get("headline") is not None:
        ph = pred.get("headline")
        ph = ph if isinstance(ph, str) else None
        scores["headline_exact"] = float(headline_exact(truth["headline"], ph))
        scores["headline_f1"] = bow_f1(normalise_headline(truth["headline"]), normalise_headline(ph))
        if _MULTI_BLOCK_HEADLINE not in (truth.get("flags") or ()):
            scores["headline_exact_single"] = scores["headline_exact"]
    if truth.get("authors") is not None:
        pa = pred.get("authors")
        names = [str(a) for a in pa] if isinstance(pa, (list, tuple)) else None
        scores["authors_f1"] = authors_f1(list(truth["authors"]), names)
        scores["authors_f1_named" if truth["authors"] else "authors_none_ok"] = scores["authors_f1"]
    pday = _day(pred.get("published"))
    if truth.get("published") is not None:
        scores["published_acc"] = float(pday == _day(truth["published"]))
    if "published" in (truth.get("absent") or ()):
        scores["published_invented"] = float(pday is not None)
    pc = pred.get("comments")
    pc = pc if isinstance(pc, str) else None
    tc = truth.get("comments")
    if isinstance(tc, str):
        if tc.strip():
            scores["comments_f1"] = bow_f1(tc, pc)
        else:
            scores["no_phantom_comments"] = float(not (pc or "").strip())
    cwith = truth.get("comments_with") or []
    if cwith:
        hay = _normalise_snippet(pc)
        found = sum(snippet_found(s, hay, normalised=True) for s in cwith)
        counts.update(cwith_found=found, cwith_total=len(cwith))
        scores["comment_snippet_recall"] = found / len(cwith)
    sec = pred.get("seconds")
    if isinstance(sec, (int, float)) and not isinstance(sec, bool):
        scores["ms"] = 1000.0 * float(sec)
    return scores, counts


def _aggregate_corpus(pages: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Dataset metrics from per-page records (``scores`` and ``counts``), each over the pages where it applies."""
    out: dict[str, float] = {}

    def csum(key: str) -> float:
        return sum(float(pg["counts"].get(key, 0.0)) for pg in pages)

    def smean(key: str) -> float | None:
        return _mean([pg["scores"][key] for pg in pages if key in pg["scores"]])

    if any("body_tp" in pg["counts"] for pg in pages):
        p, r, f = prf(csum("body_tp"), csum("body_fp"), csum("body_fn"))
        out.update(body_f1=f, body_precision=p, body_recall=r)
        triples = [(pg["counts"]["body_tp"], pg["counts"]["body_fp"], pg["counts"]["body_fn"])
                   for pg in pages if "body_tp" in pg["counts"]]
        out["body_f1_std"] = bootstrap_f1_std(triples)
    for key in ("body_bow_f1", "body_exact"):
        m = smean(key)
        if m is not None:
            out[key] = m
    wt, wot = csum("with_total"), csum("without_total")
    if wt:
        out["body_with_recall"] = csum("with_found") / wt
    if wot:
        out["body_without_absent"] = csum("without_absent") / wot
    if wt or wot:
        found_without = wot - csum("without_absent")
        out["body_snippet_f1"] = prf(csum("with_found"), found_without, wt - csum("with_found"))[2]
    for key in _PAGE_MEAN_METRICS:
        m = smean(key)
        if m is not None:
            out[key] = m
    ct = csum("cwith_total")
    if ct:
        out["comment_snippet_recall"] = csum("cwith_found") / ct
    _add_times(out, pages)
    return out


def _add_times(out: dict[str, float], pages: Sequence[Mapping[str, Any]]) -> None:
    ms = [pg["scores"]["ms"] for pg in pages if "ms" in pg["scores"]]
    if ms:
        out["median_ms"] = _quantile(ms, 0.5)
        out["p95_ms"] = _quantile(ms, 0.95)
    out["pages"] = len(pages)
    out["errors"] = sum(1 for pg in pages if pg.get("error"))


def _prediction_summary(pred: Mapping[str, Any]) -> dict[str, Any]:
    body = pred.get("body") if isinstance(pred.get("body"), str) else None
    comments = pred.get("comments") if isinstance(pred.get("comments"), str) else None
    return {
        "headline": pred.get("headline"),
        "authors": pred.get("authors"),
        "published": _day(pred.get("published")),
        "body": _short(body),
        "body_chars": None if body is None else len(body),
        "comments": _short(comments),
        "comments_chars": None if comments is None else len(comments),
    }


def _truth_summary(truth: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("url", "headline", "authors", "published"):
        if truth.get(key) is not None:
            out[key] = truth[key]
    if truth.get("body") is not None:
        out["body"] = _short(truth["body"])
    if isinstance(truth.get("comments"), str):
        out["comments"] = _short(truth["comments"])
    for key in ("body_with", "body_without", "comments_with", "absent", "flags"):
        if truth.get(key):
            out[key] = truth[key]
    return out


def _finish(kind: str, path: str, pages: dict[str, dict[str, Any]], per_dataset: dict[str, dict[str, float]],
            settings: Mapping[str, Any]) -> dict[str, Any]:
    errors = [
        {"id": pid, "dataset": pg["dataset"], "error": pg["error"]} for pid, pg in pages.items() if pg.get("error")
    ]
    return {
        "kind": kind,
        "path": path,
        "settings": dict(settings),
        "datasets": per_dataset,
        "pages": pages,
        "errors": errors,
    }


def _score_corpus_records(
    records: Sequence[tuple[Mapping[str, Any], Path]],
    predictions: Mapping[str, Mapping[str, Any]],
    errors: Mapping[str, str] | None = None,
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, float]], dict[str, float]]:
    pages: dict[str, dict[str, Any]] = {}
    by_dataset: dict[str, list[dict[str, Any]]] = {}
    for truth, _path in records:
        pid = truth["id"]
        pred = predictions.get(pid) or {}
        scores, counts = _score_corpus_page(truth, pred)
        err = (errors or {}).get(pid) or pred.get("error")
        page = {
            "dataset": truth["dataset"],
            "scores": scores,
            "counts": counts,
            "prediction": _prediction_summary(pred),
            "truth": _truth_summary(truth),
            "error": str(err) if err else None,
        }
        pages[pid] = page
        by_dataset.setdefault(truth["dataset"], []).append(page)
    per_dataset = {name: _aggregate_corpus(pgs) for name, pgs in by_dataset.items()}
    pooled = _aggregate_corpus(list(pages.values())) if pages else {}
    if len(per_dataset) > 1:
        per_dataset["overall"] = _overall(per_dataset, pooled)
    return pages, per_dataset, pooled


def _overall(per_dataset: Mapping[str, Mapping[str, float]], pooled: Mapping[str, float]) -> dict[str, float]:
    """Mean over datasets of each score present; counts summed, times over all pages."""
    names: list[str] = []
    for metrics in per_dataset.values():
        names += [m for m in metrics if m not in names]
    out: dict[str, float] = {}
    for m in names:
        if m in _NOT_SCORES:
            continue
        vals = [metrics[m] for metrics in per_dataset.values() if m in metrics]
        out[m] = sum(vals) / len(vals)
    for m in _NOT_SCORES:
        if m in pooled:
            out[m] = pooled[m]
    return out


def score_corpus(
    predictions: Mapping[str, Mapping[str, Any]],
    corpus_dir: str | Path,
    datasets: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Score prediction records of any extractor against a corpus in the unified format.

    ``predictions`` maps a page id (the truth record's ``id``, e.g. ``"wcxb/0042"``) to a record with the keys
    of the corpus README's prediction format: ``headline`` (str | None), ``authors`` (list of str | None),
    ``published`` (``"YYYY-MM-DD"`` or a full ISO datetime, of which the first 10 characters are used, or None),
    ``body`` (str | None, one paragraph per line), ``comments`` (str | None: all reader comments' text) and
    ``seconds`` (float | None: extraction time of the page). Missing keys count as ``None``; an optional
    ``error`` (str) marks the page as failed in the report. A page without a prediction counts as all-null.
    ``datasets`` keeps only the named datasets of the corpus.

    Returns ``{"kind": "corpus", "path", "settings", "datasets": {name: {metric: value}, ..., "overall": {...}},
    "pooled": {metric: value}, "pages": {id: {"dataset", "scores", "counts", "prediction", "truth", "error"}},
    "errors": [{"id", "dataset", "error"}]}``. A metric appears for a dataset only when some page labels it;
    ``overall`` (present with two or more datasets) is the mean over datasets of each score, with ``pages`` and
    ``errors`` summed and times taken over all pages; ``pooled`` computes every metric over all pages at once
    (the "all" columns of BASELINES.md). Metric names: see :data:`CORPUS_METRICS` and ``docs/evaluation.md``.
    """
    wanted = None if datasets is None else list(datasets)
    records = _corpus_records(corpus_dir, wanted)
    pages, per_dataset, pooled = _score_corpus_records(records, predictions)
    settings = {"datasets": wanted}
    result = _finish("corpus", str(corpus_dir), pages, per_dataset, settings)
    result["pooled"] = pooled
    return result


# --------------------------------------------------------------------------------------------------------------
# gold scoring


def _article_body_text(article: Article | None) -> str:
    return article.body.text if article is not None and article.body is not None else ""


def _nows(text: str) -> str:
    return _WS_RE.sub("", normalise_headline(text))


def _dateline_opens(body: str, dateline_text: str) -> bool:
    d = _nows(dateline_text)
    return bool(d) and _nows(body[: len(dateline_text) * 3 + 20]).startswith(d)


def _score_gold_page(truth: Mapping[str, Any], art: Article | None) -> tuple[dict[str, float], dict[str, float]]:
    scores: dict[str, float] = {}
    counts: dict[str, float] = {}
    # headline
    ph = art.headline.text if art is not None and art.headline is not None else None
    scores["headline"] = float(normalise_headline(truth.get("headline")) == normalise_headline(ph))
    # dateline
    td = truth.get("dateline")
    pd = art.dateline if art is not None else None
    scores["dateline_presence"] = float((td is not None) == (pd is not None))
    body = _article_body_text(art)
    if td is not None:
        pplace = pd.place if pd is not None else None
        same_place = normalise_headline(td.get("place")) == normalise_headline(pplace)
        scores["dateline_place"] = float(bool(pplace) and same_place)
        scores["dateline_not_in_body"] = float(not _dateline_opens(body, td.get("text") or ""))
    # body start / end
    btoks = tokens(body)
    if truth.get("body_first"):
        first = tokens(truth["body_first"])[:GOLD_BODY_TOKENS]
        scores["body_start"] = float(bool(first) and btoks[: len(first)] == first)
    if truth.get("body_last"):
        last = tokens(truth["body_last"])[-GOLD_BODY_TOKENS:]
        scores["body_end"] = float(bool(last) and btoks[-len(last) :] == last)
    # bylines
    tnames = [b.get("name") or "" for b in truth.get("bylines") or []]
    pnames = [b.name for b in art.bylines] if art is not None and art.bylines else []
    scores["bylines_f1"] = authors_f1(tnames, pnames)
    # bios
    tbios = [b.get("text") or "" for b in truth.get("author_bios") or []]
    pbios = [b.text or "" for b in art.author_bios] if art is not None and art.author_bios else []
    if tbios:
        pairs = match_one_to_one(tbios, pbios, BIO_MATCH_F1)
        counts.update(bios_matched=len(pairs), bios_truth=len(tbios), bios_text_f1_sum=sum(f for _, _, f in pairs))
        scores["bios_recall"] = len(pairs) / len(tbios)
        if pbios:
            scores["bios_precision"] = len(pairs) / len(pbios)
    else:
        scores["bios_none_right"] = float(not pbios)
    counts["bios_pred"] = len(pbios)
    # comments
    tcom = list(truth.get("comments") or [])
    pcom = list(art.comments) if art is not None and art.comments else []
    if tcom:
        pairs = match_one_to_one([c.get("text") or "" for c in tcom], [c.text for c in pcom], COMMENT_MATCH_F1)
        author = date = depth = 0
        for i, j, _f in pairs:
            t, p = tcom[i], pcom[j]
            author += normalise_headline(t.get("author")) == normalise_headline(p.author)
            date += _day(t.get("published")) == _day(p.published)
            depth += int(t.get("depth") or 0) == p.depth
        # a thread labelled only in part (comments_truncated): unmatched predictions are not counted as wrong
        npred = len(pairs) if truth.get("comments_truncated") else len(pcom)
        counts.update(
            comments_matched=len(pairs),
            comments_truth=len(tcom),
            comments_pred=npred,
            comments_text_f1_sum=sum(f for _, _, f in pairs),
            comments_author_ok=author,
            comments_date_ok=date,
            comments_depth_ok=depth,
        )
        scores["comments_recall"] = len(pairs) / len(tcom)
        if npred:
            scores["comments_precision"] = len(pairs) / npred
    else:
        counts["comments_pred"] = len(pcom)
        scores["comments_none_right"] = float(not pcom)
    # published
    pday = _day(art.published) if art is not None else None
    scores["published"] = float(pday == _day(truth.get("published")))
    return scores, counts


def _aggregate_gold(pages: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    out: dict[str, float] = {}

    def csum(key: str) -> float:
        return sum(float(pg["counts"].get(key, 0.0)) for pg in pages)

    def smean(key: str) -> None:
        m = _mean([pg["scores"][key] for pg in pages if key in pg["scores"]])
        if m is not None:
            out[key] = m

    for key in ("headline", "dateline_presence", "dateline_place", "dateline_not_in_body", "body_start", "body_end",
                "bylines_f1"):
        smean(key)
    for what in ("bios", "comments"):
        matched, truth, pred = csum(f"{what}_matched"), csum(f"{what}_truth"), csum(f"{what}_pred")
        if truth:
            out[f"{what}_recall"] = matched / truth
        if pred:
            out[f"{what}_precision"] = matched / pred
        if matched:
            out[f"{what}_text_f1"] = csum(f"{what}_text_f1_sum") / matched
        if what == "comments" and matched:
            for part in ("author", "date", "depth"):
                out[f"comments_{part}"] = csum(f"comments_{part}_ok") / matched
        smean(f"{what}_none_right")
    smean("published")
    _add_times(out, pages)
    return out


def _first_words(text: str | None, n: int = 12, last: bool = False) -> str | None:
    if not text:
        return None
    words = text.split()
    return " ".join(words[-n:] if last else words[:n])


def _gold_summary(art: Article | None) -> dict[str, Any]:
    if art is None:
        return {}
    body = art.body.text if art.body is not None else None
    return {
        "headline": art.headline.text if art.headline else None,
        "dateline": None if art.dateline is None else art.dateline.text,
        "dateline_place": None if art.dateline is None else art.dateline.place,
        "bylines": None if art.bylines is None else [b.name for b in art.bylines],
        "bios": None if art.author_bios is None else [_first_words(b.text, 8) for b in art.author_bios],
        "published": _day(art.published),
        "body_first": _first_words(body),
        "body_last": _first_words(body, last=True),
        "comments": None if art.comments is None else [_first_words(c.text, 8) for c in art.comments],
    }


def _gold_truth_summary(truth: Mapping[str, Any]) -> dict[str, Any]:
    dl = truth.get("dateline") or {}
    return {
        "url": truth.get("url"),
        "headline": truth.get("headline"),
        "dateline": dl.get("text"),
        "dateline_place": dl.get("place"),
        "bylines": [b.get("name") for b in truth.get("bylines") or []],
        "bios": [_first_words(b.get("text"), 8) for b in truth.get("author_bios") or []],
        "published": truth.get("published"),
        "body_first": truth.get("body_first"),
        "body_last": truth.get("body_last"),
        "comments": [_first_words(c.get("text"), 8) for c in truth.get("comments") or []],
    }


def score_gold(
    articles: Mapping[str, Article | None],
    gold_dir: str | Path,
    *,
    text: bool = False,
    seconds: Mapping[str, float] | None = None,
    errors: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Score articles against the gold set (``gold_dir/truth.jsonl``), by the metrics of the gold README.

    ``articles`` maps a gold id (``"gold/<name>"``) to the :class:`Article` predicted for it (``None`` or a
    missing id: nothing found). ``text`` only names the dataset (``gold-text`` instead of ``gold``);
    ``seconds`` gives optional per-page times and ``errors`` optional per-page error messages.
    """
    name = "gold-text" if text else "gold"
    pages: dict[str, dict[str, Any]] = {}
    for truth, _root in load_gold(gold_dir):
        pid = truth["id"]
        art = articles.get(pid)
        scores, counts = _score_gold_page(truth, art)
        if seconds and pid in seconds:
            scores["ms"] = 1000.0 * seconds[pid]
        err = (errors or {}).get(pid)
        pages[pid] = {
            "dataset": name,
            "scores": scores,
            "counts": counts,
            "prediction": _gold_summary(art),
            "truth": _gold_truth_summary(truth),
            "error": err or None,
        }
    per_dataset = {name: _aggregate_gold(list(pages.values()))}
    return _finish("gold", str(gold_dir), pages, per_dataset, {"text": text})


# --------------------------------------------------------------------------------------------------------------
# seed scoring


def _exact(text: str | None) -> str | None:
    """Text for the seed's exact comparisons: line ends and runs of spaces/tabs normalised, nothing else."""
    if text is None:
        return None
    lines = [_HSPACE_RE.sub(" ", line).strip() for line in text.strip().splitlines()]
    return "\n".join(lines)


def _same(a: str | None, b: str | None) -> float:
    return float(_exact(a) == _exact(b))


def score_seed(
    article: Article | None,
    expected: Mapping[str, Any],
    *,
    article_with_url: Article | None = None,
    url_day: str | None = None,
) -> dict[str, float]:
    """Field-by-field exact scores of ``article`` against the seed's ``expected.json``.

    Texts are compared exactly up to runs of spaces and line-end white space. ``article_with_url`` is the seed
    parsed with its URL and ``url_day`` the date the expected answer gives then (``published_with_url``).
    """
    a = article
    out: dict[str, float] = {}
    out["headline"] = _same(expected.get("headline"), a.headline.text if a and a.headline else None)
    out["subheadline"] = _same(expected.get("subheadline"), a.headline.subheadline if a and a.headline else None)
    ed = expected.get("dateline") or {}
    pd = a.dateline if a is not None else None
    for part in ("text", "place", "agency"):
        if ed and pd is None:  # a labelled dateline that was not found gets no credit for a null agency
            out[f"dateline_{part}"] = 0.0
        else:
            out[f"dateline_{part}"] = _same(ed.get(part) if ed else None, getattr(pd, part) if pd is not None else None)
    eparas = [_exact(p) for p in expected.get("body_paragraphs") or []]
    pparas = [_exact(p) for p in (a.body.paragraphs if a is not None and a.body is not None else ())]
    out["body_paragraph_count"] = float(len(eparas) == len(pparas))
    if eparas:
        out["body_paragraphs_exact"] = sum(
            1 for i, p in enumerate(eparas) if i < len(pparas) and pparas[i] == p
        ) / len(eparas)
    common = sum((Counter(eparas) & Counter(pparas)).values())
    out["body_paragraph_f1"] = prf(common, len(pparas) - common, len(eparas) - common)[2] if eparas or pparas else 1.0
    epairs = {(_exact(b.get("name")), _exact(b.get("role"))) for b in expected.get("bylines") or []}
    ppairs = {(_exact(b.name), _exact(b.role)) for b in (a.bylines or ())} if a is not None else set()
    if epairs or ppairs:
        out["bylines"] = 2 * len(epairs & ppairs) / (len(epairs) + len(ppairs))
    else:
        out["bylines"] = 1.0
    ebios = list(expected.get("author_bios") or [])
    pbios = list(a.author_bios or ()) if a is not None else []
    out["bios_count"] = float(len(ebios) == len(pbios))
    if ebios:
        pairs = match_one_to_one([b.get("text") or "" for b in ebios], [b.text or "" for b in pbios], BIO_MATCH_F1)
        for part in ("name", "title", "text"):
            ok = sum(_same(ebios[i].get(part), getattr(pbios[j], part)) for i, j, _ in pairs)
            out[f"bios_{part}"] = ok / len(ebios)
    ecom = list(expected.get("comments") or [])
    pcom = list(a.comments or ()) if a is not None else []
    out["comments_count"] = float(len(ecom) == len(pcom))
    if ecom:
        out["comments_text_exact"] = sum(
            _same(c.get("text"), pcom[i].text) for i, c in enumerate(ecom) if i < len(pcom)
        ) / len(ecom)
        out["comments_author"] = sum(
            _same(c.get("author"), pcom[i].author) for i, c in enumerate(ecom) if i < len(pcom)
        ) / len(ecom)
    out["published"] = float(_day(a.published if a is not None else None) == _day(expected.get("published")))
    if url_day is not None:
        got = _day(article_with_url.published) if article_with_url is not None else None
        out["published_with_url"] = float(got == url_day)
    return out


def _seed_summary(art: Article | None) -> dict[str, Any]:
    if art is None:
        return {}
    return {
        "headline": art.headline.text if art.headline else None,
        "dateline": None if art.dateline is None else art.dateline.text,
        "bylines": None if art.bylines is None else [[b.name, b.role] for b in art.bylines],
        "bios": None if art.author_bios is None else [b.name for b in art.author_bios],
        "body_paragraphs": None if art.body is None else len(art.body.blocks),
        "comments": None if art.comments is None else len(art.comments),
        "published": _day(art.published),
    }


def _seed_truth_summary(expected: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "headline": expected.get("headline"),
        "dateline": (expected.get("dateline") or {}).get("text"),
        "bylines": [[b.get("name"), b.get("role")] for b in expected.get("bylines") or []],
        "bios": [b.get("name") for b in expected.get("author_bios") or []],
        "body_paragraphs": len(expected.get("body_paragraphs") or []),
        "comments": len(expected.get("comments") or []),
        "published": expected.get("published"),
    }


# --------------------------------------------------------------------------------------------------------------
# running newsparse


def _read_page(path: Path) -> bytes:
    if not path.is_file():
        raise InputNotFoundError(f"no such page file: {str(path)!r}")
    return maybe_gunzip(path.read_bytes(), name=str(path))


def _run_one(
    path: Path, url: str | None, *, fmt: str | None, plugins: bool
) -> tuple[Article | None, float | None, str | None]:
    """Parse one page; returns (article, seconds of the parse call, error message)."""
    from ._pipeline import parse

    try:
        data = _read_page(path)
    except NewsparseError as exc:
        return None, None, f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # the run goes on: the page is counted as failed
        return None, None, f"{type(exc).__name__}: {exc}"
    t0 = time.perf_counter()
    try:
        art = parse(data, url=url, format=fmt, plugins=plugins)
    except NewsparseError as exc:
        return None, time.perf_counter() - t0, f"{type(exc).__name__}: {exc}"
    except Exception as exc:  # an unexpected crash is recorded, not raised: one page must not stop the run
        return None, time.perf_counter() - t0, f"unexpected {type(exc).__name__}: {exc}"
    return art, time.perf_counter() - t0, None


def _progress(stream: TextIO | None, message: str) -> None:
    if stream is not None:
        stream.write(message + "\n")
        stream.flush()


def _limit(items: list[tuple[dict[str, Any], Path]], limit: int | None) -> list[tuple[dict[str, Any], Path]]:
    """The first ``limit`` pages of each dataset."""
    if limit is None:
        return items
    seen: Counter[str] = Counter()
    out = []
    for rec, path in items:
        ds = str(rec.get("dataset", ""))
        if seen[ds] < limit:
            seen[ds] += 1
            out.append((rec, path))
    return out


def evaluate(
    path: str | Path,
    *,
    datasets: Iterable[str] | None = None,
    text: bool = False,
    plugins: bool = False,
    limit: int | None = None,
    progress: TextIO | None = None,
    predictions_out: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Run newsparse on a labelled folder (corpus, gold set or seed, detected) and score it.

    ``datasets`` keeps only the named datasets of a corpus; ``text`` parses the gold set's plain-text
    renderings (``format="text"``) instead of its HTML pages; ``plugins`` switches site extractors on (they are
    off by default: the scores measure the generic extractor); ``limit`` takes the first N pages of each dataset.
    A page that fails counts as an all-null prediction and is listed under ``errors``. ``progress`` receives a
    line per dataset; ``predictions_out`` (corpus only) receives the prediction records.

    The result has the structure documented at :func:`score_corpus` (``kind``, ``datasets``, ``pages``,
    ``errors``, ``settings``; a corpus also has ``pooled``).
    """
    kind = detect_kind(path)
    datasets = None if datasets is None else list(datasets)
    settings = {"datasets": datasets, "text": text, "plugins": plugins, "limit": limit}
    if kind == "corpus":
        records = _limit(_corpus_records(path, datasets), limit)
        preds: dict[str, dict[str, Any]] = {}
        errors: dict[str, str] = {}
        current, t_ds, n_ds = None, time.perf_counter(), 0
        for rec, page_path in records:
            if rec["dataset"] != current:
                if current is not None:
                    _progress(progress, f"{current}: {n_ds} pages, {time.perf_counter() - t_ds:.1f} s")
                current, t_ds, n_ds = rec["dataset"], time.perf_counter(), 0
            n_ds += 1
            art, sec, err = _run_one(page_path, rec.get("url"), fmt=None, plugins=plugins)
            preds[rec["id"]] = corpus_prediction(art, sec)
            if err:
                errors[rec["id"]] = err
            if predictions_out is not None:
                predictions_out.append({"id": rec["id"], **preds[rec["id"]], **({"error": err} if err else {})})
        if current is not None:
            _progress(progress, f"{current}: {n_ds} pages, {time.perf_counter() - t_ds:.1f} s")
        pages, per_dataset, pooled = _score_corpus_records(records, preds, errors)
        result = _finish("corpus", str(path), pages, per_dataset, settings)
        result["pooled"] = pooled
        return result
    if kind == "gold":
        gold = load_gold(path)
        if limit is not None:
            gold = gold[:limit]
        arts: dict[str, Article | None] = {}
        secs: dict[str, float] = {}
        errs: dict[str, str] = {}
        t0 = time.perf_counter()
        for rec, root in gold:
            rel = rec.get("text_page") if text else rec["page"]
            if not rel:
                errs[rec["id"]] = "CorpusFormatError: the record has no text_page"
                arts[rec["id"]] = None
                continue
            art, sec, err = _run_one(root / rel, rec.get("url"), fmt="text" if text else None, plugins=plugins)
            arts[rec["id"]] = art
            if sec is not None:
                secs[rec["id"]] = sec
            if err:
                errs[rec["id"]] = err
        _progress(progress, f"{'gold-text' if text else 'gold'}: {len(gold)} pages, {time.perf_counter() - t0:.1f} s")
        result = score_gold(arts, path, text=text, seconds=secs, errors=errs)
        if limit is not None:  # score only the pages that were run
            kept = {rec["id"] for rec, _ in gold}
            result["pages"] = {k: v for k, v in result["pages"].items() if k in kept}
            name = "gold-text" if text else "gold"
            result["datasets"] = {name: _aggregate_gold(list(result["pages"].values()))}
            result["errors"] = [e for e in result["errors"] if e["id"] in kept]
        result["settings"] = settings
        return result
    return _evaluate_seed(Path(path), plugins=plugins, settings=settings)


def _evaluate_seed(root: Path, *, plugins: bool, settings: Mapping[str, Any]) -> dict[str, Any]:
    try:
        expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CorpusFormatError(f"{root / 'expected.json'}: not a JSON object ({exc})") from None
    if not isinstance(expected, dict):
        raise CorpusFormatError(f"{root / 'expected.json'}: not a JSON object")
    art, sec, err = _run_one(root / "page.txt", None, fmt=None, plugins=plugins)
    m = _SEED_URL_RE.search(str(expected.get("notes") or ""))
    art_url = url_day = None
    if m:
        url_day = m.group(2)
        art_url, _sec, _err = _run_one(root / "page.txt", m.group(1), fmt=None, plugins=plugins)
    scores = score_seed(art, expected, article_with_url=art_url, url_day=url_day)
    if sec is not None:
        scores["ms"] = 1000.0 * sec
    page = {"dataset": "seed", "scores": scores, "counts": {}, "prediction": _seed_summary(art),
            "truth": _seed_truth_summary(expected), "error": err}
    metrics = {k: v for k, v in scores.items() if k != "ms"}
    pages = {"seed": page}
    _add_times(metrics, [page])
    metrics.pop("p95_ms", None)
    return _finish("seed", str(root), pages, {"seed": metrics}, settings)


# --------------------------------------------------------------------------------------------------------------
# the command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``eval`` command's arguments to ``parser``."""
    parser.add_argument("dir", metavar="DIR", help="a corpus folder, a gold folder or a seed folder (detected)")
    parser.add_argument("--datasets", nargs="+", metavar="NAME", help="score only these datasets of a corpus")
    parser.add_argument("--text", action="store_true", help="gold set: parse the plain-text renderings")
    parser.add_argument("--plugins", action="store_true", help="switch site extractors on (default: generic only)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N pages of each dataset")
    parser.add_argument("--json", dest="json_out", metavar="OUT", help="write the full results (per page too) as JSON")
    parser.add_argument("--predictions", metavar="OUT", help="corpus: write the prediction records as JSON lines")
    parser.add_argument("--failures", metavar="METRIC", help="print the worst pages for METRIC (e.g. body_f1)")
    parser.add_argument("--top", type=int, default=10, metavar="N", help="how many pages --failures prints (10)")
    parser.add_argument("--compare", metavar="OLD_JSON", help="show what changed since an earlier --json result")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    if metric in ("pages", "errors"):
        return str(int(value))
    if metric.endswith("_ms") or metric == "ms":
        return f"{value:.1f}"
    return f"{value:.3f}"


def _short_names(names: Sequence[str]) -> list[str]:
    short = [n if len(n) <= 11 else n.split("-")[0][:11] for n in names]
    return short if len(set(short)) == len(short) else [n[:16] for n in names]


def render_table(result: Mapping[str, Any]) -> str:
    """The metrics as a table: one row per metric, one column per dataset."""
    datasets: Mapping[str, Mapping[str, float]] = result["datasets"]
    order = {"corpus": CORPUS_METRICS, "gold": GOLD_METRICS, "seed": SEED_METRICS}.get(result.get("kind", ""), ())
    names = list(datasets)
    present = [m for m in order if any(m in datasets[n] for n in names)]
    present += sorted({m for n in names for m in datasets[n]} - set(present))
    cols = _short_names(names)
    pooled = result.get("pooled")
    if pooled and len(names) > 1:
        cols.append("pooled")
    width = max([len(c) for c in cols] + [6])
    label_w = max([len(m) for m in present] + [6])
    lines = [" " * label_w + "  " + "  ".join(c.rjust(width) for c in cols)]
    for m in present:
        vals = [_fmt(m, datasets[n].get(m)) for n in names]
        if pooled and len(names) > 1:
            vals.append(_fmt(m, pooled.get(m)))
        lines.append(m.ljust(label_w) + "  " + "  ".join(v.rjust(width) for v in vals))
    return "\n".join(lines) + "\n"


def worst_pages(result: Mapping[str, Any], metric: str, top: int = 10) -> list[tuple[str, float, Mapping[str, Any]]]:
    """The ``top`` pages with the worst per-page value of ``metric`` (lowest, or highest for lower-is-better)."""
    rows = [(pid, float(pg["scores"][metric]), pg) for pid, pg in result["pages"].items() if metric in pg["scores"]]
    reverse = metric in LOWER_IS_BETTER
    rows.sort(key=lambda r: (-r[1] if reverse else r[1], r[0]))
    return rows[:top]


def _metric_names(result: Mapping[str, Any]) -> set[str]:
    return {m for pg in result["pages"].values() for m in pg["scores"]}


def render_failures(result: Mapping[str, Any], metric: str, top: int) -> str:
    """The worst pages for ``metric``, each with its other weak scores and truth beside prediction."""
    rows = worst_pages(result, metric, top)
    lines = [f"worst {len(rows)} pages for {metric}:"]
    for pid, value, pg in rows:
        lines.append(f"  {_fmt(metric, value)}  {pid}" + (f"  [error: {pg['error']}]" if pg.get("error") else ""))
        low = [f"{m}={_fmt(m, v)}" for m, v in sorted(pg["scores"].items())
               if m != metric and m not in LOWER_IS_BETTER and v < 1]
        if low:
            lines.append("      other scores below 1: " + ", ".join(low))
        truth, pred = pg.get("truth") or {}, pg.get("prediction") or {}
        for key in sorted(set(truth) | set(pred)):
            if key in ("url",) and key in truth:
                lines.append(f"      url: {truth[key]}")
                continue
            tv, pv = truth.get(key), pred.get(key)
            if tv is None and pv is None:
                continue
            lines.append(f"      {key}: truth={_clip(tv)!s} | predicted={_clip(pv)!s}")
    return "\n".join(lines) + "\n"


def render_changes(result: Mapping[str, Any], old: Mapping[str, Any], min_delta: float = 0.0005) -> str:
    """Metrics that moved since ``old`` (an earlier result of the same folder), and how many pages moved."""
    lines: list[str] = []
    for ds, metrics in result.get("datasets", {}).items():
        before = old.get("datasets", {}).get(ds)
        if not isinstance(before, Mapping):
            continue
        for m, v in metrics.items():
            if m in _NOT_SCORES and m != "errors" or m not in before:
                continue
            delta = v - float(before[m])
            if abs(delta) < min_delta:
                continue
            better = (delta < 0) if m in LOWER_IS_BETTER else (delta > 0)
            lines.append(f"  {ds:<22} {m:<24} {_fmt(m, float(before[m]))} -> {_fmt(m, v)}  "
                         f"{delta:+.3f} {'better' if better else 'WORSE'}")
    moved: dict[str, list[int]] = {}
    old_pages = old.get("pages", {})
    for pid, pg in result.get("pages", {}).items():
        before_scores = (old_pages.get(pid) or {}).get("scores", {})
        for m, v in pg["scores"].items():
            if m == "ms" or m not in before_scores or abs(v - before_scores[m]) < 1e-9:
                continue
            up = (v < before_scores[m]) if m in LOWER_IS_BETTER else (v > before_scores[m])
            moved.setdefault(m, [0, 0])[0 if up else 1] += 1
    head = [f"changes since the earlier result ({len(lines)} metrics moved by {min_delta} or more):"]
    if moved:
        lines.append("  pages whose score moved: " + "; ".join(
            f"{m} {b} better / {w} worse" for m, (b, w) in sorted(moved.items())))
    return "\n".join(head + (lines or ["  none"])) + "\n"


def _clip(value: Any, n: int = 160) -> str:
    s = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return s if len(s) <= n else s[: n - 3] + "..."


def cli_main(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``newsparse eval``."""
    if args.limit is not None and args.limit < 1:
        err.write("newsparse eval: --limit must be at least 1\n")
        return 2
    preds: list[dict[str, Any]] | None = [] if args.predictions else None
    t0 = time.perf_counter()
    try:
        result = evaluate(
            args.dir,
            datasets=args.datasets,
            text=args.text,
            plugins=args.plugins,
            limit=args.limit,
            progress=None if args.quiet else err,
            predictions_out=preds,
        )
    except NewsparseError as exc:
        err.write(f"newsparse eval: {exc}\n")
        return 2
    total = time.perf_counter() - t0
    out.write(render_table(result))
    n_pages = len(result["pages"])
    unexpected = sum(1 for e in result["errors"] if str(e["error"]).startswith("unexpected "))
    note = f" ({unexpected} unexpected exceptions)" if unexpected else ""
    out.write(f"\n{n_pages} pages in {total:.1f} s; {len(result['errors'])} errors{note}\n")
    for e in result["errors"][:10]:
        out.write(f"  error: {e['id']}: {e['error']}\n")
    if len(result["errors"]) > 10:
        out.write(f"  ... and {len(result['errors']) - 10} more (see --json)\n")
    if args.compare:
        try:
            old = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            err.write(f"newsparse eval: cannot read {args.compare}: {exc}\n")
            return 2
        if not isinstance(old, dict):
            err.write(f"newsparse eval: {args.compare} is not a result of --json\n")
            return 2
        out.write("\n" + render_changes(result, old))
    if args.failures:
        if args.failures not in _metric_names(result):
            err.write(
                f"newsparse eval: no per-page metric {args.failures!r}; choose from "
                f"{', '.join(sorted(_metric_names(result)))}\n"
            )
            return 2
        out.write("\n" + render_failures(result, args.failures, max(1, args.top)))
    try:
        if args.json_out:
            with open(args.json_out, "w", encoding="utf-8") as fh:
                json.dump(result, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        if preds is not None:
            with open(args.predictions, "w", encoding="utf-8") as fh:
                for rec in preds:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    except OSError as exc:
        err.write(f"newsparse eval: cannot write output: {exc}\n")
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    from ._cli import main

    sys.exit(main(["eval", *sys.argv[1:]]))
