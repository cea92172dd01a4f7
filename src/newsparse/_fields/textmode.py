"""Plain-text pages: split a flattened rendering into the Article's fields.

A text page is a list of lines (``page.blocks``: one per non-empty line, with the number of blank
lines before it and its indentation). The page is cut into regions once, by line shape, position and
vocabulary (``_layout``, cached on the page):

- the body: the heaviest run of prose lines (Kadane over per-line weights) that crosses no comment,
  byline or author-box line and no long run of short lines;
- the header stack above it: headline (heading-like line scored by nearness, repetition, URL slug and
  the byline / date lines under it), dek, byline, date;
- the author boxes after it (name line, title line, bio sentence) and the reader comments after
  them, up to the comment form.

Everything that parses a string is shared with the HTML mode: bylines, datelines and dates come from
``newsparse._parsing``; comment headers, comment-form and widget lines, pingbacks, bio sentences,
author-box headers, "Latest posts by" lines, contact lines and social lines from
``newsparse._recognize``. The ``_is_...`` functions left here are pure ``str -> ...`` recognisers of
line shapes the HTML mode does not need (or extensions of the shared ones), kept apart for merging.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Sequence

import attrs

from .. import _recognize as R
from .._model import AuthorBio, Block, Body, Byline, Comment, Dateline, Headline
from .._page import Page
from .._parsing import date_from_url, find_dates, looks_like_person_name, parse_byline, split_dateline
from ._text import norm, words
from .comments import _url_author_header

__all__ = ["headline", "dateline", "body", "bylines", "author_bios", "published", "comments"]

# --------------------------------------------------------------------------------------------
# Heuristic constants (each with the reason it exists)
# --------------------------------------------------------------------------------------------

#: A line with at least this many words is prose whatever its punctuation (paragraphs, not labels).
PROSE_MIN_WORDS = 20
#: A sentence-terminated line with at least this many words is prose (short paragraphs, quotes).
SENTENCE_MIN_WORDS = 8
#: Weight of a short, unpunctuated line inside a prose run: menus and teaser lists cost, a few
#: sub-headings inside a story do not outweigh its paragraphs.
SHORT_LINE_COST = 30.0
#: Weight per character of a short sentence (3-7 words, terminated): counts a little, like the
#: closing "We will see." of a story, without pulling a lone footer sentence into the body.
SHORT_SENTENCE_WEIGHT = 0.3
#: A trailer line (next-article link, citation, policy note) is at most this long; longer lines are prose.
TRAILER_MAX_CHARS = 300
#: Links to the neighbouring articles ("Article suivant ...", "Previous post: ...", "Nächster Artikel").
_ARTICLE_NAV = re.compile(
    r"^(?:(?:article|post|story|artikel|beitrag|articolo|artículo)\s+)?(?:précédent|precedent|suivant|previous|next|"
    r"vorherige[rs]?|nächste[rs]?|precedente|successivo|anterior|siguiente)(?:\s+(?:article|post|story|artikel|beitrag))?\b\s*:?",
    re.I,
)
#: How to cite the article ("SUGGESTED CITATION ...", "Cite this article", "Zitiervorschlag").
_CITATION = re.compile(r"^(?:suggested citation|cite (?:this|as)|how to cite|zitiervorschlag|zitierweise|pour citer)\b", re.I)
#: Comment-policy notes printed between the story and its comments.
_COMMENT_POLICY = re.compile(
    r"\bcomments? from (?:the |our )?readers\b|\bcomments? will (?:generally )?(?:stay|remain)\b|\bnot be able to comment\b|"
    r"\bcomment (?:entries|posters|writers)\b",
    re.I,
)
#: Production credits closing a wire story ("Reporting by ...; Editing by ...").
_PRODUCTION_CREDIT = re.compile(r"^(?:(?:additional )?reporting|writing|editing|compiled|edited) by\b", re.I)
#: A short appeal to the reader ("To donate, click here.", "Please consider supporting us.").
_APPEAL = re.compile(r"\bclick here\b|\bsupport(?:ing)? (?:our|us|independent)\b|\bdonat(?:e|ion)s?\b", re.I)
#: At most this many broken lines are joined to a co-authors' bio paragraph.
BIO_JOIN_LINES = 2
#: The post count after the name in an author-box header ("Über Jane Doe 257 Artikel", "About Jane Doe 12 posts").
_POST_COUNT = re.compile(r"\s+\d+\s+\w+$")
#: A tags line is short.
TAGS_MAX_CHARS = 200
#: Tags: hashtags only, or a "Tags"/"Schlagwörter"/"Mots-clés" label (printed glued to the tags too).
_TAGS_LINE = re.compile(r"^(?:#\w[\w-]*\s*){2,}$|^(?:tags|schlagw(?:ö|oe)rter|mots[- ]clés|etiquetas|tag)\b\s*:?", re.I)
#: How many lines above the story run's end a bio sentence about a credited author is looked for.
BIO_TAIL_LINES = 4
#: A list under a colon line has at most this many items, each at most this many words, and weighs this much.
LIST_MAX_ITEMS = 15
LIST_ITEM_MAX_WORDS = 20
LIST_ITEM_WEIGHT = 1.0
#: A rule this close to the end of the story run opens a trailer (contributors, corrections).
SEPARATOR_TRAILER_LINES = 2
#: The editor's or the site's initials signing the last paragraph off ("... gestorben. (ab)", "... the town. XY").
_SIGNOFF_INITIALS = re.compile(r"(?<=[.!?\u201c\u201d\"])\s*(?:\((?:[a-z]{2,4})(?:/[a-z]{2,4})?\)|[A-Z]{2,3})$")
#: The attribution line of an embedded post: "— Jane Doe (@janedoe) November 18, 2019".
_EMBED_ATTRIBUTION = re.compile(r"^[\u2014\u2013-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\w+\.?\s+\d{1,2},?\s+\d{4}$")
#: A picture credit has at most this many words.
CREDIT_MAX_WORDS = 15
#: A call to action has at most this many words.
PROMO_MAX_WORDS = 12
#: A line of this many words ending with a colon introduces a quote or an embed ("Twitter seemed confused:").
INTRO_MIN_WORDS = 6
#: Weight per character of a sentence-terminated line of 8-19 words.
MEDIUM_SENTENCE_WEIGHT = 0.8
#: Hard-wrapped text: at least this many lines continue on the next line, 90% of them end within
#: WRAP_SLACK columns of a wrap column between WRAP_MIN_WIDTH and WRAP_MAX_WIDTH (at least WRAP_NEAR_SHARE of them).
WRAP_MIN_LINES = 5
WRAP_MIN_WIDTH = 40
WRAP_MAX_WIDTH = 100
WRAP_SLACK = 20
WRAP_NEAR_SHARE = 0.6
#: A header stack inside the story run starts at most this many lines into it (after the blog's description).
HEADER_STACK_MAX_LINES = 6
#: A dateline printed on its own line above the first paragraph ends with its dash; it has few words.
_DATELINE_ALONE = re.compile(r"\S\s*[\u2014\u2013-]$")
DATELINE_LINE_MAX_WORDS = 6
#: A shorter line ending with a colon, between the headline and the story, introduces the story.
INTRO_SHORT_MIN_WORDS = 3
#: A photo caption ends with the picture credit: "... (Jane Doe / Getty Images)", "... in 2020.Staff Illustration / Getty Images".
_CAPTION_TAIL = re.compile(r"(?:\s/\s*|\bvia\s+)(?:getty images|shutterstock|reuters|ap|afp|epa|dpa|imago)\)?$|\bgetty images\)?$", re.I)
#: A dateline paragraph starts the body when the prose before it is less than this share of the run.
DATELINE_START_SHARE = 0.4
#: This many short lines in a row end a prose run: related-links boxes and footers, not sub-headings.
BODY_MAX_GAP = 4
#: ... but the story's first paragraphs may sit this many short lines above the rest (galleries, share bars).
BODY_MAX_HEAD_GAP = 8
#: Prose (weighted characters) a page must show before a comment section for that section to bound the body.
BARRIER_MIN_PROSE = 300.0
#: ... and when the story found before it weighs at least this share of the heaviest run of the page
#: (a comment counter linked at the top of a page must not hide the story under it).
BARRIER_MIN_SHARE = 0.25
#: ... and when that story ends at most this many lines above the comment section, with no prose between
#: (it is the story the comments are on: share buttons, tags and the author box may sit between).
BARRIER_MAX_DISTANCE = 30
#: At most this many comment sections are tried as the end of the story (bounded work on long pages).
MAX_BARRIERS = 4
#: How far above the body the headline is looked for (header stacks: kicker, headline, dek, byline, date, caption).
HEADLINE_WINDOW = 120
#: A URL slug with fewer words than this names a section ("/diet-fitness/"), not the story.
SLUG_MIN_WORDS = 3
#: Headline scores: share of slug words found, repetition (title line + heading), and a small cost per
#: heading-like line between the candidate and the body (the headline sits at the top of the header stack).
HEADLINE_SLUG_WEIGHT = 4.0
HEADLINE_REPEAT_WEIGHT = 2.0
HEADLINE_DISTANCE_COST = 0.1
HEADLINE_HEADER_WEIGHT = 1.5
HEADLINE_DATE_COST = 1.5
#: A headline printed as a sentence (anchored by the byline or date under it) is at most this long:
#: longer sentences over a byline are captions.
ANCHORED_MAX_WORDS = 20
#: An anchored headline does not end like a clause or a label.
_ANCHORED_NOT_END = re.compile(r"[:;,|\-\u2013\u2014]$")
#: A caption ends with the picture agency's credit: not the headline.
HEADLINE_CAPTION_COST = 3.0
#: Picture agencies and credit forms that end a caption ("... Jane Doe/via Reuters", "(Getty Images)").
_CAPTION_CREDIT = re.compile(
    r"(?:/|\bvia\s+)(?:reuters|ap|afp|epa|getty|pa|dpa|ap photo|file)\b|\bgetty images\b|\bshutterstock\b|"
    r"\b(?:ap|afp|reuters|epa) photo\b|\bimago\b|\bpicture alliance\b",
    re.I,
)
#: How close under a headline its byline or date line is printed (and, scoring twice, right under it).
HEADER_FOLLOW_LINES = 7
HEADER_ADJACENT_LINES = 2
#: A headline has at most this many words and characters (longer is a dek or a paragraph).
HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
#: How many lines after the headline are searched for the byline and the publication date.
HEADER_WINDOW = 12
#: A credit line without "By" ("Jane Doe and John Roe Springfield Gazette") has at most this many words.
CREDIT_LINE_MAX_WORDS = 12
#: A count printed after the author on a header line ("<date> Jane Doe 6": the comment count).
_TRAILING_COUNT = re.compile(r"\s+\d{1,5}\s*$")
#: Quotes and question or exclamation marks belong to headlines and sentences, never to a credit line.
_NOT_IN_CREDIT = re.compile(r"[?!\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]")
#: A picture credit printed under the photo: "(Jane Doe / Daily News)", "Jane Doe | Agency Images".
_PICTURE_CREDIT = re.compile(r"^\(|\S\s+[/|]\s+\S")
#: A news agency credited alone: one short word in capitals ("AP", "AFP", "DPA").
_AGENCY = re.compile(r"^[A-Z]{2,5}$")
#: A date line this close under the story's last paragraph signs it off ("5 gennaio 2025 (modifica ...)").
SIGNOFF_LINES = 12
#: The year in a story's URL path ("/2019/11/slug").
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/(?:[01]?\d/)?")
#: Separators between the parts of a header date line ("Updated ...;Posted ...", "Posted ... | Updated ...").
_DATE_PARTS = re.compile(r"[;|\u2022\u00b7]")
#: The word that marks the publication date among several ("Posted", "Published", "Veröffentlicht", "Publié").
_PUBLISHED_WORD = re.compile(r"\b(?:posted|published|publi[ée]|veröffentlicht|erstellt|pubblicato|publicado|gepubliceerd)\b", re.I)
#: A month and day printed without a year ("Mar 3", "3. März", "March 3").
_YEARLESS_DAY = re.compile(r"\b[A-Za-z]{3,9}\.?\s+\d{1,2}\b(?!:)|\b\d{1,2}\.?\s+[A-Za-z]{3,9}\b")
#: A short name ending with an initial ("Mr. G.", "Jane D."): a name, not a sentence.
_INITIAL_END = re.compile(r"^(?:\S+\s+){0,2}[A-Z]\.$")
#: A teaser cut mid-sentence ("... the council will have to …"): a link to another article, not a comment.
_CUT_TEASER = re.compile(r"\s(?:\u2026|\.\.\.)$")
#: A line that is only a year: the rest of a date broken over lines.
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d$")
#: A comment stamp with a two-digit year followed by a clock time: "Mar 3, 09 at 04:20 PM".
_SHORT_YEAR_STAMP = re.compile(r"\b(?P<md>[A-Z][a-z]{2,8}\.?\s+\d{1,2}),\s+(?P<yy>[0-2]\d)\s+(?:at\s+)?\d{1,2}:\d\d\b")
#: A byline line is short: longer lines that start with "By" are sentences.
BYLINE_MAX_CHARS = 160
#: A bio sentence has at least this many words; a name line at most this many.
BIO_MIN_WORDS = 6
NAME_LINE_MAX_WORDS = 8
#: A bio sentence about any person counts as an author box this close under the story.
BIO_AFTER_BODY_LINES = 20
#: An author box has its name line at most this many lines above the bio sentence (name, title, bio).
BIO_NAME_DISTANCE = 3
#: A date line (comment or article date) has at most this many words.
DATE_LINE_MAX_WORDS = 12
#: A name line over a date line heads a comment when a comment heading or form is this many lines away or closer.
COMMENT_CONTEXT_LINES = 50
#: How many lines after a comment heading are searched for the first comment's header and text.
COMMENT_EVIDENCE_WINDOW = 40
#: This many short lines in a row (no comment header among them) end the comment list.
COMMENT_MAX_GAP = 6
#: ... and before the first comment, share and permalink bars under the comment link may run this long.
COMMENT_LEAD_GAP = 12
#: When at least this share of the comments found carry an author or a date, the unsigned ones are dropped.
SIGNED_SHARE = 0.6
#: Comment-form lines are labels and one-sentence notes; a longer line opening "Leave a comment ..." is prose.
COMMENT_FORM_MAX_WORDS = 12
#: Dated "Posted by" signatures needed to read a section without a heading as comments.
MIN_SIGNATURES = 2
#: Share of capitalised words from which an unpunctuated line is a title.
TITLE_CASE_SHARE = 0.7
#: A comment header or signature line has at most this many words (longer lines are text).
COMMENT_HEADER_MAX_WORDS = 16
#: An author-box header is short; a social-feed item is a post, not an article.
ABOUT_MAX_CHARS = 60
SOCIAL_MAX_CHARS = 300
#: A comment author line (user names, "Jane Doe") has at most this many words.
COMMENT_AUTHOR_MAX_WORDS = 6

#: Sentence-final punctuation, optionally followed by closing quotes / brackets.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*$")
#: A list item starts its own line in wrapped text ("1. ", "* ", "- ", "[3]").
_LIST_START = re.compile(r"^(?:\d{1,3}[.)]|[*\u2022\-]|\[\d+\])\s")
#: A line ending in dots was cut short by a teaser list ("... Nobel Peace Prize, Globa..."): not a sentence.
_TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)$")
#: Terminal punctuation a headline does not end with (a period ends a sentence, a colon a label).
_NOT_HEADLINE_END = re.compile(r"[.:;,|\-\u2013\u2014]$")
#: A period that ends a sentence inside a line ("vans. (Photo: ...)") -- captions and prose, not headlines.
_INNER_SENTENCE = re.compile(r"[a-z\u00e0-\u00ff]{3}[.!?]\s+\S")
#: Breadcrumbs and menus: words joined by separators.
_NAV_SEPARATORS = re.compile(r"\s[|\u00bb\u203a>/\u2022\u00b7]\s|>[A-Z]|\s\|$")
#: A bare URL or file path line (audio players, link dumps).
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
#: Numbering that opens a comment in a numbered comment list ("2. Text", "#3", "3)").
_NUMBER_MARKER = re.compile(r"^(?:#\s?)?(?P<n>\d{1,4})[.)]\s+(?=\S)")
#: A line that is only a comment number ("1.", "#1.1 - Mon Oct 29, 2012").
_NUMBER_ONLY = re.compile(r"^#?\d{1,4}(?:\.\d{1,3})*\.?(?:\s*[-\u2013\u2014]\s*.*)?$")
#: Words a date line is made of besides numbers (weekdays, "at", "um", "Uhr", time of day).
_DATE_FILLER = re.compile(
    r"\b(?:on|at|um|uhr|le|à|am|pm|a\.m\.|p\.m\.|de|del|di|published|posted|updated|veröffentlicht|"
    r"aktualisiert|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so)[a-z]*\.?\b|[\d:/.,@|\-\u2013\u2014()]+",
    re.I,
)

#: A byline line: an optional verb ("Written", "Posted", "Reported") then "By"/"Von"/"Par"... and a name.
_BYLINE_LINE = re.compile(
    r"^(?:(?:written|posted|reported|words|text|story|photos?)\s+)?(?:by|von|par|por|door|av|di|de|da)\s*:?\s+"
    r"(?P<rest>[A-Z\u00c0-\u00de].*)$",
    re.I,
)

#: The "Posted by" that opens a comment's signature line.
_SIGNATURE = re.compile(r"^[-\u2013\u2014]*\s*(?:posted|submitted)\s+(?:by|von|par)\b", re.I)

#: A line opening with a comment word ("Comments (No comments posted.)") is no headline.
_COMMENT_WORD = re.compile(r"^(?:\d+\s+)?(?:comments?|responses?|kommentare?|commentaires?|commenti|comentarios?)\b", re.I)
#: A word qualifying a comment-section heading: "Public Discussion (4)", "Community comments", "Öffentliche Diskussion".
_HEADING_QUALIFIER = re.compile(
    r"^(?:public|open|community|members'?|readers'?|öffentliche|offene|discussion\s+publique|débat)\s+(?=\w)", re.I
)
#: Labels of comment-form fields.
_FORM_FIELD = re.compile(
    r"^(?:your\s+)?(?:name|e-?mail(?:\s+address|-adresse)?|website|webseite|site web|url|comment|kommentar|commentaire|"
    r"commento|comentario|nom|nome|nombre)\s*\*?\s*:?\s*\*?$",
    re.I,
)
#: Weaker comment prompts: printed before, between or after comments; skipped, never an end.
_COMMENT_PROMPT = re.compile(
    r"schreibe einen kommentar|kommentar schreiben|laisser un commentaire|écrire un commentaire|"
    r"lascia un commento|deja un comentario|(?:post|add|write|leave|view|show|read|load|hide)\s+(?:a\s+|new\s+|your\s+|all\s+|more\s+)*"
    r"(?:comments?|replies|responses)\b",
    re.I,
)
#: Items of a social feed under an author box: @handles and "- 3 weeks ago" stamps.
_SOCIAL_FEED = re.compile(r"(?:^|\s)@\w{2,}|\s[-\u2013]\s+\d+\s+\w+\s+ago$", re.I)

#: Sentences of a site's frame: legal notes, privacy and cookie notices, sign-up and comment-policy prompts.
_SITE_BOILERPLATE = re.compile(
    r"\u00a9|\ball rights reserved\b|\bprivacy (?:policy|notice|statement)\b|\bterms (?:of (?:use|service)|and conditions)\b|"
    r"\buser agreement\b|\bcookie(?: policy| settings)\b|"
    r"\bcommenting policy\b|\bcommunity (?:rules|guidelines|standards)\b|\bpromotional (?:content|offers)\b|"
    r"\bdatenschutz|\bimpressum\b|\babonnieren\b|\bnutzungsbedingungen\b|\bmentions légales\b|\bnous contacter\b",
    re.I,
)
#: Sign-up vocabulary: a site's prompt when the line is short; a story may mention signing up in a paragraph.
_SIGNUP_WORDS = re.compile(r"\bcookies\b|\bnewsletters?\b|\bsign up\b|\bsubscribe\b|\bsubscription\b", re.I)
#: An author's contact note written as a sentence: "Jane Doe can be reached at ...".
_REACHED_AT = re.compile(r"\b(?:can|may) be (?:reached|contacted) at\b", re.I)
#: Calls to action a site prints around a story (imperatives addressed to the reader).
_PROMO = re.compile(
    r"^(?:check out|add \S+(?: \S+)? to your|follow us|follow \S+ on|sign up|subscribe|click here|download (?:our|the)|"
    r"join (?:us|our)|don't miss|get (?:our|the latest)|read (?:more|next|also)|share this)\b",
    re.I,
)
#: Labels of picture credits and captions (the compound "Beitragsbild", "Titelbild" included).
_CREDIT = re.compile(r"^(?:\w*(?:photo|image|foto|bild|picture|illustration|grafik|graphic)s?|credit|crédit|copyright)\s*:", re.I)
#: A rule drawn with characters ("___", "----------", "* * *").
_SEPARATOR = re.compile(r"^[_\-=*~\u2014\u2013 ]{3,}$")
#: Words that show a sentence is about a person: personal pronouns and job titles (en, de, fr, es, it).
_PERSON_WORDS = re.compile(
    r"\b(?:he|she|his|her|him|they|their|er|sie|ihr|ihre|sein|seine|il|elle|son|sa|ses|él|ella|su|lui|lei|"
    r"reporter|writer|editor|correspondent|journalist|columnist|author|professor|lecturer|researcher|scientist|"
    r"director|founder|ceo|contributor|producer|analyst|fellow|student|photographer|critic|"
    r"redakteur(?:in)?|journalistin|autorin?|korrespondent(?:in)?|professorin|direktor(?:in)?|projektleiter(?:in)?|"
    r"rédact(?:eur|rice)|journaliste|periodista|redactor(?:a)?|giornalista|redattore)\b",
    re.I,
)
#: A job title printed as a sentence before the bio: "Projektleiterin. Jane Doe hat ..." (one to three words).
_TITLE_PREFIX = re.compile(r"^([A-Z\u00c0-\u00de][\w\-]*(?:\s+[\w\-]+){0,2})\.\s+(?=[A-Z\u00c0-\u00de])")
#: Share bars and article tools ("Share on Facebook", "Share via Email", "Print Article", "Resize Text"):
#: printed once per network right above the story, so repetition must not make them headlines.
_UI_LINE = re.compile(
    r"^(?:share|print|e-?mail|save|resize|follow|tweet|pin|reprints?|bookmark|comment)"
    r"(?:\s*$|\s+(?:on|via|to|this|article|story|text|page|icon|link|us)\b)|^(?:show\s+)?(?:\w+\s+){0,3}sharing\b",
    re.I,
)
#: An article-tools line has at most this many words ("Share on Social Network").
UI_LINE_MAX_WORDS = 5
#: Lower-case words allowed inside a person's name (particles).
_NAME_PARTICLES = frozenset("de da di do dos das del della van von der den ter le la bin ibn al el y st".split())


# --------------------------------------------------------------------------------------------
# Pure line recognisers (``str -> ...``); those not delegating to newsparse._recognize are
# candidates for it
# --------------------------------------------------------------------------------------------


def _word_count(text: str) -> int:
    return len(text.split())


def _ends_sentence(text: str) -> bool:
    """Ends with sentence punctuation; a trailing "..." is a truncated teaser, not a sentence."""
    return bool(_SENTENCE_END.search(text)) and not _TRUNCATED.search(text)


def _is_url_line(text: str) -> bool:
    return bool(_URL_LINE.match(text))


def _looks_like_person_name(text: str) -> bool:
    """"Raffi Elliott", "THOMAS BEAUMONT": the byline parser's test (shared with the HTML mode)."""
    return looks_like_person_name(text)


