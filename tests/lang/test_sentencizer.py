"""Sentence splitting survives abbreviations, initials, bullets and headings."""

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Мұғалім келді. Сабақ басталды.", ["Мұғалім келді.", "Сабақ басталды."]),
        ("Неге? Себебі уақыт аз!", ["Неге?", "Себебі уақыт аз!"]),
        ("Солай ма?! Иә.", ["Солай ма?!", "Иә."]),
        ("Ол 1909 ж. тұтқындалды. Кейін босатылды.", ["Ол 1909 ж. тұтқындалды.", "Кейін босатылды."]),
        ("2010 ж. Алматыда өтті.", ["2010 ж. Алматыда өтті."]),
        ("Л.С. Выготский айтқан. Бұл маңызды.", ["Л.С. Выготский айтқан.", "Бұл маңызды."]),
        ("Проф. Б.А. Тұрғынбаева баяндама жасады.", ["Проф. Б.А. Тұрғынбаева баяндама жасады."]),
        ("кітаптар, т.б. Осы құралдар қажет.", ["кітаптар, т.б.", "Осы құралдар қажет."]),
        ("кітаптар, т.б. құралдар қажет.", ["кітаптар, т.б. құралдар қажет."]),
        (
            "Оқушы мынаны орындауы тиіс: • мақсат қою; • жоспар құру; • нәтижені бағалау.",
            ["Оқушы мынаны орындауы тиіс:", "• мақсат қою;", "• жоспар құру;", "• нәтижені бағалау."],
        ),
        ("Кіріспе\nБілім беру жүйесі өзгеруде.", ["Кіріспе", "Білім беру жүйесі өзгеруде."]),
        ("Қорытынды\n\nСонымен, жұмыс аяқталды.", ["Қорытынды", "Сонымен, жұмыс аяқталды."]),
        ("1. Кіріспе\nМақсат айқын.", ["1. Кіріспе", "Мақсат айқын."]),
        ("білім беру\nжүйесін жаңарту қажет.", ["білім беру\nжүйесін жаңарту қажет."]),
        ("«Бала бере көрме?!» – деп тіледі.", ["«Бала бере көрме?!» – деп тіледі."]),
        ("Ол кетті. – Қайт! – деді шешесі.", ["Ол кетті.", "– Қайт! – деді шешесі."]),
        ("«Бәрі дұрыс.» Сосын үйге қайтты.", ["«Бәрі дұрыс.»", "Сосын үйге қайтты."]),
        ("алады.Бүгінгі сабақ басталды.", ["алады.", "Бүгінгі сабақ басталды."]),
        ("жұмыс аяқталды. келесі кезең басталды.", ["жұмыс аяқталды.", "келесі кезең басталды."]),
        ("Мұғалімдер саны 5 млн. адамға жетті.", ["Мұғалімдер саны 5 млн. адамға жетті."]),
    ],
)
def test_sentences(nlp, text, expected):
    assert sents(nlp, text) == expected


def test_every_token_has_a_sentence_start_value(nlp):
    doc = nlp("Бірінші сөйлем. Екінші сөйлем.")
    assert [t.is_sent_start for t in doc] == [True, False, False, True, False, False]


def test_empty_text(nlp):
    assert list(nlp("").sents) == []


# ---- the vectorised decisions agree with the rules spelt out token by token ----------------

_PIECES = [
    "Мектеп", "мектеп", "оқушылары", "тәрбиелеу", "т.б.", "т.с.с.", "ж.", "млн.", "проф.", "Л.С.", "А.", ".", "!", "?",
    "...", "…", "?!", "..", "»", "«", "(", ")", '"', "'", "“", "”", "–", "-", "—", "•", "ü", "Ø", "·", "1", "12",
    "2024", "1.", "\n", "\n\n", "\n \n", " ", "  ", "\t", ":", ";", ",", "Иә", "е", "5-сынып", "Кіріспе",
]


def reference_starts(doc) -> list[bool]:
    """Sentence starts from _boundary_after applied to every candidate token in turn."""
    from kzedutext.lang.kk.sentencizer import _boundary_after, _is_candidate

    texts = [t.text for t in doc]
    space = [t.is_space for t in doc]
    trailing = [bool(t.whitespace_) for t in doc]
    starts = [i == 0 for i in range(len(doc))]
    for i, text in enumerate(texts):
        if _is_candidate(text):
            start = _boundary_after(i, len(doc), texts.__getitem__, space, trailing)
            if start is not None and 0 < start < len(doc):
                starts[start] = True
    return starts


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  "])), max_size=30))
def test_fast_decisions_match_the_token_by_token_rules(nlp, pieces):
    doc = nlp("".join(piece + gap for piece, gap in pieces))
    assert [bool(t.is_sent_start) for t in doc] == reference_starts(doc)


# one text per role a token can play around a candidate: line breaks, bullets, an abbreviation,
# stops, a closing quote, a quote that also opens, a capital, a digit, an opener, a dash, words
_ROLE_TEXTS = ["\n", "\n\n", "•", "ü", "т.б.", ".", "?", "»", '"', "Иә", "1", "«", "–", "иә", "мектебі"]


def test_every_four_token_neighbourhood_matches_the_token_by_token_rules():
    from itertools import product

    from spacy.tokens import Doc

    nlp = spacy.blank("kk")
    sentencizer = nlp.add_pipe("kk_sentencizer")
    mismatches = []
    for k, words in enumerate(product(_ROLE_TEXTS, repeat=4)):
        spaces = [bool((k >> j) & 1) for j in range(4)]  # vary the spacing between neighbourhoods
        doc = sentencizer(Doc(nlp.vocab, words=list(words), spaces=spaces))
        if [bool(t.is_sent_start) for t in doc] != reference_starts(doc):
            mismatches.append((words, spaces))
    assert mismatches == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " "])), max_size=12), max_size=6),
    st.integers(min_value=1, max_value=4),
)
def test_batches_get_the_starts_of_one_document_at_a_time(nlp, texts, batch_size):
    texts = ["".join(piece + gap for piece, gap in pieces) for pieces in texts]
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    assert [[bool(t.is_sent_start) for t in doc] for doc in docs] == [reference_starts(doc) for doc in docs]


def test_a_batch_with_empty_and_one_token_documents(nlp):
    texts = ["", "•", "Иә.", "", "Бірінші сөйлем. Екінші сөйлем.", "\n\n", "т.б."]
    batched = [[t.is_sent_start for t in doc] for doc in nlp.pipe(texts, batch_size=len(texts))]
    assert batched == [[t.is_sent_start for t in nlp(text)] for text in texts]
    assert batched[4] == [True, False, False, True, False, False]
