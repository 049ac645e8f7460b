"""Train, save and apply a :class:`TextClassifier`: the plain functions behind
``kzedutext train`` and ``kzedutext classify``.

Labelled data is a CSV or JSON-lines file with one text per row. The text is in a
``text`` column, or in a file named by a ``file`` column (relative to the data file,
read with :func:`kzedutext.read`, as in ``corpus/meta.jsonl``). The labels are in
``labels``, ``label`` or ``themes`` (the first present), or the column you name. A
label cell may be a JSON list or a ``;``-separated string. If any row has more than
one label, the task is multi-label. An empty label cell is an unlabelled row.

- **CSV:** the delimiter (``,``, ``;`` or tab, as Excel writes it in kk/ru locales) is
  sniffed from the first lines; cells may span lines.
- **JSON:** one object per line (``.jsonl``), or a ``.json`` file holding one array of
  objects. A record that is not an object is an error naming its line in ``train``,
  and is left out (and listed) by ``classify``.
- Column names match whatever their case and surrounding spaces (``Text``,
  ``" label "``); a UTF-8 BOM is allowed in every format.

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
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.preprocessing import MultiLabelBinarizer

from .classifier import TextClassifier, expected_sklearn_warnings

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
    n_labelled: int | None = None  # texts with a label (multi-class); every text when multi-label
    cv_skipped: str = ""  # why cross-validation was asked for (cv >= 2) but not done, else ""


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


@dataclass(frozen=True)
class _Row:
    """One record of a data file: where it starts (physical line) and its cells, or why it
    cannot be read. Cell names are stripped and lower-cased (see :func:`_column`)."""

    line: int
    cells: dict | None
    problem: str = ""


def _column(name) -> str:
    """How column names are matched: ``" Text "``, ``"TEXT"`` and ``"text"`` are one column."""
    return str(name).strip().casefold()


def _cells(record: dict) -> dict:
    cells: dict = {}
    for key, value in record.items():
        cells.setdefault(_column(key), value)  # the first of two columns that match wins
    return cells


_DELIMITERS = ",;\t"
_SNIFF_LINES = 20


def _delimiter(fh) -> str:
    """The CSV delimiter (``,``, ``;`` or tab) sniffed from the first lines; ``,`` if unsure.

    The sniffed delimiter must occur in the header line: long multi-line cells can fool
    the sniffer, and a header line never holds a delimiter as data.
    """
    import itertools

    sample = "".join(itertools.islice(fh, _SNIFF_LINES))
    fh.seek(0)
    header = sample.splitlines()[0] if sample else ""
    try:
        found = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in header:
        return found
    counts = [(header.count(d), d) for d in _DELIMITERS]
    best = max(counts, key=lambda c: c[0])
    return best[1] if best[0] else ","


def _csv_rows(path: Path) -> tuple[list[_Row], tuple[str, ...]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, delimiter=_delimiter(fh))
        header = next(reader, None)
        if header is None:
            return [], ()
        names = [_column(h) for h in header]
        rows, last_line = [], reader.line_num
        for values in reader:
            start, last_line = last_line + 1, reader.line_num  # the record's first physical line
            if not values:  # a blank line
                continue
            cells: dict = {}
            for name, value in zip(names, values + [None] * (len(names) - len(values)), strict=False):
                cells.setdefault(name, value)
            rows.append(_Row(start, cells))
    return rows, tuple(h.strip() for h in header)


_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false",
               type(None): "null"}


def _json_row(value, line: int) -> _Row:
    if isinstance(value, dict):
        return _Row(line, _cells(value))
    kind = _JSON_KINDS.get(type(value), type(value).__name__)
    return _Row(line, None, f"not a JSON object ({kind}); each record must be {{...}}")


def _json_array_rows(text: str) -> list[_Row]:
    """The objects of a JSON array, each with the line it starts on."""
    decoder = json.JSONDecoder()
    rows, pos = [], text.index("[") + 1

    def skip(p: int) -> int:
        while p < len(text) and text[p] in " \t\r\n":
            p += 1
        return p

    pos = skip(pos)
    if pos < len(text) and text[pos] == "]":
        return rows
    while True:
        value, end = decoder.raw_decode(text, pos)
        rows.append(_json_row(value, text.count("\n", 0, pos) + 1))
        pos = skip(end)
        if pos < len(text) and text[pos] == ",":
            pos = skip(pos + 1)
            continue
        if pos < len(text) and text[pos] == "]":
            return rows
        raise json.JSONDecodeError("expected ',' or ']'", text, pos)


def _json_rows(path: Path) -> list[_Row]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json" and text.lstrip().startswith("["):
        try:
            return _json_array_rows(text)
        except json.JSONDecodeError as err:
            raise ValueError(f"{path} is not a JSON array of objects: {err}") from err
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append(_json_row(json.loads(line), n))
            except json.JSONDecodeError as err:
                rows.append(_Row(n, None, f"not valid JSON: {err}"))
    return rows


def _rows(path: Path) -> tuple[list[_Row], tuple[str, ...]]:
    """The records of a data file and the column names found (in the file's spelling).

    CSV: the delimiter is sniffed (``,`` ``;`` tab); JSON lines, or a ``.json`` file that
    holds one JSON array of objects. A UTF-8 BOM is allowed in both.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix in (".jsonl", ".json"):
        rows = _json_rows(path)
        names: dict[str, None] = {}
        for row in rows:
            names.update(dict.fromkeys(row.cells or ()))
        return rows, tuple(names)
    raise ValueError(f"unsupported data file {str(path)!r}: use one of {', '.join(DATA_SUFFIXES)}")


class MissingTextError(ValueError):
    """A data row gives no text: its text cell is empty and it names no file.

    ``where`` is the row (file, line and id) and ``reason`` what is missing, so a list
    of rows not read can print each location once.
    """

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where} {reason}")
        self.where = where
        self.reason = reason


