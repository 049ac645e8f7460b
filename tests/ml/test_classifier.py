"""TextClassifier and KazakhVectorizer follow scikit-learn's rules on raw Kazakh strings."""

import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline

from kzedutext.ml import KazakhVectorizer, TextClassifier, lemma_tokens
from kzedutext.ml.analysis import proper_noun_tokens
from kzedutext.ml.features import prefix_string

# three small, clearly separated topics written for these tests
TEXTS = [
    "Оқушылар кітапханадан кітап алып оқиды",
    "Кітап оқу баланың сөздік қорын байытады",
    "Мұғалім оқушыларға жаңа кітапты оқып берді",
    "Балалар ертегі кітабын қызыға оқыды",
    "Футбол командасы жарыста жеңіске жетті",
    "Ойыншылар стадионда футбол ойнады",
    "Спорт жарысына мектеп командасы қатысты",
    "Жаттықтырушы командаға жаттығу өткізді",
    "Компьютер бағдарламасы деректерді өңдейді",
    "Оқушылар компьютерде бағдарлама жазды",
    "Цифрлық құрылғылар деректерді сақтайды",
    "Интернет арқылы бағдарлама жүктелді",
]
LABELS = ["оқу"] * 4 + ["спорт"] * 4 + ["цифр"] * 4
MULTI = [["оқу"], ["оқу"], ["оқу", "мектеп"], ["оқу"], ["спорт"], ["спорт"], ["спорт", "мектеп"],
         ["спорт"], ["цифр"], ["цифр", "мектеп"], ["цифр"], ["цифр"]]
NEW = ["Балалар кітап оқуды жақсы көреді", "Футбол ойынында команда жеңді", "Компьютер деректерді өңдеді"]


@pytest.fixture(scope="module")
def fitted():
    return TextClassifier().fit(TEXTS, LABELS)


def test_lemma_tokens_merge_inflected_forms_and_drop_stop_words():
    assert lemma_tokens("кітапты және кітаптың") == ["кітап", "кітап"]
    assert lemma_tokens("1991 жылы", numbers=False) == ["жыл"]
    with pytest.raises(ValueError, match="str"):
        lemma_tokens(None)


def test_multiclass_predicts_unseen_inflections(fitted):
    assert fitted.predict(NEW).tolist() == ["оқу", "спорт", "цифр"]
    proba = fitted.predict_proba(NEW)
    assert proba.shape == (3, 3) and np.allclose(proba.sum(axis=1), 1.0)
    assert fitted.classes_.tolist() == ["оқу", "спорт", "цифр"]


def test_multilabel_returns_indicator_columns_in_classes_order():
    clf = TextClassifier().fit(TEXTS, MULTI)
    assert clf.classes_.tolist() == ["мектеп", "оқу", "спорт", "цифр"]
    pred = clf.predict(NEW)
    assert pred.shape == (3, 4) and set(np.unique(pred)) <= {0, 1}
    labels = clf.predict_labels(NEW)
    assert "оқу" in labels[0] and "спорт" in labels[1] and "цифр" in labels[2]


def test_clone_keeps_parameters_and_drops_state(fitted):
    copy = clone(fitted)
    assert copy.get_params() == fitted.get_params()
    assert not hasattr(copy, "classes_")


def test_pickle_round_trip_gives_the_same_probabilities(fitted):
    again = pickle.loads(pickle.dumps(fitted))
    assert np.allclose(again.predict_proba(NEW), fitted.predict_proba(NEW))


def test_grid_search_over_classifier_and_vectorizer_parameters():
    grid = GridSearchCV(TextClassifier(), {"nb_weight": [0.0, 0.3],
                                           "vectorizer": [KazakhVectorizer(), KazakhVectorizer(char_ngram_range=None)]},
                        cv=2)
    grid.fit(TEXTS, LABELS)
    assert grid.best_params_["nb_weight"] in (0.0, 0.3)
    assert grid.predict(NEW[:1]).tolist() == ["оқу"]


def test_vectorizer_in_a_pipeline_and_empty_input():
    vec = KazakhVectorizer()
    pipe = make_pipeline(KazakhVectorizer(lemma_char_ngram_range=None), LogisticRegression(max_iter=500))
    assert pipe.fit(TEXTS, LABELS).predict(NEW[1:2]).tolist() == ["спорт"]
    assert vec.fit(TEXTS).transform([]).shape == (0, len(vec.get_feature_names_out()))


@pytest.mark.parametrize(
    ("text", "length", "expected"),
    [
        ("мектептегі мектепке мектеп", 6, "мектеп мектеп мектеп"),  # inflections share a stem
        ("оқу 2024 жыл", 5, "оқу жыл"),  # short words stay whole, numbers are left out
        ("әдіскерлерге", 3, "әді"),
        ("", 5, ""),
    ],
)
def test_prefix_string_keeps_the_first_letters_of_each_word(text, length, expected):
    assert prefix_string(text, length=length) == expected


