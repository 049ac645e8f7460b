"""The suffix grammar: morphotactic states and the suffixes that move between them.

The grammar lives in ``data/morphotactics.tsv`` and is read right to left: the
analyser starts at the word's end (state ``W``), cuts a suffix whose surface and
phonological conditions fit, and continues in the suffix's ``next`` state until it
reaches a stem state (``N`` nominal, ``VS`` verbal).

>>> g = Grammar.default()
>>> sorted(g.stem_states)
['N', 'VS']
>>> any(s.surface == "лар" and s.feats == ("Number=Plur",) for s in g.suffixes["NPL"])
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .._data import read_table
from .phonology import CONSONANT_CLASSES, SOUND_CLASSES, harmony

STEM_STATES = frozenset({"N", "VS"})


@dataclass(frozen=True)
class Suffix:
    """One surface allomorph of a suffix, with the conditions it puts on its stem."""

    state: str
    next: str
    surface: str
    after: frozenset[str]  # sound classes the stem (after `restore`) may end with
    restore: tuple[str, ...]  # a stem-final vowel the suffix swallowed (оқы + у = оқу)
    harmony: str | None
    feats: tuple[str, ...]
    cost: float


def _sound_classes(condition: str) -> frozenset[str]:
    """``"V+S"`` → {"V", "S"}; ``*`` is every class, ``C`` every consonant class."""
    if condition == "*":
        return frozenset(SOUND_CLASSES)
    names: set[str] = set()
    for name in condition.split("+"):
        names.update(CONSONANT_CLASSES if name == "C" else (name,))
    return frozenset(names)


class Grammar:
    """Suffixes grouped by the state they are cut in."""

    def __init__(self, suffixes: list[Suffix]) -> None:
        self.suffixes: dict[str, list[Suffix]] = {}
        for suffix in suffixes:
            self.suffixes.setdefault(suffix.state, []).append(suffix)
        self.stem_states = STEM_STATES

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Grammar:
        return cls.from_rows(read_table("kzedutext.morph", "morphotactics.tsv"))

    @classmethod
    def from_rows(cls, rows: list[list[str]]) -> Grammar:
        suffixes = []
        for row in rows:
            if len(row) != 5:
                raise ValueError(f"morphotactics row needs 5 tab-separated fields, got {row!r}")
            state, nxt, allomorphs, feats, cost = row
            feat_tuple = () if feats == "_" else tuple(feats.split("|"))
            for allomorph in allomorphs.split(","):
                surface, _, condition = allomorph.partition("/")
                condition, _, restore = condition.partition(">")
                surface = "" if surface == "0" else surface
                invariant = surface.startswith("=")
                surface = surface.lstrip("=")
                after = _sound_classes(condition)
                unknown = after - set(SOUND_CLASSES)
                if unknown:
                    raise ValueError(f"unknown sound class {sorted(unknown)} in {allomorph!r}")
                suffixes.append(
                    Suffix(
                        state=state,
                        next=nxt,
                        surface=surface,
                        after=after,
                        restore=tuple(restore.split("|")) if restore else (),
                        harmony=None if invariant else harmony(surface),
                        feats=feat_tuple,
                        cost=float(cost),
                    )
                )
        return cls(suffixes)
