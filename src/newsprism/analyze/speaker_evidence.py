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

Cost: a backward pass over the tokens of at most :data:`_APPOSITION_REACH` paragraphs
before a description, at most once per mention.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
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
# How many paragraphs before a description an apposition may give it its name: the
# paragraph before, as for other descriptions (speaker_resolution's
# _DESCRIPTION_REACH), and one more for a name given in the lead (set by reading, not
# fitted; checked on PolNeAR dev and BASIL that no speaker was lost).
_APPOSITION_REACH: Final = 2
# Dependents of a noun that are words in front of it ("a night nurse").
_NOUN_MODIFIERS: Final = frozenset({"amod", "compound", "nmod"})
# Words in a name, at most, between its first word and the one it hangs on.
_MAX_NAME_WORDS: Final = 4


def apposed_name(ctx: QuotedDoc, names: NameResolver, head: Token) -> str | None:
    """``Ana Holt, a nurse at the clinic, … The nurse disagreed``: the person whose
    apposition (outside quotes, at most :data:`_APPOSITION_REACH` paragraphs before
    ``head``) has the description's head noun, the latest such; None when none does,
    the resolver knows no such name, the description says more than the apposition
    did ("the other driver", "the lawyer for the city", "the witness who called
    police") or another such noun comes in between ("A second driver was hurt"): an
    unresolved description is the safe side."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    # Back over the earlier uses of the head noun only (a scan of every token back to
    # the reach was quadratic in one long paragraph: "the spokesman said" after each of
    # thousands of quotes); the paragraphs crossed only grow further back.
    uses = ctx.nouns_by_lemma.get(head.lemma_, [])
    changes = ctx.para_changes
    for i in reversed(uses[: bisect_left(uses, head.i)]):
        token = ctx.doc[i]
        if changes[head.i] - changes[i] > _APPOSITION_REACH:
            return None
        if token.dep_ != "appos" or ctx.quoted[i]:
            if not _same_description(token, _modifiers(head)):
                return None  # "Two other nurses arrived": not known to be the one apposed
            continue
        owner = token.head
        if owner.pos_ != "PROPN" or ctx.quoted[owner.i]:
            continue
        if not _same_description(head, _modifiers(token)):
            return None
        start = owner.left_edge.idx if owner.left_edge.dep_ == "compound" else owner.idx
        name = names.canonical(ctx.text[start : owner.idx + len(owner)], start)
        if name is not None:
            return name
    return None


def _modifiers(noun: Token) -> set[str]:
    """The words that modify ``noun`` in front of it ("night" of "a night nurse")."""
    return {c.lower_ for c in noun.children if c.dep_ in _NOUN_MODIFIERS}


def _same_description(noun: Token, allowed: set[str]) -> bool:
    """Whether ``noun`` is a plain "the X" that says no more than ``allowed`` words
    say: only "the", punctuation and modifiers among ``allowed`` (so none that sets it
    apart, "other" or "second", unless the apposition had it too), no phrase or clause
    of its own, and in the singular."""
    if noun.tag_ in ("NNS", "NNPS"):
        return False
    for child in noun.children:
        if (child.dep_ == "det" and child.lower_ == "the") or child.dep_ == "punct":
            continue
        if child.dep_ not in _NOUN_MODIFIERS or child.lower_ not in allowed:
            return False  # "the other driver", "the lawyer for the city"
    return True


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
