"""`newsprism export`: a brief's tables as CSV, JSON Lines and Parquet."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism import Workspace
from newsprism.cli import app
from newsprism.errors import ExtraMissing
from newsprism.export import COLUMNS, brief_rows, write_rows
from newsprism.model import Brief
from tests.mini_corpus import write_corpus

runner = CliRunner()


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[Brief]]]:
    folder = tmp_path_factory.mktemp("export")
    db = folder / "export.db"
    with Workspace(db, embeddings="off") as ws:
        run = ws.analyze(write_corpus(folder / "in"))
    yield str(db), run.briefs


def export(db: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["export", *args, "--db", db, "--embeddings", "off"])
    return result.exit_code, result.stdout, result.stderr


def test_csv_of_one_story_to_stdout(stored: tuple[str, list[Brief]]) -> None:
    db, briefs = stored
    brief = next(b for b in briefs if len(b.story.articles) == 2)
    code, stdout, stderr = export(db, brief.story.id[:8], "--table", "facts")
    assert code == 0, stderr
    rows = list(csv.DictReader(io.StringIO(stdout)))
    assert list(rows[0]) == list(COLUMNS["facts"])
    assert list(rows[0])[-1] == "agreement"  # appended: older columns keep their places
    assert len(rows) == sum(len(f.values) for f in brief.facts)
    passengers = [r for r in rows if r["about"] == "passenger"]
    assert {r["status"] for r in passengers} == {"differ"}
    assert all(not r["agreement"] for r in passengers)
    agreement = {f.id: f.agreement or "" for f in brief.facts}
    assert all(r["agreement"] == agreement[r["fact_id"]] for r in rows)
    assert all(r["story_id"] == brief.story.id and r["article_id"] for r in rows)


def test_every_story_as_jsonl_file(stored: tuple[str, list[Brief]], tmp_path: Path) -> None:
    db, briefs = stored
    out = tmp_path / "quotes.jsonl"
    code, _, stderr = export(
        db, "--all", "--table", "quotes", "--format", "jsonl", "--out", str(out)
    )
    assert code == 0, stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == sum(len(s.variants) for b in briefs for s in b.statements)
    assert {r["story_id"] for r in rows} == {b.story.id for b in briefs}
    assert "wrote" in stderr


def test_parquet_round_trip(stored: tuple[str, list[Brief]], tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    db, briefs = stored
    out = tmp_path / "statements.parquet"
    code, _, stderr = export(db, "--all", "-t", "statements", "-f", "parquet", "-o", str(out))
    assert code == 0, stderr
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS["statements"])
    assert table.num_rows == sum(len(b.statements) for b in briefs)


def test_parquet_without_pyarrow_names_the_extra(
    stored: tuple[str, list[Brief]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, briefs = stored
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ExtraMissing, match=r"newsprism\[parquet\]"):
        write_rows(brief_rows(briefs[0], "facts"), "facts", "parquet", tmp_path / "f.parquet")


def test_usage_errors(stored: tuple[str, list[Brief]]) -> None:
    db, briefs = stored
    code, _, stderr = export(db, "--table", "facts")
    assert code == 2 and "--all" in stderr
    code, _, stderr = export(db, "szzzzzzz")
    assert code == 1 and "no story with id 'szzzzzzz'" in stderr
    code, _, stderr = export(db, briefs[0].story.id, "--format", "parquet")
    assert code == 2 and "--out" in stderr  # a usage error, as the README's exit codes say


def test_empty_tables_keep_their_header() -> None:
    for table in COLUMNS:
        buffer = io.StringIO()
        write_rows([], table, "csv", None, buffer)
        assert buffer.getvalue().strip() == ",".join(COLUMNS[table])
