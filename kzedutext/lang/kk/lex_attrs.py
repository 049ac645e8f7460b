"""Lexical attributes for Kazakh: ``like_num`` knows Kazakh number words.

>>> from kzedutext.lang.kk.lex_attrs import like_num
>>> [like_num(w) for w in ["12", "7,5", "жиырма", "бесінші", "екеуі", "мектеп"]]
[True, True, True, True, True, False]
"""

from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM, NORM

from ..._data import read_table
from ...text.normalize import normalize_word
from .tokenizer_exceptions import ABBREVIATION_NORMS

#: Kazakh number words -> value.
NUMBER_WORDS: dict[str, float] = {
    word: float(value) for word, value in read_table("kzedutext.lang.kk", "number_words.tsv")
}

_DIGITS = re.compile(r"^[+-]?\d+(?:[.,]\d+)*(?:%)?(?:-[^\W\d_]+)?$")
# ordinal (-ыншы/-інші/-ншы/-нші), collective (-еу/-ау), approximate (-дай/-дей)
# and distributive (-дан/-ден) endings, optionally followed by a possessive
_NUM_SUFFIX = re.compile(r"(?:ыншы|інші|ншы|нші|еу|ау|деген|дай|дей|дан|ден|тан|тен)(?:сы|сі|ы|і)?$")


def like_num(text: str) -> bool:
    """True for digits (``12``, ``7,5``, ``5-сынып``) and Kazakh number words."""
    text = text.lower()
    if _DIGITS.match(text):
        return True
    if text in NUMBER_WORDS:
        return True
    stem = _NUM_SUFFIX.sub("", text)
    if stem != text:
        # екеу <- екі + еу, алтау <- алты + ау: the stem lost its final vowel
        candidates = {stem, stem + "і", stem + "ы"}
        return any(c in NUMBER_WORDS for c in candidates)
    return False


def norm(text: str) -> str:
    """The token's norm: an abbreviation's expansion, else the repaired lower case."""
    return ABBREVIATION_NORMS.get(text) or normalize_word(text)


LEX_ATTRS = {LIKE_NUM: like_num, NORM: norm}
