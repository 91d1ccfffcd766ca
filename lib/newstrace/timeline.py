"""Timeline reconstruction: when each article appeared and when the events it reports happened.

- ``tag(text, dct=None)``: the TIMEX3 temporal expressions of one text (see ``timeline_tag``).
- ``interval(value)``: the calendar interval a TIMEX3 value denotes.
- ``reference_events(corpus_dir=None)``: the table of well-known reference events
  (``newstrace/data/events.csv``, extended by an ``events.csv`` in the corpus folder).
- ``date_documents(corpus)``: a publication window for every article, with the evidence.
- ``expressions(corpus)``: every expression of every article, resolved against that window.
- ``events(corpus)``: dated events with the sentence that states them, merged across articles.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import warnings
from importlib import resources
from pathlib import Path

import pandas as pd
import regex

from . import paths
from .errors import CorpusError
from .timeline_tag import tag

__all__ = ["tag", "interval", "reference_events", "date_documents", "expressions", "events", "WEEK_HORIZON_DAYS"]

#: News names a weekday ("on Thursday, February 6") only for days within a week of writing.
WEEK_HORIZON_DAYS = 7

#: The dtype of every date column: second resolution holds the years 1 to 9999 (nanoseconds,
#: pandas' default, only 1677 to 2262), so "in 1600" or "by 3000" never overflow.
DAY = "datetime64[s]"

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_EVENT_COLUMNS = ["event", "group", "earliest", "latest", "pattern", "source"]


# --------------------------------------------------------------------------- intervals
def _month_end(y: int, m: int) -> pd.Timestamp:
    return pd.Timestamp(y, m, 1) + pd.offsets.MonthEnd(0)


def interval(value: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of the calendar interval a TIMEX3 value denotes (NaT, NaT if none).

    "2024-08" -> (2024-08-01, 2024-08-31); "2024-W46" -> that Monday to Sunday; "2024-Q3",
    "2024-H1", "2024-SU", "199" (a decade), "20" (a century); times give their day.
    Durations, sets, PRESENT/PAST/FUTURE_REF and values with X give (NaT, NaT).
    """
    nat = (pd.NaT, pd.NaT)
    if not isinstance(value, str) or not value or "X" in value.split("T")[0] or value.startswith("P"):
        return nat
    v = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = pd.Timestamp(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            return pd.Timestamp(int(m[1]), int(m[2]), 1), _month_end(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            monday = pd.Timestamp(dt.date.fromisocalendar(int(m[1]), int(m[2]), 1))
            if m[3]:
                return monday + pd.Timedelta(days=5), monday + pd.Timedelta(days=6)
            return monday, monday + pd.Timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return pd.Timestamp(y, 3 * q - 2, 1), _month_end(y, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return pd.Timestamp(y, 6 * h - 5, 1), _month_end(y, 6 * h)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y = int(m[1])
            a, b = _SEASON_MONTHS[m[2]]
            end_y, end_m = (y + 1, b - 12) if b > 12 else (y, b)
            return pd.Timestamp(y, a, 1), _month_end(end_y, end_m)
        if re.fullmatch(r"\d{4}", v):
            return pd.Timestamp(int(v), 1, 1), pd.Timestamp(int(v), 12, 31)
        if re.fullmatch(r"\d{3}", v):
            return pd.Timestamp(int(v) * 10, 1, 1), pd.Timestamp(int(v) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", v):
            return pd.Timestamp(int(v) * 100, 1, 1), pd.Timestamp(int(v) * 100 + 99, 12, 31)
    except (ValueError, OverflowError):
        return nat
    return nat


# --------------------------------------------------------------------------- reference events
#: A user's pattern runs at most this long on one article (plus MATCH_SECONDS_PER_MB per MB of
#: text); the packaged patterns take well under a millisecond on the seeds and the Zyte dev pages.
MATCH_SECONDS = 0.5
MATCH_SECONDS_PER_MB = 1.0
#: Longest pattern accepted from a corpus's events.csv (the packaged ones are under 300 characters).
MAX_PATTERN_CHARS = 2000
#: At load time each pattern is tried on short runs of its own characters, where nested repeats
#: such as ``(a+)+$`` backtrack exponentially; a pattern slower than this there is refused.
PROBE_SECONDS = 0.2
PROBE_REPEAT = 30


def _probe_texts(pattern: str) -> list[str]:
    """Texts on which a pattern with nested repeats backtracks: runs of each character it names."""
    chars = sorted({c for c in pattern if c.isalnum() or c == " "} | {"a", "1", " "})
    return [c * PROBE_REPEAT + "\x00" for c in chars] + [("a " * PROBE_REPEAT) + "\x00"]


def _check_pattern(pattern: str, where: str, path) -> None:
    """Raise CorpusError (naming ``path`` and ``where``) for a pattern that is bad, empty-matching or slow."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise CorpusError(path, f"{where}: pattern is {len(pattern)} characters, over the {MAX_PATTERN_CHARS} limit")
    try:
        compiled = regex.compile(pattern)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        raise CorpusError(path, f"{where}: bad pattern ({exc})") from exc
    try:
        if compiled.search("", timeout=PROBE_SECONDS) is not None:
            raise CorpusError(path, f"{where}: pattern matches the empty string, so it would match every article")
        for probe in _probe_texts(pattern):
            compiled.search(probe, timeout=PROBE_SECONDS)
    except TimeoutError as exc:
        raise CorpusError(path, f"{where}: pattern too slow (over {PROBE_SECONDS} s on a "
                                f"{PROBE_REPEAT}-character test text; nested repeats such as (a+)+ backtrack "
                                "exponentially)") from exc


def _read_user_events(extra: Path) -> pd.DataFrame:
    """The rows of a corpus folder's events.csv; CorpusError naming the file for an empty or malformed one."""
    try:  # header=None: a row with more cells than the header is an error, not shifted into an index
        cells = pd.read_csv(extra, header=None, dtype=str, keep_default_na=False)
        user = pd.DataFrame(cells.values[1:], columns=[str(c).strip() for c in cells.iloc[0]])
    except pd.errors.EmptyDataError as exc:
        raise CorpusError(extra, "empty events table (needs a header row: event,earliest,pattern)") from exc
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise CorpusError(extra, f"cannot read the events table: {exc}") from exc
    missing = {"event", "earliest", "pattern"} - set(user.columns)
    if missing:
        raise CorpusError(extra, f"events table lacks column(s) {', '.join(sorted(missing))}")
    for col in _EVENT_COLUMNS:
        if col not in user.columns:
            user[col] = ""
    user["group"] = user["group"].where(user["group"] != "", user["event"])
    user["latest"] = user["latest"].where(user["latest"] != "", user["earliest"])
    return user[_EVENT_COLUMNS]


def _user_events_file(corpus_dir: str | Path) -> Path | None:
    """``corpus_dir/events.csv`` if it is a file inside the folder (a symlink out of it is refused)."""
    folder = Path(corpus_dir)
    extra = folder / "events.csv"
    if not extra.is_file():
        return None
    if not extra.resolve().is_relative_to(folder.resolve()):
        raise CorpusError(extra, "is a symbolic link to a file outside the corpus folder; not read")
    return extra


def reference_events(corpus_dir: str | Path | None = None) -> pd.DataFrame:
    """The well-known reference events; columns event, group, earliest, latest, pattern, source.

    The packaged table (``newstrace/data/events.csv``) is extended by ``events.csv`` in
    ``corpus_dir`` when that file exists (same columns; ``group`` names alternatives that the
    same phrase can mean, e.g. two elections of the same person; ``pattern`` is a regular
    expression, matched case-sensitively, for the phrases that refer to the event). A bad,
    empty-matching or slow pattern, an unreadable date or an empty file is a ``CorpusError``
    naming the file and the row. ``attrs["origins"]`` maps each pattern to its file and row.
    """
    packaged = resources.files("newstrace").joinpath("data/events.csv")
    with packaged.open("r", encoding="utf-8") as fh:
        table = pd.read_csv(fh, dtype=str, keep_default_na=False)
    frames = [(table, "newstrace/data/events.csv")]
    extra = _user_events_file(corpus_dir) if corpus_dir is not None else None
    if extra is not None:
        frames.append((_read_user_events(extra), extra))
    origins: dict[str, str] = {}
    for frame, path in frames:
        for n, (ev, pat, lo, hi) in enumerate(zip(frame["event"], frame["pattern"], frame["earliest"],
                                                  frame["latest"], strict=True), start=1):
            where = f"row {n} (event {ev!r})"
            for col, value in (("earliest", lo), ("latest", hi)):
                if pd.isna(pd.to_datetime(value, errors="coerce", format="ISO8601")):
                    raise CorpusError(path, f"{where}: unreadable {col} date {value!r}")
            _check_pattern(pat, where, path)
            origins.setdefault(pat, f"{paths.display(path) if isinstance(path, Path) else path}, {where}")
    out = pd.concat([f for f, _ in frames], ignore_index=True)
    for col in ("earliest", "latest"):
        out[col] = pd.to_datetime(out[col], format="ISO8601")
    out = out[_EVENT_COLUMNS]
    out.attrs["origins"] = origins
    return out


@functools.lru_cache(maxsize=1024)
def _compiled(pattern: str):
    """``regex.compile(pattern)``, kept: every article is matched against every event pattern, and
    the regex module's own cache costs more per lookup than the search of a short article."""
    return regex.compile(pattern)


def _event_matches(pattern: str, text: str, origins: dict[str, str]):
    """``regex.finditer`` of an event pattern on ``text`` under a time limit that grows with the text.

    A pattern over its limit is a CorpusError naming the events file and row it came from.
    """
    limit = MATCH_SECONDS + MATCH_SECONDS_PER_MB * len(text) / 1e6
    try:
        yield from _compiled(pattern).finditer(text, timeout=limit)
    except TimeoutError as exc:
        where = origins.get(pattern, "events.csv")
        raise CorpusError(where, f"event pattern took over {limit:.1f} s on one article; "
                                 "simplify it (nested repeats such as (a+)+ backtrack exponentially)") from exc


# --------------------------------------------------------------------------- dating articles
_FUTURE_CLAUSE = re.compile(r"\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|would|expected\s+to|ahead\s+of|"
                            r"in\s+the\s+run-up\s+to|upcoming|forthcoming|plans?\s+to)\b|'ll\b", re.I)


def _clause(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return text[lo:hi]


def _cell(corpus: pd.DataFrame, doc_id, col: str, default=None):
    return corpus.at[doc_id, col] if col in corpus.columns else default


#: A story family's members appear within days of each other, not on one day: a member without
#: a window of its own takes the family's span widened by this many days each side (TimeML dev:
#: the wire and newspaper versions of one story lie up to a few days apart).
FAMILY_SLACK_DAYS = 7
NAT = pd.NaT


def _families(corpus: pd.DataFrame) -> pd.Series | None:
    try:
        from newstrace.overlap import families
    except ImportError:
        return None
    try:
        fam = families(corpus)
    except Exception as exc:  # a failing optional stage must not stop the dating of articles
        warnings.warn(f"story families unavailable ({exc}); no propagation inside families", stacklevel=3)
        return None
    return fam.reindex(corpus.index)


def _check(corpus: pd.DataFrame, need=("text",)) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError("expected a corpus DataFrame (newstrace.load_corpus)")
    missing = [c for c in need if c not in corpus.columns]
    if missing:
        raise ValueError(f"corpus lacks column(s) {', '.join(missing)}; build it with newstrace.load_corpus")


def _corpus_folder(corpus: pd.DataFrame) -> Path:
    """The folder the corpus was read from (``load_corpus`` records it), else the default corpus."""
    root = corpus.attrs.get("root") if hasattr(corpus, "attrs") else None
    if root:
        p = Path(root)
        return p if p.is_absolute() else paths.ROOT / p
    return paths.corpus_dir()


def _dateline(row: dict, text: str) -> str:
    """The article's dateline: the ``dateline`` column if the corpus has one, else the first
    non-empty line of the file as read (``raw``; cleaning may drop the dateline), else of the text."""
    line = row.get("dateline")
    if isinstance(line, str) and line.strip():
        return line
    for src in (row.get("raw"), text):
        if isinstance(src, str):
            first = next((ln for ln in src[:2000].splitlines() if ln.strip()), "")
            if first:
                return first
    return ""


def _how(evidence: list[str], lo, hi) -> str:
    if pd.isna(lo) and pd.isna(hi):
        return "none"
    rules = {e.split(":", 1)[0] for e in evidence}
    return "stated" if rules & {"stated", "page_date"} else "text"


def date_documents(corpus: pd.DataFrame, today: dt.date | None = None, corpus_dir: str | Path | None = None,
                   families: pd.Series | None = None, tags: dict | None = None) -> pd.DataFrame:
    """A publication window for every article; columns doc_id, earliest, latest, how, evidence, conflict.

    The window weighs every piece of evidence (``newstrace.dating``; each named by its rule in
    ``evidence``): the date the corpus states (metadata.csv, the source file), a page-header date
    (with a clock time, an upper bound and a weaker candidate for the day), the dateline (the
    ``dateline`` column when the corpus has one, else the text's first line), a weekday with a
    date, the dates the text reports in the past or future tense, reference events
    (``reference_events``; ``corpus_dir``, by default the folder ``load_corpus`` read, may hold
    an ``events.csv``), then the story family (``newstrace.overlap.families`` or ``families``):
    an article without a closed window of its own takes its dated members' span, widened by
    ``FAMILY_SLACK_DAYS``. ``how`` names the deciding kind ("stated", "text", "family",
    "text+family", "none"); ``conflict`` is True when strong pieces disagree (the window then
    holds both and ``evidence`` says which). A NaT bound is open. ``today`` (default: the
    current date) dates the background: a reference event more than ``dating.HISTORIC_YEARS``
    before it never makes the window of a text that names no year; ``tags`` ({doc_id: tag(text) frame}) reuses a tagging.
    """
    from .dating import clues_for, event_groups, weigh

    _check(corpus)
    folder = Path(corpus_dir) if corpus_dir is not None else _corpus_folder(corpus)
    ev_table = event_groups(reference_events(folder if folder.is_dir() else None))
    rows = {}
    cells = {c: corpus[c].to_dict() for c in ("published", "published_how", "dateline", "raw") if c in corpus.columns}
    for doc_id, text in corpus["text"].items():
        text = text if isinstance(text, str) else ""
        row = {c: v.get(doc_id) for c, v in cells.items()}
        clues = clues_for(text, ev_table, row.get("published"), str(row.get("published_how") or ""),
                          _dateline(row, text), None if tags is None else tags.get(doc_id))
        lo, hi, why, conflict = weigh(clues, today)
        rows[doc_id] = (lo, hi, _how(why, lo, hi), "; ".join(why), conflict)
    fam = families if families is not None else _families(corpus)
    if fam is not None:
        fam = fam.reindex(corpus.index)
        from .overlap import shared_passages  # (overlap loads scikit-learn: only when families are used)

        _family_windows(rows, fam, shared_passages(corpus, fam))
    out = pd.DataFrame([(d, *rows[d]) for d in corpus.index],
                       columns=["doc_id", "earliest", "latest", "how", "evidence", "conflict"])
    for col in ("earliest", "latest"):
        out[col] = out[col].astype(DAY)
    return out


def _family_windows(rows: dict, fam: pd.Series, shared) -> None:
    """``family``: an article without a closed window takes the span of its family's members that
    have evidence of their own and share passages with it (``shared(a, b)``),
    widened by FAMILY_SLACK_DAYS (a bound stays open unless every such member has it), when that
    agrees with its own evidence."""
    own = {d: r for d, r in rows.items() if r[2] in ("stated", "text")}
    slack = pd.Timedelta(days=FAMILY_SLACK_DAYS)
    for doc_id, (lo, hi, how, why, conflict) in list(rows.items()):
        label = fam.get(doc_id)
        if label is None or (isinstance(label, float) and pd.isna(label)) or not (pd.isna(lo) or pd.isna(hi)):
            continue
        peers = [p for p in fam.index[fam == label] if p != doc_id and p in own
                 and shared(doc_id, p)]
        if not peers:
            continue
        los, his = [own[p][0] for p in peers], [own[p][1] for p in peers]
        plo = NAT if any(pd.isna(x) for x in los) else min(los) - slack
        phi = NAT if any(pd.isna(x) for x in his) else max(his) + slack
        nlo = max((x for x in (lo, plo) if not pd.isna(x)), default=NAT)
        nhi = min((x for x in (hi, phi) if not pd.isna(x)), default=NAT)
        if (nlo, nhi) == (lo, hi) or (pd.isna(nlo) and pd.isna(nhi)):
            continue
        names = ", ".join(map(str, peers))
        if not pd.isna(nlo) and not pd.isna(nhi) and nlo > nhi:
            rows[doc_id] = (lo, hi, how, f"{why}; set aside: family: story family {label} ({names}) "
                            "disagrees with the text", conflict)
            continue
        note = f"family: story family {label}: span of {names}, widened by {FAMILY_SLACK_DAYS} days"
        rows[doc_id] = (nlo, nhi, "family" if how == "none" else "text+family", f"{why}; {note}" if why else note,
                        conflict)


# --------------------------------------------------------------------------- expressions
def _sentence_lookup(corpus: pd.DataFrame) -> dict:
    try:
        from newstrace.corpus import sentences
    except ImportError:
        return {}
    text = corpus["text"].where(corpus["text"].map(lambda t: isinstance(t, str)), "")
    sents = sentences(corpus.assign(text=text))
    out: dict = {}
    for d, st, en, t in zip(sents["doc_id"].tolist(), sents["start"].tolist(), sents["end"].tolist(),
                            sents["text"].tolist(), strict=True):
        out.setdefault(d, []).append((st, en, t))
    return out


_MORE_THAN_AGO = re.compile(r"^(?:more\s+than|over|at\s+least|upwards\s+of)\b.*\bago$", re.I)
_FIRST_UNITS = re.compile(r"^the\s+(?:first|initial|opening)\b", re.I)
_UNIT_DAYS = {"D": 1, "W": 7, "M": 31, "Y": 366}
#: "the first two weeks of the operation in August": the duration and the date it is anchored to
#: lie within this many characters of one clause.
ANCHORED_DURATION_CHARS = 60


def _hull(a: tuple, b: tuple) -> tuple:
    return (min(a[0], b[0]) if not (pd.isna(a[0]) or pd.isna(b[0])) else a[0],
            max(a[1], b[1]) if not (pd.isna(a[1]) or pd.isna(b[1])) else a[1])


def _duration_days(value: str) -> int | None:
    m = re.fullmatch(r"P(\d+)([DWMY])", value or "")
    return int(m[1]) * _UNIT_DAYS[m[2]] if m else None


def _anchored(text: str, surfaces: list, types: list, values: list, starts: list, ends: list, ivals: list) -> list:
    """Intervals for expressions a calendar interval alone does not give: "more than four decades
    ago" has no lower limit (earliest open); "the first two weeks of the operation in August"
    lies from the start of the dated interval that follows it to its end plus the duration."""
    out = list(ivals)
    for i, (surf, typ, val) in enumerate(zip(surfaces, types, values, strict=True)):
        if typ == "DATE" and _MORE_THAN_AGO.match(surf) and not pd.isna(out[i][1]):
            out[i] = (pd.NaT, out[i][1])
        elif typ == "DURATION" and _FIRST_UNITS.match(surf) and (days := _duration_days(val)):
            j = i + 1
            if j < len(values) and types[j] == "DATE" and starts[j] - ends[i] <= ANCHORED_DURATION_CHARS \
                    and not re.search(r"[.;!?]", text[ends[i]:starts[j]]) and not pd.isna(out[j][0]):
                out[i] = (out[j][0], out[j][1] + pd.Timedelta(days=days))
    return out


def _sentence_of(spans: list, starts: list, st: int):
    k = bisect.bisect_right(starts, st) - 1
    return spans[k][2] if k >= 0 and spans[k][0] <= st < spans[k][1] else None


def expressions(corpus: pd.DataFrame, windows: pd.DataFrame | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Every temporal expression of every article, resolved against the article's date.

    Columns doc_id, start, end, surface, type, value, earliest, latest, anchor, sentence.
    ``anchor`` is the document date used (the known date, or the latest end of the inferred
    window); ``earliest``/``latest`` span the calendar interval the expression denotes for
    every anchor inside the article's window, so an uncertain article date gives a wider
    interval ("last week" in an article of 2-9 March spans both weeks); "more than four decades
    ago" has an open earliest; "the first two weeks of the operation in August" runs from
    August 1 to two weeks after August. ``windows`` reuses a ``date_documents`` result.
    """
    _check(corpus)
    texts = {d: (t if isinstance(t, str) else "") for d, t in corpus["text"].items()}
    plain: dict = {}
    if windows is None:
        plain = {d: tag(t, None, today=today) for d, t in texts.items()}
        windows = date_documents(corpus, today=today, tags=plain)
    win = windows.set_index("doc_id")
    sents = _sentence_lookup(corpus)
    cols = {k: [] for k in ("doc_id", "start", "end", "surface", "type", "value", "earliest", "latest", "anchor",
                            "sentence")}
    for doc_id, text in texts.items():
        lo, hi = (win.at[doc_id, "earliest"], win.at[doc_id, "latest"]) if doc_id in win.index else (pd.NaT, pd.NaT)
        anchors = [a for a in (hi, lo) if not pd.isna(a)]
        main = plain[doc_id] if not anchors and doc_id in plain else tag(
            text, anchors[0].date() if anchors else None, today=today)
        values = main["value"].tolist()
        ivals = [interval(v) for v in values]
        if len(anchors) > 1 and anchors[1] != anchors[0]:
            other = tag(text, anchors[1].date(), today=today)["value"].tolist()
            if len(other) == len(values):
                ivals = [_hull(a, interval(v)) for a, v in zip(ivals, other, strict=True)]
        starts, ends = main["start"].tolist(), main["end"].tolist()
        surfaces, types = main["surface"].tolist(), main["type"].tolist()
        ivals = _anchored(text, surfaces, types, values, starts, ends, ivals)
        spans = sents.get(doc_id, [])
        span_starts = [sp[0] for sp in spans]
        n = len(values)
        cols["doc_id"] += [doc_id] * n
        cols["start"] += starts
        cols["end"] += ends
        cols["surface"] += surfaces
        cols["type"] += types
        cols["value"] += values
        cols["earliest"] += [i[0] for i in ivals]
        cols["latest"] += [i[1] for i in ivals]
        cols["anchor"] += [anchors[0] if anchors else pd.NaT] * n
        cols["sentence"] += [_sentence_of(spans, span_starts, st) or _clause(text, st, en).strip()
                             for st, en in zip(starts, ends, strict=True)]
    out = pd.DataFrame({k: pd.Series(v, dtype=DAY if k in ("earliest", "latest", "anchor") else
                                     "int64" if k in ("start", "end") else object) for k, v in cols.items()})
    for k in ("surface", "type", "value", "sentence"):
        out[k] = out[k].astype("str") if len(out) else out[k]
    return out


# --------------------------------------------------------------------------- events
_WORD = re.compile(r"[^\W\d_]{4,}")


def _words(s: str) -> set[str]:
    return {w.lower()[:6] for w in _WORD.findall(s)}


def events(corpus: pd.DataFrame, exprs: pd.DataFrame | None = None, min_overlap: float = 0.2) -> pd.DataFrame:
    """Dated events with the sentence that states them, the same event in several articles merged.

    Columns earliest, latest, what, when, doc_ids, n_docs. An event is a sentence with a DATE
    or TIME expression that denotes a calendar interval; two such sentences from different
    articles are one event when their intervals overlap and they share at least
    ``min_overlap`` of their content words (Jaccard on six-letter word stems). ``what`` is the
    shortest of the merged sentences, ``when`` the expressions' surfaces. ``exprs`` reuses an
    ``expressions`` result.
    """
    ex = exprs if exprs is not None else expressions(corpus)
    ex = ex[ex["type"].isin(["DATE", "TIME"]) & ex["earliest"].notna()].copy()
    clusters: list[dict] = []
    for r in ex.sort_values(["earliest", "doc_id", "start"]).itertuples():
        words = _words(r.sentence)
        best = None
        for c in clusters:
            if r.earliest > c["latest"] or r.latest < c["earliest"]:
                continue
            inter = len(words & c["words"])
            union = len(words | c["words"]) or 1
            score = inter / union
            same_sentence = r.doc_id in c["docs"] and r.sentence in c["sentences"]
            if same_sentence or (score >= min_overlap and (best is None or score > best[0])):
                best = (1.0 if same_sentence else score, c)
        if best:
            c = best[1]
            c["docs"].append(r.doc_id)
            c["sentences"].append(r.sentence)
            c["when"].append(r.surface)
            c["words"] |= words
            c["earliest"] = max(c["earliest"], r.earliest)
            c["latest"] = min(c["latest"], r.latest)
        else:
            clusters.append({"earliest": r.earliest, "latest": r.latest, "words": words, "docs": [r.doc_id],
                             "sentences": [r.sentence], "when": [r.surface]})
    rows = []
    for c in clusters:
        docs = sorted(set(c["docs"]))
        rows.append({"earliest": c["earliest"], "latest": c["latest"],
                     "what": min(c["sentences"], key=len), "when": sorted(set(c["when"])),
                     "doc_ids": docs, "n_docs": len(docs)})
    out = pd.DataFrame(rows, columns=["earliest", "latest", "what", "when", "doc_ids", "n_docs"])
    for col in ("earliest", "latest"):
        out[col] = out[col].astype(DAY)
    return out.sort_values(["earliest", "latest"], ignore_index=True)
