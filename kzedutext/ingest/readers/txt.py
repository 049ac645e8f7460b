"""Plain text in any common encoding (see :mod:`kzedutext.ingest.text`).

>>> read_txt("Кіріспе\\n\\nМәтін".encode("cp1251", errors="replace")).paragraphs[0] != ""
True
"""

from __future__ import annotations

from ..paragraphs import split_paragraphs
from ..text import decode_text
from . import Extracted


def read_txt(data: bytes, *, source: str = "<bytes>") -> Extracted:
    """Paragraphs of a plain-text file (with a warning when bad bytes had to be replaced)."""
    decoded = decode_text(data, source=source)
    return Extracted(tuple(split_paragraphs(decoded.text)), warnings=decoded.warnings)
