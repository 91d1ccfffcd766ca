"""Seeded random corpus folders for the fuzz test of issue 16: random bytes, random HTML, random CSV.

Not a test module: ``tests/test_hostile_fuzz.py`` imports it, and ``python tests/hostile_fuzz.py N``
runs N folders (a longer hunt than the test's) and prints any exception other than ``CorpusError``.
Each generator takes a ``random.Random`` so a seed gives the same folder on every run.
"""

from __future__ import annotations

import random
from pathlib import Path

#: news-like words, so the analyses (dates, figures, sources, overlap) have something to chew on
WORDS = ("the ferry company said on Monday police minister officials reported 8% 1,200 $3.5 million km² "
         "about nearly more than January 3 March 2024 last week yesterday in 1999 Reuters AP according to "
         "told a spokesman Island Post flood storm killed injured people km miles percent half dozen "
         "since two years ago by Friday 12:30 GMT 2024-05-01 – — « » “ ” ' \" ( ) ; : ! ? ... $ \\ % & # @ = "
         "+ - * / | ^ ~ ` { } [ ] < > Ωμέγα Москва 北京 ملك ‏ ​ ﻿ é e\u0301 \x00 \x0b \x1b 0 -1 1e309 NaN inf "
         "i.e. U.S. No. Mr. Dr. 5-4 1/2 ½ ² ٣ ۴ 〇 x").split(" ")
TAGS = ("div", "p", "span", "a", "b", "i", "h1", "h2", "table", "tr", "td", "ul", "li", "script", "style",
        "article", "header", "footer", "nav", "time", "meta", "title", "br", "img", "figure", "figcaption",
        "blockquote", "pre", "svg", "noscript", "iframe", "form", "button", "template", "math", "xmp")
ATTRS = ('href="https://evil.example/x"', 'href="javascript:alert(1)"', 'class="byline"', 'datetime="2024-13-45"',
         'property="og:title" content="=cmd|\' /C calc\'!A0"', 'name="author" content="{w}"', 'src="x" onerror=y',
         'id="{w}"', "itemprop=datePublished content=\"{w}\"", 'lang="{w}"', 'style="display:none"')
COLUMNS = ("text", "title", "doc_id", "id", "outlet", "published", "url", "author", "body", "date", "", "text",
           "=cmd", "doc_id")
PATTERNS = (r"\bflood\b", r"(a+)+$", r"(x|xx)+y", "(", "a*", "", r"[", r"\d{1,3}", r"(?i)ferry", "*", r"\p{L}+",
            r"(?<=x)y", "." * 50, r"(.*a){12}")


def words(rng: random.Random, n: int) -> str:
    """``n`` random words of news, numbers, punctuation and odd characters."""
    return " ".join(rng.choice(WORDS) for _ in range(n))


def article(rng: random.Random) -> str:
    """A plain-text article: a headline and a few paragraphs of random news words."""
    paras = [words(rng, rng.randint(3, 60)) + rng.choice([".", "", " said.", "!"]) for _ in range(rng.randint(0, 6))]
    return words(rng, rng.randint(0, 10)) + "\n\n" + "\n\n".join(paras)


def random_bytes(rng: random.Random) -> bytes:
    """Raw bytes: noise, a BOM and noise, text in another encoding, or UTF-8 text with noise in it."""
    kind = rng.randrange(5)
    n = rng.choice((0, 1, 10, 300, 5000, 40_000))
    if kind == 0:
        return rng.randbytes(n)
    if kind == 1:
        return rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) + rng.randbytes(n)
    text = article(rng)
    if kind == 2:
        return text.encode(rng.choice(("utf-16", "utf-16-le", "cp1251", "latin-1", "utf-32")), errors="ignore")
    raw = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 20)):  # flip bytes: broken UTF-8 sequences in good text
        if raw:
            raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw)


def _element(rng: random.Random, depth: int) -> str:
    tag = rng.choice(TAGS)
    attrs = " ".join(rng.choice(ATTRS).format(w=rng.choice(WORDS)) for _ in range(rng.randint(0, 2)))
    inner = "".join(_element(rng, depth - 1) if depth and rng.random() < 0.5 else words(rng, rng.randint(0, 25))
                    for _ in range(rng.randint(0, 4)))
    close = rng.choice((f"</{tag}>", f"</{tag}>", "", f"</{rng.choice(TAGS)}>"))
    return f"<{tag} {attrs}>{inner}{close}" + rng.choice(("", "<!-- c -->", "&amp;", "&#0;", "&bogus;", "<![CDATA[x]]>"))


