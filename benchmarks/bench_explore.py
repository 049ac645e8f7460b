"""Corpus exploration: clustering NMI on KazQAD, reuse on the seeds and the sample corpus, reuse scale.

python benchmarks/bench_explore.py [--reuse-docs N] [--reuse-words N]

1. KazQAD test questions (5 school subjects): clustering NMI against the subjects,
   ours (lemma TF-IDF + LSA + KMeans, k=5) vs plain word TF-IDF + KMeans, same
   seeds, same run. The target is 3x the baseline.
2. Reuse on the three seed articles plus the sample corpus: pairs found vs the
   pairs documented in corpus/meta.jsonl (false pairs must be 0).
3. Reuse at scale: N generated documents of M words (random words from the sample
   corpus's vocabulary, every 50th document copies a reworded 300-word passage of
   another): documents/s and peak memory (RSS).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time

from _shared import REPO, SEEDS, data_path, print_table

sys.path.insert(0, str(REPO))

import kzedutext as kz  # noqa: E402
from kzedutext.reuse import find_reuse  # noqa: E402


def bench_clustering(nlp, seeds=(0, 1, 2, 3, 4)) -> None:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import normalized_mutual_info_score as nmi

    from kzedutext.explore.cluster import cluster

    path = data_path("kazqad_topics", "kazqad-topics-v1.0-kk-test.tsv")
    if path is None:
        return
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line]
    subjects = [r[0][:3] for r in rows]
    questions = [r[1] for r in rows]
    docs = list(nlp.pipe(questions, batch_size=256))
    base = TfidfVectorizer().fit_transform(questions)
    table = []
    ours_all, base_all = [], []
    for seed in seeds:
        b = nmi(subjects, KMeans(5, n_init=10, random_state=seed).fit_predict(base))
        o = nmi(subjects, cluster(docs, k=5, random_state=seed).labels)
        base_all.append(b)
        ours_all.append(o)
        table.append([seed, f"{o:.3f}", f"{b:.3f}", f"{o / b:.2f}x"])
    mo, mb = sum(ours_all) / len(seeds), sum(base_all) / len(seeds)
    table.append(["mean", f"{mo:.3f}", f"{mb:.3f}", f"{mo / mb:.2f}x (target 3x)"])
    auto = cluster(docs, k=None, k_range=(2, 8))
    print_table(
        f"KazQAD test ({len(rows)} questions, 5 subjects): clustering NMI",
        ["seed", "ours: lemma TF-IDF+LSA+KMeans", "word TF-IDF+KMeans", "ratio"],
        table,
    )
    print(
        f"silhouette-chosen k = {auto.k} (silhouettes {auto.silhouettes}), NMI {nmi(subjects, auto.labels):.3f}"
    )
    print("cluster labels (k=5):", " | ".join(cluster(docs, k=5).names))


def bench_reuse_seeds(nlp) -> None:
    corpus = REPO / "corpus"
    meta = [json.loads(x) for x in (corpus / "meta.jsonl").read_text(encoding="utf-8").splitlines()]
    paths = [corpus / m["file"] for m in meta]
    ids = [m["id"] for m in meta]
    if SEEDS.is_dir():
        seeds = sorted(SEEDS.glob("*.txt"))
        paths += seeds
        ids += [p.name[:3] for p in seeds]
    else:
        print(f"SKIP seeds: {SEEDS} not found")
    t0 = time.perf_counter()
    pairs = find_reuse(paths, nlp=nlp)
    dt = time.perf_counter() - t0
    found = {frozenset((ids[p.a], ids[p.b])) for p in pairs}
    expected = {frozenset((m["id"], r)) for m in meta for r in m["reuses"]}
    print_table(
        "Reuse on the sample corpus + seed articles",
        ["documents", "pairs expected", "found", "true", "false", "missed", "seconds"],
        [
            [
                len(paths),
                len(expected),
                len(found),
                len(found & expected),
                len(found - expected),
                len(expected - found),
                round(dt, 2),
            ]
        ],
    )


def bench_reuse_scale(nlp, n_docs: int, n_words: int) -> None:
    vocab = sorted(
        {
            t.text.lower()
            for p in (REPO / "corpus" / "texts").glob("*.txt")
            for t in nlp.make_doc(p.read_text(encoding="utf-8"))
            if t.is_alpha
        }
    )
    rng = random.Random(0)
    texts, planted = [], set()
    for i in range(n_docs):
        words = rng.choices(vocab, k=n_words)
        if i % 50 == 49:
            src = rng.randrange(i - 49, i)
            start = rng.randrange(0, n_words - 300)
            passage = texts[src].split()[start : start + 300]
            passage = [w if j % 8 else rng.choice(vocab) for j, w in enumerate(passage)]  # reworded
            at = rng.randrange(0, n_words - 300)
            words[at : at + 300] = passage
            planted.add((src, i))
        texts.append(" ".join(words))
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    pairs = find_reuse(texts, batch_size=64)  # the default: a lemmatizer-only pipeline
    dt = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    found = {(p.a, p.b) for p in pairs}
    print_table(
        f"Reuse at scale: {n_docs} generated documents x {n_words} words",
        ["docs/s", "words/s", "seconds", "peak RSS MB", "RSS growth MB", "planted", "found", "false"],
        [
            [
                round(n_docs / dt, 1),
                f"{n_docs * n_words / dt:,.0f}",
                round(dt, 1),
                round(rss1 / 1024),
                round((rss1 - rss0) / 1024),
                len(planted),
                len(found & planted),
                len(found - planted),
            ]
        ],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reuse-docs", type=int, default=5000)
    parser.add_argument("--reuse-words", type=int, default=2000)
    args = parser.parse_args(argv)
    nlp = kz.load()
    bench_clustering(nlp)
    bench_reuse_seeds(nlp)
    bench_reuse_scale(nlp, args.reuse_docs, args.reuse_words)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
