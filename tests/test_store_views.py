"""The store's readable views and the Datasette metadata that describes them, queried with
plain sqlite3 (Datasette itself is not needed)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsprism import Workspace
from tests.mini_corpus import write_corpus

METADATA = Path(__file__).resolve().parent.parent / "datasette" / "metadata.json"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    folder = tmp_path_factory.mktemp("views")
    with Workspace(folder / "newsprism.db", embeddings="off") as ws:
        ws.analyze(write_corpus(folder / "in"))
    conn = sqlite3.connect(folder / "newsprism.db")
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def rows(conn: sqlite3.Connection, sql: str, *params: object) -> list[dict[str, object]]:
    return [dict(r) for r in conn.execute(sql, params)]


def test_quotes_read_as_who_said_what(db: sqlite3.Connection) -> None:
    quotes = rows(db, "SELECT * FROM quote_list WHERE speaker = 'Ilona Varga'")
    assert len(quotes) == 2
    for quote in quotes:
        assert str(quote["quote"]).startswith("The pier has served us")
        # The story's own title (which headline stands for the story is the grouping's
        # choice: it changed with the IDF prior of 3b236ad).
        title = db.execute(
            "SELECT s.title FROM stories s JOIN story_articles sa ON sa.story_id = s.id "
            "WHERE sa.article_id = ?",
            (quote["article_id"],),
        ).fetchone()[0]
        assert quote["kind"] == "direct" and quote["story"] == title
        assert title in ("Tessel closes its old ferry pier", "Tessel pier to shut for repairs")
        assert quote["outlet"] and quote["article"]
        text = db.execute("SELECT text FROM articles WHERE id = ?", (quote["article_id"],))
        start, end = int(str(quote["start"])), int(str(quote["end"]))
        assert text.fetchone()[0][start:end] == quote["quote"]


def test_stories_articles_numbers_dates_names(db: sqlite3.Connection) -> None:
    stories = rows(db, "SELECT * FROM story_list ORDER BY articles DESC")
    assert [s["articles"] for s in stories] == [2, 1]
    assert stories[0]["outlet_count"] == 2 and stories[0]["story"]
    articles = rows(db, "SELECT * FROM article_list")
    assert len(articles) == 3 and all(a["story"] and a["outlet"] for a in articles)
    passengers = rows(db, "SELECT value, outlet FROM quantity_list WHERE about = 'passenger'")
    assert sorted(p["value"] for p in passengers) == [400, 450]  # type: ignore[type-var]
    names = {r["name"] for r in rows(db, "SELECT name FROM entity_list WHERE type = 'PERSON'")}
    assert {"Ilona Varga", "Petra Lund"} <= names
    assert rows(db, "SELECT * FROM date_list WHERE text LIKE '%Tuesday%'")
    assert rows(db, "SELECT * FROM feed_list") == []


def test_metadata_describes_what_the_store_has(db: sqlite3.Connection) -> None:
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    names = {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    }
    for database in metadata["databases"].values():
        for table, described in database["tables"].items():
            assert table in names, table
            columns = {r[1] for r in db.execute(f"PRAGMA table_info({table})")}
            for column in [*described.get("columns", {}), *described.get("facets", [])]:
                assert column in columns, f"{table}.{column}"
        for query in database["queries"].values():
            db.execute(query["sql"], {"story": "s"}).fetchall()
    readable = [n for n in names if n.endswith("_list")]
    assert sorted(readable) == sorted(
        t for t in metadata["databases"]["newsprism"]["tables"] if t.endswith("_list")
    )
