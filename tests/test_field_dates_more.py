"""More published-date cases: the region of an og:locale settles a numeric date's day order; digits glued
together are not read as a date (synthetic pages reproducing CMS patterns)."""

from __future__ import annotations

import pytest

from newsparse._fields.dates import published
from newsparse._parsing import find_dates, parse_date
from test_field_dates import STORY, _day, _page  # the same story page as the first date tests


def _numeric_header(day_month: str) -> str:
    return f"""<article><h1>Harbor wall gives way in storm</h1>
    <p class="meta">Ann Lee - {day_month}/2026</p><div class="entry-content">{STORY}</div></article>"""


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en_GB", "2026-03-07"), ("en_IE", "2026-03-07"), ("en_US", "2026-07-03"), (None, "2026-07-03")],
)
def test_og_locale_region_settles_day_order_under_plain_english(locale: str | None, expected: str) -> None:
    # <html lang="en"> says nothing of the region; an og:locale of a day-first one makes 07/03 the 7th of March
    head = f'<meta property="og:locale" content="{locale}">' if locale else ""
    assert _day(published(_page(_numeric_header("07/03"), head=head, url="https://example.com/a"))) == expected


def test_us_og_locale_does_not_override_a_day_first_country_domain() -> None:
    # og:locale en_US is many tools' default: the country domain keeps its day-first reading
    head = '<meta property="og:locale" content="en_US">'
    page = _page(_numeric_header("07/03"), head=head, url="https://news.example.co.uk/a")
    assert _day(published(page)) == "2026-03-07"


def test_og_locale_does_not_override_a_regional_html_lang() -> None:
    head = '<meta property="og:locale" content="en_GB">'
    page = _page(_numeric_header("07/03"), head=head, url="https://example.com/a", lang="en-US")
    assert _day(published(page)) == "2026-07-03"


@pytest.mark.parametrize(
    "text",
    [
        # a day and year glued together (a badge's lines joined without a space) are not read: the
        # same digits as often hold a year glued to a clock time or a page count
        "Feb 182009",
        "Published July 202010:43",
        "Issue: May 202012 pages",
        "Feb 12009",  # five digits: no two-digit day before a year
        "Feb 1820091",  # seven digits: a number, not a date
        "Feb 182109",  # the year would be 2109
        "Feb 352020",  # no 35th day
        "Nov 2020",  # a month and a year without a day
    ],
)
def test_glued_digits_that_are_not_a_date(text: str) -> None:
    assert parse_date(text) is None
    assert find_dates(text) == []


def test_year_glued_to_a_clock_time_is_not_another_year() -> None:
    # "28 luglio 2020" + "10:43" without a space: never 20 July 2010
    assert all(_day(d) != "2010-07-20" for d in find_dates("28 luglio 202010:43"))
