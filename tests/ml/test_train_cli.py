"""train / classify as plain functions and as commands: a round trip on a tiny labelled file."""

import json

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from kzedutext.cli import app
from kzedutext.ml import TextClassifier, load_labelled, load_model, train, weak_labels

ROWS = [
    ("Критериалды бағалау дескрипторлары нақты жазылды", "assessment"),
    ("Жиынтық бағалау тоқсан соңында өтеді", "assessment"),
    ("Формативті бағалау кері байланыс береді", "assessment"),
    ("Бағалау критерийлері оқушыға түсінікті болуы керек", "assessment"),
    ("Онлайн платформада электрондық оқулық бар", "ict_digital"),
    ("Цифрлық ресурстар сабақты көрнекі етеді", "ict_digital"),
    ("Интерактивті тақта мен компьютер қолданылды", "ict_digital"),
    ("Қашықтықтан оқыту цифрлық дағдыны талап етті", "ict_digital"),
]


@pytest.fixture()
def labelled_csv(tmp_path):
    path = tmp_path / "train.csv"
    path.write_text("id,text,label\n" + "".join(f"r{i},{t},{lab}\n" for i, (t, lab) in enumerate(ROWS)),
                    encoding="utf-8")
    return path


def test_cli_train_then_classify_round_trip(tmp_path, labelled_csv):
    runner = CliRunner()
    model = tmp_path / "model.pkl"
    result = runner.invoke(app, ["train", str(labelled_csv), "--model", str(model), "--cv", "2"])
    assert result.exit_code == 0, result.output
    assert "8 texts, 2 classes (multi-class)" in result.output and "2-fold cross-validation" in result.output
    new = tmp_path / "new.jsonl"
    new.write_text("\n".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in
                             [("a", "Бағалау критерийлері мен дескрипторлар"), ("b", "Цифрлық платформа мен компьютер")]),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["classify", str(model), str(new), "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["labels"]) for r in records] == [("a", ["assessment"]), ("b", ["ict_digital"])]
    assert set(records[0]["scores"]) == {"assessment", "ict_digital"}


def test_cli_reports_bad_input(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["train", str(tmp_path / "missing.csv"), "--model", str(tmp_path / "m.pkl")])
    assert result.exit_code != 0 and "not found" in result.output
    bad = tmp_path / "data.txt"
    bad.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["train", str(bad), "--model", str(tmp_path / "m.pkl")])
    assert result.exit_code != 0 and "unsupported data file" in result.output


def test_classify_leaves_out_bad_documents_and_rows_without_text_and_names_them(tmp_path, labelled_csv):
    model = tmp_path / "model.pkl"
    train(labelled_csv, model, cv=0)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Бағалау критерийлері нақты.", encoding="utf-8")
    (docs / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    table = tmp_path / "table.csv"
    table.write_text("id,text\nt1,Цифрлық платформа қолданылды\nt2,\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["classify", str(model), str(docs), str(table), "--out", str(out)])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [str(docs / "good.txt"), "t1"]
    said = " ".join(result.output.split())
    assert "broken.docx" in said and "corrupt" in said
    # the location once, then why
    assert f"not read: {table}, line 3 (id 't2'): has no text: its 'text' cell is empty" in said
    assert said.count(f"{table}, line 3") == 1


def test_training_on_a_row_without_text_names_its_line(tmp_path):
    data = tmp_path / "train.csv"
    data.write_text("text,label\nБағалау,a\n,b\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"train.csv, line 3 has no text: its 'text' cell is empty"):
        load_labelled(data)


def test_multilabel_jsonl_and_saved_model_type(tmp_path):
    path = tmp_path / "train.jsonl"
    rows = [{"text": t, "labels": [lab] + (["school"] if i % 2 else [])} for i, (t, lab) in enumerate(ROWS)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    report = train(path, tmp_path / "m.pkl", cv=2)
    assert report.multilabel and report.classes == ("assessment", "ict_digital", "school")
    assert isinstance(load_model(tmp_path / "m.pkl"), TextClassifier)
    with pytest.raises(ValueError, match="not a kzedutext model"):
        load_model(path)


def test_sample_corpus_meta_loads_as_multilabel_documents():
    data = load_labelled(CORPUS / "meta.jsonl")
    assert len(data.texts) >= 16 and data.multilabel
    assert all(len(t.split()) > 200 for t in data.texts)
    primary = load_labelled(CORPUS / "meta.jsonl", label_field="primary_theme")
    assert not primary.multilabel and primary.labels[0] == ("twelve_year_model",)


def test_weak_labels_come_from_the_scorer():
    labels = weak_labels(["Инклюзивті білім беруде тьютор көмектеседі.", "Күн ашық болды."])
    assert labels[0] == ("inclusive_education",) and labels[1] == ()
