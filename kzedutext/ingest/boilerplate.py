"""Remove the text a web page wraps around a pasted article.

Rules come from ``data/boilerplate.tsv`` (see its header): paragraphs dropped
anywhere (``Предпросмотр``, download counters, "DOC"), a preview marker after which
the article starts, markers after which only the site's text follows, and menu
lines. Besides the menu patterns, when the text shows signs of a web copy (a
marker, a menu line, site widgets) the leading run of short lines (before the
first real paragraph) loses every line whose language is not the article's: a
Kazakh article copied from a Russian site loses the Russian navigation.

>>> result = remove_boilerplate(
...     ["Главная", "Занятия с детьми", "Мұғалімнің кәсіби дамуы туралы мақала мәтіні осы жерден басталады", "Предпросмотр"],
...     ["ru", "ru", "kk", "ru"], language="kk")
>>> result.kept
(2,)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .._data import read_table

_PKG = "kzedutext.ingest"
_RULES = ("drop", "start", "end", "nav")
#: a paragraph with at least this many words ends the leading run of menu lines
LONG_PARAGRAPH_WORDS = 12


@dataclass(frozen=True)
class Boilerplate:
    """Which paragraphs are the article (``kept``) and which were the site's (``removed``)."""

    kept: tuple[int, ...]
    removed: tuple[int, ...]


@lru_cache(maxsize=1)
def rules() -> dict[str, re.Pattern]:
    """One compiled whole-paragraph pattern per rule of ``data/boilerplate.tsv``."""
    parts: dict[str, list[str]] = {rule: [] for rule in _RULES}
    for row in read_table(_PKG, "boilerplate.tsv"):
        if len(row) != 2 or row[0] not in parts:
            raise ValueError(
                f"boilerplate.tsv: bad row {row!r}; expected '<rule>\\t<regex>' with rule in {_RULES}"
            )
        parts[row[0]].append(f"(?:{row[1]})")
    return {
        rule: re.compile("|".join(pats) or r"(?!)", re.IGNORECASE) for rule, pats in parts.items()
    }


def _norm(paragraph: str) -> str:
    return " ".join(paragraph.split()).strip(" .:;,!|-–—•")


def remove_boilerplate(
    paragraphs: list[str] | tuple[str, ...],
    languages: list[str] | tuple[str, ...],
    *,
    language: str,
) -> Boilerplate:
    """Split paragraph indexes into article and site text (see the module docstring).

    ``languages`` holds one code per paragraph; ``language`` is the article's.
    """
    if len(paragraphs) != len(languages):
        raise ValueError(f"got {len(paragraphs)} paragraphs but {len(languages)} languages")
    r = rules()
    n = len(paragraphs)
    norm = [_norm(p) for p in paragraphs]
    first, last = 0, n
    for i, p in enumerate(norm[: (n + 1) // 2]):
        if r["start"].fullmatch(p):
            first = i + 1
    for i in range(n - 1, max(first, n // 2) - 1, -1):
        if r["end"].fullmatch(norm[i]):
            last = i
    removed = set(range(first)) | set(range(last, n))
    # only a page that shows signs of a web copy loses its leading lines by language
    web_copy = first > 0 or last < n or any(r["nav"].fullmatch(p) for p in norm[first:last])
    web_copy = web_copy or sum(1 for p in norm if r["drop"].fullmatch(p) and not p.isdigit()) >= 2
    leading = True
    for i in range(first, last):
        p = norm[i]
        if len(p.split()) >= LONG_PARAGRAPH_WORDS:
            leading = False
        if r["drop"].fullmatch(p) or not p:
            removed.add(i)
        elif leading and (r["nav"].fullmatch(p) or (web_copy and languages[i] not in (language, "other"))):
            removed.add(i)
    kept = tuple(i for i in range(n) if i not in removed)
    return Boilerplate(kept, tuple(sorted(removed)))
