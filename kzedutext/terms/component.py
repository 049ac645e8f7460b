"""The ``kk_terms`` pipeline component: competency and term mentions as span groups.

It writes ``doc.spans["competencies"]`` and ``doc.spans["terms"]``: one Span per mention,
``span.label_`` the category id, ``span.kb_id_`` the concept id and ``span._.canonical``
the citation form (``span._.en`` and ``span._.ru`` give the glosses). A coordinated list
under one head gives one span per conjunct; the span of a conjunct whose head is shared
covers the modifier only (``span._.elided`` is True).

>>> import kzedutext
>>> nlp = kzedutext.load()
>>> doc = nlp("Мұғалімнің коммуникативтік, танымдық және шығармашылық құзыреттіліктерін дамыту.")
>>> [(s.text, s._.canonical) for s in doc.spans["competencies"]][0]
('коммуникативтік', 'коммуникативтік құзыреттілік')
>>> [s.label_ for s in doc.spans["competencies"]]
['communicative', 'cognitive_creative', 'cognitive_creative']
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .._data import read_table
from .matcher import CompiledOntology, TriggerIndex, norm_of
from .ontology import GROUPS, Ontology

#: doc.user_data key of the {concept id: (canonical, en, ru)} table the span getters read.
_GLOSSES = "kzedutext.terms.glosses"
#: doc.user_data key of the [start, end, concept id] of spans whose head lies outside them.
_ELIDED = "kzedutext.terms.elided"


def _gloss(field: int):
    def getter(span: Span) -> str | None:
        row = span.doc.user_data.get(_GLOSSES, {}).get(span.kb_id_)
        return row[field] if row else None

    return getter


def _is_elided(span: Span) -> bool:
    key = [span.start, span.end, span.kb_id_]
    return any(list(row) == key for row in span.doc.user_data.get(_ELIDED, ()))


for _name, _getter in (("canonical", _gloss(0)), ("en", _gloss(1)), ("ru", _gloss(2)), ("elided", _is_elided)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter)


class TermMatcher:
    """Finds mentions of the ontology's concepts in a Doc (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "kk_terms", *, ontology: Ontology | None = None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.ontology = ontology or Ontology.default()
        self.compiled = CompiledOntology.build(self.ontology)
        self.triggers = TriggerIndex(self.compiled)
        self._classes: dict[int, int] = {}  # norm hash -> trigger class
        self._norms: dict[int, str] = {}
        self._glosses = {c.id: (c.canonical, c.en, c.ru) for c in self.ontology.concepts.values()}

    def __call__(self, doc: Doc) -> Doc:
        spans: dict[str, list[Span]] = {group: [] for group in GROUPS}
        elided: list[list] = []
        glosses: dict[str, tuple[str, str, str]] = {}
        if len(doc):
            hashes = doc.to_array(NORM).tolist()
            classes = self._classes
            try:
                row = list(map(classes.__getitem__, hashes))
            except KeyError:
                if len(classes) > 500_000:
                    classes.clear()
                strings, word_class = self.vocab.strings, self.triggers.word_class
                for h in set(hashes).difference(classes):
                    classes[h] = word_class(norm_of(strings[h]))
                row = list(map(classes.__getitem__, hashes))
            candidates = self.triggers.candidates((), np.array(row, dtype=np.int32))
            if candidates:
                norms = _Norms(hashes, self.vocab.strings, self._norms)
                concepts = self.ontology.concepts
                found = self.compiled.find(norms, candidates)
                if any(m.elided for m in found):
                    found = _without_elided_in_keyword_lines(doc, found)
                for m in found:
                    concept = concepts[m.concept]
                    spans[m.group].append(Span(doc, m.start, m.end, label=concept.category, kb_id=m.concept))
                    glosses[m.concept] = self._glosses[m.concept]
                    if m.elided:
                        elided.append([m.start, m.end, m.concept])
        for group, group_spans in spans.items():
            doc.spans[group] = SpanGroup(doc, name=group, spans=group_spans)
        # only what this doc needs, in types a DocBin can store
        doc.user_data[_GLOSSES] = glosses
        doc.user_data[_ELIDED] = elided
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


@lru_cache(maxsize=1)
def _keyword_line() -> re.Pattern:
    """A line that starts with a keywords label (the ingest section headings' "keywords" kind)."""
    labels = {label for kind, label in read_table("kzedutext.ingest", "section_headings.tsv") if kind == "keywords"}
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?:{alternatives})\s*[:–—-][^\n]*", re.IGNORECASE | re.MULTILINE)


def _without_elided_in_keyword_lines(doc: Doc, matches: list) -> list:
    """In a keyword list («Түйін сөздер: цифрлық ресурс, АКТ, цифрлық құзыреттілік») commas
    part keywords, not conjuncts: «АКТ» there does not borrow the head «құзыреттілік»."""
    zones = [(m.start(), m.end()) for m in _keyword_line().finditer(doc.text)]
    if not zones:
        return matches
    def in_zone(token_index: int) -> bool:
        idx = doc[token_index].idx
        return any(a <= idx < b for a, b in zones)
    return [m for m in matches if not (m.elided and in_zone(m.start))]


class _Norms:
    """The matcher's form (:func:`norm_of`) of each token norm of a Doc, made on first use."""

    __slots__ = ("_hashes", "_strings", "_cache")

    def __init__(self, hashes: list[int], strings, cache: dict[int, str]) -> None:
        self._hashes, self._strings, self._cache = hashes, strings, cache

    def __len__(self) -> int:
        return len(self._hashes)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        h = self._hashes[i]
        text = self._cache.get(h)
        if text is None:
            if len(self._cache) > 500_000:
                self._cache.clear()
            text = self._cache[h] = norm_of(self._strings[h])
        return text


@Language.factory(
    "kk_terms",
    assigns=["doc.spans"],
    default_config={"ontology_file": None},
)
def make_kk_terms(nlp: Language, name: str, ontology_file: str | None) -> TermMatcher:
    """Factory for :class:`TermMatcher`; ``ontology_file`` adds a user's .json/.tsv file."""
    ontology = Ontology.default()
    if ontology_file:
        ontology = ontology.extend(Path(ontology_file))
    return TermMatcher(nlp, name, ontology=ontology)
