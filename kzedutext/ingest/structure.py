"""Find an article's header fields, sections and references.

The conventions are data: ``data/header_fields.tsv`` (``Қатысушы:``, ``Мекеме:``,
``Ключевые слова`` ...), ``data/section_headings.tsv`` (``Аннотация``, ``Кіріспе``,
``Қорытынды``, ``Әдебиеттер тізімі``, ``Список литературы`` ...) and
``data/affiliation_words.txt``. Numbered headings (``2. Зерттеу нәтижелері``)
open body sections when a real paragraph follows them rather than a list.

Unlabelled header lines: the title is found first; the affiliation is then the
first other line with an institution stem (``мектеп`` also matches the voiced
``мектебі``); the city is a capitalised word before ``қ.`` / ``қаласы`` in the
affiliation (``Петропавл қ.``). A labelled author line keeps only the parts that
look like names; the rest (``№5 мектеп-гимназия, Астана қ.``) is the affiliation.

>>> s = parse_structure(["Автор: Ә. Сейіт", "Аннотация", "Мәтін.", "Түйін сөздер: оқу, тәрбие.", "Кіріспе", "Сөз."])
>>> s.fields["authors"], s.keywords, [x.kind for x in s.sections]
(('Ә. Сейіт',), ('оқу', 'тәрбие'), ['front', 'annotation', 'keywords', 'introduction'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .._data import read_lines, read_table
from .document import SECTION_KINDS, Section

_PKG = "kzedutext.ingest"
_NUMBERING = r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s*"
_FIELDS = ("title", "authors", "position", "affiliation", "section", "email", "phone", "year", "city")

#: A short numbered paragraph is a heading when the next paragraph has at least this many words.
HEADING_MAX_WORDS = 16
BODY_MIN_WORDS = 20

EMAIL_RE = re.compile(
    r"([\w.+-]+)\s?@\s?([\w-]+(?:\.[\w-]+)*)(?:(?:\.|\s)(kz|ru|com|org|net|edu|info|ua|uz|kg|by)\b)?",
    re.IGNORECASE,
)
PHONE_RE = re.compile(r"(?<![\w+])(?:\+\s?7|8)(?:[\s()\-.]{0,3}\d){10}(?!\d)")
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20\d\d)\s*(?:ж\.|жыл|г\.|год)", re.IGNORECASE)
_NAME_RE = re.compile(
    r"^(?:[А-ЯӘҒҚҢӨҰҮҺІЁA-Z][\w-]+\s+){1,3}[А-ЯӘҒҚҢӨҰҮҺІЁA-Z][\w-]*(?:ұлы|қызы|улы|кызы|ович|евич|овна|евна|ична)\.?$"
    r"|^[А-ЯӘҒҚҢӨҰҮҺІЁ]\.\s?(?:[А-ЯӘҒҚҢӨҰҮҺІЁ]\.\s?)?[А-ЯӘҒҚҢӨҰҮҺІЁ][\w-]+\.?$"
    r"|^[А-ЯӘҒҚҢӨҰҮҺІЁ][\w-]+\s[А-ЯӘҒҚҢӨҰҮҺІЁ]\.\s?(?:[А-ЯӘҒҚҢӨҰҮҺІЁ]\.)?$"
)
_INITIAL_END = re.compile(r"(?:^|[\s.])\w\.$")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[•\-–—*▪·●○]|[а-яәa-z]\))\s*\S")
_REF_SPLIT = re.compile(r"\s+(?=\[\d{1,3}\])")
#: A city in an affiliation: a capitalised word before the Kazakh marker "қ." or "қаласы" (Петропавл қ.).
_CITY_RE = re.compile(r"(?<!\w)([А-ЯӘҒҚҢӨҰҮҺІЁ][\w-]*\w)\s+(?:қ\.|қаласы(?!\w))")
#: Kazakh voices a final п, к, қ before a vowel suffix: мектеп → мектебі, ...
_VOICED = {"п": "б", "к": "г", "қ": "ғ"}
#: A part of a labelled author line that reads as a person: 1-4 capitalised words or initials.
_PERSON_RE = re.compile(r"^(?:[А-ЯӘҒҚҢӨҰҮҺІЁA-Z][^\W\d_]*(?:[-'][^\W\d_]+)*\.?\s?){1,4}$")


def _key(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


@lru_cache(maxsize=1)
def _field_re() -> tuple[re.Pattern, dict[str, str]]:
    labels: dict[str, str] = {}
    for row in read_table(_PKG, "header_fields.tsv"):
        if len(row) != 2 or row[0] not in _FIELDS:
            raise ValueError(f"header_fields.tsv: bad row {row!r}; expected '<field>\\t<label>', field in {_FIELDS}")
        labels[_key(row[1])] = row[0]
    alts = "|".join(re.escape(lab) for lab in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^\s*({alts})\s*:\s*(.*)$", re.IGNORECASE), labels


@lru_cache(maxsize=1)
def _heading_re() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    headings: dict[str, str] = {}
    for row in read_table(_PKG, "section_headings.tsv"):
        if len(row) != 2 or row[0] not in SECTION_KINDS:
            raise ValueError(f"section_headings.tsv: bad row {row!r}; expected '<kind>\\t<heading>'")
        headings[_key(row[1])] = row[0]
    alts = "|".join(re.escape(h) for h in sorted(headings, key=len, reverse=True))
    alone = re.compile(rf"^(?:{_NUMBERING})?({alts})\s*[:.]?$", re.IGNORECASE)
    inline = re.compile(rf"^(?:{_NUMBERING})?({alts})\s*(?::|\.|\s[–—-])\s*(\S.*)$", re.IGNORECASE)
    return alone, inline, headings


@lru_cache(maxsize=1)
def _affiliation_re() -> re.Pattern:
    """Institution stems at a word start, a final п/к/қ also in its voiced form (мектеп, мектебі)."""
    alts = []
    for stem in read_lines(_PKG, "affiliation_words.txt"):
        voiced = _VOICED.get(stem[-1])
        alts.append(re.escape(stem[:-1]) + f"[{stem[-1]}{voiced}]" if voiced else re.escape(stem))
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})", re.IGNORECASE)


def city_of(affiliation: str | None) -> str | None:
    """The city named in an affiliation line: the capitalised word before ``қ.`` or ``қаласы``.

    >>> city_of("Солтүстік Қазақстан облысы, Петропавл қ., №5 мектеп-гимназия")
    'Петропавл'
    >>> city_of("Астана қаласы, №12 лицей"), city_of("Жаңаталап ауылының мектебі")
    ('Астана', None)
    """
    m = _CITY_RE.search(affiliation or "")
    return m.group(1) if m else None


def split_author_value(parts: tuple[str, ...]) -> tuple[tuple[str, ...], str | None]:
    """``(authors, rest)`` of a labelled author line split at commas: names, then the other parts.

    Only parts that read as a person's name are authors; the rest (school, city) is
    returned joined, for the affiliation. When no part reads as a name, all stay
    authors (an unusual spelling of a name is not thrown away).

    >>> split_author_value(("Ахметова Г.К.", "№5 мектеп-гимназия", "Астана қ."))
    (('Ахметова Г.К.',), '№5 мектеп-гимназия, Астана қ.')
    >>> split_author_value(("Иванова А.С.", "Ахметов Б.К."))
    (('Иванова А.С.', 'Ахметов Б.К.'), None)
    """
    aff = _affiliation_re()
    names = tuple(p for p in parts if _PERSON_RE.match(p) and not aff.search(p) and not _CITY_RE.search(p))
    if not names:
        return parts, None
    rest = [p for p in parts if p not in names]
    return names, (", ".join(rest) or None)


@dataclass(frozen=True)
class Structure:
    """What :func:`parse_structure` found.

    ``fields`` maps a header field to its value (``authors`` to a tuple);
    ``section_of`` gives, for each paragraph, the index of its section.
    """

    fields: dict
    keywords: tuple[str, ...]
    sections: tuple[Section, ...]
    section_of: tuple[int, ...]
    references: tuple[str, ...]


def match_heading(paragraph: str) -> tuple[str, str, str] | None:
    """``(kind, heading, inline text)`` when ``paragraph`` opens a known section.

    >>> match_heading("3. Қорытынды")
    ('conclusion', '3. Қорытынды', '')
    >>> match_heading("Ключевые слова: наставник, рефлексия")
    ('keywords', 'Ключевые слова', 'наставник, рефлексия')
    >>> match_heading("Қорытындысында мұғалім сөйледі") is None
    True
    """
    alone, inline, headings = _heading_re()
    text = paragraph.strip()
    m = alone.match(_key(text))
    if m:
        return headings[m.group(1)], text.rstrip(":. "), ""
    m = inline.match(text.replace("ё", "е").replace("Ё", "Е"))
    if m:
        kind = headings[_key(m.group(1))]
        sep = text[m.end(1) : m.start(2)].strip()
        if sep != ":" and kind not in ("annotation", "keywords"):
            return None  # "Литература – өнер" is a sentence, "Литература: ..." a heading
        head = text[: m.start(2)].rstrip(" :.–—-")
        return kind, head, text[m.start(2) :].strip()
    return None


def _is_numbered_heading(paragraphs: list[str], i: int) -> bool:
    text = paragraphs[i]
    if not re.match(rf"^{_NUMBERING}[^\W\d]", text) or re.match(r"^\d{1,2}\)", text):
        return False
    if len(text.split()) > HEADING_MAX_WORDS or len(text) > 200:
        return False
    nxt = next((p for p in paragraphs[i + 1 :] if p.strip()), "")
    if _LIST_ITEM.match(nxt) or len(nxt.split()) < BODY_MIN_WORDS:
        return False
    # "3." right after a "2." item is the list's last item, not a heading
    prev = re.match(r"^(\d{1,2})[.)]", paragraphs[i - 1]) if i else None
    number = re.match(r"^(\d{1,2})", text)
    return not (prev and number and int(prev.group(1)) + 1 == int(number.group(1)))


def split_keywords(text: str) -> tuple[str, ...]:
    """Keywords from the text after a ``Түйін сөздер:`` label.

    >>> split_keywords("кәсіби даму; тәлімгерлік, рефлексия.")
    ('кәсіби даму', 'тәлімгерлік', 'рефлексия')
    """
    parts = re.split(r"\s*[;,]\s*", text.strip().rstrip("."))
    return tuple(p.strip(" .«»\"") for p in parts if p.strip(" .«»\""))


def clean_value(field: str, value: str):
    """A header value tidied for its field (quotes, final full stop, repaired e-mail)."""
    value = " ".join(value.split())
    if field == "email":
        return repair_email(value)
    if field == "year":
        m = re.search(r"(19|20)\d\d", value)
        return int(m.group()) if m else None
    if not re.search(r"\b\w\.$", value):  # keep the stop of a final initial ("Ә.Б.")
        value = value.rstrip(".")
    value = value.strip()
    if value.startswith("«") and value.endswith("»"):
        value = value[1:-1].strip()
    if field == "authors":
        return tuple(a.strip() for a in re.split(r"\s*[;,]\s*", value) if a.strip())
    return value or None


def repair_email(value: str) -> str | None:
    """The e-mail address in ``value``, with spaces typed around ``@`` or for the dot removed.

    >>> repair_email("izetovaa @mail ru.")
    'izetovaa@mail.ru'
    >>> repair_email("no address") is None
    True
    """
    m = EMAIL_RE.search(value)
    if not m:
        return None
    local, domain, tld = m.groups()
    address = f"{local}@{domain}" + (f".{tld}" if tld else "")
    return address.rstrip(".").lower() if "." in address.split("@")[1] else None


def parse_structure(paragraphs: list[str] | tuple[str, ...]) -> Structure:
    """Header fields, keywords, sections and references of an article's paragraphs."""
    field_re, labels = _field_re()
    paragraphs = list(paragraphs)
    sections: list[tuple[str, str, list[str]]] = [("front", "", [])]
    section_of: list[int] = []
    fields: dict = {}
    keywords: tuple[str, ...] = ()
    author_rest = None  # what a labelled author line says besides names: a labelled affiliation wins
    for i, para in enumerate(paragraphs):
        kind = sections[-1][0]
        head = match_heading(para) if kind != "references" or len(para) < 60 else None
        if head:
            sections.append((head[0], head[1], [head[2]] if head[2] else []))
            if head[0] == "keywords" and not keywords:
                keywords = split_keywords(head[2])
        elif kind in ("introduction", "body") and _is_numbered_heading(paragraphs, i):
            sections.append(("body", para.rstrip(":. "), []))
        else:
            if kind == "front":
                m = field_re.match(para)
                if m:
                    name = labels[_key(m.group(1))]
                    value = clean_value(name, m.group(2))
                    if value and name not in fields:
                        if name == "authors":
                            value, author_rest = split_author_value(value)
                        fields[name] = value
            sections[-1][2].append(para)
        section_of.append(len(sections) - 1)
    front = [p for p, s in zip(paragraphs, section_of, strict=True) if s == 0]
    _fallbacks(front, fields, author_rest)
    built = tuple(Section(k, h, "\n\n".join(ps)) for k, h, ps in sections)
    keep = [i for i, s in enumerate(built) if i > 0 or s.text]  # an empty front is no section
    remap = {old: new for new, old in enumerate(keep)}
    refs = tuple(
        entry
        for k, _, ps in sections
        if k == "references"
        for p in ps
        for entry in _REF_SPLIT.split(p)
        if entry.strip()
    )
    return Structure(
        fields,
        keywords,
        tuple(built[i] for i in keep),
        tuple(remap.get(s, 0) for s in section_of),
        refs,
    )


