"""Turn a raw Kazakh string into the lemma string the vectorisers read.

One job: normalise (NFC, Latin look-alike letters, і/i), split into words, lower-case,
lemmatise with :func:`kzedutext.lemmatize`, drop stop words, and replace numbers by a
length class (``<num4>`` for a year such as 1991), so that "мектептің", "мектепте" and
"мектебі" all count as ``мектеп``.

>>> lemma_string("Мұғалімдеріміздің кәсіби құзыреттілігі 2020 жылы артты.")
'мұғалім кәсіби құзыреттілік <num4> жыл арт'
>>> lemma_string("")
''

Proper nouns get a string of their own (:func:`proper_noun_string`): names of people,
places and states are strong topic cues that a bag of all lemmas dilutes.

>>> proper_noun_string("Абай мен Шоқан Омбыда кездесті. ХІХ ғасырда Ресей патшасы")
'абай шоқан омбы ресей'
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang.kk.stop_words import STOP_WORDS
from ..morph import analyze, lemmatize
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


_ROMAN = re.compile(r"[IVXLCDMІХ]+")
_SENTENCE_END = re.compile(r"[.!?…]\W*$")


def _sentence_initial(text: str, start: int, previous: re.Match | None) -> bool:
    if previous is None:
        return True
    if len(previous.group()) == 1:  # an initial such as "А." before a surname
        return False
    return bool(_SENTENCE_END.search(text[previous.end():start]))


def proper_noun_tokens(text: str, *, length: int = 6) -> list[str]:
    """Lemmas (first ``length`` letters, lower-cased) of the capitalised words of ``text``.

    A word counts when it starts with a capital letter, or is an upper-case acronym of
    two or more letters (Roman numerals are left out). At the start of a sentence a
    capital says nothing, so there the word counts only if the analyser's best reading
    is a proper noun (``PROPN``). Single capital letters (initials) are left out.

    >>> proper_noun_tokens("Әскерді Наполеон Мәскеуге бастады", length=6)
    ['наполе', 'мәскеу']
    >>> proper_noun_tokens("КСРО құрамындағы ХХ ғасыр", length=6)
    ['ксро']
    >>> proper_noun_tokens("")
    []
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, got {type(text).__name__}")
    if isinstance(length, bool) or not isinstance(length, int) or length < 1:
        raise ValueError(f"length must be a positive int, got {length!r}")
    text = normalize(text)
    out: list[str] = []
    previous = None
    for match in _WORD.finditer(text):
        word = match.group()
        initial = _sentence_initial(text, match.start(), previous)
        previous = match
        if word.isdigit() or len(word) < 2 or not word[0].isupper() or _ROMAN.fullmatch(word):
            continue
        if initial:
            readings = analyze(word)
            if not readings or readings[0].upos != "PROPN":
                continue
        out.append(_lemma(word.lower())[:length])
    return out


def proper_noun_string(text: str, *, length: int = 6) -> str:
    """:func:`proper_noun_tokens` joined by single spaces."""
    return " ".join(proper_noun_tokens(text, length=length))
