"""The hyphen judge tells compounds from hyphens typed for dashes."""

import pytest

from kzedutext.lang.kk.hyphens import HyphenJudge

JUDGE = HyphenJudge.default()


@pytest.mark.parametrize(
    "left, right",
    [
        ("өзін", "өзі"),  # known compound with an inflected first part
        ("бір", "біріне"),
        ("оқу", "тәрбиелік"),  # known compound, inflected right part
        ("ата", "анасын"),
        ("жан", "жақты"),
        ("үзілді", "кесілді"),  # parallel endings
        ("мақсаттары", "міндеттері"),  # parallel plural + possessive
        ("абыр", "сабыр"),  # echo pair
        ("кітап", "мітап"),  # m-reduplication
        ("сонда", "ақ"),  # enclitic
        ("Жасаған", "ау"),
        ("әл", "Фараби"),  # name particle
        ("Тянь", "Шань"),  # two capitals
        ("АКТ", "ны"),  # acronym + ending
        ("әлеуметтік", "экономикалық"),  # coordinated adjectives
        ("ақпараттық", "коммуникациялық"),
        ("роман", "эпопея"),  # unknown noun pair: kept (KTB keeps most)
        ("ауылда", "ауылда"),  # the same case on both sides: a repeat
        ("өзін", "өзі"),  # a listed compound wins over the accusative on the left
        ("ағайын", "туыстарына"),  # paired words of general Kazakh (paired_words.txt)
        ("ауру", "сырқатынан"),  # listed: the verbal-noun rule would split it
        ("үлкенді", "кішілі"),
        ("ХХ", "ның"),  # a Roman numeral with a case ending stays one token
    ],
)
def test_compounds_are_kept(left, right):
    assert not JUDGE.is_dash(left, right)


@pytest.mark.parametrize(
    "left, right",
    [
        ("дамуы", "құндылығы"),  # verbal noun + possessive on the left
        ("асуы", "бұл"),  # a clause opener on the right
        ("бірі", "әлемдік"),  # possessive numeral
        ("ағасы", "Эдуард"),  # lower case before a capital
        ("мектебінің", "басты"),  # genitive
        ("бағдарламасынан", "бастап"),  # ablative
        ("мақсаты", "яғни"),
        ("көшу", "мектептің"),  # bare verbal noun
        ("аздығы", "жиі"),  # -лық + possessive
        ("кітапты", "оқыды"),  # accusative on the left (found by the analyser)
        ("оқушыға", "мұғалім"),  # dative
        ("мектепте", "сабақ"),  # locative
        ("баламен", "бірге"),  # instrumental
        ("қолдан", "қолға"),  # two different cases: an Apertium-style split
        ("XIX", "XX"),  # a range of Roman numerals, like 2011-2020
        ("ХІХ", "ХХ"),  # the same typed with Cyrillic look-alikes
    ],
)
def test_dashes_are_split(left, right):
    assert JUDGE.is_dash(left, right)


def test_split_unknown_switches_the_default():
    strict = HyphenJudge(JUDGE.compounds, split_unknown=True)
    assert strict.is_dash("роман", "эпопея")
    assert not strict.is_dash("оқу", "тәрбие")


@pytest.mark.parametrize("name", ["hyphen_compounds.txt", "paired_words.txt"])
def test_compound_lists_are_well_formed(name):
    from kzedutext._data import read_lines

    entries = read_lines("kzedutext.lang.kk", name)
    assert entries, name
    for entry in entries:
        left, sep, right = entry.partition("-")
        assert sep and left and left == left.lower() and right == right.lower(), entry
    assert len(entries) == len(set(entries)), [e for e in entries if entries.count(e) > 1]
