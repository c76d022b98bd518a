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
holder is no person of the roster.

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
from collections.abc import Iterable
from typing import Final

from newsprism.reconcile.roster import StoryNames

__all__ = ["ROLE_WORDS", "role_holder", "role_holders"]

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
    re.compile(rf"(?P<owner>{_NAME}){_OWNS}\s+{_ROLE},\s+(?P<name>{_NAME})"),
    re.compile(rf"{_DET}{_ROLE}\s+for\s+{_HONORIFIC}(?P<owner>{_NAME}),\s+(?P<name>{_NAME})"),
    # "Tomas Holt, Rask's attorney," / "Tomas Holt, a spokesman for Rask,"
    re.compile(rf"(?P<name>{_NAME}),\s+{_DET}?(?P<owner>{_NAME}){_OWNS}\s+{_ROLE}\b"),
    re.compile(rf"(?P<name>{_NAME}),\s+{_DET}{_ROLE}\s+for\s+{_HONORIFIC}(?P<owner>{_NAME})"),
)
# An unnamed holder's mention: "<Owner>'s lawyer", "a lawyer for <Owner>".
_MENTIONS: Final = (
    re.compile(rf"^(?:.*\s)?(?P<owner>{_NAME}){_OWNS}\s+{_ROLE}$"),
    re.compile(rf"^{_DET}?{_ROLE}\s+for\s+{_HONORIFIC}(?P<owner>{_NAME})$"),
)


def role_holders(texts: Iterable[str], names: StoryNames) -> dict[tuple[str, str], str]:
    """(owner, role) -> the one person the texts name in that role of that owner (both
    people of the roster); a role with two holders is left out."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for text in texts:
        for pattern in _TIES:
            for match in pattern.finditer(text):
                owner = _person(match["owner"], names)
                holder = _person(match["name"], names)
                if owner and holder and owner != holder:
                    found[(owner, ROLE_WORDS[match["role"].casefold()])].add(holder)
    holders = {key: next(iter(h)) for key, h in found.items() if len(h) == 1}
    if holders:
        logger.debug("role holders: %s", holders)
    return holders


def role_holder(
    mention: str | None, holders: dict[tuple[str, str], str], names: StoryNames
) -> str | None:
    """The person an unnamed role holder's mention ("Rask's lawyer") stands for, or
    None."""
    text = (mention or "").strip()
    for pattern in _MENTIONS:
        match = pattern.match(text)
        if match is not None:
            owner = _person(match["owner"], names)
            role = ROLE_WORDS[match["role"].casefold()]
            return holders.get((owner, role)) if owner else None
    return None


def _person(run: str, names: StoryNames) -> str | None:
    """The person a capitalised run ends in ("New York Rep. Mara Rask" -> "Mara Rask"):
    its longest closing part the roster holds, when that is a person."""
    words = run.split()
    for start in range(len(words)):
        found = names.resolve(" ".join(words[start:]).strip(",.;:"))
        if found is not None:
            return found if names.types.get(found) == "PERSON" else None
    return None
