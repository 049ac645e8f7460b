"""Plain function behind ``kzedutext reuse``: read files, find reuse, write JSON lines.

>>> import tempfile, pathlib, json
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> text = ("Мұғалім сабақта оқушылардың сыни ойлауын дамытатын тапсырмаларды жүйелі түрде "
...         "қолданады, ал әр тапсырманың соңында балалар өз жұмысын бағалап, келесі қадамды "
...         "бірге жоспарлайды және қателерін талдайды.")
>>> _ = (folder / "a.txt").write_text(text, encoding="utf-8")
>>> _ = (folder / "b.txt").write_text("Кітапхана жаңарды. " + text, encoding="utf-8")
>>> summary = reuse_to_file([folder], folder / "out.jsonl", min_words=10)
>>> summary.n_documents, summary.n_pairs
(2, 1)
>>> row = json.loads((folder / "out.jsonl").read_text(encoding="utf-8"))
>>> row["a_path"].endswith("a.txt"), row["containment_a"]
(True, 1.0)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..batch.inputs import iter_input_files, path_text, read_input
from .detect import find_reuse


@dataclass(frozen=True)
class ReuseSummary:
    """What a reuse run did: documents read, files that could not be read, pairs written."""

    n_documents: int
    n_pairs: int
    failed: tuple[tuple[str, str], ...]


def reuse_to_file(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    threshold: float = 0.02,
    min_words: int = 20,
    n_process: int = 1,
) -> ReuseSummary:
    """Find reuse among the files in ``inputs`` (folders searched recursively); one JSON line per pair.

    Each line has the pair's paths, containment both ways and the shared passages.
    Files are read as ``kzedutext tag`` reads them (a file without an ending is taken
    for text); those that cannot be read are listed in the summary, never silently dropped.
    """
    paths, documents, failed = [], [], []
    for path in iter_input_files(inputs):
        document, _, status = read_input(path)
        if document is None:
            failed.append((path_text(path), status))
            continue
        documents.append(document)
        paths.append(path_text(path))
    pairs = find_reuse(documents, threshold=threshold, min_words=min_words, n_process=n_process)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for pair in pairs:
            row = {"a_path": paths[pair.a], "b_path": paths[pair.b], **pair.to_dict()}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return ReuseSummary(len(documents), len(pairs), tuple(failed))
