"""Kazakh morphology: a suffix grammar, a stem lexicon and an analyser.

>>> from kzedutext.morph import analyze, lemmatize
>>> lemmatize("сауаттылығын"), lemmatize("біліктілігін"), lemmatize("мектебі")
('сауаттылық', 'біліктілік', 'мектеп')
>>> a = analyze("оқушылардың")[0]
>>> a.lemma, a.upos, a.feats_str
('оқушы', 'NOUN', 'Case=Gen|Number=Plur')
"""

from __future__ import annotations

from .analyzer import Analysis, Analyzer
from .component import KazakhLemmatizer
from .grammar import Grammar
from .lexicon import Lexicon


def analyze(word: str) -> list[Analysis]:
    """All analyses of one word, best first: lemma, part of speech (UD), features (UD)."""
    return Analyzer.default().analyze(word)


def lemmatize(word: str) -> str:
    """The lemma of one word (cached): ``lemmatize("құзыреттілігін") == "құзыреттілік"``."""
    return Analyzer.default().lemmatize(word)


__all__ = ["Analysis", "Analyzer", "Grammar", "KazakhLemmatizer", "Lexicon", "analyze", "lemmatize"]
