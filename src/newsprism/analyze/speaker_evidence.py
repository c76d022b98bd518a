"""Evidence about who a speaker mention can be, for
:mod:`newsprism.analyze.speaker_resolution`:

* **A description the text ties to a name by apposition** ("Maria Keller, a nurse at
  the clinic, … The nurse disagreed": the nurse is Keller; :func:`apposed_name`).
* **Someone who speaks for another** ("the spokeswoman", "the union's spokeswoman"):
  never the person quoted before, only one the text describes so
  (:func:`speaks_for_another`).
* **Names no "he" or "she" stands for**: a speaker's name with a word of an
  organisation ("Acme Shipping", when the parser saw no entity; :func:`body_name`),
  and a name that only modifies a common noun ("its Dunmore yard";
  :func:`modifier_mention`).

Cost: a backward pass over the tokens before a description, at most once per mention.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.aliases import ORG_WORDS
from newsprism.analyze.quote_marks import QuotedDoc
from newsprism.analyze.speakers import NameResolver

logger = logging.getLogger(__name__)

__all__ = ["apposed_name", "body_name", "modifier_mention", "speaks_for_another"]

# People who speak for someone else ("a spokeswoman for the union", "his lawyer"): a
# description of one is never the person quoted before it, only the one the text
# describes so ("Jo Doe, a spokeswoman, … the spokeswoman said").
_PROXY_NOUNS: Final = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer"}
    | {"attorney", "publicist", "representative"}
)
# Last words of a company's name that are no surname ("Halvorsen Freight", "Vale
# Motors"): the parser labels some such names as people's. Not "Post", "Bank" or
# "Banks" (Emily Post): those only where the parser saw no person (ORG_WORDS).
_COMPANY_ENDINGS: Final = frozenset(
    {"freight", "logistics", "motors", "airlines", "airways", "holdings", "industries"}
    | {"technologies", "pharmaceuticals", "shipping", "inc", "corp", "ltd", "llc", "plc"}
    | {"gmbh", "group", "partners", "energy", "telecom", "insurance", "foods"}
)
# Words in a name, at most, between its first word and the one it hangs on.
_MAX_NAME_WORDS: Final = 4


def apposed_name(ctx: QuotedDoc, names: NameResolver, head: Token) -> str | None:
    """``Ana Holt, a nurse at the clinic, … The nurse disagreed``: the person whose
    apposition (outside quotes, before ``head``) has the description's head noun, the
    latest such; None when none does or the resolver knows no such name."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    for token in reversed(ctx.doc[: head.i]):
        if token.lemma_ != head.lemma_ or token.dep_ != "appos" or ctx.quoted[token.i]:
            continue
        owner = token.head
        if owner.pos_ != "PROPN" or ctx.quoted[owner.i]:
            continue
        start = owner.left_edge.idx if owner.left_edge.dep_ == "compound" else owner.idx
        name = names.canonical(ctx.text[start : owner.idx + len(owner)], start)
        if name is not None:
            return name
    return None


def speaks_for_another(head: Token) -> bool:
    """Whether a description's head is someone who speaks for another ("the
    spokeswoman") or is another's ("the union's spokeswoman", "the senator's aide")."""
    return head.lower_ in _PROXY_NOUNS or any(c.dep_ == "poss" for c in head.children)


def body_name(name: str, people: Collection[str]) -> bool:
    """Whether a speaker's name is an organisation's: one the resolver does not know as
    a person's with a word of an organisation ("Acme Shipping", "the Harbour Board":
    the parser saw no entity), or any ending in a company's word no surname is
    ("Halvorsen Freight", which the parser took for a person). No "he" or "she" stands
    for it."""
    words = name.lower().split()
    if words and words[-1].strip(".,") in _COMPANY_ENDINGS:
        return True
    return name not in people and any(w in ORG_WORDS for w in words)


def modifier_mention(ctx: QuotedDoc, offset: int) -> bool:
    """Whether a name mention only modifies a common noun ("its Dunmore yard"): what
    the sentence is about is the noun; no pronoun takes up such a name unless it is a
    subject elsewhere."""
    token = ctx.token_at(offset)
    for _ in range(_MAX_NAME_WORDS):
        if token is None or token.dep_ not in ("compound", "flat") or token.head.i <= token.i:
            return False
        if token.head.pos_ == "NOUN":
            return True  # the name's last word hangs on a common noun
        token = token.head
    return False
