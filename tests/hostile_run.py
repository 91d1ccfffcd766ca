"""Every analysis the four notebooks run, as lib calls, for the hostile-input tests (issue 16).

Not a test module: ``tests/test_hostile_input.py`` and ``tests/test_hostile_fuzz.py`` import it (pytest puts
``tests/`` on ``sys.path``). Each step is the call a notebook cell makes, in the notebooks' order, so a
corpus that passes here also passes the notebooks' lib calls.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from newstrace import charts, corpus_charts, overlap  # noqa: E402
from newstrace.corpus import load_corpus  # noqa: E402
from newstrace.errors import CorpusError  # noqa: E402
from newstrace.figures import claims, extract  # noqa: E402
from newstrace.figures_charts import attribution_chart, claim_chart, doc_label, quantity_chart  # noqa: E402
from newstrace.timeline import date_documents, events, expressions, reference_events  # noqa: E402
from newstrace.timeline_charts import event_chart, reporting_chart  # noqa: E402

TODAY = pd.Timestamp("2026-01-15").date()


def _save(fig, name: str, data: pd.DataFrame, outdir: Path | None) -> None:
    """Write the chart's CSV (what `save_figure` exports) or only close the figure without ``outdir``."""
    if outdir is not None:
        charts.save_figure(fig, name, data, outdir=outdir)
    plt.close(fig)


def notebook_01(corpus: pd.DataFrame, outdir: Path | None) -> None:
    """01-corpus: who cites whom and what the cleaner kept."""
    fig, links, _ = corpus_charts.cites_chart(corpus, "probe")
    _save(fig, "01-who-cites-whom", links, outdir)
    fig, kept, _ = corpus_charts.chrome_chart(corpus, "probe")
    _save(fig, "01-text-kept-removed", kept, outdir)


def notebook_02(corpus: pd.DataFrame) -> None:
    """02-source-overlap: similarity, families, pairs, alignments, variants, derivation."""
    sim_word = overlap.similarity(corpus, kind="word")
    overlap.similarity(corpus, kind="char")
    overlap.cluster_order(sim_word)
    fam = overlap.families(corpus)
    table = overlap.pairs(corpus)
    idf = overlap.corpus_idf(corpus)
    for f in fam.unique():
        members = sorted(fam[fam == f].index)
        overlap.describe_pairs(overlap.family_pairs(corpus, members))
        for a, b in zip(members, members[1:], strict=False):
            overlap.align(corpus, a, b, idf=idf)
            overlap.unique(corpus, a, b, idf=idf)
    overlap.variants(corpus, family=fam)
    overlap.derivation_table(overlap.derivation(corpus, pair_table=table, family=fam))


def notebook_03(corpus: pd.DataFrame, folder: Path, outdir: Path | None, charts: bool = True) -> None:
    """03-timeline: reference events, publication windows, expressions, events, both charts."""
    reference_events(folder)
    windows = date_documents(corpus, corpus_dir=folder, today=TODAY)
    ev = events(corpus, expressions(corpus, windows))
    if not charts:
        return
    fig, data = reporting_chart(windows, corpus, "probe", "probe")
    _save(fig, "03-reporting-timeline", data, outdir)
    if len(ev):
        fig, data = event_chart(ev, "probe", "probe", windows=windows)
        _save(fig, "03-event-timeline", data, outdir)


def notebook_04(corpus: pd.DataFrame, outdir: Path | None, charts: bool = True) -> None:
    """04-reported-figures: figures, claims and the three charts."""
    [doc_label(d, corpus) for d in corpus.index]
    figs = extract(corpus)
    cl = claims(figs, corpus)
    if not charts:
        return
    if len(cl):
        fig, data = claim_chart(cl, corpus, "probe", "probe")
        _save(fig, "04-claims", data, outdir)
    if (figs["quantity"] == "area").any():
        fig, data = quantity_chart(figs, corpus, "area", "probe", "probe")
        _save(fig, "04-area", data, outdir)
    fig, data = attribution_chart(figs, corpus, "probe", "probe")
    _save(fig, "04-attribution", data, outdir)


def run_analyses(corpus: pd.DataFrame, folder: Path, outdir: Path | None = None, charts: bool = True) -> None:
    """Every notebook's lib calls on a loaded corpus (charts drawn only with ``charts``)."""
    if charts:
        notebook_01(corpus, outdir)
    notebook_02(corpus)
    notebook_03(corpus, folder, outdir, charts)
    notebook_04(corpus, outdir, charts)


def run_everything(folder: Path, outdir: Path | None = None, charts: bool = True) -> pd.DataFrame | None:
    """Load ``folder`` and run every notebook's analyses on it; warnings are recorded, not shown.

    Returns the corpus, or None when the loader or an analysis raised ``CorpusError`` (the one
    exception a bad folder may raise); any other exception propagates to the test. Charts are
    written to ``outdir`` when given (PNG, SVG, CSV), else only drawn; ``charts=False`` runs the
    analyses of notebooks 02-04 without drawing (drawing is most of the time on a small folder).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            corpus = load_corpus(folder)
            if len(corpus):
                run_analyses(corpus, folder, outdir, charts)
        except CorpusError:
            return None
        finally:
            plt.close("all")
    return corpus
