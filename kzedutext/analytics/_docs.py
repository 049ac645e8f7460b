"""What the analysis functions accept as documents, in one place.

:func:`as_docs` takes a Corpus, a list of Docs or one Doc (the analytics).
:func:`document_inputs` takes texts, paths, ``kz.Document`` s and Docs in any mix
(``kz.term_table``, ``kz.discover_terms``, ``kz.find_reuse``): a ``str`` naming an
existing file is read as that file, like ``kz.read(str)`` does (see :func:`names_file`).

>>> import kzedutext as kz
>>> len(as_docs(kz.load()("Бір сөйлем.")))
1
>>> as_docs([])
[]
>>> [name for name, _ in document_inputs(["Мұғалім сабақ береді."])]
['0']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from ..ingest import SUFFIXES, Document

#: longest str taken for a file name (longer strings are always texts)
MAX_PATH_CHARS = 4096


def as_docs(docs) -> list[Doc]:
    """A list of spaCy Docs from a Doc, an iterable of Docs or a :class:`kz.Corpus`."""
    if isinstance(docs, Doc):
        return [docs]
    out = list(docs)
    for d in out:
        if not isinstance(d, Doc):
            raise ValueError(f"expected spaCy Docs (or a kz.Corpus), got {type(d).__name__!r}")
    return out


def names_file(text: str) -> bool:
    """True when ``text`` is one line naming an existing file with an ending ``kz.read`` reads.

    Such a str is read as that file; any other str is a text.

    >>> names_file("Мұғалім сабақ береді.")
    False
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "мақала.txt"
    >>> _ = path.write_text("Мәтін.", encoding="utf-8")
    >>> names_file(str(path)), names_file(str(path.with_name("жоқ.txt")))
    (True, False)
    """
    if not text or len(text) > MAX_PATH_CHARS or "\n" in text or "\r" in text or "\0" in text:
        return False
    path = Path(text)
    if path.suffix.lower() not in SUFFIXES:
        return False
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long for the system, say
        return False


def _unknown(item) -> Exception:
    return TypeError(
        f"cannot analyse {type(item).__name__!r}; give texts, paths, kz.Documents or spaCy Docs"
    )


def document_inputs(
    docs: Iterable[str | Path | Document | Doc],
    *,
    language: str | None = None,
    refuse: Callable[[object], Exception] = _unknown,
) -> Iterator[tuple[str, str | Doc]]:
    """(name, text or Doc) for each input, in order.

    A ``Path``, or a ``str`` naming an existing file (:func:`names_file`), is read with
    ``kz.read``; of files and ``kz.Document`` s only the paragraphs in ``language`` are
    kept (all text without the reference list when ``language`` is None). Names are the
    path, the document's source, or the position as a string. ``refuse(item)`` makes
    the error raised for any other type.
    """
    languages = (language,) if language is not None else ()
    for n, item in enumerate(docs):
        if isinstance(item, Doc):
            yield str(n), item
        elif isinstance(item, Path) or (isinstance(item, str) and names_file(item)):
            from ..ingest import read

            yield str(item), read(item).text_in(*languages)
        elif isinstance(item, str):
            yield str(n), item
        elif isinstance(item, Document):
            yield item.provenance.source or str(n), item.text_in(*languages)
        else:
            raise refuse(item)
