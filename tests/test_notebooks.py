"""Nothing committed is stale: every notebook and figure is what a clean headless run on the seeds gives.

The notebooks run once each (session fixture), on seeds/, into a temporary folder, so
the tracked files are never touched. A failure here means: run `make` (or
`.venv/bin/python -m newstrace.run notebooks/NN-name.ipynb`) and commit the result.
"""

from __future__ import annotations

import difflib
import re
import tempfile
from pathlib import Path

import nbformat
import pytest

from newstrace import paths, run

NOTEBOOKS = run.notebooks()
# Truly volatile: object addresses in reprs such as "<Line2D at 0x7f3a...>". Nothing else is normalised.
ADDRESS = re.compile(r"\b0x[0-9a-f]{6,16}\b")
TIMING = re.compile(r"Wall time:|CPU times:|\b\d+(?:\.\d+)?\s?(?:ms|µs)\b|\bexecuted in \d")


@pytest.fixture(scope="session")
def clean_run(tmp_path_factory):
    """Execute every notebook once on the seeds into a temporary output folder."""
    out = tmp_path_factory.mktemp("clean-run")
    results = run.run_all(NOTEBOOKS, corpus=paths.SEEDS, out=out, echo=lambda line: None)
    return out, {r.notebook: r for r in results}


def _shorten(line: str) -> str:
    return line if len(line) <= 160 else line[:150] + f"... ({len(line)} chars)"


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no notebooks in {paths.display(paths.NOTEBOOKS)}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_what_a_clean_run_produces(notebook, clean_run):
    out, results = clean_run
    result = results[notebook.name]
    assert not result.error, f"{notebook.name} fails on the seeds: {result.error}"
    committed = ADDRESS.sub("0x…", notebook.read_text(encoding="utf-8"))
    fresh = ADDRESS.sub("0x…", (out / "notebooks" / notebook.name).read_text(encoding="utf-8"))
    if committed != fresh:
        diff = list(difflib.unified_diff(committed.splitlines(), fresh.splitlines(),
                                         "committed", "clean run", n=1, lineterm=""))
        shown = "\n".join(_shorten(line) for line in diff[:80])
        pytest.fail(f"{notebook.name} is stale: its committed outputs differ from a clean run on the seeds. "
                    f"Run `.venv/bin/python -m newstrace.run notebooks/{notebook.name}` and commit it.\n{shown}")


def _output_texts(nb) -> list[tuple[int, str]]:
    texts = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            parts = [out.get("text", ""), out.get("evalue", ""), "\n".join(out.get("traceback", []))]
            parts += [v for k, v in out.get("data", {}).items() if k.startswith("text/") and isinstance(v, str)]
            texts.append((i, "\n".join(parts)))
    return texts


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_hold_no_absolute_paths_timings_or_errors(notebook):
    nb = nbformat.read(notebook, as_version=4)
    roots = {str(paths.ROOT), str(Path.home()), tempfile.gettempdir(), "/tmp/", "/home/", "/root/", "C:\\"}
    for i, text in _output_texts(nb):
        for root in roots:
            assert root not in text, f"{notebook.name} cell {i}: output shows the absolute path {root!r}"
        hit = TIMING.search(text)
        assert hit is None, f"{notebook.name} cell {i}: output shows a timing {hit.group(0)!r}"
    errors = [i for i, c in enumerate(nb.cells) for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, f"{notebook.name}: cells {errors} end in an error"
    for cell in nb.cells:
        assert "execution" not in cell.metadata, f"{notebook.name}: cell timings are committed"


def test_committed_figures_are_what_a_clean_run_produces(clean_run):
    out, results = clean_run
    failed = [r.notebook for r in results.values() if r.error]
    assert not failed, f"notebooks failed, figures cannot be compared: {failed}"

    def files(folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file() and not p.name.startswith(".")}

    committed, fresh = files(paths.FIGURES), files(out / "figures")
    missing = sorted(set(fresh) - set(committed))
    stale = sorted(set(committed) - set(fresh))
    differ = sorted(n for n in set(committed) & set(fresh) if committed[n] != fresh[n])
    assert not (missing or stale or differ), (
        f"figures/ is out of date: not committed {missing}, written by no notebook {stale}, "
        f"different from a clean run {differ}. Run `make` and commit figures/.")


def test_no_two_notebooks_write_the_same_figure(clean_run):
    _, results = clean_run
    owner: dict[str, str] = {}
    for name, result in results.items():
        for stem in result.figures:
            assert stem not in owner, f"figure {stem!r} is written by both {owner[stem]} and {name}"
            owner[stem] = name
