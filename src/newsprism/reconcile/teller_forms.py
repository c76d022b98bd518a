"""One body named in other words, and a body written as its kind alone, as tellers of
unresolved units (for :func:`~newsprism.reconcile.statement_speakers.described_alike`).

Outlets name one institution differently: "the Israeli military" / "the army", "the
armed forces"; "the administration" / "White House officials"; "police" / "the police
department"; and credit it through a document ("according to the army's assessment").
The teller words of a mention (its words of three letters or more, no stop word, no
generic word such as "officials" or "spokesman") are read in one form
(:func:`canonical_words`): a country's armed forces are "army" ("military", "armed
forces", "defence forces"), a government's executive is "administration" ("White
House"), and a body's kind word after a kind noun is dropped ("police department",
"police force" -> "police"). Words before the institution still tell sides apart:
"the Norlani army" and "the Varesian military" stay two tellers.

A mention of the kind alone ("the army", "Police said") may be any body of that kind,
so it was alike with another kind-only mention only (review s37: another town's
police). :func:`lone_kind` lets it join the one qualified teller of that kind the
story's unresolved mentions name ("the Norlani army" and "the army's assessment"),
where every qualified mention of the kind in the story is that one teller and no
resolved speaker's name holds the kind word (a named force, "Dunmore Harbour Police":
a kind-only mention stays apart from it, see
:func:`~newsprism.reconcile.statement_speakers.names_the_kind`). Two qualified tellers
("Norlani police", "Varesian police") leave the kind-only mention with neither. Being
alike only weighs the pair as two resolved speakers (the wording must still reach the
``unresolved`` threshold); it forbids nothing. Initials of two letters qualify a body
too (:func:`short_qualifiers`: "U.S. military officials" is no lone "military").

Measured (``--cache``, analysis 46, lexical, same runs, statement pairs P / R): Multi-News
dev2 1.000 / 0.545 -> 1.000 / 0.591 (a country's military and "the army's assessment"
joined on one account of a shooting); BASIL calibration 0.979 / 0.791, development
0.972 / 0.708 and Multi-News development 0.976 / 0.543 unchanged; exclusives unchanged
on all four.

An unnamed source (:func:`unnamed_source`: "a police source", "party insiders",
"people familiar with the talks") has no teller: it speaks for nobody named, and "a
court source" and "court sources" may be two sides of a case, so its units pair on
wording alone (issue 12's brief). Measured the same way: all four development files
identical, pair by pair (their gold has no pair of such mentions that the bonus joined).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from typing import Final

logger = logging.getLogger(__name__)

__all__ = ["canonical_words", "lone_kind", "short_qualifiers", "unnamed_source"]

# One word for one institution's other names (a word run -> its form).
_FORMS: Final = {
    ("military",): "army",
    ("armed", "forces"): "army",
    ("armed", "force"): "army",
    ("defence", "forces"): "army",
    ("defense", "forces"): "army",
    ("white", "house"): "administration",
}
# Words after a body's name that still give the body's voice: its officials, its
# spokespeople, its statements.
_VOICES: Final = frozenset({
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokesmen",
    "statement", "statements", "assessment", "announcement",
})  # fmt: skip
# What an unnamed source's mention says of it: the noun, or how it knows.
_UNNAMED_SOURCE: Final = re.compile(
    r"(?i)(?<![\w-])(?:sources?|insiders?|familiar\s+with|close\s+to|briefed\s+on"
    r"|(?:with\s+)?knowledge\s+of|not\s+authori[sz]ed|condition\s+of\s+anonymity)(?![\w-])"
)
# Two-letter initials written in capitals: "U.S.", "UK", "EU".
_SHORT_INITIALS: Final = re.compile(r"(?<![\w.])(?:[A-Z]\.[A-Z]\.|[A-Z]{2})(?![\w])")
# A body's kind word after a kind noun says nothing more ("police department").
_KIND_SUFFIXES: Final = frozenset({"department", "dept", "service", "force"})
_KIND_NOUNS: Final = frozenset({"police"})


def canonical_words(words: Sequence[str]) -> list[str]:
    """Case-folded content words of a mention with one institution's other names in one
    form (see the module doc), in order. A name takes its form only where it ends the
    mention or a word of its voice follows (:data:`_VOICES`: "military officials", "the
    army's assessment"): "military analysts" and "White House reporters" are people who
    watch the body, not the body."""
    found: list[str] = []
    k = 0
    while k < len(words):
        for size in (2, 1):
            run = tuple(words[k : k + size])
            after = words[k + size] if k + size < len(words) else None
            if len(run) == size and run in _FORMS and (after is None or after in _VOICES):
                found.append(_FORMS[run])
                k += size
                break
        else:
            word = words[k]
            if not (word in _KIND_SUFFIXES and found and found[-1] in _KIND_NOUNS):
                found.append(word)
            k += 1
    return found


def unnamed_source(mention: str | None) -> bool:
    """Whether a mention is an unnamed source ("a police source", "party insiders",
    "people familiar with the talks", "an official not authorized to speak"): whoever
    it is speaks for nobody named, and two such mentions with one word ("a court
    source", "court sources") may be two people on two sides, so it has no teller and
    its units pair on their wording alone."""
    text = mention or ""
    return any(
        hit.start() == 0 or hit[0][:1].islower() for hit in _UNNAMED_SOURCE.finditer(text)
    )  # a capitalised word inside is a name's ("the Open Source Initiative")


def short_qualifiers(mention: str | None) -> list[str]:
    """Initials of two letters in a mention ("U.S. military officials", "UK police"),
    case-folded without dots: they tell whose body it is, as "Norlani" does, though
    teller words have three letters or more ("U.S. military" is no lone "military")."""
    return [m[0].replace(".", "").casefold() for m in _SHORT_INITIALS.finditer(mention or "")]


def lone_kind(qualified: Iterable[frozenset[str]], *, held: bool) -> bool:
    """Whether a kind-only teller and a qualified one of one key, one within the other's
    words, are one teller: every qualified word set of the key in the story
    (``qualified``) is nested in the others (one teller named longer and shorter) and no
    resolved speaker's name holds the key (``held``)."""
    if held:
        return False
    sets = list(qualified)
    return all(x <= y or y <= x for x in sets for y in sets)
