"""Table rows in plain text: lines of cells parted by '|' ("Killed | 12").

A feed entry's table reaches cleaning as a line per row, its cells joined by " | "
(newsprism.ingest.fragment_blocks), and plain-text articles carry tables typed the same
way. Cleaning read such a block as a hard-wrapped paragraph: the rows were joined into
one short line without a sentence end ("Killed | 12 Hurt | 40"), which then passed for a
subhead and left the text, the figures with it (stop 39, analysis helper's report).

A row carries content when one of its cells holds a figure or words that are no
navigation label ("Killed | 12", "Ramp | closed until May"); a navigation bar is a run of
short capitalised link words with no figure ("Home | News | Sport"). A row of labels
only is a table's header row when the line next to it in its block has as many cells
and carries a figure ("Town | Dead | Hurt" above "Larn | 3 | 4").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from newsprism.analyze.text_lines import CELL_BAR

logger = logging.getLogger(__name__)

CELL = re.compile(rf"\s*{re.escape(CELL_BAR)}\s*")
_FIGURE = re.compile(r"\d")
# A navigation label is one to three capitalised words ("Home", "Local News", "Things To
# Do"); the menu rule's items are at most three words (rules.NAV_ITEM_MAX_WORDS).
_LABEL_MAX_WORDS = 3


def cells(text: str) -> list[str]:
    """The non-empty cells of a line ("| Killed | 12 |" has two); one cell if no '|'."""
    if CELL_BAR not in text:
        return [text]
    return [cell for cell in CELL.split(text.strip()) if cell]


def _is_label(cell: str) -> bool:
    words = cell.split()
    return (
        len(words) <= _LABEL_MAX_WORDS
        and not _FIGURE.search(cell)
        and all(word[:1].isupper() for word in words)
    )


def carries_content(text: str) -> bool:
    """A row of two or more cells, one of them a figure or words that are no label."""
    row = cells(text)
    return len(row) >= 2 and not all(_is_label(cell) for cell in row)


def beside_figures(block: Sequence[str], k: int) -> bool:
    """Line ``k`` of a block has a neighbour in the block with as many cells (two or more),
    and one of the two holds a figure: a table, whatever its header row says."""
    count = len(cells(block[k]))
    if count < 2:
        return False
    return any(
        0 <= j < len(block)
        and len(cells(block[j])) == count
        and bool(_FIGURE.search(block[k]) or _FIGURE.search(block[j]))
        for j in (k - 1, k + 1)
    )


def is_table_row(block: Sequence[str], k: int) -> bool:
    """Line ``k`` of a block (lines with no blank line between them) is a table's row."""
    return CELL_BAR in block[k] and (carries_content(block[k]) or beside_figures(block, k))
