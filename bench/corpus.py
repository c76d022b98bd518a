"""A deterministic, synthetic but realistic news corpus for the ingestion benchmark.

Every article is invented: people, places, organisations and outlets come from the word
lists below, and the prose from sentence templates (reported statements, quotes with
"said" and "told", numbers, money, percentages, weekdays and dates), in paragraphs of
two to four sentences with one subhead, 400-800 words in all.

Article ``i`` of seed ``s`` depends on ``(s, i)`` alone (its own ``random.Random``), so a
corpus of 500 is the first 500 articles of a corpus of 10,000, and every run of the
benchmark reads the same bytes. Each article is rendered three ways:

* a plain-text scrape with debris (menu, headline, "By NAME" byline, timestamp line,
  photo caption, "Share this article", "12 comments", copyright line);
* a full HTML page (nav, cookie banner, ``<article>`` with ``<h1>``, ``<p>``s and an
  ``<h2>`` subhead, ``og:site_name``, ``article:published_time``, author meta, canonical
  link, a comment section and a footer);
* the same page as an HTTP response record (with its request record) of one gzipped WARC.

:func:`write_corpus` writes all three under a directory the caller owns (the benchmark
passes a temporary one).
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

__all__ = [
    "CorpusArticle",
    "CorpusFiles",
    "Outlet",
    "generate_article",
    "render_html",
    "render_text",
    "write_corpus",
]

MIN_WORDS = 400
MAX_WORDS = 800
DEFAULT_SEED = 20260303


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    slug: str
    domain: str
    utc_offset_hours: int


OUTLETS: tuple[Outlet, ...] = (
    Outlet("The Daily Meridian", "daily-meridian", "dailymeridian.example", 0),
    Outlet("Harbour Herald", "harbour-herald", "harbourherald.example", 1),
    Outlet("Valdoria Today", "valdoria-today", "valdoriatoday.example", 2),
    Outlet("Northgate Courier", "northgate-courier", "northgatecourier.example", 0),
    Outlet("The Tessel Observer", "tessel-observer", "tesselobserver.example", 1),
    Outlet("Coastline Post", "coastline-post", "coastlinepost.example", -5),
    Outlet("Orsk Evening Standard", "orsk-standard", "orskstandard.example", 3),
    Outlet("Brannock Gazette", "brannock-gazette", "brannockgazette.example", 0),
)

FIRST_NAMES = (
    "Ilse", "Dario", "Lenka", "Rhea", "Nadia", "Tomas", "Marek", "Sofia", "Anselm", "Greta",
    "Jonah", "Petra", "Oskar", "Mira", "Fabian", "Helga", "Ruben", "Anika", "Callum", "Yara",
    "Emil", "Ines", "Lucan", "Vera", "Teodor", "Alma", "Kasimir", "Nora", "Bastian", "Liv",
)
SURNAMES = (
    "Marrow", "Kessel", "Dravic", "Calloway", "Ferro", "Vantrell", "Oberlin", "Haskard",
    "Pellweather", "Strand", "Quillon", "Marsk", "Tobrin", "Welloway", "Ashgrove", "Renske",
    "Dunmore", "Valtieri", "Korhonen", "Lindqvist", "Okonkwo-Hale", "Brevik", "Castellane",
    "Morrow", "Fenwick", "Halloran", "Szabo-Reyes", "Winterbourne", "Achterberg", "Sorel",
)
PLACES = (
    "Lorvik", "Jelvar", "Sennik", "Dolna Brava", "Veransk", "Tessel", "Orsk", "Brannock",
    "Kelmstad", "Harrowgate Bay", "Mirefield", "Ostrava Nova", "Caldera Springs", "Pellham",
    "Vastmoor", "Quenby", "Rostaval", "Eldhavn", "Saltmarsh", "Wexley Cross",
)
REGIONS = (
    "the Caldera Hills", "the northern Calderas", "the Tessel coast", "the Orsk valley",
    "the eastern lowlands", "the Brannock peninsula", "the Mire delta", "the western uplands",
)
COUNTRIES = ("Ostrenia", "Valdoria", "Kesteria", "Norland", "Tarvessa")
ORGANISATIONS = (
    "the Ministry of Transport", "the State Fire and Rescue Service", "the Port Authority",
    "the Dockworkers' Union", "the National Statistics Office", "the Regional Council",
    "the Central Bank", "Varnholt Logistics", "Meridian Energy", "the Health Directorate",
    "the Coastal Water Board", "Kelmstad University", "the Farmers' Federation",
    "the Consumer Council", "Pellham Rail", "the Housing Agency", "the Audit Office",
    "the Chamber of Commerce", "Orsk General Hospital", "the Environment Agency",
)
ROLES = (
    "spokesperson", "chief executive", "director", "chair", "deputy mayor", "head of policy",
    "regional governor", "chief economist", "senior engineer", "general secretary",
)
TOPICS = (
    ("the strike", "dockworkers", "the port", "wages", "shipping containers"),
    ("the wildfire", "residents", "the forest reserve", "evacuations", "hectares of forest"),
    ("the flood defences", "homeowners", "the river embankment", "repairs", "homes"),
    ("the budget", "taxpayers", "the finance committee", "spending cuts", "public jobs"),
    ("the rail line", "commuters", "the new timetable", "delays", "daily passengers"),
    ("the hospital plan", "patients", "the emergency ward", "waiting times", "hospital beds"),
    ("the housing scheme", "tenants", "the new estate", "rents", "flats"),
    ("the election", "voters", "the ballot", "turnout", "polling stations"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)
VERBS_PAST = (
    "approved", "rejected", "delayed", "announced", "suspended", "expanded", "reviewed",
    "criticised", "defended", "postponed", "funded", "cancelled",
)
SUBHEADS = (
    "What happens next", "A long dispute", "Costs keep rising", "Reaction in {place}",
    "The view from {place}", "Questions remain", "Who pays", "Years of warnings",
)
SECTIONS = ("World", "Politics", "Business", "Climate", "Local", "Health", "Transport")


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One invented article: its metadata, paragraphs, and where its subhead stands."""

    index: int
    outlet: Outlet
    title: str
    author: str
    section: str
    published: datetime
    paragraphs: tuple[str, ...]
    subhead: str
    subhead_before: int
    caption: str
    comments: int

    @property
    def slug(self) -> str:
        words = "".join(c if c.isalnum() else " " for c in self.title.lower()).split()
        return f"{self.index:06d}-{'-'.join(words[:8])}"

    @property
    def url(self) -> str:
        day = self.published.strftime("%Y/%m/%d")
        return f"https://{self.outlet.domain}/{self.section.lower()}/{day}/{self.slug}"


