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
    assert list(out.columns) == overlap.PAIR_COLUMNS[:5] + ["copied_a", "copied_b", "p_same", "relation"]
    assert set(out.iloc[0][["doc_a", "doc_b"]]) == {"ferry_a", "ferry_b"}
    assert out["score"].is_monotonic_decreasing


def story_corpus() -> pd.DataFrame:
    """The ferry story from its original outlet, a re-report citing it, one citing an absent wire, and others."""
    frame = small_corpus()
    frame["outlet"] = ["Harbour Times", "Coast Wire", "City Paper", "Farm Weekly"]
    frame["cites"] = [[], ["The Harbour Times"], [], ["Rural Agency"]]
    frame["published"] = pd.to_datetime(["2025-05-14", "2025-05-15", "2025-05-01", "2025-06-01"])
    return frame


def test_pairs_coverage_is_share_of_sentences_with_a_counterpart():
    out = overlap.pairs(small_corpus(), top_k=1)
    top = out.iloc[0]
    cov = dict(zip([top.doc_a, top.doc_b], [top.coverage_a, top.coverage_b], strict=True))
    # the re-report keeps most of its 4 sentences; the original has 5, of which one (the operator) is dropped
    assert cov["ferry_b"] >= 0.75
    assert 0.4 <= cov["ferry_a"] <= 0.8
    assert cov["ferry_b"] > cov["ferry_a"]


def test_pairs_pruned_path_finds_the_same_pairs_as_the_exact_path(monkeypatch):
    corpus = small_corpus()
    exact = overlap.pairs(corpus, coverage=False)
    monkeypatch.setattr(overlap, "EXACT_LIMIT", 2)
    messages = []
    pruned = overlap.pairs(corpus, coverage=False, progress=messages.append)
    assert pruned[["doc_a", "doc_b"]].values.tolist() == exact[["doc_a", "doc_b"]].values.tolist()
    assert (abs(pruned["score"] - exact["score"]) < 1e-5).all()
    assert any("rescored" in m for m in messages)


def test_align_matches_paraphrased_sentences_and_lists_changed_words():
    al = overlap.align(small_corpus(), "ferry_a", "ferry_b")
    fog = al[al.text_a.str.contains("fog")]
    assert len(fog) == 1 and "thick fog hid the reef" in fog.iloc[0].text_b
    assert "Moulin" in fog.iloc[0].only_a and "Mulin" in fog.iloc[0].only_b
    assert not al.text_a.str.contains("Blue Line").any()   # dropped by the re-report: no counterpart


def test_unique_lists_what_each_side_has_alone():
    un = overlap.unique(small_corpus(), "ferry_a", "ferry_b")
    mine = un[un.doc_id == "ferry_a"]
    assert mine.text.str.contains("Blue Line").any()
    assert not mine.text.str.contains("fog").any()
    assert (un.best_score < overlap.ALIGN_THRESHOLD).all()


def test_align_and_unique_name_a_missing_document():
    with pytest.raises(overlap.OverlapError, match="nope"):
        overlap.align(small_corpus(), "ferry_a", "nope")


def test_derivation_links_cited_outlets_inside_and_outside_the_corpus():
    g = overlap.derivation(story_corpus())
    # the re-report cites the outlet of an article in its own family: edge from that article
    assert g.has_edge("ferry_a", "ferry_b")
    edge = g.edges["ferry_a", "ferry_b"]
    assert edge["relation"] == "cites" and edge["shared"] >= 2
    assert any("Harbour Times" in e for e in edge["evidence"])
    # a cited outlet not in the corpus becomes its own node
    assert g.nodes["Rural Agency"]["kind"] == "cited"
    assert g.has_edge("Rural Agency", "orchard")
    assert not g.has_edge("ferry_a", "budget") and not g.has_edge("budget", "ferry_a")


def test_derivation_orders_uncited_re_reports_by_publication_date():
    corpus = story_corpus()
    corpus["cites"] = [[], [], [], []]
    corpus["published"] = pd.to_datetime(["2025-05-16", "2025-05-15", "2025-05-01", "2025-06-01"])
    g = overlap.derivation(corpus)
    assert g.has_edge("ferry_b", "ferry_a") and g.edges["ferry_b", "ferry_a"]["relation"] == "re-reports"
    assert any("published first" in e for e in g.edges["ferry_b", "ferry_a"]["evidence"])


def test_derivation_leaves_siblings_of_one_cited_source_unlinked():
    corpus = story_corpus()
    corpus["cites"] = [["Wire Agency"], ["Wire Agency"], [], []]
    g = overlap.derivation(corpus)
    assert g.has_edge("Wire Agency", "ferry_a") and g.has_edge("Wire Agency", "ferry_b")
    assert not g.has_edge("ferry_a", "ferry_b") and not g.has_edge("ferry_b", "ferry_a")


