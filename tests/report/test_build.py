"""The HTML report: every section, the records' numbers, escaped text, failed files listed, same bytes twice."""

import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import CORPUS
from typer.testing import CliRunner

from kzedutext.batch import tag_files
from kzedutext.cli import app
from kzedutext.report import build_report
from kzedutext.report.render import SECTIONS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _html import parse  # noqa: E402

SAMPLES = ["kk02_competency_approach.txt", "kk08_digital_resources.txt", "kk12_formative_assessment.txt",
           "kk41_rural_digital_lessons.txt"]
SCRIPT_TITLE = "<script>alert('x')</script> Сынақ & «тексеру»"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("papers")
    texts = root / "texts"
    texts.mkdir()
    for name in SAMPLES:
        shutil.copy(CORPUS / "texts" / name, texts / name)
    (texts / "script title.txt").write_text(
        f"Мақала атауы: {SCRIPT_TITLE}\n\nМұғалімнің кәсіби құзыреттілігі мен коммуникативтік "
        "құзыреттілігі сабақта бірге дамиды. Оқушылар топпен жұмыс істеп, бір-бірін бағалайды.",
        encoding="utf-8",
    )
    (texts / "empty.txt").write_bytes(b"")
    (texts / "notes.xyz").write_bytes(b"whatever")
    return root


@pytest.fixture(scope="module")
def built(folder, nlp):
    out = folder / "out" / "report.html"
    summary = build_report([folder / "texts"], out, nlp=nlp, seed=3)
    return summary, out, out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def records(folder, nlp):
    return list(tag_files([folder / "texts"], nlp=nlp))


def test_every_section_is_present_in_order(built):
    _, _, page = built
    assert parse(page).sections == list(SECTIONS)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


def test_summary_counts_every_file(built):
    summary, out, page = built
    assert (summary.n_documents, summary.n_ok) == (7, 5)
    assert summary.failures == {"empty file": 1, "unsupported format": 1}  # by cause, as kzedutext tag counts
    assert summary.n_bytes == out.stat().st_size


def test_document_table_matches_the_records(built, records):
    rows = parse(built[2]).tables["documents-table"][1:]
    assert len(rows) == len(records)
    for k, (row, rec) in enumerate(zip(rows, records, strict=True)):
        number, file, _title, status, language, tokens, theme = row["cells"][:7]
        assert row["id"] == f"doc-{k + 1}" and number == str(k + 1)
        assert file == Path(rec.path).name
        assert (status, language, tokens, theme) == (rec.status, rec.language, str(rec.n_tokens), rec.primary_theme)


def test_overview_figures_match_the_records(built, records):
    page = built[2]
    ok = [r for r in records if r.status == "ok"]
    assert f'<div class="num">{sum(r.n_tokens for r in ok):,}</div>' in page
    assert f'<div class="num">{len(ok)}</div>' in page
    failures = parse(page).tables[""]
    assert any(row["cells"] == ["empty file", "1"] for row in failures)


def test_competency_table_matches_the_records(built, records):
    expected: dict[str, tuple[int, int]] = {}
    for r in records:
        for c in r.competencies:
            mentions, docs = expected.get(c["canonical"], (0, 0))
            expected[c["canonical"]] = (mentions + c["count"], docs + 1)
    assert expected
    rows = parse(built[2]).tables["competencies-table"][1:]
    assert {row["cells"][1]: (int(row["cells"][3]), int(row["cells"][4])) for row in rows} == expected


def test_theme_table_counts_primary_themes(built, records):
    rows = parse(built[2]).tables["themes-table"][1:]
    primary = {row["id"].removeprefix("theme-"): int(row["cells"][1]) for row in rows}
    for theme, n in primary.items():
        assert n == sum(r.primary_theme == theme for r in records)


def test_reuse_pair_links_both_document_rows(built, records):
    summary, _, page = built
    names = [Path(r.path).name for r in records]
    a, b = names.index("kk08_digital_resources.txt") + 1, names.index("kk41_rural_digital_lessons.txt") + 1
    rows = parse(page).tables["reuse-table"][1:]
    assert summary.n_reuse_pairs == len(rows) >= 1
    assert rows[0]["cells"][0].startswith(f"#{a}") and rows[0]["cells"][1].startswith(f"#{b}")
    assert f'href="#doc-{a}"' in page and f'href="#doc-{b}"' in page


def test_every_in_page_link_has_a_target(built):
    page = built[2]
    ids = set(re.findall(r'id="([^"]+)"', page))
    targets = {h[1:] for h in parse(page).hrefs if h.startswith("#")}
    assert targets and targets <= ids


def test_file_links_are_relative_to_the_report_and_exist(built, records):
    _, out, page = built
    files = [h for h in parse(page).hrefs if not h.startswith("#")]
    assert len(files) == len(records)
    assert files[0] == "../texts/empty.txt"
    assert "../texts/script%20title.txt" in files
    for href in files:
        from urllib.parse import unquote

        assert (out.parent / unquote(href)).exists()


def test_text_from_documents_is_escaped(built):
    page = built[2]
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Сынақ &amp; «тексеру»" in page
    assert page.count("<script>") == 1  # only the report's own sorting script


def test_nothing_is_loaded_from_outside(built):
    page = built[2]
    parsed = parse(page)
    assert len(parsed.sources) >= 4
    assert all(src.startswith("data:image/png;base64,") for src in parsed.sources)
    assert not re.search(r"https?://", page)
    assert "@import" not in page and "url(" not in page


