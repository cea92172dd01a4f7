"""The pure comment / bio recognisers shared by the HTML and plain-text modes."""

from __future__ import annotations

import pytest

from newsparse import _recognize as R


@pytest.mark.parametrize(
    "text, expected",
    [
        ("October 28, 2012 01:23 PM", "October 28, 2012 01:23 PM"),
        ("Posted by: Jane at October 28, 2012 01:23 PM", "October 28, 2012 01:23 PM"),
        ("8. April 2019 @ 11:38", "8. April 2019 @ 11:38"),
        ("18/02/2020 à 16:42", "18/02/2020 à 16:42"),
        ("Thu, Jan 17, 08 at 03:13 PM", "Thu, Jan 17, 08 at 03:13 PM"),
        ("2012-10-28T13:23:00", "2012-10-28T13:23:00"),
        ("5 hours ago", "5 hours ago"),
        ("vor 3 Wochen", "vor 3 Wochen"),
    ],
)
def test_find_date_text_finds_printed_dates(text: str, expected: str) -> None:
    assert R.find_date_text(text) == expected


@pytest.mark.parametrize("text", ["summary of the main points", "version 1.2.3 released", "We marched in March."])
def test_find_date_text_ignores_prose(text: str) -> None:
    assert R.find_date_text(text) is None


def test_glued_name_and_date_is_split_at_the_two_digit_year() -> None:
    assert R.find_date_text("bluefox28.09.1913:39") == "28.09.1913:39"
    assert R.parse_comment_header("bluefox28.09.1913:39") == ("bluefox", "28.09.1913:39")


def test_relative_dates_only_in_short_lines() -> None:
    assert R.is_relative_date("2 hours ago")
    assert R.find_date_text("I went there " + "and back again " * 10 + "2 hours ago") is None


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply",
        "Your email address will not be published.",
        "Required fields are marked *",
        "Notify me of follow-up comments by email.",
        "Schreibe einen Kommentar",
    ],
)
def test_comment_form_lines(line: str) -> None:
    assert R.is_comment_form_line(line)


def test_comment_form_line_is_not_any_sentence() -> None:
    assert not R.is_comment_form_line("I would leave a reply but the post says it all.")


def test_pingbacks_load_more_and_counts() -> None:
    assert R.is_pingback_line("Pingback: Weekly links roundup | Some Blog")
    assert R.is_pingback_line("[...] a good read on the topic [...]")
    assert not R.is_pingback_line("Great piece, thanks.")
    assert R.is_load_more_line("Load more comments")
    assert R.is_load_more_line("« Older Comments")
    assert R.is_load_more_line("View all 12 comments")
    assert not R.is_load_more_line("I loaded more wood on the fire.")
    assert R.is_comment_count_line("12 Comments")
    assert R.is_comment_count_line("20 thoughts on “Harbor storm”")
    assert R.is_comment_count_line("Comments (2)")
    assert R.is_comment_count_line("No comments yet.")
    assert not R.is_comment_count_line("Twelve people commented on the plan at the hearing.")
    assert R.is_comment_section_heading("3 Responses to “Storm”")
    assert R.is_comment_section_heading("Your Comments")


@pytest.mark.parametrize(
    "line", ["Discussion (7)", "Discussion: 25 comments", "Join the discussion", "Reader Comments (9)", "Discussion"]
)
def test_discussion_headings_open_comments(line: str) -> None:
    assert R.is_comment_section_heading(line)


@pytest.mark.parametrize("line", ["Discussion of the findings", "Discussion and outlook", "Discussion: why it failed"])
def test_discussion_sub_headings_are_not_comment_headings(line: str) -> None:
    assert not R.is_comment_section_heading(line)


@pytest.mark.parametrize("line", ["Reply", "Report abuse", "Rate This: 0 0", "3 votes", "#2", "Antworten", "12"])
def test_comment_noise_lines(line: str) -> None:
    assert R.is_comment_noise_line(line)


def test_commentluv_signature_is_noise() -> None:
    assert R.is_comment_noise_line("Kim recently posted..My Garden in May")


def test_comment_noise_is_not_a_comment() -> None:
    assert not R.is_comment_noise_line("Reply to Tom: no, the bridge was closed.")


@pytest.mark.parametrize(
    "line, author, date",
    [
        ("Alice says:", "Alice", None),
        ("Bob Stone said...", "Bob Stone", None),
        ("Posted by: matt wilbert at October 28, 2012 01:23 PM", "matt wilbert", "October 28, 2012 01:23 PM"),
        ("Heather on October 23rd, 2012 1:37 pm", "Heather", "October 23rd, 2012 1:37 pm"),
        ("Posted By: clarry | December 14 2007 at 08:28 AM", "clarry", "December 14 2007 at 08:28 AM"),
        ("— Posted by Tom, Manhattan Beach CA", "Tom, Manhattan Beach CA", None),
        ("Markus Rau, Do, 9. Apr 2020 um 08:59", "Markus Rau", "Do, 9. Apr 2020 um 08:59"),
        ("October 23, 2012 at 1:37 pm", None, "October 23, 2012 at 1:37 pm"),
    ],
)
def test_parse_comment_header(line: str, author: str | None, date: str | None) -> None:
    assert R.parse_comment_header(line) == (author, date)


