"""A speech verb under a refusal reports nothing: "declined to say whether the captain
was drunk" is no statement that the captain was drunk (review s34 F8), as "did not say
whether …" is none; nor is "will confirm whether …", a question left open by a verb
that does not ask. A refusal beside the statement, or a willing one, still lets it
through. Every sentence is invented."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_quotes import nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Varga refused to speculate that the skipper was drunk.",
        "Ilse Varga declined to speculate whether the skipper was drunk.",
        "Ilse Varga declined to say whether the skipper was drunk.",
        "Ilse Varga refused to confirm that the skipper was drunk.",
        "Ilse Varga did not want to say that the skipper was drunk.",
        "Ilse Varga was unwilling to say whether the skipper was drunk.",
        "Ilse Varga was reluctant to confirm that the skipper was drunk.",
        "Ilse Varga avoided saying that the skipper was drunk.",
        "Ilse Varga will say on Monday whether the skipper was drunk.",  # an open question
        "Ilse Varga will confirm whether the skipper was drunk.",
    ],
)
def test_a_refused_speech_verb_reports_nothing(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Varga refused to comment, but said the skipper was drunk.",
        "Ilse Varga, who refused to resign, said the skipper was drunk.",
        "Ilse Varga did not hesitate to say that the skipper was drunk.",
        "Ilse Varga declined to speculate, saying the skipper was drunk.",
        "Ilse Varga asked whether the skipper was drunk.",  # the question put is reported
        "Ilse Varga wondered if the skipper was drunk.",
    ],
)
def test_a_refusal_beside_the_statement_keeps_it(nlp: Language, text: str) -> None:
    found = quotes_of(nlp, text)
    assert [q.text for q in found] == ["the skipper was drunk"]
