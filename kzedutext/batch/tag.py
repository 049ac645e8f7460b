"""Tag every document of a collection and write one record per document.

Streams: files are read one at a time and passed through ``nlp.pipe``, so memory
stays flat however many files there are. A file that cannot be read gets a record
whose ``status`` says why; it never stops the batch and is never dropped.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Мұғалім сабақ береді. Оқушылар тыңдайды.", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> [(r.path.endswith("a.txt"), r.status, r.n_sentences) for r in tag_files([folder])]
[(True, 'ok', 2), (False, 'error: the file is empty', 0)]
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

from ..ingest.text import ReadError, decode_bytes
from ..pipeline import load

#: File endings the batch reader understands (more formats arrive with issue #4).
SUPPORTED_SUFFIXES = (".txt",)
FORMATS = ("jsonl", "csv")


@dataclass(frozen=True)
class TagRecord:
    """One output row: a document and what the pipeline found in it."""

    path: str
    sha256: str
    status: str
    n_chars: int = 0
    n_tokens: int = 0
    n_words: int = 0
    n_sentences: int = 0
    top_words: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["top_words"] = list(self.top_words)
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


def _read(path: Path) -> tuple[str | None, str, str]:
    """(text or None, sha256, status) for one file."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, "", f"error: cannot open the file ({err.strerror})"
    digest = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return (
            None,
            digest,
            f"error: unsupported format {path.suffix or '(none)'} (supported: {', '.join(SUPPORTED_SUFFIXES)})",
        )
    try:
        return decode_bytes(data, source=str(path)), digest, "ok"
    except ReadError as err:
        return None, digest, f"error: {err.reason}"


def _record(path: Path, digest: str, doc) -> TagRecord:
    words = [t for t in doc if t.is_alpha]
    counts = Counter(t.norm_ for t in words if not (t.is_stop or t.like_num) and len(t) > 2)
    return TagRecord(
        path=str(path),
        sha256=digest,
        status="ok",
        n_chars=len(doc.text),
        n_tokens=sum(1 for t in doc if not t.is_space),
        n_words=len(words),
        n_sentences=sum(1 for _ in doc.sents),
        top_words=tuple(w for w, _ in counts.most_common(10)),
    )


def tag_files(
    inputs: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[TagRecord]:
    """Yield one :class:`TagRecord` per input file, in input order."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, got {n_process}")
    nlp = nlp or load()
    # input order: a failed file's record waits here until the documents read
    # before it have come out of nlp.pipe; None marks a document in the pipe
    pending: deque[TagRecord | None] = deque()

    def readable() -> Iterator[tuple[str, tuple[Path, str]]]:
        for path in iter_input_files(inputs):
            text, digest, status = _read(path)
            if text is None:
                pending.append(TagRecord(str(path), digest, status))
            else:
                pending.append(None)
                yield text, (path, digest)

    for doc, (path, digest) in nlp.pipe(
        readable(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        while pending[0] is not None:
            yield pending.popleft()
        pending.popleft()
        yield _record(path, digest, doc)
    yield from (rec for rec in pending if rec is not None)


def tag_to_file(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    fmt: str = "jsonl",
    n_process: int = 1,
    nlp: Language | None = None,
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
        for rec in tag_files(inputs, nlp=nlp, n_process=n_process):
            row = rec.to_dict()
            if writer:
                row["top_words"] = " ".join(rec.top_words)
                writer.writerow(row)
            else:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
            if rec.status == "ok":
                ok += 1
            else:
                failures[rec.status] += 1
    return TagSummary(n, ok, dict(failures))
