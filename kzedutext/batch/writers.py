"""Record files: JSON lines, CSV and Parquet, written so that a killed run loses nothing.

- **JSON lines** and **CSV**: one record per physical line, flushed as it is
  written. A run killed in the middle of a line leaves a torn last line; the next
  run cuts it off and carries on (CSV fields never contain a line break: nested
  values are JSON, which escapes them).
- **Parquet** cannot be appended to, so records first go to a JSON-lines journal
  beside the output (``out.parquet.partial.jsonl``); the Parquet file is written
  (atomically, through a temporary file) when the run ends, and the journal removed.

:func:`read_records` reads any of the three back as the same list of dicts.

>>> import tempfile, pathlib
>>> from kzedutext.batch.records import TagRecord
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
>>> with open_writer(out) as writer:
...     writer.write(TagRecord("a.txt", "f00d", "ok", themes={"assessment": 0.7}))
>>> [(r["path"], r["themes"]) for r in read_records(out)]
[('a.txt', {'assessment': 0.7})]
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import COLUMNS, TagRecord

FORMATS = ("jsonl", "csv", "parquet")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}
_JSON_COLUMNS = ("languages", "meta", "themes", "competencies", "terms", "warnings")
_INT_COLUMNS = ("n_paragraphs", "n_chars", "n_tokens", "n_words", "n_sentences")


def format_of(out: str | Path, fmt: str | None = None) -> str:
    """``fmt`` if given, else the format the file ending names.

    >>> format_of("out/tags.parquet"), format_of("out/tags.txt", "csv")
    ('parquet', 'csv')
    """
    suffix = Path(out).suffix.lower()
    if fmt is not None:
        if fmt not in FORMATS:
            raise ValueError(f"Unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        if suffix in _SUFFIXES and _SUFFIXES[suffix] != fmt:
            raise ValueError(
                f"{str(out)!r} ends in {suffix} but the format asked for is {fmt}; a resumed run and "
                f"read_records would take the file for {_SUFFIXES[suffix]}: name it .{fmt}"
            )
        return fmt
    if suffix not in _SUFFIXES:
        raise ValueError(
            f"Cannot tell the format of {str(out)!r} from its ending; name the file .jsonl, .csv or "
            f".parquet, or give the format (fmt= in Python, --format on the command line): "
            f"one of {', '.join(FORMATS)}"
        )
    return _SUFFIXES[suffix]


def journal_path(out: str | Path) -> Path:
    """Where a Parquet run keeps its records until the run ends."""
    out = Path(out)
    return out.with_name(out.name + ".partial.jsonl")


def _csv_row(record: dict) -> dict:
    row = dict(record)
    row["top_words"] = " ".join(record["top_words"])
    for name in _JSON_COLUMNS:
        row[name] = json.dumps(record[name], ensure_ascii=False)
    return row


def _from_csv_row(row: dict) -> dict:
    record = dict(row)
    record["top_words"] = row["top_words"].split()
    for name in _JSON_COLUMNS:
        record[name] = json.loads(row[name])
    for name in _INT_COLUMNS:
        record[name] = int(row[name])
    return record


def _cut_torn_tail(path: Path) -> int:
    """Cut a last line that a killed run left without its line break; return bytes cut."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as fh:
        fh.seek(max(0, size - 1))
        if fh.read(1) == b"\n":
            return 0
        # walk back to the previous line break
        pos, block = size, 65536
        while pos > 0:
            start = max(0, pos - block)
            fh.seek(start)
            chunk = fh.read(pos - start)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            pos = start
        else:
            keep = 0
        fh.truncate(keep)
        return size - keep


def _iter_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}: line {number} is not a JSON record ({err.msg})") from err


