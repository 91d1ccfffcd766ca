"""Source overlap: which articles tell the same story, who re-reports whom, what each changed.

- ``similarity(corpus, kind="word"|"char")``: square doc x doc cosine-similarity table.
- ``pairs(corpus)``: the article pairs worth a look, computed sparsely (scales to 100,000 articles).
- ``families(corpus)``: doc_id -> story-family label.
- ``align(corpus, a, b)`` and ``unique(corpus, a, b)``: corresponding sentences, and what one side lacks.
- ``compare(corpus, doc_a, doc_b)``: the given pairs, each with its ``relation`` (METER-style: wholly or
  partially derived, independent report, look-alike).
- ``derivation(corpus)``: a networkx DiGraph of who re-reports whom, with the evidence on each edge.
- ``variants(corpus)``: one person's name, one quote or one person's title rendered differently.
- ``cluster_order``, ``derivation_table``, ``corpus_idf``: helpers for reading the results.

How text is compared (general rules of English text, nothing fitted to one corpus):
words and numbers are lower-cased, English function words and reporting verbs ("the", "said",
"according") dropped, and each token truncated to its first ``STEM`` (6) characters
(truncation stemming: "negotiations" and "negotiate" meet; "Russia's" meets "Russia");
digit groups are joined ("150,000" meets "150000"). An article is a TF-IDF vector of these stems
and of adjacent stem pairs (bigrams), with sublinear term frequency; a sentence is the same kind
of vector weighted by the same corpus IDF. Vectors are hashed into ``N_FEATURES`` columns, so
memory does not grow with the vocabulary. Character n-grams (``similarity(kind="char")``) and a
transliteration-folding name key (``fold_name``) cover respelled names.

Default thresholds (FAMILY_THRESHOLD 0.20, ALIGN_THRESHOLD 0.20) were chosen on
benchmarks/data/overlap_stories/ (10 invented stories re-reported 2-3 times each, plus 10
same-topic distractors; never the seed articles): 0.20 lies inside the family-threshold range
0.18-0.25 where same-story pair F1 is 1.0 there, and is the highest sentence threshold that
keeps alignment recall at 1.0 (0.07 spurious sentence pairs per unrelated article pair);
``benchmarks/overlap_quality.py`` prints both sweeps.
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable

import networkx as nx
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
FAMILY_THRESHOLD = 0.2
#: pairs() keeps pairs scoring at least this by default ("worth a look")
PAIR_MIN_SCORE = 0.1
#: pairs() keeps at most this many neighbours per article by default
TOP_K = 10
#: two sentences with cosine >= this are counterparts (align, unique and coverage)
ALIGN_THRESHOLD = 0.2
#: above this many articles, candidate pairs come from pruned vectors (see pairs())
EXACT_LIMIT = 5000
#: similarity() refuses to build a dense table above this many articles
DENSE_LIMIT = 5000

#: function words left out of comparisons: articles, pronouns, auxiliaries, prepositions,
#: conjunctions and the reporting verbs every re-report uses ("said", "according")
_FUNCTION_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either few for from further had has have
having he her here hers herself him himself his how however i if in into is it its itself just may me
might more most must my myself neither no nor not now of off on once only or other others our ours
ourselves out over own same shall she should so some such than that the their theirs them themselves
then there these they this those though through thus to too under until up upon very was we were what
when where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves said says say saying told tells according reported reports writes wrote noted
""".split())
#: words that start a capitalised run without being part of a name
_STOP = frozenset(ENGLISH_STOP_WORDS) | _FUNCTION_WORDS
_TOKEN = re.compile(r"\d+(?:[,\u00a0]\d{3})*(?:[.,]\d+)?|[^\W\d_]+(?:['\u2019][^\W\d_]+)*")  # display words


class OverlapError(NewstraceError):
    """The corpus cannot be compared: ``doc`` names the article (or "corpus"), ``reason`` says why."""

    def __init__(self, doc, reason: str):
        self.doc = str(doc)
        self.reason = reason
        super().__init__(f"{self.doc}: {reason}")


# --------------------------------------------------------------------------- text features


def _prepare(text: str) -> str:
    """Lower-case a text and join digit groups ("150,000" -> "150000") before tokenising."""
    return _DIGIT_GROUP.sub("", (text or "").lower())


_DIGIT_GROUP = re.compile(r"(?<=\d)[,\u00a0](?=\d{3}(?!\d))")
# A token is a run of letters/digits, truncated by the regex itself to its first STEM characters
# (the capturing group), so tokenising runs in C. One-character tokens are dropped.
_TOKEN_PATTERN = rf"(?u)(?<![^\W_])([^\W_]{{2,{STEM}}})[^\W_]*"
_STOP_STEMS = sorted({w[:STEM] for w in _FUNCTION_WORDS})
_HASHER = HashingVectorizer(preprocessor=_prepare, token_pattern=_TOKEN_PATTERN, stop_words=_STOP_STEMS,
                            ngram_range=(1, 2), n_features=N_FEATURES, alternate_sign=False, norm=None,
                            dtype=np.float32)
_UNIGRAMS = HashingVectorizer(preprocessor=_prepare, token_pattern=_TOKEN_PATTERN, stop_words=_STOP_STEMS,
                              ngram_range=(1, 1)).build_analyzer()


def stems(text: str) -> list[str]:
    """The comparison tokens of a text: lower-cased words and numbers, function words dropped,
    each truncated to its first STEM characters (the unigram features of every vector)."""
    return _UNIGRAMS(text or "")


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


def _counts(texts: Iterable[str], progress=None, label: str = "articles", chunk: int = 5000,
            n_jobs: int = 1) -> sp.csr_matrix:
    """Hashed raw counts of the features of each text (rows in order), with progress every chunk.

    ``n_jobs`` > 1 hashes chunks in that many worker processes (fork), for large corpora.
    """
    texts = list(texts)
    chunks = [texts[i:i + chunk] for i in range(0, len(texts), chunk)]
    parts = []
    t0 = time.perf_counter()

    def done(k: int) -> None:
        if len(chunks) > 1:
            _say(progress, f"vectorised {min((k + 1) * chunk, len(texts)):,}/{len(texts):,} {label} "
                           f"({time.perf_counter() - t0:.0f} s)")

    if n_jobs > 1 and len(chunks) > 1:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        with ProcessPoolExecutor(n_jobs, mp_context=get_context("fork")) as pool:
            for k, part in enumerate(pool.map(_HASHER.transform, chunks)):
                parts.append(part)
                done(k)
    else:
        for k, part in enumerate(chunks):
            parts.append(_HASHER.transform(part))
            done(k)
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
    x = counts.astype(np.float32, copy=True)
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    lengths = np.diff(x.indptr)
    rows = np.repeat(np.arange(x.shape[0]), lengths)
    norms = np.sqrt(np.bincount(rows, weights=x.data.astype(np.float64) ** 2, minlength=x.shape[0]))
    norms[norms == 0] = 1.0
    x.data = (x.data / norms[rows]).astype(np.float32)
    return x


def _doc_vectors(corpus: pd.DataFrame, progress=None, n_jobs: int = 1) -> tuple[sp.csr_matrix, np.ndarray]:
    """Word TF-IDF article vectors (rows in corpus order) and the IDF used."""
    texts = corpus["text"].fillna("").astype(str).tolist()
    counts = _counts(texts, progress, n_jobs=n_jobs)
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
    out = sp.csr_matrix((data * mask, x.indices.copy(), indptr.copy()), shape=x.shape)
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


def _sentence_vectors(sents: pd.DataFrame, idf: np.ndarray, progress=None, n_jobs: int = 1) -> sp.csr_matrix:
    """Sentence vectors weighted by the article-level IDF, rows L2-normalised."""
    texts = sents["text"].fillna("").astype(str).tolist()
    return _weigh(_counts(texts, progress, label="sentences", chunk=50000, n_jobs=n_jobs), idf)


