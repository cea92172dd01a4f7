"""Byline strings -> people with roles and affiliations.

``parse_byline("By Jane Doe and John Smith | Staff Writers")`` gives two :class:`Byline` objects.
The string is cut into clauses (at ``;``, ``|``, `` / ``, ``•``, spaced dashes, line breaks and
wherever a date, time, URL, e-mail address, @handle or chrome such as "Follow", "Updated",
"3 min read" stood), each clause into people (at commas, parentheses, "and", "&", "und", "et",
"e", "y", "en", "with", "avec"), and each person into name, role and affiliation.

Where things go:

- A credit line's own words give a normalised, lower-case role: "Reporting by" -> ``reporter``,
  "Additional reporting by" -> ``additional reporting``, "Editing by" -> ``editor``, "Writing by" ->
  ``writer``, "Photographs by" -> ``photographer``, "Reviewed by" -> ``reviewer``. Plain "By", "Von",
  "Par", "Di", "Por", "Door", "Written by", "Posted by", "Text:", "Autor:" give no role. Editors and
  reviewers are returned (with their role) so that callers can keep or drop them.
- A job title printed beside the name is the role as printed ("Staff Writer", "Political
  Correspondent", "Founder"); a plural shared by several people becomes singular for each
  ("Staff Writers" -> "Staff Writer").
- A wire service, a publication or a domain printed beside the name is the affiliation
  ("Reuters", "Associated Press", "Millbrook Valley Courier", "millbrook-courier.org"; "Founder at Acme"
  -> role "Founder", affiliation "Acme"). In "AP Sports Writer" the agency "AP" is the affiliation
  and "Sports Writer" the role.
- A trailing role or affiliation is shared by every person of the clause (or, in a clause of its
  own, of the clause before) that has none yet.
- A wire service credited on its own ("AP", "Adam Vine and AP") is a byline of its own; so is a
  collective credit after an explicit "By" ("By the Acme Team"), and a single given name after
  an explicit credit ("By Marie").
- Names are returned as printed (case kept): each is a substring of the input once runs of
  whitespace are collapsed to one space. Suffixes (Jr., MD, PhD) stay in the name.
"""

from __future__ import annotations

import functools
import re

from .._model import Byline
from .dates import MONTH_ALT, MONTHS, WEEKDAYS, find_date_spans

__all__ = ["parse_byline", "looks_like_person_name"]

#: Longest byline string looked at (a byline is a line, not a paragraph).
_MAX_LEN = 600

#: Credit-line openers -> the role they give (None: the plain author credit).
CREDIT_PREFIXES: dict[str, str | None] = {
    "by": None, "von": None, "par": None, "di": None, "por": None, "door": None, "av": None, "af": None,
    "de": None, "written by": None, "posted by": None, "published by": None, "story by": None,
    "words by": None, "article by": None, "a story by": None, "report by": None, "text by": None,
    "a post by": None, "post by": None, "ein artikel von": None, "ein beitrag von": None,
    "ein gastbeitrag von": None, "veröffentlicht von": None, "geschrieben von": None,
    "un article de": None, "écrit par": None, "scritto da": None, "a cura di": None,
    "escrito por": None, "geschreven door": None,
    "text": None, "text von": None, "texte": None, "testo": None, "texto": None, "tekst": None,
    "autor": None, "autorin": None, "author": None, "authors": None, "auteur": None, "autore": None,
    "autora": None, "autores": None, "autori": None, "autoren": None, "auteurs": None, "byline": None,
    "reporting by": "reporter", "reported by": "reporter", "reporter": "reporter",
    "additional reporting by": "additional reporting", "with additional reporting by": "additional reporting",
    "additional reporting": "additional reporting", "mitarbeit": "additional reporting",
    "contributing": "contributor", "contributed by": "contributor", "contributors": "contributor",
    "editing by": "editor", "edited by": "editor", "editor": "editor", "redaktion": "editor",
    "updated by": "editor", "reviewed by": "reviewer", "medically reviewed by": "reviewer",
    "fact checked by": "fact-checker", "fact-checked by": "fact-checker",
    "writing by": "writer", "compiled by": "compiler", "translated by": "translator",
    "translation by": "translator", "übersetzung": "translator", "traduction": "translator",
    "photographs by": "photographer", "photography by": "photographer", "photos by": "photographer",
    "photo by": "photographer", "photos": "photographer", "photo": "photographer",
    "fotos": "photographer", "foto": "photographer", "fotos von": "photographer", "bilder": "photographer",
    "illustration by": "illustrator", "illustrations by": "illustrator", "illustration": "illustrator",
    "video by": "video", "video": "video", "graphics by": "graphics", "produced by": "producer",
    "interview": "interviewer", "interview by": "interviewer", "interviewed by": "interviewer",
}  # fmt: skip
_PREFIX_RX = re.compile(
    r"^\s*(?P<p>"
    + "|".join(re.escape(p).replace(r"\ ", r"\s{1,3}") for p in sorted(CREDIT_PREFIXES, key=len, reverse=True))
    + r")(?P<sep>\s*:\s*|\s+|(?-i:(?<=[a-z])(?=[A-Z][a-z])))",
    re.I,
)
#: Prefixes that are also ordinary words or surname particles: stripped only when a full name follows.
_WEAK_PREFIXES = frozenset({"di", "de", "von", "av", "af", "door", "par", "por"})
# An inner "By" after a kicker or section name ("Market Watch By PETER JAMES HALL").
_INNER_BY_RX = re.compile(r"\s(?<=\S\s)(?:by|By|BY|von|Von|par|Par)\s(?=[^\W\d_])")

#: Wire services and syndicates: credited alone they are a byline, beside a name an affiliation.
AGENCIES = frozenset(
    (
        "ap afp reuters dpa upi ansa efe epd kna sid apa pti ians xinhua kyodo yonhap tass ria anp belga "
        "lusa aap cp pa ats sda ctk pap bta mti hina tanjug anadolu bernama antara"
    ).split()
) | {"associated press", "agence france-presse", "agence france presse", "press association",
     "canadian press", "bloomberg", "bloomberg news", "the associated press", "deutsche presse-agentur"}  # fmt: skip

