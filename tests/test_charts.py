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
