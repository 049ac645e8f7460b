"""train / classify on the data files people actually have, and on labels that cannot train a model."""

import json

import pytest
from typer.testing import CliRunner

from kzedutext.cli import app
from kzedutext.ml import LabelledData, TextClassifier, classify_to_file, load_labelled, train, weak_labels
from kzedutext.themes import ThemeScorer

READING = ["Оқушылар кітапханадан кітап алды", "Кітап оқу сөздік қорды байытады",
           "Балалар ертегі кітабын оқыды", "Мұғалім жаңа кітапты оқып берді"]
SPORT = ["Мектеп командасы футболдан жеңді", "Ойыншылар стадионда доп тепті",
         "Жаттықтырушы жарысқа дайындады", "Футбол ойыны кешке басталды"]
ROWS = [(t, "оқу") for t in READING] + [(t, "спорт") for t in SPORT]


def _write_csv(path, header, rows, sep=","):
    path.write_text(sep.join(header) + "\n" + "".join(f"{t}{sep}{lab}\n" for t, lab in rows), encoding="utf-8")
    return path


# -- weak labels -------------------------------------------------------------------------------
NO_EVIDENCE = ["Компетентностный подход в образовании.", "", "12345", "Бүгін ауа райы жақсы болды."]


def test_weak_labels_give_no_label_to_texts_without_theme_evidence():
    assert weak_labels(NO_EVIDENCE) == [(), (), (), ()]


def test_weak_labels_follow_the_scorers_labels_rule():
    texts = ["Критериалды бағалау мен формативті бағалау кері байланыс береді.",
             "Инклюзивті білім беруде тьютор ерекше қажеттілігі бар балаға көмектеседі.", "Күн ашық."]
    scorer = ThemeScorer.default()
    assert weak_labels(texts, threshold=0.4) == [scorer.score_text(t).labels(threshold=0.4) for t in texts]


def test_weak_training_on_texts_without_themes_is_refused_with_what_was_found(tmp_path):
    data = tmp_path / "ru.csv"
    data.write_text("id,text\n1,Современная школа требует новых компетенций.\n2,Учитель оценивает ученика.\n"
                    "3,Ученики читают книги.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="the theme scorer found no theme in any text"):
        train(data, tmp_path / "m.pkl", cv=0, weak=True)
    result = CliRunner().invoke(app, ["train", str(data), "--model", str(tmp_path / "m.pkl"), "--weak", "--cv", "0"])
    assert result.exit_code != 0 and "found no theme in any text" in " ".join(result.output.split())
    assert not (tmp_path / "m.pkl").exists()


def test_training_on_a_single_class_is_refused_naming_it(tmp_path):
    data = _write_csv(tmp_path / "one.csv", ["text", "label"], [(t, "оқу") for t in READING] + [(SPORT[0], "")])
    with pytest.raises(ValueError, match=r"at least two classes, but the only class is 'оқу' \(4 of 5 texts labelled\)"):
        train(data, cv=0)


# -- cross-validation --------------------------------------------------------------------------
class _SpyClassifier(TextClassifier):
    fits: list = []

    def fit(self, X, y):
        _SpyClassifier.fits.append((len(X), sum(v is None for v in y), sorted({v for v in y if v is not None})))
        return super().fit(X, y)


def test_cross_validation_scores_labelled_rows_and_fits_every_fold_with_the_unlabelled_ones():
    texts = tuple(READING[:3] + SPORT[:3] + [READING[3], SPORT[3]])
    labels = (("оқу",),) * 3 + (("спорт",),) * 3 + ((), ())
    _SpyClassifier.fits = []
    report = train(LabelledData(texts, labels, tuple(map(str, range(8))), False), cv=3, classifier=_SpyClassifier())
    assert report.cv_folds == 3 and report.n_texts == 8 and report.n_labelled == 6
    assert report.classes == ("оқу", "спорт") and report.cv_accuracy == 1.0
    # 3 folds: 4 labelled + 2 unlabelled texts each, no class named 'None'; then the final fit
    assert _SpyClassifier.fits == [(6, 2, ["оқу", "спорт"])] * 3 + [(8, 2, ["оқу", "спорт"])]


def test_cross_validation_that_cannot_run_says_why(tmp_path):
    data = _write_csv(tmp_path / "rare.csv", ["text", "label"], ROWS + [("Цифрлық платформа қолданылды", "цифр")])
    report = train(data, cv=2)
    assert report.cv_folds == 0 and report.cv_accuracy is None
    assert "'цифр'" in report.cv_skipped and "single labelled text" in report.cv_skipped
    assert train(data, cv=0).cv_skipped == ""


def test_train_does_not_leak_sklearn_warnings_it_expects(tmp_path, recwarn):
    rows = [{"text": t, "labels": [lab, f"сан{i}"]} for i, (t, lab) in enumerate(ROWS)]  # 10 labels on 8 texts
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    train(path, cv=2)
    assert not [str(w.message) for w in recwarn if issubclass(w.category, UserWarning)]


# -- data files --------------------------------------------------------------------------------
@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_csv_delimiter_is_sniffed(tmp_path, sep):
    rows = [(f'"{t}, {t.lower()}"' if sep == "," else f"{t}, {t.lower()}", lab) for t, lab in ROWS]
    data = load_labelled(_write_csv(tmp_path / "d.csv", ["id", "text", "label"][1:], rows, sep))
    assert len(data.texts) == 8 and data.labels[0] == ("оқу",) and data.texts[0].startswith(READING[0] + ",")


@pytest.mark.parametrize("header", [["Text", "Label"], [" text ", " label "], ["TEXT", "Labels"]])
def test_column_names_match_whatever_their_case_and_spaces(tmp_path, header):
    data = load_labelled(_write_csv(tmp_path / "d.csv", header, ROWS))
    assert data.texts[:2] == tuple(READING[:2]) and data.labels[-1] == ("спорт",)


def test_no_label_column_lists_the_columns_found(tmp_path):
    path = _write_csv(tmp_path / "d.csv", ["мәтін", "тақырып"], ROWS)
    with pytest.raises(ValueError, match=r"has no label column; .*columns found: 'мәтін', 'тақырып'"):
        load_labelled(path)
    with pytest.raises(ValueError, match=r"has no text: it has no 'text' column \(columns found: 'мәтін', 'тақырып'\)"):
        load_labelled(path, label_field="тақырып")


def test_jsonl_with_a_utf8_bom_is_read(tmp_path):
    path = tmp_path / "bom.jsonl"
    lines = [json.dumps({"text": t, "label": lab}, ensure_ascii=False) for t, lab in ROWS]
    path.write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode("utf-8"))
    assert load_labelled(path).texts[0] == READING[0]


