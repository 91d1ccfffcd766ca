"""newstrace: trace how a news story travels.

The public API, one module per stage:

- ``newstrace.corpus``: ``load_corpus``, ``sentences`` (read and clean a folder of articles)
- ``newstrace.overlap``: ``similarity``, ``pairs``, ``families``, ``align``, ``unique``, ``derivation``,
  ``variants`` (who repeats whom)
- ``newstrace.timeline``: ``tag``, ``expressions``, ``date_documents``, ``events``, ``reference_events``
  (what happened when)
- ``newstrace.figures``: ``extract``, ``claims`` (which figures were reported, by whom, and do they agree)
- ``newstrace.clean``, ``newstrace.sources``, ``newstrace.text``: chrome removal, outlets and citations,
  sentences and language
- ``newstrace.charts``: house style and ``save_figure``; ``newstrace.corpus_charts``, ``newstrace.timeline_charts``,
  ``newstrace.figures_charts``: the charts of notebooks 01, 03 and 04; ``newstrace.paths``: where things are

The analysis modules load on first use (``newstrace.families`` imports ``newstrace.overlap``), so
``import newstrace`` stays quick.
"""

from importlib import import_module

from . import charts, paths
from .charts import save_figure
from .corpus import CorpusWarning, load_corpus, sentences
from .errors import CorpusError, NewstraceError

_LAZY = {
    "overlap": ("similarity", "pairs", "families", "align", "unique", "derivation", "variants"),
    "timeline": ("tag", "expressions", "date_documents", "events", "reference_events"),
    "figures": ("extract", "claims"),
}
_MODULES = {"overlap", "timeline", "figures", "clean", "sources", "text", "report", "run"}
_FUNCTIONS = {name: module for module, names in _LAZY.items() for name in names}

__all__ = [
    "charts", "paths", "save_figure", "load_corpus", "sentences", "CorpusError", "CorpusWarning",
    "NewstraceError", *sorted(_LAZY), *_FUNCTIONS,
]
__version__ = "0.1.0"


def __getattr__(name: str):
    if name in _MODULES:
        return import_module(f".{name}", __name__)
    if name in _FUNCTIONS:
        return getattr(import_module(f".{_FUNCTIONS[name]}", __name__), name)
    raise AttributeError(f"module 'newstrace' has no attribute {name!r}")
