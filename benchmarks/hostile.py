"""Hostile and broken input (issue 16): what load_corpus and the dating of articles do with each probe
case, at an earlier commit and now, with the time and peak memory each took.

    python benchmarks/hostile.py [--against 3061637] [--timeout 60] [--only NAME ...]

Each case builds a small folder in a temporary directory and runs one call (``load_corpus`` or
``date_documents``) in a fresh Python process with the library of ``--against`` (taken with
``git archive``) and then with the working tree, killed after ``--timeout`` seconds. Printed per case
and library: the outcome (the articles loaded and the items named in the warning, or the exception),
wall seconds and the process's peak resident memory in MB. The input folder's hashes are compared
before and after each run. One run per case: these are pass/fail probes, not speed measurements.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

ARTICLE = ("Ferry fares rise again\n\nThe island ferry company raised its fares by 8% on Monday, the company "
           "said.\n\nCommuters plan a protest on Friday, a union spokesman said.\n")


def _article(n: int) -> str:
    return ARTICLE.replace("8%", f"{n}%").replace("Friday", f"day {n}")


# --------------------------------------------------------------------------- the cases
def case_events_backtracking(d: Path) -> str:
    (d / "events.csv").write_text("event,earliest,pattern\nFlood,2019-07-04,(x|xx)+y\n", encoding="utf-8")
    (d / "a.txt").write_text("Title\n\n" + "x" * 40 + " said the agency.\n", encoding="utf-8")
    return "dating"


def case_events_nested_plus(d: Path) -> str:
    (d / "events.csv").write_text("event,earliest,pattern\nFlood,2019-07-04,(a+)+$\n", encoding="utf-8")
    (d / "a.txt").write_text("Title\n\nThe agency said so.\n" + "a" * 40 + "!\n", encoding="utf-8")
    return "dating"


def case_events_empty(d: Path) -> str:
    (d / "events.csv").write_text("", encoding="utf-8")
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return "dating"


def case_link_to_etc_passwd(d: Path) -> str:
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "passwd.txt").symlink_to("/etc/passwd")
    return "load"


def case_link_loop(d: Path) -> str:
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "x.txt").symlink_to(d / "y.txt")
    (d / "y.txt").symlink_to(d / "x.txt")
    return "load"


def case_nested_1100(d: Path) -> str:
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    deep = d
    for _ in range(1100):
        deep = deep / "d"
        deep.mkdir()
    (deep / "b.txt").write_text(_article(2), encoding="utf-8")
    return "load"


def case_line_5mb(d: Path) -> str:
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "long.txt").write_text("Title\n\nThe agency said so.\n" + "x" * 5_000_000 + "\n", encoding="utf-8")
    return "load"


def case_csv_10k_rows_same_tail(d: Path) -> str:
    # the same number of words and the same last eight words in every row, as in a log-like table
    lines = ["doc_id,text"] + [f"r{i},Item {i} was counted by the agency on Monday in the town." for i in range(10_000)]
    (d / "rows.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "load"


def case_csv_10k_rows_distinct(d: Path) -> str:
    lines = ["doc_id,text"] + [f"r{i},The agency on Monday in the town counted item {i}." for i in range(10_000)]
    (d / "rows.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "load"


def case_div_50k(d: Path) -> str:
    body = "<div>" * 50_000 + "The agency said the ferry fares rise by 8% on Monday." + "</div>" * 50_000
    (d / "deep.html").write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return "load"


def case_metadata_extra_cell(d: Path) -> str:
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b.txt").write_text(_article(2), encoding="utf-8")
    (d / "metadata.csv").write_text("doc_id,outlet\na,Island Post,surplus\nb,Valley News\n", encoding="utf-8")
    return "load-outlets"


def case_metadata_one_bad_date(d: Path) -> str:
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "b.txt").write_text(_article(2), encoding="utf-8")
    (d / "metadata.csv").write_text("doc_id,outlet,published\na,Island Post,someday\nb,Valley News,2024-05-01\n",
                                    encoding="utf-8")
    return "load-outlets"


def case_file_20_1_mb(d: Path) -> str:
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with open(d / "big.txt", "wb") as fh:
        fh.truncate(20 * 2**20 + 100 * 1024)
    return "load"


CASES = {name[5:]: fn for name, fn in sorted(globals().items()) if name.startswith("case_")}

RUNNER = textwrap.dedent("""
    import json, resource, sys, time, warnings
    sys.setrecursionlimit(1000)
    sys.path.insert(0, sys.argv[1])
    folder, kind = sys.argv[2], sys.argv[3]
    from newstrace import load_corpus
    start = time.perf_counter()
    out = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            corpus = load_corpus(folder)
            out["loaded"] = sorted(map(str, corpus.index))[:4] + (["..."] if len(corpus) > 4 else [])
            out["n"] = len(corpus)
            if kind == "load-outlets":
                out["outlets"] = {str(k): v for k, v in corpus["outlet"].items()}
                out["published"] = {str(k): str(v) for k, v in corpus["published"].items()}
            if kind == "dating":
                from newstrace.timeline import date_documents
                import pandas as pd
                w = date_documents(corpus, corpus_dir=folder, families=pd.Series(dtype=str))
                out["dated"] = w["how"].tolist()
        except BaseException as exc:
            out["error"] = f"{type(exc).__name__}: {str(exc)[:160]}"
    out["warned"] = [line.strip()[:160] for w in caught for line in str(w.message).splitlines()[1:]][:4]
    out["seconds"] = time.perf_counter() - start
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))
""")


def _hashes(folder: Path) -> str:
    h, stack = hashlib.sha256(), [str(folder)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for e in sorted(entries, key=lambda e: e.name):
                h.update(e.path.encode())
                if e.is_symlink():
                    h.update(os.readlink(e.path).encode())
                elif e.is_dir():
                    stack.append(e.path)
                else:
                    with open(e.path, "rb") as fh:
                        h.update(fh.read())
    return h.hexdigest()


def _remove(top: Path) -> None:
    order, stack = [], [str(top)]
    while stack:
        order.append(stack.pop())
        with os.scandir(order[-1]) as entries:
            for e in entries:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                else:
                    os.unlink(e.path)
    for d in reversed(order):
        os.rmdir(d)


def _library_at(rev: str, into: Path) -> Path:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "lib"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "lib"


def run_case(name: str, lib: Path, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        kind = CASES[name](folder)
        before = _hashes(folder)
        start = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, "-c", RUNNER, str(lib), str(folder), kind], capture_output=True,
                                  text=True, timeout=timeout)
            lines = proc.stdout.strip().splitlines()
            out = json.loads(lines[-1]) if lines else {"error": proc.stderr.strip().splitlines()[-1][:160]}
        except subprocess.TimeoutExpired:
            out = {"error": f"killed after {timeout:.0f} s", "seconds": time.perf_counter() - start, "peak_mb": None}
        out["folder_unchanged"] = _hashes(folder) == before
        if (folder / "d").is_dir():
            _remove(folder / "d")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="3061637", help="earlier commit to compare with")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), help="run only these cases")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hostile-lib-") as tmp:
        libs = {args.against: _library_at(args.against, Path(tmp)), "now": ROOT / "lib"}
        for name in args.only or sorted(CASES):
            for label, lib in libs.items():
                out = run_case(name, lib, args.timeout)
                mb = f"{out['peak_mb']:.0f} MB" if out.get("peak_mb") else "-"
                seconds = f"{out['seconds']:.1f} s" if out.get("seconds") is not None else "-"
                rest = {k: v for k, v in out.items() if k not in ("seconds", "peak_mb")}
                print(f"{name:24} {label:8} {seconds:>8} {mb:>8}  {json.dumps(rest)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
