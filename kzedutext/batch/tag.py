"""Tag every document of a collection and write one record per document.

Every supported format is read with :func:`kzedutext.read` (web boilerplate
removed, header metadata and paragraph languages found). Only the Kazakh
paragraphs, without the reference list, go through the Kazakh pipeline: a Russian
paragraph is never tokenised as Kazakh. The record keeps ``meta``, ``language``
and the share of each language.

- **Streams:** the main process reads and hashes one file at a time and keeps a
  bounded window of files in flight, so memory stays flat however many files.
- **Engines:** this process, local worker processes (``n_process``), or a Dask
  cluster (``engine="dask"``); the records are the same whichever runs them.
- **Never stops, never drops:** a file that cannot be read, or whose worker dies,
  gets a record whose ``status`` says why.
- **Resumes:** :func:`tag_to_file` skips files whose (path, sha256) is already in
  the output; a run killed at any moment loses nothing already written.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Мұғалім сабақ береді. Оқушылар тыңдайды.", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> [(r.path.endswith("a.txt"), r.status, r.n_sentences, r.language) for r in tag_files([folder])]
[(True, 'ok', 2, 'kk'), (False, 'error: the file is empty (0 bytes)', 0, '')]
"""

from __future__ import annotations

import json
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .. import __version__
from ..ingest.text import DEFAULT_MAX_BYTES
from .engines import ENGINES, PoolBroken, WorkItem, died_record, make_engine
from .inputs import iter_input_files, load_bytes, path_text, unique_files
from .progress import TagProgress
from .records import TagRecord, error_record
from .worker import TagOptions
from .writers import FORMATS, format_of, journal_path, open_writer

ORDERS = ("input", "finish")


@dataclass(frozen=True)
class TagSummary:
    """What a batch run did. ``failures`` counts failed files by cause (``error_kind``)."""

    n_documents: int
    n_ok: int
    failures: dict[str, int]
    #: files already in the output from an earlier run, not tagged again (counted above too)
    n_skipped: int = 0
    #: of those, how many had been read ok
    n_skipped_ok: int = 0
    #: failures of the files tagged by this run only, by cause
    run_failures: dict[str, int] = field(default_factory=dict)
    #: files tagged by this run whose reading left a warning (bad bytes repaired, ...)
    n_warned: int = 0
    #: tokens in the documents tagged by this run
    n_tokens: int = 0
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    out: str = ""

    @property
    def n_failed(self) -> int:
        return self.n_documents - self.n_ok

    @property
    def files_per_second(self) -> float:
        return (self.n_documents - self.n_skipped) / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_second(self) -> float:
        return self.n_tokens / self.seconds if self.seconds else 0.0


class _Slot:
    """A file in flight: its item and future until its record is known."""

    __slots__ = ("item", "future", "record")

    def __init__(self, item: WorkItem | None, future=None, record: TagRecord | None = None):
        self.item, self.future, self.record = item, future, record


def _check(n_process: int, order: str, engine: str) -> None:
    if n_process < 1:
        raise ValueError(f"n_process must be at least 1, got {n_process}")
    if order not in ORDERS:
        raise ValueError(f"Unknown order {order!r}; choose one of {ORDERS}")
    if engine not in ENGINES:
        raise ValueError(f"Unknown engine {engine!r}; choose one of {ENGINES}")


