"""The zero-training theme scorer: weighted indicator terms matched on lemmas, turned
into a calibrated score in [0, 1] per theme (0.5 is the decision threshold).

How a score is made, for one theme and one stretch of text (document, section or
paragraph):

1. every indicator term of the taxonomy is matched on the token lemmas; where matches
   overlap only the longest counts (so "кәсіби құзыреттілік" is evidence of
   professional development, not of the competency approach, and "12 жылдық мектеп"
   is one piece of evidence, not two); equal spans count for each of their themes;
2. evidence ``E`` = sum over the theme's terms of ``weight * (1 + ln(count))``;
3. ``x = ln(1 + E) - gamma * ln(max(n_words, 20) / 50)``: evidence relative to length;
4. ``score = 1 / (1 + exp(-(a * x + b)))``.

``a``, ``b`` and ``gamma`` live in ``data/calibration.json``; they were fitted by
``scripts/fit_theme_calibration.py`` on the sample corpus documents and the *dev*
half of the gold paragraphs (the held-out half was not used).

>>> scorer = ThemeScorer.default()
>>> result = scorer.score_text("Мұғалімдердің біліктілігін арттыру курстары кәсіби дамудың бір жолы.")
>>> [theme for theme, _ in result.top(1)], result.cats["professional_development"] > 0.5
(['professional_development'], True)
>>> [(e.term, e.count, e.spans[0][2]) for e in result.explanations["professional_development"].terms]
[('біліктілік арттыр курс', 1, 'біліктілігін арттыру курстары'), ('кәсіби даму', 1, 'кәсіби дамудың')]
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, LOWER
from spacy.tokens import Doc, Span

from .._data import read_text
from ..morph import lemmatize
from .taxonomy import Taxonomy, Term, load_taxonomy


@dataclass(frozen=True)
class Calibration:
    """Parameters of the logistic squash from evidence to score."""

    a: float
    b: float
    gamma: float
    ref_words: float = 50.0
    min_words: float = 20.0

    def squash(self, evidence: float, n_words: int) -> float:
        """The score of ``evidence`` in a text of ``n_words`` words. ``x`` is kept at 0 or
        above, so evidence never scores below no evidence (``x = 0``), however long the text.

        >>> cal = Calibration(a=4.8, b=-6.6, gamma=0.25)
        >>> cal.squash(3.0, 24_000) == cal.squash(0.0, 24_000) < cal.squash(3.0, 200)
        True
        """
        if evidence <= 0.0:
            x = 0.0
        else:
            x = max(0.0, math.log1p(evidence) - self.gamma * math.log(max(n_words, self.min_words) / self.ref_words))
        return 1.0 / (1.0 + math.exp(-(self.a * x + self.b)))


@lru_cache(maxsize=1)
def default_calibration() -> Calibration:
    data = json.loads(read_text("kzedutext.themes", "calibration.json"))
    return Calibration(a=data["a"], b=data["b"], gamma=data["gamma"], ref_words=data.get("ref_words", 50.0),
                       min_words=data.get("min_words", 20.0))


@dataclass(frozen=True)
class TermEvidence:
    """One indicator term found in the text: how often, where, and what it added."""

    term: str
    weight: float
    count: int
    contribution: float  # weight * (1 + ln(count))
    spans: tuple[tuple[int, int, str], ...]  # (start_char, end_char, text) of each occurrence


@dataclass(frozen=True)
class ThemeExplanation:
    """Why a theme got its score."""

    theme: str
    score: float
    evidence: float
    terms: tuple[TermEvidence, ...]


@dataclass(frozen=True)
class ThemeResult:
    """Scores of every theme for one stretch of text, with their explanations."""

    cats: dict[str, float]
    explanations: dict[str, ThemeExplanation]
    n_words: int
    start_char: int = 0
    end_char: int = 0
    heading: str = ""

    def top(self, n: int = 3) -> list[tuple[str, float]]:
        """The ``n`` best themes with their scores; equal scores are ranked by evidence
        (in a very long text, a theme with a few terms scores no higher than one with none,
        but comes first), then by id."""
        ex = self.explanations
        def key(kv):
            return -kv[1], -(ex[kv[0]].evidence if kv[0] in ex else 0.0), kv[0]
        return sorted(self.cats.items(), key=key)[:n]

    def labels(self, *, threshold: float = 0.5) -> tuple[str, ...]:
        """Themes scoring at least ``threshold``, best first."""
        return tuple(t for t, s in self.top(len(self.cats)) if s >= threshold)

    @property
    def primary(self) -> str:
        """The best theme, or ``""`` when no term of any theme was found."""
        best = self.top(1)
        return best[0][0] if best and self.explanations[best[0][0]].evidence > 0 else ""

    @property
    def primary_score(self) -> float:
        """The score of :attr:`primary`, or 0.0 when there is none (so no ``cats[""]`` look-up)."""
        return self.cats[self.primary] if self.primary else 0.0


def _contribution(weight: float, count: int) -> float:
    """What a term found ``count`` times adds to its theme's evidence."""
    return round(weight * (1.0 + math.log(count)), 4)


