"""A rule-based TIMEX3 tagger for English news (HeidelTime-like): ``tag(text, dct=None)``.

Every rule is a rule of English news language: explicit dates ("Thursday, February 6",
"Aug. 7, 1998", "2024-08-06"), partial dates ("in August", "mid-November"), relative dates
("last week", "two years ago", "earlier this month"), durations ("2-3 years", "up to a
year", "five-hour"), times ("10:35 a.m. Wednesday", "this morning"), sets ("every
Thursday", "daily") and the vague references (PRESENT_REF, PAST_REF, FUTURE_REF).

Values follow TimeML/TIMEX3. With a document creation time (``dct``) relative expressions
are resolved against it the way news is written: a bare weekday, month or day is the
nearest one in the direction the clause's tense points ("said Friday" is the Friday before
the DCT, "will meet Friday" the one after; "in August" in a past-tense sentence of a
November article is that year's August). Without a DCT the unknown parts are "XXXX", except
that a weekday with a day and month pins the year (the latest year, not after ``today``,
where that day falls on that weekday).

Where TimeML leaves a choice, the tagger follows the practice of the TimeML corpora (TimeBank,
AQUAINT) and the TIMEX3 guidelines: ages ("a 44-year-old", "52 years old") are not temporal
expressions; minutes are ``PT5M`` (months ``P5M``); "a couple of years" is two (``P2Y``); a part
of a day after a weekday is a TIME ("Friday night" = ``1998-10-23TNI``); holidays are dated by their
(US) rule ("Thanksgiving" = the fourth Thursday of November). The tense of an expression is read
from the verb words nearest to it in its clause; an attribution after a comma ("..., officials
said") does not count, except when the expression opens the sentence ("On Friday, the court ruled").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .text import alternation

COLUMNS = ["start", "end", "surface", "type", "value"]
_STR = pd.StringDtype(na_value=np.nan)  # pandas' default "str" dtype, as an instance (parsing "str" per call is slow)

# ---------------------------------------------------------------- vocabulary
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "fortnight": "FN", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE", "millennium": "ML", "millennia": "ML", "summer": "SU", "winter": "WI",
    "spring": "SP", "fall": "FA", "autumn": "FA",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirty-first": 31, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
VAGUE_QUANT = {"several", "a few", "few", "a couple of", "couple of", "a couple", "many", "some",
               "dozens of", "hundreds of", "a number of", "a dozen"}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_NUMWORD = (rf"(?:(?:{_alt(TENS)})(?:[\s-](?:{_alt(k for k in ONES if ONES[k] < 10 and ONES[k] > 0)}))?|{_alt(ONES)}|hundred|a\s+hundred|a\s+thousand|thousand)")
_NUM = (rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{_NUMWORD}|an?|several|a\s+few|few|a\s+couple\s+of|a\s+couple|"
        r"couple\s+of|many|dozens\s+of|hundreds\s+of|a\s+dozen|a\s+number\s+of)")
_UNIT = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"
_UNIT_DATE = r"(?:week|weekend|month|quarter|year|decade|century|summer|winter|spring|fall|autumn)"
_MONTH = (r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WD = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])"
_ORDWORD = _alt(k for k in ORDINALS if not k[0].isdigit())
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_MOD_PRE = r"(?:early|mid|late|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)"
_APPROX = (r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|"
           r"fewer\s+than|at\s+least|at\s+most|up\s+to|over|under|just|only|another|an\s+additional|"
           r"a\s+further|the\s+better\s+part\s+of|well\s+over)")

F = re.IGNORECASE
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::\d\d(?:\.\d+)?)?)?(?![\d-])")),
    ("numeric", re.compile(r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d\d)(?![\d/])"
                           r"(?:\s+(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?::\d\d)?)?")),
    ("mdate", re.compile(
        r"(?:(?P<wd>" + _WD + r"),?\s+(?:the\s+)?)?"
        r"(?:(?P<wk>the\s+week\s+of)\s+)?"
        r"(?:(?P<rl>last|next|this\s+past|this\s+coming)\s+)?"
        r"(?:(?P<mod>" + _MOD_PRE + r")[\s-]*)?"
        r"(?:(?:the\s+)?(?P<d1>" + _DAYNUM + r"|" + _ORDWORD + r")(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MONTH + r")"
        r"|(?P<m2>" + _MONTH + r")(?:\s+(?:the\s+)?(?P<d2>" + _DAYNUM + r"|" + _ORDWORD + r")(?:st|nd|rd|th)?(?![\d:.,]\d|\s*(?:%|percent)|\w))?)"
        r"(?:(?:,\s*|\s+)(?P<y>" + _YEAR + r")(?!\d)|\s+(?P<ry>this|last|next)\s+year)?"
        r"(?:,\s+(?P<wd2>" + _WD + r")\b)?", F)),
    ("year", re.compile(
        r"(?<![\d$#£€.,/-])(?:(?P<mod>(?:early|mid|late)[\s-]+|the\s+(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+)"
        r"|(?P<fy>fiscal(?:\s+year)?\s+))?(?<![\d$#£€.,/])(?P<y>" + _YEAR + r")(?![\d%]|[.,]\d|-\d|\s*percent)", F)),
    ("decade", re.compile(
        r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<y>(?:1[6-9]|20)\d0)|'(?P<yy>\d0))'?s\b|"
        r"the\s+(?:(?P<mod2>early|mid|late)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", F)),
    ("century", re.compile(r"(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|" + _ORDWORD + r")[\s-]+century\b", F)),
    ("spelled_year", re.compile(
        r"\b(?:(?P<c>nineteen|eighteen)[\s-]+(?P<t>" + _alt(TENS) + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\s-]+(?P<o>one|two|three|four|five|six|seven|eight|nine))?"
        r"|the\s+year\s+two\s+thousand(?:\s+and)?(?:\s+(?P<o2>one|two|three|four|five|six|seven|eight|nine|ten))?)\b", F)),
    ("quarter", re.compile(
        r"(?:(?P<lead>this\s+year's|last\s+year's|next\s+year's|the\s+year-(?:earlier|ago)|the\s+year's|the\s+(?P<yq>" + _YEAR + r")|(?P<yq2>" + _YEAR + r")|the)[\s-]+)?"
        r"(?:(?P<fis>fiscal)[\s-]+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|same|previous|past|year-earlier|year-ago|comparable|recent|last)?[\s-]*"
        r"(?:(?P<fis2>fiscal)[\s-]+)?(?P<qh>quarter|half|period)\b(?!-(?:point|final|mile|hour|century)|\s+(?:a|an|the)\b)"
        r"(?:\s+of\s+(?:fiscal\s+)?(?:(?:the|this)\s+(?:fiscal\s+)?year\b(?:\s+(?P<y2>" + _YEAR + r"))?|(?P<y3>" + _YEAR + r")))?", F)),
    ("rel", re.compile(
        r"(?:(?P<pre>early|late|earlier|later)\s+)?(?P<anchor>this\s+past|this|last|next|this\s+coming|coming|previous|following|the\s+following|the\s+previous|the\s+same|that)\s+"
        r"(?P<unit>" + _UNIT_DATE + r"|" + _MONTH + r"|" + _WD + r")\b(?!-)", F)),
    ("ago", re.compile(
        r"(?:(?P<mod>" + _APPROX + r")\s+)?(?P<n>" + _NUM + r")(?:\s+or\s+(?:so|two|three|more))?[\s-]+(?P<unit>" + _UNIT + r")s?(?:\s+or\s+so)?"
        r"\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b", F)),
    ("duration", re.compile(
        r"(?:(?P<art>the)\s+(?:(?P<rel>past|last|next|first|coming|previous|following|final|latest|remaining|initial|ensuing)\s+)?)?"
        r"(?:(?P<mod>" + _APPROX + r")\s+)?"
        r"(?P<n>" + _NUM + r")(?:\s*(?:-|–|to|or)\s*(?P<n2>" + _NUM + r"))?(?P<half>\s+and\s+a\s+half)?(?:\s+more)?[\s-]+"
        r"(?P<unit>" + _UNIT + r")(?P<pl>s)?\b(?P<half2>\s+and\s+a\s+half)?(?P<old>-old)?(?!-(?!old))", F)),
    ("bare_units", re.compile(r"\b(?:for|over|within|took|takes|take|lasted|last|lasting|spent|spend)\s+(?P<x>(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries))\b(?!\s+(?:of|ago|later|earlier|before|after)\b)", F)),
    ("refplural", re.compile(
        r"(?:in\s+)?(?:the\s+)?(?P<w>recent|coming|upcoming|past|future|next\s+few|last\s+few)\s+(?P<unit>days|weeks|months|quarters|years|decades)(?:\s+or\s+(?:days|weeks|months|years|decades))?\b"
        r"|the\s+(?P<unit2>days|weeks|months|years)\s+(?P<ahead>ahead)\b"
        r"|(?:just\s+|only\s+)?(?P<unit3>days|weeks|months|years|decades)\s+(?P<ago>ago|earlier)\b", F)),
    ("yearend", re.compile(r"(?P<pre>\b(?:since|by|until|before|after|at|around|near|through)\s+)?(?P<x>year(?:-|\s+|'s\s+)end)\b(?!-)", F)),
    ("pastunit", re.compile(r"the\s+(?:past|last|previous)\s+(?P<unit>year|month|week|decade|century)\b(?!['-])", F)),
    ("time", re.compile(
        r"(?:(?P<day0>" + _WD + r"|today|yesterday|tomorrow|tonight)(?:\s+(?:at|from|around|about))?\s+)?"
        r"(?:(?P<mod>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
        r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m\b|[ap]\.m\b)"
        r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])|(?P<nm>noon|midnight|midday))"
        r"(?:\s+(?P<tz>(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|EEST|MSK))\b|\s+local\s+time)?"
        r"(?:(?:,\s*|\s+)(?:on\s+)?(?:(?P<day>" + _WD + r"|today|yesterday|tomorrow|tonight)\b"
        r"|(?P<mon>" + _MONTH + r")\s+(?P<mday>" + _DAYNUM + r")(?![\d:])(?:,\s*(?P<myear>" + _YEAR + r"))?))?", F)),
    ("deictic", re.compile(
        r"(?:(?P<pre>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|overnight)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b"
        r"|(?:(?P<pre2>early|late|earlier|later)\s+)?(?P<this>this|last)\s+(?P<pod2>morning|afternoon|evening|night)\b", F)),
    ("weekday", re.compile(
        r"(?:(?P<pre>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|this\s+coming|coming|past)\s+)?(?P<wd>" + _WD + r")(?P<pl>s)?\b"
        r"(?:\s+(?P<pod>morning|afternoon|evening|night)(?P<pl2>s)?\b)?", F)),
    ("season", re.compile(
        r"(?:(?P<mod>early|mid|late)[\s-]+)?(?:the\s+)?(?P<s>spring|summer|fall|autumn|winter)(?:\s+of\s+(?P<y>" + _YEAR + r")|\s+(?P<y2>" + _YEAR + r"))?\b(?!\s+(?:season|olympics|games|school|camp|palace|solstice))", F)),
    ("set", re.compile(
        r"(?:every|each)\s+(?:other\s+)?(?P<u>" + _UNIT + r"|" + _WD + r"|" + _MONTH + r"|morning|afternoon|evening|spring|summer|fall|autumn|winter)\b"
        r"|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|twice\s+a\s+(?:day|week|month|year)|once\s+a\s+(?:day|week|month|year))\b", F)),
    ("ref", re.compile(
        r"\b(?:(?P<present>right\s+now|now|currently|presently|at\s+present|nowadays|these\s+days|current)"
        r"|(?P<past>recently|lately|the\s+past|recent(?=\s+(?:weeks|months|years|days|decades|history|times|past)\b))"
        r"|(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:near|short)\s+term|in\s+the\s+coming\s+(?:days|weeks|months|years)))\b", F)),
    ("yearago", re.compile(r"(?:the\s+)?(?:comparable\s+|corresponding\s+)?year-(?:earlier|ago)(?:\s+(?P<p>period|quarter|nine\s+months|six\s+months))?\b", F)),
    ("weekend", re.compile(r"(?:this\s+|last\s+|next\s+|the\s+)(?:past\s+|coming\s+)?weekend\b", F)),
    ("theyear", re.compile(r"(?P<pre>\b(?:for|in|during|of|through|throughout|over)\s+)?(?P<x>(?:the\s+(?:end|beginning|start|middle)\s+of\s+)?the\s+(?:(?P<adj>full|current|whole|entire|current\s+fiscal|fiscal|latest\s+fiscal)\s+)?(?P<u>year|month))\b(?!['-]|\s+(?:before|after|earlier|later|ago|of|to|\d))(?P<rel>\s+(?:that|when|in\s+which)\b)?", F)),
    ("holiday", re.compile(
        r"(?:(?P<rl>(?-i:[Ll]ast|[Nn]ext|[Tt]his))\s+)?"
        r"(?P<h>(?-i:Christmas\s+Eve|Christmas\s+Day|Christmas|New\s+Year's\s+(?:Day|Eve)|Independence\s+Day|"
        r"Thanksgiving(?:\s+Day)?|Halloween|Easter(?:\s+Sunday)?|Election\s+Day|Labor\s+Day|Memorial\s+Day))"
        r"(?:,?\s+(?P<y>" + _YEAR + r"))?\b")),
]

_PREPS_BEFORE_MONTH = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|throughout|during|of|to|and|or|before|after|early|late|mid|last|next|this|"
    r"between|around|for|on|that|each|every|every|until|as\s+of)\s+|-)$", re.I)
_QUARTER_NEWS = re.compile(r"\bquarter\b", re.I)
_RATE_BEFORE = re.compile(r"(?:\d|%|\bpercent|\bmillion|\bbillion|\bcents?|\bdollars?|\btimes|\bonce|\btwice)\s*$", re.I)
_PLURAL_NOUN_AFTER = re.compile(r"\s+(?!(?:was|has|is|its|as|this|his|pass)\b)[a-z]+s\b")
# a deadline preposition right before a date points ahead: "by February", "until Nov. 20"
_DEADLINE = re.compile(r"\b(?:by|until|till|through|to|before|effective|as\s+(?:soon|early)\s+as)\s+$", re.I)
# "as soon as Tuesday", "as early as next week": the earliest time something may happen, ahead
_EARLIEST = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.I)
_SENT_BREAK = re.compile(r"[.!?\n]")
_AGE_AFTER = re.compile(r"\s+old\b", re.I)


# ---------------------------------------------------------------- numbers and dates
def _num(s: str) -> float | None:
    """A number written with digits or English words; None for vague quantities ("several")."""
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in ("a", "an", "one"):
        return 1
    if s in ("a couple of", "couple of", "a couple"):
        return 2  # "a couple of years": two, as TimeML values it (P2Y)
    if s in VAGUE_QUANT or s in ("a number of",):
        return None
    if s in ("a dozen",):
        return 12
    if s in ("hundred", "a hundred"):
        return 100
    if s in ("thousand", "a thousand"):
        return 1000
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", s)
    if m:
        v = float(m.group(1))
        if m.group(2):
            v += int(m.group(2)) / int(m.group(3))
        return v
    parts = re.split(r"[\s-]+", s)
    total = 0
    for p in parts:
        if p in TENS:
            total += TENS[p]
        elif p in ONES:
            total += ONES[p]
        else:
            return None
    return total


def _fmt_num(v: float | None) -> str:
    if v is None:
        return "X"
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}


def _dur(v: float | None, unit_code: str) -> str:
    """TIMEX3 duration value: P3Y, PT5H, P1DE, PXW; 2.5 years is P2Y6M."""
    if v is not None and not float(v).is_integer() and unit_code in _SMALLER:
        small, k = _SMALLER[unit_code]
        whole, rest = int(v), round((v - int(v)) * k)
        big = "M" if unit_code == "MIN" else unit_code
        timeish = unit_code in ("H", "MIN") or small in ("H", "S") or (unit_code == "H")
        head = (f"{whole}{big}" if whole else "")
        if unit_code == "D":
            return f"P{head}T{rest}H"
        return f"P{'T' if timeish else ''}{head}{rest}{small}"
    n = _fmt_num(v)
    if unit_code in ("H", "S") or unit_code == "MIN":
        return f"PT{n}{'M' if unit_code == 'MIN' else unit_code}"  # minutes are PT5M, months P5M
    if unit_code == "WE":
        return f"P{'2' if n == '1' else 'X'}D" if n in ("1", "X") else f"P{int(float(n) * 2)}D"
    if unit_code == "FN":
        return f"P{n if n == 'X' else int(float(n) * 2)}W"
    if unit_code == "CE":
        return f"P{n if n == 'X' else int(float(n) * 100)}Y"
    if unit_code == "DE":
        return f"P{n}DE" if n == "X" else f"P{int(float(n) * 10)}Y"
    if unit_code == "ML":
        return f"P{n if n == 'X' else int(float(n) * 1000)}Y"
    if unit_code in SEASONS.values():
        return f"P{n}{unit_code}"
    return f"P{n}{unit_code}"


def _unit_code(unit: str) -> str:
    u = unit.lower().rstrip("s")
    if u == "minute":
        return "MIN"
    return UNITS.get(u, UNITS.get(u + "s", "X"))


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


#: How far (days) on the wrong side of the DCT the nearest "August" may lie before tense overrides it.
TENSE_OVERRIDE_DAYS = 61


def _pick_year(m: int, d: int | None, dct: dt.date, tense: str | None) -> int:
    """The year of a month (and day) without a year, news-style.

    News names dates close to the day it is written: the nearest occurrence wins; the tense
    of the clause only overrides it when that nearest occurrence lies more than
    ``TENSE_OVERRIDE_DAYS`` on the other side of the DCT ("will be named in December", written in March, is next
    December; "rallied in January", written in February, is last January).
    """
    best = None
    for y in (dct.year - 1, dct.year, dct.year + 1):  # on a tie the earlier (past) one wins
        last = 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31
        lo = dt.date(y, m, d if d else 1) if not d or d <= last else dt.date(y, m, last)
        hi = dt.date(y, m, d if d else last) if not d or d <= last else lo
        dist = 0 if lo <= dct <= hi else min(abs((lo - dct).days), abs((hi - dct).days))
        signed = (lo - dct).days if lo > dct else (hi - dct).days if hi < dct else 0
        if best is None or dist < best[0]:
            best = (dist, y, signed)
    _, year, signed = best
    if tense == "future" and signed < -TENSE_OVERRIDE_DAYS:
        year += 1
    elif tense == "past" and signed > TENSE_OVERRIDE_DAYS:
        year -= 1
    return year


_FIXED_HOLIDAYS = {"Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24), "New Year's Day": (1, 1),
                   "New Year's Eve": (12, 31), "Independence Day": (7, 4), "Halloween": (10, 31)}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ``weekday`` (0 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _holiday_date(name: str, year: int) -> dt.date:
    """The date of a holiday named in English news in ``year`` (US holidays by their US rule)."""
    if name in _FIXED_HOLIDAYS:
        return dt.date(year, *_FIXED_HOLIDAYS[name])
    if name.startswith("Thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)  # the fourth Thursday of November
    if name.startswith("Easter"):
        return _easter(year)
    if name == "Election Day":
        return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)  # the Tuesday after the first Monday of November
    if name == "Labor Day":
        return _nth_weekday(year, 9, 0, 1)
    if name == "Memorial Day":
        return _nth_weekday(year, 5, 0, -1)
    raise KeyError(name)


def pin_year(month: int, day: int, weekday: int, today: dt.date | None = None, around: int | None = None) -> int | None:
    """The year in which day/month falls on ``weekday`` (0 = Monday): nearest to ``around`` if
    given, else the latest such date not after ``today``. None if no year in range fits."""
    today = today or dt.date.today()
    years = range((around or today.year) - 14, (around or today.year) + 15)
    fits = []
    for y in years:
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            fits.append(d)
    if not fits:
        return None
    if around is not None:
        return min(fits, key=lambda d: (abs(d.year - around), -d.year)).year
    past = [d for d in fits if d <= today]
    return max(past).year if past else min(fits).year


_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_FUTURE_WORDS = {"will", "won't", "shall", "would", "upcoming", "next", "due", "expires", "expire", "deadline",
                 "payable", "effective", "expects", "might", "expect", "expected", "scheduled", "planned", "slated"}
_FUTURE_TO = {"going", "is", "are", "plans", "plan", "set", "aims", "aim", "hopes", "hope", "intends", "intend"}
_PAST_WORDS = {"was", "were", "had", "did", "said", "told", "reported", "announced", "ago", "last", "began", "came",
               "went", "took", "made", "saw", "fell", "rose", "met", "left", "won", "lost", "gave", "got", "held",
               "sold", "bought", "paid", "ran", "hit", "put", "cut", "became", "found", "led", "brought", "been"}
_NOT_PAST_BEFORE = {"be", "been", "to", "is", "are", "will", "being"}
_OPENING_PREPS = {"on", "in", "by", "since", "until", "early", "late", "earlier", "later", "also", "and", "but", "then"}
_CLAUSE_PUNCT = re.compile(r"[,;:()\"`“”]|''")
_DETERMINERS = {"a", "an", "the", "still", "its", "their", "his", "her", "our", "this", "these", "those", "newly"}
_FUTURE_SEEN_FROM_PAST = {"had", "was", "were", "been"}


def _classify(w: str, prev: str, before: tuple[str, ...] = (), nxt: str = "") -> str | None:
    """Tense a word signals, given the word before it, the three before that and the word after."""
    if w.endswith("ed") and (prev in _DETERMINERS or prev.endswith("ly")):
        return None  # "the planned merger", "a hastily planned trip": a participle used as an adjective
    if w in _FUTURE_WORDS or w.endswith("'ll") or (w == "to" and prev in _FUTURE_TO):
        if w == "next" and nxt == "to":
            return None  # "next to the embassy": a place, not a time ahead
        # "was due to expire", "had been expected": a future seen from the past
        return "past" if prev in _FUTURE_SEEN_FROM_PAST or _FUTURE_SEEN_FROM_PAST.intersection(before) else "future"
    if prev in _NOT_PAST_BEFORE or prev in _DETERMINERS:
        # "will be held", "to be announced": a participle after an auxiliary; "a still
        # unspecified date", "the planned merger": a participle used as an adjective
        return None
    if w in _PAST_WORDS or (len(w) >= 5 and w.endswith("ed")):
        return "past"
    return None


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 160)
    left = text[lo:start]
    cut = None
    for m in _SENT_BREAK.finditer(left):
        # a period inside an abbreviation ("Aug.", "U.S.") is not a sentence break
        i = m.start()
        if m.group() == "." and i > 0 and (left[i - 1].isupper() or left[max(0, i - 4):i].lower() in ("sept", " feb", " aug")):
            continue
        cut = m.end()
    if cut is not None:
        lo += cut
    right = text[end:end + 160]
    mm = _SENT_BREAK.search(right)
    return lo, end + (mm.start() if mm else len(right))


def _tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None from the verb markers nearest the expression in its clause."""
    lo, hi = _clause_bounds(text, start, end)
    best: tuple[int, str] | None = None
    left = [(m.group().lower(), m.end()) for m in _WORD.finditer(text, lo, start)]
    words = [w for w, _ in left]
    for i in range(len(left) - 1, -1, -1):  # nearest first: the first marker found decides
        kind = _classify(words[i], words[i - 1] if i else "", tuple(words[max(0, i - 4):max(0, i - 1)]),
                         words[i + 1] if i + 1 < len(words) else "")
        if kind:
            best = (start - left[i][1], kind)
            break
    if left and not (len(left) == 1 and left[0][0] in _OPENING_PREPS):
        # after a verb phrase the clause ends at a comma, quote or bracket: in "will leave
        # on Tuesday, the minister said" the attribution is not the tense of "Tuesday"
        cut = _CLAUSE_PUNCT.search(text, end, hi)
        if cut:
            hi = cut.start()
    prev = ""
    for m in _WORD.finditer(text, end, hi):
        w = m.group().lower()
        kind = _classify(w, prev)
        if kind:
            dist = m.start() - end
            if best is None or dist < best[0]:
                best = (dist, kind)
            break
        prev = w
    return best[1] if best else None


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    m: re.Match


