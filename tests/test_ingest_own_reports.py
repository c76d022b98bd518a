"""newsprism's own reports are not articles: a brief written with --out into the folder
it reads (HTML or Markdown) was read as an article on the next run, and its text, every
story's summary, joined the stories. It is now one failure naming the file."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure
from newsprism.render.report import OutputFormat, ReportView, write_report
from tests.conftest import BODY


def test_a_report_in_the_input_folder_is_not_read_as_an_article(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "pier.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    empty = ReportView([], {}, [], {})
    for fmt, name in ((OutputFormat.md, "brief.md"), (OutputFormat.html, "brief.html")):
        write_report(Console(), fmt, folder / name, empty)  # the renderers' own output
    items = list(read_inputs([str(folder)], IngestOptions()))
    assert [(type(i), Path(i.source).name) for i in items] == [
        (IngestFailure, "brief.html"),
        (IngestFailure, "brief.md"),
        (Article, "pier.txt"),
    ]
    assert items[0].reason == "a newsprism report (an earlier --out), not an article"  # type: ignore[union-attr]


def test_an_article_about_newsprism_is_still_an_article(tmp_path: Path) -> None:
    path = tmp_path / "review.md"
    path.write_text("# newsprism reviewed\n\n" + BODY, encoding="utf-8")
    assert isinstance(next(iter(read_inputs([str(path)], IngestOptions()))), Article)


def test_json_reports_and_exports_in_the_input_folder_are_not_articles(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsprism.cli import app
    from newsprism.export import COLUMNS
    from newsprism.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "pier.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    write_report(Console(), OutputFormat.json, folder / "report.json", ReportView([], {}, [], {}))
    row = {column: f"invented {column}" for column in COLUMNS["quotes"]}
    (folder / "quotes.jsonl").write_text((json.dumps(row) + "\n") * 4, encoding="utf-8")
    header = ",".join(COLUMNS["facts"])
    (folder / "facts.csv").write_text(header + "\n" + ",".join(COLUMNS["facts"]) + "\n")
    (folder / "rows").write_text(json.dumps(row) + "\n", encoding="utf-8")  # sniffed JSONL
    db = tmp_path / "n.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    for name in ("facts.csv", "quotes.jsonl", "report.json", "rows"):
        assert f"{folder / name}: a newsprism report (an earlier --out), not an article" in (
            result.stderr
        ), result.output
    with Store(db) as store:
        assert store.count_articles() == 1  # pier.txt only
