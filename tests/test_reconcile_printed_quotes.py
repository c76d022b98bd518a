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


# --- a named outlet's passage reprinted without marks ----------------------------------

_REPORT = (
    "The night crossings ran for three winters without a second engineer on board, "
    "according to the ferry logs."
)
_HERALD = f"The ferry company has defended its record.\n\n{_REPORT}\n\nThe company said little."
_POST = (
    "The minister called for an inquiry. Here is an excerpt from the Herald report:\n\n"
    f"{_REPORT}\n\nThe company did not respond."
)


def _reprint_units(post: str = _POST, herald: str = _HERALD) -> list[Unit]:
    return _units(_material(_article("Post", post, []), _article("Herald", herald, [])))


def test_passage_of_a_named_outlet_reprinted_is_a_unit_in_both_articles() -> None:
    units = _reprint_units()
    assert len(units) == 2
    assert {u.text for u in units} == {_REPORT.rstrip(".")}
    assert all((u.direct, u.speaker) == (False, None) for u in units)
    found = align_statements(
        _material(_article("Post", _POST, []), _article("Herald", _HERALD, [])),
        LexicalSimilarity(),
    )
    assert _holding(found, "Post", "night crossings") is _holding(
        found, "Herald", "night crossings"
    )


def test_no_reprint_unless_an_article_names_the_other_outlet_or_in_short_runs() -> None:
    assert _reprint_units(post=_POST.replace("the Herald report", "a report")) == []
    words = _REPORT.split()
    short = " ".join(words[: printed_quotes.REPRINT_WORDS - 1])
    assert _reprint_units(post=_POST.replace(_REPORT, f"{short}, it said.")) == []


def test_reprinted_run_stops_at_a_reporting_verb_and_a_paragraph() -> None:
    said = "The night crossings ran for three winters, Lind said at the hearing on Monday"
    herald, post = (f"{said} in the harbour town.\n\n", f"{_POST}\n\n{said} in the harbour town.")
    cue = len(_HERALD) + said.index("said")
    quote = Quote("x", 0, 1, True, "Lind", "Lind", cue="said", cue_start=cue, cue_end=cue + 4)
    units = _units(
        _material(_article("Post", post, []), _article("Herald", _HERALD + herald, [quote]))
    )
    assert len(units) == 2  # the excerpt above, not the attribution
    assert all("said" not in u.text for u in units)
    broken = _HERALD.replace("three winters without", "three winters\n\nwithout")
    assert _reprint_units(herald=broken) == []
