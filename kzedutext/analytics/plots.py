"""Plots a researcher would rather look at than read: frequency bars, dispersion, keyness, word cloud.

Every function returns a :class:`matplotlib.figure.Figure` built without pyplot,
so it works headless and shows inline in Jupyter; save it with
:func:`save_figure` (PNG or SVG). matplotlib's bundled DejaVu Sans has every
Kazakh letter.

>>> import kzedutext as kz
>>> from kzedutext.analytics.frequency import frequency
>>> docs = [kz.load()("Мектеп пен мектептің оқушысы. Мұғалім мектепке келді.")]
>>> fig = frequency_bars(frequency(docs), top=3)
>>> [t.get_text() for t in fig.axes[0].get_yticklabels()]  # bottom to top
['мұғалім', 'кел', 'мектеп']
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from ._docs import as_docs
from .terms import check_by, is_word, query_terms, term_of

FORMATS = (".png", ".svg")


def _figure(width: float, height: float):
    try:
        from matplotlib.figure import Figure
    except ImportError as err:  # pragma: no cover - matplotlib is a dependency
        raise ImportError("plots need matplotlib: pip install matplotlib") from err
    return Figure(figsize=(width, height), layout="constrained")


def save_figure(fig, path: str | Path, *, dpi: int = 150) -> Path:
    """Save ``fig`` as PNG or SVG (by the file ending) and return the path."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise ValueError(f"cannot save a figure as {path.suffix!r}; use one of {FORMATS}")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=dpi)
    return path


def frequency_bars(rows, *, top: int = 20, title: str = "Most frequent lemmas"):
    """Horizontal bars of the ``top`` rows of :func:`frequency` (most frequent at the top)."""
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    rows = list(rows)[:top]
    fig = _figure(6, max(2.0, 0.3 * len(rows) + 1))
    ax = fig.add_subplot()
    ax.barh([r.term for r in rows][::-1], [r.count for r in rows][::-1], color="#3b6ea5")
    ax.set_xlabel("count")
    ax.set_title(title)
    return fig


def dispersion_plot(docs, terms: list[str], *, by: str = "lemma", title: str = "Dispersion"):
    """Where each term occurs along the corpus (word offset), documents marked by vertical lines.

    A term is a word as ``kwic`` takes it: lemmatised and spelling-folded (``"құзіреттілік"``
    finds every form of құзыреттілік), or an internal lemma.
    """
    check_by(by)
    if not terms:
        raise ValueError("terms must name at least one term")
    wanted: dict[str, int] = {}
    for k, term in enumerate(terms):
        for variant in sorted(query_terms(term, by)):
            wanted.setdefault(variant, k)
    xs: list[list[int]] = [[] for _ in terms]
    offset, bounds = 0, []
    for doc in as_docs(docs):
        for t in doc:
            if is_word(t):
                k = wanted.get(term_of(t, by))
                if k is not None:
                    xs[k].append(offset)
                offset += 1
        bounds.append(offset)
    fig = _figure(8, max(1.5, 0.4 * len(terms) + 1))
    ax = fig.add_subplot()
    for k, x in enumerate(xs):
        ax.plot(x, [k] * len(x), "|", markersize=12, color="#3b6ea5")
    for b in bounds[:-1]:
        ax.axvline(b, color="#cccccc", linewidth=0.5)
    ax.set_yticks(range(len(terms)), terms)
    ax.set_ylim(-0.5, len(terms) - 0.5)
    ax.invert_yaxis()
    ax.set_xlim(0, max(offset, 1))
    ax.set_xlabel("word offset in the corpus")
    ax.set_title(title)
    return fig


def keyness_chart(rows, *, top: int = 15, measure: str = "llr", title: str = "Keyness"):
    """Signed bars of :func:`keyness` rows: key terms of the target to the right, terms it lacks to the left."""
    if measure not in ("llr", "log_ratio"):
        raise ValueError(f"measure={measure!r}; choose 'llr' or 'log_ratio'")
    rows = list(rows)
    value = (lambda r: r.llr) if measure == "llr" else (lambda r: r.log_ratio)
    chosen = (
        sorted([r for r in rows if value(r) > 0], key=value)[-top:]
        + sorted([r for r in rows if value(r) < 0], key=value)[:top]
    )
    chosen.sort(key=value)
    fig = _figure(6, max(2.0, 0.3 * len(chosen) + 1))
    ax = fig.add_subplot()
    ax.barh(
        [r.term for r in chosen],
        [value(r) for r in chosen],
        color=["#b5443b" if value(r) > 0 else "#3b6ea5" for r in chosen],
    )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("signed log-likelihood (G²)" if measure == "llr" else "log-ratio")
    ax.set_title(title)
    return fig


def word_cloud(frequencies, *, max_words: int = 60, seed: int = 0, width: float = 8, height: float = 5):
    """A word cloud drawn with matplotlib: size by frequency, words placed on a spiral without overlap.

    ``frequencies``: rows of :func:`frequency` or a mapping term -> count.
    """
    if max_words < 1:
        raise ValueError(f"max_words must be at least 1, got {max_words}")
    items = (
        sorted(frequencies.items(), key=lambda kv: -kv[1])
        if isinstance(frequencies, dict)
        else [(r.term, r.count) for r in frequencies]
    )[:max_words]
    fig = _figure(width, height)
    fig.set_layout_engine("none")  # one axes filling the figure
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    if not items:
        return fig
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    rng = random.Random(seed)
    top = items[0][1]
    placed = []
    palette = ["#3b6ea5", "#b5443b", "#4f8a3c", "#8a5a9e", "#c28a2a", "#2a8a8a"]
    for n, (term, count) in enumerate(items):
        size = 10 + 38 * math.sqrt(count / top)
        text = ax.text(
            0.5, 0.5, term, fontsize=size, ha="center", va="center", color=palette[n % len(palette)]
        )
        box = text.get_window_extent(renderer).transformed(ax.transAxes.inverted())
        w, h = box.width, box.height
        angle0 = rng.uniform(0, 2 * math.pi)
        for step in range(2000):
            r = 0.004 * step
            x = 0.5 + r * math.cos(angle0 + 0.3 * step) * width / height / 1.6
            y = 0.5 + r * math.sin(angle0 + 0.3 * step)
            rect = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
            inside = rect[0] >= 0 and rect[1] >= 0 and rect[2] <= 1 and rect[3] <= 1
            if inside and not any(_overlap(rect, p) for p in placed):
                text.set_position((x, y))
                placed.append(rect)
                break
        else:
            text.remove()  # no room left for this word
    return fig


def _overlap(a, b) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])
