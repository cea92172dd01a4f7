"""Date strings -> datetimes.

A small recogniser instead of a general date parser: every accepted form is a regular expression
that needs a day, a month and a year (or, with a ``reference``, a relative phrase), so free text,
copyright lines, phone numbers and bare years do not turn into dates. A time printed next to the
date (after it, or just before it as in "7:08 AM ET Nov 19, 2019") is attached, with its zone.

Accepted (searched anywhere in the string, first one wins in :func:`parse_date`):

- ISO 8601 (``2020-11-04``, ``2020-11-04T15:30:00.123Z``, ``+01:00``, basic ``20201104T1530Z``),
  year-first numeric (``2020/11/04``, Korean ``2020.11.04`` / ``2020. 11. 4.``);
- RFC 2822 (``Tue, 19 Nov 2019 14:03:00 GMT``), US (``Nov. 4, 2020 3:54 PM EST``), numeric
  ``11/04/2020`` (month first for ``/`` unless impossible), ``4.11.2020`` / ``04-11-2020`` (day first);
- Java's ``Date.toString`` (``Tue Jan 28 15:28:56 CET 2020``);
- day-first month names in English, German, French, Italian, Spanish, Dutch, Portuguese, Catalan, Russian,
  Ukrainian, Bulgarian, Serbian, Polish, Czech, Slovak, Scandinavian, Finnish, Hungarian, Romanian, Turkish,
  Indonesian, Greek, Arabic, Georgian (``4. November 2020``, ``le 4 nov. 2020 à 15h30``, ``4 de noviembre de
  2020``, ``1er janvier 2020``, ``17 d'agost de 2020``, ``15 августа 2016``, ``3 października 2020``);
- Chinese / Japanese / Korean ``2020年11月4日 15:30``, ``2020년 11월 4일``;
- year first with a month name, Hungarian style: ``2020. augusztus 17.``, ``2021. márc. 3. 10:15``;
- ``23.09.22`` (two-digit year, day and month printed with two digits), with ``dayfirst=True`` only;
- with ``reference`` only: relative phrases (``2 hours ago``, ``vor 3 Tagen``, ``il y a 2 jours``,
  ``hace 2 días``, ``2 giorni fa``, ``2 dagen geleden``, ``há 2 dias``, ``yesterday``, ``gestern``...)
  and, in :func:`parse_date` and :func:`find_yearless_spans` only, a month and day without a year
  (``March 18 at 3:57 PM``).

Not accepted: a month and year without a day, bare years, times alone, two-digit years except in
``m/d/yy`` and ``dd.mm.yy`` (``1.2.20`` is a version number), years outside 1990-2100 (1900-2100 when the
month is spelled out), relative months/years ("2 years ago" cannot give a day).
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from collections.abc import Iterator

__all__ = ["parse_date", "date_from_url", "find_dates"]

#: Longest string :func:`parse_date` looks at (date strings are short; a page is not a date).
_MAX_PARSE = 300
#: Longest string :func:`find_dates` scans (header text around a byline, not a whole page).
_MAX_FIND = 5000
#: Plausible years for dates found on news pages: CMS placeholders (1970, 0001) and typos fall outside.
_MIN_YEAR, _MAX_YEAR = 1990, 2100
#: Lowest year accepted when the month is spelled out and the year has four digits (archive stories).
_MIN_YEAR_SPELLED = 1900

#: Month names and abbreviations (lower case) in the languages newsparse reads, -> month number.
MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan januar jänner jän janvier janv janvier gennaio gen enero ene januari janeiro",
        "february feb febr februar février fevrier févr fevr fév fev febbraio febrero februari fevereiro",
        "march mar märz maerz marz mär mars marzo marzo maart mrt março marco",
        "april apr avril avr aprile abril abr",
        "may mai mai maggio mag mayo mei maio",
        "june jun juni juin giugno giu junio junho",
        "july jul juli juillet juil luglio lug julio julho",
        "august aug augustus août aout agosto ago",
        "september sep sept septembre settembre set septiembre setiembre setembro",
        "october oct okt oktober octobre ottobre ott octubre outubro out",
        "november nov novembre noviembre novembro",
        "december dec dez dezember décembre decembre déc dicembre dic diciembre dezembro",
    ),
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _num
#: More languages, nominative and genitive ("15 августа 2016", "3 września 2020", "5. května 2021"):
#: Russian, Ukrainian, Polish, Czech, Slovak, Scandinavian, Finnish, Turkish, Romanian, Indonesian,
#: Catalan, Hungarian, Greek, Bulgarian, Serbian, Arabic, Georgian, Hebrew (with its "in" prefix), Hindi,
#: Marathi (with and without the nukta composed).
#: Only ever read next to a day and a year, so the common words among them ("mars", "maj",
#: "listopad") cannot turn prose into a date.
for _num, _names in enumerate(
    (
        "января январь янв січня січень січ stycznia styczeń sty ledna leden januára januar tammikuuta ocak"
        " ianuarie ian gener gen január ιανουαρίου ιαν януари јануар يناير იანვარი ינואר בינואר जनवरी जानेवारी",
        "февраля февраль фев лютого лютий лют lutego luty lut února únor februára februar helmikuuta şubat"
        " subat februarie febrer február febr φεβρουαρίου φεβ февруари фебруар فبراير თებერვალი פברואר בפברואר"
        " फ़रवरी फरवरी फेब्रुवारी",
        "марта март мар березня березень бер marca marzec března březen marts maaliskuuta mart martie març"
        " március márc μαρτίου μαρ maret مارس მარტი מרץ במרץ מרס במרס मार्च",
        "апреля апрель апр квітня квітень кві kwietnia kwiecień kwi dubna duben apríla april huhtikuuta nisan"
        " aprilie abril április ápr απριλίου απρ април أبريل ابريل إبريل აპრილი אפריל באפריל अप्रैल अप्रेल"
        " एप्रिल",
        "мая май травня травень тра maja maj května květen mája toukokuuta mayıs mayis mai maig május máj"
        " μαΐου μαΐ μαιου mei мај مايو მაისი מאי במאי मई मे",
        "июня июнь июн червня червень чер czerwca czerwiec cze června červen júna juni kesäkuuta haziran"
        " iunie juny június jún ιουνίου ιουν юни јун يونيو يونيه ივნისი יוני ביוני जून",
        "июля июль июл липня липень лип lipca lipiec lip července červenec júla juli heinäkuuta temmuz iulie"
        " juliol július júl ιουλίου ιουλ юли јул يوليو يوليه ივლისი יולי ביולי जुलाई जुलै",
        "августа август авг серпня серпень сер sierpnia sierpień srpna srpen augusta augusti elokuuta ağustos"
        " agustos august agost augusztus aug αυγούστου αυγ agustus أغسطس اغسطس აგვისტო אוגוסט באוגוסט अगस्त"
        " ऑगस्ट",
        "сентября сентябрь сен сент вересня вересень вер września wrzesień wrz září septembra september"
        " syyskuuta eylül eylul septembrie setembre szeptember szept σεπτεμβρίου σεπ септември септембар"
        " سبتمبر სექტემბერი ספטמבר בספטמבר सितंबर सितम्बर सप्टेंबर",
        "октября октябрь окт жовтня жовтень жов października październik paź října říjen októbra oktober"
        " lokakuuta ekim octombrie octubre október okt οκτωβρίου οκτ октомври октобар أكتوبر اكتوبر ოქტომბერი"
        " אוקטובר באוקטובר अक्टूबर अक्तूबर ऑक्टोबर",
        "ноября ноябрь ноя листопада листопад лис listopada listopad lis listopadu novembra november"
        " marraskuuta kasım kasim noiembrie novembre νοεμβρίου νοε ноември новембар نوفمبر ნოემბერი נובמבר"
        " בנובמבר नवंबर नवम्बर नोव्हेंबर",
        "декабря декабрь дек грудня грудень гру grudnia grudzień gru prosince prosinec decembra december"
        " joulukuuta aralık aralik decembrie desembre δεκεμβρίου δεκ desember декември децембар ديسمبر"
        " დეკემბერი דצמבר בדצמבר दिसंबर दिसम्बर डिसेंबर",
    ),
    start=1,
):
    for _n in _names.split():
        MONTHS[_n] = _num

#: Regex alternation of the month names, longest first so "sept" wins over "sep".
MONTH_ALT = "(?:" + "|".join(re.escape(n) for n in sorted(MONTHS, key=len, reverse=True)) + ")"

#: Weekday names (and short forms) that may stand between a time and the date it belongs to.
WEEKDAYS = frozenset(
    (
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
        "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so "
        "lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim "
        "lunedì martedì mercoledì giovedì venerdì sabato domenica lunedi martedi mercoledi giovedi venerdi "
        "lunes martes miércoles miercoles jueves viernes sábado domingo "
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
        "segunda terça terca quarta quinta sexta feira"
    ).split()
)

#: Small words printed between a time and a date ("1:33 am CST, on Wednesday, ...").
_GAP_WORDS = WEEKDAYS | frozenset("on le am el il de del du den der at a à um om às alle ore kl klo".split())

#: Zone abbreviations -> UTC offset in minutes; the US "ET/CT/MT/PT" ones follow US daylight saving.
ZONES: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
    "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120, "BST": 60, "WEST": 60, "IST": 330,
    "EET": 120, "EEST": 180, "MSK": 180, "JST": 540, "KST": 540, "HKT": 480, "SGT": 480,
    "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780,
}  # fmt: skip
#: US zone names printed without the standard/daylight letter: offset (standard time) in minutes.
_US_GENERIC = {"ET": -300, "CT": -360, "MT": -420, "PT": -480}

_ZONE_ALT = "|".join(sorted([*ZONES, *_US_GENERIC], key=len, reverse=True))

_NOT_LETTER_AFTER = r"(?![^\W\d_])"
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
# A month name may also be glued to a lower-case word by a lost space ("Associated PressDecember 2").
_MONTH_START = r"(?:(?<![^\W\d_])|(?-i:(?<=[a-z])(?=[A-Z])))"


#: Devanagari vowel signs and nukta: parts of a Hindi or Marathi word that Python does not count as letters.
_INDIC_MARKS = "\u0900-\u0903\u093a-\u094f\u0955-\u0957\u0962\u0963"
#: Text that needs the month patterns with those marks (slower: used only for such text).
_HAS_INDIC = re.compile("[\u0900-\u097f]")


def _mon(group: str, marks: bool = False) -> str:
    # any 3-12 letter word: checked against MONTHS in code (a 400-name alternation is slow to scan)
    letter = f"(?:[^\\W\\d_]|[{_INDIC_MARKS}])" if marks else "[^\\W\\d_]"
    return rf"{_MONTH_START}(?P<{group}>{letter}{{3,12}}){_NOT_LETTER_AFTER}\.?"


_HAS_DIGIT = re.compile(r"\d")


#: What must follow a two-digit year for "Jan 17, 08" to be a date: a clock time, after a space, a
#: separator or "at" (a lookahead, so the time itself is still read by _TIME_AFTER_RX).
_SHORT_YEAR_CLOCK = r"(?=(?:\s{1,3}|\s{0,3}[,@|\-–—]\s{0,3})(?:at\s{1,3})?\d{1,2}[:.][0-5]\d(?!\d))"


def _date_rx(marks: bool) -> re.Pattern[str]:
    """One scanner for all absolute dates: alternatives are tried left to right at each position."""
    return re.compile(
        "|".join(
            (
                # 1. ISO / year-first numeric: 2020-11-04, 2020/11/04, 2020.11.04, 2020. 11. 4.
                r"(?<![\d.,/:-])(?P<iy>\d{4})(?P<isep>[-/.])\s?(?P<im>\d{1,2})(?P=isep)\s?(?P<id>\d{1,2})(?!\d|[-/]\d|\.\d)\.?",
                # 1b. ISO basic: 20201104T153000Z
                r"(?<![\d.,/:-])(?P<by>\d{4})(?P<bm>\d{2})(?P<bd>\d{2})(?=T\d)",
                # 2. CJK: 2020年11月4日, 2020년 11월 4일
                r"(?<!\d)(?P<cy>\d{4})\s?[年년]\s?(?P<cm>\d{1,2})\s?[月월]\s?(?P<cd>\d{1,2})\s?[日일]",
                # 3. month first: November 4, 2020 / Nov. 4th 2020 / Oct 29, 2012; or with the time and zone
                # between the day and the year (Java's Date.toString): Tue Jan 28 15:28:56 CET 2020
                _mon("am", marks)
                + r"(?:[\s,]{0,3}(?P<ad>\d{1,2})(?:st|nd|rd|th)?(?!\d)[\s,.\-]{0,3}(?P<ay>\d{4})(?!\d)"
                r"|\s{1,3}(?P<jd>\d{1,2})\s{1,3}(?P<jt>\d{1,2}:[0-5]\d(?::[0-5]\d)?)\s{1,3}"
                r"(?:[^\W\d_]{1,5}(?:[+-]\d{1,2}(?::?\d\d)?)?\s{1,3})?(?P<jy>\d{4})(?!\d)"
                # 3c. two-digit year after a comma, only with a clock time after it (blog comment stamps):
                # Jan 17, 08 at 03:13 PM; without the time "Jan 17, 08" is too often a list or a score
                r"|\s{1,3}(?P<kd>\d{1,2})(?:st|nd|rd|th)?,\s{0,2}(?P<ky>\d{2})" + _SHORT_YEAR_CLOCK + ")",
                # 4. day first: 4 November 2020 / 4. November 2020 / 4 de noviembre de 2020 / 19-Nov-2019 / 17 d'agost
                r"(?<![\d.,:])(?P<dd>\d{1,2})(?:st|nd|rd|th|er|re|º|°|ª|\.)?[\s\-/]{0,3}(?:de\s{1,3}|d['’])?"
                + _mon("dm", marks)
                + r"[\s,\-/]{0,3}(?:(?:de|del)\s{1,3})?(?P<dy>\d{4})(?!\d)",
                # 4b. year first with a month name (Hungarian): 2020. augusztus 17.
                r"(?<![\d.,/:-])(?P<hy>\d{4})\.\s{0,3}" + _mon("hm", marks) + r"\s{0,3}(?P<hd>\d{1,2})\.(?!\d)",
                # 5. numeric day/month: 11/04/2020, 4.11.2020, 04-11-2020, 11/19/19
                r"(?<![\d.,/:-])(?P<na>\d{1,2})(?P<nsep>[./-])(?P<nb>\d{1,2})(?P=nsep)(?P<ny>\d{4}|\d{2})(?!\d|[-/]\d|\.\d)",
            )
        ),
        re.I,
    )


_DATE_RX = _date_rx(marks=False)
#: The same with Devanagari vowel signs in month names, for text that has them.
_DATE_RX_INDIC = _date_rx(marks=True)

# A clock time: 15:30, 15:30:00.123, 3:54 PM, 3 p.m., 15h30, 4.34pm, 05:00 Uhr
_TIME = (
    r"(?P<H>\d(?<![\d:.,]\d)\d?)(?!\d)"  # the digit first: a cheap test at each position
    r"(?:\s?[:h]\s?(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?P<F>[.,]\d{1,9})?)?"
    r"|\.(?P<M2>[0-5]\d)(?=\s?(?:[ap]\.?\s?m|uhr)))?"
    r"(?:\s?(?P<AP>[ap])\.?\s?m\.?" + _NOT_LETTER_AFTER + r")?"
    r"(?:\s?uhr" + _NOT_LETTER_AFTER + r")?"
)
# A zone after a time: Z, +01:00, +0100, GMT+2, UTC, EST, (ET)
_ZONE = (
    r"(?:(?-i:(?P<Z>Z))" + _NOT_LETTER_AFTER + r"|\s?(?P<OFF>[+-](?:[01]\d|2[0-3]):?[0-5]\d)(?!\d)"
    r"|\s?\(?\s?(?-i:(?P<TZ>" + _ZONE_ALT + r"))(?:\s?(?P<TZOFF>[+-]\d{1,2}(?::?[0-5]\d)?))?(?![\w])\)?)?"
)
_TIME_RX = re.compile(_TIME + _ZONE, re.I)
# A time right after a date: "T", or up to two separators and one linking word ("at", "à", "um").
_TIME_AFTER_RX = re.compile(
    r"(?:T|\s{0,3}(?:[,;|/@(\-–—]\s{0,3}){0,2}"
    r"(?:(?:at|à|a las|a la|alle ore|alle|ore|um|om|às|kl\.?|klo|le)\s{1,3})?)" + _TIME + _ZONE,
    re.I,
)
# The time of an ISO basic date-time: T153000Z, T1530+0100.
_BASIC_TIME_RX = re.compile(r"T(?P<H>[01]\d|2[0-3])(?P<M>[0-5]\d)(?:(?P<S>[0-5]\d)(?P<F>[.,]\d{1,9})?)?(?P<AP>(?!))?(?P<M2>(?!))?" + _ZONE)
_GAP_SPLIT = re.compile(r"[^\W\d_]+")
_GAP_OK = re.compile(r"[\s,;|/@()\-–—.:]*")

# Relative phrases, only used when a reference time is given. Units -> seconds.
_UNITS: dict[str, int] = {}
for _secs, _words in (
    (1, "s sec secs second seconds sekunde sekunden seconde secondes segundo segundos secondo secondi seconden"),
    (60, "m min mins minute minutes minuten minuto minutos minuti minuut"),
    (3600, "h hr hrs hour hours std stunde stunden heure heures hora horas ora ore uur"),
    (86400, "d day days tag tage tagen jour jours día días dia dias giorno giorni dag dagen"),
    (604800, "w wk wks week weeks woche wochen semaine semaines semana semanas settimana settimane weken"),
):
    for _w in _words.split():
        _UNITS[_w] = _secs
#: Number words meaning "one" in relative phrases ("an hour ago", "vor einer Stunde", "il y a une heure").
_ONE_WORDS = frozenset("a an one ein eine einem einer un une uno una um uma een".split())
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_NUM = r"(?P<{g}>\d{{1,3}}|an?|one|ein(?:e[mr]?)?|une?|uno|una|uma?|een)"
_REL_RX = re.compile(
    "|".join(
        (
            _NOT_LETTER_BEFORE + _NUM.format(g="n1") + r"\s?(?P<u1>" + _UNIT_ALT + r")\.?\s{1,3}ago" + _NOT_LETTER_AFTER,
            _NOT_LETTER_BEFORE + r"(?:vor|il\s{1,3}y\s{1,3}a|hace|há|ha)\s{1,3}" + _NUM.format(g="n2")
            + r"\s?(?P<u2>" + _UNIT_ALT + r")" + _NOT_LETTER_AFTER,
            _NOT_LETTER_BEFORE + _NUM.format(g="n3") + r"\s?(?P<u3>" + _UNIT_ALT + r")\.?\s{1,3}(?:fa|geleden)"
            + _NOT_LETTER_AFTER,
            # whole days: yesterday, today, the day before yesterday
            _NOT_LETTER_BEFORE + r"(?P<day>yesterday|today|just now|gestern|vorgestern|heute|gerade eben"
            r"|avant-hier|aujourd'hui|aujourd’hui|hier(?=\s{0,3}(?:à|a|,|$))|anteayer|ayer|hoy|ieri|oggi|l'altro ieri"
            r"|eergisteren|gisteren|vandaag|anteontem|ontem|hoje)" + _NOT_LETTER_AFTER,
        )
    ),
    re.I,
)
# Cheap test for the words every relative phrase contains, before the slow full pattern.
_REL_HINT_RX = re.compile(
    r"ago|vor|il y a|hace|há|ha |fa\b|geleden|yesterday|today|just now|gestern|heute|gerade|hier|aujourd"
    r"|ayer|hoy|ieri|oggi|gisteren|vandaag|ontem|hoje",
    re.I,
)
#: Whole-day words -> days back from the reference (None: "now").
_DAY_WORDS: dict[str, int | None] = {
    "today": 0, "heute": 0, "aujourd'hui": 0, "aujourd’hui": 0, "hoy": 0, "oggi": 0, "vandaag": 0, "hoje": 0,
    "yesterday": 1, "gestern": 1, "hier": 1, "ayer": 1, "ieri": 1, "gisteren": 1, "ontem": 1,
    "vorgestern": 2, "avant-hier": 2, "anteayer": 2, "l'altro ieri": 2, "eergisteren": 2, "anteontem": 2,
    "just now": None, "gerade eben": None,
}  # fmt: skip

# Month and day without a year ("March 18", "18. März"), only in parse_date with a reference.
def _noyear_rx(marks: bool) -> re.Pattern[str]:
    return re.compile(
        _mon("am", marks) + r"\s{0,3}(?P<ad>\d{1,2})(?:st|nd|rd|th)?(?![\d:.]|,?\s{0,3}\d{4})"
        r"|(?<![\d.,:])(?P<dd>\d{1,2})(?:st|nd|rd|th|er|\.)?\s{0,3}(?:de\s{1,3})?"
        + _mon("dm", marks)
        + r"(?![\s,]{0,3}\d)",
        re.I,
    )


_NOYEAR_RX = _noyear_rx(marks=False)
_NOYEAR_RX_INDIC = _noyear_rx(marks=True)


def parse_date(
    text: str, *, reference: _dt.datetime | None = None, dayfirst: bool | None = None
) -> _dt.datetime | None:
    """Parse a date string as printed on a page or in metadata; ``None`` when it holds no date.

    The first date expression in the string wins, so label words around it ("Published",
    "posted on", "Stand:") do no harm. The zone is kept when one is printed (fixed offsets);
    otherwise the result is naive. Relative phrases ("2 hours ago", "gestern") and a month and
    day without a year need ``reference`` (the time the page was fetched); results relative to it
    keep its zone. ``dayfirst`` settles ``01/02/2020``: ``None`` (default) reads ``/`` month first
    (US) and ``.``/``-`` day first; a number above 12 always decides.
    """
    if not isinstance(text, str):
        return None
    text = text[:_MAX_PARSE]
    if not text.strip():
        return None
    try:
        m = _ISO_FULL_RX.match(text)
        if m is not None:  # the common metadata case, without the scan
            return _iso_full(m)
        for _start, _end, value in _scan(text, reference, _MIN_YEAR_SPELLED, dayfirst, first_only=True):
            return value
        if reference is not None:
            return _no_year(text, reference)
    except (ValueError, OverflowError):  # pragma: no cover - every path validates first
        return None
    return None


def find_dates(
    text: str, *, reference: _dt.datetime | None = None, dayfirst: bool | None = None
) -> list[_dt.datetime]:
    """Every date expression inside a longer string, in order of appearance.

    E.g. ``"By Jane Doe | Nov 19, 2019 | 3 min read"`` -> ``[datetime(2019, 11, 19)]``. Same forms as
    :func:`parse_date` (relative phrases only with ``reference``), but years must be 1990-2100.
    """
    if not isinstance(text, str):
        return []
    try:
        return [v for _s, _e, v in _scan(text[:_MAX_FIND], reference, _MIN_YEAR, dayfirst)]
    except (ValueError, OverflowError):  # pragma: no cover - every path validates first
        return []


def find_date_spans(
    text: str, *, reference: _dt.datetime | None = None, dayfirst: bool | None = None
) -> list[tuple[int, int, _dt.datetime]]:
    """Like :func:`find_dates`, with the (start, end) of each expression, its time included."""
    if not isinstance(text, str):
        return []
    try:
        return list(_scan(text[:_MAX_FIND], reference, _MIN_YEAR, dayfirst))
    except (ValueError, OverflowError):  # pragma: no cover
        return []


# A whole string in ISO 8601 extended form: parsed directly.
_ISO_FULL_RX = re.compile(
    r"\s*(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d{1,9}))?)?\s?(Z|[+-]\d\d(?::?\d\d)?)?)?\s*\Z"
)


def _iso_full(m: re.Match[str]) -> _dt.datetime | None:
    y, mo, d, hh, mi, ss, frac, zone = m.groups()
    ymd = _valid(int(y), int(mo), int(d), _MIN_YEAR)
    if ymd is None:
        return None
    if hh is None:
        return _dt.datetime(*ymd)
    hour, minute, second = int(hh), int(mi), int(ss or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    micro = int((frac + "000000")[:6]) if frac else 0
    tz: _dt.tzinfo | None = None
    if zone is not None:
        tz = _dt.timezone.utc if zone == "Z" else _offset(zone)
        if tz is None:
            return None
    return _dt.datetime(*ymd, hour, minute, second, micro, tzinfo=tz)


def _scan(
    text: str, reference: _dt.datetime | None, min_spelled: int, dayfirst: bool | None, *, first_only: bool = False
) -> Iterator[tuple[int, int, _dt.datetime]]:
    hits: list[tuple[int, int, _dt.datetime]] = []
    consumed = 0
    pos = 0
    search = None
    if _HAS_DIGIT.search(text):  # (the script test only when a date can be there at all)
        search = (_DATE_RX_INDIC if _HAS_INDIC.search(text) else _DATE_RX).search
    while search is not None:
        m = search(text, pos)
        if m is None:
            break
        ymd = _ymd(m, min_spelled, dayfirst)
        if ymd is None:
            pos = m.start() + 1  # not a date after all: a real one may start inside it
            continue
        start, end = m.start(), m.end()
        pos = end
        clock = None
        if m.lastgroup == "jy":  # the time stands between the day and the year
            tm = _TIME_RX.match(text, m.start("jt"))
        else:
            tm = (_BASIC_TIME_RX if m.lastgroup == "bd" else _TIME_AFTER_RX).match(text, end)
        if tm is not None:
            clock = _clock(tm, ymd)
            if clock is not None:
                end = max(end, tm.end())
        if clock is None:
            before = _time_before(text, max(consumed, start - 48), start, ymd)
            if before is not None:
                start, clock = before
        consumed = end
        y, mo, d = ymd
        if clock is None:
            hits.append((start, end, _dt.datetime(y, mo, d)))
        else:
            hh, mi, ss, us, tz = clock
            hits.append((start, end, _dt.datetime(y, mo, d, hh, mi, ss, us, tzinfo=tz)))
        if first_only and reference is None:
            break
    if reference is not None and _REL_HINT_RX.search(text):
        hits.extend(_relative(text, reference))
        hits.sort(key=lambda h: h[0])
    return iter(hits)


def _valid(y: int, mo: int, d: int, lo: int) -> tuple[int, int, int] | None:
    if not (lo <= y <= _MAX_YEAR and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    try:
        _dt.date(y, mo, d)
    except ValueError:
        return None
    return y, mo, d


def _ymd(m: re.Match[str], min_spelled: int, dayfirst: bool | None) -> tuple[int, int, int] | None:
    last = m.lastgroup  # the last group of the alternative that matched tells which one it was
    if last == "id":
        y, mo, d = m.group("iy", "im", "id")
        return _valid(int(y), int(mo), int(d), _MIN_YEAR)
    if last == "bd":
        y, mo, d = m.group("by", "bm", "bd")
        return _valid(int(y), int(mo), int(d), _MIN_YEAR)
    if last == "cd":
        y, mo, d = m.group("cy", "cm", "cd")
        return _valid(int(y), int(mo), int(d), _MIN_YEAR)
    if last == "ay":
        name, d, y = m.group("am", "ad", "ay")
        month = MONTHS.get(name.lower())
        return None if month is None else _valid(int(y), month, int(d), min_spelled)
    if last == "hd":
        y, name, d = m.group("hy", "hm", "hd")
        month = MONTHS.get(name.lower())
        return None if month is None else _valid(int(y), month, int(d), min_spelled)
    if last == "jy":
        name, d, y = m.group("am", "jd", "jy")
        month = MONTHS.get(name.lower())
        return None if month is None else _valid(int(y), month, int(d), min_spelled)
    if last == "ky":
        name, d, y = m.group("am", "kd", "ky")
        month = MONTHS.get(name.lower())
        year = 2000 + int(y) if int(y) < 70 else 1900 + int(y)
        return None if month is None else _valid(year, month, int(d), min_spelled)
    if last == "dy":
        d, name, y = m.group("dd", "dm", "dy")
        month = MONTHS.get(name.lower())
        return None if month is None else _valid(int(y), month, int(d), min_spelled)
    atxt, btxt, ytxt, sep = m.group("na", "nb", "ny", "nsep")
    a, b = int(atxt), int(btxt)
    if len(ytxt) == 2:
        if sep != "/" and (len(atxt) != 2 or len(btxt) != 2 or sep != "." or dayfirst is not True):
            # 1.2.20 is a version number far more often than a date; 23.09.22 on a day-first page is a
            # date, while US pages print "11.05.12" month first
            return None
        y2 = int(ytxt)
        year = 2000 + y2 if y2 < 70 else 1900 + y2
    else:
        year = int(ytxt)
    first_is_day = (sep != "/") if dayfirst is None else dayfirst
    if a > 12 and b <= 12:
        first_is_day = True
    elif b > 12 and a <= 12:
        first_is_day = False
    day, month = (a, b) if first_is_day else (b, a)
    return _valid(year, month, day, _MIN_YEAR)


_Clock = tuple[int, int, int, int, _dt.tzinfo | None]


def _clock(tm: re.Match[str], ymd: tuple[int, int, int]) -> _Clock | None:
    htxt, mtxt, m2txt, stxt, ftxt, ap = tm.group("H", "M", "M2", "S", "F", "AP")
    minute_txt = mtxt or m2txt
    if minute_txt is None and ap is None:
        return None
    hour = int(htxt)
    if hour > 23:
        return None
    minute = int(minute_txt) if minute_txt else 0
    second = int(stxt) if stxt else 0
    micro = int((ftxt[1:] + "000000")[:6]) if ftxt else 0
    if ap is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap.lower() == "p" else 0)
    return hour, minute, second, micro, _zone(tm, ymd, hour)


def _zone(tm: re.Match[str], ymd: tuple[int, int, int], hour: int) -> _dt.tzinfo | None:
    z, off, name, extra = tm.group("Z", "OFF", "TZ", "TZOFF")
    if z:
        return _dt.timezone.utc
    if off:
        return _offset(off)
    if not name:
        return None
    if name in _US_GENERIC:
        minutes = _US_GENERIC[name] + (60 if _us_dst(ymd, hour) else 0)
    else:
        minutes = ZONES[name]
    if extra:
        extra_tz = _offset(extra if ":" in extra or len(extra) > 3 else f"{extra[0]}{int(extra[1:]):02d}00")
        if extra_tz is None:
            return None
        delta = extra_tz.utcoffset(None)
        minutes += int(delta.total_seconds() // 60) if delta is not None else 0
    if not -1080 < minutes < 1080:
        return None
    return _tz(minutes)


@functools.lru_cache(maxsize=256)
def _tz(minutes: int) -> _dt.tzinfo:
    return _dt.timezone.utc if minutes == 0 else _dt.timezone(_dt.timedelta(minutes=minutes))


@functools.lru_cache(maxsize=256)
def _offset(text: str) -> _dt.tzinfo | None:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    if len(digits) == 2:
        digits += "00"
    if len(digits) != 4 or not digits.isdigit():
        return None
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 17 or minutes > 59:
        return None
    return _tz(sign * (hours * 60 + minutes))


def _nth_sunday(year: int, month: int, n: int) -> int:
    first = _dt.date(year, month, 1)
    first_sunday = 1 + (6 - first.weekday()) % 7
    return first_sunday + 7 * (n - 1)


def _us_dst(ymd: tuple[int, int, int], hour: int) -> bool:
    """US daylight saving time (rules since 2007; 1987-2006 before) at a local date and hour."""
    y, mo, d = ymd
    if y >= 2007:
        start = (3, _nth_sunday(y, 3, 2))
        end = (11, _nth_sunday(y, 11, 1))
    else:
        start = (4, _nth_sunday(y, 4, 1))
        last = _nth_sunday(y, 10, 4)
        end = (10, last + 7 if last + 7 <= 31 else last)
    here = (mo, d)
    if here == start:
        return hour >= 2
    if here == end:
        return hour < 2
    return start < here < end


def _time_before(text: str, lo: int, start: int, ymd: tuple[int, int, int]) -> tuple[int, _Clock] | None:
    """A time printed just before the date ("Published 7:08 AM ET Nov 19, 2019")."""
    best: tuple[int, _Clock] | None = None
    if lo >= start or _HAS_DIGIT.search(text, lo, start) is None:
        return None
    for tm in _TIME_RX.finditer(text, lo, start):
        gap = text[tm.end() : start]
        if len(gap) > 30 or not _gap_ok(gap):
            continue
        clock = _clock(tm, ymd)
        if clock is not None:
            best = (tm.start(), clock)
    return best


def _gap_ok(gap: str) -> bool:
    if any(w.lower() not in _GAP_WORDS for w in _GAP_SPLIT.findall(gap)):
        return False
    return _GAP_OK.fullmatch(_GAP_SPLIT.sub("", gap)) is not None


def _relative(text: str, reference: _dt.datetime) -> list[tuple[int, int, _dt.datetime]]:
    out: list[tuple[int, int, _dt.datetime]] = []
    for m in _REL_RX.finditer(text):
        g = m.groupdict()
        day = g["day"]
        if day is not None:
            back = _DAY_WORDS.get(day.lower().replace("’", "'"))
            if back is None:
                out.append((m.start(), m.end(), reference))
                continue
            base = reference - _dt.timedelta(days=back)
            end = m.end()
            value = base.replace(hour=0, minute=0, second=0, microsecond=0)
            tm = _TIME_AFTER_RX.match(text, end)
            if tm is not None:
                clock = _clock(tm, (base.year, base.month, base.day))
                if clock is not None:
                    hh, mi, ss, us, tz = clock
                    value = base.replace(hour=hh, minute=mi, second=ss, microsecond=us)
                    if tz is not None:
                        value = value.replace(tzinfo=tz)
                    end = tm.end()
            out.append((m.start(), end, value))
            continue
        num = g["n1"] or g["n2"] or g["n3"] or ""
        unit = (g["u1"] or g["u2"] or g["u3"] or "").lower()
        count = int(num) if num.isdigit() else (1 if num.lower() in _ONE_WORDS else 0)
        secs = _UNITS.get(unit)
        if not count or secs is None:
            continue
        try:
            out.append((m.start(), m.end(), reference - _dt.timedelta(seconds=count * secs)))
        except OverflowError:
            continue
    return out


def _no_year(text: str, reference: _dt.datetime) -> _dt.datetime | None:
    for _start, _end, value in find_yearless_spans(text, reference):
        return value
    return None


def find_yearless_spans(text: str, reference: _dt.datetime) -> Iterator[tuple[int, int, _dt.datetime]]:
    """Month-and-day dates without a year ("Posted Nov 18, 8:19 PM", "18. März"), read in the year of
    ``reference`` (or the year before, for a day more than a day after it), with (start, end) of each,
    its time included. Full dates and relative phrases are not reported."""
    if not isinstance(text, str) or _HAS_DIGIT.search(text) is None:
        return
    text = text[:_MAX_FIND]
    rx = _NOYEAR_RX_INDIC if _HAS_INDIC.search(text) else _NOYEAR_RX
    pos = 0
    while True:
        m = rx.search(text, pos)
        if m is None:
            return
        pos = m.start() + 1
        g = m.groupdict()
        month = MONTHS.get((g["am"] or g["dm"] or "").lower())
        if month is None:
            continue
        day = int(g["ad"] or g["dd"] or 0)
        for year in (reference.year, reference.year - 1):
            ymd = _valid(year, month, day, _MIN_YEAR)
            if ymd is None:
                continue
            if _dt.date(*ymd) > reference.date() + _dt.timedelta(days=1):
                continue  # "December 30" read in January is last year's
            tm = _TIME_AFTER_RX.match(text, m.end())
            clock = _clock(tm, ymd) if tm is not None else None
            if clock is None or tm is None:
                yield m.start(), m.end(), _dt.datetime(*ymd)
            else:
                hh, mi, ss, us, tz = clock
                yield m.start(), tm.end(), _dt.datetime(*ymd, hh, mi, ss, us, tzinfo=tz)
            pos = m.end()
            break


#: URL path dates: /2020/11/04/, /2020-11-04-slug, /2020_11_04, /20201104/, /2020/nov/04/.
_URL_SEP_RX = re.compile(
    r"(?<![\d])((?:19|20)\d\d)([/_.-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=$|[/?#._]|[^\d/-]|(?<!/\d)(?<!/\d\d)-)"
)
_URL_COMPACT_RX = re.compile(r"(?:^|(?<=[/_.=-]))((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/?#._-])")
_URL_MONTH_RX = re.compile(
    r"(?<![\d])((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}/(0?[1-9]|[12]\d|3[01])(?=$|[/?#._-])",
    re.I,
)
_URL_HOST_RX = re.compile(r"^[a-z][a-z0-9+.-]{0,20}://[^/?#]*", re.I)


def date_from_url(url: str | None) -> _dt.datetime | None:
    """A date written in a URL's path or query: ``/2020/11/04/``, ``/2020-11-04/``, ``/20201104/``.

    A year and month alone (``/2020/11/slug``) give ``None``; so do implausible values and digits
    in the host name.
    """
    if not isinstance(url, str) or not url:
        return None
    path = _URL_HOST_RX.sub("", url[:2000])
    best: tuple[int, _dt.datetime] | None = None
    for rx in (_URL_SEP_RX, _URL_MONTH_RX, _URL_COMPACT_RX):
        for m in rx.finditer(path):
            y = int(m.group(1))
            mon_txt = m.group(len(m.groups()) - 1)
            mo = int(mon_txt) if mon_txt.isdigit() else MONTHS[mon_txt.lower()]
            ymd = _valid(y, mo, int(m.group(len(m.groups()))), _MIN_YEAR)
            if ymd is not None:
                if best is None or m.start() < best[0]:
                    best = (m.start(), _dt.datetime(*ymd))
                break
    return None if best is None else best[1]
