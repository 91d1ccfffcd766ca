"""Speed, memory and accuracy of newstrace.overlap.pairs and families on synthetic corpora.

Each corpus has N articles of about 600 words (30 sentences of 20 words) drawn from a Zipf
vocabulary of 60,000 invented words, in paragraphs of three sentences, a third of each article from one of N/50 topic
vocabularies (so unrelated articles on one topic share words). A tenth of the articles are
re-reported 1-3 times: a copy drops a quarter of the sentences, shuffles the order, replaces
15% of the words at random and adds 3 new sentences. Planted pairs are all pairs of one
original and its re-reports.

For each size a fresh subprocess generates the corpus, then times ``pairs(corpus)`` (with
coverage) and ``families(corpus)`` (each from scratch) and reports its peak resident memory
(``resource.getrusage``, which includes the corpus itself) and the precision and recall of
same-family pairs against the planted pairs.

    .venv/bin/python benchmarks/overlap_scale.py              # 1k and 10k, 3 runs each
    .venv/bin/python benchmarks/overlap_scale.py 100000 --runs 1 --jobs 2
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time

import numpy as np
import pandas as pd

LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def vocabulary(rng: np.random.Generator, size: int) -> np.ndarray:
    """``size`` distinct invented lower-case words of 3-10 letters."""
    words: set[str] = set()
    while len(words) < size:
        lengths = rng.integers(3, 11, size=size)
        for n in lengths:
            words.add("".join(rng.choice(LETTERS, size=n)))
            if len(words) >= size:
                break
    return np.array(sorted(words))


def generate(n: int, seed: int = 0) -> tuple[pd.DataFrame, set[tuple[str, str]]]:
    """A synthetic corpus (index doc_id, column text) of n articles and its planted pairs."""
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng, 60000)
    zipf = 1.0 / np.arange(1, len(vocab) + 1) ** 1.05
    cdf = np.cumsum(zipf / zipf.sum())
    n_topics = max(n // 50, 2)
    topic_words = rng.integers(0, len(vocab), size=(n_topics, 400))

    def general(size) -> np.ndarray:
        return np.minimum(np.searchsorted(cdf, rng.random(size)), len(vocab) - 1)

    def sentences(topic: int, k: int) -> np.ndarray:
        """k sentences of 20 word indices: 14 general (Zipf) and 6 topic words, shuffled."""
        words = np.concatenate([general((k, 14)), topic_words[topic, rng.integers(0, 400, size=(k, 6))]], axis=1)
        return rng.permuted(words, axis=1)

    n_orig = int(n / 1.2)
    topics = rng.integers(0, n_topics, size=n)
    docs: list[np.ndarray] = [sentences(topics[i], 30) for i in range(n_orig)]
    groups: dict[int, set[int]] = {}
    i = n_orig
    while i < n:
        src = int(rng.integers(0, n_orig))
        for _ in range(int(rng.integers(1, 4))):
            if i >= n:
                break
            orig = docs[src]
            keep = np.sort(rng.choice(len(orig), size=int(len(orig) * 0.75), replace=False))
            copy = orig[keep].copy()
            swap_mask = rng.random(copy.shape) < 0.15
            copy[swap_mask] = general(int(swap_mask.sum()))
            order = np.arange(len(copy))
            moved = rng.choice(len(copy), size=len(copy) // 3, replace=False)
            order[moved] = rng.permutation(order[moved])
            docs.append(np.concatenate([copy[order], sentences(topics[src], 3)]))
            groups.setdefault(src, {src}).add(i)
            i += 1
    ids = [f"doc{k:06d}" for k in range(len(docs))]
    # paragraphs of three sentences, as news is written
    texts = ["\n\n".join(" ".join(" ".join(vocab[s]).capitalize() + "." for s in d[k:k + 3])
                         for k in range(0, len(d), 3)) for d in docs]
    planted = set()
    for g in groups.values():
        for a, b in itertools.combinations(sorted(g), 2):
            planted.add((ids[a], ids[b]))
    return pd.DataFrame({"text": texts}, index=pd.Index(ids, name="doc_id")), planted


def child(n: int, seed: int, jobs: int = 1) -> None:
    """Run one measurement and print it as JSON (in a fresh process, so peak memory is its own)."""
    from newstrace import overlap

    corpus, planted = generate(n, seed)
    progress = n >= 50000
    def cpu() -> float:   # this process and its finished workers
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + kids.ru_utime + kids.ru_stime

    t0, c0 = time.perf_counter(), cpu()
    table = overlap.pairs(corpus, progress=progress, n_jobs=jobs)
    t_pairs, c_pairs = time.perf_counter() - t0, cpu() - c0
    t0, c0 = time.perf_counter(), cpu()
    fam = overlap.families(corpus, progress=progress, n_jobs=jobs)
    t_fam, c_fam = time.perf_counter() - t0, cpu() - c0
    found = set()
    for _, docs in fam.groupby(fam):
        if len(docs) > 1:
            found.update(itertools.combinations(sorted(docs.index), 2))
    tp = len(found & planted)
    # KiB -> GiB on Linux; with workers, add the largest worker's peak (a conservative total)
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            + (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if jobs > 1 else 0)) / 1024 / 1024
    print(json.dumps({
        "n": n, "words": int(corpus.text.str.split().str.len().mean()), "pairs_s": t_pairs, "families_s": t_fam, "pairs_cpu": c_pairs, "families_cpu": c_fam,
        "peak_gib": peak, "n_pairs": len(table), "planted": len(planted),
        "precision": tp / len(found) if found else 1.0, "recall": tp / len(planted) if planted else 1.0,
    }))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the table shows the median time")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=1, help="n_jobs passed to pairs and families (processes hashing text)")
    args = parser.parse_args(argv)
    if args.child:
        child(args.sizes[0], args.seed, args.jobs)
        return 0
    print(f"n_jobs={args.jobs}")
    print(f"{'articles':>9} {'words':>5} {'runs':>4} {'pairs s':>8} {'(cpu)':>6} {'families s':>10} {'(cpu)':>6} {'peak GiB':>8} "
          f"{'pairs':>8} {'planted':>7} {'precision':>9} {'recall':>6}", flush=True)
    for n in args.sizes:
        results = []
        for run in range(args.runs):
            out = subprocess.run([sys.executable, __file__, str(n), "--child", "--seed", str(run), "--jobs", str(args.jobs)],
                                 check=True, stdout=subprocess.PIPE, text=True)
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = pd.DataFrame(results)
        print(f"{n:>9,} {int(r.words.median()):>5} {len(r):>4} {r.pairs_s.median():>8.1f} {r.pairs_cpu.median():>6.1f} "
              f"{r.families_s.median():>10.1f} {r.families_cpu.median():>6.1f} "
              f"{r.peak_gib.max():>8.2f} {int(r.n_pairs.median()):>8,} {int(r.planted.median()):>7,} "
              f"{r.precision.min():>9.3f} {r.recall.min():>6.3f}", flush=True)
    print("time: wall-clock seconds, median of the runs, with the CPU seconds of the process and its workers in\n"
          "brackets (the machine may be shared); peak memory: the largest peak RSS of a run (main process plus the\n"
          "largest worker); precision and recall (same-family pairs vs planted\n"
          "pairs): the lowest of the runs.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
