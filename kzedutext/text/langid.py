"""Which language a paragraph is in: ``kk`` (Kazakh), ``ru`` (Russian), ``en`` or ``other``.

Kazakh and Russian share the Cyrillic alphabet, and Kazakh is often typed without
its own letters (``білім`` as ``билим``), so the decision is a vote of the words:

* a word with a Kazakh-specific letter (ә ғ қ ң ө ұ ү һ і) votes Kazakh;
* a function word from ``data/langid_words.tsv`` (``және``, ``үшін``; ``и``,
  ``что``) votes for its language;
* any other Cyrillic word votes with the log-likelihood ratio of its character
  1-3-grams under a Kazakh and a Russian profile, clipped to [-1, 1]. The profiles
  are built at import from the sample sentences in ``data/langid_kk.txt`` and
  ``data/langid_ru.txt``, with Kazakh letters folded to their Russian look-alikes
  (ә→а, і→и, ...), so Kazakh without the special letters is still recognised.

Latin-script paragraphs are ``en`` when English function words make up a good
share of the words and no accented Latin letters appear; anything else (other
scripts, numbers only, URLs, German or French) is ``other``.

>>> identify("Мұғалім сабақты жоспарлайды.")
'kk'
>>> identify("Мугалим сабакты жоспарлайды.")   # typed without Kazakh letters
'kk'
>>> identify("Учитель планирует урок.")
'ru'
>>> identify("The teacher plans the lesson.")
'en'
>>> identify("2021-2022")
'other'
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .._data import read_lines, read_table
from .normalize import normalize_word

_PKG = "kzedutext.text"

#: Language codes this module returns.
LANGUAGES = ("kk", "ru", "en", "other")

#: Letters of the Kazakh alphabet that Russian does not have.
KAZAKH_LETTERS = frozenset("әғқңөұүһі")

#: How Kazakh letters are typed on a Russian keyboard.
_FOLD = str.maketrans("әғқңөұүһіё", "агкноуухие")

_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_MAX_N = 3
_SMOOTHING = 0.5
_SCALE = 0.6  # mean log-ratio per n-gram that counts as a full vote


def fold_kazakh(text: str) -> str:
    """Lower-case ``text`` and replace Kazakh-specific letters by their Russian look-alikes.

    >>> fold_kazakh("Құзыреттілік")
    'кузыреттилик'
    """
    return text.lower().translate(_FOLD)


def _grams(word: str) -> list[str]:
    padded = f"^{word}$"
    return [padded[i : i + n] for n in range(1, _MAX_N + 1) for i in range(len(padded) - n + 1)]


@dataclass(frozen=True)
class _Profile:
    log_prob: dict[str, float]
    unseen: float

    @classmethod
    def from_lines(cls, lines: list[str]) -> _Profile:
        counts: Counter[str] = Counter()
        for line in lines:
            for word in _WORD_RE.findall(fold_kazakh(line)):
                counts.update(_grams(word))
        total = sum(counts.values())
        vocab = len(counts) + 1
        denom = total + _SMOOTHING * vocab
        return cls(
            {g: math.log((c + _SMOOTHING) / denom) for g, c in counts.items()},
            math.log(_SMOOTHING / denom),
        )

    def score(self, grams: list[str]) -> float:
        lp, unseen = self.log_prob, self.unseen
        return sum(lp.get(g, unseen) for g in grams)


_KK = _Profile.from_lines(read_lines(_PKG, "langid_kk.txt"))
_RU = _Profile.from_lines(read_lines(_PKG, "langid_ru.txt"))
_FUNCTION_WORDS: dict[str, str] = {}
for _word, _lang in read_table(_PKG, "langid_words.tsv"):
    _FUNCTION_WORDS[fold_kazakh(_word) if _lang == "kk" else _word] = _lang
_EN_WORDS = frozenset(w for w, lang in _FUNCTION_WORDS.items() if lang == "en")


@dataclass(frozen=True)
class LanguageGuess:
    """The language of a text and the evidence for it.

    ``kk_votes`` and ``ru_votes`` are the summed word votes (Cyrillic words only);
    ``confidence`` is in [0, 1]: how one-sided the vote was.
    """

    language: str
    confidence: float
    kk_votes: float = 0.0
    ru_votes: float = 0.0
    n_words: int = 0


@lru_cache(maxsize=100_000)  # a paper repeats its words: each is scored once
def _word_vote(word: str) -> float:
    """Positive for Kazakh, negative for Russian, in [-1, 1]."""
    if not KAZAKH_LETTERS.isdisjoint(word):
        return 1.0
    folded = word.translate(_FOLD)
    lang = _FUNCTION_WORDS.get(folded)
    if lang == "kk":
        return 1.0
    if lang == "ru":
        return -1.0
    grams = _grams(folded)
    ratio = (_KK.score(grams) - _RU.score(grams)) / len(grams)
    return max(-1.0, min(1.0, ratio / _SCALE))


def guess(text: str) -> LanguageGuess:
    """The language of ``text`` with the votes behind it (see the module docstring).

    >>> g = guess("Бұл мақалада оқыту әдістері қарастырылады.")
    >>> g.language, g.confidence > 0.5
    ('kk', True)
    """
    if not isinstance(text, str):
        raise TypeError(f"guess() takes a str, not {type(text).__name__}")
    words = [normalize_word(w) for w in _WORD_RE.findall(_URL_RE.sub(" ", text))]
    n_cyr = n_lat = n_accented = n_other = 0
    for word in words:
        for ch in word:
            if "\u0400" <= ch <= "\u052f":
                n_cyr += 1
            elif "a" <= ch <= "z":
                n_lat += 1
            elif "\u00c0" <= ch <= "\u024f":
                n_lat += 1
                n_accented += 1
            else:
                n_other += 1
    if not words or max(n_cyr, n_lat, n_other) == n_other:
        return LanguageGuess("other", 1.0 if not words else 0.5, n_words=len(words))
    if n_lat > n_cyr:
        latin = [w.lower() for w in words if w.isascii()]
        share = sum(w in _EN_WORDS for w in latin) / max(1, len(latin))
        needed = 0.15 if len(latin) >= 5 else 0.5
        # a short line led by an English word is English: "Keywords: teacher, competence."
        led = bool(latin) and latin[0] in _EN_WORDS and len(latin) <= 12
        if (share >= needed or led) and n_accented <= 0.01 * n_lat:
            return LanguageGuess("en", min(1.0, share / needed / 2), n_words=len(words))
        return LanguageGuess("other", 0.5, n_words=len(words))
    kk = ru = 0.0
    n = 0
    for word in words:
        if word.isascii():
            continue  # Latin terms (Kahoot, STEM) say nothing about kk vs ru
        vote = _word_vote(word)
        n += 1
        if vote > 0:
            kk += vote
        else:
            ru -= vote
    language = "kk" if kk >= ru else "ru"
    confidence = abs(kk - ru) / max(kk + ru, 1e-9)
    return LanguageGuess(language, round(confidence, 3), round(kk, 3), round(ru, 3), n)


def identify(text: str) -> str:
    """The language code of ``text``: ``"kk"``, ``"ru"``, ``"en"`` or ``"other"``."""
    return guess(text).language


def identify_paragraphs(paragraphs: list[str] | tuple[str, ...]) -> list[str]:
    """One language code per paragraph.

    >>> identify_paragraphs(["Кіріспе", "Введение", ""])
    ['kk', 'ru', 'other']
    """
    return [identify(p) for p in paragraphs]
