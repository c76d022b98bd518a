"""Tests of scraped-text cleaning: Unicode repair, each cleaning rule, metadata, structure.

Every fixture is invented here (places, people, outlets); none comes from a real article.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.ingest.bylines import CLOSERS
from newsprism.ingest.clean import (
    RULES,
    SUBHEAD_MAX_WORDS,
    CleanedText,
    CleanOptions,
    _is_subhead,
    clean_scraped_text,
)
from newsprism.ingest.unicode import repair_text

CET = timezone(timedelta(hours=1))
LEDE = "The harbour council in Lorvik voted on Tuesday to expand the eastern quay by 2028."
BODY = "Officials said the work would begin in the spring and cost about 40 million euros."
LAST = "Residents will be able to comment on the plans at a public meeting next month."


def clean(text: str, **options: Any) -> CleanedText:
    return clean_scraped_text(text, CleanOptions(**options))


def article(*lines: str) -> str:
    """Lines separated by blank lines, as scraped text files usually are."""
    return "\n\n".join(lines) + "\n"


def reasons(result: CleanedText) -> dict[str, str]:
    return {item.line: item.reason for item in result.removed}


def assert_removed(debris: str, reason: str, *, where: str = "middle") -> CleanedText:
    """Put ``debris`` in a small article and check it alone is removed, for ``reason``."""
    layout = {
        "head": (debris, LEDE, BODY, LAST),
        "middle": (LEDE, BODY, debris, LAST),
        "foot": (LEDE, BODY, LAST, debris),
    }[where]
    result = clean(article(*layout))
    assert reasons(result) == {debris: reason}
    assert result.text == "\n\n".join([LEDE, BODY, LAST])
    return result


def assert_kept(sentence: str) -> None:
    """A body line that looks a little like debris must stay in the body."""
    result = clean(article(LEDE, sentence, LAST))
    assert sentence in result.text.split("\n\n")
    assert result.removed == ()


# --- Unicode repair -----------------------------------------------------------------------


def test_repair_turns_nbsp_narrow_nbsp_and_other_spaces_into_spaces() -> None:
    assert repair_text("4\u00a0200\u202fkm\u2009and\u3000more") == "4 200 km and more"


def test_repair_removes_zero_width_characters_and_soft_hyphens() -> None:
    text = "Lor\u200bvik\u200c har\u00adbour\u200d dock\u2060ers\ufeff"
    assert repair_text(text) == "Lorvik harbour dockers"


def test_repair_fixes_mojibake_and_keeps_curly_quotes() -> None:
    mojibake = "the village cafÃ© said \u201cnoâ€\u009d"
    repaired = repair_text(mojibake + " and \u201cyes\u201d")
    assert "café" in repaired
    assert "\u201cyes\u201d" in repaired  # curly quotes survive: quote extraction needs them


def test_repair_normalizes_line_breaks_and_keeps_the_line_count() -> None:
    raw = "one  \r\ntwo\rthree\t \n\nfive"
    repaired = repair_text(raw)
    assert repaired == "one\ntwo\nthree\n\nfive"
    assert repaired.count("\n") == 4


def test_cleaning_runs_repair_first() -> None:
    result = clean(
        article("Harbour\u00a0plan", "The caf\u00c3\u00a9 on the quay\u200b stayed open.")
    )
    assert result.title == "Harbour plan"
    assert result.text == "The café on the quay stayed open."


# --- comment prompts and counters ---------------------------------------------------------


@pytest.mark.parametrize(
    "debris",
    [
        "Leave a reply",
        "Leave a comment",
        "Join the conversation",
        "12 comments",
        "34 Comments",
        "Sign in to comment",
        "Show comments",
        "Comments (7)",
    ],
)
def test_comment_prompts_are_removed(debris: str) -> None:
    assert_removed(debris, "comment_prompt", where="foot")


def test_sentence_mentioning_comments_is_kept() -> None:
    assert_kept("Her comments drew 12 replies from the opposition benches on Monday.")


# --- reaction widgets ---------------------------------------------------------------------


def test_reaction_widget_prompt_and_run_are_removed() -> None:
    widget = ["How does this story make you feel?", "Angry", "Sad 3", "Happy 12", "Wow"]
    result = clean(article(LEDE, BODY, LAST, *widget, "12 comments"))
    assert [item.line for item in result.removed if item.reason == "reaction_widget"] == widget
    assert result.text == "\n\n".join([LEDE, BODY, LAST])


def test_single_one_word_line_in_body_is_not_a_reaction() -> None:
    result = clean(article(LEDE, "Angry.", LAST))
    assert "Angry." in result.text
    assert not any(item.reason == "reaction_widget" for item in result.removed)


def test_reaction_prompt_without_a_run_of_words_is_kept() -> None:
    assert_kept("What do you think?")


# --- share, subscribe, follow -------------------------------------------------------------


@pytest.mark.parametrize(
    "debris",
    [
        "Share this article",
        "Share on Facebook",
        "Share on Facebook | Share on X | Email",
        "Subscribe to our newsletter",
        "Follow us on X",
        "Sign up for our daily briefing",
        "Click here to read the full report",
        "Share this story: Facebook | X | Email",
        "Don’t miss a story: Follow us on Facebook, X and Instagram",
    ],
)
def test_share_and_subscribe_prompts_are_removed(debris: str) -> None:
    assert_removed(debris, "share_prompt")


def test_sentence_about_shares_is_kept() -> None:
    assert_kept("Share prices at the port operator fell sharply after the strike began.")


# --- site menus ---------------------------------------------------------------------------


def test_menu_line_at_head_is_removed() -> None:
    assert_removed("Home | World | Business | Sport", "menu", where="head")


def test_menu_run_of_nav_words_at_head_is_removed() -> None:
    result = clean(article("Home", "World", "Business", "Sport", "Harbour plan approved", LEDE))
    assert [r.reason for r in result.removed] == ["menu"] * 4 + ["title"]
    assert result.title == "Harbour plan approved"
    assert result.text == LEDE


def test_section_label_above_the_headline_is_removed() -> None:
    result = clean(article("BUSINESS", "Harbour plan approved after long night", LEDE, BODY))
    assert reasons(result)["BUSINESS"] == "section_label"
    assert result.title == "Harbour plan approved after long night"


# --- repeated headlines -------------------------------------------------------------------


def test_repeated_title_is_removed_case_and_punctuation_insensitive() -> None:
    title = "Lorvik council backs harbour plan"
    result = clean(article(title, "LORVIK COUNCIL BACKS HARBOUR PLAN!", LEDE, BODY))
    assert result.title == title
    assert reasons(result) == {
        title: "title",
        "LORVIK COUNCIL BACKS HARBOUR PLAN!": "repeated_title",
    }


def test_repeated_title_with_site_suffix_is_removed() -> None:
    title = "Lorvik council backs harbour plan"
    result = clean(article(title, LEDE, f"{title} | Newsfeedr", BODY))
    assert reasons(result)[f"{title} | Newsfeedr"] == "repeated_title"


def test_body_sentence_starting_with_title_words_is_kept() -> None:
    title = "Lorvik council backs harbour plan"
    sentence = (
        "Lorvik council backs harbour plan despite protests from fishing crews, said Ana Berg."
    )
    result = clean(article(title, LEDE, sentence))
    assert sentence in result.text


def test_known_title_is_used_and_its_repeats_removed_without_guessing() -> None:
    result = clean(
        article("Harbour Plan Approved", LEDE, BODY), known_title="Harbour plan approved"
    )
    assert result.title == "Harbour plan approved"
    assert reasons(result) == {"Harbour Plan Approved": "repeated_title"}


def test_known_title_stops_title_guessing() -> None:
    result = clean(article("Quay works start soon", LEDE), known_title="Another headline")
    assert result.title == "Another headline"
    assert result.text.startswith("Quay works start soon")


# --- timestamps ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        (
            "Published 03/03/2026 14:05 CET | Updated 03/03/2026 16:40 CET",
            datetime(2026, 3, 3, 14, 5, tzinfo=CET),
        ),
        (
            "Updated: March 24, 2026 at 4:12 p.m. ET",  # EDT: US daylight time began March 8
            datetime(2026, 3, 24, 16, 12, tzinfo=timezone(timedelta(hours=-4))),
        ),
        ("March 3, 2026, 9:15 AM", datetime(2026, 3, 3, 9, 15, tzinfo=UTC)),
        ("2026-03-03T09:15:00Z", datetime(2026, 3, 3, 9, 15, tzinfo=UTC)),
        ("Posted on 3 March 2026", datetime(2026, 3, 3, tzinfo=UTC)),
        ("16 March 2026, 15:20 GMT", datetime(2026, 3, 16, 15, 20, tzinfo=UTC)),
        (
            "Tuesday, March 3, 2026 10:30 EST",
            datetime(2026, 3, 3, 10, 30, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("13/03/2026 08:00 BST", datetime(2026, 3, 13, 8, tzinfo=CET)),
        ("03/13/2026", datetime(2026, 3, 13, tzinfo=UTC)),  # day-first impossible: month-first
        ("5. März 2026, 10:00 MEZ", datetime(2026, 3, 5, 10, tzinfo=CET)),
        (
            "Published 2026-03-03 09:15 +02:00",
            datetime(2026, 3, 3, 9, 15, tzinfo=timezone(timedelta(hours=2))),
        ),
    ],
)
def test_timestamp_line_is_parsed_and_removed(stamp: str, expected: datetime) -> None:
    result = assert_removed(stamp, "timestamp", where="head")
    assert result.published == expected
    assert result.published is not None
    assert result.published.utcoffset() == expected.utcoffset()


def test_day_first_for_ambiguous_numeric_dates() -> None:
    result = assert_removed("Published 04/03/2026", "timestamp", where="head")
    assert result.published == datetime(2026, 3, 4, tzinfo=UTC)


def test_naive_timestamp_uses_the_default_timezone() -> None:
    result = clean(article("March 3, 2026, 9:15 AM", LEDE), default_timezone=CET)
    assert result.published == datetime(2026, 3, 3, 9, 15, tzinfo=CET)


def test_relative_stamp_is_removed_but_gives_no_date() -> None:
    result = assert_removed("Updated 2 hours ago", "timestamp", where="head")
    assert result.published is None


def test_updated_stamp_is_used_only_when_nothing_else_dates_the_article() -> None:
    result = assert_removed("Updated: 4 March 2026 11:00 CET", "timestamp", where="head")
    assert result.published == datetime(2026, 3, 4, 11, tzinfo=CET)


def test_known_published_wins() -> None:
    known = datetime(2026, 3, 1, tzinfo=UTC)
    result = clean(article("Posted on 3 March 2026", LEDE), known_published=known)
    assert result.published == known


def test_sentence_starting_with_a_date_is_kept() -> None:
    assert_kept("March 3, 2026 was the day the dockers walked out of the Eastern Basin.")


def test_wire_dateline_opening_the_lede_is_kept_and_gives_the_credit() -> None:
    lede = "LORVIK, March 3 (CPA) - Striking dockworkers rejected a pay offer on Tuesday."
    result = clean(article("Dockers reject pay offer", "By Ines Varga", lede, BODY))
    assert result.text.startswith(lede)
    assert result.credit == "CPA"
    assert result.title == "Dockers reject pay offer"


# --- bylines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe | Newsfeedr Staff", "Jane Doe"),
        ("By Jane Doe and John Roe, Reuters-like agency", "Jane Doe and John Roe"),
        ("By Sanna Oksala, Newsfeedr staff", "Sanna Oksala"),
        ("Von Jannik Oberländer", "Jannik Oberländer"),
    ],
)
def test_head_byline_is_parsed_and_removed(line: str, byline: str) -> None:
    result = assert_removed(line, "byline", where="head")
    assert result.byline == byline


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("By Jane Doe", "byline"),
        ("Jane Doe is a reporter at the Lorvik Gazette.", "author_note"),
        ("Reporting by Jane Doe; Editing by John Roe", "wire_credit"),
        ("(Reporting by Jane Doe in Lorvik; Editing by John Roe)", "wire_credit"),
    ],
)
def test_foot_byline_is_parsed_and_removed(line: str, reason: str) -> None:
    result = assert_removed(line, reason, where="foot")
    assert result.byline == "Jane Doe"  # the writer, never the editor


def test_byline_with_posting_time_gives_both() -> None:
    result = assert_removed(
        "Posted by Marta Hale on 17 March 2026, 08:12 CET", "byline", where="head"
    )
    assert result.byline == "Marta Hale"
    assert result.published == datetime(2026, 3, 17, 8, 12, tzinfo=CET)


def test_head_byline_wins_over_wire_credit() -> None:
    result = clean(
        article("By Ana Berg", LEDE, BODY, "(Reporting by Ivo Lund; Editing by Tom Fry)")
    )
    assert result.byline == "Ana Berg"


def test_known_byline_wins() -> None:
    assert clean(article("By Ana Berg", LEDE), known_byline="A. Berg").byline == "A. Berg"


def test_sentence_beginning_with_by_is_kept() -> None:
    assert_kept("By the end of the week, 14 ships were waiting outside the harbour.")


def test_author_note_sentence_in_the_middle_of_the_body_is_kept() -> None:
    assert_kept("Ana Berg is a reporter at the Gazette who first broke the story.")


# --- copyright, syndication, translation --------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("© 2026 Lorvik Media. All rights reserved.", "copyright"),
        ("Copyright 2026 Lorvik Media", "copyright"),
        ("Translated from German", "translation_note"),
        ("This article was translated from German.", "translation_note"),
    ],
)
def test_copyright_and_translation_lines_are_removed(line: str, reason: str) -> None:
    assert assert_removed(line, reason, where="foot").credit is None


@pytest.mark.parametrize(
    "line",
    [
        "Distributed by Continental Press Agency.",
        "This story was originally published by Continental Press Agency.",
    ],
)
def test_syndication_line_is_removed_and_names_the_credit(line: str) -> None:
    result = assert_removed(line, "syndication", where="foot")
    assert result.credit == "Continental Press Agency"


def test_syndication_credit_wins_over_the_dateline_agency() -> None:
    lede = "LORVIK, March 3 (CPA) - Striking dockworkers rejected a pay offer on Tuesday."
    result = clean(article(lede, BODY, "Distributed by Continental Press Agency."))
    assert result.credit == "Continental Press Agency"


def test_sentence_about_copyright_law_is_kept() -> None:
    assert_kept("Copyright law in Valdoria dates from 1998, the culture minister said.")


# --- images and captions ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[image]", "image_placeholder"),
        ("[Image: cranes at the Eastern Basin]", "image_placeholder"),
        ("(Photo)", "image_placeholder"),
        ("Photo: Pickets at Gate 4 on Tuesday.", "caption"),
        ("Image: Firefighters rest near Sennik.", "caption"),
        ("Pictured: The quay at dawn", "caption"),
        ("Smoke rises over the hills above Jelvar. (Photo: Nordlicht Agency)", "caption"),
        ("The Vesna river near the border crossing. / Nordlicht Photo Agency", "caption"),
    ],
)
def test_image_placeholders_and_captions_are_removed(line: str, reason: str) -> None:
    assert_removed(line, reason)


def test_sentence_about_a_photo_is_kept() -> None:
    assert_kept("The photo, taken on Monday, shows the harbour empty at dawn.")


# --- separators and UI crumbs -------------------------------------------------------------


@pytest.mark.parametrize("line", ["-----", "* * *", "=====", "___", "•••", "────────"])
def test_separator_lines_are_removed(line: str) -> None:
    assert_removed(line, "separator")


@pytest.mark.parametrize(
    "line",
    [
        "7",
        "1/12",
        "Advertisement",
        "ADVERTISEMENT",
        "Read more",
        "Related:",
        "Related stories",
        "Story continues below",
        "Skip to content",
        "Read more: Why Lorvik matters to exporters",
    ],
)
def test_ui_crumbs_are_removed(line: str) -> None:
    assert_removed(line, "ui_crumb")


def test_related_heading_at_foot_takes_its_link_list_with_it() -> None:
    links = ["Related stories", "Why the Vesna keeps running dry", "- Five things to know"]
    result = clean(article(LEDE, BODY, LAST, *links))
    assert [(r.line, r.reason) for r in result.removed] == [(x, "related_links") for x in links]


def test_cookie_notice_is_removed() -> None:
    assert_removed("We use cookies to improve your experience on our site.", "cookie_notice")
    assert_removed("Accept all", "cookie_notice")


def test_sentence_with_a_number_is_kept() -> None:
    assert_kept("Read more than 300 letters, the council said, before it voted 7 to 2.")


# --- title detection ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Council approves harbour plan",
        "Will the harbour plan survive the winter?",
        "Lorvik's dockers said no. Good.",  # a full stop is fine when a byline follows
    ],
)
def test_headline_at_the_top_becomes_the_title(title: str) -> None:
    result = clean(article(title, "Posted by Ana Berg", LEDE, BODY))
    assert result.title == title
    assert result.text.startswith(LEDE)


@pytest.mark.parametrize(
    "first",
    [
        LEDE,  # a body sentence: ends with a full stop
        "LORVIK, March 3 (CPA) - Dockworkers rejected an offer",  # a dateline lede
        # ... with no agency: the place part read "March 3" as a state's name, so no
        # dateline was found and the lede could be taken for a headline
        "LORVIK, March 3 - Dockworkers rejected an offer",
        "LORVIK, Kessia, 3 March - Dockworkers rejected an offer",
        "the council voted to expand the quay",  # starts lowercase: a fragment
    ],
)
def test_no_title_is_guessed_from_a_body_sentence(first: str) -> None:
    result = clean(article(first, BODY))
    assert result.title is None
    assert result.text.startswith(first)


@pytest.mark.parametrize(
    "headline", ["Ferry pier to close for nine weeks.", "Lorvik dockers reject pay offer."]
)
def test_a_headline_ending_in_a_full_stop_before_a_blank_line_is_the_title(
    headline: str,
) -> None:
    # Plain-text files whose headline ends in '.' were all untitled ('(untitled)' story).
    result = clean(article(headline, LEDE, BODY))
    assert result.title == headline
    # kept in the body too: a lede sentence taken for a headline must not be lost
    assert result.text.startswith(headline + "\n\n" + LEDE)


@pytest.mark.parametrize(
    "lede",
    [
        "Fire destroyed two homes in Tessel on Sunday night.",
        "Police arrested two men after Saturday's match in Lorvik.",
        "Lorvik's council voted 7-2 on Monday to close its ferry pier.",
        "Prime Minister Ana Holt resigned on Tuesday.",
        '"We will rebuild," Mayor Ana Holt said on Monday.',
        "Dockers walk out at dawn tomorrow.",
        "Storm leaves Tessel without power overnight.",
        "Mayor says pier will reopen.",
        "Ferry crews took pay cut.",
    ],
)
def test_a_short_lede_sentence_is_no_title_and_stays_in_the_body(lede: str) -> None:
    """A one-sentence lede in headline grammar (no article, no 'be') was taken as the
    title and left the body: its past tense, a day or time, a verb of saying or its
    quote marks tell it from a headline."""
    result = clean(article(lede, LEDE + " " + BODY))
    assert result.title is None
    assert result.text.startswith(lede)


@pytest.mark.parametrize(
    "text",
    [
        article("Pier closes.", "Repairs due."),  # a one-line body: no longer paragraph
        article("Ferry pier to close for nine weeks."),  # nothing after it
        article("The pier closed on Monday.", LEDE + " " + BODY),  # a lede's grammar
        article("Pier shut. Boats moved.", LEDE + " " + BODY),  # two sentences
        article("More video...", LEDE + " " + BODY),  # an ellipsis
        article("LORVIK, March 3.", LEDE, BODY),  # a dateline on its own line
        article("Tessel, Tuesday (CPA).", LEDE, BODY),
        "Ferry pier to close for nine\nweeks.\n\n" + article(LEDE, BODY),  # wrapped
    ],
)
def test_a_first_line_ending_in_a_full_stop_that_reads_as_body_is_no_title(text: str) -> None:
    assert clean(text).title is None


def test_no_title_when_nothing_follows_the_first_line() -> None:
    assert clean("Council approves harbour plan\n").title is None


def test_first_line_of_a_hard_wrapped_paragraph_is_not_a_title() -> None:
    text = (
        "The harbour council in Lorvik voted on Tuesday to expand the eastern\n"
        "quay, a plan that fishing crews have opposed for more than two years\n"
        "and that the port authority says is overdue.\n"
    )
    result = clean(text)
    assert result.title is None
    assert result.text == " ".join(text.split("\n")).strip()


# --- paragraphs and subheads --------------------------------------------------------------


def test_hard_wrapped_lines_are_joined_with_one_space() -> None:
    text = (
        "Harbour plan approved\n\n"
        "The harbour council in Lorvik voted on Tuesday to expand the eastern\n"
        "quay by 2028, ending a dispute that has run for more than two years.\n"
        "Work starts in spring.\n"
        "Officials said the cost would be about 40 million euros, paid by the\n"
        "port authority and the national government in equal shares.\n"
    )
    result = clean(text)
    assert result.text.split("\n\n") == [
        "The harbour council in Lorvik voted on Tuesday to expand the eastern quay by 2028, "
        "ending a dispute that has run for more than two years. Work starts in spring.",
        "Officials said the cost would be about 40 million euros, paid by the port authority "
        "and the national government in equal shares.",
    ]


def test_unwrapped_paragraph_lines_without_blank_lines_stay_paragraphs() -> None:
    result = clean(f"{LEDE}\n{BODY}\n{LAST}\n")
    assert result.text.split("\n\n") == [LEDE, BODY, LAST]


def test_subhead_between_paragraphs_becomes_a_heading() -> None:
    result = clean(article("Harbour plan approved", LEDE, BODY, "What happens next", LAST))
    assert [(h.text, h.before_paragraph) for h in result.headings] == [("What happens next", 2)]
    assert result.text.split("\n\n") == [LEDE, BODY, LAST]
    paragraphs = result.text.split("\n\n")
    assert paragraphs[result.headings[0].before_paragraph] == LAST


def test_short_line_with_a_full_stop_is_body_not_a_heading() -> None:
    result = clean(article(LEDE, "It did not.", LAST))
    assert result.headings == ()
    assert "It did not." in result.text.split("\n\n")


# --- removal records ----------------------------------------------------------------------


def test_removed_lines_carry_their_input_line_numbers() -> None:
    text = "Harbour plan approved\n\nBy Ana Berg\n" + LEDE + "\n\n[image]\n\n" + BODY + "\n"
    numbers = {r.line: r.line_number for r in clean(text).removed}
    assert numbers == {"Harbour plan approved": 1, "By Ana Berg": 3, "[image]": 6}


def test_rule_table_names_every_required_rule_with_a_reason() -> None:
    names = {rule.name for rule in RULES}
    assert {
        "comment_prompt", "reaction_widget", "share_prompt", "menu", "repeated_title",
        "timestamp", "byline", "wire_credit", "author_note", "copyright", "syndication",
        "translation_note", "image_placeholder", "caption", "separator", "ui_crumb",
        "related_links", "cookie_notice", "title",
    } <= names  # fmt: skip
    assert all(rule.why for rule in RULES)


def test_empty_and_blank_input() -> None:
    for text in ("", "\n\n  \n"):
        result = clean(text)
        assert (result.text, result.title, result.removed) == ("", None, ())


# --- properties ---------------------------------------------------------------------------

# Words chosen to tempt the rules: body sentences mention comments, shares, photos, dates.
_STARTERS = ["The", "Officials", "By", "Comments", "Photos", "Share", "Related", "Published"]
_WORDS = [
    "harbour", "council", "comments", "share", "photo", "by", "the", "of", "subscribe",
    "reply", "angry", "march", "2026", "12", "updated", "copyright", "menu", "related",
    "said", "on", "monday", "newsletter", "image", "reaction", "strike", "dockers", "and",
]  # fmt: skip
_sentence = st.builds(
    lambda first, rest, end: " ".join([first, *rest]) + end,
    st.sampled_from(_STARTERS),
    st.lists(st.sampled_from(_WORDS), min_size=7, max_size=25),
    st.sampled_from([".", "!", "?", '."']),
)
_paragraph = st.lists(_sentence, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(_paragraph, min_size=1, max_size=8))
def test_body_sentences_survive_verbatim(paragraphs: list[str]) -> None:
    paragraphs = [LEDE, *paragraphs]  # a lede sentence first: a "?" line on top is a headline
    raw = "\n\n".join(paragraphs)
    result = clean_scraped_text(raw)
    repaired = repair_text(raw)
    kept = result.text.split("\n\n")
    assert all(paragraph in repaired for paragraph in kept)
    assert kept == paragraphs
    assert result.removed == ()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_never_raises_and_keeps_only_input_lines(raw: str) -> None:
    result = clean_scraped_text(raw)
    repaired_lines = repair_text(raw).split("\n")
    for paragraph in result.text.split("\n\n") if result.text else []:
        assert "\n" not in paragraph
        assert all(word in repair_text(raw) for word in paragraph.split(" ") if word)
    assert all(1 <= item.line_number <= len(repaired_lines) for item in result.removed)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["\n", "\n\n", " ", "By ", "Photo: ", "12 comments", "x"])).map(
        "".join
    )
)
def test_cleaning_never_raises_on_debris_like_text(raw: str) -> None:
    clean_scraped_text(raw)


def _subhead_by_definition(text: str) -> bool:
    """What a subhead is, counting every word (``_is_subhead`` stops counting early)."""
    return (
        0 < len(text.split()) <= SUBHEAD_MAX_WORDS
        and text.rstrip(CLOSERS)[-1:] not in tuple(".!?:;,…")
        and not text[0].islower()
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Port", "strike", "ends.", "why?", "”", "…", "9", "\t", "\n", "  ", " "]),
        max_size=30,
    ).map("".join)
)
def test_subhead_test_counts_words_only_as_far_as_it_needs(text: str) -> None:
    assert _is_subhead(text) == _subhead_by_definition(text)
