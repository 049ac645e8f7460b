"""Batch tagging: one record per file, every format, bad files reported, never dropped."""

import csv
import json
import sys
from pathlib import Path

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from kzedutext.batch import TagRecord, read_records, tag_files, tag_to_file
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


def test_summary_counts_failures_by_cause(nlp, mixed_folder, tmp_path):
    summary = tag_to_file([mixed_folder], tmp_path / "out.jsonl", nlp=nlp)
    assert (summary.n_documents, summary.n_ok, summary.n_failed, summary.n_skipped) == (9, 5, 4, 0)
    assert summary.failures == {"corrupt file": 1, "empty file": 1, "not text": 1, "unsupported format": 1}
    assert summary.n_tokens > 100 and summary.tokens_per_second > 0


def test_csv_is_readable_without_kzedutext(nlp, mixed_folder, tmp_path):
    tag_to_file([mixed_folder], tmp_path / "out.csv", nlp=nlp)
    with (tmp_path / "out.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 9 and rows[0]["status"] == "ok" and int(rows[0]["n_words"]) == 5
    assert json.loads(rows[5]["meta"])["authors"] == ["Сейітова Дана Ерланқызы"]


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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "x.jsonl", "--format", "xml"], "--format"),
        (["--out", "x.xml"], "Cannot tell the format"),
        (["--out", "x.jsonl", "--engine", "spark"], "--engine"),
        (["--out", "x.jsonl", "--order", "random"], "--order"),
    ],
)
def test_cli_rejects_bad_options(mixed_folder, tmp_path, args, message):
    args = [a.replace("x.", str(tmp_path / "x.")) for a in args]
    result = CliRunner().invoke(app, ["tag", str(mixed_folder), *args])
    assert result.exit_code != 0
    assert message in result.output


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"n_process": 0}, "n_process must be at least 1, got 0"),
        ({"order": "random"}, "Unknown order 'random'"),
        ({"engine": "spark"}, "Unknown engine 'spark'"),
        ({"engine": "local", "scheduler": "tcp://x:8786"}, "--scheduler needs --engine dask"),
    ],
)
def test_bad_options_are_rejected_with_the_value(options, message, tmp_path):
    (tmp_path / "a.txt").write_text("Мұғалім.", encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        list(tag_files([tmp_path], **options))


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
    assert TagRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_records_carry_theme_scores_and_primary_theme(nlp, tmp_path):
    (tmp_path / "a.txt").write_text("Инклюзивті білім беру\n\nИнклюзивті мектепте тьютор ерекше білім беру "
                                    "қажеттілігі бар оқушыларға көмектеседі.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Күн жылы болды.", encoding="utf-8")
    a, b = tag_files([tmp_path], nlp=nlp)
    assert a.primary_theme == "inclusive_education" and a.themes["inclusive_education"] >= 0.5
    assert b.primary_theme == "" and len(b.themes) == len(a.themes) >= 16


def test_a_file_named_twice_gets_one_record(nlp, tmp_path):
    (tmp_path / "a.txt").write_text("Мұғалім сабақ береді.", encoding="utf-8")
    records = list(tag_files([tmp_path, tmp_path / "a.txt", tmp_path], nlp=nlp))
    assert [r.path for r in records] == [str(tmp_path / "a.txt")]


def test_a_file_name_that_is_not_utf8_is_written_escaped(nlp, tmp_path):
    import os

    name = os.fsdecode(b"\xff\xfemaqala.txt")  # a name from an archive made on another system
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text("Мұғалім сабақ береді.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = tag_to_file([tmp_path / "in"], out, nlp=nlp)
    assert summary.n_ok == 1
    assert json.loads(out.read_text(encoding="utf-8"))["path"].endswith("\\xff\\xfemaqala.txt")
    assert tag_to_file([tmp_path / "in"], out, nlp=nlp).n_skipped == 1  # and it resumes


def test_a_utf8_file_with_a_stray_byte_is_tagged_and_its_record_says_so(nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = "Мұғалімнің кәсіби құзыреттілігі оқушылардың табысына әсер етеді. " * 20
    data = text.encode("utf-8")
    (folder / "damaged.txt").write_bytes(data[:300] + b"\x96" + data[300:])
    (folder / "clean.txt").write_bytes(data)
    out = tmp_path / "out.csv"
    summary = tag_to_file([folder], out, nlp=nlp)
    records = {r["path"].rsplit("/", 1)[-1]: r for r in read_records(out)}
    assert records["damaged.txt"]["status"] == "ok" and records["damaged.txt"]["language"] == "kk"
    assert len(records["damaged.txt"]["warnings"]) == 1 and records["clean.txt"]["warnings"] == []
    assert summary.n_warned == 1
