"""Timeline reconstruction (placeholder; see timeline_tag)."""
from .timeline_tag import tag

__all__ = ["tag"]