def _block(sv: sp.csr_matrix, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
    """Dense cosine block between sentence rows ra and rb, on just the columns they use (fast for 2**20 columns)."""
    a, b = sv[ra], sv[rb]
    cols = np.union1d(a.indices, b.indices)
    if len(cols) == 0:
        return np.zeros((len(ra), len(rb)))
    da = np.zeros((len(ra), len(cols)), dtype=np.float32)
    db = np.zeros((len(rb), len(cols)), dtype=np.float32)
    da[np.repeat(np.arange(len(ra)), np.diff(a.indptr)), np.searchsorted(cols, a.indices)] = a.data
    db[np.repeat(np.arange(len(rb)), np.diff(b.indptr)), np.searchsorted(cols, b.indices)] = b.data
    return (da @ db.T).astype(float)


def _coverage(sim: np.ndarray, threshold: float) -> tuple[float, float]:
    """Share of rows, and of columns, of a sentence-similarity block with a counterpart."""
    if sim.size == 0:
        return 0.0, 0.0
    return float((sim.max(axis=1) >= threshold).mean()), float((sim.max(axis=0) >= threshold).mean())


# --------------------------------------------------------------------------- pairs and families


def pairs(corpus: pd.DataFrame, min_score: float | None = None, top_k: int | None = None,
          coverage: bool = True, align_threshold: float | None = None, progress=None,
          n_jobs: int = 1) -> pd.DataFrame:
    """Article pairs worth a look, found sparsely: each article's top_k most similar articles.

    Score is the word TF-IDF cosine (as ``similarity(kind="word")``); only pairs with
    score >= min_score (default PAIR_MIN_SCORE) among the top_k (default TOP_K) neighbours of
    either article are kept, so memory grows with N x top_k, never N x N. Coverage is the share
    of an article's sentences that have a counterpart (sentence cosine >= align_threshold,
    default ALIGN_THRESHOLD) in the other article, Churnalism's "% copied" (needs the corpus
    module's ``sentences``; ``coverage=False`` skips it). ``progress=True`` prints progress
    lines to stderr, or pass a callable taking one string. ``n_jobs=2`` hashes the texts in two
    worker processes (the slowest step on a large corpus).
    ``copied_a``/``copied_b`` are the same shares at the stricter COPY_SENTENCE_THRESHOLD
    (near-verbatim sentences); ``p_same`` is the same-story probability (``same_story``'s model,
    its time rule read from the coverage) and ``relation`` the METER-style label of ``relation``
    ("wholly derived", "partially derived", "independent report", "look-alike"); all four are
    NaN/"" when ``coverage=False``. A corpus column ``identical_to`` (as ``load_corpus`` gives)
    makes pairs of identical texts "wholly derived".
    Returns columns doc_a, doc_b, score, coverage_a, coverage_b, copied_a, copied_b, p_same,
    relation, sorted by score descending.
    """
    _check(corpus)
    min_score = PAIR_MIN_SCORE if min_score is None else float(min_score)
    top_k = TOP_K if top_k is None else int(top_k)
    if top_k < 1:
        raise OverlapError("corpus", f"top_k must be >= 1, got {top_k}")
    threshold = ALIGN_THRESHOLD if align_threshold is None else float(align_threshold)
    cols = PAIR_COLUMNS
    if len(corpus) < 2:
        return pd.DataFrame({c: pd.Series(dtype=object if c.startswith("doc") or c == "relation" else float)
                             for c in cols})
    x, idf = _doc_vectors(corpus, progress, n_jobs=n_jobs)
    nb = _neighbours(x, top_k, min_score, progress)
    ids = corpus.index.to_numpy()
    out = pd.DataFrame({"doc_a": ids[nb["i"].to_numpy()], "doc_b": ids[nb["j"].to_numpy()],
                        "score": nb["score"].astype(float).round(6).to_numpy()})
    for c in ("coverage_a", "coverage_b", "copied_a", "copied_b", "p_same"):
        out[c] = np.nan
    out["relation"] = ""
    if coverage and len(out):
        out = _with_coverage(corpus, out, idf, threshold, progress, n_jobs)
        out = relate(corpus, out)
    out = out.sort_values(["score", "doc_a", "doc_b"], ascending=[False, True, True], kind="stable")
    return out.reset_index(drop=True)[cols]


def _with_coverage(corpus: pd.DataFrame, out: pd.DataFrame, idf: np.ndarray, threshold: float, progress=None,
                   n_jobs: int = 1) -> pd.DataFrame:
    """``out`` (doc_a, doc_b) with coverage_a/b (sentence cosine >= threshold) and copied_a/b
    (>= COPY_SENTENCE_THRESHOLD) filled in."""
    involved = pd.unique(np.concatenate([out["doc_a"].to_numpy(), out["doc_b"].to_numpy()]))
    _say(progress, f"coverage: splitting {len(involved):,} articles into sentences")
    sents = _sentences(corpus.loc[involved])
    sv = _sentence_vectors(sents, idf, progress, n_jobs=n_jobs)
    rows_of = {d: np.asarray(g, dtype=np.int64) for d, g in sents.groupby("doc_id", sort=False).indices.items()}
    empty = np.array([], dtype=np.int64)
    cov = np.zeros((len(out), 4))
    t0 = time.perf_counter()
    for n, (a, b) in enumerate(zip(out["doc_a"], out["doc_b"], strict=True)):
        ra, rb = rows_of.get(a, empty), rows_of.get(b, empty)
        if len(ra) and len(rb):
            block = _block(sv, ra, rb)
            cov[n, :2] = _coverage(block, threshold)
            cov[n, 2:] = _coverage(block, COPY_SENTENCE_THRESHOLD)
        if len(out) > 20000 and (n + 1) % 20000 == 0:
            _say(progress, f"coverage {n + 1:,}/{len(out):,} pairs ({time.perf_counter() - t0:.0f} s)")
    out = out.copy()
    for k, c in enumerate(("coverage_a", "coverage_b", "copied_a", "copied_b")):
        out[c] = cov[:, k].round(4)
    return out


def families(corpus: pd.DataFrame, threshold: float | None = None, pair_table: pd.DataFrame | None = None,
             progress=None, n_jobs: int = 1, model: dict | str | None = "default") -> pd.Series:
    """Story family of each article: groups of articles that tell one story.

    By default (``model="default"``) each article's FAMILY_TOP_K most similar articles are
    candidates; ``same_story`` gives each candidate pair the probability that it tells one
    story (word cosine, shared rare names and their spellings, shared numbers, shared cited
    original, publication dates), and ``average_linkage`` groups articles while the mean
    probability between two groups is >= ``threshold`` (default LINK_THRESHOLD). Average
    linkage, not single: one article that resembles two look-alike stories cannot chain them.
    ``model`` may be a weights dict (as ``load_model`` returns). ``model=None`` is the old
    rule: connected groups of word cosine >= threshold (default FAMILY_THRESHOLD).
    Sparse (top-k neighbours), so it scales to 100,000 articles. ``pair_table`` reuses a
    pairs() result as the candidates. Labels are "F1", "F2", ... by family size (largest
    first, ties by first doc_id); an article alike to no other gets its own family.
    Returns a Series indexed by doc_id, named "family".
    """
    _check(corpus)
    n = len(corpus)
    pos = pd.Series(np.arange(n), index=corpus.index)
    if model is None:
        threshold = FAMILY_THRESHOLD if threshold is None else float(threshold)
        if pair_table is None:
            pair_table = pairs(corpus, min_score=min(threshold, PAIR_MIN_SCORE), coverage=False, progress=progress,
                               n_jobs=n_jobs)
        strong = pair_table[pair_table["score"] >= threshold]
        strong = strong[strong["doc_a"].isin(pos.index) & strong["doc_b"].isin(pos.index)]
        graph = sp.coo_matrix((np.ones(len(strong)), (pos[strong["doc_a"]].to_numpy(),
                                                      pos[strong["doc_b"]].to_numpy())), shape=(n, n))
        _, comp = sp.csgraph.connected_components(graph, directed=False)
    else:
        threshold = LINK_THRESHOLD if threshold is None else float(threshold)
        weights = load_model() if isinstance(model, str) else model
        scored = same_story(corpus, pair_table, weights, progress=progress, n_jobs=n_jobs)
        comp = average_linkage(n, pos[scored["doc_a"]].to_numpy(), pos[scored["doc_b"]].to_numpy(),
                               scored["p_same"].to_numpy(), threshold)
    return _labels(corpus, comp)


def _labels(corpus: pd.DataFrame, comp: np.ndarray) -> pd.Series:
    """Family labels "F1", "F2", ... by group size (largest first, ties by first article)."""
    frame = pd.DataFrame({"comp": comp, "order": np.arange(len(comp))}, index=corpus.index)
    stats = frame.groupby("comp")["order"].agg(["size", "min"]).sort_values(["size", "min"], ascending=[False, True])
    label = {c: f"F{i + 1}" for i, c in enumerate(stats.index)}
    out = pd.Series([label[c] for c in comp], index=corpus.index.copy(), name="family")
    out.index.name = "doc_id"
    return out


# --------------------------------------------------------------------------- same-story decision

#: pairs compared per article by families() (the candidates of the same-story model); more than
#: TOP_K because one story can have 20 re-tellings (ECB+ dev events hold 5-22 articles)
FAMILY_TOP_K = 20
#: candidates scoring below this word cosine are never the same story (ECB+ dev: no same-event
#: pair of the candidates scores lower than 0.03 and the model's probability there is < 0.05)
CANDIDATE_MIN_SCORE = 0.03
#: two groups of articles merge while the mean same-story probability of the pairs between them
#: (pairs never compared count 0) is at least this: average linkage (chosen by cross-validation
#: across ECB+ dev topics, benchmarks/train_same_story.py)
LINK_THRESHOLD = 0.4
#: publication dates further apart than this (days) make a pair the same story only when one
#: re-reports the other (chosen on TimeML: its same-story pairs lie 0-2 days apart)
TIME_WINDOW_DAYS = 3
#: ... that is, when this share of one article's sentences has a counterpart in the other (TimeML:
#: a wire story re-run 8 days later has 1.0; later developments of one saga 0.57-0.75)
REREPORT_COVERAGE = 0.8
#: two articles of one family "share passages" when this share of one's sentences has a counterpart in
#: the other. Chosen on the TimeML dev news (pairs inside families, true dates): below 0.15, 72-83% of
#: pairs lie more than a week apart (independent reports of one long-running event); from 0.15 up,
#: 12-53% (benchmarks/README.md, "Dating"). Dating passes dates on only between such pairs.
SHARED_PASSAGE_COVERAGE = 0.15
#: the same-story model: feature -> logistic-regression weight (benchmarks/train_same_story.py)
SAME_STORY_WEIGHTS = "same_story_weights.csv"
#: the features of the same-story model, in the order of its weights file
FEATURES = ("word", "names", "names_char", "numbers", "rare_shared", "cites_shared")
#: a name word or number is rare when at most this share of the corpus uses it (and at least
#: RARE_MIN_DOCS articles may): how much specific evidence two articles share, unlike a cosine,
#: does not grow when both are short
RARE_SHARE = 0.02
RARE_MIN_DOCS = 3
#: rare_shared counts up to this many shared rare words (log scale, 1.0 at the cap)
RARE_CAP = 10

#: capitalised words that never identify a story: legal forms of company names and titles
#: (month and weekday names stay: they date the story, evidence of time)
_GENERIC = frozenset("inc corp co cos ltd plc llc ag sa nv bv gmbh mr mrs ms dr".split())
#: numbers shorter than this (digits and decimal marks) are left out (ECB+ dev, cross-validated:
#: leaving out 1- or 2-character numbers, which include ages and days of the month, lowers F1)
MIN_NUMBER_CHARS = 1
_CAPITAL_WORD = re.compile(r"(?<![\w'\u2019-])([^\W\d_][\w'\u2019-]*)")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")


def name_words(text: str) -> list[str]:
    """The words of a text that look like names: capitalised, not a function word, and never
    written in lower case in the same text (so a sentence-initial "After" is not a name).
    Lower-cased, possessive "'s" dropped; one entry per distinct word."""
    text = text or ""
    words = _CAPITAL_WORD.findall(text)
    lower = {w for w in words if w[:1].islower()}
    out = []
    for w in words:
        if not w[:1].isupper():
            continue
        low = re.sub(r"['\u2019]s$", "", w.casefold())
        if len(low) < 2 or low in _STOP or low in _GENERIC or low in lower or w.casefold() in lower:
            continue
        out.append(low)
    return list(dict.fromkeys(out))


def number_words(text: str) -> list[str]:
    """The distinct numbers of a text of MIN_NUMBER_CHARS or more characters, digit groups
    joined ("150,000" -> "150000")."""
    found = _NUMBER.findall(_DIGIT_GROUP.sub("", text or ""))
    return list(dict.fromkeys(n for n in found if len(n) >= MIN_NUMBER_CHARS))


def _name_chars(text: str) -> list[str]:
    """Character 3-grams of the name words of a text (inside word boundaries): respelled names meet."""
    out = []
    for w in name_words(text):
        w = f" {fold_name(w)} "
        out.extend(w[i:i + 3] for i in range(len(w) - 2))
    return out


def _bag(analyzer, texts: list[str]) -> sp.csr_matrix:
    """TF-IDF vectors (sublinear, L2) of the tokens ``analyzer`` finds in each text."""
    vec = HashingVectorizer(analyzer=analyzer, n_features=2**18, alternate_sign=False, norm=None, dtype=np.float32)
    counts = vec.transform(texts)
    return _weigh(counts, _idf(counts))


def _rare_words(texts: list[str]) -> sp.csr_matrix:
    """Binary article x word matrix of the rare name words and numbers (see RARE_SHARE)."""
    vec = HashingVectorizer(analyzer=lambda t: name_words(t) + number_words(t), n_features=2**18,
                            alternate_sign=False, norm=None, binary=True, dtype=np.float32)
    x = vec.transform(texts).tocsr()
    df = np.bincount(x.indices, minlength=x.shape[1])
    rare = df <= max(RARE_MIN_DOCS, RARE_SHARE * x.shape[0])
    x.data = x.data * rare[x.indices]
    x.eliminate_zeros()
    return x


def _rowwise(x: sp.csr_matrix, i: np.ndarray, j: np.ndarray, step: int = 20000) -> np.ndarray:
    """Dot products of rows i[k] and j[k] of x (cosines of L2-normalised rows)."""
    out = np.zeros(len(i), dtype=np.float64)
    for s in range(0, len(i), step):
        out[s:s + step] = np.asarray(x[i[s:s + step]].multiply(x[j[s:s + step]]).sum(axis=1)).ravel()
    return out


def _cite_keys(corpus: pd.DataFrame) -> tuple[list[set[str]], list[str]]:
    """Per article: its outlet and the outlets it cites, as comparison keys."""
    outlets = corpus["outlet"].fillna("") if "outlet" in corpus.columns else pd.Series("", index=corpus.index)
    cites = corpus["cites"] if "cites" in corpus.columns else pd.Series([[]] * len(corpus), index=corpus.index)
    return [{_outlet_key(c) for c in _cites(cs)} - {""} for cs in cites], [_outlet_key(o) for o in outlets]


def pair_features(corpus: pd.DataFrame, pair_table: pd.DataFrame, n_jobs: int = 1) -> pd.DataFrame:
    """The evidence a reader weighs for each pair of ``pair_table`` (doc_a, doc_b, score).

    Columns added: ``word`` (word TF-IDF cosine, the pairs score), ``names`` (TF-IDF cosine of
    the name-like words: rare names shared weigh most), ``names_char`` (cosine of character
    3-grams of those names, spelling-tolerant), ``numbers`` (TF-IDF cosine of the numbers),
    ``rare_shared`` (how many rare names and numbers both use, log-scaled to [0, 1]),
    ``cites_shared`` (1 when both attribute the story to one outlet, or one cites the other's
    outlet), ``days_apart`` (publication dates, NaN when either is unknown).
    """
    texts = corpus["text"].fillna("").astype(str).tolist()
    pos = pd.Series(np.arange(len(corpus)), index=corpus.index)
    i, j = pos[pair_table["doc_a"]].to_numpy(), pos[pair_table["doc_b"]].to_numpy()
    out = pair_table.copy()
    out["word"] = out["score"].astype(float)
    out["names"] = _rowwise(_bag(name_words, texts), i, j)
    out["names_char"] = _rowwise(_bag(_name_chars, texts), i, j)
    out["numbers"] = _rowwise(_bag(number_words, texts), i, j)
    shared = _rowwise(_rare_words(texts), i, j)
    out["rare_shared"] = np.minimum(np.log1p(shared) / np.log1p(RARE_CAP), 1.0)
    cited, own = _cite_keys(corpus)
    out["cites_shared"] = [float(bool(cited[a] & cited[b]) or (own[a] in cited[b]) or (own[b] in cited[a]))
                           for a, b in zip(i, j, strict=True)]
    published = pd.to_datetime(corpus["published"]) if "published" in corpus.columns else pd.Series(
        pd.NaT, index=corpus.index)
    days = (published.iloc[i].to_numpy() - published.iloc[j].to_numpy()) / np.timedelta64(1, "D")
    out["days_apart"] = np.abs(days.astype(float))
    return out


def load_model(name: str = SAME_STORY_WEIGHTS) -> dict[str, float]:
    """The same-story model's weights from lib/newstrace/data (columns feature, weight)."""
    from importlib.resources import files

    table = pd.read_csv(files("newstrace").joinpath("data", name).open(encoding="utf-8"), comment="#")
    weights = dict(zip(table["feature"], table["weight"].astype(float), strict=True))
    missing = [f for f in (*FEATURES, "intercept") if f not in weights]
    if missing:
        raise OverlapError(name, f"same-story weights file lacks {missing}")
    return weights


def same_story_probability(features: pd.DataFrame, model: dict[str, float]) -> np.ndarray:
    """Logistic-regression probability that each pair tells one story, from its features."""
    z = np.full(len(features), model["intercept"], dtype=float)
    for f in FEATURES:
        z += model[f] * features[f].to_numpy(dtype=float)
    return 1.0 / (1.0 + np.exp(-z))


def _time_gate(corpus: pd.DataFrame, feats: pd.DataFrame, prob: np.ndarray,
               covered: np.ndarray | None = None) -> np.ndarray:
    """Pairs published more than TIME_WINDOW_DAYS apart keep their probability only when one
    article re-reports the other (coverage >= REREPORT_COVERAGE); otherwise it becomes 0.

    ``covered`` is each pair's larger coverage when the caller has it (``pairs`` computes it);
    otherwise it is computed for the far pairs that could matter (probability >= 0.05)."""
    far = feats["days_apart"].to_numpy() > TIME_WINDOW_DAYS
    if covered is not None:
        return np.where(far & ~(covered >= REREPORT_COVERAGE), 0.0, prob)
    far &= prob >= 0.05
    if not far.any():
        return prob
    prob = prob.copy()
    idf = _corpus_idf(corpus)
    for k in np.flatnonzero(far):
        _, _, block = _sentence_block(corpus, feats["doc_a"].iat[k], feats["doc_b"].iat[k], idf)
        if max(_coverage(block, ALIGN_THRESHOLD)) < REREPORT_COVERAGE:
            prob[k] = 0.0
    return prob


def average_linkage(n: int, i: np.ndarray, j: np.ndarray, weight: np.ndarray, threshold: float) -> np.ndarray:
    """Average-linkage clustering of a sparse graph: group ids of n nodes.

    Two groups merge while the mean weight over all pairs between them (pairs not in the graph
    count 0) is >= threshold, highest mean first. Unlike single linkage, one bridging pair
    between two look-alike stories cannot join them: the whole groups must agree.
    Runs in O(E log E) for E edges.
    """
    import heapq

    group = np.arange(n)
    size = {k: 1 for k in range(n)}
    links: dict[int, dict[int, float]] = {k: {} for k in range(n)}
    for a, b, w in zip(i.tolist(), j.tolist(), weight.tolist(), strict=True):
        if a != b and w > 0:
            links[a][b] = links[a].get(b, 0.0) + w
            links[b][a] = links[b].get(a, 0.0) + w
    heap = [(-s, a, b) for a in links for b, s in links[a].items() if a < b and s >= threshold]
    heapq.heapify(heap)
    members = {k: [k] for k in range(n)}
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in size or b not in size or b not in links[a]:
            continue
        mean = links[a][b] / (size[a] * size[b])
        if abs(mean - (-neg)) > 1e-12:
            if mean >= threshold:
                heapq.heappush(heap, (-mean, a, b))
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for c, s in links.pop(b).items():
            del links[c][b]
            if c == a:
                continue
            links[a][c] = links[a].get(c, 0.0) + s
            links[c][a] = links[a][c]
        size[a] += size.pop(b)
        members[a].extend(members.pop(b))
        for c, s in links[a].items():
            m = s / (size[a] * size[c])
            if m >= threshold:
                heapq.heappush(heap, (-m, min(a, c), max(a, c)))
    for root, ms in members.items():
        group[ms] = root
    return group


def same_story(corpus: pd.DataFrame, pair_table: pd.DataFrame | None = None, model: dict | None = None,
               progress=None, n_jobs: int = 1) -> pd.DataFrame:
    """Each candidate pair with its evidence and the probability that it tells one story.

    Candidates: every article's FAMILY_TOP_K most similar articles (word cosine >=
    CANDIDATE_MIN_SCORE), or ``pair_table``. Columns: doc_a, doc_b, score, the features of
    ``pair_features``, and ``p_same`` (the logistic model of ``load_model``, set to 0 for pairs
    published more than TIME_WINDOW_DAYS apart unless one re-reports the other).
    """
    _check(corpus)
    model = load_model() if model is None else model
    if pair_table is None:
        pair_table = pairs(corpus, min_score=CANDIDATE_MIN_SCORE, top_k=FAMILY_TOP_K, coverage=False,
                           progress=progress, n_jobs=n_jobs)
    pair_table = pair_table[pair_table["doc_a"].isin(corpus.index) & pair_table["doc_b"].isin(corpus.index)]
    feats = pair_features(corpus, pair_table.reset_index(drop=True), n_jobs=n_jobs)
    feats["p_same"] = _time_gate(corpus, feats, same_story_probability(feats, model))
    return feats


# --------------------------------------------------------------------------- relation of a pair (METER-style)

#: the columns of pairs()
PAIR_COLUMNS = ["doc_a", "doc_b", "score", "coverage_a", "coverage_b", "copied_a", "copied_b", "p_same",
                "relation"]
#: the four kinds of overlap of a pair, after the METER corpus of journalistic text reuse
RELATIONS = ("wholly derived", "partially derived", "independent report", "look-alike")
#: two sentences with cosine >= this are near-verbatim copies (copied_a/copied_b). Chosen on
#: benchmarks/data/relations_gold.csv (68 real TimeML and ECB+ pairs labelled by reading;
#: benchmarks/relations.py prints the sweep): macro F1 of the four labels rises to a plateau at
#: 0.7-0.8; below 0.6 short look-alike briefs written to one template (dividend notices) and
#: independent reports quoting one statement "copy" each other.
COPY_SENTENCE_THRESHOLD = 0.7
#: a pair is wholly derived when this share of one article's sentences is copied near-verbatim
#: from the other (relations gold: copies 0.94-1.0, the most any other pair reaches 0.57; any
#: value from 0.6 to 1.0 gives the same labels there)
WHOLLY_DERIVED_COVERAGE = 0.8
#: ... partially derived when this share of BOTH articles' sentences is (relations gold: the
#: best macro F1 of 0.1-0.4; partial rewrites reach 0.29-0.55, independent reports at most 0.18)
PARTIALLY_DERIVED_COVERAGE = 0.25
#: a pair that copies little tells the same story (an independent report) when its same-story
#: probability is at least this, else it is a look-alike. Chosen on two corpora so that it rests
#: on neither alone: the best mean of the relations gold's macro F1 (whose look-alikes are hard
#: ones, it prefers high cuts) and the accuracy on ECB+ dev same-topic pairs, same event vs
#: other event (it prefers low cuts); benchmarks/relations.py prints both.
INDEPENDENT_P_SAME = 0.6


def relation(copied_a: float, copied_b: float, p_same: float, identical: bool = False) -> str:
    """The METER-style kind of overlap of one pair, from its near-verbatim copied shares (each
    article's share of sentences with a near-verbatim counterpart in the other) and its same-story
    probability: "wholly derived" (identical, or one copied almost whole), "partially derived"
    (passages reused both ways), "independent report" (same story, little reuse), "look-alike"."""
    high, low = max(copied_a, copied_b), min(copied_a, copied_b)
    if identical or high >= WHOLLY_DERIVED_COVERAGE:
        return "wholly derived"
    if not p_same >= INDEPENDENT_P_SAME:  # (NaN: unknown, not the same story)
        return "look-alike"
    if low >= PARTIALLY_DERIVED_COVERAGE:
        return "partially derived"
    return "independent report"


def _identical(corpus: pd.DataFrame, a: pd.Series, b: pd.Series) -> np.ndarray:
    """Whether each pair's two texts are identical, from the corpus column identical_to."""
    from .corpus import text_identity

    first = text_identity(corpus)
    return first.loc[a].to_numpy() == first.loc[b].to_numpy()


def relate(corpus: pd.DataFrame, table: pd.DataFrame, model: dict | None = None) -> pd.DataFrame:
    """``table`` (doc_a, doc_b, score, coverage_a/b, copied_a/b, as ``pairs`` gives them) with
    ``p_same`` (the same-story model; 0 for pairs more than TIME_WINDOW_DAYS apart unless one
    covers the other by REREPORT_COVERAGE) and ``relation`` (see ``relation``) filled in."""
    model = load_model() if model is None else model
    feats = pair_features(corpus, table.reset_index(drop=True))
    covered = np.maximum(feats["coverage_a"].to_numpy(float), feats["coverage_b"].to_numpy(float))
    prob = _time_gate(corpus, feats, same_story_probability(feats, model), covered)
    same = _identical(corpus, feats["doc_a"], feats["doc_b"])
    out = table.copy()
    out["p_same"] = prob.round(4)
    out["relation"] = [relation(ca, cb, p, i) for ca, cb, p, i in zip(
        feats["copied_a"], feats["copied_b"], prob, same, strict=True)]
    return out


def compare(corpus: pd.DataFrame, doc_a, doc_b, model: dict | None = None) -> pd.DataFrame:
    """The given pairs (lists doc_a, doc_b) compared as ``pairs`` compares its pairs, with the
    IDF of the whole corpus, however low their similarity: columns PAIR_COLUMNS."""
    _check(corpus)
    _need(corpus, *doc_a, *doc_b)
    x, idf = _doc_vectors(corpus)
    pos = pd.Series(np.arange(len(corpus)), index=corpus.index)
    i, j = pos[list(doc_a)].to_numpy(), pos[list(doc_b)].to_numpy()
    table = pd.DataFrame({"doc_a": list(doc_a), "doc_b": list(doc_b), "score": _rowwise(x, i, j).round(6)})
    table = _with_coverage(corpus, table, idf, ALIGN_THRESHOLD)
    return relate(corpus, table, model)[PAIR_COLUMNS]


# --------------------------------------------------------------------------- alignment


def _corpus_idf(corpus: pd.DataFrame) -> np.ndarray:
    return _idf(_counts(corpus["text"].fillna("").astype(str).tolist()))


def _need(corpus: pd.DataFrame, *docs) -> None:
    for d in docs:
        if d not in corpus.index:
            raise OverlapError(d, "no such doc_id in the corpus")


def _content_words(text: str) -> dict[str, str]:
    """Stem -> first surface form of each content word or number of a text."""
    out: dict[str, str] = {}
    for tok in _TOKEN.findall(text or ""):
        st = stems(tok)
        if st and st[0] not in out:
            out[st[0]] = tok
    return out


def _sentence_block(corpus: pd.DataFrame, a, b, idf: np.ndarray | None):
    """Sentences of a and b and their sentence-similarity block (rows a, columns b)."""
    _check(corpus)
    _need(corpus, a, b)
    idf = _corpus_idf(corpus) if idf is None else idf
    sents = _sentences(corpus.loc[[a, b]] if a != b else corpus.loc[[a]])
    sa = sents[sents["doc_id"] == a].reset_index(drop=True)
    sb = sents[sents["doc_id"] == b].reset_index(drop=True)
    sv = _sentence_vectors(pd.concat([sa, sb], ignore_index=True), idf)
    block = _block(sv, np.arange(len(sa)), np.arange(len(sa), len(sa) + len(sb)))
    return sa, sb, block


def family_pairs(corpus: pd.DataFrame, members) -> pd.DataFrame:
    """Every pair of the articles ``members`` (one story family) that shares a word, however low its score; columns doc_a,
    doc_b, score, coverage_a, coverage_b, as ``pairs`` gives them."""
    members = list(members)
    return pairs(corpus.loc[members], min_score=0.0, top_k=max(len(members) - 1, 1))


def shared_passages(corpus: pd.DataFrame, fam: pd.Series):
    """A function (a, b) -> whether two articles of one family share passages: the coverage
    ``family_pairs`` gives the pair (the share of one article's sentences with a counterpart in
    the other, sentence vectors weighted by the family's IDF) >= ``SHARED_PASSAGE_COVERAGE`` on
    either side.

    The same steps as ``family_pairs``, run only for the pairs asked: each family's texts and sentences
    are hashed once, and no pair needs the family's neighbour search (on TimeML dev the dating
    asks 275 of the 458 pairs ``family_pairs`` scores). The answers are the same (tests/test_timeline.py)."""
    family: dict = {}   # label -> {doc_id: (hashed feature ids of its text, its sentence vectors)}
    answers: dict = {}

    def members_of(label) -> dict:
        if label not in family:
            members = list(fam.index[fam == label])
            counts = _counts(corpus.loc[members, "text"].fillna("").astype(str).tolist())
            sents = _sentences(corpus.loc[members])
            sv = _sentence_vectors(sents, _idf(counts))
            rows = sents.groupby("doc_id", sort=False).indices
            family[label] = {d: (set(counts.indices[counts.indptr[k]:counts.indptr[k + 1]].tolist()),
                                 sv[rows.get(d, np.array([], dtype=np.int64))]) for k, d in enumerate(members)}
        return family[label]

    def shared(a, b) -> bool:
        key = frozenset((a, b))
        if key not in answers:
            docs = members_of(fam.get(a))
            (wa, va), (wb, vb) = docs[a], docs[b]
            answers[key] = False
            # family_pairs lists only the pairs that share a word (a non-zero article cosine)
            if wa & wb and va.shape[0] and vb.shape[0]:
                block = _block(sp.vstack([va, vb], format="csr"), np.arange(va.shape[0]),
                                  np.arange(va.shape[0], va.shape[0] + vb.shape[0]))
                cov = np.round(_coverage(block, ALIGN_THRESHOLD), 4)  # as family_pairs rounds
                answers[key] = bool(cov.max() >= SHARED_PASSAGE_COVERAGE)
        return answers[key]

    return shared


def describe_pairs(within: pd.DataFrame) -> str:
    """In words, how the articles of one family overlap, from ``family_pairs``: word cosine and coverage
    ranges and what they mean ("near-copies", "re-tellings that share passages", "reports that share
    few passages"), and how many pairs are of each ``relation`` when the table has that column."""
    if within.empty:
        return "no pair of its articles could be compared"
    low = min(within.coverage_a.min(), within.coverage_b.min())
    high = max(within.coverage_a.max(), within.coverage_b.max())
    if high >= REREPORT_COVERAGE:
        kind = "at least one article re-tells another almost whole (near-copies)"
    elif high >= SHARED_PASSAGE_COVERAGE:
        kind = "re-tellings that share passages, not copies"
    else:
        kind = ("reports of one story that share few passages, joined on shared names and numbers "
                "(independent reports, or look-alike stories: read them)")
    text = (f"word cosine {within.score.min():.2f}-{within.score.max():.2f}, and {low:.0%}-{high:.0%} of an "
            f"article's sentences have a counterpart in a sibling: {kind}")
    counts = within["relation"].replace("", np.nan).dropna().value_counts() if "relation" in within else []
    if len(counts):
        text += " (pairs: " + ", ".join(f"{counts[r]} {r}" for r in RELATIONS if r in counts) + ")"
    return text


def align(corpus: pd.DataFrame, a, b, min_score: float | None = None, idf: np.ndarray | None = None) -> pd.DataFrame:
    """Corresponding sentences of articles a and b: each sentence's best counterpart scoring >= min_score.

    The score is the cosine of sentence vectors (word stems and stem bigrams weighted by the
    corpus IDF: tolerant of inflection, reordering and shared numbers and names; see module
    docstring). A pair is kept when one sentence is the other's best match and the score is
    >= min_score (default ALIGN_THRESHOLD, chosen on the benchmark corpus), so a sentence that
    was split or merged can align to two. ``idf`` reuses a corpus IDF (from ``corpus_idf``).
    Returns columns sent_a, sent_b, text_a, text_b, score, only_a, only_b (content words found
    on one side only: what was changed), ordered by sent_a.
    """
    threshold = ALIGN_THRESHOLD if min_score is None else float(min_score)
    sa, sb, block = _sentence_block(corpus, a, b, idf)
    cols = ["sent_a", "sent_b", "text_a", "text_b", "score", "only_a", "only_b"]
    if block.size == 0:
        return pd.DataFrame(columns=cols)
    keep = set()
    best_b = block.argmax(axis=1)
    for i, j in enumerate(best_b):
        if block[i, j] >= threshold:
            keep.add((i, int(j)))
    best_a = block.argmax(axis=0)
    for j, i in enumerate(best_a):
        if block[i, j] >= threshold:
            keep.add((int(i), j))
    rows = []
    for i, j in sorted(keep):
        ta, tb = sa.at[i, "text"], sb.at[j, "text"]
        wa, wb = _content_words(ta), _content_words(tb)
        rows.append({
            "sent_a": int(sa.at[i, "sent_id"]), "sent_b": int(sb.at[j, "sent_id"]), "text_a": ta, "text_b": tb,
            "score": round(float(block[i, j]), 4),
            "only_a": ", ".join(w for s, w in wa.items() if s not in wb),
            "only_b": ", ".join(w for s, w in wb.items() if s not in wa),
        })
    return pd.DataFrame(rows, columns=cols)


def corpus_idf(corpus: pd.DataFrame) -> np.ndarray:
    """The corpus IDF vector used by align/unique: compute it once to align many pairs of a big corpus."""
    _check(corpus)
    return _corpus_idf(corpus)


def unique(corpus: pd.DataFrame, a, b, min_score: float | None = None, idf: np.ndarray | None = None) -> pd.DataFrame:
    """Sentences of a with no counterpart in b, and of b with none in a: what each side added.

    A sentence has a counterpart when its best sentence score in the other article is
    >= min_score (default ALIGN_THRESHOLD), the same rule as ``align`` and pairs' coverage.
    Returns columns doc_id, sent_id, text, best_score, ordered by doc (a first) and sent_id.
    """
    threshold = ALIGN_THRESHOLD if min_score is None else float(min_score)
    sa, sb, block = _sentence_block(corpus, a, b, idf)
    rows = []
    for doc, sents, best in ((a, sa, block.max(axis=1) if block.size else np.zeros(len(sa))),
                             (b, sb, block.max(axis=0) if block.size else np.zeros(len(sb)))):
        for n in np.flatnonzero(best < threshold):
            rows.append({"doc_id": doc, "sent_id": int(sents.at[n, "sent_id"]), "text": sents.at[n, "text"],
                         "best_score": round(float(best[n]), 4)})
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "text", "best_score"])


