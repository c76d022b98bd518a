"""The speed devices of the cleaning rules change nothing they decide.

A rule's ``hint`` is a cheap test tried before its pattern: it must be a necessary
condition (whenever the rule matches a line, its hint passes), checked here on debris
lines of every kind, on their case and Unicode-case variants, and on generated lines
built from the rules' own keywords. The per-line memory of rule answers must give what
asking afresh gives. And an agency foot credit without a writer ("(Source: AP)") must not
break cleaning.
"""

from __future__ import annotations

import tracemalloc
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.ingest.clean import clean_scraped_text
from newsprism.ingest.rules import RULES, Doc, Line, apply_rules
from newsprism.ingest.timestamps import _RELATIVE, LINE_PARTS, is_stamp_line, stamp_match

HINTED = [(k, rule) for k, rule in enumerate(RULES) if rule.hint is not None]

# One or more lines each hinted rule removes, as pages print them.
DEBRIS = [
    "Port strike ends after three days",
    "Port strike ends after three days | Newsfeedr",
    "BUSINESS",
    "* * *",
    "———",
    "Photo: Nordlicht Agency",
    "We use cookies to improve your experience. Accept all",
    "Accept all cookies",
    "Got it",
    "Published March 3, 2026",
    "Updated 2 hours ago",
    "5 min read",
    "Just now",
    "(Reporting by Jane Doe; Editing by John Roe)",
    "This story first appeared in the Ardmoor Gazette.",
    "Originally published by Harbour Herald",
    "Search",
    "Sign in",
    "Related stories:",
    "You may also like :",
    "[Image: firefighters at the Caldera ridge]",
    "(Video) Watch the council debate",
    "A firefighter rests near Lorvik. Photo: Jane Doe/CPA",
    "The harbour at dawn (Photo: Nordlicht Agency)",
    "Photos by Erik Vale",
    "Caption: the new bridge",
    "Illustration | Newsfeedr",
    "The mayor speaks / Ardmoor Gazette",
    "What do you think?",
    "How does this story make you feel ?",
    "Angry",
    "Sad : 12",
    "Wow (3k)",
    "Leave a comment",
    "12 comments",
    "Show all 40 comments.",
    "Share this article",
    "Share on Facebook | Email",
    "Sign up for our daily briefing",
    "By Lena Hart",
    "BY LENA HART, Ardmoor Gazette",
    "Posted March 3, 2026 by Jane Doe",
    "Von Anna Berger | 5. März 2026",
    "Par Marie Dubois",
    "Nguyen Van An (According to Reuters, AFP)",
    "(Source: AP)",
    "Jane Doe is a reporter at the Harbour Herald.",
    "© 2026 Newsfeedr Media",
    "(c) 2025 Harbour Herald. All rights reserved.",
    "Copyright 2026 CPA",
    "All Rights Reserved.",
    "This article was translated from the German original.",
    "TRANSLATION: Anna Berger",
    "Home | World | Business | Sport",
    "News • Local • Weather",
    "World > Europe > Nordland",
    "Home",
    "Local News",
    "Advertisement",
    "Read more",
    "Continue reading",
    "3 of 12",
    "Most popular",
    "This story has been updated.",
    "Check back for updates. Scroll down for video.",
    "Jane Doe in Lorvik contributed to this report.",
]
# Body lines the hints let through or stop, for the other direction of the check.
BODY = [
    "The council voted 7-2 on Tuesday to approve the plan, backed by Mayor Jane Doe.",
    "By the end of the week the strike had spread to three more ports.",
    "The photo agency said its images were used without permission / credit.",
    "Officials said the copyright claim was dismissed in 2024, and all rights reserved by law.",
    "Ms. Hart was a reporter before she ran for office, her campaign said.",
    "More details would become available next week, a spokesman said.",
]


def _variants(text: str) -> list[str]:
    """The line, upper- and lower-cased, and with letters that regex case folding treats as
    equal to ASCII ones (long s, Kelvin sign, dotless i, capital I with dot)."""
    odd = text.replace("s", "ſ").replace("k", "\u212a").replace("i", "ı").replace("I", "İ")
    return [text, text.upper(), text.lower(), text.title(), odd, odd.upper()]


TITLE = "Port strike ends after three days"


def _doc(lines: list[str]) -> Doc:
    return Doc(tuple(Line.of(n, t, n == 1) for n, t in enumerate(lines, 1)))


def _titled(lines: list[str]) -> Doc:
    """The lines with a known title that stands after them all (so that every line may
    repeat the title or be a section label above it)."""
    return replace(_doc(lines), title=TITLE, title_index=len(lines))


def _check_hints(lines: list[str]) -> None:
    doc = _titled(lines)
    for i, line in enumerate(doc.lines):
        for _, rule in HINTED:
            if rule.match(doc, i):
                assert rule.hint is not None and rule.hint(line), (rule.name, line.text)


