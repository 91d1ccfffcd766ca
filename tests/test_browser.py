"""The report in a real browser: headless Debian Chromium driven by Selenium.

Every page of the report opens offline, every figure image loads (naturalWidth > 0), the
console stays free of errors, nothing from the articles runs, and a 50,000-character
unbroken line does not widen the page. Screenshots go to a temporary folder (or to
$NEWSTRACE_SCREENSHOTS) for a person to look at.

Three reports are opened: the committed notebooks on the seeds; a hand-made notebook
carrying hostile output of every kind; and the whole collection run on the crafted
articles in tests/data/report/ (the path `make CORPUS=tests/data/report` takes): three
outlets reporting a strike, one whose text holds <script>, <img onerror>, javascript:
links in HTML and Markdown, HTML-escaped markup in an .html page, and a 50,000-character
unbroken line.

Without Chromium the browser tests skip, saying how to install it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest

from newstrace import paths, report, run

HERE = Path(__file__).parent
CRAFTED = HERE / "data" / "report"
INSTALL_CHROMIUM = "install it with `apt-get update && apt-get install -y chromium chromium-driver` (Debian)"
INSTALL_SELENIUM = "install it with `.venv/bin/python -m pip install -r requirements.txt` (it is pinned there)"
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1280,1000"]

# Evaluated in each page: what a person would see, and anything that should not be there.
PROBE = """
const imgs = Array.from(document.images).map(i => ({src: i.getAttribute('src').slice(0, 200),
                                                     complete: i.complete, width: i.naturalWidth}));
const onattrs = Array.from(document.querySelectorAll('*')).flatMap(
    e => Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name));
