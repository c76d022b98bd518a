"""A listing row shows a long title cut short: a title of 6,000 characters (a page whose
<title> held its first paragraphs) filled 150 lines of `newsprism stories` for one row.
The article and brief views keep it whole."""

from __future__ import annotations

from rich.console import Console

from newsprism.model import Story
from newsprism.render.terminal import LISTED_TITLE_CHARS, listed_title, stories_table


def _lines(renderable: object) -> list[str]:
    console = Console(width=100)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get().splitlines()


def test_a_long_title_is_cut_at_a_word_with_an_ellipsis() -> None:
    title = "Harbour board votes " * 300
    shown = listed_title(title).plain
    assert len(shown) <= LISTED_TITLE_CHARS + 1 and shown.endswith("votes…")
    assert listed_title("Harbour board votes").plain == "Harbour board votes"
    assert listed_title(None).plain == "(untitled)"
    one_word = "x" * 1_000
    assert listed_title(one_word).plain == "x" * LISTED_TITLE_CHARS + "…"


def test_a_story_with_a_6000_character_title_is_a_few_lines_of_the_listing() -> None:
    story = Story(id="s0123456789ab", title="Pier " * 1_200, articles=("a1",))
    lines = _lines(stories_table([story], {story.id: ["Coast Daily"]}))
    assert len(lines) < 20
