"""When was an article written? Dating as a weighing of named pieces of evidence.

Every rule below yields ``Clue`` s: a named constraint on the publication day (a lower bound,
an upper bound, both, or a day of the year that recurs every year) with a strength. ``weigh``
takes the clues strongest first, keeps each one that agrees with what is already kept, and
when two clues of the same strength disagree it widens the window to hold both and says so;
a weaker clue that disagrees with a stronger one is left out and named in the evidence.
Rules (the names appear in ``evidence``):

- ``stated``: the date the corpus declares (metadata.csv, the source file's own field).
- ``page_seen``: a page-header date with a clock time ("23 March 2025, Sunday, 20:32") is when
  the page was shown, so the article is no later (a day of slack for time zones).
- ``page_date``: the same header date as a candidate for the day itself (weaker than the
  article's own statements).
- ``dateline``: "WASHINGTON, August 8 (Xinhua) --": written that day or the next.
- ``weekday_date``: "on Thursday, February 6": news names a weekday with a date only for days
  within a week of writing (after it in the past tense, before it in the future tense).
- ``past_date``: a date with its year reported in the past tense has happened.
- ``future_date``: a date with its year reported in the future tense lies ahead.
- ``reference_event``: a well-known event (``reference_events``) referred to in the past
  tense has happened; in the future tense, lies ahead.
- ``era``: the article was written in the latest year it reports in the past tense or within
  ``ERA_YEARS`` after it (only resolves the year of a dateline or weekday+date).
- ``family``: an article without a closed window of its own takes the span of its story
  family's dated members, widened by a week each side.
- ``historic``: a lower bound more than ``HISTORIC_YEARS`` before the latest year the text
  names is background (World War II, a biography) and never the window.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from .timeline_tag import MONTHS, WEEKDAYS, _clause_bounds, _tense, tag

__all__ = ["Clue", "STRENGTH", "clues_for", "weigh", "dateline_clues", "text_clues", "HISTORIC_YEARS"]

#: Strength of each rule (higher wins). Ordered by how often each was right on the TimeML dev
#: news (benchmarks/dating.py): declared dates are facts; a page clock is an upper bound.
STRENGTH = {"stated": 6, "page_seen": 5, "dateline": 4, "weekday_date": 4, "page_date": 3,
            "past_date": 2, "reference_event": 2, "future_date": 1, "era": 1, "family": 1, "named_year": 0}
#: Clues at least this strong (a page date and above) are reported as a conflict when set aside.
STRONG = 3
#: News names a weekday with a date ("Thursday, February 6") only within a week of writing.
WEEK_HORIZON_DAYS = 7
#: A dateline's day is the day of filing; the DCT of Xinhua wire copy in TimeML is that day or the next.
DATELINE_LAG_DAYS = 1
#: Lower bounds this many years before the latest year a text names are background, not the date
#: (chosen on TimeML dev: business news names fiscal years a decade ahead, biographies decades back).
HISTORIC_YEARS = 10
#: An article is written within this many years after the latest year it reports as past (TimeML
#: dev: one Xinhua report of February 1999 names July 1997 as its latest past date).
ERA_YEARS = 2
#: A page clock may run a day ahead of the writer's time zone.
PAGE_CLOCK_SLACK_DAYS = 1
NAT = pd.NaT


@dataclass(frozen=True)
class Clue:
    """One piece of evidence: the rule that found it, a window (NaT = open) or a recurring day, why."""

    rule: str
    lo: pd.Timestamp
    hi: pd.Timestamp
    why: str
    month: int = 0   # recurring clues (dateline, weekday_date): month and day of the day named
    day: int = 0
    weekday: int = -1
    after: int = 0   # days after (or, negative, before) the named day the article was written
    span: int = 0
    at: int = -1     # offset of the expression in the text (-1: not from the text)

    @property
    def strength(self) -> int:
        return STRENGTH[self.rule]

    @property
    def recurring(self) -> bool:
        return self.month > 0


# --------------------------------------------------------------------------- rules on metadata
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def stated_clues(published, published_how: str) -> list[Clue]:
    """``stated`` for a declared date; ``page_seen`` + ``page_date`` for a page-header date."""
    if published is None or pd.isna(published):
        return []
    day = pd.Timestamp(published)
    day = (day.tz_localize(None) if day.tzinfo is not None else day).normalize()
    how = str(published_how or "")
    if how.startswith("page header"):
        out = [Clue("page_date", day, day, f"page_date: {how}")]
        if _CLOCK.search(how):
            out.append(Clue("page_seen", NAT, day + pd.Timedelta(days=PAGE_CLOCK_SLACK_DAYS),
                            f"page_seen: {how} has a clock time; the page was shown then, so written no later"))
        return out
    return [Clue("stated", day, day, f"stated: {how or 'corpus published date'}")]


# --------------------------------------------------------------------------- dateline
_MONTH_RX = "|".join(sorted((m for m in MONTHS), key=len, reverse=True))
_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z .'’-]{{1,40}}(?:,[ \t]*[A-Z][A-Za-z .'’-]{{1,30}})?,[ \t]*"
    rf"(?i:(?P<month>{_MONTH_RX}))\.?[ \t]+(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    rf"(?:,?[ \t]+(?P<year>1\d{{3}}|20\d\d))?[ \t]*(?:\([^)\n]{{1,40}}\))?[ \t]*(?:--|—|–|_|-)")


def dateline_clues(line: str) -> list[Clue]:
    """``dateline``: the day a dateline names ("BUDAPEST, March 12 (Xinhua) --")."""
    m = _DATELINE.match(line or "")
    if not m:
        return []
    month, day = MONTHS[m["month"].lower()], int(m["day"])
    if m["year"]:
        try:
            d = pd.Timestamp(int(m["year"]), month, day)
        except ValueError:
            return []
        return [Clue("dateline", d, d + pd.Timedelta(days=DATELINE_LAG_DAYS), f"dateline: '{m.group().strip()}'")]
    return [Clue("dateline", NAT, NAT, f"dateline: '{m.group().strip()}' names {m['month']} {day}",
                 month=month, day=day, after=0, span=DATELINE_LAG_DAYS)]


# --------------------------------------------------------------------------- text
_YEAR_STATED = re.compile(r"\d{4}|nineteen|two thousand", re.I)
#: A date after a deadline preposition ("by 1992", "until 1994", "into 1990", "throughout the
#: 1990s") is a limit, not the time of an event: it bounds nothing in the past tense.
_DEADLINE_BEFORE = re.compile(r"\b(?:by|until|till|through|throughout|into|before|for|from|to|beyond)"
                              r"(?:\s+(?:the|a|an|good|large|great|most|much|end|middle|start|beginning|first|second|"
                              r"last|half|part|rest|remainder|of|year|fiscal|calendar|early|late|mid))*\s+[\"“']?(?:mid-?)?$",
                              re.I)
#: "since 1983": the start of a state that still holds, so a past date whatever the verb's tense.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:early\s+|late\s+|mid-?|end\s+of\s+|start\s+of\s+)?$", re.I)
#: Words that make a sentence look ahead (forecasts, plans, goals): its dates are no past events.
_FORWARD = re.compile(r"\b(?:will|would|could|should|may|might|shall|due|fiscal|budget|outlook|"
                      r"(?:expect|forecast|project|estimat|predict|anticipat)\w*|"
                      r"(?:plan|aim|hope|intend|promis|schedul|set|want|seek|goal|target)\w*\s+(?:to|of|for)\b)\b|'ll\b",
                      re.I)
_FULL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _interval(value: str) -> tuple:
    from .timeline import interval  # the one reader of TIMEX3 values

    return interval(value)


#: Each weekday name as a word, in WEEKDAYS order (the first found in a surface is its weekday).
_WEEKDAY_RX = {w: re.compile(rf"\b{w}\b", re.I) for w in WEEKDAYS}


def _weekday_clue(surface: str, value: str, tense: str | None) -> Clue | None:
    wd = next((w for w, rx in _WEEKDAY_RX.items() if rx.search(surface)), None)
    m = _FULL_DATE.fullmatch(value)
    if not wd or not m or _YEAR_STATED.search(surface):
        return None
    when = {"future": ("written within a week before", -WEEK_HORIZON_DAYS, WEEK_HORIZON_DAYS),
            "past": ("written within a week after", 0, WEEK_HORIZON_DAYS)}.get(
        tense, ("no tense: written within a week either side", -WEEK_HORIZON_DAYS, 2 * WEEK_HORIZON_DAYS))
    return Clue("weekday_date", NAT, NAT, f"weekday_date: '{surface}' ({when[0]})",
                month=int(m[2]), day=int(m[3]), weekday=WEEKDAYS[wd], after=when[1], span=when[2])


def text_clues(text: str, tags: pd.DataFrame | None = None) -> list[Clue]:
    """``weekday_date``, ``past_date``, ``future_date`` clues from the text's TIMEX3 expressions."""
    tags = tag(text, None) if tags is None else tags
    out = []
    latest = 0
    for start, end, surface, typ, value in zip(tags["start"], tags["end"], tags["surface"], tags["type"],
                                               tags["value"], strict=True):
        if typ not in ("DATE", "TIME"):
            continue
        tense = _tense(text, int(start), int(end))
        c = _weekday_clue(surface, str(value), tense)
        if c:
            out.append(c)
            continue
        if not _YEAR_STATED.search(surface):
            continue  # only expressions that state their year bound the date
        lo, hi = _interval(str(value))
        if pd.isna(lo):
            continue
        latest = max(latest, hi.year)
        if _SINCE_BEFORE.search(text, max(0, int(start) - 30), int(start)):
            tense = "past"
        elif tense is None:
            continue
        lo_c, hi_c = _clause_bounds(text, int(start), int(end))
        forward = bool(_FORWARD.search(text, lo_c, hi_c))
        if tense == "past":
            if forward or _DEADLINE_BEFORE.search(text[max(0, start - 40):start]):
                continue  # a forecast or a deadline: no event that has happened
            out.append(Clue("past_date", lo, NAT, f"past_date: '{surface}' ({value}) has happened", at=int(start)))
        elif forward:
            out.append(Clue("future_date", NAT, hi, f"future_date: '{surface}' ({value}) lies ahead", at=int(start)))
    if latest:
        out.append(Clue("named_year", pd.Timestamp(latest, 1, 1), NAT, f"named_year: the latest year named is {latest}"))
    return out


