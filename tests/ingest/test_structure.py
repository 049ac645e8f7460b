"""Header fields, headings, keywords and references from Kazakh and Russian conventions."""

import pytest

from kzedutext.ingest.structure import match_heading, parse_structure, repair_email, split_keywords


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ("Аннотация", ("annotation", "Аннотация", "")),
        ("АҢДАТПА.", ("annotation", "АҢДАТПА", "")),
        ("Аннотация. Мақалада тәлімгерлік қарастырылады.", ("annotation", "Аннотация", "Мақалада тәлімгерлік қарастырылады.")),
        ("Түйін сөздер: тәлімгер, рефлексия", ("keywords", "Түйін сөздер", "тәлімгер, рефлексия")),
        ("Кілт сөздер – бағалау, критерий", ("keywords", "Кілт сөздер", "бағалау, критерий")),
        ("Ключевые слова: наставник", ("keywords", "Ключевые слова", "наставник")),
        ("1. Кіріспе", ("introduction", "1. Кіріспе", "")),
        ("Введение", ("introduction", "Введение", "")),
        ("Негізгі бөлім", ("body", "Негізгі бөлім", "")),
        ("Қорытынды:", ("conclusion", "Қорытынды", "")),
        ("ЗАКЛЮЧЕНИЕ", ("conclusion", "ЗАКЛЮЧЕНИЕ", "")),
        ("Пайдаланылған әдебиеттер тізімі", ("references", "Пайдаланылған әдебиеттер тізімі", "")),
        ("Список использованной литературы:", ("references", "Список использованной литературы", "")),
        ("Әдебиеттер: 1. Әлиев А.", ("references", "Әдебиеттер", "1. Әлиев А.")),
        ("Литература – өнердің бір түрі.", None),  # a sentence, not a heading
        ("Қорытындылай келе, мұғалім сөз сөйледі.", None),
        ("Кіріспе сабақта оқушылар танысты.", None),
    ],
)
def test_match_heading(paragraph, expected):
    assert match_heading(paragraph) == expected


@pytest.mark.parametrize(
    "header, field, value",
    [
        ("Қатысушы: Әлиева Гүлнар Серікқызы", "authors", ("Әлиева Гүлнар Серікқызы",)),
        ("Авторы: Иванова А.С., Ахметов Б.К.", "authors", ("Иванова А.С.", "Ахметов Б.К.")),
        ("Мақала атауы: «Бағалаудың жаңа түрлері».", "title", "Бағалаудың жаңа түрлері"),
        ("Тема статьи: Наставничество в школе", "title", "Наставничество в школе"),
        ("Лауазымы: химия пәнінің мұғалімі", "position", "химия пәнінің мұғалімі"),
        ("Место работы: КГУ «Школа-лицей №8»", "affiliation", "КГУ «Школа-лицей №8»"),
        ("Жұмыс орны: №5 мектеп-гимназия", "affiliation", "№5 мектеп-гимназия"),
        ("Секция: Бастауыш білім", "section", "Бастауыш білім"),
        ("E-mail: Teacher.A @ mail ru", "email", "teacher.a@mail.ru"),
        ("Эл. пошта: ab_c@school.edu.kz.", "email", "ab_c@school.edu.kz"),
        ("Байланыс телефоны: 8 (701) 123-45-67", "phone", "8 (701) 123-45-67"),
        ("Жылы: 2023", "year", 2023),
    ],
)
def test_header_fields(header, field, value):
    s = parse_structure([header, "Кіріспе", "Мәтін."])
    assert s.fields[field] == value


def test_first_value_wins_and_labels_after_the_front_are_text():
    s = parse_structure(["Тақырып: Бірінші", "Тақырып: Екінші", "Кіріспе", "Автор: бұл мәтін ішінде"])
    assert s.fields == {"title": "Бірінші"}


def test_unlabelled_front_matter_fallbacks():
    s = parse_structure(
        [
            "ОҚУШЫЛАРДЫҢ ЗЕРТТЕУШІЛІК ДАҒДЫЛАРЫН ДАМЫТУ",
            "Серікова Айгүл Маратқызы",
            "Абай атындағы №12 мектеп-гимназия",
            "aigul.s@mail.kz, 8 777 123 45 67",
            "Аннотация",
            "Мәтін.",
        ]
    )
    assert s.fields == {
        "title": "ОҚУШЫЛАРДЫҢ ЗЕРТТЕУШІЛІК ДАҒДЫЛАРЫН ДАМЫТУ",
        "authors": ("Серікова Айгүл Маратқызы",),
        "affiliation": "Абай атындағы №12 мектеп-гимназия",
        "email": "aigul.s@mail.kz",
        "phone": "8 777 123 45 67",
    }


LONG = " ".join(["Бұл бөлімде зерттеудің барысы мен нәтижелері егжей-тегжейлі сипатталады"] * 3)


@pytest.mark.parametrize(
    "paragraphs, kinds",
    [
        # a numbered line followed by prose is a heading
        (["Кіріспе", LONG, "2. Зерттеу барысы", LONG], ["introduction", "body"]),
        # numbered lines followed by a list or by each other are list items
        (["Кіріспе", LONG, "1. Бірінші міндет:", "• бір", "2. Екінші міндет", "3. Үшінші міндет", LONG], ["introduction"]),
        # "1)" items are never headings
        (["Кіріспе", LONG, "1) Бірінші ұсыныс", LONG], ["introduction"]),
        # a long numbered sentence is not a heading
        (["Кіріспе", LONG, "1. " + LONG, LONG], ["introduction"]),
        # in the references every numbered line is an entry
        (["Әдебиеттер тізімі", "1. Әлиев А. Кітап", LONG], ["references"]),
    ],
)
def test_numbered_headings(paragraphs, kinds):
    assert [s.kind for s in parse_structure(paragraphs).sections] == kinds