def test_same_inputs_same_bytes(built, folder, nlp):
    again = folder / "again" / "report.html"
    build_report([folder / "texts"], again, nlp=nlp, seed=3)
    assert again.read_bytes() == built[1].read_bytes()


def test_title_is_escaped_and_options_are_checked(folder, nlp, tmp_path):
    out = tmp_path / "r.html"
    build_report([folder / "texts" / "empty.txt"], out, nlp=nlp, title="<script>bad()</script>")
    page = out.read_text(encoding="utf-8")
    assert "<title>&lt;script&gt;bad()&lt;/script&gt;</title>" in page and "<script>bad" not in page
    with pytest.raises(ValueError, match="top_competencies"):
        build_report([folder / "texts"], out, top_competencies=0)


def test_no_documents_gives_a_report_without_charts(tmp_path, nlp):
    out = tmp_path / "r.html"
    summary = build_report([], out, nlp=nlp)
    assert (summary.n_documents, summary.n_clusters, summary.n_reuse_pairs) == (0, 0, 0)
    assert parse(out.read_text(encoding="utf-8")).sections == list(SECTIONS)


def test_cli_round_trip(folder, tmp_path):
    out = tmp_path / "cli" / "report.html"
    result = CliRunner().invoke(
        app, ["report", str(folder / "texts"), "--out", str(out), "--title", "Сынақ <есеп>", "--seed", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "7 documents: 5 ok, 2 failed" in result.output
    page = out.read_text(encoding="utf-8")
    assert "<h1>Сынақ &lt;есеп&gt;</h1>" in page
    assert len(parse(page).tables["documents-table"]) == 8


def test_cli_refuses_a_missing_input(tmp_path):
    result = CliRunner().invoke(app, ["report", str(tmp_path / "nope"), "--out", str(tmp_path / "r.html")])
    assert result.exit_code != 0 and "not found" in result.output


@pytest.mark.parametrize(
    ("texts", "n_clusters"),
    [
        pytest.param(["", "", ""], 0, id="no-kazakh-words"),
        pytest.param(["Мұғалім сабақ береді."] * 3, 0, id="identical"),
        pytest.param(["Тек орысша емес, қазақша жазылған мәтін: мұғалім сабақта оқушылардың сыни ойлауын дамытады, "
                      "топтық жұмыс ұйымдастырады, кері байланыс береді және әр оқушының жетістігін бағалап, "
                      "келесі сабақты соған қарай жоспарлайды."], 1, id="one-document"),
    ],
)
def test_texts_that_cannot_be_clustered_still_give_a_report(texts, n_clusters, tmp_path, nlp):
    for k, text in enumerate(texts):
        (tmp_path / f"d{k}.txt").write_text(text or "Привет, это только русский текст без казахского.", encoding="utf-8")
    out = tmp_path / "out" / "r.html"
    summary = build_report([tmp_path], out, nlp=nlp)
    assert (summary.n_ok, summary.n_clusters) == (len(texts), n_clusters)
    page = out.read_text(encoding="utf-8")
    assert parse(page).sections == list(SECTIONS)
    assert ("Not enough distinct text to cluster" in page) == (n_clusters == 0)


def test_a_tag_output_gives_the_same_report_and_is_resumed(built, folder, nlp, tmp_path):
    """--records: the files already tagged there are reused; the report is the same page."""
    from kzedutext.batch import read_records, tag_to_file

    tags = tmp_path / "tags.jsonl"
    tag_to_file([folder / "texts" / SAMPLES[0]], tags, nlp=nlp)  # an earlier run that tagged one file
    out = folder / "via-records" / "report.html"
    build_report([folder / "texts"], out, nlp=nlp, seed=3, records=tags)
    assert out.read_bytes() == built[1].read_bytes()  # links are relative: ../texts/... from both
    assert len(list(read_records(tags))) == len(SAMPLES) + 3  # the rest were tagged into it


def test_records_tagged_under_another_spelling_of_the_folder_are_reused(folder, nlp, tmp_path, monkeypatch):
    from kzedutext.batch import read_records, tag_to_file

    tags = tmp_path / "tags.jsonl"
    tag_to_file([folder / "texts"], tags, nlp=nlp)  # absolute paths
    monkeypatch.chdir(folder)
    summary = build_report(["texts"], tmp_path / "r.html", nlp=nlp, seed=3, records=tags)  # relative
    assert summary.n_documents == len(SAMPLES) + 3 and len(list(read_records(tags))) == len(SAMPLES) + 3


def test_a_report_written_into_the_input_folder_is_not_an_input(folder, nlp, tmp_path):
    shutil.copytree(folder / "texts", tmp_path / "texts")
    out = tmp_path / "texts" / "report.html"
    first = build_report([tmp_path / "texts"], out, nlp=nlp)
    second = build_report([tmp_path / "texts"], out, nlp=nlp)
    assert first.n_documents == second.n_documents == len(SAMPLES) + 3


def test_a_document_without_kazakh_text_is_not_put_in_a_kazakh_cluster(folder, nlp, tmp_path):
    import re

    texts = tmp_path / "texts"
    shutil.copytree(folder / "texts", texts)
    (texts / "english.txt").write_text("Teacher development in schools. " * 30, encoding="utf-8")
    out = tmp_path / "r.html"
    build_report([texts], out, nlp=nlp, seed=3)
    page = out.read_text(encoding="utf-8")
    rows = re.findall(r"<tr[^>]*>.*?</tr>", page, flags=re.S)
    row = next(r for r in rows if "english.txt" in r)
    assert "#cluster-" not in row
    kazakh_row = next(r for r in rows if SAMPLES[0] in r)
    assert "#cluster-" in kazakh_row
