"""Reported figures: every number a story reports, with its range, unit, hedge, subject and source.

- ``extract(corpus)``: one row per reported figure (offsets into ``corpus.text``).
- ``extract_text(text)``: the same for one plain text (used by tests and benchmarks).
- ``claims(figures, corpus)``: the same figure reported by several articles, grouped as one
  claim, variants side by side, with a flag where the values disagree beyond their hedges.

The rules are general rules of English news writing (number words, units, hedging phrases,
reporting verbs); the word lists live in ``figures_lexicon``. What is not a figure: years and
dates, times of day, ordinals, numbers inside names ("Channel 4", "Article 5", "24 Channel",
"F-16"), phone numbers, and page-chrome counters ("5491 visitors online").
"""

from __future__ import annotations

import csv
import math
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import figures_lexicon as L
from .text import alternation

COLUMNS = [
    "doc_id", "start", "end", "surface", "value", "low", "high", "unit", "quantity", "hedge", "vague",
    "subject", "source", "change", "unit_written", "to_unit", "sentence",
]
_DATA = Path(__file__).resolve().parent / "data"


def _read_csv(name: str) -> list[dict]:
    """The rows of ``lib/newstrace/data/<name>`` (a csv with a header), or a clear error naming the file."""
    path = _DATA / name
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise RuntimeError(f"newstrace.figures: cannot read its word list {path}: {exc}") from exc


def _alt(words) -> str:
    """A regex alternation of ``words`` (each escaped), matching as if longest first.

    Built as a prefix tree (``newstrace.text.alternation``), which the engine tries one character
    per level; lists with upper-case words keep the flat form (under re.I "US" and "usd" would sit
    in different branches of the tree).
    """
    words = set(words)
    if any(w != w.lower() for w in words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return alternation(words)


# --- numbers -------------------------------------------------------------------------------

_ONES_ALT = _alt([w for w in L.ONES if w not in ("zero",)])
_TENS_ALT = _alt(L.TENS)
_WORDNUM = rf"(?:(?:{_TENS_ALT})(?:[-\s](?:{_ONES_ALT}))?|{_ONES_ALT})"
_MULT = r"(?:hundred|thousand|million|billion|trillion)"
_DIG = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?!\d|[,.]\d)|\d+)(?:\.\d+)?|\.\d+"
_CUR_BEFORE = _alt(L.CURRENCY_BEFORE)

