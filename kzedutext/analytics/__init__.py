"""Corpus analytics on lemmas: frequency, KWIC, n-grams, collocations, keyness, comparisons, plots."""
