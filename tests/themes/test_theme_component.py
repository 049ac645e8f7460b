"""The ``kk_themes`` component: ``doc._.themes`` explains ``doc.cats`` whatever taxonomy
the component was built with, also after a DocBin round trip or in another process."""

import json

import pytest
from spacy.tokens import DocBin

import kzedutext as kz
from kzedutext.themes import component

ROBOTICS = "Робототехника үйірмесінде балалар робот құрастырады, робототехника олардың сүйікті ісі."


@pytest.fixture()
def user_file(tmp_path):
    path = tmp_path / "robots.json"
    path.write_text(json.dumps({"version": "r1", "themes": [
        {"id": "robotics", "label_kk": "Робототехника", "terms": [{"term": "робототехника", "weight": 3},
                                                                  {"term": "робот", "weight": 2}]},
        {"id": "assessment", "terms": [{"term": "шығарма", "weight": 2}]},
    ]}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture()
def user_nlp(user_file):
    nlp = kz.load()
    nlp.replace_pipe("kk_themes", "kk_themes", config={"extra_taxonomies": [str(user_file)]})
    return nlp


def test_doc_themes_use_the_taxonomy_of_the_component(user_nlp):
    doc = user_nlp(ROBOTICS)
    assert doc._.themes.cats == doc.cats
    assert doc._.themes.primary == max(doc.cats, key=doc.cats.get) == "robotics"
    assert [t.term for t in doc._.themes.explanations["robotics"].terms] == ["робототехника", "робот"]
    # a term added to a bundled theme is explained too
    essay = user_nlp("Оқушылар шығарма жазды, шығармалар сыныпта оқылды.")
    assert essay._.themes.cats == essay.cats and essay._.themes.explanations["assessment"].evidence > 0


def test_doc_themes_survive_a_docbin_and_another_process(user_nlp):
    doc = user_nlp(ROBOTICS)
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    component._SCORERS.clear()  # as in a fresh process: the scorer is rebuilt from the file
    restored = next(DocBin().from_bytes(data).get_docs(user_nlp.vocab))
    assert restored._.themes.cats == doc.cats and restored._.themes.primary == "robotics"
    for piped in user_nlp.pipe([ROBOTICS, "Оқушылар шығарма жазды."], n_process=2):
        assert piped._.themes.cats == piped.cats


def test_a_changed_theme_file_is_reported_instead_of_a_wrong_explanation(user_nlp, user_file):
    data = DocBin(store_user_data=True, docs=[user_nlp(ROBOTICS)]).to_bytes()
    user_file.write_text(json.dumps({"themes": [{"id": "robotics", "terms": [{"term": "робот", "weight": 1}]}]},
                                    ensure_ascii=False), encoding="utf-8")
    component._SCORERS.clear()
    restored = next(DocBin().from_bytes(data).get_docs(user_nlp.vocab))
    with pytest.raises(ValueError, match="changed since this doc was scored"):
        restored._.themes  # noqa: B018


def test_the_default_component_leaves_no_note_and_uses_the_bundled_scorer(nlp, user_nlp):
    doc = nlp(ROBOTICS)
    assert component.USER_DATA_KEY not in doc.user_data and "robotics" not in doc._.themes.cats
    assert doc._.themes.cats == doc.cats
    # a doc scored again by the default pipeline loses the note of the user pipeline
    rescored = nlp.get_pipe("kk_themes")(user_nlp(ROBOTICS))
    assert component.USER_DATA_KEY not in rescored.user_data and "robotics" not in rescored._.themes.cats
