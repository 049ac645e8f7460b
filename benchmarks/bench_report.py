"""The HTML report: build time and size on the sample corpus and on generated collections.

python benchmarks/bench_report.py [--docs 300] [--workers 2]

The generated documents mix sentences of the sample articles, 40 each, with each
sentence's two-word chunks shuffled: most modifier + head pairs (so competencies
and theme terms) survive, while three-word shingles shared by chance are rare.
Every 25th document copies ten sentences of an earlier one (planted reuse). There is no
outside anchor for a report: the ratio printed is the report's build time over
plain tagging (``tag_files``) of the same files in the same run, i.e. what the
charts, clustering, reuse search and HTML add.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from _shared import REPO, print_table

import kzedutext as kz
from kzedutext.batch import tag_files
from kzedutext.report import build_report


def generate(folder: Path, n_docs: int, *, sentences: int = 40, seed: int = 0) -> Path:
    pool = []
    for path in sorted((REPO / "corpus" / "texts").glob("*.txt")):
        body = kz.read(path).text_in("kk")
        pool += [s for s in re.split(r"(?<=[.!?])\s+", body) if len(s.split()) >= 6]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[list[str]] = []
    for i in range(n_docs):
        chosen = []
        for sentence in rng.sample(pool, sentences):
            words = sentence.split()
            chunks = [words[k : k + 2] for k in range(0, len(words), 2)]
            rng.shuffle(chunks)
            chosen.append(" ".join(w for chunk in chunks for w in chunk))
        if i % 25 == 24:
            source = docs[rng.randrange(i - 24, i)]
            chosen[5:15] = source[10:20]
        docs.append(chosen)
        paragraphs = [" ".join(chosen[k : k + 4]) for k in range(0, sentences, 4)]
        text = f"Мақала атауы: Жинақ мақаласы {i + 1}\n\n" + "\n\n".join(paragraphs)
        (folder / f"gen{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def measure(name: str, folder: Path, nlp, *, workers: int) -> list[object]:
    t0 = time.perf_counter()
    records = list(tag_files([folder], nlp=nlp, n_process=workers))
    tag_s = time.perf_counter() - t0
    out = Path(tempfile.mkdtemp()) / "report.html"
    t0 = time.perf_counter()
    summary = build_report([folder], out, nlp=nlp, n_process=workers)
    report_s = time.perf_counter() - t0
    tokens = sum(r.n_tokens for r in records)
    return [
        name, summary.n_documents, f"{tokens:,}", round(report_s, 1), round(tag_s, 1),
        f"{report_s / tag_s:.2f}x", f"{summary.n_bytes / 1024:,.0f}", summary.n_clusters, summary.n_reuse_pairs,
        round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    nlp = kz.load()
    rows = [measure("sample corpus", REPO / "corpus" / "texts", nlp, workers=args.workers)]
    if args.docs:
        folder = generate(Path(tempfile.mkdtemp()) / "generated", args.docs)
        rows.append(measure(f"{args.docs} generated", folder, nlp, workers=args.workers))
    print_table(
        f"HTML report ({args.workers} worker(s); report time vs tag_files time of the same files, same run)",
        ["corpus", "docs", "tokens", "report s", "tag s", "report/tag", "HTML KB", "clusters", "reuse pairs",
         "peak RSS MB"],
        rows,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
