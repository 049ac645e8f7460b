"""OrthTable: per-word rows computed once, looked up for a whole array of hashes."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.strings import StringStore

from kzedutext._orthtable import OrthTable


def word_row(text: str) -> tuple[int, int]:
    return len(text), sum(ch.isupper() for ch in text)


class Counting:
    """A compute function that remembers which texts it was asked about."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, text: str) -> tuple[int, int]:
        self.calls.append(text)
        return word_row(text)


def hashes(strings: StringStore, words: list[str]) -> np.ndarray:
    return np.array([strings.add(w) for w in words], dtype="uint64")


@pytest.mark.parametrize(
    "words",
    [
        ["Мектеп", "мектебі", ".", "Мектеп"],
        ["ә", "ә", "ә"],
        ["\n\n", " ", "т.б.", "ҚР", "Білім-ғылым"],
        [""],
    ],
)
def test_rows_are_the_computed_values_in_input_order(words):
    strings = StringStore()
    table = OrthTable(word_row, width=2, strings=strings)
    assert table.lookup(hashes(strings, words)).tolist() == [list(word_row(w)) for w in words]


def test_each_distinct_text_is_computed_once():
    strings, compute = StringStore(), Counting()
    table = OrthTable(compute, width=2, strings=strings)
    words = ["оқу", "оқушы", "оқу", "мұғалім", "оқушы"]
    table.lookup(hashes(strings, words))
    table.lookup(hashes(strings, words[::-1] + ["жаңа"]))
    assert sorted(compute.calls) == sorted(["оқу", "оқушы", "мұғалім", "жаңа"])
    assert len(table) == 4


def test_many_words_that_share_slots_keep_their_own_rows():
    # far more words than the first slot array holds: slots collide, the array grows
    strings = StringStore()
    table = OrthTable(word_row, width=2, strings=strings)
    words = [f"сөз{k}" + "А" * (k % 7) for k in range(20_000)]
    for start in range(0, len(words), 3_000):
        table.lookup(hashes(strings, words[start : start + 3_000]))
    assert table.lookup(hashes(strings, words)).tolist() == [list(word_row(w)) for w in words]


def test_empty_input_gives_an_empty_result():
    table = OrthTable(word_row, width=2, strings=StringStore())
    assert table.lookup(np.zeros(0, dtype="uint64")).shape == (0, 2)


@pytest.mark.parametrize("width", [0, -1, 1.5, "2"])
def test_width_must_be_a_positive_integer(width):
    with pytest.raises(ValueError, match="width"):
        OrthTable(word_row, width=width, strings=StringStore())


def test_a_table_survives_pickling():
    strings = StringStore()
    table = OrthTable(word_row, width=2, strings=strings)
    table.lookup(hashes(strings, ["білім", "беру"]))
    clone = pickle.loads(pickle.dumps(table))
    assert clone.lookup(hashes(clone.strings, ["беру", "жүйесі"])).tolist() == [[4, 0], [6, 0]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(min_size=1, max_size=6), max_size=40), max_size=8))
def test_any_sequence_of_documents_gets_the_computed_rows(docs):
    strings = StringStore()
    table = OrthTable(word_row, width=2, strings=strings)
    for words in docs:
        assert table.lookup(hashes(strings, words)).tolist() == [list(word_row(w)) for w in words]


def test_a_full_table_starts_afresh_and_stays_right():
    strings, compute = StringStore(), Counting()
    table = OrthTable(compute, width=2, strings=strings, max_size=3)
    assert table.lookup(hashes(strings, ["а", "б", "в"])).tolist() == [[1, 0], [1, 0], [1, 0]]
    assert table.lookup(hashes(strings, ["Ғылым", "а"])).tolist() == [[5, 1], [1, 0]]
    assert len(table) == 1  # cleared to make room for "Ғылым"
    assert table.lookup(hashes(strings, ["б"])).tolist() == [[1, 0]]
    assert compute.calls == ["а", "б", "в", "Ғылым", "б"]


@pytest.mark.parametrize("max_size", [0, -5, 2.0])
def test_max_size_must_be_a_positive_integer(max_size):
    with pytest.raises(ValueError, match="max_size"):
        OrthTable(word_row, width=1, strings=StringStore(), max_size=max_size)


def test_starting_afresh_in_the_middle_of_a_lookup_keeps_every_row():
    # some of 20,000 known words share a full bucket and are found through the dict;
    # a new word in the same lookup clears the table, and they must still get their rows
    strings = StringStore()
    words = [f"сөз{k}" for k in range(20_000)]
    table = OrthTable(word_row, width=2, strings=strings, max_size=len(words))
    table.lookup(hashes(strings, words))
    again = words + ["Жаңа"]
    assert table.lookup(hashes(strings, again)).tolist() == [list(word_row(w)) for w in again]
