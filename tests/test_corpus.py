"""The bundled sample corpus is complete, labelled and realistically messy."""

import json

import pytest
from conftest import CORPUS

THEMES = {
    "twelve_year_model",
    "competency_approach",
    "research_teacher",
    "professional_development",
    "result_oriented_education",
    "new_formation_teacher",
    "creativity",
    "ict_digital",
    "functional_literacy",
    "upbringing_values",
    "student_centered",
    "assessment",
    "preschool_primary",
    "inclusive_education",
    "psychology_support",
    "updated_content",
}


@pytest.fixture(scope="module")
def meta():
    return [json.loads(line) for line in (CORPUS / "meta.jsonl").read_text(encoding="utf-8").splitlines()]


def test_at_least_twelve_articles_with_metadata(meta):
    assert len(meta) >= 12
    for m in meta:
        assert {"id", "file", "title", "authors", "year", "source", "themes", "primary_theme"} <= set(m)
        assert m["primary_theme"] == m["themes"][0]
        assert set(m["themes"]) <= THEMES


def test_every_theme_is_covered(meta):
    assert {t for m in meta for t in m["themes"]} == THEMES


def test_articles_are_300_to_800_words_and_titles_match(meta):
    for m in meta:
        text = (CORPUS / m["file"]).read_text(encoding="utf-8")
        assert 300 <= len(text.split()) <= 800, m["id"]
        assert m["title"] in text, m["id"]


def test_the_corpus_carries_the_mess_users_bring(nlp, meta):
    texts = {m["id"]: (CORPUS / m["file"]).read_text(encoding="utf-8") for m in meta}
    joined = "\n".join(texts.values())
    assert "•" in joined and "@" in joined
    assert any(v in joined for v in ("құзірет", "құдырет"))
    assert any("Главная" in t or "В статье" in t for t in texts.values())
    doc = nlp(joined)
    dashes = [
        t
        for t in doc[1:-1]
        if t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_ and doc[t.i - 1].is_alpha
    ]
    assert dashes, "no hyphen typed for a dash in the corpus"


def test_no_sentence_is_copied_from_the_seed_articles(meta, seeds):
    """The corpus is original: it shares no run of eight words with a seed article."""
    import re

    def grams(text):
        words = re.findall(r"\w+", text.lower())
        return {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}

    seed_grams = set().union(*(grams(t) for t in seeds.values()))
    for m in meta:
        shared = grams((CORPUS / m["file"]).read_text(encoding="utf-8")) & seed_grams
        assert not shared, (m["id"], sorted(shared)[:3])
