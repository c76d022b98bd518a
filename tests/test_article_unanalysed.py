"""One article as a fact-checker opens it (``newsprism article ID`` and the web page):
an article in a language the analysis does not read says so, where "0 quotes · 0
quantities · 0 dates" read as "it quotes no one and gives no figure"; the page counts in
the right number; a relative date of an undated article reads as such, not "(deferred)"."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.analyze.analyzer import ANALYZER_VERSION
from newsprism.cli import app
from newsprism.model import Analysis, Article, DateMention
from newsprism.store import Store
from newsprism.web import WebOptions
from newsprism.web.app import create_app

runner = CliRunner()
_NOTE = "Not analysed: the analysis reads English only and this article is in 'nl'"


def _store(tmp_path: Path, article: Article, analysis: Analysis | None = None) -> Path:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add_articles([article])
        if analysis is not None:
            store.save_analyses([analysis])
    return db


def _shown(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).replace("&#39;", "'").split())


def test_an_article_in_another_language_says_it_was_not_analysed(tmp_path: Path) -> None:
    article = Article(
        id="d000000000000000",
        source="d.txt",
        outlet="Kustblad",
        title="Veerdienst stilgelegd",
        text="De veerdienst naar Kelmar is vrijdag stilgelegd; 340 reizigers strandden.",
        language="nl",
    )
    db = _store(tmp_path, article)
    result = runner.invoke(app, ["article", "d000", "--db", str(db)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert _NOTE in " ".join(result.output.replace("│", " ").split())
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(db, options)) as client:
        assert _NOTE in _shown(client.get(f"/articles/{article.id}").text)


def test_an_english_article_has_no_note_and_counts_in_the_right_number(tmp_path: Path) -> None:
    text = "The pier closed on Monday, the mayor said."
    article = Article(id="e000000000000000", source="e.txt", text=text, language="en")
    monday = DateMention("on Monday", 16, 25, None, "deferred")
    analysis = Analysis(article.id, ANALYZER_VERSION, dates=(monday,))
    db = _store(tmp_path, article, analysis)
    result = runner.invoke(app, ["article", "e000", "--db", str(db)], env={"COLUMNS": "100"})
    assert "(relative; undated article)" in result.output
    assert "deferred" not in result.output and "Not analysed" not in result.output
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(db, options)) as client:
        shown = _shown(client.get(f"/articles/{article.id}").text)
    assert "0 quotes · 0 quantities · 1 date " in shown
    assert "Not analysed" not in shown
