"""What every reconcile step reads: one story's articles, their analyses, and which of
them are copies of one another.

:class:`StoryMaterial` is built once per story and handed to each step; it is read-only.
Copies (one duplicate group) are one *source*: a claim carried by a wire story and its
two syndicated copies has one source, not three.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise
from typing import Any, Generic, Protocol, TypeVar

from newsprism.model import Analysis, Article, Passage, Story

__all__ = ["StoryMaterial", "fold_outlets", "headline_lists", "outlet_key"]

# A sentence's pieces: text between line breaks, trimmed.
_PIECE = re.compile(r"[^\s](?:[^\n]*[^\s])?")
# A related-headlines list at a page's foot: a clock time before a headline, twice or
# more on a line or on consecutive lines ("01:15 Ferry talks stall 02:12 Port reopens").
_STAMPED = re.compile(r"(?<![\w:])\d{1,2}:\d{2}(?![\w:])\s+(?=[A-Z\"“‘'])")
_LINE = re.compile(r"[^\n]+")


class _Placed(Protocol):
    @property
    def start(self) -> int: ...


_P = TypeVar("_P", bound=_Placed)


class ByStart(Generic[_P]):
    """Items with a ``start`` offset, found by the range they start in: a bisect of their
    sorted starts, O(log n + k) a look-up after an O(n log n) build, returned in the
    items' own order (as a filter of them all gives them)."""

    def __init__(self, items: Sequence[_P]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]

    def within(self, start: int, end: int) -> list[_P]:
        """The items that start in ``[start, end)``."""
        inside = self._order[bisect_left(self._starts, start) : bisect_left(self._starts, end)]
        return [self._items[i] for i in sorted(inside)]


def headline_lists(text: str) -> list[tuple[int, int]]:
    """Spans of related-headline lists: lines with two time-stamped headlines, or runs
    of two or more lines that each open with one. Their figures and names are other
    stories' and are not mined."""
    lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text)]
    found: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for start, end, line in lines:
        stamps = list(_STAMPED.finditer(line))
        opens = bool(stamps) and not line[: stamps[0].start()].strip()
        if len(stamps) >= 2 and opens:
            found.append((start, end))
        if opens:
            run.append((start, end))
            continue
        if len(run) >= 2:
            found.extend(run)
        run = []
    if len(run) >= 2:
        found.extend(run)
    return sorted(set(found))


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

    @cached_property
    def _memos(self) -> dict[str, dict[Any, Any]]:
        return {}

    def memo(self, name: str) -> dict[Any, Any]:
        """A dict that lives as long as this material, one per ``name``: a step keeps
        there what it derives from the story and would otherwise derive again for every
        pair or pass (a passage's figures, a sentence's resolved dates). The material
        is read-only, so what is derived from it stays true."""
        return self._memos.setdefault(name, {})

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

    def pieces(self, sentence: Passage) -> list[Passage]:
        """A sentence split at line breaks (an analyser's sentence may run across a
        paragraph break), each piece trimmed; pieces without a letter are dropped."""
        return [
            self.passage(sentence.article, sentence.start + m.start(), sentence.start + m.end())
            for m in _PIECE.finditer(sentence.text)
            if any(c.isalpha() for c in m.group())
        ]

    def story_pieces(self) -> list[Passage]:
        """Every article's sentence pieces in story order, related-headline lists at a
        page's foot left out (:func:`headline_lists`)."""
        return [
            piece
            for article in self.articles
            for sentence in self.sentences(article.id)
            for piece in self.pieces(sentence)
            if not self.in_headline_list(article.id, piece.start)
        ]

    @cached_property
    def _headline_lists(self) -> dict[str, list[tuple[int, int]]]:
        return {a.id: headline_lists(a.text) for a in self.articles}

    def in_headline_list(self, article_id: str, offset: int) -> bool:
        """Whether the offset lies in a related-headline list of the article."""
        spans = self._headline_lists.get(article_id, [])
        return any(start <= offset < end for start, end in spans)

    def sentence_at(self, article_id: str, offset: int) -> Passage | None:
        """The sentence holding the character ``offset``, if the article was analysed
        (the first such sentence in the analysis' order)."""
        analysis = self.analyses.get(article_id)
        if analysis is None:
            return None
        starts = self._sentence_starts(article_id, analysis.sentences)
        if starts is None:  # sentences out of order or overlapping: read them in turn
            spans = analysis.sentences
        else:  # the one sentence that can hold it (a live blog has hundreds)
            at = bisect_right(starts, offset) - 1
            spans = analysis.sentences[at : at + 1] if at >= 0 else ()
        for start, end in spans:
            if start <= offset < end:
                return self.passage(article_id, start, end)
        return None

    def mentions_in(self, article_id: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """The article's entity mentions that start in ``[start, end)``, as (mention
        start, mention end, the entity's place in the analysis' entities), by start:
        a look-up in a per-article table (reading every entity's every mention per
        passage was the cost of a live blog's hundreds of sentences and names)."""
        memo = self.memo("mentions")
        table = memo.get(article_id)
        if table is None:
            analysis = self.analyses.get(article_id)
            rows = sorted(
                (m.start, m.end, n)
                for n, e in enumerate(analysis.entities if analysis is not None else ())
                for m in e.mentions
            )
            table = memo[article_id] = ([r[0] for r in rows], rows)
        starts, rows = table
        found: list[tuple[int, int, int]] = rows[
            bisect_left(starts, start) : bisect_left(starts, end)
        ]
        return found

    def _sentence_starts(
        self, article_id: str, sentences: Sequence[tuple[int, int]]
    ) -> list[int] | None:
        """The article's sentence starts when the sentences are in order and apart
        (kept per article), else None."""
        memo = self.memo("sentence starts")
        if article_id not in memo:
            ordered = all(a[1] <= b[0] and a[0] < a[1] for a, b in pairwise(sentences))
            memo[article_id] = [s for s, _ in sentences] if ordered else None
        found: list[int] | None = memo[article_id]
        return found

    def english(self) -> list[Article]:
        """Articles the English analysis could read (those with an analysis of text)."""
        return [a for a in self.articles if a.id in self.analyses and self.analyses[a.id].sentences]
