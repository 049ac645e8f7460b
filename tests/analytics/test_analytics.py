"""Analytics on the sample corpus: frequency, KWIC, n-grams, collocations, keyness, comparisons."""

from collections import Counter

import pytest
from sample_corpus import sample_corpus, sample_docs

import kzedutext as kz
from kzedutext.analytics.collocations import MEASURES, collocations
from kzedutext.analytics.compare import compare
from kzedutext.analytics.frequency import frequency, juilland_d
from kzedutext.analytics.keyness import keyness
from kzedutext.analytics.kwic import kwic
from kzedutext.analytics.ngrams import ngrams
from kzedutext.analytics.terms import is_word


@pytest.fixture(scope="module")
def docs():
    return sample_docs()


# -- frequency ----------------------------------------------------------------------
def test_lemma_counts_gather_the_word_forms(docs):
    by_lemma = {r.term: r.count for r in frequency(docs)}
    forms = Counter(t.norm_.lower() for d in docs for t in d if is_word(t) and t.lemma_.lower() == "мектеп")
    assert len(forms) >= 3  # мектеп, мектептің, мектепте, ...
    assert by_lemma["мектеп"] == sum(forms.values())
    by_form = {r.term: r.count for r in frequency(docs, by="form")}
    assert by_lemma["мектеп"] > max(by_form.get(f, 0) for f in forms)


def test_spelling_variants_of_a_lemma_count_together(nlp):
    docs = [nlp("Мұғалімнің кәсіби құзіреттілігі артты."), nlp("Құдыреттілік пен құзыреттілік бір ұғым.")]
    by_lemma = {r.term: (r.count, r.n_docs) for r in frequency(docs)}
    assert by_lemma["құзыреттілік"] == (3, 2)
    assert "құзіреттілік" not in by_lemma and "құдыреттілік" not in by_lemma
    assert "құзіреттілігі" in {r.term for r in frequency(docs, by="form")}  # forms stay as written


BULLETED = "Сынып жетекшісінің міндеттері:\nü ата-анамен сөйлесу;\nü сынып сағатын өткізу;\nü оқушыны қолдау."


def test_word_bullets_are_not_words(nlp):
    doc = nlp(BULLETED)
    assert [t.norm_ for t in doc if t.text == "ü"] == ["•"] * 3  # Wingdings bullets, as Word writes them
    terms = {r.term for r in frequency([doc], stop_words=True)} | {r.term for r in frequency([doc], by="form")}
    assert terms and not any(not any(ch.isalpha() for ch in term) for term in terms)
    from kzedutext.explore.vectors import lemma_lists  # what topics and cluster labels are made of

    assert "•" not in lemma_lists([doc])[0]
    assert kz.Corpus.from_texts([BULLETED]).to_dataframe()["n_words"][0] == sum(
        1 for t in doc if t.text not in ("ü", ":", ";", ".", "\n")
    )


def test_frequency_is_sorted_and_leaves_stop_words_out(docs):
    rows = frequency(docs)
    assert [r.count for r in rows] == sorted((r.count for r in rows), reverse=True)
    assert "және" not in {r.term for r in rows}
    assert "және" in {r.term for r in frequency(docs, stop_words=True, top=20)}
    assert len(frequency(docs, top=7)) == 7
    assert min(r.count for r in frequency(docs, min_count=5)) == 5


def test_dispersion_separates_spread_words_from_one_article_words(docs):
    rows = {r.term: r for r in frequency(docs)}
    spread = rows["оқушы"]
    assert spread.n_docs >= 14
    concentrated = max((r for r in rows.values() if r.n_docs == 1), key=lambda r: r.count)
    assert concentrated.count >= 4
    assert spread.dispersion > 0.6 > concentrated.dispersion


