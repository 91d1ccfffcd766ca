"""Score newstrace.figures on NewsQuant (CQE's news test set, development half), beside quantulum3.

    .venv/bin/python benchmarks/newsquant.py [DATA_DIR] [--show] [--show-n 40] [--speed-runs 5]

DATA_DIR defaults to $NEWSTRACE_DATA or ``<repo>/../shared/data``; the file read is
``newsquant-dev/NewsQuant-dev.json`` (evaluation data only: nothing of it is copied into the project).

The metric is CQE's (Almasian et al., EMNLP 2023), as the data's README describes it:
- value: numbers equal within numpy ``isclose`` (rtol 1e-5); a range "a-b" matches only a range with
  both ends equal (ends compared low to low, high to high: newstrace keeps low/high, not the order
  written; 4 gold ranges are written high first); a single number never matches a range.
- value+unit: value matches and the lower-cased normalized unit is identical.
- value+change: value matches and ``change`` (=, ~, >, <, up, down) is identical.
- Pairing, per sentence: gold and predictions sorted by normalized unit; each gold quantity scans the
  unused predictions; every prediction with an equal value earns a value credit (at most as many value
  credits per sentence as gold quantities), and a change credit if the change is equal too; the scan
  stops at the first prediction whose unit is also equal, which earns the unit credit and is used up.
- A strict one-to-one score (each prediction matched at most once, on value) is printed beside it.

How newstrace's figures are put in NewsQuant's form (one general mapping, the same for every sentence;
no sentence or unit of the data is looked up):
- value: the number as written (``value`` divided by ``to_unit``, the factor newstrace applied to reach
  its canonical unit); a range gives ``(low, high)``.
- normalized unit, from ``unit_written`` (the unit as read, in pint's or ISO 4217's names):
  - a currency code gives its English name (USD "dollar", GBP "pound sterling", JPY "japanese yen",
    ...: ISO 4217 names, lower case, with the country adjective the ISO name has); a rate keeps its
    denominator ("USD/month" -> "dollar per month");
  - "%" -> "percentage", "pp" -> "percentage point", "bp" -> "basis point";
  - a pint unit gives pint's long name in British spelling, "/" read as " per " ("mile/hour" -> "mile per
    hour", "kilometer" -> "kilometre", "degree_Celsius" -> "celsius", "kilowatt_hour" -> "kilowatt hour",
    "pound" -> "pound-mass", CQE's names);
  - an age gives its unit "of age" ("-year-old" -> "year of age", "-month-old" -> "month of age");
  - a count gives its counted noun, singular (the last word of ``subject``: "13 brain surgeons" ->
    "surgeon"; "people" stays), or "-" when nothing is counted.
- change: the hedge when there is one (approx "~", over ">", under "<": NewsQuant marks "up about 19
  per cent" as "~"), else newstrace's ``change`` (up/down), else "=".

quantulum3 runs without its classifier (its pickle does not load under scikit-learn 1.9), so its
scores here are below its published ones. Its ``unit.name`` is used as its normalized unit ("dimensionless" -> "-"); a quantity with an
uncertainty is the range value±uncertainty; its change is "=" (it has none).

Published CQE figures (all 590 sentences) are printed beside ours; ours are on the 295 dev sentences.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

import numpy as np

from newstrace import paths
from newstrace.figures import extract_text

PUBLISHED = {  # P/R/F1 %, evaluation_output/NewsQuant.csv of CQE_Evaluation, all 590 sentences
    "CQE (published)": ((92.0, 91.9, 92.0), (85.6, 85.5, 85.6), (88.2, 88.1, 88.1)),
    "quantulum3 (published)": ((65.0, 83.3, 73.0), (42.1, 53.9, 47.2), None),
}

# ISO 4217 English names of currencies, lower case (what a reader calls the unit).
CURRENCY_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen", "AUD": "australian dollar",
    "CAD": "canadian dollar", "NZD": "new zealand dollar", "HKD": "hong kong dollar", "SGD": "singapore dollar",
    "CNY": "chinese yuan", "INR": "indian rupee", "RUB": "russian ruble", "UAH": "ukrainian hryvnia",
    "ILS": "shekel", "MYR": "malaysian ringgit", "CHF": "swiss franc", "KRW": "south korean won",
    "BRL": "brazilian real", "MXN": "mexican peso", "ZAR": "south african rand", "NGN": "nigerian naira",
    "PLN": "polish zloty", "TRY": "turkish lira", "SEK": "swedish krona", "NOK": "norwegian krone",
    "DKK": "danish krone", "CZK": "czech koruna", "HUF": "hungarian forint", "PKR": "pakistani rupee",
    "PHP": "philippine peso", "THB": "thai baht", "IDR": "indonesian rupiah", "KZT": "kazakhstani tenge",
    "GEL": "georgian lari", "BYN": "belarusian ruble", "DZD": "algerian dinar", "EGP": "egyptian pound",
    "USX": "cent", "GBX": "penny", "XBT": "bitcoin",
}
# pint's long names that read differently in English prose
PINT_NAMES = {
    "revolutions_per_minute": "revolutions per minute", "metric_ton": "tonne", "degree_Celsius": "celsius",
    "degree_Fahrenheit": "fahrenheit", "pound_foot": "pound-foot", "ppb": "parts-per-billion",
    "ppm": "parts-per-million", "newton_meter": "newton metre", "pound": "pound-mass", "degC": "celsius", "degF": "fahrenheit",
}
PERCENT_NAMES = {"%": "percentage", "pp": "percentage point", "bp": "basis point"}
SPELLING = [("meter", "metre"), ("liter", "litre"), ("degree_Celsius", "celsius"), ("degree_Fahrenheit", "fahrenheit"),
            ("_", " ")]
CHANGE_OF_HEDGE = {"approx": "~", "over": ">", "under": "<", "": "="}


def _singular(word: str) -> str:
    """A crude English singular of a counted noun (a general rule, not a list of the data's nouns)."""
    w = word.lower()
    if w in ("people", "police", "staff", "news", "series", "species", "data"):
        return w
    for suf, rep in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("men", "man")):
        if w.endswith(suf) and len(w) > len(suf) + 1:
            return w[: -len(suf)] + rep
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _unit_name(u: str) -> str:
    """One unit of newstrace's ``unit_written`` (no "/") in NewsQuant's normalized form."""
    u = u.strip()
    if u in CURRENCY_NAMES:
        return CURRENCY_NAMES[u]
    if u in PERCENT_NAMES:
        return PERCENT_NAMES[u]
    power = re.fullmatch(r"(\w+) \*\* ([23])", u)
    if power:
        return ("square " if power.group(2) == "2" else "cubic ") + _unit_name(power.group(1))
    if u in PINT_NAMES:
        return PINT_NAMES[u]
    for a, b in SPELLING:
        u = u.replace(a, b)
    return u.lower()


