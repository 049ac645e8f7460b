"""Resuming: a run killed at any moment loses nothing written and, re-run, ends with exactly
the records of a run that was never interrupted."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS

from kzedutext.batch import read_records, tag_to_file
from kzedutext.batch.writers import journal_path


def _collection(root, copies: int):
    """The sample corpus ``copies`` times over (different paths), plus two bad files."""
    for i in range(copies):
        shutil.copytree(CORPUS / "texts", root / f"part{i}")
    (root / "empty.txt").write_bytes(b"")
    (root / "notes.xyz").write_bytes(b"?")
    return root


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    return _collection(tmp_path_factory.mktemp("collection"), copies=2)


@pytest.fixture(scope="module")
def uninterrupted(collection, nlp, tmp_path_factory):
    """The reference: each format written by one run that was never stopped."""
    out = tmp_path_factory.mktemp("reference")
    for fmt in ("jsonl", "csv", "parquet"):
        tag_to_file([collection], out / f"all.{fmt}", nlp=nlp)
    return {fmt: list(read_records(out / f"all.{fmt}")) for fmt in ("jsonl", "csv", "parquet")}


def _kill_midway(args, out, *, after: int) -> int:
    """Start ``kzedutext tag``, SIGKILL it once ``after`` records are on disk; return records then."""
    watched = journal_path(out) if out.suffix == ".parquet" else out
    proc = subprocess.Popen([sys.executable, "-m", "kzedutext.cli", "tag", *args, "--quiet"])
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if watched.exists() and watched.read_bytes().count(b"\n") > after:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the run ended before it could be interrupted: give it more files"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    return watched.read_bytes().count(b"\n")


@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "workers"), [("jsonl", 1), ("csv", 2), ("parquet", 2)])
def test_kill_9_then_resume_gives_the_records_of_an_uninterrupted_run(
    collection, uninterrupted, tmp_path, fmt, workers
):
    out = tmp_path / f"out.{fmt}"
    args = [str(collection), "--out", str(out), "--workers", str(workers)]
    lines_then = _kill_midway(args, out, after=8)
    total = len(uninterrupted[fmt])
    assert lines_then < total  # really interrupted
    if fmt == "parquet":
        assert not out.exists() and journal_path(out).exists()  # records wait in the journal
    subprocess.run([sys.executable, "-m", "kzedutext.cli", "tag", *args, "--quiet"], check=True)
    assert list(read_records(out)) == uninterrupted[fmt]
    assert not journal_path(out).exists()


def test_a_torn_last_line_is_cut_and_its_file_tagged_again(collection, uninterrupted, nlp, tmp_path):
    out = tmp_path / "out.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in uninterrupted["jsonl"][:5]]
    # four whole records, then the first half of the fifth: what kill -9 can leave
    out.write_text("\n".join(lines[:4]) + "\n" + lines[4][: len(lines[4]) // 2], encoding="utf-8")
    summary = tag_to_file([collection], out, nlp=nlp)
    assert summary.n_skipped == 4
    assert list(read_records(out)) == uninterrupted["jsonl"]


def test_a_finished_output_is_not_tagged_again(collection, uninterrupted, nlp, tmp_path):
    out = tmp_path / "out.csv"
    tag_to_file([collection], out, nlp=nlp)
    summary = tag_to_file([collection], out, nlp=nlp)
    total = len(uninterrupted["csv"])
    assert (summary.n_documents, summary.n_skipped, summary.n_tokens) == (total, total, 0)
    assert summary.failures == {"empty file": 1, "unsupported format": 1}
    assert list(read_records(out)) == uninterrupted["csv"]


def test_new_files_are_added_and_changed_files_replaced(nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Мұғалім сабақ береді.", encoding="utf-8")
    (folder / "b.txt").write_text("Оқушылар тыңдайды.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    tag_to_file([folder], out, nlp=nlp)
    (folder / "b.txt").write_text("Оқушылар тыңдайды. Сосын жазады.", encoding="utf-8")
    (folder / "c.txt").write_text("Ата-аналар келді.", encoding="utf-8")
    summary = tag_to_file([folder], out, nlp=nlp)
    assert (summary.n_documents, summary.n_skipped) == (3, 1)
    records = {r["path"].rsplit("/", 1)[-1]: r for r in read_records(out)}
    assert sorted(records) == ["a.txt", "b.txt", "c.txt"]  # the old b.txt record is gone
    assert records["b.txt"]["n_sentences"] == 2


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_a_resumed_output_after_changes_equals_a_fresh_run_byte_for_byte(nlp, tmp_path, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [("a.txt", "Мұғалім сабақ береді."), ("c.txt", "Оқушылар тыңдайды."),
                       ("e.txt", "Ата-аналар келді.")]:
        (folder / name).write_text(text, encoding="utf-8")
    resumed, fresh = tmp_path / f"resumed.{fmt}", tmp_path / f"fresh.{fmt}"
    tag_to_file([folder], resumed, nlp=nlp)
    (folder / "a.txt").write_text("Мұғалім сабақ береді. Сосын сұрайды.", encoding="utf-8")  # changed
    (folder / "b.txt").write_text("Кітап оқылды.", encoding="utf-8")  # new, sorted in the middle
    summary = tag_to_file([folder], resumed, nlp=nlp)
    assert (summary.n_skipped, summary.n_skipped_ok, summary.run_failures) == (2, 2, {})
    tag_to_file([folder], fresh, nlp=nlp)
    names = [r["path"].rsplit("/", 1)[-1] for r in read_records(resumed)]
    assert names == ["a.txt", "b.txt", "c.txt", "e.txt"]
    if fmt == "parquet":  # the file bytes hold a creation stamp: compare the records
        assert list(read_records(resumed)) == list(read_records(fresh))
    else:
        assert resumed.read_bytes() == fresh.read_bytes()


def test_overwrite_starts_afresh(nlp, collection, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"path": "old.txt", "sha256": "", "status": "ok"}\n', encoding="utf-8")
    tag_to_file([collection / "part0"], out, nlp=nlp, overwrite=True)
    assert "old.txt" not in {r["path"] for r in read_records(out)}


def test_resuming_with_other_settings_is_refused(nlp, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Мұғалім.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    tag_to_file([tmp_path / "in"], out, nlp=nlp)
    with pytest.raises(ValueError, match="redact was False, now True.*--overwrite"):
        tag_to_file([tmp_path / "in"], out, nlp=nlp, redact=True)
    tag_to_file([tmp_path / "in"], out, nlp=nlp, redact=True, overwrite=True)


def test_the_output_inside_the_input_folder_is_not_an_input(nlp, tmp_path):
    (tmp_path / "a.txt").write_text("Мұғалім.", encoding="utf-8")
    for _ in range(2):
        summary = tag_to_file([tmp_path], tmp_path / "out.jsonl", nlp=nlp)
    assert (summary.n_documents, summary.n_ok) == (1, 1)


@pytest.mark.slow
def test_workers_of_a_killed_run_exit_too(collection, tmp_path):
    psutil = pytest.importorskip("psutil")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "kzedutext.cli", "tag", str(collection), "--out", str(out), "--workers", "2", "--quiet"]
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") > 2):
        time.sleep(0.02)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert len(workers) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == []


def test_a_folder_named_another_way_is_not_tagged_again(nlp, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [("a.txt", "Мұғалім сабақ береді."), ("b.txt", "Оқушылар тыңдайды.")]:
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    monkeypatch.chdir(tmp_path)
    tag_to_file(["in"], out, nlp=nlp)  # relative
    summary = tag_to_file([folder], out, nlp=nlp)  # absolute: the same files
    assert (summary.n_skipped, len(list(read_records(out)))) == (2, 2)
    monkeypatch.chdir(folder)
    summary = tag_to_file(["."], out, nlp=nlp)  # from inside the folder
    assert (summary.n_skipped, len(list(read_records(out)))) == (2, 2)


def test_files_named_from_another_folder_keep_one_record_under_todays_name(nlp, tmp_path, monkeypatch):
    folder = tmp_path / "work" / "in"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("Мұғалім сабақ береді.", encoding="utf-8")
    (folder / "b.txt").write_text("Оқушылар тыңдайды.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    monkeypatch.chdir(tmp_path)
    tag_to_file(["work/in"], out, nlp=nlp)
    monkeypatch.chdir(tmp_path / "work")  # "work/in/a.txt" no longer leads anywhere from here
    assert tag_to_file(["in"], out, nlp=nlp).n_skipped == 2
    assert [r["path"] for r in read_records(out)] == [str(Path("in") / "a.txt"), str(Path("in") / "b.txt")]


def test_copies_with_one_name_in_two_folders_are_two_files(nlp, tmp_path):
    for part in ("p1", "p2"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "a.txt").write_text("Мұғалім сабақ береді.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    tag_to_file([tmp_path / "p1"], out, nlp=nlp)
    assert tag_to_file([tmp_path / "p1", tmp_path / "p2"], out, nlp=nlp).n_skipped == 1
    assert len(list(read_records(out))) == 2
