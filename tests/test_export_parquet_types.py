"""Parquet exports have one schema per table: an empty table, or a column null in every
row (a unit or approx), was written with columns of type null, which pandas, R or a
dataset of several exports then refuse to line up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.export import COLUMNS, write_rows


@pytest.mark.parametrize("table", list(COLUMNS))
def test_parquet_columns_have_one_type_even_when_empty_or_null(table: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "empty.parquet"
    write_rows([], table, "parquet", out)
    empty = pq.read_schema(out)
    assert "null" not in {str(t) for t in empty.types}
    write_rows([dict.fromkeys(COLUMNS[table])], table, "parquet", out)
    assert pq.read_schema(out).types == empty.types
    types = dict(zip(empty.names, map(str, empty.types), strict=True))
    assert types["story_id"] == "string"
    assert types.get("start", "int64") == "int64"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_parquet_to_a_pipe_is_one_clear_error(tmp_path: Path) -> None:
    # pyarrow seeks in what it writes: a pipe failed with "cannot write (lseek failed)".
    pipe = tmp_path / "out.parquet"
    os.mkfifo(pipe)
    with pytest.raises(NewsprismError, match="parquet needs a regular file"):
        write_rows([], "quotes", "parquet", pipe)
