"""Claims on real wire copy: every disagreement ``figures.claims`` flags on the 256 TimeML news articles,
printed for reading and scored against a reader's labels.

    .venv/bin/python benchmarks/claims_timeml.py [PATH] [--no-dates]

PATH (or ``$NEWSTRACE_DATA``/tempeval3-tbaq) holds the TimeBank/ and AQUAINT/ .tml files. Each article's
``<TEXT>`` (``devdata.timeml_text``) is written as a .txt file to a temporary folder with a metadata.csv
giving its DCT as ``published`` (``--no-dates`` leaves the dates out), and that folder is read with
``corpus.load_corpus`` as a user's corpus would be. Then ``extract``, ``overlap.families`` and ``claims``.
For every claim flagged "disagree" it prints each conflicting pair of variants (doc ids, dates, figures,
sentences). ``benchmarks/data/claims_timeml_gold.csv`` labels conflicting pairs (doc ids, offsets, values,
label real/false, reason; no article text): a flagged claim is real when one of its conflicting pairs is
labelled real. It also counts how many pairs labelled real sit in a claim flagged disagree.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devdata import data_dir, timeml_text  # noqa: E402

from newstrace import figures, overlap  # noqa: E402
from newstrace.corpus import load_corpus  # noqa: E402

GOLD = Path(__file__).resolve().parent / "data" / "claims_timeml_gold.csv"
DCT = re.compile(r"<DCT>.*?value=\"([^\"]+)\"", re.S)


def timeml_folder(src: Path, dest: Path, dates: bool) -> None:
    """Write every .tml file's text under ``src`` to ``dest`` as .txt, with a metadata.csv of DCT dates."""
    rows = []
    for p in sorted(src.glob("*/*.tml")):
        (dest / f"{p.stem}.txt").write_text(timeml_text(p).strip() + "\n", encoding="utf-8")
        m = DCT.search(p.read_text(encoding="utf-8"))
        rows.append((p.stem, m.group(1)[:10] if m and dates else ""))
    with open(dest / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["doc_id", "published"])
        w.writerows(rows)


def conflicting_pairs(cl: pd.DataFrame) -> pd.DataFrame:
    """Every pair of variants of a flagged claim whose intervals do not meet (one row per pair)."""
    out = []
    for cid, g in cl[cl["disagree"]].groupby("claim_id"):
        rows = g.to_dict("records")
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if a["doc_id"] != b["doc_id"] and figures.compare(a, b) == "disagree":
                    out.append({"claim_id": cid, "doc_a": a["doc_id"], "start_a": a["start"], "value_a": a["surface"],
                                "doc_b": b["doc_id"], "start_b": b["start"], "value_b": b["surface"], "a": a, "b": b})
    return pd.DataFrame(out)


def _day(ts) -> str:
    return "no date" if pd.isna(ts) else f"{ts:%Y-%m-%d}"


def key(doc_a, start_a, doc_b, start_b) -> tuple:
    return tuple(sorted([(str(doc_a), int(start_a)), (str(doc_b), int(start_b))]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?")
    parser.add_argument("--no-dates", action="store_true")
    args = parser.parse_args()
    src = data_dir(args.path, "tempeval3-tbaq")
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        timeml_folder(src, Path(tmp), not args.no_dates)
        corpus = load_corpus(tmp)
    figs = figures.extract(corpus)
    fam = overlap.families(corpus)
    cl = figures.claims(figs, corpus, fam)
    pairs = conflicting_pairs(cl)
    gold = pd.read_csv(GOLD) if GOLD.exists() else pd.DataFrame(columns=["doc_a", "start_a", "doc_b", "start_b",
                                                                             "label", "reason"])
    labels = {key(r.doc_a, r.start_a, r.doc_b, r.start_b): r.label for r in gold.itertuples()}
    verdicts = {}
    for cid, g in pairs.groupby("claim_id") if len(pairs) else []:
        print(f"\n== claim {cid}: {next((s for s in cl[cl.claim_id == cid]['subject'] if s), '')} "
              f"({cl[cl.claim_id == cid]['event'].iloc[0] or 'no event word'})")
        found = []
        for r in g.itertuples():
            lab = labels.get(key(r.doc_a, r.start_a, r.doc_b, r.start_b), "UNLABELLED")
            found.append(lab)
            print(f"  [{lab}] {r.doc_a}@{r.start_a} ({_day(r.a['published'])}) “{r.value_a}” vs "
                  f"{r.doc_b}@{r.start_b} ({_day(r.b['published'])}) “{r.value_b}”")
            print(f"      a: {r.a['sentence'][:240]}\n      b: {r.b['sentence'][:240]}")
        verdicts[cid] = "real" if "real" in found else ("UNLABELLED" if "UNLABELLED" in found else "false")
    flagged = cl[cl["disagree"]]["claim_id"].nunique() if len(cl) else 0
    real = sum(v == "real" for v in verdicts.values())
    kept = set()
    for _, g in cl[cl["disagree"]].groupby("claim_id"):
        rows = g.to_dict("records")
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if figures.compare(a, b) != "agree":
                    kept.add(key(a["doc_id"], a["start"], b["doc_id"], b["start"]))
    gold_real = [key(r.doc_a, r.start_a, r.doc_b, r.start_b) for r in gold.itertuples() if r.label == "real"]
    print(f"\n{len(corpus)} articles, {len(figs)} figures, {cl['claim_id'].nunique() if len(cl) else 0} claims; "
          f"{flagged} flagged disagree, {(cl.groupby('claim_id')['verdict'].first() == 'grew').sum()} grew")
    print(f"flags real: {real} of {flagged}" + (f" (precision {real / flagged:.2f})" if flagged else "")
          + f"; unlabelled: {sum(v == 'UNLABELLED' for v in verdicts.values())}")
    print(f"known real same-story disagreements (gold pairs labelled real): {len(gold_real)}; "
          f"in a claim flagged disagree: {sum(k in kept for k in gold_real)}")


if __name__ == "__main__":
    main()
