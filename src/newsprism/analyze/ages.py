"""Ages: a bare number that gives a person's age in years, and whose age it is.

:mod:`newsprism.analyze.quantities` asks here before it reads a bare number as a count.
An age is a number from 1 to 119 written in figures, with no unit and no counted noun:

* set off by commas after a name ("Halvorsen, 44, is"), or ", age 52," after one; in a
  relative clause after a name ("Holland, who is 58,"); after "aged" ("aged 15 and 11");
* after "at the age of" or "at age" ("died at the age of 64"), a bound between allowed
  ("at about age 14", kept as the age's approx) and alternatives too ("at age 14 or
  15"), or after "about age" where the clause ends ("began working about age 14"),
  about the subject of the verb the phrase hangs on; "aged about 14" is about no one;
* after a bare "at" in a life event with a person as its subject ("Varga was found dead at
  41 Sunday", "she retired at 60"): only the verbs of :data:`_LIFE_VERBS` or "dead", since
  "arrived at 10" is a clock time;
* as the predicate of a person ("Holt was 52 when she left", "The victim was 19."), the
  number ending the clause ("The index was 12 lower" is no age).

A person is a name (a proper noun no entity label calls a place or a thing), "he"
or "she", or a noun of :data:`_PERSON_NOUNS`. Ages are about the person's name, lowercased
(names are not lemmatised: "Sands" is no plural of "sand"), or about no one for a pronoun.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.calendar_words import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from newsprism.analyze.non_quantities import SP, ParsedText, is_date_or_clock, word_set
from newsprism.analyze.numbers import Amount, bound_before
from newsprism.model import Approx

__all__ = ["Aged", "age_of"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Aged:
    """A number that is an age, and whose (None: no one named)."""

    person: Token | None
    name: str | None = None  # the person's name as ``about`` (lowercased), if a name
    approx: Approx | None = None  # a bound written before "age" ("at about age 14")


# After an age set off by commas: the closing comma (", 16, was").
_AGE_AFTER: Final = re.compile(r",[^\S\n]")
# After an age that ends the sentence or a dashed aside, a person's only ("Lisa Brann,
# 57." / "-- Dorin Telmar, 22 --"): a full stop before a space or the end, or a dash.
_AGE_END: Final = re.compile(r"\.(?:\s|$)|[^\S\n]+(?:--|\u2014|\u2013)(?:\s|$)|[^\S\n]*[;)]")
# A dash before a name: the aside's opening ("a worker -- Dorin Telmar, 22 --").
_DASH_BEFORE: Final = re.compile(r"(?:--|\u2014|\u2013)[^\S\n]*$")
_DASH_AFTER: Final = re.compile(r"[^\S\n]*(?:--|\u2014|\u2013)")
# A verb of naming right before a name, or "as" after one and up to three words that
# end in a people word (:func:`_names_people`): the person is being introduced ("Police
# named Kiro Dallan, 46.", "named the driver as Kiro Dallan, 46.", "identified the dead
# as ..."); "named its top scorers as Kiro Dallan, 24; ..." is a tally.
_NAMING_BEFORE: Final = re.compile(
    rf"\b(?:named|identified)(?:{SP}+(?:[\w'-]+{SP}+){{0,2}}?(?P<who>[\w'-]+){SP}+as"
    rf"|{SP}+as)?{SP}+$",
    re.I,
)
# Words of people a naming's "as" may follow besides the person nouns and their plurals
# ("identified them as", "named the two men as").
_PEOPLE_WORDS: Final = word_set(
    "dead injured wounded missing victims survivors hostages casualties people men women "
    "children him her them"
)
# A lead-in that says people follow, with or without a colon: "The victims: ...", "The
# dead were ...", "Those hurt include ...". "missing" and "hurt" only after a word of
# people ("the missing", "those hurt"): "Points missing: Kiro Dallan, 12; ..." is a tally.
_PEOPLE_LEAD: Final = re.compile(
    rf"\b(?:victims|dead|injured|wounded|survivors|hostages|casualties|killed"
    rf"|(?:the|those|people|persons|men|women|children){SP}+(?:missing|hurt))"
    rf"(?:{SP}+(?:were|are|include|included|includes))?{SP}*:?{SP}*$",
    re.I,
)
# One "Name, N" item of a ";" list, a lowercase role word ahead allowed ("councillor
# Kiro Dallan, 46"); and such lists: tallies, scores and rankings are written so.
_ITEM: Final = rf"(?:[a-z]+{SP}+)?(?:[A-Z][\w.'-]*{SP}+){{0,3}}[A-Z][\w'-]*,{SP}*\d{{1,3}}"
_PAIR_AFTER: Final = re.compile(rf";{SP}*(?:and{SP}+)?{_ITEM}\b")
_PAIRS_BEFORE: Final = re.compile(rf"(?:{_ITEM};{SP}*(?:and{SP}+)?)+(?:[A-Za-z]+{SP}+)?$")
# How far back a list of items is looked for: a few items of a few words.
_LIST_REACH: Final = 200
# An age in a relative clause after a name: "Holland, who is 58, said"; the clause
# ends at the number ("who is 58 percent" is not an age; the unit makes it no count).
_AGE_CLAUSE_BEFORE: Final = re.compile(rf",{SP}+who{SP}+(?:is|was|turns|turned){SP}+$")
_AGE_CLAUSE_AFTER: Final = re.compile(rf"(?:[,;.)]|{SP}*$|{SP}+(?:and|but)\b)")
# Ages after "aged", a list or range of them included: "aged 16 and 13", "aged 18 to 24".
_AGED_BEFORE: Final = re.compile(
    rf"\baged{SP}+(?:between{SP}+)?(?:\d{{1,3}}(?:,{SP}*|{SP}+(?:and|or|to){SP}+|-))*$",
    re.IGNORECASE,
)
# A profile or fact box labels an age on a line of its own: "Age: 27", "AGE : 27".
_AGE_LABEL: Final = re.compile(rf"(?:^|\n){SP}*age{SP}*:{SP}*$", re.IGNORECASE)
_LINE_END: Final = re.compile(rf"{SP}*(?:\n|$)")
# Ages listed or given as alternatives before the one read: "14 or ", "14, 15 and ".
_AGE_LIST: Final = rf"(?:\d{{1,3}}(?:,{SP}*|{SP}+(?:and|or|to){SP}+))*"
# A bound between "at" and "age": "at about age 14", "at nearly the age of 80".
_AGE_BOUND: Final = r"(?P<bound>about|around|roughly|approximately|nearly|almost)"
# "at the age of 64", "at age 64", "at about age 14", "at age 14 or 15", "at ages 14
# and 15": an age whatever the verb.
_AT_AGE_BEFORE: Final = re.compile(
    rf"\b(?P<at>at){SP}+(?:{_AGE_BOUND}{SP}+)?(?:the{SP}+age{SP}+of|ages?){SP}+{_AGE_LIST}$",
    re.I,
)
# "about age 14" with no "at" ("began working about age 14"): an age only where nothing
# it could count follows (:func:`_ends_clause`; "a law about age 16 voting" is no age).
_BOUND_AGE_BEFORE: Final = re.compile(
    rf"(?<![\w-])(?P<at>{_AGE_BOUND}){SP}+(?:the{SP}+age{SP}+of|age){SP}+{_AGE_LIST}$", re.I
)
# The words of a bound read with the figures ("aged about 14": the amount starts at
# "about"); a currency sign or anything but plain words is no bound of an age.
_BOUND_WORDS: Final = re.compile(rf"[A-Za-z]+(?:{SP}+[A-Za-z]+)*{SP}+")
# ", age 52," after a name.
_COMMA_AGE_BEFORE: Final = re.compile(rf",{SP}+age{SP}+$", re.IGNORECASE)
# A bare "at 41": an age only in a life event.
_AT_BEFORE: Final = re.compile(rf"\b(?P<at>at){SP}+$", re.IGNORECASE)
# Verbs of life events dated by the age they happened at ("died at 71", "retired at 60");
# verbs of movement and schedule ("arrived at 10", "started at 9") are left out: clock times.
_LIFE_VERBS: Final = word_set(
    "die perish succumb kill murder slay retire marry wed divorce graduate enlist emigrate "
    "debut orphan widow diagnose"
)
_DEAD: Final = word_set("dead")
_PRONOUNS: Final = word_set("he she")
# Nouns that name a person, for an age given as a predicate ("The victim was 37").
_PERSON_NOUNS: Final = word_set(
    "man woman boy girl child teen teenager victim suspect driver passenger mother father "
    "son daughter wife husband brother sister gunman shooter officer soldier actor actress "
    "singer rapper player mayor senator widow teacher nurse doctor student pupil worker "
    "farmer pilot firefighter resident neighbour neighbor friend cousin uncle aunt nephew "
    "niece grandmother grandfather baby toddler tourist hiker cyclist pedestrian motorist "
    "patient employee journalist"
)
# Entity labels a proper noun carries that make it no person (not ORG: the small model
# labels surnames so, "Holt/ORG was 52 when she left", as some surnames are).
_NOT_PEOPLE: Final = word_set("GPE LOC NORP FAC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE")
_SUBJECTS: Final = word_set("nsubj nsubjpass")
# Words after a number that make it a margin, not an age ("Woods was 3 under par").
_MARGIN_WORDS: Final = word_set("under over behind ahead up down off above below")
# Words of a date that may follow an age after "at" ("found dead at 41 Sunday"): only
# weekdays and months, since the small model tags other proper nouns DATE too ("at 23
# Elm Street": an address).
_WEEKDAYS_MONTHS: Final = WEEKDAYS | MONTHS | MONTH_ABBREVIATIONS
# What may follow an age given as a predicate or after "at": the clause ends.
_CLAUSE_END: Final = word_set("when and but as after while because")


def _can_be_age(amount: Amount) -> bool:
    return amount.form == "digits" and amount.value.is_integer() and 0 < amount.value < 120


def age_of(amount: Amount, ctx: ParsedText) -> Aged | None:
    """Whether a bare number is an age, and whose (see the module docstring); else None."""
    if not _can_be_age(amount):
        return None
    if amount.start != amount.num_start:
        return _bounded_age(amount, ctx)
    return _plain_age(amount, ctx)


def _plain_age(amount: Amount, ctx: ParsedText) -> Aged | None:
    """An age written as bare figures (the forms of the module docstring)."""
    lead = max(0, amount.start - 24)
    if _AGED_BEFORE.search(ctx.text, max(0, amount.start - 40), amount.start):
        return Aged(None)
    if _AGE_LABEL.search(ctx.text, lead, amount.start) and _LINE_END.match(ctx.text, amount.end):
        return Aged(None)  # a profile's "Age: 27" line
    clause = _AGE_CLAUSE_BEFORE.search(ctx.text, lead, amount.start)
    if clause is not None and _AGE_CLAUSE_AFTER.match(ctx.text, amount.num_end):
        return _aged(_named_before(clause.start(), ctx))
    comma_age = _COMMA_AGE_BEFORE.search(ctx.text, lead, amount.start)
    if comma_age is not None and _AGE_AFTER.match(ctx.text, amount.num_end):
        return _aged(_named_before(comma_age.start(), ctx))
    # Set off by commas before the date test: "May, 62, won" names a woman, not a month.
    between = _aged_between_commas(amount, ctx)
    if between is not None or is_date_or_clock(amount, ctx.text):
        return between
    return _aged_at(amount, ctx) or _predicate(amount, ctx)


def _bounded_age(amount: Amount, ctx: ParsedText) -> Aged | None:
    """An age whose bound the amount starts with, after "aged" ("aged about 14"); the
    amount keeps the bound. Other ages with a bound ("Holt, about 50,", "died at about
    10": a clock time as often) are not read."""
    if not _BOUND_WORDS.fullmatch(ctx.text, amount.start, amount.num_start):
        return None
    if _AGED_BEFORE.search(ctx.text, max(0, amount.start - 40), amount.start):
        return Aged(None)
    return _aged_at(amount, ctx)


def _aged(person: Token | None) -> Aged | None:
    return None if person is None else Aged(person, _name(person))


def _name(person: Token | None) -> str | None:
    """The ``about`` of a person's age: a name lowercased as written, no one for "he"; a
    suffix of a name is the surname's ("Tomas Vesk III, 38" is Vesk's age, not a "iii"
    every third of a name in the story would share)."""
    person = _before_suffix(person)
    if person is None or person.pos_ == "PRON" or not person.text.isalpha():
        return None
    named = person.pos_ == "PROPN" or person.ent_type_ == "PERSON"
    return person.text.lower() if named else person.lemma_.lower()


#: Suffixes written after a surname ("Jr.", "III"): never the name an age is about.
_NAME_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _before_suffix(person: Token | None) -> Token | None:
    """The surname before a name's suffix ("Vesk" of "Vesk III", "Vesk, Jr."); else
    ``person``."""
    if person is None or person.lower_.rstrip(".") not in _NAME_SUFFIXES:
        return person
    i = person.i - 1
    if i > 0 and person.doc[i].text == ",":
        i -= 1
    before = person.doc[i] if i >= 0 else None
    return before if before is not None and before.pos_ == "PROPN" else person


def _suffix_whole(token: Token) -> Token:
    """The name suffix a period split off by the tokenizer ends ("Sr" of "Holt Sr.,
    70,": the tokenizer keeps "Jr." whole but not "Sr."), else ``token``."""
    if token.text != "." or token.i == 0:
        return token
    suffix = token.nbor(-1)
    glued = suffix.idx + len(suffix) == token.idx
    return suffix if glued and suffix.lower_ in _NAME_SUFFIXES else token


def _named_before(comma_at: int, ctx: ParsedText) -> Token | None:
    """The capitalised name before the comma at ``comma_at`` ("Holland, who is 58"):
    "who" says it is a person, so no entity label is asked (a surname may be tagged a place)."""
    comma = ctx.token_at(comma_at)
    name = _suffix_whole(ctx.doc[comma.i - 1]) if comma is not None and comma.i > 0 else None
    named = name is not None and name.pos_ == "PROPN" and name.text[:1].isupper()
    return name if named else None


def _aged_between_commas(amount: Amount, ctx: ParsedText) -> Aged | None:
    """The person a number set off by commas after a name is the age of ("Petra, 17,");
    after a person's name (an entity label, or a name in apposition to a person noun:
    "their son, Teo, 10") the number may also end the sentence or a dashed aside
    ("Lisa Brann, 57." / "-- Dorin Telmar, 22 --") and start a list of people ("Kiro
    Dallan, 46, and his wife")."""
    comma_after = _AGE_AFTER.match(ctx.text, amount.num_end) is not None
    if not (comma_after or _AGE_END.match(ctx.text, amount.num_end)):
        return None
    comma = ctx.token_at(amount.num_start - 2) if amount.num_start >= 2 else None
    if comma is None or comma.text != "," or ctx.text[amount.num_start - 1] != " ":
        return None
    name = _suffix_whole(ctx.doc[comma.i - 1]) if comma.i > 0 else None
    if name is None or name.pos_ != "PROPN" or not name.text[:1].isupper():
        return None
    person = _named_person(name) or (not comma_after and _in_people_list(name, amount, ctx))
    if not (comma_after or (person and _introduced(name, amount, ctx))):
        return None
    following = ctx.token_from(amount.num_end + 1) if comma_after else None
    listed = following is not None and following.pos_ in {"CCONJ", "PROPN", "NUM"}
    starts_list = person and following is not None and following.pos_ == "CCONJ"
    if listed and not (starts_list and not _after_lead_in(name)):
        return None  # a list: "Paris, 12, and London"
    number = ctx.token_at(amount.num_start)
    appositive = number is not None and number.dep_ == "appos"
    return _aged(name) if appositive or person else None


def _introduced(name: Token, amount: Amount, ctx: ParsedText) -> bool:
    """Whether a number ending a sentence, a dashed aside or a ";" item after a name is
    told as the age of a person being introduced: the aside is dashed on both sides, the
    name stands in apposition to a person noun ("his wife, Mira Dallan, 47."), after a
    common noun of what the person is ("housekeeper Lisa Brann, 57."), after a verb of
    naming ("Police named Kiro Dallan, 46.") or a lead-in of people ("The victims: ...").
    Never after another list's lead-in ("Final results: Anton Pell, 12."); a ";" list of
    "Name, N" items ("Kiro Dallan, 46; Mira Holt, 31", a role word ahead or not) only
    after naming or people ("identified as Kiro Dallan, 46; Mira Holt, 31; and ..."):
    tallies, scores and rankings are written so too."""
    first = _first_of(name)
    lead = _list_lead(first, amount, ctx)
    if lead is not None:
        return _introduces_people(lead)
    colon = _colon_before(name)
    if colon is not None:
        return _introduces_people(ctx.text[name.sent.start_char : colon.idx + 1])
    before = ctx.text[max(0, first.idx - 40) : first.idx]
    if _DASH_AFTER.match(ctx.text, amount.num_end) and _DASH_BEFORE.search(before):
        return True
    if _in_apposition_to_person(name) or _after_person_noun(first):
        return True
    return _titled(first, name) or _names_people(before)


def _titled(first: Token, name: Token) -> bool:
    """Whether a lowercase word of what the person is stands right before the name: a
    common noun, or a word the parser joins to the name as a compound ("housekeeper",
    which the small model sometimes tags a verb)."""
    if first.i == 0:
        return False
    title = first.nbor(-1)
    if not (title.is_lower and title.is_alpha):
        return False
    return title.pos_ == "NOUN" or (title.dep_ == "compound" and title.head == name)


def _list_lead(first: Token, amount: Amount, ctx: ParsedText) -> str | None:
    """The text before the ";" list of "Name, N" items the name starting at ``first`` is
    one of (its sentence's, up to the first item), or None when it is in no such list."""
    start = first.sent.start_char
    window = max(start, first.idx - _LIST_REACH)
    before = _PAIRS_BEFORE.search(ctx.text, window, first.idx)
    if before is None and not _PAIR_AFTER.match(ctx.text, amount.num_end):
        return None
    list_start = before.start() if before is not None else first.idx
    word = ctx.token_at(list_start) if before is not None else None
    if word is not None and word.is_lower and not _role_word(word):
        list_start = word.nbor(1).idx  # "as" ends the lead-in, no role: "named as Kiro ..."
    if before is None and first.i > 0 and _role_word(first.nbor(-1)):
        list_start = first.nbor(-1).idx  # "councillor Kiro Dallan, 46; ..."
    return ctx.text[start:list_start]


def _role_word(token: Token) -> bool:
    """A lowercase noun of what the person is, right before the name ("councillor")."""
    return token.is_lower and token.is_alpha and token.pos_ == "NOUN"


def _first_of(name: Token) -> Token:
    """The first word of the name ending at ``name`` ("Kiro" of "Kiro Dallan")."""
    first = name
    while first.i > 0 and first.nbor(-1).dep_ == "compound" and first.nbor(-1).pos_ == "PROPN":
        first = first.nbor(-1)
    return first


def _in_people_list(name: Token, amount: Amount, ctx: ParsedText) -> bool:
    """Whether the name is an item of a ";" list of "Name, N" introduced as people: the
    small model labels later items' names organisations ("...; Mira Holt, 31")."""
    lead = _list_lead(_first_of(name), amount, ctx)
    return lead is not None and _introduces_people(lead)


def _after_person_noun(first: Token) -> bool:
    """Whether a person noun and a comma stand right before the name ("a teacher, Mira
    Holt, 31."), which the parser does not always join as an apposition."""
    if first.i < 2 or first.nbor(-1).text != ",":
        return False
    noun = first.nbor(-2)
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _PERSON_NOUNS


def _in_apposition_to_person(name: Token) -> bool:
    """Whether the name stands in apposition to a person noun ("their son, Teo").

    The entity label is not asked: the small English model labels given names standing
    alone in apposition a place often enough ("their son, Philip, 10" and "a housekeeper,
    Vera Lind, 57" both GPE) that refusing such labels lost real ages (a Multi-News
    development fact group, 6 Dec); the person noun is the evidence here."""
    head = name.head
    return name.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in _PERSON_NOUNS


def _names_people(text: str) -> bool:
    """Whether ``text`` ends in a verb of naming, with its "as" after a people word
    ("named the driver as", "identified the dead as") if it has one."""
    naming = _NAMING_BEFORE.search(text)
    if naming is None:
        return False
    who = naming.group("who")
    if who is None:
        return True
    word = who.lower()
    return word in _PEOPLE_WORDS or word in _PERSON_NOUNS or word.removesuffix("s") in _PERSON_NOUNS


def _introduces_people(lead: str) -> bool:
    """Whether the words before a list of names say people are named or listed."""
    return _names_people(lead) or _PEOPLE_LEAD.search(lead) is not None


def _colon_before(name: Token) -> Token | None:
    """The last colon between the sentence's start and the name: a list's lead-in."""
    colons = [t for t in name.doc[name.sent.start : name.i] if t.text == ":"]
    return colons[-1] if colons else None


def _after_lead_in(name: Token) -> bool:
    """Whether a colon stands between the sentence's start and the name and its lead-in
    is no people's ("Votes cast: Kiro Dallan, 46", not "The victims: Kiro Dallan, 46")."""
    colon = _colon_before(name)
    if colon is None:
        return False
    return not _PEOPLE_LEAD.search(name.doc.text[name.sent.start_char : colon.idx + 1])


def _named_person(name: Token) -> bool:
    """Whether a proper noun is a person's name: labelled a person, or in apposition to
    a person noun ("their son, Teo")."""
    return name.ent_type_ == "PERSON" or _in_apposition_to_person(name)


def _aged_at(amount: Amount, ctx: ParsedText) -> Aged | None:
    """An age after "at the age of", "at age", "about age" (any verb) or a bare "at" (a
    life event): the person is the subject of the verb the phrase hangs on ("Varga was
    found dead at 41")."""
    found = _age_phrase(amount, ctx)
    if found is None:
        return None
    bare = found.re is _AT_BEFORE
    at = ctx.token_at(found.start("at"))
    if at is None or at.head.i == at.i:
        return None
    verb = at.head if found.re is not _BOUND_AGE_BEFORE else _verb_above(at)
    if verb.pos_ == "ADJ" and verb.lemma_.lower() in _DEAD and verb.head.i != verb.i:
        verb = verb.head  # "found dead at 41": the subject is the finding's
    if bare and (not _life_event(verb) or amount.start != amount.num_start):
        return None  # "died at about 10, his family said" is a time (s37 review H10)
    bound = found.groupdict().get("bound")
    approx = bound_before(bound) if bound else None
    subject = _subject(verb)
    if subject is None or not _is_person(subject):
        # "died at the age of 64": an age, whose unsaid; "The rules are about age 16"
        # names no one's age (s37 review H3)
        loose = found.re is _BOUND_AGE_BEFORE and not _life_event(verb)
        return None if bare or loose else Aged(None, approx=approx)
    return Aged(subject, _name(subject), approx)


def _age_phrase(amount: Amount, ctx: ParsedText) -> re.Match[str] | None:
    """The phrase before the number that makes it an age: "at (about) age", "about
    age" before the clause ends, or a bare "at" before the clause ends."""
    lead = max(0, amount.start - 40)
    found = _AT_AGE_BEFORE.search(ctx.text, lead, amount.start)
    if found is not None:
        return found
    ends = _ends_clause(amount, ctx)
    found = _BOUND_AGE_BEFORE.search(ctx.text, lead, amount.start)
    if found is not None:
        return found if ends else None
    found = _AT_BEFORE.search(ctx.text, lead, amount.start)
    return found if ends else None


def _verb_above(token: Token) -> Token:
    """The nearest verb ``token`` hangs on ("began working about age 14" -> "working"),
    else its head."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor
    return token.head


def _life_event(verb: Token) -> bool:
    """Whether "at N" on ``verb`` dates a life event: a life verb, or "dead" beside it."""
    if verb.lemma_.lower() in _LIFE_VERBS or verb.lemma_.lower() in _DEAD:
        return True
    return any(c.lemma_.lower() in _DEAD for c in verb.children)


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is a clause of ("expected to retire")."""
    for token in (verb, verb.head):
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
    return None


def _is_person(token: Token) -> bool:
    if token.lower_ in _PRONOUNS:
        return True
    if token.pos_ == "PROPN":
        return token.text[:1].isupper() and token.ent_type_ not in _NOT_PEOPLE
    if token.ent_type_ == "PERSON":
        return True  # a surname read as a plural noun, but a person by its entity label
    return token.pos_ == "NOUN" and token.lemma_.lower() in _PERSON_NOUNS


def _ends_clause(amount: Amount, ctx: ParsedText) -> bool:
    """Whether nothing the number could count or measure follows it: punctuation, a
    clause word, a preposition, or a date ("at 41 Sunday"); "at 37 Main Street" is an
    address."""
    after = ctx.token_from(amount.num_end)
    if after is None or after.is_punct or after.lower_ in _CLAUSE_END:
        return True
    if after.ent_type_ in {"DATE", "TIME"} and after.lower_ in _WEEKDAYS_MONTHS:
        return True  # a weekday or month: "found dead at 41 Sunday"
    return after.pos_ in {"ADP", "SCONJ"} and after.lower_ not in _MARGIN_WORDS


def _predicate(amount: Amount, ctx: ParsedText) -> Aged | None:
    """An age given as the predicate of a person: "Holt was 52 when she left"."""
    number = ctx.token_at(amount.num_start)
    if number is None or number.dep_ not in {"attr", "acomp"} or not _ends_clause(amount, ctx):
        return None
    verb = number.head
    if verb.lemma_ != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not _is_person(subject):
        return None
    return Aged(subject, _name(subject))
