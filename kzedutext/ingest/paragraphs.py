"""Turn lines of extracted text into paragraphs.

Plain text and PDF text come as lines. A blank line always ends a paragraph. Lines
of a block are joined into one paragraph only when the text is *hard-wrapped*
(most lines end near the same width and the next line goes on in lower case);
otherwise every line is its own paragraph, as in text pasted from a web page. A
word broken at the line end with a hyphen is joined (``педаго-`` + ``гикалық``),
unless the two halves form a known hyphenated compound (``оқу-тәрбие``).

>>> split_paragraphs("Бірінші жол\\n\\nЕкінші жол\\nҮшінші жол")
['Бірінші жол', 'Екінші жол', 'Үшінші жол']
>>> join_lines(["Оқушылардың педаго-", "гикалық қолдауы және оқу-", "тәрбие жұмысы."])
'Оқушылардың педагогикалық қолдауы және оқу-тәрбие жұмысы.'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .._data import read_lines

_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ENDS_SENTENCE = tuple(".!?:;»\")")
_HYPHENATED_END = re.compile(r"(\w+)[-\u00ad\u2010\u2011]$")
_FIRST_WORD = re.compile(r"^(\w+)")


@lru_cache(maxsize=1)
def _compounds() -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """Known hyphenated compounds as (whole words, (left, right-prefix) pairs)."""
    pairs = []
    for line in read_lines("kzedutext.lang.kk", "hyphen_compounds.txt"):
        left, _, right = line.lower().partition("-")
        pairs.append((left, right))
    return frozenset(left for left, _ in pairs), tuple(pairs)


def keeps_hyphen(left: str, right: str) -> bool:
    """Whether ``left-`` at a line end and ``right`` on the next line form a hyphenated word.

    >>> keeps_hyphen("оқу", "тәрбие"), keeps_hyphen("педаго", "гикалық")
    (True, False)
    """
    if not right or not right[0].islower() or left.isdigit() or left.isupper():
        return True
    lefts, pairs = _compounds()
    low_l, low_r = left.lower(), right.lower()
    if low_l in lefts and any(low_l == a and low_r.startswith(b) for a, b in pairs):
        return True
    return low_l in _HYPHEN_LEFTS


# First halves that stand in hyphenated pairs far more often than they are broken
# syllables (a short list; the compound list above has the rest).
_HYPHEN_LEFTS = frozenset(
    "оқу ғылыми сондай әр кей іс ата бір өз қарым мінез ақпараттық психологиялық "
    "әлеуметтік оқу-әдістемелік тарихи танымдық".split()
)


def clean_line(line: str) -> str:
    """Collapse runs of spaces and tabs, strip the ends."""
    return _SPACES_RE.sub(" ", line).strip()


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, repairing words hyphenated at the line end."""
    out = ""
    for raw in lines:
        line = clean_line(raw)
        if not line:
            continue
        if not out:
            out = line
            continue
        m = _HYPHENATED_END.search(out)
        first = _FIRST_WORD.match(line)
        if m and first:
            if keeps_hyphen(m.group(1), first.group(1)):
                out = out[:-1] + "-" + line
            else:
                out = out[:-1] + line
        else:
            out = f"{out} {line}"
    return out


def wrap_width(lines: list[str]) -> int | None:
    """The width lines were broken at, or None when lines are not hard-wrapped."""
    lengths = sorted(len(s) for s in (clean_line(x) for x in lines) if len(s) > 20)
    if len(lengths) < 4:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > 140:
        return None
    near = sum(1 for n in lengths if n >= 0.7 * width)
    return width if near >= 0.6 * len(lengths) else None


def _continues(prev: str, nxt: str, width: int) -> bool:
    """Whether line ``nxt`` continues the paragraph that ``prev`` is in."""
    if not prev or not nxt:
        return False
    if len(prev) < 0.7 * width and not _HYPHENATED_END.search(prev):
        return False  # a short line ends its paragraph
    if prev.endswith(_ENDS_SENTENCE) and not nxt[0].islower():
        return False
    return True


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text (see the module docstring)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    lines = text.split("\n")
    width = wrap_width(lines)
    if width is None:
        return [p for p in (clean_line(x) for x in lines) if p]
    paragraphs: list[str] = []
    block: list[str] = []
    for raw in lines + [""]:
        line = clean_line(raw)
        if block and _continues(block[-1], line, width):
            block.append(line)
            continue
        if block:
            paragraphs.append(join_lines(block))
        block = [line] if line else []
    return paragraphs
