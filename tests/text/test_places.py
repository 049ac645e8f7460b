"""The place gazetteer: inflected and multi-word names, scopes, and words that only look like places."""

from collections import Counter

import pytest

import kzedutext as kz
from kzedutext._data import read_table
from kzedutext.text.places import CASES, KINDS, SCOPES, find_places, place_scopes


def names(text):
    return [(m.name, m.scope) for m in find_places(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Финляндияның білім беру жүйесі", [("финляндия", "world")]),
    ("Мұғалімдер Сингапурда тәжірибе алмасты", [("сингапур", "world")]),
    ("Римде сенат жиналды", [("рим", "world")]),
    ("Алматыдағы мектептер мен Мәскеудегі институттар", [("алматы", "kz"), ("мәскеу", "near")]),
])
def test_inflected_names_are_found_with_their_scope(text, expected):
    assert names(text) == expected


def test_the_longest_name_wins():
    assert names("Қазақстандағы қазақ мектептері") == [("қазақстан", "kz"), ("қазақ", "kz")]


def test_a_name_of_several_words_matches_its_inflected_last_word():
    found = find_places("Кеме Үнді мұхитына шықты, кейін Жерорта теңізінде жүзді.")
    assert [(m.text, m.name, m.kind) for m in found] == [
        ("Үнді мұхитына", "үнді мұхиты", "water"),
        ("Жерорта теңізінде", "жерорта теңізі", "water"),
    ]


def test_peoples_match_in_lower_case_and_places_only_capitalised():
    assert names("ағылшындар мен гректер") == [("ағылшын", "world"), ("грек", "world")]
    assert names("Ол ауылға оралды, ал інісі аралда қалды.") == []
    assert names("Біз Орал қаласында тұрамыз.") == [("орал", "kz")]


def test_a_name_that_is_also_a_common_word_is_not_taken_at_a_sentence_start():
    assert names("Оралған соң ол Оралда тұрды.") == [("орал", "kz")]
    assert names("Таласқа түспеді. Біз Талас ауданына бардық.") == [("талас", "kz")]


def test_a_month_a_language_and_a_head_word_say_what_a_name_is():
    found = find_places("Қазан айында ағылшын тілі мұғалімдері Есіл ауданы мен Зайсан қаласына барды.")
    assert [(m.name, m.kind) for m in found] == [("есіл", "region"), ("зайсан", "city")]


def test_acronyms_with_endings_and_adjectives_of_countries_count():
    assert names("АҚШ-та және КСРО-ның") == [("ақш", "world"), ("ксро", "near")]
    assert names("Қырғызстандық пен тәжікстандық әріптестер") == [("қырғызстан", "near"), ("тәжікстан", "near")]


def test_lower_case_adjectives_made_from_place_names_count():
    assert names("еуропалық университеттер, римдік заң") == [("еуропа", "world"), ("римдік", "world")]


def test_offsets_slice_the_given_text_even_with_latin_look_alikes():
    text = "Ғалымдар Гeрманияда (Latin e) және Жапонияда оқыды"
    found = find_places(text)
    assert [m.name for m in found] == ["германия", "жапония"]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_place_scopes_and_the_public_name():
    assert place_scopes("Парижде, Пекинде және Астанада") == ["world", "near", "kz"]
    assert kz.find_places is find_places
    assert find_places("") == [] and place_scopes("Мектеп") == []


def test_non_text_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="must be a str"):
        find_places(None)


def test_the_data_file_is_well_formed():
    rows = read_table("kzedutext.text", "places.tsv")
    assert len(rows) >= 400
    assert all(len(r) == 4 and r[1] in KINDS and r[2] in SCOPES and r[3] in CASES for r in rows)
    assert all(r[0] == r[0].lower() for r in rows)
    duplicates = [name for name, n in Counter(r[0] for r in rows).items() if n > 1]
    assert duplicates == []
    assert Counter(r[2] for r in rows).keys() == set(SCOPES)


def test_a_user_file_adds_names_to_the_bundled_ones(tmp_path):
    extra = tmp_path / "my_places.tsv"
    extra.write_text("# our region's villages\nқарасу ауылы\tcity\tkz\tcap\n", encoding="utf-8")
    gazetteer = kz.load_gazetteer(extra=[extra])
    assert gazetteer.n_names == kz.load_gazetteer().n_names + 1
    found = gazetteer.find("Қарасу ауылындағы мектеп пен Парижде")
    assert [(m.text, m.scope) for m in found] == [("Қарасу ауылындағы", "kz"), ("Парижде", "world")]
    assert find_places("Қарасу ауылындағы мектеп") == []  # the bundled one is unchanged


def test_a_user_file_corrects_a_bundled_name(tmp_path):
    extra = tmp_path / "fix.tsv"
    extra.write_text("бурабай\tcity\tkz\tcap\n", encoding="utf-8")
    assert [(m.name, m.kind) for m in kz.load_gazetteer(extra=[extra]).find("Біз Бурабайда демалдық.")] == [
        ("бурабай", "city")]


@pytest.mark.parametrize(("content", "message"), [
    ("париж\tcity\tworld\n", "expected 4 tab-separated fields"),
    ("париж\ttown\tworld\tcap\n", "kind must be one of"),
])
def test_a_bad_user_file_is_named_with_the_fix(tmp_path, content, message):
    extra = tmp_path / "bad.tsv"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        kz.load_gazetteer(extra=[extra])
    assert "bad.tsv" in str(err.value)


def test_an_unreadable_user_file_says_what_is_expected(tmp_path):
    extra = tmp_path / "cp1251.tsv"
    extra.write_bytes("Париж\tcity\tworld\tcap\n".encode("cp1251"))
    with pytest.raises(ValueError, match="UTF-8 TSV"):
        kz.load_gazetteer(extra=[extra])
