"""Hostile and broken input (issue 16): no hang, no crash, no command run, nothing read from
outside the corpus folder. Each table is a list of bad inputs written for the test."""

from __future__ import annotations

import hashlib
import importlib
import os
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from newstrace import CorpusWarning, load_corpus, paths, timeline
from newstrace.corpus import MAX_BYTES, MAX_HTML_DEPTH, MAX_TOKEN_CHARS
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


# ------------------------------------------------------------------ Makefile: CORPUS is data
MAKE = shutil.which("make")


def _make(tmp_path, *args, env_corpus=None):
    """Run make on the project's Makefile with the current interpreter; fast: no install, no notebook."""
    stamp = tmp_path / "stamp"
    stamp.touch()  # newer than requirements.txt: the install step is up to date
    env = {k: v for k, v in os.environ.items() if k not in ("CORPUS", "NEWSTRACE_CORPUS", "MAKEFLAGS")}
    if env_corpus is not None:
        env["CORPUS"] = env_corpus
    return subprocess.run([MAKE, "-s", "-C", str(paths.ROOT), f"BIN={Path(sys.executable).parent}",
                           f"STAMP={stamp}", *args], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)


INJECTIONS = [
    # (name, CORPUS value with {t} for the temp dir, how it is given)
    ("make function, dry run", "x$(shell touch {t}/PWNED)y", "-n"),
    ("make function in the environment, dry run", "x$(shell touch {t}/PWNED)y", "-n env"),
    ("shell quote break-out, run", '{t}/q";touch {t}/PWNED;"', "notebooks"),
    ("shell quote break-out, report", '{t}/q";touch {t}/PWNED;"', "report"),
    ("command substitution and backticks, run", "{t}/$(touch {t}/PWNED)`touch {t}/PWNED`", "notebooks"),
    ("make function, report", "{t}/x$(shell touch {t}/PWNED)y", "report"),
]


@pytest.mark.skipif(MAKE is None, reason="needs make")
@pytest.mark.parametrize("name, value, how", INJECTIONS, ids=[c[0] for c in INJECTIONS])
def test_make_passes_corpus_as_data_and_runs_nothing_from_it(tmp_path, name, value, how):
    value = value.format(t=tmp_path)
    if how.startswith("-n"):
        result = _make(tmp_path, "-n", *([] if how == "-n env" else [f"CORPUS={value}"]),
                       env_corpus=value if how == "-n env" else None)
        assert result.returncode == 0, result.stderr
        assert "--corpus-from-env" in result.stdout
    else:  # a real run: the folder does not exist, and the runner or report names it as given
        result = _make(tmp_path, how, f"CORPUS={value}")
        assert result.returncode != 0
        assert value in result.stderr or Path(value).name in result.stderr
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("module", ["run", "report"])
def test_the_runner_and_report_read_the_corpus_from_the_environment_only_when_asked(monkeypatch, tmp_path, module,
                                                                                     capsys):
    mod = importlib.import_module(f"newstrace.{module}")
    folder = tmp_path / 'we"ird; $(name)'
    monkeypatch.setenv("NEWSTRACE_CORPUS", str(folder))
    assert mod.main(["--corpus-from-env"]) == 2  # not there: named as it was given
    err = capsys.readouterr().err
    assert str(folder) in err or folder.name in err


# ------------------------------------------------------------------ the folder walk: links, loops, depth
ARTICLE = ("Ferry fares rise again\n\nThe island ferry company raised its fares by 8% on Monday, "
           "the company said.\n\nCommuters plan a protest on Friday, a union spokesman said.\n")


