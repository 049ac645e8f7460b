"""Word .docx files, with python-docx: body paragraphs and table cells in document order."""

from __future__ import annotations

import io

from ..errors import CorruptFileError
from ..paragraphs import clean_line
from . import Extracted, require


def read_docx(data: bytes, *, source: str = "<bytes>") -> Extracted:
    """Paragraphs (and table-cell paragraphs) of a .docx file, and its core properties."""
    docx = require("docx", "python-docx", "docx", source)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # zip, XML and python-docx's own PackageNotFoundError errors
        raise CorruptFileError(
            source, f"corrupt .docx file ({err.__class__.__name__}); re-save it from Word or LibreOffice"
        ) from err
    paragraphs: list[str] = []

    def walk(container) -> None:
        for item in container.iter_inner_content():
            if hasattr(item, "rows"):  # a table
                for row in item.rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat
                            continue
                        seen.add(id(cell._tc))
                        walk(cell)
            else:
                text = clean_line(item.text.replace("\n", " ").replace("\t", " "))
                if text:
                    paragraphs.append(text)

    walk(document)
    props = document.core_properties
    meta = {}
    if props.title:
        meta["title"] = props.title.strip()
    if props.author:
        meta["author"] = props.author.strip()
    if props.created and props.created.year > 1990:
        meta["year"] = str(props.created.year)
    return Extracted(tuple(paragraphs), meta)
