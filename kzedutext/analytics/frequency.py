"""Frequency list by lemma (or form) with dispersion across documents.

Dispersion is Juilland's D over the documents (1 = spread evenly, 0 = all in one
document), computed from each document's relative frequency.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> docs = [nlp("Мектеп пен мектептің оқушысы."), nlp("Мектепке бардым. Кітап оқыдым.")]
>>> rows = frequency(docs)
>>> [(r.term, r.count, r.n_docs) for r in rows[:2]]
[('мектеп', 3, 2), ('бар', 1, 1)]
>>> frequency([])
[]
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ._docs import as_docs
from .terms import check_by, doc_terms


@dataclass(frozen=True)
class FrequencyRow:
    """A term, its count, count per million words, documents it occurs in, Juilland's D."""

    term: str
    count: int
    per_million: float
    n_docs: int
    dispersion: float


def juilland_d(shares: list[float]) -> float:
    """Juilland's D from a term's relative frequency in each part (1.0 for a single part).

    >>> juilland_d([0.1, 0.1, 0.1]), juilland_d([0.3, 0.0, 0.0])
    (1.0, 0.0)
    """
    n = len(shares)
    mean = sum(shares) / n if n else 0.0
    if n < 2 or mean == 0:
        return 1.0 if n == 1 else 0.0
    sd = math.sqrt(sum((s - mean) ** 2 for s in shares) / n)
    return round(max(0.0, 1.0 - (sd / mean) / math.sqrt(n - 1)), 10)


def frequency(
    docs, *, by: str = "lemma", stop_words: bool = False, min_count: int = 1, top: int | None = None
) -> list[FrequencyRow]:
    """Terms by descending count (ties alphabetical); stop words left out unless ``stop_words=True``."""
    check_by(by)
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    if top is not None and top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    per_doc = [Counter(doc_terms(d, by=by, stop_words=stop_words)) for d in as_docs(docs)]
    total = Counter()
    for c in per_doc:
        total.update(c)
    n_words = sum(total.values())
    sizes = [sum(c.values()) or 1 for c in per_doc]
    rows = [
        FrequencyRow(
            term,
            n,
            round(n * 1_000_000 / n_words, 2),
            sum(1 for c in per_doc if term in c),
            round(juilland_d([c[term] / size for c, size in zip(per_doc, sizes, strict=True)]), 4),
        )
        for term, n in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
        if n >= min_count
    ]
    return rows[:top] if top else rows
