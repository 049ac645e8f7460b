"""Repair the typographic mess of real Kazakh documents.

Two entry points:

* :func:`normalize_word` repairs one token. The Kazakh tokenizer uses it as the
  lexeme ``NORM`` getter, so ``token.norm_`` carries the repaired, lower-cased
  form while ``token.text`` and ``token.idx`` still point into the original text.
* :func:`normalize` repairs a whole text; :func:`normalize_with_offsets` also says,
  for every output character, where it came from in the input.

What is repaired:

* Unicode NFC (decomposed ``и`` + breve becomes ``й``);
* Latin look-alikes inside Cyrillic words (``бiлiм`` with Latin ``i`` becomes
  ``білім``; Latin ``Ə`` becomes ``Ә``) and Cyrillic look-alikes inside Latin words;
* non-breaking and other odd spaces become a plain space; soft hyphens and
  zero-width characters are dropped;
* hyphen look-alikes inside words become ``-``; dash look-alikes become ``–``;
* typographic double quotes become « and » (by position);
* Wingdings/Symbol bullets (private-use characters, a stray ``ü``) become ``•``.

>>> normalize("Мұғалiмнiң кәсiби құзыреттiлiгi")
'Мұғалімнің кәсіби құзыреттілігі'
>>> normalize_word("ҚҰЗЫРЕТТIЛIК")
'құзыреттілік'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .._data import read_table
from ..errors import Errors

_PKG = "kzedutext.text"


def _char(field: str) -> str:
    """A data-file field: a literal character or ``U+XXXX``."""
    if field.startswith("U+") and len(field) > 3:
        return chr(int(field[2:], 16))
    return field


def _load_map(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for row in read_table(_PKG, name):
        if len(row) < 2 or len(_char(row[0])) != 1 or len(_char(row[1])) != 1:
            raise ValueError(Errors.E001.format(row="\t".join(row), path=name))
        table[_char(row[0])] = _char(row[1])
    return table


#: Latin (and other) look-alike -> Cyrillic letter, applied inside Cyrillic words.
HOMOGLYPHS_TO_CYRILLIC: dict[str, str] = _load_map("homoglyphs.tsv")
#: Cyrillic look-alike -> Latin letter, applied inside Latin words.
HOMOGLYPHS_TO_LATIN: dict[str, str] = _load_map("cyrillic_to_latin.tsv")

_BULLET_ROWS = [(_char(r[0]), r[1]) for r in read_table(_PKG, "bullets.tsv")]
#: Characters that are bullets wherever they stand.
BULLETS: frozenset[str] = frozenset(c for c, when in _BULLET_ROWS if when == "always")
#: Characters that are bullets only when they stand alone before a word.
STANDALONE_BULLETS: frozenset[str] = frozenset(c for c, when in _BULLET_ROWS if when == "standalone")

_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_HYPHENS = "\u2010\u2011"
_DASHES = "\u2012\u2013\u2014\u2015\u2212"
_DOUBLE_QUOTES = '"“”„‟«»″'
_SINGLE_QUOTES = "'‘’‚‛′`´"

# Context-free, one-to-one (or deleting) character repairs.
_CHAR_TABLE = str.maketrans(
    {
        **{c: " " for c in _SPACES},
        **{c: None for c in _INVISIBLE},
        **{c: "-" for c in _HYPHENS},
        **{c: "•" for c in BULLETS},
    }
)

_CYR = "\u0400-\u04ff\u0500-\u052f"
_LAT = "A-Za-z\u00c0-\u024f\u0259\u018f\u0275\u019f"
_MARKS = "\u0300-\u036f"
_LETTER = f"{_CYR}{_LAT}{_MARKS}"
_WORD_RE = re.compile(f"[{_LETTER}]+")
_HAS_CYR = re.compile(f"[{_CYR}]")
_HAS_LAT = re.compile(f"[{_LAT}]")

_TO_CYR = str.maketrans(HOMOGLYPHS_TO_CYRILLIC)
_TO_LAT = str.maketrans(HOMOGLYPHS_TO_LATIN)
_LOOKALIKE_LAT = frozenset(HOMOGLYPHS_TO_CYRILLIC)
_LOOKALIKE_CYR = frozenset(HOMOGLYPHS_TO_LATIN)


def repair_script(word: str) -> str:
    """Repair look-alike letters in a word that mixes Latin and Cyrillic.

    A word is taken to be Cyrillic when it has more Cyrillic than non-look-alike
    Latin letters; its Latin look-alikes are then replaced, and vice versa.
    Words in one script are returned unchanged.

    >>> repair_script("бiлiм")          # Latin i
    'білім'
    >>> repair_script("Lessоn")         # Cyrillic о
    'Lesson'
    >>> repair_script("Lesson")
    'Lesson'
    """
    if not (_HAS_CYR.search(word) and _HAS_LAT.search(word)):
        return word
    n_cyr = n_lat_strict = n_cyr_strict = 0
    for ch in word:
        if "\u0400" <= ch <= "\u052f":
            n_cyr += 1
            if ch not in _LOOKALIKE_CYR:
                n_cyr_strict += 1
        elif ch.isalpha() and ch not in _LOOKALIKE_LAT:
            n_lat_strict += 1
    if n_cyr_strict >= n_lat_strict:
        return word.translate(_TO_CYR)
    return word.translate(_TO_LAT)


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """The repaired, lower-cased form of one token (its ``norm_``).

    >>> normalize_word("Бiлiмдi")
    'білімді'
    >>> normalize_word("\\uf0b7")       # Symbol-font bullet
    '•'
    >>> normalize_word("ü")            # a lost Wingdings tick standing alone
    '•'
    >>> normalize_word("—")
    '-'
    """
    if len(word) == 1:
        if word in BULLETS or word in STANDALONE_BULLETS:
            return "•"
        if word in _DASHES:
            return "-"  # spaCy's BASE_NORMS convention for dashes
        if word in _DOUBLE_QUOTES:
            return '"'
        if word in _SINGLE_QUOTES:
            return "'"
    out = word.translate(_CHAR_TABLE)
    if not unicodedata.is_normalized("NFC", out):
        out = unicodedata.normalize("NFC", out)
    out = repair_script(out)
    return out.lower()


@dataclass(frozen=True)
class NormalizedText:
    """A normalised text and, for each of its characters, the offset it came from.

    ``offsets`` has ``len(text) + 1`` entries; the last one is the length of the
    original, so ``original[offsets[i]:offsets[j]]`` is the source of ``text[i:j]``.
    """

    text: str
    offsets: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the normalised span ``[start, end)``."""
        return self.offsets[start], self.offsets[end]


