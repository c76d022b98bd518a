"""Page notes ("This story has been updated.", "Check back for updates.", "... contributed
to this report.") leave a scraped body in ingest, so no stage (facts, summary,
statements, exclusives) reads them; reporting that only looks like them stays."""

from __future__ import annotations

import pytest

from newsprism.ingest.clean import clean_scraped_text
from newsprism.ingest.rules import PICTURE_LABEL, is_page_note, page_notes_start

LEDE = (
    "The harbour board said on Friday that the ferries to Velmar will run again from "
    "Monday after a week of strikes."
)


def _clean(*paragraphs: str) -> tuple[str, list[tuple[str, str]]]:
    cleaned = clean_scraped_text("Ferry strike ends in Ardmoor\n\n" + "\n\n".join(paragraphs))
    return cleaned.text, [(r.line, r.reason) for r in cleaned.removed if r.reason != "title"]


@pytest.mark.parametrize(
    "note",
    [
        "This story has been updated.",
        "This article was corrected to give the mayor's full title.",
        "This is a developing story.",
        "Check back for updates.",
        "Scroll down for video.",
        "Click here to read the full report.",
        "Lena Hart in Velmar contributed to this report.",
        "More information will be released as it becomes available.",
        "We will update this page as more details become available.",
        "Sign up for our daily newsletter.",
    ],
)
def test_a_note_alone_on_its_line_leaves_the_body(note: str) -> None:
    text, removed = _clean(LEDE, note)
    assert text == LEDE
    # a share prompt ("Click here ...", "Sign up ...") may be named by its earlier rule
    assert [line for line, _ in removed] == [note]


def test_notes_that_end_a_paragraph_are_cut_off_it() -> None:
    text, removed = _clean(f"{LEDE} This story has been updated. Check back for updates.")
    assert text == LEDE
    assert removed == [("This story has been updated. Check back for updates.", "page_note")]


@pytest.mark.parametrize(
    "news",
    [
        "More details would become available next week, a spokesman said.",
        "The vaccine will be distributed as it becomes available, the ministry said.",
        "Officials told residents to check back with the clinic on Monday.",
        "In a developing story, police said two men were held overnight.",
        "The union said the report was updated twice before the vote.",
    ],
)
def test_reporting_that_looks_like_a_note_stays(news: str) -> None:
    text, removed = _clean(LEDE, news)
    assert text == f"{LEDE}\n\n{news}"
    assert removed == []
    assert not is_page_note(news)


def test_a_note_is_cut_at_a_sentence_end_not_after_a_title() -> None:
    line = "Crews met Mr. Roe on Friday. Mr. Roe contributed to this report."
    assert line[page_notes_start(line) or 0 :] == "Mr. Roe contributed to this report."
    assert page_notes_start("He spoke to Mr. Roe contributed funds.") is None
    assert page_notes_start(LEDE) is None


def test_a_line_that_ends_with_news_keeps_its_notes() -> None:
    """Only notes at a line's end are cut: a note before the line's last sentence is the
    writer's aside inside the paragraph, and the line is left whole for the reader."""
    line = f"This story has been updated. {LEDE}"
    assert page_notes_start(line) is None


def test_picture_labels_open_a_caption_run() -> None:
    assert PICTURE_LABEL.match("Image copyright Jane Roe Image caption Crews at the quay")
    assert PICTURE_LABEL.match("Media caption The mayor spoke on Friday")
    assert not PICTURE_LABEL.match("Images of the quay were shown on Friday.")


# Review s33: sentences that hold a note's words but are reporting (attributed, quoted,
# with a figure, or the note's words mid-sentence). Ingest deletes notes, so each stays.
@pytest.mark.parametrize(
    "news",
    [
        "The inspector's findings were sent to the board. This report was amended in March "
        "after the ferry operator objected.",
        'Rask said the harbour board would publish the findings. "This report will be '
        'corrected if errors are found," she said.',
        "The ministry said this report is updated every year.",
        "The audit covers 40 ports. The ministry said this report is updated every year.",
        "Passengers were told to check back later for sailing times.",
        "Officials urged residents to click here on the council website to register.",
        "Residents were told to check back later as crews assessed the damage to the bridge deck.",
        "The county said updates on the road closures will be posted online as they become "
        "available, a spokeswoman told reporters.",
        "The utility urged customers to subscribe now to its outage alerts, which it said "
        "reached 4,000 homes on Sunday.",
        "Sheriff Tom Ardel said more information would be released as it becomes available.",
        "Under the town charter, this article was amended in 2019 to allow two terms, and the "
        "new vote adds a third.",
        '"This report has been corrected and the 12 million figure stands," auditor Mara Pell '
        "said.",
        "The clerk said the remaining ballots would be counted as more information becomes "
        "available from the 14 polling stations.",
        "Opposition leader Dan Vro said residents should check back here on Friday, when the "
        "council meets again with 3 new members.",
        "This page was updated by the council on Monday to show the new detour.",
        "Ardel said the department's press office was told to click here and there through "
        "old files to find the flood records.",
        '"This report was corrected twice before it reached the council," said Mayor Ilse '
        "Varro, who asked for an inquiry. The council will vote on Friday.",
        'The council\'s statement ended: "Sign up for our weekly newsletter."',
    ],
)
def test_reporting_with_a_notes_words_stays_in_the_body(news: str) -> None:
    text, removed = _clean(LEDE, news)
    assert text == f"{LEDE}\n\n{news}"
    assert removed == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "The money for the new Kelmar bridge, 40 million euros, came from the EU. This story "
        "has been updated.",
        "Ministers from 12 countries met in Varlo at the UN. Jane Roe contributed to this report.",
        "Troops were sent by the U.S. This story has been updated to correct the number of troops.",
    ],
)
def test_a_note_after_no_sentence_break_leaves_the_line_whole(paragraph: str) -> None:
    """After "EU." no sentence break is found (an initial looks the same): the line is one
    sentence that is no note, kept whole rather than lost with the note."""
    text, removed = _clean(LEDE, paragraph)
    assert text == f"{LEDE}\n\n{paragraph}"
    assert removed == []


def test_a_note_after_a_lower_case_sentence_end_is_cut_off() -> None:
    paragraph = (
        "The mill was sold on Friday, said its owner, Varro Steel Inc. Check back for updates."
    )
    text, removed = _clean(LEDE, paragraph)
    assert text == f"{LEDE}\n\nThe mill was sold on Friday, said its owner, Varro Steel Inc."
    assert removed == [("Check back for updates.", "page_note")]


def test_a_headline_with_a_notes_words_stays_the_title() -> None:
    cleaned = clean_scraped_text(f"This story has been updated: Kelmar mayor resigns\n\n{LEDE}")
    assert cleaned.title == "This story has been updated: Kelmar mayor resigns"
    assert cleaned.text == LEDE


def test_notes_with_a_short_tail_about_the_page_still_leave() -> None:
    note = "This story has been updated to correct the number of ferries."
    text, removed = _clean(f"{LEDE} {note}")
    assert text == LEDE
    assert removed == [(note, "page_note")]
