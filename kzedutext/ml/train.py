"""Train, save and apply a :class:`TextClassifier`: the plain functions behind
``kzedutext train`` and ``kzedutext classify``.

Labelled data is a CSV or JSON-lines file with one text per row. The text is in a
``text`` column, or in a file named by a ``file`` column (relative to the data file,
read with :func:`kzedutext.read`, as in ``corpus/meta.jsonl``). The labels are in
``labels``, ``label`` or ``themes`` (the first present), or the column you name. A
label cell may be a JSON list or a ``;``-separated string. If any row has more than
one label, the task is multi-label.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> rows = [("Оқушылар кітап оқиды", "оқу"), ("Кітапханада кітап көп", "оқу"),
...         ("Футбол ойыны басталды", "спорт"), ("Ойыншылар доп тепті", "спорт")]
>>> _ = (folder / "data.csv").write_text("text,label\\n" + "".join(f"{t},{l}\\n" for t, l in rows), encoding="utf-8")
>>> report = train(folder / "data.csv", folder / "model.pkl", cv=2)
>>> report.classes, report.multilabel, report.n_texts
(('оқу', 'спорт'), False, 4)
>>> [r.labels for r in classify(folder / "model.pkl", ["Балалар кітап оқыды"])]
[('оқу',)]
"""

from __future__ import annotations

import csv
import json
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.base import clone
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import KFold, StratifiedKFold, cross_val_predict
from sklearn.preprocessing import MultiLabelBinarizer

from .classifier import TextClassifier

MODEL_FORMAT = "kzedutext-text-classifier"
LABEL_FIELDS = ("labels", "label", "themes")
DATA_SUFFIXES = (".csv", ".jsonl", ".json")


@dataclass(frozen=True)
class LabelledData:
    """Texts with their labels (a tuple per text; one label each when multi-class)."""

    texts: tuple[str, ...]
    labels: tuple[tuple[str, ...], ...]
    ids: tuple[str, ...]
    multilabel: bool

    @property
    def y(self) -> list:
        """Labels in the form :meth:`TextClassifier.fit` takes (unlabelled rows become ``None``)."""
        if self.multilabel:
            return [list(labels) for labels in self.labels]
        return [labels[0] if labels else None for labels in self.labels]


@dataclass(frozen=True)
class TrainReport:
    """What :func:`train` did: the data, the cross-validated scores, where the model went."""

    n_texts: int
    classes: tuple[str, ...]
    multilabel: bool
    cv_folds: int
    cv_accuracy: float | None  # subset accuracy when multi-label
    cv_macro_f1: float | None
    cv_micro_f1: float | None
    model_path: str | None


@dataclass(frozen=True)
class ClassifyRecord:
    """One classified text: its id, its labels and the probability of every class."""

    id: str
    labels: tuple[str, ...]
    scores: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"id": self.id, "labels": list(self.labels), "scores": self.scores}


