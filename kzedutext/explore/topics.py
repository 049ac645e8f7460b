"""Topic models on lemmas: NMF (scikit-learn) and LDA (gensim), with coherence.

Coherence is reported as u_mass and c_v (gensim). gensim gives NaN for a topic
whose words never co-occur in the texts (and c_v needs at least two texts); such
topics are left out of the mean, and a score that cannot be computed is None,
never NaN.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> texts = ["Бағалау критерийі мен бағалау әдісі.", "Критерийлік бағалау мен кері байланыс.",
...          "Бала ойын ойнайды.", "Балалар ойынды жақсы көреді, ойын дамытады."]
>>> model = nmf_topics([nlp(t) for t in texts], k=2)
>>> sorted(t.terms[0] for t in model.topics)
['бағалау', 'ойын']
>>> model.doc_topics.shape
(4, 2)
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

from .labels import bigram_counts, label_phrase
from .vectors import lemma_lists, tfidf_of_lemmas


@dataclass(frozen=True)
class Topic:
    """One topic: its top lemmas with weights and a readable label."""

    id: int
    terms: tuple[str, ...]
    weights: tuple[float, ...]
    label: str


@dataclass(frozen=True)
class TopicModel:
    """Topics, the document x topic weights, and coherence (None when it cannot be computed)."""

    topics: tuple[Topic, ...]
    doc_topics: np.ndarray
    coherence_umass: float | None
    coherence_cv: float | None


def _check(k: int, top_n: int) -> None:
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if top_n < 2:
        raise ValueError(f"top_n must be at least 2, got {top_n}")


def coherence(topic_terms: list[list[str]], lists: list[list[str]]) -> tuple[float | None, float | None]:
    """(u_mass, c_v) of the topics over the lemma lists, NaN topics left out; None when none is defined."""
    from gensim.corpora import Dictionary
    from gensim.models.coherencemodel import CoherenceModel

    lists = [x for x in lists if x]
    dictionary = Dictionary(lists)
    topics = [[w for w in t if w in dictionary.token2id] for t in topic_terms]
    topics = [t for t in topics if len(t) >= 2]
    if not topics or len(lists) < 2:
        return None, None
    out = []
    for measure in ("u_mass", "c_v"):
        try:
            cm = CoherenceModel(
                topics=topics,
                texts=lists,
                corpus=[dictionary.doc2bow(x) for x in lists],
                dictionary=dictionary,
                coherence=measure,
                processes=1,
            )
            values = [v for v in cm.get_coherence_per_topic() if v is not None and math.isfinite(v)]
        except (ValueError, ZeroDivisionError, IndexError):  # gensim's degenerate cases
            values = []
        out.append(round(float(np.mean(values)), 4) if values else None)
    return out[0], out[1]


def _topics(weights: np.ndarray, terms, top_n: int, lists) -> tuple[Topic, ...]:
    bigrams = bigram_counts(lists)
    out = []
    for i, row in enumerate(weights):
        order = np.argsort(-row)[:top_n]
        ts = tuple(terms[j] for j in order if row[j] > 0)
        out.append(
            Topic(
                i,
                ts,
                tuple(round(float(row[j]), 4) for j in order if row[j] > 0),
                label_phrase(list(ts), bigrams),
            )
        )
    return tuple(out)


def nmf_topics(docs, *, k: int = 10, top_n: int = 10, min_df: int = 1, random_state: int = 0) -> TopicModel:
    """NMF on lemma TF-IDF."""
    from sklearn.decomposition import NMF

    _check(k, top_n)
    lists = lemma_lists(docs)
    dtm = tfidf_of_lemmas(lists, min_df=min_df)
    if not lists or not dtm.terms:
        return TopicModel((), np.zeros((len(lists), 0)), None, None)
    if k > min(len(lists), len(dtm.terms)):
        usable = min(len(lists), len(dtm.terms))
        warnings.warn(f"k={k} topics is more than NMF can find in {len(lists)} documents with "
                      f"{len(dtm.terms)} terms; using k={usable}", stacklevel=2)
        k = usable
    model = NMF(k, init="nndsvda", random_state=random_state, max_iter=500)
    doc_topics = model.fit_transform(dtm.matrix)
    topics = _topics(model.components_, dtm.terms, top_n, lists)
    umass, cv = coherence([list(t.terms) for t in topics], lists)
    return TopicModel(topics, doc_topics, umass, cv)


def lda_topics(
    docs, *, k: int = 10, top_n: int = 10, passes: int = 10, min_count: int = 1, random_state: int = 0
) -> TopicModel:
    """gensim LDA on lemma bags (lemmas found in fewer than ``min_count`` documents left out:
    gensim's ``no_below`` counts documents, not occurrences)."""
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel

    _check(k, top_n)
    lists = lemma_lists(docs)
    dictionary = Dictionary(lists)
    dictionary.filter_extremes(no_below=min_count, no_above=1.0, keep_n=None)
    bows = [dictionary.doc2bow(x) for x in lists]
    if not lists or len(dictionary) == 0:
        return TopicModel((), np.zeros((len(lists), 0)), None, None)
    if k > len(lists):
        warnings.warn(f"k={k} topics from {len(lists)} documents: most topics will repeat the same "
                      "words; ask for fewer", stacklevel=2)
    lda = LdaModel(bows, num_topics=k, id2word=dictionary, passes=passes, random_state=random_state)
    terms = [dictionary[i] for i in range(len(dictionary))]
    topics = _topics(lda.get_topics(), terms, top_n, lists)
    doc_topics = np.zeros((len(lists), k))
    for d, bow in enumerate(bows):
        for t, w in lda.get_document_topics(bow, minimum_probability=0.0):
            doc_topics[d, t] = w
    umass, cv = coherence([list(t.terms) for t in topics], lists)
    return TopicModel(topics, doc_topics, umass, cv)
