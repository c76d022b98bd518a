"""An article so long that analysing it takes minutes is told in one warning line naming
its file when it is stored (a 2.6 MB text of one line sat at "analysing 0/1" for 3.6
minutes without a word, as if hung). The threshold is lowered here so the test stays
small; bench/one_line.py measures the real rate."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import pipeline

runner = CliRunner()

_SENTENCE = "The Tessel ferry resumed on Tuesday after a week of repairs, the operator said. "


def test_a_very_long_one_line_article_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "LONG_ARTICLE_CHARS", 2_000)
    monkeypatch.setattr(pipeline, "ANALYSED_CHARS_PER_MINUTE", 1_000)
    text = (_SENTENCE * 40).strip()
    long_file = tmp_path / "one line.txt"
    long_file.write_text(text, encoding="utf-8")
    short_file = tmp_path / "short.txt"
    short_file.write_text(_SENTENCE * 3, encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", str(long_file), str(short_file), "--db", str(tmp_path / "n.db")]
    )
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {long_file}: a very long article ({len(text):,} characters, one line):"
        " analysing it takes minutes (at least 3 on an idle machine)"
    ]


def test_an_article_under_the_threshold_says_nothing(tmp_path: Path) -> None:
    article = tmp_path / "ferry.txt"
    article.write_text((_SENTENCE * 30 + "\n\n") * 4, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr


def _marking_the_analysis_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """``analyze_run`` writes a marker line to stderr as it starts, so the test reads
    which came first: the warning or the analysis."""
    import sys

    from newsprism.analyze import batch

    real = batch.analyze_run

    def marked(*args: object, **kwargs: object) -> batch.AnalysisRun:
        print("[analysis starts]", file=sys.stderr)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "analyze_run", marked)


def _long_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(pipeline, "LONG_ARTICLE_CHARS", 2_000)
    long_file = tmp_path / "ferry.txt"
    long_file.write_text((_SENTENCE * 40).strip(), encoding="utf-8")
    return long_file


def _order(stderr: str) -> list[str]:
    """The warning lines and the first analysis marker (later stages look analyses up
    through ``analyze_run`` too), in the order printed."""
    kinds = [line.split(":")[0] for line in stderr.splitlines()]
    kinds = [kind for kind in kinds if kind in ("warning", "[analysis starts]")]
    first = kinds.index("[analysis starts]") if "[analysis starts]" in kinds else len(kinds)
    return [kind for i, kind in enumerate(kinds) if kind == "warning" or i == first]


def test_analyze_tells_a_long_article_before_analysing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warning of ``analyze`` came after the whole analysis it warned of."""
    long_file = _long_file(tmp_path, monkeypatch)
    _marking_the_analysis_start(monkeypatch)
    db = str(tmp_path / "n.db")
    result = runner.invoke(app, ["analyze", str(long_file), "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert _order(result.stderr) == ["warning", "[analysis starts]"]
    assert "a very long article" in result.stderr


def test_analyze_tells_a_long_article_ingest_stored_earlier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``ingest`` then ``analyze``: the article is a stored duplicate for ``analyze``,
    which said nothing before the minutes of its analysis; once analysed, nothing."""
    long_file = _long_file(tmp_path, monkeypatch)
    db = str(tmp_path / "n.db")
    assert runner.invoke(app, ["ingest", str(long_file), "--db", db]).exit_code == 0
    _marking_the_analysis_start(monkeypatch)
    result = runner.invoke(app, ["analyze", str(long_file), "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert _order(result.stderr) == ["warning", "[analysis starts]"]
    again = runner.invoke(app, ["analyze", str(long_file), "--db", db, "--format", "json"])
    assert _order(again.stderr) == ["[analysis starts]"]
