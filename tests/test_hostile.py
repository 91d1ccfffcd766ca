"""Hostile and broken input (issue 16): no hang, no crash, no command run, nothing read from
outside the corpus folder. Each table is a list of bad inputs written for the test."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from newstrace import timeline
from newstrace.errors import CorpusError
from newstrace.timeline import date_documents, reference_events

TODAY = pd.Timestamp("2026-01-15").date()
HEADER = "event,earliest,pattern\n"


def _corpus(*texts: str) -> pd.DataFrame:
    df = pd.DataFrame({"text": list(texts), "published": pd.NaT, "published_how": ""},
                      index=pd.Index([f"d{i}" for i in range(len(texts))], name="doc_id"))
    df["published"] = pd.to_datetime(df["published"])
    return df


# ------------------------------------------------------------------ events.csv: user patterns
BAD_EVENTS = [
    # (name, file bytes, words the error must contain)
    ("overlapping alternatives repeated", HEADER + "Flood,2019-07-04,(x|xx)+y\n", ["row 1", "too slow"]),
    ("same alternative twice, repeated", HEADER + "Ok,2019-07-04,\\bflood\\b\nFlood,2019-07-04,(a|a)+$\n",
     ["row 2", "too slow"]),
    ("unbalanced parenthesis", HEADER + "Flood,2019-07-04,(flood\n", ["row 1", "bad pattern"]),
    ("matches the empty string", HEADER + "Flood,2019-07-04,a*\n", ["row 1", "empty string"]),
    ("empty pattern", HEADER + "Flood,2019-07-04,\n", ["row 1", "empty string"]),
    ("very long pattern", HEADER + "Flood,2019-07-04," + "flood" * 500 + "\n", ["row 1", "over the 2000"]),
    ("unreadable date", HEADER + "Ok,2019-07-04,flood\nFlood,someday,flood\n", ["row 2", "earliest"]),
    ("empty file", "", ["empty events table"]),
    ("missing column", "event,pattern\nFlood,flood\n", ["lacks column", "earliest"]),
    ("a row with extra cells", HEADER + "Flood,2019-07-04,flood,x,y\n", ["cannot read", "line 2"]),
]

# nested repeats that make Python's re backtrack exponentially; the regex engine used here runs
# them in linear time, so they are accepted, and dating an article of 40 a's finishes at once
HANDLED = [r"(a+)+$", r"(\w+\s?)+$", r"(a*)*b", r"(.*a){12}"]


@pytest.mark.parametrize("pattern", HANDLED)
def test_nested_repeats_the_engine_handles_do_not_hang(tmp_path, pattern):
    (tmp_path / "events.csv").write_text(HEADER + f"Flood,2019-07-04,{pattern}\n", encoding="utf-8")
    start = time.perf_counter()
    date_documents(_corpus("a" * 40 + "!", "a " * 40 + "!"), today=TODAY, corpus_dir=tmp_path,
                   families=pd.Series(dtype=str))
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("name, content, words", BAD_EVENTS, ids=[c[0] for c in BAD_EVENTS])
def test_a_bad_events_file_is_a_corpus_error_naming_the_file_and_row(tmp_path, name, content, words):
    (tmp_path / "events.csv").write_text(content, encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(CorpusError) as err:
        reference_events(tmp_path)
    assert time.perf_counter() - start < 5
    assert "events.csv" in err.value.path
    for word in words:
        assert word in str(err.value)


def test_an_events_file_of_binary_bytes_is_a_named_error(tmp_path):
    (tmp_path / "events.csv").write_bytes(b"\xff\xfe\x00\x81\x00garbage\x00" * 50)
    with pytest.raises(CorpusError) as err:
        reference_events(tmp_path)
    assert err.value.path.endswith("events.csv")


def test_a_good_user_pattern_is_still_matched(tmp_path):
    (tmp_path / "events.csv").write_text(HEADER + "The flood,2019-07-04,\\bthe great flood\\b\n", encoding="utf-8")
    w = date_documents(_corpus("Since the great flood, the town has rebuilt its bridge."), today=TODAY,
                       corpus_dir=tmp_path, families=pd.Series(dtype=str)).iloc[0]
    assert w["earliest"] == pd.Timestamp("2019-07-04")


def test_a_pattern_slow_only_on_the_article_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    # a pattern that slipped past the load-time probe: the match itself has a time limit
    (tmp_path / "events.csv").write_text(HEADER + "Ok,2019-07-04,flood\nFlood,2019-07-04,(x|xx)+y\n", encoding="utf-8")
    monkeypatch.setattr(timeline, "_probe_texts", lambda pattern: [])
    monkeypatch.setattr(timeline, "MATCH_SECONDS", 0.2)
    start = time.perf_counter()
    with pytest.raises(CorpusError) as err:
        date_documents(_corpus("x" * 40 + "!"), today=TODAY, corpus_dir=tmp_path, families=pd.Series(dtype=str))
    assert time.perf_counter() - start < 5
    assert "events.csv" in err.value.path and "row 2" in err.value.path and "took over" in err.value.reason


def test_an_events_file_linked_from_outside_the_folder_is_not_read(tmp_path):
    outside = tmp_path / "elsewhere.csv"
    outside.write_text(HEADER + "Flood,2019-07-04,flood\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "events.csv").symlink_to(outside)
    with pytest.raises(CorpusError, match="outside the corpus folder"):
        reference_events(folder)
