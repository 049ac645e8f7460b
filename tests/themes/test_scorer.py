"""The theme taxonomy and the zero-training scorer: scores, explanations, levels, gold set, seeds."""

import json

import pytest
from gold import evaluate_gold, load_gold

import kzedutext as kz
from kzedutext.themes import LEVELS, ThemeScorer, load_taxonomy

REQUIRED = ("twelve_year_model", "competency_approach", "research_teacher", "professional_development",
            "result_oriented_education", "new_formation_teacher", "creativity", "ict_digital",
            "functional_literacy", "upbringing_values", "student_centered", "assessment", "preschool_primary",
            "inclusive_education", "psychology_support", "updated_content")


@pytest.fixture(scope="module")
def scorer():
    return ThemeScorer.default()


def test_taxonomy_has_every_contract_theme_with_labels_and_terms():
    tax = load_taxonomy()
    assert set(REQUIRED) <= set(kz.THEMES) and kz.THEMES == tax.ids
    for theme in tax.themes:
        assert theme.label_en and theme.label_kk and theme.description and len(theme.terms) >= 8
        assert set(theme.related) <= set(tax.ids)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("Мектептер он екі жылдық оқуға көшуге дайындалып жатыр.", "twelve_year_model"),
        ("Мұғалімдеріміздің біліктілігін арттыру курстары кәсіби өсуге жол ашады.", "professional_development"),
        ("Зерттеуші мұғалім іс-әрекеттегі зерттеу циклін жүргізеді.", "research_teacher"),
        ("Формативті бағалауда дескрипторлар мен кері байланыс қолданылады.", "assessment"),
        ("Балабақшадағы тәрбиешілер мектепалды даярлықты ұйымдастырады.", "preschool_primary"),
        ("Инклюзивті мектепте тьюторлар ерекше қажеттіліктері бар балаларға көмектеседі.", "inclusive_education"),
        ("Оқулықтар жаңартылған мазмұнға сай спиральді қағидатпен жазылды.", "updated_content"),
        ("Оқушылардың функционалдық сауаттылығын PISA зерттеуі өлшейді.", "functional_literacy"),
    ],
)
def test_inflected_indicator_terms_make_the_theme_win(scorer, text, theme):
    result = scorer.score_text(text)
    assert result.primary == theme and result.cats[theme] >= 0.5 and result.primary_score == result.cats[theme]


def test_every_theme_gets_a_score_in_unit_interval_and_plain_text_scores_low(scorer):
    result = scorer.score_text("Күн жылы болды, балалар аулада доп ойнады.")
    assert set(result.cats) == set(kz.THEMES)
    assert all(0.0 <= s < 0.5 for s in result.cats.values())
    assert result.primary == "" and result.labels() == () and result.primary_score == 0.0


def test_empty_text_gives_all_themes_low(scorer):
    result = scorer.score_text("")
    assert result.n_words == 0 and max(result.cats.values()) < 0.5


def test_explanations_point_at_real_spans(scorer):
    text = "Кіріспе\nКритериалды бағалау мен жиынтық бағалаудың дескрипторлары нақты болуы керек."
    expl = scorer.score_text(text).explanations["assessment"]
    assert expl.evidence > 0 and expl.terms
    for term in expl.terms:
        for start, end, surface in term.spans:
            assert text[start:end] == surface
    assert [t.term for t in expl.terms] == ["критериалды бағалау", "жиынтық бағалау", "дескриптор"]


def test_longest_match_wins_across_themes(scorer):
    expl = scorer.score_text("Мұғалімнің кәсіби құзыреттілігі артады.").explanations
    assert [t.term for t in expl["professional_development"].terms] == ["кәсіби құзыреттілік"]
    assert expl["competency_approach"].terms == ()


def test_doc_cats_and_levels_from_the_pipeline(nlp):
    text = ("Бағалау\nКритериалды бағалау оқушыға нені меңгергенін көрсетеді.\n"
            "Цифрлық ресурстар\nОнлайн платформалар мен электрондық оқулықтар сабақта қолданылады.")
    doc = nlp(text)
    assert set(doc.cats) == set(kz.THEMES)
    assert doc._.themes.cats == doc.cats
    scorer = ThemeScorer.default()
    paragraphs = scorer.score_levels(doc, level="paragraph")
    sections = scorer.score_levels(doc, level="section")
    assert len(paragraphs) == 4 and [s.heading for s in sections] == ["Бағалау", "Цифрлық ресурстар"]
    assert [s.primary for s in sections] == ["assessment", "ict_digital"]
    assert text[sections[1].start_char:sections[1].end_char].startswith("Цифрлық ресурстар\nОнлайн")
    assert len(scorer.score_levels(doc, level="document")) == 1
    with pytest.raises(ValueError, match="'chapter'"):
        scorer.score_levels(doc, level="chapter")
    assert LEVELS == ("document", "section", "paragraph")