def _as_date(dct) -> dt.date | None:
    if dct is None or dct is pd.NaT:
        return None
    if isinstance(dct, pd.Timestamp):
        return None if pd.isna(dct) else dct.date()
    if isinstance(dct, dt.datetime):
        return dct.date()
    if isinstance(dct, dt.date):
        return dct
    s = str(dct).strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError as exc:
        raise ValueError(f"dct {dct!r} is not an ISO date (YYYY-MM-DD)") from exc


# ---------------------------------------------------------------- resolution of each kind
class _Resolver:
    def __init__(self, text: str, dct: dt.date | None, today: dt.date | None):
        self.text = text
        self.dct = dct
        self.today = today

    def tense(self, c: _Cand, deadline: bool = False) -> str | None:
        before = self.text[max(0, c.start - 16):c.start]
        if (deadline and _DEADLINE.search(before)) or _EARLIEST.search(before):
            return "future"
        return _tense(self.text, c.start, c.end)

    def shift(self, unit: str, k: int) -> str:
        """Value of the unit containing DCT shifted by k units (last week: unit=W, k=-1)."""
        d = self.dct
        if d is None:
            return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX"}.get(unit, "XXXX")
        if unit == "D":
            return _iso(d + dt.timedelta(days=k))
        if unit == "W":
            return _week(d + dt.timedelta(weeks=k))
        if unit == "WE":
            return _week(d + dt.timedelta(weeks=k)) + "-WE"
        if unit == "M":
            y, m = _add_months(d.year, d.month, k)
            return f"{y:04d}-{m:02d}"
        if unit == "Q":
            y, q = _quarter(d)
            idx = y * 4 + q - 1 + k
            return f"{idx // 4}-Q{idx % 4 + 1}"
        if unit == "Y":
            return f"{d.year + k:04d}"
        if unit == "DE":
            return f"{(d.year // 10 + k):03d}"
        if unit == "CE":
            return f"{(d.year // 100 + k):02d}"
        if unit in SEASONS.values():
            y = d.year + k
            return f"{y:04d}-{unit}"
        return "XXXX"

    def weekday(self, wd: int, rel: str | None, tense: str | None) -> str:
        d = self.dct
        if d is None:
            return f"XXXX-WXX-{wd + 1}"
        back = (d.weekday() - wd) % 7
        fwd = (wd - d.weekday()) % 7
        if rel == "last" or rel == "past":
            return _iso(d - dt.timedelta(days=back or 7))
        if rel == "next":
            return _iso(d + dt.timedelta(days=fwd or 7))
        if rel in ("this coming", "coming"):
            return _iso(d + dt.timedelta(days=fwd))
        if tense == "future":
            return _iso(d + dt.timedelta(days=fwd))
        if tense == "past" or rel is None:
            return _iso(d - dt.timedelta(days=back))
        return _iso(d - dt.timedelta(days=back) if back <= fwd else d + dt.timedelta(days=fwd))

    # each returns (type, value) or None to reject the match
    def iso(self, c):
        g = c.m.groupdict()
        try:
            day = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        if g["h"]:
            return "TIME", f"{_iso(day)}T{g['h']}:{g['mi']}"
        return "DATE", _iso(day)

    def numeric(self, c):
        g = c.m.groupdict()
        y = int(g["y"])
        if len(g["y"]) == 2:
            y += 1900 if y > 30 else 2000
        try:
            day = dt.date(y, int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        if g["h"]:
            return "TIME", f"{_iso(day)}T{int(g['h']):02d}:{g['mi']}"
        return "DATE", _iso(day)

    def mdate(self, c):
        g = c.m.groupdict()
        mname = g["m1"] or g["m2"]
        key = mname.lower().rstrip(".")
        month = MONTHS[key]
        dtok = g["d1"] or g["d2"]
        day = None
        if dtok:
            day = int(dtok) if dtok.isdigit() else ORDINALS.get(dtok.lower())
            if day is None or day > 31:
                return None
        wd_tok = g["wd"] or g["wd2"]
        year = int(g["y"]) if g["y"] else None
        mod = g["mod"]
        if not dtok and not year and not g["ry"] and not wd_tok:
            # a month name alone: abbreviations need a day or year; "May"/"March" need a date context
            if "." in mname or len(mname) <= 3 and key not in ("may",):
                if "." not in mname:
                    return None
            before = self.text[max(0, c.start - 30):c.start]
            if key in ("may", "march") and not mod and not _PREPS_BEFORE_MONTH.search(before):
                return None
            prev = re.search(r"(\S+)\s+$", before)
            if prev and not mod and prev.group(1)[:1].isupper() and not _PREPS_BEFORE_MONTH.search(before) \
                    and not prev.group(1).endswith((".", ",", ":", ";", '"')):
                return None  # a name: "Theresa May", "April Ryan"
            after = self.text[c.end:c.end + 12]
            if re.match(r"\s+(?:be|I|we|you|is|was|and\s+(?-i:[A-Z])\w+\s+(?:said|say))\b", after):
                return None
        if dtok and not year and not wd_tok and dtok.isdigit():
            # "June 3" is a date, "24 Channel" never reaches here; but "May 5" after a name is not
            before = self.text[max(0, c.start - 20):c.start]
            prev = re.search(r"(\S+)\s+$", before)
            if key in ("may", "march") and prev and prev.group(1)[:1].isupper() and not prev.group(1).endswith((".", ",")) \
                    and not _PREPS_BEFORE_MONTH.search(before) and g["m2"]:
                return None
        if g["rl"]:
            if not day or year or wd_tok:
                return None  # "last October" is the relative-month rule's; "last Friday, Oct. 23" has its own
            if self.dct:
                # "last Oct. 23": the latest Oct. 23 before the DCT; "next May 5": the first after it
                ahead = g["rl"].lower() in ("next", "this coming")
                year = self.dct.year
                try:
                    if ahead and dt.date(year, month, day) <= self.dct:
                        year += 1
                    elif not ahead and dt.date(year, month, day) >= self.dct:
                        year -= 1
                except ValueError:
                    return None
        if year is None and g["ry"]:
            if self.dct:
                year = self.dct.year + {"this": 0, "last": -1, "next": 1}[g["ry"].lower()]
        if year is None and wd_tok and day:
            around = self.dct.year if self.dct else None
            year = pin_year(month, day, WEEKDAYS[wd_tok.lower()], today=self.today, around=around)
        if year is None and self.dct:
            year = _pick_year(month, day, self.dct, self.tense(c, deadline=True))
        ys = f"{year:04d}" if year else "XXXX"
        if g["wk"] and not day:
            return None  # "the week of May" is not a date
        if day:
            if year:
                try:
                    day_date = dt.date(year, month, day)
                except ValueError:
                    return None
                if g["wk"]:
                    return "DATE", _week(day_date)  # "the week of March 6": that day's ISO week
            elif g["wk"]:
                return "DATE", "XXXX-WXX"
            return "DATE", f"{ys}-{month:02d}-{day:02d}"
        return "DATE", f"{ys}-{month:02d}"

    def year(self, c):
        g = c.m.groupdict()
        y = int(g["y"])
        after = self.text[c.end:c.end + 30]
        before = self.text[max(0, c.start - 25):c.start]
        if not g["mod"] and not g["fy"]:
            if _PLURAL_NOUN_AFTER.match(after) and not re.match(r"\s+(?:levels|figures|results|elections|games|olympics|sales|earnings|rates|prices|standards)\b", after, re.I):
                return None  # "2000 soldiers": a count
            if re.match(r"\s*(?:[:]\d|\s*(?:sq|km|kilometres|kilometers|miles|metres|meters|feet|people|troops|residents|votes|points|tons|tonnes|hectares|rubles|roubles|dollars|euros|hryvnias?|visitors|views|comments|km2|mm)\b)", after, re.I):
                return None
            if re.search(r"(?:\b(?:about|some|nearly|almost|around|than|least|total\s+of|No\.?|number|page|pages|route|flight|room|model|version|tel|phone|line|lines|item|items|row|step|chapter|section|box|unit|seat|gate|platform|exit|code|ref|\+)\s*)$", before, re.I):
                return None
            if re.search(r"\d[\s.,]$", before):
                return None  # "4 165 2000": a counter
        if y > 2099 or y < 1600:
            return None
        return "DATE", f"{y:04d}"

    def decade(self, c):
        g = c.m.groupdict()
        if g["w"]:
            words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
            return "DATE", f"19{words[g['w'].lower()]}"
        if g["yy"]:
            return "DATE", f"19{g['yy'][0]}"
        return "DATE", g["y"][:3]

    def century(self, c):
        n = c.m.group("n").lower()
        k = int(re.match(r"\d+", n).group()) if n[0].isdigit() else ORDINALS.get(n)
        if not k or k > 21:
            return None
        return "DATE", f"{k - 1:02d}"

    def spelled_year(self, c):
        g = c.m.groupdict()
        if g["c"]:
            hi = ONES[g["c"].lower()]
            t = g["t"].lower()
            lo = TENS.get(t, ONES.get(t, 0)) + (ONES[g["o"].lower()] if g["o"] else 0)
            return "DATE", f"{hi:02d}{lo:02d}"
        return "DATE", f"{2000 + (ONES.get(g['o2'].lower(), 0) if g['o2'] else 0)}"

    def quarter(self, c):
        g = c.m.groupdict()
        s = c.m.group().lower()
        ordw = (g["ord"] or "").lower()
        qh = g["qh"].lower()
        lead = (g["lead"] or "").lower()
        if not ordw and re.match(r"\s+of\s+(?!(?:fiscal\s+)?(?:(?:the|this|last|next)\s+(?:fiscal\s+)?year\b|(?:1[6-9]|20)\d\d))", self.text[c.end:c.end + 30]):
            return None  # "a quarter of the vote", "half of them": fractions
        if ordw in ("first", "second", "last", "final") and qh == "half" and re.match(r"\s+of\s+(?!(?:fiscal\s+)?(?:(?:the|this|last|next)\s+(?:fiscal\s+)?year\b|(?:1[6-9]|20)\d\d))", self.text[c.end:c.end + 30]):
            return None  # "the first half of the match"
        if qh == "period":
            # "the latest period", "the year-ago period": in results news, the quarter reported
            if not (ordw in ("latest", "year-earlier", "year-ago", "comparable", "same")
                    or "year-ago" in lead or "year-earlier" in lead or g["yq"]):
                return None
            if not _QUARTER_NEWS.search(self.text):
                return None
            qh = "quarter"
        if not ordw and lead in ("", "the") and not g["y2"] and not g["y3"] and not g["yq"] and not g["yq2"]:
            if lead != "the" or qh == "half":
                return None
        if qh == "half" and ordw not in ("first", "second", "1st", "2nd", "latest", "past", "last", "previous"):
            return None
        if qh == "half" and ordw == "last" and " of " in s:
            ordw = "second"  # "the last half of 1989", "the last half of the year": its second half
        if qh == "half" and ordw in ("latest", "past", "last", "previous"):
            return None
        y_explicit = g["y2"] or g["y3"] or g["yq"] or g["yq2"]
        d = self.dct
        if y_explicit:
            year = int(y_explicit)
        elif d is None:
            year = None
        else:
            year = d.year
        prev_year = "year-earlier" in s or "year-ago" in s or "last year's" in s or ordw in ("year-earlier", "year-ago", "comparable")
        num = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}.get(ordw)
        if qh == "half":
            if year is None:
                return "DATE", f"XXXX-H{num}"
            return "DATE", f"{year:04d}-H{num}"
        if num is None:
            # "the quarter", "the latest quarter": the last quarter reported, i.e. the one before DCT's
            if d is None:
                return "DATE", "XXXX-QX"
            if ordw == "current":
                idx = d.year * 4 + (d.month - 1) // 3
            else:
                idx = d.year * 4 + (d.month - 1) // 3 - 1
            if y_explicit:
                idx = int(y_explicit) * 4 + idx % 4
            elif prev_year:
                idx -= 4
            return "DATE", f"{idx // 4}-Q{idx % 4 + 1}"
        if year is None:
            return "DATE", f"XXXX-Q{num}"
        if not y_explicit and d is not None:
            cur = (d.month - 1) // 3 + 1
            tense = self.tense(c)
            if num > cur and tense != "future":
                year -= 1 if num > cur + 1 or tense == "past" else 0
        if prev_year:
            year -= 1
        if "next year's" in s and not y_explicit and year is not None:
            year = d.year + 1
        return "DATE", f"{year:04d}-Q{num}"

    def rel(self, c):
        g = c.m.groupdict()
        anchor = re.sub(r"\s+", " ", g["anchor"].lower())
        unit = g["unit"]
        ul = unit.lower().rstrip(".")
        if anchor in ("the same", "that", "the following", "the previous", "following", "previous"):
            if ul == "year" and anchor in ("the following", "the previous", "that", "the same"):
                return "DATE", "XXXX" if anchor in ("that", "the same") or self.dct is None else "XXXX"
            return None
        k = {"this": 0, "last": -1, "next": 1, "this coming": 1, "coming": 1, "this past": 0}[anchor]
        if anchor == "this past" and (ul in WEEKDAYS or ul in MONTHS):
            anchor = "last"
        if ul in WEEKDAYS:
            if unit[0].islower():
                return None
            return "DATE", self.weekday(WEEKDAYS[ul], anchor, self.tense(c))
        if ul in MONTHS:
            if unit[0].islower():
                return None
            month = MONTHS[ul]
            if self.dct is None:
                return "DATE", f"XXXX-{month:02d}"
            d = self.dct
            if anchor == "last":
                year = d.year if month < d.month else d.year - 1
            elif anchor == "next":
                year = d.year if month > d.month else d.year + 1
            else:
                year = d.year
            return "DATE", f"{year:04d}-{month:02d}"
        if ul in SEASONS:
            code = SEASONS[ul]
            if self.dct is None:
                return "DATE", f"XXXX-{code}"
            return "DATE", f"{self.dct.year + k:04d}-{code}"
        code = {"week": "W", "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE"}[ul]
        if anchor == "this" and code == "WE":
            k = 0
        return "DATE", self.shift(code, k)

    def ago(self, c):
        g = c.m.groupdict()
        direction = re.sub(r"\s+", " ", g["dir"].lower())
        if direction in ("before", "after"):
            return None  # "two weeks before the vote": a duration, anchored on an event
        n = _num(g["n"])
        code = _unit_code(g["unit"])
        sign = -1 if direction in ("ago", "earlier") else 1
        if direction == "later" and self.tense(c) != "future":
            # "six months later" in a narrative counts from an event of the story, not from the
            # day of writing: only its duration is known ("six months", P6M), as TimeML tags it
            return None
        if n is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        if self.dct is None:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        d = self.dct
        k = int(round(n)) * sign
        if code == "D":
            return "DATE", _iso(d + dt.timedelta(days=k))
        if code == "W":
            return "DATE", _week(d + dt.timedelta(weeks=k))
        if code == "M":
            y, m = _add_months(d.year, d.month, k)
            return "DATE", f"{y:04d}-{m:02d}"
        if code == "Y":
            return "DATE", f"{d.year + k:04d}"
        if code == "DE":
            return "DATE", f"{(d.year + 10 * k) // 10:03d}"
        if code == "Q":
            return "DATE", self.shift("Q", k)
        if code in ("H", "MIN", "S"):
            return "TIME" if code == "H" else "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"

    def duration(self, c):
        g = c.m.groupdict()
        n_tok = g["n"].lower()
        if n_tok in ("a", "an", "one") and g["unit"].lower() in ("second",):
            return None
        unit = g["unit"]
        code = _unit_code(unit)
        n = _num(g["n"])
        # "a quarter of", "the first day", "one day he said": not durations
        if code == "Q" and not g["n2"]:
            if n_tok in ("a", "an") or g["pl"] is None and n_tok in ("one",):
                return None
        if code == "D" and unit.lower() == "day" and n_tok in ("one",) and not g["mod"] and not g["art"]:
            after = self.text[c.end:c.end + 3]
            if not after.startswith(("-", " o")):
                pass
        if g["art"] and not g["rel"] and n_tok in ("a", "an"):
            return None
        if n_tok in ("a", "an", "per") and not g["mod"] and _RATE_BEFORE.search(self.text[max(0, c.start - 20):c.start]):
            return None  # "$5 a year", "10% a day": a rate, not a duration
        if code == "Q" and (g["pl"] and "-" in c.m.group() or re.match(r"\s+of\b", self.text[c.end:c.end + 4])):
            return None  # "three-quarters", "two quarters of the vote": fractions
        if n_tok in ("many", "some", "a number of") and not g["pl"]:
            return None
        if g["n2"]:
            n = None  # a range, "2-3 years": an uncertain number of units
        if n is not None and (g["half"] or g["half2"]):
            n += 0.5
        if n is not None and n > 10000:
            return None
        if g["art"] and g["rel"] and g["rel"].lower() == "first" and n_tok in ("a", "an"):
            return None
        if code in ("SU", "WI", "SP", "FA", "X"):
            return None
        if g["old"] or _AGE_AFTER.match(self.text, c.end):
            # an age ("a 44-year-old doctor", "52 years old") describes a person or thing, not a
            # time of the story: TimeML corpora (TimeBank, AQUAINT) leave ages untagged
            return None
        return "DURATION", _dur(n, code)

    def bare_units(self, c):
        return "DURATION", _dur(None, _unit_code(c.m.group("unit")))

    def refplural(self, c):
        g = c.m.groupdict()
        if g["ahead"]:
            return "DATE", "FUTURE_REF"
        if g["ago"]:
            return "DATE", "PAST_REF"
        w = g["w"].lower()
        if w in ("recent", "past", "last few"):
            return "DATE", "PAST_REF"
        return "DATE", "FUTURE_REF"

    def yearend(self, c):
        pre = (c.m.group("pre") or "").strip().lower()
        if self.dct is None:
            return "DATE", "XXXX-12-31"
        y = self.dct.year - 1 if pre in ("since", "after") or (not pre and self.tense(c) == "past" and self.dct.month < 12) else self.dct.year
        return "DATE", f"{y:04d}-12-31"

    def pastunit(self, c):
        return "DURATION", _dur(1, {"year": "Y", "month": "M", "week": "W", "decade": "DE", "century": "CE"}[c.m.group("unit").lower()])

    def time(self, c):
        g = c.m.groupdict()
        if g["h2"] is not None:
            # a bare clock time "14:30" needs a day or zone or "at" to be a time (and not a score)
            before = self.text[max(0, c.start - 4):c.start].lower()
            if not (g["day0"] or g["day"] or g["tz"] or before.endswith("at ") or before.endswith("t ")):
                return None
            h, mi = int(g["h2"]), int(g["mi2"])
        elif g["nm"]:
            nm = g["nm"].lower()
            h, mi = (0, 0) if nm == "midnight" else (12, 0)
            if not (g["day0"] or g["day"]):
                before = self.text[max(0, c.start - 6):c.start].lower()
                if not re.search(r"\b(?:at|by|until|before|after|from|till|to)\s+$", before):
                    return None
        else:
            h = int(g["h"])
            mi = int(g["mi"] or 0)
            if h > 12 or h == 0:
                return None
            pm = g["ap"].lower().startswith("p")
            if pm and h != 12:
                h += 12
            if not pm and h == 12:
                h = 0
        daytok = (g["day0"] or g["day"] or "").lower()
        if g["mon"]:
            month, day = MONTHS[g["mon"].lower().rstrip(".")], int(g["mday"])
            year = int(g["myear"]) if g["myear"] else (
                _pick_year(month, day, self.dct, self.tense(c, deadline=True)) if self.dct else None)
            date = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
        else:
            date = self._day_value(daytok, c)
        return "TIME", f"{date}T{h:02d}:{mi:02d}"

    def _day_value(self, daytok: str, c) -> str:
        if daytok in WEEKDAYS:
            return self.weekday(WEEKDAYS[daytok], None, self.tense(c))
        k = {"yesterday": -1, "tomorrow": 1}.get(daytok, 0)
        return self.shift("D", k)

    def deictic(self, c):
        g = c.m.groupdict()
        if g["w"]:
            w = g["w"].lower()
            if w == "today":
                after = self.text[c.end:c.end + 2]
                before = self.text[max(0, c.start - 1):c.start]
                if after.startswith("'s") and False:
                    return None
                if before == "'" or c.m.group("w")[0] == "T" and self.text[c.end:c.end + 1] == ".":
                    pass
            base = self._day_value("tonight" if w == "overnight" else w, c)
            pod = g["pod"].lower() if g["pod"] else ("night" if w in ("tonight", "overnight") else None)
            if pod:
                return "TIME", f"{base}T{PARTS_OF_DAY[pod]}"
            return "DATE", base
        k = -1 if g["this"].lower() == "last" and g["pod2"].lower() in ("night",) else 0
        if g["this"].lower() == "last" and g["pod2"].lower() != "night":
            return None
        return "TIME", f"{self.shift('D', k)}T{PARTS_OF_DAY[g['pod2'].lower()]}"

    def weekday_expr(self, c):
        g = c.m.groupdict()
        wd = WEEKDAYS[g["wd"].lower()]
        if g["pl"] or g["pl2"]:
            pod = g["pod"]
            return "SET", f"XXXX-WXX-{wd + 1}" + (f"T{PARTS_OF_DAY[pod.lower()]}" if pod else "")
        rel = re.sub(r"\s+", " ", g["rel"].lower()) if g["rel"] else None
        val = self.weekday(wd, rel, self.tense(c))
        if g["pod"]:
            return "TIME", f"{val}T{PARTS_OF_DAY[g['pod'].lower()]}"
        return "DATE", val

    def season(self, c):
        g = c.m.groupdict()
        s = g["s"]
        code = SEASONS[s.lower()]
        y = g["y"] or g["y2"]
        if y:
            return "DATE", f"{y}-{code}"
        before = self.text[max(0, c.start - 12):c.start].lower()
        if not g["mod"] and not re.search(r"\b(?:in|this|last|next|during|the|since|by|until|early|late)\s+$", before) \
                and not c.m.group().lower().startswith("the"):
            return None
        if s.lower() == "fall" and not (c.m.group().lower().startswith("the") or re.search(r"\b(?:this|last|next|the)\s+$", before)):
            return None
        if self.dct is None:
            return "DATE", f"XXXX-{code}"
        return "DATE", f"{self.dct.year:04d}-{code}"

    def set(self, c):
        g = c.m.groupdict()
        if g["adv"]:
            a = re.sub(r"\s+", " ", g["adv"].lower())
            if a == "annually" and _RATE_BEFORE.search(self.text[max(0, c.start - 20):c.start]):
                return None  # "rise 8.5% annually", "$2 million annually": a rate, like "$5 a year"
            m = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M", "quarterly": "P1Q",
                 "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}.get(a)
            if m is None:
                m = "P1" + {"day": "D", "week": "W", "month": "M", "year": "Y"}[a.split()[-1]]
            return "SET", m
        u = g["u"]
        ul = u.lower().rstrip(".")
        if ul in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[ul] + 1}"
        if ul in MONTHS:
            return "SET", f"XXXX-{MONTHS[ul]:02d}"
        if ul in SEASONS:
            return "SET", f"XXXX-{SEASONS[ul]}"
        if ul in PARTS_OF_DAY:
            return "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[ul]}"
        code = _unit_code(u)
        if code in ("X",):
            return None
        return "SET", _dur(1, code)

    def ref(self, c):
        g = c.m.groupdict()
        if g["present"]:
            w = g["present"].lower()
            if w == "current":
                after = self.text[c.end:c.end + 20]
                if not re.match(r"\s+[a-z]", after):
                    return None  # "current" as a noun (an electric current, against the current)
            return "DATE", "PRESENT_REF"
        if g["past"]:
            w = g["past"].lower()
            if w.startswith("earlier") or w.startswith("once"):
                return None
            if w == "the past":
                after = self.text[c.end:c.end + 12]
                if re.match(rf"\s+(?:\w+\s+)?(?:few\s+)?(?:{_UNIT})", after, re.I):
                    return None
            return "DATE", "PAST_REF"
        w = g["future"].lower()
        if w.startswith("in the coming"):
            return "DATE", "FUTURE_REF"
        return "DATE", "FUTURE_REF"

    def theyear(self, c):
        g = c.m.groupdict()
        pre = (g["pre"] or "").strip().lower()
        adj = (g["adj"] or "").lower()
        whole = c.m.group("x").lower()
        if g["rel"] and adj not in ("current", "current fiscal"):
            return None  # "the year that the war began": a year of the story, not the DCT's
        if g["u"].lower() == "month":
            if not whole.startswith("the end") and not whole.startswith("the beginning") and not whole.startswith("the start") \
                    and not whole.startswith("the middle"):
                return None
            return "DATE", self.shift("M", 0)
        if pre in ("for", "over", "throughout") and (not adj or adj == "fiscal") and not whole.startswith(("the end", "the beg", "the sta", "the mid")):
            return "DURATION", "P1Y"
        if self.dct is None:
            return "DATE", "XXXX"
        return "DATE", f"{self.dct.year - (1 if adj == 'latest fiscal' else 0):04d}"

    def yearago(self, c):
        if self.dct is None:
            return "DATE", "XXXX"
        return "DATE", f"{self.dct.year - 1:04d}"

    def weekend(self, c):
        low = c.m.group().lower()
        d = self.dct
        if d is None:
            return "DATE", "XXXX-WXX-WE"
        tense = self.tense(c)
        if low.startswith("last") or "past" in low or (low.startswith("the") and tense != "future" and "coming" not in low):
            sat = d - dt.timedelta(days=(d.weekday() - 5) % 7)
        else:
            sat = d + dt.timedelta(days=(5 - d.weekday()) % 7)
        return "DATE", _week(sat) + "-WE"

    def holiday(self, c):
        h = re.sub(r"\s+", " ", c.m.group("h"))
        y = c.m.group("y")
        if y:
            return "DATE", _iso(_holiday_date(h, int(y)))
        if self.dct is None:
            day = _holiday_date(h, 2001)  # fixed-date holidays keep their month and day
            return "DATE", f"XXXX-{day.month:02d}-{day.day:02d}" if h in _FIXED_HOLIDAYS else "XXXX"
        d = self.dct
        dates = [_holiday_date(h, year) for year in (d.year - 1, d.year, d.year + 1)]
        rl = (c.m.group("rl") or "").lower()
        if rl == "last":
            return "DATE", _iso(max(x for x in dates if x < d))
        if rl == "next":
            return "DATE", _iso(min(x for x in dates if x > d))
        # as for a month without a year: the nearest one, unless the tense points the other way
        # and the nearest lies more than TENSE_OVERRIDE_DAYS on the wrong side of the DCT
        i = min(range(3), key=lambda k: (abs((dates[k] - d).days), dates[k] > d))
        tense = self.tense(c, deadline=True)
        if tense == "past" and (dates[i] - d).days > TENSE_OVERRIDE_DAYS:
            i -= 1
        elif tense == "future" and (d - dates[i]).days > TENSE_OVERRIDE_DAYS:
            i += 1
        return "DATE", _iso(dates[max(0, min(2, i))])


