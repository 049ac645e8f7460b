"""Each cause of a failed read has its own ReadError subclass, naming the file and the fix."""

import pytest
from samples import build_docx

import kzedutext as kz
from kzedutext.ingest.errors import (
    CorruptFileError,
    EmptyFileError,
    FileTooLargeError,
    NotTextError,
    ReadError,
    ReaderUnavailableError,
    UnreadableFileError,
    UnsupportedFormatError,
)


def _blank_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)  # a drawing, no text: like a scan
    return bytes(pdf.output())


def _empty_docx() -> bytes:
    return build_docx([])


CASES = [
    # (file name, content, error class, words the message must contain)
    ("truncated.docx", lambda: build_docx()[:2000], CorruptFileError, "corrupt .docx"),
    ("text.docx", lambda: "Бұл мәтін, Word емес".encode(), CorruptFileError, "not a ZIP package"),
    ("binary.txt", lambda: bytes(range(256)) * 16, NotTextError, "not a text file"),
    ("empty.txt", lambda: b"", EmptyFileError, "empty"),
    ("blank.txt", lambda: b"  \n\n ", EmptyFileError, "empty"),
    ("zero.pdf", lambda: b"", EmptyFileError, r"empty \(0 bytes\)"),
    ("garbage.pdf", lambda: b"%PDF-1.4\n garbage \x00\x01 not a pdf body", CorruptFileError, "corrupt PDF"),
    ("notpdf.pdf", lambda: b"plain words", CorruptFileError, "no %PDF header"),
    ("scan.pdf", _blank_pdf, NotTextError, "no text layer"),
    ("nothing.docx", _empty_docx, EmptyFileError, "no text"),
    ("legacy.doc", lambda: b"\xd0\xcf\x11\xe0 old word", UnsupportedFormatError, "save it as .docx"),
    ("table.xyz", lambda: b"abc", UnsupportedFormatError, "unsupported format .xyz"),
    ("broken.odt", lambda: b"PK\x03\x04 truncated", CorruptFileError, "corrupt .odt"),
    ("bad.rtf", lambda: b"not rtf at all", CorruptFileError, "not an RTF file"),
    ("menu.html", lambda: "<html><body><nav>Главная</nav><p>Предпросмотр</p></body></html>".encode(), EmptyFileError, "no text"),
]


@pytest.mark.parametrize("name, make, error, words", CASES, ids=[c[0] for c in CASES])
def test_each_bad_file_gets_its_own_clear_error(tmp_path, name, make, error, words):
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(error, match=words) as info:
        kz.read(path)
    err = info.value
    assert isinstance(err, ReadError) and isinstance(err, kz.ReadError)
    assert err.path == str(path) and str(err).startswith(f"{path}: ")


def test_too_large_has_a_configurable_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("мәтін " * 400, encoding="utf-8")
    with pytest.raises(FileTooLargeError, match="over the limit of 1,000 .raise max_bytes."):
        kz.read(path, max_bytes=1000)
    assert kz.read(path, max_bytes=10_000).language == "kk"
    with pytest.raises(FileTooLargeError):
        kz.read(path.read_bytes(), max_bytes=1000)
    with pytest.raises(ValueError, match="max_bytes must be at least 1, got 0"):
        kz.read(path, max_bytes=0)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UnreadableFileError, match="cannot open"):
        kz.read(tmp_path / "nope.docx")
    with pytest.raises(UnreadableFileError, match="folder"):
        kz.read(tmp_path)


def test_missing_library_says_how_to_install(tmp_path, monkeypatch):
    import sys

    path = tmp_path / "a.docx"
    path.write_bytes(build_docx())
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now fails
    with pytest.raises(ReaderUnavailableError, match="pip install python-docx") as info:
        kz.read(path)
    assert isinstance(info.value, ImportError)


def test_unknown_forced_format_names_the_choices():
    with pytest.raises(ValueError, match="format='doc' is not one of"):
        kz.read(b"abc", format="doc")


def test_errors_survive_pickling():
    import pickle

    err = pickle.loads(pickle.dumps(CorruptFileError("a.docx", "corrupt .docx file")))
    assert (type(err), err.path, err.reason) == (CorruptFileError, "a.docx", "corrupt .docx file")


def test_a_docx_saved_with_the_old_doc_ending_is_read_as_docx(tmp_path):
    path = tmp_path / "article.doc"
    path.write_bytes(build_docx())
    doc = kz.read(path)
    assert doc.provenance.format == "docx" and doc.language == "kk"
    assert doc.text == kz.read(build_docx(), name="article.docx").text


@pytest.mark.parametrize(
    "data, words",
    [
        (b"2024", r"no words, only numbers or symbols \('2024'\)"),
        (b"12\n\n345 \n\n--", "no words, only numbers or symbols"),
        ("Главная".encode(), r"look like web-page menus or counters \('Главная'\); pass boilerplate=False"),
    ],
)
def test_text_with_nothing_left_says_what_it_had(data, words):
    with pytest.raises(EmptyFileError, match=words) as info:
        kz.read(data, name="short.txt")
    assert "besides web-page boilerplate" not in str(info.value)


def test_a_menu_only_line_is_kept_when_boilerplate_removal_is_off():
    assert kz.read("Главная".encode(), boilerplate=False).text == "Главная"
