"""Collocations of lemmas within a window, scored with nltk's association measures.

Stop words and punctuation are left out before pairing; a window never crosses a
sentence or a document.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> docs = [nlp("Кәсіби даму маңызды. Кәсіби дамуы үшін оқу керек. Мұғалімнің кәсіби дамуы.")]
>>> [(c.w1, c.w2, c.count) for c in collocations(docs, min_count=2)]
[('кәсіби', 'даму', 3)]
"""

from __future__ import annotations

from dataclasses import dataclass

from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

from ._docs import as_docs
from .ngrams import sentence_terms
from .terms import check_by, query_terms

MEASURES = {
    "pmi": BigramAssocMeasures.pmi,
    "llr": BigramAssocMeasures.likelihood_ratio,
    "t": BigramAssocMeasures.student_t,
}


@dataclass(frozen=True)
class Collocation:
    """A word pair (w1 before w2 within the window), its score under ``measure`` and its count."""

    w1: str
    w2: str
    score: float
    count: int
    measure: str


def collocations(
    docs,
    *,
    measure: str = "llr",
    window: int = 2,
    min_count: int = 3,
    top: int | None = 20,
    node: str | None = None,
    by: str = "lemma",
) -> list[Collocation]:
    """Pairs by descending score; ``window=2`` pairs neighbours, larger windows pair words up to ``window - 1`` apart.

    ``node`` keeps only pairs with that word, lemmatised and spelling-folded as the corpus's
    words are (``"беру"`` and the internal lemma ``"бер"`` both work; see
    :func:`~kzedutext.analytics.terms.query_terms`).
    """
    check_by(by)
    if measure not in MEASURES:
        raise ValueError(f"measure={measure!r}; choose one of {sorted(MEASURES)}")
    if window < 2:
        raise ValueError(f"window must be at least 2, got {window}")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    words: list[str | None] = []
    for doc in as_docs(docs):
        for run in sentence_terms(doc, by=by):
            words.extend(t for t, stop in run if not stop)
            words.extend([None] * (window - 1))  # padding: no pair crosses sentences
    if not any(words):
        return []
    finder = BigramCollocationFinder.from_words(words, window_size=window)
    finder.apply_ngram_filter(lambda w1, w2: w1 is None or w2 is None)
    finder.apply_freq_filter(min_count)
    if node is not None:
        nodes = query_terms(node, by)
        finder.apply_ngram_filter(lambda w1, w2: w1 not in nodes and w2 not in nodes)
    scored = finder.score_ngrams(MEASURES[measure])
    rows = [
        Collocation(w1, w2, round(float(s), 4), finder.ngram_fd[(w1, w2)], measure) for (w1, w2), s in scored
    ]
    return rows[:top] if top else rows
