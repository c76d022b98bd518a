"""A page read again after its outlet edited it is stored as a second article (the
stored one is never overwritten: stop 35), and the run now says so, naming the stored
one; it said nothing and the listing held two copies. Invented texts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport, ingest
from newsprism.store import Store
from tests.builders import html_page
from tests.conftest import BODY

Write = Callable[..., Path]


def _ingest(db: Path, *paths: Path) -> IngestReport:
    with Store(db) as store:
        return ingest(store, [str(p) for p in paths], IngestOptions())


def _texts(db: Path) -> list[str]:
    with Store(db, access="read") as store:
        return sorted(a.text for a in store.list_articles())


def test_an_edited_page_read_again_is_kept_beside_the_first_and_said(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page())
    first = _ingest(db, page)
    assert first.warnings == []
    write("pier.html", html_page(body=BODY.replace("eleven weeks", "twelve weeks")))
    second = _ingest(db, page)
    (warning,) = second.warnings
    assert warning.source == str(page)
    assert f"stored as {first.added[0][:10]}" in warning.message and "both kept" in warning.message
    texts = _texts(db)
    assert len(texts) == 2 and any("eleven weeks" in t for t in texts)
    assert _ingest(db, page).warnings == []  # the same text again: a duplicate, no word


def test_another_page_at_the_same_file_name_or_another_file_is_not_called_a_reread(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    page = write("today.html", html_page())
    _ingest(db, page)
    # A file name reused for each day's article: another URL.
    other_day = BODY.replace("Tuesday", "Friday").replace("pier", "quay")
    write("today.html", html_page(body=other_day, canonical="https://tesselcourier.example/q"))
    assert _ingest(db, page).warnings == []
    # Another file with the page's URL and other text: not this file read again.
    elsewhere = write("copy/pier.html", html_page(body=BODY.replace("400", "450")))
    assert _ingest(db, elsewhere).warnings == []


def test_records_of_a_json_lines_file_are_not_rereads_of_each_other(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    record = {"text": BODY, "outlet": "Coast Radio", "url": "https://coast.example/live"}
    lines = [json.dumps(record), json.dumps({**record, "text": BODY.replace("400", "410")})]
    feed = write("wire.jsonl", "\n".join(lines))
    assert _ingest(db, feed).warnings == []  # two records of one run
    no_url = {"text": BODY.replace("400", "420"), "outlet": "Coast Radio"}
    write("wire.jsonl", "\n".join([*lines, json.dumps(no_url)]))
    assert _ingest(db, feed).warnings == []  # an added record with no URL