# One number: optional currency before, digits or words, optional multiplier(s).
NUMBER_RE = re.compile(
    rf"""
    (?P<cur>(?<![\w$€£¥₴₽₹₪₩₺])(?:{_CUR_BEFORE})\s?)?
    (?:
      (?P<dig>(?(cur)(?<![\d.,/:])|(?<![\w.,/:]))(?:{_DIG}))  # "$US5", "RM5": a code may touch the digits
        (?:\s?[×x]\s?10(?:\^|\*\*)?(?P<exp>[−-]?\d{{1,3}}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?!\d)|e(?P<exp2>[-+]?\d{{1,3}})\b)?  # 1.99×10−30, 1.99E-29
        (?P<dmult>(?:\s?{_MULT}s?\b|\s?(?:mln|mn|bn|tn|lakhs?|crores?)\b|(?:k|m|b|K|M|B)(?![\w]))(?:\s+{_MULT}\b)?)?
        (?P<andhalf>\s+and\s+a\s+half\b)?
    | (?P<half>\bhalf\s+a\s+(?:{_MULT}|dozen)\b)
    | (?P<word>\b(?:(?:a|an)(?:\s+(?:{_MULT}|dozen)\b)+(?:\s+(?:and\s+)?(?:{_MULT}|{_WORDNUM})\b)*(?:\s+and\s+a\s+half)?|(?:{_WORDNUM})(?:\s+(?:and\s+)?(?:{_MULT}|dozen|{_WORDNUM})\b)*(?:\s+and\s+a\s+half)?|(?:a|an)(?:\s+single)?))\b
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

_FRACTION_RE = re.compile(
    rf"\b(?:(?P<num>a|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?P<den>half|thirds?|quarters?|fifths?|tenths?)"
    rf"|(?P<half>half)|(?P<n1>one|two|three|four|five|six|seven|eight|nine|ten|(?<![\d,.])\d{{1,2}})\s+in\s+(?:every\s+)?(?P<n2>{_WORDNUM}|\d{{1,3}}(?!\d)))\b",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(?:(?P<outer>tens|hundreds|dozens)\s+of\s+)?(?P<inner>dozens|scores|hundreds|thousands|millions|billions)\b"
    r"|\b(?P<few>several|a\s+few|a\s+couple\s+of|a\s+couple)\s+(?P<fmult>dozen|hundred|thousand|million|billion)\b",
    re.IGNORECASE,
)


def _word_value(text: str) -> float | None:
    """The value of a spelled-out number ("forty thousand", "a million", "two dozen")."""
    total, current, seen = 0.0, 0.0, False
    for tok in _LOWER_WORDS.findall(text.lower()):
        if tok in ("and",):
            continue
        if tok in ("a", "an"):
            current = current or 1.0
            continue
        if tok in L.ONES:
            current += L.ONES[tok]
            seen = True
        elif tok in L.TENS:
            current += L.TENS[tok]
            seen = True
        elif tok == "half":
            current += 0.5
        elif tok == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif tok in ("thousand", "million", "billion", "trillion"):
            total += (current or 1.0) * L.MULTIPLIERS[tok]
            current, seen = 0.0, True
        else:
            return None
    return (total + current) if seen else None


def _digit_value(dig: str) -> float:
    return float(_DIGIT_GROUP_SEP.sub("", dig))


def _mult_value(mult: str | None) -> float:
    if not mult:
        return 1.0
    value = 1.0
    for tok in _LETTER_RUNS.findall(mult):
        t = tok.lower().rstrip("s") if tok.lower().endswith("s") and tok.lower() != "s" else tok.lower()
        value *= L.MULTIPLIERS.get(t, 1.0)
    return value


# --- units ---------------------------------------------------------------------------------

_UNIT_TABLE: dict[str, tuple[str, str]] = {}
for _k, _v in L.AREA.items():
    _UNIT_TABLE[_k] = (_v, "area")
for _k, _v in L.LENGTH.items():
    _UNIT_TABLE[_k] = (_v, "length")
for _k, _v in L.MASS.items():
    _UNIT_TABLE[_k] = (_v, "mass")
for _k, _v in L.VOLUME.items():
    _UNIT_TABLE[_k] = (_v, "volume")
for _k, _v in L.SPEED.items():
    _UNIT_TABLE[_k] = (_v, "speed")
for _k, _v in L.TEMPERATURE.items():
    _UNIT_TABLE[_k] = (_v, "temperature")
for _k, _v in L.DURATION.items():
    _UNIT_TABLE[_k] = (_v, "duration")
for _k, _v in L.PERCENT.items():
    if _k in ("points", "pc"):
        continue
    _UNIT_TABLE[_k] = (_v, "percent")
for _k, _v in L.CURRENCY_AFTER.items():
    _UNIT_TABLE[_k] = (_v, "money")

# The news lexicon (data/units_news.csv): units pint lacks or misreads; an empty unit marks a word
# pint's registry reads as a unit that in news is something else ("in", "at", "pm", "units").
NEWS_UNITS = {r["surface"]: (r["unit"], r["quantity"]) for r in _read_csv("units_news.csv")}
for _k, (_u, _q) in NEWS_UNITS.items():
    if _u and _k.lower() not in _UNIT_TABLE:
        _UNIT_TABLE[_k.lower() if _k.islower() else _k] = (_u, _q)
_NOT_UNITS = frozenset(k for k, (u, _) in NEWS_UNITS.items() if not u)

_UNIT_AFTER_RE = re.compile(
    rf"(?P<sep>[ \u00a0]?-?[ \u00a0]?)(?P<unit>{_alt(_UNIT_TABLE)})(?P<old>-old\b|-olds\b)?(?:(?<=[%²$€£″])|(?![\w²]))",
    re.IGNORECASE,
)
# Canonical targets of physical units, converted with pint.
_TARGET = {"area": "km**2", "length": "km", "mass": "t", "speed": "km/h", "volume": "m**3"}
_TARGET_NAME = {"area": "km2", "length": "km", "mass": "t", "speed": "km/h", "volume": "m**3"}


@lru_cache(maxsize=1)
def _ureg():
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=64)
def _factor(unit: str, quantity: str) -> float:
    """How many canonical units (km2, km, t, km/h) one ``unit`` is, by pint."""
    ureg = _ureg()
    return float(ureg.Quantity(1.0, unit).to(_TARGET[quantity]).magnitude)


# --- what is not a figure --------------------------------------------------------------------

_MONTH_ALT = _alt(L.MONTHS)
_MASK_RE = re.compile(
    rf"""
    (?=[\d+(\#'’jfmasond])  # what every branch below starts with: one test skips most positions
    (?:
    \b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b                                # 23.03.2025, 2025-03-23
    | \b\d{{1,2}}/\d{{1,2}}\b                                                     # 9/11, 7/7 (dates)
    | \b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?\s?m\b\.?)?               # 20:32, 9.30 pm
    | \b\d{{1,2}}\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b)                            # 3 p.m., 10am
    | (?<![\w-])(?:\+\d{{1,3}}[\s.-]?)?\(?\d{{1,4}}\)?(?:[\s.-]\d{{2,4}}){{2,}}(?![\w])  # phone-like
    | \b(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b        # February 6, 2025
    | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_ALT})\b\.?(?:,?\s+\d{{4}})?  # 6 February 2025
    | \b(?:{_MONTH_ALT})\.?\s+\d{{4}}\b                                          # August 2024
    | \b(?:no\.|nos\.|number|\#)\s?\d+\b                                         # No. 10
    | \b\d+(?:st|nd|rd|th)\b                                                    # ordinals 4th
    | \b\d{{4}}s\b | \b\d0s\b | ['’]\d0s\b                                         # 1990s, 80s
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
_PHONE_WORDS = frozenset({"tel", "phone", "telephone", "call", "fax", "hotline", "mobile", "whatsapp"})
_PHONE_CONTEXT_RE = re.compile(r"\b(?:tel|phone|telephone|call|fax|hotline|mobile|whatsapp)\b[^.\d]{0,20}$", re.I)
_YEAR_PREV_RE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|during|before|after|of|early|late|mid|spring|summer|autumn|"
    r"fall|winter|year|the|between|and|to|through|'s|’s|fiscal|FY|circa|c\.)|[-–(])\s*$",
    re.I,
)
_FUNCTION_CAPS = set(
    "a an the and but or of in on at to for from by with as about around some over under nearly almost "
    "roughly approximately only just all up at least more than less than fewer than another those these "
    "only another each every its their his her our my your while when since after before during whereas "
    "if although though because however meanwhile overall still yet then now today yesterday also "
    "another that this there here what which who nearly perhaps maybe just exactly estimated an estimated "
    "around some another".split()
)
_CAP_WORD_RE = re.compile(r"([A-Z][\w&'’.-]*)\s*$")
_NEXT_WORDS_RE = re.compile(r"\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)(?:\s+([a-z][\w'’-]*))?")
_UNIT_WORDS = {k.lower() for k in _UNIT_TABLE} | set(L.CURRENCY_BEFORE)

_CHROME_SET = set(L.CHROME)
_LETTER_RE = re.compile(r"[^\W\d_]{2,}")


def _is_chrome(sentence: str) -> bool:
    """A line of page chrome: no words at all, or a handful of words among them a counter word."""
    if len(sentence) > 80:
        return _LETTER_RE.search(sentence) is None  # five words or fewer never run this long
    words = _LETTER_RE.findall(sentence)
    if not words:
        return True
    if len(words) > 5 or sentence.rstrip().endswith((".", "!", "?", "\"", "”")):
        return False
    if len(words) <= 3 and any(w.lower() in _CHROME_SET for w in words):
        return True  # "Read more 15"
    # a counter word right next to a number: "5491 visitors online", "Comments 12", "Share 34"
    for m in _CHROME_NEAR_RE.finditer(sentence):
        if (m.group(1) or m.group(2)).lower() in _CHROME_SET:
            return True
    return False


_CHROME_NEAR_RE = re.compile(r"\d[\d,. ]*\s*([^\W\d_]+)|([^\W\d_]+)\s*\d")


# --- hedges ----------------------------------------------------------------------------------

_HEDGE_BEFORE_ALL = {k: v + L.HEDGE_VERB_BEFORE.get(k, []) for k, v in L.HEDGE_BEFORE.items()}
_HEDGE_BEFORE_RE = re.compile(
    "(?:^|(?<=[^\\w]))(?P<h>" + "|".join(
        f"(?P<{name}>{_alt(words)})" for name, words in _HEDGE_BEFORE_ALL.items()
    ) + r")[\s\u00a0]*$",
    re.IGNORECASE,
)
_HEDGE_AFTER_RE = re.compile(
    r"^(?:[\s\u00a0]+|-)?(?P<h>" + "|".join(
        f"(?P<{name}>{_alt(words)})" for name, words in L.HEDGE_AFTER.items()
    ) + r")(?:(?<=\+)|\b)",
    re.IGNORECASE,
)


_HEDGE_LAST = frozenset(p.split()[-1].lower() for ps in _HEDGE_BEFORE_ALL.values() for p in ps)


def _hedge_at(sent: str, start: int, end: int) -> tuple[str, int, int]:
    """The hedge around ``sent[start:end]`` and the widened span that includes it."""
    before = sent[max(0, start - 40):start]
    toks = before.rsplit(None, 1)
    last = toks[-1].lstrip("([\"“‘'").lower() if toks and not before[-1:].isalnum() else ""
    m = _HEDGE_BEFORE_RE.search(before) if last in _HEDGE_LAST else None
    if m:
        kind = next(k for k in _HEDGE_BEFORE_ALL if m.group(k))
        phrase = m.group("h").lower()
        # "over" and "under" directly after a verb of motion are prepositions ("spread over 5 km")
        # only when no number follows; here a number follows, so they hedge.
        if phrase == "some" and _FOR_OR_OF_SOME_END.search(before) is None:
            pass
        return kind, start - (len(before) - m.start("h")), end
    m = _HEDGE_AFTER_RE.match(sent[end:end + 20])
    if m:
        kind = next(k for k in L.HEDGE_AFTER if m.group(k))
        return kind, start, end + m.end("h")
    return "", start, end


# --- noun phrases: subject of a figure ---------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*|[^\w\s]")


def _np_after(sent: str, pos: int, max_words: int = 5) -> tuple[str, int]:
    """The noun phrase that starts at ``pos`` (the counted thing) and where it ends."""
    words, end = [], pos
    for m in _WORD_RE.finditer(sent, pos):
        w = m.group(0)
        if not (w[0].isalpha()):
            break
        lw = w.lower()
        if lw in L.NP_STOP and not (not words and lw in ("the",)):
            if words or lw not in ("of", "the"):
                break
            continue
        if words and (lw.endswith("ed") or lw.endswith("ing")) and not w[0].isupper():
            break
        words.append(w)
        end = m.end()
        if len(words) >= max_words:
            break
    return " ".join(words), end


def _verb_after(sent: str, pos: int) -> str:
    """The predicate that follows a counted noun phrase: "have fled their homes" -> "fled their homes"."""
    tokens = [m for m in _WORD_RE.finditer(sent, pos)][:12]
    i = 0
    # skip one prepositional phrase: "in the X region"
    if i < len(tokens) and tokens[i].group(0).lower() in ("in", "from", "across", "on", "at", "of", "near"):
        i += 1
        while i < len(tokens) and tokens[i].group(0)[0].isalpha() and \
                tokens[i].group(0).lower() not in L.AUXILIARIES and not tokens[i].group(0).lower().endswith("ed"):
            i += 1
    saw_aux = False
    while i < len(tokens) and tokens[i].group(0).lower() in L.AUXILIARIES:
        i += 1
        saw_aux = True
    if i >= len(tokens) or not tokens[i].group(0)[0].isalpha():
        return ""
    verb = tokens[i].group(0)
    if not saw_aux and not verb.lower().endswith("ed"):
        return ""
    out = [verb]
    for t in tokens[i + 1:i + 4]:
        w = t.group(0)
        if not w[0].isalpha() or (w.lower() in L.NP_STOP and w.lower() not in ("their", "his", "her", "its", "the")):
            break
        out.append(w)
    return " ".join(out)


_NOUN_OF_RE = re.compile(r"\b([a-z][\w'’-]+(?:\s+[a-z][\w'’-]+)?)\s+of\s+$", re.I)
_COPULA_RE = re.compile(r"\b(?:" + _alt(L.COPULAS) + r")\s+$", re.I)
_COPULA_LAST = tuple({c.split()[-1] for c in L.COPULAS})
_CLAUSE_START_RE = re.compile(r"(?:^|[,;:(\"“”]\s*|\b(?:that|and|but|while|as|because|since|although)\s+)"
                              r"((?:[\w'’-]+\s+){0,8}?)[\w'’-]*\s*$")


def _np_before(sent: str, start: int) -> str:
    """The noun phrase a figure is said of when it stands after a copula: "losses amount to 40,000"."""
    left = sent[:start]
    win_start = max(0, start - 30)
    tail = sent[win_start:start]
    stripped = tail.rstrip()
    if len(stripped) == len(tail) or (stripped.isascii() and not stripped.lower().endswith(_COPULA_LAST)):
        cop = None  # the copula must end the window before white space: cheap string tests say it cannot
    else:
        cop = _COPULA_RE.search(sent, win_start, start)
    if cop:
        if cop.group(0).strip().lower() == "of":
            m = _NOUN_OF_RE.search(left[-60:])
            if m:
                words = [w for w in m.group(1).split() if w.lower() not in L.NP_STOP]
                return " ".join(words)
            return ""
        clause = left[max(0, cop.start() - 200):cop.start()]
        cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind(":"), clause.rfind("\""),
                  clause.rfind("“"), clause.rfind("”"))
        clause = clause[cut + 1:] if cut >= 0 else clause
        words = []
        for w in _WORD_TOKENS.findall(clause):
            lw = w.lower()
            if lw in L.NP_STOP and lw not in ("the",):
                if words:
                    break
                continue
            words.append(w)
            if len(words) >= 5:
                break
        return " ".join(w for w in words if w.lower() != "the" or words.index(w) == 0)
    return ""


# --- sources ---------------------------------------------------------------------------------

_VERBS_ALT = _alt(L.REPORT_VERBS)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|der|la|le|of|the|for|and))*"
_ACCORDING_RE = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<src>[^,;:.!?\"“”()]+?)(?=\s*(?:[,;:!?\"“”()]|\.(?:\s|$)|$|\s+(?:that|the\s+number|"
    r"there|some|about|around|at\s+least|more|nearly|almost|up\s+to|as\s+many|over|\d)\b))",
)
_APPOS = r"(?:an?|the)\s+[^,.;]*?\b(?:at|of|with|for|from|in)\s+(?P<org>the\s+[a-z][^,.;]*?|(?:the\s+)?[A-Z][^,.;]*?)"
_SAID_AFTER_RE = re.compile(
    # w(?<!\w.)ho is \bwho written to start with a literal, so the engine skips ahead by first character
    rf"(?:,|\"|”|’|'|w(?<!\w.)ho)\s*(?:(?:{_VERBS_ALT})\s+(?P<src1>(?:the\s+|an?\s+)?[^,.;:!?\"“”]+?)"
    rf"|(?P<src2>(?:the\s+|an?\s+)?[^,.;:!?\"“”]+?)(?:,\s+{_APPOS.replace('org', 'org2')},)?"
    rf"\s+(?:also\s+|has\s+|have\s+|had\s+)?(?:{_VERBS_ALT})"
    rf"(?:\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}"
    rf"|\s+(?:reporters|journalists|local\s+media|local\s+television|state\s+media|state\s+television|"
    rf"a\s+news\s+conference|a\s+briefing|parliament|lawmakers))?)"
    rf"(?:\s+(?:in|on|at|to|during)\s+[^,.;]+?)?"
    rf"(?P<appos>,\s+{_APPOS})?"
    r"\s*(?:[,.;:!?]|$)",
)
_ABBREVS = "Dr Mr Mrs Ms Prof Gen Col Lt Sgt Capt Maj Sen Rep Gov Adm Cmdr St Jr Sr".split()
_ABBREV_DOT_RE = re.compile(r"\b(" + "|".join(_ABBREVS) + r")\.(?=\s)")
_ABBREV_WORDS = frozenset(w.lower() for w in _ABBREVS)
_SUBJ_VERB_RE = re.compile(
    # (?<=[\s;:"“]) is implied by every anchor after it: one cheap test rejects most positions
    rf"(?:^|(?<=[\s;:\"“])(?:(?<=[;:\"“]\s)|(?<=[;:\"“])|(?<=\bthat\s)|(?<=\bbut\s)|(?<=\band\s)|(?<=,\s)))"
    rf"(?P<src>(?:the\s+|The\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){{0,7}}?)"
    rf"(?P<appos>,\s+(?:an?\s+|the\s+)?[^,;]*?(?:\b(?:at|of|with|for|from)\s+(?P<org>(?:the\s+)?[A-Z][^,;]*?))?,)?"
    rf"\s+(?:(?:also|reportedly|previously|has|have|had|now|openly|recently|separately|later|earlier|"
    rf"separately|already|officially|publicly|then|still)\s+)*(?P<verb>{_VERBS_ALT})\b",
)
_EVIDENCE_TAIL_RE = re.compile(r"(?:'s|’s)?\s+(?:" + _alt(L.EVIDENCE_NOUNS) + r")$", re.I)
_EVIDENCE_HEAD_RE = re.compile(
    r"^(?:(?:the\s+)?(?:latest\s+|new\s+|official\s+|preliminary\s+|recent\s+)?(?:" + _alt(L.EVIDENCE_NOUNS)
    + r")\s+(?:from|by|of|released\s+by|published\s+by|compiled\s+by|collected\s+by)\s+|a\s+(?:statement|report|"
    r"study|survey|poll)\s+(?:from|by)\s+)",
    re.I,
)
_ROLE_NAME_RE = re.compile(r"^(?:.*\s)?[a-z][\w-]*\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+)$")
_NOT_SOURCE_START = {"it", "this", "that", "these", "those", "there", "which", "who", "what", "he", "she",
                     "they", "we", "i", "you", "one", "some", "many", "all", "most"}


def _clean_source(src: str | None, org: str | None = None) -> str:
    """Trim a source phrase to who said it; "NAME, ORG" when an appositive names the organisation."""
    if not src:
        return ""
    src = src.strip(" \t'\"“”‘’")
    src = _EVIDENCE_HEAD_RE.sub("", src)
    src = _EVIDENCE_TAIL_RE.sub("", src).strip()
    src = re.sub(r"\s+(?:in\s+a\s+statement|on\s+\w+day|last\s+\w+|this\s+\w+|earlier|later|"
                 r"on\s+(?:Telegram|X|Twitter|Facebook)|in\s+an\s+interview|in\s+a\s+report)$", "", src)
    if not src:
        return ""
    words = src.split()
    if words[0].lower() in _NOT_SOURCE_START or len(words) > 9:
        return ""
    if not any(c.isalpha() for c in src):
        return ""
    m = _ROLE_NAME_RE.match(src)
    if m:
        role_word = src[:m.start("name")].split()[-1].lower()
        if role_word not in L.NP_STOP:
            # "political analyst Jane Doe", "Chatham House consultant Jane Doe" -> "Jane Doe"
            src = m.group("name")
    words = src.split()
    titles = [k for k, w in enumerate(words) if w.lower().rstrip(".") in L.TITLES and w[0].isupper()]
    if titles and len(words) - titles[-1] - 1 >= 2 and all(w[0].isupper() for w in words[titles[-1] + 1:]):
        words = words[titles[-1] + 1:]  # "Mayor Jane Doe", "Finance Minister Jane Doe" -> "Jane Doe"
    src = " ".join(words)
    if org:
        org = org.strip().rstrip(".")
        org = _FROM_COMMA_ON.sub("", org)
        src = f"{src}, {org}"
    return src


