"""The consolidation's split: a story that took in two look-alike events while articles
were placed one by one is cut in two once its members show two groups; a story of one
event is left whole; the cut depends on the members, not on their order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster.hot import HotStory
from newsprism.cluster.join import FEATURES, JoinModel
from newsprism.cluster.split import MAX_KEPT, Kept, halves, keep
from newsprism.cluster.stories import ArticleSignals, ClusterOptions, StoryClusterer
from newsprism.model import Story


def art(article_id: str, text: str, duplicate_of: str | None = None) -> ArticleSignals:
    return ArticleSignals(
        article_id=article_id,
        published=None,
        title=None,
        text=text,
        entities=frozenset(),
        speakers=frozenset(),
        language="en",
        duplicate_of=duplicate_of,
    )


FLOOD = [
    "Flood water rose over the Marren river banks and soaked the lower town of Esk overnight.",
    "The Marren river flood reached the lower town of Esk, where water soaked cellars overnight.",
    "Esk residents pumped flood water from cellars after the Marren river burst its banks.",
    "Flood crews in Esk said the Marren river would stay over its banks and soak the town.",
]
FIRE = [
    "A forest fire near Dunholt burned pine plantations and sent smoke over the highway.",
    "Smoke from the Dunholt forest fire closed the highway as pine plantations burned.",
    "Crews fought the Dunholt fire in the pine plantations while smoke drifted over the highway.",
    "The pine plantations near Dunholt kept burning and fire smoke shut the highway again.",
]
EVENTS = [art(f"flood-{i}", t) for i, t in enumerate(FLOOD)] + [
    art(f"fire-{i}", t) for i, t in enumerate(FIRE)
]
# Interleaved, so that each event's articles arrive into a story holding both.
ARRIVAL = [a for pair in zip(EVENTS[:4], EVENTS[4:], strict=True) for a in pair]
GOLD = {frozenset(a.article_id for a in EVENTS[:4]), frozenset(a.article_id for a in EVENTS[4:])}


def weights(**named: float) -> tuple[float, ...]:
    return tuple(named.get(name, 0.0) for name in FEATURES)


# A join that takes any article into a story of one, and into a bigger story when the
# article is a quarter as close to its members as a rewrite would be: the one-by-one
# decision that merges two events. The same model judges the halves of the story.
HASTY = JoinModel(-2.0, weights(text_mean=12.0, no_cohesion=30.0))


def memberships(stories: Sequence[Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def grouped(order: Sequence[ArticleSignals], **options: float) -> StoryClusterer:
    c = StoryClusterer(ClusterOptions(embeddings="off", model=HASTY, **options))  # type: ignore[arg-type]
    c.add_many(order)
    return c


def test_a_story_that_took_in_two_events_is_split_by_consolidation() -> None:
    c = grouped(ARRIVAL)
    assert len(c.stories()) == 1  # the one-by-one join merged the two events
    c.consolidate()
    assert memberships(c.stories()) == GOLD
    assert all(c.story_of(a.article_id) is not None for a in EVENTS)
    assert c.consolidate() == 0 and memberships(c.stories()) == GOLD  # settled


def test_the_split_keeps_the_first_members_id_and_the_new_story_takes_its_first_one() -> None:
    c = grouped(ARRIVAL)
    before = c.stories()[0].id
    c.consolidate()
    ids = {c.story_of("flood-0"), c.story_of("fire-0")}
    assert ids == {before, "sfire-0"}


def test_a_split_cut_under_the_halves_score_leaves_the_story_whole() -> None:
    c = grouped(
        ARRIVAL, split_probability=1e-9, graph_split_probability=1e-9, clean_split_probability=1e-9
    )
    c.consolidate()
    assert len(c.stories()) == 1


def test_a_story_of_one_event_is_not_split() -> None:
    c = grouped(EVENTS[:4])
    c.consolidate()
    assert memberships(c.stories()) == {frozenset(a.article_id for a in EVENTS[:4])}


def test_a_copy_follows_its_original_into_its_half() -> None:
    copy = art("fire-copy", FIRE[2], duplicate_of="fire-2")
    c = grouped([*ARRIVAL, copy])
    c.consolidate()
    assert c.story_of("fire-copy") == c.story_of("fire-2") != c.story_of("flood-0")


@given(st.permutations(EVENTS[:4]), st.permutations(EVENTS[4:]), st.booleans())
@settings(max_examples=20, deadline=None)
def test_the_split_gives_the_same_stories_whatever_order_the_events_interleave_in(
    floods: list[ArticleSignals], fires: list[ArticleSignals], fire_first: bool
) -> None:
    pairs = zip(fires, floods, strict=True) if fire_first else zip(floods, fires, strict=True)
    c = grouped([a for pair in pairs for a in pair])
    c.consolidate()
    assert memberships(c.stories()) == GOLD


def dated(signals: ArticleSignals, day: int) -> ArticleSignals:
    return replace(signals, published=datetime(2026, 3, day, 9, tzinfo=UTC))


LATER = art("later", "A mayor in a distant valley opened a new library for the children.")


def test_a_mixed_story_is_split_before_it_freezes_without_a_consolidation() -> None:
    # Both events on 1 March; an article 40 days later (past keep_days) freezes the story
    # with no consolidate() call in between: it is checked and split on its way out.
    first = [dated(a, 1) for a in ARRIVAL]
    c = grouped([*first, replace(LATER, published=datetime(2026, 4, 10, tzinfo=UTC))])
    assert memberships(c.stories()) == GOLD | {frozenset({"later"})}
    assert c.hot_articles() == 1  # both halves froze


def test_a_story_of_one_event_freezes_whole() -> None:
    first = [dated(a, 1) for a in EVENTS[:4]]
    c = grouped([*first, replace(LATER, published=datetime(2026, 4, 10, tzinfo=UTC))])
    assert memberships(c.stories()) == {
        frozenset(a.article_id for a in EVENTS[:4]),
        frozenset({"later"}),
    }


def test_a_story_restored_from_a_state_is_split_as_in_its_own_run() -> None:
    c = grouped(ARRIVAL)
    restored = StoryClusterer.from_state(c.state(), ClusterOptions(embeddings="off", model=HASTY))
    restored.consolidate()
    assert memberships(restored.stories()) == GOLD


def _story(rows: list[list[float]], order: list[int]) -> HotStory:
    story = HotStory(0, "s0", total=np.zeros(2, np.float32))
    for seq in order:
        vector = np.asarray(rows[seq], np.float16)
        story.members.append((seq, f"a{seq}"))
        keep(
            story,
            seq,
            Kept(f"a{seq}", vector, frozenset(), frozenset(), frozenset(), None, None, None),
        )
    story.members.sort()
    return story


ROWS = [[1.0, 0.0], [0.96, 0.28], [0.0, 1.0], [0.28, 0.96], [0.8, 0.6]]


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3]])
def test_the_cut_depends_on_the_members_not_their_order(order: list[int]) -> None:
    cut = halves(_story(ROWS, order))
    assert cut is not None
    assert {frozenset(cut[0]), frozenset(cut[1])} == {frozenset({0, 1, 4}), frozenset({2, 3})}


def test_too_few_members_or_a_big_story_are_not_cut() -> None:
    assert halves(_story(ROWS[:3], [0, 1, 2])) is None
    big = _story([[1.0, 0.0]] * (MAX_KEPT + 1), list(range(MAX_KEPT + 1)))
    assert big.kept is None and halves(big) is None
