"""Plain-text files are read whatever their encoding; bad files get clear errors."""

import pytest

from kzedutext.ingest.errors import EmptyFileError, NotTextError
from kzedutext.ingest.text import ReadError, decode_text, read_text_file

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


# Damaged UTF-8: a few bad bytes must not send the whole file to a one-byte encoding.

PARAGRAPH = (
    "Мектептегі жобалық оқыту оқушының өз бетінше ізденуіне жол ашады. "
    "Мұғалім сабақты жоспарлағанда әр баланың қабілетін ескереді, ал топтық жұмыс "
    "қарым-қатынас дағдысын дамытады.\n\n"
)
LONG_KAZAKH = PARAGRAPH * 12  # about 4,000 non-ASCII bytes in UTF-8


def test_a_stray_byte_in_utf8_is_replaced_and_the_rest_stays_utf8():
    data = LONG_KAZAKH.encode()
    cut = data.index(b" ", 1000)
    decoded = decode_text(data[:cut] + b"\x96" + data[cut:])
    assert decoded.encoding == "utf-8"
    assert decoded.text == data[:cut].decode() + "\ufffd" + data[cut:].decode()
    assert len(decoded.warnings) == 1 and "1 byte is not valid UTF-8" in decoded.warnings[0]
    assert f"byte {cut:,}" in decoded.warnings[0]


def test_utf8_with_a_short_cp1251_tail_stays_utf8():
    tail = "\nПримечание: текст сохранён в другой кодировке.".encode("cp1251")
    decoded = decode_text(LONG_KAZAKH.encode() + tail)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(LONG_KAZAKH.rstrip())
    assert "\ufffd" in decoded.text[len(LONG_KAZAKH) :] and decoded.warnings


def test_a_multibyte_character_cut_at_the_end_is_replaced():
    short = "Оқушы мен мұғалім бірлесіп жұмыс істейді".encode()
    decoded = decode_text(short[:-1])  # the last "і" loses its second byte
    assert decoded.text == "Оқушы мен мұғалім бірлесіп жұмыс істейд\ufffd"
    assert decoded.encoding == "utf-8" and decoded.warnings


def test_valid_utf8_has_no_warning():
    assert decode_text(LONG_KAZAKH.encode()).warnings == ()


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Профессиональная компетентность педагога в сельской школе. " * 40, "cp1251"),
        ("Профессиональная компетентность педагога в сельской школе. " * 40, "koi8-r"),
        (LONG_KAZAKH, "kz1048"),
        ("Мұғалім", "kz1048"),
        ("Педагог", "cp1251"),
    ],
)
def test_genuine_one_byte_encodings_are_not_taken_for_damaged_utf8(text, encoding):
    decoded = decode_text(text.encode(encoding))
    assert (decoded.text, decoded.encoding, decoded.warnings) == (text, encoding, ())