def tag_files(
    inputs: Iterable[str | Path],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    order: str = "input",
    redact: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skip: Callable[[str, str], bool] | None = None,
    exclude: Iterable[str | Path] = (),
    progress: TagProgress | None = None,
) -> Iterator[TagRecord]:
    """Yield one :class:`TagRecord` per input file.

    ``order="input"`` yields them in input order (deterministic); ``"finish"`` as
    they finish (faster when file sizes vary). ``engine="dask"`` runs on the Dask
    cluster at ``scheduler`` (or a local one with ``n_process`` workers).
    ``redact=True`` replaces e-mails, phone numbers and IINs before tagging; files
    over ``max_bytes`` get an error record. ``skip(path, sha256)`` returning True
    leaves a file out (a resumed run); so do the files in ``exclude`` (the output).
    """
    _check(n_process, order, engine)
    progress = progress or TagProgress()
    excluded = {Path(p).resolve() for p in exclude}
    paths = [p for p in unique_files(inputs) if not excluded or p.resolve() not in excluded]
    progress.start(len(paths))
    if not paths:
        progress.close()
        return
    if engine == "local":
        from ..pipeline import load

        nlp = nlp or load()  # loaded once here; forked workers share it
    options = TagOptions(redact=redact, max_bytes=max_bytes)
    try:
        with make_engine(engine, workers=n_process, scheduler=scheduler, nlp=nlp, options=options) as runner:
            window = max(2, 4 * runner.workers)
            slots = _submitted(runner, paths, options, skip, progress)
            run = _in_input_order if order == "input" else _as_finished
            for record in run(runner, slots, window):
                progress.done(record)
                yield record
    finally:
        progress.close()


def _submitted(runner, paths, options: TagOptions, skip, progress: TagProgress) -> Iterator[_Slot]:
    """A slot per file to tag: submitted to the engine, or with its record if it cannot be opened."""
    for path in paths:
        data, digest, error = load_bytes(path, max_bytes=options.max_bytes)
        name = path_text(path)
        if skip is not None and skip(name, digest):
            progress.skipped(name, "")
            continue
        if error is not None:
            yield _Slot(None, record=error_record(name, digest, error))
        else:
            item = WorkItem(name, data, digest)
            yield _Slot(item, runner.submit(item))


def _resolve(runner, slot: _Slot, in_flight: Iterable[_Slot]) -> None:
    """Wait for ``slot``'s record. If the local pool died, re-run every file in flight one by one,
    so that only the file that kills its worker gets a "worker died" record."""
    try:
        slot.record = runner.result(slot.future)
    except PoolBroken:
        runner.restart()
        for other in [slot, *in_flight]:
            if other.record is None:
                other.record = _alone(runner, other.item)
    except Exception as err:  # a Dask task whose workers kept dying
        slot.record = died_record(slot.item, err)


def _alone(runner, item: WorkItem) -> TagRecord:
    try:
        return runner.result(runner.submit(item))
    except PoolBroken as err:
        runner.restart()
        return died_record(item, err)


def _in_input_order(runner, slots: Iterator[_Slot], window: int) -> Iterator[TagRecord]:
    pending: deque[_Slot] = deque()

    def head() -> TagRecord:
        slot = pending[0]
        if slot.record is None:
            _resolve(runner, slot, pending)
        return pending.popleft().record

    for slot in slots:
        pending.append(slot)
        while len(pending) >= window:
            yield head()
    while pending:
        yield head()


def _as_finished(runner, slots: Iterator[_Slot], window: int) -> Iterator[TagRecord]:
    running: dict = {}  # future -> slot

    def finished() -> Iterator[TagRecord]:
        for future in runner.wait_first(list(running)):
            slot = running.pop(future, None)
            if slot is None:  # already re-run after a pool failure
                continue
            if slot.record is None:
                _resolve(runner, slot, list(running.values()))
            yield slot.record
            for other in [f for f, s in running.items() if s.record is not None]:
                yield running.pop(other).record

    for slot in slots:
        if slot.record is not None:
            yield slot.record
            continue
        running[slot.future] = slot
        while len(running) >= window:
            yield from finished()
    while running:
        yield from finished()


def _run_identity(nlp: Language | None, redact: bool) -> dict:
    from ..pipeline import DEFAULT_PIPELINE

    names = list(nlp.pipe_names) if nlp is not None else list(DEFAULT_PIPELINE)
    return {"kzedutext": __version__, "pipeline": names, "redact": redact}


