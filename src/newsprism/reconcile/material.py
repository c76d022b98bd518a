"""What every reconcile step reads: one story's articles, their analyses, and which of
them are copies of one another.

:class:`StoryMaterial` is built once per story and handed to each step; it is read-only.
Copies (one duplicate group) are one *source*: a claim carried by a wire story and its
two syndicated copies has one source, not three.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from newsprism.model import Analysis, Article, Passage, Story

__all__ = ["StoryMaterial", "fold_outlets", "outlet_key"]

# Words that name an outlet's company or desk rather than the outlet: "Newsfeedr
# Media", "The Daily Meridian", "Harbour Herald Online", "Newsfeedr Staff".
_OUTLET_NOISE = re.compile(
    r"^(?:the)\s+|\s+(?:media|news|group|online|staff|digital|ltd\.?|inc\.?|plc|llc|co\.?|"
    r"newsroom|desk|\.com|com)$",
    re.IGNORECASE,
)


def outlet_key(name: str) -> str:
    """An outlet name without case, a leading "The" or a trailing company word; names
    with one key are one outlet ("Newsfeedr", "Newsfeedr Media", "newsfeedr.com")."""
    key = " ".join(name.replace(".com", " com").split())
    while True:
        trimmed = _OUTLET_NOISE.sub("", key).strip()
        if trimmed == key or not trimmed:
            return key.casefold()
        key = trimmed


def fold_outlets(names: Iterable[str | None]) -> dict[str, str]:
    """Each outlet name to the one form shown for its key: the form most articles use,
    then the shortest, then the first in order."""
    written = [n for n in names if n]
    counts = Counter(written)
    best: dict[str, str] = {}
    for name in dict.fromkeys(written):
        key = outlet_key(name)
        held = best.get(key)
        if held is None or (-counts[name], len(name)) < (-counts[held], len(held)):
            best[key] = name
    return {name: best[outlet_key(name)] for name in written}


@dataclass(frozen=True)
class StoryMaterial:
    """One story's articles (in the story's order) and their analyses.

    ``analyses`` may lack an article (not analysed, or not English): steps treat it as
    an article with nothing extracted.
    """

    story: Story
    articles: Sequence[Article]
    analyses: Mapping[str, Analysis] = field(default_factory=dict)

    @cached_property
    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def _source(self) -> dict[str, str]:
        leader = {a.id: a.id for a in self.articles}
        for group in self.story.duplicates:
            for member in group:
                leader[member] = group[0]
        return leader

    def source_of(self, article_id: str) -> str:
        """The id standing for the article's duplicate group (itself when no copy)."""
        return self._source.get(article_id, article_id)

    def sources(self, article_ids: Iterable[str]) -> int:
        """How many independent sources (duplicate groups) the articles are."""
        return len({self.source_of(a) for a in article_ids})

    @cached_property
    def _outlets(self) -> dict[str, str]:
        return fold_outlets(a.outlet for a in self.articles)

    def outlet(self, article_id: str) -> str | None:
        """The article's outlet as the brief shows it: variants of one outlet's name
        in the story ("Newsfeedr" / "Newsfeedr Media") folded to one form."""
        article = self.by_id.get(article_id)
        if article is None or article.outlet is None:
            return None
        return self._outlets.get(article.outlet, article.outlet)

    def analysis(self, article_id: str) -> Analysis | None:
        return self.analyses.get(article_id)

    def passage(self, article_id: str, start: int, end: int) -> Passage:
        """The passage ``text[start:end]`` of an article, with its outlet."""
        article = self.by_id[article_id]
        return Passage(article_id, self.outlet(article_id), article.text[start:end], start, end)

    def sentences(self, article_id: str) -> list[Passage]:
        """The article's sentences as passages (empty without an analysis)."""
        analysis = self.analyses.get(article_id)
        if analysis is None:
            return []
        return [self.passage(article_id, s, e) for s, e in analysis.sentences]

    def sentence_at(self, article_id: str, offset: int) -> Passage | None:
        """The sentence holding the character ``offset``, if the article was analysed."""
        for sentence in self.sentences(article_id):
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def english(self) -> list[Article]:
        """Articles the English analysis could read (those with an analysis of text)."""
        return [a for a in self.articles if a.id in self.analyses and self.analyses[a.id].sentences]
