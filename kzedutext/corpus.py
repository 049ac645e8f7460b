"""A lazy corpus of Kazakh documents: ``kz.Corpus``.

Texts are read and processed only when iterated, in batches through
``nlp.pipe`` (``n_process``, ``batch_size``). Processed docs are cached by the
hash of their text and of the pipeline (its config, and the content of every file
the config names, such as an ``ontology_file``): in memory (turn it off with
``keep_in_memory=False`` for a corpus larger than memory), and on disk as spaCy
``DocBin`` files when ``cache_dir`` is given, so a second pass, or a second
session, does not run the pipeline again.

>>> corpus = Corpus.from_texts(["Мұғалім сабақ береді.", "Оқушылар кітап оқиды."], ids=["a", "b"])
>>> len(corpus), [len(doc) for doc in corpus]
(2, [4, 4])
>>> corpus.to_dataframe()[["id", "n_words", "n_sentences"]].values.tolist()
[['a', 3, 1], ['b', 3, 1]]
>>> [row.term for row in corpus.frequency(top=3)]
['бер', 'кітап', 'мұғалім']
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .analytics.terms import is_word
from .ingest import SUFFIXES, Document, ReadError, read
from .text.langid import identify


@dataclass(frozen=True)
class CorpusItem:
    """One document of a corpus before processing: id, text (or a path to read), metadata."""

    id: str
    text: str | None = None
    path: str | None = None
    meta: dict = field(default_factory=dict)


@dataclass
class _Loaded:
    text: str
    meta: dict
    language: str


@dataclass(frozen=True)
class ReadFailure:
    """A file left out of a corpus: its path, why ``kz.read`` refused it, the error's class name."""

    path: str
    reason: str
    error: str

    def to_dict(self) -> dict:
        return {"path": self.path, "reason": self.reason, "error": self.error}


#: what ``from_files`` / ``from_dir`` do with a file ``kz.read`` cannot read
ERRORS = ("skip", "raise")


def _load_item(item: CorpusItem) -> _Loaded:
    """Read one item: a file with ``kz.read`` (its meta under the given one), or a text as is."""
    if item.path is not None:
        document: Document = read(item.path)
        meta = {**document.meta.to_dict(), **{k: v for k, v in item.meta.items() if v is not None}}
        return _Loaded(document.text_in(), meta, document.language)
    text = item.text or ""
    return _Loaded(text, dict(item.meta), item.meta.get("language") or text_language(text))


def text_language(text: str) -> str:
    """The language of most of ``text``'s characters, line by line with the project's language
    identification (:mod:`kzedutext.text.langid`), as ``kz.read`` gives a file's language:
    ``"kk"``, ``"ru"``, ``"en"``, or ``"other"`` when no line is in any of them.

    >>> text_language("Мұғалім сабақ береді."), text_language("Учитель ведёт урок."), text_language("2014")
    ('kk', 'ru', 'other')
    """
    counts: Counter[str] = Counter()
    for line in text.splitlines():
        if line.strip():
            counts[identify(line)] += len(line.strip())
    top = [language for language, _ in counts.most_common() if language != "other"]
    return top[0] if top else "other"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def _file_ids(paths: Sequence[Path], *, root: Path) -> list[str]:
    """File stems, or the path relative to ``root`` for files whose stem is shared.

    >>> _file_ids([Path("a/paper.txt"), Path("b/paper.txt"), Path("c/note.pdf")], root=Path("."))
    ['a/paper.txt', 'b/paper.txt', 'note']
    """
    stems = Counter(p.stem for p in paths)
    return [_relative(p, root) if stems[p.stem] > 1 else p.stem for p in paths]


