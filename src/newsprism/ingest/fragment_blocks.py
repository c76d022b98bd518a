"""An HTML fragment's paragraphs (a feed entry's content), in document order.

Two walkers feed one :class:`Paragraphs` collector, so both read markup the same way:

* :func:`tree_paragraphs` walks a tree lxml parsed (the usual path);
* :func:`stream_paragraphs` reads the markup with the standard library's tokenizer,
  which keeps no tree and so has no depth limit. libxml2 stops at 2,048 nested elements
  even with its huge option and drops what lies deeper without a word: an entry whose
  text sat in 2,100 unclosed ``<div>``s was "feed entry has no text", and one with a
  lead paragraph kept only the lead (stop 38's open item).

Paragraphs come in document order: each block element's text, and each run of text
between blocks as a paragraph of its own (review s38/2 S2: a lead sentence before the
first <p> was dropped). A <br> ends a line, not a sentence run.

A table reads as one paragraph with a line per row, its cells joined by " | " (the
separator trafilatura's own text output uses): read as blocks, each cell was a
paragraph of its own, a row's label and its figure ('Killed', '12') two paragraphs apart.
A cell holding a paragraph or a line break is a table laid out for the page, not data:
its paragraphs and lines stay apart, as before.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser

import lxml.etree
import lxml.html

logger = logging.getLogger(__name__)

# Elements that start a paragraph of their own. div, section and the like were read as
# inline, so '<div>... 12 more weeks.</div><div>Costs rose</div>' glued 'weeks.Costs'
# (review s38 lastfeed). Table parts are handled apart (see the module docstring).
BLOCKS = frozenset(
    {
        *("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"),
        *("div", "section", "article", "aside", "header", "footer", "main", "nav"),
        *("figure", "figcaption", "table", "caption"),
        *("ul", "ol", "dl", "dd", "dt", "hr"),
    }
)
# Elements whose own text (and their children's) is never prose: a feed entry's
# '<script>var views = 3400;</script>' was read as a paragraph. Their tail is prose.
NOT_PROSE = frozenset(("script", "style", "noscript", "template"))
_CELLS = frozenset(("td", "th"))
CELL_SEPARATOR = " | "


class Paragraphs:
    """Collects paragraphs from start tags, end tags and text, in document order."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._run: list[str] = []
        self._hidden = 0  # how many script/style/noscript/template elements enclose us
        self._row: list[str] | None = None  # the current table row's cells
        self._cell: list[str] | None = None  # the current cell's text

    def start(self, tag: str) -> None:
        if tag in NOT_PROSE:
            self._hidden += 1
        elif tag in _CELLS:
            self._end_cell()
            self._cell = []
            if self._row is None:
                self._row = []
        elif tag == "tr":
            self._end_row()
            self._row = []
        elif tag == "table":
            self._end_row()
            self.flush()
        elif tag in BLOCKS or tag == "br":
            self._break(tag)

    def end(self, tag: str) -> None:
        if tag in NOT_PROSE:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _CELLS:
            self._end_cell()
        elif tag == "tr":
            self._end_row()
        elif tag == "table":
            self._end_row()
            self.flush()
        elif tag in BLOCKS:
            self._break(tag)

    def text(self, text: str | None) -> None:
        if not text or self._hidden:
            return
        (self._cell if self._cell is not None else self._run).append(text)

    def flush(self) -> None:
        """End the paragraph being read (blank lines and spaces folded)."""
        lines = (" ".join(line.split()) for line in "".join(self._run).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(text)
        self._run.clear()

    def finish(self) -> list[str]:
        self._end_row()
        self.flush()
        return self.blocks

    def _break(self, tag: str) -> None:
        if self._hidden:
            return
        # A paragraph or line break in a cell is a table laid out for the page, not a row
        # of data (an entry's whole text in one cell, its paragraphs parted by <br>s):
        # the row so far is a line, and the cell's paragraphs and lines stay apart.
        self._end_row()
        if tag == "br":  # a <br> ends a line, not a paragraph ('pilings.<br>The board')
            self._run.append("\n")
        else:
            self.flush()

    def _end_cell(self) -> None:
        if self._cell is None:
            return
        text = " ".join("".join(self._cell).split())
        if text and self._row is not None:
            self._row.append(text)
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row:
            self._run.append("\n" + CELL_SEPARATOR.join(self._row) + "\n")
        self._row = None


def tree_paragraphs(root: lxml.html.HtmlElement) -> list[str]:
    """The paragraphs of a parsed fragment. iterwalk, not recursion: a lenient feed nests
    thousands of elements."""
    found = Paragraphs()
    for event, el in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = el.tag if isinstance(el.tag, str) else ""  # comments and PIs hold no prose
        if event == "start":
            found.start(tag)
            found.text(el.text)
            continue
        if event == "end":
            found.end(tag)
        if el is not root:  # a comment's text is no prose; its tail is
            found.text(el.tail)
    return found.finish()


class _Tokens(HTMLParser):
    def __init__(self, found: Paragraphs) -> None:
        super().__init__(convert_charrefs=True)
        self.found = found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.start(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.start(tag)
        if tag not in ("br", "hr"):
            self.found.end(tag)

    def handle_endtag(self, tag: str) -> None:
        self.found.end(tag)

    def handle_data(self, data: str) -> None:
        self.found.text(data)


def stream_paragraphs(markup: str) -> list[str]:
    """The paragraphs of ``markup`` read tag by tag, with no tree and no depth limit."""
    found = Paragraphs()
    tokens = _Tokens(found)
    tokens.feed(markup)
    tokens.close()
    return found.finish()
