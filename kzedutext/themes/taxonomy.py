"""The theme taxonomy: theme ids, labels, descriptions, related themes and weighted
indicator terms, read from the versioned data file ``data/themes.json``.

Terms are written in ordinary Kazakh; every word is lemmatised with
:func:`kzedutext.lemmatize` when the taxonomy is loaded, so "біліктілігін арттыру"
in a text matches the term "біліктілік арттыр". A word ending in ``*`` matches any
word whose lemma (or lower-cased form) starts with it (``инклюзив*``). A term may
list ``variants`` (other spellings) that count as the term itself.

Users add themes, or more terms for a theme, with a file of the same shape:
``load_taxonomy(extra=["my_themes.json"])``.

>>> tax = load_taxonomy()
>>> tax.version, len(tax.ids) >= 16
('1.0.0', True)
>>> tax["assessment"].label_kk
'Бағалау'
>>> tax["professional_development"].terms[0].pattern
(('кәсіби', False), ('даму', False))
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from .._data import read_text
from ..morph import lemmatize


@dataclass(frozen=True)
class Term:
    """One indicator: its written form, its lemma pattern and its weight.

    ``pattern`` is one ``(lemma, is_prefix)`` pair per word.
    """

    text: str
    pattern: tuple[tuple[str, bool], ...]
    weight: float


@dataclass(frozen=True)
class Theme:
    """A theme of the taxonomy."""

    id: str
    label_en: str
    label_kk: str
    description: str
    related: tuple[str, ...]
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Taxonomy:
    """All themes, in file order, and the version of the file they came from."""

    version: str
    themes: tuple[Theme, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)

    def __getitem__(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(f"unknown theme id {theme_id!r}; known: {', '.join(self.ids)}")

    def __len__(self) -> int:
        return len(self.themes)

    @cached_property
    def fingerprint(self) -> str:
        """A hash of the version, themes and compiled terms: equal in every process for
        equal content (so a Doc can name the taxonomy that scored it)."""
        return hashlib.sha256(repr((self.version, self.themes)).encode("utf-8")).hexdigest()[:16]


def _word_pattern(word: str) -> tuple[str, bool]:
    word = word.strip().lower()
    if word.endswith("*"):
        return word[:-1], True
    return lemmatize(word).lower(), False


def compile_term(text: str, weight: float) -> Term:
    """A :class:`Term` from its written form (each word lemmatised) and weight.

    >>> compile_term("Мұғалімдердің біліктілігін", 2.0).pattern
    (('мұғалім', False), ('біліктілік', False))
    """
    words = text.split()
    if not words:
        raise ValueError(f"empty indicator term {text!r}")
    if not weight > 0:
        raise ValueError(f"term {text!r} has weight {weight!r}; weights must be positive")
    return Term(text, tuple(_word_pattern(w) for w in words), float(weight))


def _theme_from_dict(entry: dict, source: str) -> Theme:
    for key in ("id", "terms"):
        if key not in entry:
            raise ValueError(f"a theme in {source} has no {key!r} field: {entry!r:.80}")
    terms = []
    for item in entry["terms"]:
        weight = item.get("weight", 1.0)
        for form in (item["term"], *item.get("variants", ())):
            terms.append(compile_term(form, weight))
    return Theme(
        id=entry["id"],
        label_en=entry.get("label_en", entry["id"]),
        label_kk=entry.get("label_kk", entry.get("label_en", entry["id"])),
        description=entry.get("description", ""),
        related=tuple(entry.get("related", ())),
        terms=tuple(terms),
    )


def parse_taxonomy(data: dict, *, source: str = "<dict>") -> Taxonomy:
    """A :class:`Taxonomy` from the parsed JSON of a taxonomy file."""
    if "themes" not in data:
        raise ValueError(f"{source} is not a theme taxonomy: it has no 'themes' list")
    themes = tuple(_theme_from_dict(entry, source) for entry in data["themes"])
    ids = [t.id for t in themes]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"theme id(s) {dupes} appear more than once in {source}")
    return Taxonomy(str(data.get("version", "0")), themes)


def merge(base: Taxonomy, extra: Taxonomy) -> Taxonomy:
    """``base`` plus the themes of ``extra``; a theme id in both gets the terms of both."""
    themes = list(base.themes)
    for theme in extra.themes:
        if theme.id in base.ids:
            k = base.ids.index(theme.id)
            old = themes[k]
            themes[k] = replace(old, terms=old.terms + theme.terms,
                                related=tuple(dict.fromkeys(old.related + theme.related)))
        else:
            themes.append(theme)
    return Taxonomy(f"{base.version}+{extra.version}", tuple(themes))


@lru_cache(maxsize=1)
def _default() -> Taxonomy:
    return parse_taxonomy(json.loads(read_text("kzedutext.themes", "themes.json")), source="themes.json")


def load_taxonomy(*, extra: Iterable[str | Path] = ()) -> Taxonomy:
    """The bundled taxonomy, with the themes and terms of the ``extra`` files added."""
    taxonomy = _default()
    for path in extra:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise ValueError(f"theme file {str(path)!r} is not valid JSON: {err}") from err
        taxonomy = merge(taxonomy, parse_taxonomy(data, source=str(path)))
    return taxonomy


#: The theme ids of the bundled taxonomy, in file order.
THEMES: tuple[str, ...] = tuple(
    entry["id"] for entry in json.loads(read_text("kzedutext.themes", "themes.json"))["themes"]
)
