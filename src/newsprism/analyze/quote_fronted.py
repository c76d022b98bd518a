"""Who speaks after a fronted phrase that ends in a name, for
:mod:`newsprism.analyze.quote_subjects`: ``After meeting Ilse Varga, a spokeswoman
for Acme said …``. The parser hangs the description on the name as its apposition
(and may make the name the subject), so the quote went to the person met; the
description, or a second name, set off right before the verb is who speaks
(:func:`apposed_after_phrase`). Found on real reporting (issue 12) and tested on
invented sentences (``tests/test_speaker_proxies.py``).

Cost: a pass over the tokens of the verb's sentence before it.
"""

from __future__ import annotations

import logging

from spacy.tokens import Token

from newsprism.analyze.person_nouns import names_person
from newsprism.analyze.quote_marks import QuotedDoc

logger = logging.getLogger(__name__)

__all__ = ["apposed_after_phrase"]


def apposed_after_phrase(ctx: QuotedDoc, verb: Token) -> Token | None:
    """``After meeting Ilse Varga, a spokeswoman for Acme said …``: the parser hangs
    the description on the name that ends a fronted phrase as its apposition (and may
    make that name the subject). A description of a person, or a name, set off by a
    comma right before the verb (adverbs aside), apposed to a name that is the object
    of a preposition or gerund of a phrase opening the sentence ("After", "Following",
    "Asked about"), is who speaks. Not a name inside the subject ("Supporters of Ilse
    Varga, a former mayor, said": the sentence opens with its subject)."""
    doc = verb.doc
    last = verb.i - 1
    while last > verb.sent.start and doc[last].pos_ == "ADV":
        last -= 1
    described = next(
        (
            t
            for t in doc[verb.sent.start : last + 1]
            if t.dep_ == "appos" and t.right_edge.i == last
        ),
        None,
    )
    if described is None:
        # "..., Holm, a former governor, urged": the name joined to the phrase speaks
        return _joined_name(ctx, verb, last)
    if ctx.quoted[described.i] or not _describes_speaker(described):
        return None
    name = described.head
    first = name.left_edge.i
    if (
        name.pos_ != "PROPN"
        or name.i >= described.i
        or first <= verb.sent.start
        or doc[described.left_edge.i - 1].text != ","
        or not (doc[first - 1].pos_ == "ADP" or doc[first - 1].tag_ == "VBG")
    ):
        return None
    opening = next(t for t in doc[verb.sent.start : first] if not t.is_punct and not t.is_space)
    if opening.pos_ not in ("ADP", "SCONJ") and opening.tag_ not in ("VBG", "VBN"):
        return None
    if any(t.text in ",;" for t in doc[opening.i : first]):
        return None  # "After the talks, Ilse Varga, a spokeswoman, said": her own words
    logger.debug("description after a fronted phrase: %r", described.text)
    return described


def _joined_name(ctx: QuotedDoc, verb: Token, last: int) -> Token | None:
    """``Writing in a blog for the Harbour Institute, Holm, a former governor, urged``:
    the parser joined the name to the fronted phrase's last noun as a conjunct (and may
    make the phrase the verb's clausal subject, so "Writing" spoke). A name set off by
    commas, its apposition ending right before the verb's comma, a conjunct with no
    "and"/"or" on its head, after a phrase that opens the sentence with a preposition
    or participle and holds no other comma, is who speaks (stop 42 quote audit, seed
    42117)."""
    name = _apposed_name(ctx, verb, last)
    if name is None:
        return None
    doc = verb.doc
    first = name.left_edge.i
    if doc[first - 1].text != "," or any(c.dep_ == "cc" for c in name.head.children):
        return None
    opening = next(t for t in doc[verb.sent.start : first] if not t.is_punct and not t.is_space)
    fronted = opening.pos_ in ("ADP", "SCONJ") or opening.tag_ == "VBG"
    # "Writing in a blog, Rask, Holm, a governor, ...": a list
    if not fronted or any(t.text in ",;" for t in doc[opening.i : first - 1]):
        return None
    logger.debug("name joined to a fronted phrase: %r", name.text)
    return name


def _apposed_name(ctx: QuotedDoc, verb: Token, last: int) -> Token | None:
    """The name, a conjunct past the sentence's first word, whose apposition ends right
    before the comma ``doc[last]`` before the verb; None otherwise."""
    doc = verb.doc
    if doc[last].text != ",":
        return None
    phrase = doc[verb.sent.start : last]
    described = next((t for t in phrase if t.dep_ == "appos" and t.right_edge.i == last - 1), None)
    if described is None or ctx.quoted[described.i]:
        return None
    name = described.head
    if name.pos_ != "PROPN" or name.dep_ != "conj" or name.left_edge.i <= verb.sent.start + 1:
        return None
    return name


def _describes_speaker(token: Token) -> bool:
    """A name, or a description of one person ("a spokeswoman for Acme", "the union's
    spokeswoman")."""
    if token.pos_ == "PROPN":
        return True
    determined = any(c.dep_ in ("det", "poss") for c in token.children)
    return token.pos_ == "NOUN" and token.tag_ != "NNS" and determined and names_person(token)
