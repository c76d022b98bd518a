"""Contradictions beyond "not" on invented stories: one person placed in two places,
two accounts named as the poster of one video, opposed prepositions about one thing;
each with hard negatives that must yield nothing. And a date guard: an article cannot
tell of an occasion after its own publication."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Discrepancy, Story, article_id
from newsprism.reconcile.antonyms import opposed_prepositions
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def found(
    analyzer: Analyzer, texts: list[str], published: list[datetime] | None = None
) -> list[Discrepancy]:
    """The discrepancies of one story, one article per text, each its own outlet."""
    when = published or [PUBLISHED] * len(texts)
    articles = [
        Article(article_id(f"o{n}", t), f"o{n}.txt", t, outlet=f"Outlet {n}", published=d)
        for n, (t, d) in enumerate(zip(texts, when, strict=True))
    ]
    story = Story("invented", None, tuple(a.id for a in articles))
    material = StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})
    result = find_discrepancies(material, [], LexicalSimilarity())
    for d in result:
        assert material.sources(c.article for c in d.claims) >= 2
        for c in d.claims:
            assert material.by_id[c.article].text[c.start : c.end] == c.text
    return result


PLACED = (
    "The message was sent to Maria Delgado, a student at Lakeview Community College in "
    "Springfield, Ill.",
    "The message was sent to a Portland woman, later identified as Maria Delgado.",
)


def test_one_person_placed_in_two_towns(analyzer: Analyzer) -> None:
    result = found(analyzer, list(PLACED))
    assert [(d.kind, {c.text for c in d.claims}) for d in result] == [("actor", set(PLACED))]
    assert "Springfield" in result[0].about and "Portland" in result[0].about


@pytest.mark.parametrize(
    "texts",
    [
        # two different people, each with a town
        [PLACED[0], "The message was sent to a Portland woman, later identified as Laura Bennett."],
        # a town and the state that holds it
        [PLACED[0], "The message was sent to Maria Delgado, a student in Ill."],
        # where she is from is not where she studies
        [PLACED[0], "The message was sent to Maria Delgado, a Portland native."],
        # where she was born is not where she studies
        [PLACED[0], "The message was sent to Maria Delgado, who was born in Portland."],
        # a part of a town is no other town
        [
            "Police said Maria Delgado, head of a clinic in the Harlem district, was arrested.",
            "Police said Maria Delgado, a nurse in Portland, was arrested.",
        ],
        # a place in the sentence that is not hers
        [PLACED[0], "Maria Delgado said the message reached her while she was in Portland."],
    ],
)
def test_places_that_do_not_clash(analyzer: Analyzer, texts: list[str]) -> None:
    assert found(analyzer, texts) == []


POSTED = (
    'The video, which was uploaded to the site by "HarbourCam22," shows the two men arguing.',
    "The video was published under an account named DockWatcher, and it shows the two men arguing.",
)


def test_two_accounts_named_as_the_poster_of_one_video(analyzer: Analyzer) -> None:
    result = found(analyzer, list(POSTED))
    assert [(d.kind, {c.text for c in d.claims}) for d in result] == [("actor", set(POSTED))]


@pytest.mark.parametrize(
    "second",
    [
        # the same account
        'The video was posted by "HarbourCam22" on Tuesday, and it shows the two men arguing.',
        # people and outlets share and report a video: only accounts are compared
        "The video was posted by Ana Holt on her page, and it shows the two men arguing.",
        # a different thing posted
        "A photo was posted under an account titled DockWatcher, showing the two men.",
    ],
)
def test_posters_that_do_not_clash(analyzer: Analyzer, second: str) -> None:
    assert found(analyzer, [POSTED[0], second]) == []


LOOKS = (
    "The cover shows Mayor Rena Talvik standing on the quay, looking straight into the "
    "camera and smiling faintly.",
    "The magazine defended the photo, a close-up of Mayor Rena Talvik looking over the "
    "camera and smiling faintly.",
)


def test_opposed_prepositions_about_one_thing(analyzer: Analyzer) -> None:
    result = found(analyzer, list(LOOKS))
    assert [(d.kind, {c.text for c in d.claims}) for d in result] == [("negation", set(LOOKS))]
    assert "over" in opposed_prepositions("into")


@pytest.mark.parametrize(
    "second",
    [
        # another person looking over the camera
        "The magazine defended the photo, a close-up of Ana Holt looking over the camera "
        "and smiling faintly.",
        # over another thing
        "The magazine defended the photo, a close-up of Mayor Rena Talvik looking over the "
        "harbour and smiling faintly.",
        # the same preposition
        "The magazine defended the photo, a close-up of Mayor Rena Talvik looking into the "
        "camera and smiling faintly.",
    ],
)
def test_prepositions_that_do_not_clash(analyzer: Analyzer, second: str) -> None:
    assert found(analyzer, [LOOKS[0], second]) == []


def test_an_infinitive_tells_of_no_deed(analyzer: Analyzer) -> None:
    texts = [
        "The three councillors who voted against the levy would not comment.",
        "Officials said councillors were reluctant to vote for the levy.",
    ]
    assert found(analyzer, texts) == []


def test_an_article_that_gives_both_reports_no_clash(analyzer: Analyzer) -> None:
    both = (
        "The council voted for the levy in March. Months later the council voted against the levy."
    )
    assert found(analyzer, [both, "The council voted for the levy."]) == []


MEETINGS = (
    "The two leaders met privately at the harbour office on Sunday to discuss the levy.",
    "The two leaders met privately at the harbour office on Thursday to discuss the levy.",
)


def test_a_later_meeting_is_another_meeting(analyzer: Analyzer) -> None:
    """Published on the Sunday and on the Thursday after: the first article could not
    have told of Thursday's meeting, so the dates are two occasions."""
    sunday, thursday = datetime(2026, 5, 17, 18, tzinfo=UTC), datetime(2026, 5, 21, 18, tzinfo=UTC)
    assert found(analyzer, list(MEETINGS), [sunday, thursday]) == []


def test_one_meeting_dated_twice_is_still_found(analyzer: Analyzer) -> None:
    """Both published after both days: one of them misdates the meeting."""
    friday = datetime(2026, 5, 22, 9, tzinfo=UTC)
    result = found(analyzer, list(MEETINGS), [friday, friday])
    assert [(d.kind, {c.text for c in d.claims}) for d in result] == [("date", set(MEETINGS))]
