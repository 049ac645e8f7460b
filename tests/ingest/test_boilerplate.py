"""Web-page boilerplate goes, the article stays."""

import pytest

from kzedutext.ingest.boilerplate import remove_boilerplate
from kzedutext.text.langid import identify

ARTICLE = "Бұл мақалада ауыл мектебіндегі оқу сауаттылығын дамыту тәжірибесі жан-жақты сипатталып, нәтижелері талданады."


def kept(paragraphs, language="kk"):
    result = remove_boilerplate(paragraphs, [identify(p) for p in paragraphs], language=language)
    return [paragraphs[i] for i in result.kept]


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        # Russian menu of a web copy before a Kazakh article
        (["Материалы для педагогов", "1. Главная", "2. Конспекты уроков", ARTICLE], [ARTICLE]),
        # the preview marker: what the site shows before it goes
        (
            ["Қысқаша сипаттама", "DOC", "129", "Предпросмотр", "Тақырып: Сынақ", ARTICLE, ARTICLE, ARTICLE],
            ["Тақырып: Сынақ", ARTICLE, ARTICLE, ARTICLE],
        ),
        # counters and widgets anywhere
        ([ARTICLE, "Просмотров: 345", "Скачать материал", "Поделиться", ARTICLE], [ARTICLE, ARTICLE]),
        # the site's tail after an end marker
        ([ARTICLE, ARTICLE, "Похожие материалы", "Конспект урока"], [ARTICLE, ARTICLE]),
        # no sign of a web copy: a short Russian line at the top stays
        (["УДК 37.013", "Профессиональное развитие учителя", ARTICLE], ["УДК 37.013", "Профессиональное развитие учителя", ARTICLE]),
        # Russian lines inside the article are the article's
        (
            [ARTICLE, "Наставничество в школе", ARTICLE, "Скачать материал"],
            [ARTICLE, "Наставничество в школе", ARTICLE],
        ),
    ],
)
def test_remove_boilerplate(paragraphs, expected):
    assert kept(paragraphs) == expected


def test_lengths_must_match():
    with pytest.raises(ValueError, match="2 paragraphs but 1 languages"):
        remove_boilerplate(["a", "b"], ["kk"], language="kk")
