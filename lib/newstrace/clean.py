"""Strip site chrome from a scraped article and find its headline, byline and page date.

A scraped news page has a shape: header chrome (menus, mastheads, a page date, counters),
the headline (often twice), the body, then footer chrome (comment and share prompts,
social links, related headlines, "previous post"). Some pages arrive flattened into one
line with the navigation glued to the last sentence (``...people.Related headline``).

``clean_article(text)`` works on lines, and on fragments inside a line:

1. chrome lines by pattern, each with its reason (``CHROME_PATTERNS``); lone counters;
   a line that is only a date is the page date;
2. the body runs from the first to the last paragraph-like line (five or more words
   ending in terminal punctuation); before it is the header, after it the footer;
3. in the header the headline is the repeated headline-like line, else the first one;
   other header lines are page header chrome, headline-like lines after the headline are
   related-story links; in the footer every line is chrome (its reason says which kind);
   inside the body only chrome patterns, counters and repeated headlines go;
4. a headline-like fragment glued to the last sentence of a line without a space goes;
5. a flattened first line that starts with the headline (known because the page repeats
   it) or with "headline + byline" gives up both.

Every removal is recorded as ``{"text": ..., "reason": ...}``. The body keeps every
sentence, short ones and quotes included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from . import lexicon, sources
from .text import count_words

#: month name or abbreviation (lower case) -> month number, from the shared vocabulary
MONTHS = {name: i + 1 for i, name in enumerate(lexicon.MONTHS)} | dict(lexicon.MONTH_ABBREVIATIONS)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:UTC|GMT|CET|EET|EEST|MSK|EST|EDT|PST|PDT|BST|Kyiv time|local time))?"
_SEP = r"[\s,|/·•–—-]*"
_DATE_FORMS = [
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>\d{{4}})",  # 23 March 2025
    rf"(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})",  # March 23, 2025
    r"(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?",  # ISO
    r"(?P<d4>\d{1,2})[./](?P<m4>\d{1,2})[./](?P<y4>\d{4})",  # 23.03.2025 (day first, as most of the world)
]
DATE_RE = re.compile("|".join(f"(?:{f})" for f in _DATE_FORMS))
_DATE_LINE_LABEL = r"(?:(?:Published|Posted|Updated|Last updated|Date|Created|Modified)(?:\s+on)?\s*:?\s*)?"
DATE_LINE_RE = re.compile(
    rf"^\s*{_DATE_LINE_LABEL}(?:{_WEEKDAY}{_SEP})?(?:{_TIME}{_SEP})?(?:{DATE_RE.pattern})(?:{_SEP}{_WEEKDAY})?(?:{_SEP}(?:at\s+)?{_TIME})?{_SEP}$",
    re.IGNORECASE,
)


def parse_date(text: str) -> pd.Timestamp | None:
    """The first full calendar date (day, month and year) written in ``text``, else None."""
    m = DATE_RE.search(text)
    if not m:
        return None
    g = m.groupdict()
    try:
        if g["y1"]:
            y, mo, d = int(g["y1"]), MONTHS[g["m1"].rstrip(".").lower()], int(g["d1"])
        elif g["y2"]:
            y, mo, d = int(g["y2"]), MONTHS[g["m2"].rstrip(".").lower()], int(g["d2"])
        elif g["y3"]:
            y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
        else:
            y, mo, d = int(g["y4"]), int(g["m4"]), int(g["d4"])
        return pd.Timestamp(year=y, month=mo, day=d)
    except (ValueError, KeyError):
        return None


# Whole-line chrome: (reason, pattern). Anchored, case-insensitive; a body sentence that merely
# starts with the same words does not match because the patterns allow no further text.
_SOCIAL = r"(?:facebook|twitter|x|telegram|instagram|youtube|tiktok|whatsapp|viber|linkedin|reddit|threads|bluesky|vk|rss)"
CHROME_PATTERNS: list[tuple[str, re.Pattern]] = [
    (reason, re.compile(p, re.IGNORECASE))
    for reason, p in [
        ("visitor or view counter", r"^\s*[\d\s,.]+\s*(?:visitors?|readers?|users?|people)\s+(?:online|now|reading)\s*$"),
        ("visitor or view counter", r"^\s*(?:views?|reads?|visitors?)\s*:?\s*[\d\s,.]+$|^\s*[\d\s,.]+\s*(?:views?|reads?)\s*$"),
        ("comment prompt", r"^\s*(?:write|leave|add|post|show|view|read|see)\s+(?:a\s+|your\s+|all\s+)?comments?\b[\s\d():]*$"),
        ("comment section", r"^\s*\d+\s+(?:responses?|comments?|replies|thoughts)\s+(?:to|on)\b.{0,200}$"),
        ("comment section", r"^\s*(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|join\s+the\s+(?:conversation|discussion))\b.{0,30}$"),
        ("comment section", r"^\s*\S.{0,40}\s+(?:says|said|wrote|writes):\s*$"),
        ("comment prompt", r"^\s*(?:comments?|discussion|replies)\s*[(:]?\s*\d*\s*\)?\s*$"),
        ("comment prompt", r"^\s*\d+\s+comments?\s*$|^\s*(?:be the first to comment|join the discussion)\.?\s*$"),
        ("donation or subscription appeal", r"^\s*(?:support|donate(?:\s+to)?|help|back)\s+(?:the|our|us|this)?\s*(?:website|site|newsroom|journalism|project|media|us)?\s*[.!]?\s*$"),
        ("donation or subscription appeal", r"^\s*(?:subscribe|sign\s+up|join)\b.{0,60}(?:newsletter|channel|updates|us|subscribe|free)\b.{0,30}$"),
        ("donation or subscription appeal", r"^\s*(?:subscribe|donate|support)\s*[.!]?\s*$"),
        ("social media links", rf"^\s*(?:follow|join|find|like)\s+(?:us|our|\S+)\b.{{0,60}}(?:{_SOCIAL}|social\s+(?:media|networks?)|accounts?|channels?|page)\b.{{0,20}}$"),
        ("social media links", rf"^\s*(?:share(?:\s+(?:this|the)\s+(?:article|story|post|page))?(?:\s+on\s+{_SOCIAL})?|tweet|print|e-?mail|copy\s+link|{_SOCIAL})(?:\s*[,|/·•]?\s*{_SOCIAL})*\s*:?\s*$"),
        ("navigation", r"^\s*(?:previous|next|older|newer)\s+(?:post|article|story|news|page|entry)\s*[:»«>]*\s*$|^\s*[«<]?\s*(?:previous|next)\s*[»>]?\s*$"),
        ("navigation", r"^\s*(?:home|menu|search|categories|category|sections?|topics?|log\s*in|sign\s*in|register|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|main\s+menu|all\s+news|news\s+feed|latest\s+news|top\s+stories|most\s+read|most\s+popular|popular|trending|editor'?s\s+picks?|more\s+news|load\s+more|show\s+more|read\s+more|loading\.*)\s*[:»>]?\s*$"),
        ("related-story link", r"^\s*(?:read\s+(?:also|more|next)|see\s+also|also\s+read|related(?:\s+(?:news|articles?|stories|posts))?|recommended|more\s+on\s+this\s+(?:topic|story)|you\s+may\s+(?:also\s+)?like|don'?t\s+miss)\s*[:»>-].*$"),
        ("related-story link", r"^\s*(?:read\s+(?:also|more)|see\s+also|related(?:\s+(?:news|articles?|stories))?)\s*$"),
        ("advertisement", r"^\s*(?:advertisement|advertising|sponsored(?:\s+content)?|promoted|ad|partner\s+content|\[ad\])\s*$"),
        ("tags line", r"^\s*(?:tags?|keywords|topics)\s*:.*$"),
        ("copyright or legal notice", r"^\s*(?:©|\(c\)|copyright\b).{0,120}$|^.{0,80}\ball\s+rights\s+reserved\b.{0,40}$"),
        ("copyright or legal notice", r"^.{0,40}\b(?:we\s+use\s+cookies|cookie\s+(?:policy|settings)|privacy\s+policy|terms\s+of\s+(?:use|service))\b.{0,80}$"),
        ("photo or video credit", r"^\s*(?:photo|image|illustrative\s+photo|illustration|video|source\s+of\s+photo|pictured)\s*:\s*.{0,80}$|^\s*(?:photo|image)\s+(?:by|credit|courtesy)\b.{0,80}$"),
        ("photo or video credit", r"^\s*(?:getty\s+images|ap\s+photo|reuters/[\w ]+|epa|afp\s+photo|shutterstock|depositphotos)\b.{0,60}$"),
        ("counter or page number", r"^\s*(?:page\s+)?\d[\d\s.,/|·•:]*\s*$"),
        ("reading time", r"^\s*\d+\s*(?:min(?:ute)?s?)\s+read\s*$|^\s*reading\s+time\s*:?.{0,20}$"),
    ]
]


# All chrome patterns in one alternation, so a line costs one regex call, not twenty. The patterns
# are written in lower case and matched against the lower-cased line: several times cheaper than
# re.IGNORECASE, which folds every character it compares. Two alternatives may start anywhere in
# the line ("... All rights reserved.", "... we use cookies ..."); trying them costs most, so they
# run only on lines holding one of their key words.
_ANYWHERE_KEYS = ("reserved", "cookie", "privacy", "terms")


def _alternatives(anywhere: bool) -> re.Pattern:
    branches = []
    for i, (_, pattern) in enumerate(CHROME_PATTERNS):
        for j, alternative in enumerate(pattern.pattern.split("|^")):  # top-level alternatives
            alternative = alternative if alternative.startswith("^") else "^" + alternative
            if alternative.startswith("^.") == anywhere:
                branches.append(f"(?P<c{i}_{j}>{alternative})")
    return re.compile("|".join(branches))


_CHROME_START = _alternatives(anywhere=False)
_CHROME_ANYWHERE = _alternatives(anywhere=True)
_FIRST_ANYWHERE = min(int(name[1:].split("_")[0]) for name in _CHROME_ANYWHERE.groupindex)


def _pattern_index(m: re.Match | None) -> int:
    return int(m.lastgroup[1:].split("_")[0]) if m else len(CHROME_PATTERNS)


def chrome_reason(line: str) -> str:
    """Why a whole line is site chrome (a reason string), or "" if it is not."""
    if not line.strip():
        return ""
    low = line.lower()
    i = _pattern_index(_CHROME_START.match(low))
    # an earlier pattern wins; the key words are _ANYWHERE_KEYS, written out (any() costs 2 µs a line)
    if i > _FIRST_ANYWHERE and ("reserved" in low or "cookie" in low or "privacy" in low or "terms" in low):
        i = min(i, _pattern_index(_CHROME_ANYWHERE.match(low)))
    return CHROME_PATTERNS[i][0] if i < len(CHROME_PATTERNS) else ""


# Line-end tests read the line from its end: a regex such as r"[.!?…][\"'”’»)\]]*\s*$" is
# tried at every full stop of the line, which costs ~30 µs on a flattened 3,000-character page.
_TERMINALS = (".", "!", "?", "…", "。", "！", "？")
_CLOSERS = "\"'”’»)]"


def ends_sentence(line: str) -> bool:
    """True if ``line`` ends in terminal punctuation, perhaps followed by closing quotes or brackets."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in _TERMINALS


