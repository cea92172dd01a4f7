"""Pure recognisers of comment and bio text, shared by the HTML and plain-text modes.

Every function here takes strings and returns plain values: no tree, no page. The HTML mode
(``_fields/comments.py``, ``_fields/bios.py``) finds candidate strings by structure and asks these
functions what they are; the plain-text mode finds them among lines and asks the same questions.

Public functions:

- ``find_date_text(s)``: the first date/time-looking substring (absolute or relative) or ``None``.
- ``is_relative_date(s)``: "2 hours ago", "vor 3 Tagen", "yesterday", ...
- ``is_comment_form_line(s)``: comment-form furniture ("Leave a Reply", "Your email address will not be published.").
- ``is_pingback_line(s)``: a pingback / trackback entry.
- ``is_load_more_line(s)``: "Load more comments", "Older Comments", "View all 12 comments", ...
- ``is_comment_count_line(s)``: "12 Comments", "20 thoughts on “...”", "No comments yet", "Comments (2)", ...
- ``is_comment_section_heading(s)``: a heading that opens a comment section ("Comments", "Your Comments", "12 Responses").
- ``is_comment_noise_line(s)``: per-comment widgets ("Reply", "Report abuse", "Rate This", "1 vote", "Like").
- ``is_reply_reference_line(s)``: "Response to Jane, 1 November 2012", "In reply to Jane" (not a header).
- ``is_rating_line(s)``: vote / rating widget text ("0 0", "Rate This", "+3", "12 likes").
- ``parse_comment_header(s)``: ``(author, date_text)`` of "X says:", "Posted by: X at DATE", "X on DATE", ... or ``None``.
- ``is_explicit_comment_header(s)``: a header that says so ("Posted by: X at DATE", "X says:", "X wrote:").
- ``split_inline_header(s)``: ``(author, date_text, rest)`` of a one-line comment "Jane, Leeds 1/8/2008 5:49 PM Great!".
- ``clean_comment_author(s)``: an author string without "says:", "Posted by", trailing commas, ...
- ``is_bio_paragraph(text, names)``: "Jane Doe is a reporter covering ..." for one of ``names`` (or any name when empty).
- ``split_bios(text, names)``: ``[(name, bio)]`` of a paragraph holding several people's bio sentences in a row.
- ``tagline_subject(text, names)``: ``(name, title)`` of "Staff writer Jane Doe can be reached at ...".
- ``bio_subject(text, names)``: the name (as given in ``names``, else as printed) a bio sentence is about, or ``None``.
- ``is_social_feed_line(s)``: social widget lines ("Follow us", "Tweets by @x", "@handle · 2h").
- ``is_latest_posts_line(s)``: "Latest posts by X (see all)", "More from X", "View all posts by X", ...
- ``is_contact_line(s)``: "Contact Jane Doe at jane@example.com", "Email: ...", "PGP key ...".
- ``strip_bio_header(s)``: the name in a bio-box header such as "About Jane Doe", "Über X", "Written By X".
- ``looks_like_person_name(s)``: two to five name-like words.
"""

from __future__ import annotations

import functools
import re

from ._fields._text import Caseless, memo_short

__all__ = [
    "find_date_text",
    "is_relative_date",
    "is_clock_line",
    "is_comment_form_line",
    "is_pingback_line",
    "is_load_more_line",
    "is_comment_count_line",
    "is_comment_section_heading",
    "is_comment_noise_line",
    "is_rating_line",
    "is_reply_reference_line",
    "parse_comment_header",
    "is_explicit_comment_header",
    "split_inline_header",
    "clean_comment_author",
    "is_bio_paragraph",
    "split_bios",
    "tagline_subject",
    "bio_subject",
    "is_social_feed_line",
    "is_latest_posts_line",
    "is_contact_line",
    "strip_bio_header",
    "looks_like_person_name",
    "looks_like_handle",
    "has_clock_time",
]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# (runs of white space are collapsed with " ".join(s.split()), which equals re.sub(r"\s+", " ", s).strip())


# ---------------------------------------------------------------------------------------------- dates

