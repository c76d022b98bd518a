"""An OPML list saved as UTF-16 (Windows' "Unicode", with or without its byte-order
mark, whatever encoding its XML declaration names) is read as the list it is: ``watch``
took it for a feed and failed it as "malformed feed XML" or "feed has no entries", and
``ingest`` did not say it was a list of feeds. A feed named by a ``file://`` address (on
the command line or in a list) is the file it names: it was "no such feed file"."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest.watch import plan_feeds
from tests.builders import rss_feed
from tests.conftest import BODY

runner = CliRunner()

_OPML = (
    '<?xml version="1.0" encoding="{declared}"?>\n'
    '<opml version="2.0"><head><title>subscriptions</title></head><body>\n'
    '<outline text="Coastal" type="rss" xmlUrl="{url}"/>\n'
    "</body></opml>\n"
)
_ENCODINGS = ("utf-16", "utf-16-le", "utf-16-be")


def _feed(tmp_path: Path) -> Path:
    feed = tmp_path / "coastal.xml"
    entry = {"title": "Tessel closes its old ferry pier", "link": "https://coastal.example/pier"}
    feed.write_bytes(rss_feed([{"body": BODY, **entry}]))
    return feed


def _opml(tmp_path: Path, encoding: str, declared: str, url: str) -> Path:
    opml = tmp_path / f"subs-{encoding}-{declared}.opml"
    opml.write_bytes(_OPML.format(declared=declared, url=url).encode(encoding))
    return opml


def _watch(db: Path, *feeds: str) -> Any:
    return runner.invoke(app, ["watch", *feeds, "--once", "--db", str(db), "--embeddings", "off"])


@pytest.mark.parametrize("encoding", _ENCODINGS)
@pytest.mark.parametrize("declared", ["UTF-16", "UTF-8"])
def test_a_utf16_opml_list_names_its_feeds(tmp_path: Path, encoding: str, declared: str) -> None:
    opml = _opml(tmp_path, encoding, declared, "coastal.xml")
    assert plan_feeds([str(opml)]) == ([str(tmp_path / "coastal.xml")], [])


def test_watch_reads_the_feeds_of_a_utf16_opml_list(tmp_path: Path) -> None:
    _feed(tmp_path)
    opml = _opml(tmp_path, "utf-16", "UTF-16", "coastal.xml")
    result = _watch(tmp_path / "w.db", str(opml))
    assert result.exit_code == 0, result.output
    assert "failed" not in result.output
    assert "+1 article" in result.output


@pytest.mark.parametrize("encoding", _ENCODINGS)
def test_ingest_says_a_utf16_opml_list_is_a_list_of_feeds(tmp_path: Path, encoding: str) -> None:
    opml = _opml(tmp_path, encoding, "UTF-16", "coastal.xml")
    result = runner.invoke(app, ["ingest", str(opml), "--db", str(tmp_path / "i.db")])
    assert result.exit_code == 1
    assert f"failed: {opml}: an OPML list of feeds, not an article" in result.stderr


def test_a_feed_file_named_by_a_file_url_is_read(tmp_path: Path) -> None:
    feed = _feed(tmp_path)
    opml = _opml(tmp_path, "utf-8", "UTF-8", feed.as_uri())
    assert plan_feeds([feed.as_uri(), str(opml)]) == ([str(feed)], [])
    result = _watch(tmp_path / "w.db", feed.as_uri())
    assert result.exit_code == 0, result.output
    assert "+1 article" in result.output


def _utf32_opml(tmp_path: Path, order: str) -> Path:
    """A list saved as UTF-32 with its byte-order mark (either order), declaring UTF-8."""
    opml = tmp_path / f"subs-utf32-{order}.opml"
    bom = codecs.BOM_UTF32_LE if order == "le" else codecs.BOM_UTF32_BE
    text = _OPML.format(declared="UTF-8", url="coastal.xml")
    opml.write_bytes(bom + text.encode(f"utf-32-{order}"))
    return opml


@pytest.mark.parametrize("order", ["le", "be"])
def test_a_utf32_opml_list_is_a_list_in_ingest_and_watch(tmp_path: Path, order: str) -> None:
    """``ingest`` stored a UTF-32 list as an article of raw XML, and ``watch`` called it
    a feed with no entries: only the feed reader knew UTF-32 (one shared helper now)."""
    _feed(tmp_path)
    opml = _utf32_opml(tmp_path, order)
    assert plan_feeds([str(opml)]) == ([str(tmp_path / "coastal.xml")], [])
    ingested = runner.invoke(app, ["ingest", str(opml), "--db", str(tmp_path / "i.db")])
    assert ingested.exit_code == 1
    assert f"failed: {opml}: an OPML list of feeds, not an article" in ingested.stderr
    watched = _watch(tmp_path / "w.db", str(opml))
    assert watched.exit_code == 0, watched.output
    assert "+1 article" in watched.output
