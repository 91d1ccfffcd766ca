"""Tests of newstrace.timeline: the tagger on text written for the tests, the dating of articles,
expressions and events on small hand-built corpora, and a few checks on the seeds."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pandas as pd
import pytest

from newstrace import paths
from newstrace.errors import CorpusError
from newstrace.timeline import (
    FAMILY_SLACK_DAYS,
    date_documents,
    events,
    expressions,
    interval,
    reference_events,
    tag,
)
from newstrace.timeline_tag import pin_year

TODAY = dt.date(2026, 1, 15)


def values(text, dct=None, **kw):
    return dict(zip(tag(text, dct, **kw)["surface"], tag(text, dct, **kw)["value"], strict=True))


def types(text, dct=None):
    t = tag(text, dct)
    return dict(zip(t["surface"], t["type"], strict=True))


# ------------------------------------------------------------------ the tagger: no false dates
def test_counts_and_counters_are_not_dates():
    text = "Some 2000 soldiers crossed. 1500 people fled. The page shows 4 165 2019 and 5491 visitors online."
    assert tag(text, "2024-05-01").empty


def test_ranges_of_years_are_durations():
    t = tag("Rebuilding the bridge will take 2-3 years, officials said.", "2024-05-01")
    assert t["surface"].tolist() == ["2-3 years"]
    assert t["type"].tolist() == ["DURATION"]


def test_may_the_verb_and_may_the_name_are_not_dates():
    text = "Prices may rise. May I ask? Theresa May said the plan may work."
    assert tag(text, "2019-03-01").empty
    assert values("The talks began in May.", "2019-09-01") == {"May": "2019-05"}


def test_numbers_in_outlet_names_are_not_dates():
    assert tag("This was reported by 24 Channel and Channel 5 News.", "2025-02-07").empty


def test_offsets_point_into_the_text():
    text = "  Officials said on Friday that the vote is in June."
    t = tag(text, "2021-03-10")
    for r in t.itertuples():
        assert text[r.start:r.end] == r.surface


# ------------------------------------------------------------------ explicit and partial dates
def test_weekday_with_day_and_month_pins_the_year_without_dct():
    assert values("It was announced on Thursday, February 6, in Geneva.", today=TODAY) == {"Thursday, February 6": "2025-02-06"}
    assert pin_year(2, 6, 3, today=TODAY) == 2025
    assert pin_year(2, 6, 3, around=2019) == 2020


def test_full_dates_in_common_news_formats():
    v = values("Talks on Aug. 7, 1998 and 12 March 2003 followed the 2001-09-11 attacks; see 03/04/2005.", "2010-01-01")
    assert v == {"Aug. 7, 1998": "1998-08-07", "12 March 2003": "2003-03-12", "2001-09-11": "2001-09-11",
                 "03/04/2005": "2005-03-04"}


def test_month_without_year_follows_news_style():
    # past clause in a November article: that year's August
    assert values("Troops crossed the border in August.", "2024-11-20") == {"August": "2024-08"}
    # future clause: the next January
    assert values("The bill will be debated in January.", "2024-11-20") == {"January": "2025-01"}
    # past clause about a month later in the year: the previous year's
    assert values("Protesters gathered in December.", "2025-02-10") == {"December": "2024-12"}


def test_partial_dates_and_modifiers():
    v = values("Prices peaked in mid-November and fell in late 1997, as in the 1990s.", "1998-02-01")
    assert v["mid-November"] == "1997-11"
    assert v["late 1997"] == "1997"
    assert v["the 1990s"] == "199"


# ------------------------------------------------------------------ relative expressions
def test_relative_dates_resolve_against_the_dct():
    dct = "2024-11-20"  # a Wednesday
    v = values("He resigned last week, two years ago she won, and earlier this month the court met yesterday.", dct)
    assert v["last week"] == "2024-W46"
    assert v["two years ago"] == "2022"
    assert v["earlier this month"] == "2024-11"
    assert v["yesterday"] == "2024-11-19"


def test_tense_picks_the_last_or_next_weekday():
    dct = "2024-11-20"  # Wednesday
    assert values("The minister said on Friday that talks failed.", dct) == {"Friday": "2024-11-15"}
    assert values("The minister will travel on Friday.", dct) == {"Friday": "2024-11-22"}


def test_vague_references():
    v = values("Prices are now higher than in the past, and will rise in the coming weeks.", "2020-01-01")
    assert v == {"now": "PRESENT_REF", "the past": "PAST_REF", "the coming weeks": "FUTURE_REF"}


def test_later_in_a_narrative_is_not_counted_from_the_dct():
    v = values("The army attacked. Six months later, it was still fighting.", "2025-02-06")
    assert v == {"Six months": "P6M"}
    assert values("The deal will close six months later than planned.", "2025-02-06")["six months later"] == "2025-08"


def test_quarters_and_a_year_earlier():
    v = values("Profit rose in the third quarter from a year earlier.", "1989-10-26")
    assert v == {"the third quarter": "1989-Q3", "a year earlier": "1988-Q3"}
    assert values("Sales fell from a year earlier.", "1989-10-26") == {"a year earlier": "1988"}


# ------------------------------------------------------------------ durations, times, sets
def test_durations():
    v = values("It may take up to a year; a five-hour meeting followed the past two months and 18 months.", "2020-01-01")
    assert v == {"up to a year": "P1Y", "five-hour": "PT5H", "the past two months": "P2M", "18 months": "P18M"}
    assert set(types("It may take up to a year; a five-hour meeting", "2020-01-01").values()) == {"DURATION"}


def test_times_and_sets():
    t = tag("The vote will start at 10:30 a.m. EDT Wednesday; the board meets every Thursday and reports daily.",
            "2024-11-18")
    got = dict(zip(t["surface"], zip(t["type"], t["value"], strict=True), strict=True))
    assert got["10:30 a.m. EDT Wednesday"] == ("TIME", "2024-11-20T10:30")
    assert got["every Thursday"] == ("SET", "XXXX-WXX-4")
    assert got["daily"] == ("SET", "P1D")


def test_without_dct_relative_values_stay_unresolved():
    v = values("The court met on Friday and will rule next week.", today=TODAY)
    assert v == {"Friday": "XXXX-WXX-5", "next week": "XXXX-WXX"}


def test_bad_input():
    assert tag("", "2020-01-01").empty
    assert list(tag("").columns) == ["start", "end", "surface", "type", "value"]
    with pytest.raises(TypeError):
        tag(b"bytes")
    with pytest.raises(ValueError, match="not an ISO date"):
        tag("on Friday", "last Tuesday")


# ------------------------------------------------------------------ intervals
def test_interval_of_values():
    ts = pd.Timestamp
    assert interval("2024-08") == (ts("2024-08-01"), ts("2024-08-31"))
    assert interval("2024-W46") == (ts("2024-11-11"), ts("2024-11-17"))
    assert interval("2024-Q3") == (ts("2024-07-01"), ts("2024-09-30"))
    assert interval("2024-WI") == (ts("2024-12-01"), ts("2025-02-28"))
    assert interval("199") == (ts("1990-01-01"), ts("1999-12-31"))
    assert interval("2024-02-06T10:30") == (ts("2024-02-06"), ts("2024-02-06"))
    for v in ("P6M", "PRESENT_REF", "XXXX-08", ""):
        assert all(pd.isna(x) for x in interval(v))


# ------------------------------------------------------------------ dating articles
def corpus(rows):
    df = pd.DataFrame(rows, columns=["doc_id", "text", "published", "published_how"]).set_index("doc_id")
    df["published"] = pd.to_datetime(df["published"])
    return df


def test_date_documents_evidence_order(tmp_path):
    c = corpus([
        ("stated", "The ministers met on Monday.", "2021-06-02", "metadata.csv"),
        ("weekday", "The report was published on Thursday, February 6, by the agency. Sales fell in 2024.", None, ""),
        ("weekday-no-year", "The report was published on Thursday, February 6, by the agency.", None, ""),
        ("events", "Tensions grew after Trump was elected. The dispute will be settled before Trump's inauguration.",
         None, ""),
        ("nothing", "Farmers complained about the weather.", None, ""),
    ])
    w = date_documents(c, today=TODAY, corpus_dir=tmp_path, families=pd.Series(dtype=str)).set_index("doc_id")
    assert w.loc["stated", "how"] == "stated" and w.loc["stated", "earliest"] == pd.Timestamp("2021-06-02")
    assert (w.loc["weekday", "earliest"], w.loc["weekday", "latest"]) == (pd.Timestamp("2025-02-06"), pd.Timestamp("2025-02-13"))
    # a weekday with a date and no year anywhere: many years fit, so no window, but the evidence says why
    assert pd.isna(w.loc["weekday-no-year", "earliest"]) and "weekday_date" in w.loc["weekday-no-year", "evidence"]
    assert (w.loc["events", "earliest"], w.loc["events", "latest"]) == (pd.Timestamp("2024-11-05"), pd.Timestamp("2025-01-20"))
    assert "inaugurated" in w.loc["events", "evidence"]
    assert w.loc["nothing", "how"] == "none" and pd.isna(w.loc["nothing", "earliest"])


def test_an_older_election_is_chosen_when_the_text_says_so(tmp_path):
    c = corpus([("old", "In March 2017, weeks after Trump was elected, the plan changed.", None, "")])
    w = date_documents(c, today=TODAY, corpus_dir=tmp_path, families=pd.Series(dtype=str)).iloc[0]
    assert w["earliest"] == pd.Timestamp("2017-03-01")


def test_family_propagation(tmp_path):
    c = corpus([
        ("a", "The agency reported the strike.", "2023-04-10", "dateline"),
        ("b", "Another outlet repeated the agency's report about the strike.", None, ""),
        ("c", "Unrelated story about gardens.", None, ""),
    ])
    fam = pd.Series({"a": "F1", "b": "F1", "c": "F2"})
    w = date_documents(c, today=TODAY, corpus_dir=tmp_path, families=fam).set_index("doc_id")
    assert w.loc["b", "how"] == "family"
    # a member of a story family appears within days of the others, not necessarily the same day
    slack = pd.Timedelta(days=FAMILY_SLACK_DAYS)
    assert (w.loc["b", "earliest"], w.loc["b", "latest"]) == (pd.Timestamp("2023-04-10") - slack,
                                                              pd.Timestamp("2023-04-10") + slack)
    assert w.loc["c", "how"] == "none"


def test_reference_events_extended_by_the_corpus_folder(tmp_path):
    base = reference_events()
    assert {"event", "group", "earliest", "latest", "pattern"} <= set(base.columns)
    (tmp_path / "events.csv").write_text("event,earliest,pattern\nThe town flood,2019-07-04,\\bthe great flood\\b\n",
                                         encoding="utf-8")
    ext = reference_events(tmp_path)
    assert len(ext) == len(base) + 1
    c = corpus([("x", "Since the great flood, the town has rebuilt its bridge.", None, "")])
    w = date_documents(c, today=TODAY, corpus_dir=tmp_path, families=pd.Series(dtype=str)).iloc[0]
    assert w["earliest"] == pd.Timestamp("2019-07-04") and "flood" in w["evidence"]
    c.attrs["root"] = str(tmp_path)  # what load_corpus records: the folder it read
    assert date_documents(c, today=TODAY, families=pd.Series(dtype=str)).iloc[0]["earliest"] == pd.Timestamp("2019-07-04")
    (tmp_path / "events.csv").write_text("event,earliest,pattern\nBad,someday,x\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="unreadable earliest"):
        reference_events(tmp_path)


def test_expressions_and_events_on_a_small_corpus(tmp_path):
    c = corpus([
        ("a", "Thousands rallied in the capital in January. The agency counted 3000 people.", "2025-02-10", "dateline"),
        ("b", "In January, thousands rallied in the capital, the agency said.", "2025-02-12", "dateline"),
        ("c", "A festival opened in the capital last week.", "2025-02-12", "dateline"),
    ])
    w = date_documents(c, today=TODAY, corpus_dir=tmp_path, families=pd.Series(dtype=str))
    ex = expressions(c, w, today=TODAY)
    assert list(ex.columns) == ["doc_id", "start", "end", "surface", "type", "value", "earliest", "latest", "anchor", "sentence"]
    a = ex[ex["doc_id"] == "a"].iloc[0]
    assert (a["value"], a["earliest"], a["latest"]) == ("2025-01", pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-31"))
    assert "rallied" in a["sentence"]
    ev = events(c, ex)
    rally = ev[ev["what"].str.contains("rallied")]
    assert len(rally) == 1 and rally.iloc[0]["doc_ids"] == ["a", "b"]
    assert ev[ev["what"].str.contains("festival")].iloc[0]["doc_ids"] == ["c"]


def test_uncertain_anchor_widens_the_interval(tmp_path):
    c = corpus([("u", "Fighting began last week. The strike will end before Trump's inauguration.", None, "")])
    w = pd.DataFrame({"doc_id": ["u"], "earliest": [pd.Timestamp("2024-12-01")], "latest": [pd.Timestamp("2024-12-31")],
                      "how": ["text"], "evidence": ["test"]})
    ex = expressions(c, w, today=TODAY)
    row = ex[ex["surface"] == "last week"].iloc[0]
    assert row["earliest"] <= pd.Timestamp("2024-11-25") and row["latest"] >= pd.Timestamp("2024-12-22")


# ------------------------------------------------------------------ the benchmark's reader
def test_timeml_reader_keeps_offsets(monkeypatch):
    monkeypatch.syspath_prepend(str(paths.ROOT / "benchmarks"))  # the script imports its sibling devdata.py
    spec = importlib.util.spec_from_file_location("timeml_bench", paths.ROOT / "benchmarks" / "timeml.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text, dct, gold = mod.parse_tml(paths.ROOT / "tests" / "data" / "timeline" / "sample.tml")
    assert dct == "2003-05-14"
    assert [g["surface"] for g in gold] == ["Monday", "in June", "three years"]
    assert "& will" in text
    pred = tag(text, dct)
    m = mod.match(gold, [{"start": r.start, "end": r.end, "type": r.type, "value": r.value} for r in pred.itertuples()])
    assert m["relaxed"] == 3 and m["value"] == 3


# ------------------------------------------------------------------ the seeds
@pytest.fixture(scope="module")
def seed_windows():
    from newstrace.corpus import load_corpus

    c = load_corpus(paths.SEEDS)
    return c, date_documents(c, today=TODAY, corpus_dir=paths.SEEDS).set_index("doc_id")


def test_seed_windows(seed_windows):
    c, w = seed_windows
    assert w["how"].ne("none").sum() >= 4
    pinned = w[w["evidence"].str.contains("weekday_date: 'Thursday, February 6' (written within a week after) ->",
                                          regex=False)]
    assert len(pinned) >= 1 and (pinned["earliest"] == pd.Timestamp("2025-02-06")).all()
    # the page header (the site's clock, six weeks later) disagrees with the text: said, not hidden
    header = w[w["evidence"].str.contains("page header", regex=False)]
    assert len(header) == 1 and header["conflict"].all() and "CONFLICT: page_date" in header.iloc[0]["evidence"]
    trump = w[w["evidence"].str.contains("inaugurated")]
    assert len(trump) == 1
    assert trump.iloc[0]["earliest"] == pd.Timestamp("2024-11-05") and trump.iloc[0]["latest"] == pd.Timestamp("2025-01-20")
    for doc_id, r in w.iterrows():
        if not (pd.isna(r["earliest"]) or pd.isna(r["latest"])):
            assert r["earliest"] <= r["latest"], doc_id


def test_seed_in_august_resolves_to_2024(seed_windows):
    c, w = seed_windows
    ex = expressions(c, w.reset_index(), today=TODAY)
    aug = ex[ex["surface"] == "August"]
    assert len(aug) >= 1 and (aug["value"] == "2024-08").all()


# ------------------------------------------------------------------ rules added while reading TimeBank errors
def test_rates_and_fractions_are_not_durations():
    assert tag("The plant costs $5 million a year and 3% a month to run.", "2020-01-01").empty
    assert tag("About three-quarters of voters and two quarters of the budget.", "2020-01-01").empty


def test_a_deadline_preposition_points_ahead():
    # "by February" written in late October: the coming February
    assert values("The company must repay the loan by February.", "1999-10-28") == {"February": "2000-02"}


def test_a_future_seen_from_the_past_is_past():
    # "was due to ... Friday" written on a Monday: the Friday before
    assert values("The offer was due to expire Friday.", "2001-05-14") == {"Friday": "2001-05-11"}


def test_last_year_after_a_quarter_in_the_same_sentence():
    v = values("Earnings in the second quarter rose from last year. Last year was hard.", "2005-08-10")
    assert v == {"the second quarter": "2005-Q2", "last year": "2004-Q2", "Last year": "2004"}


def test_fractional_and_hyphenated_years():
    v = values("The case lasted 2 1/2 years, until mid-1996.", "1998-01-01")
    assert v == {"2 1/2 years": "P2Y6M", "mid-1996": "1996"}


def test_the_year_and_the_latest_period():
    assert values("Net income for the year rose.", "1989-10-26") == {"the year": "P1Y"}
    assert tag("In the year, sales fell.", "1989-10-26")["value"].tolist() == ["1989"]
    assert tag("It failed the year before.", "1989-10-26").empty
    text = "Third-quarter profit rose 5%, compared with the year-ago period. Revenue in the latest period fell."
    v = values(text, "1989-10-26")
    assert v["the year-ago period"] == "1988-Q3" and v["the latest period"] == "1989-Q3"
    assert tag("The latest period of calm ended.", "1989-10-26").empty


def test_bad_corpus_input(tmp_path):
    with pytest.raises(ValueError, match="lacks column"):
        date_documents(pd.DataFrame({"title": ["x"]}), corpus_dir=tmp_path)
    with pytest.raises(TypeError):
        expressions(["not", "a", "frame"])
    empty = corpus([("e", None, None, "")])
    w = date_documents(empty, today=TODAY, corpus_dir=tmp_path, families=pd.Series(dtype=str))
    assert w.iloc[0]["how"] == "none"
    assert expressions(empty, w, today=TODAY).empty


def test_clock_time_with_a_date_and_a_week_or_so_ago():
    v = values("The offer expires at 5 p.m. EST, Nov. 6; it began a week or so ago.", "1989-10-30")
    assert v == {"5 p.m. EST, Nov. 6": "1989-11-06T17:00", "a week or so ago": "1989-W43"}
    assert values("Profit in next year's first quarter will rise.", "1989-10-30") == {"next year's first quarter": "1990-Q1"}


def test_end_of_the_month_near_term_and_this_past():
    v = values("By the end of the month, and in the near term, after this past Friday.", "2012-06-13")
    assert v == {"the end of the month": "2012-06", "the near term": "FUTURE_REF", "this past Friday": "2012-06-08"}
    assert values("Sales for the full year rose.", "2012-06-13") == {"the full year": "2012"}
    assert tag("The month was hot.", "2012-06-13").empty


def test_year_end_ahead_ago_and_past_unit():
    v = values("The deal closes by year-end; shares rose since year-end. In the weeks ahead, as months ago, "
               "over the past year the loss in the third quarter of $2 million grew.", "1989-10-30")
    assert values("The deal closes by year-end.", "1989-10-30") == {"year-end": "1989-12-31"}
    assert values("Shares rose since year-end.", "1989-10-30") == {"year-end": "1988-12-31"}
    assert v["the weeks ahead"] == "FUTURE_REF" and v["months ago"] == "PAST_REF"
    assert v["the past year"] == "P1Y" and v["the third quarter"] == "1989-Q3"
    assert tag("Half of them and a quarter of the vote; the first half of the match.", "1989-10-30").empty
    assert values("Sales in the first half of the year rose.", "1989-10-30") == {"the first half of the year": "1989-H1"}


def test_seed_texts_with_and_without_dct(seed_windows):
    c, _ = seed_windows
    pinned = [tag(t, today=TODAY) for t in c["text"]]
    hits = [r for t in pinned for r in t.itertuples() if r.surface == "Thursday, February 6"]
    assert hits and all(r.value == "2025-02-06" for r in hits)
    texts = [t for t in c["text"] if "in August" in t and "August 2024" not in t]
    assert texts
    aug = tag(texts[0], "2024-11-20")
    assert set(aug.loc[aug["surface"] == "August", "value"]) == {"2024-08"}
    for t in c["text"]:  # counters, "may" and the outlet "24 Channel" are never dates
        for r in tag(t, "2025-02-10").itertuples():
            assert r.surface.lower() not in {"may", "24", "24 channel"}
            assert not r.surface.isdigit() or len(r.surface) == 4, r.surface


# ------------------------------------------------------------------ rules added while reading AQUAINT errors
def test_ages_are_not_temporal_expressions():
    text = "A 44-year-old teacher, 52 years old, joined the 50-year-old alliance; her 6-month-old son slept."
    assert tag(text, "2000-01-07").empty
    assert values("The strike lasted 44 years.", "2000-01-07") == {"44 years": "P44Y"}


def test_minutes_are_pt_m_and_a_couple_is_two():
    v = values("The rally stopped for one minute after a couple of years of talks.", "2000-01-07")
    assert v == {"one minute": "PT1M", "a couple of years": "P2Y"}


def test_next_to_is_a_place_not_a_time_ahead():
    # written on a Saturday: the blast next to the embassy was the Friday before
    assert values("Bombs exploded next to the embassy on Friday.", "1998-08-08") == {"Friday": "1998-08-07"}


def test_participles_after_an_auxiliary_or_determiner_are_not_past():
    assert values("The summit would still be held on April 24.", "1999-02-10") == {"April 24": "1999-04-24"}
    assert values("It would be paid on a still unspecified date in January.", "1989-10-26") == {"January": "1990-01"}


def test_an_attribution_after_a_comma_does_not_set_the_tense():
    # written on a Friday: "will fly on Thursday" is the next Thursday, whatever "said" after the comma
    v = values("The envoy will fly home on Thursday, aides said on Wednesday.", "2000-04-07")
    assert v == {"Thursday": "2000-04-13", "Wednesday": "2000-04-05"}
    # a sentence that opens with the date takes the tense of its verb after the comma
    assert values("On Friday, the government paid the first sum.", "1998-09-30") == {"Friday": "1998-09-25"}


def test_as_soon_as_and_might_point_ahead():
    assert values("The group could leave as soon as Tuesday, he said.", "2000-04-03") == {"Tuesday": "2000-04-04"}
    assert values("The family might arrive on Tuesday.", "2000-04-03") == {"Tuesday": "2000-04-04"}


def test_last_and_next_with_a_day_and_month():
    v = values("He was shot last Oct. 23; the trial opens next May 5.", "1999-04-19")
    assert v == {"last Oct. 23": "1998-10-23", "next May 5": "1999-05-05"}
    assert values("They met last October.", "1999-04-19") == {"last October": "1998-10"}


def test_holidays_by_their_rule():
    dct = "2000-01-15"
    v = values("The boy was found on Thanksgiving Day; his uncle arrived last Thanksgiving too.", dct)
    assert v == {"Thanksgiving Day": "1999-11-25", "last Thanksgiving": "1999-11-25"}
    assert values("Easter 2001 was cold; the vote is on Election Day 2000.", dct) == {
        "Easter 2001": "2001-04-15", "Election Day 2000": "2000-11-07"}
    assert values("The party will meet at Christmas.") == {"Christmas": "XXXX-12-25"}
    # a past clause six days before Easter is about this Easter, not last year's
    assert values("Pilgrims prayed as Easter began.", "2000-04-17") == {"Easter": "2000-04-23"}


def test_annually_and_centuries_without_the():
    assert values("Rallies are held here annually.", "2000-01-15") == {"annually": "P1Y"}
    assert tag("Profits rose 8.5% annually.", "2000-01-15").empty  # a rate
    assert values("An 11th century temple stands there.", "2000-01-15") == {"11th century": "10"}


def test_current_year_with_a_relative_clause_and_the_last_half():
    v = values("It expects sales in the current fiscal year that are above plan.", "1989-10-26")
    assert v == {"the current fiscal year": "1989"}
    assert tag("It was the year that the war began.", "1989-10-26").empty
    assert values("Sales rose in the last half of 1989.", "1989-10-26") == {"the last half of 1989": "1989-H2"}
    assert tag("They led in the last half of the match.", "1989-10-26").empty


def test_planned_as_an_adjective_and_the_week_of_a_date():
    # "a hastily planned trip" says nothing of the tense: "lifted" makes it the Friday before
    text = "On Friday, when she set aside a hastily planned trip, the department lifted a warning."
    assert values(text, "1998-08-17") == {"Friday": "1998-08-14"}
    assert values("A hearing is set for the week of March 6.", "2000-02-24") == {"the week of March 6": "2000-W10"}


# ------------------------------------------------------------------ event chart: no silent truncation
def test_event_chart_says_how_many_it_shows_and_leaves_background_out():
    import matplotlib

    matplotlib.use("Agg")
    from newstrace.timeline_charts import event_chart

    day = pd.Timestamp
    rows = [{"earliest": day("1939-09-01"), "latest": day("1945-09-02"), "what": "war", "when": ["WWII"],
             "doc_ids": ["a"], "n_docs": 1}]
    rows += [{"earliest": day("2025-02-01") + pd.Timedelta(days=i), "latest": day("2025-02-01") + pd.Timedelta(days=i),
              "what": f"event {i}", "when": ["x"], "doc_ids": ["a"], "n_docs": 1} for i in range(30)]
    ev = pd.DataFrame(rows)
    win = pd.DataFrame({"doc_id": ["a"], "earliest": [day("2025-02-01")], "latest": [day("2025-03-05")]})
    fig, data = event_chart(ev, "t", "s", max_rows=25, windows=win)
    subtitle = " ".join(t.get_text() for t in fig.texts).replace("\n", " ")
    assert "showing 25 of 31 events" in subtitle and "1 earlier background event left out" in subtitle
    assert len(data) == 31 and int(data["shown"].sum()) == 25 and bool(data.loc[0, "background"])


@pytest.mark.parametrize("n_docs, background, title", [
    ([1], [False], "1 event in the news period, 0 told by more than one article"),
    ([2, 1, 3], [False, True, False],
     "2 events in the news period, 2 told by more than one article; 1 earlier background event"),
    ([1, 1, 2], [True, True, False], "1 event in the news period, 1 told by more than one article; "
                                     "2 earlier background events"),
])
def test_event_title_counts_in_words(n_docs, background, title):
    from newstrace.timeline_charts import event_title

    assert event_title(pd.DataFrame({"n_docs": n_docs, "background": background})) == title


def test_a_family_member_that_shares_no_passage_passes_on_no_dates(tmp_path):
    """Only a re-telling is written within days of its source: an article of the same family that shares
    no sentence with the dated one keeps its own (here: no) window."""
    report = ("The port authority closed the northern harbour on Tuesday after a tanker ran aground. "
              "Divers inspected the hull for damage overnight. The spill was contained by noon.")
    c = corpus([
        ("a", report, "2023-04-10", "dateline"),
        ("b", "Another outlet wrote: " + report, None, ""),
        ("c", "Months on, fishermen still ask who will pay for the cleanup of the coast.", None, ""),
    ])
    fam = pd.Series({"a": "F1", "b": "F1", "c": "F1"})
    w = date_documents(c, today=TODAY, corpus_dir=tmp_path, families=fam).set_index("doc_id")
    assert w.loc["b", "how"] == "family"
    assert w.loc["c", "how"] == "none" and pd.isna(w.loc["c", "earliest"])


@pytest.mark.parametrize("n", [5, 40, 41, 300])
def test_reporting_chart_counts_articles_per_period_beyond_forty(n):
    import matplotlib

    matplotlib.use("Agg")
    from newstrace import charts
    from newstrace.timeline_charts import MAX_ROWS, reporting_chart

    ids = [f"APW19980227.{i:04d}" for i in range(n)]
    start = pd.Timestamp("1998-02-01")
    windows = pd.DataFrame({
        "doc_id": ids,
        "earliest": [start + pd.Timedelta(days=i % 90) if i % 10 else pd.NaT for i in range(n)],
        "latest": [start + pd.Timedelta(days=i % 90 + (0 if i % 3 else 60)) if i % 10 else pd.NaT
                   for i in range(n)],
        "how": ["text"] * n, "evidence": [""] * n})
    corpus_ = pd.DataFrame({"outlet": ["Associated Press"] * n}, index=pd.Index(ids, name="doc_id"))
    fig, data = reporting_chart(windows, corpus_, "t", "s")
    fig.canvas.draw()
    assert charts.label_problems(fig) == [] and len(data) == n
    assert fig.get_figheight() <= 1.6 + 0.55 * MAX_ROWS
    texts = " ".join(t.get_text() for t in fig.texts)
    if n > MAX_ROWS:
        undated = sum(1 for i in range(n) if i % 10 == 0)
        wide = sum(1 for i in range(n) if i % 10 and i % 3 == 0)
        assert f"{n - undated - wide} of {n} articles dated to a window of 31 days or less" in texts
        assert f"{undated + wide} with a wider window or none are not counted" in texts

def test_shared_passages_answers_as_family_pairs_does():
    """The dating's per-pair test of shared passages gives family_pairs' answer for every pair."""
    from newstrace.overlap import SHARED_PASSAGE_COVERAGE, family_pairs, shared_passages

    lead = "The port authority closed the northern terminal on Monday after a fire in a warehouse."
    c = corpus([
        ("wire", f"{lead} Firefighters worked through the night. No one was hurt, officials said.", None, ""),
        ("copy", f"{lead} No one was hurt, officials said. Trade will resume next week.", None, ""),
        ("other", "Ship owners asked the port authority for a new terminal. The mayor agreed.", None, ""),
        ("empty", "", None, ""),
        ("alone", "Gardeners prize tomatoes grown under glass.", None, ""),
    ])
    fam = pd.Series({d: "F1" for d in c.index})
    shared = shared_passages(c, fam)
    table = family_pairs(c, c.index)
    expected = {frozenset((r.doc_a, r.doc_b)) for r in table.itertuples()
                if max(r.coverage_a, r.coverage_b) >= SHARED_PASSAGE_COVERAGE}
    assert expected, "the test corpus must hold a pair that shares passages"
    for a in c.index:
        for b in c.index:
            if a != b:
                assert shared(a, b) == (frozenset((a, b)) in expected), (a, b)
