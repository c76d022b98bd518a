"""Spans the named-entity step may tag that name nobody: a clitic, punctuation, or a
pronoun or other function word.

spaCy's small English model tags the clitic of a curly-apostrophe contraction ("didn’t"
splits into "did" and "n’t") as a place now and then (19 mentions over the shared
analyses of stop 39), and a pronoun set off by an editor's brackets ("[W]e", "[M]y") or
opening a sentence ("Us", "Them") as a person or place; the exclusives step then counted
each as a detail only one outlet gave. A span is no name when it holds nothing but
punctuation and clitics, or only lower-case function words ("us"), or when its letters
spell a personal pronoun and it is not written all in capitals ("US", the country, stays
a name; so does a capitalised function word that is a name: "May", "NOW").
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Final

from spacy.tokens import Token

logger = logging.getLogger(__name__)

CLITICS: Final = frozenset({"n't", "'s", "'re", "'ll", "'ve", "'d", "'m"})
PERSONAL_PRONOUNS: Final = frozenset(
    {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours"}
    | {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their"}
    | {"theirs"}
)


def _plain(token: Token) -> str:
    return token.lower_.replace("’", "'").replace("‘", "'")


def is_clitic(token: Token) -> bool:
    """A clitic ("n't", "'s" and the like) with either apostrophe: the tagger sometimes opens a
    name with one ("’s Harbour Act" after "the council", "n’t Lorvik" after "is")."""
    return _plain(token) in CLITICS


def _no_word(token: Token) -> bool:
    return token.is_punct or token.is_space or is_clitic(token)


def names_nothing(span: Iterable[Token]) -> bool:
    """Whether ``span`` (a candidate name's tokens) names nobody: see the module docstring."""
    tokens = list(span)
    if all(_no_word(t) for t in tokens):
        return True
    words = [t for t in tokens if not _no_word(t)]
    if all(t.is_stop and t.text.islower() for t in words):
        return True
    letters = "".join(c for t in tokens for c in t.text if c.isalpha())
    return letters.lower() in PERSONAL_PRONOUNS and not letters.isupper()
