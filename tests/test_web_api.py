"""The web app in-process (FastAPI's TestClient) over a store built once from samples/stories
(embeddings off), plus one hostile article: every page and API endpoint, bad input, the
security headers, and untrusted text rendered escaped."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from newsprism.model import Article, Removed, TimelineEvent, article_id
from newsprism.store import Store
from newsprism.web import WebOptions, create_app
from newsprism.web.svg import parse_day, timeline_chart
from newsprism.web.views import Piece, highlight, nest_marks, word_diff
from tests.conftest import BODY
from tests.samples_material import build_sample_stories

UPLOAD_LIMIT = 64 * 1024
HOSTILE_TEXT = (
    "Officials said <script>window.__pwned=1</script> nothing happened.\n\n"
    '<img src=x onerror="window.__pwned=1"> The harbour stayed calm on Tuesday.'
)
HOSTILE_TITLE = "<script>alert(1)</script> Hostile headline"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Site:
    client: TestClient
    stories: dict[str, str]
    hostile: str


def _hostile_article() -> Article:
    return Article(
        id=article_id("Hostile Times", HOSTILE_TEXT),
        source="hostile.txt",
        text=HOSTILE_TEXT,
        outlet="Hostile Times",
        title=HOSTILE_TITLE,
        url="javascript:alert(1)",
        removed=(Removed('<img src=x onerror="alert(2)">', "boilerplate", 3),),
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("web") / "web.db"
    samples = build_sample_stories(db)
    hostile = _hostile_article()
    with Store(db) as store:
        store.add_articles([hostile])
    options = WebOptions(
        embeddings="off", max_upload_bytes=UPLOAD_LIMIT, allowed_hosts=("testserver",)
    )
    app = create_app(db, options)
    with TestClient(app) as client:
        stories = {name: s.material.story.id for name, s in samples.items()}
        yield Site(client, stories, hostile.id)


def _doc(text: str) -> Any:
    return lxml_html.fromstring(text)


def _with_class(tag: str, cls: str) -> str:
    return f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]"


def _wait_done(client: TestClient, job: str) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        data: dict[str, Any] = client.get(f"/api/ingest/{job}").json()
        if data["state"] in ("done", "failed"):
            return data
        time.sleep(0.1)
    raise AssertionError(f"ingest job {job} did not finish")


# --- headers and errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/api/stories", "/static/style.css", "/static/app.js", "/nowhere", "/ingest"]
)
def test_every_response_carries_the_security_headers(site: Site, path: str) -> None:
    response = site.client.get(path)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"


def test_openapi_lists_the_api_and_docs_get_their_own_policy(site: Site) -> None:
    paths = site.client.get("/openapi.json").json()["paths"]
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}"):
        assert path in paths
    assert {"/api/ingest", "/api/ingest/{job_id}"} <= set(paths)
    assert "/" not in paths
    docs = site.client.get("/docs")
    assert docs.status_code == 200
    assert "cdn.jsdelivr.net" in docs.headers["content-security-policy"]


@pytest.mark.parametrize(
    "path", ["/api/stories/nope", "/api/articles/nope", "/api/ingest/nope", "/api/nothing"]
)
def test_unknown_ids_are_json_404s(site: Site, path: str) -> None:
    response = site.client.get(path)
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "Not Found"
    assert "detail" in body


@pytest.mark.parametrize("path", ["/stories/nope", "/articles/nope", "/ingest/nope"])
def test_unknown_ids_are_html_404_pages(site: Site, path: str) -> None:
    response = site.client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "404 Not Found" in response.text


def test_an_id_holding_markup_is_echoed_escaped(site: Site) -> None:
    response = site.client.get("/articles/<img src=x onerror=alert(1)>")
    assert response.status_code == 404
    assert "<img src=x" not in response.text
    assert "&lt;img src=x onerror=alert(1)&gt;" in response.text


@pytest.mark.parametrize(
    "query", ["page=0", "page=abc", "per_page=0", "per_page=1000", "q=" + "x" * 600]
)
def test_bad_list_parameters_are_422(site: Site, query: str) -> None:
    response = site.client.get(f"/api/stories?{query}")
    assert response.status_code == 422
    assert response.json()["error"] == "Unprocessable Entity"
    assert site.client.get(f"/?{query}").status_code == 422


# --- story list -------------------------------------------------------------------------


def test_api_story_list_has_every_story_with_outlets(site: Site) -> None:
    data = site.client.get("/api/stories").json()
    assert data["page"] == 1
    assert data["per_page"] == 25
    assert data["total"] == len(data["stories"]) >= len(site.stories)
    assert set(site.stories.values()) <= {s["id"] for s in data["stories"]}
    first = data["stories"][0]
    assert {"id", "title", "articles", "outlets", "last_update", "first_published"} <= set(first)
    assert len(first["outlets"]) >= 5
    assert first["last_update"].startswith("2026-")
    detail = site.client.get(f"/api/stories/{first['id']}").json()["articles_detail"]
    assert first["outlets"] == sorted({a["outlet"] or "?" for a in detail})


def test_api_story_list_pages(site: Site) -> None:
    total = site.client.get("/api/stories").json()["total"]
    pages = [site.client.get(f"/api/stories?per_page=2&page={n}").json() for n in (1, 2, 3, 9)]
    assert [len(p["stories"]) for p in pages] == [min(2, max(0, total - n)) for n in (0, 2, 4, 16)]
    assert all(p["total"] == total and p["per_page"] == 2 for p in pages)
    ids = [s["id"] for p in pages for s in p["stories"]]
    assert len(ids) == len(set(ids)) == min(total, 6)


def test_api_story_list_search(site: Site) -> None:
    found = site.client.get("/api/stories", params={"q": "dockworkers"}).json()
    assert [s["id"] for s in found["stories"]] == [site.stories["port-strike"]]
    assert found["total"] == 1
    odd = site.client.get("/api/stories", params={"q": 'dock" OR (*'})
    assert odd.status_code == 200
    assert odd.json()["total"] == 0


def test_story_list_page(site: Site) -> None:
    doc = _doc(site.client.get("/").text)
    assert doc.xpath("//form[@id='search']//input[@name='q']")
    rows = doc.xpath("//table[@id='stories']" + _with_class("tr", "story"))
    links = doc.xpath(_with_class("a", "story-link") + "/@href")
    assert len(rows) == len(links) >= 3
    assert {f"/stories/{i}" for i in site.stories.values()} <= set(links)
    assert doc.xpath("//nav[contains(@class, 'pagination')]")


def test_story_list_page_search_and_pagination_links(site: Site) -> None:
    doc = _doc(site.client.get("/", params={"q": "wildfire"}).text)
    links = doc.xpath(_with_class("a", "story-link") + "/@href")
    assert links == [f"/stories/{site.stories['caldera-wildfire']}"]
    assert doc.xpath("//input[@name='q']/@value") == ["wildfire"]
    paged = _doc(site.client.get("/?per_page=1&page=2").text)
    hrefs = paged.xpath("//nav[contains(@class, 'pagination')]//a/@href")
    assert any("page=1" in h for h in hrefs)
    assert any("page=3" in h for h in hrefs)


# --- story ------------------------------------------------------------------------------


def test_api_story_is_the_brief_with_article_details(site: Site) -> None:
    story_id = site.stories["port-strike"]
    data = site.client.get(f"/api/stories/{story_id[:7]}").json()
    assert data["id"] == story_id
    for key in ("summary", "statements", "facts", "discrepancies", "exclusives", "timeline"):
        assert data[key], key
    assert [a["id"] for a in data["articles_detail"]] == data["articles"]
    assert any(f["status"] == "differ" for f in data["facts"])


def test_story_page_shows_every_section(site: Site) -> None:
    story_id = site.stories["port-strike"]
    api = site.client.get(f"/api/stories/{story_id}").json()
    doc = _doc(site.client.get(f"/stories/{story_id}").text)
    for section in ("summary", "statements", "facts", "discrepancies", "exclusives"):
        assert doc.xpath(f"//section[@id='{section}']"), section
    assert len(doc.xpath("//section[@id='summary']//li")) == len(api["summary"])
    statements = doc.xpath(_with_class("div", "statement"))
    assert len(statements) == len(api["statements"])
    assert any(len(s.xpath("." + _with_class("div", "variant"))) >= 2 for s in statements)
    variant = doc.xpath(_with_class("div", "variant"))[0]
    assert variant.xpath(".//*[contains(@class, 'outlet')]")
    assert variant.xpath(".//*[contains(@class, 'wording')]")
    assert doc.xpath("//section[@id='statements']//mark[@class='diff']")
    facts = doc.xpath("//table[@id='facts']" + _with_class("tr", "fact"))
    assert len(facts) == len(api["facts"])
    assert doc.xpath("//table[@id='facts']" + _with_class("tr", "differ"))
    shown = [c.text_content() for c in doc.xpath("//table[@id='facts']//td[@class='status']")]
    told = [
        f"{f['status']} ({f['agreement']})" if f["agreement"] else f["status"] for f in api["facts"]
    ]
    assert shown == told
    assert doc.xpath(_with_class("div", "discrepancy") + _with_class("div", "claim"))


def test_story_page_charts_and_matrix(site: Site) -> None:
    story_id = site.stories["port-strike"]
    api = site.client.get(f"/api/stories/{story_id}").json()
    doc = _doc(site.client.get(f"/stories/{story_id}").text)
    chart = doc.xpath("//section[@id='timeline']//*[local-name()='svg'][@id='timeline-chart']")
    assert len(chart) == 1
    assert len(chart[0].xpath(".//*[local-name()='circle']")) == len(api["timeline"])
    assert chart[0].xpath(".//*[local-name()='text'][starts-with(., '2026-')]")
    rows = doc.xpath("//table[@id='coverage']/tbody/tr")
    assert rows
    cells = doc.xpath("//table[@id='coverage']//td")
    assert {c.get("class") for c in cells} <= {"carried", "missing"}
    assert len(cells) == len(rows) * len(api["statements"])
    bars = doc.xpath("//section[@id='voices']//*[local-name()='rect']/@width")
    assert bars
    assert all(0 <= float(w) <= 240 for w in bars)
    links = doc.xpath(_with_class("a", "article-link") + "/@href")
    assert {f"/articles/{a}" for a in api["articles"]} <= set(links)


def test_story_page_is_rendered_once_per_cached_brief(site: Site) -> None:
    story_id = site.stories["river-accord"]
    first = site.client.get(f"/stories/{story_id}").text
    app: Any = site.client.app
    services = app.state.services
    with Store(services.db) as store:
        story = store.get_story(story_id)
        assert story is not None
        cached = services.briefs.get(store, story)
        assert services.briefs.get(store, story) is cached
    assert cached.page == first
    assert site.client.get(f"/stories/{story_id[:5]}").text == first


# --- article ----------------------------------------------------------------------------


def test_api_article_has_analysis_and_removed(site: Site) -> None:
    story = site.client.get(f"/api/stories/{site.stories['port-strike']}").json()
    article_id_ = story["articles"][0]
    data = site.client.get(f"/api/articles/{article_id_[:8]}").json()
    assert data["id"] == article_id_
    for key in ("text", "quotes", "quantities", "dates", "entities", "removed"):
        assert key in data, key
    assert data["quotes"]


def test_article_page_marks_quotes_quantities_dates(site: Site) -> None:
    story = site.client.get(f"/api/stories/{site.stories['port-strike']}").json()
    api = site.client.get(f"/api/articles/{story['articles'][0]}").json()
    doc = _doc(site.client.get(f"/articles/{api['id']}").text)
    text = doc.xpath("//article[@id='text']")[0]
    assert text.text_content() == api["text"]
    quotes = text.xpath(".//mark[@class='quote']")
    assert quotes
    assert text.xpath(".//mark[@class='quantity']")
    removed = doc.xpath("//details[@id='removed']")
    assert len(removed) == 1
    assert removed[0].get("open") is None


def test_hostile_article_is_rendered_as_text(site: Site) -> None:
    page = site.client.get(f"/articles/{site.hostile}")
    assert page.status_code == 200
    body = page.text
    assert "<script>window.__pwned" not in body
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=&#34;window.__pwned=" in body
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in body
    assert 'href="javascript:' not in body
    doc = _doc(body)
    assert doc.xpath("//article[@id='text']")[0].text_content() == HOSTILE_TEXT
    assert [s.get("src") for s in doc.xpath("//script")] == ["/static/app.js"]
    api = site.client.get(f"/api/articles/{site.hostile}").json()
    assert api["text"] == HOSTILE_TEXT
    assert api["title"] == HOSTILE_TITLE


# --- ingest -----------------------------------------------------------------------------


def test_ingest_form(site: Site) -> None:
    doc = _doc(site.client.get("/ingest").text)
    form = doc.xpath("//form[@id='ingest']")[0]
    assert form.get("method") == "post"
    assert form.get("action") == "/ingest"
    assert form.xpath(".//input[@type='file'][@name='files'][@multiple]")
    assert form.xpath(".//input[@name='url']")
    assert form.xpath(".//button[@type='submit']")


def test_api_ingest_file_then_duplicate(site: Site) -> None:
    files = [("files", ("../../etc/passwd.txt", BODY.encode(), "text/plain"))]
    first = site.client.post("/api/ingest", files=files)
    assert first.status_code == 202
    done = _wait_done(site.client, first.json()["job"])
    assert done["state"] == "done"
    assert done["reason"] is None
    assert done["total"] == done["done"] == 1
    assert done["results"] == [{"input": "../../etc/passwd.txt", "status": "ok", "reason": None}]
    assert [(s["name"], s["status"], s["count"]) for s in done["stages"]] == [
        ("ingest", "ok", 1),
        ("analyze", "ok", 1),
        ("cluster", "ok", 1),
        ("brief", "ok", 1),
    ]
    assert done["analysis_failures"] == []
    assert all(s["seconds"] >= 0 for s in done["stages"])
    assert len(done["stories"]) == 1
    assert site.client.get(f"/api/stories/{done['stories'][0]}").status_code == 200
    again = _wait_done(site.client, site.client.post("/api/ingest", files=files).json()["job"])
    assert again["results"][0]["status"] == "duplicate"


def test_ingest_form_redirects_to_a_progress_page(site: Site) -> None:
    files = [("files", ("empty.txt", b"", "text/plain"))]
    response = site.client.post(
        "/ingest", files=files, data={"url": "http://127.0.0.1:9/feed.xml"}, follow_redirects=False
    )
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/ingest/")
    done = _wait_done(site.client, location.rsplit("/", 1)[1])
    assert [r["status"] for r in done["results"]] == ["failed", "failed"]
    assert all(r["reason"] for r in done["results"])
    assert done["state"] == "failed"
    assert done["reason"] == "ingest: none of the 2 inputs could be read"
    assert [s["status"] for s in done["stages"]] == ["failed", "skipped", "skipped", "skipped"]
    doc = _doc(site.client.get(location).text)
    assert doc.xpath("//progress[@id='ingest-progress']/@value") == ["2"]
    items = doc.xpath("//ul[@id='ingest-results']/li")
    assert [li.get("class") for li in items] == ["failed", "failed"]
    assert "127.0.0.1:9" in items[1].text_content()
    assert doc.xpath("//p[@id='ingest-reason']/text()") == [done["reason"]]
    stages = doc.xpath("//table[@id='ingest-stages']//tr[@data-stage]")
    assert [r.get("data-stage") for r in stages] == ["ingest", "analyze", "cluster", "brief"]
    assert [r.get("class") for r in stages] == ["stage failed"] + ["stage skipped"] * 3


def test_api_ingest_json_url(site: Site) -> None:
    response = site.client.post("/api/ingest", json={"url": "http://127.0.0.1:9/a.html"})
    assert response.status_code == 202
    done = _wait_done(site.client, response.json()["job"])
    assert done["results"][0]["status"] == "failed"
    assert done["state"] == "failed"
    assert done["stories"] == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 400),
        (b"\xff\xfe", 400),
        (b"[1, 2]", 422),
        (b'{"link": "http://x"}', 422),
        (b'{"url": "file:///etc/passwd"}', 422),
        (b'{"url": 3}', 422),
    ],
)
def test_api_ingest_bad_json(site: Site, body: bytes, status: int) -> None:
    response = site.client.post(
        "/api/ingest", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == status
    assert set(response.json()) == {"error", "detail"}


def test_ingest_without_input_is_422(site: Site) -> None:
    assert site.client.post("/api/ingest", data={"url": " "}).status_code == 422
    assert site.client.post("/ingest", data={}).status_code == 422


def test_oversized_upload_is_413(site: Site) -> None:
    files = [("files", ("big.txt", b"x" * (UPLOAD_LIMIT + 1), "text/plain"))]
    api = site.client.post("/api/ingest", files=files)
    assert api.status_code == 413
    assert set(api.json()) == {"error", "detail"}
    page = site.client.post("/ingest", files=files)
    assert page.status_code == 413
    assert page.headers["content-type"].startswith("text/html")


def test_cross_site_post_is_403(site: Site) -> None:
    evil = {"origin": "https://evil.example"}
    response = site.client.post("/api/ingest", json={"url": "http://x.example/"}, headers=evil)
    assert response.status_code == 403
    assert set(response.json()) == {"error", "detail"}
    fetched = {"sec-fetch-site": "cross-site", "origin": "null"}
    assert (
        site.client.post("/ingest", data={"url": "http://x.example/"}, headers=fetched).status_code
        == 403
    )
    json_body = {"content-type": "application/json"}
    for same in ({"origin": "http://testserver"}, {"sec-fetch-site": "same-origin"}):
        response = site.client.post("/api/ingest", content=b"{", headers={**same, **json_body})
        assert response.status_code == 400


# --- pure helpers -----------------------------------------------------------------------


def test_word_diff_marks_only_changed_words() -> None:
    segments = word_diff("This is not a win.", "This is not a victory!")
    assert [t for t, kinds in segments if kinds] == ["victory!"]
    assert "".join(t for t, _ in segments) == "This is not a victory!"


def test_highlight_nests_overlapping_spans() -> None:
    from newsprism.model import Analysis, Quantity, Quote

    text = 'He said "we lost 40 boats" today.'
    quote = Quote("we lost 40 boats", 9, 25, True)
    quantity = Quantity(40.0, "boats", "40 boats", 17, 25)
    analysis = Analysis("a", "v", quotes=(quote,), quantities=(quantity,))
    segments = highlight(Article("a", "s", text), analysis)
    assert "".join(t for t, _ in segments) == text
    assert ("40 boats", ("quote", "quantity")) in segments
    assert ("we lost ", ("quote",)) in segments


def test_nest_marks_keeps_a_spanning_mark_open() -> None:
    segments = [("a", ()), ("b", ("quote",)), ("c", ("quote", "quantity")), ("d", ("date",))]
    assert nest_marks(segments) == [
        Piece(0, (), "a"),
        Piece(0, ("quote",), "b"),
        Piece(0, ("quantity",), "c"),
        Piece(2, ("date",), "d"),
        Piece(1, (), ""),
    ]


def test_timeline_chart_places_dates_in_order() -> None:
    events = [TimelineEvent(d, "x", ()) for d in ("2026-03-05", "2026-03", "soon", "2026-03-01")]
    chart = timeline_chart(events)
    assert parse_day("2026") is not None
    assert parse_day("soon") is None
    xs = [d.x for d in chart.dots]
    assert xs[3] < xs[0]
    assert xs[1] == xs[3]
    assert not chart.dots[2].dated
    assert [t.label for t in chart.ticks] == ["2026-03-01", "2026-03-05"]
