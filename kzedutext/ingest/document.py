"""The result of reading a document: frozen dataclasses with explicit fields.

>>> Meta(title="Тақырып", authors=("А. Әлиев",)).to_dict()["authors"]
['А. Әлиев']
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

#: Section kinds, in their usual order in an article.
SECTION_KINDS = (
    "front",
    "annotation",
    "keywords",
    "introduction",
    "body",
    "conclusion",
    "acknowledgements",
    "references",
)


@dataclass(frozen=True)
class Meta:
    """What the article's header says about it (None / empty when not found).

    ``year`` is a year written in the article (``Жылы: 2019``, ``2019 ж.``), never a
    file date: the year a file records (Word's "created", a PDF's CreationDate) is
    when it was made or exported, and is kept apart in
    :attr:`Provenance.file_year`. ``title`` and ``authors`` fall back on the
    file's own properties when the header has none.
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    position: str | None = None
    affiliation: str | None = None
    section: str | None = None
    email: str | None = None
    phone: str | None = None
    year: int | None = None
    keywords: tuple[str, ...] = ()
    city: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["authors"] = list(self.authors)
        d["keywords"] = list(self.keywords)
        return d


@dataclass(frozen=True)
class Section:
    """A part of the article: ``kind`` (see :data:`SECTION_KINDS`), its heading as written, its text."""

    kind: str
    heading: str
    text: str


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the clean text, its language and the index of its section."""

    text: str
    language: str
    section: int


@dataclass(frozen=True)
class Provenance:
    """Where the document came from: path (None for bytes), format, sha256 and size of the bytes.

    ``file_year`` is the year the file's own properties give (.docx core properties
    "created", PDF CreationDate, an HTML page's date), None when they give none.
    It says when the file was made or exported, not when the article was
    published, so it is not :attr:`Meta.year`.

    >>> Provenance("a.docx", "docx", "0" * 64, 1200, file_year=2013).file_year
    2013
    """

    source: str | None
    format: str
    sha256: str
    n_bytes: int
    file_year: int | None = None


@dataclass(frozen=True)
class Document:
    """A read document: clean text, metadata, sections, per-paragraph languages, provenance.

    ``text`` is the clean text, paragraphs separated by a blank line. ``language``
    is the language of most of the text (by characters); each paragraph has its own
    in ``paragraphs``. ``references`` holds one entry per cited work. ``removed``
    holds the paragraphs dropped as web-page boilerplate. ``redactions`` counts the
    placeholders put in by ``redact=True``. ``warnings`` says what had to be
    repaired to read the file, one sentence each (empty when nothing was), e.g.
    bytes that are not valid UTF-8 replaced by U+FFFD (�): the document was read,
    but those places may be wrong.

    >>> doc = Document("Мәтін", Meta(), (), (), "kk", Provenance(None, "txt", "0" * 64, 10))
    >>> doc.warnings
    ()
    """

    text: str
    meta: Meta
    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    language: str
    provenance: Provenance
    references: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    redactions: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def languages(self) -> dict[str, float]:
        """Share of the text's characters in each language, largest first."""
        counts: Counter[str] = Counter()
        for p in self.paragraphs:
            counts[p.language] += len(p.text)
        total = sum(counts.values()) or 1
        return {lang: round(n / total, 4) for lang, n in counts.most_common()}

    def text_in(self, *languages: str, references: bool = False) -> str:
        """The paragraphs in the given languages (all when none given), blank-line separated.

        ``references=False`` leaves out the reference list, so a tagger counts only
        the article's own prose.
        """
        ref_sections = {i for i, s in enumerate(self.sections) if s.kind == "references"}
        return "\n\n".join(
            p.text
            for p in self.paragraphs
            if (not languages or p.language in languages) and (references or p.section not in ref_sections)
        )

    def to_dict(self) -> dict:
        """A JSON-ready dict (tuples become lists)."""
        return {
            "text": self.text,
            "meta": self.meta.to_dict(),
            "sections": [asdict(s) for s in self.sections],
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "language": self.language,
            "languages": self.languages,
            "provenance": asdict(self.provenance),
            "references": list(self.references),
            "removed": list(self.removed),
            "redactions": dict(self.redactions),
            "warnings": list(self.warnings),
        }