#: Month names and abbreviations in the languages of the corpus (en, de, fr, es, it, nl, pt).
_MONTHS = (
    r"(?:jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|mar(?:ch|s|zo)?|m[äa]rz|apr(?:il|ile)?|avr(?:il)?|"
    r"may|mai|mag(?:gio)?|ma[iy]o|jun(?:e|i|io)?|juin|giu(?:gno)?|jul(?:y|i|io)?|juil(?:let)?|lug(?:lio)?|"
    r"aug(?:ust|ustus)?|ao[uû]t|ago(?:sto)?|sep(?:t|tember|tembre|tiembre)?|set(?:tembre)?|oct(?:ober|obre|ubre)?|okt(?:ober)?|"
    r"ott(?:obre)?|nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|d[ée]c(?:embre)?|dic(?:iembre|embre)?|"
    r"enero|febrero|gennaio|febbraio|janvier|januari|februari|maart|juni|juli|augustus)\.?"
)
#: Weekday names (abbreviated or full) that may open a printed date: "Thu, Jan 17", "Do, 9. Apr".
#: Each is a whole word: an abbreviation running on into more letters is a name ("Doe", "Marth", "Mayer").
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|"
    r"mon|tue|wed|thu|fri|sat|sun|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa|so|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo|lu|ma|me|gi|ve|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
    r"(?![a-zäöüßéèàìòùáíóú])\.?,?\s+"
)
#: The date itself: ISO, numeric, day-month-name, month-name-day.
_DATE_CORE = (
    r"(?:(?<![\d.])\d{4}-\d{1,2}-\d{1,2}(?:[t ]\d{1,2}:\d{2}(?::\d{2})?)?"
    # numeric dates, also glued to a name or a time ("th3Chris28.09.1913:39" is 28.09.19 13:39)
    r"|(?<![\d.])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}(?![\d:])|\d{2}(?=\d{1,2}:\d{2})|\d{2}(?!\d))"
    # day-first with a month name, also glued to a name ("Sana6. Juni 2015 um 10:23")
    r"|(?<![\d.])\d{1,2}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?" + _MONTHS + r"\b(?:,?\s+(?:de\s+)?(?:\d{4}|'?\d{2}\b))?"
    r"|\b" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?:\d{4}|'?\d{2}\b))?"
    r")"
)
#: Absolute dates as printed, perhaps after a weekday, with an optional clock time. The weekday is an
#: alternative ("weekday date" or "date"): it matches as "(?:weekday)?date" would, and faster (the engine
#: enters no optional group at each position, it tries the branch on its first letter).
_ABS_DATE = Caseless(
    r"(?:\b" + _WEEKDAY + _DATE_CORE + r"|" + _DATE_CORE + r")"
    r"(?:,?\s*(?:at|um|à|a las|alle|om|-|@|\|)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*uhr)?)?"
)
#: A clock time alone ("10:47 pm"): comment meta lines sometimes print only the time under a date heading.
_CLOCK = _rx(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr)?(?!\d)")
#: Relative dates: "2 hours ago", "vor 3 Wochen", "il y a 2 jours", "hace 3 días", "yesterday".
_REL_DATE = Caseless(
    r"\b(?:(?:\d+|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tage?n?|wochen?|monate?n?|jahre?n?)"
    r"|il\s+y\s+a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|hace\s+\d+\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?|meses|mes|años?)"
    r"|\d+\s+(?:minuti|ore|giorni|settimane|mesi|anni)\s+fa"
    r"|yesterday|today|gestern|heute|aujourd'hui|ayer|hoy|ieri|oggi|just now)\b"
)


#: Every absolute date has a digit; the date pattern is only tried this far around each run of digits.
_DIGITS = re.compile(r"\d+")
_DATE_WINDOW = 40


def _abs_date(s: str, endpos: int | None = None) -> tuple[int, int] | None:
    """The span of the first absolute date of ``s`` (before ``endpos``), searched only in windows around
    digits (fast on prose)."""
    end = len(s) if endpos is None else min(endpos, len(s))
    done = 0
    text, rx = _ABS_DATE.prepare(s[: end + _DATE_WINDOW])  # no window reaches further
    for d in _DIGITS.finditer(s, 0, end):
        if d.end() <= done:
            continue
        lo = max(done, d.start() - _DATE_WINDOW)
        m = rx.search(text, lo, min(len(s), d.end() + _DATE_WINDOW))
        if m and m.start() < end:
            return m.span()
        done = d.end()
    return None


#: Relative dates ("2 hours ago") are only looked for in short meta lines, never in prose.
MAX_RELATIVE_DATE_LINE = 80


def find_date_text(s: str) -> str | None:
    """The first date-looking substring of ``s`` (absolute date with optional time, or relative), or ``None``."""
    span = _abs_date(s)
    if span is None and len(s) <= MAX_RELATIVE_DATE_LINE:
        span = _REL_DATE.span(s)
    return s[span[0] : span[1]].strip() if span else None


