"""Byte-range shards of WARC and JSONL files: every record read exactly once, in order,
with the same articles, failures and line numbers as reading the whole file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.ingest.pipeline import read_inputs
from newsprism.ingest.shards import InputTally, Piece, read_pieces, split_input
from newsprism.ingest.sources import Input, InputKind
from newsprism.model import Article, IngestFailure
from tests.builders import html_page, warc_file

PLACES = ["Tessel", "Ridge", "Norholm", "Vasby", "Karst", "Lindau", "Orvik", "Brenna"]
PEOPLE = ["Ilona Varga", "Petra Lund", "Ola Berg", "Mara Lind", "Jonas Hed", "Eva Strand"]


def body(i: int) -> str:
    """An invented article text, different for every ``i``."""
    place, person = PLACES[i % len(PLACES)], PEOPLE[i % len(PEOPLE)]
    return (
        f"The council of {place} voted on Tuesday to spend {100 + i} thousand kroner on "
        f"road number {i}, a decision that affects about {200 + 7 * i} households.\n\n"
        f"\u201cWe have waited {i % 9 + 2} years for this,\u201d said {person}, "
        f"who chairs the committee, after the vote on item {i}."
    )


def jsonl_bytes(count: int) -> bytes:
    """``count`` records with a blank line and two bad lines among them."""
    lines = []
    for i in range(count):
        record = {"text": body(i), "title": f"Road {i} funded", "outlet": f"Outlet {i % 3}"}
        lines.append(json.dumps(record))
        if i == 3:
            lines.append("")
        if i == 5:
            lines.append("{not json")
        if i == count - 2:
            lines.append('{"title": "no text here"}')
    return ("\n".join(lines) + "\n").encode()


def warc_bytes(count: int, gzip: bool) -> bytes:
    pages = [
        (f"https://news{i % 3}.example/road-{i}", html_page(f"Road {i} funded", body(i)))
        for i in range(count)
    ]
    return warc_file(pages, gzip=gzip)


def items_of(pieces: list[Piece]) -> list[tuple[str, str]]:
    """What the pieces read, as comparable (kind, id-or-failure) pairs, with the failure
    of a file none of whose pieces yielded anything (as the dask engine's writer adds)."""
    tally = InputTally()
    found: list[tuple[str, str]] = []

    def done(piece: Piece, produced: bool) -> None:
        empty = tally.done(piece, produced)
        if empty is not None:
            found.append(_key(empty))

    for item in read_pieces(pieces, on_piece=done):
        found.append(_key(item))
    return found


def whole(path: Path) -> list[tuple[str, str]]:
    return [_key(item) for item in read_inputs([Input(str(path), InputKind.FILE)])]


def _key(item: Article | IngestFailure) -> tuple[str, str]:
    if isinstance(item, Article):
        return ("article", f"{item.id} {item.outlet} {item.title}")
    return ("failure", str(item))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("shards")
    made = {
        "jsonl": ("crawl.jsonl", jsonl_bytes(16)),
        "warc.gz": ("crawl.warc.gz", warc_bytes(8, gzip=True)),
        "warc": ("crawl.warc", warc_bytes(8, gzip=False)),
    }
    paths = {}
    for key, (name, data) in made.items():
        paths[key] = folder / name
        paths[key].write_bytes(data)
    return paths


@pytest.fixture(scope="module")
def expected(files: dict[str, Path]) -> dict[str, list[tuple[str, str]]]:
    return {key: whole(path) for key, path in files.items()}


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kind=st.sampled_from(["jsonl", "warc.gz", "warc"]), target=st.integers(1, 20_000))
def test_pieces_read_every_record_once_in_order(
    files: dict[str, Path], expected: dict[str, list[tuple[str, str]]], kind: str, target: int
) -> None:
    path = files[kind]
    pieces = split_input(Input(str(path), InputKind.FILE), target)
    assert items_of(pieces) == expected[kind]
    # The pieces tile the file: contiguous, from byte 0 to its end, one first piece.
    assert pieces[0].start == 0 and pieces[-1].end is None
    assert [p.end for p in pieces[:-1]] == [p.start for p in pieces[1:]]
    assert [p.first for p in pieces] == [True] + [False] * (len(pieces) - 1)


def test_a_large_file_is_split_and_failures_keep_their_line_numbers(
    files: dict[str, Path], expected: dict[str, list[tuple[str, str]]]
) -> None:
    pieces = split_input(Input(str(files["jsonl"]), InputKind.FILE), 1_000)
    assert len(pieces) > 2
    failures = [text for kind, text in items_of(pieces) if kind == "failure"]
    assert failures == [text for kind, text in expected["jsonl"] if kind == "failure"]
    assert any(":8: invalid JSON" in text for text in failures)  # line 8 of the file


def test_small_gzipped_or_other_files_stay_whole(tmp_path: Path) -> None:
    gz = tmp_path / "crawl.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl_bytes(6)))
    text = tmp_path / "story.txt"
    text.write_text(body(1), encoding="utf-8")
    for path in (gz, text):
        assert split_input(Input(str(path), InputKind.FILE), 10) == [
            Piece(Input(str(path), InputKind.FILE))
        ]
    missing = Input(str(tmp_path / "gone.warc"), InputKind.FILE)
    assert split_input(missing, 10) == [Piece(missing)]
    assert items_of([Piece(missing)]) == whole(tmp_path / "gone.warc")


def test_a_file_without_articles_is_one_failure_however_it_is_split(tmp_path: Path) -> None:
    images = tmp_path / "images.warc.gz"
    images.write_bytes(warc_file([]) * 6)  # six gzip members, each an image record
    pieces = split_input(Input(str(images), InputKind.FILE), 1)
    assert len(pieces) == 6
    assert (
        items_of(pieces)
        == whole(images)
        == [("failure", f"{images}: no article in it (no text or records)")]
    )
