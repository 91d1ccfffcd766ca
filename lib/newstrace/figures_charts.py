"""Charts of reported figures for notebook 04, in the house style of ``newstrace.charts``.

- ``claim_chart(claims_table, corpus, title, source)``: every variant of every claim as a dot
  (point value) or a bar (range, vague quantity), hedges drawn as arrows ("at least" points
  right, "up to" points left) or a ±10% whisker ("about"), on a log scale, one colour per outlet.
- ``quantity_chart(figures, corpus, quantity, title, source)``: the same for every figure of one
  quantity (area, length, ...), whether or not another article repeats it.
- ``attribution_chart(figures, corpus, title, source)``: per outlet, how many figures carry a
  source and a hedge.

Each returns ``(fig, data)``: the figure and the table it plots (for ``charts.save_figure``).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from . import charts
from .figures import interval
from .figures_lexicon import VAGUE


def doc_label(doc_id: str, corpus: pd.DataFrame) -> str:
    """The outlet of a document; when unknown, its id and the outlet it cites ("doc 003, citing X")."""
    outlet, cites = "", []
    if doc_id in corpus.index:
        if "outlet" in corpus.columns:
            outlet = corpus.at[doc_id, "outlet"] or ""
        if "cites" in corpus.columns and isinstance(corpus.at[doc_id, "cites"], list | tuple):
            cites = list(corpus.at[doc_id, "cites"])
    if outlet:
        return outlet
    short = doc_id.split("_")[0] if "_" in doc_id else doc_id[:12]
    return f"doc {short}, citing {cites[0]}" if cites else f"doc {short}"


def _draw_variant(ax, y, row, color):
    """One figure on axis ``ax`` at height ``y``: dot, range bar, hedge arrow or whisker."""
    value, low, high, hedge = row["value"], row["low"], row["high"], row["hedge"]
    if not pd.isna(value):
        ax.plot([value], [y], "o", color=color, ms=7, zorder=3)
        lo, hi = interval(row)
        if hedge == "approx":
            ax.plot([lo, hi], [y, y], "-", color=color, lw=1.5, zorder=2)
            ax.plot([lo, lo], [y - 0.12, y + 0.12], "-", color=color, lw=1.5)
            ax.plot([hi, hi], [y - 0.12, y + 0.12], "-", color=color, lw=1.5)
        elif hedge in ("over", "under"):
            end = value * (3.0 if hedge == "over" else 1 / 3.0)
            ax.annotate("", xy=(end, y), xytext=(value, y),
                        arrowprops={"arrowstyle": "-|>", "color": color, "lw": 1.8})
    else:
        ax.plot([low, high], [y, y], "-", color=color, lw=6, alpha=0.55 if row["vague"] else 0.9,
                solid_capstyle="butt", zorder=2)
        if hedge in ("over", "under"):
            base = high if hedge == "over" else low
            end = base * (3.0 if hedge == "over" else 1 / 3.0)
            ax.annotate("", xy=(end, y), xytext=(base, y), arrowprops={"arrowstyle": "-|>", "color": color})


def _variant_text(row) -> str:
    who = f" — {row['source']}" if row["source"] else " — no source"
    return f"“{row['surface']}”{who}"


def _finish_axes(ax, values, xlabel):
    finite = [v for v in values if v is not None and not pd.isna(v) and math.isfinite(v) and v > 0]
    if finite:
        lo, hi = min(finite), max(finite)
        ax.set_xscale("log")
        ax.set_xlim(lo / 4, hi * 4)
    ax.set_xlabel(xlabel)
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)


_UNIT_NAMES = {"": "counts", "%": "percent", "km2": "km²", "km": "km", "fraction": "fraction"}


def claim_chart(cl: pd.DataFrame, corpus: pd.DataFrame, title: str, source: str):
    """Dot-and-range chart of every claim's variants, one log-scale panel per unit; disagreements marked."""
    colors = charts.outlet_colors(doc_label(d, corpus) for d in corpus.index)
    units = sorted(cl["unit"].unique(), key=lambda u: (u != "", u))
    panels, rows = [], []
    for unit in units:
        sub = cl[cl["unit"] == unit]
        items, y = [], 0.0
        for cid, g in sub.groupby("claim_id", sort=True):
            subject = next((s for s in g["subject"] if s), "") or g["quantity"].iloc[0]
            bad = bool(g["disagree"].iloc[0])
            items.append(("claim", y, f"Claim {cid}: {subject}" + ("  ≠ values disagree" if bad else ""), bad))
            y += 0.8
            for _, r in g.iterrows():
                label = doc_label(r["doc_id"], corpus)
                rows.append({**r.to_dict(), "label": label, "panel": unit})
                items.append(("variant", y, rows[-1], False))
                y += 1.0
            y += 0.4
        panels.append((unit, items, y))
    heights = [max(p[2], 1.5) for p in panels]
    fig, axes = charts.new_figure(10, 0.42 * sum(heights) + 1.0 * len(panels) + 1.4, nrows=len(panels),
                                  gridspec_kw={"height_ratios": heights}, squeeze=False)
    for ax, (unit, items, y_end) in zip(axes[:, 0], panels, strict=True):
        values, ticks, labels = [], [], []
        for kind, y, item, bad in items:
            if kind == "claim":
                ax.text(0.0, y, item, transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=9,
                        fontweight="bold", color=charts.ACCENT if bad else "#222222")
                continue
            _draw_variant(ax, y, item, colors.get(item["label"], charts.NEUTRAL))
            values += [item["value"], item["low"], item["high"]]
            ticks.append(y)
            labels.append(f"{item['label']}: {_variant_text(item)}")
        ax.set_yticks(ticks)
        ax.set_yticklabels(labels, fontsize=8)
        ax.set_ylim(y_end, -1.0)
        _finish_axes(ax, values, f"{_UNIT_NAMES.get(unit, unit)} (log scale)")
    low, high = VAGUE["thousands"]
    charts.finish(fig, title, source, subtitle="dot = stated value · bar = range or vague quantity "
                  f"(“thousands” = {low:,}–{high:,}) · arrow = “at least” / “up to” · whisker = “about” (±10%)")
    data = pd.DataFrame(rows)
    keep = ["claim_id", "doc_id", "label", "surface", "value", "low", "high", "unit", "hedge", "vague", "subject",
            "source", "lo", "hi", "disagree"]
    return fig, (data[keep] if len(data) else pd.DataFrame(columns=keep))


