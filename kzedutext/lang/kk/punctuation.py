"""Prefix, suffix and infix rules of the Kazakh tokenizer.

spaCy's shared character classes lack the Kazakh letters ғ қ ұ (and others in the
Cyrillic Supplement block), so with them a final full stop sticks to words such
as ``сауаттылық.``. The classes below add every Kazakh letter, the Latin schwa
and combining marks.

Hyphens between letters are *not* split here: the tokenizer's
:class:`~kzedutext.lang.kk.hyphens.HyphenJudge` decides, word by word, whether a
hyphen joins a compound (``оқу-тәрбие``) or stands for a dash (``дамуы-құндылығы``).

>>> import re
>>> from kzedutext.lang.kk.punctuation import ALPHA_LOWER
>>> bool(re.match(f"[{ALPHA_LOWER}]+$", "ғқұүөәңһі"))
True
"""

from __future__ import annotations

from spacy.lang.char_classes import (
    ALPHA as _SPACY_ALPHA,
)
from spacy.lang.char_classes import (
    ALPHA_LOWER as _SPACY_LOWER,
)
from spacy.lang.char_classes import (
    ALPHA_UPPER as _SPACY_UPPER,
)
from spacy.lang.char_classes import (
    CONCAT_QUOTES,
    CURRENCY,
    LIST_CURRENCY,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)

from ...text.normalize import BULLETS, STANDALONE_BULLETS
from .tokenizer_exceptions import ABBREVIATION_PATTERN

_KK_LOWER = "әғқңөұүһі"
_KK_UPPER = "ӘҒҚҢӨҰҮҺІ"
_CYRILLIC = "\u0400-\u04ff\u0500-\u052f"
_MARKS = "\u0300-\u036f"
# soft hyphen and zero-width characters occur inside words in pasted text
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"

ALPHA_LOWER = _SPACY_LOWER + _KK_LOWER + "ə"
ALPHA_UPPER = _SPACY_UPPER + _KK_UPPER + "Ə"
ALPHA = _SPACY_ALPHA + _CYRILLIC + "əƏ" + _MARKS + _INVISIBLE

_BULLET_CLASS = "".join(sorted(BULLETS))
_LOOSE_BULLETS = "".join(sorted(STANDALONE_BULLETS - {"·"}))
_DASHES = "–—―‒"

TOKENIZER_PREFIXES = (
    ["§", "%", "=", r"\+(?![0-9])", f"[{_DASHES}]"]
    + [f"[{_BULLET_CLASS}]"]
    # a Wingdings tick or arrow glued to the first word of a list item: "üБілім"
    + [f"[{_LOOSE_BULLETS}](?=[{_CYRILLIC}])"]
    # a hyphen typed as a bullet or dash before a capitalised word: "-Сындарлы"
    + [f"-(?=[{ALPHA_UPPER}])"]
    + LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_CURRENCY
    + LIST_ICONS
)

TOKENIZER_SUFFIXES = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + [f"[{_DASHES}]"]
    # a hyphen left hanging after a word: "рухани- адамгершілік", "2007-№1"
    + [rf"(?<=[{ALPHA}0-9,;:])-"]
    + [
        r"(?<=[0-9])\+",
        r"(?<=°[FfCcKk])\.",
        rf"(?<=[0-9])(?:{CURRENCY})",
        rf"(?<=[0-9])(?:{UNITS})",
        # a full stop after a lower-case letter, digit, %, quote or punctuation
        r"(?<=[0-9{al}{e}{p}(?:{q})])\.".format(
            al=ALPHA_LOWER + _MARKS, e=r"%²\-\+", q=CONCAT_QUOTES, p=PUNCT
        ),
        # ... and after two capitals (ҚР., ЖОО.); one capital + stop is an initial
        rf"(?<=[{ALPHA_UPPER}][{ALPHA_UPPER}])\.",
    ]
)

TOKENIZER_INFIXES = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        # arithmetic and number ranges: 2011-2020, 5+3
        r"(?<=[0-9])[+\-\*^–—](?=[0-9№])",
        # sentences glued at a full stop: "алады.Бүгінгі"
        rf"(?<=[{ALPHA_LOWER}{CONCAT_QUOTES}])\.(?=[{ALPHA_UPPER}{CONCAT_QUOTES}])",
        # an initial glued to a surname: "А.Маркова", "Л.С.Выготский" (zero width)
        rf"(?<=(?<![{ALPHA}])[{ALPHA_UPPER}]\.)(?=[{ALPHA_UPPER}][{ALPHA_LOWER}])",
        # punctuation glued between words: "әдіснамалық,зерттеушілік", "Тақырып:МЕКТЕП"
        rf"(?<=[{ALPHA}]),(?=[{ALPHA}])",
        rf"(?<=[{ALPHA}])[;!?](?=[{ALPHA}])",
        rf"(?<=[{ALPHA}0-9])[:<>=/](?=[{ALPHA}])",
        # brackets and quotes glued between words: "мектебі»деп", "тілі(қазақ"
        rf"(?<=[{ALPHA}])[()\[\]{CONCAT_QUOTES}](?=[{ALPHA}])",
        # a dash (not a hyphen) between words is always its own token
        rf"(?<=[{ALPHA}0-9])[{_DASHES}](?=[{ALPHA}0-9])",
        # two hyphens typed for a dash
        rf"(?<=[{ALPHA}])--+(?=[{ALPHA}])",
    ]
)

#: A word, a hyphen and a word: the hyphen judge decides these.
HYPHEN_BETWEEN_LETTERS = rf"(?<=[{ALPHA}])-(?=[{ALPHA}])"

#: A number (or per cent), a hyphen and letters: kept whole when the letters are an
#: inflection of the number (5-ші, 20-сында, 80%-ға), split when they are a word of
#: their own (17-үйде -> 17 / - / үйде), as UD Kazakh-KTB does.
HYPHEN_AFTER_NUMBER = rf"(?<=[0-9%])-(?=[{ALPHA}])"

#: The inflections that may follow a number and a hyphen: ordinal, plural,
#: possessive, case, -ғы/-гі, in that order; at least one of them.
NUMBER_SUFFIX = (
    r"^(?=.)(?:ыншы|інші|ншы|нші|шы|ші)?"
    r"(?:лар|лер|дар|дер|тар|тер)?"
    r"(?:ымыз|іміз|ыңыз|іңіз|ым|ім|ың|ің|сы|сі|ы|і)?"
    r"(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|ына|іне|сына|сіне|а|е|"
    r"ны|ні|ды|ді|ты|ті|н|нда|нде|да|де|та|те|ында|інде|сында|сінде|"
    r"нан|нен|дан|ден|тан|тен|ынан|інен|сынан|сінен|мен|бен|пен|ымен|імен)?"
    r"(?:ғы|гі|қы|кі)?$"
)

#: Tokens kept whole: abbreviations (т.б., млн.), phone numbers (three or more
#: hyphenated digit groups, so that a range such as 2011-2020 still splits:
#: 8-775-000-00-00) and per cents, which UD Kazakh-KTB and Apertium write as one
#: token (7,5%, 63.1%).
TOKEN_MATCH = r"^(?:" + ABBREVIATION_PATTERN + r"|\+?\(?\d{1,4}\)?(?:[-‑]\d{2,4}){3,}|\d+(?:[.,]\d+)?%)$"
