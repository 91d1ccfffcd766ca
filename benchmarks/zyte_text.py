"""How well the plain-text cleaner keeps the article body of real scraped pages.

    python benchmarks/zyte_text.py [DATA] [--show N]

Reads ``DATA/zyte-articles-dev/text/*.txt`` (91 real news pages rendered to plain text with all
their chrome; DATA defaults to ``$NEWSTRACE_DATA`` or ``<repo>/../shared/data``), loads the folder
with ``load_corpus`` exactly as a user would, and scores each article's ``text`` column against
``ground-truth.json``'s ``articleBody`` with the Zyte benchmark's metric: 4-token shingles over
``\\w+`` tokens, per-page precision and recall averaged over pages, F1 of the two means, and
"accuracy" (token sequence equal to the gold's). ``text`` does not hold the headline (it moves to
``title``), and the gold excludes the headline too, so ``text`` is scored as it is. The
no-cleaning baseline (the raw file) is printed beside it. ``--show N`` lists the N worst pages.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from devdata import data_dir, exact_tokens, page_counts, prf

from newstrace import load_corpus


def page_scores(pred: str, gold: str) -> tuple[float, float, float, bool]:
    """``(tp, fp, fn, exact)`` of one page (the counts as shares of their sum, see devdata.page_counts)."""
    return (*page_counts(pred, gold), exact_tokens(pred, gold))


def summary(rows: list[tuple[float, float, float, bool]]) -> dict:
    """Mean per-page precision and recall, F1 of the means, accuracy."""
    p, r, f1 = prf([row[:3] for row in rows])
    return {"P": p, "R": r, "F1": f1, "accuracy": sum(e for *_, e in rows) / len(rows)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=data_dir())
    ap.add_argument("--show", type=int, default=0, help="print the N worst pages (by per-page F1)")
    args = ap.parse_args(argv)
    base = Path(args.data) / "zyte-articles-dev"
    gold = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(base / "text")
    ours, raw, per_page = [], [], []
    for doc_id, g in sorted(gold.items()):
        body = g["articleBody"]
        text = corpus.loc[doc_id, "text"] if doc_id in corpus.index else ""
        ours.append(page_scores(text, body))
        raw.append(page_scores((base / "text" / f"{doc_id}.txt").read_text(encoding="utf-8"), body))
        tp, fp, fn, _ = ours[-1]
        p, r = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        per_page.append((2 * p * r / (p + r) if p + r else 0.0, p, r, doc_id))
    print(f"zyte-articles-dev/text: {len(gold)} pages, shingles of 4 \\w+ tokens\n")
    print(f"| {'system':<34} | {'P':>5} | {'R':>5} | {'F1':>5} | accuracy |")
    print(f"|{'-' * 36}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 10}|")
    for name, rows in [("no cleaning (the raw file)", raw), ("newstrace load_corpus `text`", ours)]:
        s = summary(rows)
        print(f"| {name:<34} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['accuracy']:8.3f} |")
    if args.show:
        print(f"\nworst {args.show} pages (F1, P, R, id):")
        for f1, p, r, doc_id in sorted(per_page)[: args.show]:
            print(f"  {f1:.3f}  P {p:.3f}  R {r:.3f}  {doc_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
