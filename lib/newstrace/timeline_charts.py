"""Charts of notebook 03: the reporting timeline and the event timeline (uncertain dates as bars).

- ``reporting_chart(windows, corpus)``: one row per article, its publication window as a bar
  (a dot when the day is known, an arrow when a bound is open), coloured by outlet.
- ``event_chart(events, windows=...)``: the dated events of the news period, each interval a
  bar, darker when more articles report it; the subtitle says how many are shown of how many
  and how many earlier background events are left out (``news_period``, ``select_events``).
Both return ``(fig, data)``: the figure and the DataFrame it plots, for ``charts.save_figure``.
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import pandas as pd

from . import charts

HOW_MARKERS = {"stated": "o", "text": "D", "text+family": "D", "family": "s", "none": "x"}
HOW_LABELS = {"stated": "date stated on the page or in metadata", "text": "window from clues in the text",
              "text+family": "clues in the text and the story family", "family": "inherited from its story family",
              "none": "no evidence"}


def _limits(lo: pd.Series, hi: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp]:
    known = pd.concat([lo.dropna(), hi.dropna()])
    if known.empty:
        t = pd.Timestamp("2000-01-01")
        return t, t + pd.Timedelta(days=30)
    a, b = known.min(), known.max()
    pad = max(pd.Timedelta(days=7), (b - a) * 0.08)
    return a - pad, b + pad


#: articles drawn one row each; more are counted per week or month instead (a row per article
#: made a 300-article chart 19,878 px tall)
MAX_ROWS = 40
#: a window this wide or narrower counts as dated in the count view
COUNT_WINDOW_DAYS = 31


def reporting_chart(windows: pd.DataFrame, corpus: pd.DataFrame, title: str, source: str):
    """Publication window of every article; returns (fig, data) with data columns
    doc_id, outlet, earliest, latest, how, evidence.

    Up to ``MAX_ROWS`` articles: one row each. More: ``reporting_counts`` (articles per period)."""
    outlets = corpus["outlet"] if "outlet" in corpus.columns else pd.Series("", index=corpus.index)
    data = windows.copy()
    data.insert(1, "outlet", data["doc_id"].map(outlets).fillna(""))
    data = data.sort_values(["earliest", "latest", "doc_id"], na_position="last").reset_index(drop=True)
    if len(data) > MAX_ROWS:
        return reporting_counts(data, title, source)
    names = charts.article_labels(corpus) if len(corpus) else pd.Series(dtype=str)
    colors = charts.outlet_colors(data["outlet"])
    fig, ax = charts.new_figure(9, 1.6 + 0.55 * max(len(data), 3))
    x0, x1 = _limits(data["earliest"], data["latest"])
    for i, r in data.iterrows():
        y = len(data) - 1 - i
        color = colors.get(r["outlet"], charts.NEUTRAL) if r["outlet"] else charts.NEUTRAL
        lo, hi = r["earliest"], r["latest"]
        if pd.isna(lo) and pd.isna(hi):
            ax.text(x0, y, "  no evidence of date", va="center", fontsize=8, color=charts.NEUTRAL)
            continue
        a = lo if not pd.isna(lo) else x0
        b = hi if not pd.isna(hi) else x1
        if a == b:
            ax.plot([a], [y], marker=HOW_MARKERS.get(r["how"], "o"), color=color, markersize=8, linestyle="none")
        else:
            ax.barh(y, (b - a).days or 1, left=a, height=0.45, color=color, alpha=0.55, edgecolor=color)
            ax.plot([a, b], [y, y], linestyle="none", marker=HOW_MARKERS.get(r["how"], "o"), color=color, markersize=5)
        if pd.isna(lo):
            ax.annotate("", xy=(x0, y), xytext=(b, y), arrowprops={"arrowstyle": "->", "color": color})
        if pd.isna(hi):
            ax.annotate("", xy=(x1, y), xytext=(a, y), arrowprops={"arrowstyle": "->", "color": color})
    # article_labels names the outlet when it is known ("24 Channel · 001_bedc…7ba2cf9")
    labels = [charts.plain(f"{names.get(r['doc_id'], r['doc_id'])}{'' if r['outlet'] else '  (outlet unknown)'}\n"
                           f"{HOW_LABELS.get(r['how'], r['how'])}") for _, r in data.iterrows()]
    ax.set_yticks(range(len(data) - 1, -1, -1), labels, fontsize=8)
    ax.set_xlim(x0, x1)
    ax.set_ylim(-0.7, len(data) - 0.3)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    charts.finish(fig, title, source, subtitle="Bar: the window the article was published in; dot: the day is known; "
                  "arrow: a bound is open")
    return fig, data


#: Events beginning more than this many days before the news period are background (a war of 1939,
#: a law of 1989 a 1999 article recalls): counted in the subtitle, listed in the table, not drawn.
BACKGROUND_MARGIN_DAYS = 31


def news_period(windows: pd.DataFrame | None, events: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The span where the corpus's reporting lies: the span of the articles' closed publication
    windows; without any, the span of the events told by the most articles (an open window's
    bound, "after 1982", says little about when the news is). (NaT, NaT) with neither."""
    if windows is not None and len(windows):
        closed = windows[windows["earliest"].notna() & windows["latest"].notna()]
        if len(closed):
            return closed["earliest"].min(), closed["latest"].max()
    if not len(events):
        return pd.NaT, pd.NaT
    top = events[events["n_docs"] == events["n_docs"].max()]
    return top["earliest"].min(), top["latest"].max()


