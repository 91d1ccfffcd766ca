"""load_corpus and sentences: formats, encodings, metadata, bad input, and the seeds."""

import hashlib
import importlib.util
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest

from newstrace import CorpusError, CorpusWarning, load_corpus, paths, sentences
from newstrace.text import sentence_spans

ARTICLE = (
    "Ferry fares rise for the third time this year\n\n"
    "The island ferry company raised its fares by 8% on Monday.\n\n"
    "“Fuel costs left us no choice,” said spokesman Olli Rantanen.\n\n"
    "Commuters plan a protest on Friday.\n"
)
OTHER = (
    "Storm closes mountain pass\n\n"
    "Snow closed the northern mountain pass on Sunday, the road agency said.\n\n"
    "Drivers were told to use the coastal road instead.\n"
)


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def load_quietly(folder, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(folder, **kwargs)
    return corpus, [w for w in caught if issubclass(w.category, CorpusWarning)]


# --- the seeds ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    return load_corpus(paths.SEEDS)


def test_seeds_load_with_their_outlets_cites_and_dates(seeds):
    assert len(seeds) == 5
    outlets = seeds.outlet.tolist()
    assert outlets == ["Charter97", "24 Channel", "Censor.NET", "", ""]
    assert seeds.cites.tolist() == [["Bloomberg"]] * 3 + [["The Washington Post"]] * 2
    assert seeds.author.tolist() == ["", "Margarita Voloshina", "", "", ""]
    assert seeds.published.iloc[0] == pd.Timestamp("2025-03-23")
    assert seeds.published_how.iloc[0].startswith("page header")
    assert seeds.published.iloc[1:].isna().all()
    assert (seeds.language == "en").all() and (seeds.encoding == "utf-8").all()


def test_seed_chrome_is_gone_and_body_kept(seeds):
    chrome = ["visitors online", "Write your comment", "Support", "the website", "Sim Sim", "previous post",
              "Follow Charter97.org", "What is prompting Russia to negotiate", "4 165 5"]
    for text in seeds.text:
        for c in chrome:
            assert c not in text
        assert "\n8\n" not in text and not text.endswith("11")
    # short sentences and quotes survive
    assert "“Six months later, they are still trying,” Bloomberg states." in seeds.text.iloc[0]
    assert 'The analyst told "The Washington Post"' in seeds.text.iloc[4]
    assert seeds.text.iloc[1].endswith("amount to about 4 thousand people.")
    assert seeds.text.iloc[1].startswith("After the start of the Kursk operation")
    # every sentence of the raw page is either in the text, or is the headline/byline, or was removed
    # with a reason: nothing disappears silently
    for _, row in seeds.iterrows():
        accounted = [row.title, row.author] + [item["text"] for item in row.removed]
        for a, b in sentence_spans(row.raw):
            sentence = row.raw[a:b]
            if sentence in accounted:
                continue
            rest = sentence
            for piece in accounted:
                if len(piece) >= 5:
                    rest = rest.replace(piece, " ")
            rest = " ".join(rest.split())
            assert rest == "" or rest in " ".join(row.text.split()), sentence


def test_seed_titles(seeds):
    assert seeds.title.iloc[0] == "Bloomberg: Ukraine Has Got ‘Bargaining Chip’"
    assert seeds.title.iloc[1] == "Bloomberg named what brings Russia closer to peace talks"
    assert seeds.title.iloc[2].startswith("Russia’s failure in Kursk region")
    assert seeds.title.iloc[3] == ""  # this page has no headline: none is invented


def test_removed_explains_every_removal(seeds):
    for removed in seeds.removed:
        for item in removed:
            assert set(item) == {"text", "reason"} and item["reason"]
    reasons = {r["text"]: r["reason"] for r in seeds.removed.iloc[2]}
    assert reasons["5491 visitors online"] == "visitor or view counter"


def test_seeds_folder_is_never_written(tmp_path):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.SEEDS.iterdir()}
    load_corpus(paths.SEEDS)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths.SEEDS.iterdir()}
    assert before == after


# --- formats and encodings ----------------------------------------------------------------

PLAIN = ARTICLE.replace("“", '"').replace("”", '"')
ENCODED = {
    "utf-8": ARTICLE,
    "utf-8-sig": ARTICLE,
    "utf-16": ARTICLE,
    "cp1251": PLAIN + "\nOne commuter wrote: «Ціни знову ростуть, і ніхто нічого не пояснює».\n",
    "koi8-r": PLAIN + "\nOne commuter wrote: цены снова растут, и никто ничего не объясняет.\n",
    "latin-1": PLAIN.replace("Olli Rantanen", "René Müller"),
    "cp1252": ARTICLE.replace("“", "").replace("”", "").replace("its fares", "its fares’"),
}


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16-le"), ("cp1251", "cp1251"),
    ("latin-1", "latin-1"), ("koi8-r", "koi8-r"), ("cp1252", "cp1252"),
])
def test_encodings_are_detected_and_recorded(tmp_path, encoding, expected):
    text = ENCODED[encoding]
    write(tmp_path, "a.txt", text, encoding)
    corpus, _ = load_quietly(tmp_path)
    assert corpus.encoding.iloc[0] == expected
    assert corpus.raw.iloc[0] == text
    assert corpus.title.iloc[0] == "Ferry fares rise for the third time this year"


