"""Guards of the negation pass (:mod:`newsprism.reconcile.discrepancies`, guards 5 and 6)
read off false pairs seen on ECB+ (real multi-outlet news with no gold, read for
precision): a denial of telling why is no denial of telling that, an earlier state is
another occasion, and a denial "not yet" at writing time does not deny a later day."""

from __future__ import annotations

import re
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.calendar_words import MONTHS, WEEKDAYS
from newsprism.reconcile.clauses import Clause, is_negated, lemma_of
from newsprism.reconcile.date_discrepancies import clause_dates
from newsprism.reconcile.material import StoryMaterial

__all__ = [
    "asked",
    "earlier",
    "narrower_thing",
    "not_yet",
    "other_occasion",
    "other_particle",
    "other_thing",
    "raised_negation",
    "under_denial",
]

#: Words opening a clause that asks rather than tells ("why he leaked it", "whether").
_ASKING: Final = frozenset({"why", "how", "what", "whether", "when", "where", "who", "which", "if"})


def asked(predicate: Token) -> frozenset[str]:
    """The words opening the predicate's clausal complements that ask ("never revealed
    why he leaked the ledger" tells nothing of "revealed that he was the source", seen
    on ECB+): a denial and an assertion must tell or ask the same thing."""
    return frozenset(
        first.lower_
        for c in predicate.children
        if c.dep_ in ("ccomp", "xcomp", "dobj")
        for first in [min(c.subtree, key=lambda t: t.i)]
        if first.lower_ in _ASKING and first.i > predicate.i
    )


#: Adverbs that set a claim before the story's time ("Previously, agencies were
#: required to consult scientists" against "the regulations don't require agencies to
#: consult": a rule changed, seen on ECB+). Not "once" (also a count), nor "earlier"
#: ("earlier Thursday" dates one day's claim).
_EARLIER: Final = frozenset({"previously", "formerly"})


def earlier(predicate: Token) -> bool:
    """Whether the predicate is told of an earlier time than the story's (guard 6: an
    earlier state and the present one are two occasions)."""
    return any(c.lower_ in _EARLIER for c in predicate.children if c.dep_ == "advmod")


def not_yet(denial: Clause, assertion: Clause, material: StoryMaterial) -> bool:
    """Guard 5f: a denial in the present perfect ("results have not been released")
    tells the state when its article was written; an assertion dated on its predicate
    ("were released Wednesday") may tell a later day (seen on ECB+). They clash only
    when the assertion's resolved days all fall by the denial's publication day."""
    if not _present_perfect(denial.predicate) or not _dated(assertion.predicate):
        return False
    published = material.by_id[denial.sentence.article].published
    days = clause_dates(assertion, material)
    if published is None or not days:
        return True
    return any(last > published.date().isoformat() for _, last in days)


def _present_perfect(predicate: Token) -> bool:
    return any(
        c.dep_ == "aux" and lemma_of(c) == "have" and c.tag_ in ("VBP", "VBZ")
        for c in predicate.children
    )


def _dated(predicate: Token) -> bool:
    """Whether a day or date hangs on the predicate ("released Wednesday", "on May 4";
    the reconcile parser has no entity tagger)."""
    return any(
        t.lower_.rstrip(".") in WEEKDAYS or t.lower_.rstrip(".") in MONTHS
        for c in predicate.children
        if c.dep_ in ("npadvmod", "prep", "tmod")
        for t in c.subtree
    )


#: Conjunctions that open a clause limiting a claim to one occasion ("no shots were
#: fired when he was taken into custody" denies nothing of "he fired one shot" at the
#: scene, seen on ECB+).
_OCCASION_WORDS: Final = frozenset(
    {"when", "whenever", "while", "as", "after", "before", "until", "once"}
)


#: Openers that all say "at the time of" (review s37 H9: "fired as the men ran" and "did
#: not fire when the men ran" tell one occasion). Not "while" (also concessive).
_SAME_TIME: Final = {"whenever": "when", "as": "when"}


