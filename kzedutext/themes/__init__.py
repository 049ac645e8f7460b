"""Themes: the taxonomy, the zero-training scorer and the ``kk_themes`` component.

>>> import kzedutext as kz
>>> "twelve_year_model" in kz.THEMES
True
>>> doc = kz.load()("Критериалды бағалау жүйесінде дескрипторлар маңызды.")
>>> max(doc.cats, key=doc.cats.get)
'assessment'
"""

from __future__ import annotations

from .scorer import (
    LEVELS,
    Calibration,
    TermEvidence,
    ThemeExplanation,
    ThemeResult,
    ThemeScorer,
    score_texts,
)
from .taxonomy import THEMES, Taxonomy, Term, Theme, load_taxonomy

__all__ = [
    "LEVELS",
    "THEMES",
    "Calibration",
    "Taxonomy",
    "Term",
    "TermEvidence",
    "Theme",
    "ThemeExplanation",
    "ThemeResult",
    "ThemeScorer",
    "load_taxonomy",
    "score_texts",
]
