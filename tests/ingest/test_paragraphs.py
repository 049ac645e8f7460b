"""Lines become paragraphs; line-end hyphens are repaired, compounds kept."""

import pytest

from kzedutext.ingest.paragraphs import join_lines, keeps_hyphen, split_paragraphs

WRAPPED = """Мектептегі тәрбие жұмысы сабақтан тыс уақытта да жалғасады, өйткені
үйірмелер мен спорт секциялары баланың бос уақытын пайдалы өткізуге
көмектеседі. Сонымен қатар ғылыми-педагогикалық ізденіс мұғалімнің кәсіби
өсуіне жол ашады және оқу-тәрбие жұмысын жүйелі жоспарлауды талап етеді.

Екінші абзацтың мәтіні педаго-
гикалық тұрғыдан маңызды мәселелерді қозғайды, бірақ ол қысқа болады.
Қысқа жол."""


def test_hard_wrapped_text_is_unwrapped():
    paras = split_paragraphs(WRAPPED)
    assert len(paras) == 3
    assert paras[0].startswith("Мектептегі") and paras[0].endswith("талап етеді.")
    assert "педагогикалық тұрғыдан" in paras[1] and paras[2] == "Қысқа жол."


def test_lines_of_a_web_copy_stay_paragraphs():
    text = "Кіріспе\nБірінші абзац өте ұзақ емес.\nЕкінші абзац.\n\n\nҮшінші."
    assert split_paragraphs(text) == ["Кіріспе", "Бірінші абзац өте ұзақ емес.", "Екінші абзац.", "Үшінші."]


@pytest.mark.parametrize(
    "left, right, keep",
    [
        ("педаго", "гикалық", False),
        ("сауатты", "лығы", False),
        ("оқу", "тәрбие", True),
        ("өзін", "өзі", True),
        ("ғылыми", "педагогикалық", True),
        ("АКТ", "ны", True),
        ("2011", "2020", True),
        ("Алматы", "Астана", True),
    ],
)
def test_keeps_hyphen(left, right, keep):
    assert keeps_hyphen(left, right) is keep


def test_join_lines():
    assert join_lines(["  Бір  екі-", "нші  ", "", "үш"]) == "Бір екінші үш"
