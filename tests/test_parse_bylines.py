"""Byline strings -> people with roles and affiliations: parse_byline, looks_like_person_name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse._model import Byline
from newsparse._parsing import looks_like_person_name, parse_byline

# (byline string, [(name, role, affiliation), ...]) -- compared exactly, in order
CASES: list[tuple[str, list[tuple[str, str | None, str | None]]]] = [
    # several people sharing a trailing role or affiliation
    ("By Jane Doe and John Smith | Staff Writers", [("Jane Doe", "Staff Writer", None), ("John Smith", "Staff Writer", None)]),
    ("By Jane Doe and John Smith, Staff Writers", [("Jane Doe", "Staff Writer", None), ("John Smith", "Staff Writer", None)]),
    ("Jane Doe, Reuters", [("Jane Doe", None, "Reuters")]),
    ("By Jane Doe (Reuters)", [("Jane Doe", None, "Reuters")]),
    ("By MARTA KOVAL and RUTH ALDEN Associated Press",
     [("MARTA KOVAL", None, "Associated Press"), ("RUTH ALDEN", None, "Associated Press")]),
    ("By Paul Brenner AP Sports Writer", [("Paul Brenner", "Sports Writer", "AP")]),
    ("Paul Brenner, Ap Sports Writer", [("Paul Brenner", "Sports Writer", "Ap")]),
    ("Nora Ellis, Millbrook Valley Courier", [("Nora Ellis", None, "Millbrook Valley Courier")]),
    ("Nora Ellis and Owen T. Marsh Millbrook Valley Courier",
     [("Nora Ellis", None, "Millbrook Valley Courier"), ("Owen T. Marsh", None, "Millbrook Valley Courier")]),
    ("By Dean R. Foley, millbrook-courier.org", [("Dean R. Foley", None, "millbrook-courier.org")]),
    ("By Jill Dean, CBN Business", [("Jill Dean", None, "CBN Business")]),
    ("Pete Young, Associated Press", [("Pete Young", None, "Associated Press")]),
    ("By Amy Kurtz | Valley Advance Media for valley.com", [("Amy Kurtz", None, "Valley Advance Media for valley.com")]),
    ("By Kenji Sato and Yuki Mori / Chuo Shimbun Staff Writers",
     [("Kenji Sato", "Staff Writer", "Chuo Shimbun"), ("Yuki Mori", "Staff Writer", "Chuo Shimbun")]),
    ("Amy Brook Political Correspondent", [("Amy Brook", "Political Correspondent", None)]),
    ("By Evan HartStaff Writer", [("Evan Hart", "Staff Writer", None)]),
    ("Nora Richards Trending Editor", [("Nora Richards", "Trending Editor", None)]),
    ("Paul Green Games Editor", [("Paul Green", "Games Editor", None)]),
    ("By Mark Stone Senior Autos Reporter", [("Mark Stone", "Senior Autos Reporter", None)]),
    ("Tariq Nadeem Aziz Staff Writer", [("Tariq Nadeem Aziz", "Staff Writer", None)]),
    ("Mark Di Marco Acme News Reporter", [("Mark Di Marco", "Reporter", "Acme News")]),
    ("Staff writer Eliza Moore", [("Eliza Moore", "Staff writer", None)]),
    ("Senior Correspondent Jane Doe", [("Jane Doe", "Senior Correspondent", None)]),
    ("Piotr Nowak, Founder at Acme", [("Piotr Nowak", "Founder", "Acme")]),
    ("Tom Berg @ Acme", [("Tom Berg", None, "Acme")]),
    ("By Jane Doe, Staff Writer, and John Smith, Contributor",
     [("Jane Doe", "Staff Writer", None), ("John Smith", "Contributor", None)]),
    ("Jane Doe, Reuters, and John Smith, AP", [("Jane Doe", None, "Reuters"), ("John Smith", None, "AP")]),
    ("von Tim Kurz, NDR NIEDERSACHSEN", [("Tim Kurz", None, "NDR NIEDERSACHSEN")]),
    ("Tom Hart, Metro News Service; Valley Citizen", [("Tom Hart", None, "Metro News Service")]),
    # credit lines
    ("Photographs by Jane Doe", [("Jane Doe", "photographer", None)]),
    ("Photos: Jane Doe", [("Jane Doe", "photographer", None)]),
    ("Reporting by Luis Ortega; Additional reporting by Hannah Pryce and Tariq Nadeem Aziz; "
     "Editing by Carl Brandt",
     [("Luis Ortega", "reporter", None), ("Hannah Pryce", "additional reporting", None),
      ("Tariq Nadeem Aziz", "additional reporting", None), ("Carl Brandt", "editor", None)]),
    ("Reporting by Luis Ortega; additional reporting by Hannah Pryce, Tariq Nadeem Aziz and "
     "Ines Morales-Vega; Editing by Carl Brandt and Dan Gross",
     [("Luis Ortega", "reporter", None), ("Hannah Pryce", "additional reporting", None),
      ("Tariq Nadeem Aziz", "additional reporting", None), ("Ines Morales-Vega", "additional reporting", None),
      ("Carl Brandt", "editor", None), ("Dan Gross", "editor", None)]),
    ("Writing by Jane Doe", [("Jane Doe", "writer", None)]),
    ("Written by John Biggs", [("John Biggs", None, None)]),
    ("Written By: Jane Doe", [("Jane Doe", None, None)]),
    ("By Sam Hill Updated by Joe Park", [("Sam Hill", None, None), ("Joe Park", "editor", None)]),
    ("By Ann Lee, DVM. Reviewed by Rosa Diaz, DVM",
     [("Ann Lee, DVM", None, None), ("Rosa Diaz, DVM", "reviewer", None)]),
    ("Posted by James Hale at October 28, 2012 01:23 PM", [("James Hale", None, None)]),
    ("Posted by By Jess Smith", [("Jess Smith", None, None)]),
    ("Market Watch By PETER JAMES HALL JULY 29, 2016", [("PETER JAMES HALL", None, None)]),
    ("Ein Artikel von Maria Roth, veröffentlicht am 23.01.2020", [("Maria Roth", None, None)]),
    # prepositions and labels in other languages
    ("Von Max Mustermann", [("Max Mustermann", None, None)]),
    ("Von: Nadja Zimmer", [("Nadja Zimmer", None, None)]),
    ("Par Jean Dupont", [("Jean Dupont", None, None)]),
    ("Par Karim BENALI", [("Karim BENALI", None, None)]),
    ("Di Mario Rossi", [("Mario Rossi", None, None)]),
    ("di Viviana Marra", [("Viviana Marra", None, None)]),
    ("Por Juan Pérez", [("Juan Pérez", None, None)]),
    ("Door Jan Jansen", [("Jan Jansen", None, None)]),
    ("Text: Max Mustermann", [("Max Mustermann", None, None)]),
    ("Autor: Max Mustermann", [("Max Mustermann", None, None)]),
    ("Autorin: Erika Musterfrau", [("Erika Musterfrau", None, None)]),
    ("Mario Rossi e Luigi Bianchi", [("Mario Rossi", None, None), ("Luigi Bianchi", None, None)]),
    ("Jean-Luc Picard et Beverly Crusher", [("Jean-Luc Picard", None, None), ("Beverly Crusher", None, None)]),
    ("Jean Martin (avec Luc Moreau et Claire Petit)",
     [("Jean Martin", None, None), ("Luc Moreau", None, None), ("Claire Petit", None, None)]),
    ("NDR (Tim Kurz, Lea Brandt)", [("Tim Kurz", None, None), ("Lea Brandt", None, None)]),
    # the name as printed
    ("JANE DOE", [("JANE DOE", None, None)]),
    ("By STEVE PARKS, THOMAS BELL and AMELIA THOMSON-DEVRIES",
     [("STEVE PARKS", None, None), ("THOMAS BELL", None, None), ("AMELIA THOMSON-DEVRIES", None, None)]),
    ("By Thandi Mokoena, Claire Benoit-Garnier, Sarah Carter and Tanya Zeller",
     [("Thandi Mokoena", None, None), ("Claire Benoit-Garnier", None, None), ("Sarah Carter", None, None),
      ("Tanya Zeller", None, None)]),
    ("Jane Doe, MD", [("Jane Doe, MD", None, None)]),
    ("Jane Doe, Ph.D.", [("Jane Doe, Ph.D.", None, None)]),
    ("By JOHN O'BRIEN Jr.", [("JOHN O'BRIEN Jr.", None, None)]),
    ("Paolo di Marco", [("Paolo di Marco", None, None)]),
    ("Ludwig van Beethoven", [("Ludwig van Beethoven", None, None)]),
    ("By Simon K. Weller - Fri, 12/28/2007 - 6:41am.", [("Simon K. Weller", None, None)]),
    ("Conor O'Brien and Siobhán Ní Bhriain", [("Conor O'Brien", None, None), ("Siobhán Ní Bhriain", None, None)]),
    ("前田武雄", [("前田武雄", None, None)]),
    ("記者 前田武雄", [("前田武雄", "記者", None)]),
    ("김철수 기자", [("김철수", "기자", None)]),
    ("前田武雄、山田花子", [("前田武雄", None, None), ("山田花子", None, None)]),
    ("Иван Петров и Анна Смирнова", [("Иван Петров", None, None), ("Анна Смирнова", None, None)]),
    ("Иван Петров", [("Иван Петров", None, None)]),
    ("Sun Yu and Yang Sun", [("Sun Yu", None, None), ("Yang Sun", None, None)]),
    # chrome around the names
    ("By Erin Carter March 18 at 3:57 PM Follow @erincarter", [("Erin Carter", None, None)]),
    ("By Jane Doe | Nov 19, 2019 | 3 min read", [("Jane Doe", None, None)]),
    ("By Jane Doe | Published 3:45 PM EST, Tue November 19, 2019 | Updated", [("Jane Doe", None, None)]),
    ("By Dan Ross@DanRoss", [("Dan Ross", None, None)]),
    ("ByNina Perez", [("Nina Perez", None, None)]),
    ("byLena Fox", [("Lena Fox", None, None)]),
    ("Jane Doe jane.doe@example.com", [("Jane Doe", None, None)]),
    ("Jane Doe https://example.com/authors/jane-doe", [("Jane Doe", None, None)]),
    ("Emily Stone December 25, 2025", [("Emily Stone", None, None)]),
    ("by Bobbi North | I'm not that kind of librarian", [("Bobbi North", None, None)]),
    ("Anna Weber Anna Weber Folge mir", [("Anna Weber", None, None)]),
    ("Autor: Zoltán Vér , Datum: 15.Jun.19 , Anzahl der Kommentare: 0", [("Zoltán Vér", None, None)]),
    ("Authors: Ruth Kim and Nora Lind, Extension horticulture educators",
     [("Ruth Kim", None, None), ("Nora Lind", None, None)]),
    # wire services
    ("Adam Vine and AP", [("Adam Vine", None, None), ("AP", None, None)]),
    ("AFP, MANILA", [("AFP", None, None)]),
    ("By The Associated Press", [("Associated Press", None, None)]),
    ("Reuters", [("Reuters", None, None)]),
    # credited alone
    ("By Marie", [("Marie", None, None)]),
    ("By the Acme Team", [("Acme Team", None, None)]),
    ("By Tribune Staff", [("Tribune Staff", None, None)]),
    ("Jane Doe, Tribune Staff", [("Jane Doe", None, "Tribune Staff")]),
    # a nickname or initials in parentheses inside the name stay in it; an agency in parentheses does not
    ("By Richard (R.J.) Moss", [("Richard (R.J.) Moss", None, None)]),
    ("Carla (Maria Luisa) Ferreira", [("Carla (Maria Luisa) Ferreira", None, None)]),
    ("Jane Doe (AFP)", [("Jane Doe", None, "AFP")]),
    # a credit word in parentheses after each name is that person's credit, as "Fotos: Max Lenz" would be
    ("Lena Brandt (Text) und Max Lenz (Fotos)", [("Lena Brandt", None, None), ("Max Lenz", "photographer", None)]),
    ("Von Lena Brandt (Text), Max Lenz (Fotos)", [("Lena Brandt", None, None), ("Max Lenz", "photographer", None)]),
    ("Mary Stone (text) and Carl Finch (photos)", [("Mary Stone", None, None), ("Carl Finch", "photographer", None)]),
    # a legal form makes a company or an association
    ("Jane Doe, Harbor Tools GmbH", [("Jane Doe", None, "Harbor Tools GmbH")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_byline(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    got = [(b.name, b.role, b.affiliation) for b in parse_byline(text)]
    assert got == expected


def test_returns_byline_objects() -> None:
    [b] = parse_byline("By Jane Doe, Reuters")
    assert b == Byline(name="Jane Doe", affiliation="Reuters")
    assert b.url is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "By",
        "By ",
        "by:",
        "Staff",
        "By Staff",
        "Staff Writer",
        "Updated",
        "Follow",
        "Email the author",
        "Follow @janedoe",
        "@janedoe",
        "Share",
        "Share this article",
        "Nov 19, 2019",
        "3 min read",
        "Published 7:08 AM ET Nov 19, 2019",
        "Updated 14 hours ago",
        "https://example.com/authors/jane-doe",
        "jane.doe@example.com",
        "Kristen",  # a lone word needs an explicit credit (or single_name=True)
        "Advertisement",
        "Read more",
        "Comments",
        "Washington Post",
        "The New York Times",
        "Millbrook Valley Courier",
        "Staff writer Eliza Moore can be reached at emoore@example.com or (555) 826-3393.",
        "Parks reported from New York and Bell from Washington.",
        "The president said on Tuesday that the talks would continue next week",
        "This story was produced in partnership with a local newsroom and edited by the team",
        "Latest posts by (see all)",
        "Photo: Getty Images",
        "Contact Mark Di Marco at mark@example.com",
        "Linda says:",
        "Name *",
        "1234 5678",
        "© 2019 Foo Inc.",
        "Home | News | Sports",
    ],
)
def test_parse_byline_rejects(text: str) -> None:
    assert parse_byline(text) == []


def test_single_name_option() -> None:
    assert parse_byline("Kristen") == []
    assert parse_byline("Kristen", single_name=True) == [Byline(name="Kristen")]
    assert parse_byline("Staff", single_name=True) == []
    assert parse_byline("Follow", single_name=True) == []
    assert parse_byline("Jane Doe", single_name=True) == [Byline(name="Jane Doe")]


def test_duplicates_are_dropped() -> None:
    assert [b.name for b in parse_byline("By Jane Doe | Jane Doe, Reuters")] == ["Jane Doe"]


def test_whitespace_is_collapsed_in_names() -> None:
    assert [b.name for b in parse_byline("By  Jane\n Doe\tand John   Smith")] == ["Jane Doe", "John Smith"]


def test_non_str_input_is_safe() -> None:
    assert parse_byline(None) == []  # type: ignore[arg-type]
    assert parse_byline(42) == []  # type: ignore[arg-type]
    assert looks_like_person_name(None) is False  # type: ignore[arg-type]


def test_long_input_is_capped_and_fast() -> None:
    import time

    start = time.perf_counter()
    for text in ("Jane Doe and " * 5000, "By " * 10000, "a, " * 10000, "A " * 20000, "(" * 10000, "@" * 10000):
        assert isinstance(parse_byline(text), list)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe",
        "JANE DOE",
        "Dean R. Foley",
        "Simon K. Weller",
        "J. K. Rowling",
        "J.K. Rowling",
        "Paolo di Marco",
        "Paolo Di Marco",
        "Ludwig van Beethoven",
        "Ines Morales-Vega",
        "Conor O'Brien",
        "AMELIA THOMSON-DEVRIES",
        "Karim BENALI",
        "Jane Doe, MD",
        "John Smith Jr.",
        "Tariq Nadeem Aziz",
        "Juan Pérez",
        "Siobhán Ní Bhriain",
        "Иван Петров",
        "前田武雄",
        "前田 武雄",
        "김철수",
        "Jane Host",
        "Richard (R.J.) Moss",
    ],
)
def test_looks_like_person_name(text: str) -> None:
    assert looks_like_person_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Jane",
        "jane doe",
        "Jane doe",
        "The News",
        "Email the author",
        "Share on Facebook",
        "Follow Jane",
        "Staff Writer",
        "Associated Press",
        "Washington Post",
        "Millbrook Valley Courier",
        "ACLU Speech",
        "Jane Doe 2",
        "Jane Doe jane@example.com",
        "https://example.com",
        "Read More",
        "Click Here Now",
        "One Two Three Four Five Six",
        "Jane Doe | Reuters",
        "Jane (Doe)",
        "Updated Nov",
        "A B",
        "The President Said",
        "Jane Doe, Reuters",
        "Hello.",
        "Home Page.",
        "Harbor-Freunde e.V.",
        "Harbor Tools GmbH",
        "Jane (Reuters) Doe",
    ],
)
def test_not_a_person_name(text: str) -> None:
    assert not looks_like_person_name(text)


# ---------------------------------------------------------------- properties


def _collapsed(text: str) -> str:
    return " ".join(text.split())


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_and_names_are_substrings(text: str) -> None:
    for b in parse_byline(text):
        assert isinstance(b, Byline)
        assert b.name and b.name == b.name.strip()
        assert b.name in _collapsed(text)
    assert isinstance(looks_like_person_name(text), bool)


_WORDS = st.sampled_from(
    "By by and , ; | / - — Jane Doe JOHN SMITH Reuters AP Staff Writer Senior Reporting Editing Photos: "
    "Text: Von Par Di van de O'Brien Morales-Vega L. Jr. MD Nov 19, 2019 3:45 PM @handle x@y.com "
    "https://a.b/c ( ) Updated Follow Email the author min read Millbrook Valley Courier millbrook-courier.org "
    "前田武雄 Иван Петров".split(" ")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_byline_like_text_keeps_names_as_printed(text: str) -> None:
    out = parse_byline(text)
    for b in out:
        assert b.name in _collapsed(text)
        assert "@" not in b.name and "http" not in b.name
        assert b.name.lower() not in {"by", "staff", "updated", "follow", "email the author"}
    assert len({b.name.casefold() for b in out}) == len(out)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["Jane", "John", "Maria", "Ahmed", "Li", "Olga"]),
                  st.sampled_from(["Doe", "Smith", "Rossi", "Khan", "Wei", "Ivanova"])),
        min_size=1,
        max_size=4,
        unique=True,
    )
)  # fmt: skip
def test_lists_of_names_round_trip(pairs: list[tuple[str, str]]) -> None:
    names = [f"{a} {b}" for a, b in pairs]
    text = "By " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0])
    assert [b.name for b in parse_byline(text)] == names


def test_cjk_labels_beside_a_byline_are_no_names() -> None:
    assert [b.name for b in parse_byline("김철수 기자 입력 2025-06-04")] == ["김철수"]
    assert not looks_like_person_name("입력")
    assert looks_like_person_name("김철수")