def _is_date_line(text: str) -> bool:
    """A line that is a date (and time) and little else: "October 28, 2012", "1. Februar 2022 um 21:53 Uhr"."""
    if _word_count(text) > DATE_LINE_MAX_WORDS:
        return False
    found = R.find_date_text(text)
    if not found or not any(ch.isdigit() for ch in found):
        return False  # a calendar date or "3 weeks ago"; not "Today" in a menu
    rest = _DATE_FILLER.sub(" ", text.replace(found, " "))
    return len(words(rest)) <= 2


def _is_byline_line(text: str) -> str | None:
    """A byline line ("By Jane Doe, May 1, 2020", "Von Jane Doe"): the line, or None. Its people come from
    :func:`_byline_people` (the shared byline parser)."""
    if len(text) > BYLINE_MAX_CHARS or not _BYLINE_LINE.match(text) or not _byline_people(text):
        return None  # "By then, the economy grew." names nobody
    return text


def _byline_people(text: str) -> list[Byline]:
    """The people a byline line credits (shared parser), when they look like people ("Jane Doe", "JANE DOE")."""
    people = parse_byline(text)
    if people and all(_looks_like_person_name(b.name) or b.name.isupper() for b in people[:3]):
        return people
    return []


def _comment_header(text: str) -> tuple[str | None, str | None] | None:
    """(author, date text) of a comment header or signature line ("Jane says:", "Posted by: Jane at <date>",
    "Jane, <date>", a date line), by the shared recogniser; ``None`` for other lines."""
    if _word_count(text) > COMMENT_HEADER_MAX_WORDS:
        return None
    header = R.parse_comment_header(text)
    if header is None and "." in text:
        header = _url_author_header(text)  # "Posted by: www.example.org/jane | <date>"
    return header


