"""Long lists in the briefs people read (terminal, Markdown, HTML): cut, with a count.

A story of many syndicated copies gives one statement 1,500 wordings, most identical,
and one fact as many values; printed in full they buried the brief. The readable views
show identical wordings once with their outlets, at most :data:`MAX_LISTED` entries of
a list and :data:`MAX_NAMES` outlet names, and say how many more there are ("and 1,490
more"); the JSON report keeps every item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsprism.model import Passage, Variant

T = TypeVar("T")

# Entries of one list shown (a statement's wordings, a fact's values, a discrepancy's
# claims, a date's mentions): the terminal's 12 rows a section, about a screen.
MAX_LISTED = 12
# Outlet names shown beside one item: a line of names, not a paragraph of them.
MAX_NAMES = 8
# Rows of one Markdown or HTML section (statements, numbers, exclusives, timeline): a
# long read, but a bounded one.
MAX_SECTION_ROWS = 200


def passage_outlet(passage: Passage) -> str:
    """Who a passage is from: its outlet, else its article's id, shortened."""
    return passage.outlet or passage.article[:10]


def capped(items: Sequence[T], limit: int = MAX_LISTED) -> tuple[Sequence[T], int]:
    """The first ``limit`` items and how many are left out."""
    return items[:limit], max(0, len(items) - limit)


def more(count: int, what: str = "") -> str:
    """ "… and 1,490 more wordings (see the JSON report)" for the left-out ones."""
    noun = f" {what}" if what else ""
    return f"… and {count:,} more{noun} (see the JSON report)"


def names(values: Iterable[str], limit: int = MAX_NAMES) -> str:
    """Distinct names joined, at most ``limit`` of them, then "and N more"."""
    distinct = list(dict.fromkeys(values))
    shown, left = capped(distinct, limit)
    joined = ", ".join(shown)
    return f"{joined} and {left:,} more" if left else joined


@dataclass(frozen=True, slots=True)
class Wording:
    """One wording of a statement and the passages (outlets) that give it."""

    text: str
    direct: bool
    passages: tuple[Passage, ...]

    @property
    def outlets(self) -> list[str]:
        """The outlets giving this wording, once each, in order."""
        return list(dict.fromkeys(passage_outlet(p) for p in self.passages))


def wordings(variants: Sequence[Variant]) -> list[Wording]:
    """The statement's variants with identical wordings (same words and kind) as one,
    in first-seen order."""
    grouped: dict[tuple[str, bool], list[Passage]] = {}
    for variant in variants:
        key = (" ".join(variant.passage.text.split()), variant.direct)
        grouped.setdefault(key, []).append(variant.passage)
    return [Wording(text, direct, tuple(ps)) for (text, direct), ps in grouped.items()]