def _iter_csv(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames and tuple(reader.fieldnames) != COLUMNS:
            raise ValueError(
                f"{path} has the columns {reader.fieldnames}, not those of this version of kzedutext; "
                "write to a new file, or start it again (overwrite=True in Python, "
                "kzedutext tag --overwrite on the command line)"
            )
        for row in reader:
            yield _from_csv_row(row)


def _parquet_schema():
    import pyarrow as pa

    mention = pa.struct([("canonical", pa.string()), ("category", pa.string()), ("count", pa.int64())])
    meta = pa.struct(
        [
            ("title", pa.string()), ("authors", pa.list_(pa.string())), ("position", pa.string()),
            ("affiliation", pa.string()), ("section", pa.string()), ("email", pa.string()),
            ("phone", pa.string()), ("year", pa.int64()), ("keywords", pa.list_(pa.string())),
            ("city", pa.string()),
        ]
    )
    types = {
        "languages": pa.map_(pa.string(), pa.float64()),
        "meta": meta,
        "themes": pa.map_(pa.string(), pa.float64()),
        "top_words": pa.list_(pa.string()),
        "warnings": pa.list_(pa.string()),
        "competencies": pa.list_(mention),
        "terms": pa.list_(mention),
        **{name: pa.int64() for name in _INT_COLUMNS},
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def _to_arrow_rows(records: Iterable[dict]) -> list[dict]:
    rows = []
    for record in records:
        row = dict(record)
        row["meta"] = record["meta"] or None  # an error record has no metadata
        rows.append(row)
    return rows


def _from_arrow_row(row: dict) -> dict:
    for name in ("languages", "themes"):
        row[name] = dict(row[name] or [])
    row["meta"] = row["meta"] or {}
    for name in ("top_words", "competencies", "terms", "warnings"):
        row[name] = list(row.get(name) or [])
    return row


def _iter_parquet(path: Path) -> Iterator[dict]:
    try:
        import pyarrow.parquet as pq
    except ImportError as err:  # pragma: no cover - pyarrow is a dependency
        raise ImportError("Reading Parquet needs pyarrow: pip install pyarrow") from err
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=1024):
        for row in batch.to_pylist():
            yield _from_arrow_row(row)


def read_records(path: str | Path, *, fmt: str | None = None) -> Iterator[dict]:
    """The records of a file written by ``kzedutext tag`` (any format), as dicts, in file order.

    Values come back as :meth:`TagRecord.to_dict` gave them, whatever the format.
    """
    path = Path(path)
    fmt = format_of(path, fmt)
    if fmt == "parquet":
        if path.exists():
            yield from _iter_parquet(path)
        journal = journal_path(path)
        if journal.exists():  # an unfinished run: its records so far
            yield from _iter_jsonl(journal)
        return
    yield from (_iter_csv(path) if fmt == "csv" else _iter_jsonl(path))


class RecordWriter:
    """Append records to ``out``; with ``resume`` (the default) keep the records already there.

    ``done`` holds the (path, sha256) keys found in the file. Records of files
    that changed since (same path, new content) are dropped when the writer closes.
    Set ``input_order`` (path -> position) before it closes and a resumed file is put
    back in that order, so it equals a fresh run's (records of paths not in it go last).
    """

    def __init__(self, out: str | Path, *, fmt: str | None = None, resume: bool = True):
        self.out = Path(out)
        self.fmt = format_of(self.out, fmt)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        #: (path, sha256) of every record in the file → its error_kind ("" when it was tagged)
        self.done: dict[tuple[str, str], str] = {}
        self.n_written = 0
        self._replaced: set[tuple[str, str]] = set()
        self._sha_of: dict[str, set[str]] = {}
        #: sha256 -> paths of the earlier records with that content (to spot a moved spelling)
        self._paths_of: dict[str, set[str]] = {}
        #: (earlier path, sha256) -> the path the same file has now (see done_as)
        self._renamed: dict[tuple[str, str], str] = {}
        #: path -> position in the inputs; when set, close() restores that order
        self.input_order: dict[str, int] | None = None
        target = journal_path(self.out) if self.fmt == "parquet" else self.out
        if not resume:
            for stale in (self.out, journal_path(self.out)):
                stale.unlink(missing_ok=True)
        if target.exists():
            _cut_torn_tail(target)
        if self.out.exists() or target.exists():
            for record in read_records(self.out, fmt=self.fmt):
                self._remember(record["path"], record["sha256"], record.get("error_kind", ""))
        self._n_earlier = len(self.done)
        fresh = not target.exists() or target.stat().st_size == 0
        self._fh = target.open("a", encoding="utf-8", newline="")
        self._csv = None
        if self.fmt == "csv":
            self._csv = csv.DictWriter(self._fh, fieldnames=list(COLUMNS))
            if fresh:
                self._csv.writeheader()
                self._fh.flush()

    def _remember(self, path: str, sha: str, error_kind: str) -> None:
        self.done[(path, sha)] = error_kind
        self._sha_of.setdefault(path, set()).add(sha)
        self._paths_of.setdefault(sha, set()).add(path)

    def done_as(self, path: str, sha: str) -> str | None:
        """The error_kind of an earlier record of this file ("" if it was tagged), or None.

        The file may have been named another way before (relative / absolute, ``./in`` /
        ``in``): an earlier path that resolves to the same file, from here, counts.
        """
        kind = self.done.get((path, sha))
        if kind is not None:
            return kind
        real, name = os.path.realpath(path), os.path.basename(path)
        for earlier in sorted(self._paths_of.get(sha, ())):
            if os.path.realpath(earlier) == real:
                return self.done[(earlier, sha)]
        for earlier in sorted(self._paths_of.get(sha, ())):
            # named from another folder before: that path leads nowhere from here, and a file
            # of the same name and content is here. Its record is kept, under today's name.
            if os.path.basename(earlier) == name and not os.path.exists(earlier):
                self._renamed[(earlier, sha)] = path
                return self.done[(earlier, sha)]
        return None

    def write(self, record: TagRecord) -> None:
        for old in self._sha_of.get(record.path, ()):
            if old != record.sha256:  # the file changed since the earlier run
                self._replaced.add((record.path, old))
        name = os.path.basename(record.path)
        for earlier in self._paths_of.get(record.sha256, ()):
            # the same file named from another folder before (a path that no longer leads
            # anywhere from here, with the same name and content): one record, not two
            if earlier != record.path and os.path.basename(earlier) == name and not os.path.exists(earlier):
                self._replaced.add((earlier, record.sha256))
        row = record.to_dict()
        if self._csv is not None:
            self._csv.writerow(_csv_row(row))
        else:
            self._fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        self._fh.flush()  # a killed run keeps every record written so far
        self._remember(record.path, record.sha256, record.error_kind)
        self.n_written += 1

    def close(self) -> None:
        if self._fh.closed:
            return
        self._fh.close()
        if self.fmt == "parquet":
            self._write_parquet()
        elif self._replaced or self._renamed or self._reorder():
            self._rewrite_without_replaced()

    def _reorder(self) -> bool:
        """Whether records added to an earlier run's file must be put back in input order."""
        return self.input_order is not None and self._n_earlier > 0 and bool(self.n_written or self._renamed)

    def _kept(self) -> Iterator[dict]:
        """The records to keep: each key once, files that changed since only in their new version;
        in input order when the file was resumed and ``input_order`` is set."""
        seen: set[tuple[str, str]] = set()
        kept = []
        for record in read_records(self.out, fmt=self.fmt):
            key = (record["path"], record["sha256"])
            if key in self._renamed:
                record["path"] = self._renamed[key]
                key = (record["path"], record["sha256"])
            if key not in self._replaced and key not in seen:
                seen.add(key)
                kept.append(record)
        if self._reorder():
            last = len(self.input_order)
            kept.sort(key=lambda record: self.input_order.get(record["path"], last))  # stable
        yield from kept

    def _rewrite_without_replaced(self) -> None:
        tmp = self.out.with_name(self.out.name + ".tmp")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(COLUMNS)) if self.fmt == "csv" else None
            if writer:
                writer.writeheader()
            for record in self._kept():
                if writer:
                    writer.writerow(_csv_row(record))
                else:
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        os.replace(tmp, self.out)

    def _write_parquet(self, batch_size: int = 1000) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _parquet_schema()
        tmp = self.out.with_name(self.out.name + ".tmp")
        with pq.ParquetWriter(tmp, schema) as writer:
            batch: list[dict] = []
            written = False
            for record in self._kept():
                batch.append(record)
                if len(batch) == batch_size:
                    writer.write_table(pa.Table.from_pylist(_to_arrow_rows(batch), schema=schema))
                    batch, written = [], True
            if batch or not written:  # an empty run still leaves a valid (empty) file
                writer.write_table(pa.Table.from_pylist(_to_arrow_rows(batch), schema=schema))
        os.replace(tmp, self.out)
        journal_path(self.out).unlink(missing_ok=True)

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_writer(out: str | Path, *, fmt: str | None = None, resume: bool = True) -> RecordWriter:
    """A :class:`RecordWriter` for ``out`` (the format from ``fmt`` or the file ending)."""
    return RecordWriter(out, fmt=fmt, resume=resume)
