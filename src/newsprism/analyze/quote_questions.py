"""The one asked is not the asker: a question put to someone is not their statement
(stop 41 quote audit, seed 41107).

"Asked whether the levy would rise, Holt would say only that the budget is balanced"
and "Holt was asked if the ferry would stop": the reader took the subject the cue
finds for "asked" (Holt, the one asked) as the speaker, and stored "the levy would rise"
/ "the ferry would stop" as Holt's words, a claim Holt never made; the question's asker
is not named. A reply could even take the question for its words: in "Asked whether the
pier should close, 58 percent responded no" the reply's only clause is the question.
So:

* a passive or a participle of asking with no subject of its own ("was asked whether
  ...", "Asked if ..., Holt said", "When asked why ...") reports nothing: the subject
  the cue finds for it is the one asked;
* any other speech verb's extent that holds such an "asked ..." participle of its own
  is the question put to the speaker, not what they said.

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

logger = logging.getLogger(__name__)

__all__ = ["put_question"]

# Verbs whose passive subject is the one asked ("was asked", "was queried").
_ASKING: Final = frozenset({"ask", "inquire", "enquire", "query"})


def put_question(verb: Token, first: int, last: int) -> bool:
    """Whether ``doc[first:last]``, the extent ``verb`` reports, is a question put to
    the speaker the cue finds rather than words they said (module doc)."""
    if verb.lemma_.lower() in _ASKING:
        return _asked_one_is_subject(verb)
    return any(_participle_asking(t) for t in verb.doc[first:last] if t.head.i == verb.i)


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