def _is_signature(text: str) -> bool:
    """A "Posted by Jane at <date>" line: signs the text above it (or, before a text, heads it)."""
    return bool(_SIGNATURE.match(text)) and (hdr := _comment_header(text)) is not None and bool(hdr[0])


def _is_says_header(text: str) -> bool:
    """An explicit comment header that is not a signature: "Jane says:", "Jane wrote:"."""
    return _word_count(text) <= COMMENT_HEADER_MAX_WORDS and R.is_explicit_comment_header(text) and not _SIGNATURE.match(text)


def _is_title_case(text: str) -> bool:
    """Most words capitalised and no sentence end: a title (teaser link, heading), not a comment."""
    toks = [t for t in text.split() if t[:1].isalpha()]
    if len(toks) < 3 or _ends_sentence(text):
        return False
    return sum(1 for t in toks if t[0].isupper()) >= TITLE_CASE_SHARE * len(toks)


def _is_comment_heading(text: str) -> bool:
    """A heading that opens a comment section ("Comments", "20 thoughts on ...") (shared recogniser)."""
    n = _word_count(text)
    if n > 25 or (n > SENTENCE_MIN_WORDS and _ends_sentence(text)):
        return False  # "Comments by the minister were ..." is a sentence
    if R.is_comment_section_heading(text) or R.is_comment_count_line(text):
        return True
    m = _HEADING_QUALIFIER.match(text)  # "Public Discussion (4)", "Community Comments"
    return m is not None and R.is_comment_section_heading(text[m.end():])


def _is_comment_form(text: str) -> bool:
    """A line of a comment form that ends the comment section (a prompt printed between comments does not)."""
    return _word_count(text) <= COMMENT_FORM_MAX_WORDS and R.is_comment_form_line(text) and not _is_comment_prompt(text)


def _is_form_field(text: str) -> bool:
    """A form field label: "Name *", "E-Mail*", "Website", "Comment:"."""
    return len(text) <= 40 and bool(_FORM_FIELD.match(text))


def _form_fields_at(lines: Sequence[_Line], i: int) -> bool:
    """Two form field labels within three lines from ``i``: a comment form."""
    if not _is_form_field(lines[i].text):
        return False
    return any(k < len(lines) and _is_form_field(lines[k].text) for k in (i + 1, i + 2))


def _is_comment_prompt(text: str) -> bool:
    return _word_count(text) <= 8 and bool(_COMMENT_PROMPT.search(text))


def _is_action_line(text: str) -> bool:
    """Reply / report / vote widgets and comment-plugin lines (shared recogniser)."""
    return R.is_comment_noise_line(text) or R.is_load_more_line(text)


def _is_site_boilerplate(text: str) -> bool:
    """Legal, privacy, subscription and community-rules sentences of a site's frame, not of a story."""
    if len(text) > 400:
        return False
    if _SITE_BOILERPLATE.search(text):
        return True
    return bool(_SIGNUP_WORDS.search(text)) and _word_count(text) < PROSE_MIN_WORDS


def _is_contact_line(text: str) -> bool:
    """The author's contact note under a story (shared recogniser, plus "can be reached at")."""
    return len(text) <= 300 and (R.is_contact_line(text) or bool(_REACHED_AT.search(text)))


def _is_promo_line(text: str) -> bool:
    """A short call to action of the site: "Check out more articles on ...!", "Add X to your feed."."""
    return _word_count(text) <= PROMO_MAX_WORDS and bool(_PROMO.match(text))


def _is_credit_line(text: str) -> bool:
    """A picture credit or caption label: "Photo: Reuters", "Beitragsbild: ..."."""
    return _word_count(text) <= CREDIT_MAX_WORDS and bool(_CREDIT.match(text))


def _is_ui_line(text: str) -> bool:
    """A share-bar or article-tools line: "Share on Twitter", "Share via Email", "Print Article", "Save"."""
    return _word_count(text) <= UI_LINE_MAX_WORDS and bool(_UI_LINE.match(text))


def _is_trailer_line(text: str) -> bool:
    """A line a site prints after the story: previous/next-article links, a suggested citation, a
    comment-policy note, a short appeal to click or donate, production credits ("Editing by ...")."""
    if len(text) > TRAILER_MAX_CHARS:
        return False
    if _ARTICLE_NAV.match(text) or _CITATION.match(text) or _COMMENT_POLICY.search(text) or _PRODUCTION_CREDIT.match(text):
        return True
    return _word_count(text) < PROSE_MIN_WORDS and bool(_APPEAL.search(text))


def _is_tags_line(text: str) -> bool:
    """The story's tags: "#Backup #Encryption #Cloud", "Tags: a, b", "Schlagwörter: ..."."""
    return len(text) <= TAGS_MAX_CHARS and bool(_TAGS_LINE.match(text))


def _is_separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text))


def _is_pingback(text: str) -> bool:
    """"Pingback: <title>" / "Trackback: ..." lines listed among comments: links, not comments."""
    return R.is_pingback_line(text)


def _is_social_feed(text: str) -> bool:
    """A social-feed widget line: the shared recogniser, plus feed items quoting @handles or "- 3 weeks ago"."""
    return R.is_social_feed_line(text) or (len(text) <= SOCIAL_MAX_CHARS and bool(_SOCIAL_FEED.search(text)))


def _is_author_links(text: str) -> bool:
    """"Latest posts by Jane Doe (see all)", "More from Jane Doe": author-box links (shared recogniser)."""
    return len(text) <= 120 and R.is_latest_posts_line(text)


