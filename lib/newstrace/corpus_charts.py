"""Charts of notebook 01: who cites whom, and how much of each page was article.

- ``cites_chart(corpus, source)``: each article (coloured by its outlet) linked to the originals it
  attributes its story to.
- ``chrome_chart(corpus, source)``: words kept as body, moved to the headline and removed as site chrome,
  per article.
Both return ``(fig, data, title)``: the figure, the DataFrame it plots (for ``charts.save_figure``) and the
finding its title states.
"""

from __future__ import annotations

import pandas as pd

from . import charts
from .text import count_words

#: rows of articles drawn in one chart; a larger corpus shows the articles with the most to say
MAX_ROWS = 40
#: beyond this many citing articles (or cited originals) lines from articles to originals cross too
#: often to follow (seen at 34 and 300 real TimeML/Zyte articles): the chart counts articles per original
MAX_LINKED = 20


def cite_links(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per (article, cited original); columns doc_id, article, outlet, cites."""
    labels = charts.article_labels(corpus)
    rows = [(doc_id, labels[doc_id], corpus.outlet[doc_id], cited)
            for doc_id, cites in corpus.cites.items() for cited in cites]
    return pd.DataFrame(rows, columns=["doc_id", "article", "outlet", "cites"])


def _cites_title(links: pd.DataFrame, n: int) -> str:
    top = links.cites.value_counts()
    if not len(top):
        return "No article names the original it re-reports"
    title = f"{top.iloc[0]} of {n} articles attribute the story to {top.index[0]}"
    if len(top) > 1:
        title += f"; {top.iloc[1]} to {top.index[1]}"
    return title


def _shown_articles(corpus: pd.DataFrame) -> pd.Index:
    """The articles drawn: those that cite an original (all of them when none does), at most
    ``MAX_ROWS``, those that cite most first, in corpus order."""
    n_cites = corpus.cites.map(len)
    citing = [i for i in range(len(corpus)) if n_cites.iloc[i]] or list(range(len(corpus)))
    order = sorted(citing, key=lambda i: (-n_cites.iloc[i], i))[:MAX_ROWS]
    return corpus.index[sorted(order)]


def _spread(names, rows: int) -> dict:
    """y positions for ``names`` over ``rows`` rows (0 .. rows - 1): one a row, or spread evenly when fewer."""
    n = len(names)
    if n >= rows:
        return {name: i for i, name in enumerate(names)}
    return {name: rows * (i + 0.5) / n - 0.5 for i, name in enumerate(names)}


def cites_chart(corpus: pd.DataFrame, source: str):
    """Who cites whom; returns (fig, data, title), data the links of ``cite_links``.

    Up to ``MAX_LINKED`` citing articles and originals: articles on the left, linked to the cited
    originals on the right. More: a bar per cited original, the number of articles citing it.
    """
    links = cite_links(corpus)
    n_citing, n_originals = links.doc_id.nunique(), links.cites.nunique()
    if n_citing > MAX_LINKED or n_originals > MAX_LINKED:
        return originals_chart(corpus, links, source)
    shown = _shown_articles(corpus)
    drawn = links[links.doc_id.isin(shown)]
    originals = sorted(drawn.cites.unique()) if len(drawn) else []
    colors = charts.outlet_colors(corpus.outlet)
    labels = charts.article_labels(corpus)
    fig, ax = charts.new_figure(9, 1.4 + 0.32 * max(len(shown), len(originals), 1))
    rows = max(len(shown), len(originals), 1)
    ys_art = _spread(shown[::-1], rows)
    ys_src = _spread(originals[::-1], rows)
    for row in drawn.itertuples():
        ax.plot([0.05, 0.95], [ys_art[row.doc_id], ys_src[row.cites]], color=colors[row.outlet or ""],
                lw=2, alpha=0.8)
    for d, y in ys_art.items():
        color = colors[corpus.outlet[d] or ""]
        ax.text(0.03, y, labels[d], ha="right", va="center", fontsize=8, color=color)
        ax.plot(0.05, y, "o", color=color, ms=6)
    for o, y in ys_src.items():
        n = int((links.cites == o).sum())
        ax.text(0.97, y, f"{o} ({n})", ha="left", va="center", fontsize=9, fontweight="bold")
        ax.plot(0.95, y, "s", color="#333333", ms=7)
    ax.set_xlim(-1.1, 1.7)
    ax.set_ylim(-0.8, rows - 0.2)
    ax.axis("off")
    title = _cites_title(links, len(corpus))
    subtitle = "article (publishing outlet · file)  →  cited original (number of articles)"
    if len(shown) < len(corpus):
        subtitle += f"; showing the {len(shown)} of {len(corpus)} articles " + (
            "that cite most" if len(shown) == MAX_ROWS else "that cite an original")
    charts.finish(fig, title, source, subtitle=subtitle)
    return fig, links, title


def originals_chart(corpus: pd.DataFrame, links: pd.DataFrame, source: str):
    """The cited originals by the number of articles that cite them, the most cited first (at most
    ``MAX_ROWS``, the subtitle says how many are left out); returns (fig, links, title)."""
    counts = links.drop_duplicates(["doc_id", "cites"]).cites.value_counts()
    counts = counts.rename_axis("cites").reset_index(name="n").sort_values(["n", "cites"], ascending=[False, True])
    shown = counts.head(MAX_ROWS).iloc[::-1]
    fig, ax = charts.new_figure(9, 1.6 + 0.3 * max(len(shown), 1))
    ax.barh([charts.plain(c) for c in shown.cites], shown.n, color=charts.PALETTE[0])
    for y, n in enumerate(shown.n):
        ax.text(n + counts.n.max() * 0.01, y, f"{n}", va="center", fontsize=8, color="#444444")
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("articles citing it")
    ax.set_xlim(0, counts.n.max() * 1.12)
    ax.set_ylim(-0.6, len(shown) - 0.4)
    top = counts.iloc[0]
    n_citing = links.doc_id.nunique()
    title = (f"The most cited original is {top.cites}, named by {top.n} of {len(corpus)} articles; "
             f"{n_citing} articles name {len(counts)} originals")
    subtitle = "cited original (the outlet an article attributes its story to), by number of articles"
    if len(shown) < len(counts):
        subtitle += f"; showing the {len(shown)} of {len(counts)} originals cited most"
    charts.finish(fig, title, source, subtitle=subtitle)
    return fig, links, title


def chrome_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """Words per article by part; columns doc_id, article, outlet, body, headline, chrome, share_chrome."""
    removed = corpus.removed.map(lambda items: sum(count_words(i["text"]) for i in items))
    kept = pd.DataFrame({
        "article": charts.article_labels(corpus),
        "outlet": corpus.outlet,
        "body": corpus.n_words,
        "headline": corpus.title.map(count_words),
        "chrome": removed,
    })
    total = kept.body + kept.headline + kept.chrome
    kept["share_chrome"] = (kept.chrome / total.where(total > 0)).fillna(0.0)
    kept.index.name = "doc_id"
    return kept.sort_values("share_chrome", kind="stable").reset_index()


def chrome_chart(corpus: pd.DataFrame, source: str):
    """Stacked bars of body, headline and chrome words per article; returns (fig, data, title).

    More than ``MAX_ROWS`` articles: the ``MAX_ROWS`` with the largest share of chrome are drawn and the
    subtitle says so; the data returned holds every article.
    """
    kept = chrome_table(corpus)
    shown = kept.tail(MAX_ROWS)
    fig, ax = charts.new_figure(9, 1.6 + 0.3 * max(len(shown), 1))
    left = pd.Series(0, index=shown.index)
    for part, color in [("body", charts.PALETTE[0]), ("headline", charts.PALETTE[4]), ("chrome", charts.ACCENT)]:
        ax.barh(shown.article, shown[part], left=left, color=color, label=part)
        left = left + shown[part]
    for y, (idx, row) in enumerate(shown.iterrows()):
        ax.text(left[idx] + left.max() * 0.01, y, f"{row.share_chrome:.0%} chrome", va="center", fontsize=7,
                color="#444444")
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("words")
    ax.set_xlim(0, max(left.max(), 1) * 1.22)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    all_words = (kept.body + kept.headline + kept.chrome).sum()
    total_chrome = kept.chrome.sum() / all_words if all_words else 0.0
    title = f"Site chrome was {total_chrome:.0%} of all words"
    if not kept.chrome.sum():
        title = "No site chrome was removed: every word was kept as article or headline"
    elif len(kept):
        worst = kept.iloc[-1]
        title += f"; most in {worst.article} ({worst.share_chrome:.0%})"
    subtitle = (f"showing the {len(shown)} of {len(kept)} articles with the most chrome" if len(shown) < len(kept)
                else None)
    charts.finish(fig, title, source, subtitle=subtitle)
    return fig, kept, title
