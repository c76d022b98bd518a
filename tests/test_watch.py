"""Watching feeds: only new entries are ingested, conditional GET, back-off, spacing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import MalformedInput
from newsprism.ingest.watch import Spacer, Watcher, WatchOptions, feeds_of, pause_after
from newsprism.store import Store
from tests.builders import rss_feed
from tests.conftest import BODY

runner = CliRunner()

ENTRIES = [
    {
        "title": "Tessel closes its old ferry pier",
        "link": "https://coastal.example/pier",
        "body": BODY,
        "pubDate": "Tue, 03 Mar 2026 10:00:00 +0100",
    },
    {
        "title": "Ridge council delays its bridge vote",
        "link": "https://coastal.example/bridge",
        "body": (
            "The council of Ridge postponed its vote on the new footbridge to next month, "
            "after 214 residents signed a petition against the design.\n\n"
            "\u201cWe owe people a proper hearing,\u201d said the mayor, Petra Lund, at the "
            "meeting on Monday evening."
        ),
        "pubDate": "Tue, 03 Mar 2026 12:00:00 +0100",
    },
]
LATER = {
    "title": "Ferry passengers move to the north quay",
    "link": "https://coastal.example/quay",
    "body": BODY.replace("voted on Tuesday", "confirmed on Wednesday"),
    "pubDate": "Wed, 04 Mar 2026 09:00:00 +0100",
}


def watch(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["watch", *args, "--embeddings", "off"])
    return result.exit_code, result.stdout, result.stderr


def test_watch_once_ingests_only_what_is_new(tmp_path: Path) -> None:
    feed = tmp_path / "feeds" / "coastal.xml"
    feed.parent.mkdir()
    feed.write_bytes(rss_feed(ENTRIES))
    db = str(tmp_path / "watch.db")

    code, stdout, stderr = watch(str(feed), "--once", "--db", db)
    assert code == 0, stderr
    assert stdout.count("new story") == 2
    with Store(db) as store:
        assert store.count_articles() == 2

    feed.write_bytes(rss_feed([*ENTRIES, LATER]))
    code, stdout, stderr = watch(str(feed), "--once", "--db", db)
    assert code == 0, stderr
    lines = [line for line in stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and "+1 article" in lines[0]
    with Store(db) as store:
        assert store.count_articles() == 3
        state = store.feed_state(str(feed))
        assert state is not None
        assert store.seen_entries(str(feed), [e["link"] for e in [*ENTRIES, LATER]]) == {
            e["link"] for e in [*ENTRIES, LATER]
        }

    code, stdout, _ = watch(str(feed), "--once", "--db", db)
    assert code == 0 and stdout.strip() == ""


def test_opml_lists_feeds_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(rss_feed(ENTRIES[:1]))
    (tmp_path / "b.xml").write_bytes(rss_feed(ENTRIES[1:], channel="Ridge Post"))
    opml = tmp_path / "subscriptions.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>feeds</title></head><body>'
        '<outline text="news"><outline type="rss" text="A" xmlUrl="a.xml"/>'
        '<outline type="rss" text="B" xmlUrl="b.xml"/>'
        '<outline type="rss" text="C" xmlUrl="https://example.org/c.rss"/></outline>'
        "</body></opml>",
        encoding="utf-8",
    )
    assert feeds_of([str(opml)]) == [
        str(tmp_path / "a.xml"),
        str(tmp_path / "b.xml"),
        "https://example.org/c.rss",
    ]
    with pytest.raises(MalformedInput, match="no such feed file"):
        feeds_of([str(tmp_path / "missing.opml")])


@dataclass
class FeedServer:
    base: str
    body: bytes
    etag: str = '"v1"'
    modified: str = "Tue, 03 Mar 2026 10:00:00 GMT"
    status: int = 200
    requests: list[dict[str, str]] = field(default_factory=list)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A feed on 127.0.0.1 that answers 304 to a request carrying its current ETag."""
    served = FeedServer("", rss_feed(ENTRIES))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requests.append(dict(self.headers.items()))
            if served.status != 200:
                self.send_error(served.status)
                return
            if self.headers.get("If-None-Match") == served.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", served.etag)
            self.send_header("Last-Modified", served.modified)
            self.send_header("Content-Length", str(len(served.body)))
            self.end_headers()
            self.wfile.write(served.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    served.base = f"http://127.0.0.1:{server.server_port}"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


def test_conditional_get_gets_a_304_and_reads_nothing(
    feed_server: FeedServer, store: Store
) -> None:
    url = feed_server.base + "/feed.xml"
    watcher = Watcher(store, WatchOptions(host_delay=0))
    try:
        first = watcher.poll_feed(url)
        assert first.status == "new" and len(first.articles) == 2
        second = watcher.poll_feed(url)
    finally:
        watcher.close()
    assert second.status == "unchanged" and second.articles == []
    sent = feed_server.requests
    assert "If-None-Match" not in sent[0]
    assert sent[1]["If-None-Match"] == '"v1"'
    assert sent[1]["If-Modified-Since"] == feed_server.modified
    assert all(r["User-Agent"].startswith("newsprism/") for r in sent)
    state = store.feed_state(url)
    assert state is not None and state.etag == '"v1"' and state.failures == 0


def test_a_failing_feed_backs_off(feed_server: FeedServer, store: Store) -> None:
    url = feed_server.base + "/feed.xml"
    feed_server.status = 503
    clock = [datetime(2026, 3, 3, 12, 0, tzinfo=UTC)]
    options = WatchOptions(every=timedelta(minutes=10), host_delay=0)
    watcher = Watcher(store, options, now=lambda: clock[0])
    try:
        assert watcher.poll_feed(url).status == "failed"
        asked = len(feed_server.requests)
        assert watcher.poll_feed(url).status == "waiting"
        assert len(feed_server.requests) == asked  # no request while backing off
        clock[0] += timedelta(minutes=11)
        assert watcher.poll_feed(url).status == "failed"
        state = store.feed_state(url)
        assert state is not None and state.failures == 2
        assert state.retry_at == clock[0] + timedelta(minutes=20)  # doubled
        feed_server.status = 200
        clock[0] += timedelta(minutes=21)
        assert watcher.poll_feed(url).status == "new"
    finally:
        watcher.close()
    state = store.feed_state(url)
    assert state is not None and state.failures == 0 and state.retry_at is None


def test_requests_to_one_host_are_spaced() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    spacer = Spacer(2.0, clock=lambda: now[0], sleep=sleep)
    spacer.wait("https://a.example/feed")
    spacer.wait("https://b.example/feed")  # another host: no wait
    now[0] += 0.5
    spacer.wait("https://a.example/other")
    assert slept == [pytest.approx(1.5)]


def test_rounds_keep_their_interval() -> None:
    every = timedelta(seconds=60)
    assert pause_after(100.0, every, clock=lambda: 110.0) == 50.0
    assert pause_after(100.0, every, clock=lambda: 230.0) == 0.0  # a slow round: no pause


def test_bad_every_is_a_usage_error(tmp_path: Path) -> None:
    feed = tmp_path / "f.xml"
    feed.write_bytes(rss_feed(ENTRIES[:1]))
    code, _, stderr = watch(str(feed), "--every", "soon", "--once", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "--every" in stderr
