"""Who and where a denial is about: a denial of a deed disputes another sentence's deed
only when both tell it of the same people and the same place.

"The driver suffered no injuries" denies the driver's injuries, not that "twelve
passengers were injured"; "none of the crew were injured" says nothing of passengers;
"the storm caused no deaths in Orvik" is no denial that "two people died in Tulm"
(review s41/3, finding S2; all examples invented). :func:`apart` reads, off the parse,
the bearer of each denial and of each matching deed of the other sentence:

* a verb of undergoing ("suffer", "sustain", "receive", "have", "escape") denies the deed
  of its subject only: the other sentence's bearer must be that subject (a word in
  common), a generic "people" included;
* a negated deed verb denies the deed of its subject ("no passengers were hurt", "none of
  the crew were injured", "the crew were not hurt"): another group noun is another
  bearer; a generic one ("two people") may be that group;
* a verb of causing ("the storm caused no damage to the Tessel bridge") denies its
  noun's deed of what the noun's "to"/"of" names: when that is one named thing ("the
  Tessel bridge"), the other sentence's undergoer (its verb's object, or a passive's
  subject: "damaged 40 homes") must share a word with it; a general noun ("no damage to
  buildings") may be the class of "homes" and separates nothing;
* a denied deed noun an adjective narrows ("caused no major damage", "suffered no serious
  injuries") denies that kind only, not the plain deed ("damaged 40 homes") nor another
  kind, but does deny the deed told of that kind ("suffered serious injuries", "was
  seriously injured"); a hedge ("no apparent damage") narrows nothing;
* a place named on both sides ("in Orvik" / "in Tulm", "at Orvik airport" / "at Tulm
  airport") must be one, and so must a day or month both sides date the deed by ("on
  Sunday" / "on Monday": two days' events, not one told twice; "may" is a month only as
  a name).

A subject is all the people it names: its conjuncts and appositions ("the driver and two
passengers", "Orlan Vesk, the driver"); two bearers are one when their heads share a word,
or a word and it with a listed ending ("the town council" / "councillors"; review s42/1,
findings S1 and S5; s42/4 S2), compounds only telling heads apart (M2). Bearers are
compared in one role: a passive's subject, or an object-less active's, with the told
deed's object or passive subject; an active's subject with the told deed's doer (s42/4
S1). A plain subject's denial is of others only when both name different people roles
(s42/4 S3). A place is its name's words: "at Orvik Harbour" is in Orvik, "at
Tulm Harbour" is not.
A bearer the parse cannot name (a pronoun, no subject) leaves the denial standing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.calendar_words import MONTHS, MONTHS_NO_MAY, WEEKDAYS
from newsprism.reconcile.clauses import lemma_of, negated_predicates
from newsprism.reconcile.negation_words import CAUSING_VERBS, same_stem

__all__ = ["apart"]

logger = logging.getLogger(__name__)

#: Verbs whose subject undergoes the deed their object names ("suffered no injuries").
_UNDERGO: Final = frozenset({"suffer", "sustain", "receive", "have", "escape"})
#: Words that head a partitive subject: the group is their "of" object ("none of the crew").
_PARTITIVE: Final = frozenset({"none", "neither", "all", "some", "one", "many", "most", "any"})
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass"})
_PLACE_PREPS: Final = frozenset({"in", "at"})
#: Prepositions that name what a deed noun befalls ("damage to the bridge", "injuries
#: to passengers", "the destruction of homes").
_UNDERGOER_PREPS: Final = frozenset({"to", "of"})
#: Dependencies that open another clause: a date or place below them is not the deed's.
_CLAUSES: Final = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis"})
#: Verbs of causing whose "no" object's deed befalls what the object's "to"/"of" names
#: ("caused no damage to the bridge"): the causing verbs negation_scope reads a denied
#: deed off (:data:`~newsprism.reconcile.negation_words.CAUSING_VERBS`, so never
#: "produce"), and the light "do" of "did no damage to the bridge".
_BEFALLING: Final = CAUSING_VERBS | {"do"}
_CALENDAR: Final = WEEKDAYS | MONTHS
#: Calendar words that are never another word: "may" is a month only as a name or a
#: date ("in May"), never the modal of "may have been injured" (review s42/2 S4b).
_PLAIN_CALENDAR: Final = WEEKDAYS | MONTHS_NO_MAY
#: Adjectives that hedge what is known of a deed, not narrow its kind: "caused no
#: apparent damage", "no immediate reports of injuries", "suffered no known injuries"
#: deny the deed itself (review s42/2 S4a).
_HEDGES: Final = frozenset(
    {"apparent", "immediate", "known", "visible", "reported", "obvious", "evident",
     "confirmed"}
)  # fmt: skip
#: Adjectives that count a told deed, not say its kind: "several injuries" is of no
#: kind a denial narrows ("no severe injuries"), however near its letters.
_HOW_MANY: Final = frozenset(
    {"several", "many", "few", "numerous", "multiple", "various", "countless", "more"}
)
#: Dependencies of a told deed that say its kind: "serious injuries", "seriously hurt".
_KIND_DEPS: Final = frozenset({"amod", "advmod"})
#: Words that say it: adjectives, adverbs and participles ("life-threatening injuries").
_KIND_POS: Final = frozenset({"ADJ", "ADV", "VERB"})
#: Words of a high degree of harm, adjectives and adverbs: a denial narrowed by one ("no
#: serious injuries", "no major damage") disputes a deed told with any of them ("was
#: critically injured", "caused extensive damage", "life-threatening injuries"); one of
#: low degree ("slightly injured", "minor injuries") or none stays another kind (review
#: s43/1 S2); "threaten" is the participle of "life-threatening". Read from the words
#: English uses for grave harm; not tuned on any eval file.
_HIGH_DEGREE: Final = frozenset(
    {"serious", "seriously", "major", "severe", "severely", "significant", "significantly",
     "substantial", "substantially", "critical", "critically", "grave", "gravely", "bad",
     "badly", "heavy", "heavily", "extensive", "extensively", "threatening", "considerable",
     "considerably", "massive", "catastrophic", "devastating", "threaten"}
)  # fmt: skip
#: Children of a subject that name more of its people: "the driver and two passengers",
#: "Orlan Vesk, the driver of the bus".
_MORE_PEOPLE: Final = frozenset({"conj", "appos"})
#: Endings that make a longer word for the same people ("council" / "councillor", "crew" /
#: "crewman", "sailor" / "sailors"): any other longer word is another word ("office" /
#: "officer", "marine" / "mariner"; review s42/4 S2).
_ENDINGS: Final = ("s", "es", "or", "lor", "llor", "man", "men")
#: People roles, each word to its entry (one entry's words are one group told in other
#: words: "firefighters" / "firemen"). A plain subject denial is of other people than the
#: told deed's subject only when both name different entries ("no passengers were hurt" /
#: "the driver was hurt"); any other noun ("the bridge", "the levy", "members") leaves the
#: denial standing (review s42/4 S3). Chosen as the groups news of accidents, disasters and
#: unrest names; not tuned on any eval file.
_ROLES: Final = {
    "passenger": "passenger", "rider": "passenger", "commuter": "passenger",
    "driver": "driver", "motorist": "driver", "pilot": "pilot",
    "crew": "crew", "crewman": "crew", "crewmember": "crew", "sailor": "crew",
    "seaman": "crew", "mariner": "crew",
    "worker": "worker", "employee": "worker", "staff": "worker", "labourer": "worker",
    "resident": "resident", "villager": "resident", "inhabitant": "resident",
    "neighbour": "resident", "neighbor": "resident",
    "student": "student", "pupil": "student", "teacher": "teacher",
    "policeman": "police", "policemen": "police", "police": "police",
    "constable": "police",
    "firefighter": "firefighter", "fireman": "firefighter",
    "soldier": "soldier", "troop": "soldier", "marine": "soldier",
    "council": "council", "councillor": "council", "councilor": "council",
    "patient": "patient", "doctor": "doctor", "nurse": "nurse",
    "child": "child", "tourist": "visitor", "visitor": "visitor", "guest": "visitor",
    "spectator": "spectator", "fan": "spectator", "player": "player", "miner": "miner",
    "prisoner": "prisoner", "inmate": "prisoner", "guard": "guard",
    "protester": "protester", "demonstrator": "protester",
    "journalist": "journalist", "reporter": "journalist",
}  # fmt: skip
#: Entries that hold others' people: the crew of a plane holds its pilot, a hospital's
#: staff its nurses, children the pupils. Two entries are apart only when neither holds
#: the other ("no workers were injured" / "two miners were injured" is one group told
#: twice; review s43/1 S6). Chosen as :data:`_ROLES` was; not tuned on any eval file.
#: A group holds only those who work at the place the deed is told (a site's staff: its
#: miners, nurses, doctors, teachers, guards and drivers; a crew its pilot):
#: firefighters, police and journalists come to the place ("no workers were injured" /
#: "a firefighter was injured" are two groups; review s43c S2), but a depot's driver or a
#: prison's guard is its worker (review s43h S4 on fbe6e2d, which hid those). A pilot or
#: a crew is a plane's or a ship's, no site's workers (review s43i S3 on f08f2ec).
_HOLDS: Final = {
    "crew": frozenset({"pilot"}),
    "worker": frozenset({"miner", "nurse", "doctor", "teacher", "guard", "driver"}),
    "child": frozenset({"student"}),
}  # fmt: skip
#: Words that may name the people of several roles: a denial of one of them disputes a
#: deed told of any ("no soldiers were hurt" / "two officers were hurt": army officers).
#: An "officer" is a police or an army officer (a ship's or a prison's is rarer, and
#: "workers", which hold a site's staff, would take in "officers" beside "office
#: workers"); a compound naming one of the roles picks it ("police officers" / "soldiers"
#: stay apart). Not tuned on any eval file (stop 43 brief: "officer" was read as the
#: police only).
_BROAD: Final = {"officer": frozenset({"police", "soldier"})}
#: Verbs whose subject, with no object, undergoes the deed (unaccusatives: "nobody
#: died", "the ferry did not sink"). Any other object-less deed's subject does it ("no
#: protesters attacked", "none of the guards shot"; review s43c S3). A closed list of
#: the deed verbs of this shape, not tuned on any eval file.
_UNDERGOING_VERBS: Final = frozenset({
    "die", "drown", "perish", "collapse", "sink", "burn", "survive", "starve", "crash",
})  # fmt: skip
#: Compounds of a broad word that name a listed role by another word ("army officers" are
#: soldiers, "prison officers" guards, "fire officers" firefighters). Any other compound
#: ("customs officers", "press officers") names a role of its own, apart from every listed
#: one: only a bare "officer" may be police or army (review s43/g S3). Chosen as
#: :data:`_ROLES` was; not tuned on any eval file.
_BROAD_KINDS: Final = {
    "army": "soldier", "military": "soldier", "navy": "soldier", "naval": "soldier",
    "prison": "guard", "fire": "firefighter",
}  # fmt: skip
#: A bearer: the words of the nouns its subject names (head, conjuncts, appositions) and
#: the words of their compounds, apart: only heads make two bearers one; compounds only
#: tell heads apart ("crew members" / "council members"; review s42/4 M2).
Bearer = tuple[frozenset[str], frozenset[str]]
#: A place: the name words of one object of "in"/"at" ("Orvik Harbour", "Orvik" of "Orvik
#: airport").
Place = frozenset[str]


def _word(token: Token) -> str:
    return token.text.casefold() if token.pos_ == "PROPN" else lemma_of(token)


def _named(noun: Token) -> Iterator[Token]:
    """The noun and the nouns joined to it as more of its people (conjuncts, appositions,
    and theirs)."""
    yield noun
    for child in noun.children:
        if child.dep_ in _MORE_PEOPLE:
            yield from _named(child)


def _head_word(noun: Token) -> Bearer | None:
    """The noun's identity as a bearer: the lemmas (a name's text) of it and of the nouns
    joined to it, with their compounds ("crew members" is the crew's; "the driver, Orlan
    Vesk" is both), None for a pronoun alone."""
    nouns = [n for n in _named(noun) if n.pos_ != "PRON"]
    if not nouns:
        return None
    heads = frozenset(_word(n) for n in nouns)
    compounds = frozenset(_word(c) for n in nouns for c in n.children if c.dep_ == "compound")
    return heads, compounds


def _group(subject: Token) -> Bearer | None:
    """The bearer a subject names: the "of" object of a partitive ("none of the crew")."""
    if subject.lower_ in _PARTITIVE:
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return _head_word(objects[0])
        return None if subject.lower_ != "one" else (frozenset({"one"}), frozenset())
    return _head_word(subject)


def _subject_token(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _subject(verb: Token) -> Bearer | None:
    found = _subject_token(verb)
    return None if found is None else _group(found)


def _undergoes(verb: Token) -> bool:
    """Whether a deed verb's subject is who the deed befalls: a passive's ("the bridge was
    not damaged"), or an active's with no object ("nobody died"); an active's with an
    object does it ("police did not arrest the suspect"; review s42/4 S1). "No protesters
    died" is of the protesters "police killed" (review s43/1 S1), for verbs of undergoing
    only (:data:`_UNDERGOING_VERBS`): "no protesters attacked" denies their deed."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        lemma_of(verb) in _UNDERGOING_VERBS
    )


def _agent(verb: Token) -> Bearer | None:
    """Who does a told deed: an active's subject, a passive's "by" object."""
    if any(c.dep_ == "nsubj" for c in verb.children):
        return _subject(verb)
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _group(objects[0])
    return None


def _patient(verb: Token) -> Bearer | None:
    """Whom a told deed befalls: its object, a passive's subject, or the subject of an
    active with no object ("two people died")."""
    found = _object_of(verb)
    if found is None and not any(c.dep_ == "dobj" for c in verb.children):
        found = _subject_token(verb)
    return None if found is None else _group(found)


def _place(name: Token) -> Place:
    """The name words of an object of "in"/"at": the object's and its compounds' that
    are names, not a day or a month ("Orvik General Hospital"; "Orvik" of "Orvik
    airport")."""
    return frozenset(
        word.text.casefold()
        for word in [name, *(c for c in name.children if c.dep_ == "compound")]
        if word.pos_ == "PROPN" and word.lower_ not in _CALENDAR
    )


def _places(*tokens: Token) -> frozenset[Place]:
    """Names after "in"/"at" on the tokens ("in Orvik", "at Orvik airport")."""
    found = (
        _place(obj)
        for token in tokens
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj"
    )
    return frozenset(place for place in found if place)


def _other_places(denied: frozenset[Place], told: frozenset[Place]) -> bool:
    """Whether both sides name places and none is one: one name's words within the
    other's is one place ("Orvik" / "Orvik Harbour"); "Orvik" / "Tulm", "Orvik Harbour"
    / "Tulm Harbour" are two."""
    if not denied or not told:
        return False
    return not any(a <= b or b <= a for a in denied for b in told)


def _calendar(token: Token) -> bool:
    """Whether the token names a weekday or a month ("Sunday", "March", "in May"), not
    the modal "may"."""
    if token.lower_ in _PLAIN_CALENDAR:
        return True
    return (
        token.lower_ == "may"
        and token.tag_ != "MD"
        and (token.pos_ == "PROPN" or token.ent_type_ == "DATE")
    )


def _days(*tokens: Token) -> frozenset[str]:
    """The day and month names dating the tokens' deed: below them through phrases, not
    through another clause ("on Sunday", "Sunday night", "at the airport on Sunday")."""
    found: set[str] = set()
    stack = list(tokens)
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _CLAUSES:
                continue
            if _calendar(child):
                found.add(child.lower_)
            stack.append(child)
    return frozenset(found)


def _other_days(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two dates of one kind (weekdays, or months) both given and none shared."""
    return any(a & kind and b & kind and not a & b & kind for kind in (WEEKDAYS, MONTHS))


def _undergoer(noun: Token) -> Token | None:
    """What a deed noun befalls: its "to"/"of" object ("damage to the Tessel bridge")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _UNDERGOER_PREPS:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _object_of(verb: Token) -> Token | None:
    """What a told deed verb befalls: its object, or a passive's subject."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _one_thing(noun: Token | None) -> Bearer | None:
    """A denied deed's undergoer when it picks out one thing: a name or a compound ("the
    Tessel bridge", "the Orvik depot"). A general noun ("buildings", "property") may be
    the class of what the other sentence names in other words ("40 homes"), so it
    separates nothing (review s42/2 M9)."""
    if noun is None:
        return None
    named = any(
        n.pos_ == "PROPN" or any(c.dep_ == "compound" for c in n.children) for n in _named(noun)
    )
    return _head_word(noun) if named else None


def _befallen(noun: Token | None) -> Bearer | None:
    return None if noun is None else _head_word(noun)


def _deed_objects(verb: Token, is_deed: Callable[[str], bool]) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj" and is_deed(lemma_of(c))]


def _kinds(noun: Token) -> frozenset[str]:
    """The adjectives that narrow a denied deed noun to a kind ("major" of "no major
    damage"), hedges aside ("no apparent damage" is of the deed itself)."""
    return frozenset(
        lemma_of(c)
        for c in noun.children
        if c.dep_ == "amod" and c.pos_ == "ADJ" and lemma_of(c) not in _HEDGES
    )


def _deed_kinds(deed: Token) -> frozenset[str]:
    """The words that say a told deed's kind: "serious" of "serious injuries",
    "seriously" of "was seriously injured"."""
    return frozenset(
        lemma_of(c)
        for c in deed.children
        if c.dep_ in _KIND_DEPS and c.pos_ in _KIND_POS and lemma_of(c) not in _HOW_MANY
    )


def _told_kinds(doc: Doc, is_deed: Callable[[str], bool]) -> frozenset[str]:
    """The kind words of every deed the sentence tells."""
    return frozenset(k for token in doc if is_deed(lemma_of(token)) for k in _deed_kinds(token))


def _narrowing(objects: list[Token]) -> frozenset[str] | None:
    """The kinds a denial is narrowed to when every denied deed noun carries a kind
    adjective ("caused no major damage"), else None: the denial is of the deed itself."""
    kinds = [_kinds(o) for o in objects]
    if not kinds or not all(kinds):
        return None
    return frozenset().union(*kinds)


def _of_the_kind(narrowed: frozenset[str] | None, told: frozenset[str]) -> bool:
    """Whether a told deed's kind words (``told``) meet a denial's narrowing: one word
    in other forms ("serious" / "seriously"), or both of a high degree ("no serious
    injuries" / "was critically injured"); a plain deed ("damaged 40 homes") or one of
    another kind ("minor injuries") may be what the denial leaves out (review s42/2 S4a)."""
    if narrowed is None:
        return True
    if any(same_stem(k, t) for k in narrowed for t in told):
        return True
    return bool(narrowed & _HIGH_DEGREE and told & _HIGH_DEGREE)


#: A denial: its bearer, whether the bearer is strict, whether the bearer undergoes the
#: deed (else does it), its places, its days, what the denied deed befalls (a verb of
#: causing's noun's "to"/"of" object), and the kinds it is narrowed to (None: the deed).
_Denial = tuple[
    Bearer | None, bool, bool, frozenset[Place], frozenset[str], Bearer | None,
    frozenset[str] | None,
]  # fmt: skip
#: A told deed: who does it, whom it befalls, its places, its days, what it befalls and
#: its kind words (each deed its own: review s43/1 S3).
_Told = tuple[
    Bearer | None, Bearer | None, frozenset[Place], frozenset[str], Bearer | None,
    frozenset[str],
]  # fmt: skip


def _denials(doc: Doc, is_deed: Callable[[str], bool]) -> Iterator[_Denial]:
    """Each denial of a deed (:data:`_Denial`)."""
    for predicate in negated_predicates(doc):
        lemma = lemma_of(predicate)
        objects = _deed_objects(predicate, is_deed)
        narrowed = _narrowing(objects)
        where, when = _places(predicate, *objects), _days(predicate)
        if lemma in _UNDERGO and objects:
            yield _subject(predicate), True, True, where, when, None, narrowed
        elif objects:
            befalls = _one_thing(_undergoer(objects[0])) if lemma in _BEFALLING else None
            yield None, False, True, where, when, befalls, narrowed
        elif is_deed(lemma):
            yield _subject(predicate), False, _undergoes(predicate), where, when, None, None


def _told(doc: Doc, is_deed: Callable[[str], bool]) -> Iterator[_Told]:
    """Each deed the other sentence tells (:data:`_Told`)."""
    for token in doc:
        if token.pos_ == "VERB" and is_deed(lemma_of(token)):
            yield (
                _agent(token),
                _patient(token),
                _places(token),
                _days(token),
                _befallen(_object_of(token)),
                _deed_kinds(token),
            )
        elif token.dep_ == "dobj" and is_deed(lemma_of(token)):
            verb = token.head
            bearer = _subject(verb) if lemma_of(verb) in _UNDERGO else None
            places, days = _places(verb, token), _days(verb)
            befalls = _befallen(_undergoer(token))
            yield None, bearer, places, days, befalls, _deed_kinds(token)


def _one_word(a: str, b: str) -> bool:
    """Whether two people words are one: the same, or the shorter and a listed ending
    ("council" / "councillor", "crew" / "crewmen"); "office" / "officer" are two."""
    short, long = sorted((a, b), key=len)
    return short == long or long in {short + ending for ending in _ENDINGS}


def _entries(words: frozenset[str]) -> frozenset[str]:
    """The people roles the words may name (:data:`_ROLES`, :data:`_BROAD`)."""
    found: set[str] = set()
    for word in words:
        for entry_word, entry in _ROLES.items():
            if _one_word(word, entry_word):
                found.add(entry)
        for entry_word, entries in _BROAD.items():
            if _one_word(word, entry_word):
                found |= entries
    return frozenset(found)


def _one_group(a: str, b: str) -> bool:
    """Whether two people roles may be one group: one entry, one holds the other
    (:data:`_HOLDS`), or a bare broad word and one of its compounds ("officer" /
    "customs officer": :func:`_broad_roles`)."""
    if a == b or b in _HOLDS.get(a, ()) or a in _HOLDS.get(b, ()):
        return True
    return a.endswith(" " + b) or b.endswith(" " + a)


def _other_kinds(denied: Bearer, told: Bearer) -> bool:
    """Whether both name their heads' kind by compounds and share none: "the bus driver" /
    "the truck driver", "the Tessel bridge" / "the Orvik bridge" (review s43/1 S7, S8)."""
    return bool(denied[1] and told[1]) and not any(
        _one_word(a, b) for a in denied[1] for b in told[1]
    )


def _roles(bearer: Bearer) -> frozenset[str]:
    """The people roles a bearer names: its heads', else its compounds' ("crew" of "the
    ferry crew members"); a compound naming some of a broad head's roles narrows it to
    them ("police officers"), and any other compound decides for a broad head
    (:func:`_broad_roles`)."""
    heads, compounds = bearer
    named, narrowing = _entries(heads), _entries(compounds)
    if named and named & narrowing:
        return named & narrowing
    broad = _broad_roles(heads, compounds)
    if broad:
        rest = frozenset(h for h in heads if not any(_one_word(h, k) for k in _BROAD))
        return broad | _entries(rest)
    return named or narrowing


def _broad_roles(heads: frozenset[str], compounds: frozenset[str]) -> frozenset[str]:
    """The roles of a broad head (:data:`_BROAD`): a bare "officer" is police, army or
    any officer ("officer"); under a compound, the compound says which ("army officers":
    soldiers; "customs officers": "customs officer", a role of its own that only a bare
    "officer" meets; review s43/g S3). Empty for a bearer with no broad head."""
    words = [key for key in _BROAD for head in heads if _one_word(head, key)]
    if not words:
        return frozenset()
    if not compounds:
        return frozenset(words).union(*(_BROAD[w] for w in words))
    found = {_BROAD_KINDS[c] for c in compounds if c in _BROAD_KINDS}
    return frozenset(found | {f"{c} {w}" for c in compounds for w in words})


def _other_bearer(denied: Bearer | None, strict: bool, told: Bearer | None) -> bool:
    """Whether the two bearers are other people. Both name people roles and none is one
    ("no passengers" / "the driver", "the ferry crew members" / "council members"); or,
    for a strict denial, no head in common ("the driver suffered no injuries" / "two
    people were injured"). Compounds never make two bearers one (review s42/4 M2) and
    tell one role apart ("the bus driver" / "the truck driver")."""
    if denied is None or told is None:
        return False
    denied_roles, told_roles = _roles(denied), _roles(told)
    if denied_roles and told_roles:
        shared = any(_one_group(a, b) for a in denied_roles for b in told_roles)
        return not shared or _other_kinds(denied, told)
    if any(_one_word(a, b) for a in denied[0] for b in told[0]):
        return False
    return strict


def _other_things(denied: Bearer | None, told: Bearer | None) -> bool:
    """Whether a denied deed's one named undergoer and the told deed's are two things: no
    head in common ("the Tessel bridge" / "40 homes", "the Tessel bridge" / "the Tessel
    depot": a shared name makes no two things one; review s43/1 S8), or one head told of
    other names ("the Tessel bridge" / "the Orvik bridge")."""
    if denied is None or told is None:
        return False
    if not any(_one_word(a, b) for a in denied[0] for b in told[0]):
        return True
    return _other_kinds(denied, told)


def _one_deed(denial: _Denial, told: _Told) -> bool:
    """Whether a denial may be of the told deed: the same bearer, place, day and
    undergoer wherever both name one."""
    bearer, strict, undergoes, places, days, befalls, narrowed = denial
    agent, patient, told_places, told_days, told_befalls, kinds = told
    told_bearer = patient if undergoes else agent
    return not (
        not _of_the_kind(narrowed, kinds)
        or _other_bearer(bearer, strict, told_bearer)
        or _other_places(places, told_places)
        or _other_days(days, told_days)
        or _other_things(befalls, told_befalls)
    )


def apart(denying: Doc, other: Doc, is_deed: Callable[[str], bool]) -> bool:
    """Whether every denial of the denying sentence is of other people or another place
    than every deed the other sentence tells (``is_deed``: a lemma meets a denied deed).
    False when either side names no deed the parse can place."""
    denials = list(_denials(denying, is_deed))
    told = list(_told(other, is_deed))
    if not denials:
        return False
    if not told:
        # no deed the parse can place: only denials of a kind no deed is told to be
        kinds = _told_kinds(other, is_deed)
        return all(not _of_the_kind(d[6], kinds) for d in denials)
    if any(_one_deed(d, t) for d in denials for t in told):
        return False
    logger.debug("denial of %r is about others than %r", denying.text[:40], other.text[:60])
    return True
