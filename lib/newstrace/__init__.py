"""newstrace: trace how a news story travels.

The public API, one module per stage:

- ``newstrace.corpus``: ``load_corpus``, ``sentences`` (read and clean a folder of articles)
- ``newstrace.charts``: house style and ``save_figure``
- ``newstrace.paths``: where the corpus, notebooks and figures are
"""

from . import charts, paths
from .charts import save_figure
from .errors import CorpusError, NewstraceError

__all__ = ["charts", "paths", "save_figure", "CorpusError", "NewstraceError"]
__version__ = "0.1.0"
