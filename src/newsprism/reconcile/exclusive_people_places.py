"""Names the parse tags as people where the words right beside the mention say they name a
place, a street, a car model, a minister's portfolio, a degree or a title: the second
opinions :func:`newsprism.reconcile.exclusive_people.person_exclusives` asks before it
lists a person only one source names. Each reads the mention's own text; none is a list
of names. Read off the development golds' unscored person items (s36, Multi-News dev2: two
Gaza places after "area of"/"community of", a street beside another street, a car model
after its year and make, a portfolio after "Minister for", a degree after a name's comma;
Multi-News dev: a title's initials before a name); no scored item of the four golds moved.
s37: a plural noun run with a plural verb after it, and a name the parse cut short before
its surname (:func:`run_into_person`); read on Multi-News dev and dev2, three unscored
items removed (a party's group noun, two titled names cut before the surname), no item of
BASIL calibration or development and no scored item of the four golds moved."""

from __future__ import annotations

import re
from typing import Final

from newsprism.analyze.aliases import TITLES, normalize_title
from newsprism.model import Passage
from newsprism.reconcile.material import StoryMaterial

__all__ = ["placed_or_titled", "run_into_person"]

# "the southern Kelmar area of Osk", "the town of Osk": the noun says a place follows.
_PLACE_OF: Final = re.compile(
    r"\b(?:area|city|town|village|community|region|province|district|county|suburb|"
    r"neighbou?rhood|island|municipality)\s+of\s+$"
)
# Street names ("Saint"'s and "Doctor"'s abbreviations left out: "Dr. and Mrs. Osk").
_STREET: Final = r"(?:Street|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Highway|Parkway)"
# A crossing: "Osk Avenue and [E. Tarnway]", "[Tarnway] and Osk Avenue".
_STREET_BEFORE: Final = re.compile(rf"\b[A-Z][\w.’'-]*\s+{_STREET}\s+(?:and|&)\s+$")
_STREET_AFTER: Final = re.compile(rf"\s+(?:and|&)\s+[A-Z][\w.’'-]*\s+{_STREET}(?!\w)")
# A name ending in a street word is a street only where the word is no common surname
# ("Ola Lane", "Jon Drive" and "Della Street" are people: review s36 follow-up).
_STREET_NAMED: Final = re.compile(r"\s(?:Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Highway|Parkway)$")
# A model after its year and make: "a black 2002 Velmo [Tarn Coupe]".
_MODEL_BEFORE: Final = re.compile(r"\b(?:19|20)\d\d\s+([A-Z][a-z]+)\s+$")
# A portfolio: "Deputy Minister for [Harbours] with ...", "Secretary of [Transport]". Up
# to two words: a longer mention holds the minister's name too ("Minister for [Jobs Ana
# Holt]"), a person with the portfolio run in.
_PORTFOLIO_BEFORE: Final = re.compile(
    r"\b(?:Minister|Ministry|Secretary|Department|Commissioner)\s+(?:of|for)\s+(?:the\s+)?$"
)
_PORTFOLIO_WORDS: Final = 2
# A degree after a name's comma: "Ola Berg, [Ph.D.], professor".
_DEGREE: Final = re.compile(r"(?:[A-Z][a-z]?\.\s?){2,}")
_AFTER_NAME_COMMA: Final = re.compile(r"[A-Za-z]\s*,\s*$")
# A title's initials right before a two-word name: "president & [GM] Ola Berg".
_INITIALS: Final = re.compile(r"[A-Z]{2,3}")
_NAME_AFTER: Final = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z][a-z]+")


# A plural noun run the parse tags as a person: "[Harbour Loyalists] are hoping ...". A
# person's name takes a singular verb, so a name ending in "s" with a plural verb after it
# names a group; not after "and" ("Ana and Ben Holts are ...": two people, one surname).
_PLURAL_VERB_AFTER: Final = re.compile(r"\s+(?:are|were|have)\b")
_AND_BEFORE: Final = re.compile(r"\band\s+$")
# A mention after a preposition or a participle is no subject: the plural verb is its
# head noun's ("Lawyers for Ana Harris have said": review s37 H14, a true person).
_OBJECT_BEFORE: Final = re.compile(
    r"\b(?:for|of|to|with|by|from|against|about|behind|like|[a-z]+ing)\s+$"
)
# The capitalised word one space after a mention.
_NEXT_WORD: Final = re.compile(r" ([A-Z][\w’'-]+)")


def _plural_group(text: str, mention: Passage) -> bool:
    """Whether the mention is a plural noun run with a plural verb after it (see
    :data:`_PLURAL_VERB_AFTER`)."""
    before = text[max(0, mention.start - 20) : mention.start]
    return (
        mention.text.endswith("s")
        and _PLURAL_VERB_AFTER.match(text, mention.end) is not None
        and not _AND_BEFORE.search(before)
        and not _OBJECT_BEFORE.search(before)
    )


def run_into_person(material: StoryMaterial, mention: Passage) -> bool:
    """Whether the word one space after the mention is a person of the article (a mention
    starts there, or the same word is a person's mention elsewhere in the article): one
    name the parse cut short ("Assistant Chief [Ed] Tarnby ... Tarnby said"); the surname
    is the person, listed on its own. Asked even where a title cues a person: the title
    is what the cut piece holds."""
    analysis = material.analysis(mention.article)
    text = material.by_id[mention.article].text
    after = _NEXT_WORD.match(text, mention.end)
    if analysis is None or after is None:
        return False
    return any(
        m.start == mention.end + 1 or m.text == after.group(1)
        for e in analysis.entities
        if e.type == "PERSON"
        for m in e.mentions
    )


def placed_or_titled(material: StoryMaterial, mention: Passage) -> bool:
    """Whether the words beside ``mention`` say it names no person (see the module doc)."""
    text = material.by_id[mention.article].text
    before = text[max(0, mention.start - 40) : mention.start]
    name = mention.text.strip()
    model = _MODEL_BEFORE.search(before)
    return bool(
        _PLACE_OF.search(before)
        or _STREET_BEFORE.search(before)
        or _STREET_AFTER.match(text, mention.end)
        or _STREET_NAMED.search(name)
        or (model and normalize_title(model.group(1)) not in TITLES)
        or (_PORTFOLIO_BEFORE.search(before) and len(name.split()) <= _PORTFOLIO_WORDS)
        or (_DEGREE.fullmatch(name) and _AFTER_NAME_COMMA.search(before))
        or (_INITIALS.fullmatch(name) and _NAME_AFTER.match(text, mention.end))
        or _plural_group(text, mention)
    )
