"""The report's charts: matplotlib figures (no pyplot) turned into inline ``data:image/png`` URIs.

PNG bytes are deterministic for the same figure (no date is written), so the same
corpus gives the same report.

>>> fig = bar_chart(["а", "ә"], [3, 1], title="Test", xlabel="documents")
>>> uri = to_data_uri(fig)
>>> uri.startswith("data:image/png;base64,iVBOR")
True
>>> uri == to_data_uri(bar_chart(["а", "ә"], [3, 1], title="Test", xlabel="documents"))
True
"""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Sequence

import numpy as np
from matplotlib.ticker import MaxNLocator

from ..analytics.plots import _figure

#: One colour for bars, a second for the comparison bars; a sequential map for heatmaps.
MAIN, SECOND, HEATMAP = "#2f6690", "#9bc1e0", "Blues"
DPI = 110


def to_data_uri(fig, *, dpi: int = DPI) -> str:
    """The figure as a base64 PNG ``data:`` URI (no metadata that changes between runs)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _wrap(label: str, width: int = 38) -> str:
    """Each line of ``label`` wrapped at ``width`` characters."""
    return "\n".join("\n".join(textwrap.wrap(line, width)) or line for line in label.split("\n"))


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    xlabel: str,
    second: Sequence[float] | None = None,
    legend: tuple[str, str] = ("", ""),
):
    """Horizontal bars, first label at the top; ``second`` draws a thinner comparison bar per label."""
    if len(labels) != len(values) or (second is not None and len(second) != len(values)):
        raise ValueError(f"labels ({len(labels)}) and values ({len(values)}) must have the same length")
    n = len(labels)
    lines = max((str(lab).count("\n") + 1 for lab in labels), default=1)
    fig = _figure(8, max(2.2, (0.2 + 0.16 * lines) * n + 1.2))
    ax = fig.add_subplot()
    y = np.arange(n)[::-1]
    if second is not None:
        ax.barh(y, second, height=0.8, color=SECOND, label=legend[1])
        ax.barh(y, values, height=0.45, color=MAIN, label=legend[0])
        ax.legend(fontsize=8, loc="lower right")
    else:
        ax.barh(y, values, height=0.7, color=MAIN)
    for yy, v in zip(y, values, strict=True):
        ax.annotate(f"{v:g}", (v, yy), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(y, [_wrap(lab) for lab in labels], fontsize=8)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel, fontsize=9)
    ax.set_title(title, fontsize=11, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    ax.margins(x=0.12)
    return fig


def histogram(values: Sequence[float], *, title: str, xlabel: str, bins: int = 20):
    """A histogram of document sizes (or any numbers)."""
    fig = _figure(8, 2.8)
    ax = fig.add_subplot()
    if len(values):
        ax.hist(values, bins=min(bins, max(1, len(set(values)))), color=MAIN, edgecolor="white")
    ax.set_xlabel(xlabel, fontsize=9)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("documents / құжат", fontsize=9)
    ax.set_title(title, fontsize=11, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def heatmap(names: Sequence[str], matrix: Sequence[Sequence[int]], *, title: str):
    """A square heatmap with the count written in each cell (names on both axes)."""
    data = np.asarray(matrix, dtype=float).reshape(len(names), len(names))
    size = max(4.0, 0.42 * len(names) + 3.2)
    fig = _figure(size + 1.5, size)
    ax = fig.add_subplot()
    image = ax.imshow(data, cmap=HEATMAP, vmin=0)
    labels = [f"{k + 1}. {_wrap(n, 30)}" for k, n in enumerate(names)]
    ax.set_yticks(range(len(names)), labels, fontsize=7)
    ax.set_xticks(range(len(names)), [str(k + 1) for k in range(len(names))], fontsize=7)
    top = data.max() if data.size else 0
    for i in range(len(names)):
        for j in range(len(names)):
            if data[i, j]:
                colour = "white" if data[i, j] > 0.6 * top else "black"
                ax.text(j, i, f"{int(data[i, j])}", ha="center", va="center", fontsize=7, color=colour)
    fig.colorbar(image, ax=ax, shrink=0.6, label="documents / құжат")
    ax.set_title(title, fontsize=11, loc="left")
    return fig


def legend_outside(fig, *, width: float = 11.0, height: float = 6.0):
    """Move the first axes' legend to the right of the plot (so it hides no point) and widen the figure."""
    ax = fig.axes[0]
    fig.set_size_inches(width, height)
    if ax.get_legend() is not None:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return fig
