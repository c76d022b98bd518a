"""The consolidation's second look at stories of one article
(``ClusterOptions.single_merge_probability``): a report left alone at arrival merges
with the story the model now puts it nearest to at a laxer odds cut; arrival joins and
merges of two bigger stories keep the join cut."""

from __future__ import annotations

import pytest

from newsprism.cluster.join import JoinModel
from newsprism.cluster.stories import ClusterOptions, StoryClusterer
from tests.test_cluster_split import FLOOD, art, memberships, weights

# Log-odds 0.8 between two stories of one (no side has two members: no_cohesion), -0.2
# wherever a side has two: over the join cut (0) for the first, under it but over the
# second look's cut (0.4: -0.41) for the rest.
LEANING = JoinModel(-0.2, weights(no_cohesion=1.0))
# A1 and A2 join (0.8); A3 scores -0.2 with them and opens a story, A4 joins A3 (0.8);
# A5 scores -0.2 with both stories of two and stays alone.
REPORTS = [art(f"report-{i}", text) for i, text in enumerate([*FLOOD, FLOOD[0]])]


def clustered(**options: float | None) -> StoryClusterer:
    settings_ = ClusterOptions(embeddings="off", model=LEANING, **options)  # type: ignore[arg-type]
    c = StoryClusterer(settings_)
    c.add_many(REPORTS)
    return c


def sizes(c: StoryClusterer) -> list[int]:
    return sorted(len(s.articles) for s in c.stories())


def test_arrival_leaves_the_report_alone_whatever_the_second_look() -> None:
    assert sizes(clustered()) == [1, 2, 2]
    assert sizes(clustered(single_merge_probability=0.4)) == [1, 2, 2]


def test_the_second_look_merges_a_story_of_one_at_its_laxer_cut() -> None:
    c = clustered(single_merge_probability=0.4)
    c.consolidate()
    # The story of one joins a story of two; the two stories of two (log-odds -0.2,
    # under the join cut) stay apart.
    assert sizes(c) == [2, 3]
    assert any("report-4" in s for s in memberships(c.stories()) if len(s) == 3)


def test_without_the_second_look_the_story_of_one_stays_alone() -> None:
    for off in (None, 0.5):  # 0.5 is the join cut: the same cut, no second look
        c = clustered(single_merge_probability=off)
        c.consolidate()
        assert sizes(c) == [1, 2, 2]
    # A second look whose cut (0.48: log-odds -0.08) the pair does not reach: alone.
    c = clustered(single_merge_probability=0.48)
    c.consolidate()
    assert sizes(c) == [1, 2, 2]


@pytest.mark.parametrize("value", [0.2, 0.6, 0.0, 1.0])
def test_a_second_look_outside_split_and_join_is_refused(value: float) -> None:
    # Above the join cut it would be stricter than no second look; under the split
    # cut it would merge a report the split pass cuts off again.
    with pytest.raises(ValueError, match="single_merge_probability"):
        ClusterOptions(single_merge_probability=value)


def test_a_member_its_story_ejected_takes_no_second_look() -> None:
    """The eject of tests/test_cluster_replace.py with the second look on: the early
    fire report its flood story rejected is not put back there at the laxer cut, and
    still meets the other fire report."""
    from tests.test_cluster_replace import FIRES, FLOODS, grouped

    c = grouped([FLOODS[0], FIRES[0], *FLOODS[1:], FIRES[1]], single_merge_probability=0.4)
    c.consolidate()
    assert memberships(c.stories()) == {
        frozenset(a.article_id for a in FLOODS),
        frozenset(["fire-0", "fire-1"]),
    }
    assert c.consolidate() == 0


def test_the_second_look_comes_after_the_splits_and_is_checked_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The second look runs once the rounds of merges and splits have settled, and the
    stories it grew get a split check: run before the split pass, it grew a story that a
    look-alike story's member would have moved to, and the move never came."""
    calls: list[str] = []
    merges_at, split_pass = StoryClusterer._merges_at, StoryClusterer._split_pass

    def merges(self: StoryClusterer, second_look: bool) -> int:
        calls.append("second look" if second_look else "merges")
        return merges_at(self, second_look)

    def splits(self: StoryClusterer) -> tuple[int, int]:
        calls.append("splits")
        return split_pass(self)

    monkeypatch.setattr(StoryClusterer, "_merges_at", merges)
    monkeypatch.setattr(StoryClusterer, "_split_pass", splits)
    c = clustered(single_merge_probability=0.4)
    c.consolidate()
    assert calls == ["merges", "splits", "second look", "splits"]
    assert sizes(c) == [2, 3]


def test_the_state_keeps_the_stories_an_eject_opened() -> None:
    from tests.test_cluster_replace import FIRES, FLOODS, grouped

    c = grouped([FLOODS[0], FIRES[0], *FLOODS[1:]], single_merge_probability=0.4)
    c.consolidate()
    assert c._ejected  # the early fire report's story of one
    again = StoryClusterer.from_state(c.state(), c.options, c.vectorizer)
    assert again._ejected == c._ejected
