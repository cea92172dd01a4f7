"""Author bios of HTML pages: author boxes, closing bio paragraphs, and what is not a bio."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import newsparse
from newsparse._fields.bios import author_bios
from newsparse._model import AuthorBio
from newsparse._page import load_page


def _page(byline: str, after: str = "", last_paragraphs: str = "", authors: tuple[str, ...] = ("Jane Doe",)) -> str:
    ld = json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbor wall gives way",
         "author": [{"@type": "Person", "name": n} for n in authors]}
    )
    return f"""<html><head><title>Harbor wall gives way</title>
<script type="application/ld+json">{ld}</script></head><body>
<article class="post">
  <h1 class="entry-title">Harbor wall gives way in storm</h1>
  <p class="byline">{byline}</p>
  <div class="entry-content">
    <p>The old harbor wall collapsed on Tuesday night as the storm pushed water over the quay, the town council said.</p>
    <p>Engineers had warned for years that the wall, built in 1911, could not hold against a surge of that size.</p>
    <p>Repairs are expected to take most of the winter, and the ferry will run from the north pier until then.</p>
    {last_paragraphs}
  </div>
</article>
{after}
</body></html>"""


def _bios(html: str) -> tuple[AuthorBio, ...]:
    found = author_bios(load_page(html, format="html"))
    assert found is not None
    return found


AUTHOR_BOX = """
<div class="author-box">
  <h4 class="author-box-title">About <a href="https://ledger.example/author/jane-doe/">Jane Doe</a></h4>
  <p class="author-role">Environment Reporter</p>
  <div class="author-description"><p>Jane Doe covers climate and the coast for the Ledger. She previously reported from the
  Gulf for ten years and studied oceanography in Bergen.</p></div>
  <p class="author-social"><a href="https://twitter.com/x">Twitter</a> | <a href="https://facebook.com/x">Facebook</a></p>
  <div class="author-latest"><p>Latest posts by Jane Doe <a href="/author/jane-doe/">(see all)</a></p>
    <ul><li><a href="/a">Ferry moves to north pier for the winter months ahead</a></li>
    <li><a href="/b">Tide tables to be posted at every quay this spring season</a></li></ul></div>