def _where(path: Path, row: _Row) -> str:
    ident = row.cells.get("id") if row.cells else None
    return f"{path}, line {row.line}" + (f" (id {ident!r})" if ident else "")


def _text_of(row: _Row, path: Path, text_field: str, columns: tuple[str, ...]) -> str:
    cells, key = row.cells or {}, _column(text_field)
    if cells.get(key):
        return str(cells[key])
    if cells.get("file"):
        from ..ingest import read

        return read(path.parent / cells["file"]).text_in("kk")
    if key in cells:
        problem = f"its {text_field!r} cell is empty"
    else:
        problem = f"it has no {text_field!r} column (columns found: {', '.join(map(repr, columns)) or 'none'})"
    raise MissingTextError(_where(path, row), f"has no text: {problem} and it names no 'file' "
                           "(give the text column with text_field= / --text-field)")


def load_labelled(path: str | Path, *, text_field: str = "text", label_field: str | None = None,
                  require_labels: bool = True) -> LabelledData:
    """Read texts and labels from a CSV, JSON-lines or JSON-array file (see the module docstring).

    Column names match whatever their case and surrounding spaces (``Text``, ``" label "``).

    Raises:
        ValueError: when the file type is unsupported, a record is not a JSON object,
            a row has no text, or ``require_labels`` and no label column is found.
    """
    path = Path(path)
    rows, columns = _rows(path)
    bad = next((row for row in rows if row.cells is None), None)
    if bad is not None:
        raise ValueError(f"{path}, line {bad.line} is {bad.problem}")
    if not rows:
        return LabelledData((), (), (), False)
    found = f"columns found: {', '.join(map(repr, columns)) or 'none'}"
    present = {_column(c) for c in columns}
    if label_field is None:
        label_key = next((f for f in LABEL_FIELDS if f in present), None)
        if label_key is None and require_labels:
            raise ValueError(f"{path} has no label column; expected one of {LABEL_FIELDS} ({found}), or name the "
                             "column (label_field= in Python, --label-field on the command line)")
    else:
        label_key = _column(label_field)
        if label_key not in present:
            raise ValueError(f"label_field {label_field!r} is not a column of {path} ({found})")
    texts = tuple(_text_of(row, path, text_field, columns) for row in rows)
    labels = tuple(_split_labels(row.cells.get(label_key)) if label_key else () for row in rows)
    ids = tuple(str(row.cells.get("id", i)) for i, row in enumerate(rows))
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


def _cross_validate(model, data: LabelledData, folds: int
                    ) -> tuple[int, float | None, float | None, float | None, str]:
    """``folds``-fold CV (fewer if a class is rarer): (folds done, accuracy, macro-F1,
    micro-F1, why it was skipped).

    Multi-class: only labelled rows are scored; the unlabelled rows join every fold's
    training texts unlabelled, as they join the final fit. Multi-label: every row, an
    empty row being a text with none of the labels.
    """
    texts = list(data.texts)
    if data.multilabel:
        binarizer = MultiLabelBinarizer().fit([list(v) for v in data.labels])
        truth = binarizer.transform([list(v) for v in data.labels])
        folds = min(folds, len(texts))
        if folds < 2:
            return 0, None, None, None, "cross-validation skipped: a single text cannot be cross-validated"
        splits = KFold(folds, shuffle=True, random_state=0).split(texts)
        pred = np.zeros_like(truth)
        for train_idx, test_idx in splits:
            fold = clone(model).fit([texts[i] for i in train_idx], truth[train_idx])
            pred[test_idx] = fold.predict([texts[i] for i in test_idx])
    else:
        y = data.y
        known = [i for i, v in enumerate(y) if v is not None]
        unknown = [texts[i] for i, v in enumerate(y) if v is None]
        truth = np.array([str(y[i]) for i in known], dtype=object)
        classes, counts = np.unique(truth, return_counts=True)
        folds = min(folds, int(counts.min()))  # every fold needs every class
        if folds < 2:
            single = ", ".join(repr(c) for c, n in zip(classes, counts, strict=True) if n < 2)
            return 0, None, None, None, (f"cross-validation skipped: these classes have a single labelled text: "
                                         f"{single} (every class needs at least two)")
        pred = np.empty(len(known), dtype=object)
        splits = StratifiedKFold(folds, shuffle=True, random_state=0).split(np.zeros(len(known)), truth)
        for train_idx, test_idx in splits:
            fold = clone(model).fit([texts[known[i]] for i in train_idx] + unknown,
                                    [truth[i] for i in train_idx] + [None] * len(unknown))
            pred[test_idx] = [str(p) for p in fold.predict([texts[known[i]] for i in test_idx])]
        truth, pred = truth.astype(str), pred.astype(str)
    return (folds, float(accuracy_score(truth, pred)), float(f1_score(truth, pred, average="macro", zero_division=0)),
            float(f1_score(truth, pred, average="micro", zero_division=0)), "")


