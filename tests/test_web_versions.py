"""``GET /api/articles/{id}/versions``: an edited page read again lists both texts it was
read with, and ``from``/``to`` give the diff, as ``newsprism versions --json`` does.
Invented texts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.flow import FlowOptions, analyze_paths
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import ingest
from newsprism.store import Store
from newsprism.web import WebOptions, create_app
from tests.builders import html_page
from tests.conftest import BODY

Write = Callable[..., Path]


def test_the_api_lists_an_edited_pages_versions_and_their_diff(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "web.db"
    page = write("pier.html", html_page())
    with Store(db) as store:
        (kept,) = ingest(store, [str(page)], IngestOptions()).added
        write("pier.html", html_page(body=BODY.replace("eleven weeks", "twelve weeks")))
        ingest(store, [str(page)], IngestOptions())
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(db, options)) as client:
        _check(client, kept)


def _check(client: TestClient, kept: str) -> None:
    listed = client.get(f"/api/articles/{kept[:8]}/versions").json()
    assert listed["article_id"] == kept and "diff" not in listed
    assert [v["current"] for v in listed["versions"]] == [False, True]
    diff = client.get(f"/api/articles/{kept}/versions", params={"to": 2}).json()["diff"]
    assert "+Repairs are expected to take twelve weeks" in diff
    assert client.get(f"/api/articles/{kept}/versions", params={"to": 9}).status_code == 404
    assert client.get(f"/api/articles/{kept}/versions", params={"from": 0}).status_code == 422
    assert client.get("/api/articles/ffffffff/versions").status_code == 404


def test_a_served_story_shows_its_articles_edit_once_it_is_read(
    write: Write, tmp_path: Path
) -> None:
    # The app keeps briefs by story and membership; an edit kept as a version changes a
    # member's text, not the membership, and the story kept serving the old text.
    db = tmp_path / "web.db"
    page = write("pier.html", html_page())
    flow = FlowOptions(embeddings="off")
    with Store(db) as store:
        (story,) = analyze_paths(store, [page], flow).stories
    options = WebOptions(embeddings="off", allowed_hosts=("testserver",))
    with TestClient(create_app(db, options)) as client:
        (before,) = client.get(f"/api/stories/{story.id}").json()["articles_detail"]
        assert "eleven weeks" in before["text"]
        write("pier.html", html_page(body=BODY.replace("eleven weeks", "twelve weeks")))
        with Store(db) as store:  # another command, while the app runs
            analyze_paths(store, [page], flow)
        (after,) = client.get(f"/api/stories/{story.id}").json()["articles_detail"]
        assert "twelve weeks" in after["text"] and after["id"] == before["id"]