# --------------------------------------------------------------------------- derivation


def _outlet_key(name) -> str:
    """Outlet names compared case-blind, without a leading "the" and punctuation."""
    if not isinstance(name, str):
        return ""
    key = re.sub(r"[^\w ]+", " ", name.casefold())
    key = re.sub(r"^\s*the\s+", "", key)
    return re.sub(r"\s+", " ", key).strip()


def _cites(value) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Iterable):
        return [str(v) for v in value if isinstance(v, str) and v.strip()]
    return []


def derivation(corpus: pd.DataFrame, pair_table: pd.DataFrame | None = None, family: pd.Series | None = None,
               asymmetry: float = 0.15) -> nx.DiGraph:
    """Who re-reports whom: a DiGraph from source to re-report, with the evidence on each edge.

    Nodes are the articles (kind="article"; outlet, title, published, family) and the outlets
    the articles cite that are not in the corpus (kind="cited"; node id = the cited name).
    Edges:
    - cited source -> article, relation "cites": the article attributes its story to that
      outlet (corpus.cites); when an article of that outlet is in the same family, the edge
      starts from that article instead.
    - article -> article, relation "re-reports": same family, no shared cited source (two
      articles citing one original are siblings, not copies), direction from publication
      order when both dates are known and differ, else from containment asymmetry (the
      re-report's sentences are found in the source at least ``asymmetry`` more often than
      the other way round); a pair with no direction gets no edge; an article gets at most one
      such edge (from its most similar candidate source), and none if it cites an article of
      the corpus.
    Every edge has ``relation``, ``evidence`` (list of sentences in words), ``score`` (word
    cosine or NaN), ``shared`` (sentences of the target with a counterpart in the source, or 0),
    ``coverage`` (their share of the target's sentences).
    """
    _check(corpus)
    fam = families(corpus) if family is None else family
    if pair_table is None:
        pair_table = pairs(corpus, min_score=min(FAMILY_THRESHOLD, PAIR_MIN_SCORE))
    g = nx.DiGraph()
    get = corpus.get
    outlets = get("outlet", pd.Series("", index=corpus.index)).fillna("")
    titles = get("title", pd.Series("", index=corpus.index)).fillna("")
    published = get("published", pd.Series(pd.NaT, index=corpus.index))
    cites = get("cites", pd.Series([[] for _ in range(len(corpus))], index=corpus.index))
    for d in corpus.index:
        g.add_node(d, kind="article", outlet=str(outlets[d]), title=str(titles[d]), published=published[d],
                   family=str(fam.get(d, "")))
    by_outlet: dict[str, list] = {}
    for d in corpus.index:
        by_outlet.setdefault(_outlet_key(outlets[d]), []).append(d)
    lookup = {}
    for _, row in pair_table.iterrows():
        lookup[(row["doc_a"], row["doc_b"])] = row
        lookup[(row["doc_b"], row["doc_a"])] = row.rename({"doc_a": "doc_b", "doc_b": "doc_a",
                                                           "coverage_a": "coverage_b", "coverage_b": "coverage_a"})
    own_cites = {}
    for d in corpus.index:
        own = _outlet_key(outlets[d])
        own_cites[d] = {_outlet_key(c): c for c in _cites(cites[d]) if _outlet_key(c) and _outlet_key(c) != own}
        for key, name in own_cites[d].items():
            sources = [s for s in by_outlet.get(key, []) if s != d and fam.get(s) == fam.get(d)]
            if sources:
                src = min(sources, key=lambda s: (pd.isna(published[s]), published[s] if pd.notna(published[s])
                                                  else pd.Timestamp(0), str(s)))
                row = lookup.get((src, d))
                cov = float(row["coverage_b"]) if row is not None and pd.notna(row["coverage_b"]) else np.nan
                g.add_edge(src, d, relation="cites", score=float(row["score"]) if row is not None else np.nan,
                           coverage=cov, shared=0,
                           evidence=[f"{d} attributes the story to {name}, the outlet of {src}",
                                     f"{src} and {d} are in story family {fam.get(d)}"])
            else:
                if name not in g:
                    g.add_node(name, kind="cited", outlet=name, title="", published=pd.NaT, family="")
                node = [n for n in g if g.nodes[n].get("kind") == "cited" and _outlet_key(n) == key][0]
                g.add_edge(node, d, relation="cites", score=np.nan, coverage=np.nan, shared=0,
                           evidence=[f"{d} attributes the story to {name}, which is not in the corpus"])
    # a boolean array, not a list: an empty list would select no columns and lose "score"
    in_family = np.array([fam.get(a) == fam.get(b) for a, b in zip(pair_table["doc_a"], pair_table["doc_b"], strict=True)],
                         dtype=bool)
    same = pair_table[in_family]
    same = same[same["score"] >= FAMILY_THRESHOLD]
    inferred: dict = {}
    for _, row in same.iterrows():
        a, b = row["doc_a"], row["doc_b"]
        if g.has_edge(a, b) or g.has_edge(b, a):
            continue
        if set(own_cites[a]) & set(own_cites[b]):
            continue
        evidence = [f"word cosine {row['score']:.2f} (same story family {fam.get(a)})"]
        direction = None
        pa, pb = published[a], published[b]
        cov_a, cov_b = row["coverage_a"], row["coverage_b"]
        if pd.notna(pa) and pd.notna(pb) and pa != pb:
            direction = (a, b) if pa < pb else (b, a)
            evidence.append(f"{direction[0]} was published first ({min(pa, pb):%Y-%m-%d} vs {max(pa, pb):%Y-%m-%d})")
        if pd.notna(cov_a) and pd.notna(cov_b) and abs(cov_a - cov_b) >= asymmetry:
            contained = (a, b) if cov_b > cov_a else (b, a)   # source first: the target is contained in it
            evidence.append(f"{contained[1]}'s sentences are found in {contained[0]} more often "
                            f"({max(cov_a, cov_b):.0%} vs {min(cov_a, cov_b):.0%})")
            direction = direction or contained
        if direction is None:
            continue
        src, dst = direction
        cov = float(cov_b if dst == b else cov_a)
        inferred.setdefault(dst, []).append((float(row["score"]), str(src), src, cov, evidence))
    for dst, options in inferred.items():
        if any(g.edges[p, dst]["relation"] == "cites" and g.nodes[p]["kind"] == "article" for p in g.predecessors(dst)):
            continue   # its attributed source is in the corpus: that edge says it
        score, _, src, cov, evidence = max(options, key=lambda o: (o[0], o[1]))
        if len(options) > 1:
            evidence.append(f"the most similar of {len(options)} earlier or containing articles of the family")
        g.add_edge(src, dst, relation="re-reports", score=score, coverage=cov, shared=0, evidence=evidence)
    idf = None
    for src, dst, data in g.edges(data=True):
        if g.nodes[src].get("kind") == "article":
            idf = _corpus_idf(corpus) if idf is None else idf
            data["shared"] = int(align(corpus, src, dst, idf=idf)["sent_b"].nunique())
            if data["shared"]:
                data["evidence"].append(f"{data['shared']} sentence(s) of {dst} have a counterpart in {src}")
    return g


