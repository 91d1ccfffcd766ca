"""newstrace.overlap on the seed articles: what a careful reader finds."""

from __future__ import annotations

import warnings

import pytest

from newstrace import overlap, paths
from newstrace.corpus import load_corpus


@pytest.fixture(scope="module")
def seeds():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(paths.SEEDS)
    by_prefix = {d[:3]: d for d in corpus.index}
    return corpus, by_prefix


@pytest.mark.xfail(strict=True, reason="issue 12, open: the same-story model fitted on ECB+ joins two Washington "
                   "Post stories of one topic (word cosine 0.095, p_same 0.51: shared topic names weigh too much in a "
                   "five-article corpus, and families have no dates to apply the time rule)")
def test_seeds_split_into_the_bloomberg_family_and_separate_washington_post_stories(seeds):
    corpus, d = seeds
    fam = overlap.families(corpus)
    assert fam[d["000"]] == fam[d["001"]] == fam[d["002"]]
    # 003 (Russia's counter-offensive) and 004 (the first days of the incursion) are two
    # different Washington Post stories: neither joins the Bloomberg family nor each other
    assert fam[d["003"]] != fam[d["000"]] and fam[d["004"]] != fam[d["000"]]
    assert fam[d["003"]] != fam[d["004"]]


def test_alignment_finds_the_bargaining_chip_and_trump_card_sentences(seeds):
    corpus, d = seeds
    al = overlap.align(corpus, d["000"], d["001"])
    row = al[al.text_a.str.contains("bargaining chip") & al.text_b.str.contains("trump card")]
    assert len(row) == 1
    assert "setback" in al.only_a.str.cat(sep=" ") and "failure" in al.only_b.str.cat(sep=" ")


def test_variants_find_the_respelled_analyst_and_the_changed_title(seeds):
    corpus, d = seeds
    v = overlap.variants(corpus)
    names = v[v.kind == "name"]
    hit = names[(names.variant_a == "Bota Ilijas") & (names.variant_b == "Botha Ilias")]
    assert len(hit) == 1 and "senior analyst" in hit.iloc[0].text_a and "senior analyst" in hit.iloc[0].text_b
    roles = v[v.kind == "role"]
    assert any("research fellow" in a and "consultant" in b for a, b in zip(roles.variant_a, roles.variant_b, strict=True))


def test_derivation_puts_the_cited_originals_outside_the_corpus(seeds):
    corpus, d = seeds
    g = overlap.derivation(corpus)
    cited = {n for n, k in g.nodes(data="kind") if k == "cited"}
    assert {"Bloomberg", "The Washington Post"} <= cited
    for p in ("000", "001", "002"):
        assert g.has_edge("Bloomberg", d[p])
    assert g.has_edge("The Washington Post", d["003"]) and g.has_edge("The Washington Post", d["004"])
    # three translations of one Bloomberg piece are siblings, not copies of each other
    articles = [n for n, k in g.nodes(data="kind") if k == "article"]
    assert not any(g.has_edge(a, b) for a in articles for b in articles)


def test_pairs_on_seeds_rank_bloomberg_re_reports_above_cross_story_pairs(seeds):
    corpus, d = seeds
    out = overlap.pairs(corpus)
    bloomberg = {d["000"], d["001"], d["002"]}
    within = out[out.doc_a.isin(bloomberg) & out.doc_b.isin(bloomberg)]
    across = out[~(out.doc_a.isin(bloomberg) & out.doc_b.isin(bloomberg))]
    assert len(within) == 3
    assert within.score.min() > across.score.max()
    assert (within[["coverage_a", "coverage_b"]] > 0).all().all()
