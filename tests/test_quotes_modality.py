"""Speech verbs under a question, a condition or a modal of possibility report no words
said (analyze/quote_modality.py): "Would Holt call the levy a tax?" and "Holt could call
the levy a tax, but she has not" credit Holt with nothing; the future in the past ("he
would say later that ...") and a future report ("will say on Friday that ...") stay
statements, as does a modal inside the reported clause. Invented text; names resolve
through the :class:`tests.test_quotes.FakeNames` cast."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import assert_offsets, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

NOT_SAID = [
    # Questions: every reader (a name, a clause, an object) over the verb.
    "Would Ana Holt call the ferry levy a tax?",
    "Will the mayor say the harbour is safe?",
    "Did Edvin Rask tell the crew that the ferry would stop?",
    "When will Ana Holt announce that the ferry levy is going up?",
    "Could the minister claim that the port is safe after the storm?",
    # Modals of possibility, ability, duty.
    "Ana Holt could call the ferry levy a tax, but she has not.",
    "The mayor might say that the harbour is safe.",
    "Edvin Rask may have told the crew that the ferry would stop.",
    "The minister should announce that the port will reopen.",
    "Ana Holt can claim that the budget is balanced.",
    "The harbour board must confirm that the ferry is safe.",
    # A condition or a counterfactual on "would".
    "If asked, Ana Holt would say that the ferry levy is a tax.",
    "Ana Holt would say the ferry levy is a tax if anyone asked her.",
    "Edvin Rask would have said that the harbour was safe.",
    # The modal on the verb the speech verb completes or is joined to.
    "Ana Holt could try to call the ferry levy a tax on the poor.",
    "The mayor might resign and say that the harbour is unsafe.",
    # "could" with a perfect: nothing said.
    "Edvin Rask could have told the crew that the ferry would stop.",
    # A first person's hedge is can/must only.
    "We might say that the ferry is safe.",
    # "could" with a time ahead: a possibility (s42/1 S2); "next" without a determiner.
    "The minister could announce as early as Friday that the ferry service will end.",
    "Ana Holt could tell the council next week that the levy is a tax.",
    "Edvin Rask could confirm tomorrow that the harbour is closed.",
    # A "but" clause that denies the act itself, by name or by an auxiliary.
    "Ana Holt could call the levy a tax, but she did not call it one.",
    "Edvin Rask could confirm that the ferry sank, but he has not yet.",
    # The same subject again, or a repeated verb whose object points back (s42/4 S5).
    "The harbour board could confirm the closure, but the harbour board has not.",
    "Edvin Rask could say that the levy is a tax, but he did not say so.",
    # A time ahead keeps a reported past a possibility too (s42/4 S4).
    "Edvin Rask could confirm next month that the ferry had been sold.",
    # "the next ..." inside a prepositional phrase looks ahead as "next week" does (s43/2 S2).
    "Police could confirm in the next few days that the ferry had been sold.",
    "Ana Holt could confirm at the next hearing that the ferry had been sold.",
    "The mayor could tell residents at the next council meeting that the levy had been cut.",
    "The board could announce within the next week that the port is closed.",
    # "the next ..." on an object that is no time is whom the act is aimed at (s43/4 S6)
    "The mayor could tell the next council meeting that the levy had been cut.",
    "Ana Holt could brief the next ferry board that the pier had been sold.",
]


@pytest.mark.parametrize("text", NOT_SAID, ids=[t[:40] for t in NOT_SAID])
def test_no_statement_from_a_speech_verb_that_says_nothing(nlp: Language, text: str) -> None:
    assert [q.text for q in quotes_of(nlp, text)] == []


SAID = [
    # The future in the past: what he went on to say.
    ("Edvin Rask would say later that the harbour was safe.", "the harbour was safe"),
    # A future report (a prepared speech's released text): kept, documented.
    ("Ana Holt will say on Friday that the ferry levy is a tax.", "the ferry levy is a tax"),
    # A question that takes the act as given.
    ("Why did Ana Holt say the harbour was safe?", "the harbour was safe"),
    # A modal inside the reported clause is the clause's own.
    ("Ana Holt said the ferry could stop running in May.", "the ferry could stop running in May"),
    ("Edvin Rask warned that the port might close.", "the port might close"),
    # A first person's modal over their own words is a hedged saying.
    ("I can tell you that the harbour is safe, Ana Holt told reporters.", "the harbour is safe"),
    ("We can confirm that the ferry will stop, the harbour board said.", "the ferry will stop"),
    # A perfect without "would" is said.
    ("Ana Holt has called the ferry levy a tax on the poor.", "the ferry levy a tax on the poor"),
    # A condition inside a clause that has its own modal: the verb's words stand.
    (
        "Edvin Rask would say later that the port would close if the storm hit.",
        "the port would close if the storm hit",
    ),
    # A joined verb with its own helper, or joined by "but", keeps its own mood (s41/3 S1).
    ("Ana Holt could not name the victim but did say that she was 34.", "she was 34"),
    ("Edvin Rask could not give details but did confirm that two people died.", "two people died"),
    (
        "The minister can't discuss the case, but will say that the port is safe.",
        "the port is safe",
    ),
    # Past ability: "could" over the speech verb itself reports an act that happened.
    ("Ana Holt could confirm on Tuesday that the ferry had sunk.", "the ferry had sunk"),
    ("Police could only confirm that two people had died.", "two people had died"),
    # An "if" opening inside the reported clause is not a condition on "would".
    (
        "Edvin Rask would say later that if the ferry stops, the island dies.",
        "the ferry stops, the island dies",
    ),
    # Nor is any "if" in the reported clause of a saying the narration dates (s42/1 S8).
    (
        "Edvin Rask would say later that the island dies if the ferry stops.",
        "the island dies if the ferry stops",
    ),
    (
        "Ana Holt would tell the inquiry in May that the crew is safe if the pumps work.",
        "the crew is safe if the pumps work",
    ),
    # A "but" clause denying another deed leaves a past-ability "could" said (s42/1 S6).
    (
        "Police could confirm that two people had died, but did not release their names.",
        "two people had died",
    ),
    (
        "Ana Holt could confirm on Tuesday that the ferry had sunk, but the crew had not "
        "been found.",
        "the ferry had sunk",
    ),
    (
        "Edvin Rask could only confirm that the ferry had sunk but said he did not know why.",
        "the ferry had sunk",
    ),
    # A limiter keeps a "could" over a reported future past ability.
    (
        "Police could only confirm that the coast road will stay shut.",
        "the coast road will stay shut",
    ),
    # A reported future or a past time on the verb is past ability (s42/4 S4).
    (
        "Police could confirm that the coast road will reopen on Monday.",
        "the coast road will reopen on Monday",
    ),
    (
        "Ana Holt could confirm on Tuesday that the ferry will stop in May.",
        "the ferry will stop in May",
    ),
    ("The coastguard could confirm the next day that the ferry had sunk.", "the ferry had sunk"),
    ("Police could confirm the next morning that two people had died.", "two people had died"),
    ("Police could tell the crew the next evening that the pier was safe.", "the pier was safe"),
    ("Edvin Rask could confirm yesterday that the port will reopen.", "the port will reopen"),
    # A "but" clause about another subject is the reported words' own contrast (s42/4 S5).
    (
        "Police could confirm that the driver was hurt, but the passenger was not.",
        "the driver was hurt",
    ),
    ("Ana Holt could confirm that the ferry had sunk, but the crew had not.", "the ferry had sunk"),
    # "but she was not" stands for the reported clause, never for a speech act (s43/2 S5).
    (
        "Ana Holt could confirm that her husband was hurt, but she was not.",
        "her husband was hurt",
    ),
    (
        "The driver could confirm that two passengers were hurt, but he was not.",
        "two passengers were hurt",
    ),
    # A first person's can/must over any speech verb is a hedged saying (s42/1 M1).
    ("I can assure the crew that the ferry is safe, Ana Holt told reporters.", "the ferry is safe"),
    ("We can report that two people have died, the coastguard said.", "two people have died"),
]


@pytest.mark.parametrize(("text", "words"), SAID, ids=[t[0][:40] for t in SAID])
def test_said_and_to_be_said_stay_statements(nlp: Language, text: str, words: str) -> None:
    found = [q for q in quotes_of(nlp, text) if q.text == words]
    assert found, [q.text for q in quotes_of(nlp, text)]
    assert not found[0].direct
    assert_offsets(text, found)


def test_a_future_could_inside_a_report_credits_nothing(nlp: Language) -> None:
    """Officials' words are kept; the board's possible confirmation is no statement of the
    board's (s42/1 S2)."""
    text = "The harbour board could confirm next week that the port will reopen, officials said."
    assert "the port will reopen" not in [q.text for q in quotes_of(nlp, text)]


def test_the_same_verb_denied_on_another_matter_leaves_the_act_said(nlp: Language) -> None:
    """Police confirmed the deaths and withheld the names: the repeated speech verb has
    an object of its own, another act, not a denial of the first (s42/4 S5)."""
    text = "Police could confirm that two people had died but did not confirm their names."
    assert any(q.text.startswith("two people had died") for q in quotes_of(nlp, text))


def test_a_first_persons_denied_could_is_no_statement(nlp: Language) -> None:
    """The first person's hedge ("we can confirm") does not cover a "could" the next
    clause denies: the board said it will not say so (s41/3 S1)."""
    text = "We could say the ferry is safe, but we will not, the harbour board said."
    assert "the ferry is safe" not in [q.text for q in quotes_of(nlp, text)]
