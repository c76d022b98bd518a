"""A page read again after its outlet edited it is kept as a version of the stored
article (its id kept, its old text never overwritten: stop 35), and the run says so,
naming the stored one; it said nothing and the listing held two copies. Invented texts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, batch, read_inputs
from newsprism.ingest.batch import IngestReport, ingest
from newsprism.ingest.reread_notes import replaced
from newsprism.model import Article, article_id
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


def test_an_edited_page_read_again_is_kept_as_a_version_of_the_first_and_said(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    page = write("pier.html", html_page())
    first = _ingest(db, page)
    assert first.warnings == []
    write("pier.html", html_page(body=BODY.replace("eleven weeks", "twelve weeks")))
    second = _ingest(db, page)
    (warning,) = second.warnings
    kept = first.added[0]
    assert warning.source == str(page)
    assert f"stored as {kept[:10]}" in warning.message
    assert f"version 2 of {kept[:10]}" in warning.message
    # One article, under its first id, with the new text; the run names it by that id.
    assert second.article_ids == [kept] and second.added == []
    (text,) = _texts(db)
    assert "twelve weeks" in text
    with Store(db, access="read") as store:
        assert [v.current for v in store.article_versions(kept)] == [False, True]
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


def _live(text: str) -> str:
    record = {"text": text, "outlet": "Coast Radio", "url": "https://coast.example/live"}
    return json.dumps(record)


_UPDATE = " Update: the north quay opened a second ramp at noon."


@pytest.mark.parametrize("batch_size", [1, 200])
@pytest.mark.parametrize("appended", [True, False], ids=["appended", "prepended"])
def test_an_update_added_to_a_live_page_file_is_no_edit(
    write: Write, tmp_path: Path, appended: bool, batch_size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One live page's updates, one record each under its URL: the first record, still in
    # the file, was called "an edited page?" when a second was added (review s39/2 M8);
    # newest first, the first record may come a batch after the new one.
    monkeypatch.setattr(batch, "BATCH_SIZE", batch_size)
    db = tmp_path / "news.db"
    feed = write("live.jsonl", _live(BODY))
    assert _ingest(db, feed).warnings == []
    lines = [_live(BODY), _live(BODY + _UPDATE)]
    write("live.jsonl", "\n".join(lines if appended else lines[::-1]))
    assert _ingest(db, feed).warnings == []
    assert len(_texts(db)) == 2


def test_a_record_of_a_live_page_file_replaced_by_other_text_is_kept_beside_and_said(
    write: Write, tmp_path: Path
) -> None:
    # A file holding several records of one URL whose second record changed cannot be
    # told from one that rotated its oldest record out and appended a new one: both are
    # kept, said (review rev1 S2; before, the changed record was folded as an edit).
    db = tmp_path / "news.db"
    second = BODY + _UPDATE
    feed = write("live.jsonl", "\n".join([_live(BODY), _live(second)]))
    first = _ingest(db, feed)
    assert first.warnings == []
    corrected = second.replace("at noon", "at one")
    write("live.jsonl", "\n".join([_live(BODY), _live(corrected)]))
    (warning,) = _ingest(db, feed).warnings
    assert f"stored as {first.added[1][:10]}" in warning.message
    assert "several records under one URL" in warning.message
    assert "both kept" in warning.message
    assert len(_texts(db)) == 3


def test_a_live_page_file_rotating_out_its_oldest_record_folds_nothing(
    write: Write, tmp_path: Path
) -> None:
    # Run 1 reads updates 1 and 2 under one URL; run 2 reads 2 and 3 (1 rotated out):
    # update 3 is appended, no edit of update 1, whose article keeps its own text.
    db = tmp_path / "news.db"
    u2 = BODY + _UPDATE
    u3 = u2 + " Update: a shuttle bus now leaves the old pier every ten minutes."
    feed = write("live.jsonl", "\n".join([_live(BODY), _live(u2)]))
    first = _ingest(db, feed)
    write("live.jsonl", "\n".join([_live(u2), _live(u3)]))
    second = _ingest(db, feed)
    assert len(second.added) == 1
    (warning,) = second.warnings
    assert f"stored as {first.added[0][:10]}" in warning.message
    assert "several records under one URL" in warning.message
    assert sorted(_texts(db)) == sorted([BODY, u2, u3])


class _NoTransaction(Store):
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        raise AssertionError("a transaction was opened")
        yield  # a generator, as Store.transaction is


def test_no_transaction_when_no_article_has_a_file_and_a_url(tmp_path: Path) -> None:
    # stdin, an upload without a manifest, records with no URL: nothing to look up, and a
    # transaction for each batch of them was a write lock taken for nothing.
    no_url = Article(article_id("Coast Radio", BODY), "wire.jsonl", BODY, outlet="Coast Radio")
    stdin = Article(
        article_id(None, BODY), "-", BODY, url="https://coast.example/pier", outlet=None
    )
    with _NoTransaction(tmp_path / "news.db") as store:
        origins = {"wire.jsonl": "/data/wire.jsonl", "-": None}
        assert replaced(store, [no_url, stdin], origins, set()) == {}


def test_two_new_records_replacing_one_stored_text_are_kept_beside_it(
    write: Write, tmp_path: Path
) -> None:
    # A live page's file whose one record gave way to two of other text under its URL:
    # which of them is the edit cannot be told, so neither is made its version.
    db = tmp_path / "news.db"
    feed = write("live.jsonl", _live(BODY + _UPDATE))
    _ingest(db, feed)
    edits = [(BODY + _UPDATE).replace("at noon", at) for at in ("at one", "at two")]
    write("live.jsonl", "\n".join(_live(e) for e in edits))
    (warning,) = _ingest(db, feed).warnings
    assert "both kept" in warning.message and "(and 1 more of its records)" in warning.message
    assert len(_texts(db)) == 3


def test_an_edit_another_process_folded_meanwhile_is_named_by_the_article_kept(
    write: Write, tmp_path: Path
) -> None:
    # Two commands read one edited page at once: one stores the edit and makes it a
    # version while the other has read it as stored; the other's run named an id no
    # longer in the store, and its analysis left the page out.
    db = tmp_path / "news.db"
    page = write("pier.html", html_page())
    kept = _ingest(db, page).added[0]
    write("pier.html", html_page(body=BODY.replace("eleven weeks", "twelve weeks")))
    (edit,) = [a for a in read_inputs([str(page)], IngestOptions()) if isinstance(a, Article)]
    with Store(db) as one, Store(db) as two:
        first, second = batch.ArticleBatch(), batch.ArticleBatch()
        mine, theirs = IngestReport(), IngestReport()
        first.add(edit)
        first.flush(one, mine, last=False)  # stores the edit beside the article
        second.add(edit)
        second.flush(two, theirs, last=False)  # reads it as stored
        first.flush(one, mine)  # makes it a version
        second.flush(two, theirs)
    assert mine.article_ids == theirs.article_ids == [kept]
