"""Find pairs of documents that share passages: ``kz.find_reuse(docs)``.

Each document becomes a sequence of lemmas (so a changed case ending does not
hide a copy), hashed as ``k``-word shingles. Winnowed fingerprints go into one
sorted index: pairs of documents that share at least ``min_shared`` fingerprints
are candidates, so the cost grows with the number of shared fingerprints, not
with the number of document pairs. Each candidate is aligned word by word (see
:mod:`kzedutext.reuse.align`); a pair is reported when it shares a passage of at
least ``min_words`` words and the copied part is at least ``threshold`` of one of
the two documents.

>>> first = ("Мұғалім сабақта оқушылардың сыни ойлауын дамытатын тапсырмаларды жүйелі түрде "
...          "қолданады, ал әр тапсырманың соңында балалар өз жұмысын бағалап, келесі қадамды "
...          "бірге жоспарлайды және қателерін талдайды.")
>>> other = "Ауыл мектебінде кітапхана жаңа кітаптармен толықты. " + first.replace("жүйелі", "үнемі")
>>> pairs = find_reuse([first, "Бүгін күн жылы болды.", other], min_words=10)
>>> [(p.a, p.b, round(p.containment_a, 2)) for p in pairs]
[(0, 2, 1.0)]
>>> pairs[0].passages[0].b_text.startswith("Мұғалім сабақта")
True
>>> find_reuse([])
[]
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.attrs import IDX, LEMMA, LENGTH, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ..analytics._docs import document_inputs
from ..analytics.terms import check_by
from ..ingest import Document
from .align import align
from .fingerprints import shingle_hashes, winnow


@dataclass(frozen=True)
class Passage:
    """One shared passage: character offsets and text in a and in b, and its length in words of a."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    n_words: int


@dataclass(frozen=True)
class ReusePair:
    """Two documents (positions ``a < b`` in the input) that share passages.

    ``containment_a`` is the share of a's words that lie in shared passages (how
    much of a is found in b); ``containment_b`` the same for b.
    """

    a: int
    b: int
    containment_a: float
    containment_b: float
    passages: tuple[Passage, ...]

    @property
    def n_words(self) -> int:
        """Words of a in shared passages."""
        return sum(p.n_words for p in self.passages)

    def to_dict(self) -> dict:
        return {
            "a": self.a,
            "b": self.b,
            "containment_a": round(self.containment_a, 4),
            "containment_b": round(self.containment_b, 4),
            "n_words": self.n_words,
            "passages": [p.__dict__ for p in self.passages],
        }


@dataclass(frozen=True)
class _Prepared:
    text: str
    starts: np.ndarray  # character offset of each word
    ends: np.ndarray
    hashes: np.ndarray  # one per shingle


def _refuse(item) -> Exception:
    return ValueError(
        f"cannot find reuse in {type(item).__name__!r}; give texts, kz.Documents, paths or spaCy Docs"
    )


def _texts(docs: Sequence[str | Path | Document | Doc]) -> Iterator[str | Doc]:
    """Each input as a text or a Doc; a Path or a str naming a file is read (all its text
    but the reference list)."""
    return (item for _, item in document_inputs(docs, refuse=_refuse))


class _Terms:
    """Term ids for one run, looked up once per distinct spaCy string hash (not once per token)."""

    def __init__(self, by: str) -> None:
        self.by = by
        self.ids: dict[str, int] = {}
        self.keep: dict[int, bool] = {}  # orth hash -> a word or a number
        self.term: dict[int, int] = {}  # lemma (or norm) hash -> term id

    def prepare(self, doc: Doc, *, k: int, text: str | None = None) -> _Prepared:
        arr = doc.to_array([ORTH, LEMMA, NORM, IDX, LENGTH]).astype(np.uint64)
        if len(arr) == 0:
            empty = np.empty(0, dtype=np.int32)
            return _Prepared(
                text if text is not None else doc.text, empty, empty, np.empty(0, dtype=np.uint64)
            )
        strings = doc.vocab.strings
        orths, inverse = np.unique(arr[:, 0], return_inverse=True)
        for h in orths.tolist():
            if h not in self.keep:
                form = strings[h]
                self.keep[h] = (
                    any(ch.isalpha() for ch in form) or form.replace(",", "").replace(".", "").isdigit()
                )
        mask = np.array([self.keep[h] for h in orths.tolist()], dtype=bool)[inverse.ravel()]
        words = arr[mask]
        if self.by == "lemma":  # a token without a lemma counts by its norm
            keys = np.where(words[:, 1] != 0, words[:, 1], words[:, 2])
        else:
            keys = words[:, 2]
        distinct, inverse = np.unique(keys, return_inverse=True)
        seq_ids = []
        for h in distinct.tolist():
            if h not in self.term:
                self.term[h] = self.ids.setdefault(strings[h].lower(), len(self.ids))
            seq_ids.append(self.term[h])
        seq = np.asarray(seq_ids, dtype=np.uint64)[inverse.ravel()]
        starts = words[:, 3].astype(np.int32)
        return _Prepared(
            text if text is not None else doc.text,
            starts,
            starts + words[:, 4].astype(np.int32),
            shingle_hashes(seq, k=k),
        )


