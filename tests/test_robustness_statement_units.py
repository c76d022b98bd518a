"""Statement units on awkward text: a long clause holding many nested reports."""

from __future__ import annotations

from typing import Any

from newsprism.model import Quote
from newsprism.reconcile.statement_units import _boundary_start, _clause_end

CLAUSE = "the minister said that the council, while the mayor said that the board "


class _ReadCounter(str):
    """A text that counts the characters its indexing and slicing hand out: the cost of
    reading it, whatever the machine's speed."""

    read: int

    def __new__(cls, value: str) -> _ReadCounter:
        text = super().__new__(cls, value)
        text.read = 0
        return text

    def __getitem__(self, key: Any) -> str:
        piece = str.__getitem__(self, key)
        self.read += len(piece)
        return piece


def _inner(text: str, at: int) -> Quote:
    cue = text.index("said", at)
    return Quote(text=text[cue:], start=cue + 5, end=cue + 40, direct=False, group=2,
                 speaker_start=at, speaker_end=cue - 1, cue_start=cue, cue_end=cue + 4)  # fmt: skip


def test_long_clause_with_many_nested_reports_is_cut_reading_only_its_boundaries() -> None:
    # An unpunctuated page of reports (no full stop in 100,000 characters): each nested
    # report was a regular-expression search of the clause up to it, minutes on a story.
    text = "Officials said " + CLAUSE * 1400
    outer = Quote(text=text, start=15, end=len(text), direct=False, group=1)
    starts = [i + len(", while ") for i in range(len(text)) if text.startswith(", while ", i)]
    inner = [_inner(text, at) for at in starts]
    counted = _ReadCounter(text)
    end = _clause_end(outer, inner, counted)
    assert end == text.index(", while ")  # the first nested report cuts the clause
    # Each boundary is read back from its end: a few dozen characters per nested report,
    # not the clause up to it (the forward search read ~70 million here).
    assert counted.read < 50 * len(inner)


def test_boundary_read_back_from_the_end() -> None:
    text = "she will not discuss it, while his"
    assert _boundary_start(text, 0, text.index("his")) == text.index(",")
    assert _boundary_start("the offer — and ", 0, 16) == len("the offer")
    assert _boundary_start("the offer, band ", 0, 16) is None
    assert _boundary_start("the offer, and", 0, 14) is None  # a conjunction needs its space
    assert _boundary_start("the offer;", 0, 10) == len("the offer")
    assert _boundary_start("the offer", 0, 9) is None
    assert _boundary_start(", and ", 2, 6) is None  # the mark lies before the span