def split_inline_header(s: str) -> tuple[str | None, str, str] | None:
    """``(author, date_text, rest)`` of a comment printed on one line: "Jane, Leeds 1/8/2008 5:49 PM Great game!".

    The date must come within the first 120 characters, what precedes it must look like a name or handle
    (or be empty), and a text must follow it.
    """
    s = " ".join(s.split())
    span = _abs_date(s, 120)
    if span is None:
        return None
    start, end = span
    before, rest = s[:start], s[end:].strip(" -–—|:,")
    if len(rest) < 2:
        return None
    author = clean_comment_author(before) if before.strip() else None
    if author is not None and (len(author.split()) > 8 or not looks_like_handle(author) or _SENTENCE_START.match(author)):
        return None
    return author, s[start:end].strip(), rest


def has_clock_time(s: str) -> bool:
    """Whether ``s`` prints a clock time ("10:47 pm", "16:42")."""
    return _CLOCK.search(s) is not None


#: A line that is only a clock time ("7:51 pm"): the second half of a date printed on two lines.
_CLOCK_ONLY = _rx(r"^(?:at\s+|um\s+|à\s+|@\s*)?\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?$")


def is_clock_line(s: str) -> bool:
    """A line that is only a clock time ("7:51 pm", "um 16:42 Uhr")."""
    return _CLOCK_ONLY.match(s.strip()) is not None


def is_relative_date(s: str) -> bool:
    """Whether ``s`` is (or contains) a relative date such as "2 hours ago"."""
    return _REL_DATE.found(s)


# ------------------------------------------------------------------------------------------ comments

#: The comment form and its instructions: never a comment.
_FORM_LINE = _rx(
    r"^(?:leave a (?:reply|comment|response)|post a comment|add (?:a |your )?comment|write a comment|"
    r"post (?:new |your )?comment|submit (?:a )?comment|your email address will not be published|"
    r"required fields are marked|notify me of (?:follow-?up|new) (?:comments|posts)|"
    r"save my name, email|you must be (?:logged in|signed in)|log ?in to (?:reply|comment)|"
    r"cancel reply|comment policy|comments? (?:are|is) (?:closed|moderated)|"
    r"schreibe(?:n sie)? einen kommentar|kommentar (?:verfassen|schreiben|abschicken)|"
    r"laisser un commentaire|(?:deja|dejar) un comentario|lascia un commento|"
    r"to protect our readers|sign (?:on|in) to post|by submitting this comment|"
    r"comment posters are responsible|the following are comments from the readers|"
    r"zum kommentieren anmelden|partecipa alla discussione|join the (?:conversation|discussion)|"
    r"show comments|view comments|name\s*\(required\)|e-?mail\s*\(required\)|website$|name\s*\*?$|e-?mail\s*\*?$)",
)
#: Pingbacks and trackbacks: links from other sites listed with the comments.
_PINGBACK = _rx(r"^(?:pingback|trackback)\b|^\[\.\.\.\]")
#: ... or an excerpt that ends bracketed (tested with endswith(): a search for "$" scans the whole text).
_PINGBACK_ENDS = ("[...]", "[…]")
#: Pagination and lazy-loading controls of comment threads.
_LOAD_MORE = _rx(
    r"^(?:(?:load|show|see|view|read)\s+(?:more|all|older|newer|previous|\d+)\b.*\b(?:comments?|replies|responses)|"
    r"(?:«|‹|<)?\s*(?:older|newer|previous|next)\s+comments\s*(?:»|›|>)?|"
    r"(?:mehr|weitere|alle)\s+kommentare.*|afficher plus de commentaires|more comments|"
    r"(?:show|view|load)\s+(?:\d+\s+)?(?:more\s+)?repl(?:y|ies))$"
)
#: Comment counters and headers: "12 Comments", "One Response to ...", "20 thoughts on ...".
_COUNT_LINE = _rx(
    r"^(?:(?:\d+|no|one|two|three|un|une|ein|eine|zero)\s+(?:comments?|responses?|repl(?:y|ies)|thoughts?|reactions?|"
    r"kommentare?|commentaires?|comentarios?|commenti|reacties)\b.*|"
    r"comments?\s*[(\[:]?\s*\d*\s*[)\]]?|no comments(?: yet)?\.?|no responses(?: so far| yet)?\.?|"
    r"no (?:trackbacks|pings).*|(?:be the first to comment|there are no comments).*|"
    r"(?:your|reader|readers'?|user)\s+comments?|discussion|kommentare|commentaires|comentarios|commenti|reacties)$"
)
#: Headings that open a comment section.
_SECTION_HEADING = _rx(
    r"^(?:\d+\s+)?(?:comments?|responses?|reactions?|thoughts|your comments|reader comments|"
    r"kommentare?|leserkommentare|commentaires?|comentarios?|commenti|reacties)\b.{0,80}$"
)
#: "Discussion (4)", "Join the discussion": only a count or an invitation may go with it, since
#: "Discussion of the results" is a story (paper) sub-heading.
_DISCUSSION_HEADING = _rx(
    r"^(?:(?:join|start|enter)\s+the\s+)?(?:discussion|diskussion)"
    r"\s*(?:[(\[]\s*\d+(?:\s+comments?)?\s*[)\]]|[:\-–—]?\s*\d+(?:\s+comments?)?)?\s*[:.!]?$"
)
#: Per-comment action links and widgets: reply / report / like / permalink.
_NOISE_LINE = _rx(
    r"^(?:reply|reply ↓|reply to this comment|report(?: abuse| comment| this)?|flag|like|unlike|permalink|link|"
    r"(?:antworten\s*)?löschen|delete|(?:reply\s*)?delete|"
    r"quote|edit|delete|share|antworten|melden|répondre|signaler|responder|rispondi|"
    r"inappropriate\?.*|recommend|recommended|log in to reply|sign in to reply|"
    r"\d+\s+(?:votes?|likes?|points?|recommendations?)|rate this:?.*|(?:thumbs )?(?:up|down)|"
    r"[+-]?\d+|\d+\.|\d+\s+\d+|#\d+(?:\.\d+)*|says:?|said:?|wrote:?|schreibt:?|a écrit\s*:?)$"
)
#: Lines a comment plugin appends to each comment (CommentLuv "X recently posted..TITLE").
_PLUGIN_LINE = _rx(r"\brecently posted\s*\.\.|\blast blog post\s*\.\.")
#: Rating / vote widget text, also when several are joined on one line.
_RATING = _rx(r"^(?:rate this:?\s*)?(?:[+-]?\d+\s*){1,3}(?:votes?|likes?|points?)?$|^rate this\b")


