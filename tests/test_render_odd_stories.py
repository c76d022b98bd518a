"""Briefs and verifications of odd invented stories rendered to Markdown, HTML and the
terminal: one article, a feed's metadata holding Rich markup, text that Markdown would
read as an entity or a list, right-to-left text and bidi overrides, two articles of one
outlet behind a summary sentence, a verified summary quoting hostile article text."""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from rich.console import Console

from newsprism.model import (
    Article,
    Brief,
    CheckedSentence,
    MissingItem,
    Passage,
    SourceMatch,
    Story,
    SummarySentence,
    Verification,
)
from newsprism.render import html, markdown
from newsprism.render.terminal import articles_table
from newsprism.render.verify import verification_markdown, verification_panel

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, left open
ARABIC = "قال الوزير إن الميناء سيغلق يوم الثلاثاء."


def _passage(article: str, outlet: str, text: str) -> Passage:
    return Passage(article, outlet, text, 0, len(text))


def _brief(sentences: tuple[SummarySentence, ...], articles: tuple[str, ...]) -> Brief:
    return Brief(story=Story("s1", "Port closes", articles), summary=sentences)


def _rendered_text(source: str) -> str:
    """What a CommonMark reader shows for ``source``: its HTML, tags dropped."""
    shown = MarkdownIt("commonmark").enable("table").render(source)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", shown)).split())


def _console() -> Console:
    return Console(width=100, record=True, color_system=None)


# --- one article -----------------------------------------------------------------------


def test_a_one_article_story_counts_one_article() -> None:
    brief = _brief((), ("a1",))
    assert "*1 article, story `s1`*" in markdown.brief_markdown(brief, {"a1": "Tessel Post"})
    page = html.report_html([brief], {"a1": "Tessel Post"})
    assert "1 article ·" in page and "0 syndicated copy groups" in page
    assert "1 articles" not in page


# --- Markdown: text that would be read as markup ------------------------------------------


def test_markdown_shows_entities_and_leading_numbers_as_written() -> None:
    for text in ("Fish &amp; Chips at &copy; Kelmar", "1. Raise the levy.", "2024. A year."):
        sentence = SummarySentence(_passage("a1", "Tessel Post", text), ("a1",))
        source = markdown.brief_markdown(_brief((sentence,), ("a1",)), {"a1": "Tessel Post"})
        # A leading "1." read as list markup opened a nested list and lost its number.
        assert f"Summary {text} — Tessel Post" in _rendered_text(source)


# --- right-to-left text and bidi overrides ------------------------------------------------


def _bdi_texts(page: str) -> list[str]:
    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.depth, self.found = 0, [""]

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.depth += tag == "bdi"

        def handle_endtag(self, tag: str) -> None:
            if tag == "bdi":
                self.depth -= 1
                self.found.append("")

        def handle_data(self, data: str) -> None:
            if self.depth:
                self.found[-1] += data

    collector = Collector()
    collector.feed(page)
    return [t for t in collector.found if t]


def test_html_isolates_right_to_left_and_overriding_text_from_the_outlet() -> None:
    sentences = (
        SummarySentence(_passage("a1", "Al Quds Daily", ARABIC), ("a1",)),
        SummarySentence(_passage("a2", "Tessel Post", f"The port {RLO}closes"), ("a2",)),
    )
    outlets = {"a1": "Al Quds Daily", "a2": "Tessel Post"}
    page = html.report_html([_brief(sentences, ("a1", "a2"))], outlets)
    isolated = _bdi_texts(page)
    assert ARABIC in isolated and f"The port {RLO}closes" in isolated
    assert "Tessel Post" in isolated and "Al Quds Daily" in isolated  # each on its own


def test_markdown_isolates_overriding_text_from_the_outlet() -> None:
    sentence = SummarySentence(_passage("a1", "Tessel Post", f"The port {RLO}closes"), ("a1",))
    source = markdown.brief_markdown(_brief((sentence,), ("a1",)), {"a1": "Tessel Post"})
    line = next(x for x in source.splitlines() if x.startswith("1. "))
    # The override is closed (isolate: U+2068 ... U+2069) before the outlet is named.
    assert f"\u2068The port {RLO}closes\u2069 — *Tessel Post*" in line


