"""Feed entries that share a link (a live page's updates, a feed linking every entry to
its front page) are each read by ``watch``: keyed by link alone, the last one replaced
the others and only it was stored, without a word."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest import watch
from newsprism.ingest.watch import Watcher, WatchOptions
from newsprism.model import RawDocument
from newsprism.store import Store
from tests.builders import rss_feed
from tests.conftest import BODY

LIVE = "https://coastal.example/live"
FIRST = {"title": "Tessel closes its old ferry pier", "link": LIVE, "body": BODY}
SECOND = {
    "title": "Ridge council delays its bridge vote",
    "link": LIVE,
    "body": (
        "The council of Ridge postponed its vote on the new footbridge to next month, "
        "after 214 residents signed a petition against the design.\n\n"
        "The mayor, Petra Lund, promised a second hearing at the meeting on Monday evening."
    ),
}
THIRD = {
    "title": "Tessel ferry passengers move to the north quay",
    "link": LIVE,
    "body": BODY.replace("Tessel", "Marrow"),
}


def _poll(store: Store, feed: Path) -> list[str]:
    watcher = Watcher(store, WatchOptions())
    try:
        (result,) = watcher.poll([str(feed)])
    finally:
        watcher.close()
    assert result.status == "new", result
    return [a.title or "" for a in result.articles]


def test_entries_sharing_a_link_are_all_read_once(tmp_path: Path) -> None:
    feed = tmp_path / "live.xml"
    feed.write_bytes(rss_feed([FIRST, SECOND]))
    with Store(tmp_path / "w.db") as store:
        assert _poll(store, feed) == [FIRST["title"], SECOND["title"]]
        assert store.count_articles() == 2
        feed.write_bytes(rss_feed([SECOND, THIRD, FIRST]))  # a new update among the old
        assert _poll(store, feed) == [THIRD["title"]]
        assert store.count_articles() == 3


def test_an_entry_left_alone_with_a_shared_link_counts_as_read(tmp_path: Path) -> None:
    feed = tmp_path / "live.xml"
    feed.write_bytes(rss_feed([FIRST, SECOND]))
    with Store(tmp_path / "w.db") as store:
        _poll(store, feed)
        feed.write_bytes(rss_feed([SECOND]))
        assert _poll(store, feed) == []
        assert store.count_articles() == 2


def test_a_word_for_word_repeat_is_one_entry_the_first() -> None:
    first = RawDocument(source="f", body="Text one.", url=LIVE, title="One")
    again = RawDocument(source="f", body="Text one.", url=LIVE, title="One")
    other = RawDocument(source="f", body="Text two.", url=LIVE, title="Two")
    alone = RawDocument(source="f", body="Text three.", url="https://coastal.example/a")
    keyed = watch.keyed_entries([first, again, other, alone])
    assert list(keyed.values()) == [first, other, alone]
    assert "https://coastal.example/a" in keyed
    assert all(" sha256:" in key for key in keyed if key.startswith(LIVE))