def select_events(events: pd.DataFrame, period: tuple, max_rows: int) -> pd.DataFrame:
    """Every event with ``shown`` (drawn in the chart) and ``background`` (begins before the news
    period): of the events in the period, the ``max_rows`` told by the most articles (then the
    narrowest), drawn in date order."""
    data = events.reset_index(drop=True).copy()
    lo = period[0]
    # an event that begins well before the period ("in the 20th century", "in 1997") is background
    data["background"] = False if pd.isna(lo) else data["earliest"] < lo - pd.Timedelta(days=BACKGROUND_MARGIN_DAYS)
    width = (data["latest"] - data["earliest"]).dt.days
    order = data[~data["background"]].assign(_w=width).sort_values(["n_docs", "_w", "earliest"],
                                                                   ascending=[False, True, True])
    keep = set(order.index[:max_rows])
    data["shown"] = data.index.isin(keep)
    return data


def reporting_counts(data: pd.DataFrame, title: str, source: str):
    """Articles per week (a span under half a year) or per month, for a corpus too large for a row
    per article: a bar counts the articles whose window (at most ``COUNT_WINDOW_DAYS`` wide) has its
    middle in that period; the subtitle says how many have wider windows or none and are not
    counted. Returns (fig, data): ``data`` as given, one row per article."""
    width = (data["latest"] - data["earliest"]).dt.days
    dated = data[width.notna() & (width <= COUNT_WINDOW_DAYS)]
    middle = dated["earliest"] + (dated["latest"] - dated["earliest"]) / 2
    fig, ax = charts.new_figure(9, 4.2)
    if len(dated):
        span = (middle.max() - middle.min()).days
        freq, unit = ("W", "week") if span < 183 else ("MS", "month")
        counts = middle.dt.to_period("W" if freq == "W" else "M").value_counts().sort_index()
        starts = counts.index.to_timestamp()
        ax.bar(starts, counts.to_numpy(), width=6 if freq == "W" else 27, align="edge", color=charts.PALETTE[0])
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_ylabel(f"articles per {unit}")
    n_wide = len(data) - len(dated)
    subtitle = (f"{len(dated)} of {len(data)} articles dated to a window of {COUNT_WINDOW_DAYS} days or less, "
                "counted where the window's middle falls" + (
                    f"; {n_wide} with a wider window or none are not counted" if n_wide else ""))
    charts.finish(fig, title, source, subtitle=subtitle)
    return fig, data


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def event_title(data: pd.DataFrame) -> str:
    """The finding of the event chart, from the table ``event_chart`` returns (columns n_docs,
    background): "4 events in the news period, 1 told by more than one article; 3 earlier
    background events"."""
    news = data[~data["background"]]
    n_bg = int(data["background"].sum())
    shared = int((news["n_docs"] > 1).sum())
    title = f"{_count(len(news), 'event')} in the news period, {shared} told by more than one article"
    return title + (f"; {_count(n_bg, 'earlier background event')}" if n_bg else "")


def event_chart(events: pd.DataFrame, title: str, source: str, max_rows: int = 25, wrap: int = 70,
                windows: pd.DataFrame | None = None):
    """Dated events of the news period as bars from earliest to latest day; returns (fig, data)
    with data columns earliest, latest, what, n_docs, doc_ids, background, shown: every event,
    so the table below the chart lists what the chart leaves out. The news period comes from the
    articles' publication ``windows`` (see ``news_period``); the subtitle says how many events are
    shown and how many earlier background events are left out."""
    period = news_period(windows, events)
    every = select_events(events, period, max_rows)
    data = every[every["shown"]].reset_index(drop=True)
    fig, ax = charts.new_figure(10, 1.4 + 0.5 * max(len(data), 2))
    x0, x1 = _limits(data["earliest"], data["latest"]) if len(data) else _limits(every["earliest"], every["latest"])
    for i, r in data.iterrows():
        y = len(data) - 1 - i
        color = charts.PALETTE[0] if r["n_docs"] > 1 else charts.PALETTE[4]
        width = (r["latest"] - r["earliest"]).days + 1
        if width <= 1:
            ax.plot([r["earliest"]], [y], marker="o", color=color, markersize=7)
        else:
            ax.barh(y, width, left=r["earliest"], height=0.5, color=color, alpha=0.8)
        ax.text(r["latest"] + pd.Timedelta(days=max(1, (x1 - x0).days // 150)), y, f" {r['n_docs']} article(s)",
                va="center", fontsize=7, color="#444444")
    if not pd.isna(period[0]) and not pd.isna(period[1]):
        ax.axvspan(max(period[0], x0), min(period[1], x1), color=charts.NEUTRAL, alpha=0.12, zorder=0)
    labels = [textwrap.shorten(r["what"], wrap, placeholder=" …") for _, r in data.iterrows()]
    ax.set_yticks(range(len(data) - 1, -1, -1), labels, fontsize=7)
    ax.set_xlim(x0, x1 + (x1 - x0) * 0.12)
    ax.set_ylim(-0.7, len(data) - 0.3)
    locator = mdates.AutoDateLocator()  # tick spacing and labels that match (never "2024-11" twice)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    n_bg = int(every["background"].sum())
    n_period = len(every) - n_bg
    counts = f"showing {len(data)} of {_count(len(every), 'event')}"
    if len(data) < n_period:
        counts += f" ({n_period} in the news period; the ones told by the most articles)"
    if n_bg:
        counts += f"; {_count(n_bg, 'earlier background event')} left out"
    charts.finish(fig, title, source, subtitle=textwrap.fill(
        f"{counts}. Bar: the interval the text's date expression allows; dark: told by several articles; "
        "grey band: the news period (the articles' publication windows)", 140))
    out = every[["earliest", "latest", "what", "n_docs", "doc_ids", "background", "shown"]].copy()
    out["doc_ids"] = out["doc_ids"].map(" ".join)
    return fig, out
