"""Readable labels for clusters and topics: their top lemmas, joined into phrases where the corpus has them.

>>> label_phrase(["бағалау", "критерий", "оқушы"], {("бағалау", "критерий"): 4})
'бағалау критерий · оқушы'
>>> label_phrase([], {})
''
"""

from __future__ import annotations

from collections import Counter


def bigram_counts(lists) -> Counter:
    """Counts of adjacent lemma pairs in lemma lists."""
    out: Counter = Counter()
    for words in lists:
        out.update(zip(words, words[1:], strict=False))
    return out


def label_phrase(top_terms: list[str], bigrams: Counter, *, n_parts: int = 3, min_count: int = 2) -> str:
    """Up to ``n_parts`` parts from the top terms: a term is joined with another top term into a
    two-word phrase when that pair occurs at least ``min_count`` times in the corpus."""
    pool = list(dict.fromkeys(top_terms))
    parts, used = [], set()
    for term in pool:
        if term in used:
            continue
        best = max(
            [(bigrams.get((term, o), 0), (term, o)) for o in pool[:10] if o != term and o not in used]
            + [(bigrams.get((o, term), 0), (o, term)) for o in pool[:10] if o != term and o not in used],
            default=(0, None),
        )
        if best[0] >= min_count:
            parts.append(" ".join(best[1]))
            used.update(best[1])
        else:
            parts.append(term)
            used.add(term)
        if len(parts) == n_parts:
            break
    return " · ".join(parts)
