"""A search over the length limit is refused in words a user reads: "String should have
at most 500 characters", not pydantic's "Value should have at most 500 items after
validation" (the limit sat on the optional parameter, not on its text)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from newsprism.store import Store
from newsprism.web import WebOptions, create_app


def test_a_long_search_is_refused_in_characters(tmp_path: Path) -> None:
    db = tmp_path / "web.db"
    Store(db).close()
    app = create_app(db, WebOptions(embeddings="off", allowed_hosts=("testserver",)))
    with TestClient(app) as client:
        refused = client.get("/api/stories", params={"q": "harbour " * 100})
        assert refused.status_code == 422
        (problem,) = refused.json()["detail"]
        assert problem["loc"] == ["query", "q"]
        assert problem["msg"] == "String should have at most 500 characters"
        assert client.get("/api/stories", params={"q": "harbour"}).status_code == 200
        schema = client.get("/openapi.json").json()
    (q,) = [p for p in schema["paths"]["/api/stories"]["get"]["parameters"] if p["name"] == "q"]
    assert {"type": "string", "maxLength": 500} in q["schema"]["anyOf"]
