"""Keyness: terms over- or under-used in a target corpus against a reference.

Log-likelihood (G², Rayson and Garside 2000) says how sure the difference is;
log-ratio (Hardie 2014, binary log of the ratio of relative frequencies, 0.5
added to a zero count) says how big it is. Positive keyness: more frequent in the
target.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> target = [nlp("Бағалау критерийі. Бағалау мен кері байланыс. Бағалау әдісі.")]
>>> reference = [nlp("Мектепке дейінгі бала ойнайды. Бала ойын арқылы үйренеді.")]
>>> rows = keyness(target, reference, min_count=2)
>>> [(r.term, r.target_count, r.reference_count, r.log_ratio > 0) for r in rows]
[('бағалау', 3, 0, True), ('бала', 0, 2, False)]
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ._docs import as_docs
from .terms import check_by, doc_terms

MEASURES = ("llr", "log_ratio")


@dataclass(frozen=True)
class KeynessRow:
    """A term with its counts in target and reference, signed G² and log-ratio."""

    term: str
    target_count: int
    reference_count: int
    llr: float
    log_ratio: float


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """G² for a term seen ``a`` times in ``c`` target words and ``b`` times in ``d`` reference words.

    >>> round(log_likelihood(10, 10, 1000, 1000), 6), log_likelihood(20, 0, 1000, 1000) > 20
    (0.0, True)
    """
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    return 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))


def keyness(
    target,
    reference,
    *,
    by: str = "lemma",
    measure: str = "llr",
    min_count: int = 3,
    top: int | None = None,
) -> list[KeynessRow]:
    """Terms ranked by signed ``measure`` ("llr" or "log_ratio"): key terms of the target first, then
    the ones the target lacks (most negative last). ``min_count`` applies to target + reference."""
    check_by(by)
    if measure not in MEASURES:
        raise ValueError(f"measure={measure!r}; choose one of {MEASURES}")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    ct, cr = Counter(), Counter()
    for d in as_docs(target):
        ct.update(doc_terms(d, by=by))
    for d in as_docs(reference):
        cr.update(doc_terms(d, by=by))
    c, d = sum(ct.values()), sum(cr.values())
    if not c or not d:
        return []
    rows = []
    for term in ct.keys() | cr.keys():
        a, b = ct[term], cr[term]
        if a + b < min_count:
            continue
        ratio = math.log2(((a or 0.5) / c) / ((b or 0.5) / d))
        sign = 1.0 if a / c >= b / d else -1.0
        rows.append(KeynessRow(term, a, b, round(sign * log_likelihood(a, b, c, d), 4), round(ratio, 4)))
    key = (lambda r: r.llr) if measure == "llr" else (lambda r: r.log_ratio)
    rows.sort(key=lambda r: (-key(r), r.term))
    if top:
        positive = [r for r in rows if key(r) > 0][:top]
        negative = [r for r in rows if key(r) < 0][-top:]
        return positive + negative
    return rows
