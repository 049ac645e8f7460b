"""Engines: worker processes and a Dask cluster give the records of a single process; a file
that kills its worker gets a record saying so, and the other files are not lost."""

import os

import pytest
import spacy
from conftest import CORPUS
from spacy.language import Language

from kzedutext import load
from kzedutext.batch import DaskEngine, read_records, tag_files, tag_to_file
from kzedutext.batch.records import WORKER_DIED


@pytest.fixture(scope="module")
def single(nlp):
    return [r.to_dict() for r in tag_files([CORPUS], nlp=nlp)]


def test_worker_processes_give_the_records_of_one_process(single, nlp):
    assert [r.to_dict() for r in tag_files([CORPUS], nlp=nlp, n_process=2)] == single


def test_finish_order_gives_the_same_records_in_another_order(single, nlp):
    records = [r.to_dict() for r in tag_files([CORPUS], nlp=nlp, n_process=2, order="finish")]
    assert sorted(records, key=lambda r: r["path"]) == sorted(single, key=lambda r: r["path"])


@pytest.mark.slow
def test_dask_local_cluster_gives_the_records_of_the_local_engine(single, tmp_path):
    pytest.importorskip("distributed", reason='the Dask engine needs: pip install "kzedutext[scale]"')
    from distributed import LocalCluster

    with LocalCluster(n_workers=3, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = tmp_path / "dask.jsonl"
        summary = tag_to_file([CORPUS], out, engine="dask", scheduler=cluster.scheduler_address)
        assert list(read_records(out)) == single
        assert summary.engine == "dask" and summary.n_ok == sum(r["status"] == "ok" for r in single)


def test_an_unreachable_scheduler_is_reported():
    pytest.importorskip("distributed")
    with pytest.raises(ConnectionError, match="cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'"):
        DaskEngine(scheduler="tcp://127.0.0.1:9", timeout="1s")


@Language.component("kills_its_process_on_a_marker")
def _kills_its_process(doc):
    if "ӨЛТІРУШІ" in doc.text:  # a stand-in for a C library that crashes on one file
        os._exit(9)
    return doc


@pytest.fixture(scope="module")
def crashing_nlp():
    nlp = load()
    nlp.add_pipe("kills_its_process_on_a_marker", first=True)
    return nlp


@pytest.mark.parametrize("order", ["input", "finish"])
def test_a_file_that_kills_its_worker_gets_a_record_and_the_batch_goes_on(crashing_nlp, tmp_path, order):
    for i in range(12):
        text = "Мұғалім сабақ береді. ӨЛТІРУШІ" if i == 5 else f"Оқушы {i} кітап оқиды."
        (tmp_path / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    records = list(tag_files([tmp_path], nlp=crashing_nlp, n_process=2, order=order))
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in records}
    assert len(records) == 12 and len(by_name) == 12
    dead = [name for name, r in by_name.items() if not r.ok]
    assert dead == ["doc05.txt"]
    assert by_name["doc05.txt"].error_kind == WORKER_DIED
    assert "worker process died" in by_name["doc05.txt"].status
    if order == "input":
        assert [r.path for r in records] == sorted(r.path for r in records)


def test_a_pipeline_error_is_a_record_not_a_crash(tmp_path):
    nlp = spacy.blank("kk")

    @Language.component("raises_on_a_marker")
    def _raises(doc):
        if "ҚАТЕ" in doc.text:
            raise RuntimeError("a bug in a custom component")
        return doc

    nlp.add_pipe("raises_on_a_marker")
    (tmp_path / "a.txt").write_text("Мұғалім. ҚАТЕ", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Мұғалім.", encoding="utf-8")
    a, b = tag_files([tmp_path], nlp=nlp)
    assert a.error_kind == "pipeline failed" and "RuntimeError: a bug in a custom component" in a.status
    assert b.ok
