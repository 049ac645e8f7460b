"""A sample article written for these tests, and builders for every format at test time.

The text is original (not taken from the seed articles or the shared data). Each
builder writes the same paragraphs to one format with the library a user would
have used; the tests check that every format reads back to the same clean text.
"""

from __future__ import annotations

import io
from pathlib import Path

#: (style, text): style "h" is a heading, "p" a paragraph
ARTICLE: list[tuple[str, str]] = [
    ("p", "Қатысушы: Сейітова Дана Ерланқызы"),
    ("p", "Мақала атауы: Ауыл мектебінде оқу сауаттылығын дамытудың тәжірибесі"),
    ("p", "Бөлімшенің атауы: Бастауыш білім"),
    ("p", "Лауазымы: бастауыш сынып мұғалімі"),
    ("p", "Мекеме: Қарасу ауылындағы №3 жалпы орта білім беретін мектеп"),
    ("p", "Email: dana.seitova@mektep.kz"),
    ("p", "Телефон: +7 701 555 12 34"),
    ("h", "Аңдатпа"),
    (
        "p",
        "Мақалада шағын ауыл мектебінде үшінші сынып оқушыларының оқу сауаттылығын арттыру "
        "үшін бір жыл бойы жүргізілген жұмыс сипатталады. Оқушылар күн сайын қысқа мәтіндер "
        "оқып, оларды жұппен талқылады, ал мұғалім олардың оқу жылдамдығы мен түсінігін ай сайын өлшеп отырды.",
    ),
    ("p", "Түйін сөздер: оқу сауаттылығы, бастауыш сынып, ауыл мектебі, жұптық жұмыс."),
    ("h", "Кіріспе"),
    (
        "p",
        "Оқу сауаттылығы – баланың барлық пәндегі табысының негізі. Мәтінді түсініп оқи "
        "алмайтын оқушы математикалық есептің шартын да, тарих оқулығындағы деректі де "
        "толық қабылдай алмайды. Сондықтан бастауыш сыныпта бұл дағдыға ерекше көңіл бөлінуі керек.",
    ),
    ("h", "1. Жұмыстың барысы"),
    (
        "p",
        "Жұмыс үш кезеңнен тұрды. Алғашқы айда оқушылардың бастапқы деңгейі анықталып, әр "
        "балаға лайық мәтіндер іріктелді. Одан кейін сабақтың алғашқы он минуты тұрақты түрде "
        "оқуға арналды: оқушылар мәтінді іштей оқып, көршісіне мазмұнын айтып берді және бір-біріне сұрақ қойды.",
    ),
    ("h", "Қорытынды"),
    (
        "p",
        "Бір жылдың ішінде сыныптағы оқушылардың оқу жылдамдығы орта есеппен минутына жиырма "
        "сөзге артты, ал мәтін бойынша сұрақтарға дұрыс жауап берушілер саны екі есе көбейді. "
        "Тәжірибе шағын мектептерде де қымбат құралсыз нәтижеге жетуге болатынын көрсетті.",
    ),
    ("h", "Әдебиеттер тізімі"),
    ("p", "1. Әлиева Г.С. Бастауыш сыныпта оқуға баулу әдістемесі. – Алматы: Білім, 2019. – 180 б."),
    ("p", "2. Нұрланова А.К. Мәтінмен жұмыс түрлері // Бастауыш мектеп. – 2021. – №4. – 12-15 б."),
]

PARAGRAPHS = [text for _, text in ARTICLE]
#: the clean text every format must read back to
CLEAN_TEXT = "\n\n".join(PARAGRAPHS)

RUSSIAN = (
    "Профессиональное развитие учителя сельской школы\n\n"
    "Учитель сельской школы часто ведёт несколько предметов и потому нуждается в постоянной "
    "методической поддержке.\n\nКлючевые слова: наставничество, сельская школа."
)

DEJAVU = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
]


def find_font() -> Path | None:
    """A TrueType font with Kazakh letters, for writing PDFs (DejaVu Sans)."""
    for path in DEJAVU:
        if path.exists():
            return path
    try:
        import matplotlib

        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        return path if path.exists() else None
    except ImportError:
        return None


def build_docx(article=ARTICLE) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = "Файлдың өз атауы"
    for style, text in article:
        if style == "h":
            document.add_heading(text, level=2)
        else:
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_odt(article=ARTICLE) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    for style, text in article:
        document.text.addElement(H(outlinelevel=2, text=text) if style == "h" else P(text=text))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def build_pdf(article=ARTICLE, *, font: Path) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(25, 20, 25)
    pdf.add_font("DejaVu", "", str(font))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for _, text in article:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def build_html(article=ARTICLE) -> bytes:
    body = "\n".join(
        f"<h2>{text}</h2>" if style == "h" else f"<p>{text}</p>" for style, text in article
    )
    page = f"""<!DOCTYPE html>
<html lang="kk"><head><meta charset="utf-8"><title>Материалы для учителей</title></head>
<body>
<header><nav><ul><li><a href="/">Главная</a></li><li><a href="/m">Материалы</a></li>
<li><a href="/login">Войти</a></li></ul></nav></header>
<main><article>
{body}
</article></main>
<aside><h3>Похожие материалы</h3><ul><li><a href="/x">Конспект урока по математике</a></li></ul></aside>
<footer><p>© 2024 Все права защищены. Просмотров: 129</p></footer>
</body></html>"""
    return page.encode("utf-8")


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append("\\" + ch if ch in "\\{}" else ch)
        else:
            code = ord(ch)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def build_rtf(article=ARTICLE) -> bytes:
    body = "\n".join(f"\\pard {_rtf_escape(text)}\\par" for _, text in article)
    return ("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "\n}").encode("ascii")


def build_txt(article=ARTICLE, *, encoding: str = "utf-8") -> bytes:
    return "\n\n".join(text for _, text in article).encode(encoding)
