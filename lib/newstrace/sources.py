"""Who published an article and whom it cites: outlet, cited originals, bylines.

General rules of news language, not of any one site:

- **Self-attribution** names the publishing outlet: "X informs" (the formula of
  translated wire copy), "This was reported by X with reference to Y", "X reports,
  citing Y"; a site name in the page footer or masthead ("Follow example.org on ...",
  "© 2025 Example News") is the outlet too.
- **Attribution** names a cited original: "Y writes", "according to Y", "with reference
  to Y", "It is reported by Y", "told Y", "Y: headline", "headline - Y", "(Y) -".
  Only names that look like media count: a known outlet or agency (``KNOWN_OUTLETS``,
  the major international ones), a name holding a media word (Post, Times, News,
  Agency, TV, ...), or a web domain. "according to the General Staff" is a source of
  a figure, not a cited outlet.
- Names are canonicalised: "Washington Post", "the Washington Post" and "WaPo" are all
  "The Washington Post"; a domain "example.org" is "Example".
"""

from __future__ import annotations

import re
from functools import lru_cache, wraps
from typing import NamedTuple

import ahocorasick_rs

from .text import alternation

# Canonical name -> other spellings (lower case). The major international news outlets and
# agencies; a user's own outlets are recognised by the media-word and domain rules.
KNOWN_OUTLETS: dict[str, list[str]] = {
    "Reuters": ["reuters", "thomson reuters"],
    "Associated Press": ["associated press", "ap", "the associated press"],
    "AFP": ["afp", "agence france-presse", "agence france presse", "france-presse"],
    "Bloomberg": ["bloomberg", "bloomberg news"],
    "The Washington Post": ["washington post", "the washington post", "wapo"],
    "The New York Times": ["new york times", "the new york times", "nyt"],
    "The Wall Street Journal": ["wall street journal", "the wall street journal", "wsj"],
    "Financial Times": ["financial times", "the financial times", "ft"],
    "The Guardian": ["guardian", "the guardian"],
    "The Economist": ["economist", "the economist"],
    "The Times": ["the times"],
    "The Telegraph": ["telegraph", "the telegraph", "the daily telegraph"],
    "The Independent": ["the independent"],
    "BBC": ["bbc", "bbc news", "the bbc"],
    "CNN": ["cnn"],
    "CNBC": ["cnbc"],
    "NBC News": ["nbc", "nbc news"],
    "CBS News": ["cbs", "cbs news"],
    "ABC News": ["abc news"],
    "Fox News": ["fox news"],
    "NPR": ["npr"],
    "Politico": ["politico"],
    "Axios": ["axios"],
    "Newsweek": ["newsweek"],
    "Time": ["time magazine"],
    "The Atlantic": ["the atlantic"],
    "Forbes": ["forbes"],
    "Business Insider": ["business insider", "insider"],
    "Al Jazeera": ["al jazeera", "aljazeera"],
    "Deutsche Welle": ["deutsche welle", "dw"],
    "Der Spiegel": ["der spiegel", "spiegel"],
    "Le Monde": ["le monde"],
    "El País": ["el país", "el pais"],
    "Corriere della Sera": ["corriere della sera"],
    "Euronews": ["euronews"],
    "Radio Free Europe/Radio Liberty": ["radio free europe", "radio liberty", "rfe/rl", "radio svoboda"],
    "Voice of America": ["voice of america", "voa"],
    "Xinhua": ["xinhua", "xinhua news agency"],
    "Kyodo": ["kyodo", "kyodo news"],
    "Yonhap": ["yonhap", "yonhap news agency"],
    "TASS": ["tass"],
    "RIA Novosti": ["ria novosti", "ria"],
    "Interfax": ["interfax"],
    "Kommersant": ["kommersant"],
    "Meduza": ["meduza"],
    "Novaya Gazeta": ["novaya gazeta"],
    "Ukrinform": ["ukrinform"],
    "UNIAN": ["unian"],
    "Ukrainska Pravda": ["ukrainska pravda", "ukrainian pravda"],
    "Kyiv Independent": ["kyiv independent", "the kyiv independent"],
    "Kyiv Post": ["kyiv post", "the kyiv post"],
    "Suspilne": ["suspilne"],
    "Institute for the Study of War": ["institute for the study of war", "isw"],
}
_ALIASES = {alias: canon for canon, aliases in KNOWN_OUTLETS.items() for alias in [canon.lower(), *aliases]}

