"""Defects found by running the CLI on hostile inputs, each fixed with its test."""

from __future__ import annotations

from pathlib import Path

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article

BODY = "The minister said the pier would open on Monday after the storm."


def test_a_file_name_with_a_newline_gives_a_one_line_outlet(tmp_path: Path) -> None:
    # The outlet of last resort is the file's name: "nl\nname.txt" stored "nl\nname",
    # which split the articles table's row in two (--outlet was already one line).
    path = tmp_path / "nl\nname\x1b[31m.txt"
    path.write_text(BODY, encoding="utf-8")
    (article,) = list(read_inputs([str(path)], IngestOptions()))
    assert isinstance(article, Article)
    assert article.outlet == "nl name [31m"