class _Word(NamedTuple):
    """What the matcher knows of one distinct (form, lemma): shared by all its tokens."""

    lemma: str  # "" for punctuation and spaces, which break a phrase
    lower: str
    counts: bool  # has a letter: counts towards the text's length
    starts: tuple  # (theme index, term) whose first word this word matches


_BREAK = _Word("", "", False, ())
_COUNTS, _STARTS = itemgetter(2), itemgetter(3)


class _Words(NamedTuple):
    """A stretch of tokens: one shared :class:`_Word` per token, and its offsets."""

    words: list[_Word]
    starts: list[int]
    ends: list[int]


class _Start(NamedTuple):
    """A term a word can begin: ``tid`` numbers the (theme, term) pair, equal pairs share it."""

    tid: int
    first: tuple[str, bool]
    tail: tuple[tuple[str, bool], ...]  # the pattern of the words after the first


@dataclass
class _Index:
    exact: dict[str, list[_Start]] = field(default_factory=lambda: defaultdict(list))
    prefix: list[_Start] = field(default_factory=list)


@lru_cache(maxsize=200_000)
def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def _word_matches(word: _Word, pattern: tuple[str, bool]) -> bool:
    text, is_prefix = pattern
    if is_prefix:
        return word.lemma.startswith(text) or word.lower.startswith(text)
    return word.lemma == text or word.lower == text