@pytest.mark.parametrize(
    ("shares", "expected"), [([0.2, 0.2], 1.0), ([0.4, 0.0], 0.0), ([0.1], 1.0), ([0, 0], 0.0)]
)
def test_juilland_d(shares, expected):
    assert juilland_d(shares) == pytest.approx(expected)


# -- KWIC ---------------------------------------------------------------------------
def test_kwic_finds_every_form_of_the_lemma(docs):
    lines = kwic(docs, "мұғалім", window=4)
    assert len(lines) == {r.term: r.count for r in frequency(docs)}["мұғалім"]
    assert len({line.match.lower() for line in lines}) >= 3
    for line in lines[:20]:
        assert docs[line.doc].text[line.start :].startswith(line.match)
        assert len(line.left.split()) <= 4 and len(line.right.split()) <= 4


def test_kwic_sorts_by_left_or_right_context(docs):
    right = kwic(docs, "құзыреттілік", sort="right")
    assert [line.right.lower().split() for line in right] == sorted(
        line.right.lower().split() for line in right
    )
    left = kwic(docs, "құзыреттілік", sort="left")
    keys = [line.left.lower().split()[::-1] for line in left]
    assert keys == sorted(keys)


def test_kwic_matches_a_phrase(docs):
    lines = kwic(docs, "кәсіби даму")
    assert lines and all(line.match.lower().startswith("кәсіби") for line in lines)


QUERY_TEXTS = [
    "Ауыл мектебінде білім беру сапасы артты. Жаңа білім беруді жоспарлау керек.",
    "Мұғалімнің кәсіби құзіреттілігі мен оқушының құзыреттілігі бірге дамиды.",
    "Білім беретін ұйымдар ата-анаға кеңес береді. Мектеп білім береді.",
]


@pytest.mark.parametrize(
    ("query", "matches"),
    [
        ("білім беру", ["білім беру", "білім беруді", "Білім беретін", "білім береді"]),
        ("білім бер", ["білім беру", "білім беруді", "Білім беретін", "білім береді"]),  # the internal lemma
        ("құзіреттілік", ["құзіреттілігі", "құзыреттілігі"]),  # a variant spelling
        ("құзыреттілігі", ["құзіреттілігі", "құзыреттілігі"]),  # an inflected form
    ],
)
def test_kwic_takes_citation_forms_internal_lemmas_and_variant_spellings(nlp, query, matches):
    docs = list(nlp.pipe(QUERY_TEXTS))
    assert [line.match for line in kwic(docs, query)] == matches


def test_kwic_by_form_matches_the_written_form_only(nlp):
    docs = list(nlp.pipe(QUERY_TEXTS))
    assert [line.match for line in kwic(docs, "Білім беруді", by="form")] == ["білім беруді"]


def test_collocations_node_is_lemmatised_like_the_corpus(nlp):
    docs = list(nlp.pipe(QUERY_TEXTS))
    expected = collocations(docs, node="бер", min_count=2, top=None)
    assert expected and collocations(docs, node="беру", min_count=2, top=None) == expected
    assert ("білім", "бер") in {(r.w1, r.w2) for r in expected}
    variant = collocations(docs, node="құзіреттілік", min_count=1, top=None)
    assert variant and all("құзыреттілік" in (r.w1, r.w2) for r in variant)


# -- n-grams and collocations -------------------------------------------------------
def test_ngrams_count_lemma_sequences(docs):
    rows = ngrams(docs, 2, top=10)
    assert ("білім", "бер") in {r.ngram for r in rows}
    assert all(r.count >= 2 and r.n_docs <= r.count for r in rows)
    trigram = ngrams(docs, 3, top=1)[0]
    assert trigram.count <= min(r.count for r in ngrams(docs, 2, min_count=1) if r.ngram == trigram.ngram[:2])


def test_ngrams_do_not_cross_sentences():
    doc = kz.load()("Ол келді. Мектеп жабық. Ол келді. Мектеп ашық.")
    assert ("кел", "мектеп") not in {r.ngram for r in ngrams([doc], 2, min_count=1)}