#: Words that make a phrase an organisation (a publication, network, university...), never a person.
ORG_WORDS = frozenset(
    (
        "news press times post journal herald tribune gazette daily weekly media service services agency "
        "network radio tv television magazine chronicle observer review courier telegraph guardian examiner "
        "inquirer enquirer dispatch bulletin standard express mirror mail monitor star globe leader sentinel "
        "statesman advocate advertiser citizen ledger record register bee today online digital group inc "
        "inc. ltd ltd. llc corp corp. co. company associated university institute foundation center centre "
        "council association society broadcasting business staff desk newsroom editorial team redaktion "
        "rédaction redazione redacción redactie zeitung presse nachrichten rundschau tagblatt anzeiger "
        "kurier allgemeine shimbun corriere gazzetta stampa giornale diario periódico "
        "periodico noticias nieuws dagblad krant folha jornal wire wires project program programme "
        "initiative lab labs studio studios school college academy board committee department ministry "
        "office bureau partners solutions consulting systems technologies software club fund trust "
        "alliance coalition federation league party hospital clinic museum library editors"
    ).split()
)
#: Words that make a credited phrase a collective author ("By the Acme Team", "By Tribune Staff").
_COLLECTIVE_WORDS = frozenset("team staff editors desk newsroom redaktion rédaction redazione redacción redactie board".split())

#: The nouns a job title is built on (singular; plurals in _ROLE_PLURALS).
ROLE_HEADS = frozenset(
    (
        "writer reporter correspondent editor columnist contributor photographer photojournalist producer "
        "journalist critic analyst author blogger anchor host presenter commentator illustrator "
        "videographer intern fellow stringer chief founder co-founder cofounder ceo cto director manager "
        "specialist officer president engineer expert coordinator educator consultant strategist developer "
        "designer scientist professor researcher reviewer technologist attorney lawyer physician "
        "therapist coach teacher lecturer economist historian head "
        "redakteur redakteurin korrespondent korrespondentin autor autorin reporterin "
        "journaliste rédacteur rédactrice correspondant correspondante envoyé envoyée "
        "giornalista redattore redattrice corrispondente inviato inviata "
        "periodista redactor redactora corresponsal verslaggever redacteur correspondente "
        "記者 记者 特派員 特派员 編集委員 编辑 編輯 기자 특파원 논설위원 편집위원"
    ).split()
)
#: Plural job titles ("Staff Writers") -> the singular given to each person.
_ROLE_PLURALS = {
    **{h + "s": h for h in ROLE_HEADS},
    "korrespondenten": "korrespondent", "redakteure": "redakteur", "autoren": "autor",
    "giornalisti": "giornalista", "corrispondenti": "corrispondente", "periodistas": "periodista",
}  # fmt: skip
#: Job-title nouns that are also common surnames ("Jane Host"): allowed inside names.
_SURNAME_HEADS = frozenset("host fellow chief anchor coach director president".split())

#: Words that qualify a job title ("Senior Political Correspondent"), so they belong to the role.
ROLE_MODIFIERS = frozenset(
    (
        "staff senior chief deputy associate assistant managing executive contributing special political "
        "sports sport business economics economy finance financial tech technology science health food "
        "travel music film arts art culture entertainment fashion foreign national international local "
        "investigative breaking trending digital data visual graphics photo video audio features feature "
        "opinion legal crime education environment environmental climate energy weather medical "
        "white house washington diplomatic defence defense security at-large regional metro state city "
        "lead head general freelance guest wire desk night weekend marketing product content seo "
        "games gaming autos cars style beauty books tv media social audience community newsletter podcast "
        "engagement partnerships commerce deals shopping reviews world us uk europe asia africa "
        "&"
    ).split()
)
#: Words that attach an employer to a job title ("Founder at Acme", "Reporter for The Times").
_AT_WORDS = frozenset("at @ for bei chez presso para".split())