def _occasions(predicate: Token) -> frozenset[tuple[str, str]]:
    """The predicate's limiting clauses as (opening word, clause verb)."""
    found = set()
    for c in predicate.children:
        if c.dep_ != "advcl":
            continue
        first = min(c.subtree, key=lambda t: t.i)
        # A clause with its own subject ("when he was taken"): "while armed" tells a
        # state of the doer, not an occasion (seen on ECB+, a true contradiction).
        subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in c.children)
        if first.lower_ in _OCCASION_WORDS and first.i < c.i and subject:
            found.add((_SAME_TIME.get(first.lower_, first.lower_), lemma_of(c)))
    return frozenset(found)


def other_occasion(denial: Clause, assertion: Clause) -> bool:
    """Guard 5g: a denial limited by a 'when ...' clause pairs only with an assertion
    limited the same way (the assertion may carry more limits)."""
    return not _occasions(denial.predicate) <= _occasions(assertion.predicate)


def other_particle(denial: Clause, assertion: Clause) -> bool:
    """Guard 5j: a verb with a particle is another verb ("never went down" denies
    nothing of "has gone 4-2-1", seen on ECB+)."""
    return _particles(denial.predicate) != _particles(assertion.predicate)


#: Particle words the parser may label an adverb after the verb instead ("stepped down"
#: tags 'down' advmod, "did not step down" prt: review s37 H8, one verb both times).
_PARTICLE_WORDS: Final = frozenset({"down", "up", "out", "off", "in", "away", "back", "over", "on"})


def _particles(predicate: Token) -> frozenset[str]:
    return frozenset(
        c.lower_
        for c in predicate.children
        if c.dep_ == "prt"
        or (c.dep_ == "advmod" and c.lower_ in _PARTICLE_WORDS and c.i > predicate.i)
    )


def under_denial(token: Token) -> bool:
    """Whether the token is the complement of a negated verb, so not asserted: "I didn't
    feel we were running the system" says what "I feel we weren't running it" says (a
    rendering moves the 'not' up to 'feel', seen on ECB+), and "did not say she left"
    asserts no leaving. The verb's negation is :func:`~newsprism.reconcile.clauses.
    is_negated`'s: "not only said that ..." denies nothing, "No one said ..." and
    "was not sure that ..." do (a hand-written test of 'not' on the verb read all three
    the other way)."""
    while token.dep_ in ("ccomp", "xcomp") and token.head is not token:
        token = token.head
        if is_negated(token):
            return True
    return False


#: Determiners that point back to a thing named before the sentence ("that facility")
#: and ones that bring in a new one ("a New York facility"): one outlet's "prosecutors
#: have not approved that facility" and another's "a facility that was approved by
#: prosecutors" may be two facilities (seen on ECB+).
_POINTING: Final = frozenset({"that", "this", "these", "those"})
_NEW: Final = frozenset({"a", "an"})
#: Personal pronouns standing for a person as the thing done to.
_PERSONS: Final = frozenset({"he", "she", "him", "her", "they", "them"})


def _patients(predicate: Token) -> list[Token]:
    """What the predicate is done to: its object or passive subject, or the noun a
    relative or participle clause hangs on ("a facility that was approved")."""
    found = [
        c
        for c in predicate.children
        if c.dep_ in ("dobj", "nsubjpass") and c.tag_ not in ("WDT", "WP")
    ]
    if predicate.dep_ in ("relcl", "acl") and predicate.head.pos_ in ("NOUN", "PROPN"):
        found.append(predicate.head)
    return found


def _determiners(token: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in token.children if c.dep_ == "det")


