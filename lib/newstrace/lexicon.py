"""The English news vocabulary every stage shares: months, weekdays, reporting verbs.

One table, ``newstrace/data/lexicon.csv`` (columns kind, word, example), read once here; a stage imports
the names below instead of spelling its own lists.

- ``MONTHS``: full month names, lower case, January first;
- ``MONTH_ABBREVIATIONS``: their usual short forms ("jan", "sept"), each mapped to its month number;
- ``WEEKDAYS``: weekday names, lower case, Monday first;
- ``REPORTING_VERBS``: the verbs with which news text attributes a statement ("writes", "reported").
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

KINDS = ("month", "month_abbr", "weekday", "reporting_verb")


@cache
def table() -> dict[str, tuple[str, ...]]:
    """The words of ``data/lexicon.csv`` by kind, in the file's order."""
    words: dict[str, list[str]] = {kind: [] for kind in KINDS}
    with resources.files("newstrace").joinpath("data/lexicon.csv").open("r", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] not in words:
                raise ValueError(f"newstrace/data/lexicon.csv: unknown kind {row['kind']!r} for {row['word']!r}")
            words[row["kind"]].append(row["word"].strip().lower())
    return {kind: tuple(ws) for kind, ws in words.items()}


MONTHS: tuple[str, ...] = table()["month"]
WEEKDAYS: tuple[str, ...] = table()["weekday"]
REPORTING_VERBS: tuple[str, ...] = table()["reporting_verb"]
MONTH_NUMBERS: dict[str, int] = {m: i + 1 for i, m in enumerate(MONTHS)}
MONTH_ABBREVIATIONS: dict[str, int] = {
    a: next(n for m, n in MONTH_NUMBERS.items() if m.startswith(a[:3])) for a in table()["month_abbr"]
}
