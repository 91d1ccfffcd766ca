"""Notebook 02's charts: labels never collide nor get cut at any corpus size, large corpora get the
family view, and corpora with nothing alike say so instead of crashing."""

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newstrace import overlap, overlap_charts  # noqa: E402
from newstrace.corpus import load_corpus  # noqa: E402


def family_of(n: int, size: int) -> pd.Series:
    """Families of ``size`` articles, then one-article families, labelled as overlap.families does."""
    ids = [f"XIE19990313.{i:04d}" for i in range(n)]
    groups = [i // size if i < (n // 2 // size) * size else n + i for i in range(n)]
    label = {g: f"F{k + 1}" for k, g in enumerate(pd.Series(groups).value_counts(sort=True).index)}
    return pd.Series([label[g] for g in groups], index=pd.Index(ids, name="doc_id"), name="family")


def make_inputs(n: int, size: int = 4):
    """A corpus table, word and character similarity and families for ``n`` articles of one wire."""
    fam = family_of(n, size)
    ids = list(fam.index)
    corpus = pd.DataFrame({
        "outlet": ["Xinhua" if i % 2 else "" for i in range(n)],
        "title": [f"A long headline about story number {i} that goes on and on for a while" for i in range(n)],
        "published": pd.NaT,
        "cites": [[] for _ in range(n)],
    }, index=fam.index)
    rng = np.random.default_rng(0)
    same = (fam.to_numpy()[:, None] == fam.to_numpy()[None, :])
    word = np.where(same, 0.7, 0.05) + rng.uniform(0, 0.05, (n, n))
    word = (word + word.T) / 2
    np.fill_diagonal(word, 1.0)
    sim = pd.DataFrame(word, index=ids, columns=ids)
    return corpus, sim, (sim * 0.9).clip(upper=1.0), fam


def make_pairs(fam: pd.Series) -> pd.DataFrame:
    rows = []
    for _, members in fam.groupby(fam):
        docs = list(members.index)
        rows += [(a, b, 0.7, 0.1 * (k % 10), 0.05 * (k % 7)) for k, (a, b) in
                 enumerate((a, b) for i, a in enumerate(docs) for b in docs[i + 1:])]
    return pd.DataFrame(rows, columns=["doc_a", "doc_b", "score", "coverage_a", "coverage_b"])


def make_graph(corpus: pd.DataFrame, fam: pd.Series) -> nx.DiGraph:
    """Each family's articles re-report its first one; every third article cites an outside agency."""
    g = nx.DiGraph()
    for d in corpus.index:
        g.add_node(d, kind="article", outlet=corpus.outlet[d], title="", published=pd.NaT, family=fam[d])
    for _, members in fam.groupby(fam):
        docs = list(members.index)
        for d in docs[1:]:
            g.add_edge(docs[0], d, relation="re-reports", score=0.7, coverage=0.5, shared=2, evidence=["test"])
    for k, d in enumerate(corpus.index):
        if k % 3 == 0:
            g.add_node("Reuters", kind="cited", outlet="Reuters", title="", published=pd.NaT, family="")
            g.add_edge("Reuters", d, relation="cites", score=np.nan, coverage=np.nan, shared=0, evidence=["cites"])
    return g


def boxes(fig, texts):
    renderer = fig.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_text() and t.get_visible()]


def collisions(fig, texts) -> list:
    """Pairs of texts whose drawn boxes overlap."""
    fig.canvas.draw()
    drawn = boxes(fig, texts)
    return [(a, b) for i, (a, ba) in enumerate(drawn) for b, bb in drawn[i + 1:] if ba.overlaps(bb)]


def drawn_ticklabels(axis) -> list:
    """The tick labels of an axis that are drawn: matplotlib also keeps labels of ticks outside the view."""
    if not axis.axes.axison:
        return []
    lo, hi = sorted(axis.get_view_interval())
    return [t.label1 for t in axis.get_major_ticks() if lo <= t.get_loc() <= hi]


