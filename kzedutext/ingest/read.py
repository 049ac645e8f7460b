"""``kz.read``: one call from a file (or bytes) to a :class:`Document`.

Steps: bytes (size limit first) → format (ending checked against content) →
reader → paragraphs normalised (:func:`kzedutext.normalize`) → language per
paragraph → web boilerplate removed → header fields, sections, references →
optional redaction of e-mails, phones and IINs.

>>> doc = read("Автор: Ә. Сейіт\\n\\nКіріспе\\n\\nБұл сынақ мәтіні.".encode("utf-8"))
>>> doc.meta.authors, [s.kind for s in doc.sections], doc.language, doc.provenance.format
(('Ә. Сейіт',), ['front', 'introduction'], 'kk', 'txt')
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ..text.langid import guess
from ..text.normalize import normalize
from .boilerplate import remove_boilerplate
from .document import Document, Meta, Paragraph, Provenance, Section
from .errors import EmptyFileError, FileTooLargeError, ReadError
from .formats import detect_format
from .readers import get_reader
from .redact import redact as redact_text
from .structure import parse_structure
from .text import DEFAULT_MAX_BYTES, read_bytes

#: a paragraph this short with weak evidence takes the language of the document
SHORT_WORDS = 3


def read(
    source: str | Path | bytes,
    *,
    format: str | None = None,  # noqa: A002 - the natural name of the option
    name: str | None = None,
    redact: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    boilerplate: bool = True,
) -> Document:
    """Read an article from a path or from bytes.

    ``format`` forces a reader (``"txt"``, ``"docx"``, ``"pdf"``, ``"html"``,
    ``"odt"``, ``"rtf"``); otherwise the file ending decides and the content is
    checked against it (bytes: the content decides; ``name`` may give an ending).
    ``redact=True`` replaces e-mails, phone numbers and IINs in text and metadata.
    ``boilerplate=False`` keeps web-page navigation. Files over ``max_bytes`` are
    refused. Every failure is a :class:`~kzedutext.ingest.errors.ReadError`
    subclass naming the file.
    """
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be at least 1, got {max_bytes}")
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        path = None
        label = name or "<bytes>"
        if len(data) > max_bytes:
            raise FileTooLargeError(
                label, f"the data is {len(data):,} bytes, over the limit of {max_bytes:,} (raise max_bytes)"
            )
    elif isinstance(source, (str, Path)):
        path = Path(source)
        label = str(path)
        data = read_bytes(path, max_bytes=max_bytes)
    else:
        raise TypeError(f"read() takes a path or bytes, not {type(source).__name__}")
    if not data.strip():
        raise EmptyFileError(label, "the file is empty" + (" (0 bytes)" if not data else ""))
    fmt = detect_format(data, name=path or name, fmt=format)
    extracted = get_reader(fmt)(data, source=label)
    year = extracted.meta.get("year", "")
    provenance = Provenance(
        str(path) if path else name,
        fmt,
        hashlib.sha256(data).hexdigest(),
        len(data),
        file_year=int(year) if year.isdigit() else None,
    )
    return build_document(
        extracted.paragraphs,
        extracted.meta,
        provenance,
        redact=redact,
        boilerplate=boilerplate,
        warnings=extracted.warnings,
    )


def build_document(
    paragraphs: tuple[str, ...] | list[str],
    file_meta: dict[str, str],
    provenance: Provenance,
    *,
    redact: bool = False,
    boilerplate: bool = True,
    warnings: tuple[str, ...] = (),
) -> Document:
    """Clean, classify and structure reader output into a :class:`Document` (``warnings`` from the reader)."""
    label = provenance.source or "<bytes>"
    paras = [p for p in (" ".join(normalize(x).split()) for x in paragraphs) if p]
    guesses = [guess(p) for p in paras]
    langs = [g.language for g in guesses]
    language = _dominant(paras, langs)
    langs = [_settle(g, language) for g in guesses]
    removed: tuple[str, ...] = ()
    if boilerplate and paras:
        bp = remove_boilerplate(paras, langs, language=language)
        removed = tuple(paras[i] for i in bp.removed)
        paras = [paras[i] for i in bp.kept]
        langs = [langs[i] for i in bp.kept]
        language = _dominant(paras, langs)
    if not paras:
        raise EmptyFileError(label, _no_text_reason(removed, provenance.format))
    structure = parse_structure(paras)
    langs = _heading_languages(paras, langs, structure)
    fields = dict(structure.fields)
    if "title" not in fields and file_meta.get("title"):
        fields["title"] = file_meta["title"]
    if "authors" not in fields and file_meta.get("author"):
        fields["authors"] = (file_meta["author"],)
    # a file's own year (created / exported) is in provenance.file_year, not meta.year
    meta = Meta(keywords=structure.keywords, **fields)
    sections = structure.sections
    references = structure.references
    counts: Counter[str] = Counter()
    if redact:

        def r(text: str) -> str:
            result = redact_text(text)
            counts.update(result.counts)
            return result.text

        paras = [r(p) for p in paras]
        sections = tuple(replace(s, text=redact_text(s.text).text) for s in sections)
        references = tuple(redact_text(x).text for x in references)
        removed = tuple(redact_text(x).text for x in removed)
        meta = _redact_meta(meta)
    text = "\n\n".join(paras)
    paragraph_objs = tuple(
        Paragraph(p, lang, sec) for p, lang, sec in zip(paras, langs, structure.section_of, strict=True)
    )
    return Document(
        text=text,
        meta=meta,
        sections=tuple(sections),
        paragraphs=paragraph_objs,
        language=language,
        provenance=provenance,
        references=references,
        removed=removed,
        redactions=dict(counts),
        warnings=tuple(warnings),
    )


def _no_text_reason(removed: tuple[str, ...], fmt: str) -> str:
    """Why nothing is left, for the EmptyFileError: no paragraphs, no words, or only web-page lines.

    >>> _no_text_reason(("2024",), "txt")
    "the file has no words, only numbers or symbols ('2024')"
    """
    if not removed:
        return "the file has no text"
    sample = removed[0] if len(removed[0]) <= 40 else removed[0][:40] + "…"
    if not any(c.isalpha() for p in removed for c in p):
        return f"the file has no words, only numbers or symbols ({sample!r})"
    if fmt == "html":
        return f"the page has no text besides web-page boilerplate: menus, counters ({sample!r})"
    return (
        f"the file has no text besides lines that look like web-page menus or counters ({sample!r}); "
        "pass boilerplate=False to keep them"
    )


def _dominant(paras: list[str], langs: list[str]) -> str:
    counts: Counter[str] = Counter()
    for p, lang in zip(paras, langs, strict=True):
        counts[lang] += len(p)
    if not counts:
        return "other"
    top = [lang for lang, _ in counts.most_common() if lang != "other"]
    return top[0] if top else "other"


def _settle(g, language: str) -> str:
    """A short paragraph without clear evidence takes the document's language."""
    if language in ("kk", "ru") and g.language in ("kk", "ru") and g.n_words <= SHORT_WORDS:
        if max(g.kk_votes, g.ru_votes) < 1.0 or g.confidence < 0.5:
            return language
    return g.language


def _heading_languages(paras: list[str], langs: list[str], structure) -> list[str]:
    """A bare heading ("Аннотация", "Кіріспе") takes the language of the text under it."""
    langs = list(langs)
    for i, sec in enumerate(structure.section_of):
        opens = i == 0 or structure.section_of[i - 1] != sec
        if not opens or structure.sections[sec].heading != paras[i].rstrip(":. "):
            continue
        nxt = i + 1
        if nxt < len(paras) and structure.section_of[nxt] == sec and langs[nxt] in ("kk", "ru", "en"):
            langs[i] = langs[nxt]
    return langs


def _redact_meta(meta: Meta) -> Meta:
    def r(value):
        return redact_text(value).text if isinstance(value, str) else value

    return replace(
        meta,
        title=r(meta.title),
        authors=tuple(r(a) for a in meta.authors),
        position=r(meta.position),
        affiliation=r(meta.affiliation),
        section=r(meta.section),
        email="[EMAIL]" if meta.email else None,
        phone="[PHONE]" if meta.phone else None,
        keywords=tuple(r(k) for k in meta.keywords),
        city=r(meta.city),
    )


__all__ = ["ReadError", "Section", "build_document", "read"]