@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_collocations_are_ranked_by_their_measure(docs, measure):
    rows = collocations(docs, measure=measure, min_count=3, top=15)
    assert rows and all(r.count >= 3 and r.measure == measure for r in rows)
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)


def test_collocations_around_a_node_word_within_a_window(docs):
    rows = collocations(docs, node="құзыреттілік", window=4, min_count=2, top=None)
    assert rows and all("құзыреттілік" in (r.w1, r.w2) for r in rows)
    assert len(rows) > len(collocations(docs, node="құзыреттілік", window=2, min_count=2, top=None))


# -- keyness and comparisons --------------------------------------------------------
def test_keyness_of_the_assessment_article_against_the_rest(docs):
    corpus = sample_corpus()
    rows = corpus.keyness(lambda m: m["id"] == "kk12", min_count=3)
    positive = [r.term for r in rows if r.llr > 0][:5]
    assert "бағалау" in positive
    assert rows[-1].llr < 0 and rows[-1].log_ratio < 0
    by_ratio = keyness([docs[11]], docs[:11] + docs[12:], measure="log_ratio", top=5)
    assert len(by_ratio) == 10 and by_ratio[0].log_ratio >= by_ratio[4].log_ratio > 0 > by_ratio[5].log_ratio


def test_keyness_with_an_empty_side_is_empty(docs):
    assert keyness(docs, []) == []


def test_compare_by_a_metadata_field():
    corpus = sample_corpus()
    groups = {g.group: g for g in compare(corpus, "primary_theme")}
    assert set(groups) == {corpus.meta(i)["primary_theme"] for i in range(len(corpus))}
    assert "бағалау" in [r.term for r in groups["assessment"].keywords[:5]]
    by_year = compare(sample_corpus(), "year", top=3)
    assert sum(g.n_docs for g in by_year) == len(corpus) and all(len(g.keywords) <= 3 for g in by_year)


def test_compare_by_theme_uses_the_pipeline_scores_when_there_are_any():
    corpus = sample_corpus()
    from kzedutext.batch.records import primary_theme

    expected = [
        primary_theme(doc.cats) if doc.cats else corpus.meta(i)["primary_theme"] for i, doc in enumerate(corpus)
    ]
    groups = {g.group: g.n_docs for g in compare(corpus, "theme")}
    assert groups == dict(Counter(expected))


def test_compare_groups_a_document_under_each_of_its_listed_themes():
    corpus = sample_corpus()
    groups = {g.group: g.n_docs for g in compare(corpus, "themes")}
    listed = [corpus.meta(i)["themes"] for i in range(len(corpus))]
    assert groups["competency_approach"] == sum("competency_approach" in t for t in listed) >= 4
    assert sum(groups.values()) == sum(len(t) for t in listed)


# -- validation -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda d: frequency(d, by="stem"), "by"),
        (lambda d: frequency(d, min_count=0), "min_count"),
        (lambda d: kwic(d, "мектеп", sort="middle"), "sort"),
        (lambda d: kwic(d, "мектеп", window=-1), "window"),
        (lambda d: ngrams(d, 0), "n"),
        (lambda d: collocations(d, measure="dice"), "dice"),
        (lambda d: collocations(d, window=1), "window"),
        (lambda d: keyness(d, d, measure="chi2"), "chi2"),
        (lambda d: compare(sample_corpus(), "no_such_field"), "no_such_field"),
        (lambda d: frequency(["not a doc"]), "str"),
    ],
)
def test_bad_options_are_named(docs, call, name):
    with pytest.raises(ValueError, match=name):
        call(docs)


@pytest.mark.parametrize(
    "call",
    [frequency, lambda d: kwic(d, "мектеп"), lambda d: ngrams(d, 2), collocations, lambda d: keyness(d, d)],
)
def test_empty_input_gives_empty_result(call):
    assert call([]) == []
