"""A quoted question is no rendering of a quoted claim (invented quotes, after a wrong
pair on the BASIL calibration gold, issue 12): a question put to the speaker and his
denial share words, but only word-for-word copies of a question render it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.questions import forbid_question_answers, is_question
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_units import (
    Unit,
    normalize_words,
    quote_units,
    sentence_breaks,
)
from newsprism.reconcile.statements import pair_features


def _unit(article: str, text: str, direct: bool = True, speaker: str = "Arvid Kellan") -> Unit:
    """A unit of ``text``, its sentences cut where the analysis would ("? " and ". "
    after a word of two letters or more; the analysis's own cuts are tested below)."""
    verbatim = (normalize_words(text),) if direct else ()
    breaks = tuple(m.end() for m in re.finditer(r"(?:\?|\b\w{2,}\.)\s+(?=\S)", text))
    unit = Unit(article, 0, 0, len(text), direct, text, speaker, "Kellan", verbatim, (0, 0))
    return replace(unit, breaks=breaks if direct else ())


def test_a_direct_quote_ending_in_a_question_mark_is_a_question() -> None:
    assert is_question(_unit("a", "Is that your boat?"))
    assert is_question(_unit("a", "Is that your boat?”"))
    assert not is_question(_unit("a", "I never sold that boat."))
    assert not is_question(_unit("a", "whether he had sold the boat", direct=False))


def test_a_question_and_a_claim_quoted_never_pair() -> None:
    units = [_unit("a0", "Is that your boat in the harbour?"),
             _unit("a1", "That is not my boat in the harbour.")]  # fmt: skip
    assert pair_features(units, LexicalSimilarity()).forbid[0, 1]


def test_two_quotes_of_one_question_pair() -> None:
    units = [_unit("a0", "Is that your boat in the harbour?"),
             _unit("a1", "Is that really your boat in the harbour?")]  # fmt: skip
    assert not pair_features(units, LexicalSimilarity()).forbid[0, 1]


def test_a_question_printed_word_for_word_inside_a_longer_quote_may_pair() -> None:
    units = [_unit("a0", "Is that your boat in the harbour?"),
             _unit("a1", "Is that your boat in the harbour? I never sold it.")]  # fmt: skip
    assert not pair_features(units, LexicalSimilarity()).forbid[0, 1]


def test_a_report_of_a_claim_is_left_to_the_pair_model() -> None:
    units = [_unit("a0", "Is that your boat in the harbour?"),
             _unit("a1", "the boat in the harbour was not his", direct=False)]  # fmt: skip
    assert not pair_features(units, LexicalSimilarity()).forbid[0, 1]


def test_the_rule_forbids_in_place_and_only_mixed_pairs() -> None:
    units = [_unit("a0", "Why now?"), _unit("a1", "Why now?"), _unit("a2", "Now is the time.")]
    forbid = np.zeros((3, 3), dtype=bool)
    forbid_question_answers(units, np.full((3, 3), 0.5), forbid)
    assert forbid[0, 2] and forbid[2, 0] and forbid[1, 2]
    assert not forbid[0, 1]


def test_a_passage_ending_on_a_question_is_no_question() -> None:
    # Another outlet may quote its first sentence alone, which it does not hold word
    # for word: the pair stays with the pair model.
    passage = _unit("a0", "We will find out what happened. What difference does it make now?")
    assert not is_question(passage)
    units = [passage, _unit("a1", "We will find out what happened, and we will say so.")]
    assert not pair_features(units, LexicalSimilarity()).forbid[0, 1]


# Quotes as an outlet prints them (invented), each with its attribution.
_PAGE = (
    "The ferry board met on Monday. "
    '"Did Mr. Brek sell the harbour boat after the 9 a.m. meeting?" a reporter asked. '
    '"Is the U.S. ready for this?" Ana Holt asked. '
    '"Did J. Brek sign it?" Holt asked. '
    '"It is our job to find out. What difference does it make?" Arvid Kellan said. '
    '"Who sold the boat? Who signed for it?" he asked. '
    '"So did I. Why would I not?" Kellan said.'
)


@pytest.fixture(scope="module")
def page() -> StoryMaterial:
    article = Article(
        article_id("Harbour Post", _PAGE), "post.txt", _PAGE, outlet="Harbour Post",
        published=datetime(2031, 3, 4, tzinfo=UTC), language="en",
    )  # fmt: skip
    analysis = next(iter(Analyzer().analyze_many([article])))
    return StoryMaterial(Story("s", "t", (article.id,)), [article], {article.id: analysis})


def _quoted(material: StoryMaterial, text: str) -> Unit:
    """The direct unit of ``text`` on the page, with the analysis's sentence breaks."""
    article = material.articles[0]
    start = article.text.index(text)
    unit = Unit(article.id, 0, start, start + len(text), True, text, None, None,
                (normalize_words(text),), (0, start))  # fmt: skip
    return sentence_breaks(material, [unit])[0]


def test_the_analysis_sentences_decide_what_a_quote_asks(page: StoryMaterial) -> None:
    # A '.' after a title, an abbreviation, a time or an initial ends no sentence.
    assert is_question(
        _quoted(page, "Did Mr. Brek sell the harbour boat after the 9 a.m. meeting?")
    )
    assert is_question(_quoted(page, "Is the U.S. ready for this?"))
    assert is_question(_quoted(page, "Did J. Brek sign it?"))
    assert is_question(_quoted(page, "Who sold the boat? Who signed for it?"))
    # A claim before the question: the passage says more than it asks.
    assert not is_question(
        _quoted(page, "It is our job to find out. What difference does it make?")
    )
    assert not is_question(_quoted(page, "So did I. Why would I not?"))


def test_a_piece_cut_from_a_quote_reads_only_its_own_sentences(page: StoryMaterial) -> None:
    whole = _quoted(page, "It is our job to find out. What difference does it make?")
    cut = whole.breaks[0]
    piece = replace(whole, start=cut, text=whole.text[cut - whole.start :])
    assert is_question(piece)
    assert not is_question(replace(whole, end=cut, text=whole.text[: cut - whole.start]))


@pytest.mark.parametrize("pieces", [True, False])
def test_quote_units_carry_the_analysis_sentence_breaks(page: StoryMaterial, pieces: bool) -> None:
    # Every caller of quote_units (eval/crosscheck.py's pair fitting too) reads a
    # quote's questions by the analysis's sentences, with no sentence_breaks of its own.
    text = page.articles[0].text
    units = {u.text: u for u in quote_units(page, pieces=pieces) if u.direct}
    claim_first = units["It is our job to find out. What difference does it make?"]
    assert claim_first.breaks == (text.index("What difference"),)
    assert not is_question(claim_first)
    assert not is_question(units["So did I. Why would I not?"])
    assert units["Who sold the boat? Who signed for it?"].breaks == (text.index("Who signed"),)
    assert units["Did Mr. Brek sell the harbour boat after the 9 a.m. meeting?"].breaks == ()


def test_an_indirect_unit_gets_no_breaks(page: StoryMaterial) -> None:
    unit = replace(_quoted(page, "So did I. Why would I not?"), direct=False, breaks=())
    assert sentence_breaks(page, [unit])[0].breaks == ()


def test_a_passage_of_questions_only_is_a_question() -> None:
    assert is_question(_unit("a", "Who sold the boat? Who signed for it?"))
    assert not is_question(
        _unit(
            "a",
            "The harbour deal was signed in good faith and it will stand. "
            "Why would we cancel it now?",
        )
    )


def test_a_question_opened_by_a_phrase_is_still_a_question() -> None:
    # An introduction or possessive put first asserts nothing of its own.
    assert is_question(_unit("a", "At last week's board meeting, did you vote to sell the boat?"))
