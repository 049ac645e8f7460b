"""The ``kzedutext`` command line. Each command wraps a plain function.

kzedutext tag corpus/texts --out out/corpus.jsonl
kzedutext tag papers/ --out out/papers.csv --format csv --redact
kzedutext tag papers/ --out out/papers.parquet --workers 8
kzedutext tag papers/ --out out/papers.parquet --engine dask --scheduler tcp://10.0.0.5:8786
kzedutext terms papers/ --out out/terms.csv --candidates 50
kzedutext train labelled.csv --model out/model.pkl
kzedutext classify out/model.pkl new_papers/ --out out/classified.jsonl
kzedutext reuse papers/ --out out/reuse.jsonl
kzedutext report papers/ --out out/report.html
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import typer
from rich.console import Console

from . import __version__
from .batch import ENGINES, FORMATS, ORDERS, RichProgress, TagProgress, TagSummary, tag_to_file
from .batch.writers import format_of
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
    out: Path = typer.Option(..., "--out", "-o", help="Output file: .jsonl, .csv or .parquet."),
    fmt: str = typer.Option(None, "--format", "-f", help=f"One of: {', '.join(FORMATS)} (default: from --out)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes (Dask: workers of a local cluster)."),
    engine: str = typer.Option("local", "--engine", help=f"One of: {', '.join(ENGINES)}."),
    scheduler: str = typer.Option(None, "--scheduler", help="Address of a Dask scheduler (tcp://host:8786); needs --engine dask."),
    order: str = typer.Option("input", "--order", help="'input': records in input order (deterministic); 'finish': as files finish."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Start the output afresh instead of resuming it."),
    redact: bool = typer.Option(
        False, "--redact", help="Replace e-mails, phone numbers and IINs with [EMAIL], [PHONE], [IIN]."
    ),
    max_mb: float = typer.Option(50.0, "--max-mb", min=0.001, help="Refuse files larger than this (MB)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Tag every document and write one record per document (resumes an interrupted run)."""
    _choice(fmt, FORMATS, "--format")
    _choice(engine, ENGINES, "--engine")
    _choice(order, ORDERS, "--order")
    _exists(inputs)
    _file_option(out)
    try:
        fmt = format_of(out, fmt)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--out") from err
    progress = TagProgress() if quiet else RichProgress(console)
    try:
        summary = tag_to_file(
            inputs, out, fmt=fmt, n_process=workers, engine=engine, scheduler=scheduler, order=order,
            redact=redact, max_bytes=int(max_mb * 1024 * 1024), overwrite=overwrite, progress=progress,
        )
    except (ValueError, ImportError, ConnectionError) as err:
        console.print(f"[red]error:[/] {err}")
        raise typer.Exit(2) from err
    except KeyboardInterrupt:
        console.print(f"[yellow]interrupted:[/] the records written so far are kept in {out}; "
                      "run the same command again to tag the rest")
        raise typer.Exit(130) from None
    console.print(summary_table(summary))


def summary_table(summary: TagSummary):
    """The end-of-run summary: ok, failed by cause, already done, speed."""
    from rich.table import Table

    table = Table(title=f"{summary.n_documents} documents -> {summary.out}", show_header=False)
    table.add_row("[green]ok", f"{summary.n_ok - summary.n_skipped_ok:,}")
    for cause, n in summary.run_failures.items():
        table.add_row(f"[red]failed: {cause}", f"{n:,}")
    if summary.n_warned:
        table.add_row("[yellow]read with a warning (see the warnings column)", f"{summary.n_warned:,}")
    if summary.n_skipped:
        failed_before = summary.n_skipped - summary.n_skipped_ok
        table.add_row("[dim]already in the output (skipped)",
                      f"{summary.n_skipped:,} ({summary.n_skipped_ok:,} ok, {failed_before:,} failed)")
    table.add_row(
        "speed",
        f"{summary.files_per_second:,.1f} files/s, {summary.tokens_per_second:,.0f} tokens/s "
        f"({summary.engine}, {summary.workers} worker{'s' if summary.workers > 1 else ''}, {summary.seconds:,.1f} s)",
    )
    return table


def _choice(value: str | None, choices, option: str) -> None:
    if value is not None and value not in choices:
        raise typer.BadParameter(f"{value!r} is not allowed; choose one of {', '.join(choices)}", param_hint=option)


def _file_option(path: Path, option: str = "--out") -> None:
    """An output option must name a file, not an existing folder."""
    if path.is_dir():
        raise typer.BadParameter(f"{path} is a folder; {option} needs the path of a file (a new name inside "
                                 "that folder will do)", param_hint=option)


_SHOWN_FAILURES = 20


def _print_failed(failed) -> None:
    """One line per file or row not read (the first 20, then how many more)."""
    for where, why in list(failed)[:_SHOWN_FAILURES]:
        console.print(f"  not read: {where}: {why}", markup=False, highlight=False, soft_wrap=True)
    if len(failed) > _SHOWN_FAILURES:
        console.print(f"  ... and {len(failed) - _SHOWN_FAILURES} more")


def _exists(inputs: list[Path]) -> None:
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise typer.BadParameter(f"not found: {', '.join(missing)}", param_hint="INPUTS")


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
    _exists(inputs)
    _file_option(out)
    with console.status("Counting terms..."):
        summary = terms_to_file(inputs, out, candidates=candidates, max_bytes=int(max_mb * 1024 * 1024))
    console.print(
        f"{summary.n_documents} documents ({summary.n_ok} read), {summary.n_concepts} concepts -> {out}"
    )
    _print_failed(summary.failed)
    if summary.candidates_path:
        console.print(f"candidates -> {summary.candidates_path}")


