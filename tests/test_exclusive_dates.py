"""Dates as details of exclusives, compared as days (reconcile/exclusive_dates.py): one
date written two ways is one detail; a day inside a span another source names carries
that span, not the reverse; undated stories compare equal readings only.

Invented stories, analysed with the English pipeline; lexical similarity.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, DateMention, Story, article_id
from newsprism.reconcile.exclusive_dates import DayDetail, day_carried, day_detail, day_within
from newsprism.reconcile.exclusive_details import StoryDetails
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)  # a Thursday


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def story(
    analyzer: Analyzer, *texts: tuple[str, str], published: datetime | None = PUBLISHED
) -> StoryMaterial:
    articles = [
        Article(article_id(o, t), f"{o}.txt", t, outlet=o, published=published) for o, t in texts
    ]
    return StoryMaterial(
        Story("s", None, tuple(a.id for a in articles)),
        articles,
        {a.id: analyzer.analyze(a) for a in articles},
    )


def day(first: str, last: str | None = None, key: str = "") -> DayDetail:
    return DayDetail("day", date.fromisoformat(first), date.fromisoformat(last or first), key)


def stand_in(first: str, last: str | None = None, key: str = "") -> DayDetail:
    return DayDetail("stand-in", date.fromisoformat(first), date.fromisoformat(last or first), key)


def test_a_day_inside_a_span_carries_the_span_not_the_reverse() -> None:
    week = day("2026-05-04", "2026-05-10")
    tuesday = day("2026-05-05")
    assert day_carried(week, [tuesday])  # "last week" / "on Tuesday" of that week
    assert not day_carried(tuesday, [week])  # the week does not say which day
    assert day_carried(tuesday, [day("2026-05-05")])
    assert not day_carried(tuesday, [day("2026-05-06")])  # another day


def test_a_month_or_a_year_is_carried_by_a_day_inside_it_only_with_its_deed() -> None:
    """Every day of a story falls in its year: "this year" carried by any of them would
    name nothing. A span longer than a week is carried by the same span by itself; a day
    inside it lies within it (``day_within``), which carries it only beside the same deed
    (the passage tests below)."""
    year = day("2026-01-01", "2026-12-31")
    assert not day_carried(year, [day("2026-05-12")])
    assert day_within(year, [day("2026-05-12")])
    assert day_carried(year, [day("2026-01-01", "2026-12-31")])
    may = day("2026-05-01", "2026-05-31")
    assert not day_carried(may, [day("2026-05-12")])
    assert day_within(may, [day("2026-05-12")])
    assert not day_within(may, [day("2026-06-02")])
    assert not day_within(day("2026-05-12"), [may])  # the month does not say which day
    assert not day_within(stand_in("2001-01-01", "2001-01-31"), [stand_in("2001-01-17")])
    assert day_carried(day("2026-05-04", "2026-05-10"), [day("2026-05-10")])  # a week


def test_stand_in_readings_carry_only_an_equal_span() -> None:
    """Read from a day nobody wrote, containment means nothing."""
    assert day_carried(stand_in("2001-01-17"), [stand_in("2001-01-17")])
    assert not day_carried(stand_in("2001-01-08", "2001-01-14"), [stand_in("2001-01-10")])


def test_other_readings_compare_their_words() -> None:
    text = DayDetail("text", None, None, "the spring")
    assert day_carried(text, [DayDetail("text", None, None, "the spring")])
    assert not day_carried(text, [DayDetail("text", None, None, "the summer")])
    # A real day and a stand-in reading do not meet as days: their words decide.
    assert day_carried(day("2026-05-12", key="tuesday"), [stand_in("2001-01-16", key="tuesday")])
    assert not day_carried(day("2026-05-12", key="tuesday"), [stand_in("2001-01-16", key="monday")])


def _mention(material: StoryMaterial, outlet: str, words: str) -> tuple[str, DateMention]:
    article = next(a for a in material.articles if a.outlet == outlet)
    analysis = material.analysis(article.id)
    assert analysis is not None
    found = next(d for d in analysis.dates if words in d.text)
    return article.id, found


def test_one_weekday_written_two_ways_in_an_undated_story(analyzer: Analyzer) -> None:
    """Undated pages (no anchor): "on Wednesday" and "Wednesday" read to one stand-in
    day; "Friday" to another."""
    material = story(
        analyzer,
        ("Harbour Post", "The ferry Alvina ran aground on Wednesday near Velmar."),
        ("Velmar Wire", "The ferry ran aground Wednesday. Divers inspect the hull Friday."),
        published=None,
    )
    mine = day_detail(material, *_mention(material, "Harbour Post", "Wednesday"))
    theirs = day_detail(material, *_mention(material, "Velmar Wire", "Wednesday"))
    friday = day_detail(material, *_mention(material, "Velmar Wire", "Friday"))
    assert mine.reading == "stand-in"
    assert day_carried(mine, [theirs])
    assert not day_carried(mine, [friday])


def test_dated_story_reads_resolved_days(analyzer: Analyzer) -> None:
    material = story(
        analyzer,
        ("Harbour Post", "The ferry Alvina ran aground last week near Velmar."),
        ("Velmar Wire", "The ferry Alvina ran aground on May 6 near Velmar."),
    )
    week = day_detail(material, *_mention(material, "Harbour Post", "week"))
    may6 = day_detail(material, *_mention(material, "Velmar Wire", "May"))
    assert (week.reading, may6.reading) == ("day", "day")
    assert day_carried(week, [may6])
    assert not day_carried(may6, [week])


def test_a_date_written_another_way_is_no_new_detail(analyzer: Analyzer) -> None:
    """The passage's only details are the ferry's name and its day; the other source
    gives both, the day in other words: nothing new (before: the day as written was)."""
    material = story(
        analyzer,
        ("Harbour Post", "The ferry Alvina ran aground on Wednesday near the pier."),
        ("Velmar Wire", "The ferry Alvina ran aground Wednesday, the harbour master said."),
        published=None,
    )
    details = StoryDetails(material, material.story_pieces(), story_names(material))
    mine = next(s for s in material.story_pieces() if "near the pier" in s.text)
    assert not details.brings_news(mine)


def _news(analyzer: Analyzer, mine: str, theirs: str) -> bool:
    material = story(analyzer, ("Harbour Post", mine), ("Velmar Wire", theirs))
    details = StoryDetails(material, material.story_pieces(), story_names(material))
    passage = next(s for s in material.story_pieces() if s.text in mine)
    return details.brings_news(passage)


def test_a_day_given_for_another_deed_does_not_carry_the_date(analyzer: Analyzer) -> None:
    """The day another source gives is the day the fire began (a Monday, May 11); the
    passage's May 11 is the day of a spark igniting grass, its cause: that date is still
    a detail of its own (before: carried by the Monday, the passage had no detail left
    and was no news). The same day given in other words for the same deed ("The fire
    began" / "The blaze began") carries it, and so does the same expression."""
    assert _news(
        analyzer,
        "Investigators said a spark from a damaged power line ignited dry grass on May 11.",
        "The fire began on Monday and crews from three towns fought it overnight.",
    )
    assert not _news(
        analyzer, "The fire began on May 11.", "The blaze began on Monday near the farms."
    )
    # The same expression carries itself, as before dates were read as days.
    assert not _news(
        analyzer,
        "Investigators said a spark from a damaged power line ignited dry grass on Monday.",
        "The fire began on Monday and crews from three towns fought it overnight.",
    )


def test_a_month_told_more_precisely_by_another_source_is_no_news(analyzer: Analyzer) -> None:
    """Another source gives the day inside the month for the same deed: the vaguer
    retelling brings nothing new ("in May", "this month" or the month as its own clause
    against "on May 6"). The same month given beside another deed still carries nothing:
    the sentence's grounding stays news (every day of the story falls in its month)."""
    precise = "The ferry Alvina ran aground on May 6 near Velmar."
    assert not _news(analyzer, "The ferry Alvina ran aground in May near Velmar.", precise)
    assert not _news(analyzer, "The ferry Alvina ran aground this month near Velmar.", precise)
    assert not _news(analyzer, "In May, the ferry Alvina ran aground near Velmar.", precise)
    assert _news(
        analyzer,
        "Inspectors cleared the ferry Alvina to sail again this month.",
        "The ferry Alvina ran aground on May 6 near Velmar.",
    )
