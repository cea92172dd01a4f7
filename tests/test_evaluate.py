"""The measuring instrument: each metric on hand-made examples, and whole runs on synthetic labelled folders."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsparse
from newsparse import _cli, _evaluate
from newsparse._evaluate import (
    authors_f1,
    bow_f1,
    detect_kind,
    evaluate,
    headline_exact,
    load_corpus,
    match_one_to_one,
    normalise_author,
    prf,
    score_corpus,
    score_gold,
    score_seed,
    shingle_counts,
    shingle_prf,
    snippet_found,
)
from newsparse._model import Article, AuthorBio, Block, Body, Byline, Comment, Dateline, Headline

# --------------------------------------------------------------------------------------------------------------
# body: the ScrapingHub shingle metric


def test_shingles_with_counts() -> None:
    # truth shingles: (a b c d), (b c d e); prediction: (a b c d), (b c d x)
    assert shingle_counts("A b c d e", "a B c d x") == (1, 1, 1)
    # "a b c d a b c d" has 5 shingles, (a b c d) twice; the prediction has it once
    assert shingle_counts("a b c d a b c d", "a b c d") == (1, 0, 4)
    # excess counts on the prediction side are false positives
    assert shingle_counts("a b c d", "a b c d a b c d") == (1, 4, 0)


def test_short_text_is_one_shingle() -> None:
    # 1-3 tokens: the whole text is one shingle; punctuation and case do not matter
    assert shingle_counts("Hello world", "hello, WORLD!") == (1, 0, 0)
    assert shingle_counts("Hello world", "hello world again") == (0, 1, 1)
    assert shingle_counts("one", "one two three four") == (0, 1, 1)
    assert shingle_counts("x", None) == (0, 0, 1)
    assert shingle_counts(None, None) == (0, 0, 0)


def test_page_counts_are_normalised_by_their_sum() -> None:
    tp, fp, fn = shingle_prf("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert shingle_prf("", "") == (0.0, 0.0, 0.0)
    p, r, f = prf(2.0, 1.0, 3.0)
    assert (p, r) == pytest.approx((2 / 3, 2 / 5))
    assert f == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_bootstrap_std_of_body_f1() -> None:
    same = [(0.5, 0.25, 0.25)] * 50
    assert _evaluate.bootstrap_f1_std(same) == pytest.approx(0.0, abs=1e-12)  # every resample is the same
    mixed = [(1.0, 0.0, 0.0)] * 25 + [(0.0, 0.5, 0.5)] * 25
    std = _evaluate.bootstrap_f1_std(mixed)
    # F1 = k / 50 for k perfect pages drawn of 50: binomial(50, 1/2) / 50 has std sqrt(50 / 4) / 50 ~ 0.0707
    assert 0.06 < std < 0.08
    assert _evaluate.bootstrap_f1_std(mixed) == std  # seeded: the same every run
    assert _evaluate.bootstrap_f1_std(mixed[:1]) == 0.0


def test_bag_of_words_f1() -> None:
    assert bow_f1("a a b", "a b c") == pytest.approx(2 * 2 / 6)
    assert bow_f1("", None) == 1.0
    assert bow_f1("a", "") == 0.0
    assert bow_f1(["a", "b"], ["b", "a"]) == 1.0


# --------------------------------------------------------------------------------------------------------------
# snippets, headline, authors


def test_one_word_snippet_must_be_a_whole_word() -> None:
    assert not snippet_found("home", "Buy a new homeowner policy")
    assert snippet_found("Home", "Go back HOME.")
    assert snippet_found("Home", "home")
    # longer snippets are plain substrings (upstream cut them mid-word)
    assert snippet_found("owner pol", "Buy a new homeowner policy")
    # NFKC (the 'ﬁ' ligature), casefold ('ß' ~ 'ss') and collapsed white space
    assert snippet_found("fish  soup", "The ﬁsh\n soup was good")
    assert snippet_found("STRASSE", "die straße")
    assert not snippet_found("fish soup", "fishsoup")
    # a one-word snippet ending in punctuation still needs a word boundary where it starts with a letter
    assert snippet_found("Subscribe!", "Please Subscribe! now")
    assert not snippet_found("scribe!", "Please Subscribe! now")


def test_headline_normalisation_and_site_suffix() -> None:
    truth = "Storm hits coast"
    for pred in (
        "Storm hits coast",
        "  storm   HITS coast ",
        "Storm hits coast | The Ledger",
        "Storm hits coast - The Ledger",
        "Storm hits coast \u2013 The Ledger",  # en dash unified with '-'
        "Storm hits coast :: Ledger",
        "Storm hits coast · Ledger",
        "Storm hits coast » Ledger",
        "Storm hits coast / Ledger",
        "Storm hits coast: Ledger",
        "Storm hits coast\uff1aLedger",  # fullwidth colon
        "Storm hits coast : Columnists",
        "Storm\u200b hits coast",  # zero-width space
    ):
        assert headline_exact(truth, pred), pred
    for pred in (
        "Storm hits coastline",
        "Storm hits coast |",
        "Storm hits coast| Ledger",
        "Storm hits coast (from The Ledger)",
        "Ledger | Storm hits coast",
        "",
        None,
    ):
        assert not headline_exact(truth, pred), pred
    assert headline_exact("\u201cWe won\u201d \u2014 mayor", '"We won" - Mayor')
    assert headline_exact("Don\u2019t panic", "Don't panic")


def test_author_normalisation() -> None:
    assert normalise_author("By Jane Doe.") == "jane doe"
    assert normalise_author("by: JANE DOE,") == "jane doe"
    assert normalise_author("J. R. Smith") == normalise_author("J R Smith") == "j r smith"
    assert normalise_author("Byron Smith") == "byron smith"
    assert normalise_author("\uff2a\uff41\uff4e\uff45  Doe") == "jane doe"  # fullwidth letters (NFKC)


def test_authors_set_f1_and_the_empty_truth_rule() -> None:
    assert authors_f1(["Jane Doe", "John Roe"], ["by jane doe"]) == pytest.approx(2 / 3)
    assert authors_f1(["Jane Doe"], ["Jane Doe", "Jane Doe."]) == 1.0  # a set: duplicates count once
    assert authors_f1(["Jane Doe"], None) == 0.0
    assert authors_f1([], None) == 1.0
    assert authors_f1([], []) == 1.0
    assert authors_f1([], ["Jane Doe"]) == 0.0


def test_matching_is_one_to_one_best_first() -> None:
    truth = ["the cat sat on the mat", "dogs bark at night"]
    pred = ["the cat sat on a mat", "the cat sat on the mat", "dogs bark loudly at night", "unrelated words here"]
    pairs = match_one_to_one(truth, pred, 0.5)
    # truth 0 takes its exact copy (F1 1.0), not the near copy; truth 1 takes the bark comment; two stay unmatched
    assert [(i, j) for i, j, _ in pairs] == [(0, 1), (1, 2)]
    assert pairs[1][2] == pytest.approx(2 * 4 / (4 + 5))
    # two identical labelled items cannot share one prediction
    assert len(match_one_to_one(["a b c", "a b c"], ["a b c"], 0.5)) == 1
    # below the threshold: no match
    assert match_one_to_one(["a b c d"], ["a x y z"], 0.3) == []


# --------------------------------------------------------------------------------------------------------------
# synthetic corpus, gold and seed folders


def _page_html(headline: str, paragraphs: list[str], byline: str = "", extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in paragraphs)
    by = f'<p class="byline">By {byline}</p>' if byline else ""
    return (
        f"<html><head><title>{headline} | The Test Ledger</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{headline}</h1>{by}{paras}</article>{extra}"
        f"<footer>Copyright The Test Ledger</footer></body></html>"
    )


PARAS = [
    "The harbor town woke to water in its streets on Tuesday after the river broke through the old levee.",
    "Residents carried furniture upstairs as the water rose, and the fire brigade moved families by boat.",
    "The mayor said repairs to the levee would begin once the river fell below its spring level.",
]


def _corpus_record(dataset: str, page_id: str, **fields: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": f"{dataset}/{page_id}",
        "dataset": dataset,
        "page": f"pages/{page_id}.html.gz",
        "url": f"https://ledger.example/news/{page_id}",
    }
    rec.update(fields)
    return rec


def _write_dataset(root: Path, name: str, pages: dict[str, bytes], records: list[dict[str, Any]]) -> None:
    d = root / name
    (d / "pages").mkdir(parents=True)
    for page_id, data in pages.items():
        (d / "pages" / f"{page_id}.html.gz").write_bytes(gzip.compress(data))
    (d / "truth.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two datasets: 'alpha' labels body, headline, authors, dates and comments; 'beta' only dates."""
    root = tmp_path / "corpus"
    html = _page_html("Storm floods harbor town", PARAS, byline="Jane Doe").encode()
    _write_dataset(
        root,
        "alpha",
        {"p1": html, "p2": html, "broken": b""},
        [
            _corpus_record(
                "alpha",
                "p1",
                headline="Storm floods harbor town",
                authors=["Jane Doe"],
                body="\n".join(PARAS),
                body_with=["fire brigade", "levee"],
                body_without=["Copyright", "Home"],
                comments="",
            ),
            _corpus_record("alpha", "p2", body="\n".join(PARAS[:2]), absent=["published"]),
            _corpus_record("alpha", "broken", body="Some text that was labelled", comments="A reader wrote this."),
        ],
    )
    _write_dataset(
        root,
        "beta",
        {"d1": html},
        [_corpus_record("beta", "d1", published="2024-03-07")],
    )
    (root / "README.md").write_text("synthetic corpus for tests\n", encoding="utf-8")
    return root


