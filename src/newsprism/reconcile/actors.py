"""Actors of a clause, and the names a story uses for one actor.

Two clauses contradict only when they are about the same actors. Outlets name one
actor differently: the country, its capital ("Kyiv said" for "Ukraine said"), the seat
of its government ("the Kremlin"), its leader ("Velicky said" for "Valdoria said"), or
"he" for the person named just before, "his company" for the company the article names
that person's employer. :class:`StateNames` learns, per story, which
names stand for which state:

* a small table of seats of government that news writing uses for the state
  (:data:`SEATS`: "the Kremlin" is Russia, "Downing Street" the United Kingdom);
* capitals the story itself states: "Lorvik, the Valdorian capital", "the capital of
  Valdoria, Lorvik", "the Valdorian capital Lorvik";
* leaders the story itself titles: "Valdorian President Anton Velicky", "Anton
  Velicky, the Valdorian prime minister", "Valdoria's leader, Anton Velicky", "U.S.
  President Barack Obama" (a seat, a capital and a leader of one state share its key).

A name's :meth:`StateNames.keys` are its own key plus the state it stands for, so
"Kyiv" and "Ukraine" share a key, and the guards of
:mod:`newsprism.reconcile.discrepancies` see one actor. A pronoun subject ("he", "she")
is read as the person the article named last before it (:func:`resolve_pronoun`); "his
company" or "her firm" as the organisation an apposition of that person names ("Ivo Bel,
the chief executive of Lorvik Ferries, said his company ...": :func:`resolve_employer`).
An adjective after "is" takes the copula's subject and phrases as its own ("the bridge
is not safe for traffic": the bridge), so a state is denied or opposed ("guilty" /
"innocent") about one subject, as a verb is.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Final

from spacy.tokens import Token

from newsprism.analyze.aliases import AliasTable, alias_key
from newsprism.analyze.calendar_words import MONTHS_NO_MAY, WEEKDAYS
from newsprism.model import Entity, Passage
from newsprism.reconcile.material import StoryMaterial

__all__ = [
    "SEATS",
    "Actors",
    "StateNames",
    "actors_of",
    "compatible_roles",
    "resolve_employer",
    "resolve_pronoun",
    "same_actors",
    "setting_verb",
]

logger = logging.getLogger(__name__)

#: Seats of government that stand for their state in news writing, and capitals whose
#: name, as a subject, means the government. Only unambiguous forms.
SEATS: Final = MappingProxyType(
    {
        "kremlin": "Russia", "moscow": "Russia", "white house": "United States",
        "washington": "United States", "downing street": "United Kingdom",
        "whitehall": "United Kingdom", "london": "United Kingdom", "elysee": "France",
        "élysée": "France", "paris": "France", "berlin": "Germany", "beijing": "China",
        "kyiv": "Ukraine", "kiev": "Ukraine", "tokyo": "Japan", "ankara": "Turkey",
        "tehran": "Iran", "pyongyang": "North Korea", "seoul": "South Korea",
        "brussels": "European Union", "zhongnanhai": "China", "quai d'orsay": "France",
    }
)  # fmt: skip
# Endings that tell a demonym from its country ("Ostrenian" / "Ostrenia"), longest first;
# the stem left must keep _MIN_STEM letters so short names do not meet by chance.
_DEMONYM_ENDINGS = ("ians", "ian", "ans", "ese", "ish", "an", "ia", "a", "e", "n", "i")
_MIN_STEM = 4
_WILDCARDS = frozenset({"anything", "something", "everything", "nothing", "any", "one"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_POSSESSIVE = frozenset({"his", "her"})
# Nouns "his company" stands for an employer by; not "his party" or "his team" (which
# an apposition's organisation need not be).
_ORG_NOUNS = frozenset({"company", "firm", "business", "corporation", "employer", "startup"})
# "Ivo Bel, the chief executive officer of" / ", a spokesman for": an apposition of the
# person that ends on the organisation (a few words, no clause).
_APPOSITION = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w.-]+\s+){0,5}?(?:of|at|for)\s+(?:the\s+)?", re.I
)
_APPOSITION_SPAN = 80
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
# A nation's name or demonym, or its initials ("U.S.", "U.K.": how real reporting
# titles leaders, "U.S. President Barack Obama").
_NATION = r"(?:(?:[A-Z]\.){2,3}|[A-Z][\w’'-]+?(?:['’]s)?)"
_LEAD_TITLES = (
    r"(?:president|prime\s+minister|premier|chancellor|leader|king|queen|head\s+of\s+state)"
)
# "Lorvik, the Valdorian capital" / "the capital of Valdoria, Lorvik" / "the Valdorian
# capital Lorvik" / "Valdoria's capital, Lorvik".
_CAPITAL = (
    re.compile(rf"(?P<city>{_NAME}),\s+(?:the\s+)?(?P<nation>{_NATION})\s+capital\b"),
    re.compile(rf"\bcapital\s+of\s+(?P<nation>{_NAME}),?\s+(?P<city>{_NAME})"),
    re.compile(rf"\b(?:the\s+)?(?P<nation>{_NATION})\s+capital,?\s+(?P<city>{_NAME})"),
)
# "Valdorian President Anton Velicky" / "Anton Velicky, the Valdorian president".
_LEADER = (
    re.compile(rf"(?P<nation>{_NATION})\s+(?i:{_LEAD_TITLES})\s+(?P<person>{_NAME})"),
    re.compile(rf"(?P<person>{_NAME}),\s+(?:the\s+)?(?P<nation>{_NATION})\s+(?i:{_LEAD_TITLES})\b"),
)


class StateNames:
    """Which names of one story stand for a state (see the module docstring)."""

    def __init__(self, material: StoryMaterial, table: AliasTable | None = None) -> None:
        self._material = material
        self._table = table or AliasTable.default()

    def _nation(self, word: str) -> str | None:
        """One key for a country and its demonym: "Ostrenia" and "Ostrenian" both
        "nation:ostren" (the alias table first: "French" is France)."""
        word = re.sub(r"['’]s$", "", word)
        if word[:1].islower() or word.casefold() in ("the", "a", "its"):
            return None
        country = self._table.country_of(word) or self._table.canonical(word)
        key = alias_key(country or word)
        for suffix in _DEMONYM_ENDINGS:
            if key.endswith(suffix) and len(key) - len(suffix) >= _MIN_STEM:
                key = key[: -len(suffix)]
                break
        return f"nation:{key}"

    @cached_property
    def _learned(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for article in self._material.articles:
            for pattern in _CAPITAL:
                for m in pattern.finditer(article.text):
                    self._add(found, m.group("city"), m.group("nation"))
            for pattern in _LEADER:
                for m in pattern.finditer(article.text):
                    self._add(found, m.group("person"), m.group("nation"))
        return found

    def _add(self, found: dict[str, str], name: str, nation: str) -> None:
        key = self._nation(nation)
        if key is not None and key != alias_key(name):
            found[alias_key(name)] = key
            # the surname alone stands for the leader too
            found.setdefault(alias_key(name.rsplit(maxsplit=1)[-1]), key)

    def state_of(self, name: str) -> str | None:
        """The state a name stands for (its capital, seat or leader), or None."""
        key = alias_key(name)
        if key in self._learned:
            return self._learned[key]
        seat = SEATS.get(key.removeprefix("the "))
        # The key a learned capital or leader of that state gets: "the White House"
        # and "U.S. President Barack Obama" are one actor.
        return self._nation(seat) if seat else None

    def keys(self, name: str) -> frozenset[str]:
        """The name's own key and the key of the state it stands for (if any)."""
        own = alias_key(name)
        state = self.state_of(name)
        nation = self._nation(name) if name[:1].isupper() else None
        return frozenset(k for k in (own, state, nation) if k)


