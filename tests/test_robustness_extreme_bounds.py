"""Times at the ends of the calendar and row counts past SQLite's integers, given to the
CLI, the store and the web app: answered, never a traceback or a 500.

"--since 0001-01-01T00:00+01:00" is a moment before the first time UTC can hold, so
converting it raised OverflowError (the CLI's --since/--until, the API's ``since``, and a
browser's last-visit cookie, which any client can set); "--limit 10**20" overflowed
SQLite's 64-bit integer."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Article, article_id
from newsprism.store import ArticleQuery, Store, as_utc
from newsprism.web import WebOptions, create_app
from newsprism.web.pages import LAST_VISIT_COOKIE, last_visit
from tests.conftest import BODY

EARLIEST = "0001-01-01T00:00:00+01:00"  # 0000-12-31T23:00Z
LATEST = "9999-12-31T23:00:00-05:00"  # 10000-01-01T04:00Z
HUGE = str(10**20)


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "n.db"
    published = datetime(2026, 3, 3, 10, tzinfo=UTC)
    article = Article(
        id=article_id("Ledger", BODY), source="a.txt", text=BODY, outlet="Ledger",
        published=published,
    )  # fmt: skip
    with Store(db) as store:
        store.add_articles([article])
    return db


def test_extreme_moments_compare_as_the_first_or_last_time_utc_holds() -> None:
    assert as_utc(datetime.fromisoformat(EARLIEST)) == datetime.min.replace(tzinfo=UTC)
    assert as_utc(datetime.fromisoformat(LATEST)) == datetime.max.replace(tzinfo=UTC)


def test_cli_lists_with_extreme_bounds_and_a_huge_limit(tmp_path: Path) -> None:
    db = str(_store(tmp_path))
    runner = CliRunner()
    for args in (
        ["--since", EARLIEST, "--until", LATEST, "--limit", HUGE],
        ["--since", LATEST],
    ):
        result = runner.invoke(app, ["articles", "--db", db, "--json", *args])
        assert result.exit_code == 0, result.output
        assert result.stdout.count('"id"') == (0 if args[1] == LATEST else 1)
    result = runner.invoke(app, ["stories", "--db", db, "--limit", HUGE])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert len(store.list_articles(ArticleQuery(limit=10**20, offset=10**20))) == 0
        assert store.list_stories(10**20, 10**20) == []


def test_web_takes_extreme_since_values_and_cookies(tmp_path: Path) -> None:
    assert last_visit(EARLIEST) == datetime.min.replace(tzinfo=UTC)
    web = create_app(_store(tmp_path), WebOptions(embeddings="off"))
    with TestClient(web, base_url="http://127.0.0.1") as client:
        for since in (EARLIEST, LATEST):
            response = client.get("/api/stories", params={"since": since})
            assert response.status_code == 200, response.text
            page = client.get("/", headers={"cookie": f"{LAST_VISIT_COOKIE}={since}"})
            assert page.status_code == 200