#: The words of a "Subscribe" button printed beside an author's name, in the languages newsparse reads
#: ("Abonnieren", "S'abonner", "Suscríbete", "Iscriviti", "Abone ol", "Inscreva-se"): a button's label,
#: never a name.
SUBSCRIBE_BUTTON_WORDS = frozenset(
    (
        "subscribe abonnieren abonnez abonnez-vous s'abonner s’abonner abonner abonneren abonneer "
        "suscribirse suscríbete suscribete suscríbase suscribase iscriviti iscrivetevi abbonati abone "
        "inscreva-se assine assinar subskrybuj prenumeruj prenumerera abonnér tilaa"
    ).split()
)
# Page chrome found inside byline containers is cut out (it splits clauses) and is never a name.
# Each pattern runs only when a cheap test says it can match: most bylines have none of it.
#: URLs, e-mail addresses and social handles (only when the text has "@", "http" or "www.").
_LINK_JUNK_RX = re.compile(
    r"https?://\S{1,300}|www\.\S{1,300}"
    r"|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"
    r"|@\w{1,40}",  # handles, also glued to a name ("Dan Ross@DanRoss")
)
#: Chrome words and phrases (only when one of _CHROME_WORDS is among the words of the text).
_CHROME_RX = re.compile(
    r"\b(?:e-?mail|contact)\s(?:the\s)?(?:author|reporter|writer|me|us)\b|\bsend\san\se-?mail\b"
    # buttons after the name: "Follow on X", "See Full Bio", "About the author", "Continue Reading"
    r"|\b(?:follow|folge|folgen)\s(?:on|me|us|auf)\b|\b(?:see|read|view)\s(?:full\s)?(?:bio|profile)\b"
    r"|\babout\sthe\s(?:author|writer)\b|\bcontinue\sreading\b|\blisten\sto\s(?:this\s)?(?:article|story)\b"
    r"|\bgift\s(?:this\s)?article\b|\bsign\sup\b"
    r"|\b(?:lesezeit|reading time|temps de lecture)\b:?"
    r"|\b(?:follow|share|tweet|print|comments?|email|e-mail|subscribe|bio|profile|twitter|facebook|linkedin"
    r"|instagram|updated?|published|posted|last\supdated|modified|stand|erstellt|aktualisiert|veröffentlicht"
    r"|publié|mis\sà\sjour|modifié|pubblicato|aggiornato|publicado|actualizado|atualizado|gepubliceerd"
    r"|bijgewerkt|read\smore|read\sthe\sbio|see\sall|more\sfrom|more\sby|view\sall\sposts|all\sposts"
    r"|latest\sposts|view\sfull\sprofile|full\sbio|close|menu|paid|views?|folge\smir|folgen|entfolgen|folge"
    r"|datum|antworten|zitieren|kommentare?|"
    + "|".join(re.escape(w) for w in sorted(SUBSCRIBE_BUTTON_WORDS, key=len, reverse=True))
    + r")\b"
    r"(?!\s(?:by|von|par|door|por|di|da|de|am|on|le|il)\b):?",
    re.I,
)
#: The words that open the phrases of _CHROME_RX.
_CHROME_WORDS = frozenset(
    "about continue listen gift sign "
    "e-mail email contact send lesezeit reading temps follow share tweet print comment comments subscribe bio "
    "profile twitter facebook linkedin instagram update updated published posted last modified stand erstellt "
    "aktualisiert veröffentlicht publié mis modifié pubblicato aggiornato publicado actualizado atualizado "
    "gepubliceerd bijgewerkt read see more view all latest full close menu paid view views folge folgen "
    "entfolgen datum antworten zitieren kommentar kommentare".split()
) | SUBSCRIBE_BUTTON_WORDS
#: Times, reading times, month-day dates without a year, weekdays, stray numbers (only when there is a digit).
_NUMERIC_JUNK_RX = re.compile(
    r"\b\d{1,3}\s?(?:min(?:ute)?s?|mins?\.?|minuten|minutes?)\.?(?:\s(?:read|de lecture|lesezeit|lettura|lectura|leestijd|leitura))?\b"
    r"|(?<![^\W\d_])(?P<m1>[^\W\d_]{3,10})\.?\s{1,2}\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:,?\s{1,2}\d{4})?"  # Nov 19
    r"|(?<![\w.])\d{1,2}(?:\.|er)?\s(?P<m2>[^\W\d_]{3,10})(?![^\W\d_])\.?(?:\s\d{4})?"  # 19 Nov
    r"|(?<![\w:.])(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?\s?(?:[ap]\.?m\.?|uhr)(?![^\W\d_])(?:\s(?-i:[A-Z]{2,4})\b)?"
    r"|(?<![\w:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?"  # 15:30
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?|\b(?-i:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[,.]"
    r"|(?<!\S)[\d,.%]{1,12}(?=\s|$)",  # stray numbers (counts, views)
    re.I,
)
# Words, for the cheap vocabulary tests that decide which patterns to run.
_WORD_RX = re.compile(r"[^\W\d_][\w'’-]*")
_HAS_DIGIT_RX = re.compile(r"\d")
_CAMEL_RX = re.compile(r"[a-zà-ÿ][A-Z]")


def _numeric_junk(m: re.Match[str]) -> str:
    word = m.group("m1") or m.group("m2")
    if word is not None and word.lower() not in MONTHS:
        return m.group()  # "Jane 2": not a month
    return " | "


#: Clause separators. A hyphen only counts with spaces around it ("Smith - Reuters", not "Jean-Luc").
_CLAUSE_RX = re.compile(r"[;|•·∙]| / | [-–—]{1,2}(?= |$)|^[-–—]{1,2} ")
# A second credit inside a clause starts a clause of its own ("By X Updated by Y", "X Reviewed by Y").
_MULTI = [p for p in CREDIT_PREFIXES if " " in p]
_INNER_CREDIT_RX = re.compile(
    r"\s"  # the space first: the engine skips quickly to spaces
    + "".join(  # not inside a longer credit ("Additional reporting by")
        sorted({f"(?<!\\b{re.escape(q[: -len(p) - 1].split()[-1])}\\s)" for p in _MULTI for q in _MULTI if q.endswith(" " + p)})
    )
    + r"(?=(?:"
    + "|".join(re.escape(p).replace(r"\ ", r"\s") for p in sorted(CREDIT_PREFIXES, key=len, reverse=True) if " " in p)
    + r")\b)",
    re.I,
)
#: The last words of multi-word credits: _INNER_CREDIT_RX can only match when one of them is present.
_INNER_CREDIT_WORDS = frozenset(p.split()[-1] for p in _MULTI)
#: People separators inside a clause.
_CONJ = r"(?:and|und|et|e|y|en|og|och|with|mit|avec|con|com|met|sowie|и|&)"
_PEOPLE_RX = re.compile(rf"\s*(?:[,，、]\s*(?:{_CONJ}\s)?|\(\s*(?:{_CONJ}\s)?|\)|\s{_CONJ}\s)\s*", re.I)
#: A credit word in parentheses after each name ("Anna Weber (Text) und Max Roth (Fotos)"): the word is
#: that person's credit, as in "Fotos: Max Roth". Job titles ("(Editor)") are read as titles already.
_PAREN_CREDITS = sorted(
    (k for k in CREDIT_PREFIXES if " " not in k and k not in _WEAK_PREFIXES and k not in ROLE_HEADS | {"by", "byline"}),
    key=len,
    reverse=True,
)
_PAREN_CREDIT_RX = re.compile(
    r"\s{0,3}\(\s{0,3}(?P<w>" + "|".join(re.escape(k) for k in _PAREN_CREDITS) + r")\s{0,3}\)(?=$|[\s,;|/&])", re.I
)
#: A conjunction or comma left before the next name once a parenthesised credit is taken out.
_LEADING_JOIN_RX = re.compile(rf"^[\s,&/]*(?:{_CONJ}\s+)?", re.I)
# A lost space before a chrome word, a month or a job title: "Evan HartStaff Writer", "PressDecember 2".
_FUSED_RX = re.compile(
    r"(?<=[a-zà-ÿ]{3})(?="
    r"(?:Updated|Published|Posted|Edited|Reviewed|Written|Read|By|Staff|Senior|Reporter|Writer|Editor"
    r"|Correspondent|Contributor|Columnist|Photographer|Founder|Head|Marketing|Executive|Chief|Trending"
    r"|Managing|Associate|Deputy|Political|Sports|Business|Technology|Tech)(?![a-z])"
    r"|(?=[A-Z])(?i:" + MONTH_ALT + r")\.?\s?\d"
    r")"
)
#: Punctuation stripped from a word's ends before looking it up in a vocabulary.
_TOKEN_EDGE = ".,;:!?\"'“”‘’«»()[]{}<>®™"

#: Particles printed in lower case inside names ("Ludwig van Beethoven", "Paolo di Marco").
PARTICLES = frozenset(
    "van von de di da del della dei der den du le la les des dos das do bin ibn al el ter ten zu zur y e "
    "mac dal degli".split()
)
#: Legal forms that end a company's or association's name ("e.V." would otherwise pass for initials).
_LEGAL_FORMS = frozenset(
    "e.v. ev gmbh ag kg ohg gbr ug s.a. sa s.l. b.v. bv n.v. nv a.s. plc s.p.a. srl s.r.l. "
    "ltd. ltd inc. inc llc".split()
)
#: Name suffixes (degrees, generations) that stay in the name.
SUFFIXES = frozenset(
    "jr jr. sr sr. ii iii iv md m.d. phd ph.d. dds dmd dvm d.v.m. rn np esq esq. mba cpa cfp cfa mph jd "
    "lcsw pharmd facs rd".split()
)

#: Words that are never part of a person's name: function words, page chrome, roles, sections.
NOT_NAME_WORDS = (
    frozenset(
        (
            "the a an and or of for in on at to from with by about as is are was were be been this that "
            "these those it its our your my his her their we you they he she i me us not no yes all any "
            "news email e-mail share follow updated update published posted read more click here subscribe "
            "sign login log home menu search privacy policy terms contact advertisement advertising ad ads "
            "sponsored promoted photo photos image images video videos getty shutterstock copyright rights "
            "reserved print save comment comments reply facebook twitter linkedin whatsapp instagram youtube "
            "tiktok reddit pinterest telegram rss newsletter weather sports opinion world politics local "
            "admin administrator team desk staff guest anonymous unknown editors editorial newsroom "
            "minutes min read min. mins ago today yesterday source sources credit credits via about "
            "von und oder der die das ein eine mit für auf im ist nicht par et le la les des un une pour "
            "avec dans sur per il lo gli con por y el los las una para en het een van voor op met "
            "mehr lesen plus suivre partager condividi compartir delen seguir says said wrote "
            "after before into amid against during without between across through "  # headlines' prepositions
            "signs wins loses urges warns unveils launches reveals announces slams vows plunges soars "  # headlines' verbs
        ).split()
    )
    | SUBSCRIBE_BUTTON_WORDS
    | ORG_WORDS
    | (ROLE_HEADS - _SURNAME_HEADS)
    | frozenset(_ROLE_PLURALS)
    | AGENCIES
) - PARTICLES - {"le", "la", "de", "van", "von", "der", "den", "del", "y", "e"}

#: Words of regions, page sections, page furniture and headlines. A name made only of them ("Middle
#: East", "Front Page", "Latest Stories", "Special Report") is a label; one of them beside a given name
#: ("Jimmy Page", "Kanye West") is not.
LABEL_WORDS = frozenset(
    (
        "middle east west north south central eastern western northern southern near far upper lower "
        "america americas asia europe africa oceania pacific atlantic arctic gulf region regions global "
        "nation national international domestic foreign metro state states city county world "
        "front page pages home section sections top latest breaking stories story headlines features "
        "lifestyle living entertainment culture travel food health science technology money markets "
        "economy careers jobs job estate property homes autos motoring education environment "
        "obituaries letters editorials columns column reviews books arts music movies film films games "
        "puzzles crosswords horoscopes classifieds events calendar gallery podcasts podcast analysis "
        "explainer special report reports episode episodes part issue edition topics "
        "archive archives related recommended popular trending most watch listen live coverage alerts "
        "monthly new best latest next previous last first free ultimate complete official guide guides "
        "tips ways things how why what when where who full quick easy insights resources blog blogs "
        "community forum forums members shop store deals offers products product services "
        "politik wirtschaft kultur panorama ausland inland meinung startseite wissen gesellschaft "
        "monde politique économie société accueil mundo política economía sociedad portada deportes "
        "cronaca esteri politica economia cultura spettacoli binnenland buitenland "
        "latin united kingdom emirates arab picks editor's articles article reading continue copy link links gift"
    ).split()
)
#: Weekday and month names are read in full, at least this long: the short forms ("Jan", "Sam", "Mar")
#: and the short months ("May", "June") are given names too.
MIN_DATE_NAME_CHARS = 5
#: Month and weekday names that are also given names ("April Moss", "Domingo Ruiz", "Julio Vega").
_GIVEN_NAME_DATE_WORDS = frozenset(
    "april avril abril august augusta augustus domingo domenica julio junio marco maret kasim kasım nisan eylul "
    "eylül".split()
)
#: Weekday and month names: "By Sunday Morning. We left ..." and "By March next year" open a sentence
#: about a date, and a name never starts with one.
DATE_NAME_WORDS = frozenset(w for w in (*WEEKDAYS, *MONTHS) if len(w) >= MIN_DATE_NAME_CHARS) - _GIVEN_NAME_DATE_WORDS
#: First words of place names, headlines and dates, never of a person's name ("New York", "New Rules For
#: ...", "Sunday Morning").
_NOT_NAME_LEADS = frozenset({"new"}) | DATE_NAME_WORDS

# Names in Chinese, Japanese or Korean script: 2-12 characters, no separators the parser knows.
_CJK_RX = re.compile(r"^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff・·\s]{2,12}$")
#: Labels printed beside CJK bylines that the CJK name test would take for a name: "posted", "updated",
#: "views", "comments", "source", "author", "editor", "date", "time".
_CJK_CHROME = frozenset(
    "입력 수정 등록 발행 업데이트 조회 댓글 출처 작성자 편집 "
    "人氣 人气 留言 發表 发表 更新 來源 来源 作者 編輯 编辑 發布 发布 日期 時間 时间 閱讀 阅读 評論 评论 "
    "更新日 投稿 配信 著者 編集".split()
)
# Initials: "L.", "J.K.", "J.-P."
_INITIAL_RX = re.compile(r"^(?:[^\W\d_]\.){1,3}$|^[^\W\d_]\.?-[^\W\d_]\.$")
# A name word: letters, with apostrophes, hyphens and dots inside.
_NAME_CHARS_RX = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’\-.])*$")
# Lower-case name prefixes before a capital ("d'Alembert", "al-Assad").
_NAME_PREFIX_RX = re.compile(r"^(?:d['’]|l['’]|al-|el-|ben-|bin-|abu-)(?=[^\W\d_])", re.I)
# A site's domain printed as an affiliation ("millbrook-courier.org").
_DOMAIN_RX = re.compile(r"(?:[a-z0-9][a-z0-9-]{0,62}\.){1,3}(?:com|org|net|news|info|co\.uk|[a-z]{2})", re.I)
#: Lower-case words allowed inside an organisation's name ("Millbrook Media for millbrook-courier.org").
_ORG_LINKS = frozenset("of for the and & de du des der die das di del della la le van voor".split())
#: Lower-case words allowed in a byline clause that is not a sentence.
_LINK_WORDS = frozenset(
    "and und et e y en og och with mit avec con com met sowie for of by von par di por door the at".split()
)
#: Words left dangling at the end of a name once a date or time is cut out ("Posted by X at").
_DANGLING = frozenset("at on am um à le el il in the for of from vom du de des a op em".split())
#: Words left dangling at the start of a piece ("at Reuters" once "Posted" is cut out).
_DANGLING_START = frozenset("at on am um à op em".split())


