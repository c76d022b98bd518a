"""Which frozen stories a late article re-heats: those whose names it shares as the
clusterer compares names (folded: case and a leading 'the' do not count), and those its
text is near, as the hot path nominates candidates by names and by vector. Either way a
late report joins in a second run the story it joins in one run (issue 10)."""

from __future__ import annotations

from dataclasses import replace

from newsprism.cluster.stories import ArticleSignals, StoryClusterer
from tests.test_cluster_reheat import FROST, NearShelf, later, two_runs
from tests.test_cluster_stories import OPTIONS, STRIKE_COURIER, STRIKE_GAZETTE


def _one_run(articles: list[ArticleSignals]) -> dict[str, str]:
    once = StoryClusterer(OPTIONS)
    once.add_many(articles)
    once.consolidate()
    return {a: s.id for s in once.stories() for a in s.articles}


def _same_story(labels: dict[str, str], one: ArticleSignals, other: ArticleSignals) -> bool:
    return labels[one.article_id] == labels[other.article_id]


def _written_otherwise(signals: ArticleSignals) -> ArticleSignals:
    """The same names as another analysis wrote them: with a leading 'The', in capitals."""
    return replace(
        signals,
        entities=frozenset("The " + n for n in signals.entities),
        speakers=frozenset(n.upper() for n in signals.speakers),
    )


def test_a_late_report_naming_the_story_in_another_case_joins_in_a_second_run() -> None:
    gazette, frost = _written_otherwise(STRIKE_GAZETTE), later(FROST)
    assert _same_story(_one_run([STRIKE_COURIER, gazette, frost]), gazette, STRIKE_COURIER)
    two = two_runs([STRIKE_COURIER, frost], [gazette], near=True)
    assert _same_story(two, gazette, STRIKE_COURIER)
    assert not _same_story(two, frost, STRIKE_COURIER)


def test_names_written_otherwise_are_shared_names_when_choosing_by_names() -> None:
    # Without its vector (names alone), the late report re-heats the strike story of its
    # day, and only it: 'The Lorvik Port Authority' is 'Lorvik Port Authority', 'MIRELA
    # KOSTANJ' is 'Mirela Kostanj'; the frost story of the same day shares no name.
    frost_same_day = replace(FROST, article_id="valley-frost-same-day")
    first = [STRIKE_COURIER, frost_same_day, later(FROST)]
    one = StoryClusterer(OPTIONS)
    one.add_many(first)
    frozen = one.release_frozen()
    two = StoryClusterer.from_state(one.state(), OPTIONS, cold=NearShelf(frozen, first))
    late = _written_otherwise(STRIKE_GAZETTE)
    assert two._latest is not None  # the first run's latest date: the report is late
    assert two._reheat_near(two._day_of(late), late) == 1
    (reheated,) = [s for s in two.stories() if s.articles != (later(FROST).article_id,)]
    assert reheated.articles == (STRIKE_COURIER.article_id,)


def test_a_late_report_sharing_no_name_joins_the_story_its_text_is_near() -> None:
    # Its analysis named the union, not the people and places the stored report named:
    # no name in common, but its text tells the same strike, as in one run.
    gazette = replace(
        STRIKE_GAZETTE, entities=frozenset({"Dockers' Union"}), speakers=frozenset()
    )
    frost = later(FROST)
    once = _one_run([STRIKE_COURIER, gazette, frost])
    two = two_runs([STRIKE_COURIER, frost], [gazette], near=True)
    assert _same_story(once, gazette, STRIKE_COURIER) == _same_story(two, gazette, STRIKE_COURIER)
    assert _same_story(two, gazette, STRIKE_COURIER)


def test_a_late_report_re_heats_by_text_only_the_nearest_candidates() -> None:
    # The look-alike: with one candidate by vector (ClusterOptions.candidates), a late
    # strike report sharing no name brings back the strike story, not the frost story of
    # the same day.
    frost_same_day = replace(FROST, article_id="valley-frost-same-day")
    first = [STRIKE_COURIER, frost_same_day, later(FROST)]
    options = replace(OPTIONS, candidates=1)
    one = StoryClusterer(options)
    one.add_many(first)
    frozen = one.release_frozen()
    frost_id = next(s.id for s in frozen if frost_same_day.article_id in s.articles)
    two = StoryClusterer.from_state(one.state(), options, cold=NearShelf(frozen, first))
    two.add(replace(STRIKE_GAZETTE, entities=frozenset({"Dockers' Union"}), speakers=frozenset()))
    held = {s.id: s for s in two.stories()}
    assert frost_id not in held
    assert any(STRIKE_COURIER.article_id in s.articles for s in held.values())
