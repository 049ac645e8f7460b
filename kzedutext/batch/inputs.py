"""Which files a batch run takes, and how one file becomes a :class:`~kzedutext.Document`.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("b.txt", "a.docx", ".hidden.txt"):
...     _ = (folder / name).write_text("x", encoding="utf-8")
>>> [p.name for p in iter_input_files([folder])]
['a.docx', 'b.txt']
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..ingest import Document, ReadError, read
from ..ingest.text import DEFAULT_MAX_BYTES, read_bytes


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named in ``inputs``, folders expanded recursively (sorted, hidden skipped)."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def unique_files(inputs: Iterable[str | Path]) -> list[Path]:
    """:func:`iter_input_files`, each file once even if named twice (a folder and a file in it)."""
    seen: set[Path] = set()
    files = []
    for path in iter_input_files(inputs):
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(path)
    return files


def path_text(path: Path) -> str:
    """``path`` as text that can be written as UTF-8: bytes that are not UTF-8 in a file
    name (an archive made on another system) are shown as ``\\xff`` escapes.

    >>> path_text(Path("мақала.txt")), path_text(Path(os.fsdecode(b"\\xffa.txt")))
    ('мақала.txt', '\\\\xffa.txt')
    """
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return text


def load_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes | None, str, ReadError | None]:
    """(bytes, sha256, None), or (None, "", error) when the file cannot be opened or is too large."""
    try:
        data = read_bytes(path, max_bytes=max_bytes)
    except ReadError as err:
        return None, "", err
    return data, hashlib.sha256(data).hexdigest(), None


def read_input(
    path: Path, *, redact: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Document | None, str, str]:
    """(document or None, sha256, status) for one file; ``status`` is "ok" or "error: <reason>"."""
    data, digest, error = load_bytes(path, max_bytes=max_bytes)
    if error is not None:
        return None, digest, f"error: {error.reason}"
    try:
        return read_document(data, str(path), redact=redact, max_bytes=max_bytes), digest, "ok"
    except ReadError as err:
        return None, digest, f"error: {err.reason}"


class ReaderCrashedError(ReadError):
    """A reader library failed with its own bug on this file (not a known bad-file cause)."""


def read_document(data: bytes, name: str, *, redact: bool = False, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """:func:`kzedutext.read` of ``data``; any failure is a :class:`ReadError`, so a reader
    library's own bug on one file never stops a batch."""
    try:
        return read(data, name=name, redact=redact, max_bytes=max_bytes)
    except ReadError:
        raise
    except Exception as err:
        raise ReaderCrashedError(name, f"unexpected {err.__class__.__name__} while reading ({err})") from err
