"""Source overlap: which articles tell the same story, who re-reports whom, what each changed.

- ``similarity(corpus, kind="word"|"char")``: square doc x doc cosine-similarity table.
- ``pairs(corpus)``: the article pairs worth a look, computed sparsely (scales to 100,000 articles).
- ``families(corpus)``: doc_id -> story-family label.
- ``align(corpus, a, b)`` and ``unique(corpus, a, b)``: corresponding sentences, and what one side lacks.
- ``derivation(corpus)``: a networkx DiGraph of who re-reports whom, with the evidence on each edge.
- ``variants(corpus)``: one person's name or one quote rendered differently in two articles.

How text is compared (general rules of English text, nothing fitted to one corpus):
words are lower-cased, possessive ``'s`` dropped, English stop words removed, and each word
truncated to its first ``STEM`` letters (truncation stemming: "negotiations" and "negotiate"
meet); numbers keep their digits ("150,000" and "150 000" meet). An article is a TF-IDF vector of
these stems and of adjacent stem pairs (bigrams), with sublinear term frequency; a sentence is the
same kind of vector weighted by the same corpus IDF. Vectors are hashed into ``N_FEATURES``
columns, so memory does not grow with the vocabulary.

The default thresholds were chosen on benchmarks/data/overlap_stories/ (invented re-reported
stories plus same-topic distractors, never the seed articles); ``benchmarks/overlap_quality.py``
prints the sweep that supports them.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterable

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer, TfidfVectorizer

from .errors import NewstraceError

#: letters a word is truncated to before comparison (truncation stemming)
STEM = 6
#: hashed feature space of word stems and stem bigrams
N_FEATURES = 2**20
#: two articles with word cosine >= this are the same story (chosen on the benchmark corpus:
#: see module docstring and benchmarks/overlap_quality.py)
FAMILY_THRESHOLD = 0.15
#: pairs() keeps pairs scoring at least this by default ("worth a look")
PAIR_MIN_SCORE = 0.1
#: pairs() keeps at most this many neighbours per article by default
TOP_K = 10
#: two sentences with cosine >= this are counterparts (align, unique and coverage)
ALIGN_THRESHOLD = 0.3
#: above this many articles, candidate pairs come from pruned vectors (see pairs())
EXACT_LIMIT = 5000
#: similarity() refuses to build a dense table above this many articles
DENSE_LIMIT = 5000

_STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "according", "also", "told", "reported"}
_TOKEN = re.compile(r"\d+(?:[,\u00a0]\d{3})*(?:[.,]\d+)?|[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


class OverlapError(NewstraceError):
    """The corpus cannot be compared: ``doc`` names the article (or "corpus"), ``reason`` says why."""

    def __init__(self, doc, reason: str):
        self.doc = str(doc)
        self.reason = reason
        super().__init__(f"{self.doc}: {reason}")


# --------------------------------------------------------------------------- text features


def stems(text: str) -> list[str]:
    """The comparison tokens of a text: lower-cased content words truncated to STEM letters, numbers."""
    out = []
    for tok in _TOKEN.findall(text or ""):
        low = tok.lower()
        if low[0].isdigit():
            out.append(re.sub(r"[,\u00a0]", "", low))
            continue
        low = re.sub(r"['\u2019]s$", "", low).replace("\u2019", "'")
        if low in _STOP or len(low) < 2:
            continue
        out.append(low[:STEM])
    return out


def _features(text: str) -> list[str]:
    """Stems and adjacent stem bigrams of a text: the features of article and sentence vectors."""
    toks = stems(text)
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]


_HASHER = HashingVectorizer(analyzer=_features, n_features=N_FEATURES, alternate_sign=False, norm=None,
                            dtype=np.float32)


def _say(progress, msg: str) -> None:
    if progress is True:
        print(f"[overlap] {msg}", file=sys.stderr, flush=True)
    elif callable(progress):
        progress(msg)


def _check(corpus: pd.DataFrame, need: Iterable[str] = ("text",)) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise OverlapError("corpus", f"expected a DataFrame from load_corpus, got {type(corpus).__name__}")
    missing = [c for c in need if c not in corpus.columns]
    if missing:
        raise OverlapError("corpus", f"missing column(s) {missing}; load it with newstrace.load_corpus")
    if not corpus.index.is_unique:
        dup = corpus.index[corpus.index.duplicated()][0]
        raise OverlapError(dup, "doc_id appears more than once in the corpus index")


def _counts(texts: Iterable[str], progress=None, label: str = "articles", chunk: int = 5000) -> sp.csr_matrix:
    """Hashed raw counts of _features for each text (rows in order), with progress every chunk."""
    texts = list(texts)
    parts = []
    t0 = time.perf_counter()
    for i in range(0, len(texts), chunk):
        parts.append(_HASHER.transform(texts[i:i + chunk]))
        if len(texts) > chunk:
            _say(progress, f"vectorised {min(i + chunk, len(texts)):,}/{len(texts):,} {label} "
                           f"({time.perf_counter() - t0:.0f} s)")
    if not parts:
        return sp.csr_matrix((0, N_FEATURES), dtype=np.float32)
    return sp.vstack(parts, format="csr")


def _idf(counts: sp.csr_matrix) -> np.ndarray:
    """Smoothed inverse document frequency of each hashed column: log((1+n)/(1+df)) + 1."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float32)
    return (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)


