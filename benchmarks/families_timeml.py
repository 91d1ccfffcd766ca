"""Story families on real wire copy: the 256 TimeML news articles, checked against hand-labelled pairs.

    python benchmarks/families_timeml.py [PATH] [--list]

PATH (or ``$NEWSTRACE_DATA``/tempeval3-tbaq) holds the TimeBank/ and AQUAINT/ .tml files. Each article
is its ``<TEXT>`` with tags stripped (``train_same_story.timeml_corpus``). ``families`` runs twice: with
each article's true date as ``published`` (a corpus whose metadata.csv gives dates, so the time rule
applies) and without dates. The gold is the TimeML rows of ``benchmarks/data/relations_gold.csv``: pairs a
reader labelled wholly / partially derived or independent reports of one story must share a family;
look-alike pairs must not. These 48 pairs were also in the model's training data (see
train_same_story.py), so this is a check of what the model learnt, not a held-out score. ``--list``
prints every family of two or more articles with each article's first words, to read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_same_story import GOLD, timeml_corpus, timeml_dir  # noqa: E402

from newstrace import overlap  # noqa: E402

SAME = {"wholly derived", "partially derived", "independent"}


def check(fam: pd.Series, gold: pd.DataFrame) -> dict:
    """Counts of gold pairs kept together / apart by the families ``fam``."""
    together = fam[gold["doc_a"]].to_numpy() == fam[gold["doc_b"]].to_numpy()
    same = gold["relation"].isin(SAME).to_numpy()
    sizes = fam.value_counts()
    return {"same-story pairs together": f"{(together & same).sum()} of {same.sum()}",
            "look-alike pairs apart": f"{(~together & ~same).sum()} of {(~same).sum()}",
            "families of 2+": int((sizes > 1).sum()), "articles in them": int(sizes[sizes > 1].sum())}


def listing(corpus: pd.DataFrame, fam: pd.Series) -> None:
    sizes = fam.value_counts()
    for f in sizes[sizes > 1].index:
        print(f"\n{f} ({sizes[f]} articles)")
        for doc in fam.index[fam == f]:
            print(f"  {doc:24} {' '.join(corpus.at[doc, 'text'].split()[:14])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    corpus = timeml_corpus(timeml_dir(args.path))
    gold = pd.read_csv(GOLD)
    gold = gold[(gold["corpus"] == "timeml") & gold["doc_a"].isin(corpus.index) & gold["doc_b"].isin(corpus.index)]
    runs = {"with true dates (metadata)": corpus, "without dates": corpus.assign(published=pd.NaT)}
    rows = {name: check(overlap.families(c), gold) for name, c in runs.items()}
    print(f"TimeML news: {len(corpus)} articles; {len(gold)} labelled pairs\n")
    print(pd.DataFrame(rows).to_string())
    verbatim = gold[gold["relation"] == "wholly derived"]
    print("\nverbatim or near-verbatim copies in the gold: "
          + "; ".join(f"{a} = {b}" for a, b in zip(verbatim["doc_a"], verbatim["doc_b"], strict=True)))
    if args.list:
        listing(corpus, overlap.families(corpus))


if __name__ == "__main__":
    main()
