"""Clusters, a 2-D map and reuse pairs of the documents read, for the report.

Reuses :func:`kzedutext.explore.cluster.cluster`, :func:`kzedutext.explore.docmap.doc_map`
and :func:`kzedutext.find_reuse`. Only each document's lemmas are kept for
clustering (a small spaCy Doc of its content lemmas), not the processed Docs, so
memory grows with the vocabulary, not with the token count.

>>> texts = ["Бағалау критерийі мен бағалау әдісі сабақта.", "Критериалды бағалау әдісі.",
...          "Бала ойын ойнайды.", "Балалар ойынды жақсы көреді."]
>>> result = explore_texts(texts, seed=0, k=2)
>>> result.clusters.labels[0] == result.clusters.labels[1] != result.clusters.labels[2]
True
>>> result.points.shape, result.pairs
((4, 2), ())
>>> explore_texts([]).points.shape
(0, 2)
>>> explore_texts(["", "", ""]).clusters.k  # nothing to cluster on: no clusters, no error
0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from ..analytics.terms import doc_terms
from ..explore.cluster import ClusterResult, cluster
from ..explore.docmap import doc_map
from ..pipeline import DEFAULT_PIPELINE, load
from ..reuse.detect import ReusePair, find_reuse

_NO_CLUSTERS = ClusterResult((), 0, {}, (), (), np.zeros((0, 0)))


@dataclass(frozen=True)
class Exploration:
    """Cluster of each text, its map position (n, 2) and the reuse pairs (positions in the texts)."""

    clusters: ClusterResult
    points: np.ndarray
    pairs: tuple[ReusePair, ...]


def _lemma_docs(texts: Sequence[str], *, n_process: int) -> list[Doc]:
    """One small Doc per text holding only its content lemmas (what clustering reads)."""
    nlp = load(disable=tuple(n for n in DEFAULT_PIPELINE if n != "kk_lemmatizer"))
    out = []
    for doc in nlp.pipe(texts, batch_size=32, n_process=n_process):
        terms = doc_terms(doc)
        out.append(Doc(nlp.vocab, words=terms, lemmas=terms) if terms else Doc(nlp.vocab, words=[]))
    return out


def explore_texts(
    texts: Sequence[str],
    *,
    seed: int = 0,
    k: int | None = None,
    max_k: int = 8,
    reuse_threshold: float = 0.02,
    min_words: int = 20,
    n_process: int = 1,
) -> Exploration:
    """Cluster ``texts`` (best k by silhouette up to ``max_k`` unless ``k``), map them, find reuse."""
    if max_k < 2:
        raise ValueError(f"max_k must be at least 2, got {max_k}")
    if k is not None and k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    texts = list(texts)
    if not texts:
        return Exploration(_NO_CLUSTERS, np.zeros((0, 2)), ())
    pairs = tuple(find_reuse(texts, threshold=reuse_threshold, min_words=min_words, n_process=n_process))
    docs = _lemma_docs(texts, n_process=n_process)
    if len(texts) < 3 and k is None:
        k = 1  # too few documents for a silhouette
    try:
        result = cluster(docs, k=k, k_range=(2, max_k), random_state=seed)
    except ValueError:  # no term left to cluster on (empty or identical texts): no clusters, no map
        return Exploration(_NO_CLUSTERS, np.zeros((len(texts), 2)), pairs)
    points = doc_map(result.vectors, random_state=seed) if len(result.vectors) else np.zeros((len(texts), 2))
    return Exploration(result, points, pairs)
