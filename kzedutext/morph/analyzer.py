"""The analyser: every way a Kazakh word can be cut into stem + suffixes, ranked.

Suffixes are cut from the right by the grammar (:mod:`.grammar`); each candidate
stem is looked up in the lexicon (:mod:`.lexicon`) after undoing stem alternations
(:func:`.phonology.stem_alternants`). Analyses with a known stem win; among them the
cheapest suffix chain on the most frequent stem. Forms that annotators analysed in
the lexicon's sources, and irregular forms (pronouns, the copula), are looked up
first. What cannot be analysed comes back as its own lemma.

>>> a = Analyzer.default()
>>> a.lemmatize("құзыреттілігін"), a.lemmatize("мектептеріміздегі"), a.lemmatize("халқының")
('құзыреттілік', 'мектеп', 'халық')
>>> best = a.analyze("оқушыларымыздың")[0]
>>> best.lemma, best.upos, best.feats
('оқушы', 'NOUN', ('Case=Gen', 'Number=Plur', 'Number[psor]=Plur', 'Person[psor]=1'))
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..text.normalize import normalize_word
from .grammar import Grammar
from .lexicon import NOMINAL_POS, UPOS, VERBAL_POS, Lexicon
from .phonology import close_vowel, harmony, sound_class, stem_alternants

_VOWEL_START = frozenset("аәеиоөұүыіэюяу")


@dataclass(frozen=True)
class Analysis:
    """One reading of a word: lemma, part of speech, UD features and how it was found.

    ``suffixes`` are the cut surface suffixes from the stem outwards; ``known`` says
    whether the lemma is in the lexicon; lower ``score`` is better.
    """

    lemma: str
    upos: str
    feats: tuple[str, ...]
    suffixes: tuple[str, ...]
    known: bool
    score: float

    @property
    def feats_str(self) -> str:
        """Features in CoNLL-U form (``Case=Gen|Number=Plur``) or ``_``."""
        return "|".join(self.feats) or "_"


class Analyzer:
    """Kazakh morphological analyser with a cache of analysed forms.

    Options are keyword-only; the defaults were tuned on development data
    (the annotated apertium texts and the UD KTB *train* sample).
    """

    #: Cost of a stem the lexicon does not know.
    unknown_cost = 6.0
    #: Reward per character cut from an unknown stem (prefers stripping clear endings).
    unknown_cut_reward = 0.35
    #: Weight of the lexicon's log frequency against suffix costs.
    frequency_weight = 0.5
    #: Cost of undoing a stem alternation (voicing, dropped vowel).
    alternation_cost = 0.4
    #: Cost of a suffix that breaks vowel harmony (loanwords: педагогтер, студенттар).
    disharmony_cost = 1.5

    def __init__(self, *, grammar: Grammar | None = None, lexicon: Lexicon | None = None,
                 cache_size: int = 200_000) -> None:
        self.grammar = grammar or Grammar.default()
        self.lexicon = lexicon or Lexicon.default()
        self.cache_size = cache_size
        self._cache: dict[str, tuple[Analysis, ...]] = {}

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Analyzer:
        return cls()

    # ---- public API -------------------------------------------------------------------
    def analyze(self, word: str) -> list[Analysis]:
        """All analyses of ``word``, best first (at least one: the word itself)."""
        try:
            cached = self._cache.get(word)
        except TypeError:  # unhashable: a list of words, say
            cached = None
        if cached is None:
            cached = tuple(self._analyze(word))
            if len(self._cache) >= self.cache_size:
                self._cache.clear()
            self._cache[word] = cached
        return list(cached)

    def lemmatize(self, word: str) -> str:
        """The best lemma of ``word`` (the word itself when nothing fits)."""
        try:
            cached = self._cache.get(word)
        except TypeError:  # unhashable: _analyze says what to pass
            cached = None
        if cached is None:
            return self.analyze(word)[0].lemma
        return cached[0].lemma

    # ---- analysis -------------------------------------------------------------------
    def _analyze(self, word: str) -> list[Analysis]:
        if not isinstance(word, str):  # checked on a cache miss only: the hot path stays a look-up
            raise TypeError(f"expected one word as a str, got {type(word).__name__}; "
                            "for a text use kz.load() (or lemmatize its words one by one)")
        if not word:
            return [Analysis(word, "X", (), (), False, 0.0)]
        if "-" in word.strip("-"):
            return self._analyze_hyphenated(word)
        lower = normalize_word(word).lower()
        found: list[Analysis] = []
        seen = self.lexicon.forms.get(lower)
        if seen is not None:
            found.append(Analysis(seen.lemma.lower(), seen.upos, seen.feats, (), True, -100.0))
        if any(ch.isalpha() for ch in lower):
            self._walk(lower, "W", (), 0.0, (), "", found)
        if not found:
            found.append(Analysis(lower, "X", (), (), False, self.unknown_cost))
        found.sort(key=lambda a: a.score)
        unique: list[Analysis] = []
        keys = set()
        for a in found:
            key = (a.lemma, a.upos, a.feats)
            if key not in keys:
                keys.add(key)
                unique.append(_restore_case(a, word))
        return unique

    def _analyze_hyphenated(self, word: str) -> list[Analysis]:
        """``оқу-тәрбиесінің`` → ``оқу-тәрбие``; ``АКТ-ны`` → ``АКТ``; ``5-сыныптан`` → ``5-сынып``."""
        head, _, tail = word.rpartition("-")
        if not tail:
            return [Analysis(word, "X", (), (), False, 0.0)]
        if head.isupper() or head.isdigit():
            # an acronym or a number with a case ending: the ending alone is all suffix
            suffix_only = self._analyze_suffix_only(tail)
            if suffix_only:
                return [Analysis(head, "PROPN" if head.isupper() else "NUM", a.feats, a.suffixes, True, a.score)
                        for a in suffix_only]
        keep_case = head[:1].isupper()
        return [
            Analysis(f"{head}-{a.lemma}" if keep_case else f"{head}-{a.lemma}".lower(),
                     a.upos, a.feats, a.suffixes, a.known, a.score)
            for a in self.analyze(tail)
        ]

    def _analyze_suffix_only(self, tail: str) -> list[Analysis]:
        found: list[Analysis] = []
        lower = tail.lower()
        self._walk(lower, "W", (), 0.0, (), "", found, bare_ok=True)
        return sorted((a for a in found if a.lemma == ""), key=lambda a: a.score)

    def _walk(self, rest: str, state: str, feats: tuple[str, ...], cost: float,
              cuts: tuple[str, ...], adjacent: str, found: list[Analysis], *, bare_ok: bool = False) -> None:
        if state in self.grammar.stem_states:
            self._try_stem(rest, state, feats, cost, cuts, adjacent, found, bare_ok=bare_ok)
        for suffix in self.grammar.suffixes.get(state, ()):
            surface = suffix.surface
            if surface:
                if not rest.endswith(surface):
                    continue
                stem = rest[: -len(surface)]
                if not stem and not bare_ok:
                    continue
            else:
                stem = rest
            if suffix.restore:
                stem = stem + ("і" if "і" in suffix.restore and close_vowel(stem) == "і" else suffix.restore[0])
            extra = 0.0
            if stem:
                if sound_class(stem) not in suffix.after:
                    continue
                if suffix.harmony is not None:
                    h = harmony(stem)
                    if h is not None and h != suffix.harmony:
                        extra = self.disharmony_cost
            self._walk(stem, suffix.next, suffix.feats + feats, cost + suffix.cost + extra,
                       ((surface,) + cuts) if surface else cuts, surface or adjacent, found, bare_ok=bare_ok)

    def _try_stem(self, stem: str, state: str, feats: tuple[str, ...], cost: float,
                  cuts: tuple[str, ...], adjacent: str, found: list[Analysis], *, bare_ok: bool) -> None:
        if not stem:
            if bare_ok:
                found.append(Analysis("", "X", tuple(sorted(feats)), cuts, True, cost))
            return
        if state != "N":
            pos_set = VERBAL_POS
        else:
            pos_set = NOMINAL_POS if cuts else UPOS
        candidates = [(stem, 0.0)]
        if adjacent[:1] in _VOWEL_START:
            candidates += [(alt, self.alternation_cost) for alt in stem_alternants(stem)]
        sorted_feats = tuple(sorted(set(feats)))
        for cand, alt_cost in candidates:
            hit = self.lexicon.score(cand, pos_set)
            if hit is not None:
                logw, upos = hit
                found.append(Analysis(cand, upos, sorted_feats, cuts, True,
                                      cost + alt_cost - self.frequency_weight * logw))
        if len(stem) >= 2 and harmony(stem) is not None:
            cut_len = sum(len(c) for c in cuts)
            upos = "NOUN" if state == "N" else "VERB"
            found.append(Analysis(stem, upos, sorted_feats, cuts, False,
                                  self.unknown_cost + cost - self.unknown_cut_reward * cut_len))


def _restore_case(a: Analysis, word: str) -> Analysis:
    """Proper nouns and unknown capitalised words keep their capital (Сәрсенбайға → Сәрсенбай)."""
    if not word[:1].isupper() or not a.lemma:
        return a
    if a.upos in ("PROPN", "X") or not a.known:
        if word.isupper() and len(word) > 1:
            lemma = a.lemma.upper()
        else:
            lemma = a.lemma[:1].upper() + a.lemma[1:]
        return Analysis(lemma, a.upos, a.feats, a.suffixes, a.known, a.score)
    return a
