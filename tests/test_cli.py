"""The real command line, run in-process with Typer's runner and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import __version__
from newsprism.cli import app
from tests.builders import html_page
from tests.conftest import BODY

Write = Callable[..., Path]
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture
def corpus(write: Write, tmp_path: Path) -> Path:
    write(
        "in/tessel-courier/pier.txt",
        "Tessel closes its old ferry pier\n\n" + BODY + "\n\nLeave a reply\n\n12 comments",
    )
    write(
        "in/ridge/page.html",
        html_page(title="Ridge town votes on pier", body=BODY.replace("Tessel", "Ridge")),
    )
    return tmp_path / "in"


def test_version() -> None:
    code, stdout, _ = run("--version")
    assert code == 0 and stdout.strip() == f"newsprism {__version__}"


def test_ingest_prints_a_summary_and_is_idempotent(corpus: Path, db: str) -> None:
    code, stdout, _ = run("ingest", str(corpus), "--db", db)
    assert code == 0
    assert "ingested" in stdout and "duplicate" in stdout
    code, stdout, _ = run("ingest", str(corpus), "--db", db)
    assert code == 0
    lines = [line for line in stdout.splitlines() if "│" in line and any(c.isdigit() for c in line)]
    assert [int(c) for c in lines[-1].replace("│", " ").split()] == [2, 0, 2, 0]


def test_ingest_exit_code_one_when_some_inputs_fail(corpus: Path, write: Write, db: str) -> None:
    bad = write("in/empty.txt", b"")
    code, _, stderr = run("ingest", str(corpus), "--db", db)
    assert code == 1
    assert f"{bad}: empty input" in stderr
    stored = json.loads(run("articles", "--db", db, "--json")[1])
    assert "Tessel closes its old ferry pier" in [a["title"] for a in stored]


def test_usage_error_exits_two(db: str) -> None:
    assert run("ingest", "--db", db)[0] == 2
    assert run("articles", "--db", db, "--since", "yesterday")[0] == 2


def test_articles_lists_filters_and_searches(corpus: Path, db: str) -> None:
    run("ingest", str(corpus), "--db", db)
    by_outlet = json.loads(
        run("articles", "--db", db, "--outlet", "The Tessel Courier", "--json")[1]
    )
    assert [a["title"] for a in by_outlet] == ["Ridge town votes on pier"]
    code, stdout, _ = run("articles", "--db", db, "-q", "Ridge", "--json")
    assert code == 0
    assert [a["title"] for a in json.loads(stdout)] == ["Ridge town votes on pier"]


def test_article_shows_text_metadata_and_what_was_removed(corpus: Path, db: str) -> None:
    run("ingest", str(corpus), "--db", db)
    every = json.loads(run("articles", "--db", db, "--json")[1])
    listed = [a for a in every if a["title"] == "Tessel closes its old ferry pier"]
    code, stdout, _ = run("article", listed[0]["id"][:8], "--db", db, "--json")
    shown = json.loads(stdout)
    assert code == 0
    assert shown["text"].startswith("The harbour board of Tessel")
    assert {"Leave a reply", "12 comments"} <= {r["line"] for r in shown["removed"]}
    code, stdout, _ = run("article", listed[0]["id"], "--db", db)
    assert "Removed by cleaning" in stdout and "Leave a reply" in stdout
    assert run("article", "nope", "--db", db)[0] == 1


def test_analyze_json_follows_the_report_contract(corpus: Path, db: str) -> None:
    code, stdout, _ = run("analyze", str(corpus), "--db", db, "--format", "json")
    report = json.loads(stdout)
    assert code == 0
    assert report["schema_version"] == "1"
    # The two pages carry one text (one with the town renamed): one story, one copy group.
    [story] = report["stories"]
    ids = {a["id"] for a in report["articles"]}
    assert set(story["articles"]) == ids and [set(g) for g in story["duplicates"]] == [ids]
    for key in ("summary", "statements", "facts", "discrepancies", "exclusives", "timeline"):
        assert isinstance(story[key], list)
    assert {"id", "source", "outlet", "title", "byline", "published", "language", "text"} <= set(
        report["articles"][0]
    )
    assert [a["title"] for a in report["articles"]] == [
        "Ridge town votes on pier",
        "Tessel closes its old ferry pier",
    ]


def test_analyze_writes_to_a_file(corpus: Path, db: str, tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    assert run("analyze", str(corpus), "--db", db, "-f", "json", "--out", str(target))[0] == 0
    assert len(json.loads(target.read_text())["articles"]) == 2


def test_bad_inputs_never_print_a_traceback(write: Write, tmp_path: Path, db: str) -> None:
    write("bad/empty.txt", b"")
    write("bad/binary.bin", bytes(range(256)) * 4)
    write("bad/feed.xml", "<rss><channel><item><title>x</ite")
    write("bad/ok.txt", "A fine headline\n\n" + BODY)
    result = subprocess.run(
        [sys.executable, "-m", "newsprism", "ingest", str(tmp_path / "bad"), "--db", db],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for name in ("empty.txt", "binary.bin", "feed.xml"):
        assert f"{tmp_path / 'bad' / name}: " in result.stderr


def test_ingest_prints_one_warning_line_for_a_repaired_input(write: Write, db: str) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Notes</title>'
        "<item><title>Ferry&nbsp;returns</title><link>http://quay.example/a</link>"
        "<description>The ferry returned to the north quay on Tuesday after repairs "
        "that took eleven weeks, the harbour board said.</description></item>"
        "</channel></rss>"
    )
    path = write("feeds/quay.xml", feed)
    code, _, stderr = run("ingest", str(path), "--db", db)
    warnings = [line for line in stderr.splitlines() if line.startswith("warning: ")]
    assert code == 0
    assert len(warnings) == 1 and str(path) in warnings[0]
    assert "failed:" not in stderr
