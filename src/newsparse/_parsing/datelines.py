"""Opening fragments -> datelines.

``split_dateline("WASHINGTON (AP) — The president ...")`` gives
``(Dateline(text="WASHINGTON (AP) —", place="WASHINGTON", agency="AP"), "The president ...")``.

A dateline is, in order: an optional correspondent credit ("FROM OUR CORRESPONDENT"), a place
(all-caps words, "SIOUX FALLS", "BEIRUT/THE HAGUE", or at most four title-case words, "Hong Kong",
"München/London", "Rio de Janeiro"), an optional region after a comma (", S.D.", ", Ohio",
", Calif."), an optional date after a comma (", March 7" -- kept in ``text``, not in ``place``), an
optional agency in parentheses ("(AP)", "(CNN Business)"), then a dash or colon. The dash may be
left out when an agency in parentheses follows the place and a capitalised sentence follows it.

Not datelines: a sentence that merely starts with a place ("Washington is ..."), labels such as
"UPDATE:", "EXCLUSIVE:", "Photo:", long capitalised phrases, and dashes more than ~60 characters in
(unless an agency in parentheses marks the dateline).
"""

from __future__ import annotations

import functools
import re

from .._model import Dateline
from .dates import MONTH_ALT

__all__ = ["split_dateline"]

#: How far into a paragraph a dateline can reach (prefix + place + region + date + agency + dash).
_MAX_HEAD = 160
#: Longest place + region + date before the dash when no agency in parentheses marks the dateline.
_MAX_PLAIN = 60
#: Most words in an all-caps place ("FORT WORTH", "SALT LAKE CITY", "BEIRUT/THE HAGUE").
_MAX_CAPS_WORDS = 6
#: Most words in a title-case place ("Hong Kong", "Frankfurt am Main").
_MAX_TITLE_WORDS = 4

#: Correspondent credits printed before the place ("DALLA NOSTRA CORRISPONDENTE NEW YORK -").
_CORRESPONDENT_RX = re.compile(
    r"^(?:from\s+our\s+(?:own\s+)?(?:correspondents?|reporters?|staff)(?:\s+in)?"
    r"|(?:dalla\s+nostra|dal\s+nostro)\s+(?:corrispondente|inviat[oa])(?:\s+a)?"
    r"|de\s+not(?:re|s)\s+(?:correspondante?s?|envoyée?s?\s+spéciale?s?)(?:\s+(?:à|a|en))?"
    r"|von\s+unsere[mr]\s+(?:korrespondent(?:en|in)|redakteur(?:in)?)(?:\s+in)?"
    r"|de\s+nuestr[oa]\s+(?:corresponsal|enviad[oa]\s+especial)(?:\s+en)?"
    r"|d[oa]\s+noss[oa]\s+(?:correspondente|enviad[oa]\s+especial)(?:\s+em)?"
    r"|van\s+onze\s+(?:correspondent|verslaggever)(?:\s+in)?)"
    r"\s*[,:]?\s*",
    re.I,
)
#: Endings of English abstract nouns and adjectives: "Case Study:", "Negative Target Fixation -" are not places.
_NOT_PLACE_SUFFIX_RX = re.compile(r"(?:tion|sion|ment|ness|ism|ship|ics|ful|less|able|ous|ive|(?<!c)ity)$", re.I)
# A date right after the dash ("Rachael Hogg - 12/03/2026"): a byline line, not a dateline.
_DATE_START_RX = re.compile(r"\d{1,4}[./-]\d")

#: Words that open a paragraph in capitals or before a colon but are labels, not places.
NOT_PLACES = frozenset(
    (
        "update updated updates exclusive breaking news alert flash urgent live watch listen read more related "
        "analysis opinion comment commentary editorial editor editor's editors note correction corrections "
        "clarification photo photos picture pictures image video audio graphic graphics chart map file "
        "advertisement advertising ad sponsored promoted paid partner content warning spoiler spoilers "
        "disclaimer summary key points takeaways recap transcript source sources credit credits by "
        "q a faq interview review preview feature special report exclusive: watch: "
        "eilmeldung aktualisiert aktualisierung exklusiv kommentar meinung hinweis achtung anzeige werbung "
        "quelle foto fotos bild bilder info tipp fazit lesen "
        "mise jour actualisation exclusif alerte direct vidéo publicité avis "
        "aggiornamento ultim'ora ultimora esclusivo avviso pubblicità "
        "actualización última hora exclusiva urgente aviso publicidad "
        "atualização exclusivo "
        "the a an in on at for but and or when if as it this that he she we they i our my his her their "
        "there here what why how who where after before today yesterday tomorrow monday tuesday wednesday "
        "thursday friday saturday sunday mr mrs ms dr prof sir herr frau m mme mlle sr sra "
        "der die das ein eine im le la les un une il lo gli el los las uno una een het your all "
        "posted abstract gallery version versions trending dear lol background hintergrund zum score final "
        "step tip tips question answer bonus quote fact facts verdict pros cons conclusion introduction "
        "overview ingredients method directions details location date time price pricing result results "
        "status case study topic topics tags tag category categories filed share latest top best "
        "bottom line"
    ).split()
)
#: Words that are labels when they stand alone ("NEW:"), though places may start with them ("NEW YORK").
_ALONE_NOT_PLACES = frozenset("new main more last first next north south east west central".split())
#: Words that may open a place in title case although they are in NOT_PLACES ("The Hague", "La Paz").
_ARTICLE_OPENERS = frozenset("the la le las los el il den de".split())
#: Lower-case words allowed inside a title-case place ("Rio de Janeiro", "Frankfurt am Main").
_PLACE_PARTICLES = frozenset("de del da do dos das di la le les am an im der upon on sur en y e of".split())

