"""Batch tagging of document collections (``kzedutext tag``): engines, resumable writers, progress."""

from .engines import ENGINES, DaskEngine, LocalEngine, make_engine
from .inputs import iter_input_files, read_input
from .progress import RichProgress, TagProgress
from .records import COLUMNS, ERROR_KINDS, TagRecord
from .tag import ORDERS, TagSummary, tag_files, tag_to_file
from .writers import FORMATS, read_records

__all__ = [
    "COLUMNS", "ENGINES", "ERROR_KINDS", "FORMATS", "ORDERS", "DaskEngine", "LocalEngine", "RichProgress",
    "TagProgress", "TagRecord", "TagSummary", "iter_input_files", "make_engine", "read_input", "read_records",
    "tag_files", "tag_to_file",
]
