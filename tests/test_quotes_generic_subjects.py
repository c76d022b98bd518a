"""A conjecture with a bare plural for subject ("Scientists have long theorized that
…") is a field's belief, not a statement anyone in the story made: no unit. The same
verb with someone in particular ("the scientists", "scientists at Vell University",
a named person) reports speech; a generic plural with a verb of saying ("Critics
say …") keeps its unit with no resolved speaker (the mention stays as written).
Invented text; the cast is :class:`tests.test_quotes.FakeNames`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import find, indirect, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


@pytest.mark.parametrize(
    "text",
    [
        "Scientists have long theorized that the lake is older than the town.",
        "Some geologists have speculated that the lake is older than the town.",
        "Many historians hypothesize that the lake is older than the town.",
    ],
)
def test_a_fields_conjecture_is_no_statement(nlp: Language, text: str) -> None:
    assert not indirect(quotes_of(nlp, text))


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        ("The scientists theorized that the lake is older than the town.", None, "The scientists"),
        ("Edvin Rask theorized that the lake is older than the town.", "Edvin Rask", "Edvin Rask"),
        ("Critics have long argued that the lake is older than the town.", None, "Critics"),
    ],
)
def test_someone_in_particular_or_a_verb_of_saying_keeps_the_unit(
    nlp: Language, text: str, speaker: str | None, mention: str
) -> None:
    quote = find(indirect(quotes_of(nlp, text)), "the lake is older than the town")
    assert quote.speaker == speaker
    assert quote.speaker_mention == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (
            "Investigators speculated that the blaze began in the bakery's storeroom.",
            "Investigators",
        ),
        ("Analysts speculated that the Velmar central bank would lift rates in June.", "Analysts"),
        ("Police speculated that the driver had fled on foot.", "Police"),
        ("Officials have speculated that the dyke was weakened by the storm.", "Officials"),
        ("Residents speculated that the smell came from a broken sewer.", "Residents"),
        (
            "Researchers speculated that the Tarnow outbreak began at the fish market.",
            "Researchers",
        ),
    ],
)
def test_the_storys_own_people_keep_their_conjecture(
    nlp: Language, text: str, mention: str
) -> None:
    # Review s35 r1 F5: a bare plural is most often people of the story, not a field;
    # only a research field's standing belief ("have long theorized") is dropped.
    quotes = indirect(quotes_of(nlp, text))
    assert len(quotes) == 1
    assert quotes[0].speaker is None
    assert quotes[0].speaker_mention == mention
