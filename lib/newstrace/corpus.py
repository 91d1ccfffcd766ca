"""Load any folder of news articles into one clean table: ``load_corpus`` and ``sentences``.

Formats: ``.txt`` and ``.md`` in any common encoding (UTF-8 with or without BOM, UTF-16,
UTF-32, cp1251, koi8-r, cp1250, cp1252/latin-1: detected and recorded), ``.html``/``.htm``/``.xhtml``
(the main article text as trafilatura extracts it, with the page's metadata), and
``.csv`` / ``.jsonl`` with one article per row (a ``text`` column, optional ``id``/``doc_id``,
``title``, ``outlet``, ``author``, ``published``, ``url``, ``language``). Sub-folders are walked.

An optional ``metadata.csv`` in the folder (column ``doc_id`` plus any of ``url, outlet,
author, published, title, language``) overrides what is inferred from the text.

Bad input never stops the other files: each bad file is skipped with its reason, and one
``CorpusWarning`` lists them all (``strict=True`` raises ``CorpusError`` instead). Nothing
is ever written to the input folder.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import warnings
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import charset_normalizer
import pandas as pd

from . import clean, paths, sources
from .errors import CorpusError
from .text import count_words, detect_language, sentence_spans

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES
RESERVED = {"metadata.csv", "events.csv", "outlets.csv"}  # side files of a corpus folder, not articles
MAX_BYTES = 20 * 1024 * 1024  # 20 MiB: one article file larger than this is skipped unread
METADATA_COLUMNS = ["url", "outlet", "author", "published", "title", "language"]
COLUMNS = [
    "path", "format", "encoding", "raw", "title", "text", "outlet", "outlet_how", "author", "cites",
    "published", "published_how", "url", "language", "n_words_raw", "n_words", "removed",
    "dateline", "dateline_place", "dateline_agency", "identical_to",
]
SINGLE_BYTE_CANDIDATES = ["cp1252", "cp1251", "koi8_r", "cp1250", "mac_cyrillic", "iso8859_15"]


class CorpusWarning(UserWarning):
    """Files were skipped while loading a corpus; the message lists each with its reason."""


@dataclass
class _Doc:
    doc_id: str
    path: str
    fmt: str
    encoding: str
    raw: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: str = ""
    url: str = ""
    language: str = ""


# --- decoding -----------------------------------------------------------------------------

def decode(data: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode file bytes to text: ``(text, encoding)``; raises CorpusError for binary or undecodable data."""
    boms = [
        (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
    ]
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc.replace("-sig", "")), enc
            except UnicodeDecodeError as exc:
                raise CorpusError(path, f"starts with a {enc} byte-order mark but does not decode as {enc}") from exc
    if b"\x00" in data:
        return _decode_utf16_without_bom(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _truncated_utf8(data, exc):
            warnings.warn(f"{path}: ends inside a UTF-8 character (cut file?); read as UTF-8 with U+FFFD",
                          UnicodeWarning, stacklevel=2)
            return data.decode("utf-8", errors="replace"), "utf-8"
    best = charset_normalizer.from_bytes(data, cp_isolation=SINGLE_BYTE_CANDIDATES).best()
    if best is None:
        raise CorpusError(path, "could not detect the text encoding (not UTF-8, UTF-16 or a common single-byte encoding)")
    text = str(best)
    if best.encoding in CYRILLIC_CODEPAGES:
        # the detector confuses Cyrillic code pages on short passages; a wrong one reads as
        # SHOUTED or mIxEd-case words, so take the reading with the most well-cased words
        readings = {enc: data.decode(enc, errors="replace") for enc in CYRILLIC_CODEPAGES}
        enc_best = max(readings, key=lambda enc: _cyrillic_case_score(readings[enc]))
        if _cyrillic_case_score(readings[enc_best]) > _cyrillic_case_score(text):
            best_name, text = enc_best, readings[enc_best]
            return text, best_name.replace("_", "-")
    best_name = best.encoding
    for preferred in ("cp1252", "cp1251"):  # of equal readings, name the commoner code page
        if best.encoding == preferred:
            break
        if data.decode(preferred, errors="replace") == text:
            best_name = preferred
            break
    if not _looks_like_text(text):
        raise CorpusError(path, f"decodes as {best.encoding} only to control characters: not a text file")
    enc = best_name.replace("_", "-")
    if enc == "cp1252" and not any(0x80 <= b <= 0x9F for b in data):
        enc = "latin-1"  # no byte where cp1252 and ISO-8859-1 differ
    return text, enc


CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "mac_cyrillic")
UTF8_TAIL = 3  # a UTF-8 character is at most 4 bytes: a cut one leaves at most 3 at the end


