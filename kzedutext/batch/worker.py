"""The work of one file, the same in every engine: bytes in, :class:`TagRecord` out.

Runs in the calling process, in a local worker process or on a Dask worker. It
never raises for a bad file: every failure becomes an error record.

>>> from kzedutext import load
>>> rec = tag_bytes("a.txt", "Мұғалім сабақ береді.".encode(), "f00d", nlp=load())
>>> (rec.status, rec.n_sentences, rec.language)
('ok', 1, 'kk')
>>> tag_bytes("b.txt", b"", "e3b0", nlp=load()).status
'error: the file is empty (0 bytes)'
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass

from spacy.language import Language

from ..ingest import ReadError
from ..ingest.text import DEFAULT_MAX_BYTES
from .inputs import read_document
from .records import PIPELINE_FAILED, TagRecord, error_record, record_from_doc


@dataclass(frozen=True)
class TagOptions:
    """What every worker needs to know besides the file itself."""

    redact: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def tag_bytes(
    path: str, data: bytes, digest: str, *, nlp: Language, options: TagOptions = TagOptions()
) -> TagRecord:
    """Read ``data`` (the bytes of ``path``), tag its Kazakh prose with ``nlp``, return the record."""
    try:
        document = read_document(data, path, redact=options.redact, max_bytes=options.max_bytes)
    except ReadError as err:  # ReaderCrashedError included: its kind is "reader failed"
        return error_record(path, digest, err)
    try:
        # only Kazakh prose goes through the Kazakh pipeline
        doc = nlp(document.text_in("kk"))
        return record_from_doc(path, digest, document, doc)
    except Exception as err:
        reason = f"the pipeline failed ({err.__class__.__name__}: {err}); please report this file"
        return error_record(path, digest, ReadError(path, reason), kind=PIPELINE_FAILED)


# One pipeline per worker process, loaded on first use (or handed over by the engine);
# the lock keeps a Dask worker with several threads from running it twice at once.
_WORKER_NLP: Language | None = None
_WORKER_LOCK = threading.Lock()


def set_worker_nlp(nlp: Language | None, *, watch_parent: bool = False) -> None:
    """Process-pool initializer: keep ``nlp`` (or load the default pipeline) for this process.

    ``watch_parent=True`` (worker processes) ends this process when the one that started
    it is gone, so a batch killed with ``kill -9`` leaves no idle workers behind.
    """
    global _WORKER_NLP
    if watch_parent:
        _exit_with_parent()
    if nlp is None:
        from ..pipeline import load

        nlp = load()
    _WORKER_NLP = nlp


def _exit_with_parent(interval: float = 1.0) -> None:
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:  # re-parented: the batch process died
                os._exit(1)

    threading.Thread(target=watch, name="kzedutext-parent-watch", daemon=True).start()


def tag_in_worker(
    path: str, data: bytes, digest: str, options: TagOptions, nlp: Language | None = None
) -> TagRecord:
    """:func:`tag_bytes` with ``nlp``, or this process's pipeline (see :func:`set_worker_nlp`)."""
    with _WORKER_LOCK:
        if nlp is None and _WORKER_NLP is None:
            set_worker_nlp(None)
        return tag_bytes(path, data, digest, nlp=nlp or _WORKER_NLP, options=options)
