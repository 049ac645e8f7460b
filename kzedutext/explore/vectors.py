"""Lemma TF-IDF and its LSA reduction: the document vectors clustering and maps use.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> docs = [nlp(t) for t in ["Мектептің оқушысы.", "Мектепке оқушылар келді.", "Бала ойнайды."]]
>>> m = lemma_tfidf(docs, min_df=1)
>>> m.matrix.shape[0], "мектеп" in m.terms
(3, True)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from ..analytics._docs import as_docs
from ..analytics.terms import doc_terms


@dataclass(frozen=True)
class DocTermMatrix:
    """Sparse TF-IDF matrix (documents x terms) and the terms of its columns."""

    matrix: object
    terms: tuple[str, ...]


def n_distinct(vectors) -> int:
    """How many different rows ``vectors`` (dense or sparse) has: documents with the same
    content words count once.

    >>> n_distinct(np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]))
    2
    """
    if sparse.issparse(vectors):
        rows = sparse.csr_matrix(vectors)
        rows.sort_indices()
        return len(
            {
                (rows.indices[a:b].tobytes(), np.round(rows.data[a:b], 9).tobytes())
                for a, b in zip(rows.indptr[:-1], rows.indptr[1:], strict=True)
            }
        )
    if len(vectors) == 0:
        return 0
    return len(np.unique(np.round(np.asarray(vectors, dtype=float), 9), axis=0))


def lemma_lists(docs) -> list[list[str]]:
    """Each document's content lemmas (stop words and punctuation left out)."""
    return [doc_terms(d) for d in as_docs(docs)]


def lemma_tfidf(docs, *, min_df: int = 2, max_df: float = 0.9, sublinear_tf: bool = True) -> DocTermMatrix:
    """TF-IDF over lemmas (so word forms do not scatter the counts)."""
    return tfidf_of_lemmas(lemma_lists(docs), min_df=min_df, max_df=max_df, sublinear_tf=sublinear_tf)


def tfidf_of_lemmas(
    lists, *, min_df: int = 2, max_df: float = 0.9, sublinear_tf: bool = True, keep_common: bool = False
) -> DocTermMatrix:
    """TF-IDF of ready lemma lists; falls back to ``min_df=1`` when a tiny corpus would leave no term,
    and, with ``keep_common=True``, to the terms found in every document when identical
    documents would leave none (so they can still be put in one cluster or on one map).

    >>> tfidf_of_lemmas([["мектеп", "оқушы"]] * 3).terms, tfidf_of_lemmas([["мектеп"]] * 3, keep_common=True).terms
    ((), ('мектеп',))
    """
    ceiling = max_df if len(lists) > 2 else 1.0
    tries = ((min_df, ceiling), (1, ceiling)) + (((1, 1.0),) if keep_common else ())
    for floor, top in tries:
        vec = TfidfVectorizer(analyzer=lambda x: x, min_df=floor, max_df=top, sublinear_tf=sublinear_tf)
        try:
            matrix = vec.fit_transform(lists)
            return DocTermMatrix(matrix, tuple(vec.get_feature_names_out()))
        except ValueError:  # no term left at this min_df
            continue
    return DocTermMatrix(np.zeros((len(lists), 0)), ())


def lsa(matrix, *, n_components: int = 30, random_state: int = 0) -> np.ndarray:
    """L2-normalised LSA vectors (truncated SVD of the TF-IDF matrix); fewer components for small input.

    A matrix without terms (no document has a content word) is refused with a ValueError.
    """
    if matrix.shape[1] == 0:
        raise ValueError(
            f"nothing to compare: none of the {matrix.shape[0]} documents has a content word "
            "(empty texts, or texts in another language than Kazakh)"
        )
    n = min(n_components, matrix.shape[0] - 1, matrix.shape[1] - 1)
    if n < 1:
        return normalize(np.asarray(matrix.todense() if hasattr(matrix, "todense") else matrix, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):  # explained variance of identical rows is 0 / 0
        return normalize(TruncatedSVD(n, random_state=random_state).fit_transform(matrix))
