"""Plots render headless (Agg), return matplotlib Figures and save as PNG and SVG."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from sample_corpus import sample_docs  # noqa: E402

from kzedutext.analytics.frequency import frequency  # noqa: E402
from kzedutext.analytics.keyness import keyness  # noqa: E402
from kzedutext.analytics.plots import (  # noqa: E402
    dispersion_plot,
    frequency_bars,
    keyness_chart,
    save_figure,
    word_cloud,
)


@pytest.fixture(scope="module")
def docs():
    return sample_docs()


@pytest.fixture(scope="module")
def rows(docs):
    return frequency(docs)


def test_frequency_bars_show_the_top_lemmas_most_frequent_on_top(rows):
    fig = frequency_bars(rows, top=10)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[::-1] == [r.term for r in rows[:10]]
    assert [p.get_width() for p in fig.axes[0].patches][::-1] == [r.count for r in rows[:10]]


def test_dispersion_plot_marks_every_occurrence(docs, rows):
    counts = {r.term: r.count for r in rows}
    fig = dispersion_plot(docs, ["мұғалім", "бағалау", "инклюзивті"])
    lines = fig.axes[0].get_lines()[:3]
    assert [len(line.get_xdata()) for line in lines] == [
        counts["мұғалім"],
        counts["бағалау"],
        counts["инклюзивті"],
    ]


def test_dispersion_plot_takes_words_as_kwic_does(docs, rows):
    counts = {r.term: r.count for r in rows}
    fig = dispersion_plot(docs, ["мұғалімдер", "құзіреттілік"])  # an inflected form, a variant spelling
    lines = fig.axes[0].get_lines()[:2]
    assert [len(line.get_xdata()) for line in lines] == [counts["мұғалім"], counts["құзыреттілік"]]


def test_keyness_chart_has_positive_and_negative_bars(docs):
    fig = keyness_chart(keyness([docs[11]], docs[:11] + docs[12:]), top=5)
    widths = [p.get_width() for p in fig.axes[0].patches]
    assert len(widths) == 10 and sum(w > 0 for w in widths) == 5


def test_word_cloud_places_words_without_overlap(rows):
    fig = word_cloud(rows, max_words=40)
    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    assert len(boxes) >= 25
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b) or a.intersection(a, b).width * a.intersection(a, b).height < 4
    sizes = [t.get_fontsize() for t in fig.axes[0].texts]
    assert sizes[0] == max(sizes)  # the most frequent word is the largest


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_every_plot_saves(tmp_path, docs, rows, suffix):
    figures = [
        frequency_bars(rows),
        dispersion_plot(docs, ["мектеп"]),
        keyness_chart(keyness(docs[:8], docs[8:])),
        word_cloud({r.term: r.count for r in rows[:30]}),
    ]
    for i, fig in enumerate(figures):
        assert isinstance(fig, Figure)
        path = save_figure(fig, tmp_path / f"plot{i}{suffix}")
        head = path.read_bytes()[:8]
        assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<?xml" in head or b"<svg" in head


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda r, d: save_figure(frequency_bars(r), "plot.jpg"), "jpg"),
        (lambda r, d: frequency_bars(r, top=0), "top"),
        (lambda r, d: dispersion_plot(d, []), "terms"),
        (lambda r, d: keyness_chart([], measure="chi2"), "chi2"),
        (lambda r, d: word_cloud(r, max_words=0), "max_words"),
    ],
)
def test_bad_options_are_named(rows, docs, call, name):
    with pytest.raises(ValueError, match=name):
        call(rows, docs)


def test_empty_word_cloud_is_an_empty_figure():
    assert len(word_cloud({}).axes[0].texts) == 0
