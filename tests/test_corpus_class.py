"""kz.Corpus: built from folders, files, strings and DataFrames; lazy, cached, one row per document."""

import json

import pandas as pd
import pytest
from conftest import CORPUS
from sample_corpus import sample_corpus
from spacy.language import Language
from spacy.tokens import Span

import kzedutext as kz

TEXTS = ["Мұғалім сабақ береді.", "Оқушылар мектепке барады. Олар кітап оқиды.", ""]


def test_from_dir_reads_every_file_with_its_metadata():
    corpus = sample_corpus()
    df = corpus.to_dataframe()
    meta = [json.loads(line) for line in (CORPUS / "meta.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(df) == len(corpus) == len(meta)
    assert df["id"].tolist() == sorted(m["id"] for m in meta)
    kk03 = df.set_index("id").loc["kk03"]
    assert kk03["year"] == 2017 and kk03["meta_primary_theme"] == "research_teacher"
    assert kk03["title"].startswith("Мұғалім")  # what kz.read found in the header
    assert (df["n_words"] > 350).all() and (df["n_sentences"] > 10).all()


def test_theme_and_competency_columns_come_from_the_pipeline():
    corpus = sample_corpus()
    df = corpus.to_dataframe()
    for doc, (_, row) in zip(corpus, df.iterrows(), strict=True):
        assert row["themes"] == {k: round(v, 4) for k, v in doc.cats.items()}  # {} without a theme component
        for key in ("competencies", "terms"):
            spans = doc.spans[key] if key in doc.spans else []
            assert sum(c["count"] for c in row[key]) == len(spans)
    if "kk_terms" in corpus.nlp.pipe_names:
        kk02 = df.set_index("id").loc["kk02", "competencies"]
        assert any(c["canonical"].endswith("құзыреттілік") for c in kk02)


def test_cached_docs_keep_the_pipeline_columns(tmp_path):
    texts = [sample_corpus()[1].text]
    first = kz.Corpus.from_texts(texts, cache_dir=tmp_path).to_dataframe()
    again = kz.Corpus.from_texts(texts, cache_dir=tmp_path).to_dataframe()
    assert first["competencies"].tolist() == again["competencies"].tolist()
    assert first["themes"].tolist() == again["themes"].tolist()


@Language.component("test_fake_tags")
def _fake_tags(doc):
    doc.cats = {"assessment": 0.8, "creativity": 0.1}
    doc.spans["competencies"] = [Span(doc, 0, 1, label="professional")]
    return doc


def test_columns_are_filled_when_the_pipeline_sets_cats_and_competency_spans():
    nlp = kz.load()
    nlp.add_pipe("test_fake_tags")
    df = kz.Corpus.from_texts(TEXTS[:2], nlp=nlp).to_dataframe()
    assert df["themes"][0] == {"assessment": 0.8, "creativity": 0.1}
    assert df["primary_theme"].tolist() == ["assessment", "assessment"]
    assert df["competencies"][0] == [{"canonical": "мұғалім", "category": "professional", "count": 1}]


def test_from_texts_files_and_dataframe_agree(tmp_path):
    paths = []
    for i, text in enumerate(TEXTS[:2]):
        paths.append(tmp_path / f"d{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    lemmas = [[t.lemma_ for t in doc] for doc in kz.Corpus.from_texts(TEXTS[:2])]
    assert [[t.lemma_ for t in doc] for doc in kz.Corpus.from_files(paths)] == lemmas
    frame = pd.DataFrame({"key": ["a", "b"], "body": TEXTS[:2], "year": [2020, 2021]})
    corpus = kz.Corpus.from_dataframe(frame, text="body", id="key")
    assert [[t.lemma_ for t in doc] for doc in corpus] == lemmas
    assert corpus.ids == ["a", "b"] and corpus.meta(1) == {"year": 2021}


class _Counting:
    """A pipeline component that counts the documents it sees."""

    def __init__(self):
        self.n = 0

    def __call__(self, doc):
        self.n += 1
        return doc


def _counting_nlp():
    nlp = kz.load()
    counter = _Counting()
    Language.component("test_counting", func=counter)
    nlp.add_pipe("test_counting")
    return nlp, counter


def test_processed_docs_are_cached_in_memory_and_on_disk(tmp_path):
    nlp, counter = _counting_nlp()
    corpus = kz.Corpus.from_texts(TEXTS * 2, ids=[str(i) for i in range(6)], nlp=nlp, cache_dir=tmp_path)
    first = [[t.lemma_ for t in d] for d in corpus]
    assert counter.n == 3  # the repeated texts share a cache entry
    assert [[t.lemma_ for t in d] for d in corpus] == first
    assert counter.n == 3
    again = kz.Corpus.from_texts(TEXTS, nlp=nlp, cache_dir=tmp_path)
    assert [[t.lemma_ for t in d] for d in again] == first[:3]
    assert [len(list(d.sents)) for d in again] == [1, 2, 0]
    assert counter.n == 3  # read back from the DocBin files


def test_iteration_keeps_corpus_order_with_mixed_cached_and_new_documents():
    corpus = kz.Corpus.from_texts(TEXTS, batch_size=1)
    corpus[1]  # only the middle one is cached
    assert [d.text for d in corpus] == TEXTS


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: kz.Corpus.from_texts(["a", "b"], ids=["x", "x"]), "'x'"),
        (lambda: kz.Corpus.from_texts(["a"], ids=["x", "y"]), "ids"),
        (lambda: kz.Corpus.from_texts(["a"], batch_size=0), "batch_size"),
        (lambda: kz.Corpus.from_texts(["a"], n_process=0), "n_process"),
        (lambda: kz.Corpus.from_dir(CORPUS / "nope"), "nope"),
        (lambda: kz.Corpus.from_dataframe(pd.DataFrame({"t": ["a"]})), "'text'"),
        (lambda: kz.Corpus.from_dataframe(pd.DataFrame({"text": ["a"]}), id="key"), "'key'"),
    ],
)
def test_bad_arguments_are_named(build, message):
    with pytest.raises(ValueError, match=message):
        build()