def _strip_token(tok: str) -> str:
    return tok.strip(_TOKEN_EDGE)


def _is_name_word(tok: str) -> bool:
    """A capitalised or all-caps word of letters, hyphens and apostrophes ("O'Brien", "THOMSON-DEVEAUX")."""
    if not _NAME_CHARS_RX.match(tok):
        return False
    if tok.isascii() and tok.isupper() and len(tok) >= 3 and not any(c in "AEIOUY" for c in tok):
        return False  # an acronym ("NDR", "BBC"), not a name
    if not tok[0].isupper():
        # "d'Alembert", "al-Assad": a short lower-case prefix before a capital
        m = _NAME_PREFIX_RX.match(tok)
        return m is not None and tok[m.end()].isupper()
    return True


def looks_like_person_name(text: str) -> bool:
    """Whether ``text`` looks like a person's name as printed in a byline.

    Two to five capitalised or all-caps words (initials like ``L.`` and lower-case particles like
    ``van``, ``di`` allowed, a suffix like ``Jr.`` or ``, MD`` allowed at the end), or two to twelve
    CJK characters. No digits, no URLs or e-mail addresses, none of the function words, page-chrome
    words, job titles, organisation words or wire-service names in :data:`NOT_NAME_WORDS`, and no
    short acronym beside title-case words ("ACLU Speech").
    """
    if not isinstance(text, str) or len(text) > 400:
        return False
    return _name_ok(" ".join(text.split()))


