"""Where things are: the project root, the default corpus, the output folders.

ROOT is resolved from this file, so notebooks and scripts never build paths from
their working directory. Two environment variables point a run elsewhere:

- ``NEWSTRACE_CORPUS``: the folder of articles to analyse (default: ``seeds/``);
- ``NEWSTRACE_OUT``: the run's output folder (figures go to its ``figures/``).

The committed ``notebooks/`` and ``figures/`` belong to the seeds. A run on any other
corpus, by ``make CORPUS=`` or in JupyterLab with ``NEWSTRACE_CORPUS`` set, writes to
``out/<folder name>-<8 hex digits of the resolved path's hash>/`` unless
``NEWSTRACE_OUT`` says otherwise, so two folders both called ``news`` never share one.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from .errors import CorpusError

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
REPORT = ROOT / "report"
OUT = ROOT / "out"
# Folders the project writes: a corpus inside one of them would read the project's own output.
OUTPUTS = (OUT, REPORT, FIGURES, NOTEBOOKS)
_UNSAFE = re.compile(r"[^\w.-]+")


def corpus_dir() -> Path:
    """The corpus folder: ``$NEWSTRACE_CORPUS`` if set, else ``seeds/``.

    Raises CorpusError when the folder lies inside the project's output folders (see
    ``check_corpus``).
    """
    value = os.environ.get("NEWSTRACE_CORPUS", "").strip()
    return check_corpus(Path(value).expanduser().resolve()) if value else SEEDS


def check_corpus(corpus: Path) -> Path:
    """``corpus`` resolved, or CorpusError if it is inside out/, report/, figures/ or notebooks/:
    a run there would read its own reports and charts back as articles and grow each time."""
    corpus = Path(corpus).expanduser().resolve()
    for folder in OUTPUTS:
        if corpus == folder or folder in corpus.parents:
            raise CorpusError(corpus, f"the corpus lies inside the project's output folder {display(folder)}/; "
                                      "move it elsewhere (the analyses would read their own output as articles)")
    return corpus


def is_default(corpus: Path) -> bool:
    """True for the embedded seeds corpus, whose results are the committed ones."""
    return Path(corpus).resolve() == SEEDS


def output_dir(corpus: Path) -> Path:
    """Where a run on ``corpus`` writes: ``out/<folder name>-<hash>/``.

    The hash is the first 8 hex digits of SHA-256 of the resolved path, so the name says
    which folder it is and two folders of the same name get two output folders.
    """
    resolved = Path(corpus).expanduser().resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    name = _UNSAFE.sub("_", resolved.name).strip("._") or "corpus"
    return OUT / f"{name}-{digest}"


def out_dir() -> Path | None:
    """This run's output folder: ``$NEWSTRACE_OUT``, else ``output_dir(corpus)`` for a corpus
    other than the seeds, else None (the seeds write to the committed folders)."""
    value = os.environ.get("NEWSTRACE_OUT", "").strip()
    if value:
        return Path(value).expanduser().resolve()
    corpus = corpus_dir()
    return None if is_default(corpus) else output_dir(corpus)


def figures_dir() -> Path:
    """The folder charts are written to: ``out_dir()/figures``, or ``figures/`` for the seeds."""
    out = out_dir()
    return FIGURES if out is None else out / "figures"


def describe_run() -> str:
    """One line for a notebook's first output: which corpus it reads, where its charts go.

    For the seeds it names the committed ``figures/``, so the committed notebooks read the same
    wherever a clean run writes."""
    corpus = corpus_dir()
    if is_default(corpus):  # the committed example: the same line wherever a clean run writes
        return f"corpus: {display(corpus)} (the embedded example; its charts are the committed figures/)"
    return f"corpus: {display(corpus)}; charts written to: {display(figures_dir())}/"


def display(path: str | os.PathLike) -> str:
    """A path as a reader should see it: relative to the project root when inside it.

    Notebook outputs use this so that a run in another clone prints the same text.
    """
    p = Path(path).resolve()
    try:
        return p.relative_to(ROOT).as_posix()
    except ValueError:
        return p.as_posix()
