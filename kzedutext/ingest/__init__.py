"""Reading documents: formats, clean-up, structure, metadata, language, privacy.

>>> from kzedutext.ingest import read
>>> read("Кіріспе\\n\\nМәтін осында.".encode()).sections[0].kind
'introduction'
"""

from .document import SECTION_KINDS, Document, Meta, Paragraph, Provenance, Section
from .errors import (
    CorruptFileError,
    EmptyFileError,
    FileTooLargeError,
    NotTextError,
    ReadError,
    ReaderUnavailableError,
    UnreadableFileError,
    UnsupportedFormatError,
)
from .formats import SUFFIXES
from .read import read
from .redact import redact
from .text import read_text_file

__all__ = [
    "SECTION_KINDS",
    "SUFFIXES",
    "CorruptFileError",
    "Document",
    "EmptyFileError",
    "FileTooLargeError",
    "Meta",
    "NotTextError",
    "Paragraph",
    "Provenance",
    "ReadError",
    "ReaderUnavailableError",
    "Section",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "read",
    "read_text_file",
    "redact",
]
