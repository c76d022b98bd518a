"""A manifest saved by a spreadsheet: Excel's "CSV" is in the Windows code page, and
"Unicode" exports are UTF-16. Such a manifest was refused whole ("not UTF-8 text") and
its files read under guessed outlets; it is now decoded as articles are."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article, IngestFailure, IngestWarning
from tests.conftest import BODY

ROWS = "path,outlet,url,published\r\na.txt,Le Télégramme de Brest,,2026-03-02T08:00:00+01:00\r\n"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig", "utf-8", "mac"])
def test_a_spreadsheet_manifest_is_read(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    rows = ROWS.replace("\r\n", "\r") if encoding == "mac" else ROWS  # an old Mac's CR
    (tmp_path / "newsprism.csv").write_bytes(
        rows.encode("cp1252" if encoding == "mac" else encoding)
    )
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(tmp_path)], IngestOptions(), on_warning=warnings.append))
    (article,) = items
    assert isinstance(article, Article), article
    assert article.outlet == "Le Télégramme de Brest" and article.published is not None
    assert warnings == []


def test_a_binary_manifest_is_one_failure_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "newsprism.csv").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    failure, article = read_inputs([str(tmp_path)], IngestOptions())
    assert isinstance(failure, IngestFailure) and isinstance(article, Article)
    assert failure.reason == "manifest is binary content, not CSV text"


# An empty or binary manifest was "manifest has no path column" (or "not text (binary
# content, not text)"), which named no real problem.
@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("newsprism.csv", b"", "manifest is empty (a CSV manifest starts with a header row"),
        ("newsprism.csv", b" \r\n", "manifest is empty (a CSV manifest starts with"),
        ("newsprism.json", b"", "manifest is empty (a JSON manifest is a list of objects"),
        # A byte-order mark alone (an editor's "empty CSV"), NULs, UTF-16 blanks: these
        # read "manifest is empty input (no text in it), not CSV text".
        ("newsprism.csv", b"\xef\xbb\xbf", "manifest is empty (a CSV manifest starts with"),
        ("newsprism.csv", b"\x00\x00\x00\x00", "manifest is empty (a CSV manifest starts"),
        ("newsprism.json", b"\xff\xfe \x00\r\x00\n\x00", "manifest is empty (a JSON manifest"),
        ("newsprism.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "manifest is a JPEG image, not CSV"),
        (
            "newsprism.csv",
            b"PK\x03\x04\x14\x00\x06\x00",
            "manifest is a zip archive (a Word, spreadsheet",
        ),
        ("newsprism.json", b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n", "manifest is a PDF document"),
    ],
)
def test_an_empty_or_binary_manifest_says_what_it_is(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    failure, article = read_inputs([str(tmp_path)], IngestOptions())
    assert isinstance(failure, IngestFailure) and isinstance(article, Article)
    assert failure.source == str(tmp_path / name)
    assert failure.reason.startswith(reason), failure.reason


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_manifest_with_semicolons_or_tabs_is_read(tmp_path: Path, separator: str) -> None:
    """Excel writes ';' where the comma is the decimal mark; it was 'no path column'."""
    (tmp_path / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    rows = ROWS.replace(",", separator).replace("Brest", "Brest, Finistère")
    (tmp_path / "newsprism.csv").write_bytes(rows.encode("cp1252"))
    (article,) = read_inputs([str(tmp_path)], IngestOptions())
    assert isinstance(article, Article) and article.outlet == "Le Télégramme de Brest, Finistère"


def test_windows_paths_in_a_manifest_name_the_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    manifest = "path,outlet\r\n.\\sub\\a.txt,Coast Radio\r\n"
    (tmp_path / "newsprism.csv").write_text(manifest, encoding="utf-8")
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(tmp_path)], IngestOptions(), on_warning=warnings.append))
    (article,) = items
    assert isinstance(article, Article) and article.outlet == "Coast Radio"
    assert warnings == []
