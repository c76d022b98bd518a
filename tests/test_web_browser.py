"""The web app in a real browser: the app served by uvicorn on 127.0.0.1 (a background
thread, a free port) over a store built from samples/stories plus one invented hostile
article, driven by headless Debian Chromium through Playwright's sync API.

Scenarios: the story list, a search, a story page (side-by-side statements with word
diffs, a fact the outlets disagree on), an article page (highlighted quotes, the folded
list of what cleaning removed), an upload through the ingest form with one result line
per file, a form on another site refused when it posts to the app, and the hostile
article rendered as text with no script run. A screenshot of a story page is written
to docs/story-page.png on every run.

Skipped (with the reason) when /usr/bin/chromium or playwright is not installed.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from typer.testing import CliRunner

from newsprism.cli import app as cli_app
from newsprism.store import Store
from tests.conftest import BODY, SAMPLES

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "story-page.png"
TIMEOUT_MS = 15_000

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
web_app = pytest.importorskip("newsprism.web.app", reason="newsprism.web.app is missing")

pytestmark = pytest.mark.slow

# An invented article whose text carries mark-up that must reach the reader as text.
SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">'
HOSTILE_TITLE = f"Lantern festival organisers in Brask test a new safety plan {IMG_PAYLOAD}"
HOSTILE = f"""{HOSTILE_TITLE}

By Oda Lindqvist

BRASK, March 9 - Organisers of the Brask lantern festival said on Monday that they would \
test a new crowd safety plan this year, after 38,000 visitors filled the old town square last \
spring.

"We want every family to walk home safely {SCRIPT_PAYLOAD} and we will keep the square \
open," said festival director Halvard Moen.

The plan adds two extra exits and 45 stewards {IMG_PAYLOAD} along the river path, according \
to the town council, which approved a budget of 120,000 kroner for the changes.

Moen said the lanterns would be lit at 8 p.m. on March 21, as in previous years, and that \
volunteers could register until March 14.

Local shop owners welcomed the plan. "Last year people could barely move between the \
stalls," said baker Tuva Ness, whose shop faces the square. "Anything that spreads the crowd \
out is good for us."

