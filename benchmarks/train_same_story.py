"""Fit the same-story model of newstrace.overlap on labelled real pairs and write its weights.

Usage: python benchmarks/train_same_story.py [--ecbplus PATH] [--timeml PATH] [--write]

Training data (data card):
- ECB+ dev (``ecbplus-dev``, CC BY 3.0; 496 real web news articles, 21 topics, 42 events): the
  candidate pairs newstrace compares (each article's FAMILY_TOP_K most similar articles, word
  cosine >= CANDIDATE_MIN_SCORE); label 1 when both articles report the same gold event, 0 when
  not (nearly all negatives are look-alikes: same topic, other event).
- TimeML news (``tempeval3-tbaq``, TimeBank + AQUAINT, 256 wire and broadcast stories of
  1989-1998 with their publication dates): the pairs of ``benchmarks/data/relations_gold.csv``
  that come from it, labelled by reading both articles (``look-alike`` = 0, every other
  relation = 1).
- Features (``overlap.FEATURES``): word TF-IDF cosine, cosine of the name-like words, of their
  character 3-grams, of the numbers, and a shared cited original. Titles are not a feature:
  neither set has titles for both halves of its pairs, so no weight could be fitted.
- Model: scikit-learn LogisticRegression (L2, C=1), no feature scaling (every feature is in
  [0, 1]); every pair weighs the same (giving the 48 TimeML pairs the weight of the 5,464 ECB+
  pairs was tried: it overfits them, the word weight turns negative, and ECB+ CV F1 drops to 0.87). LINK_THRESHOLD (the average-linkage cut on its probability) is chosen by
  cross-validation over ECB+ topics: fit on odd-positioned topics, cluster the others, and vice
  versa; the threshold with the best pooled pair F1 is printed.
- Known limits: ECB+ articles have no dates and few cited outlets, so the weight of
  ``cites_shared`` rests on the TimeML pairs alone; the time rule (TIME_WINDOW_DAYS) is a rule,
  not a weight.

``--write`` stores the weights fitted on all the data in lib/newstrace/data/same_story_weights.csv.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).parent))

import ecbplus  # noqa: E402

from newstrace import overlap, paths, sources  # noqa: E402

GOLD = Path(__file__).parent / "data" / "relations_gold.csv"
WEIGHTS = paths.ROOT / "lib" / "newstrace" / "data" / overlap.SAME_STORY_WEIGHTS
TAG = re.compile(r"<[^>]+>")
#: the agency or broadcaster of a TimeML file, from its DOCID prefix
AGENCY = {"APW": "Associated Press", "NYT": "The New York Times", "ABC": "ABC News", "CNN": "CNN",
          "PRI": "Public Radio International", "VOA": "Voice of America", "ea": "ABC News", "ed": "ABC News",
          "XIE": "Xinhua", "AP": "Associated Press", "SJMN": "San Jose Mercury News", "wsj": "The Wall Street Journal", "WSJ": "The Wall Street Journal"}


def timeml_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    base = os.environ.get("NEWSTRACE_DATA") or str(paths.ROOT.parent / "shared" / "data")
    return Path(base) / "tempeval3-tbaq"


def timeml_corpus(folder: Path) -> pd.DataFrame:
    """The TimeML news as a corpus table: index doc_id (file name without .tml); text (the
    <TEXT> content, tags stripped, entities unescaped), published (the DCT), outlet (from the
    DOCID prefix), cites (sources.find_cites), title ""."""
    rows = {}
    for p in sorted(folder.glob("*/*.tml")):
        raw = p.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        dct = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
        text = html.unescape(TAG.sub("", body.group(1) if body else "")).strip()
        prefix = re.match(r"[A-Za-z]+", p.stem)
        outlet = AGENCY.get(prefix.group(0) if prefix else "", "")
        rows[p.stem] = {"text": text, "title": "", "url": "", "outlet": outlet,
                        "cites": sources.find_cites(text, "", outlet),
                        "published": pd.Timestamp(dct.group(1)[:10]) if dct else pd.NaT}
    corpus = pd.DataFrame.from_dict(rows, orient="index")
    corpus.index.name = "doc_id"
    corpus["published"] = pd.to_datetime(corpus["published"])
    return corpus


def ecb_pairs(corpus: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """The candidate pairs of an ECB+ corpus with their features and gold label ``y``."""
    table = overlap.pairs(corpus, min_score=overlap.CANDIDATE_MIN_SCORE, top_k=overlap.FAMILY_TOP_K, coverage=False)
    feats = overlap.pair_features(corpus, table)
    event = gold["event"]
    feats["y"] = (event[feats["doc_a"]].to_numpy() == event[feats["doc_b"]].to_numpy()).astype(int)
    feats["source"] = "ecbplus"
    return feats


def timeml_pairs(timeml: pd.DataFrame | None) -> pd.DataFrame:
    """The TimeML pairs of the relations gold list with their features and label ``y``."""
    if timeml is None or not GOLD.exists():
        return pd.DataFrame()
    gold = pd.read_csv(GOLD)
    gold = gold[gold["doc_a"].isin(timeml.index) & gold["doc_b"].isin(timeml.index)]
    if gold.empty:
        return pd.DataFrame()
    table = overlap.pairs(timeml, min_score=0.0, top_k=len(timeml), coverage=False)
    key = set(zip(gold["doc_a"], gold["doc_b"], strict=True)) | set(zip(gold["doc_b"], gold["doc_a"], strict=True))
    table = table[[(a, b) in key for a, b in zip(table["doc_a"], table["doc_b"], strict=True)]]
    feats = overlap.pair_features(timeml, table.reset_index(drop=True))
    label = {(a, b): r for a, b, r in zip(gold["doc_a"], gold["doc_b"], gold["relation"], strict=True)}
    label.update({(b, a): r for (a, b), r in list(label.items())})
    feats["y"] = [int(label[(a, b)] != "look-alike") for a, b in zip(feats["doc_a"], feats["doc_b"], strict=True)]
    feats["source"] = "timeml"
    return feats


def labelled_pairs(corpus: pd.DataFrame, gold: pd.DataFrame, timeml: pd.DataFrame | None) -> pd.DataFrame:
    """ECB+ candidate pairs (of the given articles) and TimeML gold pairs, with features and y."""
    parts = [ecb_pairs(corpus, gold), timeml_pairs(timeml)]
    return pd.concat([p for p in parts if len(p)], ignore_index=True)


def fit(train: pd.DataFrame) -> dict[str, float]:
    """Logistic-regression weights (feature -> weight, and "intercept") fitted on labelled pairs."""
    x = train[list(overlap.FEATURES)].to_numpy(dtype=float)
    lr = LogisticRegression(C=1.0, max_iter=2000).fit(x, train["y"].to_numpy())
    weights = {f: float(w) for f, w in zip(overlap.FEATURES, lr.coef_[0], strict=True)}
    weights["intercept"] = float(lr.intercept_[0])
    return weights


def cv_thresholds(corpus: pd.DataFrame, gold: pd.DataFrame, timeml: pd.DataFrame | None,
                  grid=(0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)) -> pd.DataFrame:
    """Pooled test-half pair P/R/F1 of each link threshold, fitting on the other half of the topics."""
    halves = ecbplus.fold_topics(gold)
    preds: dict[float, list[pd.Series]] = {t: [] for t in grid}
    for k in (0, 1):
        fit_docs = gold.index[gold["topic"].isin(halves[k])]
        test_docs = gold.index[gold["topic"].isin(halves[1 - k])]
        model = fit(labelled_pairs(corpus.loc[fit_docs], gold.loc[fit_docs], timeml))
        scored = overlap.same_story(corpus.loc[test_docs], model=model)
        test = corpus.loc[test_docs]
        pos = pd.Series(np.arange(len(test)), index=test.index)
        for t in grid:
            comp = overlap.average_linkage(len(test), pos[scored["doc_a"]].to_numpy(),
                                           pos[scored["doc_b"]].to_numpy(), scored["p_same"].to_numpy(), t)
            preds[t].append(pd.Series([f"cv{k}-{c}" for c in comp], index=test.index))
    rows = [{"threshold": t, **ecbplus.score(pd.concat(p), gold)} for t, p in preds.items()]
    return pd.DataFrame(rows)


def write(weights: dict[str, float], n_pairs: int, n_pos: int) -> None:
    lines = ["# same-story model of newstrace.overlap: logistic-regression weights on the pair features",
             f"# fitted by benchmarks/train_same_story.py on {n_pairs} labelled real pairs ({n_pos} same story):",
             "# ECB+ dev candidate pairs and the TimeML pairs of benchmarks/data/relations_gold.csv",
             "feature,weight,meaning"]
    meaning = {"word": "word TF-IDF cosine", "names": "TF-IDF cosine of name-like words",
               "names_char": "cosine of character 3-grams of the names", "numbers": "TF-IDF cosine of the numbers",
               "rare_shared": "rare names and numbers both use (log count; 1 at RARE_CAP)",
               "cites_shared": "1 when both attribute the story to one outlet", "intercept": "bias"}
    for f in (*overlap.FEATURES, "intercept"):
        lines.append(f"{f},{weights[f]:.4f},{meaning[f]}")
    WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecbplus")
    parser.add_argument("--timeml")
    parser.add_argument("--write", action="store_true", help="store the weights in lib/newstrace/data")
    args = parser.parse_args(argv)
    corpus, gold = ecbplus.load(ecbplus.data_dir(args.ecbplus))
    tdir = timeml_dir(args.timeml)
    timeml = timeml_corpus(tdir) if tdir.exists() else None
    train = labelled_pairs(corpus, gold, timeml)
    print(f"labelled pairs: {len(train)} ({int(train['y'].sum())} same story); by source:")
    print(train.groupby("source")["y"].agg(["count", "sum"]).to_string())
    weights = fit(train)
    print("\nweights fitted on all the labelled pairs:")
    for f, w in weights.items():
        print(f"  {f:<14} {w:+.3f}")
    cv = cv_thresholds(corpus, gold, timeml)
    print("\nlink threshold, cross-validated over ECB+ topics (fit on one half, score the other, pooled):")
    print(cv[["threshold", "precision", "recall", "f1", "families", "false_merges"]].round(3).to_string(index=False))
    best = cv.loc[cv["f1"].idxmax(), "threshold"]
    print(f"best cross-validated threshold: {best} (overlap.LINK_THRESHOLD = {overlap.LINK_THRESHOLD})")
    if args.write:
        write(weights, len(train), int(train["y"].sum()))
        print(f"wrote {paths.display(WEIGHTS)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
