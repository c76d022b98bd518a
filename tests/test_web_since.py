"""The story list marks what arrived since the browser's last visit (a cookie holding the
time of that visit), and its JSON twin does the same for a given ``since``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from newsprism.model import Article, Story
from newsprism.store import ClusteringUpdate, Store
from newsprism.web import WebOptions, create_app
from newsprism.web.pages import LAST_VISIT_COOKIE
from tests.conftest import BODY


def _add_story(db: Path, key: str, title: str) -> str:
    article = Article(
        id=f"{key}0000000000000000"[:16],
        source=f"{key}.txt",
        outlet=f"Outlet {key}",
        title=title,
        text=f"{title}.\n\n{BODY}",
        language="en",
    )
    story = Story(id=f"s{article.id[:12]}", title=title, articles=(article.id,))
    with Store(db) as store:
        store.add_articles([article])
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
    return story.id


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "since.db"
    Store(path).close()
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(db, options)) as opened:
        yield opened


def _rows(client: TestClient) -> tuple[list[str], list[str], str]:
    page = lxml_html.fromstring(client.get("/").text)
    rows = page.xpath('//table[@id="stories"]//tr[contains(@class, "story")]')
    fresh_rows = [r for r in rows if "fresh" in r.get("class", "").split()]
    every = [r.xpath('.//a[@class="story-link"]/@href')[0] for r in rows]
    fresh = [r.xpath('.//a[@class="story-link"]/@href')[0] for r in fresh_rows]
    since = " ".join(p.text_content() for p in page.xpath('//p[@class="since"]'))
    return every, fresh, since


def test_stories_stored_after_the_last_visit_are_marked_new(client: TestClient, db: Path) -> None:
    old = _add_story(db, "aa", "Ferry pier closes for repairs")
    every, fresh, since = _rows(client)  # first visit: nothing to compare with
    assert every == [f"/stories/{old}"] and fresh == [] and since == ""
    assert client.cookies.get(LAST_VISIT_COOKIE)
    time.sleep(0.01)
    new = _add_story(db, "bb", "Quay reopens after eleven weeks")
    every, fresh, since = _rows(client)
    assert set(every) == {f"/stories/{old}", f"/stories/{new}"}
    assert fresh == [f"/stories/{new}"]
    assert "1 story on this page new or updated since your last visit" in since
    _, fresh, since = _rows(client)  # the visit just made is the new "last visit"
    assert fresh == [] and "0 stories" in since


def test_a_tampered_cookie_is_ignored(client: TestClient, db: Path) -> None:
    _add_story(db, "aa", "Ferry pier closes for repairs")
    for value in ("yesterday", "2026-03-01T08:00:00", "x" * 500, "2026-13-45T99:00:00+00:00"):
        client.cookies.clear()
        client.cookies.set(LAST_VISIT_COOKIE, value)
        response = client.get("/")
        assert response.status_code == 200 and 'class="since"' not in response.text


def test_the_json_twin_lists_stories_new_since_a_time(client: TestClient, db: Path) -> None:
    old = _add_story(db, "aa", "Ferry pier closes for repairs")
    time.sleep(0.01)
    cut = client.get("/").cookies.get(LAST_VISIT_COOKIE) or client.cookies[LAST_VISIT_COOKIE]
    time.sleep(0.01)
    new = _add_story(db, "bb", "Quay reopens after eleven weeks")
    data = client.get("/api/stories", params={"since": cut}).json()
    assert {s["id"] for s in data["stories"]} == {old, new} and data["new"] == [new]
    assert client.get("/api/stories").json()["new"] == []
    naive = client.get("/api/stories", params={"since": "2026-03-01T08:00:00"})
    assert naive.status_code == 422 and naive.headers.get("content-security-policy")
