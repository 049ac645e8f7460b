"""Acceptance on the seed articles (read by path from ../shared/seeds; skipped when absent)."""

import pytest
from conftest import SEEDS

import kzedutext as kz


def seed_path(prefix: str):
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="module")
def doc004(seeds):
    return kz.read(seed_path("004"))


def test_seed_004_meta(doc004):
    meta = doc004.meta
    # the full title (the acceptance) is checked piecewise, without copying the seed's sentence
    assert meta.title.startswith("Мектепке дейінгі және бастауыш білім")
    assert meta.title.endswith("кәсіби дамуы: салты мен өзгерістері")
    assert len(meta.title.split()) == 12 and meta.title in seed_path("004").read_text(encoding="utf-8")
    assert meta.authors == ("Изетова Арай Мұратқызы",)
    assert "Әуезов орта мектебі" in meta.affiliation
    assert meta.section == "Бастауыш сынып" and meta.position == "Бастауыш сынып мұғалімі"
    assert meta.email == "izetovaa@mail.ru"  # repaired from the spaced form in the file
    assert meta.keywords and meta.keywords[0].startswith("Педагогтің кәсіби дамуы")


def test_seed_004_sections_in_order(doc004):
    kinds = [s.kind for s in doc004.sections]
    assert kinds[:5] == ["front", "annotation", "keywords", "introduction", "body"]
    assert kinds[-2:] == ["conclusion", "references"]
    body = [s.heading for s in doc004.sections if s.kind == "body"]
    assert body[0] == "Негізгі бөлім" and len(body) == 5
    assert [h[:2] for h in body[1:]] == ["1.", "2.", "3.", "4."]


def test_seed_004_references_are_separated(doc004):
    assert len(doc004.references) == 5
    assert doc004.references[0].startswith("[1]")
    assert "Әдебиеттер тізімі" not in doc004.text_in("kk")
    assert doc004.references[-1][:40] not in doc004.text_in("kk")


@pytest.mark.parametrize(
    "line",
    ["Портфолио воспитателя детского сада", "Главная", "Занятия с детьми", "Предпросмотр", "DOC"],
)
def test_seed_004_has_no_site_navigation(doc004, line):
    assert all(line not in p.text for p in doc004.paragraphs)
    assert any(line in r for r in doc004.removed)


def test_seed_004_is_kazakh_with_no_russian_paragraphs_left(doc004):
    assert doc004.language == "kk"
    assert [p.text for p in doc004.paragraphs if p.language == "ru"] == []


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_seeds_000_and_002_are_one_kazakh_document(seeds, prefix):
    doc = kz.read(seed_path(prefix))
    assert doc.language == "kk" and doc.languages == {"kk": 1.0}
    assert doc.removed == () and len(doc.text) > 2500
    assert doc.text == " ".join(seeds[prefix].split())


def test_a_stray_byte_in_seed_000_costs_one_character_not_the_whole_text(seeds):
    clean = kz.read(seed_path("000"))
    data = seed_path("000").read_bytes()
    doc = kz.read(data[:1000] + b"\x96" + data[1000:])
    assert doc.language == "kk" and doc.text.replace("\ufffd", "") == clean.text
    assert doc.warnings and clean.warnings == ()
