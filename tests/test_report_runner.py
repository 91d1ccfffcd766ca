"""The headless runner: corpus and output folder by environment, figures recorded, failures reported."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from newstrace import paths, run
from newstrace.errors import CorpusError

KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}


def write_notebook(path, *sources):
    cells = [new_markdown_cell("# Tiny\n\nA notebook written for the runner test.")]
    cells += [new_code_cell(s) for s in sources]
    nbformat.write(new_notebook(cells=cells, metadata=KERNEL), path)
    return path


def outputs_text(nb) -> str:
    return json.dumps([c.get("outputs", []) for c in nb.cells])


def test_corpus_run_writes_notebook_and_figures_to_the_output_folder(tmp_path):
    corpus = tmp_path / "my articles"
    corpus.mkdir()
    src = write_notebook(
        tmp_path / "01-tiny.ipynb",
        "import pandas as pd\nfrom newstrace import charts, paths\n"
        "print(paths.corpus_dir().name)\n"
        "fig, ax = charts.new_figure()\nax.plot([1, 2], [2, 1])\n"
        "charts.finish(fig, 'One line goes down', 'no documents')\n"
        "charts.save_figure(fig, 'tiny-line', pd.DataFrame({'x': [1, 2]}));",
    )
    out = tmp_path / "out"
    [result] = run.run_all([src], corpus=corpus, out=out, echo=lambda line: None)
    assert result.error == "" and result.changed and result.figures == ["tiny-line"]
    assert sorted(p.name for p in (out / "figures").iterdir()) == ["tiny-line.csv", "tiny-line.png", "tiny-line.svg"]
    executed = nbformat.read(out / "notebooks" / "01-tiny.ipynb", as_version=4)
    assert "my articles" in outputs_text(executed)                      # the kernel saw the corpus
    assert executed.metadata["newstrace"]["figures"] == ["tiny-line"]
    assert executed.metadata["newstrace"]["corpus"].endswith("my articles")
    assert "execution" not in json.dumps(executed.cells[1].metadata)   # no timings kept
    assert nbformat.read(src, as_version=4).cells[1].outputs == []     # the source notebook is untouched
    [again] = run.run_all([src], corpus=corpus, out=out, echo=lambda line: None)
    assert not again.changed                                           # same run, same bytes


def test_failed_notebook_is_reported_and_never_written_over_the_committed_one(tmp_path):
    src = write_notebook(tmp_path / "02-broken.ipynb", "x = 1", "1 / 0", "print('never')")
    before = src.read_bytes()
    lines = []
    [result] = run.run_all([src], echo=lines.append)                   # in place: like notebooks/
    assert "ZeroDivisionError" in result.error and "FAILED" in lines[0] and "02-broken" in lines[0]
    assert src.read_bytes() == before
    [result] = run.run_all([src], out=tmp_path / "out", echo=lambda line: None)
    executed = nbformat.read(tmp_path / "out" / "notebooks" / "02-broken.ipynb", as_version=4)
    assert "ZeroDivisionError" in executed.metadata["newstrace"]["error"]
    assert "ZeroDivisionError" in outputs_text(executed) and "never" not in outputs_text(executed)


def test_default_run_ignores_stray_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSTRACE_OUT", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("NEWSTRACE_CORPUS", str(tmp_path))
    src = write_notebook(tmp_path / "03-env.ipynb",
                         "import os\nfrom newstrace import paths\n"
                         "print(os.environ.get('NEWSTRACE_OUT'), paths.display(paths.corpus_dir()))")
    [result] = run.run_all([src], echo=lambda line: None)
    assert result.error == ""
    text = outputs_text(nbformat.read(src, as_version=4))
    assert "None seeds" in text


def test_main_rejects_bad_folders(tmp_path, capsys):
    assert run.main(["--corpus", str(tmp_path / "missing")]) == 2
    assert "corpus folder not found" in capsys.readouterr().err
    assert run.main(["--out", str(paths.FIGURES)]) == 2
    assert "output folder of its own" in capsys.readouterr().err


def test_figures_written_are_found_by_snapshot(tmp_path):
    (tmp_path / "a.png").write_bytes(b"1")
    before = run._snapshot(tmp_path)
    (tmp_path / "b.svg").write_bytes(b"2")
    (tmp_path / "notes.txt").write_bytes(b"3")
    assert run._written(before, run._snapshot(tmp_path)) == ["b"]
    assert run._snapshot(tmp_path / "missing") == {}


@pytest.mark.parametrize("corpus, name", [("/data/My Articles", "My_Articles"), ("/data/news", "news"),
                                          ("/data/report", "report"), ("/", "corpus")])
def test_output_folder_is_named_after_the_corpus_and_its_path(corpus, name):
    out = run.output_dir(corpus)
    assert out.parent == paths.OUT
    assert re.fullmatch(re.escape(name) + r"-[0-9a-f]{8}", out.name)


def test_two_corpora_with_one_folder_name_get_two_output_folders(tmp_path):
    a, b = tmp_path / "a" / "news", tmp_path / "b" / "news"
    assert paths.output_dir(a) != paths.output_dir(b)
    assert paths.output_dir(a) == paths.output_dir(tmp_path / "b" / ".." / "a" / "news")


@pytest.mark.parametrize("inside", ["out/news", "out", "report/x", "figures", "notebooks/n"])
def test_a_corpus_inside_the_projects_output_is_refused(inside, monkeypatch, capsys):
    with pytest.raises(CorpusError, match="inside the project's output folder"):
        paths.check_corpus(paths.ROOT / inside)
    monkeypatch.setenv("NEWSTRACE_CORPUS", str(paths.ROOT / inside))
    with pytest.raises(CorpusError):
        paths.corpus_dir()
    assert run.main(["--corpus", str(paths.ROOT / inside)]) == 2
    assert "inside the project's output folder" in capsys.readouterr().err


def test_an_output_folder_inside_the_corpus_is_refused(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Some article text here.", encoding="utf-8")
    assert run.main(["--corpus", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "never written to" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("env, figures", [
    ({}, "figures"),
    ({"NEWSTRACE_CORPUS": "{seeds}"}, "figures"),
    ({"NEWSTRACE_CORPUS": "{tmp}"}, "{hashed}/figures"),
    ({"NEWSTRACE_CORPUS": "{tmp}", "NEWSTRACE_OUT": "{tmp}-out"}, "{tmp}-out/figures"),
])
def test_charts_of_another_corpus_never_go_to_the_committed_figures(env, figures, tmp_path, monkeypatch):
    """The lab case: a notebook run with NEWSTRACE_CORPUS set (and no NEWSTRACE_OUT) writes to the
    corpus's own output folder."""
    subst = {"seeds": str(paths.SEEDS), "tmp": str(tmp_path),
             "hashed": str(paths.output_dir(tmp_path))}
    monkeypatch.delenv("NEWSTRACE_CORPUS", raising=False)
    monkeypatch.delenv("NEWSTRACE_OUT", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value.format(**subst))
    expected = Path(figures.format(**subst))
    assert paths.figures_dir() == (expected if expected.is_absolute() else paths.ROOT / expected)