def _tree_hashes(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (links not followed): its kind and bytes, to check nothing changed."""
    out, stack = {}, [str(folder)]
    while stack:  # (iterative: the deepest case nests 1,100 folders)
        with os.scandir(stack.pop()) as entries:
            for e in entries:
                if e.is_symlink():
                    out[e.path] = "link:" + os.readlink(e.path)
                elif e.is_dir():
                    out[e.path] = "dir"
                    stack.append(e.path)
                else:
                    with open(e.path, "rb") as fh:
                        out[e.path] = hashlib.sha256(fh.read()).hexdigest()
    return out


def _remove_tree(top: Path) -> None:
    """Delete a folder tree bottom-up without recursion (Python 3.11's shutil.rmtree, which pytest
    uses to clear old temp folders, recurses and fails on 1,100 nested folders)."""
    order, stack = [], [str(top)]
    while stack:
        order.append(stack.pop())
        with os.scandir(order[-1]) as entries:
            for e in entries:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                else:
                    os.unlink(e.path)
    for d in reversed(order):
        os.rmdir(d)


def _link_outside(folder: Path, tmp: Path) -> str:
    secret = tmp / "secret.txt"
    secret.write_text("SECRET password file\n" * 20, encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    return "passwd.txt"


def _link_to_etc(folder: Path, tmp: Path) -> str:
    (folder / "etc.txt").symlink_to("/etc/passwd")
    return "etc.txt"


def _link_relative_out(folder: Path, tmp: Path) -> str:
    (tmp / "up.txt").write_text("SECRET one level up\n" * 20, encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "up.txt").symlink_to("../../up.txt")
    return "sub/up.txt"


def _link_folder_outside(folder: Path, tmp: Path) -> str:
    (tmp / "other").mkdir()
    (tmp / "other" / "x.txt").write_text("SECRET in another folder\n" * 20, encoding="utf-8")
    (folder / "other").symlink_to(tmp / "other", target_is_directory=True)
    return "other"


def _loop(folder: Path, tmp: Path) -> str:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return "a.txt"


def _self_loop(folder: Path, tmp: Path) -> str:
    (folder / "me.txt").symlink_to("me.txt")
    return "me.txt"


def _broken(folder: Path, tmp: Path) -> str:
    (folder / "gone.txt").symlink_to(tmp / "does-not-exist.txt")
    return "gone.txt"


def _folder_loop(folder: Path, tmp: Path) -> str:
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    return "sub/back"


def _deep(folder: Path, tmp: Path) -> str:
    deep = folder
    for _ in range(1100):  # (one by one: os.makedirs recurses)
        deep = deep / "d"
        deep.mkdir()
    (deep / "deep.txt").write_text(ARTICLE.replace("Ferry", "Bus"), encoding="utf-8")
    return "d/d/d"


LINK_CASES = [
    # (name, maker -> the item that must be named, words of its reason)
    ("link to a file outside", _link_outside, "outside the corpus folder"),
    ("link to /etc/passwd", _link_to_etc, "outside the corpus folder"),
    ("relative link up and out", _link_relative_out, "outside the corpus folder"),
    ("link to a folder outside", _link_folder_outside, "outside the corpus folder"),
    ("loop of two links", _loop, "loop"),
    ("link to itself", _self_loop, "loop"),
    ("broken link", _broken, "broken link"),
    ("link back to the corpus folder", _folder_loop, "folder; not followed"),
    ("1,100 nested folders", _deep, "nested more than"),
]


@pytest.mark.parametrize("name, maker, words", LINK_CASES, ids=[c[0] for c in LINK_CASES])
def test_the_loader_never_reads_outside_the_folder_and_names_what_it_skipped(tmp_path, name, maker, words):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    try:
        item = maker(folder, tmp_path)
        before = _tree_hashes(folder)
        with pytest.warns(CorpusWarning) as caught:
            corpus = load_corpus(folder)
        assert list(corpus.index) == ["good"]
        assert not corpus["raw"].str.contains("SECRET|root:", regex=True).any()
        message = "\n".join(str(w.message) for w in caught)
        line = next(ln for ln in message.splitlines() if ln.strip().startswith(item))
        assert words in line
        assert sum(ln.strip().startswith(item) for ln in message.splitlines()) == 1  # named once
        assert _tree_hashes(folder) == before
    finally:  # the 1,100 nested folders
        if (folder / "d").is_dir():
            _remove_tree(folder / "d")


def test_a_link_to_a_file_inside_the_folder_is_read(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "latest.txt").symlink_to(Path("2024") / "ferry.txt")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(folder)
    assert "2024/ferry" in corpus.index  # the link reads the same article: kept, marked identical to it
    assert corpus.loc["latest", "identical_to"] == "2024/ferry"
    assert not any("latest.txt" in str(w.message) for w in caught)


def test_strict_loading_stops_at_a_link_out_of_the_folder(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    _link_to_etc(folder, tmp_path)
    with pytest.raises(CorpusError, match="outside the corpus folder"):
        load_corpus(folder, strict=True)


# ------------------------------------------------------------------ size limit message
@pytest.mark.parametrize("size, words", [
    (MAX_BYTES + 100 * 1024, "20.1 MiB (21,073,920 bytes), over the limit of 20.0 MiB (20,971,520 bytes)"),
    (MAX_BYTES + 1, "20.0 MiB (20,971,521 bytes), over the limit of 20.0 MiB (20,971,520 bytes)"),
    (21 * 2**20, "21.0 MiB (22,020,096 bytes), over the limit of 20.0 MiB"),
])
def test_the_size_limit_message_uses_one_unit(tmp_path, size, words):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.truncate(size)
    with pytest.warns(CorpusWarning) as caught:
        load_corpus(tmp_path)
    assert f"huge.txt: file is {words}" in str(caught[0].message)


# ------------------------------------------------------------------ metadata.csv: bad rows cost only themselves
OTHER = ("Storm closes mountain pass\n\nSnow closed the northern mountain pass on Sunday, the road agency "
         "said.\n\nDrivers were told to use the coastal road instead, the agency said.\n")
BAD_METADATA = [
    # (name, metadata.csv, named row and words, expected (outlet, published) of "good" and of "other")
    ("a row with an extra cell",
     "doc_id,outlet,published\ngood,Island Post,2024-04-02,surplus\nother,Valley News,2024-05-01\n",
     ("metadata.csv#1", "has 4 cells, the header 3"), ("", pd.NaT), ("Valley News", pd.Timestamp("2024-05-01"))),
    ("one bad date",
     "doc_id,outlet,published\ngood,Island Post,not a date\nother,Valley News,2024-05-01\n",
     ("metadata.csv#1", "is not a date"), ("Island Post", None), ("Valley News", pd.Timestamp("2024-05-01"))),
    ("a short row and a bad date later",
     "doc_id,outlet,published\ngood,Island Post\nother,Valley News,31/31/2024\n",
     ("metadata.csv#2", "'31/31/2024' for 'other' is not a date"), ("Island Post", None), ("Valley News", None)),
    ("a quoted cell with a comma and an extra cell after it",
     'doc_id,outlet\ngood,"Post, The",x\nother,Valley News\n',
     ("metadata.csv#1", "row ignored"), ("", None), ("Valley News", None)),
]


@pytest.mark.parametrize("name, content, named, good, other", BAD_METADATA, ids=[c[0] for c in BAD_METADATA])
def test_a_bad_metadata_row_is_named_and_costs_only_that_row(tmp_path, name, content, named, good, other):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(content, encoding="utf-8")
    with pytest.warns(CorpusWarning) as caught:
        corpus = load_corpus(tmp_path)
    message = str(caught[0].message)
    line = next(ln.strip() for ln in message.splitlines() if ln.strip().startswith(named[0]))
    assert named[1] in line
    assert "doc_id(s) not in the corpus" not in message  # nothing shifted into a wrong doc_id
    for doc_id, (outlet, published) in (("good", good), ("other", other)):
        if outlet:
            assert corpus.loc[doc_id, "outlet"] == outlet
        else:
            assert corpus.loc[doc_id, "outlet_how"] != "metadata.csv"
        if published is not None:
            assert corpus.loc[doc_id, "published"] == published or (pd.isna(published)
                                                                   and corpus.loc[doc_id, "published_how"] != "metadata.csv")
        else:
            assert corpus.loc[doc_id, "published_how"] != "metadata.csv"


# ------------------------------------------------------------------ figures/*.csv: no spreadsheet formulas
FORMULAS = [
    # (cell text, as written to the CSV)
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\n=1+1"),  # (a carriage return would split the row: written as a quoted line break)
    ("two\rlines", "two\nlines"),
    ('=HYPERLINK("http://example.com/x","click")', '\'=HYPERLINK("http://example.com/x","click")'),
    ("Island Post", "Island Post"),
    ("a = b", "a = b"),
    ("", ""),
]


@pytest.mark.parametrize("cell, written", FORMULAS, ids=[repr(c[0]) for c in FORMULAS])
def test_figure_csvs_escape_cells_a_spreadsheet_would_run(tmp_path, cell, written):
    import csv

    import matplotlib.pyplot as plt

    from newstrace.charts import save_figure

    fig, _ = plt.subplots()
    data = pd.DataFrame({"title": [cell], "n": [-5], "=share": [0.5]})
    files = save_figure(fig, "probe", data, outdir=tmp_path)
    plt.close(fig)
    with open(files["csv"], newline="", encoding="utf-8") as fh:
        header, row = list(csv.reader(fh))
    assert header == ["title", "n", "'=share"]
    assert row == [written, "-5", "0.5"]  # numbers stay numbers
    assert data.loc[0, "title"] == cell  # the caller's table is not changed


# ------------------------------------------------------------------ the report: links from article text are text
LINKS = [
    # (how the link reaches an output, output data)
    ("table of article titles", {"text/html": '<table><tr><td><a href="https://evil.example/a">Read more</a>'
                                              "</td></tr></table>"}),
    ("pandas Styler output", {"text/html": '<style>td {}</style><table id="T_x"><tr><td>'
                                           '<a href="http://evil.example/a" title="t">Read more</a></td></tr></table>'}),
    ("markdown link in a markdown output", {"text/markdown": "Article: [Read more](https://evil.example/a)"}),
    ("raw HTML link in a markdown output", {"text/markdown": 'Article: <a href="https://evil.example/a">Read more</a>'}),
    ("mailto link", {"text/html": '<p><a href="mailto:x@evil.example">Read more</a></p>'}),
]


@pytest.mark.parametrize("name, data", LINKS, ids=[c[0] for c in LINKS])
def test_links_from_article_text_are_shown_as_text_in_the_report(name, data):
    from html.parser import HTMLParser

    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from newstrace import report

    class Links(HTMLParser):
        def __init__(self, text):
            super().__init__()
            self.hrefs = []
            self.feed(text)

        def handle_starttag(self, tag, attrs):
            if tag == "a" and dict(attrs).get("href"):
                self.hrefs.append(dict(attrs)["href"])

    nb = new_notebook(cells=[
        new_markdown_cell("# Links\n\nSee [the README](https://project.example/readme)."),
        new_code_cell("show()", execution_count=1, outputs=[
            new_output("display_data", data={**data, "text/plain": "x"})]),
        new_markdown_cell("## Findings"),
        new_code_cell("findings()", execution_count=2, outputs=[
            new_output("display_data", data={"text/markdown": data.get("text/markdown", "- one finding"),
                                             "text/plain": "x"})]),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    page = report.render_notebook(nb, "Links")
    hrefs = Links(page).hrefs
    assert "https://project.example/readme" in hrefs  # the notebook's own markdown keeps its link
    assert not [h for h in hrefs if "evil.example" in h]
    assert "Read more" in page  # the article's text is still there
    summary = report.summarise(nb, "01-links")
    index = report.index_html("c", [summary], {})
    assert not [h for h in Links(index).hrefs if "evil.example" in h]


# ------------------------------------------------------------------ resource blow-ups: linear-time guards
RUNS = [
    # (name, body of one line, kept?)
    ("5 MB without white space", "x" * 5_000_000, False),
    ("base64 blob", "data:image/png;base64," + "QUJD" * 100_000, False),
    ("just over the limit", "y" * (MAX_TOKEN_CHARS + 1), False),
    ("a long URL under the limit", "https://example.org/" + "a" * 1500, True),
    ("a long paragraph with spaces", "the ferry fares rose again " * 40_000, True),
]


@pytest.mark.parametrize("name, line, kept", RUNS, ids=[c[0] for c in RUNS])
def test_a_line_with_an_overlong_run_is_dropped_before_cleaning_with_its_reason(tmp_path, name, line, kept):
    (tmp_path / "a.txt").write_text(ARTICLE + "\n" + line + "\n\nThe ferry union said it would appeal the rise, and its members will meet on Thursday evening to "
                                        "decide whether to strike over the new fares, a spokesman said.\n",
                                    encoding="utf-8")
    start = time.perf_counter()
    corpus = load_corpus(tmp_path)
    assert time.perf_counter() - start < 5
    row = corpus.loc["a"]
    assert "union said it would appeal" in row["text"]
    reasons = [r["reason"] for r in row["removed"] if "without white space" in r["reason"]]
    if kept:
        assert not reasons
    else:
        assert len(reasons) == 1 and f"over {MAX_TOKEN_CHARS:,}" in reasons[0]
        assert line[:50] not in row["text"]


def test_a_file_of_only_one_overlong_run_is_skipped_and_named(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "blob.txt").write_text("z" * 5_000_000, encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"blob.txt: only a run of 5,000,000 characters without white space"):
        corpus = load_corpus(tmp_path)
    assert list(corpus.index) == ["good"]


def _nested(n: int, tag: str = "div") -> str:
    return ("<html><body>" + f"<{tag}>" * n
            + "The island ferry company raised its fares by 8% on Monday, the company said." + f"</{tag}>" * n
            + "</body></html>")


HTML_DEPTHS = [
    # (name, page, parsed?)
    ("50,000 nested divs", _nested(50_000), False),
    ("10,000 nested spans", _nested(10_000, "span"), False),
    ("stray end tags before 6,000 nested b", "</div>" * 20_000 + _nested(6_000, "b"), False),
    ("1,000 nested divs", _nested(1_000), True),
    ("20,000 unclosed paragraphs", "<html><body>" + "<p>The ferry company said so." * 20_000 + "</body></html>", True),
    ("20,000 line breaks", "<html><body><p>The ferry company said so." + "<br>" * 20_000 + "</p></body></html>", True),
]


@pytest.mark.parametrize("name, page, parsed", HTML_DEPTHS, ids=[c[0] for c in HTML_DEPTHS])
def test_html_nested_too_deep_is_skipped_before_parsing(tmp_path, name, page, parsed):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(tmp_path)
    assert time.perf_counter() - start < 5
    message = "\n".join(str(w.message) for w in caught)
    assert "good" in corpus.index
    if parsed:  # parsed: loaded, or skipped for what the extractor found, never for its depth
        assert "HTML nested" not in message
        assert "page" in corpus.index or "page.html: HTML page with no text" in message
    else:
        assert "page" not in corpus.index
        assert "page.html: HTML nested" in message and f"over the limit of {MAX_HTML_DEPTH:,}" in message


@pytest.mark.parametrize("page, depth", [
    (_nested(6_000), 6_000), ("<div>" * 6_000 + "</div>" * 6_000 + "<div>" * 10, 6_000),
    ("<br>" * 9_000, 0), ("<div></div>" * 9_000, 1), ("</i>" * 9_000 + "<i>" * 5_500, 5_500),
    ("<DIV>" * 5_001 + "<img src=x>" * 10, 5_001), ("<div/>" * 5_001, 5_001),  # (HTML ignores "/>" on a div)
])
def test_html_depth_counts_nesting_in_linear_time(page, depth):
    from newstrace.corpus import html_depth

    assert html_depth(page) == depth


def test_many_rows_with_one_signature_are_checked_for_duplicates_in_linear_time(tmp_path):
    """Rows of one length that end alike (a feed's boilerplate ending) share the duplicate check's cheap
    signature; each must cost one look-up, not a comparison with every earlier row."""
    rows = [f"Item {i} of the feed reports a change. Read more at the site today please now"
            for i in range(20_000)]
    rows += rows[:3]  # three true duplicates at the end
    (tmp_path / "feed.csv").write_text("text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = load_corpus(tmp_path)
    elapsed = time.perf_counter() - start
    assert elapsed < 60, f"{elapsed:.0f} s for 20,003 rows"
    assert not caught
    assert len(corpus) == 20_003
    marked = corpus["identical_to"][corpus["identical_to"] != ""]
    assert marked.to_dict() == {"feed-20001": "feed-1", "feed-20002": "feed-2", "feed-20003": "feed-3"}
