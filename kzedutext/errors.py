"""Error messages with codes, in spaCy's style.

Every message says what went wrong *and* how to fix it. Codes are stable: tests
and users may match on them.

>>> from kzedutext.errors import Errors
>>> Errors.E001.startswith("[E001]")
True
"""

from __future__ import annotations


class ErrorsWithCodes(type):
    """Prefix every UPPER_CASE message with its code, e.g. ``[E001] ...``."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    E001 = (
        "Unknown homoglyph table row {row!r} in {path}: expected two tab-separated "
        "single characters (source, replacement). Fix or remove the line."
    )
    E002 = (
        "normalize() takes a str, not {type}. Decode bytes first, e.g. "
        "data.decode('utf-8'), or read files with kzedutext.read()."
    )
    E003 = (
        "Data file {path} is missing from the installed package. Reinstall kzedutext "
        "with 'pip install --force-reinstall kzedutext' (package data was not installed)."
    )

    # --- terms (competency ontology and matcher) ---
    E201 = "Unknown concept id {id!r}. Known ids: {known}."
    E202 = (
        "Ontology entry in {source} lacks {key!r}: {row}. Every family needs id, group, head "
        "and stems; every concept needs id, category and either a family with modifiers or phrases."
    )
    E203 = "Group {group!r} in {source} is not one of {groups}: a concept goes to doc.spans['competencies'] or ['terms']."
    E204 = (
        "Concept {id!r} in {source} names family {family!r}, which is not defined. Known families: "
        "{known}. Add the family to the same file or fix the name."
    )
    E205 = (
        "Concept {id!r} in {source} has category {category!r}, which is not defined. Known categories: "
        "{known}. Add it under \"categories\" in the same file or use a known one."
    )
    E206 = "Ontology file {path} does not exist. Pass the path of a .json or .tsv file."
    E207 = "Ontology file {path} must be .json (shaped like terms/data/ontology.json) or .tsv (columns id, group, family, canonical, category, modifiers, phrases, en, ru)."
    E208 = (
        "extract_competencies() takes a str or a spaCy Doc, not {type}. Read files first with "
        "kz.read(path) and pass document.text."
    )
    E209 = "{name} must be {expected}, not {value!r}."