_OPENING_CONTEXT = frozenset(" \t\n\r([{«—–-/")

_WORD_EDITS = [
    # both word patterns start only at a word's first letter: trying them inside a
    # word again and again made normalisation the slowest step of reading
    rf"(?P<word>(?<![{_LETTER}{_MARKS}])[{_LETTER}]*(?:[{_MARKS}][{_LETTER}]*)+)",  # needs NFC
    rf"(?P<mixed>(?<![{_LETTER}])[{_LETTER}]*(?:[{_CYR}][{_LETTER}]*[{_LAT}]|[{_LAT}][{_LETTER}]*[{_CYR}])[{_LETTER}]*)",
]
_MARK_EDITS = [
    rf"(?P<bullet>(?:(?<=\s)|^)[{''.join(STANDALONE_BULLETS)}](?=\s))",
    r"(?P<quote>[\"“”„‟″])",
    rf"(?P<dash>[{_DASHES}])",
]
_EDIT_RE = re.compile("|".join(_WORD_EDITS + _MARK_EDITS), re.MULTILINE)
# most paragraphs have no Latin letter and no combining mark: the word patterns cannot
# match there, so a lighter pattern scans them
_MARKS_ONLY_RE = re.compile("|".join(_MARK_EDITS), re.MULTILINE)
_NEEDS_WORD_EDITS = re.compile(f"[{_LAT}{_MARKS}]")


def _edits(text: str):
    """Yield ``(start, end, replacement)`` context-dependent edits, in order."""
    pattern = _EDIT_RE if _NEEDS_WORD_EDITS.search(text) else _MARKS_ONLY_RE
    for m in pattern.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        piece = m.group()
        if kind == "word":
            new = repair_script(unicodedata.normalize("NFC", piece))
        elif kind == "mixed":
            new = repair_script(piece)
        elif kind == "bullet":
            new = "•"
        elif kind == "dash":
            new = "–"
        else:  # a double quote: direction from what precedes it
            before = text[s - 1] if s else " "
            new = "«" if before in _OPENING_CONTEXT else "»"
        if new != piece:
            yield s, e, new


def normalize_with_offsets(text: str) -> NormalizedText:
    """Normalise ``text`` and keep a map from output characters to input offsets.

    >>> n = normalize_with_offsets("a\\u00adb “сөз”")
    >>> n.text
    'ab «сөз»'
    >>> n.offsets[:3]
    (0, 2, 3)
    """
    if not isinstance(text, str):
        raise TypeError(Errors.E002.format(type=type(text).__name__))
    # 1. context-free character repairs, some of which delete characters
    stage1 = text.translate(_CHAR_TABLE)
    if len(stage1) == len(text):
        offsets = list(range(len(text)))
    else:
        kept = [(rep, i) for i, ch in enumerate(text) if (rep := ch.translate(_CHAR_TABLE))]
        stage1 = "".join(rep for rep, _ in kept)
        offsets = [i for _, i in kept]
    # 2. context-dependent edits (NFC, scripts, quotes, loose bullets)
    pieces: list[str] = []
    out_offsets: list[int] = []
    pos = 0
    for s, e, new in _edits(stage1):
        pieces.append(stage1[pos:s])
        out_offsets.extend(offsets[pos:s])
        pieces.append(new)
        # a same-length replacement maps one to one; otherwise every new
        # character maps to the start of what it replaced
        out_offsets.extend(offsets[s:e] if len(new) == e - s else [offsets[s]] * len(new))
        pos = e
    pieces.append(stage1[pos:])
    out_offsets.extend(offsets[pos:])
    out = "".join(pieces)
    return NormalizedText(out, tuple(out_offsets) + (len(text),))


def normalize(text: str) -> str:
    """Normalise a whole text (see the module docstring for what is repaired).

    >>> normalize("Оқу\\u00a0— бiлiм  ")
    'Оқу – білім  '
    """
    return normalize_with_offsets(text).text
