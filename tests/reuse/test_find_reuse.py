"""Text reuse: copied, reworded and reordered passages are found with their text; nothing else is."""

import json
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS
from typer.testing import CliRunner

import kzedutext as kz
from kzedutext.cli import app
from kzedutext.reuse import find_reuse


@pytest.fixture(scope="module")
def corpus_meta():
    return [json.loads(line) for line in (CORPUS / "meta.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def bodies(corpus_meta):
    """Body paragraphs (not headings) of each sample article, by id."""
    out = {}
    for m in corpus_meta:
        text = kz.read(CORPUS / m["file"]).text_in()
        out[m["id"]] = [p for p in text.split("\n\n") if len(p.split()) > 40]
    return out


def reword(paragraph: str, *, every: int) -> str:
    """Replace every ``every``-th word with a different word, as a paraphrasing copier would."""
    words = paragraph.split()
    return " ".join("басқаша" if i % every == every - 1 else w for i, w in enumerate(words))


def reorder(paragraph: str) -> str:
    """The paragraph's sentences in reverse order."""
    sentences = [s.strip() for s in paragraph.replace("?", ".").split(". ") if s.strip()]
    return ". ".join(reversed(sentences))


def embed(host: list[str], insert: str) -> tuple[str, int, int]:
    """The host article with ``insert`` as its middle paragraph, and where the insert sits."""
    head = "\n\n".join(host[: len(host) // 2]) + "\n\n"
    tail = "\n\n" + "\n\n".join(host[len(host) // 2 :])
    return head + insert + tail, len(head), len(head) + len(insert)


DERIVATIONS = [
    ("copied", lambda ps: ps[1]),
    ("reworded every 7th word", lambda ps: reword(ps[1], every=7)),
    ("reworded every 5th word", lambda ps: reword(ps[1], every=5)),
    ("sentences reordered", lambda ps: reorder(ps[1])),
    ("a third, reworded in places", lambda ps: reword("\n\n".join(ps[: max(1, len(ps) // 3)]), every=9)),
]


@pytest.mark.parametrize(("how", "derive"), DERIVATIONS, ids=[d[0] for d in DERIVATIONS])
@pytest.mark.parametrize(("source", "host"), [("kk08", "kk14"), ("kk12", "kk01")])
def test_derived_document_is_found_with_its_passage(bodies, nlp, how, derive, source, host):
    insert = derive(bodies[source])
    derived, start, end = embed(bodies[host], insert)
    unrelated = "\n\n".join(bodies["kk13"])
    docs = ["\n\n".join(bodies[source]), unrelated, derived]
    pairs = find_reuse(docs, nlp=nlp)
    assert [(p.a, p.b) for p in pairs] == [(0, 2)], how
    found = pairs[0].passages
    # the shared passages lie inside the inserted text and cover most of it
    assert all(start <= p.b_start and p.b_end <= end for p in found)
    covered = sum(p.b_end - p.b_start for p in found)
    assert covered >= 0.6 * (end - start), (how, covered, end - start)
    assert pairs[0].containment_b < 0.6  # the derived article is mostly its own text


def test_sample_corpus_and_seeds_give_only_the_documented_pair(corpus_meta):
    paths = [CORPUS / m["file"] for m in corpus_meta]
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    ids = [m["id"] for m in corpus_meta] + [p.name[:3] for p in paths[len(corpus_meta) :]]
    pairs = find_reuse(paths)
    found = {frozenset((ids[p.a], ids[p.b])) for p in pairs}
    expected = {frozenset((m["id"], r)) for m in corpus_meta for r in m["reuses"]}
    assert found == expected
    (pair,) = [p for p in pairs if {ids[p.a], ids[p.b]} == {"kk03", "kk10"}]
    assert pair.passages[0].a_text.startswith("Мұғалімнің зерттеушілік құзыреттілігі")
    assert 70 <= pair.n_words <= 90  # the 84-word paragraph, its reworded edges included


def test_an_article_copying_a_third_of_another_reworded_in_places(corpus_meta):
    """kk41 copies three paragraphs of kk08 (reworded, reordered) between paragraphs of its own."""
    (pair,) = find_reuse(
        [CORPUS / "texts/kk08_digital_resources.txt", CORPUS / "texts/kk41_rural_digital_lessons.txt"]
    )
    assert len(pair.passages) == 3
    assert 0.2 < pair.containment_a < 0.4 and 0.25 < pair.containment_b < 0.45
    starts = sorted(p.b_text.split()[0] for p in pair.passages)
    assert starts == ["Информатика", "Онлайн-тесттер", "Физика"]


def test_pair_is_symmetric_in_containment():
    long = " ".join(f"сөз{i} мектеп оқушысы" for i in range(40))
    short = "Кіріспе сөз. " + " ".join(long.split()[:45])
    (pair,) = find_reuse([long, short])
    assert pair.containment_b > pair.containment_a > 0.3


def test_the_pairs_do_not_depend_on_the_order_of_the_texts():
    passage = ("Мектепте зерттеу сабағы ұйымдастырылып, мұғалімдер бір-бірінің сабағын бақылады. "
               "Бақылау нәтижесінде оқушылардың қиындықтары анықталып, тапсырмалар қайта құрылды. "
               "Келесі тоқсанда топ жаңа әдісті сынап, оқушылардың жетістігін салыстырды. ")
    texts = [passage * 2, "Кіріспе. " + "\n\n".join([passage] * 3), passage * 6]  # 6: a formula, no evidence
    def pairs(order):
        return {(frozenset((order[p.a], order[p.b])), round(p.containment_a + p.containment_b, 6))
                for p in find_reuse([texts[i] for i in order])}
    forward, backward = pairs([0, 1, 2]), pairs([2, 1, 0])
    assert forward == backward and {pair for pair, _ in forward} == {frozenset((0, 1))}


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("k", 0),
        ("window", 0),
        ("max_gap", 0),
        ("min_words", 0),
        ("max_df", 1),
        ("threshold", 1.5),
        ("by", "stem"),
    ],
)
def test_bad_options_are_named(option, value):
    with pytest.raises(ValueError, match=option):
        find_reuse(["мәтін"], **{option: value})


def test_unknown_input_type_is_refused():
    with pytest.raises(ValueError, match="int"):
        find_reuse([42])


@pytest.mark.parametrize("docs", [[], ["жалғыз мәтін"], ["", ""]])
def test_nothing_to_compare_gives_no_pairs(docs):
    assert find_reuse(docs) == []


def test_high_threshold_drops_a_small_shared_passage(bodies, nlp):
    derived, _, _ = embed(bodies["kk14"], bodies["kk08"][1])
    docs = ["\n\n".join(bodies["kk08"]), derived]
    assert find_reuse(docs, nlp=nlp, threshold=0.9) == []
    assert len(find_reuse(docs, nlp=nlp, threshold=0.05)) == 1


def test_cli_writes_one_line_per_pair(tmp_path, corpus_meta):
    out = tmp_path / "reuse.jsonl"
    result = CliRunner().invoke(app, ["reuse", str(CORPUS / "texts"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    found = {(Path(r["a_path"]).name[:4], Path(r["b_path"]).name[:4]) for r in rows}
    assert ("kk03", "kk10") in found and ("kk08", "kk41") in found
    assert len(rows) == sum(len(m["reuses"]) for m in corpus_meta)
    kk10 = next(r for r in rows if Path(r["b_path"]).name.startswith("kk10"))
    assert kk10["passages"][0]["b_text"].startswith("Мұғалімнің")


def test_cli_names_a_missing_input(tmp_path):
    result = CliRunner().invoke(app, ["reuse", str(tmp_path / "nope"), "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code != 0
    assert "nope" in result.output
