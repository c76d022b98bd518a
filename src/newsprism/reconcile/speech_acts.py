"""Speech acts as statement units: what a person is reported to have done with words
("Edvin Rask accused Ana Holt of a muddled ferry policy", "Holt announced her run",
"the harbour chief apologized to ...") where the analysis found no quote.

Outlets report one utterance as a quote in one place and as a speech act in another;
the quote extractor takes reporting verbs with a clause ("said that ...") only, so the
act stays out of :func:`~newsprism.reconcile.statements.align_statements` and the pair
is lost. On the BASIL development gold 22 of 41 missed pairs (lexical) had no unit on
one side, many of them such acts. A sentence gives one indirect unit when a person of
the story's roster, or an organisation some outlet of the story quotes as a speaker
("Hamas said …": a group of people; "Hamas threatened to …" is its act, where a name
the parser took for an organisation, "Omicron", is quoted by no one), is written as the
subject of a speech-act verb
(:data:`~newsprism.reconcile.statement_units.SPEECH_ACTS`, or "told") outside any quote,
not passive ("was accused", "has been urged", "was sharply criticized": the subject is
who the act is done to):
the name or "he"/"she" nearest before the verb, at most :data:`_SUBJECT_GAP` words before
it (an apposition between commas, or one open before a relative "who", not counted:
"Edvin Rask, a former harbour chief and sailor who has announced his run on Tuesday,
..."); or the name opening the sentence or a clause when the verb is the second of two
joined to it ("When asked, Edvin Rask left the stage but came back and threatened to
...") — also when a nearer name is the first verb's object ("Edvin Rask met Ana Holt and
blamed ..."). Not when the analysis took the verb as a quote's reporting verb
(the clause is a unit already); the first act of the sentence that qualifies gives the
unit. The unit runs from the verb to the sentence's end (a relative clause's, to the
clause's comma), or to the reporting verb of a quote that follows; its speaker is the
named person, or for a pronoun the last person named before it, in or before the
sentence (never an organisation), whose honorifics ("Mr.", "Ms.") do not give the
other gender (a guess,
like the analysis's own, which
:mod:`newsprism.reconcile.statement_speakers` may correct). An act joins the story
only when a unit of another source resembles it (see ``_supported_acts`` in
:mod:`newsprism.reconcile.statements`). Measured on the BASIL golds (one change, same
run): development statements lexical 55 -> 56 of 96 pairs (P 0.915 -> 0.917), dense
57 -> 59 (P 0.966 -> 0.967); calibration unchanged (lexical 132 of 172, P 0.963; dense
135, P 0.964). On the sample gold (tests/test_reconcile_statements.py) dense pairs
126 right / 2 wrong -> 127 / 2, lexical 121 / 2 -> 120 / 6. The lexical loss was not
the acts' own pairs but their words: lexical weights were fitted on every unit, so the
three acts of the port story moved a translation's pair at the ``link`` threshold
(0.650 -> 0.649) and a split quote it had held apart was rejoined. Since the weights
between the analysis's quotes are fitted on those quotes alone
(``_fitted`` in :mod:`newsprism.reconcile.statements`), lexical 122 / 2 (the acts'
"called on both sides to ..." pair gained, nothing lost); BASIL development and
calibration unchanged. The subjects further from the verb, the passives and "told"
(BASIL lexical, clean worktrees, after the conjoined acts of
:mod:`newsprism.reconcile.statement_units`, same run): development 62 -> 63 of 96
pairs (an act of "told" whose clause has no subject, so the analysis read no quote),
P 0.929 -> 0.930; calibration
unchanged (132 of 172, P 0.971); the other new acts there (a threat, a candidacy
announced in a relative clause) resemble no other outlet's unit and stay out (a threat
with an infinitive, "threatened to ...", is now the analysis's own reported speech:
:func:`newsprism.analyze.reported_speech.threats`). An act
named by its noun ("made the announcement in ...", "issued a call for ...",
:data:`_NOUN_ACT`), then: development 63 -> 64 (two outlets' "made the announcement"),
P 0.930 -> 0.931; calibration unchanged. Verbs of criticism and questions ("singled
out", "called out", "fired back", "took a swipe", "asked whether", "expressed concern"
...) were tried and left out: on both golds their acts resembled no other outlet's unit
(none kept), and one read "he" as the wrong person. Cost: linear in the sentences and
the people's mentions.

The pairs the scorer counts as "no unit" (lexical, cached analyses, 6 Dec: calibration
5, development 13, Multi-News development 17) were read one by one: nearly all are the
reporter's narration of an action or an event (entering a race, a video, a parent's
support, a study's findings), with no verb of saying or lead-in a unit could be built
on; the few speech shapes (a "regrets from the harbour office: “...”" lead-in, an
open letter narrated on one side, a letter body printed without quote marks on
another) share a word or two with their partners. Three tries, none kept (same runs, P /
pairs against calibration 0.978 133 of 172, development 0.972 68 of 96, Multi-News
development 0.975 36 of 70, dev2 1.000 11 of 22): (a) the acts' verbs in the present
tense too ("rejects the ferry plan", "announces", "denies", "blames"; not the forms
that are also nouns, "calls", "disputes", "praises", "vows", "urges"): no file
moves. (b) ``act_support_lexical`` 0.35 -> 0.20 (an act announcing a run at 0.24
against its partners): no-unit misses 5 / 11 / 16 / 3, but each becomes a linkage or
speaker miss and P / R is unchanged on all four files: where a unit can be built its
content is too far from the other outlet's rendering to link. (c) A candidacy told as
an action ("jumped into the race", "entered the race", "launched a/his/her bid" or
"campaign") as an act: no file moves (the one such miss, on development, resembles no
other outlet's unit enough to be kept).
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from newsprism.model import Analysis, Article
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.statement_units import ADDED_GROUPS, SPEECH_ACTS, Unit

logger = logging.getLogger(__name__)

__all__ = ["speech_act_units"]

# And "told", a reporting verb whose clause the analysis sometimes does not read ("Rask
# told the station on Monday that plans to shut the ferry dock": no subject in it).
_ACTS: Final = (*SPEECH_ACTS, "told")
# A speech act named by its noun: "made the announcement in ...", "issued a sweeping call
# for ...", "made the remarks at the quayside" (the same act as another outlet's quote).
_NOUN_ACT: Final = (
    r"(?:made|issued|released|delivered|offered|gave)\s+(?:the|a|an|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:announcement|remarks|statement|call|apology|plea|appeal|pledge"
    r"|promise|vow|denial|warning|threat|comments)"
)
_ACT: Final = re.compile(
    r"\b(?:" + "|".join(re.escape(a) for a in _ACTS) + "|" + _NOUN_ACT + r")\b"
)
_PRONOUN: Final = re.compile(r"\b(?:he|she|He|She)\b")
# An honorific just before a mention, and the gender it gives.
_HONORIFIC: Final = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
_TITLE_GENDER: Final = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
# Words (an adverb, a time: "Rask on Thursday accused") between subject and verb.
_SUBJECT_GAP: Final = 4
_WORD: Final = re.compile(r"\S+")
# An apposition between subject and verb ("Ana Holt, armed with her ledger,
# blamed ..."), which does not count in the gap.
_APPOSITION: Final = re.compile(r"^\s*,[^,;:.]{1,80},\s*")
# A relative clause after a name, its apposition open ("Edvin Rask, a former harbour
# chief of Kelmar and sailor who has announced ...").
_RELATIVE: Final = re.compile(r"^\s*(?:,[^,;:.]{1,80}?)?\s+who\s+(?:has|had|have)?\s*$")
_IN_RELATIVE: Final = re.compile(r"\bwho\s+(?:(?:has|had|have)\s+)?$")
# The second of two verbs joined to one subject ("left the stage but came back and
# threatened"), within :data:`_JOINED_GAP` words: the act follows "and"/"but" directly
# and no clause boundary stands between it and the subject.
_JOINED: Final = re.compile(r"^[^,;:()]*\s(?:and|but)\s+$")
_JOINED_GAP: Final = 10
# Words after an opening name that are no verb ("Edvin Rask and Ana Holt ...", "Edvin
# Rask with Ana Holt ..."): the nearer name is then no object of the opening name's verb.
_NOT_VERBS: Final = frozenset(
    {"and", "or", "nor", "with", "of", "to", "for", "from", "in", "on", "at", "by", "as"}
)
# Characters between a name and its verb beyond which neither gap can hold: an
# apposition (80), a relative "who has", and _JOINED_GAP words of any real length.
_BETWEEN_REACH: Final = 600
# Reach (characters) of a sentence's opening mention, and of the word before a verb.
_OPENING: Final = 40
# Forms of "be"/"get" before a passive verb.
_BE: Final = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "getting"}
)
# Words passed over between a be-form and its participle ("was sharply criticized",
# "was not urged"), and the reach (characters) read back for them.
_ADVERB: Final = re.compile(r"[A-Za-z]{2,}ly")
_NEGATIONS: Final = frozenset({"not", "never", "n't"})
_PASSIVE_REACH: Final = 80
# Offset of the group numbers of speech-act units (quote groups count from 0, the
# ungrouped quotes' own groups from -1 down).
_GROUP_BASE: Final = ADDED_GROUPS
_MIN_WORDS: Final = 4
# What ends a unit cut before a quote: ", saying", ", adding", an opening mark.
_TRAILER: Final = re.compile(
    r"[\s,;:—–-]*(?:(?:and\s+)?(?:saying|adding|said|says|noting|writing)\b)?[\s,;:.!?—–\"“'‘-]*$"
)


@dataclass(frozen=True)
class _Mentions:
    """Mentions (start, end, text) in text order: an article's people (the text their
    resolved name) or a sentence's "he"/"she". Mentions do not overlap, so their ends
    are sorted too. Look-ups cost O(log n), so a paragraph of many acts and names is
    read once, not once per act."""

    mentions: Sequence[tuple[int, int, str]]
    # Per person, the gender the article's honorifics give them (see _honorific_genders).
    genders: Mapping[str, str] = field(default_factory=dict)
    # The mentioned names that are people's (a "he"/"she" stands for none of the others:
    # the organisations that speak, see _speaking_groups); None: all of them.
    persons: frozenset[str] | None = None
    ends: list[int] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ends", [m[1] for m in self.mentions])

    def ending_by(self, start: int, end: int) -> Sequence[tuple[int, int, str]]:
        """The mentions starting at ``start`` or later and ending by ``end``."""
        first = bisect.bisect_left(self.ends, start + 1)
        last = bisect.bisect_right(self.ends, end)
        if first < last and self.mentions[first][0] < start:
            first += 1  # the one mention that can straddle ``start``
        return self.mentions[first:last]

    def last_by(self, end: int) -> tuple[int, int, str] | None:
        """The last mention ending by ``end``."""
        at = bisect.bisect_right(self.ends, end)
        return self.mentions[at - 1] if at else None


def speech_act_units(material: StoryMaterial, names: StoryNames) -> list[Unit]:
    """The story's speech-act units (see the module doc), in story order."""
    units: list[Unit] = []
    groups = _speaking_groups(material, names)
    for index, article in enumerate(material.articles):
        analysis = material.analysis(article.id)
        if analysis is not None:
            units.extend(_article_units(index, article, analysis, (names, groups)))
    return units


