"""A copy of an article saved again under another file name is no second outlet in
``stories`` or in the statements export's outlets (stop 42's audit); copies carried by
named outlets still count each outlet. Invented articles about an invented bridge."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.copy_outlets import Member, file_named, uncounted_copies

WIRE = (
    "The Tessel city council closed the Vand Bridge on Monday after engineers found a "
    'crack in its main span. "We will not take any risks with people\'s lives," Mayor '
    "Ilse Drom told reporters. Repairs will cost about 4 million euros and take six "
    "weeks, the council said."
)
GAZETTE = (
    "Tessel shut the Vand Bridge on Monday after engineers discovered a crack in the "
    'main span. "We will not take any risks with people\'s lives," Mayor Ilse Drom said. '
    "The council said repairs would cost 5 million euros and last six weeks."
)


def test_an_outlet_is_file_named_only_by_its_files_stem() -> None:
    assert file_named("pier", "/news/pier.txt")
    assert file_named("pier", "/news/pier.txt.gz")
    assert file_named("pier (1)", "inbox/pier (1).html")
    assert not file_named("Tessel Courier", "/news/pier.txt")
    assert not file_named("pier", "https://pier.example/pier")
    assert not file_named(None, "/news/pier.txt")


def _members(*rows: tuple[str, str | None, str]) -> dict[str, Member]:
    return {i: Member(i, outlet, source) for i, outlet, source in rows}


def test_file_named_copies_count_one_outlet_between_them() -> None:
    members = _members(("a", "wire", "d/wire.txt"), ("b", "wire-copy", "d/wire-copy.txt"))
    # the first name in name order is kept, whichever file was read first
    assert uncounted_copies(members, [("b", "a")]) == {"b"}
    assert uncounted_copies(members, [("a", "b")]) == {"b"}


def test_a_file_named_copy_of_a_named_outlets_article_adds_none() -> None:
    members = _members(("a", "Tessel Courier", "d/courier.html"), ("b", "saved", "d/saved.txt"))
    assert uncounted_copies(members, [("a", "b")]) == {"b"}


def test_named_outlets_carrying_one_text_each_count() -> None:
    members = _members(("a", "Tessel Courier", "d/story.txt"), ("b", "Orvik Post", "d/story-2.txt"))
    assert uncounted_copies(members, [("a", "b")]) == frozenset()


def test_an_article_in_no_copy_group_always_counts() -> None:
    members = _members(("a", "wire", "d/wire.txt"), ("b", "gazette", "d/gazette.txt"))
    assert uncounted_copies(members, []) == frozenset()
    assert uncounted_copies(members, [("a",)]) == frozenset()


def test_stories_and_the_statements_export_count_the_copy_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "wire-saved-again.txt").write_text(WIRE, encoding="utf-8")
    (folder / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    done = runner.invoke(app, ["analyze", str(folder), "--db", db, "--embeddings", "off"])
    assert done.exit_code == 0, done.output
    listed = runner.invoke(app, ["stories", "--db", db, "--json"])
    (story,) = json.loads(listed.stdout)
    assert len(story["articles"]) == 3
    assert story["outlets"] == ["gazette", "wire"]
    exported = runner.invoke(app, ["export", story["id"], "--table", "statements", "--db", db])
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    said = next(r for r in rows if r["direct"] == "True")
    assert said["outlets"] == "gazette; wire" and said["outlet_count"] == "2"
    figures = next(r for r in rows if "million" in r["text"])["figures_by_outlet"]
    assert "wire-saved-again" not in figures and "(wire)" in figures


def test_the_story_panel_counts_the_copy_once() -> None:
    from rich.console import Console

    from newsprism.model import Article, Story
    from newsprism.render.terminal import story_panel

    articles = [
        Article(id="a1", source="in/wire.txt", text=WIRE, outlet="wire"),
        Article(id="a2", source="in/wire-saved.txt", text=WIRE, outlet="wire-saved"),
        Article(id="a3", source="in/gazette.txt", text=GAZETTE, outlet="gazette"),
    ]
    story = Story("s1", "Bridge", ("a1", "a2", "a3"), duplicates=(("a1", "a2"),))
    console = Console(width=120, record=True)
    console.print(story_panel(story, articles))
    assert "3 articles from 2 outlets" in console.export_text()
