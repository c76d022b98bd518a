"""A manifest saved by a spreadsheet: Excel's "CSV" is in the Windows code page, and
"Unicode" exports are UTF-16. Such a manifest was refused whole ("not UTF-8 text") and
its files read under guessed outlets; it is now decoded as articles are."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.manifest import read_manifest
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


def test_a_binary_manifest_is_one_failure_and_an_empty_one_has_no_rows(tmp_path: Path) -> None:
    (tmp_path / "newsprism.csv").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    failure, article = read_inputs([str(tmp_path)], IngestOptions())
    assert isinstance(failure, IngestFailure) and isinstance(article, Article)
    assert failure.reason == "manifest is not text (binary content, not text)"
    (tmp_path / "newsprism.csv").write_bytes(b"")
    with pytest.raises(Exception, match="no path column"):
        read_manifest(tmp_path)


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
