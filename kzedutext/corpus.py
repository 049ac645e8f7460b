"""A lazy corpus of Kazakh documents: ``kz.Corpus``.

Texts are read and processed only when iterated, in batches through
``nlp.pipe`` (``n_process``, ``batch_size``). Processed docs are cached by the
hash of their text and the pipeline's components: in memory (turn it off with
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

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from .analytics.terms import is_word
from .ingest import SUFFIXES, Document, read


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
    def from_files(cls, paths: Iterable[str | Path], *, meta: str | Path | None = None, **options) -> Corpus:
        """A corpus of files read with ``kz.read`` when processed; ids are file stems.

        ``meta`` names a JSON-lines file whose records (matched by ``file`` name or
        ``id``) add fields such as ``year`` or ``themes`` to each document's metadata.
        """
        extra = _read_meta(meta) if meta is not None else {}
        items = []
        for p in map(Path, paths):
            info = extra.get(p.name) or extra.get(p.stem) or {}
            items.append(CorpusItem(str(info.get("id", p.stem)), None, str(p), dict(info)))
        return cls(items, **options)

    @classmethod
    def from_dir(
        cls, folder: str | Path, *, pattern: str | None = None, meta: str | Path | None = None, **options
    ) -> Corpus:
        """The files in ``folder`` (recursively, sorted by path, hidden ones skipped) that ``kz.read``
        can read, or that match ``pattern`` (e.g. ``"*.txt"``) when given."""
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
        return cls.from_files(files, meta=meta, **options)

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
            item = self.items[i]
            if item.path is not None:
                document: Document = read(item.path)
                meta = {**document.meta.to_dict(), **{k: v for k, v in item.meta.items() if v is not None}}
                self._loaded[i] = _Loaded(document.text_in(), meta, document.language)
            else:
                self._loaded[i] = _Loaded(item.text or "", dict(item.meta), item.meta.get("language", "kk"))
        return self._loaded[i]

    def texts(self) -> Iterator[str]:
        """The texts analysed (for files: the text without the reference list)."""
        return (self._load(i).text for i in range(len(self)))

    def meta(self, i: int) -> dict:
        """Metadata of document ``i``: what ``kz.read`` found, overridden by the meta file or given meta."""
        return self._load(i).meta

    def _key(self, text: str) -> str:
        h = hashlib.sha256(",".join(self.nlp.pipe_names).encode() + b"\0" + text.encode("utf-8"))
        return h.hexdigest()[:32]

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

        ``themes`` is ``doc.cats``; ``competencies`` and ``terms`` count the spans of
        ``doc.spans["competencies"]`` / ``["terms"]`` by canonical form. They are empty
        when the pipeline has no component that sets them.
        """
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
                "primary_theme": max(themes, key=themes.get) if themes else None,
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


def _read_meta(path: str | Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if "file" in rec:
                out[Path(rec["file"]).name] = rec
            if "id" in rec:
                out.setdefault(str(rec["id"]), rec)
    return out
