"""A WARC page whose HTTP header names no charset is decoded in the charset its own
``<meta>`` declares, as a page read from a file or a URL is. Servers often send a bare
``text/html``; a Czech page in windows-1250 was then read as cp1252 ("mìsta" for
"města", "øekl" for "řekl") and stored with no warning at all."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.records import declared_charset
from newsprism.model import Article

Write = Callable[..., Path]

# Invented sentences in two Central European languages and a Euro sign (ISO-8859-15).
PAGES = {
    "windows-1250": "Starosta města Dolní Várka řekl, že most bude otevřen ve středu.",
    "iso-8859-2": "Burmistrz miasta Wólka powiedział, że most zostanie otwarty w środę.",
    "iso-8859-15": "Le maire de Vernoux a déclaré que le péage coûtera 5 € dès mercredi.",
}


def _warc(url: str, html: bytes, content_type: str) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(html), http_headers=headers
    )
    writer.write_record(record)
    return buffer.getvalue()


def _page(charset: str, sentence: str) -> bytes:
    html = (
        f'<html><head><meta charset="{charset}"><title>Most</title></head>'
        f"<body><article><p>{sentence}</p><p>{sentence}</p></article></body></html>"
    )
    return html.encode(charset)


def test_warc_page_without_header_charset_uses_its_meta_charset(write: Write) -> None:
    for n, (charset, sentence) in enumerate(PAGES.items()):
        data = _warc("https://a.example/x", _page(charset, sentence), "text/html")
        path = write(f"crawl{n}.warc.gz", data)
        items = list(read_inputs([str(path)], IngestOptions()))
        articles = [i for i in items if isinstance(i, Article)]
        assert len(articles) == 1, items
        assert sentence in articles[0].text, (charset, articles[0].text)


def test_the_header_charset_wins_over_the_meta() -> None:
    page = b'<html><head><meta charset="windows-1250"></head><body></body></html>'
    assert declared_charset("text/html; charset=utf-8", page) == "utf-8"
    assert declared_charset("text/html", page) == "windows-1250"
    assert declared_charset("", b"<p>no declaration</p>") is None
