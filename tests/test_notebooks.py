"""The notebooks are stored clean and are executed by the test suite.

pytest runs every ``notebooks/*.ipynb`` from top to bottom with nbmake (``--nbmake``
and ``notebooks`` in the ``[tool.pytest.ini_options]`` of pyproject.toml); their
``assert`` cells check real results. This module checks what nbmake does not: that
the stored files carry no outputs, start with an introduction, check their results
and find the repository from wherever they run.
"""

import json
from pathlib import Path

import pytest
from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
EXPECTED = ["01_quickstart", "02_competencies", "03_themes_classifier", "04_explore", "05_batch_and_report"]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_the_numbered_notebooks_are_there():
    assert [p.stem for p in NOTEBOOKS if p.stem[:2] in ("01", "02", "03", "04", "05")] == EXPECTED


def test_the_suite_executes_the_notebooks(pytestconfig):
    assert "notebooks" in pytestconfig.getini("testpaths")
    assert "--nbmake" in pytestconfig.getini("addopts")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_outputs_are_stripped(path: Path):
    code = [c for c in _cells(path) if c["cell_type"] == "code"]
    assert [c["outputs"] for c in code] == [[] for _ in code], "strip the outputs before committing"
    assert [c["execution_count"] for c in code] == [None for _ in code], "strip the execution counts"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_starts_with_an_introduction(path: Path):
    first = _cells(path)[0]
    assert first["cell_type"] == "markdown"
    assert _source(first).startswith("# ") and "What you learn" in _source(first)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_checks_its_results_with_asserts(path: Path):
    code = [_source(c) for c in _cells(path) if c["cell_type"] == "code"]
    asserting = [s for s in code if any(line.startswith("assert ") for line in s.splitlines())]
    assert len(asserting) >= 3


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_paths_are_portable(path: Path):
    """No machine-specific paths; the corpus is found from the notebook's folder upward."""
    code = "\n".join(_source(c) for c in _cells(path) if c["cell_type"] == "code")
    assert "/work/" not in code and "/home/" not in code and "/tmp/" not in code
    assert 'Path.cwd().parents' in code