_REPORT_VERB_SET = frozenset(L.REPORT_VERBS)
_AZ_TABLE = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


def _az_words(text: str) -> set[str]:
    """The set of ``[a-z]+`` runs of ``text`` (as ``set(re.findall("[a-z]+", text))``, faster)."""
    return set(text.encode("ascii", "replace").translate(_AZ_TABLE).decode("ascii").split())


class _Sources:
    """The attributions of one sentence, found once; ``for_figure`` picks the one a figure falls under."""

    def __init__(self, sent: str, words: set | None = None):
        if "." in sent[:-1]:
            if words is None or not words.isdisjoint(_ABBREV_WORDS):
                sent = _ABBREV_DOT_RE.sub(lambda m: m.group(1) + " ", sent)  # same length: offsets hold
        self.according = []
        if "ccording to" in sent:
            for m in _ACCORDING_RE.finditer(sent):
                src = _clean_source(m.group("src"))
                if src:
                    self.according.append((m.start(), m.start("src"), m.end("src"), src))
        self.after, self.subject = [], []
        # a verb the patterns can match is a whole word, so it is in the lower-case word set too
        if (words is None or not _REPORT_VERB_SET.isdisjoint(words)) and \
                not _REPORT_VERB_SET.isdisjoint(_az_words(sent)):
            for m in _SAID_AFTER_RE.finditer(sent):
                raw = m.group("src1") or m.group("src2")
                span_start = m.start("src1") if m.group("src1") else m.start("src2")
                src = _clean_source(raw, m.group("org") or m.group("org2"))
                if src and len(src.split()) <= 9:
                    self.after.append((m.start(), span_start, span_start + len(raw), src))
            for m in _SUBJ_VERB_RE.finditer(sent):
                if _COPULA_OR_ARTICLE_END.search(sent[max(0, m.start("verb") - 10):m.start("verb")]):
                    continue  # passive or adjective: "is estimated at", "a reported 5,000"
                raw = m.group("src")
                # the subject is the last noun phrase before the verb: cut at commas and conjunctions.
                raw = _CLAUSE_OPENER.split(raw)[-1]
                if not raw:
                    continue
                first = raw.split()[0].lower()
                if first in L.NP_STOP and first not in ("the", "a", "an"):
                    continue
                if any(ch.isdigit() for ch in raw):
                    continue
                if not (raw[0].isupper() or first == "the" or raw.split()[-1].lower() in _PLURAL_ACTORS):
                    continue
                src = _clean_source(raw, m.group("org"))
                if src:
                    self.subject.append((m.start("src"), m.end("verb"), src))

    def for_figure(self, fig_start: int, fig_end: int) -> str:
        """Who the sentence attributes the figure at ``fig_start:fig_end`` to, or ""."""
        best, best_dist = "", 10**9
        for start, s0, s1, src in self.according:
            if s0 <= fig_start < s1:
                continue
            d = min(abs(start - fig_start), abs(start - fig_end))
            if d < best_dist:
                best, best_dist = src, d
        if best:
            return best
        for start, s0, s1, src in self.after:
            if s0 <= fig_start < s1 or start < fig_end:
                continue  # the attribution must follow the figure ("..., officials said")
            return src
        # the nearest "X said" before the figure, else the first after it
        before = [(s1, src) for s0, s1, src in self.subject if s1 <= fig_start]
        if before:
            return max(before)[1]
        for s0, s1, src in self.subject:
            if not (s0 <= fig_start < s1):
                return src
        return ""


def _source(sent: str, fig_start: int, fig_end: int) -> str:
    """Who ``sent`` attributes the figure at ``fig_start:fig_end`` to ("according to X", "X said", ...)."""
    return _Sources(sent).for_figure(fig_start, fig_end)


_PLURAL_ACTORS = set(
    "officials analysts experts authorities police observers monitors researchers scientists economists "
    "sources officers diplomats doctors investigators activists witnesses residents organisers organizers "
    "prosecutors data figures estimates statistics media journalists reporters".split()
)


# --- the extractor -----------------------------------------------------------------------------

_NEXT_TOKEN_RE = re.compile(r"[ \u00a0]?-?[ \u00a0]?([^\W\d_]+|[%°²$€£″])")
_UNIT_FIRST = frozenset(re.match(r"[^\W\d_]+", k).group().lower() if k[0].isalpha() else k[0] for k in _UNIT_TABLE)


class _UnitMatch:
    """A unit read through pint's registry, with the groups of a ``_UNIT_AFTER_RE`` match."""

    def __init__(self, m, canon: str, quantity: str):
        self._m, self.canon, self.quantity = m, canon, quantity

    def group(self, name):
        return "" if name == "old" else self._m.group(name)

    def end(self):
        return self._m.end()


_REG_TOKEN_RE = re.compile(r"(?P<sep>[ \u00a0]?-?[ \u00a0]?)(?P<unit>[^\W\d_][^\W\d_]*[²³]?)(?![\w-])")
# the ``quantity`` of a unit read through pint, by its dimensionality (a sample unit of each)
_DIMENSION_SAMPLES = {
    "meter": "length", "gram": "mass", "meter**2": "area", "meter**3": "volume", "second": "duration",
    "hertz": "frequency", "meter/second": "speed", "watt": "power", "joule": "energy", "pascal": "pressure",
    "coulomb": "charge", "ampere": "current", "kelvin": "temperature", "volt": "voltage",
}


@lru_cache(maxsize=1)
def _dimension_names() -> dict:
    ureg = _ureg()
    return {tuple(sorted(dict(ureg.parse_units(u).dimensionality).items())): q for u, q in _DIMENSION_SAMPLES.items()}


# a full unit name read through pint must be this long: shorter words are symbols, taken only when
# written exactly as pint's symbol ("kW", "Hz", "GB"); chosen on the words after numbers in TimeML
MIN_UNIT_NAME = 4


# one-letter symbols read as units when they touch the number ("45g", "37m", "5W"); not "M", "B", "K"
# (million, billion, thousand) nor "s" ("1990s") or "C" (coulomb in pint, Celsius in news)
ATTACHED_SYMBOLS = frozenset("mgWV")


@lru_cache(maxsize=16)
def _registry_symbol(token: str) -> tuple[str, str] | None:
    """A one-letter pint symbol: ("meter", "length") for "m"."""
    name = str(_ureg().parse_units(token))
    dim = tuple(sorted(dict(_ureg().parse_units(token).dimensionality).items()))
    return name, _dimension_names().get(dim, "measure")


@lru_cache(maxsize=4096)
def registry_unit(token: str) -> tuple[str, str] | None:
    """The unit pint's registry knows by ``token`` (name, plural or exact symbol): (pint name, quantity).

    >>> registry_unit("kW"), registry_unit("gigawatts"), registry_unit("in")
    (('kilowatt', 'power'), ('gigawatt', 'power'), None)
    """
    if token in _NOT_UNITS or token.lower() in L.NP_STOP or len(token) < 2:
        return None
    ureg = _ureg()
    try:
        u = ureg.parse_units(token)
    except Exception:  # noqa: BLE001 - pint raises several kinds for a word it does not know
        return None
    name = str(u)
    if not re.fullmatch(r"[A-Za-z_]+", name):
        return None  # a product or quotient pint built from pieces of the word: not one unit
    if not (token.islower() and len(token) >= MIN_UNIT_NAME) and ureg.get_symbol(name) != token.replace("μ", "µ"):
        return None
    dim = tuple(sorted(dict(u.dimensionality).items()))
    if name.endswith(("byte", "bit")):
        return name, "data"
    return name, _dimension_names().get(dim, "ratio" if not dim else "measure")


def _unit_after(sent: str, pos: int):
    """The unit written right after ``pos``: from the unit table, else from pint's registry.

    >>> _unit_after("a 3.5kW motor", 5).group("unit")
    'kW'
    """
    t = _NEXT_TOKEN_RE.match(sent, pos)
    if t is None:
        return None
    m = None
    if t.group(1).lower() in _UNIT_FIRST or t.group(1)[0] in _UNIT_FIRST:
        m = _UNIT_AFTER_RE.match(sent, pos)
        if m and m.group("unit") not in _UNIT_TABLE and m.group("unit").lower() not in _UNIT_TABLE:
            m = None  # a case-sensitive symbol ("Nm") matched in another case ("nm"): pint decides
    if not m:
        r = _REG_TOKEN_RE.match(sent, pos)
        if r is None or (r.group("sep").strip() == "-" and not r.group("unit").islower()):
            return None
        token = r.group("unit")
        if len(token) == 1:  # one letter is a unit only as a symbol touching the number: "45g", "37m", "5W"
            hit = _registry_symbol(token) if not r.group("sep") and token in ATTACHED_SYMBOLS else None
            return _UnitMatch(r, *hit) if hit else None
        hit = registry_unit(token)
        return _UnitMatch(r, *hit) if hit else None
    if "-" in m.group("sep") and m.group("unit").lower() in ("m", "b", "k"):
        return None
    return m


def _is_name_number(sent: str, start: int, end: int, value: float, has_unit: bool) -> bool:
    """A number that belongs to a name: "Channel 4", "Article 5", "24 Channel", "F-16", "Su-34"."""
    before = sent[max(0, start - 40):start]
    if _LETTER_HYPHEN_END.search(before):
        return True
    m = _CAP_WORD_RE.search(before)
    if m and before.endswith((" ", "\u00a0")) and before[m.start():].strip() == m.group(1):
        w = m.group(1).rstrip(".").lower()
        if w not in _FUNCTION_CAPS and w not in L.NP_STOP and w not in _UNIT_WORDS and w not in L.MONTHS and w not in L.WEEKDAYS \
                and w not in _HEDGE_WORDS and not has_unit:
            return True
    if has_unit or value != int(value):
        return False
    raw = sent[start:end]
    if len(raw) >= 3 and raw.isdigit() and _DET_BEFORE_RE.search(before):
        # a model number: "the 80486 chip", "a 747 jet" -- bare digits (four or more, or three before a
        # product noun) between a determiner and a singular noun that no plural noun follows
        # ("the 500 largest firms", "the 1500 people" are counts)
        m = _MODEL_NOUN_RE.match(sent, end)
        if m:
            w1, w2 = m.group(1).lower(), (m.group(2) or "").lower()
            if (len(raw) >= 4 or w1 in L.PRODUCT_NOUNS) and not _plural_like(w1) and not _plural_like(w2) and \
                    w1 not in L.NP_STOP and w1 not in _UNIT_WORDS and w1 not in L.MONTHS:
                return True
    m = _NEXT_WORDS_RE.match(sent, end)
    if m:
        run = m.group(1).split()
        nxt = m.group(2)
        if run[0].lower() in _UNIT_WORDS or run[0].lower() in L.MONTHS:
            return False
        if not run[-1].endswith("s") and not (nxt and nxt.endswith("s")):
            return True
    return False


def _plural_like(word: str) -> bool:
    """A plural noun or a participle used as one ("troops", "people", "wounded"): what a count counts."""
    return (word.endswith("s") and not word.endswith("ss") and word not in L.NP_STOP) or word.endswith("ed") or \
        word in L.IRREGULAR_PLURALS


_DET_BEFORE_RE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.I)
_MODEL_NOUN_RE = re.compile(r"\s+([a-z][a-z-]*)\b(?:\s+([a-z][\w'’-]*))?")
_SCORE_AFTER_RE = re.compile(r"\s+(?:vote|votes|win|victory|defeat|loss|draw|lead|score|scoreline|majority|"
                             r"decision|verdict|ruling)\b|\s+(?:in\s+favou?r|against)\b", re.I)
