"""Clusters, topics, embeddings and the document map on the sample corpus."""

import matplotlib

matplotlib.use("Agg")

import math  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sample_corpus import sample_docs  # noqa: E402
from sklearn.metrics import normalized_mutual_info_score  # noqa: E402

import kzedutext as kz  # noqa: E402
from kzedutext.explore.cluster import cluster  # noqa: E402
from kzedutext.explore.docmap import doc_map, plot_doc_map  # noqa: E402
from kzedutext.explore.embeddings import doc2vec, word2vec  # noqa: E402
from kzedutext.explore.topics import coherence, lda_topics, nmf_topics  # noqa: E402


@pytest.fixture(scope="module")
def docs():
    return sample_docs()


@pytest.fixture(scope="module")
def halves(docs):
    """Each sample article split into its first and second half: two documents per true group."""
    nlp = kz.load()
    texts, groups = [], []
    for g, doc in enumerate(docs):
        paragraphs = doc.text.split("\n\n")
        mid = len(paragraphs) // 2
        texts += ["\n\n".join(paragraphs[:mid]), "\n\n".join(paragraphs[mid:])]
        groups += [g, g]
    return list(nlp.pipe(texts)), groups


@pytest.mark.parametrize("method", ["kmeans", "agglomerative"])
def test_halves_of_one_article_fall_in_one_cluster(halves, method):
    halves_docs, groups = halves
    result = cluster(halves_docs, k=len(set(groups)), method=method)
    assert normalized_mutual_info_score(groups, result.labels) > 0.8
    assert len(result.names) == len(set(groups)) and all(result.names)


def test_silhouette_chooses_k_within_the_range(docs):
    result = cluster(docs, k_range=(2, 6))
    assert set(result.silhouettes) == {2, 3, 4, 5, 6}
    assert result.k == max(result.silhouettes, key=result.silhouettes.get)
    assert len(set(result.labels)) == result.k and len(result.labels) == len(docs)


def test_cluster_labels_are_lemma_phrases_from_the_cluster(halves):
    halves_docs, groups = halves
    result = cluster(halves_docs, k=len(set(groups)))
    inclusive = result.labels[groups.index(13)]  # kk14, inclusive education
    assert "инклюзивті" in result.top_terms[inclusive][:5]


def test_clustering_is_deterministic(docs):
    assert cluster(docs, k=4).labels == cluster(docs, k=4).labels


def test_ward_on_a_corpus_too_large_for_memory_is_refused_with_the_fix(monkeypatch, docs):
    import kzedutext.explore.cluster as clustering

    monkeypatch.setattr(clustering, "MAX_WARD_DOCS", len(docs) - 1)
    with pytest.raises(ValueError, match="use method='kmeans'"):
        cluster(docs, k=3, method="agglomerative")
    assert cluster(docs, k=3).k == 3


def test_a_large_corpus_gets_a_seeded_sample_silhouette_close_to_the_full_one():
    from sklearn.metrics import silhouette_score

    from kzedutext.explore.cluster import SILHOUETTE_SAMPLE, _silhouette

    rng = np.random.default_rng(0)
    centres = rng.normal(size=(4, 12)) * 3
    labels = rng.integers(0, 4, SILHOUETTE_SAMPLE + 2000)
    vectors = centres[labels] + rng.normal(size=(len(labels), 12))
    sampled = _silhouette(vectors, labels, random_state=0)
    assert sampled == _silhouette(vectors, labels, random_state=0)  # same seed, same figure
    assert abs(sampled - silhouette_score(vectors, labels, metric="cosine")) < 0.02


@pytest.mark.parametrize("model", [nmf_topics, lambda d, **kw: lda_topics(d, passes=5, **kw)])
def test_topic_models_give_topics_weights_and_finite_coherence(docs, model):
    result = model(docs, k=5, top_n=8)
    assert len(result.topics) == 5 and result.doc_topics.shape == (len(docs), 5)
    assert all(len(t.terms) == 8 and t.label for t in result.topics)
    for score in (result.coherence_umass, result.coherence_cv):
        assert score is not None and math.isfinite(score)
    assert -30 < result.coherence_umass <= 0 and 0 <= result.coherence_cv <= 1


@pytest.mark.parametrize("k", [6, 8, 10])
def test_nmf_finds_the_digital_resources_topic(docs, k):
    """kk08 and kk41 (which copies part of it) make one topic whatever the number of topics."""
    topics = nmf_topics(docs, k=k).topics
    assert any({"цифрлық", "симуляция"} <= set(t.terms[:5]) for t in topics)


@pytest.mark.parametrize(
    ("topics", "texts"),
    [
        ([["жоқ", "сөздер"]], [["мектеп", "оқушы"], ["мектеп"]]),  # words absent from the texts
        ([["мектеп", "оқушы"]], [["мектеп", "оқушы"]]),  # a single text
        ([], [["мектеп"], ["оқушы"]]),
    ],
)
def test_coherence_is_none_not_nan_in_degenerate_cases(topics, texts):
    umass, cv = coherence(topics, texts)
    assert umass is None or math.isfinite(umass)
    assert cv is None or math.isfinite(cv)


