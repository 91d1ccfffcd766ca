"""Wire copy through the cleaner: how many lines of real newswire it removes, and whether it keeps datelines.

    python benchmarks/timeml_cleaning.py [PATH] [--show N]

PATH (or ``$NEWSTRACE_DATA``/tempeval3-tbaq; default ``<repo>/../shared/data/tempeval3-tbaq``)
holds TimeBank/ and AQUAINT/ folders of .tml files: 256 news articles of 1989-1998 (AP, NYT,
Xinhua, WSJ, ABC, CNN, ...). Each article is the ``<TEXT>`` element with its tags stripped and its
entities unescaped, saved as a .txt file in a temporary folder and read with ``load_corpus`` as a
user would. Every non-blank line of the article is body: a line that is not a line of ``text``
is counted as removed (target 0), with the reason the cleaner gave, or "moved to title" if the
cleaner took it as the headline. A dateline (``NAIROBI, Kenya (AP) _``, ``WASHINGTON, August 8
(Xinhua) --``, ``CITY (Reuters) -``: a place in capitals, perhaps a region or a date, perhaps an
agency in brackets, then a dash) is kept if ``text`` holds it.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

from devdata import data_dir, timeml_text

from newstrace import load_corpus

REPO = Path(__file__).resolve().parent.parent
TAG = re.compile(r"<[^>]+>")
# how this benchmark recognises a dateline in the gold text (the cleaner has no dateline rule of its own)
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+ ?)+(?:, [A-Z][\w.' ]+?)?(?:, [A-Z][a-z]+\.? \d{1,2})?(?: \([A-Za-z-]+\))? ?(?:_|--|-|—)"
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = data_dir(sub="tempeval3-tbaq")
    ap.add_argument("path", nargs="?", default=default)
    ap.add_argument("--show", type=int, default=10, help="print up to N removed lines")
    args = ap.parse_args(argv)
    files = sorted(Path(args.path).glob("*/*.tml"))
    if not files:
        raise SystemExit(f"{args.path}: no */*.tml files")
    articles = {f"{f.parent.name}__{f.stem}": timeml_text(f) for f in files}
    with tempfile.TemporaryDirectory() as tmp:
        for doc_id, text in articles.items():
            (Path(tmp) / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(tmp)
    lines_total, removed, datelines, kept_datelines, titled = 0, [], 0, 0, 0
    reasons: Counter = Counter()
    skipped = {Path(where).stem: why for where, why in corpus.attrs.get("skipped", [])}
    for doc_id, text in articles.items():
        if doc_id not in corpus.index:  # (a wire story filed twice is one article: see "skipped")
            continue
        row = corpus.loc[doc_id]
        kept = set(row.text.split("\n"))
        why = {r["text"]: r["reason"] for r in row.removed}
        for line in (ln.strip() for ln in text.split("\n")):
            if not line:
                continue
            lines_total += 1
            is_dateline = bool(DATELINE.match(line))
            datelines += is_dateline
            if line in kept:
                kept_datelines += is_dateline
                continue
            reason = "moved to title" if line == row.title else why.get(line, "not in text")
            titled += reason == "moved to title"
            reasons[reason] += 1
            removed.append((doc_id, reason, line))
    print(f"TimeML (TempEval-3 TBAQ): {len(articles)} articles, {lines_total} non-blank lines in <TEXT>\n")
    print("| measure | newstrace | target |")
    print("|---|---|---|")
    print(f"| lines of <TEXT> not in `text` | {len(removed)} | 0 |")
    print(f"| ... of them taken as the headline (`title`) | {titled} | 0 |")
    print(f"| articles with a line removed | {len({d for d, _, _ in removed})} | 0 |")
    print(f"| datelines kept in `text` | {kept_datelines} of {datelines} | all |")
    for doc_id, why in skipped.items():
        print(f"\nskipped by load_corpus: {doc_id}: {why}")
    if reasons:
        print("\nreasons:", ", ".join(f"{r} ({n})" for r, n in reasons.most_common()))
    for doc_id, reason, line in removed[: args.show]:
        print(f"  {doc_id}: [{reason}] {line[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