def _truncated_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    """The only invalid UTF-8 is an incomplete character in the last bytes (a cut file)."""
    return exc.start >= len(data) - UTF8_TAIL and exc.reason == "unexpected end of data"


def _decode_utf16_without_bom(data: bytes, path: str | Path) -> tuple[str, str]:
    """NUL bytes and no BOM: UTF-16 if one byte order reads as text, else CorpusError (binary).

    Latin text has every other byte NUL; Cyrillic text has 0x04 there instead, so the byte order
    is the one whose high bytes repeat most (the text's script block), checked by decoding.
    """
    readings = []
    for enc, high in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if len(data) % 2:
            break
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            readings.append((max(high.count(b) for b in set(high)) if high else 0, enc, text))
    if not readings:
        raise CorpusError(path, "binary file (contains NUL bytes), not text")
    _, enc, text = max(readings)
    return text, enc


_FOREIGN_IN_CYRILLIC = re.compile(r"[^\x00-\x7fА-Яа-яЁёІіЇїЄєҐґ«»—–…№“”„’‘\u00a0]")


def _cyrillic_case_score(text: str) -> int:
    """Well-cased Cyrillic words (lower case or capitalised) minus badly cased ones, minus two per
    character outside the Russian/Ukrainian alphabet and its punctuation (a wrong code page reads
    a SHOUTED dateline such as "МОСКВА" as "ћќ— ¬ј", which has no well-cased word to lose)."""
    good = len(re.findall(r"\b[А-ЯЁІЇЄҐ]?[а-яёіїєґ’']{2,}\b", text))
    bad = len(re.findall(r"\b[а-яёіїєґ]+[А-ЯЁІЇЄҐ]+|\b[А-ЯЁІЇЄҐ]{3,}\b", text))
    return good - bad - 2 * len(_FOREIGN_IN_CYRILLIC.findall(text))


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text[:100000] if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad <= 0.01 * min(len(text), 100000)


# --- formats ------------------------------------------------------------------------------

#: trafilatura's settings for news pages, chosen on zyte-articles-dev (91 pages, benchmarks/zyte_html.py):
#: favor_precision drops teaser and link lists the default keeps (F1 0.965 -> 0.975 with comments off),
#: comments are reader text, not the article; tables inside a body (results, counts) are body.
TRAFILATURA_OPTIONS = {"favor_precision": True, "include_comments": False, "include_tables": True}


def _title_site_name(page_title: str, headline: str) -> str:
    """The site name in a ``<title>`` of the form "Headline | Site Name", else ""."""
    parts = re.split(r"\s+[|–—-]\s+", page_title)
    if len(parts) > 1 and sources.is_media_name(parts[-1]) and parts[-1] not in headline:
        return parts[-1].strip()
    return ""


def _page_title(html: str) -> str:
    m = re.search(r"<title[^>]*>(.*?)</title>", html[:200000], re.IGNORECASE | re.DOTALL)
    return re.sub(r"\s+", " ", unescape(m.group(1))).strip() if m else ""


def parse_html(html: str) -> tuple[str, dict[str, str], list[dict]]:
    """The main text of an HTML page, its metadata and what was dropped: ``(text, meta, removed)``.

    The engine is trafilatura (``TRAFILATURA_OPTIONS``); ``text`` is its paragraphs, one a line.
    ``meta`` has title, author, published (trafilatura's metadata and htmldate), outlet (the
    page's site name, else the "Headline | Site" part of ``<title>``) and url (canonical link).
    ``removed`` holds one entry saying how many words of page chrome were left out.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, **TRAFILATURA_OPTIONS)
    text = (doc.text or "") if doc is not None else ""
    text = "\n".join(ln.strip() for ln in text.split("\n") if ln.strip())
    meta = {k: "" for k in ("title", "author", "published", "outlet", "url")}
    if doc is not None:
        meta.update(title=doc.title or "", author=doc.author or "", published=doc.date or "",
                    outlet=doc.sitename or "", url=doc.url or "")
    meta = {k: re.sub(r"\s+", " ", v).strip() for k, v in meta.items()}
    if not meta["outlet"]:
        meta["outlet"] = _title_site_name(_page_title(html), meta["title"])
    removed = _dropped_summary(html, text)
    return text, meta, removed


def _dropped_summary(html: str, text: str) -> list[dict]:
    """One ``removed`` entry: the number of words on the page outside the extracted text."""
    page_words = len(re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", html, flags=re.IGNORECASE | re.DOTALL).split())
    dropped = page_words - len(text.split())
    if dropped <= 0:
        return []
    return [{"text": f"{dropped} words of page chrome (menus, links, teasers, footers) outside the article",
             "reason": "HTML boilerplate, left out by trafilatura"}]


def parse_markdown(text: str) -> tuple[str, str]:
    """Markdown to plain text: ``(text, title)``; the first ``# heading`` is the title."""
    title = ""
    out = []
    for line in text.split("\n"):
        m = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            if not title and len(m.group(1)) == 1:
                title = m.group(2)
                out.append(m.group(2))  # the cleaner recognises and removes the headline
                continue
            line = m.group(2)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)            # images
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)         # links -> their text
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)              # bold
        line = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", line)  # italics
        line = re.sub(r"^\s{0,3}>\s?", "", line)                     # block quotes
        line = re.sub(r"^\s{0,3}[-*+]\s+", "", line)                 # bullets
        out.append(line)
    return "\n".join(out), title


