"""Verifying a summary from the web, in-process (FastAPI's TestClient) over a store built
once from samples/stories (embeddings off): ``POST /api/stories/{id}/verify`` and the
story page's form, their refusals (422, 413, 404, 403), escaping and headers.

The store is built here rather than with tests/samples_material.build_sample_stories,
which asserts that every gold story is recovered whole: these tests need one story that
holds the port strike's pay offer, whatever the clusterer does with the others."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from newsprism.analyze.batch import analyze_stored
from newsprism.cluster.batch import StoryOptions, cluster_stored
from newsprism.cluster.stories import ClusterOptions
from newsprism.ingest import read_inputs
from newsprism.model import Article
from newsprism.store import Store
from newsprism.web import WebOptions, create_app
from newsprism.web.services import MAX_SUMMARY_BYTES, MAX_SUMMARY_CHARS
from tests.samples_material import SAMPLES
from tests.test_web_api import CSP  # the policy every page must carry, stated once

# A sentence one outlet wrote word for word, the same with the figure changed, and a
# detail no outlet wrote: one sentence of each clear-cut verdict.
FAITHFUL = (
    "On Tuesday, the Lorvik Port Authority offered workers a 4% pay rise spread over two years."
)
CHANGED = FAITHFUL.replace("4%", "9%")
INVENTED = "Aliens from Mars opened a chocolate factory beside the harbour on Sunday."
SUMMARY = f"{FAITHFUL}\n{CHANGED} {INVENTED}"
HOSTILE = "<script>window.__pwned=1</script> The union <b>rejected</b> the offer."


@dataclass(frozen=True)
class Site:
    client: TestClient
    story: str
    texts: dict[str, str]  # article id -> text


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    db = tmp_path_factory.mktemp("verify") / "web.db"
    articles = [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]
    with Store(db) as store:
        store.add_articles(articles)
        analyses = analyze_stored(store, [a.id for a in articles])
        options = StoryOptions(cluster=ClusterOptions(embeddings="off"))
        stories = cluster_stored(store, articles, analyses, options)
    source = next(a.id for a in articles if FAITHFUL in a.text)
    story = next(s for s in stories if source in s.articles)
    app = create_app(db, WebOptions(embeddings="off", allowed_hosts=("testserver",)))
    with TestClient(app) as client:
        yield Site(client, story.id, {a.id: a.text for a in articles})


@pytest.fixture(scope="module")
def verified(site: Site) -> dict[str, Any]:
    response = site.client.post(f"/api/stories/{site.story}/verify", json={"summary": SUMMARY})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def _doc(text: str) -> Any:
    return lxml_html.fromstring(text)


def _with_class(tag: str, cls: str) -> str:
    return f"//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]"


# --- JSON -------------------------------------------------------------------------------


def test_api_verify_gives_each_sentence_its_verdict_in_order(
    site: Site, verified: dict[str, Any]
) -> None:
    assert verified["story"] == site.story
    assert {"schema_version", "title", "sentences", "missing", "counts"} <= set(verified)
    sentences = verified["sentences"]
    assert [s["verdict"] for s in sentences] == ["supported", "contradicted", "unsupported"]
    assert [s["text"] for s in sentences] == [FAITHFUL, CHANGED, INVENTED]
    for s in sentences:
        assert SUMMARY[s["start"] : s["end"]] == s["text"]
        assert isinstance(s["note"], str)
    assert verified["counts"] == {"supported": 1, "partly": 0, "contradicted": 1, "unsupported": 1}


def test_api_verify_sources_are_the_outlets_own_words(site: Site, verified: dict[str, Any]) -> None:
    supported, contradicted, invented = verified["sentences"]
    assert any(m["relation"] == "supports" for m in supported["sources"])
    assert any(m["relation"] == "contradicts" for m in contradicted["sources"])
    assert not [m for m in invented["sources"] if m["relation"] == "supports"]
    for match in supported["sources"] + contradicted["sources"]:
        assert {"article", "outlet", "text", "start", "end", "relation"} <= set(match)
        assert site.texts[match["article"]][match["start"] : match["end"]] == match["text"]


def test_api_verify_lists_what_most_sources_carry_and_the_summary_leaves_out(
    verified: dict[str, Any],
) -> None:
    assert verified["missing"]
    for item in verified["missing"]:
        assert item["kind"] in ("statement", "fact")
        assert item["text"] and item["passages"]
        assert item["text"] != FAITHFUL


def test_api_verify_takes_a_story_prefix(site: Site) -> None:
    response = site.client.post(f"/api/stories/{site.story[:7]}/verify", json={"summary": INVENTED})
    assert response.status_code == 200
    assert response.json()["story"] == site.story


def test_api_verify_concurrent_requests_agree(site: Site, verified: dict[str, Any]) -> None:
    path = f"/api/stories/{site.story}/verify"
    with ThreadPoolExecutor(4) as pool:
        answers = list(
            pool.map(lambda _: site.client.post(path, json={"summary": SUMMARY}), range(4))
        )
    assert [a.status_code for a in answers] == [200] * 4
    assert all(a.json() == verified for a in answers)


@pytest.mark.parametrize(
    "summary", ["...", "!!! ???", "“”", "🙂", "4%", "\t\n  x  \r\n", "a;b — c, and d"]
)
def test_api_verify_odd_summaries_are_answered(site: Site, summary: str) -> None:
    response = site.client.post(f"/api/stories/{site.story}/verify", json={"summary": summary})
    assert response.status_code == 200, response.text
    for s in response.json()["sentences"]:
        assert summary[s["start"] : s["end"]] == s["text"]


# Summary-shaped text: the story's words, figures, quote marks, sentence and clause breaks,
# non-Latin letters and emoji, in any order (what a schema fuzzer's random strings, which
# stop at the 404 of its empty store, never feed the verifier).
_PIECES = st.sampled_from(
    [
        "Lorvik",
        "union",
        "port",
        "offer",
        "rejected",
        "not",
        "said",
        "4%",
        "9 percent",
        "two years",
        "Tuesday",
        "1,200",
        "\u201c",
        "\u201d",
        '"',
        "'",
        ".",
        ";",
        " \u2014 ",
        ", and",
        "?",
        "!",
        "\n",
        "\n\n",
        "\t",
        "Zoë",
        "港口",
        "🙂",
        "-",
        "(",
        ")",
        "$3m",
        " ",
    ]
)
SUMMARY_TEXTS = st.lists(_PIECES, min_size=1, max_size=40).map(" ".join)


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
@given(summary=SUMMARY_TEXTS)
def test_api_verify_any_summary_gets_verdicts_or_a_422(site: Site, summary: str) -> None:
    response = site.client.post(f"/api/stories/{site.story}/verify", json={"summary": summary})
    if not summary.strip():
        assert response.status_code == 422
        return
    assert response.status_code == 200, response.text
    data = response.json()
    for s in data["sentences"]:
        assert s["verdict"] in ("supported", "partly", "contradicted", "unsupported")
        assert summary[s["start"] : s["end"]] == s["text"]
    assert sum(data["counts"].values()) == len(data["sentences"])


# --- refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        {"summary": ""},
        {"summary": " \n\t "},
        {"summary": "The union\x00 rejected it."},
        {"summary": "bell\x07"},
        {"summary": 42},
        {"text": FAITHFUL},
        [FAITHFUL],
    ],
)
def test_api_verify_bad_summaries_are_422(site: Site, body: Any) -> None:
    response = site.client.post(f"/api/stories/{site.story}/verify", json=body)
    assert response.status_code == 422
    assert response.json()["error"] == "Unprocessable Entity"


def test_api_verify_too_long_is_413(site: Site) -> None:
    long = ("The union rejected the offer. " * 700)[: MAX_SUMMARY_CHARS + 1]
    response = site.client.post(f"/api/stories/{site.story}/verify", json={"summary": long})
    assert response.status_code == 413
    assert set(response.json()) == {"error", "detail"}
    assert "20,000" in response.json()["detail"]
    exactly = site.client.post(
        "/api/stories/nope/verify", json={"summary": long[:MAX_SUMMARY_CHARS]}
    )
    assert exactly.status_code == 404  # the length is fine; the story is not


def test_api_verify_oversized_body_is_refused_before_it_is_read(site: Site) -> None:
    body = b'{"summary": "' + b"x" * MAX_SUMMARY_BYTES + b'"}'
    response = site.client.post(
        f"/api/stories/{site.story}/verify",
        content=body,
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-security-policy"] == CSP


def test_verify_unknown_story_is_404(site: Site) -> None:
    api = site.client.post("/api/stories/nope/verify", json={"summary": FAITHFUL})
    assert api.status_code == 404
    assert api.json()["error"] == "Not Found"
    page = site.client.post("/stories/nope/verify", data={"summary": FAITHFUL})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")


def test_verify_cross_site_posts_are_403(site: Site) -> None:
    path = f"/api/stories/{site.story}/verify"
    for headers in (
        {"origin": "null"},
        {"origin": "https://evil.example"},
        {"sec-fetch-site": "cross-site"},
    ):
        assert (
            site.client.post(path, json={"summary": FAITHFUL}, headers=headers).status_code == 403
        )
        form = site.client.post(
            f"/stories/{site.story}/verify", data={"summary": FAITHFUL}, headers=headers
        )
        assert form.status_code == 403


def test_openapi_documents_the_verify_endpoint(site: Site) -> None:
    schema = site.client.get("/openapi.json").json()
    post = schema["paths"]["/api/stories/{story_id}/verify"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    model = schema["components"]["schemas"][body.rsplit("/", 1)[-1]]
    assert model["required"] == ["summary"]
    assert {"200", "404", "413", "422"} <= set(post["responses"])
    assert "/stories/{story_id}/verify" not in schema["paths"]


# --- HTML -------------------------------------------------------------------------------


def test_story_page_has_the_verify_form(site: Site) -> None:
    doc = _doc(site.client.get(f"/stories/{site.story}").text)
    form = doc.xpath("//form[@id='verify']")
    assert form
    assert form[0].get("method") == "post"
    assert form[0].get("action") == f"/stories/{site.story}/verify"
    assert form[0].xpath(".//textarea[@name='summary']")


def test_verify_form_colours_each_sentence_by_verdict(site: Site) -> None:
    response = site.client.post(f"/stories/{site.story}/verify", data={"summary": SUMMARY})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for header, value in (
        ("content-security-policy", CSP),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "same-origin"),
        ("x-frame-options", "DENY"),
    ):
        assert response.headers[header] == value
    doc = _doc(response.text)
    items = doc.xpath(_with_class("li", "checked-sentence"))
    verdicts = [next(c for c in i.get("class").split() if c != "checked-sentence") for i in items]
    assert verdicts == ["supported", "contradicted", "unsupported"]
    assert [i.xpath("string(.//span[@class='sentence'])") for i in items] == [
        FAITHFUL,
        CHANGED,
        INVENTED,
    ]
    assert items[1].xpath(".//p[@class='note']")
    links = items[0].xpath(".//a[contains(@class, 'article-link')]/@href")
    assert links and all(h.removeprefix("/articles/") in site.texts for h in links)
    assert doc.xpath("//section[@id='verify-missing']" + _with_class("li", "missing-item"))
    assert doc.xpath("//textarea[@name='summary']")[0].text.strip() == SUMMARY.strip()


def test_verify_page_styles_every_verdict() -> None:
    css = (SAMPLES.parent / "src/newsprism/web/static/style.css").read_text(encoding="utf-8")
    for verdict in ("supported", "partly", "contradicted", "unsupported"):
        assert f"li.checked-sentence.{verdict}" in css
        assert f".verdict.{verdict}" in css


def test_verify_form_escapes_the_summary(site: Site) -> None:
    response = site.client.post(f"/stories/{site.story}/verify", data={"summary": HOSTILE})
    assert response.status_code == 200
    assert "<script>window.__pwned" not in response.text
    assert "<b>rejected</b>" not in response.text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in response.text
    doc = _doc(response.text)
    assert all(s.get("src") for s in doc.xpath("//script"))  # no inline script
    assert not doc.xpath("//b")
    assert HOSTILE in doc.xpath("//textarea[@name='summary']")[0].text


@pytest.mark.parametrize("summary", ["", "   ", "nul\x00"])
def test_verify_form_bad_summary_is_a_422_page(site: Site, summary: str) -> None:
    response = site.client.post(f"/stories/{site.story}/verify", data={"summary": summary})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")


def test_verify_form_too_long_is_413(site: Site) -> None:
    long = "x" * (MAX_SUMMARY_CHARS + 1)
    response = site.client.post(f"/stories/{site.story}/verify", data={"summary": long})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("text/html")
