"""Document inputs: a str naming an existing file is read as that file (as kz.read does),
in kz.term_table, kz.discover_terms and kz.find_reuse; Corpus.from_texts refuses one bare str."""

import glob

import pytest

import kzedutext as kz
from kzedutext.analytics._docs import document_inputs, names_file

ARTICLE = (
    "Бастауыш сынып мұғалімінің кәсіби құзыреттілігі сабақты жоспарлаудан басталады. "
    "Мұғалім әр тақырыпқа шағын зерттеу тапсырмасын дайындап, оқушылардың өз ойын "
    "дәлелдеуіне жағдай жасайды. Шағын зерттеу тапсырмасы балалардың сұрақ қоюын және "
    "бір-бірін тыңдауын үйретеді, ал сабақ соңындағы рефлексия мұғалімге келесі "
    "қадамды таңдауға көмектеседі."
)


@pytest.fixture
def files(tmp_path):
    paths = []
    for name in ("бірінші.txt", "екінші.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(ARTICLE, encoding="utf-8")
    return paths


def test_a_str_naming_a_file_is_a_path_and_any_other_str_is_a_text(files, tmp_path):
    assert names_file(str(files[0]))
    assert not names_file(ARTICLE)
    assert not names_file(str(tmp_path / "жоқ.txt"))  # no such file: a (short) text
    assert not names_file(str(files[0]) + "\n" + ARTICLE)  # more than one line
    (tmp_path / "кесте.xyz").write_text(ARTICLE, encoding="utf-8")
    assert not names_file(str(tmp_path / "кесте.xyz"))  # not an ending kz.read reads
    assert not names_file("ж" * 10_000 + ".txt")  # too long for a file name, no OSError


def test_str_paths_paths_and_texts_give_the_same_inputs(files):
    from_str = [text for _, text in document_inputs([str(p) for p in files])]
    from_path = [text for _, text in document_inputs(files)]
    assert from_str == from_path == [ARTICLE, ARTICLE]
    assert [name for name, _ in document_inputs([str(files[0]), ARTICLE])] == [str(files[0]), "1"]


def test_term_table_reads_str_paths_from_glob(files, tmp_path):
    paths = sorted(glob.glob(str(tmp_path / "*.txt")))
    table = kz.term_table(paths)
    assert table.documents == tuple(paths)
    assert [s.canonical for s in table.summary()] == [
        s.canonical for s in kz.term_table([ARTICLE, ARTICLE]).summary()
    ]
    assert any(s.canonical == "кәсіби құзыреттілік" for s in table.summary())


def test_discover_terms_reads_str_paths(files):
    from_paths = [(c.term, c.frequency) for c in kz.discover_terms([str(p) for p in files])]
    assert from_paths and from_paths == [(c.term, c.frequency) for c in kz.discover_terms([ARTICLE] * 2)]
    assert "шағын зерттеу тапсырмасы" in dict(from_paths)


def test_find_reuse_reads_str_paths(files):
    pairs = kz.find_reuse([str(p) for p in files], min_words=10)
    assert [(p.a, p.b, p.containment_a) for p in pairs] == [(0, 1, 1.0)]


def test_corpus_from_texts_refuses_one_text_and_says_to_wrap_it():
    with pytest.raises(ValueError, match=r"wrap it in a list.*from_texts\(\[text\]\)"):
        kz.Corpus.from_texts(ARTICLE)
    assert len(kz.Corpus.from_texts([ARTICLE])) == 1
