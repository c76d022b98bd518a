"""Date expressions: hand-written hard cases with gold, the sample corpus's timelines, and
properties (exact offsets, never raising) on arbitrary text.

Every sentence here is invented for the test. Unless a case says otherwise, articles are
published on Wednesday 2026-03-04 at 09:00 CET, so "this week" is Mon 2 – Sun 8 March.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsprism.analyze.dates import extract_dates, resolve_expression
from newsprism.analyze.relative_dates import full_year, named_month, part_of, period
from newsprism.model import Article, DateMention
from tests.conftest import SAMPLES
from tests.test_samples import sample_articles

CET = timezone(timedelta(hours=1))
PUBLISHED = datetime(2026, 3, 4, 9, 0, tzinfo=CET)  # a Wednesday


def dates_in(
    nlp: Language, text: str, published: datetime | None = PUBLISHED, **kwargs: Any
) -> list[DateMention]:
    return extract_dates(nlp(text), published, **kwargs)


def the_mention(mentions: list[DateMention], expression: str) -> DateMention:
    found = [m for m in mentions if m.text == expression]
    assert found, f"{expression!r} not found in {[m.text for m in mentions]}"
    return found[0]


# --- hand-written cases: (sentence, expression as extracted, gold date or range, anchor) ---

ABSOLUTE = [
    ("The talks ended on Oct. 3 after a week.", "on Oct. 3", "2025-10-03", "published"),
    ("The board met October 3 to vote.", "October 3", "2025-10-03", "published"),
    ("The law took effect on 3 October 2024.", "on 3 October 2024", "2024-10-03", "absolute"),
    ("Voting closed on 3 Oct and counting began.", "on 3 Oct", "2025-10-03", "published"),
    ("The deal was signed March 3, 2026, in Lorvik.", "March 3, 2026", "2026-03-03", "absolute"),
    ("The report is dated 2024-05-06.", "2024-05-06", "2024-05-06", "absolute"),
    ("The fire started on March 3rd.", "on March 3rd", "2026-03-03", "published"),
    ("It opened on the 3rd of March.", "on the 3rd of March", "2026-03-03", "published"),
    ("The plan was agreed in Sept. 2025.", "in Sept. 2025", "2025-09-01/2025-09-30", "absolute"),
    ("Elections will be held in May.", "in May", "2026-05-01/2026-05-31", "published"),
    ("Figures for May 2026 are due.", "May 2026", "2026-05-01/2026-05-31", "absolute"),
    ("Talks were held on Tuesday, March 3.", "on Tuesday, March 3", "2026-03-03", "published"),
    ("The summit runs March 10-12.", "March 10-12", "2026-03-10/2026-03-12", "published"),
    ("Leaders meet again in mid-April.", "in mid-April", "2026-04-11/2026-04-20", "published"),
    ("The next talks are set for early April.", "early April", "2026-04-01/2026-04-10",
     "published"),
    ("Wages have lagged since the end of 2024.", "since the end of 2024",
     "2024-09-01/2024-12-31", "absolute"),
    ("The island has been run by Ostrenia since 1994.", "since 1994", "1994-01-01/1994-12-31",
     "absolute"),
    ("It was the summer of 1994.", "1994", "1994-01-01/1994-12-31", "absolute"),
    ("The pledge was made in the year 2000.", "in the year 2000", "2000-01-01/2000-12-31",
     "absolute"),
    ("Prices fell last March.", "last March", "2025-03-01/2025-03-31", "published"),
]  # fmt: skip

RELATIVE = [
    ("The strike began on Monday.", "on Monday", "2026-03-02"),
    ("The ministers will meet on Monday.", "on Monday", "2026-03-09"),
    ("The board is to vote on Friday.", "on Friday", "2026-03-06"),
    ("The union plans to strike again on Friday.", "on Friday", "2026-03-06"),
    ("The union struck on Friday.", "on Friday", "2026-02-27"),
    ("The planes, which are due on Thursday, will fly from Kesteria.", "on Thursday",
     "2026-03-05"),
    ("Relief was expected on Thursday, officials said.", "on Thursday", "2026-03-05"),
    ("The results come out next Monday.", "next Monday", "2026-03-09"),
    ("The draft was finalised last Thursday.", "last Thursday", "2026-02-26"),
    ("Crowds gathered Monday evening outside the port.", "Monday evening", "2026-03-02"),
    ("The offer came on Tuesday morning.", "on Tuesday morning", "2026-03-03"),
    ("The cranes have stood still since Monday.", "since Monday", "2026-03-02"),
    ("Members voted last week.", "last week", "2026-02-23/2026-03-01"),
    ("Talks have stalled this week.", "this week", "2026-03-02/2026-03-08"),
    ("The court will rule next week.", "next week", "2026-03-09/2026-03-15"),
    ("Winds picked up over the weekend.", "over the weekend", "2026-02-28/2026-03-01"),
    ("Protests spread last weekend.", "last weekend", "2026-02-28/2026-03-01"),
    ("Crowds rallied this past weekend.", "this past weekend", "2026-02-28/2026-03-01"),
    ("Talks are scheduled for Friday.", "Friday", "2026-03-06"),
    ("Rain is forecast early next week.", "early next week", "2026-03-09/2026-03-11"),
    ("The fire broke out late last week.", "late last week", "2026-02-26/2026-03-01"),
    ("Parliament debates the plan in the second half of the week.",
     "in the second half of the week", "2026-03-05/2026-03-08"),
    ("The leaders meet again early next month.", "early next month", "2026-04-01/2026-04-10"),
    ("Prices rose last month.", "last month", "2026-02-01/2026-02-28"),
    ("The law takes effect next month.", "next month", "2026-04-01/2026-04-30"),
    ("Yesterday the talks collapsed.", "Yesterday", "2026-03-03"),
    ("The port reopens today.", "today", "2026-03-04"),
    ("Ships sail tomorrow.", "tomorrow", "2026-03-05"),
    ("The mayor spoke this morning.", "this morning", "2026-03-04"),
    ("Fires burned overnight and last night.", "last night", "2026-03-03"),
    ("The fire began three days ago.", "three days ago", "2026-03-01"),
    ("The vote took place two weeks ago.", "two weeks ago", "2026-02-16/2026-02-22"),
    ("The union will vote again in two weeks.", "in two weeks", "2026-03-16/2026-03-22"),
    ("The port was calm earlier this week.", "earlier this week", "2026-03-02/2026-03-03"),
    ("Output has doubled over the past week.", "over the past week", "2026-02-25/2026-03-04"),
]  # fmt: skip

NOT_DATES = [
    "The strike began at 6 a.m. and ended at 18:00.",
    "The port authority offered 4% over two years.",
    "The leaders agreed on a three-day visit.",
    "Nurses at the hospital work twelve-hour shifts.",
    "A 34-year-old driver and a man aged 70 were hurt.",
    "He has lived there for two years and will stay for months.",
    "Nobody has managed that much since the 1990s.",
    "About 1,200 members and 2,000 people joined 14 ships.",
    "Three quarters, or 3/4 of the crew, work 24/7.",
    "Prices are at their highest in two years.",
    "May I ask whether Jan Novak will march?",
    "Black Friday sales fell in the coming weeks.",
    "Inspectors visited 2019 homes.",
    "Technical teams are to meet within weeks.",
    "Am 5. März 2026 begann der Streik.",
    "She told USA Today and The Tonight Show about it.",
]


@pytest.mark.parametrize(("sentence", "expression", "gold", "anchor"), ABSOLUTE)
def test_absolute_dates(
    nlp: Language, sentence: str, expression: str, gold: str, anchor: str
) -> None:
    mention = the_mention(dates_in(nlp, sentence), expression)
    assert (mention.date, mention.anchor, mention.ambiguous) == (gold, anchor, False)


@pytest.mark.parametrize(("sentence", "expression", "gold"), RELATIVE)
def test_relative_dates(nlp: Language, sentence: str, expression: str, gold: str) -> None:
    mention = the_mention(dates_in(nlp, sentence), expression)
    assert (mention.date, mention.anchor) == (gold, "published")


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(nlp: Language, sentence: str) -> None:
    assert [m.text for m in dates_in(nlp, sentence)] == []


def test_year_less_date_takes_the_nearest_year(nlp: Language) -> None:
    new_year = datetime(2026, 1, 2, 8, 0, tzinfo=CET)
    mention = the_mention(dates_in(nlp, "The fire broke out on Dec. 30.", new_year), "on Dec. 30")
    assert mention.date == "2025-12-30"


def test_a_month_in_a_past_clause_is_the_past_one(nlp: Language) -> None:
    """A November report of what happened "in March" means the March before, though the
    next March is nearer; a future clause still looks ahead."""
    november = datetime(2026, 11, 20, 9, 0, tzinfo=CET)
    past = dates_in(nlp, "The ferry passed its last inspection in March.", november)
    assert the_mention(past, "in March").date == "2026-03-01/2026-03-31"
    told = dates_in(nlp, "The board said the ferry had failed a test on March 3.", november)
    assert the_mention(told, "on March 3").date == "2026-03-03"
    ahead = dates_in(nlp, "The ferry will be inspected in March.", november)
    assert the_mention(ahead, "in March").date == "2027-03-01/2027-03-31"


def test_publication_day_is_read_in_its_own_timezone(nlp: Language) -> None:
    late_evening = datetime(2026, 3, 2, 23, 30, tzinfo=timezone(timedelta(hours=-5)))  # UTC: 3rd
    mention = the_mention(dates_in(nlp, "The port reopened today.", late_evening), "today")
    assert mention.date == "2026-03-02"


def test_same_day_weekday_is_the_publication_day_either_way(nlp: Language) -> None:
    # Published on a Wednesday: "on Wednesday" is that day, past or future.
    past = dates_in(nlp, "Talks resumed on Wednesday.")
    future = dates_in(nlp, "Talks will resume on Wednesday.")
    assert past[0].date == future[0].date == "2026-03-04"


def test_a_doc_without_parse_or_entities_still_gets_its_dates() -> None:
    # spacy.blank: no tagger, parser or NER. Every clause then reads as past.
    doc = spacy.blank("en")("The ministers will meet on Monday, as they did on 3 March 2026.")
    assert [(m.text, m.date) for m in extract_dates(doc, PUBLISHED)] == [
        ("on Monday", "2026-03-02"),
        ("on 3 March 2026", "2026-03-03"),
    ]


# --- numeric day/month order ----------------------------------------------------------------


def test_a_part_over_twelve_fixes_the_order_for_the_article(nlp: Language) -> None:
    # (present tense: in a past clause, April dates would be last April's; see below)
    mentions = dates_in(nlp, "The vote is on 03/04. The count ends on 25/04.")
    assert [(m.text, m.date, m.ambiguous) for m in mentions] == [
        ("on 03/04", "2026-04-03", False),
        ("on 25/04", "2026-04-25", False),
    ]
    mentions = dates_in(nlp, "The suit was filed 04/25/2026 and heard 03/04/2026.")
    assert [(m.date, m.ambiguous) for m in mentions] == [
        ("2026-04-25", False),
        ("2026-03-04", False),
    ]


def test_the_outlet_locale_decides_when_the_article_does_not(nlp: Language) -> None:
    text = "The hearing is set for 03/04/2026."
    assert dates_in(nlp, text, day_first=False)[0].date == "2026-03-04"
    assert dates_in(nlp, text, day_first=True)[0].date == "2026-04-03"


def test_undecided_numeric_dates_are_day_first_and_marked_ambiguous(nlp: Language) -> None:
    mention = dates_in(nlp, "The hearing is set for 03/04/2026.")[0]
    assert (mention.date, mention.anchor, mention.ambiguous) == ("2026-04-03", "absolute", True)
    same = dates_in(nlp, "The hearing is set for 03/03/2026.")[0]
    assert (same.date, same.ambiguous) == ("2026-03-03", False)


# --- two-digit years: the century that puts the year at most ten years after the article --

TWO_DIGIT_YEARS = [
    ("The deed is dated 12/31/99.", "12/31/99", "1999-12-31"),
    ("The deed is dated 31/12/99.", "31/12/99", "1999-12-31"),
    ("The lease runs out on 1/20/30.", "on 1/20/30", "2030-01-20"),
    ("The lease ran out on 20/1/19.", "on 20/1/19", "2019-01-20"),
    ("The mill closed in '99.", "in '99", "1999-01-01/1999-12-31"),
    ("She was in the Class of \u201985 at Orlen High.", "\u201985", "1985-01-01/1985-12-31"),
    ("The bridge will open in '36.", "in '36", "2036-01-01/2036-12-31"),
    ("The bridge opened in '37.", "in '37", "1937-01-01/1937-12-31"),
    ("The plant opened in May '99.", "in May '99", "1999-05-01/1999-05-31"),
    ("The plant closed on March 3, '04.", "on March 3, '04", "2004-03-03"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expression", "gold"), TWO_DIGIT_YEARS)
def test_two_digit_years_are_read_from_the_article_s_date(
    nlp: Language, sentence: str, expression: str, gold: str
) -> None:
    mention = the_mention(dates_in(nlp, sentence), expression)
    assert (mention.date, mention.anchor) == (gold, "published")


def test_a_two_digit_year_turns_with_the_article_s_century(nlp: Language) -> None:
    in_1998 = datetime(1998, 6, 1, 9, 0, tzinfo=CET)
    text = "Talks began on 13/4/97 and will end by 13/4/05."
    assert [m.date for m in dates_in(nlp, text, in_1998)] == ["1997-04-13", "2005-04-13"]


def test_an_undated_article_defers_a_two_digit_year_to_the_story(nlp: Language) -> None:
    mentions = dates_in(nlp, "The deed is dated 12/31/99 and was signed in '85.", None)
    assert [(m.text, m.date, m.anchor) for m in mentions] == [
        ("12/31/99", None, "deferred"),
        ("in '85", None, "deferred"),
    ]
    assert resolve_expression("12/31/99", date(2026, 3, 4)) == "1999-12-31"
    assert resolve_expression("in '85", date(2026, 3, 4)) == "1985-01-01/1985-12-31"


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices peaked in the '90s.",
        "He joined the '15 Most Wanted' list.",
        "Crowds chanted '35,000 strong' outside.",
        "The team wore '99' on their shirts.",
    ],
)
def test_an_apostrophe_and_two_digits_need_a_year_s_cue(nlp: Language, sentence: str) -> None:
    assert dates_in(nlp, sentence) == []


# --- anchors: absolute, published, deferred -----------------------------------------------


def test_without_a_publication_date_relative_mentions_are_deferred(nlp: Language) -> None:
    text = "LORVIK, March 3 (CPA) - The strike began on Monday, a year after the 2025-03-01 deal."
    mentions = dates_in(nlp, text, published=None)
    assert [(m.text, m.date, m.anchor) for m in mentions] == [
        ("March 3", None, "deferred"),
        ("on Monday", None, "deferred"),
        ("2025-03-01", "2025-03-01", "absolute"),
    ]


def test_impossible_days_are_left_out_even_when_deferred(nlp: Language) -> None:
    text = "Filed on February 30, heard on February 29 and on 2025-02-29."
    leap = datetime(2024, 3, 4, 9, 0, tzinfo=CET)
    assert [m.date for m in dates_in(nlp, text, leap)] == ["2024-02-29"]
    assert [m.text for m in dates_in(nlp, text, None)] == ["on February 29"]
    assert dates_in(nlp, text) == []  # 2025-2027 have no February 29


@pytest.mark.parametrize(
    ("expression", "anchor", "kwargs", "gold"),
    [
        ("on Monday", date(2026, 3, 5), {}, "2026-03-02"),
        ("last week", date(2026, 3, 3), {}, "2026-02-23/2026-03-01"),
        ("early next month", date(2026, 3, 24), {}, "2026-04-01/2026-04-10"),
        ("on Tuesday", date(2026, 3, 16), {}, "2026-03-10"),
        ("on Tuesday", date(2026, 3, 16), {"future": True}, "2026-03-17"),
        ("Over the weekend", date(2026, 3, 16), {}, "2026-03-14/2026-03-15"),
        ("March 3", date(2026, 3, 16), {}, "2026-03-03"),
        ("03/04", date(2026, 3, 16), {"day_first": False}, "2026-03-04"),
        ("in two weeks", date(2026, 3, 4), {}, "2026-03-16/2026-03-22"),
        ("no date in here", date(2026, 3, 4), {}, None),
        ("February 30", date(2026, 3, 4), {}, None),
        ("", date(2026, 3, 4), {}, None),
    ],
)
def test_resolve_expression(
    expression: str, anchor: date, kwargs: dict[str, Any], gold: str | None
) -> None:
    assert resolve_expression(expression, anchor, **kwargs) == gold


def test_calendar_helpers_edges() -> None:
    assert [full_year(y, date(2026, 3, 4)) for y in ("99", "'36", "\u201937", "2099")] == [
        1999,
        2036,
        1937,
        2099,
    ]
    sunday = date(2026, 3, 8)
    assert period(sunday, "weekend", None) == (date(2026, 3, 7), date(2026, 3, 8))
    february = (date(2026, 2, 1), date(2026, 2, 28))
    assert part_of(february, "month", "late") == (date(2026, 2, 21), date(2026, 2, 28))
    assert named_month(date(2026, 3, 4), 12, "next") == (date(2026, 12, 1), date(2026, 12, 31))
    assert named_month(date(2026, 3, 4), 3, "last") == (date(2025, 3, 1), date(2025, 3, 31))


# --- the sample corpus: every planted timeline mention resolves to its gold date ---------


def _contains(resolved: str | None, day: str) -> bool:
    if resolved is None:
        return False
    first, _, last = resolved.partition("/")
    return first <= day <= (last or first)


def _story_anchor(refs: list[str]) -> date:
    """Stand-in for the story stage: the latest publication day among the story's dated
    English articles, each in its own timezone's calendar."""
    articles = [sample_articles()[ref] for ref in refs]
    return max(a.published.date() for a in articles if a.published and a.language == "en")


