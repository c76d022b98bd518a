"""Outlets counted once per copy: a file saved twice under two names is one outlet.

An article whose outlet nothing named (no manifest row, ``--outlet``, URL, byline or
credit) takes its file's name as its outlet, so that files nothing identifies stay
apart. A copy of one article under another file name ("pier.txt" and "pier (1).txt")
then read as a second outlet in ``stories`` and in the statements export's outlets,
though the story stage had grouped the two as copies of one text (stop 42's audit).

A copy group is the story stage's syndicated group (near-duplicates, not byte copies),
and a file named after the outlet that carried it ("herald.txt", "courier.txt") is that
outlet's only name: two such files carrying one wire story are two outlets (review
s43/e S1). So a member named only by its file's name adds no outlet only when it is a
copy saved again: its file's name is another member's once a copy marker (" (1)",
" - Copy", "-copy", " copy 2", "_1") is taken off, and its text is that member's text.
Between such copies one outlet counts: the named member's where one has an outlet of
its own, else the file without a marker. Everything else counts each outlet, as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from newsprism.ingest.unicode import one_line, storable_name
from newsprism.model import Article, normalize_for_id

logger = logging.getLogger(__name__)

__all__ = [
    "Member",
    "file_named",
    "story_members",
    "text_digest",
    "uncounted_articles",
    "uncounted_copies",
]

# The marks a file manager or a browser adds to a second save of one file: " (1)",
# "(2)", " - Copy", " - Copy (2)", "-copy", " copy", " copy 2", "_1".
_COPY_MARK = re.compile(r"(?:\s*\(\d+\)|\s+-\s+copy|[-\s]copy(?:\s+\d+)?|_\d+)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Member:
    """What the count needs of one stored article."""

    id: str
    outlet: str | None
    source: str
    text: str | None = None
    """:func:`text_digest` of the article's text; None where unknown (never a copy)."""


def text_digest(text: str) -> str:
    """A digest of ``text`` as article ids read it (case and spacing folded): equal for
    a file saved again, unequal for a wire text two outlets edited."""
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]


def _stem(source: str) -> str:
    """The name of the file ``source`` without its extensions or ``.gz``, as
    ``Input.stem`` takes it (a URL's last path part for a URL)."""
    name = PurePath(source.rstrip("/")).name.removesuffix(".gz")
    return PurePath(name).stem or name


def file_named(outlet: str | None, source: str) -> bool:
    """Whether ``outlet`` is only the name of the file ``source`` (what ingest falls
    back to: the name without its extensions or ``.gz``, as ``Input.stem`` takes it)."""
    if not outlet or "://" in source:
        return False
    return outlet == one_line(storable_name(_stem(source)))


def _unmarked(stem: str) -> str:
    """``stem`` without the copy marks a second save adds ("pier (1)" -> "pier")."""
    while (bare := _COPY_MARK.sub("", stem).rstrip()) != stem and bare:
        stem = bare
    return stem.casefold()


def uncounted_copies(
    members: Mapping[str, Member], groups: Iterable[Sequence[str]]
) -> frozenset[str]:
    """The ids of the copies in ``groups`` (a story's copy groups of article ids) whose
    outlet adds no outlet: members named only by their file's name that share their
    unmarked file name and their text with another member of the group. Of such saves
    one counts: a member with an outlet of its own, else the file without a copy mark
    (then the first name in name order, so the count does not depend on the order
    files were read)."""
    left: set[str] = set()
    for group in groups:
        saves: dict[tuple[str, str], list[Member]] = {}
        for m in (members[i] for i in dict.fromkeys(group) if i in members):
            if m.text is not None:
                saves.setdefault((_unmarked(_stem(m.source)), m.text), []).append(m)
        for found in saves.values():
            left.update(_copies(found))
    return frozenset(left)


def uncounted_articles(
    articles: Iterable[Article], groups: Iterable[Sequence[str]]
) -> frozenset[str]:
    """:func:`uncounted_copies` over articles already loaded (the story panel and the
    web story page hold them; the store reads its members with :func:`story_members`)."""
    held = {a.id: Member(a.id, a.outlet, a.source, text_digest(a.text)) for a in articles}
    return uncounted_copies(held, groups)


def _copies(found: list[Member]) -> list[str]:
    """Of one file's saves with one text, the ids that add no outlet."""
    named = [m for m in found if file_named(m.outlet, m.source)]
    if len(found) < 2 or not named:
        return []
    if len(named) == len(found):
        kept = min(
            named,
            key=lambda m: (_COPY_MARK.search(_stem(m.source)) is not None, m.outlet or "", m.id),
        )
        named = [m for m in named if m is not kept]
    return [m.id for m in named]


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
            "SELECT sa.story_id, a.id, a.outlet, a.source, a.text FROM story_articles sa "
            f"JOIN articles a ON a.id = sa.article_id WHERE sa.story_id IN ({marks})",
            chunk,
        )
        for story_id, article_id, outlet, source, text in rows:
            digest = text_digest(text) if isinstance(text, str) else None
            members[story_id][article_id] = Member(article_id, outlet, source, digest)
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