def test_html_main_text_without_scripts_navigation_or_footer(tmp_path):
    html = (
        "<html><head><title>Ferry fares rise | Island Post</title>"
        '<meta property="og:site_name" content="Island Post"><meta name="author" content="Mia Holm">'
        '<meta property="article:published_time" content="2024-04-02T07:00:00+03:00">'
        "<script>var tracking = 'Buy now';</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><h1>Ferry fares rise for the third time this year</h1>"
        "<div class='social-share'>Share Tweet</div>"
        "<p>The island ferry company raised its fares by 8% on Monday.</p>"
        "<p>Commuters plan a protest on <b>Friday</b>.</p></article>"
        "<footer>© 2024 Island Post</footer><script>track()</script></body></html>"
    )
    write(tmp_path, "page.html", html)
    row = load_corpus(tmp_path).iloc[0]
    assert row.title == "Ferry fares rise for the third time this year"
    assert row.text == ("The island ferry company raised its fares by 8% on Monday.\n"
                        "Commuters plan a protest on Friday.")
    assert (row.outlet, row.author, row.published) == ("Island Post", "Mia Holm", pd.Timestamp("2024-04-02"))
    assert any(r["reason"] == "HTML boilerplate, left out by trafilatura" for r in row.removed)
    assert "Share Tweet" not in row.text
    assert "Home" not in row.text and "track" not in row.text


def test_html_site_name_from_the_page_title_when_no_meta_names_it(tmp_path):
    write(tmp_path, "p.html", "<html><head><title>Storm closes pass | Valley News</title></head><body>"
          "<h1>Storm closes pass</h1><p>Snow closed the northern mountain pass on Sunday, the agency said.</p>"
          "</body></html>")
    assert load_corpus(tmp_path).outlet.iloc[0] == "Valley News"


def test_markdown_heading_is_the_title_and_markup_is_removed(tmp_path):
    write(tmp_path, "m.md", "# Storm closes mountain pass\n\nSnow closed the **northern** pass, "
          "[the road agency](https://example.org) said.\n\nDrivers must use the coastal road.\n")
    row = load_corpus(tmp_path).iloc[0]
    assert row.title == "Storm closes mountain pass"
    assert row.text == "Snow closed the northern pass, the road agency said.\nDrivers must use the coastal road."


def test_csv_and_jsonl_rows_are_articles_with_ids(tmp_path):
    pd.DataFrame({"id": ["x1", "x2"], "title": ["Ferry fares rise", "Storm closes pass"],
                  "outlet": ["Island Post", ""], "published": ["2024-04-02", ""],
                  "text": [ARTICLE, OTHER]}).to_csv(tmp_path / "rows.csv", index=False)
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": "Snow fell on the capital overnight, closing schools.\n\nBuses ran late."}) + "\n")
    corpus = load_corpus(tmp_path)
    assert list(corpus.index) == ["feed-1", "x1", "x2"]
    assert corpus.loc["x1", "outlet"] == "Island Post"
    assert corpus.loc["x1", "published"] == pd.Timestamp("2024-04-02")
    assert corpus.loc["x1", "path"] == "rows.csv#1"


def test_subfolders_are_walked_and_ids_keep_the_folder(tmp_path):
    write(tmp_path, "a/story.txt", ARTICLE)
    write(tmp_path, "b/story.txt", OTHER)
    assert sorted(load_corpus(tmp_path).index) == ["a/story", "b/story"]


def test_files_come_in_path_order_and_hidden_or_cache_folders_and_linked_folders_are_left_out(tmp_path):
    for i, name in enumerate(["a-c.txt", "a/b.txt", "a/a/z.txt", "B.txt", ".hidden/x.txt", ".draft.txt",
                              "__pycache__/y.txt", ".ipynb_checkpoints/w.txt"]):
        write(tmp_path, name, ARTICLE.replace("ferry", f"ferry {i}"))
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    write(outside, "elsewhere.txt", OTHER)
    (tmp_path / "linked").symlink_to(outside, target_is_directory=True)
    # path order compares folder by folder, as sorted(pathlib paths) does: "a/..." comes before "a-c"
    assert list(load_corpus(tmp_path).index) == ["B", "a/a/z", "a/b", "a-c"]


