"""Batch tagging: one record per file, bad files reported, never dropped."""

import csv
import json

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from kzedutext.batch.tag import tag_files, tag_to_file
from kzedutext.cli import app


@pytest.fixture()
def mixed_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Мұғалім сабақ береді. Оқушылар тыңдайды.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes("Білім – болашақ.".encode("utf-16"))
    (tmp_path / "d.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "e.txt").write_bytes(bytes(range(256)) * 8)
    return tmp_path


def test_mixed_folder_gives_one_record_per_file_with_status(nlp, mixed_folder):
    records = list(tag_files([mixed_folder], nlp=nlp))
    statuses = {r.path.rsplit("/", 1)[-1]: r.status for r in records}
    assert statuses == {
        "a.txt": "ok",
        "b.txt": "error: the file is empty",
        "c.txt": "ok",
        "d.docx": "error: unsupported format .docx (supported: .txt)",
        "e.txt": "error: not a text file (binary content)",
    }
    a = records[0]
    assert (a.n_sentences, a.n_words) == (2, 5)
    assert len(a.sha256) == 64


def test_jsonl_and_csv_hold_the_same_records(nlp, mixed_folder, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("out")
    s1 = tag_to_file([mixed_folder], tmp_path / "out.jsonl", nlp=nlp)
    s2 = tag_to_file([mixed_folder], tmp_path / "out.csv", fmt="csv", nlp=nlp)
    assert s1 == s2 and s1.n_documents == 5 and s1.n_ok == 2
    rows_j = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    with (tmp_path / "out.csv").open(encoding="utf-8") as fh:
        rows_c = list(csv.DictReader(fh))
    assert [r["path"] for r in rows_j] == [r["path"] for r in rows_c]
    assert [str(r["n_tokens"]) for r in rows_j] == [r["n_tokens"] for r in rows_c]


def test_sample_corpus_tags_cleanly(nlp):
    records = list(tag_files([CORPUS / "texts"], nlp=nlp))
    assert len(records) >= 12 and all(r.status == "ok" for r in records)
    assert all(300 <= r.n_words <= 900 for r in records)


def test_cli_tag(mixed_folder, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "cli.jsonl"
    result = CliRunner().invoke(app, ["tag", str(mixed_folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_cli_rejects_unknown_format(mixed_folder, tmp_path):
    result = CliRunner().invoke(
        app, ["tag", str(mixed_folder), "--out", str(tmp_path / "x"), "--format", "xml"]
    )
    assert result.exit_code != 0
    assert "format" in result.output


def test_bad_options_are_rejected_with_the_value():
    with pytest.raises(ValueError, match="batch_size must be at least 1, got 0"):
        list(tag_files([], batch_size=0))
