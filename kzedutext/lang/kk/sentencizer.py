"""Rule-based Kazakh sentence splitter, the ``kk_sentencizer`` pipeline component.

A sentence ends

* at ``.``, ``!``, ``?``, ``...`` or ``…`` (with any closing quotes and brackets
  after it) when the next word starts a sentence: a capital letter, a digit, an
  opening quote or bracket, or a bullet;
* at a full stop after an ordinary word of five or more letters even when the
  next word is in lower case (a typo), since such a word is no abbreviation;
* at an abbreviation that may end a sentence (``т.б.``) only before a capitalised
  word; never at a unit, date or place abbreviation (``ж.``, ``млн.``: Kazakh is
  verb-final, so they end a sentence only at a line end), a title (``проф.``) or
  an initial (``Л.С.``): ``1909 ж. Алматыда`` and ``Проф. Б.А. Тұрғынбаева`` stay whole;
* before every bullet, also when a list is glued into one line (``тиіс: • ...; • ...``);
* before a dash that opens a dialogue turn (a capitalised word after the dash);
* at a line break followed by a capitalised word, digit, bullet or dash, so
  headings without a final stop are sentences of their own; always at a blank line.

A number with a stop at the start of a line (``1. Кіріспе``) is a list marker,
not a sentence.

>>> import kzedutext
>>> nlp = kzedutext.load()
>>> [s.text for s in nlp("1909 ж. тұтқындалды. Проф. Б.А. Тұрғынбаева келді!").sents]
['1909 ж. тұтқындалды.', 'Проф. Б.А. Тұрғынбаева келді!']
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ...text.normalize import BULLETS, STANDALONE_BULLETS
from .tokenizer_exceptions import ABBREVIATIONS

TERMINALS = frozenset({".", "!", "?", "...", "…", "..", "....", "?!", "!?", "!!", "??"})
CLOSERS = frozenset({"»", '"', "”", "“", "’", "'", ")", "]", "}", "›"})
OPENERS = frozenset({"«", '"', "“", "„", "(", "[", "‹", "'"})
DASHES = frozenset({"-", "–", "—", "―", "‒"})
BULLET_TOKENS = frozenset(BULLETS | STANDALONE_BULLETS)
ENDING_ABBREVIATIONS = frozenset(a for a, kind in ABBREVIATIONS.items() if kind == "general")


_CANDIDATES = TERMINALS | ENDING_ABBREVIATIONS | BULLET_TOKENS
_FLAGS: dict[int, int] = {}  # id(vocab) -> flag id of "may end a sentence"


def _is_candidate(text: str) -> bool:
    """Lexeme flag: a token that may end a sentence or open a new one."""
    return text in _CANDIDATES or "\n" in text


def _candidate_flag(vocab) -> int:
    """The vocab's lexeme flag for :func:`_is_candidate`, added once per vocab."""
    flag = _FLAGS.get(id(vocab))
    if flag is None or vocab.lex_attr_getters.get(flag) is not _is_candidate:
        flag = vocab.add_flag(_is_candidate)
        _FLAGS[id(vocab)] = flag
    return flag


class KazakhSentencizer:
    """Sets ``token.is_sent_start`` on every token (see the module docstring).

    Candidate tokens (terminals, abbreviations, bullets, line breaks) are found with a
    lexeme flag in one vectorised pass; only they are looked at in Python, through
    token texts from the string store rather than Token objects.
    """

    def __init__(self, nlp: Language, name: str = "kk_sentencizer") -> None:
        self.name = name
        self._strings = nlp.vocab.strings
        self._flag = _candidate_flag(nlp.vocab)
        self._texts: dict[int, str] = {}  # orth hash -> text, cheaper than the string store

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        arr = doc.to_array([self._flag, IS_SPACE, SPACY, ORTH])
        starts = np.full(n, -1, dtype="int32")
        starts[0] = 1
        candidates = np.flatnonzero(arr[:, 0]).tolist()
        if candidates:
            strings, texts = self._strings, self._texts
            orths = arr[:, 3].tolist()
            space = arr[:, 1].tolist()
            trailing = arr[:, 2].tolist()

            def tx(j: int) -> str:
                orth = orths[j]
                text = texts.get(orth)
                if text is None:
                    if len(texts) > 500_000:
                        texts.clear()
                    text = texts[orth] = strings[orth]
                return text

            for i in candidates:
                start = _boundary_after(i, n, tx, space, trailing)
                if start is not None and 0 < start < n:
                    starts[start] = 1
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        for doc in stream:
            yield self(doc)


