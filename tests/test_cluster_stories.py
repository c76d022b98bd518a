"""Online story clustering with the lexical vectorizer, on short invented articles about
invented places and people: who joins which story, time windows, copies, languages, merges,
ids and titles, batching and state round trips, and the partition property."""

from __future__ import annotations

import io
import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.cluster.join import FEATURES, JoinModel
from newsprism.cluster.stories import ArticleSignals, ClusterOptions, StoryClusterer
from newsprism.cluster.threads import blas_libraries
from newsprism.cluster.vectors import LexicalVectorizer
from newsprism.errors import ClusterStateMismatch, NewsprismError
from newsprism.model import Story

OPTIONS = ClusterOptions(embeddings="off")
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

STRIKE_NAMES = frozenset({"Lorvik", "Mirela Kostanj", "Lorvik Port Authority"})


def art(
    article_id: str,
    title: str | None,
    text: str,
    day: float | None = 0.0,
    entities: frozenset[str] | set[str] = frozenset(),
    speakers: frozenset[str] | set[str] = frozenset(),
    language: str | None = "en",
    duplicate_of: str | None = None,
) -> ArticleSignals:
    return ArticleSignals(
        article_id=article_id,
        published=None if day is None else T0 + timedelta(days=day),
        title=title,
        text=text,
        entities=frozenset(entities),
        speakers=frozenset(speakers),
        language=language,
        duplicate_of=duplicate_of,
    )


STRIKE_COURIER = art(
    "courier-strike",
    "Lorvik dockworkers walk out over pay",
    "Dockworkers at the port of Lorvik walked off the job on Monday, leaving the container "
    "cranes idle and a dozen ships waiting offshore. The dockers' union says wages have not "
    "kept pace with rents in Lorvik. Union leader Mirela Kostanj said the strike would last "
    "until the port authority returned to talks.",
    entities=STRIKE_NAMES,
    speakers={"Mirela Kostanj"},
)
STRIKE_GAZETTE = art(
    "gazette-strike",
    "Strike halts cranes at Lorvik port",
    "Cranes stood still at Lorvik port as striking dockworkers gathered at the gates "
    "demanding higher wages. Ships queued in the bay. Mirela Kostanj, head of the dockers' "
    "union, told the crowd the port authority had ignored their pay claim for a year. The "
    "strike is the first at Lorvik in a decade.",
    day=0.4,
    entities=STRIKE_NAMES,
    speakers={"Mirela Kostanj"},
)
FROST = art(
    "valley-frost",
    "Late frost ruins Ostvale apple blossom",
    "Orchard owners in the Ostvale valley counted their losses after a late frost blackened "
    "the apple blossom on the upper slopes. Tobias Renner, who farms forty hectares above the "
    "village of Kell, expects a quarter of a normal harvest. The regional farming office "
    "promised an assessment within a fortnight.",
    day=0.2,
    entities={"Ostvale", "Tobias Renner", "Kell"},
    speakers={"Tobias Renner"},
)
# A German report of the strike; the analyser read nothing of it (no entities).
STRIKE_GERMAN = art(
    "bote-streik",
    "Hafenarbeiter in Lorvik streiken",
    "Im Hafen von Lorvik haben die Hafenarbeiter am Montag die Arbeit niedergelegt. "
    "Gewerkschaftschefin Mirela Kostanj sagte, der Streik dauere an, bis die Hafenverwaltung "
    "wieder verhandle.",
    day=0.5,
    language="de",
)

# Two stories that a third article ties together (text only, no names).
HARBOUR = art(
    "x-harbour",
    "Dockers strike at Lorvik harbour",
    "Dockworkers went on strike at Lorvik harbour. The cranes are idle and cargo ships wait "
    "in the bay for the dockworkers to return.",
)
BAKERIES = art(
    "y-bakeries",
    "Kessmark bakeries run short of flour",
    "Bakeries in Kessmark are running short of flour. Millers warn that grain deliveries have "
    "stalled and bread prices are rising.",
    day=1.0,
)
BRIDGE = art(
    "z-bridge",
    "Harbour strike empties Kessmark bakeries",
    "The strike at Lorvik harbour has stalled grain deliveries: cargo ships wait in the bay "
    "while dockworkers keep the cranes idle, and Kessmark bakeries are running short of flour "
    "as millers warn bread prices are rising.",
    day=1.5,
)


