"""What every command does with outputs it cannot write and options that contradict each other."""

import pytest
from typer.testing import CliRunner

from kzedutext.cli import app


def said(result) -> str:
    """The command's output with the terminal's line wrapping undone."""
    return " ".join(result.output.replace("│", " ").split())


@pytest.fixture()
def one_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Мұғалімнің кәсіби құзыреттілігі дамиды.", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["tag", "terms", "reuse", "report"])
def test_an_output_that_is_a_folder_is_refused_in_one_line(tmp_path, one_text, command):
    folder = tmp_path / "out.jsonl"
    folder.mkdir()
    result = CliRunner().invoke(app, [command, str(one_text), "--out", str(folder)])
    assert result.exit_code == 2
    assert "is a folder" in said(result) and "Traceback" not in result.output


def test_a_format_that_contradicts_the_file_ending_is_refused(tmp_path, one_text):
    result = CliRunner().invoke(app, ["tag", str(one_text), "--out", str(tmp_path / "x.jsonl"), "--format", "csv"])
    assert result.exit_code == 2 and "ends in .jsonl but the format asked for is csv" in said(result)
    assert not (tmp_path / "x.jsonl").exists()


def test_a_run_made_differently_names_the_command_line_option(tmp_path, one_text):
    out = tmp_path / "t.jsonl"
    assert CliRunner().invoke(app, ["tag", str(one_text), "--out", str(out), "-q"]).exit_code == 0
    result = CliRunner().invoke(app, ["tag", str(one_text), "--out", str(out), "-q", "--redact"])
    assert result.exit_code == 2 and "kzedutext tag --overwrite" in said(result)


def test_report_runs_quietly(tmp_path, one_text):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["report", str(one_text), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert out.exists() and "1 documents: 1 ok" in result.output


def test_reuse_reads_a_file_without_an_ending_as_tag_does(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = ("Мұғалім сабақта оқушылардың сыни ойлауын дамытатын тапсырмаларды жүйелі түрде қолданады, "
            "ал әр тапсырманың соңында балалар өз жұмысын бағалап, келесі қадамды бірге жоспарлайды.")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "copy").write_text("Кітапхана жаңарды. " + text, encoding="utf-8")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 4)
    result = CliRunner().invoke(app, ["reuse", str(folder), "--out", str(tmp_path / "r.jsonl"), "--min-words", "10"])
    assert result.exit_code == 0, result.output
    assert "2 documents, 1 pairs" in said(result)
    assert "not read:" in said(result) and "junk.bin" in said(result) and "copy:" not in said(result)
