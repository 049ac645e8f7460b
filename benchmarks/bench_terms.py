"""Competency mentions and term discovery (issue 5).

Prints, in one run:
- precision / recall / F1 of competency mentions on our gold sentences
  (tests/data/competencies_gold.jsonl) for kz.extract_competencies next to the anchor,
  a plain exact-string matcher of the ontology's canonical forms;
- discovery on the sample corpus: recall@50 and @100 of the ontology's multi-word
  concepts seen there at least twice, and how many candidates end in a case ending;
- the speed of the kk_terms component per document next to the bare tokenizer, and
  the whole pipeline with and without it, as ratios.

    python benchmarks/bench_terms.py
"""

from __future__ import annotations

import sys
from collections import Counter

from _shared import REPO, best_time, print_table

import kzedutext as kz
from kzedutext.terms.evaluate import predict_exact_strings, predict_with_extractor, read_gold, score_mentions


def gold_table() -> None:
    gold = read_gold(REPO / "tests" / "data" / "competencies_gold.jsonl")
    rows = []
    scores = {}
    for name, predict in (("kzedutext extract_competencies", predict_with_extractor()),
                          ("anchor: exact canonical strings", predict_exact_strings())):
        score = scores[name] = score_mentions(gold, predict)
        rows.append([name, score.precision, score.recall, score.f1, score.true_positives,
                     score.false_positives, score.false_negatives])
    ours, anchor = scores.values()
    rows.append(["ratio ours / anchor", ours.precision / max(anchor.precision, 1e-9),
                 ours.recall / max(anchor.recall, 1e-9), ours.f1 / max(anchor.f1, 1e-9), "", "", ""])
    print_table(f"Competency mentions on {len(gold)} gold sentences (target P, R >= 0.90)",
                ["system", "precision", "recall", "F1", "tp", "fp", "fn"], rows)


def discovery_table(nlp, docs) -> None:
    onto = kz.Ontology.default()
    seen = Counter(span.kb_id_ for doc in docs for group in ("competencies", "terms")
                   for span in doc.spans[group] if not span._.elided)
    present = {c for c, n in seen.items() if n >= 2 and " " in onto.concept(c).canonical}
    candidates = kz.discover_terms(docs)
    rows = []
    for k in (20, 50, 100):
        top = {c.known for c in candidates[:k] if c.known}
        rows.append([f"recall@{k}", len(present & top) / max(len(present), 1), f"{len(present & top)}/{len(present)}"])
    with_case = sum(1 for c in candidates
                    if any(f.startswith("Case=") and f != "Case=Nom" for f in kz.analyze(c.words[-1])[0].feats))
    rows.append(["candidates ending in a case ending", float(with_case), f"of {len(candidates)}"])
    seconds = best_time(lambda: kz.discover_terms(docs), repeat=2)
    rows.append(["discovery time over the processed corpus (s)", seconds, f"{len(docs)} docs"])
    print_table("Term discovery on the sample corpus (C-value)", ["measure", "value", "detail"], rows)
    print("top 15:", "; ".join(c.term for c in candidates[:15]))


def speed_table(nlp, texts) -> None:
    docs = [nlp(text) for text in texts]
    n_tokens = sum(len(doc) for doc in docs)
    terms = nlp.get_pipe("kk_terms")
    tokenizer_s = best_time(lambda: [nlp.tokenizer(t) for t in texts])
    terms_s = best_time(lambda: [terms(doc) for doc in docs])
    full_s = best_time(lambda: list(nlp.pipe(texts)))
    without = kz.load(disable=("kk_terms",))
    without_s = best_time(lambda: list(without.pipe(texts)))
    per_doc = 1e6 / len(texts)
    rows = [
        ["bare tokenizer", tokenizer_s * per_doc, n_tokens / tokenizer_s, 1.0],
        ["kk_terms component alone", terms_s * per_doc, n_tokens / terms_s, tokenizer_s / terms_s],
        ["kz.load() without kk_terms", without_s * per_doc, n_tokens / without_s, tokenizer_s / without_s],
        ["kz.load() (full pipeline)", full_s * per_doc, n_tokens / full_s, tokenizer_s / full_s],
    ]
    print_table(f"Speed on the sample corpus x5 ({len(texts)} docs, {n_tokens:,} tokens)",
                ["stage", "us/doc", "tokens/s", "speed / tokenizer"], rows)


def main() -> int:
    nlp = kz.load()
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus" / "texts").glob("*.txt"))]
    gold_table()
    docs = list(nlp.pipe(texts))
    discovery_table(nlp, docs)
    speed_table(nlp, texts * 5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