@functools.lru_cache(maxsize=4096)
def _name_ok(text: str) -> bool:
    if not 2 <= len(text) <= 80:
        return False
    if _CJK_RX.match(text):
        if any(t in ROLE_HEADS or t in _CJK_CHROME for t in text.split()):
            return False  # "記者 前田武雄": a title and a name; "입력": a label
        return sum(1 for c in text if not c.isspace() and c not in "・·") >= 2
    if "(" in text and _nicknamed(text) == text:
        return True  # "Richard (R.J.) Eskow"
    if any(c.isdigit() for c in text) or any(c in text for c in "@/:|()[]{}<>=+#&_\\\"“”«»!?;*"):
        return False
    tokens = text.split(" ")
    if len(tokens) >= 3 and tokens[-2].endswith(",") and _strip_token(tokens[-1]).lower() in _SUFFIX_KEYS:
        tokens = [*tokens[:-2], tokens[-2][:-1]]  # "Jane Doe, MD"
    elif "," in text:
        return False
    if tokens[-1].lower().rstrip(",") in _LEGAL_FORMS:
        return False  # "Hanns-Seidel-Stiftung e.V.", "Acme GmbH"
    if len(tokens) >= 3 and _strip_token(tokens[-1]).lower() in _SUFFIX_KEYS:
        tokens = tokens[:-1]  # "John Smith Jr."
    if not 2 <= len(tokens) <= 5:
        return False
    words = 0
    caps_short = title = 0
    for i, tok in enumerate(tokens):
        if _INITIAL_RX.match(tok):
            continue
        low = tok.lower()
        if low in NOT_NAME_WORDS or low.strip(".’'") in NOT_NAME_WORDS:
            return False
        if low in PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if not _is_name_word(tok):
            return False
        if tok.endswith(".") and len(tok) > 3 and not tok[:-1].isupper():
            return False  # a word ending a sentence, not an initial
        if tok.isupper() and len(tok) > 1:
            caps_short += len(tok) <= 4
        else:
            title += 1
        words += 1
    if words == 0 or (words == 1 and not any(_INITIAL_RX.match(t) for t in tokens)):
        return False
    if caps_short and title:
        return False
    return not _label_phrase(tokens)


def _label_phrase(tokens: list[str]) -> bool:
    """Whether every word of a would-be name is a word of page labels ("Middle East", "Front Page",
    "World News", "Special Report"): a region, a section or a button, not a person; or whether it opens
    with a word no name opens with ("New York", "Sunday Morning")."""
    if tokens[0].lower() in _NOT_NAME_LEADS:
        return True
    seen = 0
    for tok in tokens:
        low = _strip_token(tok).lower()
        if low in PARTICLES or _INITIAL_RX.match(tok):
            continue
        if low not in LABEL_WORDS:
            return False
        seen += 1
    return seen > 0


#: SUFFIXES with and without their final dot.
_SUFFIX_KEYS = frozenset(s.rstrip(".") for s in SUFFIXES) | SUFFIXES


def parse_byline(text: str, *, single_name: bool = False) -> list[Byline]:
    """Split a byline string into the people it credits, each with role and affiliation.

    ``[]`` when nothing in it is a person or a wire service (chrome like "Email the author",
    "Updated", a date, "Staff", "By", or a sentence). A lone word is a name only after an explicit
    credit ("By Marie"), or when ``single_name`` is true (for strings known to be a person's
    name, such as a schema.org ``Person``'s ``name``): then "Marie" gives ``[Byline(name="Marie")]``.
    """
    if not isinstance(text, str):
        return []
    if len(text) > PARSE_CACHE_MAX_CHARS:
        return list(_parse_safe(text, single_name))
    # str(): a plain copy of lxml's "smart" strings, which would keep their whole document alive in the cache
    return list(_parse_memo(str(text), single_name))


def _parse_safe(text: str, single_name: bool) -> tuple[Byline, ...]:
    try:
        return tuple(_parse(text, single_name))
    except (ValueError, IndexError, KeyError):  # pragma: no cover - defensive: never raise on page text
        return ()


#: Distinct byline strings remembered (the field modules parse some lines of a page more than once) ...
PARSE_CACHE_SIZE = 1024
#: ... when short: a long-running process keeps no page's long text alive.
PARSE_CACHE_MAX_CHARS = 400
_parse_memo = functools.lru_cache(maxsize=PARSE_CACHE_SIZE)(_parse_safe)