def test_contact_lines_of_the_header_are_not_section_headings(nlp):
    text = ("Тел.: +7 701 000 12 34\nE-mail: a.seitova@example.kz\nКіріспе\n"
            "Критериалды бағалау оқушыға нені меңгергенін көрсетеді.")
    sections = ThemeScorer.default().score_levels(nlp(text), level="section")
    assert [s.heading for s in sections] == ["", "Кіріспе"]


def test_user_file_adds_a_theme_and_terms(tmp_path):
    extra = {"version": "u1", "themes": [
        {"id": "ecology", "label_en": "Ecology", "label_kk": "Экология", "terms": [{"term": "экология", "weight": 3},
                                                                                     {"term": "табиғат", "weight": 2}]},
        {"id": "assessment", "terms": [{"term": "емтихан", "weight": 3}]},
    ]}
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(extra, ensure_ascii=False), encoding="utf-8")
    tax = load_taxonomy(extra=[path])
    assert tax.ids[-1] == "ecology" and tax.version.endswith("+u1")
    scorer = ThemeScorer(tax)
    assert scorer.score_text("Экологиялық тәрбие табиғатты қорғаудан басталады, экология сабағы.").cats["ecology"] > 0.5
    assert scorer.score_text("Емтихандар мен емтихан нәтижелері талданды.").primary == "assessment"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"themes": [{"id": "x", "terms": [{"term": "", "weight": 1}]}]}, "empty indicator term"),
        ({"themes": [{"id": "x", "terms": [{"term": "сөз", "weight": 0}]}]}, "weight 0"),
        ({"themes": [{"id": "x", "terms": []}, {"id": "x", "terms": []}]}, "more than once"),
        ({"nothing": []}, "no 'themes' list"),
    ],
)
def test_bad_theme_files_are_named(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_taxonomy(extra=[path])


def test_gold_set_covers_every_theme_twice_and_has_multi_labels():
    rows = load_gold()
    counts = {t: sum(t in r["themes"] for r in rows) for t in REQUIRED}
    assert len(rows) >= 40 and min(counts.values()) >= 2
    assert sum(len(r["themes"]) > 1 for r in rows) >= 10


@pytest.mark.parametrize("part", ["held-out", "all"])
def test_gold_micro_f1_at_threshold(scorer, part):
    assert evaluate_gold(scorer, part=part).micro_f1 >= 0.85


def test_seed_articles_top_themes(scorer, seeds):
    def cats(prefix):
        path = next(p for p in __import__("conftest").SEEDS.glob(f"{prefix}_*.txt"))
        return scorer.score_text(kz.read(path).text_in("kk")).cats

    seed2, seed4 = cats("002"), cats("004")
    assert max(seed2, key=seed2.get) == "twelve_year_model"
    assert max(seed4, key=seed4.get) == "professional_development"
    assert seed4["research_teacher"] >= 0.5


def test_scores_alone_equal_the_explained_scores_on_every_sample_article(nlp, scorer):
    # the component writes score_cats (no explanations); doc._.themes explains the same numbers
    from pathlib import Path

    paths = sorted((Path(__file__).parents[2] / "corpus" / "texts").glob("*.txt"))
    assert len(paths) >= 30
    for doc in nlp.pipe(p.read_text(encoding="utf-8") for p in paths):
        explained = scorer.score_tokens(doc)
        assert scorer.score_cats(doc) == explained.cats == doc.cats
        assert doc._.themes.cats == doc.cats
        for theme, explanation in explained.explanations.items():
            assert explanation.score == doc.cats[theme]
            assert all(doc.text[s:e] == snippet for t in explanation.terms for s, e, snippet in t.spans)


def test_in_a_long_text_evidence_never_scores_below_no_evidence(scorer):
    filler = " ".join(["Кеше қалада жаңбыр жауып, адамдар үйлеріне асықты."] * 2500)
    result = scorer.score_text(filler + " Жиынтық бағалау тоқсан соңында өтеді.")
    assert result.n_words > 15_000 and result.explanations["assessment"].evidence > 0
    assert result.cats["assessment"] >= max(result.cats.values())
    assert result.primary == "assessment" and result.top(1)[0][0] == "assessment"
    assert result.labels() == ()  # still far below the threshold


def test_equal_scores_are_ranked_by_evidence_then_by_id(scorer):
    result = scorer.score_text(" ".join(["Кеше қалада жаңбыр жауды."] * 6000) + " Инклюзивті сынып ашылды.")
    ranked = [t for t, _ in result.top(3)]
    assert ranked[0] == "inclusive_education" and ranked[1:] == sorted(ranked[1:])


def test_levels_of_a_span_cut_snippets_from_the_doc_text(nlp, scorer):
    text = "Алғы сөз.\nБұл жұмыс туралы.\nЖиынтық бағалау мен формативті бағалау қатар жүреді."
    doc = nlp(text)
    span = doc[4:]
    for level in LEVELS:
        results = scorer.score_levels(span, level=level)
        spans = [s for r in results for t in r.explanations["assessment"].terms for s in t.spans]
        assert spans and all(text[s:e] == snippet for s, e, snippet in spans)
        assert all(text[r.start_char:r.end_char] in span.text for r in results)
    paragraphs = scorer.score_levels(span, level="paragraph")
    assert [t.spans[0][2] for t in paragraphs[-1].explanations["assessment"].terms] == [
        "Жиынтық бағалау", "формативті бағалау"]
    assert paragraphs[-1].start_char == text.index("Жиынтық")


def test_list_items_are_not_section_headings(nlp, scorer):
    text = ("Негізгі бөлім\nЗерттеуші мұғалімнің біліктері төмендегідей:\n• сабақты бақылау\n"
            "ü\u00a0\u00a0деректерді жинау\n- нәтижені талдау\n– қорытынды жасау\n* әріптестермен бөлісу\n"
            "1) іс-әрекеттегі зерттеу\n2. сабақ зерттеуі\nСоңғы сөз\nЗерттеуші мұғалім үнемі ізденеді.")
    sections = scorer.score_levels(nlp(text), level="section")
    assert [s.heading for s in sections] == ["Негізгі бөлім", "Соңғы сөз"]
    assert text[sections[0].start_char:sections[0].end_char].endswith("2. сабақ зерттеуі")


def test_numbered_headings_with_a_capital_are_section_headings(nlp, scorer):
    text = ("1. Кіріспе\nЗерттеуші мұғалім сабағын зерттейді.\n2. Зерттеу әдістері\n"
            "Іс-әрекеттегі зерттеу жүргізілді:\n1. сабақты бақылау\n2. деректерді жинау")
    assert [s.heading for s in scorer.score_levels(nlp(text), level="section")] == [
        "1. Кіріспе", "2. Зерттеу әдістері"]


def test_levels_take_a_str_and_refuse_other_objects_with_a_hint(nlp, scorer):
    text = "Цифрлық сауаттылық\nОнлайн платформалар мен электрондық оқулықтар сабақта қолданылады."
    from_str = scorer.score_levels(text, level="section")
    from_doc = scorer.score_levels(nlp(text), level="section")
    assert [(r.heading, r.cats) for r in from_str] == [(r.heading, r.cats) for r in from_doc]
    assert from_str[0].primary == "ict_digital"
    from kzedutext.ingest.document import Meta, Provenance

    document = kz.Document(text, Meta(), (), (), "kk", Provenance(None, "txt", "0" * 64, len(text)))
    for wrong in (document, 42, ["сөз"]):
        with pytest.raises(TypeError, match=r"spaCy Doc or Span.*kz\.load\(\)\(text\)"):
            scorer.score_levels(wrong)
    with pytest.raises(TypeError, match=r"score_text\(text\)"):
        scorer.score_tokens(text)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"themes": [{"id": "ойын", "terms": [{"weight": 2}]}]}, r"theme 'ойын': term 1 has no 'term' field"),
        ({"themes": [{"id": "ойын", "terms": [{"term": "ойын", "weight": "2"}]}]},
         r"theme 'ойын': term 'ойын' has weight '2' \(str\); write a positive number without quotes"),
        ({"themes": [{"id": "ойын", "terms": [{"term": "ойын", "weight": -1}]}]}, r"weight -1; weights must be pos"),
        ({"themes": [{"id": "ойын", "terms": ["ойын"]}]}, r"term 1 is 'ойын' \(str\); write each term as an object"),
        ({"themes": [{"id": "ойын", "terms": "ойын"}]}, r"'terms' must be a list of objects"),
        ({"themes": [{"id": "ойын", "terms": [{"term": ["ойын"]}]}]}, r"is a list; write it as a string"),
        ({"themes": [{"id": "ойын", "terms": [{"term": "*"}]}]}, r"wildcard '\*'.*would match every word"),
        ({"themes": [{"id": "ойын", "terms": [{"term": "ойын *"}]}]}, r"wildcard '\*'.*would match every word"),
        ({"themes": [{"id": "ойын", "terms": [{"term": "ойын", "variants": ["— 2"]}]}]}, r"'— 2' has no letters"),
        ({"themes": [{"id": "", "terms": []}]}, r"theme 1 in .*bad\.json has id ''"),
        ({"themes": [{"id": 7, "terms": []}]}, r"has id 7; an id must be a non-empty string"),
        ({"themes": ["ойын"]}, r"theme 1 in .*bad\.json is a str, not an object"),
        ([{"id": "ойын", "terms": []}], r"no 'themes' list"),
    ],
)
def test_malformed_theme_files_name_the_file_the_theme_and_the_fix(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        load_taxonomy(extra=[path])
    assert "bad.json" in str(err.value)


def test_a_single_theme_file_may_be_given_without_a_list(tmp_path):
    path = tmp_path / "games.json"
    path.write_text(json.dumps({"themes": [{"id": "games", "terms": [{"term": "шахмат үйірме", "weight": 3}]}]},
                               ensure_ascii=False), encoding="utf-8")
    for extra in (path, str(path)):
        tax = load_taxonomy(extra=extra)
        assert tax.ids[-1] == "games" and tax.ids == load_taxonomy(extra=[path]).ids
    assert ThemeScorer(tax).score_text("Шахмат үйірмесі оқушылардың ойлауын дамытады.").primary == "games"
