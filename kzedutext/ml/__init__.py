"""Machine learning on raw Kazakh text with scikit-learn.

>>> from kzedutext.ml import TextClassifier, KazakhVectorizer, lemma_string
>>> lemma_string("Мектептердің оқулықтары")
'мектеп оқулық'
"""

from __future__ import annotations

from .analysis import lemma_string, lemma_tokens
from .classifier import TextClassifier
from .features import KazakhVectorizer
from .train import (
    ClassifyRecord,
    ClassifySummary,
    LabelledData,
    MissingTextError,
    TrainReport,
    classify,
    classify_to_file,
    load_labelled,
    load_model,
    save_model,
    train,
    weak_labels,
)

__all__ = [
    "ClassifyRecord",
    "ClassifySummary",
    "MissingTextError",
    "KazakhVectorizer",
    "LabelledData",
    "TextClassifier",
    "TrainReport",
    "classify",
    "classify_to_file",
    "lemma_string",
    "lemma_tokens",
    "load_labelled",
    "load_model",
    "save_model",
    "train",
    "weak_labels",
]