_MINUS_RE = re.compile(r"(?:\bminus[\s-]+|−|(?<=\$)-)$", re.I)
_HEDGE_WORDS = {w for ws in L.HEDGE_BEFORE.values() for p in ws for w in p.split()}
_CHANGE_VERB_RE = re.compile(
    r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|increased?|increases|increasing|"
    r"decreased?|decreases|grew|grow|grows|grown|dropped|drops?|climbed|climbs?|jumped|jumps?|up(?!\s+to\b)|down|"
    r"cut|cuts|raised?|raises|reduced?|reduces|expanded|shrank|shrunk|surged|soared|plunged|slipped|"
    r"went|go|going|changed?|moved?|doubled|tripled|tumbled|slumped|declined?)\b[^,.;]{0,40}$",
    re.I,
)
_RANGE_GAP_RE = re.compile(r"^\s*(?:(-|–|—|to|and|or|through)\s*)$", re.I)


_ANCHOR_RE = re.compile(
    r"\d+|\b(?:" + _alt(set(L.ONES) | set(L.TENS) | {"half"}) + r")\b|\b(?:a|an)\s+(?:"
    + _alt({"hundred", "thousand", "million", "billion", "trillion", "dozen", "single"} | set(L.DURATION)) + r")\b",
    re.IGNORECASE,
)
_DIGITS_RE = re.compile(r"\d+")
_NUMWORD_SET = frozenset(L.ONES) | frozenset(L.TENS) | {"half"}
_MULT_SET = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen", "single"})
_DURATION_SET = frozenset(L.DURATION)


def _number_windows(sent: str, words: set | None = None) -> list[tuple[int, int]]:
    """Stretches of ``sent`` that may hold a number (around digits and number words), merged.

    ``NUMBER_RE`` is then run on these stretches only: most of a sentence has no number in it.
    ``words`` (the sentence's lower-case word set) lets a sentence without number words skip
    the word-by-word scan.
    """
    wins: list[list[int]] = []
    only_digits = words is not None and words.isdisjoint(_NUMWORD_SET) and (
        words.isdisjoint(("a", "an")) or (words.isdisjoint(_MULT_SET) and words.isdisjoint(_DURATION_SET)))
    anchors = _DIGITS_RE.finditer(sent) if only_digits else _ANCHOR_RE.finditer(sent)
    for t in anchors:
        a, b = max(0, t.start() - 6), t.end() + 40
        if wins and a <= wins[-1][1]:
            wins[-1][1] = max(wins[-1][1], b)
        else:
            wins.append([a, b])
    n = len(sent)
    return [(a, min(b, n)) for a, b in wins]


def _atoms(sent: str, masked, words: set | None = None):
    """Every number in ``sent`` outside masked spans: dicts with start, end, value, currency, kind.

    ``NUMBER_RE`` is tried only where a number can start: at a digit or number word, or a few
    characters before a digit when a currency sign or code may stand there ("US$5", "Rs 300").
    """
    out: list = []
    only_digits = words is not None and words.isdisjoint(_NUMWORD_SET) and (
        words.isdisjoint(("a", "an")) or (words.isdisjoint(_MULT_SET) and words.isdisjoint(_DURATION_SET)))
    done = 0
    if only_digits:
        starts = [t.start() for t in _DIGITS_RE.finditer(sent)]
    else:
        lower = sent.lower()
        starts = _anchor_starts(lower) if len(lower) == len(sent) else [t.start() for t in _ANCHOR_RE.finditer(sent)]
    for start in starts:
        if start < done:
            continue
        m = None
        if sent[start].isdigit() and start and _cur_may_end(sent, start):
            for k in (4, 3, 2, 1):
                p = start - k
                if p >= done and p >= 0 and sent[p] in _CUR_START:
                    m = NUMBER_RE.match(sent, p)
                    if m is not None and m.group("cur") and m.end() > start:
                        break
                    m = None
        if m is None:
            m = NUMBER_RE.match(sent, start)
        if m is not None and m.end() > start:
            _atom(sent, m, masked, out)
            done = m.end()
    return out




def _anchor_starts(lower: str) -> list[int]:
    """Where a number may start in a lower-cased sentence: digits, number words, "a"/"an" + multiplier or unit.

    Tokens are the maximal runs of ``\\d`` or ``[a-z]``; "a"/"an" counts when the next token is a
    multiplier or a duration word.
    """
    return [m.start() for m in _ANCHOR_LOW_RE.finditer(lower)]


# Each branch starts with a literal (so the regex engine skips ahead by first character); the
# lookbehind after it checks that the token starts there: (?<!\d) for digits, (?<![a-z]) for words.
_ANCHOR_LOW_RE = re.compile("|".join(
    [f"{d}(?<!\\d{d})" for d in "0123456789"]
    + [f"{w}(?<![a-z]{w})(?![a-z])" for w in sorted(_NUMWORD_SET, key=len, reverse=True)]
    + [r"a(?<![a-z]a)n?[^a-z\d]+(?:" + _alt(_MULT_SET | _DURATION_SET) + r")(?![a-z])"]
))


_CUR_START = frozenset(c for k in L.CURRENCY_BEFORE for c in (k[0], k[0].upper()))
# last characters of the currency codes and signs (lower case; "ſ" folds to "s" when ignoring case)
_CUR_LAST = frozenset(k[-1] for k in L.CURRENCY_BEFORE) | ({"ſ"} if any(k.endswith("s") for k in L.CURRENCY_BEFORE) else set())


def _cur_may_end(sent: str, start: int) -> bool:
    """Whether a currency sign or code can end right before ``start``, directly or before one space."""
    c = sent[start - 1]
    if c.isspace():
        if start < 2:
            return False
        c = sent[start - 2]
    return c.lower() in _CUR_LAST and _CUR_END_RE.search(sent, max(0, start - 5), start) is not None


_CUR_END_RE = re.compile(rf"(?:{_CUR_BEFORE})\s?$", re.IGNORECASE)


# video resolutions written like pence ("1080p"): not money
_VIDEO_LINES = frozenset({"240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})
_PENCE_ATTACHED_RE = re.compile(r"p\b(?![.’']\w)")


def _attached_pence(sent: str, dig: str, end: int) -> bool:
    """Whether "p" touching the number at ``end`` is pence, as UK share prices are written ("118.5p").

    >>> _attached_pence("shares closed at 118.5p", "118.5", 23), _attached_pence("a 1080p screen", "1080", 6)
    (True, False)
    """
    return bool(_PENCE_ATTACHED_RE.match(sent, end)) and dig not in _VIDEO_LINES


def _atom(sent: str, m, masked, out: list) -> None:
    """Append the number matched by ``m`` to ``out`` unless masked or not a number."""
    s, e = m.start(), m.end()
    core_start = m.start("dig") if m.group("dig") else s if not m.group("cur") else m.end("cur")
    if masked(core_start) and not m.group("cur"):
        return  # "$13.60" is money, not a time of day
    cur = None
    if m.group("cur"):
        cur = L.CURRENCY_BEFORE[m.group("cur").strip().lower()]
    if m.group("dig"):
        dig = m.group("dig")
        after = sent[e:e + 1]
        mult_raw = m.group("dmult")
        if after and (after.isalpha() and not mult_raw):
            # "1990s", "4th", "3D", "5G", "10km" (a unit: handled below), "MH17"
            if not _UNIT_AFTER_RE.match(sent, e) and _unit_after(sent, e) is None and \
                    not _attached_pence(sent, dig, e):
                return
        value = _digit_value(dig)
        exp = m.group("exp") or m.group("exp2")
        if exp:
            power = int(exp.translate(_SUPERSCRIPTS))
            if abs(power) > MAX_EXPONENT:  # "1e309", "10^99999": beyond a float, not a reported figure
                return
            value *= 10.0 ** power
            if not math.isfinite(value):
                return
        if mult_raw:
            ml = mult_raw.strip()
            if ml in ("m", "M") and cur is None and not _PEOPLE_OR_PLURAL_NEXT.match(sent[e:]):
                # "5m" with no currency is five metres: give the m back to the unit rule
                e = m.start("dmult")
                mult_raw = None
            elif ml in ("b", "B", "k", "K") and cur is None and not _ANY_SPACE.match(mult_raw):
                pass
        value *= _mult_value(mult_raw)
        if m.group("andhalf"):
            value += 0.5 * _mult_value(mult_raw)
        kind = "digit"
    elif m.group("half"):
        value = 0.5 * _mult_value(m.group("half").split()[-1])
        kind = "word"
        mult_raw = m.group("half").split()[-1]
    else:
        text = m.group("word")
        lw = text.lower()
        toks = lw.split()
        if toks[0] in ("a", "an") and all(t == "single" for t in toks[1:]):
            out.append({"start": s, "end": e, "value": 1.0, "cur": cur, "kind": "article", "mult": False})
            return
        value = _word_value(text)
        if value is None:
            return
        has_mult = any(t in ("hundred", "thousand", "million", "billion", "trillion", "dozen") for t in toks)
        if toks[0] == "one" and not has_mult:
            kind = "one"
        else:
            kind = "word"
        out.append({"start": s, "end": e, "value": value, "cur": cur, "kind": kind, "mult": has_mult})
        return
    out.append({"start": s, "end": e, "value": value, "cur": cur, "kind": kind,
                "mult": bool(mult_raw), "raw": m.group("dig")})


#: largest power of ten a written figure may carry ("1.2e30", "10³⁰⁰"); a float ends near 1e308, and a
#: larger exponent (random bytes, a fuzz test of issue 16) is not a figure, so the match is dropped
MAX_EXPONENT = 300
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
_URL_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+")
_PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{1,4}\)?(?:[\s.-]\d{2,4}){2,}")


class _Mask:
    """Whether a position is inside a date, a time, a phone number, an ordinal, a link (not figures)."""

    def __init__(self, sent: str, words: set | None = None):
        self.sent = sent
        self.words = words
        self.active = None  # decided on the first digit asked about
        self.month_words = True
        self.urls = [m.span() for m in _URL_RE.finditer(sent)] if ("://" in sent or "www." in sent or "@" in sent) else []

    def __call__(self, pos: int) -> bool:
        if self.urls and any(a <= pos < b for a, b in self.urls):
            return True
        sent = self.sent
        if pos >= len(sent) or not sent[pos].isdigit():
            return False  # dates, times, phone numbers and ordinals are written in digits here
        if self.active is None:
            words = self.words
            self.active = words is None or not words.isdisjoint(_MASK_WORDS) or \
                any(c in sent for c in _MASK_CHARS) or _MASK_DIGIT_RE.search(sent) is not None
            # (non-ASCII text may fold to a month name under re.I: then always run the full pattern)
            self.month_words = words is None or not words.isdisjoint(_MONTH_NO_WORDS) or not sent.isascii()
        if not self.active:
            return False
        lo, hi = max(0, pos - 25), min(len(sent), pos + 25)
        if not self.month_words and _MASK_QUICK_RE.search(sent, lo, hi) is None:
            return False  # no month or "No." in the sentence, and no character a mask needs in the window
        for m in _MASK_RE.finditer(sent, lo, hi):
            if not m.start() <= pos < m.end():
                continue
            text = m.group(0)
            # phone-like runs must really look like phone numbers (enough digits, + or ( or dashes)
            if _PHONE_RE.fullmatch(text):
                digits = sum(c.isdigit() for c in text)
                looks = text.startswith(("+", "(", "0")) or text.count("-") >= 2 or text.count(".") >= 2 \
                    or _PHONE_CONTEXT_RE.search(sent[max(0, m.start() - 40):m.start()])
                if digits < 7 or not looks:
                    continue
            return True
        return False


def _unit_key(unit_m) -> str:
    """What a unit match reads as (canonical name), to tell "5 km to 8 km" from "200 bp to 21%"."""
    if isinstance(unit_m, _UnitMatch):
        return unit_m.canon
    u = unit_m.group("unit")
    return _UNIT_TABLE.get(u.lower(), _UNIT_TABLE.get(u, (u, "")))[0]


def _year_like(atom: dict) -> bool:
    """Four bare digits between 1800 and 2100: "2008"."""
    raw = atom.get("raw", "")
    return atom["kind"] == "digit" and not atom.get("mult") and not atom["cur"] and raw.isdigit() and \
        len(raw) == 4 and 1800 <= atom["value"] <= 2100


def _is_year(sent: str, atom: dict, unit_m, hedge: str) -> bool:
    if atom["kind"] != "digit" or atom.get("mult") or atom["cur"] or unit_m is not None or hedge:
        return False
    raw = atom.get("raw", "")
    if not _FOUR_DIGITS.fullmatch(raw):
        return False
    v = int(raw)
    if not 1800 <= v <= 2100:
        return False
    before = sent[max(0, atom["start"] - 30):atom["start"]]
    if _YEAR_PREV_RE.search(before):
        return True
    nxt = _NEXT_LOWER_WORD.match(sent[atom["end"]:])
    if nxt and nxt.group(1).endswith("s") and not nxt.group(1).endswith("ss"):
        return False  # "2000 people": a count
    return True


def _fraction_figures(sent: str, masked, taken):
    for m in _FRACTION_RE.finditer(sent):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken) or masked(s):
            continue
        before = sent[max(0, s - 12):s].lower()
        if m.group("half"):
            if _A_MULTIPLIER_NEXT.match(sent[e:]):
                continue  # "half a million": a number
            if _ORDINAL_CONTEXT_END.search(before) or \
                    _TIME_NOUN_NEXT.match(sent[e:]):
                continue
            if not _DETERMINER_NEXT.match(sent[e:]):
                if not _COMPARATIVE_END.search(before):
                    continue
            value = 0.5
        elif m.group("den"):
            num = m.group("num").lower()
            den = m.group("den").lower()
            if den == "half" and _AND_END.search(before):
                continue  # "six and a half years": part of a number
            if num == "a" and _THE_END.search(before):
                continue
            n = 1 if num in ("a", "one") else L.ONES[num]
            if den.endswith("s") and n == 1:
                continue
            if not den.endswith("s") and n > 1 and den != "half":
                continue
            if den == "half" and n > 1:
                continue
            value = n * L.FRACTION_WORDS[den]
            if not _SHORT_DETERMINER_NEXT.match(sent[e:]) and \
                    _THE_EVERY_EACH_END.search(before):
                continue
        else:
            n1 = m.group("n1").lower()
            n2 = m.group("n2").lower()
            v1 = L.ONES.get(n1) if not n1.isdigit() else int(n1)
            v2 = _word_value(n2) if not n2.isdigit() else int(n2)
            if not v1 or not v2 or v2 <= v1:
                continue
            value = v1 / v2
        yield s, e, value


