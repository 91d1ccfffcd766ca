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

import datetime as dt
import re
import warnings
from importlib import resources
from pathlib import Path

import pandas as pd
import regex

from . import paths
from .errors import CorpusError
from .timeline_tag import WEEKDAYS, tag

__all__ = ["tag", "interval", "reference_events", "date_documents", "expressions", "events", "WEEK_HORIZON_DAYS"]

#: News names a weekday ("on Thursday, February 6") only for days within a week of writing.
WEEK_HORIZON_DAYS = 7

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


def _event_matches(pattern: str, text: str, origins: dict[str, str]):
    """``regex.finditer`` of an event pattern on ``text`` under a time limit that grows with the text.

    A pattern over its limit is a CorpusError naming the events file and row it came from.
    """
    limit = MATCH_SECONDS + MATCH_SECONDS_PER_MB * len(text) / 1e6
    try:
        yield from regex.finditer(pattern, text, timeout=limit)
    except TimeoutError as exc:
        where = origins.get(pattern, "events.csv")
        raise CorpusError(where, f"event pattern took over {limit:.1f} s on one article; "
                                 "simplify it (nested repeats such as (a+)+ backtrack exponentially)") from exc


# --------------------------------------------------------------------------- dating articles
_FUTURE_CLAUSE = re.compile(r"\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|would|expected\s+to|ahead\s+of|"
                            r"in\s+the\s+run-up\s+to|until|upcoming|forthcoming|plans?\s+to)\b|'ll\b", re.I)


