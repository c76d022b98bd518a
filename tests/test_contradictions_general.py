"""Contradiction classes the finder catches by structure rather than by one wording
(reconcile/rivals.py, clauses.py, discrepancies.py through find_discrepancies), on
invented articles: a participle's doer under a passive, a contest told both ways, one
office taken by two people, an antonym whose object is the other side's setting, a
negative implicative ("failed to"), an irregular past ("paid"); and the look-alikes that
are no contradiction (a person's own denial against a narration among them, an aim, a
contention, a denied complement)."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.clauses import english_parser, implied_denials, irregular_forms
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_contradictions_day_names import undated
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _kinds(analyzer: Analyzer, texts: list[str]) -> list[str]:
    material = invented(analyzer, texts)
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    return [d.kind for d in found]


CONTRADICTIONS = [
    (
        "John Miller was elected chair of the caucus, defeating David Brown.",
        "Robert Smith was elected chair of the caucus, defeating David Brown.",
        "actor",
    ),
    (
        "John Miller beat Robert Smith in the runoff.",
        "Robert Smith beat John Miller in the runoff.",
        "actor",
    ),
    (
        "John Miller became chair of the caucus.",
        "Robert Smith became chair of the caucus.",
        "actor",
    ),
    (
        "John Miller was sworn in as mayor of Portland.",
        "Robert Smith was sworn in as mayor of Portland.",
        "actor",
    ),
    (
        "John Miller was appointed as chair of the caucus.",
        "Robert Smith became chair of the caucus.",
        "actor",
    ),
    (
        "The harbour levy bill passed the Senate.",
        "The harbour levy bill failed in the Senate.",
        "negation",
    ),
    # A passive with its doer named is the active: one bill approved and rejected.
    (
        "The harbour levy bill was approved by the Senate.",
        "The Senate rejected the harbour levy bill.",
        "negation",
    ),
    # Called off for good / only put off.
    (
        "The council called off the harbour festival.",
        "The council put off the harbour festival until June.",
        "negation",
    ),
    # Where a person lives, told in a relative clause or before the name.
    (
        "Mary Miller, who lives in Seattle, posted the photo.",
        "Mary Miller, who lives in Tacoma, posted the photo.",
        "actor",
    ),
    # Two workplaces ("-based" is where one works or is based).
    (
        "Seattle-based lawyer Mary Miller posted the photo.",
        "Mary Miller, who works in Tacoma, posted the photo.",
        "actor",
    ),
    (
        "John Miller, who lives in Seattle, posted the photo.",
        "John Miller, a Portland nurse, posted the photo.",
        "actor",
    ),
    (
        "Seattle-based nurse Mary Miller received the photo.",
        "Mary Miller, a nurse in Portland, received the photo.",
        "actor",
    ),
    (
        "The ferry union failed to reach an agreement with the operator.",
        "The ferry union reached an agreement with the operator.",
        "negation",
    ),
    (
        "The company has never paid taxes in Ohio.",
        "The company paid taxes in Ohio last year.",
        "negation",
    ),
    # A relative pronoun stands for its noun: the report was, and was not, made public.
    (
        "The harbour council report, which has not been made public, criticised the port.",
        "The harbour council report was made public on Wednesday.",
        "negation",
    ),
    # Heard from at a time, against not heard from since: no "last" on the assertion.
    (
        "The ferry captain Ole Varga has not been heard from since, his family said.",
        "The ferry captain Ole Varga had been heard from at 9:40 p.m. on the radio.",
        "negation",
    ),
    # One deed told by two verbs of it (date_discrepancies.DEED_SYNONYMS).
    (
        "The Sarnow harbour safety report has not been published.",
        "The Sarnow harbour safety report was released on Wednesday.",
        "negation",
    ),
    (
        "Harbour master Ana Holt did not resign from the Sarnow port board.",
        "Harbour master Ana Holt quit the Sarnow port board.",
        "negation",
    ),
    # Two outlets' accounts of what one person said of his own deed.
    (
        "John Miller said he had not received the revised treaty text.",
        "John Miller said he had received the revised treaty text.",
        "negation",
    ),
]


# Controls of the look-alikes below: asserted, the complement on both sides, said.
CONTRADICTIONS += [
    (
        "The blaze did not spread to the Kelmar library, officials said.",
        "Strong winds meant the blaze spread to the Kelmar library before dawn.",
        "negation",
    ),
    (
        "The Ardmoor club's bid for the striker was never made public.",
        "The Ardmoor club's bid for the striker was made public on Monday.",
        "negation",
    ),
    (
        "Police said the break-in at the Kelmar depot did not happen.",
        "The break-in at the Kelmar depot happened shortly after midnight.",
        "negation",
    ),
]


# Review s35 r1 F7: "insisted" is no distancing verb, and an infinitive of result
# ("returned ... to find that") is no aim; both still tell what the other side denies.
CONTRADICTIONS += [
    (
        "A man was shot by guards outside the Dravik depot on Friday. The depot chief "
        "insisted the man had not fired at the guards.",
        "A man was shot by guards outside the Dravik depot on Friday. The man fired at "
        "the guards before he was hit.",
        "negation",
    ),
    (
        "The mayor returned to Dravik on Sunday to find that the flood gate had not been closed.",
        "The flood gate had been closed on Saturday, the harbour board said.",
        "negation",
    ),
]


@pytest.mark.parametrize(("one", "other", "kind"), CONTRADICTIONS)
def test_found(analyzer: Analyzer, one: str, other: str, kind: str) -> None:
    assert _kinds(analyzer, [one, other]) == [kind]


LOOK_ALIKES = [
    # A member is one of many; "the target of criticism" is no office of one body.
    ("John Miller became a member of the caucus.", "Robert Smith became a member of the caucus."),
    ("John Miller became the target of criticism.", "Robert Smith became the target of criticism."),
    # Swearing to a thing is no office taken.
    (
        "John Miller swore he had never met Robert Smith.",
        "Robert Smith swore he had never met John Miller.",
    ),
    # Two bodies, two offices.
    ("John Miller became chair of the caucus.", "Robert Smith became chair of the committee."),
    # An article naming both holders may tell of a predecessor.
    (
        "John Miller became chair of the caucus in 2003. Robert Smith succeeded him.",
        "Robert Smith became chair of the caucus.",
    ),
    # Dated apart, two holders of one office are a succession (and "chair" is what
    # each became, no participant the two elections share).
    (
        "John Miller was elected chair of the caucus in 2015.",
        "Robert Smith was elected chair of the caucus in 2021.",
    ),
    # Two offices: not becoming one is no denial of becoming the other.
    (
        "John Miller was not elected chair of the caucus.",
        "John Miller was elected treasurer of the caucus.",
    ),
    # Two contests.
    (
        "John Miller beat Robert Smith in the runoff.",
        "Robert Smith beat John Miller in the primary.",
    ),
    ("The harbour levy bill passed the Senate.", "The harbour levy bill failed in the House."),
    # A refusal may be followed by signing a revised text; a forecast is no outcome.
    (
        "Governor John Miller refused to sign the harbour levy bill.",
        "Governor John Miller signed the harbour levy bill.",
    ),
    (
        "The ferry union may fail to reach an agreement with the operator.",
        "The ferry union reached an agreement with the operator.",
    ),
    # A failure in one round, an agreement after another: two attempts.
    (
        "Negotiators failed to reach a deal in the first round.",
        "Negotiators reached a deal after a second round of talks.",
    ),
    (
        "The ferry union failed to reach an agreement with the operator in March.",
        "The ferry union eventually reached an agreement with the operator.",
    ),
    (
        "The ferry union did not fail to reach an agreement with the operator.",
        "The ferry union reached an agreement with the operator.",
    ),
    (
        "The harbour levy bill was approved by the Senate.",
        "The House rejected the harbour levy bill.",
    ),
    # A former home, a birthplace.
    (
        "John Miller, who lived in Seattle, posted the photo.",
        "John Miller, a Portland nurse, posted the photo.",
    ),
    (
        "Seattle-based nurse Mary Miller received the photo.",
        "Mary Miller, a nurse who grew up in Portland, received the photo.",
    ),
    # A home and a workplace are two attributes: one may live in one town, work in another.
    (
        "Mary Miller, who lives in Seattle, posted the photo.",
        "Mary Miller, who works in Tacoma, posted the photo.",
    ),
    (
        "Seattle-based lawyer Mary Miller posted the photo.",
        "Mary Miller, who lives in Tacoma, posted the photo.",
    ),
    # What took place is asked, not told; "the idea that" holds a proposition.
    (
        "Nothing improper took place at the harbour board meeting.",
        "Much intrigue has surrounded what actually took place at the harbour board meeting.",
    ),
    (
        "John Miller never served in the navy.",
        "The idea that John Miller served in the navy became part of his biography.",
    ),
    # Made public: the cable and the e-mails are two things (the relative pronoun is the
    # cable, "public" no participant).
    (
        "One warning was a State Department cable, which has not been made public.",
        "The e-mails were made public on Wednesday.",
    ),
    # One's own denial of a deed against an outlet's narration of it: a dispute reported.
    (
        "John Miller said he is certain he did not send the photo to the student.",
        "The photo was sent to the student by John Miller last weekend.",
    ),
    # Another report released; another board quit.
    (
        "The Sarnow harbour safety report has not been published.",
        "The Kelmar school budget report was released on Wednesday.",
    ),
    (
        "Harbour master Ana Holt did not resign from the Sarnow port board.",
        "Harbour master Ana Holt quit the Kelmar school board.",
    ),
    # Not heard from since, and heard from last at a time: one thing told both ways.
    (
        "The ferry captain Ole Varga has not been heard from since, his family said.",
        "The ferry captain Ole Varga had last been heard from at 9:40 p.m. on the radio.",
    ),
    (
        "The ferry captain Ole Varga has not been seen, his family said.",
        "The ferry captain Ole Varga was last seen at 9:40 p.m. on the harbour wall.",
    ),
    # A purpose infinitive tells an aim, not what happened (nor what lies under it).
    (
        "Crews worked through the night to ensure that the blaze did not spread to the "
        "Kelmar library.",
        "Strong winds meant the blaze spread to the Kelmar library before dawn.",
    ),
    # "Made public" carries its claim in "public": not making the bid public denies
    # nothing of making the bid.
    (
        "The Ardmoor club met the striker privately, and its bid was never made public.",
        "The Ardmoor club made its bid for the striker at the winter meetings.",
    ),
    # A contention the outlet keeps its distance from ("claimed") is a dispute reported,
    # against a narration or against another's account.
    (
        "Mira Olsen later claimed the break-in at the Kelmar depot did not happen.",
        "The break-in at the Kelmar depot happened shortly after midnight.",
    ),
    (
        "Mira Olsen later claimed the break-in at the Kelmar depot did not happen.",
        "The break-in at the Kelmar depot happened shortly after midnight, police said.",
    ),
    # "So as to" and "in order to" mark an aim under any verb.
    (
        "Crews came back at night so as to ensure that the blaze did not spread to the "
        "Kelmar library.",
        "Strong winds meant the blaze spread to the Kelmar library before dawn.",
    ),
    (
        "Crews came back at night in order to ensure that the blaze did not spread to "
        "the Kelmar library.",
        "Strong winds meant the blaze spread to the Kelmar library before dawn.",
    ),
]


# Seen on ECB+ (no gold; read for precision): "had yet to" tells it was not done, and a
# denial of telling why is no denial of telling that.
LOOK_ALIKES += [
    (
        "The skipper Ole Varga had not yet regained consciousness and was on a ventilator.",
        "The skipper Ole Varga had yet to regain consciousness Wednesday and was on a "
        "ventilator, the harbour board said.",
    ),
    (
        "In 2005, Ivo Marek revealed that he was the clerk who had leaked the ledger to the "
        "Tarnby Courier.",
        "Ivo Marek never revealed why he leaked the ledger to the Tarnby Courier.",
    ),
]
LOOK_ALIKES += [
    (
        "The new Tarnby rules don't require harbour agencies to consult the fishery board "
        "before approving projects.",
        "Previously, harbour agencies were required to consult the fishery board before "
        "approving projects.",
    ),
]
NOT_YET = (
    "Results of the skipper Ole Varga's blood test have not been released by the harbour police."
)
RELEASED_WEDNESDAY = (
    "Results of the skipper Ole Varga's blood test were released by the harbour police on "
    "Wednesday."
)


def test_not_yet_against_a_later_day_on_undated_pages(analyzer: Analyzer) -> None:
    """ "Have not been released" tells the state when the page was written; "were
    released Wednesday" may be a later day: on undated pages (seen on ECB+) which came
    first is unknown, so no clash. Dated pages whose Wednesday falls by the denial's day
    still clash."""
    material = undated(analyzer, [NOT_YET, RELEASED_WEDNESDAY])
    assert [d.kind for d in find_discrepancies(material, [], LexicalSimilarity())] == []
    assert _kinds(analyzer, [NOT_YET, RELEASED_WEDNESDAY]) == ["negation"]


CONTROLS = [
    # Asking the same thing both ways still clashes.
    (
        "Ivo Marek revealed why he leaked the ledger to the Tarnby Courier, the paper said.",
        "Ivo Marek never revealed why he leaked the ledger to the Tarnby Courier.",
    ),
    (
        "The new Tarnby rules don't require harbour agencies to consult the fishery board "
        "before approving projects.",
        "The new Tarnby rules require harbour agencies to consult the fishery board before "
        "approving projects.",
    ),
    (
        "Results of the skipper Ole Varga's blood test have not been released by the "
        "harbour police.",
        "Results of the skipper Ole Varga's blood test were released by the harbour police.",
    ),
    (
        "The skipper Ole Varga regained consciousness on the ferry and was taken ashore.",
        "The skipper Ole Varga did not regain consciousness on the ferry and was taken ashore.",
    ),
]


@pytest.mark.parametrize(("one", "other"), CONTROLS)
def test_the_same_question_or_deed_still_clashes(analyzer: Analyzer, one: str, other: str) -> None:
    assert _kinds(analyzer, [one, other]) == ["negation"]


@pytest.mark.parametrize(("one", "other"), LOOK_ALIKES)
def test_not_found(analyzer: Analyzer, one: str, other: str) -> None:
    assert _kinds(analyzer, [one, other]) == []


def test_implied_denials_name_the_infinitive() -> None:
    doc = english_parser()("The ferry union failed to reach an agreement.")
    assert [(p.lemma_, i.lemma_) for p, i in implied_denials(doc)] == [("reach", "fail")]
    assert implied_denials(english_parser()("The union wants to reach an agreement.")) == []


def test_irregular_forms_come_from_the_lemmatizer() -> None:
    assert {"paid"} <= irregular_forms("pay")
    assert {"won"} <= irregular_forms("win")
    assert irregular_forms("walk") == frozenset()