def test_word2vec_is_trained_on_lemmas_and_repeatable(docs):
    a = word2vec(docs, vector_size=32, epochs=5)
    b = word2vec(docs, vector_size=32, epochs=5)
    assert "мұғалім" in a and "мұғалімнің" not in a
    assert np.allclose(a["мұғалім"], b["мұғалім"])


def test_doc2vec_gives_one_vector_per_document(docs):
    vectors = doc2vec(docs, vector_size=16, epochs=5)
    assert vectors.shape == (len(docs), 16) and np.isfinite(vectors).all()


def test_doc_map_places_halves_of_an_article_close(halves):
    halves_docs, groups = halves
    points = doc_map(halves_docs)
    assert points.shape == (len(groups), 2)
    fig = plot_doc_map(points, labels=groups)
    assert len(fig.axes[0].collections) == len(set(groups))


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda d: cluster(d, method="dbscan"), "dbscan"),
        (lambda d: cluster(d, k=0), "k"),
        (lambda d: cluster(d, k_range=(1, 3)), "k_range"),
        (lambda d: nmf_topics(d, k=0), "k"),
        (lambda d: lda_topics(d, top_n=1), "top_n"),
        (lambda d: word2vec([]), "words"),
        (lambda d: plot_doc_map(np.zeros((2, 2)), labels=[1]), "labels"),
    ],
)
def test_bad_options_are_named(docs, call, name):
    with pytest.raises(ValueError, match=name):
        call(docs)


def test_empty_input_gives_empty_results():
    assert cluster([]).labels == ()
    assert nmf_topics([]).topics == () and lda_topics([]).topics == ()
    assert doc_map([]).shape == (0, 2)


LESSON = "Мұғалім сабақта оқушылармен пікірталас өткізеді. Оқушылар өз ойын дәлелдеп, бір-бірін тыңдайды."
GAME = "Бала ойын арқылы әлемді таниды. Балалар ойынды жақсы көреді."


def test_identical_documents_are_one_cluster_when_asked_and_a_clear_error_otherwise(nlp):
    same = [nlp(LESSON)] * 3
    with pytest.raises(ValueError, match="same content words.*pass k=1"):
        cluster(same)
    one = cluster(same, k=1)
    assert (one.labels, one.k) == ((0, 0, 0), 1) and one.names[0]
    assert cluster(same[:2]).labels == (0, 0)  # two documents: one cluster, as before
    assert doc_map(same).tolist() == [[0.0, 0.0]] * 3


def test_documents_without_content_words_are_a_clear_error_and_an_empty_map(nlp):
    empty = [nlp(""), nlp("2014, 2015."), nlp("")]
    with pytest.raises(ValueError, match="none of the 3 documents has a content word"):
        cluster(empty, k=1)
    assert doc_map(empty).tolist() == [[0.0, 0.0]] * 3


def test_k_above_the_distinct_documents_is_lowered_with_a_warning(nlp):
    docs = [nlp(LESSON), nlp(GAME), nlp("Мұғалім балалармен ойын ойнайды.")]
    with pytest.warns(UserWarning, match="k=5 is more than the 3 documents; using k=3"):
        assert sorted(cluster(docs, k=5).labels) == [0, 1, 2]
    with pytest.warns(UserWarning, match=r"k=3 is more than the 2 documents the vectors tell apart \(of 3\)"):
        assert cluster([docs[0], docs[0], docs[1]], k=3).labels == (0, 0, 1)


def test_asking_more_topics_than_documents_warns_and_uses_what_there_is(docs):
    with pytest.warns(UserWarning, match="k=10 topics is more than NMF can find in 3 documents"):
        result = nmf_topics(docs[:3], k=10)
    assert len(result.topics) == 3


def test_doc_map_plot_draws_missing_labels_as_one_group_and_refuses_a_corpus(docs):
    import pandas as pd

    points = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])
    fig = plot_doc_map(points, labels=pd.Series([2019, None, None]))
    groups = {c.get_label(): len(c.get_offsets()) for c in fig.axes[0].collections}
    assert groups == {"2019.0": 1, "n/a": 2}
    with pytest.raises(TypeError, match=r"plot_doc_map\(doc_map\(corpus\)"):
        plot_doc_map(docs)


def test_embeddings_of_too_little_text_say_what_is_missing():
    nlp = kz.load()
    with pytest.raises(ValueError, match="no lemma occurs 2 times or more"):
        word2vec([nlp("Мұғалім сабақ береді.")])
    with pytest.raises(ValueError, match="lower min_count"):
        doc2vec([nlp("Мұғалім сабақ береді.")])


def test_lda_warns_when_asked_more_topics_than_documents(docs):
    with pytest.warns(UserWarning, match="k=10 topics from 3 documents"):
        lda_topics(docs[:3], k=10, passes=2)
