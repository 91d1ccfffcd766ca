"""The chart helper: byte-identical files, one colour per outlet, house style."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newstrace import charts  # noqa: E402


def draw():
    fig, ax = charts.new_figure(6, 3)
    data = pd.DataFrame({"outlet": ["B", "A"], "words": [120, 340]})
    colors = charts.outlet_colors(data.outlet)
    ax.barh(data.outlet, data.words, color=[colors[o] for o in data.outlet])
    charts.finish(fig, "A keeps the most words", "two test articles", subtitle="words kept")
    return fig, data


def test_same_input_gives_byte_identical_files(tmp_path):
    fig, data = draw()
    first = charts.save_figure(fig, "demo", data, outdir=tmp_path / "one")
    fig, data = draw()
    second = charts.save_figure(fig, "demo", data, outdir=tmp_path / "two")
    for ext in ("png", "svg", "csv"):
        assert first[ext].read_bytes() == second[ext].read_bytes(), ext
    svg = first["svg"].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in first["png"].read_bytes().decode("latin-1")
    assert first["csv"].read_text() == "outlet,words\nB,120\nA,340\n"


def test_outlet_colours_are_stable_and_distinct():
    a = charts.outlet_colors(["Zeta News", "Alpha Post", "", "Alpha Post"])
    b = charts.outlet_colors(["Alpha Post", "Zeta News"])
    assert a["Alpha Post"] == b["Alpha Post"] == charts.PALETTE[0]
    assert a["Zeta News"] != a["Alpha Post"] and a[""] == charts.NEUTRAL


def test_figure_name_must_be_a_plain_stem(tmp_path):
    fig, data = draw()
    with pytest.raises(ValueError):
        charts.save_figure(fig, "../escape", data, outdir=tmp_path)


def _labelled(labels, axis="y", rotation=0, size=(4, 3), left=None):
    fig, ax = charts.new_figure(*size)
    ax.plot(range(len(labels)), range(len(labels)))
    (ax.set_yticks if axis == "y" else ax.set_xticks)(range(len(labels)), labels, rotation=rotation)
    if left is not None:
        fig.subplots_adjust(left=left)
    else:
        fig.tight_layout()
    fig.canvas.draw()
    return fig, ax


@pytest.mark.parametrize("case, labels, kwargs, problem", [
    ("crowded rows", [f"article {i}" for i in range(40)], {}, "'article 0' overlaps 'article 1'"),
    ("long labels pushed off the left", ["a very long outlet name · a long headline"] * 2 + ["x"],
     {"left": 0.05}, "is cut at the left edge"),
    ("long horizontal x labels", ["Northport Herald", "Valley News", "Coast Daily", "Metro Wire"],
     {"axis": "x", "size": (2.5, 3)}, "overlaps"),
    ("long x labels at 60 degrees, close", ["a long outlet name, one"] * 24,
     {"axis": "x", "rotation": 60, "size": (2.5, 4)}, "overlaps"),
])
def test_label_problems_finds_overlapping_and_cut_tick_labels(case, labels, kwargs, problem):
    fig, _ = _labelled(labels, **kwargs)
    assert any(problem in p for p in charts.label_problems(fig)), case


@pytest.mark.parametrize("case, labels, kwargs", [
    ("a few rows", ["one", "two", "three"], {}),
    ("rotated labels side by side", [f"doc {i:03d} (Outlet)" for i in range(5)],
     {"axis": "x", "rotation": 60, "size": (6, 4)}),
])
def test_label_problems_passes_labels_that_can_be_read(case, labels, kwargs):
    fig, _ = _labelled(labels, **kwargs)
    assert charts.label_problems(fig) == [], case


def test_ticks_outside_the_view_and_hidden_axes_are_not_checked():
    fig, ax = charts.new_figure(4, 3)
    ax.plot([0.4, 0.6], [0.4, 0.6])
    ax.set_xlim(0.4, 0.6)          # ticks at 0.35 or 0.65 are laid out but not drawn
    fig.canvas.draw()
    assert charts.label_problems(fig) == []
    fig, ax = _labelled([f"article {i}" for i in range(40)])
    ax.set_axis_off()
    assert charts.label_problems(fig) == []


def test_saving_a_chart_with_overlapping_labels_warns_with_its_name(tmp_path):
    fig, _ = _labelled([f"article {i}" for i in range(40)])
    with pytest.warns(charts.ChartWarning, match="crowded: 'article 0' overlaps 'article 1'"):
        charts.save_figure(fig, "crowded", pd.DataFrame({"a": [1]}), outdir=tmp_path)


def test_dollar_signs_in_a_title_are_drawn_as_written(tmp_path):
    from newstrace import report

    fig, ax = charts.new_figure(6, 3)
    ax.plot([1, 2], [1, 2])
    title = "Prices disagree: “$19.50” vs “$2.50” vs “12.5 cents”"
    charts.finish(fig, title, "test articles costing $1 and $2")
    assert fig._suptitle.get_text() == charts.plain(title)
    files = charts.save_figure(fig, "prices", pd.DataFrame({"a": [1]}), outdir=tmp_path)
    assert report.chart_labels(files["svg"]) == {"title": title, "source": "test articles costing $1 and $2"}
    assert charts.plain(charts.plain("$5 and $6")) == charts.plain("$5 and $6") == r"\$5 and \$6"
