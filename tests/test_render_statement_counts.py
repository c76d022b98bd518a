"""The terminal's "Who said what" counts what it leaves out rightly: statements past
its rows were counted as "carried by one article only", and one such statement was
"1 statements ... are in the JSON"."""

from __future__ import annotations

from rich.console import Console

from newsprism.model import Brief, Passage, Statement, Story, Variant
from newsprism.render.briefs import MAX_ROWS, statements_view


def _statement(n: int, outlets: int) -> Statement:
    variants = tuple(
        Variant(Passage(f"a{k}", f"Outlet {k}", f"We will rebuild pier {n}", 0, 24), True)
        for k in range(outlets)
    )
    return Statement(f"st{n}", "Ilona Varga", variants)


def _shown(statements: list[Statement]) -> str:
    brief = Brief(story=Story("s1", "Pier", ("a0", "a1")), statements=tuple(statements))
    console = Console(width=100, record=True, color_system=None)
    console.print(statements_view(brief))
    return " ".join(console.export_text().split())


def test_one_statement_of_one_article_is_counted_in_the_singular() -> None:
    shown = _shown([_statement(1, 2), _statement(2, 1)])
    assert "1 statement carried by one article only is in the JSON" in shown


def test_shared_statements_past_the_rows_are_counted_as_more() -> None:
    shown = _shown([_statement(n, 2) for n in range(MAX_ROWS + 2)] + [_statement(99, 1)])
    assert "… 2 more (see --format json)" in shown
    assert "1 statement carried by one article only is in the JSON" in shown
    assert f"pier {MAX_ROWS - 1}" in shown and f"pier {MAX_ROWS}" not in shown


def test_no_caption_when_every_statement_is_shared() -> None:
    assert "carried by one article" not in _shown([_statement(1, 2)])