def test_empty_corpus_gives_empty_results():
    corpus = kz.Corpus.from_texts([])
    assert len(corpus.to_dataframe()) == 0
    assert corpus.frequency() == [] and corpus.kwic("мектеп") == [] and corpus.find_reuse() == []


@pytest.mark.slow
def test_two_processes_give_the_same_docs():
    texts = [f"{t} {i}" for i in range(8) for t in TEXTS[:2]]
    one = [[t.lemma_ for t in d] for d in kz.Corpus.from_texts(texts)]
    two = [[t.lemma_ for t in d] for d in kz.Corpus.from_texts(texts, n_process=2, batch_size=4)]
    assert one == two


def test_from_dir_takes_every_readable_format_and_skips_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><p>{TEXTS[1]}</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("not a document", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXTS[1], encoding="utf-8")
    assert kz.Corpus.from_dir(tmp_path).ids == ["a", "b"]
    assert kz.Corpus.from_dir(tmp_path, pattern="*.txt").ids == ["a"]


def test_files_sharing_a_stem_get_their_relative_path_as_id(tmp_path):
    for name, text in (("a/paper.txt", TEXTS[0]), ("b/paper.txt", TEXTS[1]), ("c/note.txt", TEXTS[0])):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "paper.html").write_text(f"<p>{TEXTS[1]}</p>", encoding="utf-8")
    corpus = kz.Corpus.from_dir(tmp_path)
    assert corpus.ids == ["a/paper.txt", "b/paper.txt", "note", "paper.html"]
    assert [d.text for d in corpus][:2] == TEXTS[:2]
    files = [tmp_path / "b/paper.txt", tmp_path / "a/paper.txt"]
    assert kz.Corpus.from_files(files).ids == ["b/paper.txt", "a/paper.txt"]  # the ids do not depend on order


def _folder_with_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text(TEXTS[1], encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_bytes(bytes(range(256)) * 8)
    return tmp_path


def test_unreadable_files_are_skipped_listed_and_warned_about_once(tmp_path):
    folder = _folder_with_bad_files(tmp_path)
    with pytest.warns(UserWarning, match="3 of 4 files could not be read") as record:
        corpus = kz.Corpus.from_dir(folder)
    assert len(record) == 1
    assert corpus.ids == ["good"]
    assert [(f.path, f.error) for f in corpus.failures] == [
        (str(folder / "broken.docx"), "CorruptFileError"),
        (str(folder / "empty.txt"), "EmptyFileError"),
        (str(folder / "junk.txt"), "NotTextError"),
    ]
    assert all(f.reason for f in corpus.failures)
    assert [row.term for row in corpus.frequency(top=2)] and len(corpus.to_dataframe()) == 1


def test_errors_raise_keeps_the_first_read_error(tmp_path):
    corpus = kz.Corpus.from_dir(_folder_with_bad_files(tmp_path), errors="raise")
    assert corpus.ids == ["broken", "empty", "good", "junk"] and corpus.failures == ()
    with pytest.raises(kz.CorruptFileError, match="broken.docx"):
        corpus.frequency()
    with pytest.raises(ValueError, match="errors='ignore' is not one of"):
        kz.Corpus.from_dir(tmp_path, errors="ignore")


def test_a_bad_meta_line_is_named_with_its_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"file": "a.txt", "year": 2020}\n\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"meta\.jsonl', line 3: not a JSON record"):
        kz.Corpus.from_dir(tmp_path, pattern="*.txt", meta=meta)


