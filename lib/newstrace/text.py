"""Plain-text helpers shared by every stage: words, sentence spans, language.

Sentence splitting is rule-based and keeps character offsets:

- a boundary is terminal punctuation (``. ! ? …``, with any closing quotes or brackets)
  followed by white space and a capital, digit or opening quote, or a line break;
- abbreviations (``Dr.``, ``Gen.``, ``U.S.``, ``Feb.``), initials (``J. Smith``),
  decimals and thousands (``3.5``, ``150,000``) and ranges (``2-3 years``) are not boundaries;
- a full stop glued to the next sentence (``people.What``) is a boundary when a
  lower-case word precedes it and a capitalised word follows (``Example.com`` is not).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import repeat

WORD_RE = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

# Abbreviations after which a full stop does not end a sentence (lower-cased, no dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cpt maj adm cmdr gov sen rep rev fr st jr sr
    pres supt insp det cpl pvt brig hon amb
    inc ltd co corp bros plc llc dept univ assn est
    vs etc al approx ca cf e.g i.e viz no nos vol pp fig ed eds op
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a u.s.s.r a.m p.m d.c n.y
    mt ft km kg sq mln bn
    """.split()
)

_BOUNDARY_RE = re.compile(
    r"""
    (?P<punct>[.!?…]+)            # terminal punctuation
    (?P<close>["'”’»)\]]*)        # closing quotes or brackets belong to the sentence
    (?P<space>[ \t]+)             # then white space on the same line
    (?=["'“‘«(\[]?[A-Z0-9А-ЯЁІЇЄҐ])  # and a capital, digit or opening quote
    """,
    re.VERBOSE,
)
_GLUED_RE = re.compile(r"(?<=[a-zа-яё]{2}[.!?])(?=[A-ZА-ЯЁІЇЄҐ][a-zа-яёіїєґ])")
_TOKEN_BEFORE_RE = re.compile(r"([\w.]+)$")


