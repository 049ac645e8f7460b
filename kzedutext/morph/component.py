"""The ``kk_lemmatizer`` pipeline component: lemma, part of speech and features per token.

Each distinct token text is analysed once (the best :class:`~.analyzer.Analysis`)
and remembered by its hash in an :class:`~kzedutext._orthtable.OrthTable`, so a
document costs a few vectorised gathers plus the analysis of words never seen
before. Part of speech and features come from the word alone (no context);
punctuation, numbers and symbols keep their own text as lemma.

>>> import kzedutext
>>> nlp = kzedutext.load()
>>> doc = nlp("Мұғалімдеріміздің кәсіби құзыреттілігін дамыту.")
>>> [t.lemma_ for t in doc]
['мұғалім', 'кәсіби', 'құзыреттілік', 'дамыт', '.']
>>> doc[0].pos_, doc[3].pos_
('NOUN', 'VERB')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.util import minibatch

from .._orthtable import OrthTable
from .analyzer import Analyzer

_PUNCT_POS = POS_IDS["PUNCT"]
_NUM_POS = POS_IDS["NUM"]
_SYM_POS = POS_IDS["SYM"]
_SPACE_POS = POS_IDS["SPACE"]


class KazakhLemmatizer:
    """Writes ``token.lemma_`` and ``token.pos_``, and ``token.morph`` when ``assign_morph``.

    Features cost about as much as the rest of the pipeline together (spaCy checks
    each token's feature string in Python), so they are off by default; switch them
    on with ``nlp.add_pipe("kk_lemmatizer", config={"assign_morph": True})`` or read
    them per word with :func:`kzedutext.analyze`.
    """

    def __init__(self, nlp: Language, name: str = "kk_lemmatizer", *, analyzer: Analyzer | None = None,
                 assign_pos: bool = True, assign_morph: bool = False) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.analyzer = analyzer or Analyzer.default()
        self.assign_pos = assign_pos
        self.assign_morph = assign_morph
        self._attrs = [LEMMA] + ([POS] if assign_pos else []) + ([MORPH] if assign_morph else [])
        self._width = len(self._attrs)
        self._rows = OrthTable(self._values, width=self._width, strings=nlp.vocab.strings)

    def __call__(self, doc: Doc) -> Doc:
        self._assign([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Lemmatise a stream of documents, ``batch_size`` at a time (the same result as ``__call__``)."""
        for docs in minibatch(stream, size=batch_size):
            self._assign(docs)
            yield from docs

    def _assign(self, docs: list[Doc]) -> None:
        """Look the words of a batch of documents up at once and write each document's rows."""
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        orths = [doc.to_array(ORTH) for doc in docs]
        rows = self._rows.lookup(np.concatenate(orths) if len(orths) > 1 else orths[0])
        end = 0
        for doc, doc_orths in zip(docs, orths, strict=True):
            start, end = end, end + len(doc_orths)
            doc.from_array(self._attrs, rows[start:end])

    def _values(self, text: str) -> tuple[int, ...]:
        """The row of ``self._attrs`` values for one token text."""
        return self._row(text)[: self._width]

    def _row(self, text: str) -> tuple[int, ...]:
        strings = self.vocab.strings
        morphology = self.vocab.morphology
        if not any(ch.isalpha() for ch in text):
            if text.isspace():
                pos = _SPACE_POS
            elif any(ch.isdigit() for ch in text):
                pos = _NUM_POS
            elif any(ch.isalnum() for ch in text):
                pos = _SYM_POS
            else:
                pos = _PUNCT_POS
            row = (strings.add(text), pos, morphology.add({}))
        else:
            best = self.analyzer.analyze(text)[0]
            feats = best.feats_str
            row = (
                strings.add(best.lemma),
                POS_IDS.get(best.upos, POS_IDS["X"]),
                morphology.add(feats if feats != "_" else {}),
            )
        if self.assign_pos:
            return row
        return (row[0], row[2])


@Language.factory(
    "kk_lemmatizer",
    assigns=["token.lemma", "token.pos", "token.morph"],
    default_config={"assign_pos": True, "assign_morph": False},
)
def make_kk_lemmatizer(nlp: Language, name: str, assign_pos: bool, assign_morph: bool) -> KazakhLemmatizer:
    """Factory of the ``kk_lemmatizer`` component."""
    return KazakhLemmatizer(nlp, name, assign_pos=assign_pos, assign_morph=assign_morph)
