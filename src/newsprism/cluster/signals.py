"""What story clustering reads of an article (:class:`ArticleSignals`) and how it is read
from an article and its analysis (:func:`signals_of`); apart from the clusterer so that
the clusterer's module is about placing articles."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

from newsprism.analyze.aliases import AliasTable, fold_key
from newsprism.model import Analysis, Article

logger = logging.getLogger(__name__)

__all__ = ["ENTITY_TYPES", "ArticleSignals", "calendar_days", "signals_of"]

# An ISO calendar day; a range ("2026-03-02/2026-03-08") or a month ("2026-03") is not one.
_ONE_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


@dataclass(frozen=True)
class ArticleSignals:
    """What story clustering reads of one article.

    ``entities`` and ``speakers`` are canonical names (alias-folded); ``duplicate_of`` is
    the first member of the article's near-duplicate group, if it is a copy.
    """

    article_id: str
    published: datetime | None
    title: str | None
    text: str
    entities: frozenset[str] = frozenset()
    speakers: frozenset[str] = frozenset()
    language: str | None = None
    duplicate_of: str | None = None
    # The calendar days the text gives (:func:`calendar_days`), ISO "YYYY-MM-DD".
    days: frozenset[str] = frozenset()


def signals_of(
    article: Article,
    analysis: Analysis | None,
    aliases: AliasTable | None = None,
    duplicate_of: str | None = None,
) -> ArticleSignals:
    """An article's signals: its named people, places, organisations, groups, facilities
    and events (types in :data:`ENTITY_TYPES`) and quoted speakers, under the alias
    table's canonical names, less names of the outlet itself ("CPA" in CPA copy).
    Cost: linear in the analysis."""
    table = aliases or AliasTable.default()
    own = _own_names(article)
    entities = [e.name for e in analysis.entities if e.type in ENTITY_TYPES] if analysis else []
    speakers = [q.speaker for q in analysis.quotes if q.speaker] if analysis else []
    canonical = [table.canonical(n) or n for n in entities]
    return ArticleSignals(
        article_id=article.id,
        published=article.published,
        title=article.title,
        text=article.text,
        entities=frozenset(n for n in canonical if fold_key(n) not in own),
        speakers=frozenset(table.canonical(n) or n for n in speakers),
        language=article.language,
        duplicate_of=duplicate_of if duplicate_of != article.id else None,
        days=calendar_days(analysis),
    )


def calendar_days(analysis: Analysis | None) -> frozenset[str]:
    """The calendar days an article's text gives: its date mentions the analyser resolved
    to one day, written out ("March 3, 2011") or against the publication time ("on
    Monday" in a dated article). Left out: ranges (a week, a month, a year: "in March"
    is shared by unrelated events), mentions whose day/month order was not decided
    (either reading may be wrong) and those left for the story stage to resolve (a
    relative date in an undated article). Cost: linear in the dates."""
    if analysis is None:
        return frozenset()
    return frozenset(
        mention.date
        for mention in analysis.dates
        if mention.date and not mention.ambiguous and _ONE_DAY.fullmatch(mention.date)
    )


def _own_names(article: Article) -> set[str]:
    names = {fold_key(n) for n in (article.outlet, article.credit) if n}
    return names | {"".join(w[0] for w in n.split()) for n in names if " " in n}
