"""Where things are: the project root, the default corpus, the figures folder.

ROOT is resolved from this file, so notebooks and scripts never build paths from
their working directory. Two environment variables point a run elsewhere:

- ``NEWSTRACE_CORPUS``: the folder of articles to analyse (default: ``seeds/``);
- ``NEWSTRACE_OUT``: where figures go (default: the project's ``figures/``); a run
  on another corpus writes to ``out/<corpus name>/`` so the default figures stay.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
FIGURES = ROOT / "figures"
OUT = ROOT / "out"


def corpus_dir() -> Path:
    """The corpus folder: ``$NEWSTRACE_CORPUS`` if set, else ``seeds/``."""
    value = os.environ.get("NEWSTRACE_CORPUS", "").strip()
    return Path(value).expanduser().resolve() if value else SEEDS


def figures_dir() -> Path:
    """The folder charts are written to: ``$NEWSTRACE_OUT/figures`` if set, else ``figures/``."""
    value = os.environ.get("NEWSTRACE_OUT", "").strip()
    return (Path(value).expanduser().resolve() / "figures") if value else FIGURES


def display(path: str | os.PathLike) -> str:
    """A path as a reader should see it: relative to the project root when inside it.

    Notebook outputs use this so that a run in another clone prints the same text.
    """
    p = Path(path).resolve()
    try:
        return p.relative_to(ROOT).as_posix()
    except ValueError:
        return p.as_posix()
