"""Reading documents from disk (plain text for now; more formats in issue #4)."""

from .text import ReadError, read_text_file

__all__ = ["ReadError", "read_text_file"]
