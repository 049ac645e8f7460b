"""Cluster documents: lemma TF-IDF, LSA, then KMeans or agglomerative (Ward) clustering.

LSA keeps ``n_components`` dimensions (default: three per cluster). With ``k=None``
the number of clusters is chosen by the best silhouette (cosine) over ``k_range``, on
a seeded sample of 4,000 documents in larger corpora. Each cluster gets a readable
label from its characteristic lemmas.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> texts = ["Бағалау критерийі мен бағалау әдісі.", "Критерийлік бағалау әдісі.",
...          "Бала ойын ойнайды.", "Балалар ойынды жақсы көреді."]
>>> result = cluster([nlp(t) for t in texts], k=2)
>>> result.labels[0] == result.labels[1] != result.labels[2] == result.labels[3]
True
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.metrics import silhouette_score

from .labels import bigram_counts, label_phrase
from .vectors import lemma_lists, lsa, n_distinct, tfidf_of_lemmas

METHODS = ("kmeans", "agglomerative")


@dataclass(frozen=True)
class ClusterResult:
    """Cluster of each document, the k used, silhouette by k tried, a label and top terms per cluster."""

    labels: tuple[int, ...]
    k: int
    silhouettes: dict[int, float]
    names: tuple[str, ...]
    top_terms: tuple[tuple[str, ...], ...]
    vectors: np.ndarray


#: above this many documents the silhouette is computed on a seeded sample of this size:
#: it needs all pairwise distances (5 s per k at 10,000 documents, 0.2 s on the sample)
SILHOUETTE_SAMPLE = 4000


#: Ward clustering stores n * (n - 1) / 2 distances: 1.6 GB at 20,000 documents
MAX_WARD_DOCS = 20_000


def _silhouette(vectors: np.ndarray, labels: np.ndarray, *, random_state: int) -> float:
    """Cosine silhouette of a clustering, on a seeded sample of ``SILHOUETTE_SAMPLE`` documents
    when there are more."""
    sample = SILHOUETTE_SAMPLE if len(vectors) > SILHOUETTE_SAMPLE else None
    return round(float(silhouette_score(vectors, labels, metric="cosine", sample_size=sample,
                                        random_state=random_state)), 4)


def _fit(vectors: np.ndarray, k: int, method: str, random_state: int) -> np.ndarray:
    if method == "kmeans":
        return KMeans(k, n_init=10, random_state=random_state).fit_predict(vectors)
    return AgglomerativeClustering(k, linkage="ward").fit_predict(vectors)


def cluster(
    docs,
    *,
    k: int | None = None,
    method: str = "kmeans",
    k_range: tuple[int, int] = (2, 10),
    n_components: int | None = None,
    min_df: int = 1,
    random_state: int = 0,
) -> ClusterResult:
    """Cluster ``docs`` (a Corpus or spaCy Docs); see the module docstring.

    ``k`` larger than the number of distinct documents is lowered to it, with a warning.
    With ``k=None``, fewer than three documents make one cluster; three or more that all
    have the same content words cannot be told apart, which is a ValueError (pass ``k=1``
    to get them as one cluster). Documents without any content word are a ValueError
    whatever ``k``.
    """
    if method not in METHODS:
        raise ValueError(f"method={method!r}; choose one of {METHODS}")
    if k is not None and k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if k_range[0] < 2 or k_range[1] < k_range[0]:
        raise ValueError(f"k_range must be (low >= 2, high >= low), got {k_range}")
    lists = lemma_lists(docs)
    if method == "agglomerative" and len(lists) > MAX_WARD_DOCS:
        gb = len(lists) * (len(lists) - 1) / 2 * 8 / 1e9
        raise ValueError(f"Ward clustering keeps every pairwise distance: about {gb:.1f} GB for {len(lists):,} "
                         f"documents (the limit is {MAX_WARD_DOCS:,}); use method='kmeans' for a corpus this size")
    if not lists:
        return ClusterResult((), 0, {}, (), (), np.zeros((0, 0)))
    dtm = tfidf_of_lemmas(lists, min_df=min_df, keep_common=True)
    if n_components is None:  # few dimensions keep the main contrasts; 3 per cluster worked best on KazQAD
        n_components = 3 * (k if k is not None else k_range[1])
    vectors = lsa(dtm.matrix, n_components=n_components, random_state=random_state)  # ValueError without terms
    n = len(lists)
    distinct = n_distinct(vectors)  # the points the clustering sees (LSA can merge a few documents)
    silhouettes: dict[int, float] = {}
    if k is None:
        if n >= 3 and n_distinct(dtm.matrix) < 2:  # (fewer than three documents are one cluster, as always)
            raise ValueError(
                f"the {n} documents have the same content words, so there is nothing to tell apart; "
                "pass k=1 to get them as one cluster"
            )
        best = None
        for kk in range(k_range[0], min(k_range[1], n - 1, distinct) + 1):
            labels = _fit(vectors, kk, method, random_state)
            if len(set(labels)) > 1:
                silhouettes[kk] = _silhouette(vectors, labels, random_state=random_state)
                if best is None or silhouettes[kk] > silhouettes[best[0]]:
                    best = (kk, labels)
        k, labels = best if best else (1, np.zeros(n, dtype=int))
    else:
        if k > distinct:
            what = "documents" if distinct == n else f"documents the vectors tell apart (of {n})"
            warnings.warn(f"k={k} is more than the {distinct} {what}; using k={distinct}", stacklevel=2)
            k = distinct
        labels = _fit(vectors, k, method, random_state) if k > 1 else np.zeros(n, dtype=int)
    names, tops = _describe(dtm, labels, k, lists)
    return ClusterResult(tuple(int(x) for x in labels), k, silhouettes, names, tops, vectors)


def _describe(dtm, labels, k, lists) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    matrix = dtm.matrix
    overall = np.asarray(matrix.mean(axis=0)).ravel()
    bigrams = bigram_counts(lists)
    names, tops = [], []
    for c in range(k):
        rows = np.flatnonzero(labels == c)
        inside = np.asarray(matrix[rows].mean(axis=0)).ravel() if len(rows) else overall
        order = np.argsort(-(inside - overall))[:10]
        terms = [dtm.terms[j] for j in order if inside[j] > 0]
        tops.append(tuple(terms))
        names.append(label_phrase(terms, bigrams))
    return tuple(names), tuple(tops)
