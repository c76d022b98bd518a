"""Briefs rendered: JSON keeps the contract's names and every span; Markdown and HTML
escape untrusted article text; the terminal view names outlets and marks disagreement."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from rich.console import Console

from newsprism.model import (
    Brief,
    Discrepancy,
    Exclusive,
    Fact,
    FactValue,
    Framing,
    Headline,
    OutletFraming,
    Passage,
    RosterEntry,
    Statement,
    Story,
    SummarySentence,
    TimelineEvent,
    Variant,
)
from newsprism.render import html, jsonout, markdown
from newsprism.render.briefs import brief_panel

HOSTILE = 'Officials said <script>alert(1)</script> and <img src=x onerror="alert(2)"> [b]|*x*'
TEXT_A = f"The ferry board voted on Tuesday. {HOSTILE} About 400 passengers will move."
TEXT_B = "The board voted on Monday, not Tuesday. Some 450 passengers will move."


def passage(article: str, outlet: str, text: str, needle: str) -> Passage:
    start = text.index(needle)
    return Passage(article, outlet, needle, start, start + len(needle))


def make_brief() -> Brief:
    a = passage("a1", "Tessel Post", TEXT_A, HOSTILE)
    n_a = passage("a1", "Tessel Post", TEXT_A, "About 400")
    n_b = passage("b2", "Quay Times", TEXT_B, "Some 450")
    story = Story("sdemo", "Ferry <pier> closes", ("a1", "b2"))
    return Brief(
        story=story,
        summary=(
            SummarySentence(
                passage("a1", "Tessel Post", TEXT_A, "The ferry board voted on Tuesday."),
                ("a1", "b2"),
            ),
        ),
        statements=(
            Statement("st1", "Ilona <Varga>", (Variant(a, True, "she"), Variant(n_b, False))),
        ),
        facts=(
            Fact(
                "f1",
                "passenger",
                None,
                "differ",
                (FactValue(n_a, 400.0, "about"), FactValue(n_b, 450.0, "about")),
            ),
        ),
        discrepancies=(Discrepancy("the day of the vote", "date", (a, n_b)),),
        exclusives=(Exclusive("claim", a),),
        timeline=(TimelineEvent("2026-03-03", HOSTILE, (a,)),),
        entities=(RosterEntry("Ilona Varga", "PERSON", ("Varga", "<the chair>"), ("a1",)),),
        framing=Framing(
            (Headline("a1", "Tessel Post", HOSTILE), Headline("b2", "Quay Times", "Pier")),
            (OutletFraming("Quay Times", ("b2",), ("st1",), ("f1",), (("Ilona Varga", 1.0),)),),
        ),
    )


OUTLETS = {"a1": "Tessel Post", "b2": "Quay Times"}


def test_json_brief_uses_the_contract_names_and_keeps_every_span() -> None:
    data = jsonout.brief_to_dict(make_brief())
    for key in (
        "id",
        "title",
        "articles",
        "duplicates",
        "summary",
        "statements",
        "facts",
        "discrepancies",
        "exclusives",
        "timeline",
        "entities",
    ):
        assert key in data
    assert data["summary"][0]["sources"] == ["a1", "b2"]
    assert data["statements"][0]["variants"][0]["direct"] is True
    assert data["facts"][0]["status"] == "differ"
    assert [v["value"] for v in data["facts"][0]["values"]] == [400.0, 450.0]
    assert data["timeline"][0]["articles"] == ["a1"]
    texts = {"a1": TEXT_A, "b2": TEXT_B}
    spans = [v for s in data["statements"] for v in s["variants"]]
    spans += [c for d in data["discrepancies"] for c in d["claims"]] + data["exclusives"]
    for item in spans:
        assert texts[item["article"]][item["start"] : item["end"]] == item["text"]
    json.dumps(data)  # serialisable as it stands


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]


def test_html_report_shows_hostile_text_as_text_and_allows_no_script() -> None:
    page = html.report_html([make_brief()], OUTLETS)
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not any(name.startswith("on") for name in parser.attributes)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Ilona &lt;Varga&gt;" in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None and "default-src 'none'" in csp.group(1)
    assert "script-src" not in csp.group(1)  # falls back to default-src 'none'


def test_html_marks_a_differing_fact_row() -> None:
    page = html.report_html([make_brief()], OUTLETS)
    assert re.search(r'<tr class="differ">\s*<td><bdi>passenger</bdi></td>', page)


def test_markdown_escapes_markup_from_articles() -> None:
    text = markdown.report_markdown([make_brief()], OUTLETS)
    assert not re.search(r"(?<!\\)<", text)  # every < from an article is escaped
    assert r"\<script\>" in text
    assert r"\*x\*" in text and r"\[b\]\|" in text
    assert "**differ**" in text


def test_terminal_brief_names_outlets_and_prints_markup_literally() -> None:
    console = Console(width=100, record=True, color_system=None)
    console.print(brief_panel(make_brief(), OUTLETS))
    shown = console.export_text()
    assert "[b]|*x*" in shown  # Rich markup in article text is not interpreted
    assert "differ" in shown and "Quay Times" in shown and "Tessel Post" in shown
    assert "2026-03-03" in shown


def test_a_disputed_summary_sentence_says_so_everywhere() -> None:
    from dataclasses import replace

    from newsprism.render.briefs import summary_view

    own = passage("a1", "Tessel Post", TEXT_A, "The ferry board voted on Tuesday.")
    other = passage("b2", "Quay Times", TEXT_B, "Some 450")
    sentence = SummarySentence(own, ("a1",), (own,), (other,))
    brief = replace(make_brief(), summary=(sentence,))
    data = jsonout.brief_to_dict(brief)["summary"][0]
    assert data["support"][0]["start"] == own.start and data["support"][0]["article"] == "a1"
    assert data["disputed"][0]["article"] == "b2"
    assert "disputed by *Quay Times*" in markdown.brief_markdown(brief, {"a1": "Tessel Post"})
    console = Console(width=100, record=True)
    console.print(summary_view(brief, {"a1": "Tessel Post"}))
    assert "disputed by Quay Times" in " ".join(console.export_text().split())