The council will review the plan after the festival and publish the visitor figures in April.
"""


@dataclass(frozen=True)
class Site:
    """The served app: its base URL, its store, and the ids the scenarios open."""

    base: str
    db: Path
    port_strike: str
    hostile_story: str
    hostile_article: str
    newsfeedr_article: str
    inputs: Path

    def url(self, path: str) -> str:
        return self.base + path


@dataclass
class Watched:
    """A page with every console message and uncaught error it produced."""

    page: Page
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return [m for m in self.console if "Content Security Policy" in m]

    def clean(self) -> bool:
        """No uncaught error, no CSP report, and every request but the browser's own
        favicon probe answered below 400 (style sheet and script included)."""
        missing = [url for url in self.failed if not url.endswith("/favicon.ico")]
        return not self.errors and not self.csp_violations() and not missing


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def build_store(root: Path) -> tuple[Path, Path]:
    """samples/stories plus the hostile article, through `newsprism analyze`."""
    inputs = root / "in"
    shutil.copytree(SAMPLES / "stories", inputs / "stories")
    hostile = inputs / "hostile-gazette" / "lantern.txt"
    hostile.parent.mkdir(parents=True)
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = root / "web.db"
    args = ["analyze", str(inputs), "--db", str(db), "--embeddings", "off", "-f", "json"]
    result = CliRunner().invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    return db, inputs


def find_ids(db: Path) -> dict[str, str]:
    with Store(db) as store:
        stories = store.list_stories(limit=100)
        hostile = next(s for s in stories if "Lantern festival" in (s.title or ""))
        articles = {a.id: a for s in stories for a in store.get_articles(s.articles)}
    port = next(s for s in stories if any("port-strike" in articles[a].source for a in s.articles))
    newsfeedr = next(
        a
        for a in articles.values()
        if "newsfeedr" in a.source and "port-strike" in a.source and a.removed
    )
    return {
        "port_strike": port.id,
        "hostile_story": hostile.id,
        "hostile_article": hostile.articles[0],
        "newsfeedr_article": newsfeedr.id,
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The app served by uvicorn in a background thread on 127.0.0.1."""
    db, inputs = build_store(tmp_path_factory.mktemp("web"))
    ids = find_ids(db)
    application = web_app.create_app(db, web_app.WebOptions(embeddings="off"))
    port = free_port()
    config = uvicorn.Config(
        application, host="127.0.0.1", port=port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield Site(f"http://127.0.0.1:{port}", db, inputs=inputs, **ids)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except sync_api.Error as error:  # pragma: no cover - depends on the machine
            pytest.skip(f"chromium does not start under playwright: {error}")
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    seen = Watched(page)

    def on_console(message: ConsoleMessage) -> None:
        seen.console.append(f"{message.type}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def on_failed(request: Request) -> None:
        # A poll cut short by leaving the page is not a failure of the app.
        if "ERR_ABORTED" not in (request.failure or ""):
            seen.failed.append(f"{request.failure} {request.url}")

    page.on("requestfailed", on_failed)

    def on_response(response: Response) -> None:
        if response.status >= 400:
            seen.failed.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    try:
        yield seen
    finally:
        context.close()


def goto(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url


def wait_done(url: str, seconds: float = 60) -> dict[str, Any]:
    """The ingest job's JSON once its state is "done"."""
    deadline = time.monotonic() + seconds
    while True:
        job: dict[str, Any] = httpx.get(url, timeout=10).json()
        if job["state"] == "done" or time.monotonic() > deadline:
            assert job["state"] == "done", job
            return job
        time.sleep(0.2)


def pwned(page: Page) -> Any:
    return page.evaluate("() => typeof window.__pwned")


# --- scenarios (in file order: the upload, which adds a story, goes last) ----------------


def test_story_list_shows_every_story_with_links(site: Site, watched: Watched) -> None:
    page = watched.page
    goto(page, site.url("/"))
    rows = page.locator("table#stories tr.story")
    with Store(site.db) as store:
        assert rows.count() == store.count_stories() >= 4  # 3 sample stories + the hostile one
    links = page.locator("table#stories tr.story a.story-link")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert all(re.fullmatch(r"/stories/s[0-9a-f]+", h or "") for h in hrefs), hrefs
    assert f"/stories/{site.port_strike}" in hrefs
    strike = rows.filter(has=page.locator(f'a[href="/stories/{site.port_strike}"]'))
    assert "cpa-wire" in strike.inner_text()
    assert page.locator("nav.pagination").count() == 1
    assert page.locator("form#search input[name=q]").is_visible()
    assert watched.clean(), watched


def test_search_narrows_the_list_and_opens_a_story(site: Site, watched: Watched) -> None:
    page = watched.page
    goto(page, site.url("/"))
    page.fill("form#search input[name=q]", "dockworkers")
    with page.expect_navigation():
        page.press("form#search input[name=q]", "Enter")
    assert "q=dockworkers" in page.url
    links = page.locator("table#stories tr.story a.story-link")
    assert links.count() == 1
    assert links.first.get_attribute("href") == f"/stories/{site.port_strike}"
    with page.expect_navigation():
        links.first.click()
    assert page.url == site.url(f"/stories/{site.port_strike}")
    assert page.locator("section#statements").is_visible()

    goto(page, site.url("/?q=zzqxnotaword"))
    assert page.locator("table#stories tr.story").count() == 0


def test_story_page_shows_wordings_side_by_side_and_differing_facts(
    site: Site, watched: Watched
) -> None:
    page = watched.page
    goto(page, site.url(f"/stories/{site.port_strike}"))
    for section in (
        "summary",
        "statements",
        "facts",
        "discrepancies",
        "exclusives",
        "timeline",
        "coverage",
        "voices",
    ):
        assert page.locator(f"section#{section}").count() == 1, section
    assert page.locator("section#summary li").count() >= 1

    statements = page.locator("section#statements div.statement")
    side_by_side = statements.filter(has=page.locator("div.variant + div.variant"))
    assert side_by_side.count() >= 1
    first = side_by_side.first
    assert first.locator("div.variant").count() >= 2
    assert first.locator("div.variant .outlet").first.is_visible()
    assert first.locator("div.variant .wording").first.is_visible()
    marked = page.locator("section#statements div.statement mark.diff")
    assert marked.count() >= 1 and marked.first.is_visible()
    assert marked.first.inner_text().strip()

    differ = page.locator("table#facts tr.fact.differ")
    assert differ.count() >= 1 and differ.first.is_visible()
    assert page.locator("table#facts tr.fact").count() >= differ.count()

    discrepancy = page.locator("section#discrepancies div.discrepancy").first
    assert discrepancy.is_visible() and discrepancy.locator(".claim").count() >= 2
    assert page.locator("section#exclusives li").count() >= 1
    assert page.locator("svg#timeline-chart").is_visible()
    assert page.locator("svg#timeline-chart :is(circle, rect)").count() >= 1
    assert page.locator("table#coverage td.carried").count() >= 1
    assert page.locator("table#coverage td.missing").count() >= 1
    bars = page.locator("section#voices svg rect[width]")
    assert bars.count() >= 1 and float(bars.first.get_attribute("width") or 0) > 0
    assert page.locator("a.article-link").count() >= 2

    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000
    assert watched.clean(), watched


def test_article_page_highlights_quotes_and_folds_removed_lines(
    site: Site, watched: Watched
) -> None:
    page = watched.page
    goto(page, site.url(f"/stories/{site.port_strike}"))
    link = page.locator(f'a.article-link[href="/articles/{site.newsfeedr_article}"]').first
    with page.expect_navigation():
        link.click()
    assert page.url == site.url(f"/articles/{site.newsfeedr_article}")

    text = page.locator("article#text")
    quote = text.locator("mark.quote").first
    assert quote.is_visible() and quote.inner_text().strip()
    assert text.locator("mark.quantity").count() >= 1
    assert text.locator("mark.date").count() >= 1
    # The highlights only wrap the article's own words: the text reads as stored.
    with Store(site.db) as store:
        article = store.get_article(site.newsfeedr_article)
    assert article is not None
    assert " ".join(text.inner_text().split()) == " ".join(article.text.split())

    removed = page.locator("details#removed")
    assert removed.count() == 1
    assert removed.get_attribute("open") is None
    assert not removed.locator("li").first.is_visible()
    removed.locator("summary").click()
    assert removed.get_attribute("open") is not None
    assert removed.locator("li").first.is_visible()
    assert watched.clean(), watched


def test_hostile_article_renders_as_text_and_runs_nothing(site: Site, watched: Watched) -> None:
    page = watched.page
    paths = ["/", f"/stories/{site.hostile_story}", f"/articles/{site.hostile_article}"]
    for path in paths:
        goto(page, site.url(path))
        page.wait_for_load_state("load")
        assert pwned(page) == "undefined", path
        assert page.locator("img[src=x]").count() == 0, path
        scripts = page.locator("script")
        for i in range(scripts.count()):
            assert (scripts.nth(i).get_attribute("src") or "").startswith("/static/"), path
        body = page.locator("body").inner_text()
        assert IMG_PAYLOAD in body, path
    assert SCRIPT_PAYLOAD in page.locator("article#text").inner_text()
    # Nothing was blocked: the payload never became mark-up, so CSP had nothing to refuse.
    assert watched.clean(), watched


def test_a_form_on_another_site_cannot_start_an_ingest(site: Site, watched: Watched) -> None:
    page = watched.page
    evil = "http://elsewhere.invalid/"
    form = (
        f'<form id="f" method="post" enctype="multipart/form-data" action="{site.url("/ingest")}">'
        '<input name="url" value="http://127.0.0.1:9/planted"><button>go</button></form>'
    )
    page.route(evil, lambda route: route.fulfill(body=form, content_type="text/html"))
    before = httpx.get(site.url("/api/stories")).json()["total"]
    goto(page, evil)
    with page.expect_navigation() as navigation:
        page.click("#f button")
    response = navigation.value
    assert response is not None and response.status == 403
    assert httpx.get(site.url("/api/stories")).json()["total"] == before


def test_ingest_form_uploads_files_and_lists_each_result(site: Site, watched: Watched) -> None:
    page = watched.page
    upload = site.inputs.parent / "upload"
    upload.mkdir()
    fresh = upload / "pier.txt"
    fresh.write_text("Tessel closes its old ferry pier\n\n" + BODY, encoding="utf-8")
    empty = upload / "empty.txt"
    empty.write_bytes(b"")
    # Already stored: a page whose outlet comes from its own metadata, not its folder.
    again = site.inputs / "stories" / "daily-meridian" / "port-strike.html"

    goto(page, site.url("/ingest"))
    form = page.locator("form#ingest")
    form.locator("input[type=file][name=files]").set_input_files([fresh, empty, again])
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert re.fullmatch(re.escape(site.url("/ingest/")) + r"[^/?#]+", page.url), page.url
    assert page.locator("progress#ingest-progress").count() == 1

    results = page.locator("ul#ingest-results li")
    page.wait_for_function(
        "() => document.querySelectorAll("
        "'#ingest-results li.ok, #ingest-results li.duplicate, #ingest-results li.failed'"
        ").length === 3",
        timeout=60_000,
    )
    job = page.url.rsplit("/", 1)[1]
    assert wait_done(site.url(f"/api/ingest/{job}"))["total"] == 3
    # Done: the page as the server renders it (no script needed) lists the same results.
    page.reload()
    value, maximum = page.eval_on_selector("progress#ingest-progress", "p => [p.value, p.max]")
    assert value == maximum == 3
    ok = page.locator("ul#ingest-results li.ok")
    assert ok.count() == 1 and "pier.txt" in ok.inner_text()
    failed = page.locator("ul#ingest-results li.failed")
    assert failed.count() == 1 and "empty.txt" in failed.inner_text()
    assert "empty" in failed.inner_text().replace("empty.txt", "")
    duplicate = page.locator("ul#ingest-results li.duplicate")
    assert duplicate.count() == 1 and "port-strike.html" in duplicate.inner_text()
    assert results.count() == 3

    goto(page, site.url("/?q=ferry"))
    titles = page.locator("table#stories tr.story").all_inner_texts()
    assert any("Tessel closes its old ferry pier" in t for t in titles), titles
    assert watched.clean(), watched
