"""A raw control character (a tab, a NUL) inside a JSON string, as some exporters write
them unescaped: the whole record was refused ("Invalid control character"). The record
is read now, the character cleaned as an escaped one is."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article
from tests.conftest import BODY

Write = Callable[..., Path]


def _record(**fields: str) -> str:
    return json.dumps({"text": BODY, **fields}).replace("\\t", "\t").replace("\\u0000", "\x00")


def test_raw_controls_in_json_lines_and_arrays_are_read(write: Write) -> None:
    line = _record(title="Pier\tcloses", outlet="Coast\x00Radio")
    paths = [write("export.jsonl", line + "\n"), write("export.json", f"[{line}]")]
    items = list(read_inputs([str(p) for p in paths], IngestOptions()))
    assert all(isinstance(i, Article) for i in items), items
    for article in items:
        assert isinstance(article, Article)
        assert (article.title, article.outlet) == ("Pier closes", "Coast Radio")
        assert "\x00" not in article.text and "\t" not in article.text
