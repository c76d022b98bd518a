"""``articles --since A --until B`` with A not before B is a usage error saying so: it
printed "Articles (0 shown)", as if the store held nothing in that range."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.store import Store

runner = CliRunner()


def test_a_range_that_ends_before_it_starts_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    args = ["articles", "--db", str(db), "--since", "2026-03-05", "--until", "2026-03-01"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "error: --since 2026-03-05 is not before --until 2026-03-01: no article can match"
    ]


def test_a_range_in_order_is_listed(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    args = [
        "articles",
        "--db",
        str(db),
        "--since",
        "2026-03-01",
        "--until",
        "2026-03-01T10:00+02:00",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Articles (0 shown)" in result.output
