"""Tokenizer exceptions: Kazakh abbreviations keep their full stop (т.б., ж., млн.).

Built from ``data/abbreviations.tsv``. They are applied through the tokenizer's
``token_match`` rather than spaCy's special-case rules: any special case makes
spaCy run a phrase matcher over every text and stop caching chunks, which costs
about 15x in speed. The expansion of each abbreviation becomes its ``norm_``
through the lexeme NORM getter.

>>> from kzedutext.lang.kk.tokenizer_exceptions import ABBREVIATION_NORMS, ABBREVIATIONS
>>> ABBREVIATION_NORMS["т.б."], ABBREVIATIONS["Проф."]
('тағы басқа', 'title')
"""

from __future__ import annotations

import re

from ..._data import read_table

#: abbreviation -> kind: "general" may end a sentence, "inline" (units, dates,
#: places) ends one only at a line end, "title" never does.
ABBREVIATIONS: dict[str, str] = {}
#: abbreviation -> its expansion, used as the token's norm.
ABBREVIATION_NORMS: dict[str, str] = {}

for abbr, expansion, kind in read_table("kzedutext.lang.kk", "abbreviations.tsv"):
    variants = {abbr}
    if len(abbr.replace(".", "")) > 1:  # one capital + stop is an initial, not ж.
        variants.add(abbr[0].upper() + abbr[1:])
    for form in variants:
        ABBREVIATIONS[form] = kind
        ABBREVIATION_NORMS[form] = expansion

#: Regular expression matching exactly one abbreviation (longest first).
ABBREVIATION_PATTERN = "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))

#: Kept for spaCy's Defaults interface: no special-case rules (see above).
TOKENIZER_EXCEPTIONS: dict[str, list[dict]] = {}
