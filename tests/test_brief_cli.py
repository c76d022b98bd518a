"""The main job end to end on the sample corpus: `analyze` prints every story's brief in
each format, `brief STORY_ID` re-renders a stored story, and every span in the JSON
report points at the words it quotes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    db = str(tmp_path_factory.mktemp("brief") / "b.db")
    result = runner.invoke(app, ["analyze", str(SAMPLES / "stories"), "--db", db, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    yield db, json.loads(result.stdout)


def spans(story: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(story["summary"]) + list(story["exclusives"])
    found += [v for s in story["statements"] for v in s["variants"]]
    found += [v for f in story["facts"] for v in f["values"]]
    found += [c for d in story["discrepancies"] for c in d["claims"]]
    return found + [m for e in story["timeline"] for m in e["mentions"]]


def test_every_reported_span_quotes_its_article_exactly(analysed: tuple[str, Any]) -> None:
    _, report = analysed
    texts = {a["id"]: a["text"] for a in report["articles"]}
    items = [item for story in report["stories"] for item in spans(story)]
    assert len(items) > 100
    for item in items:
        assert texts[item["article"]][item["start"] : item["end"]] == item["text"]


def test_each_sample_story_reports_its_planted_disagreements(analysed: tuple[str, Any]) -> None:
    _, report = analysed
    # the three gold stories (a lone follow-up the learned join leaves apart, see
    # test_cluster_batch.py's xfail, is no gold story and plants nothing)
    stories = [s for s in report["stories"] if len(s["articles"]) > 1]
    assert len(stories) == 3
    for story in stories:
        assert any(f["status"] == "differ" for f in story["facts"])
        assert {d["kind"] for d in story["discrepancies"]} >= {"number", "negation"}
        assert 5 <= len(story["summary"]) <= 16  # grows with the story (100 + 40 words a source)
        assert any(len({v["outlet"] for v in s["variants"]}) >= 3 for s in story["statements"])
        assert story["timeline"] == sorted(story["timeline"], key=lambda e: e["date"])
        assert story["exclusives"] and story["entities"]


def test_brief_renders_a_stored_story_in_every_format(
    analysed: tuple[str, Any], tmp_path: Path
) -> None:
    db, report = analysed
    story_id = report["stories"][0]["id"]
    shown = runner.invoke(app, ["brief", story_id[:8], "--db", db])
    assert shown.exit_code == 0, shown.stderr
    assert "Who said what" in shown.stdout and "Timeline" in shown.stdout
    page = tmp_path / "brief.html"
    assert runner.invoke(app, ["brief", story_id, "--db", db, "-f", "html", "-o", str(page)])
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and "Content-Security-Policy" in text
    assert 'class="differ"' in text
    markdown = runner.invoke(app, ["brief", story_id, "--db", db, "-f", "md"]).stdout
    assert markdown.startswith("# newsprism report") and "### Numbers" in markdown
    again = json.loads(runner.invoke(app, ["brief", story_id, "--db", db, "-f", "json"]).stdout)
    assert again["stories"][0]["facts"] == report["stories"][0]["facts"]
    assert runner.invoke(app, ["brief", "nope", "--db", db]).exit_code == 1
