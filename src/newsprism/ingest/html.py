"""HTML pages to raw documents, via trafilatura (text and metadata) and htmldate (dates).

trafilatura finds the main text and the title, author, site name and canonical URL. The
publication time comes from the page's standard timestamp markup where it has one
(``article:published_time``, ``itemprop=datePublished``, ``<time datetime>``), because
htmldate keeps only the day for some offsets; otherwise from htmldate's search (through
trafilatura), extensive: URL and visible text included.

A page over :data:`TRAFILATURA_MAX_CHARS` (a transcript, a page that swallowed its
comment thread) is read without trafilatura, which needs about 30 times a page's size in
memory and 4 s a megabyte (bench/memory.py): its text blocks are taken from ``<article>``
or ``<main>`` (else ``<body>``) with navigation, headers, footers and forms left out, in
memory linear in the page, and cleaning does the rest.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document
from trafilatura.utils import load_html

from newsprism.errors import NoArticleFound
from newsprism.ingest.deep_html import flatten_deep
from newsprism.ingest.unicode import one_line
from newsprism.ingest.unloaded import unloaded_reason
from newsprism.model import RawDocument, Removed

logger = logging.getLogger(__name__)

_DATE_PARAMS: dict[str, Any] = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "extensive_search": True,
}
# Plain strings: a "smart" one holds its element, which lxml.html makes with a Python call.
# "//*[@itemprop=...]" tested an attribute of every element of the page; the itemprop
# attributes found first, then their elements' datetime, are the same nodes, at half the
# time of the whole query (tests/test_ingest_page_blocks.py compares the two).
_TIMESTAMP_XPATH = etree.XPath(
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @itemprop='datePublished' or @property='og:published_time']/@content"
    " | //@itemprop[.='datePublished']/../@datetime | //time/@datetime",
    smart_strings=False,
)
# Leaf-most block elements of a page, to list what extraction left out.
_PAGE_BLOCK_TAGS = frozenset(
    {
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "figcaption",
        "blockquote",
        "td",
        "dt",
        "dd",
        "div",
        "span",
        "a",
        "button",
        "label",
    }
)
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head"})


# A page rarely has more boilerplate blocks than this; beyond it the list stops helping.
_MAX_DROPPED = 200
# Elements of trafilatura's body tree that hold one block of text each.
_BLOCK_TAGS = frozenset({"p", "head", "quote", "item", "cell"})
# News pages are well under 2 MB of HTML; 3 M characters leaves room for long ones while
# keeping trafilatura's memory (~30x the page) under ~200 MB.
TRAFILATURA_MAX_CHARS = 3_000_000
# Substring checks of page blocks against the kept text (each costs a scan of the text):
# boilerplate is found long before this many, and the list stops at _MAX_DROPPED anyway.
_MAX_SUBSTRING_CHECKS = 2_000
# HTML block elements of a huge page read without trafilatura, and page chrome left out.
_HTML_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
_CHROME = ("nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template")


def read_html(html: str, source: str, url: str | None = None) -> RawDocument:
    """The main article of one HTML page, with the metadata trafilatura finds.

    Headings stay separate paragraphs so that cleaning keeps them as structure.
    Raises :class:`NoArticleFound` when the page has no article text, or only a line
    in place of one (:mod:`newsprism.ingest.unloaded`: its body did not load).
    """
    tree = _deep_parse(html, load_html(html))
    if tree is None:
        raise NoArticleFound(source, "not an HTML document")
    stamped = _markup_timestamp(tree)
    if len(html) > TRAFILATURA_MAX_CHARS:
        return _read_huge_page(tree, source, url, stamped)
    page_blocks = _page_blocks(tree)  # trafilatura works on a copy of the tree it is given
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(doc, Document) or doc.body is None:
        raise NoArticleFound(source, "no article text found in the HTML page")
    blocks = _text_blocks(doc.body)
    if not blocks:
        raise NoArticleFound(source, "no article text found in the HTML page")
    title = _clean_meta(doc.title)
    if title and blocks[0].casefold() == title.casefold():
        blocks = blocks[1:]
    unloaded = unloaded_reason(blocks)
    if unloaded is not None:
        raise NoArticleFound(source, unloaded)
    return RawDocument(
        source=source,
        body="\n\n".join(blocks),
        url=doc.url or url,
        title=title,
        byline=_clean_meta(doc.author),
        published=stamped or parse_timestamp(doc.date),
        outlet=_clean_meta(doc.sitename),
        removed=_dropped_blocks(page_blocks, blocks, title),
    )


# libxml2's HTML parser stops at 256 nested elements and drops what lies deeper without
# an error to the caller: a page whose article sits in 300 nested <div>s (generated
# markup) gave "no article text found". Such a tree is parsed again with the parser's
# huge option, which reads 2,048 levels (trafilatura then takes 0.6 s at 1,000 levels).
# The test walks down level by level (0.7 ms on a 460 KB page of 20,000 elements; asking
# each element for its ancestors took 13 ms).
DEPTH_LIMIT_REACHED = etree.XPath("boolean(" + "/*" * 250 + ")")
# A tree the huge option may have cut: it reads 2,048 levels (see newsprism.ingest.deep_html).
DEEPER_THAN_HUGE = etree.XPath("boolean(" + "/*" * 2_000 + ")")
_HUGE_PARSER = lxml.html.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)


def _deep_parse(html: str, tree: lxml.html.HtmlElement | None) -> lxml.html.HtmlElement | None:
    """``tree``, or the page parsed again to its full depth when ``tree`` is cut off."""
    if tree is None or not DEPTH_LIMIT_REACHED(tree):
        return tree
    try:
        deep = lxml.html.document_fromstring(html.encode("utf-8"), parser=_HUGE_PARSER)
    except (etree.ParserError, ValueError):
        return tree
    if len(deep) and DEEPER_THAN_HUGE(deep):
        # Cut again at 2,048 levels: the deepest tags are dropped and their text read.
        flat = flatten_deep(html)
        try:
            deep = lxml.html.document_fromstring(flat.encode("utf-8"), parser=_HUGE_PARSER)
        except (etree.ParserError, ValueError):
            return tree
    return deep if len(deep) else tree


def _markup_timestamp(tree: etree._Element) -> datetime | None:
    """The first full timestamp (with a time of day) in the page's standard markup."""
    for value in _TIMESTAMP_XPATH(tree):
        found = parse_timestamp(str(value).strip())
        if found is not None and "T" in str(value):
            return found
    return None


