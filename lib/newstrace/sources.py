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
from functools import lru_cache

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
NAME = rf"(?:[Tt]he\s+)?{_CAP}(?:\s+(?:{_CAP}|of|de|der|della|la|di)){{0,5}}"
QNAME = rf"(?:[\"“«]\s*{NAME}\s*[\"”»]|{NAME})"

_CITE_VERBS = (
    r"writes|wrote|reports|reported|reporting|states|stated|notes|noted|says|said|points out|pointed out|"
    r"emphasizes|emphasized|emphasises|emphasised|claims|claimed|informs|informed|learned|learnt|found|"
    r"adds|added|stresses|stressed|explains|explained|publishes|published|recalls|recalled|cites|cited"
)
# Patterns are anchored on their trigger words (a verb, "according to", ...), never on the
# name, so that the regex engine does not try a name at every capital of the text.
_NAME_END = re.compile(rf"(?P<name>{QNAME}),?\s*$")
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
_CITE_BEFORE = re.compile(
    r"[A-Z\d](?<![\w.&’'-][A-Z\d])[\w.&’'-]*[\"”»]?(?P<ws>[ \t]+)(?:" + alternation(CITE_BEFORE_PHRASES) + r")\b"
)
_NAME_START = re.compile(rf"(?=[A-Z\d\"“«]|[Tt]he\s){QNAME}")
# Inverted attribution after a clause: "..., writes Example Journal." / "...," reports Example News.
_CITE_INVERTED = re.compile(rf"[,”\"]\s+(?:writes|wrote|reports|reported|notes|noted|informs|says|said)\s+(?P<name>{QNAME})")
_DATELINE = re.compile(rf"\((?P<name>{QNAME})\)\s+[-–—]")


def _phrase_hits(lower: str, phrases) -> list[tuple[int, int]]:
    """(start, end) of every whole-word occurrence of the phrases in lower-cased text (str.find: fast)."""
    hits = []
    n = len(lower)
    for phrase in phrases:
        i = lower.find(phrase)
        while i != -1:
            j = i + len(phrase)
            if (i == 0 or not lower[i - 1].isalnum()) and (j == n or not lower[j].isalnum()):
                hits.append((i, j))
            i = lower.find(phrase, j)
    return hits


_REF_PHRASES = ("with reference to", "with a reference to", "citing", "referring to")


def _ref_matches(text: str, refs: list[tuple[int, int]], pattern: re.Pattern) -> list[re.Match]:
    """Matches of a "... with reference to Y" pattern, searched only near such phrases (``refs``)."""
    found = {}
    for i, j in refs:
        for m in pattern.finditer(text, max(0, i - 160), min(len(text), j + 120)):
            if m.start() <= i < m.end():
                found[m.span()] = m
    return [found[k] for k in sorted(found)]


def _name_before(text: str, at: int) -> re.Match | None:
    """The name that ends right before position ``at`` (within 90 characters), if any."""
    lo = max(0, at - 40)
    word_start = max(text.rfind(" ", lo, at), text.rfind("\n", lo, at), text.rfind("\t", lo, at)) + 1
    if not (text[word_start:word_start + 1].isupper() or text[word_start:word_start + 1] in "\"”»'’"
            or text[word_start:word_start + 1].isdigit()):
        return None  # "he said", "officials say": no name ends here
    start = max(0, at - 90)
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return _NAME_END.search(text, start, at)


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
    lower = text.lower()
    for start, _ in _phrase_hits(lower, ("informs",)):  # "Example News informs."
        at = start
        while at > 0 and text[at - 1] in " \t":
            at -= 1
        n = _name_before(text, at) if at < start else None
        if n:
            hits.append((n.start(), n.group("name"), text[n.start():start + len("informs")], True))
    refs = _phrase_hits(lower, _REF_PHRASES)
    for m in _ref_matches(text, refs, _SELF_BY):  # "reported by X with reference to Y"
        hits.append((m.start(), m.group("name"), m.group(0), False))
    for m in _ref_matches(text, refs, _SELF_REF_VERB):  # "X reports with reference to Y"
        n = _name_before(text, m.start())
        if n:
            hits.append((n.start(), n.group("name"), text[n.start():m.end()], False))
    for _, raw, evidence, informs in sorted(hits):
        cands = _media_candidates(raw) or ((_trim(raw),) if informs else ())
        if cands and cands[0]:
            return canonical_outlet(cands[0]), evidence.strip()
    return "", ""


def outlet_from_chrome(lines: list[str], mastheads: list[str] | tuple = ()) -> tuple[str, str]:
    """A site name in removed chrome lines (a domain or "© Name"), else a media name among the page-header
    lines ``mastheads``: ``(name, evidence)`` or ``("", "")``."""
    for line in lines:
        m = re.search(r"(?:©|\(c\)|[Cc]opyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<name>[A-Z][\w.&' -]{1,40}?)(?:[.,|]|\s+All\b|$)", line)
        if m and not DOMAIN_RE.search(m.group("name")):
            return canonical_outlet(m.group("name")), line.strip()
        d = DOMAIN_RE.search(line)
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

    if title:
        for pattern in (HEADLINE_PREFIX, HEADLINE_SUFFIX):
            m = pattern.search(title)
            if m:
                add(m.group("name"))
    hits = []
    lower = text.lower()
    refs = _phrase_hits(lower, _REF_PHRASES)
    for pattern in (_SELF_BY, _SELF_REF_VERB) if refs else ():
        for m in _ref_matches(text, refs, pattern):
            hits.append((m.start("cite"), m.group("cite")))
    for _, end in _phrase_hits(lower, CITE_AFTER_PHRASES):
        k = end
        while k < len(text) and text[k] in " \t\n":
            k += 1
        n = _NAME_START.match(text, k) if k > end else None
        if n:
            hits.append((n.start(), n.group(0)))
    for m in _CITE_BEFORE.finditer(text):  # a capitalised word right before the verb
        n = _name_before(text, m.start("ws"))
        if n:
            hits.append((n.start(), n.group("name")))
    for pattern in (_DATELINE, _CITE_INVERTED):
        for m in pattern.finditer(text):
            hits.append((m.start("name"), m.group("name")))
    for _, raw in sorted(hits):
        add(raw)
    return found


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


def leading_person(text: str) -> str:
    """A person's name at the start of ``text`` followed by a sentence start: "Jane Doe After ..." -> "Jane Doe"."""
    m = re.match(r"((?:[A-Z][a-zà-ÿ'’-]+\s+){1,3})(?=[A-Z][a-z]*\b)", text)
    if not m:
        return ""
    tokens = m.group(1).split()
    nxt = re.match(r"[A-Z][a-z]*", text[m.end():]).group(0)
    if nxt.lower() not in FUNCTION_WORDS:
        return ""
    if len(tokens) < 2 or any(t.lower() in FUNCTION_WORDS or t.lower() in MEDIA_WORDS for t in tokens):
        return ""
    return " ".join(tokens)
