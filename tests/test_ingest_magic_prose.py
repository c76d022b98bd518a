"""Prose that begins with a format's ASCII magic ("%PDF-2.0 ...", "GIF89a ...") is an
article, not a PDF or a GIF: such articles were refused as documents. Real files, with
the header line and first object of a PDF or the binary screen descriptor of a GIF,
still are."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest.decode import binary_format

runner = CliRunner()

_PDF_PROSE = (
    "%PDF-2.0 turns five: the Quillmere archive keeps its records in it\n\n"
    "%PDF-2.0, the header line of current files, came out five years ago, the Quillmere "
    "city archive said on Monday. Its keeper, Ondine Farrow, said the archive moved its "
    "scanned minutes to the format last spring.\n\n"
    "The archive expects to finish the move of its older ledgers by the end of the year.\n"
)
_GIF_PROSE = (
    "GIF89a at 37: a looping image still on show in Tarnby\n\n"
    "The GIF89a format turned 37 this year, and the Tarnby museum of machines opened a "
    "small show about it on Tuesday, its director Besim Olrow said.\n\n"
    "The show runs until the spring and is free on Sundays, the museum said.\n"
)


@pytest.mark.parametrize(
    "text", [_PDF_PROSE, _GIF_PROSE, "GIF89a\u2014the loop that stayed\n\nIt did."]
)
def test_prose_starting_with_an_ascii_magic_is_no_format(text: str) -> None:
    assert binary_format(text.encode("utf-8")) is None


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "a PDF document"),
        (b"%PDF-1.7\r\n%\xe2\xe3\xcf\xd3\r\n12 0 obj\r\n<< /Linearized 1 >>\r\n", "a PDF document"),
        (b"GIF89a\x20\x03\x58\x02\xf7\x00\x00" + bytes(range(256)), "a GIF image"),
        (b"GIF87a\x40\x40\x40\x40\xf7\x80\x80rest", "a GIF image"),
    ],
)
def test_real_files_are_still_named(data: bytes, name: str) -> None:
    assert binary_format(data) == name


def test_prose_articles_with_magic_heads_are_ingested(tmp_path: Path) -> None:
    (tmp_path / "pdf-prose.txt").write_text(_PDF_PROSE, encoding="utf-8")
    (tmp_path / "gif-prose.txt").write_text(_GIF_PROSE, encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert result.exit_code == 0, result.stderr
    listed = runner.invoke(app, ["articles", "--db", db, "--json"])
    assert listed.stdout.count('"id"') == 2
