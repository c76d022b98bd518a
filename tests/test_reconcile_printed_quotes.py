"""Statements: an outlet's own words that another outlet quotes (issue 12), on invented
stories. The quoted outlet's article prints the passage without quote marks, so its
analysis holds no quote there; the run of the quote's words it prints is a unit of its
own that pairs with the quote."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsprism.model import Analysis, Article, Quote, Statement, Story, article_id
from newsprism.reconcile import printed_quotes
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.printed_quotes import MIN_WORDS, printed_quote_units
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_units import Unit, quote_units
from newsprism.reconcile.statements import StatementOptions, align_statements

_FINDING = (
    "an inspection of the ferry logs shows that the night crossings ran "
    "without a second engineer on board"
)
_GAZETTE = (
    "The ferry company has defended its safety record. But an inspection of the Ferry "
    "logs shows that the night crossings ran without a second engineer on board.\n\n"
    "The company said it would answer every question."
)
_COURIER = (
    f'The minister called for an inquiry on Monday. The Gazette reported that "{_FINDING}."'
    "\n\nThe company did not respond."
)


def _article(outlet: str, text: str, quotes: Sequence[Quote]) -> tuple[Article, Analysis]:
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    return article, Analysis(article.id, "test", ((0, len(text)),), (), tuple(quotes))


def _material(*pieces: tuple[Article, Analysis]) -> StoryMaterial:
    articles = [a for a, _ in pieces]
    story = Story("s", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, {a.id: an for a, an in pieces})


def _quoted(text: str, words: str, speaker: str) -> Quote:
    start = text.index(words)
    return Quote(words, start, start + len(words), True, speaker, speaker, group=0)


def _story(
    courier: str = _COURIER, gazette: str = _GAZETTE, speaker: str = "Gazette"
) -> StoryMaterial:
    quote = _quoted(courier, _FINDING, speaker)
    return _material(_article("Courier", courier, [quote]), _article("Gazette", gazette, []))


def _units(material: StoryMaterial) -> list[Unit]:
    return printed_quote_units(material, quote_units(material, story_names(material)))


def test_quoted_words_printed_by_another_outlet_are_a_unit_there() -> None:
    material = _story()
    (unit,) = _units(material)
    gazette = material.articles[1]
    assert unit.article == gazette.id
    assert gazette.text[unit.start : unit.end] == unit.text
    assert unit.text.startswith("an inspection of the Ferry logs")
    assert unit.text.endswith("second engineer on board")
    assert (unit.direct, unit.speaker) == (False, "Gazette")


def test_the_printed_words_join_the_quote_in_one_statement() -> None:
    material = _story()
    found = align_statements(material, LexicalSimilarity())
    statement = _holding(found, "Gazette", "night crossings")
    assert statement is _holding(found, "Courier", "night crossings")
    off = align_statements(material, LexicalSimilarity(), StatementOptions(printed_quotes=False))
    assert all(v.passage.outlet == "Courier" for s in off for v in s.variants)


def test_short_runs_other_quotes_and_broken_paragraphs_are_no_unit() -> None:
    # Seven words in a row are a phrase, not a passage.
    words = _FINDING.split()
    short = f"Read: {' '.join(words[4 : 4 + MIN_WORDS - 1])} at last."
    assert _units(_story(gazette=short)) == []
    # Where the article quotes the words itself, its own quote is the unit.
    own = f'Its reporters wrote that "{_FINDING}."'
    quoted = _article("Gazette", own, [_quoted(own, _FINDING, "Gazette")])
    courier = _article("Courier", _COURIER, [_quoted(_COURIER, _FINDING, "Gazette")])
    assert _units(_material(courier, quoted)) == []
    # A run across a paragraph break is two passages, not one printed quote.
    split = _GAZETTE.replace("logs shows that the night", "logs shows that\n\nthe night")
    assert _units(_story(gazette=split)) == []


def test_only_words_credited_to_the_printing_outlet() -> None:
    """A person's quote that an article prints without marks is left alone."""
    assert _units(_story(speaker="Ola Gazette Lind")) == []
    assert len(_units(_story(speaker="The Gazette"))) == 1


def test_only_the_credited_outlets_articles_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The words of an article are indexed only where a quote is credited to its
    outlet: the Gazette here, not the Courier or a Herald that nobody quotes."""
    read: list[str] = []

    class Counted(printed_quotes._Words):
        def __init__(self, text: str) -> None:
            read.append(text)
            super().__init__(text)

    monkeypatch.setattr(printed_quotes, "_Words", Counted)
    herald = _article("Herald", "The Herald's night desk had no comment on the ferry.", [])
    courier = _article("Courier", _COURIER, [_quoted(_COURIER, _FINDING, "Gazette")])
    material = _material(courier, _article("Gazette", _GAZETTE, []), herald)
    assert len(_units(material)) == 1
    assert read == [_GAZETTE]


def _holding(statements: Sequence[Statement], outlet: str, words: str) -> Statement:
    for statement in statements:
        for variant in statement.variants:
            if variant.passage.outlet == outlet and words in variant.passage.text:
                return statement
    raise AssertionError(f"{words!r} of {outlet} is in no statement")
