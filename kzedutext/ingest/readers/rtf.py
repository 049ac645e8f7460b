"""Rich Text Format files, with striprtf (the code page is taken from ``\\ansicpg``)."""

from __future__ import annotations

import re

from ..errors import CorruptFileError
from ..paragraphs import split_paragraphs
from . import Extracted, require

_CODEPAGE = re.compile(rb"\\ansicpg(\d+)")


def read_rtf(data: bytes, *, source: str = "<bytes>") -> Extracted:
    """Paragraphs of an .rtf file."""
    striprtf = require("striprtf.striprtf", "striprtf", "rtf", source)
    if not data.lstrip().startswith(b"{\\rtf"):
        raise CorruptFileError(source, "not an RTF file (it does not start with {\\rtf); check the file ending")
    m = _CODEPAGE.search(data[:4096])
    encoding = f"cp{m.group(1).decode()}" if m else "cp1252"
    try:
        "".encode(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        text = striprtf.rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except Exception as err:  # striprtf has no error types of its own
        raise CorruptFileError(source, f"corrupt .rtf file ({err.__class__.__name__})") from err
    return Extracted(tuple(split_paragraphs(text)))
