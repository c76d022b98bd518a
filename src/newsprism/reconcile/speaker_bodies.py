"""Speakers that speak for a body (for :func:`~newsprism.reconcile.statements.align_statements`).

One outlet credits a statement to an organisation, an agency or an office ("Harbour
Transit said in a statement"), another to the person who gave it out for that body
("Harbour Transit spokeswoman Ilse Varga said"), a third to an unnamed spokesperson ("a
Harbour Transit spokesman said"). Statements of two resolved speakers align only when
both are one person of the story's roster, so those renderings stayed apart. Four rules,
each read off the story's own text:

1. **A spokesperson named with the body** (:func:`spokespeople`): a person whose role
   in some article of the story ties them to one body, written in apposition or as a
   title: "<Body> spokesman <Name>", "<Name>, a spokeswoman for <Body>", "<Name>, the
   <Body> press secretary", "<Name>, <Body>'s spokesperson", "a spokesman for <Body>,
   <Name>". Their units name the body as co-speaker, so they may join the body's words
   (and the body's other spokespeople stay apart from them: two people). Only roles
   whose work is to speak for the body (:data:`ROLES`); a member is not the body (a
   senator is not "the Senate", an official not "the agency"), and "representative"
   counts only as "a representative for <Body>" (before a name it is a lawmaker's title).
   Not a past role ("Former <Body> spokeswoman <Name>", "ex-", "then-", "one-time",
   "retired": now perhaps a critic), nor a role phrase an opening phrase governs
   ("According to a spokeswoman for <Body>, <Name> was ...": the name opens the main
   clause).
2. **An unnamed spokesperson of a named body**: a unit the analysis left unresolved whose
   speaker mention is such a role of a body ("A Harbour Transit spokesman", "a
   spokeswoman for the Harbour Transit Authority", or "a spokesman" followed in the text
   by "for <Body>"; a representative only so) speaks as that body.
3. **A body written as an acronym** whose roster entry the analysis did not find
   ("HTA" beside "Harbour Transit Authority") is the one body of the story with those
   initials (:func:`~newsprism.analyze.aliases.initials`), where the texts spell it out:
   the article writing the acronym writes the body's name too, or an article writes
   "Harbour Transit Authority (HTA)" (:func:`acronym_body`).
4. **The police written alone** ("police said", "the police said") are the one body of
   the story's roster named for that noun ("Harbour City Police", "Harbour City Police
   Department"; names of one body written longer and shorter count once), where the
   article of the mention names that body too, no place follows the noun ("Police in
   Lowmoor said": that town's), no two such bodies are, and no person of the story
   speaks under a mention holding the noun ("Police Chief Mara Rask": "police said" may
   render the chief's words, and the body as speaker would forbid that pair)
   (:func:`body_by_head`). Only "police": any head noun gave rank-and-file "workers"
   the union's voice, "the company" (a supplier) the story's one company, "the
   department" (a fire department) the State Department (review s37 H7). Measured
   (``--cache``, analysis 37, lexical, one change, same runs, statement pairs):
   Multi-News development 36 -> 37 of 70 (P 0.975 -> 0.976: an unnamed "police"
   joined the named force's statement); BASIL calibration (135 of 172, P 0.971),
   development (68 of 96, P 0.972) and Multi-News dev2 (12 of 22, P 1.0) unchanged.
   Without the person guard dev2 lost a pair ("Police said" beside the police chief's
   words, 12 -> 11).

The body must be a name of the story's roster that is an organisation or a facility
such as "the White House" (:data:`BODY_TYPES`): a person's spokesman ("<Candidate>
spokesman <Name>") speaks for that person, who also speaks in their own words, so no
equivalence is drawn; a place speaks through an office, and "a representative for
<state>" is a lawmaker. The name is the longest part of a run of capitalised words that
the roster holds and that closes the run ("London Metropolitan Police" -> "Metropolitan
Police"), never a nation's adjective ("British", a place), nor a run the words after it
carry on ("a spokesman for the British government's ...": the government's). A person
tied to two bodies is tied to none.

A tie is a licence, not a fact about every claim: the spokesperson's units keep the body
as co-speaker only where a unit credited to the body in another article renders the same
claim on the evidence that corrects speakers
(:func:`~newsprism.reconcile.statement_speakers.confirm_bodies`). Tied for good, a
spokesman's remark to one paper joined the agency's printed policy on the same subject,
two statements (Multi-News development gold). Measured (``--cache``, lexical and dense, one
change, same runs): Multi-News development 33 -> 33 of 70 pairs lexical, 33 -> 34 dense
(an unnamed airline spokesman's words joined the airline's statement), P 0.973 both;
BASIL calibration and development unchanged (133 / 136 of 172, 67 / 68 of 96, same
precision). Without the confirmation the tie cost one wrong pair on the Multi-News file
(P 0.973 -> 0.947) and recalled none; unnamed "officials" of a body read as the body
(rule 2 widened) cost one wrong pair on the BASIL calibration file (dense) and recalled
none, so officials stay unresolved. The guards against false ties (past roles, governed
role phrases, places, acronyms the texts do not spell out) changed no pair on those three
files (``--cache``, same runs): they dropped one unnamed "SkyBridge spokeswoman" read as a
firm the recogniser typed GPE; the one acronym read there ("AAJA", its name written in the
same article) is kept, and dropping rule 3 entirely changed no pair either.

Cost: a few regular expressions over the text around each role word, linear in the
texts; a pass over the units.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Final

from newsprism.analyze.aliases import (
    PERSON_VERBS,
    initials,
    is_acronym,
)
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.speaker_roles import role_holder, role_holders, word_windows
from newsprism.reconcile.statement_units import Unit

logger = logging.getLogger(__name__)

__all__ = ["ROLES", "body_by_head", "body_of_mention", "speaking_for", "spokespeople"]

# Roster types of a body a spokesperson speaks for: organisations and facilities ("the
# White House", "the Pentagon", which the recogniser types FAC or ORG). Never a place: a
# state speaks through a ministry, a government or an office ("a spokesman for Valdoria's
# transport ministry"), and "a representative for <state>" is its lawmaker. Measured with
# places allowed (``--cache``, same runs): no tie to a place on the BASIL calibration and
# development files or the Multi-News development file; one unnamed "SkyBridge
# spokeswoman" read as "SkyBridge Capital", a firm the recogniser typed GPE, changed no pair.
BODY_TYPES: Final = frozenset({"ORG", "FAC"})
# Roles whose work is speaking for a body (case-insensitive; "Press Secretary" as a title).
ROLES: Final = r"(?:spokes(?:wo)?man|spokesperson|press\s+secretary|press\s+officer)"
_ROLES_PLURAL: Final = (
    r"(?:spokes(?:wo)?m[ae]n|spokespe(?:rson|ople)s?|press\s+secretar(?:y|ies)|press\s+officers?)"
)
# "a representative for <Body>": only with "for" (before a name it is a lawmaker's title).
_FOR_ROLES: Final = rf"(?:{ROLES}|representative)"
# Words between the body and the role that keep the role a spokesperson's.
_MODIFIERS: Final = r"(?:chief|senior|deputy|lead|top|principal|acting|official|main|assistant)"
_CAPITAL = r"[A-Z][\w&'’.\-]*"
# A run of capitalised words, with the small words of a name between them ("Department
# of the Treasury", "Fire and Rescue Service"); a name is looked up inside it.
_RUN = rf"{_CAPITAL}(?:(?:\s+(?:of|and|the|for|on|&))*\s+{_CAPITAL})*"
# A person's name: capitalised words only ("John Kirby and State Department spokeswoman
# Jen Psaki" holds two ties, not one name running into the second body).
_NAME = rf"{_CAPITAL}(?:\s+{_CAPITAL})*"
_DET = r"(?<![\w-])(?i:a|an|the)\s+"
_POSSESSIVE = r"(?:['’]s)?"
_ACRONYM_AFTER = r"(?:\s+\([A-Z.&]{2,8}\))?"  # "Harbour Transit Authority (HTA) spokesman"
_PREPOSITION = r"(?i:for|of|at|with|from)\s+"
# A word that puts the role in the past: "Former Harbour Transit spokeswoman Ilse Varga",
# "ex-HTA spokesman", "then-HTA spokesman" (the role at the time of some other event),
# "one-time", "retired". Between the body and the role, or before "spokesman for", no
# pattern reads it (it is no modifier of :data:`_MODIFIERS`); before the body's name it is
# read here, in the text before the name and at the head of the run.
_PAST = r"(?:(?i:former|one-?time|erstwhile|retired|previous)\s+|(?i:ex|then)\s*-\s*)"
_PAST_BEFORE: Final = re.compile(rf"(?<![\w-]){_PAST}$")
_PAST_OPENS: Final = re.compile(rf"^{_PAST}")
# Words that make a role phrase the object of an opening phrase, not a name's apposition:
# "According to a spokeswoman for Harbour Transit, Tomas Holt was never on its staff"
# (the name opens the main clause). Not "as": "As a spokesman for Harbour Transit, Holt
# has ..." is Holt's role.
_GOVERNED: Final = re.compile(
    r"(?<![\w-])(?i:to|from|by|with|of|for|at|in|on|about|than|like|towards?|against|via"
    r"|into|through|after|before|without|under|despite|unlike|besides)\s+$"
)
_ROLE = rf"(?:(?i:{_MODIFIERS})\s+)*(?i:{ROLES})\b"
_FOR_ROLE = rf"(?:(?i:{_MODIFIERS})\s+)*(?i:{_FOR_ROLES})\s+{_PREPOSITION}(?:(?i:the)\s+)?"


@dataclass(frozen=True)
class _Tie:
    """A pattern tying the group ``name`` to the group ``body``. ``opening``: the name
    opens its capitalised run ("spokeswoman Ilse Varga Speaks", a headline) rather than
    closing it ("On Monday Ilse Varga, a spokeswoman ..."). ``open_end``: the body ends
    the role phrase, so the words after it must end its noun phrase (see :func:`_body`).
    ``leading``: the pattern opens with the role phrase that the name follows, which an
    opening phrase may govern ("According to a spokeswoman for ..., <Name> was ...")."""

    pattern: re.Pattern[str]
    opening: bool
    open_end: bool = False
    leading: bool = False


_TIES: Final = (
    # "Harbour Transit spokeswoman Ilse Varga", "HTA Press Secretary Ilse Varga"
    _Tie(
        re.compile(
            rf"(?P<body>{_RUN}){_POSSESSIVE}{_ACRONYM_AFTER}\s+{_ROLE},?\s+(?P<name>{_NAME})"
        ),
        opening=True,
    ),
    # "Ilse Varga, a spokeswoman for the Harbour Transit Authority"
    _Tie(
        re.compile(rf"(?P<name>{_NAME}),\s+(?:{_DET})?{_FOR_ROLE}(?P<body>{_RUN})"),
        opening=False,
        open_end=True,
    ),
    # "Ilse Varga, the Harbour Transit press secretary"
    _Tie(
        re.compile(rf"(?P<name>{_NAME}),\s+{_DET}(?P<body>{_RUN}){_ACRONYM_AFTER}\s+{_ROLE}"),
        opening=False,
    ),
    # "Ilse Varga, Harbour Transit's spokeswoman"
    _Tie(re.compile(rf"(?P<name>{_NAME}),\s+(?P<body>{_RUN})['’]s\s+{_ROLE}"), opening=False),
    # "a spokeswoman for Harbour Transit, Ilse Varga"
    _Tie(
        re.compile(rf"{_DET}{_FOR_ROLE}(?P<body>{_RUN}),\s+(?P<name>{_NAME})"),
        opening=True,
        leading=True,
    ),
)
# A mention of an unnamed spokesperson: "A Harbour Transit spokesman", "the spokeswoman
# for Harbour Transit", "a spokesman" (the body, if any, follows it in the text). A
# representative only with "for" (:func:`body_of_mention`), as in :data:`_FOR_ROLES`.
_UNNAMED: Final = re.compile(
    rf"^(?:(?i:a|an|the|one|two|several|some)\s+)?(?:(?i:{_MODIFIERS})\s+)*"
    rf"(?:(?P<body>{_RUN}){_POSSESSIVE}{_ACRONYM_AFTER}\s+)?(?:(?i:{_MODIFIERS})\s+)*"
    rf"(?P<role>(?i:{_ROLES_PLURAL}|representatives?))"
    rf"(?:\s+{_PREPOSITION}(?:(?i:the)\s+)?(?P<after>{_RUN}))?$"
)
# Role words, found first; the patterns read the text around them (speaker_roles.word_windows).
_ROLE_WORD: Final = re.compile(rf"(?i:{_FOR_ROLES})")
# Characters read either side of a role word: a body's name and a person's, with the
# words between ("Harbour Transit Authority (HTA) chief spokeswoman Ilse Varga-Lind").
_WINDOW: Final = 120
_BODY_AFTER: Final = re.compile(rf"^\s*,?\s+{_PREPOSITION}(?:(?i:the)\s+)?(?P<body>{_RUN})")
_WORDS = re.compile(r"\S+")
# Lower-case words that may follow a body's name where the noun phrase ends there ("a
# spokesman for Harbour Transit said", "... for the HTA in Lorvik"): reporting verbs,
# auxiliaries, prepositions and conjunctions. Any other lower-case word may carry the
# noun phrase on, the run only modifying the body ("for the British government's ...",
# "for the U.S. attorney in ..."), and no body is read.
_PHRASE_ENDS: Final = PERSON_VERBS | frozenset(
    {
        "say", "tell", "confirmed", "declined", "denied", "responded", "did", "does", "do",
        "would", "could", "will", "can", "may", "might", "should", "has", "had", "have", "is",
        "was", "were", "are", "also", "later", "earlier", "then", "in", "on", "at", "to", "by",
        "from", "with", "about", "after", "before", "and", "or", "but", "who", "which", "that",
        "when", "while", "as", "over", "since",
    }
)  # fmt: skip
_NEXT_WORD = re.compile(r"\s*([a-z][\w-]*)")


def _parts(run: str, *, opening: bool | None) -> Iterator[str]:
    """The parts of a run that may be the name, longest first: those that open it
    (``opening``), close it (not ``opening``; a name's head is its last word: "London
    Metropolitan Police" -> "Metropolitan Police", never "London"), or any (None)."""
    words = [w.strip(",.;:") for w in _WORDS.findall(run)]
    for size in range(len(words), 0, -1):
        firsts = range(len(words) - size + 1)
        if opening is not None:
            firsts = range(1) if opening else range(len(words) - size, len(words) - size + 1)
        for first in firsts:
            yield " ".join(words[first : first + size])


@dataclass(frozen=True)
class _Scope:
    """Where a body's name is read: the story's names, the text of the article it is
    written in and the story's texts joined (an acronym's meaning is read there)."""

    names: StoryNames
    text: str = ""
    story: str = ""


def acronym_body(written: str, names: StoryNames, text: str = "", story: str = "") -> str | None:
    """The one body of the roster whose initials an acronym the roster does not hold is
    ("HTA" -> "Harbour Transit Authority"), when the texts spell it out: the article that
    writes the acronym (``text``) writes the body's name too, or some article of the story
    (``story``) writes the name with the acronym in brackets ("Harbour Transit Authority
    (HTA)"). None otherwise: no such body, several, or a name the texts never tie to the
    letters ("PA", the Press Association, is not the story's "Port Authority")."""
    written = written.strip(",.;:'’()")
    if not is_acronym(written) or names.resolve(written) is not None:
        return None
    key = written.replace(".", "").casefold()
    found = {n for n, t in names.types.items() if t in BODY_TYPES and initials(n) == key}
    if len(found) != 1:
        return None
    body = next(iter(found))
    spelled = r"\s+".join(re.escape(word) for word in body.split())
    if re.search(rf"(?<!\w)(?i:{spelled})(?!\w)", text) or re.search(
        rf"(?<!\w)(?i:{spelled})\s*\(\s*{re.escape(written)}\s*\)", story
    ):
        return body
    return None


def _body(run: str, scope: _Scope, following: str = "") -> str | None:
    """The body a capitalised run names: the roster name of its longest closing part,
    when that is no person and no place, or the body an unknown acronym stands for (rule
    3); None when the words ``following`` the run carry its noun phrase on ("the British
    government's ...": the run only modifies the body) or the run opens with a word that
    puts the role in the past ("Former Harbour Transit ...", unless the roster holds the
    whole run)."""
    after = _NEXT_WORD.match(following)
    if after is not None and (run.endswith(("'s", "’s")) or after[1] not in _PHRASE_ENDS):
        return None
    names = scope.names
    if _PAST_OPENS.match(run) and names.resolve(run.strip(",.;:")) is None:
        return None
    for part in _parts(run, opening=False):
        found = names.resolve(part) or acronym_body(part, names, scope.text, scope.story)
        if found is not None:
            return found if names.types.get(found) in BODY_TYPES else None
    return None


def _person(run: str, names: StoryNames, *, opening: bool) -> str | None:
    """The person a capitalised run names: its longest opening or closing part the
    roster holds, when that is a person."""
    for part in _parts(run, opening=opening):
        found = names.resolve(part)
        if found is not None:
            return found if names.types.get(found) == "PERSON" else None
    return None


def spokespeople(texts: Iterable[str], names: StoryNames) -> dict[str, str]:
    """Person -> the body they speak for, from role appositions and titles in the
    story's texts (rule 1 of the module doc); a person tied to two bodies is left out."""
    texts = list(texts)
    story = "\n\n".join(texts)
    bodies: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        scope = _Scope(names, text, story)
        for _, window in word_windows(_ROLE_WORD, text, _WINDOW):
            for person, body in _ties_in(window, scope):
                bodies[person].add(body)
    ties = {person: next(iter(found)) for person, found in bodies.items() if len(found) == 1}
    if ties:
        logger.debug("spokespeople: %s", ties)
    return ties


def _ties_in(window: str, scope: _Scope) -> Iterator[tuple[str, str]]:
    """(person, body) for each role apposition or title in the window (:data:`_TIES`):
    none where a word before the body's name puts the role in the past ("former",
    "ex-"), nor where an opening phrase governs a leading role phrase ("According to a
    spokeswoman for <Body>, <Name> ...": the name is the main clause's subject)."""
    for tie in _TIES:
        for match in tie.pattern.finditer(window):
            if _PAST_BEFORE.search(window, 0, match.start("body")):
                continue
            if tie.leading and _GOVERNED.search(window, 0, match.start()):
                continue
            end = match.end("body")
            following = window[end : end + 40] if tie.open_end else ""
            person = _person(match["name"], scope.names, opening=tie.opening)
            body = _body(match["body"], scope, following)
            if person is not None and body is not None:
                yield person, body


def body_of_mention(
    mention: str | None, after: str, names: StoryNames, text: str = "", story: str = ""
) -> str | None:
    """The body an unnamed spokesperson's mention speaks for (rule 2 of the module doc):
    named in the mention ("A Harbour Transit spokesman") or in the words ``after`` it
    ("a spokesman" + " for Harbour Transit said"); None otherwise. ``text`` and ``story``:
    the article's text and the story's, where an acronym is spelled out (rule 3)."""
    match = _UNNAMED.match((mention or "").strip())
    if match is None:
        return None
    if match["body"] and match["role"].casefold().startswith("representative"):
        return None  # "A Valdoria representative": a delegate, a lawmaker
    scope = _Scope(names, text, story)
    if match["body"] or match["after"]:
        return _body(match["body"] or match["after"], scope, "" if match["body"] else after)
    following = _BODY_AFTER.match(after)
    if following is None:
        return None
    return _body(following["body"], scope, after[following.end() :])


_WORD: Final = re.compile(r"[a-z]+")
# Words naming a body's kind after its noun ("Harbour City Police Department").
_BODY_WORDS: Final = frozenset({"department", "dept", "service", "force", "office"})
# The head nouns that speak as a body when written alone: only "police" (Multi-News
# development: one pair, 36 -> 37 of 70). Not "workers", "witnesses", "democrats" (people,
# not the union, the church or the caucus), nor "the company", "the group", "the
# department", which the article's own antecedent resolves, often to another body than
# the story's one so named (review s37 H7).
_SPEAKING_HEADS: Final = frozenset({"police"})
# A mention that is a common noun alone ("police", "the police", "Police" opening a
# sentence); not a word in capitals ("AP").
_HEAD_MENTION: Final = re.compile(r"^(?:(?i:the)\s+)?(?P<head>[A-Za-z][a-z]+)$")
# A place or body named right after the noun: "Police in Velmar said" are that town's.
_PLACED: Final = re.compile(r"^\s*(?:in|of|from|at|for)\s+(?:the\s+)?[A-Z]")


def body_by_head(
    mention: str | None,
    names: StoryNames,
    members: Iterable[str | None] = (),
    *,
    text: str,
    after: str = "",
) -> str | None:
    """The body an unnamed mention written as its head noun alone stands for (rule 4 of
    the module doc): "police" or "the police" is the story's one body named for that noun
    ("Harbour City Police", "Harbour City Police Department"), where the article (its
    ``text``) names that body too; None where no body is, or two are ("Harbour City
    Police" and "Lowmoor Police Department": which force spoke is not known), or the
    mention is more than the noun ("local police", "police officers": people, not the
    force), or the words ``after`` it place it ("Police in Velmar said"), or the noun is
    none of :data:`_SPEAKING_HEADS`. Names of one body written longer and shorter
    ("Metropolitan Police", "London Metropolitan Police") are one body, shown by the
    shortest. None too where a person's mention among ``members`` (the speaker
    mentions of the story's people) holds the noun ("Police Chief Mara Rask"): "police
    said" may render that person's words, which the body as speaker would forbid."""
    match = _HEAD_MENTION.match((mention or "").strip())
    if match is None or match["head"].casefold() not in _SPEAKING_HEADS or _PLACED.match(after):
        return None
    head = match["head"].casefold()
    if any(head in _WORD.findall((m or "").casefold()) for m in members):
        return None
    found = sorted(
        (n for n, t in names.types.items() if t in BODY_TYPES and _named_for(n, head)),
        key=lambda n: (len(n.split()), n),
    )
    if not found or any(not _nested(a, b) for a, b in itertools.combinations(found, 2)):
        return None
    return found[0] if any(_written(name, text) for name in found) else None


def _written(name: str, text: str) -> bool:
    """Whether the text writes the name (any case, whole words)."""
    spelled = r"\s+".join(re.escape(word) for word in name.split())
    return re.search(rf"(?<!\w)(?i:{spelled})(?!\w)", text) is not None


def _named_for(name: str, head: str) -> bool:
    """Whether a body's name (two words or more) ends in the noun, or in the noun and a
    word of its kind ("Police Department")."""
    words = name.casefold().split()
    if len(words) < 2 or "\n" in name:  # a run across a paragraph break is no name
        return False
    return words[-1] == head or (words[-2] == head and words[-1] in _BODY_WORDS)


def _nested(short: str, long: str) -> bool:
    """Whether the shorter name's words are a run inside the longer's."""
    a, b = short.casefold().split(), long.casefold().split()
    return any(b[k : k + len(a)] == a for k in range(len(b) - len(a) + 1))


def _mention_ends(material: StoryMaterial) -> dict[tuple[str, int], int]:
    """(article, quote group) -> where the group's speaker mention ends in the text."""
    ends: dict[tuple[str, int], int] = {}
    for article in material.articles:
        analysis = material.analysis(article.id)
        for number, quote in enumerate(analysis.quotes if analysis else ()):
            group = quote.group if quote.group is not None else -1 - number
            if quote.speaker_end is not None:
                ends.setdefault((article.id, group), quote.speaker_end)
    return ends


def speaking_for(material: StoryMaterial, units: Sequence[Unit], names: StoryNames) -> list[Unit]:
    """``units`` with the bodies their speakers speak for (see the module doc): a
    spokesperson's units name the body as co-speaker (unless they name another one),
    an unnamed spokesperson's units and an acronym the roster missed speak as the body,
    so do a body's head noun ("police", rule 4); an unnamed lawyer or spokesperson of a
    person speaks as the one person the story names so
    (:mod:`newsprism.reconcile.speaker_roles`).
    Cost: linear in the units, the quotes and the texts."""
    texts = {a.id: a.text for a in material.articles}
    story = "\n\n".join(texts.values())
    ties = spokespeople(texts.values(), names)
    ends = _mention_ends(material) if any(u.speaker is None for u in units) else {}
    people = [u.speaker_mention for u in units if names.types.get(u.speaker or "") == "PERSON"]
    holders = role_holders(texts.values(), names) if ends else {}
    found = []
    for unit in units:
        speaker = unit.speaker
        text = texts.get(unit.article, "")
        if speaker is None:
            end = ends.get((unit.article, unit.group))
            after = text[end : end + _WINDOW] if end is not None else ""
            speaker = body_of_mention(unit.speaker_mention, after, names, text, story)
            speaker = speaker or body_by_head(
                unit.speaker_mention, names, people, text=text, after=after
            )
            speaker = speaker or role_holder(unit.speaker_mention, holders, names)
        elif names.resolve(speaker) is None:
            speaker = acronym_body(speaker, names, text, story) or speaker
        cospeaker = unit.cospeaker or ties.get(speaker or "")
        if (speaker, cospeaker) == (unit.speaker, unit.cospeaker):
            found.append(unit)
            continue
        logger.debug("speaker %r (%r) speaks for %r", speaker, unit.speaker_mention, cospeaker)
        found.append(replace(unit, speaker=speaker, cospeaker=cospeaker))
    return found
