"""Outlets counted once per copy: a file saved twice under two names is one outlet.

An article whose outlet nothing named (no manifest row, ``--outlet``, URL, byline or
credit) takes its file's name as its outlet, so that files nothing identifies stay
apart. A copy of one article under another file name ("pier.txt" and "pier (1).txt")
then read as a second outlet in ``stories`` and in the statements export's outlets,
though the story stage had grouped the two as copies of one text (stop 42's audit).
Within a copy group, the members named only by their file's name add one outlet
between them, and none when a member of the group has an outlet of its own: they are
that outlet's text saved again. Copies whose outlets were named (a wire text carried by
two named outlets) count each outlet, as before.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from newsprism.ingest.unicode import one_line, storable_name

logger = logging.getLogger(__name__)

__all__ = ["Member", "file_named", "story_members", "uncounted_copies"]


@dataclass(frozen=True, slots=True)
class Member:
    """What the count needs of one stored article."""

    id: str
    outlet: str | None
    source: str


def file_named(outlet: str | None, source: str) -> bool:
    """Whether ``outlet`` is only the name of the file ``source`` (what ingest falls
    back to: the name without its extensions or ``.gz``, as ``Input.stem`` takes it)."""
    if not outlet or "://" in source:
        return False
    name = PurePath(source).name.removesuffix(".gz")
    stem = PurePath(name).stem or name
    return outlet == one_line(storable_name(stem))


def uncounted_copies(
    members: Mapping[str, Member], groups: Iterable[Sequence[str]]
) -> frozenset[str]:
    """The ids of the copies in ``groups`` (a story's copy groups of article ids) whose
    outlet adds no outlet: every member named only by its file's name, save the first
    such name (in name order, so the count does not depend on the order files were
    read) where no member of the group has an outlet of its own."""
    left: set[str] = set()
    for group in groups:
        found = [members[i] for i in group if i in members]
        named = [m for m in found if file_named(m.outlet, m.source)]
        if len(found) < 2 or not named:
            continue
        if len(named) == len(found):
            kept = min(named, key=lambda m: (m.outlet or "", m.id))
            named = [m for m in named if m is not kept]
        left.update(m.id for m in named)
    return frozenset(left)


def story_members(
    conn: sqlite3.Connection, story_ids: Iterable[str]
) -> Iterator[tuple[str, dict[str, Member], frozenset[str]]]:
    """Each stored story's members and its uncounted copies, read through ``conn``; one
    join per 500 stories (the store's ``outlets_by_story`` and ``uncounted_copies``)."""
    ids = list(dict.fromkeys(story_ids))
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ", ".join("?" * len(chunk))
        members: dict[str, dict[str, Member]] = {i: {} for i in chunk}
        rows = conn.execute(
            "SELECT sa.story_id, a.id, a.outlet, a.source FROM story_articles sa "
            f"JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({marks})",
            chunk,
        )
        for story_id, article_id, outlet, source in rows:
            members[story_id][article_id] = Member(article_id, outlet, source)
        stored = conn.execute(f"SELECT id, duplicates FROM stories WHERE id IN ({marks})", chunk)
        groups = {story_id: _groups(value) for story_id, value in stored}
        for story_id in chunk:
            found = members[story_id]
            yield story_id, found, uncounted_copies(found, groups.get(story_id, ()))


def _groups(stored: object) -> list[list[str]]:
    """A story row's copy groups; none where the column cannot be read (reading the
    story itself says so: counting its outlets is no place to fail)."""
    try:
        value = json.loads(stored) if isinstance(stored, str) else None
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    return [[i for i in g if isinstance(i, str)] for g in value if isinstance(g, list)]
