"""A manifest uploaded with the files it describes (the ingest form, ``POST /api/ingest``)
is applied to them, as ``newsprism ingest`` applies one beside the files: each upload
had been saved in a folder of its own, the manifest read as nothing. A broken manifest
is its own one-line failure in the job, naming it as uploaded; the files are still read.
The analysis is left out (the ingest stage is what is checked): it loads spaCy."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import ingest
from newsprism.store import Store
from newsprism.web import WebOptions, create_app
from newsprism.web import jobs as web_jobs
from tests.conftest import BODY

Upload = tuple[str, tuple[str, bytes, str]]
MANIFEST = (
    "path,outlet,url,published\n"
    "pier.txt,Tessel Tidings,https://tidings.example/pier,2026-03-03T09:15:00+01:00\n"
    "sub/quay.txt,Quay Courier,,\n"
)
PIER = "Pier closes\n\n" + BODY
QUAY = "Quay opens\n\n" + BODY.replace("Tessel", "Varna")


@pytest.fixture
def client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(web_jobs, "_analyze", lambda *args, **kwargs: {})
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(tmp_path / "web.db", options)) as test_client:
        yield test_client


def _upload(name: str, content: str) -> Upload:
    return ("files", (name, content.encode(), "text/plain"))


def _job(client: TestClient, files: Sequence[Upload], correct: bool = False) -> dict[str, Any]:
    data = {"correct": "true"} if correct else None
    response = client.post("/api/ingest", files=list(files), data=data)
    assert response.status_code == 202, response.text
    return _job_done(client, response.json()["job"])


def _stored(db: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    with Store(db) as store:
        return {
            a.id: (a.outlet, a.url, a.published.isoformat() if a.published else None)
            for a in store.list_articles()
        }


def _cli_store(tmp_path: Path, manifest: str) -> Path:
    folder = tmp_path / "scraped"
    (folder / "sub").mkdir(parents=True)
    (folder / "pier.txt").write_text(PIER, encoding="utf-8")
    (folder / "sub" / "quay.txt").write_text(QUAY, encoding="utf-8")
    (folder / "newsprism.csv").write_text(manifest, encoding="utf-8")
    db = tmp_path / "cli.db"
    with Store(db) as store:
        ingest(store, [str(folder)], IngestOptions())
    return db


def test_an_uploaded_manifest_is_applied_as_the_cli_applies_it(
    client: TestClient, tmp_path: Path
) -> None:
    files = [
        _upload("scraped/pier.txt", PIER),
        _upload("scraped/newsprism.csv", MANIFEST),
        _upload("scraped/sub/quay.txt", QUAY),
    ]
    done = _job(client, files)
    assert [(r["input"], r["status"]) for r in done["results"]] == [
        ("scraped/pier.txt", "ok"),
        ("scraped/newsprism.csv", "ok"),
        ("scraped/sub/quay.txt", "ok"),
    ]
    web = _stored(tmp_path / "web.db")
    assert web == _stored(_cli_store(tmp_path, MANIFEST))
    assert sorted(outlet or "" for outlet, _, _ in web.values()) == [
        "Quay Courier",
        "Tessel Tidings",
    ]


def test_files_picked_without_their_folder_get_the_manifest_too(
    client: TestClient, tmp_path: Path
) -> None:
    files = [_upload("newsprism.csv", MANIFEST), _upload("pier.txt", PIER)]
    done = _job(client, files)
    assert [r["status"] for r in done["results"]] == ["ok", "ok"]
    ((outlet, url, published),) = _stored(tmp_path / "web.db").values()
    assert (outlet, url) == ("Tessel Tidings", "https://tidings.example/pier")
    assert published == "2026-03-03T09:15:00+01:00"


def test_a_bad_manifest_is_one_failed_line_and_the_files_are_still_read(
    client: TestClient, tmp_path: Path
) -> None:
    bad = "path,outlet,publised\npier.txt,Tessel Tidings,2026-03-03\n"  # a misspelt column
    done = _job(client, [_upload("pier.txt", PIER), _upload("newsprism.csv", bad)])
    pier, manifest = done["results"]
    assert pier == {"input": "pier.txt", "status": "ok", "reason": None}
    assert manifest["input"] == "newsprism.csv" and manifest["status"] == "failed"
    reason = manifest["reason"]
    assert "publised" in reason and "\n" not in reason
    assert "newsprism-upload" not in reason  # named as uploaded, not by its temporary path
    assert done["stages"][0]["status"] == "partial"
    ((outlet, _, _),) = _stored(tmp_path / "web.db").values()
    assert outlet != "Tessel Tidings"


def test_a_bad_row_leaves_its_file_unread_and_the_good_rows_apply(
    client: TestClient, tmp_path: Path
) -> None:
    """One bad row refused the whole manifest: the upload it named was stored under its
    file's name, and so was every other upload, the good rows unused."""
    bad = "path,outlet,published\npier.txt,Tessel Tidings,last Tuesday\nquay.txt,Quay Courier,\n"
    files = [_upload("pier.txt", PIER), _upload("quay.txt", QUAY), _upload("newsprism.csv", bad)]
    pier, quay, manifest = _job(client, files)["results"]
    assert pier["status"] == "failed" and "newsprism-upload" not in pier["reason"]
    assert pier["reason"] == (
        "newsprism.csv row 2: published 'last Tuesday' is not an ISO 8601 date; "
        "not read until the row is fixed"
    )
    assert quay["status"] == "ok" and manifest["status"] == "ok"
    assert [outlet for outlet, _, _ in _stored(tmp_path / "web.db").values()] == ["Quay Courier"]