def _read_table(path: Path, text: str, rel: str) -> tuple[list[_Doc], list[tuple[str, str]]]:
    """Rows of a .csv or .jsonl file as documents; bad rows are returned with their reason."""
    stem = rel.rsplit(".", 1)[0]
    bad: list[tuple[str, str]] = []
    if path.suffix.lower() == ".csv":
        try:
            frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, ValueError) as exc:
            raise CorpusError(rel, f"malformed CSV: {exc}") from exc
        rows = frame.to_dict("records")
    else:
        rows = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                bad.append((f"{rel}:{n}", f"line {n} is not valid JSON ({exc.msg})"))
                continue
            if not isinstance(obj, dict):
                bad.append((f"{rel}:{n}", f"line {n} is not a JSON object"))
                continue
            rows.append(obj)
    if rows and not any("text" in {str(k).lower() for k in r} for r in rows[:1]):
        raise CorpusError(rel, "has no 'text' column (one article per row needs a 'text' column)")
    docs = []
    for n, row in enumerate(rows, start=1):
        row = {str(k).lower().strip(): ("" if v is None else str(v)) for k, v in row.items()}
        body = row.get("text", "")
        ident = row.get("doc_id") or row.get("id") or f"{stem}-{n}"
        where = f"{rel}#{n}"
        if not body.strip():
            bad.append((where, f"row {n} has an empty 'text'"))
            continue
        docs.append(_Doc(doc_id=str(ident), path=where, fmt=path.suffix.lower().lstrip("."), encoding="",
                         raw=body, title=row.get("title", ""), outlet=row.get("outlet", ""),
                         author=row.get("author", ""), published=row.get("published", ""),
                         url=row.get("url", ""), language=row.get("language", "")))
    return docs, bad


# --- loading ------------------------------------------------------------------------------

_SKIPPED_DIRS = {"__pycache__", ".ipynb_checkpoints"}
#: Folders nested deeper than this below the corpus folder are not read (a warning names the first
#: one). Real corpora nest a few levels (outlet/year/month); 1,100 nested folders once hit
#: Python's recursion limit.
MAX_DEPTH = 64


