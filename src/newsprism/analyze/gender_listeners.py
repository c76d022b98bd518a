"""The one spoken to, between a name and a later pronoun (step 5 of analyze/entities.py).

In "Rep. Edvin Holt asked her whether she would reply" the "she" is the woman asked, not
Holt: an object pronoun of the later pronoun's gender, on a verb whose subject is the
named person, is a nearer antecedent, so the later pronoun is no vote for the name.
An object pronoun inside a clause with another subject is not one spoken to by the name
but one spoken of ("Dara Holm said the council had told her she must go": "her" and
"she" are Holm herself), so it leaves the vote (review s43f S1 on bc080da).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.speakers import Gender

__all__ = ["listener_between"]

logger = logging.getLogger(__name__)

# Roles of a pronoun spoken to ("asked her", "told him", "sent her a note", "wrote to her").
_LISTENER_ROLES: Final = frozenset({"dobj", "dative", "iobj", "pobj"})
_OBJECT_PRONOUNS: Mapping[str, Gender] = MappingProxyType({"him": "male", "her": "female"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
# Arcs by which a verb shares its subject with the verb above it ("Holt stood and asked
# her", "Holt wanted to ask her").
_SHARED_SUBJECT: Final = frozenset({"conj", "xcomp"})


def listener_between(doc: Doc, start: int, end: int, pronoun: Token, gender: Gender) -> bool:
    """Whether an object pronoun of ``gender`` between the name at doc[start:end] and
    ``pronoun`` is the object of a verb the name is the subject of (module doc)."""
    for token in doc[end : pronoun.i]:
        if _OBJECT_PRONOUNS.get(token.lower_) != gender or token.dep_ not in _LISTENER_ROLES:
            continue
        verb = token.head.head if token.dep_ == "pobj" else token.head
        subject = _subject_of(verb)
        if subject is not None and start <= subject.i < end:
            return True
    return False


def _subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it shares its subject with."""
    while True:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects[0]
        if verb.dep_ not in _SHARED_SUBJECT or verb.head is verb:
            return None
        verb = verb.head
