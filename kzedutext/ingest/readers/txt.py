"""Plain text in any common encoding (see :mod:`kzedutext.ingest.text`).

>>> read_txt("Кіріспе\\n\\nМәтін".encode("cp1251", errors="replace")).paragraphs[0] != ""
True
"""

from __future__ import annotations

from ..paragraphs import split_paragraphs
from ..text import decode_bytes
from . import Extracted


def read_txt(data: bytes, *, source: str = "<bytes>") -> Extracted:
    """Paragraphs of a plain-text file."""
    return Extracted(tuple(split_paragraphs(decode_bytes(data, source=source))))
