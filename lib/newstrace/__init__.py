"""newstrace: trace how a news story travels.

The public API, one module per stage:

- ``newstrace.corpus``: ``load_corpus``, ``sentences`` (read and clean a folder of articles)
- ``newstrace.clean``: site-chrome removal, headline, byline and page date of one article
- ``newstrace.sources``: publishing outlet, cited originals, canonical outlet names
- ``newstrace.text``: words, sentence spans, language
- ``newstrace.charts``: house style and ``save_figure``
- ``newstrace.paths``: where the corpus, notebooks and figures are
"""

from . import charts, paths
from .charts import save_figure
from .corpus import CorpusWarning, load_corpus, sentences
from .errors import CorpusError, NewstraceError

__all__ = [
    "charts", "paths", "save_figure", "load_corpus", "sentences", "CorpusError", "CorpusWarning", "NewstraceError",
]
__version__ = "0.1.0"
