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

from collections.abc import Iterable, Iterator
from itertools import accumulate

import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from ..._orthtable import OrthTable
from ...text.normalize import BULLETS, STANDALONE_BULLETS
from .tokenizer_exceptions import ABBREVIATIONS

TERMINALS = frozenset({".", "!", "?", "...", "…", "..", "....", "?!", "!?", "!!", "??"})
CLOSERS = frozenset({"»", '"', "”", "“", "’", "'", ")", "]", "}", "›"})
OPENERS = frozenset({"«", '"', "“", "„", "(", "[", "‹", "'"})
DASHES = frozenset({"-", "–", "—", "―", "‒"})
BULLET_TOKENS = frozenset(BULLETS | STANDALONE_BULLETS)
ENDING_ABBREVIATIONS = frozenset(a for a, kind in ABBREVIATIONS.items() if kind == "general")


_CANDIDATES = TERMINALS | ENDING_ABBREVIATIONS | BULLET_TOKENS

# Each distinct token text gets four role codes, computed once (see _roles): what it
# is as a candidate (C_), as the token right after one (N_), right before one (P_),
# and two after one (A_).
(C_NONE, C_LINE, C_LINES, C_BULLET, C_LOOSE_BULLET, C_ABBREVIATION, C_DOT, C_STOP, C_OTHER) = range(9)
N_END, N_SPACE, N_CLOSER, N_CLOSER_OPENER, N_CAPITAL, N_STARTS, N_DASH, N_WORD = range(8)
P_OTHER, P_DIGITS = range(2)
A_END, A_SPACE, A_CLOSER, A_CAPITAL, A_STARTS, A_DASH, A_OTHER = range(7)
# decisions about a candidate at position i
NO_START, START_AFTER, START_HERE, ONE_BY_ONE, START_TWO_AFTER = range(5)
_SIZES = (9, 8, 2, 7)
_PLACES = tuple(int(np.prod(_SIZES[:k])) for k in range(4))  # mixed-radix place of each role


def _is_candidate(text: str) -> bool:
    """A token that may end a sentence or open a new one."""
    return text in _CANDIDATES or "\n" in text


def _roles(text: str) -> tuple[int]:
    """The role codes of one token text, each multiplied by its place, packed in one OrthTable value.

    The empty text is no token: it stands for the positions before and after a document.
    """
    if not text:
        return (_PAST_END,)
    if not _is_candidate(text):
        cand = C_NONE
    elif text.isspace():
        cand = C_LINES if text.count("\n") >= 2 else C_LINE
    elif text in BULLETS:
        cand = C_BULLET
    elif text in BULLET_TOKENS:
        cand = C_LOOSE_BULLET
    elif text in ENDING_ABBREVIATIONS:
        cand = C_ABBREVIATION
    elif text == ".":
        cand = C_DOT
    elif text in TERMINALS:
        cand = C_STOP
    else:
        cand = C_OTHER
    if text.isspace():
        nxt = N_SPACE
    elif text in CLOSERS or text in TERMINALS:
        nxt = N_CLOSER_OPENER if _opens_line(text) else N_CLOSER
    elif text[:1].isupper():
        nxt = N_CAPITAL
    elif _starts_sentence(text):
        nxt = N_STARTS
    elif text in DASHES:
        nxt = N_DASH
    else:
        nxt = N_WORD
    prev = P_DIGITS if text.isdigit() else P_OTHER
    after = _NEXT_AS_AFTER.get(nxt, A_OTHER)
    return (_pack(cand, nxt, prev, after),)


def _pack(cand: int, nxt: int, prev: int, after: int) -> int:
    """The four role codes, times their places, as one 64-bit value of four uint16.

    In the order (prev, cand, nxt, after): the ``k``-th uint16 of token ``i - 1 + k``
    is what token ``i``'s decision needs, so a window with a stride of five uint16
    reads all four (see :meth:`KazakhSentencizer.__call__`).
    """
    codes = (prev * _PLACES[2], cand * _PLACES[0], nxt * _PLACES[1], after * _PLACES[3])
    return int(np.array(codes, dtype=np.uint16).view(np.uint64)[0])