def test_name_helpers_fold_transliteration_variants():
    assert overlap.fold_name("Kowalczyk") == overlap.fold_name("Kovalchik")
    assert overlap.fold_name("Wróbel") == overlap.fold_name("Vrobel")
    assert overlap.names("Yesterday the mayor, Jan de Vries, met Anna Berg in Paris.") == ["Yesterday", "Jan", "Vries", "Anna Berg", "Paris"]
    assert overlap.quotes('He said "we will win" and \u201cnever give up\u201d.') == ["we will win", "never give up"]
    assert overlap.roles("Mara Holt, a senior engineer at the plant, said so.") == {"Mara Holt": "senior engineer"}
    assert overlap.roles("The plant's chief engineer Mara Holt said so.") == {"Mara Holt": "chief engineer"}


def test_variants_find_a_respelled_name_a_reworded_quote_and_a_changed_role():
    extra = pd.DataFrame(
        {"text": [
            'Union leader Pavel Novak said: "We will strike until the mine is safe." Talks with the owner collapsed on Monday in Ostrava.',
            'Pavel Nowak, a miners\u2019 representative, said they would strike until the mine is safe. Talks with the owner collapsed on Monday in Ostrava.',
        ]},
        index=pd.Index(["mine_a", "mine_b"], name="doc_id"),
    )
    corpus = pd.concat([small_corpus(), extra])
    v = overlap.variants(corpus)
    pairs_found = set(zip(v.kind, v.variant_a, v.variant_b, strict=True))
    assert ("name", "Andreas Moulin", "Andrey Mulin") in pairs_found
    assert ("name", "Pavel Novak", "Pavel Nowak") in pairs_found
    assert any(k == "quote" and a == "We will strike until the mine is safe" for k, a, _ in pairs_found)
    assert any(k == "role" and "leader" in a and "representative" in b for k, a, b in pairs_found)
    # identical spellings and unrelated names are not variants
    assert not any(a == b for _, a, b in pairs_found)
    assert not v[v.kind == "name"].variant_a.str.contains("Ostrava|Esker|Valmora").any()


def test_hashing_in_worker_processes_gives_the_same_counts():
    texts = [FERRY_A, FERRY_B, BUDGET, ORCHARD, FERRY_A + " " + BUDGET]
    serial = overlap._counts(texts, chunk=2)
    parallel = overlap._counts(texts, chunk=2, n_jobs=2)
    assert (serial != parallel).nnz == 0 and serial.shape == parallel.shape


def test_edge_cases_give_plain_results_or_clear_errors():
    corpus = small_corpus()
    corpus.loc["blank"] = {"text": "", "title": "Nothing"}
    sim = overlap.similarity(corpus)
    assert sim.loc["blank", "blank"] == 0.0 and (sim.loc["blank"] == 0).all()
    assert overlap.families(corpus)["blank"] not in set(overlap.families(corpus).drop("blank"))
    one = small_corpus().iloc[:1]
    assert overlap.families(one).tolist() == ["F1"]
    assert overlap.pairs(one).empty
    with pytest.raises(overlap.OverlapError, match="top_k"):
        overlap.pairs(small_corpus(), top_k=0)
    twice = pd.concat([small_corpus(), small_corpus().iloc[:1]])
    with pytest.raises(overlap.OverlapError, match="ferry_a: doc_id appears more than once"):
        overlap.families(twice)
    with pytest.raises(overlap.OverlapError, match="DataFrame"):
        overlap.pairs(["not", "a", "frame"])


@pytest.mark.parametrize("coverage, words", [
    (0.95, "near-copies"),
    (0.30, "re-tellings that share passages"),
    (0.05, "share few passages"),
])
def test_describe_pairs_says_how_much_a_family_shares(coverage, words):
    within = pd.DataFrame({"doc_a": ["a"], "doc_b": ["b"], "score": [0.3],
                           "coverage_a": [coverage], "coverage_b": [coverage / 2]})
    text = overlap.describe_pairs(within)
    assert words in text and f"{coverage / 2:.0%}-{coverage:.0%}" in text


def test_family_pairs_gives_every_pair_however_low():
    corpus = pd.DataFrame({"text": ["The harbour closed after a tanker ran aground.",
                                    "Fishermen ask who will pay for the harbour cleanup.",
                                    "A tanker ran aground and the harbour closed."], "title": ""},
                          index=pd.Index(["a", "b", "c"], name="doc_id"))
    table = overlap.family_pairs(corpus, ["a", "b", "c"])
    assert {frozenset(p) for p in zip(table.doc_a, table.doc_b, strict=True)} == {
        frozenset("ab"), frozenset("ac"), frozenset("bc")}
