"""A feed that fails is one line on stderr, with when it is tried again: the watcher also
logged each failure as a warning, so every failed feed printed two lines."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from newsprism.ingest.watch import Watcher, WatchOptions
from newsprism.store import Store


def test_a_failed_feed_logs_no_warning_and_says_when_it_is_retried(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "broken.rss"
    broken.write_text("<rss><channel><item><title>x</title>", encoding="utf-8")
    missing = str(tmp_path / "missing.rss")
    with Store(tmp_path / "w.db") as store, caplog.at_level(logging.INFO):
        watcher = Watcher(store, WatchOptions())
        try:
            results = watcher.poll([str(broken), missing])
        finally:
            watcher.close()
        state = store.feed_state(missing)
    assert [r.status for r in results] == ["failed", "failed"]
    for result in results:
        assert result.error is not None
        assert result.error.endswith("(failure 1; next try in 0:15:00)")
    assert state is not None and state.last_error == "cannot read (No such file or directory)"
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_a_folder_given_as_a_feed_is_named_a_folder(tmp_path: Path) -> None:
    from newsprism.ingest.watch import plan_feeds

    feeds, failures = plan_feeds([str(tmp_path), str(tmp_path / "nope.rss")])
    assert feeds == []
    assert [f.reason for f in failures] == [
        "a folder, not a feed file or OPML list (name the files)",
        "no such feed file or OPML list",
    ]