def is_comment_form_line(s: str) -> bool:
    """Comment-form furniture: "Leave a Reply", "Your email address will not be published.", field labels."""
    return _FORM_LINE.match(s.strip()) is not None


def is_pingback_line(s: str) -> bool:
    """A pingback / trackback entry ("Pingback: ...", an excerpt bracketed with "[...]")."""
    s = s.strip()
    return _PINGBACK.match(s) is not None or s.endswith(_PINGBACK_ENDS)


def is_load_more_line(s: str) -> bool:
    """A "load more" / pagination control of a comment thread."""
    return _LOAD_MORE.match(s.strip()) is not None


def is_comment_count_line(s: str) -> bool:
    """A comment counter or section label: "12 Comments", "Comments (2)", "No comments yet"."""
    s = s.strip()
    return len(s) < 160 and _COUNT_LINE.match(s) is not None


def is_comment_section_heading(s: str) -> bool:
    """A heading that opens a comment section ("Comments", "3 Responses to ...", "Your Comments")."""
    s = s.strip()
    return len(s) < 120 and (
        _SECTION_HEADING.match(s) is not None
        or _COUNT_LINE.match(s) is not None
        or _DISCUSSION_HEADING.match(s) is not None
    )


def is_comment_noise_line(s: str) -> bool:
    """A per-comment widget or action line: "Reply", "[Reply]", "Report abuse", "Rate This", "1 vote", "#3"."""
    s = s.strip()
    if len(s) < 200 and _PLUGIN_LINE.search(s):
        return True
    if len(s) > 2 and s[0] + s[-1] in ("[]", "()"):
        s = s[1:-1].strip()  # the same action set in brackets: "[Reply]", "(Report)"
    return len(s) < 60 and (_NOISE_LINE.match(s) is not None or _RATING.match(s) is not None)


#: "Response to Jane, 1 November 2012 9:11PM", "In reply to Jane": a reply's pointer to its parent, not its header.
_REPLY_REFERENCE = _rx(
    r"^(?:in\s+)?(?:response|reply|replying|responding|antwort|réponse|respuesta|risposta)\s+(?:to|an|auf|à|a)\b.{1,120}$"
)


