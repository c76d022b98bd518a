"""A story holding an article in a language the analysis does not read: its brief says
so, and lists no detail as "only one source reports" on the word of the one analysed
source (the unread article may tell it too). Invented stories throughout."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console

from newsprism import Workspace
from newsprism.analyze.analyzer import Analyzer
from newsprism.model import (
    Article,
    Brief,
    Framing,
    OutletFraming,
    Story,
    Unanalysed,
    article_id,
)
from newsprism.reconcile.brief import BriefOptions, Reconciler
from newsprism.reconcile.material import StoryMaterial
from newsprism.render.briefs import brief_panel
from newsprism.render.html import report_html
from newsprism.render.jsonout import brief_from_dict, brief_to_dict
from newsprism.render.markdown import brief_markdown
from newsprism.render.unread import framing_gap

# An invented vote, told in English and in German (which the analysis does not read).
EN = (
    "The town council of Lindau voted 31 to 9 on Tuesday to close the harbour road to "
    "lorries from August, Mayor Greta Sommer said. \u201cThe harbour belongs to walkers "
    'again," Sommer said.'
)
DE = (
    "Der Stadtrat von Lindau hat am Dienstag mit 31 zu 9 Stimmen beschlossen, die "
    "Hafenstra\u00dfe ab August f\u00fcr Lastwagen zu sperren, sagte B\u00fcrgermeisterin "
    "Greta Sommer. \u201eDer Hafen geh\u00f6rt wieder den Spazierg\u00e4ngern\u201c, sagte "
    "Sommer."
)
# A second English source with a detail of its own (the fine) beside the shared vote.
EN_2 = (
    "Lindau's council voted 31 to 9 on Tuesday to close the harbour road to lorries "
    "from August. Drivers who ignore the ban face a fine of 250 euros, the council's "
    "transport officer Paul Wegner said."
)


def _article(outlet: str, text: str, language: str) -> Article:
    return Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet,
                   language=language)  # fmt: skip


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _brief(analyzer: Analyzer, articles: list[Article]) -> Brief:
    story = Story("s-harbour", None, tuple(a.id for a in articles))
    material = StoryMaterial(story, articles, {a.id: analyzer.analyze(a) for a in articles})
    return Reconciler(BriefOptions(embeddings="off")).brief(material)


def _terminal(brief: Brief) -> str:
    console = Console(width=120, record=True, force_terminal=False)
    console.print(brief_panel(brief, {}))
    return console.export_text()


def test_one_analysed_source_beside_an_unread_one_has_no_exclusive(analyzer: Analyzer) -> None:
    """English + German: the German article is not read, so nothing was compared; the
    brief names it, and the German outlet's framing row says "not analysed"."""
    en, de = _article("Seeblatt", EN, "en"), _article("Hafenbote", DE, "de")
    brief = _brief(analyzer, [en, de])
    assert brief.exclusives == ()
    assert brief.unanalysed == (Unanalysed(de.id, "Hafenbote", "de"),)
    text = _terminal(brief)
    assert "Not analysed: 1 article in a language the analysis does not read" in text
    assert "Hafenbote (de)" in text
    assert "One analysed source only: nothing to compare" in text
    assert re.search(r"Hafenbote .*not analysed .*not analysed .*not analysed", text)
    markdown = brief_markdown(brief, {})
    assert "> Not analysed: 1 article" in markdown
    assert "| Hafenbote | *not analysed* | *not analysed* | *not analysed* |" in markdown
    assert "| Seeblatt | st1" in markdown  # the analysed outlet's row as before
    html = report_html([brief], {})
    assert '<p class="unread"' in html and "Hafenbote (de)" in html
    assert '<td class="dim">not analysed</td>' in html


