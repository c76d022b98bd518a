"""A blank search is no search: spaces or punctuation alone list every article (as a
blank search box does in sqlite-utils and datasette), not an FTS5 syntax error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Article, article_id
from newsprism.store import ArticleQuery, Store, fts_query
from tests.conftest import BODY


def _stored(db: Path) -> list[Article]:
    articles = [
        Article(id=article_id(o, BODY + o), source=f"{o}.txt", text=BODY + o, outlet=o)
        for o in ("Ledger", "Courier")
    ]
    with Store(db) as store:
        store.add_articles(articles)
    return articles


@pytest.mark.parametrize("blank", [" ", "   \t", "...", " — !? ", '"'])
def test_a_blank_search_lists_every_article(tmp_path: Path, blank: str) -> None:
    db = tmp_path / "n.db"
    articles = _stored(db)
    with Store(db) as store:
        assert len(store.list_articles(ArticleQuery(search=blank))) == len(articles)
    result = CliRunner().invoke(app, ["articles", "--db", str(db), "-q", blank, "--json"])
    assert result.exit_code == 0, result.output
    assert all(a.id in result.stdout for a in articles)


def test_punctuation_words_are_dropped_and_the_others_still_search(tmp_path: Path) -> None:
    assert fts_query('... C++ "x" —') == '"C++" """x"""'
    db = tmp_path / "n.db"
    _stored(db)
    with Store(db) as store:
        found = store.list_articles(ArticleQuery(search="... courier !"))
    assert [a.outlet for a in found] == ["Courier"]