def _link_reason(path: str, root_real: str) -> str:
    """Why a symbolic link is not read ("" for a link to a file inside the folder ``root_real``)."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as exc:  # a loop (ELOOP) or a link to nothing
        what = "a loop of symbolic links" if "loop" in str(exc).lower() or exc.errno == 40 else "a broken link"
        return f"symbolic link: {what} ({exc.strerror or exc}); not read"
    if target != root_real and not target.startswith(root_real.rstrip(os.sep) + os.sep):
        return "symbolic link to a file outside the corpus folder; not read"
    if os.path.isdir(target):
        return "symbolic link to a folder; not followed"
    return ""


def _files(root: Path, skipped: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """Every file under ``root`` as ``(path, path relative to root in posix form)``, in path order.

    Hidden entries (".name") and cache folders are left out. Nothing outside ``root`` is read:
    a symbolic link is followed only to a file inside the folder; links out of it, to folders,
    loops and broken links are appended to ``skipped`` as ``(relative path, reason)``, as are
    folders deeper than MAX_DEPTH and folders that cannot be listed. The walk is iterative (no
    recursion limit). ``os.scandir`` with the cached entry type is several times cheaper per file
    than ``Path.rglob`` + ``is_file`` (and plain strings are cheaper than ``Path`` objects), which
    matters for folders of thousands of articles.
    """
    skipped = [] if skipped is None else skipped
    root_real = os.path.realpath(root)
    found: list[tuple[tuple[str, ...], str]] = []
    stack: list[tuple[str, tuple[str, ...]]] = [(os.fspath(root), ())]
    while stack:
        folder, parts = stack.pop()
        if len(parts) > MAX_DEPTH:
            skipped.append(("/".join(parts), f"folder nested more than {MAX_DEPTH} levels deep; not read"))
            continue
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            skipped.append(("/".join(parts) or ".", f"folder cannot be listed ({exc.strerror or exc})"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name in _SKIPPED_DIRS:
                continue
            try:
                if entry.is_symlink():
                    reason = _link_reason(entry.path, root_real)
                    if reason:
                        skipped.append(("/".join((*parts, name)), reason))
                        continue
                    found.append(((*parts, name), entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, (*parts, name)))
                elif entry.is_file(follow_symlinks=False):
                    found.append(((*parts, name), entry.path))
            except OSError as exc:
                skipped.append(("/".join((*parts, name)), f"cannot be read ({exc.strerror or exc})"))
    found.sort()  # by path components, as sorted(Path) does: "a/b" before "a-c"
    return [(path, "/".join(parts)) for parts, path in found]


#: HTML nested deeper than this is not parsed: lexbor's parse time grows with the square of the depth
#: (50,000 nested <div>s took 12 s; 5,000 take about 0.1 s). The deepest of the 91 Zyte dev pages
#: nests 498 levels by the count below (which also counts tags inside scripts), with at most 3,229 tags.
MAX_HTML_DEPTH = 5000
_NOT_NESTING = ("area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|keygen|p|li|dt|dd|"
                "tr|td|th|option|optgroup|rb|rt|rp|rtc|thead|tbody|tfoot|colgroup|caption|head|body|html")
_TAG_START = re.compile(rf"<(/?)(?!(?:{_NOT_NESTING})[\s/>])([a-zA-Z])", re.IGNORECASE)


def html_depth(html: str) -> int:
    """How deeply the elements of ``html`` nest, counted from its tags in linear time.

    Void elements and those whose end tag may be left out (p, li, td, ...) are not counted, a
    stray end tag never takes the count below zero. A page with fewer than MAX_HTML_DEPTH tags is
    not scanned (it cannot nest deeper) and gives 0.
    """
    if html.count("<") <= MAX_HTML_DEPTH:
        return 0
    import numpy as np

    marks = "".join(a + b for a, b in _TAG_START.findall(html)).encode("ascii", "replace")
    if not marks:
        return 0
    chars = np.frombuffer(marks, dtype=np.uint8)
    slash = chars == ord("/")
    closes = np.zeros_like(slash)
    closes[1:] = slash[:-1]  # a letter after "/" starts an end tag
    walk = np.cumsum(np.where(closes[~slash], -1, 1))
    return int((walk - np.minimum(np.minimum.accumulate(walk), 0)).max())


def _check_html_depth(html: str, rel: str) -> None:
    depth = html_depth(html)
    if depth > MAX_HTML_DEPTH:
        raise CorpusError(rel, f"HTML nested {depth:,} levels deep, over the limit of {MAX_HTML_DEPTH:,}; not parsed")


#: A line with a run of more characters than this without white space is not read as text (a base64
#: blob, minified code): measured on this machine, the cleaner takes a time linear in such a run up to
#: 800,000 characters in some places of an article (1.1 s) but 17 s for a 1,000,000-character run as
#: the third line; runs up to this limit cost at most ~0.2 s. The longest run in the 91 Zyte dev
#: pages' text is 151 characters, in the seeds 17; test_corpus keeps a 50,000-character token.
MAX_TOKEN_CHARS = 100_000
_OVERLONG = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS + 1}}}")  # (linear: tried only where a run starts)


def _without_long_tokens(docs: list[_Doc], bad: list[tuple[str, str]]) -> tuple[list[_Doc], list[tuple[str, str]]]:
    """``docs`` without the lines that hold an over-long run of characters (MAX_TOKEN_CHARS), before cleaning.

    Each dropped line is listed in the article's ``removed`` with its reason; an article with
    nothing else is moved to ``bad`` with that reason.
    """
    kept_docs = []
    for doc in docs:
        body = getattr(doc, "_body", doc.raw)
        if len(body) <= MAX_TOKEN_CHARS or not _OVERLONG.search(body):
            kept_docs.append(doc)
            continue
        kept, dropped = [], list(getattr(doc, "_dropped", []))
        for line in body.split("\n"):
            hit = _OVERLONG.search(line) if len(line) > MAX_TOKEN_CHARS else None
            if hit is None:
                kept.append(line)
                continue
            run = len(line[hit.start():].split(None, 1)[0])
            dropped.append({"text": line[:300], "reason": f"a run of {run:,} characters without white space "
                                                          f"(over {MAX_TOKEN_CHARS:,}): not text"})
        if not any(line.strip() for line in kept):
            bad.append((doc.path, dropped[-1]["reason"].replace("a run", "only a run", 1)))
            continue
        doc._body, doc._dropped = "\n".join(kept), dropped  # type: ignore[attr-defined]
        kept_docs.append(doc)
    return kept_docs, bad


def _suffix(name: str) -> str:
    """The extension of a file name as ``Path.suffix`` gives it: ".txt"; "" for ".profile" or "notes."."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 and "/" not in name[i:] else ""