@dataclass(frozen=True)
class _EventGroup:
    pattern: str
    alts: tuple
    origin: str = "events.csv"  # the file and row the pattern came from, for error messages  # (event, earliest, latest) of each alternative, most recent first


def event_groups(ev_table: pd.DataFrame) -> list[_EventGroup]:
    """The reference-event table grouped once: one pattern per group with its alternatives.

    Patterns stay strings: a user's pattern is matched only under a time limit (``timeline._event_matches``),
    and ``ev_table.attrs["origins"]`` names the file and row of each for the error message."""
    origins = ev_table.attrs.get("origins", {})
    out = []
    for _group, alts in ev_table.groupby("group", sort=False):
        alts = alts.sort_values("earliest", ascending=False)
        pattern = alts["pattern"].iloc[0]
        out.append(_EventGroup(pattern, tuple(zip(alts["event"], alts["earliest"], alts["latest"], strict=True)),
                               origins.get(pattern, "events.csv")))
    return out


def event_clues(text: str, groups: list[_EventGroup], era_year: int | None = None) -> list[Clue]:
    """``reference_event``: well-known events the text refers to; among alternatives of one
    group (two elections of one person) the one nearest the latest year the text reports as past
    (``era_year``), else the most recent."""
    from .timeline import _event_matches  # the time-limited matcher of user patterns

    out = []
    for g in groups:
        m = next(_event_matches(g.pattern, text, {g.pattern: g.origin}), None)
        if not m:
            continue
        alts = g.alts if era_year is None else sorted(g.alts, key=lambda a: (abs(a[1].year - era_year), a[1]))
        event, earliest, latest = alts[0]
        pick = "most recent" if era_year is None else f"nearest to {era_year}"
        alt = f" [{pick} of {len(alts)} events this phrase can mean]" if len(alts) > 1 else ""
        if _tense(text, m.start(), m.end()) == "future":
            out.append(Clue("reference_event", NAT, latest,
                            f"reference_event: '{m.group()}' ahead: before {event} ({latest.date()}){alt}"))
        else:
            out.append(Clue("reference_event", earliest, NAT,
                            f"reference_event: '{m.group()}': after {event} ({earliest.date()}){alt}"))
    return out


