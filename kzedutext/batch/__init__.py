"""Batch tagging of document collections (``kzedutext tag``)."""

from .tag import TagRecord, TagSummary, iter_input_files, tag_files, tag_to_file

__all__ = ["TagRecord", "TagSummary", "iter_input_files", "tag_files", "tag_to_file"]
