"""PDF files, with pdfminer.six: text boxes in reading order, lines joined into paragraphs.

Inside a text box a new paragraph starts after a vertical gap, an indented first
line, or a short line; words hyphenated at a line end are joined (see
:func:`kzedutext.ingest.paragraphs.join_lines`). A paragraph cut by a page break is
joined again, and short lines repeated on most pages (running heads) are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from ..errors import CorruptFileError, NotTextError
from ..paragraphs import clean_line, join_lines
from . import Extracted, require

_ENDS = tuple(".!?:;»")
_YEAR = re.compile(r"D:(\d{4})")


def read_pdf(data: bytes, *, source: str = "<bytes>") -> Extracted:
    """Paragraphs of a PDF's text layer, and its Title/Author/CreationDate."""
    require("pdfminer", "pdfminer.six", "pdf", source)
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextBox, LTTextLine
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    if not data.lstrip().startswith(b"%PDF"):
        raise CorruptFileError(source, "not a PDF file (no %PDF header); check the file ending")
    pages: list[list[str]] = []
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.create_pages(doc):
            interpreter.process_page(page)
            boxes = [b for b in device.get_result() if isinstance(b, LTTextBox)]
            paragraphs: list[str] = []
            for box in boxes:
                lines = [ln for ln in box if isinstance(ln, LTTextLine) and ln.get_text().strip()]
                paragraphs.extend(_box_paragraphs(box, lines))
            pages.append(paragraphs)
        info = doc.info[0] if doc.info else {}
    except Exception as err:  # pdfminer raises many unrelated types on damaged files
        name = err.__class__.__name__
        if "Password" in name or "Encrypt" in name:
            raise CorruptFileError(source, "the PDF is encrypted; remove the password and try again") from err
        raise CorruptFileError(source, f"corrupt PDF file ({name}); re-save or re-export it") from err
    paragraphs = _merge_pages(_drop_running_heads(pages))
    if not paragraphs:
        raise NotTextError(source, "the PDF has no text layer (a scan?); run OCR on it first")
    return Extracted(tuple(paragraphs), _info(info))


def _box_paragraphs(box, lines) -> list[str]:
    if not lines:
        return []
    width = max(box.x1 - box.x0, 1.0)
    groups: list[list] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:], strict=False):
        height = max(prev.y1 - prev.y0, 1.0)
        gap = prev.y0 - line.y1
        prev_text = prev.get_text().strip()
        short = prev.x1 < box.x1 - 0.2 * width
        indented = line.x0 > box.x0 + 0.02 * width + 2
        hyphenated = prev_text.endswith("-")
        if gap > 0.7 * height or (not hyphenated and (short or indented)):
            groups.append([line])
        else:
            groups[-1].append(line)
    return [p for p in (join_lines([ln.get_text() for ln in g]) for g in groups) if p]


def _drop_running_heads(pages: list[list[str]]) -> list[list[str]]:
    if len(pages) < 3:
        return pages
    counts = Counter(p for page in pages for p in set(page) if len(p) < 100)
    repeated = {p for p, n in counts.items() if n > len(pages) / 2}
    return [[p for p in page if p not in repeated] for page in pages]


def _merge_pages(pages: list[list[str]]) -> list[str]:
    out: list[str] = []
    for page in pages:
        for i, para in enumerate(page):
            if i == 0 and out and not out[-1].endswith(_ENDS) and para[:1].islower():
                out[-1] = join_lines([out[-1], para])
            else:
                out.append(para)
    return out


def _info(info: dict) -> dict[str, str]:
    meta = {}
    for key, name in (("Title", "title"), ("Author", "author")):
        value = _text(info.get(key))
        if value:
            meta[name] = value
    m = _YEAR.match(_text(info.get("CreationDate")) or "")
    if m and m.group(1) > "1990":
        meta["year"] = m.group(1)
    return meta


def _text(value) -> str:
    if hasattr(value, "resolve"):
        value = value.resolve()
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return clean_line(value[2:].decode("utf-16-be", errors="replace"))
        return clean_line(value.decode("latin-1"))
    return clean_line(value) if isinstance(value, str) else ""
