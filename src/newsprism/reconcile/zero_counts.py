"""Discrepancies of kind ``negation``: one source says none underwent a deed, another
gives some who did.

"No one was injured in the fire at the Tarnby warehouse" against "Two firefighters were
injured in the fire at the Tarnby warehouse": neither sentence negates what the other
asserts of one participant (the ``negation`` pass needs a participant both name), yet a
count of none and a count of two cannot both be true of one occasion. A side is a
predicate of :data:`DEEDS` (harm, death, arrest, rescue: what befalls people, told
with a count) and the one who undergoes it (passive subject, object, or the subject of
"died"); a none may also be told as "there were no injuries" (:data:`_DEED_NOUNS`).
Guards, all required:

1. the denial's undergoer is a universal none: "no one", "nobody", "none of the
   passengers", "no passengers" (:func:`_none_of`), with no word that leaves some out
   ("no one else", "no other passenger", "nobody but the driver":
   :func:`~newsprism.reconcile.clauses.excepting`), and a none limited to some ("no one
   inside the Tarnby warehouse": :func:`_narrowing`) only against a count limited in
   the same words ("two people inside the Tarnby warehouse"); a limit that names
   nothing but points back ("no one inside", "no one on board") is held back,
   and "two of the passengers" counts passengers,
   and the denial told of the occasion, not of the time of writing: no present perfect
   ("no one has been charged" may change by the next day), no "yet", "so far",
   "immediately";
2. the assertion's undergoer is counted: a figure ("two firefighters", "Two were
   hurt"), "a"/"an"/"one" before a noun, or a person named; for "no one"/"nobody" the
   undergoer is a person (a person noun, a person named, a bare figure), for "no
   passengers" the same noun;
3. one deed (:data:`DEEDS`: "hurt" / "injured" are one, "killed" / "died" one), both
   sides asserted (no modal, hedge, condition or question), the assertion un-negated;
   any degree the denial puts on the deed is the assertion's too ("no one was
   seriously hurt" denies nothing of "two were slightly hurt");
4. one occasion: no preposition both attach with different nouns or describing words,
   the same series words in the deed's phrases ("in the first blast" / "in the second
   blast", "in a separate crash"), every name of the denial's phrases and adverbial
   clauses named in the assertion's sentence ("no one was hurt in Dubai" holds in Dubai
   only) and, for a denial so scoped, every name of the assertion's deed in the
   denial's sentence, the same limits of moment or spot ("at the scene", "initially":
   :func:`_scopes`) and the same years written in the sentences, no resolved dates that
   clash, and
   clauses similar (``DiscrepancyOptions.date_lexical``/``date_dense``: the actors
   differ by nature, so the stricter threshold of the date pairs holds);
5. each article takes one side: an article that gives a count for the deed and denies
   it too ("Two guards were hurt. No visitors were hurt.") is scoped, and no witness.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from spacy.tokens import Token

from newsprism.model import Discrepancy, Passage
from newsprism.reconcile.actors import actors_of, compatible_roles
from newsprism.reconcile.clauses import (
    Clause,
    Parsed,
    excepting,
    is_asserted,
    is_negated,
    lemma_of,
)
from newsprism.reconcile.date_discrepancies import one_occasion
from newsprism.reconcile.deed_words import DEATH, INJURY
from newsprism.reconcile.discrepancy_groups import (
    DiscrepancyOptions,
    claims_of,
    components,
    similar_pairs,
    threshold_for,
)
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.negation_guards import under_denial
from newsprism.reconcile.similarity import TextSimilarity

__all__ = ["DEEDS", "zero_count_discrepancies"]

logger = logging.getLogger(__name__)

#: The words of harm and death as the shared table groups them (reconcile/deed_words.py:
#: facts key counts by the same groups), each -> its deed: verbs ("hurt" / "injured",
#: "killed" / "died") and nouns ("injuries", "deaths", "fatalities", "the dead").
_SHARED: Final = {word: group[0] for group in (INJURY, DEATH) for word in group}
#: Deeds told with a count of those who underwent them, each lemma -> its deed (one
#: deed told by two verbs: "hurt" / "injured"; "killed" / "died").
DEEDS: Final = _SHARED | {
    "harm": "injure",
    "arrest": "arrest", "detain": "arrest",
    "rescue": "rescue", "hospitalize": "hospitalize", "hospitalise": "hospitalize",
    "charge": "charge",
}  # fmt: skip
#: Deeds whose subject undergoes them ("two people died").
_SUBJECT_UNDERGOES: Final = frozenset({"die"})
# Stems of the deeds' forms, for the prefilter on raw text.
_STEMS: Final = re.compile(
    r"\b(?:injur|hurt|wound|harm|kill|die|dead|death|fatalit|arrest|detain|rescu|"
    r"hospitali|charg)",
    re.IGNORECASE,
)
_NONE_WORDS: Final = re.compile(r"\b(?:no|nobody|none|no-one|noone)\b", re.IGNORECASE)
#: Words that tell the state at writing time, not the occasion's count.
_AT_WRITING: Final = re.compile(r"\b(?:yet|so far|immediately|as of)\b", re.IGNORECASE)
#: Degrees put on a harm: "seriously hurt" is not every hurt.
_DEGREES: Final = frozenset(
    {"seriously", "critically", "badly", "gravely", "severely", "fatally", "slightly",
     "mortally", "lightly", "minor", "serious", "critical", "major"}
)  # fmt: skip
#: Nouns of a person, for an undergoer "no one" stands against (the commonest of news
#: reports of harm; :mod:`newsprism.analyze.ages` keeps a longer list for ages).
_PERSONS: Final = frozenset(
    {"person", "people", "man", "woman", "boy", "girl", "child", "children", "teen",
     "teenager", "resident", "passenger", "driver", "worker", "employee", "student",
     "officer", "firefighter", "soldier", "civilian", "guard", "visitor", "tourist",
     "patient", "pedestrian", "victim", "suspect", "member", "crew", "customer",
     "spectator", "fan", "protester", "miner", "pilot", "staff", "occupant", "adult",
     "baby", "infant", "rider", "cyclist", "motorist", "hiker", "climber", "inmate"}
)  # fmt: skip
_SOME: Final = frozenset({"a", "an", "one"})
_PERFECT: Final = frozenset({"has", "have", "'s", "'ve"})


@dataclass(frozen=True, slots=True)
class _Side:
    clause: Clause
    deed: str
    none_of: str | None  # the denial's undergoer kind ("" for any person); None: a count
    counted: frozenset[str]  # the assertion's undergoer: its head lemma, "person" if one
    degrees: frozenset[str]
    #: Whom the undergoer's word is limited to (:func:`_narrowing`), for guard 1.
    scope: frozenset[str] = frozenset()


def _undergoers(verb: Token) -> list[Token]:
    """Who undergoes the deed: its passive subject or object (or the subject of "died");
    a verb coordinated with no subject of its own takes its head's ("No one was killed
    or injured")."""
    deps = ("nsubjpass", "dobj", *(("nsubj",) if lemma_of(verb) in _SUBJECT_UNDERGOES else ()))
    own = [c for c in verb.children if c.dep_ in deps]
    if own or verb.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in verb.children):
        return own
    return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _none_of(token: Token) -> str | None:
    """The kind a universal none denies of ("" for anyone: "no one", "nobody"; the noun
    for "no passengers", "none of the passengers"), or None when the word is no
    universal none or leaves some out (:func:`~newsprism.reconcile.clauses.excepting`)."""
    if excepting(token):
        return None
    lower = token.lower_
    if lower in ("nobody", "noone", "no-one"):
        return ""
    has_no = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    if lower == "one" and has_no:
        return ""
    if token.pos_ == "NOUN" and has_no:
        return lemma_of(token)
    if lower == "none":
        nouns = [
            o for p in token.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
        ]
        return lemma_of(nouns[0]) if nouns and nouns[0].pos_ == "NOUN" else ""
    return None