class _Person:
    __slots__ = ("name", "role", "affiliation", "agency")

    def __init__(self, name: str, role: str | None, agency: bool = False) -> None:
        self.name = name
        self.role = role
        self.affiliation: str | None = None
        self.agency = agency


def _parse(text: str, single_name: bool) -> list[Byline]:
    text = " ".join(text[:_MAX_LEN].split())
    if not text:
        return []
    if "(" in text:
        nick = _nicknamed(text)
        if nick is not None:
            return [Byline(name=nick)]
        if _PAREN_CREDIT_RX.search(text):
            text = _paren_credits(text)
    if _CAMEL_RX.search(text):
        text = _FUSED_RX.sub(" ", text)
    if "@" in text or "http" in text or "www." in text:
        text = _LINK_JUNK_RX.sub(" | ", text)
    if _HAS_DIGIT_RX.search(text):
        # dates and times (a byline line often carries them) become clause breaks
        for start, end, _ in reversed(find_date_spans(text)):
            text = text[:start] + " | " + text[end:]
        text = _NUMERIC_JUNK_RX.sub(_numeric_junk, text)
    tokens = [w.lower() for w in _WORD_RX.findall(text)]
    if not tokens:
        return []
    if not _CHROME_WORDS.isdisjoint(tokens):
        text = _CHROME_RX.sub(" | ", text)
    if not _INNER_CREDIT_WORDS.isdisjoint(tokens[1:]):
        text = _INNER_CREDIT_RX.sub(" | ", text)
    text = text.replace(" @ ", ", ")
    people: list[_Person] = []
    previous: list[_Person] = []
    for clause in _CLAUSE_RX.split(text):
        clause = clause.strip(" ,:-–—")
        if not clause:
            continue
        found = _parse_clause(clause, previous, not people, single_name)
        if found:
            people.extend(found)
            previous = found
    out: list[Byline] = []
    seen: set[str] = set()
    for p in people:
        key = p.name.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append(Byline(name=p.name, role=p.role, affiliation=p.affiliation))
    return out


#: A name with a nickname or initials in parentheses inside it: "Richard (R.J.) Eskow", "Ann (Annie) Lee".
_NICKNAME_RX = re.compile(r"^((?:by\s+)?)([^\W\d_][^()|;,]{0,40}?)\s\(([^()]{1,30})\)\s([^()|;,]{2,40})$", re.I)


def _nicknamed(text: str) -> str | None:
    """The whole of "Richard (R.J.) Eskow" as one name, when the words outside the parentheses are a
    name and those inside are name words or initials (not "Jane Doe (Reuters)": that comes last)."""
    m = _NICKNAME_RX.match(text)
    if m is None:
        return None
    inner = m.group(3).split()
    if not inner or not all(_nickname_word(w) for w in inner):
        return None
    if not looks_like_person_name(f"{m.group(2)} {m.group(4)}"):
        return None
    return text[len(m.group(1)) :]


def _paren_credits(text: str) -> str:
    """ "Anna Weber (Text) und Max Roth (Fotos)" -> "Text: Anna Weber | Fotos: Max Roth"."""
    clauses: list[str] = []
    pos = 0
    for m in _PAREN_CREDIT_RX.finditer(text):
        before = text[pos : m.start()]
        name = _LEADING_JOIN_RX.sub("", before, count=1).strip()
        if not name or "(" in name or ")" in name or _PEOPLE_RX.search(name):
            # no name of its own before the word, or several ("X and Y (photos)"): leave it as printed
            return text
        clauses.append(f"{m.group('w')}: {name}")
        pos = m.end()
    tail = text[pos:].strip(" ,")
    return " | ".join([*clauses, tail] if tail else clauses)


def _nickname_word(w: str) -> bool:
    return bool(_INITIAL_RX.match(w)) or (_is_name_word(w) and w.lower() not in NOT_NAME_WORDS)


def _looks_like_sentence(clause: str) -> bool:
    words = clause.split()
    if len(words) <= 6:
        return False
    lower = [
        w
        for w in words
        if w[:1].islower() and w.lower() not in PARTICLES and w.lower() not in _LINK_WORDS and not _role_head(w)
    ]
    return len(lower) >= 2


def _credit(clause: str) -> tuple[str | None, str, bool]:
    """(role, rest, had_prefix): strip credit openers like "By", "Reporting by", "Text:", "Posted by By"."""
    role: str | None = None
    had = False
    for _ in range(2):
        m = _PREFIX_RX.match(clause)
        if m is None:
            break
        key = " ".join(m.group("p").lower().split())
        rest = clause[m.end() :].strip(" :")
        sep = m.group("sep")
        if not sep and key in _WEAK_PREFIXES:
            break  # "DoorDash", "Parker": not a fused prefix
        if not (" " in key or key == "by" or ":" in sep or not sep):
            # a label word without a colon ("Text ...", "Photo ...") is not a credit, and "Di Marco",
            # "De Luca", "Von Trotha" are names: a weak prefix needs a full name after it
            if not (key in _WEAK_PREFIXES and rest[:1].isupper() and len(rest.split()) >= 2):
                break
        role = role or CREDIT_PREFIXES[key]
        clause, had = rest, True
    if not had:
        # a kicker or section name before an inner "By" ("Market Watch By PETER JAMES HALL")
        m2 = _INNER_BY_RX.search(clause)
        if m2 is not None and len(clause[: m2.start()].split()) <= 8:
            return None, clause[m2.end() :].strip(), True
    return role, clause, had


def _pieces(rest: str) -> list[tuple[str, bool, int]]:
    """The people list of a clause -> [(piece, joined by a conjunction, parenthesis group or 0)]."""
    out: list[tuple[str, bool, int]] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    conj = False
    group = groups = 0
    for m in _PEOPLE_RX.finditer(rest):
        _add_piece(rest, pos, m.start(), conj, group, out, spans)
        sep = m.group()
        conj = any(c.isalpha() for c in sep) or "&" in sep
        if "(" in sep:
            groups += 1
            group = 0 if conj else groups  # "(with Jane Doe)" lists people, "(Reuters)" does not
        elif ")" in sep:
            group = 0
        pos = m.end()
    _add_piece(rest, pos, len(rest), conj, group, out, spans)
    return out


