"""kzedutext: analyse Kazakh pedagogical writing with spaCy.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> [t.text for t in nlp("Кәсіби құзыреттілік, т.б.")]
['Кәсіби', 'құзыреттілік', ',', 'т.б.']
>>> kz.lemmatize("құзыреттілігін")
'құзыреттілік'
>>> kz.read("Кіріспе\\n\\nБұл мақала оқыту туралы.".encode()).language
'kk'
"""

from .corpus import Corpus
from .ingest import (
    CorruptFileError,
    Document,
    EmptyFileError,
    FileTooLargeError,
    NotTextError,
    ReadError,
    ReaderUnavailableError,
    UnreadableFileError,
    UnsupportedFormatError,
    read,
    redact,
)
from .lang.kk import Kazakh
from .morph import Analysis, analyze, lemmatize
from .pipeline import load
from .reuse import find_reuse
from .terms import Mention, Ontology, discover_terms, extract_competencies, extract_terms, term_table
from .text.normalize import normalize, normalize_with_offsets, normalize_word
from .text.places import PlaceMention, find_places, load_gazetteer
from .themes import THEMES, ThemeScorer, load_taxonomy

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Corpus",
    "CorruptFileError",
    "Document",
    "EmptyFileError",
    "FileTooLargeError",
    "Kazakh",
    "Mention",
    "NotTextError",
    "Ontology",
    "PlaceMention",
    "ReadError",
    "ReaderUnavailableError",
    "THEMES",
    "ThemeScorer",
    "UnreadableFileError",
    "UnsupportedFormatError",
    "__version__",
    "analyze",
    "discover_terms",
    "extract_competencies",
    "extract_terms",
    "find_places",
    "find_reuse",
    "lemmatize",
    "load",
    "load_gazetteer",
    "load_taxonomy",
    "normalize",
    "normalize_with_offsets",
    "normalize_word",
    "read",
    "redact",
    "term_table",
]
