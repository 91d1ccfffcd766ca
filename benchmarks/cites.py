"""Score newstrace.sources.find_cites (and the outlet a dateline names) on real articles.

Usage: python benchmarks/cites.py [DATA] [--show] [--datelines] [--runs N]

DATA (or $NEWSTRACE_DATA; default ../shared/data from the repo root) holds ``zyte-articles-dev/`` and
``tempeval3-tbaq/``. The gold set is ``benchmarks/data/cites_gold.csv``: for each article (its dataset and
doc_id), the outlet that publishes it as a reader names it (``publisher``) and one row per news outlet or
agency it cites (``outlet_cited``, canonical name, alternatives separated by ";"; an empty row for an
article that cites none), with a few words of evidence. The article text is read from the data: a Zyte
page's hand-marked ``articleBody``, a TimeML file's ``<TEXT>`` with its tags stripped.

find_cites runs on each text with the publisher as ``outlet`` (a story never cites its own outlet); a cite
is right when its name, compared without case, is one of a gold row's names. Scores: micro precision and
recall over (article, cite) pairs, with the number of articles whose cites are exactly right. The
publisher of a TimeML file is known from its name (APW/AP: Associated Press, XIE: Xinhua, NYT: The New York
Times), so the agency that a dateline names is scored against it too.

``--datelines`` counts the datelines of all 256 TimeML files: how many open with a dateline (an independent
loose test: the first line ends its first 80 characters with a separator "_", "--", "—", "-" or holds a
bracketed agency), how many find_dateline parses, and the agency's accuracy against the file's publisher.
``--runs`` times find_cites (median MB/s over the gold texts).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

from devdata import data_dir, timeml_text

from newstrace.sources import find_cites, find_dateline

GOLD = Path(__file__).parent / "data" / "cites_gold.csv"
WIRE_PREFIXES = {"APW": "Associated Press", "AP9": "Associated Press", "XIE": "Xinhua", "NYT": "The New York Times"}
LOOSE_DATELINE = re.compile(r"\A\s*(?:\(\s*undated\s*\)|[^\n]{2,60}?(?:\([A-Za-z][^()\n]{0,30}\)\s*(?:_|--|—|–|-|:)?|\s(?:_|--|—|–)\s))",
                            re.IGNORECASE)


def timeml_files(data: Path) -> dict[str, Path]:
    folder = data / "tempeval3-tbaq"
    files = {p.stem: p for p in sorted(folder.glob("*/*.tml"))}
    if not files:
        sys.exit(f"{folder}: no .tml files (give the data folder as an argument or set NEWSTRACE_DATA)")
    return files


def read_gold(data: Path) -> list[dict]:
    """One dict per gold article: dataset, doc_id, publisher, cites (list of sets of lower-case names), text."""
    zyte = json.loads((data / "zyte-articles-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    tml = timeml_files(data)
    articles: dict[tuple[str, str], dict] = {}
    with open(GOLD, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row["dataset"], row["doc_id"])
            if key not in articles:
                text = zyte[row["doc_id"]]["articleBody"] if row["dataset"] == "zyte" else timeml_text(tml[row["doc_id"]]).strip()
                articles[key] = {"dataset": key[0], "doc_id": key[1], "publisher": row["publisher"], "cites": [],
                                 "evidence": [], "text": text}
            if row["outlet_cited"].strip():
                articles[key]["cites"].append({n.strip().lower() for n in row["outlet_cited"].split(";")})
                articles[key]["evidence"].append(row["evidence"])
    return list(articles.values())


def score(articles: list[dict], show: bool) -> None:
    tp = fp = fn = exact = 0
    per_set: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for a in articles:
        found = find_cites(a["text"], "", a["publisher"])
        left = list(a["cites"])
        wrong = []
        for name in found:
            match = next((g for g in left if name.lower() in g), None)
            if match is None:
                wrong.append(name)
            else:
                left.remove(match)
        ok = len(found) - len(wrong)
        tp, fp, fn = tp + ok, fp + len(wrong), fn + len(left)
        s = per_set[a["dataset"]]
        s[0], s[1], s[2] = s[0] + ok, s[1] + len(wrong), s[2] + len(left)
        exact += not wrong and not left
        if show and (wrong or left):
            missed = [" / ".join(sorted(g)) for g in left]
            print(f"  {a['dataset']} {a['doc_id'][:16]} ({a['publisher']}): missed {missed} wrong {wrong}")
    n_cites = sum(len(a["cites"]) for a in articles)
    print(f"\nGold: {len(articles)} articles ({sum(1 for a in articles if not a['cites'])} citing none), "
          f"{n_cites} cites")
    print(f"{'set':<8} {'cites':>6} {'found':>6} {'right':>6} {'precision':>10} {'recall':>7}")
    for name, (t, f, n) in sorted(per_set.items()) + [("all", (tp, fp, fn))]:
        p = t / (t + f) if t + f else 1.0
        r = t / (t + n) if t + n else 1.0
        print(f"{name:<8} {t + n:>6} {t + f:>6} {t:>6} {p:>10.3f} {r:>7.3f}")
    print(f"articles with exactly the gold cites: {exact}/{len(articles)}")


def dateline_outlets(articles: list[dict]) -> None:
    """The agency a TimeML dateline names, against the publisher known from the file name."""
    rows = [a for a in articles if a["dataset"] == "timeml" and a["doc_id"][:3] in WIRE_PREFIXES]
    named = [(a, find_dateline(a["text"])["agency"]) for a in rows]
    right = sum(1 for a, ag in named if ag and ag == a["publisher"])
    found = sum(1 for _, ag in named if ag)
    print(f"\nDateline agency as outlet (gold TimeML articles of a wire or paper): {found} named, {right} right "
          f"(precision {right / found if found else 1:.3f})")


def count_datelines(data: Path, show: bool) -> None:
    """Datelines in all TimeML files: opened with one (loose test), parsed, agency against the publisher."""
    files = timeml_files(data)
    loose = parsed = both = agency_named = agency_right = 0
    for stem, path in files.items():
        text = timeml_text(path).strip()
        has = bool(LOOSE_DATELINE.match(text[:100]))
        d = find_dateline(text)
        loose += has
        parsed += bool(d["dateline"])
        both += has and bool(d["dateline"])
        publisher = WIRE_PREFIXES.get(stem[:3], "")
        if d["agency"]:
            agency_named += 1
            agency_right += d["agency"] == publisher
        if show and has != bool(d["dateline"]):
            print(f"  {stem}: loose test {has}, parsed {d['dateline']!r}: {text[:70]!r}")
    print(f"\nTimeML files: {len(files)}; opening with a dateline (loose test): {loose}; parsed by find_dateline: "
          f"{parsed} ({both} of the loose test's)")
    print(f"datelines naming an agency: {agency_named}; agency = the file's publisher: {agency_right}")


def speed(articles: list[dict], runs: int) -> None:
    texts = [a["text"] for a in articles]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            find_cites(t + " ")  # a new string object: nothing remembered from the last call
        times.append(time.perf_counter() - t0)
    print(f"\nfind_cites speed: {mb / statistics.median(times):.1f} MB/s (median of {runs} runs, {mb:.2f} MB)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=str(data_dir()))
    ap.add_argument("--show", action="store_true", help="list each article's missed and wrong cites")
    ap.add_argument("--datelines", action="store_true", help="count the datelines of all TimeML files")
    ap.add_argument("--runs", type=int, default=0, help="time find_cites over the gold texts N times")
    args = ap.parse_args()
    data = Path(args.data)
    articles = read_gold(data)
    print(f"command: python benchmarks/cites.py {' '.join(sys.argv[1:])}")
    score(articles, args.show)
    dateline_outlets(articles)
    if args.datelines:
        count_datelines(data, args.show)
    if args.runs:
        speed(articles, args.runs)


if __name__ == "__main__":
    main()
