"""Competency and pedagogy terms: the ontology, the ``kk_terms`` component, extraction, discovery.

>>> import kzedutext as kz
>>> [m.canonical for m in kz.extract_competencies("Кәсіби және жеке құзіреттіліктерді дамыту.")]
['кәсіби құзыреттілік', 'жеке құзыреттілік']
"""

from __future__ import annotations

from .component import TermMatcher
from .discovery import Candidate, discover_terms
from .extract import Mention, TermCount, TermTable, extract_competencies, extract_terms, term_table
from .ontology import Category, Concept, Family, Ontology

__all__ = [
    "Candidate",
    "Category",
    "Concept",
    "Family",
    "Mention",
    "Ontology",
    "TermCount",
    "TermMatcher",
    "TermTable",
    "discover_terms",
    "extract_competencies",
    "extract_terms",
    "term_table",
]
