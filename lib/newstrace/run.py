"""Execute every notebook headless, in file-name order: ``python -m newstrace.run``.

Without ``--corpus`` the notebooks run on ``seeds/`` and are written back in place
(only when their content changed, so a second run leaves tracked files alone).
With ``--corpus DIR`` they run on DIR and the executed copies and figures go to
``out/<DIR name>-<hash>/`` (or ``--out``); the committed notebooks and ``figures/`` are not
touched. The corpus reaches a notebook through ``$NEWSTRACE_CORPUS`` (read by
``paths.corpus_dir()`` in its parameter cell), the output folder through
``$NEWSTRACE_OUT``: nobody edits a notebook to point it elsewhere.

Each executed notebook records in ``metadata.newstrace`` the corpus it ran on and the
figures it wrote (``figures``: file stems), which ``newstrace.report`` uses for its
gallery. A notebook that fails is reported with the cell and the error; the others
still run, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from . import paths
from .errors import CorpusError

VOLATILE_METADATA = ("execution", "collapsed", "scrolled")
# pandas' Styler names its table and CSS rules with a random id (T_1a2b3) unless told one.
_STYLER_ID = re.compile(r'<table id="T_([0-9a-f]{5,32})"')
ENV_VARS = ("NEWSTRACE_CORPUS", "NEWSTRACE_OUT")


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run without meaning anything: timings, widget state,
    the random ids of pandas Styler tables (renamed T_<cell>_<n> in the order they appear)."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)
    for i, cell in enumerate(nb.cells):
        for key in VOLATILE_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            for j, out in enumerate(cell.get("outputs", [])):
                out.get("metadata", {}).pop("execution", None)
                data = out.get("data", {})
                if "text/html" in data:
                    data["text/html"] = _stable_styler_ids(data["text/html"], f"{i}_{j}")
                if "text/plain" in data:  # "<pandas...Styler at 0x7f...>": a memory address
                    plain = data["text/plain"]
                    plain = "".join(plain) if isinstance(plain, list) else plain
                    data["text/plain"] = _ADDRESS.sub(" at 0x…>", plain)
    return nb


_ADDRESS = re.compile(r" at 0x[0-9a-f]{6,16}>")


def _stable_styler_ids(html, prefix: str):
    text = "".join(html) if isinstance(html, list) else html
    for k, uid in enumerate(dict.fromkeys(_STYLER_ID.findall(text))):
        text = re.sub(rf"\bT_{uid}(?=[_\"\s.:,{{>]|$)", f"T_{prefix}_{k}", text)
    return text


@dataclass
class Result:
    """What one notebook run did."""

    notebook: str                     # file name
    seconds: float
    changed: bool = False             # the written notebook differs from what was there
    figures: list[str] = field(default_factory=list)   # stems of the figures it wrote
    error: str = ""                   # "" when it ran to the end


def _snapshot(folder: Path) -> dict[str, int]:
    if not folder.is_dir():
        return {}
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if p.is_file()}


def _written(before: dict[str, int], after: dict[str, int]) -> list[str]:
    """Stems of the figure files created or rewritten between two snapshots."""
    return sorted({Path(n).stem for n, t in after.items()
                   if n.endswith((".png", ".svg", ".csv")) and before.get(n) != t})


def _error_text(exc: Exception) -> str:
    if isinstance(exc, CellExecutionError):
        return f"{exc.ename}: {exc.evalue}"
    return f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"


def execute(src: Path, dst: Path, env: dict[str, str | None], timeout: int = 1200,
            write_failed: bool = False) -> Result:
    """Execute notebook ``src`` with ``env`` set (None unsets), write it to ``dst``.

    The figures folder (``$NEWSTRACE_OUT/figures`` or figures/) is watched to record
    which figures the notebook wrote. A failed notebook is written only if
    ``write_failed`` (with the error output in its cells), never over a tracked file.
    """
    nb = nbformat.read(src, as_version=4)
    old = dict(os.environ)
    for key, value in env.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    figures = paths.figures_dir()
    corpus = paths.corpus_dir()
    before = _snapshot(figures)
    start = time.perf_counter()
    error = ""
    try:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", record_timing=False,
            resources={"metadata": {"path": str(src.parent)}},
            # the kernel talks to this process only, over loopback: its start-up warning about
            # unencrypted TCP says nothing a user can act on
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
        )
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        error = _error_text(exc)
    finally:
        os.environ.clear()
        os.environ.update(old)
    result = Result(src.name, time.perf_counter() - start, figures=_written(before, _snapshot(figures)),
                    error=error)
    if error and not write_failed:
        return result
    meta = {"corpus": paths.display(corpus), "figures": result.figures}
    if error:
        meta["error"] = error
    nb.metadata["newstrace"] = meta
    text = nbformat.writes(normalise(nb)) + "\n"
    if dst.exists() and dst.read_text(encoding="utf-8") == text:
        return result
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(text, encoding="utf-8")
    result.changed = True
    return result


def notebooks(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """The notebooks to run, in file-name order (checkpoints excluded)."""
    return sorted(p for p in Path(folder).glob("*.ipynb") if not p.name.startswith("."))


def output_dir(corpus: Path) -> Path:
    """Where a run on another corpus writes: ``paths.output_dir`` (``out/<name>-<hash>/``)."""
    return paths.output_dir(corpus)


def run_all(chosen: list[Path], corpus: Path | None = None, out: Path | None = None,
            echo=print) -> list[Result]:
    """Execute ``chosen`` notebooks in order on ``corpus`` (default seeds/).

    With ``out`` the executed notebooks go to OUT/notebooks and figures to OUT/figures;
    without it they are written back in place and figures go to figures/.
    """
    env: dict[str, str | None] = {"MPLBACKEND": "module://matplotlib_inline.backend_inline",
                                  "PYTHONHASHSEED": "0"}
    env.update(dict.fromkeys(ENV_VARS))  # a stray variable must not redirect a default run
    if corpus is not None:
        env["NEWSTRACE_CORPUS"] = str(Path(corpus).resolve())
    if out is not None:
        env["NEWSTRACE_OUT"] = str(Path(out).resolve())
        target = Path(out).resolve() / "notebooks"
    else:
        target = None
    results = []
    for nb in chosen:
        dst = (target / nb.name) if target is not None else nb
        result = execute(nb, dst, env, write_failed=target is not None)
        results.append(result)
        if result.error:
            echo(f"{nb.name}: FAILED after {result.seconds:.1f} s: {result.error}")
        else:
            state = "updated" if result.changed else "unchanged"
            echo(f"{nb.name}: executed in {result.seconds:.1f} s, {state}, "
                 f"{len(result.figures)} figure(s)")
    return results


def corpus_summary(corpus: Path) -> tuple[int, list[tuple[str, str]], str]:
    """Articles loaded, files skipped (where, reason) and a load error ("" if none) for ``corpus``.

    The notebooks load the corpus themselves; this is the count ``make`` prints at the end.
    """
    from .corpus import CorpusWarning, load_corpus
    from .errors import CorpusError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        try:
            frame = load_corpus(corpus)
        except CorpusError as exc:
            return 0, [], str(exc)
    return len(frame), list(frame.attrs.get("skipped", [])), ""


def summary_lines(corpus: Path, loaded: tuple[int, list[tuple[str, str]], str], results: list[Result],
                  report: Path | None, max_skipped: int = 20) -> list[str]:
    """What ``make`` prints last: articles loaded, files skipped with reasons (``loaded`` is what
    ``corpus_summary`` returned), notebooks run, the report's path."""
    n, skipped, error = loaded
    lines = [f"summary for {paths.display(corpus)}:"]
    lines.append(f"  corpus: {error}" if error else
                 f"  {n} article{'' if n == 1 else 's'} loaded, {len(skipped)} file(s) skipped")
    for where, reason in skipped[:max_skipped]:
        lines.append(f"    skipped {where}: {reason}")
    if len(skipped) > max_skipped:
        lines.append(f"    ... and {len(skipped) - max_skipped} more (notebook 01 lists them all)")
    failed = [r for r in results if r.error]
    lines.append(f"  {len(results) - len(failed)} of {len(results)} notebook(s) ran to the end"
                 + (f"; failed: {', '.join(r.notebook for r in failed)}" if failed else ""))
    if report is not None:
        lines.append(f"  report: {paths.display(report)}")
    return lines


