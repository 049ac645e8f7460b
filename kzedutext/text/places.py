"""Find place and people names in Kazakh text with a gazetteer (a data file, not code).

``data/places.tsv`` lists countries, historical states, cities, regions, seas, rivers,
mountains and peoples in Kazakh spelling, each with a **kind** and a **scope**:
``kz`` (Kazakhstan and its history), ``near`` (Russia, China, Central Asia, the Soviet
Union) or ``world`` (everything farther away). Researchers use it to see which
countries' experience articles cite (Финляндия, Сингапур, Жапония ...); the classifier
uses the scopes as features (a world-history question names a foreign state far more
often than it repeats a word seen in training).

Matching is by stem, so inflected forms count (Германияның, Римде, ағылшындар):

- a one-word name matches a word that is the name, whose lemma is the name, or that
  starts with the name (4 letters or more) followed by at most 6 letters of endings;
  the longest name wins (Қазақстан before қазақ);
- in a name of several words, every later word matches by its stem (``мұхиты`` matches
  мұхитының and мұхитқа);
- names of case ``cap`` (places) match only capitalised words, so «орал» (to return)
  and «арал» (island) inside a sentence are not places; names of case ``mid`` (also
  common words: Талас, Қазан, Орал) are not taken at a sentence start either, where a
  capital says nothing; adjectives made from places are lower case (еуропалық, римдік)
  and match too. Names of case ``any`` (peoples: ағылшын, грек) are written in lower
  case in Kazakh and match either way; before «тілі» they name a language, not a people;
- a name before «айы» is a month (Қазан айы: October); a head word after a name says
  what it names (Есіл ауданы: a district, Зайсан қаласы: a town; ``data/place_heads.tsv``);
- an acronym with its ending counts (АҚШ-та, КСРО-ның).

Users add names with a file of their own in the same four-column format:
``load_gazetteer(extra=["my_places.tsv"])`` returns a :class:`Gazetteer` whose
:meth:`~Gazetteer.find` also knows them.

>>> [(m.name, m.scope) for m in find_places("Наполеон әскері Пруссияға, кейін Ресейге аттанды.")]
[('пруссия', 'world'), ('ресей', 'near')]
>>> [m.text for m in find_places("Атлант мұхитының жағасы; ағылшындар мен Қазақстан")]
['Атлант мұхитының', 'ағылшындар', 'Қазақстан']
>>> [m.text for m in find_places("Ол ауылға оралды. Қазан айында ол Қазанға барды.")]
['Қазанға']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .._data import read_table
from .normalize import normalize

SCOPES = ("kz", "near", "world")
CASES = ("cap", "mid", "any")
KINDS = ("country", "state", "city", "region", "continent", "water", "mountain", "people")

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_MAX_ENDING = 6  # letters of case and plural endings after a stem (Германиясындағы: -сындағы)
_CACHE_SIZE = 200_000  # distinct words whose candidate names are remembered
_MIN_STEM = 4  # shorter names (Рим, ғұн, Анд) match only whole words or lemmas
#: an adjective made from a place name is written in lower case (еуропалық, римдік, американдық)
_ADJECTIVE = re.compile(r"н?(?:лық|лік|дық|дік|тық|тік)")
_SENTENCE_END = re.compile(r"[.!?…]\W*$")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One gazetteer name found in a text: character offsets into the text given."""

    text: str
    start: int
    end: int
    name: str
    kind: str
    scope: str


@dataclass(frozen=True, slots=True)
class _Entry:
    words: tuple[str, ...]
    kind: str
    scope: str
    case: str  # "cap", "mid" or "any" (see the data file)

    @property
    def capitalised(self) -> bool:
        return self.case != "any"

    @property
    def name(self) -> str:
        return " ".join(self.words)


