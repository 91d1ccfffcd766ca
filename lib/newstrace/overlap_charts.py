"""Charts of notebook 02: which articles tell the same story, how much they share, who re-reports whom.

- ``similarity_chart(corpus, sim_word, sim_char, family, source)``: word and character similarity
  heatmaps with story families outlined; up to ``HEATMAP_MAX`` articles every article, above it the
  articles of the largest families only (the title says "top 5 of 212 families").
- ``family_size_chart(corpus, family, source)``: the families told more than once, by size (the view of
  a corpus too large for one heatmap).
- ``coverage_chart(corpus, pair_table, family, source)``: the share of each article's sentences found
  in a sibling of its family.
- ``derivation_chart(corpus, graph, family, source)``: the derivation graph, one band per family.
Each returns ``(fig, data, title)``: the figure (``None`` when there is nothing to draw, and the title
then says why in words), the DataFrame it plots (for ``charts.save_figure``) and the finding its title
states.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from . import charts, overlap

#: rows of a bar chart or of the derivation graph drawn in one chart; a larger corpus shows the largest
MAX_ROWS = 40
#: articles drawn as one heatmap: at 0.16 inch a row, 40 labels still read at 7 points; a larger corpus
#: gets the family-size chart and the heatmap of its largest families
HEATMAP_MAX = 40
#: up to this many articles each cell of the heatmap also shows its value (two digits fit a cell)
ANNOTATE_MAX = 20
#: the largest figure drawn, in inches (a page of the report, or a screen, at 120 dpi)
MAX_WIDTH, MAX_HEIGHT = 18.0, 16.0
#: characters of a title kept as a family's label in the family-size chart
TITLE_CHARS = 48

NO_STORY = "No two articles tell the same story"


def _fits(width: float, height: float) -> tuple[float, float]:
    return min(width, MAX_WIDTH), min(height, MAX_HEIGHT)


# --------------------------------------------------------------------------- families


def family_sizes(corpus: pd.DataFrame, family: pd.Series) -> pd.DataFrame:
    """One row per story family, largest first; columns family, size, outlets, first_doc, title."""
    rows = []
    for fam, members in family.groupby(family, sort=False):
        docs = list(members.index)
        outlets = sorted({str(o) for o in corpus.loc[docs, "outlet"] if isinstance(o, str) and o})
        title = next((str(t) for t in corpus.loc[docs, "title"] if isinstance(t, str) and t.strip()), "")
        rows.append({"family": fam, "size": len(docs), "outlets": ", ".join(outlets), "first_doc": docs[0],
                     "title": title})
    out = pd.DataFrame(rows, columns=["family", "size", "outlets", "first_doc", "title"])
    order = out.family.str.lstrip("F").astype(int) if len(out) else out.family
    return out.assign(_o=order).sort_values(["size", "_o"], ascending=[False, True]).drop(columns="_o").reset_index(
        drop=True)


def _family_label(row) -> str:
    title = textwrap.shorten(row.title, TITLE_CHARS, placeholder=" …") if row.title else str(row.first_doc)
    return f"{row.family} · {title}"


def family_size_chart(corpus: pd.DataFrame, family: pd.Series, source: str):
    """Bars of the families told by more than one article, largest first, at most ``MAX_ROWS``;
    returns (fig, data, title), data = ``family_sizes`` of every family (fig None when no family has two
    articles)."""
    sizes = family_sizes(corpus, family)
    multi = sizes[sizes["size"] > 1]
    alone = int((sizes["size"] == 1).sum())
    if multi.empty:
        return None, sizes, f"{NO_STORY}: each of the {len(corpus)} articles is a family of its own"
    shown = multi.head(MAX_ROWS)
    fig, ax = charts.new_figure(*_fits(10, 2.2 + 0.3 * len(shown)))
    y = np.arange(len(shown))
    ax.barh(y, shown["size"], color=charts.PALETTE[0], height=0.6)
    ax.set_yticks(y, [_family_label(r) for r in shown.itertuples()], fontsize=8)
    ax.invert_yaxis()
    for yy, n in zip(y, shown["size"], strict=True):
        ax.text(n, yy, f" {n}", va="center", fontsize=8)
    ax.set_xlim(0, shown["size"].max() * 1.12)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("articles in the family")
    top = shown.iloc[0]
    title = (f"{len(multi)} of {len(sizes)} story families are told more than once; "
             f"the largest by {top['size']} articles")
    subtitle = f"{alone} article(s) stand alone (not drawn)"
    if len(shown) < len(multi):
        subtitle = f"showing the top {len(shown)} of {len(multi)} families told more than once; " + subtitle
    charts.finish(fig, title, source, subtitle=subtitle)
    return fig, sizes, title


# --------------------------------------------------------------------------- similarity heatmaps


def _central(members: list, sim: pd.DataFrame, keep: int) -> list:
    """The ``keep`` members most similar, on average, to the rest of their family."""
    if len(members) <= keep:
        return members
    mean = sim.loc[members, members].mean(axis=1)
    return list(mean.sort_values(ascending=False, kind="stable").index[:keep])


def heatmap_articles(sim: pd.DataFrame, family: pd.Series, max_articles: int = HEATMAP_MAX) -> tuple[list, list]:
    """The articles a heatmap draws, in display order, and the families they belong to.

    Up to ``max_articles`` articles: all, ordered by clustering. More: the largest families told more
    than once, whole, until the next would pass the cap (the largest family alone is cut to its most
    central ``max_articles`` members), each family ordered by clustering.
    """
    if len(sim) <= max_articles:
        order = overlap.cluster_order(sim)
        return order, sorted(set(family[order]), key=lambda f: int(f.lstrip("F")))
    sizes = family.value_counts()
    ranked = sorted(sizes.index, key=lambda f: (-sizes[f], int(f.lstrip("F"))))
    order, fams = [], []
    for f in ranked:
        members = list(family[family == f].index)
        if len(members) < 2 or len(order) + len(members) > max_articles:
            if not order and len(members) >= 2:
                members = _central(members, sim, max_articles)
            else:
                break
        order += overlap.cluster_order(sim.loc[members, members])
        fams.append(f)
    return order, fams


def _outline_families(ax, order: list, family: pd.Series) -> None:
    pos = {d: k for k, d in enumerate(order)}
    for _, members in family[order].groupby(family[order]):
        idx = sorted(pos[d] for d in members.index)
        if len(idx) > 1 and idx[-1] - idx[0] + 1 == len(idx):
            ax.add_patch(plt.Rectangle((idx[0] - 0.5, idx[0] - 0.5), len(idx), len(idx), fill=False,
                                       edgecolor=charts.ACCENT, lw=1.5))


def _heatmap(ax, m: np.ndarray, labels: list, name: str, show_y: bool):
    im = ax.imshow(m, cmap="Blues", vmin=0, vmax=1)
    ticks = range(len(labels))
    ax.set_xticks(ticks, labels, rotation=90, fontsize=7)   # upright: its box is the text, so overlap is checkable
    ax.set_yticks(ticks, labels if show_y else [], fontsize=7)
    if len(labels) <= ANNOTATE_MAX:
        for i in range(len(labels)):
            for j in range(len(labels)):
                if i != j:
                    ax.text(j, i, f"{m[i, j]:.2f}", ha="center", va="center", fontsize=6 if len(labels) > 10 else 7,
                            color="white" if m[i, j] > 0.6 else "black")
    ax.set_title(name, fontsize=10)
    return im


def similarity_long(sim_word: pd.DataFrame, sim_char: pd.DataFrame, order: list) -> pd.DataFrame:
    """The cells drawn, one row per ordered pair; columns doc_a, doc_b, word, char."""
    def stacked(sim, name):
        return sim.loc[order, order].rename_axis(index="doc_a", columns="doc_b").stack().rename(name)
    return pd.concat([stacked(sim_word, "word"), stacked(sim_char, "char")], axis=1).round(4).reset_index()


def _similarity_title(corpus: pd.DataFrame, family: pd.Series, fams: list, order: list) -> tuple[str, str | None]:
    n_fam = family.nunique()
    n_multi = int((family.value_counts() > 1).sum())
    title = f"{len(corpus)} articles form {n_fam} story families, {n_multi} of them told more than once"
    if not n_multi:
        title = f"{NO_STORY}: {len(corpus)} articles, {n_fam} families of one"
    if len(order) == len(corpus):
        return title, None
    cut = len(fams) == 1 and len(order) < int((family == fams[0]).sum())
    subtitle = (f"the top {len(fams)} of {n_fam} families: {len(order)} of {len(corpus)} articles"
                + (f" (the {len(order)} most central of family {fams[0]})" if cut else ""))
    return f"{title}; top {len(fams)} of {n_fam} families drawn", subtitle


def similarity_chart(corpus: pd.DataFrame, sim_word: pd.DataFrame, sim_char: pd.DataFrame, family: pd.Series,
                     source: str):
    """Word and character similarity heatmaps, families outlined; returns (fig, data, title), data =
    ``similarity_long`` of the cells drawn. One article: no figure. More than ``HEATMAP_MAX``: the
    largest families (``heatmap_articles``) and the title says "top N of M families"."""
    if len(corpus) < 2:
        return None, similarity_long(sim_word, sim_char, list(corpus.index)), (
            "One article: there is no other article to compare it with")
    order, fams = heatmap_articles(sim_word, family)
    if not fams or (len(order) < len(corpus) and len(order) < 2):
        order = overlap.cluster_order(sim_word)[:HEATMAP_MAX]
    labels = list(charts.article_labels(corpus).loc[order])
    side = max(5.0, 0.16 * len(order) + 2.6)
    fig, axes = charts.new_figure(*_fits(2 * side + 1.0, side + 0.6), ncols=2)
    for ax, sim, name in zip(axes, (sim_word, sim_char), ("word stems", "character 3-5-grams"), strict=True):
        im = _heatmap(ax, sim.loc[order, order].to_numpy(), labels, name, show_y=ax is axes[0])
        _outline_families(ax, order, family)
    title, subtitle = _similarity_title(corpus, family, fams, order)
    charts.finish(fig, title, source, subtitle=subtitle)
    height = fig.get_figheight()
    top = 1 - (charts.SUBTITLE_INCHES if subtitle else charts.TITLE_INCHES) / height
    fig.tight_layout(rect=(0, min(charts.SOURCE_INCHES / height, 0.2), 0.9, max(top, 0.5)))  # room for the colour bar
    cax = fig.add_axes((0.92, 0.3, 0.012, 0.5))
    fig.colorbar(im, cax=cax, label="cosine similarity")
    return fig, similarity_long(sim_word, sim_char, order), title


# --------------------------------------------------------------------------- coverage


def coverage_table(corpus: pd.DataFrame, pair_table: pd.DataFrame, family: pd.Series) -> pd.DataFrame:
    """Each article of each within-family pair with the share of its sentences found in the other;
    columns family, doc_id, other, article, other_article, coverage (empty when no family has two articles)."""
    labels = charts.article_labels(corpus)
    cols = ["family", "doc_id", "other", "article", "other_article", "coverage"]
    same = pair_table[np.array([family.get(a) == family.get(b) for a, b in
                                zip(pair_table["doc_a"], pair_table["doc_b"], strict=True)], dtype=bool)]
    rows = []
    for r in same.itertuples():
        rows.append((family[r.doc_a], r.doc_a, r.doc_b, labels[r.doc_a], labels[r.doc_b], r.coverage_a))
        rows.append((family[r.doc_a], r.doc_b, r.doc_a, labels[r.doc_b], labels[r.doc_a], r.coverage_b))
    out = pd.DataFrame(rows, columns=cols)
    out["_o"] = out.family.str.lstrip("F").astype(int) if len(out) else 0
    return out.sort_values(["_o", "coverage"], ascending=[True, False], kind="stable").drop(columns="_o").reset_index(
        drop=True)


def _coverage_title(top: float) -> str:
    if top >= overlap.REREPORT_COVERAGE:
        kind = "at least one re-report copies its source almost whole"
    elif top >= overlap.SHARED_PASSAGE_COVERAGE:
        kind = "re-reports share passages but paraphrase"
    else:
        kind = "articles of one story share few sentences: independent reports or paraphrase"
    return f"At most {top:.0%} of an article's sentences reappear in a sibling: {kind}"


def coverage_chart(corpus: pd.DataFrame, pair_table: pd.DataFrame, family: pd.Series, source: str):
    """Bars of ``coverage_table``, at most ``MAX_ROWS`` (the highest coverages); returns (fig, data, title)
    with every row in data (fig None when no two articles share a family)."""
    cov = coverage_table(corpus, pair_table, family)
    if cov.empty:
        return None, cov, f"{NO_STORY}: no family holds two articles whose sentences could be compared"
    shown = cov.loc[sorted(cov.coverage.sort_values(ascending=False, kind="stable").index[:MAX_ROWS])]
    fig, ax = charts.new_figure(*_fits(10, 2.2 + 0.3 * len(shown)))
    colors = charts.outlet_colors(corpus["outlet"])
    y = np.arange(len(shown))
    ax.barh(y, shown.coverage, height=0.6,
            color=[colors.get(corpus.at[d, "outlet"] or "", charts.NEUTRAL) for d in shown.doc_id])
    ax.set_yticks(y, [f"{r.family}: {r.article}  in  {r.other_article}" for r in shown.itertuples()], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.08)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.set_xlabel("share of the article's sentences with a counterpart in the other article")
    for yy, v in zip(y, shown.coverage, strict=True):
        ax.text(v + 0.01, yy, f"{v:.0%}", va="center", fontsize=8)
    title = _coverage_title(float(cov.coverage.max()))
    subtitle = (f"showing the {len(shown)} of {len(cov)} article-in-sibling shares that are highest"
                if len(shown) < len(cov) else None)
    charts.finish(fig, title, source, subtitle=subtitle)
    return fig, cov, title


# --------------------------------------------------------------------------- derivation graph

#: horizontal distance between two derivation depths, in data units (a label of ~35 characters fits)
DEPTH_STEP = 3.0


def derivation_depth(g: nx.DiGraph) -> dict:
    """Derivation depth of every node: 0 for an original or a cited source, else 1 + its deepest source."""
    try:
        topo = list(nx.topological_sort(g))
    except nx.NetworkXUnfeasible:
        topo = list(g)
    depth: dict = {}
    for n in topo:
        depth[n] = max((depth.get(p, 0) + 1 for p in g.predecessors(n)), default=0)
    return depth


def _bands(g: nx.DiGraph, family: pd.Series) -> dict:
    """Family band of every linked node; a cited source sits in the band of the first family citing it."""
    shown = [n for n in g if g.degree(n) > 0]
    band = {n: family[n] for n in shown if n in family.index}
    for n in shown:
        if n not in band:
            band[n] = min((family[s] for s in g.successors(n)), key=lambda f: (len(f), f))
    return band


def derivation_layout(g: nx.DiGraph, family: pd.Series, max_rows: int = MAX_ROWS) -> tuple[dict, list, int]:
    """Node positions: x = depth, one horizontal band per family, families in label order until
    ``max_rows`` rows are used; returns (positions, families drawn, number of families linked)."""
    depth = derivation_depth(g)
    band = _bands(g, family)
    fams = sorted(set(band.values()), key=lambda f: (len(f), f))
    pos, row, drawn = {}, 0.0, []
    for f in fams:
        members = sorted((n for n in band if band[n] == f), key=str)
        levels = [[n for n in members if depth[n] == d] for d in sorted({depth[n] for n in members})]
        height = max(len(level) for level in levels)
        if drawn and row + height > max_rows:
            break
        for level in levels:
            for k, n in enumerate(level):
                pos[n] = (depth[n] * DEPTH_STEP, -(row + k))
        drawn.append(f)
        row += height + 0.7
    return pos, drawn, len(fams)


def derivation_chart(corpus: pd.DataFrame, g: nx.DiGraph, family: pd.Series, source: str):
    """The derivation graph drawn from source (left) to re-report (right), one band per family, at most
    ``MAX_ROWS`` rows; returns (fig, data, title), data = ``overlap.derivation_table`` (fig None without links)."""
    edges = overlap.derivation_table(g)
    cited = [n for n in g if g.nodes[n]["kind"] == "cited"]
    n_rereports = int((edges.relation == "re-reports").sum())
    title = (f"{g.number_of_edges()} derivation links: {len(cited)} cited originals outside the corpus, "
             f"{n_rereports} article-to-article re-reports")
    if not g.number_of_edges():
        return None, edges, "No derivation link: no article cites a source or re-reports another article"
    pos, drawn, n_fams = derivation_layout(g, family)
    labels = charts.article_labels(corpus)
    rows = -min(y for _, y in pos.values()) + 1
    max_x = max(x for x, _ in pos.values())
    fig, ax = charts.new_figure(*_fits(max(11.0, 2.6 * (max_x / DEPTH_STEP + 1) + 1), max(4.0, 0.42 * rows + 1.8)))
    sub = g.subgraph(pos)
    arts = [n for n in sub if g.nodes[n]["kind"] == "article"]
    colors = charts.outlet_colors(corpus["outlet"])
    nx.draw_networkx_nodes(sub, pos, nodelist=arts, ax=ax, node_size=220,
                           node_color=[colors.get(g.nodes[n]["outlet"], charts.NEUTRAL) for n in arts])
    nx.draw_networkx_nodes(sub, pos, nodelist=[n for n in sub if n not in arts], ax=ax, node_size=300,
                           node_shape="s", node_color=charts.NEUTRAL)
    for rel, style in (("cites", "solid"), ("re-reports", "dashed")):
        el = [(a, b) for a, b, d in sub.edges(data=True) if d["relation"] == rel]
        nx.draw_networkx_edges(sub, pos, edgelist=el, ax=ax, style=style, arrows=True, arrowsize=10, node_size=300,
                               edge_color="#444444", connectionstyle="arc3,rad=0.08")
    for n, (x, y) in pos.items():
        text = f"{labels[n]}  [{family[n]}]" if n in corpus.index else str(n)
        ax.text(x + 0.15, y + 0.22, text, ha="left", va="bottom", fontsize=7,
                fontweight="normal" if n in corpus.index else "bold")
    ax.set_xlim(-0.5, max_x + DEPTH_STEP * 0.93)
    ax.set_ylim(min(y for _, y in pos.values()) - 0.6, 0.9)
    ax.set_axis_off()
    unlinked = sum(1 for n in g if g.degree(n) == 0)
    subtitle = "solid: attributed (cites), dashed: inferred re-report"
    if len(drawn) < n_fams:
        subtitle += f"; showing the top {len(drawn)} of {n_fams} families with a link"
    subtitle += f"; {unlinked} unlinked article(s) not drawn"
    charts.finish(fig, title, source, subtitle=subtitle)
    return fig, edges, title