def era_clue(clues: list[Clue]) -> Clue | None:
    """``era``: the latest year reported in the past tense, or the next year."""
    years = [c.lo.year for c in clues if c.rule in ("past_date", "stated", "page_date") and not pd.isna(c.lo)]
    if not years:
        return None
    y = max(years)
    return Clue("era", pd.Timestamp(y, 1, 1), pd.Timestamp(y + ERA_YEARS, 12, 31),
                f"era: the latest year reported as past is {y}; written in {y} to {y + ERA_YEARS}")


def clues_for(text: str, ev_table: pd.DataFrame | list, published=None, published_how: str = "",
              dateline: str | None = None, tags: pd.DataFrame | None = None) -> list[Clue]:
    """Every clue of one article (rules stated, page_seen, page_date, dateline, weekday_date,
    past_date, future_date, reference_event, era). ``ev_table``: ``reference_events()`` or its
    ``event_groups``."""
    text = text if isinstance(text, str) else ""
    out = stated_clues(published, published_how)
    line = dateline if isinstance(dateline, str) and dateline.strip() else next(
        (ln for ln in text.splitlines() if ln.strip()), "")
    out += dateline_clues(line)
    out += text_clues(text, tags)
    past = [c.lo.year for c in out if c.rule in ("past_date", "stated", "page_date") and not pd.isna(c.lo)]
    groups = event_groups(ev_table) if isinstance(ev_table, pd.DataFrame) else ev_table
    out += event_clues(text, groups, max(past) if past else None)
    era = era_clue(out)
    if era:
        out.append(era)
    return out


