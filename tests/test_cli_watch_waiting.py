"""``watch --once`` (cron) with a feed backing off after a failure: the feed is not
polled, and that is said in one line and counted as failed. The run printed nothing and
exited 0 while the feed kept failing."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app


def test_a_feed_backing_off_is_said_and_fails_the_run(tmp_path: Path) -> None:
    feed = tmp_path / "broken.rss"
    feed.write_text('<?xml version="1.0"?><rss><channel><title>F</title><item>', encoding="utf-8")
    args = ["watch", "--once", "--db", str(tmp_path / "w.db"), "--embeddings", "off", str(feed)]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 1 and "malformed feed XML" in first.stderr
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 1, second.output
    lines = second.stderr.splitlines()
    assert lines[0].startswith(f"failed: {feed}: not polled: backing off after its last failure")
    assert "malformed feed XML" in lines[0] and "; next try at 20" in lines[0]
    assert lines[1].endswith("watch: 1 failed (1 feed still backing off)")
