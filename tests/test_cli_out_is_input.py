"""``analyze --out`` naming one of its own inputs is refused before any work: the
report overwrote the article it was read from (and a later run read the report as an
article)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store
from tests.conftest import BODY


def test_an_out_file_that_is_an_input_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    db = tmp_path / "n.db"
    for given in (str(article), str(tmp_path / "pi*.txt")):
        args = ["analyze", given, "--db", str(db), "--format", "md", "--out", str(article)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, result.output
        assert (
            result.stderr
            == f"error: --out {article} is one of the inputs; write the report elsewhere\n"
        )
    assert article.read_text(encoding="utf-8").startswith("Pier closes")  # untouched
    with Store(db) as store:
        assert store.count_articles() == 0  # refused before reading anything


def test_an_out_file_inside_an_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    article = folder / "sub" / "a.txt"
    article.write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    db = tmp_path / "n.db"
    for given in (str(folder), str(tmp_path / "i*")):
        args = ["analyze", given, "--db", str(db), "--format", "md", "--out", str(article)]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"error: --out {article} is one of the inputs")
    assert article.read_text(encoding="utf-8").startswith("Pier closes")  # untouched
    with Store(db) as store:
        assert store.count_articles() == 0  # refused before reading anything


def test_a_new_out_file_inside_an_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    # Written on the first run, it made the same command a usage error on every later one.
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    report = folder / "report.json"
    db = tmp_path / "n.db"
    args = ["analyze", str(folder), "--db", str(db), "--format", "json", "--out", str(report)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"error: --out {report} is inside the input folder {folder}, where the next run would"
        " read the report as an article; write it elsewhere\n"
    )
    assert not report.exists()
    with Store(db) as store:
        assert store.count_articles() == 0  # refused before reading anything


def test_a_new_out_file_beside_the_input_files_is_written(tmp_path: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    report = tmp_path / "report.md"
    args = ["analyze", str(article), "--db", str(tmp_path / "n.db"), "--out", str(report)]
    args += ["--format", "md", "--embeddings", "off"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert report.read_text(encoding="utf-8").startswith("# newsprism report")
