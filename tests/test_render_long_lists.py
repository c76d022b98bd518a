"""A statement with 1,500 identical wordings (syndicated copies) and a fact with as many
values: Markdown, HTML and the terminal show identical wordings once with their outlets,
cap every list with "and N more", and the JSON report keeps every item."""

from __future__ import annotations

import json

from rich.console import Console

from newsprism.model import Brief, Fact, FactValue, Passage, Statement, Story, Variant
from newsprism.render import html, jsonout, markdown
from newsprism.render.briefs import brief_panel
from newsprism.render.lists import MAX_LISTED, MAX_NAMES

COPIES = 1_500
SAID = "We will not give up a single metre"


def _brief() -> Brief:
    ids = [f"a{n:04d}" for n in range(COPIES)]
    same = [Passage(i, f"Outlet {n}", SAID, 0, len(SAID)) for n, i in enumerate(ids)]
    own = [Passage(i, f"Outlet {n}", f"{SAID}, part {n}", 0, 40) for n, i in enumerate(ids[:30])]
    variants = tuple(Variant(p, True) for p in same) + tuple(Variant(p, False) for p in own)
    values = tuple(
        FactValue(Passage(i, f"Outlet {n}", "400", 0, 3), 400.0) for n, i in enumerate(ids)
    )
    return Brief(
        story=Story("slong", "Border talks", tuple(ids)),
        summary=(),
        statements=(Statement("st1", "Ilona Varga", variants),),
        facts=(Fact("f1", "soldier", None, "agree", values),),
        discrepancies=(),
        exclusives=(),
        timeline=(),
        entities=(),
    )


def test_markdown_lists_identical_wordings_once_and_caps_the_rest() -> None:
    text = markdown.brief_markdown(_brief(), {})
    assert text.count(SAID) == MAX_LISTED  # one line for the 1,500 copies, 11 own ones
    lines = [line for line in text.splitlines() if line.startswith("  - ")]
    first = lines[0]
    assert (
        first.startswith("  - Outlet 0, Outlet 1,") and f"and {COPIES - MAX_NAMES:,} more" in first
    )
    assert "… and 19 more wordings" in text
    assert f"and {COPIES - MAX_LISTED:,} more values" in text
    assert len(text) < 10_000


def test_html_caps_the_same_lists() -> None:
    page = html.report_html([_brief()], {})
    assert page.count(SAID) == MAX_LISTED
    assert f"and {COPIES - MAX_NAMES:,} more" in page
    assert "… and 19 more wordings" in page and f"{COPIES - MAX_LISTED:,} more values" in page
    assert len(page) < 20_000


def test_the_terminal_caps_them_too() -> None:
    console = Console(width=100, record=True)
    console.print(brief_panel(_brief(), {}))
    shown = console.export_text()
    assert "19 more wordings" in shown and f"{COPIES - MAX_LISTED:,} more values" in shown


def test_the_json_report_keeps_every_item() -> None:
    story = json.loads(json.dumps(jsonout.brief_to_dict(_brief())))
    (statement,) = story["statements"]
    assert len(statement["variants"]) == COPIES + 30
    assert len(story["facts"][0]["values"]) == COPIES


def test_the_web_story_page_diffs_each_wording_once_and_caps_them() -> None:
    from newsprism.web.views import statement_variants

    (statement,) = _brief().statements
    views, left = statement_variants(statement)
    assert len(views) == MAX_LISTED and left == 19
    assert views[0].outlet.endswith(f"and {COPIES - MAX_NAMES:,} more")
    assert views[0].article == "a0000"
