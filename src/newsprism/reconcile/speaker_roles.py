"""An unnamed role holder of a named person ("Rask's lawyer said") is the one person the
story names in that role (for :func:`~newsprism.reconcile.speaker_bodies.speaking_for`).

One outlet writes "Mara Rask's attorney confirmed that ...", another "Rask's lawyer,
Tomas Holt, said in a statement that ...": one person, whose renderings stayed apart
because one speaker was unresolved (a merge at the higher ``unresolved`` threshold,
without the weight of two resolved speakers). :func:`role_holders` reads the story's
appositions that name a person's lawyer or spokesperson ("<Owner>'s lawyer, <Name>",
"a lawyer for <Owner>, <Name>", "<Name>, <Owner>'s attorney", "<Name>, a spokesman for
<Owner>"); :func:`role_holder` gives an unresolved mention of that role of that owner
the one person so named. Attorney and lawyer are one role. Never where the story names
two people in the role (which of them spoke is not known), nor where the owner or the
holder is no person of the roster. An apposition counts only where it opens a sentence
or a clause, or follows a verb of saying, and closes with a comma or the sentence: a
fronted phrase ending in a name ("After meeting <Name>, Rask's attorney said ...", "In
a letter to <Name>, ...") or in the role ("Asked about Rask's lawyer, <Name> said")
made that name the lawyer (review s37 H11).

Measured (``--cache``, analysis 37, lexical, one change, same runs, statement pairs):
BASIL calibration 135 / 172 (P 0.971), development 68 / 96 (P 0.972), Multi-News
development 37 / 70 (P 0.976) and dev2 12 / 22 (P 1.0), all unchanged. It fires once
there (development: an unnamed "<Owner>'s attorney" whose statement other outlets credit
to "<Owner>'s lawyer, <Name>"): that unit pair's probability rises 0.374 -> 0.710, but
the gold pair stays unrecalled (a third outlet renders the statement in two quote
groups, which never share one statement). Kept for the speaker a reader sees (the
lawyer, where it was none) and for pairs of two outlets that do not split it.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Final

from newsprism.reconcile.roster import StoryNames

__all__ = ["ROLE_WORDS", "role_holder", "role_holders", "word_windows"]

logger = logging.getLogger(__name__)

#: Roles a person holds for another, by the word that names them -> the role (BASIL
#: development: an unnamed "<Owner>'s attorney" beside "<Owner>'s lawyer, <Name>").
ROLE_WORDS: Final = {
    "attorney": "lawyer",
    "lawyer": "lawyer",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "publicist": "publicist",
}
_ROLE = r"(?P<role>(?i:attorney|lawyer|spokes(?:wo)?man|spokesperson|publicist))"
_CAPITAL = r"[A-Z][\w'’.\-]*"
_NAME = rf"{_CAPITAL}(?:\s+{_CAPITAL})*"
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
_OWNS = r"['’]s"
_DET = r"(?:(?i:an?|the)\s+)"
_TIES: Final = (
    # "Rask's lawyer, Tomas Holt," / "a lawyer for Ms. Rask, Tomas Holt,"
    re.compile(rf"(?P<lead>(?P<owner>{_NAME}){_OWNS}\s+{_ROLE}),\s+(?P<name>{_NAME})"),
    re.compile(
        rf"(?P<lead>{_DET}{_ROLE}\s+for\s+{_HONORIFIC}(?P<owner>{_NAME})),\s+(?P<name>{_NAME})"
    ),
    # "Tomas Holt, Rask's attorney," / "Tomas Holt, a spokesman for Rask,"
    re.compile(rf"(?P<lead>(?P<name>{_NAME})),\s+{_DET}?(?P<owner>{_NAME}){_OWNS}\s+{_ROLE}\b"),
    re.compile(
        rf"(?P<lead>(?P<name>{_NAME})),\s+{_DET}{_ROLE}\s+for\s+{_HONORIFIC}(?P<owner>{_NAME})"
    ),
)
# Where an apposition may open: a sentence, a clause after a comma, a quote or bracket,
# or after a verb of saying or "according to" ("said Tomas Holt, Rask's lawyer."). Not
# after any other word: a fronted phrase ends in a name or a role ("After meeting Ivo
# Lind, Rask's attorney said", "In a letter to Ana Holt, ...", "Asked about Rask's
# lawyer, Ivo Lind said"), and its name is no holder (review s37 H11). Read in the 20
# characters before it.
_OPENS: Final = re.compile(
    r"(?:^|[.!?;:,][\"”’)]?\s+|[\"“‘(\[]\s*|\n\s*"
    r"|(?<![\w-])(?i:said|says|added|adds|told|wrote|according\s+to)\s+)$"
)
# What closes an apposition: a comma, a sentence's end or a bracket, never a verb ("Rask's
# attorney said" after a fronted "After meeting Ivo Lind," is the clause's subject).
_CLOSES: Final = re.compile(r"\s*(?:[,.;:!?)\"”’]|$)")
# Characters read either side of a role word (:func:`_windows`): an owner's and a holder's
# names with the words between ("a lawyer for New York Rep. Mara Rask, Tomas Holt-Varga").
_WINDOW: Final = 120
_ROLE_WORD: Final = re.compile(_ROLE)
# An unnamed holder's mention: "<Owner>'s lawyer", "a lawyer for <Owner>".
_MENTIONS: Final = (
    re.compile(rf"^(?:.*\s)?(?P<owner>{_NAME}){_OWNS}\s+{_ROLE}$"),
    re.compile(rf"^{_DET}?{_ROLE}\s+for\s+{_HONORIFIC}(?P<owner>{_NAME})$"),
)


def role_holders(texts: Iterable[str], names: StoryNames) -> dict[tuple[str, str], str]:
    """(owner, role) -> the one person the texts name in that role of that owner (both
    people of the roster), read from appositions only (:func:`_ties`); a role with two
    holders is left out."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for text in texts:
        for owner, role, holder in _ties(text, names):
            found[(owner, role)].add(holder)
    holders = {key: next(iter(h)) for key, h in found.items() if len(h) == 1}
    if holders:
        logger.debug("role holders: %s", holders)
    return holders


