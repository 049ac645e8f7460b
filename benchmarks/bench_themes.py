"""Theme classification: the trainable classifier on real Kazakh benchmarks, and the
zero-training theme scorer on our hand-labelled gold paragraphs and the seed articles.

- KazQAD subjects (train on the validation questions, test on the test questions,
  subject = id prefix) and SIB-200 kk (train -> test): accuracy and macro-F1 of
  ``kzedutext.ml.TextClassifier`` next to the anchors, word TF-IDF + LogisticRegression
  and char 2-5 TF-IDF + LinearSVC (SIB: LogisticRegression), all fitted in this run.
  Before the test figures, 5-fold stratified CV accuracy of ``TextClassifier`` on the
  training split alone: the figure its defaults were chosen by (never the test score).
  One extra row per benchmark is transductive: the test texts are given to ``fit``
  without labels (self-training); it is not the anchors' protocol and is printed apart.
- The theme scorer (no training): micro-F1 at 0.5 on ``tests/data/themes_gold.jsonl``
  (dev and held-out halves), and the top themes of seeds 002 and 004.

What reached the KazQAD target: the place-scope block of ``KazakhVectorizer`` (one
``kz`` / ``near`` / ``world`` token per name found by ``kz.find_places``), chosen by
5-fold CV on the validation questions repeated with seeds 0-4: 0.772 -> 0.792 (every
repeat up; a first draft of the gazetteer with 170 names gave 0.784). Its weight next to
the other blocks (0.5 / 1 / 1.5 / 2) and a kind token per name (``world_city``) did
not do clearly better (all within 0.002 of weight 1, or lower). The test questions
were scored once, after the choice: 0.770 -> 0.784 (SIB-200 test 0.804 -> 0.819, train
CV 0.732 -> 0.735).

Tried before it and not kept (repeated 5-fold CV on the validation
questions only, first repeat seed unless said; the default with the proper-noun block
scored 0.785 / 0.770 / 0.778 on repeat seeds 0 / 1 / 2 in that run's repeat scheme): dropping the lemma-character
block (0.791 / 0.783 / 0.785; but SIB-200 train CV 0.732 -> 0.728, and KazQAD test
0.762 vs 0.770 -- that figure was seen before it was put back, so keeping the block is
not a test-blind choice), century and year-decade tokens for dates (0.780), a
word-shape block (native / foreign letters) for names (0.784), soft voting with a
calibrated char LinearSVC (0.781 / 0.777 at weight 0.3 / 0.5), a pairwise second step
for the two most likely classes (0.774, 2 repeats), fastText lemma vectors fitted on the
training texts plus corpus/ (0.776 vs 0.779, 2 repeats), ``class_weight=None`` (0.780),
lemma bigrams (0.782), C 10 / 100 (0.785 / 0.784).

    python benchmarks/bench_themes.py
"""

from __future__ import annotations

import csv
import sys
import time

from _shared import REPO, SEEDS, data_path, print_table
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

from kzedutext.ml import TextClassifier


def kazqad(split: str) -> tuple[list[str], list[str]] | None:
    path = data_path("kazqad_topics", f"kazqad-topics-v1.0-kk-{split}.tsv")
    if path is None:
        return None
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            qid, question = line.split("\t", 1)
            texts.append(question)
            labels.append(qid[:3])
    return texts, labels


def sib(split: str) -> tuple[list[str], list[str]] | None:
    path = data_path("sib200_kk", f"{split}.tsv")
    if path is None:
        return None
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [r["text"] for r in rows], [r["category"] for r in rows]


def anchors(char_model: str):
    word = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=2000))
    char_clf = LinearSVC() if char_model == "svc" else LogisticRegression(max_iter=2000)
    char = make_pipeline(TfidfVectorizer(analyzer="char", ngram_range=(2, 5)), char_clf)
    return {"word TF-IDF + LogReg (anchor)": word,
            f"char 2-5 TF-IDF + {'LinearSVC' if char_model == 'svc' else 'LogReg'} (anchor)": char}


