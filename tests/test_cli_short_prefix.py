"""Every command that names a story or an article asks for at least four characters of
its id: ``story``, ``brief``, ``verify`` and ``article`` took a one-letter prefix in a
store where it was unique ("story s"), which ``export`` refused, and a script using one
broke once a second story shared it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Article, Story
from newsprism.store import ClusteringUpdate, Store

ARTICLE = "a1b2c3d4e5f6a7b8"
STORY = "sa1b2c3d4e5f6"


@pytest.fixture
def one_of_each(tmp_path: Path) -> str:
    db = tmp_path / "one.db"
    with Store(db) as store:
        store.add_articles([Article(ARTICLE, "in/a.txt", "The pier closed on Monday.", "Post")])
        update = ClusteringUpdate([], [Story(STORY, "Pier closes", (ARTICLE,))], [], {})
        store.save_clustering(update)
    (tmp_path / "summary.txt").write_text("The pier closed.\n", encoding="utf-8")
    return str(db)


@pytest.mark.parametrize(
    ("command", "kind", "key"),
    [
        (["story", "s"], "story", "s"),
        (["brief", "sa1"], "story", "sa1"),
        (["verify", "s", "SUMMARY"], "story", "s"),
        (["export", "s"], "story", "s"),
        (["article", "a"], "article", "a"),
    ],
    ids=lambda value: "-".join(value) if isinstance(value, list) else None,
)
def test_a_unique_but_short_prefix_is_refused(
    one_of_each: str, tmp_path: Path, command: list[str], kind: str, key: str
) -> None:
    args = [str(tmp_path / "summary.txt") if a == "SUMMARY" else a for a in command]
    result = CliRunner().invoke(app, [*args, "--db", one_of_each])
    assert result.exit_code == 1, result.output
    assert f"error: {kind} id '{key}' is too short: give at least 4 characters" in result.stderr


@pytest.mark.parametrize("command", [["story", STORY[:4]], ["article", ARTICLE[:4]]])
def test_four_characters_name_it(one_of_each: str, command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--db", one_of_each])
    assert result.exit_code == 0, result.output
    assert "Pier closes" in result.stdout or ARTICLE in result.stdout
