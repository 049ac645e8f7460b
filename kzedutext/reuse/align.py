"""Shared passages of two documents from their shingle hashes.

Matching shingles are chained into passages: a match extends a passage when it
follows the passage's last match by at most ``max_gap`` words in both documents.
Gaps let a passage run through reworded words (a synonym, an inserted word);
passages may sit in a different order in the two documents.

>>> import numpy as np
>>> from kzedutext.reuse.fingerprints import shingle_hashes
>>> a = np.arange(40, dtype=np.uint64)
>>> b = np.concatenate([np.arange(100, 110), a[5:15], [999], a[16:30]]).astype(np.uint64)
>>> align(shingle_hashes(a, k=3), shingle_hashes(b, k=3), k=3, max_gap=6)
[Span(a_start=5, a_end=30, b_start=10, b_end=35)]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, order=True)
class Span:
    """Word positions ``[start, end)`` of one shared passage in a and in b."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int


def _matches(ha: np.ndarray, hb: np.ndarray, *, max_repeats: int) -> list[tuple[int, int]]:
    """(i, j) for every shingle ``ha[i] == hb[j]``, ordered by i then j; a shingle repeated more
    than ``max_repeats`` times in either text (a formula of the field) carries no evidence, and
    asking it of both texts keeps the result independent of which text is a."""
    common = np.intersect1d(ha, hb)
    if common.size == 0:
        return []
    ia = np.flatnonzero(np.isin(ha, common))
    order_a = np.sort(ha[ia])
    in_a = np.searchsorted(order_a, ha[ia], side="right") - np.searchsorted(order_a, ha[ia], side="left")
    order_b = np.argsort(hb, kind="stable")  # positions of b grouped by hash, ascending within
    sorted_b = hb[order_b]
    left = np.searchsorted(sorted_b, ha[ia], side="left")
    right = np.searchsorted(sorted_b, ha[ia], side="right")
    keep = ((right - left) <= max_repeats) & (in_a <= max_repeats)
    ia, left, right = ia[keep], left[keep], right[keep]
    if ia.size == 0:
        return []
    sizes = right - left
    firsts = np.repeat(left - np.concatenate([[0], np.cumsum(sizes)[:-1]]), sizes)
    js = order_b[firsts + np.arange(sizes.sum())]
    return list(zip(np.repeat(ia, sizes).tolist(), js.tolist(), strict=True))


def align(ha: np.ndarray, hb: np.ndarray, *, k: int, max_gap: int = 8, max_repeats: int = 4) -> list[Span]:
    """Passages shared by two shingle-hash sequences, in word positions, ordered by position in a."""
    if max_gap < 1:
        raise ValueError(f"max_gap must be at least 1, got {max_gap}")
    chains: list[list[int]] = []  # [a_first, b_first, a_last, b_last]
    for i, j in _matches(ha, hb, max_repeats=max_repeats):
        for chain in chains:
            if 0 < i - chain[2] <= max_gap and 0 < j - chain[3] <= max_gap:
                chain[2], chain[3] = i, j
                break
        else:
            chains.append([i, j, i, j])
    spans = sorted(Span(c[0], c[2] + k, c[1], c[3] + k) for c in chains)
    merged: list[Span] = []
    for s in spans:  # chains of one passage that split on a repeated shingle: merge
        last = merged[-1] if merged else None
        if last and s.a_start <= last.a_end and s.b_start <= last.b_end and s.b_end >= last.b_start:
            merged[-1] = Span(
                last.a_start, max(last.a_end, s.a_end), min(last.b_start, s.b_start), max(last.b_end, s.b_end)
            )
        else:
            merged.append(s)
    return merged
