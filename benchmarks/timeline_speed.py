"""Speed of ``expressions(corpus)`` (dating and story families included) on real news, by stage.

Usage: python benchmarks/timeline_speed.py [DATA] [--runs N] [--baseline LIB] [--no-dateparser]

DATA (default ``$NEWSTRACE_DATA`` or ``<repo>/../shared/data``) holds ``tempeval3-tbaq`` (256 TimeML news
files: their ``<TEXT>`` written as .txt files to a temporary folder, as ``dating.py`` does) and
``zyte-articles-dev/text`` (91 real web pages as plain text). Each corpus is read with ``load_corpus``.
Every measurement is CPU time of one process on one core (BLAS limited to one thread), in MB of article text per CPU second, the
median of ``--runs`` runs. Each run is a fresh process that warms up with one call and times the next,
so ``--baseline LIB`` (a folder holding another ``newstrace`` package, e.g. ``git archive main
lib/newstrace | tar -x -C /tmp/base`` then ``/tmp/base/lib``) is timed alternately with this
checkout, run for run, on a machine whose load drifts. Printed per system: the whole call, and the
parts: ``tag`` alone, story families (``overlap.families``), and the rest of dating
(``date_documents`` with the families given). dateparser's ``search_dates`` on the same texts is
printed beside it (finding dates only; median of at most 3 runs).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPORA = ("timeml", "zyte")


def _corpus(data: Path, name: str, tmp: Path):
    from dating import build_corpus

    from newstrace.corpus import load_corpus

    if name == "timeml":
        build_corpus(data / "tempeval3-tbaq", tmp)
        folder = tmp
    else:
        folder = data / "zyte-articles-dev" / "text"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder)


def _cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def worker(data: Path, name: str, parts: bool) -> dict:
    """One run in this process: CPU seconds of the warm second call of each measured function."""
    from newstrace import overlap
    from newstrace.timeline import date_documents, expressions, tag

    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory(prefix="newstrace-speed-") as tmp:
        corpus = _corpus(data, name, Path(tmp))
        out = {"mb": sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6, "docs": len(corpus)}
        expressions(corpus)  # warm-up: imports, compiled patterns, the reference-event table
        out["expressions"] = _cpu(lambda: expressions(corpus))
        if parts:
            tags = {}
            out["tag"] = _cpu(lambda: tags.update({d: tag(t) for d, t in corpus["text"].items()}))
            fam = {}
            out["families"] = _cpu(lambda: fam.update(f=overlap.families(corpus)))
            out["dating"] = _cpu(lambda: date_documents(corpus, families=fam["f"], tags=tags))
    return out


def dateparser_run(data: Path, name: str) -> dict:
    from dateparser.search import search_dates

    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory(prefix="newstrace-speed-") as tmp:
        corpus = _corpus(data, name, Path(tmp))
        search_dates("It happened on 5 March 2024.", languages=["en"])  # warm-up
        secs = _cpu(lambda: [search_dates(t, languages=["en"]) for t in corpus["text"]])
        return {"mb": sum(len(t.encode("utf-8")) for t in corpus["text"]) / 1e6, "dateparser": secs}


def _spawn(lib: Path | None, data: Path, name: str, what: str) -> dict:
    env = dict(os.environ)
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"  # one core: a second BLAS thread spin-waits on the small sentence blocks (2.5x the CPU time)
    env["PYTHONPATH"] = os.pathsep.join([str(lib)] if lib else []) or env.get("PYTHONPATH", "")
    cmd = [sys.executable, str(Path(__file__).resolve()), str(data), "--worker", name, "--what", what]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if res.returncode:
        raise SystemExit(f"error: worker failed ({' '.join(cmd)}):\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    sys.path.insert(0, str(HERE))
    from devdata import data_dir

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=None)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline", default=None, help="a folder holding an older newstrace package, timed alternately")
    ap.add_argument("--no-dateparser", action="store_true")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--what", default="parts", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    data = data_dir(args.data)
    if args.worker:
        fn = dateparser_run if args.what == "dateparser" else (
            lambda d, n: worker(d, n, args.what == "parts"))
        print(json.dumps(fn(data, args.worker)))
        return 0
    if not (data / "tempeval3-tbaq").is_dir():
        print(f"error: {data}: no tempeval3-tbaq folder (argument or NEWSTRACE_DATA)", file=sys.stderr)
        return 2
    systems = [("this checkout", None)]
    if args.baseline:
        systems.insert(0, (f"baseline ({args.baseline})", Path(args.baseline)))
    runs: dict = {}
    for _ in range(args.runs):  # alternate the systems run for run
        for label, lib in systems:
            for name in CORPORA:
                runs.setdefault((label, name), []).append(_spawn(lib, data, name, "parts"))
    if not args.no_dateparser:
        for _ in range(min(args.runs, 3)):
            for name in CORPORA:
                runs.setdefault(("dateparser", name), []).append(_spawn(None, data, name, "dateparser"))
    first = {name: runs[(systems[0][0], name)][0] for name in CORPORA}
    print(f"Speed, MB of article text per CPU second (one process, one core), median of {args.runs} runs "
          f"(dateparser: {min(args.runs, 3)}); TimeML {first['timeml']['docs']} articles "
          f"{first['timeml']['mb']:.2f} MB, Zyte {first['zyte']['docs']} pages {first['zyte']['mb']:.2f} MB\n")
    print("| system | step | TimeML MB/s | Zyte text MB/s |")
    print("|---|---|---:|---:|")
    steps = [("expressions", "`expressions(corpus)`, dating and families included"), ("tag", "`tag` alone"),
             ("families", "story families (`overlap.families`)"), ("dating", "`date_documents`, families given")]
    for label, _ in systems:
        for key, step in steps:
            cells = []
            for name in CORPORA:
                rs = runs[(label, name)]
                cells.append(f"{rs[0]['mb'] / statistics.median(r[key] for r in rs):.3f}")
            print(f"| {label} | {step} | {' | '.join(cells)} |")
    if not args.no_dateparser:
        cells = [f"{runs[('dateparser', n)][0]['mb'] / statistics.median(r['dateparser'] for r in runs[('dateparser', n)]):.3f}"
                 for n in CORPORA]
        print(f"| dateparser | `search_dates` (finding dates only) | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
