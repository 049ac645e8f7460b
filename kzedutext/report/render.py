"""Turn the report's content into one self-contained HTML page (inline CSS, JS and PNG images).

All text that comes from documents (titles, paths, passages, statuses) goes
through :func:`html.escape`. Headings are bilingual, read from
``data/labels.json``. A Content-Security-Policy allows nothing to load from
outside the page.

>>> page = render(ReportContent(title="<b>Есеп</b>", documents=(), links=(), overview=None,
...                             themes=(), theme_chart="", competencies=(), competency_chart="",
...                             cooccurrence=None, cooccurrence_chart="", size_chart="",
...                             clusters=None, cluster_chart="", cluster_of=(), pairs=(), seed=0))
>>> "&lt;b&gt;Есеп&lt;/b&gt;" in page and "<b>Есеп" not in page
True
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import __version__
from .._data import read_text

#: Section ids in page order (each has a label in data/labels.json).
SECTIONS = ("overview", "themes", "competencies", "clusters", "reuse", "documents")
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
EXCERPT_CHARS = 300
MEMBERS_SHOWN = 40


@dataclass(frozen=True)
class ReportContent:
    """Everything the page shows; chart fields are ``data:`` URIs ("" when there is nothing to draw)."""

    title: str
    documents: tuple  # TagRecords, failed ones included, in input order
    links: tuple[str, ...]  # href of each document's file, relative to the report's folder
    overview: object
    themes: tuple
    theme_chart: str
    competencies: tuple
    competency_chart: str
    cooccurrence: object
    cooccurrence_chart: str
    size_chart: str
    clusters: object  # ClusterResult or None
    cluster_chart: str
    cluster_of: tuple[int | None, ...]  # cluster of each document (None: not read)
    pairs: tuple  # ReusePairs with a, b as positions in ``documents``
    seed: int


@lru_cache(maxsize=1)
def labels() -> dict[str, tuple[str, str]]:
    """Label key -> (Kazakh, English), from ``data/labels.json``."""
    data = json.loads(read_text("kzedutext.report", "labels.json"))
    return {key: tuple(pair) for key, pair in data["labels"].items()}


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _label(key: str) -> str:
    kk, en = labels()[key]
    return f'<span lang="kk">{_e(kk)}</span><span class="en" lang="en">{_e(en)}</span>'


def plain_label(key: str) -> str:
    """"Kazakh / English" text of a label (for charts and captions)."""
    kk, en = labels()[key]
    return f"{kk} / {en}"


_plain = plain_label


def _doc_ref(i: int, content: ReportContent) -> str:
    return f'<a class="docref" href="#doc-{i + 1}" title="{_e(_doc_name(content.documents[i]))}">#{i + 1}</a>'


def _doc_name(record) -> str:
    return (record.meta or {}).get("title") or record.path.replace("\\", "/").rsplit("/", 1)[-1]


def _table(headers: Sequence[tuple[str, bool]], rows: Sequence[str], *, sortable: bool = False, tid: str = "") -> str:
    """headers: (label key, numeric?); rows: ready <tr> strings."""
    ths = "".join(f'<th{" class=num" if num else ""}>{_label(key)}</th>' for key, num in headers)
    attrs = (f' id="{tid}"' if tid else "") + (' class="sortable"' if sortable else "")
    return f"<table{attrs}><thead><tr>{ths}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _figure(uri: str, alt: str) -> str:
    if not uri:
        return ""
    return f'<figure><img src="{uri}" alt="{_e(alt)}"><figcaption>{_e(alt)}</figcaption></figure>'


def _counts_table(key: str, items) -> str:
    rows = [f"<tr><td>{_e(k)}</td><td class=num>{n}</td></tr>" for k, n in items]
    return f"<div><h3>{_label(key)}</h3>{_table([(key, False), ('count', True)], rows)}</div>" if rows else ""


def _card(value, key: str, *, bad: bool = False) -> str:
    return f'<div class="card{" bad" if bad else ""}"><div class="num">{_e(value)}</div><div class="lab">{_plain(key)}</div></div>'


def _overview(c: ReportContent) -> str:
    ov = c.overview
    cards = "".join(
        [
            _card(f"{ov.n_ok:,}", "documents_read"),
            _card(f"{ov.n_failed:,}", "documents_failed", bad=ov.n_failed > 0),
            _card(f"{ov.n_tokens:,}", "tokens"),
            _card(f"{ov.n_words:,}", "words"),
            _card(f"{ov.n_sentences:,}", "sentences"),
            _card(f"{ov.median_tokens:,.0f}", "median_tokens"),
            _card(f"{ov.max_tokens:,}", "largest"),
        ]
    )
    failures = ""
    if ov.failures:
        rows = [f"<tr><td class=status-bad>{_e(cause)}</td><td class=num>{n}</td></tr>" for cause, n in ov.failures]
        failures = f"<h3>{_label('failures')}</h3>" + _table([("cause", False), ("count", True)], rows)
    cols = "".join(
        [
            _counts_table("languages", ov.languages),
            _counts_table("formats", ov.formats),
            _counts_table("years", ov.years),
            _counts_table("sources", ov.sources),
        ]
    )
    return f'<div class="cards">{cards}</div>{failures}<div class="cols">{cols}</div>' + _figure(
        c.size_chart, _plain("size_histogram")
    )


def _themes(c: ReportContent) -> str:
    rows = []
    for t in c.themes:
        refs = " ".join(_doc_ref(i, c) for i in t.documents[:MEMBERS_SHOWN])
        more = f" … (+{len(t.documents) - MEMBERS_SHOWN})" if len(t.documents) > MEMBERS_SHOWN else ""
        rows.append(
            f'<tr id="theme-{_e(t.theme_id)}"><td>{_e(t.label_kk)}<br><span class=note>{_e(t.label_en)} '
            f"(<code>{_e(t.theme_id)}</code>)</span></td><td class=num>{t.n_primary}</td>"
            f"<td class=num>{t.n_documents}</td><td class=num>{t.mean_score:.3f}</td><td>{refs}{more}</td></tr>"
        )
    n_none = sum(1 for r in c.documents if r.status == "ok" and not r.primary_theme)
    note = f'<p class="note">{_plain("no_primary")}: {n_none}</p>'
    table = _table(
        [("theme", False), ("primary", True), ("scored", True), ("mean_score", True), ("members", False)],
        rows,
        sortable=True,
        tid="themes-table",
    )
    return _figure(c.theme_chart, _plain("themes")) + note + table


def _competencies(c: ReportContent) -> str:
    if not c.competencies:
        return f'<p class="note">{_plain("none_found")}</p>'
    rows = []
    for k, comp in enumerate(c.competencies):
        refs = " ".join(_doc_ref(i, c) for i in comp.documents[:MEMBERS_SHOWN])
        more = f" … (+{len(comp.documents) - MEMBERS_SHOWN})" if len(comp.documents) > MEMBERS_SHOWN else ""
        rows.append(
            f"<tr><td class=num>{k + 1}</td><td>{_e(comp.canonical)}</td><td>{_e(comp.category)}</td>"
            f"<td class=num>{comp.n_mentions}</td><td class=num>{comp.n_documents}</td><td>{refs}{more}</td></tr>"
        )
    table = _table(
        [("number", True), ("competency", False), ("category", False), ("mentions", True),
         ("in_documents", True), ("members", False)],
        rows,
        sortable=True,
        tid="competencies-table",
    )
    pairs = ""
    if c.cooccurrence is not None and c.cooccurrence.names:
        pair_rows = [
            f"<tr><td>{_e(a)}</td><td>{_e(b)}</td><td class=num>{n}</td></tr>"
            for a, b, n in c.cooccurrence.pairs()[:20]
        ]
        pairs = f"<h3>{_label('cooccurrence')}</h3>" + _figure(c.cooccurrence_chart, _plain("cooccurrence"))
        if pair_rows:
            pairs += _table([("competency", False), ("competency", False), ("in_documents", True)], pair_rows)
    return _figure(c.competency_chart, _plain("competencies_short")) + table + pairs


def _clusters(c: ReportContent) -> str:
    result = c.clusters
    if result is None or result.k == 0:
        return f'<p class="note">{_plain("too_few")}</p>'
    rows = []
    for k in range(result.k):
        members = [i for i, lab in enumerate(c.cluster_of) if lab == k]
        refs = " ".join(_doc_ref(i, c) for i in members[:MEMBERS_SHOWN])
        more = f" … (+{len(members) - MEMBERS_SHOWN})" if len(members) > MEMBERS_SHOWN else ""
        rows.append(
            f'<tr id="cluster-{k}"><td class=num>{k}</td><td>{_e(result.names[k])}</td>'
            f"<td>{_e(', '.join(result.top_terms[k][:8]))}</td><td class=num>{len(members)}</td>"
            f"<td>{refs}{more}</td></tr>"
        )
    sil = ", ".join(f"k={k}: {s:.3f}" for k, s in sorted(result.silhouettes.items()))
    note = f'<p class="note">k = {result.k}; silhouette (cosine) {_e(sil) or "–"}; seed {c.seed}</p>'
    table = _table(
        [("cluster", True), ("cluster_label", False), ("top_terms", False), ("size", True), ("members", False)],
        rows,
    )
    return _figure(c.cluster_chart, _plain("clusters")) + note + table


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= EXCERPT_CHARS:
        return text
    return text[:EXCERPT_CHARS].rsplit(" ", 1)[0] + " …"


def _reuse(c: ReportContent) -> str:
    if not c.pairs:
        return f'<p class="note">{_plain("none_found")}</p>'
    rows = []
    for p in c.pairs:
        longest = max(p.passages, key=lambda s: (s.n_words, -s.a_start))
        rows.append(
            f"<tr><td>{_doc_ref(p.a, c)} {_e(_doc_name(c.documents[p.a]))}</td>"
            f"<td>{_doc_ref(p.b, c)} {_e(_doc_name(c.documents[p.b]))}</td>"
            f"<td class=num>{p.containment_a:.1%}</td><td class=num>{p.containment_b:.1%}</td>"
            f"<td class=num>{p.n_words}</td><td class=excerpt>{_e(_excerpt(longest.a_text))}</td></tr>"
        )
    return _table(
        [("document_a", False), ("document_b", False), ("share_a", True), ("share_b", True),
         ("shared_words", True), ("passage", False)],
        rows,
        sortable=True,
        tid="reuse-table",
    )


def _documents(c: ReportContent) -> str:
    partners: dict[int, list[int]] = {}
    for p in c.pairs:
        partners.setdefault(p.a, []).append(p.b)
        partners.setdefault(p.b, []).append(p.a)
    rows = []
    for i, (r, link) in enumerate(zip(c.documents, c.links, strict=True)):
        name = r.path.replace("\\", "/").rsplit("/", 1)[-1]
        ok = r.status == "ok"
        comps = ", ".join(x["canonical"] for x in r.competencies[:3])
        cluster = c.cluster_of[i]
        cluster_cell = f'<a href="#cluster-{cluster}">{cluster}</a>' if cluster is not None else ""
        theme = f'<a href="#theme-{_e(r.primary_theme)}">{_e(r.primary_theme)}</a>' if r.primary_theme else ""
        reuse = " ".join(_doc_ref(j, c) for j in sorted(partners.get(i, [])))
        status = _e(r.status) if ok else f'<span class="status-bad">{_e(r.status)}</span>'
        rows.append(
            f'<tr id="doc-{i + 1}"{"" if ok else " class=failed"}><td class=num>{i + 1}</td>'
            f'<td class=file><a href="{_e(link)}">{_e(name)}</a></td><td class=title>{_e((r.meta or {}).get("title") or "")}</td>'
            f"<td>{status}</td><td>{_e(r.language)}</td><td class=num>{r.n_tokens}</td><td>{theme}</td>"
            f'<td class=comps>{_e(comps)}</td><td class=num data-sort="{"" if cluster is None else cluster}">{cluster_cell}</td>'
            f"<td>{reuse}</td></tr>"
        )
    hint = f'<p class="note">{_plain("sort_hint")}</p>'
    table = _table(
        [("number", True), ("file", False), ("title", False), ("status", False), ("language", False),
         ("tokens", True), ("primary", False), ("competencies_short", False), ("cluster", True),
         ("reused_with", False)],
        rows,
        sortable=True,
        tid="documents-table",
    )
    return f'{hint}<div class="scroll">{table}</div>'


RENDERERS = {
    "overview": _overview,
    "themes": _themes,
    "competencies": _competencies,
    "clusters": _clusters,
    "reuse": _reuse,
    "documents": _documents,
}


def render(content: ReportContent) -> str:
    """The whole page as a string."""
    css = read_text("kzedutext.report", "report.css")
    js = read_text("kzedutext.report", "report.js")
    nav = "".join(f'<a href="#{s}">{_e(labels()[s][0])}</a>' for s in SECTIONS)
    body = []
    for s in SECTIONS:
        inner = RENDERERS[s](content) if content.overview is not None else ""
        body.append(f'<section id="{s}"><h2>{_label(s)}</h2>{inner}</section>')
    n = len(content.documents)
    sub = f"kzedutext {__version__} · {n} {_plain('files').lower()} · seed {content.seed}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="kk"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(content.title)}</title><style>{css}</style></head>\n"
        f"<body><header><h1>{_e(content.title)}</h1><p>{_e(sub)}</p><nav>{nav}</nav></header>\n"
        f"<main>{''.join(body)}</main>\n"
        f"<footer>{_plain('generated_by')}: kzedutext {__version__}</footer>"
        f"<script>{js}</script></body></html>\n"
    )
