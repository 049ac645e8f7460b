"""OpenDocument .odt files, with odfpy: headings and paragraphs in document order."""

from __future__ import annotations

import io

from ..errors import CorruptFileError
from ..paragraphs import clean_line
from . import Extracted, require

_BLOCKS = {"h", "p"}


def read_odt(data: bytes, *, source: str = "<bytes>") -> Extracted:
    """Paragraphs of an .odt file (text:h and text:p, also inside lists and tables)."""
    opendocument = require("odf.opendocument", "odfpy", "odt", source)
    teletype = require("odf.teletype", "odfpy", "odt", source)
    try:
        doc = opendocument.load(io.BytesIO(data))
    except Exception as err:  # zip errors, and the XML parser errors odfpy lets through
        raise CorruptFileError(
            source, f"corrupt .odt file ({err.__class__.__name__}); re-save it from LibreOffice"
        ) from err
    paragraphs: list[str] = []

    def walk(node) -> None:
        for child in node.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            if child.qname[1] in _BLOCKS:
                text = clean_line(teletype.extractText(child).replace("\n", " "))
                if text:
                    paragraphs.append(text)
            else:
                walk(child)

    walk(doc.text)
    meta = {}
    for element, key in (("title", "title"), ("initial-creator", "author"), ("creator", "author")):
        nodes = doc.meta.getElementsByType(_meta_class(element)) if _meta_class(element) else []
        if nodes and key not in meta:
            value = teletype.extractText(nodes[0]).strip()
            if value:
                meta[key] = value
    return Extracted(tuple(paragraphs), meta)


def _meta_class(name: str):
    from odf import dc, meta

    return {"title": dc.Title, "creator": dc.Creator, "initial-creator": meta.InitialCreator}.get(name)
