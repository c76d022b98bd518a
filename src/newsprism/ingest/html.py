"""HTML pages to raw documents, via trafilatura (text and metadata) and htmldate (dates).

trafilatura finds the main text and the title, author, site name and canonical URL. The
publication time comes from the page's standard timestamp markup where it has one
(``article:published_time``, ``itemprop=datePublished``, ``<time datetime>``), because
htmldate keeps only the day for some offsets; otherwise from htmldate's search (through
trafilatura), extensive: URL and visible text included.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Any

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from newsprism.errors import NoArticleFound
from newsprism.model import RawDocument

logger = logging.getLogger(__name__)

_DATE_PARAMS: dict[str, Any] = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "extensive_search": True,
}
_TIMESTAMP_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @itemprop='datePublished' or @property='og:published_time']/@content"
    " | //*[@itemprop='datePublished']/@datetime | //time[@datetime]/@datetime"
)
# Elements of trafilatura's body tree that hold one block of text each.
_BLOCK_TAGS = frozenset({"p", "head", "quote", "item", "cell"})


def read_html(html: str, source: str, url: str | None = None) -> RawDocument:
    """The main article of one HTML page, with the metadata trafilatura finds.

    Headings stay separate paragraphs so that cleaning keeps them as structure.
    Raises :class:`NoArticleFound` when the page has no article text.
    """
    tree = load_html(html)
    if tree is None:
        raise NoArticleFound(source, "not an HTML document")
    stamped = _markup_timestamp(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    blocks = _text_blocks(doc.body) if doc is not None and doc.body is not None else []
    if not blocks:
        raise NoArticleFound(source, "no article text found in the HTML page")
    title = _clean_meta(doc.title)
    if title and blocks[0].casefold() == title.casefold():
        blocks = blocks[1:]
    return RawDocument(
        source=source,
        body="\n\n".join(blocks),
        url=doc.url or url,
        title=title,
        byline=_clean_meta(doc.author),
        published=stamped or parse_timestamp(doc.date),
        outlet=_clean_meta(doc.sitename),
    )


def _markup_timestamp(tree: etree._Element) -> datetime | None:
    """The first full timestamp (with a time of day) in the page's standard markup."""
    for value in tree.xpath(_TIMESTAMP_XPATH):
        found = parse_timestamp(str(value).strip())
        if found is not None and "T" in str(value):
            return found
    return None


def _text_blocks(body: etree._Element) -> list[str]:
    blocks = []
    for element in body.iter(*_BLOCK_TAGS):
        text = " ".join("".join(element.itertext()).split())
        if text:
            blocks.append(text)
    return blocks


def _clean_meta(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None


def parse_timestamp(value: str | None) -> datetime | None:
    """An aware datetime from an ISO-like date or timestamp; a bare date is midnight UTC."""
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        logger.debug("unparsed date %r", value)
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