def _ends_with(line: str, chars: tuple[str, ...]) -> bool:
    return line.rstrip()[-1:] in chars


# The last sentence of a line, then a capitalised fragment glued on without a space.
_STOPS = (".", "!", "?")
_GLUED_BEFORE = re.compile(r"[a-z0-9)\]%”\"’]")  # the character before the stop


def _glued_tail_start(line: str) -> int:
    """Where a capitalised fragment glued to the line's last sentence begins ("people.Related"), else 0."""
    if line[-2:-1] in _STOPS or line[-1:] in _STOPS:  # most lines end with their last sentence: no tail
        return 0
    dot = max(line.rfind("."), line.rfind("!"), line.rfind("?"))
    if dot < 2 or dot + 2 >= len(line):
        return 0
    if line[dot + 1].isupper() and line[dot + 2].islower() and _GLUED_BEFORE.match(line, dot - 1):
        return dot + 1
    return 0


_ZERO_WIDTH = "\u200b\u200c\u200d\ufeff"
_YEAR = re.compile(r"\d\d\d\d")
_BYLINE_START = re.compile(r"\s*(?:by|author|written|text|reporter)\b", re.IGNORECASE)
_LOWER_WORD = re.compile(r"\b[a-z]{2,}")
_HEAD_START = re.compile(r"[\"'“‘«A-Z0-9А-ЯЁІЇЄҐ]")
_KEY_STEM = re.compile(r"([^\W_]{1,4})[^\W_]*")  # a word (letters, digits), capturing its first four


