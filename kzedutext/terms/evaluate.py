"""Score competency mentions against a gold set, next to a plain exact-string matcher.

The gold set is JSON lines: ``{"id", "text", "competencies": [canonical, ...]}``; a
prediction is compared with it as a multiset per text (order and position ignored).

>>> gold = [{"id": "a", "text": "Кәсіби құзыреттілігін дамыту.", "competencies": ["кәсіби құзыреттілік"]}]
>>> score_mentions(gold, predict_with_extractor()).recall
1.0
>>> score_mentions(gold, predict_exact_strings()).recall
0.0
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .ontology import Ontology

Predictor = Callable[[str], list[str]]


@dataclass(frozen=True)
class MentionScore:
    """Micro-averaged precision, recall and F1 over all gold texts."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_gold(path: str | Path) -> list[dict]:
    """The rows of a gold JSON-lines file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_mentions(gold: Iterable[Mapping], predict: Predictor, *, field: str = "competencies") -> MentionScore:
    """Compare ``predict(text)`` with the gold canonical forms of every row."""
    tp = fp = fn = 0
    for row in gold:
        predicted = Counter(predict(row["text"]))
        wanted = Counter(row[field])
        hit = sum((predicted & wanted).values())
        tp += hit
        fp += sum(predicted.values()) - hit
        fn += sum(wanted.values()) - hit
    return MentionScore(tp, fp, fn)


def predict_with_extractor(*, nlp=None) -> Predictor:
    """Our extractor (``kz.extract_competencies``) as a predictor of canonical forms."""
    from .extract import extract_competencies

    return lambda text: [m.canonical for m in extract_competencies(text, nlp=nlp)]


def predict_exact_strings(ontology: Ontology | None = None) -> Predictor:
    """The anchor: find each canonical competency form as an exact (case-blind) string."""
    concepts = (ontology or Ontology.default()).competencies()
    patterns = [
        (c.canonical, re.compile(rf"(?<!\w){re.escape(c.canonical)}(?!\w)", re.IGNORECASE)) for c in concepts
    ]

    def predict(text: str) -> list[str]:
        return [canonical for canonical, pattern in patterns for _ in pattern.finditer(text)]

    return predict