def test_normalise_gives_styler_tables_stable_ids():
    import pandas as pd

    def executed():
        html = pd.DataFrame({"a": [1, 2]}).style.highlight_max().to_html()
        cell = nbformat.v4.new_code_cell("t", execution_count=1, outputs=[nbformat.v4.new_output(
            "execute_result", execution_count=1, data={"text/html": html, "text/plain": "t"})])
        return new_notebook(cells=[new_markdown_cell("# T"), cell])

    first, second = run.normalise(executed()), run.normalise(executed())
    assert first.cells[1].outputs == second.cells[1].outputs
    html = first.cells[1].outputs[0].data["text/html"]
    assert 'id="T_1_0_0"' in html and "#T_1_0_0_row1_col0" in html


def test_a_failed_notebook_still_gets_a_report_and_the_summary_says_so(tmp_path, capsys):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A ferry ran aground near the harbour on Monday, the coast guard said.\n",
                                  encoding="utf-8")
    (corpus / "b.bin").write_bytes(b"\x00\x01")
    good, bad = tmp_path / "01-good.ipynb", tmp_path / "02-bad.ipynb"
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Good"), new_code_cell("1 + 1")]), good)
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Bad"), new_code_cell("raise ValueError('boom')")]), bad)
    out = tmp_path / "out"
    assert run.main(["--corpus", str(corpus), "--out", str(out), "--report", str(good), str(bad)]) == 1
    printed = capsys.readouterr().out
    assert "1 article loaded, 1 file(s) skipped" in printed
    assert "skipped b.bin: unsupported file type '.bin'" in printed
    assert "1 of 2 notebook(s) ran to the end; failed: 02-bad.ipynb" in printed
    index = out / "report" / "index.html"
    assert f"report: {paths.display(index)}" in printed
    page = index.read_text(encoding="utf-8")
    assert "This notebook stopped with an error" in page and "ValueError: boom" in page
    assert sorted(p.name for p in corpus.iterdir()) == ["a.txt", "b.bin"]


def test_an_empty_corpus_stops_before_any_notebook_runs(tmp_path, capsys):
    assert run.main(["--corpus", str(tmp_path), "--out", str(tmp_path.parent / "o"), "--report"]) == 2
    assert "no readable articles" in capsys.readouterr().err
    assert not (tmp_path.parent / "o").exists()
