"""The terminal brief says why a section is empty instead of printing a heading over
nothing: a one-article story has nothing to compare, an undated one no timeline."""

from __future__ import annotations

from rich.console import Console

from newsprism.model import Brief, Passage, Statement, Story, Variant
from newsprism.render.briefs import (
    exclusives_view,
    facts_view,
    statements_view,
    summary_view,
    timeline_view,
)


def _text(renderable: object) -> str:
    console = Console(width=100, record=True, color_system=None)
    console.print(renderable)
    return " ".join(console.export_text().split())


def _brief(articles: tuple[str, ...]) -> Brief:
    return Brief(story=Story("s1", "Pier", articles))


def test_empty_sections_of_a_one_article_story_say_so() -> None:
    brief = _brief(("a0",))
    # A story whose articles hold no English sentence (another language, a bare table),
    # or only English questions and short lines: the note is true of both. It said "the
    # analysis found no English sentence" of a story of five analysed questions.
    summary = _text(summary_view(brief, {}))
    assert "No summary: no English sentence in the articles could stand alone" in summary
    assert "questions, short lines and quotes" in summary and "found no" not in summary
    assert "No statement quoted or reported." in _text(statements_view(brief))
    assert "No numbers found." in _text(facts_view(brief))
    assert "One article only: nothing to compare." in _text(exclusives_view(brief))
    assert "No dated events found." in _text(timeline_view(brief))


def test_no_exclusive_among_several_articles_means_every_detail_is_shared() -> None:
    assert "Every detail has a second source." in _text(exclusives_view(_brief(("a0", "a1"))))


def test_a_section_with_rows_or_its_own_caption_gets_no_empty_line() -> None:
    variant = Variant(Passage("a0", "Outlet", "We will rebuild the pier", 0, 24), True)
    brief = Brief(
        story=Story("s1", "Pier", ("a0", "a1")),
        statements=(Statement("st1", "Ilona Varga", (variant,)),),
    )
    shown = _text(statements_view(brief))
    assert "1 statement carried by one article only is in the JSON" in shown
    assert "No statement" not in shown
