"""Second-reader fixes to the robustness commits: each keeps valid input read as it was
before the fix that bounded or checked it."""

from __future__ import annotations

import io
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import feedparser
import pytest
import spacy
import typer

from newsprism import cli_base
from newsprism.analyze.nlp import LONG_RUN_CHARS, BoundedTokenizer
from newsprism.ingest.feed import entry_published
from newsprism.ingest.records import read_json_array, read_jsonl
from newsprism.model import RawDocument
from newsprism.store_open import unreadable


def test_a_long_run_sets_no_sentence_start_around_it() -> None:
    # Doc.from_docs marked every piece's first token a sentence start, and the parser
    # keeps those: "... the plan <long URL> and then the council voted" was cut in three.
    tokenizer = BoundedTokenizer(spacy.blank("en").tokenizer)
    text = "The mayor spoke about the plan " + "x" * (LONG_RUN_CHARS + 250) + " and then left."
    doc = tokenizer(text)
    assert doc.text == text
    assert not doc.has_annotation("SENT_START")
    assert [t.is_sent_start for t in doc[1:]] == [None] * (len(doc) - 1)


def _first_entry(published: str) -> Any:
    feed = (
        '<rss version="2.0"><channel><title>Coast</title><item><title>Pier</title>'
        f"<link>https://coast.example/pier</link><pubDate>{published}</pubDate>"
        "</item></channel></rss>"
    )
    return feedparser.parse(feed.encode()).entries[0]


@pytest.mark.parametrize(
    "published", ["2026-03-02 10:00:00 UTC", "2026-03-02T10:00:00 GMT", "2026-03-02 10:00 EST"]
)
def test_a_possible_iso_day_with_a_named_zone_keeps_its_date(published: str) -> None:
    # Every ISO-shaped text parse_timestamp could not read was taken for an impossible
    # day and the entry lost its date.
    found = entry_published(_first_entry(published))
    assert found is not None and found.date().isoformat() == "2026-03-02"


def test_an_impossible_iso_day_is_still_no_date() -> None:
    assert entry_published(_first_entry("2026-02-30")) is None
    assert entry_published(_first_entry("2026-13-01 10:00:00 UTC")) is None


def test_a_tab_or_newline_in_a_json_title_or_byline_keeps_the_words_apart() -> None:
    doc = {"text": "The pier reopened on Monday. " * 3, "title": "Pier\nreopens"}
    doc["byline"] = "Ana\tRuiz"
    (item,) = read_json_array(json.dumps(doc).encode(), "pier.json")
    assert isinstance(item, RawDocument)
    assert (item.title, item.byline) == ("Pier reopens", "Ana Ruiz")


def test_json_that_is_not_utf8_is_read_as_cp1252() -> None:
    # UnicodeDecodeError is a ValueError: it was reported as "a number too long to read";
    # then as "not valid UTF-8"; it is decoded as any text input is (cp1252 where it fits).
    data = b'{"text": "The caf\xe9 reopened on Monday."}\n'
    (array_item,) = read_json_array(data, "cafe.json")
    (line_item,) = read_jsonl(io.BytesIO(data), "cafe.jsonl", 1_000_000)
    assert isinstance(array_item, RawDocument) and isinstance(line_item, RawDocument)
    assert "café" in array_item.body and "café" in line_item.body


def test_an_existing_writable_out_file_in_a_read_only_folder_is_accepted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Writing a report opens the file in place: /dev/null, or a writable file in a folder
    # the user cannot add to, was refused. The tests run as root, so permission is faked.
    existing = tmp_path / "brief.json"
    existing.write_text("{}", encoding="utf-8")
    folder_access = os.access

    def no_folder_writes(path: Any, mode: int) -> bool:
        return Path(path) != tmp_path and folder_access(path, mode)

    monkeypatch.setattr(os, "access", no_folder_writes)
    assert cli_base.writable_out(existing) == existing
    with pytest.raises(typer.BadParameter):
        cli_base.writable_out(tmp_path / "new.json")


def test_only_a_damaged_file_is_called_damaged() -> None:
    # Every sqlite3.DatabaseError that was not an OperationalError read as a damaged
    # store with a hint to run .recover, a broken constraint included.
    damaged = unreadable("news.db", sqlite3.DatabaseError("database disk image is malformed"))
    assert "the store is damaged" in str(damaged) and ".recover" in str(damaged)
    for exc in (
        sqlite3.IntegrityError("UNIQUE constraint failed: stories.id"),
        sqlite3.ProgrammingError("Error binding parameter 1: type 'dict' is not supported"),
    ):
        message = str(unreadable("news.db", exc))
        assert message.startswith("news.db: cannot use the store (") and "recover" not in message
