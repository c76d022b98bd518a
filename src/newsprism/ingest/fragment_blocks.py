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
A cell holding a paragraph is a table laid out for the page, not data: its paragraphs
stay apart, as before. A line break in a cell is a line of the page (the row's cells each
a line or more) only in a row of one cell, or after a sentence's end (an entry's text
laid out in cells, its paragraphs parted by <br>s); else it wraps a label or a figure
('Larn<br>(coast)' beside '3'), read as a space in the cell, and the row stays one line
(review s39/2 M3: 'Larn', '(coast)' and '3' were three lines, the figure cut from its
label).
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

import lxml.etree
import lxml.html

from newsprism.analyze.text_lines import CELL_BAR

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
CELL_SEPARATOR = f" {CELL_BAR} "  # between a row's cells in the text (analyze.text_lines)
# Where a <br> stood in a cell's text, until its row tells whether it ends a line (NUL:
# no parsed text holds one, lxml and the tokenizer drop or replace it).
_CELL_BREAK = "\x00"
# A sentence's end before a line break in a cell: a word of two letters or a figure, then
# '.', '!' or '?', then closing quotes ('3 (est.)' and an initial 'J.' are no ends).
_SENTENCE_END = re.compile(r"(?:[^\W\d_]{2}|\d)[.!?][\"'\u201d\u2019]*$")


class Paragraphs:
    """Collects paragraphs from start tags, end tags and text, in document order."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._run: list[str] = []
        self._hidden = 0  # how many script/style/noscript/template elements enclose us
        self._row: list[list[str]] | None = None  # the current table row's cells' lines
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
        if self._cell is None and self._row is not None:
            if not any(ch.isalnum() for ch in text):
                # A stray mark between two cells ('</td> | <td>', a zero-width space an
                # editor left): no prose, so the row goes on; ending it here would cut a
                # figure from its label ('Killed' / '12'). It has nothing to say: dropped.
                return
            # Prose after a row's cells with no </tr> or </table> (a cut or careless
            # entry): the row ends here, so its line comes before the prose, in document
            # order. It was appended when the row ended, after the prose (stop 39 item).
            self._end_row()
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
        if tag == "br":  # a <br> ends a line, not a paragraph ('pilings.<br>The board')
            if self._cell is not None:  # its row tells what it is (the module docstring)
                self._cell.append(_CELL_BREAK)
            else:
                self._run.append("\n")
            return
        # A paragraph in a cell is a table laid out for the page, not a row of data (an
        # entry's whole text in one cell): the row so far is a line, its paragraphs stay
        # paragraphs.
        self._end_row()
        self.flush()

    def _end_cell(self) -> None:
        if self._cell is None:
            return
        lines = (" ".join(line.split()) for line in "".join(self._cell).split(_CELL_BREAK))
        text = [line for line in lines if line]
        if text and self._row is not None:
            self._row.append(text)
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row:
            self._run.append("\n" + _row_text(self._row) + "\n")
        self._row = None


def _row_text(cells: list[list[str]]) -> str:
    """A table row's text: its cells joined by :data:`CELL_SEPARATOR` on one line, a line
    break in a cell a space; or, in a row laid out for the page (one cell, or a line
    break after a sentence's end), each line of each cell a line."""
    laid_out = len(cells) == 1 or any(
        _SENTENCE_END.search(line) for lines in cells for line in lines[:-1]
    )
    if laid_out:
        return "\n".join(line for lines in cells for line in lines)
    return CELL_SEPARATOR.join(" ".join(lines) for lines in cells)


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