def _decide(cand: int, nxt: int, prev: int, after: int) -> int:
    """The rules of :func:`_boundary_after` for the cases that the four roles settle.

    ``nxt`` is the token right after the candidate, ``prev`` the one right before
    it, ``after`` the one after ``nxt``. Anything else goes ONE_BY_ONE.
    """
    if cand == C_NONE:
        return NO_START
    if cand == C_OTHER:
        return ONE_BY_ONE
    if cand == C_BULLET:
        return START_HERE
    if nxt == N_END:
        return NO_START
    if cand in (C_LINE, C_LINES):
        if nxt == N_SPACE:
            return ONE_BY_ONE
        opens_line = nxt in (N_CLOSER_OPENER, N_CAPITAL, N_STARTS, N_DASH)
        return START_AFTER if cand == C_LINES or opens_line else NO_START
    if cand == C_LOOSE_BULLET or nxt == N_SPACE:
        return ONE_BY_ONE  # the bullet needs the spacing before it; the next word is further on
    if nxt in (N_CLOSER, N_CLOSER_OPENER):  # one closing quote or stop, then the next word?
        if after == A_END:
            return NO_START
        if after in (A_SPACE, A_CLOSER):
            return ONE_BY_ONE
        return _decide_stop(cand, prev, _AFTER_AS_NEXT.get(after, N_WORD), None, START_TWO_AFTER)
    return _decide_stop(cand, prev, nxt, after, START_AFTER)


def _decide_stop(cand: int, prev: int, first: int, after: int | None, start: int) -> int:
    """A stop or abbreviation with its next word ``first``; ``after`` follows that word (None: unknown)."""
    if cand == C_ABBREVIATION:
        return start if first == N_CAPITAL else NO_START
    if cand == C_DOT and prev == P_DIGITS:
        return ONE_BY_ONE  # maybe "1." opening a line
    if first in (N_CAPITAL, N_STARTS):
        return start
    if first == N_DASH:  # a dialogue turn when a capitalised word follows the dash
        if after in (None, A_SPACE):
            return ONE_BY_ONE
        return start if after == A_CAPITAL else NO_START
    return ONE_BY_ONE if cand == C_DOT else NO_START  # a stop before a lower-case word: only "."


_NEXT_AS_AFTER = {N_SPACE: A_SPACE, N_CLOSER: A_CLOSER, N_CLOSER_OPENER: A_CLOSER, N_CAPITAL: A_CAPITAL,
                  N_STARTS: A_STARTS, N_DASH: A_DASH}
_AFTER_AS_NEXT = {A_CAPITAL: N_CAPITAL, A_STARTS: N_STARTS, A_DASH: N_DASH}
_DECISIONS = np.array([_decide(c, nx, p, a) for a in range(_SIZES[3]) for p in range(_SIZES[2])
                       for nx in range(_SIZES[1]) for c in range(_SIZES[0])], dtype="int8")
# per key: does a sentence start, where relative to the candidate, is it left to _boundary_after?
_STARTS = np.array([0, 1, 1, 0, 1], dtype=np.intp)[_DECISIONS]
_SHIFT = np.array([0, 1, 0, 0, 2], dtype=np.intp)[_DECISIONS]
_ONE_BY_ONE = _DECISIONS == ONE_BY_ONE
_PAST_END = _pack(C_NONE, N_END, P_OTHER, A_END)  # the roles of the tokens before and after a document
_GAP = np.zeros(2, dtype=np.uint64)  # orth hash 0, the empty text: no token
_NO = np.uint64(2**64 - 1)  # SENT_START -1: not a sentence start


