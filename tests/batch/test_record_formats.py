"""JSON lines, CSV and Parquet hold the same records, and read back as TagRecord.to_dict gave them."""

import sys
from pathlib import Path

import pytest
from conftest import CORPUS

from kzedutext.batch import TagRecord, read_records, tag_files, tag_to_file
from kzedutext.batch.writers import format_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ingest"))
import samples  # noqa: E402


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("in")
    for name in ("kk02_competency_approach.txt", "kk03_research_teacher.txt"):
        (root / name).write_bytes((CORPUS / "texts" / name).read_bytes())
    (root / "paper.docx").write_bytes(samples.build_docx())  # a header with title, authors, e-mail
    (root / "empty.txt").write_bytes(b"")
    (root / "russian.txt").write_text("Учитель проводит урок. Ученики слушают внимательно.", encoding="utf-8")
    return root


def test_the_three_formats_hold_the_same_records(folder, nlp, tmp_path):
    expected = [r.to_dict() for r in tag_files([folder], nlp=nlp)]
    assert {r["status"] for r in expected} == {"ok", "error: the file is empty (0 bytes)"}
    assert any(r["competencies"] for r in expected) and any(r["meta"].get("title") for r in expected)
    for fmt in ("jsonl", "csv", "parquet"):
        tag_to_file([folder], tmp_path / f"out.{fmt}", nlp=nlp)
        assert list(read_records(tmp_path / f"out.{fmt}")) == expected, fmt
    assert [TagRecord.from_dict(r) for r in read_records(tmp_path / "out.parquet")] == list(
        tag_files([folder], nlp=nlp)
    )


def test_parquet_has_typed_columns_for_analysis(folder, nlp, tmp_path):
    pd = pytest.importorskip("pandas")
    tag_to_file([folder], tmp_path / "out.parquet", nlp=nlp)
    frame = pd.read_parquet(tmp_path / "out.parquet")
    assert len(frame) == 5 and frame["n_tokens"].dtype == "int64"
    ok = frame[frame.status == "ok"].iloc[0]
    assert {"canonical", "category", "count"} <= set(ok["competencies"][0])
    assert dict(ok["themes"])["competency_approach"] >= 0


def test_an_empty_run_writes_a_valid_empty_file(nlp, tmp_path):
    for fmt in ("jsonl", "csv", "parquet"):
        tag_to_file([], tmp_path / f"none.{fmt}", nlp=nlp)
        assert list(read_records(tmp_path / f"none.{fmt}")) == []


@pytest.mark.parametrize(
    ("name", "fmt", "expected"),
    [("x.jsonl", None, "jsonl"), ("x.CSV", None, "csv"), ("x.parquet", None, "parquet"), ("x.out", "csv", "csv")],
)
def test_the_format_comes_from_the_option_or_the_file_ending(name, fmt, expected):
    assert format_of(name, fmt) == expected


def test_an_unknown_ending_asks_for_a_format():
    with pytest.raises(ValueError, match="name the file .jsonl, .csv or .parquet"):
        format_of("x.txt")
