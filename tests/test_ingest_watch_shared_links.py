"""Feed entries that share a link (a live page's updates, a feed linking every entry to
its front page) are each read by ``watch``: keyed by link alone, the last one replaced
the others and only it was stored, without a word."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from newsprism.ingest import watch
from newsprism.ingest.watch import Watcher, WatchOptions
from newsprism.model import RawDocument
from newsprism.store import FeedState, Store
from tests.builders import rss_feed
from tests.conftest import BODY, LocalServer, Route

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
    keyed = watch.keyed_entries([(None, d) for d in (first, again, other, alone)])
    assert list(keyed.values()) == [first, other, alone]
    assert all(key.startswith(LIVE + " ") for key in list(keyed)[:2])  # link and title
    assert list(keyed)[2].startswith("https://coastal.example/a sha256:")  # untitled


def test_entries_are_keyed_by_their_guid_else_link_and_title_else_text() -> None:
    one = RawDocument(source="f", body="Update one.", url=LIVE, title="Live")
    two = RawDocument(source="f", body="Update two.", url=LIVE, title="Live")
    keyed = watch.keyed_entries([("g-1", one), ("g-2", two)])
    assert list(keyed) == ["g-1", "g-2"]
    # Without ids, one title on one link: told apart by their text, both read.
    keyed = watch.keyed_entries([(None, one), (None, two)])
    assert len(keyed) == 2 and all(" sha256:" in key for key in keyed)
    # An id two entries give (a broken feed) is no id: they are told apart as without.
    keyed = watch.keyed_entries([("g", one), ("g", replace(two, title="Live 2"))])
    assert len(keyed) == 2 and all(" title:" in key for key in keyed)


def _guid_feed(entries: list[dict[str, str]]) -> bytes:
    """An RSS feed whose items carry a ``guid`` (not a permalink) and their own text."""
    items = "".join(
        f"<item><title>{escape(e['title'])}</title><link>{e['link']}</link>"
        f'<guid isPermaLink="false">{e["guid"]}</guid>'
        f"<description>{escape(e['body'])}</description></item>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Coastal Wire Radio</title><link>https://coastal.example/</link>{items}"
        "</channel></rss>"
    ).encode()


def _edited(entry: dict[str, str]) -> dict[str, str]:
    return {**entry, "body": entry["body"] + "\n\nUpdated at 14:10 with the harbour's reply."}


def test_entries_sharing_a_link_are_read_from_the_feed_not_fetched(
    tmp_path: Path, http_server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    # With --fetch-links each of them fetched the one front page: N requests, N copies of
    # the page under N ids, and every entry's own text lost.
    front = "<html><body><article><p>" + "Front page news of the day. " * 40 + "</p>"
    http_server.routes["/front"] = Route((front + "</article></body></html>").encode())
    http_server.routes["/quay"] = Route(
        f"<html><body><article><p>{THIRD['body']}</p></article></body></html>".encode()
    )
    link = http_server.url("/front")
    own = {**THIRD, "link": http_server.url("/quay"), "body": "Short teaser."}
    feed = tmp_path / "front.xml"
    fronted = [{**FIRST, "link": link}, {**SECOND, "link": link}]
    feed.write_bytes(rss_feed([*fronted, own]))
    with Store(tmp_path / "w.db") as store, caplog.at_level(logging.INFO, watch.__name__):
        watcher = Watcher(store, WatchOptions(fetch_links=True, host_delay=0))
        try:
            (result,) = watcher.poll([str(feed)])
            # A later entry linking the front page among the old ones: its text alone.
            later = {**FIRST, "title": "Tessel pier works begin", "link": link}
            later["body"] = later["body"].replace("voted on Tuesday", "began on Friday")
            feed.write_bytes(rss_feed([later, *fronted, own]))
            (again,) = watcher.poll([str(feed)])
        finally:
            watcher.close()
    assert [a.title for a in again.articles] == [later["title"]]
    assert "began on Friday" in again.articles[0].text
    assert http_server.hits.get("/front", 0) == 0
    assert http_server.hits.get("/quay") == 1  # an entry alone with its link: fetched
    texts = [a.text for a in result.articles]
    assert len(texts) == 3 and not any("Front page news" in t for t in texts)
    assert "harbour board of Tessel" in texts[0] and "footbridge" in texts[1]
    assert "harbour board of Marrow" in texts[2]  # the fetched page, not the teaser
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    assert any(f"2 entries share the link {link}; the 2 new" in line for line in said), said
    assert any(f"3 entries share the link {link}; the 1 new" in line for line in said), said


def test_an_edited_entry_with_a_guid_is_not_read_again(tmp_path: Path) -> None:
    first = {**FIRST, "guid": "live-1"}
    second = {**SECOND, "guid": "live-2"}
    feed = tmp_path / "live.xml"
    feed.write_bytes(_guid_feed([first, second]))
    with Store(tmp_path / "w.db") as store:
        assert _poll(store, feed) == [FIRST["title"], SECOND["title"]]
        edited = {**_edited(first), "title": "Tessel closes its old ferry pier (updated)"}
        feed.write_bytes(_guid_feed([edited, second]))
        assert _poll(store, feed) == []
        assert store.count_articles() == 2


def test_an_edited_entry_without_a_guid_is_not_read_again(tmp_path: Path) -> None:
    feed = tmp_path / "live.xml"
    feed.write_bytes(rss_feed([FIRST, SECOND]))
    with Store(tmp_path / "w.db") as store:
        _poll(store, feed)
        feed.write_bytes(rss_feed([_edited(FIRST), _edited(SECOND), THIRD]))
        assert _poll(store, feed) == [THIRD["title"]]
        assert store.count_articles() == 3


def test_a_new_entry_left_alone_with_a_shared_link_is_read(tmp_path: Path) -> None:
    # The link alone was marked read, so the live page's next update, the only entry in
    # a feed that keeps one, was taken for an entry read before and lost.
    feed = tmp_path / "live.xml"
    guids = [{**FIRST, "guid": "live-1"}, {**SECOND, "guid": "live-2"}]
    feed.write_bytes(_guid_feed(guids))
    with Store(tmp_path / "w.db") as store:
        _poll(store, feed)
        feed.write_bytes(_guid_feed([{**THIRD, "guid": "live-3"}]))
        assert _poll(store, feed) == [THIRD["title"]]


def test_a_new_headline_on_an_article_alone_with_its_link_is_an_edit(tmp_path: Path) -> None:
    feed = tmp_path / "news.xml"
    pier = {**FIRST, "link": "https://coastal.example/pier"}
    feed.write_bytes(rss_feed([pier]))
    with Store(tmp_path / "w.db") as store:
        _poll(store, feed)
        feed.write_bytes(rss_feed([{**pier, "title": "Tessel pier shut for eleven weeks"}]))
        assert _poll(store, feed) == []
        assert store.count_articles() == 1


def test_entries_without_ids_read_under_their_link_still_count_as_read(tmp_path: Path) -> None:
    # What a store written before entry ids and titles holds: each entry's link alone.
    # An entry without an id is still known by it; one with an id is known by its id
    # only (a link marked by an earlier entry must not hide a live page's later update),
    # so it is read once more after the upgrade: the same text is then a duplicate.
    feed = tmp_path / "news.xml"
    pier = {**FIRST, "guid": "pier-1", "link": "https://coastal.example/pier"}
    bridge = {**SECOND, "link": "https://coastal.example/bridge"}
    with Store(tmp_path / "w.db") as store:
        store.save_feed(FeedState(str(feed)), [(pier["link"], None), (bridge["link"], None)])
        feed.write_bytes(rss_feed([pier, bridge]))
        assert _poll(store, feed) == []
        feed.write_bytes(_guid_feed([pier, {**bridge, "guid": "bridge-1"}]))
        assert _poll(store, feed) == [FIRST["title"], SECOND["title"]]


def test_an_entry_with_a_guid_is_read_though_an_earlier_entry_marked_its_link(
    tmp_path: Path,
) -> None:
    feed = tmp_path / "live.xml"
    feed.write_bytes(rss_feed([FIRST]))  # no guid: marked by its link too
    with Store(tmp_path / "w.db") as store:
        assert _poll(store, feed) == [FIRST["title"]]
        feed.write_bytes(_guid_feed([{**SECOND, "guid": "update-2"}]))
        assert _poll(store, feed) == [SECOND["title"]]
        assert store.count_articles() == 2