def test_a_row_without_a_path_is_said_on_the_manifest_line(client: TestClient) -> None:
    bad = "path,outlet\n,Tessel Tidings\nquay.txt,Quay Courier\n"
    files = [_upload("quay.txt", QUAY), _upload("newsprism.csv", bad)]
    quay, manifest = _job(client, files)["results"]
    assert quay == {"input": "quay.txt", "status": "ok", "reason": None}
    assert manifest == {
        "input": "newsprism.csv",
        "status": "ok",
        "reason": "row 2: no path; row not used",
    }


def test_rows_naming_no_uploaded_file_are_said_on_the_manifest_line(client: TestClient) -> None:
    done = _job(client, [_upload("newsprism.csv", MANIFEST), _upload("pier.txt", PIER)])
    manifest = done["results"][0]
    assert manifest["status"] == "ok"
    assert "sub/quay.txt" in manifest["reason"] and "newsprism-upload" not in manifest["reason"]
    # Said once, on the manifest's line: not again on each upload's.
    assert done["results"][1] == {"input": "pier.txt", "status": "ok", "reason": None}, done


def test_upload_paths_stay_in_their_folder() -> None:
    assert web_jobs.upload_path("../../etc/passwd") == "etc/passwd"
    assert web_jobs.upload_path("C:\\scraped\\pier (1).txt") == "C:/scraped/pier (1).txt"
    assert web_jobs.upload_path("./..") is None
    assert web_jobs.upload_path("a\x00b.txt") is None


def test_a_second_upload_of_one_path_is_read_apart(client: TestClient, tmp_path: Path) -> None:
    files = [
        _upload("newsprism.csv", MANIFEST),
        _upload("pier.txt", PIER),
        _upload("pier.txt", QUAY),
    ]
    done = _job(client, files)
    assert [r["status"] for r in done["results"]] == ["ok", "ok", "ok"]
    outlets = sorted(outlet or "" for outlet, _, _ in _stored(tmp_path / "web.db").values())
    assert len(outlets) == 2 and outlets.count("Tessel Tidings") == 1


