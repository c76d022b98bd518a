"""``GET /api/articles`` is the JSON twin of ``newsprism articles --json``, and an API
address that serves nothing says where the data is (stop 43's audit: ``/api/articles``
and ``/api/stories/{id}/brief`` were bare 404s). Invented articles about an invented
harbour town."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.model import Article
from newsprism.store import Store
from newsprism.web.app import create_app


def _article(n: int, outlet: str, day: int) -> Article:
    text = f"The Tessel harbour board met for the {n}th time on the pier plan this year."
    return Article(
        id=f"a{n:04d}",
        source=f"{outlet}-{n}.txt",
        text=text,
        outlet=outlet,
        title=f"Pier plan meeting {n}",
        published=datetime(2026, 3, day, 9, tzinfo=UTC),
        language="en",
    )


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add_articles(
            [
                _article(1, "Tessel Courier", 1),
                _article(2, "Orvik Post", 2),
                _article(3, "Orvik Post", 3),
            ]
        )
    return TestClient(create_app(db), base_url="http://127.0.0.1")


def test_articles_are_listed_newest_first(client: TestClient) -> None:
    response = client.get("/api/articles")
    assert response.status_code == 200, response.text
    assert [a["id"] for a in response.json()["articles"]] == ["a0003", "a0002", "a0001"]


def test_articles_take_the_commands_filters(client: TestClient) -> None:
    by_outlet = client.get("/api/articles", params={"outlet": "Orvik Post"}).json()
    assert [a["id"] for a in by_outlet["articles"]] == ["a0003", "a0002"]
    dated = client.get("/api/articles", params={"since": "2026-03-02", "until": "2026-03-03"})
    assert [a["id"] for a in dated.json()["articles"]] == ["a0002"]
    paged = client.get("/api/articles", params={"per_page": 2, "page": 2}).json()
    assert [a["id"] for a in paged["articles"]] == ["a0001"]


def test_an_empty_date_range_is_refused(client: TestClient) -> None:
    response = client.get("/api/articles", params={"since": "2026-03-03", "until": "2026-03-01"})
    assert response.status_code == 422
    assert "since is not before until" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/stories/s1234/brief", "/api/outlets", "/api", "/api/"])
def test_an_address_the_api_does_not_serve_says_where_the_data_is(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert "GET /api/stories/{story_id}" in detail and "GET /api/articles" in detail


def test_an_unknown_id_keeps_its_own_404(client: TestClient) -> None:
    response = client.get("/api/articles/zzzz9999")
    assert response.status_code == 404
    assert "the API serves" not in str(response.json()["detail"])


# Stop 43's audit: a store that ``newsprism ingest`` filled lists no story, and the
# story list said only "No stories." (the CLI says why on stderr).
def test_an_ingested_store_says_why_it_lists_no_story(client: TestClient) -> None:
    listed = client.get("/api/stories").json()
    assert listed["total"] == 0
    assert "3 articles are stored but not grouped" in listed["note"]
    assert "newsprism analyze" in listed["note"]
    assert "3 articles are stored but not grouped" in client.get("/").text


def test_an_empty_store_says_nothing_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    Store(db).close()
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    assert "Nothing is stored yet" in client.get("/api/stories").json()["note"]


def test_a_search_finding_nothing_gets_no_note(client: TestClient) -> None:
    listed = client.get("/api/stories", params={"q": "volcano"}).json()
    assert listed["total"] == 0 and "note" not in listed
