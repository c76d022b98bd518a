"""A plain text fetched by URL (or a page served as another type) keeps its URL, so its
outlet is the site's: it had none ("?"), and the same text from two sites was one
article, its id digesting no outlet."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article

TEXT = b"Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms.\n"
PAGE = (
    b"<html><head><title>Ferry returns</title></head><body><article><p>The ferry to Lorvik "
    b"returns on Monday after a week of storms, the harbour master said.</p></article>"
    b"</body></html>"
)


@pytest.fixture
def server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body, kind = (TEXT, "text/plain") if self.path == "/note" else (PAGE, "")
            self.send_response(200)
            self.send_header("Content-Type", kind or "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_fetched_text_and_an_untyped_page_keep_their_url(server: str) -> None:
    items = list(read_inputs([f"{server}/note", f"{server}/page"], IngestOptions()))
    assert all(isinstance(i, Article) for i in items), items
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == [f"{server}/note", f"{server}/page"]
    assert all(a.outlet for a in articles)
