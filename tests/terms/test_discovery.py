"""Term discovery: readable citation forms, C-value ranking, the ontology's terms found."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import CORPUS

import kzedutext as kz
from kzedutext.terms.discovery import _possessive


@pytest.fixture(scope="module")
def corpus_docs(nlp):
    texts = [path.read_text(encoding="utf-8") for path in sorted((CORPUS / "texts").glob("*.txt"))]
    return list(nlp.pipe(texts))


@pytest.fixture(scope="module")
def candidates(corpus_docs):
    return kz.discover_terms(corpus_docs)


def test_no_candidate_ends_in_a_case_suffix(candidates):
    for candidate in candidates:
        last = kz.analyze(candidate.words[-1])[0]
        assert "Case=Nom" in last.feats or not any(f.startswith("Case=") for f in last.feats), candidate.term


def test_no_candidate_starts_with_a_generic_or_function_word(candidates):
    from kzedutext.lang.kk.stop_words import STOP_WORDS

    for candidate in candidates:
        assert candidate.words[0] not in STOP_WORDS | {"басты", "негізгі", "әр", "түрлі"}, candidate.term


def test_ontology_terms_are_among_the_top_candidates(corpus_docs, candidates):
    seen = Counter(
        span.kb_id_
        for doc in corpus_docs
        for group in ("competencies", "terms")
        for span in doc.spans[group]
        if not span._.elided
    )
    onto = kz.Ontology.default()
    present = {c for c, n in seen.items() if n >= 2 and " " in onto.concept(c).canonical}
    top = {c.known for c in candidates[:50] if c.known}
    assert len(present & top) / len(present) >= 0.4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound keeps its possessive, case endings go
        ("Білім беру мазмұнын жаңарту. Білім беру мазмұны өзгерді.", "білім беру мазмұны"),
        # an adjective + noun loses the possessive
        ("Кәсіби құзыреттілігін арттыру. Кәсіби құзыреттілігі жоғары.", "кәсіби құзыреттілік"),
        # object + verbal noun
        ("Біліктілігін арттыру маңызды. Біліктілікті арттыру курсы.", "біліктілікті арттыру"),
    ],
)
def test_citation_forms(text, expected):
    assert expected in [c.term for c in kz.discover_terms([text])]


def test_light_verb_idioms_are_not_candidates():
    text = "Жобаны жүзеге асыру қиын. Жоспарды жүзеге асыру керек."
    assert "жүзеге асыру" not in [c.term for c in kz.discover_terms([text])]


def test_known_candidates_are_marked_and_can_be_left_out():
    texts = ["Кері байланыс берілді. Кері байланыс маңызды. Тәлімгерлік қолдау. Тәлімгерлік қолдау керек."]
    found = {c.term: c.known for c in kz.discover_terms(texts)}
    assert found["кері байланыс"] == "feedback"
    assert found["тәлімгерлік қолдау"] is None
    unknown_only = kz.discover_terms(texts, include_known=False)
    assert [c.term for c in unknown_only] == ["тәлімгерлік қолдау"]


def test_fragments_of_known_terms_are_marked_and_left_out_with_the_known():
    texts = ["Жаңа формациядағы мұғалім ізденеді. Жаңа формациядағы мұғалім зерттейді. "
             "Жаңа формациядағы мұғалім үйретеді. Тәлімгерлік қолдау. Тәлімгерлік қолдау керек."]
    found = {c.term: (c.known, c.part_of) for c in kz.discover_terms(texts)}
    assert found["жаңа формациядағы мұғалім"] == ("new_formation_teacher", None)
    assert found["формациядағы мұғалім"] == (None, "new_formation_teacher")
    assert found["тәлімгерлік қолдау"] == (None, None)
    assert [c.term for c in kz.discover_terms(texts, include_known=False)] == ["тәлімгерлік қолдау"]


def test_a_phrase_mostly_seen_on_its_own_is_not_a_fragment():
    texts = ["Формациядағы мұғалім туралы. Формациядағы мұғалім туралы. Формациядағы мұғалім туралы. "
             "Жаңа формациядағы мұғалім ізденеді."]
    (candidate,) = [c for c in kz.discover_terms(texts) if c.term == "формациядағы мұғалім"]
    assert candidate.part_of is None  # 1 of 4 occurrences inside the known term


def test_two_word_candidates_carry_collocation_scores():
    (candidate,) = kz.discover_terms(["Тәлімгерлік қолдау. Тәлімгерлік қолдау керек."])
    assert candidate.log_likelihood > 0 and candidate.pmi > 0


@pytest.mark.parametrize(("lemma", "expected"), [("мазмұн", "мазмұны"), ("мектеп", "мектебі"), ("жоба", "жобасы"),
                                                 ("сауаттылық", "сауаттылығы"), ("ресурс", "ресурсы"), ("оқу", "оқуы")])
def test_possessive_of_a_compound_head(lemma, expected):
    assert _possessive(lemma) == expected


def test_empty_input_and_bad_options():
    assert kz.discover_terms([]) == []
    with pytest.raises(ValueError, match="max_words"):
        kz.discover_terms(["мәтін"], max_words=1)
