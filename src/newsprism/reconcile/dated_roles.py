"""Who a dated deed is done by and to, read off its parse: two dated deeds whose roles
are filled by different nouns or different names are two events, whatever their dates
(guards of :mod:`newsprism.reconcile.date_discrepancies`)."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from newsprism.reconcile.clauses import lemma_of

__all__ = ["heads_apart", "names_apart"]


#: The dependents that name the doer, and the one done to, of a dated deed.
_ROLES: Final = (frozenset({"nsubj"}), frozenset({"nsubjpass", "dobj"}))


def heads_apart(a: Token, b: Token) -> bool:
    """A role both deeds fill with a common noun, two different nouns: "the strike
    began Monday" / "the talks began Tuesday" are two events, whatever name the two
    share ("the Kelmar ferry strike" / "the Kelmar ferry talks": the actors guard wants
    one shared participant only)."""
    for deps in _ROLES:
        x = {lemma_of(c) for c in a.children if c.dep_ in deps and c.pos_ == "NOUN"}
        y = {lemma_of(c) for c in b.children if c.dep_ in deps and c.pos_ == "NOUN"}
        if x and y and not x & y:
            return True
    return False


def names_apart(a: Token, b: Token) -> bool:
    """The one done to is named on both sides, by two names with no word in common. A
    verb hung on a name by a bare comma counts as that name's: "the club awaits a
    ruling on winger Ilya Varga, arrested Feb. 6" tells Varga's arrest, not the
    goalkeeper's "was arrested on Sunday" (seen on ECB+, where the parser reads the verb
    as coordinated with "awaits")."""
    x, y = _named_patient(a), _named_patient(b)
    return bool(x and y and not x & y)


def _named_patient(predicate: Token) -> frozenset[str]:
    heads = [c for c in predicate.children if c.dep_ in _ROLES[1]]
    hung = _hung_on_name(predicate)
    if hung is not None:
        heads.append(hung)
    return frozenset(
        t.lower_
        for h in heads
        # A determiner makes a description of a thing ("that SUV", "the red Jeep"), which
        # the pointing guards of day_names read; a person's name takes none.
        if h.pos_ == "PROPN" and not any(c.dep_ == "det" for c in h.children)
        for t in h.subtree
        # Written as a name: the tagger calls some lower-case nouns PROPN ("that van").
        if t.pos_ == "PROPN" and t.text[:1].isupper() and (t is h or t.dep_ in ("compound", "flat"))
    )


def _hung_on_name(predicate: Token) -> Token | None:
    """The name a participle hangs on: its head when a reduced relative, or the name
    right before its comma when read as coordinated with no 'and' and no subject."""
    if predicate.dep_ == "acl":
        return predicate.head
    if predicate.dep_ != "conj" or predicate.i < 2:
        return None
    if any(c.dep_ in ("cc", "nsubj", "nsubjpass") for c in predicate.children):
        return None
    doc = predicate.doc
    comma, name = doc[predicate.i - 1], doc[predicate.i - 2]
    return name if comma.text == "," and name.pos_ == "PROPN" else None
