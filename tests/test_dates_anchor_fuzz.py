"""Deferred date mentions read from any anchor day: ``resolve_expression`` never raises
and gives real ranges (first day on or before the last) from year 1 to 9999, leap days
and year ends included (the timeline reads undated articles' mentions from siblings'
publication days, whatever they are)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsprism.analyze.dates import resolve_expression
from tests.test_dates import TEXTS

EXPRESSIONS = st.sampled_from(
    (
        "tomorrow", "yesterday", "next year", "last year", "next month", "last week",
        "next weekend", "the weekend", "on Monday", "next Sunday", "last Tuesday",
        "in two years", "two weeks ago", "in 5 days", "later this month", "early next year",
        "late last month", "the coming month", "the past year", "Dec. 31", "Jan. 1",
        "February 29", "next January", "this December", "12/31/99", "31/02", "03/04",
        "the end of next year", "the second half of next month",
    )
)  # fmt: skip
ANCHORS = st.dates(date.min, date.max)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(EXPRESSIONS, TEXTS), anchor=ANCHORS, future=st.booleans())
@example(text="next year", anchor=date.max, future=True)
@example(text="tomorrow", anchor=date.max, future=False)
@example(text="last week", anchor=date.min, future=False)
@example(text="February 29", anchor=date(2100, 2, 28), future=False)
@example(text="in two years", anchor=date(2024, 2, 29), future=True)
def test_any_expression_from_any_anchor_is_a_real_range_or_none(
    text: str, anchor: date, future: bool
) -> None:
    resolved = resolve_expression(text, anchor, future=future)
    if resolved is None:
        return
    first, _, last = resolved.partition("/")
    assert date.fromisoformat(first) <= date.fromisoformat(last or first)