def _add_piece(
    rest: str,
    start: int,
    end: int,
    conj: bool,
    paren: int,
    out: list[tuple[str, bool, int]],
    spans: list[tuple[int, int]],
) -> None:
    raw = rest[start:end].rstrip()
    if raw.endswith(":"):
        return  # a label whose value was cut out ("Datum: 15.06.19")
    piece = raw.strip(" ,:-–—'\"")
    words = piece.split()
    half = len(words) // 2
    if half and len(words) == 2 * half and words[:half] == words[half:]:
        words = words[:half]  # a name printed twice ("Anna Weber Anna Weber")
    if words and words[-1].endswith(".") and not (_INITIAL_RX.match(words[-1]) or words[-1].lower() in SUFFIXES):
        words[-1] = words[-1].rstrip(".")
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    while len(words) > 2 and words[0].lower() in _DANGLING_START:
        words.pop(0)
    piece = " ".join(w for w in words if w)
    if not piece:
        return
    if out and not conj and _strip_token(piece).lower() in _SUFFIX_KEYS:
        # "Jane Doe, MD", "Ann Lee, CFP®": the suffix stays in the name, as printed
        p_start = spans[-1][0]
        merged = rest[p_start:end].strip(" ,:-–—'\"")
        if merged.endswith(".") and merged.split()[-1].lower() not in SUFFIXES:
            merged = merged[:-1]
        out[-1] = (merged, out[-1][1], out[-1][2])
        spans[-1] = (p_start, end)
        return
    first = rest.find(words[0], start, end)
    out.append((piece, conj, paren))
    spans.append((first if first >= 0 else start, end))


def _parse_clause(clause: str, previous: list[_Person], first_clause: bool, single_name: bool) -> list[_Person]:
    role, rest, had_prefix = _credit(clause)
    if not rest or _looks_like_sentence(rest):
        return []
    found: list[_Person] = []
    pieces = _pieces(rest)
    opened: dict[int, bool] = {}  # parenthesis group -> whether a person came before it
    for idx, (piece, conj, group) in enumerate(pieces):
        humans = [p for p in found if not p.agency]
        after_comma = idx > 0 and not conj and bool(humans)
        paren = opened.setdefault(group, bool(humans)) if group else False
        expect_person = had_prefix or conj
        person, tail_role, tail_aff = _split_piece(piece, role, after_comma, expect_person)
        if person is None and (had_prefix or single_name and first_clause) and idx == 0 and len(pieces) == 1:
            person = _credited_alone(piece, role)  # "By Marie", "By the Acme Team"
            if person is not None:
                tail_role = tail_aff = None
        if person is not None and (person.agency or paren) and after_comma:
            if person.agency:
                _share(humans, None, person.name)  # "Jane Doe, Reuters"
            continue
        if person is not None:
            found.append(person)
            if tail_role or tail_aff:
                _share([p for p in found if not p.agency], tail_role, tail_aff)
            continue
        if tail_role or tail_aff:
            _share(humans or ([] if found else [p for p in previous if not p.agency]), tail_role, tail_aff)
    return found


def _credited_alone(piece: str, role: str | None) -> _Person | None:
    """After an explicit "By": a single given name ("Marie") or a collective ("the Acme Team")."""
    words = piece.split()
    if len(words) == 1:
        w = words[0]
        ok = (
            _is_name_word(w)
            and not w.isupper()
            and len(w) >= 2
            and w.lower() not in NOT_NAME_WORDS
            and w[1:].islower()
        )
        return _Person(w, role) if ok else None
    if 2 <= len(words) <= 5 and any(_strip_token(w).lower() in _COLLECTIVE_WORDS for w in words):
        body = words[1:] if words[0].lower() == "the" else words
        if all(w[:1].isupper() or w.lower() in _ORG_LINKS for w in body) and len(body) >= 2:
            return _Person(" ".join(body), role)
    return None


def _share(people: list[_Person], role: str | None, affiliation: str | None) -> None:
    plural = len(people) > 1
    for p in people:
        if p.agency:
            continue
        if role and p.role is None:
            p.role = _singular(role) if plural or _is_plural_role(role) else role
        if affiliation and p.affiliation is None:
            p.affiliation = affiliation


def _is_plural_role(role: str) -> bool:
    words = role.split()
    last = words[-1].lower() if words else ""
    return last in _ROLE_PLURALS and last not in ROLE_HEADS


def _singular(role: str) -> str:
    words = role.split(" ")
    last = words[-1]
    base = _ROLE_PLURALS.get(last.lower())
    if base is None or last.lower() in ROLE_HEADS:
        return role
    words[-1] = last[: len(base)]
    return " ".join(words)


def _role_head(word: str) -> bool:
    w = _strip_token(word).lower()
    return w in ROLE_HEADS or w in _ROLE_PLURALS


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isascii() and word.isalpha() and word.isupper()


def _is_org(phrase: str) -> bool:
    """A publication, network, wire service or domain ("Millbrook Valley Courier", "millbrook-courier.org")."""
    words = [w for w in (_strip_token(x) for x in phrase.split()) if w]
    if not words or len(words) > 8:
        return False
    low = " ".join(words).lower()
    if low in AGENCIES or low.removeprefix("the ") in AGENCIES:
        return True
    if len(words) == 1 and _DOMAIN_RX.fullmatch(words[0]):
        return True
    if not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _ORG_LINKS or _DOMAIN_RX.fullmatch(w) for w in words):
        return False
    if any(w.lower() in ORG_WORDS or w.lower() in AGENCIES or _DOMAIN_RX.fullmatch(w) for w in words):
        return True
    # an acronym ("CNN", "NDR NIEDERSACHSEN", "ACLU Speech"): alone, without vowels, or before title case
    first = words[0]
    if not _is_acronym(first):
        return False
    return len(words) == 1 or not any(c in "AEIOUY" for c in first) or not all(w.isupper() for w in words)


def _caps_phrase(words: list[str]) -> bool:
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in _ORG_LINKS for w in words)


