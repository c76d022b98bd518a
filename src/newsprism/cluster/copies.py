"""Copy groups a fact-checker can rely on: a copy whose figures were changed is not the
same source as the text it copies.

Near-duplicate detection (:mod:`newsprism.cluster.dedup`) compares word shingles, so a
wire text republished with one figure changed ("12 dead" -> "15 dead": an update of the
toll, or an outlet's own correction) still shares most shingles with the original and
lands in its copy group. A story's copy groups are what the cross-check counts as one
source (``StoryMaterial.sources``), so such a pair was one source: the differing
figures were never set against each other, and a figure two outlets disagree on read as
"single" in the numbers while the texts disagree. A copy's own figures are what a
fact-checker needs compared: each side is a report of its own.

Rule: within a copy group, a member stays with the group's first member when its
figures (:func:`~newsprism.cluster.join.number_keys`: numbers as written, years left
out) agree with that member's up to omission: one side's figures are a subset of the
other's (a paragraph cut for length drops its figures; an added update line adds some).
A member with a figure of its own *and* missing one of the other's (a figure replaced)
starts a group of its own, which later members may join. Groups of one are no copy
group. Not calibrated: a changed figure is a fact, not a similarity score.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

__all__ = ["figures_conflict", "split_by_figures"]

logger = logging.getLogger(__name__)


def figures_conflict(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether each side writes a figure the other lacks (a figure replaced, not cut)."""
    return bool(one - other) and bool(other - one)


def split_by_figures(
    group: Sequence[str], figures: Mapping[str, frozenset[str]]
) -> list[tuple[str, ...]]:
    """``group`` (a copy group, members in order) cut where figures were changed: each
    member joins the first part whose first member's figures do not conflict with its
    own (a member whose text is unknown stays with the first part). Parts of two or more
    members, in order."""
    parts: list[list[str]] = []
    for member in group:
        mine = figures.get(member)
        for part in parts:
            lead = figures.get(part[0])
            if mine is None or lead is None or not figures_conflict(mine, lead):
                part.append(member)
                break
        else:
            parts.append([member])
    if len(parts) > 1:
        logger.info("copy group of %s: %d with figures of their own", group[0], len(parts) - 1)
    return [tuple(p) for p in parts if len(p) > 1]