def _speaking_groups(material: StoryMaterial, names: StoryNames) -> frozenset[str]:
    """The organisations some outlet of the story quotes as a speaker ("Hamas said"):
    groups of people, whose acts ("Hamas threatened to …") are statements too. A
    thing the parser took for an organisation ("Omicron") is quoted by no one."""
    spoken: set[str] = set()
    organisations: set[str] = set()
    for article in material.articles:
        analysis = material.analysis(article.id)
        if analysis is None:
            continue
        spoken.update(names.key(q.speaker) for q in analysis.quotes if q.speaker)
        organisations.update(names.key(e.name) for e in analysis.entities if e.type == "ORG")
    return frozenset(spoken & organisations)


def _article_units(
    index: int,
    article: Article,
    analysis: Analysis,
    names: tuple[StoryNames, frozenset[str]],
) -> list[Unit]:
    roster, groups = names
    mentions = sorted(
        (m.start, m.end, roster.resolve(e.name) or e.name)
        for e in analysis.entities
        if e.type == "PERSON" or (e.type == "ORG" and roster.key(e.name) in groups)
        for m in e.mentions
    )
    persons = {roster.resolve(e.name) or e.name for e in analysis.entities if e.type == "PERSON"}
    people = _Mentions(mentions, _honorific_genders(article.text, mentions), frozenset(persons))
    quoted = [(q.start, q.end) for q in analysis.quotes]
    cues = [
        (q.cue_start, q.cue_end)
        for q in analysis.quotes
        if q.cue_start is not None and q.cue_end is not None
    ]
    units: list[Unit] = []
    for start, end in analysis.sentences:
        unit = _unit(article, (start, end), people, (quoted, cues), (len(units), index))
        if unit is not None:
            units.append(unit)
    return units


