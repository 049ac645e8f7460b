"""A table of per-word values looked up for a whole document at once.

Pipeline components that decide from a token's text alone (its lemma, or whether it
may end a sentence) compute the answer once per distinct text and keep it under
the text's orth hash. Looking 600 hashes up in a Python dict one by one costs a
fifth of the tokenizer's time, so the hashes also sit in a direct-mapped numpy
array (slot = low bits of the hash): a document's ``ORTH`` array finds nearly all
its rows in three vectorised gathers, and only the few hashes that lost their slot
to another word go through the dict. Texts not seen before are computed in Python.

>>> from spacy.strings import StringStore
>>> strings = StringStore(["білім", "."])
>>> table = OrthTable(lambda text: (len(text), text.isalpha()), width=2,
...                   strings=strings, dtype="int64")
>>> import numpy as np
>>> table.lookup(np.array([strings["білім"], strings["."], strings["білім"]], dtype="uint64")).tolist()
[[5, 1], [1, 0], [5, 1]]
>>> len(table)
2
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

_MIN_SLOTS = 1 << 12
_MAX_SLOTS = 1 << 21  # 32 MB of slots; words beyond that are found through the dict


class OrthTable:
    """Rows of ``width`` values per orth hash, computed by ``compute(text)`` on first sight.

    Args:
        compute: the row for a token text (a sequence of ``width`` integers).
        width: number of values per row.
        strings: the ``StringStore`` that turns an orth hash back into its text.
        dtype: numpy dtype of the values.

    Raises:
        ValueError: when ``width`` is not a positive integer.
    """

    def __init__(self, compute: Callable[[str], Sequence[int]], *, width: int, strings,
                 dtype: str = "uint64") -> None:
        if not isinstance(width, int) or width < 1:
            raise ValueError(f"width must be a positive integer, got {width!r}")
        self.compute = compute
        self.width = width
        self.strings = strings
        self._index: dict[int, int] = {}  # orth hash -> row
        self._values = np.zeros((1024, width), dtype=dtype)  # row -> values
        self._keys, self._rows = _empty_slots(_MIN_SLOTS)

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, orths: np.ndarray) -> np.ndarray:
        """The ``(len(orths), width)`` values of a 1-d uint64 array of orth hashes."""
        orths = np.asarray(orths, dtype="uint64")
        slots = orths.view("int64") & (len(self._keys) - 1)
        rows = self._rows[slots]
        missed = np.flatnonzero(self._keys[slots] != orths)
        if missed.size:
            wanted = orths[missed].tolist()
            try:
                rows[missed] = list(map(self._index.__getitem__, wanted))
            except KeyError:
                self._learn(wanted)
                rows[missed] = list(map(self._index.__getitem__, wanted))
        return self._values.take(rows, axis=0)

    def _learn(self, orths: list[int]) -> None:
        """Compute and add the rows of the hashes in ``orths`` that are not in the table."""
        index = self._index
        new = [orth for orth in dict.fromkeys(orths) if orth not in index]
        start, need = len(index), len(index) + len(new)
        if need > len(self._values):
            grown = np.zeros((max(need, 2 * len(self._values)), self.width), dtype=self._values.dtype)
            grown[:start] = self._values[:start]
            self._values = grown
        strings = self.strings
        for row, orth in enumerate(new, start):
            self._values[row] = self.compute(strings[orth])
            index[orth] = row
        slots = len(self._keys)
        while 4 * need > slots and slots < _MAX_SLOTS:  # at most a quarter of the slots in use
            slots *= 2
        if slots > len(self._keys):
            self._keys, self._rows = _empty_slots(slots)
            self._place(np.fromiter(index, dtype="uint64", count=need), np.arange(need))
        else:
            self._place(np.array(new, dtype="uint64"), np.arange(start, need))

    def _place(self, keys: np.ndarray, rows: np.ndarray) -> None:
        """Put ``keys`` (in learning order) into their free slots; the first one wins a slot."""
        slots = keys.view("int64") & (len(self._keys) - 1)
        free = self._rows[slots] < 0
        taken, first = np.unique(slots[free], return_index=True)
        self._keys[taken] = keys[free][first]
        self._rows[taken] = rows[free][first]


def _empty_slots(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` empty slots: keys and rows (-1).

    An empty slot's key is its own number with the last bit flipped: a hash whose
    low bits point to slot ``s`` never equals ``s ^ 1``, so an empty slot never matches.
    """
    return np.arange(n, dtype="uint64") ^ np.uint64(1), np.full(n, -1, dtype="int64")
