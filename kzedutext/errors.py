"""Error messages with codes, in spaCy's style.

Every message says what went wrong *and* how to fix it. Codes are stable: tests
and users may match on them.

>>> from kzedutext.errors import Errors
>>> Errors.E001.startswith("[E001]")
True
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    """Prefix every UPPER_CASE message with its code, e.g. ``[E001] ...``."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    E001 = (
        "Unknown homoglyph table row {row!r} in {path}: expected two tab-separated "
        "single characters (source, replacement). Fix or remove the line."
    )
    E002 = (
        "normalize() takes a str, not {type}. Decode bytes first, e.g. "
        "data.decode('utf-8'), or read files with kzedutext.read()."
    )
    E003 = (
        "Data file {path} is missing from the installed package. Reinstall kzedutext "
        "with 'pip install --force-reinstall kzedutext' (package data was not installed)."
    )
