"""An exclusive quote is shown inside quotation marks: its passage runs from inside the
first opening mark to inside the last closing one, so a quote split by its attribution
('Some came," said X. "I will go') read as starting inside one quote and ending inside
another, in the terminal, Markdown and web briefs."""

from __future__ import annotations

from rich.console import Console

from newsprism.model import Brief, Exclusive, Passage, Story
from newsprism.render import markdown
from newsprism.render.briefs import brief_panel, exclusive_detail

TEXT = (
    '"Most came with one bag. Some came in slippers," said Lenka Dravic, a volunteer. '
    '"I will keep driving."'
)
INSIDE = TEXT[1:-1]  # the split quote's span: from inside its first mark to its last


def _brief(kind: str = "quote", text: str = INSIDE) -> Brief:
    start = TEXT.index(text)
    passage = Passage("a1", "Coast Post", text, start, start + len(text))
    return Brief(story=Story("sq1", "Fire", ("a1",)), exclusives=(Exclusive(kind, passage),))


def test_a_split_quote_is_shown_inside_marks_of_its_own_style() -> None:
    assert exclusive_detail(_brief().exclusives[0]) == f'"{INSIDE}"'
    curly = INSIDE.replace(',"', ",”").replace('"I', "“I")
    passage = Passage("a1", "Coast Post", curly, 1, 1 + len(curly))
    assert exclusive_detail(Exclusive("quote", passage)) == f"“{curly}”"


def test_a_claim_and_a_passage_with_its_own_mark_are_shown_as_they_are() -> None:
    assert exclusive_detail(_brief("claim").exclusives[0]) == INSIDE
    assert exclusive_detail(_brief("quote", TEXT).exclusives[0]) == TEXT


def test_terminal_and_markdown_show_the_marks() -> None:
    console = Console(width=200, record=True, color_system=None)
    console.print(brief_panel(_brief(), {"a1": "Coast Post"}))
    shown = " ".join(console.export_text().split())
    assert '"Most came with one bag.' in shown and 'I will keep driving."' in shown
    written = markdown.brief_markdown(_brief(), {"a1": "Coast Post"})
    assert '(quote): "Most came with one bag.' in written
