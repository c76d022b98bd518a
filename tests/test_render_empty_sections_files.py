"""The Markdown and HTML reports say why a section is empty, as the terminal brief
does: a one-article story printed "### Only one source reports" over nothing and a
Timeline table with no row, which read as output lost. The HTML report shows a quote
exclusive inside its quotation marks, as the other views do."""

from __future__ import annotations

import re

from newsprism.model import Brief, Exclusive, Passage, Story
from newsprism.render.html import report_html
from newsprism.render.markdown import report_markdown

EMPTY_NOTES = (
    "No summary: no English sentence in the articles could stand alone as a summary line",
    "No statement quoted or reported.",
    "No numbers found.",
    "One article only: nothing to compare.",
    "No dated events found.",
)


def _html_text(page: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _brief(articles: tuple[str, ...]) -> Brief:
    return Brief(story=Story("s1", "Pier", articles))


def test_empty_sections_of_a_one_article_story_say_so() -> None:
    brief = _brief(("a0",))
    markdown = report_markdown([brief], {"a0": "Outlet"})
    page = _html_text(report_html([brief], {"a0": "Outlet"}))
    for note in EMPTY_NOTES:
        assert note in markdown, note
        assert note in page, note


def test_no_exclusive_among_several_articles_means_every_detail_is_shared() -> None:
    brief = _brief(("a0", "a1"))
    assert "Every detail has a second source." in report_markdown([brief], {})
    assert "Every detail has a second source." in _html_text(report_html([brief], {}))


def test_sections_with_rows_get_no_empty_note_and_quotes_keep_their_marks() -> None:
    quote = Exclusive("quote", Passage("a0", "Outlet", "We will rebuild the pier", 10, 34))
    brief = Brief(story=Story("s1", "Pier", ("a0", "a1")), exclusives=(quote,))
    markdown = report_markdown([brief], {"a0": "Outlet"})
    page = _html_text(report_html([brief], {"a0": "Outlet"}))
    for shown in (markdown, page):
        assert "“We will rebuild the pier”" in shown
        assert "Every detail has a second source." not in shown
