"""Places an article ties people to, for roles that name one ("the California
Democrat"): news writes a politician's place beside the name, as "Nancy Pelosi
(D-Calif.)", "Rep. Tim Ryan (Ohio)", "Jon Tester, D-Mont.,", "Linda Sánchez of
California" or "Ohio Rep. Marcia Fudge". Used by
:mod:`newsprism.analyze.speaker_resolution`.

Places are compared by spelling, with no list of places: an abbreviation is its full
form's letters in order from the first (:func:`same_place`: "Calif." / "California",
"Ga." / "Georgia", "N.Y." / "New York").
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.quote_marks import QuotedDoc
from newsprism.analyze.speakers import NameResolver

logger = logging.getLogger(__name__)

__all__ = ["party_tag", "person_places", "same_place"]

# A place right after a name: "(D-Calif.)", "(Ohio)", "(R-N.Y.)", ", D-Mont.," and
# "of California" (the last only where the parser tagged a place there).
_PARTY_PLACE: Final = re.compile(
    r"\s*(?:\(\s*(?:[A-Z]\s*[-–]\s*)?(?P<paren>[A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*\)"
    r"|,\s*[A-Z]\s*[-–]\s*(?P<comma>[A-Z][\w.]*(?: ?[A-Z][\w.]*)?)\s*,"
    r"|\s+of\s+(?P<of>[A-Z]\w+(?: [A-Z]\w+)?))"
)
# A party-and-place tag as a whole, from its opening bracket or comma: "(D-Ore.)",
# "(R-Texas)", ", I-Vt.,". Its letter is a party, its words a place: never a person.
_PARTY_TAG: Final = re.compile(r"[(,]\s*[A-Z]\s*[-–]\s*[A-Z][\w.]*(?: ?[A-Z][\w.]*)?\s*[),]")
# Most tokens from a tag's opening to its last word: "(", "D", "-", "New", "York".
_TAG_WORDS: Final = 5
# Tokens before a name searched for a place ("Kelmar Democratic Sen. Ana Holt").
_BEFORE: Final = 4
# Most words of a name with its title ("Senate Majority Whip Ana Holt (D-Kelmar)").
_NAME_WORDS: Final = 8


def same_place(first: str, second: str) -> bool:
    """Whether two spellings name one place: equal letters, or the shorter one's
    letters are the longer one's in order, from the same first letter (an
    abbreviation: "Calif." / "California", "N.Y." / "New York", "Ga." / "Georgia")."""
    a, b = sorted((_letters(first), _letters(second)), key=len)
    if not a or a[0] != b[0]:
        return False
    rest = iter(b[1:])
    return all(ch in rest for ch in a[1:])


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def party_tag(token: Token) -> bool:
    """Whether ``token`` lies inside a party-and-place tag written after a name
    ("Ana Holt (D-Ore.)", "Holt, R-Texas,"): the parser hangs "D" or "Texas" on the
    name as an apposition, but the tag names a party and a state, not a person."""
    doc = token.doc
    for opening in doc[max(0, token.i - _TAG_WORDS) : token.i + 1]:
        if opening.text not in ("(", ",") or opening.i == token.i:
            continue
        match = _PARTY_TAG.match(doc.text, opening.idx)
        if match is not None and token.idx < match.end():
            return True
    return False


def person_places(ctx: QuotedDoc, names: NameResolver, offset: int) -> dict[str, set[str]]:
    """Every person ``names`` finds before ``offset`` (outside quotes) -> the places the
    article writes beside their name (empty when none)."""
    found: dict[str, set[str]] = defaultdict(set)
    for name, start in names.people_before(offset):
        token = ctx.token_at(start)
        if token is None or ctx.quoted[token.i]:
            continue
        found[name] |= _places_at(ctx.doc, token.i)
    return dict(found)


def _places_at(doc: Doc, first: int) -> set[str]:
    """The places written beside the name starting at token ``first``."""
    last = first
    while last + 1 < min(len(doc), first + _NAME_WORDS) and doc[last + 1].pos_ == "PROPN":
        last += 1
    places = {t.text for t in doc[max(0, first - _BEFORE) : last + 1] if t.ent_type_ == "GPE"}
    tail = doc[last].idx + len(doc[last].text)
    match = _PARTY_PLACE.match(doc.text, tail)
    if match is None:
        return places
    if match["paren"] or match["comma"]:
        places.add(match["paren"] or match["comma"])
    elif any(t.ent_type_ == "GPE" for t in doc.char_span(*match.span("of"), "expand") or ()):
        places.add(match["of"])
    return places
