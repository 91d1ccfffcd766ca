"""Exceptions a user can act on: each names the file and the reason."""

from __future__ import annotations


class NewstraceError(Exception):
    """Base class of every newstrace error."""


class CorpusError(NewstraceError):
    """A corpus folder or file cannot be read.

    ``path`` is the file or folder, ``reason`` says why in words a user can act on.
    """

    def __init__(self, path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
