"""Quality of newstrace.overlap on re-reported stories that are not the seeds.

Reads benchmarks/data/overlap_stories/ (or the folder given as the first argument, or
$NEWSTRACE_OVERLAP_STORIES): ``articles/`` (10 invented stories, each re-reported 2-3 times
by fictional outlets with paraphrase, dropped and reordered sentences, respelled names and
changed titles, plus 10 same-topic distractors), ``labels.csv`` (doc_id -> story),
``alignments.csv`` (sentence pairs a careful reader matches) and ``name_variants.csv``.

Prints: same-story pair precision/recall/F1 of ``families`` over a threshold sweep (the
default FAMILY_THRESHOLD is the value chosen from this sweep), alignment recall and spurious
alignments over an ALIGN_THRESHOLD sweep, and name-variant recall.

    .venv/bin/python benchmarks/overlap_quality.py
"""

from __future__ import annotations

import itertools
import os
import sys
import warnings
from pathlib import Path

import pandas as pd

from newstrace import overlap
from newstrace.corpus import load_corpus

HERE = Path(__file__).resolve().parent


def same_story_pairs(labels: pd.Series) -> set[tuple[str, str]]:
    """Unordered doc pairs that share a label."""
    out = set()
    for _, docs in labels.groupby(labels):
        for a, b in itertools.combinations(sorted(docs.index), 2):
            out.add((a, b))
    return out


def prf(pred: set, gold: set) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else os.environ.get("NEWSTRACE_OVERLAP_STORIES", HERE / "data/overlap_stories"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder / "articles")
    labels = pd.read_csv(folder / "labels.csv", dtype=str).set_index("doc_id")["story"]
    labels = labels.reindex(corpus.index)
    if labels.isna().any():
        raise SystemExit(f"labels.csv lacks {list(labels[labels.isna()].index)}")
    gold = same_story_pairs(labels)
    n_stories = labels[labels.str.startswith("s")].nunique()
    print(f"corpus: {len(corpus)} articles, {n_stories} re-reported stories, "
          f"{(labels.value_counts() == 1).sum()} single articles, {len(gold)} same-story pairs\n")

    table = overlap.pairs(corpus, min_score=0.0, top_k=len(corpus))
    print("families: same-story pair precision / recall / F1 by threshold")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'families':>8}")
    for t in [0.05, 0.08, 0.10, 0.12, 0.15, 0.18, 0.20, 0.25, 0.30, 0.40]:
        fam = overlap.families(corpus, threshold=t, pair_table=table)
        p, r, f = prf(same_story_pairs(fam), gold)
        mark = "  <- default" if abs(t - overlap.FAMILY_THRESHOLD) < 1e-9 else ""
        print(f"{t:>9.2f} {p:>9.3f} {r:>7.3f} {f:>6.3f} {fam.nunique():>8}{mark}")
    scored = table.assign(gold=[(min(a, b), max(a, b)) in gold for a, b in zip(table.doc_a, table.doc_b, strict=True)])
    pos, neg = scored[scored.gold]["score"], scored[~scored.gold]["score"]
    print(f"\nword cosine of same-story pairs: min {pos.min():.3f}, median {pos.median():.3f}; "
          f"of other pairs: median {neg.median():.3f}, max {neg.max():.3f}")

    gold_al = pd.read_csv(folder / "alignments.csv", dtype=str)
    idf = overlap.corpus_idf(corpus)
    cache = {}
    print("\nalignment: recall of reader-matched sentence pairs; spurious = aligned sentence pairs "
          "per pair of different-story articles (top-3 neighbours)")
    others = [(a, b) for a, b in zip(table.doc_a, table.doc_b, strict=True)
              if (min(a, b), max(a, b)) not in gold]
    others = pd.DataFrame(others, columns=["a", "b"])
    others = others.groupby("a").head(3)
    print(f"{'threshold':>9} {'recall':>7} {'spurious':>8}")
    for t in [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]:
        hits = 0
        for row in gold_al.itertuples(index=False):
            key = (row.doc_a, row.doc_b, t)
            if key not in cache:
                cache[key] = overlap.align(corpus, row.doc_a, row.doc_b, min_score=t, idf=idf)
            al = cache[key]
            hits += bool(((al.text_a.str.contains(row.snippet_a, regex=False))
                          & (al.text_b.str.contains(row.snippet_b, regex=False))).any())
        spurious = sum(len(overlap.align(corpus, a, b, min_score=t, idf=idf)) for a, b in others.itertuples(index=False))
        mark = "  <- default" if abs(t - overlap.ALIGN_THRESHOLD) < 1e-9 else ""
        print(f"{t:>9.2f} {hits / len(gold_al):>7.3f} {spurious / max(len(others), 1):>8.2f}{mark}")
    print(f"({len(gold_al)} reader-matched sentence pairs, {len(others)} different-story article pairs)")

    roles = pd.read_csv(folder / "labels.csv", dtype=str).set_index("doc_id")["role"]
    originals = {s: d for d, s in labels.items() if roles.get(d) == "original"}
    gold_edges = {(originals[s], d) for d, s in labels.items() if roles.get(d) == "re-report"}
    g = overlap.derivation(corpus)
    found_edges = {(a, b) for a, b in g.edges if a in corpus.index and b in corpus.index}
    p, r, f = prf(found_edges, gold_edges)
    cited_only = sum(1 for _, d in gold_edges if not any(s in corpus.index for s in g.predecessors(d)))
    print(f"\nderivation: article-to-article edges precision {p:.3f}, recall {r:.3f} against original -> re-report "
          f"({len(found_edges)} edges, {len(gold_edges)} gold; {cited_only} re-reports with no in-corpus source found)")

    gold_names = pd.read_csv(folder / "name_variants.csv", dtype=str)
    found = overlap.variants(corpus, family=labels)
    found = found[found.kind == "name"]
    hits = 0
    for row in gold_names.itertuples(index=False):
        fa = found[(found.doc_a == row.doc_a) & (found.doc_b == row.doc_b)]
        hits += bool(((fa.variant_a.str.contains(row.name_a.split()[-1], regex=False))
                      & (fa.variant_b.str.contains(row.name_b.split()[-1], regex=False))).any())
    same_name = found[[a.split()[-1] == b.split()[-1] for a, b in zip(found.variant_a, found.variant_b, strict=True)]]
    print(f"\nname variants (reader's story families): recall {hits}/{len(gold_names)} = {hits / len(gold_names):.3f}; "
          f"{len(found)} name pairs reported, {len(found) - hits} beyond the gold list "
          f"({len(same_name)} with the same last word)")
    for row in found.itertuples(index=False):
        print(f"  {row.doc_a}-{row.doc_b}: {row.variant_a!r} ~ {row.variant_b!r} ({row.similarity})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
