"""Execute every notebook headless, in file-name order: ``python -m newstrace.run``.

Without ``--corpus`` the notebooks run on ``seeds/`` and are written back in place
(only when their content changed, so a second run leaves tracked files alone).
With ``--corpus DIR`` they run on DIR and the executed copies and figures go to
``out/<DIR name>/``; the committed notebooks and ``figures/`` are not touched.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from . import paths

VOLATILE_METADATA = ("execution", "collapsed", "scrolled")


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run without meaning anything: timings, widget state."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        for key in VOLATILE_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                out.get("metadata", {}).pop("execution", None)
    return nb


def execute(src: Path, dst: Path, env: dict[str, str], timeout: int = 1200) -> bool:
    """Execute notebook ``src`` with ``env`` set, write it to ``dst``; True if ``dst`` changed."""
    nb = nbformat.read(src, as_version=4)
    old = dict(os.environ)
    os.environ.update(env)
    try:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", record_timing=False,
            resources={"metadata": {"path": str(src.parent)}},
        )
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    text = nbformat.writes(normalise(nb)) + "\n"
    if dst.exists() and dst.read_text(encoding="utf-8") == text:
        return False
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(text, encoding="utf-8")
    return True


def notebooks(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """The notebooks to run, in file-name order (checkpoints excluded)."""
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newstrace.run", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="folder of articles (default: seeds/)")
    parser.add_argument("--out", help="output folder for a --corpus run (default: out/<corpus name>)")
    parser.add_argument("notebook", nargs="*", help="run only these notebooks")
    args = parser.parse_args(argv)

    env = {"MPLBACKEND": "module://matplotlib_inline.backend_inline", "PYTHONHASHSEED": "0"}
    if args.corpus:
        corpus = Path(args.corpus).expanduser().resolve()
        if not corpus.is_dir():
            print(f"error: {args.corpus}: corpus folder not found", file=sys.stderr)
            return 2
        out = Path(args.out).resolve() if args.out else paths.OUT / corpus.name
        env.update(NEWSTRACE_CORPUS=str(corpus), NEWSTRACE_OUT=str(out))
        target = out / "notebooks"
    else:
        target = paths.NOTEBOOKS
    chosen = [Path(n).resolve() for n in args.notebook] or notebooks()
    for nb in chosen:
        start = time.perf_counter()
        changed = execute(nb, target / nb.name, env)
        state = "updated" if changed else "unchanged"
        print(f"{nb.name}: executed in {time.perf_counter() - start:.1f} s, {state}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
