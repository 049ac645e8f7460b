"""Where the shared evaluation data lives, and small helpers for the harnesses.

The data sits outside the project, in ``../shared/data`` next to the checkout, or
wherever ``KZEDUTEXT_SHARED_DATA`` points. A harness that cannot find its data
prints why and skips that part instead of failing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("KZEDUTEXT_SHARED_DATA", REPO.parent / "shared" / "data"))
SEEDS = Path(os.environ.get("KZEDUTEXT_SEEDS", REPO.parent / "shared" / "seeds"))


def data_path(*parts: str) -> Path | None:
    """The path below the shared data folder, or None (with a message) when absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        print(f"SKIP: {path} not found (set KZEDUTEXT_SHARED_DATA to the shared data folder)")
        return None
    return path


def best_time(fn: Callable[[], object], *, repeat: int = 3) -> float:
    """Best wall-clock seconds of ``repeat`` calls (after one warm-up call)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def print_table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """Print a plain aligned table."""
    cells = [header] + [[f"{c:.2f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    print(f"\n## {title}")
    for k, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
        if k == 0:
            print("  ".join("-" * w for w in widths))
