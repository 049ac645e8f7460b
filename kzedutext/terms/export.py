"""Write a corpus's term table (and optionally discovered candidates) to CSV files.

The plain function behind ``kzedutext terms``: every file is read with ``kz.read``
(bad files are counted, never stop the run), its Kazakh paragraphs are matched, and
three tables come out: one row per concept (count, document frequency, first-seen
context), one row per concept and document, and — with ``candidates`` — the best
candidate terms the ontology does not know yet.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Кәсіби құзыреттілігін дамыту.", encoding="utf-8")
>>> summary = terms_to_file([folder], folder / "terms.csv")
>>> summary.n_ok, summary.n_concepts
(1, 1)
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from spacy.language import Language

from ..ingest import Document
from ..ingest.text import DEFAULT_MAX_BYTES
from .discovery import Candidate, discover_terms
from .extract import TermCount, TermSummary, term_table


@dataclass(frozen=True)
class TermsSummary:
    """What a ``terms`` run did and where it wrote."""

    n_documents: int
    n_ok: int
    failures: dict[str, int]
    #: (path, why) of every file not read, in input order
    failed: tuple[tuple[str, str], ...]
    n_concepts: int
    summary_path: str
    counts_path: str
    candidates_path: str | None


def terms_to_file(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    candidates: int = 0,
    nlp: Language | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> TermsSummary:
    """Count ontology concepts across ``inputs`` and write CSV tables next to ``out``.

    Args:
        inputs: files and folders (searched recursively).
        out: the per-concept table; ``<out>.counts.csv`` gets the per-document rows and,
            with ``candidates``, ``<out>.candidates.csv`` the discovered candidates.
        candidates: how many unknown candidate terms to list (0: no discovery).
        nlp: the pipeline (default ``kz.load()``).
        max_bytes: files larger than this are refused (and counted as failed).
    """
    from ..pipeline import load

    if candidates < 0:
        raise ValueError(f"candidates must be 0 or more, got {candidates}")
    nlp = nlp or load()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    failures: Counter[str] = Counter()
    failed: list[tuple[str, str]] = []
    n_documents = 0

    def counted(path: str, status: str) -> None:
        nonlocal n_documents
        n_documents += 1
        if status != "ok":
            failures[status] += 1
            failed.append((path, status))

    table = term_table(_documents(inputs, max_bytes, on_status=counted), nlp=nlp)
    summary = table.summary()
    _write(out, [asdict(row) for row in summary], TermSummary)
    counts_path = out.with_name(out.stem + ".counts.csv")
    _write(counts_path, [asdict(row) for row in table.counts], TermCount)
    candidates_path = None
    if candidates:
        found = discover_terms(
            (d.text_in("kk") for d in _documents(inputs, max_bytes)), nlp=nlp, top=candidates, include_known=False
        )
        candidates_path = out.with_name(out.stem + ".candidates.csv")
        _write(candidates_path, [{**asdict(c), "words": " | ".join(c.words)} for c in found], Candidate)
    return TermsSummary(
        n_documents=n_documents,
        n_ok=n_documents - sum(failures.values()),
        failures=dict(failures),
        failed=tuple(failed),
        n_concepts=len(summary),
        summary_path=str(out),
        counts_path=str(counts_path),
        candidates_path=str(candidates_path) if candidates_path else None,
    )


def _documents(inputs: Iterable[str | Path], max_bytes: int, *, on_status=None) -> Iterator[Document]:
    """The readable documents of ``inputs``; ``on_status(path, status)`` hears every file."""
    from ..batch.inputs import iter_input_files, path_text, read_input

    for path in iter_input_files(inputs):
        document, _, status = read_input(path, max_bytes=max_bytes)
        if on_status is not None:
            on_status(path_text(path), status)
        if document is not None:
            yield document


def _write(path: Path, rows: list[dict], row_type: type) -> None:
    """A CSV with the columns of ``row_type``, header included even when no row was found."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[f.name for f in fields(row_type)])
        writer.writeheader()
        writer.writerows(rows)