def _clause(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return text[lo:hi]


def _explicit(corpus: pd.DataFrame, doc_id) -> tuple[pd.Timestamp, pd.Timestamp, str] | None:
    pub = corpus.at[doc_id, "published"] if "published" in corpus.columns else pd.NaT
    if pub is None or pd.isna(pub):
        return None
    pub = pd.Timestamp(pub)
    day = pub.normalize()
    if day.tzinfo is not None:
        day = day.tz_localize(None)
    how = ""
    if "published_how" in corpus.columns:
        how = str(corpus.at[doc_id, "published_how"] or "")
    return day, day, f"stated: {how}" if how else "stated: corpus published date"


def _clues(text: str, ev_table: pd.DataFrame, today: dt.date | None) -> tuple[list, list]:
    """Constraints on the publication date from the text: [(kind, lo, hi, why)], plus event choices."""
    found = []
    tags = tag(text, None, today=today)
    for r in tags.itertuples():
        if r.type not in ("DATE", "TIME"):
            continue
        surf = r.surface
        wd = next((w for w in WEEKDAYS if re.search(rf"\b{w}\b", surf, re.I)), None)
        val = str(r.value)
        future = bool(_FUTURE_CLAUSE.search(_clause(text, r.start, r.end)))
        if wd and re.fullmatch(r"\d{4}-\d{2}-\d{2}", val) and not re.search(r"\d{4}", surf):
            d = pd.Timestamp(val)
            if future:
                found.append(("weekday", d - pd.Timedelta(days=WEEK_HORIZON_DAYS), d,
                              f"'{surf}' (weekday with date, future) pins {val}; written within a week before"))
            else:
                found.append(("weekday", d, d + pd.Timedelta(days=WEEK_HORIZON_DAYS),
                              f"'{surf}' (weekday with date) pins {val}; written within a week after"))
            continue
        lo, hi = interval(val)
        if pd.isna(lo) or not re.search(r"\d{4}|(?:nineteen|two thousand)", surf, re.I):
            continue  # only expressions that state their year bound the date
        if future:
            found.append(("date", pd.NaT, hi, f"'{surf}' ({val}) lies ahead"))
        else:
            found.append(("date", lo, pd.NaT, f"'{surf}' ({val}) has happened"))
    groups: dict[str, list] = {}
    for ev in ev_table.itertuples():
        for m in _event_matches(ev.pattern, text, ev_table.attrs.get("origins", {})):
            future = bool(_FUTURE_CLAUSE.search(_clause(text, m.start(), m.end())))
            groups.setdefault(ev.group, []).append((ev, m.group(), future))
            break
    return found, list(groups.values())


def _combine(cons: list) -> tuple[pd.Timestamp, pd.Timestamp]:
    lo = max((c[1] for c in cons if not pd.isna(c[1])), default=pd.NaT)
    hi = min((c[2] for c in cons if not pd.isna(c[2])), default=pd.NaT)
    return lo, hi


def _window_from_clues(found: list, groups: list) -> tuple[pd.Timestamp, pd.Timestamp, list[str]]:
    strong = [c for c in found if c[0] == "weekday"]
    weak = [c for c in found if c[0] == "date"]
    cons = list(strong)
    lo, hi = _combine(cons)
    if not pd.isna(lo) and not pd.isna(hi) and lo > hi:
        cons = strong[:1]  # weekday pins disagree: keep the first
    # reference events: among alternatives (two elections of one person) take the most recent
    # one that keeps the window non-empty
    # the year-stated dates of the text say which era it is written in
    era = max((c[1] for c in weak if not pd.isna(c[1])), default=pd.NaT)
    for cands in groups:
        chosen = None
        if pd.isna(era):
            order = sorted(cands, key=lambda x: x[0].earliest, reverse=True)
        else:
            order = sorted(cands, key=lambda x: (abs((x[0].earliest - era).days), -x[0].earliest.value))
        for ev, surf, future in order:
            c = (("event", pd.NaT, ev.latest, f"'{surf}' ahead: before {ev.event} ({ev.latest.date()})") if future
                 else ("event", ev.earliest, pd.NaT, f"'{surf}': after {ev.event} ({ev.earliest.date()})"))
            lo, hi = _combine(cons + [c])
            if pd.isna(lo) or pd.isna(hi) or lo <= hi:
                chosen = c
                if len(cands) > 1:
                    pick = "most recent" if pd.isna(era) else "nearest to the dates the text states"
                    chosen = (*c[:3], c[3] + f" [{pick} of {len(cands)} events this phrase can mean]")
                break
        if chosen:
            cons.append(chosen)
    for c in weak:
        lo, hi = _combine(cons + [c])
        if pd.isna(lo) or pd.isna(hi) or lo <= hi:
            cons.append(c)
    lo, hi = _combine(cons)
    if pd.isna(lo) and pd.isna(hi):
        return pd.NaT, pd.NaT, []
    # keep only the constraints that decided a bound, plus the weekday pins
    why = [c[3] for c in cons if c[0] == "weekday" or (not pd.isna(c[1]) and c[1] == lo) or (not pd.isna(c[2]) and c[2] == hi)]
    return lo, hi, why


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


def date_documents(corpus: pd.DataFrame, today: dt.date | None = None, corpus_dir: str | Path | None = None,
                   families: pd.Series | None = None) -> pd.DataFrame:
    """A publication window for every article; columns doc_id, earliest, latest, how, evidence.

    Evidence, strongest first: the date the corpus states (metadata.csv, a dateline, a page
    date: ``published``/``published_how``); then clues in the text (a weekday with day and
    month pins the date, a year-stated date bounds it, reference events from
    ``reference_events`` bound it from the tense of the clause; ``corpus_dir``, by default the
    folder ``load_corpus`` read, may hold an ``events.csv`` that extends that table); then the story family (from
    ``newstrace.overlap.families``, or ``families`` if given): an article with no evidence of its
    own inherits the span of its dated family members. ``how`` names the deciding evidence
    ("stated", "text", "family", "none"); ``evidence`` says it in words. A NaT bound is open.
    """
    _check(corpus)
    folder = Path(corpus_dir) if corpus_dir is not None else _corpus_folder(corpus)
    ev_table = reference_events(folder if folder.is_dir() else None)
    rows = {}
    for doc_id, text in corpus["text"].items():
        text = text if isinstance(text, str) else ""
        got = _explicit(corpus, doc_id)
        if got:
            rows[doc_id] = (got[0], got[1], "stated", got[2])
            continue
        found, groups = _clues(text, ev_table, today)
        lo, hi, why = _window_from_clues(found, groups)
        if why:
            rows[doc_id] = (lo, hi, "text", "; ".join(why))
        else:
            rows[doc_id] = (pd.NaT, pd.NaT, "none", "")
    fam = families if families is not None else _families(corpus)
    if fam is not None:
        fam = fam.reindex(corpus.index)
        for doc_id in corpus.index:
            lo, hi, how, why = rows[doc_id]
            label = fam.get(doc_id)
            if label is None or (isinstance(label, float) and pd.isna(label)):
                continue
            peers = [p for p in fam.index[fam == label] if p != doc_id and rows[p][2] in ("stated", "text")]
            if not peers or how == "stated" or (how == "text" and not pd.isna(lo) and not pd.isna(hi)):
                continue
            plo = min((rows[p][0] for p in peers if not pd.isna(rows[p][0])), default=pd.NaT)
            phi = max((rows[p][1] for p in peers if not pd.isna(rows[p][1])), default=pd.NaT)
            if any(pd.isna(rows[p][1]) for p in peers):
                phi = pd.NaT
            nlo = max(x for x in (lo, plo) if not pd.isna(x)) if not (pd.isna(lo) and pd.isna(plo)) else pd.NaT
            nhi = min(x for x in (hi, phi) if not pd.isna(x)) if not (pd.isna(hi) and pd.isna(phi)) else pd.NaT
            if not pd.isna(nlo) and not pd.isna(nhi) and nlo > nhi:
                continue  # the family disagrees with the text: keep the text's own evidence
            note = f"story family {label}: span of {', '.join(map(str, peers))}"
            rows[doc_id] = (nlo, nhi, "family" if how == "none" else "text+family",
                            f"{why}; {note}" if why else note)
    out = pd.DataFrame([(d, *rows[d]) for d in corpus.index], columns=["doc_id", "earliest", "latest", "how", "evidence"])
    for col in ("earliest", "latest"):
        out[col] = pd.to_datetime(out[col])
    return out


# --------------------------------------------------------------------------- expressions
def _sentence_lookup(corpus: pd.DataFrame) -> dict:
    try:
        from newstrace.corpus import sentences
    except ImportError:
        return {}
    text = corpus["text"].where(corpus["text"].map(lambda t: isinstance(t, str)), "")
    sents = sentences(corpus.assign(text=text))
    return {d: g[["start", "end", "text"]].to_numpy().tolist() for d, g in sents.groupby("doc_id", sort=False)}


def expressions(corpus: pd.DataFrame, windows: pd.DataFrame | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Every temporal expression of every article, resolved against the article's date.

    Columns doc_id, start, end, surface, type, value, earliest, latest, anchor, sentence.
    ``anchor`` is the document date used (the known date, or the latest end of the inferred
    window); ``earliest``/``latest`` span the calendar interval the expression denotes for
    every anchor inside the article's window, so an uncertain article date gives a wider
    interval. ``windows`` reuses a ``date_documents`` result.
    """
    _check(corpus)
    win = windows if windows is not None else date_documents(corpus, today=today)
    win = win.set_index("doc_id")
    sents = _sentence_lookup(corpus)
    frames = []
    for doc_id, text in corpus["text"].items():
        text = text if isinstance(text, str) else ""
        lo, hi = (win.at[doc_id, "earliest"], win.at[doc_id, "latest"]) if doc_id in win.index else (pd.NaT, pd.NaT)
        anchors = [a for a in (hi, lo) if not pd.isna(a)]
        main = tag(text, anchors[0].date() if anchors else None, today=today)
        other = tag(text, anchors[1].date(), today=today) if len(anchors) > 1 and anchors[1] != anchors[0] else None
        ivals = [interval(v) for v in main["value"]]
        if other is not None and len(other) == len(main):
            ivals = [(min(a[0], b[0]) if not (pd.isna(a[0]) or pd.isna(b[0])) else a[0],
                      max(a[1], b[1]) if not (pd.isna(a[1]) or pd.isna(b[1])) else a[1])
                     for a, b in zip(ivals, (interval(v) for v in other["value"]), strict=True)]
        df = main.copy()
        df.insert(0, "doc_id", doc_id)
        df["earliest"] = pd.to_datetime(pd.Series([i[0] for i in ivals], dtype="datetime64[ns]", index=df.index))
        df["latest"] = pd.to_datetime(pd.Series([i[1] for i in ivals], dtype="datetime64[ns]", index=df.index))
        df["anchor"] = anchors[0] if anchors else pd.NaT
        spans = sents.get(doc_id, [])
        df["sentence"] = [next((s[2] for s in spans if s[0] <= st < s[1]), _clause(text, st, en).strip())
                          for st, en in zip(df["start"], df["end"], strict=True)]
        frames.append(df)
    cols = ["doc_id", "start", "end", "surface", "type", "value", "earliest", "latest", "anchor", "sentence"]
    if not frames:
        return pd.DataFrame(columns=cols)
    out = pd.concat(frames, ignore_index=True)
    out["anchor"] = pd.to_datetime(out["anchor"])
    return out[cols]


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
    return out.sort_values(["earliest", "latest"], ignore_index=True)
