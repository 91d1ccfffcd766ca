"""The report: offline, script-free HTML of the notebooks and a chart gallery (no kernel, no browser)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from newstrace import charts, paths, report

matplotlib.use("Agg")

LONG = "Zq9" * 16667  # 50,001 characters, no break anywhere
HOSTILE = ('<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> '
           '<a href="javascript:window.__pwned = 3">our coverage</a> [again](javascript:window.__pwned=4) '
           '<iframe src="https://example.org/"></iframe> <style>body { display: none }</style>')


class Tags(HTMLParser):
    """Every start tag with its attributes, to check what a browser would build."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_body: list[str] = []   # tags seen after <body>
        self.body = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.body = self.body or tag == "body"
        if self.body:
            self.in_body.append(tag)


def hostile_notebook(figure: str = "") -> nbformat.NotebookNode:
    """An executed notebook whose outputs carry article text of every kind the template renders."""
    frame = pd.DataFrame({"title": [HOSTILE, "calm"], "text": [LONG, "ok"]})
    cells = [
        new_markdown_cell("# Who says <em>what</em>\n\nDoes the report stay inert? Reads the corpus."),
        new_code_cell("CORPUS = 'x'", metadata={"tags": ["parameters"]}, execution_count=1),
        new_code_cell("frame", execution_count=2, outputs=[new_output(
            "execute_result", execution_count=2,
            data={"text/html": frame.to_html(escape=False), "text/plain": "frame"})]),
        new_code_cell("show()", execution_count=3, outputs=[
            new_output("stream", name="stdout", text=HOSTILE + "\n" + LONG + "\n"),
            new_output("display_data", data={"text/markdown": "Article: " + HOSTILE, "text/plain": "md"}),
            new_output("display_data", data={"application/javascript": "window.__pwned = 5",
                                             "text/plain": "js"}),
            new_output("display_data", data={"text/vnd.mermaid": "graph TD; A-->B<script>x</script>",
                                             "text/plain": "mermaid"}),
            new_output("display_data", data={"image/svg+xml": "<svg><script>window.__pwned=6</script></svg>",
                                             "text/plain": "svg"}),
            new_output("display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": "x"},
                                             "text/plain": "widget"}),
        ]),
        new_markdown_cell("Raw markdown from an article: " + HOSTILE),
        new_markdown_cell("## Findings"),
        new_code_cell(f"save_figure(fig, {figure!r})" if figure else "pass", execution_count=4, outputs=[
            new_output("display_data", data={"text/markdown": "- Three outlets repeat **one** report.\n- "
                                             + HOSTILE, "text/plain": "findings"})]),
    ]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"},
                                             "widgets": {"application/vnd.jupyter.widget-state+json": {}}})
    return nb