def test_exclusives_among_analysed_sources(analyzer: Analyzer) -> None:
    """Two English sources and a German one: the English-only detail is still listed,
    under a heading that says "among analysed sources"."""
    articles = [
        _article("Seeblatt", EN, "en"),
        _article("Uferpost", EN_2, "en"),
        _article("Hafenbote", DE, "de"),
    ]
    brief = _brief(analyzer, articles)
    assert any("250 euros" in e.passage.text for e in brief.exclusives)
    assert all(e.passage.outlet != "Hafenbote" for e in brief.exclusives)
    assert "### Only one source reports (among analysed sources)" in brief_markdown(brief, {})
    assert "Only one source reports (among analysed sources)" in _terminal(brief)
    assert "<h3>Only one source reports (among analysed sources)</h3>" in report_html([brief], {})


def test_json_names_unread_articles_and_reads_them_back(analyzer: Analyzer) -> None:
    en, de = _article("Seeblatt", EN, "en"), _article("Hafenbote", DE, "de")
    brief = _brief(analyzer, [en, de])
    data = json.loads(json.dumps(brief_to_dict(brief)))
    assert data["unanalysed"] == [{"article": de.id, "outlet": "Hafenbote", "language": "de"}]
    assert brief_from_dict(data, brief.story) == brief


def test_all_analysed_story_unchanged(analyzer: Analyzer) -> None:
    """Every article read: no key, no note, the usual heading and framing cells."""
    brief = _brief(analyzer, [_article("Seeblatt", EN, "en"), _article("Uferpost", EN_2, "en")])
    assert brief.unanalysed == ()
    assert "unanalysed" not in brief_to_dict(brief)
    markdown = brief_markdown(brief, {})
    assert "### Only one source reports\n" in markdown
    assert "Not analysed" not in markdown and "not analysed" not in markdown
    assert "among analysed" not in _terminal(brief)


# The review's reproduction (an invented vote): these two cluster into one story.
REVIEW_EN = (
    "The city council of Bremen voted 40 to 12 on Monday to ban cars from the old town "
    'from June, Mayor Karl Otto said. "This is a day for pedestrians," Otto said.'
)
REVIEW_DE = (
    "Der Stadtrat von Bremen hat am Montag mit 40 zu 12 Stimmen beschlossen, Autos ab "
    "Juni aus der Altstadt zu verbannen, sagte B\u00fcrgermeister Karl Otto. \u201eDas "
    'ist ein Tag f\u00fcr Fu\u00dfg\u00e4nger", sagte Otto.'
)


def test_reproduction_end_to_end(tmp_path: Path) -> None:
    """Through the Workspace: files ingested, the German one detected and stored; the
    English one's vote and mayor were listed as only one source's before."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(REVIEW_EN, encoding="utf-8")
    (folder / "de.txt").write_text(REVIEW_DE, encoding="utf-8")
    with Workspace(tmp_path / "s.db") as ws:
        run = ws.analyze([str(folder)])
        assert len(run.stories) == 1
        brief = ws.brief(run.stories[0].id)
    assert brief.exclusives == ()
    assert [(u.outlet, u.language) for u in brief.unanalysed] == [("de", "de")]
    assert brief.framing is not None
    de_row = next(o for o in brief.framing.outlets if o.outlet == "de")
    assert "not analysed" in brief_markdown(brief, {}).split(f"| {de_row.outlet} |")[-1]


def test_outlet_with_some_articles_unread_says_how_many() -> None:
    """An outlet carrying a translation (read) and its original (not read): its row
    keeps what the translation carries and says one of its two articles was not read."""
    story = Story("s-x", None, ("a1", "a2", "a3"))
    framing = Framing(
        (),
        (
            OutletFraming("Seeblatt", ("a1",), ("st1",), ("f1",), (("Greta Sommer", 1.0),)),
            OutletFraming("Hafenbote", ("a2", "a3"), ("st1",), (), ()),
        ),
    )
    brief = Brief(story, framing=framing, unanalysed=(Unanalysed("a3", "Hafenbote", "de"),))
    seeblatt, hafenbote = framing.outlets
    assert framing_gap(brief, seeblatt) is None
    assert framing_gap(brief, hafenbote) == "1 of 2 articles not analysed"
    assert "| Hafenbote | st1 |  | *1 of 2 articles not analysed* |" in brief_markdown(brief, {})
