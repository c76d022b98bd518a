"""The one asked is not the asker: a question put to someone is not their statement
(stop 41 quote audit, seed 41107).

"Asked whether the levy would rise, Holt would say only that the budget is balanced"
and "Holt was asked if the ferry would stop": the reader took the subject the cue
finds for "asked" (Holt, the one asked) as the speaker, and stored "the levy would rise"
/ "the ferry would stop" as Holt's words, a claim Holt never made; the question's asker
is not named. A reply could even take the question for its words: in "Asked by the
harbour board if the toll should stay, most drivers answered no" the reply's only
clause is the question. So:

* a passive or a participle of asking with no subject of its own ("was asked whether
  ...", "Asked if ..., Holt said", "When asked why ...") reports nothing: the subject
  the cue finds for it is the one asked;
* any other speech verb's extent loses such an "asked ..." participle of its own, the
  question put to the speaker, and keeps what they said past it ("Rask said, when
  asked about the levy, that it would not rise": "it would not rise"), even where the
  parser hung the answer on "asked"; only a reply with nothing left reports nothing.

Kept: the answer after a fronted question ("Asked whether the levy would rise, Holt said
the budget is balanced": Holt's words), and the asker's own question ("Holt asked if the
ferry would stop": the question is Holt's act of speech; PolNeAR annotates it as an
attribution, and dropping it cost PolNeAR dev reported-speech recall 0.692 -> 0.682).
Reconcile is where a question is told from a claim.

Measured: PolNeAR reported-speech recall dev 0.692 -> 0.690, test 0.714 -> 0.708 (the
questions put to the one asked, which PolNeAR annotates with the question's asker,
here credited to the one asked), reported speaker accuracy test 164/171 -> 164/170;
the BASIL and Multi-News dev gold files unchanged.

Cost: a look at the verb's children, and at the extent's tokens for a speech verb.
"""

from __future__ import annotations

import logging
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.quote_asked_asides import set_off_asking

logger = logging.getLogger(__name__)

__all__ = ["answer_extent", "aside_answer"]

# Verbs whose passive subject is the one asked ("was asked", "was queried").
_ASKING: Final = frozenset({"ask", "inquire", "enquire", "query"})


def answer_extent(verb: Token, first: int, last: int) -> tuple[int, int] | None:
    """What ``verb`` reports once a question put to its speaker is cut out of
    ``doc[first:last]``: None when nothing of the speaker's own words is left.

    An "asked ..." aside on a speech verb sits at one edge of its extent ("said, when
    asked about the levy, that it would not rise"); the parser often hangs the answer
    ("that it would not rise") on "asked" itself, so the aside ends at the comma that
    closes it, not at its subtree's edge. What lies past that comma is the answer."""
    if set_off_asking(verb):
        return None  # "The mayor, asked whether ..., said": a question put to the mayor
    if verb.lemma_.lower() in _ASKING:
        return None if _asked_one_is_subject(verb) else (first, last)
    for token in verb.doc[first:last]:
        if not _asking_aside(token) or not _on_the_extent(token, verb, first, last):
            continue
        if token.left_edge.i > first:
            last = min(last, token.left_edge.i)  # the aside closes the extent
        else:
            first = max(first, _aside_end(token) + 1)
    kept = verb.doc[first:last]
    if not any(t.is_alpha and t.dep_ not in ("mark", "cc") for t in kept):
        return None
    return first, last


def aside_answer(verb: Token) -> tuple[int, int] | None:
    """The answer a speech verb reports past an "asked ..." aside of its own, where the
    parser hung it on "asked" ("Rask replied, when asked if the levy would rise, that it
    would not": "that it would not" is a clause of "asked" after the aside's comma), as a
    token range; None when there is no such aside or nothing follows it."""
    if verb.lemma_.lower() in _ASKING:
        return None
    for asked in verb.children:
        if asked.i < verb.i or not _asking_aside(asked):
            continue
        end = _aside_end(asked)
        answers = [c for c in asked.children if c.dep_ == "ccomp" and c.i > end]
        if answers:
            return answers[0].left_edge.i, answers[-1].right_edge.i + 1
    return None


def _on_the_extent(asked: Token, verb: Token, first: int, last: int) -> bool:
    """Whether an "asked ..." aside hangs on the speech verb, or opens or closes the
    extent on the reported clause's own head, where the parser often hangs it when no
    "that" follows ("said, when asked whether the levy would rise, it would not"; review
    s43/2 M3)."""
    if asked.head.i == verb.i:
        return True
    clause = asked.head
    if clause.head.i != verb.i or not first <= clause.i < last:
        return False
    return asked.left_edge.i <= first or asked.right_edge.i >= last - 1