def _unit(
    article: Article,
    sentence: tuple[int, int],
    people: _Mentions,
    spans: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]],
    numbers: tuple[int, int],
) -> Unit | None:
    """The speech-act unit of one sentence, or None. It ends before the reporting verb
    of a quote that follows the act ("accused Holt of ..., saying "..."": the quote is
    a unit of its own); partial quotes inside it stay ('blamed "tidal accounting" for
    ...'). An act inside a quote, or one the analysis took as a quote's reporting verb
    (its clause is a unit already), is none."""
    _, cues = spans
    start, end = sentence
    number, index = numbers
    text = article.text
    # Each pronoun's end, found once per sentence (read again per act, an unpunctuated
    # paragraph of hundreds of acts cost acts x characters).
    pronouns = _Mentions(
        [(m.start(), m.end(), m.group()) for m in _PRONOUN.finditer(text, start, end)]
    )
    found = next(
        (
            (act, subject)
            for act in _ACT.finditer(text, start, end)
            if (subject := _act_subject(text, (start, act), (people, pronouns), spans)) is not None
        ),
        None,
    )
    if found is None:
        return None
    act, subject = found
    speaker, mention = subject
    end = min([end, *(a for a, _ in cues if act.end() < a < end)])
    if _IN_RELATIVE.search(text, start, act.start()):
        # A relative clause's act ends with the clause ("who has announced his run on
        # Tuesday, has been outspoken ...": the rest is the main clause's).
        comma = text.find(",", act.end(), end)
        end = comma if comma > 0 else end
    body = _TRAILER.sub("", text[act.start() : end])
    if len(_WORD.findall(body)) < _MIN_WORDS or "\n\n" in body:
        return None
    return Unit(
        article=article.id,
        group=_GROUP_BASE - number,
        start=act.start(),
        end=act.start() + len(body),
        direct=False,
        text=body,
        speaker=speaker,
        speaker_mention=mention,
        verbatim=(),
        order=(index, act.start()),
    )