def test_references_are_split_into_entries():
    s = parse_structure(["Әдебиеттер тізімі", "[1] Бір кітап. [2] Екінші кітап.", "3. Үшінші мақала."])
    assert s.references == ("[1] Бір кітап.", "[2] Екінші кітап.", "3. Үшінші мақала.")


def test_section_of_maps_every_paragraph():
    paragraphs = ["Автор: А. Бек", "Кіріспе", "Мәтін", "Қорытынды", "Соңы"]
    s = parse_structure(paragraphs)
    assert s.section_of == (0, 1, 1, 2, 2)
    assert [x.text for x in s.sections] == ["Автор: А. Бек", "Мәтін", "Соңы"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("оқу; тәрбие, бағалау.", ("оқу", "тәрбие", "бағалау")),
        ("«рефлексия», тәлімгер", ("рефлексия", "тәлімгер")),
        ("", ()),
    ],
)
def test_split_keywords(text, expected):
    assert split_keywords(text) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("a.b@mail.ru", "a.b@mail.ru"), ("name @mail ru.", "name@mail.ru"), ("x @ host kz", "x@host.kz"), ("жоқ", None)],
)
def test_repair_email(value, expected):
    assert repair_email(value) == expected


def _front(*lines):
    return parse_structure([*lines, "Аннотация", "Мәтін."]).fields


def test_the_affiliation_is_not_the_title_even_when_the_title_names_a_school():
    fields = _front(
        "Ауыл мектебінде жобалық оқытуды ұйымдастыру",
        "Нұрланова Ә.Б.",
        "Павлодар облысы, Ертіс ауданының №3 жалпы орта мектебі",
    )
    assert fields["title"] == "Ауыл мектебінде жобалық оқытуды ұйымдастыру"
    assert fields["affiliation"] == "Павлодар облысы, Ертіс ауданының №3 жалпы орта мектебі"


@pytest.mark.parametrize("text", [
    "Teacher development.\n\nThis paper discusses formative assessment in Kazakhstani schools. Teachers reflect.",
    "Мұғалімнің дамуы\n\nҚазіргі мектеп мұғалімнен жаңа дағдыларды талап етеді және оқушыны бағалайды.",
])
def test_a_sentence_of_the_text_is_never_the_affiliation(text):
    import kzedutext as kz

    assert kz.read(text.encode("utf-8")).meta.affiliation is None


def test_an_affiliation_ending_in_an_abbreviation_is_still_one():
    fields = _front("Мектептегі зерттеу", "Ахметова Г.К.", "Петропавл қ., №5 мектеп-гимназия, Ақмола обл.")
    assert fields["affiliation"].startswith("Петропавл қ., №5 мектеп-гимназия")


def test_an_upper_case_title_with_a_school_word_is_not_the_affiliation():
    fields = _front("МЕКТЕПТЕГІ ТӘРБИЕ ЖҰМЫСЫ", "Сәрсенова Д.Қ.", "Орал қ., «Ақжайық» мектеп-лицейі")
    assert fields["title"] == "МЕКТЕПТЕГІ ТӘРБИЕ ЖҰМЫСЫ"
    assert fields["affiliation"] == "Орал қ., «Ақжайық» мектеп-лицейі"


@pytest.mark.parametrize(
    "line",
    [
        "Жаңаөзен ауылының жалпы орта білім беретін мектебі",  # мектеп → мектебі
        "«Өрлеу» біліктілікті арттыру филиалы",
        "Қазақ ұлттық қыздар педагогикалық университеті",
        "Шоқан Уәлиханов атындағы педагогикалық институты",
    ],
)
def test_possessive_and_voiced_forms_mark_the_affiliation_line(line):
    assert _front("Оқушылардың сыни ойлауын дамыту жолдары", "Жұмабекова С.Т.", line)["affiliation"] == line


@pytest.mark.parametrize(
    "affiliation, city",
    [
        ("Солтүстік Қазақстан облысы, Петропавл қ., «Арман» бөбекжай-бақшасы", "Петропавл"),
        ("№45 мектеп-лицей, Астана қаласы", "Астана"),
        ("Қарағанды облысы, Шет ауданы, Ақсу-Аюлы ауылының мектебі", None),  # a village, no city
    ],
)
def test_the_city_comes_from_the_affiliation_line(affiliation, city):
    fields = _front("Оқушылардың сыни ойлауын дамыту жолдары", "Жұмабекова С.Т.", affiliation)
    assert fields["affiliation"] == affiliation and fields.get("city") == city


def test_a_labelled_author_line_keeps_only_the_names_and_the_rest_is_the_affiliation():
    fields = _front("Автор: Ахметова Г.К., №5 мектеп-гимназия, Астана қ.")
    assert fields["authors"] == ("Ахметова Г.К.",)
    assert fields["affiliation"] == "№5 мектеп-гимназия, Астана қ." and fields["city"] == "Астана"


def test_a_labelled_affiliation_wins_over_the_rest_of_the_author_line():
    fields = _front("Авторлар: Омарова Ж.Т., Сейітов Н.Қ., Семей қ.", "Жұмыс орны: №27 жалпы орта мектеп")
    assert fields["authors"] == ("Омарова Ж.Т.", "Сейітов Н.Қ.")
    assert fields["affiliation"] == "№27 жалпы орта мектеп" and fields["city"] == "Семей"
