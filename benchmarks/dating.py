"""Date TimeML news articles from their text with the DCT hidden, and score the windows.

Usage: python benchmarks/dating.py [PATH] [--show] [--runs N] [--no-dateparser]

PATH (or $NEWSTRACE_TIMEML; default ../shared/data/tempeval3-tbaq from the repo root) holds
TimeBank/ and AQUAINT/ folders of .tml files. Each file's <TEXT> content, stripped of tags and
with entities unescaped (the DCT and the header are left out), is written as a .txt file to a
temporary folder outside the repository; ``load_corpus`` reads that folder as a user's corpus
would be read, and ``date_documents`` dates every article from its own text and its story
family, as notebook 03 does. A window "holds" when earliest <= DCT <= latest (an open bound
holds). Printed: the share of windows holding the true date, the share with no window at all,
the median width of the closed windows, and the share pinned (holding and at most 1 / 7 / 31
days wide). ``--show`` lists every window that excludes the DCT with its evidence. Speed:
``expressions(corpus)`` (dating included) in MB of text per CPU second, beside dateparser's
``search_dates`` on the same text (median of --runs runs).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd
from devdata import cpu_throughput

from newstrace import paths
from newstrace.corpus import load_corpus
from newstrace.timeline import date_documents, expressions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timeml import parse_tml  # noqa: E402  (benchmarks are scripts; the TimeML reader lives beside this one)

#: Widths that count as "pinned" (days, inclusive of both ends minus one).
PINNED = {"day": 1, "week": 7, "month": 31}


def build_corpus(root: Path, folder: Path, twins: dict | None = None) -> dict[str, pd.Timestamp]:
    """Write each .tml file's text to folder/<name>.txt; return {doc file stem: true DCT}.

    ``twins`` receives {stem: stem of the earlier file with the same text}: load_corpus keeps one
    copy of a duplicate, and the other copy is scored with that copy's window."""
    truth = {}
    seen: dict[str, str] = {}
    for sub in ("TimeBank", "AQUAINT"):
        for f in sorted((root / sub).glob("*.tml")):
            text, dct, _ = parse_tml(f)
            stem = f.name[: -len(".tml")]
            if twins is not None and text.strip() in seen:
                twins[stem] = seen[text.strip()]
            seen.setdefault(text.strip(), stem)
            (folder / f"{stem}.txt").write_text(text.strip() + "\n", encoding="utf-8")
            truth[stem] = pd.Timestamp(dct)
    if not truth:
        raise SystemExit(f"error: no .tml files under {root}")
    return truth


def _stem(corpus: pd.DataFrame, doc_id) -> str:
    src = str(corpus.at[doc_id, "path"]) if "path" in corpus.columns else str(doc_id)
    name = Path(src).name
    return name[: -len(".txt")] if name.endswith(".txt") else name


def score(win: pd.DataFrame, truth: pd.Series) -> dict:
    """Shares of windows holding / open / pinned, median width, and the wrong rows."""
    lo, hi = win["earliest"], win["latest"]
    holds = (lo.isna() | (lo <= truth)) & (hi.isna() | (truth <= hi))
    none = lo.isna() & hi.isna()
    closed = lo.notna() & hi.notna()
    width = (hi - lo).dt.days + 1
    out = {"n": len(win), "holds": holds.mean(), "none": none.mean(), "closed": closed.mean(),
           "holds_given_window": holds[~none].mean() if (~none).any() else float("nan"),
           "median_width": float(width[closed].median()) if closed.any() else float("nan"),
           "wrong": win[~holds]}
    for k, days in PINNED.items():
        out[k] = (holds & closed & (width <= days)).mean()
    return out


def run_dating(corpus: pd.DataFrame) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return date_documents(corpus)


def call_expressions(corpus: pd.DataFrame) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expressions(corpus)


def call_dateparser(corpus: pd.DataFrame) -> None:
    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text in corpus["text"]:
            search_dates(text, languages=["en"])


def throughput(fn, corpus: pd.DataFrame, runs: int) -> float:
    """MB of article text per CPU second, the median of ``runs`` runs of ``fn(corpus)``."""
    return cpu_throughput(fn, corpus, sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6, runs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("NEWSTRACE_TIMEML") or str(paths.ROOT.parent / "shared" / "data" / "tempeval3-tbaq")
    ap.add_argument("path", nargs="?", default=default)
    ap.add_argument("--show", action="store_true", help="list the windows that exclude the true date")
    ap.add_argument("--runs", type=int, default=0, help="timed runs for throughput (0: skip the speed table)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip dateparser in the speed table")
    args = ap.parse_args(argv)
    root = Path(args.path)
    if not root.is_dir():
        print(f"error: {root}: TimeML folder not found (argument or NEWSTRACE_TIMEML)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newstrace-dating-") as tmp:
        twins: dict[str, str] = {}
        truth = build_corpus(root, Path(tmp), twins)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(tmp)
        win = run_dating(corpus).set_index("doc_id")
        stems = pd.Series({d: _stem(corpus, d) for d in corpus.index})
        by_stem = {s: d for d, s in stems.items()}
        for dup, kept in twins.items():  # a duplicate load_corpus skipped: scored with its twin's window
            if dup not in by_stem and kept in by_stem:
                win.loc[f"{dup} (twin)"] = win.loc[by_stem[kept]]
                stems[f"{dup} (twin)"] = dup
        true = pd.to_datetime(stems.map(truth))
        r = score(win, true.reindex(win.index))
        print(f"Dating {r['n']} TimeML news articles ({paths.display(root)}) with the DCT hidden: "
              "load_corpus on their text, then date_documents (text + story family)\n")
        print("| articles | window holds the DCT | no window | holds, of those with a window | closed window "
              "| median width (days) | pinned ≤1 day | ≤7 days | ≤31 days |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        print(f"| {r['n']} | {r['holds']:.1%} | {r['none']:.1%} | {r['holds_given_window']:.1%} | {r['closed']:.1%} "
              f"| {r['median_width']:.0f} | {r['day']:.1%} | {r['week']:.1%} | {r['month']:.1%} |")
        hows = win["how"].value_counts()
        print("\nDeciding evidence: " + ", ".join(f"{k} {v}" for k, v in hows.items()))
        if args.show:
            print(f"\n{len(r['wrong'])} windows exclude the true date:")
            for doc_id, row in r["wrong"].iterrows():
                lo = "…" if pd.isna(row.earliest) else row.earliest.date()
                hi = "…" if pd.isna(row.latest) else row.latest.date()
                print(f"- {stems[doc_id]} true {true[doc_id].date()} window {lo} to {hi} [{row.how}]: {row.evidence}")
        if args.runs:
            mb = sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6
            print(f"\nSpeed on the {r['n']} articles ({mb:.2f} MB), one core, CPU time, median of {args.runs} runs\n")
            print("| system | MB/s |")
            print("|---|---:|")
            print(f"| newstrace expressions(corpus), dating included | {throughput(call_expressions, corpus, args.runs):.3f} |")
            if not args.no_dateparser:
                print(f"| dateparser.search_dates | {throughput(call_dateparser, corpus, max(1, min(args.runs, 3))):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
