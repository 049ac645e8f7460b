"""The stem lexicon: which lemmas exist, with which part of speech, and how common.

The shipped lexicon (``data/lexicon.tsv``) is built by ``scripts/build_lexicon.py``
from openly licensed sources (see ``data/SOURCES.md``); ``data/forms.tsv`` holds
word forms whose analysis a human annotator chose in those sources. Users add their
own lemmas with :meth:`Lexicon.add` or a file of the same format.

>>> lex = Lexicon.default()
>>> "NOUN" in lex.pos("мектеп"), "VERB" in lex.pos("оқы")
(True, True)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .._data import read_table

NOMINAL_POS = frozenset({"NOUN", "ADJ", "PROPN", "PRON", "NUM", "ADV", "DET", "ADP"})
VERBAL_POS = frozenset({"VERB", "AUX"})
UPOS = NOMINAL_POS | VERBAL_POS | frozenset({"CCONJ", "SCONJ", "PART", "INTJ", "X"})


@dataclass(frozen=True)
class SeenForm:
    """A word form with the analysis annotators gave it most often."""

    lemma: str
    upos: str
    feats: tuple[str, ...]
    count: int


class Lexicon:
    """Lemma → {upos: weight}; weights are corpus counts plus a floor per source."""

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, float]] = {}
        self.forms: dict[str, SeenForm] = {}

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Lexicon:
        lex = cls()
        lex.add_rows(read_table("kzedutext.morph", "lexicon.tsv"))
        lex.add_rows(read_table("kzedutext.morph", "pedagogy_lexicon.tsv"), weight=3.0)
        for form, lemma, upos, feats, count in read_table("kzedutext.morph", "forms.tsv"):
            lex.add_form(form, lemma, upos, feats, count=int(count))
        for form, lemma, upos, feats in read_table("kzedutext.morph", "irregular_forms.tsv"):
            lex.add_form(form, lemma, upos, feats, count=1_000)
        return lex

    def add_form(self, form: str, lemma: str, upos: str, feats: str = "_", *, count: int = 1) -> None:
        """Fix the analysis of one word form (irregular or attested forms)."""
        if upos not in UPOS:
            raise ValueError(f"unknown part of speech {upos!r}: use one of {sorted(UPOS)}")
        self.forms[form.lower()] = SeenForm(lemma, upos, () if feats == "_" else tuple(feats.split("|")), count)

    def add(self, lemma: str, upos: str, *, weight: float = 1.0) -> None:
        """Add (or strengthen) a lemma; ``upos`` is a Universal Dependencies tag."""
        if upos not in UPOS:
            raise ValueError(f"unknown part of speech {upos!r}: use one of {sorted(UPOS)}")
        key = lemma.lower()
        by_pos = self._entries.setdefault(key, {})
        by_pos[upos] = by_pos.get(upos, 0.0) + weight

    def add_rows(self, rows: Iterable[list[str]], *, weight: float | None = None) -> None:
        """Add ``lemma, upos[, weight, ...]`` rows (the lexicon file format)."""
        for row in rows:
            if len(row) < 2:
                raise ValueError(f"lexicon row needs at least lemma and upos, got {row!r}")
            w = weight if weight is not None else (float(row[2]) if len(row) > 2 and row[2] else 1.0)
            self.add(row[0], row[1], weight=w)

    def add_file(self, path: str | Path) -> None:
        """Add a user file of ``lemma<TAB>upos[<TAB>weight]`` lines (``#`` comments)."""
        rows = []
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                rows.append(line.rstrip("\n").split("\t"))
        self.add_rows(rows)

    def copy(self, *, forms: bool = True) -> Lexicon:
        """A copy (sharing nothing mutable); ``forms=False`` drops the attested-form table."""
        new = Lexicon()
        new._entries = {k: dict(v) for k, v in self._entries.items()}
        new.forms = dict(self.forms) if forms else {}
        return new

    def pos(self, lemma: str) -> dict[str, float]:
        """``{upos: weight}`` for a lemma (empty if unknown)."""
        return self._entries.get(lemma, {})

    def score(self, lemma: str, pos_set: frozenset[str]) -> tuple[float, str] | None:
        """Best ``(log weight, upos)`` of ``lemma`` among ``pos_set``; ``None`` if absent."""
        entry = self._entries.get(lemma)
        if not entry:
            return None
        best = None
        for upos, weight in entry.items():
            if upos in pos_set and (best is None or weight > best[1]):
                best = (upos, weight)
        if best is None:
            return None
        return math.log1p(best[1]), best[0]

    def __contains__(self, lemma: str) -> bool:
        return lemma in self._entries

    def __len__(self) -> int:
        return len(self._entries)