_APPOSED_AGE_BEFORE = re.compile(r"[A-Z][\w'’.-]+,\s*$")
_APPOSED_AGE_AFTER = re.compile(r"\s*,")
MAX_AGE = 120  # an apposed number above this is no age


def _is_apposed_age(sent: str, start: int, end: int, value: float) -> bool:
    """A whole number between commas right after a name: the news way of giving an age ("Jane Doe, 66, said").

    >>> _is_apposed_age("Jane Doe, 66, said", 10, 12, 66.0)
    True
    """
    return value == int(value) and 0 < value <= MAX_AGE and bool(_APPOSED_AGE_BEFORE.search(sent, 0, start)) \
        and bool(_APPOSED_AGE_AFTER.match(sent, end))


def _head_noun_phrase(np_: str) -> str:
    """The counted noun phrase up to its first plural noun: "first-team players left" -> "first-team players".

    >>> _head_noun_phrase("profile slots available you")
    'profile slots'
    """
    words = np_.split()
    for k, w in enumerate(words):
        lw = w.lower()
        if (lw.endswith("s") and not lw.endswith("ss") and len(lw) > 2) or lw in L.IRREGULAR_PLURALS:
            return " ".join(words[:k + 1])
    return np_


def _count_noun(sent: str, end: int) -> tuple[str, int]:
    """Counted noun phrase after ``end``: skips "of" and "the" after a vague word or multiplier."""
    rest = sent[end:]
    skip = _QUANTIFIER_FILLER.match(rest)
    pos = end + (skip.end() if skip else 0)
    np_, np_end = _np_after(sent, pos)
    return np_, np_end


def extract_text(text: str, spans: list[tuple[int, int]] | None = None) -> list[dict]:
    """Reported figures in one plain text: list of dicts with the columns of ``extract`` but doc_id.

    ``spans`` are the (start, end) sentence offsets; without them each line is one sentence.
    """
    if spans is None:
        spans = _default_spans(text)
    rows: list[dict] = []
    for a, b in spans:
        sent = text[a:b]
        low = sent.lower()
        words = _az_words(low)
        if words.isdisjoint(_CHEAP_WORDS) and _DIGIT_RE.search(sent) is None:
            continue  # no digit and no number word
        if _is_chrome(sent):
            continue
        for r in _sentence_figures(sent, low, words):
            r["start"] += a
            r["end"] += a
            r["sentence"] = sent
            rows.append(r)
    return rows


def _default_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans by the project's splitter (``newstrace.text``), else one span per line."""
    try:
        from .text import sentence_spans
    except ImportError:
        spans, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        return spans
    return sentence_spans(text)


_DIGIT_RE = re.compile(r"\d")
_FRACTION_TRIGGERS = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth",
                                "tenths"})
_CHEAP_WORDS = (_NUMWORD_SET | _FRACTION_TRIGGERS | {"third", "thirds", "quarter", "quarters", "dozen", "dozens", "hundreds", "thousands",
                                "millions", "billions", "hundred", "thousand", "million", "billion", "scores"}
                | (_DURATION_SET & {"year", "month", "week", "day", "decade"}))
_VAGUE_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "billions", "dozen", "hundred",
                          "thousand", "million", "billion"})
_RATIO_HINT_RE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)) in (?:every )?[\w]")
# Only sentences with one of these words or characters can hold a date, time, phone number or ordinal.
# What every branch of _MASK_RE needs besides digits and a month or "no"/"nos"/"number" word:
# a date or time separator, a.m./p.m./o'clock, an ordinal or decade suffix, or digit groups (phone).
_MASK_QUICK_RE = re.compile(r"[./:\-+(#'’]|\d(?:\s*[apo]|[snrt]|\s\d)", re.IGNORECASE)
_MONTH_NO_WORDS = frozenset(L.MONTHS) | {"no", "nos", "number"}
_MASK_WORDS = frozenset(L.MONTHS) | {"clock", "no", "nos", "number", "tel", "phone", "telephone", "call", "fax",
                                     "hotline", "mobile", "whatsapp"}
# [:/+(#]|\d[.\-]\d+[.\-]|\d{2,4}[\s.-]\d{2,4}[\s.-]\d{2}|\d\s?[AaPp]\.?[Mm]\b in two steps: the characters by str.__contains__, then the digit patterns from one leading \d
_MASK_CHARS = ":/+(#"
_MASK_DIGIT_RE = re.compile(r"\d(?:[.\-]\d+[.\-]|\d{1,3}[\s.-]\d{2,4}[\s.-]\d{2}|\s?[AaPp]\.?[Mm]\b)")
_CHEAP_WORDS_RE = re.compile(
    rf"\b(?:{_WORDNUM}|half|third|quarter|thirds|quarters|dozen|dozens|hundreds|thousands|millions|billions|"
    r"hundred|thousand|million|billion|scores|a\s+(?:year|month|week|day|decade))\b",
    re.IGNORECASE,
)


def _row(sent, s, e, value, low, high, unit, quantity, hedge, vague, subject):
    return {"start": s, "end": e, "surface": sent[s:e], "value": value, "low": low, "high": high,
            "unit": unit, "quantity": quantity, "hedge": hedge, "vague": vague, "subject": subject,
            "change": change_at(sent, s, e, quantity), "unit_written": unit, "to_unit": 1.0, "counted": ""}


def _read_unit(unit_m, cur):
    """Read the unit a match found: (unit, quantity, unit as written, factor to ``unit``, currency).

    Physical units in ``_TARGET`` are converted (value x factor gives ``unit``); a currency word
    after the number becomes the currency. ``unit_written`` is pint's name of the written unit.

    >>> _read_unit(_UNIT_AFTER_RE.match(" miles"), None)[:3]
    ('km', 'length', 'mile')
    """
    if isinstance(unit_m, _UnitMatch):
        q = unit_m.quantity
        if q in _TARGET:
            return _TARGET_NAME[q], q, unit_m.canon, _factor(unit_m.canon, q), cur
        return unit_m.canon, q, unit_m.canon, 1.0, cur
    key = unit_m.group("unit").lower()
    canon, quantity = _UNIT_TABLE.get(key, _UNIT_TABLE.get(unit_m.group("unit"), ("", "count")))
    if quantity == "money":
        return (cur or canon), "money", (cur or canon), 1.0, (cur or canon)
    if quantity in _TARGET:
        return _TARGET_NAME[quantity], quantity, _pint_name(canon), _factor(canon, quantity), cur
    if quantity == "count":
        return "", quantity, "", 1.0, cur
    return canon, quantity, _pint_name(canon) if quantity not in ("percent", "duration") else canon, 1.0, cur


@lru_cache(maxsize=256)
def _pint_name(canon: str) -> str:
    """pint's long name of a unit written in pint's short form: "km**2" -> "kilometer ** 2"."""
    try:
        return str(_ureg().parse_units(canon))
    except Exception:  # noqa: BLE001 - a news-lexicon unit pint does not know keeps its own name
        return canon


# the connector of a rate ("/", "per", "a", "each", "every"), after an optional "of <noun>"
# ("barrels of oil per day"), then the denominator; not "a year earlier", "a month ago"
_PER_RE = re.compile(r"(?:\s+of\s+[a-z]+)?(?P<per>\s*/\s*|\s+(?:per|an?|each|every)\s+)"
                     r"(?P<den>[^\W\d_]+)\b(?!\s+(?:earlier|ago|before|later|after|from|in\s+advance)\b)")
# words after "per" that are not a unit but still a denominator: "per share", "per person"
_PER_NOUN_MIN = 3


def _rate_after(sent: str, pos: int) -> tuple[str, int] | None:
    """The denominator of a rate written after a figure and where it ends: "$3,500 a month" -> ("month", ..).

    The denominator is a unit (unit table or pint); after "per" or "/" any noun counts ("per share").

    >>> _rate_after("800,000 barrels a day", 15)
    ('day', 21)
    """
    m = _PER_RE.match(sent, pos)
    if m is None:
        return None
    word = m.group("den")
    key = word.lower()
    um = _unit_after(sent, m.start("den"))  # a unit of several words: "square metre", "sq m"
    if um is not None and not isinstance(um, _UnitMatch) and um.end() > m.end():
        canon, q = _UNIT_TABLE.get(um.group("unit").lower(), ("", "count"))
        if q not in ("count", "money", "percent"):
            return (_pint_name(canon) if q in _TARGET else canon), um.end()
    if key in _UNIT_TABLE:
        canon, q = _UNIT_TABLE[key]
        if q in ("count", "money", "percent"):
            return None
        return (_pint_name(canon) if q in _TARGET else canon), m.end()
    hit = registry_unit(word) or _denominator_unit(word)
    if hit:
        return hit[0], m.end()
    if m.group("per").strip() in ("per", "/") and len(word) >= _PER_NOUN_MIN and key not in L.NP_STOP:
        return key.rstrip("s") if key.endswith("s") and not key.endswith("ss") else key, m.end()
    return None


@lru_cache(maxsize=1024)
def _denominator_unit(word: str) -> tuple[str, str] | None:
    """A unit after "per" or "/" by any name pint reads as one unit ("hr", "sec"): a rate's denominator.

    >>> _denominator_unit("hr")
    ('hour', 'duration')
    """
    if word in _NOT_UNITS or word.lower() in L.NP_STOP or len(word) < 2:
        return None
    try:
        u = _ureg().parse_units(word)
    except Exception:  # noqa: BLE001 - pint raises several kinds for a word it does not know
        return None
    name = str(u)
    return (name, "") if re.fullmatch(r"[A-Za-z_]+", name) else None


def _load_change_words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for r in _read_csv("figures_change.csv"):
        out[r["position"]][r["word"]] = r["direction"]
    return out


