"""What an upload whose stored copy kept other metadata is told: said on mixed uploads
too (a new record beside a stored one, review s38/2 M3), and how the copy can be updated
chosen by where it came from (review s38/2 M4). Invented texts."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.ingest.batch import IngestReport
from newsprism.model import IngestWarning
from newsprism.web.jobs import _result_of
from tests.test_web_manifest import PIER, QUAY, _job, _stored, _upload, client

__all__ = ["client"]  # the fixture, used by name


def _record(url: str, text: str) -> str:
    return json.dumps({"url": url, "outlet": "Harbour Herald", "title": "Pier", "text": text})


def _manifest(name: str, url: str) -> str:
    return f"path,outlet,url\n{name},Tessel Tidings,https://tidings.example/{url}\n"


def test_a_mixed_upload_says_the_changed_url_was_kept(client: TestClient, tmp_path: Path) -> None:
    _job(client, [_upload("feed.jsonl", _record("https://h.example/pier", PIER))])
    body = _record("https://h.example/pier-moved", PIER) + "\n"
    body += _record("https://h.example/quay", QUAY) + "\n"
    (result,) = _job(client, [_upload("feed.jsonl", body)])["results"]
    assert result["status"] == "ok"
    assert result["reason"].startswith(
        "1 of its articles already in the store; its stored URL differs from this upload's "
        "and was kept"
    )
    urls = {url for _, url, _ in _stored(tmp_path / "web.db").values()}
    assert urls == {"https://h.example/pier", "https://h.example/quay"}


def test_a_copy_from_an_upload_of_another_name_says_how_to_update_it(
    client: TestClient, tmp_path: Path
) -> None:
    _job(client, [_upload("newsprism.csv", _manifest("a.txt", "pier")), _upload("a.txt", PIER)])
    files = [_upload("newsprism.csv", _manifest("b.txt", "pier-2")), _upload("b.txt", PIER)]
    reason = _job(client, files, True)["results"][1]["reason"]
    assert reason.endswith(
        "the stored copy came from the upload a.txt (to update it, upload a.txt again with "
        "its manifest and 'correct' ticked)"
    )
    # ... which is true: the upload it names does update it.
    files = [_upload("newsprism.csv", _manifest("a.txt", "pier-2")), _upload("a.txt", PIER)]
    fixed = _job(client, files, True)["results"][1]
    assert fixed["reason"] == "the stored copy's metadata corrected"
    ((_, url, _),) = _stored(tmp_path / "web.db").values()
    assert url == "https://tidings.example/pier-2"


def test_a_copy_uploaded_without_a_manifest_says_no_upload_can_update_it(
    client: TestClient,
) -> None:
    _job(client, [_upload("feed.jsonl", _record("https://h.example/pier", PIER))])
    again = _record("https://h.example/pier-moved", PIER)
    (result,) = _job(client, [_upload("feed.jsonl", again)])["results"]
    assert result["status"] == "duplicate"
    reason = result["reason"]
    assert reason.endswith(
        "the stored copy was uploaded as feed.jsonl without a manifest, so no upload can update it"
    )
    assert "not from an upload" not in reason


def test_an_input_read_as_an_edit_of_a_stored_page_is_ok_with_the_version_said() -> None:
    # An edit (or an edit reverted) adds no article and is no duplicate: it was answered
    # 'failed: no article found' (review s41/1 S2). Uploads of one job are not folded
    # into another job's article (an upload's name is no identity), so this is the
    # result of an input whose read the store kept as a version.
    said = "an edited page, kept as version 2 of a0005b00"
    report = IngestReport(inputs=1, edited=["a0005b00bd29fd4e"])
    report.warnings.append(IngestWarning("feed.jsonl", said))
    result = _result_of("feed.jsonl", report)
    assert (result.status, result.reason) == ("ok", said)
