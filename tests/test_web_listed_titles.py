"""The stories page shows a long title cut at a word (200 characters at most): a story
whose title held 6,000 characters filled the listing's first screens. The story's own
page and the JSON API keep it whole."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.model import Article, Story
from newsprism.store import ClusteringUpdate, Store
from newsprism.web import WebOptions
from newsprism.web.app import create_app
from tests.conftest import BODY

_TITLE = "Harbour board votes to close the pier " * 160


def test_the_listing_cuts_a_long_title_and_the_api_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    article = Article(
        id="a000000000000000",
        source="a.txt",
        outlet="Coast Daily",
        title=_TITLE,
        text=BODY,
        language="en",
    )
    story = Story(id="sa00000000000", title=_TITLE, articles=(article.id,))
    with Store(db) as store:
        store.add_articles([article])
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
    app = create_app(db, WebOptions(embeddings="off", allowed_hosts=("testserver",)))
    with TestClient(app) as client:
        page = client.get("/").text
        link = page.split('class="story-link"', 1)[1].split("</a>", 1)[0]
        listed = link.split(">", 1)[1]
        assert len(listed) <= 200 and listed.endswith(" Harbour…")
        stories = client.get("/api/stories").json()["stories"]
        assert stories[0]["title"] == _TITLE
