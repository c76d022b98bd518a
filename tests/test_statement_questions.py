"""A quoted question is no rendering of a quoted claim (invented quotes, after a wrong
pair on the BASIL calibration gold, issue 12): a question put to the speaker and his
denial share words, but only word-for-word copies of a question render it."""

from __future__ import annotations

import numpy as np

from newsprism.reconcile.questions import forbid_question_answers, is_question
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_units import Unit, normalize_words
from newsprism.reconcile.statements import pair_features


def _unit(article: str, text: str, direct: bool = True, speaker: str = "Arvid Kellan") -> Unit:
    verbatim = (normalize_words(text),) if direct else ()
    return Unit(article, 0, 0, len(text), direct, text, speaker, "Kellan", verbatim, (0, 0))


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


def test_a_dot_after_a_title_or_abbreviation_ends_no_sentence() -> None:
    asks = "Did Mr. Brek sell the harbour boat to the Velmar board last year?"
    assert is_question(_unit("a", asks))
    assert is_question(_unit("a", "Is the U.S. ready for this?"))
    assert is_question(_unit("a", "Mr. Prime Minister, is it true?"))
    assert is_question(_unit("a", "Did J. Brek sign after the 9 a.m. meeting?"))


def test_a_passage_of_questions_only_is_a_question() -> None:
    assert is_question(_unit("a", "Who sold the boat? Who signed for it?"))
    assert not is_question(
        _unit(
            "a",
            "The harbour deal was signed in good faith and it will stand. "
            "Why would we cancel it now?",
        )
    )
    assert not is_question(_unit("a", "So did I. Why would I not?"))


def test_a_question_opened_by_a_phrase_is_still_a_question() -> None:
    # An introduction or possessive put first asserts nothing of its own.
    assert is_question(_unit("a", "At last week's board meeting, did you vote to sell the boat?"))
