"""Who a written speaker mention is: names, pronouns, roles and descriptions resolved
to a canonical name, for :mod:`newsprism.analyze.quotes`.

* **Names** go through the :class:`~newsprism.analyze.speakers.NameResolver`.
* **He/she** (and him/her) take the nearest earlier speaker or named subject whose gender
  does not contradict the pronoun
  (:func:`~newsprism.analyze.speaker_antecedents.antecedent`; the gender is the resolver's,
  else the one an earlier pronoun resolved to that person showed, :func:`note_speaker`:
  after '"…," he said' for Brenner, "she" is not Brenner; names inside quotes never
  count, nor the subject of a clause reported or feared inside another sentence).
  Before that:
  the subject of a clause of time or a relative clause is the name the clause above
  owns ("Holm's first appearance since she apologized"); a pronoun speaking after a
  question put to a named person is the one asked ("asked Rask if … He signaled he
  did"). "His response:" is the possessor's, as "he" would be. A person described but
  not named as the nearest subject before ("The shift foreman disagreed. '…,' he
  said"; any word for a person, "The nurse", "a shop owner":
  :func:`~newsprism.analyze.person_nouns.names_person`) is who the pronoun is: the name
  the text ties the description to (in apposition: "Maria Keller, a nurse, … The
  nurse disagreed"), else nobody (:func:`_described_antecedent`), never the person
  named before. Never an organisation ("Acme Shipping", spoken before though the
  parser saw no entity), nor a name that only modifies a noun ("its Dunmore yard").
* **Two people of one surname**: the one the other's clause or apposition does not
  describe ("Mark Lind, whose son, Oskar Lind, …. Lind said" is Mark).
* **Roles** ("the California Democrat", "the self-titled Toughest Sheriff", "the
  senator"): a definite description ending in a title or a party noun that the
  resolver cannot tie to a name is the person the text is about just before: the last
  speaker or the nearer named subject, within :data:`_DESCRIPTION_REACH` paragraphs.
* **Other descriptions** of a person or a document ("the New York businessman", "the
  statement continued") are the speaker quoted last; "the group" the organisation named
  last; "the country" its leader; a body or a thing ("the gun lobby", "the station")
  nobody, its mention as written; never one that names someone else ("the Holt
  campaign" is nobody quoted before unless that is Holt), nor the asker for one that
  replies ("The porter replies"). One who speaks for another ("the spokeswoman", "the
  union's spokeswoman") is only the person the text described so, never the person
  quoted before; a person's description the text ties to a name in apposition ("Sam
  Lorne, a machinist, … the machinist told reporters") is that name. A description
  never takes up a person named only inside quote marks ("President Reagan" in
  someone's quote), and a role that is the subject of a reported clause is not its
  reporter.
* **A description before a name** ("Real estate tycoon Jo Doe") is the name after it.

Cost: a pass over the names before the mention per pronoun or description.

The article's look-ups are :mod:`newsprism.analyze.speaker_doc`'s; the pronoun's
antecedent search :mod:`newsprism.analyze.speaker_antecedents`'.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Collection, Sequence
from typing import Final

from spacy.tokens import Span, Token

from newsprism.analyze.aliases import CAMP_NOUNS, ORG_WORDS, TITLE_LAST_WORDS
from newsprism.analyze.person_nouns import names_person
from newsprism.analyze.quote_subjects import subject_of
from newsprism.analyze.speaker_antecedents import (
    antecedent,
    name_head,
    named_between,
    nearest_subject,
    people_outside_quotes_at,
    spoken_between,
)
from newsprism.analyze.speaker_doc import ASKING, SpeakerDoc
from newsprism.analyze.speaker_evidence import (
    apposed_name,
    speaks_for_another,
)
from newsprism.analyze.speaker_mentions import after_quoted_words, mention_offsets
from newsprism.analyze.speaker_outlets import OUTLET_NOUNS, reporting_outlet
from newsprism.analyze.speaker_places import party_tag, person_places, same_place
from newsprism.analyze.speaker_states import state_leader
from newsprism.analyze.speakers import Gender

logger = logging.getLogger(__name__)

__all__ = ["SpeakerDoc", "canonical_speaker", "note_speaker", "thing_mention"]

_PRONOUN_GENDER: Final[dict[str, Gender]] = {
    "he": "male",
    "him": "male",
    "she": "female",
    "her": "female",
}
_POSSESSIVE_GENDER: Final[dict[str, Gender]] = {"his": "male", "her": "female"}
# The object form of each pronoun gender ("asked her").
_OBJECT_PRONOUN: Final[dict[Gender, str]] = {"male": "him", "female": "her"}
# What a speaker issues: "a statement … the statement continued" is the same author.
_DOCUMENT_NOUNS: Final = frozenset(
    {"statement", "letter", "release", "post", "tweet", "message", "email", "memo"}
)
# What "his"/"her" can own and still stand for its owner's words: the answer or the
# document ("His response:", "her statement said"); not "his spokesman", a person.
_REPLY_NOUNS: Final = _DOCUMENT_NOUNS | {"response", "answer", "reply", "remark", "comment"}
# Clauses whose subject a possessive name of the clause above binds ("since she …").
_SUBORDINATE: Final = frozenset({"advcl", "acl", "relcl"})
# Dependencies that open a clause of their own.
_CLAUSE_DEPS: Final = frozenset(
    {"advcl", "acl", "relcl", "ccomp", "xcomp", "csubj", "pcomp", "conj"}
)
# Steps up the parse from a name to the person a clause or apposition describes
# ("Mark Lind, whose 6-year-old son, Oskar Lind, was hurt": 3).
_DESCRIBING_STEPS: Final = 6
# Heads of descriptions that name a person although no title does: candidacy and
# standing ("the presumptive Republican nominee", "the GOP front-runner", "the real
# estate mogul", "the communications pro"). Read off the descriptions that took up the
# last speaker on PolNeAR dev and BASIL (the rest were bodies, documents and things:
# "the gun lobby", "the lawsuit", "the truck story"); not fitted to a score.
_PERSON_NOUNS: Final = frozenset(
    {
        *("nominee", "candidate", "hopeful", "runner", "frontrunner", "contender"),
        *("challenger", "incumbent", "mogul", "tycoon", "magnate", "billionaire"),
        *("millionaire", "star", "celebrity", "host", "anchor", "pro", "man", "woman"),
    }
)
_PERSON_COMPOUNDS: Final = ("man", "woman", "person")
# Descriptions news writes for the person the story is about ("the GOP candidate", "the
# California Democrat"), not for someone new ("the shift foreman", "the officer"): a
# pronoun after them is that person (:func:`_described_antecedent`). The candidacy and
# standing nouns above, read off the same descriptions; checked on PolNeAR dev.
_PROTAGONIST_NOUNS: Final = CAMP_NOUNS | (_PERSON_NOUNS - {"man", "woman"})
# Descriptions of a state, which its leader speaks for.
_STATE_NOUNS: Final = frozenset({"country", "nation", "republic", "kingdom"})
# Verbs of answering.
_REPLYING: Final = frozenset({"reply", "respond", "answer", "retort"})
# How many paragraphs back an unresolved "the governor said" may find the speaker it
# takes up: the paragraph before is the usual case in news (calibrated on BASIL's
# dev half; a larger reach only added wrong speakers there).
_DESCRIPTION_REACH: Final = 1


def note_speaker(ctx: SpeakerDoc, offsets: tuple[int, int], name: str) -> None:
    """Remember the gender a pronoun speaker ("he", "her statement") shows for the
    person it was resolved to, when the resolver knows none: a "she" later in the text
    is then not that man ("…," he said of Tomas Brenner, whose given name the text never
    ties to a gender; "…," she said: not Brenner)."""
    gender = _PRONOUN_GENDER.get(ctx.text[offsets[0] : offsets[1]].lower())
    gender = gender or _possessed_reply(ctx, offsets)
    if gender is not None and ctx.names.gender(name) is None:
        ctx.shown.setdefault(name, gender)


def canonical_speaker(
    ctx: SpeakerDoc, offsets: tuple[int, int], spoken: Sequence[tuple[int, str]]
) -> str | None:
    mention = ctx.text[offsets[0] : offsets[1]]
    gender = _PRONOUN_GENDER.get(mention.lower()) or _possessed_reply(ctx, offsets)
    if gender is not None:
        return (
            _bound_possessor(ctx, offsets[0], gender)
            or _question_addressee(ctx, offsets[0], gender, spoken)
            or _described_antecedent(ctx, offsets[0], gender, spoken)
        )
    if mention.lower() in _NON_REFERRING:
        return None
    name = ctx.names.canonical(mention, offsets[0])
    if name is not None and mention[:1].islower() and _named_only_in_quotes(ctx, name, offsets[0]):
        # "the former Mexican president" is not a "President Reagan" someone's quote
        # named: a description takes up a person of the narrative.
        name = None
    named = after_quoted_words(mention)
    if name is None and named != mention:
        # '"Today" show host Jane Doe': the name after a title in quote marks.
        name = ctx.names.canonical(named, offsets[1] - len(named))
    if name is None and named == mention:
        # "Shipping magnate Edvin Rask", "Pro Tem Ana Holt": the name that ends
        # a mention with a description or an unknown title before it.
        name = _trailing_name(ctx, offsets)
    if name is None and _is_role(ctx, offsets):
        # "The California Democrat said": a role, capitalised or not, is a description.
        return _described_speaker(ctx, offsets, spoken)
    if name is None and _is_proper(ctx, offsets):
        return named.removeprefix("the ").removeprefix("The ")
    if name is None:
        return _apposed_speaker(ctx, offsets) or _described_speaker(ctx, offsets, spoken)
    return _head_namesake(ctx, mention, name, offsets[0])


def _head_namesake(ctx: SpeakerDoc, mention: str, name: str, offset: int) -> str:
    """Of two people a surname names, the one a clause or apposition is about: in
    "Rask called up Mark Lind, whose son, Oskar Lind, was hurt. Lind praised …" the son
    is named last, but inside the clause that describes the father, who is meant."""
    others = set(getattr(ctx.names, "namesakes", lambda _: ())(mention)) - {name}
    if not others:
        return name
    before = ctx.names.people_before(offset)
    last = max((start for person, start in before if person == name), default=None)
    token = ctx.token_at(last) if last is not None else None
    if token is None:
        return name
    heads = {
        name_head(found).i: person
        for person, start in before
        if person in others and (found := ctx.token_at(start)) is not None
    }
    token, described = name_head(token), False
    for _ in range(_DESCRIBING_STEPS):
        described = described or token.dep_ in ("relcl", "appos", "acl")
        if token.head.i == token.i:
            break
        token = token.head
        if described and token.i in heads:
            return heads[token.i]
    return name


def _trailing_name(ctx: SpeakerDoc, offsets: tuple[int, int]) -> str | None:
    """The longest run of proper nouns ending the mention, less its first words one by
    one, that the resolver knows (at least two words: a surname alone is the resolver's
    own lookup, already tried on the whole mention). Not for a definite description
    or one ending in a title ("the self-titled Toughest Sheriff": a role)."""
    tokens = ctx.tokens(*offsets)
    if not len(tokens) or tokens[0].lower_ == "the" or tokens[-1].lower_ in TITLE_LAST_WORDS:
        return None
    first = len(tokens)
    while first > 0 and tokens[first - 1].pos_ == "PROPN":
        first -= 1
    for start in range(max(first, 1), len(tokens) - 1):
        span = tokens[start:]
        name = ctx.names.canonical(span.text, span.start_char)
        if name is not None:
            return name
    return None


def _possessed_reply(ctx: SpeakerDoc, offsets: tuple[int, int]) -> Gender | None:
    """The gender of "his"/"her" opening a mention of what someone answered or issued
    ("His response:", "her statement said"): the possessor speaks, as a pronoun would."""
    tokens = ctx.tokens(*offsets)
    if (
        len(tokens) < 2
        or tokens[0].dep_ != "poss"
        or tokens.root.lemma_.lower() not in _REPLY_NOUNS
    ):
        return None
    return _POSSESSIVE_GENDER.get(tokens[0].lower_)


def _bound_possessor(ctx: SpeakerDoc, offset: int, gender: Gender) -> str | None:
    """``It was Holm's first appearance since she apologized``: the subject of a clause
    of time, cause or a relative clause is the person whose name the clause above it
    owns (a possessive in that clause's own words, not in a clause of its own: in
    "Asked about Varga's remarks, she said" the pronoun's clause is the main one and
    Varga's is inside "Asked about …"). Not where the clause above has a person for a
    subject ("Rask said it was Holm's visit since he …": the usual rule decides)."""
    pronoun = ctx.token_at(offset)
    if pronoun is None or pronoun.dep_ != "nsubj" or pronoun.head.dep_ not in _SUBORDINATE:
        return None
    above = pronoun.head.head
    for _ in range(_DESCRIBING_STEPS):
        # "Rask's ferry plan won him a hearing at the Sarnow council, where he spoke": a
        # relative clause hangs on a noun; its owner's clause is the noun's verb.
        if above.pos_ in ("VERB", "AUX") or above.head.i == above.i:
            break
        above = above.head
    subjects = [c for c in above.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(
        s.pos_ in ("PROPN", "PRON") and s.lower_ not in ("it", "this", "that") for s in subjects
    ):
        return None
    for token in reversed(ctx.doc[pronoun.sent.start : pronoun.i]):
        if token.dep_ != "poss" or token.pos_ != "PROPN" or ctx.quoted[token.i]:
            continue
        if not _in_clause_of(token, above):
            continue
        start = token.left_edge.idx if token.left_edge.dep_ == "compound" else token.idx
        name = ctx.names.canonical(ctx.text[start : token.idx + len(token)], start)
        if name is not None and ctx.gender(name) in (None, gender):
            return name
    return None


def _in_clause_of(token: Token, clause: Token) -> bool:
    """Whether ``token`` hangs on ``clause`` through phrases only (no clause between)."""
    while token.i != clause.i:
        if token.dep_ in _CLAUSE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def _described_antecedent(
    ctx: SpeakerDoc, offset: int, gender: Gender, spoken: Sequence[tuple[int, str]]
) -> str | None:
    """``Lorne said the plant was unsafe. The shift foreman disagreed. "…," he said``:
    when the nearest subject before a pronoun (outside quotes, in its paragraph, at
    most :data:`~newsprism.analyze.speaker_antecedents.PRONOUN_SENTENCES` sentences
    back) describes a person and no name lies between, the pronoun is that person: the
    name the text ties the description to (in apposition, as a speaker already
    resolved, or "the minister" after "Minister Holt"), else nobody (not Lorne, nor the
    organisation named before). Otherwise the usual rule
    (:func:`~newsprism.analyze.speaker_antecedents.antecedent`)."""
    pronoun = ctx.token_at(offset)
    subject = nearest_subject(ctx, pronoun) if pronoun is not None else None
    if subject is None or not _describes_person(subject):
        return antecedent(ctx, offset, gender, spoken)
    start, after = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    if spoken_between(ctx, spoken, after, offset) or named_between(ctx, after, offset):
        # A name nearer than the description: the usual rule.
        return antecedent(ctx, offset, gender, spoken)
    # '"…," the officer said. "…," he added': the person the description was resolved to
    # as a speaker.
    said = [n for at, n in spoken if start <= at < after]
    named = [
        c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and not party_tag(c)
    ]
    # "The shift foreman, Sam Lorne, disagreed": the name beside it; else the words.
    head = named[0] if named else subject
    words = ctx.doc[head.left_edge.i : head.i + 1]
    name = said[-1] if said else ctx.names.canonical(words.text, words.start_char)
    if name is None and not named:
        name = apposed_name(ctx, ctx.names, subject)
    described = (start, subject.idx + len(subject))
    if (
        name is None
        and not named
        and (subject.lower_ in _PROTAGONIST_NOUNS or _introduced_role(ctx, subject, described))
    ):
        # "The GOP candidate did not supply a cost, though he said", "the former
        # governor opposed it, and he suggested": the person the text is about, as that
        # description speaking would be. A role only where the text first gave it to a
        # name ("Edvin Rask, a former governor,"): "The shop owner disagreed. '…,' he
        # said" stays nobody, not the person named before.
        name = _described_speaker(ctx, described, spoken)
    if name is None or _named_only_in_quotes(ctx, name, offset):
        return None
    return name if ctx.gender(name) in (None, gender) else None


def _describes_person(head: Token) -> bool:
    """Whether a subject is one person described, not named: "the/a" and a title,
    camp or person noun for its head ("The shift foreman", "a spokeswoman"); not a
    thing ("The plant")."""
    if head.pos_ != "NOUN" or head.tag_ == "NNS":
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in head.children):
        return False
    # "The nurse disagreed", "a shop owner": any word for a person, not only a title;
    # never a body whose word ends a title ("the government", "the state").
    return _any_person_noun(head)


def _any_person_noun(head: Token) -> bool:
    """Whether a noun names a person by either list: person_nouns' occupations and
    forms, or this module's candidacy and standing nouns (:func:`_person_noun`)."""
    return names_person(head) or _person_noun(head)


def _apposed_speaker(ctx: SpeakerDoc, offsets: tuple[int, int]) -> str | None:
    """``Sam Lorne, a machinist, … the machinist told reporters``: a description of a
    person is the one an earlier apposition described so (:func:`apposed_name`)."""
    tokens = ctx.tokens(*offsets)
    if not len(tokens) or not _any_person_noun(tokens.root):
        return None
    return apposed_name(ctx, ctx.names, tokens.root)


def _question_addressee(
    ctx: SpeakerDoc, offset: int, gender: Gender, spoken: Sequence[tuple[int, str]]
) -> str | None:
    """``Orwell asked Rask if he had staff there. He signaled he did``: a pronoun that
    speaks after a question put to a named person is the one asked, answering, when
    the question is the last thing reported before it (no other speaker since) and
    comes from an earlier sentence of the same or the paragraph before. Not a pronoun
    that itself asks ("He then asked the mayor …": the asker goes on)."""
    pronoun = ctx.token_at(offset)
    if pronoun is None or pronoun.head.lemma_.lower() in ASKING:
        return None
    # The last verb of asking before the pronoun's sentence; the paragraph breaks
    # between only grow further back, so the reach is checked at that verb alone.
    before = bisect_left(ctx.asking_verbs, pronoun.sent.start)
    if before == 0:
        return None
    token = ctx.doc[ctx.asking_verbs[before - 1]]
    if ctx.paragraph_breaks(token.idx, offset) > _DESCRIPTION_REACH:
        return None
    addressee = _addressee(ctx, token) or _pronoun_addressee(ctx, token, gender, spoken)
    asked = {name for at, name in spoken if at < token.idx}
    since = {name for at, name in spoken if token.idx <= at < offset}
    if addressee is None or ctx.gender(addressee) not in (None, gender):
        return None
    # A reply in between ("Rask answered, …") is a speaker since: the usual rule
    # then finds whoever spoke last.
    return addressee if since <= asked - {addressee} else None


def _addressee(ctx: SpeakerDoc, verb: Token) -> str | None:
    """The person a verb of asking names as its object ("asked Rask", "asked Mayor Rask
    if"), resolved; None for a pronoun or a thing ("asked the question")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ == "PROPN" and child.i > verb.i:
            start = child.left_edge.idx if child.left_edge.dep_ == "compound" else child.idx
            return ctx.names.canonical(ctx.text[start : child.idx + len(child)], start)
    return None


def _pronoun_addressee(
    ctx: SpeakerDoc, verb: Token, gender: Gender, spoken: Sequence[tuple[int, str]]
) -> str | None:
    """``Rep. Jonas Vell asked her whether the ledgers were lost. She said: …``: a question put
    to a pronoun of the speaking pronoun's gender is put to whom that object pronoun
    takes up, never the named asker (the object of one's own verb is someone else);
    None when the asker is not named or the pronoun takes up no one else."""
    objects = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "dative") and c.lower_ == _OBJECT_PRONOUN[gender]
    ]
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    if not objects or not subjects:
        return None
    subject = subjects[0]
    start = subject.left_edge.idx if subject.left_edge.dep_ == "compound" else subject.idx
    asker = ctx.names.canonical(ctx.text[start : subject.idx + len(subject)], start)
    if asker is None:
        return None
    return antecedent(ctx, objects[0].idx, gender, spoken, {asker})


def _is_role(ctx: SpeakerDoc, offsets: tuple[int, int]) -> bool:
    """Whether a mention is "the …" ending in a title or a camp noun ("the California
    Democrat", "America's Toughest Sheriff"): someone described, not named."""
    tokens = ctx.tokens(*offsets)
    if not len(tokens) or tokens[0].lower_ != "the":
        return False
    last = tokens[-1].lower_
    return last in CAMP_NOUNS or last in TITLE_LAST_WORDS


def _described_speaker(
    ctx: SpeakerDoc, offsets: tuple[int, int], spoken: Sequence[tuple[int, str]]
) -> str | None:
    """``the Texas governor continues``, ``the statement continued``: a definite
    description of a person or a document the resolver could not tie to a name is the
    speaker quoted last, within :data:`_DESCRIPTION_REACH` paragraphs; a body is its
    own (:func:`_body_speaker`), and some descriptions nobody (:func:`_may_take_up`)."""
    tokens = ctx.tokens(*offsets)
    if not len(tokens) or tokens[0].lower_ != "the":
        return None
    head = tokens.root
    if head.lower_ in ORG_WORDS or head.lower_ in _STATE_NOUNS:
        return _body_speaker(ctx, head, offsets[0])
    if speaks_for_another(head):
        # "the spokeswoman", "the union's spokeswoman": someone who speaks for another,
        # or another's, is not the person quoted before; only one the text describes so.
        return apposed_name(ctx, ctx.names, head)
    return _taken_up(ctx, tokens, offsets, spoken)


def _taken_up(
    ctx: SpeakerDoc, tokens: Span, offsets: tuple[int, int], spoken: Sequence[tuple[int, str]]
) -> str | None:
    """The speaker quoted last (or, for a role, the person the text is about) that a
    description of a person or a document takes up, or None (see
    :func:`_described_speaker`)."""
    head = tokens.root
    role = _is_role(ctx, offsets)
    if not _may_take_up(ctx, head, role):
        return None
    last = max(((p, n) for p, n in spoken if p < offsets[0]), default=None)
    if role:
        place = _role_place(tokens)
        ties = person_places(ctx, ctx.names, offsets[0]) if place else {}
        placed = [n for n, at in ties.items() if any(same_place(place or "", p) for p in at)]
        if placed:
            # A role with a place ("the California Democrat") is the person named last
            # whom the article ties to that place ("Mara Lind (D-Ore.)"), however
            # far back.
            return _latest(ctx, offsets[0], placed)
        elsewhere = {n for n, at in ties.items() if at}
        last = _role_antecedent(ctx, offsets[0], spoken, elsewhere | _reporters(ctx, tokens.root))
    if (
        last is None
        or _names_someone_else(ctx, tokens, last[1])
        or (not role and _answers_the_asker(ctx, tokens, last[0]))
        or _introduced_as(ctx, head) not in (None, last[1])
    ):
        # A description the text first gave someone else in apposition ("Ana Holt, a
        # former governor, … Rask said … the former governor said") is not the person
        # quoted last: unresolved rather than a wrong speaker.
        return None
    breaks = ctx.paragraph_breaks(last[0], offsets[0])
    return last[1] if breaks <= _DESCRIPTION_REACH else None


def thing_mention(ctx: SpeakerDoc, offsets: tuple[int, int]) -> bool:
    """Whether a speaker mention is a definite description of a thing: no person noun
    or role, no body or state, no document, and no one the resolver knows by it ("the
    poster … suggests"). Inside a clause someone reports, the quoted words are then
    the reporter's, as for "it" or "the advertisement"
    (:func:`~newsprism.analyze.quote_subjects.thing_subject`)."""
    tokens = ctx.tokens(*offsets)
    if len(tokens) < 2 or tokens[0].lower_ != "the" or tokens.root.pos_ != "NOUN":
        return False
    head = tokens.root.lower_
    if head in ORG_WORDS or head in _STATE_NOUNS or head in _DOCUMENT_NOUNS:
        return False
    if _is_role(ctx, offsets) or _any_person_noun(tokens.root):
        return False
    return ctx.names.canonical(ctx.text[offsets[0] : offsets[1]], offsets[0]) is None


def _body_speaker(ctx: SpeakerDoc, head: Token, offset: int) -> str | None:
    """``the group said``: its owner ("the office" after "Mr. Fishman's office") or the
    organisation named last. ``May said the country would …``: a state speaks through
    its leader, the head of government or state the resolver knows before the mention
    (the roster folds a leader with its state too), never any other person: only one
    the text ties to the country named last before it ("Japan rejected …, the country
    said" is not "French President Emmanuel Macron"'s); else the mention stays as
    written."""
    if head.lower_ in _STATE_NOUNS:
        return state_leader(ctx, ctx.names, offset, _DESCRIPTION_REACH)
    return _possessor(ctx, head) or _described_body(ctx, head, offset)


def _may_take_up(ctx: SpeakerDoc, head: Token, role: bool) -> bool:
    """Whether a description with this head may be the speaker quoted last: one person
    (a plural, "the board's engineers", names several), not one the article introduced
    unnamed ("a spokesman … the spokesman"), and a person or a document at all ("the
    gun lobby said", "the station said": a body or a thing that speaks is not the
    person quoted before it; its mention stays as written)."""
    plural = (head.pos_ in ("PRON", "PROPN", "DET", "NUM") and not role) or head.tag_ in (
        "NNS",
        "NNPS",
    )
    document = head.lower_ in _DOCUMENT_NOUNS
    if plural or (not document and _introduced_unnamed(ctx, head)):
        return False
    return role or document or _person_noun(head)


def _person_noun(head: Token) -> bool:
    """Whether a description's head noun names a person (beyond the titles and camp
    nouns of a role): a compound of "man", "woman" or "person" ("the New York
    businessman", "the congresswoman") or one of :data:`_PERSON_NOUNS`."""
    word = head.lower_
    return word in _PERSON_NOUNS or any(
        word.endswith(end) and len(word) > len(end) + 2 for end in _PERSON_COMPOUNDS
    )


def _answers_the_asker(ctx: SpeakerDoc, tokens: Span, since: int) -> bool:
    """``Rask … asks him for his name. The porter replies, "…"``: a
    description that replies to a question the last speaker asked is the one asked,
    not the asker (whom the usual rule would give)."""
    cue = tokens.root.head
    if cue.lemma_.lower() not in _REPLYING:
        return False
    start = ctx.token_at(since)
    first = start.i if start is not None else tokens.start
    return any(
        t.lemma_.lower() in ASKING and t.pos_ == "VERB" and not ctx.quoted[t.i]
        for t in ctx.doc[first : tokens.start]
    )


def _role_antecedent(
    ctx: SpeakerDoc, offset: int, spoken: Sequence[tuple[int, str]], elsewhere: set[str]
) -> tuple[int, str] | None:
    """A role takes up the person the text is about: the last speaker or the nearer
    subject named since ("Kostanj won … The Valdorian Democrat said"), never one the
    article ties to another place than the role's (``elsewhere``); with the position
    of their last mention."""
    named = antecedent(ctx, offset, None, spoken, elsewhere)
    return max(
        ((p, n) for p, n in [*spoken, *people_outside_quotes_at(ctx, offset)]
         if n == named and p < offset),
        default=None,
    )  # fmt: skip


def _named_only_in_quotes(ctx: SpeakerDoc, name: str, offset: int) -> bool:
    """Whether every mention of ``name`` before ``offset`` lies inside quote marks."""
    starts = [start for person, start in ctx.names.people_before(offset) if person == name]
    tokens = [ctx.token_at(start) for start in starts]
    return bool(starts) and all(t is not None and ctx.quoted[t.i] for t in tokens)


def _reporters(ctx: SpeakerDoc, head: Token) -> set[str]:
    """Who reports the clause a role is the subject of ("Rask noted that the former
    mayor once suggested …": not Rask, who would not be "the former mayor" in his own
    report)."""
    clause = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return set()
    reporter = subject_of(ctx, clause.head)
    if reporter is None or reporter.pos_ != "PROPN":
        return set()
    start, end = mention_offsets(reporter)
    name = ctx.names.canonical(ctx.text[start:end], start)
    return {name} if name else set()


def _role_place(tokens: Span) -> str | None:
    """The place a role names between "the" and its last word ("the California
    Democrat" -> California; not "America's Toughest Sheriff", a possessive)."""
    for token in tokens[1:-1]:
        after = token.nbor(1) if token.i + 1 < len(token.doc) else None
        possessive = after is not None and after.tag_ == "POS"
        if token.ent_type_ == "GPE" and not possessive:
            return token.text
    return None


def _latest(ctx: SpeakerDoc, offset: int, names: Collection[str]) -> str:
    """Of ``names``, the one named last before ``offset``."""
    return max((at, n) for n, at in ctx.names.people_before(offset) if n in names)[1]


def _possessor(ctx: SpeakerDoc, head: Token) -> str | None:
    """``the office said`` after "Mr. Fishman's office": the body named by its owner
    takes up that owner, when the nearest earlier use of the head noun (outside
    quotes, within :data:`_DESCRIPTION_REACH` paragraphs) has a possessor the resolver
    knows. The office of a named person speaks for that person."""
    # The nearest such use; the paragraph breaks between only grow further back.
    uses = ctx.unquoted_by_lemma.get(head.lemma_, [])
    before = bisect_left(uses, head.i)
    if before == 0:
        return None
    token = ctx.doc[uses[before - 1]]
    if ctx.paragraph_breaks(token.idx, head.idx) > _DESCRIPTION_REACH:
        return None
    owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if not owners:
        return None
    owner = ctx.doc[owners[0].left_edge.i : owners[0].i + 1]
    return ctx.names.canonical(owner.text, owner.start_char)


def _names_someone_else(ctx: SpeakerDoc, tokens: Span, person: str) -> bool:
    """Whether a description holds the name of a person other than ``person`` ("the
    Holt campaign" is not Mr. Rask, whoever spoke last)."""
    people = {e.name for e in getattr(ctx.names, "entities", ()) if e.type == "PERSON"}
    for token in tokens:
        if token.pos_ != "PROPN" or token.i == tokens.root.i:
            continue
        name = ctx.names.canonical(token.text, token.idx)
        if name is not None and name in people and name != person:
            return True
    return False


def _described_body(ctx: SpeakerDoc, head: Token, offset: int) -> str | None:
    """``the group said``: the organisation named last before ``offset``, within
    :data:`_DESCRIPTION_REACH` paragraphs; an outlet named as the reporter ("the
    Gazette reported") only for a description of an outlet ("the newspaper said")."""
    outlet = head.lower_ in OUTLET_NOUNS
    named = [
        (mention.start, entity.name)
        for entity in getattr(ctx.names, "entities", ())
        if entity.type == "ORG"
        for mention in entity.mentions
        if mention.start < offset and (outlet or not _reporter_at(ctx, mention.start))
    ]
    if not named:
        return None
    start, name = max(named)
    breaks = ctx.paragraph_breaks(start, offset)
    return name if breaks <= _DESCRIPTION_REACH else None


def _reporter_at(ctx: SpeakerDoc, start: int) -> bool:
    token = ctx.token_at(start)
    return token is not None and reporting_outlet(token)


def _introduced_unnamed(ctx: SpeakerDoc, head: Token) -> bool:
    """Whether an earlier "a/an …" noun phrase has the same head noun ("a spokesman"),
    one the text does not tie to a name in apposition ("Ana Holt, a former governor,"
    names her: :func:`_introduced_as`)."""
    first = ctx.first_indefinite.get(head.lemma_)
    return first is not None and first < head.i and _apposed_owner(ctx, first) is None


def _introduced_role(ctx: SpeakerDoc, head: Token, offsets: tuple[int, int]) -> bool:
    """Whether a description is a role whose noun the text first gave a name in
    apposition (:func:`_introduced_as`)."""
    return _is_role(ctx, offsets) and _introduced_as(ctx, head) is not None


def _introduced_as(ctx: SpeakerDoc, head: Token) -> str | None:
    """``Ana Holt, a former governor of Vesland, … the former governor said``: the
    name the earlier "a/an …" noun phrase of the same head noun stands in apposition
    with, when the resolver knows it; else None."""
    first = ctx.first_indefinite.get(head.lemma_)
    if first is None or first >= head.i:
        return None
    return _apposed_owner(ctx, first)


def _apposed_owner(ctx: SpeakerDoc, index: int) -> str | None:
    """The name a noun at ``index`` stands in apposition with, outside quote marks
    ("Ana Holt, a governor", "a spokesman, Sam Lorne,"), as the resolver knows it."""
    token = ctx.doc[index]
    if ctx.quoted[index]:
        return None
    owners = [token.head] if token.dep_ == "appos" else []
    owners += [c for c in token.children if c.dep_ == "appos"]
    for owner in owners:
        if owner.pos_ != "PROPN" or ctx.quoted[owner.i] or party_tag(owner):
            continue
        start = owner.left_edge.idx if owner.left_edge.dep_ == "compound" else owner.idx
        name = ctx.names.canonical(ctx.text[start : owner.idx + len(owner)], start)
        if name is not None:
            return name
    return None


# Pronouns and words that name no one the resolver could know.
_NON_REFERRING: Final = frozenset(
    {"they", "we", "i", "you", "it", "them", "us", "who", "which", "that", "this", "one"}
)


def _is_proper(ctx: SpeakerDoc, offsets: tuple[int, int]) -> bool:
    tokens = ctx.tokens(*offsets)
    return len(tokens) > 0 and tokens[-1].pos_ == "PROPN"
