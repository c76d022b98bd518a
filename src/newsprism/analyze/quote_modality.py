"""Speech verbs that report no words said: a question, a conditional, or a modal of
possibility, ability or duty over the verb.

"Would Holt call the levy a tax?", "Holt could call the levy a tax, but she has not",
"Will the mayor say the port is safe?", "She might say no", "The minister should say
that the port is safe": each puts a speech verb over words, but no one said them, and a
reader that takes the clause (or the name, or the object) as the subject's statement
credits the subject with words never spoken (review s40 r3 M8). :func:`unasserted` says
so for the verb that carries the words; ``quote_indirect`` then reads nothing from it.

Read as not said:

* a modal of possibility, ability, permission or duty on the verb: can / may / might /
  must / should / ought ("she might say no", "Holt may have told the crew that ...": a
  guess at a report is not one);
* "could" on the verb only when unrealised: in a question, with a condition or a perfect
  ("could have said"), denied by a "but" clause of the same subject (or none) that names
  the act again or stands an auxiliary for it ("could call it a tax, but she has not";
  not "could confirm X, but did not release their names" nor "..., but the passenger was
  not"), or set ahead ("could announce next week that ...": ``saying_time.looks_ahead``).
  Otherwise it is past ability, an act that happened ("police could only confirm that
  ...", "could confirm that the road will reopen on Monday"). On a verb the
  speech verb completes or is joined to ("could try to call") it counts as before;
* "would" with a condition ("If asked, Holt would say that ...", "She'd say the port is
  safe if asked") or a counterfactual perfect ("Holt would have said that ..."); an "if"
  opening inside the reported clause ("would say later that if the ferry stops, ...") is
  that clause's own, not a condition on "would", and so is any "if" in the reported
  clause of a saying the narration dates ("would say later that the island dies if the
  ferry stops": ``saying_time.dated_in_narration``);
* a question that does not presuppose the act: inverted, ending in "?" ("Did the mayor
  say ...?", "Will the mayor say ...?", "When will Holt say ...?"). A wh-question over a
  past or perfect act ("Why did Holt say the port was safe?") takes the saying as given:
  kept.

Kept (said, or to be said as written): a first person's can/must over their own
speech verb, a hedged saying ("I can tell you that ...", "We can confirm that ...", "I
can assure the crew that ...");
a first person's unconditioned "would" ("I would argue that ..."); "would" in
narration, the future in the past ("he would say later that the port was safe": a
report of what he went on to say); "will" and "shall" ("She will say on Friday that
the port is safe"): news writes a prepared speech's released text so ("the president
will say tonight that ..."), and other outlets render the same words as said; a modal
inside the reported clause ("said the port could close") is the clause's own, not the
verb's.

A bare verb joined to a modal one ("Holt might resign and say that ...") shares its
modal, unless it has a helper of its own or is joined by "but" ("could not name him but
did say that ...", "can't discuss it, but will say that ...": a second act, said);
the chain of complements above the verb is climbed ("could try to call it a tax",
"might want to say"), as far as ``quote_indirect._refused`` climbs.

Cost: a look at the verb's children and a few heads above it, per cue verb.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.saying_time import dated_in_narration, looks_ahead

logger = logging.getLogger(__name__)

__all__ = ["unasserted"]

# Modals of possibility, ability, permission or duty: nothing said (module doc).
# "could" is apart: over the speech verb itself it is as often past ability ("police could
# only confirm that ...": they did), so it counts only when unrealised (_unrealised): a
# condition, a denial of the act, or a time ahead ("could announce next week that ...").
_NOT_SAID: Final = frozenset({"can", "may", "might", "must", "should", "ought"})
# Speakers whose modal over their own speech verb is a hedged saying, not a guess at one:
# "we can confirm that ...", "I can assure the crew that ...", "we must report ...", "I
# would argue that ..." (found in two texts of the shared sets' 1,087 read, neither in a
# gold file).
_FIRST_PERSON: Final = frozenset({"i", "we"})
# The modals of that hedge, over any speech verb; any other ("we could say X, but we will
# not", "we might say ...") is not.
_HEDGES: Final = frozenset({"can", "must"})
# Words that stand for the speech verb in a "but" clause denying it ("..., but she has
# not", "but we will not", "but did not"). Never "be": a speech act is no state, so "but
# she was not" stands for the reported clause ("could confirm that her husband was hurt,
# but she was not": the words' own contrast; review s43/2 S5).
_STAND_INS: Final = frozenset(
    {"have", "do", "will", "would", "shall", "can", "could", "may", "might", "must",
     "should"}
)  # fmt: skip
# Objects of a repeated speech verb that point back at the first act ("did not say so").
_BACK_REFS: Final = frozenset({"so", "that", "this", "one"})
# Marks of a condition on a "would" ("if asked", "unless pressed").
_CONDITIONS: Final = frozenset({"if", "unless"})
# Wh-words that open a question which may take its act as given ("Why did she say ...?").
_WH_TAGS: Final = frozenset({"WRB", "WP", "WDT", "WP$"})
# Question marks a sentence may end on before closing quotes or brackets.
_CLOSERS: Final = frozenset({'"', "'", "\u201d", "\u2019", ")", "]"})


def unasserted(verb: Token) -> bool:
    """Whether the speech verb ``verb`` reports no words said (module doc)."""
    for carrier in _carriers(verb):
        if _question(carrier):
            return True
        modals = {c.lemma_.lower() for c in carrier.children if c.dep_ == "aux" and c.tag_ == "MD"}
        if _hedged_first_person(carrier, modals):
            return False  # "I can tell you that ...", "we can confirm that ...": said
        if modals & _NOT_SAID:
            return True
        if "could" in modals and (carrier.i != verb.i or _unrealised(carrier)):
            return True
        if "would" in modals and _hypothetical(carrier):
            return True
    return False


def _hedged_first_person(verb: Token, modals: set[str]) -> bool:
    """A hedge over words said now ("we can confirm that ...", "I can assure the crew
    that ..."). Only can/must: "we could say X, but we will not" says nothing."""
    first = any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in verb.children)
    return first and bool(modals) and modals <= _HEDGES