# --------------------------------------------------------------------------- variants

_QUOTE = re.compile(r"[\"\u201c\u201e\u00ab]\s*([^\"\u201c\u201d\u201e\u00ab\u00bb]{3,}?)\s*[\"\u201d\u00bb]"
                    r"|(?<![\w])['\u2018]([^'\u2018\u2019]{3,}?)['\u2019](?![\w])")
_NAME_WORD = r"[^\W\d_][\w\u2019'\-]*"


def names(text: str) -> list[str]:
    """Capitalised word runs that are not sentence-initial function words: candidate names of people and places."""
    out = []
    for m in re.finditer(rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*", text or ""):
        run = []
        for w in m.group(0).split():
            if w[0].isupper():
                run.append(w)
            else:
                if run:
                    out.append(run)
                run = []
        if run:
            out.append(run)
    result = []
    for run in out:
        while run and run[0].casefold() in _STOP:
            run = run[1:]
        while run and run[-1].casefold() in _STOP:
            run = run[:-1]
        if run and not all(w.casefold() in _STOP for w in run):
            result.append(" ".join(w.rstrip("'\u2019") for w in run))
    return result


def quotes(text: str) -> list[str]:
    """Passages in quotation marks (double, curly, guillemets, or single quotes around words)."""
    return [(m.group(1) or m.group(2)).strip(" ,.") for m in _QUOTE.finditer(text or "")]


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split())
#: spelling rules that fold common transliteration variants of one name together
_FOLD = [("sch", "sh"), ("cz", "ch"), ("sz", "s"), ("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"),
         ("w", "v"), ("y", "i"), ("c", "k"), ("ou", "u"), ("ij", "i")]


