"""What a new user meets first: help text, ids, empty folders, counts, quiet loaders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Story
from newsprism.render.terminal import counted, story_panel
from newsprism.store import ClusteringUpdate, Store

runner = CliRunner()
COMMANDS = ["ingest", "articles", "article", "stories", "story", "analyze", "brief", "export"]


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS], ["watch"], ["serve"]])
def test_help_shows_no_python_types(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout and "list[str]" not in result.stdout


@pytest.fixture
def two_stories(tmp_path: Path) -> str:
    db = tmp_path / "ids.db"
    with Store(db) as store:
        stories = [Story(f"sabcd{n * 7}1234567", f"Story {n}", ()) for n in (1, 2)]
        store.save_clustering(ClusteringUpdate([], stories, [], {}))
    return str(db)


@pytest.mark.parametrize("command", ["story", "brief", "export"])
def test_an_ambiguous_prefix_lists_its_matches(two_stories: str, command: str) -> None:
    result = runner.invoke(app, [command, "sabcd", "--db", two_stories])
    assert result.exit_code == 1
    assert "ambiguous" in result.stderr
    assert "sabcd71234567" in result.stderr and "sabcd141234567" in result.stderr


def test_a_short_prefix_asks_for_more(two_stories: str) -> None:
    result = runner.invoke(app, ["story", "s", "--db", two_stories])
    assert result.exit_code == 1 and "too short" in result.stderr and "at least 4" in result.stderr


def test_an_unknown_id_says_so(two_stories: str) -> None:
    result = runner.invoke(app, ["story", "sffff", "--db", two_stories])
    assert result.exit_code == 1 and "no story with id 'sffff'" in result.stderr


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden").write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "e.db")])
    assert result.exit_code == 1
    assert "no articles found" in result.stderr and str(tmp_path / "empty") in result.stderr


def test_counts_agree_with_their_nouns() -> None:
    assert counted(1, "article") == "1 article"
    assert counted(2, "article") == "2 articles"
    assert counted(0, "outlet") == "0 outlets"
    panel = story_panel(Story("s1", "One", ("a1",)), [])
    rendered = str(panel.renderable.renderables[0])  # type: ignore[attr-defined]
    assert "0 articles from 0 outlets, 0 syndicated groups" in rendered


QUIET_CHECK = """
import sys
from typer.testing import CliRunner
from newsprism.cli import app
CliRunner().invoke(app, sys.argv[1:] + ["stories", "--db", sys.argv[0] + ".db"])
from transformers.utils import logging
print("bars", logging.is_progress_bar_enabled())
"""


@pytest.mark.parametrize(
    ("flags", "bars", "loaded_first"),
    [([], False, False), (["--verbose"], True, False), ([], False, True)],
)
def test_model_loader_progress_is_silenced_unless_verbose(
    tmp_path: Path, flags: list[str], bars: bool, loaded_first: bool
) -> None:
    """Also when the loaders were imported before the command ran (the caller's own
    code, or an earlier command in one process), which read the variables too early."""
    pytest.importorskip("transformers")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TQDM", "HF_HUB", "TRANSF"))}
    script = tmp_path / "quiet.py"
    preamble = "import transformers.utils.logging\n" if loaded_first else ""
    script.write_text(preamble + QUIET_CHECK, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), *flags], capture_output=True, text=True, env=env, check=True
    )
    assert f"bars {bars}" in done.stdout