MEDIA_WORDS = frozenset(
    """post times news journal herald tribune guardian telegraph gazette gazeta press agency channel tv
    radio daily mail express independent observer insider pravda wire report chronicle review magazine
    broadcasting broadcaster newspaper media network networks today online info ukraine24 weekly monitor
    bulletin dispatch standard courier sun star mirror examiner inquirer enquirer ledger desk globe sentinel
    beacon messenger digest""".split()
)
TLDS = r"(?:com|org|net|info|news|media|ua|by|ru|uk|co\.uk|de|fr|eu|io|tv|pl|lt|lv|ee|md|ge|kz|am|az|us|ca|au)"
DOMAIN_RE = re.compile(rf"(?<![A-Za-z0-9-])(?:https?://)?(?:www\.)?([A-Za-z0-9][A-Za-z0-9-]*)\.({TLDS})\b", re.IGNORECASE)

# A name: capitalised words (or digits) with inner "of", "&", dots; optional "the"; optionally quoted.
_CAP = r"(?:[A-Z][\w&'’.-]*[\w]|[A-Z]|\d+)"
_SMALL_WORDS = ("of", "de", "der", "della", "la", "di")  # lower-case words inside a name: "Bank of X"
NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:{_CAP}|{'|'.join(_SMALL_WORDS)})){{0,5}}"
QNAME = rf"(?:[\"“«]\s*{NAME}\s*[\"”»]|{NAME})"

_CITE_VERBS = (
    r"writes|wrote|reports|reported|reporting|states|stated|notes|noted|says|said|points out|pointed out|"
    r"emphasizes|emphasized|emphasises|emphasised|claims|claimed|informs|informed|learned|learnt|found|"
    r"adds|added|stresses|stressed|explains|explained|publishes|published|recalls|recalled|cites|cited"
)
# Patterns are anchored on their trigger words (a verb, "according to", ...), never on the
# name, so that the regex engine does not try a name at every capital of the text.
_REF = r"(?:with\s+(?:a\s+)?reference\s+to|citing|referring\s+to)"
_SELF_BY = re.compile(
    rf"(?:reported|written|published|announced)\s+by\s+(?P<name>{QNAME}),?\s+{_REF}\s+(?P<cite>{QNAME})"
)
_SELF_REF_VERB = re.compile(rf"\s+(?:reports|writes|informs|reported|wrote),?\s+{_REF}\s+(?P<cite>{QNAME})")
CITE_AFTER_PHRASES = (
    "according to", "with reference to", "citing", "referring to", "quoted by", "reported by", "reported in",
    "written by", "published by", "published in", "revealed by", "told", "said to", "in an interview with",
    "speaking to", "spoke to",
)
CITE_BEFORE_PHRASES = (
    "interlocutor", "source", "sources", "report", "reports", "article", "investigation",
    *_CITE_VERBS.split("|"),
)
_NAME_START = rf"(?=[A-Z\d\"“«]|[Tt]he\s){QNAME}"
_NAME_AFTER_PHRASE = re.compile(rf"[ \t\n]+(?P<name>{_NAME_START})")  # "according to  Name"
# Inverted attribution after a clause: "..., writes Example Journal." / "...," reports Example News.
_INVERTED_VERBS = ("writes", "wrote", "reports", "reported", "notes", "noted", "informs", "says", "said")
_CITE_INVERTED = re.compile(rf"[,”\"]\s+(?:{'|'.join(_INVERTED_VERBS)})\s+(?P<name>{QNAME})")
_DATELINE = re.compile(rf"\((?P<name>{QNAME})\)\s+[-–—]")
_REF_PHRASES = ("with reference to", "with a reference to", "citing", "referring to")

# --- where the trigger phrases are: built for speed -----------------------------------------
#
# find_outlet and find_cites run on every article of a corpus. Python's regex engine is slow when a
# pattern may start at many places (every capital, every space), and str.lower() is slow on non-ASCII
# text, so the phrases are looked up in a "word view" of the text: bytes that hold one byte per character
# (positions are the text's), ASCII letters lower-cased, letters and digits kept, every other character a
# space. A phrase that stands as a word in the text, in any case, stands as b" phrase" there. Each place
# found is then checked on the text itself with the rules above: the view only decides where to look.
# find_outlet and find_cites run on the same text, an article's body, one after the other: what both
# need is worked out once (``_remember_last``).

