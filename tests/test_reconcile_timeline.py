"""Timeline: dated events across outlets, against the sample gold and invented stories.

Gold mentions that cannot be recovered by the English pipeline (the German original's
"seit Montag", "am Dienstag", "am Dienstagabend") are left out of the checks: the
German article has an empty analysis.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.analyze.analyzer import Analyzer
from newsprism.cluster.vectors import dense_available
from newsprism.model import Article, Story, TimelineEvent, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import TextSimilarity
from newsprism.reconcile.timeline import (
    TimelineOptions,
    build_timeline,
    clause_of,
    is_dateline,
    story_anchors,
)

CET = timezone(timedelta(hours=1))
needs_dense = pytest.mark.skipif(not dense_available(), reason="the 'embed' extra is missing")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def dense(dense_similarity: TextSimilarity) -> TextSimilarity:
    return dense_similarity


@pytest.fixture(scope="module")
def gold_timelines() -> dict[tuple[str, str], list[TimelineEvent]]:
    """Timelines of the sample stories, built once per similarity for the module."""
    return {}


def _timeline(request: pytest.FixtureRequest, story: Any, similarity: str) -> list[TimelineEvent]:
    cache: dict[tuple[str, str], list[TimelineEvent]] = request.getfixturevalue("gold_timelines")
    key = (story.name, similarity)
    if key not in cache:
        cache[key] = build_timeline(story.material, _options(request, similarity))
    return cache[key]


def _material(
    analyzer: Analyzer, items: Sequence[tuple[str, str, datetime | None]]
) -> StoryMaterial:
    """A story of invented articles (outlet, text, published), analysed for real."""
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet,
                title=f"{outlet} report", published=published, language="en")
        for outlet, text, published in items
    ]  # fmt: skip
    analyses = {a.id: x for a, x in zip(articles, analyzer.analyze_many(articles), strict=True)}
    story = Story("story", "invented", tuple(a.id for a in articles))
    return StoryMaterial(story, articles, analyses)


def _options(request: pytest.FixtureRequest, similarity: str) -> TimelineOptions:
    """Default options, with the module's dense similarity when asked for."""
    if similarity == "dense":
        return TimelineOptions(similarity=request.getfixturevalue("dense"))
    return TimelineOptions()


def _covers(event: TimelineEvent, day: str) -> bool:
    first, _, last = event.date.partition("/")
    return first <= day <= (last or first)


def _gold_mentions(story: Any) -> Iterator[tuple[int, str, str]]:
    """(gold event index, ref, text) of every gold mention the English pipeline reads."""
    material = story.material
    for index, event in enumerate(story.gold["timeline"]):
        for mention in event["mentions"]:
            article = story.id_of.get(mention["ref"])
            analysis = material.analysis(article) if article else None
            if analysis is not None and analysis.sentences:
                yield index, mention["ref"], mention["text"]


def _where(story: Any, events: list[TimelineEvent], ref: str, text: str, day: str) -> int | None:
    """Index of the event holding a gold mention (the analyser keeps a preposition in
    front of some: "on March 23" for gold "March 23") dated to include ``day``."""
    for index, event in enumerate(events):
        for passage in event.mentions:
            same = passage.text == text or passage.text.split(" ", 1)[-1] == text
            if story.ref_of[passage.article] == ref and same and _covers(event, day):
                return index
    return None


SIMILARITIES = ["lexical", pytest.param("dense", marks=needs_dense)]


@pytest.mark.parametrize("similarity", SIMILARITIES)
def test_every_recoverable_gold_mention_is_dated_right(
    request: pytest.FixtureRequest, sample_stories: dict[str, Any], similarity: str
) -> None:
    for name, story in sample_stories.items():
        events = _timeline(request, story, similarity)
        for index, ref, text in _gold_mentions(story):
            day = story.gold["timeline"][index]["date"]
            assert _where(story, events, ref, text, day) is not None, (name, day, ref, text)


@pytest.mark.parametrize(
    ("similarity", "least"), [("lexical", 0.95), pytest.param("dense", 0.95, marks=needs_dense)]
)
def test_gold_events_are_grouped_and_never_merged(
    request: pytest.FixtureRequest,
    sample_stories: dict[str, Any],
    similarity: str,
    least: float,
) -> None:
    grouped = total = 0
    for name, story in sample_stories.items():
        events = _timeline(request, story, similarity)
        homes: dict[int, list[int]] = {}
        for index, ref, text in _gold_mentions(story):
            home = _where(story, events, ref, text, story.gold["timeline"][index]["date"])
            assert home is not None
            homes.setdefault(index, []).append(home)
        owner: dict[int, int] = {}
        for index, found in homes.items():
            main = max(set(found), key=found.count)
            # most of a gold event's mentions sit in one predicted event ...
            assert found.count(main) >= 0.75 * len(found), (name, index)
            # ... and no predicted event holds the main part of two gold events
            assert owner.setdefault(main, index) == index, (name, index, owner[main])
            grouped += found.count(main)
            total += len(found)
    assert grouped / total >= least