def _render_report(out: Path | None, corpus: Path, results: list[Result], echo) -> Path | None:
    from . import report

    base = (out / "notebooks", out / "figures", out / "report") if out is not None else (
        paths.NOTEBOOKS, paths.FIGURES, paths.REPORT)
    failures = {Path(r.notebook).stem: r.error for r in results if r.error}
    try:
        return report.build(*base, corpus=paths.display(corpus), failures=failures)
    except FileNotFoundError as exc:
        echo(f"report not written: {exc}")
        return None


def _check_out(out: Path, corpus: Path | None) -> str:
    """"" if ``out`` may be written, else why not (a committed folder, the seeds, the corpus)."""
    if out in (paths.ROOT, paths.NOTEBOOKS, paths.FIGURES, paths.SEEDS):
        return "choose an output folder of its own"
    for folder in (paths.SEEDS, corpus):
        if folder is not None and (out == folder or folder in out.parents):
            return "the output folder may not lie inside the corpus (input folders are never written to)"
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newstrace.run", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="folder of articles (default: seeds/)")
    parser.add_argument("--out", help="output folder (default with --corpus: out/<corpus name>-<hash>; "
                                      "without either: the notebooks are updated in place)")
    parser.add_argument("--corpus-from-env", action="store_true",
                        help="take the corpus folder from $NEWSTRACE_CORPUS when --corpus is not given "
                             "(how make passes CORPUS: as data, never through the shell); empty means the default")
    parser.add_argument("--report", action="store_true",
                        help="render the report after the notebooks, even if one failed, and print a summary")
    parser.add_argument("notebook", nargs="*", help="run only these notebooks")
    args = parser.parse_args(argv)
    if args.corpus_from_env and not args.corpus:
        args.corpus = os.environ.get("NEWSTRACE_CORPUS", "").strip() or None

    corpus = out = None
    if args.corpus:
        try:
            corpus = paths.check_corpus(Path(args.corpus))
        except CorpusError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if not corpus.is_dir():
            print(f"error: {args.corpus}: corpus folder not found", file=sys.stderr)
            return 2
        if paths.is_default(corpus):
            corpus = None  # `make CORPUS=seeds` is the default run
        else:
            out = output_dir(corpus)
    if args.out:
        out = Path(args.out).expanduser().resolve()
    if out is not None and (why := _check_out(out, corpus)):
        print(f"error: {args.out or out}: {why}", file=sys.stderr)
        return 2
    chosen = [Path(n).resolve() for n in args.notebook] or notebooks()
    if not chosen:
        print(f"error: no notebooks in {paths.display(paths.NOTEBOOKS)}", file=sys.stderr)
        return 2
    echo = lambda line: print(line, flush=True)  # noqa: E731
    loaded = corpus_summary(corpus or paths.SEEDS)
    if loaded[2]:  # nothing to analyse: say so at once instead of failing every notebook
        print(f"error: {loaded[2]}", file=sys.stderr)
        return 2
    results = run_all(chosen, corpus, out, echo=echo)
    failed = [r for r in results if r.error]
    if failed:
        where = paths.display(out / "notebooks") if out is not None else "the notebooks (left unchanged)"
        print(f"{len(failed)} of {len(results)} notebook(s) failed: "
              f"{', '.join(r.notebook for r in failed)}; see {where}", file=sys.stderr)
    elif out is not None:
        print(f"executed notebooks: {paths.display(out / 'notebooks')}, figures: {paths.display(out / 'figures')}")
    if args.report:
        index = _render_report(out, corpus or paths.SEEDS, results, echo)
        for line in summary_lines(corpus or paths.SEEDS, loaded, results, index):
            echo(line)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