_VIEW_TABLE = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))
_NOTHING = object()


def _remember_last(func):
    """``func(text)``, remembered for the last text object it was called with (the result must not be changed)."""
    last = [(_NOTHING, None)]

    @wraps(func)
    def remembered(text: str):
        seen, result = last[0]
        if seen is not text:
            result = func(text)
            last[0] = (text, result)
        return result

    return remembered


def _word_view(text: str) -> bytes:
    """``text`` as one byte per character after one leading space: ASCII letters lower-cased, ASCII letters and
    digits kept, everything else a space. Character ``i`` of the text is byte ``i + 1`` of the view.

    (A view of ``text.lower()`` would not keep the positions: "İ" lower-cases to two characters, which
    shifted every later position by one and missed "according to Reuters" after "İstanbul".)"""
    return b" " + text.encode("ascii", "replace").translate(_VIEW_TABLE)


def _is_phrase_at(text: str, i: int, j: int, phrase: str) -> bool:
    """True if ``text[i:j]`` is ``phrase`` in any case, as a whole word (what the word view only suggests)."""
    return ((i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum())
            and text[i:j].lower() == phrase)


def _ref_matches(text: str, refs: list[tuple[int, int]], pattern: re.Pattern) -> list[re.Match]:
    """Matches of a "... with reference to Y" pattern, searched only near such phrases (``refs``)."""
    found = {}
    for i, j in refs:
        for m in pattern.finditer(text, max(0, i - 160), min(len(text), j + 120)):
            if m.start() <= i < m.end():
                found[m.span()] = m
    return [found[k] for k in sorted(found)]


# One pass over the word view finds every place where a phrase of find_cites may start, and which phrase
# stands there: the longest one that the view at that place begins with, as a regex scan of the view,
# b" (?=(phrase|phrase|...))", gives it (the tests compare the two). An Aho-Corasick automaton finds all
# the phrases in one pass, overlapping, so that a phrase inside another ("reported in an interview with")
# is found too. The regex tried the phrases at every space of the text: ~50 µs an article.
_AFTER_OR_REF = sorted({*CITE_AFTER_PHRASES, *_REF_PHRASES})
_SCAN_PHRASES = sorted({*_AFTER_OR_REF, *CITE_BEFORE_PHRASES, *_INVERTED_VERBS}, key=lambda p: (len(p), p))
# (The automaton holds the phrases without the space before them, which must then be checked: the automaton
# skips ahead to the bytes a phrase can start with, and a space is every sixth byte of a text.)
_PHRASE_AUTOMATON = ahocorasick_rs.BytesAhoCorasick([p.encode() for p in _SCAN_PHRASES])


def _phrase_places(view: bytes) -> list[tuple[int, int]]:
    """(place, index in _SCAN_PHRASES) of the longest phrase at each place of ``view`` where " phrase"
    stands (a prefix of what follows), ascending; the place is the position of the space."""
    longest: dict[int, int] = {}
    for i, start, _ in _PHRASE_AUTOMATON.find_matches_as_indexes(view, overlapping=True):
        # phrases are sorted by length: a larger index is a longer phrase
        if start and view[start - 1] == 32 and i > longest.get(start - 1, -1):
            longest[start - 1] = i
    return sorted(longest.items())


# What may match where the scan found phrase P: P itself, if it is one of CITE_AFTER_PHRASES or _REF_PHRASES
# (none of them begins another phrase, so where one stands it is P; tests check it); a CITE_BEFORE phrase
# or an inverted verb, if one begins P.
_PHRASE_KINDS = [  # index of P -> (P, in CITE_AFTER_PHRASES, rank in _REF_PHRASES or -1, may be before, may be
    (p, p in CITE_AFTER_PHRASES, _REF_PHRASES.index(p) if p in _REF_PHRASES else -1,  # inverted, is "informs")
     p.startswith(tuple(CITE_BEFORE_PHRASES)), p.startswith(_INVERTED_VERBS), p == "informs")
    for p in _SCAN_PHRASES
]
# "Name writes" is one regex in words, kept in tests as the reference:
#   [A-Z\d](?<![\w.&’'-][A-Z\d])[\w.&’'-]*[\"”»]?(?P<ws>[ \t]+)(?:CITE_BEFORE_PHRASES)\b
# a phrase after spaces or tabs, and before them a word that starts with a capital or digit, is not part of a
# longer word and may end with a quote. Anchored on the phrase, the part before it is read backwards, with
# the mirror image of that regex on the reversed text.
_CITE_BEFORE_AT = re.compile("(?:" + alternation(CITE_BEFORE_PHRASES) + r")\b")
_WORD_BEFORE_REVERSED = re.compile(r"([ \t]+)[\"”»]?[\w.&’'-]*[A-Z\d](?![\w.&’'-])")
# ", writes Name": white space, and before it a comma or quote (read backwards too).
_COMMA_BEFORE_REVERSED = re.compile(r"\s+[,”\"]")


