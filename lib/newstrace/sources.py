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

import csv
import re
from functools import lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import ahocorasick_rs

from . import lexicon
from .errors import CorpusError
from .text import alternation

# --- rules as data ---------------------------------------------------------------------------
#
# Outlet names: ``data/outlets.csv`` (canonical, alias, kind, domain), one row per spelling, lower case; the
# major international outlets and the world's news agencies. A corpus folder may extend it with its own
# ``outlets.csv`` (``use_corpus_outlets``). A user's other outlets are recognised by the media-word and
# domain rules. Attribution phrases: ``data/attribution.csv`` (phrase, position, example, reason); the
# reporting verbs come from the shared ``lexicon``.

OUTLET_COLUMNS = ("canonical", "alias", "kind", "domain")
OUTLET_KINDS = frozenset({"agency", "newspaper", "broadcaster", "magazine", "site", "research"})


def read_outlets(path: str | Path) -> list[dict[str, str]]:
    """The rows of an outlets table (columns canonical, alias, kind, domain), checked; ``CorpusError`` names
    the file and the reason when a column is missing or a row is empty or of an unknown kind."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("canonical", "alias") if c not in (reader.fieldnames or [])]
            if missing:
                raise CorpusError(path, f"outlets table without column(s) {', '.join(missing)}")
            rows = [{c: (row.get(c) or "").strip() for c in OUTLET_COLUMNS} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CorpusError(path, f"outlets table cannot be read ({exc})") from exc
    for n, row in enumerate(rows, start=2):
        if not row["canonical"] or not row["alias"]:
            raise CorpusError(path, f"line {n}: a row needs both a canonical name and an alias")
        if row["kind"] and row["kind"] not in OUTLET_KINDS:
            raise CorpusError(path, f"line {n}: unknown kind {row['kind']!r} (one of {', '.join(sorted(OUTLET_KINDS))})")
    return rows


def _packaged(name: str) -> Path:
    return Path(str(resources.files("newstrace").joinpath(f"data/{name}")))


def _outlet_table(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for row in rows:
        aliases = table.setdefault(row["canonical"], [])
        alias = row["alias"].lower()
        if alias != row["canonical"].lower() and alias not in aliases:
            aliases.append(alias)
    return table


def _read_attribution() -> dict[str, tuple[str, ...]]:
    """The phrases of ``data/attribution.csv`` by position, in the file's order: ``after`` (the outlet follows:
    "according to X"), ``before`` (it precedes: "X reported"), ``inverted`` (", writes X"), ``noun`` (a media noun
    beside a name: "the X newspaper", "news agency X")."""
    by_position: dict[str, list[str]] = {"after": [], "before": [], "inverted": [], "noun": []}
    with _packaged("attribution.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_position[row["position"]].append(row["phrase"].strip().lower())
    return {k: tuple(v) for k, v in by_position.items()}


# Canonical name -> other spellings (lower case), from the packaged table.
KNOWN_OUTLETS: dict[str, list[str]] = _outlet_table(read_outlets(_packaged("outlets.csv")))
_BASE_ALIASES = {alias: canon for canon, aliases in KNOWN_OUTLETS.items() for alias in [canon.lower(), *aliases]}
_ALIASES = dict(_BASE_ALIASES)
_corpus_outlets: list[Path | None] = [None]  # the folder whose outlets.csv extends the table now


def use_corpus_outlets(folder: str | Path | None) -> None:
    """Recognise the outlets of ``folder/outlets.csv`` (if there is one) besides the packaged ones, from now
    on; ``None`` or a folder without the file goes back to the packaged table. ``load_corpus`` calls it."""
    extra = Path(folder) / "outlets.csv" if folder is not None else None
    extra = extra if extra is not None and extra.is_file() else None
    if extra == _corpus_outlets[0] and extra is None:
        return
    _ALIASES.clear()
    _ALIASES.update(_BASE_ALIASES)
    if extra is not None:
        for canon, aliases in _outlet_table(read_outlets(extra)).items():
            for alias in [canon.lower(), *aliases]:
                _ALIASES[alias] = canon
    _corpus_outlets[0] = extra
    canonical_outlet.cache_clear()
    is_media_name.cache_clear()
    _media_candidates.cache_clear()


MEDIA_WORDS = frozenset(
    """post times news journal herald tribune guardian telegraph gazette gazeta press agency channel tv
    radio daily mail express independent observer insider pravda wire report chronicle review magazine
    broadcasting broadcaster newspaper media network networks today online info ukraine24 weekly monitor
    bulletin dispatch standard courier sun star mirror examiner inquirer enquirer ledger desk globe sentinel
    beacon messenger digest argus intelligencer courant advertiser clarion statesman register television
    telegram picayune""".split()
)
# A media word followed by one of these makes an office or a job, not an outlet: "Press Secretary", "Media Office".
NOT_MEDIA_AFTER = frozenset(
    """secretary secretaries officer officers office offices spokesman spokeswoman spokesperson service
    council conference release releases gallery corps freedom""".split()
)
# "agency" makes an outlet only as a news, press or telegraph agency: "European Space Agency" is no outlet.
AGENCY_QUALIFIERS = frozenset({"news", "press", "telegraph", "information", "wire"})
# A name ending in a company's legal form is the company: "Harbour Media Holdings PLC said" cites no outlet.
COMPANY_SUFFIXES = frozenset({"plc", "inc", "corp", "corporation", "co", "cos", "ltd", "llc", "holdings", "ag", "nv"})
# Capitalised words that begin a sentence and are caught at the front of a name: "But The Harbor News reported".
LEADING_NON_NAME = frozenset(
    """a an but and or as so yet while when after before since because if though although meanwhile however
    also then now earlier later in on at by for from with without to this that these those it its his her
    their""".split()
)
TLDS = r"(?:com|org|net|info|news|media|ua|by|ru|uk|co\.uk|de|fr|eu|io|tv|pl|lt|lv|ee|md|ge|kz|am|az|us|ca|au)"
DOMAIN_RE = re.compile(rf"(?<![A-Za-z0-9-])(?:https?://)?(?:www\.)?([A-Za-z0-9][A-Za-z0-9-]*)\.({TLDS})\b", re.IGNORECASE)

# A name: capitalised words (or digits) with inner "of", "&", dots; optional "the"; optionally quoted.
_CAP = r"(?:[A-Z][\w&'’.-]*[\w]|[A-Z]|\d+)"
_SMALL_WORDS = ("of", "de", "der", "della", "la", "di")  # lower-case words inside a name: "Bank of X"
NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:{_CAP}|of\s+the|{'|'.join(_SMALL_WORDS)})){{0,5}}"  # "Ann Lee of the Harbor Times"
QNAME = rf"(?:[\"“«]\s*{NAME}\s*[\"”»]|{NAME})"

_ATTRIBUTION = _read_attribution()
# Patterns are anchored on their trigger words (a verb, "according to", ...), never on the
# name, so that the regex engine does not try a name at every capital of the text.
_REF = r"(?:with\s+(?:a\s+)?reference\s+to|citing|referring\s+to)"
_SELF_BY = re.compile(
    rf"(?:reported|written|published|announced)\s+by\s+(?P<name>{QNAME}),?\s+{_REF}\s+(?P<cite>{QNAME})"
)
_SELF_REF_VERB = re.compile(rf"\s+(?:reports|writes|informs|reported|wrote),?\s+{_REF}\s+(?P<cite>{QNAME})")
CITE_AFTER_PHRASES = _ATTRIBUTION["after"]  # "according to Name"
CITE_BEFORE_PHRASES = (*_ATTRIBUTION["before"], *lexicon.REPORTING_VERBS)  # "Name writes"
_NAME_START = rf"(?=[A-Z\d\"“«]|[Tt]he\s){QNAME}"
_NAME_AFTER_PHRASE = re.compile(rf"[ \t\n]+(?P<name>{_NAME_START})")  # "according to  Name"
# Inverted attribution after a clause: "..., writes Example Journal." / "...," reports Example News.
_INVERTED_VERBS = _ATTRIBUTION["inverted"]
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
    n = re.sub(r"(?<=\w)['’]s$", "", n)  # "Harbour News's" -> "Harbour News"
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
    if tokens and tokens[-1] in COMPANY_SUFFIXES:
        return False
    return any(_is_media_word(tokens, k) for k in range(1 if len(tokens) > 1 else 0, len(tokens))) and not _is_generic(tokens)


def _is_media_word(tokens: list[str], k: int) -> bool:
    """True if ``tokens[k]`` makes the name a media name: a media word not followed by a job or an office word
    ("Press Secretary"), and "agency" only after news/press ("Harbour News Agency", not "Space Agency")."""
    t = tokens[k]
    if t not in MEDIA_WORDS or (k + 1 < len(tokens) and tokens[k + 1] in NOT_MEDIA_AFTER):
        return False
    return t != "agency" or (k > 0 and tokens[k - 1] in AGENCY_QUALIFIERS)


# Media words that are common nouns: alone ("the agency", "the paper") they refer back, they name nothing.
# The others are title words: "the Intelligencer", "the Courant" name a paper.
GENERIC_MEDIA_WORDS = frozenset(
    """post times news journal press agency channel tv radio daily mail express independent observer insider
    wire report review magazine broadcasting broadcaster newspaper media network networks today online info
    weekly monitor bulletin dispatch standard sun star mirror ledger desk globe digest register television""".split()
)


def _is_generic(tokens: list[str]) -> bool:
    # "the agency", "the newspaper": a reference back, not a name
    content = [t for t in tokens if t not in {"the", "a", "an"}]
    return len(content) <= 1 and (not content or content[0] in GENERIC_MEDIA_WORDS)


def _trim(name: str) -> str:
    """Cut a greedy name match back to its media name: drop trailing lower-case words and verbs."""
    name = name.strip()
    # stop at a sentence-starting "The"/"This" caught inside a name
    parts = name.split()
    while parts and parts[-1].lower() in {"the", "of", "de", "der", "la", "di", "della"}:
        parts.pop()
    while len(parts) > 1 and parts[0].lower() in LEADING_NON_NAME:  # "But The Harbor News" -> "The Harbor News"
        parts.pop(0)
    return " ".join(parts)


@lru_cache(maxsize=4096)
def _media_candidates(name: str) -> tuple[str, ...]:
    """The media-looking names inside a greedy name match (prefixes, then the whole)."""
    name = _trim(name)
    if not name:
        return ()
    parts = name.split()
    if parts[-1].lower().strip(".,") in COMPANY_SUFFIXES:
        return ()  # "Harbour Media Holdings PLC": a company, never cut down to an outlet
    if name.lower() in _ALIASES:
        return (name,)
    of = re.split(r"\s+of\s+(?=(?:the\s+)?[A-Z])", name)
    if len(of) > 1 and is_media_name(of[-1]):  # "Ann Lee of the Harbor Times": the reporter's outlet
        return (of[-1],)
    joined = _joined_media(name)
    if joined:
        return joined
    if is_media_name(name):
        return (name,)
    # a name may have swallowed a leading capitalised word ("Thursday Reuters", "As Bloomberg")
    for i in range(1, len(parts)):
        tail = " ".join(parts[i:])
        if is_media_name(tail):
            return (tail,)
    for j in range(len(parts) - 1, 0, -1):
        head = " ".join(parts[:j])
        if parts[j].lower() in NOT_MEDIA_AFTER:  # "White House Press | Secretary": a job, not an outlet
            continue
        if is_media_name(head):
            return (head,)
    return ()


def _joined_media(name: str) -> tuple[str, ...]:
    """Two outlets joined by a slash or a hyphen, each of two words or more or known: "Harbour News/Valley Times"
    (a joint poll) -> both; "Harbor Post-Gazette" is one name."""
    parts = [p.strip() for p in re.split(r"(?<=\w)[/-](?=[A-Z])", name)]
    if len(parts) != 2:
        return ()
    if all(is_media_name(p) and (len(p.split()) > 1 or p.lower() in _ALIASES) for p in parts):
        return tuple(parts)
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
    hits.extend(_media_noun_names(text, places.reversed_text))  # "the Name newspaper", "news agency Name"
    hits.extend(_journalist_outlets(text, places.reversed_text))  # "Harbour News' Ann Lee"
    agency = find_dateline(text)["agency"] if text[:1] != " " or text[:DATELINE_MAX_CHARS].strip() else ""
    if agency:  # the wire a newspaper's story comes from: "NAIROBI, Kenya (AP) _"
        hits.append((0, agency))
    for m in _DATELINE.finditer(text):  # "(Name) -" further on
        hits.append((m.start("name"), m.group("name")))
    for _, raw in sorted(hits):
        if raw.startswith(_NOUN_MARK):
            if raw[1:] != outlet and raw[1:] not in found:
                found.append(raw[1:])
        else:
            add(raw)
    return _drop_back_references(found)


def _drop_back_references(found: list[str]) -> list[str]:
    """Without second references: "the Times" after "The Harbor Times" is the same paper, not another one."""
    def last_word(name: str) -> str:
        return name.split()[-1].lower() if name else ""

    short = {n for n in found if len(re.sub(r"^The\s+", "", n).split()) == 1}
    return [n for n in found if not (n in short and any(m != n and len(m.split()) > 1 and last_word(m) == last_word(n)
                                                            for m in found))]


# --- media nouns: "the Harbor newspaper said", "the news agency Harbour Press" ------------------------------
_MEDIA_NOUNS = tuple(_ATTRIBUTION["noun"])
# The nouns (and the agency names "... News Agency") are found in one pass of an automaton over the word view,
# as the attribution phrases are; each place is then checked on the text.
_AGENCY_WORDS = ("news agency", "press agency", "telegraph agency")
_NOUN_PHRASES = sorted({*_MEDIA_NOUNS, *_AGENCY_WORDS})
_NOUN_AUTOMATON = ahocorasick_rs.BytesAhoCorasick([p.encode() for p in _NOUN_PHRASES])
# a name in apposition before a media noun, read on the text before the noun: "Uhuru, or Freedom, a Swahili
# newspaper owned by the party", "Maariv, the Israeli daily, said" (with "the", a comma must follow the noun:
# not "X, the newspaper writes")
_APPOSITION_BEFORE = re.compile(
    rf"(?<![\w’'])(?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})(?:,\s+or\s+{_CAP}(?:\s+{_CAP}){{0,2}})?,\s+"
    r"(?:(?P<a>an?)|the)\s+(?:[\w-]+\s+){0,3}?\Z")
_APPOSITION_NOUNS = frozenset({"newspaper", "news agency", "press agency", "daily", "weekly", "broadcaster",
                               "news website", "magazine"})
# an owner's or buyer's clause lists titles as property, not as sources: "Example Co. publishes the Harbor weekly"
_BUSINESS_BEFORE = re.compile(
    r"\b(?:publish(?:es|ed|ing)?|owns|owned|owner\s+of|bought|buys|acquired|acquires|sold|sells|purchase\s+of)\b[^.;]*\Z")
# after the noun, a business word makes it an industry or a company: "the Harbor newspaper chain"
_NOUN_BUSINESS_AFTER = re.compile(
    r"\s+(?:chain|chains|group|company|companies|industry|business|businesses|publisher|owner|owners|empire|"
    r"division|unit|market|executive|executives|heir|magnate|tycoon|reporter|reporters|editor|editors|"
    r"columnist|correspondent|journalist|journalists|photographer|critic|writer|vendor|delivery|ad|ads)\b")
# a single capitalised word with a demonym's or language's ending describes the outlet: "a Swahili newspaper"
_DEMONYM = re.compile(r"[A-Z][a-z]*(?:an|ese|ish|ic|ch|i)(?:-language)?")
_NOUN_MARK = "\x00"  # a name found by a media noun needs no media word (find_cites adds it as it is)
_NAMES_BEFORE_NOUN = ("newspaper", "news agency", "press agency", "weekly", "magazine", "news website", "radio", "television")
_NAMES_AFTER_NOUN = ("newspaper", "news agency", "press agency", "daily", "weekly", "magazine", "broadcaster")
_CALENDAR_WORDS = frozenset(w.capitalize() for w in (*lexicon.MONTHS, *lexicon.WEEKDAYS))


def _media_noun_names(text: str, reversed_text: str) -> list[tuple[int, str]]:
    """(start, marked name) of the outlets that a media noun names: "The Maariv newspaper said" -> Maariv,
    "the news agency IRNA reported" -> IRNA, "Israel radio reported" -> Israel Radio, "Uhuru, a Swahili
    newspaper" -> Uhuru, "the official Kessel News Agency" -> Kessel News Agency. Not "a Swahili newspaper"
    (a description), nor "the Harbor newspaper chain" (a company)."""
    hits: list[tuple[int, str]] = []
    view = _word_view(text)
    for index, start, end in _NOUN_AUTOMATON.find_matches_as_indexes(view, overlapping=True):
        # a whole word in the view: a space (or the view's edge) on both sides; text[start - 1:end - 1] is it
        if view[start - 1] != 32 or (end < len(view) and view[end] != 32):
            continue
        q, noun = start - 1, _NOUN_PHRASES[index]
        written = text[q:q + len(noun)]
        if written in ("News Agency", "Press Agency", "Telegraph Agency"):
            hits.extend(_agency_name(text, q + len(noun), reversed_text))
        elif written == noun:
            hits.extend(_noun_hits(text, q, noun, reversed_text))
    return hits


def _agency_name(text: str, end: int, reversed_text: str) -> list[tuple[int, str]]:
    """The agency named in full before ``end``: "the official Kessel News Agency" -> Kessel News Agency."""
    n = _name_before(text, end, reversed_text)
    if n and n.end() == end and len(n.group("name").split()) > 2:
        return [(n.start(), _NOUN_MARK + canonical_outlet(_trim(n.group("name"))))]
    return []


def _noun_hits(text: str, q: int, noun: str, reversed_text: str) -> list[tuple[int, str]]:
    """The outlets named beside the media noun that starts at ``text[q]``: before it ("the Maariv newspaper"),
    after it ("news agency IRNA") or in apposition ("Uhuru, a Swahili newspaper")."""
    hits = []
    end = q + len(noun)
    business = _NOUN_BUSINESS_AFTER.match(text, end)
    if noun in _NAMES_BEFORE_NOUN and not business and not _BUSINESS_BEFORE.search(text, max(0, q - 80), q):
        at = q
        while at > 0 and text[at - 1] in " \t":
            at -= 1
        n = _name_before(text, at, reversed_text) if at < q else None
        name = _noun_name(n.group("name") if n else "", text[max(0, q - 60):q])
        if name:
            hits.append((n.start(), _NOUN_MARK + (f"{name} {noun.title()}" if noun in {"radio", "television"} else name)))
    if noun in _NAMES_AFTER_NOUN:
        n = _NAME_AFTER_PHRASE.match(text, end)
        name = _noun_name(n.group("name") if n else "", "")
        if name and "\n" not in text[end:n.start("name")]:
            hits.append((n.start("name"), _NOUN_MARK + name))
    if noun in _APPOSITION_NOUNS and not business and text.rfind(",", max(0, q - 60), q) >= 0:
        m = _APPOSITION_BEFORE.search(text, max(0, q - 90), q)
        if m and (m.group("a") or text[end:end + 1] == ","):
            name = _noun_name(m.group("name"), "")
            if name:
                hits.append((m.start("name"), _NOUN_MARK + name))
    return hits


_POSSESSIVE_PERSON = re.compile(r"['’]s?\s+[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\s+[A-Z][a-z]+(?:[ -][A-Z][a-z'’]+)?\b(?!\s+[A-Z])")


def _journalist_outlets(text: str, reversed_text: str) -> list[tuple[int, str]]:
    """(start, name) of outlets named by a possessive before a person's name: "Harbour News' Ann Lee",
    "the BBC's Ann Lee asked" (the outlet's journalist). The name is kept only if it is a media name."""
    hits = []
    for quote in "'’":
        i = text.find(quote, 1)
        while i >= 0:
            if text[i - 1].isalnum():
                m = _POSSESSIVE_PERSON.match(text, i)
                n = _name_before(text, i, reversed_text) if m else None
                if n and n.end() == i and is_media_name(_trim(n.group("name"))):
                    hits.append((n.start(), n.group("name")))
            i = text.find(quote, i + 1)
    return hits


def _noun_name(raw: str, before: str) -> str:
    """The canonical outlet name in a name beside a media noun, or "" when it only describes the outlet."""
    name = _trim(raw)
    if not name or re.search(r"\b(?:an?)\s*$", before):  # "a Cape Town newspaper": a description
        return ""
    bare = re.sub(r"^[Tt]he\s+", "", name)
    if not bare or bare in _CALENDAR_WORDS or (" " not in bare and _DEMONYM.fullmatch(bare) and bare.lower() not in _ALIASES):
        return ""
    if _is_generic(re.findall(r"[a-z0-9]+", bare.lower())):
        return ""
    return canonical_outlet(name)


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


# --- datelines ------------------------------------------------------------------------------
#
# A wire story opens with a dateline: where it was filed, sometimes when, and which agency filed it, then a
# separator. "NAIROBI, Kenya (AP) _", "WASHINGTON, August 8 (Xinhua) --", "LONDON (Reuters) -", "MADRID —",
# "Hong Kong (CNN Business)", "(Undated)". The place is written in capitals ("DAR ES SALAAM", "THE HAGUE"), or
# in title case when an agency in brackets or a dash follows ("Dekalb, Ill. —"). After the place may come a
# region ("Kenya", "N.Y.", "Northern Ireland") and a date ("August 8", "Aug. 8", "Monday").

_MONTH = "|".join([m.capitalize() for m in lexicon.MONTHS] + [a.capitalize() + r"\.?" for a in lexicon.MONTH_ABBREVIATIONS])
_WEEKDAY = "|".join(d.capitalize() for d in lexicon.WEEKDAYS)
_DL_DATE = rf"(?:(?:{_MONTH})\s+\d{{1,2}}(?:,\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH})|{_WEEKDAY})"
_DL_CAPS_WORD = r"(?:[A-Z][A-Z'’.\-]*[A-Z.]|[A-Z])"  # NAIROBI, O'SMACH, MO., U.S.
_DL_CAPS = rf"{_DL_CAPS_WORD}(?:\s{_DL_CAPS_WORD}){{0,4}}"
_DL_TITLE_WORD = r"(?:[A-Z][a-zà-ÿ'’.\-]*\.?|[A-Z]{2,}\.?)"  # Hong, Ill., DC
_DL_TITLE = rf"{_DL_TITLE_WORD}(?:\s{_DL_TITLE_WORD}){{0,3}}"
_DL_REGION = rf"(?:,\s+(?!(?:{_MONTH})\s+\d)(?:{_DL_TITLE}|{_DL_CAPS}))"
_DL_AGENCY = r"\((?P<agency>[A-Z][\w&.'’-]*(?:[ -][A-Za-z][\w&.'’-]*){0,3})\s*\)"
_DL_SEP = r"(?:\s*(?:_|--|—|–|-|:)(?=\s|\w)|(?=\s))"  # after "(AP)": "_", "--", "-", "—" or nothing
# a place without an agency needs a dash and a sentence after it: "MADRID — Rafael", "WASHINGTON _ The"
_DL_DASH = r"\s*(?:_|--|—|–|-)(?=\s+[A-Z\"“‘'`(\d])"
DATELINE_RE = re.compile(
    r"\A\s*(?P<dateline>\(\s*[Uu]ndated\s*\)(?:\s*(?:_|--|—|–|-)(?=\s))?"  # (Undated)
    rf"|(?P<place>{_DL_CAPS}|{_DL_TITLE})(?P<region>{_DL_REGION}{{0,2}})(?:,\s+(?P<date>{_DL_DATE}))?"
    rf"(?:\s*{_DL_AGENCY}{_DL_SEP}|{_DL_DASH}|(?(region):(?=\s)|(?!)))"  # "Washington, DC, United States:"
    r")"
)
DATELINE_MAX_CHARS = 80  # longest dateline seen in the TimeML and Zyte dev texts is ~45 characters


def _dateline_agency_ok(agency: str, place: str, dateline: str) -> bool:
    """An agency in a dateline's brackets is a media name ("Reuters", "CNN Business"); or, before a separator,
    any name after a place in capitals ("KYIV (Interfax-Ukraine) --") or an acronym ("Ames (WKYT) -"); never an
    initial after a name ("Jane Doe (R) said")."""
    if is_media_name(agency):
        return True
    if dateline.endswith(")"):  # no separator
        return False
    return place.upper() == place or bool(re.fullmatch(r"[A-Z]{2,8}", agency.strip()))


def find_dateline(text: str) -> dict[str, str]:
    """The wire dateline at the start of ``text``: a dict with ``dateline`` (as written, without the white
    space after it), ``place`` ("NAIROBI, Kenya"), ``date`` (as written, "August 8", or "") and ``agency``
    (canonical outlet name, "" if the dateline names none). All values are "" when ``text`` opens without one."""
    m = DATELINE_RE.match(text, 0, min(len(text), DATELINE_MAX_CHARS + 40))
    if not m or len(m.group("dateline").strip()) > DATELINE_MAX_CHARS:
        return {"dateline": "", "place": "", "date": "", "agency": ""}
    dateline = m.group("dateline").strip()
    if m.group("agency") and not _dateline_agency_ok(m.group("agency"), m.group("place"), dateline):
        return {"dateline": "", "place": "", "date": "", "agency": ""}
    head = dateline
    if m.group("agency"):
        head = dateline[: dateline.rfind("(")]
    head = re.sub(r"\s*(?:_|--|—|–|-|:)\s*$", "", head).strip()
    date = m.group("date") or ""
    place = head[: head.rfind(date)].rstrip(" ,") if date else head
    if place.lower().startswith("(") and "undated" in place.lower():
        place = ""
    agency = canonical_outlet(m.group("agency")) if m.group("agency") else ""
    return {"dateline": dateline, "place": place, "date": date, "agency": agency}


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