@lru_cache(maxsize=4096)  # a site repeats its menus, prompts, footers and bylines on every page
def _short_line(line: str, n_words: int) -> tuple[str, pd.Timestamp | None, str]:
    """What a line of at most 25 words (``n_words``) is: ``(reason, date, author)``. The reason is "page date
    line" (with its date), "byline" (with its author, and a date if it gives one: "By Jane Doe, 14 March
    2026"), a chrome reason, or "" for text."""
    if n_words <= 12 and _YEAR.search(line) and DATE_LINE_RE.match(line):
        return "page date line", parse_date(line), ""
    name = sources.byline(line) if n_words <= 12 and _BYLINE_START.match(line) else ""
    if name:
        return "byline", parse_date(line) if _YEAR.search(line) else None, name
    return chrome_reason(line), None, ""


def is_paragraph(line: str, n: int = -1) -> bool:
    """A body paragraph: five or more words ending in terminal punctuation, or a long line.

    ``n`` is the line's word count, if the caller has it (here and below)."""
    n = _effective_words(line, count_words(line) if n < 0 else n)
    ended = ends_sentence(line) or (n >= 12 and _ends_with(line, ('"', "”", "»")))
    return (n >= 5 and ended) or (n >= 40 and _INNER_STOP.search(line) is not None)


