"""Frequent n-grams of lemmas (or forms), not crossing sentence boundaries.

>>> import kzedutext as kz
>>> nlp = kz.load()
>>> docs = [nlp("Кәсіби дамуы маңызды. Мұғалімнің кәсіби дамуын, т.б. талдадық.")]
>>> [(r.text, r.count) for r in ngrams(docs, 2)]
[('кәсіби даму', 2)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ._docs import as_docs
from .terms import check_by, is_stop_term, is_word, term_of


@dataclass(frozen=True)
class NgramRow:
    """An n-gram, its count and the number of documents it occurs in."""

    ngram: tuple[str, ...]
    count: int
    n_docs: int

    @property
    def text(self) -> str:
        return " ".join(self.ngram)


def sentence_terms(doc, *, by: str = "lemma") -> list[list[tuple[str, bool]]]:
    """Per sentence (or the whole doc without sentence marks): (term, is_stop) of each word, runs broken at punctuation."""
    spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    out = []
    for span in spans:
        run: list[tuple[str, bool]] = []
        for t in span:
            if is_word(t):
                term = term_of(t, by)
                run.append((term, is_stop_term(t, term)))
            elif t.is_punct and run:
                out.append(run)
                run = []
        if run:
            out.append(run)
    return out


def ngrams(
    docs,
    n: int = 2,
    *,
    by: str = "lemma",
    stop_words: bool = False,
    min_count: int = 2,
    top: int | None = None,
) -> list[NgramRow]:
    """N-grams by descending count; n-grams that start or end with a stop word are left out unless ``stop_words=True``."""
    check_by(by)
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    total, docs_with = Counter(), Counter()
    for doc in as_docs(docs):
        seen = set()
        for run in sentence_terms(doc, by=by):
            for j in range(len(run) - n + 1):
                gram = run[j : j + n]
                if not stop_words and (gram[0][1] or gram[-1][1]):
                    continue
                key = tuple(t for t, _ in gram)
                total[key] += 1
                seen.add(key)
        docs_with.update(seen)
    rows = [
        NgramRow(g, c, docs_with[g])
        for g, c in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))
        if c >= min_count
    ]
    return rows[:top] if top else rows