class ThemeScorer:
    """Scores texts, spaCy docs and spans against a :class:`Taxonomy`.

    Args:
        taxonomy: the themes (``load_taxonomy()`` by default).
        calibration: the squash parameters (``data/calibration.json`` by default).
    """

    def __init__(self, taxonomy: Taxonomy | None = None, *, calibration: Calibration | None = None) -> None:
        self.taxonomy = taxonomy or load_taxonomy()
        self.calibration = calibration or default_calibration()
        self.ids = self.taxonomy.ids
        self._known: dict[tuple, _Word] = {}  # (lower, lemma, is_space, is_punct) hashes -> shared word
        self._index = _Index()
        self._pairs: list[tuple[int, Term]] = []  # tid -> (theme index, term)
        tids: dict[tuple[int, Term], int] = {}
        for k, theme in enumerate(self.taxonomy.themes):
            for term in theme.terms:
                if (k, term) in tids:
                    continue
                tids[(k, term)] = len(self._pairs)
                self._pairs.append((k, term))
                start = _Start(tids[(k, term)], term.pattern[0], term.pattern[1:])
                if term.pattern[0][1]:
                    self._index.prefix.append(start)
                else:
                    self._index.exact[term.pattern[0][0]].append(start)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> ThemeScorer:
        """The scorer of the bundled taxonomy (shared, built once)."""
        return cls()

    # -- input ---------------------------------------------------------------------------------
    def _word(self, lower: str, lemma: str) -> _Word:
        """The shared word of a (form, lemma) pair, with the terms it can begin."""
        lemma = lemma.lower() or lemmatize(lower).lower()
        starts = self._index.exact.get(lemma, [])
        if lower != lemma:
            starts = starts + self._index.exact.get(lower, [])
        probe = _Word(lemma, lower, True, ())
        starts = starts + [c for c in self._index.prefix if _word_matches(probe, c.first)]
        return _Word(lemma, lower, _has_letter(lower), tuple(starts))

    def _words_of_tokens(self, tokens) -> _Words:
        """One shared word per token, read in bulk from the Doc's arrays."""
        doc = tokens.doc if hasattr(tokens, "doc") else tokens
        if not hasattr(doc, "to_array"):
            return self._words_of_token_objects(tokens)
        start = tokens.start if tokens is not doc else 0
        end = tokens.end if tokens is not doc else len(doc)
        if end <= start:
            return _Words([], [], [])
        arr = doc.to_array([LOWER, LEMMA, IS_SPACE, IS_PUNCT, IDX, LENGTH])[start:end]
        strings, cache = doc.vocab.strings, self._known
        if len(cache) > 500_000:
            cache.clear()
        def known(key) -> _Word:
            lower_h, lemma_h, is_space, is_punct = key
            if is_space or is_punct:
                word = _BREAK
            else:
                word = self._word(strings[lower_h] if lower_h else "", strings[lemma_h] if lemma_h else "")
            cache[key] = word
            return word

        # one look-up per token (papers repeat their words, so most pairs are known); a
        # _Word is a non-empty tuple, so ``or`` only calls known() for a new pair
        get = cache.get
        words = [get(key) or known(key) for key in zip(*(arr[:, c].tolist() for c in range(4)), strict=True)]
        idx = arr[:, 4]
        return _Words(words, idx.tolist(), (idx + arr[:, 5]).tolist())

    def _words_of_token_objects(self, tokens: Iterable) -> _Words:
        words, starts, ends = [], [], []
        for t in tokens:
            words.append(_BREAK if t.is_space or t.is_punct else self._word(t.lower_, t.lemma_ or ""))
            starts.append(t.idx)
            ends.append(t.idx + len(t))
        return _Words(words, starts, ends)

    # -- matching ------------------------------------------------------------------------------
    def _matches(self, words: Sequence[_Word]) -> list[tuple[int, Term, int, int]]:
        """All (theme index, term, first word, end word) matches, longest where they overlap."""
        found = []
        n = len(words)
        # positions whose word can begin a term, picked out in C (about a quarter of them)
        for i in compress(range(n), map(_STARTS, words)):
            for tid, _, tail in words[i].starts:
                if not tail:
                    found.append((tid, i, i + 1))
                elif len(tail) == 1:  # most phrases have two words: no generator for them
                    if i + 1 < n and _word_matches(words[i + 1], tail[0]):
                        found.append((tid, i, i + 2))
                elif i + len(tail) < n and all(_word_matches(words[i + j], p) for j, p in enumerate(tail, 1)):
                    found.append((tid, i, i + 1 + len(tail)))
        if not found:
            return []
        # a match is dropped when a longer match covers it: one that starts earlier and ends
        # no sooner, or starts at the same word and ends later
        furthest: dict[int, int] = {}  # start word -> furthest end of a match starting there
        for _, s, e in found:
            furthest[s] = max(e, furthest.get(s, 0))
        reach_before: dict[int, int] = {}  # start word -> furthest end of a match starting before it
        best = 0
        for s in sorted(furthest):
            reach_before[s] = best
            best = max(best, furthest[s])
        pairs = self._pairs
        return [(*pairs[tid], s, e) for tid, s, e in found if reach_before[s] < e and furthest[s] <= e]

    def _cats(self, stretch: _Words) -> tuple[dict[str, float], list, int]:
        """Scores of every theme, the matches behind them, and the number of words."""
        words = stretch.words
        n_words = sum(map(_COUNTS, words))
        matches = self._matches(words)
        counts: dict[int, dict[Term, int]] = defaultdict(lambda: defaultdict(int))
        for k, term, _, _ in matches:
            counts[k][term] += 1
        cats = {}
        for k, theme_id in enumerate(self.ids):
            # summed as the explanations sum it: rounded contributions, in order of first match
            evidence = sum(_contribution(term.weight, c) for term, c in counts[k].items()) if k in counts else 0.0
            cats[theme_id] = round(self.calibration.squash(evidence, n_words), 4)
        return cats, matches, n_words

    def _result(self, stretch: _Words, text, *, offset: int = 0, heading: str = "") -> ThemeResult:
        """Scores and explanations; ``text`` is the string the offsets point into, or the Doc."""
        cats, matches, n_words = self._cats(stretch)
        hits: dict[int, dict[Term, list[tuple[int, int, str]]]] = defaultdict(lambda: defaultdict(list))
        for k, term, s, e in matches:
            start, end = stretch.starts[s], stretch.ends[e - 1]
            if isinstance(text, str):
                snippet = text[start - offset:end - offset]
            else:  # a Doc: cut the span out instead of joining the whole text
                snippet = text.char_span(start, end, alignment_mode="expand").text
            hits[k][term].append((start, end, snippet))
        explanations = {}
        for k, theme_id in enumerate(self.ids):
            terms = [TermEvidence(" ".join(p + ("*" if pre else "") for p, pre in term.pattern), term.weight,
                                  len(spans), _contribution(term.weight, len(spans)), tuple(spans))
                     for term, spans in hits.get(k, {}).items()]
            terms.sort(key=lambda t: t.spans[0][0])
            explanations[theme_id] = ThemeExplanation(theme_id, cats[theme_id],
                                                      round(sum(t.contribution for t in terms), 4), tuple(terms))
        start = stretch.starts[0] if stretch.words else offset
        end = stretch.ends[-1] if stretch.words else offset
        return ThemeResult(cats, explanations, n_words, start, end, heading)

    # -- public --------------------------------------------------------------------------------
    def score_tokens(self, tokens, *, heading: str = "", text: str | None = None) -> ThemeResult:
        """Score a spaCy ``Doc`` or ``Span`` (token lemmas are used when the lemmatiser ran).

        ``text``: the Doc's text, when the caller has it (explanations then slice it
        instead of building a span per match). A ``str`` is refused (use :meth:`score_text`).
        """
        _check_tokens(tokens, "score_tokens", "score_text(text)")
        stretch = self._words_of_tokens(tokens)
        doc = tokens.doc if hasattr(tokens, "doc") else tokens
        if text is None:
            text = doc if hasattr(doc, "char_span") else doc.text
        return self._result(stretch, text, heading=heading)

    def score_cats(self, tokens) -> dict[str, float]:
        """Only the scores of a ``Doc`` or ``Span`` (``score_tokens(...).cats`` without the
        explanations; what the ``kk_themes`` component writes to ``doc.cats``)."""
        return self._cats(self._words_of_tokens(tokens))[0]

    def score_text(self, text: str, *, nlp=None) -> ThemeResult:
        """Score a raw string (tokenised with ``nlp`` or a bare Kazakh tokenizer)."""
        if not isinstance(text, str):
            raise ValueError(f"text must be a str, got {type(text).__name__}")
        return self.score_tokens(_tokenizer(nlp)(text))

    def score_levels(self, doc, *, level: str = "paragraph", nlp=None) -> list[ThemeResult]:
        """Scores of each paragraph or section of ``doc`` (or of the whole document).

        ``doc`` is a spaCy ``Doc`` or ``Span`` (``kz.load()(text)``), or a ``str``, which
        is then tokenised as :meth:`score_text` does (with ``nlp``, or a bare Kazakh
        tokenizer). Paragraphs are blocks separated by line breaks. A section starts at
        a heading (a short line without a final full stop, not a list item such as
        «• ...» or «1) ...») and runs to the next heading; each result carries its
        ``heading`` and character offsets into the Doc's text (for a Span too).

        >>> text = "Бағалау\\nКритериалды бағалау оқушыға нені меңгергенін көрсетеді."
        >>> [(r.heading, r.primary) for r in ThemeScorer.default().score_levels(text, level="section")]
        [('Бағалау', 'assessment')]
        """
        if level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
        if isinstance(doc, str):
            doc = _tokenizer(nlp)(doc)
        _check_tokens(doc, "score_levels", "a str, or kz.load()(text)")
        if level == "document":
            return [self.score_tokens(doc)]
        full = doc.doc if isinstance(doc, Span) else doc
        text = full.text  # offsets, snippets and char spans all refer to the Doc's text
        base = doc.start_char if isinstance(doc, Span) else 0
        blocks = [(s + base, e + base, h) for s, e, h in _blocks(text[base:base + len(doc.text)])]
        if level == "section":
            blocks = _sections(blocks, text)
        out = []
        for start, end, heading in blocks:
            span = full.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                out.append(self.score_tokens(span, heading=heading, text=text))
        return out


