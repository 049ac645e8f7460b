"""List every token mismatch of the kzedutext tokenizer against a CoNLL-U treebank, by category.

An error analysis for the tokenizer: each document is tokenised as in
``benchmarks/bench_tokenize.py`` (sentences joined by single spaces) and every
region where gold and predicted token boundaries disagree is printed with the gold
and predicted tokens and a category:

* ``hyphen-split``: gold splits a word-hyphen-word pair (``дамуы - құндылығы``), we keep it whole;
* ``hyphen-joined``: gold keeps the pair whole (``оқу-тәрбие``), we split it;
* ``space-in-gold``: a gold token contains a space (we never join across spaces);
* ``period``, ``number``, ``other``: the rest, by the characters involved.

    python scripts/tokenize_errors.py ../shared/data/ud_kk_ktb/kk_ktb-ud-train.conllu

Study the *train* file; the test file may be measured (``--counts-only``) but must
not feed rules or word lists.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter

import kzedutext
from kzedutext.evaluation import group_documents, prf, read_conllu

_WORD_HYPHEN_WORD = re.compile(r"\w-\w")


def mismatches(text: str, gold: list[tuple[int, int]], pred: list[tuple[int, int]]):
    """Regions ``(start, end, gold tokens, predicted tokens)`` where the two tokenisations differ."""
    gold_set, pred_set = set(gold), set(pred)
    events = sorted([span for span in gold if span not in pred_set] + [span for span in pred if span not in gold_set])
    regions: list[list] = []
    for s, e in events:
        if regions and s < regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], e)
        else:
            regions.append([s, e])
    out = []
    for s, e in regions:
        g = [text[a:b] for a, b in gold if a >= s and b <= e]
        p = [text[a:b] for a, b in pred if a >= s and b <= e]
        out.append((s, e, g, p))
    return out


def category(g: list[str], p: list[str]) -> str:
    if any(" " in t for t in g):
        return "space-in-gold"
    if "-" in g or "-" in p:
        if len(g) > len(p) and any(_WORD_HYPHEN_WORD.search(t) for t in p):
            return "hyphen-split"
        if len(p) > len(g) and any(_WORD_HYPHEN_WORD.search(t) for t in g):
            return "hyphen-joined"
    joined = "".join(g)
    if "." in joined:
        return "period"
    if any(c.isdigit() for c in joined):
        return "number"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conllu", nargs="+")
    parser.add_argument("--counts-only", action="store_true", help="print only the counts and F1")
    parser.add_argument("--category", help="print only this category")
    args = parser.parse_args(argv)
    nlp = kzedutext.load()
    sents = [s for path in args.conllu for s in read_conllu(path)]
    counts: Counter[str] = Counter()
    gold_all, pred_all = set(), set()
    for k, doc in enumerate(group_documents(sents)):
        text = doc.text
        gold = doc.token_spans()
        pred = [(t.idx, t.idx + len(t)) for t in nlp.tokenizer(text) if not t.is_space]
        gold_all |= {(k, *s) for s in gold}
        pred_all |= {(k, *s) for s in pred}
        for s, e, g, p in mismatches(text, gold, pred):
            cat = category(g, p)
            counts[cat] += 1
            if not args.counts_only and (args.category in (None, cat)):
                context = text[max(0, s - 30) : e + 30].replace("\n", " ")
                print(f"{cat:14} gold={g} ours={p}  | {context}")
    score = prf(gold_all, pred_all)
    print(f"\ntoken P/R/F1: {100 * score.precision:.2f} / {100 * score.recall:.2f} / {100 * score.f1:.2f}")
    for cat, n in counts.most_common():
        print(f"{cat:14} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