def _is_about_author(text: str) -> bool:
    """An author-box header: "About the author", "Über Jane Doe", "Written By Jane Doe" (shared recogniser)."""
    if len(text) > ABOUT_MAX_CHARS:
        return False
    rest = R.strip_bio_header(text)
    return rest != text.strip() and (not rest or _looks_like_person_name(rest))


def _strip_number(text: str) -> tuple[int | None, str]:
    """("2. Text" -> (2, "Text")); lines without a marker come back unchanged."""
    m = _NUMBER_MARKER.match(text)
    if not m:
        return None, text
    return int(m.group("n")), text[m.end():]


def _name_tokens(name: str) -> set[str]:
    return {t for t in words(name) if len(t) > 1 and t not in _NAME_PARTICLES}


# --------------------------------------------------------------------------------------------
# Lines and the page layout
# --------------------------------------------------------------------------------------------


@attrs.define(slots=True)
class _Line:
    text: str
    blank_before: int
    indent: int
    nwords: int
    sentence: bool
    weight: float | None = None  # computed once by _weight
    name: bool | None = None  # computed once by _is_name_line
    credit: bool | None = None  # computed once by _is_credit


@attrs.define(slots=True)
class _Layout:
    lines: list[_Line]
    headline: int | None = None
    subheadline: int | None = None
    body_start: int = 0
    body_end: int = -1  # inclusive; < body_start when no body
    dateline: Dateline | None = None
    paragraphs: list[Block] = attrs.field(factory=list)
    bylines: list[Byline] = attrs.field(factory=list)
    bios: list[AuthorBio] = attrs.field(factory=list)
    bio_lines: set[int] = attrs.field(factory=set)
    published: _dt.datetime | None = None
    comments: list[Comment] = attrs.field(factory=list)


def _lines(page: Page) -> list[_Line]:
    """The page's lines as units: one per line, or one per paragraph when the text is hard-wrapped."""
    rows = [(b.text, b.blank_before, b.indent) for b in page.blocks]
    out: list[_Line] = []
    for text, blank, indent in _unwrap(rows):
        out.append(_Line(text, blank, indent, _word_count(text), _ends_sentence(text)))
    return out


def _wrap_width(rows: Sequence[tuple[str, int, int]]) -> int | None:
    """The column a hard-wrapped text was filled to ("save as text", ``lynx -dump``, mail archives), or None.

    Lines followed by another line of the same paragraph end near the wrap column in a filled text;
    in a text with one paragraph per line they do not exist or have any length.
    """
    followed = [len(rows[i][0]) + rows[i][2] for i in range(len(rows) - 1) if rows[i + 1][1] == 0]
    if len(followed) < WRAP_MIN_LINES:
        return None
    followed.sort()
    width = followed[int(len(followed) * 0.9)]
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return None
    near = sum(1 for n in followed if width - WRAP_SLACK <= n <= width + 2)
    return width if near >= WRAP_NEAR_SHARE * len(followed) else None


