"""Outlet, cited originals and canonical names: rules on text written for the test."""

import random
import re

import pytest

from newstrace import sources
from newstrace.sources import (
    byline,
    canonical_outlet,
    find_cites,
    find_outlet,
    is_media_name,
    outlet_from_chrome,
)
from newstrace.text import alternation


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


# --- the fast search finds what the plain patterns find ---------------------------------------
# find_cites and find_outlet look for their trigger phrases in bytes holding one byte per character of the
# text, read the text backwards from a phrase, and narrow the places a name can start before running QNAME.
# The plain patterns they replace are kept here as the reference; each test compares the two on text
# written for it and on random strings.

REF_NAME_END = re.compile(rf"(?P<name>{sources.QNAME}),?\s*$")
REF_NAME_START = re.compile(sources._NAME_START)
REF_CITE_BEFORE = re.compile(
    r"[A-Z\d](?<![\w.&’'-][A-Z\d])[\w.&’'-]*[\"”»]?(?P<ws>[ \t]+)(?:"
    + alternation(sources.CITE_BEFORE_PHRASES) + r")\b"
)


def ref_name_before(text, at):
    lo = max(0, at - 40)
    word_start = max(text.rfind(" ", lo, at), text.rfind("\n", lo, at), text.rfind("\t", lo, at)) + 1
    if not (text[word_start:word_start + 1].isupper() or text[word_start:word_start + 1] in "\"”»'’"
            or text[word_start:word_start + 1].isdigit()):
        return None
    start = max(0, at - 90)
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return REF_NAME_END.search(text, start, at)


def ref_names_after(text, hits):
    names = []
    for _, end in hits:
        k = end
        while k < len(text) and text[k] in " \t\n":
            k += 1
        n = REF_NAME_START.match(text, k) if k > end else None
        if n:
            names.append((n.start(), n.group(0)))
    return names


def ref_phrase_hits(text, phrases):
    # phrases are matched in any ASCII case; other characters are left as they are, so that positions stay
    # the text's (text.lower() turns "İ" into two characters)
    lower = "".join(c.lower() if c.isascii() else c for c in text)
    hits = []
    for phrase in phrases:
        i = lower.find(phrase)
        while i != -1:
            j = i + len(phrase)
            if (i == 0 or not lower[i - 1].isalnum()) and (j == len(lower) or not lower[j].isalnum()):
                hits.append((i, j))
            i = lower.find(phrase, j)
    return hits


WRITTEN = [
    "Prices rose, Reuters reported. The Harbor Times said on Monday that the U.S. Navy of the Port wrote.",
    'A "New York Times" source said it. “The Valley Gazette” reports. «Daily Star» writes, xReuters says.',
    "Officials said the bridge would reopen, according to AP, 2024 Media says and 7 Channel reported in an "
    "interview with Bank of England, writes  \t Example Journal.",
    "Le Monde de la Sera, Der Spiegel der Zeit said. THE TIMES SAID. The\nTimes\nsaid.  Reuters ,  said",
    "İstanbul Post writes; \u212aelvin News says; ſaid; ACCORDING TO the Harbor Times; Citing Bloomberg, "
    "With A Reference To Reuters, Referring\u00a0to BBC, speaking to CNN, spoke to NPR, Told the Guardian.",
    "Valley Times informs. Harbour News informs, with reference to TASS. Metro Daily reports, citing Reuters.",
    '"Reuters" said, ’Reuters’ said, Reuters’ reported, A.B.C. said, A-B said, a_B said, É said, Ü says. '
    'One Two Three Four Five Six Seven Eight Nine said. "  The  Harbor  Times  " said.',
    "(Reuters) - The border reopened. (The Associated Press) — It rained. said to the Times, told Reuters.",
    "Reuters said\nBloomberg noted\twith a reference to Interfax, “ said Kyiv Post, ” said Kyiv Post",
    "٣٤ Channel said, １２ News reported, Ⅻ Post wrote, 3 said, 42 Daily reports, of said, the said.",
    'The port closed, said "Reuters" said Bloomberg, notes “The Times” says Axios.',  # matches do not overlap
]
ALPHABET = ["Reuters", "Times", "The", "the", "of", "la", "Post", "AP", "U.S.", "x", "news", "12", "٣",
            "said", "says", "writes", "reported", "informs", "according to", "citing", "told", "with reference to",
            "with a reference to", "in an interview with", "points out", "Said", "TOLD", "İ", "\u212a", "ſ", "é",
            "_", ",", ".", "&", "-", "—", "'", "’", '"', "“", "”", "«", "»", "(", ")", ":"]
