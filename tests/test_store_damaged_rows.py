"""A row edited by hand (sqlite3, a browser of the store) so that a value no longer
reads: one error naming the article and the column, not a JSONDecodeError traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import StoreError
from newsprism.model import Article, Story, article_id
from newsprism.store import ArticleQuery, ClusteringUpdate, Store
from tests.conftest import BODY


@pytest.mark.parametrize(
    ("column", "value"),
    [("headings", "[broken"), ("removed", "[1]"), ("published", "yesterday")],
)
def test_a_damaged_value_is_one_error_naming_it(tmp_path: Path, column: str, value: str) -> None:
    db = tmp_path / "n.db"
    article = Article(id=article_id("Ledger", BODY), source="a.txt", text=BODY, outlet="Ledger")
    with Store(db) as store:
        store.add_articles([article])
    with sqlite3.connect(db) as conn:
        conn.execute(f"UPDATE articles SET {column} = ?", (value,))
    with Store(db) as store, pytest.raises(StoreError) as damaged:
        store.list_articles(ArticleQuery())
    assert str(damaged.value).startswith(f"article {article.id}: its {column} in the store")
    result = CliRunner().invoke(app, ["articles", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: article {article.id}: its {column} in the store")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("duplicates", "[broken"),
        ("duplicates", '["ab"]'),
        ("first_published", "yesterday"),
        ("last_published", "2026-13-40"),
    ],
)
def test_a_damaged_story_value_is_one_error_naming_it(
    tmp_path: Path, column: str, value: str
) -> None:
    db = tmp_path / "n.db"
    article = Article(id=article_id("Ledger", BODY), source="a.txt", text=BODY, outlet="Ledger")
    story = Story(id="s" * 16, title="A story", articles=(article.id,))
    with Store(db) as store:
        store.add_articles([article])
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
        assert store.get_story(story.id) == story
    with sqlite3.connect(db) as conn:
        conn.execute(f"UPDATE stories SET {column} = ?", (value,))
    with Store(db) as store, pytest.raises(StoreError) as damaged:
        store.list_stories()
    assert str(damaged.value).startswith(f"story {story.id}: its {column} in the store")
    result = CliRunner().invoke(app, ["stories", "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: story {story.id}: its {column} in the store")
