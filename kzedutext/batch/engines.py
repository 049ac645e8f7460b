"""Where the files are tagged: this process, local worker processes, or a Dask cluster.

Every engine runs the same :func:`~kzedutext.batch.worker.tag_in_worker` on
``(path, bytes, sha256)`` items, so the records do not depend on the engine. The
caller (:func:`kzedutext.batch.tag_files`) keeps a bounded window of items in
flight, which keeps memory flat however many files there are.

>>> from kzedutext import load
>>> with make_engine("local", workers=1, nlp=load()) as engine:
...     future = engine.submit(WorkItem("a.txt", "Мұғалім сабақ береді.".encode(), "f00d"))
...     engine.result(future).status
'ok'
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from spacy.language import Language

from ..ingest import ReadError
from .records import WORKER_DIED, TagRecord, error_record
from .worker import TagOptions, set_worker_nlp, tag_in_worker

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class WorkItem:
    """One file to tag: its path (as written in the record), its bytes and their sha256."""

    path: str
    data: bytes
    digest: str


class PoolBroken(RuntimeError):
    """A local worker process died (killed, out of memory, a crash in a C library)."""


class LocalEngine:
    """``workers == 1``: tag in this process; more: a pool of forked worker processes."""

    #: a worker death breaks the whole pool, so the caller re-runs the items in flight one by one
    isolates_failures = False

    def __init__(self, *, workers: int = 1, nlp: Language | None = None, options: TagOptions = TagOptions()):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self.options = options
        self._nlp = nlp
        self._pool: ProcessPoolExecutor | None = None
        if workers == 1:
            set_worker_nlp(nlp)
        else:
            self._start()

    def _start(self) -> None:
        methods = multiprocessing.get_all_start_methods()
        # fork hands the loaded pipeline to the workers without pickling it
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=_start_worker, initargs=(self._nlp,)
        )

    def submit(self, item: WorkItem) -> Future:
        if self._pool is None:
            future: Future = Future()
            future.set_result(tag_in_worker(item.path, item.data, item.digest, self.options))
            return future
        try:
            return self._pool.submit(tag_in_worker, item.path, item.data, item.digest, self.options)
        except BrokenProcessPool as err:  # resolved (and the pool restarted) when its record is due
            future = Future()
            future.set_exception(err)
            return future

    def wait_first(self, futures) -> set:
        return wait_futures(futures, return_when=FIRST_COMPLETED).done

    def result(self, future: Future) -> TagRecord:
        try:
            return future.result()
        except BrokenProcessPool as err:
            raise PoolBroken(str(err)) from err

    def restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._start()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _start_worker(nlp: Language | None) -> None:
    set_worker_nlp(nlp, watch_parent=True)


class DaskEngine:
    """Tag on a Dask distributed cluster: ``scheduler`` is its address (``tcp://host:8786``),
    or None for a :class:`distributed.LocalCluster` of ``workers`` single-threaded processes.

    Workers need kzedutext installed; they get the file bytes, not paths, so no shared
    file system is needed. ``pip install "kzedutext[scale]"`` installs Dask.
    """

    #: Dask retries a task whose worker died and gives up on that task alone
    isolates_failures = True

    def __init__(
        self,
        *,
        scheduler: str | None = None,
        workers: int = 2,
        nlp: Language | None = None,
        options: TagOptions = TagOptions(),
        timeout: str = "30s",
    ):
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise ImportError(
                'The Dask engine needs dask.distributed: pip install "kzedutext[scale]" '
                '(or pip install "dask[distributed]")'
            ) from err
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.options = options
        self._cluster = None
        if scheduler:
            try:
                self._client = Client(scheduler, timeout=timeout)
            except OSError as err:
                raise ConnectionError(
                    f"cannot reach the Dask scheduler at {scheduler!r} ({err}); start one with "
                    "'dask scheduler' and 'dask worker ADDRESS --nthreads 1', or leave --scheduler out"
                ) from err
        else:
            self._cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self._client = Client(self._cluster)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or workers)
        # a user's own pipeline travels to every worker once; None: workers load kz.load()
        self._nlp = self._client.scatter(nlp, broadcast=True) if nlp is not None else None

    def submit(self, item: WorkItem):
        return self._client.submit(
            tag_in_worker, item.path, item.data, item.digest, self.options, self._nlp, pure=False
        )

    def wait_first(self, futures) -> set:
        from distributed import wait

        return set(wait(list(futures), return_when="FIRST_COMPLETED").done)

    def result(self, future) -> TagRecord:
        return future.result()

    def restart(self) -> None:  # Dask replaces dead workers itself
        pass

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def make_engine(
    name: str = "local",
    *,
    workers: int = 1,
    scheduler: str | None = None,
    nlp: Language | None = None,
    options: TagOptions = TagOptions(),
):
    """The engine called ``name`` ("local" or "dask")."""
    if name == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask; the local engine runs on this machine")
        return LocalEngine(workers=workers, nlp=nlp, options=options)
    if name == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers, nlp=nlp, options=options)
    raise ValueError(f"Unknown engine {name!r}; choose one of {ENGINES}")


def died_record(item: WorkItem, err: BaseException) -> TagRecord:
    """The record of a file whose worker process died while tagging it."""
    reason = (
        f"the worker process died while tagging this file ({err.__class__.__name__}); "
        "it may be too large or trigger a crash in a reader library"
    )
    return error_record(item.path, item.digest, ReadError(item.path, reason), kind=WORKER_DIED)
