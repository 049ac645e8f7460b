"""Read the report's HTML back in tests: table rows as cell texts, every src/href."""

from __future__ import annotations

from html.parser import HTMLParser


class ReportParser(HTMLParser):
    """Collects the rows of each table (by table id), every src and href, and the section ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[dict]] = {}
        self.sources: list[str] = []
        self.hrefs: list[str] = []
        self.sections: list[str] = []
        self._table: str | None = None
        self._row: dict | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "src" in a:
            self.sources.append(a["src"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag == "section":
            self.sections.append(a.get("id", ""))
        elif tag == "table":
            self._table = a.get("id", "")
            self.tables.setdefault(self._table, [])
        elif tag == "tr" and self._table is not None:
            self._row = {"id": a.get("id", ""), "cells": []}
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row["cells"].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def parse(page: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(page)
    return parser
