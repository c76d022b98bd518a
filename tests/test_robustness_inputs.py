"""Crash hunt: invented inputs that once ended a whole run with a traceback (or stored
what a store cannot hold) now give one failure naming the input, and the rest of the
batch is still read and stored."""

from __future__ import annotations

import io
import json
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.batch import ingest
from newsprism.model import Article, IngestFailure
from newsprism.store import Store
from tests.builders import warc_file
from tests.conftest import BODY

Write = Callable[..., Path]

# 100,000 levels: far past Python's recursion limit, which the standard parser hits.
DEEP = "[" * 100_000 + "]" * 100_000
GOOD_LINE = json.dumps({"text": BODY, "outlet": "Coast Radio"})


def _read(path: Path) -> list[Article | IngestFailure]:
    return list(read_inputs([str(path)], IngestOptions()))


def test_a_json_file_nested_past_the_recursion_limit_is_one_failure(write: Write) -> None:
    items = _read(write("deep.json", DEEP))
    assert items == [IngestFailure(items[0].source, "invalid JSON (nested too deeply)")]


def test_a_deeply_nested_json_line_fails_alone_and_the_next_line_is_read(write: Write) -> None:
    items = _read(write("feed.jsonl", DEEP + "\n" + GOOD_LINE + "\n"))
    assert [type(i) for i in items] == [IngestFailure, Article]
    assert isinstance(items[0], IngestFailure)
    assert items[0].source.endswith("feed.jsonl:1")
    assert "nested too deeply" in items[0].reason


def test_a_json_number_too_long_for_int_is_one_failure(write: Write) -> None:
    items = _read(write("long.json", '{"text": "x y z", "n": ' + "9" * 5000 + "}"))
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
    assert items[0].reason == "invalid JSON (a number too long to read)"


def test_a_manifest_nested_too_deeply_is_reported_and_its_files_still_read(
    write: Write,
) -> None:
    write("inbox/newsprism.json", DEEP)
    write("inbox/a.txt", BODY)
    items = _read(write("inbox/a.txt", BODY).parent)
    failed = [i for i in items if isinstance(i, IngestFailure)]
    assert [f.reason for f in failed] == ["invalid JSON (nested too deeply)"]
    assert failed[0].source.endswith("newsprism.json")
    assert sum(isinstance(i, Article) for i in items) == 1


def test_lone_surrogates_and_controls_in_json_fields_are_stored(write: Write, store: Store) -> None:
    # JSON may escape half of a surrogate pair or a NUL; SQLite (UTF-8) cannot take the
    # first, and the store once raised on it, ending the batch with the good line unread.
    broken = json.dumps(
        {
            "text": BODY + " \ud83d",
            "title": "Pier \udc00 closes",
            "outlet": "Harbour\u0000 Herald",
            "byline": "\u0000",
        }
    )
    path = write("records.jsonl", broken + "\n" + GOOD_LINE.replace("Tessel", "Varde") + "\n")
    report = ingest(store, [str(path)], IngestOptions())
    assert report.failures == [] and len(report.added) == 2
    stored = {a.outlet: a for a in store.list_articles()}
    herald = stored["Harbour Herald"]
    assert herald.title == "Pier \ufffd closes"
    assert herald.byline is None
    assert "\ufffd" in herald.text