@dataclass(frozen=True, slots=True)
class CorpusFiles:
    """Where :func:`write_corpus` put the corpus, and how big it is."""

    text_paths: tuple[str, ...]
    html_paths: tuple[str, ...]
    warc_path: str
    text_bytes: int
    html_bytes: int
    warc_bytes: int
    words: int


# --- prose -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Scene:
    """What one article is about: the names its sentences draw on."""

    place: str
    region: str
    country: str
    topic: tuple[str, str, str, str, str]
    people: tuple[tuple[str, str, str], ...]  # (name, role, organisation)


def _person(rng: random.Random) -> tuple[str, str, str]:
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    return name, rng.choice(ROLES), rng.choice(ORGANISATIONS)


def _scene(rng: random.Random) -> _Scene:
    people = tuple(_person(rng) for _ in range(rng.randint(3, 5)))
    return _Scene(
        rng.choice(PLACES), rng.choice(REGIONS), rng.choice(COUNTRIES), rng.choice(TOPICS), people
    )


def _number(rng: random.Random) -> str:
    value = rng.choice((rng.randint(2, 99), rng.randint(100, 9_999), rng.randint(10_000, 250_000)))
    return f"{value:,}"


def _money(rng: random.Random) -> str:
    millions = f"{rng.randint(2, 950)} million"
    amount = rng.choice((millions, f"{rng.randint(11, 99) / 10:.1f} billion"))
    return f"{rng.choice(('€', '$', '£'))}{amount}"


def _when(rng: random.Random) -> str:
    return rng.choice((
        f"on {rng.choice(WEEKDAYS)}",
        f"last {rng.choice(WEEKDAYS)}",
        f"on {rng.randint(1, 28)} {rng.choice(MONTHS)}",
        f"in {rng.choice(MONTHS)}",
        "last week",
        "earlier this month",
    ))