_HANDLER = {k: k for k, _ in PATTERNS}
_HANDLER["weekday"] = "weekday_expr"
_PRIORITY = {k: i for i, (k, _) in enumerate(PATTERNS)}


# Which words can anchor which pattern, and how many tokens before that word the pattern may
# start: the tagger only tries a pattern at the few token starts before one of its head words,
# which keeps it fast (a pattern never has to be tried at every character of the text).
def _triggers() -> dict[str, list[tuple[str, int]]]:
    t: dict[str, list[tuple[str, int]]] = {}

    def add(words, kind, back):
        for w in words:
            t.setdefault(w, []).append((kind, back))

    months = [m for m in MONTHS]
    unit_words = []
    for u in ("second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "quarter",
              "year", "decade", "century", "centurie", "centuries", "millennium", "millennia"):
        unit_words += [u, u + "s"]
    add(months, "mdate", 9)
    add(WEEKDAYS, "weekday", 3)
    add(WEEKDAYS, "rel", 3)
    add(list(WEEKDAYS) + ["today", "yesterday", "tomorrow", "tonight"], "time", 0)
    add(months + ["week", "weekend", "month", "quarter", "year", "decade", "century", *SEASONS], "rel", 4)
    add(["century"], "century", 5)
    add(["nineteen", "eighteen"], "spelled_year", 0)
    add(["thousand"], "spelled_year", 4)
    add(["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"], "decade", 3)
    add(["quarter", "half", "period"], "quarter", 7)
    add(["ago", "earlier", "later", "hence", "now"], "ago", 10)  # the words that can end an "ago" match
    add(unit_words, "duration", 8)
    add(["seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"], "bare_units", 4)
    add(["days", "weeks", "months", "years", "decades", "quarters", "ahead", "ago", "earlier"], "refplural", 5)
    add(["end"], "yearend", 4)
    add(["year", "month", "week", "decade", "century"], "pastunit", 3)
    add(["a", "p", "am", "pm", "noon", "midnight", "midday"], "time", 8)
    add(["today", "tonight", "yesterday", "tomorrow", "overnight"], "deictic", 1)
    add(["morning", "afternoon", "evening", "night"], "deictic", 2)
    add(SEASONS, "season", 3)
    add(["every", "each", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "quarterly",
         "biweekly", "twice", "once"], "set", 0)
    add(["now", "currently", "presently", "present", "nowadays", "days", "current", "far", "recently", "lately",
         "recent", "past", "future", "coming", "term"], "ref", 3)
    add(["year"], "yearago", 2)
    add(["year", "month"], "theyear", 7)
    add(["weekend"], "weekend", 2)
    add(["christmas", "new", "independence", "thanksgiving", "halloween", "easter", "election", "labor", "memorial"],
        "holiday", 1)
    return t


