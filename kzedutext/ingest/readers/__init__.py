"""One reader per file format: bytes in, paragraphs and the file's own metadata out.

Each reader module has one job and one function, ``read_<format>(data, *, source)``,
returning :class:`Extracted`. Libraries are imported inside the function, so a
missing optional library fails only for its format, with a
:class:`~kzedutext.ingest.errors.ReaderUnavailableError` that says how to install it.

>>> sorted(READERS)
['docx', 'html', 'odt', 'pdf', 'rtf', 'txt']
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from ..errors import ReaderUnavailableError


@dataclass(frozen=True)
class Extracted:
    """What a reader got out of a file: paragraphs in reading order, and file metadata.

    ``meta`` holds what the format itself records (``title``, ``author``, ``year``):
    title and author are used only where the article's own header says nothing;
    the year goes to :attr:`Provenance.file_year <kzedutext.ingest.document.Provenance.file_year>`. ``warnings`` says what
    the reader had to repair (bad bytes replaced, ...); they end up in
    :attr:`Document.warnings <kzedutext.ingest.document.Document.warnings>`.
    """

    paragraphs: tuple[str, ...]
    meta: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


#: format name -> "module:function" of its reader
READERS: dict[str, str] = {
    "txt": "txt:read_txt",
    "docx": "docx:read_docx",
    "pdf": "pdf:read_pdf",
    "html": "html:read_html",
    "odt": "odt:read_odt",
    "rtf": "rtf:read_rtf",
}


def get_reader(fmt: str) -> Callable[..., Extracted]:
    """The reader function for format ``fmt`` (a key of :data:`READERS`)."""
    module, func = READERS[fmt].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)


def require(module: str, package: str, fmt: str, source: str):
    """Import ``module`` or raise ReaderUnavailableError naming the pip package to install."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ReaderUnavailableError(
            source,
            f"reading .{fmt} files needs the '{package}' package: pip install {package} (import failed: {err})",
        ) from err
