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
