"""A feed saved in UTF-16 or UTF-32 is read by what its bytes are (its byte-order mark,
or UTF-16's NULs on one side of the byte pairs), whatever encoding its XML declaration
still names: a UTF-16 feed declaring UTF-8 (re-saved as "Unicode" by a Windows editor)
failed whole as "malformed feed XML (not well-formed (invalid token))", in ``ingest``
and ``watch`` alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from tests.builders import rss_feed
from tests.conftest import BODY

runner = CliRunner()

_ENTRY = {"title": "Tessel closes its old ferry pier", "link": "https://coastal.example/pier"}


def _feed(tmp_path: Path, encoding: str) -> Path:
    xml = rss_feed([{"body": BODY, **_ENTRY}]).decode("utf-8")
    assert xml.startswith("<?xml") and "utf-8" in xml[:60].lower()  # declares UTF-8
    feed = tmp_path / f"coastal-{encoding}.xml"
    feed.write_bytes(xml.encode(encoding))
    return feed


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_ingest_reads_a_wide_feed_declaring_utf8(tmp_path: Path, encoding: str) -> None:
    feed = _feed(tmp_path, encoding)
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    assert "failed" not in result.stderr


def test_watch_reads_a_utf16_feed_declaring_utf8(tmp_path: Path) -> None:
    feed = _feed(tmp_path, "utf-16")
    args = ["watch", str(feed), "--once", "--db", str(tmp_path / "w.db"), "--embeddings", "off"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "+1 article" in result.output