# Tokens of the head: a parenthesised group, a dash, a colon, a comma, or a word.
# Hyphens inside words stay ("WINSTON-SALEM"); a hyphen before a space or another hyphen is a dash.
_TOKEN_RX = re.compile(
    r"\((?P<paren>[^()\n]{0,60})\)"
    r"|(?P<dash>[—–―‒−]{1,3}|-{1,3}(?=\s|$|[^\w-])|-{2,3})"
    r"|(?P<colon>:)(?!\d)"
    r"|(?P<comma>,)"
    r"|(?P<word>(?:[^\s,:()—–―‒−\-]|-(?=[^\s\-—–]))+)"
)
_DATE_AFTER_COMMA_RX = re.compile(
    r"\s{0,3}(?:(?<![^\W\d_])(?:" + MONTH_ALT + r")\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?(?:,\s{0,3}\d{4})?(?!\d)"
    r"|\d{1,2}\.?\s{1,3}(?:" + MONTH_ALT + r")(?![^\W\d_])\.?(?:\s{1,3}\d{4})?)",
    re.I,
)
_AGENCY_RX = re.compile(r"^[^\W\d_][\w .&/'’+-]{0,38}[\w.]$|^[^\W\d_]{2}$")
_LETTERS_RX = re.compile(r"[^\W\d_]")
_DIGIT_RX = re.compile(r"\d")


def split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """Take a dateline off the start of a first paragraph.

    Returns ``(Dateline(text, place, agency), rest)`` where ``text`` is the dateline as printed
    (a prefix of the paragraph without its leading whitespace, dash included) and ``rest`` the
    paragraph after it with leading whitespace stripped; or ``(None, paragraph)`` unchanged.
    """
    if not isinstance(paragraph, str):
        return None, paragraph
    if type(paragraph) is not str:  # a str subclass gets its own object back, not an equal one from the memo
        return _split_dateline.__wrapped__(paragraph)
    return _split_dateline(paragraph)


#: How many paragraphs' answers :func:`split_dateline` remembers: the field modules ask about the same
#: opening paragraphs of a page several times (the dateline, the body's head, the dek), one page at a time.
SPLIT_MEMO_ENTRIES = 64


@functools.lru_cache(maxsize=SPLIT_MEMO_ENTRIES)
def _split_dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """:func:`split_dateline` of a string (memoised: a pure function; its answer is immutable)."""
    try:
        found = _match(paragraph.lstrip())
    except (ValueError, IndexError):  # pragma: no cover - defensive: never raise on page text
        found = None
    if found is None:
        return None, paragraph
    body = paragraph.lstrip()
    end, place, agency = found
    text = body[:end].rstrip()
    # the place and agency as words, whatever runs of white space (line breaks) the page put between them
    place = " ".join(place.split()) if place else place
    agency = " ".join(agency.split()) if agency else agency
    return Dateline(text=text, place=place, agency=agency), body[end:].lstrip()


class _Tok:
    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, m: re.Match[str]) -> None:
        self.kind = m.lastgroup or ""
        self.text = m.group(self.kind) if self.kind else m.group()
        self.start = m.start()
        self.end = m.end()


class _Toks:
    """The head's tokens, read lazily: most paragraphs are rejected after a word or two."""

    __slots__ = ("_items", "_it")

    def __init__(self, head: str, pos: int) -> None:
        self._items: list[_Tok] = []
        self._it = _TOKEN_RX.finditer(head, pos)

    def has(self, i: int) -> bool:
        while len(self._items) <= i < 24:
            m = next(self._it, None)
            if m is None:
                return False
            if m.lastgroup is not None:
                self._items.append(_Tok(m))
        return i < len(self._items)

    def __getitem__(self, i: int) -> _Tok:
        return self._items[i]


def _is_caps_word(w: str) -> bool:
    return w.isupper() and _DIGIT_RX.search(w) is None


def _is_title_word(w: str) -> bool:
    if not w[:1].isupper() or _DIGIT_RX.search(w) is not None:
        return False
    # every part of "München/London" starts with a capital
    return "/" not in w or all(part[:1].isupper() for part in w.split("/") if part)


def _plain(w: str) -> str:
    return w.strip(".'’\"“”").lower()


