"""Plain-text files are read whatever their encoding; bad files get clear errors."""

import pytest

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
