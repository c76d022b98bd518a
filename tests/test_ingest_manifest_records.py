"""A manifest pattern row is a folder-wide default: the records of a JSON Lines, JSON or
WARC file keep their own outlet, URL and date over it (a "*" row stamped one outlet and
one URL on every record of a crawl), while the file's own row still wins over them."""

from __future__ import annotations

import io
import json
from pathlib import Path

from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.cli import app
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article
from tests.conftest import BODY

RECORDS = [
    {
        "text": BODY,
        "outlet": "Coast Radio",
        "url": "https://coast.example/a",
        "published": "2026-03-03T09:00:00+00:00",
    },
    {"text": BODY.replace("pier", "harbour wall"), "url": "https://nord.example/b"},
    {"text": BODY.replace("pier", "ferry quay")},
]


def _articles(folder: Path) -> list[Article]:
    items = list(read_inputs([str(folder)], IngestOptions()))
    return [i for i in items if isinstance(i, Article)]


def _jsonl(folder: Path, manifest: str) -> Path:
    folder.mkdir()
    (folder / "feed.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8"
    )
    (folder / "newsprism.csv").write_text(manifest, encoding="utf-8")
    return folder


def test_a_star_row_fills_in_only_what_a_record_leaves_out(tmp_path: Path) -> None:
    folder = _jsonl(tmp_path / "f", "path,outlet,url,published\n*,The Ledger,,2026-03-01\n")
    first, second, third = _articles(folder)
    assert (first.outlet, first.url) == ("Coast Radio", "https://coast.example/a")
    assert first.published is not None and first.published.day == 3
    assert (second.outlet, second.url) == ("The Ledger", "https://nord.example/b")
    assert third.outlet == "The Ledger" and third.url is None
    assert second.published is not None and second.published.day == 1


def test_the_files_own_row_still_wins_over_its_records(tmp_path: Path) -> None:
    folder = _jsonl(tmp_path / "f", "path,outlet\nfeed.jsonl,The Ledger\n*,Other\n")
    assert {a.outlet for a in _articles(folder)} == {"The Ledger"}


def test_a_star_row_still_names_the_outlet_of_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.txt").write_text("Pier closes\n\nBy Ana Ruiz, Ardmoor Gazette\n\n" + BODY)
    (folder / "newsprism.csv").write_text("path,outlet\n*,The Ledger\n", encoding="utf-8")
    assert [a.outlet for a in _articles(folder)] == ["The Ledger"]


def _warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for host in ("coast.example", "nord.example"):
            page = f"<html><head><title>Pier</title></head><body><p>{BODY}</p></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            record = writer.create_warc_record(
                f"https://{host}/pier",
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=headers,
            )
            writer.write_record(record)


def test_a_star_row_keeps_each_warc_records_own_url(tmp_path: Path) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    _warc(folder / "crawl.warc")
    (folder / "newsprism.csv").write_text(
        "path,outlet,url\n*,,https://ledger.example/x\n", encoding="utf-8"
    )
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    urls = {a.url for a in _articles(folder)}
    assert urls == {"https://coast.example/pier", "https://nord.example/pier"}
