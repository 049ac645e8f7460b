"""``TextClassifier``: a scikit-learn classifier that takes raw Kazakh strings.

Features come from :class:`~kzedutext.ml.features.KazakhVectorizer` (characters,
lemmas without stop words, lemma characters). Two linear models read them and their
probabilities are averaged: a class-balanced logistic regression and a multinomial
naive Bayes (which is strong on short texts with few examples per class).

- **multi-class:** ``y`` is a list of labels; ``predict`` returns labels.
- **multi-label:** ``y`` is a list of label lists (or a 0/1 indicator matrix);
  ``predict`` returns a 0/1 indicator matrix whose columns are ``classes_``, and
  :meth:`TextClassifier.predict_labels` returns tuples of labels. A row given as a
  bare string is one label (``"оқу"`` is ``["оқу"]``); a ``None``, ``NaN`` or ``""``
  row has no labels (``[]``). A single label in all of ``y`` works too: one column.
- **unlabelled texts** (multi-class only): a ``None``, ``""`` or ``NaN`` label (how
  pandas reads an empty cell) marks a text without a label. With
  ``self_training_rounds > 0`` the model labels them itself, keeps those it is sure
  of (probability ≥ ``self_training_threshold``) and is fitted again; with 0 rounds
  they only inform the TF-IDF statistics. Self-training is multi-class only: with
  multi-label ``y``, ``self_training_rounds > 0`` is ignored with a ``UserWarning``.

It follows scikit-learn's rules: ``__init__`` stores parameters, ``fit`` returns
``self``, learned state ends in ``_``, and it survives ``clone``, ``GridSearchCV``
and pickling.

>>> texts = ["Оқушылар кітап оқиды", "Кітап оқу пайдалы", "Футбол ойыны басталды", "Ойыншылар футбол ойнады"]
>>> clf = TextClassifier().fit(texts, ["оқу", "оқу", "спорт", "спорт"])
>>> clf.predict(["Балалар кітапты оқыды", "Футболшылар ойнады"]).tolist()
['оқу', 'спорт']
>>> clf.predict_proba(["кітап"]).shape
(1, 2)
"""

from __future__ import annotations

import contextlib
import math
import warnings

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.naive_bayes import MultinomialNB
from sklearn.preprocessing import MultiLabelBinarizer
from sklearn.utils.validation import check_is_fitted

from .features import KazakhVectorizer, _check_texts


def _is_unlabelled(label) -> bool:
    """``None``, ``""`` or a float NaN (pandas' empty cell) is no label."""
    if label is None:
        return True
    if isinstance(label, str):
        return label == ""
    return isinstance(label, float | np.floating) and math.isnan(label)


def _label_row(row) -> list:
    """One multi-label row as a list: a bare string is one label, no label is ``[]``."""
    if isinstance(row, str) or not hasattr(row, "__iter__"):
        return [] if _is_unlabelled(row) else [row]
    return [v for v in row if not _is_unlabelled(v)]


# sklearn warnings that are expected on small or sparse label sets: a label column that
# is constant (OneVsRestClassifier, "Label not 3 is present in all training examples")
# and many classes for few texts (type_of_target). They say nothing the user can act on.
_EXPECTED_WARNINGS = (
    r"Label .+ is present in all training examples",
    r"The number of unique classes is greater than 50% of the number of samples",
)


@contextlib.contextmanager
def expected_sklearn_warnings():
    """Silence, inside the block only, the sklearn warnings listed in ``_EXPECTED_WARNINGS``."""
    with warnings.catch_warnings():
        for message in _EXPECTED_WARNINGS:
            warnings.filterwarnings("ignore", message=message, category=UserWarning)
        yield


def _is_multilabel(y) -> bool:
    if isinstance(y, np.ndarray):
        return y.ndim == 2
    if hasattr(y, "toarray"):  # a sparse indicator matrix
        return True
    return any(isinstance(v, list | tuple | set | frozenset | np.ndarray) for v in y)