def norm_unit(row: dict) -> str:
    """NewsQuant's normalized unit for one newstrace figure (see the module docstring)."""
    unit = row.get("unit_written") or row.get("unit") or ""
    if row.get("quantity") == "age":
        return f"{unit or 'year'} of age"
    if row.get("quantity") == "count" or not unit:
        words = re.findall(r"[A-Za-z][\w'-]*", row.get("counted") or "")
        return " ".join(w.lower() for w in words[:-1]) + (" " if len(words) > 1 else "") + _singular(words[-1]) \
            if words else "-"
    return " per ".join(_unit_name(p) for p in re.split(r"/| / ", unit))


def _num(x):
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else float(x)


def ours(text: str) -> list[dict]:
    """newstrace's figures in ``text`` as NewsQuant quantities: value (float or (lo, hi)), unit, change."""
    out = []
    for r in extract_text(text):
        f = r.get("to_unit") or 1.0
        v = _num(r["value"])
        value = (r["low"] / f, r["high"] / f) if v is None else v / f
        hedge = r.get("hedge") or ""
        change = CHANGE_OF_HEDGE[hedge] if hedge else (r.get("change") or "=")
        out.append({"value": value, "unit": norm_unit(r), "change": change, "surface": r["surface"]})
    return out


def quantulum(text: str) -> list[dict]:
    """quantulum3's quantities in ``text`` as NewsQuant quantities."""
    from quantulum3 import classifier, parser

    # quantulum3 0.10.0's pickled unit classifier does not load under scikit-learn 1.9: it runs in its
    # documented no-classifier mode (its rule-based fallback), as in benchmarks/figures.py.
    classifier.USE_CLF = False
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        qs = parser.parse(text)
    for q in qs:
        unit = q.unit.name if q.unit is not None else "-"
        unit = "-" if unit in ("dimensionless", "") else unit
        value = (q.value - q.uncertainty, q.value + q.uncertainty) if q.uncertainty else float(q.value)
        out.append({"value": value, "unit": unit, "change": "=", "surface": q.surface})
    return out


