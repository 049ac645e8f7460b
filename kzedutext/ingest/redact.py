"""Replace personal data with typed placeholders so a tagged corpus can be shared.

E-mail addresses (also written with spaces, ``name @mail ru``), phone numbers
(Kazakhstan ``+7``/``8`` and international) and Kazakhstan IINs (12 digits whose
birth date and check digit are valid) become ``[EMAIL]``, ``[PHONE]`` and
``[IIN]``. The patterns live in ``data/pii.tsv``.

>>> r = redact("Байланыс: aigerim@mektep.kz, +7 701 123 45 67")
>>> r.text, r.counts
('Байланыс: [EMAIL], [PHONE]', {'email': 1, 'phone': 1})
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .._data import read_table

_PKG = "kzedutext.ingest"


@dataclass(frozen=True)
class Redacted:
    """The redacted text and how many items of each type were replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    rows = []
    for row in read_table(_PKG, "pii.tsv"):
        if len(row) != 3:
            raise ValueError(f"pii.tsv: bad row {row!r}; expected '<type>\\t<placeholder>\\t<regex>'")
        rows.append((row[0], row[1], re.compile(row[2], re.IGNORECASE)))
    return tuple(rows)


def is_valid_iin(digits: str) -> bool:
    """Whether a 12-digit string is a plausible Kazakhstan IIN (birth date and check digit).

    >>> is_valid_iin("900101300017"), is_valid_iin("900101300012"), is_valid_iin("201520301234")
    (True, False, False)
    """
    if len(digits) != 12 or not digits.isdigit():
        return False
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}.get(digits[6])
    if century is None:
        return False
    try:
        date(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError:
        return False
    nums = [int(c) for c in digits]
    check = sum(w * d for w, d in zip(range(1, 12), nums, strict=False)) % 11
    if check == 10:
        weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
        check = sum(w * d for w, d in zip(weights, nums, strict=False)) % 11
        if check == 10:
            return False
    return check == nums[11]


def redact(text: str) -> Redacted:
    """Replace e-mails, phone numbers and IINs in ``text`` (see the module docstring)."""
    counts: Counter[str] = Counter()
    for kind, placeholder, pattern in _patterns():

        def sub(m: re.Match, kind=kind, placeholder=placeholder) -> str:
            if kind == "iin" and not is_valid_iin(m.group()):
                return m.group()
            counts[kind] += 1
            return placeholder

        text = pattern.sub(sub, text)
    return Redacted(text, dict(counts))
