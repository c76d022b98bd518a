"""Line breaks inside a sentence: a line whose sentence goes on at the next line.

Cleaning keeps a break that was typed on purpose (a wrapper breaks only where the next
word does not fit, see ``clean._split_prose``) as a paragraph break. A break typed inside
a sentence is no paragraph break: an e-mail's manual wrap ("The council vote on the levy
was 52" / "to 48 on Monday, ...") or a feed entry's <br> inside a quote ('"We needed all
3<br>points today ...') split the sentence in two, and the short first half then passed
for a subhead and left the body, or the quote was read from its second half only
(review s39/3, section 6).

A line's sentence goes on at the next line when the line ends no sentence and the next
line reads on from it: it opens in lower case (past opening quotes or brackets), or with
punctuation that only continues a sentence (',' ';' ')'), or the line ends with a word
that ends no sentence and no heading (an article, 'of', a conjunction), or with a word
that asks for the figure the next line opens with ('The vote was' / '52 to 48 ...': a
form of 'be', 'to', 'by', 'about'; analyze.text_lines holds both word lists, which the
analyzer's own line-break rule reads too). A list item
(a bullet, '1.', 'a)') starts a line of its own whatever it opens with; a word in lower
case with a capital inside ('iPhone', 'eBay') is a name and may open a sentence, and an
e-mail address or a link is no word of prose (a press contact's name above its address
stays a line of its own).
A break before a figure after any other word is kept: a subhead ending in a lower-case
word and a paragraph that opens with a figure read the same way ('What happens next' /
'52 people were ...').
"""

from __future__ import annotations

import logging
import re

from newsprism.analyze.text_lines import ends_no_sentence
from newsprism.ingest.bylines import CLOSERS
from newsprism.ingest.rules import ends_sentence

logger = logging.getLogger(__name__)

# What may stand before a line's first word without ending the sentence before it.
_OPENERS = "\"'“‘«(["
# Punctuation that goes on with a sentence and never opens one.
_CONTINUES = frozenset(",;)]")
# A list item's marker: a bullet or dash, or a number or letter closed by '.' or ')'.
# Two digits at most: '(202) 314-6100' is a telephone number, not the 202nd item.
_LIST_ITEM = re.compile(r"(?:[-*•·–—]|\(?(?:\d{1,2}|[A-Za-z]|[ivxIVX]{2,4})[.)])\s")
# A word of prose: letters, apostrophes and hyphens, then its punctuation (an address
# 'ana.holt@vell.example' or a link opens no sentence's second half).
_PROSE_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*[\"'”’»)\].,;:!?…]*")


def continues_sentence(line: str, nxt: str) -> bool:
    """The sentence of ``line`` goes on at ``nxt`` (the next line of its block); see the
    module docstring."""
    if not nxt or not line or ends_sentence(line) or is_list_item(nxt):
        return False
    if opens_lower(nxt) or nxt[0] in _CONTINUES:
        return True
    return ends_no_sentence(_last_word(line), _opens_figure(nxt))


def is_list_item(text: str) -> bool:
    """``text`` opens with a list item's marker: a bullet or dash, '1.', 'a)', '(iv)'."""
    return _LIST_ITEM.match(text) is not None


def opens_lower(text: str) -> bool:
    """``text`` opens with a word in lower case (past opening quotes or brackets), not a
    name written in lower case with a capital inside ('iPhone') nor an address or link."""
    word = text.lstrip(_OPENERS).split(" ", 1)[0]
    return (
        word[:1].islower()
        and not any(c.isupper() for c in word[1:])
        and _PROSE_WORD.fullmatch(word) is not None
    )


def _opens_figure(text: str) -> bool:
    """``text`` opens with a figure ('52 to 48', '$3 million'), past opening marks."""
    return re.match(r"[$€£]?\d", text.lstrip(_OPENERS)) is not None


def _last_word(line: str) -> str:
    words = line.rstrip(CLOSERS).rsplit(" ", 1)
    return words[-1]