def is_reply_reference_line(s: str) -> bool:
    """A reply's pointer to the comment it answers: "Response to Jane, 1 November 2012 9:11PM", "In reply to Jane"."""
    s = s.strip()
    return len(s) <= 140 and _REPLY_REFERENCE.match(s) is not None


def is_rating_line(s: str) -> bool:
    """Vote / rating widget text ("Rate This: 0 0", "12 likes")."""
    return _RATING.match(s.strip()) is not None


#: Prefixes that introduce the comment author in a header line.
_AUTHOR_PREFIX = Caseless(
    r"^(?:[-—–]\s*)?(?:posted|submitted|written|comment(?:ed)?|kommentar|commentaire|comentario|commento|geschrieben|écrit|"
    r"publicado|scritto)?\s*(?:by|von|par|por|da|di)\s*:?\s+"
)
#: A dash before a header or signature line ("— Posted by Jane").
_LEADING_DASH = re.compile(r"^[-—–]+\s*")
#: Suffixes that close the comment author in a header line ("says:", "said...", "wrote:").
_AUTHOR_SUFFIX = Caseless(
    r"\s*(?:says|said|wrote|writes|schreibt|schrieb|meint|sagt|a écrit|dice|dijo|scrive|zegt)\s*(?::|\.{2,}|…)?\s*$"
)
#: A clock time printed between the author and the date: "Dom, Leeds on 5:19pm Tue 1 Jan 08".
_TRAILING_CLOCK = Caseless(r"\s+(?:on|at|um|à)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr|h)?\s*$")
#: What is left of "posted on DATE by NAME" before the date: no author there.
_POSTED_ONLY = _rx(r"^(?:posted|submitted|written|published|commented|geschrieben|veröffentlicht|publié|publicado)(?:\s+(?:on|am|le|el|il))?\s*:?\s*$")
#: Connectors between an author and a date in a header: "X on DATE", "X at DATE", "X | DATE", "X, DATE".
_HEADER_SEP = Caseless(r"\s*(?:\bon\b|\bat\b|\bam\b|\ble\b|\bel\b|\bil\b|\bum\b|\||—|–|-|,|·|•|@)\s*$")


#: Cheap test before the header patterns: a header has a digit (a date) or a header word.
_HEADER_HINT = Caseless(
    r"\d|says|said|wrote|writes|schreibt|schrieb|meint|sagt|écrit|dice|dijo|scrive|zegt|\b(?:by|von|par|por|da)\b|"
    r"ago\b|yesterday|today|gestern|heute|aujourd|ayer|hoy|ieri|oggi|just now"
)


def clean_comment_author(s: str) -> str:
    """An author string without "Posted by", "says:", surrounding punctuation and white space."""
    s = " ".join(s.split())
    s = _TRAILING_CLOCK.remove(_AUTHOR_SUFFIX.remove(s))
    s = _AUTHOR_PREFIX.remove(_LEADING_DASH.sub("", s))
    if _POSTED_ONLY.match(s):
        return ""
    s = _HEADER_SEP.remove(s)
    return s.strip(" \t:;,|·•-—–/").strip()  # "/ Jane": a separator printed before the name


@memo_short  # a pure function of the line; the comment collections of a page test the same lines again
def parse_comment_header(s: str) -> tuple[str | None, str | None] | None:
    """``(author, date_text)`` of a comment header line, or ``None`` when ``s`` is not one.

    Recognised: "Jane says:", "Jane said...", "Posted by: Jane at October 28, 2012 01:23 PM",
    "Jane on October 23rd, 2012 1:37 pm", "Jane | December 13 2007 at 11:25 AM", "— Posted by Jane",
    "October 23, 2012 at 1:37 pm" (date only).
    """
    s = " ".join(s.split())
    if not s or len(s) > 160 or not _HEADER_HINT.found(s):
        return None
    date = find_date_text(s)
    if date:
        i = s.find(date)
        before, after = s[:i], s[i + len(date) :]
        author = clean_comment_author(before) if before.strip() else None
        if not author and after.strip():
            tail = clean_comment_author(after)
            author = tail if tail and looks_like_handle(tail) else None
        if author is not None and (len(author.split()) > 8 or not looks_like_handle(author) or _SENTENCE_START.match(author)):
            return None
        if len(after.split()) > MAX_WORDS_AFTER_HEADER_DATE and after.rstrip().endswith((".", "!", "?")):
            return None  # a sentence that mentions a date, not a header
        return author, date
    if _AUTHOR_SUFFIX.found(s) or _AUTHOR_PREFIX.opens(s):
        author = clean_comment_author(s)
        if author and len(author.split()) <= 6 and looks_like_handle(author):
            return author, None
    return None


