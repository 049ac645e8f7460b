"""Accept a Corpus, a list of Docs or one Doc wherever analytics take documents.

>>> import kzedutext as kz
>>> len(as_docs(kz.load()("Бір сөйлем.")))
1
>>> as_docs([])
[]
"""

from __future__ import annotations

from spacy.tokens import Doc


def as_docs(docs) -> list[Doc]:
    """A list of spaCy Docs from a Doc, an iterable of Docs or a :class:`kz.Corpus`."""
    if isinstance(docs, Doc):
        return [docs]
    out = list(docs)
    for d in out:
        if not isinstance(d, Doc):
            raise ValueError(f"expected spaCy Docs (or a kz.Corpus), got {type(d).__name__!r}")
    return out