TRIGGERS = _triggers()
_RX = dict(PATTERNS)
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_UNIT_TOKENS = {w for w, ks in TRIGGERS.items() if any(k == "duration" for k, _ in ks)}


def _digit_kinds(text: str, tok: str, end: int) -> list[tuple[str, int]]:
    """The patterns a number can anchor, judged from the characters right after it."""
    nxt = text[end:end + 1]
    kinds = []
    if len(tok) == 4:
        kinds.append(("year", 5))
        if nxt == "-":
            kinds.append(("iso", 0))
        if nxt in ("s", "'"):
            kinds.append(("decade", 3))
    elif nxt == "s" or text[end:end + 2] == "'s":
        kinds.append(("decade", 3))
    if nxt == "/":
        kinds.append(("numeric", 0))
    if nxt == ":":
        kinds.append(("time", 4))
    return kinds


# the words a pattern may have before its head word: the tagger walks back over these only
_PREFIX_WORDS = set(ONES) | set(TENS) | set(ORDINALS) | set(WEEKDAYS) | set(MONTHS) | {
    "a", "an", "the", "of", "and", "or", "to", "half", "more", "than", "less", "fewer", "at", "least", "most",
    "up", "over", "under", "about", "around", "approximately", "roughly", "nearly", "almost", "some", "just",
    "only", "another", "additional", "further", "better", "part", "well", "several", "few", "couple", "many",
    "dozens", "hundreds", "dozen", "number", "hundred", "thousand", "past", "last", "next", "first", "coming",
    "previous", "following", "final", "latest", "remaining", "initial", "ensuing", "early", "mid", "late",
    "earlier", "later", "end", "beginning", "start", "middle", "this", "that", "same", "fiscal", "year",
    "year's", "ago", "s", "current", "recent", "comparable", "corresponding", "in", "for", "within", "took",
    "takes", "take", "lasted", "lasting", "spent", "spend", "from", "today", "yesterday", "tomorrow",
    "tonight", "shortly", "before", "after", "right", "these", "near", "distant", "foreseeable", "upcoming",
    "every", "each", "other", "twice", "once", "so", "year-earlier", "year-ago", "new", "eve", "day", "m", "p",
    "st", "nd", "rd", "th", "full", "whole", "entire", "during", "through", "throughout", "short", "long",
    "since", "until", "by",
} | {u + x for u in UNITS for x in ("", "s")} | {"centuries"}


