"""House style for every chart, and the one helper that saves them.

- ``PALETTE``: the Okabe-Ito colour-blind-safe palette (then Paul Tol's muted set for
  more than eight outlets).
- ``outlet_colors(names)``: one colour per outlet, assigned in sorted order of the
  names, so every chart of the same corpus gives an outlet the same colour.
- ``new_figure``, ``finish(fig, title, source)``: a title that states the finding, a
  source line naming the documents behind it.
- ``save_figure(fig, name, data)``: figures/NAME.png, .svg and .csv, byte-identical
  for the same input; text cells that a spreadsheet would run as a formula are escaped
  (``csv_safe``).
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.text import Text
from matplotlib.ticker import FixedFormatter

from . import paths

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
TOL_MUTED = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"]
PALETTE = OKABE_ITO + TOL_MUTED
NEUTRAL = "#999999"   # for "unknown outlet" and context marks
ACCENT = "#D55E00"    # for flags (disagreement, removal)

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 120,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "legend.frameon": False,
    "svg.hashsalt": "newstrace",
    "svg.fonttype": "path",
    "path.simplify": True,
}


def outlet_colors(names: Iterable[str]) -> dict[str, str]:
    """Map each distinct outlet name to a colour: sorted order, the same for the same corpus.

    Empty or missing names map to the neutral grey under the key ``""``.
    """
    distinct = sorted({str(n) for n in names if isinstance(n, str) and n.strip()}, key=str.casefold)
    colors = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(distinct)}
    colors[""] = NEUTRAL
    return colors


def _shorten(doc_id: str, width: int) -> str:
    """``doc_id`` in at most ``width`` characters, keeping its start and its end ("APW1999…0042")."""
    if len(doc_id) <= width:
        return doc_id
    head = (width - 1) // 2 + (width - 1) % 2
    return doc_id[:head] + "…" + doc_id[len(doc_id) - (width - 1 - head):]


def article_labels(corpus: pd.DataFrame, width: int = 16) -> pd.Series:
    """A short, unique label per article for chart axes: "Outlet · doc_id".

    A long doc_id keeps its start and its end, since files of one source often share a long
    prefix ("XIE19990313.0173", "XIE19990313.0229"); should two labels still be equal, they are
    numbered ("· 2"), so no two bars of a chart ever merge.
    """
    labels: dict = {}
    seen: dict[str, int] = {}
    for doc_id, outlet in corpus["outlet"].items():
        short = _shorten(str(doc_id), width)
        label = f"{outlet} · {short}" if isinstance(outlet, str) and outlet else short
        seen[label] = seen.get(label, 0) + 1
        labels[doc_id] = label if seen[label] == 1 else f"{label} · {seen[label]}"
    return pd.Series(labels, name="label", dtype=object)


def plain(text) -> str:
    """``text`` as matplotlib should draw it, letter for letter: a ``$`` is escaped, so a title quoting
    "$19.50 vs $2.50" shows the prices instead of typesetting the words between them as mathematics."""
    return str(text).replace("\\$", "$").replace("$", "\\$")


def new_figure(width: float = 8.0, height: float = 4.5, **kwargs):
    """A figure and axes in the house style: ``fig, ax = new_figure()``."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(width, height), **kwargs)
    return fig, ax


#: margins of the title block and the source line, in inches, whatever the figure's height
TITLE_INCHES = 0.5
SUBTITLE_INCHES = 0.75
SOURCE_INCHES = 0.3


def literal_labels(fig) -> None:
    """Draw every text now on ``fig`` letter for letter: tick labels, axis labels, legends and annotations
    come from article text and outlet names, where a ``$`` is a price, never mathematics (an outlet
    named "$ news $" stopped a chart with a mathtext ParseException; issue 16's fuzz test).
    ``finish`` calls it before adding the title and source line, which ``plain`` escapes instead."""
    ticks = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for which, formatter in (("major", axis.get_major_formatter()), ("minor", axis.get_minor_formatter())):
                labels = axis.get_ticklabels(minor=which == "minor")
                ticks.update(id(t) for t in labels)
                # labels a chart set from data (FixedFormatter) are literal; a numeric formatter's own
                # "$\\mathdefault{10^{2}}$" must stay mathematics
                if isinstance(formatter, FixedFormatter):
                    for label in labels:
                        label.set_parse_math(False)
    for text in fig.findobj(Text):
        if id(text) not in ticks:
            text.set_parse_math(False)


def finish(fig, title: str, source: str, subtitle: str | None = None) -> None:
    """Put the finding as the title and a source line at the foot of the figure.

    The margins are fixed in inches, so a tall chart (many articles) keeps its title close to the plot.
    """
    literal_labels(fig)  # (before the title, subtitle and source line, which ``plain`` escapes)
    height = fig.get_figheight()
    title, source = plain(title), plain(source)
    subtitle = plain(subtitle) if subtitle else subtitle
    fig.suptitle(title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=12, fontweight="bold")
    if subtitle:
        fig.text(0.01, 1 - 0.38 / height, subtitle, ha="left", va="top", fontsize=9, color="#444444")
    fig.text(0.01, 0.05 / height, f"Source: {source}", ha="left", va="bottom", fontsize=8, color="#555555",
             wrap=True)
    top = 1 - (SUBTITLE_INCHES if subtitle else TITLE_INCHES) / height
    fig.tight_layout(rect=(0, min(SOURCE_INCHES / height, 0.2), 1, max(top, 0.5)))