# A long line is a (flattened) paragraph only if a sentence ends inside it: a run of archive months
# or menu items glued into one line has none.
_INNER_STOP = re.compile(r"[a-z)\]”\"’%][.!?] +[A-Z\"“]|[。！？]")
#: Characters per word in a line written without spaces between words (Chinese, Japanese): such a
#: line counts one word per this many characters. Two is the usual length of a Japanese word.
CHARS_PER_WORD_UNSPACED = 2


def _effective_words(line: str, n: int) -> int:
    """``n`` white-space words, or for a long line with few spaces (CJK script) its length in words."""
    if len(line) > 15 * (n + 1):
        return max(n, len(line) // CHARS_PER_WORD_UNSPACED)
    return n


def is_sentence(line: str, n: int = -1) -> bool:
    """A short sentence: two or more words, a lower-case word among them, terminal punctuation."""
    s = line.strip()
    return (count_words(s) if n < 0 else n) >= 2 and ends_sentence(s) and bool(_LOWER_WORD.search(s))


def is_headline(line: str, n: int = -1) -> bool:
    """Headline-like: 3 to 25 words, starts with a capital, digit or quote, no terminal full stop."""
    s = line.strip()
    n = count_words(s) if n < 0 else n
    if not 3 <= n <= 25 or not _HEAD_START.match(s):
        return False
    return not _ends_with(s, (".", ";", ","))


@lru_cache(maxsize=4096)
def _key(s: str) -> str:
    """A loose comparison key: lower-case word stems (first four letters), so that a headline
    repeated in title case or with another verb ending ("named"/"Names") still matches."""
    return " ".join(_KEY_STEM.findall(s.casefold()))


@dataclass
class Cleaned:
    """The result of ``clean_article``."""

    text: str = ""
    title: str = ""
    author: str = ""
    page_date: pd.Timestamp | None = None
    page_date_evidence: str = ""
    removed: list[dict] = field(default_factory=list)
    chrome_lines: list[str] = field(default_factory=list)
    n_words_raw: int = 0  # white-space separated words of the input (``len(raw.split())``)
    n_words: int = 0  # ... and of ``text``; both counted from the per-line counts the cleaner needs anyway


def clean_article(raw: str) -> Cleaned:
    """Split a scraped page into headline, byline, page date and body; record every removal."""
    out = Cleaned()
    text = raw.replace("\r\n", "\n").replace("\r", "\n") if "\r" in raw else raw  # (each replace reads the text)
    text = text.replace("\u00a0", " ")
    zero_width = any(ch in text for ch in _ZERO_WIDTH)  # substring checks are fast; a rewrite is not
    if zero_width:
        text = re.sub("[" + _ZERO_WIDTH + "]", "", text)
    lines = list(map(str.rstrip, text.split("\n")))

    def drop(i: int, reason: str) -> None:
        if keep[i]:
            keep[i] = False
            out.removed.append({"text": lines[i].strip(), "reason": reason})
            out.chrome_lines.append(lines[i])

    # 1. glued tails: "...last sentence.Related headline" -> a line of its own after it
    glued: set[int] = set()
    cuts = {i: cut for i, ln in enumerate(lines) if len(ln) > 60 and (cut := _glued_tail_start(ln))}
    if cuts:
        expanded: list[str] = []
        for i, ln in enumerate(lines):
            cut = cuts.get(i, 0)
            if cut and is_headline(ln[cut:]) and len(ln.split(None, 12)) > 12:  # more than 12 words
                expanded.append(ln[:cut])
                glued.add(len(expanded))
                expanded.append(ln[cut:])
            else:
                expanded.append(ln)
        lines = expanded
    keep = list(map(bool, lines))  # lines are right-stripped: a blank line is ""
    nw = list(map(count_words, lines))  # the word count of each line, which most rules below look at
    # a glued tail was cut out of one word, so the split added one word per cut; a zero-width
    # character standing alone between spaces was a word of the input
    out.n_words_raw = len(raw.split()) if zero_width else sum(nw) - len(glued)

    # 2. chrome by pattern, page date lines, bylines
    pattern_reason = {}
    for i, ln in enumerate(lines):
        if not keep[i] or nw[i] > 25:  # chrome lines are short; long lines are text
            continue
        reason, date, name = _short_line(ln, nw[i])
        if not reason:
            continue
        pattern_reason[i] = reason
        out.author = out.author or name
        if out.page_date is None and date is not None:
            out.page_date, out.page_date_evidence = date, ln.strip()

    candidates = [i for i in range(len(lines)) if keep[i] and i not in pattern_reason]
    # the first and the last paragraph (looked for from either end: the lines between them are body anyway)
    first = next((i for i in candidates if i not in glued and is_paragraph(lines[i], nw[i])), None)
    if first is None:  # a page of short lines only: keep every line that is not chrome
        for i, reason in pattern_reason.items():
            drop(i, reason)
        return _finish(out, lines, keep, nw)
    first, last = _main_block(lines, nw, candidates, glued, pattern_reason)
    first = _body_opening(lines, keep, first, pattern_reason)
    last = _closing_lines(lines, nw, keep, last, glued, pattern_reason)

    # 3. headline: repeated headline-like line in the header, else the first headline-like line there
    header = [i for i in candidates if i < first]
    heads = [i for i in header if is_headline(lines[i], nw[i])]
    # (keys of the other short lines are needed only when there are headline-like lines to look up)
    all_keys = [_key(lines[i]) for i in candidates if i not in heads and nw[i] <= 25] if heads else []
    keys = [_key(lines[i]) for i in heads]
    title_idx = None
    for i, k in zip(heads, keys, strict=True):  # a headline the page repeats (header or footer)
        if keys.count(k) > 1 or k in all_keys:
            title_idx = i
            break
    if title_idx is None and heads:  # else the first one, preferring four words or more to a masthead
        longer = [i for i in heads if nw[i] >= 4]
        title_idx = (longer or heads)[0]
    if title_idx is not None:
        out.title = lines[title_idx].strip()
        keep[title_idx] = False  # the headline moves to `title`; it is not chrome
    title_key = _key(out.title)

    # 4. a flattened first paragraph that starts with the headline (and perhaps a byline)
    if not out.title:
        footer_heads = [lines[i].strip() for i in candidates if i > last and is_headline(lines[i], nw[i])]
        para = lines[first]
        # (the line is cut at white space, so the words of the rest are the line's minus those cut off)
        for head in footer_heads:
            n = len(head.split())
            if len(head) < len(para) and _key(" ".join(para.split(None, n)[:n])) == _key(head):
                cut = re.match(rf"\s*(?:\S+\s+){{{n - 1}}}\S+", para).end()
                out.title = para[:cut].strip()
                title_key = _key(out.title)
                person, start = sources.leading_person_at(para, _SPACES.match(para, cut).end())
                out.author = out.author or person
                lines[first], nw[first] = para[start:], nw[first] - n - len(person.split())
                break
        else:
            split = _headline_byline_split(para, nw[first])
            if split:
                out.title, person, start = split
                title_key = _key(out.title)
                out.author = out.author or person
                lines[first], nw[first] = para[start:], nw[first] - count_words(out.title) - len(person.split())

    # 5. classify the rest by zone
    shortest, longest = (0.5 * len(out.title), 2 * len(out.title)) if title_key else (1, 0)  # a repeat's length
    for i in range(len(lines)):
        if not keep[i]:
            continue
        line = lines[i]
        if i in pattern_reason:
            drop(i, pattern_reason[i])
        elif shortest <= len(line) <= longest and _key(line) == title_key:
            drop(i, "repeated headline")
        elif i < first:
            if title_idx is not None and i > title_idx and is_headline(line, nw[i]) and not _is_masthead(line):
                drop(i, "related-story headline between headline and body")
            else:
                drop(i, "page header (masthead or navigation)")
        elif i > last:
            if i in glued:
                drop(i, "navigation glued to the end of the body")
            elif is_headline(line, nw[i]):
                drop(i, "related-story headline after the body")
            else:
                drop(i, "page footer after the body")
    return _finish(out, lines, keep, nw)


# The body is the densest run of sentence paragraphs (a maximum-sum run, as jusText and trafilatura
# judge text blocks): a paragraph counts its words, up to PARAGRAPH_CAP; every other line (menu item,
# teaser headline, "user says:", a date) costs SHORT_LINE_COST; a chrome line found by pattern costs
# CHROME_LINE_COST. Chosen on zyte-articles-dev/text (91 real pages): a run of short lines longer
# than a paragraph's words separates the article from teasers, comments and footers.
PARAGRAPH_CAP = 60
SHORT_LINE_COST = 10
CHROME_LINE_COST = 6


_BODY_ENDS = frozenset({"comment section", "comment prompt"})
# A teaser's summary cut off with an ellipsis in its last word ("The headphones, which ar..."):
# a link to another story, not a paragraph of this one.
_TRUNCATED = re.compile(r"\w(?:\.\.\.|…)$")


_SEPARATORS = "_-—–: \t"
#: a row of a table inside a body: "Total Dead: 192", "Injured: 4,877", "Turnout: 61.5%"
TABLE_ROW = re.compile(r"\s*[A-Z][\w .,'’()/&-]{0,40}:\s*[-+]?\d[\d,.]*\s*%?\s*")
#: the label over such rows: "KENYA:", "Results:"
TABLE_LABEL = re.compile(r"\s*[A-Z][\w .'’&-]{0,30}:\s*")
#: words a lead-in line needs: "The Times said in an editorial:" (shorter lines ending in a colon are labels)
LEAD_IN_MIN_WORDS = 5
_REPORTING_WORDS = frozenset(v for v in lexicon.REPORTING_VERBS if " " not in v)
#: rows a run of label and figure lines needs to be a table of the body, not a footer
MIN_TABLE_ROWS = 2


def _next_text_line(lines: list[str], keep: list[bool], i: int, step: int) -> int | None:
    """The index of the nearest non-blank line still kept, from ``i`` in direction ``step``."""
    while 0 <= i < len(lines):
        if keep[i] and lines[i].strip():
            return i
        i += step
    return None


def is_dateline_line(line: str, following: str = "") -> bool:
    """A line that is a whole wire dateline ("NAIROBI, Kenya (AP) _", "WASHINGTON _"), read with the start of
    the paragraph that follows it (a dash after a bare place needs a sentence after it)."""
    found = sources.find_dateline(f"{line.strip()} {following[:60]}")["dateline"]
    return bool(found) and found.rstrip(_SEPARATORS) == line.strip().rstrip(_SEPARATORS)


def is_lead_in(line: str) -> bool:
    """A line that announces the text after it: it ends in a colon and attributes what follows ("The Times
    said in an editorial on Monday, Oct. 26:"), so it is the body's first line, never a headline."""
    words = line.lower().replace(",", " ").split()
    return line.rstrip().endswith(":") and len(words) >= LEAD_IN_MIN_WORDS \
        and any(w in _REPORTING_WORDS for w in words)


def _body_opening(lines: list[str], keep: list[bool], first: int, pattern_reason: dict) -> int:
    """A dateline or a lead-in on its own line just before the first paragraph opens the body: the new first line."""
    j = _next_text_line(lines, keep, first - 1, -1)
    if j is not None and (is_dateline_line(lines[j], lines[first]) or is_lead_in(lines[j])):
        pattern_reason.pop(j, None)
        return j
    return first


def _table_end(lines: list[str], keep: list[bool], start: int) -> int | None:
    """The last line of a table (a label and ``Label: figure`` rows) starting at ``start``, or None."""
    rows, end, i = 0, None, start
    while (i := _next_text_line(lines, keep, i, 1)) is not None:
        if TABLE_ROW.fullmatch(lines[i]):
            rows, end = rows + 1, i
        elif not TABLE_LABEL.fullmatch(lines[i]):
            break
        i += 1
    return end if rows >= MIN_TABLE_ROWS else None


def _closing_lines(lines: list[str], nw: list[int], keep: list[bool], last: int, glued: set[int],
                   pattern_reason: dict) -> int:
    """The body's last line once it is extended over what still belongs to it after the last paragraph:
    short closing sentences ("Talks resume on Monday.") and tables of figures (a casualty count), up to
    the first chrome or headline-like line."""
    while (i := _next_text_line(lines, keep, last + 1, 1)) is not None:
        table_end = _table_end(lines, keep, i)
        if table_end is not None:
            for j in range(i, table_end + 1):
                pattern_reason.pop(j, None)
            last = table_end
        elif i not in glued and i not in pattern_reason and is_sentence(lines[i], nw[i]):
            last = i
        else:
            break
    return last


def _main_block(lines: list[str], nw: list[int], candidates: list[int], glued: set[int],
                pattern_reason: dict[int, str]) -> tuple[int, int]:
    """The first and last paragraph of the page's densest run of paragraphs (line indices)."""
    best, best_span = 0, None
    run, start = 0, None
    for i in range(len(lines)):
        if not lines[i]:
            continue
        if i in pattern_reason:
            gain = -CHROME_LINE_COST
            if pattern_reason[i] in _BODY_ENDS:  # the article does not go on into its comments
                run, start = 0, None
                continue
        elif i not in glued and is_paragraph(lines[i], nw[i]) and not _TRUNCATED.search(lines[i]):
            gain = min(_effective_words(lines[i], nw[i]), PARAGRAPH_CAP)
        else:
            gain = -SHORT_LINE_COST
        if gain > 0 and (start is None or run <= 0):
            run, start = 0, i
        run += gain
        if start is not None and gain > 0 and run > best:
            best, best_span = run, (start, i)
    return best_span


def _finish(out: Cleaned, lines: list[str], keep: list[bool], nw: list[int]) -> Cleaned:
    out.text = "\n".join([line.strip() for line, k in zip(lines, keep, strict=True) if k])
    out.n_words = sum([n for n, k in zip(nw, keep, strict=True) if k])
    return out


def _is_masthead(line: str) -> bool:
    """A short line that is a media name ("The Example Gazette"): the site's masthead, not a headline."""
    return len(line.split()) <= 4 and sources.is_media_name(line.strip())


_WORD_GAP = re.compile(r"(?<=[a-z0-9’'])\s+(?=[A-Z])")  # white space between a word and a capitalised one
_SPACES = re.compile(r"\s*")
_STOP_CHAR = re.compile(r"[.!?]")


def _headline_byline_split(para: str, n_words: int) -> tuple[str, str, int] | None:
    """Split "headline words Jane Doe After the ..." at the byline when the line is a flattened page
    (``n_words`` is its word count): ``(headline, author, where the text after the byline starts)``."""
    if n_words < 40:
        return None
    for m in _WORD_GAP.finditer(para, 0, 300):
        title = para[: m.start()].strip()
        if count_words(title) < 4 or _STOP_CHAR.search(title):
            continue
        person, start = sources.leading_person_at(para, m.end())
        if person:
            return title, person, start
    return None
