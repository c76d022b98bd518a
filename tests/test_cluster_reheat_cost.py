"""What a late article's re-heat costs and keeps: with a dense model only the members of
the stories it re-heats are embedded (the window's other listed stories are ranked by
the lexical model), the lexical model re-heats the stories it re-heated before, and a
re-heated story that freezes again unchanged stays listed for a later late article of
its days (review s43/1 M2, L1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pytest

from newsprism.cluster.stories import LATE_ARRIVALS, ArticleSignals, StoryClusterer
from newsprism.cluster.vectors import LexicalVectorizer, Vectors
from tests.test_cluster_reheat import NearShelf, later
from tests.test_cluster_stories import FROST, OPTIONS, STRIKE_COURIER, STRIKE_GAZETTE


@dataclass(eq=False)
class CountingVectorizer(LexicalVectorizer):
    """The lexical model, counting the texts it is asked to vectorise; ``dense`` says
    whether it stands for a dense model (each text costly to embed)."""

    dense: bool = False
    texts: list[str] = field(default_factory=list)

    def vectors(self, texts: Sequence[str]) -> Vectors:
        self.texts.extend(texts)
        return super().vectors(texts)


def _body(signals: ArticleSignals) -> str:
    return f"{signals.title}\n\n{signals.text}" if signals.title else signals.text


FROST_SAME_DAY = replace(FROST, article_id="valley-frost-same-day")
FIRST = [STRIKE_COURIER, FROST_SAME_DAY, later(FROST)]
# A late strike report whose analysis named the union only: it shares no name with the
# stored stories, so only its text (the nearest candidates) can re-heat its story.
UNNAMED_GAZETTE = replace(
    STRIKE_GAZETTE, entities=frozenset({"Dockers' Union"}), speakers=frozenset()
)


def _second_run(dense: bool, candidates: int = 1) -> tuple[StoryClusterer, CountingVectorizer]:
    options = replace(OPTIONS, candidates=candidates)
    one = StoryClusterer(options, CountingVectorizer())
    one.add_many(FIRST)
    one.consolidate()
    frozen = one.release_frozen()
    vectorizer = CountingVectorizer(dense=dense)
    two = StoryClusterer.from_state(
        one.state(), options, vectorizer, cold=NearShelf(frozen, FIRST)
    )
    return two, vectorizer


def _hot_members(clusterer: StoryClusterer) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in clusterer.stories()}


@pytest.mark.parametrize("dense", [False, True])
def test_a_late_report_re_heats_the_story_its_text_is_near_with_either_model(
    dense: bool,
) -> None:
    # With one candidate by vector, the strike story comes back, not the frost story of
    # the same day: the lexical ranking a dense model uses picks what the lexical model's
    # own vectors pick.
    two, _ = _second_run(dense)
    two.add(UNNAMED_GAZETTE)
    held = _hot_members(two)
    assert frozenset({STRIKE_COURIER.article_id, UNNAMED_GAZETTE.article_id}) in held
    assert not any(FROST_SAME_DAY.article_id in members for members in held)


def test_a_dense_model_embeds_only_the_members_of_the_stories_re_heated() -> None:
    two, vectorizer = _second_run(dense=True)
    two.add(UNNAMED_GAZETTE)
    # The strike story's one member, once; the frost story's member (listed, ranked,
    # not re-heated) never.
    assert vectorizer.texts.count(_body(STRIKE_COURIER)) == 1
    assert _body(FROST_SAME_DAY) not in vectorizer.texts


def test_the_lexical_model_ranks_with_its_own_vectors_computed_once_when_listed() -> None:
    # The look-alike: with the lexical model the listing's vectors are the clusterer's,
    # so each listed member is vectorised once, when listed, re-heated or not.
    two, vectorizer = _second_run(dense=False)
    two.add(UNNAMED_GAZETTE)
    assert vectorizer.texts.count(_body(STRIKE_COURIER)) == 1
    assert vectorizer.texts.count(_body(FROST_SAME_DAY)) == 1
    (listed,) = two._frozen_near.values()
    assert listed.vectors is listed.ranking
    assert np.allclose(listed.ranking, two.vectorizer.vectors([_body(FROST_SAME_DAY)]))


@pytest.mark.parametrize("dense", [False, True])
def test_a_story_re_heated_and_frozen_again_stays_listed_for_a_later_late_report(
    dense: bool,
) -> None:
    # A late frost report re-heats the frost story by names and the strike story of its
    # day by text (32 candidates); recent articles freeze both again. A late strike
    # report after them still joins the strike story, as in one run.
    two, _ = _second_run(dense, candidates=OPTIONS.candidates)
    two.add(replace(FROST, article_id="valley-frost-late"))
    for n in range(LATE_ARRIVALS + 2):
        two.add(replace(later(FROST), article_id=f"valley-frost-recent-{n}"))
    two.add(STRIKE_GAZETTE)
    two.consolidate()
    assert frozenset({STRIKE_COURIER.article_id, STRIKE_GAZETTE.article_id}) in _hot_members(two)


def test_a_re_heated_story_a_late_article_joined_is_not_listed_again() -> None:
    # The listing lacks the joined article's signals: the story, frozen again with it,
    # is not re-heated from the stale listing.
    two, _ = _second_run(dense=False)
    two.add(UNNAMED_GAZETTE)
    # A joined story is touched as of the latest date: a report a keep_days later
    # freezes it.
    for n in range(LATE_ARRIVALS + 2):
        days = 2 * OPTIONS.keep_days + 20
        two.add(replace(later(FROST, days), article_id=f"valley-frost-recent-{n}"))
    strike = next(
        s
        for s in two._stories.values()
        if any(article == STRIKE_COURIER.article_id for _, article in s.members)
    )
    assert not strike.hot
    assert strike.id not in two._frozen_near
