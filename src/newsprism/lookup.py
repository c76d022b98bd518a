"""Find a stored story or article by its id or a prefix of it, with errors that say why not.

A prefix must be at least :data:`MIN_PREFIX` characters: story ids all start with "s",
so a one-letter prefix matches every story, and a short prefix that happens to match one
story today matches several tomorrow. Four characters leave 16³ = 4,096 story prefixes,
so a store of a few dozen stories rarely sees two share one.
"""

from __future__ import annotations

import logging
from typing import Literal

from newsprism.errors import AmbiguousId, NotFound
from newsprism.model import Article, Story
from newsprism.store import Store

logger = logging.getLogger(__name__)

MIN_PREFIX = 4
# How many candidate ids an ambiguity error lists.
_SHOWN = 6

Kind = Literal["story", "article"]
_TABLE: dict[Kind, Literal["stories", "articles"]] = {"story": "stories", "article": "articles"}


def not_found_error(store: Store, kind: Kind, key: str) -> NotFound:
    """Why ``key`` names no single story (or article): unknown, too short, or ambiguous."""
    matches = store.ids_starting(_TABLE[kind], key, _SHOWN + 1)
    if len(key) < MIN_PREFIX and matches:
        return AmbiguousId(
            kind,
            key,
            matches,
            f"{kind} id {key!r} is too short: give at least {MIN_PREFIX} characters "
            f"(e.g. {matches[0][: MIN_PREFIX + 4]})",
        )
    if len(matches) > 1:
        return AmbiguousId(kind, key, matches)
    return NotFound(kind, key)


def find_story(store: Store, key: str) -> Story:
    """The story with id ``key``, or the only one whose id starts with it.

    Raises :class:`NotFound`, or :class:`AmbiguousId` listing a few matches.
    """
    story = store.get_story(key) if len(key) >= MIN_PREFIX else None
    if story is None:
        raise not_found_error(store, "story", key)
    return story


def find_article(store: Store, key: str) -> Article:
    """The article with id ``key``, or the only one whose id starts with it."""
    article = store.get_article(key) if len(key) >= MIN_PREFIX else None
    if article is None:
        raise not_found_error(store, "article", key)
    return article