return {
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  scripts: document.scripts.length,
  iframes: document.querySelectorAll('iframe, object, embed').length,
  onattrs: onattrs,
  jslinks: Array.from(document.querySelectorAll('a[href]')).filter(
      a => a.href.trim().toLowerCase().startsWith('javascript:')).length,
  images: imgs,
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  height: document.documentElement.scrollHeight,
  text: document.body.innerText,
};
"""


def _chromium():
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (binary and driver):
        pytest.skip(f"Chromium or chromedriver not found: {INSTALL_CHROMIUM}")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip(f"selenium is not installed: {INSTALL_SELENIUM}")
    return binary, driver, webdriver, Service


@pytest.fixture(scope="module")
def browser():
    binary, driver, webdriver, Service = _chromium()
    profile = tempfile.mkdtemp(prefix="newstrace-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        chrome = webdriver.Chrome(service=Service(driver), options=options)
    except Exception as exc:  # a broken install: say so rather than fail every test obscurely
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"Chromium did not start ({type(exc).__name__}: {str(exc).splitlines()[0]}); {INSTALL_CHROMIUM}")
    chrome.set_page_load_timeout(60)
    yield chrome
    chrome.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = os.environ.get("NEWSTRACE_SCREENSHOTS")
    out = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def visit(browser, page: Path, shots: Path, label: str) -> dict:
    """Open ``page``, return what PROBE saw plus the console errors; save a full-page screenshot."""
    browser.get_log("browser")                                   # drop entries of earlier pages
    browser.get(page.resolve().as_uri())
    seen = browser.execute_script(PROBE)
    seen["errors"] = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    browser.set_window_size(1280, min(seen["height"] + 140, 12000))
    browser.save_screenshot(str(shots / f"{label}-{page.stem}.png"))
    browser.set_window_size(1280, 1000)
    return seen


def check_page(seen: dict, page: Path) -> None:
    where = page.name
    assert seen["errors"] == [], f"{where}: console errors {seen['errors']}"
    assert seen["pwned"] is None, f"{where}: article text ran as code ({seen['pwned']})"
    assert seen["scripts"] == 0 and seen["iframes"] == 0, f"{where}: scripts or frames in the page"
    assert seen["onattrs"] == [] and seen["jslinks"] == 0, f"{where}: {seen['onattrs']}, javascript: links"
    bad = [i for i in seen["images"] if not (i["complete"] and i["width"] > 0)]
    assert not bad, f"{where}: images that did not load: {bad}"
    assert seen["overflow"] <= 1, f"{where}: the page is {seen['overflow']} px wider than the window"


def check_report(browser, index: Path, shots: Path, label: str) -> dict[str, dict]:
    seen = {}
    for page in [index, *sorted(p for p in index.parent.glob("*.html") if p != index)]:
        seen[page.name] = visit(browser, page, shots, label)
        check_page(seen[page.name], page)
    pngs = sorted(p.name for p in (index.parent / "figures").glob("*.png"))
    shown = sorted(i["src"].removeprefix("figures/") for i in seen["index.html"]["images"])
    assert shown == pngs, "the gallery does not show every chart"
    return seen


def test_report_of_the_committed_notebooks(browser, shots, tmp_path):
    if not run.notebooks():
        pytest.fail("no notebooks in notebooks/")
    index = report.build(paths.NOTEBOOKS, paths.FIGURES, tmp_path / "report")
    seen = check_report(browser, index, shots, "seeds")
    assert len(seen["index.html"]["images"]) == len(list(paths.FIGURES.glob("*.png")))
    for nb in run.notebooks():
        assert (tmp_path / "report" / f"{nb.stem}.html").name in seen
        assert seen[f"{nb.stem}.html"]["images"], f"{nb.stem}: no chart visible in its page"
    assert "seeds" in seen["index.html"]["text"]


def test_hostile_outputs_stay_inert_and_readable(browser, shots, tmp_path):
    from test_report import HOSTILE, LONG, build_sample

    nbdir, figdir, out = build_sample(tmp_path)
    index = report.build(nbdir, figdir, out)
    seen = check_report(browser, index, shots, "hostile")
    page = seen["01-first.html"]["text"]
    assert "<script>window.__pwned = 1</script>" in page                 # shown as text, readable
    assert '<img src=x onerror="window.__pwned = 2">' in page
    assert LONG in page.replace("\n", "") or LONG[:5000] in page        # the long line is all there
    assert "Three outlets repeat one report." in seen["index.html"]["text"]
    assert HOSTILE[:40] in seen["index.html"]["text"]


@pytest.fixture(scope="module")
def crafted_run(tmp_path_factory):
    """The whole collection on tests/data/report, as `make CORPUS=tests/data/report` runs it."""
    if not run.notebooks():
        pytest.fail("no notebooks in notebooks/")
    out = tmp_path_factory.mktemp("crafted") / "report-corpus"
    results = run.run_all(run.notebooks(), corpus=CRAFTED, out=out, echo=lambda line: None)
    return out, results


def test_whole_collection_runs_on_crafted_articles(crafted_run):
    out, results = crafted_run
    failed = {r.notebook: r.error for r in results if r.error}
    assert not failed, f"notebooks fail on tests/data/report: {failed}"
    index = report.build(out / "notebooks", out / "figures", out / "report")
    assert sorted(p.stem for p in index.parent.glob("*.html")) == sorted(
        ["index"] + [nb.stem for nb in run.notebooks()])
    assert sorted(p.name for p in (out / "figures").glob("*.png")), "no chart for the crafted articles"
    for nb in run.notebooks():
        executed = nbformat.read(out / "notebooks" / nb.name, as_version=4)
        assert "report" in executed.metadata["newstrace"]["corpus"]


def test_crafted_articles_render_inert_in_the_browser(crafted_run, browser, shots):
    out, results = crafted_run
    if any(r.error for r in results):
        pytest.fail("the collection failed on the crafted articles (see the test above)")
    index = report.build(out / "notebooks", out / "figures", out / "report")
    seen = check_report(browser, index, shots, "crafted")
    text = "\n".join(s["text"] for s in seen.values())
    assert "Norrvik" in text                                        # the articles are there
    assert "window.__pwned" in text                                 # the hostile markup is shown, as text


# ------------------------------------------------------------- the corpus matrix, end to end
MATRIX = HERE / "data" / "matrix"
# what each corpus must make the notebooks say, in words, instead of failing
MATRIX_WORDS = {"one": "1 article", "unrelated": "2 articles", "family": "5 articles"}


@pytest.fixture(scope="module")
def matrix_runs(tmp_path_factory):
    """Each corpus of tests/data/matrix through the runner as `make CORPUS=...` runs it
    (`newstrace.run --corpus DIR --report`), into a temporary output folder."""
    runs = {}
    for name in MATRIX_WORDS:
        out = tmp_path_factory.mktemp(f"matrix-{name}")
        status = run.main(["--corpus", str(MATRIX / name), "--out", str(out), "--report"])
        runs[name] = (status, out)
    return runs


def _outputs(notebook: Path) -> str:
    nb = nbformat.read(notebook, as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append("".join(out.get("text", "")))
            parts.append("".join(out.get("data", {}).get("text/plain", "")))
            parts.append("".join(out.get("traceback", [])))
    return "\n".join(parts)


@pytest.mark.parametrize("name", list(MATRIX_WORDS))
def test_every_notebook_runs_on_a_corpus_of_any_shape(name, matrix_runs):
    """One article, two unrelated ones, one family of five: every notebook runs to the end, a report
    is built, and no chart has overlapping or cut tick labels (charts.ChartWarning)."""
    status, out = matrix_runs[name]
    failed = {nb.name: nbformat.read(nb, as_version=4).metadata["newstrace"].get("error")
              for nb in sorted((out / "notebooks").glob("*.ipynb"))
              if nbformat.read(nb, as_version=4).metadata["newstrace"].get("error")}
    assert status == 0 and not failed, f"{name}: {failed}"
    assert (out / "report" / "index.html").is_file()
    for nb in sorted((out / "notebooks").glob("*.ipynb")):
        text = _outputs(nb)
        assert "ChartWarning" not in text, f"{name}/{nb.name}: {text[text.index('ChartWarning'):][:300]}"
        assert "Traceback" not in text, f"{name}/{nb.name}: an error is shown"
    assert MATRIX_WORDS[name] in _outputs(out / "notebooks" / "01-corpus.ipynb")


@pytest.mark.parametrize("name", list(MATRIX_WORDS))
def test_the_report_of_each_corpus_opens_in_the_browser(name, matrix_runs, browser, shots):
    status, out = matrix_runs[name]
    if status != 0:
        pytest.fail(f"the run on {name} failed (see the test above)")
    seen = check_report(browser, out / "report" / "index.html", shots, f"matrix-{name}")
    assert str(MATRIX / name) in seen["index.html"]["text"] or name in seen["index.html"]["text"]