def assert_inert(page: str) -> None:
    tags = Tags(page)
    names = [t for t, _ in tags.tags]
    for bad in ("script", "iframe", "object", "embed", "base", "form", "svg"):
        assert bad not in names, f"<{bad}> reached the page"
    assert "style" not in tags.in_body and "meta" not in tags.in_body, "<style>/<meta> from the content"
    for tag, attrs in tags.tags:
        for key, value in attrs.items():
            assert not key.startswith("on"), f"<{tag} {key}=...> reached the page"
            if key in ("href", "src") and value:
                assert not value.strip().lower().startswith(("javascript:", "http:", "https:", "//")), \
                    f"<{tag} {key}={value!r}> reached the page"
        if tag == "img":
            assert attrs.get("src", "").startswith(("data:image/png;base64,", "data:image/jpeg;base64,",
                                                     "figures/")), attrs.get("src", "")[:40]
        if tag == "link":
            raise AssertionError(f"<link {attrs}> would load a resource")
    assert re.search(r"url\(\s*['\"]?(https?:)?//", page) is None, "CSS loads a remote resource"
    meta = [a for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert meta and "default-src 'none'" in meta[0]["content"] and "script-src" not in meta[0]["content"]


def test_clean_html_escapes_active_markup_and_keeps_tables():
    out = report.clean_html('<table class="dataframe"><thead><tr><th>a</th></tr></thead><tbody><tr><td>'
                            + HOSTILE + "</td></tr></tbody></table>")
    assert "<thead>" in out and "<tbody>" in out and "<th>a</th>" in out
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in out
    assert "&lt;img" in out and "<img" not in out
    assert "&lt;iframe" in out and "&lt;style&gt;" in out
    assert "javascript:" not in out.replace("&lt;", "<").split("[again]")[0]  # the <a> lost its href
    assert "<a>our coverage</a>" in out


def test_long_tokens_get_break_points_but_tags_and_entities_stay_whole():
    token = "a&amp;b" + "x" * 60
    out = report.breakable(f'<td title="{"y" * 80}">{token} short words</td>')
    assert out.startswith(f'<td title="{"y" * 80}">')              # attributes untouched
    pieces = out[out.index(">") + 1:out.index(" short")].split("<wbr>")
    assert "".join(pieces) == token and len(pieces) == 4
    assert all(p.count("&amp;") + len(p.replace("&amp;", "")) <= 20 for p in pieces)
    assert "&amp;" in pieces[0]                                      # the entity is not cut
    assert report.breakable("short text " * 10) == "short text " * 10


def test_markdown_link_with_javascript_target_loses_the_target():
    out = report.markdown_html("see [this](javascript:alert(1)) and [that](https://example.org/a)")
    assert 'href="javascript' not in out
    assert 'href="https://example.org/a"' in out


def test_notebook_page_is_inert_offline_and_keeps_the_text_readable():
    page = report.render_notebook(hostile_notebook(), "Who says what")
    assert_inert(page)
    # the article text is there, as text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert page.count(LONG) == 1                                # stream output, in a wrapping <pre>
    assert page.replace("<wbr/>", "").count(LONG) == 2          # table cell: split by break points only
    assert "overflow-wrap: anywhere" in page
    assert "<thead>" in page and "Zq9Zq9" in page               # DataFrame still a table
    assert ".dataframe tbody tr th" not in page                 # pandas' style block dropped, not shown
    assert "window.__pwned = 5" not in page and "window.__pwned=6" not in page   # JS and SVG outputs dropped
    assert "graph TD" not in page                               # mermaid output dropped
    for cdn in ("require.min.js", "mathjax", "mermaid.esm", "unpkg.com", "cdnjs"):
        assert cdn not in page.lower(), cdn


def test_summarise_reads_title_question_findings_and_figures():
    nb = hostile_notebook(figure="who-cites-whom")
    s = report.summarise(nb, "02-x", known_figures=["who-cites-whom", "other"])
    assert s.title == "Who says <em>what</em>"
    assert s.question.startswith("Does the report stay inert?")
    assert s.findings.startswith("- Three outlets repeat **one** report.")
    assert s.figures == ["who-cites-whom"]          # found by name in the code: no runner metadata
    nb.metadata["newstrace"] = {"figures": ["b-second", "a-first"], "corpus": "my-articles"}
    nb.cells[-1].source = "save_figure(fig, 'b-second')\nsave_figure(fig, 'a-first')"
    s = report.summarise(nb, "02-x")
    assert s.figures == ["b-second", "a-first"]      # the runner's record, in the order the code saves them
    assert s.corpus == "my-articles"


def test_findings_typed_in_the_heading_cell_and_markdown_after_it_count():
    nb = new_notebook(cells=[new_markdown_cell("# T\n\nQ?"), new_markdown_cell("## Findings\n\nFirst."),
                             new_markdown_cell("Second.")])
    assert report.summarise(nb, "n").findings == "First.\n\nSecond."
    assert report.summarise(new_notebook(cells=[]), "empty").findings == ""


def save_chart(folder: Path, name: str, title: str, source: str) -> None:
    fig, ax = charts.new_figure()
    ax.bar(["a", "b"], [1, 2])
    ax.set_title("axes title is not the chart title")
    charts.finish(fig, title, source, subtitle="a subtitle")
    charts.save_figure(fig, name, pd.DataFrame({"x": ["a", "b"], "y": [1, 2]}), outdir=folder)
    matplotlib.pyplot.close(fig)


def test_chart_labels_read_title_and_source_from_the_svg(tmp_path):
    save_chart(tmp_path, "c", "Two of three <outlets> cite B & C", "three test articles")
    assert report.chart_labels(tmp_path / "c.svg") == {
        "title": "Two of three <outlets> cite B & C", "source": "three test articles"}
    assert report.chart_labels(tmp_path / "missing.svg") == {"title": "", "source": ""}
    (tmp_path / "bad.svg").write_text("<svg", encoding="utf-8")
    assert report.chart_labels(tmp_path / "bad.svg") == {"title": "", "source": ""}


def build_sample(tmp_path: Path) -> tuple[Path, Path, Path]:
    nbdir, figdir, out = tmp_path / "notebooks", tmp_path / "figures", tmp_path / "report"
    nbdir.mkdir()
    save_chart(figdir, "who-cites-whom", "Three outlets <script>x</script> cite one wire", "test articles")
    save_chart(figdir, "zz-orphan", "A chart no notebook wrote", "nobody")
    nb = hostile_notebook(figure="who-cites-whom")
    nb.metadata["newstrace"] = {"figures": ["who-cites-whom"], "corpus": "my articles"}
    nbformat.write(nb, nbdir / "01-first.ipynb")
    nbformat.write(new_notebook(cells=[new_markdown_cell("# Second\n\nWhat else?")]), nbdir / "02-second.ipynb")
    return nbdir, figdir, out


def test_build_writes_index_pages_and_gallery(tmp_path):
    nbdir, figdir, out = build_sample(tmp_path)
    (out).mkdir()
    (out / "99-stale.html").write_text("old", encoding="utf-8")
    index = report.build(nbdir, figdir, out)
    assert index == out / "index.html"
    assert sorted(p.name for p in out.glob("*.html")) == ["01-first.html", "02-second.html", "index.html"]
    assert sorted(p.name for p in (out / "figures").iterdir()) == sorted(p.name for p in figdir.iterdir())
    page = index.read_text(encoding="utf-8")
    assert_inert(page)
    assert '<strong id="corpus">my articles</strong>' in page
    assert 'href="01-first.html"' in page and 'href="02-second.html"' in page
    assert 'src="figures/who-cites-whom.png"' in page and 'href="figures/who-cites-whom.csv"' in page
    assert "Three outlets &lt;script&gt;x&lt;/script&gt; cite one wire" in page   # title, escaped
    assert "Three outlets repeat <strong>one</strong> report." in page             # findings rendered
    first, other = page.index('id="01-first"'), page.index('id="other-charts"')
    assert first < page.index("fig-who-cites-whom") < page.index('id="02-second"') < other
    assert page.index("fig-zz-orphan") > other        # unattributed chart listed apart, not lost
    assert report.build(nbdir, figdir, out, corpus="given") and "given" in index.read_text(encoding="utf-8")


def test_build_is_byte_reproducible(tmp_path):
    nbdir, figdir, out = build_sample(tmp_path)
    report.build(nbdir, figdir, out)
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    report.build(nbdir, figdir, out)
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert first == second


def test_build_without_notebooks_says_so(tmp_path):
    (tmp_path / "nb").mkdir()
    with pytest.raises(FileNotFoundError, match="no executed notebooks"):
        report.build(tmp_path / "nb", tmp_path / "fig", tmp_path / "out")


def test_main_for_a_corpus_that_was_not_run_explains(tmp_path, capsys):
    assert report.main(["--out", str(tmp_path / "never-run")]) == 2
    assert "no executed notebooks" in capsys.readouterr().err


def test_styler_css_is_dropped_not_shown_as_text():
    styled = pd.DataFrame({"a": [1, 2]}).style.highlight_max().to_html()
    nb = new_notebook(cells=[new_code_cell("t", execution_count=1, outputs=[new_output(
        "execute_result", execution_count=1, data={"text/html": styled, "text/plain": "t"})])])
    page = report.render_notebook(nb, "styled")
    assert "background-color: yellow" not in page and "&lt;style" not in page
    assert "<thead>" in page


def test_readme_gallery_is_a_table_of_each_chart_with_its_notebook(tmp_path):
    nbdir, figdir, _ = build_sample(tmp_path)
    md = report.gallery_markdown(nbdir, figdir)
    rows = md.splitlines()
    assert rows[:2] == ["| | |", "|---|---|"]
    assert all(row.startswith("| ") and row.endswith(" |") for row in rows[2:])
    title = "Three outlets \\<script\\>x\\</script\\> cite one wire"
    assert (f"![{title}](figures/who-cites-whom.png) **{title}** ([notebook 01](notebooks/01-first.ipynb))"
            in md)
    assert md.index("who-cites-whom.png") < md.index("zz-orphan.png")   # orphan charts come last
    assert "02-second" not in md                                         # no charts, no entry


def test_the_readme_gallery_shows_the_committed_charts():
    """The README's gallery is what `python -m newstrace.report --readme` writes from figures/."""
    text = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    start, end = report.readme_gallery(text)
    assert text[start:end] == report.gallery_markdown(paths.NOTEBOOKS, paths.FIGURES), (
        "README.md's gallery is out of date: run `.venv/bin/python -m newstrace.report --readme`")