def _unwrap(rows: Sequence[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Join the lines of hard-wrapped paragraphs: a line continues the one above when that one was full
    (the next word would not have fitted in the wrap column)."""
    width = _wrap_width(rows)
    if width is None:
        return list(rows)
    # parts of each paragraph are collected and joined once (joining per line is quadratic in its length)
    paras: list[tuple[list[str], int, int]] = []
    last_len = 0
    for text, blank, indent in rows:
        first_word = text.split(" ", 1)[0]
        if paras and blank == 0 and last_len + 1 + len(first_word) > width and not _LIST_START.match(text):
            parts = paras[-1][0]
            prev = parts[-1]
            if prev.endswith("-") and not prev.endswith(" -"):
                parts[-1] = prev + text  # a hyphenated word broken at the line end
            else:
                parts.append(text)
        else:
            paras.append(([text], blank, indent))
        last_len = len(text) + indent
    return [(" ".join(parts), blank, indent) for parts, blank, indent in paras]


def _layout(page: Page) -> _Layout:
    cached = page.__dict__.get("_textmode_layout")
    if isinstance(cached, _Layout):
        return cached
    lay = _build_layout(page)
    page.__dict__["_textmode_layout"] = lay
    return lay


def _build_layout(page: Page) -> _Layout:
    lines = _lines(page)
    lay = _Layout(lines)
    if not lines:
        return lay
    _weigh_lists(lines)
    cuts = _cut_lines(lines)
    lay.body_start, lay.body_end = _body_run(lines, cuts)
    for barrier in _comment_barriers(lines):
        if barrier > lay.body_end:
            break
        s, e = _body_run(lines[:barrier], cuts)
        if e >= s and _no_prose_between(lines, cuts, e + 1, barrier) and _run_weight(lines, s, e) >= BARRIER_MIN_SHARE * _run_weight(lines, lay.body_start, lay.body_end):
            lay.body_start, lay.body_end = s, e
            break
    if lay.body_end > lay.body_start and lay.body_end + 1 < len(lines) and _EMBED_ATTRIBUTION.match(lines[lay.body_end + 1].text):
        lay.body_end -= 1  # the story closes on an embedded post (its text, then "— Name (@handle) <date>")
        while lay.body_end > lay.body_start and _weight(lines[lay.body_end]) <= 0:
            lay.body_end -= 1
    lay.body_start = _dateline_start(lines, lay.body_start, lay.body_end)
    lay.body_start = _header_stack_start(lines, lay.body_start, lay.body_end)
    lay.body_start = _intro_start(lines, lay.body_start, cuts)
    while lay.body_start < lay.body_end and _CAPTION_TAIL.search(lines[lay.body_start].text):
        lay.body_start += 1  # a photo caption over the story: "... Jane Doe / Getty Images"
    if lay.body_end < lay.body_start:
        return lay
    lay.headline, lay.subheadline = _find_headline(lines, lay.body_start, page.url, cuts)
    header_from = lay.headline if lay.headline is not None else max(0, lay.body_start - HEADER_WINDOW)
    comment_start = _comment_start(lines, lay.body_end + 1)
    tail_end = comment_start if comment_start is not None else len(lines)
    lay.bylines = _top_bylines(lay, header_from, tail_end)
    bio_from = _trim_bio_tail(lay)
    _fill_body(lay)
    _find_bios(lay, header_from, lay.body_start, boxes_only=True)  # an author box printed under the byline
    _find_bios(lay, bio_from, tail_end)
    lay.bylines = _merge_bylines(lay.bylines + [Byline(name=b.name, role=b.title) for b in lay.bios if b.name])
    lay.published = _find_published(lines, header_from, lay.body_start, page.url, lay.body_end, lay.headline)
    if comment_start is not None:
        lay.comments = _find_comments(lines, comment_start, lay)
    return lay


def _cut_lines(lines: Sequence[_Line]) -> set[int]:
    """Lines no body run may cross: comment headers and forms, author-box lines."""
    cuts: set[int] = set()
    n = len(lines)
    # comment headings and form lines: a name over a date near one of them heads a comment
    marks = [i for i, ln in enumerate(lines) if _is_comment_heading(ln.text) or _is_comment_form(ln.text)]
    cuts.update(marks)
    for i, ln in enumerate(lines):
        t = ln.text
        if (
            i in cuts
            or _is_says_header(t)
            or _is_author_links(t)
            or _is_about_author(t)
            or _is_signature(t)
        ):
            cuts.add(i)
            continue
        if _is_separator(t) and (i + 1 >= n or _weight(lines[i + 1]) <= 0):
            cuts.add(i)  # a rule followed by a label: the story is over ("___" / "SHARE YOUR STORY")
            continue
        if _is_byline_line(t) is not None:
            cuts.add(i)  # the byline closes the header: the story starts after it
            continue
        if _is_tags_line(t):
            cuts.add(i)  # the story's tags close it
            continue
        if ln.nwords >= BIO_MIN_WORDS and _bio_at(lines, i) is not None:
            cuts.add(i)
            continue
        # a short name-like line directly followed by a date line: a comment header
        if i + 1 < n and ln.nwords <= COMMENT_AUTHOR_MAX_WORDS and not ln.sentence and _is_date_line(lines[i + 1].text) and not _is_date_line(t):
            if any(i + k < n and lines[i + k].nwords >= SENTENCE_MIN_WORDS for k in (2, 3)) and _near_mark(marks, i):
                cuts.add(i)
    return cuts


def _near_mark(marks: Sequence[int], i: int) -> bool:
    """Whether one of the sorted line numbers ``marks`` lies within COMMENT_CONTEXT_LINES of ``i``."""
    k = bisect.bisect_left(marks, i - COMMENT_CONTEXT_LINES)
    return k < len(marks) and marks[k] <= i + COMMENT_CONTEXT_LINES


def _no_prose_between(lines: Sequence[_Line], cuts: set[int], start: int, end: int) -> bool:
    """Whether only short lines, author-box and comment lines lie in ``[start, end)`` (no second story)."""
    return end - start <= BARRIER_MAX_DISTANCE and all(
        k in cuts or lines[k].nwords < SENTENCE_MIN_WORDS or _weight(lines[k]) <= 0 for k in range(start, end)
    )


def _run_weight(lines: Sequence[_Line], start: int, end: int) -> float:
    return sum(_weight(lines[i]) for i in range(start, end + 1))


def _comment_barriers(lines: Sequence[_Line]) -> list[int]:
    """Comment sections (a heading with comments under it, or a "says:" header) after enough prose: each may
    end the story above it, so that long comments do not outweigh a short story."""
    prose = 0.0
    out: list[int] = []
    for i, ln in enumerate(lines):
        t = ln.text
        if prose >= BARRIER_MIN_PROSE and (
            _is_says_header(t) or (_is_comment_heading(t) and _comment_evidence(lines, i + 1))
        ):
            out.append(i)
            if len(out) >= MAX_BARRIERS:
                break
        prose += max(0.0, _weight(ln)) if ln.nwords >= SENTENCE_MIN_WORDS else 0.0
    return out


def _weigh_lists(lines: Sequence[_Line]) -> None:
    """A list introduced by a sentence ending with a colon ("Volunteers are asked to:" / "Arrive by
    nine;" / ...) belongs to the story when prose follows it: its short items get a small weight
    instead of counting as a gap of short lines (menus and link lists have no such introduction)."""
    n = len(lines)
    i = 0
    while i < n:
        ln = lines[i]
        if not (ln.text.endswith(":") and ln.nwords >= INTRO_SHORT_MIN_WORDS and _weight(ln) > 0 and not _is_title_case(ln.text)):
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= LIST_MAX_ITEMS and _weight(lines[j]) <= 0 and _is_list_item(lines[j]):
            j += 1
        if i + 1 < j < n and j - i <= LIST_MAX_ITEMS and _weight(lines[j]) > 0:
            for k in range(i + 1, j):
                lines[k].weight = LIST_ITEM_WEIGHT
        i = max(j, i + 1)


def _is_list_item(ln: _Line) -> bool:
    """A short item of a list in the story: not a link, a date, a separator, a heading in title case or site furniture."""
    t = ln.text
    return (
        1 <= ln.nwords <= LIST_ITEM_MAX_WORDS
        and not _is_url_line(t)
        and not _is_date_line(t)
        and not _is_separator(t)
        and not _is_title_case(t)
        and not _is_site_boilerplate(t)
        and not _is_promo_line(t)
        and not _is_ui_line(t)
        and not _is_trailer_line(t)
    )


def _weight(ln: _Line) -> float:
    """How much a line counts for the story run (cached on the line)."""
    if ln.weight is None:
        ln.weight = _line_weight(ln)
    return ln.weight


def _line_weight(ln: _Line) -> float:
    t = ln.text
    if _is_url_line(t) or _is_date_line(t) or _is_site_boilerplate(t) or _is_contact_line(t) or _is_promo_line(t) or _is_credit_line(t):
        return -SHORT_LINE_COST
    if _is_trailer_line(t):
        return -SHORT_LINE_COST
    if ln.nwords >= PROSE_MIN_WORDS:
        return float(len(t))
    if ln.sentence and ln.nwords >= SENTENCE_MIN_WORDS:
        return MEDIUM_SENTENCE_WEIGHT * len(t)
    if (ln.sentence and ln.nwords >= 3) or (ln.nwords >= INTRO_MIN_WORDS and t.endswith(":")):
        return SHORT_SENTENCE_WEIGHT * len(t)
    return -SHORT_LINE_COST


def _body_run(lines: Sequence[_Line], cuts: set[int]) -> tuple[int, int]:
    """The story's lines: the heaviest run with short gaps, its start taken back over longer gaps.

    A story's head is often broken up by photo galleries and share bars (long gaps before the first
    paragraphs); its end is followed by related links and promos (short gaps, then more prose).
    """
    s, e = _heaviest_run(lines, cuts, BODY_MAX_GAP)
    s2, e2 = _heaviest_run(lines, cuts, BODY_MAX_HEAD_GAP)
    if s2 <= s <= e <= e2:
        s = s2
    return s, e


def _heaviest_run(lines: Sequence[_Line], cuts: set[int], max_gap: int) -> tuple[int, int]:
    """The maximum-weight run of lines that crosses no cut line and no gap of ``max_gap`` short lines (Kadane)."""
    weights = [_weight(ln) for ln in lines]
    best, best_s, best_e = 0.0, 0, -1
    cur, cur_s = 0.0, 0
    gap = 0
    for i, w in enumerate(weights):
        if i in cuts:
            cur, cur_s, gap = 0.0, i + 1, 0
            continue
        gap = gap + 1 if w <= 0 else 0
        if gap >= max_gap:
            cur, cur_s = 0.0, i + 1
            continue
        if cur <= 0:
            cur, cur_s = w, i
        else:
            cur += w
        if cur > best:
            best, best_s, best_e = cur, cur_s, i
    if best_e < best_s:
        return best_s, best_e
    # a short closing line after a one-line gap ("UP NEXT" / "Lakers: Visit the Thunder on Friday.")
    end = best_e
    k = end + 1
    while k < len(lines) and k not in cuts and (
        weights[k] > 0 or (k + 1 < len(lines) and weights[k + 1] > 0 and k == end + 1 and not _TRUNCATED.search(lines[k].text))
    ):
        if weights[k] > 0 and "\u00a9" in lines[k].text:
            break
        if weights[k] > 0:
            end = k
        k += 1
        if k - end > 2:
            break
    while end > best_s and _is_teaser_tail(lines[end]):
        end -= 1
    for k in range(max(best_s + 1, end - SEPARATOR_TRAILER_LINES), end + 1):
        if _is_separator(lines[k].text):
            end = k - 1  # a rule then a line or two: the wire's trailer ("___" / "Jane Doe reported from ...")
            while end > best_s and weights[end] <= 0:
                end -= 1
            break
    return best_s, end


def _is_teaser_tail(ln: _Line) -> bool:
    """A short question or trailing-dots line at the end of a run: a teaser or a "You may also like..." label."""
    t = ln.text.rstrip()
    return ln.nwords < SENTENCE_MIN_WORDS and (t.endswith("?") or t.endswith("...") or t.endswith("\u2026"))


def _dateline_start(lines: Sequence[_Line], start: int, end: int) -> int:
    """A story opens with its dateline: a dateline paragraph early in the run starts the body."""
    total = sum(max(0.0, _weight(lines[i])) for i in range(start, end + 1))
    before = 0.0
    for i in range(start, end + 1):
        ln = lines[i]
        if ln.nwords >= SENTENCE_MIN_WORDS and split_dateline(ln.text)[0] is not None:
            return i if i > start and before < DATELINE_START_SHARE * total else start
        before += max(0.0, _weight(ln))
    return start


def _header_stack_start(lines: Sequence[_Line], start: int, end: int) -> int:
    """A header stack early in the run (a heading with its date or byline line: blog pages open with the
    blog's description, then the post's date and title) starts the body after it."""
    total = sum(max(0.0, _weight(lines[i])) for i in range(start, end + 1))
    before = 0.0
    out = start
    for i in range(start, end + 1):
        if before >= DATELINE_START_SHARE * total:
            break
        before += max(0.0, _weight(lines[i]))
        if i == start or i - start > HEADER_STACK_MAX_LINES or not _heading_like(lines[i]) or _weight(lines[i]) > 0 or "/" in lines[i].text:
            continue
        above = _is_date_line(lines[i - 1].text)
        below = i + 1 <= end and (_is_date_line(lines[i + 1].text) or _is_byline_line(lines[i + 1].text) is not None)
        if not (above or below):
            continue
        k = i + 1
        while k <= end and (_is_date_line(lines[k].text) or _is_byline_line(lines[k].text) is not None or _is_credit(lines[k])):
            k += 1
        if k <= end and _weight(lines[k]) > 0:
            out = k
    return out


def _intro_start(lines: Sequence[_Line], start: int, cuts: set[int]) -> int:
    """A short line ending with a colon right above the story's first paragraph introduces it
    ("A new study from the institute:"), when a heading stands right above it."""
    i = start - 1
    if i < 1 or i in cuts:
        return start
    t = lines[i].text
    if t.endswith(":") and INTRO_SHORT_MIN_WORDS <= lines[i].nwords < INTRO_MIN_WORDS and not _is_form_field(t) and not _is_credit_line(t) and _heading_like(lines[i - 1]):
        return i
    return start


def _heading_like(ln: _Line) -> bool:
    t = ln.text
    if not 2 <= ln.nwords <= HEADLINE_MAX_WORDS or not 10 <= len(t) <= HEADLINE_MAX_CHARS:
        return False
    if _NOT_HEADLINE_END.search(t) or _INNER_SENTENCE.search(t) or _NAV_SEPARATORS.search(t):
        return False
    if _is_url_line(t) or _is_date_line(t) or _is_byline_line(t) is not None or t.islower():
        return False
    if _is_comment_heading(t) or _is_comment_prompt(t) or _is_action_line(t) or _is_ui_line(t):
        return False
    return not (ln.nwords <= 6 and _COMMENT_WORD.match(t))


def _slug_words(url: str | None) -> set[str]:
    """The words of the longest hyphenated path segment of the URL (the story's slug), if it has enough."""
    if not url:
        return set()
    path = re.sub(r"[?#].*$", "", url.split("://", 1)[-1])
    parts = [p for p in path.split("/")[1:] if p]
    best: list[str] = []
    for p in parts:
        p = re.sub(r"\.[a-z]{2,5}$", "", p.lower())
        toks = [w for w in re.split(r"[-_+.]+", p) if w.isalpha() and len(w) > 2]
        if len(toks) > len(best):
            best = toks
    return set(best) if len(best) >= SLUG_MIN_WORDS else set()


def _find_headline(
    lines: Sequence[_Line], body_start: int, url: str | None, cuts: set[int]
) -> tuple[int | None, int | None]:
    scored = _headline_scores(lines, body_start, url, cuts)
    if not scored:
        return None, None
    best_i = max(scored, key=lambda item: item[1])[0]  # the first (lowest-ranked) of equal scores
    sub = None
    nxt = best_i + 1
    if (
        nxt < body_start
        and lines[nxt].nwords >= 5
        and not _is_date_line(lines[nxt].text)
        and _is_byline_line(lines[nxt].text) is None
        and not _is_url_line(lines[nxt].text)
        and not _is_credit(lines[nxt])
        and norm(lines[nxt].text) != norm(lines[best_i].text)
    ):
        sub = nxt
    return best_i, sub


def _headline_scores(lines: Sequence[_Line], body_start: int, url: str | None, cuts: set[int]) -> list[tuple[int, float]]:
    """Each headline candidate above the body with its score, nearest the body first."""
    lo = max(0, body_start - HEADLINE_WINDOW)
    cands = [
        i
        for i in range(lo, body_start)
        if i not in cuts and (_heading_like(lines[i]) or _anchored_heading(lines, i)) and not _is_credit(lines[i])
    ]
    if not cands:
        return []
    slug = _slug_words(url)
    texts = [norm(ln.text) for ln in lines]
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    out: list[tuple[int, float]] = []
    for rank, i in enumerate(reversed(cands)):
        t = texts[i]
        score = -HEADLINE_DISTANCE_COST * rank
        nw = lines[i].nwords
        if slug:
            toks = {w for w in words(lines[i].text) if len(w) > 2}
            score += HEADLINE_SLUG_WEIGHT * len(toks & slug) / len(slug)
        if nw >= 4 and _header_follows(lines, i, body_start):
            score += HEADLINE_HEADER_WEIGHT
            if _header_follows(lines, i, body_start, HEADER_ADJACENT_LINES):
                score += HEADLINE_HEADER_WEIGHT  # the byline or date right under it
        if nw >= 4 and counts[t] > 1 or (len(t) >= 20 and any(t in other for j, other in enumerate(texts) if j != i and len(other) > len(t))):
            score += HEADLINE_REPEAT_WEIGHT  # the title line and the heading, or a breadcrumb
        score += 0.5 if nw >= 4 else -1.0
        if nw > 20:
            score -= 1.0  # captions and teasers run longer than headlines
        if find_dates(lines[i].text):
            score -= HEADLINE_DATE_COST  # photo captions carry the day the picture was taken
        if nw >= 4 and _credit_under(lines, i):
            score += HEADLINE_HEADER_WEIGHT  # the byline right under it: the top of the header stack
        if _CAPTION_CREDIT.search(lines[i].text):
            score -= HEADLINE_CAPTION_COST
        out.append((i, score))
    return out


def _anchored_heading(lines: Sequence[_Line], i: int) -> bool:
    """A headline printed as a sentence ("Town says 'No. We mean it.' It might.") counts
    when a credit line or a date line stands right under it: the header stack, not a caption."""
    ln = lines[i]
    t = ln.text
    if not 4 <= ln.nwords <= HEADLINE_MAX_WORDS or len(t) > HEADLINE_MAX_CHARS or i + 1 >= len(lines):
        return False
    if t.endswith(":") or _is_url_line(t) or _is_date_line(t) or _is_byline_line(t) is not None or _CAPTION_CREDIT.search(t):
        return False
    if _is_comment_heading(t) or _is_comment_prompt(t) or _is_action_line(t) or _is_ui_line(t):
        return False
    if ln.nwords > ANCHORED_MAX_WORDS or _ANCHORED_NOT_END.search(t):
        return False
    if i > 0 and lines[i - 1].nwords >= 4 and _heading_like(lines[i - 1]):
        return False  # the dek under the headline
    return _is_date_line(lines[i + 1].text) or _credit_under(lines, i)


def _credit_under(lines: Sequence[_Line], i: int) -> bool:
    """Whether a byline ("By Jane Doe") or a credit line ("Jane Doe, Daily News") is printed right under line ``i``."""
    if i + 1 >= len(lines):
        return False
    nxt = lines[i + 1]
    if nxt.nwords < 2 or nxt.sentence or not nxt.text[:1].isupper():
        return False  # a credit names someone: two words or more, capitalised
    return _is_byline_line(nxt.text) is not None or (_is_credit(nxt) and not _PICTURE_CREDIT.search(nxt.text))


def _is_credit(ln: _Line) -> bool:
    """A name with a title or an outlet ("Jane Doe Political Correspondent", "Jane Doe, Daily News"): a byline."""
    if ln.credit is None:
        ln.credit = (
            ln.nwords <= CREDIT_LINE_MAX_WORDS
            and not _NOT_IN_CREDIT.search(ln.text)
            and any(b.role or b.affiliation for b in _byline_people(ln.text))
        )
    return ln.credit


def _header_follows(lines: Sequence[_Line], i: int, body_start: int, within: int = 0) -> bool:
    """Whether a byline or a date line follows line ``i`` closely (headline, dek, byline, date), or
    a date line stands right above it (date, headline)."""
    if i > 0 and _is_date_line(lines[i - 1].text):
        return True
    for k in range(i + 1, min(body_start + 1, i + 1 + (within or HEADER_FOLLOW_LINES), len(lines))):
        t = lines[k].text
        if _is_date_line(t) or _is_byline_line(t) is not None:
            return True
    return False


def _fill_body(lay: _Layout) -> None:
    lines = lay.lines
    first = True
    for i in range(lay.body_start, lay.body_end + 1):
        ln = lines[i]
        t = ln.text
        if i == lay.subheadline or i == lay.headline:
            continue
        if _is_url_line(t) or _is_date_line(t) or _is_action_line(t) or _is_comment_prompt(t):
            continue
        w = _weight(ln)
        if w < 0:
            if _heading_like(ln) and lay.paragraphs:
                lay.paragraphs.append(Block(kind="heading", text=t))
            continue
        if first:
            first = False
            dl, rest = split_dateline(t)
            if dl is not None and rest.strip():
                lay.dateline = dl
                t = rest.strip()
            elif i > 0 and _DATELINE_ALONE.search(lines[i - 1].text) and lines[i - 1].nwords <= DATELINE_LINE_MAX_WORDS:
                dl, rest = split_dateline(f"{lines[i - 1].text} {t}")  # "WASHINGTON —" printed on its own line
                if dl is not None and rest.strip() == t.strip():
                    lay.dateline = dl
        lay.paragraphs.append(Block(kind="paragraph", text=t))
    while lay.paragraphs and lay.paragraphs[-1].kind == "heading":
        lay.paragraphs.pop()
    if lay.paragraphs:
        last = lay.paragraphs[-1]
        m = _SIGNOFF_INITIALS.search(last.text)
        if m is not None and m.start() > 0:
            lay.paragraphs[-1] = Block(kind=last.kind, text=last.text[: m.start()])  # "... gestorben. (ab)"


def _is_name_line(ln: _Line) -> bool:
    """Whether the line is a person's name, bare or under a header word ("Written By Jane Doe") (cached)."""
    if ln.name is None:
        ln.name = ln.nwords <= NAME_LINE_MAX_WORDS and any(
            c and _looks_like_person_name(c) for c in (ln.text, R.strip_bio_header(ln.text))
        )
    return ln.name


def _box_name_lines(lines: Sequence[_Line], i: int) -> list[tuple[int, str]]:
    """Name lines of an author box above line ``i`` (nearest first): "Jane Doe", "Written By Jane Doe", "Über Jane"."""
    out: list[tuple[int, str]] = []
    for k in range(i - 1, max(-1, i - 1 - BIO_NAME_DISTANCE), -1):
        if not _is_name_line(lines[k]):
            continue
        t = lines[k].text
        out.append((k, t if _looks_like_person_name(t) else R.strip_bio_header(t)))
    return out


def _bio_at(lines: Sequence[_Line], i: int) -> tuple[str, int, str | None] | None:
    """(name, name line, title) when line ``i`` is an author box's bio: a bio sentence about the name
    line above it, possibly after a short title ("Projektleiterin. Jane Doe hat ...")."""
    boxes = _box_name_lines(lines, i)
    if not boxes:
        return None
    names = [name for _k, name in boxes]
    text = lines[i].text
    title = None
    if not _PERSON_WORDS.search(text):
        return None  # "Roth IRA was created through the Act of 1997" under a "ROTH IRA" heading
    subject = R.bio_subject(text, names) or _opens_with(text, names)
    if subject is None:
        m = _TITLE_PREFIX.match(text)
        if m is None:
            return None
        rest = text[m.end():]
        subject = R.bio_subject(rest, names) or _opens_with(rest, names)
        if subject is None:
            return None
        title = m.group(1)
    k = next(k for k, name in boxes if name == subject)
    return subject, k, title


def _joined_bio(lines: Sequence[_Line], i: int, end: int) -> tuple[int, str]:
    """Line ``i`` joined with the next lines that continue it (a rendering that broke a paragraph at its
    links: the next line opens in lower case, or this one stops without a sentence end): (end, text)."""
    parts = [lines[i].text]
    j = i + 1
    while j < end and j - i <= BIO_JOIN_LINES and (lines[j].text[:1].islower() or not lines[j - 1].sentence) and lines[j].nwords >= 2:
        parts.append(lines[j].text)
        j += 1
    return j, " ".join(parts)


def _opens_with(text: str, names: Sequence[str]) -> str | None:
    """The name of the box's name line when the sentence under it opens with that full name and a verb
    in any language ("Jane Doe hat ...", "Jane Doe est ..."): the bio of the box."""
    if _word_count(text) < BIO_MIN_WORDS:
        return None
    for name in names:
        if name and text.startswith(name + " ") and text[len(name) + 1:len(name) + 2].islower():
            return name
    return None


def _about_name(text: str) -> str | None:
    """The person an author-box header names: "Über Jane Doe", "About Jane Doe 257 Artikel" (post count)."""
    if len(text) > ABOUT_MAX_CHARS:
        return None
    rest = R.strip_bio_header(text)
    if rest == text.strip():
        return None
    rest = _POST_COUNT.sub("", rest).strip()
    return rest if rest and _looks_like_person_name(rest) else None


def _contact_bio(text: str, credited: Sequence[str]) -> tuple[str, str | None] | None:
    """(name, title) of a contact sentence about a credited author closing the story ("Staff writer Jane Doe
    can be reached at ..."): the short author note of the page."""
    if not credited or not _REACHED_AT.search(text) or len(text) > SOCIAL_MAX_CHARS:
        return None
    for name in credited:
        k = text.find(name)
        if k < 0:
            continue
        before = text[:k].strip()
        title = before if before and _word_count(before) <= 3 and not _ends_sentence(before) else None
        if before and title is None:
            continue
        return name, title
    return None


def _find_bios(lay: _Layout, start: int, end: int, *, boxes_only: bool = False) -> None:
    """Author boxes in ``[start, end)``: a bio sentence about a name line above it, or (unless
    ``boxes_only``, after the story) about a credited author, or, right after the story or under an
    "About the author" heading, about any person."""
    lines = lay.lines
    credited = [b.name for b in lay.bylines]
    skip_to = start
    for i in range(start, end):
        if i < skip_to:
            continue
        t = lines[i].text
        title = None
        if not boxes_only and len(credited) > 1 and R.bio_subject(t, credited) is not None:
            j, joined = _joined_bio(lines, i, end)
            parts = R.split_bios(joined, credited)
            if len(parts) >= 2:  # the bios of co-authors in one paragraph
                lay.bios.extend(AuthorBio(name=nm, title=None, text=seg) for nm, seg in parts)
                lay.bio_lines.update(range(i, j))
                skip_to = j
                continue
        box = _bio_at(lines, i)
        if box is not None:
            name, k, title = box
            between = [lines[j].text for j in range(k + 1, i) if not _looks_like_person_name(lines[j].text) and not _is_date_line(lines[j].text)]
            if title is None and len(between) == 1 and _word_count(between[0]) <= 8 and not _ends_sentence(between[0]):
                title = between[0]
        elif boxes_only:
            continue
        else:
            found = R.bio_subject(t, credited) if credited else None
            contact = _contact_bio(t, credited) if found is None and i - start <= HEADER_ADJACENT_LINES else None
            if contact is not None:
                found, title = contact
            if found is None and lines[i].nwords >= BIO_MIN_WORDS and _PERSON_WORDS.search(t):
                found = next((nm for j in range(max(start, i - 2), i) if (nm := _about_name(lines[j].text))), None)
            if found is None:
                about = any(_is_about_author(lines[j].text) for j in range(max(start, i - 3), i))
                found = R.bio_subject(t) if about or i - start <= BIO_AFTER_BODY_LINES else None
                if found is not None and not _looks_like_person_name(found):
                    found = None  # "The City has ...", "The Associated Press is ...": not a person
            if found is None:
                continue
            name = found
        lay.bios.append(AuthorBio(name=name, title=title, text=t))
        lay.bio_lines.add(i)


def _near_date_line(lines: Sequence[_Line], i: int) -> bool:
    """Whether a date line (or a short line holding a date, "Wire ServiceMarch 3, 2015") is next to line ``i``."""
    return any(
        0 <= k < len(lines) and (_is_date_line(lines[k].text) or (lines[k].nwords <= DATE_LINE_MAX_WORDS and bool(find_dates(lines[k].text))))
        for k in (i - 1, i + 1, i + 2)
    )


def _header_credit(lines: Sequence[_Line], i: int, headline: int, body_start: int) -> list[Byline]:
    """The people of a credit line without "By" in the header stack: names with an outlet or a title
    ("Jane Doe, Daily News", "Jane Doe and AP", "Jane Doe Political Correspondent"), or a bare name
    printed next to the headline, the date line or the first paragraph; a date on the line is set aside
    ("1. Februar 2022 Jane Doe 6")."""
    ln = lines[i]
    t = ln.text
    if ln.sentence or ln.nwords > CREDIT_LINE_MAX_WORDS or _NOT_IN_CREDIT.search(t) or _is_ui_line(t) or _is_credit_line(t) or _PICTURE_CREDIT.search(t):
        return []
    found = R.find_date_text(t)
    dated = bool(found) and any(ch.isdigit() for ch in found or "")
    if dated and found:
        t = _TRAILING_COUNT.sub("", t.replace(found, " ")).strip(" ,|-\u2013\u2014")
        if not t or len(words(t)) > NAME_LINE_MAX_WORDS or not t[:1].isalpha():
            return []
    people = _byline_people(t)
    if not people or not all(_AGENCY.match(b.name) or (_looks_like_person_name(b.name) and not b.name.isupper()) for b in people):
        return []  # "EDITORS PICK", "DAL NOSTRO INVIATO": without "By", names in capitals are labels
    credited = any(b.role or b.affiliation for b in people) or len(people) > 1
    placed = dated or i == headline + 1 or i == body_start - 1 or _near_date_line(lines, i) or (i >= 2 and _is_date_line(lines[i - 2].text))
    if credited and (placed or i - headline <= HEADER_ADJACENT_LINES + 1):
        return people
    if placed:
        return people
    return []


def _top_bylines(lay: _Layout, header_from: int, tail_end: int) -> list[Byline]:
    """Byline lines of the header ("By ..."), else the "Posted by" signature under the story."""
    lines = lay.lines
    found: list[Byline] = []
    last = -1  # the last line that credited someone without "By"
    stop = min(lay.body_start + 3, len(lines))
    signed = any(_is_byline_line(lines[i].text) is not None for i in range(header_from, stop))
    for i in range(header_from, stop):
        t = lines[i].text
        if _is_byline_line(t) is not None:
            found.extend(_byline_people(t))
            continue
        if signed or (found and i != last + 1):
            continue  # bare names after the byline block: tags, related people, a repeated header
        if i > header_from and i < lay.body_start and _looks_like_person_name(t) and not t.endswith(",") and _near_date_line(lines, i):
            people = parse_byline(t)  # a bare name over or under the date line
        elif lay.headline is not None and lay.headline < i < lay.body_start:
            people = _header_credit(lines, i, lay.headline, lay.body_start)
        else:
            continue
        if people:
            found.extend(people)
            last = i
    if not found:
        for i in range(lay.body_end + 1, tail_end):
            if _is_signature(lines[i].text):
                people = _byline_people(lines[i].text)
                if people:
                    found.extend(people)
                    break
    return found


def _trim_bio_tail(lay: _Layout) -> int:
    """Take a closing bio sentence about a credited author ("Jane Doe is a reporter ...") off the body's end.

    Returns where the search for author boxes starts."""
    credited = [b.name for b in lay.bylines]
    end = lay.body_end
    if credited:
        # the bios may sit above a line or two of trailer ("Reprinted from ...")
        for k in range(end, max(lay.body_start, end - BIO_TAIL_LINES), -1):
            if R.bio_subject(lay.lines[k].text, credited) is not None:
                end = k - 1
                break
    while end > lay.body_start and credited and R.bio_subject(lay.lines[end].text, credited) is not None:
        end -= 1
    first_bio = end + 1
    lay.body_end = end
    return first_bio


def _merge_bylines(found: list[Byline]) -> list[Byline]:
    """One byline per person: a name contained in another (by tokens) is the same person."""
    out: list[Byline] = []
    for b in found:
        toks = _name_tokens(b.name)
        merged = False
        for j, o in enumerate(out):
            otoks = _name_tokens(o.name)
            if toks and otoks and (toks <= otoks or otoks <= toks):
                if o.role is None and b.role is not None:
                    out[j] = Byline(name=o.name, role=b.role, affiliation=o.affiliation, url=o.url)
                merged = True
                break
        if not merged:
            out.append(b)
    return out


def _find_published(lines: Sequence[_Line], header_from: int, body_start: int, url: str | None, body_end: int = -1, headline: int | None = None) -> _dt.datetime | None:
    """The day the story was published: a date line, byline or signature of the header (or a short line
    holding a date right under the headline: "Wire ServiceMarch 3, 2015"), else the URL's date,
    else a date line signing the story off under its last paragraph."""
    lo = max(0, header_from - 3)
    year = _url_year(url)
    for i in range(lo, min(len(lines), body_start + 1)):
        t = lines[i].text
        if len(t) > BYLINE_MAX_CHARS or not R.find_date_text(t) and not (headline is not None and headline < i < body_start):
            continue
        in_header = headline is not None and headline < i < body_start and lines[i].nwords <= DATE_LINE_MAX_WORDS and not lines[i].sentence
        if in_header or _is_date_line(t) or _is_byline_line(t) is not None or _is_signature(t):
            d = _published_in(t, year)
            if d is not None:
                return d
    d = date_from_url(url)
    if d is not None:
        return d
    for i in range(max(0, body_end + 1), min(len(lines), body_end + 1 + SIGNOFF_LINES)):
        if _is_date_line(lines[i].text):
            return _published_in(lines[i].text, year)
    return None


def _url_year(url: str | None) -> str | None:
    """The year a story's URL files it under ("/2019/11/slug"), for dates printed without one."""
    m = _URL_YEAR.search(url or "")
    return m.group(1) if m else None


def _published_in(text: str, year: str | None) -> _dt.datetime | None:
    """The publication date on a header line: the "Posted"/"Published" part before an "Updated" one
    ("Updated Mar 4, 7:05 AM;Posted Mar 3, 6:40 PM"); a date without a year takes the URL's year."""
    parts = [p for p in _DATE_PARTS.split(text) if p.strip()]
    parts.sort(key=lambda p: 0 if _PUBLISHED_WORD.search(p) else 1)
    for part in parts:
        d = _date_in(part)
        if d is not None:
            return d
        m = _YEARLESS_DAY.search(part) if year else None
        if m is not None:
            d = _date_in(f"{m.group(0)} {year}")
            if d is not None:
                return d
    return None


def _comment_date(text: str) -> _dt.datetime | None:
    """A comment's date; a stamp with a two-digit year and a clock time ("Tue, Mar 3, 09 at 04:20 PM")
    is read with the century added (the shared parser reads four-digit years there)."""
    d = _date_in(text)
    if d is not None:
        return d
    m = _SHORT_YEAR_STAMP.search(text)
    if m is None:
        return None
    return _date_in(f"{m.group('md')}, 20{m.group('yy')}")


def _date_in(text: str) -> _dt.datetime | None:
    found = find_dates(text)
    return found[0] if found else None


# --------------------------------------------------------------------------------------------
# Comments
# --------------------------------------------------------------------------------------------


def _comment_start(lines: Sequence[_Line], start: int) -> int | None:
    """Where the comment section begins after the body, or None when the page shows none.

    A comment heading followed by comment headers (names, dates, "says:"), a "says:" header or a
    "Posted by:" signature opens it; prose after the author boxes counts as comments only when it
    is numbered ("2. ...") and a comment form follows it.
    """
    n = len(lines)
    first, numbered, prose = start, False, False  # unlabelled comments since the last author-box line
    for i in range(start, n):
        t = lines[i].text
        if _is_says_header(t):
            return i
        if _is_comment_heading(t) and _comment_evidence(lines, i + 1):
            return i
        if _is_comment_form(t):
            if numbered and prose:
                return first
            continue
        if _is_author_links(t) or _is_social_feed(t):
            first, numbered, prose = i + 1, False, False
            continue
        numbered = numbered or _NUMBER_MARKER.match(t) is not None
        prose = prose or lines[i].nwords >= SENTENCE_MIN_WORDS
    signatures = [i for i in range(start, n) if _is_signature(lines[i].text) and (_comment_header(lines[i].text) or (None, None))[1]]
    if len(signatures) >= MIN_SIGNATURES:
        i = signatures[0]
        if i > start and lines[i - 1].nwords >= 3:
            # signatures after comment texts: the section starts at the first text
            j = i - 1
            while j > start and lines[j - 1].nwords >= 3 and not _is_signature(lines[j - 1].text):
                j -= 1
            return j
    return None


def _is_comment_header_at(lines: Sequence[_Line], i: int) -> bool:
    """Whether line ``i`` opens or signs a comment: "says:", "Posted by", "Name, <date>", a name over a date."""
    t = lines[i].text
    hdr = _comment_header(t)
    if hdr is not None and hdr[0]:
        return True
    if i + 1 < len(lines) and _is_date_line(lines[i + 1].text) and lines[i].nwords <= COMMENT_AUTHOR_MAX_WORDS:
        return (not lines[i].sentence or bool(_INITIAL_END.search(t))) and not _is_date_line(t)
    return _is_date_line(t) and i + 1 < len(lines) and lines[i + 1].nwords >= 3 and not _is_date_line(lines[i + 1].text)


def _comment_evidence(lines: Sequence[_Line], start: int) -> bool:
    """Comment headers and comment text in the lines after a comment heading (up to the form)."""
    headers = prose = 0
    for i in range(start, min(len(lines), start + COMMENT_EVIDENCE_WINDOW)):
        t = lines[i].text
        if _is_comment_form(t):
            break
        if _is_comment_header_at(lines, i):
            headers += 1
        elif lines[i].nwords >= 3 and not _is_action_line(t):
            prose += 1
        if headers and prose:
            return True
    return False


@attrs.define(slots=True)
class _Draft:
    paras: list[str] = attrs.field(factory=list)
    author: str | None = None
    date: _dt.datetime | None = None
    number: int | None = None
    sig_author: str | None = None
    sig_date: _dt.datetime | None = None
    footer: str | None = None  # the comment's own number from a "#1.2 - <date>" footer under it


def _find_comments(lines: Sequence[_Line], start: int, lay: _Layout) -> list[Comment]:
    """The comments from ``start`` to the comment form: runs of text lines split at header lines
    ("Jane says:", a name over a date, "Posted by" signatures), widget lines and, in a numbered list
    without headers, at the next number ("2. ..."); each gets the author and date of its header or signature."""
    n = len(lines)
    drafts: list[_Draft] = []
    pending_author: str | None = None
    pending_date: _dt.datetime | None = None
    current: _Draft | None = None
    short_run = 0
    # numbers open comments only in a list without comment headers (names, dates, "says:")
    numbered_list = not any(_is_comment_header_at(lines, k) for k in range(start, min(n, start + COMMENT_EVIDENCE_WINDOW)))
    skip_to = start
    started = False  # a comment text (not a share-bar label) was read
    for i in range(start, n):
        if i < skip_to:
            continue
        ln = lines[i]
        t = ln.text
        if _is_comment_form(t) or _is_site_boilerplate(t) or _form_fields_at(lines, i):
            break
        short_run = short_run + 1 if ln.nwords <= COMMENT_AUTHOR_MAX_WORDS and not ln.sentence and not _is_comment_header_at(lines, i) else 0
        if _is_comment_heading(t):
            short_run = 0  # "5 comments so far...": the list starts here, after the share bar
        if short_run >= (COMMENT_MAX_GAP if started else COMMENT_LEAD_GAP):
            break  # a menu or a footer: the comment list is over
        if i in lay.bio_lines or _is_pingback(t) or _is_author_links(t) or _is_social_feed(t) or _is_comment_heading(t) or _is_comment_prompt(t):
            current = None
            continue
        fm = _NUMBERED_FOOTER.match(t)
        last = current if current is not None else (drafts[-1] if drafts else None)  # "1 vote" may sit between
        footer_date = _comment_date(fm.group("rest")) if fm is not None else None
        if footer_date is not None and fm is not None and last is not None and last.paras and last.footer is None:
            # "#1.1 - Mon Oct 29, 2012 10:12 AM": the number and date under a comment close it
            last.footer = fm.group("n")
            last.sig_date = last.sig_date or footer_date
            current = None
            continue
        hdr = _comment_header(t)
        if hdr is not None:
            author, date_text = hdr
            d = _comment_date(date_text) if date_text else None
            if d is None and date_text and i + 1 < n and _BARE_YEAR.match(lines[i + 1].text):
                # a stamp broken over lines: "March 3rd," / "2009" / "4:20 pm"
                d = _date_in(f"{date_text.rstrip(',')} {lines[i + 1].text}")
                skip_to = i + 2 + (i + 2 < n and R.is_clock_line(lines[i + 2].text))
            if author and _SIGNATURE.match(t) and current is not None and current.paras:
                current.sig_author, current.sig_date = author, d  # a signature under the text
            elif not author and d is not None and current is not None and current.paras and current.author and current.date is None:
                current.date = d  # "Jane said..." / text / date: the date is the comment's footer
            else:
                pending_author = author or pending_author
                pending_date = d or pending_date
            current = None
            continue
        if _NUMBER_ONLY.match(t):
            current = None
            continue
        if _is_action_line(t):
            current = None
            continue
        if (
            ln.nwords <= COMMENT_AUTHOR_MAX_WORDS
            and (not ln.sentence or _INITIAL_END.search(t))
            and i + 1 < n
            and (_is_date_line(lines[i + 1].text) or _is_says_header(lines[i + 1].text))
            and not _SIGNATURE.match(lines[i + 1].text)  # a short comment over its "Posted by: Jane at <date>"
        ):
            if current is not None and current.paras and current.date is None and current.author and _footer_next(lines, i + 2):
                continue  # the author's (profile) name in the footer, over the date; the next comment has its own header
            pending_author, current = t, None
            continue
        if current is not None and ln.nwords <= COMMENT_AUTHOR_MAX_WORDS and not ln.sentence and _looks_like_person_name(t) and i + 1 < n and lines[i + 1].nwords >= 3 and current.paras:
            # "Jane Doe" footer name between comments
            pending_author, current = t, None
            continue
        number, text = _strip_number(t)
        if number is not None and not (numbered_list and number == _next_number(drafts)):
            number, text = None, t  # a numbered list inside a comment
        if number is not None:
            current = None
        if current is None:
            current = _Draft(author=pending_author, date=pending_date, number=number)
            drafts.append(current)
            pending_author, pending_date = None, None
        current.paras.append(text if number is not None and current.number == number else t)
        started = started or ln.nwords >= 4 or ln.sentence
    drafts = [
        d
        for d in drafts
        # a signature right under the text vouches for a short comment ("Well said" / "Posted by: Jane at ...")
        if (d.sig_author is not None or any((_word_count(p) >= 4 or _ends_sentence(p)) and not _is_title_case(p) for p in d.paras))
        and not _CUT_TEASER.search(d.paras[0])
    ]
    if sum(1 for d in drafts if d.footer is not None) >= MIN_SIGNATURES:
        _footer_authors(drafts)
    signed = [d for d in drafts if d.author or d.sig_author or d.date or d.sig_date]
    if drafts and len(signed) >= SIGNED_SHARE * len(drafts):
        drafts = signed  # a section whose comments carry names or dates: unsigned text is not a comment
    out: list[Comment] = []
    numbered = [d.number for d in drafts if d.number is not None]
    if drafts and drafts[0].number is None and numbered and numbered[0] == 2:
        drafts[0].number = 1  # the rendering lost the first number of a numbered list
    credited = {norm(b.name) for b in lay.bylines}
    for draft in drafts:
        text = "\n\n".join(p for p in draft.paras if p.strip())
        if not text:
            continue
        author = draft.author or draft.sig_author
        if draft.footer is not None:  # "#1.2": the second reply to comment 1
            out.append(
                Comment(
                    text=text,
                    author=author,
                    published=draft.date or draft.sig_date,
                    depth=draft.footer.count("."),
                    id=draft.footer,
                    parent_id=draft.footer.rsplit(".", 1)[0] if "." in draft.footer else None,
                )
            )
            continue
        out.append(
            Comment(
                text=text,
                author=author,
                published=draft.date or draft.sig_date,
                # the story's author commenting under it answers a reader (the rendering lost the indentation);
                # "@name" and names opening a comment are not evidence: flat threads use them too
                depth=1 if out and author and norm(author) in credited else 0,
                id=None if draft.number is None else str(draft.number),
            )
        )
    return out


#: A comment's footer: its number in the thread ("#1", "#1.2": the second reply to comment 1), a dash, its date.
_NUMBERED_FOOTER = re.compile(r"^#(?P<n>\d{1,4}(?:\.\d{1,3}){0,6})\s*[-\u2013\u2014|]\s*(?P<rest>.{4,60})$")


def _footer_authors(drafts: Sequence[_Draft]) -> None:
    """In a thread signed by numbered footers, a comment's first line is its author's name when it is a
    short name or handle and text follows it ("SomeDude68." / "LIES!" / ... / "#1 - <date>")."""
    for d in drafts:
        if d.footer is None or d.author is not None or len(d.paras) < 2:
            continue
        first = d.paras[0].strip()
        if (
            _word_count(first) <= COMMENT_AUTHOR_MAX_WORDS
            and not first.endswith(("!", "?", ":", ","))
            and R.looks_like_handle(first)
            and not _is_date_line(first)
        ):
            d.author = first
            d.paras = d.paras[1:]


def _footer_next(lines: Sequence[_Line], k: int) -> bool:
    """Whether line ``k`` (after a name and a date line) opens the next comment with its own "Jane said:"
    header or ends the list: then the name and date above it were the previous comment's footer."""
    if k >= len(lines):
        return True
    t = lines[k].text
    return _is_says_header(t) or _is_comment_form(t) or _is_comment_prompt(t)


def _next_number(drafts: Sequence[_Draft]) -> int:
    """The number the next comment of a numbered list carries (an unnumbered first comment counts as 1)."""
    if not drafts:
        return 1
    last = drafts[-1].number
    return (last if last is not None else len(drafts)) + 1


# --------------------------------------------------------------------------------------------
# Field functions (called by the generic extractor for ``page.kind == "text"``)
# --------------------------------------------------------------------------------------------


def headline(page: Page) -> Headline | None:
    lay = _layout(page)
    if lay.headline is None:
        return None
    sub = lay.lines[lay.subheadline].text if lay.subheadline is not None else None
    return Headline(text=lay.lines[lay.headline].text, subheadline=sub)


def dateline(page: Page) -> Dateline | None:
    return _layout(page).dateline


def body(page: Page) -> Body | None:
    lay = _layout(page)
    if not lay.paragraphs:
        return None
    return Body(blocks=lay.paragraphs)


def bylines(page: Page) -> tuple[Byline, ...] | None:
    lay = _layout(page)
    return tuple(lay.bylines) if lay.bylines else None


def author_bios(page: Page) -> tuple[AuthorBio, ...] | None:
    lay = _layout(page)
    if lay.bios:
        return tuple(lay.bios)
    return () if lay.paragraphs else None


def published(page: Page) -> _dt.datetime | None:
    return _layout(page).published


def comments(page: Page) -> tuple[Comment, ...] | None:
    lay = _layout(page)
    if lay.comments:
        return tuple(lay.comments)
    return () if lay.paragraphs else None
