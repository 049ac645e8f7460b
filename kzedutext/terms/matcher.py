"""Find competency and term mentions in a tokenised text (the algorithm, without spaCy state).

Words are compared through *keys*: the normalised lower-cased form plus the lemmas of its
two best morphological analyses, so ``арттырудың`` meets ``арттыру`` (verbal noun and verb
stem) and ``құзыреттіліктерін`` meets ``құзыреттілік``. Family heads are found by their
stems (``құзырет``, ``құзірет``, ``құдырет``, ``компетент`` ...), then the matcher walks left
over the modifiers, expanding coordinated lists («коммуникативтік, танымдық және
шығармашылық құзыреттіліктерін» → three mentions).

>>> from kzedutext.terms.ontology import Ontology
>>> m = CompiledOntology.build(Ontology.default())
>>> words = "коммуникативтік , танымдық және шығармашылық құзыреттіліктерін".split()
>>> [(x.concept, x.start, x.end) for x in m.find(words)]
[('communicative', 0, 1), ('cognitive', 2, 3), ('creative', 4, 6)]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np

from .._data import read_table
from ..morph import Analyzer
from ..text.normalize import normalize_word
from ..text.variants import fold_variants
from .ontology import Ontology

#: How far after a head a colon may open a list of its kinds, and what ends the search.
_COLON_WINDOW = 6
_CLAUSE_ENDS = frozenset({".", "!", "?", ";", "…"})
#: The most words a modifier variant has.
_LONGEST_MODIFIER = 3

#: Words (norms) of a hyphenated modifier are split on these.
_HYPHENS = ("-", "‑")


@lru_cache(maxsize=200_000)
def word_keys(norm: str) -> frozenset[str]:
    """Keys of a normalised lower-case word: the word and the lemmas of its two best analyses.

    >>> sorted(word_keys("арттырудың"))
    ['арттыр', 'арттыру', 'арттырудың']
    """
    keys = {norm}
    if norm and norm[0].isalpha():
        for analysis in Analyzer.default().analyze(norm)[:2]:
            keys.add(analysis.lemma.lower())
    return frozenset(keys)


@lru_cache(maxsize=200_000)
def norm_of(text: str) -> str:
    """The form the matcher compares: normalised (Latin look-alikes repaired), lower case,
    spelling variants of a stem folded (:func:`kzedutext.text.variants.fold_variants`).

    >>> norm_of("Құзіреттілігін"), norm_of("құдыреттіліктің")
    ('құзыреттілігін', 'құзыреттіліктің')
    """
    return fold_variants(normalize_word(text).lower())


class Match(NamedTuple):
    """One mention: tokens ``[start, end)``, its concept and where its head is (a tuple: cheap)."""

    start: int
    end: int
    concept: str
    group: str
    head: int
    #: True when the head is shared with other conjuncts and lies outside ``[start, end)``.
    elided: bool = False


@dataclass(frozen=True)
class _Pattern:
    words: tuple[frozenset[str], ...]  # key sets, one per word
    concept: str


class CompiledOntology:
    """Lookup tables built once from an :class:`Ontology` for fast matching."""

    def __init__(self, ontology: Ontology, separators: frozenset[str], fillers: tuple[tuple[str, ...], ...]):
        self.ontology = ontology
        self.separators = separators
        self.fillers = fillers
        self.filler_norms = frozenset(" ".join(f) for f in fillers)
        self.fillers_by_last: dict[str, list[tuple[str, ...]]] = {}
        for filler in fillers:
            if len(filler) > 1:
                self.fillers_by_last.setdefault(filler[-1], []).append(filler)
        stems = [(stem, fam.id) for fam in ontology.families.values() for stem in fam.stems]
        self.stems = tuple(sorted(stems, key=lambda s: -len(s[0])))
        self.stem_prefixes = tuple(stem for stem, _ in self.stems)
        # family id -> last-word key -> patterns (modifier variants, possibly several words)
        self.modifiers: dict[str, dict[str, list[_Pattern]]] = {}
        # first-word key -> phrase patterns
        self.phrases: dict[str, list[_Pattern]] = {}
        for concept in ontology.concepts.values():
            if concept.family is not None:
                index = self.modifiers.setdefault(concept.family, {})
                for variant in concept.modifiers:
                    pattern = _pattern(variant, concept.id)
                    for key in pattern.words[-1]:
                        index.setdefault(key, []).append(pattern)
            for phrase in concept.phrases:
                pattern = _pattern(phrase, concept.id)
                for key in pattern.words[0]:
                    self.phrases.setdefault(key, []).append(pattern)
        for table in (self.phrases, *self.modifiers.values()):
            for key, patterns in table.items():
                table[key] = sorted(set(patterns), key=lambda p: (-len(p.words), p.concept))
        # phrases by their first two words' keys, and one-word phrases by their key
        self.phrase_pairs: dict[tuple[str, str], list[_Pattern]] = {}
        self.single_phrases: dict[str, _Pattern] = {}
        for patterns in self.phrases.values():
            for pattern in patterns:
                if len(pattern.words) == 1:
                    for key in pattern.words[0]:
                        self.single_phrases.setdefault(key, pattern)
                    continue
                for k1 in pattern.words[0]:
                    for k2 in pattern.words[1]:
                        bucket = self.phrase_pairs.setdefault((k1, k2), [])
                        if pattern not in bucket:
                            bucket.append(pattern)

    @classmethod
    def build(cls, ontology: Ontology) -> CompiledOntology:
        separators: set[str] = set()
        fillers: list[tuple[str, ...]] = []
        for kind, words in read_table("kzedutext.terms", "coordination.tsv"):
            if kind == "separator":
                separators.add(words)
            elif kind == "filler":
                fillers.append(tuple(words.split(" ")))
        fillers.sort(key=len, reverse=True)
        return cls(ontology, frozenset(separators), tuple(fillers))

    # --- what a single word is -------------------------------------------------

    def head_family(self, norm: str) -> str | None:
        """The family whose head this word is (by stem), or None."""
        if norm.startswith(self.stem_prefixes):
            for stem, family in self.stems:
                if norm.startswith(stem):
                    return family
        return None

    def is_trigger(self, text: str) -> bool:
        """Whether a word may start a match: a family head or the first word of a phrase."""
        norm = norm_of(text)
        if self.head_family(norm) is not None:
            return True
        return any(key in self.phrases for key in word_keys(norm))

    # --- matching ---------------------------------------------------------------

    def find(self, norms: Sequence[str], candidates: Sequence[int] | None = None) -> list[Match]:
        """All matches in a sequence of normalised lower-case words.

        ``candidates`` (indices of words for which :meth:`is_trigger` holds) lets a caller
        that has them already skip the scan.
        """
        if candidates is None:
            candidates = [i for i, norm in enumerate(norms) if self.is_trigger(norm)]
        matches: list[Match] = []
        phrase_matches: list[Match] = []
        bare: list[Match] = []
        for i in candidates:
            norm = norms[i]
            family_id = self.head_family(norm)
            if family_id is not None:
                found = self._family_matches(norms, i, family_id) or self._list_after(norms, i, family_id)
                if found:
                    matches.extend(found)
                else:
                    bare_concept = self.ontology.families[family_id].bare
                    if bare_concept is not None and not self._is_adjective(norm, family_id):
                        bare.append(Match(i, i + 1, bare_concept, "terms", i))
            phrase = self._phrase_at(norms, i)
            if phrase is not None:
                phrase_matches.append(phrase)
        phrase_matches = _drop_overlaps(phrase_matches)
        # a phrase inside a competency mention is part of it («STEM» in «STEM сауаттылығы»
        # when a user's file adds that concept), not a mention of its own
        phrase_matches = [p for p in phrase_matches
                          if not any(f.start <= p.start and p.end <= f.end and f.end - f.start > p.end - p.start
                                     for f in matches)]
        taken = {j for m in phrase_matches for j in range(m.start, m.end)}
        bare = [m for m in bare if m.start not in taken]
        return sorted(matches + phrase_matches + bare, key=lambda m: (m.start, m.end, m.concept))

    def _is_adjective(self, norm: str, family_id: str) -> bool:
        """``құзыретті`` (competent) is an adjective: with no modifier it is not a mention."""
        for stem in self.ontology.families[family_id].stems:
            if norm.startswith(stem):
                rest = norm[len(stem) :]
                return rest in ("ті", "ты", "тті", "тты", "ді", "ды")
        return False

    def _family_matches(self, norms: Sequence[str], head: int, family_id: str) -> list[Match]:
        family = self.ontology.families[family_id]
        index = self.modifiers.get(family_id, {})
        pos = head - 1
        skipped = self._filler_before(norms, pos)
        if skipped is not None:  # «кәсіби, жеке және т.б. құзыреттіліктер»
            pos = skipped
            while pos >= 0 and norms[pos] in self.separators:
                pos -= 1
        conjuncts: list[tuple[int, int, list[str]]] = []
        in_list = False
        while pos >= 0:
            found = self._modifier_ending_at(norms, pos, index)
            if found is None:
                break
            start, concepts = found
            conjuncts.append((start, pos + 1, concepts))
            pos = start - 1
            sep = pos
            while sep >= 0 and norms[sep] in self.separators:
                sep -= 1
            if sep < pos:  # one or more separators («, және»), then another modifier must follow
                if sep < 0 or self._modifier_ending_at(norms, sep, index) is None:
                    break
                in_list = True
                pos = sep
            elif not in_list:  # juxtaposed modifiers count only inside a list
                break
        matches: list[Match] = []
        for n, (start, end, concepts) in enumerate(conjuncts):
            nearest = n == 0
            for concept in concepts:
                matches.append(
                    Match(
                        start,
                        head + 1 if nearest else end,
                        concept,
                        family.group,
                        head,
                        elided=not nearest,
                    )
                )
        return matches

    def _list_after(self, norms: Sequence[str], head: int, family_id: str) -> list[Match]:
        """Modifiers listed after the head and a colon: «құзыреттіліктің түрлері: кәсіби, жеке»."""
        n = len(norms)
        j = head + 1
        while j < n and j <= head + _COLON_WINDOW and norms[j] != ":":
            if norms[j] in _CLAUSE_ENDS or self.head_family(norms[j]) is not None:
                return []
            j += 1
        if j >= n or norms[j] != ":":
            return []
        family = self.ontology.families[family_id]
        index = self.modifiers.get(family_id, {})
        matches: list[Match] = []
        k = j + 1
        while k < n:
            found = self._modifier_starting_at(norms, k, index)
            if found is None:
                break
            end, concepts = found
            if end < n and self.head_family(norms[end]) == family_id:
                break  # «: цифрлық және медиа құзыреттілік» has its own head
            matches.extend(Match(k, end, c, family.group, head, elided=True) for c in concepts)
            k = end
            while k < n and norms[k] in self.separators:
                k += 1
        return matches

    def _modifier_starting_at(
        self, norms: Sequence[str], pos: int, index: dict[str, list[_Pattern]]
    ) -> tuple[int, list[str]] | None:
        """The longest modifier starting at word ``pos``: (the word after it, its concepts)."""
        best: tuple[int, list[str]] | None = None
        for end in range(min(len(norms), pos + _LONGEST_MODIFIER), pos, -1):
            found = self._modifier_ending_at(norms, end - 1, index)
            if found is not None and found[0] == pos:
                best = (end, found[1])
                break
        return best

    def _filler_before(self, norms: Sequence[str], pos: int) -> int | None:
        """Index of the word before a filler («тағы басқа», «т.б.») ending at ``pos``, or None."""
        if pos < 0:
            return None
        last = norms[pos]
        if last in self.filler_norms:
            return pos - 1
        for filler in self.fillers_by_last.get(last, ()):
            n = len(filler)
            if pos - n + 1 >= 0 and all(norms[pos - n + 1 + j] == filler[j] for j in range(n - 1)):
                return pos - n
        return None

    def _modifier_ending_at(
        self, norms: Sequence[str], pos: int, index: dict[str, list[_Pattern]]
    ) -> tuple[int, list[str]] | None:
        """The longest modifier ending at word ``pos``: (its first word, its concepts)."""
        if pos < 0:
            return None
        norm = norms[pos]
        for key in word_keys(norm):
            for pattern in index.get(key, ()):
                n = len(pattern.words)
                start = pos - n + 1
                if start < 0:
                    continue
                if all(pattern.words[j] & word_keys(norms[start + j]) for j in range(n - 1)):
                    return start, [pattern.concept]
        if any(h in norm for h in _HYPHENS):  # дидактикалық-әдістемелік: every part a modifier
            concepts = []
            for part in _split_hyphens(norm):
                hits = [p.concept for key in word_keys(part) for p in index.get(key, ()) if len(p.words) == 1]
                if not hits:
                    return None
                concepts.append(hits[0])
            return pos, list(dict.fromkeys(concepts))
        return None

    def _phrase_at(self, norms: Sequence[str], i: int) -> Match | None:
        """The longest phrase starting at word ``i`` (looked up by its first two words)."""
        keys = word_keys(norms[i])
        best: _Pattern | None = None
        if i + 1 < len(norms):
            next_keys = word_keys(norms[i + 1])
            pairs = self.phrase_pairs
            for k1 in keys:
                for k2 in next_keys:
                    for pattern in pairs.get((k1, k2), ()):
                        n = len(pattern.words)
                        if (best is None or n > len(best.words)) and i + n <= len(norms):
                            if all(pattern.words[j] & word_keys(norms[i + j]) for j in range(2, n)):
                                best = pattern
        if best is None:
            for key in keys:
                if key in self.single_phrases:
                    best = self.single_phrases[key]
                    break
        if best is None:
            return None
        end = i + len(best.words)
        return Match(i, end, best.concept, self.ontology.concepts[best.concept].group, end - 1)


class TriggerIndex:
    """Finds the words where a match may start, for a whole Doc at once.

    Every distinct word is mapped, once, to a *class*: the set of pattern words it can
    stand for (plus whether it is a family head). A position is a candidate when its
    class is a head or a one-word phrase, or when its class and the next word's class
    can open a phrase together — a vectorised table lookup per Doc, so that frequent
    first words (білім, кәсіби ...) do not cost a Python call each.

    >>> from kzedutext.terms.ontology import Ontology
    >>> index = TriggerIndex(CompiledOntology.build(Ontology.default()))
    >>> index.candidates(["біз", "біліктілікті", "арттыру", "туралы", "білім", "алдық"])
    [1]
    """

    def __init__(self, compiled: CompiledOntology) -> None:
        self.compiled = compiled
        words: dict[frozenset[str], int] = {}
        singles: set[int] = set()
        pairs: set[tuple[int, int]] = set()
        for patterns in compiled.phrases.values():
            for pattern in patterns:
                ids = [words.setdefault(w, len(words)) for w in pattern.words[:2]]
                if len(ids) == 1:
                    singles.add(ids[0])
                else:
                    pairs.add((ids[0], ids[1]))
        self._key_to_words: dict[str, list[int]] = {}
        for keys, n in words.items():
            for key in keys:
                self._key_to_words.setdefault(key, []).append(n)
        self._singles, self._pairs = singles, pairs
        self._class_of_set: dict[frozenset[int], int] = {frozenset(): 0}
        self._sets: list[frozenset[int]] = [frozenset()]
        self._single_ok = np.zeros(64, dtype=bool)
        self._pair_ok = np.zeros((64, 64), dtype=bool)
        self._class_of_word: dict[str, int] = {}

    def word_class(self, norm: str) -> int:
        """The class id of a normalised lower-case word (0: can start nothing)."""
        found = self._class_of_word.get(norm)
        if found is not None:
            return found
        members = {n for key in word_keys(norm) for n in self._key_to_words.get(key, ())}
        if self.compiled.head_family(norm) is not None:
            members.add(-1)
        cls = self._class(frozenset(members))
        if len(self._class_of_word) > 500_000:
            self._class_of_word.clear()
        self._class_of_word[norm] = cls
        return cls

    def _class(self, members: frozenset[int]) -> int:
        cls = self._class_of_set.get(members)
        if cls is not None:
            return cls
        cls = self._class_of_set[members] = len(self._sets)
        self._sets.append(members)
        if cls >= len(self._single_ok):
            size = 2 * len(self._single_ok)
            single = np.zeros(size, dtype=bool)
            single[: len(self._single_ok)] = self._single_ok
            pair = np.zeros((size, size), dtype=bool)
            pair[: len(self._pair_ok), : len(self._pair_ok)] = self._pair_ok
            self._single_ok, self._pair_ok = single, pair
        self._single_ok[cls] = -1 in members or bool(members & self._singles)
        for other, other_members in enumerate(self._sets):
            self._pair_ok[cls, other] = any((a, b) in self._pairs for a in members for b in other_members)
            self._pair_ok[other, cls] = any((a, b) in self._pairs for a in other_members for b in members)
        return cls

    def classes(self, norms: Sequence[str]) -> np.ndarray:
        return np.fromiter(map(self.word_class, norms), dtype=np.int32, count=len(norms))

    def candidates(self, norms: Sequence[str], classes: np.ndarray | None = None) -> list[int]:
        """Indices where a match may start (heads, one-word phrases, first words of phrases)."""
        cls = self.classes(norms) if classes is None else classes
        if not len(cls):
            return []
        hits = self._single_ok[cls]
        hits[:-1] |= self._pair_ok[cls[:-1], cls[1:]]
        return np.flatnonzero(hits).tolist()


def _split_hyphens(norm: str) -> list[str]:
    for hyphen in _HYPHENS[1:]:
        norm = norm.replace(hyphen, _HYPHENS[0])
    return [part for part in norm.split(_HYPHENS[0]) if part]


def _pattern(text: str, concept: str) -> _Pattern:
    words = tuple(word_keys(norm_of(word)) for word in text.split())
    return _Pattern(words, concept)


def _drop_overlaps(matches: list[Match]) -> list[Match]:
    """Keep the longest of overlapping phrase matches (then the earliest)."""
    kept: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        kept.append(m)
        taken |= span
    return kept
