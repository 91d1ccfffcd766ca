"""Outlet, cited originals and canonical names: rules on text written for the test."""

import pytest

from newstrace.sources import (
    byline,
    canonical_outlet,
    find_cites,
    find_outlet,
    is_media_name,
    outlet_from_chrome,
)


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Prices rose again in May. Valley Times informs.", "Valley Times"),
        ("This was reported by Harbour News with reference to Reuters.", "Harbour News"),
        ("Metro Daily reports, citing Bloomberg, that the deal is off.", "Metro Daily"),
        ("The mayor resigned on Friday, the council said.", ""),
    ],
)
def test_self_attribution_names_the_publishing_outlet(text, outlet):
    assert find_outlet(text)[0] == outlet


def test_site_name_in_page_chrome_names_the_outlet():
    assert outlet_from_chrome(["Follow valleytimes.org on social media"])[0] == "Valleytimes"
    assert outlet_from_chrome(["© 2024 Harbour Herald. All rights reserved."])[0] == "Harbour Herald"
    assert outlet_from_chrome(["Home", "Sport"])[0] == ""
    assert outlet_from_chrome([], mastheads=["Menu", "The Harbour Herald"])[0] == "Harbour Herald"
    assert outlet_from_chrome(["Join our Telegram channel"], mastheads=["Storm warning for the coast"])[0] == ""


@pytest.mark.parametrize(
    "text, cites",
    [
        ("Bloomberg writes that the talks have stalled.", ["Bloomberg"]),
        ("It is reported by The Washington Post.", ["The Washington Post"]),
        ("This was reported by Harbour News with reference to Bloomberg.", ["Harbour News", "Bloomberg"]),
        ("According to Reuters, 40 ships are waiting.", ["Reuters"]),
        ("A port manager told the Financial Times that costs doubled.", ["Financial Times"]),
        ('According to a "New York Times" interlocutor, the plan failed.', ["The New York Times"]),
        ("KESSEL (AP) - The border reopened on Tuesday.", ["Associated Press"]),
        ("Shares fell by a third, the Business Ledger reports.", ["Business Ledger"]),
        ("The clinic closed, writes Health Journal Online.", ["Health Journal Online"]),
        ("As the Harbor Times writes, the deal is big. He told the Harbor Times so.", ["Harbor Times"]),
        ("According to the General Staff, losses rose.", []),
        ("According to Anna Berg, an analyst, losses rose.", []),
        ("Officials said the bridge would reopen. He said it was safe.", []),
    ],
)
def test_attribution_names_cited_media_only(text, cites):
    assert find_cites(text) == cites


def test_headline_forms_cite_the_original_and_own_outlet_is_left_out():
    assert find_cites("", title="Reuters: Port strike ends") == ["Reuters"]
    assert find_cites("", title="Port strike ends - Bloomberg") == ["Bloomberg"]
    assert find_cites("Valley Times writes that the strike ended.", outlet="Valley Times") == []


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("Washington Post", "The Washington Post"),
        ("the Washington Post", "The Washington Post"),
        ('"The Washington Post"', "The Washington Post"),
        ("the newspaper The Guardian", "The Guardian"),
        ("AP", "Associated Press"),
        ("harbour-news.com", "Harbour-news"),
        ("Example.NET", "Example.NET"),
        ("Valley Times", "Valley Times"),
    ],
)
def test_canonical_outlet_names(name, canonical):
    assert canonical_outlet(name) == canonical


def test_media_names_are_told_from_people_and_institutions():
    assert is_media_name("Valley Times") and is_media_name("7 Channel") and is_media_name("Reuters")
    assert not is_media_name("the General Staff") and not is_media_name("Anna Berg")
    assert not is_media_name("the agency")


def test_byline_forms():
    assert byline("By Jane Morrow") == "Jane Morrow"
    assert byline("Author: Tom Ashdown") == "Tom Ashdown"
    assert byline("By Jane Morrow and Tom Ashdown, Valley Times") == "Jane Morrow and Tom Ashdown"
    assert byline("By the end of the week the port reopened.") == ""
    assert byline("By Staff reporter") == "Staff reporter"
    assert byline("By Marit Olsen, North Sound News, 14 March 2026") == "Marit Olsen"
