"""A JSON Lines file in UTF-16 (what Windows PowerShell 5 writes by default) is read: split
at its b"\\n" bytes, every line was "not valid UTF-8" and the NUL after each break one more
failed line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article

ROWS = [
    {"text": "The ferry to Lorvik returns on Monday after a week of storms.", "outlet": "Coast"},
    {"text": "Die Fähre nach Lorvik fährt am Montag wieder, sagte er.", "outlet": "Nord"},
]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig"])
def test_a_utf16_jsonl_file_is_read_line_by_line(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "export.jsonl"
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\r\n" for row in ROWS)
    path.write_bytes(lines.encode(encoding))
    items = list(read_inputs([str(path)], IngestOptions()))
    assert all(isinstance(i, Article) for i in items), items
    assert [i.outlet for i in items if isinstance(i, Article)] == ["Coast", "Nord"]
    assert "Fähre" in items[1].text  # type: ignore[union-attr]