def _read_file(p: str | Path, rel: str) -> tuple[list[_Doc], list[tuple[str, str]], list[dict]]:
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_BINARY", 0))  # no buffered file object: ~10 µs less per file
    try:
        size = os.fstat(fd).st_size
        if size > MAX_BYTES:
            raise CorpusError(rel, f"file is {size / 2**20:.1f} MiB ({size:,} bytes), over the limit of "
                                   f"{MAX_BYTES / 2**20:.1f} MiB ({MAX_BYTES:,} bytes) for one article file")
        data = os.read(fd, size + 1)
        if len(data) > size:  # the file grew since fstat: read the rest
            chunks = [data]
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            data = b"".join(chunks)
    finally:
        os.close(fd)
    if not data or data.isspace():  # (as "not data.strip()", without a copy of the file)
        raise CorpusError(rel, "empty file")
    text, encoding = decode(data, rel)
    if not text or text.isspace():
        raise CorpusError(rel, "empty file (only white space)")
    suffix = _suffix(rel.rsplit("/", 1)[-1]).lower()
    doc_id = rel.rsplit(".", 1)[0]
    if suffix in TABLE_SUFFIXES:
        docs, bad = _read_table(Path(p), text, rel)
        for d in docs:
            d.encoding = encoding
        return docs, bad, []
    if suffix in HTML_SUFFIXES:
        _check_html_depth(text, rel)
        body, meta, dropped = parse_html(text)
        if not body.strip():
            raise CorpusError(rel, "HTML page with no text in its body")
        doc = _Doc(doc_id, rel, "html", encoding, text, title=meta["title"], outlet=meta["outlet"],
                   author=meta["author"], published=meta["published"], url=meta["url"])
        doc._body, doc._dropped = body, dropped  # type: ignore[attr-defined]
        return [doc], [], dropped
    if suffix in {".md", ".markdown"}:
        body, title = parse_markdown(text)
        doc = _Doc(doc_id, rel, "md", encoding, text, title=title)
        doc._body = body  # type: ignore[attr-defined]
        return [doc], [], []
    if "<" in text[:5000] and ("<html" in text[:2000].lower() or "<body" in text[:5000].lower()):
        _check_html_depth(text, rel)
        body, meta, dropped = parse_html(text)
        doc = _Doc(doc_id, rel, "html", encoding, text, title=meta["title"], outlet=meta["outlet"],
                   author=meta["author"], published=meta["published"], url=meta["url"])
        doc._body, doc._dropped = body, dropped  # type: ignore[attr-defined]
        return [doc], [], dropped
    return [_Doc(doc_id, rel, "txt", encoding, text)], [], []


def _html_cleaned(body: str) -> clean.Cleaned:
    """trafilatura's text as it is: the plain-text cleaner is not run on it.

    On zyte-articles-dev the cleaner removed 106 lines of gold article text from trafilatura's
    output for 32 lines of chrome (F1 0.975 -> 0.968, benchmarks/zyte_html.py), so HTML pages skip it.
    """
    n_words = count_words(body)  # (n_words_raw: the extracted body before cleaning, as for other formats)
    return clean.Cleaned(text=body, n_words_raw=n_words, n_words=n_words)


