"""The consolidation's graph split: a story whose members fall into two groups in their
nearest-neighbour graph (each member's nearest fellows on its own side) is split when the
model, judging the groups as two stories, gives them less than graph_split_probability
of being one, even where the 2-means split's stricter cut keeps them; split stories are
not merged back; a story of one event, or of too few members, is not cut that way."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster.hot import HotStory
from newsprism.cluster.join import JoinModel
from newsprism.cluster.split import MIN_GRAPH, Kept, graph_halves, keep
from newsprism.cluster.stories import ArticleSignals, ClusterOptions, StoryClusterer
from tests.test_cluster_split import ARRIVAL, EVENTS, GOLD, HASTY, memberships, weights


def grouped(model: JoinModel = HASTY, **options: float) -> StoryClusterer:
    # The 2-means split is off (split_probability ~ 0): only the graph split can cut.
    settings_ = {"split_probability": 1e-9, **options}
    c = StoryClusterer(ClusterOptions(embeddings="off", model=model, **settings_))  # type: ignore[arg-type]
    c.add_many(ARRIVAL)
    return c


def test_two_events_in_one_story_are_split_along_their_neighbour_graph() -> None:
    c = grouped()
    assert len(c.stories()) == 1
    c.consolidate()
    assert memberships(c.stories()) == GOLD
    assert c.consolidate() == 0 and memberships(c.stories()) == GOLD


# The same two events with names: each flood report names the river and the town, each fire
# report the town of the fire (the model weighs no names, so only the cut in use differs).
FLOOD_NAMES, FIRE_NAMES = frozenset({"Marren", "Esk"}), frozenset({"Dunholt"})
NAMED = [
    replace(a, entities=FLOOD_NAMES if a.article_id.startswith("flood") else FIRE_NAMES)
    for a in ARRIVAL
]


def named_grouped(**options: float) -> StoryClusterer:
    settings_ = {"split_probability": 1e-9, **options}
    c = StoryClusterer(ClusterOptions(embeddings="off", model=HASTY, **settings_))  # type: ignore[arg-type]
    c.add_many(NAMED)
    return c


def test_graph_cut_zero_switches_the_graph_split_off_without_names() -> None:
    c = grouped(graph_cut=0.0)
    c.consolidate()
    assert len(c.stories()) == 1


def test_named_groups_are_cut_under_named_graph_cut_not_graph_cut() -> None:
    # graph_cut 0 leaves the named cut on: the named story is still split.
    c = named_grouped(graph_cut=0.0)
    assert len(c.stories()) == 1
    c.consolidate()
    assert memberships(c.stories()) == GOLD
    # named_graph_cut 0 switches it off for named groups, whatever graph_cut is.
    c = named_grouped(named_graph_cut=0.0)
    c.consolidate()
    assert len(c.stories()) == 1


def test_both_cuts_zero_switch_the_graph_split_off() -> None:
    for build in (grouped, named_grouped):
        c = build(graph_cut=0.0, named_graph_cut=0.0)
        c.consolidate()
        assert len(c.stories()) == 1


def test_the_model_still_decides_whether_the_groups_are_one_story() -> None:
    # Both odds cuts ~0: the invented groups' graph is clean (under clean_graph_cut).
    c = grouped(graph_split_probability=1e-9, clean_split_probability=1e-9)
    c.consolidate()
    assert len(c.stories()) == 1


# Joins everything (log-odds over 0 for the two events' groups, so the merge check alone
# would put them back together), while the groups score under 0.999.
EAGER = JoinModel(1.0, weights(text_mean=12.0, no_cohesion=30.0))


def test_stories_split_apart_are_not_merged_back() -> None:
    c = grouped(EAGER, graph_split_probability=0.999)
    assert c.consolidate() == 0  # split once, never merged back (not split again either)
    assert memberships(c.stories()) == GOLD and not c.merges()
    assert c.consolidate() == 0 and memberships(c.stories()) == GOLD


def test_split_stories_stay_apart_after_a_state_round_trip() -> None:
    c = grouped(EAGER, graph_split_probability=0.999)
    c.consolidate()
    options = ClusterOptions(embeddings="off", model=EAGER, split_probability=1e-9)
    restored = StoryClusterer.from_state(c.state(), options)
    restored.consolidate()
    assert memberships(restored.stories()) == GOLD and not restored.merges()


def _story(groups: list[list[list[float]]]) -> HotStory:
    story = HotStory(0, "s0", total=np.zeros(3, np.float32))
    seq = 0
    for g, rows in enumerate(groups):
        for row in rows:
            seq += 1
            vector = np.asarray(row, np.float32)
            vector /= np.linalg.norm(vector)
            story.members.append((seq, f"a{g}-{seq:02d}"))
            keep(
                story,
                seq,
                Kept(
                    f"a{g}-{seq:02d}",
                    vector.astype(np.float16),
                    frozenset(),
                    frozenset(),
                    frozenset(),
                    None,
                    None,
                    "en",
                ),
            )
    return story


def _spread(base: list[float], n: int, rng: np.random.Generator) -> list[list[float]]:
    return [list(np.asarray(base) + 0.05 * rng.standard_normal(3)) for _ in range(n)]


def test_two_groups_give_a_near_zero_cut_and_one_group_does_not() -> None:
    rng = np.random.default_rng(7)
    two = graph_halves(_story([_spread([1, 0.2, 0], 5, rng), _spread([0.2, 1, 0], 5, rng)]))
    assert two is not None
    one, other, value = two
    assert value < 0.05 and {len(one), len(other)} == {5}
    assert {s for s in one if s <= 5} in ({1, 2, 3, 4, 5}, set())
    single = graph_halves(_story([_spread([1, 1, 1], 10, rng)]))
    assert single is not None and single[2] > 0.3


def test_too_few_members_are_not_cut_along_the_graph() -> None:
    rng = np.random.default_rng(3)
    half = MIN_GRAPH // 2
    assert (
        graph_halves(_story([_spread([1, 0, 0], half, rng), _spread([0, 1, 0], half - 1, rng)]))
        is None
    )


@given(st.permutations(EVENTS))
@settings(max_examples=15, deadline=None)
def test_the_graph_split_does_not_depend_on_arrival_order(order: list[ArticleSignals]) -> None:
    c = StoryClusterer(ClusterOptions(embeddings="off", model=HASTY, split_probability=1e-9))
    c.add_many(order)
    c.consolidate()
    assert memberships(c.stories()) == GOLD


def _named(articles: list[ArticleSignals]) -> list[ArticleSignals]:
    return [replace(a, entities=frozenset({"Port Verrin"})) for a in articles]


def test_the_looser_named_graph_cut_applies_only_where_both_groups_have_names() -> None:
    # graph_cut 0: without names the graph never cuts; named_graph_cut 1: with names any
    # two groups may be cut (the model still decides).
    options = {"split_probability": 1e-9, "graph_cut": 0.0, "named_graph_cut": 1.0}
    bare = StoryClusterer(ClusterOptions(embeddings="off", model=HASTY, **options))  # type: ignore[arg-type]
    bare.add_many(ARRIVAL)
    bare.consolidate()
    assert len(bare.stories()) == 1
    named = StoryClusterer(ClusterOptions(embeddings="off", model=HASTY, **options))  # type: ignore[arg-type]
    named.add_many(_named(ARRIVAL))
    named.consolidate()
    assert memberships(named.stories()) == GOLD


def test_both_graph_cuts_zero_switch_the_graph_split_off_with_names() -> None:
    c = StoryClusterer(
        ClusterOptions(
            embeddings="off",
            model=HASTY,
            split_probability=1e-9,
            graph_cut=0.0,
            named_graph_cut=0.0,
        )
    )
    c.add_many(_named(ARRIVAL))
    c.consolidate()
    assert len(c.stories()) == 1


def test_a_clean_graph_cut_splits_at_the_laxer_clean_odds() -> None:
    # The groups score as one story over graph_split_probability (EAGER: log-odds well
    # over the cut 1e-9 allows), so the graph split refuses them...
    c = grouped(EAGER, graph_split_probability=1e-9, clean_graph_cut=0.0)
    c.consolidate()
    assert len(c.stories()) == 1
    # ...unless their graph all but falls apart (under clean_graph_cut): then
    # clean_split_probability is the odds cut.
    c = grouped(
        EAGER, graph_split_probability=1e-9, clean_graph_cut=1.0, clean_split_probability=0.999
    )
    c.consolidate()
    assert memberships(c.stories()) == GOLD
    # A clean cut still needs the model's doubt at that laxer cut.
    c = grouped(
        EAGER, graph_split_probability=1e-9, clean_graph_cut=1.0, clean_split_probability=1e-9
    )
    c.consolidate()
    assert len(c.stories()) == 1


def test_each_odds_option_alone_governs_its_graphs() -> None:
    # A clean graph is cut at clean_split_probability as set, not at the laxer of the
    # two: a clean probability under graph_split_probability keeps the clean groups
    # together (before, max(graph, clean) split them at 0.999)...
    c = grouped(
        EAGER, graph_split_probability=0.999, clean_graph_cut=1.0, clean_split_probability=1e-9
    )
    c.consolidate()
    assert len(c.stories()) == 1
    # ...and with the clean cut off (0), graph_split_probability decides them.
    c = grouped(EAGER, graph_split_probability=0.999, clean_graph_cut=0.0)
    c.consolidate()
    assert memberships(c.stories()) == GOLD


def test_the_clean_cut_acts_only_where_the_graph_split_may_cut() -> None:
    # graph_cut and named_graph_cut 0 switch the graph split off, clean cut or not.
    c = grouped(
        EAGER,
        graph_cut=0.0,
        named_graph_cut=0.0,
        clean_graph_cut=1.0,
        clean_split_probability=0.999,
    )
    c.consolidate()
    assert len(c.stories()) == 1


def test_the_clean_cut_keeps_its_laxer_odds_only_for_groups_apart_in_names() -> None:
    # Both groups name the same river and town (two phases of one event): the clean cut's
    # laxer odds do not apply, and at graph_split_probability the model keeps them.
    same = [replace(a, entities=FLOOD_NAMES) for a in ARRIVAL]
    options = ClusterOptions(
        embeddings="off",
        model=EAGER,
        split_probability=1e-9,
        graph_split_probability=1e-9,
        clean_graph_cut=1.0,
        clean_split_probability=0.999,
    )
    c = StoryClusterer(options)
    c.add_many(same)
    c.consolidate()
    assert len(c.stories()) == 1
    # Groups with names of their own are split at the clean odds.
    c = StoryClusterer(options)
    c.add_many(NAMED)
    c.consolidate()
    assert memberships(c.stories()) == GOLD
