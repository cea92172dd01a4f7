"""Date strings -> datetimes: parse_date, find_dates, date_from_url."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse._parsing import date_from_url, find_dates, parse_date
from newsparse._parsing.dates import find_date_spans, find_yearless_spans

UTC = dt.timezone.utc


def tz(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=round(hours * 60)))


def d(*args: int, tzinfo: dt.tzinfo | None = None) -> dt.datetime:
    return dt.datetime(*args, tzinfo=tzinfo)  # type: ignore[misc]


# (text, expected datetime) -- the whole value is compared, zone included (naive when none is printed)
ABSOLUTE = [
    # ISO 8601
    ("2020-11-04", d(2020, 11, 4)),
    ("2020-11-04T15:30:00Z", d(2020, 11, 4, 15, 30, tzinfo=UTC)),
    ("2020-11-04T15:30:00", d(2020, 11, 4, 15, 30)),
    ("2020-11-04T15:30", d(2020, 11, 4, 15, 30)),
    ("2020-11-04T23:59:59+01:00", d(2020, 11, 4, 23, 59, 59, tzinfo=tz(1))),
    ("2020-11-04T20:48:04-05:00", d(2020, 11, 4, 20, 48, 4, tzinfo=tz(-5))),
    ("2020-11-04T15:30:00.123456+0530", d(2020, 11, 4, 15, 30, 0, 123456, tzinfo=tz(5.5))),
    ("2020-11-04T15:30:00.5Z", d(2020, 11, 4, 15, 30, 0, 500000, tzinfo=UTC)),
    ("2020-11-04 15:30:00", d(2020, 11, 4, 15, 30)),
    ("20201104T153000Z", d(2020, 11, 4, 15, 30, tzinfo=UTC)),
    ("20201104T1530+0100", d(2020, 11, 4, 15, 30, tzinfo=tz(1))),
    ("  2020-11-04T15:30:00+00:00  ", d(2020, 11, 4, 15, 30, tzinfo=UTC)),
    # RFC 2822 and friends
    ("Tue, 19 Nov 2019 14:03:00 GMT", d(2019, 11, 19, 14, 3, tzinfo=UTC)),
    ("Tue, 19 Nov 2019 14:03:00 +0000", d(2019, 11, 19, 14, 3, tzinfo=UTC)),
    ("Tue, 19 Nov 2019 14:03:00 -0800", d(2019, 11, 19, 14, 3, tzinfo=tz(-8))),
    ("Fri Dec 19 2025 19:33:40 GMT+0000 (UTC)", d(2025, 12, 19, 19, 33, 40, tzinfo=UTC)),
    ("Mon Oct 29, 2012 9:47 AM EDT", d(2012, 10, 29, 9, 47, tzinfo=tz(-4))),
    # US
    ("November 4, 2020 3:54 PM EST", d(2020, 11, 4, 15, 54, tzinfo=tz(-5))),
    ("November 4, 2020", d(2020, 11, 4)),
    ("Nov. 4, 2020", d(2020, 11, 4)),
    ("Nov 4 2020", d(2020, 11, 4)),
    ("November 4th, 2020", d(2020, 11, 4)),
    ("Sunday January 13, 2008, 5:00 AM", d(2008, 1, 13, 5, 0)),
    ("11/04/2020", d(2020, 11, 4)),
    ("11/19/19", d(2019, 11, 19)),
    ("1/15/2008, 7:50 p.m. CST", d(2008, 1, 15, 19, 50, tzinfo=tz(-6))),
    ("posted on April 21, 2015, at 11:29 a.m.", d(2015, 4, 21, 11, 29)),
    ("Published 7:08 AM ET Nov 19, 2019", d(2019, 11, 19, 7, 8, tzinfo=tz(-5))),
    ("Published 10:02 AM EST Nov 19, 2019", d(2019, 11, 19, 10, 2, tzinfo=tz(-5))),
    ("Updated 1:33 am CST, Wednesday, November 20, 2019", d(2019, 11, 20, 1, 33, tzinfo=tz(-6))),
    ("UPDATED: 8 :11 p.m. CDT, January 15, 2008", d(2008, 1, 15, 20, 11, tzinfo=tz(-5))),
    ("17:41 JST, October 13, 2024", d(2024, 10, 13, 17, 41, tzinfo=tz(9))),
    ("| November 3, 2025 (8:42 AM ET)", d(2025, 11, 3, 8, 42, tzinfo=tz(-5))),
    ("June 30, 2026 - 4.34pm", d(2026, 6, 30, 16, 34)),
    ("Nov 4, 2020 12 am", d(2020, 11, 4, 0, 0)),
    ("Nov 4, 2020 12:15 pm", d(2020, 11, 4, 12, 15)),
    ("Nov 4, 2020 9 PM", d(2020, 11, 4, 21, 0)),
    ("Updated 0339 GMT (1139 HKT) November 19, 2019", d(2019, 11, 19)),
    ("Associated PressDecember 2, 2016", d(2016, 12, 2)),
    # European numeric
    ("4.11.2020", d(2020, 11, 4)),
    ("04.11.2020 15:30 Uhr", d(2020, 11, 4, 15, 30)),
    ("Stand: 08.07.2026 05:00 Uhr", d(2026, 7, 8, 5, 0)),
    ("Erstellt: 28.04.2023, 18:16 Uhr", d(2023, 4, 28, 18, 16)),
    ("04-11-2020", d(2020, 11, 4)),
    ("Publié sur 18/02/2020", d(2020, 2, 18)),
    # German
    ("4. November 2020", d(2020, 11, 4)),
    ("Mittwoch, 8. Juli 2026", d(2026, 7, 8)),
    ("8. April 2019 @ 11:38", d(2019, 4, 8, 11, 38)),
    ("am 3. März 2021 um 9:15 Uhr", d(2021, 3, 3, 9, 15)),
    ("Do 9 Apr 2020 / 08:34", d(2020, 4, 9, 8, 34)),
    # French
    ("4 novembre 2020", d(2020, 11, 4)),
    ("le 4 nov. 2020 à 15h30", d(2020, 11, 4, 15, 30)),
    ("1er janvier 2020", d(2020, 1, 1)),
    ("mercredi 19 février 2020", d(2020, 2, 19)),
    ("12 août 2021", d(2021, 8, 12)),
    ("3 déc. 2019", d(2019, 12, 3)),
    # Italian
    ("4 febbraio 2025", d(2025, 2, 4)),
    ("martedì 4 febbraio 2025 alle 10:15", d(2025, 2, 4, 10, 15)),
    ("5 gennaio 2025 ( modifica il 6 gennaio 2025 | 15:24)", d(2025, 1, 5)),
    # Spanish
    ("4 de noviembre de 2020", d(2020, 11, 4)),
    ("4 de noviembre del 2020", d(2020, 11, 4)),
    ("1 de septiembre de 2021 a las 10:30", d(2021, 9, 1, 10, 30)),
    # Dutch
    ("4 november 2020", d(2020, 11, 4)),
    ("12 mei 2021 om 10:15", d(2021, 5, 12, 10, 15)),
    ("3 mrt 2020", d(2020, 3, 3)),
    # Portuguese
    ("4 de novembro de 2020", d(2020, 11, 4)),
    ("7 de março de 2022 às 14:00", d(2022, 3, 7, 14, 0)),
    ("10 out 2021", d(2021, 10, 10)),
    # Catalan
    ("17 d'agost de 2020", d(2020, 8, 17)),
    ("3 de març de 2021", d(2021, 3, 3)),
    # Russian, Ukrainian (genitive), Polish, Czech
    ("15 августа 2016, 13:43", d(2016, 8, 15, 13, 43)),
    ("3 ДЕКАБРЯ 2020", d(2020, 12, 3)),
    ("22 вересня 2021", d(2021, 9, 22)),
    ("3 października 2020 r.", d(2020, 10, 3)),
    ("5. května 2021 10:20", d(2021, 5, 5, 10, 20)),
    # Scandinavian, Finnish, Turkish, Romanian, Indonesian, Greek
    ("12 augusti 2019", d(2019, 8, 12)),
    ("4. marts 2022", d(2022, 3, 4)),
    ("1. tammikuuta 2020", d(2020, 1, 1)),
    ("12 Ağustos 2020 14:05", d(2020, 8, 12, 14, 5)),
    ("7 noiembrie 2019", d(2019, 11, 7)),
    ("9 Desember 2021", d(2021, 12, 9)),
    ("20 Οκτωβρίου 2020", d(2020, 10, 20)),
    ("17 באוגוסט 2020", d(2020, 8, 17)),
    # Hindi, Marathi (vowel signs inside the month name; Devanagari digits)
    ("17 अप्रैल 2020", d(2020, 4, 17)),
    ("14 फ़रवरी 2020, 10:15 AM IST", d(2020, 2, 14, 10, 15, tzinfo=tz(5.5))),
    ("3 सप्टेंबर 2021", d(2021, 9, 3)),
    ("१७ अप्रैल २०२०", d(2020, 4, 17)),
    # Hungarian (year first)
    ("2020. augusztus 17.", d(2020, 8, 17)),
    ("2021. márc. 3. 10:15", d(2021, 3, 3, 10, 15)),
    # Java's Date.toString (time and zone between the day and the year)
    ("Tue Jan 28 15:28:56 CET 2020", d(2020, 1, 28, 15, 28, 56, tzinfo=tz(1))),
    ("Wed Jul 01 09:05:00 EDT 2020", d(2020, 7, 1, 9, 5, tzinfo=tz(-4))),
    ("Mon Mar 2 10:00 2020", d(2020, 3, 2, 10, 0)),
    # CJK
    ("2020年11月4日 15:30", d(2020, 11, 4, 15, 30)),
    ("2020年11月4日", d(2020, 11, 4)),
    ("2020년 11월 4일", d(2020, 11, 4)),
    ("2020.11.04", d(2020, 11, 4)),
    ("2020. 11. 4.", d(2020, 11, 4)),
    ("2020/11/04 08:00", d(2020, 11, 4, 8, 0)),
    # other shapes
    ("19-Nov-2019", d(2019, 11, 19)),
    ("Nov 4, 2020 3 min read", d(2020, 11, 4)),
    ("By Simon K. Weller - Fri, 12/28/2007 - 6:41am.", d(2007, 12, 28, 6, 41)),
    ("Posted by James Hale at October 28, 2012 01:23 PM", d(2012, 10, 28, 13, 23)),
    ("May 17, 1940", d(1940, 5, 17)),  # spelled out in full: an archive date is allowed
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_parse_date(text: str, expected: dt.datetime) -> None:
    got = parse_date(text)
    assert got == expected
    assert (got.tzinfo is None) == (expected.tzinfo is None)
    if expected.tzinfo is not None:
        assert got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Updated",
        "Published",
        "© 2019 Foo Inc.",
        "Copyright © 2020, Los Angeles Times | Terms of Service",
        "© 1996-2015 The Washington Post",
        "2019",
        "In 2019 the company grew",
        "Campaign 2020",
        "November 2019",
        "Nov 2019",
        "2020-11",
        "11/2019",
        "(504) 826-3393",
        "+1 212-555-1234",
        "212.555.1234",
        "15:30",
        "3:54 PM EST",
        "7:08 AM ET",
        "1970-01-01T00:00:00Z",  # the epoch: a CMS placeholder
        "0001-01-01",
        "1899-12-31",
        "2150-01-01",
        "12/31/1899",
        "31.12.1850",
        "2020-13-01",
        "2020-02-30",
        "31/02/2020",
        "1.2.20",  # a version number
        "version 1.2.3",
        "v1.02.03",
        "01.2.20",  # a two-digit year needs a two-digit day and month
        "01-02-20",
        "32 January 2020",
        "Jan 32, 2020",
        "March 18 at 3:57 PM",  # no year, no reference
        "2 hours ago",  # relative, no reference
        "yesterday",
        "vor 3 Tagen",
        "a date was set for the meeting",
        "May the force be with you",
        "Mars 4 rover landed",  # a month name of one language is a word of another: needs a day and a year
        "listopad 12 items",
        "Call 28 15:28 in 2020",  # the Java form needs a month name

        "PT140S",
        "null MINS AGO",
        "123456789",
        "2020.11.04.5",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_is_not_fuzzy_on_free_text() -> None:
    # dateutil's fuzzy mode would turn these into dates
    for text in ("The 4 horsemen", "Room 12, floor 3", "I have 2 cats and 11 dogs", "at 10 am sharp", "Page 3 of 12"):
        assert parse_date(text) is None, text


def test_ambiguous_numeric_dates() -> None:
    assert parse_date("01/02/2020") == d(2020, 1, 2)  # '/' reads month first (US)
    assert parse_date("01.02.2020") == d(2020, 2, 1)  # '.' reads day first
    assert parse_date("01-02-2020") == d(2020, 2, 1)
    assert parse_date("01/02/2020", dayfirst=True) == d(2020, 2, 1)
    assert parse_date("01.02.2020", dayfirst=False) == d(2020, 1, 2)
    assert parse_date("13/02/2020") == d(2020, 2, 13)  # impossible month decides
    assert parse_date("02/13/2020", dayfirst=True) == d(2020, 2, 13)
    # a dotted two-digit year is read on day-first pages only (US pages print "11.05.12" month first)
    assert parse_date("09.10.22", dayfirst=True) == d(2022, 10, 9)
    assert parse_date("Mi 12.05.21 | 14:07 Uhr", dayfirst=True) == d(2021, 5, 12, 14, 7)
    assert find_dates("Von: Ann Lee | 31.10.23", dayfirst=True) == [d(2023, 10, 31)]
    assert find_date_spans("Von: Ann Lee | 31.10.23", dayfirst=True)[0][:2] == (15, 23)
    assert parse_date("09.10.22") is None
    assert parse_date("09.10.22", dayfirst=False) is None
    assert parse_date("9.10.22", dayfirst=True) is None  # day and month printed with two digits


def test_us_generic_zones_follow_daylight_saving() -> None:
    assert parse_date("July 4, 2020 10:00 AM ET").utcoffset() == dt.timedelta(hours=-4)  # type: ignore[union-attr]
    assert parse_date("Jan 4, 2020 10:00 AM ET").utcoffset() == dt.timedelta(hours=-5)  # type: ignore[union-attr]
    assert parse_date("July 4, 2020 10:00 AM PT").utcoffset() == dt.timedelta(hours=-7)  # type: ignore[union-attr]
    # 2020: DST from March 8 2:00 to November 1 2:00
    assert parse_date("March 8, 2020 1:30 AM ET").utcoffset() == dt.timedelta(hours=-5)  # type: ignore[union-attr]
    assert parse_date("March 8, 2020 3:30 AM ET").utcoffset() == dt.timedelta(hours=-4)  # type: ignore[union-attr]
    assert parse_date("November 1, 2020 1:30 AM ET").utcoffset() == dt.timedelta(hours=-4)  # type: ignore[union-attr]
    # before 2007: first Sunday of April to last Sunday of October
    assert parse_date("April 10, 2005 10:00 AM ET").utcoffset() == dt.timedelta(hours=-4)  # type: ignore[union-attr]
    assert parse_date("March 20, 2005 10:00 AM ET").utcoffset() == dt.timedelta(hours=-5)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("zone", "hours"),
    [("UTC", 0), ("GMT", 0), ("EST", -5), ("EDT", -4), ("CST", -6), ("CDT", -5), ("MST", -7), ("MDT", -6),
     ("PST", -8), ("PDT", -7), ("CET", 1), ("CEST", 2), ("BST", 1), ("IST", 5.5), ("GMT+2", 2), ("UTC-03:00", -3)],
)  # fmt: skip
def test_zone_abbreviations(zone: str, hours: float) -> None:
    got = parse_date(f"Nov 4, 2020 10:00 {zone}")
    assert got is not None and got.utcoffset() == dt.timedelta(minutes=round(hours * 60))


def test_lower_case_words_are_not_zones() -> None:
    # French "et", German "ist" after a time are words, not ET / IST
    got = parse_date("le 4 nov. 2020 à 15h30 et plus")
    assert got == d(2020, 11, 4, 15, 30) and got.tzinfo is None
    got = parse_date("04.11.2020 15:30 ist spät")
    assert got == d(2020, 11, 4, 15, 30) and got.tzinfo is None


REF = d(2020, 11, 5, 12, 0)
REF_AWARE = d(2020, 11, 5, 12, 0, tzinfo=tz(1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 hours ago", d(2020, 11, 5, 10, 0)),
        ("an hour ago", d(2020, 11, 5, 11, 0)),
        ("5 mins ago", d(2020, 11, 5, 11, 55)),
        ("30 seconds ago", d(2020, 11, 5, 11, 59, 30)),
        ("3 days ago", d(2020, 11, 2, 12, 0)),
        ("1 week ago", d(2020, 10, 29, 12, 0)),
        ("Updated 14 hours ago", d(2020, 11, 4, 22, 0)),
        ("vor 3 Tagen", d(2020, 11, 2, 12, 0)),
        ("vor einer Stunde", d(2020, 11, 5, 11, 0)),
        ("vor 10 Minuten", d(2020, 11, 5, 11, 50)),
        ("il y a 2 jours", d(2020, 11, 3, 12, 0)),
        ("il y a une heure", d(2020, 11, 5, 11, 0)),
        ("hace 2 días", d(2020, 11, 3, 12, 0)),
        ("2 giorni fa", d(2020, 11, 3, 12, 0)),
        ("2 dagen geleden", d(2020, 11, 3, 12, 0)),
        ("há 2 dias", d(2020, 11, 3, 12, 0)),
        ("yesterday", d(2020, 11, 4)),
        ("Yesterday at 3:15 PM", d(2020, 11, 4, 15, 15)),
        ("today", d(2020, 11, 5)),
        ("gestern", d(2020, 11, 4)),
        ("hier à 15h30", d(2020, 11, 4, 15, 30)),
        ("ayer", d(2020, 11, 4)),
        ("ieri", d(2020, 11, 4)),
        ("gisteren", d(2020, 11, 4)),
        ("ontem", d(2020, 11, 4)),
        ("just now", REF),
        ("March 18 at 3:57 PM", d(2020, 3, 18, 15, 57)),  # no year: the reference's year
        ("December 30", d(2019, 12, 30)),  # would be in the future: the year before
        ("18. März", d(2020, 3, 18)),
    ],
)
def test_relative_dates_need_a_reference(text: str, expected: dt.datetime) -> None:
    assert parse_date(text, reference=REF) == expected


def test_relative_dates_keep_the_reference_zone() -> None:
    got = parse_date("2 hours ago", reference=REF_AWARE)
    assert got == d(2020, 11, 5, 10, 0, tzinfo=tz(1))
    assert got is not None and got.utcoffset() == dt.timedelta(hours=1)


def test_relative_needs_a_number_and_a_unit() -> None:
    for text in ("years ago", "2 years ago", "3 months ago", "ago", "vor Jahren", "some time ago"):
        assert parse_date(text, reference=REF) is None, text


def test_absolute_wins_over_reference() -> None:
    assert parse_date("Nov 4, 2019", reference=REF) == d(2019, 11, 4)


def test_find_dates_in_header_text() -> None:
    assert find_dates("By Jane Doe | Nov 19, 2019 | 3 min read") == [d(2019, 11, 19)]
    assert find_dates("Published Nov 19, 2019 Updated Nov 20, 2019 10:00 | Nov 21, 2019") == [
        d(2019, 11, 19),
        d(2019, 11, 20, 10, 0),
        d(2019, 11, 21),
    ]
    assert find_dates("Emily Stone December 25, 2025") == [d(2025, 12, 25)]
    assert find_dates("Ein Artikel von Maria Roth, veröffentlicht am 23.01.2020") == [d(2020, 1, 23)]
    assert find_dates("no dates here, only 2019 and 3:45 PM") == []
    assert find_dates("") == []


def test_find_dates_uses_the_strict_year_range() -> None:
    # in running text an old year is a quotation, not the page's date
    assert find_dates("as he said on May 17, 1940 and again on May 17, 2020") == [d(2020, 5, 17)]


def test_find_dates_relative_only_with_reference() -> None:
    text = "November 19, 2019 / 12:21 AM / Updated 14 hours ago"
    assert find_dates(text) == [d(2019, 11, 19, 0, 21)]
    assert find_dates(text, reference=REF) == [d(2019, 11, 19, 0, 21), d(2020, 11, 4, 22, 0)]


def test_find_date_spans_cover_the_time() -> None:
    text = "By Jane Doe - Nov 19, 2019 at 3:05 PM EST - Reuters"
    [(start, end, value)] = find_date_spans(text)
    assert text[start:end] == "Nov 19, 2019 at 3:05 PM EST"
    assert value == d(2019, 11, 19, 15, 5, tzinfo=tz(-5))
    text = "Published 7:08 AM ET Nov 19, 2019"
    [(start, end, _)] = find_date_spans(text)
    assert text[start:end] == "7:08 AM ET Nov 19, 2019"


def test_two_digit_year_after_a_comma_needs_a_clock_time() -> None:
    # blog comment stamps print "Mar 9, 11 at 10:42 PM": the clock time makes the short year a year
    assert parse_date("Mar 9, 11 at 10:42 PM") == d(2011, 3, 9, 22, 42)
    assert parse_date("October 30, 98 - 7:05 am") == d(1998, 10, 30, 7, 5)
    assert find_dates("Reply by Sam on Sep 2nd, 09 at 1:30 pm") == [d(2009, 9, 2, 13, 30)]
    # without a time it is a list, a score or a page range; "08:30" after the comma is the hour
    assert parse_date("Mar 9, 11") is None
    assert parse_date("Mar 9, 11 points") is None
    assert find_dates("Mar 9, 11:30") == []


def test_ordinal_days() -> None:
    assert parse_date("August 22nd 2013") == d(2013, 8, 22)
    assert parse_date("22nd August 2013") == d(2013, 8, 22)
    assert parse_date("Aug. 3rd, 2015") == d(2015, 8, 3)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2020/11/04/some-story", d(2020, 11, 4)),
        ("https://example.com/2020/11/4/some-story", d(2020, 11, 4)),
        ("https://example.com/news/2020-11-04-some-story", d(2020, 11, 4)),
        ("https://example.com/news/2020-11-04/", d(2020, 11, 4)),
        ("https://example.com/news/2020_11_04_story", d(2020, 11, 4)),
        ("https://example.com/20201104/story.html", d(2020, 11, 4)),
        ("https://example.com/story-20201104.html", d(2020, 11, 4)),
        ("https://example.com/2020/nov/04/story", d(2020, 11, 4)),
        ("https://example.com/2020/11/04", d(2020, 11, 4)),
        ("/2020/11/04/", d(2020, 11, 4)),
        ("https://example.com/a?date=2020-11-04", d(2020, 11, 4)),
    ],
)
def test_date_from_url(url: str, expected: dt.datetime) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "https://example.com/2020/11/story",  # year and month only
        "https://example.com/2020/11/",
        "https://example.com/2020/11/4-reasons-to-vote",  # a slug starting with a number
        "https://example.com/2020/11/10-things",
        "https://example.com/2020/13/04/story",
        "https://example.com/2020/02/30/story",
        "https://example.com/1970/01/01/story",
        "https://example.com/article/1234567890",
        "https://example.com/article/202011041234",  # an id, not a date
        "https://2020-11-04.example.com/story",  # digits in the host
        "https://example.com/story/2020",
    ],
)
def test_date_from_url_rejects(url: str | None) -> None:
    assert date_from_url(url) is None


def test_non_str_input_is_safe() -> None:
    assert parse_date(None) is None  # type: ignore[arg-type]
    assert parse_date(20201104) is None  # type: ignore[arg-type]
    assert find_dates(None) == []  # type: ignore[arg-type]
    assert date_from_url(123) is None  # type: ignore[arg-type]


def test_long_input_is_capped() -> None:
    # a date far into a huge string is not looked at by parse_date, and nothing blows up
    text = "x " * 100_000 + "Nov 4, 2020"
    assert parse_date(text) is None
    assert find_dates(text) == []
    assert parse_date("Nov 4, 2020 " + "x " * 100_000) == d(2020, 11, 4)


def test_hostile_input_is_fast() -> None:
    import time

    nasty = [
        "1" * 5000,
        "1/" * 2500,
        "1." * 2500,
        "Nov " * 1250,
        "4 de " * 1000,
        " " * 5000 + "x",
        "12:" * 1600,
        "- " * 2500,
        "2020-" * 1000,
    ]
    start = time.perf_counter()
    for text in nasty:
        parse_date(text)
        find_dates(text)
        find_dates(text, reference=REF)
        date_from_url(text)
    assert time.perf_counter() - start < 2.0


# ---------------------------------------------------------------- properties

AWARE = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2099, 12, 31),
    timezones=st.sampled_from([UTC, tz(1), tz(-5), tz(5.5), tz(9), tz(-3.5)]),
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    assert parse_date(text) is None or isinstance(parse_date(text), dt.datetime)
    assert isinstance(find_dates(text), list)
    assert isinstance(find_dates(text, reference=REF), list)
    r = parse_date(text, reference=REF_AWARE)
    assert r is None or isinstance(r, dt.datetime)
    u = date_from_url(text)
    assert u is None or isinstance(u, dt.datetime)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789-/.:, TZ+apmAPMNovDecJanuary年月日", max_size=60))
def test_never_raises_on_date_like_text(text: str) -> None:
    for value in (parse_date(text), *find_dates(text, reference=REF), date_from_url(text)):
        assert value is None or 1900 <= value.year <= 2100 or value == REF


@settings(max_examples=300, deadline=None)
@given(AWARE)
def test_isoformat_round_trip(value: dt.datetime) -> None:
    got = parse_date(value.isoformat())
    assert got is not None
    # microseconds and seconds included: the exact instant and the printed offset come back
    assert got == value
    assert got.utcoffset() == value.utcoffset()


@settings(max_examples=300, deadline=None)
@given(
    AWARE,
    st.sampled_from(
        [
            "%B %d, %Y %H:%M",
            "%b %d, %Y %I:%M %p",
            "%b. %d, %Y",
            "%d.%m.%Y",
            "%d.%m.%Y %H:%M Uhr",
            "%d %B %Y",
            "%A, %d %B %Y",
            "%a, %d %b %Y %H:%M:%S %z",
            "%Y-%m-%d",
            "%Y/%m/%d %H:%M",
            "%m/%d/%Y",
            "%Y年%m月%d日 %H:%M",
            "%Y.%m.%d",
            "Published %H:%M %B %d, %Y",
            "posted on %B %d, %Y, at %I:%M %p",
            "By Jane Doe | %b %d, %Y | 3 min read",
        ]
    ),
)
def test_strftime_round_trip_same_day(value: dt.datetime, fmt: str) -> None:
    text = value.strftime(fmt)
    got = parse_date(text)
    assert got is not None, text
    assert got.date() == value.date(), text
    found = find_dates(text)
    assert found and found[0].date() == value.date(), text


@settings(max_examples=100, deadline=None)
@given(AWARE)
def test_url_round_trip(value: dt.datetime) -> None:
    for url in (
        f"https://example.com/{value:%Y/%m/%d}/story",
        f"https://example.com/news/{value:%Y-%m-%d}-story",
        f"https://example.com/{value:%Y%m%d}/story",
    ):
        got = date_from_url(url)
        assert got is not None and got.date() == value.date(), url


def test_find_yearless_spans_reads_the_reference_year() -> None:
    ref = d(2019, 11, 19, 1, 19, tzinfo=UTC)
    spans = list(find_yearless_spans("Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM", ref))
    assert [v for _s, _e, v in spans] == [d(2019, 11, 19, 9, 41), d(2019, 11, 18, 20, 19)]
    text = "Posted Nov 18, 8:19 PM"
    ((start, end, _v),) = find_yearless_spans(text, ref)
    assert text[start:end] == "Nov 18, 8:19 PM"
    # a day after the reference (beyond a day of zone slack) is last year's
    assert [v for _s, _e, v in find_yearless_spans("December 30", d(2020, 1, 2))] == [d(2019, 12, 30)]
    # full dates and relative phrases are not yearless dates
    assert list(find_yearless_spans("Nov 18, 2019 and 2 days ago", ref)) == []
    assert list(find_yearless_spans("no digits here", ref)) == []