def _analyse(doc: _Doc) -> dict:
    body = getattr(doc, "_body", doc.raw)
    cleaned = _html_cleaned(body) if doc.fmt == "html" else clean.clean_article(body)
    title = doc.title.strip() or cleaned.title
    if doc.title and cleaned.title and clean._key(cleaned.title) != clean._key(doc.title):
        # the page's own headline differs from the one the cleaner saw; keep the declared one
        title = doc.title.strip()
    text, n_words = cleaned.text, cleaned.n_words
    removed = list(getattr(doc, "_dropped", [])) + cleaned.removed
    if title:  # a headline left as the first body line (declared by HTML/markdown/row) moves out of the body
        cut = text.find("\n")
        first = text if cut < 0 else text[:cut]  # (not partition: that copies the rest of every article)
        if len(first) <= 2 * len(title) and clean._key(first) == clean._key(title):
            removed.append({"text": first, "reason": "repeated headline"})
            text = "" if cut < 0 else text[cut + 1:].lstrip("\n")
            n_words -= count_words(first)
    outlet, outlet_how = (doc.outlet.strip(), "declared by the source file") if doc.outlet.strip() else ("", "")
    if not outlet:
        outlet, evidence = sources.find_outlet(text)
        outlet_how = f'self-attribution "{evidence}"' if outlet else ""
    if not outlet:
        mastheads = [r["text"] for r in cleaned.removed if r["reason"].startswith("page header")]
        outlet, evidence = sources.outlet_from_chrome(cleaned.chrome_lines, mastheads)
        outlet_how = f'site name in page chrome "{evidence}"' if outlet else ""
    dateline = sources.find_dateline(text)
    if not outlet and dateline["agency"]:  # wire copy: the agency of the dateline publishes it
        outlet, outlet_how = dateline["agency"], f'dateline "{dateline["dateline"]}"'
    outlet = sources.canonical_outlet(outlet) if outlet else ""
    published, published_how = pd.NaT, ""
    if doc.published.strip():
        ts = _parse_timestamp(doc.published)
        if ts is not None:
            published, published_how = ts, f'declared by the source file "{doc.published.strip()}"'
    if published is pd.NaT and cleaned.page_date is not None:  # (pd.isna costs a microsecond)
        published, published_how = cleaned.page_date, f'page header "{cleaned.page_date_evidence}"'
    return {
        "path": doc.path,
        "format": doc.fmt,
        "encoding": doc.encoding,
        "raw": doc.raw,
        "title": title,
        "text": text,
        "outlet": outlet,
        "outlet_how": outlet_how,
        "author": doc.author.strip() or cleaned.author,
        "cites": sources.find_cites(text, title, outlet),
        "published": published,
        "published_how": published_how,
        "url": doc.url.strip(),
        "language": doc.language.strip() or detect_language(text),
        "n_words_raw": cleaned.n_words_raw,
        "n_words": n_words,
        "removed": removed,
        "dateline": dateline["dateline"],
        "dateline_place": dateline["place"],
        "dateline_agency": dateline["agency"],
    }


def _parse_timestamp(value: str) -> pd.Timestamp | None:
    value = value.strip()
    if not value:
        return None
    found = clean.parse_date(value)
    if found is not None:
        return found
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts.normalize() if not pd.isna(ts) else None


def _metadata_rows(text: str, rel: str, bad: list[tuple[str, str]]) -> pd.DataFrame:
    """The cells of metadata.csv as strings; a row with more cells than the header is named in ``bad``
    and left out (pandas would shift it into an index), a shorter row is padded with empty cells."""
    try:
        reader = csv.reader(io.StringIO(text), strict=True)
        header = next(reader, None)
        rows, numbers = [], []
        for n, row in enumerate(reader, start=1):
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                bad.append((f"{rel}#{n}", f"row {n} (line {reader.line_num}) has {len(row)} cells, the header "
                                          f"{len(header)}; row ignored"))
                continue
            rows.append(row + [""] * (len(header) - len(row)))
            numbers.append(n)
    except csv.Error as exc:
        raise CorpusError(rel, f"malformed metadata.csv: {exc}") from exc
    if not header:
        raise CorpusError(rel, "empty metadata.csv (needs a header row with a 'doc_id' column)")
    meta = pd.DataFrame(rows, columns=[str(c).strip().lower() for c in header], dtype=str)
    meta.index = numbers
    return meta


def _read_metadata(path: Path, rel: str, bad: list[tuple[str, str]] | None = None) -> pd.DataFrame:
    """metadata.csv as a table indexed by doc_id (CorpusError if the file as a whole is unusable).

    Row-level problems are appended to ``bad`` as ``(where, reason)`` and cost only that row or
    cell: a row with extra cells is left out, an unreadable ``published`` date is blanked.
    """
    bad = [] if bad is None else bad
    text, _ = decode(path.read_bytes(), rel)
    meta = _metadata_rows(text, rel, bad)
    if "doc_id" not in meta.columns:
        raise CorpusError(rel, f"metadata.csv needs a 'doc_id' column; it has {list(meta.columns)}")
    dupes = meta["doc_id"][meta["doc_id"].duplicated()].tolist()
    if dupes:
        raise CorpusError(rel, f"metadata.csv lists doc_id {dupes[0]!r} more than once")
    if "published" in meta.columns:
        for n, doc_id, value in zip(meta.index, meta["doc_id"], meta["published"], strict=True):
            if value.strip() and _parse_timestamp(value) is None:
                bad.append((f"{rel}#{n}", f"published {value!r} for {doc_id!r} is not a date; that date ignored"))
                meta.loc[n, "published"] = ""
    return meta.set_index("doc_id")