# _name_before finds the leftmost place from which QNAME spans the text up to the name's end. A regex
# search for "QNAME,?\s*$" does that but tries every place of a 90-character window and backtracks a lot,
# so the places are narrowed first. A name has at most 9 white-space separated tokens (quote, "the",
# 6 words, quote), and every token but its first one is one word of the name as _CAP or NAME spell it
# (capitalised and ending in a letter or digit, digits, a small word, "the"), perhaps with a closing quote
# after it, or a quote alone: the name starts in the first token, from the right, that is not such a
# word, or further right. The tokens are read backwards with a regex on the reversed text. (A token such
# as "States." ends no inner word of a name, so the search does not try "the United States. Bloomberg".)
_INNER_TOKEN_REVERSED = (
    r"[\"”»]?(?:\w[\w&'’.-]*[A-Z]|[A-Z]|\d+|" + "|".join(w[::-1] for w in (*_SMALL_WORDS, "the", "The")) + ")?"
)
_NAME_TOKENS_REVERSED = re.compile(rf"(?:{_INNER_TOKEN_REVERSED}\s+){{0,8}}\S*")
# The name itself: QNAME up to the end (the lookahead, where QNAME can start, only saves time).
_NAME_TO_END = re.compile(rf"(?=[\"“«A-Z\d]|the\s)(?P<name>{QNAME})\Z")


def _name_before(text: str, at: int, reversed_text: str = "") -> re.Match | None:
    """The name that ends right before position ``at`` (within 90 characters), if any.

    The match spans the name alone: ``start()`` and ``group("name")``. Before the name's end only a comma and
    white space may stand. ``reversed_text`` is ``text[::-1]``, if the caller has it.
    """
    lo = max(0, at - 40)
    word_start = max(text.rfind(" ", lo, at), text.rfind("\n", lo, at), text.rfind("\t", lo, at)) + 1
    first_char = text[word_start:word_start + 1]
    if not (first_char.isupper() or first_char in "\"”»'’" or first_char.isdigit()):
        return None  # "he said", "officials say": no name ends here
    start = max(0, at - 90)
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    # The name ends before ",?\s*": a name never ends with a comma or white space.
    end = at
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
    if reversed_text:
        n = len(text)
        tokens = _NAME_TOKENS_REVERSED.match(reversed_text, n - end, n - start)
        first = end - (tokens.end() - tokens.start())
    else:
        first = end - _NAME_TOKENS_REVERSED.match(text[start:end][::-1]).end()
    return _NAME_TO_END.search(text, first, end)


# Headline forms: "Reuters: Something happened", "Something happened - Reuters".
HEADLINE_PREFIX = re.compile(rf"^(?P<name>{QNAME})\s*:\s+\S")
HEADLINE_SUFFIX = re.compile(rf"\s[-–—|]\s+(?P<name>{QNAME})\s*$")

_LEADING_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:american|british|us|u\.s\.|german|french|russian|ukrainian|western|international|"
    r"british-based|us-based|local|independent|state|news|daily|online)\s+)*"
    r"(?:newspaper|outlet|publication|agency|news\s+agency|broadcaster|channel|magazine|website|portal|"
    r"media|daily|weekly|paper|edition|news\s+site|tv\s+channel)\s+",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def canonical_outlet(name: str) -> str:
    """The canonical spelling of an outlet name: known aliases, quotes and "the newspaper X" removed."""
    n = re.sub(r"[\"“”«»]", "", name or "").strip(" ,.;:'’")
    n = re.sub(r"\s+", " ", n)
    n = _LEADING_WORDS.sub("", n)
    key = n.lower()
    if key in _ALIASES:
        return _ALIASES[key]
    if key.startswith("the ") and key[4:] in _ALIASES:
        return _ALIASES[key[4:]]
    m = DOMAIN_RE.fullmatch(n)
    if m:
        return domain_name(m)
    if key.startswith("the ") and len(n) > 4:  # "the Harbor Times" and "Harbor Times" are one outlet
        return n[4:]
    return n


