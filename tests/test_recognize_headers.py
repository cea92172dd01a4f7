"""Comment header lines: a weekday abbreviation counts only as a whole word, and clock times keep their
seconds (synthetic header lines)."""

from __future__ import annotations

import pytest

from newsparse._parsing.datelines import split_dateline
from newsparse._recognize import find_date_text, parse_comment_header


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        # names that start like a weekday abbreviation (Do, Mar, Ma, Sa, Fr, Mo)
        ("Doreen 02.12.2022, 15:57:32", "Doreen", "02.12.2022, 15:57:32"),
        ("Marlo 14.03.2021 10:00", "Marlo", "14.03.2021 10:00"),
        ("Jane Doe 02.12.2022, 15:57", "Jane Doe", "02.12.2022, 15:57"),
        ("Sammy 3. Mai 2019 um 08:15", "Sammy", "3. Mai 2019 um 08:15"),
        ("Frida | 12/05/2020 at 9:41 pm", "Frida", "12/05/2020 at 9:41 pm"),
        # a real weekday still opens the date
        ("Ann Lee Tuesday, March 3, 2020 at 5:00 pm", "Ann Lee", "Tuesday, March 3, 2020 at 5:00 pm"),
        ("Piet Do, 9. Apr 2015 um 10:23", "Piet", "Do, 9. Apr 2015 um 10:23"),
        ("Luc mardi 4 novembre 2014 à 18:02", "Luc", "mardi 4 novembre 2014 à 18:02"),
    ],
)
def test_header_author_and_date(line: str, author: str, date: str) -> None:
    assert parse_comment_header(line) == (author, date)


def test_clock_seconds_belong_to_the_date() -> None:
    assert find_date_text("posted 2021-04-05 at 07:08:09") == "2021-04-05 at 07:08:09"
    assert find_date_text("05.04.2021 07:08:09 by admin") == "05.04.2021 07:08:09"


def test_dateline_place_across_a_line_break_is_one_line() -> None:
    dl, rest = split_dateline("SAN\nFRANCISCO (AP) — The city council met on Tuesday.")
    assert dl is not None and dl.place == "SAN FRANCISCO" and dl.agency == "AP"
    assert rest.startswith("The city council")


@pytest.mark.parametrize("line", ["[Reply]", "( Report )", "[Quote]", "(Antworten)"])
def test_bracketed_action_labels_are_widget_lines(line: str) -> None:
    from newsparse._recognize import is_comment_noise_line

    assert is_comment_noise_line(line)


@pytest.mark.parametrize("line", ["[I agree with the last point]", "(see the vote on 1/8/2008)"])
def test_bracketed_text_is_not_a_widget_line(line: str) -> None:
    from newsparse._recognize import is_comment_noise_line

    assert not is_comment_noise_line(line)


def test_a_separator_before_the_name_is_not_part_of_it() -> None:
    from newsparse._recognize import clean_comment_author

    assert clean_comment_author("/ Ivy Moss") == "Ivy Moss"
    assert clean_comment_author("Ivy Moss /") == "Ivy Moss"