def _fallbacks(front: list[str], fields: dict, author_rest: str | None = None) -> None:
    """Fill header fields from unlabelled front matter (and the non-name rest of a labelled author line)."""
    text = "\n".join(front)
    if "email" not in fields:
        email = repair_email(text)
        if email:
            fields["email"] = email
    if "phone" not in fields:
        m = PHONE_RE.search(text)
        if m:
            fields["phone"] = m.group()
    if "year" not in fields:
        m = _YEAR_RE.search(text)
        if m:
            fields["year"] = int(m.group(1))
    field_re, _ = _field_re()
    unlabelled = [p for p in front if not field_re.match(p)]
    if "authors" not in fields:
        names = [name for p in unlabelled for name in _author_names(p)]
        if names:
            fields["authors"] = tuple(dict.fromkeys(names))
    if "title" not in fields:
        for p in unlabelled:
            letters = [c for c in p if c.isalpha()]
            if 3 <= len(p.split()) <= 30 and letters and all(c.isupper() for c in letters):
                fields["title"] = clean_value("title", p)
                break
    if "title" not in fields:
        title = _title_before_authors(unlabelled)
        if title:
            fields["title"] = clean_value("title", title)
    if "affiliation" not in fields and author_rest:
        fields["affiliation"] = author_rest
    if "affiliation" not in fields:
        aff = _affiliation_re()
        for p in unlabelled:
            if len(p.split()) > _BODY_WORDS:
                break  # the body has begun: an affiliation stands in the header, above it
            if clean_value("title", p) == fields.get("title") or _author_names(p) or _is_sentence(p):
                continue  # titles often say "мектеп" too, and so do sentences of the text
            if aff.search(p) and len(p.split()) <= 25:
                fields["affiliation"] = clean_value("affiliation", p)
                break
    if "city" not in fields:
        city = city_of(fields.get("affiliation")) or city_of(author_rest)
        if city:
            fields["city"] = city


