"""A PDF, a Word file (a zip archive) or an image given as an article is one failure
naming its format. A PDF whose first 4 KB were text (its XMP metadata) was stored as an
article of PDF syntax and mojibake, with only a "not valid UTF-8" warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from tests.conftest import BODY

runner = CliRunner()

# A PDF whose metadata stream fills its first kilobytes with text, then a binary stream.
_TEXT_HEAD = b"%PDF-1.7\n1 0 obj\n<< /Type /Metadata /Subtype /XML >>\nstream\n" + b"\n".join(
    b"<rdf:li>Harbour board annual report, page %d</rdf:li>" % i for i in range(120)
)
_PDF = _TEXT_HEAD + b"\nendstream\nendobj\n2 0 obj\nstream\n" + bytes(range(256)) * 2 + b"\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("report.pdf", _PDF, "a PDF document, not text"),
        ("notes.docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "a zip archive (a Word"),
        ("scan.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "a JPEG image"),
    ],
)
def test_a_document_format_is_one_failure_naming_it(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", db])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"failed: {tmp_path / name}: {reason}"), result.stderr
    assert len(result.stderr.splitlines()) == 1  # no warning of a mojibake article
    listed = runner.invoke(app, ["articles", "--db", db, "--json"])
    assert listed.stdout.count('"id"') == 1  # a.txt alone was stored