def clusterer() -> StoryClusterer:
    return StoryClusterer(OPTIONS)


def memberships(stories: Sequence[Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def summary(c: StoryClusterer) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(s.id, s.title, s.articles) for s in c.stories()]


# --- options ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"join_probability": 0.0},
        {"join_probability": 1.0},
        {"window_days": 0.0},
        {"blas_threads": 0},
        {"window_days": 10.0, "keep_days": 9.0},
        {"candidates": 0},
    ],
)
def test_cluster_options_reject_inconsistent_values(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        ClusterOptions(**kwargs)  # type: ignore[arg-type]


def test_cluster_options_accept_the_edges_of_their_range() -> None:
    options = ClusterOptions(window_days=5.0, keep_days=5.0, join_probability=0.99)
    assert options.keep_days == options.window_days


def test_the_packaged_join_model_is_used_unless_one_is_given() -> None:
    given = JoinModel(-50.0, (0.0,) * len(FEATURES))  # never joins
    c = StoryClusterer(replace(OPTIONS, model=given), LexicalVectorizer())
    first = c.add(STRIKE_COURIER)
    assert c.add(replace(STRIKE_COURIER, article_id="again")) != first
    assert clusterer().add_many([STRIKE_COURIER, replace(STRIKE_COURIER, article_id="x")])[1] == (
        "s" + STRIKE_COURIER.article_id[:12]
    )


# --- who joins which story -------------------------------------------------------------


def test_two_outlets_reports_of_one_event_join_one_story_and_an_unrelated_one_does_not() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    assert c.add(FROST) != first
    assert c.add(STRIKE_GAZETTE) == first
    assert memberships(c.stories()) == {
        frozenset({"courier-strike", "gazette-strike"}),
        frozenset({"valley-frost"}),
    }
    assert c.story_of("gazette-strike") == first
    assert c.story_of("never-added") is None


def test_the_same_text_joins_within_the_window() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    later = c.add(replace(STRIKE_COURIER, article_id="later", published=T0 + timedelta(days=5)))
    assert later == first


def test_the_same_text_30_days_later_starts_a_new_story() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    later = c.add(replace(STRIKE_COURIER, article_id="later", published=T0 + timedelta(days=30)))
    assert later != first
    assert len(c.stories()) == 2


def test_a_story_past_keep_days_keeps_its_members_and_title() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    c.add(STRIKE_GAZETTE)
    c.add(replace(FROST, published=T0 + timedelta(days=45)))  # the strike story goes cold
    cold = next(s for s in c.stories() if s.id == first)
    assert cold.articles == ("courier-strike", "gazette-strike")
    assert cold.title in {STRIKE_COURIER.title, STRIKE_GAZETTE.title}
    assert c.story_of("gazette-strike") == first


def test_an_article_added_again_changes_nothing() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    c.add(FROST)
    before = summary(c)
    assert c.add(replace(FROST, article_id="courier-strike")) == first
    assert summary(c) == before


# --- copies ----------------------------------------------------------------------------


def test_a_copy_joins_its_originals_story_whatever_its_text() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    copy = art("copy", "Frost copy", FROST.text, day=0.1, duplicate_of="courier-strike")
    assert c.add(copy) == first
    assert c.stories()[0].articles == ("courier-strike", "copy")


def test_a_copy_does_not_move_the_story_centroid() -> None:
    c = clusterer()
    c.add(STRIKE_COURIER)
    totals_before = np.load(io.BytesIO(c.state()))["totals"]
    # A copy with an orchard text: were it counted, the story would attract orchard news.
    c.add(art("copy", None, FROST.text, day=0.1, duplicate_of="courier-strike"))
    assert np.array_equal(np.load(io.BytesIO(c.state()))["totals"], totals_before)
    orchard = art("orchard", None, FROST.text, day=0.2)  # no names: text decides
    assert c.add(orchard) != c.story_of("courier-strike")


def test_a_copy_of_an_unknown_article_is_placed_like_any_article() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    assert c.add(replace(FROST, duplicate_of="not-seen")) != first
    assert c.add(replace(STRIKE_GAZETTE, duplicate_of="not-seen")) == first


# --- languages -------------------------------------------------------------------------


def test_an_article_in_another_language_joins_by_names_found_in_its_text() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    c.add(FROST)
    assert c.add(STRIKE_GERMAN) == first


def test_an_article_in_another_language_joins_by_its_own_entities() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    c.add(FROST)
    german = replace(STRIKE_GERMAN, entities=frozenset({"Lorvik", "Mirela Kostanj"}))
    assert c.add(german) == first


def test_an_article_in_another_language_sharing_one_name_does_not_join() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    other = art(
        "bote-wetter",
        "Sturm über Lorvik",
        "Ein schwerer Sturm hat in der Nacht Dächer beschädigt; die Feuerwehr rückte aus.",
        day=0.5,
        entities={"Lorvik"},
        language="de",
    )
    assert c.add(other) != first


# --- merges ----------------------------------------------------------------------------


# Joins at a mean member cosine of 0.2 and on nothing else: the merge mechanics, apart
# from the fitted model (which weighs a bridge against each story's own cohesion).
TEXT_ONLY = JoinModel(-2.0, tuple(10.0 if f == "text_mean" else 0.0 for f in FEATURES))


def test_a_bridging_article_merges_two_stories_and_the_merge_is_recorded() -> None:
    c = StoryClusterer(replace(OPTIONS, model=TEXT_ONLY))
    harbour = c.add(HARBOUR)
    bakeries = c.add(BAKERIES)
    assert harbour != bakeries
    kept = c.add(BRIDGE)
    assert kept in {harbour, bakeries}
    gone = ({harbour, bakeries} - {kept}).pop()
    assert c.merges() == {gone: kept}
    assert [s.id for s in c.stories()] == [kept]
    assert c.stories()[0].articles == ("x-harbour", "y-bakeries", "z-bridge")
    assert {c.story_of(a) for a in ("x-harbour", "y-bakeries", "z-bridge")} == {kept}


def test_merges_returns_a_copy() -> None:
    c = StoryClusterer(replace(OPTIONS, model=TEXT_ONLY))
    c.add_many([HARBOUR, BAKERIES, BRIDGE])
    c.merges().clear()
    assert c.merges()


# --- ids, titles, dates -----------------------------------------------------------------


def test_a_story_id_is_s_and_its_first_articles_id_cut_to_12() -> None:
    c = clusterer()
    assert c.add(replace(STRIKE_COURIER, article_id="0123456789abcdef")) == "s0123456789ab"
    assert c.add(replace(FROST, article_id="f00d")) == "sf00d"


def test_story_ids_stay_distinct_when_article_ids_share_12_characters() -> None:
    c = clusterer()
    first = c.add(replace(STRIKE_COURIER, article_id="0123456789ab0001"))
    second = c.add(replace(FROST, article_id="0123456789ab0002"))
    assert first == "s0123456789ab"
    assert second != first
    assert second.startswith("s0123456789ab")


def test_story_ids_stay_distinct_when_one_article_id_is_another_ones_prefix() -> None:
    c = clusterer()
    first = c.add(replace(STRIKE_COURIER, article_id="0123456789abcdef"))
    second = c.add(replace(FROST, article_id="0123456789ab"))
    assert second != first


def test_story_titles_are_member_headlines() -> None:
    c = clusterer()
    c.add_many([STRIKE_COURIER, FROST, STRIKE_GAZETTE])
    titles = {
        "courier-strike": STRIKE_COURIER.title,
        "gazette-strike": STRIKE_GAZETTE.title,
        "valley-frost": FROST.title,
    }
    for story in c.stories():
        assert story.title in {titles[a] for a in story.articles}


def test_a_story_of_untitled_articles_has_no_title() -> None:
    c = clusterer()
    c.add(replace(FROST, title=None))
    assert c.stories()[0].title is None


def test_undated_articles_are_placed_and_leave_the_dates_alone() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    assert c.add(replace(STRIKE_GAZETTE, published=None)) == first
    assert c.add(replace(FROST, published=None)) != first
    story = next(s for s in c.stories() if s.id == first)
    assert story.first_published == story.last_published == T0


def test_an_undated_article_is_not_held_to_the_time_window() -> None:
    c = clusterer()
    first = c.add(replace(STRIKE_COURIER, published=T0 + timedelta(days=20)))
    assert c.add(replace(STRIKE_GAZETTE, published=None)) == first


def test_a_story_of_undated_articles_has_no_dates() -> None:
    c = clusterer()
    c.add_many([replace(STRIKE_COURIER, published=None), replace(STRIKE_GAZETTE, published=None)])
    (story,) = c.stories()
    assert story.first_published is None
    assert story.last_published is None


def test_an_undated_article_takes_its_storys_dates() -> None:
    c = clusterer()
    c.add_many([STRIKE_COURIER, replace(STRIKE_GAZETTE, published=None)])
    assert c.dates_of("gazette-strike") == (T0, T0)
    assert c.dates_of("never-added") == (None, None)


STRIKE_SENTENCES = (
    "Dockworkers at the port of Lorvik stayed off the job for another day.",
    "Container cranes stood idle and ships waited in the bay.",
    "Union leader Mirela Kostanj said the strike would go on until the port authority "
    "returned to talks.",
    "The dockers' union says wages have not kept pace with rents in Lorvik.",
    "Striking dockworkers gathered at the gates demanding higher wages.",
    "The port authority said it had made a fair offer.",
    "Shipping agents said cargo was being rerouted to other harbours.",
    "It is the first strike at Lorvik in a decade.",
)


def strike_report(n: int, day: float | None) -> ArticleSignals:
    """The n-th report of the Lorvik strike: six of the eight sentences, a different
    choice for each report (so reports are alike, not identical)."""
    chosen = [s for i, s in enumerate(STRIKE_SENTENCES) if i not in (n % 8, (n + 3) % 8)]
    return art(
        f"report-{n}",
        f"Lorvik strike, day report {n}",
        " ".join(chosen),
        day,
        entities=STRIKE_NAMES,
        speakers={"Mirela Kostanj"},
    )


@pytest.mark.parametrize("size", [1, 2, 8])
def test_an_undated_follow_up_joins_a_big_story_as_it_joins_a_small_one(size: int) -> None:
    """The size of a story is no evidence against joining it (issue 10: the sample
    wildfire follow-up was split from its 8-article story by a fitted size term)."""
    c = clusterer()
    (story,) = set(c.add_many([strike_report(n, 0.1 * n) for n in range(size)]))
    assert c.add(strike_report(size + 1, None)) == story


def test_undated_articles_group_as_their_dated_copies_do() -> None:
    dated = [STRIKE_COURIER, FROST, STRIKE_GAZETTE, HARBOUR, BAKERIES]
    undated = [replace(a, published=None) for a in dated]
    assert memberships(grouped(dated)) == memberships(grouped(undated))


def grouped(articles: Sequence[ArticleSignals], runs: int = 1) -> list[Story]:
    c = clusterer()
    size = -(-len(articles) // runs)
    for start in range(0, len(articles), size):
        c.add_many(articles[start : start + size])
        c.consolidate()
    return c.stories()


ORDERED = [STRIKE_COURIER, FROST, STRIKE_GAZETTE, HARBOUR, BAKERIES]


@given(st.permutations(ORDERED), st.integers(min_value=1, max_value=3))
@settings(max_examples=25, deadline=None)
def test_the_same_articles_give_the_same_stories_in_any_order_and_any_runs(
    order: list[ArticleSignals], runs: int
) -> None:
    assert memberships(grouped(order, runs)) == memberships(grouped(ORDERED))


def test_consolidation_merges_stories_split_by_an_early_decision() -> None:
    lenient = JoinModel(-50.0, (0.0,) * len(FEATURES))  # nothing joins while adding
    c = StoryClusterer(replace(OPTIONS, model=lenient), LexicalVectorizer())
    c.add_many([STRIKE_COURIER, STRIKE_GAZETTE])
    assert len(c.stories()) == 2
    c = StoryClusterer.from_state(c.state(), OPTIONS)  # the packaged model now judges
    assert c.consolidate() == 1
    assert memberships(c.stories()) == {frozenset({"courier-strike", "gazette-strike"})}
    assert c.consolidate() == 0


def test_two_reports_of_one_event_are_probably_one_story_and_unrelated_ones_not() -> None:
    c = clusterer()
    c.vectorizer.observe([a.text for a in ORDERED])  # type: ignore[attr-defined]
    assert c.probability(STRIKE_COURIER, STRIKE_GAZETTE) > 0.5
    assert c.probability(STRIKE_COURIER, FROST) < 0.5
    assert c.stories() == []


def test_a_state_mismatch_is_a_newsprism_error() -> None:
    assert issubclass(ClusterStateMismatch, NewsprismError)


def test_a_story_spans_its_members_dates() -> None:
    c = clusterer()
    c.add_many([STRIKE_GAZETTE, STRIKE_COURIER])  # the later one first
    (story,) = c.stories()
    assert story.first_published == STRIKE_COURIER.published
    assert story.last_published == STRIKE_GAZETTE.published


# --- generated streams -----------------------------------------------------------------

TOPICS = [
    (
        ["Lorvik", "Mirela Kostanj"],
        "dockworkers strike cranes harbour wages union ships bay pay talks port gates "
        "containers shifts pickets",
    ),
    (
        ["Ostvale", "Tobias Renner"],
        "frost orchards blossom apples harvest slopes farmers valley losses hectares cold "
        "spring pickers cider growers",
    ),
    (
        ["Kessmark", "Ada Virtanen"],
        "chess federation tournament juniors players board championship rounds openings prize "
        "hall grandmaster clocks draw",
    ),
    (
        ["Tessel", "Ilona Varga"],
        "ferry pier repairs passengers quay pilings engineers winter vote kroner weeks crossing "
        "timetable moorings",
    ),
]

# (topic, seed, day or None, titled, with entities, German, copy of an earlier article)
_ITEM = st.tuples(
    st.integers(0, len(TOPICS) - 1),
    st.integers(0, 1000),
    st.none() | st.floats(0, 60, allow_nan=False),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.none() | st.integers(0, 20),
)
STREAMS = st.lists(_ITEM, min_size=1, max_size=16)


def generated(
    stream: Sequence[tuple[int, int, float | None, bool, bool, bool, int | None]],
) -> list[ArticleSignals]:
    articles: list[ArticleSignals] = []
    for n, (topic, seed, day, titled, named, german, copy_of) in enumerate(stream):
        rng = random.Random(seed)
        names, vocabulary = TOPICS[topic]
        words = rng.sample(vocabulary.split(), 8)
        text = f"{names[0]} {' '.join(words)}. {names[1]} said the {words[0]} matters."
        if german:
            text = f"In {names[0]} sagte {names[1]} am Montag etwas."
        article_id = f"a{n:02d}-{topic}-{seed:04d}"
        original = articles[copy_of].article_id if copy_of is not None and copy_of < n else None
        articles.append(
            art(
                article_id,
                f"{names[0]} {words[1]} {words[2]}" if titled else None,
                text,
                day=day,
                entities=set(names) if named and not german else set(),
                speakers={names[1]} if named and not german else set(),
                language="de" if german else "en",
                duplicate_of=original,
            )
        )
    return articles


def outcome(c: StoryClusterer) -> tuple[object, ...]:
    return (
        [(s.id, s.title, s.articles, s.first_published, s.last_published) for s in c.stories()],
        c.merges(),
    )


class Shelf:
    """Frozen stories kept outside the clusterer, as the store keeps them (ColdStories)."""

    def __init__(self, stories: Sequence[Story]) -> None:
        self.stories = {s.id: s for s in stories}

    def holding(self, article_ids: Sequence[str]) -> list[Story]:
        wanted = set(article_ids)
        return [s for s in self.stories.values() if wanted.intersection(s.articles)]

    def taken(self, story_id: str) -> bool:
        return story_id in self.stories


def kept_outcome(shelf: Shelf, first: StoryClusterer, last: StoryClusterer) -> tuple[object, ...]:
    """Every story (the shelf's, updated by the last session's) by id, and the merges of
    both sessions with the first's chained through the last's, as a store would hold."""
    stories = {**shelf.stories, **{s.id: s for s in last.stories()}}
    later = last.merges()
    merges = {old: later.get(into, into) for old, into in first.merges().items()} | later
    return (
        sorted(
            (s.id, s.title, s.articles, s.first_published, s.last_published)
            for s in stories.values()
        ),
        merges,
    )


@settings(max_examples=60, deadline=None)
@given(stream=STREAMS)
def test_stories_partition_the_articles_added(
    stream: list[tuple[int, int, float | None, bool, bool, bool, int | None]],
) -> None:
    # add()'s answer stays true up to merges only without consolidation: a consolidation
    # split (after a batch, or as a story freezes inside a later add) moves articles to a
    # new story, which callers read from stories(), not from merges().
    articles = generated(stream)
    c = StoryClusterer(replace(OPTIONS, consolidate=False))
    placed = [c.add(a) for a in articles]
    stories = c.stories()
    listed = Counter(a for s in stories for a in s.articles)
    assert listed == Counter(a.article_id for a in articles)
    ids = [s.id for s in stories]
    assert len(ids) == len(set(ids))
    merges = c.merges()
    assert not merges.keys() & set(ids)
    assert set(merges.values()) <= set(ids)
    headlines = {a.article_id: a.title for a in articles}
    for story in stories:
        assert all(c.story_of(a) == story.id for a in story.articles)
        assert story.title is None or story.title in {headlines[a] for a in story.articles}
        assert any(story.id == "s" + a[:12] for a in story.articles)
    for article, story_id in zip(articles, placed, strict=True):
        assert c.story_of(article.article_id) == merges.get(story_id, story_id)
    consolidating = clusterer()  # splits on: still a partition of the articles
    for article in articles:
        consolidating.add(article)
    split = consolidating.stories()
    assert Counter(a for s in split for a in s.articles) == listed
    assert all(consolidating.story_of(a) == s.id for s in split for a in s.articles)


@settings(max_examples=40, deadline=None)
@given(stream=STREAMS)
def test_add_many_gives_the_same_stories_as_adding_one_by_one(
    stream: list[tuple[int, int, float | None, bool, bool, bool, int | None]],
) -> None:
    articles = generated(stream)
    one_by_one, batched = clusterer(), clusterer()
    placed = [one_by_one.add(a) for a in articles]
    returned = batched.add_many(articles)
    assert outcome(batched) == outcome(one_by_one)
    # Where a story was merged away later, compare the stories the ids lead to now.
    merges = one_by_one.merges()
    assert [merges.get(i, i) for i in returned] == [merges.get(i, i) for i in placed]


def test_add_many_over_several_idf_checkpoints_equals_one_by_one() -> None:
    articles = generated(
        [(i % 4, i, i * 0.5, True, i % 3 > 0, i % 7 == 0, None) for i in range(40)]
    )
    one_by_one, batched = clusterer(), clusterer()
    for a in articles:
        one_by_one.add(a)
    batched.add_many(articles)
    assert outcome(batched) == outcome(one_by_one)
    assert len(one_by_one.stories()) >= 4


def test_add_many_returns_what_add_one_by_one_returns_across_a_merge() -> None:
    one_by_one, batched = (StoryClusterer(replace(OPTIONS, model=TEXT_ONLY)) for _ in "ab")
    placed = [one_by_one.add(a) for a in (HARBOUR, BAKERIES, BRIDGE)]
    assert one_by_one.merges()  # the bridge merged the two stories
    assert batched.add_many([HARBOUR, BAKERIES, BRIDGE]) == placed


def test_add_many_with_a_repeated_article_equals_adding_one_by_one() -> None:
    stream = [STRIKE_COURIER, STRIKE_GAZETTE, STRIKE_COURIER]
    one_by_one, batched = clusterer(), clusterer()
    placed = [one_by_one.add(a) for a in stream]
    assert batched.add_many(stream) == placed
    assert outcome(batched) == outcome(one_by_one)


@settings(max_examples=30, deadline=None)
@given(stream=STREAMS, cut=st.integers(0, 16))
def test_a_state_round_trip_continues_exactly_like_an_uninterrupted_run(
    stream: list[tuple[int, int, float | None, bool, bool, bool, int | None]], cut: int
) -> None:
    articles = generated(stream)
    whole = clusterer()
    whole.add_many(articles)
    first = clusterer()
    first.add_many(articles[:cut])
    shelf = Shelf(first.release_frozen())
    resumed = StoryClusterer.from_state(first.state(), OPTIONS, cold=shelf)
    resumed.add_many(articles[cut:])
    assert kept_outcome(shelf, first, resumed) == kept_outcome(Shelf([]), clusterer(), whole)
    assert all(resumed.story_of(a.article_id) == whole.story_of(a.article_id) for a in articles)


def test_a_state_round_trip_across_idf_checkpoints_and_cold_stories() -> None:
    articles = generated([(i % 4, i, i * 2.0, True, True, False, None) for i in range(30)])
    whole = clusterer()
    whole.add_many(articles)
    first = clusterer()
    first.add_many(articles[:20])  # between IDF checkpoints, day 38: the first ones froze
    before = [
        (s.id, s.title, s.articles, s.first_published, s.last_published) for s in first.stories()
    ]
    shelf = Shelf(first.release_frozen())
    assert shelf.stories  # some stories froze before the cut
    resumed = StoryClusterer.from_state(first.state(), OPTIONS, cold=shelf)
    assert outcome(resumed)[0] == [s for s in before if s[0] not in shelf.stories]
    resumed.add_many(articles[20:])
    assert kept_outcome(shelf, first, resumed) == kept_outcome(Shelf([]), clusterer(), whole)


def test_a_state_with_an_unknown_format_is_rejected() -> None:
    c = clusterer()
    c.add(FROST)
    saved = dict(np.load(io.BytesIO(c.state())))
    saved["meta"] = np.frombuffer(b'{"format": 99}', dtype=np.uint8)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **saved)
    with pytest.raises(ClusterStateMismatch, match="format 99"):
        StoryClusterer.from_state(buffer.getvalue(), OPTIONS)


def test_a_state_is_rejected_by_a_vectorizer_of_another_dim() -> None:
    c = clusterer()
    c.add(FROST)
    with pytest.raises(ClusterStateMismatch, match="--embeddings off"):
        StoryClusterer.from_state(c.state(), OPTIONS, LexicalVectorizer(dim=64))


# --- the hot window only in the state; frozen stories kept outside --------------------

LEGACY_STATE = Path(__file__).parent / "data" / "cluster_state_format1.npz"


def frozen_singletons(count: int) -> list[ArticleSignals]:
    """``count`` one-article stories 40 days apart (each freezes before the next), then
    the same three-article hot window."""
    old = generated([(i % 4, i, i * 40.0, True, True, False, None) for i in range(count)])
    end = count * 40.0
    recent = generated([(n % 2, 7, end + n, True, True, False, None) for n in range(3)])
    return old + [replace(a, article_id=f"hot-{a.article_id}") for a in recent]


def state_meta(state: bytes) -> dict[str, object]:
    meta: dict[str, object] = json.loads(np.load(io.BytesIO(state))["meta"].tobytes())
    return meta


def test_a_state_holds_the_hot_window_whatever_the_frozen_stories() -> None:
    sizes, metas = [], []
    for count in (20, 80):
        c = clusterer()
        c.add_many(frozen_singletons(count))
        sizes.append(len(c.state()))
        metas.append(state_meta(c.state()))
    assert [len(m["stories"]) for m in metas] == [2, 2]  # type: ignore[arg-type]
    assert all(m["format"] == 4 and "ids" not in m for m in metas)
    # 60 more frozen stories: the old full state grew by ~40 bytes an article and more
    # (2,400 bytes here); the state is ~3 KB since the IDF is kept where it departs from
    # the prior's alone, so compression's own wobble (~300 bytes) is allowed for.
    assert abs(sizes[1] - sizes[0]) < max(0.02 * sizes[0], 1024)


def test_frozen_stories_stay_in_memory_until_released() -> None:
    c = clusterer()
    c.add_many(frozen_singletons(5))
    assert len(c.stories()) == 7
    released = c.release_frozen()
    assert [s.articles for s in released] == [(f"a0{n}-{n % 4}-000{n}",) for n in range(5)]
    assert len(c.stories()) == 2 and c.story_of("a00-0-0000") is None


def test_a_copy_of_a_frozen_article_joins_the_kept_story() -> None:
    c = clusterer()
    first = c.add(STRIKE_COURIER)
    c.add(replace(FROST, published=T0 + timedelta(days=45)))  # the strike story freezes
    shelf = Shelf(c.release_frozen())
    resumed = StoryClusterer.from_state(c.state(), OPTIONS, cold=shelf)
    copy = art("copy", "Strike copy", STRIKE_COURIER.text, day=46, duplicate_of="courier-strike")
    assert resumed.add(copy) == first
    kept = next(s for s in resumed.stories() if s.id == first)
    assert kept.articles == ("courier-strike", "copy")
    assert kept.title == STRIKE_COURIER.title
    assert kept.last_published == T0 + timedelta(days=46)
    assert resumed.add(STRIKE_COURIER) == first  # added again: its kept story, unchanged
    assert resumed.story_of("courier-strike") == first
    assert len(state_meta(resumed.state())["stories"]) == 1  # type: ignore[arg-type]


def test_a_new_story_never_takes_a_kept_storys_id() -> None:
    kept = Story(id="s0123456789ab", title=None, articles=("0123456789ab0001",))
    c = StoryClusterer(OPTIONS, cold=Shelf([kept]))
    second = c.add(replace(FROST, article_id="0123456789ab0002"))
    assert second != kept.id and second.startswith("s0123456789ab")


def test_an_old_full_state_is_read_and_its_frozen_stories_handed_over() -> None:
    # Written by the format-1 clusterer: STRIKE_COURIER and STRIKE_GAZETTE, then FROST 45
    # days later (the strike story frozen, the frost story hot).
    c = StoryClusterer.from_state(LEGACY_STATE.read_bytes(), OPTIONS)
    strike = ("courier-strike", "gazette-strike")
    assert [s.articles for s in c.stories()] == [strike, ("valley-frost",)]
    (frozen,) = c.restored_frozen()
    assert frozen.articles == strike and frozen.title == STRIKE_GAZETTE.title
    assert c.story_of("gazette-strike") == frozen.id
    follow_up = replace(FROST, article_id="frost-2", published=T0 + timedelta(days=45.5))
    assert c.add(follow_up) == c.story_of("valley-frost")
    migrated = state_meta(c.state())
    assert migrated["format"] == 4
    assert [e["id"] for e in migrated["stories"]] == ["svalley-frost"]  # type: ignore[attr-defined]
    resumed = StoryClusterer.from_state(c.state(), OPTIONS, cold=Shelf([frozen]))
    assert resumed.restored_frozen() == []
    assert resumed.story_of("courier-strike") == frozen.id


# --- BLAS threads -----------------------------------------------------------------------


def blas_thread_counts() -> list[int]:
    return [lib.num_threads for lib in blas_libraries()]


class ThreadSpy(LexicalVectorizer):
    """The lexical vectorizer, noting the BLAS thread counts while it is called."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[list[int]] = []

    def vectors(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.seen.append(blas_thread_counts())
        return super().vectors(texts)


@pytest.mark.parametrize("threads", [1, None])
def test_adding_uses_the_set_blas_threads_and_gives_the_process_its_own_back(
    threads: int | None,
) -> None:
    before = blas_thread_counts()
    spy = ThreadSpy()
    c = StoryClusterer(replace(OPTIONS, blas_threads=threads), spy)
    c.add_many([STRIKE_COURIER, STRIKE_GAZETTE])
    c.consolidate()
    expected = before if threads is None else [threads] * len(before)
    assert spy.seen and all(seen == expected for seen in spy.seen)
    assert blas_thread_counts() == before


# Joins two near-identical texts only: each pair below is one story of two, the pairs apart.
NEAR_COPIES = JoinModel(-8.0, tuple(10.0 if f == "text_mean" else 0.0 for f in FEATURES))
NEVER = JoinModel(-50.0, (0.0,) * len(FEATURES))
PAIRS = [
    art("p1", None, "Ferry crews in Tasvik stopped work at dawn over unpaid overtime, "
        "and the morning crossings to the islands were cancelled.", None),
    art("p2", None, "Ferry crews in Tasvik stopped work at dawn over unpaid overtime, "
        "so the morning crossings to the islands were cancelled.", None),
    art("q1", None, "No ferries left Tasvik on Tuesday: the crews walked out over "
        "overtime pay and island travellers were stranded at the quay.", None),
    art("q2", None, "No ferries left Tasvik on Tuesday: the crews walked out over "
        "overtime pay and island travellers waited at the quay.", None),
]


@pytest.mark.parametrize("story_model", [None, NEVER])
def test_two_stories_of_two_merge_only_when_the_story_model_agrees(
    story_model: JoinModel | None,
) -> None:
    c = StoryClusterer(replace(OPTIONS, model=NEAR_COPIES), LexicalVectorizer())
    c.add_many(PAIRS)
    assert memberships(c.stories()) == {frozenset({"p1", "p2"}), frozenset({"q1", "q2"})}
    # TEXT_ONLY joins the pairs; a story model that never joins keeps them apart.
    options = replace(OPTIONS, model=TEXT_ONLY, story_model=story_model)
    c = StoryClusterer.from_state(c.state(), options)
    assert c.consolidate() == (1 if story_model is None else 0)