def _split_labels(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    text = str(value).strip()
    if text.startswith("["):
        return _split_labels(json.loads(text))
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _rows(path: Path) -> list[dict]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return list(csv.DictReader(fh))
    if path.suffix.lower() in (".jsonl", ".json"):
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{n} is not a JSON object: {err}") from err
        return rows
    raise ValueError(f"unsupported data file {str(path)!r}: use one of {', '.join(DATA_SUFFIXES)}")


class MissingTextError(ValueError):
    """A data row gives no text: its text cell is empty and it names no file."""


def _text_of(row: dict, base: Path, text_field: str, *, where: str = "") -> str:
    if row.get(text_field):
        return str(row[text_field])
    if row.get("file"):
        from ..ingest import read

        return read(base / row["file"]).text_in("kk")
    name = f" (id {row['id']!r})" if row.get("id") else ""
    problem = f"its {text_field!r} cell is empty" if text_field in row else f"it has no {text_field!r} column"
    raise MissingTextError(f"{where}{name} has no text: {problem} and it names no 'file' "
                           "(give the text column with text_field= / --text-field)")


def load_labelled(path: str | Path, *, text_field: str = "text", label_field: str | None = None,
                  require_labels: bool = True) -> LabelledData:
    """Read texts and labels from a CSV or JSON-lines file (see the module docstring).

    Raises:
        ValueError: when the file type is unsupported, a row has no text, or
            ``require_labels`` and no label column is found.
    """
    path = Path(path)
    rows = _rows(path)
    if not rows:
        return LabelledData((), (), (), False)
    if label_field is None:
        label_field = next((f for f in LABEL_FIELDS if f in rows[0]), None)
        if label_field is None and require_labels:
            raise ValueError(f"{path} has no label column; expected one of {LABEL_FIELDS}, or name the column "
                             "(label_field= in Python, --label-field on the command line)")
    elif label_field not in rows[0]:
        raise ValueError(f"label_field {label_field!r} is not a column of {path}")
    first_row = 2 if path.suffix.lower() == ".csv" else 1  # a CSV's line 1 is its header
    texts = tuple(_text_of(row, path.parent, text_field, where=f"{path}, line {n}")
                  for n, row in enumerate(rows, first_row))
    labels = tuple(_split_labels(row.get(label_field)) if label_field else () for row in rows)
    ids = tuple(str(row.get("id", i)) for i, row in enumerate(rows))
    return LabelledData(texts, labels, ids, any(len(v) > 1 for v in labels))


def save_model(model, path: str | Path) -> Path:
    """Pickle ``model`` with a format header (load it only from sources you trust)."""
    from .. import __version__

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump({"format": MODEL_FORMAT, "kzedutext": __version__, "model": model}, fh)
    return path


def load_model(path: str | Path):
    """The model saved by :func:`save_model` (a pickle: load only files you trust)."""
    try:
        with Path(path).open("rb") as fh:
            payload = pickle.load(fh)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError) as err:
        raise ValueError(f"{str(path)!r} is not a kzedutext model file ({err})") from err
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise ValueError(f"{str(path)!r} is not a kzedutext model file (saved with kzedutext.ml.save_model)")
    return payload["model"]


def _cross_validate(model, data: LabelledData, folds: int) -> tuple[int, float | None, float | None, float | None]:
    if data.multilabel:
        binarizer = MultiLabelBinarizer().fit([list(v) for v in data.labels])
        truth = binarizer.transform([list(v) for v in data.labels])
        folds = min(folds, len(data.texts))
        if folds < 2:
            return 0, None, None, None
        pred = cross_val_predict(model, list(data.texts), truth, cv=KFold(folds, shuffle=True, random_state=0))
    else:
        truth = np.array(data.y, dtype=object)
        _, counts = np.unique(truth.astype(str), return_counts=True)
        folds = min(folds, int(counts.min()))
        if folds < 2:
            return 0, None, None, None
        pred = cross_val_predict(model, list(data.texts), truth.astype(str),
                                 cv=StratifiedKFold(folds, shuffle=True, random_state=0))
        truth = truth.astype(str)
    return (folds, float(accuracy_score(truth, pred)), float(f1_score(truth, pred, average="macro", zero_division=0)),
            float(f1_score(truth, pred, average="micro", zero_division=0)))


def train(data: str | Path | LabelledData, model_path: str | Path | None = None, *, cv: int = 5,
          classifier: TextClassifier | None = None, text_field: str = "text",
          label_field: str | None = None, weak: bool = False, weak_threshold: float = 0.5) -> TrainReport:
    """Cross-validate, fit on all the data, and save the model to ``model_path`` (if given).

    Args:
        data: a CSV/JSON-lines file (see :func:`load_labelled`) or a :class:`LabelledData`.
        cv: number of cross-validation folds (fewer if a class is rarer; 0 or 1 skips it).
        classifier: the estimator to fit (a clone is fitted); ``TextClassifier()`` by default.
        weak: ignore the file's labels and take the zero-training theme scorer's
            themes (score ≥ ``weak_threshold``) as weak labels: bootstrap a model on an
            unlabelled corpus.
    """
    if cv < 0:
        raise ValueError(f"cv must be >= 0, got {cv}")
    if not isinstance(data, LabelledData):
        data = load_labelled(data, text_field=text_field, label_field=label_field, require_labels=not weak)
    if weak:
        labels = tuple(weak_labels(data.texts, threshold=weak_threshold))
        data = LabelledData(data.texts, labels, data.ids, True)
    if not data.texts:
        raise ValueError("no texts to train on: the data file is empty")
    model = clone(classifier) if classifier is not None else TextClassifier()
    folds, acc, macro, micro = _cross_validate(model, data, cv) if cv >= 2 else (0, None, None, None)
    model.fit(list(data.texts), data.y)
    if model_path is not None:
        save_model(model, model_path)
    classes = tuple(str(c) for c in model.classes_)
    return TrainReport(len(data.texts), classes, data.multilabel, folds, acc, macro, micro,
                       str(model_path) if model_path is not None else None)


