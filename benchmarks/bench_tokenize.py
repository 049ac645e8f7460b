"""Tokenisation and sentence splitting on the whole UD Kazakh-KTB (train + test).

Prints token F1 and sentence-boundary F1 of kzedutext next to spaCy's blank
``ky``, ``tt`` and ``xx`` tokenizers (with spaCy's rule-based sentencizer) and
nltk's ToktokTokenizer, and the throughput of each as a ratio to ours.

Gold tokens are the surface tokens of the treebank (a multiword token counts once,
as written). Each document's sentences are joined by single spaces and tokenised as
one text; a sentence boundary is the character offset where a sentence starts.

    python benchmarks/bench_tokenize.py
"""

from __future__ import annotations

import sys

import spacy
from _shared import best_time, data_path, print_table

import kzedutext
from kzedutext.evaluation import group_documents, prf, read_conllu

KTB_FILES = ("kk_ktb-ud-train.conllu", "kk_ktb-ud-test.conllu")


def load_ktb(names=KTB_FILES):
    folder = data_path("ud_kk_ktb")
    if folder is None:
        return None
    sents = []
    for name in names:
        sents.extend(read_conllu(folder / name))
    return group_documents(sents)


def token_f1(nlp, docs) -> float:
    """Token F1 (per cent) of ``nlp.tokenizer`` on the documents."""
    gold, pred = set(), set()
    for k, doc in enumerate(docs):
        gold |= {(k, *s) for s in doc.token_spans()}
        pred |= {(k, t.idx, t.idx + len(t)) for t in nlp.tokenizer(doc.text) if not t.is_space}
    return 100 * prf(gold, pred).f1


def spans_from_strings(text: str, tokens: list[str]) -> set[tuple[int, int]]:
    spans, pos = set(), 0
    for tok in tokens:
        start = text.find(tok, pos)
        if start < 0:
            continue
        spans.add((start, start + len(tok)))
        pos = start + len(tok)
    return spans


def spacy_system(nlp):
    def tokens(text):
        return {(t.idx, t.idx + len(t)) for t in nlp.tokenizer(text) if not t.is_space}

    def sentences(text):
        doc = nlp(text)
        return {s[0].idx for s in doc.sents if s.start > 0 and not s[0].is_space}

    def speed(texts):
        return lambda: [nlp.tokenizer(t) for t in texts]

    return tokens, sentences, speed


def main() -> int:
    docs = load_ktb()
    if docs is None:
        return 0
    texts = [d.text for d in docs]
    sentence_texts = {d.text: [s.text for s in d.sentences] for d in docs}
    n_gold = sum(len(d.token_spans()) for d in docs)
    systems = {}
    ours = kzedutext.load()
    systems["kzedutext (kk)"] = spacy_system(ours)
    for lang in ("ky", "tt", "xx"):
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        systems[f"spaCy blank {lang}"] = spacy_system(nlp)
    try:
        from nltk.tokenize import ToktokTokenizer

        toktok = ToktokTokenizer()

        def toktok_spans(text):
            # Toktok expects one sentence per call (it splits only a string-final
            # stop), so it gets the gold sentences: an advantage we give it
            spans, offset = set(), 0
            for sent in sentence_texts[text]:
                spans |= {
                    (s + offset, e + offset) for s, e in spans_from_strings(sent, toktok.tokenize(sent))
                }
                offset += len(sent) + 1
            return spans

        systems["nltk Toktok (gold sentences)"] = (
            toktok_spans,
            None,
            lambda texts: lambda: [toktok.tokenize(s) for t in texts for s in sentence_texts[t]],
        )
    except ImportError:  # pragma: no cover
        print("SKIP: nltk not installed")

    rows, our_speed = [], None
    for name, (tok_fn, sent_fn, speed_fn) in systems.items():
        gold_t, pred_t, gold_s, pred_s = set(), set(), set(), set()
        for k, doc in enumerate(docs):
            gold_t |= {(k, *s) for s in doc.token_spans()}
            pred_t |= {(k, *s) for s in tok_fn(doc.text)}
            if sent_fn:
                gold_s |= {(k, s) for s in doc.sentence_starts()}
                pred_s |= {(k, s) for s in sent_fn(doc.text)}
        tok = prf(gold_t, pred_t)
        sent = prf(gold_s, pred_s) if sent_fn else None
        secs = best_time(speed_fn(texts))
        tps = n_gold / secs
        if our_speed is None:
            our_speed = tps
        rows.append(
            [
                name,
                100 * tok.precision,
                100 * tok.recall,
                100 * tok.f1,
                f"{100 * sent.f1:.2f}" if sent else "n/a",
                f"{tps:,.0f}",
                f"{tps / our_speed:.2f}x",
            ]
        )
    print_table(
        f"Tokenisation on UD Kazakh-KTB train+test ({len(docs)} documents, {n_gold:,} gold tokens)",
        ["system", "tok P", "tok R", "tok F1", "sent F1", "tokens/s", "speed vs ours"],
        rows,
    )
    pipeline_tps = n_gold / best_time(lambda: list(ours.pipe(texts)))
    print(
        f"kz.load() pipeline {ours.pipe_names}: {pipeline_tps:,.0f} tokens/s = "
        f"{pipeline_tps / our_speed:.2f}x the bare tokenizer"
    )
    # the train file is what rules may be studied on, the test file is only measured:
    # a gap between the two shows over-fitting
    per_file = ", ".join(
        f"{name.split('-')[-1].removesuffix('.conllu')} {token_f1(ours, load_ktb((name,))):.2f}" for name in KTB_FILES
    )
    print(f"kzedutext token F1 per file: {per_file}")
    print("targets: token F1 >= 99.3, sentence F1 >= 97, our speed >= 1.0x spaCy blank ky")
    return 0


if __name__ == "__main__":
    sys.exit(main())
