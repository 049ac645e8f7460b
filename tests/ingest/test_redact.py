"""E-mails, phone numbers and IINs become typed placeholders."""

import pytest

from kzedutext.ingest.redact import is_valid_iin, redact

VALID_IIN = "900101300017"


@pytest.mark.parametrize(
    "text, expected, counts",
    [
        ("Email: aru.b@mektep.edu.kz.", "Email: [EMAIL].", {"email": 1}),
        ("Email: izetova @mail ru.", "Email: [EMAIL].", {"email": 1}),
        ("пошта: aru [at] mail [dot] ru", "пошта: [EMAIL]", {"email": 1}),
        ("Тел: 8-701-234-56-78", "Тел: [PHONE]", {"phone": 1}),
        ("тел. +7 (727) 123 45 67, ұялы 87011234567", "тел. [PHONE], ұялы [PHONE]", {"phone": 2}),
        ("Phone: +49 30 1234 5678", "Phone: [PHONE]", {"phone": 1}),
        (f"ЖСН: {VALID_IIN}", "ЖСН: [IIN]", {"iin": 1}),
        ("ЖСН: 900101300012", "ЖСН: 900101300012", {}),  # wrong check digit
        ("2011-2020 жылдары 12 мектепте 345 оқушы", "2011-2020 жылдары 12 мектепте 345 оқушы", {}),
        ("ISBN 978-601-7654-32-1", "ISBN 978-601-7654-32-1", {}),
        ("Педагогика, 2019. – №4. – 8-15 б.", "Педагогика, 2019. – №4. – 8-15 б.", {}),
    ],
)
def test_redact(text, expected, counts):
    result = redact(text)
    assert (result.text, result.counts) == (expected, counts)


@pytest.mark.parametrize(
    "iin, valid",
    [(VALID_IIN, True), ("900101300012", False), ("901301300017", False), ("900101900017", False), ("12345", False)],
)
def test_iin_validation(iin, valid):
    assert is_valid_iin(iin) is valid