def _act_subject(
    text: str,
    where: tuple[int, re.Match[str]],
    mentions: tuple[_Mentions, _Mentions],
    spans: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]],
) -> tuple[str, str] | None:
    """The act's (speaker, mention), or None when it is no act of a person's: inside a
    quote, a quote's reporting verb (its clause is a unit already), passive."""
    start, act = where
    quoted, cues = spans
    if any(a <= act.start() < b for a, b in quoted):
        return None
    if any(a < act.end() and act.start() < b for a, b in cues):
        return None
    if _passive(text, start, act.start()):
        return None
    return _subject(text, start, act.start(), mentions)


def _subject(
    text: str, start: int, verb: int, mentions: tuple[_Mentions, _Mentions]
) -> tuple[str, str] | None:
    """(speaker, mention) of the person written as the verb's subject, or None: the
    name or "he"/"she" nearest before the verb, within :data:`_SUBJECT_GAP` words (an
    apposition, or a relative "who" after one, not counted); or the name that opens the
    sentence when the verb is the second of two joined to it ("Rask left the stage
    but came back and threatened to ..."). A pronoun's person is the last one named
    before it."""
    people, pronouns = mentions
    named = people.ending_by(start, verb)
    pronoun = pronouns.last_by(verb)
    if pronoun is not None and (not named or named[-1][1] <= pronoun[0]):
        return _pronoun_subject(text, pronoun, verb, people)
    if not named:
        return None
    return _named_subject(text, (start, verb), named)


def _named_subject(
    text: str, span: tuple[int, int], named: Sequence[tuple[int, int, str]]
) -> tuple[str, str] | None:
    """(speaker, mention) of the named person written as the verb's subject, or None
    (see :func:`_subject`); ``named`` are the sentence's mentions before the verb."""
    start, verb = span
    first, last, name = named[-1]
    if verb - last > _BETWEEN_REACH:
        return None
    between = _RELATIVE.sub(" ", _APPOSITION.sub(" ", text[last:verb]))
    if _object_then_joined(text, start, named, between):
        # "Edvin Rask met Ana Holt on Monday and blamed ...": the nearer name is the
        # first verb's object; the joined verb's subject is the opening name.
        return named[0][2], text[named[0][0] : named[0][1]]
    if len(_WORD.findall(between)) <= _SUBJECT_GAP:
        return name, text[first:last]
    joined = len(_WORD.findall(between)) <= _JOINED_GAP and _JOINED.search(between)
    if joined and len(named) == 1 and _opens(text, start, named[0]):
        return name, text[first:last]
    return None


