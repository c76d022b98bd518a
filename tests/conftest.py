"""Shared fixtures: a fresh store, an article writer, a local HTTP server, and the English
pipeline the reading tests parse their sentences with."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from newsprism.store import Store

if TYPE_CHECKING:
    from spacy.language import Language

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

BODY = (
    "The harbour board of Tessel voted on Tuesday to close the old ferry pier for repairs, "
    "a decision that will move about 400 daily passengers to the north quay.\n\n"
    "\u201cThe pier has served us for ninety years, but it cannot serve us safely for another "
    "winter,\u201d said the board chair, Ilona Varga, after the vote.\n\n"
    "Repairs are expected to take eleven weeks and cost 2.4 million kroner, according to the "
    "board's engineers, who inspected the pilings last month."
)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The English pipeline, loaded once per test run for every module that reads with it
    (a module defining its own ``nlp`` fixture overrides this one). Imported here, not at
    the top, so test runs that never parse do not load spaCy."""
    from newsprism.analyze.nlp import load_english

    return load_english()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text or bytes to a file under tmp_path (folders created) and return its path."""

    def _write(relative: str, content: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    # Statuses returned before ``status``, one per request (to test retries).
    first: list[int] = field(default_factory=list)


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Route]
    hits: dict[str, int]
    user_agents: list[str]

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """An HTTP server on 127.0.0.1 serving ``routes``; never the network."""
    routes: dict[str, Route] = {}
    hits: dict[str, int] = {}
    agents: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            agents.append(self.headers.get("User-Agent", ""))
            hits[self.path] = hits.get(self.path, 0) + 1
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            status = route.first.pop(0) if route.first else route.status
            self.send_response(status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{server.server_port}", routes, hits, agents)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def sample_stories(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every gold story of the sample corpus as newsprism builds it (ingested, analysed,
    clustered with the lexical vectorizer); see tests/samples_material.py."""
    from tests.samples_material import build_sample_stories

    return build_sample_stories(tmp_path_factory.mktemp("samples") / "samples.db")


@pytest.fixture(scope="session")
def dense_similarity() -> Any:
    """One DenseSimilarity for the whole session (the model loads once; each distinct
    text is embedded once); skips where the 'embed' extra is not installed."""
    from newsprism.cluster.vectors import dense_available
    from newsprism.reconcile.similarity import DenseSimilarity

    if not dense_available():
        pytest.skip("the 'embed' extra is not installed")
    return DenseSimilarity()


@pytest.fixture(scope="module", params=["lexical", "dense"])
def similarity(request: pytest.FixtureRequest) -> Any:
    """Each text similarity in turn: lexical, then the session's dense one (skipped
    where the 'embed' extra is not installed)."""
    from newsprism.reconcile.similarity import LexicalSimilarity

    if request.param == "lexical":
        return LexicalSimilarity()
    return request.getfixturevalue("dense_similarity")
