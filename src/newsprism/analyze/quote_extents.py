"""What a reporting verb reports where the parser did not hang it on the verb as a
complement clause: a complement read as a relative clause ("said at the time that
…"), a request's or an apology's phrase ("called for armed guards", "urged Congress to
act"), a cue set off by commas inside the clause it reports ("The real trouble, she
said, is …"), the clause's subject fronted before the cue; and a clause of time or
cause the parser read as a complement, which reports nothing ("said before he died").

Split out of :mod:`newsprism.analyze.quote_subjects` (who the verb's subject is) for
:mod:`newsprism.analyze.quote_indirect`; tested in ``tests/test_quotes_attribution_misses.py``
and ``tests/test_reported_speech.py``.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from newsprism.analyze.quote_marks import QuotedDoc
from newsprism.analyze.quote_subjects import inverted_speaker

__all__ = [
    "bracketing_clause",
    "circumstance_clause",
    "fronted_topic",
    "relative_read_clause",
    "requested_extent",
]

# What "that" is inside a true relative clause ("a meeting that lasted", "the plan that
# she signed"); as a complementiser the parser calls it advmod or mark.
_RELATIVE_ROLES: Final = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
# Subordinators that open a clause of circumstance, never a reported one.
_CIRCUMSTANCE: Final = frozenset(
    {"before", "after", "until", "since", "because", "while", "although", "though", "unless"}
)
# Speech acts whose content is the phrase after "for" ("called for armed guards",
# "apologized for the remarks", "asked for a recount") ...
_FOR_VERBS: Final = frozenset({"call", "apologize", "apologise", "ask", "plead"})
# ... or the object, with its infinitive ("urged Congress to act", "demanded his
# resignation").
_OBJECT_VERBS: Final = frozenset({"urge", "demand"})


def relative_read_clause(verb: Token) -> tuple[int, int] | None:
    """``said at the time that Sarnow would seek …``: the clause the verb reports, read by
    the parser as a relative clause of a noun in the verb's own modifier ("at the
    time", "in a statement", "on Monday"). Token range ``(first, last)`` after "that",
    or None. Only when "that" has no role inside the clause a relative pronoun would
    have (subject or object: "a meeting that lasted hours", "a letter that he signed")
    and the clause has a subject of its own."""
    for modifier in verb.children:
        if modifier.dep_ == "prep":
            nouns = [c for c in modifier.children if c.dep_ == "pobj"]
        elif modifier.dep_ in ("npadvmod", "tmod"):
            nouns = [modifier]
        else:
            continue
        for noun in nouns:
            found = _that_clause(noun)
            if found is not None:
                return found
    return None


def _that_clause(noun: Token) -> tuple[int, int] | None:
    for clause in noun.children:
        if clause.dep_ not in ("relcl", "acl") or clause.i < noun.i:
            continue
        that = clause.left_edge
        if that.lower_ != "that" or that.i != noun.i + 1 or that.dep_ in _RELATIVE_ROLES:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children):
            return that.i + 1, clause.right_edge.i + 1
    return None


def requested_extent(verb: Token) -> tuple[int, int] | None:
    """Token range ``(first, last)`` of what a request or an apology asks or apologises
    for, when it is a phrase rather than a reported clause: after "for" right behind
    ``call``, ``apologize``, ``ask``, ``plead``, a day between them aside ("pleaded
    Friday for a delay"; the parser reads "for" as a preposition or as the mark of an
    infinitive clause: "called for officers to be installed"); the object and its
    infinitive after ``urge`` and ``demand``. None otherwise ("called him a liar",
    "asked him about it")."""
    lemma = verb.lemma_.lower()
    if lemma in _FOR_VERBS:
        return _for_phrase(verb)
    if lemma not in _OBJECT_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects:
        return None
    tails = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > objects[0].i]
    last = max([objects[0].right_edge.i, *(c.right_edge.i for c in tails)])
    return objects[0].left_edge.i, last + 1


def _for_phrase(verb: Token) -> tuple[int, int] | None:
    after = _after_time(verb)
    if after is None or after.lower_ != "for":
        return None
    if after.dep_ == "prep" and after.head.i == verb.i:
        return after.i + 1, after.right_edge.i + 1
    clause = after.head
    if after.dep_ == "mark" and clause.head.i == verb.i and clause.dep_ == "advcl":
        return after.i + 1, clause.right_edge.i + 1
    return None


def _after_time(verb: Token) -> Token | None:
    """The word after ``verb`` and the day or adverb the verb carries right behind it
    ("pleaded Friday for a delay", "called Tuesday for a ban")."""
    doc = verb.doc
    at = verb.i + 1
    while at < len(doc) and doc[at].head.i == verb.i and _time_word(doc[at]):
        at += 1
    return doc[at] if at < len(doc) else None


def _time_word(token: Token) -> bool:
    if token.dep_ == "npadvmod":
        return token.ent_type_ in ("DATE", "TIME")
    return token.dep_ == "advmod" and token.pos_ == "ADV"


def circumstance_clause(clause: Token) -> bool:
    """A clause the parser calls a complement though a subordinator of time or cause
    opens it ("said before he died"): when or why it was said, not what."""
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _CIRCUMSTANCE and c.i == clause.left_edge.i
        for c in clause.children
    )


def fronted_topic(ctx: QuotedDoc, verb: Token) -> Token | None:
    """``Progressivism, he told the conference, is a cancer``: the clause's subject
    written before the cue, which the parser hangs on the verb as an adverbial noun; it
    opens the sentence and a comma parts it from the verb's subject. Read as the verb's
    subject only under an inverted cue ("Her remarks, said Mara Lind, are …": see
    :func:`inverted_speaker`)."""
    inverted = inverted_speaker(ctx, verb) is not None
    roles = ("npadvmod", "dep", "nsubj") if inverted else ("npadvmod", "dep")
    for child in verb.lefts:
        if (
            child.dep_ in roles
            and child.pos_ in ("NOUN", "PROPN")
            and (child.dep_ != "nsubj" or child.pos_ == "NOUN")
            and child.ent_type_ not in ("DATE", "TIME")
            and child.left_edge.i == verb.sent.start
            and child.right_edge.i < verb.i
            and "," in (child.right_edge.text, child.doc[child.right_edge.i + 1].text)
        ):
            return child
    return None


def bracketing_clause(ctx: QuotedDoc, verb: Token) -> tuple[int, int] | None:
    """``The real trouble, she said, is the ferry timetable``: a cue set off by commas inside
    the clause it reports, which the parser reads as that clause's parataxis. The
    clause's whole extent (the cue inside it: a quote is one span); not when the words
    around the cue are all quoted (``"My hope," he said, "is …"``: a split quote)."""
    head = verb.head
    doc = verb.doc
    # The commas around the cue, whether the parser gave them to it or not.
    before = verb.left_edge.i if doc[verb.left_edge.i].text == "," else verb.left_edge.i - 1
    after = verb.right_edge.i if doc[verb.right_edge.i].text == "," else verb.right_edge.i + 1
    if verb.dep_ != "parataxis" or head.i == verb.i or not head.i > after:
        return None
    if before < 1 or after >= len(doc) or doc[before].text != "," or doc[after].text != ",":
        return None
    if head.pos_ not in ("VERB", "AUX") or head.left_edge.i >= before:
        return None  # nothing of the clause before the cue: not set inside it
    around = [*doc[head.left_edge.i : before], *doc[after + 1 : head.right_edge.i + 1]]
    if all(ctx.quoted[t.i] for t in around if t.is_alpha):
        return None
    return head.left_edge.i, head.right_edge.i + 1
