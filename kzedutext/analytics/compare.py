"""Compare groups of documents by a metadata field (year, section, theme, ...).

Each group's key terms are its keyness against the other documents.

>>> import kzedutext as kz
>>> corpus = kz.Corpus.from_texts(
...     ["Бағалау критерийі. Бағалау әдісі. Бағалау.", "Бала ойнайды. Бала ойын ойнайды. Бала."],
...     meta=[{"year": 2014}, {"year": 2020}])
>>> [(g.group, g.n_docs, g.keywords[0].term) for g in compare(corpus, "year", min_count=2)]
[(2014, 1, 'бағалау'), (2020, 1, 'бала')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .keyness import KeynessRow, keyness
from .terms import doc_terms


@dataclass(frozen=True)
class GroupComparison:
    """One value of the field: documents and words in it, and its key terms against the rest."""

    group: object
    n_docs: int
    n_words: int
    keywords: tuple[KeynessRow, ...]


def group_docs(corpus, field: str) -> dict[object, list[int]]:
    """Document positions by the value of ``field`` in their metadata (list values: one group per item).

    ``field="theme"`` groups by the pipeline's primary theme (``doc.cats``; the best theme
    when it reaches the threshold of ``kzedutext tag``, see
    :func:`kzedutext.batch.records.primary_theme`), or by the metadata's ``primary_theme``
    when the pipeline scores no themes. A document without a theme at the threshold is in
    no group (as a document without the field is).
    """
    from ..batch.records import primary_theme

    groups: dict[object, list[int]] = defaultdict(list)
    for i in range(len(corpus)):
        if field == "theme" and corpus[i].cats:
            values = [primary_theme(corpus[i].cats) or None]
        else:
            value = corpus.meta(i).get("primary_theme" if field == "theme" else field)
            values = value if isinstance(value, list | tuple) else [value]
        for v in values:
            if v is not None:
                groups[v].append(i)
    return dict(groups)


def compare(
    corpus, field: str, *, top: int = 10, min_count: int = 3, by: str = "lemma"
) -> list[GroupComparison]:
    """Key terms of each group of ``field`` against all other documents, groups in sorted order."""
    groups = group_docs(corpus, field)
    if not groups and len(corpus):
        if field == "theme":
            raise ValueError(
                "no document has a primary theme (a theme score of at least 0.5, or a 'primary_theme' "
                "in the metadata); compare by another field"
            )
        raise ValueError(f"no document has the metadata field {field!r}")
    out = []
    for value in sorted(groups, key=str):
        inside = [corpus[i] for i in groups[value]]
        rest = [corpus[i] for i in range(len(corpus)) if i not in set(groups[value])]
        rows = keyness(inside, rest, by=by, min_count=min_count) if rest else []
        n_words = sum(len(doc_terms(d, by=by, stop_words=True)) for d in inside)
        out.append(GroupComparison(value, len(inside), n_words, tuple(r for r in rows if r.llr > 0)[:top]))
    return out
