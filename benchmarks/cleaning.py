"""How well and how fast load_corpus cleans articles nobody tuned on.

    python benchmarks/cleaning.py [--runs 5] [--mb 20]

Quality: writes the hand-made test corpus of benchmarks/data/own_corpus_spec.py (14 invented
articles: txt in UTF-8, UTF-8 with BOM, UTF-16, cp1251, koi8-r, latin-1; a flattened one-line
page; markdown; HTML; CSV and JSONL rows) to a temporary folder, loads it and prints, per
article, the chrome lines removed and the body sentences kept, and whether headline, outlet,
author, cites and page date match the gold. Speed: load_corpus on a folder of plain-text
articles (the five seeds, repeated with the article's number written into every line of seven or
more words, up to --mb MB), median of --runs runs, in MB of text per second on one core, then
the CPU time per article of each stage.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

from newstrace import load_corpus, paths
from newstrace.corpus import CorpusWarning
from newstrace.text import sentence_spans

HERE = Path(__file__).resolve().parent


def _spec():
    spec = importlib.util.spec_from_file_location("own_corpus_spec", HERE / "data" / "own_corpus_spec.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quality(folder: Path) -> pd.DataFrame:
    gold = _spec().write(folder)
    (folder / "gold.json").rename(folder.parent / "gold.json")
    corpus = load_corpus(folder)
    rows = []
    for g in gold:
        r = corpus.loc[g["doc_id"]]
        body_sents = [p[a:b] for p in g["body"] for a, b in sentence_spans(p)]
        kept = sum(1 for s in body_sents if s in r.text)
        removed = sum(1 for c in g["chrome"] if c not in r.text)
        published = "" if pd.isna(r.published) else str(r.published.date())
        rows.append({
            "article": g["file"] + ("" if g["doc_id"] in g["file"] else f"#{g['doc_id']}"),
            "encoding": r.encoding,
            "chrome removed": f"{removed}/{len(g['chrome'])}",
            "body kept": f"{kept}/{len(body_sents)}",
            "title": "ok" if r.title == g["title"] else "MISS",
            "outlet": "ok" if r.outlet == g["outlet"] else f"MISS ({r.outlet or '-'})",
            "author": "ok" if r.author == g["author"] else f"MISS ({r.author or '-'})",
            "cites": "ok" if r.cites == g["cites"] else f"MISS ({', '.join(r.cites) or '-'})",
            "date": "ok" if published == g["published"] else "MISS",
            "_removed": removed, "_chrome": len(g["chrome"]), "_kept": kept, "_body": len(body_sents),
        })
    return pd.DataFrame(rows)


def write_speed_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    """Write the speed corpus (the seeds, repeated up to ``megabytes`` MB) to ``folder``: ``(bytes, files)``."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(paths.SEEDS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    total, n = 0, 0
    while total < megabytes * 1e6:
        # every line of seven or more words gets the article's number after its third word, so no two
        # articles share a body line (cached per-line work cannot flatter the figure); short lines, like
        # a site's menus and footers, repeat from article to article as they do on real sites
        lines = []
        for line in texts[n % len(texts)].split("\n"):
            words = line.split(" ")
            lines.append(" ".join([*words[:3], str(n), *words[3:]]) if len(words) >= 7 else line)
        body = "\n".join(lines) + f"\nCase {n} was filed on the same day.\n"
        (folder / f"a{n:06d}.txt").write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
        n += 1
    return total, n


def speed(folder: Path, megabytes: float, runs: int) -> list[float]:
    total, n = write_speed_corpus(folder, megabytes)
    rates = []
    for _ in range(runs):
        _forget_cached_lines()
        start = time.process_time()
        corpus = load_corpus(folder)
        elapsed = time.process_time() - start
        assert len(corpus) == n
        rates.append(total / 1e6 / elapsed)
    return [total / 1e6, n, *rates]


