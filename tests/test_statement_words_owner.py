"""A quote whose only attribution is a mention of someone's own words ("Rask's
statement said ...", "according to Holt's letter") is that person's (issue 12: the
analysis leaves such a quote without a speaker, so it could join anyone's words on the
unresolved threshold and showed no speaker). Names and events are invented."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.speaker_names import owner_of_words, words_of_another
from newsprism.reconcile.statement_units import Unit, quote_units

NAMES = StoryNames(
    {"joren vass": "Joren Vass", "vass": "Joren Vass", "harbour police": "Harbour Police"},
    {"Joren Vass": "PERSON", "Harbour Police": "ORG"},
)

_PAGE = (
    "Arvid Kellan runs the ferry board in Kelmar. Ana Holt leads the dock union. "
    "Kellan's statement said the board had no money left for the dock. "
    "Mr. Kellan’s apology noted his family's long history on the water. "
    "Kellan's comments came as Holt left the harbour, saying the talks were over. "
    # A document that passes on someone's words (review 2, stop 39): the inner clause
    # is the cited person's, the document says none of it.
    "Kellan's letter cited Holt's warning that the dock would close in May. "
    "Kellan's memo noted the mayor's promise that fares would stay low. "
    "Kellan's letter repeated Holt's threat of a strike in the first week of June. "
    "Kellan's report cited a warning that the cranes would fail by winter. "
    # Look-alikes: the document's own words.
    "Holt's statement said the union would strike in the spring. "
    "Kellan's letter warned that the ferry would stop at the end of March. "
    "Kellan's memo repeated that the board had no money for new cranes."
)


def test_a_possessive_of_someones_own_words_names_them() -> None:
    assert owner_of_words("Mr. Vass's statement", NAMES) == "Joren Vass"
    assert owner_of_words("Joren Vass’s written apology", NAMES) == "Joren Vass"
    assert owner_of_words("the Harbour Police's letter", NAMES) == "Harbour Police"


def test_a_possessive_of_others_or_of_no_words_names_no_one() -> None:
    # An office or a campaign speaks for the person (speaker_offices weighs that);
    # a name the roster lacks, or a possessive of no words, is no one.
    for written in ("Vass's office", "Vass's campaign", "Vass's boat", "Mira Tolk's letter"):
        assert owner_of_words(written, NAMES) is None
    assert owner_of_words(None, NAMES) is None


@pytest.fixture(scope="module")
def units() -> list[Unit]:
    article = Article(
        article_id("Kelmar Post", _PAGE), "post.txt", _PAGE, outlet="Kelmar Post",
        published=datetime(2031, 3, 4, tzinfo=UTC), language="en",
    )  # fmt: skip
    analysis = next(iter(Analyzer().analyze_many([article])))
    material = StoryMaterial(Story("s", "t", (article.id,)), [article], {article.id: analysis})
    return quote_units(material)


def _speaker(units: list[Unit], text: str) -> str | None:
    return next(u.speaker for u in units if u.text.startswith(text))


def test_the_words_owner_next_to_the_reporting_verb_speaks(units: list[Unit]) -> None:
    assert _speaker(units, "the board had no money") == "Arvid Kellan"
    assert _speaker(units, "his family's long history") == "Arvid Kellan"


def test_a_possessive_far_from_the_reporting_verb_names_no_one(units: list[Unit]) -> None:
    # "Kellan's comments came as Holt left ..., saying ...": Holt says it, not Kellan.
    assert _speaker(units, "the talks were over") != "Arvid Kellan"


def test_content_opening_with_anothers_words_is_cited() -> None:
    assert words_of_another("Vass's warning that the pier was unsafe", "Harbour Police", NAMES)
    assert words_of_another("the harbour master's claim that it sank", "Joren Vass", NAMES)
    assert words_of_another("Mira Tolk's threat of a strike", "Joren Vass", NAMES)
    # The owner's own earlier words, a contraction, or no words named: not cited.
    assert not words_of_another("Vass's earlier warning that it sank", "Joren Vass", NAMES)
    assert not words_of_another("there's no promise that it will reopen", "Joren Vass", NAMES)
    assert not words_of_another("the pier's owners had been warned", "Joren Vass", NAMES)


def test_a_document_passing_on_anothers_words_does_not_say_them(units: list[Unit]) -> None:
    assert _speaker(units, "Holt's warning that the dock would close") is None
    assert _speaker(units, "the mayor's promise that fares") is None
    assert _speaker(units, "Holt's threat of a strike") is None
    assert _speaker(units, "a warning that the cranes would fail") is None
    # The clause inside the cited warning stays the cited person's (the analysis's).
    dock = [u.speaker for u in units if u.text.startswith("the dock would close in May")]
    assert "Arvid Kellan" not in dock


def test_a_documents_own_words_stay_its_owners(units: list[Unit]) -> None:
    # (The roster names her as the page does; which form is the roster's business.)
    assert "Holt" in (_speaker(units, "the union would strike in the spring") or "")
    assert _speaker(units, "the ferry would stop at the end of March") == "Arvid Kellan"
    assert _speaker(units, "the board had no money for new cranes") == "Arvid Kellan"