def domain_name(m: re.Match) -> str:
    """A site's name from a domain match: "example.org" -> "Example", "charter-news.com" -> "Charter-news"."""
    label, tld = m.group(1), m.group(2)
    if tld.isupper():  # a brand that writes its domain in capitals keeps it ("Example.NET")
        return f"{label}.{tld}"
    known = _ALIASES.get(label.lower())
    if known:
        return known
    return label[0].upper() + label[1:]


@lru_cache(maxsize=4096)
def is_media_name(name: str) -> bool:
    """True if ``name`` looks like a news outlet: known, holds a media word, is a domain or starts with digits + media word."""
    n = re.sub(r"[\"“”«»]", "", name).strip()
    if not n:
        return False
    key = n.lower()
    if key in _ALIASES or (key.startswith("the ") and key[4:] in _ALIASES):
        return True
    if DOMAIN_RE.fullmatch(n):
        return True
    tokens = re.findall(r"[a-z0-9]+", key)
    return any(t in MEDIA_WORDS for t in tokens[1:] or tokens) and not _is_generic(tokens)


def _is_generic(tokens: list[str]) -> bool:
    # "the agency", "the newspaper": a reference back, not a name
    content = [t for t in tokens if t not in {"the", "a", "an"}]
    return len(content) <= 1 and (not content or content[0] in MEDIA_WORDS)


def _trim(name: str) -> str:
    """Cut a greedy name match back to its media name: drop trailing lower-case words and verbs."""
    name = name.strip()
    # stop at a sentence-starting "The"/"This" caught inside a name
    parts = name.split()
    while parts and parts[-1].lower() in {"the", "of", "de", "der", "la", "di", "della"}:
        parts.pop()
    return " ".join(parts)


@lru_cache(maxsize=4096)
def _media_candidates(name: str) -> tuple[str, ...]:
    """The media-looking names inside a greedy name match (prefixes, then the whole)."""
    name = _trim(name)
    if not name:
        return ()
    if is_media_name(name):
        return (name,)
    parts = name.split()
    # a name may have swallowed a leading capitalised word ("Thursday Reuters", "As Bloomberg")
    for i in range(1, len(parts)):
        tail = " ".join(parts[i:])
        if is_media_name(tail):
            return (tail,)
    for j in range(len(parts) - 1, 0, -1):
        head = " ".join(parts[:j])
        if is_media_name(head):
            return (head,)
    return ()


def find_outlet(text: str) -> tuple[str, str]:
    """The publishing outlet named by self-attribution in ``text``: ``(name, evidence)`` or ``("", "")``."""
    hits = []
    places = _places(text)
    for start in places.informs:  # "Example News informs."
        at = start
        while at > 0 and text[at - 1] in " \t":
            at -= 1
        n = _name_before(text, at, places.reversed_text) if at < start else None
        if n:
            hits.append((n.start(), n.group("name"), text[n.start():start + len("informs")], True))
    for m in places.self_by:  # "reported by X with reference to Y"
        hits.append((m.start(), m.group("name"), m.group(0), False))
    for m in places.self_ref_verb:  # "X reports with reference to Y"
        n = _name_before(text, m.start(), places.reversed_text)
        if n:
            hits.append((n.start(), n.group("name"), text[n.start():m.end()], False))
    for _, raw, evidence, informs in sorted(hits):
        cands = _media_candidates(raw) or ((_trim(raw),) if informs else ())
        if cands and cands[0]:
            return canonical_outlet(cands[0]), evidence.strip()
    return "", ""


_COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|[Cc]opyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[A-Z][\w.&' -]{1,40}?)(?:[.,|]|\s+All\b|$)"
)


