"""Notebook 01's charts: unique labels, honest titles, no overlapping labels at any corpus size."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newstrace import charts, corpus_charts  # noqa: E402


def make_corpus(n: int, cites_every: int = 1, chrome: int = 5) -> pd.DataFrame:
    """``n`` articles of one wire whose ids share a long prefix, as files of one source do."""
    ids = [f"XIE19990313.{i:04d}" for i in range(n)]
    return pd.DataFrame({
        "outlet": ["Xinhua" if i % 2 else "" for i in range(n)],
        "title": [f"Headline number {i}" for i in range(n)],
        "n_words": [100 + 7 * i for i in range(n)],
        "cites": [["Reuters"] if cites_every and i % cites_every == 0 else [] for i in range(n)],
        "removed": [[{"text": "Share on Facebook " * chrome, "reason": "share bar"}] if chrome else []
                    for _ in range(n)],
    }, index=pd.Index(ids, name="doc_id"))


def tick_label_boxes_overlap(fig, ax) -> bool:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.get_yticklabels() if t.get_text()]
    return any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_labels_stay_unique_when_ids_share_a_long_prefix():
    corpus = make_corpus(30)
    labels = charts.article_labels(corpus, width=12)
    assert labels.is_unique
    assert all(len(label) <= len("Xinhua · ") + 12 + len(" · 99") for label in labels)


def test_labels_keep_start_and_end_of_a_long_id():
    corpus = pd.DataFrame({"outlet": [""]}, index=["APW19990410.0123-long-name"])
    assert charts.article_labels(corpus, width=12).iloc[0] == "APW199…-name"


@pytest.mark.parametrize("n", [1, 5, 34, 300])
def test_chrome_chart_tick_labels_never_overlap(n):
    fig, data, title = corpus_charts.chrome_chart(make_corpus(n), "test articles")
    ax = fig.axes[0]
    assert not tick_label_boxes_overlap(fig, ax)
    assert len(data) == n  # the data behind the chart holds every article, drawn or not
    assert len(ax.get_yticklabels()) == min(n, corpus_charts.MAX_ROWS)
    assert fig.get_figheight() <= 1.6 + 0.3 * corpus_charts.MAX_ROWS


def test_chrome_chart_says_when_nothing_was_removed():
    _, _, title = corpus_charts.chrome_chart(make_corpus(3, chrome=0), "test articles")
    assert title.startswith("No site chrome was removed")


def test_cites_chart_draws_only_citing_articles_and_says_how_many():
    corpus = make_corpus(60, cites_every=20)
    fig, links, title = corpus_charts.cites_chart(corpus, "test articles")
    assert title == "3 of 60 articles attribute the story to Reuters"
    assert len(links) == 3
    assert any("showing the 3 of 60 articles that cite an original" in t.get_text() for t in fig.texts)


def test_cites_chart_without_cites():
    _, links, title = corpus_charts.cites_chart(make_corpus(4, cites_every=0), "test articles")
    assert links.empty and title == "No article names the original it re-reports"


@pytest.mark.parametrize("n, originals, view", [(5, 2, "links"), (34, 6, "links"), (300, 60, "bars"),
                                                (1000, 45, "bars")])
def test_cites_chart_counts_articles_per_original_when_lines_would_tangle(n, originals, view):
    corpus = make_corpus(n)
    corpus["cites"] = [[f"Outlet number {i % originals}"] for i in range(n)]
    if view == "links":
        corpus["cites"] = [c if i < corpus_charts.MAX_LINKED else [] for i, c in enumerate(corpus.cites)]
    fig, links, title = corpus_charts.cites_chart(corpus, "test articles")
    fig.canvas.draw()
    assert charts.label_problems(fig) == []
    if view == "links":
        assert "attribute the story to" in title
        return
    top = max(range(originals), key=lambda k: (sum(1 for i in range(n) if i % originals == k), -k))
    assert title.startswith(f"The most cited original is Outlet number {top}, named by ")
    assert f"{n} articles name {originals} originals" in title
    subtitle = " ".join(t.get_text() for t in fig.texts)
    shown = min(originals, corpus_charts.MAX_ROWS)
    assert (f"showing the {shown} of {originals} originals cited most" in subtitle) == (shown < originals)
    assert len(links) == n
