"""A server that sends its answer a byte at a time, each just inside the read timeout,
held a run (or a watch round) for as long as it liked: the timeout is per read. A
response body now has a deadline of its own, and missing it is one failure."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, fetch, read_inputs
from newsprism.model import IngestFailure


@contextmanager
def _serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A local server answering with ``handler``, by its base URL; closed after."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def dripping_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(100):  # 10 s at most, a byte every 0.1 s
                try:
                    self.wfile.write(b"a")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.1)

        def log_message(self, *args: object) -> None:
            pass

    with _serving(Handler) as base:
        yield base + "/slow"


def test_a_dripping_response_fails_at_its_deadline(
    dripping_server: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(fetch, "RESPONSE_DEADLINE", 0.3)
    items = list(read_inputs([dripping_server], IngestOptions(timeout=5)))
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
    assert items[0].reason.startswith("response took over 0.3 s (")


@pytest.fixture
def looping_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", self.path + "x")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    with _serving(Handler) as base:
        yield base + "/loop"


def test_a_redirect_loop_is_one_failure(looping_server: str) -> None:
    # httpx's TooManyRedirects is no TransportError: it went past fetch's handlers and
    # ended the run.
    items = list(read_inputs([looping_server], IngestOptions()))
    assert [(type(i), getattr(i, "reason", None)) for i in items] == [
        (IngestFailure, "too many redirects (a redirect loop?)")
    ]


@pytest.fixture
def slow_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(8):  # a slow but steady body: 0.8 s
                self.wfile.write(b"Pier closes. ")
                self.wfile.flush()
                time.sleep(0.1)

        def log_message(self, *args: object) -> None:
            pass

    with _serving(Handler) as base:
        yield base + "/large"


def test_a_larger_max_bytes_gives_a_response_more_time(
    slow_server: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The deadline was fixed whatever --max-bytes was: a user raising it to fetch a large
    # file on a modest connection failed. Scaled down: 0.3 s for the default 20 MB.
    from typer.testing import CliRunner

    from newsprism.cli import app

    monkeypatch.setattr(fetch, "RESPONSE_DEADLINE", 0.3)
    runner = CliRunner()
    base = ["ingest", slow_server, "--db", str(tmp_path / "n.db")]
    result = runner.invoke(app, base)
    assert "response took over 0.3 s" in result.stderr  # 0.8 s at the default limit
    result = runner.invoke(app, [*base, "--max-bytes", "210000000"])  # 10 times: 3 s
    assert result.exit_code != 2 and "response took over" not in result.output, result.output
