"""A body a description takes up is not the outlet that reported the news (stop 42 quote
audit, seed 42117).

"Orvik Holdings will buy the ferry line, the Gazette reported. The firm said it was
sending a ship": ``the firm`` took up the organisation named last, the Gazette, so the
company's words went to the paper that told of them. An outlet named as the subject of
a verb of reporting ("the Gazette reported", "the network reports") is the one passing
the news on; a description of a firm, a group, an airline or a union is someone in the
news, not that outlet. Only a description of an outlet ("the newspaper said", "the
network said") may take it up.

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
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in _REPORTING
