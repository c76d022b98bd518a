"""Who a pronoun speaker takes up: the nearest earlier speaker or named subject whose
gender fits, and the look-backs that decide it (the nearest subject describing a
person, whether a speaker or a name lies between, whether a name is a clause's
subject). Split out of :mod:`newsprism.analyze.speaker_resolution`, whose module doc
states the rules; tested in ``tests/test_quotes_speakers*.py`` and
``tests/test_speaker_scale.py`` (nearest first: a pronoun late in a long transcript
stops at the first fitting subject).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.speaker_doc import SpeakerDoc
from newsprism.analyze.speaker_evidence import body_name, modifier_mention
from newsprism.analyze.speakers import Gender

__all__ = [
    "PRONOUN_SENTENCES",
    "antecedent",
    "is_subject",
    "name_head",
    "named_between",
    "nearest_subject",
    "people_outside_quotes",
    "people_outside_quotes_at",
    "spoken_between",
]


# Sentences before a pronoun's own in which a subject describing a person unnamed
# ("The shift foreman disagreed.") takes the pronoun: the one before and the one before
# that, as the brief of this rule put it (set by reading, not fitted).
PRONOUN_SENTENCES: Final = 2


_MAX_NAME_WORDS: Final = 4


def spoken_between(
    ctx: SpeakerDoc, spoken: Sequence[tuple[int, str]], start: int, end: int
) -> bool:
    """Whether a speaker of ``spoken`` is placed in ``[start, end)``."""
    rows = ctx.spoken_before(spoken, end)
    return bool(rows) and rows[-1][0] >= start


def named_between(ctx: SpeakerDoc, start: int, end: int) -> bool:
    """Whether a person is named outside quotes in ``[start, end)``."""
    people = ctx.names.people_before(end)
    for _, at in people[bisect_left(people, start, key=itemgetter(1)) :]:
        token = ctx.token_at(at)
        if token is not None and not ctx.quoted[token.i]:
            return True
    return False


def nearest_subject(ctx: SpeakerDoc, pronoun: Token) -> Token | None:
    """The nearest subject before ``pronoun`` outside quotes, in its paragraph and at
    most :data:`PRONOUN_SENTENCES` sentences back, that is a noun or a name (pronouns
    and the subjects of reported clauses passed over, as :func:`is_subject` does)."""
    first = pronoun.sent.start
    for _ in range(PRONOUN_SENTENCES):
        if first == 0:
            break
        first = ctx.doc[first - 1].sent.start
    for token in reversed(ctx.doc[first : pronoun.i]):
        if ctx.quoted[token.i] or ctx.para_of[token.i] != ctx.para_of[pronoun.i]:
            continue
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if is_subject(ctx, token.idx):
            return token
    return None


def people_outside_quotes_at(ctx: SpeakerDoc, offset: int) -> list[tuple[int, str]]:
    return [(start, name) for name, start in people_outside_quotes(ctx, offset)]


def antecedent(
    ctx: SpeakerDoc,
    offset: int,
    gender: Gender | None,
    spoken: Sequence[tuple[int, str]],
    excluded: Collection[str] = (),
) -> str | None:
    """Nearest earlier speaker or named subject the pronoun's gender fits (any, for
    ``gender`` None), not one of ``excluded``; failing that, the nearest fitting person
    named outside quotes."""
    # "she" is a person: an organisation that spoke before ("The Hill reported") is not
    others = {e.name for e in getattr(ctx.names, "entities", ()) if e.type != "PERSON"}
    people = {e.name for e in getattr(ctx.names, "entities", ()) if e.type == "PERSON"}
    said = (
        (pos, name)
        for pos, _, name in reversed(ctx.spoken_before(spoken, offset))
        if name not in others
    )
    fallback = None
    # Nearest first, stopping at the first fitting subject: a pronoun late in a long
    # transcript no longer tests every name before it (the preferred one is near).
    for pos, name, is_speaker in _nearest_first(ctx, offset, said):
        if name in excluded or body_name(name, people):
            continue
        if not is_speaker and modifier_mention(ctx, pos):
            continue
        if gender is not None and ctx.gender(name) not in (None, gender):
            continue
        if is_speaker or is_subject(ctx, pos):
            return name
        if fallback is None:
            fallback = name
    return fallback


def _nearest_first(
    ctx: SpeakerDoc, offset: int, said: Iterator[tuple[int, str]]
) -> Iterator[tuple[int, str, bool]]:
    """Speakers (``said``, nearest first) and people named outside quotes before
    ``offset``, nearest first: a speaker before a name at the same place, names at one
    place in text order (the order one stable sort of both, nearest first, gave); True
    for a speaker. Lazy: the caller stops at the first that fits."""
    next_said = next(said, None)
    for start, group in groupby(reversed(ctx.names.people_before(offset)), key=itemgetter(1)):
        token = ctx.token_at(start)
        if token is None or ctx.quoted[token.i]:
            continue
        while next_said is not None and next_said[0] >= start:
            yield next_said[0], next_said[1], True
            next_said = next(said, None)
        for name, _ in reversed(list(group)):
            yield start, name, False
    while next_said is not None:
        yield next_said[0], next_said[1], True
        next_said = next(said, None)


def people_outside_quotes(ctx: SpeakerDoc, offset: int) -> Iterator[tuple[str, int]]:
    for name, start in ctx.names.people_before(offset):
        token = ctx.token_at(start)
        if token is not None and not ctx.quoted[token.i]:
            yield name, start


def is_subject(ctx: SpeakerDoc, offset: int) -> bool:
    token = ctx.token_at(offset)
    if token is None:
        return False
    token = name_head(token)
    if token.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN"):
        # "Edvin J. Rask, the nominee, seized on …": a sentence the parser read as a
        # noun phrase, its verb a participle of the name; the name is its subject.
        return any(c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") for c in token.rights)
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    # The subject of reported or feared content ("Lind said Holt "wasted …"", "isn't
    # worried that Rask will win") is what the sentence is about, not who goes on
    # talking: "he said" in the next sentence means the reporter of that clause. (A
    # clause the parser hangs on a verb in another paragraph stands on its own, and so
    # does the clause of a cleft: "It was in Ohio that Mr. Santorum described …".)
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    governor = clause.head
    embedded = ctx.para_of[clause.i] == ctx.para_of[governor.i] and governor.lemma_ != "be"
    # Unquoted words before "he said" are the sentence itself, which the parser read as
    # what "he said" reports ("Holt appeared to back down -- she said it's …").
    fronted = clause.i < governor.i and not ctx.quoted[clause.i]
    # "expressed disbelief that Ms. Lind would invite …": a noun's "that" clause is
    # reported content too.
    content = clause.dep_ == "ccomp" or (
        clause.dep_ == "acl"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )
    return not (content and embedded and not fronted)


# Dependents inside a written name: "Former Norland Rep. Ivo Brandt" climbs from
# "Former" to "Brandt", whose role in the sentence is the name's.
_NAME_PARTS: Final = frozenset({"compound", "flat", "amod", "nmod", "det", "punct"})


def name_head(token: Token) -> Token:
    """The head word of the name a mention starts with (its last name word)."""
    for _ in range(_MAX_NAME_WORDS + 2):
        head = token.head
        if token.dep_ not in _NAME_PARTS or head.i <= token.i or head.pos_ not in ("PROPN", "NOUN"):
            break
        token = head
    return token
