"""The web app under bad input and failures: every error is JSON (API) or an HTML page with
the security headers; control characters and out-of-range numbers are 422s; an unhandled
exception is a 500 without a traceback; only the served Host names are answered; writes
with ``Origin: null`` are refused; an ingest job reports each stage's real outcome."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from newsprism.store import Store
from newsprism.web import WebOptions, create_app
from newsprism.web.deps import MAX_PAGE
from newsprism.web.guard import host_name
from newsprism.web.jobs import JobInput, JobRunner, JobSettings, safe_name
from tests.conftest import BODY

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    Store(path).close()
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    options = WebOptions(embeddings="off", allowed_hosts=("testserver", "news.internal"))
    with TestClient(create_app(db, options), raise_server_exceptions=False) as opened:
        yield opened


def _secured(response: Any) -> None:
    for header in SECURITY_HEADERS:
        assert response.headers.get(header), header


def _is_json_error(response: Any, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert set(response.json()) == {"error", "detail"}
    _secured(response)


def _is_html_error(response: Any, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert f"{status} " in response.text
    _secured(response)


def _wait(client: TestClient, job: str) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        data: dict[str, Any] = client.get(f"/api/ingest/{job}").json()
        if data["state"] in ("done", "failed"):
            return data
        time.sleep(0.05)
    raise AssertionError(f"ingest job {job} did not finish")


# --- input validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=a%00b",
        "q=%07bell",
        "q=%1b[31m",
        "q=%7f",
        "q=%c2%85",
        "page=99999999999999999999999",
        f"page={MAX_PAGE + 1}",
        "page=-1",
        "per_page=99999999999999999999999",
    ],
)
def test_bad_list_parameters_are_422_with_headers(client: TestClient, query: str) -> None:
    _is_json_error(client.get(f"/api/stories?{query}"), 422)
    _is_html_error(client.get(f"/?{query}"), 422)


def test_the_last_page_and_pasted_whitespace_are_accepted(client: TestClient) -> None:
    last = client.get(f"/api/stories?page={MAX_PAGE}&per_page=100")
    assert last.status_code == 200
    assert last.json()["stories"] == []
    assert client.get("/api/stories", params={"q": "harbour\tpier\r\n"}).status_code == 200


@pytest.mark.parametrize(
    "path", ["/stories/%00", "/articles/ab%00", "/ingest/%1b", "/stories/" + "a" * 101]
)
def test_bad_ids_are_422_with_headers(client: TestClient, path: str) -> None:
    _is_json_error(client.get("/api" + path), 422)
    _is_html_error(client.get(path), 422)


def test_the_422_does_not_echo_the_control_character(client: TestClient) -> None:
    response = client.get("/api/stories?q=%00")
    assert "\x00" not in response.text
    assert "U+0000" in response.text


def test_a_url_with_control_characters_is_refused(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"url": "http://example.org/\x00a"})
    _is_json_error(response, 422)


# --- unhandled exceptions ---------------------------------------------------------------


def test_an_unhandled_exception_is_a_500_with_headers_and_a_logged_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("secret internals /etc/shadow")

    monkeypatch.setattr("newsprism.web.api.story_page", explode)
    monkeypatch.setattr("newsprism.web.pages.story_page", explode)
    with caplog.at_level(logging.ERROR, logger="newsprism.web.guard"):
        api = client.get("/api/stories")
        page = client.get("/")
    _is_json_error(api, 500)
    _is_html_error(page, 500)
    for response in (api, page):
        assert "secret internals" not in response.text
        assert "Traceback" not in response.text
    logged = [r for r in caplog.records if r.exc_info]
    assert len(logged) == 2
    assert "RuntimeError: secret internals" in caplog.text


# --- Host allow-list and Origin: null ---------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.0.0.1:8000",
        "localhost:8000",
        "LOCALHOST.",
        "[::1]:8000",
        "news.internal",
        "testserver",
    ],
)
def test_served_hosts_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/api/stories", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "[::2]:80", ""]
)
def test_other_hosts_are_400_with_headers(client: TestClient, host: str) -> None:
    _is_json_error(client.get("/api/stories", headers={"host": host}), 400)
    page = client.get("/", headers={"host": host})
    _is_html_error(page, 400)
    assert "not served here" in page.text


def test_host_names_lose_their_port() -> None:
    assert host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1"
    assert host_name("localhost:80") == "localhost"
    assert host_name("localhost") == "localhost"


def test_the_host_given_to_serve_is_served(db: Path) -> None:
    app = create_app(db, WebOptions(embeddings="off", allowed_hosts=("192.168.1.20",)))
    with TestClient(app, base_url="http://192.168.1.20:8000") as remote:
        assert remote.get("/api/stories").status_code == 200
        assert remote.get("/api/stories", headers={"host": "testserver"}).status_code == 400


@pytest.mark.parametrize("headers", [{}, {"sec-fetch-site": "same-origin"}])
def test_writes_with_origin_null_are_403(client: TestClient, headers: dict[str, str]) -> None:
    null = {"origin": "null", **headers}
    api = client.post("/api/ingest", json={"url": "http://x.example/"}, headers=null)
    _is_json_error(api, 403)
    page = client.post("/ingest", data={"url": "http://x.example/"}, headers=null)
    _is_html_error(page, 403)
    assert len(client.app.state.services.jobs) == 0  # type: ignore[attr-defined]


def test_reads_with_origin_null_are_served(client: TestClient) -> None:
    assert client.get("/api/stories", headers={"origin": "null"}).status_code == 200


# --- ingest jobs report real outcomes ---------------------------------------------------


def _upload(client: TestClient, *names: str) -> dict[str, Any]:
    files = [("files", (name, (f"{name}\n\n" + BODY).encode(), "text/plain")) for name in names]
    response = client.post("/api/ingest", files=files)
    assert response.status_code == 202
    return _wait(client, response.json()["job"])


def _stages(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(s["name"], s["status"]) for s in data["stages"]]


def test_an_analysis_that_raises_fails_the_job_with_its_reason(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise ValueError("[E088] Text of length 1000001 exceeds maximum of 1000000.\nmore")

    monkeypatch.setattr("newsprism.analyze.batch.analyze_run", broken)
    response = client.post("/api/ingest", files=[("files", ("long.txt", BODY.encode()))])
    job = response.json()["job"]
    data = _wait(client, job)
    assert data["state"] == "failed"
    assert data["results"] == [{"input": "long.txt", "status": "ok", "reason": None}]
    assert _stages(data) == [
        ("ingest", "ok"),
        ("analyze", "failed"),
        ("cluster", "skipped"),
        ("brief", "skipped"),
    ]
    reason = "ValueError: [E088] Text of length 1000001 exceeds maximum of 1000000. more"
    assert data["stages"][1]["reason"] == reason
    assert data["reason"] == f"analyze: {reason}"
    assert data["stories"] == []
    doc = lxml_html.fromstring(client.get(f"/ingest/{job}").text)
    assert doc.xpath("//span[@id='ingest-state']/@class") == ["failed"]
    assert doc.xpath("//p[@id='ingest-reason']/text()") == [f"analyze: {reason}"]
    row = doc.xpath("//tr[@data-stage='analyze']")[0]
    assert row.get("class") == "stage failed"
    assert reason in row.text_content()


def test_an_article_whose_analysis_fails_is_listed_and_the_rest_goes_on(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.analyze import analyzer

    real = analyzer.analyze_doc

    def fragile(doc: Any, article: Any, *args: Any) -> Any:
        if "second.txt" in article.text:
            raise MemoryError("the parser ran out of memory")
        return real(doc, article, *args)

    monkeypatch.setattr(analyzer, "analyze_doc", fragile)
    data = _upload(client, "first.txt", "second.txt")
    assert data["state"] == "done"
    assert [r["status"] for r in data["results"]] == ["ok", "ok"]
    analyze = data["stages"][1]
    assert (analyze["status"], analyze["count"], analyze["failed"]) == ("partial", 1, 1)
    [failure] = data["analysis_failures"]
    assert failure["input"] == "second.txt"
    assert (
        failure["reason"] == "analysis failed at parse: MemoryError: the parser ran out of memory"
    )
    assert data["stages"][2]["count"] == 1
    assert len(data["stories"]) == 1
    article = failure["article"]
    page = lxml_html.fromstring(client.get(f"/articles/{article}").text)
    assert (
        "MemoryError: the parser ran out of memory"
        in page.xpath("//*[@id='analysis-failure']")[0].text_content()
    )
    api = client.get(f"/api/articles/{article}").json()
    assert api["analysis_failure"] == {
        "stage": "parse",
        "error": "MemoryError: the parser ran out of memory",
    }


def test_articles_left_without_analysis_or_record_are_listed(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.analyze import batch

    real = batch.analyze_run

    def half(store: Store, ids: list[str], *args: object, **kwargs: object) -> Any:
        return real(store, ids[:1], *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "analyze_run", half)
    data = _upload(client, "first.txt", "second.txt")
    [failure] = data["analysis_failures"]
    assert (failure["input"], failure["reason"]) == (
        "second.txt",
        "no analysis was stored for this article",
    )
    assert data["stages"][1]["status"] == "partial"


def test_an_input_that_raises_fails_alone(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsprism.web import jobs

    real, calls = jobs.ingest, []

    def second_crashes(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        if len(calls) == 2:
            raise OSError("disk on fire")
        return real(*args, **kwargs)

    monkeypatch.setattr(jobs, "ingest", second_crashes)
    data = _upload(client, "a.txt", "b.txt")
    assert data["results"][0]["status"] == "ok"
    assert data["results"][1] == {
        "input": "b.txt",
        "status": "failed",
        "reason": "OSError: disk on fire",
    }
    assert (data["stages"][0]["status"], data["stages"][0]["failed"]) == ("partial", 1)
    assert data["state"] == "done"
    assert len(data["stories"]) == 1


def test_a_brief_that_fails_is_reported(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = client.app.state.services  # type: ignore[attr-defined]

    def broken(*_: object) -> None:
        raise KeyError("statement")

    monkeypatch.setattr(services.jobs, "prepare_brief", broken)
    data = _upload(client, "c.txt")
    assert data["stages"][3]["status"] == "failed"
    assert data["stages"][3]["reason"].startswith(f"story {data['stories'][0]}: KeyError")
    assert data["state"] == "failed"


def test_a_store_that_cannot_be_opened_fails_the_job(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    runner = JobRunner(JobSettings(folder, 1000))
    job = runner.submit([JobInput("a", str(tmp_path / "a.txt"))], None)
    deadline = time.monotonic() + 30
    while not job.finished and time.monotonic() < deadline:
        time.sleep(0.02)
    assert job.state == "failed"
    assert job.stages[0].status == "failed"
    assert job.reason and job.reason.startswith("ingest: ")


def test_only_the_last_finished_jobs_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "jobs.db"
    Store(db).close()
    runner = JobRunner(JobSettings(db, 1000), keep_finished=2)
    jobs = [runner.submit([JobInput(f"{n}", str(tmp_path / f"none{n}"))], None) for n in range(4)]
    deadline = time.monotonic() + 30
    while not all(j.finished for j in jobs) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.1)  # the worker forgets old jobs right after finishing each
    assert [runner.get(j.id) is not None for j in jobs] == [False, False, True, True]
    assert len(runner) == 2


@pytest.mark.parametrize(
    ("name", "saved"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\win\\Pier.HTML", "Pier.html"),
        (".bashrc", "bashrc"),
        ("a/b\x00c;rm -rf.exe", "b_c_rm -rf.exe"),
        ("...", "upload"),
        (None, "upload"),
        ("x" * 300 + ".txt", "x" * 80 + ".txt"),
    ],
)
def test_uploads_are_saved_under_safe_names(name: str | None, saved: str) -> None:
    assert safe_name(name) == saved


def test_an_upload_is_named_by_its_file_and_stored_once(client: TestClient, db: Path) -> None:
    def post(name: str) -> dict[str, Any]:
        files = [("files", (name, BODY.encode(), "text/plain"))]
        return _wait(client, client.post("/api/ingest", files=files).json()["job"])

    first, again = post("../tessel-ledger.txt"), post("tessel-ledger.txt")
    assert first["results"][0]["status"] == "ok"
    assert again["results"][0]["status"] == "duplicate"
    with Store(db) as store:
        assert store.count_articles() == 1
        [story] = store.list_stories(10, 0)
        [article] = store.get_articles(story.articles)
    assert article.outlet == "tessel-ledger"


def test_jobs_share_one_loaded_analyser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsprism.analyze import analyzer as analyzer_module

    loads: list[int] = []
    original = analyzer_module.Analyzer.__init__

    def counted(self: Any, *args: Any, **kwargs: Any) -> None:
        loads.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(analyzer_module.Analyzer, "__init__", counted)
    db = tmp_path / "jobs.db"
    Store(db).close()
    runner = JobRunner(JobSettings(db, 100_000, embeddings="off"))
    jobs = []
    for n, opening in enumerate(["Pier closes.", "Quay reopens."]):
        path = tmp_path / f"in{n}" / f"pier{n}.txt"
        path.parent.mkdir()
        path.write_text(f"{opening}\n\n{BODY}", encoding="utf-8")
        jobs.append(runner.submit([JobInput(path.name, str(path))], None))
    deadline = time.monotonic() + 120
    while not all(j.finished for j in jobs) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [j.state for j in jobs] == ["done", "done"]
    assert len(loads) == 1


def _post_chunked(app: Any, path: str, head: bytes, chunks: int) -> tuple[int, int]:
    """POST ``head`` then ``chunks`` chunks of 64 KiB as a body without a Content-Length,
    straight through the ASGI app (the test client reads a streamed body in full before
    the app sees it); the status answered and the chunks the app read."""
    read = 0

    async def receive() -> dict[str, Any]:
        nonlocal read
        if read == 0:
            read = 1
            return {"type": "http.request", "body": head, "more_body": True}
        if read <= chunks:
            read += 1
            return {"type": "http.request", "body": b"A" * (1 << 16), "more_body": True}
        return {"type": "http.request", "body": b"\r\n--XX--\r\n", "more_body": False}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "client": ("127.0.0.1", 1), "server": ("testserver", 80),
        "headers": [(b"host", b"testserver"),
                    (b"content-type", b"multipart/form-data; boundary=XX"),
                    (b"transfer-encoding", b"chunked")],
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], read - 1


def test_a_chunked_upload_is_refused_where_it_passes_the_limit(db: Path) -> None:
    """Without a Content-Length the guard let the body through, and the form parser read
    all of it (spooled to disk past 1 MB) before the route counted the files: a 1000
    byte limit read 200 MiB."""
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",), max_upload_bytes=100_000)
    app = create_app(db, options)
    head = (
        b'--XX\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n"
    )
    for path in ("/api/ingest", "/ingest"):
        status, read = _post_chunked(app, path, head, chunks=400)  # 25 MiB offered
        assert status == 413 and read <= 2, (path, read)
    status, read = _post_chunked(app, "/stories/x/verify", head, chunks=400)
    assert status == 413 and read <= 4
