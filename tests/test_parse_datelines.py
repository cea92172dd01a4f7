"""Opening fragments -> datelines: split_dateline."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse._model import Dateline
from newsparse._parsing import split_dateline

# (paragraph, dateline text, place, agency, rest)
CASES: list[tuple[str, str, str | None, str | None, str]] = [
    ("WASHINGTON (AP) — The president said.", "WASHINGTON (AP) —", "WASHINGTON", "AP", "The president said."),
    ("SIOUX FALLS, S.D. – The city council met.", "SIOUX FALLS, S.D. –", "SIOUX FALLS, S.D.", None, "The city council met."),
    ("CLEVELAND, Ohio – The band played.", "CLEVELAND, Ohio –", "CLEVELAND, Ohio", None, "The band played."),
    ("LA CROSSE, Wis. (AP) — Trump spoke.", "LA CROSSE, Wis. (AP) —", "LA CROSSE, Wis.", "AP", "Trump spoke."),
    ("BEVERLY HILLS, Calif. (AP) - Stars gathered.", "BEVERLY HILLS, Calif. (AP) -", "BEVERLY HILLS, Calif.", "AP",
     "Stars gathered."),
    ("BEIRUT/THE HAGUE, March 7 (Reuters) - Inspectors said.", "BEIRUT/THE HAGUE, March 7 (Reuters) -",
     "BEIRUT/THE HAGUE", "Reuters", "Inspectors said."),
    ("NEW YORK (Reuters) - Stocks fell.", "NEW YORK (Reuters) -", "NEW YORK", "Reuters", "Stocks fell."),
    ("Kiel (dpo) - Ein Mann hat.", "Kiel (dpo) -", "Kiel", "dpo", "Ein Mann hat."),
    ("Hong Kong (CNN Business)The city's stocks fell.", "Hong Kong (CNN Business)", "Hong Kong", "CNN Business",
     "The city's stocks fell."),
    ("Hong Kong (CNN Business) The city's stocks fell.", "Hong Kong (CNN Business)", "Hong Kong", "CNN Business",
     "The city's stocks fell."),
    ("NEW DELHI: India said.", "NEW DELHI:", "NEW DELHI", None, "India said."),
    ("München/London – Die Queen.", "München/London –", "München/London", None, "Die Queen."),
    ("STEPANAKERT—Azerbaijani President Ilham Aliyev has declared victory.", "STEPANAKERT—", "STEPANAKERT", None,
     "Azerbaijani President Ilham Aliyev has declared victory."),
    ("NEW JERSEY (WABC) -- A woman said.", "NEW JERSEY (WABC) --", "NEW JERSEY", "WABC", "A woman said."),
    ("DALLA NOSTRA CORRISPONDENTE NEW YORK - Il presidente.", "DALLA NOSTRA CORRISPONDENTE NEW YORK -", "NEW YORK",
     None, "Il presidente."),
    ("FROM OUR CORRESPONDENT IN PARIS - France said.", "FROM OUR CORRESPONDENT IN PARIS -", "PARIS", None,
     "France said."),
    ("De notre correspondant à Bruxelles – La Commission.", "De notre correspondant à Bruxelles –", "Bruxelles", None,
     "La Commission."),
    ("VON UNSEREM KORRESPONDENTEN BERLIN – Die Regierung.", "VON UNSEREM KORRESPONDENTEN BERLIN –", "BERLIN", None,
     "Die Regierung."),
    ("CAIRO — Egypt said.", "CAIRO —", "CAIRO", None, "Egypt said."),
    ("LONDON, Nov 19 (Reuters) - Britain said.", "LONDON, Nov 19 (Reuters) -", "LONDON", "Reuters", "Britain said."),
    ("MANILA, Nov. 24 (Xinhua) -- The president.", "MANILA, Nov. 24 (Xinhua) --", "MANILA", "Xinhua", "The president."),
    ("ROMA, 4 febbraio – Il governo.", "ROMA, 4 febbraio –", "ROMA", None, "Il governo."),
    ("London, Dec 29: The book has topped.", "London, Dec 29:", "London", None, "The book has topped."),
    ("RAMALLAH, West Bank, Dec. 5 (AP) — The talks.", "RAMALLAH, West Bank, Dec. 5 (AP) —", "RAMALLAH, West Bank",
     "AP", "The talks."),
    ("WINSTON-SALEM, N.C. (AP) — A man.", "WINSTON-SALEM, N.C. (AP) —", "WINSTON-SALEM, N.C.", "AP", "A man."),
    ("ST. LOUIS (Ticker) -- The team.", "ST. LOUIS (Ticker) --", "ST. LOUIS", "Ticker", "The team."),
    ("ABU DHABI, United Arab Emirates (AFP) - African.", "ABU DHABI, United Arab Emirates (AFP) -",
     "ABU DHABI, United Arab Emirates", "AFP", "African."),
    ("Rio de Janeiro – O governo.", "Rio de Janeiro –", "Rio de Janeiro", None, "O governo."),
    ("Frankfurt am Main - Die Börse.", "Frankfurt am Main -", "Frankfurt am Main", None, "Die Börse."),
    ("Dehradun (PTI): The institute.", "Dehradun (PTI):", "Dehradun", "PTI", "The institute."),
    ("MÜNCHEN (dpa) - Die Polizei.", "MÜNCHEN (dpa) -", "MÜNCHEN", "dpa", "Die Polizei."),
    ("SÃO PAULO — O presidente.", "SÃO PAULO —", "SÃO PAULO", None, "O presidente."),
    ("LAS VEGAS--First, the company unveils.", "LAS VEGAS--", "LAS VEGAS", None, "First, the company unveils."),
    ("WASHINGTON (AP) The Supreme Court.", "WASHINGTON (AP)", "WASHINGTON", "AP", "The Supreme Court."),
    ("(AP) — A man said.", "(AP) —", None, "AP", "A man said."),
    ("NEW YORK (Reuters) -", "NEW YORK (Reuters) -", "NEW YORK", "Reuters", ""),  # a dateline on its own line
    ("LONDON — ", "LONDON —", "LONDON", None, ""),
    ("   WASHINGTON — Leading spaces.", "WASHINGTON —", "WASHINGTON", None, "Leading spaces."),
    ("WASHINGTON —   Spaces after.", "WASHINGTON —", "WASHINGTON", None, "Spaces after."),
]


@pytest.mark.parametrize(("paragraph", "text", "place", "agency", "rest"), CASES)
def test_split_dateline(paragraph: str, text: str, place: str | None, agency: str | None, rest: str) -> None:
    dl, got_rest = split_dateline(paragraph)
    assert dl == Dateline(text=text, place=place, agency=agency)
    assert got_rest == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "",
        "   ",
        "Washington is a city with many people - and more.",
        "Washington is a city.",
        "The president said - nothing.",
        "The president said on Tuesday.",
        "In 2019 - things happened.",
        "In 2019, things happened.",
        "UPDATE: The story changed.",
        "UPDATED: The story changed.",
        "EXCLUSIVE: The story.",
        "BREAKING: News.",
        "BREAKING NEWS - A fire.",
        "Photo: Jane Doe",
        "Photo - Jane Doe",
        "Advertisement",
        "ADVERTISEMENT",
        "WASHINGTON",
        "WASHINGTON The president said.",  # no dash and no agency
        "THE PRESIDENT OF THE UNITED STATES SAID TODAY - hello",
        "This is a long sentence that goes on and on and on and on and on and on - and then a dash.",
        "Some Very Long Title Case Phrase Here - the rest.",
        "Donald Trump (R) said something.",
        "The Federal Reserve (Fed) raised rates.",
        "US: The economy.",
        "A - B",
        "COVID-19: What we know.",
        "Key Points: the story.",
        "Case Study: Why links matter.",
        "Next Up: Pumpkin Pie",
        "Kultur : Ein Gast der Messe",
        "Q: What is it?",
        "Editor's note: This story.",
        "EDITOR'S NOTE: This story.",
        "NEW: Counterterrorism official says.",
        "TRENDING: The actor said.",
        "DEAR READER: My husband.",
        "Posted: 08/09/2012 4:03 pm",
        "Jane Doe - 12/03/2026",
        "Negative Target Fixation – Do You Have It?",
        '"ALARM: Die Regierung.',
        "Mr. Smith - The chairman.",
        "WATCH LIVE: The hearing.",
        "Extend Your Battery Life - Energy Saver",
        "LONDON — —",  # a dash and nothing but punctuation after it
        "LONDON — ...",
        "1. WASHINGTON — list item",
        "— WASHINGTON said",
        "washington — lower case",
        "(Photo) — A caption.",
    ],
)
def test_not_a_dateline(paragraph: str) -> None:
    assert split_dateline(paragraph) == (None, paragraph)


def test_dash_far_into_the_sentence() -> None:
    para = "CAPITALISED WORDS THEN A VERY LONG PLACE NAME THAT GOES ON FOREVER AND EVER — text"
    assert split_dateline(para) == (None, para)
    # few words, but the dash comes more than ~60 characters in
    para = "SOUTH SAN FRANCISCO INTERNATIONAL, United Arab Emirates, December 25 — The text."
    assert split_dateline(para) == (None, para)
    para = "SOUTH SAN FRANCISCO INTERNATIONAL, United Arab Emirates, December 25 (AP) — The text."
    dl, rest = split_dateline(para)
    assert dl is not None and dl.place == "SOUTH SAN FRANCISCO INTERNATIONAL, United Arab Emirates"
    # with an agency the dateline may be longer
    para = "ABU DHABI, United Arab Emirates, Dec. 25 (Agence France-Presse) — The text."
    dl, rest = split_dateline(para)
    assert dl is not None and dl.agency == "Agence France-Presse" and rest == "The text."


def test_rest_keeps_the_paragraph_unchanged() -> None:
    para = "WASHINGTON (AP) — The  president\nsaid — twice — that it was fine."
    dl, rest = split_dateline(para)
    assert dl is not None and rest == "The  president\nsaid — twice — that it was fine."


def test_non_str_input_is_safe() -> None:
    assert split_dateline(None) == (None, None)  # type: ignore[arg-type]


def test_hostile_input_is_fast() -> None:
    import time

    start = time.perf_counter()
    for para in ("A" * 100_000, "A " * 50_000, "(" * 100_000, "A-" * 50_000, "WASHINGTON, " * 10_000, "-" * 100_000):
        split_dateline(para)
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------- properties


def _check(paragraph: str) -> None:
    dl, rest = split_dateline(paragraph)
    if dl is None:
        assert rest == paragraph
        return
    body = paragraph.lstrip()
    assert body.startswith(dl.text)
    assert dl.text and dl.text == dl.text.strip()
    assert body.endswith(rest)
    assert rest == rest.lstrip()
    assert body[len(dl.text) :].lstrip() == rest
    # place and agency come with their white space collapsed ("(AP  Wire)" gives "AP Wire")
    flat = " ".join(dl.text.split())
    if dl.place is not None:
        assert dl.place == " ".join(dl.place.split()) and dl.place in flat
    if dl.agency is not None:
        assert dl.agency == " ".join(dl.agency.split()) and dl.agency in flat


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_and_prefix_suffix(paragraph: str) -> None:
    _check(paragraph)


_PIECES = st.sampled_from(
    ["WASHINGTON", "NEW YORK", "Hong Kong", "Kiel", "LA CROSSE,", "Wis.", ",", "(AP)", "(Reuters)", "(CNN Business)",
     "—", "–", "-", "--", ":", "March 7", "The", "president", "said", "UPDATE", "DALLA NOSTRA CORRISPONDENTE",
     "München/London", "2019", "\n", "  ", "(", ")", "S.D.", "Photo"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map(" ".join), st.sampled_from(["", " ", "  ", "\n"]))
def test_dateline_like_text_prefix_suffix(paragraph: str, lead: str) -> None:
    _check(lead + paragraph)
