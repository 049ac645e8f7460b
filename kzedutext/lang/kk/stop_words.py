"""Kazakh stop words (function words only), from ``data/stop_words.txt``.

>>> from kzedutext.lang.kk.stop_words import STOP_WORDS
>>> "және" in STOP_WORDS, "білім" in STOP_WORDS
(True, False)
"""

from ..._data import read_lines

STOP_WORDS: set[str] = set(read_lines("kzedutext.lang.kk", "stop_words.txt"))
