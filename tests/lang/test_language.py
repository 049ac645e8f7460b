"""spaCy knows Kazakh once kzedutext is installed; the pipeline survives serialisation."""

import pickle
import subprocess
import sys

import spacy

import kzedutext
from kzedutext.lang.kk import Kazakh


def test_spacy_blank_kk_works_without_importing_kzedutext_first():
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('kk')\n"
        "assert 'kzedutext' in type(nlp).__module__, type(nlp)\n"
        "print([t.text for t in nlp('Оқу-тәрбие, т.б.')])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['Оқу-тәрбие', ',', 'т.б.']"


def test_blank_kk_is_our_language():
    nlp = spacy.blank("kk")
    assert isinstance(nlp, Kazakh) and nlp.lang == "kk"


def test_load_builds_the_default_pipeline():
    nlp = kzedutext.load()
    assert nlp.pipe_names == ["kk_sentencizer", "kk_lemmatizer", "kk_terms", "kk_themes"]
    assert kzedutext.load(disable=("kk_sentencizer",)).pipe_names == ["kk_lemmatizer", "kk_terms", "kk_themes"]


def test_load_rejects_unknown_components():
    import pytest

    with pytest.raises(ValueError, match="kk_lemmatiser"):
        kzedutext.load(disable=("kk_lemmatiser",))


def test_pipeline_round_trips_through_bytes_and_keeps_hyphen_rules(tmp_path):
    nlp = kzedutext.load()
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    text = "кәсіби дамуы-құндылығы, оқу-тәрбие. Екінші сөйлем."
    assert [t.text for t in loaded(text)] == [t.text for t in nlp(text)]
    assert len(list(loaded(text).sents)) == 2
    again = Kazakh().from_bytes(nlp.to_bytes(exclude=["kk_sentencizer"]), exclude=["kk_sentencizer"])
    assert "дамуы" in [t.text for t in again(text)]


def test_tokenizer_pickles():
    nlp = spacy.blank("kk")
    tok = pickle.loads(pickle.dumps(nlp.tokenizer))
    assert [t.text for t in tok("дамуы-құндылығы")] == ["дамуы", "-", "құндылығы"]


def test_nlp_pipe_with_several_processes():
    nlp = kzedutext.load()
    texts = ["Бірінші мәтін. Екінші сөйлем.", "Оқу-тәрбие, т.б."] * 4
    single = [[t.text for t in d] for d in nlp.pipe(texts)]
    multi = [[t.text for t in d] for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert single == multi


def test_a_text_longer_than_spacys_default_limit_is_processed():
    # a proceedings volume in one file: spaCy's 1,000,000-character guard is for parsers
    from kzedutext.lang.kk import MAX_LENGTH

    paragraph = "Мұғалімнің кәсіби құзыреттілігі оқушылардың функционалдық сауаттылығын дамытады.\n\n"
    text = paragraph * (1_100_000 // len(paragraph) + 1)
    assert len(text) > 1_000_000
    nlp = kzedutext.load()
    assert nlp.max_length == spacy.blank("kk").max_length == MAX_LENGTH >= 30_000_000
    doc = nlp(text)
    assert len(doc.spans["competencies"]) == text.count("кәсіби құзыреттілігі")