def random_html(rng: random.Random) -> str:
    """A page of random, often unbalanced, tags with random attributes and news words."""
    head = rng.choice(("", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<html><head><title>"
                       + words(rng, 5) + "</title></head>"))
    body = "".join(_element(rng, rng.randint(0, 12)) for _ in range(rng.randint(0, 8)))
    return head + rng.choice(("<body>", "")) + body + rng.choice(("</body></html>", "", "<"))


def _cell(rng: random.Random) -> str:
    cell = rng.choice((words(rng, rng.randint(0, 40)), article(rng), "", "2024-05-01", "not a date",
                       "=cmd|' /C calc'!A0", "d1", str(rng.randint(-5, 10**6))))
    if rng.random() < 0.3:
        cell = '"' + cell.replace('"', '""') + '"'
    elif rng.random() < 0.1:
        cell = '"' + cell  # an unclosed quote
    return cell


def random_csv(rng: random.Random, columns=COLUMNS) -> str:
    """A CSV of random header and rows: ragged rows, quoted line breaks, unclosed quotes, formulas."""
    header = [rng.choice(columns) for _ in range(rng.randint(0, 5))]
    rows = [",".join(_cell(rng) for _ in range(max(0, len(header) + rng.choice((0, 0, 0, -1, 1, 3)))))
            for _ in range(rng.randint(0, 30))]
    return rng.choice(("\n", "\r\n", "\r")).join([",".join(header), *rows])


def random_events(rng: random.Random) -> str:
    """An events.csv of random rows: good and bad patterns, dates and cells."""
    head = rng.choice(("event,earliest,pattern", "event,earliest,latest,pattern", "event,pattern", ""))
    rows = [f"{rng.choice(WORDS)},{rng.choice(('2019-07-04', 'someday', '', '1999'))},{rng.choice(PATTERNS)}"
            for _ in range(rng.randint(0, 5))]
    return "\n".join([head, *rows]) + "\n"


def random_folder(folder: Path, seed: int) -> None:
    """Fill ``folder`` with one seed's random files: bytes, HTML, CSV, JSONL, side files, good text."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(rng.randint(1, 4)):
        (folder / f"bytes{i}{rng.choice(('.txt', '.html', '.md', '.csv', '.jsonl', '.htm'))}").write_bytes(random_bytes(rng))
    for i in range(rng.randint(1, 4)):
        (folder / f"page{i}.html").write_text(random_html(rng), encoding="utf-8", errors="surrogatepass")
    for i in range(rng.randint(0, 3)):
        (folder / f"table{i}.csv").write_text(random_csv(rng), encoding="utf-8", errors="surrogatepass")
    for i in range(rng.randint(1, 4)):
        (folder / f"story{i}.txt").write_text(article(rng), encoding="utf-8", errors="surrogatepass")
    if rng.random() < 0.3:
        (folder / "feed.jsonl").write_text("\n".join(rng.choice(('{"text": "' + words(rng, 30) + '"}', "{", "[]",
                                                                 '{"text": 5}', "null", '{"id": 1, "text": null}'))
                                                     for _ in range(rng.randint(1, 6))), encoding="utf-8")
    if rng.random() < 0.4:
        (folder / "metadata.csv").write_text(random_csv(rng, ("doc_id", "outlet", "published", "url", "author",
                                                              "title", "x")), encoding="utf-8")
    if rng.random() < 0.4:
        (folder / "events.csv").write_text(random_events(rng), encoding="utf-8")
    if rng.random() < 0.2:
        (folder / "outlets.csv").write_text(random_csv(rng, ("canonical", "alias", "kind", "domain")), encoding="utf-8")


if __name__ == "__main__":  # a longer hunt: python tests/hostile_fuzz.py N [first seed]
    import sys
    import tempfile
    import time
    import traceback

    from hostile_run import run_everything

    n, first = int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0
    for seed in range(first, first + n):
        with tempfile.TemporaryDirectory() as tmp:
            random_folder(Path(tmp) / "corpus", seed)
            start = time.perf_counter()
            try:
                corpus = run_everything(Path(tmp) / "corpus", charts=seed % 5 == 0)
                status = "CorpusError" if corpus is None else f"{len(corpus)} articles"
            except Exception:  # noqa: BLE001  (the hunt prints every crash)
                status = "CRASH\n" + traceback.format_exc()
            print(f"seed {seed}: {time.perf_counter() - start:.1f} s, {status}", flush=True)