def _forget_cached_lines() -> None:
    """Empty newstrace's caches of recent lines and names, so that no run reuses what an earlier run saw
    (a site's repeated menus and footers still hit within a run, as they do in a real folder)."""
    from newstrace import clean, corpus, sources, text

    for module in (clean, corpus, sources, text):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def calibration(runs: int = 3) -> float:
    """CPU seconds of a fixed pure-Python loop (median of ``runs``): how fast the core is right now. On a
    shared machine it drifts (here by up to 1.5x within minutes); a MB/s figure is read against it."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        total = 0
        for i in range(2_000_000):
            total += i * i % 7
        times.append(time.process_time() - start)
    return statistics.median(times)


def stages(folder: Path, runs: int = 3) -> pd.DataFrame:
    """CPU time per article of each stage, measured inside real load_corpus runs: the stage functions
    are wrapped with timers for the measurement (and restored after); median of ``runs`` runs."""
    from newstrace import clean, sources
    from newstrace import corpus as corpus_module

    stage_functions = [  # (module, attribute, label) as load_corpus calls them
        (corpus_module, "_files", "walk the folder"),
        (corpus_module, "_read_file", "read and decode the file"),
        (clean, "clean_article", "clean_article (chrome, headline, byline, date)"),
        (sources, "find_outlet", "find_outlet (self-attribution)"),
        (sources, "outlet_from_chrome", "outlet_from_chrome (site name in page chrome)"),
        (sources, "find_cites", "find_cites"),
        (corpus_module, "detect_language", "detect_language"),
    ]
    spent: dict[str, int] = {}

    def timed(func, label):
        def wrapper(*args, **kwargs):
            start = time.process_time_ns()
            try:
                return func(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0) + time.process_time_ns() - start
        return wrapper

    originals = [(module, name, getattr(module, name)) for module, name, _ in stage_functions]
    per_run: dict[str, list[float]] = {}
    try:
        for module, name, label in stage_functions:
            setattr(module, name, timed(getattr(module, name), label))
        for _ in range(runs):
            spent.clear()
            _forget_cached_lines()
            start = time.process_time_ns()
            n = len(load_corpus(folder))
            total = time.process_time_ns() - start
            spent["the rest (duplicates, row assembly, table)"] = total - sum(spent.values())
            spent["load_corpus, total"] = total
            for label, ns in spent.items():
                per_run.setdefault(label, []).append(ns / n / 1000)
    finally:
        for module, name, func in originals:
            setattr(module, name, func)
    return pd.DataFrame({"stage": list(per_run), "µs per article": [round(statistics.median(v)) for v in per_run.values()]})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mb", type=float, default=20.0)
    args = parser.parse_args()
    warnings.simplefilter("ignore", CorpusWarning)
    with tempfile.TemporaryDirectory() as tmp:
        table = quality(Path(tmp) / "own")
        shown = table[[c for c in table.columns if not c.startswith("_")]]
        print("Cleaning quality on the hand-made test corpus (14 articles, not the seeds)\n")
        print(shown.to_markdown(index=False) if _has_tabulate() else shown.to_string(index=False))
        print(f"\nchrome lines removed: {table._removed.sum()}/{table._chrome.sum()} "
              f"({table._removed.sum() / table._chrome.sum():.1%}); "
              f"body sentences kept: {table._kept.sum()}/{table._body.sum()} "
              f"({table._kept.sum() / table._body.sum():.1%})")
        for field in ("title", "outlet", "author", "cites", "date"):
            ok = (table[field] == "ok").sum()
            print(f"{field}: {ok}/{len(table)} correct")
        before = calibration()
        mb, n, *rates = speed(Path(tmp) / "speed", args.mb, args.runs)
        after = calibration()
        print(f"\nSpeed: load_corpus on {n} plain-text files, {mb:.1f} MB, one core (CPU time), {args.runs} runs")
        print(f"median {statistics.median(rates):.1f} MB/s (min {min(rates):.1f}, max {max(rates):.1f}), "
              f"{statistics.median(rates) * 1e6 / (mb * 1e6 / n):,.0f} articles/s; "
              f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        print(f"core speed: a fixed pure-Python loop took {before:.2f} s before the runs and {after:.2f} s after "
              "(the less, the faster the core was)")
        table = stages(Path(tmp) / "speed")
        print("\nWhere the time goes (CPU time per article inside load_corpus, median of 3 runs):\n")
        print(table.to_markdown(index=False) if _has_tabulate() else table.to_string(index=False))
    return 0


def _has_tabulate() -> bool:
    return importlib.util.find_spec("tabulate") is not None


if __name__ == "__main__":
    raise SystemExit(main())