def _clause(rng: random.Random, scene: _Scene) -> str:
    subject, group, thing, issue, unit = scene.topic
    return rng.choice((
        f"{group} in {scene.place} would face further {issue} until the end of the year",
        f"{thing} could be ready by {rng.choice(MONTHS)} if funding arrives in time",
        f"{subject} had already cost {_money(rng)} and the bill was still growing",
        f"at least {_number(rng)} {unit} had been affected across {scene.region}",
        f"talks on {issue} would resume {_when(rng)}",
        f"nobody had yet explained who would pay for {thing}",
    ))


def _quote(rng: random.Random, scene: _Scene) -> str:
    _, group, thing, issue, _ = scene.topic
    return rng.choice((
        f"We are asking people to be patient, but {group} deserve a straight answer",
        f"Nobody here wanted {issue}, and nobody wants {thing} to fail",
        f"We warned about this {rng.randint(2, 9)} years ago and were told to wait",
        f"This is the most serious situation {scene.place} has seen in a generation",
        f"Every week we lose is a week that {group} pay for",
        f"I will keep saying it until someone in {scene.country} listens",
    ))


def _sentence(rng: random.Random, scene: _Scene) -> str:
    name, role, org = rng.choice(scene.people)
    subject, group, thing, issue, unit = scene.topic
    org_title = org[0].upper() + org[1:]
    return rng.choice((
        f"{org_title} said {_when(rng)} that {_clause(rng, scene)}.",
        f'"{_quote(rng, scene)}," said {name}, the {role} of {org}.',
        f'"{_quote(rng, scene)}," {name} told reporters in {scene.place}.',
        f"{name}, who has led {org} since {rng.randint(2009, 2025)}, told "
        f"the {rng.choice(OUTLETS).name} that {_clause(rng, scene)}.",
        f"According to {org}, {_number(rng)} {unit} were affected, "
        f"up from {_number(rng)} a year earlier.",
        f"About {rng.randint(11, 89)}% of {group} in {scene.region} said they opposed {issue}, "
        f"a survey by {org} found.",
        f"{scene.place}, a town of {rng.randint(2_000, 250_000):,} people in {scene.region}, "
        f"has {rng.choice(VERBS_PAST)} plans for {thing}.",
        f"The council {rng.choice(VERBS_PAST)} {thing} {_when(rng)}, "
        f"after {rng.randint(2, 18)} months of talks with {org}.",
        f"Officials in {scene.country} said {_clause(rng, scene)}.",
        f"{subject[0].upper() + subject[1:]} is expected to cost about {_money(rng)}, "
        f"{rng.choice(('officials said', 'the finance ministry said', 'the audit found'))}.",
        f"{name} said {_clause(rng, scene)}, adding that {_clause(rng, scene)}.",
    ))


def _paragraphs(rng: random.Random, scene: _Scene, target_words: int) -> list[str]:
    paragraphs: list[str] = []
    words = 0
    while words < target_words:
        paragraph = " ".join(_sentence(rng, scene) for _ in range(rng.randint(2, 4)))
        if words >= MIN_WORDS and words + len(paragraph.split()) > MAX_WORDS:
            break
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    return paragraphs


def _title(rng: random.Random, scene: _Scene) -> str:
    subject, group, thing, issue, _ = scene.topic
    head = rng.choice((
        f"{scene.place} {rng.choice(VERBS_PAST)} {thing} as {issue} deepen",
        f"{group.capitalize()} in {scene.place} brace for {issue}",
        f"{scene.country}: {subject} costs {_money(rng)}, officials say",
        f"{scene.place} council under pressure over {issue}",
        f"Anger in {scene.region} as {subject} drags on",
    ))
    return head[0].upper() + head[1:]


def _published(rng: random.Random, outlet: Outlet) -> datetime:
    start = datetime(2026, 1, 1, tzinfo=timezone(timedelta(hours=outlet.utc_offset_hours)))
    return start + timedelta(minutes=5 * rng.randint(0, 12 * 24 * 90))