#: Words that make a header line explicitly a comment header: "Posted by", "says:", "wrote:".
_EXPLICIT_HEADER = _rx(
    r"^(?:[-—–]\s*)?(?:posted|submitted|comment(?:ed)?|geschrieben|écrit|publicado|scritto)\s+(?:by|von|par|por|da)\b|"
    r"\b(?:says|said|wrote|schrieb|schreibt|meint|a écrit|dice|dijo|scrive)\s*(?::|\.{2,}|…)"
)


def is_explicit_comment_header(s: str) -> bool:
    """A comment header that says so: "Posted by: X at DATE", "X says:", "X wrote:" (not merely a name and a date)."""
    s = s.strip()
    return len(s) <= 160 and _EXPLICIT_HEADER.search(s) is not None and parse_comment_header(s) is not None


#: Words that open a sentence, not a name ("The vote on 1/8/2008 was ...").
_SENTENCE_START = _rx(
    r"^(?:the|a|an|in|on|at|this|that|these|we|i|it|he|she|they|there|when|since|after|before|until|by|from|"
    r"der|die|das|ein|eine|am|im|le|la|les|un|une|el|los|il|en|de|het)\b"
)
#: A header line ends soon after its date ("... at 1:37 pm | Reply"); more words closed by a full stop make a sentence.
MAX_WORDS_AFTER_HEADER_DATE = 5

#: A displayed commenter name or handle: up to ~8 words, no sentence punctuation in the middle.
_HANDLE = re.compile(r"^[^\s.!?][^!?]{0,80}$")


def looks_like_handle(s: str) -> bool:
    """Whether ``s`` can be a displayed commenter name or handle (short, not a sentence)."""
    s = s.strip()
    return bool(s) and len(s) <= 80 and _HANDLE.match(s) is not None and not s.endswith((":", "“", "„", "«", '"', "(", "["))


# ---------------------------------------------------------------------------------------------- bios

#: Verbs that open a bio sentence after the person's name ("is a reporter", "covers", "writes about").
_BIO_VERB = _rx(
    r"^(?:\([^)]{1,40}\)\s*)?,?\s*(?:is|was|has been|serves as|works as|joined|covers|writes|reports|edits|leads|teaches|"
    r"holds|has|ist|war|arbeitet|schreibt|leitet|est|était|travaille|écrit|es|fue|escribe|è|scrive|is een|werkt)\b"
)
#: Words that, after the name and verb, show a description of the person (a role, an employer, a beat).
_BIO_DESCRIPTION = _rx(
    r"\b(?:a|an|the|ein|eine|einer|un|une|uno|una|een|de|der|die|das|le|la|il|el|"
    r"reporter|writer|editor|correspondent|journalist|columnist|author|professor|lecturer|researcher|"
    r"director|founder|ceo|contributor|producer|analyst|fellow|student|based|covering|covers|about|for|at|"
    r"redakteur(?:in)?|journalistin?|autorin?|korrespondent(?:in)?|professor(?:in)?|direktor(?:in)?|"
    r"rédact(?:eur|rice)|journaliste|periodista|redactor(?:a)?|giornalista|redattore)\b"
)


@functools.lru_cache(maxsize=256)
def _name_variants(name: str) -> tuple[str, ...]:
    """A name, its last word, and the name without middle initials: forms a bio sentence may use
    (memoised: each paragraph near the story's end is tested against the same bylines)."""
    name = " ".join(name.split())
    out = [name]
    parts = name.split()
    if len(parts) >= 2:
        no_initials = " ".join(p for p in parts if not re.fullmatch(r"[A-Z]\.?", p))
        if no_initials not in out:
            out.append(no_initials)
        out.append(parts[-1])
        out.append(" ".join(parts[:1] + parts[-1:]))
    return tuple(out)


#: A person name as printed at the start of a sentence: capitalised words (particles allowed).
_NAME_AT_START = re.compile(
    r"^((?:[A-ZÀ-ÖØ-Þ][\w'’.-]+|[A-Z]\.)(?:\s+(?:(?:van|von|de|der|den|da|di|del|la|le|du|bin|al|y|[A-Z]\.)\s+)*(?:[A-ZÀ-ÖØ-Þ][\w'’.-]+|[A-Z]\.)){1,4})"
)


#: A middle initial after the first name at the start of a sentence.
_MIDDLE_INITIAL = re.compile(r"^([A-ZÀ-ÖØ-Þ][\w'’-]+)\s+[A-Z]\.\s+(?=[A-ZÀ-ÖØ-Þ])")


