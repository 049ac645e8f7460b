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
import math
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

    A word ending in ``*`` needs a letter before the ``*`` (``"*"`` alone would match
    every word), and a term needs at least one letter (``"12 жылдық"`` is fine, ``"12"`` is not).

    >>> compile_term("Мұғалімдердің біліктілігін", 2.0).pattern
    (('мұғалім', False), ('біліктілік', False))
    """
    if not isinstance(text, str):
        raise ValueError(f"indicator term {text!r} is a {type(text).__name__}; write it as a string, "
                         'e.g. "term": "бағалау"')
    words = text.split()
    if not words:
        raise ValueError(f"empty indicator term {text!r}; write the words of the term, or remove it")
    if isinstance(weight, bool) or not isinstance(weight, (int, float)):
        raise ValueError(f"term {text!r} has weight {weight!r} ({type(weight).__name__}); "
                         'write a positive number without quotes, e.g. "weight": 2')
    if not (weight > 0 and math.isfinite(weight)):
        raise ValueError(f"term {text!r} has weight {weight!r}; weights must be positive numbers")
    for word in words:
        if word.endswith("*") and not any(c.isalpha() for c in word[:-1]):
            raise ValueError(f"term {text!r}: the wildcard {word!r} has no letters before '*' and would "
                             "match every word; write a word start, e.g. 'инклюзив*'")
    if not any(c.isalpha() for c in text):
        raise ValueError(f"term {text!r} has no letters; it would match numbers or signs, not words")
    return Term(text, tuple(_word_pattern(w) for w in words), float(weight))


def _theme_from_dict(entry, source: str, k: int) -> Theme:
    if not isinstance(entry, dict):
        raise ValueError(f"theme {k + 1} in {source} is a {type(entry).__name__}, not an object; "
                         'write it as {"id": "...", "terms": [{"term": "...", "weight": 1}]}')
    for key in ("id", "terms"):
        if key not in entry:
            raise ValueError(f"a theme in {source} has no {key!r} field: {entry!r:.80}")
    theme_id = entry["id"]
    if not isinstance(theme_id, str) or not theme_id.strip() or theme_id != theme_id.strip():
        raise ValueError(f"theme {k + 1} in {source} has id {theme_id!r}; an id must be a non-empty string "
                         'without surrounding spaces, e.g. "id": "robotics"')
    where = f"{source}, theme {theme_id!r}"
    items = entry["terms"]
    if not isinstance(items, list):
        raise ValueError(f"{where}: 'terms' must be a list of objects, got {type(items).__name__}")
    terms = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ValueError(f"{where}: term {n} is {item!r:.40} ({type(item).__name__}); write each term as an "
                             'object, e.g. {"term": "бағалау", "weight": 1}')
        if "term" not in item:
            raise ValueError(f"{where}: term {n} has no 'term' field ({item!r:.60}); add the words, "
                             'e.g. "term": "бағалау"')
        variants = item.get("variants", [])
        if not isinstance(variants, list):
            raise ValueError(f"{where}: the 'variants' of term {item['term']!r} must be a list of strings")
        weight = item.get("weight", 1.0)
        for form in (item["term"], *variants):
            try:
                terms.append(compile_term(form, weight))
            except ValueError as err:
                raise ValueError(f"{where}: {err}") from None
    related = entry.get("related", [])
    if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
        raise ValueError(f"{where}: 'related' must be a list of theme ids")
    return Theme(
        id=theme_id,
        label_en=entry.get("label_en", theme_id),
        label_kk=entry.get("label_kk", entry.get("label_en", theme_id)),
        description=entry.get("description", ""),
        related=tuple(related),
        terms=tuple(terms),
    )


def parse_taxonomy(data: dict, *, source: str = "<dict>") -> Taxonomy:
    """A :class:`Taxonomy` from the parsed JSON of a taxonomy file; a malformed theme or
    term raises a ``ValueError`` naming ``source``, the theme and how to fix it."""
    if not isinstance(data, dict) or "themes" not in data:
        raise ValueError(f"{source} is not a theme taxonomy: it has no 'themes' list "
                         '(expected {"themes": [{"id": ..., "terms": [...]}]})')
    if not isinstance(data["themes"], list):
        raise ValueError(f"{source}: 'themes' must be a list of theme objects")
    themes = tuple(_theme_from_dict(entry, source, k) for k, entry in enumerate(data["themes"]))
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


def load_taxonomy(*, extra: Iterable[str | Path] | str | Path = ()) -> Taxonomy:
    """The bundled taxonomy, with the themes and terms of the ``extra`` files added
    (a list of paths, or one path)."""
    taxonomy = _default()
    if isinstance(extra, (str, Path)):
        extra = [extra]
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