SEPARATORS = [" ", " ", " ", "", "  ", "\t", "\n", "\u00a0", ", "]


def random_texts(n, seed=7):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) + rnd.choice(SEPARATORS) for _ in range(rnd.randint(3, 30)))
            for _ in range(n)]


def span_and_name(m):
    return None if m is None else (m.start(), m.group("name"))


def test_name_before_matches_the_plain_regex_everywhere():
    texts = WRITTEN + random_texts(400)
    checked = named = 0
    for text in texts:
        for at in range(len(text) + 1):
            ref = span_and_name(ref_name_before(text, at))
            assert span_and_name(sources._name_before(text, at)) == ref, (text, at)
            assert span_and_name(sources._name_before(text, at, text[::-1])) == ref, (text, at)
            checked += 1
            named += ref is not None
    assert named > checked // 10  # the texts do hold names to find


def test_trigger_places_match_the_plain_patterns():
    texts = WRITTEN + random_texts(1500, seed=11)
    for text in texts:
        after, refs, before, inverted, informs = sources._trigger_places(text, text[::-1])
        assert sorted(after) == sorted(ref_phrase_hits(text, sources.CITE_AFTER_PHRASES)), text
        assert informs == [i for i, _ in ref_phrase_hits(text, ["informs"])], text
        matches = [sources._NAME_AFTER_PHRASE.match(text, end) for _, end in after]
        names = [(n.start("name"), n.group("name")) for n in matches if n]
        assert names == ref_names_after(text, after), text
        assert refs == ref_phrase_hits(text, sources._REF_PHRASES), text
        assert before == [m.start("ws") for m in REF_CITE_BEFORE.finditer(text)], text
        ref_inverted = [(m.start("name"), m.group("name")) for m in sources._CITE_INVERTED.finditer(text)]
        assert sources._inverted_matches(text, inverted) == ref_inverted, text


def test_phrase_places_match_a_regex_scan_of_the_word_view():
    # the reference: at every space, the longest phrase that the bytes after it begin with
    scan = re.compile(b" (?=(" + alternation(sources._SCAN_PHRASES).encode() + b"))")
    for text in WRITTEN + random_texts(1500, seed=13):
        view = sources._word_view(text)
        found = [(q, sources._SCAN_PHRASES[i].encode()) for q, i in sources._phrase_places(view)]
        assert found == [(m.start(), m.group(1)) for m in scan.finditer(view)], text


def test_what_find_outlet_and_find_cites_share_is_reused_only_for_the_same_text():
    a, b = "Valley Times informs.", "Harbor News informs, citing Reuters."
    for _ in range(2):
        assert find_outlet(a)[0] == "Valley Times" and find_cites(a) == ["Valley Times"]
        assert find_outlet(b)[0] == "Harbor News" and find_cites(b, outlet="Harbor News") == ["Reuters"]
    import itertools

    calls = itertools.count(1)
    remembered = sources._remember_last(lambda text: next(calls))
    equal_copy = "".join(["Valley Times", " informs."])  # equal to a, another object: worked out again
    assert [remembered(a), remembered(a), remembered(b), remembered(a), remembered(equal_copy)] == [1, 1, 2, 3, 4]

    # the cache holds on to its text, so that no other text can take its place (and its id) while remembered
    import gc
    import weakref

    class Text(str):  # (a str cannot be weakly referenced; a subclass can)
        pass

    text = Text("Valley Times informs.")
    alive = weakref.ref(text)
    remembered(text)
    del text
    gc.collect()
    assert alive() is not None
    remembered(b)
    gc.collect()
    assert alive() is None


