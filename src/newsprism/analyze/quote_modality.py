"""Speech verbs that report no words said: a question, a conditional, or a modal of
possibility, ability or duty over the verb.

"Would Holt call the levy a tax?", "Holt could call the levy a tax, but she has not",
"Will the mayor say the port is safe?", "She might say no", "The minister should say
that the port is safe": each puts a speech verb over words, but no one said them, and a
reader that takes the clause (or the name, or the object) as the subject's statement
credits the subject with words never spoken (review s40 r3 M8). :func:`unasserted` says
so for the verb that carries the words; ``quote_indirect`` then reads nothing from it.

Read as not said:

* a modal of possibility, ability, permission or duty on the verb: can / could / may /
  might / must / should / ought ("she might say no", "Holt may have told the crew that
  ...": a guess at a report is not one);
* "would" with a condition ("If asked, Holt would say that ...", "She'd say the port is
  safe if asked") or a counterfactual perfect ("Holt would have said that ...");
* a question that does not presuppose the act: inverted, ending in "?" ("Did the mayor
  say ...?", "Will the mayor say ...?", "When will Holt say ...?"). A wh-question over a
  past or perfect act ("Why did Holt say the port was safe?") takes the saying as given:
  kept.

Kept (said, or to be said as written): a first person's modal over their own words, a
hedged saying ("I can tell you that ...", "We can confirm that ...", "I would argue that
..."); "would" in narration, the future in the past ("he
would say later that the port was safe": a report of what he went on to say); "will"
and "shall" ("She will say on Friday that the port is safe"): news writes a prepared
speech's released text so ("the president will say tonight that ..."), and other outlets
render the same words as said; a modal inside the reported clause ("said the port could
close") is the clause's own, not the verb's.

A bare verb joined to a modal one ("Holt might resign and say that ...") shares its
modal; the chain of complements above the verb is climbed ("could try to call it a tax",
"might want to say"), as far as ``quote_indirect._refused`` climbs.

Cost: a look at the verb's children and a few heads above it, per cue verb.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

logger = logging.getLogger(__name__)

__all__ = ["unasserted"]

# Modals of possibility, ability, permission or duty: nothing said (module doc).
_NOT_SAID: Final = frozenset({"can", "could", "may", "might", "must", "should", "ought"})
# Speakers whose modal over their own speech verb is a hedged saying, not a guess at one:
# "I can tell you that ...", "we can confirm that ...", "I must say ...", "I would argue
# that ..." (found in two texts of the shared sets' 1,087 read, neither in a gold file).
_FIRST_PERSON: Final = frozenset({"i", "we"})
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
        if _first_person(carrier):
            return False  # "I can tell you that ...", "we can confirm that ...": said
        modals = [c for c in carrier.children if c.dep_ == "aux" and c.tag_ == "MD"]
        if any(m.lemma_.lower() in _NOT_SAID for m in modals):
            return True
        if any(m.lemma_.lower() == "would" for m in modals) and _hypothetical(carrier):
            return True
    return False


def _first_person(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in _FIRST_PERSON for c in verb.children)


def _carriers(verb: Token) -> list[Token]:
    """The verb, the bare verb it is joined to ("might resign and say") and the verbs
    whose complement it is ("could try to call"), nearest first."""
    found = [verb]
    token = verb
    for _ in range(3):
        joined = token.dep_ == "conj" and token.tag_ == "VB" and token.head.pos_ in ("VERB", "AUX")
        completes = token.dep_ == "xcomp" and token.head.i != token.i
        if not (joined or completes):
            break
        token = token.head
        found.append(token)
    return found


def _hypothetical(verb: Token) -> bool:
    """A "would" that is a condition's or a counterfactual's: "would have said", an
    if/unless clause on the verb or on its reported clause when that clause has no modal
    of its own ("She'd say the port is safe if asked")."""
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    heads = [verb] + [
        c
        for c in verb.children
        if c.dep_ == "ccomp" and not any(a.tag_ == "MD" for a in c.children)
    ]
    return any(_conditional(c) for head in heads for c in head.children)


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