def _weigh(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF x IDF, rows L2-normalised (empty rows stay zero)."""
    x = counts.copy().astype(np.float32)
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms).dot(x), dtype=np.float32)


def _doc_vectors(corpus: pd.DataFrame, progress=None) -> tuple[sp.csr_matrix, np.ndarray]:
    """Word TF-IDF article vectors (rows in corpus order) and the IDF used."""
    texts = corpus["text"].fillna("").astype(str).tolist()
    counts = _counts(texts, progress)
    idf = _idf(counts)
    return _weigh(counts, idf), idf


# --------------------------------------------------------------------------- similarity


def similarity(corpus: pd.DataFrame, kind: str = "word") -> pd.DataFrame:
    """Square doc_id x doc_id table of TF-IDF cosine similarity of the article texts.

    ``kind="word"``: stems and stem bigrams (see module docstring). ``kind="char"``: character
    3-5-grams inside word boundaries, robust to inflection and spelling variants of names.
    Dense, so refused above DENSE_LIMIT articles: use ``pairs`` for large corpora.
    Returns a DataFrame indexed and columned by doc_id, values in [0, 1], 1 on the diagonal
    (0 for an empty text).
    """
    _check(corpus)
    n = len(corpus)
    if n > DENSE_LIMIT:
        raise OverlapError("corpus", f"{n:,} articles is too many for a dense table (limit {DENSE_LIMIT:,}); "
                                     "use pairs(), which is sparse")
    texts = corpus["text"].fillna("").astype(str).tolist()
    if kind == "word":
        x, _ = _doc_vectors(corpus)
    elif kind == "char":
        if not any(t.strip() for t in texts):
            x = sp.csr_matrix((n, 1), dtype=np.float32)
        else:
            vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, lowercase=True,
                                  dtype=np.float32)
            x = vec.fit_transform(texts)
    else:
        raise OverlapError("corpus", f"kind must be 'word' or 'char', not {kind!r}")
    sim = np.asarray((x @ x.T).todense(), dtype=float)
    sim = np.clip(sim, 0.0, 1.0)
    empty = np.asarray(x.getnnz(axis=1) == 0).ravel()
    np.fill_diagonal(sim, np.where(empty, 0.0, 1.0))
    return pd.DataFrame(sim, index=corpus.index.copy(), columns=corpus.index.copy())


# --------------------------------------------------------------------------- sparse neighbours


def _prune(x: sp.csr_matrix, keep: int) -> sp.csr_matrix:
    """Keep the ``keep`` heaviest entries of each row (a lower bound of every dot product)."""
    x = x.tocsr()
    indptr, data = x.indptr, x.data
    mask = np.ones(len(data), dtype=bool)
    lengths = np.diff(indptr)
    for r in np.flatnonzero(lengths > keep):
        lo, hi = indptr[r], indptr[r + 1]
        row = data[lo:hi]
        drop = np.argpartition(-row, keep)[keep:]
        mask[lo + drop] = False
    out = sp.csr_matrix((data * mask, x.indices, indptr), shape=x.shape)
    out.eliminate_zeros()
    return out


def _row_topk(c: sp.csr_matrix, offset: int, k: int, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """From a chunk of a similarity product, the top-k columns > floor of each row, excluding self."""
    c = c.tocoo()
    rows, cols, vals = c.row + offset, c.col, c.data
    keep = (vals > floor) & (rows != cols)
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    if len(vals) == 0:
        return rows, cols, vals
    order = np.lexsort((-vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    starts = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
    rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    keep = rank < k
    return rows[keep], cols[keep], vals[keep]


def _neighbours(x: sp.csr_matrix, k: int, min_score: float, progress=None, chunk: int = 2000,
                prune_to: int = 60, candidates: int | None = None) -> pd.DataFrame:
    """Sparse top-k cosine neighbours of every row of x: columns i < j, score (exact cosine).

    Up to EXACT_LIMIT rows the products are exact. Above, candidates come from vectors pruned to
    their ``prune_to`` heaviest features (a lower bound of the true cosine), ``candidates`` per
    row, then every candidate is rescored exactly with the full vectors.
    """
    n = x.shape[0]
    exact = n <= EXACT_LIMIT
    probe = x if exact else _prune(x, prune_to)
    per_row = k if exact else (candidates or 3 * k)
    floor = min_score if exact else min(min_score, 0.02) * 0.5
    probe_t = probe.T.tocsr()
    rows, cols, vals = [], [], []
    t0 = time.perf_counter()
    for lo in range(0, n, chunk):
        hi = min(lo + chunk, n)
        c = probe[lo:hi] @ probe_t
        r, cc, v = _row_topk(c, lo, per_row, floor)
        rows.append(r)
        cols.append(cc)
        vals.append(v)
        if n > chunk:
            _say(progress, f"neighbours {hi:,}/{n:,} articles ({time.perf_counter() - t0:.0f} s)")
    r = np.concatenate(rows) if rows else np.array([], dtype=np.int64)
    c = np.concatenate(cols) if cols else np.array([], dtype=np.int64)
    v = np.concatenate(vals) if vals else np.array([], dtype=np.float32)
    i, j = np.minimum(r, c), np.maximum(r, c)
    cand = pd.DataFrame({"i": i, "j": j, "score": v}).drop_duplicates(["i", "j"])
    if not exact and len(cand):
        scores = np.empty(len(cand), dtype=np.float32)
        ii, jj = cand["i"].to_numpy(), cand["j"].to_numpy()
        step = 20000
        for s in range(0, len(cand), step):
            a, b = x[ii[s:s + step]], x[jj[s:s + step]]
            scores[s:s + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
        cand["score"] = scores
        _say(progress, f"rescored {len(cand):,} candidate pairs ({time.perf_counter() - t0:.0f} s)")
    cand = cand[cand["score"] >= min_score]
    # keep a pair when it is among the top k of either article
    both = pd.concat([cand.assign(node=cand["i"]), cand.assign(node=cand["j"])])
    both = both.sort_values(["node", "score"], ascending=[True, False], kind="stable")
    both = both[both.groupby("node").cumcount() < k]
    return both.drop_duplicates(["i", "j"])[["i", "j", "score"]].reset_index(drop=True)


# --------------------------------------------------------------------------- sentences


def _sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus module's sentence table (doc_id, sent_id, start, end, text)."""
    from .corpus import sentences

    sents = sentences(corpus)
    return sents.reset_index(drop=True) if "doc_id" in sents.columns else sents.reset_index()


def _sentence_vectors(sents: pd.DataFrame, idf: np.ndarray) -> sp.csr_matrix:
    """Sentence vectors weighted by the article-level IDF, rows L2-normalised."""
    return _weigh(_counts(sents["text"].fillna("").astype(str).tolist(), label="sentences"), idf)


def _coverage(sim: np.ndarray, threshold: float) -> tuple[float, float]:
    """Share of rows, and of columns, of a sentence-similarity block with a counterpart."""
    if sim.size == 0:
        return 0.0, 0.0
    return float((sim.max(axis=1) >= threshold).mean()), float((sim.max(axis=0) >= threshold).mean())


# --------------------------------------------------------------------------- pairs and families


def pairs(corpus: pd.DataFrame, min_score: float | None = None, top_k: int | None = None,
          coverage: bool = True, align_threshold: float | None = None, progress=None) -> pd.DataFrame:
    """Article pairs worth a look, found sparsely: each article's top_k most similar articles.

    Score is the word TF-IDF cosine (as ``similarity(kind="word")``); only pairs with
    score >= min_score (default PAIR_MIN_SCORE) among the top_k (default TOP_K) neighbours of
    either article are kept, so memory grows with N x top_k, never N x N. Coverage is the share
    of an article's sentences that have a counterpart (sentence cosine >= align_threshold,
    default ALIGN_THRESHOLD) in the other article, Churnalism's "% copied" (needs the corpus
    module's ``sentences``; ``coverage=False`` skips it). ``progress=True`` prints progress
    lines to stderr, or pass a callable taking one string.
    Returns columns doc_a, doc_b, score, coverage_a, coverage_b, sorted by score descending.
    """
    _check(corpus)
    min_score = PAIR_MIN_SCORE if min_score is None else float(min_score)
    top_k = TOP_K if top_k is None else int(top_k)
    if top_k < 1:
        raise OverlapError("corpus", f"top_k must be >= 1, got {top_k}")
    threshold = ALIGN_THRESHOLD if align_threshold is None else float(align_threshold)
    cols = ["doc_a", "doc_b", "score", "coverage_a", "coverage_b"]
    if len(corpus) < 2:
        return pd.DataFrame({c: pd.Series(dtype=object if c.startswith("doc") else float) for c in cols})
    x, idf = _doc_vectors(corpus, progress)
    nb = _neighbours(x, top_k, min_score, progress)
    ids = corpus.index.to_numpy()
    out = pd.DataFrame({"doc_a": ids[nb["i"].to_numpy()], "doc_b": ids[nb["j"].to_numpy()],
                        "score": nb["score"].astype(float).round(6).to_numpy()})
    out["coverage_a"] = np.nan
    out["coverage_b"] = np.nan
    if coverage and len(out):
        involved = pd.unique(np.concatenate([out["doc_a"].to_numpy(), out["doc_b"].to_numpy()]))
        _say(progress, f"coverage: splitting {len(involved):,} articles into sentences")
        sents = _sentences(corpus.loc[involved])
        sv = _sentence_vectors(sents, idf)
        rows_of = {d: np.asarray(g, dtype=np.int64) for d, g in sents.groupby("doc_id", sort=False).indices.items()}
        empty = np.array([], dtype=np.int64)
        cov_a, cov_b = np.zeros(len(out)), np.zeros(len(out))
        t0 = time.perf_counter()
        for n, (a, b) in enumerate(zip(out["doc_a"], out["doc_b"], strict=True)):
            ra, rb = rows_of.get(a, empty), rows_of.get(b, empty)
            if len(ra) and len(rb):
                block = (sv[ra] @ sv[rb].T).toarray()
                cov_a[n], cov_b[n] = _coverage(block, threshold)
            if len(out) > 20000 and (n + 1) % 20000 == 0:
                _say(progress, f"coverage {n + 1:,}/{len(out):,} pairs ({time.perf_counter() - t0:.0f} s)")
        out["coverage_a"], out["coverage_b"] = cov_a.round(4), cov_b.round(4)
    out = out.sort_values(["score", "doc_a", "doc_b"], ascending=[False, True, True], kind="stable")
    return out.reset_index(drop=True)[cols]


def families(corpus: pd.DataFrame, threshold: float | None = None, pair_table: pd.DataFrame | None = None,
             progress=None) -> pd.Series:
    """Story family of each article: connected groups of articles whose word cosine >= threshold.

    Default threshold FAMILY_THRESHOLD (0.15) was chosen on benchmarks/data/overlap_stories/
    (re-reports of invented stories plus same-topic distractors, not the seeds) as the value
    that maximises same-story pair F1 there; benchmarks/overlap_quality.py prints the sweep.
    Sparse: uses ``pairs`` (top TOP_K neighbours per article), so it scales to 100,000 articles.
    ``pair_table`` reuses a pairs() result. Labels are "F1", "F2", ... by family size (largest
    first, ties by first doc_id); an article alike to no other gets its own family.
    Returns a Series indexed by doc_id, named "family".
    """
    _check(corpus)
    threshold = FAMILY_THRESHOLD if threshold is None else float(threshold)
    if pair_table is None:
        pair_table = pairs(corpus, min_score=min(threshold, PAIR_MIN_SCORE), coverage=False, progress=progress)
    ids = corpus.index.to_numpy()
    pos = pd.Series(np.arange(len(ids)), index=corpus.index)
    strong = pair_table[pair_table["score"] >= threshold]
    strong = strong[strong["doc_a"].isin(pos.index) & strong["doc_b"].isin(pos.index)]
    n = len(ids)
    graph = sp.coo_matrix((np.ones(len(strong)), (pos[strong["doc_a"]].to_numpy(), pos[strong["doc_b"]].to_numpy())),
                          shape=(n, n))
    _, comp = sp.csgraph.connected_components(graph, directed=False)
    frame = pd.DataFrame({"comp": comp, "order": np.arange(n)}, index=corpus.index)
    stats = frame.groupby("comp")["order"].agg(["size", "min"]).sort_values(["size", "min"], ascending=[False, True])
    label = {c: f"F{i + 1}" for i, c in enumerate(stats.index)}
    out = pd.Series([label[c] for c in comp], index=corpus.index.copy(), name="family")
    out.index.name = "doc_id"
    return out
