"""Score newstrace.timeline.tag on TimeML (TempEval-3 TBAQ) the TempEval-3 way, beside dateparser.

Usage: python benchmarks/timeml.py [PATH] [--runs N] [--errors SUBSET]

PATH (or $NEWSTRACE_TIMEML; default ../shared/data/tempeval3-tbaq from the repo root) holds
TimeBank/ and AQUAINT/ folders of .tml files. For each file the <TEXT> content is stripped of
tags (entities unescaped), the offsets of every gold TIMEX3 are kept, and the tagger runs on the
plain text with the file's DCT. Scores: strict span F1 (same start and end), relaxed span F1
(overlap, one-to-one), value F1 (a relaxed match with the same value), type accuracy on relaxed
matches. Throughput: MB of text per second on one core, median of --runs runs.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
import warnings
from pathlib import Path

from devdata import cpu_throughput

from newstrace import paths
from newstrace.timeline import tag

TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_tml(path: Path) -> tuple[str, str, list[dict]]:
    """Plain text of <TEXT>, its DCT (YYYY-MM-DD) and the gold TIMEX3 list (start, end, type, value)."""
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<DCT>.*?value=\"([^\"]+)\"", raw, re.S)
    if not m:
        raise ValueError(f"{path}: no <DCT> value")
    dct = m.group(1)[:10]
    m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not m:
        raise ValueError(f"{path}: no <TEXT> element")
    body = m.group(1)
    out: list[str] = []
    pos = 0
    n = 0
    gold: list[dict] = []
    stack: list[dict] = []
    for t in TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        out.append(chunk)
        n += len(chunk)
        pos = t.end()
        if t.group(2) != "TIMEX3":
            continue
        if t.group(1):
            g = stack.pop()
            g["end"] = n
            gold.append(g)
        else:
            attrs = dict(ATTR.findall(t.group(3)))
            stack.append({"start": n, "type": attrs.get("type", ""), "value": attrs.get("value", "")})
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g["surface"] = text[g["start"]:g["end"]]
    return text, dct, gold


def load(root: Path, subset: str) -> list[tuple[str, str, str, list[dict]]]:
    """[(file name, text, dct, gold)] for every .tml file of root/subset."""
    folder = root / subset
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise SystemExit(f"error: no .tml files in {folder}")
    return [(f.name, *parse_tml(f)) for f in files]


def match(gold: list[dict], pred: list[dict]) -> dict:
    """Counts for strict, relaxed and value scores of one document."""
    strict = sum(1 for g in gold for p in pred if g["start"] == p["start"] and g["end"] == p["end"])
    used: set[int] = set()
    relaxed = value = typ = 0
    pairs = []
    for g in gold:
        for j, p in enumerate(pred):
            if j in used or p["end"] <= g["start"] or p["start"] >= g["end"]:
                continue
            used.add(j)
            relaxed += 1
            value += p["value"] == g["value"]
            typ += p["type"] == g["type"]
            pairs.append((g, p))
            break
    return {"gold": len(gold), "pred": len(pred), "strict": strict, "relaxed": relaxed,
            "value": value, "type": typ, "pairs": pairs, "used": used}


def f1(hit: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run_newstrace(docs):
    return [[{"start": int(r.start), "end": int(r.end), "type": r.type, "value": r.value}
             for r in tag(text, dct).itertuples()] for _, text, dct, _ in docs]


def run_dateparser(docs):
    from dateparser.search import search_dates

    preds = []
    for _, text, dct, _ in docs:
        import datetime as dt
        base = dt.datetime.fromisoformat(dct)
        found = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        pos = 0
        for surface, when in hits:
            i = text.find(surface, pos)
            if i < 0:
                continue
            pos = i + len(surface)
            found.append({"start": i, "end": pos, "type": "DATE", "value": when.date().isoformat()})
        preds.append(found)
    return preds


def score(docs, preds) -> dict:
    tot = {"gold": 0, "pred": 0, "strict": 0, "relaxed": 0, "value": 0, "type": 0}
    for (_, _, _, gold), pred in zip(docs, preds, strict=True):
        m = match(gold, pred)
        for k in tot:
            tot[k] += m[k]
    row = {}
    for k in ("strict", "relaxed", "value"):
        p, r, f = f1(tot[k], tot["gold"], tot["pred"])
        row[k] = (p, r, f)
    row["type_acc"] = tot["type"] / tot["relaxed"] if tot["relaxed"] else 0.0
    row["gold"], row["pred"] = tot["gold"], tot["pred"]
    return row


def call_newstrace(docs):
    for _, text, dct, _ in docs:
        tag(text, dct)


def call_dateparser(docs):
    import datetime as dt

    from dateparser.search import search_dates

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _, text, dct, _ in docs:
            search_dates(text, languages=["en"], settings={"RELATIVE_BASE": dt.datetime.fromisoformat(dct)})


def throughput(fn, docs, runs: int) -> float:
    """MB of text per CPU second (one process, one core): the median of ``runs`` runs of the bare calls."""
    return cpu_throughput(fn, docs, sum(len(t.encode("utf-8")) for _, t, _, _ in docs) / 1e6, runs)


def errors(docs, preds, limit: int = 400) -> None:
    """Print missed, spurious and wrong-value expressions (for finding missing general rules)."""
    for (name, text, dct, gold), pred in zip(docs, preds, strict=True):
        m = match(gold, pred)
        matched_gold = {id(g) for g, _ in m["pairs"]}
        for g in gold:
            if id(g) not in matched_gold:
                print(f"MISS\t{name}\t{dct}\t{g['surface']!r}\t{g['type']}\t{g['value']}\t…{text[max(0, g['start']-40):g['end']+30]!r}")
        for j, p in enumerate(pred):
            if j not in m["used"]:
                print(f"FALSE\t{name}\t{dct}\t{text[p['start']:p['end']]!r}\t{p['type']}\t{p['value']}\t…{text[max(0, p['start']-40):p['end']+30]!r}")
        for g, p in m["pairs"]:
            if g["value"] != p["value"] or (g["start"], g["end"]) != (p["start"], p["end"]):
                print(f"VALUE\t{name}\t{dct}\t{g['surface']!r}|{text[p['start']:p['end']]!r}\t{g['type']}/{p['type']}\t{g['value']}|{p['value']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("NEWSTRACE_TIMEML") or str(paths.ROOT.parent / "shared" / "data" / "tempeval3-tbaq")
    ap.add_argument("path", nargs="?", default=default)
    ap.add_argument("--runs", type=int, default=5, help="timed runs for throughput (median)")
    ap.add_argument("--errors", choices=["TimeBank", "AQUAINT"], help="print error list for a subset and stop")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser comparison")
    args = ap.parse_args(argv)
    root = Path(args.path)
    if not root.is_dir():
        print(f"error: {root}: TimeML folder not found (argument or NEWSTRACE_TIMEML)", file=sys.stderr)
        return 2
    subsets = {s: load(root, s) for s in ("TimeBank", "AQUAINT")}
    if args.errors:
        docs = subsets[args.errors]
        errors(docs, run_newstrace(docs))
        return 0
    subsets["total"] = subsets["TimeBank"] + subsets["AQUAINT"]
    systems = {"newstrace.tag": run_newstrace}
    if not args.no_dateparser:
        systems["dateparser.search_dates"] = run_dateparser
    print(f"TimeML accuracy ({paths.display(root)}; TimeBank and AQUAINT were both read while writing the "
          "rules, so both are development data, not a held-out test)\n")
    print("| system | subset | files | gold | found | strict P/R/F1 | relaxed P/R/F1 | value P/R/F1 | type acc |")
    print("|---|---|---:|---:|---:|---|---|---|---:|")
    for sysname, fn in systems.items():
        for sub, docs in subsets.items():
            row = score(docs, fn(docs))
            cells = ["/".join(f"{x:.3f}" for x in row[k]) for k in ("strict", "relaxed", "value")]
            print(f"| {sysname} | {sub} | {len(docs)} | {row['gold']} | {row['pred']} | " + " | ".join(cells)
                  + f" | {row['type_acc']:.3f} |")
    docs = subsets["total"]
    mb = sum(len(t.encode('utf-8')) for _, t, _, _ in docs) / 1e6
    print(f"\nThroughput on all {len(docs)} files ({mb:.2f} MB of text), one core, CPU time, median of {args.runs} runs\n")
    print("| system | MB/s | ratio |")
    print("|---|---:|---:|")
    callers = {"newstrace.tag": call_newstrace, "dateparser.search_dates": call_dateparser}
    speeds = {name: throughput(callers[name], docs, args.runs if name == "newstrace.tag" else max(1, min(args.runs, 3)))
              for name in systems}
    base = speeds["newstrace.tag"]
    for name, s in speeds.items():
        print(f"| {name} | {s:.3f} | {base / s:.1f}x slower than newstrace.tag |" if name != "newstrace.tag"
              else f"| {name} | {s:.3f} | 1.0x |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