def cut_off(fig) -> list:
    """Texts of the figure (titles, labels, tick labels) drawn partly outside the figure."""
    fig.canvas.draw()
    frame = fig.bbox
    texts = list(fig.texts)
    for ax in fig.axes:
        texts += drawn_ticklabels(ax.xaxis) + drawn_ticklabels(ax.yaxis) + ax.texts
        texts += [ax.title, ax.xaxis.label, ax.yaxis.label]
    return [s for s, b in boxes(fig, texts)
            if b.x0 < frame.x0 - 1 or b.x1 > frame.x1 + 1 or b.y0 < frame.y0 - 1 or b.y1 > frame.y1 + 1]


def assert_readable(fig) -> None:
    for ax in fig.axes:
        assert not collisions(fig, drawn_ticklabels(ax.yaxis)), "y tick labels overlap"
        assert not collisions(fig, drawn_ticklabels(ax.xaxis)), "x tick labels overlap"
    assert not cut_off(fig)
    assert fig.get_figwidth() <= overlap_charts.MAX_WIDTH and fig.get_figheight() <= overlap_charts.MAX_HEIGHT


SIZES = [1, 5, 34, 300]


@pytest.mark.parametrize("n", SIZES)
def test_similarity_chart_reads_at_every_size(n):
    corpus, word, char, fam = make_inputs(n)
    fig, data, title = overlap_charts.similarity_chart(corpus, word, char, fam, "test articles")
    if n == 1:
        assert fig is None and title.startswith("One article")
        return
    assert_readable(fig)
    drawn = len(fig.axes[0].get_yticklabels())
    assert drawn == min(n, overlap_charts.HEATMAP_MAX)
    assert len(data) == drawn * drawn  # the cells drawn, for the CSV beside the chart
    if n > overlap_charts.HEATMAP_MAX:
        assert f"top {len(set(fam[data.doc_a]))} of {fam.nunique()} families" in title


def test_large_corpus_heatmap_draws_whole_largest_families():
    corpus, word, char, fam = make_inputs(300, size=6)
    order, fams = overlap_charts.heatmap_articles(word, fam)
    assert fams == [f"F{i}" for i in range(1, 7)]             # 6 families of 6 fit in 40 articles
    assert sorted(order) == sorted(fam[fam.isin(fams)].index)


def test_one_family_larger_than_a_heatmap_keeps_its_most_central_members():
    corpus, word, char, _ = make_inputs(60)
    fam = pd.Series("F1", index=corpus.index, name="family")
    fig, data, title = overlap_charts.similarity_chart(corpus, word, char, fam, "test articles")
    assert "top 1 of 1 families" in title
    assert any("40 most central of family F1" in t.get_text() for t in fig.texts)


@pytest.mark.parametrize("n", SIZES)
def test_family_size_chart_reads_at_every_size(n):
    corpus, _, _, fam = make_inputs(n, size=2)
    fig, sizes, title = overlap_charts.family_size_chart(corpus, fam, "test articles")
    assert sizes["size"].sum() == n
    if (sizes["size"] > 1).sum() == 0:
        assert fig is None and title.startswith(overlap_charts.NO_STORY)
        return
    assert_readable(fig)
    assert len(fig.axes[0].get_yticklabels()) == min((sizes["size"] > 1).sum(), overlap_charts.MAX_ROWS)
    shown_note = any("showing the top 40 of 75 families" in t.get_text() for t in fig.texts)
    assert shown_note == (n == 300)


@pytest.mark.parametrize("n", SIZES)
def test_coverage_chart_reads_at_every_size(n):
    corpus, _, _, fam = make_inputs(n)
    fig, cov, title = overlap_charts.coverage_chart(corpus, make_pairs(fam), fam, "test articles")
    if cov.empty:
        assert fig is None and title.startswith(overlap_charts.NO_STORY)
        return
    assert_readable(fig)
    assert len(fig.axes[0].get_yticklabels()) == min(len(cov), overlap_charts.MAX_ROWS)
    assert (len(cov) > overlap_charts.MAX_ROWS) == any("showing the 40 of" in t.get_text() for t in fig.texts)


