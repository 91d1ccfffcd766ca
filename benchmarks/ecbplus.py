"""Score newstrace.overlap.families on ECB+ dev: same event versus look-alike event, pair P/R/F1.

Usage: python benchmarks/ecbplus.py [PATH] [--no-cv]

PATH (or $NEWSTRACE_DATA/ecbplus-dev; default ../shared/data/ecbplus-dev from the repo root) holds
``<topic>/<doc_id>.txt`` and ``clusters.csv`` (doc_id, topic, event). Each topic holds two real
events of one kind (two celebrity rehab stays, two earthquakes...): the look-alike stories.

How the texts are read: every ``ecbplus`` article begins with its source URL on a line of its own
(the ``ecb`` half has none). A first line that is nothing but a URL is page metadata, not article
text: the loader moves it to the ``url`` column and leaves it out of ``text`` (a URL in the
text would also tell the two halves of each topic apart by a token only one half has). No
article has a title or date field, so ``title`` is "" and ``published`` is NaT (time is not used).

Scoring (the ECB+ README): all unordered pairs of articles; a pair is gold-positive when both have
the same event; predicted-positive when one family holds both. Printed: precision, recall, F1, the
share of false merges that are look-alikes (same topic, other event), and F1 against topics.
Baseline: scikit-learn TfidfVectorizer (defaults) cosine with single linkage at the threshold that
is best on the very data scored (an oracle). newstrace's settings were fitted on labelled pairs
(benchmarks/train_same_story.py); the cross-validated figure refits them on half the topics and
scores the other half (odd- vs even-positioned topics, both ways).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from newstrace import overlap, paths

URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")


def data_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    base = os.environ.get("NEWSTRACE_DATA") or str(paths.ROOT.parent / "shared" / "data")
    return Path(base) / "ecbplus-dev"


def split_url(raw: str) -> tuple[str, str]:
    """``(url, text)``: a first line that is only a URL is moved out of the text."""
    first, _, rest = raw.partition("\n")
    if URL_LINE.match(first):
        return first.strip(), rest.strip("\n")
    return "", raw


def load(folder: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ECB+ articles as a corpus table (as load_corpus builds it: index doc_id; text, title,
    url, outlet, cites, published) and the gold table (doc_id index; topic, event)."""
    gold = pd.read_csv(folder / "clusters.csv", dtype=str).set_index("doc_id")
    rows = {}
    for doc_id, topic in gold["topic"].items():
        url, text = split_url((folder / topic / f"{doc_id}.txt").read_text(encoding="utf-8"))
        rows[doc_id] = {"text": text, "title": "", "url": url, "outlet": "", "cites": [], "published": pd.NaT}
    corpus = pd.DataFrame.from_dict(rows, orient="index")
    corpus.index.name = "doc_id"
    corpus["published"] = pd.to_datetime(corpus["published"])
    return corpus, gold


def same_group_pairs(groups: pd.Series) -> set[tuple[str, str]]:
    """Every unordered pair (a < b) of doc_ids that one label of ``groups`` holds."""
    out: set[tuple[str, str]] = set()
    for _, members in groups.groupby(groups):
        out.update(combinations(sorted(members.index), 2))
    return out


def score(predicted: pd.Series, gold: pd.DataFrame) -> dict:
    """Pair precision, recall, F1 against gold events; look-alike share of false merges; topic F1."""
    pred = same_group_pairs(predicted.reindex(gold.index).fillna(pd.Series(gold.index, index=gold.index)))
    events = same_group_pairs(gold["event"])
    topics = same_group_pairs(gold["topic"])
    tp = len(pred & events)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(events) if events else 1.0
    false = pred - events
    tp_t = len(pred & topics)
    pt, rt = (tp_t / len(pred) if pred else 1.0), tp_t / len(topics)
    return {"pairs": len(pred), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "lookalike_share": len(false & topics) / len(false) if false else float("nan"),
            "false_merges": len(false), "topic_f1": 2 * pt * rt / (pt + rt) if pt + rt else 0.0,
            "families": int(predicted.nunique())}


