"""Main-text extraction from real news HTML pages, scored with the Zyte benchmark's metric.

    python benchmarks/zyte_html.py [DATA] [--runs 5] [--worst 10] [--no-old]

DATA is the shared data folder (default: $NEWSTRACE_DATA, else <repo>/../shared/data); the pages
are ``DATA/zyte-articles-dev/html/*.html.gz`` with ``ground-truth.json`` beside them. Each page is
decompressed into a temporary folder outside the repository (the data folder is only read) and
read through newstrace's real load path (``load_corpus`` on that folder: ``decode``, ``parse_html``,
then the body cleaner), beside plain ``trafilatura.extract`` with its defaults and, if git has it,
the selectolax rules newstrace used before (commit 3061637).

The metric is the benchmark's, as its README describes it: ``\\w+`` tokens, multisets of 4-token
shingles, per-page precision and recall (averaged over the pages where each is defined), F1 of the
two means, "accuracy" = share of pages whose token sequence equals the gold's, and bootstrap
standard deviations (1,000 resamples of the pages). Speed: pages per second on one core for
newstrace's ``parse_html`` and for ``trafilatura.extract`` alone, median of --runs runs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import types
import warnings
from pathlib import Path

import trafilatura
from devdata import TOKEN, data_dir, exact_tokens, page_counts, prf

from newstrace import load_corpus
from newstrace.corpus import CorpusWarning, parse_html

REPO = Path(__file__).resolve().parent.parent
OLD_COMMIT = "3061637"  # the last commit with newstrace's own selectolax rules
BOOTSTRAP = 1000
PUBLISHED = {  # full 181-page benchmark, from the data folder's README
    "trafilatura 2.0.0": 0.958, "newspaper4k 0.9.3.1": 0.949, "readability-lxml 0.8.4.1": 0.922,
    "goose3 3.1.20": 0.896, "justext 3.0.2": 0.804, "html-text (whole page)": 0.665,
}


# --- the benchmark's metric: benchmarks/devdata.py ---------------------------------------


def score(extractions: dict[str, str], gold: dict[str, str]) -> dict:
    """P, R, F1, accuracy, their bootstrap std, and pages with gold text extracted empty."""
    ids = sorted(gold)
    counts = [page_counts(extractions.get(i, ""), gold[i]) for i in ids]
    exact = [exact_tokens(extractions.get(i, ""), gold[i]) for i in ids]
    p, r, f1 = prf(counts)
    rng = random.Random(0)
    boot = {"p": [], "r": [], "f1": [], "acc": []}
    for _ in range(BOOTSTRAP):
        pick = [rng.randrange(len(ids)) for _ in ids]
        bp, br, bf = prf([counts[k] for k in pick])
        boot["p"].append(bp)
        boot["r"].append(br)
        boot["f1"].append(bf)
        boot["acc"].append(statistics.fmean(exact[k] for k in pick))
    empty = sum(1 for i in ids if gold[i].strip() and not TOKEN.search(extractions.get(i, "") or ""))
    return {
        "P": p, "R": r, "F1": f1, "accuracy": statistics.fmean(exact),
        **{f"std_{k}": statistics.pstdev(v) for k, v in boot.items()}, "empty": empty,
        "per_page": {i: counts[k] for k, i in enumerate(ids)},
    }


# --- the extractors ------------------------------------------------------------------------

def read_pages(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(page id -> HTML text, page id -> gold article body)."""
    gold = {k: v["articleBody"] for k, v in json.loads((folder / "ground-truth.json").read_text("utf-8")).items()}
    pages = {}
    for path in sorted((folder / "html").glob("*.html.gz")):
        pages[path.name.split(".")[0]] = gzip.decompress(path.read_bytes()).decode("utf-8")
    return pages, gold


def newstrace_load(folder: Path) -> dict[str, str]:
    """Each page through load_corpus (decode, parse_html, cleaner) from a temporary copy; id -> text."""
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted((folder / "html").glob("*.html.gz")):
            (Path(tmp) / (path.name.split(".")[0] + ".html")).write_bytes(gzip.decompress(path.read_bytes()))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CorpusWarning)
            corpus = load_corpus(tmp)
    # the benchmark's gold leaves the headline out, as load_corpus's text does
    return {str(i): t for i, t in corpus["text"].items()}