@pytest.mark.parametrize("top, words", [
    (0.95, "copies its source almost whole"),
    (0.4, "share passages but paraphrase"),
    (0.05, "share few sentences"),
])
def test_coverage_title_says_what_the_highest_share_means(top, words):
    assert words in overlap_charts._coverage_title(top)


@pytest.mark.parametrize("n", SIZES)
def test_derivation_chart_labels_never_collide(n):
    corpus, _, _, fam = make_inputs(n)
    fig, edges, title = overlap_charts.derivation_chart(corpus, make_graph(corpus, fam), fam, "test articles")
    assert_readable(fig)
    assert not collisions(fig, fig.axes[0].texts)
    assert len(edges) == make_graph(corpus, fam).number_of_edges()
    capped = any("showing the top" in t.get_text() for t in fig.texts)
    assert capped == (n == 300)


def test_derivation_chart_without_links_says_so():
    corpus, _, _, fam = make_inputs(3)
    fig, edges, title = overlap_charts.derivation_chart(corpus, make_graph(corpus, fam).subgraph(corpus.index[1:]),
                                                        fam, "test articles")
    assert fig is None and edges.empty and title.startswith("No derivation link")


# --------------------------------------------------------------------------- whole corpora of awkward shapes

STORY = ("The city council on Tuesday approved a budget of 4 million dollars for road repairs, mayor Anna Berg said. "
         "Work on the Elm Street bridge will start in the spring and end before the winter. "
         "Opposition members said the plan ignores the northern districts.")
OTHER = ("The football club won its first title in forty years after a late goal by its captain. "
         "Fans celebrated in the streets of the old town until midnight.")


def write(folder, texts: dict) -> None:
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")


SHAPES = {
    "one article": {"a.txt": "Budget approved\n\n" + STORY},
    "two unrelated": {"a.txt": "Budget approved\n\n" + STORY, "b.txt": "Club wins title\n\n" + OTHER},
    "one family of five": {f"{k}.txt": f"Budget approved {k}\n\n{STORY} Reporter {k} added a line." for k in range(5)},
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_chart_runs_on_awkward_corpora(tmp_path, shape):
    write(tmp_path / "c", SHAPES[shape])
    corpus = load_corpus(tmp_path / "c")
    assert corpus["published"].isna().all()                  # no dates either
    fam = overlap.families(corpus)
    table = overlap.pairs(corpus)
    g = overlap.derivation(corpus, pair_table=table, family=fam)   # an empty pair table once raised KeyError 'score'
    sim_w, sim_c = overlap.similarity(corpus, kind="word"), overlap.similarity(corpus, kind="char")
    results = [overlap_charts.similarity_chart(corpus, sim_w, sim_c, fam, "t"),
               overlap_charts.family_size_chart(corpus, fam, "t"),
               overlap_charts.coverage_chart(corpus, table, fam, "t"),
               overlap_charts.derivation_chart(corpus, g, fam, "t")]
    together = fam.nunique() == 1 and len(corpus) > 1
    assert together == (shape == "one family of five")
    for fig, _, title in results[1:3]:
        assert (fig is None) == (not together)
        if not together:
            assert title.startswith(overlap_charts.NO_STORY)


def test_coverage_table_of_an_empty_pair_table_has_its_columns():
    corpus, _, _, fam = make_inputs(3)
    empty = make_pairs(fam).iloc[0:0]
    cov = overlap_charts.coverage_table(corpus, empty, fam)
    assert cov.empty and list(cov.columns) == ["family", "doc_id", "other", "article", "other_article", "coverage"]
