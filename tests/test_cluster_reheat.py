"""A late article joins the story of its dates although an earlier run froze it: the same
articles give the same stories in one run or in two (issue 10), e.g. one outlet's archive
analysed after the others'."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsprism.cluster.batch import cluster_stored
from newsprism.cluster.stories import ArticleSignals, StoryClusterer
from newsprism.model import Story
from newsprism.store import Store
from tests.test_cluster_batch import as_article, saved_stories
from tests.test_cluster_stories import FROST, OPTIONS, STRIKE_COURIER, STRIKE_GAZETTE, Shelf

LATER = 45.0  # days: past keep_days, so the strike story freezes


class NearShelf(Shelf):
    """Frozen stories kept outside the clusterer, which can also list those near a date
    with their members' signals (as the store can)."""

    def __init__(self, stories: Sequence[Story], signals: Sequence[ArticleSignals]) -> None:
        super().__init__(stories)
        self.signals = {s.article_id: s for s in signals}
        self.asked: list[tuple[datetime, datetime]] = []

    def near(self, start: datetime, end: datetime) -> list[tuple[Story, list[ArticleSignals]]]:
        self.asked.append((start, end))
        out = []
        for story in self.stories.values():
            members = [self.signals[a] for a in story.articles if a in self.signals]
            if any(m.published and start <= m.published < end for m in members):
                out.append((story, members))
        return out


def later(signals: ArticleSignals, days: float = LATER) -> ArticleSignals:
    assert signals.published is not None
    return replace(signals, published=signals.published.replace(tzinfo=UTC) + timedelta(days))


def two_runs(
    first: list[ArticleSignals], second: list[ArticleSignals], near: bool
) -> dict[str, str]:
    """Article -> story id after two runs, the first run's frozen stories kept on a shelf
    (one that can list stories near a date, or not) and its state restored."""
    one = StoryClusterer(OPTIONS)
    one.add_many(first)
    one.consolidate()
    frozen = one.release_frozen()
    shelf = NearShelf(frozen, first) if near else Shelf(frozen)
    two = StoryClusterer.from_state(one.state(), OPTIONS, cold=shelf)
    two.add_many(second)
    two.consolidate()
    stories = {**{s.id: s for s in frozen}, **{s.id: s for s in two.stories()}}
    return {a: s.id for s in stories.values() for a in s.articles}


def test_a_late_report_joins_its_frozen_story_in_a_second_run() -> None:
    frost = later(FROST)
    labels = two_runs([STRIKE_COURIER, frost], [STRIKE_GAZETTE], near=True)
    assert labels[STRIKE_GAZETTE.article_id] == labels[STRIKE_COURIER.article_id]
    assert labels[frost.article_id] != labels[STRIKE_COURIER.article_id]
    # The same articles in one run give the same stories.
    once = StoryClusterer(OPTIONS)
    once.add_many([STRIKE_COURIER, STRIKE_GAZETTE, frost])
    once.consolidate()
    assert {a: s.id for s in once.stories() for a in s.articles} == labels


def test_without_a_date_listing_the_late_report_stays_apart() -> None:
    # What the re-heat fixes: cold stories that only answer for their own articles.
    labels = two_runs([STRIKE_COURIER, later(FROST)], [STRIKE_GAZETTE], near=False)
    assert labels[STRIKE_GAZETTE.article_id] != labels[STRIKE_COURIER.article_id]


def test_a_late_article_of_another_event_does_not_join_the_reheated_story() -> None:
    # A frost report of another year (other dates, same words) freezes the strike story.
    next_year = replace(later(FROST, 365.0), article_id="valley-frost-next")
    labels = two_runs([STRIKE_COURIER, next_year], [FROST], near=True)
    assert len(set(labels.values())) == 3


def test_a_recent_article_asks_nothing_and_each_day_is_asked_once() -> None:
    frost = later(FROST)
    one = StoryClusterer(OPTIONS)
    one.add_many([STRIKE_COURIER, frost])
    frozen = one.release_frozen()
    shelf = NearShelf(frozen, [STRIKE_COURIER, frost])
    two = StoryClusterer.from_state(one.state(), OPTIONS, cold=shelf)
    two.add(later(STRIKE_GAZETTE, LATER - 1))  # within keep_days of the latest: not late
    assert shelf.asked == []
    two.add(replace(STRIKE_GAZETTE, article_id="gazette-2"))
    asked = len(shelf.asked)
    two.add(replace(STRIKE_GAZETTE, article_id="gazette-3"))  # the same days again
    assert asked == 1 and len(shelf.asked) == 1


