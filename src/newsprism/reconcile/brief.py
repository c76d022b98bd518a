"""The story brief: every reconcile step run over one story, in dependency order.

Steps, what each reads and what it writes (into :class:`~newsprism.model.Brief`):

============================  ==========================================  ================
step                          reads                                       writes
============================  ==========================================  ================
``build_roster``              entities                                    ``entities``
``align_statements``          quotes, similarity                          ``statements``
``compare_facts``             quantities                                  ``facts``
``find_discrepancies``        sentences, facts, similarity                ``discrepancies``
``find_exclusives``           sentences, entities, statements, facts      ``exclusives``
``build_timeline``            dates, sentences, publication dates         ``timeline``
``summarize``                 sentences, similarity                       ``summary``
``frame``                     titles, quotes, statements, facts           ``framing``
``unanalysed_articles``       languages                                   ``unanalysed``
============================  ==========================================  ================

All steps are pure functions of :class:`~newsprism.reconcile.material.StoryMaterial`;
:class:`Reconciler` holds the one costly thing they share, the similarity model, so a
batch of stories loads it once.
"""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from typing import Literal

from newsprism.analyze.batch import analyze_stored
from newsprism.model import Brief, Story
from newsprism.reconcile.discrepancies import DiscrepancyOptions, find_discrepancies
from newsprism.reconcile.exclusives import ExclusiveOptions, find_exclusives
from newsprism.reconcile.facts import FactOptions, compare_facts
from newsprism.reconcile.framing import frame
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import RosterOptions, build_roster
from newsprism.reconcile.similarity import TextSimilarity, make_similarity
from newsprism.reconcile.statements import StatementOptions, align_statements
from newsprism.reconcile.summary import SummaryOptions, summarize
from newsprism.reconcile.timeline import TimelineOptions, build_timeline
from newsprism.reconcile.unanalysed import unanalysed_articles
from newsprism.store import Store

logger = logging.getLogger(__name__)

__all__ = ["BriefOptions", "Reconciler", "material_of"]


@dataclass(frozen=True)
class BriefOptions:
    """How briefs are made: ``embeddings`` picks the similarity of statements, claims and
    summary sentences ("auto": dense when installed, else lexical); the other fields are
    each step's own options (their defaults are the calibrated ones). A timeline's
    ``similarity`` is always the brief's."""

    embeddings: Literal["auto", "off", "on"] = "auto"
    roster: RosterOptions = field(default_factory=RosterOptions)
    statements: StatementOptions = field(default_factory=StatementOptions)
    facts: FactOptions = field(default_factory=FactOptions)
    discrepancies: DiscrepancyOptions = field(default_factory=DiscrepancyOptions)
    exclusives: ExclusiveOptions = field(default_factory=ExclusiveOptions)
    timeline: TimelineOptions = field(default_factory=TimelineOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)


class Reconciler:
    """Makes briefs. Cost of :meth:`brief`: dominated by the similarity of the story's
    sentences (quadratic in a story's sentences, a few hundred ms for 50 articles with
    the lexical model); the model loads once per Reconciler."""

    def __init__(
        self, options: BriefOptions | None = None, similarity: TextSimilarity | None = None
    ) -> None:
        self.options = options or BriefOptions()
        self.similarity = similarity or make_similarity(self.options.embeddings)

    def brief(self, material: StoryMaterial) -> Brief:
        """The brief of one story; every item carries its articles and spans."""
        before = int(getattr(self.similarity, "embedded", 0))
        with self._story(material):
            brief = self._steps(material)
        embedded = int(getattr(self.similarity, "embedded", 0)) - before
        if self.similarity.dense:
            articles = max(1, len(material.articles))
            logger.debug(
                "story %s: %d texts embedded, %.1f an article",
                material.story.id, embedded, embedded / articles,
            )  # fmt: skip
        return brief

    def _story(self, material: StoryMaterial) -> AbstractContextManager[None]:
        """A dense model's story scope: the story's sentences go to it in one batch and
        the texts cut from them are pooled from that pass (``DenseSimilarity.story``)."""
        story = getattr(self.similarity, "story", None)
        return nullcontext() if story is None else story(p.text for p in material.story_pieces())

    def _steps(self, material: StoryMaterial) -> Brief:
        opts, similarity = self.options, self.similarity
        roster = build_roster(material, opts.roster)
        statements = align_statements(material, similarity, opts.statements, roster=roster)
        facts = compare_facts(material, opts.facts)
        timeline = build_timeline(material, replace(opts.timeline, similarity=similarity))
        exclusives = find_exclusives(
            material, statements, facts, similarity, opts.exclusives, roster=roster
        )
        discrepancies = find_discrepancies(material, facts, similarity, opts.discrepancies)
        return Brief(
            story=material.story,
            summary=tuple(summarize(material, similarity, opts.summary)),
            statements=tuple(statements),
            facts=tuple(facts),
            discrepancies=tuple(discrepancies),
            exclusives=tuple(exclusives),
            timeline=tuple(timeline),
            entities=tuple(roster),
            framing=frame(material, statements, facts),
            unanalysed=unanalysed_articles(material),
        )


def material_of(store: Store, story: Story) -> StoryMaterial:
    """A stored story with its articles (in the story's order) and their analyses
    (computed if missing)."""
    articles = store.get_articles(story.articles)
    analyses = analyze_stored(store, [a.id for a in articles])
    return StoryMaterial(story, articles, analyses)
