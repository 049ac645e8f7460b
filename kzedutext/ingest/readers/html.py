"""Web pages, with trafilatura: the main content without menus, footers and comments.

trafilatura falls back on jusText and readability-style heuristics itself; when it
finds no main content (a very short page) the visible text of ``<body>`` is used.
"""

from __future__ import annotations

import re

from ..paragraphs import clean_line
from ..text import Decoded, decode_text
from . import Extracted, require

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})")


def _decode(data: bytes, source: str) -> Decoded:
    m = _CHARSET.search(data[:4096])
    if m:
        encoding = m.group(1).decode("ascii")
        try:
            return Decoded(data.decode(encoding), encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, source=source)


def read_html(data: bytes, *, source: str = "<bytes>") -> Extracted:
    """Paragraphs of the main content of an HTML page, and its title and date."""
    trafilatura = require("trafilatura", "trafilatura", "html", source)
    decoded = _decode(data, source)
    html = decoded.text
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
        with_metadata=False,
    )
    if not text:
        text = _body_text(html)
    meta: dict[str, str] = {}
    try:
        doc_meta = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a bonus: never fail the read for it
        doc_meta = None
    if doc_meta is not None:
        if doc_meta.title:
            meta["title"] = clean_line(doc_meta.title)
        if doc_meta.author:
            meta["author"] = clean_line(doc_meta.author)
        m = _YEAR.match(doc_meta.date or "")
        if m:
            meta["year"] = m.group(1)
    paragraphs = tuple(p for p in (clean_line(x) for x in (text or "").split("\n")) if p)
    return Extracted(paragraphs, meta, decoded.warnings)


def _body_text(html: str) -> str:
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except Exception:  # not parseable at all: nothing to extract
        return ""
    for bad in root.xpath("//script|//style|//nav|//header|//footer|//noscript"):
        bad.drop_tree()
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//li|//td")
    return "\n".join(b.text_content() for b in blocks) or root.text_content()
