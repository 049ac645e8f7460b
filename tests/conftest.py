"""Shared fixtures: paths to the shared evaluation data and the seed articles.

Both live outside the project (``../shared``); tests that need them skip with a
message saying where they looked.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import kzedutext

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SHARED_DATA = Path(os.environ.get("KZEDUTEXT_SHARED_DATA", SHARED / "data"))
SEEDS = Path(os.environ.get("KZEDUTEXT_SEEDS", SHARED / "seeds"))
CORPUS = REPO / "corpus"


RUN_SLOW = os.environ.get("KZEDUTEXT_RUN_SLOW") == "1"


def pytest_collection_modifyitems(config, items):
    """Skip (not deselect) slow tests unless KZEDUTEXT_RUN_SLOW=1, so every run reports them."""
    if RUN_SLOW:
        return
    skip = pytest.mark.skip(reason="slow test: set KZEDUTEXT_RUN_SLOW=1 to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    return kzedutext.load()


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The seed articles by file-name prefix ("000", "002", "004")."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set KZEDUTEXT_SEEDS)")
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED_DATA} (set KZEDUTEXT_SHARED_DATA)")
    return SHARED_DATA
