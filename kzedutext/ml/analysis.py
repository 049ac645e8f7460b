"""Turn a raw Kazakh string into the lemma string the vectorisers read.

One job: normalise (NFC, Latin look-alike letters, і/i), split into words, lower-case,
lemmatise with :func:`kzedutext.lemmatize`, drop stop words, and replace numbers by a
length class (``<num4>`` for a year such as 1991), so that "мектептің", "мектепте" and
"мектебі" all count as ``мектеп``.

>>> lemma_string("Мұғалімдеріміздің кәсіби құзыреттілігі 2020 жылы артты.")
'мұғалім кәсіби құзыреттілік <num4> жыл арт'
>>> lemma_string("")
''
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang.kk.stop_words import STOP_WORDS
from ..morph import lemmatize
from ..text.normalize import normalize

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    return lemmatize(word).lower()


def lemma_tokens(text: str, *, stop_words: bool = True, numbers: bool = True) -> list[str]:
    """Lemmas of the words of ``text``, lower-cased.

    Args:
        stop_words: drop Kazakh function words (``және``, ``бұл``, ...) when True.
        numbers: keep numbers as ``<numN>`` (N digits) when True, drop them when False.
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, got {type(text).__name__}")
    out: list[str] = []
    for match in _WORD.finditer(normalize(text)):
        word = match.group().lower()
        if word.isdigit():
            if numbers:
                out.append(f"<num{min(len(word), 5)}>")
            continue
        lemma = _lemma(word)
        if stop_words and (word in STOP_WORDS or lemma in STOP_WORDS):
            continue
        out.append(lemma)
    return out


def lemma_string(text: str, *, stop_words: bool = True, numbers: bool = True) -> str:
    """:func:`lemma_tokens` joined by single spaces."""
    return " ".join(lemma_tokens(text, stop_words=stop_words, numbers=numbers))