def bio_subject(text: str, names: tuple[str, ...] | list[str] = ()) -> str | None:
    """The person a bio sentence is about, or ``None`` when ``text`` is not a bio sentence.

    With ``names`` (e.g. the page's bylines), the sentence must open with one of them (full name,
    surname, or name without initials; case-insensitive) and the matching entry of ``names`` is
    returned. Without ``names``, any opening person name followed by a bio verb counts, and the
    name is returned as printed.
    """
    t = " ".join(text.split())
    if len(t) < 20 or len(t) > 2000:
        return None
    t = _MIDDLE_INITIAL.sub(r"\1 ", t, count=1)  # "Jane Q. Doe is ..." for the byline "Jane Doe"
    low = t.casefold()
    for name in names:
        for form in _name_variants(name):
            f = form.casefold()
            if len(f) < 3 or not low.startswith(f):
                continue
            rest = t[len(form) :]
            if rest[:1].isalnum():
                continue
            vm = _BIO_VERB.match(rest.lstrip())
            if vm and _BIO_DESCRIPTION.search(rest[: 120 + len(vm.group(0))]):
                return name
    if names:
        return None
    m = _NAME_AT_START.match(t)
    if not m:
        return None
    rest = t[m.end() :]
    vm = _BIO_VERB.match(rest.lstrip())
    if vm and len(m.group(1).split()) >= 2 and _BIO_DESCRIPTION.search(rest[:160]):
        return m.group(1)
    return None