class KazakhSentencizer:
    """Sets ``token.is_sent_start`` on every token (see the module docstring).

    Each distinct token text's roles (a candidate full stop, a line break, a capital,
    a dash ...) are computed once and kept in an :class:`~kzedutext._orthtable.OrthTable`.
    A batch of documents costs one ``ORTH`` array and one ``from_array`` per document
    and a few vectorised steps for the whole batch: the roles of every token and its
    neighbours add up to a key into the table of decisions made by :func:`_decide`
    (non-candidates decide nothing). The rarer cases it leaves open (quotes after a
    stop, list numbers, loose bullets, lower case after a stop) go through
    :func:`_boundary_after`, the rules spelt out token by token, one by one.
    ``nlp.pipe`` hands the component whole batches; ``nlp(text)`` a batch of one.
    """

    def __init__(self, nlp: Language, name: str = "kk_sentencizer") -> None:
        self.name = name
        self._strings = nlp.vocab.strings
        self._roles = OrthTable(_roles, width=1, strings=nlp.vocab.strings)
        self._numbers = np.arange(4096, dtype=np.intp)  # positions, grown for longer batches

    def __call__(self, doc: Doc) -> Doc:
        self._set_starts([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Sentence-split a stream of documents, ``batch_size`` at a time (the same result as ``__call__``)."""
        for docs in minibatch(stream, size=batch_size):
            self._set_starts(docs)
            yield from docs

    def _set_starts(self, docs: list[Doc]) -> None:
        """Set the sentence starts of a batch of documents, deciding all their tokens at once."""
        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        orths = [doc.to_array(ORTH) for doc in docs]
        # one row of role codes per position: an empty text (hash 0) before each document and
        # two after it stand for "past the end"; document k's token i sits at firsts[k] + i
        pieces = [_GAP[:1]]
        for doc_orths in orths:
            pieces += (doc_orths, _GAP)
        packed = np.ascontiguousarray(self._roles.lookup(np.concatenate(pieces))[:, 0])
        lengths = [len(doc_orths) for doc_orths in orths]
        firsts = list(accumulate((n + 2 for n in lengths[:-1]), initial=1))
        m = len(packed) - 3  # window row p: the prev code at p, cand at p + 1, next at p + 2, after at p + 3
        window = np.ndarray((m, 4), dtype=np.uint16, buffer=packed, strides=(8, 10))
        key = window[:, 0].astype(np.intp)  # the sum of the four places (< 1008); intp indexes fastest
        key += window[:, 1]
        key += window[:, 2]
        key += window[:, 3]
        if len(self._numbers) < m:
            self._numbers = np.arange(2 * m, dtype=np.intp)
        # the position of the token that starts a sentence; position 0 (a gap) when none does
        starts = np.full(len(packed), _NO, dtype=np.uint64)
        starts[(self._numbers[:m] + 1 + _SHIFT[key]) * _STARTS[key]] = 1
        starts[firsts] = 1
        rest = np.flatnonzero(_ONE_BY_ONE[key]) + 1
        if rest.size:
            owner = np.searchsorted(firsts, rest, side="right") - 1
            for k in np.unique(owner).tolist():
                first, n = firsts[k], lengths[k]
                self._one_by_one(docs[k], (rest[owner == k] - first).tolist(), orths[k],
                                 packed[first : first + n], starts[first : first + n])
        for doc, first, n in zip(docs, firsts, lengths, strict=True):
            doc.from_array([SENT_START], starts[first : first + n].reshape(-1, 1))

    def _one_by_one(self, doc: Doc, candidates: list[int], orths: np.ndarray, roles: np.ndarray,
                    starts: np.ndarray) -> None:
        """Decide the less common candidates with the rules spelt out token by token."""
        n, strings = len(doc), self._strings
        space = roles.view(np.uint16).reshape(-1, 4)[:, 2] == N_SPACE * _PLACES[1]  # see _pack
        trailing = _Trailing(doc)

        def tx(j: int) -> str:
            return strings[int(orths[j])]

        for i in candidates:
            start = _boundary_after(i, n, tx, space, trailing)
            if start is not None and 0 < start < n:
                starts[start] = 1



class _Trailing:
    """``trailing[k]``: is token ``k`` followed by a space? Read only for the few tokens asked about."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def __getitem__(self, k: int) -> bool:
        return bool(self.doc[k].whitespace_)


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
