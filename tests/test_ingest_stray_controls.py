"""A text with a few stray control characters is read (they are removed), while binary
data is still refused: 4 control bytes in a 68-byte note (6%, over the 5% share) was
"binary content, not text"."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest.decode import looks_binary
from newsprism.ingest.pipeline import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure

_NOTE = b"Harbour opens\n\nThe harbour\x07 of Tessel\x1b opened on Monday\x0b after\x08 a storm.\n"


def test_a_short_note_with_stray_controls_is_text() -> None:
    assert sum(b in b"\x07\x1b\x0b\x08" for b in _NOTE) / len(_NOTE) > 0.05
    assert not looks_binary(_NOTE)


def test_its_controls_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(_NOTE)
    (article,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(article, Article)
    assert article.text == "The harbour of Tessel opened on Monday after a storm."


def test_single_byte_western_text_with_stray_controls_is_text() -> None:
    note = "Le port de Tessel a rouvert\x07 lundi ; « enfin\x1b », dit-elle\x0b."
    assert not looks_binary(note.encode("cp1252"))


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(3000),  # compressed-like
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        # A small array file: an ASCII header, then fields of controls side by side.
        b"\x93NUMPY\x01\x00v\x00{'descr': '|O', 'shape': (4,), }" + b" " * 40 + b"\x80\x02]q\x01",
        b"\x01\x02\x03\x04\x05\x06 harbour " * 20,  # mostly controls
    ],
)
def test_binary_data_is_still_refused(tmp_path: Path, data: bytes) -> None:
    assert looks_binary(data)
    path = tmp_path / "photo.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    named = "a PNG image" if data.startswith(b"\x89PNG") else "binary content"
    assert result.stderr == f"failed: {path}: {named}, not text\n"


def test_read_inputs_refuses_it_as_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(random.Random(3).randbytes(500))
    (failure,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(failure, IngestFailure) and failure.reason == "binary content, not text"


def test_a_control_between_two_words_is_a_space(tmp_path: Path) -> None:
    """Review s32 finding 6: a control standing alone between two words was removed,
    gluing them ("Tuesdaymorning"); a terminal colour sequence is still removed whole."""
    path = tmp_path / "note.txt"
    path.write_bytes(
        b"Harbour reopens\n\nShips returned to Tessel on Tuesday\x1fmorning, the port\x07"
        b"authority said. The \x1b[1mmayor\x1b[0m thanked\x7f\x08crews.\n"
    )
    (article,) = read_inputs([str(path)], IngestOptions())
    assert isinstance(article, Article)
    assert article.text == (
        "Ships returned to Tessel on Tuesday morning, the port authority said."
        " The mayor thanked crews."
    )
