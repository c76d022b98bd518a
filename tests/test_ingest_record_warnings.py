"""Metadata a JSON record holds but that cannot be read is left out with one warning
line naming the record (it was left out without a word: an article silently undated
falls out of its story's time window and timeline), and a placeholder publication date
is a warning line like the others, not a log record."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions
from newsprism.ingest.pipeline import read_inputs
from newsprism.model import Article, IngestWarning
from tests.conftest import BODY


def _read(path: Path) -> tuple[list[object], list[IngestWarning]]:
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(path)], IngestOptions(), on_warning=warnings.append))
    return items, warnings


def test_unreadable_record_fields_are_each_one_warning(tmp_path: Path) -> None:
    records = [
        {"text": BODY, "published": 1709460000, "title": ["Pier"]},
        {"text": BODY + " Two.", "published": "2026-02-30T10:00:00Z"},
        {"text": BODY + " Three.", "published": "2026-03-03T10:00:00+01:00", "url": None},
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    items, warnings = _read(path)
    assert sum(isinstance(i, Article) for i in items) == 3  # every article still stored
    assert [str(w) for w in warnings] == [
        f'{path}:1: title is not text (["Pier"]); left out',
        f"{path}:1: published 1709460000 is not a valid ISO 8601 time; left out",
        f'{path}:2: published "2026-02-30T10:00:00Z" is not a valid ISO 8601 time; left out',
    ]


def test_a_placeholder_date_is_a_warning_line(tmp_path: Path) -> None:
    path = tmp_path / "open-end.json"
    path.write_text(json.dumps({"text": BODY, "published": "9999-12-31"}), encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [f"warning: {path}: publication date 9999-12-31 is a placeholder; left out"]
