"""The Kazakh tokenizer: spaCy's fast rule-based tokenizer with Kazakh rules.

It is spaCy's own (Cython) :class:`spacy.tokenizer.Tokenizer`, so it keeps its
speed and its per-chunk cache, configured with the Kazakh prefix, suffix and
infix rules, a token match for abbreviations, phone numbers and per cents, and an
infix finder that asks :class:`~kzedutext.lang.kk.hyphens.HyphenJudge` about
every hyphen between two letters. Offsets always point into the original text.

>>> import spacy
>>> nlp = spacy.blank("kk")
>>> [t.text for t in nlp("Оқу-тәрбие дамуы-құндылығы, т.б.")]
['Оқу-тәрбие', 'дамуы', '-', 'құндылығы', ',', 'т.б.']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.lang.tokenizer_exceptions import URL_MATCH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry
from spacy.vocab import Vocab

from .hyphens import HyphenJudge
from .punctuation import (
    ALPHA,
    HYPHEN_AFTER_NUMBER,
    HYPHEN_BETWEEN_LETTERS,
    NUMBER_SUFFIX,
    TOKEN_MATCH,
    TOKENIZER_INFIXES,
    TOKENIZER_PREFIXES,
    TOKENIZER_SUFFIXES,
)

_LEFT_WORD = re.compile(f"[{ALPHA}]+$")
_RIGHT_WORD = re.compile(f"[{ALPHA}]+")
_NUMBER_SUFFIX = re.compile(NUMBER_SUFFIX)


class KazakhInfixes:
    """Infix finder: the regular infix rules plus judged hyphens.

    It has a ``pattern`` (the regular rules) so that spaCy can serialise the
    tokenizer; the hyphen decisions are re-attached when the tokenizer is loaded.
    """

    def __init__(self, judge: HyphenJudge | None = None) -> None:
        self.judge = judge or HyphenJudge.default()
        base = compile_infix_regex(TOKENIZER_INFIXES).pattern
        self.pattern = base
        self._plain = re.compile(base)
        self._regex = re.compile(
            f"(?P<hyphen>{HYPHEN_BETWEEN_LETTERS})|(?P<numhyphen>{HYPHEN_AFTER_NUMBER})|{base}"
        )

    def finditer(self, string: str) -> Iterator[re.Match]:
        """Infix matches in order, without the hyphens that join a compound."""
        if "-" not in string:  # the common case stays in C
            return self._plain.finditer(string)
        return self._judged(string)

    def _judged(self, string: str) -> Iterator[re.Match]:
        for match in self._regex.finditer(string):
            kind = match.lastgroup
            if kind == "numhyphen":
                right = _RIGHT_WORD.match(string, match.end())
                if right and _NUMBER_SUFFIX.match(right.group().lower()):
                    continue
            elif kind == "hyphen":
                start = match.start()
                left = _LEFT_WORD.search(string, 0, start)
                right = _RIGHT_WORD.match(string, start + 1)
                if not self.judge.is_dash(left.group() if left else "", right.group() if right else ""):
                    continue
            yield match


class KazakhTokenizer(Tokenizer):
    """spaCy's Tokenizer configured for Kazakh (see the module docstring)."""

    def __init__(self, vocab: Vocab, *, judge: HyphenJudge | None = None) -> None:
        self._infixes = KazakhInfixes(judge)
        super().__init__(
            vocab,
            rules={},
            prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES).search,
            suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES).search,
            infix_finditer=self._infixes.finditer,
            token_match=re.compile(TOKEN_MATCH).match,
            url_match=URL_MATCH,
        )

    def _reattach(self) -> None:
        # Tokenizer.from_* rebuilds infix_finditer from the plain pattern
        self.infix_finditer = self._infixes.finditer

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> KazakhTokenizer:
        super().from_bytes(bytes_data, exclude=exclude)
        self._reattach()
        return self

    def from_disk(self, path, *, exclude=tuple()) -> KazakhTokenizer:
        super().from_disk(path, exclude=exclude)
        self._reattach()
        return self

    def __reduce__(self):
        return (_rebuild_tokenizer, (self.vocab, self._infixes.judge))


def _rebuild_tokenizer(vocab: Vocab, judge: HyphenJudge) -> KazakhTokenizer:
    return KazakhTokenizer(vocab, judge=judge)


@registry.tokenizers("kzedutext.KazakhTokenizer.v1")
def create_kazakh_tokenizer() -> Callable[[object], KazakhTokenizer]:
    """Registered tokenizer factory used by the ``kk`` language's default config."""

    def create(nlp) -> KazakhTokenizer:
        return KazakhTokenizer(nlp.vocab)

    return create