class Gazetteer:
    """A set of names with their kind and scope, and the matcher over them.

    Build one with :func:`load_gazetteer`; :func:`find_places` uses the bundled one.
    """

    def __init__(self, rows: Iterable[Sequence[str]], *, source: str = "places.tsv"):
        entries: dict[tuple[str, ...], _Entry] = {}  # a later row of a name (a user's file) wins
        for row in rows:
            if len(row) != 4:
                raise ValueError(f"{source}: expected 4 tab-separated fields (name, kind, scope, case), got {row!r}")
            name, kind, scope, case = (field.strip() for field in row)
            if kind not in KINDS or scope not in SCOPES or case not in CASES or not name:
                raise ValueError(f"{source}: bad line {row!r}; kind must be one of {KINDS}, scope one of "
                                 f"{SCOPES}, case one of {CASES}")
            words = tuple(normalize(name).lower().split())
            entries[words] = _Entry(words, kind, scope, case)
        table: dict[str, list[_Entry]] = {}
        for entry in entries.values():
            table.setdefault(entry.words[0], []).append(entry)
        self._by_first = {key: tuple(entries) for key, entries in table.items()}
        # a word's lemma starts like the word: only words starting like a name are lemmatised
        self._heads = {key[:3] for key in self._by_first}
        self._cache: dict[str, tuple[_Entry, ...]] = {}
        self.n_names = sum(len(v) for v in self._by_first.values())

    def find(self, text: str) -> list[PlaceMention]:
        """Place and people names in ``text`` (normalised first), in text order.

        Offsets refer to ``text`` itself: normalisation keeps its length (it repairs letters
        one for one), and a text it would change in length is matched as it is.

        >>> m = load_gazetteer().find("Жапонияның білім беру жүйесі")[0]
        >>> m.name, m.kind, m.scope, (m.start, m.end)
        ('жапония', 'country', 'world', (0, 10))
        """
        if not isinstance(text, str):
            raise ValueError(f"text must be a str, got {type(text).__name__}")
        normalised = normalize(text)
        if len(normalised) != len(text):
            normalised = text
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(normalised)]
        found: list[PlaceMention] = []
        i = 0
        while i < len(words):
            entry = self._entry_at(words, i, normalised)
            if entry is None:
                i += 1
                continue
            end_word = i + len(entry.words)
            start, end = words[i][1], words[end_word - 1][2]
            kind = _head_kind(words[end_word][0]) if end_word < len(words) else None
            found.append(PlaceMention(text[start:end], start, end, entry.name, kind or entry.kind, entry.scope))
            i = end_word
        return found

    def _entry_at(self, words: list[tuple[str, int, int]], i: int, text: str) -> _Entry | None:
        word = words[i][0]
        lower = word.lower()
        for entry in self._candidates(lower):
            if entry.capitalised and not word[0].isupper() and not _ADJECTIVE.match(lower, len(entry.words[0])):
                continue
            if entry.case == "mid" and _sentence_initial(words, i, text):
                continue  # «Таласқа түспеді»: a capital that only says a sentence starts
            if i + len(entry.words) > len(words):
                continue
            following = words[i + len(entry.words)][0] if i + len(entry.words) < len(words) else ""
            if len(entry.words) == 1 and following and _is_month_word(following):
                continue  # «Қазан айы» is October, not Kazan
            if entry.kind == "people" and following.lower().startswith("тіл"):
                continue  # «ағылшын тілі» is a language (a school subject), not a people
            if all(_tail_matches(words[i + k][0].lower(), stem) for k, stem in enumerate(entry.words[1:], 1)):
                return entry
        return None

    def _candidates(self, word: str) -> tuple[_Entry, ...]:
        """Entries whose first word matches ``word`` (lower case), longest name first."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        keys = [word]
        keys += [word[:k] for k in range(len(word) - 1, max(_MIN_STEM, len(word) - _MAX_ENDING) - 1, -1)]
        if "-" in word:  # an acronym with its ending: АҚШ-та, КСРО-ның
            keys.append(word.split("-", 1)[0])
        found: list[_Entry] = []
        for key in keys:
            found.extend(self._by_first.get(key, ()))
        if not found and word[:3] in self._heads:
            from ..morph import lemmatize  # imported late: the analyser loads its lexicon

            found.extend(self._by_first.get(lemmatize(word).lower(), ()))
        result = tuple(sorted(found, key=lambda e: -len(e.words)))
        if len(self._cache) < _CACHE_SIZE:
            self._cache[word] = result
        return result


def load_gazetteer(*, extra: Iterable[str | Path] = ()) -> Gazetteer:
    """The bundled gazetteer, with the names of the ``extra`` files (same format) added.

    >>> load_gazetteer().n_names > 400
    True
    """
    rows = list(read_table("kzedutext.text", "places.tsv"))
    for path in extra:
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise ValueError(f"cannot read place file {str(path)!r} ({err}); give a UTF-8 TSV file "
                             "with name, kind, scope and case columns") from err
        rows += [line.split("\t") for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return Gazetteer(rows, source=" + ".join(["places.tsv", *map(str, extra)]))


def find_places(text: str) -> list[PlaceMention]:
    """Place and people names in ``text`` found with the bundled gazetteer (see :class:`Gazetteer`)."""
    return _bundled().find(text)


def place_scopes(text: str) -> list[str]:
    """The scope of every place mention of ``text`` (``kz``, ``near`` or ``world``).

    >>> place_scopes("Парижде және Алматыда")
    ['world', 'kz']
    """
    return [m.scope for m in find_places(text)]


@lru_cache(maxsize=1)
def _bundled() -> Gazetteer:
    return load_gazetteer()


def _sentence_initial(words: list[tuple[str, int, int]], i: int, text: str) -> bool:
    return i == 0 or bool(_SENTENCE_END.search(text[words[i - 1][2] : words[i][1]]))


@lru_cache(maxsize=10_000)
def _is_month_word(word: str) -> bool:
    """ай (month) in any form: the name before it is a month (Қазан айында: in October)."""
    lower = word.lower()
    if not lower.startswith("ай"):
        return False
    from ..morph import lemmatize

    return lemmatize(lower).lower() == "ай"


@lru_cache(maxsize=1)
def _heads() -> dict[str, str]:
    """Head words that say what a name stands for (Есіл ауданы: a district, not the river)."""
    return {head: kind for head, kind in read_table("kzedutext.text", "place_heads.tsv")}


@lru_cache(maxsize=10_000)
def _head_kind(word: str) -> str | None:
    lower = word.lower()
    for head, kind in _heads().items():
        if lower.startswith(head) and len(lower) - len(head) <= _MAX_ENDING:
            return kind
    return None


def _tail_matches(word: str, stem: str) -> bool:
    # the later words of a name carry a possessive ending in the list (мұхиты, теңізі,
    # хандығы) that changes with case: compare without its last two letters
    root = stem[: max(3, len(stem) - 2)]
    return word.startswith(root) and len(word) - len(root) <= _MAX_ENDING + 2
