"""Forms → lemmas, one table per rule of the suffix grammar (examples written for the project)."""

from __future__ import annotations

import pytest

import kzedutext as kz
from kzedutext.morph import Analyzer, Lexicon

PEDAGOGY = [
    ("құзыреттілігін", "құзыреттілік"),
    ("сауаттылығын", "сауаттылық"),
    ("біліктілігін", "біліктілік"),
    ("мұғалімдеріміздің", "мұғалім"),
    ("оқушыларымыздың", "оқушы"),
    ("мектептеріміздегі", "мектеп"),
    ("құзыреттіліктердің", "құзыреттілік"),
    ("шығармашылығын", "шығармашылық"),
    ("педагогтердің", "педагог"),
    ("бағдарламасына", "бағдарлама"),
    ("сабақтарында", "сабақ"),
]
HARMONY_AND_ASSIMILATION = [  # plural and case endings follow the stem's vowels and last sound
    ("балалар", "бала"),
    ("мектептер", "мектеп"),
    ("адамдар", "адам"),
    ("қыздар", "қыз"),
    ("баланың", "бала"),
    ("адамның", "адам"),
    ("жердің", "жер"),
    ("кітаптың", "кітап"),
    ("мектепке", "мектеп"),
    ("балаға", "бала"),
    ("мектепте", "мектеп"),
    ("баладан", "бала"),
    ("адамнан", "адам"),
    ("мектептен", "мектеп"),
    ("баламен", "бала"),
    ("кітаппен", "кітап"),
]
POSSESSIVE_AND_CASE = [
    ("балаларының", "бала"),
    ("кітабым", "кітап"),
    ("кітабыңыз", "кітап"),
    ("мектебімізге", "мектеп"),
    ("мектептегі", "мектеп"),
    ("баланікі", "бала"),
    ("ісіне", "іс"),
    ("ішінде", "іш"),
]
STEM_VOICING = [  # п к қ before a vowel become б г ғ: the lemma keeps the voiceless one
    ("мектебі", "мектеп"),
    ("жүрегі", "жүрек"),
    ("құқығы", "құқық"),
    ("кітабы", "кітап"),
    ("сабағы", "сабақ"),
]
VOWEL_DROP = [  # a close vowel drops before a vowel-initial suffix
    ("халқы", "халық"),
    ("халқының", "халық"),
    ("орны", "орын"),
    ("орнына", "орын"),
    ("аузы", "ауыз"),
    ("мұрны", "мұрын"),
]
PREDICATIVE = [
    ("мұғаліммін", "мұғалім"),
    ("студентпін", "студент"),
]
VERBS = [  # voice (passive, cooperative) is an inflection; causatives are verbs of their own
    ("келді", "кел"),
    ("барады", "бар"),
    ("оқиды", "оқы"),
    ("жазған", "жаз"),
    ("айтып", "айт"),
    ("бармады", "бар"),
    ("жазылды", "жаз"),
    ("оқытады", "оқыт"),
    ("қояды", "қой"),
    ("қарастырылған", "қарастыр"),
    ("дамытуға", "дамыт"),
    ("жатса", "жат"),
    ("келетін", "кел"),
]
IRREGULAR = [
    ("маған", "мен"),
    ("оның", "ол"),
    ("оларды", "ол"),
    ("мұнда", "бұл"),
    ("еді", "е"),
    ("емес", "е"),
]
PROPER_AND_HYPHENATED = [
    ("Абайдың", "Абай"),
    ("Алматыда", "Алматы"),
    ("оқу-тәрбиесінің", "оқу-тәрбие"),
    ("АКТ-ны", "АКТ"),
]
TABLES = PEDAGOGY + HARMONY_AND_ASSIMILATION + POSSESSIVE_AND_CASE + STEM_VOICING + VOWEL_DROP + (
    PREDICATIVE + VERBS + IRREGULAR + PROPER_AND_HYPHENATED
)


@pytest.mark.parametrize(("form", "lemma"), TABLES)
def test_lemmatize(form, lemma):
    assert kz.lemmatize(form) == lemma


@pytest.mark.parametrize(("form", "lemma"), STEM_VOICING + VOWEL_DROP + VERBS[:6])
def test_the_grammar_alone_handles_unseen_forms(form, lemma):
    """Without the table of attested forms the rules still find the lemma."""
    analyzer = Analyzer(lexicon=Lexicon.default().copy(forms=False))
    assert analyzer.lemmatize(form) == lemma


@pytest.mark.parametrize("word", ["", "xyzq", "…", "2024", "ыыыыыы"])
def test_unanalysable_words_come_back_as_themselves(word):
    assert kz.lemmatize(word).lower() == word.lower()


def test_analyze_gives_pos_and_ud_features():
    best = kz.analyze("оқушылардың")[0]
    assert (best.lemma, best.upos) == ("оқушы", "NOUN")
    assert set(best.feats) >= {"Case=Gen", "Number=Plur"}
    verb = kz.analyze("жазылмады")[0]
    assert verb.lemma == "жаз" and verb.upos == "VERB"
    assert {"Voice=Pass", "Polarity=Neg", "Tense=Past"} <= set(verb.feats)


def test_analyze_lists_every_reading_best_first():
    readings = kz.analyze("жылы")
    lemmas = [a.lemma for a in readings]
    assert lemmas[0] == "жыл" and "жылы" in lemmas
    assert [a.score for a in readings] == sorted(a.score for a in readings)


def test_users_can_add_lemmas():
    lex = Lexicon.default().copy()
    assert not Analyzer(lexicon=lex).analyze("скрайбингтерімізді")[0].known
    lex.add("скрайбинг", "NOUN")
    best = Analyzer(lexicon=lex).analyze("скрайбингтерімізді")[0]
    assert best.known and best.lemma == "скрайбинг"


def test_unknown_part_of_speech_is_rejected_with_the_valid_tags():
    with pytest.raises(ValueError, match="NOUN"):
        Lexicon().add("сөз", "noun")


def test_latin_look_alikes_are_repaired_before_analysis():
    assert kz.lemmatize("мектептepдің") == "мектеп"  # Latin e and p inside


@pytest.mark.parametrize("word", [None, 3, ["мектеп"]])
def test_a_word_that_is_not_a_str_is_refused_with_what_to_pass(word):
    with pytest.raises(TypeError, match="expected one word as a str"):
        kz.lemmatize(word)
    with pytest.raises(TypeError, match="expected one word as a str"):
        kz.analyze(word)


@pytest.mark.parametrize(("word", "lemma"), [("сынып", "сынып"), ("қала", "қала"), ("ойын", "ойын"),
                                             ("сыныпта", "сынып"), ("қаласы", "қала")])
def test_bare_school_nouns_are_not_read_as_another_word(word, lemma):
    # сынып is "class", not the converb of сын- "break"; қала is "city", not қал- "remain"
    assert kz.lemmatize(word) == lemma
