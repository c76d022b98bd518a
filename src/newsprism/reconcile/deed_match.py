"""Whether two deeds are one (guards 2 and 5 of :mod:`newsprism.reconcile.day_names`):
one deed done once, at no two places nor on two objects (:func:`one_time`), and done by
and to the same participants (:func:`same_participants`, :func:`same_name`)."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from newsprism.analyze.calendar_words import WEEKDAYS
from newsprism.reconcile.clauses import lemma_of
from newsprism.reconcile.date_discrepancies import one_deed
from newsprism.reconcile.deeds import OBJECTS, TITLES, Deed, Name, age_unit

__all__ = ["ONE_TIME_DEEDS", "one_time", "same_name", "same_participants"]

#: Deeds done once, the only ones two days or two times of day contradict (review,
#: finding 5: "spoke", "met", "visited" are done again on another day). Closed list:
#: what a person or thing undergoes once (dying, being born, killed, going missing,
#: arrested on one charge, resigning a post, a craft launched, a building collapsing);
#: the deeds in :data:`_GOINGS` once only at one place.
ONE_TIME_DEEDS: Final = frozenset(
    {"die", "bear", "kill", "murder", "disappear", "vanish", "arrest", "detain", "resign",
     "quit", "launch", "escape", "crash", "explode", "collapse", "leave", "depart", "reach",
     "arrive"}
)  # fmt: skip
#: Goings, done once per place: one side and the other must name the place, and one.
_GOINGS: Final = frozenset({"leave", "depart", "reach", "arrive"})


def one_time(a: Deed, b: Deed) -> bool:
    """Whether two sides tell one deed done once (:data:`ONE_TIME_DEEDS`): the same
    lemma or synonyms, and no two different places or objects ("arrested in Tarnby" /
    "arrested in Kelmar" are two arrests); a going must name its place on both sides."""
    if not one_deed(a.lemma, b.lemma):
        return False
    if not may_be_one_time(a) or (a.lemma not in ONE_TIME_DEEDS and not _found(b)):
        return False
    if a.lemma in _GOINGS and not (a.places | a.objects) & (b.places | b.objects):
        return False
    if a.lemma in _FINDINGS and not _same_find(a, b):
        return False
    pairs = (
        (a.places, b.places),
        # Two towns: "in Oskel" / "in Varley". A town that only holds the place ("in a
        # Varley suburb") is no town of the deed: the other may name the suburb itself.
        (a.places & a.names - a.holders, b.places & b.names - b.holders),
        (a.holders, b.holders),  # two holders: "a Varley suburb" / "a Tarnby suburb"
        (a.objects & a.names, b.objects & b.names),  # named things: "Jonas Brek"
        (a.objects - a.names, b.objects - b.names),  # described: "the car", "the man"
    )
    return all(not (x and y) or bool(x & y) for x, y in pairs)


def may_be_one_time(a: Deed) -> bool:
    """What :func:`one_time` asks of its first side alone (a deed done once, or a find
    of one known thing): a pass can drop the sides that fail it before pairing."""
    return a.lemma in ONE_TIME_DEEDS or (a.lemma in _FINDINGS and _found(a))


def _same_find(a: Deed, b: Deed) -> bool:
    """Two finds of one thing (review s32, findings 6 and 7): two descriptions share
    their head and no modifier or possessor clashes ("the body of a woman" / "the body
    of a man", "the suspect's car" / "the victim's car" are two); a named thing is a
    description only when its own words give the description's head ("the Corran
    Voyager van" / "the van"; not "the Corran Voyager" / "the rifle")."""
    x, y = _find_words(a), _find_words(b)
    if x is None or y is None:
        return False
    (head_x, kind_x, named_x), (head_y, kind_y, named_y) = x, y
    if named_x and named_y:
        return bool(named_x & named_y)
    if named_x or named_y:
        head, kinds = (
            (head_y, kind_x | named_x | {head_x})
            if named_x
            else (head_x, kind_y | named_y | {head_y})
        )
        return (
            head in kinds
            or (_pointed_to(a, named_y, kind_x) and not _found_as_living(b))
            or (_pointed_to(b, named_x, kind_y) and not _found_as_living(a))
        )
    return head_x == head_y and (kind_x <= kind_y or kind_y <= kind_x)


def _pointed_to(pointing: Deed, words: frozenset[str], kinds: frozenset[str]) -> bool:
    """A bare pointing description ("That van was found", no words of its own but the
    head: ``kinds`` empty) stands for the other side's named thing (``words``) when that
    is the last name of the sentence before it ("He fled in her Corran Rover. That van
    was found": :attr:`~newsprism.reconcile.deeds.Deed.antecedent`)."""
    return bool(words) and not kinds and words <= pointing.antecedent


#: States only someone living is found in ("was found safe", "found dead"): the one found
#: is a person or an animal, never the vehicle a pointing description names.
_LIVING_STATES: Final = frozenset(
    {"safe", "alive", "dead", "unharmed", "well", "injured", "hurt", "wounded",
     "unconscious", "asleep", "safely"}
)  # fmt: skip


def _found_as_living(deed: Deed) -> bool:
    """Whether the find says its object's state as a living one's (review s33/1, finding
    12: "The Harbour Master was found safe" is a man, not the boat "that boat" points to
    after "drove off with the Harbour Master")."""
    return any(c.lower_ in _LIVING_STATES for c in deed.clause.predicate.children)


def _find_words(deed: Deed) -> tuple[str, frozenset[str], frozenset[str]] | None:
    """The found thing's head lemma, its other nouns and possessors (lemmas), and its
    name words; None when the deed has no object."""
    found = [c for c in deed.clause.predicate.children if c.dep_ in OBJECTS]
    if not found:
        return None
    head = found[0]
    # The thing's own words: its modifiers and an "of" phrase ("the body of a woman"),
    # not where it lay ("the car in Varley") nor a clause of it ("the van he drove").
    skip = {
        t.i
        for c in head.children
        if (c.dep_ == "prep" and c.lower_ != "of") or c.dep_ in ("relcl", "acl")
        for t in c.subtree
    }
    words = [
        t
        for t in head.subtree
        if t.i != head.i
        and t.i not in skip
        and (t.pos_ in ("NOUN", "PROPN") or t.dep_ == "poss")
        and t.ent_type_ not in ("DATE", "TIME")
        and t.lower_ not in WEEKDAYS
        and not age_unit(t)
    ]
    named = frozenset(t.lower_ for t in [head, *words] if t.lower_ in deed.names)
    kinds = frozenset(lemma_of(t) for t in words if t.lower_ not in deed.names)
    head_word = "" if head.lower_ in deed.names else lemma_of(head)
    return head_word, kinds, named


#: Findings: a missing thing or person is found once, when the one found is one known
#: thing ("the car was found", "found the boy"); "found a gun", "a study found that"
#: are not.
_FINDINGS: Final = frozenset({"find", "locate"})


def _found(deed: Deed) -> bool:
    """The deed's object or passive subject is one known thing: singular, and named or
    definite or a named one's ("the bodies" are found over days; "his wallet" and "her
    wallet" are two: review s32, finding 8)."""
    return any(
        c.dep_ in OBJECTS
        and c.tag_ not in ("NNS", "NNPS")
        and "Number=Plur" not in str(c.morph)
        and (
            c.pos_ == "PROPN"
            or any(
                (d.dep_ == "poss" and d.pos_ != "PRON") or (d.dep_ == "det" and d.lower_ in _KNOWN)
                for d in c.children
            )
        )
        for c in deed.clause.predicate.children
    )


_KNOWN: Final = frozenset({"the", "this", "that"})


def same_participants(a: Deed, b: Deed) -> bool:
    """Guard 5: a name shared by the sentences, and no role (doer, done to) held by
    different names on the two sides, nor by two different common nouns ("a man" /
    "a woman"), nor by two different ages ("the 23-year-old" / "the 41-year-old"), nor
    told by pronouns of two genders ("his home" / "her home"); a name against a
    description ("Mira Olsen" / "the girl") may be one. Names compare whole
    (:func:`same_name`): "Jon Smith" and "Jan Smith" are two."""
    if not a.names & b.names and not _placed_alike(a, b) and not _aged_alike(a, b):
        return False
    if {a.gender, b.gender} == {"m", "f"}:
        return False
    crowded = a.crowded | b.crowded
    for x, y in zip(a.participants, b.participants, strict=True):
        if x and y and not any(same_name(m, n, crowded) for m in x for n in y):
            return False
    if any(x and y and not x & y for x, y in zip(a.ages, b.ages, strict=True)):
        return False
    return all(not (x and y) or bool(x & y) for x, y in zip(a.roles, b.roles, strict=True))


#: Place nouns too common to tell one place from another ("at his home", "in
#: hospital", "outside the court"): not fitted, the places of any crime or accident
#: story (review s32, finding 2).
_GENERIC_PLACES: Final = frozenset(
    {"home", "house", "residence", "apartment", "flat", "room", "building", "hospital",
     "station", "court", "courthouse", "prison", "jail", "city", "town", "village",
     "centre", "center", "street", "road", "highway", "school", "area", "scene",
     "district", "region", "country", "state", "county", "province", "neighbourhood",
     "neighborhood", "office", "headquarters", "hotel", "airport", "park", "harbour",
     "harbor", "port", "border", "capital", "place", "site", "location", "part", "side",
     "north", "south", "east", "west", "outskirts", "suburb", "police"}
)  # fmt: skip
#: Shared place words beyond the generic ones a fallback needs. Not fitted: one shared
#: word ("a farm") is any farm of the story (review s32, finding 2), so two.
_MIN_PLACE_WORDS: Final = 2


def _placed_alike(a: Deed, b: Deed) -> bool:
    """Guard 5 without a shared name: the deed's place phrases share more than one word
    that is no generic place noun ("at the quarry farm" / "at a farm by the quarry"),
    and every participant on both sides is definite ("the driver", "the 23-year-old":
    "a man" is any man of the story) and no pronoun, whose person the roster cannot
    tell ("he" / "she")."""
    if len((a.places & b.places) - _GENERIC_PLACES) < _MIN_PLACE_WORDS:
        return False
    return not any(_pronoun_party(d) or _indefinite_party(d) for d in (a, b))


def _aged_alike(a: Deed, b: Deed) -> bool:
    """Guard 5 without a shared name: one role given one age on both sides, on one side
    at least by the sentence before ("... the 27-year-old suspect acted alone.
    She said the man was arrested Thursday" / "The 27-year-old was arrested last
    Wednesday": :attr:`~newsprism.reconcile.deeds.Deed.ages_before`), every participant
    definite and no pronoun. Two ages both told in their own sentences with no name nor
    place shared stay apart, as before: the age is the pointing word's evidence, not a
    name."""
    if any(_pronoun_party(d) or _indefinite_party(d) for d in (a, b)):
        return False
    return any(
        (x_before or y_before) and (x | x_before) & (y | y_before)
        for x, x_before, y, y_before in zip(
            a.ages, a.ages_before, b.ages, b.ages_before, strict=True
        )
    )


def _indefinite_party(deed: Deed) -> bool:
    """A doer or one done to that is no known one: "a man", "some officers", "two
    boats", or a bare plural done to ("arrested men")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN" and _indefinite(c)
        for c in deed.clause.predicate.children
    )


_INDEFINITE: Final = frozenset({"a", "an", "some", "another", "any", "one", "several"})


def _indefinite(noun: Token) -> bool:
    if any(
        d.dep_ == "nummod" or (d.dep_ == "det" and d.lower_ in _INDEFINITE) for d in noun.children
    ):
        return True
    known = any(d.dep_ in ("det", "poss") for d in noun.children)
    return not known and noun.dep_ != "nsubj" and noun.tag_ == "NNS"


def _pronoun_party(deed: Deed) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "PRON"
        for c in deed.clause.predicate.children
    )


def same_name(a: Name, b: Name, crowded: frozenset[str] = frozenset()) -> bool:
    """Whether two names may be one: the words of one all in the other ("Olsen",
    "Mira Olsen"; "Tarnby police", "Tarnby"), titles aside; a surname alone is not a
    full name when the story gives it to two people (``crowded``)."""
    a, b = _untitled(a), _untitled(b)
    if not a or not b:
        return False
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not set(short) <= set(long):
        return False
    return short == long or not (len(short) == 1 and short[0] in crowded)


def _untitled(name: Name) -> Name:
    start = 0
    while start < len(name) - 1 and name[start] in TITLES:
        start += 1
    return name[start:]
