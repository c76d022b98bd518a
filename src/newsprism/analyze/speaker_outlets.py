"""A body a description takes up is not the outlet that reported the news (stop 42 quote
audit, seed 42117).

"Orvik Holdings will buy the ferry line, the Gazette reported. The firm said the price
was fair": ``the firm`` took up the organisation named last, the Gazette, so the
company's words went to the paper that told of them. An outlet named as the subject of
a verb of reporting news ("the Gazette reported", "the network reports that ...") is
the one passing the news on; a description of a firm, a group, an airline or a union is
someone in the news, not that outlet. Only a description of an outlet ("the newspaper
said", "the network said") may take it up.

The verb must carry reported news: a clause of its own ("reported that the pier would
close") or the clause it reports for ("the pier will close, the Gazette reported"), and
no object. A company that "reported a loss" or "published its results" reports its own
figures: it is a body in the news, which "the company said" takes up.

Cost: a look at one token's head per organisation mention before the description.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

logger = logging.getLogger(__name__)

__all__ = ["OUTLET_NOUNS", "reporting_outlet"]

# Head nouns of a description of a news outlet: the only ones that take up an outlet.
OUTLET_NOUNS: Final = frozenset(
    {
        "newspaper", "paper", "daily", "tabloid", "magazine", "outlet", "network",
        "broadcaster", "channel", "station", "agency", "publication", "website", "site",
        "newsroom", "wire",
    }
)  # fmt: skip
# Verbs whose subject passes news on ("the Gazette reported", "the network broadcast").
_REPORTING: Final = frozenset({"report", "publish", "broadcast"})


def reporting_outlet(token: Token) -> bool:
    """Whether the name token ``token`` (any word of the name) is the subject of a verb
    of reporting: the outlet that told of the news."""
    head = token
    while head.dep_ in ("compound", "det", "amod", "flat") and head.head.i != head.i:
        head = head.head
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in _REPORTING:
        return False
    return _carries_news(verb)


# Where the clause a verb of reporting passes on hangs: its own clause ("reported that
# ..."), or the verb itself set off beside that clause ("..., the Gazette reported").
_NEWS_CLAUSES: Final = frozenset({"ccomp", "parataxis"})


def _carries_news(verb: Token) -> bool:
    """Whether a verb of reporting passes news on: a reported clause on either side
    of it and no object of its own ("reported a loss" tells the subject's own figures)."""
    children = list(verb.children)
    if any(c.dep_ in ("dobj", "obj") for c in children):
        return False
    return verb.dep_ in _NEWS_CLAUSES or any(c.dep_ in _NEWS_CLAUSES for c in children)