#: a paragraph this long is body text: the header (title, authors, affiliation) is above it
_BODY_WORDS = 40
_SENTENCE_END = re.compile(r"(\S+)[.!?…]\s*$")
#: abbreviations a header line may end with: «Петропавл қ.», «Ақмола обл.»
_HEADER_ABBREVIATIONS = frozenset({"қ", "обл", "г", "ауд", "а"})


def _is_sentence(paragraph: str) -> bool:
    """A line of running text (six words or more, ending in a full stop that is not «қ.»),
    not a header line: «This paper discusses assessment in schools.», «Қазіргі мектеп ...»."""
    m = _SENTENCE_END.search(paragraph)
    return len(paragraph.split()) >= 6 and m is not None and m.group(1).lower() not in _HEADER_ABBREVIATIONS


def _author_names(paragraph: str) -> list[str]:
    """The names of an author line («Әбдікәрімова Н.С., Төлеуов Е.Ж.»), or [] if it is not one."""
    parts = [p.strip() for p in re.split(r",|\s+және\s+|\s+и\s+", paragraph) if p.strip()]
    if parts and all(_NAME_RE.match(p) for p in parts):
        # a closing full stop goes, unless it belongs to an initial (Н.С.)
        return [p if _INITIAL_END.search(p) else p.rstrip(".") for p in parts]
    return []


def _title_before_authors(unlabelled: list[str]) -> str | None:
    """A sentence-case title: the short line just before the first author line, as articles
    print them (title, authors, affiliation). Without an author line nothing is guessed."""
    for i, p in enumerate(unlabelled):
        if _author_names(p):
            if i == 0:
                return None
            title = unlabelled[i - 1].strip()
            words = title.split()
            letters = sum(c.isalpha() for c in title)
            if 2 <= len(words) <= 30 and not title.endswith(".") and letters >= 0.7 * len(title.replace(" ", "")) \
                    and "@" not in title and "://" not in title:
                return title
            return None
    return None
