"""The kk_lemmatizer component in the default pipeline."""

from __future__ import annotations

import pickle

import spacy

import kzedutext as kz


def test_the_default_pipeline_fills_lemmas_and_pos(nlp):
    doc = nlp("Мұғалімдердің кәсіби құзыреттілігі 2024 жылы артты.")
    assert [t.lemma_ for t in doc] == ["мұғалім", "кәсіби", "құзыреттілік", "2024", "жыл", "арт", "."]
    assert [t.pos_ for t in doc][:3] == ["NOUN", "ADJ", "NOUN"]
    assert doc[3].pos_ == "NUM" and doc[-1].pos_ == "PUNCT"


def test_lemmas_match_kz_lemmatize(nlp):
    text = "Оқушыларымыздың функционалдық сауаттылығын дамыту – мектептеріміздегі басты міндет."
    assert [t.lemma_ for t in nlp(text) if t.is_alpha] == [kz.lemmatize(t.text) for t in nlp(text) if t.is_alpha]


def test_features_are_optional():
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_lemmatizer", config={"assign_morph": True})
    doc = nlp("оқушылардың")
    assert doc[0].morph.get("Case") == ["Gen"] and doc[0].morph.get("Number") == ["Plur"]
    assert str(kz.load()("оқушылардың")[0].morph) == ""


def test_repeated_documents_give_the_same_lemmas(nlp):
    texts = ["Мектептегі тәрбие жұмысы.", "Педагогтердің біліктілігін арттыру."] * 3
    lemmas = [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]
    assert lemmas[0] == lemmas[2] == lemmas[4] and lemmas[1] == lemmas[3]


def test_empty_text(nlp):
    assert len(nlp("")) == 0


def test_pipeline_survives_pickling(nlp):
    clone = pickle.loads(pickle.dumps(nlp))
    assert clone("мектебі")[0].lemma_ == "мектеп"


def test_batches_get_the_lemmas_of_one_document_at_a_time(nlp):
    texts = ["Мектептегі тәрбие жұмысы.", "", "мектебі", "Педагогтердің біліктілігін арттыру, т.б.", "ә"]
    for batch_size in (1, 2, len(texts)):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
        assert [[(t.lemma_, t.pos_) for t in doc] for doc in docs] == [
            [(t.lemma_, t.pos_) for t in nlp(text)] for text in texts
        ]
    assert [t.lemma_ for t in docs[2]] == ["мектеп"]