def _check_tokens(tokens, method: str, instead: str) -> None:
    """Refuse what is not a spaCy Doc or Span (a str, a kz.Document) with a TypeError saying what to pass."""
    if not isinstance(tokens, (Doc, Span)):
        raise TypeError(f"ThemeScorer.{method} takes a spaCy Doc or Span, got {type(tokens).__name__}; "
                        f"pass {instead} (for a kz.Document: its .text)")


LEVELS = ("document", "section", "paragraph")


def _blocks(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "") of every non-empty line."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), ""))
        pos += len(line)
    return out


# a list item: a bullet sign (Word's Wingdings bullets come out as «ü», «§», «Ø» or a
# private-use character) or a marker such as «-», «1)», «2.», «а)» followed by a space
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪▫●○◦■□►▸‣⁃\uf0a7\uf0b7\uf0d8\uf0fc]|(?:[üû§Ø*\-–—]|\d{1,3}[.)]|\w\))\s)")
#: a numbered heading («2. Зерттеу әдістері», «3.1 Нәтижелер»): a number with a dot, then a capital
_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[^\W\d_]", re.UNICODE)


def _is_heading(text: str) -> bool:
    """A short line without a closing full stop, mostly letters: «Кіріспе», «Зерттеу әдістері»;
    not a contact line such as «Тел.: +7 701 000 12 34» or «E-mail: a@b.kz», nor a list
    item such as «• пәндік білім» or «2) сабақ жоспары». A numbered line whose words start
    with a capital («2. Зерттеу әдістері») is a heading."""
    words = text.split()
    if not 0 < len(words) <= 8 or text.rstrip()[-1] in ".!?:;," or "@" in text or ": " in text:
        return False
    if _LIST_ITEM.match(text) and not (_NUMBERED_HEADING.match(text) and _capital_after_number(text)):
        return False
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalpha() for c in chars) >= 0.6 * len(chars)


