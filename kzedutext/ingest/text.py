"""Read a plain-text file whatever its encoding.

Tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE), strict UTF-8, UTF-16
without a BOM (every other byte the high byte of Latin or Cyrillic), then cp1251, the usual
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
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        return _check_text(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    enc = _bomless_utf16(data)
    if enc:
        try:
            return _check_text(data.decode(enc), source)
        except (UnicodeDecodeError, ReadError):
            pass
    if b"\x00" in data:
        raise ReadError(source, "not a text file (binary content)")
    return _check_text(data.decode("cp1251", errors="replace"), source)


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the high bytes are those of Latin or Cyrillic text."""
    if len(data) < 4 or len(data) % 2:
        return None
    high = {0x00, 0x04}  # ASCII and Cyrillic (U+0000-U+00FF, U+0400-U+04FF)
    for enc, sample in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if sum(b in high for b in sample[:4096]) >= 0.9 * len(sample[:4096]):
            return enc
    return None


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
        raise ReadError(
            path, f"the file is {size:,} bytes, over the limit of {max_bytes:,} (raise max_bytes)"
        )
    return decode_bytes(path.read_bytes(), source=str(path))