@pytest.mark.parametrize(
    "line",
    [
        "The council met on October 28, 2012 and voted the plan down after a long and heated debate.",
        "-> https://example.org/wiki/Page",
        "Great point!",
    ],
)
def test_parse_comment_header_rejects_text(line: str) -> None:
    assert R.parse_comment_header(line) is None


def test_explicit_header_needs_a_header_word() -> None:
    assert R.is_explicit_comment_header("Posted by: Dom, Leeds on 5:19pm Tue 1 Jan 08")
    assert R.is_explicit_comment_header("Kim says: May 3, 2012 at 4:00 pm")
    assert not R.is_explicit_comment_header("Kim Lee May 3, 2012")


def test_split_inline_header() -> None:
    got = R.split_inline_header("Michael Okoro, Lagos 1/8/2008 5:49 PM Thanks to the coach, we will win this game.")
    assert got == ("Michael Okoro, Lagos", "1/8/2008 5:49 PM", "Thanks to the coach, we will win this game.")
    assert R.split_inline_header("The vote on 1/8/2008 was the first of many that the council held that year.") is None


def test_clock_lines() -> None:
    assert R.is_clock_line("7:51 pm")
    assert R.is_clock_line("um 16:42 Uhr")
    assert not R.is_clock_line("7:51 pm was when the storm hit")


def test_clean_comment_author() -> None:
    assert R.clean_comment_author("Josef Lindner,") == "Josef Lindner"
    assert R.clean_comment_author("Posted by: Kim") == "Kim"
    assert R.clean_comment_author("Agi Joe sagt:") == "Agi Joe"


# ---------------------------------------------------------------------------------------------- bios


@pytest.mark.parametrize(
    "text, names, expected",
    [
        ("Jane Doe is a reporter covering the environment.", ("Jane Doe",), "Jane Doe"),
        ("Jane Q. Doe is an editor at the Ledger.", ("Jane Doe",), "Jane Doe"),
        ("Doe covers national politics for the Ledger. She is based in Iowa.", ("JANE DOE",), "JANE DOE"),
        ("Jane Doe writes about energy policy out of Washington.", ("Jane Doe",), "Jane Doe"),
        ("Miriam Berg ist Redakteurin im Ressort Technik.", ("Miriam Berg",), "Miriam Berg"),
    ],
)
def test_bio_subject_with_byline_names(text: str, names: tuple[str, ...], expected: str) -> None:
    assert R.bio_subject(text, names) == expected
    assert R.is_bio_paragraph(text, names)


@pytest.mark.parametrize(
    "text, names",
    [
        ("Jane Doe said the river rose faster than expected.", ("Jane Doe",)),
        ("John Roe is a reporter covering the environment.", ("Jane Doe",)),
        ("The mayor is a former reporter who covered the council.", ("Jane Doe",)),
    ],
)
def test_bio_subject_rejects_other_sentences(text: str, names: tuple[str, ...]) -> None:
    assert R.bio_subject(text, names) is None
    assert not R.is_bio_paragraph(text, names)


def test_bio_subject_without_names_needs_a_full_name() -> None:
    assert R.bio_subject("Erin Cole is an Egypt-based correspondent for The Post.") == "Erin Cole"
    assert R.bio_subject("Police is a band.") is None


def test_split_bios_cuts_one_paragraph_per_person() -> None:
    text = "Ana Silva is a researcher at the Observatory. Ben Okafor is an associate professor at the University."
    got = R.split_bios(text, ("Ana Silva", "Ben Okafor"))
    assert got == [
        ("Ana Silva", "Ana Silva is a researcher at the Observatory."),
        ("Ben Okafor", "Ben Okafor is an associate professor at the University."),
    ]


def test_tagline_subject_needs_a_title_first() -> None:
    assert R.tagline_subject("Staff writer Jane Doe can be reached at jd@example.com.", ("Jane Doe",)) == (
        "Jane Doe",
        "Staff writer",
    )
    assert R.tagline_subject("Have a tip? Jane Doe may be reached at jd@example.com.", ("Jane Doe",)) is None
    assert R.tagline_subject("Staff writer Jane Doe can be reached at jd@example.com.", ()) == ("Jane Doe", "Staff writer")


def test_social_latest_posts_and_contact_lines_are_not_bio_text() -> None:
    assert R.is_social_feed_line("Follow us on Twitter")
    assert R.is_social_feed_line("Twitter | Facebook | LinkedIn")
    assert R.is_social_feed_line("Tweets by @ledger")
    assert not R.is_social_feed_line("She follows the courts for the Ledger.")
    assert R.is_latest_posts_line("Latest posts by Jane Doe (see all)")
    assert R.is_latest_posts_line("More from Jane Doe")
    assert R.is_latest_posts_line("257 Artikel")
    assert not R.is_latest_posts_line("Jane Doe has written more than 200 articles on farming.")
    assert R.is_contact_line("Contact Jane Doe at jane@example.com")
    assert R.is_contact_line("jane@example.com")
    assert not R.is_contact_line("Jane Doe is a reporter.")


def test_strip_bio_header_and_person_names() -> None:
    assert R.strip_bio_header("About Jane Doe") == "Jane Doe"
    assert R.strip_bio_header("Über Luis Berger") == "Luis Berger"
    assert R.strip_bio_header("Written By Eli Kovac") == "Eli Kovac"
    assert R.strip_bio_header("Die Autorin") == ""
    assert R.looks_like_person_name("Jane van der Berg")
    assert not R.looks_like_person_name("Follow Jane")
    assert not R.looks_like_person_name("Latest News")