def gold_value(v: str):
    """A NewsQuant value string as a float, or (lo, hi) for a range "a-b" (a leading "-" is a sign)."""
    m = re.fullmatch(r"(-?[\d.]+)\s*-\s*([\d.]+)", v.strip())
    if m:
        lo, hi = float(m.group(1)), float(m.group(2))
        return (min(lo, hi), max(lo, hi))
    return float(v)


def same_value(a, b) -> bool:
    """CQE's value match: isclose (rtol 1e-5); ranges match ranges with both ends equal."""
    if isinstance(a, tuple) != isinstance(b, tuple):
        return False
    if isinstance(a, tuple):
        return bool(np.isclose(a[0], b[0], rtol=1e-5) and np.isclose(a[1], b[1], rtol=1e-5))
    return bool(np.isclose(a, b, rtol=1e-5))


def score_sentence(gold: list[dict], pred: list[dict]) -> dict:
    """CQE's credits for one sentence (value, unit, change), and strict one-to-one value credits."""
    gold = sorted(gold, key=lambda q: q["unit"])
    pred = sorted(pred, key=lambda q: q["unit"])
    used: set[int] = set()
    value = unit = change = 0
    for g in gold:
        for k, p in enumerate(pred):
            if k in used or not same_value(g["value"], p["value"]):
                continue
            value += 1
            if g["change"] == p["change"]:
                change += 1
            if g["unit"] == p["unit"]:
                unit += 1
                used.add(k)
                break
    strict_used: set[int] = set()
    for g in gold:
        k = next((k for k, p in enumerate(pred) if k not in strict_used and same_value(g["value"], p["value"])), None)
        if k is not None:
            strict_used.add(k)
    n = len(gold)
    return {"value": min(value, n), "unit": min(unit, n), "change": min(change, n), "strict": len(strict_used)}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = 100 * tp / n_pred if n_pred else 0.0
    r = 100 * tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def load(data_dir: Path) -> list[dict]:
    path = data_dir / "newsquant-dev" / "NewsQuant-dev.json"
    if not path.is_file():
        sys.exit(f"newsquant.py: {path} not found (pass the data folder or set NEWSTRACE_DATA)")
    items = json.loads(path.read_text(encoding="utf-8"))
    for it in items:
        it["gold"] = [{"value": gold_value(q["value"]), "unit": q["normalized_unit"].lower(), "change": q["change"],
                       "surface": q["unit"]} for q in it["quantities"]]
    return items


def evaluate(items: list[dict], predict) -> tuple[dict, list]:
    """Totals of CQE credits over ``items`` and the per-sentence predictions."""
    tot = Counter()
    preds = []
    for it in items:
        p = predict(it["text"])
        preds.append(p)
        s = score_sentence(it["gold"], p)
        tot.update(s)
        tot["n_pred"] += len(p)
        tot["n_gold"] += len(it["gold"])
    return tot, preds


def _fmt(t):
    return "/".join(f"{x:.1f}" for x in t) if t else "–"