def _timeline_cases() -> list[tuple[str, str, str, date]]:
    """(ref, gold text, gold date, story anchor) for every English gold timeline mention.

    The German original (port-strike.de.txt: "seit Montag", "am Dienstag") is out of
    scope: the analysis is English-only.
    """
    cases = []
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        anchor = _story_anchor([a["ref"] for a in gold["articles"]])
        for event in gold["timeline"]:
            for mention in event["mentions"]:
                if sample_articles()[mention["ref"]].language == "en":
                    cases.append((mention["ref"], mention["text"], event["date"], anchor))
    return cases


TIMELINE = _timeline_cases()


def _occurrences(article: Article, text: str) -> list[tuple[int, int]]:
    found, start = [], article.text.find(text)
    while start >= 0:
        found.append((start, start + len(text)))
        start = article.text.find(text, start + 1)
    return found


@pytest.mark.parametrize(
    ("ref", "text", "gold", "anchor"), TIMELINE, ids=[f"{r}:{t}" for r, t, _, _ in TIMELINE]
)
def test_sample_timeline_mentions_resolve(
    nlp: Language, ref: str, text: str, gold: str, anchor: date
) -> None:
    article = sample_articles()[ref]
    mentions = extract_dates(nlp(article.text), article.published)
    spans = _occurrences(article, text)
    assert spans, f"gold text {text!r} not in {ref}"
    overlapping = [m for m in mentions if any(m.start < e and s < m.end for s, e in spans)]
    if article.published is None:
        resolved = [resolve_expression(m.text, anchor) for m in overlapping]
        assert all(m.anchor == "deferred" for m in overlapping)
    else:
        resolved = [m.date for m in overlapping]
    assert any(_contains(r, gold) for r in resolved), (text, [m.text for m in overlapping])


