"""A stray NUL in a page or a text file: the whole input was refused as "binary
content", where a browser shows the page. It is now read, the NUL dropped (with a
warning); a binary file is still refused in one line naming it."""

from __future__ import annotations

import io
import random
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newsprism.errors import UnsupportedInput
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.decode import Format, decode, format_from_content, looks_binary
from newsprism.model import Article, IngestFailure, IngestWarning
from tests.conftest import BODY

Write = Callable[..., Path]

PAGE = (
    "<html><head><title>Pier closes</title></head><body><article><h1>Pier closes</h1>"
    + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    + "</article></body></html>"
)


def _read(path: Path) -> tuple[list[Article | IngestFailure], list[IngestWarning]]:
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(path)], IngestOptions(), on_warning=warnings.append))
    return items, warnings


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.html", PAGE.replace("for repairs,", "for repairs,\x00", 1)),
        ("page.txt", "Pier closes\n\n" + BODY.replace("Tessel", "Tes\x00sel", 1)),
        ("twice.html", PAGE.replace("<p>", "<p>\x00", 2)),
    ],
)
def test_a_stray_nul_is_dropped_and_the_input_read(write: Write, name: str, content: str) -> None:
    items, warnings = _read(write(name, content.encode("utf-8")))
    (article,) = items
    assert isinstance(article, Article), article
    assert "\x00" not in article.text and "Tessel voted" in article.text
    assert [w.source for w in warnings] == [article.source]
    assert "NUL" in warnings[0].message


def _tar_of_text() -> bytes:
    # An archive of a text file: its NUL-padded header fields stand between ASCII ones.
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        member = tarfile.TarInfo("pier.txt")
        member.size = len(BODY.encode())
        archive.addfile(member, io.BytesIO(BODY.encode()))
    return buffer.getvalue()


def _bundle() -> bytes:
    """A self-extracting bundle: an ASCII header over 4 KB holding one NUL run, then a
    compressed payload (random bytes: no NUL runs, controls and high bytes throughout)."""
    header = b"#!/bin/sh\n# bundle header\n" + b"PAYLOAD_LINE=value\n" * 240
    payload = random.Random(7).randbytes(60_000)
    return header[:1000] + bytes(8) + header[1000:] + payload


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"SQLite format 3\x00" + b"\x10\x00\x01\x01" + b"\x00" * 200 + b"text" * 50,
        b"".join(w.ljust(32, b"\x00") for w in b"pier ferry board vote storm ramp".split()),
        _tar_of_text(),
        b"\x93NUMPY\x01\x00F\x00{'descr': '<f8', 'shape': (2,), }  \n" + b"\x00" * 6 + b"\xf0?",
        _bundle(),
    ],
    ids=["png", "sqlite", "fixed-width-records", "tar", "npy", "text-header-then-payload"],
)
def test_binary_data_is_still_refused_in_one_line(write: Write, data: bytes) -> None:
    path = write("blob.html", data)
    (failure,) = _read(path)[0]
    assert isinstance(failure, IngestFailure)
    named = "a PNG image" if data.startswith(b"\x89PNG") else "binary content"
    assert failure.source == str(path) and failure.reason == f"{named}, not text"


def test_a_few_nuls_are_no_binary_sign_but_many_are() -> None:
    text = BODY.encode()
    assert not looks_binary(text[:100] + b"\x00" + text[100:])
    assert looks_binary(b"\x00".join(text[i : i + 8] for i in range(0, len(text), 8)))


def test_only_nuls_and_spaces_are_empty_input() -> None:
    with pytest.raises(UnsupportedInput, match="empty"):
        decode(b" " * 40 + b"\x00" + b"\n" * 40, "blank.txt")


def test_a_page_starting_with_a_nul_is_still_a_page(write: Write) -> None:
    """Without a telling extension (an upload saved without one) the content decides."""
    assert format_from_content(b"\x00" + PAGE.encode()) is Format.HTML
    (article,), _ = _read(write("page", b"\x00" + PAGE.encode()))
    assert isinstance(article, Article) and article.title == "Pier closes"
    assert "<p>" not in article.text


def test_a_file_cut_short_and_padded_with_nuls_is_read(write: Write) -> None:
    """A write cut short leaves the rest of a file it had sized as zeros: a run of NULs,
    refused as binary; a file of zeros only is empty."""
    items, warnings = _read(write("cut.txt", ("Pier closes\n\n" + BODY).encode() + bytes(3000)))
    assert isinstance(items[0], Article) and "Tessel voted" in items[0].text
    assert "NUL" in warnings[0].message
    (empty,) = _read(write("zeros.txt", bytes(5000)))[0]
    assert isinstance(empty, IngestFailure) and empty.reason.startswith("empty input")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("middle.txt", ("Pier closes\n\n" + BODY).encode().replace(b"Tessel", bytes(50), 1)),
        ("twice.html", PAGE.encode() + bytes(4) + PAGE.encode()),
        ("head.txt", bytes(4096) + ("Pier closes\n\n" + BODY).encode()),
        ("long.txt", ("Pier closes\n\n" + BODY * 12).encode() + bytes(4096) + BODY.encode() * 12),
    ],
    ids=["50-in-the-middle", "4-between-pages", "a-zeroed-first-block", "text-past-4-kb"],
)
def test_a_text_with_a_zeroed_block_is_read_with_one_warning(
    write: Write, name: str, data: bytes
) -> None:
    """A block of a text file zeroed after a crash: a run of NULs amid good UTF-8 text
    was refused whole as "binary content, not text", and the article lost."""
    path = write(name, data)
    items, warnings = _read(path)
    (article,) = items
    assert isinstance(article, Article) and "\x00" not in article.text
    assert "voted on Tuesday to close the old ferry pier" in article.text
    (warning,) = warnings
    assert warning.source == str(path) and "NUL character(s) dropped" in warning.message


def test_a_zeroed_block_glues_no_words_together() -> None:
    """The block stands where text was lost: dropped outright it joined the half-words on
    either side ("to disc" + block + "ents said" read "to discents said")."""
    data = b"The board met on Monday to disc" + bytes(4096) + b"ents said the levy was unfair."
    text = decode(data, "cut.txt").text
    assert text == "The board met on Monday to disc\n\nents said the levy was unfair."
    stray = decode(b"The board met on Mon\x00day to discuss the levy.", "stray.txt").text
    assert stray == "The board met on Monday to discuss the levy."
