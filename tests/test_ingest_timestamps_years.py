"""Two-digit years are read against today: "12/31/99" in a page read in 2026 was 2099.
Invented text."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import timestamps
from newsprism.ingest.timestamps import full_year, parse_stamp


@pytest.mark.parametrize(
    ("year", "today", "expected"),
    [
        (99, date(2026, 12, 7), 1999),
        (26, date(2026, 12, 7), 2026),
        (27, date(2026, 12, 7), 2027),  # a year ahead: a page dated ahead
        (28, date(2026, 12, 7), 1928),
        (0, date(2026, 1, 1), 2000),
        (0, date(2099, 6, 1), 2100),  # 2100 is at most a year after 2099
        (99, date(2099, 6, 1), 2099),
        (2099, date(2026, 1, 1), 2099),  # four digits as written
    ],
)
def test_full_year(year: int, today: date, expected: int) -> None:
    assert full_year(year, today) == expected


def test_parse_stamp_reads_two_digit_years_against_today() -> None:
    today = date(2026, 12, 7)
    assert parse_stamp("12/31/99", UTC, today) == datetime(1999, 12, 31, tzinfo=UTC)
    assert parse_stamp("5.3.26 14:05", UTC, today) == datetime(2026, 3, 5, 14, 5, tzinfo=UTC)
    assert parse_stamp("31/12/2099", UTC, today) == datetime(2099, 12, 31, tzinfo=UTC)


def test_an_ingested_page_dated_99_is_from_1999(tmp_path: Path) -> None:
    page = tmp_path / "pier.txt"
    page.write_text(
        "Pier reopens after storm\n\nPublished 12/31/99 10:00 UTC\n\n"
        "The old pier in Tessel reopened on Friday after a week of repairs, the harbour "
        "board said. Ferries will run to Marrow again from Monday morning.\n"
    )
    db = str(tmp_path / "n.db")
    assert CliRunner().invoke(app, ["ingest", str(page), "--db", db]).exit_code == 0
    result = CliRunner().invoke(app, ["articles", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    assert "1999-12-31T10:00:00+00:00" in json.dumps(json.loads(result.stdout))


def test_a_reread_a_year_later_does_not_move_a_two_digit_year_by_a_century(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'5.3.28' read in 2026 is 1928; read again in 2027 it is 2028, and the re-read
    'corrected' the stored date by a century (review s36/2 L3)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Dolmen council meeting\n\nBy Ivo Brandl | 5.3.28\n\nThe Dolmen council voted to "
        "build a new school near the quay, at a cost of four million crowns, the mayor "
        "said after the vote.\n\nWork starts in May.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    args = ["ingest", str(folder), "--outlet", "Dolmen Post", "--db", db]

    class Later(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Later:
            return cls(2027, 6, 1, tzinfo=tz)

    class Now(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Now:
            return cls(2026, 6, 1, tzinfo=tz)

    monkeypatch.setattr(timestamps, "datetime", Now)
    assert CliRunner().invoke(app, args).exit_code == 0
    monkeypatch.setattr(timestamps, "datetime", Later)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0 and "corrected" not in result.stdout, result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT published FROM articles").fetchall() == [
            ("1928-03-05T00:00:00+00:00",)
        ]


def test_a_feeds_two_digit_year_is_read_as_a_pages_is(tmp_path: Path) -> None:
    """A feed's 'Sun, 05 Mar 28' was 2028 (email.utils' own pivot) while a page's
    '5.3.28' is 1928 in 2026: two pivots in one tool (review s36/2 L6)."""
    feed = tmp_path / "f.xml"
    feed.write_text(
        "<rss version='2.0'><channel><title>Dolmen Post</title><item><title>Pier reopens"
        "</title><guid>p1</guid><pubDate>Sun, 05 Mar 28 10:00:00 GMT</pubDate><description>"
        "The old pier in Dolmen reopened on Friday after a week of repairs, the harbour "
        "board said. Ferries will run to Marrow again from Monday.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    assert CliRunner().invoke(app, ["ingest", str(feed), "--db", db]).exit_code == 0
    year = full_year(28, datetime.now(UTC).date())
    with sqlite3.connect(db) as conn:
        (published,) = conn.execute("SELECT published FROM articles").fetchone()
    assert published == f"{year}-03-05T10:00:00+00:00"