def _prepared_all(
    docs, nlp: Language | None, *, by: str, k: int, batch_size: int, n_process: int
) -> list[_Prepared]:
    """Each document reduced to its words' offsets and shingle hashes; spaCy Docs made here are not kept."""
    items = list(_texts(docs))
    terms = _Terms(by)
    prepared: list[_Prepared | None] = [
        terms.prepare(item, k=k) if isinstance(item, Doc) else None for item in items
    ]
    texts = ((t, i) for i, t in enumerate(items) if isinstance(t, str))
    if any(p is None for p in prepared):
        from ..pipeline import DEFAULT_PIPELINE, load

        # reuse needs lemmas only: leave the other components out of the default pipeline
        nlp = nlp or load(disable=tuple(n for n in DEFAULT_PIPELINE if n != "kk_lemmatizer"))
        for doc, i in nlp.pipe(texts, as_tuples=True, batch_size=batch_size, n_process=n_process):
            prepared[i] = terms.prepare(doc, k=k, text=items[i])
    return prepared


def candidate_pairs(
    fingerprints: Sequence[np.ndarray], *, min_shared: int, max_df: int
) -> list[tuple[int, int]]:
    """Pairs ``(a, b)``, ``a < b``, sharing at least ``min_shared`` fingerprints.

    A fingerprint held by more than ``max_df`` documents is common wording, not reuse,
    and is ignored.

    >>> import numpy as np
    >>> fps = [np.array([1, 2, 3]), np.array([2, 3, 4]), np.array([5, 6])]
    >>> candidate_pairs([np.asarray(f, dtype=np.uint64) for f in fps], min_shared=2, max_df=10)
    [(0, 1)]
    """
    if not fingerprints:
        return []
    owners = np.concatenate([np.full(len(f), i, dtype=np.int64) for i, f in enumerate(fingerprints)])
    values = np.concatenate(fingerprints)
    order = np.lexsort((owners, values))
    values, owners = values[order], owners[order]
    bounds = np.flatnonzero(np.diff(values)) + 1
    starts = np.concatenate([[0], bounds])
    sizes = np.diff(np.concatenate([starts, [len(values)]]))
    shared = Counter()
    for s, size in zip(
        starts[(sizes >= 2) & (sizes <= max_df)].tolist(),
        sizes[(sizes >= 2) & (sizes <= max_df)].tolist(),
        strict=True,
    ):
        shared.update(itertools.combinations(owners[s : s + size].tolist(), 2))
    return sorted(pair for pair, n in shared.items() if n >= min_shared)


def find_reuse(
    docs: Sequence[str | Path | Document | Doc],
    *,
    nlp: Language | None = None,
    threshold: float = 0.02,
    min_words: int = 20,
    k: int = 3,
    window: int = 4,
    max_gap: int = 10,
    min_shared: int = 2,
    max_df: int = 50,
    by: str = "lemma",
    batch_size: int = 64,
    n_process: int = 1,
) -> list[ReusePair]:
    """Pairs of documents that share passages, strongest first (see the module docstring).

    Args:
        docs: texts, :class:`kz.Document` s (their text without the reference list),
            paths (read with ``kz.read``) or processed spaCy Docs, in any mix. A str
            naming an existing file is read as that file.
        threshold: a pair is reported when its shared passages cover at least this
            share of the words of a or of b.
        min_words: shortest passage, in words, that counts as reuse.
        k: words per shingle; window: winnowing window (shingles).
        max_gap: words a passage may skip (reworded or inserted words).
        min_shared: fingerprints two documents must share to be compared.
        max_df: a fingerprint found in more documents than this is ignored.
        by: compare ``"lemma"`` (default) or word ``"form"``.
    """
    check_by(by)
    for name, value in (
        ("k", k),
        ("window", window),
        ("max_gap", max_gap),
        ("min_words", min_words),
        ("min_shared", min_shared),
        ("max_df", max_df),
    ):
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
    if max_df < 2:
        raise ValueError(f"max_df must be at least 2, got {max_df}")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold}")
    prepared = _prepared_all(docs, nlp, by=by, k=k, batch_size=batch_size, n_process=n_process)
    candidates = candidate_pairs(
        [winnow(p.hashes, w=window) for p in prepared], min_shared=min_shared, max_df=max_df
    )
    pairs = [
        pair
        for a, b in candidates
        if (
            pair := _compare(
                a, b, prepared[a], prepared[b], threshold=threshold, min_words=min_words, k=k, max_gap=max_gap
            )
        )
    ]
    return sorted(pairs, key=lambda p: (-max(p.containment_a, p.containment_b), p.a, p.b))


def _compare(
    a: int, b: int, pa: _Prepared, pb: _Prepared, *, threshold, min_words, k, max_gap
) -> ReusePair | None:
    spans = [s for s in align(pa.hashes, pb.hashes, k=k, max_gap=max_gap) if s.a_end - s.a_start >= min_words]
    if not spans:
        return None
    covered_a = _union_length([(s.a_start, s.a_end) for s in spans]) / len(pa.starts)
    covered_b = _union_length([(s.b_start, s.b_end) for s in spans]) / len(pb.starts)
    if max(covered_a, covered_b) < threshold:
        return None
    passages = tuple(
        Passage(
            int(pa.starts[s.a_start]),
            int(pa.ends[s.a_end - 1]),
            int(pb.starts[s.b_start]),
            int(pb.ends[s.b_end - 1]),
            pa.text[pa.starts[s.a_start] : pa.ends[s.a_end - 1]],
            pb.text[pb.starts[s.b_start] : pb.ends[s.b_end - 1]],
            s.a_end - s.a_start,
        )
        for s in spans
    )
    return ReusePair(a, b, min(covered_a, 1.0), min(covered_b, 1.0), passages)


def _union_length(intervals: Iterable[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(intervals):
        if e > end:
            total += e - max(s, end)
            end = e
    return total
