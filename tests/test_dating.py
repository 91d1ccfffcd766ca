"""Tests of newstrace.dating: each rule on text written for the test, the weighing of clues,
conflicts said rather than hidden, and years pandas' nanosecond Timestamps cannot hold."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from newstrace.dating import STRENGTH, clues_for, dateline_clues, weigh
from newstrace.timeline import date_documents, events, expressions, reference_events

TODAY = dt.date(2025, 4, 1)
T = pd.Timestamp
HEADER = 'page header "23 March 2025, Sunday, 20:32"'


def window(text, published=None, how="", dateline=None):
    clues = clues_for(text, reference_events(), published, how, dateline)
    lo, hi, why, conflict = weigh(clues, TODAY)
    return lo, hi, "; ".join(why), conflict


def same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


# (name, text, published, published_how, earliest, latest, text the evidence must hold)
CASES = [
    ("past_date", "Sales fell in March 2017, the company said.", None, "", T("2017-03-01"), None, "past_date"),
    ("since is past whatever the verb", "Since 1983, the firm has sold 70 of its units.", None, "",
     T("1983-01-01"), None, "'1983'"),
    ("until in a past clause is not ahead", "She lived in London until 1989 and later moved to Paris.", None, "",
     None, None, ""),
    ("a forecast is no past event", "The company expects profit to rise in 1990.", None, "", None, T("1990-12-31"),
     "future_date"),
    ("a deadline is no past event", "His promise to halve unemployment by the year 2000 has been abandoned.",
     None, "", None, None, ""),
    ("historic years are background", "He was wounded in 1944, his son said. Prices rose in 2019.", None, "",
     T("2019-01-01"), None, "historic"),
    ("weekday with a date, past", "The report was published on Thursday, February 6. Sales fell in 2024.", None, "",
     T("2025-02-06"), T("2025-02-13"), "weekday_date"),
    ("weekday with a date, future", "The vote will be held on Thursday, February 6. Sales fell in 2024.", None, "",
     T("2025-01-30"), T("2025-02-06"), "before"),
    ("weekday with a date and no year anywhere", "The report was published on Thursday, February 6.", None, "",
     None, None, "no year"),
    ("stated date", "The ministers met on Monday.", "2021-06-02", "metadata.csv", T("2021-06-02"), T("2021-06-02"),
     "stated"),
    ("page header agreeing with the text", "This was reported on Thursday, February 6, by the agency.",
     "2025-02-07", 'page header "7 February 2025, Friday, 09:15"', T("2025-02-07"), T("2025-02-07"), "page_date"),
    ("past reference event", "Prices rose after Russia's full-scale invasion began.", None, "", T("2022-02-24"), None,
     "reference_event"),
]


@pytest.mark.parametrize("name,text,pub,how,lo,hi,says", CASES, ids=[c[0] for c in CASES])
def test_rule_windows(name, text, pub, how, lo, hi, says):
    got_lo, got_hi, why, _ = window(text, pd.Timestamp(pub) if pub else None, how)
    assert same(got_lo, lo) and same(got_hi, hi), (got_lo, got_hi, why)
    assert says in why


def test_a_page_clock_later_than_the_text_is_a_conflict_said_in_the_evidence():
    lo, hi, why, conflict = window("This was reported on Thursday, February 6, by the agency.", T("2025-03-23"), HEADER)
    assert (lo, hi) == (T("2025-02-06"), T("2025-02-13"))
    assert conflict and "CONFLICT: page_date" in why


def test_equal_strength_clues_that_disagree_widen_the_window():
    text = ("On Monday, March 3, the talks opened. On Friday, March 28, the ministry said they had failed. "
            "Sales fell in 2024.")
    lo, hi, why, conflict = window(text)
    assert conflict and lo == T("2025-03-03") and hi == T("2025-04-04"), why


@pytest.mark.parametrize("line,month,day,lo", [
    ("BUDAPEST, March 12 (Xinhua) --", 3, 12, None),
    ("WASHINGTON, August 8, 1998 (AP) --", 0, 0, T("1998-08-08")),
    ("NAIROBI, Kenya (AP) _", None, None, None),
    ("The minister said on Friday that", None, None, None),
])
def test_dateline(line, month, day, lo):
    got = dateline_clues(line)
    if month is None:
        assert got == []
        return
    assert len(got) == 1 and got[0].rule == "dateline" and got[0].month == month and got[0].day == day
    assert same(got[0].lo, lo)


def test_a_dateline_takes_its_year_from_the_text():
    lo, hi, why, _ = window("Prices fell in July 1998, the ministry said.", dateline="BRUSSELS, February 10 (Xinhua) --")
    assert lo == T("1998-07-01") and hi is not pd.NaT and "dateline" in why  # 1999 or 2000: a wide honest window
    assert hi >= T("1999-02-10")


def test_every_rule_in_the_evidence_has_a_strength():
    lo, hi, why, _ = window("Sales fell in March 2017, the company said. It will grow in 2030.")
    for piece in why.split("; "):
        assert piece.split(":", 1)[0] in set(STRENGTH) | {"historic", "set aside", "CONFLICT"}


# ------------------------------------------------------------------ years pandas cannot hold in nanoseconds
def test_years_from_1600_to_3000_never_crash_and_a_numbered_list_is_no_date():
    texts = {"a": "In 1600 the town was founded. It will be rebuilt by 3000. The colony grew in the year 1650.",
             "b": "Items:\nLine 1598\nLine 1599\nLine 1600\nLine 1601\nThe report was published on March 3, 2024.",
             "c": "In the 16th century and in 9999 and the year 3000 came."}
    c = pd.DataFrame({"text": texts, "published": pd.NaT, "published_how": ""})
    c.index.name = "doc_id"
    w = date_documents(c, families=pd.Series(dtype=str), today=TODAY)
    ex = expressions(c, w, today=TODAY)
    ev = events(c, ex)
    assert T("1600-01-01") in set(ex["earliest"]) and T("1500-01-01") in set(ex["earliest"])
    assert not ex[ex["doc_id"] == "b"]["surface"].str.contains("1600").any()
    assert ev["earliest"].min() == T("1500-01-01")
