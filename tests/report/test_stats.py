"""Report figures: counted from the batch records, failed files counted but never measured."""

import pytest

from kzedutext.batch import TagRecord
from kzedutext.report.stats import competency_counts, cooccurrence, overview, theme_counts
from kzedutext.themes import load_taxonomy


def comp(name: str, count: int = 1, category: str = "professional") -> dict:
    return {"canonical": name, "category": category, "count": count}


RECORDS = [
    TagRecord("a.txt", "", "ok", format="txt", language="kk", n_tokens=100, n_words=80, n_sentences=5,
              meta={"year": 2014, "section": "Педагогика"}, primary_theme="assessment",
              themes={"assessment": 0.9, "creativity": 0.6},
              competencies=(comp("кәсіби құзыреттілік", 3), comp("зерттеушілік құзыреттілік", 1, "research"))),
    TagRecord("b.docx", "", "ok", format="docx", language="kk", n_tokens=300, n_words=250, n_sentences=12,
              meta={"year": 2016}, primary_theme="assessment", themes={"assessment": 0.7},
              competencies=(comp("кәсіби құзыреттілік", 2), comp("коммуникативтік құзыреттілік", 1, "communicative"))),
    TagRecord("c.txt", "", "ok", format="txt", language="ru", n_tokens=0, themes={"assessment": 0.1}),
    TagRecord("d.txt", "", "error: the file is empty (0 bytes)"),
    TagRecord("e.xyz", "", "error: unsupported format .xyz"),
    TagRecord("f.txt", "", "error: the file is empty (0 bytes)"),
]


def test_failures_are_counted_by_cause_when_the_records_carry_one():
    too_large = [TagRecord(f"big{i}.pdf", "", f"error: the file is {60 + i},000,000 bytes, over the limit",
                           error_kind="too large") for i in range(3)]
    assert overview(too_large + RECORDS[3:4]).failures == (("too large", 3), ("error: the file is empty (0 bytes)", 1))


def test_overview_counts_every_file_and_measures_only_those_read():
    ov = overview(RECORDS)
    assert (ov.n_documents, ov.n_ok, ov.n_failed) == (6, 3, 3)
    assert ov.failures == (("error: the file is empty (0 bytes)", 2), ("error: unsupported format .xyz", 1))
    assert ov.languages == (("kk", 2), ("ru", 1))
    assert ov.formats == (("txt", 2), ("docx", 1))
    assert (ov.n_tokens, ov.n_words, ov.n_sentences) == (400, 330, 17)
    assert (ov.median_tokens, ov.max_tokens) == (100.0, 300)
    assert ov.years == ((2014, 1), (2016, 1))
    assert ov.sources == (("Педагогика", 1),)


@pytest.mark.parametrize(
    ("theme_id", "n_primary", "n_scored", "documents"),
    [("assessment", 2, 2, (0, 1)), ("creativity", 0, 1, ()), ("twelve_year_model", 0, 0, ())],
)
def test_theme_counts_primary_and_scored(theme_id, n_primary, n_scored, documents):
    counts = {t.theme_id: t for t in theme_counts(RECORDS, load_taxonomy())}
    assert set(counts) == set(load_taxonomy().ids)
    t = counts[theme_id]
    assert (t.n_primary, t.n_documents, t.documents) == (n_primary, n_scored, documents)
    assert t.label_kk and t.label_en


def test_competency_counts_rank_by_documents_then_mentions():
    rows = competency_counts(RECORDS)
    assert [(c.canonical, c.n_mentions, c.n_documents, c.documents) for c in rows] == [
        ("кәсіби құзыреттілік", 5, 2, (0, 1)),
        ("зерттеушілік құзыреттілік", 1, 1, (0,)),
        ("коммуникативтік құзыреттілік", 1, 1, (1,)),
    ]


def test_cooccurrence_counts_documents_with_both():
    co = cooccurrence(RECORDS)
    assert co.names[0] == "кәсіби құзыреттілік"
    k = {name: i for i, name in enumerate(co.names)}
    prof, res, com = k["кәсіби құзыреттілік"], k["зерттеушілік құзыреттілік"], k["коммуникативтік құзыреттілік"]
    assert co.matrix[prof][prof] == 2
    assert co.matrix[prof][res] == co.matrix[res][prof] == 1
    assert co.matrix[res][com] == 0
    assert co.pairs()[0][2] == 1 and len(co.pairs()) == 2


def test_cooccurrence_keeps_only_the_top():
    assert len(cooccurrence(RECORDS, top=2).names) == 2


@pytest.mark.parametrize("bad", [0, -1])
def test_bad_top_is_refused(bad):
    with pytest.raises(ValueError, match=str(bad)):
        cooccurrence(RECORDS, top=bad)


def test_empty_input_gives_empty_figures():
    ov = overview([])
    assert (ov.n_documents, ov.n_tokens, ov.median_tokens) == (0, 0, 0.0)
    assert competency_counts([]) == ()
    assert cooccurrence([]).names == ()
