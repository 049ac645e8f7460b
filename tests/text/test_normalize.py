"""The normaliser repairs what real documents break, and nothing else."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzedutext.text.normalize import normalize, normalize_with_offsets, normalize_word, repair_script

LATIN_I = "i"  # U+0069, typed for Kazakh і (U+0456)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("б" + LATIN_I + "л" + LATIN_I + "м", "білім"),  # Latin i inside a Cyrillic word
        ("м" + "e" + "кт" + "e" + "п", "мектеп"),  # Latin e
        ("Əдіс", "Әдіс"),  # Latin capital schwa
        ("әдicтeме", "әдістеме"),  # Latin c and e
        ("һoбби", "һобби"),  # Latin o
        ("Less" + "о" + "n", "Lesson"),  # Cyrillic о in an English word
        ("Lesson Study", "Lesson Study"),  # English stays English
        ("pecypc", "pecypc"),  # all-Latin words are never touched
    ],
)
def test_repair_script_fixes_look_alike_letters(text, expected):
    assert repair_script(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("оқу\u00a0жылы", "оқу жылы"),  # non-breaking space
        ("құзырет\u00adтілік", "құзыреттілік"),  # soft hyphen
        ("бі\u200bлім", "білім"),  # zero-width space
        ("оқу\u2011тәрбие", "оқу-тәрбие"),  # non-breaking hyphen
        ("білім — болашақ", "білім – болашақ"),  # em dash
        ("“Рухани жаңғыру”", "«Рухани жаңғыру»"),  # English-style quotes
        ("„Білім“", "«Білім»"),  # German/Russian-style quotes
        ('"Мектеп" деді', "«Мектеп» деді"),  # straight quotes by position
        ("ü Бірінші", "• Бірінші"),  # a lost Wingdings tick before a list item
        ("\uf0b7 Екінші", "• Екінші"),  # Symbol-font bullet
        ("Müller", "Müller"),  # ü inside a word is a letter
        ("и\u0306", "й"),  # NFC
    ],
)
def test_normalize_repairs_typography(text, expected):
    assert normalize(text) == expected


def test_normalize_word_is_lower_case_and_repaired():
    assert normalize_word("ҚҰЗЫРЕТТ" + "I" + "Л" + "I" + "К") == "құзыреттілік"
    assert normalize_word("\uf0d8") == "•"


def test_offsets_point_into_the_original():
    original = "a\u00adб “сөз” бiлiм"
    n = normalize_with_offsets(original)
    assert n.text == "аб «сөз» білім"  # the Latin a joined a Cyrillic word: repaired
    start = n.text.index("білім")
    s, e = n.source_span(start, start + len("білім"))
    assert original[s:e] == "бiлiм"


def test_normalize_rejects_bytes_with_a_helpful_message():
    with pytest.raises(TypeError, match="decode"):
        normalize_with_offsets(b"bytes")


def test_latin_look_alikes_in_unimorph_verbs_are_repaired(shared_data):
    """kaz.sm writes many Cyrillic verbs with Latin a/e/o/p/c/x/y: none survive."""
    path = shared_data / "unimorph_kaz" / "kaz.sm"
    mixed = repaired = 0
    for line in path.read_text(encoding="utf-8").splitlines()[:5000]:
        form = line.split("\t")[1] if "\t" in line else ""
        for word in form.split():
            if any("a" <= c.lower() <= "z" for c in word) and any("\u0400" <= c <= "\u04ff" for c in word):
                mixed += 1
                fixed = normalize(word)
                repaired += not any("a" <= c.lower() <= "z" for c in fixed)
    assert mixed > 100
    assert repaired == mixed


@given(st.text(max_size=200))
def test_offsets_are_monotonic_and_complete(text):
    n = normalize_with_offsets(text)
    assert len(n.offsets) == len(n.text) + 1
    assert list(n.offsets) == sorted(n.offsets)
    assert n.offsets[-1] == len(text)


@given(st.text(alphabet=st.sampled_from(list('абвқәі aeoicpIüÜ"“”-—\u00a0\u00ad\u0306\n')), max_size=80))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
