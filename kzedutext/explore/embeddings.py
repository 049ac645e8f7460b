"""word2vec and doc2vec trained on the user's own corpus (gensim), over lemmas.

Training is seeded and single-threaded by default, so two runs give the same vectors.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> docs = [nlp("Мұғалім сабақ береді. Оқушы сабақ оқиды.")] * 20
>>> vectors = word2vec(docs, vector_size=20, epochs=5)
>>> vectors.vector_size, "сабақ" in vectors
(20, True)
>>> doc2vec(docs, vector_size=8, epochs=5).shape
(20, 8)
"""

from __future__ import annotations

import numpy as np

from .vectors import lemma_lists


def _check_vocabulary(lists: list[list[str]], min_count: int) -> None:
    """gensim says only "you must first build vocabulary": say which words are missing and why."""
    from collections import Counter

    counts = Counter(w for x in lists for w in x)
    if not any(n >= min_count for n in counts.values()):
        raise ValueError(f"no lemma occurs {min_count} times or more in {len(lists)} document(s) "
                         f"({sum(counts.values())} words): give more text or a lower min_count")


def _training_lists(docs, vector_size: int) -> list[list[str]]:
    """Each document's lemmas, after checking the options both models share."""
    if vector_size < 1:
        raise ValueError(f"vector_size must be at least 1, got {vector_size}")
    lists = lemma_lists(docs)
    if not any(lists):
        raise ValueError("docs have no words to train on")
    return lists


def word2vec(
    docs,
    *,
    vector_size: int = 100,
    window: int = 5,
    min_count: int = 2,
    epochs: int = 20,
    seed: int = 0,
    workers: int = 1,
):
    """Lemma vectors (gensim ``KeyedVectors``): ``vectors.most_similar("құзыреттілік")``."""
    from gensim.models import Word2Vec

    lists = [x for x in _training_lists(docs, vector_size) if x]
    _check_vocabulary(lists, min_count)
    model = Word2Vec(
        lists,
        vector_size=vector_size,
        window=window,
        min_count=min_count,
        epochs=epochs,
        seed=seed,
        workers=workers,
    )
    return model.wv


def doc2vec(
    docs,
    *,
    vector_size: int = 100,
    window: int = 5,
    min_count: int = 2,
    epochs: int = 40,
    seed: int = 0,
    workers: int = 1,
) -> np.ndarray:
    """One vector per document (gensim Doc2Vec, PV-DM), rows in document order."""
    from gensim.models.doc2vec import Doc2Vec, TaggedDocument

    lists = _training_lists(docs, vector_size)
    _check_vocabulary(lists, min_count)
    tagged = [TaggedDocument(x, [i]) for i, x in enumerate(lists)]
    model = Doc2Vec(
        tagged,
        vector_size=vector_size,
        window=window,
        min_count=min_count,
        epochs=epochs,
        seed=seed,
        workers=workers,
    )
    return np.vstack([model.dv[i] for i in range(len(lists))])
