"""The three seed articles (real, messy web copies) tokenise and split sensibly."""

import re


def test_offsets_reconstruct_each_seed(nlp, seeds):
    for name, text in seeds.items():
        doc = nlp(text)
        assert doc.text == text, name
        assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc), name


def test_no_full_stop_sticks_to_a_kazakh_word(nlp, seeds):
    for name, text in seeds.items():
        glued = [t.text for t in nlp(text) if re.fullmatch(r"[а-яәғқңөұүһі]{4,}\.", t.text)]
        assert glued == [], (name, glued[:10])


def test_dash_hyphens_split_and_compounds_stay_in_seed_004(nlp, seeds):
    words = [t.text for t in nlp(seeds["004"])]
    for compound in ("оқу-тәрбие", "өзін-өзі", "сондай-ақ", "қарым-қатынас", "ғылыми-педагогикалық"):
        assert compound in words
    for glued in ("дамуы-құндылығы", "асуы-бұл", "бірі-әлемдік"):
        assert glued not in words
        left, right = glued.split("-")
        assert [left, "-", right] in [words[i : i + 3] for i in range(len(words))]


def test_contact_details_stay_whole_in_seed_004(nlp, seeds):
    words = [t.text for t in nlp(seeds["004"])]
    assert "8-775-894-64-81" in words


def test_bullets_start_sentences_in_seed_002(nlp, seeds):
    sents = [s.text.strip() for s in nlp(seeds["002"]).sents]
    bulleted = [s for s in sents if s.startswith("•")]
    assert len(bulleted) == 4
    assert any(s.endswith("тиіс:") for s in sents)


def test_headings_are_sentences_in_seed_004(nlp, seeds):
    sents = {s.text.strip() for s in nlp(seeds["004"]).sents}
    for heading in ("Аннотация", "Кіріспе", "Әдебиеттер тізімі:"):
        assert heading in sents


def test_latin_letters_inside_words_are_repaired_in_norms(nlp, seeds):
    for text in seeds.values():
        for t in nlp(text):
            if (
                re.search("[\u0400-\u04ff]", t.text)
                and re.search("[a-zA-Z]", t.text)
                and not t.like_url
                and not t.like_email
            ):
                assert not re.search("[a-zA-Z]", t.norm_), t.text
