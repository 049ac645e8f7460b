"""kz.read: every format gives the same clean text, metadata and structure."""

import pytest
from samples import (
    ARTICLE,
    CLEAN_TEXT,
    RUSSIAN,
    build_docx,
    build_html,
    build_odt,
    build_pdf,
    build_rtf,
    build_txt,
    find_font,
)

import kzedutext as kz

FONT = find_font()


def _pdf():
    if FONT is None:
        pytest.skip("no TrueType font with Kazakh letters (install fonts-dejavu-core) to write the PDF")
    return build_pdf(font=FONT)


BUILDERS = {
    "txt": lambda: build_txt(),
    "txt-utf16": lambda: build_txt(encoding="utf-16"),
    "txt-kz1048": lambda: build_txt(encoding="kz1048"),
    "docx": build_docx,
    "odt": build_odt,
    "pdf": _pdf,
    "html": build_html,
    "rtf": build_rtf,
}
SUFFIX = {"txt-utf16": "txt", "txt-kz1048": "txt"}


@pytest.fixture(scope="module", params=list(BUILDERS))
def written(request, tmp_path_factory):
    kind = request.param
    path = tmp_path_factory.mktemp(kind) / f"article.{SUFFIX.get(kind, kind)}"
    path.write_bytes(BUILDERS[kind]())
    return kind, path


def test_every_format_reads_to_the_same_clean_text(written):
    _, path = written
    assert kz.read(path).text == CLEAN_TEXT


def test_every_format_gives_meta_sections_and_references(written):
    _, path = written
    doc = kz.read(path)
    assert doc.meta.title == "Ауыл мектебінде оқу сауаттылығын дамытудың тәжірибесі"
    assert doc.meta.authors == ("Сейітова Дана Ерланқызы",)
    assert doc.meta.affiliation == "Қарасу ауылындағы №3 жалпы орта білім беретін мектеп"
    assert (doc.meta.position, doc.meta.section) == ("бастауыш сынып мұғалімі", "Бастауыш білім")
    assert (doc.meta.email, doc.meta.phone) == ("dana.seitova@mektep.kz", "+7 701 555 12 34")
    assert doc.meta.keywords == ("оқу сауаттылығы", "бастауыш сынып", "ауыл мектебі", "жұптық жұмыс")
    assert [(s.kind, s.heading) for s in doc.sections] == [
        ("front", ""),
        ("annotation", "Аңдатпа"),
        ("keywords", "Түйін сөздер"),
        ("introduction", "Кіріспе"),
        ("body", "1. Жұмыстың барысы"),
        ("conclusion", "Қорытынды"),
        ("references", "Әдебиеттер тізімі"),
    ]
    assert len(doc.references) == 2 and doc.references[1].startswith("2. Нұрланова")
    assert doc.language == "kk" and all(p.language in ("kk", "other") for p in doc.paragraphs)
    assert doc.provenance.source == str(path) and len(doc.provenance.sha256) == 64


def test_bytes_are_sniffed_like_files(written):
    kind, path = written
    doc = kz.read(path.read_bytes())
    assert doc.provenance.format == SUFFIX.get(kind, kind)
    assert doc.provenance.source is None
    assert doc.text == CLEAN_TEXT


def test_html_navigation_and_footer_are_gone():
    doc = kz.read(build_html())
    for junk in ("Главная", "Войти", "Похожие материалы", "Просмотров", "Все права защищены"):
        assert junk not in doc.text


def _pdf_pages(pages: list[list[str]]) -> bytes:
    """A PDF with one line of text per cell, a page per list (skips without a Kazakh font)."""
    from fpdf import FPDF

    if FONT is None:
        pytest.skip("no TrueType font with Kazakh letters to write the PDF")
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_joins_words_hyphenated_at_line_ends_and_keeps_compounds(tmp_path):
    lines = [
        "Мектептегі тәрбие жұмысында ғылыми-педагогикалық ізденіс пен педаго-",
        "гикалық шеберлік бір-бірімен тығыз байланысты, сондай-ақ оқу-",
        "тәрбие үдерісінің барлық кезеңінде мұғалімнің кәсіби сауатты-",
        "лығы мен өзін-өзі дамытуы үлкен рөл атқарады деп есептейміз.",
    ]
    path = tmp_path / "h.pdf"
    path.write_bytes(_pdf_pages([lines]))
    assert kz.read(path).text == (
        "Мектептегі тәрбие жұмысында ғылыми-педагогикалық ізденіс пен педагогикалық шеберлік "
        "бір-бірімен тығыз байланысты, сондай-ақ оқу-тәрбие үдерісінің барлық кезеңінде мұғалімнің "
        "кәсіби сауаттылығы мен өзін-өзі дамытуы үлкен рөл атқарады деп есептейміз."
    )


def test_pdf_paragraph_cut_by_a_page_break_is_joined(tmp_path):
    pages = [["Бірінші бетте басталған сөйлем екінші бетте"], ["жалғасып, сонда аяқталады."]]
    path = tmp_path / "p.pdf"
    path.write_bytes(_pdf_pages(pages))
    assert kz.read(path).text == "Бірінші бетте басталған сөйлем екінші бетте жалғасып, сонда аяқталады."


