"""``build_report``: tag a collection and write one self-contained HTML report about it.

The documents are tagged with :func:`kzedutext.batch.tag_files` (one record per
file, failed files included). The texts of the documents read are then clustered,
mapped and searched for reuse (:mod:`kzedutext.report.explore`); the figures come
from :mod:`kzedutext.report.stats`, the charts from :mod:`kzedutext.report.charts`.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Мұғалімнің кәсіби құзыреттілігі дамиды.", encoding="utf-8")
>>> _ = (folder / "b.txt").write_bytes(b"")
>>> summary = build_report([folder], folder / "report.html")
>>> summary.n_documents, summary.n_ok, summary.failures
(2, 1, {'empty file': 1})
>>> "</html>" in (folder / "report.html").read_text(encoding="utf-8")
True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from spacy.language import Language

from ..batch import TagRecord, read_records, tag_files, tag_to_file
from ..batch.inputs import path_text, unique_files
from ..explore.docmap import plot_doc_map
from ..ingest import ReadError, read
from ..ingest.text import DEFAULT_MAX_BYTES
from ..themes import load_taxonomy
from . import charts
from .explore import explore_texts
from .render import ReportContent, render
from .render import plain_label as _plain
from .stats import competency_counts, cooccurrence, overview, theme_counts

#: Kazakh words a document needs to be clustered and searched for reuse.
MIN_KAZAKH_WORDS = 20

#: Above this many documents the clusters map leaves out the document numbers.
MAP_NAMES_UP_TO = 80


@dataclass(frozen=True)
class ReportSummary:
    """What a report run did: where it wrote, documents read and failed (by cause), clusters, reuse pairs."""

    path: str
    n_documents: int
    n_ok: int
    failures: dict[str, int]
    n_clusters: int
    n_reuse_pairs: int
    n_bytes: int


def _records_via_file(inputs: list, records: Path, **options) -> tuple[TagRecord, ...]:
    """The records of ``inputs``, in input order, taken from (and added to) a tag output file."""
    tag_to_file(inputs, records, **options)
    by_file = {}
    for row in read_records(records):
        # a later record of a file is the newer one; the file may be named another way there
        by_file[os.path.realpath(row["path"])] = row
    skipped = {Path(p).resolve() for p in options["exclude"]}
    wanted = [path_text(p) for p in unique_files(inputs) if p.resolve() not in skipped]
    return tuple(replace(TagRecord.from_dict(by_file[os.path.realpath(p)]), path=p)
                 for p in wanted if os.path.realpath(p) in by_file)


def _link(path: str, folder: Path) -> str:
    """The file's address relative to the report's folder, URL-quoted."""
    try:
        rel = os.path.relpath(Path(path).resolve(), folder.resolve())
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_uri()
    return quote(Path(rel).as_posix())


def _text(path: str, *, redact: bool, max_bytes: int) -> str:
    try:
        return read(Path(path), redact=redact, max_bytes=max_bytes).text_in("kk")
    except (ReadError, OSError):  # changed since it was tagged
        return ""


def build_report(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    title: str = "kzedutext: корпус есебі / corpus report",
    seed: int = 0,
    n_process: int = 1,
    redact: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    top_competencies: int = 20,
    top_cooccurrence: int = 15,
    max_pairs: int = 100,
    max_k: int = 8,
    nlp: Language | None = None,
    records: str | Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReportSummary:
    """Tag ``inputs`` (files and folders) and write the HTML report to ``out``.

    Charts are capped: ``top_competencies`` bars, a ``top_cooccurrence`` square
    heatmap, the ``max_pairs`` strongest reuse pairs. Clustering uses ``seed``; the
    same inputs give the same bytes. ``records`` names a ``kzedutext tag`` output
    (.jsonl, .csv or .parquet): files already tagged there are not tagged again, the
    others are tagged into it first (as ``kzedutext tag`` would resume it).
    """
    for name, value in (("top_competencies", top_competencies), ("top_cooccurrence", top_cooccurrence),
                        ("n_process", n_process)):
        if value < 1:
            raise ValueError(f"{name} must be at least 1, got {value}")
    if max_pairs < 0:
        raise ValueError(f"max_pairs must be at least 0, got {max_pairs}")
    say = progress or (lambda message: None)
    out = Path(out)
    say("tagging documents")
    inputs = list(inputs)
    if records is None:
        records = tuple(tag_files(inputs, nlp=nlp, n_process=n_process, redact=redact, max_bytes=max_bytes,
                                  exclude=[out]))  # a report written into the folder is not an input
    else:
        records = _records_via_file(inputs, Path(records), nlp=nlp, n_process=n_process, redact=redact,
                                    max_bytes=max_bytes, exclude=[out])
    # clusters and reuse read the Kazakh text: a document with (almost) none, in Russian or
    # English, is left out of them rather than put in a Kazakh cluster by its few words
    ok = [i for i, r in enumerate(records) if r.status == "ok" and r.n_words >= MIN_KAZAKH_WORDS]
    say("clustering and finding reuse")
    texts = [_text(records[i].path, redact=redact, max_bytes=max_bytes) for i in ok]
    found = explore_texts(texts, seed=seed, max_k=max_k, n_process=n_process)
    pairs = tuple(replace(p, a=ok[p.a], b=ok[p.b]) for p in found.pairs[:max_pairs])
    cluster_of: list[int | None] = [None] * len(records)
    for i, lab in zip(ok, found.clusters.labels, strict=False):
        cluster_of[i] = lab

    say("drawing charts")
    taxonomy = load_taxonomy()
    ov = overview(records)
    themes = theme_counts(records, taxonomy)
    comps = competency_counts(records)
    co = cooccurrence(records, top=top_cooccurrence)
    ranked_themes = sorted(themes, key=lambda t: (-t.n_primary, -t.n_documents, t.theme_id))
    theme_chart = charts.to_data_uri(
        charts.bar_chart(
            [f"{t.label_kk}\n{t.label_en}" for t in ranked_themes],
            [t.n_primary for t in ranked_themes],
            second=[t.n_documents for t in ranked_themes],
            legend=(_plain("primary"), _plain("scored")),
            title=_plain("themes"),
            xlabel=_plain("in_documents"),
        )
    )
    shown = comps[:top_competencies]
    competency_chart = (
        charts.to_data_uri(
            charts.bar_chart(
                [c.canonical for c in shown],
                [c.n_documents for c in shown],
                second=[c.n_mentions for c in shown],
                legend=(_plain("in_documents"), _plain("mentions")),
                title=_plain("competencies_short"),
                xlabel=_plain("count"),
            )
        )
        if shown
        else ""
    )
    co_chart = (
        charts.to_data_uri(charts.heatmap(co.names, co.matrix, title=_plain("cooccurrence")))
        if len(co.names) >= 2
        else ""
    )
    size_chart = (
        charts.to_data_uri(
            charts.histogram([records[i].n_tokens for i in ok], title=_plain("size_histogram"), xlabel=_plain("tokens"))
        )
        if ok
        else ""
    )
    cluster_chart = ""
    if found.clusters.k:
        names = found.clusters.names
        fig = plot_doc_map(
            found.points,
            labels=[f"{lab}: {names[lab]}" for lab in found.clusters.labels],
            names=[str(i + 1) for i in ok] if len(ok) <= MAP_NAMES_UP_TO else None,
            title=_plain("clusters"),
        )
        charts.legend_outside(fig)
        cluster_chart = charts.to_data_uri(fig)

    content = ReportContent(
        title=title,
        documents=records,
        links=tuple(_link(r.path, out.parent) for r in records),
        overview=ov,
        themes=themes,
        theme_chart=theme_chart,
        competencies=comps,
        competency_chart=competency_chart,
        cooccurrence=co,
        cooccurrence_chart=co_chart,
        size_chart=size_chart,
        clusters=found.clusters,
        cluster_chart=cluster_chart,
        cluster_of=tuple(cluster_of),
        pairs=pairs,
        seed=seed,
    )
    say("writing the report")
    page = render(content).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(page)
    return ReportSummary(
        path=str(out),
        n_documents=ov.n_documents,
        n_ok=ov.n_ok,
        failures=dict(ov.failures),
        n_clusters=found.clusters.k,
        n_reuse_pairs=len(pairs),
        n_bytes=len(page),
    )