def test_meta_records_that_match_no_file_are_warned_about(tmp_path):
    (tmp_path / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    meta = tmp_path / "meta.jsonl"
    meta.write_text('{"file": "a.txt", "year": 2020}\n{"file": "gone.txt", "year": 2021}\n', encoding="utf-8")
    with pytest.warns(UserWarning, match=r"1 record\(s\) of the meta file .* line 2 \('gone.txt'\)"):
        corpus = kz.Corpus.from_dir(tmp_path, pattern="*.txt", meta=meta)
    assert corpus.meta(0)["year"] == 2020


ASSESSMENT = (
    "Критериалды бағалау сабақта оқушының жетістігін көрсетеді. Формативті бағалау мен жиынтық "
    "бағалау критерийлері мұғалімге кері байланыс береді. Бағалау дескрипторлары оқушыға түсінікті болуы керек."
)
NO_THEME = ["Компетентностный подход в образовании.", "2014 2015 2016"]


def test_primary_theme_is_none_without_theme_evidence_as_in_the_cli():
    from kzedutext.batch.records import primary_theme

    corpus = kz.Corpus.from_texts([ASSESSMENT, *NO_THEME])
    themes = [record["primary_theme"] for record in corpus.records()]
    assert themes == ["assessment", None, None]
    assert [primary_theme(doc.cats) or None for doc in corpus] == themes
    assert corpus.to_dataframe()["primary_theme"].isna().tolist() == [False, True, True]


def test_compare_by_theme_puts_documents_without_a_theme_in_no_group():
    from kzedutext.analytics.compare import compare

    corpus = kz.Corpus.from_texts([ASSESSMENT, *NO_THEME])
    assert [(g.group, g.n_docs) for g in compare(corpus, "theme", min_count=1)] == [("assessment", 1)]
    with pytest.raises(ValueError, match="no document has a primary theme"):
        compare(kz.Corpus.from_texts(NO_THEME), "theme")


def _with_ontology(path):
    nlp = kz.load()
    nlp.remove_pipe("kk_terms")
    nlp.add_pipe("kk_terms", config={"ontology_file": str(path)}, before="kk_themes")
    return nlp


def test_disk_cache_is_not_reused_after_the_pipeline_config_or_its_files_change(tmp_path):
    texts = ["Оқушылардың робототехникалық сауаттылығы дамиды."]
    cache = tmp_path / "cache"
    terms = lambda corpus: [t["canonical"] for t in corpus.to_dataframe()["terms"][0]]  # noqa: E731
    default = terms(kz.Corpus.from_texts(texts, cache_dir=cache))
    ontology = tmp_path / "extra.json"
    concept = {"id": "robotics_literacy", "family": "literacy", "category": "literacy", "en": "robotics literacy"}
    ontology.write_text(json.dumps({"concepts": [{**concept, "modifiers": ["робототехникалық"]}]}), encoding="utf-8")
    extended = terms(kz.Corpus.from_texts(texts, nlp=_with_ontology(ontology), cache_dir=cache))
    assert "робототехникалық сауаттылық" in extended and "робототехникалық сауаттылық" not in default
    assert terms(kz.Corpus.from_texts(texts, nlp=_with_ontology(ontology), cache_dir=cache)) == extended
    ontology.write_text(json.dumps({"concepts": [{**concept, "modifiers": ["цифрлық"]}]}), encoding="utf-8")
    changed = terms(kz.Corpus.from_texts(texts, nlp=_with_ontology(ontology), cache_dir=cache))
    assert "робототехникалық сауаттылық" not in changed  # same path, new content: not the cached docs
    assert len(list(cache.glob("*.spacy"))) == 3


def test_disk_cache_is_not_reused_by_a_kzedutext_with_other_bundled_data(tmp_path, monkeypatch):
    import kzedutext.corpus as corpus_module

    texts = ["Мұғалімнің кәсіби құзыреттілігі."]
    kz.Corpus.from_texts(texts, cache_dir=tmp_path).to_dataframe()
    # another version of the lexicon or ontology under the same package version
    monkeypatch.setattr(corpus_module, "_package_data_fingerprint", lambda: "other data")
    kz.Corpus.from_texts(texts, cache_dir=tmp_path).to_dataframe()
    assert len(list(tmp_path.glob("*.spacy"))) == 2


def test_from_texts_identifies_each_texts_language_like_from_files(tmp_path):
    texts = ["Мұғалім сабақ береді.", "Компетентностный подход в образовании.", "2014 2015 2016", ""]
    df = kz.Corpus.from_texts(texts).to_dataframe()
    assert df["language"].tolist() == ["kk", "ru", "other", "other"]
    paths = []
    for i, text in enumerate(texts[:3]):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    assert kz.Corpus.from_files(paths).to_dataframe()["language"].tolist() == df["language"].tolist()[:3]
    given = kz.Corpus.from_texts(texts[1:2], meta=[{"language": "kk"}]).to_dataframe()
    assert given["language"].tolist() == ["kk"]  # a language in the meta is kept
