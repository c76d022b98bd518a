"""A store path whose folder cannot be made (a file stands where a folder of the path
should) is one error line naming the path, not a FileExistsError traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.errors import StoreError
from newsprism.store import Store
from newsprism.store_open import OpenMode, connect
from tests.conftest import BODY


@pytest.mark.parametrize("below", ["news.db", "sub/news.db"])
def test_a_file_in_the_way_of_the_store_folder_is_a_store_error(tmp_path: Path, below: str) -> None:
    (tmp_path / "notes.txt").write_text("not a folder", encoding="utf-8")
    path = tmp_path / "notes.txt" / below
    with pytest.raises(StoreError, match="cannot make the store's folder") as caught:
        Store(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_the_cli_says_it_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    db = tmp_path / "a.txt" / "news.db"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    assert result.exit_code != 0 and not isinstance(result.exception, OSError)
    assert f"error: {db}: cannot make the store's folder" in result.stderr


@pytest.mark.parametrize("mode", ["ro", "immutable"])
def test_a_read_only_open_that_fails_names_the_path_not_the_uri(
    tmp_path: Path, mode: OpenMode
) -> None:
    path = tmp_path / "gone" / "news.db"
    with pytest.raises(StoreError) as caught:
        connect(str(path), mode)
    said = str(caught.value)
    assert said.startswith(f"{path}: cannot open the store") and "file:" not in said


def test_a_file_that_is_no_store_opened_to_read_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("a shopping list, not a database\n" * 40, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open the store") as caught:
        Store(path, access="read")
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