class _DuplicateFinder:
    """Articles whose texts are the same up to case and white space.

    The full comparison key (case-folded words, hashed) costs ~100 µs per article, so it is built
    only when two articles already share a cheap signature that equal texts must share too: the
    number of words and the last eight words, case-folded (``rsplit`` reads only the end).
    """

    def __init__(self) -> None:
        # signature -> (text, label) of its first article, then, once a second one shares it,
        # {full key: label}: each check is one look-up, never a scan of the articles seen
        self._by_signature: dict[tuple, tuple[str, str] | dict[str, str]] = {}

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(" ".join(text.casefold().split()).encode()).hexdigest()

    def check(self, text: str, n_words: int, label: str) -> str:
        """The label (doc_id) of an earlier article with the same text, else "" (and ``text`` is
        remembered under ``label``)."""
        last = text[-300:].rsplit(None, 8)  # (the last words, without copying the rest of the text)
        if len(last) < 9:  # fewer than nine words in the tail: the eighth-last word may start before it
            last = text.rsplit(None, 8)
        signature = (n_words, *(w.casefold() for w in last[-8:]))
        seen = self._by_signature.get(signature)
        if seen is None:
            self._by_signature[signature] = (text, label)
            return ""
        if isinstance(seen, tuple):
            seen = self._by_signature[signature] = {self._key(seen[0]): seen[1]}
        key = self._key(text)
        if key in seen:
            return seen[key]
        seen[key] = label
        return ""


def load_corpus(path: str | Path | None = None, strict: bool = False) -> pd.DataFrame:
    """Read and clean every article under ``path``: one row per article, index ``doc_id``.

    ``text`` is the cleaned body WITHOUT the headline (the headline is in ``title``).
    Columns: path, format, encoding, raw, title, text, outlet, outlet_how, author, cites,
    published, published_how, url, language, n_words_raw, n_words, removed, dateline,
    dateline_place, dateline_agency, identical_to.
    ``dateline`` is the wire dateline that opens ``text`` as written ("NAIROBI, Kenya (AP) _",
    "WASHINGTON, August 8 (Xinhua) --", "" if none), ``dateline_place`` its place ("NAIROBI, Kenya")
    and ``dateline_agency`` the canonical agency it names ("Associated Press", "" if none). The
    agency is the ``outlet`` (``outlet_how`` 'dateline "..."') when nothing stronger names one
    (the source file, self-attribution, the page chrome); when another outlet publishes the story
    (a newspaper running wire copy), the agency is the first of its ``cites``. An ``outlets.csv`` in
    the folder (columns canonical, alias, kind, domain) adds outlet names to the packaged ones.
    ``identical_to`` is the doc_id of the first article with the same text (up to case and white
    space), "" if none: identical copies are kept, a finding (two outlets running one text, or one
    page saved twice); ``identical_groups`` lists them.
    ``doc_id`` is the file's path below the folder without extension (for .csv/.jsonl the
    row's ``doc_id``/``id`` or ``<file>-<row number>``). ``path=None`` means
    ``paths.corpus_dir()``. Skipped files are listed in one ``CorpusWarning`` and in
    ``corpus.attrs["skipped"]``; ``strict=True`` raises ``CorpusError`` on the first bad file.
    """
    root = Path(path) if path is not None else paths.corpus_dir()
    if not root.exists():
        raise CorpusError(root, "corpus folder not found")
    walk_skipped: list[tuple[str, str]] = []
    if root.is_file():
        files, root = [(str(root), root.name)], root.parent
    elif root.is_dir():
        files = _files(root, walk_skipped)
    else:
        raise CorpusError(root, "not a folder")

    skipped: list[tuple[str, str]] = []

    def skip(where: str, reason: str) -> None:
        if strict:
            raise CorpusError(where, reason)
        skipped.append((where, reason))

    for where, reason in walk_skipped:  # links out of the folder, loops, too-deep folders
        skip(where, reason)
    metadata = None
    articles: list[_Doc] = []
    for p, rel in files:
        name = rel.rsplit("/", 1)[-1]
        if name.lower() in RESERVED:
            if name.lower() == "metadata.csv" and "/" not in rel:
                try:
                    metadata = _read_metadata(Path(p), rel, meta_bad := [])
                except CorpusError as exc:
                    skip(rel, f"{exc.reason}; metadata ignored")
                else:
                    for where, reason in meta_bad:
                        skip(where, reason)
            continue
        suffix = _suffix(name)
        if suffix.lower() not in SUPPORTED:
            skip(rel, f"unsupported file type {suffix or '(no extension)'!r}; "
                 f"supported: {', '.join(sorted(SUPPORTED))}")
            continue
        try:
            docs, bad, _ = _read_file(p, rel)
        except CorpusError as exc:
            skip(rel, exc.reason)
            continue
        except OSError as exc:
            skip(rel, f"cannot be read ({exc.strerror or exc})")
            continue
        docs, bad = _without_long_tokens(docs, bad)
        for where, reason in bad:
            skip(where, reason)
        articles.extend(docs)

    try:  # the folder's own outlets.csv extends the outlet names (sources.use_corpus_outlets)
        sources.use_corpus_outlets(root)
    except CorpusError as exc:
        sources.use_corpus_outlets(None)
        skip("outlets.csv", f"{exc.reason}; its outlets are not used")
    rows, ids, seen_ids = [], [], set()
    duplicates = _DuplicateFinder()
    for doc in articles:
        if doc.doc_id in seen_ids:
            skip(doc.path, f"doc_id {doc.doc_id!r} is used by an earlier article")
            continue
        row = _analyse(doc)
        if not row["text"] or row["text"].isspace():  # (as "not text.strip()", without a copy)
            skip(doc.path, "no article text left after removing site chrome")
            continue
        row["identical_to"] = duplicates.check(row["text"], row["n_words"], doc.doc_id)
        seen_ids.add(doc.doc_id)
        rows.append(row)
        ids.append(doc.doc_id)

    if metadata is not None:
        unknown = sorted(set(metadata.index) - set(ids))
        if unknown:
            skip("metadata.csv", f"lists doc_id(s) not in the corpus: {', '.join(unknown[:5])}")
        for row, doc_id in zip(rows, ids, strict=True):
            if doc_id not in metadata.index:
                continue
            entry = metadata.loc[doc_id]
            for col in METADATA_COLUMNS:
                value = str(entry.get(col, "")).strip() if col in metadata.columns else ""
                if not value:
                    continue
                if col == "published":
                    row["published"], row["published_how"] = _parse_timestamp(value), "metadata.csv"
                elif col == "outlet":
                    row["outlet"], row["outlet_how"] = value, "metadata.csv"
                    row["cites"] = [c for c in row["cites"] if c != value]
                    agency = row["dateline_agency"]  # a paper running wire copy cites the wire
                    if agency and agency != sources.canonical_outlet(value) and agency not in row["cites"]:
                        row["cites"].insert(0, agency)
                else:
                    row[col] = value

    if not rows:
        detail = "; ".join(f"{w}: {r}" for w, r in skipped[:5])
        raise CorpusError(root, "no readable articles in the folder" + (f" ({detail})" if detail else ""))
    if skipped:
        listing = "\n".join(f"  {where}: {reason}" for where, reason in skipped)
        warnings.warn(CorpusWarning(f"skipped {len(skipped)} item(s) in {paths.display(root)}:\n{listing}"),
                      stacklevel=2)
    corpus = pd.DataFrame(rows, index=pd.Index(ids, name="doc_id"), columns=COLUMNS)
    corpus["published"] = pd.to_datetime(corpus["published"])
    corpus.attrs["root"] = paths.display(root)
    corpus.attrs["skipped"] = skipped
    return corpus


