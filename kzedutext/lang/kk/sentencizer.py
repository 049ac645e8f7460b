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
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

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

# Bits of a token text's features, computed once per distinct text (see _features).
CANDIDATE, SPACE, TWO_LINES, TERMINAL, CLOSER, BULLET_TOKEN, BULLET, ABBREVIATION = (1 << k for k in range(8))
STARTS, OPENS_LINE, UPPER, DIGITS, DOT, DASH = (1 << k for k in range(8, 14))
_PAST_END = SPACE  # the features "before the first" and "after the last" token


def _is_candidate(text: str) -> bool:
    """A token that may end a sentence or open a new one."""
    return text in _CANDIDATES or "\n" in text


def _features(text: str) -> tuple[int]:
    """The feature bits of one token text, as a one-value row of an OrthTable."""
    bits = (
        (CANDIDATE, _is_candidate(text)),
        (SPACE, text.isspace()),
        (TWO_LINES, text.count("\n") >= 2),
        (TERMINAL, text in TERMINALS),
        (CLOSER, text in CLOSERS),
        (BULLET_TOKEN, text in BULLET_TOKENS),
        (BULLET, text in BULLETS),
        (ABBREVIATION, text in ENDING_ABBREVIATIONS),
        (STARTS, _starts_sentence(text)),
        (OPENS_LINE, _opens_line(text)),
        (UPPER, text[:1].isupper()),
        (DIGITS, text.isdigit()),
        (DOT, text == "."),
        (DASH, text in DASHES),
    )
    return (sum(bit for bit, on in bits if on),)


class KazakhSentencizer:
    """Sets ``token.is_sent_start`` on every token (see the module docstring).

    Each distinct token text's features (may it end a sentence, is it a line break,
    does it start with a capital ...) are computed once and kept in an
    :class:`~kzedutext._orthtable.OrthTable`, so a document costs one ``ORTH`` array
    and a few vectorised steps: the common cases (a full stop before a capitalised
    word, a line break before a heading, a bullet) are decided for all candidates
    at once; the rest (lower case after a stop, list numbers, dialogue dashes, loose
    bullets, stops before closing quotes) go through :func:`_boundary_after` one by one.
    """

    def __init__(self, nlp: Language, name: str = "kk_sentencizer") -> None:
        self.name = name
        self._strings = nlp.vocab.strings
        self._features = OrthTable(_features, width=1, strings=nlp.vocab.strings, dtype="int64")

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        orths = doc.to_array(ORTH)
        feats = self._features.lookup(orths).ravel()
        starts = np.full(n, -1, dtype="int32")
        starts[0] = 1
        cands = np.flatnonzero(feats & CANDIDATE)
        if cands.size:
            padded = np.append(feats, (_PAST_END, _PAST_END))  # padded[-1], [n], [n + 1]: past the ends
            f, g, h = feats[cands], padded[cands + 1], padded[cands - 1]
            space = (f & SPACE) != 0
            bullet = ~space & ((f & BULLET_TOKEN) != 0)
            word = ~space & ~bullet
            abbreviation = word & ((f & ABBREVIATION) != 0)
            # the token after the candidate is the next word: no closer, stop or space between
            next_word = (g & (SPACE | CLOSER | TERMINAL)) == 0
            line = space & ((g & SPACE) == 0)  # a line break right before a word
            firm_bullet = bullet & ((f & BULLET) != 0)
            abbreviation &= next_word
            stop = word & ~abbreviation & ((f & TERMINAL) != 0) & next_word
            stop &= ~(((f & DOT) != 0) & ((h & DIGITS) != 0))  # not "1." opening a line
            capital = stop & ((g & STARTS) != 0)
            # a dash right after the stop, then a word: a dialogue turn if the word is capitalised
            k = padded[cands + 2]
            dash = stop & ~capital & ((g & DASH) != 0) & ((k & SPACE) == 0)
            last = cands == n - 1  # nothing follows: no new sentence
            after = cands + 1
            starts[after[line & (((f & TWO_LINES) | (g & OPENS_LINE)) != 0)]] = 1
            starts[cands[firm_bullet]] = 1
            starts[after[abbreviation & ((g & UPPER) != 0)]] = 1
            starts[after[capital]] = 1
            starts[after[dash & ((k & UPPER) != 0)]] = 1
            rest = cands[~(line | firm_bullet | abbreviation | capital | dash | last)]
            if rest.size:
                self._one_by_one(doc, rest.tolist(), orths, feats, starts)
        doc.from_array([SENT_START], starts.reshape(-1, 1).astype("uint64"))
        return doc

    def _one_by_one(self, doc: Doc, candidates: list[int], orths: np.ndarray, feats: np.ndarray,
                    starts: np.ndarray) -> None:
        """Decide the less common candidates with the rules spelt out token by token."""
        n, strings = len(doc), self._strings
        space = (feats & SPACE) != 0
        trailing = doc.to_array(SPACY)

        def tx(j: int) -> str:
            return strings[int(orths[j])]

        for i in candidates:
            start = _boundary_after(i, n, tx, space, trailing)
            if start is not None and 0 < start < n:
                starts[start] = 1

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
