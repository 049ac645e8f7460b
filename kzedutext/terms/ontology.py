"""The competency ontology: head families, concepts and categories, read from a data file.

A *family* is a head noun with its spelling variants (құзыреттілік, құзірет-, құдырет-,
компетенттілік, компетенция ...), matched as word-initial stems so that every inflection
and the adjective in -ті (``кәсіби құзіретті мұғалім``) is found. A *concept* is either a
member of a family, recognised by its modifiers in front of the family head (кәсіби,
коммуникативтік ...), or a fixed phrase (педагогикалық шеберлік, Lesson Study ...).

>>> onto = Ontology.default()
>>> onto.concept("communicative").canonical
'коммуникативтік құзыреттілік'
>>> onto.concept("communicative").ru
'коммуникативная компетентность'
>>> onto.family("competence").group
'competencies'
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from .._data import read_text
from ..errors import Errors

#: The span groups a concept can be written to (``doc.spans[...]``).
GROUPS: tuple[str, ...] = ("competencies", "terms")


@dataclass(frozen=True)
class Category:
    """A category id with its English and Kazakh labels."""

    id: str
    en: str = ""
    kk: str = ""


@dataclass(frozen=True)
class Family:
    """A head noun and its variants; members of the family are named by modifiers before it."""

    id: str
    group: str
    head: str
    stems: tuple[str, ...]
    #: id of the concept a head with no known modifier stands for (None: not a mention).
    bare: str | None = None


@dataclass(frozen=True)
class Concept:
    """One competency or pedagogical construct with its citation form and glosses."""

    id: str
    canonical: str
    category: str
    group: str
    family: str | None = None
    modifiers: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    en: str = ""
    ru: str = ""


@dataclass(frozen=True)
class Ontology:
    """Families, concepts and categories; immutable, extended by :meth:`extend`.

    >>> onto = Ontology.default()
    >>> len(onto.competencies()) >= 20
    True
    """

    version: str
    categories: Mapping[str, Category]
    families: Mapping[str, Family]
    concepts: Mapping[str, Concept]
    sources: tuple[str, ...] = field(default=())

    @classmethod
    def default(cls) -> Ontology:
        """The ontology shipped with kzedutext (``terms/data/ontology.json``)."""
        return _default_ontology()

    @classmethod
    def from_dict(cls, data: Mapping, *, source: str = "<dict>") -> Ontology:
        """Build an ontology from the JSON structure of ``ontology.json``."""
        return cls(version="", categories={}, families={}, concepts={}).extend(data, source=source)

    def concept(self, concept_id: str) -> Concept:
        """The concept with this id; ``KeyError`` names the known ids when it is missing."""
        try:
            return self.concepts[concept_id]
        except KeyError:
            raise KeyError(Errors.E201.format(id=concept_id, known=", ".join(sorted(self.concepts)))) from None

    def family(self, family_id: str) -> Family:
        return self.families[family_id]

    def competencies(self) -> list[Concept]:
        """Concepts written to ``doc.spans["competencies"]``."""
        return [c for c in self.concepts.values() if c.group == "competencies"]

    def terms(self) -> list[Concept]:
        """Concepts written to ``doc.spans["terms"]``."""
        return [c for c in self.concepts.values() if c.group == "terms"]

    def extend(self, data: Mapping | str | Path, *, source: str | None = None) -> Ontology:
        """A new ontology with the families, concepts and categories of ``data`` added.

        ``data`` is a mapping shaped like ``ontology.json``, or the path of a ``.json``
        file of that shape or of a ``.tsv`` file with the columns ``id, group, family,
        canonical, category, modifiers, phrases, en, ru`` (lists separated by ``|``).
        A concept with an existing id replaces the old one.

        >>> onto = Ontology.default().extend({"concepts": [{"id": "tutor",
        ...     "family": "competence", "modifiers": ["тьюторлық"], "category": "professional"}]})
        >>> onto.concept("tutor").canonical
        'тьюторлық құзыреттілік'
        """
        if isinstance(data, (str, Path)):
            path = Path(data)
            source = source or str(path)
            data = _read_user_file(path)
        source = source or "<dict>"
        categories = dict(self.categories)
        for cat_id, labels in (data.get("categories") or {}).items():
            categories[cat_id] = Category(id=cat_id, en=labels.get("en", ""), kk=labels.get("kk", ""))
        families = dict(self.families)
        for row in data.get("families") or ():
            family = _family_from_row(row, source=source)
            families[family.id] = family
        concepts = dict(self.concepts)
        for row in data.get("families") or ():
            bare = row.get("bare")
            if bare:
                concept = _concept_from_row(
                    {**bare, "group": "terms"}, families=families, categories=categories, source=source, bare=True
                )
                concepts[concept.id] = concept
        for row in data.get("concepts") or ():
            concept = _concept_from_row(row, families=families, categories=categories, source=source)
            concepts[concept.id] = concept
        return replace(
            self,
            version=data.get("version") or self.version,
            categories=categories,
            families=families,
            concepts=concepts,
            sources=(*self.sources, source),
        )


def _family_from_row(row: Mapping, *, source: str) -> Family:
    for key in ("id", "group", "head", "stems"):
        if not row.get(key):
            raise ValueError(Errors.E202.format(key=key, row=dict(row), source=source))
    if row["group"] not in GROUPS:
        raise ValueError(Errors.E203.format(group=row["group"], groups=GROUPS, source=source))
    bare = row.get("bare")
    return Family(
        id=row["id"],
        group=row["group"],
        head=row["head"].lower(),
        stems=tuple(s.lower() for s in row["stems"]),
        bare=bare["id"] if bare else None,
    )


def _concept_from_row(
    row: Mapping,
    *,
    families: Mapping[str, Family],
    categories: Mapping[str, Category],
    source: str,
    bare: bool = False,
) -> Concept:
    """A concept from one ontology row; ``bare`` marks the concept of a head without modifier."""
    for key in ("id", "category"):
        if not row.get(key):
            raise ValueError(Errors.E202.format(key=key, row=dict(row), source=source))
    family_id = row.get("family") or None
    modifiers = tuple(m.lower() for m in row.get("modifiers") or ())
    phrases = tuple(p.lower() for p in row.get("phrases") or ())
    if family_id is not None:
        if family_id not in families:
            raise ValueError(Errors.E204.format(family=family_id, id=row["id"], known=sorted(families), source=source))
        family = families[family_id]
        group = family.group
        canonical = row.get("canonical") or (f"{modifiers[0]} {family.head}" if modifiers else family.head)
    elif bare:
        group, canonical = "terms", row["canonical"]
    else:
        if not phrases and not row.get("canonical"):
            raise ValueError(Errors.E202.format(key="phrases", row=dict(row), source=source))
        group = row.get("group") or "terms"
        canonical = row.get("canonical") or phrases[0]
        if canonical.lower() not in phrases:
            phrases = (canonical.lower(), *phrases)
    if group not in GROUPS:
        raise ValueError(Errors.E203.format(group=group, groups=GROUPS, source=source))
    if row["category"] not in categories:
        raise ValueError(
            Errors.E205.format(category=row["category"], id=row["id"], known=sorted(categories), source=source)
        )
    return Concept(
        id=row["id"],
        canonical=canonical,
        category=row["category"],
        group=group,
        family=family_id,
        modifiers=modifiers,
        phrases=phrases,
        en=row.get("en", ""),
        ru=row.get("ru", ""),
    )


_TSV_COLUMNS = ("id", "group", "family", "canonical", "category", "modifiers", "phrases", "en", "ru")


def _read_user_file(path: Path) -> Mapping:
    if not path.exists():
        raise FileNotFoundError(Errors.E206.format(path=path))
    if path.suffix.lower() == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    if path.suffix.lower() in (".tsv", ".txt"):
        return {"concepts": list(_tsv_rows(path.read_text(encoding="utf-8").splitlines()))}
    raise ValueError(Errors.E207.format(path=path))


def _tsv_rows(lines: Iterable[str]) -> Iterable[dict]:
    rows = csv.DictReader((line for line in lines if line.strip() and not line.startswith("#")), delimiter="\t")
    for row in rows:
        clean = {key: (value or "").strip() for key, value in row.items() if key in _TSV_COLUMNS}
        for key in ("modifiers", "phrases"):
            clean[key] = [part.strip() for part in clean.get(key, "").split("|") if part.strip()]
        yield {key: value for key, value in clean.items() if value}


@lru_cache(maxsize=1)
def _default_ontology() -> Ontology:
    data = json.loads(read_text("kzedutext.terms", "ontology.json"))
    return Ontology.from_dict(data, source="kzedutext/terms/data/ontology.json")
