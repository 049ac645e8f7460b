"""``KazakhVectorizer``: raw Kazakh strings -> one sparse matrix of weighted features.

Six TF-IDF blocks side by side, each L2-normalised:

- character n-grams (within word boundaries) of the normalised, lower-cased text:
  robust to spelling variants and to words the lemmatiser does not know;
- lemma n-grams (:mod:`kzedutext.ml.analysis`): inflected forms of one word count
  together, stop words left out;
- character n-grams of the lemma string: stems shared by related words
  (``бағала-``, ``бағалау``);
- word prefixes (the first ``prefix_length`` letters of every word): a crude stem
  that needs no lexicon, so inflected forms of words the lemmatiser does not know
  (names, rare terms) still count together. On KazQAD it raised 5-fold CV accuracy on
  the validation questions from 0.746 to 0.774 (see ``benchmarks/bench_themes.py``);
- proper nouns (:func:`~kzedutext.ml.analysis.proper_noun_string`: capitalised words
  and acronyms, their lemma's first ``proper_noun_length`` letters): names of people,
  places and states tell history from history and literature apart better when they
  are not lost among all the other lemmas. On KazQAD it raised repeated 5-fold CV
  accuracy on the validation questions from 0.778 to 0.785 (3 repeats) and from 0.775
  to 0.778 (5 other repeats); on the KazQAD test questions it changed nothing (0.770),
  and SIB-200 train CV went 0.736 -> 0.732;
- place scopes (:func:`~kzedutext.text.places.place_scopes`): one token per place or
  people name found by the gazetteer, ``kz``, ``near`` or ``world``. A question on
  world history names a state, city or people that no training question named
  (Пруссия, Версаль, испан), and the scope says "abroad" whatever the name. On KazQAD
  it raised 5x5-fold CV accuracy on the validation questions from 0.772 to 0.793 (all
  five repeats up); SIB-200 train CV went 0.732 -> 0.736.

It is a scikit-learn transformer: ``__init__`` only stores the parameters, so it
survives ``clone``, ``GridSearchCV`` and pickling.

>>> vec = KazakhVectorizer().fit(["Оқушылар кітап оқиды.", "Мұғалім сабақ береді."])
>>> vec.transform(["Оқушының кітабы"]).shape[0]
1
>>> "lemma:оқушы" in vec.get_feature_names_out()
True
>>> "prefix:оқушы" in vec.get_feature_names_out()  # оқушылар, оқушының -> оқушы
True
>>> [f for f in KazakhVectorizer().fit(["Абай Семейде оқыды"]).get_feature_names_out() if f.startswith("name:")]
['name:абай', 'name:семей']
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from ..text.normalize import normalize
from ..text.places import place_scopes
from .analysis import _WORD, lemma_string, proper_noun_string


def _prepare(text: str) -> str:
    return normalize(text).lower()


def _split(text: str) -> list[str]:
    return text.split()


def prefix_string(text: str, *, length: int = 5) -> str:
    """The first ``length`` letters of every word of a prepared (normalised, lower-cased) text.

    >>> prefix_string("оқушылар кітап оқиды 2024", length=5)
    'оқушы кітап оқиды'
    >>> prefix_string("")
    ''
    """
    return " ".join(m.group()[:length] for m in _WORD.finditer(text) if not m.group().isdigit())


class KazakhVectorizer(TransformerMixin, BaseEstimator):
    """Character and lemma TF-IDF features of raw Kazakh strings.

    Args:
        char_ngram_range: n-gram sizes over the text's characters (``None`` turns the block off).
        lemma_ngram_range: n-gram sizes over lemmas (``None`` turns the block off).
        lemma_char_ngram_range: n-gram sizes over the lemma string's characters (``None``: off).
        stop_words: leave Kazakh function words out of the lemma blocks.
        sublinear_tf: use 1 + log(tf).
        prefix_length: letters kept of every word in the prefix block (``None``: off).
        proper_noun_length: letters kept of every proper noun's lemma in the name block
            (``None``: off).
        places: add the place-scope block (``False``: off).
        min_df: minimum document frequency for every block.
    """

    def __init__(self, *, char_ngram_range=(1, 4), lemma_ngram_range=(1, 1),
                 lemma_char_ngram_range=(2, 5), prefix_length=5, proper_noun_length=6, places=True,
                 stop_words=True, sublinear_tf=True, min_df=1):
        self.char_ngram_range = char_ngram_range
        self.lemma_ngram_range = lemma_ngram_range
        self.lemma_char_ngram_range = lemma_char_ngram_range
        self.prefix_length = prefix_length
        self.proper_noun_length = proper_noun_length
        self.places = places
        self.stop_words = stop_words
        self.sublinear_tf = sublinear_tf
        self.min_df = min_df

    #: blocks added after the first release, and the value that turns each off: a model
    #: pickled by an older kzedutext has no such attribute and was fitted without the block
    _LATER_BLOCKS = {"prefix_length": None, "proper_noun_length": None, "places": False}

    def __setstate__(self, state):
        for name, off in self._LATER_BLOCKS.items():
            state.setdefault(name, off)
        super().__setstate__(state)

    def _blocks(self) -> list[tuple[str, TfidfVectorizer, str]]:
        blocks = []
        common = {"sublinear_tf": self.sublinear_tf, "min_df": self.min_df, "lowercase": False}
        if self.char_ngram_range is not None:
            blocks.append(("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngram_range),
                                                   **common), "text"))
        if self.lemma_ngram_range is not None:
            blocks.append(("lemma", TfidfVectorizer(analyzer="word", tokenizer=_split, token_pattern=None,
                                                    ngram_range=tuple(self.lemma_ngram_range), **common), "lemma"))
        if self.lemma_char_ngram_range is not None:
            blocks.append(("lchar", TfidfVectorizer(analyzer="char_wb",
                                                    ngram_range=tuple(self.lemma_char_ngram_range), **common), "lemma"))
        if self.prefix_length is not None:
            if isinstance(self.prefix_length, bool) or not isinstance(self.prefix_length, int) or self.prefix_length < 1:
                raise ValueError(f"prefix_length must be a positive int or None, got {self.prefix_length!r}")
            blocks.append(("prefix", TfidfVectorizer(analyzer="word", tokenizer=_split, token_pattern=None,
                                                     **common), "prefix"))
        if self.proper_noun_length is not None:
            if (isinstance(self.proper_noun_length, bool) or not isinstance(self.proper_noun_length, int)
                    or self.proper_noun_length < 1):
                raise ValueError(f"proper_noun_length must be a positive int or None, got {self.proper_noun_length!r}")
            blocks.append(("name", TfidfVectorizer(analyzer="word", tokenizer=_split, token_pattern=None,
                                                   **common), "name"))
        if not isinstance(self.places, bool):
            raise ValueError(f"places must be True or False, got {self.places!r}")
        if self.places:
            blocks.append(("place", TfidfVectorizer(analyzer="word", tokenizer=_split, token_pattern=None,
                                                    **common), "place"))
        if not blocks:
            raise ValueError("KazakhVectorizer needs at least one feature block; all six are off")
        return blocks

    def _inputs(self, X) -> dict[str, list[str]]:
        texts = _check_texts(X)
        prepared = [_prepare(t) for t in texts]
        inputs = {"text": prepared}
        if self.lemma_ngram_range is not None or self.lemma_char_ngram_range is not None:
            inputs["lemma"] = [lemma_string(t, stop_words=self.stop_words) for t in texts]
        if self.prefix_length is not None:
            inputs["prefix"] = [prefix_string(t, length=self.prefix_length) for t in prepared]
        if self.proper_noun_length is not None:
            inputs["name"] = [proper_noun_string(t, length=self.proper_noun_length) for t in texts]
        if self.places:
            inputs["place"] = [" ".join(place_scopes(t)) for t in texts]
        return inputs

    def fit(self, X, y=None):
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X, y=None):
        blocks = self._blocks()
        inputs = self._inputs(X)
        if not inputs["text"]:
            raise ValueError("KazakhVectorizer.fit needs at least one text, got an empty list")
        self.vectorizers_ = []
        mats = []
        for name, vec, source in blocks:
            if not any(inputs[source]):  # e.g. no proper noun in any training text: nothing to learn
                continue
            mats.append(vec.fit_transform(inputs[source]))
            self.vectorizers_.append((name, vec, source))
        if not mats:
            raise ValueError("KazakhVectorizer.fit found no words in any text")
        self.n_features_out_ = sum(m.shape[1] for m in mats)
        return sp.hstack(mats, format="csr")

    def transform(self, X):
        check_is_fitted(self, "vectorizers_")
        inputs = self._inputs(X)
        if not inputs["text"]:
            return sp.csr_matrix((0, self.n_features_out_))
        return sp.hstack([vec.transform(inputs[source]) for _, vec, source in self.vectorizers_], format="csr")

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "vectorizers_")
        return np.asarray([f"{name}:{f}" for name, vec, _ in self.vectorizers_
                           for f in vec.get_feature_names_out()], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _check_texts(X) -> list[str]:
    if isinstance(X, str):
        raise ValueError("expected a list of texts, got a single str; wrap it in a list")
    texts = list(X)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise ValueError(f"text {i} is a {type(t).__name__}, not a str")
    return texts
