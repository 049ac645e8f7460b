"""Decode a plain-text document whatever its encoding.

Tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE), strict UTF-8, UTF-16
without a BOM (every other byte the high byte of Latin or Cyrillic), then the
legacy one-byte Cyrillic encodings of Kazakh and Russian documents: cp1251,
KZ-1048 (Kazakh Windows) and KOI8-R. Among those, the one whose decoding looks
most like real text wins: Cyrillic letters mostly lower-case (KOI8-R read as
cp1251 comes out in capitals, and the other way round) and no letters foreign to
Kazakh and Russian (Kazakh KZ-1048 read as cp1251 shows Serbian ј, ќ, ў).

Binary and empty content raise :class:`NotTextError` / :class:`EmptyFileError`.

>>> decode_bytes("Білім".encode("utf-16"))
'Білім'
>>> decode_bytes("Профессиональное развитие учителя".encode("koi8-r"))
'Профессиональное развитие учителя'
>>> decode_bytes("Кәсіби даму".encode("kz1048"))
'Кәсіби даму'
"""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import EmptyFileError, FileTooLargeError, NotTextError, ReadError, UnreadableFileError

#: Files larger than this are refused (bytes); pass ``max_bytes`` to change it.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

#: One-byte encodings tried when the bytes are not UTF-8 or UTF-16, best first on a tie.
LEGACY_ENCODINGS = ("cp1251", "kz1048", "koi8-r")

_RUSSIAN_KAZAKH = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")

__all__ = ["DEFAULT_MAX_BYTES", "LEGACY_ENCODINGS", "ReadError", "decode_bytes", "read_text_file"]


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode document bytes to text (see the module docstring for the order)."""
    if not data.strip():
        raise EmptyFileError(source, "the file is empty")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc), source)
            except UnicodeDecodeError:
                break
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
        raise NotTextError(source, "not a text file (binary content)")
    sample = data[:20000]
    best = max(LEGACY_ENCODINGS, key=lambda e: (_plausibility(sample.decode(e, errors="replace")), -LEGACY_ENCODINGS.index(e)))
    return _check_text(data.decode(best, errors="replace"), source)


def _plausibility(text: str) -> float:
    """Share of lower-case Cyrillic letters, minus a penalty for letters foreign to kk/ru."""
    n_cyr = n_lower = n_foreign = 0
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            n_cyr += 1
            low = ch.lower()
            if low not in _RUSSIAN_KAZAKH:
                n_foreign += 1
            elif ch == low:
                n_lower += 1
        elif "\x80" <= ch <= "\x9f" or ch == "\ufffd":
            n_foreign += 1
    if not n_cyr:
        return -n_foreign
    return n_lower / n_cyr - 3 * n_foreign / n_cyr


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
        raise NotTextError(source, "not a text file (control characters)")
    if not text.strip():
        raise EmptyFileError(source, "the file is empty")
    return text


def read_bytes(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing files over ``max_bytes``."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise UnreadableFileError(path, f"cannot open the file ({err.strerror})") from err
    if path.is_dir():
        raise UnreadableFileError(path, "cannot open the file (it is a folder)")
    if size > max_bytes:
        raise FileTooLargeError(
            path, f"the file is {size:,} bytes, over the limit of {max_bytes:,} (raise max_bytes)"
        )
    try:
        return path.read_bytes()
    except OSError as err:
        raise UnreadableFileError(path, f"cannot open the file ({err.strerror})") from err


def read_text_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of a plain-text file, with its encoding detected."""
    return decode_bytes(read_bytes(path, max_bytes=max_bytes), source=str(path))