def test_an_outlet_analysed_in_a_later_run_joins_the_stored_stories(tmp_path: Path) -> None:
    courier, gazette = as_article(STRIKE_COURIER), as_article(STRIKE_GAZETTE)
    frost = as_article(later(FROST))
    with Store(tmp_path / "s.db") as store:
        store.add_articles([courier, frost])
        cluster_stored(store, [courier, frost], {})
        store.add_articles([gazette])
        (story,) = cluster_stored(store, [gazette], {})
        assert set(story.articles) == {courier.id, gazette.id}
        kept = store.get_story(story.id)
        assert kept is not None and set(kept.articles) == {courier.id, gazette.id}
        (frost_story,) = store.stories_of([frost.id])
        assert frost_story.articles == (frost.id,)


def _copy_groups(store: Store, ids: Sequence[str]) -> list[tuple[str, ...]]:
    return sorted(g for s in store.stories_of(ids) for g in s.duplicates)


def test_a_late_copy_keeps_its_copy_group_in_a_second_run(tmp_path: Path) -> None:
    # A word-for-word copy of a frozen story's report, published an hour after it and
    # analysed in a later run: the window's band keys of the original have expired, but
    # the copy is still a copy (one source), as when the three come in one run.
    courier = as_article(STRIKE_COURIER)
    assert courier.published is not None
    copy = replace(
        courier,
        id="ledger-strike-copy",
        source="in/ledger-strike-copy.txt",
        title="Port of Lorvik idle as dockers strike",
        published=courier.published + timedelta(hours=1),
    )
    frost = as_article(later(FROST))
    ids = [courier.id, copy.id, frost.id]
    with Store(tmp_path / "one.db") as store:
        store.add_articles([courier, copy, frost])
        cluster_stored(store, [courier, copy, frost], {})
        once = _copy_groups(store, ids)
    with Store(tmp_path / "two.db") as store:
        store.add_articles([courier, frost])
        cluster_stored(store, [courier, frost], {})
        store.add_articles([copy])
        (story,) = cluster_stored(store, [copy], {})
        assert set(story.articles) == {courier.id, copy.id}
        assert story.duplicates == ((courier.id, copy.id),)
        assert _copy_groups(store, ids) == once == [(courier.id, copy.id)]


def test_a_late_report_of_the_same_event_is_no_copy(tmp_path: Path) -> None:
    # The look-alike: another outlet's own words on the frozen story join it as a source.
    courier, gazette = as_article(STRIKE_COURIER), as_article(STRIKE_GAZETTE)
    frost = as_article(later(FROST))
    with Store(tmp_path / "s.db") as store:
        store.add_articles([courier, frost])
        cluster_stored(store, [courier, frost], {})
        store.add_articles([gazette])
        (story,) = cluster_stored(store, [gazette], {})
        assert set(story.articles) == {courier.id, gazette.id}
        assert story.duplicates == ()


def test_a_reheated_story_no_late_article_joined_freezes_again(tmp_path: Path) -> None:
    # A late report of another event (a frost on the strike's day) re-heats the strike story
    # and starts its own: the strike story, unchanged, is frozen again (not saved in the
    # state, which stays the hot window), while the one a late report joins stays hot.
    courier, gazette = as_article(STRIKE_COURIER), as_article(STRIKE_GAZETTE)
    frost = as_article(later(FROST))
    assert courier.published is not None
    year_before = replace(
        as_article(FROST),
        id="valley-frost-before",
        source="in/valley-frost-before.txt",
        published=courier.published + timedelta(hours=3),
    )
    with Store(tmp_path / "s.db") as store:
        store.add_articles([courier, frost])
        cluster_stored(store, [courier, frost], {})
        (strike,) = store.stories_of([courier.id])
        store.add_articles([year_before])
        (own,) = cluster_stored(store, [year_before], {})
        assert own.articles == (year_before.id,)
        assert strike.id not in saved_stories(store)
        store.add_articles([gazette])
        (joined,) = cluster_stored(store, [gazette], {})
        assert joined.id == strike.id and set(joined.articles) == {courier.id, gazette.id}
        assert strike.id in saved_stories(store)