def _check_classes(data: LabelledData, *, weak: bool) -> None:
    """Refuse data with fewer than two classes, saying what was found."""
    found = sorted({label for labels in data.labels for label in labels})
    if len(found) >= 2:
        return
    n_labelled = sum(1 for labels in data.labels if labels)
    what = f"the only class is {found[0]!r}" if found else "no text has a label"
    if weak:
        cause = ("the theme scorer found no theme in any text (are the texts in Kazakh?)" if not found else
                 f"the theme scorer found only the theme {found[0]!r} (in {n_labelled} of {len(data.texts)} texts)")
        raise ValueError(f"weak labels give fewer than two classes to learn from: {cause}; "
                         "train on labelled data or on more varied texts")
    raise ValueError(f"a classifier needs at least two classes, but {what} "
                     f"({n_labelled} of {len(data.texts)} texts labelled); check the label column")


def train(data: str | Path | LabelledData, model_path: str | Path | None = None, *, cv: int = 5,
          classifier: TextClassifier | None = None, text_field: str = "text",
          label_field: str | None = None, weak: bool = False, weak_threshold: float = 0.5) -> TrainReport:
    """Cross-validate, fit on all the data, and save the model to ``model_path`` (if given).

    Args:
        data: a CSV/JSON-lines file (see :func:`load_labelled`) or a :class:`LabelledData`.
        cv: number of cross-validation folds (0 or 1 skips it; fewer if a class is
            rarer). Multi-class, it is run on the labelled texts only (unlabelled ones
            join each fold's fit unlabelled). When it cannot be done at all (a class
            with a single labelled text), the report's ``cv_skipped`` says why.
        classifier: the estimator to fit (a clone is fitted); ``TextClassifier()`` by default.
        weak: ignore the file's labels and take the zero-training theme scorer's
            themes (score ≥ ``weak_threshold``) as weak labels: bootstrap a model on an
            unlabelled corpus.

    Raises:
        ValueError: no texts, or fewer than two classes (with weak labels: the scorer
            found at most one theme in the texts).
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
    _check_classes(data, weak=weak)
    model = clone(classifier) if classifier is not None else TextClassifier()
    with expected_sklearn_warnings():
        folds, acc, macro, micro, skipped = _cross_validate(model, data, cv) if cv >= 2 else (0, None, None, None, "")
        model.fit(list(data.texts), data.y)
    if model_path is not None:
        save_model(model, model_path)
    classes = tuple(str(c) for c in model.classes_)
    n_labelled = len(data.texts) if data.multilabel else sum(1 for v in data.y if v is not None)
    return TrainReport(len(data.texts), classes, data.multilabel, folds, acc, macro, micro,
                       str(model_path) if model_path is not None else None, n_labelled, skipped)


def weak_labels(texts: Iterable[str], *, threshold: float = 0.5, nlp=None) -> list[tuple[str, ...]]:
    """Themes the zero-training scorer gives each text (score ≥ ``threshold``), best first.

    The rule is the scorer's own :meth:`~kzedutext.themes.ThemeResult.labels`: a text
    where no theme reaches the threshold (for example a text with no theme term at
    all, where every theme ties at the floor score) gets ``()``: no label.

    >>> weak_labels(["Инклюзивті білім беруде тьютор көмектеседі.", "Бүгін күн ашық."])
    [('inclusive_education',), ()]
    """
    from ..themes import ThemeScorer

    scorer = ThemeScorer.default()
    return [scorer.score_text(text, nlp=nlp).labels(threshold=threshold) for text in texts]


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
            rows, columns = _rows(path)
            for n, row in enumerate(rows):
                if row.cells is None:  # not a JSON object, not valid JSON
                    failed.append((f"{path}, line {row.line}", row.problem))
                    continue
                try:
                    texts.append(_text_of(row, path, text_field, columns))
                except MissingTextError as err:
                    failed.append((err.where, err.reason))
                    continue
                except (ReadError, OSError) as err:  # the file it names is bad
                    failed.append((_where(path, row), str(err)))
                    continue
                ids.append(str(row.cells.get("id", n)))
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
