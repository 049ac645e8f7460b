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
    ],
)
def test_dashes_are_split(left, right):
    assert JUDGE.is_dash(left, right)


def test_split_unknown_switches_the_default():
    strict = HyphenJudge(JUDGE.compounds, split_unknown=True)
    assert strict.is_dash("роман", "эпопея")
    assert not strict.is_dash("оқу", "тәрбие")