def _object_then_joined(
    text: str, start: int, named: Sequence[tuple[int, int, str]], between: str
) -> bool:
    """Whether the verb is joined ("and"/"but") to a first verb of the sentence's opening
    name whose object is the nearer name: a lower-case word (the first verb) follows the
    opening name, no clause boundary before the nearer name."""
    if len(named) < 2 or named[0][2] == named[-1][2] or not _opens(text, start, named[0]):
        return False
    if len(_WORD.findall(between)) > _JOINED_GAP or not _JOINED.search(between):
        return False
    middle = _APPOSITION.sub(" ", text[named[0][1] : named[-1][0]])
    words = _WORD.findall(middle)
    return (
        0 < len(words) <= _SUBJECT_GAP
        and not re.search(r"[,;:()]", middle)
        and words[0].islower()
        and words[0].isalpha()
        and words[0] not in _NOT_VERBS
    )


def _pronoun_subject(
    text: str, pronoun: tuple[int, int, str], verb: int, people: _Mentions
) -> tuple[str, str] | None:
    """The person a "he"/"she" within :data:`_SUBJECT_GAP` words of the verb stands
    for: the last one named before it whom no honorific gives the other gender."""
    if verb - pronoun[1] > _BETWEEN_REACH:
        return None
    if len(_WORD.findall(text[pronoun[1] : verb])) > _SUBJECT_GAP:
        return None
    persons = people.persons
    mentioned = people.ending_by(0, pronoun[0])
    # Only people: an organisation that speaks (see _speaking_groups) is no "he"/"she".
    last = next((m for m in reversed(mentioned) if persons is None or m[2] in persons), None)
    if last is None:
        return None
    # Skip people the article's honorifics give the other gender ("Ms. Ana Holt praised
    # Mr. Edvin Rask. She also urged ..."); with none fitting, the last named, as before.
    # Searched from the pronoun back, stopping at the first fit: a pronoun resolves near
    # where it stands, and a long page of names is not read once per act.
    gender = "female" if pronoun[2].casefold() == "she" else "male"
    fitting = (
        m
        for m in reversed(mentioned)
        if (persons is None or m[2] in persons) and people.genders.get(m[2], gender) == gender
    )
    return (next(fitting, last)[2], pronoun[2])


def _honorific_genders(text: str, mentions: Sequence[tuple[int, int, str]]) -> dict[str, str]:
    """Per person, the gender an honorific before their mentions gives ("Mr. Rask",
    "Ms. Holt"), when the article's honorifics for them agree."""
    seen: dict[str, set[str]] = {}
    for start, _, name in mentions:
        title = _HONORIFIC.search(text, max(0, start - 6), start)
        if title is not None:
            seen.setdefault(name, set()).add(_TITLE_GENDER[title.group(1).casefold()])
    return {name: found.pop() for name, found in seen.items() if len(found) == 1}


def _opens(text: str, start: int, person: tuple[int, int, str]) -> bool:
    """Whether the person's mention opens the sentence or a clause after a comma ("When
    he asked ..., Mr. Rask left the stage"), a title before it allowed."""
    before = text[start : person[0]]
    head = before[before.rfind(",") + 1 :] if "," in before else before
    return len(_WORD.findall(head)) <= 1 and len(head) < _OPENING


def _passive(text: str, start: int, verb: int) -> bool:
    """Whether the verb is passive ("was accused", "has been urged", "was sharply
    criticized", "was not urged"): its subject is the one the act is done to, not its
    speaker. Adverbs in "-ly" and "not"/"never" between the be-form and the verb are
    passed over."""
    words = _WORD.findall(text[max(start, verb - _PASSIVE_REACH) : verb])
    while words and (_ADVERB.fullmatch(words[-1]) or words[-1].casefold() in _NEGATIONS):
        words.pop()
    return bool(words) and words[-1].casefold() in _BE