def test_a_manifest_left_in_the_temporary_folder_does_not_apply_to_uploads(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Uploads are saved under the temporary folder, and manifests were looked for up
    to the root: a newsprism.csv anyone can write in /tmp gave every upload its outlet."""
    shared_tmp = tmp_path / "tmp"
    shared_tmp.mkdir()
    (shared_tmp / "newsprism.csv").write_text("path,outlet\n*,Planted Wire\n", encoding="utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(shared_tmp))
    uploads = [
        [_upload("pier.txt", PIER)],
        [_upload("newsprism.csv", "path\n"), _upload("quay.txt", QUAY)],
    ]
    for files in uploads:
        results = _job(client, files)["results"]
        assert all(r["status"] == "ok" for r in results), results
    assert "Planted Wire" not in {outlet for outlet, _, _ in _stored(tmp_path / "web.db").values()}


def test_an_upload_is_stored_under_its_name_and_a_corrected_manifest_corrects_it(
    client: TestClient, tmp_path: Path
) -> None:
    """The stored source was the upload's temporary path (shown on the article's page,
    gone when the job ended), a new one each upload: uploading the files again with the
    manifest's outlet corrected stored a second copy under the new outlet."""
    misspelt = MANIFEST.replace("Tessel Tidings", "Tessel Tidngs")
    first = _job(client, [_upload("newsprism.csv", misspelt), _upload("pier.txt", PIER)])
    uploads = [_upload("newsprism.csv", MANIFEST), _upload("pier.txt", PIER)]
    again = _job(client, uploads, correct=True)  # asked for (review s37/2 S2)
    assert [r["status"] for r in first["results"] + again["results"]] == ["ok"] * 4
    assert again["results"][1]["reason"] == "the stored copy's metadata corrected"
    with Store(tmp_path / "web.db") as store:
        (article,) = store.list_articles()
    assert (article.source, article.outlet) == ("pier.txt", "Tessel Tidings")


def test_a_second_outlets_upload_of_one_wire_text_is_stored_apart(
    client: TestClient, tmp_path: Path
) -> None:
    """Review s37/2 S2: two jobs, each story.txt (one wire text) with a manifest naming
    its own outlet. The second relabelled the first's article (the upload's name was
    taken for the file's identity): the first outlet's copy was gone."""
    for outlet in ("Orla Gazette", "Brisk Herald"):
        manifest = f"path,outlet\nstory.txt,{outlet}\n"
        job = _job(client, [_upload("story.txt", PIER), _upload("newsprism.csv", manifest)])
        assert [r["status"] for r in job["results"]] == ["ok", "ok"]
    assert "stored already under 'Orla Gazette'" in job["results"][0]["reason"]
    with Store(tmp_path / "web.db") as store:
        outlets = sorted(a.outlet or "" for a in store.list_articles())
    assert outlets == ["Brisk Herald", "Orla Gazette"]