def test_a_json_file_holding_an_array_of_objects_is_read_as_rows(tmp_path):
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([{"id": f"r{i}", "text": t, "label": lab} for i, (t, lab) in enumerate(ROWS)],
                               ensure_ascii=False, indent=2), encoding="utf-8")
    data = load_labelled(path)
    assert data.ids[:2] == ("r0", "r1") and data.labels[4] == ("спорт",)
    path.write_text('[\n  {"text": "Кітап", "label": "оқу"},\n  ["тізім"]\n]', encoding="utf-8")
    with pytest.raises(ValueError, match=r"rows.json, line 3 is not a JSON object \(an array\)"):
        load_labelled(path)


def test_a_jsonl_line_that_is_not_an_object_fails_train_and_is_left_out_by_classify(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "Кітап оқыды", "label": "оқу"}\n["а", "б"]\n{"id": "x", "text": "Футбол ойнады"}\n',
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"mixed.jsonl, line 2 is not a JSON object \(an array\)"):
        load_labelled(path)
    model = tmp_path / "m.pkl"
    train(_write_csv(tmp_path / "train.csv", ["text", "label"], ROWS), model, cv=0)
    summary = classify_to_file(model, [path], tmp_path / "out.jsonl")
    assert summary.n_written == 2
    assert summary.failed == ((f"{path}, line 2", "not a JSON object (an array); each record must be {...}"),)


def test_classify_names_the_physical_line_of_a_row_once(tmp_path):
    model = tmp_path / "m.pkl"
    train(_write_csv(tmp_path / "train.csv", ["text", "label"], ROWS), model, cv=0)
    table = tmp_path / "cells.csv"
    table.write_text('id,text\nr1,"Бірінші жол\nекінші жол\nүшінші жол"\n\nr2,\nr3,Футбол ойнады\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", str(model), str(table), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "2 texts classified" in said
    assert f"not read: {table}, line 6 (id 'r2'): has no text" in said and said.count(", line ") == 1


def test_an_excel_csv_with_a_bom_semicolons_and_crlf_keeps_its_id_column(tmp_path):
    path = tmp_path / "excel.csv"
    body = "ID;Text;Label\r\n" + "".join(f"к{i};{t};{lab}\r\n" for i, (t, lab) in enumerate(ROWS))
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    data = load_labelled(path)
    assert data.ids[:2] == ("к0", "к1") and data.texts[0] == READING[0] and data.labels[-1] == ("спорт",)
