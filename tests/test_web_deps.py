"""Story and article ids in the web app's paths follow the command line's rules
(``newsprism.lookup``): a prefix several ids share is a 404 saying it is ambiguous and
naming a few of them, and one under four characters is too short. The pages answered
"no story with id 'sa1b'" for a prefix two stories share, and took a one-letter prefix
("/stories/s") for the store's only story, which stopped working once it had two."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsprism.model import Article, Story
from newsprism.store import ClusteringUpdate, Store
from newsprism.web import WebOptions, create_app
from tests.conftest import BODY


def _add_story(db: Path, article_key: str, title: str) -> tuple[str, str]:
    article = Article(
        id=article_key,
        source=f"{title}.txt",
        outlet=f"Outlet {title}",
        title=title,
        text=f"{title}.\n\n{BODY}",
        language="en",
    )
    story = Story(id=f"s{article.id[:12]}", title=title, articles=(article.id,))
    with Store(db) as store:
        store.add_articles([article])
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
    return story.id, article.id


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "ids.db"
    Store(db).close()
    _add_story(db, "a1b2c3d4e5f60718", "Pier closes")
    _add_story(db, "a1b2ffffe5f60718", "Quay opens")
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(db, options)) as opened:
        yield opened


@pytest.mark.parametrize("kind", ["stories", "articles"])
def test_a_shared_prefix_is_a_404_naming_the_ids(client: TestClient, kind: str) -> None:
    prefix = "sa1b2" if kind == "stories" else "a1b2"
    response = client.get(f"/api/{kind}/{prefix}")
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert "ambiguous" in detail and "a1b2c3d4e5f6" in detail and "a1b2ffffe5f6" in detail
    page = client.get(f"/{kind}/{prefix}")
    assert page.status_code == 404 and "ambiguous" in page.text


def test_a_prefix_under_four_characters_is_too_short(client: TestClient) -> None:
    for path in ("/api/stories/s", "/api/articles/a1", "/stories/sa1", "/articles/a"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "too short" in response.text, path


def test_a_unique_prefix_and_a_full_id_still_name_their_story(client: TestClient) -> None:
    assert client.get("/api/stories/sa1b2c").json()["title"] == "Pier closes"
    assert client.get("/api/stories/sa1b2ffffe5f6").json()["title"] == "Quay opens"
    assert client.get("/api/articles/a1b2f").json()["title"] == "Quay opens"
    verified = client.post("/api/stories/sa1b2/verify", json={"summary": "The pier closed."})
    assert verified.status_code == 404 and "ambiguous" in verified.json()["detail"]