CHANGE_WORDS = _load_change_words()
_CHANGE_BEFORE_RE = re.compile(
    r"\b(?P<w>" + _alt(CHANGE_WORDS["before"]) + r")(?:(?:\s+[a-z]+){0,2}?(?P<by>\s+by))?(?:\s+(?:a|an|another|some|nearly|about|almost))?\s*$", re.I)
_CHANGE_AFTER_RE = re.compile(r"^\s*(?P<w>" + _alt(CHANGE_WORDS["after"]) + r")\b", re.I)
# how far before a figure its change verb may start ("expected to grow sales by 35%"): chosen on NewsQuant dev
CHANGE_WINDOW = 40
# counts of things are events, not changes of a level: "cut 500 jobs", "lost 12 games"
_LEVEL_QUANTITIES = frozenset({"count", "age", "fraction"})


def change_at(sent: str, start: int, end: int, quantity: str) -> str:
    """"up" or "down" when the figure at ``start:end`` states a change ("rose 5%", "a 3% drop"), else "".

    >>> change_at("Shares fell 5% on Monday", 12, 14, "percent"), change_at("Shares fell to 5%", 15, 17, "percent")
    ('down', '')
    """
    if start and sent[start - 1] == "+" and (start < 2 or not sent[start - 2].isalnum()):
        return "up"  # "Dow +0.2%": a signed change
    m = _CHANGE_BEFORE_RE.search(sent, max(0, start - CHANGE_WINDOW), start)
    if m and (quantity not in _LEVEL_QUANTITIES or m.group("by")):
        return CHANGE_WORDS["before"][m.group("w").lower()]
    if quantity in _LEVEL_QUANTITIES:
        return ""
    m = _CHANGE_AFTER_RE.match(sent[end:end + 16])
    if m:
        return CHANGE_WORDS["after"][m.group("w").lower()]
    return ""


def _sentence_figures(sent: str, lower: str | None = None, words: set | None = None) -> list[dict]:
    """The figures of one sentence (offsets into it); ``lower`` and ``words`` are its lower case and word set."""
    if lower is None or words is None:
        lower = sent.lower()
        words = _az_words(lower)
    masked = _Mask(sent, words)
    rows: list[dict] = []
    taken: list[tuple[int, int]] = []
    nan = math.nan

    # 1. vague quantities: "thousands of", "tens of thousands", "several hundred"
    for m in (_VAGUE_RE.finditer(sent) if not words.isdisjoint(_VAGUE_WORDS) else ()):
        s, e = m.span()
        if m.group("inner"):
            inner = m.group("inner").lower().replace("ſ", "s")  # re.I folds the long s
            low, high = L.VAGUE[inner]
            outer = (m.group("outer") or "").lower().replace("ſ", "s")
            if outer:
                if inner in ("dozens", "scores") or outer == inner:
                    continue
                o_low, o_high = L.VAGUE[outer]
                base = {"hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9}[inner]
                low, high = o_low * base, o_high * base
            # "in their hundreds" and "by the thousands" are vague too; "the 1990s" never reach here
        else:
            few = _WHITESPACE_RUN.sub(" ", m.group("few").lower().replace("ſ", "s"))
            f_low, f_high = L.FEW[few]
            base = _mult_value(m.group("fmult"))
            low, high = f_low * base, f_high * base
        unit, quantity, written, factor = "", "count", "", 1.0
        um = _VAGUE_CURRENCY_RE.match(sent[e:])
        subject, _ = _count_noun(sent, e)
        if um:
            unit, quantity = L.CURRENCY_AFTER[um.group(1).lower()], "money"
            e = e + um.end()
            subject = ""
        elif (uo := _OF_NEXT.match(sent[e:])) and (vu := _unit_after(sent, e + uo.end())) is not None \
                and not vu.group("sep").strip():
            unit, quantity, written, factor, _ = _read_unit(vu, None)  # "hundreds of miles": a length
            if quantity in ("count", "money"):
                unit, quantity, written, factor = "", "count", "", 1.0
            else:
                e, subject = vu.end(), ""
        hedge, hs, he = _hedge_at(sent, s, e)
        row = _row(sent, hs, he, nan, float(low) * factor, float(high) * factor, unit, quantity, hedge, True,
                   subject)
        row.update(unit_written=written or unit, to_unit=factor)
        # "thousands of nurses" counts nurses, as "3,000 nurses" does
        row["counted"] = _head_noun_phrase(subject) if quantity == "count" and subject else ""
        rows.append(row)
        taken.append((s, e))

    # 2. fractions: "half the territory", "two-thirds of", "one in five"
    fractions = _fraction_figures(sent, masked, taken) if (
        not words.isdisjoint(_FRACTION_TRIGGERS) or ("in" in words and _RATIO_HINT_RE.search(lower))) else ()
    for s, e, value in fractions:
        hedge, hs, he = _hedge_at(sent, s, e)
        subject, _ = _count_noun(sent, e)
        unit_m = _FRACTION_DURATION_RE.match(sent[e:])
        if unit_m:
            rows.append(_row(sent, hs, e + unit_m.end(), value, nan, nan, L.DURATION[unit_m.group(1).lower()],
                             "duration", hedge, False, ""))
            taken.append((s, e + unit_m.end()))
            continue
        rows.append(_row(sent, hs, he, value, nan, nan, "fraction", "fraction", hedge, False, subject))
        taken.append((s, e))

    # 3. numbers, ranges and their units
    has_minus = "minus" in lower or "−" in sent
    has_phone_word = not words.isdisjoint(_PHONE_WORDS)
    atoms = [a for a in _atoms(sent, masked, words) if not any(x <= a["start"] < y for x, y in taken)]
    i = 0
    while i < len(atoms):
        a = atoms[i]
        i += 1
        s, e = a["start"], a["end"]
        first_unit = _unit_after(sent, e)
        b = None
        if i < len(atoms):
            nb = atoms[i]
            gap_start = first_unit.end() if first_unit else e
            gap = sent[gap_start:nb["start"]]
            gm = _RANGE_GAP_RE.match(gap)
            if gm:
                conn = gm.group(1).lower()
                before = sent[max(0, s - 80):s]
                ok = True
                if conn == "and":
                    ok = bool(_BETWEEN_RE.search(before))
                elif conn == "to" or conn == "through":
                    ok = not _CHANGE_VERB_RE.search(before[-60:] if not _FROM_END.search(before) else
                                                     before[:-5][-60:]) or bool(_BY_END.search(before))
                    if _SCORE_OR_VOTE_WORD.search(before[-40:]):
                        ok = False
                elif conn == "or":
                    ok = a["kind"] != "article" and nb["kind"] != "article"
                elif conn in ("-", "–", "—"):
                    ok = not (a.get("raw", "x").isdigit() and len(a.get("raw", "")) == 4 and 1800 <= a["value"] <= 2100)
                    if not ok and nb.get("raw", "x").isdigit() and len(nb.get("raw", "")) in (2, 4):
                        i += 1  # "2022-23", "2014-2022": years, both of them
                        continue
                    if _SCORE_AFTER_RE.match(sent, nb["end"]):
                        i += 1  # "a 3-2 vote", "won 2-1": a score, not a range
                        continue
                second_unit = _unit_after(sent, nb["end"])
                if first_unit is not None and second_unit is not None and \
                        _unit_key(first_unit) != _unit_key(second_unit):
                    ok = False  # "by 200 basis points to 21%": two figures in two units
                if _year_like(a) and _YEAR_PREV_RE.search(before):
                    ok = False  # "from 20 mpg in 2008 to 29 mpg": a year, then the next figure
                if a["kind"] in ("article",) or nb["kind"] == "article":
                    ok = ok and conn in ("to", "or") and False
                if ok:
                    b = nb
                    i += 1
        last = b or a
        unit_m = _unit_after(sent, last["end"]) if b is not None else first_unit
        if unit_m is None and b is not None and first_unit is not None:
            unit_m = first_unit
        cur = a["cur"] or (b["cur"] if b else None)
        v1, v2 = a["value"], (b["value"] if b else None)
        if b is not None and b["mult"] and not a["mult"] and v1 < 1000 and v2 is not None and v2 >= 1000:
            scale = 10 ** math.floor(math.log10(v2)) if b["kind"] == "word" else _mult_of(b)
            v1 = v1 * scale
        end = unit_m.end() if unit_m is not None else last["end"]
        if unit_m is not None and unit_m.group("old"):
            end = unit_m.end()
        # unit
        unit, quantity = "", "count"
        old = False
        if unit_m is not None and unit_m.group("unit").lower() == "mm" and not unit_m.group("sep") and \
                _PLURAL_NOUN_NEXT.match(sent[unit_m.end():]) and not _OF_WORD_NEXT.match(sent[unit_m.end():]):
            continue  # a calibre: "155mm shells", "35mm film"
        written, factor = "", 1.0
        if unit_m is not None:
            unit, quantity, written, factor, cur = _read_unit(unit_m, cur)
            if factor != 1.0:
                v1 = v1 * factor
                if v2 is not None:
                    v2 = v2 * factor
            old = bool(unit_m.group("old"))
            if old:
                quantity = "age"
        if unit_m is None and cur is None and b is None:
            sub = _SUBUNIT_RE.match(sent, last["end"])
            if sub:
                cur = L.CURRENCY_SUBUNITS[sub.group(1).lower()]
                v1 = v1 / 100
                end = sub.end()
                written, factor = L.SUBUNIT_NAMES[sub.group(1).lower()], 0.01
        if cur:
            unit, quantity = cur, "money"
            written = written if factor == 0.01 or written.startswith(cur) else cur
        rate = _rate_after(sent, end) if quantity not in ("count", "age", "speed", "frequency") else None
        if rate is not None:
            den, end = rate
            unit = f"{unit if quantity == 'money' else written}/{den}"
            written = f"{written}/{den}"
            v1, v2, factor = v1 / factor, (v2 / factor if v2 is not None else None), 1.0
            quantity = "rate"
        # small words need a unit or a count noun to be a figure
        if a["kind"] == "article":
            if quantity not in ("duration",):
                continue
            hedge, _, _ = _hedge_at(sent, s, end)
            if not hedge and "single" not in sent[s:a["end"]].lower():
                continue
        if a["kind"] == "one" and b is None and quantity == "count" and not _one_counts(sent, s, end):
            continue
        if a["kind"] == "one" and b is None and quantity != "duration" and _one_idiom(sent, a["end"]):
            continue  # "at one point": an idiom, not one index point
        if a["kind"] in ("word", "one") and not a["mult"] and b is None and quantity == "count" and \
                _DETERMINER_END.search(sent[max(0, s - 12):s]):
            continue  # "the two sides", "all three men": a reference, not a reported figure
        if a["kind"] in ("word", "one") and _HYPHEN_LOWER.match(sent[a["end"]:a["end"] + 2]) and unit_m is None:
            continue  # "one-off", "two-way"
        hedge, hs, he = _hedge_at(sent, s, end)
        if hedge == "over" and quantity == "duration" and sent[hs:s].strip().lower() == "over":
            prev_word = sent[max(0, hs - 20):hs].split()[-1:]
            if not prev_word or prev_word[0].lower() not in L.OVER_DURATION_HEDGE_AFTER:
                hedge, hs = "", s  # "1,500 jobs over five years": a period, not "more than"
        if has_minus and _MINUS_RE.search(sent, max(0, s - 8), s):
            v1 = -v1
            hs = min(hs, sent.rfind("minus", max(0, s - 8), s) if "minus" in sent[max(0, s - 8):s] else hs)
        if _is_year(sent, a, unit_m if not cur else True, hedge) or (b is not None and _is_year(sent, b, None, "")):
            continue
        if a["kind"] == "digit" and _is_name_number(sent, s, a["end"], a["value"], unit_m is not None or bool(cur)):
            continue
        if a["kind"] == "digit" and has_phone_word and _PHONE_CONTEXT_RE.search(sent[max(0, s - 40):s]):
            continue
        # subject
        subject, np_ = "", ""
        if quantity == "count":
            np_, np_end = _count_noun(sent, end)
            if np_:
                verb = _verb_after(sent, np_end)
                subject = np_
                if np_.lower() in _GENERIC_COUNTED:
                    # "a population of 1 million people", "losses amount to 40,000 people"
                    subject = _np_before(sent, hs) or (f"{np_} {verb}" if verb else np_)
            else:
                subject = _np_before(sent, hs)
        elif quantity == "age":
            subject, _ = _np_after(sent, end)
        else:
            m_of = _OF_THE_NEXT.match(sent[end:])
            if m_of:
                subject, _ = _np_after(sent, end + m_of.end())
            if not subject:
                subject = _np_before(sent, hs)
        if b is not None:
            row = _row(sent, hs, max(he, end), nan, float(min(v1, v2)), float(max(v1, v2)), unit, quantity,
                       hedge, False, subject)
        else:
            row = _row(sent, hs, max(he, end), float(v1), nan, nan, unit, quantity, hedge, False, subject)
        row["unit_written"] = written or unit
        row["to_unit"] = factor
        row["counted"] = _head_noun_phrase(np_) if quantity == "count" and np_ else ""
        if quantity == "count" and not np_ and b is None and _is_apposed_age(sent, s, end, v1):
            row.update(unit="year", quantity="age", unit_written="year")
        row["change"] = change_at(sent, hs, max(he, end), quantity)
        rows.append(row)
        taken.append((s, end))


    rows.sort(key=lambda r: r["start"])
    # sources: one per sentence position
    sources = _Sources(sent, words) if rows else None
    for r in rows:
        r["source"] = sources.for_figure(r["start"], r["end"])
    return rows


_VAGUE_CURRENCY_RE = re.compile(
    r"\s+of\s+(?:(?:US|U\.S\.|Canadian|Australian|Swiss|Belarusian)\s+)?(" + _alt(L.CURRENCY_AFTER) + r")\b", re.I)
_FRACTION_DURATION_RE = re.compile(r"\s+(?:an?\s+)(" + _alt(L.DURATION) + r")\b", re.I)
_BETWEEN_RE = re.compile(r"\bbetween\s+(?:(?:" + _CUR_BEFORE + r")\s?)?$", re.I)
_SUBUNIT_RE = re.compile(r"\s?(" + _alt(L.CURRENCY_SUBUNITS) + r")\b", re.I)
_GENERIC_COUNTED = {"people", "persons", "residents", "civilians", "men", "women", "children", "individuals"}


def _mult_of(atom: dict) -> float:
    v = atom["value"]
    for m in (1e12, 1e9, 1e6, 1e3):
        if v >= m:
            return m
    return 1.0


# patterns used inside the rules above, compiled once; the name says what each looks for
_LOWER_WORDS = re.compile(r"[a-z]+")
_DIGIT_GROUP_SEP = re.compile(r"[,\u00a0\u202f\u2009 ]")
_LETTER_RUNS = re.compile(r"[A-Za-z]+")
_FOR_OR_OF_SOME_END = re.compile(r"\b(?:for|of)\s+some\s*$", re.I)
_WORD_TOKENS = re.compile(r"[^\W\d_][\w'’-]*")
_FROM_COMMA_ON = re.compile(r",.*$")
_COPULA_OR_ARTICLE_END = re.compile(r"\b(?:is|are|was|were|been|being|be|a|an|the|widely)\s+$")
_CLAUSE_OPENER = re.compile(r"(?:^|\s+)(?:that|which|who|when|while|as|whereas|and\s+(?=[a-z]))\s+")
# a letter and a hyphen before the digits: a name ("F-16", "Su-34"), unless the word is a prefix of
# the number itself ("minus-5 yards", "sub-7 nanometre", "now-18 month-old")
_LETTER_HYPHEN_END = re.compile(r"[A-Za-z](?<!\bminus)(?<!\bsub)(?<!\bnow)(?<!\bunder)(?<!\bover)-\s?$", re.I)
_PEOPLE_OR_PLURAL_NEXT = re.compile(r"\s+(?:people|[a-z]+s)\b(?!\s+(?:of|from|to|away|long|high|wide|deep|tall)\b)")
_ANY_SPACE = re.compile(r"\s")
_FOUR_DIGITS = re.compile(r"\d{4}")
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z][\w-]*)")
_A_MULTIPLIER_NEXT = re.compile(r"\s+an?\s+(?:hundred|thousand|million|billion|trillion|dozen)\b", re.I)
_ORDINAL_CONTEXT_END = re.compile(r"\b(?:first|second|other|a|one|and)\s*-?\s*$")
_TIME_NOUN_NEXT = re.compile(r"\s*-?\s*(?:hour|time|way|century|decade|year|day|mast|brother|sister)", re.I)
_DETERMINER_NEXT = re.compile(r"\s+(?:of\b|the\b|a\b|an\b|their\b|its\b|his\b|her\b|our\b|all\b|them\b|those\b|these\b)", re.I)
_COMPARATIVE_END = re.compile(r"\b(?:by|than|to|about|almost|nearly|over|under|roughly|around)\s*$")
_AND_END = re.compile(r"\band\s*$")
_THE_END = re.compile(r"\bthe\s*$")
_SHORT_DETERMINER_NEXT = re.compile(r"\s+(?:of\b|the\b|a\b|an\b|their\b|its\b|them\b)", re.I)
_THE_EVERY_EACH_END = re.compile(r"\b(?:the|every|each)\s*$")
_QUANTIFIER_FILLER = re.compile(r"\s*(?:more\s+|other\s+|of\s+(?:the\s+|their\s+|its\s+)?)?")
_WHITESPACE_RUN = re.compile(r"\s+")
_OF_NEXT = re.compile(r"\s+of\s+")
_FROM_END = re.compile(r"\bfrom\s*$")
# "dropped by 1 to 1.5 degrees": after "by" the two numbers are one range of the change
_BY_END = re.compile(r"\bby\s+(?:(?:about|around|some|roughly|up\s+to|between)\s+)?$")
_SCORE_OR_VOTE_WORD = re.compile(r"\b(?:ratio|score|vote[sd]?|voted|won|lost|beat|defeated)\b", re.I)
_PLURAL_NOUN_NEXT = re.compile(r"\s+[a-z]+s\b")
_OF_WORD_NEXT = re.compile(r"\s+of\b")
# "one" counts when a noun follows it ("killed one man"), not in an idiom (data/figures_one_idiom.csv)
# nor as a pronoun ("no one", "the one that", "one of them")
ONE_IDIOMS = frozenset(r["word"] for r in _read_csv("figures_one_idiom.csv"))
_ONE_NOUN_RE = re.compile(r"\s+([a-z][a-z'’]*)\b(?![-’'])")
_ONE_PRONOUN_BEFORE_RE = re.compile(r"\b(?:no|any|every|each|which|the|this|that|someone|anyone)\s+$", re.I)