@app.command()
def train(
    data: Path = typer.Argument(..., help="CSV or JSON-lines file: a text (or file) column and a labels column."),
    model: Path = typer.Option(..., "--model", "-m", help="Where to save the trained model."),
    text_field: str = typer.Option("text", "--text-field", help="Column holding the text."),
    label_field: str = typer.Option(None, "--label-field", help="Column holding the labels (default: labels, label or themes)."),
    cv: int = typer.Option(5, "--cv", min=0, help="Cross-validation folds (0 skips cross-validation)."),
    weak: bool = typer.Option(False, "--weak", help="Ignore labels: train on the zero-training theme scorer's themes."),
) -> None:
    """Cross-validate and train a text classifier; save it to --model."""
    from .ml.train import train as train_model

    if not data.exists():
        raise typer.BadParameter(f"not found: {data}", param_hint="DATA")
    _file_option(model, "--model")
    with console.status("Training..."):
        try:
            report = train_model(data, model, cv=cv, text_field=text_field, label_field=label_field, weak=weak)
        except ValueError as err:
            raise typer.BadParameter(str(err), param_hint="DATA") from err
    kind = "multi-label" if report.multilabel else "multi-class"
    console.print(f"{report.n_texts} texts, {len(report.classes)} classes ({kind}) -> {model}")
    if report.cv_folds:
        console.print(f"{report.cv_folds}-fold cross-validation: accuracy {report.cv_accuracy:.3f}, "
                      f"macro-F1 {report.cv_macro_f1:.3f}, micro-F1 {report.cv_micro_f1:.3f}")
    if report.cv_skipped:
        console.print(report.cv_skipped, markup=False)


@app.command()
def classify(
    model: Path = typer.Argument(..., help="A model saved by 'kzedutext train'."),
    inputs: list[Path] = typer.Argument(..., help="CSV/JSON-lines files of texts, or documents and folders."),
    out: Path = typer.Option(..., "--out", "-o", help="Output JSON-lines file."),
    text_field: str = typer.Option("text", "--text-field", help="Column holding the text in CSV/JSON-lines inputs."),
    threshold: float = typer.Option(0.5, "--threshold", min=0.0, max=1.0, help="Multi-label decision threshold."),
) -> None:
    """Apply a trained model; write one JSON line (id, labels, scores) per text."""
    from .ml.train import classify_to_file

    missing = [str(p) for p in [model, *inputs] if not p.exists()]
    if missing:
        raise typer.BadParameter(f"not found: {', '.join(missing)}")
    _file_option(out)
    try:
        summary = classify_to_file(model, inputs, out, text_field=text_field, threshold=threshold)
    except ValueError as err:  # not a model file, a data file that is not CSV / JSON lines
        console.print(f"[red]error:[/] {err}")
        raise typer.Exit(2) from err
    console.print(f"{summary.n_written} texts classified -> {out}")
    _print_failed(summary.failed)


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
    _exists(inputs)
    _file_option(out)
    with console.status("Looking for shared passages..."):
        summary = reuse_to_file(inputs, out, threshold=threshold, min_words=min_words, n_process=workers)
    console.print(f"{summary.n_documents} documents, {summary.n_pairs} pairs sharing passages -> {out}")
    _print_failed(summary.failed)


@app.command()
def report(
    inputs: list[Path] = typer.Argument(..., help="Files and folders (searched recursively)."),
    out: Path = typer.Option(..., "--out", "-o", help="The HTML file to write (one self-contained page)."),
    title: str = typer.Option("kzedutext: корпус есебі / corpus report", "--title", help="Heading of the report."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes to use."),
    seed: int = typer.Option(0, "--seed", help="Random seed of the clustering (same seed, same report)."),
    redact: bool = typer.Option(
        False, "--redact", help="Replace e-mails, phone numbers and IINs with [EMAIL], [PHONE], [IIN]."
    ),
    max_mb: float = typer.Option(50.0, "--max-mb", min=0.001, help="Refuse files larger than this (MB)."),
    records: Path = typer.Option(
        None, "--records", help="A 'kzedutext tag' output to reuse: only files not in it are tagged (and added)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress messages."),
) -> None:
    """Write one self-contained HTML report: overview, themes, competencies, clusters, reuse, documents."""
    from .report import build_report

    _exists(inputs)
    _file_option(out)
    if records is not None:
        _file_option(records, "--records")
    try:
        with (contextlib.nullcontext() if quiet else console.status("Building the report...")) as status:
            summary = build_report(
                inputs,
                out,
                title=title,
                seed=seed,
                n_process=workers,
                redact=redact,
                max_bytes=int(max_mb * 1024 * 1024),
                records=records,
                progress=None if quiet else (lambda step: status.update(f"Report: {step}...")),
            )
    except ValueError as err:  # e.g. --records written with other settings
        console.print(f"[red]error:[/] {err}")
        raise typer.Exit(2) from err
    console.print(
        f"{summary.n_documents} documents: {summary.n_ok} ok, {summary.n_documents - summary.n_ok} failed; "
        f"{summary.n_clusters} clusters, {summary.n_reuse_pairs} reuse pairs -> {out} ({summary.n_bytes:,} bytes)"
    )
    for cause, n in sorted(summary.failures.items()):
        console.print(f"  {n} x {cause}")


if __name__ == "__main__":  # pragma: no cover
    app()