def test_prefix_block_counts_words_the_lemmatiser_may_not_know_together():
    vec = KazakhVectorizer(char_ngram_range=None, lemma_ngram_range=None, lemma_char_ngram_range=None)
    rows = vec.fit_transform(["Зымырантасығыштар ұшты", "Зымырантасығыштың ұшуы"]).toarray()
    assert vec.get_feature_names_out().tolist() == ["prefix:зымыр", "prefix:ұшты", "prefix:ұшуы"]
    assert rows[0][0] > 0 and rows[1][0] > 0
    assert KazakhVectorizer(prefix_length=None).fit(TEXTS).get_feature_names_out()[-1].startswith("lchar:")


@pytest.mark.parametrize("length", [0, -2, 2.5, True])
def test_bad_prefix_length_is_named(length):
    with pytest.raises(ValueError, match="prefix_length"):
        KazakhVectorizer(prefix_length=length).fit(TEXTS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Биыл Қарағандыда жаңа мектеп ашылды", ["қараға"]),  # a capital inside the sentence
        ("Мектепте Бауыржан сабақ берді", ["бауырж"]),  # first word: a common noun, left out
        ("Алматыда жиын өтті", ["алматы"]),  # first word: the analyser reads it as PROPN
        ("Сабақты С. Сейфуллин өткізді", ["сейфул"]),  # the initial is left out, not the name
        ("Жиын бітті. Қонақтар Түркістанға кетті", ["түркіс"]),  # a new sentence starts a capital
        ("ЮНЕСКО мен ЖОО өкілдері", ["юнеско", "жоо"]),  # acronyms
        ("XIX ғасырда және ХХ ғасырда", []),  # Roman numerals, Latin or Cyrillic letters
        ("мұнда бас әріп жоқ 1999", []),
        ("", []),
    ],
)
def test_proper_noun_tokens_keep_capitalised_names_not_sentence_starts(text, expected):
    assert proper_noun_tokens(text) == expected


@pytest.mark.parametrize("length", [0, 1.5, False])
def test_bad_proper_noun_length_is_named(length):
    with pytest.raises(ValueError, match="length"):
        proper_noun_tokens("Абай", length=length)
    with pytest.raises(ValueError, match="proper_noun_length"):
        KazakhVectorizer(proper_noun_length=length).fit(TEXTS)


def test_name_block_joins_inflected_forms_of_one_name():
    vec = KazakhVectorizer(char_ngram_range=None, lemma_ngram_range=None, lemma_char_ngram_range=None,
                           prefix_length=None, places=False)
    rows = vec.fit_transform(["Біз Алматыда тұрамыз", "Олар Алматыға келді", "Мен Шымкенттен шықтым"]).toarray()
    assert vec.get_feature_names_out().tolist() == ["name:алматы", "name:шымкен"]
    assert rows[0][0] > 0 and rows[1][0] > 0 and rows[2][0] == 0


def test_texts_without_any_name_leave_the_name_block_out():
    names = KazakhVectorizer().fit(["кітап оқылды", "футбол ойналды"]).get_feature_names_out()
    assert names.size and not any(f.startswith("name:") for f in names)


def test_unlabelled_texts_with_self_training_are_pseudo_labelled():
    clf = TextClassifier(self_training_rounds=1, self_training_threshold=0.4)
    clf.fit(TEXTS + NEW, LABELS + [None] * len(NEW))
    assert clf.classes_.tolist() == ["оқу", "спорт", "цифр"]
    assert clf.n_pseudo_labels_ >= 1


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"nb_weight": 1.5}, "nb_weight"),
        ({"C": 0}, "C must be positive"),
        ({"nb_alpha": -1}, "nb_alpha"),
        ({"self_training_rounds": -1}, "self_training_rounds"),
    ],
)
def test_bad_parameters_are_named_at_fit(params, message):
    with pytest.raises(ValueError, match=message):
        TextClassifier(**params).fit(TEXTS, LABELS)


@pytest.mark.parametrize(
    ("X", "y", "message"),
    [
        ("Бір мәтін", ["a"], "single str"),
        (TEXTS[:2], ["a"], "2 texts but y has 1"),
        (TEXTS[:2], ["a", "a"], "two classes"),
        ([1, 2], ["a", "b"], "not a str"),
    ],
)
def test_bad_inputs_are_named(X, y, message):
    with pytest.raises(ValueError, match=message):
        TextClassifier().fit(X, y)


# two history topics that share their vocabulary (жыл, соғыс, мемлекет) and differ in where
HISTORY = [
    ("Абылай хан қазақ жасақтарын бастады", "қазақстан"),
    ("Қазақ хандығы қай жылы құрылды", "қазақстан"),
    ("Кенесары көтерілісі Торғай даласында болды", "қазақстан"),
    ("Алаш партиясы Орынборда құрылды", "қазақстан"),
    ("Отырар қаласы қорғанысы қалай өтті", "қазақстан"),
    ("Жоңғар шапқыншылығы қазақ жеріне тиді", "қазақстан"),
    ("Франция королі соғыс жариялады", "әлем"),
    ("Англия парламенті заң қабылдады", "әлем"),
    ("Рим империясы қай жылы құлады", "әлем"),
    ("Египет перғауындары пирамида салды", "әлем"),
    ("Германия мен Италия одақ құрды", "әлем"),
    ("Грек қалалары соғысты", "әлем"),
]


