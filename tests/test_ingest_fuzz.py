"""Property tests (hypothesis) over every reader and over cleaning, on arbitrary bytes and
Unicode: nothing raises but our errors, every bad input becomes a one-line
:class:`IngestFailure` naming it, and cleaning never rewrites the text it keeps.

Cases per run (``max_examples``): cleaning 300, decoding 300, identity 200, text 120,
gzip 80, HTML 60, JSONL 100, JSON 100, WARC 40, feeds 100, manifests 60, raise-mode 60:
1,520 in all.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest import pipeline as pipeline_module
from newsprism.ingest.clean import clean_scraped_text
from newsprism.ingest.decode import decode
from newsprism.ingest.identity import streaming_article_id
from newsprism.ingest.language import LanguageDetector
from newsprism.ingest.unicode import repair_text
from newsprism.model import Article, IngestFailure, article_id
from tests.builders import html_page, rss_feed, warc_file
from tests.conftest import BODY

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,  # the same cases every run: a failure here is reproducible
)
_names = itertools.count()


def fuzz(examples: int) -> settings:
    return settings(FUZZ, max_examples=examples)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A scratch folder, with one language model shared by every read (it loads in 0.6 s)."""
    shared = LanguageDetector()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline_module, "LanguageDetector", lambda: shared)
        yield tmp_path_factory.mktemp("fuzz")


def read_file(folder: Path, suffix: str, data: bytes) -> list[Article | IngestFailure]:
    """Read one file; check the contract every reader keeps, and return what it gave."""
    path = folder / f"input-{next(_names)}{suffix}"
    path.write_bytes(data)
    items = list(read_inputs([str(path)], IngestOptions(max_bytes=200_000)))
    assert items, "every input yields an article or a failure"
    for item in items:
        assert isinstance(item, Article | IngestFailure)
        if isinstance(item, IngestFailure):
            assert item.source.startswith(str(path)) and "\n" not in str(item)
        else:
            assert item.text.strip() and item.id == article_id(item.outlet, item.text)
    return items


# --- strategies --------------------------------------------------------------------------------

LINES = st.sampled_from(
    [
        "Pier closes for repairs",
        "By Lena Hart, Ardmoor Gazette",
        "Photo: Nordlicht Agency",
        "Share on Facebook | Email",
        "12 comments",
        "© 2026 Newsfeedr Media. All rights reserved.",
        "LORVIK, March 3 (CPA) - The harbour board voted to close the pier on Monday.",
        "Nguyen Van An (According to Reuters, AFP)",
        "Distributed by Continental Press Agency.",
        "Published March 3, 2026 10:15 CET",
        "---",
        "",
        *BODY.split("\n\n"),
    ]
)
NOISY_TEXT = st.lists(LINES | st.text(max_size=120), max_size=25).map("\n".join)
SEPARATORS = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0b", "\x0c", "\x85"])