def _page_blocks(tree: etree._Element) -> list[str]:
    """Every visible text block of the page, in order (scripts and styles excluded).

    A block is a block element with no block element among its children. lxml finds the
    block elements in C; a block with a block child is found as that child's parent, and
    the hidden ones under the few invisible elements: checking each element's children
    and ancestors in Python, and joining the text of wrappers only to drop them, cost a
    quarter of trafilatura's own time (bench/ingest.py profile). One walk finds both the
    blocks and the invisible elements, and a block's text is serialized in C: an element
    of a page parsed by lxml.html costs a Python call to make (its class lookup), and
    ``itertext`` made one for every element inside a block (0.45 ms an article).
    """
    blocks: list[etree._Element] = []
    wrappers = set()
    hidden = set()
    for element in tree.iter(*_PAGE_BLOCK_TAGS, *_INVISIBLE):
        # lxml hands out one proxy object per element while any is alive (the lists keep
        # them), so the sets can hold and compare elements by identity.
        if element.tag in _INVISIBLE:
            if len(element):  # scripts and styles have no children; the head has a few
                hidden.update(element.iter(*_PAGE_BLOCK_TAGS))
        else:
            blocks.append(element)
            wrappers.add(element.getparent())
    texts = []
    for element in blocks:
        if element in wrappers or element in hidden:
            continue
        if text := " ".join(_text_of(element).split()):
            texts.append(text)
    return texts


def _text_of(element: etree._Element) -> str:
    """All the text inside ``element`` (its tail left out): ``"".join(element.itertext())``.

    An element with no children (no elements, comments or instructions: lxml counts them
    all) holds only text, its ``.text``; serializing is for the others.
    """
    if not len(element):
        return element.text or ""
    return str(etree.tostring(element, method="text", encoding=str, with_tail=False))


def _dropped_blocks(page: list[str], kept: list[str], title: str | None) -> tuple[Removed, ...]:
    """The page's blocks that are not in the article, for a reviewer to see."""
    kept_set = set(kept)
    body = "\n".join(kept)
    dropped: list[str] = []
    checks = 0
    for block in dict.fromkeys(page):
        if block in kept_set or block == title:
            continue
        checks += 1
        if checks > _MAX_SUBSTRING_CHECKS or len(dropped) >= _MAX_DROPPED:
            break
        if block not in body:
            dropped.append(block)
    return tuple(Removed(b, "page_boilerplate") for b in dropped)


def _read_huge_page(
    tree: etree._Element, source: str, url: str | None, stamped: datetime | None
) -> RawDocument:
    """A page too big for trafilatura: its block texts, from the main element."""
    logger.info(
        "%s: a page over %d characters, read without trafilatura", source, TRAFILATURA_MAX_CHARS
    )
    for element in list(tree.iter(*_CHROME)):
        element.drop_tree()
    found = tree.xpath("//article") or tree.xpath("//main")  # <article> is the narrower
    root = found[0] if found else tree
    title = _first(tree, "//meta[@property='og:title']/@content", "//title//text()", "//h1//text()")
    blocks = [
        text
        for element in root.iter(*_HTML_BLOCKS)
        if not any(a.tag in _HTML_BLOCKS for a in element.iterancestors())
        and (text := " ".join(element.text_content().split()))
    ]
    if title and blocks and blocks[0].casefold() == title.casefold():
        blocks = blocks[1:]
    if not blocks:
        raise NoArticleFound(source, "no article text found in the HTML page")
    return RawDocument(
        source=source,
        body="\n\n".join(blocks),
        url=_first(tree, "//link[@rel='canonical']/@href") or url,
        title=title,
        byline=_first(tree, "//meta[@name='author']/@content"),
        published=stamped,
        outlet=_first(tree, "//meta[@property='og:site_name']/@content"),
    )


def _first(tree: etree._Element, *xpaths: str) -> str | None:
    """The first non-blank value any of ``xpaths`` finds, spaces folded."""
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            if folded := _clean_meta(str(value)):
                return folded
    return None


def _text_blocks(body: etree._Element) -> list[str]:
    blocks = []
    for element in body.iter(*_BLOCK_TAGS):
        text = " ".join(_text_of(element).split())
        if text:
            blocks.append(text)
    return blocks


def _clean_meta(value: str | None) -> str | None:
    if not value:
        return None
    return one_line(value) or None


def parse_timestamp(value: str | None) -> datetime | None:
    """An aware datetime from an ISO-like date or timestamp; a bare date is midnight UTC."""
    if not value:
        return None
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        logger.debug("unparsed date %r", value)
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