def table(results: dict) -> str:
    lines = ["| system | value | value+unit | value+change | value (strict 1:1) |", "|---|---|---|---|---|"]
    for name, tot in results.items():
        if isinstance(tot, tuple):
            lines.append(f"| {name} | {_fmt(tot[0])} | {_fmt(tot[1])} | {_fmt(tot[2])} | – |")
            continue
        cells = [prf(tot[k], tot["n_pred"], tot["n_gold"]) for k in ("value", "unit", "change", "strict")]
        lines.append(f"| {name} | " + " | ".join(_fmt(c) for c in cells) + " |")
    return "\n".join(lines)


def _show_value(v):
    return f"{v[0]:g}-{v[1]:g}" if isinstance(v, tuple) else f"{v:g}"


def categories(items: list[dict], preds: list) -> dict[str, list[str]]:
    """Errors sorted into kinds: missed, spurious, range vs single, unit differs, change differs."""
    cats: dict[str, list[str]] = {k: [] for k in ("missed", "spurious", "range or single differs", "unit differs",
                                                   "change differs")}
    for it, pred in zip(items, preds, strict=True):
        text = it["text"]
        for g in it["gold"]:
            same = [p for p in pred if same_value(g["value"], p["value"])]
            if not same:
                close = [p for p in pred if isinstance(p["value"], tuple) != isinstance(g["value"], tuple) and (
                    any(np.isclose(x, y, rtol=1e-5) for x in np.atleast_1d(p["value"]) for y in np.atleast_1d(g["value"])))]
                kind = "range or single differs" if close else "missed"
                cats[kind].append(f"gold {_show_value(g['value'])} {g['unit']!r} ({g['surface']}) | {text}")
                continue
            if not any(p["unit"] == g["unit"] for p in same):
                cats["unit differs"].append(
                    f"gold {g['unit']!r} ours {[p['unit'] for p in same]} ({_show_value(g['value'])}) | {text}")
            if not any(p["change"] == g["change"] for p in same):
                cats["change differs"].append(
                    f"gold {g['change']} ours {[p['change'] for p in same]} ({_show_value(g['value'])}) | {text}")
        for p in pred:
            if not any(same_value(g["value"], p["value"]) for g in it["gold"]):
                close = any(isinstance(g["value"], tuple) != isinstance(p["value"], tuple) for g in it["gold"])
                if not close:
                    cats["spurious"].append(f"ours {_show_value(p['value'])} {p['unit']!r} ({p['surface']}) | {text}")
    return cats


def speed(items: list[dict], runs: int) -> tuple[float, float]:
    """Median seconds per run over all sentences: newstrace, quantulum3."""
    texts = [it["text"] for it in items]
    t_ours, t_q = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            extract_text(t)
        t_ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        quantulum_all(texts)
        t_q.append(time.perf_counter() - t0)
    return statistics.median(t_ours), statistics.median(t_q)


def quantulum_all(texts):
    for t in texts:
        quantulum(t)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=os.environ.get("NEWSTRACE_DATA", str(paths.ROOT.parent / "shared" / "data")))
    ap.add_argument("--show", action="store_true", help="print the errors by kind")
    ap.add_argument("--show-n", type=int, default=40, help="examples per kind with --show")
    ap.add_argument("--no-quantulum", action="store_true")
    args = ap.parse_args(argv)
    items = load(Path(args.data))
    n_gold = sum(len(it["gold"]) for it in items)
    print(f"NewsQuant dev: {len(items)} sentences, {n_gold} gold quantities\n")
    results: dict = {}
    tot, preds = evaluate(items, ours)
    results["newstrace"] = tot
    if not args.no_quantulum:
        results["quantulum3 (same sentences)"] = evaluate(items, quantulum)[0]
    results.update(PUBLISHED)
    print("P/R/F1 %, CQE's metric (ours on the 295 dev sentences; published rows on all 590):\n")
    print(table(results))
    if args.show:
        for kind, rows in categories(items, preds).items():
            print(f"\n## {kind}: {len(rows)}")
            for r in rows[: args.show_n]:
                print("  " + r)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
