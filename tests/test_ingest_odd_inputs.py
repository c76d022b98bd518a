"""Odd inputs a user hands to ``ingest``: an OPML list of feeds was stored as one article
holding its XML (or failed as "feed has no entries"), and a JSON array of numbers or
nulls failed with Python's type names ("got NoneType")."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app

_OPML_LINE = "an OPML list of feeds, not an article (newsprism watch reads the feeds it names)"


@pytest.mark.parametrize(
    "data",
    [
        '<opml><body><outline xmlUrl="https://example.org/a.rss"/></body></opml>',
        '<?xml version="1.0"?>\n<!-- my feeds -->\n<opml version="2.0"><body>'
        '<outline xmlUrl="https://example.org/a.rss"/></body></opml>',
    ],
)
def test_an_opml_list_is_refused_with_a_pointer_to_watch(tmp_path: Path, data: str) -> None:
    path = tmp_path / "subscriptions.opml"
    path.write_text(data)
    db = tmp_path / "n.db"
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == f"failed: {path}: {_OPML_LINE}\n"
    listed = CliRunner().invoke(app, ["articles", "--db", str(db), "--json"])
    assert listed.stdout.strip() == "[]"


def test_json_values_that_are_no_objects_are_named_in_json_words(tmp_path: Path) -> None:
    path = tmp_path / "items.json"
    path.write_text('[1, null, "x", [], true]')
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "n.db")])
    got = [line.rsplit(": ", 1)[1] for line in result.stderr.splitlines()]
    assert got == [
        "expected a JSON object, got a number",
        "expected a JSON object, got null",
        "expected a JSON object, got a string",
        "expected a JSON object, got an array",
        "expected a JSON object, got true",
    ]
