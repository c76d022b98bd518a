"""A story whose cross-check raises in a batch run is reported, not fatal: the other
stories are still briefed, the run's report lists it, and the CLI prints one line and
exits 1. Outside a batch run (no failure list) the exception propagates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.flow import FlowOptions, analyze_paths, brief_stories
from newsprism.model import Brief, Story
from newsprism.reconcile.stored import StoredBriefs
from newsprism.render.jsonout import failures_heading
from newsprism.store import Store
from tests.mini_corpus import write_corpus


def _break_one_story(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make the cross-check of the first story asked for raise; returns its id once set."""
    broken: list[str] = []
    real_get = StoredBriefs.get

    def get(self: StoredBriefs, store: Store, story: Story) -> Brief:
        if not broken or broken[0] == story.id:
            broken[:1] = [story.id]
            raise RuntimeError("planted fault")
        return real_get(self, store, story)

    monkeypatch.setattr(StoredBriefs, "get", get)
    return broken


def test_a_failing_brief_is_recorded_and_the_other_stories_are_briefed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = _break_one_story(monkeypatch)
    folder = write_corpus(tmp_path / "corpus")
    with Store(tmp_path / "s.db") as store:
        run = analyze_paths(store, [folder], FlowOptions(embeddings="off"))
        assert len(run.stories) == 2 and len(run.briefs) == 1
        assert run.briefs[0].story.id != broken[0]
        (failure,) = run.failures
        expected = f"story {broken[0]}: cross-check failed (RuntimeError: planted fault)"
        assert str(failure) == expected
        (entry,) = run.to_dict()["failures"]
        assert entry == {
            "article": None,
            "source": f"story {broken[0]}",
            "stage": "brief",
            "error": "RuntimeError: planted fault",
        }
        assert store.count_stories() == 2  # its articles stay stored and grouped
        with pytest.raises(RuntimeError, match="planted fault"):
            brief_stories(store, run.stories, "off")


def test_the_cli_prints_one_line_for_the_failed_story_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = _break_one_story(monkeypatch)
    folder = write_corpus(tmp_path / "corpus")
    args = ["analyze", str(folder), "--db", str(tmp_path / "s.db"), "-f", "json"]
    result = CliRunner().invoke(app, [*args, "--embeddings", "off"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    line = f"failed: story {broken[0]}: cross-check failed (RuntimeError: planted fault)"
    assert line in " ".join(result.stderr.split())
    report = json.loads(result.stdout)
    assert [f["stage"] for f in report["failures"]] == ["brief"]


@pytest.mark.parametrize(
    ("fmt", "heading"),
    [
        ("terminal", "Not cross-checked (1)"),
        ("md", "## Not cross-checked"),
        ("html", "<h2>Not cross-checked"),
    ],
)
def test_every_report_format_titles_a_failed_brief_not_cross_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, heading: str
) -> None:
    """The story was analysed and grouped; only its cross-check failed, so the report must
    not call it "Not analysed"."""
    broken = _break_one_story(monkeypatch)
    folder = write_corpus(tmp_path / "corpus")
    out = tmp_path / f"report.{fmt}"
    args = ["analyze", str(folder), "--db", str(tmp_path / "s.db"), "-f", fmt, "-o", str(out)]
    result = CliRunner().invoke(app, [*args, "--embeddings", "off"])
    assert result.exit_code == 1, result.output
    text = out.read_text(encoding="utf-8")
    assert heading in text and "Not analysed" not in text
    assert broken[0] in text


def test_the_heading_names_both_when_articles_and_briefs_failed() -> None:
    article = {"source": "a.txt", "stage": "quantities", "error": "ValueError: x"}
    brief = {"source": "story s1", "stage": "brief", "error": "RuntimeError: y"}
    assert failures_heading([article]) == "Not analysed"
    assert failures_heading([brief]) == "Not cross-checked"
    assert failures_heading([article, brief]) == "Not analysed or not cross-checked"