def _one_idiom(sent: str, end: int) -> bool:
    """Whether the word "one" ending at ``end`` starts an idiom of data/figures_one_idiom.csv ("at one point")."""
    m = _ONE_NOUN_RE.match(sent, end)
    return m is not None and m.group(1) in ONE_IDIOMS


def _one_counts(sent: str, start: int, end: int) -> bool:
    """Whether the word "one" at ``start:end`` counts the noun after it.

    >>> _one_counts("The blast killed one man.", 17, 20), _one_counts("One day she left.", 0, 3)
    (True, False)
    """
    m = _ONE_NOUN_RE.match(sent, end)
    if m is None or _ONE_PRONOUN_BEFORE_RE.search(sent, max(0, start - 12), start):
        return False
    word = m.group(1)
    return not _one_idiom(sent, end) and word not in L.NP_STOP and not word.endswith(("ed", "ing", "ly"))


_DETERMINER_END = re.compile(r"\b(?:the|these|those|all|its|their|his|her|our|both)\s+$", re.I)
_HYPHEN_LOWER = re.compile(r"-[a-z]")
_OF_THE_NEXT = re.compile(r"\s+of\s+(?:the\s+)?")
_STEM_WORDS = re.compile(r"[^\W\d_]{3,}")


# --- corpus-level API --------------------------------------------------------------------------

def _sentence_table(corpus: pd.DataFrame) -> pd.DataFrame | None:
    try:
        from .corpus import sentences
    except ImportError:
        return None
    return sentences(corpus)