def outlet_from_chrome(lines: list[str], mastheads: list[str] | tuple = ()) -> tuple[str, str]:
    """A site name in removed chrome lines (a domain or "© Name"), else a media name among the page-header
    lines ``mastheads``: ``(name, evidence)`` or ``("", "")``."""
    for line in lines:
        # (the patterns are tried only on lines holding what they need: a copyright mark, a dot)
        m = _COPYRIGHT_NAME.search(line) if "©" in line or "(c)" in line or "opyright" in line else None
        if m and not DOMAIN_RE.search(m.group("name")):
            return canonical_outlet(m.group("name")), line.strip()
        d = DOMAIN_RE.search(line) if "." in line else None
        if d:
            return domain_name(d), line.strip()
    for line in mastheads:  # a masthead: a short header line that is a media name ("The Example Gazette")
        short = line.strip(" !|·•-–—")
        if 0 < len(short.split()) <= 4 and short[:1].isupper() and is_media_name(short):
            return canonical_outlet(short), line.strip()
    return "", ""


def find_cites(text: str, title: str = "", outlet: str = "") -> list[str]:
    """Canonical names of the media ``text`` attributes its story to, in order of first mention.

    ``title`` adds the headline forms "Name: ..." and "... - Name"; ``outlet`` is left out.
    """
    found: list[str] = []

    def add(raw: str) -> None:
        for cand in _media_candidates(raw):
            canon = canonical_outlet(cand)
            if canon and canon != outlet and canon not in found:
                found.append(canon)

    # "Name: headline" needs a colon, "headline - Name" a dash or bar (the patterns backtrack over a title's
    # capitalised words before they fail, so they run only where they can match)
    title = title or ""
    if ":" in title:
        m = HEADLINE_PREFIX.search(title)
        if m:
            add(m.group("name"))
    if "-" in title or "–" in title or "—" in title or "|" in title:
        m = HEADLINE_SUFFIX.search(title)
        if m:
            add(m.group("name"))
    hits = []
    places = _places(text)
    for m in (*places.self_by, *places.self_ref_verb):  # "... with reference to Name"
        hits.append((m.start("cite"), m.group("cite")))
    for _, end in places.after:  # "according to Name"
        n = _NAME_AFTER_PHRASE.match(text, end)
        if n:
            hits.append((n.start("name"), n.group("name")))
    for at in places.before:  # "Name writes": the name ends where the spaces before the verb start
        n = _name_before(text, at, places.reversed_text)
        if n:
            hits.append((n.start(), n.group("name")))
    hits.extend(_inverted_matches(text, places.inverted))  # ", writes Name"
    for m in _DATELINE.finditer(text):  # "(Name) -"
        hits.append((m.start("name"), m.group("name")))
    for _, raw in sorted(hits):
        add(raw)
    return found


def _inverted_matches(text: str, places: list[int]) -> list[tuple[int, str]]:
    """(start, name) of each _CITE_INVERTED match at the ``places`` (ascending), as ``finditer`` gives them:
    a match does not start inside the one before."""
    found = []
    last = 0
    for c in places:
        if c >= last:
            m = _CITE_INVERTED.match(text, c)
            if m:
                found.append((m.start("name"), m.group("name")))
                last = m.end()
    return found


def _trigger_places(text: str, reversed_text: str) -> tuple[list, list, list, list, list]:
    """Where the patterns of find_cites and find_outlet may match, from one scan of the word view:

    - ``after``: (start, end) of each whole-word CITE_AFTER_PHRASES hit, in the order of the text;
    - ``refs``: the same for _REF_PHRASES, phrase by phrase;
    - ``before``: where the spaces before a CITE_BEFORE_PHRASES phrase start, after a capitalised word;
    - ``inverted``: each "," or quote followed by white space and a verb, where _CITE_INVERTED may match;
    - ``informs``: where the whole word "informs" starts.

    ``reversed_text`` is ``text[::-1]``.
    """
    after, refs, before, inverted, informs = [], [], [], [], []
    n = len(text)
    for q, index in _phrase_places(_word_view(text)):
        # the phrase starts at text[q] (byte q + 1 of the view); n - q in reversed_text is q - 1
        phrase, is_after, ref_rank, may_be_before, may_be_inverted, is_informs = _PHRASE_KINDS[index]
        if is_after or ref_rank >= 0 or is_informs:
            j = q + len(phrase)
            if _is_phrase_at(text, q, j, phrase):
                if is_after:
                    after.append((q, j))
                if ref_rank >= 0:
                    refs.append((ref_rank, q, j))
                if is_informs:
                    informs.append(q)
        if (may_be_before or may_be_inverted) and q > 0 and text[q - 1].isspace():
            if may_be_before and text[q - 1] in " \t":
                w = _WORD_BEFORE_REVERSED.match(reversed_text, n - q)
                if w and _CITE_BEFORE_AT.match(text, q):
                    before.append(n - w.end(1))  # where the spaces start
            if may_be_inverted:
                c = _COMMA_BEFORE_REVERSED.match(reversed_text, n - q)
                if c:
                    inverted.append(n - c.end())
    refs = [(i, j) for _, i, j in sorted(refs)]
    return after, refs, before, inverted, informs


