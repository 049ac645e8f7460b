"""The CoNLL-U reader and scores; and our tokenizer on the KTB train sample."""

from kzedutext.evaluation import group_documents, prf, read_conllu

CONLLU = """# sent_id = doc1:1:0
# text = Баласыз үй.
1-2\tБаласыз\t_\t_\t_\t_\t_\t_\t_\t_
1\tбала\tбала\tNOUN\t_\t_\t0\troot\t_\t_
2\tсыз\tсыз\tADP\t_\t_\t1\tcase\t_\t_
3\tүй\tүй\tNOUN\t_\t_\t1\tconj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_

# sent_id = doc1:2:12
# text = Жоқ.
1\tЖоқ\tжоқ\tADJ\t_\t_\t0\troot\t_\tSpaceAfter=No
2\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_

"""


def test_reader_counts_multiword_tokens_once(tmp_path):
    path = tmp_path / "x.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    sents = list(read_conllu(path))
    assert [s.tokens for s in sents] == [["Баласыз", "үй", "."], ["Жоқ", "."]]
    assert [w[1] for w in sents[0].words] == ["бала", "сыз", "үй", "."]
    (doc,) = group_documents(sents)
    assert doc.text == "Баласыз үй. Жоқ."
    assert doc.token_spans() == [(0, 7), (8, 10), (10, 11), (12, 15), (15, 16)]
    assert doc.sentence_starts() == {12}


def test_prf_handles_empty_sets():
    assert prf(set(), set()).f1 == 0.0
    assert prf({1, 2}, {2, 3}).f1 == 0.5


def test_tokenizer_and_sentences_on_the_ktb_train_sample(nlp, shared_data):
    docs = group_documents(read_conllu(shared_data / "ud_kk_ktb" / "kk_ktb-ud-train.conllu"))
    gold_t, pred_t, gold_s, pred_s = set(), set(), set(), set()
    for k, d in enumerate(docs):
        doc = nlp(d.text)
        gold_t |= {(k, *s) for s in d.token_spans()}
        pred_t |= {(k, t.idx, t.idx + len(t)) for t in doc if not t.is_space}
        gold_s |= {(k, s) for s in d.sentence_starts()}
        pred_s |= {(k, s[0].idx) for s in doc.sents if s.start > 0}
    assert prf(gold_t, pred_t).f1 >= 0.995
    assert prf(gold_s, pred_s).f1 >= 0.98