def generate_article(index: int, seed: int = DEFAULT_SEED) -> CorpusArticle:
    """Article ``index`` of the corpus made from ``seed`` (the same on every run)."""
    rng = random.Random(f"{seed}:{index}")
    outlet = rng.choice(OUTLETS)
    scene = _scene(rng)
    paragraphs = _paragraphs(rng, scene, rng.randint(MIN_WORDS, MAX_WORDS))
    return CorpusArticle(
        index=index,
        outlet=outlet,
        title=_title(rng, scene),
        author=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
        section=rng.choice(SECTIONS),
        published=_published(rng, outlet),
        paragraphs=tuple(paragraphs),
        subhead=rng.choice(SUBHEADS).format(place=scene.place),
        subhead_before=min(len(paragraphs) - 1, rng.randint(2, 4)),
        caption=f"{rng.choice(('Crowds', 'Officials', 'Workers', 'Residents'))} in {scene.place} "
        f"on {rng.choice(WEEKDAYS)}.",
        comments=rng.randint(0, 480),
    )


# --- renderings ------------------------------------------------------------------------


def _text_stamp(article: CorpusArticle) -> str:
    """A timestamp line in one of the two styles scrapes carry most often."""
    published = article.published
    if article.index % 2:
        return f"Published: {published.isoformat(sep=' ', timespec='minutes')}"
    zone = "GMT" if published.utcoffset() == timedelta(0) else published.strftime("%z")
    return f"{published.strftime('%-d %B %Y, %H:%M')} {zone}"


def render_text(article: CorpusArticle) -> str:
    """The article as a plain-text scrape, with the debris scrapers leave behind."""
    body = list(article.paragraphs)
    body.insert(article.subhead_before, article.subhead)
    lines = [
        "Home", "News", article.section, "Sign in", "",
        article.title, "",
        f"By {article.author}", "",
        _text_stamp(article), "",
        f"Photo: {article.caption} ({article.outlet.name})", "",
        "\n\n".join(body), "",
        "Share this article", "",
        f"{article.comments} comments", "",
        f"© 2026 {article.outlet.name}. All rights reserved.",
    ]
    return "\n".join(lines) + "\n"


def _html_head(article: CorpusArticle) -> str:
    title = escape(article.title)
    site = escape(article.outlet.name)
    return f"""<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {site}</title>
<meta name="description" content="{escape(article.paragraphs[0][:150])}">
<meta name="author" content="{escape(article.author)}">
<meta property="og:site_name" content="{site}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:url" content="{article.url}">
<meta property="article:published_time" content="{article.published.isoformat()}">
<meta property="article:section" content="{article.section}">
<link rel="canonical" href="{article.url}">
<link rel="stylesheet" href="/static/css/site.css">
<script src="/static/js/consent.js" defer></script>
<style>.cookie-banner{{position:fixed;bottom:0}} .ad{{min-height:90px}}</style>
<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{"section":"{article.section}"}});</script>
</head>"""


def _html_chrome(article: CorpusArticle) -> str:
    items = "".join(f'<li><a href="/{s.lower()}">{s}</a></li>' for s in SECTIONS)
    return f"""<div id="cookie-banner" class="cookie-banner" role="dialog">
  <p>We use cookies to improve your experience and to show you relevant advertising.</p>
  <button type="button" class="accept">Accept all</button> <a href="/privacy">Manage preferences</a>
</div>
<header class="site-header"><a class="logo" href="/">{escape(article.outlet.name)}</a>
  <nav class="main-nav"><ul><li><a href="/">Home</a></li>{items}</ul></nav>
</header>
<div class="ad ad-leaderboard"><span class="ad-label">Advertisement</span></div>"""


def _html_article(article: CorpusArticle) -> str:
    blocks = [f"    <p>{escape(p)}</p>" for p in article.paragraphs]
    blocks.insert(article.subhead_before, f"    <h2>{escape(article.subhead)}</h2>")
    stamp = article.published.strftime("%-d %B %Y, %H:%M")
    body = "\n".join(blocks)
    return f"""<article class="story">
  <header class="story-header">
    <p class="kicker"><a href="/{article.section.lower()}">{article.section}</a></p>
    <h1>{escape(article.title)}</h1>
    <div class="byline">By <a href="/authors" rel="author">{escape(article.author)}</a></div>
    <time datetime="{article.published.isoformat()}">{stamp}</time>
  </header>
  <figure class="lead-image"><img src="/media/lead.jpg" alt="">
    <figcaption>{escape(article.caption)} Photograph: {escape(article.outlet.name)}</figcaption>
  </figure>
  <div class="story-body">
{body}
  </div>
  <div class="share">Share this article</div>
</article>"""


