"""Competency and term mentions as typed records, and the corpus-level term × document table.

>>> import kzedutext as kz
>>> mentions = kz.extract_competencies("Оқушылардың коммуникативтік және ақпараттық құзыреттілігі артты.")
>>> [(m.canonical, m.category) for m in mentions]
[('коммуникативтік құзыреттілік', 'communicative'), ('ақпараттық құзыреттілік', 'information_digital')]
>>> table = kz.term_table(["Кәсіби құзыреттілік.", "Кәсіби құзыреттілігі мен функционалдық сауаттылығы."])
>>> [(s.canonical, s.count, s.document_frequency) for s in table.summary()][:2]
[('кәсіби құзыреттілік', 2, 2), ('функционалдық сауаттылық', 1, 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..analytics._docs import document_inputs
from ..errors import Errors
from ..ingest import Document
from .ontology import GROUPS


@dataclass(frozen=True)
class Mention:
    """One mention of a concept in a text."""

    canonical: str
    category: str
    concept: str
    group: str
    text: str
    start_char: int
    end_char: int
    #: the sentence the mention is in (its context)
    sentence: str
    #: True when the head is shared with other conjuncts of a coordinated list
    elided: bool = False
    span: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class TermCount:
    """How often a concept occurs in one document (one row of the long table)."""

    document: str
    concept: str
    canonical: str
    category: str
    group: str
    count: int


@dataclass(frozen=True)
class TermSummary:
    """A concept across the corpus: total count, document frequency, first-seen context."""

    concept: str
    canonical: str
    category: str
    group: str
    count: int
    document_frequency: int
    first_document: str
    first_context: str


@dataclass(frozen=True)
class TermTable:
    """Counts of every concept in every document, with a summary and a DataFrame view."""

    documents: tuple[str, ...]
    counts: tuple[TermCount, ...]
    first_seen: dict = field(compare=False, repr=False)

    def summary(self) -> list[TermSummary]:
        """One row per concept, most frequent first (ties: more documents, then name)."""
        totals: Counter = Counter()
        dfs: Counter = Counter()
        info: dict[str, TermCount] = {}
        for row in self.counts:
            totals[row.concept] += row.count
            dfs[row.concept] += 1
            info.setdefault(row.concept, row)
        rows = [
            TermSummary(
                concept=concept,
                canonical=info[concept].canonical,
                category=info[concept].category,
                group=info[concept].group,
                count=totals[concept],
                document_frequency=dfs[concept],
                first_document=self.first_seen[concept][0],
                first_context=self.first_seen[concept][1],
            )
            for concept in totals
        ]
        return sorted(rows, key=lambda r: (-r.count, -r.document_frequency, r.canonical))

    def matrix(self) -> tuple[list[str], list[str], list[list[int]]]:
        """(canonical terms, documents, counts[term][document]) — the term × document matrix."""
        terms = [s.canonical for s in self.summary()]
        row_of = {t: i for i, t in enumerate(terms)}
        col_of = {d: j for j, d in enumerate(self.documents)}
        counts = [[0] * len(self.documents) for _ in terms]
        for row in self.counts:
            counts[row_of[row.canonical]][col_of[row.document]] += row.count
        return terms, list(self.documents), counts

    def to_dataframe(self):
        """The term × document count matrix as a pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise ImportError("TermTable.to_dataframe() needs pandas: pip install pandas") from err
        terms, documents, counts = self.matrix()
        return pd.DataFrame(counts, index=pd.Index(terms, name="term"), columns=documents)


def extract_competencies(text_or_doc: str | Doc, *, nlp: Language | None = None) -> list[Mention]:
    """Every competency mention in a text or processed Doc, in reading order.

    Args:
        text_or_doc: a string, or a Doc from a pipeline (``kz.load()``); a Doc made without
            the ``kk_terms`` component is matched with the default ontology.
        nlp: the pipeline used for strings (default: ``kz.load()``, built once).
    """
    return _mentions(text_or_doc, group="competencies", nlp=nlp)


def extract_terms(text_or_doc: str | Doc, *, nlp: Language | None = None) -> list[Mention]:
    """Every mention of the other pedagogical terms (функционалдық сауаттылық ...)."""
    return _mentions(text_or_doc, group="terms", nlp=nlp)