def extract(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every reported figure in the corpus, one row each.

    Columns: doc_id, start, end (offsets into corpus.text), surface, value, low, high, unit,
    quantity, hedge, vague, subject, source, sentence. ``sentences`` defaults to
    ``newstrace.corpus.sentences(corpus)`` (one sentence per line if that module is absent).
    """
    if "text" not in corpus.columns:
        raise ValueError("extract: the corpus has no 'text' column")
    if sentences is None:
        sentences = _sentence_table(corpus)
    by_doc = {}
    if sentences is not None and len(sentences):
        for doc_id, g in sentences.groupby("doc_id", sort=False):
            by_doc[doc_id] = list(zip(g["start"].astype(int), g["end"].astype(int), strict=True))
    rows = []
    for doc_id, text in corpus["text"].items():
        if not isinstance(text, str) or not text:
            continue
        spans = by_doc.get(doc_id) if sentences is not None else None
        if sentences is not None and spans is None:
            spans = []
        for r in extract_text(text, spans):
            r["doc_id"] = doc_id
            rows.append(r)
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["vague"] = out["vague"].astype(bool)
    for c in ("value", "low", "high"):
        out[c] = out[c].astype(float)
    for c in ("start", "end"):
        out[c] = out[c].astype(int)
    return out.reset_index(drop=True)


# --- claims across articles --------------------------------------------------------------------

_STEM_STOP = L.NP_STOP | {"people", "region", "said", "says", "according"}


def _stems(text: str) -> set[str]:
    return {w.lower()[:5] for w in _STEM_WORDS.findall(text or "") if w.lower() not in _STEM_STOP}


def interval(row) -> tuple[float, float]:
    """The values a figure allows, given its range, vagueness and hedge (approx: ±10%)."""
    value, low, high, hedge = row["value"], row["low"], row["high"], row["hedge"]
    if not (isinstance(value, float) and math.isnan(value)) and value is not None and not pd.isna(value):
        lo = hi = float(value)
    else:
        lo, hi = float(low), float(high)
    if hedge == "approx":
        lo, hi = lo * 0.9, hi * 1.1
    elif hedge == "over":
        hi = math.inf
    elif hedge == "under":
        lo = 0.0 if lo == hi else lo * 0.5
    return lo, hi


def _families(corpus: pd.DataFrame) -> dict:
    """doc_id -> family label from newstrace.overlap.families, or one family for all documents."""
    try:
        from .overlap import families
    except ImportError:
        return {d: 0 for d in corpus.index}
    fam = families(corpus)
    if isinstance(fam, pd.Series):
        return fam.to_dict()
    return {d: 0 for d in corpus.index}


# Rules of news language the claims comparison applies (each has a test in tests/test_figures_claims.py):
# - one story: figures are compared only between articles of one story family (overlap.families);
# - what happened: "killed", "injured", "arrested"... (data/claim_qualifiers.csv, kind "event") must agree;
# - when: the period a figure covers ("third-quarter", "nine months", "a year ago") must agree;
# - where / who: the capitalised names of the two sentences (places, companies) must mostly agree; a
#   sentence that names nobody ("The company has...") is about whom the article's first sentence names;
# - a table row or heading ("Injured: 74") lacks its heading's qualifiers: never compared;
# - per what: a rate's denominator ("$1.63 a share") must agree;
# - a generic counted word ("people", "others", a bare amount of money) is no claim by itself: it takes
#   the same event or the same nearby words;
# - time: a cumulative count (deaths, injuries, arrests) reported larger on a later day "grew", it does not
#   disagree.

#: words either side of a figure whose stems say what it is about (the local context)
LOCAL_WORDS = 5
#: words after a figure searched for its event word ("six people were also killed")
EVENT_WORDS = 6
#: least Jaccard of local-context stems for two figures to be one claim; chosen on the TimeML news
#: (benchmarks/claims_timeml.py): 0.2 joined different figures of one sentence pattern
LOCAL_MIN = 0.25
#: least Jaccard of the capitalised-name stems of two sentences (when both have names); TimeML news
NAMES_MIN = 0.5
#: a "sentence" of fewer words ("Injured: 74") is a table row or a heading: what it counts, and where, is
#: in a heading the figure does not carry, so it is never compared
MIN_SENTENCE_WORDS = 4
#: the opening of an article read for its names (about two sentences of wire copy)
LEDE_CHARS = 300
#: values further apart than this factor are never one claim
MAX_FACTOR = 30.0
_GENERIC_SUBJECT = {"peopl", "other", "perso", "money", "total", "them", "those", "these", "some", "more"}
_CAP_TOKEN_RE = re.compile(r"(?<![\w'’])([A-Z][A-Za-z&'’.-]+)")
_DENOMINATOR_RE = re.compile(r"^\s*(?:a|an|per|each|every)\s+([a-z]+)", re.I)


@lru_cache(maxsize=1)
def claim_qualifiers() -> dict[str, dict[str, str]]:
    """word -> {"kind": event|period, "value": ..., "cumulative": yes|no|""} from data/claim_qualifiers.csv."""
    return {r["word"]: r for r in _read_csv("claim_qualifiers.csv")}


def _segment(sent: str, start: int, end: int, others: list[tuple[int, int]]) -> tuple[str, str]:
    """The text of ``sent`` before and after the figure at [start, end), cut at the neighbouring figures."""
    left = max([e for s, e in others if e <= start], default=0)
    right = min([s for s, e in others if s >= end], default=len(sent))
    return sent[left:start], sent[end:right]


def _event(before: str, after: str) -> tuple[str, bool]:
    """What happened to the counted things: an event word right before the figure ("killing 81"), else the
    first one in the EVENT_WORDS words after it ("six people were killed"), else one of the last three
    words before it ("the number injured topped 2,200"). Returns (event, cumulative)."""
    table = claim_qualifiers()
    near = [w.lower() for w in _WORD_TOKENS.findall(before)][-3:]
    words = near[-1:] + [w.lower() for w in _WORD_TOKENS.findall(after)][:EVENT_WORDS] + near[::-1]
    for w in words:
        row = table.get(w)
        if row and row["kind"] == "event":
            return row["value"], row["cumulative"] == "yes"
    return "", False


def _period(sent: str) -> frozenset:
    """The periods a figure's sentence names ("quarter", "months", "earlier")."""
    table = claim_qualifiers()
    words = _WORD_TOKENS.findall(sent.lower())
    return frozenset(table[w]["value"] for w in words if w in table and table[w]["kind"] == "period")


def _names(sent: str, subject: str) -> set[str]:
    """Stems of the capitalised names of a sentence (places, companies), leaving out its first word,
    weekdays, months and the counted subject's own words."""
    skip = _stems(subject) | {w[:5] for w in L.WEEKDAYS} | {m[:5] for m in L.MONTHS}
    out = set()
    for m in _CAP_TOKEN_RE.finditer(sent):
        if m.start() == len(sent) - len(sent.lstrip()):
            continue
        for part in m.group(1).lower().strip(".'’").split("-"):
            stem = part[:5]
            if len(stem) >= 2 and (len(stem) >= 3 or "." in stem) and stem not in skip and stem not in _STEM_STOP:
                out.add(stem)
    return out


def _local(sent: str, start: int, end: int) -> set[str]:
    """Stems of the LOCAL_WORDS words either side of a figure."""
    before = _WORD_TOKENS.findall(sent[:start])[-LOCAL_WORDS:]
    after = _WORD_TOKENS.findall(sent[end:])[:LOCAL_WORDS]
    return _stems(" ".join(before + after))


def claim_features(figures: pd.DataFrame, lede: dict | None = None) -> pd.DataFrame:
    """What each figure is about, for grouping. Columns added to ``figures``: lo, hi (interval), event,
    cumulative, period, names (of the sentence, else of the article's opening in ``lede``: doc_id -> text), local, subj (subject stems), specific (a subject more than a generic word), per (a rate's
    denominator), fragment (a sentence of under MIN_SENTENCE_WORDS words: a table row or heading)."""
    f = figures.reset_index(drop=True).copy()
    iv = [interval(r) for _, r in f.iterrows()]
    f["lo"] = [a for a, _ in iv]
    f["hi"] = [b for _, b in iv]
    events, cumul, periods, names, local, per = [], [], [], [], [], []
    spans, ledes = {}, {}
    for doc in f["doc_id"].unique():
        if lede is not None and doc in lede:
            ledes[doc] = _names(lede[doc], "")
    for doc, s0, e0, sent in zip(f["doc_id"], f["start"], f["end"], f["sentence"], strict=True):
        spans.setdefault((doc, sent), []).append((s0, e0))
    for doc, s0, e0, sent, surface, subject in zip(f["doc_id"], f["start"], f["end"], f["sentence"], f["surface"],
                                                   f["subject"], strict=True):
        rel = sent.find(surface) if surface else -1
        a, b = (rel, rel + len(surface)) if rel >= 0 else (0, 0)
        base = s0 - a
        others = [(s - base, e - base) for s, e in spans[(doc, sent)] if (s, e) != (s0, e0)]
        before, after = _segment(sent, a, b, others)[0], sent[b:]
        ev, cu = _event(before, after)
        events.append(ev)
        cumul.append(cu)
        periods.append(_period(sent))
        names.append(_names(sent, subject) or ledes.get(doc, set()))
        local.append(_local(sent, a, b))
        m = _DENOMINATOR_RE.match(sent[b:])
        per.append(m.group(1).lower().rstrip("s") if m else "")
    f["event"], f["cumulative"], f["period"], f["names"] = events, cumul, periods, names
    f["local"], f["per"] = local, per
    events_words = {w[:5] for w, r in claim_qualifiers().items() if r["kind"] == "event"}
    f["subj"] = [_stems(s) - events_words for s in f["subject"]]
    f["fragment"] = [len(_WORD_TOKENS.findall(s)) < MIN_SENTENCE_WORDS for s in f["sentence"]]
    f["specific"] = [bool(s - _GENERIC_SUBJECT) for s in f["subj"]]
    return f


def _ledes(corpus: pd.DataFrame) -> dict:
    """doc_id -> the article's opening (its first LEDE_CHARS characters), which names who or where the
    story is about."""
    return {doc: text[:LEDE_CHARS] for doc, text in corpus["text"].items() if isinstance(text, str)}


def _center(lo: float, hi: float) -> float:
    lo = max(lo, 1e-9)
    return math.sqrt(lo * (max(hi, lo) if math.isfinite(hi) else lo * 2))


def same_claim(a, b) -> bool:
    """Whether two figures (rows of ``claim_features``) state the same thing: same unit, change,
    denominator, event and period; names that mostly agree; and a shared specific subject or an event
    and nearby words in common."""
    if a["fragment"] or b["fragment"]:
        return False
    if a["unit"] != b["unit"] or a["quantity"] != b["quantity"] or a.get("change", "") != b.get("change", ""):
        return False
    if a["per"] != b["per"] or a["event"] != b["event"] or a["period"] != b["period"]:
        return False
    ca, cb = _center(a["lo"], a["hi"]), _center(b["lo"], b["hi"])
    if abs(math.log10(ca / cb)) > math.log10(MAX_FACTOR):
        return False
    if a["names"] and b["names"] and _jaccard(a["names"], b["names"]) < NAMES_MIN:
        return False
    local = _jaccard(a["local"], b["local"])
    if a["specific"] != b["specific"]:
        return False  # "eight Americans" and "six people" count different things
    if a["specific"]:
        return bool((a["subj"] & b["subj"]) - _GENERIC_SUBJECT) and local >= LOCAL_MIN / 2
    if a["event"] and a["names"] and b["names"]:
        return True  # one event (killed, injured...) in one place: the same count
    return local >= LOCAL_MIN and (bool(a["event"]) or bool((a["subj"] & b["subj"]) - _GENERIC_SUBJECT))


def compare(a, b) -> str:
    """How two variants of one claim relate: "agree" (some value fits both), "grew" (a cumulative count
    reported larger on a later day), or "disagree"."""
    if a["lo"] <= b["hi"] and b["lo"] <= a["hi"]:
        return "agree"
    da, db = a.get("published"), b.get("published")
    if a["cumulative"] and not (pd.isna(da) or pd.isna(db)) and da != db:
        early, late = (a, b) if da < db else (b, a)
        if late["lo"] > early["hi"]:
            return "grew"
    return "disagree"


_CLAIM_COLS = ["claim_id", "doc_id", "start", "outlet", "published", "surface", "value", "low", "high", "unit", "quantity",
               "hedge", "vague", "subject", "event", "cumulative", "source", "lo", "hi", "n_docs", "verdict", "disagree",
               "conflicts", "sentence"]


def _links(f: pd.DataFrame, fam: dict) -> list[tuple[int, int, str]]:
    """Every pair (i, j, verdict) of figures from two articles of one story family that state one claim."""
    out = []
    f = f.assign(_family=[fam.get(d, ("alone", d)) for d in f["doc_id"]])
    rows = f.to_dict("index")
    for _, g in f.groupby(["_family", "unit", "quantity"], sort=False):
        idx = list(g.index)
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                if rows[i]["doc_id"] != rows[j]["doc_id"] and same_claim(rows[i], rows[j]):
                    out.append((i, j, compare(rows[i], rows[j])))
    return out


def claims(figures: pd.DataFrame, corpus: pd.DataFrame, families: dict | pd.Series | None = None) -> pd.DataFrame:
    """Group the same figure reported by several articles of one story into claims and flag disagreements.

    Figures are one claim when ``same_claim`` holds for a pair of them (articles of one story family,
    from ``families`` or ``overlap.families``; the rules are listed above ``LOCAL_WORDS``). A claim
    disagrees when two of its directly matched variants allow no common value and the later is not a
    cumulative count that grew. Columns: claim_id, doc_id, start, outlet, published, surface, value, low, high,
    unit, quantity, hedge, vague, subject, event, cumulative, source, lo, hi (the interval the figure allows), n_docs,
    verdict ("disagree", "grew" or "agree"), disagree (bool), conflicts (how many matched variants this
    one disagrees with), sentence.
    """
    if figures is None or figures.empty:
        return pd.DataFrame(columns=_CLAIM_COLS)
    fam = _families(corpus) if families is None else dict(families)
    f = claim_features(figures, _ledes(corpus))
    published = corpus["published"] if "published" in corpus.columns else pd.Series(pd.NaT, index=corpus.index)
    f["published"] = f["doc_id"].map(published)
    links = _links(f, fam)
    parent = list(range(len(f)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in links:
        parent[find(i)] = find(j)
    f["_root"] = [find(i) for i in range(len(f))]
    keep = [r for r, g in f.groupby("_root") if g["doc_id"].nunique() >= 2]
    f = f[f["_root"].isin(keep)].copy()
    if f.empty:
        return pd.DataFrame(columns=_CLAIM_COLS)
    order = {r: k + 1 for k, r in enumerate(sorted(keep, key=lambda r: (-(f["_root"] == r).sum(), r)))}
    f["claim_id"] = f["_root"].map(order)
    outlets = corpus["outlet"] if "outlet" in corpus.columns else pd.Series("", index=corpus.index)
    f["outlet"] = f["doc_id"].map(outlets).fillna("")
    f["n_docs"] = f.groupby("claim_id")["doc_id"].transform("nunique")
    f["conflicts"] = 0
    verdicts: dict = {}
    for i, j, v in links:
        cid = f.at[i, "claim_id"]
        if v == "disagree":
            f.at[i, "conflicts"] += 1
            f.at[j, "conflicts"] += 1
        rank = {"agree": 0, "grew": 1, "disagree": 2}
        verdicts[cid] = max(verdicts.get(cid, "agree"), v, key=rank.get)
    f["verdict"] = f["claim_id"].map(verdicts).fillna("agree")
    f["disagree"] = f["verdict"].eq("disagree")
    return f.sort_values(["claim_id", "doc_id", "start"])[_CLAIM_COLS].reset_index(drop=True)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


__all__ = ["extract", "extract_text", "claims", "claim_features", "same_claim", "compare", "interval", "COLUMNS"]
