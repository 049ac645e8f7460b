"""Why a document could not be read: one :class:`ReadError` subclass per cause.

Every error names the file (``path``) and says what went wrong and how to fix it
(``reason``); ``str(err)`` is ``"<path>: <reason>"``. The batch tagger writes
``"error: <reason>"`` into the record of a file that failed, and goes on.

>>> err = EmptyFileError("a.txt", "the file is empty")
>>> isinstance(err, ReadError), str(err)
(True, 'a.txt: the file is empty')
"""

from __future__ import annotations

from pathlib import Path


class ReadError(ValueError):
    """A document could not be read; the message names the file and the cause."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):  # keep (path, reason) through pickling (worker processes)
        return (type(self), (self.path, self.reason))


class UnreadableFileError(ReadError):
    """The file does not exist or cannot be opened."""


class UnsupportedFormatError(ReadError):
    """The file's format (by its ending or its content) has no reader."""


class CorruptFileError(ReadError):
    """The file claims a format but its content is damaged or not of that format."""


class EmptyFileError(ReadError):
    """The file has no bytes or no text."""


class NotTextError(ReadError):
    """The content is binary, or a PDF without a text layer."""


class FileTooLargeError(ReadError):
    """The file is over the size limit (``max_bytes``)."""


class ReaderUnavailableError(ReadError, ImportError):
    """The library that reads this format is not installed."""


__all__ = [
    "CorruptFileError",
    "EmptyFileError",
    "FileTooLargeError",
    "NotTextError",
    "ReadError",
    "ReaderUnavailableError",
    "UnreadableFileError",
    "UnsupportedFormatError",
]