@dataclass(frozen=True)
class Actors:
    """Who does what to whom: per role, head lemmas and entity names, with each head's
    modifiers (compound nouns, adjectives); nouns after each preposition."""

    agents: frozenset[str]
    patients: frozenset[str]
    modifiers: dict[str, frozenset[str]]
    pronoun_subject: bool
    preps: dict[str, frozenset[str]]
    # What the subject becomes or is made ("was elected chair", "became mayor"): no
    # participant (two people elected chair share no one), but a different one is
    # another claim ("became chair" / "became treasurer").
    complements: frozenset[str] = frozenset()
    #: Per head, its common-noun compounds ("ferry" of "the Kelmar ferry strike"): two
    #: heads that share a name ("Kelmar") but no such word are two things ("the Kelmar
    #: ferry strike" / "the Kelmar bus strike").
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)


def _lemma(token: Token) -> str:
    return token.lemma_.casefold()


def resolve_pronoun(material: StoryMaterial, sentence: Passage, token: Token) -> str | None:
    """The person a personal pronoun means: the person entity the article mentions last
    before it (None when the article names nobody before)."""
    if token.lower_ not in _PERSONAL:
        return None
    person = _last_person(material, sentence.article, sentence.start + token.idx)
    return person.name if person else None


def _last_person(material: StoryMaterial, article: str, at: int) -> Entity | None:
    """The person entity the article mentions last before offset ``at``."""
    analysis = material.analysis(article)
    if analysis is None:
        return None
    best: tuple[int, Entity] | None = None
    for entity in analysis.entities:
        if entity.type != "PERSON":
            continue
        for mention in entity.mentions:
            if mention.end <= at and (best is None or mention.end > best[0]):
                best = (mention.end, entity)
    return best[1] if best else None


