"""How much faster (or slower) load_corpus is than at an earlier commit, measured so that the shared
machine's drifting speed cancels out.

    python benchmarks/loading_ab.py --against 4d90de6 [--folders 70] [--size 100]

The speed corpus of benchmarks/cleaning.py (the seeds, every line of seven or more words made unique per
article) is written as ``--folders`` folders of ``--size`` articles. The library as it was at ``--against``
(taken with ``git archive``) and the working tree are loaded side by side in one process, and each folder
is loaded by both, one right after the other, the order alternating. Each folder gives a ratio of CPU
times, earlier/now, measured within a second, so a slowdown of the machine hits both alike; the median
ratio and its quartiles are printed, with the MB/s of each over all folders. Every folder is new to both,
so no cache holds its lines.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _cleaning_module():
    spec = importlib.util.spec_from_file_location("cleaning_benchmark", HERE / "cleaning.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _library_at(rev: str, into: Path):
    """The newstrace package as it was at ``rev``, imported under the name ``newstrace_<rev>``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "lib"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    package = into / "lib" / "newstrace"
    name = f"newstrace_{rev.replace('~', '_').replace('^', '_')}"
    spec = importlib.util.spec_from_file_location(name, package / "__init__.py", submodule_search_locations=[str(package)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="the earlier commit (any git revision)")
    parser.add_argument("--folders", type=int, default=70)
    parser.add_argument("--size", type=int, default=100, help="articles per folder")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    import newstrace

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        earlier = _library_at(args.against, tmp / "earlier")
        corpus = tmp / "corpus"
        _cleaning_module().write_speed_corpus(corpus, megabytes=args.folders * args.size * 2.9e-3)
        files = sorted(corpus.iterdir())
        folders = []
        for k in range(0, len(files) - args.size + 1, args.size):
            folder = tmp / f"f{k // args.size:04d}"
            folder.mkdir()
            for f in files[k:k + args.size]:
                f.rename(folder / f.name)
            folders.append((folder, sum((folder / f.name).stat().st_size for f in files[k:k + args.size])))
        warm = folders.pop()[0]
        earlier.load_corpus(warm)
        newstrace.load_corpus(warm)  # imports, compiled patterns
        ratios, spent = [], {"earlier": 0.0, "now": 0.0}
        for k, (folder, _) in enumerate(folders):
            order = [("earlier", earlier.load_corpus), ("now", newstrace.load_corpus)]
            times = {}
            for name, load in order if k % 2 == 0 else order[::-1]:
                start = time.process_time()
                load(folder)
                times[name] = time.process_time() - start
            ratios.append(times["earlier"] / times["now"])
            for name in spent:
                spent[name] += times[name]
        mb = sum(size for _, size in folders) / 1e6
    q1, median, q3 = statistics.quantiles(ratios, n=4)
    print(f"load_corpus at {args.against} vs now: {len(folders)} folders of {args.size} articles, {mb:.1f} MB")
    print(f"time at {args.against} / time now: median {statistics.median(ratios):.2f} (quartiles {q1:.2f}-{q3:.2f})")
    print(f"MB/s over all folders: {args.against} {mb / spent['earlier']:.2f}, now {mb / spent['now']:.2f} "
          "(both in the same minutes; folders of 100 carry the per-call cost of building a table)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