class Corpus:
    """Documents processed lazily with the Kazakh pipeline (see the module docstring).

    Build it with :meth:`from_dir`, :meth:`from_files`, :meth:`from_texts` or
    :meth:`from_dataframe`. Iterating yields spaCy Docs in corpus order.
    """

    def __init__(
        self,
        items: Sequence[CorpusItem],
        *,
        nlp: Language | None = None,
        batch_size: int = 32,
        n_process: int = 1,
        cache_dir: str | Path | None = None,
        keep_in_memory: bool = True,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if n_process < 1:
            raise ValueError(f"n_process must be at least 1, got {n_process}")
        ids = [item.id for item in items]
        if len(set(ids)) != len(ids):
            dup = next(i for i, n in Counter(ids).items() if n > 1)
            raise ValueError(f"document ids must be unique; {dup!r} is repeated")
        self.items = tuple(items)
        self.batch_size = batch_size
        self.n_process = n_process
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.keep_in_memory = keep_in_memory
        self._nlp = nlp
        self._memory: dict[str, Doc] = {}
        self._loaded: dict[int, _Loaded] = {}
        #: files left out because ``kz.read`` could not read them (see :meth:`from_files`)
        self.failures: tuple[ReadFailure, ...] = ()
        self._pipeline_fingerprint: tuple[tuple, str] | None = None

    # -- construction ---------------------------------------------------------------
    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str],
        *,
        ids: Sequence[str] | None = None,
        meta: Sequence[dict] | None = None,
        **options,
    ) -> Corpus:
        """A corpus of strings; ids default to ``"0"``, ``"1"``, ...; ``meta`` one dict per text.

        Each text's ``language`` is identified as ``kz.read`` does for files (see
        :func:`text_language`), unless its meta gives one.

        ``texts`` is a list (or other iterable) of strings: one text alone is refused,
        since it would make one document per character; wrap it as ``[text]``.
        """
        if isinstance(texts, str | bytes):
            raise ValueError(
                f"from_texts() takes a list of texts, not one {type(texts).__name__} "
                f"({len(texts)} characters would become {len(texts)} documents); wrap it in a list: "
                "Corpus.from_texts([text]). For files use Corpus.from_files or Corpus.from_dir."
            )
        texts = list(texts)
        ids = list(ids) if ids is not None else [str(i) for i in range(len(texts))]
        meta = list(meta) if meta is not None else [{} for _ in texts]
        if not len(ids) == len(meta) == len(texts):
            raise ValueError(f"ids ({len(ids)}) and meta ({len(meta)}) must match the texts ({len(texts)})")
        return cls(
            [CorpusItem(i, t, None, dict(m)) for i, t, m in zip(ids, texts, meta, strict=True)], **options
        )

    @classmethod
    def from_files(
        cls,
        paths: Iterable[str | Path],
        *,
        meta: str | Path | None = None,
        errors: str = "skip",
        **options,
    ) -> Corpus:
        """A corpus of files read with ``kz.read``.

        Ids are file stems; files sharing a stem (``paper.docx`` and ``paper.pdf``,
        ``a/paper.txt`` and ``b/paper.txt``) get their path relative to the folder the
        files share instead (``"paper.docx"``, ``"a/paper.txt"``), so ids are unique and
        do not depend on the order of ``paths``.

        ``errors="skip"`` (default) reads every file now: a file ``kz.read`` cannot read
        (corrupt, binary, empty ...) is left out, listed in :attr:`failures`
        (:class:`ReadFailure`) and summed up in one warning. ``errors="raise"`` reads
        files only when they are processed and lets the first ``kz.ReadError`` through.

        ``meta`` names a JSON-lines file whose records (matched by ``file``, a path
        relative to the meta file or a file name, or by ``id``) add fields such as
        ``year`` or ``themes`` to each document's metadata; records that match no
        file are named in a warning.

        >>> import tempfile, pathlib, warnings
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("Мұғалім сабақ береді.", encoding="utf-8")
        >>> _ = (folder / "b.txt").write_bytes(b"")
        >>> with warnings.catch_warnings(record=True):
        ...     corpus = Corpus.from_files([folder / "a.txt", folder / "b.txt"])
        >>> corpus.ids, [(pathlib.Path(f.path).name, f.error) for f in corpus.failures]
        (['a'], [('b.txt', 'EmptyFileError')])
        """
        paths = [Path(p) for p in paths]
        root = Path(os.path.commonpath([p.absolute().parent for p in paths])) if paths else Path()
        return cls._from_paths(paths, root=root, meta=meta, errors=errors, options=options)

    @classmethod
    def from_dir(
        cls,
        folder: str | Path,
        *,
        pattern: str | None = None,
        meta: str | Path | None = None,
        errors: str = "skip",
        **options,
    ) -> Corpus:
        """The files in ``folder`` (recursively, sorted by path, hidden ones skipped) that ``kz.read``
        can read, or that match ``pattern`` (e.g. ``"*.txt"``) when given.

        Ids, ``meta`` and ``errors`` are as in :meth:`from_files`; an id that needs a path
        is the path relative to ``folder``.
        """
        folder = Path(folder)
        if not folder.is_dir():
            raise ValueError(f"{str(folder)!r} is not a folder")
        files = sorted(
            p
            for p in folder.rglob(pattern or "*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
            and (pattern is not None or p.suffix.lower() in SUFFIXES)
        )
        return cls._from_paths(files, root=folder, meta=meta, errors=errors, options=options)

    @classmethod
    def _from_paths(
        cls, paths: list[Path], *, root: Path, meta: str | Path | None, errors: str, options: dict
    ) -> Corpus:
        if errors not in ERRORS:
            raise ValueError(f"errors={errors!r} is not one of {ERRORS}")
        rows = _read_meta(meta) if meta is not None else []
        used: set[int] = set()
        items = []
        for path, own_id in zip(paths, _file_ids(paths, root=root), strict=True):
            row = _meta_row(rows, path, root=root, meta_file=meta, ids=(own_id, path.stem))
            info: dict = {}
            if row is not None:
                used.add(row.line)
                info = row.record
            items.append(CorpusItem(str(info.get("id", own_id)), None, str(path), dict(info)))
        unused = [row for row in rows if row.line not in used]
        if unused:
            shown = ", ".join(
                f"line {r.line} ({r.record.get('file') or r.record.get('id')!r})" for r in unused[:3]
            )
            more = f" and {len(unused) - 3} more" if len(unused) > 3 else ""
            warnings.warn(
                f"{len(unused)} record(s) of the meta file {str(meta)!r} match no file of the corpus: "
                f"{shown}{more}; check their 'file' or 'id' fields",
                stacklevel=3,
            )
        if errors == "raise":
            return cls(items, **options)
        loaded: list[_Loaded] = []
        kept: list[CorpusItem] = []
        failures: list[ReadFailure] = []
        for item in items:
            try:
                loaded.append(_load_item(item))
            except ReadError as err:
                failures.append(ReadFailure(item.path or "", err.reason, type(err).__name__))
            else:
                kept.append(item)
        corpus = cls(kept, **options)
        corpus._loaded = dict(enumerate(loaded))
        corpus.failures = tuple(failures)
        if failures:
            shown = ", ".join(f"{Path(f.path).name} ({f.error})" for f in failures[:3])
            more = f" and {len(failures) - 3} more" if len(failures) > 3 else ""
            warnings.warn(
                f"{len(failures)} of {len(items)} files could not be read and were skipped: {shown}{more}. "
                "See corpus.failures for the reasons, or pass errors='raise' to stop at the first one.",
                stacklevel=3,
            )
        return corpus

    @classmethod
    def from_dataframe(cls, frame, *, text: str = "text", id: str | None = None, **options) -> Corpus:
        """One document per row: the ``text`` column, ids from ``id`` (default: the index), other columns as meta."""
        if text not in frame.columns:
            raise ValueError(f"text column {text!r} not in the frame's columns {list(frame.columns)}")
        if id is not None and id not in frame.columns:
            raise ValueError(f"id column {id!r} not in the frame's columns {list(frame.columns)}")
        records = frame.to_dict(orient="records")
        ids = [str(r[id]) for r in records] if id is not None else [str(i) for i in frame.index]
        meta = [{k: v for k, v in r.items() if k not in (text, id)} for r in records]
        return cls.from_texts([str(r[text]) for r in records], ids=ids, meta=meta, **options)

    # -- access -----------------------------------------------------------------------
    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .pipeline import load

            self._nlp = load()
        return self._nlp

    @property
    def ids(self) -> list[str]:
        return [item.id for item in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"Corpus({len(self)} documents)"

    def _load(self, i: int) -> _Loaded:
        if i not in self._loaded:
            self._loaded[i] = _load_item(self.items[i])
        return self._loaded[i]

    def texts(self) -> Iterator[str]:
        """The texts analysed (for files: the text without the reference list)."""
        return (self._load(i).text for i in range(len(self)))

    def meta(self, i: int) -> dict:
        """Metadata of document ``i``: what ``kz.read`` found, overridden by the meta file or given meta."""
        return self._load(i).meta

    def _key(self, text: str) -> str:
        h = hashlib.sha256(self._pipeline_key().encode() + b"\0" + text.encode("utf-8"))
        return h.hexdigest()[:32]

    def _pipeline_key(self) -> str:
        """What the processed docs depend on besides the text: the pipeline's config and the
        content of every file it names (computed again when a component is replaced)."""
        nlp = self.nlp
        components = (id(nlp), tuple((name, id(component)) for name, component in nlp.pipeline))
        if self._pipeline_fingerprint is None or self._pipeline_fingerprint[0] != components:
            self._pipeline_fingerprint = (components, pipeline_fingerprint(nlp))
        return self._pipeline_fingerprint[1]

    def _cached(self, key: str) -> Doc | None:
        if key in self._memory:
            return self._memory[key]
        if self.cache_dir is not None and (path := self.cache_dir / f"{key}.spacy").exists():
            doc = next(iter(DocBin().from_disk(path).get_docs(self.nlp.vocab)))
            if self.keep_in_memory:
                self._memory[key] = doc
            return doc
        return None

    def _store(self, key: str, doc: Doc) -> None:
        if self.keep_in_memory:
            self._memory[key] = doc
        if self.cache_dir is not None:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            DocBin(
                attrs=["ORTH", "LEMMA", "NORM", "SENT_START", "SPACY"], store_user_data=True, docs=[doc]
            ).to_disk(self.cache_dir / f"{key}.spacy")

    def __iter__(self) -> Iterator[Doc]:
        """Processed docs in corpus order; only texts not in the cache go through ``nlp.pipe``."""
        order: list[str] = []
        todo: dict[str, str] = {}  # key -> text, not cached yet (a repeated text is processed once)
        ready: dict[str, Doc] = {}

        def flush() -> Iterator[Doc]:
            piped = self.nlp.pipe(list(todo.values()), batch_size=self.batch_size, n_process=self.n_process)
            for key, doc in zip(list(todo), piped, strict=True):
                self._store(key, doc)
                ready[key] = doc
            todo.clear()
            for key in order:
                yield ready[key]
            order.clear()
            ready.clear()

        chunk = self.batch_size * self.n_process
        for i in range(len(self)):
            text = self._load(i).text
            key = self._key(text)
            if key not in todo and key not in ready:
                doc = self._cached(key)
                if doc is None:
                    todo[key] = text
                else:
                    ready[key] = doc
            order.append(key)
            if len(todo) >= chunk or (not todo and len(order) >= chunk):
                yield from flush()
        yield from flush()

    def __getitem__(self, i: int) -> Doc:
        """Processed doc ``i``."""
        text = self._load(i).text
        key = self._key(text)
        doc = self._cached(key)
        if doc is None:
            doc = self.nlp(text)
            self._store(key, doc)
        return doc

    # -- tables -----------------------------------------------------------------------
    def records(self) -> Iterator[dict]:
        """One dict per document: id, meta fields, language, counts, themes, competencies and terms.

        ``themes`` is ``doc.cats``; ``primary_theme`` is the best theme when it reaches the
        threshold of ``kzedutext tag`` (0.5, :func:`kzedutext.batch.records.primary_theme`),
        else None; ``competencies`` and ``terms`` count the spans of
        ``doc.spans["competencies"]`` / ``["terms"]`` by canonical form. They are empty
        when the pipeline has no component that sets them.
        """
        from .batch.records import primary_theme  # the CLI's rule, so both give the same theme

        for i, doc in enumerate(self):
            loaded = self._load(i)
            themes = {k: round(float(v), 4) for k, v in doc.cats.items()}
            own = ("id", "path", "language", "n_tokens", "n_words", "n_sentences", "themes", "primary_theme")
            # labels given in the metadata keep their value under a meta_ name
            meta = {
                (f"meta_{k}" if k in own + ("competencies", "terms") else k): v
                for k, v in loaded.meta.items()
            }
            yield {
                "id": self.items[i].id,
                "path": self.items[i].path,
                **meta,
                "language": loaded.language,
                "n_tokens": sum(1 for t in doc if not t.is_space),
                "n_words": sum(1 for t in doc if is_word(t)),
                "n_sentences": sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 0,
                "themes": themes,
                "primary_theme": primary_theme(doc.cats) or None,
                "competencies": _span_counts(doc, "competencies"),
                "terms": _span_counts(doc, "terms"),
            }

    def to_dataframe(self):
        """A pandas DataFrame, one row per document (see :meth:`records`)."""
        import pandas as pd

        return pd.DataFrame.from_records(list(self.records()))

    # -- analytics (thin wrappers, see kzedutext.analytics) ---------------------------
    def frequency(self, **options):
        from .analytics.frequency import frequency

        return frequency(self, **options)

    def kwic(self, query: str, **options):
        from .analytics.kwic import kwic

        return kwic(self, query, **options)

    def ngrams(self, n: int = 2, **options):
        from .analytics.ngrams import ngrams

        return ngrams(self, n, **options)

    def collocations(self, **options):
        from .analytics.collocations import collocations

        return collocations(self, **options)

    def keyness(self, where, **options):
        """Keywords of the documents whose metadata satisfies ``where(meta)`` against the rest."""
        from .analytics.keyness import keyness

        inside = [self[i] for i in range(len(self)) if where(self.meta(i))]
        outside = [self[i] for i in range(len(self)) if not where(self.meta(i))]
        return keyness(inside, outside, **options)

    def find_reuse(self, **options):
        """Pairs of documents sharing passages (positions in the corpus), see :func:`kz.find_reuse`."""
        from .reuse import find_reuse

        return find_reuse(list(self), **options)


def pipeline_fingerprint(nlp: Language) -> str:
    """A hash of the pipeline's config (``nlp.config``) and of the content of every file a
    config value names, so a cache keyed by it is not reused after a component's options
    or its data file (``ontology_file=``, ``extra_taxonomies=``) change.

    >>> import kzedutext as kz
    >>> pipeline_fingerprint(kz.load()) == pipeline_fingerprint(kz.load())
    True
    """
    try:
        config = nlp.config.to_str()
    except Exception:  # a value thinc cannot write: its repr still tells configs apart
        config = json.dumps(dict(nlp.config), sort_keys=True, default=repr)
    h = hashlib.sha256(config.encode("utf-8") + b"\0" + _package_data_fingerprint().encode())
    for path in sorted(set(_config_files(dict(nlp.config)))):
        h.update(b"\0" + path.encode("utf-8") + b"\0" + hashlib.sha256(Path(path).read_bytes()).digest())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def _package_data_fingerprint() -> str:
    """A hash of kzedutext's version and of its bundled data files (lexicon, ontology,
    taxonomy, word lists): a checkout with other data does not reuse cached docs."""
    from . import __version__

    root = Path(__file__).parent
    h = hashlib.sha256(__version__.encode())
    for path in sorted(root.glob("**/data/*")):
        if path.is_file():
            h.update(b"\0" + path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _config_files(value) -> Iterator[str]:
    """Every string in a (nested) config value that names an existing file."""
    if isinstance(value, dict):
        for v in value.values():
            yield from _config_files(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _config_files(v)
    elif isinstance(value, str | Path) and str(value) and "\n" not in str(value):
        try:
            if Path(value).is_file():
                yield str(Path(value).resolve())
        except (OSError, ValueError):
            pass


def _span_counts(doc: Doc, key: str) -> list[dict]:
    """[{canonical, category, count}] for the spans of ``doc.spans[key]``, most frequent first."""
    if key not in doc.spans:
        return []
    counts: Counter[str] = Counter()
    category: dict[str, str] = {}
    for span in doc.spans[key]:
        canonical = (span._.canonical if span.has_extension("canonical") else None) or span.text.lower()
        counts[canonical] += 1
        category.setdefault(canonical, span.label_)
    return [{"canonical": c, "category": category[c], "count": n} for c, n in counts.most_common()]


@dataclass(frozen=True)
class _MetaRow:
    line: int
    record: dict


def _read_meta(path: str | Path) -> list[_MetaRow]:
    """The records of a JSON-lines meta file; an error names the file and the line."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ValueError(
                f"meta file {str(path)!r}, line {n}: not a JSON record ({err.msg}, column {err.colno}); "
                'each line must be one JSON object such as {"file": "a.txt", "year": 2020}'
            ) from None
        if not isinstance(record, dict):
            raise ValueError(
                f"meta file {str(path)!r}, line {n}: expected a JSON object, got {type(record).__name__}"
            )
        rows.append(_MetaRow(n, record))
    return rows


def _meta_row(
    rows: list[_MetaRow], path: Path, *, root: Path, meta_file: str | Path | None, ids: tuple[str, ...]
) -> _MetaRow | None:
    """The first record naming ``path`` by its ``file`` (a path relative to the meta file
    or to ``root``, or the file name), else the first whose ``id`` is one of ``ids``."""
    if not rows:
        return None
    here = path.resolve()
    relative = _relative(path, root)
    for row in rows:
        file = row.record.get("file")
        if file is None:
            continue
        file = str(file)
        if file in (relative, path.name) or (
            meta_file is not None and (Path(meta_file).parent / file).resolve() == here
        ):
            return row
    for row in rows:
        if "id" in row.record and str(row.record["id"]) in ids:
            return row
    return None