@pytest.mark.parametrize("text", DEBRIS + BODY)
def test_hint_passes_wherever_its_rule_matches(text: str) -> None:
    for variant in _variants(text):
        # Followed by label lines, so that the run rules (menus, reactions) can match.
        _check_hints([variant, "Angry", "Sad", "Wow", "Home", "World"])


def test_every_hinted_rule_is_exercised() -> None:
    """The debris list matches each hinted rule at least once (else the check is empty)."""
    matched = set()
    for text in DEBRIS:
        doc = _titled([text, "Angry", "Sad", "Wow", "Home", "World"])
        matched |= {rule.name for _, rule in HINTED if rule.match(doc, 0)}
    assert matched == {rule.name for _, rule in HINTED}


_TOKENS = st.sampled_from(
    [
        "by", "By", "BY", "von", "par", "door", "photo", "Photo:", "image", "credit", "/",
        "(", ")", "|", "•", "·", "»", ">", "©", "(c)", "copyright", "all rights reserved",
        "translated", "translation:", "is", "was", "a", "reporter", "Jane", "Doe", "Lorvik",
        "2026", "March", "3,", "12", "comments", "share", "this", "article", "on", "x",
        "Home", "World", "according", "to", "Reuters", "Source:", "what", "do", "you",
        "think", "angry", "sad", "wow", ":", "-", "—", ".", "!", "?", "the", "council",
        "cookies", "accept", "all", "got", "it", "reporting", "editing", "first", "appeared",
        "in", "search", "sign", "related", "stories", "*", "ago", "now", "min", "read",
    ]
)  # fmt: skip


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.lists(_TOKENS, min_size=1, max_size=12), min_size=1, max_size=4))
def test_hints_on_generated_lines(rows: list[list[str]]) -> None:
    _check_hints([" ".join(row) for row in rows] + ["Angry", "Sad", "Wow", "Home", "World"])


@pytest.mark.parametrize("title", [None, "Port strike ends after three days"])
def test_remembered_answers_equal_fresh_ones(title: str | None) -> None:
    lines = [
        "Home | World | Business",
        "Port strike ends after three days",
        "By Lena Hart, Ardmoor Gazette",
        "March 3, 2026 09:15 CET",
        "Dockers in Lorvik went back to work on Tuesday after a three-day strike, the union said.",
        "Share this article",
        "The port authority said 40 ships had waited outside the harbour during the strike.",
        "12 comments",
        "© 2026 Ardmoor Gazette",
    ]
    doc = replace(_doc(lines), title=title, head_end=4, foot_start=7)
    first = apply_rules(doc)
    again = apply_rules(doc)  # answered from memory
    fresh = apply_rules(replace(doc, memo={}))
    assert first == again == fresh
    assert doc.memo  # the answers were kept


def test_the_last_pass_uses_remembered_answers_and_keeps_no_new_ones() -> None:
    lines = ["Share this article", "Dockers in Lorvik went back to work on Tuesday.", "12 comments"]
    doc = replace(_doc(lines), head_end=1, foot_start=2)
    remembered = apply_rules(doc)
    assert apply_rules(replace(doc, memo={}, hinted={}), remember=False) == remembered
    fresh = replace(doc, memo={}, hinted={})
    apply_rules(fresh, remember=False)
    assert not fresh.memo and not fresh.hinted


def test_a_text_of_many_short_lines_is_cleaned_in_little_memory() -> None:
    """Every rule's answer for every line was kept for a later pass that never came: a
    3 MB text of a million one-word lines took 1.6 GB (about 8 GB at the 20 MB limit)."""
    text = "Pier closes\n\n" + "a\n\n" * 50_000 + "The pier closed on Tuesday. " * 5
    tracemalloc.start()
    try:
        cleaned = clean_scraped_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert cleaned.text.endswith("The pier closed on Tuesday.")
    assert peak < 40_000_000, peak  # 72 MB when every answer was kept; 12 MB now


def test_agency_credit_without_a_writer() -> None:
    text = (
        "Police said the man fled on foot and was later found near the old harbour.\n\n"
        "The investigation into the stolen car continues, a spokesman said on Monday.\n\n"
        "(Source: AP)"
    )
    cleaned = clean_scraped_text(text)
    assert cleaned.byline is None
    assert cleaned.credit == "AP"
    assert [r.reason for r in cleaned.removed] == ["agency_byline"]


@pytest.mark.parametrize(
    "text",
    [
        "JUST NOW",
        "Updated Yesterday",
        "moments ago",
        "Published: today",
        "3 hours ago | 5 min read",
        "Posted ṡome time ago",
        "March 3, 2026 09:15 CET",
        "The council met today and voted yesterday.",
        "Updated yeſterday",
        "Published TODAY",
    ],
)
def test_stamp_line_shortcuts_change_nothing(text: str) -> None:
    """is_stamp_line's quick tests (a digit or a relative word first) agree with the
    patterns run on every part, also in upper case and with odd case-equal letters."""
    for variant in _variants(text):
        expected = all(stamp_match(p) or _RELATIVE.fullmatch(p) for p in LINE_PARTS.split(variant))
        assert is_stamp_line(variant) == expected, variant