def _plain(s: str) -> str:
    """Case-folded, accents removed, spaces collapsed."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return re.sub(r"\s+", " ", "".join(c for c in s if not unicodedata.combining(c))).strip()


def fold_name(name: str) -> str:
    """A name's spelling key: accents and case dropped, transliteration variants (w/v, cz/ch, kh/h,
    y/i, doubled letters...) folded, so "Kowalski" and "Kovalsky" share one key."""
    s = _plain(name)
    for a, b in _FOLD:
        s = s.replace(a, b)
    return re.sub(r"(\w)\1+", r"\1", s)


def _dice(x: str, y: str) -> float:
    gx = Counter(x[i:i + 2] for i in range(len(x) - 1))
    gy = Counter(y[i:i + 2] for i in range(len(y) - 1))
    total = sum(gx.values()) + sum(gy.values())
    return 2 * sum((gx & gy).values()) / total if total else 0.0


def _char_sim(x: str, y: str) -> float:
    """Similarity of two names: the higher Dice coefficient of character bigrams of the plain
    (case- and accent-blind) and of the folded spellings."""
    return max(_dice(_plain(x), _plain(y)), _dice(fold_name(x), fold_name(y)))


def _spans(text: str) -> list[str]:
    """Every run of 1-3 consecutive words of each name in a text (calendar words left out)."""
    out = []
    for name in names(text):
        words = [w for w in name.split() if w.casefold() not in _CALENDAR]
        for n in range(min(3, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                out.append(" ".join(words[i:i + n]))
    return list(dict.fromkeys(out))


def _name_pairs(ta: str, tb: str, min_sim: float) -> list[tuple[str, str, float]]:
    """Names on one side only paired with a similar name on the other side only (same word count)."""
    low_a, low_b = ta.casefold(), tb.casefold()
    na = [n for n in _spans(ta) if not re.search(rf"\b{re.escape(n.casefold())}\b", low_b)]
    nb = [n for n in _spans(tb) if not re.search(rf"\b{re.escape(n.casefold())}\b", low_a)]
    found = []
    for x in na:
        for y in nb:
            if len(x.split()) != len(y.split()) or x.casefold() == y.casefold():
                continue
            words = zip(x.split(), y.split(), strict=True)
            if any(_char_sim(u, v) < 0.5 for u, v in words):
                continue
            s = _char_sim(x, y)
            if s >= min_sim:
                found.append((x, y, s))
    found.sort(key=lambda t: (-len(t[0].split()), -t[2]))
    kept: list[tuple[str, str, float]] = []
    for x, y, s in found:   # drop a pair inside a longer pair, and a second partner of one name
        if any(x in X and y in Y for X, Y, _ in kept) or any(x == X or y == Y for X, Y, _ in kept):
            continue
        kept.append((x, y, s))
    return kept


def roles(text: str) -> dict[str, str]:
    """Name -> the role a sentence gives that person: "NAME, a ROLE at ..." or "ROLE NAME" (lower-case words)."""
    out: dict[str, str] = {}
    for name in names(text):
        if len(name.split()) < 2:
            continue
        esc = re.escape(name)
        after = re.search(rf"(?<![\w-]){esc},\s+(?:a|an|the)\s+([^\W\d_][^,.;:\"\u201c\u201d]*?)(?=\s+(?:at|of|in|for|with|from|on)\b|[,.;:])",
                          text)
        role = after.group(1) if after else ""
        if not role:
            before = re.search(rf"(?<![\w'\u2019-])((?:[a-z][\w-]*\s+){{1,3}}){esc}", text)
            if before:
                words = before.group(1).split()
                while words and (words[0].casefold() in _STOP or words[0].endswith("ed")):
                    words = words[1:]
                if words and all(w.casefold() not in _STOP for w in words):
                    role = " ".join(words)
        role = role.strip()
        if role and len(role.split()) <= 6:
            out[name] = role
    return out


def _role_pairs(ta: str, tb: str, min_sim: float) -> list[tuple[str, str, float]]:
    """One person (same or variant name) given different roles in two aligned sentences."""
    ra, rb = roles(ta), roles(tb)
    found = []
    for na, role_a in ra.items():
        for nb, role_b in rb.items():
            if _char_sim(na.split()[-1], nb.split()[-1]) < min_sim:
                continue
            if set(stems(role_a)) & set(stems(role_b)):
                continue
            found.append((f"{na}: {role_a}", f"{nb}: {role_b}", _char_sim(role_a, role_b)))
    return found


def _quote_pairs(ta: str, tb: str) -> list[tuple[str, str, float]]:
    found = []
    qb = quotes(tb)
    low_b = re.sub(r"\s+", " ", tb.casefold())
    for q in quotes(ta):
        if len(stems(q)) < 1 or re.sub(r"\s+", " ", q.casefold()) in low_b:
            continue
        other = max(qb, key=lambda y: _char_sim(q, y)) if qb else tb
        found.append((q, other, _char_sim(q, other)))
    return found


def variants(corpus: pd.DataFrame, family: pd.Series | None = None, min_name_sim: float = 0.6,
             min_score: float | None = None) -> pd.DataFrame:
    """One person's name or one quote rendered differently in two articles of the same story family.

    For every pair of articles in one family (``families`` unless ``family`` is given) the
    sentences are aligned (``align``); in each aligned pair of sentences:
    - kind "name": a capitalised name on one side only, and a name on the other side only with
      the same number of words and character-bigram similarity >= min_name_sim (accents and case
      ignored): two spellings of one person or place ("Jon Smyth" / "John Smith").
    - kind "quote": a quoted passage on one side that the other side does not contain
      verbatim; its rendering is the other side's closest quote, or its whole sentence.
    - kind "role": one person (same or similar name) with a different job title or role
      ("NAME, a ROLE at ..." or "ROLE NAME"), roles sharing no word.
    Returns columns kind, doc_a, doc_b, variant_a, variant_b, similarity, sent_a, sent_b,
    text_a, text_b.
    """
    _check(corpus)
    fam = families(corpus) if family is None else family
    idf = _corpus_idf(corpus)
    rows = []
    for _, members in fam.groupby(fam, sort=True):
        docs = [d for d in corpus.index if d in set(members.index)]
        for i, a in enumerate(docs):
            for b in docs[i + 1:]:
                al = align(corpus, a, b, min_score=min_score, idf=idf)
                for r in al.itertuples(index=False):
                    for kind, found in (("name", _name_pairs(r.text_a, r.text_b, min_name_sim)),
                                        ("quote", _quote_pairs(r.text_a, r.text_b)
                                         + [(y, x, s) for x, y, s in _quote_pairs(r.text_b, r.text_a)
                                            if not quotes(r.text_a)]),
                                        ("role", _role_pairs(r.text_a, r.text_b, min_name_sim))):
                        for x, y, s in found:
                            rows.append({"kind": kind, "doc_a": a, "doc_b": b, "variant_a": x, "variant_b": y,
                                         "similarity": round(s, 3), "sent_a": r.sent_a, "sent_b": r.sent_b,
                                         "text_a": r.text_a, "text_b": r.text_b})
    cols = ["kind", "doc_a", "doc_b", "variant_a", "variant_b", "similarity", "sent_a", "sent_b", "text_a", "text_b"]
    out = pd.DataFrame(rows, columns=cols)
    return out.drop_duplicates(["kind", "doc_a", "doc_b", "variant_a", "variant_b"]).reset_index(drop=True)


# --------------------------------------------------------------------------- helpers for reading results


def cluster_order(sim: pd.DataFrame) -> list:
    """doc_ids ordered so that similar articles sit together (average-linkage clustering of 1 - similarity)."""
    from scipy.cluster.hierarchy import leaves_list, linkage
    from scipy.spatial.distance import squareform

    if len(sim) < 3:
        return list(sim.index)
    dist = 1.0 - sim.to_numpy(dtype=float)
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    z = linkage(squareform(np.clip(dist, 0, None), checks=False), method="average", optimal_ordering=True)
    return [sim.index[i] for i in leaves_list(z)]


def derivation_table(g: nx.DiGraph) -> pd.DataFrame:
    """The edges of a derivation graph as a table: source, target, relation, score, shared, coverage, evidence."""
    rows = [{"source": a, "target": b, "relation": d.get("relation", ""), "score": d.get("score", np.nan),
             "shared": d.get("shared", 0), "coverage": d.get("coverage", np.nan),
             "evidence": "; ".join(d.get("evidence", []))} for a, b, d in g.edges(data=True)]
    cols = ["source", "target", "relation", "score", "shared", "coverage", "evidence"]
    return pd.DataFrame(rows, columns=cols).sort_values(["source", "target"], key=lambda s: s.astype(str)).reset_index(drop=True)
