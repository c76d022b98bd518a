"""How lines of text read, shared by ingest (ingest.line_breaks joining lines inside a
sentence) and the analyzer's sentence breaks at hard line breaks (analyze.nlp.hard_breaks),
so text given straight to the analyzer reads as ingested text does: the words a line of
prose cannot end its sentence on, and the bar that parts a table row's cells. Light on
purpose: ingest imports it without spaCy.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# The mark between a table row's cells: ingest writes a row's cells joined by it with a
# space each side (ingest.fragment_blocks.CELL_SEPARATOR, " | ", what trafilatura's text
# output uses), and the analyzer finds it as a token of its own (analyze.nlp.hard_breaks).
CELL_BAR = "|"

# English words that end no sentence and no heading (an article, 'of', a conjunction;
# prepositions are left out: 'Where it came from', 'Log in' end headings).
NEVER_LAST = frozenset({"a", "an", "the", "of", "and", "or", "nor", "than"})
# Words that end no sentence when a figure follows on the next line: a form of 'be', or
# a word that asks for a figure ('was' / '52 to 48', 'rose to' / '12', 'by' / '3%',
# 'about' / '40 people'). A heading ends on none of them before a figure paragraph; the
# prepositions that do end headings ('in', 'up', 'from', 'over') are left out. Chosen by
# reading, not fitted: no gold text holds a single line break (their readers part
# paragraphs by blank lines); over PolNeAR's texts, which do, see the commit.
BEFORE_FIGURE = frozenset(
    {
        *("is", "are", "was", "were", "be", "been", "being"),
        *("to", "by", "about", "nearly", "almost", "around", "roughly", "some"),
        *("approximately", "exactly", "totalled", "totaled", "numbered"),
    }
)


def ends_no_sentence(last_word: str, next_is_figure: bool) -> bool:
    """A line whose last word is ``last_word`` goes on at the next line: the word ends no
    sentence (:data:`NEVER_LAST`), or asks for the figure the next line opens with."""
    # As written, not folded: 'Plan A' is a heading, 'The' a name's part ('The Hague').
    return last_word in NEVER_LAST or (next_is_figure and last_word in BEFORE_FIGURE)