class _Places(NamedTuple):
    reversed_text: str  # the text backwards: the word and the name before a phrase are read on it
    after: list
    before: list
    inverted: list
    informs: list
    self_by: list  # matches of _SELF_BY ("reported by X with reference to Y"), and
    self_ref_verb: list  # of _SELF_REF_VERB (" reports with reference to Y"), searched near the _REF_PHRASES


@_remember_last
def _places(text: str) -> _Places:
    """The trigger places of ``text`` (``_trigger_places``) and the matches near "with reference to"."""
    reversed_text = text[::-1]
    after, refs, before, inverted, informs = _trigger_places(text, reversed_text)
    self_by = _ref_matches(text, refs, _SELF_BY) if refs else []
    self_ref_verb = _ref_matches(text, refs, _SELF_REF_VERB) if refs else []
    return _Places(reversed_text, after, before, inverted, informs, self_by, self_ref_verb)


# --- bylines ------------------------------------------------------------------------------

_PERSON = r"[A-Z][a-zà-ÿ'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+|van|von|de|del|da|di|le|al|bin)){1,3}"
_GENERIC_AUTHOR = r"(?:[Ss]taff|[Oo]ur|[Aa]n?|[Tt]he)\s+[\w -]{2,30}?|[Ss]taff"
BYLINE_RE = re.compile(
    rf"^\s*(?:[Bb]y|BY|[Aa]uthor:|[Ww]ritten\s+by|[Tt]ext:|[Rr]eporter:)\s+"
    rf"(?P<name>{_PERSON}(?:\s+(?:and|&)\s+{_PERSON})*|{_GENERIC_AUTHOR})"
    r"\s*(?:[,|/–—-]\s*[\w .&'-]{0,60}){0,3}\s*$"
)
# Capitalised words that start sentences and so end a name run: "Jane Doe After the vote ..."
FUNCTION_WORDS = frozenset(
    """a an the in on at as after before since while when during despite although though but and or
    if this that these those it its he she they we his her their our there here what why how who
    according meanwhile however yet so for from to with without over under about amid following
    earlier later last next today yesterday tomorrow on monday tuesday wednesday thursday friday
    saturday sunday officials russian ukrainian american president""".split()
)


def byline(line: str) -> str:
    """The author named by a byline line ("By Jane Doe", "Author: Jane Doe"), else ""."""
    m = BYLINE_RE.match(line)
    return m.group("name").strip() if m else ""


_LEADING_NAME = re.compile(r"((?:[A-Z][a-zà-ÿ'’-]+\s+){1,3})(?=[A-Z][a-z]*\b)")
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]*")


def leading_person(text: str) -> str:
    """A person's name at the start of ``text`` followed by a sentence start: "Jane Doe After ..." -> "Jane Doe"."""
    return leading_person_at(text)[0]


def leading_person_at(text: str, pos: int = 0) -> tuple[str, int]:
    """``leading_person`` of the text from ``pos`` on: ``(name, end)``, where ``end`` is where the text after
    the name and the white space after it starts; ``("", pos)`` if no name stands there."""
    m = _LEADING_NAME.match(text, pos)
    if not m:
        return "", pos
    tokens = m.group(1).split()
    nxt = _CAPITALISED_WORD.match(text, m.end()).group(0)
    if nxt.lower() not in FUNCTION_WORDS:
        return "", pos
    if len(tokens) < 2 or any(t.lower() in FUNCTION_WORDS or t.lower() in MEDIA_WORDS for t in tokens):
        return "", pos
    return " ".join(tokens), m.end()
