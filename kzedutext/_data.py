"""Loading of the package's versioned data files (word lists, tables).

Data lives next to the module that uses it, in a ``data/`` folder, as UTF-8 text:
one entry per line, lines starting with ``#`` are comments, fields are separated
by a tab.

>>> from kzedutext._data import read_lines
>>> "және" in read_lines("kzedutext.lang.kk", "stop_words.txt")
True
"""

from __future__ import annotations

from importlib import resources

from .errors import Errors


def read_text(package: str, name: str) -> str:
    """Return the text of ``data/<name>`` inside ``package``."""
    ref = resources.files(package).joinpath("data").joinpath(name)
    try:
        return ref.read_text(encoding="utf-8")
    except FileNotFoundError as err:  # pragma: no cover - broken install only
        raise FileNotFoundError(Errors.E003.format(path=f"{package}/data/{name}")) from err


def read_lines(package: str, name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file, stripped of trailing blanks."""
    lines = []
    for line in read_text(package, name).splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            lines.append(stripped)
    return lines


def read_table(package: str, name: str) -> list[list[str]]:
    """Rows of a tab-separated data file (comments and blank lines skipped)."""
    return [line.split("\t") for line in read_lines(package, name)]