# a number is a trigger only where it can anchor a pattern (see _digit_kinds): four digits (a year),
# or digits right before "/", ":", "s" or an apostrophe (numeric dates, clock times, decades)
# (only at the start of a word: a bare \b would also try every word's end)
_TRIGGER_RX = re.compile(r"\b(?=[a-z0-9])(?:(?:" + alternation(w for w in TRIGGERS if w not in ("a", "p")) + r")\b|[ap]\.m\b"
                         r"|\d{4}(?!\d)|\d+(?=[/:s']))")
# the word before a position, read in the reversed text: one anchored match instead of a search
_PREV_TOKEN = re.compile(r"[^a-z0-9]*([a-z]+|\d+)")
_AGO_WORDS = ("ago", "earlier", "later", "hence", "now")


def _candidates(text: str) -> list[_Cand]:
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowercased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    out = []
    tried: set[tuple[str, int]] = set()
    n = len(low)
    rlow = low[::-1]
    for t in _TRIGGER_RX.finditer(low):
        tok = t.group()
        pos = t.start()
        if tok[0].isdigit():
            entries = _digit_kinds(text, tok, t.end())
        else:
            entries = TRIGGERS.get(tok if tok[-1] != "m" or "." not in tok else tok[0])
        if not entries:
            continue
        # walk back over the words that could belong to the expression (numbers, "the", "early", ...),
        # each read within 24 characters before the last
        starts = [pos]
        end = pos
        first = None
        for _ in range(max(back for _, back in entries)):  # no further back than a pattern may start
            rpos = n - end
            last = _PREV_TOKEN.match(rlow, rpos, rpos + 24)
            if last is None:
                break
            w = last.group(1)[::-1]
            if first is None:
                first = w
            if not (w[0].isdigit() or w in _PREFIX_WORDS):
                break
            end = n - last.end(1)
            starts.append(end)
        if tok in _AGO_WORDS and not (first in _UNIT_TOKENS or first == "so"):
            entries = [e for e in entries if e[0] != "ago"]
        for kind, back in entries:
            rx = _RX[kind]
            inner = "x" in rx.groupindex
            for p in reversed(starts[:back + 1]):  # leftmost first, as a left-to-right scan would
                if p and kind == "decade" and text[p - 1] in "'$":
                    p -= 1
                if (kind, p) in tried:
                    continue
                tried.add((kind, p))
                m = rx.match(text, p)
                if m is None:
                    continue
                s, e = m.span("x") if inner else m.span()
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append(_Cand(s, e, kind, m))
    return out


