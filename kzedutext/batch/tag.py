"""Tag every document of a collection and write one record per document.

Every supported format is read with :func:`kzedutext.read` (web boilerplate
removed, header metadata and paragraph languages found). Only the Kazakh
paragraphs, without the reference list, go through the Kazakh pipeline: a Russian
paragraph is never tokenised as Kazakh. The record keeps ``meta``, ``language``
and the share of each language.

Streams: files are read one at a time and passed through ``nlp.pipe``, so memory
stays flat however many files there are. A file that cannot be read gets a record
whose ``status`` says why; it never stops the batch and is never dropped.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Мұғалім сабақ береді. Оқушылар тыңдайды.", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> [(r.path.endswith("a.txt"), r.status, r.n_sentences, r.language) for r in tag_files([folder])]
[(True, 'ok', 2, 'kk'), (False, 'error: the file is empty (0 bytes)', 0, '')]
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from spacy.language import Language

from ..ingest import SUFFIXES, Document, ReadError, read
from ..ingest.text import DEFAULT_MAX_BYTES, read_bytes
from ..pipeline import load

#: File endings the batch reader understands.
SUPPORTED_SUFFIXES = tuple(SUFFIXES)
FORMATS = ("jsonl", "csv")


@dataclass(frozen=True)
class TagRecord:
    """One output row: a document and what the pipeline found in it."""

    path: str
    sha256: str
    status: str
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

    def to_dict(self) -> dict:
        d = asdict(self)
        d["top_words"] = list(self.top_words)
        d["competencies"] = [dict(c) for c in self.competencies]
        d["terms"] = [dict(c) for c in self.terms]
        return d

    def to_row(self) -> dict:
        """A flat dict for CSV: lists joined by spaces, dicts as JSON."""
        d = self.to_dict()
        d["top_words"] = " ".join(self.top_words)
        d["languages"] = json.dumps(self.languages, ensure_ascii=False)
        d["meta"] = json.dumps(d["meta"], ensure_ascii=False)
        d["themes"] = json.dumps(self.themes, ensure_ascii=False)
        d["competencies"] = json.dumps(d["competencies"], ensure_ascii=False)
        d["terms"] = json.dumps(d["terms"], ensure_ascii=False)
        return d


@dataclass(frozen=True)
class TagSummary:
    """What a batch run did: counts of documents by status."""

    n_documents: int
    n_ok: int
    failures: dict[str, int]


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named in ``inputs``, folders expanded recursively (sorted, hidden skipped)."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def _read(path: Path, *, redact: bool, max_bytes: int) -> tuple[Document | None, str, str]:
    """(document or None, sha256, status) for one file."""
    try:
        data = read_bytes(path, max_bytes=max_bytes)
    except ReadError as err:
        return None, "", f"error: {err.reason}"
    digest = hashlib.sha256(data).hexdigest()
    try:
        return read(data, name=str(path), redact=redact, max_bytes=max_bytes), digest, "ok"
    except ReadError as err:
        return None, digest, f"error: {err.reason}"
    except Exception as err:  # a reader library's own bug must not stop the batch
        return None, digest, f"error: unexpected {err.__class__.__name__} while reading ({err})"


def _record(path: Path, digest: str, document: Document, doc) -> TagRecord:
    words = [t for t in doc if t.is_alpha]
    # the most frequent lemmas (мектептің, мектепте → мектеп), stop words left out
    counts = Counter(
        (t.lemma_ or t.norm_).lower()
        for t in words
        if not (t.is_stop or t.like_num or doc.vocab[(t.lemma_ or t.norm_).lower()].is_stop) and len(t) > 2
    )
    return TagRecord(
        path=str(path),
        sha256=digest,
        status="ok",
        format=document.provenance.format,
        language=document.language,
        languages=document.languages,
        meta=document.meta.to_dict(),
        n_paragraphs=len(document.paragraphs),
        n_chars=len(doc.text),
        n_tokens=sum(1 for t in doc if not t.is_space),
        n_words=len(words),
        n_sentences=sum(1 for _ in doc.sents),
        top_words=tuple(w for w, _ in counts.most_common(10)),
        themes=dict(doc.cats),
        primary_theme=_primary(doc.cats),
        competencies=_mention_counts(doc, "competencies"),
        terms=_mention_counts(doc, "terms"),
    )


def _primary(cats: dict[str, float]) -> str:
    """The best theme if it reaches the 0.5 threshold, else ""."""
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


def tag_files(
    inputs: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    redact: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[TagRecord]:
    """Yield one :class:`TagRecord` per input file, in input order.

    ``redact=True`` replaces e-mails, phone numbers and IINs in the text and the
    metadata before tagging; files over ``max_bytes`` get an error record.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, got {n_process}")
    nlp = nlp or load()
    # input order: a failed file's record waits here until the documents read
    # before it have come out of nlp.pipe; None marks a document in the pipe
    pending: deque[TagRecord | None] = deque()

    def readable() -> Iterator[tuple[str, tuple[Path, str, Document]]]:
        for path in iter_input_files(inputs):
            document, digest, status = _read(path, redact=redact, max_bytes=max_bytes)
            if document is None:
                pending.append(TagRecord(str(path), digest, status))
            else:
                pending.append(None)
                # only Kazakh prose goes through the Kazakh pipeline
                yield document.text_in("kk"), (path, digest, document)

    for doc, (path, digest, document) in nlp.pipe(
        readable(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        while pending[0] is not None:
            yield pending.popleft()
        pending.popleft()
        yield _record(path, digest, document, doc)
    yield from (rec for rec in pending if rec is not None)


def tag_to_file(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    fmt: str = "jsonl",
    n_process: int = 1,
    nlp: Language | None = None,
    redact: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> TagSummary:
    """Tag ``inputs`` and write the records to ``out`` as JSON lines or CSV."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown format {fmt!r}; choose one of {FORMATS}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = ok = 0
    failures: Counter[str] = Counter()
    columns = list(TagRecord.__dataclass_fields__)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns) if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for rec in tag_files(inputs, nlp=nlp, n_process=n_process, redact=redact, max_bytes=max_bytes):
            if writer:
                writer.writerow(rec.to_row())
            else:
                fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
            n += 1
            if rec.status == "ok":
                ok += 1
            else:
                failures[rec.status] += 1
    return TagSummary(n, ok, dict(failures))
