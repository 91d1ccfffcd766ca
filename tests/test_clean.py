"""Chrome removal, headline, byline and page date: each rule on text written for the test."""

import random
import re

import pandas as pd
import pytest

from newstrace.clean import chrome_reason, clean_article, is_headline, is_paragraph, parse_date

BODY = [
    "The city council approved the new budget on Tuesday after a four-hour debate.",
    "Spending on schools will rise by 6%, the finance committee said.",
    "“We had no other choice,” said councillor Maria Lopez.",
    "The vote was 9 to 4.",
]


def random_strings(pieces, seed, count, max_pieces, min_pieces=0):
    """``count`` strings of ``min_pieces`` to ``max_pieces`` pieces drawn from ``pieces``: for tests that
    compare a fast rule with the plain definition it replaces."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(min_pieces, max_pieces))) for _ in range(count)]


def page(header=(), title="Council approves budget after long debate", footer=(), body=BODY):
    return "\n".join([*header, title, "", *body, "", *footer]) + "\n"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("1 204 visitors online", "visitor or view counter"),
        ("Views: 3 410", "visitor or view counter"),
        ("Write your comment 14", "comment prompt"),
        ("Comments (7)", "comment prompt"),
        ("Support the website", "donation or subscription appeal"),
        ("Subscribe to our newsletter", "donation or subscription appeal"),
        ("Follow us on Telegram", "social media links"),
        ("Follow Example.org social media accounts", "social media links"),
        ("Share on Facebook", "social media links"),
        ("previous post", "navigation"),
        ("Next article", "navigation"),
        ("Categories", "navigation"),
        ("Read also: Ferry fares rise again", "related-story link"),
        ("Advertisement", "advertisement"),
        ("Tags: budget, council, schools", "tags line"),
        ("© 2024 Example Gazette. All rights reserved.", "copyright or legal notice"),
        ("Photo: City press office", "photo or video credit"),
        ("4 165 5", "counter or page number"),
        ("27", "counter or page number"),
        ("5 min read", "reading time"),
    ],
)
def test_chrome_lines_are_recognised_with_their_reason(line, reason):
    assert chrome_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell by 3% on Monday.",
        "Follow the money, the prosecutor told the jury.",
        "Support for the plan has grown, a poll shows.",
        "Comments by the minister caused an uproar.",
        "Next week the talks resume in Geneva.",
        "The vote was 9 to 4.",
        "Photo agencies were not allowed into the court.",
    ],
)
def test_body_sentences_that_start_like_chrome_are_not_chrome(line):
    assert chrome_reason(line) == ""


def test_header_footer_and_repeated_headline_are_removed_and_body_kept():
    raw = page(
        header=["14 June 2023, Wednesday, 18:05", "Home", "Politics", "Donate", "The Example Gazette"],
        footer=["Council approves budget after long debate", "Write your comment 2", "Follow us on X", "next post"],
    )
    c = clean_article(raw)
    assert c.title == "Council approves budget after long debate"
    assert c.text.split("\n") == BODY
    reasons = {r["text"]: r["reason"] for r in c.removed}
    assert reasons["14 June 2023, Wednesday, 18:05"] == "page date line"
    assert reasons["The Example Gazette"] == "page header (masthead or navigation)"
    assert reasons["Write your comment 2"] == "comment prompt"
    assert c.page_date == pd.Timestamp("2023-06-14")


def test_headline_shown_twice_is_the_title_and_other_header_headlines_are_related_links():
    raw = page(header=["Menu", "Council approves budget after long debate"],
               title="Council approves budget after long debate\nMayor faces vote of confidence next month")
    c = clean_article(raw)
    assert c.title == "Council approves budget after long debate"
    assert {"text": "Mayor faces vote of confidence next month",
            "reason": "related-story headline between headline and body"} in c.removed
    assert c.text.split("\n") == BODY


def test_short_closing_sentences_after_the_last_paragraph_are_kept():
    body = [*BODY[:2], "Talks resume on Monday.", "It rained."]
    c = clean_article(page(body=body, footer=["Share", "Comments (0)"]))
    assert c.text.split("\n") == body


def test_navigation_glued_to_the_end_of_a_flattened_page_is_cut():
    flat = " ".join(BODY) + "Why the budget matters"
    c = clean_article("Council approves budget after long debate\n\n" + flat + "\nMayor faces a vote\n12\nprevious post\n")
    assert c.text == " ".join(BODY)
    assert {"text": "Why the budget matters", "reason": "navigation glued to the end of the body"} in c.removed


def test_flattened_page_gives_up_headline_and_byline_when_the_headline_is_repeated_below():
    body = " ".join(BODY * 4)
    raw = f"Council approves budget after long debate Jane Morrow {body}\nCouncil Approves Budget After Long Debate\n3\n"
    c = clean_article(raw)
    assert c.title == "Council approves budget after long debate"
    assert c.author == "Jane Morrow"
    assert c.text.startswith("The city council approved")
    assert {"text": "Council Approves Budget After Long Debate", "reason": "repeated headline"} in c.removed


def test_flattened_page_headline_and_byline_without_repetition():
    body = " ".join(BODY * 4)
    c = clean_article(f"Council approves budget after long debate Jane Morrow {body}\n")
    assert (c.title, c.author) == ("Council approves budget after long debate", "Jane Morrow")


@pytest.mark.parametrize("gap", [" ", "  ", " \t "])
def test_flattened_page_loses_the_whole_byline_whatever_the_spaces_in_it(gap):
    body = " ".join(BODY * 4)
    for raw in (f"Council approves budget after long debate Jane{gap}Morrow {body}\n",  # headline not repeated
                f"Council approves budget after long debate  Jane{gap}Morrow  {body}\nCouncil Approves Budget "
                "After Long Debate\n"):  # repeated below
        c = clean_article(raw)
        assert (c.title, c.author, c.text) == ("Council approves budget after long debate", "Jane Morrow", body)
        assert c.n_words == len(c.text.split()) and c.n_words_raw == len(raw.split())


def test_a_date_line_whose_date_does_not_exist_gives_no_date_and_no_evidence():
    c = clean_article(page(header=["Published: 31 February 2025", "Published: 3 March 2025"]))
    assert (c.page_date, c.page_date_evidence) == (pd.Timestamp("2025-03-03"), "Published: 3 March 2025")
    c = clean_article(page(header=["Published: 31 February 2025"]))
    assert (c.page_date, c.page_date_evidence) == (None, "")
    assert {"text": "Published: 31 February 2025", "reason": "page date line"} in c.removed


def test_byline_line_gives_the_author():
    c = clean_article(page(header=["By Tom Ashdown"]))
    assert c.author == "Tom Ashdown"
    assert {"text": "By Tom Ashdown", "reason": "byline"} in c.removed


def test_article_without_headline_keeps_its_first_sentence():
    c = clean_article("\n".join(BODY))
    assert c.title == ""
    assert c.text.split("\n") == BODY


def test_page_of_short_lines_only_keeps_non_chrome_lines():
    c = clean_article("Home\nStorm warning for the coast\nStay indoors tonight.\nShare\n")
    assert "Stay indoors tonight." in c.text and "Share" not in c.text.split("\n")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("23 March 2025, Sunday", "2025-03-23"),
        ("March 23, 2025 10:15", "2025-03-23"),
        ("Published: 2024-11-05T08:00:00Z", "2024-11-05"),
        ("05.11.2024 14:30", "2024-11-05"),
        ("Updated on 1st February 2023", "2023-02-01"),
    ],
)
def test_parse_date_reads_full_dates(text, expected):
    assert parse_date(text) == pd.Timestamp(expected)


def test_parse_date_rejects_impossible_and_partial_dates():
    assert parse_date("31 February 2024") is None
    assert parse_date("in March") is None


def test_headline_and_paragraph_shapes():
    assert is_headline("Dock workers extend strike at Port Alder")
    assert not is_headline("Dock workers extend strike.")
    assert is_paragraph("The strike enters its third week on Monday.")
    assert not is_paragraph("Sim Sim,")


def test_masthead_after_the_headline_is_not_a_related_story_and_byline_carries_the_date():
    raw = page(header=[], title="Council approves budget after long debate\nThe Harbour Herald\n"
               "By Jane Morrow, Harbour Herald, 14 March 2026")
    c = clean_article(raw)
    assert c.title == "Council approves budget after long debate"
    assert {"text": "The Harbour Herald", "reason": "page header (masthead or navigation)"} in c.removed
    assert c.author == "Jane Morrow" and c.page_date == pd.Timestamp("2026-03-14")


@pytest.mark.parametrize(
    "raw",
    [
        page(header=["Home", "By Tom Ashdown"], footer=["Share", "Comments (0)"]),
        "Council approves budget after long debate\n\n" + " ".join(BODY) + "Why the budget matters\nprevious post\n",
        "Council approves budget\r\n\r\n" + "\u00a0".join(BODY) + "\r\n",
        page(body=[BODY[0] + " \u200b " + BODY[1], *BODY[2:]]),  # a zero-width character standing alone
        f"Council approves budget after long debate Jane Morrow {' '.join(BODY * 4)}\n",
        "Home\nStorm warning for the coast\nStay indoors tonight.\nShare\n",
    ],
)
def test_word_counts_equal_a_plain_split_of_input_and_text(raw):
    c = clean_article(raw)
    assert c.n_words_raw == len(raw.split())
    assert c.n_words == len(c.text.split())


def test_line_end_checks_read_from_the_end_agree_with_the_patterns_they_replace():
    # the regexes are the definitions; the line-end readers must answer the same on any line
    import re

    from newstrace.clean import _ends_with, ends_sentence

    terminal = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
    quote_end = re.compile(r"[\"”»]\s*$")
    alphabet = ["a", "B", " ", "\t", ".", "!", "?", "…", '"', "'", "”", "’", "»", ")", "]", ";", ",", "\u3000", "x."]
    for line in random_strings(alphabet, seed=7, count=20000, max_pieces=8):
        assert ends_sentence(line) == bool(terminal.search(line)), line
        assert _ends_with(line, ('"', "”", "»")) == bool(quote_end.search(line)), line
        assert _ends_with(line, (".", ";", ",")) == bool(re.search(r"[.;,]\s*$", line)), line


def test_glued_tail_start_agrees_with_the_pattern_it_replaces():
    import re

    from newstrace.clean import _glued_tail_start

    before = re.compile(r"[a-z0-9)\]%”\"’]$")

    def reference(line):
        dot = max(line.rfind("."), line.rfind("!"), line.rfind("?"))
        if dot < 2 or dot + 2 >= len(line):
            return 0
        ok = line[dot + 1].isupper() and line[dot + 2].islower() and before.search(line, 0, dot)
        return dot + 1 if ok else 0

    alphabet = ["a", "B", "Re", " ", ".", "!", "?", "”", "%", ")", "9", "É", "é", "Z"]
    for line in random_strings(alphabet, seed=3, count=20000, max_pieces=10):
        assert _glued_tail_start(line) == reference(line), line


def test_fast_chrome_matching_gives_the_first_matching_pattern_on_any_line():
    # chrome_reason lower-cases the line and tries the start-anchored alternatives before the costly
    # "anywhere" ones; the reference is the plain rule: the first pattern (case-insensitive) that matches

    from newstrace.clean import _ANYWHERE_KEYS, _CHROME_ANYWHERE, _CHROME_START, CHROME_PATTERNS

    def reference(line):
        if not line.strip():
            return ""
        return next((reason for reason, pattern in CHROME_PATTERNS if pattern.match(line)), "")

    words = ["Share", "on", "Facebook", "Photo:", "Getty Images", "All", "Rights", "Reserved", "©", "2024",
             "We", "use", "cookies", "Privacy Policy", "Terms of Use", "Subscribe", "newsletter", "Read also:",
             "Comments", "(3)", "12", "views", "Tags:", "Home", "next", "»", "page", "the", "Council", "vote.",
             "5491", "visitors online", "«", "previous", "5 min read", "[ad]", "Getty", "Reuters/Jane", "٣"]
    rng = random.Random(11)
    for _ in range(20000):
        line = rng.choice(["", " ", "\t"]) + " ".join(rng.choice(words) for _ in range(rng.randint(1, 7)))
        assert chrome_reason(line) == reference(line), line
    # the patterns are written in lower case (escapes such as \S aside): they meet a lower-cased line
    for _, pattern in CHROME_PATTERNS:
        assert not re.search(r"(?<!\\)[A-Z]", pattern.pattern), pattern.pattern
    # every alternative is in one of the two matchers, and an "anywhere" one only runs on its key words
    assert len(_CHROME_START.groupindex) + len(_CHROME_ANYWHERE.groupindex) == sum(
        p.pattern.count("|^") + 1 for _, p in CHROME_PATTERNS)
    def top_level_branches(group):
        depth, start, out = 0, 0, []
        for k, ch in enumerate(group):
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if ch == "|" and depth == 0:
                out.append(group[start:k])
                start = k + 1
        return [*out, group[start:]]

    # chrome_reason writes the key words out (faster than any() over the tuple): the same words
    import inspect

    assert all(f'"{k}" in low' in inspect.getsource(chrome_reason) for k in _ANYWHERE_KEYS)
    assert inspect.getsource(chrome_reason).count('" in low') == len(_ANYWHERE_KEYS)
    for alternative in _CHROME_ANYWHERE.pattern.split(")|(?P<"):
        words = re.search(r"\\b\(\?:(.*)\)\\b", alternative)  # the key-word group of the alternative
        branches = top_level_branches(words.group(1)) if words else [alternative]
        assert all(any(k in b for k in _ANYWHERE_KEYS) for b in branches), alternative


def test_comparison_key_is_the_first_four_letters_of_each_word():

    from newstrace.clean import _key

    def reference(s):
        return " ".join(w[:4] for w in re.findall(r"[^\W_]+", s.casefold()))

    alphabet = ["Council", "approves", "budget", "U.S.", "ß", "İ", "_", "-", " ", "’", "2024", "é", "Straße", "a"]
    for s in random_strings(alphabet, seed=5, count=5000, max_pieces=8):
        assert _key(s) == reference(s), s


# --- the body is the densest run of paragraphs (rules chosen on zyte-articles-dev/text) ---

_STORY = [
    "The council voted on Tuesday to close the old bridge to all traffic from next month.",
    "Engineers said the steel supports had corroded faster than expected after two wet winters.",
    "Drivers will be sent on a detour through the industrial estate while repairs are carried out.",
]


@pytest.mark.parametrize(
    "after",
    [
        # teasers: a headline, a byline and a one-sentence summary, again and again
        ["More stories", "Mayor opens new library", "Jane Roe",
         "The new building has space for twelve thousand books and a cafe.",
         "School buses return to normal timetable", "John Poe",
         "Parents were told the buses would run to the old times from Monday."],
        # a comment section: its heading ends the article, whatever the comments say
        ["12 responses to “Bridge to close”", "reader42 says:", "March 3, 2026 at 6:34 am",
         "It is about time somebody fixed that bridge before it falls into the river.",
         "oldtimer says:", "I have driven over that bridge every day for thirty years and never worried."],
        # teaser summaries cut off with an ellipsis in a word
        ["Deal Alert: big discounts on laptops",
         "Ahead of the holiday season the shop is cutting prices on its whole range of lapt...",
         "New phone leaks ahead of launch",
         "Photos of the device appeared online on Sunday, showing a larger screen and thr..."],
    ],
    ids=["teasers", "comments", "truncated-teasers"],
)
def test_lines_after_the_article_that_are_not_its_dense_run_are_removed(after):
    menu = ["Home", "News", "Sport", "Weather", "Bridge to close for repairs"]
    cleaned = clean_article("\n".join(menu + _STORY + after))
    assert cleaned.text.split("\n") == _STORY


def test_a_long_run_of_menu_words_is_not_a_paragraph():
    archive = " ".join(f"{m} 20{y:02d}" for y in range(10, 20) for m in ("January", "April", "July", "October"))
    assert not is_paragraph(archive)
    assert is_paragraph("The storm hit the coast at dawn. " * 6)


def test_paragraphs_written_without_spaces_count_by_characters():
    story = ["東京の市議会は火曜日、古い橋を来月から全面通行止めにすることを決めた。",
             "技師によると、二度の雨の多い冬の後、鉄の支柱が予想より早く腐食していた。"]
    cleaned = clean_article("\n".join(["ホーム", "ニュース", "スポーツ"] + story + ["関連記事", "ランキング"]))
    assert cleaned.text.split("\n") == story


WIRE_BODY = ("Suspected bombs exploded outside the embassies in the two capitals on Friday, killing dozens of "
             "people and injuring hundreds more, officials said.\n\n"
             "Rescue workers searched the rubble through the night as hospitals appealed for blood donors, "
             "the city's police chief told reporters.\n")


@pytest.mark.parametrize("opening", [
    "HARBOURTON, Eastland (AP) _",
    "PORT MERRIN _",
    "NEW CASTOR, March 12 (Xinhua) --",
    "The Daily Courier said in an editorial on Monday, Oct. 26:",
])
def test_a_dateline_or_lead_in_on_its_own_line_opens_the_body(opening):
    cleaned = clean_article(f"Bombs hit two embassies\n\n{opening}\n\n{WIRE_BODY}")
    assert cleaned.title == "Bombs hit two embassies"
    assert cleaned.text.startswith(opening)


def test_a_table_of_figures_after_the_last_paragraph_is_body():
    table = "EASTLAND:\nTotal dead: 192\nInjured: 4,877\nHospitalized: 542\n\nWESTLAND:\nTotal dead: 10\nInjured: 74\n"
    cleaned = clean_article(f"{WIRE_BODY}\n{table}")
    assert "Injured: 4,877" in cleaned.text and "Injured: 74" in cleaned.text and "WESTLAND:" in cleaned.text


@pytest.mark.parametrize("footer", [
    "Contact: 555",  # one row is no table
    "Subscribe:\nShare this:",  # labels without figures
])
def test_label_lines_that_are_no_table_stay_chrome_after_the_body(footer):
    cleaned = clean_article(f"{WIRE_BODY}\n{footer}\n")
    assert footer.splitlines()[0] not in cleaned.text


def test_a_short_line_ending_in_a_colon_is_no_lead_in():
    from newstrace.clean import is_lead_in
    assert is_lead_in("The Daily Courier said in an editorial on Monday:")
    assert not is_lead_in("Related stories:") and not is_lead_in("He said:")
