"""Shingle hashes of a word sequence, and winnowed fingerprints for the candidate index.

A shingle is ``k`` consecutive words (lemma ids). Its 64-bit hash is computed
with numpy for the whole document at once. Winnowing (Schleimer, Wilkerson and
Aiken 2003) keeps the smallest hash of every window of ``w`` shingles: any
shared run of ``w + k - 1`` words is sure to share a fingerprint, and only
about ``2 / (w + 1)`` of the shingles are kept.

>>> import numpy as np
>>> ids = np.array([1, 2, 3, 4, 5, 1, 2, 3, 4], dtype=np.uint64)
>>> h = shingle_hashes(ids, k=4)
>>> len(h), bool(h[0] == h[5]), bool(h[0] == h[1])
(6, True, False)
>>> set(winnow(h, w=2).tolist()) <= set(h.tolist())
True
>>> shingle_hashes(ids[:3], k=4).size
0
"""

from __future__ import annotations

import numpy as np

_PRIME = np.uint64(1099511628211)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the polynomial hash over all 64 bits."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def shingle_hashes(ids: np.ndarray, *, k: int) -> np.ndarray:
    """Hash of every run of ``k`` ids (uint64, ``len(ids) - k + 1`` of them; empty when shorter)."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    n = len(ids) - k + 1
    if n <= 0:
        return np.empty(0, dtype=np.uint64)
    ids = np.asarray(ids, dtype=np.uint64) + np.uint64(1)
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * _PRIME + ids[j : j + n]
        return _mix(h)


def winnow(hashes: np.ndarray, *, w: int) -> np.ndarray:
    """The distinct minima of every window of ``w`` consecutive hashes."""
    if w < 1:
        raise ValueError(f"w must be at least 1, got {w}")
    if hashes.size == 0:
        return hashes
    if hashes.size <= w:
        return np.unique(hashes.min(keepdims=True))
    return np.unique(np.lib.stride_tricks.sliding_window_view(hashes, w).min(axis=1))