</div>
"""


def test_author_box_after_the_article() -> None:
    found = _bios(_page("By Jane Doe", after=AUTHOR_BOX))
    assert len(found) == 1
    bio = found[0]
    assert bio.name == "Jane Doe"
    assert bio.title == "Environment Reporter"
    assert bio.text is not None and bio.text.startswith("Jane Doe covers climate and the coast")
    assert bio.text.endswith("studied oceanography in Bergen.")
    assert bio.url == "https://ledger.example/author/jane-doe/"


def test_author_box_leaves_out_social_and_latest_posts() -> None:
    text = _bios(_page("By Jane Doe", after=AUTHOR_BOX))[0].text or ""
    for furniture in ("Twitter", "Facebook", "Latest posts", "see all", "Ferry moves", "Tide tables"):
        assert furniture not in text


def test_bio_name_uses_the_byline_spelling() -> None:
    box = """<div class="user-bio"><p>Mark di Luca is a breaking news reporter based in Sydney, Australia.</p>
    <p>Contact Mark Di Luca at mark@example.com</p></div>"""
    found = _bios(_page("By Mark Di Luca", after=box, authors=("Mark Di Luca",)))
    assert [(b.name, b.text) for b in found] == [
        ("Mark Di Luca", "Mark di Luca is a breaking news reporter based in Sydney, Australia.")
    ]


def test_closing_bio_paragraph() -> None:
    closing = "<p><em>Jane Doe is a reporter covering the coast and its weather for the Ledger.</em></p>"
    found = _bios(_page("By Jane Doe", last_paragraphs=closing))
    assert [(b.name, b.text) for b in found] == [
        ("Jane Doe", "Jane Doe is a reporter covering the coast and its weather for the Ledger.")
    ]


def test_closing_paragraph_with_several_authors_split_by_line_breaks() -> None:
    closing = (
        "<p><em>Ana Silva is a senior researcher with the Coast Observatory. Ben Okafor<br>"
        "is an associate professor at the University of the North.</em></p>"
    )
    found = _bios(_page("By Ana Silva and Ben Okafor", last_paragraphs=closing, authors=("Ana Silva", "Ben Okafor")))
    assert [b.name for b in found] == ["Ana Silva", "Ben Okafor"]
    assert found[1].text == "Ben Okafor is an associate professor at the University of the North."


def test_bio_block_indices_name_the_blocks_of_a_split_bio() -> None:
    from newsparse._fields.bios import bio_block_indices

    closing = (
        "<p><em>Ana Silva is a senior researcher with the Coast Observatory. Ben Okafor<br>"
        "is an associate professor at the University of the North.</em></p>"
    )
    page = load_page(_page("By Ana Silva and Ben Okafor", last_paragraphs=closing, authors=("Ana Silva", "Ben Okafor")))
    texts = [page.blocks[i].text for i in sorted(bio_block_indices(page))]
    assert texts and texts[-1] == "is an associate professor at the University of the North."
    assert all("harbor wall" not in t for t in texts)


def test_staff_tagline_is_a_bio_but_a_tip_line_is_not() -> None:
    tagline = "<p><i>Staff writer Jane Doe can be reached at jdoe@ledger.example or 555-0100.</i></p>"
    found = _bios(_page("By Jane Doe", last_paragraphs=tagline))
    assert [(b.name, b.title) for b in found] == [("Jane Doe", "Staff writer")]
    tip = "<p><i>Have a tip? Jane Doe may be reached at jdoe@ledger.example. Follow her on Twitter.</i></p>"
    assert _bios(_page("By Jane Doe", last_paragraphs=tip)) == ()


def test_byline_card_without_prose_is_not_a_bio() -> None:
    card = """<div class="author-info"><span class="author-name">Jane Doe</span>
    <span class="author-title">Equipe de rédaction, La Gazette</span></div>"""
    assert _bios(_page("By Jane Doe", after=card)) == ()


def test_page_without_bio_returns_empty() -> None:
    assert _bios(_page("By Jane Doe")) == ()


def test_comments_mentioning_the_author_are_not_bios() -> None:
    comments = """<div id="comments"><ol class="commentlist"><li class="comment">
      <div class="comment-author vcard"><cite class="fn">Pat</cite> says:</div>
      <div class="comment-meta">March 7, 2024 at 9:15 am</div>
      <p>Jane Doe is a reporter who always gets the coast right, thank you for this piece.</p></li></ol></div>"""
    assert _bios(_page("By Jane Doe", after=comments)) == ()


def test_bio_does_not_leak_into_the_body() -> None:
    art = newsparse.parse(_page("By Jane Doe", after=AUTHOR_BOX), plugins=False)
    assert art.author_bios and art.author_bios[0].name == "Jane Doe"
    assert art.body is not None and "oceanography" not in art.body.text
    assert "harbor wall collapsed" not in (art.author_bios[0].text or "")


def test_text_pages_are_not_answered_here() -> None:
    assert author_bios(load_page("Harbor wall\n\nBy Jane Doe\n\nThe wall fell.", format="text")) is None


def _shared() -> Path:
    env = os.environ.get("NEWSPARSE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.skipif(not (_shared() / "gold" / "truth.jsonl").exists(), reason="../shared/gold is not available")
def test_gold_bio_recall_and_no_phantoms() -> None:
    from collections import Counter
    import re

    def bag_f1(a: str, b: str) -> float:
        ca, cb = Counter(re.findall(r"\w+", a.lower())), Counter(re.findall(r"\w+", b.lower()))
        tp = sum((ca & cb).values())
        return 0.0 if not tp else 2 * tp / (sum(ca.values()) + sum(cb.values()))

    gold = _shared() / "gold"
    matched = n_true = none_pages = none_right = 0
    for line in (gold / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        truth = rec["author_bios"] or []
        found = author_bios(load_page(gold / rec["page"], url=rec.get("url"))) or ()
        n_true += len(truth)
        used: set[int] = set()
        for t in truth:
            for i, b in enumerate(found):
                if i not in used and bag_f1(b.text or "", t["text"]) >= 0.3:
                    used.add(i)
                    matched += 1
                    break
        if not truth:
            none_pages += 1
            none_right += not found
    assert matched / max(1, n_true) >= 0.85
    assert none_right / max(1, none_pages) >= 0.95
