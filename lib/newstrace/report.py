"""Share the analysis: the executed notebooks and a chart gallery as offline, script-free HTML.

``python -m newstrace.report`` renders every executed notebook in notebooks/ to
report/NN-name.html and writes report/index.html: the corpus it ran on, each
notebook's question and computed findings, and every chart in figures/ (copied to
report/figures/ with its SVG and CSV) under its title and source line.
``--corpus DIR`` renders the run of ``python -m newstrace.run --corpus DIR`` from
out/<DIR name>/ into out/<DIR name>/report/.

Article text comes from arbitrary websites and reaches these pages, so they are
built to be inert: no ``<script>`` at all (a Content-Security-Policy meta tag
forbids scripts, frames, fonts and remote images), every HTML and Markdown output
is cleaned with an allow-list (a tag outside it is shown as text, a link keeps
only http/https/mailto targets; a link in a cell's output or in the findings,
which may quote article text, is shown as text, not as a link), outputs of other types (JavaScript, widgets,
Mermaid, SVG markup) are dropped, and CSS wraps unbroken lines. Nothing is loaded
from a CDN: the pages open offline.
"""

from __future__ import annotations

import argparse
import copy
import html
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import bleach
import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter
from nbconvert.filters import markdown2html_mistune

from . import paths

# Output types a page may show; every other one (application/javascript, widget views,
# text/vnd.mermaid, image/svg+xml markup) is dropped before rendering.
SAFE_MIMETYPES = ("text/plain", "text/html", "text/markdown", "image/png", "image/jpeg", "text/latex")

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES = {
    "*": ["class", "id", "title"],
    "a": ["class", "id", "title", "href"],
    "ol": ["class", "start"],
    "table": ["class", "border"],
    "td": ["class", "colspan", "rowspan"],
    "th": ["class", "colspan", "rowspan"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

CSP = ("default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
       "base-uri 'none'; form-action 'none'")

# Readable whatever the text: long unbroken strings wrap instead of widening the page. Table
# cells keep words whole (``anywhere`` there would squeeze columns to one letter); long tokens
# in them get <wbr> break points from ``clean_html`` instead.
CSS = """
html, body { overflow-wrap: anywhere; }
pre, .jp-RenderedText pre { white-space: pre-wrap; overflow-wrap: anywhere; }
td, th { overflow-wrap: break-word; }
.jp-RenderedHTMLCommon table { max-width: 100%; table-layout: auto; }
.jp-OutputArea-output { max-width: 100%; overflow-x: auto; }
.jp-OutputArea-output img { max-width: 100%; height: auto; }
nav.nt-back { font: 14px/1.4 system-ui, sans-serif; padding: 8px 16px; border-bottom: 1px solid #ddd; }
"""

_NOTEBOOK_TEMPLATE = (
    "{%- extends 'index.html.j2' -%}\n"
    "{%- block html_head_js -%}\n"
    '<meta http-equiv="Content-Security-Policy" content="' + CSP + '">\n'
    "{%- endblock html_head_js -%}\n"
    "{% block jupyter_widgets %}{% endblock jupyter_widgets %}\n"
    '{% block extra_css %}<style type="text/css">' + CSS + "</style>{% endblock extra_css %}\n"
    "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
    "{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}\n"
    # outputs carry article text: their links are shown as text (markdown cells keep theirs)
    "{% block data_html scoped -%}\n"
    '<div class="jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output {{ extra_class }}" '
    'data-mime-type="text/html">\n'
    "{{ output.data['text/html'] | clean_output_html }}\n</div>\n"
    "{%- endblock data_html %}\n"
    "{% block data_markdown scoped -%}\n"
    '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-OutputArea-output {{ extra_class }}" '
    'data-mime-type="text/markdown">\n'
    "{{ output.data['text/markdown'] | markdown2html | clean_output_html }}\n</div>\n"
    "{%- endblock data_markdown %}\n"
    "{%- block body_header -%}{{ super() }}\n"
    '<nav class="nt-back"><a href="index.html">&larr; newstrace report</a></nav>\n'
    "{%- endblock body_header -%}\n"
)

_TAG_SPLIT = re.compile(r"(<[^>]*>)")
_UNIT = r"(?:&#?\w+;|[^\s<>&])"          # one character of text, an entity counting as one
_LONG_TOKEN = re.compile(_UNIT + "{40,}")
_UNITS = re.compile(_UNIT)
WBR_EVERY = 20

_PANDAS_STYLE = re.compile(r"^(\s*<div>)?\s*(?:<style[^>]*>.*?</style>\s*)+", re.S)
_HEADING = re.compile(r"^\s*#\s+(.+?)\s*$", re.M)
_FINDINGS = re.compile(r"^\s*#{1,3}\s*Findings\b", re.I)


def clean_html(text, links: bool = True) -> str:
    """HTML reduced to an allow-list: other tags are escaped to visible text, on* attributes and
    javascript:/data: links removed, comments stripped. With ``links=False`` an ``<a>`` is
    escaped too: it shows as text and cannot be clicked (for outputs, which carry article text)."""
    text = text.decode() if isinstance(text, bytes) else str(text)
    cleaned = bleach.clean(text, tags=ALLOWED_TAGS if links else ALLOWED_TAGS - {"a"},
                           attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS,
                           strip=False, strip_comments=True)
    return breakable(cleaned)


def clean_output_html(text) -> str:
    """``clean_html`` for a code cell's output: article text, so its links are shown as text."""
    return clean_html(text, links=False)


def breakable(markup: str) -> str:
    """Markup with a ``<wbr>`` every 20 characters inside words of 40 or more characters.

    A browser may then wrap a 50,000-character token anywhere, also in a table cell,
    while copied text stays unchanged. Tags and entities are never split.
    """
    def split(match: re.Match) -> str:
        units = _UNITS.findall(match.group(0))
        return "<wbr>".join("".join(units[i:i + WBR_EVERY]) for i in range(0, len(units), WBR_EVERY))

    parts = _TAG_SPLIT.split(markup)
    for i in range(0, len(parts), 2):
        if len(parts[i]) >= 40:
            parts[i] = _LONG_TOKEN.sub(split, parts[i])
    return "".join(parts)


def markdown_html(text: str, links: bool = True) -> str:
    """Markdown rendered to HTML, then cleaned with ``clean_html`` (``links=False``: links shown as text)."""
    return clean_html(markdown2html_mistune(text), links=links)


def safe_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` keeping only output types in SAFE_MIMETYPES and no widget state.

    The ``<style>`` blocks at the head of an HTML output (pandas DataFrame and Styler
    tables) are dropped: the page styles tables itself, and CSS from an output could
    hide or restyle the page. All remaining HTML is cleaned at render time.
    """
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data")
            if data is None:
                continue
            for key in [k for k in data if k not in SAFE_MIMETYPES]:
                del data[key]
            if "text/html" in data:
                data["text/html"] = _PANDAS_STYLE.sub(r"\1", "".join(data["text/html"]), count=1)
    return nb


def exporter() -> HTMLExporter:
    """nbconvert's JupyterLab HTML exporter without CDN scripts, with a CSP and the clean-up above."""
    return HTMLExporter(
        template_name="lab",
        template_file="newstrace.html.j2",
        extra_loaders=[DictLoader({"newstrace.html.j2": _NOTEBOOK_TEMPLATE})],
        sanitize_html=True,
        filters={"clean_html": clean_html, "clean_output_html": clean_output_html},
    )


def render_notebook(nb: nbformat.NotebookNode, title: str = "", html_exporter: HTMLExporter | None = None) -> str:
    """One executed notebook as a self-contained HTML page (figures embedded as data: URIs)."""
    nb = safe_notebook(nb)
    if title:
        nb.metadata["title"] = title
    html_exporter = html_exporter or exporter()
    body, _ = html_exporter.from_notebook_node(nb, resources={"metadata": {"name": title or "notebook"}})
    return body


# --------------------------------------------------------------------------------------------
# What the index shows


@dataclass
class Notebook:
    """What the index says about one executed notebook."""

    name: str                 # file stem, e.g. "01-corpus"
    title: str                # the "# Title" of cell 1
    question: str             # the rest of cell 1 (markdown)
    findings: str             # markdown shown under "## Findings" (computed outputs included)
    figures: list[str] = field(default_factory=list)  # figure stems, in the order the code names them
    corpus: str = ""
    error: str = ""           # the error a failed run recorded


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def summarise(nb: nbformat.NotebookNode, name: str, known_figures: list[str] | None = None) -> Notebook:
    """Title, question, findings, figures and corpus of an executed notebook.

    Findings are the markdown after a ``## Findings`` heading: the rest of that cell,
    the markdown cells after it and the text/markdown outputs of the code cells after it.
    Figures are those the runner recorded in ``metadata.newstrace.figures``; for a notebook
    run before that was recorded, the ``known_figures`` whose names appear in its code.
    """
    cells = nb.cells
    title, question = name, ""
    if cells and cells[0].cell_type == "markdown":
        src = _text(cells[0].source)
        m = _HEADING.search(src)
        if m:
            title = m.group(1).strip()
            question = (src[:m.start()] + src[m.end():]).strip()
        else:
            question = src.strip()
    parts: list[str] = []
    in_findings = False
    for cell in cells:
        src = _text(cell.source)
        if cell.cell_type == "markdown" and _FINDINGS.match(src):
            in_findings = True
            rest = src.split("\n", 1)[1].strip() if "\n" in src else ""
            if rest:
                parts.append(rest)
            continue
        if not in_findings:
            continue
        if cell.cell_type == "markdown" and src.strip():
            parts.append(src.strip())
        elif cell.cell_type == "code":
            for out in cell.get("outputs", []):
                md = out.get("data", {}).get("text/markdown")
                if md:
                    parts.append(_text(md).strip())
    meta = nb.metadata.get("newstrace", {})
    code = "\n".join(_text(c.source) for c in cells if c.cell_type == "code")
    figures = list(meta.get("figures", []))
    if not figures and known_figures:
        figures = [f for f in known_figures if re.search(r"[\"']" + re.escape(f) + r"[\"']", code)]

    def position(stem: str) -> tuple[int, str]:
        hit = re.search(r"[\"']" + re.escape(stem) + r"[\"']", code)
        return (hit.start() if hit else len(code), stem)

    figures.sort(key=position)
    return Notebook(name=name, title=title, question=question, findings="\n\n".join(parts),
                    figures=figures, corpus=str(meta.get("corpus", "")), error=str(meta.get("error", "")))


def chart_labels(svg: Path) -> dict[str, str]:
    """Title and source line of a chart saved by ``charts.save_figure``, read from its SVG.

    ``charts.finish`` puts the title first among the figure-level texts and the source
    line as ``Source: ...``; matplotlib writes each text as a comment (path fonts) or a
    ``<text>`` element. Returns ``{"title": ..., "source": ...}`` ("" when not found).
    """
    labels = {"title": "", "source": ""}
    try:
        root = ET.parse(svg, parser=ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))).getroot()
    except (OSError, ET.ParseError):
        return labels
    ns = "{http://www.w3.org/2000/svg}"
    figure = next((g for g in root.iter(ns + "g") if g.get("id") == "figure_1"), None)
    if figure is None:
        return labels
    texts = []
    for g in figure:
        if g.tag == ns + "g" and (g.get("id") or "").startswith("text_"):
            comment = next((c.text for c in g.iter() if c.tag is ET.Comment and c.text), None)
            if comment is None:
                comment = "".join(t.itertext() for t in g.iter(ns + "text"))
            if comment and comment.strip():
                # charts.plain escapes "$" for matplotlib; the reader sees the text as written
                texts.append(html.unescape(comment.strip()).replace("\\$", "$"))
    for t in texts:
        if t.startswith("Source:") and not labels["source"]:
            labels["source"] = t[len("Source:"):].strip()
        elif not t.startswith("Source:") and not labels["title"]:
            labels["title"] = t
    return labels


@dataclass
class Chart:
    """One chart of the gallery."""

    name: str
    title: str
    source: str
    files: dict[str, str]     # extension -> file name inside report/figures/


def _charts(figures_dir: Path) -> dict[str, Chart]:
    charts: dict[str, Chart] = {}
    if not figures_dir.is_dir():
        return charts
    for png in sorted(figures_dir.glob("*.png")):
        stem = png.stem
        files = {ext: f"{stem}.{ext}" for ext in ("png", "svg", "csv") if (figures_dir / f"{stem}.{ext}").is_file()}
        labels = chart_labels(figures_dir / f"{stem}.svg")
        charts[stem] = Chart(stem, labels["title"] or stem.replace("-", " ").replace("_", " "), labels["source"], files)
    return charts


_INDEX_CSS = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; margin: 0;
       overflow-wrap: anywhere; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { border-bottom: 1px solid #ddd; padding-bottom: 8px; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { margin-top: 2em; border-top: 1px solid #eee; padding-top: 0.8em; }
.meta { color: #555; }
.findings { background: #f6f8fa; border-left: 4px solid #0072B2; padding: 4px 16px; }
.failed { background: #fff4f0; border-left: 4px solid #D55E00; padding: 4px 16px; }
.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 24px; margin: 16px 0; }
figure { margin: 0; border: 1px solid #e3e3e3; padding: 10px; background: #fff; }
figure img { width: 100%; height: auto; display: block; }
figcaption { font-size: 0.92em; margin-top: 6px; }
figcaption .title { font-weight: 600; }
figcaption .source, figcaption .files { color: #555; }
pre, code { white-space: pre-wrap; overflow-wrap: anywhere; }
td, th { overflow-wrap: break-word; }
footer { color: #666; font-size: 0.85em; border-top: 1px solid #ddd; margin-top: 3em; padding-top: 8px; }
"""


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def _figure_html(chart: Chart) -> str:
    links = " · ".join(
        f'<a href="figures/{_e(f)}">{label}</a>'
        for ext, label in (("png", "PNG"), ("svg", "SVG"), ("csv", "data (CSV)"))
        if (f := chart.files.get(ext))
    )
    source = f'<div class="source">Source: {_e(chart.source)}</div>' if chart.source else ""
    return (
        f'<figure id="fig-{_e(chart.name)}">'
        f'<a href="figures/{_e(chart.files["png"])}"><img src="figures/{_e(chart.files["png"])}" '
        f'alt="{_e(chart.title)}" loading="eager"></a>'
        f'<figcaption><div class="title">{_e(chart.title)}</div>{source}'
        f'<div class="files">{_e(chart.name)}: {links}</div></figcaption></figure>'
    )


def index_html(corpus: str, notebooks: list[Notebook], charts: dict[str, Chart]) -> str:
    """The report's front page: corpus, notebooks with questions and findings, the chart gallery."""
    used: set[str] = set()
    toc, sections = [], []
    for nb in notebooks:
        own = [charts[f] for f in nb.figures if f in charts]
        used.update(c.name for c in own)
        toc.append(f'<li><a href="#{_e(nb.name)}">{_e(nb.title)}</a></li>')
        parts = [f'<section id="{_e(nb.name)}"><h2>{_e(nb.title)}</h2>',
                 f'<p class="meta"><a href="{_e(nb.name)}.html">Open the notebook {_e(nb.name)}</a>'
                 f' · {len(own)} chart{"" if len(own) == 1 else "s"}</p>']
        if nb.question:
            parts.append(f'<div class="question">{markdown_html(nb.question)}</div>')
        if nb.error:
            parts.append(f'<div class="failed"><p><strong>This notebook stopped with an error:</strong></p>'
                         f'<pre>{_e(nb.error)}</pre></div>')
        if nb.findings:
            # (computed from outputs, which may quote article text: links shown as text)
            parts.append(f'<div class="findings"><h3>Findings</h3>{markdown_html(nb.findings, links=False)}</div>')
        if own:
            parts.append('<div class="gallery">' + "".join(_figure_html(c) for c in own) + "</div>")
        parts.append("</section>")
        sections.append("".join(parts))
    rest = [c for name, c in charts.items() if name not in used]
    if rest:
        toc.append('<li><a href="#other-charts">Other charts</a></li>')
        sections.append('<section id="other-charts"><h2>Other charts</h2>'
                        '<p class="meta">Charts in the figures folder that no notebook above wrote.</p>'
                        '<div class="gallery">' + "".join(_figure_html(c) for c in rest) + "</div></section>")
    n_nb, n_fig = len(notebooks), len(charts)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>newstrace report: {_e(corpus)}</title>\n<style>{_INDEX_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>newstrace report</h1>\n"
        f'<p class="meta">Corpus: <strong id="corpus">{_e(corpus)}</strong> · {n_nb} notebook{"" if n_nb == 1 else "s"}'
        f' · {n_fig} chart{"" if n_fig == 1 else "s"}</p>\n'
        f"<nav><ol>{''.join(toc)}</ol></nav></header>\n<main>\n" + "\n".join(sections) +
        "\n</main>\n<footer>Built by <code>make report</code> from the executed notebooks and the figures "
        "folder. Works offline; the pages contain no scripts. Article text is shown as text: HTML in it "
        "is displayed, never run.</footer>\n</body>\n</html>\n"
    )


def build(notebooks_dir: Path, figures_dir: Path, out_dir: Path, corpus: str | None = None,
          failures: dict[str, str] | None = None) -> Path:
    """Render every notebook in ``notebooks_dir`` and the charts in ``figures_dir`` into ``out_dir``.

    Writes NN-name.html per notebook, figures/ (PNG, SVG, CSV copies) and index.html;
    returns the path of index.html. ``corpus`` defaults to what the runner recorded.
    ``failures`` (notebook stem -> error) marks notebooks whose latest run failed, shown in
    place of their findings even when the file on disk is an older, successful run.
    """
    from .run import notebooks as list_notebooks

    sources = list_notebooks(Path(notebooks_dir))
    if not sources:
        raise FileNotFoundError(f"{paths.display(notebooks_dir)}: no executed notebooks to render")
    out_dir = Path(out_dir)
    charts = _charts(Path(figures_dir))
    if out_dir.exists():
        for old in list(out_dir.glob("*.html")) + [out_dir / "figures"]:
            if old.is_dir():
                shutil.rmtree(old)
            elif old.exists():
                old.unlink()
    (out_dir / "figures").mkdir(parents=True, exist_ok=True)
    for chart in charts.values():
        for f in chart.files.values():
            shutil.copyfile(Path(figures_dir) / f, out_dir / "figures" / f)
    summaries = []
    html_exporter = exporter()
    for src in sources:
        nb = nbformat.read(src, as_version=4)
        summary = summarise(nb, src.stem, list(charts))
        if failures and src.stem in failures:
            summary.error = failures[src.stem]
        summaries.append(summary)
        (out_dir / f"{src.stem}.html").write_text(render_notebook(nb, summary.title, html_exporter), encoding="utf-8")
    if corpus is None:
        corpus = next((s.corpus for s in summaries if s.corpus), "") or paths.display(paths.corpus_dir())
    index = out_dir / "index.html"
    index.write_text(index_html(corpus, summaries, charts), encoding="utf-8")
    return index


def _md(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def gallery_markdown(notebooks_dir: Path, figures_dir: Path, prefix: str = "figures/", columns: int = 2) -> str:
    """The chart gallery as the README's Markdown table: ``columns`` charts a row, each cell the image,
    its title (the finding) in bold and the notebook that drew it, in notebook order; charts no notebook
    claims come last. Images are linked relative to the repository root."""
    charts = _charts(Path(figures_dir))
    from .run import notebooks as list_notebooks

    cells, used = [], set()
    for src in list_notebooks(Path(notebooks_dir)):
        s = summarise(nbformat.read(src, as_version=4), src.stem, list(charts))
        number = src.stem.split("-", 1)[0]
        for c in (charts[f] for f in s.figures if f in charts):
            used.add(c.name)
            cells.append(f"![{_md(c.title)}]({prefix}{c.files['png']}) **{_md(c.title)}** "
                         f"([notebook {_md(number)}](notebooks/{src.name}))")
    cells += [f"![{_md(c.title)}]({prefix}{c.files['png']}) **{_md(c.title)}**"
              for n, c in charts.items() if n not in used]
    if not cells:
        return ""
    rows = ["|" + " |" * columns, "|" + "---|" * columns]
    for i in range(0, len(cells), columns):
        row = cells[i:i + columns] + [""] * (columns - len(cells[i:i + columns]))
        rows.append("| " + " | ".join(row) + " |")
    return "\n".join(rows) + "\n"


GALLERY_START, GALLERY_END = "<!-- gallery: written by `python -m newstrace.report --readme` -->\n", "<!-- end gallery -->"


def readme_gallery(readme_text: str) -> tuple[int, int]:
    """Start and end offsets of the generated gallery between its markers in the README's text."""
    start = readme_text.index(GALLERY_START) + len(GALLERY_START)
    return start, readme_text.index(GALLERY_END, start)


def _update_readme(readme: Path) -> int:
    text = readme.read_text(encoding="utf-8")
    try:
        start, end = readme_gallery(text)
    except ValueError:
        print(f"error: {paths.display(readme)}: no gallery markers ({GALLERY_START.strip()} ... {GALLERY_END})",
              file=sys.stderr)
        return 2
    new = text[:start] + gallery_markdown(paths.NOTEBOOKS, paths.FIGURES) + text[end:]
    if new != text:
        readme.write_text(new, encoding="utf-8")
    print(f"{paths.display(readme)}: gallery {'updated' if new != text else 'unchanged'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newstrace.report", description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="render the run on this folder (out/<name>-<hash>/) instead of the committed one")
    parser.add_argument("--out", help="the run's output folder (default: out/<corpus name>-<hash>)")
    parser.add_argument("--corpus-from-env", action="store_true",
                        help="take the corpus folder from $NEWSTRACE_CORPUS when --corpus is not given "
                             "(how make passes CORPUS: as data, never through the shell); empty means the default")
    parser.add_argument("--readme", action="store_true",
                        help="rewrite the chart gallery in README.md from the committed charts, build no report")
    args = parser.parse_args(argv)
    if args.corpus_from_env and not args.corpus:
        args.corpus = os.environ.get("NEWSTRACE_CORPUS", "").strip() or None
    if args.corpus and paths.is_default(Path(args.corpus).expanduser()):
        args.corpus = None  # the seeds' report is the committed one
    if args.readme:
        return _update_readme(paths.ROOT / "README.md")
    corpus = None
    if args.corpus or args.out:
        if args.corpus:
            corpus = paths.display(Path(args.corpus).expanduser().resolve())
        base = Path(args.out).resolve() if args.out else paths.output_dir(Path(args.corpus))
        notebooks_dir, figures_dir, out_dir = base / "notebooks", base / "figures", base / "report"
        if not notebooks_dir.is_dir():
            print(f"error: {paths.display(notebooks_dir)}: no executed notebooks; run "
                  f"`make CORPUS={args.corpus or '...'}` first", file=sys.stderr)
            return 2
    else:
        notebooks_dir, figures_dir, out_dir = paths.NOTEBOOKS, paths.FIGURES, paths.REPORT
    try:
        index = build(notebooks_dir, figures_dir, out_dir, corpus)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"report: {paths.display(index)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