def test_only_the_german_original_is_left_out_of_the_timeline_cases() -> None:
    every = [
        mention["ref"]
        for path in sorted((SAMPLES / "gold").glob("*.json"))
        for event in json.loads(path.read_text(encoding="utf-8"))["timeline"]
        for mention in event["mentions"]
    ]
    left_out = [ref for ref in every if sample_articles()[ref].language != "en"]
    assert set(left_out) == {"stories/nordische-rundschau/port-strike.de.txt"}
    assert len(TIMELINE) == len(every) - len(left_out) == 74


# --- properties ---------------------------------------------------------------------------

VOCABULARY = [
    "on", "since", "in", "last", "next", "this", "the", "early", "late", "mid-", "Monday",
    "Tuesday", "March", "May", "Oct.", "Sept", "3", "03/04", "25/12", "2026", "1994",
    "2024-05-06", "3rd", "of", "week", "weekend", "month", "year", "ago", "two", "days",
    "yesterday", "today", "will", "said", "the second half of", ",", ".", "-", "–", "1990s",
    "24/7", "\u00a0", "\n\n", "«", "»", "“", "”", "at 6 a.m.", "9999", "00/00", "31/02",
]  # fmt: skip
WORDS = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=6))
TEXTS = st.lists(WORDS, max_size=25).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=st.sampled_from([PUBLISHED, None]), day_first=st.booleans())
def test_mentions_are_exact_ordered_and_never_raise(
    nlp: Language, text: str, published: datetime | None, day_first: bool
) -> None:
    mentions = extract_dates(nlp(text), published, day_first=day_first)
    previous_end = 0
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
        assert previous_end <= mention.start < mention.end
        previous_end = mention.end
        assert (mention.date is None) == (mention.anchor == "deferred")
        for part in (mention.date or "").split("/"):
            assert not part or date.fromisoformat(part)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), TEXTS), future=st.booleans())
