"""Progress of a batch run: a quiet default and a rich progress bar for the command line.

>>> progress = TagProgress()
>>> progress.start(2); progress.skipped("a.txt", ""); progress.done(TagRecord("b.txt", "", "ok"))
"""

from __future__ import annotations

import time

from .records import TagRecord


class TagProgress:
    """What a batch run reports as it goes. Subclass it; every method does nothing here."""

    def start(self, total: int) -> None:
        """The run found ``total`` input files."""

    def skipped(self, path: str, error_kind: str) -> None:
        """``path`` is already in the output (a resumed run)."""

    def done(self, record: TagRecord) -> None:
        """``record`` has been written."""

    def close(self) -> None:
        """The run is over."""


class RichProgress(TagProgress):
    """A progress bar with files/s, tokens/s, ok and failed counts and the time left."""

    def __init__(self, console=None, *, description: str = "Tagging"):
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[counts]}"),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self._description = description
        self._task = None
        self._ok = self._failed = self._skipped = self._tokens = self._new = 0
        self._started = 0.0

    def start(self, total: int) -> None:
        self._started = time.perf_counter()
        self._progress.start()
        self._task = self._progress.add_task(self._description, total=total, rate="", counts="")

    def _advance(self) -> None:
        elapsed = max(time.perf_counter() - self._started, 1e-9)
        rate = f"{self._new / elapsed:,.1f} files/s {self._tokens / elapsed:,.0f} tok/s"
        counts = f"[green]{self._ok} ok[/] [red]{self._failed} failed[/]"
        if self._skipped:
            counts += f" [dim]{self._skipped} already done[/]"
        self._progress.update(self._task, advance=1, rate=rate, counts=counts)

    def skipped(self, path: str, error_kind: str) -> None:
        self._skipped += 1
        self._advance()

    def done(self, record: TagRecord) -> None:
        self._new += 1
        self._tokens += record.n_tokens
        if record.ok:
            self._ok += 1
        else:
            self._failed += 1
        self._advance()

    def close(self) -> None:
        self._progress.stop()
