"""The ontology data file: every concept is complete and consistent; user files extend it."""

from __future__ import annotations

import pytest

import kzedutext as kz
from kzedutext.terms import Ontology

REQUIRED_TYPES = [
    "кәсіби", "жеке", "арнайы", "әлеуметтік", "коммуникативтік", "ақпараттық", "цифрлық",
    "зерттеушілік", "әдіснамалық", "әдістемелік", "дидактикалық", "рефлексивтік", "танымдық",
    "шығармашылық", "пәндік", "психологиялық-педагогикалық", "басқарушылық", "тұлғалық",
    "кәсіби-тұлғалық", "мәдени", "азаматтық",
]  # fmt: skip


def test_every_required_competency_type_is_in_the_ontology():
    canonicals = {c.canonical for c in Ontology.default().competencies()}
    assert {f"{t} құзыреттілік" for t in REQUIRED_TYPES} <= canonicals


def test_every_concept_has_glosses_and_a_known_category():
    onto = Ontology.default()
    for concept in onto.concepts.values():
        assert concept.en and concept.ru, concept.id
        assert concept.category in onto.categories, concept.id


def test_competency_canonical_forms_end_in_the_canonical_head():
    for concept in Ontology.default().competencies():
        assert concept.canonical.endswith(" құзыреттілік"), concept.id


def test_ontology_is_versioned():
    assert Ontology.default().version.count(".") == 2


def test_tsv_extension(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "id\tgroup\tfamily\tcanonical\tcategory\tmodifiers\tphrases\ten\tru\n"
        "tutoring\t\tcompetence\t\tprofessional\tтьюторлық|тьюторлы\t\ttutoring competence\t\n"
        "portfolio\tterms\t\tпедагогтің портфолиосы\tteacher_development\t\tпедагогтің портфолиосы|портфолио\tportfolio\t\n",
        encoding="utf-8",
    )
    onto = Ontology.default().extend(path)
    assert onto.concept("tutoring").modifiers == ("тьюторлық", "тьюторлы")
    assert onto.concept("portfolio").phrases == ("педагогтің портфолиосы", "портфолио")
    assert str(path) in onto.sources


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"concepts": [{"id": "x", "family": "nope", "modifiers": ["а"], "category": "professional"}]}, "family 'nope'"),
        ({"concepts": [{"id": "x", "phrases": ["а"], "category": "nope"}]}, "category 'nope'"),
        ({"concepts": [{"id": "x", "category": "professional"}]}, "lacks 'phrases'"),
        ({"families": [{"id": "f", "group": "elsewhere", "head": "а", "stems": ["а"]}]}, "Group 'elsewhere'"),
    ],
)
def test_bad_user_entries_are_refused_with_a_message(data, message):
    with pytest.raises(ValueError, match=message):
        Ontology.default().extend(data)


def test_missing_and_wrongly_typed_files(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        Ontology.default().extend(tmp_path / "absent.json")
    odd = tmp_path / "terms.xml"
    odd.write_text("<x/>", encoding="utf-8")
    with pytest.raises(ValueError, match=".json"):
        Ontology.default().extend(odd)


def test_unknown_concept_id_lists_the_known_ones():
    with pytest.raises(KeyError, match="professional"):
        kz.Ontology.default().concept("no_such_thing")