def _html_comments(article: CorpusArticle) -> str:
    return f"""<section class="comments" id="comments">
  <h3>{article.comments} comments</h3>
  <div class="comment"><p class="who">reader_{article.index % 97}</p>
    <p>Typical. They knew about this for years and did nothing.</p></div>
  <div class="comment"><p class="who">harbourwatcher</p>
    <p>Does anyone know if the number 4 bus is still running?</p></div>
  <form class="reply"><textarea placeholder="Join the conversation"></textarea></form>
</section>"""


def render_html(article: CorpusArticle) -> str:
    """The article as a full news page: site chrome around one ``<article>``."""
    return f"""<!DOCTYPE html>
<html lang="en">
{_html_head(article)}
<body>
{_html_chrome(article)}
<main>
{_html_article(article)}
<aside class="related"><h3>Related</h3><ul>
  <li><a href="/related/1">Council delays vote on harbour plan</a></li>
  <li><a href="/related/2">Five things to know before the weekend</a></li>
</ul></aside>
{_html_comments(article)}
</main>
<footer><p>&copy; 2026 {escape(article.outlet.name)}. All rights reserved.</p>
<p><a href="/about">About us</a> <a href="/contact">Contact</a> <a href="/privacy">Privacy</a></p>
</footer>
</body>
</html>
"""


# --- files -----------------------------------------------------------------------------


def _write_warc_pair(writer: WARCWriter, url: str, payload: bytes) -> None:
    """A GET request record and its 200 HTML response record, as a crawler writes them."""
    parts = urlsplit(url)
    request_headers = StatusAndHeaders(
        f"GET {parts.path} HTTP/1.1",
        [("Host", parts.netloc), ("User-Agent", "newsprism-bench/1.0"), ("Accept", "text/html")],
        is_http_request=True,
    )
    response_headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    for kind, body, headers in (
        ("request", b"", request_headers),
        ("response", payload, response_headers),
    ):
        stream = io.BytesIO(body)
        writer.write_record(writer.create_warc_record(url, kind, stream, http_headers=headers))


def _article_files(root: Path, article: CorpusArticle) -> tuple[Path, Path]:
    folder, name = article.outlet.slug, article.slug
    return root / "text" / folder / f"{name}.txt", root / "html" / folder / f"{name}.html"


def iter_articles(count: int, seed: int = DEFAULT_SEED) -> Iterator[CorpusArticle]:
    """Articles ``0 .. count-1`` of the corpus of ``seed``."""
    return (generate_article(i, seed) for i in range(count))


def write_corpus(
    directory: str | Path,
    count: int,
    seed: int = DEFAULT_SEED,
    on_article: Callable[[], None] | None = None,
) -> CorpusFiles:
    """Write ``count`` articles as text files, HTML files and one gzipped WARC.

    Files go to ``directory/text/<outlet>/``, ``directory/html/<outlet>/`` and
    ``directory/crawl.warc.gz``; nothing is kept in memory but the paths.
    """
    root = Path(directory)
    for outlet in OUTLETS:
        (root / "text" / outlet.slug).mkdir(parents=True, exist_ok=True)
        (root / "html" / outlet.slug).mkdir(parents=True, exist_ok=True)
    warc_path = root / "crawl.warc.gz"
    text_paths: list[str] = []
    html_paths: list[str] = []
    sizes = [0, 0, 0]  # text bytes, HTML bytes, words
    with warc_path.open("wb") as warc:
        writer = WARCWriter(warc, gzip=True)
        for article in iter_articles(count, seed):
            text_path, html_path = _article_files(root, article)
            text = render_text(article).encode("utf-8")
            page = render_html(article).encode("utf-8")
            text_path.write_bytes(text)
            html_path.write_bytes(page)
            _write_warc_pair(writer, article.url, page)
            text_paths.append(str(text_path))
            html_paths.append(str(html_path))
            sizes[0] += len(text)
            sizes[1] += len(page)
            sizes[2] += sum(len(p.split()) for p in article.paragraphs)
            if on_article is not None:
                on_article()
    return CorpusFiles(
        tuple(text_paths), tuple(html_paths), str(warc_path),
        sizes[0], sizes[1], warc_path.stat().st_size, sizes[2],
    )