def resolve_employer(material: StoryMaterial, sentence: Passage, token: Token) -> str | None:
    """The organisation "his company" (a noun of :data:`_ORG_NOUNS` owned by "his" or
    "her") means: the one an apposition of the person the possessive stands for names
    ("Ivo Bel, the chief executive of Lorvik Ferries"), None when the article gives the
    person no such apposition or gives two organisations."""
    owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE]
    if _lemma(token) not in _ORG_NOUNS or not owners:
        return None
    person = _last_person(material, sentence.article, sentence.start + owners[0].idx)
    analysis = material.analysis(sentence.article)
    if person is None or analysis is None:
        return None
    text = material.by_id[sentence.article].text
    found = {
        org.name
        for org in analysis.entities
        if org.type == "ORG"
        for mention in person.mentions
        for o in org.mentions
        if mention.end < o.start <= mention.end + _APPOSITION_SPAN
        and _APPOSITION.fullmatch(text[mention.end : o.start])
    }
    return found.pop() if len(found) == 1 else None


def _names(
    token: Token,
    material: StoryMaterial,
    sentence: Passage,
    states: StateNames,
    *,
    own: bool = False,
) -> frozenset[str]:
    """The head lemma of a participant, the entity names inside its subtree, and the
    state each name stands for; a personal pronoun is the person it resolves to."""
    if token.lower_ in _WILDCARDS:
        return frozenset()
    antecedent = _antecedent(token)
    if antecedent is not None:
        # "a cable, which has not been made public": the cable was not made public (its
        # own words, not the names of the clauses that describe it).
        return _names(antecedent, material, sentence, states, own=True)
    if token.pos_ == "PRON":
        person = resolve_pronoun(material, sentence, token)
        return states.keys(person) | {person.casefold()} if person else frozenset()
    names = {_lemma(token)}
    employer = resolve_employer(material, sentence, token)
    if employer is not None:
        names |= {employer.casefold(), *states.keys(employer)}
    analysis = material.analysis(sentence.article)
    if analysis is not None:
        words = _own_words(token) if own else list(token.subtree)
        left = sentence.start + min(t.idx for t in words)
        right = sentence.start + max(t.idx + len(t) for t in words)
        for entity in analysis.entities:
            if any(left <= m.start and m.end <= right for m in entity.mentions):
                names.add(entity.name.casefold())
                names |= states.keys(entity.name)
    if token.pos_ == "PROPN":
        names |= states.keys(token.text)
    return frozenset(names)


def _own_words(noun: Token) -> list[Token]:
    """The noun phrase without the clauses hung on it ("a State Department cable" of
    "a State Department cable, which ..., that summarized a meeting in Benghazi")."""
    clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl", "appos", "punct")]
    cut = min((c.i for c in clauses if c.i > noun.i), default=None)
    return [t for t in noun.subtree if cut is None or t.i < cut]


def _antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the cable, which ..."), or None."""
    clause = token.head
    if token.tag_ not in ("WDT", "WP") or clause.dep_ != "relcl":
        return None
    return clause.head if clause.head.pos_ in ("NOUN", "PROPN") else None


