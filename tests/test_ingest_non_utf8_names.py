"""A file whose name is not UTF-8 (an old Latin-1 archive's "caf\\xe9.txt") is read: its
name came from the file system with lone surrogates, which failed the article's id
("could not be cleaned (UnicodeEncodeError ...)") and, with a manifest naming its outlet,
the store's insert, ending the whole run in a traceback and losing its batch."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import ingest
from newsprism.store import Store

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or sys.getfilesystemencoding() != "utf-8",
    reason="needs a file system that takes any bytes in names",
)
TEXT = "Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms.\n"


def _write(folder: Path, name: bytes, text: str) -> None:
    path = os.path.join(os.fsencode(folder), name)  # noqa: PTH118 - a name in bytes
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


@pytest.mark.parametrize("manifest", [False, True])
def test_a_latin1_named_file_is_stored_with_its_name_escaped(
    tmp_path: Path, manifest: bool
) -> None:
    _write(tmp_path, b"caf\xe9.txt", TEXT)
    _write(tmp_path, b"plain.txt", TEXT.replace("Monday", "Friday"))
    if manifest:
        (tmp_path / "newsprism.csv").write_text("path,outlet\n*,Coast\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = ingest(store, [str(tmp_path)], IngestOptions())
        assert report.failures == [] and len(report.added) == 2
        sources = sorted(a.source for a in store.list_articles())
    assert sources == [str(tmp_path / "caf\\xe9.txt"), str(tmp_path / "plain.txt")]


def test_storable_name_leaves_good_names_alone() -> None:
    from newsprism.ingest.unicode import storable_name

    assert storable_name("Café 東京.txt") == "Café 東京.txt"
    assert storable_name("caf\udce9") == "caf\\xe9"
    assert storable_name("odd\ud800") == "odd?"