def test_events_sorted_dates_consistent_and_passages_exact(
    sample_stories: dict[str, Any],
) -> None:
    for story in sample_stories.values():
        material = story.material
        events = build_timeline(material)
        keys = [e.date.split("/")[0] for e in events]
        assert keys == sorted(keys)
        for event in events:
            assert event.mentions
            first = material.by_id[event.mentions[0].article]
            assert event.text in first.text  # the earliest-published mention's clause
            for passage in event.mentions:
                article = material.by_id[passage.article]
                assert article.text[passage.start : passage.end] == passage.text
                assert passage.outlet == article.outlet
                analysis = material.analysis(passage.article)
                assert analysis is not None
                dateline = next(m for m in analysis.dates if m.start == passage.start)
                assert not is_dateline(article.text, dateline)


def test_undated_copies_take_the_wire_dateline_and_others_agree_with_the_story(
    sample_stories: dict[str, Any],
) -> None:
    port = sample_stories["port-strike"]
    anchors = story_anchors(port.material)
    for ref in ("stories/cpa-wire/port-strike.txt", "stories/harbour-herald/port-strike.txt"):
        assert anchors[port.id_of[ref]] == date(2026, 3, 3)  # "LORVIK, March 3 (CPA) -"
    fire = sample_stories["caldera-wildfire"]
    anchors = story_anchors(fire.material)
    undated = "https://valdoriatoday.example/world/caldera-hills-wildfire-power-line-cause"
    # "The planes from Kesteria, which arrived on Tuesday": the median day (Monday the
    # 16th) would date the arrival a week early; agreement with the story picks the 17th.
    assert anchors[fire.id_of[undated]] == date(2026, 3, 17)
    for story in sample_stories.values():
        assert all(day is not None for day in story_anchors(story.material).values())


def test_background_years_and_vague_asides_are_not_events(sample_stories: dict[str, Any]) -> None:
    for story in sample_stories.values():
        for event in build_timeline(story.material):
            assert event.date.startswith("2026-0")  # not "in 1961", "since 1994", "in 2019"
            first, _, last = event.date.partition("/")
            assert last == "" or date.fromisoformat(last) - date.fromisoformat(first) < timedelta(
                days=31
            )
    river = build_timeline(sample_stories["river-accord"].material)
    assert not any(e.date.startswith("2026-02") for e in river)  # "in February", one blog


# --- invented stories ----------------------------------------------------------------------

HARBOUR_BOTH = [
    ("Tessel Courier", "The Tessel harbour board approved a new dredging contract on Thursday, "
     "ending a year of argument over the silted northern channel.\n\nSeparately, a cargo ship "
     "ran aground near the northern breakwater on Thursday, blocking the channel for six hours "
     "until two tugs pulled it free.", datetime(2026, 5, 8, 9, 0, tzinfo=CET)),
    ("Coastal Wire Radio", "On Thursday the board signed off on the dredging deal, worth 4 "
     "million euros, after months of delay.\n\nThe freighter Aster struck a sandbank by the "
     "breakwater on Thursday and sat stuck for most of the afternoon.",
     datetime(2026, 5, 8, 11, 30, tzinfo=CET)),
]  # fmt: skip


@pytest.mark.parametrize("similarity", SIMILARITIES)
def test_two_events_on_one_day_stay_apart(
    request: pytest.FixtureRequest, analyzer: Analyzer, similarity: str
) -> None:
    material = _material(analyzer, HARBOUR_BOTH)
    events = build_timeline(material, _options(request, similarity))
    assert [e.date for e in events] == ["2026-05-07", "2026-05-07"]
    texts = sorted(e.text for e in events)
    assert texts[0].startswith("Separately, a cargo ship ran aground")
    assert texts[1].startswith("The Tessel harbour board approved")
    for event in events:
        assert {material.outlet(p.article) for p in event.mentions} == {
            "Tessel Courier",
            "Coastal Wire Radio",
        }