def test_phrase_sets_keep_what_the_fast_search_relies_on():
    # the scan names the longest phrase at a place: a phrase of CITE_AFTER_PHRASES or _REF_PHRASES is found
    # as itself only if no phrase begins with it
    after = [*sources._AFTER_OR_REF, "informs"]  # ("informs" is looked for by find_outlet)
    every = [*after, *sources.CITE_BEFORE_PHRASES, *sources._INVERTED_VERBS]
    assert not [(p, q) for p in after for q in every if p != q and q.startswith(p)]
    # the trigger phrases hold lower-case letters and spaces only: no match of "Name writes" starts in one
    assert set("".join(sources.CITE_BEFORE_PHRASES)) <= set("abcdefghijklmnopqrstuvwxyz ")


def test_non_ascii_letters_do_not_shift_phrase_positions():
    # "İ" lower-cases to two characters; a search in text.lower() put every later phrase one character off
    assert find_cites("İzmir port closed, according to Reuters.") == ["Reuters"]
    assert find_cites("ACCORDING TO Reuters, the İzmir port closed.") == ["Reuters"]
    assert find_outlet("The İzmir port closed on Monday. Valley Times informs.")[0] == "Valley Times"
    text = "İzmir port closed, according to Reuters."
    after = sources._trigger_places(text, text[::-1])[0]
    assert after == [(19, 31)] == ref_phrase_hits(text, sources.CITE_AFTER_PHRASES)
    # the Kelvin sign is not the letter k: "SPEA\u212aING TO" is no phrase
    assert find_cites("SPEA\u212aING TO Reuters, the mayor resigned.") == []


# --- datelines ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, dateline, place, date, agency",
    [
        ("NAIROBI, Kenya (AP) _ Two bombs exploded.", "NAIROBI, Kenya (AP) _", "NAIROBI, Kenya", "", "Associated Press"),
        ("WASHINGTON, August 8 (Xinhua) -- The president spoke.", "WASHINGTON, August 8 (Xinhua) --", "WASHINGTON",
         "August 8", "Xinhua"),
        ("KESSEL, Aug. 8 (Xinhua) -- The port reopened.", "KESSEL, Aug. 8 (Xinhua) --", "KESSEL", "Aug. 8", "Xinhua"),
        ("LONDON (Reuters) - Shares fell.", "LONDON (Reuters) -", "LONDON", "", "Reuters"),
        ("NEW YORK (CNN) -- A man was held.", "NEW YORK (CNN) --", "NEW YORK", "", "CNN"),
        ("MADRID — Spain won the tie.", "MADRID —", "MADRID", "", ""),
        ("WASHINGTON _ The bombings frightened travelers.", "WASHINGTON _", "WASHINGTON", "", ""),
        ("PORT ELLIS, MO. (AP)-- The vote passed.", "PORT ELLIS, MO. (AP)--", "PORT ELLIS, MO.", "", "Associated Press"),
        ("HAVANA (AP ) -- The boy's father spoke.", "HAVANA (AP ) --", "HAVANA", "", "Associated Press"),
        ("THE HAGUE, Netherlands (AP)_ The court ruled.", "THE HAGUE, Netherlands (AP)_", "THE HAGUE, Netherlands",
         "", "Associated Press"),
        ("Hong Kong (CNN Business) Markets were mixed.", "Hong Kong (CNN Business)", "Hong Kong", "", "CNN"),
        ("Kessel, Ill. — Two goals decided it.", "Kessel, Ill. —", "Kessel, Ill.", "", ""),
        ("Kessel, DC, United States: Getting there is hard.", "Kessel, DC, United States:", "Kessel, DC, United States",
         "", ""),
        ("KESSEL (Harbour-Wire) -- The dam held.", "KESSEL (Harbour-Wire) --", "KESSEL", "", "Harbour-Wire"),
        ("(Undated) The appeal was heard.", "(Undated)", "", "", ""),
        # not datelines
        ("The Harbor Times said in an editorial on Monday: the vote was fair.", "", "", "", ""),
        ("NATO - the alliance - met on Monday.", "", "", "", ""),
        ("Jane Doe (R) said the bill would pass.", "", "", "", ""),
        ("A HUNTER who ate a rabbit fell ill.", "", "", "", ""),
        ("MALAYSIA's move into the information age is timely.", "", "", "", ""),
    ],
)
def test_datelines_are_parsed_into_place_date_and_agency(text, dateline, place, date, agency):
    assert sources.find_dateline(text) == {"dateline": dateline, "place": place, "date": date, "agency": agency}