def _asking_aside(token: Token) -> bool:
    """An "asked ..." participle with no subject of its own (:func:`_participle_asking`),
    or a passive "asked" clause under "when"/"after"/"if" whose subject is a pronoun
    ("said, when he was asked whether the ferry would stop, that ..."): the question
    put to the speaker, set off inside what they said (review s43/2 M3).

    Only where it carries the question and commas set it off: a bare "if asked", "unless
    asked to leave", "as asked by the port" or "if he was asked to by the council" is the
    statement's own condition or time ("he would resign if he was asked to"), and cutting
    it stored a conditional pledge as an unconditional one (review s43/g S2)."""
    if _before_that(token):
        return True
    if not (_carries_question(token) and _set_off(token)):
        return False
    if _participle_asking(token):
        return True
    children = list(token.children)
    return (
        token.lemma_.lower() in _ASKING
        and token.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in children)
        and any(c.dep_ == "nsubjpass" and c.tag_ == "PRP" for c in children)
        and any(c.dep_ in ("advmod", "mark") and c.lower_ in _ASIDE_OPENERS for c in children)
    )


def _before_that(asked: Token) -> bool:
    """A passive "asked" clause set off by commas right after the speech verb and right
    before its "that" clause ("said, when asked, that the fare would rise"): an aside
    wherever it holds a question or not, since the statement resumes past it; a
    condition inside what was said ("would resign if asked to") is not so placed
    (review s43i S8)."""
    if asked.lemma_.lower() not in _ASKING or asked.tag_ != "VBN":
        return False
    if any(c.dep_ == "nsubj" for c in asked.children):
        return False  # "when she asked, that ...": her own asking
    doc = asked.doc
    start, end = asked.left_edge.i, _aside_end(asked)
    if start < 2 or doc[start - 1].text != "," or not doc[start - 2].tag_.startswith("VB"):
        return False
    return doc[end].text == "," and end + 1 < len(doc) and doc[end + 1].lower_ == "that"


# Words that open a passive "asked" clause set off as an aside ("when he was asked").
_ASIDE_OPENERS: Final = frozenset({"when", "after", "if", "once", "as", "while"})

# Words that open the question an "asked" clause carries ("asked whether/if/why ...").
_QUESTION_OPENERS: Final = frozenset(
    {"whether", "if", "why", "what", "how", "when", "where", "who", "whom", "which"}
)
# Prepositions that carry the matter asked about ("asked about the levy").
_ASKED_ABOUT: Final = frozenset({"about", "on", "over", "regarding"})


def _carries_question(asked: Token) -> bool:
    """Whether an "asked" clause holds the question put ("asked whether the levy would
    rise", "asked why ...", "asked about the levy") before the comma that closes it, not
    only a request ("asked to leave") or its asker ("asked by the port")."""
    end = _aside_end(asked)
    for child in asked.children:
        if child.i <= asked.i or child.i > end:
            continue
        if child.dep_ in ("ccomp", "advcl", "xcomp") and (
            child.left_edge.lower_ in _QUESTION_OPENERS
        ):
            return True
        about = child.dep_ == "prep" and child.lower_ in _ASKED_ABOUT
        if about and any(c.dep_ == "pobj" for c in child.children):
            return True
    return False


def _set_off(asked: Token) -> bool:
    """Whether a comma sets the "asked" clause off from the words around it: just before
    its first word or just past its end ("said, when asked ..., that"; "..., when asked
    about the levy.")."""
    doc = asked.doc
    start = asked.left_edge.i
    end = _aside_end(asked)
    before = start > 0 and doc[start - 1].text == ","
    return before or doc[end].text == "," or (end + 1 < len(doc) and doc[end + 1].text == ",")


def _aside_end(asked: Token) -> int:
    """The last token of an "asked ..." aside: the comma that closes it ("when asked
    about the levy,"), else the end of its subtree."""
    comma = next(
        (c for c in asked.children if c.dep_ == "punct" and c.i > asked.i and c.text == ","),
        None,
    )
    return comma.i if comma is not None else asked.right_edge.i


def _asked_one_is_subject(verb: Token) -> bool:
    """A passive ("Holt was asked whether ...") or a fronted participle with no subject
    of its own ("Asked if ..., Holt said"): the subject the cue finds is the one asked."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return _participle_asking(verb)


def _participle_asking(token: Token) -> bool:
    """An "asked ..." participle with no subject of its own, on a clause ("Asked if
    ..., Holt said") or on the one asked ("the official asked about the levy said").
    A perfect has its subject ("Holt has asked whether ...")."""
    return (
        token.lemma_.lower() in _ASKING
        and token.tag_ == "VBN"
        and token.dep_ in ("advcl", "ccomp", "csubj", "acl")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )
