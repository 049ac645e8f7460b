"""Plain-text files are read whatever their encoding; bad files get clear errors."""

import pytest

from kzedutext.ingest.errors import EmptyFileError, NotTextError
from kzedutext.ingest.text import ReadError, read_text_file

TEXT = "Мұғалімнің кәсіби құзыреттілігі – білім сапасының кепілі."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings(tmp_path, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_text_file(path) == TEXT


def test_cp1251_russian(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes("Профессиональная компетентность педагога".encode("cp1251"))
    assert read_text_file(path) == "Профессиональная компетентность педагога"


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"   \n", "empty"), (bytes(range(256)) * 4, "binary")],
)
def test_bad_files_raise_read_error_naming_the_cause(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason) as err:
        read_text_file(path)
    assert err.value.path == str(path)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("а" * 1000, encoding="utf-8")
    with pytest.raises(ReadError, match="over the limit"):
        read_text_file(path, max_bytes=100)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="cannot open"):
        read_text_file(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Профессиональная компетентность педагога в сельской школе", "cp1251"),
        ("Профессиональная компетентность педагога в сельской школе", "koi8-r"),
        ("Мұғалімнің кәсіби құзыреттілігі мен шеберлігі", "kz1048"),
        ("Мұғалімнің кәсіби құзыреттілігі мен шеберлігі", "utf-16-le"),
        ("Мұғалімнің кәсіби құзыреттілігі мен шеберлігі", "utf-16-be"),
    ],
)
def test_legacy_and_bomless_encodings(tmp_path, text, encoding):
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    assert read_text_file(path) == text


@pytest.mark.parametrize(
    "data, error",
    [(b"", EmptyFileError), (b" \n\t", EmptyFileError), (b"\x00\x01\x02\x03" * 50, NotTextError)],
)
def test_each_cause_has_its_own_error_class(tmp_path, data, error):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(error):
        read_text_file(path)
