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
from newsprism.copy_outlets import Member, file_named, text_digest, uncounted_copies

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


def _members(*rows: tuple[str, str | None, str], text: str = WIRE) -> dict[str, Member]:
    return {i: Member(i, outlet, source, text_digest(text)) for i, outlet, source in rows}


def test_file_named_copies_count_one_outlet_between_them() -> None:
    members = _members(("a", "wire", "d/wire.txt"), ("b", "wire-copy", "d/wire-copy.txt"))
    # the file without a copy mark is kept, whichever file was read first
    assert uncounted_copies(members, [("b", "a")]) == {"b"}
    assert uncounted_copies(members, [("a", "b")]) == {"b"}
    for copy in ("wire (1)", "wire(2)", "wire - Copy", "wire - Copy (2)", "wire copy 2", "wire_1"):
        members = _members(("a", copy, f"d/{copy}.txt"), ("b", "wire", "d/wire.txt"))
        assert uncounted_copies(members, [("a", "b")]) == {"a"}, copy


def test_a_file_named_copy_of_a_named_outlets_article_adds_none() -> None:
    members = _members(
        ("a", "Tessel Courier", "d/courier.html"), ("b", "courier (1)", "d/courier (1).txt")
    )
    assert uncounted_copies(members, [("a", "b")]) == {"b"}


def test_files_named_after_two_outlets_carrying_one_text_count_both() -> None:
    # herald.txt and courier.txt: each file's name is its outlet's only name (review s43/e S1)
    members = _members(("a", "herald", "d/herald.txt"), ("b", "courier", "d/courier.txt"))
    assert uncounted_copies(members, [("a", "b")]) == frozenset()
    beside = _members(("a", "Tessel Courier", "d/courier.html"), ("b", "saved", "d/saved.txt"))
    assert uncounted_copies(beside, [("a", "b")]) == frozenset()


def test_a_save_with_another_text_is_no_copy() -> None:
    # a syndicated group is near-duplicates: an edited save is its outlet's own reading
    members = {
        "a": Member("a", "pier", "d/pier.txt", text_digest(WIRE)),
        "b": Member("b", "pier (1)", "d/pier (1).txt", text_digest(WIRE.replace("4", "6"))),
        "c": Member("c", "pier_2", "d/pier_2.txt", None),
    }
    assert uncounted_copies(members, [("a", "b", "c")]) == frozenset()
    spaced = _members(("a", "pier", "d/pier.txt"), ("b", "pier (1)", "d/pier (1).txt"))
    spaced["b"] = Member("b", "pier (1)", "d/pier (1).txt", text_digest(WIRE.upper() + "  "))
    assert uncounted_copies(spaced, [("a", "b")]) == {"b"}


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
    (folder / "wire - Copy.txt").write_text(WIRE, encoding="utf-8")
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
    assert "Copy" not in figures and "(wire)" in figures


def test_the_story_panel_counts_the_copy_once() -> None:
    from rich.console import Console

    from newsprism.model import Article, Story
    from newsprism.render.terminal import story_panel

    articles = [
        Article(id="a1", source="in/wire.txt", text=WIRE, outlet="wire"),
        Article(id="a2", source="in/wire (1).txt", text=WIRE, outlet="wire (1)"),
        Article(id="a3", source="in/gazette.txt", text=GAZETTE, outlet="gazette"),
    ]
    story = Story("s1", "Bridge", ("a1", "a2", "a3"), duplicates=(("a1", "a2"),))
    console = Console(width=120, record=True)
    console.print(story_panel(story, articles))
    assert "3 articles from 2 outlets" in console.export_text()


def _story_of(folder: Path, db: str) -> dict[str, object]:
    runner = CliRunner()
    done = runner.invoke(app, ["analyze", str(folder), "--db", db, "--embeddings", "off"])
    assert done.exit_code == 0, done.output
    (story,) = json.loads(runner.invoke(app, ["stories", "--db", db, "--json"]).stdout)
    assert isinstance(story, dict)
    return story


def _statement_rows(story_id: object, db: str) -> list[dict[str, str]]:
    args = ["export", str(story_id), "--table", "statements", "--db", db]
    return list(csv.DictReader(io.StringIO(CliRunner().invoke(app, args).stdout)))


def test_two_outlets_files_carrying_one_wire_text_count_two(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "herald.txt").write_text(WIRE, encoding="utf-8")
    (folder / "courier.txt").write_text(WIRE, encoding="utf-8")
    (folder / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    db = str(tmp_path / "news.db")
    story = _story_of(folder, db)
    assert story["outlets"] == ["courier", "gazette", "herald"]
    said = next(r for r in _statement_rows(story["id"], db) if r["direct"] == "True")
    assert said["outlets"] == "courier; gazette; herald" and said["outlet_count"] == "3"


def test_two_outlets_edited_wire_texts_keep_both_figures(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "herald.txt").write_text(WIRE, encoding="utf-8")
    six = WIRE.replace("about 4 million", "about 6 million")
    (folder / "courier.txt").write_text(six, encoding="utf-8")
    (folder / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    db = str(tmp_path / "news.db")
    story = _story_of(folder, db)
    assert story["outlets"] == ["courier", "gazette", "herald"]
    rows = _statement_rows(story["id"], db)
    figures = next(r for r in rows if "million" in r["text"])["figures_by_outlet"]
    assert "(herald)" in figures and "(courier)" in figures


def test_the_web_story_page_counts_the_copy_once(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsprism.web.app import create_app

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "wire (1).txt").write_text(WIRE, encoding="utf-8")
    (folder / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    db = str(tmp_path / "news.db")
    story = _story_of(folder, db)
    assert story["outlets"] == ["gazette", "wire"]
    client = TestClient(create_app(Path(db)), base_url="http://127.0.0.1")
    page = client.get(f"/stories/{story['id']}").text
    assert "3 articles · 2 outlets" in page