def test_metadata_csv_overrides_what_is_inferred(tmp_path):
    write(tmp_path, "fares.txt", ARTICLE)
    write(tmp_path, "metadata.csv", "doc_id,outlet,published,url,author\n"
          "fares,Island Post,2024-04-02,https://example.org/fares,Mia Holm\n")
    row = load_corpus(tmp_path).loc["fares"]
    assert (row.outlet, row.author, row.url) == ("Island Post", "Mia Holm", "https://example.org/fares")
    assert (row.published, row.published_how) == (pd.Timestamp("2024-04-02"), "metadata.csv")


# --- bad input: one test per case -----------------------------------------------------------

def test_missing_folder_names_the_folder(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found") as exc:
        load_corpus(tmp_path / "nope")
    assert "nope" in str(exc.value)


def test_empty_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no readable articles"):
        load_corpus(tmp_path)


def test_empty_file_is_skipped_and_named(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", "")
    corpus, warned = load_quietly(tmp_path)
    assert list(corpus.index) == ["good"]
    assert len(warned) == 1 and "empty.txt: empty file" in str(warned[0].message)


def test_binary_file_is_skipped_and_named(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    corpus, warned = load_quietly(tmp_path)
    assert list(corpus.index) == ["good"]
    assert "photo.txt: binary file" in str(warned[0].message)


def test_undecodable_file_is_skipped_and_named(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    noise = bytes((b * 37 + 11) % 128 + 128 for b in range(4000))  # high bytes only: no encoding fits
    (tmp_path / "garbled.txt").write_bytes(noise)
    corpus, warned = load_quietly(tmp_path)
    assert list(corpus.index) == ["good"]
    message = str(warned[0].message)
    assert "garbled.txt" in message and ("encoding" in message or "not a text file" in message)


def test_identical_copy_is_kept_and_points_at_the_first_article(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "copy.txt", "Home\n" + ARTICLE + "\nShare\n")  # same body, other chrome
    corpus, warned = load_quietly(tmp_path)
    assert list(corpus.index) == ["a", "copy"]
    assert corpus["identical_to"].tolist() == ["", "a"]
    assert not any("copy.txt" in str(w.message) for w in warned)  # a finding, not bad input


def test_identical_texts_are_found_up_to_case_and_white_space_and_near_copies_are_not(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    reflowed = ARTICLE.replace("by 8% on Monday.", "BY 8%\ton   Monday.").replace("Olli Rantanen", "OLLI RANTANEN")
    write(tmp_path, "b-reflowed.txt", reflowed)
    # same number of words and the same last words, one word changed: another article
    write(tmp_path, "c-near.txt", ARTICLE.replace("raised its fares", "raised its prices").replace("by 8%", "by 9%"))
    write(tmp_path, "d-near.txt", ARTICLE.replace("by 8%", "by 9%"))
    write(tmp_path, "e-copy.txt", ARTICLE.replace("by 8%", "by 9%"))
    corpus, _ = load_quietly(tmp_path)
    assert corpus["identical_to"].to_dict() == {"a": "", "b-reflowed": "a", "c-near": "", "d-near": "",
                                                "e-copy": "d-near"}


def test_identical_groups_list_each_group_with_its_files_and_outlets(tmp_path):
    from newstrace.corpus import identical_groups

    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE.replace("by 8%", "by 9%"))
    write(tmp_path, "c.txt", ARTICLE)
    corpus, _ = load_quietly(tmp_path)
    groups = identical_groups(corpus)
    assert list(groups.columns) == ["group", "doc_id", "path", "outlet", "n_words"]
    assert groups[["group", "doc_id", "path"]].values.tolist() == [["a", "a", "a.txt"], ["a", "c", "c.txt"]]
    assert identical_groups(corpus.loc[["a", "b"]].assign(identical_to="")).empty


def test_duplicate_signature_takes_the_last_words_exactly_however_long_the_white_space():
    from newstrace.corpus import _DuplicateFinder

    finder = _DuplicateFinder()
    text = "The ferry company raised its fares by 8% on Monday, the second rise this year."
    spread = text.replace(" on ", " " * 400 + "on" + " " * 400)  # the last words are far apart
    assert finder.check(text, len(text.split()), "a.txt") == ""
    assert finder.check(spread.upper(), len(spread.split()), "b.txt") == "a.txt"
    assert finder.check(text.replace("8%", "9%"), len(text.split()), "c.txt") == ""


def test_file_over_20_mb_is_skipped_without_reading_it(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    corpus, warned = load_quietly(tmp_path)
    assert list(corpus.index) == ["good"]
    assert ("huge.txt: file is 21.0 MiB (22,020,096 bytes), over the limit of 20.0 MiB (20,971,520 bytes)"
            in str(warned[0].message))


@pytest.mark.parametrize("content, reason", [
    ("outlet,published\nIsland Post,2024-04-02\n", "needs a 'doc_id' column"),
    ("doc_id,published\ngood,not a date\n", "is not a date"),
    ('doc_id,outlet\ngood,"Island Post\n', "malformed metadata.csv"),
])
def test_malformed_metadata_csv_is_reported_and_ignored(tmp_path, content, reason):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "metadata.csv", content)
    corpus, warned = load_quietly(tmp_path)
    assert list(corpus.index) == ["good"] and corpus.outlet.iloc[0] == ""
    assert "metadata.csv" in str(warned[0].message) and reason in str(warned[0].message)


def test_one_warning_lists_every_bad_file_and_keeps_the_good_ones(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "other.txt", OTHER)
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "notes.pdf", "%PDF-1.4")
    corpus, warned = load_quietly(tmp_path)
    assert sorted(corpus.index) == ["good", "other"]
    assert len(warned) == 1
    assert "empty.txt" in str(warned[0].message) and "notes.pdf: unsupported file type" in str(warned[0].message)
    assert corpus.attrs["skipped"] == [("empty.txt", "empty file"), ("notes.pdf", corpus.attrs["skipped"][1][1])]


def test_strict_mode_raises_on_the_first_bad_file(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "empty.txt", "")
    with pytest.raises(CorpusError, match="empty.txt: empty file"):
        load_corpus(tmp_path, strict=True)


def test_input_folder_is_not_written_to(tmp_path):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, "bad.txt", "")
    before = sorted(p.name for p in tmp_path.iterdir())
    load_quietly(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# --- sentences ----------------------------------------------------------------------------

def test_sentences_have_offsets_into_text(seeds):
    sents = sentences(seeds)
    assert list(sents.columns) == ["doc_id", "sent_id", "start", "end", "text"]
    for row in sents.itertuples():
        assert seeds.loc[row.doc_id, "text"][row.start:row.end] == row.text
    figures = sents[sents.text.str.contains("10,000 rubles")].text.tolist()
    assert figures == ["People accused the military of not helping, but Putin assured everyone would "
                       "receive about 10,000 rubles (about $120)."]


# --- the hand-made corpus of benchmarks/cleaning.py -----------------------------------------

def test_own_test_corpus_is_cleaned_like_the_gold(tmp_path):
    spec_path = paths.ROOT / "benchmarks" / "data" / "own_corpus_spec.py"
    spec = importlib.util.spec_from_file_location("own_corpus_spec", spec_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold = module.write(tmp_path / "own")
    (tmp_path / "own" / "gold.json").unlink()
    corpus = load_corpus(tmp_path / "own")
    assert len(corpus) == len(gold) >= 12
    for g in gold:
        row = corpus.loc[g["doc_id"]]
        for para in g["body"]:
            assert para in row.text, (g["doc_id"], para)
        for chrome in g["chrome"]:
            assert chrome not in row.text.split("\n"), (g["doc_id"], chrome)
        assert row.title == g["title"]
        assert row.author == g["author"]
    assert set(corpus.encoding) >= {"utf-8", "utf-16-le", "cp1251", "cp1252", "koi8-r", "latin-1", "utf-8-sig"}


def test_sentences_skip_rows_without_text():
    frame = pd.DataFrame({"text": ["One sentence. Two.", None]}, index=pd.Index(["a", "b"], name="doc_id"))
    assert sentences(frame).doc_id.tolist() == ["a", "a"]


def test_a_50000_character_unbroken_line_is_read_in_linear_time(tmp_path):
    # every pattern must start at a word boundary: a pattern tried at each character of a
    # 50,000-character token and scanning to its end would take minutes (it once did)
    token = "Example" + "x" * 50000
    write(tmp_path, "long.txt", ARTICLE + f"\n{token} says the port reopened.\nFollow {token}.org on Telegram\n")
    corpus = load_corpus(tmp_path)
    assert token in corpus.text.iloc[0]


@pytest.mark.parametrize("name", ["a.txt", ".profile", "notes.", "a.tar.gz", "README", "a..b", "x.TXT", "a.b.", "."])
def test_file_extension_is_read_as_pathlib_reads_it(name):
    from pathlib import PurePosixPath

    from newstrace.corpus import _suffix

    assert _suffix(name) == PurePosixPath(name).suffix


def test_a_file_that_grows_after_its_size_was_read_is_read_whole(tmp_path, monkeypatch):
    import os

    write(tmp_path, "story.txt", ARTICLE)
    real_fstat = os.fstat

    class Shrunk:
        def __init__(self, st):
            self.st_size = 5  # as if the file had been 5 bytes long when its size was asked

    monkeypatch.setattr(os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    assert load_corpus(tmp_path).loc["story", "raw"] == ARTICLE