def test_a_newspaper_running_wire_copy_cites_the_wire_and_a_wire_does_not_cite_itself():
    text = "KESSEL, Norland (AP) — The dam held overnight, officials said."
    assert find_cites(text, outlet="Harbor Times") == ["Associated Press"]
    assert find_cites(text, outlet="Associated Press") == []


# --- cites on the forms real re-reports use ------------------------------------------------------

@pytest.mark.parametrize(
    "text, cites",
    [
        # a reporter of an outlet, credited with "via", "according to", "writes"
        ('"We lost," the coach said, via Ann Lee of the Harbor Post-Gazette.', ["Harbor Post-Gazette"]),
        ("He had, according to Ann Lee of the Washington Post, eaten a rabbit.", ["The Washington Post"]),
        ("Richardson, via the Harbor Times, said he was sorry.", ["Harbor Times"]),
        # the outlet of a journalist named with a possessive
        ("The BBC’s Ann Lee pressed him on the dates.", ["BBC"]),
        ("Harbour News' Ann Lee asked the first question.", ["Harbour News"]),
        ("Reuters's editor in chief left in May.", []),
        # a media noun beside a name
        ("The Kessel newspaper said on Sunday that talks would resume.", ["Kessel"]),
        ("Yeltsin was quoted as saying by the Kessel-Tass news agency.", ["Kessel-Tass"]),
        ("Iran condemns the attack, the official news agency KNA reported.", ["KNA"]),
        ("Norland radio reported the verdict.", ["Norland Radio"]),
        ("The official Kessel News Agency, which counts the visits, did not mention it.", ["Kessel News Agency"]),
        ("The deportees left, said Uhuru, or Freedom, a Swahili newspaper owned by the party.", ["Uhuru"]),
        ("Kessel Vedomosti, the business daily, said the deal was off.", ["Kessel Vedomosti"]),
        # ... but not a description, a company, a job, a reference back
        ("A Swahili newspaper reported the expulsions.", []),
        ("The merger of the Kessel newspaper chain was completed.", []),
        ("Harbour Co. publishes the Kessel Ledger, the Kessel weekly and trade magazines.", []),
        ("Joe Smith, a newspaper reporter, said the door was open.", []),
        ("The man was elected president of the United States, the newspaper writes.", []),
        # a poll two outlets ran together
        ("A new Harbour News-Valley Times opinion poll shows 6 of 10 agree.", ["Harbour News", "Valley Times"]),
        # people on and to outlets
        ("He said in a statement released to the Harbor Times that he was innocent.", ["Harbor Times"]),
        ("Documents leaked to the Harbor Times show the plan.", ["Harbor Times"]),
        ('The minister, speaking on Harbour News\' "Sunday Hour," said the request was legal.', ["Harbour News"]),
        ("He asserted in an interview on the Cable News Network that fires burn.", ["CNN"]),
        ("Harbour News first reported the deal last night.", ["Harbour News"]),
        # the second mention of a paper is the same paper
        ("According to Ann Lee of the Harbor Times, it spread. Lee of the Times reports it was censored.",
         ["Harbor Times"]),
        # sentence words and other organisations are not outlets
        ("The tomb was opened. But The Harbor News reported on Friday that it was empty.", ["Harbor News"]),
        ("Harbour Media Holdings PLC said its chief resigned.", []),
        ('"It is debunked," White House Press Secretary Ann Lee said.', []),
        ("The European Space Agency says astronauts could hibernate.", []),
        ("According to the Intelligencer, the Kessel News-Register, the figure is wrong.", ["Intelligencer"]),
    ],
)
def test_cites_in_the_forms_of_real_re_reports(text, cites):
    assert find_cites(text) == cites


# --- rules as data ----------------------------------------------------------------------------

