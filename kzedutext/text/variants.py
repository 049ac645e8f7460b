"""Fold spelling variants of a word stem to one standard spelling (a data file, not code).

Applied where words are compared (the term matcher, term discovery); token texts,
norms and lemmas keep the author's spelling.

>>> fold_variants("құзіреттілігін"), fold_variants("құдыреттіліктің"), fold_variants("үрдісі")
('құзыреттілігін', 'құзыреттіліктің', 'үдерісі')
>>> fold_variants("мектеп")
'мектеп'
"""

from __future__ import annotations

from functools import lru_cache

from .._data import read_table


@lru_cache(maxsize=200_000)
def fold_variants(word: str) -> str:
    """``word`` (normalised, lower case) with a variant stem replaced by the standard one."""
    for variant, standard in _variants():
        if word.startswith(variant):
            return standard + word[len(variant) :]
    return word


@lru_cache(maxsize=1)
def _variants() -> tuple[tuple[str, str], ...]:
    rows = [(variant, standard) for variant, standard in read_table("kzedutext.text", "spelling_variants.tsv")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))
