"""The public Python API: Workspace, records' to_dict, Brief DataFrames, errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsprism
from newsprism import Workspace
from newsprism.errors import AmbiguousId, NewsprismError, NotFound
from newsprism.export import COLUMNS
from newsprism.flow import AnalyzeRun
from newsprism.model import Brief, Record, Story
from tests.mini_corpus import write_corpus


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, AnalyzeRun]]:
    folder = tmp_path_factory.mktemp("ws")
    with Workspace(folder / "ws.db", embeddings="off") as ws:
        yield ws, ws.analyze(write_corpus(folder / "in"))


def pier_story(ws: Workspace) -> Story:
    return next(s for s in ws.stories() if len(s.articles) == 2)


def test_analyze_reads_groups_and_cross_checks(analysed: tuple[Workspace, AnalyzeRun]) -> None:
    _, run = analysed
    assert run.report.ok and len(run.articles) == 3
    assert sorted(len(s.articles) for s in run.stories) == [1, 2]
    assert {b.story.id for b in run.briefs} == {s.id for s in run.stories}
    report = run.to_dict()
    assert report["schema_version"] == "1" and len(report["stories"]) == 2
    json.dumps(report)


def test_stories_story_and_brief(analysed: tuple[Workspace, AnalyzeRun]) -> None:
    ws, _ = analysed
    story = pier_story(ws)
    assert ws.story(story.id[:6]) == story
    brief = ws.brief(story.id)
    assert isinstance(brief, Brief) and brief.story.id == story.id
    passengers = next(f for f in brief.facts if f.about == "passenger")
    assert passengers.status == "differ"
    assert sorted(v.value for v in passengers.values) == [400, 450]
    assert [a.id for a in ws.articles(story.id)] == list(story.articles)


def test_every_record_has_to_dict(analysed: tuple[Workspace, AnalyzeRun]) -> None:
    ws, run = analysed
    brief = ws.brief(pier_story(ws).id)
    records: list[Record] = [brief, brief.story, *brief.facts, *brief.statements]
    records += [run.articles[0], ws.analysis(run.articles[0].id), *brief.discrepancies]
    for record in records:
        data = record.to_dict()
        assert isinstance(data, dict)
        json.dumps(data)
    assert brief.to_dict()["id"] == brief.story.id
    quote = ws.analysis(run.articles[0].id).quotes[0]
    assert quote.to_dict()["text"] == quote.text


def test_brief_frames(analysed: tuple[Workspace, AnalyzeRun]) -> None:
    pytest.importorskip("pandas")
    ws, _ = analysed
    brief = ws.brief(pier_story(ws).id)
    facts = brief.facts_frame()
    assert list(facts.columns) == list(COLUMNS["facts"])
    assert len(facts) == sum(len(f.values) for f in brief.facts)
    differ = facts[facts["status"] == "differ"]
    assert sorted(differ["value"]) == [400, 450]
    statements = brief.statements_frame()
    assert len(statements) == len(brief.statements)
    assert "Ilona Varga" in set(statements["speaker"])
    assert len(brief.quotes_frame()) == sum(len(s.variants) for s in brief.statements)
    assert len(brief.discrepancies_frame()) >= 2
    for frame in (brief.exclusives_frame(), brief.timeline_frame()):
        assert list(frame.columns)[:2] == ["story_id", "story"]


def test_lookup_errors_are_newsprism_errors(analysed: tuple[Workspace, AnalyzeRun]) -> None:
    ws, _ = analysed
    with pytest.raises(AmbiguousId, match="too short") as short:
        ws.story("s")
    assert isinstance(short.value, NewsprismError) and short.value.matches
    with pytest.raises(NotFound, match="no story with id 'szzzzzz'"):
        ws.brief("szzzzzz")
    with pytest.raises(NotFound, match="no article"):
        ws.article("ffffffffffff")


def test_ingest_reports_bad_and_empty_inputs(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with Workspace(tmp_path / "w.db") as ws:
        report = ws.ingest([tmp_path / "empty", tmp_path / "missing.txt"])
        assert ws.stories() == []
    reasons = {f.source: f.reason for f in report.failures}
    assert "no articles found" in reasons[str(tmp_path / "empty")]
    assert str(tmp_path / "missing.txt") in reasons


def test_workspace_is_the_package_export() -> None:
    assert newsprism.Workspace is Workspace
    assert "Workspace" in newsprism.__all__
    with pytest.raises(AttributeError):
        _ = newsprism.Nothing  # type: ignore[attr-defined]


def _dated_records(folder: Path) -> Path:
    body = (
        "The harbour board of Tessel met on {day} to discuss the new ferry timetable. "
        "Members agreed to add two evening crossings and to review fares in the spring. "
    ) * 3
    lines = [
        json.dumps({"title": f"Ferry board, {day}", "text": body.format(day=day),
                    "published": stamp, "outlet": "Tessel Post"})
        for day, stamp in [("10 February", "2026-02-10T09:00:00"),
                           ("5 March", "2026-03-05T09:00:00")]
    ]  # fmt: skip
    path = folder / "dated.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_articles_since_and_until_take_iso_strings_and_dates(tmp_path: Path) -> None:
    """A Python user filters as the CLI's --since does: an ISO string or a date, naive
    times read as UTC; a bad value is a clear error naming the filter."""
    from datetime import date, datetime

    with Workspace(tmp_path / "d.db", embeddings="off") as ws:
        ws.ingest(_dated_records(tmp_path))
        march = ["Ferry board, 5 March"]
        assert [a.title for a in ws.articles(since="2026-03-01")] == march
        assert [a.title for a in ws.articles(since=date(2026, 3, 1))] == march
        assert [a.title for a in ws.articles(until=datetime(2026, 3, 1))] == [
            "Ferry board, 10 February"
        ]
        with pytest.raises(ValueError, match="since: expected an ISO date"):
            ws.articles(since="first of March")
        with pytest.raises(TypeError, match="until: expected a datetime"):
            ws.articles(until=20260301)
