"""Decode a plain-text document whatever its encoding.

Tries, in order: a byte-order mark (UTF-8, UTF-16 LE/BE), strict UTF-8, UTF-16
without a BOM (every other byte the high byte of Latin or Cyrillic), damaged
UTF-8, then the legacy one-byte Cyrillic encodings of Kazakh and Russian documents: cp1251,
KZ-1048 (Kazakh Windows) and KOI8-R. Among those, the one whose decoding looks
most like real text wins: Cyrillic letters mostly lower-case (KOI8-R read as
cp1251 comes out in capitals, and the other way round) and no letters foreign to
Kazakh and Russian (Kazakh KZ-1048 read as cp1251 shows Serbian ј, ќ, ў).

Damaged UTF-8 is text that is UTF-8 but for a few bytes: a stray byte, a short
tail in another encoding, a character cut in two at the end. When at least
:data:`MIN_UTF8_SHARE` of its non-ASCII bytes sit in valid UTF-8 sequences (or
there are at most :data:`MAX_STRAY_BYTES` bad bytes, far outnumbered by good
characters), it is read as UTF-8, each run of bad bytes becomes U+FFFD (�), and
:func:`decode_text` returns a warning saying so. One bad byte no longer sends
the whole file to a one-byte encoding and turns it into mojibake.

Binary and empty content raise :class:`NotTextError` / :class:`EmptyFileError`.

>>> decode_bytes("Білім".encode("utf-16"))
'Білім'
>>> decode_bytes("Профессиональное развитие учителя".encode("koi8-r"))
'Профессиональное развитие учителя'
>>> decode_bytes("Кәсіби даму".encode("kz1048"))
'Кәсіби даму'
>>> d = decode_text("Оқушы".encode() + b"\\x96" + " мен мұғалім".encode())
>>> d.text, d.encoding, len(d.warnings)
('Оқушы� мен мұғалім', 'utf-8', 1)
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import EmptyFileError, FileTooLargeError, NotTextError, ReadError, UnreadableFileError

#: Files larger than this are refused (bytes); pass ``max_bytes`` to change it.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

#: One-byte encodings tried when the bytes are not UTF-8 or UTF-16, best first on a tie.
LEGACY_ENCODINGS = ("cp1251", "kz1048", "koi8-r")

#: Damaged UTF-8 is still read as UTF-8 when at least this share of its non-ASCII bytes is valid UTF-8 ...
#: (Kazakh and Russian text in KZ-1048, cp1251 or KOI8-R has at most 4% of its non-ASCII bytes in
#: accidental UTF-8 sequences over a whole file, and under 20% in any 200 characters: the 33 sample articles.)
MIN_UTF8_SHARE = 0.95
#: ... or when it has at most this many bad bytes and ten times as many valid non-ASCII bytes.
MAX_STRAY_BYTES = 8

_RUSSIAN_KAZAKH = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі")
_ASCII = bytes(range(128))
_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that are not UTF-8, under errors="surrogateescape"

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LEGACY_ENCODINGS",
    "MAX_STRAY_BYTES",
    "MIN_UTF8_SHARE",
    "Decoded",
    "ReadError",
    "decode_bytes",
    "decode_text",
    "read_text_file",
]


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and warnings about the decoding (empty when clean)."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode document bytes to text (see the module docstring for the order)."""
    return decode_text(data, source=source).text


def decode_text(data: bytes, *, source: str = "<bytes>") -> Decoded:
    """Decode document bytes to text, with the encoding used and any warning about bad bytes."""
    if not data.strip():
        raise EmptyFileError(source, "the file is empty")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return Decoded(_check_text(data.decode(enc), source), enc)
            except UnicodeDecodeError:
                break
    try:
        return Decoded(_check_text(data.decode("utf-8"), source), "utf-8")
    except UnicodeDecodeError:
        pass
    enc = _bomless_utf16(data)
    if enc:
        try:
            return Decoded(_check_text(data.decode(enc), source), enc)
        except (UnicodeDecodeError, ReadError):
            pass
    if b"\x00" in data:
        raise NotTextError(source, "not a text file (binary content)")
    damaged = _damaged_utf8(data)
    if damaged:
        return Decoded(_check_text(damaged[0], source), "utf-8", (damaged[1],))
    sample = data[:20000]
    best = max(LEGACY_ENCODINGS, key=lambda e: (_plausibility(sample.decode(e, errors="replace")), -LEGACY_ENCODINGS.index(e)))
    return Decoded(_check_text(data.decode(best, errors="replace"), source), best)


def _damaged_utf8(data: bytes) -> tuple[str, str] | None:
    """``(text, warning)`` when ``data`` is UTF-8 but for a few bad bytes (module docstring), else None."""
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    text = body.decode("utf-8", errors="surrogateescape")
    runs = list(_ESCAPED.finditer(text))
    n_bad = sum(len(m.group()) for m in runs)
    n_high = len(body.translate(None, _ASCII))  # ASCII deleted
    n_good = n_high - n_bad
    if not runs or n_good <= 0:
        return None
    if n_bad > (1 - MIN_UTF8_SHARE) * n_high and not (n_bad <= MAX_STRAY_BYTES and n_good >= 10 * n_bad):
        return None
    first = len(text[: runs[0].start()].encode("utf-8", errors="surrogateescape")) + (len(codecs.BOM_UTF8) if bom else 0)
    warning = (
        f"{n_bad} byte{'s' if n_bad > 1 else ''} {'are' if n_bad > 1 else 'is'} not valid UTF-8 "
        f"(the first at byte {first:,}); the text was read as UTF-8 with each bad run replaced by "
        "U+FFFD (�); check those places, or re-save the file as UTF-8"
    )
    return _ESCAPED.sub("\ufffd", text), warning


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
    """The text of a plain-text file, with its encoding detected (:func:`decode_text` gives warnings too)."""
    return decode_bytes(read_bytes(path, max_bytes=max_bytes), source=str(path))