def weak_labels(texts: Iterable[str], *, threshold: float = 0.5, nlp=None) -> list[tuple[str, ...]]:
    """Themes the zero-training scorer gives each text (score ≥ ``threshold``), best first.

    A text with no theme above the threshold gets its single best theme, so every
    text has a label to learn from.
    """
    from ..themes import score_texts

    out = []
    for scores in score_texts(list(texts), nlp=nlp):
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        chosen = tuple(t for t, s in ranked if s >= threshold) or ((ranked[0][0],) if ranked else ())
        out.append(chosen)
    return out


@dataclass(frozen=True)
class ClassifySummary:
    """What a ``classify`` run wrote, and what it could not read (path or row, and why)."""

    n_written: int
    failed: tuple[tuple[str, str], ...]
    out: str


def _inputs_to_texts(inputs: Sequence[str | Path], text_field: str
                     ) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Texts and ids of data files' rows and of documents; a row without text or a file
    that cannot be read is left out and listed (where, why), never stopping the rest."""
    from ..batch.inputs import iter_input_files, path_text, read_input
    from ..ingest import ReadError

    texts, ids, failed = [], [], []
    for item in inputs:
        path = Path(item)
        if path.is_file() and path.suffix.lower() in DATA_SUFFIXES:
            rows = _rows(path)
            first_row = 2 if path.suffix.lower() == ".csv" else 1
            for n, row in enumerate(rows, first_row):
                where = f"{path}, line {n}"
                try:
                    texts.append(_text_of(row, path.parent, text_field, where=where))
                except (MissingTextError, ReadError, OSError) as err:  # or the file it names is bad
                    failed.append((where, str(err)))
                    continue
                ids.append(str(row.get("id", n - first_row)))
            continue
        for file in iter_input_files([path]):
            document, _, status = read_input(file)
            if document is None:
                failed.append((path_text(file), status))
                continue
            texts.append(document.text_in("kk"))
            ids.append(path_text(file))
    return texts, ids, failed


def classify(model, texts: Sequence[str], *, ids: Sequence[str] | None = None,
             threshold: float = 0.5) -> list[ClassifyRecord]:
    """Apply ``model`` (a fitted classifier or the path of a saved one) to ``texts``."""
    if isinstance(model, str | Path):
        model = load_model(model)
    texts = list(texts)
    if not texts:
        return []
    ids = list(ids) if ids is not None else [str(i) for i in range(len(texts))]
    if len(ids) != len(texts):
        raise ValueError(f"{len(ids)} ids for {len(texts)} texts")
    proba = model.predict_proba(texts)
    labels = model.predict_labels(texts, threshold=threshold)
    classes = [str(c) for c in model.classes_]
    return [ClassifyRecord(i, tuple(str(x) for x in lab), {c: round(float(p), 4) for c, p in zip(classes, row, strict=True)})
            for i, lab, row in zip(ids, labels, proba, strict=True)]


def classify_to_file(model_path: str | Path, inputs: Sequence[str | Path], out: str | Path, *,
                     text_field: str = "text", threshold: float = 0.5) -> ClassifySummary:
    """Classify data files (CSV/JSON lines) or documents (files, folders) and write JSON lines.

    Rows without text and files that cannot be read are left out and listed in the
    summary's ``failed``; they never stop the others.
    """
    texts, ids, failed = _inputs_to_texts(inputs, text_field)
    records = classify(model_path, texts, ids=ids, threshold=threshold)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec.to_dict(), ensure_ascii=False) + "\n")
    return ClassifySummary(len(records), tuple(failed), str(out))
