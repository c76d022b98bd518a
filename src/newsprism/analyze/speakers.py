"""The contract between entity resolution and quote attribution.

Quote extraction finds *who is written* as the speaker ("she", "the minister",
"Kostanj"); entity resolution knows *who that is* in this article. This protocol is the
whole of what the quote extractor may ask, so either side can change alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

Gender = Literal["female", "male"]


class NameResolver(Protocol):
    """Answers questions about the people (and organisations) one article names."""

    def canonical(self, mention: str, start: int | None = None) -> str | None:
        """The canonical name a written mention refers to, or None.

        Handles full names, bare surnames, title-prefixed names ("Prime Minister Jane
        Doe"), possessives ("Doe's"), organisation names and abbreviations, and
        descriptions the article has tied to a person ("the union leader" after "Mirela
        Kostanj, the union leader"). ``start`` (the mention's offset) lets a description
        resolve to the person it described most recently before that point.
        """
        ...

    def people_before(self, offset: int) -> Sequence[tuple[str, int]]:
        """Canonical names of the people named before ``offset``, with each mention's
        start, in text order (the candidates a pronoun may refer to)."""
        ...

    def gender(self, name: str) -> Gender | None:
        """The gender the article's own words give a person (pronouns tied to them,
        honorifics such as Mr or Ms), or None when it does not say."""
        ...
