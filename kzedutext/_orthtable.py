"""A table of per-word values looked up for a whole document at once.

Pipeline components that decide from a token's text alone (its lemma, or whether it
may end a sentence) compute the answer once per distinct text and keep it under
the text's orth hash. Looking 600 hashes up in a Python dict one by one costs a
fifth of the tokenizer's time, so the hashes also sit in a numpy array of buckets
(bucket = low bits of the hash) of two records each, a record holding a hash and
its values side by side: a document's ``ORTH`` array finds nearly all its values
in one vectorised gather that touches one bucket per token. Only hashes that found
both records of their bucket taken go through the dict; texts not seen before are
computed in Python.

>>> from spacy.strings import StringStore
>>> strings = StringStore(["білім", "."])
>>> table = OrthTable(lambda text: (len(text), text.isalpha()), width=2, strings=strings)
>>> import numpy as np
>>> table.lookup(np.array([strings["білім"], strings["."], strings["білім"]], dtype="uint64")).tolist()
[[5, 1], [1, 0], [5, 1]]
>>> len(table)
2
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

_MIN_BUCKETS = 1 << 11
_MAX_BUCKETS = 1 << 20  # words beyond half of this are found through the dict


class OrthTable:
    """Rows of ``width`` unsigned 64-bit values per orth hash, computed by ``compute(text)`` on first sight.

    Args:
        compute: the row for a token text (a sequence of ``width`` integers in [0, 2**64)).
        width: number of values per row.
        strings: the ``StringStore`` that turns an orth hash back into its text.
        max_size: when more distinct texts than this arrive, the table starts afresh
            (memory stays bounded on an endless stream of new words).

    Raises:
        ValueError: when ``width`` or ``max_size`` is not a positive integer.
    """

    def __init__(self, compute: Callable[[str], Sequence[int]], *, width: int, strings,
                 max_size: int = 1_000_000) -> None:
        if not isinstance(width, int) or width < 1:
            raise ValueError(f"width must be a positive integer, got {width!r}")
        if not isinstance(max_size, int) or max_size < 1:
            raise ValueError(f"max_size must be a positive integer, got {max_size!r}")
        self.compute = compute
        self.width = width
        self.strings = strings
        self.max_size = max_size
        self._clear()

    def _clear(self) -> None:
        self._index: dict[int, int] = {}  # orth hash -> row of _values
        self._values = np.zeros((1024, self.width), dtype=np.uint64)
        self._buckets = _empty_buckets(_MIN_BUCKETS, self.width)  # bucket -> 2 x [hash, values...]

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, orths: np.ndarray) -> np.ndarray:
        """The ``(len(orths), width)`` uint64 values of a 1-d uint64 array of orth hashes."""
        orths = np.asarray(orths, dtype=np.uint64)
        records = self._buckets.take(orths.view(np.int64) & (len(self._buckets) - 1), axis=0)
        values = records[:, 0, 1:]
        missed = np.flatnonzero(records[:, 0, 0] != orths)
        if missed.size:  # try the second record of the bucket
            second = records[missed, 1]
            found = second[:, 0] == orths[missed]
            values[missed[found]] = second[found, 1:]
            missed = missed[~found]
        if missed.size:
            wanted = orths[missed].tolist()
            try:
                rows = list(map(self._index.__getitem__, wanted))
            except KeyError:
                self._learn(wanted)
                rows = list(map(self._index.__getitem__, wanted))
            values[missed] = self._values[rows]
        return values

    def _learn(self, orths: list[int]) -> None:
        """Compute and add the rows of the hashes in ``orths`` that are not in the table."""
        new = [orth for orth in dict.fromkeys(orths) if orth not in self._index]
        if len(self._index) + len(new) > self.max_size:
            self._clear()
            new = list(dict.fromkeys(orths))  # the caller wants rows for all of them
        index = self._index
        start, need = len(index), len(index) + len(new)
        if need > len(self._values):
            grown = np.zeros((max(need, 2 * len(self._values)), self.width), dtype=np.uint64)
            grown[:start] = self._values[:start]
            self._values = grown
        strings = self.strings
        for row, orth in enumerate(new, start):
            self._values[row] = self.compute(strings[orth])
            index[orth] = row
        buckets = len(self._buckets)
        while 2 * need > buckets and buckets < _MAX_BUCKETS:  # at most a quarter of the records in use
            buckets *= 2
        if buckets > len(self._buckets):
            self._buckets = _empty_buckets(buckets, self.width)
            self._place(np.fromiter(index, dtype=np.uint64, count=need), np.arange(need))
        else:
            self._place(np.array(new, dtype=np.uint64), np.arange(start, need))

    def _place(self, keys: np.ndarray, rows: np.ndarray) -> None:
        """Put ``keys`` (in learning order) into free records of their buckets; the first one wins."""
        mask = len(self._buckets) - 1
        for record in (0, 1):
            buckets = keys.view(np.int64) & mask
            # an empty record's hash does not belong to its bucket
            free = (self._buckets[buckets, record, 0].view(np.int64) & mask) != buckets
            taken, first = np.unique(buckets[free], return_index=True)
            placed = np.flatnonzero(free)[first]
            self._buckets[taken, record, 0] = keys[placed]
            self._buckets[taken, record, 1:] = self._values[rows[placed]]
            left = np.ones(len(keys), dtype=bool)
            left[placed] = False
            keys, rows = keys[left], rows[left]


def _empty_buckets(n: int, width: int) -> np.ndarray:
    """``n`` empty buckets of two records of ``1 + width`` uint64: the hash, then the values.

    An empty record's hash is its bucket's number with the last bit flipped: a hash
    whose low bits point to bucket ``b`` never equals ``b ^ 1``, so it never matches.
    """
    buckets = np.zeros((n, 2, 1 + width), dtype=np.uint64)
    buckets[:, :, 0] = (np.arange(n, dtype=np.uint64) ^ np.uint64(1))[:, None]
    return buckets
