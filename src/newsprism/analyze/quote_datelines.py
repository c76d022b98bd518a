"""Datelines that open a paragraph of news (``WASHINGTON —``, ``BRNO (AP) —``,
``KELMAR, Norland (Wirepress) -``), which the parser reads as a clause's subject or as
part of the name after them.

Split out of :mod:`newsprism.analyze.quote_subjects` (which passes over a dateline to
the name that speaks after it); :mod:`newsprism.analyze.quotes` starts a reported
clause after one, and :mod:`newsprism.analyze.speaker_mentions` cuts a mention at its
dash. Tested in ``tests/test_quotes_datelines.py``.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

__all__ = [
    "DATELINE_DASHES",
    "DATELINE_WORDS",
    "after_dateline",
    "is_dateline",
    "is_dateline_dash",
    "past_dateline",
]

DATELINE_DASHES: Final = frozenset({"—", "–", "-", "--"})
# A dateline's words between the place and its dash: a region and an agency's credit
# ("BRNO, South Moravia (Reuters) -" has 6); a longer run is a sentence, not a dateline.
DATELINE_WORDS: Final = 8
_DATELINE_PUNCT: Final = frozenset({",", "(", ")"})


def is_dateline(token: Token) -> bool:
    """An upper-case place before a dash (``WASHINGTON —``, ``BRNO --``), or opening
    its paragraph with a region or an agency's credit before the dash (``BRNO (AP) —``,
    ``BRNO, Moravia (Reuters) -``: the place was taken for the speaker)."""
    doc = token.doc
    if not token.text.isupper() or token.i + 1 >= len(doc):
        return False
    if doc[token.i + 1].text in DATELINE_DASHES:
        return True
    if token.i > 0 and "\n" not in doc[token.i - 1].text:
        return False
    for word in doc[token.i + 1 : token.i + 1 + DATELINE_WORDS]:
        if word.text in DATELINE_DASHES:
            return True
        if word.pos_ != "PROPN" and word.text not in _DATELINE_PUNCT:
            return False
    return False


def after_dateline(token: Token, last: int) -> int:
    """The index after the dash of a dateline opening at ``token`` before ``last``
    (``KELMAR, Norland (Wirepress) - “We will …``: the parser made the place the
    quoted clause's subject), else ``token.i``."""
    if not is_dateline(token):
        return token.i
    doc = token.doc
    end = min(last, token.i + 2 + DATELINE_WORDS)
    dash = next((t.i for t in doc[token.i + 1 : end] if t.text in DATELINE_DASHES), None)
    return token.i if dash is None else dash + 1


def is_dateline_dash(dash: Token) -> bool:
    """Whether a dash ends a dateline (``BRNO -``, ``KELMAR, Norland (Wirepress) -``,
    ``BREAKING NEWS -``): an upper-case word right before it, or a dateline opening the
    paragraph whose first dash it is. A spaced hyphen inside a name ("Ana Holt - Lind")
    is none."""
    doc = dash.doc
    if dash.i == 0:
        return False
    before = doc[dash.i - 1]
    if before.text.isupper() and is_dateline(before):
        return True
    first = dash.i
    while first > 0 and "\n" not in doc[first - 1].text and "\n" not in doc[first - 1].whitespace_:
        first -= 1
    if not is_dateline(doc[first]):
        return False
    return next((t.i for t in doc[first : dash.i] if t.text in DATELINE_DASHES), None) is None


def past_dateline(words: list[Token]) -> list[Token]:
    """The paragraph's words after a dateline opening it (``BRNO (AP) — Mayor …``)."""
    if not words or not is_dateline(words[0]):
        return words
    dash = next((k for k, t in enumerate(words) if t.text in DATELINE_DASHES), -1)
    return words[dash + 1 :]