def _own_files(out: Path) -> tuple[Path, ...]:
    """The output and the files beside it that a run writes (never taken as inputs)."""
    return (out, _run_file(out), journal_path(out), out.with_name(out.name + ".tmp"))


def _run_file(out: Path) -> Path:
    return out.with_name(out.name + ".run.json")


def _check_resumable(out: Path, identity: dict, *, overwrite: bool) -> None:
    """Refuse to add records made another way (redaction, pipeline) to an earlier run's output."""
    run_file = _run_file(out)
    if run_file.exists() and not overwrite:
        earlier = json.loads(run_file.read_text(encoding="utf-8"))
        differs = {k: (earlier.get(k), v) for k, v in identity.items() if k != "kzedutext" and earlier.get(k) != v}
        if differs:
            what = "; ".join(f"{k} was {a!r}, now {b!r}" for k, (a, b) in differs.items())
            raise ValueError(
                f"{out} holds records of a run made differently ({what}); write to another file, or "
                "start it again (overwrite=True in Python, kzedutext tag --overwrite on the command line)"
            )
    out.parent.mkdir(parents=True, exist_ok=True)
    run_file.write_text(json.dumps(identity, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def tag_to_file(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    fmt: str | None = None,
    n_process: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    order: str = "input",
    nlp: Language | None = None,
    redact: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    overwrite: bool = False,
    exclude: Iterable[str | Path] = (),
    progress: TagProgress | None = None,
) -> TagSummary:
    """Tag ``inputs`` into ``out`` (JSON lines, CSV or Parquet: ``fmt`` or the file ending).

    If ``out`` exists, the run resumes: files already recorded there (same path and
    content) are skipped, the rest appended. ``overwrite=True`` starts afresh.
    Other options as :func:`tag_files`.
    """
    _check(n_process, order, engine)
    out = Path(out)
    fmt = format_of(out, fmt)
    _check_resumable(out, _run_identity(nlp, redact), overwrite=overwrite)
    started = time.perf_counter()
    failures: Counter[str] = Counter()
    run_failures: Counter[str] = Counter()
    n = ok = skipped = skipped_ok = tokens = warned = 0
    with open_writer(out, fmt=fmt, resume=not overwrite) as writer:
        input_order: dict[str, int] = {}
        if order == "input":  # a resumed output is put back in input order, as a fresh run writes it
            writer.input_order = input_order

        def skip(path: str, digest: str) -> bool:
            nonlocal n, ok, skipped, skipped_ok
            input_order.setdefault(path, len(input_order))  # asked of every file, in input order
            kind = writer.done_as(path, digest)  # also under another spelling of the same file
            if kind is None:
                return False
            n, skipped = n + 1, skipped + 1
            ok += kind == ""
            skipped_ok += kind == ""
            if kind:
                failures[kind] += 1
            return True

        for record in tag_files(
            inputs, nlp=nlp, n_process=n_process, engine=engine, scheduler=scheduler, order=order,
            redact=redact, max_bytes=max_bytes, skip=skip, exclude=[*_own_files(out), *exclude], progress=progress,
        ):
            writer.write(record)
            n += 1
            tokens += record.n_tokens
            warned += bool(record.warnings)
            if record.ok:
                ok += 1
            else:
                failures[record.error_kind] += 1
                run_failures[record.error_kind] += 1
    return TagSummary(
        n_documents=n, n_ok=ok, failures=dict(sorted(failures.items())), n_skipped=skipped,
        n_skipped_ok=skipped_ok, run_failures=dict(sorted(run_failures.items())), n_warned=warned, n_tokens=tokens,
        seconds=time.perf_counter() - started, engine=engine, workers=n_process, out=str(out),
    )


__all__ = ["FORMATS", "ORDERS", "TagRecord", "TagSummary", "iter_input_files", "tag_files", "tag_to_file"]