#: Dependents of a none's word that narrow whom it denies of: "no one on board", "no
#: one inside the warehouse", "nobody who was at home", "no one aboard".
_NARROWING: Final = frozenset({"prep", "relcl", "acl", "advmod"})
#: Narrowings that may be compared word for word: a phrase ("in the Tarnby building");
#: a clause ("who was at home") is never compared.
_COMPARED: Final = frozenset({"prep", "advmod"})


def _partitive(noun: Token) -> list[Token]:
    """The nouns of a partitive "of" ("the passengers" of "none of the passengers",
    "two of the passengers"): they name the kind counted, and may narrow it in turn."""
    if noun.lower_ != "none" and not (noun.like_num or noun.pos_ == "NUM"):
        return []
    return [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _names_a_thing(phrase: Token) -> bool:
    """Whether a narrowing phrase names what it limits to: a proper noun, or a noun
    with its determiner or owner ("in the Tarnby building", "on the bus"). An adverb or
    a bare noun ("inside", "there", "aboard", "on board", "at home") points to what each
    article spoke of before: "No one inside" after a school, "Two people inside" after a
    bus (review s39/1, finding 3)."""
    return any(
        t.pos_ == "PROPN"
        or (t.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") for c in t.children))
        for t in phrase.subtree
    )


def _narrowing(noun: Token) -> frozenset[str] | None:
    """How a person's word is limited to some people: each narrowing phrase as its
    words' lemmas, no articles ("in Tarnby building"); empty when it is not limited,
    None when what limits it names nothing to compare: a clause ("nobody who was at
    home") or a word that points back ("no one inside", :func:`_names_a_thing`). The
    "of" of "none of the passengers" or "two of the passengers" names the kind, and its
    noun may narrow it in turn ("none of the passengers on the bus")."""
    partitive = _partitive(noun)
    found = set()
    for n in [noun, *partitive]:
        for c in n.children:
            if c.dep_ not in _NARROWING or (n is noun and partitive and c.lower_ == "of"):
                continue
            if c.dep_ not in _COMPARED or not _names_a_thing(c):
                return None
            found.add(" ".join(lemma_of(t) for t in c.subtree if t.dep_ != "det" and t.is_alpha))
    return frozenset(found)


def _same_scope(denial: _Side, assertion: _Side) -> bool:
    """Guard 1's narrowing: a none limited to some people ("No one in the Tarnby
    building was hurt") holds of those only, so it stands only against a count of the
    same people, told with the same words ("Two people in the Tarnby building were
    hurt"); a none of everyone stands against any count (review s38/1a, stop 38's open
    item: the same scope on both sides was held back)."""
    return not denial.scope or denial.scope == assertion.scope


def _counted(token: Token) -> frozenset[str]:
    """What a counted undergoer is: its head lemma, with "person" for a person (a
    person noun, a person named, a bare figure); the noun of a partitive figure ("two
    of the passengers") is what it counts; empty when it is not counted."""
    if token.like_num or token.pos_ == "NUM":
        kinds = [lemma_of(n) for n in _partitive(token) if n.pos_ == "NOUN"]
        if kinds:
            return frozenset({kinds[0], "person"} if kinds[0] in _PERSONS else {kinds[0]})
        return frozenset({"person"})
    if token.pos_ == "PROPN":
        # A bare name ("Jonas Brek was hurt"); "the Varley Hotel" is a thing named.
        return (
            frozenset() if any(c.dep_ == "det" for c in token.children) else frozenset({"person"})
        )
    if token.pos_ != "NOUN":
        return frozenset()
    some = any(
        (c.dep_ == "nummod" and c.lower_ not in ("zero", "0"))
        or (c.dep_ == "det" and c.lower_ in _SOME)
        for c in token.children
    )
    if not some:
        return frozenset()
    lemma = lemma_of(token)
    return frozenset({lemma, "person"} if lemma in _PERSONS else {lemma})


def _degrees(verb: Token) -> frozenset[str]:
    return frozenset(t.lower_ for t in verb.children if t.lower_ in _DEGREES)


#: Nouns of the deeds, for a none told as "there were no injuries" ("no deaths", "no
#: fatalities", "no arrests"): the shared harm and death words and arrests.
_DEED_NOUNS: Final = _SHARED | {"arrest": "arrest"}


def _at_writing(clause: Clause) -> bool:
    """Guard 1's time: the none told of the time of writing ("has been", "yet")."""
    return bool(_AT_WRITING.search(clause.sentence.text)) or any(
        c.dep_ == "aux" and c.lower_ in _PERFECT for c in clause.predicate.children
    )


#: Words that make a none what was known at the time: "no reported injuries", "no
#: known deaths", "no confirmed fatalities".
_TOLD: Final = frozenset({"reported", "known", "confirmed", "immediate", "apparent"})


def _there_were_none(clause: Clause) -> _Side | None:
    """A denial told by "there were no injuries" (an existential "be", no more)."""
    verb = clause.predicate
    if not any(c.dep_ == "expl" for c in verb.children):
        return None
    for noun in (c for c in verb.children if c.dep_ in ("attr", "nsubj")):
        deed = _DEED_NOUNS.get(lemma_of(noun))
        if any(t.lower_ in _TOLD for t in noun.children):
            return None  # "no reported injuries": what was known, not the count
        if deed is not None and _none_of(noun) == lemma_of(noun):
            degrees = frozenset(t.lower_ for t in noun.children if t.lower_ in _DEGREES)
            return _Side(clause, deed, "", frozenset(), degrees)
    return None


def _side(clause: Clause) -> _Side | None:
    verb = clause.predicate
    if not is_asserted(verb) or under_denial(verb):
        return None
    if lemma_of(verb) == "be":
        side = _there_were_none(clause)
        return None if side is None or _at_writing(clause) else side
    deed = DEEDS.get(lemma_of(verb))
    if deed is None:
        return None
    for undergoer in _undergoers(verb):
        kind = _none_of(undergoer)
        scope = _narrowing(undergoer)
        if kind is not None:
            return (
                None
                if _at_writing(clause) or scope is None
                else _Side(clause, deed, kind, frozenset(), _degrees(verb), scope)
            )
        counted = _counted(undergoer)
        if counted and not is_negated(verb):
            return _Side(clause, deed, None, counted, _degrees(verb), scope or frozenset())
    return None


def _sides(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[_Side]:
    """Every side of the story's sentences that hold a deed's word (parsed only when
    some sentence of the story holds a none beside a deed's word)."""
    worded = [s for s in sentences if _STEMS.search(s.text)]
    if not any(_NONE_WORDS.search(s.text) for s in worded):
        return []
    found = []
    for sentence, doc in zip(worded, parsed.docs(worded), strict=True):
        source = material.source_of(sentence.article)
        for token in doc:
            if token.pos_ in ("VERB", "AUX") and (lemma_of(token) in DEEDS or token.lemma_ == "be"):
                side = _side(Clause(sentence, source, token, False))
                if side is not None:
                    found.append(side)
    return found


def _pairs(denial: _Side, assertion: _Side) -> bool:
    """Guards 2 and 3 (the occasion's guards are the caller's)."""
    if denial.clause.source == assertion.clause.source or denial.deed != assertion.deed:
        return False
    kind = denial.none_of or "person"
    return (
        kind in assertion.counted
        and denial.degrees <= assertion.degrees
        and _same_scope(denial, assertion)
    )


def _one_occasion(denial: _Side, assertion: _Side, material: StoryMaterial, parsed: Parsed) -> bool:
    """Guard 4 but the similarity: no preposition nor describing word filled differently
    (the undergoers aside: they differ by nature), no clashing dates."""
    a, b = (
        replace(
            actors_of(s.clause.predicate, s.clause.sentence, material, parsed.states),
            agents=frozenset(),
            patients=frozenset(),
        )
        for s in (denial, assertion)
    )
    return (
        compatible_roles(a, b, kinds=True)
        and _ordinals(denial.clause.predicate) == _ordinals(assertion.clause.predicate)
        and not _named_apart(denial.clause.predicate, assertion.clause.predicate)
        and _scopes(denial.clause.predicate) == _scopes(assertion.clause.predicate)
        and set(_YEAR.findall(denial.clause.sentence.text))
        == set(_YEAR.findall(assertion.clause.sentence.text))
        and one_occasion(denial.clause, assertion.clause, material)
    )


#: Words that tell one of a series of occasions ("in the second blast", "the earlier
#: fire", "in a separate crash"): two different ones, or one side's only, are two
#: occasions.
_SERIES: Final = frozenset(
    {"first", "second", "third", "fourth", "fifth", "earlier", "later", "previous",
     "latest", "initial", "subsequent", "another", "last", "next", "new", "separate",
     "other", "different"}
)  # fmt: skip


def _scope_names(verb: Token) -> set[str]:
    """The names of the deed's scope: its phrases and its adverbial clauses ("in the
    fire at the Tarnby warehouse", "when the storm hit Oskel")."""
    return {
        t.lower_
        for c in verb.children
        if c.dep_ in ("prep", "advcl")
        for t in c.subtree
        if t.pos_ == "PROPN"
    }


def _named_apart(denial: Token, assertion: Token) -> bool:
    """The denial's phrases or clauses name its scope ("in the fire at the Tarnby
    warehouse", "when the storm hit Oskel") and the assertion's sentence does not name
    it all ("at the Oskel depot", or no place: "50 were injured" may be told of another
    town): a none holds only where it is told. And a scoped denial holds nothing of a
    deed the assertion names another place for ("No one was killed when the storm hit
    Oskel" / "The storm killed two people in Tarnby after it hit Oskel"; review s38/1b):
    the names of the assertion's deed, its participants' too, are all the denial's."""
    named = _scope_names(denial)
    if not named <= {t.lower_ for t in assertion.doc}:
        return True
    theirs = {t.lower_ for t in assertion.subtree if t.pos_ == "PROPN"}
    return bool(named) and not theirs <= {t.lower_ for t in denial.doc}


#: Words that limit a deed to a moment or a spot of the occasion: "no one was arrested
#: at the scene" says nothing of the arrests made later; "initially", "immediately".
_SCOPE_ADVERBS: Final = frozenset({"immediately", "initially", "originally", "instantly"})
_SCOPE_NOUNS: Final = frozenset({"scene", "spot"})


def _scopes(verb: Token) -> frozenset[str]:
    """The limits of the deed's moment or spot (:data:`_SCOPE_ADVERBS`, a phrase of
    :data:`_SCOPE_NOUNS`): one side's only, or two different, are two counts (review
    s38/1c: "No one was arrested at the scene of the shooting" / "Two men were arrested
    over the shooting")."""
    adverbs = {c.lower_ for c in verb.children if c.lower_ in _SCOPE_ADVERBS}
    nouns = {
        lemma_of(o)
        for c in verb.children
        if c.dep_ == "prep"
        for o in c.children
        if o.dep_ == "pobj" and lemma_of(o) in _SCOPE_NOUNS
    }
    return frozenset(adverbs | nouns)


# A year written out: "the 2019 fire" and a fire of an undated "Monday" may be two.
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")


def _ordinals(verb: Token) -> frozenset[str]:
    """The series words of the deed's prepositional phrases (its occasion)."""
    return frozenset(
        t.lower_
        for c in verb.children
        if c.dep_ == "prep"
        for t in c.subtree
        if t.lower_ in _SERIES
    )


def _both_told(sides: Sequence[_Side]) -> set[tuple[str, str]]:
    """Guard 5: the (article, deed) pairs an article both counts and denies."""
    denied = {(s.clause.sentence.article, s.deed) for s in sides if s.none_of is not None}
    counted = {(s.clause.sentence.article, s.deed) for s in sides if s.none_of is None}
    return denied & counted


def zero_count_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``negation`` for a deed one source says none underwent and another gives a count
    of (guards in the module docstring)."""
    sides = _sides(material, sentences, parsed)
    both = _both_told(sides)
    sides = [s for s in sides if (s.clause.sentence.article, s.deed) not in both]
    denials = [s for s in sides if s.none_of is not None]
    counts = [s for s in sides if s.none_of is None]
    pairs = [
        (d.clause, c.clause)
        for d in denials
        for c in counts
        if _pairs(d, c) and _one_occasion(d, c, material, parsed)
    ]
    # Guard 4 compares whole sentences: the occasion is often told in a clause of its
    # own ("when the ferry ran aground"), which the core clause leaves out.
    threshold = threshold_for(similarity, opts.date_lexical, opts.date_dense)
    kept = similar_pairs(pairs, similarity, threshold, text=lambda c: c.sentence.text)
    return [
        Discrepancy(f"none or some: {group[0].text}", "negation", claims_of(material, group))
        for group in components(kept)
    ]
