"""Builders of test inputs in each format, from invented text (never real articles)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from html import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from tests.conftest import BODY

#: The publication time of :func:`story_material`'s articles.
PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)


def story_material(analyzer: Analyzer, texts: list[tuple[str, str]]) -> StoryMaterial:
    """One invented story of ``(outlet, text)`` articles, all published at
    :data:`PUBLISHED`, each analysed by ``analyzer``."""
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet, published=PUBLISHED)
        for outlet, text in texts
    ]
    story = Story("invented", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})


def html_page(
    title: str = "Tessel closes its old ferry pier",
    body: str = BODY,
    *,
    site: str = "The Tessel Courier",
    published: str | None = "2026-03-03T10:15:00+01:00",
    author: str = "Mara Lind",
    canonical: str = "https://tesselcourier.example/news/ferry-pier",
    subhead: str | None = "Eleven weeks of work",
) -> str:
    """A realistic news page: nav, cookie banner, article with subhead, comments."""
    paragraphs = [f"<p>{escape(p)}</p>" for p in body.split("\n\n")]
    if subhead:
        paragraphs.insert(2, f"<h2>{escape(subhead)}</h2>")
    date_meta = (
        f'<meta property="article:published_time" content="{published}">' if published else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(site)}</title>
<meta property="og:site_name" content="{escape(site)}">
<meta property="og:title" content="{escape(title)}">
{date_meta}
<meta name="author" content="{escape(author)}">
<link rel="canonical" href="{canonical}">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all</div>
<main><article>
<h1>{escape(title)}</h1>
{"".join(paragraphs)}
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Bridge tolls rise</a></li></ul></aside>
<section class="comments"><h3>3 comments</h3><p>First!</p></section>
</main><footer>&copy; 2026 Tessel Courier</footer></body></html>"""


def rss_feed(entries: list[dict[str, str]], channel: str = "Coastal Wire Radio") -> bytes:
    """An RSS 2.0 feed; each entry: title, link, body (paragraphs), pubDate, creator."""
    items = []
    for entry in entries:
        content = "".join(f"<p>{escape(p)}</p>" for p in entry["body"].split("\n\n"))
        items.append(
            f"<item><title>{escape(entry['title'])}</title><link>{entry['link']}</link>"
            f"<pubDate>{entry.get('pubDate', 'Tue, 03 Mar 2026 10:00:00 +0100')}</pubDate>"
            f"<dc:creator>{escape(entry.get('creator', 'Ola Berg'))}</dc:creator>"
            f"<description>{escape(entry['body'][:80])}</description>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{escape(channel)}</title><link>https://coastal.example/</link>"
        f"<description>News</description>{''.join(items)}</channel></rss>"
    ).encode()


def warc_file(
    pages: list[tuple[str, str]], *, gzip: bool = True, extra_non_html: bool = True
) -> bytes:
    """A WARC with one HTML response record per (url, html), plus a request and an image."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, html in pages:
        writer.write_record(
            writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        )
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
        )
    if extra_non_html:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.example/a.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n"),
                http_headers=headers,
            )
        )
    return buffer.getvalue()
