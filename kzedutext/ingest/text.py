"""Read a plain-text file whatever its encoding.

Tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE), strict UTF-8, UTF-16
without a BOM (many NUL bytes in alternate positions), then cp1251, the usual
legacy encoding of Kazakh and Russian Windows documents. Binary files and empty
files raise :class:`ReadError` with the reason.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = p.write_bytes("Білім".encode("utf-16"))
>>> read_text_file(p)
'Білім'
"""

from __future__ import annotations

import codecs
from pathlib import Path

#: Files larger than this are refused (bytes); pass ``max_bytes`` to change it.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class ReadError(ValueError):
    """A file could not be read as text; the message names the file and the cause."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode document bytes to text (see the module docstring for the order)."""
    if not data.strip():
        raise ReadError(source, "the file is empty")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return _check_text(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    if len(data) >= 4 and data.count(b"\x00") * 3 >= len(data):
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                return _check_text(data.decode(enc), source)
            except (UnicodeDecodeError, ReadError):
                continue
    if b"\x00" in data:
        raise ReadError(source, "not a text file (binary content)")
    return _check_text(data.decode("cp1251", errors="replace"), source)


def _check_text(text: str, source: str) -> str:
    bad = sum(1 for c in text[:10000] if c == "\x00" or ("\x00" < c < " " and c not in "\t\n\r\f\v"))
    if bad > max(2, len(text[:10000]) // 100):
        raise ReadError(source, "not a text file (control characters)")
    return text


def read_text_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of a plain-text file, with its encoding detected."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise ReadError(path, f"cannot open the file ({err.strerror})") from err
    if size > max_bytes:
        raise ReadError(path, f"the file is {size:,} bytes, over the limit of {max_bytes:,} (raise max_bytes)")
    return decode_bytes(path.read_bytes(), source=str(path))