#: Accuracy / macro-F1 of the anchors as given in ../shared/data/README.md (their exact
#: vectoriser settings are not stated; the defaults fitted in this run score lower).
README_ANCHORS = {
    "KazQAD school subjects": "word LogReg 0.645 / 0.558, char LinearSVC 0.726 / 0.646",
    "SIB-200 kk topics": "word LogReg 0.578 / 0.517, char LogReg 0.721 / 0.688",
}


def evaluate(title: str, train, test, *, char_model: str, target: float) -> None:
    if train is None or test is None:
        return
    (xtr, ytr), (xte, yte) = train, test
    rows = []
    ours_acc = None
    systems = {"kzedutext TextClassifier": TextClassifier(), **anchors(char_model)}
    for name, model in systems.items():
        t0 = time.perf_counter()
        pred = model.fit(xtr, ytr).predict(xte)
        secs = time.perf_counter() - t0
        acc, f1 = accuracy_score(yte, pred), f1_score(yte, pred, average="macro")
        ours_acc = acc if ours_acc is None else ours_acc
        rows.append([name, f"{acc:.3f}", f"{f1:.3f}", f"{acc / ours_acc:.2f}", f"{secs:.1f}"])
    t0 = time.perf_counter()
    semi = TextClassifier(self_training_rounds=2).fit(xtr + xte, ytr + [None] * len(xte))
    pred = semi.predict(xte)
    acc, f1 = accuracy_score(yte, pred), f1_score(yte, pred, average="macro")
    rows.append(["kzedutext + test texts unlabelled (transductive)", f"{acc:.3f}", f"{f1:.3f}",
                 f"{acc / ours_acc:.2f}", f"{time.perf_counter() - t0:.1f}"])
    print_table(f"{title} ({len(xtr)} train / {len(xte)} test; target accuracy >= {target})",
                ["system", "accuracy", "macro-F1", "acc vs ours", "fit+predict s"], rows)
    print(f"anchors as published in the shared data README: {README_ANCHORS[title]}")
    t0 = time.perf_counter()
    cv = cross_val_score(TextClassifier(), xtr, ytr, cv=StratifiedKFold(5, shuffle=True, random_state=0))
    print(f"kzedutext TextClassifier, 5-fold CV on the {len(xtr)} training texts only: accuracy "
          f"{cv.mean():.3f} (folds {min(cv):.3f}-{max(cv):.3f}; {time.perf_counter() - t0:.1f} s)")


def scorer_section() -> None:
    sys.path.insert(0, str(REPO / "tests" / "themes"))
    from gold import evaluate_gold  # noqa: E402

    from kzedutext.themes import ThemeScorer

    scorer = ThemeScorer.default()
    rows = []
    for part in ("dev", "held-out", "all"):
        result = evaluate_gold(scorer, part=part)
        rows.append([part, result.n, f"{result.precision:.3f}", f"{result.recall:.3f}", f"{result.micro_f1:.3f}"])
    print_table("Zero-training theme scorer on tests/data/themes_gold.jsonl (threshold 0.5; target micro-F1 >= 0.85)",
                ["part", "paragraphs", "precision", "recall", "micro-F1"], rows)
    if not SEEDS.is_dir():
        print(f"SKIP: seed articles not found at {SEEDS}")
        return
    import kzedutext as kz

    rows = []
    for path in sorted(SEEDS.glob("*.txt")):
        cats = scorer.score_text(kz.read(path).text_in("kk")).cats
        top = sorted(cats.items(), key=lambda kv: -kv[1])[:3]
        rows.append([path.name[:3], ", ".join(f"{t} {s:.2f}" for t, s in top)])
    print_table("Seed articles: top three themes", ["seed", "themes"], rows)


def main() -> int:
    evaluate("KazQAD school subjects", kazqad("validation"), kazqad("test"), char_model="svc", target=0.78)
    evaluate("SIB-200 kk topics", sib("train"), sib("test"), char_model="lr", target=0.76)
    scorer_section()
    return 0


if __name__ == "__main__":
    sys.exit(main())
