"""Kazakh sound classes: vowel harmony and the stem-final sounds suffixes depend on.

>>> harmony("мектеп"), harmony("бала"), harmony("кз")
('front', 'back', None)
>>> sound_class("бала"), sound_class("мектеп"), sound_class("жер")
('V', 'K', 'S')
>>> stem_alternants("мектеб"), stem_alternants("халқ")
(['мектеп'], ['халық'])
"""

from __future__ import annotations

BACK_VOWELS = frozenset("аоұыяё")
FRONT_VOWELS = frozenset("әеөүіэ")
VOWELS = BACK_VOWELS | FRONT_VOWELS | frozenset("иую")
#: Sound classes a suffix's ``after`` condition names (see ``data/morphotactics.tsv``).
#: у and ю end a stem like a consonant (оқу+ы → оқуы, оқу+дың), и like a vowel.
SOUND_CLASSES = {
    "V": frozenset("аоұыяёәеөүіэи"),
    "S": frozenset("рйую"),
    "L": frozenset("л"),
    "M": frozenset("мнң"),
    "Z": frozenset("зж"),
    "K": frozenset("птқсшфхцчщбвгдғк"),
}
CONSONANT_CLASSES = ("S", "L", "M", "Z", "K")
_CLASS_OF = {ch: name for name, chars in SOUND_CLASSES.items() for ch in chars}
#: Stem-final voiceless consonants that become voiced before a vowel (мектеп → мектебі).
DEVOICED = {"б": "п", "г": "к", "ғ": "қ"}
_CONSONANTS = frozenset("бвгғджзйклмнңпрстфхһцчшщқ")


def harmony(word: str) -> str | None:
    """``"back"`` or ``"front"`` by the word's last harmonic vowel; ``None`` if it has none."""
    for ch in reversed(word):
        if ch in BACK_VOWELS:
            return "back"
        if ch in FRONT_VOWELS:
            return "front"
    return None


def sound_class(stem: str) -> str | None:
    """Class of the stem's final sound: V, S, L, M, Z, K (``None`` for an empty stem)."""
    return _CLASS_OF.get(stem[-1]) if stem else None


def close_vowel(stem: str) -> str:
    """The close vowel (ы or і) that harmonises with ``stem``."""
    return "і" if harmony(stem) == "front" else "ы"


def stem_alternants(stem: str) -> list[str]:
    """Dictionary forms a surface stem may come from (not including ``stem`` itself).

    Final voicing is undone (мектеб → мектеп, жүрег → жүрек, құқығ → құқық) and a
    dropped close vowel is put back between two final consonants (халқ → халық,
    орн → орын, ерн → ерін).
    """
    out = []
    last = stem[-1:]
    if last in DEVOICED:
        out.append(stem[:-1] + DEVOICED[last])
    if (
        len(stem) >= 3
        and stem[-1] in _CONSONANTS
        and (stem[-2] in _CONSONANTS or stem[-2] == "у")
        and harmony(stem[:-2]) is not None
    ):
        out.append(stem[:-1] + close_vowel(stem[:-1]) + stem[-1])
    return out