def test_resolve_expression_never_raises(text: str, future: bool) -> None:
    resolved = resolve_expression(text, date(2026, 3, 4), future=future)
    assert resolved is None or all(date.fromisoformat(p) for p in resolved.split("/"))


@pytest.mark.parametrize(
    "text",
    [
        "The contract runs until December 31, 9999, the registry says.",
        "The lease was signed on 31 December 1234 by the council.",
        "Tickets are valid until Dec. 31, 9999.",
    ],
)
def test_a_day_with_a_refused_year_is_no_date_of_the_publication_year(
    nlp: Language, text: str
) -> None:
    """A placeholder or impossible year after a month and day is not dropped for the
    publication year: "December 31, 9999" is no 2026-12-31."""
    assert [m.date for m in dates_in(nlp, text)] == []


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        ("On March 3 2500 people marched to the harbour.", "On March 3", "2026-03-03"),
        ("On Dec. 4, 1200 dockworkers walked out.", "On Dec. 4", "2025-12-04"),
        (
            "The vote was on December 31, 2025, the clerk said.",
            "on December 31, 2025",
            "2025-12-31",
        ),
        ("The talks end on March 20, officials said.", "on March 20", "2026-03-20"),
    ],
)
def test_a_day_without_a_refused_year_stays_a_date(
    nlp: Language, text: str, expression: str, expected: str
) -> None:
    assert the_mention(dates_in(nlp, text), expression).date == expected
