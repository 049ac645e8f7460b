"""The kk_terms component: span groups, span attributes, serialisation, user ontologies."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import DocBin

import kzedutext as kz


def test_default_pipeline_writes_both_span_groups(nlp):
    doc = nlp("Функционалдық сауаттылық пен кәсіби құзыреттілік.")
    assert [s._.canonical for s in doc.spans["competencies"]] == ["кәсіби құзыреттілік"]
    assert [s._.canonical for s in doc.spans["terms"]] == ["функционалдық сауаттылық"]


def test_span_label_is_category_and_kb_id_is_concept(nlp):
    doc = nlp("Цифрлық құзыреттілігі.")
    (span,) = doc.spans["competencies"]
    assert (span.label_, span.kb_id_) == ("information_digital", "digital")
    assert span._.en == "digital competence"
    assert span._.ru == "цифровая компетентность"


def test_doc_without_mentions_has_empty_groups(nlp):
    doc = nlp("Күн жылы болды.")
    assert len(doc.spans["competencies"]) == 0 and len(doc.spans["terms"]) == 0


def test_spans_and_canonical_forms_survive_docbin(nlp):
    doc = nlp("Коммуникативтік және ақпараттық құзыреттілігі.")
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert [(s.text, s._.canonical, s._.elided) for s in back.spans["competencies"]] == [
        ("Коммуникативтік", "коммуникативтік құзыреттілік", True),
        ("ақпараттық құзыреттілігі", "ақпараттық құзыреттілік", False),
    ]


def test_component_is_found_by_name_in_a_blank_pipeline():
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_terms")
    doc = nlp("Кәсіби құзыреттілігін.")
    assert [s._.canonical for s in doc.spans["competencies"]] == ["кәсіби құзыреттілік"]


def test_user_ontology_file_adds_concepts(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(
        json.dumps(
            {
                "categories": {"mentoring": {"en": "mentoring"}},
                "concepts": [
                    {"id": "tutoring", "family": "competence", "modifiers": ["тьюторлық"], "category": "mentoring"},
                    {"id": "mentoring", "phrases": ["тәлімгерлік қолдау"], "category": "mentoring"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    nlp = kz.load(disable=("kk_terms",))
    nlp.add_pipe("kk_terms", config={"ontology_file": str(path)})
    doc = nlp("Тьюторлық құзыреттілігі мен тәлімгерлік қолдауы.")
    assert [s._.canonical for s in doc.spans["competencies"]] == ["тьюторлық құзыреттілік"]
    assert [s._.canonical for s in doc.spans["terms"]] == ["тәлімгерлік қолдау"]


def test_extract_on_a_doc_made_without_the_component():
    nlp = kz.load(disable=("kk_terms",))
    doc = nlp("Әлеуметтік құзыреттілігі.")
    assert [m.canonical for m in kz.extract_competencies(doc)] == ["әлеуметтік құзыреттілік"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Кәсіби құзыреттілік", ["кәсіби құзыреттілік"]),  # no final stop
        ("құзыреттілік", []),  # a bare head alone
        ("кәсіби", []),  # a modifier alone
        (",,, және құзыреттілік", []),
    ],
)
def test_edges_of_the_text(nlp, text, expected):
    doc = nlp(text)
    assert [s._.canonical for s in doc.spans["competencies"]] == expected


def test_cli_terms_writes_the_tables_and_counts_bad_files(tmp_path):
    import csv

    from typer.testing import CliRunner

    from kzedutext.cli import app

    (tmp_path / "a.txt").write_text("Кәсіби құзыреттілігі. Кәсіби және жеке құзыреттілік.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Функционалдық сауаттылық пен кәсіби құзыреттілік.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["terms", str(tmp_path), "--out", str(tmp_path / "out" / "t.csv"), "-c", "5"])
    assert result.exit_code == 0, result.output
    with (tmp_path / "out" / "t.csv").open(encoding="utf-8") as fh:
        rows = {r["canonical"]: r for r in csv.DictReader(fh)}
    assert rows["кәсіби құзыреттілік"]["count"] == "3"
    assert rows["кәсіби құзыреттілік"]["document_frequency"] == "2"
    assert rows["жеке құзыреттілік"]["first_document"].endswith("a.txt")
    assert (tmp_path / "out" / "t.counts.csv").exists() and (tmp_path / "out" / "t.candidates.csv").exists()
    assert f"not read: {tmp_path / 'c.txt'}: error: the file is empty" in result.output  # which file, and why


def test_cli_terms_with_nothing_found_writes_tables_with_headers(tmp_path):
    import csv

    from typer.testing import CliRunner

    from kzedutext.cli import app

    (tmp_path / "ru.txt").write_text("Компетентностный подход в образовании.", encoding="utf-8")
    result = CliRunner().invoke(app, ["terms", str(tmp_path), "--out", str(tmp_path / "t.csv")])
    assert result.exit_code == 0, result.output
    for name in ("t.csv", "t.counts.csv"):
        with (tmp_path / name).open(encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            assert list(reader) == [] and "canonical" in reader.fieldnames  # pandas can read it
