"""A JSON syntax error is one readable line: json's own message for an unclosed string
ends in "at", and the failure read "Unterminated string starting at at column 10"."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import IngestFailure


def test_an_unclosed_string_in_a_json_lines_record_reads_once(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"text": "The ferry returns\n', encoding="utf-8")
    (failure,) = [
        i for i in read_inputs([str(path)], IngestOptions()) if isinstance(i, IngestFailure)
    ]
    assert failure.reason == "invalid JSON (Unterminated string starting at column 10)"


def test_an_unclosed_string_in_a_json_manifest_reads_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ferry returns on Monday, the harbour said.\n")
    (tmp_path / "newsprism.json").write_text('[{"path": "a.txt, "outlet": "X"}]')
    items = list(read_inputs([str(tmp_path)], IngestOptions()))
    (failure,) = [i for i in items if isinstance(i, IngestFailure)]
    assert "invalid JSON (" in failure.reason and " at at " not in failure.reason