def _boundary_after(i: int, n: int, tx, space: list, trailing: list) -> int | None:
    """Index of the token that starts a new sentence because of token ``i``."""
    text = tx(i)
    if space[i]:
        nxt = _next_word(i + 1, n, space)
        if nxt is None:
            return None
        if text.count("\n") >= 2 or _opens_line(tx(nxt)):
            return nxt
        return None
    if text in BULLET_TOKENS:
        return i if _is_bullet(i, n, tx, space, trailing) else None
    j = i + 1
    while j < n and (tx(j) in CLOSERS or tx(j) in TERMINALS):
        j += 1
    nxt = _next_word(j, n, space)
    if nxt is None:
        return None
    first = tx(nxt)
    if text in ENDING_ABBREVIATIONS:
        return nxt if first[:1].isupper() else None
    if text == "." and _is_list_number(i - 1, tx, space):
        return None
    if _starts_sentence(first):
        return nxt
    if first in DASHES and _opens_turn(nxt, n, tx, space):
        return nxt
    if text == "." and _is_plain_word(i - 1, tx, trailing) and first.isalpha():
        return nxt
    return None


def _next_word(j: int, n: int, space: list) -> int | None:
    while j < n and space[j]:
        j += 1
    return j if j < n else None


def _starts_sentence(text: str) -> bool:
    c = text[:1]
    return c.isupper() or c.isdigit() or c in OPENERS or text in BULLET_TOKENS


def _opens_line(text: str) -> bool:
    """May the first token of a new line start a sentence?"""
    return _starts_sentence(text) or text in DASHES


def _is_bullet(i: int, n: int, tx, space: list, trailing: list) -> bool:
    """A bullet token; a loose one (``ü``, ``Ø``, ``·``) only before a word."""
    if tx(i) in BULLETS:
        return True
    return i + 1 < n and tx(i + 1).isalpha() and (i == 0 or bool(trailing[i - 1]) or bool(space[i - 1]))


def _opens_turn(k: int, n: int, tx, space: list) -> bool:
    """A dash that opens a dialogue turn: a capitalised word follows it.

    After ``?!»`` a dash before a lower-case word continues the sentence
    (``«...?!» – деп сұрады``); before a capital it starts the next one.
    """
    nxt = _next_word(k + 1, n, space)
    return nxt is not None and tx(nxt)[:1].isupper()


def _is_plain_word(k: int, tx, trailing: list) -> bool:
    """A lower-case word of five or more letters, directly before a full stop."""
    if k < 0:
        return False
    text = tx(k)
    return len(text) >= 5 and text.isalpha() and text.islower() and not trailing[k]


def _is_list_number(k: int, tx, space: list) -> bool:
    """Is token ``k`` a number that opens a line (``1. Кіріспе``)?"""
    if k < 0 or not tx(k).isdigit():
        return False
    return k == 0 or (bool(space[k - 1]) and "\n" in tx(k - 1))


@Language.factory("kk_sentencizer", assigns=["token.is_sent_start", "doc.sents"])
def make_kk_sentencizer(nlp: Language, name: str) -> KazakhSentencizer:
    """Factory of the ``kk_sentencizer`` component."""
    return KazakhSentencizer(nlp, name)
