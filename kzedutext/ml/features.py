"""``KazakhVectorizer``: raw Kazakh strings -> one sparse matrix of weighted features.

Three TF-IDF blocks side by side, each L2-normalised:

- character n-grams (within word boundaries) of the normalised, lower-cased text:
  robust to spelling variants and to words the lemmatiser does not know;
- lemma n-grams (:mod:`kzedutext.ml.analysis`): inflected forms of one word count
  together, stop words left out;
- character n-grams of the lemma string: stems shared by related words
  (``бағала-``, ``бағалау``).

It is a scikit-learn transformer: ``__init__`` only stores the parameters, so it
survives ``clone``, ``GridSearchCV`` and pickling.

>>> vec = KazakhVectorizer().fit(["Оқушылар кітап оқиды.", "Мұғалім сабақ береді."])
>>> vec.transform(["Оқушының кітабы"]).shape[0]
1
>>> "lemma:оқушы" in vec.get_feature_names_out()
True
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.validation import check_is_fitted

from ..text.normalize import normalize
from .analysis import lemma_string


def _prepare(text: str) -> str:
    return normalize(text).lower()


def _split(text: str) -> list[str]:
    return text.split()


class KazakhVectorizer(TransformerMixin, BaseEstimator):
    """Character and lemma TF-IDF features of raw Kazakh strings.

    Args:
        char_ngram_range: n-gram sizes over the text's characters (``None`` turns the block off).
        lemma_ngram_range: n-gram sizes over lemmas (``None`` turns the block off).
        lemma_char_ngram_range: n-gram sizes over the lemma string's characters (``None``: off).
        stop_words: leave Kazakh function words out of the lemma blocks.
        sublinear_tf: use 1 + log(tf).
        min_df: minimum document frequency for every block.
    """

    def __init__(self, *, char_ngram_range=(1, 4), lemma_ngram_range=(1, 1),
                 lemma_char_ngram_range=(2, 5), stop_words=True, sublinear_tf=True, min_df=1):
        self.char_ngram_range = char_ngram_range
        self.lemma_ngram_range = lemma_ngram_range
        self.lemma_char_ngram_range = lemma_char_ngram_range
        self.stop_words = stop_words
        self.sublinear_tf = sublinear_tf
        self.min_df = min_df

    def _blocks(self) -> list[tuple[str, TfidfVectorizer, bool]]:
        blocks = []
        common = {"sublinear_tf": self.sublinear_tf, "min_df": self.min_df, "lowercase": False}
        if self.char_ngram_range is not None:
            blocks.append(("char", TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(self.char_ngram_range),
                                                   **common), False))
        if self.lemma_ngram_range is not None:
            blocks.append(("lemma", TfidfVectorizer(analyzer="word", tokenizer=_split, token_pattern=None,
                                                    ngram_range=tuple(self.lemma_ngram_range), **common), True))
        if self.lemma_char_ngram_range is not None:
            blocks.append(("lchar", TfidfVectorizer(analyzer="char_wb",
                                                    ngram_range=tuple(self.lemma_char_ngram_range), **common), True))
        if not blocks:
            raise ValueError("KazakhVectorizer needs at least one feature block; all three ranges are None")
        return blocks

    def _inputs(self, X) -> tuple[list[str], list[str] | None]:
        texts = _check_texts(X)
        prepared = [_prepare(t) for t in texts]
        needs_lemmas = self.lemma_ngram_range is not None or self.lemma_char_ngram_range is not None
        lemmas = [lemma_string(t, stop_words=self.stop_words) for t in texts] if needs_lemmas else None
        return prepared, lemmas

    def fit(self, X, y=None):
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X, y=None):
        prepared, lemmas = self._inputs(X)
        if not prepared:
            raise ValueError("KazakhVectorizer.fit needs at least one text, got an empty list")
        self.vectorizers_ = []
        mats = []
        for name, vec, on_lemmas in self._blocks():
            mats.append(vec.fit_transform(lemmas if on_lemmas else prepared))
            self.vectorizers_.append((name, vec, on_lemmas))
        self.n_features_out_ = sum(m.shape[1] for m in mats)
        return sp.hstack(mats, format="csr")

    def transform(self, X):
        check_is_fitted(self, "vectorizers_")
        prepared, lemmas = self._inputs(X)
        if not prepared:
            return sp.csr_matrix((0, self.n_features_out_))
        return sp.hstack([vec.transform(lemmas if on_lemmas else prepared)
                          for _, vec, on_lemmas in self.vectorizers_], format="csr")

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
