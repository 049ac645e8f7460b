"""Corpus figures for the report, computed from batch records (:class:`kzedutext.batch.TagRecord`).

Every function takes the records of one run (failed ones included) and returns
frozen dataclasses; nothing here reads files or draws.

>>> from kzedutext.batch import TagRecord
>>> recs = [
...     TagRecord("a.txt", "", "ok", language="kk", n_tokens=120, primary_theme="assessment",
...               competencies=({"canonical": "кәсіби құзыреттілік", "category": "professional", "count": 2},)),
...     TagRecord("b.txt", "", "error: the file is empty (0 bytes)"),
... ]
>>> ov = overview(recs)
>>> ov.n_documents, ov.n_ok, ov.failures, ov.n_tokens
(2, 1, (('error: the file is empty (0 bytes)', 1),), 120)
>>> competency_counts(recs)[0].n_documents
1
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Overview:
    """What the corpus holds: documents read and failed (by cause), languages, sizes, years, sources."""

    n_documents: int
    n_ok: int
    failures: tuple[tuple[str, int], ...]
    languages: tuple[tuple[str, int], ...]
    formats: tuple[tuple[str, int], ...]
    n_tokens: int
    n_words: int
    n_sentences: int
    n_chars: int
    median_tokens: float
    max_tokens: int
    years: tuple[tuple[int, int], ...]
    sources: tuple[tuple[str, int], ...]

    @property
    def n_failed(self) -> int:
        return self.n_documents - self.n_ok


@dataclass(frozen=True)
class ThemeCount:
    """One theme: documents where it is the primary theme, documents scoring >= 0.5, mean score."""

    theme_id: str
    label_kk: str
    label_en: str
    n_primary: int
    n_documents: int
    mean_score: float
    documents: tuple[int, ...]  # positions (in the records) of the documents with this primary theme


@dataclass(frozen=True)
class CompetencyCount:
    """One competency (canonical form): its category, all mentions, documents mentioning it."""

    canonical: str
    category: str
    n_mentions: int
    n_documents: int
    documents: tuple[int, ...]


@dataclass(frozen=True)
class Cooccurrence:
    """Documents in which two competencies both occur: ``matrix[i][j]`` for ``names[i]``, ``names[j]``.

    The diagonal holds each competency's own document count.
    """

    names: tuple[str, ...]
    matrix: tuple[tuple[int, ...], ...]

    def pairs(self) -> list[tuple[str, str, int]]:
        """(a, b, documents) for every pair that co-occurs, most frequent first."""
        out = [
            (self.names[i], self.names[j], self.matrix[i][j])
            for i, j in itertools.combinations(range(len(self.names)), 2)
            if self.matrix[i][j]
        ]
        return sorted(out, key=lambda p: (-p[2], p[0], p[1]))


def _ranked(counter: Counter) -> tuple:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def overview(records: Sequence, *, top_sources: int = 10) -> Overview:
    """Counts over all records; sizes, languages, years and sources over those read."""
    if top_sources < 1:
        raise ValueError(f"top_sources must be at least 1, got {top_sources}")
    ok = [r for r in records if r.status == "ok"]
    tokens = [r.n_tokens for r in ok]
    years: Counter = Counter()
    sources: Counter = Counter()
    for r in ok:
        year = r.meta.get("year")
        if isinstance(year, int):
            years[year] += 1
        source = r.meta.get("section") or r.meta.get("source") or r.meta.get("affiliation")
        if source:
            sources[str(source)] += 1
    return Overview(
        n_documents=len(records),
        n_ok=len(ok),
        # by cause, not by message: each too-large file has a message of its own
        failures=_ranked(Counter(getattr(r, "error_kind", "") or r.status for r in records if r.status != "ok")),
        languages=_ranked(Counter(r.language or "?" for r in ok)),
        formats=_ranked(Counter(r.format or "?" for r in ok)),
        n_tokens=sum(tokens),
        n_words=sum(r.n_words for r in ok),
        n_sentences=sum(r.n_sentences for r in ok),
        n_chars=sum(r.n_chars for r in ok),
        median_tokens=float(statistics.median(tokens)) if tokens else 0.0,
        max_tokens=max(tokens, default=0),
        years=tuple(sorted(years.items())),
        sources=_ranked(sources)[:top_sources],
    )


def theme_counts(records: Sequence, taxonomy, *, threshold: float = 0.5) -> tuple[ThemeCount, ...]:
    """One :class:`ThemeCount` per theme of ``taxonomy``, in taxonomy order."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold}")
    ok = [(i, r) for i, r in enumerate(records) if r.status == "ok"]
    out = []
    for theme in taxonomy.themes:
        scores = [r.themes.get(theme.id, 0.0) for _, r in ok]
        primary = tuple(i for i, r in ok if r.primary_theme == theme.id)
        out.append(
            ThemeCount(
                theme_id=theme.id,
                label_kk=theme.label_kk,
                label_en=theme.label_en,
                n_primary=len(primary),
                n_documents=sum(s >= threshold for s in scores),
                mean_score=round(sum(scores) / len(scores), 4) if scores else 0.0,
                documents=primary,
            )
        )
    return tuple(out)


def competency_counts(records: Sequence) -> tuple[CompetencyCount, ...]:
    """Every competency found, most documents first (then most mentions, then name)."""
    mentions: Counter = Counter()
    docs: dict[str, list[int]] = {}
    category: dict[str, str] = {}
    for i, r in enumerate(records):
        if r.status != "ok":
            continue
        for c in r.competencies:
            mentions[c["canonical"]] += c["count"]
            category.setdefault(c["canonical"], c["category"])
            if not docs.setdefault(c["canonical"], []) or docs[c["canonical"]][-1] != i:
                docs[c["canonical"]].append(i)
    out = [
        CompetencyCount(name, category[name], mentions[name], len(docs[name]), tuple(docs[name]))
        for name in mentions
    ]
    return tuple(sorted(out, key=lambda c: (-c.n_documents, -c.n_mentions, c.canonical)))


def cooccurrence(records: Sequence, *, top: int = 15) -> Cooccurrence:
    """Co-occurrence (in documents) of the ``top`` competencies found in most documents."""
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    names = tuple(c.canonical for c in competency_counts(records)[:top])
    index = {name: k for k, name in enumerate(names)}
    matrix = [[0] * len(names) for _ in names]
    for r in records:
        if r.status != "ok":
            continue
        found = sorted({index[c["canonical"]] for c in r.competencies if c["canonical"] in index})
        for i in found:
            matrix[i][i] += 1
        for i, j in itertools.combinations(found, 2):
            matrix[i][j] += 1
            matrix[j][i] += 1
    return Cooccurrence(names, tuple(tuple(row) for row in matrix))
