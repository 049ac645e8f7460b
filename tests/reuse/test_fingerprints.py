"""Shingle hashes and winnowing: the invariants the candidate index relies on."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzedutext.reuse.align import align
from kzedutext.reuse.detect import candidate_pairs
from kzedutext.reuse.fingerprints import shingle_hashes, winnow

words = st.lists(st.integers(0, 50), min_size=0, max_size=60)


@given(words, words, words, st.integers(1, 5), st.integers(1, 6))
@settings(max_examples=200, deadline=None)
def test_a_shared_run_of_w_plus_k_minus_1_words_always_shares_a_fingerprint(left, shared, right, k, w):
    if len(shared) < w + k - 1:
        shared = shared + list(range(100, 100 + w + k - 1 - len(shared)))
    a = np.array(left + shared, dtype=np.uint64)
    b = np.array(shared + right, dtype=np.uint64)
    fa = winnow(shingle_hashes(a, k=k), w=w)
    fb = winnow(shingle_hashes(b, k=k), w=w)
    assert np.intersect1d(fa, fb).size > 0


@given(words, st.integers(1, 5))
def test_equal_runs_hash_equal_and_count_is_length_minus_k_plus_1(seq, k):
    ids = np.array(seq + seq, dtype=np.uint64)
    h = shingle_hashes(ids, k=k)
    assert len(h) == max(0, len(ids) - k + 1)
    if len(seq) >= k:
        assert np.array_equal(h[: len(seq) - k + 1], h[len(seq) : 2 * len(seq) - k + 1])


@given(st.lists(st.integers(0, 10**6), min_size=30, max_size=80, unique=True))
def test_a_copied_text_aligns_as_one_passage_covering_it(seq):
    ids = np.array(seq, dtype=np.uint64)
    (span,) = align(shingle_hashes(ids, k=3), shingle_hashes(ids, k=3), k=3)
    assert (span.a_start, span.a_end, span.b_start, span.b_end) == (0, len(seq), 0, len(seq))


def test_fingerprints_shared_by_too_many_documents_are_ignored():
    common = np.array([7], dtype=np.uint64)
    fps = [np.concatenate([common, np.array([i * 10 + 1, i * 10 + 2], dtype=np.uint64)]) for i in range(5)]
    assert candidate_pairs(fps, min_shared=1, max_df=10) == [(a, b) for a in range(5) for b in range(a + 1, 5)]
    assert candidate_pairs(fps, min_shared=1, max_df=4) == []


@pytest.mark.parametrize(("fn", "arg"), [(shingle_hashes, "k"), (winnow, "w")])
def test_sizes_below_one_are_refused(fn, arg):
    with pytest.raises(ValueError, match=arg):
        fn(np.arange(5, dtype=np.uint64), **{arg: 0})