class TextClassifier(ClassifierMixin, BaseEstimator):
    """Multi-class or multi-label classifier on raw Kazakh texts.

    Args:
        vectorizer: the feature extractor; ``None`` means ``KazakhVectorizer()``.
        C: inverse regularisation of the logistic regression.
        nb_alpha: smoothing of the naive Bayes model.
        nb_weight: weight of naive Bayes in the averaged probabilities (0 = logistic
            regression only, 1 = naive Bayes only).
        class_weight: passed to the logistic regression (``"balanced"`` or ``None``).
        self_training_rounds: rounds of self-training on unlabelled texts (multi-class).
        self_training_threshold: probability a pseudo-label needs to be kept.
        max_iter: iterations of the logistic regression solver.
    """

    def __init__(self, *, vectorizer=None, C=30.0, nb_alpha=0.02, nb_weight=0.3, class_weight="balanced",
                 self_training_rounds=0, self_training_threshold=0.6, max_iter=3000):
        self.vectorizer = vectorizer
        self.C = C
        self.nb_alpha = nb_alpha
        self.nb_weight = nb_weight
        self.class_weight = class_weight
        self.self_training_rounds = self_training_rounds
        self.self_training_threshold = self_training_threshold
        self.max_iter = max_iter

    # -- fitting -------------------------------------------------------------------------------
    def _check_params(self) -> None:
        if not 0.0 <= self.nb_weight <= 1.0:
            raise ValueError(f"nb_weight must be in [0, 1], got {self.nb_weight!r}")
        if self.C <= 0:
            raise ValueError(f"C must be positive, got {self.C!r}")
        if self.nb_alpha <= 0:
            raise ValueError(f"nb_alpha must be positive, got {self.nb_alpha!r}")
        if self.self_training_rounds < 0:
            raise ValueError(f"self_training_rounds must be >= 0, got {self.self_training_rounds!r}")
        if not 0.0 < self.self_training_threshold <= 1.0:
            raise ValueError(f"self_training_threshold must be in (0, 1], got {self.self_training_threshold!r}")

    def _models(self):
        nb = MultinomialNB(alpha=self.nb_alpha)
        if self.multilabel_:
            # one small binary problem per label: liblinear solves each about 10x faster than
            # lbfgs, with the same or better micro-F1 (5-fold CV on tests/data/themes_gold.jsonl:
            # 0.377-0.407 vs 0.362-0.393; training on 33 articles x 16 themes: 2 s instead of 20 s)
            lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter,
                                    solver="liblinear")
            return OneVsRestClassifier(lr), OneVsRestClassifier(nb)
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter), nb

    def fit(self, X, y):
        """Fit on texts ``X`` and labels ``y`` (see the class docstring for the forms of ``y``)."""
        self._check_params()
        texts = _check_texts(X)
        if len(texts) != len(y):
            raise ValueError(f"X has {len(texts)} texts but y has {len(y)} labels")
        if not texts:
            raise ValueError("TextClassifier.fit needs at least one text, got an empty list")
        self.multilabel_ = _is_multilabel(y)
        if self.multilabel_ and self.self_training_rounds > 0:
            warnings.warn(f"self_training_rounds={self.self_training_rounds} is ignored with multi-label y: "
                          "self-training is multi-class only", UserWarning, stacklevel=2)
        self.vectorizer_ = clone(self.vectorizer) if self.vectorizer is not None else KazakhVectorizer()
        features = self.vectorizer_.fit_transform(texts)
        with expected_sklearn_warnings():
            if self.multilabel_:
                self._fit_multilabel(features, y)
            else:
                self._fit_multiclass(features, list(y))
        return self

    def _fit_multilabel(self, features, y) -> None:
        if isinstance(y, np.ndarray) or hasattr(y, "toarray"):
            indicator = np.asarray(y.toarray() if hasattr(y, "toarray") else y, dtype=int)
            self._binarizer = None
            self.classes_ = np.arange(indicator.shape[1])
        else:
            self._binarizer = MultiLabelBinarizer()
            indicator = self._binarizer.fit_transform([_label_row(v) for v in y])
            self.classes_ = self._binarizer.classes_
        if indicator.shape[1] < 1:
            raise ValueError("multi-label y has no labels at all")
        if indicator.shape[1] == 1:
            # OneVsRestClassifier reads a single column as a binary problem (2 probability
            # columns, and a column of all 1s comes out as probability 0): add a column that
            # is never set, so it stays multi-label; _proba keeps only the real columns
            indicator = np.hstack([indicator, np.zeros_like(indicator)])
        self.lr_, self.nb_ = self._models()
        self.lr_.fit(features, indicator)
        self.nb_.fit(features, indicator)

    def _fit_multiclass(self, features, y: list) -> None:
        labelled = np.array([not _is_unlabelled(v) for v in y])
        labels = np.array([v for v in y if not _is_unlabelled(v)])
        self.classes_ = np.unique(labels)
        if len(self.classes_) < 2:
            raise ValueError(f"TextClassifier needs at least two classes, got {self.classes_.tolist()}")
        known = features[labelled]
        self.lr_, self.nb_ = self._models()
        self.lr_.fit(known, labels)
        self.nb_.fit(known, labels)
        unlabelled = features[~labelled]
        self.n_pseudo_labels_ = 0
        for _ in range(self.self_training_rounds if unlabelled.shape[0] else 0):
            proba = self._proba(unlabelled)
            sure = proba.max(axis=1) >= self.self_training_threshold
            if not sure.any():
                break
            pseudo = self.classes_[proba[sure].argmax(axis=1)]
            self.n_pseudo_labels_ = int(sure.sum())
            both = _vstack(known, unlabelled[sure])
            all_labels = np.concatenate([labels, pseudo])
            self.lr_, self.nb_ = self._models()
            self.lr_.fit(both, all_labels)
            self.nb_.fit(both, all_labels)

    # -- prediction ----------------------------------------------------------------------------
    def _proba(self, features) -> np.ndarray:
        w = self.nb_weight
        if w == 0.0:
            proba = self.lr_.predict_proba(features)
        elif w == 1.0:
            proba = self.nb_.predict_proba(features)
        else:
            proba = (1.0 - w) * self.lr_.predict_proba(features) + w * self.nb_.predict_proba(features)
        return proba[:, :len(self.classes_)] if self.multilabel_ else proba

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, one column per ``classes_`` entry (independent per label if multi-label)."""
        check_is_fitted(self, "lr_")
        texts = _check_texts(X)
        if not texts:
            return np.zeros((0, len(self.classes_)))
        return self._proba(self.vectorizer_.transform(texts))

    def decision_function(self, X) -> np.ndarray:
        """Averaged probabilities, as the score ranking the classes."""
        return self.predict_proba(X)

    def predict(self, X):
        """Labels (multi-class) or a 0/1 indicator matrix (multi-label) for texts ``X``."""
        proba = self.predict_proba(X)
        if self.multilabel_:
            return (proba >= 0.5).astype(int)
        if not len(proba):
            return np.array([], dtype=self.classes_.dtype)
        return self.classes_[proba.argmax(axis=1)]

    def predict_labels(self, X, *, threshold: float = 0.5) -> list[tuple]:
        """Labels of each text as a tuple: the predicted label, or every label ≥ ``threshold``."""
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
        proba = self.predict_proba(X)
        if not self.multilabel_:
            return [(_plain(self.classes_[row.argmax()]),) for row in proba]
        return [tuple(_plain(c) for c, p in zip(self.classes_, row, strict=True) if p >= threshold) for row in proba]

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _plain(value):
    """A numpy scalar as the Python value (labels go to JSON)."""
    return value.item() if isinstance(value, np.generic) else value


def _vstack(a, b):
    import scipy.sparse as sp

    return sp.vstack([a, b], format="csr")