@st.composite
def scraped_text(draw: st.DrawFn) -> str:
    parts = draw(st.lists(LINES | st.text(max_size=80), max_size=25))
    return "".join(p + draw(SEPARATORS) for p in parts)


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` cut short, with a few bytes flipped, or intact."""
    if data and draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    flips = draw(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4))
    mutable = bytearray(data)
    for position, value in flips:
        if mutable:
            mutable[position % len(mutable)] = value
    return bytes(mutable)


# The encodings a decoding without a warning may have used (UTF-16 with or without a mark).
DECODED_SILENTLY = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "cp1252"}
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "cp1250", "cp1251"])


# --- cleaning and decoding -------------------------------------------------------------------


def _paragraph_is_kept_lines(paragraph: str, lines: list[str]) -> bool:
    """``paragraph`` is a run of consecutive ``lines`` joined by one space, or by a line
    break where they are a table's rows (d1006df keeps a row a line: "0|0\n0|0")."""
    for start, line in enumerate(lines):
        if not paragraph.startswith(line):
            continue
        rest = paragraph[len(line) :]
        for nxt in lines[start + 1 :]:
            if not rest:
                break
            if not (rest.startswith(" " + nxt) or rest.startswith("\n" + nxt)):
                break
            rest = rest[len(nxt) + 1 :]
        if not rest:
            return True
    return False


@fuzz(300)
@given(raw=scraped_text() | st.text())
def test_cleaning_never_rewrites_what_it_keeps(raw: str) -> None:
    cleaned = clean_scraped_text(raw)
    repaired = repair_text(raw).split("\n")
    lines = [line.strip() for line in repaired if line.strip()]
    for paragraph in cleaned.text.split("\n\n"):
        if paragraph:
            assert _paragraph_is_kept_lines(paragraph, lines), paragraph
    for removed in cleaned.removed:
        assert repaired[removed.line_number - 1].strip() == removed.line


@fuzz(300)
@given(
    data=st.binary(max_size=600)
    | st.tuples(NOISY_TEXT, ENCODINGS).map(lambda pair: pair[0].encode(pair[1], errors="ignore"))
)
def test_decoding_gives_text_or_our_error(data: bytes) -> None:
    try:
        decoded = decode(data, "x.txt")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(decoded.text, str)
    if data.decode("utf-8", "ignore") and decoded.warning is None:
        assert decoded.encoding in DECODED_SILENTLY


@fuzz(200)
@given(
    text=st.text(alphabet=st.sampled_from("ab C\n \t\u00a0\u2002\u00a8\u0308ﬁß\u1e9eé\r")),
    piece=st.integers(1, 8),
)
def test_streaming_id_is_the_article_id(text: str, piece: int) -> None:
    assert streaming_article_id("Outlet", text, piece) == article_id("Outlet", text)


# --- readers ---------------------------------------------------------------------------------


@fuzz(120)
@given(data=st.binary(max_size=800) | scraped_text().map(str.encode))
def test_text_reader(folder: Path, data: bytes) -> None:
    read_file(folder, ".txt", data)


@fuzz(80)
@given(data=scraped_text().map(lambda t: gzip.compress(t.encode())).flatmap(damaged))
def test_gzip_wrapper(folder: Path, data: bytes) -> None:
    read_file(folder, ".txt.gz", data)


HTML_PIECES = st.sampled_from(
    ["<p>", "</p>", "<article>", "</article>", "<h2>", "</h2>", "<nav>", "<!--", "-->",
     "<script>", "</script>", "&amp;", "&#0;", "&#xD800;", "<br>", "<meta charset='x'>",
     "<html>", "</body>", "<![CDATA[", "<?xml version='1.0'?>"]
)  # fmt: skip


@fuzz(60)
@given(
    data=st.lists(HTML_PIECES | st.text(max_size=60), max_size=40).map(
        lambda parts: ("<html><body>" + "".join(parts)).encode()
    )
    | st.builds(html_page, st.text(max_size=40), NOISY_TEXT).map(str.encode).flatmap(damaged)
)
def test_html_reader(folder: Path, data: bytes) -> None:
    read_file(folder, ".html", data)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children)
    ),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {"text": NOISY_TEXT | JSON_VALUES},
    optional={
        k: JSON_VALUES | st.text(max_size=40) for k in ("title", "url", "published", "outlet")
    },
)


@fuzz(100)
@given(lines=st.lists(RECORDS.map(json.dumps).map(str.encode) | st.binary(max_size=80), max_size=6))
def test_jsonl_reader(folder: Path, lines: list[bytes]) -> None:
    items = read_file(folder, ".jsonl", b"\n".join(lines))
    assert len(items) >= 1


@fuzz(100)
@given(value=st.lists(RECORDS, max_size=4) | JSON_VALUES)
def test_json_reader(folder: Path, value: object) -> None:
    read_file(folder, ".json", json.dumps(value).encode())


@fuzz(40)
@given(
    pages=st.lists(st.builds(html_page, st.text(max_size=30), NOISY_TEXT), min_size=1, max_size=3),
    compressed=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_warc_reader(folder: Path, pages: list[str], compressed: bool, seed: int) -> None:
    data = warc_file([(f"https://t.example/{n}", p) for n, p in enumerate(pages)], gzip=compressed)
    rng = random.Random(seed)
    if rng.random() < 0.7:  # damage it: cut, or flip bytes
        cut = rng.randrange(len(data))
        data = (
            data[:cut]
            if rng.random() < 0.5
            else data[:cut] + bytes([rng.randrange(256)]) + data[cut + 1 :]
        )
    read_file(folder, ".warc.gz" if compressed else ".warc", data)


FEED_DOCTYPES = st.sampled_from(
    ["", '<!DOCTYPE rss [<!ENTITY a "x">]>', '<!DOCTYPE rss SYSTEM "file:///etc/passwd">',
     '<!DOCTYPE rss [<!ENTITY a SYSTEM "file:///etc/hostname">]>']
)  # fmt: skip
ENTRY = st.fixed_dictionaries({"title": st.text(max_size=30), "body": NOISY_TEXT})


@fuzz(100)
@given(
    doctype=FEED_DOCTYPES,
    entries=st.lists(ENTRY, max_size=3),
    raw_title=st.sampled_from(["", "&bogus;", "&nbsp;", "&a;", "<b>", "&#0;"]),
    data=st.data(),
)
def test_feed_reader(
    folder: Path, doctype: str, entries: list[dict[str, str]], raw_title: str, data: st.DataObject
) -> None:
    linked = [{**entry, "link": f"https://c.example/{n}"} for n, entry in enumerate(entries)]
    xml = rss_feed(linked).decode().replace("<channel><title>", f"<channel><title>{raw_title}")
    xml = xml.replace("?>", "?>" + doctype, 1)
    items = read_file(folder, ".xml", data.draw(damaged(xml.encode())))
    stored = {i.source + "#" + (i.url or "") for i in items if isinstance(i, Article)}
    failed = {i.source for i in items if isinstance(i, IngestFailure)}
    assert not stored & failed  # an entry is stored or failed, never both


@fuzz(60)
@given(manifest=st.text(max_size=200), name=st.sampled_from(["newsprism.csv", "newsprism.json"]))
def test_manifest_never_breaks_reading(folder: Path, manifest: str, name: str) -> None:
    sub = folder / f"m{next(_names)}"
    sub.mkdir()
    (sub / name).write_text(manifest, encoding="utf-8")
    (sub / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    items = list(read_inputs([str(sub)], IngestOptions()))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    # Read, or refused as one failure of its own when the manifest's rows for it disagree.
    refused = [f for f in failures if f.source == str(sub / "a.txt") and "disagree" in f.reason]
    assert sum(isinstance(i, Article) for i in items) + len(refused) == 1
    assert all("\n" not in str(i) for i in failures)


@fuzz(60)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".html", ".xml", ".json"]))
def test_raise_mode_raises_only_our_errors(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"raise-{next(_names)}{suffix}"
    path.write_bytes(data)
    with contextlib.suppress(InputError):  # anything else fails the test
        list(read_inputs([str(path)], IngestOptions(errors="raise")))