# --------------------------------------------------------------------------- weighing
def _meet(a: tuple, b: tuple) -> tuple:
    lo = max((x for x in (a[0], b[0]) if not pd.isna(x)), default=NAT)
    hi = min((x for x in (a[1], b[1]) if not pd.isna(x)), default=NAT)
    return lo, hi


def _hull(a: tuple, b: tuple) -> tuple:
    lo = NAT if pd.isna(a[0]) or pd.isna(b[0]) else min(a[0], b[0])
    hi = NAT if pd.isna(a[1]) or pd.isna(b[1]) else max(a[1], b[1])
    return lo, hi


def _empty(w: tuple) -> bool:
    return not pd.isna(w[0]) and not pd.isna(w[1]) and w[0] > w[1]


def _resolve_recurring(c: Clue, window: tuple) -> tuple[Clue | None, str]:
    """The one year in which a recurring clue's day (and weekday) fits the window, as a dated clue."""
    lo, hi = window
    if pd.isna(lo) or pd.isna(hi):
        return None, f"{c.why}: no year (the window is open)"
    fits = []
    for y in range(lo.year - 1, hi.year + 2):
        try:
            d = pd.Timestamp(y, c.month, c.day)
        except ValueError:
            continue
        if c.weekday >= 0 and d.weekday() != c.weekday:
            continue
        a, b = d + pd.Timedelta(days=c.after), d + pd.Timedelta(days=c.after + c.span)
        if b >= lo and a <= hi:
            fits.append((d, a, b))
    if not fits:
        return None, f"{c.why}: no year fits the window {lo.date()} to {hi.date()}"
    a, b = min(f[1] for f in fits), max(f[2] for f in fits)
    days = ", ".join(str(f[0].date()) for f in fits)
    return Clue(c.rule, a, b, f"{c.why} -> {days}"), ""


