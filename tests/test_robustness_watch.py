"""``newsprism watch`` when part of a round fails: the rest is still read, every failure
is one line naming its feed, entry or article, the round says how many failed, and the
exit status is 1 (it was 0 when only entries or analyses failed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import newsprism.analyze.analyzer as analyzer_module
import newsprism.flow as flow_module
import newsprism.ingest.watch as watch_module
from newsprism.cli import app
from newsprism.errors import StoreError
from newsprism.ingest.watch import Watcher, WatchOptions, backoff, plan_feeds
from newsprism.model import IngestFailure
from newsprism.store import FeedState, Store
from tests.builders import rss_feed
from tests.conftest import BODY, LocalServer, Route

runner = CliRunner()

GOOD = {"title": "Tessel closes its old ferry pier", "link": "https://coastal.example/pier"}


def _feed(tmp_path: Path, *entries: dict[str, str]) -> Path:
    feed = tmp_path / "coastal.xml"
    feed.write_bytes(rss_feed([{"body": BODY, **e} for e in entries]))
    return feed


def _watch(db: Path, *feeds: str) -> Any:
    args = ["watch", *feeds, "--once", "--db", str(db), "--embeddings", "off"]
    return runner.invoke(app, args)


def test_a_failed_entry_makes_the_round_fail_and_is_counted(tmp_path: Path) -> None:
    empty = {"title": "Nothing here", "link": "https://coastal.example/empty", "body": " "}
    result = _watch(tmp_path / "w.db", str(_feed(tmp_path, GOOD, empty)))
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert any(line.startswith("failed: ") and "coastal.example/empty" in line for line in lines)
    assert lines[-1].endswith("watch: 1 failed (1 entry)")
    assert "new story" in result.stdout  # the good entry was still read and grouped
    with Store(tmp_path / "w.db") as store:
        assert store.count_articles() == 1


def test_an_article_whose_analysis_fails_makes_the_round_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: Any) -> Any:
        raise ValueError("cannot read the numbers")

    monkeypatch.setattr(analyzer_module, "extract_quantities", explode)
    result = _watch(tmp_path / "w.db", str(_feed(tmp_path, GOOD)))
    assert result.exit_code == 1, result.output
    assert "coastal.xml: analysis failed at quantities (ValueError: cannot read" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("watch: 1 failed (1 article not analysed)")
    # Reported once: the next run does not take it up again as left behind.
    again = _watch(tmp_path / "w.db", str(tmp_path / "coastal.xml"))
    assert again.exit_code == 0 and again.stderr.strip() == "", again.output


def test_an_opml_lists_unsupported_outlines_are_counted_as_addresses_not_lists(
    tmp_path: Path,
) -> None:
    # Review s35 r2 L1: a list read fine whose two outlines name ftp:// addresses ended
    # "watch: 2 failed (2 feed lists)", as if the list could not be read.
    feed = _feed(tmp_path, GOOD)
    outlines = (
        '<outline xmlUrl="ftp://files.example/tide"/><outline xmlUrl="sftp://files.example/pier"/>'
        f'<outline xmlUrl="{feed.name}"/>'
    )
    listed = tmp_path / "coast.opml"
    listed.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>',
        encoding="utf-8",
    )
    result = _watch(tmp_path / "w.db", str(listed))
    assert result.exit_code == 1, result.output
    assert "failed: ftp://files.example/tide: unsupported URL scheme 'ftp'" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("watch: 2 failed (2 unsupported addresses)")
    assert "new story" in result.stdout


def test_a_missing_feed_list_fails_alone_and_the_other_feeds_are_watched(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.opml")
    broken = tmp_path / "broken.opml"
    broken.write_text("<opml><body><outline xmlUrl=", encoding="utf-8")
    result = _watch(tmp_path / "w.db", missing, str(broken), str(_feed(tmp_path, GOOD)))
    assert result.exit_code == 1, result.output
    assert f"failed: {missing}: no such feed file or OPML list" in result.stderr
    assert f"failed: {broken}: malformed OPML" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("watch: 2 failed (2 feed lists)")
    assert "new story" in result.stdout
    only_missing = _watch(tmp_path / "w.db", missing)
    assert only_missing.exit_code == 1
    assert only_missing.stderr.splitlines()[-1] == (
        "error: no feed to watch (no feed file, URL or OPML list given could be read)"
    )


def test_articles_a_stopped_watch_read_but_never_grouped_are_grouped_next_time(
    tmp_path: Path,
) -> None:
    # A watch stopped (Ctrl-C, killed) after reading a feed and before grouping: its
    # entries were marked read, so the next round skipped them and they never joined a
    # story.
    feed, db = _feed(tmp_path, GOOD), tmp_path / "w.db"
    with Store(db) as store:
        watcher = Watcher(store)
        assert [r.status for r in watcher.poll([str(feed)])] == ["new"]
        watcher.close()
        assert store.count_stories() == 0
    result = _watch(db, str(feed))
    assert result.exit_code == 0, result.output
    assert "new story" in result.stdout
    with Store(db) as store:
        assert store.count_stories() == 1 and store.ungrouped_feed_articles() == []
    again = _watch(db, str(feed))
    assert again.exit_code == 0 and again.stdout.strip() == ""


def test_a_feed_failing_for_weeks_backs_off_at_the_cap_without_overflow(tmp_path: Path) -> None:
    # About 40 failures in a row made every * 2**39 overflow timedelta: from then on
    # each round ended in an OverflowError before the other feeds were polled.
    every, cap = timedelta(minutes=15), timedelta(hours=6)
    assert [backoff(every, n, cap) for n in (1, 2, 3)] == [every, every * 2, every * 4]
    assert backoff(every, 10_000, cap) == cap
    gone = str(tmp_path / "gone.xml")
    now = datetime(2026, 3, 3, tzinfo=UTC)
    with Store(tmp_path / "w.db") as store:
        store.save_feed(FeedState(gone, failures=500))
        watcher = Watcher(store, WatchOptions(every=every, max_backoff=cap), now=lambda: now)
        assert [r.status for r in watcher.poll([gone])] == ["failed"]
        watcher.close()
        state = store.feed_state(gone)
    assert state is not None and (state.failures, state.retry_at) == (501, now + cap)


def test_an_interval_that_is_no_number_or_too_long_is_a_usage_error(tmp_path: Path) -> None:
    for every in ("inf", "nan", "1e308", "99999999999d"):
        result = _watch(tmp_path / "w.db", str(_feed(tmp_path, GOOD)), "--every", every)
        assert result.exit_code == 2, (every, result.output)
        assert result.stderr.startswith("error: --every:")


def test_a_feed_whose_poll_raises_fails_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = watch_module.read_feed_entries

    def read_feed_entries(data: bytes, source: str, *args: Any) -> Any:
        if source.endswith("bad.xml"):
            raise ValueError("a reader bug")
        return real(data, source, *args)

    monkeypatch.setattr(watch_module, "read_feed_entries", read_feed_entries)
    bad = tmp_path / "bad.xml"
    bad.write_bytes(rss_feed([{**GOOD, "body": BODY}]))
    result = _watch(tmp_path / "w.db", str(bad), str(_feed(tmp_path, GOOD)))
    assert result.exit_code == 1, result.output
    assert f"failed: {bad}: ValueError: a reader bug" in result.stderr
    assert "new story" in result.stdout  # the other feed was still polled


def test_a_round_whose_store_fails_is_one_line_and_the_next_one_picks_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError("news.db: the store is locked by another command")

    feed, db = str(_feed(tmp_path, GOOD)), tmp_path / "w.db"
    monkeypatch.setattr(flow_module, "analyze_articles", locked)
    result = _watch(db, feed)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        "failed: this round: news.db: the store is locked by another command"
    ]
    monkeypatch.undo()
    again = _watch(db, feed)  # the entry is read; its article is grouped now
    assert again.exit_code == 0 and "new story" in again.stdout


def test_a_linked_page_over_the_size_limit_is_not_read_whole(
    tmp_path: Path, http_server: LocalServer
) -> None:
    # --fetch-links read each linked page with a plain get(), buffering any size.
    huge = "<html><body><article><p>" + "Pier news. " * 2000 + "</p></article></body></html>"
    http_server.routes["/huge"] = Route(huge.encode())
    entry = {**GOOD, "link": http_server.url("/huge"), "body": BODY}
    feed = tmp_path / "linked.xml"
    feed.write_bytes(rss_feed([entry]))
    with Store(tmp_path / "w.db") as store:
        options = WatchOptions(fetch_links=True, max_bytes=5_000, host_delay=0)
        watcher = Watcher(store, options)
        (result,) = watcher.poll([str(feed)])
        watcher.close()
    assert result.status == "new" and len(result.articles) == 1
    assert "Pier news." not in result.articles[0].text  # the feed's own text instead
    assert "harbour board of Tessel" in result.articles[0].text


def test_a_local_feed_file_is_read_within_the_size_limit(tmp_path: Path) -> None:
    feed = _feed(tmp_path, GOOD)
    with Store(tmp_path / "w.db") as store:
        watcher = Watcher(store, WatchOptions(max_bytes=500))
        (result,) = watcher.poll([str(feed)])
        watcher.close()
    assert result.status == "failed"
    assert result.error is not None and "is over the size limit of 500 bytes" in result.error


def test_an_opml_list_over_the_size_limit_is_one_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watch_module, "DEFAULT_MAX_BYTES", 200)
    opml = tmp_path / "subs.opml"
    outlines = "".join(f'<outline xmlUrl="https://f{n}.example/rss"/>' for n in range(20))
    opml.write_text(f"<opml><body>{outlines}</body></opml>", encoding="utf-8")
    feed = _feed(tmp_path, GOOD)
    assert plan_feeds([str(opml), str(feed)]) == (
        [str(feed)],
        [IngestFailure(str(opml), "an OPML list over 200 bytes")],
    )