def test_files_over_the_limit_in_all_are_413_without_a_content_length(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard checks Content-Length; a chunked body has none, and only each file was
    held to the limit: 100 files of the limit each were read into memory."""
    monkeypatch.setattr(web_jobs, "_analyze", lambda *args, **kwargs: {})
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",), max_upload_bytes=3000)
    boundary = "newsprismboundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{n}.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\n{'x' * 2000}\r\n"
        for n in range(2)
    ]
    body = ("".join(parts) + f"--{boundary}--\r\n").encode()
    headers = {"content-type": f"multipart/form-data; boundary={boundary}"}
    with TestClient(create_app(tmp_path / "web.db", options)) as client:
        response = client.post("/api/ingest", content=iter([body]), headers=headers)
    assert response.status_code == 413, response.text
    assert "over the limit of 3,000 bytes" in response.json()["detail"]


def _raw_job(client: TestClient, names: Sequence[bytes], texts: Sequence[str]) -> dict[str, Any]:
    """A job from a hand-written form body: the test client escapes the odd characters a
    browser or a script may send in a file's name."""
    body = b"".join(
        b'--XX\r\nContent-Disposition: form-data; name="files"; filename="' + name + b'"\r\n'
        b"Content-Type: text/plain\r\n\r\n" + text.encode() + b"\r\n"
        for name, text in zip(names, texts, strict=True)
    )
    headers = {"content-type": "multipart/form-data; boundary=XX"}
    response = client.post("/api/ingest", content=body + b"--XX--\r\n", headers=headers)
    assert response.status_code == 202, response.text
    return _job_done(client, response.json()["job"])


def _job_done(client: TestClient, job: str) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        data: dict[str, Any] = client.get(f"/api/ingest/{job}").json()
        if data["state"] in ("done", "failed"):
            return data
        time.sleep(0.02)
    raise AssertionError(f"job {job} did not finish")


def test_an_uploaded_name_is_stored_without_controls_or_parent_folders(
    client: TestClient, tmp_path: Path
) -> None:
    """The browser's name was stored as the articles' source as it came: a NUL, a
    terminal escape (shown by any tool that prints sources), '../' beside a manifest."""
    alone = _raw_job(client, [b"pi\x00er.txt"], [PIER])
    beside = _raw_job(
        client, [b"newsprism.csv", b"../sub/\x1b[31mquay.txt", b"../../far.txt"],
        ["path,outlet\nfar.txt,Far Post\n", QUAY, PIER.replace("Pier", "Far")],
    )  # fmt: skip
    assert [r["status"] for r in alone["results"] + beside["results"]] == ["ok"] * 4
    with Store(tmp_path / "web.db") as store:
        stored = {a.source: a.outlet for a in store.list_articles()}
    assert stored == {"pi_er.txt": "pi_er", "31mquay.txt": "31mquay", "far.txt": "Far Post"}


def test_stored_names() -> None:
    assert web_jobs.stored_name("../../sub/a.txt") == "sub/a.txt"
    assert web_jobs.stored_name("C:\\scraped\\pier.txt") == "C:/scraped/pier.txt"
    assert web_jobs.stored_name("a\x85b.txt") == "a_b.txt"  # C1 control (NEL)
    assert web_jobs.stored_name("..") == "upload"


def test_a_second_manifest_of_one_path_is_not_used(client: TestClient) -> None:
    """Saved apart from the files, alone in its folder, it said 'ok' (its rows unused)."""
    files = [
        _upload("newsprism.csv", "path,outlet\npier.txt,Alpha\n"),
        _upload("newsprism.csv", "path,outlet\npier.txt,Beta\n"),
        _upload("pier.txt", PIER),
    ]
    results = [(r["status"], r["reason"]) for r in _job(client, files)["results"]]
    assert results == [
        ("ok", None), ("failed", "not used: another upload has its path"), ("ok", None)
    ]  # fmt: skip


def test_an_upload_named_after_a_manifest_keeps_its_reason(client: TestClient) -> None:
    """Failures were left out of an upload's result when their source started with a
    manifest's path: 'newsprism.csv.txt' failed with 'no article found', its reason lost."""
    png = ("\x89PNG\r\n\x1a\n" + "\x00" * 6) * 50
    files = [_upload("newsprism.csv", "path,outlet\n*,A\n"), _upload("newsprism.csv.txt", png)]
    results = _job(client, files)["results"]
    assert (results[1]["status"], results[1]["reason"]) == ("failed", "binary content, not text")


def test_two_uploads_named_one_outlet_by_their_file_names_are_warned_about(
    client: TestClient,
) -> None:
    """A folder upload of two outlets' same-named files: both outlet '2026-03-03'. The CLI
    warns; a job ingests one upload per call and said nothing (review s36/2 M3)."""
    done = _job(
        client, [_upload("alpha/2026-03-03.txt", PIER), _upload("beta/2026-03-03.txt", QUAY)]
    )
    first, second = done["results"]
    assert first["status"] == second["status"] == "ok", done
    # Named as uploaded (not by the temporary file it was read from).
    assert "'2026-03-03' by its file name, as alpha/2026-03-03.txt is" in second["reason"], done


def test_a_duplicate_under_a_guessed_outlet_is_warned_about(client: TestClient) -> None:
    """Review s37/2 M2: the same text uploaded as alpha/ and beta/2026-03-03.txt, in one
    job or in two: the second is a duplicate of the first (one outlet '2026-03-03') and
    its result said only "already in the store"; the warning was dropped."""
    files = [_upload("alpha/2026-03-03.txt", PIER), _upload("beta/2026-03-03.txt", PIER)]
    first, second = _job(client, files)["results"]
    assert (first["status"], second["status"]) == ("ok", "duplicate")
    assert second["reason"].startswith("already in the store; no outlet found:")
    assert "as alpha/2026-03-03.txt is" in second["reason"]
    assert second["reason"].count("no outlet found") == 1  # one warning, not two
    (again,) = _job(client, [_upload("gamma/2026-03-03.txt", PIER)])["results"]
    assert again["status"] == "duplicate"
    assert "stored already from alpha/2026-03-03.txt under that name" in again["reason"]


def test_a_reupload_with_a_new_url_and_date_says_they_were_kept_and_how_to_update(
    client: TestClient, tmp_path: Path
) -> None:
    """The same text and outlet uploaded again with the manifest's URL and date changed
    was 'already in the store' without a word that the new values were not taken, nor
    how to have them taken (the 'correct' box)."""
    _job(client, [_upload("newsprism.csv", MANIFEST), _upload("pier.txt", PIER)])
    moved = MANIFEST.replace("/pier,2026-03-03T09", "/pier-closes,2026-03-04T09")
    again = _job(client, [_upload("newsprism.csv", moved), _upload("pier.txt", PIER)])
    assert again["results"][1] == {
        "input": "pier.txt",
        "status": "duplicate",
        "reason": "already in the store; its stored URL and date differ from this upload's "
        "and were kept (to update, upload it again with its manifest and 'correct' ticked)",
    }
    ((_, url, published),) = _stored(tmp_path / "web.db").values()
    assert (url, published) == ("https://tidings.example/pier", "2026-03-03T09:15:00+01:00")
    fixed = _job(client, [_upload("newsprism.csv", moved), _upload("pier.txt", PIER)], True)
    assert fixed["results"][1]["reason"] == "the stored copy's metadata corrected"
    ((_, url, published),) = _stored(tmp_path / "web.db").values()
    assert (url, published) == ("https://tidings.example/pier-closes", "2026-03-04T09:15:00+01:00")


def test_a_reupload_of_an_unchanged_file_is_only_already_in_the_store(
    client: TestClient,
) -> None:
    files = [_upload("newsprism.csv", MANIFEST), _upload("pier.txt", PIER)]
    _job(client, files)
    again = _job(client, files)["results"][1]
    assert (again["status"], again["reason"]) == ("duplicate", "already in the store")


def test_a_copy_no_upload_can_update_is_named_with_its_kept_values(
    client: TestClient, tmp_path: Path
) -> None:
    """A copy stored from a folder read by the CLI is not an upload's: ticking 'correct'
    cannot update it, and the user is told where it came from."""
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "pier.txt").write_text(PIER, encoding="utf-8")
    (folder / "newsprism.csv").write_text(MANIFEST, encoding="utf-8")
    with Store(tmp_path / "web.db") as store:
        ingest(store, [str(folder)], IngestOptions())
    moved = MANIFEST.replace("/pier,", "/pier-closes,")
    again = _job(client, [_upload("newsprism.csv", moved), _upload("pier.txt", PIER)], True)
    reason = again["results"][1]["reason"]
    assert again["results"][1]["status"] == "duplicate"
    assert reason.startswith("already in the store; its stored URL differs from this upload's")
    assert f"read from {folder / 'pier.txt'}" in reason and "does not update it" in reason


def test_an_entry_under_the_other_manifest_name_that_is_no_file_is_said_once(
    client: TestClient,
) -> None:
    """An upload 'newsprism.csv/x.txt' makes a folder under a manifest's name beside
    the uploaded newsprism.json: the CLI fails such an entry, the job said nothing on the
    manifest's line, and an upload failing for its own reason was given its reason."""
    rows = '[{"path": "pier.txt", "outlet": "Tessel Tidings"}]'
    files = [
        _upload("newsprism.json", rows),
        _upload("newsprism.csv/x.txt", QUAY),
        _upload("pier.txt", PIER),
        _upload("empty.txt", ""),
    ]
    manifest, _, pier, empty = _job(client, files)["results"]
    assert manifest["status"] == "ok"
    assert manifest["reason"].startswith("newsprism.csv: not a manifest file (a link to nothing")
    assert pier["status"] == "ok" and pier["reason"] is None
    assert empty["status"] == "failed" and "manifest" not in empty["reason"], empty