def _match(body: str) -> tuple[int, str | None, str | None] | None:
    head = body[:_MAX_HEAD]
    if not head:
        return None
    pos = 0
    m = _CORRESPONDENT_RX.match(head)
    if m is not None:
        pos = m.end()
    toks = _Toks(head, pos)
    if not toks.has(0):
        return None
    if toks[0].kind == "paren":
        return _agency_only(toks)
    if toks[0].kind != "word":
        return None
    first = toks[0].text
    caps = _is_caps_word(first) and len(_LETTERS_RX.findall(first)) >= 2
    if not caps and not _is_title_word(first):
        return None
    # the place
    i = 0
    words: list[_Tok] = []
    limit = _MAX_CAPS_WORDS if caps else _MAX_TITLE_WORDS
    while toks.has(i) and toks[i].kind == "word":
        w = toks[i].text
        if caps:
            ok = _is_caps_word(w)
        else:
            ok = _is_title_word(w) or (w in _PLACE_PARTICLES and bool(words) and toks.has(i + 1)
                                       and toks[i + 1].kind == "word" and _is_title_word(toks[i + 1].text))
        if not ok:
            break
        words.append(toks[i])
        i += 1
        if len(words) > limit:
            return None
    if not words or not _place_words_ok(words, caps):
        return None
    place_end = words[-1].end
    date_seen = False
    # ", Region" and/or ", Date"
    while toks.has(i) and toks[i].kind == "comma":
        dm = _DATE_AFTER_COMMA_RX.match(head, toks[i].end)
        if dm is not None and not date_seen:
            date_seen = True
            # skip the date's tokens
            while toks.has(i) and toks[i].start < dm.end():
                i += 1
            continue
        j = i + 1
        region: list[_Tok] = []
        while toks.has(j) and toks[j].kind == "word" and len(region) < 3 and not date_seen:
            w = toks[j].text
            if not (_is_title_word(w) or _is_caps_word(w) or (region and w in _PLACE_PARTICLES)):
                break
            region.append(toks[j])
            j += 1
        if not region or _plain(region[0].text) in NOT_PLACES:
            return None
        place_end = region[-1].end
        i = j
    if not toks.has(i):
        return None
    agency: str | None = None
    tok = toks[i]
    if tok.kind == "paren":
        agency = _agency(tok.text)
        if agency is None:
            return None
        end = tok.end
        i += 1
        if toks.has(i) and toks[i].kind in ("dash", "colon") and toks[i].start - end <= 2:
            end = toks[i].end
        elif not _sentence_starts(head, end):
            return None
    elif tok.kind in ("dash", "colon"):
        end = tok.end
        if end - pos > _MAX_PLAIN + 3:
            return None
        if not caps and tok.start - pos > 40:
            return None
        if tok.kind == "colon" and not caps and (len(words) > 1 or place_end != words[-1].end):
            return None  # "Case Study:", "Next Up:": only one-word title-case places take a colon
        if tok.kind == "colon" and head[end : end + 1] not in (" ", "\u00a0"):
            return None
        if tok.kind == "colon" and not caps and head[tok.start - 1 : tok.start].isspace():
            return None  # "Kultur : ..." is a kicker; a title-case place takes its colon directly
        if tok.text == "-" and head[tok.start - 1 : tok.start] != " " and not caps:
            return None
    else:
        return None
    # the text after the dateline must start a sentence (not a date, a dash or nothing but punctuation)
    after = body[end:].lstrip()
    if after and not (after[:1].isalnum() or after[:1] in "\"'“‘«„(["):
        return None
    if agency is None and _DATE_START_RX.match(after):
        return None
    place = head[toks[0].start : place_end].strip(" ,")
    return end, place or None, agency


def _place_words_ok(words: list[_Tok], caps: bool) -> bool:
    first = _plain(words[0].text)
    if len(words) == 1 and first in _ALONE_NOT_PLACES:
        return False
    if first in NOT_PLACES and not (first in _ARTICLE_OPENERS and len(words) > 1):
        return False
    for w in words[1:]:
        p = _plain(w.text)
        if p in NOT_PLACES and p not in _ARTICLE_OPENERS and p not in _PLACE_PARTICLES:
            return False
        if "/" in w.text and any(_plain(part) in NOT_PLACES - _ARTICLE_OPENERS for part in w.text.split("/")):
            return False
    if caps and len(words) == 1 and len(_LETTERS_RX.findall(words[0].text)) < 3:
        return False  # "A -", "US:" are not datelines on their own
    if not words[0].text[:1].isalpha():
        return False
    return not _NOT_PLACE_SUFFIX_RX.search(words[-1].text.strip(".'’"))


def _agency(text: str) -> str | None:
    text = " ".join(text.split())
    if not _AGENCY_RX.match(text) or len(text.split()) > 4:
        return None
    if _plain(text.split()[0]) in NOT_PLACES and text.split()[0].lower() not in ("ap",):
        return None
    return text


def _sentence_starts(head: str, pos: int) -> bool:
    rest = head[pos:].lstrip()
    return bool(rest) and (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "\"'“‘«„")


def _agency_only(toks: _Toks) -> tuple[int, str | None, str | None] | None:
    """"(AP) — The ..." : an agency without a place."""
    agency = _agency(toks[0].text)
    if agency is None or not toks.has(1) or toks[1].kind != "dash":
        return None
    return toks[1].end, None, agency