def components(n: int, i: np.ndarray, j: np.ndarray, ids) -> pd.Series:
    graph = sp.coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, comp = sp.csgraph.connected_components(graph, directed=False)
    return pd.Series(comp, index=ids)


def baseline(corpus: pd.DataFrame, gold: pd.DataFrame) -> tuple[float, dict]:
    """Plain TF-IDF (scikit-learn defaults) + single linkage at the best threshold on this data."""
    x = TfidfVectorizer().fit_transform(corpus["text"])
    sim = (x @ x.T).toarray()
    iu = np.triu_indices(len(corpus), 1)
    best = (0.0, {"f1": -1})
    for t in np.arange(0.05, 0.80, 0.01):
        keep = sim[iu] >= t
        s = score(components(len(corpus), iu[0][keep], iu[1][keep], corpus.index), gold)
        if s["f1"] > best[1]["f1"]:
            best = (float(t), s)
    return best


def fold_topics(gold: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Topics in numeric order split into odd-positioned and even-positioned halves."""
    topics = sorted(gold["topic"].unique(), key=int)
    return topics[0::2], topics[1::2]


def cross_validated(corpus: pd.DataFrame, gold: pd.DataFrame, timeml: pd.DataFrame | None) -> dict:
    """Fit the same-story model on one half of the topics (plus TimeML), score families on the
    other half, both ways; the figures are pooled over the two test halves."""
    import train_same_story as train

    halves = fold_topics(gold)
    predicted = []
    for k in (0, 1):
        fit_docs = gold.index[gold["topic"].isin(halves[k])]
        test_docs = gold.index[gold["topic"].isin(halves[1 - k])]
        model = train.fit(train.labelled_pairs(corpus.loc[fit_docs], gold.loc[fit_docs], timeml))
        fam = overlap.families(corpus.loc[test_docs], model=model)
        predicted.append(fam.radd(f"cv{k}-"))
    return score(pd.concat(predicted), gold)


def row(name: str, s: dict) -> str:
    return (f"{name:<44} {s['precision']:>9.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['families']:>8} "
            f"{s['false_merges']:>7} {s['lookalike_share']:>9.2f} {s['topic_f1']:>8.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validated refit")
    args = parser.parse_args(argv)
    folder = data_dir(args.path)
    if not (folder / "clusters.csv").exists():
        print(f"no ECB+ data at {folder} (pass the path or set NEWSTRACE_DATA)", file=sys.stderr)
        return 2
    corpus, gold = load(folder)
    print(f"ECB+ dev: {len(corpus)} articles, {gold['topic'].nunique()} topics, {gold['event'].nunique()} events, "
          f"{len(same_group_pairs(gold['event'])):,} same-event pairs; {(corpus['url'] != '').sum()} first-line URLs "
          "moved out of the text")
    print(f"{'method':<44} {'precision':>9} {'recall':>6} {'F1':>6} {'families':>8} {'false':>7} "
          f"{'look-alike':>9} {'topic F1':>8}")
    t, s = baseline(corpus, gold)
    print(row(f"sklearn TF-IDF, single linkage, oracle t={t:.2f}", s))
    print(row("families(threshold=0.20) word cosine (old)", score(overlap.families(corpus, model=None,
                                                                                    threshold=0.2), gold)))
    print(row("families() default (same-story model)", score(overlap.families(corpus), gold)))
    if not args.no_cv:
        sys.path.insert(0, str(Path(__file__).parent))
        import train_same_story as train

        tdir = folder.parent / "tempeval3-tbaq"   # the TimeML pairs of the gold list join the fit
        timeml = train.timeml_corpus(tdir) if tdir.exists() else None
        print(row("families(), model cross-validated by topic", cross_validated(corpus, gold, timeml)))
    print("precision/recall/F1: same-event article pairs; false: falsely merged pairs; look-alike: their share in the\n"
          "same topic (other event); topic F1: the same families scored against topics.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
