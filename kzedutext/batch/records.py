"""One output row per document: :class:`TagRecord`, built from a tagged Doc or from an error.

A record is plain data (strings, numbers, lists and dicts), so the same record
goes to JSON lines, CSV and Parquet and comes back equal
(:func:`kzedutext.batch.read_records`).

>>> rec = error_record("papers/a.doc", "", UnsupportedFormatError("papers/a.doc", "unsupported format .doc"))
>>> (rec.status, rec.error_kind)
('error: unsupported format .doc', 'unsupported format')
>>> TagRecord.from_dict(rec.to_dict()) == rec
True
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field, fields

import numpy as np
from spacy.attrs import IS_ALPHA, IS_SPACE, IS_STOP, LEMMA, LENGTH, LIKE_NUM, NORM, SENT_START

from ..ingest import (
    CorruptFileError,
    Document,
    EmptyFileError,
    FileTooLargeError,
    NotTextError,
    ReaderUnavailableError,
    UnreadableFileError,
    UnsupportedFormatError,
)

#: Why a file failed, one short label per cause; the batch summary counts by these.
ERROR_KINDS = {
    UnsupportedFormatError: "unsupported format",
    EmptyFileError: "empty file",
    CorruptFileError: "corrupt file",
    NotTextError: "not text",
    FileTooLargeError: "too large",
    UnreadableFileError: "cannot open",
    ReaderUnavailableError: "reader not installed",
}
READER_CRASHED = "reader failed"
PIPELINE_FAILED = "pipeline failed"
WORKER_DIED = "worker died"


@dataclass(frozen=True)
class TagRecord:
    """One output row: a document and what the pipeline found in it."""

    path: str
    sha256: str
    status: str
    #: "" when status is "ok", else a short cause from :data:`ERROR_KINDS` (or reader/pipeline/worker failures)
    error_kind: str = ""
    format: str = ""
    language: str = ""
    languages: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    n_paragraphs: int = 0
    n_chars: int = 0
    n_tokens: int = 0
    n_words: int = 0
    n_sentences: int = 0
    top_words: tuple[str, ...] = field(default_factory=tuple)
    themes: dict[str, float] = field(default_factory=dict)
    primary_theme: str = ""
    #: [{canonical, category, count}] from doc.spans["competencies"], most frequent first
    competencies: tuple[dict, ...] = field(default_factory=tuple)
    #: the same for doc.spans["terms"]
    terms: tuple[dict, ...] = field(default_factory=tuple)
    #: what reading repaired or doubted (Document.warnings), e.g. bad bytes in a UTF-8 file
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def key(self) -> tuple[str, str]:
        """(path, sha256): a resumed run skips a file whose key is already in the output."""
        return (self.path, self.sha256)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["top_words"] = list(self.top_words)
        d["competencies"] = [dict(c) for c in self.competencies]
        d["terms"] = [dict(c) for c in self.terms]
        d["warnings"] = list(self.warnings)
        return d

    @classmethod
    def from_dict(cls, data: dict) -> TagRecord:
        """The record of a row written by :meth:`to_dict` (unknown keys are ignored)."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for name in ("top_words", "competencies", "terms", "warnings"):
            values[name] = tuple(values.get(name) or ())
        return cls(**values)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(TagRecord))


def error_record(path: str, digest: str, error: BaseException, *, kind: str | None = None) -> TagRecord:
    """The record of a file that could not be tagged: ``status`` says why, on one line."""
    reason = getattr(error, "reason", None) or f"{error.__class__.__name__}: {error}"
    if kind is None:
        kind = next((k for cls, k in ERROR_KINDS.items() if isinstance(error, cls)), READER_CRASHED)
    return TagRecord(path=path, sha256=digest, status=f"error: {_one_line(reason)}", error_kind=kind)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


def record_from_doc(path: str, digest: str, document: Document, doc) -> TagRecord:
    """The record of a document read as ``document`` and tagged as the spaCy ``doc``."""
    # token attributes in bulk: a Token object per token would cost more than the tagging
    arr = doc.to_array([IS_ALPHA, IS_SPACE, IS_STOP, LIKE_NUM, LENGTH, LEMMA, NORM, SENT_START]).reshape(-1, 8)
    is_alpha = arr[:, 0].astype(bool)
    return TagRecord(
        path=path,
        sha256=digest,
        status="ok",
        format=document.provenance.format,
        language=document.language,
        languages=dict(document.languages),
        meta=document.meta.to_dict(),
        n_paragraphs=len(document.paragraphs),
        n_chars=len(doc.text),
        n_tokens=int((arr[:, 1] == 0).sum()),
        n_words=int(is_alpha.sum()),
        n_sentences=_n_sentences(arr[:, 7]),
        top_words=_top_lemmas(doc, arr, is_alpha),
        themes=dict(doc.cats),
        primary_theme=primary_theme(doc.cats),
        competencies=_mention_counts(doc, "competencies"),
        terms=_mention_counts(doc, "terms"),
        warnings=tuple(document.warnings),
    )


def _n_sentences(sent_starts: np.ndarray) -> int:
    """As many as ``doc.sents`` gives (the first token always starts one), without Span objects."""
    if not (sent_starts != 0).any():  # no sentence boundaries set (doc.has_annotation walks Tokens)
        return 0
    return 1 + int((sent_starts[1:] == 1).sum())


def _top_lemmas(doc, arr: np.ndarray, is_alpha: np.ndarray, n: int = 10) -> tuple[str, ...]:
    """The ``n`` most frequent lemmas (мектептің, мектепте → мектеп) of words longer than two
    letters, stop words and numbers left out; ties in order of first appearance."""
    keep = is_alpha & (arr[:, 2] == 0) & (arr[:, 3] == 0) & (arr[:, 4] > 2)
    keys = np.where(arr[:, 5] != 0, arr[:, 5], arr[:, 6])[keep]  # the lemma, else the norm
    if not len(keys):
        return ()
    hashes, first, counts = np.unique(keys, return_index=True, return_counts=True)
    strings, vocab = doc.vocab.strings, doc.vocab
    totals: dict[str, list[int]] = {}  # lower-cased lemma -> [count, first position]
    for h, pos, count in zip(hashes.tolist(), first.tolist(), counts.tolist(), strict=True):
        word = strings[h].lower()
        entry = totals.setdefault(word, [0, pos])
        entry[0] += count
        entry[1] = min(entry[1], pos)
    ranked = sorted(
        ((w, c, p) for w, (c, p) in totals.items() if not vocab[w].is_stop), key=lambda x: (-x[1], x[2])
    )
    return tuple(w for w, _, _ in ranked[:n])


def primary_theme(cats: dict[str, float]) -> str:
    """The best theme if it reaches the 0.5 threshold, else "".

    >>> primary_theme({"inclusive_education": 0.8, "assessment": 0.6}), primary_theme({"assessment": 0.3})
    ('inclusive_education', '')
    """
    if not cats:
        return ""
    best = max(sorted(cats), key=cats.get)
    return best if cats[best] >= 0.5 else ""


def _mention_counts(doc, group: str) -> tuple[dict, ...]:
    """[{canonical, category, count}] of one span group, most frequent first."""
    if group not in doc.spans:
        return ()
    counts = Counter((span._.canonical, span.label_) for span in doc.spans[group])
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple({"canonical": c, "category": cat, "count": n} for (c, cat), n in ranked)
