"""Long articles analysed in pieces: paragraph-aligned chunks, offsets shifted back.

spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters, error E088), and
its parser's memory grows with the length of one Doc, so an article longer than
:data:`CHUNK_CHARS` (a long transcript, a page that swallowed a comment thread) is cut
into chunks, each chunk is parsed and analysed on its own, and the chunk analyses are
merged into one :class:`~newsprism.model.Analysis` whose offsets index the whole text.

Cuts fall, in order of preference, at a paragraph break (``\\n\\n``), at a line break
or a sentence end, at a space, and only inside a giant unbroken run of characters at
the length limit itself. A chunk is never shorter than half the limit (unless it is the
last), so an article of ``n`` characters is at most ``2n / CHUNK_CHARS + 1`` parses.

What is lost at a cut: a quote or sentence that spans it is seen as two pieces, and a
pronoun cannot resolve to a name in an earlier chunk. Names are merged across chunks
(the same canonical name and type is one entity; a lone surname in one chunk joins the
one full name that ends with it in another), and quote groups are renumbered so they
stay unique within the article.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from newsprism.model import Analysis, DateMention, Entity, Mention, Quantity, Quote

logger = logging.getLogger(__name__)

# Largest chunk handed to spaCy. Calibrated with bench/long_article.py on a generated
# 1.2M-character article: 100k-character chunks keep the whole run's peak RSS near the
# short-article baseline while costing the same wall time per character as whole
# articles (smaller chunks add per-Doc overhead and more cuts; larger ones only memory).
CHUNK_CHARS = 100_000

# A sentence end (with any closing quote or bracket) followed by spaces, or a line break.
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*[ \t]+|\n")
_SPACE = re.compile(r"\s+")


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans that tile ``text`` exactly, each at most ``limit`` long.

    Guarantee: the spans are contiguous, start at 0, end at ``len(text)``, and a text
    no longer than ``limit`` is one span.
    """
    if limit < 2:
        raise ValueError(f"chunk limit must be at least 2 characters, got {limit}")
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, hard: int) -> int:
    """Where a chunk that starts at ``start`` should end, at most at ``hard``."""
    floor = start + (hard - start) // 2
    paragraph = text.rfind("\n\n", floor, hard)
    if paragraph >= 0:
        return paragraph + 2
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(text, floor, hard)]
        if ends and ends[-1] > floor:
            return ends[-1]
    return hard


# --- merging chunk analyses ---------------------------------------------------------------


def merge_chunks(article_id: str, version: str, parts: Sequence[tuple[int, Analysis]]) -> Analysis:
    """One analysis from the analyses of chunks starting at the given offsets."""
    quotes: list[Quote] = []
    next_group = 0
    for offset, part in parts:
        quotes += [_shift_quote(q, offset, next_group) for q in part.quotes]
        groups = [q.group for q in part.quotes if q.group is not None]
        next_group += max(groups) + 1 if groups else 0
    entities, renamed = _merge_entities(
        [_shift_entity(e, offset) for offset, part in parts for e in part.entities]
    )
    quotes = [
        replace(q, speaker=renamed.get(q.speaker, q.speaker)) if q.speaker else q for q in quotes
    ]
    return Analysis(
        article_id=article_id,
        version=version,
        sentences=tuple((s + o, e + o) for o, part in parts for s, e in part.sentences),
        entities=entities,
        quotes=tuple(quotes),
        quantities=tuple(_shift_span(q, o) for o, part in parts for q in part.quantities),
        dates=tuple(_shift_span(d, o) for o, part in parts for d in part.dates),
    )


_Spanned = TypeVar("_Spanned", Quantity, DateMention, Mention)


def _shift_span(item: _Spanned, offset: int) -> _Spanned:
    return replace(item, start=item.start + offset, end=item.end + offset)


def _plus(value: int | None, offset: int) -> int | None:
    return None if value is None else value + offset


def _shift_quote(quote: Quote, offset: int, first_group: int) -> Quote:
    return replace(
        quote,
        start=quote.start + offset,
        end=quote.end + offset,
        speaker_start=_plus(quote.speaker_start, offset),
        speaker_end=_plus(quote.speaker_end, offset),
        cue_start=_plus(quote.cue_start, offset),
        cue_end=_plus(quote.cue_end, offset),
        group=None if quote.group is None else quote.group + first_group,
    )


def _shift_entity(entity: Entity, offset: int) -> Entity:
    return replace(entity, mentions=tuple(_shift_span(m, offset) for m in entity.mentions))


def _merge_entities(entities: list[Entity]) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Entities of every chunk, one per (name, type), in order of first mention; and the
    lone surnames renamed to the one full name ending with them."""
    renamed = _surname_folds(entities)
    merged: dict[tuple[str, str], list[Mention]] = {}
    for entity in entities:
        key = renamed.get(entity.name, entity.name) if entity.type == "PERSON" else entity.name
        merged.setdefault((key, entity.type), []).extend(entity.mentions)
    found = [
        Entity(name, kind, tuple(sorted(mentions, key=lambda m: (m.start, m.end))))
        for (name, kind), mentions in merged.items()
    ]
    found.sort(key=lambda e: e.mentions[0].start if e.mentions else -1)
    return tuple(found), renamed


def _surname_folds(entities: list[Entity]) -> dict[str, str]:
    """One-word person names that end exactly one longer person name of the article."""
    full_names = {e.name for e in entities if e.type == "PERSON" and " " in e.name}
    by_last: dict[str, set[str]] = {}
    for name in full_names:
        by_last.setdefault(name.rsplit(" ", 1)[1], set()).add(name)
    return {
        e.name: next(iter(by_last[e.name]))
        for e in entities
        if e.type == "PERSON" and " " not in e.name and len(by_last.get(e.name, ())) == 1
    }
