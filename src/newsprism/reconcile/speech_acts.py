"""Speech acts as statement units: what a person is reported to have done with words
("Trump accused Obama of a confusing policy on Libya", "Huckabee announced his run",
"the senator apologized to ...") where the analysis found no quote.

Outlets report one utterance as a quote in one place and as a speech act in another;
the quote extractor takes reporting verbs with a clause ("said that ...") only, so the
act stays out of :func:`~newsprism.reconcile.statements.align_statements` and the pair
is lost. On the BASIL development gold 22 of 41 missed pairs (lexical) had no unit on
one side, many of them such acts. A sentence gives one indirect unit when a person of
the story's roster is written as the subject of a speech-act verb (:data:`_ACTS`)
outside any quote: a name of theirs or "he"/"she" at most :data:`_SUBJECT_GAP` words
before the verb (an apposition between commas not counted). Not when the analysis took
the verb as a quote's reporting verb (the clause is a unit already). The unit runs from
the verb to the sentence's end, or to the reporting verb of a quote that follows; its
speaker is the named person, or for a pronoun the last person named before the
sentence (a guess, like the analysis's own, which
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
calibration unchanged. Cost: linear in the sentences and the people's mentions.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Final

from newsprism.model import Analysis, Article
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.statement_units import ADDED_GROUPS, Unit

logger = logging.getLogger(__name__)

__all__ = ["speech_act_units"]

# Past-tense verbs of a speech act whose object carries content.
_ACTS: Final = (
    "accused", "announced", "apologized", "apologised", "vowed", "threatened", "rejected",
    "denied", "disputed", "blamed", "urged", "praised", "defended", "pleaded", "criticized",
    "criticised", "condemned", "called for", "called on", "pledged", "promised",
    "declined to comment", "refused to comment", "declined to say", "refused to say",
)  # fmt: skip
_ACT: Final = re.compile(r"\b(?:" + "|".join(re.escape(a) for a in _ACTS) + r")\b")
_PRONOUN: Final = re.compile(r"\b(?:he|she|He|She)\b")
# Words (an adverb, a time: "Trump on Thursday accused") between subject and verb.
_SUBJECT_GAP: Final = 4
_WORD: Final = re.compile(r"\S+")
# An apposition between subject and verb ("Glenn Beck, armed with his chalkboard,
# blamed ..."), which does not count in the gap.
_APPOSITION: Final = re.compile(r"^\s*,[^,;:.]{1,80},\s*")
# Offset of the group numbers of speech-act units (quote groups count from 0, the
# ungrouped quotes' own groups from -1 down).
_GROUP_BASE: Final = ADDED_GROUPS
_MIN_WORDS: Final = 4
# What ends a unit cut before a quote: ", saying", ", adding", an opening mark.
_TRAILER: Final = re.compile(
    r"[\s,;:—–-]*(?:(?:and\s+)?(?:saying|adding|said|says|noting|writing)\b)?[\s,;:.!?—–\"“'‘-]*$"
)


def speech_act_units(material: StoryMaterial, names: StoryNames) -> list[Unit]:
    """The story's speech-act units (see the module doc), in story order."""
    units: list[Unit] = []
    for index, article in enumerate(material.articles):
        analysis = material.analysis(article.id)
        if analysis is not None:
            units.extend(_article_units(index, article, analysis, names))
    return units


def _article_units(
    index: int, article: Article, analysis: Analysis, names: StoryNames
) -> list[Unit]:
    people = sorted(
        (m.start, m.end, names.resolve(e.name) or e.name)
        for e in analysis.entities
        if e.type == "PERSON"
        for m in e.mentions
    )
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
    people: Sequence[tuple[int, int, str]],
    spans: tuple[Sequence[tuple[int, int]], Sequence[tuple[int, int]]],
    numbers: tuple[int, int],
) -> Unit | None:
    """The speech-act unit of one sentence, or None. It ends before the reporting verb
    of a quote that follows the act ("accused Obama of ..., saying "..."": the quote is
    a unit of its own); partial quotes inside it stay ('blamed "progressivism" for
    ...'). An act inside a quote, or one the analysis took as a quote's reporting verb
    (its clause is a unit already), is none."""
    quoted, cues = spans
    start, end = sentence
    number, index = numbers
    text = article.text
    act = _ACT.search(text, start, end)
    if act is None or any(a <= act.start() < b for a, b in quoted):
        return None
    if any(a < act.end() and act.start() < b for a, b in cues):
        return None
    subject = _subject(text, start, act.start(), people)
    if subject is None:
        return None
    speaker, mention = subject
    end = min([end, *(a for a, _ in cues if act.end() < a < end)])
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


def _subject(
    text: str, start: int, verb: int, people: Sequence[tuple[int, int, str]]
) -> tuple[str, str] | None:
    """(speaker, mention) of the person written just before the verb, or None."""
    named = [p for p in people if start <= p[0] and p[1] <= verb]
    if named:
        first, last, name = named[-1]
        if len(_WORD.findall(_APPOSITION.sub(" ", text[last:verb]))) <= _SUBJECT_GAP:
            return name, text[first:last]
        return None
    pronoun = next(reversed(list(_PRONOUN.finditer(text, start, verb))), None)
    if pronoun is None or len(_WORD.findall(text[pronoun.end() : verb])) > _SUBJECT_GAP:
        return None
    before = [p for p in people if p[1] <= start]
    return (before[-1][2], pronoun.group()) if before else None