def _modifiers(token: Token) -> frozenset[str]:
    """Modifiers that pick out a different thing: nouns ("harbour budget" / "school
    budget") and proper adjectives ("French" / "German" ships); common adjectives
    describe one thing in outlets' words ("the revised text" / "the official text")."""
    return frozenset(
        _lemma(c)
        for c in token.children
        if c.dep_ == "compound" or (c.dep_ == "amod" and c.pos_ == "ADJ" and c.text[:1].isupper())
    )


#: News synonyms among compounds (review s33, finding 6: "the dock strike" / "the port
#: strike", "the rail strike" / "the train strike" are one strike), folded to one word
#: before two heads' compounds are compared. Closed list, hand-made.
_KIND_SYNONYMS: Final = MappingProxyType(
    {"dock": "port", "harbour": "port", "harbor": "port", "train": "rail", "railway": "rail",
     "railroad": "rail", "coach": "bus", "lorry": "truck"}
)  # fmt: skip


def _kinds(token: Token) -> frozenset[str]:
    """The common-noun compounds of a head, written in lower case ("ferry", "school"),
    those of its compounds too ("ferry" of "the ferry workers strike"), synonyms folded
    (:data:`_KIND_SYNONYMS`)."""
    found: set[str] = set()
    for c in token.children:
        if c.dep_ == "compound" and c.pos_ == "NOUN" and c.text[:1].islower():
            found.add(_KIND_SYNONYMS.get(_lemma(c), _lemma(c)))
            found |= _kinds(c)
    return frozenset(found)


def actors_of(
    predicate: Token, sentence: Passage, material: StoryMaterial, states: StateNames
) -> Actors:
    """The participants of a predicate by role (see :class:`Actors`)."""
    agents: set[str] = set()
    patients: set[str] = set()
    modifiers: dict[str, frozenset[str]] = {}
    kinds: dict[str, frozenset[str]] = {}
    preps: dict[str, frozenset[str]] = {}
    complements: set[str] = set()
    pronoun = False
    for child in [*predicate.children, *_shared_subject(predicate), *_copula_dependents(predicate)]:
        role: set[str] | None = None
        participant = child
        if child.dep_ == "nsubj":
            role = agents
            unresolved = resolve_pronoun(material, sentence, child) is None
            pronoun = pronoun or (
                child.pos_ == "PRON" and child.lower_ not in _WILDCARDS and unresolved
            )
        elif child.dep_ == "oprd" and child.pos_ == "ADJ":
            pass  # "made public", "found guilty": part of the predicate, no participant
        elif child.dep_ in ("attr", "oprd"):
            role = complements
        elif child.dep_ in ("nsubjpass", "dobj"):
            role = patients
        elif child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            role, participant = (agents, objects[0]) if objects else (None, child)
        elif child.dep_ == "prep":
            nouns = [c for c in child.children if c.dep_ == "pobj"]
            if nouns and nouns[0].pos_ in ("NOUN", "PROPN") and not _is_day(nouns[0]):
                preps[_lemma(child)] = _names(nouns[0], material, sentence, states)
                # "a member of the Kelmar board" / "of the Sarnow board": one head noun,
                # named apart by its compounds.
                modifiers.setdefault(_lemma(nouns[0]), _modifiers(nouns[0]))
                kinds.setdefault(_lemma(nouns[0]), _kinds(nouns[0]))
        if role is not None:
            role |= _names(participant, material, sentence, states)
            modifiers[_lemma(participant)] = _modifiers(participant)
            kinds[_lemma(participant)] = _kinds(participant)
    noun = _modified_noun(predicate)
    if noun is not None:
        patients |= _names(noun, material, sentence, states)
        modifiers[_lemma(noun)] = _modifiers(noun)
        kinds[_lemma(noun)] = _kinds(noun)
        for child in _setting_participants(noun):
            role = agents if child.dep_ == "nsubj" else patients
            role |= _names(child, material, sentence, states)
    return Actors(
        frozenset(agents),
        frozenset(patients),
        modifiers,
        pronoun,
        preps,
        frozenset(complements),
        kinds,
    )


def _modified_noun(predicate: Token) -> Token | None:
    """The noun a past participle modifies, its patient: "an interview published Sunday"
    (the interview was published). The same test as
    :func:`newsprism.reconcile.clauses.is_reduced_relative` (which imports this module)."""
    head = predicate.head
    reduced = predicate.dep_ == "acl" and predicate.tag_ == "VBN"
    return head if reduced and head.pos_ in ("NOUN", "PROPN") else None