def quantity_chart(figs: pd.DataFrame, corpus: pd.DataFrame, quantity: str, title: str, source: str):
    """Every figure of one ``quantity`` (e.g. area) by article, with ranges and hedges drawn."""
    colors = charts.outlet_colors(doc_label(d, corpus) for d in corpus.index)
    sub = figs[figs["quantity"] == quantity].reset_index(drop=True)
    fig, ax = charts.new_figure(10, max(2.6, 0.55 * len(sub) + 1.8))
    values, labels = [], []
    for i, r in sub.iterrows():
        label = doc_label(r["doc_id"], corpus)
        _draw_variant(ax, i, r, colors.get(label, charts.NEUTRAL))
        values += [r["value"], r["low"], r["high"]]
        labels.append(f"{label}: {_variant_text(r)}")
    ax.set_yticks(range(len(sub)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_ylim(len(sub) - 0.5, -0.5)
    unit = sub["unit"].iloc[0] if len(sub) else ""
    _finish_axes(ax, values, f"{quantity}, {_UNIT_NAMES.get(unit, unit)} (log scale; converted with pint)")
    charts.finish(fig, title, source)
    sub = sub.assign(label=[doc_label(d, corpus) for d in sub["doc_id"]])
    return fig, sub[["doc_id", "label", "surface", "value", "low", "high", "unit", "hedge", "subject", "source"]]


def attribution_chart(figs: pd.DataFrame, corpus: pd.DataFrame, title: str, source: str):
    """Per outlet: figures with a named source vs without, and how many are hedged."""
    table = figs.assign(label=[doc_label(d, corpus) for d in figs["doc_id"]],
                        sourced=figs["source"].ne(""), hedged=figs["hedge"].ne("") | figs["vague"])
    agg = table.groupby("label").agg(figures=("surface", "size"), sourced=("sourced", "sum"),
                                     hedged=("hedged", "sum")).sort_values("figures")
    agg["unsourced"] = agg["figures"] - agg["sourced"]
    fig, ax = charts.new_figure(9, max(2.6, 0.6 * len(agg) + 1.6))
    ypos = np.arange(len(agg))
    ax.barh(ypos, agg["sourced"], color=charts.PALETTE[0], label="attributed to a source")
    ax.barh(ypos, agg["unsourced"], left=agg["sourced"], color=charts.NEUTRAL, label="no source in the sentence")
    ax.scatter(agg["hedged"], ypos, marker="|", s=300, color=charts.ACCENT, zorder=3,
               label="how many are hedged or vague")
    ax.set_yticks(ypos)
    ax.set_yticklabels(agg.index)
    ax.set_xlabel("reported figures in the article(s)")
    ax.legend(loc="lower right", fontsize=8)
    charts.finish(fig, title, source)
    return fig, agg.reset_index()