def _reheated_ids(clusterer: StoryClusterer) -> set[str]:
    return {s.id for s in clusterer.stories()}


def test_a_late_article_reheats_only_the_frozen_stories_that_share_its_names() -> None:
    # Two events on one day froze; a late strike report brings back the strike story
    # only (the frost story shares none of its names, and with one candidate by vector
    # (ClusterOptions.candidates) the strike story is the nearest), and a late frost
    # report of the same days brings back the frost story without asking the shelf again.
    frost_same_day = replace(FROST, article_id="valley-frost-same-day")
    frost_later = later(FROST)
    options = replace(OPTIONS, candidates=1)
    one = StoryClusterer(options)
    one.add_many([STRIKE_COURIER, frost_same_day, frost_later])
    frozen = one.release_frozen()
    strike_id = next(s.id for s in frozen if STRIKE_COURIER.article_id in s.articles)
    frost_id = next(s.id for s in frozen if frost_same_day.article_id in s.articles)
    shelf = NearShelf(frozen, [STRIKE_COURIER, frost_same_day, frost_later])
    two = StoryClusterer.from_state(one.state(), options, cold=shelf)
    two.add(STRIKE_GAZETTE)
    assert strike_id in _reheated_ids(two) and frost_id not in _reheated_ids(two)
    assert FROST.published is not None
    late_frost = replace(
        FROST, article_id="valley-frost-late", published=FROST.published + timedelta(hours=2)
    )
    two.add(late_frost)
    assert frost_id in _reheated_ids(two) and len(shelf.asked) == 1
    labels = {a: s.id for s in two.stories() for a in s.articles}
    assert labels["valley-frost-late"] == frost_id
    assert labels[STRIKE_GAZETTE.article_id] == strike_id


def test_a_late_article_without_names_reheats_every_story_of_its_dates() -> None:
    # An article the analyser did not read has no names to choose by: its text decides,
    # as in one run, so every frozen story of its dates comes back.
    frost_same_day = replace(FROST, article_id="valley-frost-same-day")
    one = StoryClusterer(OPTIONS)
    one.add_many([STRIKE_COURIER, frost_same_day, later(FROST)])
    frozen = one.release_frozen()
    shelf = NearShelf(frozen, [STRIKE_COURIER, frost_same_day])
    two = StoryClusterer.from_state(one.state(), OPTIONS, cold=shelf)
    two.add(replace(STRIKE_GAZETTE, entities=frozenset(), speakers=frozenset()))
    held = {a for s in two.stories() for a in s.articles}
    assert {STRIKE_COURIER.article_id, frost_same_day.article_id} <= held


def test_a_copy_joined_to_a_frozen_story_stays_when_a_late_article_reheats_it() -> None:
    # In a second run a wire copy 23 days on (not late) joins its original's frozen story,
    # read back from the shelf; then a late report of the strike re-heats that story from
    # the shelf's record, which does not hold the copy yet. The copy stays a member (it
    # was dropped, and asking for its story raised KeyError).
    one = StoryClusterer(OPTIONS)
    one.add_many([STRIKE_COURIER, later(FROST)])
    frozen = one.release_frozen()
    two = StoryClusterer.from_state(
        one.state(), OPTIONS, cold=NearShelf(frozen, [STRIKE_COURIER, later(FROST)])
    )
    copy = replace(
        later(STRIKE_COURIER, 23.0),
        article_id="ledger-strike-copy",
        duplicate_of=STRIKE_COURIER.article_id,
    )
    two.add(copy)
    two.add(STRIKE_GAZETTE)
    two.consolidate()
    strike = two.story_of(STRIKE_COURIER.article_id)
    assert two.story_of(copy.article_id) == strike == two.story_of(STRIKE_GAZETTE.article_id)
    (story,) = [s for s in two.stories() if s.id == strike]
    assert set(story.articles) == {STRIKE_COURIER.article_id, copy.article_id, "gazette-strike"}
