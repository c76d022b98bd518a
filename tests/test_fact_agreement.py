"""Facts: an agreeing fact says whether its figures are one figure ("exact") or only
compatible ("over 10 percent" / "10.8%"), in the record, the JSON and every view (s37,
issue 12). Invented articles and outlets."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Brief, Fact
from newsprism.render import html, jsonout, markdown
from newsprism.render.briefs import brief_panel
from tests.test_facts_real_shapes import analyzer, facts_of, shared  # noqa: F401
from tests.test_render_briefs import OUTLETS, make_brief

BASE = "The Varnia jobs office published its spring count on Monday. "


def _fact(analyzer: Analyzer, first: str, second: str) -> Fact:  # noqa: F811
    facts = facts_of(analyzer, [("Ardmoor Gazette", BASE + first), ("Tessel Post", BASE + second)])
    return shared(facts, "percent")


def test_a_bound_and_a_figure_agree_only_as_compatible(analyzer: Analyzer) -> None:  # noqa: F811
    fact = _fact(
        analyzer,
        "Unemployment in Varnia stood at 10.8 percent in March.",
        "Unemployment in Varnia stood at over 10 percent in March.",
    )
    assert (fact.status, fact.agreement) == ("agree", "compatible")


def test_one_figure_agrees_exactly(analyzer: Analyzer) -> None:  # noqa: F811
    fact = _fact(
        analyzer,
        "Unemployment in Varnia stood at 10.8 percent in March.",
        "Unemployment in Varnia was 10.8 percent in March, the office said.",
    )
    assert (fact.status, fact.agreement) == ("agree", "exact")


def test_a_differing_fact_has_no_agreement(analyzer: Analyzer) -> None:  # noqa: F811
    fact = _fact(
        analyzer,
        "Unemployment in Varnia stood at 10.8 percent in March.",
        "Unemployment in Varnia stood at 14.2 percent in March.",
    )
    assert (fact.status, fact.agreement) == ("differ", None)


def _compatible_brief() -> Brief:
    brief = make_brief()
    fact = replace(brief.facts[0], status="agree", agreement="compatible")
    return replace(brief, facts=(fact,))


def test_an_exact_figure_is_shown_as_written(analyzer: Analyzer) -> None:  # noqa: F811
    # s37 review 1: six significant digits showed "$52,774,615" as 52,774,600, and two
    # exact figures differing in the tens as one value in a 'differ'.
    base = "Orvel port sold its cranes on Monday. "
    first = base + "The sale raised $52,774,615 for the port."
    second = base + "The sale raised $52,774,645 for the port."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    values = sorted(v.value for f in facts for v in f.values)
    assert values == [52774615.0, 52774645.0], facts
    assert [f.status for f in facts if len(f.values) == 2] == ["differ"], facts


def test_the_json_carries_the_agreement_and_reads_it_back() -> None:
    brief = _compatible_brief()
    data = jsonout.brief_to_dict(brief)
    assert data["facts"][0]["agreement"] == "compatible"
    assert jsonout.brief_from_dict(data, brief.story).facts[0].agreement == "compatible"
    del data["facts"][0]["agreement"]  # a brief stored before the field
    assert jsonout.brief_from_dict(data, brief.story).facts[0].agreement is None


def test_views_label_a_compatible_row_so() -> None:
    brief = _compatible_brief()
    page = html.report_html([brief], OUTLETS)
    text = markdown.brief_markdown(brief, OUTLETS)
    console = Console(width=120, record=True, color_system=None)
    console.print(brief_panel(brief, OUTLETS))
    shown = console.export_text()
    for view in (page, text, shown):
        assert "agree (compatible)" in view
        assert "agree (exact)" not in view
