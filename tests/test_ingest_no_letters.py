"""Input with not one letter or digit (bytes no encoding fits, read as U+FFFD; a line of
symbols) is one failure naming it, not an article: "\\ufffd\\ufffd" was stored as one,
with only a warning about the bytes. The rest of the batch is still stored."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsprism.cli import app

runner = CliRunner()

_REASON = "no article text: not one letter or digit in it"


def test_text_without_a_letter_is_one_failure_and_the_rest_is_stored(tmp_path: Path) -> None:
    (tmp_path / "symbols.txt").write_text("*** --- !!! ???\n", encoding="utf-8")
    (tmp_path / "bytes.txt").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "ferry.txt").write_text(
        "The Tessel ferry resumed on Tuesday after a week of repairs, the operator said.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert failed == [
        f"failed: {tmp_path / 'bytes.txt'}: {_REASON}",
        f"failed: {tmp_path / 'symbols.txt'}: {_REASON}",
    ]
    listed = runner.invoke(app, ["articles", "--json", "--db", str(tmp_path / "n.db")])
    assert '"source": "' + str(tmp_path / "ferry.txt") in listed.output
    assert listed.output.count('"id"') == 1


_SYMBOL_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tessel Courier</title><link>http://example.invalid/</link>
<item><title>\u2605\u2605</title><link>http://example.invalid/s</link><guid>s1</guid>
<description>\u2605 \u2605 \u2014 \u2708</description></item>
<item><title>Tessel ferry resumes</title><link>http://example.invalid/a</link><guid>a1</guid>
<description>The Tessel ferry resumed on Tuesday after a week of repairs, the operator
said.</description></item>
</channel></rss>
"""


def test_a_feed_entry_without_a_letter_is_named_by_its_link(tmp_path: Path) -> None:
    """The failure named the feed, which read as the whole feed failing (its other
    entry was stored) and did not say which of its entries failed; ``watch`` too."""
    feed = tmp_path / "courier.xml"
    feed.write_text(_SYMBOL_FEED, encoding="utf-8")
    expected = [f"failed: {feed}#http://example.invalid/s: {_REASON}"]
    for command in (["ingest"], ["watch", "--once"]):
        db = str(tmp_path / f"{command[0]}.db")
        result = runner.invoke(app, [*command, str(feed), "--db", db])
        failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
        assert failed == expected, command
