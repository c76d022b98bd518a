"""A question put to a pronoun ("asked her whether …") and the pronoun that answers it.
Found on real reporting (the BASIL calibration file, issue 12: a representative of no
known gender put a question to a witness as "her", and the witness's "She said:" went to
him), here as invented sentences. Names resolve through the
:class:`tests.test_quotes.FakeNames` cast (Jonas Vell has no gender there)."""

from __future__ import annotations

from spacy.language import Language

from tests.test_quotes import direct, find, nlp, quotes_of

__all__ = ["nlp"]  # the module-scoped spaCy fixture, shared with test_quotes

_HEARING = (
    "Mirela Kostanj, the port's auditor, testified on Monday. “We found no fraud,” she "
    "said.\n\n"
    "Rep. Jonas Vell asked her whether the missing ledgers had been burnt.\n\n"
)


def test_the_pronoun_asked_answers_not_the_asker(nlp: Language) -> None:
    text = _HEARING + "She said: “The ledgers were sent to the archive.”"
    quote = find(direct(quotes_of(nlp, text)), "sent to the archive")
    assert quote.speaker == "Mirela Kostanj"


def test_a_reply_in_between_is_the_last_speaker_not_the_one_asked(nlp: Language) -> None:
    # Ana Marrow answered first: "she" is then the usual rule's, the nearer speaker.
    text = _HEARING + (
        "Ana Marrow said the ledgers were in her office.\n\n"
        "“They were never in the archive,” she said."
    )
    quote = find(direct(quotes_of(nlp, text)), "never in the archive")
    assert quote.speaker == "Ana Marrow"