def save_figure(fig, name: str, data: pd.DataFrame, outdir: str | os.PathLike | None = None) -> dict[str, Path]:
    """Write NAME.png, NAME.svg and NAME.csv (the data plotted) to the figures folder.

    The same figure and data give byte-identical files: no software or date
    metadata in the PNG or SVG, a fixed SVG hash salt, a fixed CSV line ending.
    Returns the three paths. ``outdir`` defaults to ``paths.figures_dir()``.
    """
    if not name or any(c in name for c in "/\\") or name.startswith("."):
        raise ValueError(f"figure name {name!r} must be a plain file stem")
    out = Path(outdir) if outdir is not None else paths.figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    files = {ext: out / f"{name}.{ext}" for ext in ("png", "svg", "csv")}
    with plt.rc_context(STYLE):
        fig.savefig(files["png"], format="png", metadata={"Software": None})
        fig.savefig(files["svg"], format="svg", metadata={"Date": None, "Creator": None})
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    csv_safe(frame).to_csv(files["csv"], index=False, lineterminator="\n")
    problems = label_problems(fig)
    if problems:
        warnings.warn(ChartWarning(f"{name}: {'; '.join(problems[:5])}"), stacklevel=2)
    return files


class ChartWarning(UserWarning):
    """A saved chart whose tick labels overlap or run off the figure: it would mislead or hide a label."""


def _tick_labels(ax):
    """Per axis, the tick labels matplotlib draws: visible, not empty, inside the view limits."""
    for axis, labels, limits, coord in (
            ("x", ax.get_xticklabels() + ax.get_xticklabels(minor=True), ax.get_xlim(), 0),
            ("y", ax.get_yticklabels() + ax.get_yticklabels(minor=True), ax.get_ylim(), 1)):
        low, high = min(limits), max(limits)
        yield axis, [t for t in labels if t.get_visible() and t.get_text().strip()
                     and low - 1e-9 * abs(high - low) <= t.get_position()[coord] <= high + 1e-9 * abs(high - low)]


def label_problems(fig) -> list[str]:
    """What is wrong with the tick labels of a drawn figure, in words ([] if nothing).

    Two labels of one axis whose boxes overlap ("'3×10⁵' overlaps '4×10⁵'"), and labels that
    stick out of the figure ("'doc APW19990410.…' is cut at the left edge"). Measured with
    matplotlib's text extents, so call it after the figure was drawn (``save_figure`` does).
    """
    renderer = fig.canvas.get_renderer() if hasattr(fig.canvas, "get_renderer") else fig._get_renderer()
    frame = fig.bbox
    problems = []
    for ax in fig.axes:
        if not ax.axison:
            continue
        for axis, labels in _tick_labels(ax):
            if not (ax.xaxis if axis == "x" else ax.yaxis).get_visible():
                continue
            rects = [_text_rect(t, renderer) for t in labels]
            for i, (t, rect) in enumerate(zip(labels, rects, strict=True)):
                problems += [f"{t.get_text()!r} overlaps {o.get_text()!r}"
                             for o, other in zip(labels[i + 1:], rects[i + 1:], strict=True) if _rects_overlap(rect, other)]
                problems += [f"{t.get_text()!r} is cut at the {edge} edge" for edge in _cut_edges(rect[0], frame)]
    return problems


def _text_rect(text, renderer):
    """A label's drawn box, its centre, its length and height along its own direction, its angle."""
    box = text.get_window_extent(renderer)
    angle = np.deg2rad(text.get_rotation() % 180)
    height = renderer.points_to_pixels(text.get_fontsize())
    sin, cos = abs(np.sin(angle)), abs(np.cos(angle))
    if sin < 0.05:
        length, height = box.width, box.height
    elif cos < 0.05:
        length, height = box.height, box.width
    else:  # the box of a rotated rectangle: height = length * sin + glyph height * cos
        length = max((box.height - height * cos) / sin, 0.0)
    centre = np.array([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2])
    return box, centre, length, height, angle


def _rects_overlap(a, b) -> bool:
    """Do two labels' rectangles overlap (the same angle: separating-axis test along and across the text)."""
    box_a, centre_a, length_a, height_a, angle = a
    _, centre_b, length_b, height_b, angle_b = b
    if abs(angle - angle_b) > 1e-6:
        return box_a.overlaps(b[0])
    along = np.array([np.cos(angle), np.sin(angle)])
    across = np.array([-np.sin(angle), np.cos(angle)])
    delta = centre_b - centre_a
    return (abs(delta @ along) < (length_a + length_b) / 2 - 0.5
            and abs(delta @ across) < (height_a + height_b) / 2 - 0.5)


def _cut_edges(box, frame, tolerance: float = 1.0) -> list[str]:
    edges = [("left", box.x0 < frame.x0 - tolerance), ("right", box.x1 > frame.x1 + tolerance),
             ("bottom", box.y0 < frame.y0 - tolerance), ("top", box.y1 > frame.y1 + tolerance)]
    return [name for name, cut in edges if cut]


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value):
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START):
        value = "'" + value
    # a bare carriage return is not quoted by the CSV writer (its line end is "\n") and would split
    # the row in a reader: as a line break it is quoted
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names cannot run as spreadsheet formulas.

    Article titles and outlet names come from arbitrary pages and end up in the CSVs the report
    offers for download; a text cell starting with = + - @, a tab or a carriage return gets a
    leading apostrophe (OWASP's rule), which spreadsheets show as text; a carriage return in a
    cell becomes a line break. Numbers are left as they are (a negative number is not text).
    Same columns as ``frame``.
    """
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_object_dtype(out[col]) or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_inert)
    out.columns = [_inert(c) for c in out.columns]
    return out