def _historic(clues: list[Clue], today: dt.date | None = None) -> tuple[list[Clue], list[str]]:
    """``historic``: lower bounds more than HISTORIC_YEARS before the latest year the text reports
    as past (else the latest it names; if none, ``today``) are background and set aside."""
    past = [c.lo.year for c in clues if c.rule in ("past_date", "stated", "page_date") and not pd.isna(c.lo)]
    named = max(past) if past else next((c.lo.year for c in clues if c.rule == "named_year"), None)
    latest = named if named is not None else (today or dt.date.today()).year
    keep, notes = [], []
    for c in clues:
        if c.rule == "named_year":
            continue
        if c.rule in ("past_date", "reference_event") and not pd.isna(c.lo) and c.lo.year < latest - HISTORIC_YEARS:
            notes.append(f"historic: {c.why} (background: {latest - c.lo.year} years before "
                         f"{'the latest year named' if named is not None else 'today'})")
            continue
        keep.append(c)
    return keep, notes


def _fold(clues: list[Clue], window: tuple = (NAT, NAT)) -> tuple[tuple, list, bool, list]:
    kept, conflict, notes = [], False, []
    for c in sorted(clues, key=lambda c: -c.strength):
        window, kept, conflict, notes = _take(c, window, kept, conflict, notes)
    return window, kept, conflict, notes


def _closed(w: tuple) -> bool:
    return not (pd.isna(w[0]) or pd.isna(w[1]))


def _place(c: Clue, dated: list[Clue], era: Clue | None) -> tuple[Clue | None, str]:
    """A recurring clue made dated: its year is the one that fits the stronger dated evidence
    (with the era), else the one that fits all of it; when several fit, the window spans them."""
    era_w = (era.lo, era.hi) if era else (NAT, NAT)
    note = ""
    for frame_clues in ([d for d in dated if d.strength > c.strength], dated):
        frame = _meet(_fold(frame_clues)[0], era_w)
        if _empty(frame) or not _closed(frame):
            frame = _fold(frame_clues)[0]
        if not _closed(frame):
            note = f"{c.why}: no year (nothing bounds the window)"
            continue
        got, note = _resolve_recurring(c, frame)
        if got is not None:
            return got, ""
    return None, note


def weigh(clues: list[Clue], today: dt.date | None = None) -> tuple[pd.Timestamp, pd.Timestamp, list[str], bool]:
    """The window consistent with the strongest clues: (earliest, latest, evidence, conflict).

    Clues are taken strongest first; one that disagrees with a kept clue of equal strength
    widens the window to hold both (a conflict, said in the evidence), one weaker than the
    clue it disagrees with is left out (said too). A recurring day (dateline, weekday+date)
    takes the year that fits the other evidence.
    """
    clues, notes = _historic(clues, today)
    era = next((c for c in clues if c.rule == "era"), None)
    dated = [c for c in clues if not c.recurring and c.rule != "era"]
    placed = []
    for c in clues:
        if c.recurring:
            got, note = _place(c, dated, era)
            if got is None:
                notes.append(note)
            else:
                placed.append(got)
    window, kept, conflict, more = _fold(dated + placed)
    used = [c.why for c in kept if _decides(c, window)]
    if placed and era is not None:
        used.append(era.why)
    return window[0], window[1], used + notes + more, conflict


def _decides(c: Clue, window: tuple) -> bool:
    return c.rule in ("stated", "dateline", "weekday_date", "page_date") or (
        not pd.isna(c.lo) and c.lo == window[0]) or (not pd.isna(c.hi) and c.hi == window[1])


def _take(c: Clue, window: tuple, kept: list, conflict: bool, notes: list) -> tuple:
    new = _meet(window, (c.lo, c.hi))
    if not _empty(new):
        return new, kept + [c], conflict, notes
    against = [k for k in kept if _empty(_meet((k.lo, k.hi), (c.lo, c.hi)))] or kept
    top = max(k.strength for k in against)
    if c.strength >= top:
        wide = _hull(window, (c.lo, c.hi))
        names = "; ".join(k.why for k in against)
        notes = notes + [f"CONFLICT: {c.why} disagrees with {names}; the window holds both"]
        return wide, kept + [c], True, notes
    if c.strength >= STRONG:
        notes = notes + [f"CONFLICT: {c.why} disagrees with the stronger {against[0].why}; the stronger is kept"]
        return window, kept, True, notes
    notes = notes + [f"set aside: {c.why} (disagrees with the stronger {against[0].why})"]
    return window, kept, conflict, notes
