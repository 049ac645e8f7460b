"""Which reader a file needs: from its ending, checked against (or, for bytes, taken from) its content.

>>> detect_format(b"%PDF-1.7 ...", name="a.pdf")
'pdf'
>>> detect_format("Мәтін".encode())
'txt'

A Word document saved under the old ``.doc`` ending is read by its content when
that content is a .docx package (Word and web uploads do this); a real old
binary .doc is refused with how to convert it.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import CorruptFileError, UnsupportedFormatError

#: file ending -> format
SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".odt": "odt",
    ".rtf": "rtf",
}
#: endings we know and refuse, with what to do instead
KNOWN_UNSUPPORTED = {
    ".doc": "old Word .doc is not supported; save it as .docx",
    ".ppt": "presentations are not read; save the article as .docx or .pdf",
    ".pptx": "presentations are not read; save the article as .docx or .pdf",
    ".xls": "spreadsheets are not read",
    ".xlsx": "spreadsheets are not read",
    ".djvu": "DjVu is not supported; convert it to PDF with a text layer",
}
_ODT_MIME = b"application/vnd.oasis.opendocument.text"


def supported_suffixes() -> str:
    """The endings :func:`kzedutext.read` accepts, for error messages."""
    return ", ".join(SUFFIXES)


def sniff(data: bytes) -> str | None:
    """The format the content itself shows, or None when it looks like plain text."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # old .doc/.xls/.ppt
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "mimetype" in names and z.read("mimetype").strip() == _ODT_MIME:
                    return "odt"
        except (zipfile.BadZipFile, KeyError, OSError):
            return "zip?"
        return "zip"
    low = head[:512].lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in low or b"<body" in low:
        return "html"
    return None


def detect_format(data: bytes, *, name: str | Path | None = None, fmt: str | None = None) -> str:
    """The reader to use for ``data`` (see the module docstring); ``fmt`` forces one."""
    source = str(name) if name is not None else "<bytes>"
    if fmt is not None:
        if fmt not in set(SUFFIXES.values()):
            raise ValueError(f"format={fmt!r} is not one of {sorted(set(SUFFIXES.values()))}")
        return fmt
    sniffed = sniff(data)
    suffix = Path(name).suffix.lower() if name is not None else ""
    if name is None or not suffix:
        if sniffed in ("ole", "zip", "zip?"):
            raise UnsupportedFormatError(
                source, f"unsupported format ({'old Office file' if sniffed == 'ole' else 'ZIP archive'}); "
                f"supported: {supported_suffixes()}"
            )
        return sniffed or "txt"
    if suffix == ".doc" and sniffed == "docx":
        return "docx"  # a .docx under the old ending: the content decides
    if suffix in KNOWN_UNSUPPORTED:
        raise UnsupportedFormatError(source, f"unsupported format {suffix}: {KNOWN_UNSUPPORTED[suffix]}")
    expected = SUFFIXES.get(suffix)
    if expected is None:
        raise UnsupportedFormatError(
            source, f"unsupported format {suffix} (supported: {supported_suffixes()})"
        )
    if expected in ("docx", "odt") and sniffed != expected:
        what = "a damaged ZIP package" if sniffed == "zip?" else (
            "not a ZIP package" if sniffed not in ("zip", "docx", "odt") else f"a {sniffed or 'other'} package"
        )
        raise CorruptFileError(
            source, f"corrupt {suffix} file ({what}); re-save it from Word or LibreOffice"
        )
    if expected == "pdf" and sniffed != "pdf":
        raise CorruptFileError(source, "corrupt .pdf file (no %PDF header); re-save or re-export it")
    return expected
