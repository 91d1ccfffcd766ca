"""Tests of newstrace.overlap on text written for the tests, and on the seed articles."""

from __future__ import annotations

import pandas as pd
import pytest
from newstrace import overlap

FERRY_A = (
    "A passenger ferry ran aground off the island of Valmora on Tuesday morning, the coast guard said. "
    "All 212 passengers were taken to the harbour town of Esker by lifeboats before noon. "
    "Captain Andreas Moulin told reporters that fog had hidden the reef from the bridge crew. "
    "The ferry operator Blue Line said the ship would be towed to a dry dock for repairs. "
    "Inspectors will examine the navigation records, the maritime authority said."
)
FERRY_B = (
    "The coast guard reports that a ferry with 212 passengers aboard struck a reef near Valmora island on Tuesday. "
    "Lifeboats brought all passengers to the harbour of Esker before noon. "
    "According to captain Andrey Mulin, thick fog hid the reef from the crew on the bridge. "
    "The maritime authority will examine the navigation records."
)
BUDGET = (
    "The city council of Esker approved a budget of 48 million for next year after a long debate. "
    "Spending on schools rises by four percent while road repairs are cut. "
    "Opposition councillors said the plan ignores the needs of the old town."
)
ORCHARD = (
    "Apple growers in the northern valleys expect a record harvest this autumn. "
    "Warm spring weather and late rain helped the orchards, the growers association said. "
    "Prices at the wholesale market have already fallen by a tenth."
)


def small_corpus() -> pd.DataFrame:
    frame = pd.DataFrame(
        {"text": [FERRY_A, FERRY_B, BUDGET, ORCHARD], "title": ["Ferry aground", "Ferry hits reef", "Budget", "Apples"]},
        index=pd.Index(["ferry_a", "ferry_b", "budget", "orchard"], name="doc_id"),
    )
    return frame


def test_stems_truncate_inflections_and_keep_numbers():
    assert overlap.stems("Negotiations negotiate") == ["negoti", "negoti"]
    assert overlap.stems("The 150,000 residents") == ["150000", "reside"]
    assert overlap.stems("Russia's army") == ["russia", "army"]


def test_similarity_is_square_symmetric_and_ranks_the_re_report_first():
    corpus = small_corpus()
    for kind in ("word", "char"):
        sim = overlap.similarity(corpus, kind=kind)
        assert list(sim.index) == list(corpus.index) == list(sim.columns)
        assert (sim.values == sim.values.T).all()
        assert sim.loc["ferry_a", "ferry_a"] == 1.0
        assert sim.loc["ferry_a"].drop("ferry_a").idxmax() == "ferry_b"


def test_similarity_rejects_unknown_kind_and_missing_text():
    with pytest.raises(overlap.OverlapError, match="kind"):
        overlap.similarity(small_corpus(), kind="bytes")
    with pytest.raises(overlap.OverlapError, match="text"):
        overlap.similarity(pd.DataFrame({"body": ["x"]}))


def test_families_groups_the_re_report_and_separates_unrelated_articles():
    fam = overlap.families(small_corpus())
    assert fam.name == "family"
    assert fam["ferry_a"] == fam["ferry_b"]
    assert fam["budget"] != fam["ferry_a"]
    assert fam["orchard"] != fam["budget"]
    assert fam["ferry_a"] == "F1"  # the largest family is F1


def test_pairs_is_sparse_and_sorted():
    out = overlap.pairs(small_corpus(), coverage=False, top_k=1)
    assert list(out.columns) == ["doc_a", "doc_b", "score", "coverage_a", "coverage_b"]
    assert set(out.iloc[0][["doc_a", "doc_b"]]) == {"ferry_a", "ferry_b"}
    assert out["score"].is_monotonic_decreasing
