"""Tests of the METER-style relation of a pair (newstrace.overlap.relation, relate, compare) on
numbers and on text written for the tests."""

from __future__ import annotations

import pandas as pd
import pytest

from newstrace import overlap

W, P, S = overlap.WHOLLY_DERIVED_COVERAGE, overlap.PARTIALLY_DERIVED_COVERAGE, overlap.INDEPENDENT_P_SAME


@pytest.mark.parametrize("copied_a, copied_b, p_same, identical, expected", [
    (1.0, 1.0, 1.0, False, "wholly derived"),          # verbatim both ways
    (W, 0.3, 0.2, False, "wholly derived"),            # the short one is the long one's opening, whatever p
    (0.0, 0.0, 0.0, True, "wholly derived"),           # identical texts (load_corpus's identical_to)
    (W - 0.01, P, S, False, "partially derived"),      # passages reused both ways, one story
    (0.6, P - 0.01, S, False, "independent report"),   # the longer article reuses too little of itself
    (0.0, 0.0, S, False, "independent report"),        # one story, no reuse
    (0.0, 0.0, S - 0.01, False, "look-alike"),         # no reuse, not the same story
    (0.5, 0.5, 0.0, False, "look-alike"),              # reused background, other story (time rule gave 0)
    (0.0, 0.0, float("nan"), False, "look-alike"),     # unknown probability is not the same story
])
def test_relation_rule(copied_a, copied_b, p_same, identical, expected):
    assert overlap.relation(copied_a, copied_b, p_same, identical) == expected
    assert overlap.relation(copied_b, copied_a, p_same, identical) == expected  # symmetric


STORY = ["Firefighters in Dunmore fought a blaze at the Halvorsen paper mill on Sunday.",
         "Chief Ingrid Pael said 40 workers left the building safely.",
         "The fire began in a storage hall at 6 a.m. and burned for three hours.",
         "The mill employs 310 people and makes packaging board for export.",
         "Police said there was no sign of arson and the hall was insured."]
REWRITE = [STORY[0], STORY[1], STORY[2],
           "Owner Halvorsen Board said production would restart on Wednesday at the Dunmore site.",
           "Union leader Per Aske praised the evacuation of the 40 Halvorsen workers."]
OTHER = ["Shares in Kellner Foods rose 4% in Oslo after the dairy group raised its outlook.",
         "Chief executive Jonna Rask said export demand for cheese had doubled.",
         "Analysts at Brettholm Securities lifted their price target to 212 crowns."]


def corpus() -> pd.DataFrame:
    texts = {"story": " ".join(STORY), "copy": " ".join(STORY), "rewrite": " ".join(REWRITE),
             "other": " ".join(OTHER), "cut": " ".join(STORY[:3])}
    frame = pd.DataFrame({"text": list(texts.values()), "title": ""}, index=pd.Index(list(texts), name="doc_id"))
    frame["identical_to"] = ["", "story", "", "", ""]
    return frame


@pytest.mark.parametrize("a, b, expected", [
    ("story", "copy", "wholly derived"),       # the same text twice
    ("story", "cut", "wholly derived"),        # the opening sentences re-run word for word
    ("story", "rewrite", "partially derived"),  # three of five sentences reused both ways
    ("story", "other", "look-alike"),          # nothing in common
])
def test_compare_labels_written_pairs(a, b, expected):
    table = overlap.compare(corpus(), [a], [b])
    assert list(table.columns) == overlap.PAIR_COLUMNS
    assert table["relation"].iat[0] == expected


def test_identical_texts_are_wholly_derived_even_when_the_copy_shares_no_sentence_split():
    frame = corpus()
    frame.loc["copy", "text"] = frame.loc["copy", "text"].upper()  # identical up to case: identical_to says so
    assert overlap.compare(frame, ["story"], ["copy"])["relation"].iat[0] == "wholly derived"


def test_pairs_labels_every_pair_it_keeps_and_only_with_coverage():
    frame = corpus()
    with_cov = overlap.pairs(frame, min_score=0.0)
    assert set(with_cov["relation"]) <= set(overlap.RELATIONS) and with_cov["relation"].ne("").all()
    without = overlap.pairs(frame, min_score=0.0, coverage=False)
    assert without["relation"].eq("").all() and without["p_same"].isna().all()


def test_far_apart_pairs_that_copy_little_are_look_alikes():
    frame = corpus().loc[["story", "rewrite"]].assign(identical_to="")
    frame["published"] = pd.to_datetime(["2024-03-03", "2024-05-20"])
    table = overlap.relate(frame, pd.DataFrame({"doc_a": ["story"], "doc_b": ["rewrite"], "score": [0.5],
                                                "coverage_a": [0.4], "coverage_b": [0.4],
                                                "copied_a": [0.1], "copied_b": [0.1]}))
    assert table["p_same"].iat[0] == 0.0 and table["relation"].iat[0] == "look-alike"


def test_describe_pairs_counts_the_relations():
    within = pd.DataFrame({"doc_a": ["a", "a"], "doc_b": ["b", "c"], "score": [0.9, 0.3],
                           "coverage_a": [1.0, 0.1], "coverage_b": [1.0, 0.1],
                           "relation": ["wholly derived", "independent report"]})
    assert "(pairs: 1 wholly derived, 1 independent report)" in overlap.describe_pairs(within)
