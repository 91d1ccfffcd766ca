"""Charts of reported figures: they draw what they are given and return the data plotted."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from newstrace.figures import claims, extract  # noqa: E402
from newstrace.figures_charts import attribution_chart, claim_chart, doc_label, quantity_chart  # noqa: E402


def _corpus():
    texts = {
        "a_1": "Thousands of volunteer firefighters were sent to the burning valley, the ministry said. "
               "The fire burned 40 square miles.",
        "b_2": "At least 12,000 volunteer firefighters have been sent to the burning valley, officials said. "
               "Crews have been there for 2-3 weeks.",
        "c_3": "About 12,000 volunteer firefighters were sent to the burning valley. Crews have been there for 2-3 weeks.",
    }
    df = pd.DataFrame({"text": list(texts.values())}, index=pd.Index(list(texts), name="doc_id"))
    df["outlet"] = ["Daily A", "", "Daily C"]
    df["cites"] = [[], ["Wire Service"], []]
    return df


def test_doc_label_uses_outlet_then_cited_source():
    corpus = _corpus()
    assert doc_label("a_1", corpus) == "Daily A"
    assert doc_label("b_2", corpus) == "doc b, citing Wire Service"


def test_charts_return_their_data():
    corpus = _corpus()
    figs = extract(corpus)
    cl = claims(figs, corpus)
    fig, data = claim_chart(cl, corpus, "t", "s")
    assert set(data["doc_id"]) == set(cl["doc_id"]) and len(fig.axes) == cl["unit"].nunique()
    plt.close(fig)
    fig, data = quantity_chart(figs, corpus, "area", "t", "s")
    assert list(data["surface"]) == ["40 square miles"] and data["unit"].iloc[0] == "km2"
    plt.close(fig)
    fig, data = attribution_chart(figs, corpus, "t", "s")
    assert data["figures"].sum() == len(figs) and (data["sourced"] <= data["figures"]).all()
    plt.close(fig)
