"""The bundled sample corpus, processed once per test session (shared by the analytics and explore tests)."""

from functools import cache

from conftest import CORPUS

import kzedutext as kz


@cache
def sample_corpus() -> kz.Corpus:
    corpus = kz.Corpus.from_dir(CORPUS / "texts", meta=CORPUS / "meta.jsonl")
    list(corpus)  # process and cache every document now
    return corpus


@cache
def sample_docs() -> tuple:
    return tuple(sample_corpus())