# --- one outlet, two articles ---------------------------------------------------------------


def test_html_names_an_outlet_once_for_two_of_its_articles() -> None:
    own = _passage("a1", "Tessel Post", "The port closes on Tuesday.")
    copy = _passage("a3", "Tessel Post", "The port closes on Tuesday.")
    sentence = SummarySentence(own, ("a1", "a3"), (own, copy))
    outlets = {"a1": "Tessel Post", "a3": "Tessel Post"}
    page = html.report_html([_brief((sentence,), ("a1", "a3"))], outlets)
    assert "Tessel Post, Tessel Post" not in page
    assert "— Tessel Post" in " ".join(re.sub(r"<[^>]+>", "", page).split())


# --- metadata holding Rich markup -------------------------------------------------------------


def test_terminal_prints_a_feeds_language_and_id_literally() -> None:
    article = Article(id="[/x]0123456789", source="feed.jsonl", text="Hi.", language="[/bold]")
    console = _console()
    console.print(articles_table([article]))  # a stray closing tag raised MarkupError
    shown = console.export_text()
    assert "[/bold]" in shown and "[/x]" in shown


# --- a verified summary ---------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script> *x* [/b]"


def _verification(title: str) -> Verification:
    source = SourceMatch(
        _passage("a1", "Tessel Post", f"Officials said {HOSTILE}"), "supports", 0.9
    )
    sentence = CheckedSentence("The port closes.", 0, 16, "supported", (source,))
    missing = MissingItem("statement", "The levy rises.", ("a1",), (source.passage,))
    return Verification(Story("s1", title, ("a1",)), "The port closes.", (sentence,), (missing,))


def test_verify_markdown_escapes_article_text() -> None:
    source = verification_markdown(_verification("Port <b>closes</b>"))
    assert not re.search(r"(?<!\\)<", source)
    assert HOSTILE in _rendered_text(source) and "Port <b>closes</b>" in _rendered_text(source)


def test_verify_markdown_quotes_a_source_without_a_stray_marker() -> None:
    shown = _rendered_text(verification_markdown(_verification("Port closes")))
    assert f"supports, Tessel Post [0:{len('Officials said ' + HOSTILE)}]: “Officials said" in shown
    assert ": >" not in shown


def test_verify_panel_prints_a_title_with_markup_literally() -> None:
    console = _console()
    console.print(verification_panel(_verification("Port [/b] closes")))
    shown = console.export_text()
    assert "Port [/b] closes" in shown
    assert "(1 article)" in shown


def test_markdown_closes_an_isolate_the_text_left_open() -> None:
    # A right-to-left isolate (U+2067) opened in the text and never closed: the closer
    # markdown adds must not end it in place of its own, or the outlet stays inside.
    hebrew = "\u2067\u05d4\u05e0\u05de\u05dc \u05e0\u05e1\u05d2\u05e8"
    sentence = SummarySentence(_passage("a1", "Tessel Post", hebrew), ("a1",))
    source = markdown.brief_markdown(_brief((sentence,), ("a1",)), {"a1": "Tessel Post"})
    line = next(x for x in source.splitlines() if x.startswith("1. "))
    before = line[: line.index("*Tessel Post*")]
    opened = sum(before.count(c) for c in "\u2066\u2067\u2068")
    assert opened and opened == before.count("\u2069")


def test_the_markdown_heading_counts_syndicated_copy_groups() -> None:
    """Twenty copies are one source (their figures read "single"): the heading says so,
    as the terminal and HTML views do."""
    ids = tuple(f"a{n}" for n in range(20))
    brief = Brief(story=Story("s1", "Dam cracks", ids, duplicates=(ids,)))
    shown = markdown.brief_markdown(brief, {})
    assert "*20 articles, 1 syndicated copy group, story `s1`*" in shown