def _ties(text: str, names: StoryNames) -> Iterator[tuple[str, str, str]]:
    """(owner, role, holder) for each apposition of :data:`_TIES` in the text, read in
    windows around the role words (a page of capitalised words without a comma is one
    long run, which the patterns would rescan from every word: 8,000 words took 146 s).
    The apposition must open where one can (:data:`_OPENS`) and close (:data:`_CLOSES`);
    both are judged on the part of a capitalised run that the roster holds ("After Ivo
    Lind": "Ivo Lind", opened by "After")."""
    for start, window in word_windows(_ROLE_WORD, text, _WINDOW):
        for pattern in _TIES:
            for match in pattern.finditer(window):
                owner, owner_at = _person(match["owner"], names)
                holder, holder_at = _person(match["name"], names)
                if owner is None or holder is None or owner == holder:
                    continue
                lead = start + match.start("lead")
                if match.start("lead") == match.start("name"):
                    lead += holder_at  # judged where the run's roster part opens
                elif match.start("lead") == match.start("owner"):
                    lead += owner_at
                if not _OPENS.search(text, max(0, lead - 20), lead) or not _CLOSES.match(
                    text, start + match.end()
                ):
                    continue
                yield owner, ROLE_WORDS[match["role"].casefold()], holder


def word_windows(pattern: re.Pattern[str], text: str, width: int) -> Iterator[tuple[int, str]]:
    """(offset, stretch) around each match of ``pattern``, at most ``width`` characters
    either side, cut at spaces: patterns run there only, so a long run of capitalised
    words (a page in capitals) costs no more than its role words do. Cost: one scan of
    ``text`` plus ``2 * width`` characters per match."""
    for match in pattern.finditer(text):
        start = max(0, match.start() - width)
        end = min(len(text), match.end() + width)
        if start > 0:
            start = text.find(" ", start, match.start()) + 1 or start
        if end < len(text):
            end = max(text.rfind(" ", match.end(), end), match.end())
        yield start, text[start:end]


def role_holder(
    mention: str | None, holders: dict[tuple[str, str], str], names: StoryNames
) -> str | None:
    """The person an unnamed role holder's mention ("Rask's lawyer") stands for, or
    None."""
    text = (mention or "").strip()
    for pattern in _MENTIONS:
        match = pattern.match(text)
        if match is not None:
            owner, _ = _person(match["owner"], names)
            role = ROLE_WORDS[match["role"].casefold()]
            return holders.get((owner, role)) if owner else None
    return None


def _person(run: str, names: StoryNames) -> tuple[str | None, int]:
    """The person a capitalised run ends in ("New York Rep. Mara Rask" -> "Mara Rask"):
    its longest closing part the roster holds, when that is a person; and where that part
    opens in the run (0 where none)."""
    words = list(re.finditer(r"\S+", run))
    for word in words:
        found = names.resolve(run[word.start() :].strip(",.;:"))
        if found is not None:
            person = found if names.types.get(found) == "PERSON" else None
            return person, word.start()
    return None, 0
