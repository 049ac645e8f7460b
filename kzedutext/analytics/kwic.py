"""KWIC concordance: every occurrence of a lemma (or form) with its context.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> lines = kwic([nlp("Біз мектепке бардық. Ол мектептің мұғалімі.")], "мектеп", window=2)
>>> [(l.left, l.match, l.right) for l in lines]
[('Біз', 'мектепке', 'бардық .'), ('. Ол', 'мектептің', 'мұғалімі .')]
>>> [l.right for l in kwic([nlp("Ол мектептің мұғалімі. Біз мектепке бардық.")], "мектеп", sort="right")]
['бардық .', 'мұғалімі . Біз мектепке бардық']
"""

from __future__ import annotations

from dataclasses import dataclass

from ._docs import as_docs
from .terms import check_by, query_terms, term_of

SORTS = (None, "left", "right")


@dataclass(frozen=True)
class KwicLine:
    """One occurrence: document position, left context, the matched word(s), right context, char offset."""

    doc: int
    left: str
    match: str
    right: str
    start: int

    def __str__(self) -> str:
        return f"{self.left:>40}  [{self.match}]  {self.right}"


def kwic(docs, query: str, *, by: str = "lemma", window: int = 5, sort: str | None = None) -> list[KwicLine]:
    """Occurrences of ``query`` (one or more words, matched by lemma or form), in corpus order.

    Each query word is lemmatised and spelling-folded as the corpus's words are (see
    :func:`~kzedutext.analytics.terms.query_terms`), so ``"білім беру"``, an internal lemma
    such as ``"білім бер"`` and a variant spelling (``"құзіреттілік"``) all match.

    ``sort="left"`` orders by the words before the match (nearest first),
    ``sort="right"`` by the words after it.
    """
    check_by(by)
    if window < 0:
        raise ValueError(f"window must be at least 0, got {window}")
    if sort not in SORTS:
        raise ValueError(f"sort={sort!r}; choose one of {SORTS}")
    wanted = [query_terms(w, by) for w in query.split()]
    if not wanted:
        return []
    lines = []
    n = len(wanted)
    for i, doc in enumerate(as_docs(docs)):
        tokens = [t for t in doc if not t.is_space]
        terms = [term_of(t, by) for t in tokens]
        for j in range(len(tokens) - n + 1):
            if all(terms[j + m] in wanted[m] for m in range(n)):
                left = tokens[max(0, j - window) : j]
                right = tokens[j + n : j + n + window]
                lines.append(
                    KwicLine(
                        i,
                        " ".join(t.text for t in left),
                        " ".join(t.text for t in tokens[j : j + n]),
                        " ".join(t.text for t in right),
                        tokens[j].idx,
                    )
                )
    if sort == "left":
        lines.sort(key=lambda line: [w.lower() for w in reversed(line.left.split())])
    elif sort == "right":
        lines.sort(key=lambda line: line.right.lower().split())
    return lines