def test_place_block_marks_names_by_scope():
    vec = KazakhVectorizer().fit([t for t, _ in HISTORY])
    names = vec.get_feature_names_out().tolist()
    assert {"place:kz", "place:world", "place:near"} <= set(names)
    assert not any(n.startswith("place:") for n in KazakhVectorizer(places=False).fit(
        [t for t, _ in HISTORY]).get_feature_names_out())


def test_a_state_never_seen_in_training_still_points_abroad():
    texts, labels = zip(*HISTORY, strict=True)
    new = ["Испанияда көтеріліс қашан басталды", "Мексикадағы төңкеріс", "Швецияның астанасы"]
    with_places = TextClassifier().fit(list(texts), list(labels))
    without = TextClassifier(vectorizer=KazakhVectorizer(places=False)).fit(list(texts), list(labels))
    assert with_places.predict(new).tolist() == ["әлем", "әлем", "әлем"]
    assert without.predict(new).tolist() == ["қазақстан", "қазақстан", "қазақстан"]  # what the block adds


def test_bad_places_value_is_named():
    with pytest.raises(ValueError, match="places must be True or False"):
        KazakhVectorizer(places="yes").fit(["Мектеп"])


def test_a_model_pickled_before_the_place_block_still_transforms():
    vec = KazakhVectorizer(places=False).fit([t for t, _ in HISTORY])
    state = vec.__getstate__()
    del state["places"]  # what a vectoriser pickled by an older kzedutext carries
    old = KazakhVectorizer.__new__(KazakhVectorizer)
    old.__setstate__(state)
    new_texts = ["Испанияда көтеріліс болды"]
    assert (old.transform(new_texts) != vec.transform(new_texts)).nnz == 0
    assert old.get_params()["places"] is False


# -- labels in the forms pandas and hand-made lists give -----------------------------------------
SHORT = ["Оқушылар кітап оқиды", "Кітапханада кітап көп", "Футбол ойыны басталды",
         "Ойыншылар доп тепті", "Балалар ертегі оқыды", "Стадионда футбол болды"]


def test_a_nan_label_is_unlabelled_like_none():
    clf = TextClassifier().fit(SHORT, ["оқу", "оқу", "спорт", "спорт", np.nan, float("nan")])
    assert clf.classes_.tolist() == ["оқу", "спорт"]
    assert clf.predict(["Ертегі кітап оқыды"]).tolist() == ["оқу"]


def test_a_multilabel_row_given_as_a_bare_string_is_one_label():
    clf = TextClassifier().fit(SHORT[:4], ["оқу", ["оқу", "спорт"], ["спорт"], ("спорт",)])
    assert clf.classes_.tolist() == ["оқу", "спорт"]


def test_a_none_row_in_multilabel_y_has_no_labels():
    clf = TextClassifier().fit(SHORT, [["оқу"], ["оқу"], ["спорт"], ["спорт"], None, []])
    assert clf.classes_.tolist() == ["оқу", "спорт"]
    assert clf.predict_proba(SHORT).shape == (6, 2)


@pytest.mark.parametrize("y", [[["оқу"]] * 6, [["оқу"], ["оқу"], [], [], ["оқу"], []]])
def test_multilabel_with_a_single_label_gives_one_probability_column(y):
    clf = TextClassifier().fit(SHORT, y)
    proba = clf.predict_proba(SHORT)
    assert clf.classes_.tolist() == ["оқу"] and proba.shape == (6, 1)
    labels = clf.predict_labels(SHORT)
    assert len(labels) == 6 and clf.predict(SHORT).shape == (6, 1)
    if all(y):  # the label is on every text: it is predicted for every text
        assert labels == [("оқу",)] * 6
    else:  # the reading texts have it, the football texts do not
        assert labels[0] == ("оқу",) and labels[2] == ()


def test_self_training_with_multilabel_y_warns_that_it_is_ignored():
    with pytest.warns(UserWarning, match="self_training_rounds=2 is ignored with multi-label y"):
        clf = TextClassifier(self_training_rounds=2).fit(TEXTS, MULTI)
    assert not hasattr(clf, "n_pseudo_labels_")


def test_expected_sklearn_warnings_on_a_constant_label_do_not_leak(recwarn):
    # "мектеп" is on no text of this fold-like subset: sklearn warns "Label not 1 is present in all ..."
    y = [["оқу", "мектеп"] if i == 0 else ["оқу"] if i < 3 else ["спорт"] for i in range(6)]
    TextClassifier().fit(SHORT, [[*row, "барлығы"] for row in y])
    assert not [w for w in recwarn if "present in all training examples" in str(w.message)]
