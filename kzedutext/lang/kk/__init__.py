"""The Kazakh language for spaCy: ``spacy.blank("kk")``.

Registered through the ``spacy_languages`` entry point, so spaCy finds it without
importing kzedutext first. In spaCy's own style: a small ``Defaults`` class and one
module per capability (punctuation, tokenizer exceptions, stop words, lexical
attributes), each reading its word list from ``data/``.

>>> import spacy
>>> nlp = spacy.blank("kk")
>>> nlp.lang, [t.text for t in nlp("Білім – болашақ кілті.")]
('kk', ['Білім', '–', 'болашақ', 'кілті', '.'])
"""

from spacy.language import BaseDefaults, Language
from spacy.util import load_config_from_str

from . import sentencizer as _sentencizer  # noqa: F401  (registers "kk_sentencizer")
from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .stop_words import STOP_WORDS
from .tokenizer import KazakhTokenizer, create_kazakh_tokenizer  # noqa: F401
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS

DEFAULT_CONFIG = """
[nlp]

[nlp.tokenizer]
@tokenizers = "kzedutext.KazakhTokenizer.v1"
"""


class KazakhDefaults(BaseDefaults):
    config = load_config_from_str(DEFAULT_CONFIG)
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


#: longest text (characters) a Kazakh pipeline takes: spaCy's default of 1,000,000 guards
#: the memory of a parser and NER, which this pipeline does not have (a 50 MB file, the
#: batch limit, holds about 30 million characters)
MAX_LENGTH = 60_000_000


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults

    def __init__(self, *args, max_length: int = MAX_LENGTH, **kwargs) -> None:
        super().__init__(*args, max_length=max_length, **kwargs)


__all__ = ["Kazakh", "KazakhTokenizer"]