def test_the_ingest_api_answers_a_deeply_nested_json_body_with_400(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsprism.web import WebOptions, create_app

    db = tmp_path / "web.db"
    Store(db).close()
    app = create_app(db, WebOptions(embeddings="off", allowed_hosts=("testserver",)))
    with TestClient(app, raise_server_exceptions=False) as client:
        for body in (DEEP, '{"url": ' + "1" * 5000 + "}"):
            response = client.post(
                "/api/ingest", content=body, headers={"content-type": "application/json"}
            )
            assert response.status_code == 400, response.text
            assert response.json()["detail"].startswith("malformed JSON")


@pytest.mark.parametrize("gzip", [False, True])
def test_a_warc_cut_inside_a_record_reports_a_failure(write: Write, gzip: bool) -> None:
    # warcio ends quietly inside a record's headers or a non-HTML record: the pages
    # after such a cut were lost with no word (a 4-page WARC cut at 30%: 1 page read,
    # no failure). A cut only in the blank lines or gzip trailer after a whole record
    # loses nothing and may pass.
    html = f"<html><body><p>{BODY}</p></body></html>"
    whole = warc_file([(f"https://coast.example/{n}", html) for n in range(3)], gzip=gzip)
    records = ArchiveIterator(io.BytesIO(whole), arc2warc=True)
    boundaries = sorted({records.get_record_offset() for _ in records} | {len(whole)})
    for cut in range(1, len(whole), 41):
        items = _read(write(f"cut{cut}.warc", whole[:cut]))
        failed = [i for i in items if isinstance(i, IngestFailure)]
        record_end = next(b for b in boundaries if b >= cut)
        assert failed or record_end - cut <= 12, cut
        assert all("\n" not in f.reason for f in failed)


def _feed(*items: str) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>https://coast.example/{n}</link>"
        f"<description>{BODY} {extra}</description>{date}</item>"
        for n, (title, extra, date) in enumerate(i.split("|") for i in items)
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Coast</title>'
    return f"{head}{entries}</channel></rss>"


def test_a_character_reference_to_no_character_costs_only_itself(write: Write) -> None:
    # "&#xD800;" (half a surrogate pair) made feedparser raise UnicodeEncodeError and the
    # whole feed failed; it now reads as U+FFFD, like NUL's and out-of-range references.
    path = write("coast.rss", _feed("One|fine|", "Two|half &#xD800; nul &#0; far &#x110000;|"))
    items = _read(path)
    assert [type(i) for i in items] == [Article, Article]
    assert isinstance(items[1], Article)
    assert items[1].text.endswith("half \ufffd nul \ufffd far \ufffd")


def test_an_impossible_feed_date_is_no_date_not_a_rolled_over_one(write: Write) -> None:
    # feedparser rolls "30 February" over into 2 March, a day no one wrote.
    stamp = "<pubDate>2026-02-30T10:00:00Z</pubDate>"
    fine = "<pubDate>2026-03-03T10:00:00Z</pubDate>"
    items = _read(write("coast.rss", _feed(f"One|a|{stamp}", f"Two|b|{fine}")))
    assert [getattr(i, "published", None) for i in items] == [
        None,
        datetime(2026, 3, 3, 10, tzinfo=UTC),
    ]


def test_placeholder_publication_dates_are_left_out_and_the_batch_is_stored(
    write: Write, store: Store
) -> None:
    # "0001-01-01T00:00:00+05:00" overflowed converting to UTC in the store and ended the
    # batch; "9999-12-31" overflowed the story's timeline window in the cross-check.
    lines = [
        json.dumps({"text": f"{BODY} {n}", "published": stamp})
        for n, stamp in enumerate(["0001-01-01T00:00:00+05:00", "9999-12-31", "2026-03-03"])
    ]
    report = ingest(store, [str(write("dated.jsonl", "\n".join(lines)))], IngestOptions())
    assert report.failures == [] and len(report.added) == 3
    published = sorted(str(a.published) for a in store.list_articles())
    assert published == ["2026-03-03 00:00:00+00:00", "None", "None"]


def test_an_outlet_given_for_the_run_is_one_line_of_words(write: Write) -> None:
    path = write("a.txt", BODY)
    for given, outlet in [("  Coast\tRadio\n", "Coast Radio"), ("   ", "a"), ("x\x00y", "x y")]:
        items = list(read_inputs([str(path)], IngestOptions(outlet=given)))
        assert [getattr(i, "outlet", None) for i in items] == [outlet]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_a_failure_not_a_wait_for_ever(write: Write) -> None:
    article = write("inbox/a.txt", BODY)
    os.mkfifo(article.parent / "b.txt")
    found: list[Article | IngestFailure] = []
    reader = threading.Thread(target=lambda: found.extend(_read(article.parent)), daemon=True)
    reader.start()
    reader.join(timeout=20)  # opening the pipe blocked until something wrote to it
    assert not reader.is_alive()
    assert [type(i) for i in found] == [Article, IngestFailure]
    assert isinstance(found[1], IngestFailure)
    assert found[1].reason == "not a regular file (a pipe, socket or device)"


@pytest.mark.parametrize(
    "reference", ["&#x000000000D800;", "&#0000000000055296;", "&#99999999999;", "&#xFFFFFFFFF;"]
)
def test_a_character_reference_with_many_digits_costs_only_itself(
    write: Write, reference: str
) -> None:
    # Leading zeros hid a surrogate from a bounded pattern, and a reference past any
    # C int overflowed feedparser: either way the whole feed was lost.
    items = _read(write("coast.rss", _feed("One|fine|", f"Two|odd {reference}|")))
    assert [type(i) for i in items] == [Article, Article]
    assert isinstance(items[1], Article) and items[1].text.endswith("odd \ufffd")


def test_an_article_nested_300_elements_deep_is_read(write: Write) -> None:
    # libxml2 drops what lies past 256 nested elements, quietly: "no article text found".
    page = "<html><body>" + "<div>" * 300 + f"<p>{BODY}</p>" + "</div>" * 300 + "</body></html>"
    items = _read(write("deep.html", page))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert "eleven weeks" in items[0].text


def test_a_feed_entry_nested_300_elements_deep_is_read(write: Write) -> None:
    # The entry's HTML was parsed with libxml2's limit of 256 levels: "feed entry has no
    # text", the text lost, where the same markup as a page is read.
    inner = "The ferry to Varna sailed again at noon on Friday."
    deep = "&lt;div&gt;" * 300 + f"&lt;p&gt;{inner}&lt;/p&gt;" + "&lt;/div&gt;" * 300
    path = write("coast.rss", _feed(f"One|{deep}|", "Two|fine|"))
    items = _read(path)
    assert [type(i) for i in items] == [Article, Article], items
    assert isinstance(items[0], Article) and inner in items[0].text
