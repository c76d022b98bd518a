"""Terminal output that article text cannot reorder: each bidi embedding, override or
isolate an article's text leaves open (a title holding U+202E RIGHT-TO-LEFT OVERRIDE) is
closed where that piece of text ends, on its own line.

A terminal that implements the bidi algorithm reads each line as one paragraph, so an
override left open in a title cell reversed the rest of the row (the outlet and date
columns beside it, or the outlet named after a quote). HTML and Markdown isolate such
text (:func:`newsprism.render.markdown.isolated`); a Rich table cell cannot be isolated
as a string, since Rich wraps it over several lines, so :class:`BidiSafe` works on what
Rich renders: every segment (a run of one cell's text on one line) gets the closers of
what it opened. The characters are zero-width for Rich, so no column moves. JSON output
is never passed through it: its strings stay as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.segment import Segment

__all__ = ["ISOLATES", "PDI", "BidiSafe", "closed"]

_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE, RLE, LRO, RLO
#: The isolate openers (LRI, RLI, FSI) and their closer (PDI).
ISOLATES = frozenset("\u2066\u2067\u2068")
_PDF, PDI = "\u202c", "\u2069"
_OPENERS = re.compile("[\u202a\u202b\u202d\u202e\u2066\u2067\u2068]")


def closed(text: str) -> str:
    """``text`` with what it leaves open closed at the end of each of its lines, innermost
    first (a PDF closes the last embedding or override, a PDI the last isolate and what
    was opened inside it, as the bidi algorithm reads them)."""
    if not _OPENERS.search(text):
        return text
    return "\n".join(_closed_line(line) for line in text.split("\n"))


def _closed_line(line: str) -> str:
    stack: list[str] = []
    for char in line:
        if char in _EMBEDDINGS or char in ISOLATES:
            stack.append(char)
        elif char == _PDF and stack and stack[-1] in _EMBEDDINGS:
            stack.pop()
        elif char == PDI and any(c in ISOLATES for c in stack):
            while stack.pop() not in ISOLATES:
                pass
    closers = "".join(PDI if c in ISOLATES else _PDF for c in reversed(stack))
    return line + closers


class BidiSafe:
    """A renderable that renders ``renderable`` with every segment's open bidi controls
    closed (:func:`closed`); print a view of article text through it."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        for segment in console.render(self.renderable, options):
            if segment.control or not _OPENERS.search(segment.text):
                yield segment
            else:
                yield Segment(closed(segment.text), segment.style, segment.control)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)