def setting_verb(noun: Token) -> Token | None:
    """The verb whose setting the noun is ("in", "at", "during"): "Holt told the Courier
    in an interview published Sunday" (the interview is Holt's, with the Courier), "she
    spoke at a rally held Friday" (her rally). Not a noun after "after", "before",
    "for": "arrested after a protest held Friday" is no protest of the arrested."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _SETTINGS:
        return None
    return prep.head if prep.head.pos_ == "VERB" else None


def _setting_participants(noun: Token) -> list[Token]:
    """The subject and object of the noun's :func:`setting_verb`."""
    verb = setting_verb(noun)
    return [c for c in verb.children if c.dep_ in ("nsubj", "dobj")] if verb else []


_SETTINGS = frozenset({"in", "at", "during"})


def _shared_subject(predicate: Token) -> list[Token]:
    """The subject a subjectless verb shares with the verb it hangs on: "the director
    had to apologize" (apologize), "Sanchez won the race, defeating Lee" (defeat), "the
    council met and approved the plan" (approve). None when the verb has its own
    subject, opens a subordinate clause ("after ..."), or an object controls it ("asked
    the mayor to resign")."""
    own = {c.dep_ for c in predicate.children}
    if own & {"nsubj", "nsubjpass", "csubj", "mark"} or predicate.dep_ not in _SHARING:
        return []
    head = predicate.head
    if predicate.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children):
        return []
    return [c for c in head.children if c.dep_ == "nsubj"]


_SHARING = frozenset({"xcomp", "advcl", "conj"})


def _copula_dependents(predicate: Token) -> list[Token]:
    """The subject and prepositional phrases of the copula whose complement the predicate
    is: "the bridge is not safe for heavy traffic" (safe), "the captain was innocent"
    (innocent). The complement carries the claim
    (:func:`newsprism.reconcile.clauses.content_word`), the parser hangs the rest on
    the copula (and a phrase now on one, now on the other)."""
    head = predicate.head
    if predicate.dep_ not in ("acomp", "attr") or head.i == predicate.i or _lemma(head) != "be":
        return []
    return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "prep")]


def _is_day(token: Token) -> bool:
    return token.lower_ in DAY_WORDS


# Words of a date or a time of day, lower case: weekdays, months (not "may"), day
# parts, and the calendar words around them.
DAY_WORDS = WEEKDAYS | MONTHS_NO_MAY | frozenset(
    {"today", "yesterday", "tonight", "morning", "evening", "afternoon", "night", "week",
     "weekend", "month", "year"}
)  # fmt: skip


def _role_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a and b and not a & b)


def same_actors(a: Actors, b: Actors, *, kinds: bool = False) -> bool:
    """No role filled differently on the two sides, no unresolved pronoun against a
    named subject, and at least one participant shared (``kinds``: as
    :func:`compatible_roles`)."""
    return compatible_roles(a, b, kinds=kinds) and bool(
        (a.agents | a.patients) & (b.agents | b.patients)
    )


def compatible_roles(a: Actors, b: Actors, *, preps: bool = True, kinds: bool = False) -> bool:
    """No role filled differently on the two sides and no unresolved pronoun against a
    named subject (a participant shared or not); ``preps=False`` leaves prepositional
    phrases out (descriptions attach them loosely: "with a blue background").
    ``kinds=True`` (the date pass) also holds two heads apart whose common-noun
    compounds share nothing (:attr:`Actors.kinds`); the other callers were not measured
    with it (review s33, finding 6), so it is theirs only when asked."""
    if _role_conflict(a.agents, b.agents) or _role_conflict(a.patients, b.patients):
        return False
    if _role_conflict(a.complements, b.complements):
        return False
    if (a.pronoun_subject and b.agents) or (b.pronoun_subject and a.agents):
        return False
    for head in a.modifiers.keys() & b.modifiers.keys():
        if _role_conflict(a.modifiers[head], b.modifiers[head]):
            return False
        if kinds and _role_conflict(a.kinds.get(head, frozenset()), b.kinds.get(head, frozenset())):
            return False
    return not preps or not any(
        _role_conflict(a.preps[prep], b.preps[prep]) for prep in a.preps.keys() & b.preps.keys()
    )