def test_load_corpus_fills_defaults_and_filters(corpus: Path) -> None:
    items = list(load_corpus(corpus))
    assert [r["id"] for r, _ in items] == ["alpha/p1", "alpha/p2", "alpha/broken", "beta/d1"]
    rec, path = items[-1]
    assert rec["body"] is None and rec["body_with"] == [] and rec["absent"] == []
    assert path == corpus / "beta" / "pages" / "d1.html.gz"
    assert [r["id"] for r, _ in load_corpus(corpus, ["beta"])] == ["beta/d1"]
    # a dataset folder on its own is a corpus of one dataset
    assert [r["dataset"] for r, _ in load_corpus(corpus / "beta")] == ["beta"]
    with pytest.raises(newsparse.CorpusFormatError, match="unknown dataset"):
        list(load_corpus(corpus, ["gamma"]))


def test_bad_truth_files_are_clear_errors(tmp_path: Path) -> None:
    d = tmp_path / "c" / "ds"
    d.mkdir(parents=True)
    (d / "truth.jsonl").write_text('{"id": "ds/a", "page": "pages/a.html"}\nnot json\n', encoding="utf-8")
    with pytest.raises(newsparse.CorpusFormatError, match=r"truth.jsonl:2"):
        list(load_corpus(tmp_path / "c"))
    (d / "truth.jsonl").write_text('{"id": "ds/a"}\n', encoding="utf-8")
    with pytest.raises(newsparse.CorpusFormatError, match="'page'"):
        list(load_corpus(tmp_path / "c"))
    (d / "truth.jsonl").write_text('{"id": "ds/a", "page": "a.html"}\n' * 2, encoding="utf-8")
    with pytest.raises(newsparse.CorpusFormatError, match="appears twice"):
        list(load_corpus(tmp_path / "c"))
    with pytest.raises(newsparse.InputNotFoundError):
        detect_kind(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(newsparse.CorpusFormatError, match="no labelled pages"):
        detect_kind(tmp_path / "empty")


def test_score_corpus_by_hand(corpus: Path) -> None:
    body = "\n".join(PARAS)
    preds = {
        # p1: a perfect body, the headline with a site suffix, the right author, no comments
        "alpha/p1": {"headline": "Storm floods harbor town | Ledger", "authors": ["By Jane Doe"], "body": body,
                     "comments": None, "seconds": 0.010},
        # p2: truth is PARAS[:2]; the prediction adds PARAS[2] and invents a date (labelled absent)
        "alpha/p2": {"body": body, "published": "2024-03-07T10:00:00+02:00", "seconds": 0.030},
        # alpha/broken and beta/d1: no prediction -> all null
    }
    res = score_corpus(preds, corpus)
    alpha = res["datasets"]["alpha"]
    # shingle counts per page, normalised, then summed
    t1 = shingle_prf(body, body)
    t2 = shingle_prf("\n".join(PARAS[:2]), body)
    t3 = (0.0, 0.0, 1.0)
    tp, fp, fn = (t1[k] + t2[k] + t3[k] for k in range(3))
    p, r, f = prf(tp, fp, fn)
    assert alpha["body_f1"] == pytest.approx(f)
    assert alpha["body_precision"] == pytest.approx(p)
    assert alpha["body_recall"] == pytest.approx(r)
    n_truth2 = len(" ".join(PARAS[:2]).split())
    n_pred = len(body.split())
    assert alpha["body_bow_f1"] == pytest.approx((1.0 + 2 * n_truth2 / (n_truth2 + n_pred) + 0.0) / 3)
    assert alpha["body_exact"] == pytest.approx(1 / 3)
    assert alpha["body_with_recall"] == 1.0
    assert alpha["body_without_absent"] == 1.0  # 'Home' and 'Copyright' are not in the body
    assert alpha["headline_exact"] == 1.0
    assert alpha["authors_f1"] == 1.0
    assert alpha["published_invented"] == 1.0
    assert alpha["no_phantom_comments"] == 1.0
    assert alpha["comments_f1"] == 0.0
    assert alpha["median_ms"] == pytest.approx(20.0)
    assert alpha["p95_ms"] == pytest.approx(10 + 0.95 * 20)
    assert alpha["pages"] == 3
    assert "published_acc" not in alpha  # nothing in alpha labels a date as present
    beta = res["datasets"]["beta"]
    assert beta == {"published_acc": 0.0, "pages": 1, "errors": 0}
    overall = res["datasets"]["overall"]
    assert overall["pages"] == 4
    assert overall["published_acc"] == 0.0 and overall["body_f1"] == pytest.approx(f)
    # pooled over pages: the date of beta's page is the only labelled one
    assert res["pooled"]["published_acc"] == 0.0
    assert res["pages"]["alpha/p2"]["scores"]["body_recall"] == 1.0
    assert res["pages"]["alpha/p2"]["prediction"]["published"] == "2024-03-07"


def test_worst_pages_order(corpus: Path) -> None:
    preds = {"alpha/p1": {"body": "\n".join(PARAS)}, "alpha/p2": {"body": PARAS[0], "published": "2024-01-01"}}
    res = score_corpus(preds, corpus)
    assert [pid for pid, _, _ in _evaluate.worst_pages(res, "body_f1", 3)] == ["alpha/broken", "alpha/p2", "alpha/p1"]
    # lower is better: the invented date comes first
    assert [(pid, v) for pid, v, _ in _evaluate.worst_pages(res, "published_invented")] == [("alpha/p2", 1.0)]
    text = _evaluate.render_failures(res, "body_f1", 1)
    assert "alpha/broken" in text and "other scores below 1: body_bow_f1=0.000" in text


def test_overall_is_the_mean_over_datasets(tmp_path: Path) -> None:
    root = tmp_path / "c"
    html = _page_html("Storm floods harbor town", PARAS).encode()
    _write_dataset(root, "a", {"1": html, "2": html}, [_corpus_record("a", "1", headline="X"),
                                                          _corpus_record("a", "2", headline="Y")])
    _write_dataset(root, "b", {"1": html}, [_corpus_record("b", "1", headline="Z")])
    res = score_corpus({"a/1": {"headline": "X"}, "b/1": {"headline": "Z"}}, root)
    assert res["datasets"]["a"]["headline_exact"] == 0.5
    assert res["datasets"]["b"]["headline_exact"] == 1.0
    assert res["datasets"]["overall"]["headline_exact"] == 0.75  # mean over datasets
    assert res["pooled"]["headline_exact"] == pytest.approx(2 / 3)  # pooled over pages


def _fake_parse(answers: dict[str, Article | Exception]) -> Callable[..., Article]:
    """A stand-in for ``parse`` that answers by the page URL's last path part."""

    def fake(source: Any, url: str | None = None, **kwargs: Any) -> Article:
        key = (url or "").rsplit("/", 1)[-1]
        answer = answers.get(key, Article())
        if isinstance(answer, Exception):
            raise answer
        return answer

    return fake


def test_evaluate_scores_what_parse_returns(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    body = Body(blocks=[Block(kind="paragraph", text=t) for t in PARAS])
    answers: dict[str, Article | Exception] = {
        "p1": Article(
            headline=Headline(text="Storm floods harbor town"),
            bylines=[Byline(name="Jane Doe"), Byline(name="Max Mustermann")],
            body=body,
            comments=[Comment(text="First!")],
        ),
        "p2": RuntimeError("boom"),
        "broken": newsparse.EmptyInputError("no text"),
        "d1": Article(published=dt.datetime(2024, 3, 7, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))),
    }
    monkeypatch.setattr(newsparse._pipeline, "parse", _fake_parse(answers))
    res = evaluate(corpus)
    alpha = res["datasets"]["alpha"]
    assert alpha["authors_f1"] == pytest.approx(2 / 3)
    assert alpha["no_phantom_comments"] == 0.0  # 'First!' on a page labelled without comments
    assert alpha["headline_exact"] == 1.0
    # the page's own day, no timezone conversion
    assert res["datasets"]["beta"]["published_acc"] == 1.0
    # an unexpected exception and an empty page file are both recorded, and the run goes on
    errors = {e["id"]: e["error"] for e in res["errors"]}
    assert set(errors) == {"alpha/p2", "alpha/broken"}
    assert "RuntimeError: boom" in errors["alpha/p2"]
    assert alpha["errors"] == 2 and res["datasets"]["overall"]["errors"] == 2
    assert res["pages"]["alpha/p2"]["scores"]["body_f1"] == 0.0  # counted as an all-null prediction


def test_evaluate_runs_newsparse_and_agrees_with_score_corpus(corpus: Path) -> None:
    records: list[dict[str, Any]] = []
    res = evaluate(corpus, predictions_out=records)
    assert res["kind"] == "corpus" and res["settings"]["plugins"] is False
    assert [r["id"] for r in records] == ["alpha/p1", "alpha/p2", "alpha/broken", "beta/d1"]
    # the empty page is a NewsparseError: all-null prediction, listed as an error
    assert [e["id"] for e in res["errors"]] == ["alpha/broken"]
    assert "EmptyInputError" in res["errors"][0]["error"]
    again = score_corpus({r["id"]: r for r in records}, corpus)
    for name in ("alpha", "beta"):
        assert again["datasets"][name] == res["datasets"][name]
    assert all(r["seconds"] is not None for r in records if r["id"] != "alpha/broken")
    assert evaluate(corpus, datasets=iter(["beta"]))["datasets"].keys() == {"beta"}
    assert score_corpus({}, corpus, datasets=iter(["beta"]))["settings"]["datasets"] == ["beta"]
    assert len(evaluate(corpus, limit=1)["pages"]) == 2


def test_plugins_switch(corpus: Path, clean_registry: None) -> None:
    class LedgerHeadline(newsparse.Extractor):
        name = "test-ledger"
        domains = ("ledger.example",)

        def headline(self, page: newsparse.Page) -> Headline | None:
            return Headline(text="From the site extractor")

    newsparse.register(LedgerHeadline)
    off = evaluate(corpus, datasets=["alpha"])
    on = evaluate(corpus, datasets=["alpha"], plugins=True)
    assert on["pages"]["alpha/p1"]["prediction"]["headline"] == "From the site extractor"
    assert off["pages"]["alpha/p1"]["prediction"]["headline"] != "From the site extractor"
    assert on["datasets"]["alpha"]["headline_exact"] == 0.0


# --------------------------------------------------------------------------------------------------------------
# gold


def _gold_record(name: str, **fields: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": f"gold/{name}",
        "origin": f"synthetic/{name}",
        "page": f"pages/{name}.html.gz",
        "text_page": f"pages/{name}.txt",
        "url": f"https://ledger.example/news/{name}",
        "headline": "Storm floods harbor town",
        "subheadline": None,
        "dateline": None,
        "bylines": [],
        "author_bios": [],
        "published": None,
        "body_first": PARAS[0],
        "body_last": PARAS[-1],
        "comments": [],
        "notes": "",
    }
    rec.update(fields)
    return rec


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    root = tmp_path / "gold"
    (root / "pages").mkdir(parents=True)
    records = [
        _gold_record(
            "g1",
            dateline={"text": "HARBORTOWN, Maine (AP) \u2014", "place": "HARBORTOWN, Maine", "agency": "AP"},
            bylines=[{"name": "Jane Doe", "role": None, "affiliation": None}],
            author_bios=[{"name": "Jane Doe", "title": None, "text": "Jane Doe covers the coast for the Ledger."}],
            published="2024-03-07",
            comments=[
                {"author": "Reader One", "published": "2024-03-07", "text": "My street flooded twice this year.",
                 "depth": 0},
                {"author": "Reader Two", "published": "2024-03-08", "text": "The levee was never repaired properly.",
                 "depth": 1},
            ],
        ),
        _gold_record("g2", comments_truncated=True,
                     comments=[{"author": "A", "published": None, "text": "first comment of a long thread",
                                "depth": 0}]),
    ]
    for rec in records:
        html = _page_html(rec["headline"], PARAS, byline="Jane Doe")
        (root / rec["page"]).write_bytes(gzip.compress(html.encode()))
        text = rec["headline"] + "\n\nBy Jane Doe\n\n" + "\n\n".join(PARAS) + "\n"
        (root / rec["text_page"]).write_text(text, encoding="utf-8")
    (root / "truth.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return root


def test_score_gold_by_hand(gold: Path) -> None:
    when = dt.datetime(2024, 3, 7, 9, 0)
    g1 = Article(
        headline=Headline(text="Storm Floods Harbor Town"),
        dateline=Dateline(text="HARBORTOWN, Maine (AP) \u2014", place="HARBORTOWN, Maine", agency="AP"),
        bylines=[Byline(name="By Jane Doe"), Byline(name="John Roe")],
        author_bios=[AuthorBio(name="Jane Doe", text="Jane Doe covers the coast for the Ledger newspaper."),
                     AuthorBio(name="Ad", text="Subscribe to our newsletter today")],
        published=when,
        # the dateline was left at the start of the body; the body ends early
        body=Body(blocks=[Block(kind="paragraph", text="HARBORTOWN, Maine (AP) \u2014 " + PARAS[0]),
                          Block(kind="paragraph", text=PARAS[1])]),
        comments=[
            Comment(text="The levee was never repaired properly!", author="reader two",
                    published=dt.datetime(2024, 3, 8, 1, 0), depth=0),
            Comment(text="Totally unrelated spam message here", author="Spam"),
        ],
    )
    g2 = Article(
        headline=Headline(text="Storm floods harbor town"),
        body=Body(blocks=[Block(kind="paragraph", text=t) for t in PARAS]),
        comments=[Comment(text="first comment of a long thread", author="A"),
                  Comment(text="the forty-first comment, beyond the labelled part")],
    )
    res = score_gold({"gold/g1": g1, "gold/g2": g2}, gold)
    m = res["datasets"]["gold"]
    assert m["headline"] == 1.0
    assert m["dateline_presence"] == 1.0  # g1 labelled and found; g2 neither
    assert m["dateline_place"] == 1.0
    assert m["dateline_not_in_body"] == 0.0
    assert m["body_start"] == 0.5  # g1 starts with the dateline's words
    assert m["body_end"] == 0.5
    assert m["bylines_f1"] == pytest.approx((2 / 3 + 1.0) / 2)  # g2: none labelled, none predicted
    assert m["bios_recall"] == 1.0
    assert m["bios_precision"] == 0.5
    assert m["bios_text_f1"] == pytest.approx(bow_f1("Jane Doe covers the coast for the Ledger.",
                                                     "Jane Doe covers the coast for the Ledger newspaper."))
    assert m["bios_none_right"] == 1.0
    # g1: 1 of 2 labelled comments matched, 1 of 2 predicted; g2 (truncated): 1 of 1, the extra one not counted
    assert m["comments_recall"] == pytest.approx(2 / 3)
    assert m["comments_precision"] == pytest.approx(2 / 3)
    assert m["comments_author"] == 1.0  # 'reader two' ~ 'Reader Two'; 'A' = 'A'
    assert m["comments_date"] == pytest.approx(1.0)  # 2024-03-08 = 2024-03-08; None = None
    assert m["comments_depth"] == 0.5
    assert "comments_none_right" not in m  # every page here has comments
    assert m["published"] == 1.0
    assert m["pages"] == 2


def test_gold_none_right_and_missing_articles(gold: Path) -> None:
    res = score_gold({}, gold, text=True)
    m = res["datasets"]["gold-text"]
    assert m["headline"] == 0.0 and m["comments_recall"] == 0.0
    assert m["bylines_f1"] == 0.5  # g2 labels no byline and none is predicted
    assert m["bios_none_right"] == 1.0  # g2 has no bio and none is predicted
    assert m["dateline_presence"] == 0.5
    assert m["dateline_not_in_body"] == 1.0
    assert m["published"] == 0.5  # g2 is labelled as having no date
    assert "bios_precision" not in m and "comments_precision" not in m  # nothing predicted: undefined


def test_evaluate_gold_html_and_text(gold: Path) -> None:
    assert detect_kind(gold) == "gold"
    html = evaluate(gold)
    text = evaluate(gold, text=True)
    assert set(html["datasets"]) == {"gold"} and set(text["datasets"]) == {"gold-text"}
    assert html["errors"] == [] and text["errors"] == []
    for res in (html, text):
        m = next(iter(res["datasets"].values()))
        assert m["pages"] == 2
        assert {"headline", "body_start", "bylines_f1", "comments_recall", "published", "median_ms"} <= set(m)
    assert len(evaluate(gold, limit=1)["pages"]) == 1


# --------------------------------------------------------------------------------------------------------------
# seed


EXPECTED_SEED: dict[str, Any] = {
    "headline": "Storm floods harbor town",
    "subheadline": None,
    "dateline": {"text": "HARBORTOWN\u2014", "place": "HARBORTOWN", "agency": None},
    "bylines": [{"name": "Jane Doe", "role": "Staff Writer"}, {"name": "John Roe", "role": None}],
    "author_bios": [{"name": "Jane Doe", "title": "Staff Writer", "text": "Jane Doe covers the coast."}],
    "published": None,
    "body_paragraphs": PARAS,
    "comments": [{"author": None, "text": "Para one.\n\nPara two.", "number": 1},
                 {"author": "Bob", "text": "Second comment.", "number": 2}],
    "notes": "The page URL, when given, is https://ledger.example/2024/03/07/storm/ and then published is 2024-03-07.",
}


def test_score_seed_by_hand() -> None:
    art = Article(
        headline=Headline(text="Storm floods harbor town"),
        dateline=Dateline(text="HARBORTOWN\u2014", place="HARBORTOWN"),
        bylines=[Byline(name="Jane Doe", role="Staff Writer"), Byline(name="John Roe", role="Reporter")],
        author_bios=[AuthorBio(name="Jane Doe", title=None, text="Jane Doe covers the coast.")],
        body=Body(blocks=[Block(kind="paragraph", text=PARAS[0]), Block(kind="paragraph", text=PARAS[2])]),
        comments=[Comment(text="Para one.  \n\nPara two."), Comment(text="Second comment", author="Bob")],
    )
    s = score_seed(art, EXPECTED_SEED, article_with_url=Article(published=dt.datetime(2024, 3, 7)),
                   url_day="2024-03-07")
    assert s["headline"] == 1.0 and s["subheadline"] == 1.0
    assert s["dateline_text"] == 1.0 and s["dateline_place"] == 1.0 and s["dateline_agency"] == 1.0
    assert s["body_paragraph_count"] == 0.0
    assert s["body_paragraphs_exact"] == pytest.approx(1 / 3)  # only the first is in its place
    assert s["body_paragraph_f1"] == pytest.approx(2 * 2 / (3 + 2))
    assert s["bylines"] == pytest.approx(2 * 1 / 4)  # (John Roe, None) != (John Roe, Reporter)
    assert s["bios_count"] == 1.0 and s["bios_name"] == 1.0 and s["bios_title"] == 0.0 and s["bios_text"] == 1.0
    assert s["comments_count"] == 1.0
    assert s["comments_text_exact"] == 0.5  # trailing spaces forgiven, a lost full stop is not
    assert s["comments_author"] == 1.0
    assert s["published"] == 1.0 and s["published_with_url"] == 1.0
    empty = score_seed(None, EXPECTED_SEED)
    assert empty["dateline_agency"] == 0.0  # a missed dateline gets no credit for its null agency
    assert empty["headline"] == 0.0 and "published_with_url" not in empty


def test_evaluate_seed_folder(tmp_path: Path) -> None:
    root = tmp_path / "seed"
    root.mkdir()
    (root / "page.txt").write_text("Storm floods harbor town\n\nHARBORTOWN\u2014" + "\n\n".join(PARAS) + "\n")
    (root / "expected.json").write_text(json.dumps(EXPECTED_SEED), encoding="utf-8")
    assert detect_kind(root) == "seed"
    res = evaluate(root)
    assert set(res["datasets"]) == {"seed"}
    m = res["datasets"]["seed"]
    assert set(_evaluate.SEED_METRICS) - {"p95_ms"} <= set(m) | {"median_ms"}
    assert m["pages"] == 1 and m["errors"] == 0


# --------------------------------------------------------------------------------------------------------------
# command line


def _run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = _cli.main(["eval", *argv], out, err)
    return rc, out.getvalue(), err.getvalue()


def test_cli_corpus_table_json_and_failures(corpus: Path, tmp_path: Path) -> None:
    out_json = tmp_path / "res.json"
    preds = tmp_path / "preds.jsonl"
    rc, out, err = _run_cli(str(corpus), "--json", str(out_json), "--predictions", str(preds),
                            "--failures", "body_f1", "--top", "2")
    assert rc == 0, err
    header = out.splitlines()[0].split()
    assert header == ["alpha", "beta", "overall", "pooled"]
    assert any(line.startswith("body_f1 ") for line in out.splitlines())
    assert "1 errors" in out and "alpha/broken" in out
    assert "worst 2 pages for body_f1:" in out
    assert "alpha: 3 pages" in err
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(data["datasets"]) == {"alpha", "beta", "overall"}
    assert set(data["pages"]) == {"alpha/p1", "alpha/p2", "alpha/broken", "beta/d1"}
    lines = [json.loads(x) for x in preds.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["alpha/p1", "alpha/p2", "alpha/broken", "beta/d1"]
    assert set(lines[0]) >= {"headline", "authors", "published", "body", "comments", "seconds"}


def test_cli_compare_with_an_earlier_result(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = score_corpus({"alpha/p1": {"headline": "Storm floods harbor town", "body": PARAS[0]}}, corpus)
    old_path = tmp_path / "old.json"
    old_path.write_text(json.dumps(old), encoding="utf-8")
    # now the whole body is found but the headline is lost
    p1 = Article(body=Body(blocks=[Block(kind="paragraph", text=t) for t in PARAS]))
    monkeypatch.setattr(newsparse._pipeline, "parse", _fake_parse({"p1": p1}))
    rc, out, err = _run_cli(str(corpus), "--quiet", "--compare", str(old_path))
    assert rc == 0, err
    changes = out[out.index("changes since"):].splitlines()
    body_line = next(line for line in changes if "alpha" in line and " body_f1 " in line)
    assert body_line.rstrip().endswith("better")
    headline_line = next(line for line in changes if "alpha" in line and " headline_exact " in line)
    assert "1.000 -> 0.000" in headline_line and headline_line.rstrip().endswith("WORSE")
    assert "body_f1 1 better / 0 worse" in changes[-1] and "headline_exact 0 better / 1 worse" in changes[-1]
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    rc, _, err = _run_cli(str(corpus), "--quiet", "--compare", str(tmp_path / "bad.json"))
    assert rc == 2 and "not a result" in err


def test_cli_gold_text_and_seed(gold: Path, tmp_path: Path) -> None:
    out_json = tmp_path / "gold.json"
    rc, out, _ = _run_cli(str(gold), "--text", "--json", str(out_json), "--quiet")
    assert rc == 0 and "gold-text" in out.splitlines()[0]
    assert set(json.loads(out_json.read_text(encoding="utf-8"))["datasets"]) == {"gold-text"}
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "page.txt").write_text("Storm floods harbor town\n\n" + "\n\n".join(PARAS) + "\n", encoding="utf-8")
    (seed / "expected.json").write_text(json.dumps(EXPECTED_SEED), encoding="utf-8")
    rc, out, _ = _run_cli(str(seed))
    assert rc == 0 and out.splitlines()[0].split() == ["seed"]
    assert any(line.startswith("body_paragraph_f1 ") for line in out.splitlines())


def test_cli_errors(corpus: Path, tmp_path: Path) -> None:
    rc, _, err = _run_cli(str(tmp_path / "nowhere"))
    assert rc == 2 and "no such folder" in err
    rc, _, err = _run_cli(str(corpus), "--datasets", "gamma")
    assert rc == 2 and "unknown dataset" in err
    rc, _, err = _run_cli(str(corpus), "--datasets", "beta", "--failures", "no_such_metric")
    assert rc == 2 and "published_acc" in err
    rc, _, err = _run_cli(str(corpus), "--limit", "0")
    assert rc == 2


def test_corpus_prediction_shows_each_comment_under_its_author() -> None:
    art = Article(
        comments=(
            Comment(text="Great piece.\n\nThanks for writing it.", author="Ola N."),
            Comment(text="Anonymous words.", author=None),
        )
    )
    pred = _evaluate.corpus_prediction(art)
    assert pred["comments"] == "Ola N.\nGreat piece.\n\nThanks for writing it.\nAnonymous words."
    assert _evaluate.corpus_prediction(Article())["comments"] is None