def _strip_article(text: str, s: int, e: int, kind: str) -> int:
    """TIMEX3 spans leave out a leading 'in'; they keep 'the' only where TimeML does."""
    low = text[s:e].lower()
    if low.startswith("in ") and kind in ("ref", "refplural"):
        return s + 3
    return s


_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


def _year_ago_quarters(chosen: list, text: str) -> list:
    """'a year ago', 'year-earlier' after a quarter: the same quarter a year before (financial news).

    So is 'last year' when the quarter is named earlier in the same sentence ("profit in the
    third quarter fell from last year")."""
    out = []
    last_q: tuple[int, str, str] | None = None  # (end offset, year, quarter)
    for s, e, surf, typ, val, c in chosen:
        m = _QUARTER_VALUE.match(val)
        low = surf.lower()
        if m and c.kind != "yearago" and "year-ago" not in low and "year-earlier" not in low and "last year" not in low:
            last_q = (e, m.group(1), m.group(2))
        is_year_ago = (c.kind == "yearago" and not (c.m.group("p") or "").lower().startswith(("nine", "six"))) or (
            c.kind == "ago" and _unit_code(c.m.group("unit")) == "Y" and _num(c.m.group("n")) == 1
            and c.m.group("dir").lower() in ("ago", "earlier"))
        same_sentence = last_q is not None and s - last_q[0] < 200 and not _SENT_BREAK.search(text, last_q[0], s)
        if c.kind == "rel" and low == "last year" and same_sentence:
            is_year_ago = True
        if is_year_ago and last_q is not None and s - last_q[0] < 400 and re.fullmatch(r"\d{4}", val) \
                and (c.kind != "rel" or same_sentence):
            val = f"{int(last_q[1]) - 1:04d}-Q{last_q[2]}"
        if c.kind == "yearago" and (c.m.group("p") or "").lower().startswith(("nine", "six")):
            typ, val = "DURATION", "P9M" if c.m.group("p").lower().startswith("nine") else "P6M"
        out.append((s, e, surf, typ, val))
    return out