def split_bios(text: str, names: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """``[(name, bio sentence(s))]`` of a paragraph that holds the bios of several of ``names`` one after another.

    "Jane Doe is a reporter. John Roe is an editor." -> [("Jane Doe", "Jane Doe is a reporter."), ("John Roe", ...)].
    A bio starts where a name opens a sentence (or the text) and a bio verb follows it; it runs to the next one.
    """
    t = " ".join(text.split())
    low = t.casefold()
    starts: list[tuple[int, str]] = []
    for name in names:
        for form in _name_variants(name):
            f = form.casefold()
            if len(f) < 3:
                continue
            pos = low.find(f)
            while pos >= 0:
                at_start = pos == 0 or t[pos - 1 : pos] == " " and (pos < 2 or t[pos - 2] in ".!?:;)\"”")
                rest = t[pos + len(form) :]
                if at_start and not rest[:1].isalnum() and _BIO_VERB.match(rest.lstrip()):
                    if not any(abs(p - pos) < len(f) for p, _ in starts):
                        starts.append((pos, name))
                pos = low.find(f, pos + 1)
    starts.sort()
    out: list[tuple[str, str]] = []
    for i, (pos, name) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(t)
        seg = t[pos:end].strip()
        if len(seg) >= 20:
            out.append((name, seg))
    return out


#: "Staff writer Jane Doe can be reached at ...": a contact tagline that states the person's title first.
_TAGLINE_TAIL = _rx(r"^\s+(?:can|may|could)\s+be\s+(?:reached|contacted)\b")
#: The same tagline for a name that is not among the bylines: the title must then be a newsroom role.
_TAGLINE_ANY = re.compile(
    r"^(?P<title>(?:[A-Z][\w-]*\s+){0,2}(?:[Ww]riter|[Rr]eporter|[Ee]ditor|[Cc]orrespondent|[Cc]olumnist|[Cc]ritic|[Pp]hotographer))\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+(?:can|may|could)\s+be\s+(?:reached|contacted)\b"
)
#: The title before the name in a tagline: one to four words, capitalised, no punctuation.
_TAGLINE_TITLE = re.compile(r"^[A-Z][\w-]*(?:\s+[\w-]+){0,3}$")


def tagline_subject(text: str, names: tuple[str, ...] | list[str]) -> tuple[str, str] | None:
    """``(name, title)`` of "Staff writer Jane Doe can be reached at ..." for one of ``names``; ``None`` otherwise.

    The title must come first (1-4 words, no sentence punctuation): "Have a tip? Jane Doe may be reached at ..."
    is contact information, not a bio.
    """
    t = " ".join(text.split())
    if len(t) > 400:
        return None
    low = t.casefold()
    for name in names:
        f = name.casefold()
        pos = low.find(f)
        if pos <= 0:
            continue
        title = t[:pos].strip()
        if _TAGLINE_TITLE.match(title) and _TAGLINE_TAIL.match(t[pos + len(f) :]):
            return name, title
    m = _TAGLINE_ANY.match(t)
    if m and looks_like_person_name(m.group("name")):
        return m.group("name"), m.group("title")
    return None


def is_bio_paragraph(text: str, names: tuple[str, ...] | list[str] = ()) -> bool:
    """Whether ``text`` is a bio: "Jane Doe is a reporter covering ..." (see :func:`bio_subject`) or a staff
    tagline "Staff writer Jane Doe can be reached at ..." (see :func:`tagline_subject`)."""
    return bio_subject(text, names) is not None or tagline_subject(text, names) is not None


#: Social-feed widgets and follow prompts inside author boxes.
_SOCIAL = _rx(
    r"^(?:follow(?: us| me| him| her)?(?: on)?\b.{0,40}|tweets? by\b.*|@\w{1,30}\s*[·•]\s*\d+\s*[smhd]\b.*|"
    r"(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon|e-?mail|rss|website|homepage)"
    r"(?:\s*[|/,·•]\s*(?:twitter|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|mastodon|e-?mail|rss|website|homepage))*$|"
    r"connect with\b.*|find (?:me|him|her) on\b.*|embed view on twitter.*)$"
)
#: Lists of the author's other posts: never bio text.
_LATEST_POSTS = _rx(
    r"^(?:latest posts by\b.*|(?:more|all|recent) (?:posts|articles|stories|from)\b.*|view all (?:posts|articles|stories)\b.*|"
    r"see all\b.*|show all articles\b.*|mehr von\b.*|alle (?:beiträge|artikel)\b.*|\d+\s+(?:artikel|articles|posts|beiträge)$|"
    r"(?:read|see) (?:more|all) (?:by|from)\b.*|recent posts$|author$|autor(?:in)?$|posts?$)"
)
#: Contact details printed in author boxes: kept out of the bio text.
_CONTACT = _rx(
    r"^(?:contact\b.{0,80}\bat\b.*|e-?mail(?: me)?\s*:.*|(?:pgp|gpg)[- ]?(?:key|schlüssel)?\b.*|fingerprint\b.*|"
    r"tel(?:efon|ephone)?\s*[:.].*|phone\s*:.*|[\w.+-]+@[\w-]+\.[\w.]+$|https?://\S+$|www\.\S+$)"
)
#: Headers of author boxes ("About the author", "Über X", "Written By X", "Veröffentlicht von X").
_BIO_HEADER = _rx(
    r"^(?:about(?: the)? (?:author|writer)s?|about|über(?: den autor| die autorin)?|à propos(?: de l'auteur)?|"
    r"written by|posted by|published by|veröffentlicht von|von|by|par|sobre(?: el autor)?|die autorin|der autor|"
    r"l'auteur|the author|autor(?:in)?|author|bio|biography)\s*:?\s*"
)


def is_social_feed_line(s: str) -> bool:
    """A social-feed widget or follow prompt ("Follow us", "Tweets by @x", "Twitter | Facebook")."""
    return _SOCIAL.match(s.strip()) is not None


def is_latest_posts_line(s: str) -> bool:
    """A list header of the author's other posts ("Latest posts by X (see all)", "More from X")."""
    return _LATEST_POSTS.match(s.strip()) is not None


def is_contact_line(s: str) -> bool:
    """Contact details: "Contact Jane at jane@example.com", an e-mail, a key fingerprint, a bare URL."""
    return _CONTACT.match(s.strip()) is not None


def strip_bio_header(s: str) -> str:
    """``s`` without an author-box header word: "About Jane Doe" -> "Jane Doe", "Die Autorin" -> ""."""
    return _BIO_HEADER.sub("", s.strip(), count=1).strip(" :·|-—")


#: Words a person name does not contain.
_NOT_NAME_WORD = _rx(
    r"\b(?:the|and|of|for|with|news|staff|team|editor|reporter|writer|posts?|articles?|follow|more|about|share|comments?|"
    r"read|view|all|home|subscribe|newsletter|twitter|facebook|email)\b"
)


def looks_like_person_name(s: str) -> bool:
    """Two to five words, each capitalised (or a known particle), with no sentence or function words."""
    s = " ".join(s.split())
    if not 3 <= len(s) <= 60 or any(ch.isdigit() for ch in s) or _NOT_NAME_WORD.search(s):
        return False
    parts = s.split()
    if not 2 <= len(parts) <= 5:
        return False
    return all(p[:1].isupper() or p.lower() in ("van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "du", "bin", "al") for p in parts)