def alternation(words) -> str:
    """A regex alternation of literal ``words`` written as a prefix tree: "(?:a(?:dds|dded)|...)".

    It matches what ``"|".join`` of the words, longest first, matches, but the regex engine compares
    one character per level instead of trying every word in turn, which is several times faster for
    long word lists. Case-sensitive: pass lower-case words with ``re.IGNORECASE`` only when no two
    words differ by case.
    """
    tree: dict = {}
    for w in set(words):
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if "" in node:  # a word ends here; longer words were tried first
            branches.append("")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, with inner apostrophes and hyphens)."""
    return WORD_RE.findall(text)


# str.split builds one string per word; on a long ASCII line, marking the white-space bytes " " and the
# others "x" and counting where a word starts (" x") costs a third of that. On text with characters above
# ASCII str.split is the cheaper one (the text must be encoded first, and may hold non-ASCII spaces).
_SPACE_MARKS = bytes(32 if chr(b).isspace() else 120 for b in range(128)) + b"x" * 128


def count_words(text: str) -> int:
    """How many words ``text`` has: white-space separated tokens, exactly ``len(text.split())``."""
    if len(text) < 150 or not text.isascii():  # (isascii reads a flag of the string: no scan)
        return len(text.split())
    marks = text.encode("ascii").translate(_SPACE_MARKS)
    return marks.count(b" x") + (marks[:1] == b"x")


def _is_abbreviation(before: str) -> bool:
    m = _TOKEN_BEFORE_RE.search(before)
    if not m:
        return False
    token = m.group(1)
    bare = token.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return True
    if len(bare) == 1 and bare.isalpha() and token[0].isupper():  # an initial: "J. Smith"
        return True
    # dotted acronyms such as "U.S" or "a.m" (the final dot is the candidate boundary)
    return bool(re.fullmatch(r"(?:[A-Za-z]\.){1,4}[A-Za-z]", token.rstrip(".")))


def _line_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cuts = []
    segment = text[start:end]
    for m in _BOUNDARY_RE.finditer(segment):
        before = segment[max(0, m.start("punct") - 64): m.start("punct")]  # the token before the stop
        if m.group("punct") == "." and not m.group("close") and _is_abbreviation(before):
            continue
        cuts.append((m.end("close"), m.end("space")))
    for m in _GLUED_RE.finditer(segment):
        cuts.append((m.start(), m.start()))
    cuts.sort()
    pos = 0
    for sent_end, next_start in cuts:
        if sent_end > pos:
            yield _strip(text, start + pos, start + sent_end)
        pos = next_start
    if pos < len(segment):
        yield _strip(text, start + pos, end)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character offsets of the sentences of ``text``; line breaks always split."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.extend((a, b) for a, b in _line_sentences(text, pos, end) if b > a)
        pos = end + 1
    return spans


# --- language ------------------------------------------------------------------------------

_STOPWORDS = {
    "en": "the of and to in is that for it was on with as by at from this are be has have not which said".split(),
    "de": "der die und das ist nicht ein eine zu den mit von sich auf für dem des im auch wird wurde".split(),
    "fr": "le la les et des est une un du que pour dans pas qui sur au par il elle a été avec".split(),
    "es": "el la los las y de que en un una es por con para del se no al lo como más fue".split(),
    "it": "il la di che e un una per non sono del della con gli le nel al si è anche".split(),
    "pt": "o a os as de que e do da em um uma para com não no na por se foi mais".split(),
    "nl": "de het een en van is dat op te in niet zijn voor met die er aan ook werd".split(),
    "pl": "i w nie na się z że do to jest o jak ale po co tak za od przez być".split(),
    "uk": "і в на що не з до та це як за від але його у є було про він вона їх".split(),
    "ru": "и в не на что с по как это он она к но из у за от о бы же был было".split(),
}
_PUNCT = ".,;:!?\"'()[]«»“”‘’—–-…*/"
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")  # the UTF-8 lead bytes of U+0400..U+04FF, and of nothing else


def _count_cyrillic(text: str) -> int:
    """How many characters of ``text`` are in the Cyrillic block U+0400..U+04FF (counted in UTF-8 by their
    lead bytes: a byte count is several times cheaper than a regex that tests every character)."""
    data = text.encode("utf-8", "surrogatepass")
    return sum(map(data.count, _CYRILLIC_LEADS))


_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in set(_words):
        _WORD_LANGS[_w] = (*_WORD_LANGS.get(_w, ()), _lang)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the main language of ``text`` by stop-word profile, "" if unsure.

    Covers en, de, fr, es, it, pt, nl, pl, uk, ru; Ukrainian and Russian are also told
    apart by letters only one of them uses (і ї є ґ / ы э ъ).
    """
    sample = text[:700]
    lowered = sample.lower()
    # words with punctuation stripped and the stop words among them, both in C (map, filter): a
    # Python loop over every token cost twice as much
    tokens = list(map(str.strip, lowered.split(), repeat(_PUNCT)))
    n_tokens = len(tokens) - tokens.count("")
    if not n_tokens:
        return ""
    scores = dict.fromkeys(_STOPWORDS, 0)
    for word, k in Counter(filter(_WORD_LANGS.__contains__, tokens)).items():  # each stop word once
        for lang in _WORD_LANGS[word]:
            scores[lang] += k
    cyrillic = 0 if sample.isascii() else _count_cyrillic(sample)
    if cyrillic > 0.25 * len(sample):
        uk = len(re.findall(r"[іїєґ]", lowered))
        ru = len(re.findall(r"[ыэъ]", lowered))
        if uk or ru:
            return "uk" if uk >= ru else "ru"
        return "uk" if scores["uk"] >= scores["ru"] else "ru"
    best = max(scores, key=scores.__getitem__)  # the first of the best, as before
    if scores[best] < max(2, 0.05 * n_tokens):
        return ""
    return best