def _split_piece(
    piece: str, credit_role: str | None, after_comma: bool, expect_person: bool
) -> tuple[_Person | None, str | None, str | None]:
    """One piece of a people list -> (person or None, role printed with it, affiliation printed with it)."""
    words = piece.split()
    if not words or len(words) > 14:
        return None, None, None
    low = piece.lower()
    if low in AGENCIES or low.removeprefix("the ") in AGENCIES:  # a wire service alone
        name = piece[4:] if low.startswith("the ") else piece
        return _Person(name, credit_role, agency=True), None, None
    place = _name_in_place(words)
    if place is not None:
        # "Jane Doe in Beirut"; "Jane Doe from Acme News": an employer
        k = len(place.split())
        tail = " ".join(words[k + 1 :])
        employer = tail if words[k].lower() in _FROM_WORDS and _is_org(tail) else None
        return _Person(place, credit_role), None, employer
    heads = [i for i, w in enumerate(words) if _role_head(w)]
    if after_comma and not heads:
        if _is_org(piece) or (_caps_phrase(words) and not looks_like_person_name(piece)):
            return None, None, piece  # "Jane Doe, Reuters", "Jane Doe, Millbrook Valley Courier"
    if looks_like_person_name(piece) and not (after_comma and _is_org(piece)):
        return _Person(piece, credit_role), None, None
    if heads:
        return _with_title(words, heads[0], credit_role)
    # a name followed by an affiliation: "RUTH ALDEN Associated Press"
    n = _name_length(words)
    if n and n < len(words):
        tail = " ".join(words[n:])
        # "RUTH ALDEN Associated Press", but "Millbrook Valley Courier" is one name: without an
        # explicit credit, the split needs evidence (a change of case, an initial, a wire service)
        evidence = (
            expect_person
            or (words[0].isupper() and not words[n].isupper())
            or any(_INITIAL_RX.match(w) or w in PARTICLES for w in words[1:n])
            or _strip_token(words[n]).lower() in AGENCIES
            or bool(_DOMAIN_RX.fullmatch(tail))
        )
        if evidence and _is_org(tail):
            return _Person(" ".join(words[:n]), credit_role), None, tail
    if _is_org(piece):
        return None, None, piece
    return None, None, None


#: Words that put a place after a reporter's name ("Jane Doe in Beirut", "Anna Roth aus Berlin").
_PLACE_WORDS = frozenset("in aus from en à a".split())
#: Of _PLACE_WORDS, those that may introduce an employer rather than a place.
_FROM_WORDS = frozenset("from aus".split())
#: A place after a name is at most this many words ("in The Hague", "in Rio de Janeiro").
MAX_PLACE_WORDS = 4
#: The place word of "Jane Doe in Beirut" comes after at most this many name words ("Ana Maria de la Cruz in ...").
MAX_NAME_WORDS_BEFORE_PLACE = 5


def _name_in_place(words: list[str]) -> str | None:
    """The name of "Jane Doe in Beirut" (a wire credit says where each reporter was), or None."""
    for k in range(2, min(len(words) - 1, MAX_NAME_WORDS_BEFORE_PLACE + 1)):
        if words[k] not in _PLACE_WORDS:
            continue
        place = words[k + 1 :]
        if len(place) > MAX_PLACE_WORDS or not place[-1][:1].isupper():
            return None
        if not all(w[:1].isupper() or w.lower() in PARTICLES or w.lower() == "the" for w in place):
            return None
        name = " ".join(words[:k])
        return name if looks_like_person_name(name) else None
    return None


def _with_title(words: list[str], k: int, credit_role: str | None) -> tuple[_Person | None, str | None, str | None]:
    """A piece with a job-title noun at ``k``: split into name, role and employer."""
    # employer after "at" / "@" / "for": "Founder at Acme"
    aff: str | None = None
    end = len(words)
    for j in range(k + 1, len(words)):
        if words[j].lower() in _AT_WORDS and j + 1 < len(words):
            aff, end = " ".join(words[j + 1 :]), j
            break
    start = k  # where the title proper starts: the head and the qualifiers before it
    while start > 0 and _strip_token(words[start - 1]).lower() in ROLE_MODIFIERS:
        start -= 1
    if start == 0:
        # the title leads: "Staff writer Eliza Moore", or the piece is only a title
        rest = words[end:] if aff is None else []
        lead_end = k + 1
        name_words = words[lead_end:end]
        if name_words and looks_like_person_name(" ".join(name_words)):
            return _Person(" ".join(name_words), credit_role), " ".join(words[:lead_end]), aff
        if not rest and len(words[:end]) <= 6:
            return None, " ".join(words[:end]), aff
        return None, None, None
    n = _name_length(words[:start])
    if n == 0:
        # no name: a title with an organisation before it ("Ap Sports Writer", "Acme News Reporter")
        pre = " ".join(words[:start])
        if _is_org(pre):
            return None, " ".join(words[start:end]), aff or pre
        if start <= 3 and all(w[:1].isupper() or w == "&" for w in words[:end]):
            return None, " ".join(words[:end]), aff
        return None, None, None
    name = " ".join(words[:n])
    left = words[n:start]  # words between the name and the title proper
    title = " ".join(words[start:end])
    if left:
        left_txt = " ".join(left)
        if any(_strip_token(w).lower() in ROLE_MODIFIERS for w in left):
            title = f"{left_txt} {title}"  # "Mark Stone Senior Autos Reporter"
        elif len(left) == 1 and looks_like_person_name(f"{name} {left_txt}"):
            name = f"{name} {left_txt}"  # "Tariq Nadeem Aziz Staff Writer"
        elif _is_org(left_txt):
            aff = aff or left_txt  # "Paul Brenner AP Sports Writer"
        else:
            title = f"{left_txt} {title}"  # "Nora Richards Trending Editor"
    return _Person(name, credit_role), title, aff


def _name_length(words: list[str]) -> int:
    """How many leading words form a name: given name, initials/particles, surname, suffix; 0 if none."""
    if len(words) == 1 or _CJK_RX.match(words[0]) and not _CJK_RX.match(" ".join(words[:2])):
        return 1 if words and _CJK_RX.match(words[0]) and looks_like_person_name(words[0]) else 0
    if words[0].isupper() and len(_strip_token(words[0])) > 1:
        # an all-caps name ends where the capitals end ("RUTH ALDEN Associated Press")
        n = 0
        while n < len(words) and n < 5 and words[n].isupper():
            n += 1
        if 2 <= n and looks_like_person_name(" ".join(words[:n])):
            return n
    n = 1
    while n < len(words) - 1 and (_INITIAL_RX.match(words[n]) or words[n].lower() in PARTICLES):
        n += 1
    n += 1  # the surname
    if n < len(words) and _strip_token(words[n]).lower() in _SUFFIX_KEYS:
        n += 1
    if looks_like_person_name(" ".join(words[:n])):
        return n
    return 0
