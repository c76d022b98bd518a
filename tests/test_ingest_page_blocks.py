"""The list of page blocks trafilatura dropped ("page_boilerplate" in ``removed``).

:func:`~newsprism.ingest.html._page_blocks` finds the leaf-most visible text blocks of a
page in one walk of the tree; the reference here is the plain walk it replaced (every block
element in document order, skipped inside script/style/noscript/template/head, kept when
no block element is inside it). Both must give the same blocks on pages with nested
wrappers, inline links and invisible parts.
"""

from __future__ import annotations

import random

import pytest
from lxml import etree
from trafilatura.utils import load_html

from newsprism.ingest.html import (
    _BLOCK_TAGS,
    _INVISIBLE,
    _PAGE_BLOCK_TAGS,
    _TIMESTAMP_XPATH,
    _page_blocks,
    _text_blocks,
    read_html,
)
from tests.builders import html_page


def _walk(tree: etree._Element) -> list[str]:
    """The reference: the straightforward walk over every block element."""
    blocks = []
    for element in tree.iter(*_PAGE_BLOCK_TAGS):
        if any(a.tag in _INVISIBLE for a in element.iterancestors()):
            continue
        text = " ".join("".join(element.itertext()).split())
        if text and not any(child.tag in _PAGE_BLOCK_TAGS for child in element):
            blocks.append(text)
    return blocks


def _random_page(rng: random.Random) -> str:
    tags = [*sorted(_PAGE_BLOCK_TAGS), "b", "em", "section", "article", "script", "noscript"]
    # Text as pages write it: entities, line breaks and tabs, comments, a <br>, a PI.
    words = ["word{}", " &amp; ", "\n\t  word{}", "&nbsp;", "<br>", "<!-- c{} -->", "x<?pi y?>"]

    def element(depth: int) -> str:
        tag = rng.choice(tags)
        inner = "".join(
            element(depth + 1)
            if depth < 4 and rng.random() < 0.5
            else rng.choice(words).format(rng.randint(0, 9)) + " "
            for _ in range(rng.randint(0, 3))
        )
        tail = "<!-- note -->" if rng.random() < 0.1 else ""
        return f"<{tag}>{inner}{tail}</{tag}> tail{rng.randint(0, 9)} "

    body = "".join(element(0) for _ in range(6))
    return f"<html><head><title>T</title><style>p {{}}</style></head><body>{body}</body></html>"


def test_same_blocks_as_the_walk_on_a_news_page() -> None:
    tree = load_html(html_page())
    assert _page_blocks(tree) == _walk(tree)
    assert "Home" in _page_blocks(tree)  # a nav link, a dropped block


@pytest.mark.parametrize("seed", range(40))
def test_same_blocks_as_the_walk_on_generated_pages(seed: int) -> None:
    tree = load_html(_random_page(random.Random(seed)))
    if tree is not None:
        assert _page_blocks(tree) == _walk(tree)


def test_dropped_blocks_are_listed_as_page_boilerplate() -> None:
    document = read_html(html_page(), "page.html")
    dropped = [r.line for r in document.removed if r.reason == "page_boilerplate"]
    assert "Home" in dropped
    assert not any(line in document.body for line in dropped)


# The timestamp query as first written: every element's itemprop tested.
_STAMP_QUERY = etree.XPath(
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @itemprop='datePublished' or @property='og:published_time']/@content"
    " | //*[@itemprop='datePublished']/@datetime | //time[@datetime]/@datetime"
)


def _stamped_page(rng: random.Random) -> str:
    """Elements with the attributes the timestamp query reads, in any combination."""
    attributes = [
        "itemprop='datePublished'",
        "itemprop='dateModified'",
        "property='article:published_time'",
        "name='article:published_time'",
        "property='og:published_time'",
        "datetime='2026-03-0{}T09:15:00Z'",
        "content='2026-04-0{}'",
    ]

    def element(depth: int) -> str:
        tag = rng.choice(["meta", "time", "span", "div", "p"])
        chosen = rng.sample(attributes, rng.randint(0, 3))
        attrs = " ".join(a.format(rng.randint(1, 9)) for a in chosen)
        inner = "".join(element(depth + 1) for _ in range(rng.randint(0, 2) if depth < 3 else 0))
        return f"<{tag} {attrs}>{inner}x</{tag}>"

    head = "".join(element(2) for _ in range(3))
    return f"<html><head>{head}</head><body>{''.join(element(0) for _ in range(4))}</body></html>"


@pytest.mark.parametrize("seed", range(30))
def test_timestamp_query_finds_what_the_first_query_found(seed: int) -> None:
    tree = load_html(_stamped_page(random.Random(seed)))
    assert tree is not None
    assert _TIMESTAMP_XPATH(tree) == [str(v) for v in _STAMP_QUERY(tree)]


def _extracted_body(rng: random.Random) -> etree._Element:
    """A body as trafilatura builds it: blocks, nested quotes, inline children with tails."""
    body = etree.Element("body")

    def fill(parent: etree._Element, depth: int) -> None:
        parent.text = rng.choice([None, "", "Some  text\n", " lead "])
        for _ in range(rng.randint(0, 3)):
            tag = rng.choice(["p", "head", "quote", "item", "cell", "hi", "lb", "ref"])
            child = etree.SubElement(parent, tag)
            if depth < 3:
                fill(child, depth + 1)
            child.tail = rng.choice([None, " tail ", "\t"])

    fill(body, 0)
    return body


@pytest.mark.parametrize("seed", range(30))
def test_text_blocks_are_the_joined_text_of_each_block(seed: int) -> None:
    body = _extracted_body(random.Random(seed))
    blocks = [" ".join("".join(e.itertext()).split()) for e in body.iter(*_BLOCK_TAGS)]
    assert _text_blocks(body) == [b for b in blocks if b]
