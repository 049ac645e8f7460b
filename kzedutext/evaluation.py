"""Evaluation helpers: read CoNLL-U treebanks, score tokens and sentence breaks.

Used by ``benchmarks/`` and the tests, and by users who want to score the toolkit
on their own annotated data.

>>> s = UDSentence("d1:1", "Бұл – кітап.", [("Бұл", "бұл", "PRON"), ("–", "–", "PUNCT"),
...     ("кітап", "кітап", "NOUN"), (".", ".", "PUNCT")], ["Бұл", "–", "кітап", "."])
>>> gold = UDDocument("d1", [s])
>>> gold.text, gold.token_spans()[:2]
('Бұл – кітап.', [(0, 3), (4, 5)])
>>> prf({(0, 3), (4, 5)}, {(0, 3), (4, 6)})
Score(precision=0.5, recall=0.5, f1=0.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


class UDWord(NamedTuple):
    """One syntactic word of a treebank sentence.

    ``token`` is the surface token the word belongs to: the word's own form, or the
    whole multiword token (``Баласыз`` for the words ``бала`` and ``сыз``).
    ``part`` is the word's position inside that token (0 for ordinary words).
    """

    form: str
    lemma: str
    upos: str
    feats: str = "_"
    token: str = ""
    part: int = 0


@dataclass(frozen=True)
class UDSentence:
    """One treebank sentence: its text, syntactic words and surface tokens.

    ``words`` are :class:`UDWord` tuples (``(form, lemma, upos)`` first); ``tokens``
    are surface tokens (a multiword token such as ``Баласыз`` counts once, as written).
    """

    sent_id: str
    text: str
    words: list[UDWord]
    tokens: list[str]

    @property
    def doc_id(self) -> str:
        return self.sent_id.split(":", 1)[0]


@dataclass
class UDDocument:
    """Consecutive sentences of one source document, joined by single spaces."""

    doc_id: str
    sentences: list[UDSentence] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    def token_spans(self) -> list[tuple[int, int]]:
        """Character spans of the gold surface tokens in :attr:`text`."""
        spans: list[tuple[int, int]] = []
        offset = 0
        for sent in self.sentences:
            pos = 0
            for tok in sent.tokens:
                start = sent.text.find(tok, pos)
                if start < 0:
                    raise ValueError(f"token {tok!r} not found in sentence {sent.sent_id}")
                spans.append((offset + start, offset + start + len(tok)))
                pos = start + len(tok)
            offset += len(sent.text) + 1
        return spans

    def sentence_starts(self) -> set[int]:
        """Character offsets where sentences 2..n start (the first is trivial)."""
        starts, offset = set(), 0
        for sent in self.sentences:
            if offset:
                starts.add(offset)
            offset += len(sent.text) + 1
        return starts


def read_conllu(path: str | Path) -> Iterator[UDSentence]:
    """Sentences of a CoNLL-U file (``# sent_id`` and ``# text`` comments required)."""
    sent_id = text = None
    words: list[UDWord] = []
    tokens: list[str] = []
    covered_until = 0
    mwt, mwt_part = "", 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text"):
                text = line.split("=", 1)[1].strip()
            elif not line:
                if sent_id is not None and text is not None:
                    yield UDSentence(sent_id, text, words, tokens)
                sent_id = text = None
                words, tokens, covered_until = [], [], 0
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "." in cols[0]:
                    continue  # empty node
                if "-" in cols[0]:
                    first, last = (int(x) for x in cols[0].split("-"))
                    tokens.append(cols[1])
                    covered_until = last
                    mwt, mwt_part = cols[1], 0
                    continue
                if int(cols[0]) > covered_until:
                    tokens.append(cols[1])
                    words.append(UDWord(cols[1], cols[2], cols[3], cols[5], cols[1], 0))
                else:
                    words.append(UDWord(cols[1], cols[2], cols[3], cols[5], mwt, mwt_part))
                    mwt_part += 1
        if sent_id is not None and text is not None:
            yield UDSentence(sent_id, text, words, tokens)


def read_cg_stream(path: str | Path) -> Iterator[tuple[str, str, list[str]]]:
    """``(form, lemma, tags)`` of each token of a disambiguated Constraint Grammar stream.

    The format of the annotated apertium texts: ``"<form>"`` on its own line, then
    tab-indented ``"lemma" tag tag ...`` readings; lines starting with ``;`` are
    readings the annotator removed. The first surviving top-level reading is taken.
    """
    form, taken = None, False
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith('"<') and line.endswith('>"'):
                form, taken = line[2:-2], False
            elif form is not None and not taken and line.startswith('\t"'):
                lemma, sep, tags = line[2:].partition('" ')
                if sep:
                    taken = True
                    yield form, lemma, tags.split()


def group_documents(sentences: Iterable[UDSentence]) -> list[UDDocument]:
    """Group consecutive sentences by the document prefix of their ``sent_id``."""
    docs: list[UDDocument] = []
    for sent in sentences:
        if not docs or docs[-1].doc_id != sent.doc_id:
            docs.append(UDDocument(sent.doc_id))
        docs[-1].sentences.append(sent)
    return docs


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def prf(gold: set, predicted: set) -> Score:
    """Precision, recall and F1 of a predicted set against a gold set."""
    tp = len(gold & predicted)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f)