def _rows(name):
    import csv
    from importlib import resources

    with resources.files("newstrace").joinpath(f"data/{name}").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("row", _rows("attribution.csv"), ids=lambda r: r["phrase"])
def test_each_attribution_phrase_finds_the_outlet_in_its_example(row):
    assert row["phrase"] in row["example"].lower()
    assert find_cites(row["example"]), row


@pytest.mark.parametrize("row", _rows("lexicon.csv"), ids=lambda r: f'{r["kind"]}-{r["word"]}')
def test_each_lexicon_word_stands_in_its_example(row):
    assert re.search(rf"\b{re.escape(row['word'])}\b", row["example"].lower())


def test_the_shared_lexicon_has_twelve_months_seven_weekdays_and_the_reporting_verbs():
    from newstrace import lexicon

    assert len(lexicon.MONTHS) == 12 and lexicon.MONTHS[0] == "january"
    assert len(lexicon.WEEKDAYS) == 7 and lexicon.MONTH_ABBREVIATIONS["sept"] == 9
    assert {"writes", "reported", "said"} <= set(lexicon.REPORTING_VERBS)
    assert set(lexicon.REPORTING_VERBS) <= set(sources.CITE_BEFORE_PHRASES)


def test_every_alias_in_the_outlets_table_names_its_canonical_outlet_once():
    rows = _rows("outlets.csv")
    owners = {}
    for row in rows:
        assert row["kind"] in sources.OUTLET_KINDS, row
        assert owners.setdefault(row["alias"], row["canonical"]) == row["canonical"], row
        assert canonical_outlet(row["alias"]) == row["canonical"], row
        assert row["alias"] == row["alias"].lower(), row


def test_a_corpus_folder_extends_the_outlet_names_and_a_broken_table_is_named(tmp_path):
    from newstrace import load_corpus
    from newstrace.corpus import CorpusWarning

    (tmp_path / "a.txt").write_text("Flood warning\n\nThe river rose overnight, Kessel Courier-Bote writes.\n"
                                    "Farmers moved their herds to higher ground on Tuesday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Dam holds\n\nThe dam held, Kessel Krant reports.\n"
                                    "Engineers inspected it on Wednesday morning.", encoding="utf-8")
    (tmp_path / "outlets.csv").write_text("canonical,alias,kind,domain\nKessel Krant,kessel krant,newspaper,\n"
                                          "Kessel Krant,kk,newspaper,\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.loc["b", "cites"] == ["Kessel Krant"]
    assert canonical_outlet("KK") == "Kessel Krant"
    (tmp_path / "outlets.csv").write_text("name\nKessel Krant\n", encoding="utf-8")
    with pytest.warns(CorpusWarning, match="outlets.csv: outlets table without column"):
        corpus = load_corpus(tmp_path)
    assert len(corpus) == 2 and canonical_outlet("KK") == "KK"
    sources.use_corpus_outlets(None)


def test_load_corpus_keeps_the_dateline_and_takes_the_wire_as_outlet_or_cite(tmp_path):
    from newstrace import load_corpus

    (tmp_path / "wire.txt").write_text(
        "Dam holds after storm\n\nKESSEL, Norland (AP) _ The dam held overnight, officials said on Monday.\n"
        "Engineers will inspect it again on Tuesday.", encoding="utf-8")
    (tmp_path / "paper.txt").write_text(
        "Storm passes\n\nPORT ELLIS (Reuters) - The storm passed the coast on Monday, forecasters said.\n"
        "Schools will open again on Wednesday.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc_id,outlet\npaper,Harbor Times\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    wire, paper = corpus.loc["wire"], corpus.loc["paper"]
    assert wire["dateline"] == "KESSEL, Norland (AP) _" and wire["dateline_place"] == "KESSEL, Norland"
    assert wire["dateline_agency"] == "Associated Press"
    assert wire["outlet"] == "Associated Press" and wire["outlet_how"].startswith("dateline")
    assert wire["cites"] == []
    assert paper["outlet"] == "Harbor Times" and paper["cites"] == ["Reuters"]
    assert paper["dateline_agency"] == "Reuters"