def tag(text: str, dct=None, today: dt.date | None = None) -> pd.DataFrame:
    """Find and normalise the temporal expressions of ``text``; columns start, end, surface, type, value.

    ``dct`` (ISO date string, date, Timestamp or None) anchors relative expressions; ``today``
    (default: the current date) only bounds the year a weekday pins when there is no DCT.
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        text = ""
    if not isinstance(text, str):
        raise TypeError(f"tag() needs a str, got {type(text).__name__}")
    d = _as_date(dct)
    res = _Resolver(text, d, today)
    cands = _candidates(text)
    cands.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.kind], c.start))
    taken: list[tuple[int, int]] = []
    chosen = []
    occupied = bytearray(len(text) + 1)
    for c in cands:
        if any(occupied[c.start:c.end]):
            continue
        out = getattr(res, _HANDLER[c.kind])(c)
        if out is None:
            continue
        s = _strip_article(text, c.start, c.end, c.kind)
        for i in range(s, c.end):
            occupied[i] = 1
        taken.append((s, c.end))
        chosen.append((s, c.end, text[s:c.end], out[0], out[1], c))
    chosen.sort(key=lambda r: r[0])
    chosen = _year_ago_quarters(chosen, text)
    cols = list(zip(*chosen, strict=False)) if chosen else [(), (), (), (), ()]
    # typed arrays built directly: pandas' inference per column costs more than the tagging of a short text
    return pd.DataFrame({
        "start": np.array(cols[0], dtype=np.int64), "end": np.array(cols[1], dtype=np.int64),
        "surface": pd.array(cols[2], dtype=_STR), "type": pd.array(cols[3], dtype=_STR),
        "value": pd.array(cols[4], dtype=_STR)}, index=pd.RangeIndex(len(chosen)), copy=False)
