"""Batch tagging: one record per file, every format, bad files reported, never dropped."""

import csv
import json
import sys
from pathlib import Path

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from kzedutext.batch.tag import tag_files, tag_to_file
from kzedutext.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ingest"))
import samples  # noqa: E402


@pytest.fixture()
def mixed_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Мұғалім сабақ береді. Оқушылар тыңдайды.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes("Білім – болашақ.".encode("utf-16"))
    (tmp_path / "d.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "e.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "f.docx").write_bytes(samples.build_docx())
    (tmp_path / "g.html").write_bytes(samples.build_html())
    (tmp_path / "h.txt").write_bytes(samples.RUSSIAN.encode("cp1251"))
    (tmp_path / "i.xyz").write_bytes(b"whatever")
    return tmp_path


def test_mixed_folder_gives_one_record_per_file_with_status(nlp, mixed_folder):
    records = list(tag_files([mixed_folder], nlp=nlp))
    statuses = {r.path.rsplit("/", 1)[-1]: r.status for r in records}
    assert statuses == {
        "a.txt": "ok",
        "b.txt": "error: the file is empty (0 bytes)",
        "c.txt": "ok",
        "d.docx": "error: corrupt .docx file (a damaged ZIP package); re-save it from Word or LibreOffice",
        "e.txt": "error: not a text file (binary content)",
        "f.docx": "ok",
        "g.html": "ok",
        "h.txt": "ok",
        "i.xyz": "error: unsupported format .xyz (supported: .txt, .text, .docx, .pdf, .html, .htm, .xhtml, .odt, .rtf)",
    }
    a = records[0]
    assert (a.n_sentences, a.n_words, a.language, a.format) == (2, 5, "kk", "txt")
    assert len(a.sha256) == 64


def test_records_carry_meta_and_language(nlp, mixed_folder):
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in tag_files([mixed_folder], nlp=nlp)}
    docx, html, russian = by_name["f.docx"], by_name["g.html"], by_name["h.txt"]
    for rec in (docx, html):
        assert rec.meta["title"] == "Ауыл мектебінде оқу сауаттылығын дамытудың тәжірибесі"
        assert rec.meta["authors"] == ["Сейітова Дана Ерланқызы"]
        assert rec.language == "kk" and rec.n_words > 100
    assert docx.n_tokens == html.n_tokens  # same article, same Kazakh text
    # a Russian document is recorded, but none of it goes through the Kazakh pipeline
    assert russian.language == "ru" and russian.languages == {"ru": 1.0}
    assert russian.n_tokens == 0 and russian.meta["keywords"] == ["наставничество", "сельская школа"]


def test_redact_removes_contacts_from_records(nlp, mixed_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "r.jsonl"
    tag_to_file([mixed_folder / "f.docx"], out, nlp=nlp, redact=True)
    row = json.loads(out.read_text(encoding="utf-8"))
    # the file's hash is hex and may contain any digits: look at everything else
    text = json.dumps({k: v for k, v in row.items() if k != "sha256"}, ensure_ascii=False)
    assert "dana.seitova" not in text and "555" not in text
    assert (row["meta"]["email"], row["meta"]["phone"]) == ("[EMAIL]", "[PHONE]")


def test_size_limit_gives_an_error_record(nlp, mixed_folder):
    records = list(tag_files([mixed_folder / "f.docx", mixed_folder / "a.txt"], nlp=nlp, max_bytes=1000))
    assert records[0].status.startswith("error: the file is") and "over the limit of 1,000" in records[0].status
    assert records[1].status == "ok"


def test_jsonl_and_csv_hold_the_same_records(nlp, mixed_folder, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("out")
    s1 = tag_to_file([mixed_folder], tmp_path / "out.jsonl", nlp=nlp)
    s2 = tag_to_file([mixed_folder], tmp_path / "out.csv", fmt="csv", nlp=nlp)
    assert s1 == s2 and s1.n_documents == 9 and s1.n_ok == 5
    rows_j = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    with (tmp_path / "out.csv").open(encoding="utf-8") as fh:
        rows_c = list(csv.DictReader(fh))
    assert [r["path"] for r in rows_j] == [r["path"] for r in rows_c]
    assert [str(r["n_tokens"]) for r in rows_j] == [r["n_tokens"] for r in rows_c]
    assert [r["meta"] for r in rows_j] == [json.loads(r["meta"]) for r in rows_c]
    assert [r["language"] for r in rows_j] == [r["language"] for r in rows_c]


def test_sample_corpus_tags_cleanly(nlp):
    records = list(tag_files([CORPUS / "texts"], nlp=nlp))
    assert len(records) >= 12 and all(r.status == "ok" for r in records)
    assert all(r.language == "kk" for r in records)
    assert all(300 <= r.n_words <= 900 for r in records)


def test_cli_tag(mixed_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "cli.jsonl"
    result = CliRunner().invoke(app, ["tag", str(mixed_folder), "--out", str(out), "--redact"])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9
    assert "dana.seitova@mektep.kz" not in out.read_text(encoding="utf-8")


def test_cli_rejects_unknown_format(mixed_folder, tmp_path):
    result = CliRunner().invoke(
        app, ["tag", str(mixed_folder), "--out", str(tmp_path / "x"), "--format", "xml"]
    )
    assert result.exit_code != 0
    assert "format" in result.output


def test_bad_options_are_rejected_with_the_value():
    with pytest.raises(ValueError, match="batch_size must be at least 1, got 0"):
        list(tag_files([], batch_size=0))


def test_records_list_competencies_and_terms_with_counts(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Мұғалімнің кәсіби құзыреттілігі мен функционалдық сауаттылығы. "
        "Кәсіби және коммуникативтік құзыреттіліктерін дамыту.",
        encoding="utf-8",
    )
    (record,) = tag_files([tmp_path / "a.txt"], nlp=nlp)
    assert list(record.competencies) == [
        {"canonical": "кәсіби құзыреттілік", "category": "professional", "count": 2},
        {"canonical": "коммуникативтік құзыреттілік", "category": "communicative", "count": 1},
    ]
    assert [t["canonical"] for t in record.terms] == ["функционалдық сауаттылық"]
    assert json.loads(record.to_row()["competencies"]) == list(record.competencies)


def test_records_carry_theme_scores_and_primary_theme(nlp, tmp_path):
    (tmp_path / "a.txt").write_text("Инклюзивті білім беру\n\nИнклюзивті мектепте тьютор ерекше білім беру "
                                    "қажеттілігі бар оқушыларға көмектеседі.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Күн жылы болды.", encoding="utf-8")
    a, b = tag_files([tmp_path], nlp=nlp)
    assert a.primary_theme == "inclusive_education" and a.themes["inclusive_education"] >= 0.5
    assert b.primary_theme == "" and len(b.themes) == len(a.themes) >= 16
