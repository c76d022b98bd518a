"""A plain text fetched by URL (or a page served as another type) keeps its URL, so its
outlet is the site's: it had none ("?"), and the same text from two sites was one
article, its id digesting no outlet."""

from __future__ import annotations

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article
from tests.conftest import LocalServer, Route

TEXT = b"Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms.\n"
PAGE = (
    b"<html><head><title>Ferry returns</title></head><body><article><p>The ferry to Lorvik "
    b"returns on Monday after a week of storms, the harbour master said.</p></article>"
    b"</body></html>"
)


@pytest.fixture
def server(http_server: LocalServer) -> str:
    """The text as text/plain at /note; the page served with no HTML type at /page."""
    http_server.routes["/note"] = Route(TEXT, "text/plain")
    http_server.routes["/page"] = Route(PAGE, "application/octet-stream")
    return http_server.base


def test_a_fetched_text_and_an_untyped_page_keep_their_url(server: str) -> None:
    items = list(read_inputs([f"{server}/note", f"{server}/page"], IngestOptions()))
    assert all(isinstance(i, Article) for i in items), items
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == [f"{server}/note", f"{server}/page"]
    assert all(a.outlet for a in articles)
