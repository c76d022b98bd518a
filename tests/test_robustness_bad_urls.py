"""A URL that does not parse ("http://[::1": an unclosed IPv6 bracket) in a record, a
watched feed or a request's Origin: one failure or refusal, never a traceback or a 500.
urlsplit raises ValueError for it, and httpx raises InvalidURL, which is not one of its
HTTPErrors."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article
from newsprism.store import Store
from newsprism.web import WebOptions, create_app
from tests.conftest import BODY

BAD = "http://[::1"


def test_a_record_with_a_url_that_does_not_parse_is_stored_as_given(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"text": BODY, "url": BAD}) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)], IngestOptions()))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert (items[0].url, items[0].outlet) == (BAD, "wire")  # no domain: the file's stem


def test_a_watched_feed_with_a_url_that_does_not_parse_fails_alone(tmp_path: Path) -> None:
    args = ["watch", BAD, "--once", "--db", str(tmp_path / "w.db"), "--embeddings", "off"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert f"failed: {BAD}: invalid URL" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("watch: 1 failed (1 feed)")


def test_an_origin_that_does_not_parse_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    Store(db).close()
    web = create_app(db, WebOptions(embeddings="off"))
    with TestClient(web, base_url="http://127.0.0.1") as client:
        response = client.post("/api/ingest", json={"url": "https://a.example/"}, headers={
            "origin": BAD
        })  # fmt: skip
    assert response.status_code == 403
    assert "cross-site request" in response.json()["detail"]