def test_one_event_in_different_words_is_one_event_dated_by_the_narrowest(
    analyzer: Analyzer,
) -> None:
    material = _material(analyzer, [
        ("Brisk Daily", "The Varn river burst its banks near Oslet last week, flooding the "
         "lower town.\n\nCrews are pumping out cellars.", datetime(2026, 6, 3, 8, tzinfo=CET)),
        ("Coastal Wire Radio", "The Varn burst its banks at Oslet on Thursday, flooding "
         "streets in the lower town.", datetime(2026, 6, 2, 18, tzinfo=CET)),
    ])  # fmt: skip
    events = build_timeline(material)
    assert len(events) == 1
    (event,) = events
    assert event.date == "2026-05-28"  # Thursday, inside "last week" (May 25-31)
    assert [p.text for p in event.mentions] == ["on Thursday", "last week"]  # earliest first
    assert (
        event.text == "The Varn burst its banks at Oslet on Thursday, flooding streets in "
        "the lower town."
    )


def test_a_vague_span_that_tells_another_thing_does_not_date_the_event(
    analyzer: Analyzer,
) -> None:
    # Both vague ranges hold Monday the 9th; neither tells the governor's words
    material = _material(analyzer, [
        ("Tessel Courier", "Governor Lena Brandt said on Monday that the harbour expansion "
         'was "a plan worth building".', datetime(2026, 3, 13, 9, tzinfo=CET)),
        ("Brisk Daily", "A funding bill for port workers stalled in parliament earlier this "
         "month.", datetime(2026, 3, 16, 9, tzinfo=CET)),
        ("Coastal Wire Radio", "It is clearer now than it was last week that the port "
         "workers will get their support.", datetime(2026, 3, 16, 10, tzinfo=CET)),
    ])  # fmt: skip
    events = build_timeline(material)
    monday = next(e for e in events if e.date == "2026-03-09")
    assert [p.text for p in monday.mentions] == ["on Monday"]
    assert all("Brandt" not in e.text for e in events if e is not monday)


def test_parts_of_day_and_quoted_relative_dates(analyzer: Analyzer) -> None:
    material = _material(analyzer, [
        ("Tessel Courier", "Negotiators for the ferry crews met on Tuesday morning at the "
         "town hall.\n\nNegotiators for the ferry crews met again on Tuesday evening at the "
         "town hall.\n\n\"We will decide tonight whether to strike,\" the union's Ana Lind "
         "said.", datetime(2026, 5, 13, 9, tzinfo=CET)),
    ])  # fmt: skip
    events = build_timeline(material)
    assert [(e.date, e.mentions[0].text) for e in events] == [
        ("2026-05-12", "on Tuesday morning"),
        ("2026-05-12", "on Tuesday evening"),
    ]  # and "tonight", inside a direct quote, counts from when she spoke: left out


def test_undated_article_without_dateline_reads_from_the_agreeing_sibling(
    analyzer: Analyzer,
) -> None:
    material = _material(analyzer, [
        ("Brisk Daily", "Engineers began fitting the new lighthouse lamp at Tessel point on "
         "Tuesday.", datetime(2026, 5, 6, 7, tzinfo=CET)),
        ("Coastal Wire Radio", "Engineers started work on a new lamp for the Tessel point "
         "lighthouse on Tuesday.", datetime(2026, 5, 6, 9, tzinfo=CET)),
        ("Tessel Courier", "The new lighthouse lamp at Tessel point was switched on on "
         "Monday.", datetime(2026, 5, 12, 9, tzinfo=CET)),
        ("Harbour Notes", "The lighthouse lamp at Tessel point, which was switched on on "
         "Monday, passed its first inspection, the harbour master said.", None),
    ])  # fmt: skip
    undated = material.articles[3].id
    # The median publication day (Wednesday the 6th) would read "on Monday" as the 4th;
    # only the 12th makes the article agree with a sibling's date.
    assert story_anchors(material)[undated] == date(2026, 5, 12)
    events = build_timeline(material)
    switched = next(e for e in events if e.date == "2026-05-11")
    assert [material.outlet(p.article) for p in switched.mentions] == [
        "Tessel Courier",
        "Harbour Notes",
    ]


def test_no_dated_article_keeps_only_absolute_dates(analyzer: Analyzer) -> None:
    material = _material(analyzer, [
        ("Harbour Notes", "The pier reopened on Monday after the storm of May 4, 2026 tore "
         "away its railings.", None),
    ])  # fmt: skip
    events = build_timeline(material)
    assert [(e.date, e.mentions[0].text) for e in events] == [("2026-05-04", "May 4, 2026")]


def test_empty_story() -> None:
    story = Story("s", None, ())
    assert build_timeline(StoryMaterial(story, [], {})) == []


# --- helpers: clause spans and the linkage ------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="abc ,;:-\n.ABC", min_size=1, max_size=80),
    st.data(),
)
def test_clause_is_an_exact_span_around_the_hole(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    hole_start = data.draw(st.integers(start, end - 1))
    hole_end = data.draw(st.integers(hole_start + 1, end))
    first, last = clause_of(text, (start, end), (hole_start, hole_end))
    assert start <= first <= hole_start < hole_end <= last <= end
