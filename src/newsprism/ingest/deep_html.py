"""Markup nested past what libxml2 reads, flattened so that its text can be read.

libxml2 reads 2,048 nested elements with its huge option and drops what lies deeper
without a word: a page whose article sat in 2,100 unclosed ``<div>``s gave "no article
text found", and one with a lead paragraph above them kept only the lead (stop 38's
open item). Such markup is rewritten before it is parsed: tags past :data:`MAX_DEPTH`
open elements are dropped and their text kept, a dropped block element leaving a
paragraph start so that its paragraphs are not glued together. Only markup the huge parser
already cut is rewritten; every other page is parsed as written.
"""

from __future__ import annotations

import logging
import re

from newsprism.ingest.fragment_blocks import BLOCKS

logger = logging.getLogger(__name__)

# Well under libxml2's 2,048 levels, and deeper than any page structure that matters to
# the article: trafilatura took 0.6 s on a page 1,000 levels deep (newsprism.ingest.html).
MAX_DEPTH = 1_000
# A tag; or a comment, script or style whole, passed over as written: 'if (a<b)' in a
# script read as a tag <b...> ran to the script's end tag, which was then dropped.
_TAG = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style)(?=[\s>/]).*?(?:</\1\s*>|$)|<(/?)([A-Za-z][^\s/>]*)[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
# Elements with no end tag: they open no level.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr", "param", "keygen"}
)
# Where a dropped block element stood: a private-use character, made a paragraph start
# once the markup is rewritten (a <br> would glue the paragraphs: lxml's text of an
# element reads no line break in it).
_BREAK = "\ue000"
_BREAKS = re.compile(_BREAK + r"(?:\s*" + _BREAK + ")*")
# The feed reader's block elements, with a table's rows and cells (each dropped one leaves
# a paragraph start) and without <hr> (a void element here, see _VOID).
_BLOCKS = (BLOCKS - {"hr"}) | {"tr", "td", "th"}


def flatten_deep(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """``markup`` with the tags past ``max_depth`` open elements dropped (a block's
    replaced by a paragraph start), the text everywhere kept."""
    open_tags: list[tuple[str, bool]] = []  # (name, whether its tags were kept)
    open_names: dict[str, int] = {}  # how many of each name are open: a stray end tag
    dropped = 0  # is answered without a scan of 2,000 open elements

    def rewrite(found: re.Match[str]) -> str:
        nonlocal dropped
        if found[3] is None:  # a comment, script or style
            return found[0]
        closing, name = found[2], found[3].lower()
        if name in _VOID or found[0].endswith("/>"):
            return found[0] if len(open_tags) < max_depth or name == "br" else ""
        if not closing:
            kept = len(open_tags) < max_depth
            open_tags.append((name, kept))
            open_names[name] = open_names.get(name, 0) + 1
            dropped += not kept
            return found[0] if kept else _placeholder(name)
        if not open_names.get(name):  # an end tag with no start: the parser's to judge
            return found[0]  # an end tag with no start: the parser's to judge, as before
        index = len(open_tags) - 1
        while open_tags[index][0] != name:
            index -= 1
        kept = open_tags[index][1]
        for closed, _ in open_tags[index:]:
            open_names[closed] -= 1
        del open_tags[index:]
        return found[0] if kept else _placeholder(name)

    # A run of dropped blocks with no text between them is one paragraph break: 50,000
    # nested <div>s left 100,000 empty paragraphs, and trafilatura 10 s of work.
    flat = _BREAKS.sub("<p>", _TAG.sub(rewrite, markup))
    logger.info("markup nested past %d elements: %d deeper tags dropped", max_depth, dropped)
    return flat


def _placeholder(name: str) -> str:
    return _BREAK if name in _BLOCKS else ""
