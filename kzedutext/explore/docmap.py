"""A 2-D map of documents (PCA of their LSA vectors), coloured by cluster, theme or any label.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> docs = [nlp(t) for t in ["Бағалау әдісі.", "Бағалау критерийі.", "Бала ойнайды.", "Ойын баланы дамытады."]]
>>> points = doc_map(docs)
>>> points.shape
(4, 2)
>>> fig = plot_doc_map(points, labels=["a", "a", "b", "b"], names=["1", "2", "3", "4"])
>>> len(fig.axes[0].collections)
2
"""

from __future__ import annotations

import numpy as np

from .vectors import lemma_lists, lsa, n_distinct, tfidf_of_lemmas


def doc_map(docs_or_vectors, *, n_components: int = 30, random_state: int = 0) -> np.ndarray:
    """(n_docs, 2) coordinates: PCA of LSA vectors of lemma TF-IDF, or of the vectors given.

    Documents that cannot be told apart (all with the same content words, or none) are all
    placed at (0, 0).
    """
    from sklearn.decomposition import PCA

    if isinstance(docs_or_vectors, np.ndarray):
        vectors = docs_or_vectors
    else:
        lists = lemma_lists(docs_or_vectors)
        if not lists:
            return np.zeros((0, 2))
        matrix = tfidf_of_lemmas(lists, min_df=1, keep_common=True).matrix
        if matrix.shape[1] == 0:
            return np.zeros((len(lists), 2))
        vectors = lsa(matrix, n_components=n_components, random_state=random_state)
    if len(vectors) < 2 or vectors.shape[1] < 2 or n_distinct(vectors) < 2:
        return np.zeros((len(vectors), 2))
    return PCA(2, random_state=random_state).fit_transform(vectors)


def _group(value) -> str:
    """A label as the legend shows it: a missing value (None, NaN) is one group, «n/a»;
    a list (a document's themes) is joined."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "n/a"
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(map(str, value)) or "n/a"
    return str(value)


def plot_doc_map(points: np.ndarray, *, labels=None, names=None, title: str = "Documents"):
    """Scatter of :func:`doc_map` points, one colour per label (cluster id, theme, year ...), optional names."""
    from ..analytics.plots import _figure

    if not hasattr(points, "shape") or len(np.shape(points)) != 2 or np.shape(points)[1] != 2:
        raise TypeError(f"points must be the (n, 2) array of doc_map(...), got {type(points).__name__}; "
                        "call plot_doc_map(doc_map(corpus), labels=...)")
    labels = [_group(v) for v in labels] if labels is not None else ["documents"] * len(points)
    if len(labels) != len(points):
        raise ValueError(f"labels has {len(labels)} entries for {len(points)} points")
    fig = _figure(7, 5)
    ax = fig.add_subplot()
    for value in sorted(set(labels)):
        idx = [i for i, lab in enumerate(labels) if lab == value]
        ax.scatter(points[idx, 0], points[idx, 1], label=value, s=30)
    if names is not None:
        for (x, y), name in zip(points, names, strict=True):
            ax.annotate(str(name), (x, y), fontsize=7, xytext=(3, 3), textcoords="offset points")
    if len(set(labels)) > 1:
        ax.legend(fontsize=7, loc="best")
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])
    return fig
