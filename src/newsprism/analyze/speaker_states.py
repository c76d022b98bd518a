"""A state speaks through its leader, for :mod:`newsprism.analyze.speaker_resolution`:
``May said the country would …`` is the head of government or state the resolver knows
before the mention, and only one the text ties to the country named last before it
("Japan rejected …, the country said" is not "French President Emmanuel Macron"'s).

Cost: a backward pass over the tokens before the mention, and a window around each
mention of the leader.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.aliases import AliasTable
from newsprism.analyze.quote_marks import QuotedDoc
from newsprism.analyze.speakers import NameResolver

logger = logging.getLogger(__name__)

__all__ = ["state_leader"]

# Tokens either side of a leader's name where the country they lead is written
# ("Japan's Prime Minister Fumio Kishida": four before; "... Ilse Varga of Valdoria":
# after the name's words). Set by reading, not fitted.
_LEADER_REACH: Final = 5


def state_leader(ctx: QuotedDoc, names: NameResolver, offset: int, reach: int) -> str | None:
    """The leader of the country named last before ``offset`` (in its paragraph or the
    ``reach`` paragraphs before, outside quotes) whom the text ties to that country,
    or None."""
    country = _country_before(ctx, offset, reach)
    if country is None:
        return None
    for query in (f"the leader of {country}", "the leader"):
        leader = names.canonical(query, offset)
        if leader is not None and _leads(ctx, names, leader, country, offset):
            return leader
    return None


def _country_before(ctx: QuotedDoc, offset: int, reach: int) -> str | None:
    """The place or its people (a GPE or NORP entity: "Japan", "Valdorian") named last
    before ``offset`` outside quotes, within ``reach`` paragraphs."""
    at = ctx.token_at(offset)
    if at is None:
        return None
    for token in reversed(ctx.doc[: at.i]):
        if ctx.para_of[at.i] - ctx.para_of[token.i] > reach:
            return None
        if token.ent_type_ in ("GPE", "NORP") and not ctx.quoted[token.i]:
            return _entity_text(token)
    return None


def _entity_text(token: Token) -> str:
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _leads(ctx: QuotedDoc, names: NameResolver, leader: str, country: str, offset: int) -> bool:
    """Whether a mention of ``leader`` before ``offset`` has the country, or its people,
    written beside it ("French President Emmanuel Macron", "Japan's prime minister,
    ...", "Prime Minister Ilse Varga of Valdoria")."""
    table = AliasTable.default()
    for name, start in names.people_before(offset):
        token = ctx.token_at(start) if name == leader else None
        if token is None:
            continue
        sentence = token.sent
        window = ctx.doc[
            max(sentence.start, token.i - _LEADER_REACH) : min(
                sentence.end, token.i + _LEADER_REACH + 2
            )
        ]
        if any(
            t.ent_type_ in ("GPE", "NORP") and table.same_country(_entity_text(t), country)
            for t in window
        ):
            return True
    return False
