"""Addresses newsprism does not read, and http(s) addresses written in capitals: an
``ftp://`` or ``s3://`` address failed "no such file, folder or URL", as if mistyped, and
"HTTP://..." was looked for as a file. Now: one line naming the scheme, and a fetch."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest.sources import Input, InputKind, expand_inputs, is_url
from newsprism.ingest.watch import plan_feeds

runner = CliRunner()


@pytest.mark.parametrize("address", ["ftp://files.example/a.txt", "S3://bucket/key.html"])
def test_an_address_of_another_scheme_is_one_line_naming_it(tmp_path: Path, address: str) -> None:
    args = ["ingest", address, "--db", str(tmp_path / "x.db")]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output
    scheme = address.partition(":")[0]
    assert f"failed: {address}: unsupported URL scheme '{scheme}'" in result.stderr


def test_a_watched_feed_of_another_scheme_says_so(tmp_path: Path) -> None:
    args = ["watch", "ftp://files.example/feed.xml", "--once", "--db", str(tmp_path / "w.db")]
    result = runner.invoke(app, args)
    assert result.exit_code != 0
    assert "ftp://files.example/feed.xml: unsupported URL scheme 'ftp'" in result.stderr


@pytest.mark.parametrize("address", ["HTTP://news.example/a", "Https://news.example/a"])
def test_an_address_in_capitals_is_fetched(address: str) -> None:
    assert is_url(address)
    (found,) = expand_inputs([address])
    assert isinstance(found, Input) and found.kind is InputKind.URL


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("HTTP://Harbour.Example/News/Crane.html", "http://harbour.example/News/Crane.html"),
        ("https://Ed:PaSS@News.Example:8080/A?Q=1", "https://Ed:PaSS@news.example:8080/A?Q=1"),
        ("http://news.example/a", "http://news.example/a"),
    ],
)
def test_an_address_is_read_as_a_fetch_reports_it(written: str, stored: str) -> None:
    # Review s35 r2 L2: the source kept "HTTP://Harbour.Example" while the url said
    # "http://harbour.example", and the same page read as written in lower case later
    # was another source. Scheme and host are case-blind; the path is not.
    assert list(expand_inputs([written])) == [Input(stored, InputKind.URL)]
    assert plan_feeds([written]) == ([stored], [])


def test_an_opml_list_naming_one_feed_in_two_spellings_watches_it_once(tmp_path: Path) -> None:
    outlines = (
        '<outline xmlUrl="HTTP://Post.Example/feed"/><outline xmlUrl="http://post.example/feed"/>'
        '<outline xmlUrl="FTP://Files.Example/feed"/><outline xmlUrl="ftp://files.example/feed"/>'
    )
    (tmp_path / "a.opml").write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>',
        encoding="utf-8",
    )
    feeds, failures = plan_feeds([str(tmp_path / "a.opml")])
    assert feeds == ["http://post.example/feed"]
    assert [f.source for f in failures] == ["ftp://files.example/feed"]


def test_a_missing_file_with_a_colon_is_still_no_such_file() -> None:
    (found,) = expand_inputs(["notes:draft.txt"])
    assert not isinstance(found, Input) and found.reason == "no such file, folder or URL"


def test_an_opml_outline_of_another_scheme_is_one_failure_not_a_file(tmp_path: Path) -> None:
    feed = tmp_path / "post.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Vellmar Post</title>'
        "<item><title>Crane</title><link>https://post.example/1</link><description>The crane "
        "at the Vellmar pier fell into the water on Tuesday, the port authority said."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    outlines = '<outline xmlUrl="ftp://files.example/feed"/><outline xmlUrl="post.rss"/>'
    for name in ("a.opml", "b.opml"):
        (tmp_path / name).write_text(
            f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>',
            encoding="utf-8",
        )
    feeds, failures = plan_feeds([str(tmp_path / "a.opml"), str(tmp_path / "b.opml")])
    assert feeds == [str(tmp_path / "post.rss")]
    assert [(f.source, f.reason.partition(" (")[0]) for f in failures] == [
        ("ftp://files.example/feed", "unsupported URL scheme 'ftp'")
    ]