def text_identity(corpus: pd.DataFrame) -> pd.Series:
    """doc_id -> the doc_id of the first article with the same text (``identical_to``), or its own
    doc_id when its text is unique (or the corpus has no ``identical_to``): equal values, equal texts."""
    own = pd.Series(corpus.index.astype(str), index=corpus.index)
    if "identical_to" not in corpus.columns:
        return own
    first = corpus["identical_to"].fillna("").astype(str)
    return first.where(first != "", own)


def identical_groups(corpus: pd.DataFrame) -> pd.DataFrame:
    """Articles whose texts are identical (``identical_to``), one row per article of each group of
    two or more: columns group (doc_id of the group's first article), doc_id, path, outlet,
    n_words; in corpus order. Empty when every text is unique."""
    cols = ["group", "doc_id", "path", "outlet", "n_words"]
    if "identical_to" not in corpus.columns:
        return pd.DataFrame(columns=cols)
    first = corpus["identical_to"].fillna("").astype(str)
    group = text_identity(corpus)
    keep = group.isin(set(first[first != ""]))
    out = pd.DataFrame({"group": group[keep], "doc_id": corpus.index[keep]}, index=corpus.index[keep])
    for c in cols[2:]:
        out[c] = corpus.loc[keep, c] if c in corpus.columns else ""
    return out.reset_index(drop=True)[cols]


def sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """Split each article's ``text`` into sentences: columns doc_id, sent_id, start, end, text.

    Offsets index ``corpus.loc[doc_id, "text"]``; ``sent_id`` counts from 0 in each article.
    """
    records = []
    for doc_id, text in corpus["text"].items():
        if not isinstance(text, str):  # a row without text (NaN/None) has no sentences
            continue
        for n, (a, b) in enumerate(sentence_spans(text)):
            records.append((doc_id, n, a, b, text[a:b]))
    return pd.DataFrame(records, columns=["doc_id", "sent_id", "start", "end", "text"])
