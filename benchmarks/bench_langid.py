"""Paragraph language identification (kk / ru / en / other) on the hand-written test set.

Prints paragraph accuracy of kzedutext.text.langid by kind of paragraph (plain,
mixed, short headings, Kazakh typed without Kazakh letters) next to a naive anchor:
"a Kazakh-specific letter means kk, other Cyrillic ru, Latin en, else other". Also
prints paragraphs per second, and how fast kz.read reads the sample article in
each format.

    python benchmarks/bench_langid.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from _shared import REPO, best_time, print_table

from kzedutext.text.langid import KAZAKH_LETTERS, identify

sys.path.insert(0, str(REPO / "tests" / "text"))
sys.path.insert(0, str(REPO / "tests" / "ingest"))
from test_langid import load_testset  # noqa: E402


def naive(text: str) -> str:
    low = text.lower()
    if not KAZAKH_LETTERS.isdisjoint(low):
        return "kk"
    if re.search("[а-яё]", low):
        return "ru"
    if re.search("[a-z]", low):
        return "en"
    return "other"


def main() -> int:
    cases = load_testset()
    systems = {"kzedutext langid": identify, "naive: Kazakh letter => kk": naive}
    kinds = sorted({k for _, k, _ in cases})
    rows = []
    ours_acc = None
    for name, fn in systems.items():
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for lang, kind, text in cases:
            total[kind] += 1
            right[kind] += fn(text) == lang
        acc = 100 * sum(right.values()) / len(cases)
        ours_acc = ours_acc or acc
        secs = best_time(lambda fn=fn: [fn(t) for _, _, t in cases])
        rows.append(
            [name, acc, *[100 * right[k] / total[k] for k in kinds], f"{len(cases) / secs:,.0f}", f"{acc / ours_acc:.2f}x"]
        )
    counts = Counter(lang for lang, _, _ in cases)
    print_table(
        f"Paragraph language identification ({len(cases)} paragraphs: "
        + ", ".join(f"{n} {lang}" for lang, n in counts.most_common())
        + ")",
        ["system", "accuracy", *kinds, "paragraphs/s", "accuracy vs ours"],
        rows,
    )
    print("target: accuracy >= 99")

    try:
        import samples

        import kzedutext as kz
    except ImportError as err:  # pragma: no cover
        print(f"SKIP read speed: {err}")
        return 0
    font = samples.find_font()
    builders = {
        "txt": samples.build_txt,
        "docx": samples.build_docx,
        "odt": samples.build_odt,
        "html": samples.build_html,
        "rtf": samples.build_rtf,
    }
    if font:
        builders["pdf"] = lambda: samples.build_pdf(font=font)
    read_rows = []
    for fmt, build in builders.items():
        data = build()
        secs = best_time(lambda data=data: kz.read(data))
        same = kz.read(data).text == samples.CLEAN_TEXT
        read_rows.append([fmt, f"{len(data):,}", f"{1000 * secs:.1f}", "yes" if same else "NO"])
    print_table(
        "kz.read on the sample article (tests/ingest/samples.py)",
        ["format", "bytes", "ms per document", "same clean text"],
        read_rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
