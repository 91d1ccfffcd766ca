"""Do short texts in common encodings decode right? newstrace's ``decode`` beside charset-normalizer alone.

    python benchmarks/encodings.py [DATA]

DATA is the shared data folder (default: $NEWSTRACE_DATA, else <repo>/../shared/data). The
sentences are real, read at run time: Cyrillic ones from the Russian-language pages of
``zyte-articles-dev/ground-truth.json`` (pages whose gold body is mostly Cyrillic), Latin ones from
the ``<TEXT>`` of the TimeML news in ``tempeval3-tbaq``. Consecutive sentences are joined into texts
of 100 to 400 bytes (in UTF-8), in three scripts: Cyrillic, Latin, and mixed (a Cyrillic sentence
then a Latin one). Each text is encoded in cp1251, koi8-r, UTF-8, UTF-16 with a BOM and UTF-16-LE
without one (Latin texts are not encoded in koi8-r/cp1251: as ASCII they are the same bytes as
UTF-8). A decoding is right when it gives the text back exactly. charset-normalizer alone is
``str(from_bytes(data).best())``.
"""

from __future__ import annotations

import json
import os
import re
import sys
import warnings
from collections import defaultdict
from pathlib import Path

import charset_normalizer

from newstrace.corpus import decode
from newstrace.errors import CorpusError

REPO = Path(__file__).resolve().parent.parent
MIN_BYTES, MAX_BYTES = 100, 400
ENCODINGS = {"cp1251": "cp1251", "koi8-r": "koi8_r", "utf-8": "utf-8", "utf-16 BOM": "utf-16",
             "utf-16-le no BOM": "utf-16-le"}
CYRILLIC_SHARE = 0.5  # a page whose letters are mostly Cyrillic gives Cyrillic sentences


def data_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("NEWSTRACE_DATA") or REPO.parent / "shared" / "data")


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text))
    return [p.strip() for p in parts if 20 <= len(p.strip()) <= MAX_BYTES // 2]


def cyrillic_sentences(data: Path) -> list[str]:
    gold = json.loads((data / "zyte-articles-dev" / "ground-truth.json").read_text("utf-8"))
    out = []
    for page in gold.values():
        body = page["articleBody"]
        letters = re.findall(r"[^\W\d_]", body)
        if letters and sum("\u0400" <= ch <= "\u04ff" for ch in letters) > CYRILLIC_SHARE * len(letters):
            out += [s for s in _sentences(body) if re.search("[а-яё]", s)]
    return out


def latin_sentences(data: Path, limit: int = 400) -> list[str]:
    out = []
    for path in sorted((data / "tempeval3-tbaq").rglob("*.tml")):
        m = re.search(r"<TEXT>(.*?)</TEXT>", path.read_text("utf-8", errors="replace"), re.DOTALL)
        if m:
            plain = re.sub(r"<[^>]+>", "", m.group(1)).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            out += _sentences(plain)
        if len(out) >= limit:
            break
    return out


def texts(sentences: list[str]) -> list[str]:
    """From each sentence on, the consecutive sentences that make MIN_BYTES to MAX_BYTES bytes of UTF-8."""
    out = []
    for i in range(len(sentences)):
        cur = ""
        for s in sentences[i:]:
            nxt = f"{cur} {s}".strip()
            if len(nxt.encode()) > MAX_BYTES:
                break
            cur = nxt
            if len(cur.encode()) >= MIN_BYTES:
                out.append(cur)
                break
    return out


def cases(data: Path) -> list[tuple[str, str, str, bytes]]:
    """(script, encoding label, text, bytes) for every text and encoding."""
    cyr, lat = cyrillic_sentences(data), latin_sentences(data)
    scripts = {"Cyrillic": texts(cyr), "Latin": texts(lat)[:40],
               "mixed": texts([s for pair in zip(cyr, lat, strict=False) for s in pair])}
    out = []
    for script, items in scripts.items():
        for text in items:
            for label, codec in ENCODINGS.items():
                if script == "Latin" and codec in {"cp1251", "koi8_r"}:
                    continue
                try:
                    out.append((script, label, text, text.encode(codec)))
                except UnicodeEncodeError:
                    continue  # a character the code page lacks (a curly quote in koi8-r)
    return out


def truncated(raw: bytes) -> tuple[str, bytes]:
    """UTF-8 bytes cut inside their last multi-byte character, and the text a reader expects from them."""
    lead = max(i for i, b in enumerate(raw) if b >= 0xC0)
    return raw[:lead].decode("utf-8") + "\ufffd", raw[:lead + 1]


def ours(data: bytes) -> str | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return decode(data)[0]
    except CorpusError:
        return None


def detector_alone(data: bytes) -> str | None:
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    data = data_dir(argv[0] if argv else None)
    all_cases = cases(data)
    right: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for script, label, text, raw in all_cases:
        cell = right[(label, script)]
        cell[0] += ours(raw) == text
        cell[1] += detector_alone(raw) == text
        cell[2] += 1
    print(f"{len(all_cases)} short texts ({MIN_BYTES}-{MAX_BYTES} bytes as UTF-8) from real sentences "
          f"({len(cyrillic_sentences(data))} Cyrillic from zyte-articles-dev, Latin from tempeval3-tbaq)\n")
    print("| encoding | script | texts | newstrace decode right | charset-normalizer alone right |")
    print("|---|---|---|---|---|")
    tot = [0, 0, 0]
    for (label, script), (a, b, n) in sorted(right.items()):
        print(f"| {label} | {script} | {n} | {a / n:.1%} | {b / n:.1%} |")
        tot = [tot[0] + a, tot[1] + b, tot[2] + n]
    print(f"| all | all | {tot[2]} | {tot[0] / tot[2]:.1%} | {tot[1] / tot[2]:.1%} |")
    trunc = [truncated(r) for s, lab, t, r in all_cases if lab == "utf-8" and max(r) >= 0xC0]
    trunc_ok = sum(1 for text, raw in trunc if ours(raw) == text)
    print(f"\ntruncated UTF-8 (last byte of a multi-byte character cut): {trunc_ok}/{len(trunc)} read as UTF-8 "
          "with U+FFFD in place of the cut character")


if __name__ == "__main__":
    main()
