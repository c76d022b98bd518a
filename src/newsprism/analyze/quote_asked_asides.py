"""An "asked ..." aside set off by commas between a subject and its verb: "The mayor,
asked whether the bridge would reopen, said it would open in May" (stop 42 quote audit,
seed 42117: "X, asked whether ..., said" parsed as a finite verb).

The parser often reads such an aside's participle as the sentence's finite verb, with
the subject ("The mayor") as its own: the question put to the mayor was then stored as
the mayor's words and the answer ("it would open in May"), on a verb left without a
subject, was lost; or, where the parser hung the aside on the main verb, the question
was still credited to the one asked ("Lena Voss, asked if she would run again, said
she had not decided"). So an "asked" is such an aside when

* a comma comes right before it and the word before that comma ends the subject (of
  "asked" as parsed, or of the main verb), and
* a later comma of the sentence is followed by a finite verb (the main verb) that has no
  subject after that comma of its own ("..., said it would", "..., declined to answer";
  not "..., said a spokesman": that verb has its own subject, so "asked" is a finite
  verb whose question is its subject's), and
* that main verb answers the question: a verb of saying (quote_cues.CUE_VERBS) or of
  declining to ("declined", "refused", "shrugged"). "Voss, a senator, asked whether the
  bridge would reopen, then left the hall": leaving is the subject's next deed, so
  "asked" is her own finite verb and the question hers (review s43f S6).

The aside then reports nothing (the one asked did not say the question), and the main
verb's subject is the aside's. Kept as they were: "Voss, a senator, asked whether the
bridge would reopen" (no main verb after it: Voss asked), "Voss asked whether ..., said
a spokesman", "Asked whether ..., Voss said" and "Voss said, when asked ..., that"
(quote_questions handles those).

Cost: a scan of the sentence's tokens after an "asked" preceded by a comma.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

logger = logging.getLogger(__name__)

__all__ = ["aside_main_verb", "aside_subject", "set_off_asking"]

# Verbs whose participle set off by commas is a question put to the subject.
_ASKING: Final = frozenset({"ask", "inquire", "enquire", "query", "question", "press"})
# Finite tags a main verb after the aside has.
_FINITE: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
# Parts of speech that may stand between the aside's closing comma and the main verb
# ("..., later said", "..., also said").
_SKIPPED_POS: Final = frozenset({"ADV"})
# Verbs by which the one asked answers without saying anything quotable ("..., declined
# to answer", "..., shrugged").
_NOT_ANSWERING: Final = frozenset(
    {"decline", "refuse", "shrug", "demur", "hesitate", "pause", "smile", "laugh", "nod"}
)


def set_off_asking(token: Token) -> bool:
    """Whether ``token`` is the participle of an "asked ..." aside between a subject and
    its main verb (see the module doc)."""
    return aside_main_verb(token) is not None


def aside_main_verb(token: Token) -> Token | None:
    """The main verb after an "asked ..." aside opened by ``token``, or None when
    ``token`` opens no such aside."""
    if token.lemma_.lower() not in _ASKING or token.tag_ not in ("VBD", "VBN"):
        return None
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != ",":
        return None
    main = _main_after(token)
    if main is None:
        return None
    # the subject ends right before the comma (the parser may hang the comma on it)
    ends = (token.i - 2, token.i - 1)
    subjects = [c for c in (*token.children, *main.children) if c.dep_ in _SUBJECTS]
    found = [s for s in subjects if s.i < token.i and s.right_edge.i in ends]
    if not found:
        return None
    # After an apposition ("Voss, a senator, asked ..., then left") "asked" may be the
    # subject's own finite verb, so only an answering main verb makes it an aside; right
    # after the name ("Voss, asked whether ..., then left") it is a participle, a
    # question put to her whatever she did next (review s43h S6 on 7e5b23b).
    if any(c.dep_ == "appos" for s in found for c in s.children) and not _answers(main):
        return None
    return main


def aside_subject(verb: Token) -> Token | None:
    """``The mayor, asked whether ..., said it would``: the subject of a main verb left
    without one of its own, which the parser gave to the aside's participle (read as
    the finite verb above the main verb, or as a clause under it); None otherwise."""
    candidates = [c for c in verb.children if c.i < verb.i]
    if verb.head.i < verb.i:
        candidates.append(verb.head)
    for asked in candidates:
        main = aside_main_verb(asked)
        if main is None or main.i != verb.i:
            continue
        return next((c for c in asked.children if c.dep_ in _SUBJECTS and c.i < asked.i), None)
    return None


def _answers(verb: Token) -> bool:
    """Whether ``verb`` after the aside is the one asked answering: a verb of saying or of
    declining to ("..., said", "..., declined to answer"), not a next deed ("..., left")."""
    # imported here: quote_cues imports quote_subjects, which imports this module
    from newsprism.analyze.quote_cues import CUE_VERBS, INDIRECT_KINDS, cue_lemma

    if verb.lemma_.lower() in _NOT_ANSWERING:
        return True
    return CUE_VERBS.get(cue_lemma(verb)) in INDIRECT_KINDS


def _main_after(token: Token) -> Token | None:
    """The finite verb right after a comma later in ``token``'s sentence with no subject
    of its own after that comma; None when the sentence has none."""
    sentence_end = token.sent.end
    doc = token.doc
    for k in range(token.i + 1, sentence_end - 1):
        if doc[k].text != ",":
            continue
        following = k + 1
        while following < sentence_end - 1 and doc[following].pos_ in _SKIPPED_POS:
            following += 1
        verb = doc[following]
        if verb.tag_ not in _FINITE or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.tag_ == "MD":
            verb = verb.head if verb.head.i > verb.i else verb
        if not any(c.dep_ in _SUBJECTS and c.i > k for c in verb.children):
            return verb
        return None  # "..., said a spokesman": the main verb has its own subject
    return None
