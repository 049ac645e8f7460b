"""Paragraph language identification: kk / ru / en / other."""

from pathlib import Path

import pytest

from kzedutext.text.langid import LANGUAGES, fold_kazakh, guess, identify, identify_paragraphs

TESTSET = Path(__file__).parent / "data" / "langid_paragraphs.tsv"


def load_testset() -> list[tuple[str, str, str]]:
    """(language, kind, paragraph) rows, plus a copy of each Kazakh row typed without Kazakh letters."""
    rows = []
    for line in TESTSET.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, kind, text = line.split("\t")
            rows.append((lang, kind, text))
    nospecial = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
    rows += [(lang, "nospecial", text.translate(nospecial)) for lang, _, text in rows if lang == "kk"]
    return rows


CASES = load_testset()


def test_testset_is_big_and_covers_every_language_and_kind():
    assert len(CASES) >= 200
    assert {lang for lang, _, _ in CASES} == set(LANGUAGES)
    assert {kind for _, kind, _ in CASES} == {"plain", "mixed", "short", "nospecial"}


def test_paragraph_accuracy_is_at_least_99_percent():
    wrong = [(lang, identify(text), text) for lang, _, text in CASES if identify(text) != lang]
    assert 1 - len(wrong) / len(CASES) >= 0.99, wrong


@pytest.mark.parametrize("text", [t for lang, _, t in CASES if lang == "ru"][:60])
def test_russian_is_never_taken_for_kazakh(text):
    assert identify(text) != "kk"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Оқушылар кітап оқиды.", "kk"),
        ("Окушылар китап окиды.", "kk"),  # no Kazakh letters at all
        ("Окушылар кiтап окиды.", "kk"),  # Latin i for і
        ("Ученики читают книгу.", "ru"),
        ("Pupils read a book in the library.", "en"),
        ("Die Schüler lesen ein Buch.", "other"),
        ("https://example.org/a.pdf", "other"),
        ("", "other"),
        ("   42 %  ", "other"),
        ("Учителя Алматы қаласы собрались на семинар по новым методам работы.", "ru"),
        ("Семинарға «Новые методы» бағдарламасы бойынша қатыстық.", "kk"),
    ],
)
def test_identify(text, expected):
    assert identify(text) == expected


def test_guess_reports_votes_and_confidence():
    g = guess("Бұл жұмыс және оның нәтижелері")
    assert g.language == "kk" and g.ru_votes == 0 and g.kk_votes >= 4 and g.confidence == 1.0
    mixed = guess("Мұғалім и ученики")
    assert 0 < mixed.confidence < 1


def test_fold_and_paragraphs():
    assert fold_kazakh("ӘҒҚҢӨҰҮҺІ") == "агкноуухи"
    assert identify_paragraphs(["Қорытынды", "Заключение"]) == ["kk", "ru"]


def test_rejects_non_strings_with_the_type():
    with pytest.raises(TypeError, match="bytes"):
        guess(b"abc")


@pytest.mark.parametrize("line", ["Keywords: teacher, competence, school.",
                                  "Key words: functional literacy, assessment, curriculum.",
                                  "Abstract. The article studies teachers."])
def test_short_english_header_lines_are_english(line):
    assert identify(line) == "en"


@pytest.mark.parametrize("line", ["Die Schule und der Lehrer", "Bilim beru jüiesi"])
def test_other_latin_lines_are_not_taken_for_english(line):
    assert identify(line) == "other"
