"""What several benchmarks share: where the development data is, how a TimeML file's text is read, the
Zyte benchmark's metric, and CPU throughput.

- ``data_dir(arg, sub)``: the argument, else ``$NEWSTRACE_DATA``, else ``<repo>/../shared/data`` (then ``sub``).
- ``timeml_text(path)``: a TimeML file's ``<TEXT>`` content, tags stripped, entities unescaped.
- ``shingles``, ``page_counts``, ``prf``: the article-extraction benchmark's metric (4-token shingles of
  ``\\w+`` tokens, per-page precision and recall averaged, F1 of the two means).
- ``cpu_throughput(fn, arg, mb, runs)``: MB per CPU second, the median of ``runs`` calls of ``fn(arg)``.
"""

from __future__ import annotations

import html
import os
import re
import statistics
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+")
TAG = re.compile(r"<[^>]+>")


def data_dir(arg: str | os.PathLike | None = None, sub: str = "") -> Path:
    """The shared data folder: ``arg``, else $NEWSTRACE_DATA, else <repo>/../shared/data; then ``sub`` below it
    (only when ``arg`` was not given: an argument names the folder itself)."""
    if arg:
        return Path(arg)
    base = Path(os.environ.get("NEWSTRACE_DATA") or REPO.parent / "shared" / "data")
    return base / sub if sub else base


def timeml_text(path: Path) -> str:
    """The ``<TEXT>`` content of a TimeML file, tags stripped, entities unescaped (not stripped of white space)."""
    raw = path.read_text(encoding="utf-8")
    m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not m:
        raise ValueError(f"{path}: no <TEXT> element")
    return html.unescape(TAG.sub("", m.group(1)))


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of n-token shingles over ``\\w+`` tokens; 1 to n-1 tokens give one shorter shingle."""
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_counts(extracted: str, gold: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, divided by their sum so every page weighs the same."""
    a, b = shingles(extracted), shingles(gold)
    tp = sum((a & b).values())
    fp = sum((a - b).values())
    fn = sum((b - a).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def prf(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision, mean recall and the F1 of the two means."""
    precisions = [tp / (tp + fp) for tp, fp, _ in counts if tp + fp > 0]
    recalls = [tp / (tp + fn) for tp, _, fn in counts if tp + fn > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def exact_tokens(extracted: str, gold: str) -> bool:
    """The benchmark's "accuracy" of one page: the same token sequence."""
    return TOKEN.findall(extracted or "") == TOKEN.findall(gold)


def cpu_throughput(fn, arg, mb: float, runs: int) -> float:
    """MB of text per CPU second (one process, one core): the median of ``runs`` runs of ``fn(arg)``."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn(arg)
        times.append(time.process_time() - t0)
    return mb / statistics.median(times)