def _unrealised(verb: Token) -> bool:
    """A "could" over the speech verb itself that is a possibility, not past ability: a
    condition or perfect ("could have said", "could say so if asked"), a contrast that
    denies the act ("could call it a tax, but she has not") or a time ahead ("could
    announce next week that ...")."""
    return _hypothetical(verb) or _denied_after(verb) or looks_ahead(verb)


def _denied_after(verb: Token) -> bool:
    """A "but" clause after the verb that denies the act itself: the speech verb again,
    negated, on the same matter ("but she did not call it one"), or an auxiliary standing
    for it ("..., but she has not", "but we will not"), with the verb's own subject or
    none. A denial of another deed ("could confirm X, but did not release their names"),
    of the same verb on another matter ("but did not confirm their names") or of another
    subject ("could confirm the driver was hurt, but the passenger was not": the reported
    words' own contrast) leaves the act said (review s42/4 S5)."""
    after = [t for t in verb.sent if t.i > verb.i]
    but = next((t for t in after if t.dep_ == "cc" and t.lower_ == "but"), None)
    if but is None:
        return False
    return any(t.dep_ == "neg" and t.i > but.i and _denies_the_act(t, verb) for t in after)


def _denies_the_act(neg: Token, verb: Token) -> bool:
    clause = neg.head
    if clause.lemma_ == verb.lemma_:
        return _same_subject(clause, verb) and not _own_matter(clause)
    return _elided(neg) and _same_subject(clause, verb)


def _same_subject(clause: Token, verb: Token) -> bool:
    """The denying clause's subject is the speech verb's: none (shared), a personal
    pronoun other than "it" (taken as the speaker again), or the same head word."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return True
    subject = subjects[0]
    if subject.tag_ == "PRP" and subject.lower_ != "it":
        return True
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(own) and own[0].lower_ == subject.lower_


def _own_matter(clause: Token) -> bool:
    """The repeated speech verb has an object or clause of its own, not a pronoun for the
    first act's ("did not confirm their names", not "did not call it one")."""
    return any(
        c.dep_ in ("dobj", "ccomp") and c.tag_ != "PRP" and c.lower_ not in _BACK_REFS
        for c in clause.children
    )


def _elided(neg: Token) -> bool:
    """A negation after an auxiliary that ends its clause: the act left out ("she has
    not.", "we will not,", "she has not yet")."""
    doc = neg.doc
    if neg.i == 0 or doc[neg.i - 1].lemma_.lower() not in _STAND_INS:
        return False
    for token in doc[neg.i + 1 : neg.sent.end]:
        if token.is_punct:
            return True
        if token.pos_ != "ADV":
            return False
    return True


def _carriers(verb: Token) -> list[Token]:
    """The verb, the bare verb it is joined to ("might resign and say") and the verbs
    whose complement it is ("could try to call"), nearest first. A joined verb with a
    helper of its own ("could not name him but did say ...") or joined by "but" ("can't
    discuss it, but will say ...") does not share the first verb's modal."""
    found = [verb]
    token = verb
    for _ in range(3):
        joined = token.dep_ == "conj" and token.tag_ == "VB" and token.head.pos_ in ("VERB", "AUX")
        completes = token.dep_ == "xcomp" and token.head.i != token.i
        if joined and _own_clause(token):
            break
        if not (joined or completes):
            break
        token = token.head
        found.append(token)
    return found


def _own_clause(conj: Token) -> bool:
    """A joined verb with its own helper, or joined to its head by "but"."""
    if any(c.dep_ in ("aux", "auxpass") for c in conj.children):
        return True
    lo, hi = sorted((conj.head.i, conj.i))
    return any(
        c.dep_ == "cc" and c.lower_ == "but" and lo < c.i < hi
        for c in list(conj.head.children) + list(conj.children)
    )


def _hypothetical(verb: Token) -> bool:
    """A "would" that is a condition's or a counterfactual's: "would have said", an
    if/unless clause on the verb or on its reported clause when that clause has no modal
    of its own ("She'd say the port is safe if asked")."""
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    if any(_conditional(c) for c in verb.children):
        return True
    if dated_in_narration(verb):
        return False  # "would say later that the island dies if ...": the words' own "if"
    # An if-clause the parser hangs on the reported clause counts only after that clause's
    # verb ("say the levy is a tax if asked"); one before it is the clause's own ("say
    # that if the ferry stops, the island dies").
    reported = [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and not any(a.tag_ == "MD" for a in c.children)
    ]
    return any(_conditional(c) and c.i > head.i for head in reported for c in head.children)


def _conditional(token: Token) -> bool:
    return token.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in token.children
    )


def _question(verb: Token) -> bool:
    """An inverted question ending in "?" whose act is not taken as given (module doc)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not subjects or not auxes or auxes[0].i > subjects[0].i:
        return False
    if not _ends_in_question(verb):
        return False
    sentence = verb.sent
    opener = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    presupposed = auxes[0].lemma_.lower() in ("do", "have") and auxes[0].tag_ != "MD"
    return not (opener is not None and opener.tag_ in _WH_TAGS and presupposed)


def _ends_in_question(verb: Token) -> bool:
    for token in reversed(verb.sent):
        if token.is_space or token.text in _CLOSERS:
            continue
        return token.text == "?"
    return False
