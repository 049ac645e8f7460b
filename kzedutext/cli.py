"""The ``kzedutext`` command line. Each command wraps a plain function.

kzedutext tag corpus/texts --out out/corpus.jsonl
kzedutext tag papers/ --out out/papers.csv --format csv --redact
kzedutext terms papers/ --out out/terms.csv --candidates 50
kzedutext reuse papers/ --out out/reuse.jsonl
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from . import __version__
from .batch.tag import FORMATS, tag_to_file
from .reuse.report import reuse_to_file
from .terms.export import terms_to_file

app = typer.Typer(add_completion=False, help="Analyse Kazakh pedagogical writing.")
console = Console(stderr=True)


@app.callback()
def main() -> None:
    """kzedutext: tokenise, tag and explore Kazakh pedagogy articles."""


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


@app.command()
def tag(
    inputs: list[Path] = typer.Argument(..., help="Files and folders (searched recursively)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to use."),
    redact: bool = typer.Option(
        False, "--redact", help="Replace e-mails, phone numbers and IINs with [EMAIL], [PHONE], [IIN]."
    ),
    max_mb: float = typer.Option(50.0, "--max-mb", min=0.001, help="Refuse files larger than this (MB)."),
) -> None:
    """Tag every document and write one record per document."""
    if fmt not in FORMATS:
        raise typer.BadParameter(
            f"{fmt!r} is not a format; choose one of {', '.join(FORMATS)}", param_hint="--format"
        )
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise typer.BadParameter(f"not found: {', '.join(missing)}", param_hint="INPUTS")
    with console.status("Tagging..."):
        summary = tag_to_file(
            inputs, out, fmt=fmt, n_process=workers, redact=redact, max_bytes=int(max_mb * 1024 * 1024)
        )
    console.print(
        f"{summary.n_documents} documents: {summary.n_ok} ok, {summary.n_documents - summary.n_ok} failed -> {out}"
    )
    for cause, n in sorted(summary.failures.items()):
        console.print(f"  {n} x {cause}")


@app.command()
def terms(
    inputs: list[Path] = typer.Argument(..., help="Files and folders (searched recursively)."),
    out: Path = typer.Option(..., "--out", "-o", help="CSV file: one row per competency or term."),
    candidates: int = typer.Option(
        0, "--candidates", "-c", min=0, help="Also list this many candidate terms the ontology does not know."
    ),
    max_mb: float = typer.Option(50.0, "--max-mb", min=0.001, help="Refuse files larger than this (MB)."),
) -> None:
    """Count competencies and pedagogical terms across documents (and discover new ones)."""
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise typer.BadParameter(f"not found: {', '.join(missing)}", param_hint="INPUTS")
    with console.status("Counting terms..."):
        summary = terms_to_file(inputs, out, candidates=candidates, max_bytes=int(max_mb * 1024 * 1024))
    console.print(
        f"{summary.n_documents} documents ({summary.n_ok} read), {summary.n_concepts} concepts -> {out}"
    )
    for cause, n in sorted(summary.failures.items()):
        console.print(f"  {n} x {cause}")
    if summary.candidates_path:
        console.print(f"candidates -> {summary.candidates_path}")


@app.command()
def reuse(
    inputs: list[Path] = typer.Argument(..., help="Files and folders (searched recursively)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output file (JSON lines, one pair per line)."),
    threshold: float = typer.Option(
        0.02, "--threshold", "-t", min=0.0, max=1.0, help="Least share of a or b in shared passages."
    ),
    min_words: int = typer.Option(20, "--min-words", min=1, help="Shortest shared passage, in words."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to use."),
) -> None:
    """Find pairs of documents that share passages (copied or reworded)."""
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise typer.BadParameter(f"not found: {', '.join(missing)}", param_hint="INPUTS")
    with console.status("Looking for shared passages..."):
        summary = reuse_to_file(inputs, out, threshold=threshold, min_words=min_words, n_process=workers)
    console.print(f"{summary.n_documents} documents, {summary.n_pairs} pairs sharing passages -> {out}")
    for path, reason in summary.failed:
        console.print(f"  not read: {path}: {reason}")


if __name__ == "__main__":  # pragma: no cover
    app()