def _capital_after_number(text: str) -> bool:
    """«2. Кіріспе» (a heading) rather than «2. сабақ жоспары» (a list item)."""
    rest = text.lstrip().lstrip("0123456789.").lstrip()
    return rest[:1].isupper()


def _sections(blocks: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """Blocks grouped from one heading to the next (text before the first heading: heading "")."""
    out: list[list] = []
    for start, end, _ in blocks:
        line = text[start:end]
        if _is_heading(line) or not out:
            out.append([start, end, line.strip() if _is_heading(line) else ""])
        else:
            out[-1][1] = end
    return [tuple(s) for s in out]


@lru_cache(maxsize=1)
def _lemmatizing_pipeline():
    from ..lang.kk import Kazakh
    from ..morph import component  # noqa: F401  (registers kk_lemmatizer)

    nlp = Kazakh()
    nlp.add_pipe("kk_lemmatizer")
    return nlp


def _tokenizer(nlp):
    """text -> Doc with lemmas: ``nlp`` with only its lemmatiser, or a bare one."""
    if nlp is None:
        return _lemmatizing_pipeline()
    if "kk_lemmatizer" not in nlp.pipe_names:
        return nlp.make_doc  # lemmas are then found word by word
    others = [p for p in nlp.pipe_names if p != "kk_lemmatizer"]
    return lambda text: nlp(text, disable=others)


def score_texts(texts: Sequence[str], *, nlp=None, scorer: ThemeScorer | None = None) -> list[dict[str, float]]:
    """``doc.cats``-style dicts for many texts at once."""
    scorer = scorer or ThemeScorer.default()
    return [scorer.score_text(t, nlp=nlp).cats for t in texts]