def trafilatura_default(html: str) -> str:
    """Plain ``trafilatura.extract`` with its defaults (the published baseline)."""
    return trafilatura.extract(html) or ""


def old_parse_html():
    """newstrace's selectolax ``parse_html`` from commit 3061637, or None when git cannot show it."""
    try:
        source = subprocess.run(["git", "-C", str(REPO), "show", f"{OLD_COMMIT}:lib/newstrace/corpus.py"],
                                capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("newstrace._old_corpus")
    module.__package__ = "newstrace"
    sys.modules[module.__name__] = module  # (its dataclasses look their module up there)
    exec(compile(source, "old_corpus.py", "exec"), module.__dict__)  # noqa: S102 - our own history
    return module.parse_html


def old_load(parse, pages: dict[str, str]) -> dict[str, str]:
    """The old rules' body text run through today's cleaner, as the old load path did."""
    from newstrace import clean

    out = {}
    for i, html in pages.items():
        body = parse(html)[0]
        out[i] = clean.clean_article(body).text if body.strip() else ""
    return out


def pages_per_second(fn, pages: dict[str, str], runs: int) -> float:
    """Median over ``runs`` of pages per second for ``fn(html)`` on every page (CPU time)."""
    rates = []
    for _ in range(runs):
        start = time.process_time()
        for html in pages.values():
            fn(html)
        rates.append(len(pages) / (time.process_time() - start))
    return statistics.median(rates)


# --- report --------------------------------------------------------------------------------

def table(results: dict[str, dict], n: int) -> str:
    lines = [f"| system (these {n} pages) | P | R | F1 | accuracy | empty pages |", "|---|---|---|---|---|---|"]
    for name, s in results.items():
        lines.append(f"| {name} | {s['P']:.3f} ± {s['std_p']:.3f} | {s['R']:.3f} ± {s['std_r']:.3f} | "
                     f"{s['F1']:.3f} ± {s['std_f1']:.3f} | {s['accuracy']:.3f} ± {s['std_acc']:.3f} | {s['empty']} |")
    return "\n".join(lines)


def worst(s: dict, k: int) -> str:
    def f1(c):
        tp, fp, fn = c
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    rows = sorted(s["per_page"].items(), key=lambda kv: f1(kv[1]))[:k]
    return "\n".join(f"  {i[:16]}  F1 {f1(c):.3f}  P {c[0] / (c[0] + c[1]) if c[0] + c[1] else 0:.3f}  "
                     f"R {c[0] / (c[0] + c[2]) if c[0] + c[2] else 0:.3f}" for i, c in rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--no-old", action="store_true", help="skip the old selectolax rules")
    args = ap.parse_args(argv)
    folder = data_dir(args.data) / "zyte-articles-dev"
    if not (folder / "ground-truth.json").exists():
        sys.exit(f"no {folder / 'ground-truth.json'}: pass the shared data folder or set NEWSTRACE_DATA")
    pages, gold = read_pages(folder)
    results = {"newstrace load_corpus (trafilatura for news, cleaner skipped)": score(newstrace_load(folder), gold),
               f"trafilatura {trafilatura.__version__} extract() defaults":
               score({i: trafilatura_default(h) for i, h in pages.items()}, gold)}
    old = None if args.no_old else old_parse_html()
    if old is not None:
        results[f"newstrace before (selectolax rules, {OLD_COMMIT})"] = score(old_load(old, pages), gold)
    print(table(results, len(gold)))
    print("\npublished F1, full 181-page benchmark (not comparable one-to-one): "
          + ", ".join(f"{k} {v}" for k, v in PUBLISHED.items()))
    print(f"\nworst pages for newstrace (F1 per page):\n{worst(results[next(iter(results))], args.worst)}")
    speed_nt = pages_per_second(parse_html, pages, args.runs)
    speed_tr = pages_per_second(trafilatura_default, pages, args.runs)
    print(f"\nspeed, one core, median of {args.runs} runs over {len(pages)} pages: newstrace parse_html "
          f"{speed_nt:.1f} pages/s, trafilatura.extract alone {speed_tr:.1f} pages/s")


if __name__ == "__main__":
    main()
