"""kzedutext: analyse Kazakh pedagogical writing with spaCy.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> [t.text for t in nlp("Кәсіби құзыреттілік, т.б.")]
['Кәсіби', 'құзыреттілік', ',', 'т.б.']
>>> kz.lemmatize("құзыреттілігін")
'құзыреттілік'

"""

from .lang.kk import Kazakh
from .morph import Analysis, analyze, lemmatize
from .pipeline import load
from .text.normalize import normalize, normalize_with_offsets, normalize_word

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Kazakh",
    "analyze",
    "lemmatize",
    "load", "normalize", "normalize_with_offsets", "normalize_word", "__version__"]
