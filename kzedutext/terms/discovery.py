"""Discover candidate terms the ontology does not know yet: multi-word noun phrases ranked by C-value.

Candidates are runs of words inside one sentence whose last word is a noun or a verbal
noun and whose other words are uninflected attributes (adjectives, nouns, verbal nouns,
numbers) — or an accusative object right before a final verbal noun («біліктілікті
арттыру»). Every sub-run that ends in a noun is a candidate too, so nested terms are
counted as C-value needs (Frantzi, Ananiadou & Mima 2000). Candidates are written in
citation form: no case or plural endings, the possessive of a noun compound kept
(«оқу сауаттылығы», «білім беру мазмұны»), verbal nouns in -у. Two-word candidates also
get log-likelihood and PMI from nltk's collocation measures.

>>> texts = ["Мұғалімнің тәлімгерлік қолдауы маңызды. Тәлімгерлік қолдау жүйесі құрылды.",
...          "Тәлімгерлік қолдауды ұйымдастыру. Тәлімгерлік қолдау жүйесін дамыту."]
>>> [(c.term, c.frequency, round(c.c_value, 2)) for c in discover_terms(texts)][:2]
[('тәлімгерлік қолдау жүйесі', 2, 3.17), ('тәлімгерлік қолдау', 4, 2.0)]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .._data import read_lines
from ..errors import Errors
from ..ingest import Document
from ..morph import Analyzer
from ..morph.phonology import BACK_VOWELS, DEVOICED, FRONT_VOWELS, harmony, sound_class
from .extract import _docs
from .matcher import CompiledOntology, norm_of
from .ontology import Ontology

_NOMINAL = frozenset({"NOUN", "PROPN"})
_LOCATIVE_ADJECTIVE = ("дағы", "дегі", "тағы", "тегі")
_ATTRIBUTE = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


@dataclass(frozen=True)
class Candidate:
    """A candidate term with the evidence for it."""

    term: str
    words: tuple[str, ...]
    frequency: int
    document_frequency: int
    c_value: float
    #: id of the ontology concept the candidate already is, if any
    known: str | None
    #: the first sentence it was seen in
    example: str
    #: nltk log-likelihood ratio and PMI of the pair (two-word candidates only)
    log_likelihood: float | None = None
    pmi: float | None = None
    #: id of the known concept whose mentions hold most of its occurrences (at least
    #: ``PART_OF_SHARE``): «формациядағы мұғалім» is part of «жаңа формациядағы мұғалім»
    part_of: str | None = None


#: share of a candidate's occurrences inside one known term that makes it a fragment of it
PART_OF_SHARE = 0.8


def discover_terms(
    docs: Iterable[str | Path | Document | Doc],
    *,
    nlp: Language | None = None,
    min_count: int = 2,
    max_words: int = 4,
    top: int | None = None,
    ontology: Ontology | None = None,
    include_known: bool = True,
) -> list[Candidate]:
    """Rank multi-word term candidates of a corpus by C-value (best first).

    Args:
        docs: texts, processed Docs (lemmas and parts of speech are needed), ``kz.Document`` s
            or paths of files (only their Kazakh paragraphs). A str naming an existing file
            is read as that file.
        nlp: the pipeline for texts (default: ``kz.load()``).
        min_count: drop candidates seen fewer times.
        max_words: longest candidate, in words (at least 2).
        top: keep only the best ``top`` candidates.
        ontology: marks candidates the ontology knows (``Candidate.known``).
        include_known: False keeps only candidates the ontology does not know, and drops
            fragments of known terms (``Candidate.part_of``).
    """
    if max_words < 2:
        raise ValueError(Errors.E209.format(name="max_words", expected="at least 2", value=max_words))
    if min_count < 1:
        raise ValueError(Errors.E209.format(name="min_count", expected="at least 1", value=min_count))
    frequency: Counter = Counter()
    documents: defaultdict[tuple[str, ...], set[int]] = defaultdict(set)
    examples: dict[tuple[str, ...], str] = {}
    pairs: list[list[str]] = []
    for n, (_, doc) in enumerate(_docs(docs, nlp=nlp, batch_size=32)):
        for sentence in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
            words = [_word(token) for token in sentence]
            pairs.append([w.citation for w in words if w.kind != "stop"])
            for candidate in _candidates(words, max_words=max_words):
                frequency[candidate] += 1
                documents[candidate].add(n)
                examples.setdefault(candidate, sentence.text.strip())
    if not frequency:
        return []
    c_values = _c_values(frequency, min_count=min_count)
    association = _pair_association(pairs, {c for c in c_values if len(c) == 2})
    compiled = _compiled(ontology or Ontology.default())
    known_of = {words: _known_concept(compiled, words) for words in c_values}
    containers = _known_containers(known_of, frequency)
    ranked = []
    for words, c_value in c_values.items():
        known = known_of[words]
        part_of = None
        if known is None and words in containers:
            concept, count = containers[words]
            part_of = concept if count >= PART_OF_SHARE * frequency[words] else None
        if (known is not None or part_of is not None) and not include_known:
            continue
        llr, pmi = association.get(words, (None, None))
        ranked.append(
            Candidate(
                term=" ".join(words),
                words=words,
                frequency=frequency[words],
                document_frequency=len(documents[words]),
                c_value=round(c_value, 4),
                known=known,
                example=examples[words],
                log_likelihood=llr,
                pmi=pmi,
                part_of=part_of,
            )
        )
    ranked.sort(key=lambda c: (-c.c_value, -c.frequency, c.term))
    return ranked[:top] if top is not None else ranked


@dataclass(frozen=True)
class _Word:
    citation: str
    kind: str  # "attribute", "head", "head_poss", "adverbial", "verbal_noun", "stop", "break"
    inflected: bool
    #: the surface form when the word is in the accusative or dative (a possible object)
    object_form: str | None = None


def _word(token) -> _Word:
    text = token.text
    norm = norm_of(text)
    if not norm or not any(ch.isalnum() for ch in norm):
        return _Word(norm, "break", False)
    if norm in _stop_words():
        return _Word(norm, "stop", False)
    if token.pos_ == "NUM" or norm.isdigit():
        return _Word(norm, "attribute", False)
    analysis = _analysis(norm)
    if analysis is None:
        return _Word(norm, "break", False)
    feats = dict(f.split("=", 1) for f in analysis.feats)
    case = feats.get("Case", "Nom")
    possessive = "Person[psor]" in feats
    plural = feats.get("Number") == "Plur"
    if analysis.upos == "VERB" and feats.get("VerbForm") in ("Ger", "Vnoun"):
        return _Word(_verbal_noun(analysis.lemma), "verbal_noun", case != "Nom" or possessive)
    if analysis.upos in _ATTRIBUTE:
        inflected = case != "Nom" or possessive or plural or norm != analysis.lemma
        if case == "Loc" and norm.endswith(_LOCATIVE_ADJECTIVE):  # «жаңа формациядағы мұғалім»
            return _Word(norm, "attribute", False)
        obj = _accusative(analysis.lemma) if case == "Acc" else None  # «біліктілігін арттыру»
        if case == "Abl" and not possessive:  # «сыни тұрғыдан ойлау»
            return _Word(norm, "adverbial", False)
        if possessive and analysis.upos in _NOMINAL:  # a compound's head: «білім беру мазмұны»
            return _Word(_possessive(analysis.lemma), "head_poss", True, obj)
        kind = "head" if analysis.upos in _NOMINAL else "attribute"
        return _Word(analysis.lemma, kind, inflected, obj)
    return _Word(norm, "break", False)


def _candidates(words: list[_Word], *, max_words: int) -> Iterable[tuple[str, ...]]:
    """Noun-phrase candidates, and object + verbal noun pairs («біліктілікті арттыру»)."""
    for run in _runs(words):
        yield from _subruns(run, max_words=max_words)
    for word, following in zip(words, words[1:], strict=False):
        if (
            word.object_form is not None
            and following.kind == "verbal_noun"
            and _lemma(following.citation) not in _light_verbs()
            and following.citation[:-1] not in _light_verbs()
        ):
            yield (word.object_form, following.citation)


def _runs(words: list[_Word]) -> Iterable[list[_Word]]:
    """Maximal runs that can hold a term: attributes, then one (possibly inflected) head."""
    run: list[_Word] = []
    for word in words:
        if word.kind in ("break", "stop"):
            if len(run) >= 2:
                yield run
            run = []
            continue
        run.append(word)
        if word.inflected:  # an inflected word ends a noun phrase
            if len(run) >= 2:
                yield run
            run = []
    if len(run) >= 2:
        yield run


def _subruns(run: list[_Word], *, max_words: int) -> Iterable[tuple[str, ...]]:
    """Every contiguous sub-run of 2..max_words words that makes a well-formed candidate."""
    for end in range(2, len(run) + 1):
        last = run[end - 1]
        if last.kind not in ("head", "head_poss", "verbal_noun") or _lemma(last.citation) in _bad_heads():
            continue
        for start in range(max(0, end - max_words), end - 1):
            words = run[start:end]
            first = words[0]
            if first.citation in _generic_starts() or first.kind == "verbal_noun" and len(words) == 2 and last.kind != "head_poss":
                continue
            if last.kind == "head_poss" and words[-2].kind not in ("head", "verbal_noun", "attribute"):
                continue
            if any(w.kind == "adverbial" for w in words[:-2]) or (
                words[-2].kind == "adverbial" and last.kind != "verbal_noun"
            ):
                continue  # «сыни тұрғыдан ойлау»: an ablative only right before a verbal noun
            if last.kind == "head_poss" and _is_adjective(words[-2].citation):
                # «кәсіби құзыреттілігі»: an adjective does not take a compound's possessive
                words = [*words[:-1], _Word(_lemma(last.citation), "head", False)]
            yield tuple(w.citation for w in words)


def _c_values(frequency: Counter, *, min_count: int) -> dict[tuple[str, ...], float]:
    """C-value of every candidate seen at least ``min_count`` times."""
    nested_in: defaultdict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for longer in frequency:
        n = len(longer)
        for size in range(2, n):
            for start in range(0, n - size + 1):
                inner = longer[start : start + size]
                if inner in frequency:
                    nested_in[inner].append(longer)
    values = {}
    for words, f in frequency.items():
        if f < min_count:
            continue
        containers = set(nested_in.get(words, ()))
        weight = math.log2(len(words)) if len(words) > 1 else 0.0
        if containers:
            f = f - sum(frequency[b] for b in containers) / len(containers)
        values[words] = weight * f
    return values


def _pair_association(sentences: list[list[str]], wanted: set[tuple[str, ...]]) -> dict:
    """nltk log-likelihood and PMI for the two-word candidates."""
    if not wanted:
        return {}
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    finder = BigramCollocationFinder.from_documents(sentences)
    measures = BigramAssocMeasures()
    scores = {}
    for pair in wanted:
        n_ii = finder.ngram_fd[pair]
        if not n_ii:
            continue
        n_ix, n_xi, n_xx = finder.word_fd[pair[0]], finder.word_fd[pair[1]], finder.N
        scores[pair] = (
            round(measures.likelihood_ratio(n_ii, (n_ix, n_xi), n_xx), 3),
            round(measures.pmi(n_ii, (n_ix, n_xi), n_xx), 3),
        )
    return scores


def _known_containers(known_of: dict[tuple[str, ...], str | None],
                      frequency: Counter) -> dict[tuple[str, ...], tuple[str, int]]:
    """Each shorter word sequence inside a known candidate -> (its concept, the most frequent
    such candidate's count): how often the sequence was seen as part of a known term."""
    out: dict[tuple[str, ...], tuple[str, int]] = {}
    for words, concept in known_of.items():
        if concept is None:
            continue
        count = frequency[words]
        for size in range(2, len(words)):
            for start in range(len(words) - size + 1):
                part = words[start:start + size]
                if part not in out or out[part][1] < count:
                    out[part] = (concept, count)
    return out


def _known_concept(compiled: CompiledOntology, words: tuple[str, ...]) -> str | None:
    norms = [w for term in words for w in term.split()]
    for match in compiled.find(norms):
        if match.start == 0 and match.end == len(norms) and not match.elided:
            return match.concept
    return None


def _verbal_noun(stem: str) -> str:
    """Citation form of a verbal noun: оқы → оқу, арттыр → арттыру, бағала → бағалау."""
    if stem.endswith(("ы", "і")) and len(stem) > 2:
        return stem[:-1] + "у"
    return stem + "у"


_VOICED = {voiceless: voiced for voiced, voiceless in DEVOICED.items()}  # мектеп → мектебі


def _is_back(lemma: str) -> bool:
    """Back harmony, also for loanwords whose last vowel is у between consonants (ресурс)."""
    last_vowel = max((i for i, ch in enumerate(lemma) if ch in BACK_VOWELS or ch in FRONT_VOWELS), default=-1)
    if any(ch == "у" and i > last_vowel and _between_consonants(lemma, i) for i, ch in enumerate(lemma)):
        return True
    return harmony(lemma) != "front"


def _possessive(lemma: str) -> str:
    """The third-person possessive of a noun: мазмұн → мазмұны, мектеп → мектебі, жоба → жобасы."""
    back = _is_back(lemma)
    if sound_class(lemma) == "V":
        return lemma + ("сы" if back else "сі")
    return lemma[:-1] + _VOICED.get(lemma[-1], lemma[-1]) + ("ы" if back else "і")


def _accusative(lemma: str) -> str:
    """The accusative citation of an object: біліктілік → біліктілікті, жоба → жобаны."""
    back = _is_back(lemma)
    cls = sound_class(lemma)
    if cls == "V":
        return lemma + ("ны" if back else "ні")
    if cls == "K":
        return lemma + ("ты" if back else "ті")
    return lemma + ("ды" if back else "ді")


def _between_consonants(word: str, i: int) -> bool:
    """Whether у at ``i`` is a vowel (ресурс), not the glide of білу or тау."""

    def vowel(j: int) -> bool:
        return 0 <= j < len(word) and (word[j] in BACK_VOWELS or word[j] in FRONT_VOWELS)

    return 0 < i < len(word) - 1 and not vowel(i - 1) and not vowel(i + 1)


_ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі", "лы", "лі", "ды", "ді", "ты", "ті", "и")


def _is_adjective(word: str) -> bool:
    """An adjective, or a word with an adjective-making suffix (кәсіби, тәлімгерлік, жасыл)."""
    analysis = _analysis(word)
    return (analysis is not None and analysis.upos == "ADJ") or word.endswith(_ADJECTIVE_ENDINGS)


def _lemma(word: str) -> str:
    analysis = _analysis(word)
    return analysis.lemma if analysis is not None else word


@lru_cache(maxsize=100_000)
def _analysis(norm: str):
    analyses = Analyzer.default().analyze(norm)
    return analyses[0] if analyses else None


_COMPILED: dict[int, tuple[Ontology, CompiledOntology]] = {}


def _compiled(ontology: Ontology) -> CompiledOntology:
    """The compiled lookup tables of an ontology, built once per ontology object."""
    cached = _COMPILED.get(id(ontology))
    if cached is None or cached[0] is not ontology:
        cached = _COMPILED[id(ontology)] = (ontology, CompiledOntology.build(ontology))
    return cached[1]


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from ..lang.kk.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _light_verbs() -> frozenset[str]:
    return frozenset(read_lines("kzedutext.terms", "discovery_light_verbs.txt"))


@lru_cache(maxsize=1)
def _bad_heads() -> frozenset[str]:
    return frozenset(read_lines("kzedutext.terms", "discovery_bad_heads.txt"))


@lru_cache(maxsize=1)
def _generic_starts() -> frozenset[str]:
    return frozenset(read_lines("kzedutext.terms", "discovery_generic.txt"))