def term_table(
    docs: Iterable[str | Doc | Path | Document],
    *,
    ids: Sequence[str] | None = None,
    groups: Sequence[str] = GROUPS,
    nlp: Language | None = None,
    batch_size: int = 32,
) -> TermTable:
    """Count concepts per document: ``term × document`` counts, document frequency, context.

    Args:
        docs: texts, processed Docs, ``kz.Document``s or paths of files (read with
            ``kz.read``; of documents and files only the Kazakh paragraphs are used).
            A str naming an existing file is read as that file, so ``glob.glob(...)``
            works as well as ``Path`` objects.
        ids: a name for each document (default: the path, or the position as a string).
        groups: which span groups to count (``"competencies"``, ``"terms"``).
        nlp: the pipeline for texts and files (default: ``kz.load()``).
        batch_size: texts per ``nlp.pipe`` batch.
    """
    unknown = [g for g in groups if g not in GROUPS]
    if unknown:
        raise ValueError(Errors.E209.format(name="groups", expected=f"a subset of {GROUPS}", value=unknown))
    names: list[str] = []
    counts: list[TermCount] = []
    first_seen: dict[str, tuple[str, str]] = {}
    for n, (name, doc) in enumerate(_docs(docs, nlp=nlp, batch_size=batch_size)):
        if ids is not None:
            if n >= len(ids):
                raise ValueError(Errors.E209.format(name="ids", expected="one id per document", value=len(ids)))
            name = ids[n]
        names.append(name)
        per_doc: Counter = Counter()
        info: dict[str, Mention] = {}
        for group in groups:
            for mention in _mentions(doc, group=group, nlp=nlp):
                per_doc[mention.concept] += 1
                info.setdefault(mention.concept, mention)
                first_seen.setdefault(mention.concept, (name, mention.sentence))
        for concept, count in per_doc.items():
            m = info[concept]
            counts.append(TermCount(name, concept, m.canonical, m.category, m.group, count))
    if ids is not None and len(ids) != len(names):
        raise ValueError(Errors.E209.format(name="ids", expected="one id per document", value=len(ids)))
    return TermTable(documents=tuple(names), counts=tuple(counts), first_seen=first_seen)


def _docs(docs: Iterable[str | Doc | Path | Document], *, nlp: Language | None, batch_size: int):
    """(name, Doc) pairs; texts and files (see :func:`~kzedutext.analytics._docs.document_inputs`;
    only their Kazakh paragraphs) go through ``nlp.pipe`` in batches."""
    pipeline = nlp or _default_nlp()
    pending: list[tuple[str, str]] = []

    def flush():
        texts = [text for _, text in pending]
        for (name, _), doc in zip(pending, pipeline.pipe(texts, batch_size=batch_size), strict=True):
            yield name, doc
        pending.clear()

    for name, item in document_inputs(docs, language="kk"):
        if isinstance(item, Doc):
            yield from flush()
            yield name, item
            continue
        pending.append((name, item))
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def _mentions(text_or_doc: str | Doc, *, group: str, nlp: Language | None) -> list[Mention]:
    if isinstance(text_or_doc, str):
        doc = (nlp or _default_nlp())(text_or_doc)
    elif isinstance(text_or_doc, Doc):
        doc = text_or_doc
        if group not in doc.spans:
            doc = _default_matcher(doc.vocab)(doc)
    else:
        raise TypeError(Errors.E208.format(type=type(text_or_doc).__name__))
    mentions = []
    for span in doc.spans[group]:
        sentence = _sentence(span)
        mentions.append(
            Mention(
                canonical=span._.canonical,
                category=span.label_,
                concept=span.kb_id_,
                group=group,
                text=span.text,
                start_char=span.start_char,
                end_char=span.end_char,
                sentence=sentence,
                elided=span._.elided,
                span=span,
            )
        )
    return mentions


def _sentence(span: Span) -> str:
    doc = span.doc
    if doc.has_annotation("SENT_START"):
        return span.sent.text.strip()
    return doc.text.strip()


@lru_cache(maxsize=1)
def _default_nlp() -> Language:
    from ..pipeline import load

    return load()


_MATCHERS: dict[int, object] = {}


def _default_matcher(vocab):
    """A default-ontology matcher for Docs made by a pipeline without ``kk_terms``."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        from types import SimpleNamespace

        from .component import TermMatcher

        matcher = _MATCHERS[id(vocab)] = TermMatcher(SimpleNamespace(vocab=vocab))
    return matcher
