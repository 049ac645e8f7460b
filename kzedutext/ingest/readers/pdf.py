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
            lines = [
                ln
                for box in device.get_result()
                if isinstance(box, LTTextBox)
                for ln in box
                if isinstance(ln, LTTextLine) and ln.get_text().strip()
            ]
            pages.append(_page_paragraphs(lines))
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


def _merge_baselines(lines) -> list[list]:
    """[x0, x1, y0, y1, text] per visual line: pieces on one baseline (justified text) joined."""
    out: list[list] = []
    for ln in lines:
        text = ln.get_text().replace("\n", " ")
        if out and abs(out[-1][2] - ln.y0) < 2 and ln.x0 >= out[-1][1] - 1:
            out[-1][1] = ln.x1
            out[-1][4] = f"{out[-1][4].rstrip()} {text.lstrip()}"
        else:
            out.append([ln.x0, ln.x1, ln.y0, ln.y1, text])
    return out


def _page_paragraphs(lines) -> list[str]:
    """Group a page's lines (in reading order) into paragraphs by spacing, indent and length."""
    rows = _merge_baselines(lines)
    if not rows:
        return []
    left = min(r[0] for r in rows)
    right = max(r[1] for r in rows)
    width = max(right - left, 1.0)
    steps = sorted(
        a[2] - b[2] for a, b in zip(rows, rows[1:], strict=False) if 0 < a[2] - b[2] < 3 * max(a[3] - a[2], 1.0)
    )
    step = steps[len(steps) // 4] if steps else None  # line spacing: the common small step
    groups: list[list] = [[rows[0]]]
    for prev, row in zip(rows, rows[1:], strict=False):
        drop = prev[2] - row[2]
        hyphenated = prev[4].rstrip().endswith("-")
        new_block = drop <= 0 or step is None or drop > 1.3 * step
        short = prev[1] < right - 0.15 * width
        indented = row[0] > left + 0.02 * width + 2
        if new_block or (not hyphenated and (short or indented)):
            groups.append([row])
        else:
            groups[-1].append(row)
    return [p for p in (join_lines([r[4] for r in g]) for g in groups) if p]


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