def test_russian_document_is_russian_with_russian_structure(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    doc = kz.read(path)
    assert doc.language == "ru" and doc.text_in("kk") == ""
    assert doc.meta.keywords == ("наставничество", "сельская школа")
    assert [s.kind for s in doc.sections] == ["front", "keywords"]
    assert doc.meta.title is None  # an unlabelled, mixed-case first line is not taken for a title


def test_mixed_document_keeps_languages_per_paragraph():
    text = (
        "Мұғалімнің кәсіби дамуы мектептің басты міндеттерінің бірі болып табылады.\n\n"
        "Профессиональное развитие учителя является одной из главных задач школы.\n\n"
        "Professional development of teachers is one of the main tasks of the school."
    )
    doc = kz.read(text.encode())
    assert [p.language for p in doc.paragraphs] == ["kk", "ru", "en"]
    assert doc.text_in("kk").startswith("Мұғалімнің") and "Профессиональное" not in doc.text_in("kk")
    assert set(doc.languages) == {"kk", "ru", "en"}


def test_redact_replaces_contacts_in_text_and_meta():
    doc = kz.read(build_docx(), redact=True)
    assert "dana.seitova" not in doc.text and "555 12 34" not in doc.text
    assert "Email: [EMAIL]" in doc.text and "Телефон: [PHONE]" in doc.text
    assert (doc.meta.email, doc.meta.phone) == ("[EMAIL]", "[PHONE]")
    assert doc.redactions == {"email": 1, "phone": 1}
    assert doc.meta.title == "Ауыл мектебінде оқу сауаттылығын дамытудың тәжірибесі"


def test_format_metadata_is_only_a_fallback():
    body = [a for a in ARTICLE if not a[1].startswith("Мақала атауы")]
    doc = kz.read(build_docx(body))
    assert doc.meta.title == "Файлдың өз атауы"  # the .docx core property


def test_to_dict_is_json_ready():
    import json

    d = kz.read(build_txt()).to_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False))["meta"]["authors"] == ["Сейітова Дана Ерланқызы"]


@pytest.mark.parametrize("bad", [123, None, ["a"]])
def test_read_rejects_other_types_with_the_type(bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        kz.read(bad)


@pytest.mark.parametrize(
    ("front", "title", "authors"),
    [
        # a sentence-case title is the line just before the author line
        (
            "Мектептегі жобалық оқытудың тиімділігі\nАхметова Г.С., Бекұлы Д.Н.\nАлматы қ., №12 мектеп",
            "Мектептегі жобалық оқытудың тиімділігі",
            ("Ахметова Г.С.", "Бекұлы Д.Н."),
        ),
        (
            "Оқушылардың сыни ойлауын дамыту: тәжірибе мен нәтиже\nА.Б. Серікова және Е.Т. Жанұзақ",
            "Оқушылардың сыни ойлауын дамыту: тәжірибе мен нәтиже",
            ("А.Б. Серікова", "Е.Т. Жанұзақ"),
        ),
        # a full stop at the end: a sentence, not a title
        ("Бұл мақалада жобалық оқыту қарастырылады.\nАхметова Г.С.", None, ("Ахметова Г.С.",)),
        # no author line: nothing is guessed
        ("Мектептегі жобалық оқытудың тиімділігі\nАлматы қ., №12 мектеп", None, ()),
    ],
)
def test_unlabelled_title_and_author_lines(front, title, authors):
    doc = kz.read((front + "\n\nАннотация. Мақалада мектептегі оқыту тәжірибесі сипатталады.").encode(), name="a.txt")
    assert (doc.meta.title, doc.meta.authors) == (title, authors)


def test_a_stray_byte_is_reported_in_document_warnings_and_the_text_stays_kazakh():
    text = "Кіріспе\n\n" + "Жаңартылған білім беру бағдарламасы оқушының функционалдық сауаттылығын арттырады. " * 20
    data = text.encode()
    doc = kz.read(data[:500] + b"\x96" + data[500:])
    assert doc.language == "kk" and doc.text.count("\ufffd") == 1
    assert len(doc.warnings) == 1 and "not valid UTF-8" in doc.warnings[0]
    assert doc.to_dict()["warnings"] == list(doc.warnings)
    assert kz.read(data).warnings == ()


def _docx_created(year: int, paragraphs: list[str]) -> bytes:
    import datetime
    import io

    import docx

    document = docx.Document()
    document.core_properties.created = datetime.datetime(year, 3, 1)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


BODY = "Мақалада мектептегі қалыптастырушы бағалаудың тәжірибесі сипатталады."


def test_a_file_creation_year_is_provenance_not_the_publication_year():
    doc = kz.read(_docx_created(2013, [BODY]))
    assert doc.meta.year is None and doc.to_dict()["meta"]["year"] is None
    assert doc.provenance.file_year == 2013 and doc.to_dict()["provenance"]["file_year"] == 2013


def test_a_year_in_the_text_is_the_meta_year_whatever_the_file_says():
    doc = kz.read(_docx_created(2013, ["Жылы: 2019", BODY]))
    assert (doc.meta.year, doc.provenance.file_year) == (2019, 2013)


def test_pdf_creation_date_is_provenance_not_the_publication_year():
    doc = kz.read(_pdf_pages([[BODY]]))  # fpdf stamps today's date
    assert doc.meta.year is None and doc.provenance.file_year is not None
    assert kz.read(BODY.encode()).provenance.file_year is None