def _of_someone(token: Token) -> bool:
    """A thing told as someone's ("results of his test", "Varga's results")."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children
    )


def _person(token: Token, clause: Clause, material: StoryMaterial) -> bool:
    """A personal pronoun, or a proper noun inside a person the article's analysis names
    (the reconcile parser has no entity tagger; a town is no person: review s37 H9,
    "evacuated residents of Kelmar" / "did not evacuate Kelmar"). Without an analysis
    any proper noun counts, as before."""
    if token.lower_ in _PERSONS:
        return True
    if token.pos_ != "PROPN":
        return False
    analysis = material.analysis(clause.sentence.article)
    if analysis is None:
        return True
    at = clause.sentence.start + token.idx
    return any(
        m.start <= at < m.end for e in analysis.entities if e.type == "PERSON" for m in e.mentions
    )


def other_thing(denial: Clause, assertion: Clause, material: StoryMaterial) -> bool:
    """Guard 5h: the two clauses are done to different things. One side's thing is
    pointed back to ("that facility") and the other's newly brought in ("a facility");
    or one side's is a person and the other's a thing of someone ("he was released on
    bail" / "results of his test have not been released", seen on ECB+)."""
    for mine in _patients(denial.predicate):
        for theirs in _patients(assertion.predicate):
            pair = (_determiners(mine), _determiners(theirs))
            if lemma_of(mine) == lemma_of(theirs) and any(
                a & _POINTING and b & _NEW for a, b in (pair, pair[::-1])
            ):
                return True
            if (_person(mine, denial, material) and _of_someone(theirs)) or (
                _person(theirs, assertion, material) and _of_someone(mine)
            ):
                return True
    return False


#: Adjectives that stress a denial rather than narrow it ("not a single shot").
_EMPHATIC: Final = frozenset({"single", "lone", "solitary", "one", "any", "other"})


def _kinds(token: Token) -> frozenset[str]:
    return frozenset(
        lemma_of(c) for c in token.children if c.dep_ == "amod" and c.lower_ not in _EMPHATIC
    )


def narrower_thing(denial: Clause, assertion: Clause) -> bool:
    """Guard 5i: the denial is of a kind of thing the assertion names bare: "did not land
    a clean punch" denies nothing of "landed one punch" (seen on ECB+); "did not land a
    punch" still denies "landed a clean punch", and two descriptions of one thing
    ("had not received the official text" / "had received the revised text") still
    clash."""
    return any(
        _kinds(mine) and not _kinds(theirs)
        for mine in _patients(denial.predicate)
        for theirs in _patients(assertion.predicate)
        if lemma_of(mine) == lemma_of(theirs)
    )


#: A 'not' on a verb of opinion is read in its complement ("I don't think he came" says
#: "I think he didn't come"): these are the neg-raising verbs, with their forms.
_OPINION: Final = {
    "feel": "feel|feels|felt",
    "think": "think|thinks|thought",
    "believe": "believe|believes|believed",
    "expect": "expect|expects|expected",
    "suppose": "suppose|supposes|supposed",
}
_RAISED: Final = re.compile(
    rf"\b(?:do|does|did)\s*(?:n['’]t|not)\s+({'|'.join(_OPINION)})\b", re.IGNORECASE
)
#: A negated auxiliary, the 'not' of a clause ("we weren't", "he did not").
_LOWER_NOT: Final = (
    r"(?:is|are|was|were|do|does|did|has|have|had|will|would|could|can)\s*(?:n['’]t|not)\b"
)


#: Text up to the lowered 'not' that stays in the opinion verb's own clause: no clause
#: break (punctuation, a coordinating conjunction) between them, so a 'not' of another
#: clause ("I think the dam will hold, and the council was not told") is no 'not' moved
#: down (review s37 H12: that pair is a true contradiction with "I don't think ...").
_SAME_CLAUSE: Final = r"(?:(?![,;:.!?\u2013\u2014]|\b(?:and|but|or|yet|so|because)\b).)*?"


def raised_negation(one: str, other: str) -> bool:
    """Whether one rendering of a quote denies by a 'not' moved up to a verb of opinion
    and the other keeps the verb and puts the 'not' in its clause, so both say the same
    ("I didn't feel we were executing it" / "I feel we weren't executing it", seen on
    ECB+). "I don't think he came" against "I think he came" still differs."""
    for a, b in ((one, other), (other, one)):
        raised = _RAISED.search(a)
        if raised is None:
            continue
        forms = _OPINION[raised.group(1).casefold()]
        if re.search(rf"\b(?:{forms})\b{_SAME_CLAUSE}\b{_LOWER_NOT}", b, re.IGNORECASE):
            return True
    return False
