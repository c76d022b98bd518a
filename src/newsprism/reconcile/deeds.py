"""Deeds a time expression hangs on, with what the day-name and clock-time passes
compare of them (:mod:`newsprism.reconcile.day_names`, guards 4 and 5): the deed's
lemma, the sentence's names, the participants' names, roles, ages and pronouns' gender,
and the words of its places and objects."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Span, Token

from newsprism.analyze.calendar_words import MONTHS, WEEKDAYS
from newsprism.model import Passage
from newsprism.reconcile.clauses import Clause, is_asserted, is_negated, lemma_of
from newsprism.reconcile.event_nouns import (
    EVENT_NOUNS,
    SPANNING_EVENTS,
    date_anchor,
    date_root,
    is_definite,
)
from newsprism.reconcile.material import StoryMaterial

__all__ = ["DEED_NOUNS", "OBJECTS", "TITLES", "Deed", "Name", "age_unit", "deed_at"]

_REPEATS: Final = frozenset({"again", "second", "another", "once", "resume", "renew", "repeat"})


#: Nouns that name a deed, with the verb that tells it ("the disappearance last
#: Saturday" is the one who "went missing Friday"). Event nouns without a verb of their
#: own (:data:`~newsprism.reconcile.event_nouns.EVENT_NOUNS`: "the debate") are their
#: own deed.
DEED_NOUNS: Final = {
    "disappearance": "disappear", "death": "die", "arrest": "arrest",
    "resignation": "resign", "release": "release", "publication": "publish",
    "announcement": "announce", "killing": "kill", "shooting": "shoot",
    "explosion": "explode", "collapse": "collapse", "escape": "escape",
    "departure": "depart", "crash": "crash", "attack": "attack",
}  # fmt: skip


#: A proper name as its case-folded words ("Jonas Brek" -> ("jonas", "brek")).
Name = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Deed:
    """A deed a time expression hangs on (:func:`deed_at`), with what guard 5 compares:
    the deed's lemma (:func:`~newsprism.reconcile.date_discrepancies.one_deed`
    compares two), the sentence's proper names (case-folded), the proper names among
    its participants, and the common-noun heads of its doer and of the one done to."""

    clause: Clause
    lemma: str
    names: frozenset[str]
    participants: tuple[frozenset[Name], frozenset[Name]]
    roles: tuple[frozenset[str], frozenset[str]]
    #: The words of the places the deed is done in, at, from, to ("in Tarnby", "from
    #: the Tarnby fair"), and of its object ("left the Tarnby fair", "the barn was
    #: reached").
    places: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    #: The story's surnames borne by more than one person ("Erik Olsen", "Mira Olsen"):
    #: such a surname alone names neither.
    crowded: frozenset[str] = frozenset()
    #: The ages told of the doer and of the one done to ("the 23-year-old", "Brek, 41").
    ages: tuple[frozenset[float], frozenset[float]] = (frozenset(), frozenset())
    #: "m" or "f" when the deed's words hold pronouns of one gender only ("his home").
    gender: str = ""
    #: For an object pointed back to ("That van was found", :func:`_antecedent`): the
    #: words of the last name the sentence before gives ("... fled in her Corran
    #: Rover." -> {corran, rover}), the thing pointed to; else empty.
    antecedent: frozenset[str] = frozenset()
    #: The towns only named as holding the deed's place ("in a Varley suburb", "in a
    #: suburb of Varley": some suburb, not the town itself, :func:`_holders`).
    holders: frozenset[str] = frozenset()
    #: For a definite person noun with no age of its own ("the man was arrested"), the
    #: one age the sentence before gives ("... the 27-year-old suspect acted alone ..."),
    #: doer's and done-to's: the person that noun points back to (:func:`_ages_before`).
    ages_before: tuple[frozenset[float], frozenset[float]] = (frozenset(), frozenset())


# Prepositions of place ("on" is left out: "on Friday").
_PLACE_PREPS: Final = frozenset({"in", "at", "from", "near", "outside", "to", "into", "inside"})


OBJECTS: Final = frozenset({"dobj", "nsubjpass"})


def _place_heads(token: Token) -> list[Token]:
    return [
        o
        for child in token.children
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS
        for o in child.children
        if o.dep_ == "pobj"
    ]


def _words_of(token: Token, span: Span, heads: Sequence[Token]) -> frozenset[str]:
    """The content words of phrases (``heads``) of the deed, the time left out, and the
    unit of an age ("the 23-year-old": an age fits any person noun, "the man")."""
    words = {
        t.lower_
        for h in heads
        for t in h.subtree
        if t.pos_ in ("NOUN", "PROPN")
        and t.ent_type_ not in ("DATE", "TIME")
        and t.i not in range(span.start, span.end)
        and t.lower_ not in WEEKDAYS
        and t.lower_ not in MONTHS
        and not age_unit(t)
    }
    return frozenset(words)


def age_unit(token: Token) -> bool:
    """The unit of an age: "year" of "23-year-old", "month" of "6-month-old"."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3].text.replace(" ", "")
    return token.lemma_.casefold() in ("year", "month") and after in ("-old", "old")


# Titles before a name, no word of the name ("Mayor Brandt" is "Lene Brandt").
TITLES: Final = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "mayor", "president", "minister", "senator",
     "governor", "judge", "officer", "sergeant", "detective", "captain", "chief",
     "professor", "rev", "lord", "lady"}
)  # fmt: skip


def deed_at(material: StoryMaterial, sentence: Passage, span: Span) -> Deed | None:
    """The deed a time expression (``span``, in the parse of ``sentence``) hangs on:
    a definite deed noun or the asserted, un-negated verb above it, with no sign of a
    repeat (guard 4); None when there is none."""
    anchor = _anchor(span)
    if anchor is None:
        return None
    token, lemma = anchor
    if ({t.lower_ for t in token.subtree} | {lemma_of(t) for t in token.subtree}) & _REPEATS:
        return None
    clause = Clause(sentence, material.source_of(sentence.article), token, False)
    plain = _plain_acronyms(material, sentence.article, span.doc)
    lower = _lower_words(material, sentence.article)
    names = frozenset(t.lower_ for t in span.doc if _name_word(t, lower, plain))
    crowded = _crowded_surnames(material)
    places = _words_of(token, span, _place_heads(token))
    objects = _words_of(token, span, [c for c in token.children if c.dep_ in OBJECTS])
    participants = _participants(token, lower, plain)
    ages = _ages(material, sentence, token)
    return Deed(
        clause, lemma, names, participants, _roles(token), places, objects, crowded,
        ages, _gender(token), _antecedent(material, sentence, token),
        _holders(token, span) & names, _ages_before(material, sentence, token, ages),
    )  # fmt: skip


#: Nouns of a part of a place: "a Varley suburb" is some suburb of Varley, which another
#: outlet may name ("the Oskel suburb"), not Varley itself.
_PART_NOUNS: Final = frozenset(
    {"suburb", "outskirts", "neighbourhood", "neighborhood", "district", "borough",
     "quarter", "area", "township"}
)  # fmt: skip
_SOME: Final = frozenset({"a", "an"})


def _holders(token: Token, span: Span) -> frozenset[str]:
    """The name words of the deed's place phrases that only hold its place: the
    modifiers or the "of" object of an indefinite part of a place ("in a Varley suburb",
    "in a suburb of Varley"). "the Oskel suburb" names the place itself."""
    heads = [
        h
        for h in _place_heads(token)
        if lemma_of(h) in _PART_NOUNS
        and any(c.dep_ == "det" and c.lower_ in _SOME for c in h.children)
    ]
    inner = [
        c
        for h in heads
        for c in h.children
        if c.dep_ in ("compound", "nmod", "amod") or (c.dep_ == "prep" and c.lower_ == "of")
    ]
    return _words_of(token, span, inner) if inner else frozenset()


#: Determiners that point back ("That van was found", after "He fled in her Corran
#: Rover."): the thing is one the sentence before named.
_POINTING: Final = frozenset({"that", "this"})
#: Heads a pointing description may give a name (review s33, finding 5: "that rifle",
#: "this phone" were taken for the car named before). Closed list of vehicles, the
#: kind of named thing the rule's evidence (a car found, told as "that van") covers.
_VEHICLES: Final = frozenset(
    {"car", "van", "truck", "lorry", "vehicle", "suv", "sedan", "jeep", "pickup",
     "minivan", "boat", "motorcycle"}
)  # fmt: skip
#: Words before a name that make it a thing owned or pointed at ("her Corran Rover",
#: "the Corran Rover"), not a person addressed by name ("the owner, Mira Olsen").
_THING_DETERMINERS: Final = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "my", "our", "your"}
)
#: Entity labels no vehicle bears: a person or a place named last is another thing.
_NOT_VEHICLES: Final = frozenset({"PERSON", "GPE", "LOC", "FAC"})
# A run of capitalised words ("Corran Rover", "North Street").
_NAME_RUN: Final = re.compile(r"\b[A-Z][\w'-]*(?:[^\S\n]+[A-Z][\w'-]*)*")


def _antecedent(material: StoryMaterial, sentence: Passage, token: Token) -> frozenset[str]:
    """The words of the name a pointing object ("that van", its own words no more than
    determiner and head, the head a vehicle: :data:`_VEHICLES`) stands for: the last run
    of capitalised words in the sentence before, the first word of that sentence aside
    (the nearest thing named; a name earlier in it may be another thing, so is never
    taken), when that run is a thing (:func:`_thing_named`) and the sentence before has
    no word of the pointer's head ("a van ... That van" points to that van); empty for
    none."""
    objects = [c for c in token.children if c.dep_ in OBJECTS]
    own = [d.lower_ for d in objects[0].children] if objects else []
    if len(own) != 1 or own[0] not in _POINTING or lemma_of(objects[0]) not in _VEHICLES:
        return frozenset()
    analysis = material.analysis(sentence.article)
    before = [
        s for s in (analysis.sentences if analysis is not None else ()) if s[1] <= sentence.start
    ]
    if not before:
        return frozenset()
    start, end = before[-1]
    text = material.by_id[sentence.article].text[start:end]
    if re.search(rf"\b{re.escape(lemma_of(objects[0]))}(?:s|es)?\b", text, re.I):
        return frozenset()
    runs = [m for m in _NAME_RUN.finditer(text) if m.start() > len(text) - len(text.lstrip())]
    if not runs or not _thing_named(material, sentence.article, text, start, runs[-1]):
        return frozenset()
    return frozenset(runs[-1].group().casefold().split())


def _thing_named(
    material: StoryMaterial, article: str, text: str, offset: int, run: re.Match[str]
) -> bool:
    """Whether a name run (at ``offset`` + its place in ``text``) names a thing: a
    determiner or possessor within the two words before it ("her red Corran Rover",
    "Dallan's Corran Rover") and no person or place entity on it (review s33, finding 5:
    "the owner, Mira Olsen" is a person, never the car "that car" points to)."""
    words = text[: run.start()].split()[-2:]
    if any(w.endswith(",") for w in words):
        return False  # "the owner, Mira Olsen": the name is in apposition, a person's
    if not any(w.casefold() in _THING_DETERMINERS or w.endswith(("'s", "\u2019s")) for w in words):
        return False
    analysis = material.analysis(article)
    start, end = offset + run.start(), offset + run.end()
    return not any(
        m.start < end and start < m.end
        for e in (analysis.entities if analysis is not None else ())
        if e.type in _NOT_VEHICLES
        for m in e.mentions
    )


def _ages(
    material: StoryMaterial, sentence: Passage, token: Token
) -> tuple[frozenset[float], frozenset[float]]:
    """The ages in the doer's and in the done-to's phrases ("the 23-year-old", "Jonas
    Brek, 41,"), in years: two different ages are two people (review s32, finding 3).
    The ages are the analysis's (:mod:`newsprism.analyze.ages`), found here by offset."""
    told = [
        (offset - sentence.start, years)
        for offset, years in _told_ages(material, sentence.article)
        if sentence.start <= offset < sentence.end
    ]
    doers: set[float] = set()
    done_to: set[float] = set()
    if not told:
        return frozenset(), frozenset()
    doc = token.doc
    for child in token.children:
        heads = (
            [o for o in child.children if o.dep_ == "pobj"] if child.dep_ == "agent" else [child]
        )
        within = {t.i for h in heads for t in h.subtree}
        found = {
            years
            for offset, years in told
            if (at := doc.char_span(offset, offset + 1, alignment_mode="expand")) is not None
            and at.start in within
        }
        if child.dep_ in ("nsubj", "agent"):
            doers |= found
        elif child.dep_ in ("dobj", "nsubjpass"):
            done_to |= found
    return frozenset(doers), frozenset(done_to)


#: Nouns of a person an age given the sentence before may belong to ("the man", "the
#: suspect"; the person nouns of :mod:`newsprism.analyze.ages`, the commonest).
_PERSON_NOUNS: Final = frozenset(
    {"man", "woman", "boy", "girl", "child", "teen", "teenager", "victim", "suspect",
     "driver", "passenger", "gunman", "shooter", "attacker", "student", "person"}
)  # fmt: skip


def _ages_before(
    material: StoryMaterial,
    sentence: Passage,
    token: Token,
    ages: tuple[frozenset[float], frozenset[float]],
) -> tuple[frozenset[float], frozenset[float]]:
    """Per role (doer, done-to) with no age of its own, held by a definite person noun
    ("the man", :data:`_PERSON_NOUNS`): the one age the article's sentence before
    gives, when it gives exactly one ("... the 27-year-old suspect acted alone.
    She said the man was arrested ..."); the person pointed back to, when the age's
    noun fits the noun (:func:`_age_fits`). Else empty."""
    analysis = material.analysis(sentence.article)
    before = [
        s for s in (analysis.sentences if analysis is not None else ()) if s[1] <= sentence.start
    ]
    if not before:
        return frozenset(), frozenset()
    start, end = before[-1]
    told = [(o, y) for o, y in _told_ages(material, sentence.article) if start <= o < end]
    if len({y for _, y in told}) != 1:
        return frozenset(), frozenset()
    text = material.by_id[sentence.article].text
    found: list[frozenset[float]] = []
    for deps, own in ((("nsubj", "agent"), ages[0]), (("dobj", "nsubjpass"), ages[1])):
        persons = [
            c
            for c in token.children
            if c.dep_ in deps
            and c.pos_ == "NOUN"
            and lemma_of(c) in _PERSON_NOUNS
            and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
        ]
        fits = bool(persons) and all(
            _age_fits(lemma_of(persons[0]), text, offset, text[start:end]) for offset, _ in told
        )
        found.append(frozenset(y for _, y in told) if fits and not own else frozenset())
    return found[0], found[1]


#: Person nouns of one gender; the other nouns of :data:`_PERSON_NOUNS` are roles
#: ("the suspect", "the victim") that fit anyone.
_NOUN_GENDER: Final = {
    "man": "m", "boy": "m", "gunman": "m", "woman": "f", "girl": "f",
}  # fmt: skip
# The noun an age written with its unit is put on: "the 27-year-old woman" -> woman;
# none for "the 27-year-old was".
_AGE_NOUN: Final = re.compile(r"[\d.,]+[\s-]*(?:year|month)s?[\s-]*old[\s-]*([a-z]+)?", re.I)


def _age_fits(noun: str, text: str, offset: int, before: str) -> bool:
    """Whether the person an age of the sentence before is told of may be "the
    <noun>": the age is put on this noun, or on no noun of one gender while the sentence
    before names no one of the other gender than the noun's ("The 27-year-old woman was
    questioned. ... the man was arrested" is two people; review s38/3)."""
    match = _AGE_NOUN.match(text, offset)
    carrier = (match.group(1) or "").casefold() if match else ""
    if carrier == noun:
        return True
    if carrier in _NOUN_GENDER:
        return False
    other = {"m": "f", "f": "m"}.get(_NOUN_GENDER.get(noun, ""))
    if other is None:
        return True
    named = {w.casefold() for w in re.findall(r"[A-Za-z]+", before)}
    pronouns = _MALE if other == "m" else _FEMALE
    nouns = {w for w, g in _NOUN_GENDER.items() if g == other}
    return not named & (pronouns | nouns | {"men" if other == "m" else "women"})


# An age as the analysis gives it: a bare figure ("Brek, 41", "aged 41"), or a figure of
# years or months with "old" after its unit ("the 23-year-old"; the analysis may end the
# text at the unit: "a 6-month" of "a 6-month-old"). "13 years" in prison is a duration.
_AGE_TEXT: Final = re.compile(r"^[^a-z]*$|(?:year|month)s?[\s-]*old\b", re.IGNORECASE)
_OLD_AFTER: Final = re.compile(r"-[^\S\n]*old\b", re.IGNORECASE)  # "20 years - old friends": none
_IN_YEARS: Final = {"years": 1.0, "months": 1 / 12}


def _told_ages(material: StoryMaterial, article: str) -> list[tuple[int, float]]:
    """The ages an article's analysis gives, as (article offset, years); once per
    article."""
    memo = material.memo("told ages")
    found: list[tuple[int, float]] | None = memo.get(article)
    if found is None:
        analysis = material.analysis(article)
        text = material.by_id[article].text
        found = memo[article] = [
            (q.start, q.value * _IN_YEARS[q.unit])
            for q in (analysis.quantities if analysis is not None else ())
            if q.unit in _IN_YEARS
            and (
                _AGE_TEXT.search(q.text)
                or (q.text[-1:].isalpha() and _OLD_AFTER.match(text, q.end))
            )
        ]
    return found


_MALE: Final = frozenset({"he", "him", "his", "himself"})
_FEMALE: Final = frozenset({"she", "her", "hers", "herself"})


def _gender(token: Token) -> str:
    """The gender of the pronouns in the deed's own phrases, when one only."""
    words = {t.lower_ for c in token.children for t in c.subtree if t.pos_ == "PRON"}
    male, female = bool(words & _MALE), bool(words & _FEMALE)
    return "m" if male and not female else "f" if female and not male else ""


def _roles(token: Token) -> tuple[frozenset[str], frozenset[str]]:
    """The common-noun heads of the doer (subject, "by" phrase) and of the one done to
    (object, passive subject); a relative pronoun stands for its noun ("the girl who
    went missing")."""
    doers: set[str] = set()
    done_to: set[str] = set()
    for child in token.children:
        heads = [child]
        if child.dep_ == "agent":
            heads = [o for o in child.children if o.dep_ == "pobj"]
        if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
            heads = [token.head]
        found = {lemma_of(h) for h in heads if h.pos_ == "NOUN"}
        if child.dep_ in ("nsubj", "agent"):
            doers |= found
        elif child.dep_ in ("dobj", "nsubjpass"):
            done_to |= found
    return frozenset(doers), frozenset(done_to)


def _anchor(span: Span) -> tuple[Token, str] | None:
    """The deed a date mention hangs on: a definite deed noun ("the disappearance last
    Saturday") or the verb above it, asserted and un-negated; with the deed's lemma."""
    noun = _deed_noun(date_root(span))
    if noun is not None:
        return noun, DEED_NOUNS.get(lemma_of(noun), lemma_of(noun))
    head = span.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.i in range(span.start, span.end):
        return None
    if is_negated(head) or not is_asserted(head) or lemma_of(head) in _NO_DEED:
        return None
    return head, _verb_deed(head)


# Verbs that tell no deed of their own (a copula, a saying, a reporting).
_NO_DEED: Final = frozenset({"be", "have", "do", "say", "tell", "report", "add", "state"})


def _verb_deed(verb: Token) -> str:
    """The deed a verb tells, as :func:`~newsprism.reconcile.date_discrepancies.one_deed`
    compares them: its lemma, "went missing" a disappearing."""
    lemma = lemma_of(verb)
    if lemma == "go" and any(c.lower_ == "missing" for c in verb.children):
        return "disappear"
    return lemma


def _deed_noun(root: Token) -> Token | None:
    """The definite noun naming a deed a date hangs on before any verb: "the
    disappearance last Saturday", "the arrest on Friday", "Friday's shooting"."""
    token = date_anchor(root)
    if token is None:
        return None
    head = token.head
    lemma = lemma_of(head)
    if head.i == token.i or head.pos_ != "NOUN":
        return None
    if lemma not in DEED_NOUNS and (lemma not in EVENT_NOUNS or lemma in SPANNING_EVENTS):
        return None
    return head if is_definite(head) else None


def _names_in(head: Token, lower: frozenset[str], plain: frozenset[str]) -> list[Name]:
    """The proper names in a phrase: runs of adjacent name words."""
    found: list[Name] = []
    run: list[str] = []
    last = -2
    for token in head.subtree:
        if not _name_word(token, lower, plain):
            continue
        if token.i != last + 1 and run:
            found.append(tuple(run))
            run = []
        run.append(token.lower_)
        last = token.i
    return [*found, tuple(run)] if run else found


def _participants(
    token: Token, lower: frozenset[str], plain: frozenset[str]
) -> tuple[frozenset[Name], frozenset[Name]]:
    """Proper names among the deed's doers (its subject, a "by" phrase, a noun's
    possessor) and among those it is done to (its object, a passive subject, what
    follows a noun's "of": "the disappearance of Kristian Perez")."""
    doers: set[Name] = set()
    done_to: set[Name] = set()
    for child in token.children:
        heads = [child]
        if child.dep_ in ("prep", "agent") and child.lower_ in ("of", "by"):
            heads = [o for o in child.children if o.dep_ == "pobj"]
        words = {n for h in heads for n in _names_in(h, lower, plain)}
        if child.dep_ in ("nsubj", "agent", "poss") or child.lower_ == "by":
            doers |= words
        elif child.dep_ in ("dobj", "nsubjpass") or child.lower_ == "of":
            done_to |= words
    return frozenset(doers), frozenset(done_to)


def _name_word(token: Token, lower: frozenset[str], plain: frozenset[str]) -> bool:
    """A word of a proper name, not a day or month: tagged so, or capitalised inside the
    sentence (the parser tags "Tarnby" in "Tarnby police" a noun), or first in the
    sentence and never written in lower case in the article (``lower``: its lower-case
    words); an acronym naming no entity of the article (``plain``) is none."""
    if token.lower_ in WEEKDAYS or token.lower_ in MONTHS or not token.is_alpha:
        return False
    if token.lower_ in plain:
        return False
    if not token.text[:1].isupper():
        return False  # "the harbour district": a lower-case word tagged PROPN is none
    if token.pos_ == "PROPN" or token.i > 0:
        return True
    # A first word that is a stop word ("The", "A", "He") is no name, however the short
    # article writes it (review s32, finding 2: a shared "The" stood for a shared name).
    return (
        token.lower_ not in lower
        and not token.is_stop
        and token.pos_ in ("NOUN", "PROPN", "ADJ", "X")
        and token.tag_ != "NNS"  # "Officials said", "Police said"
    )


def _plain_acronyms(material: StoryMaterial, article: str, doc: Doc) -> frozenset[str]:
    """Acronyms of the sentence that name no entity of its article ("SUV", "ATV": common
    nouns, as "the car" is), case-folded. Computed per call, not cached on the parse:
    one parse is shared by articles with the same sentence (review s32, finding 9)."""
    caps = {t.lower_ for t in doc if t.is_alpha and t.is_upper and len(t) >= 2}
    return frozenset(caps - _entity_words(material, article))


def _entity_words(material: StoryMaterial, article: str) -> frozenset[str]:
    """The case-folded words of the names of an article's entities (once per article)."""
    memo = material.memo("entity words")
    found: frozenset[str] | None = memo.get(article)
    if found is None:
        analysis = material.analysis(article)
        entities = analysis.entities if analysis is not None else ()
        found = memo[article] = frozenset(
            w for e in entities for w in re.findall(r"[a-z]+", e.name.casefold())
        )
    return found


def _lower_words(material: StoryMaterial, article: str) -> frozenset[str]:
    """The words an article writes in lower case (once per article and story)."""
    memo = material.memo("lower-case words")
    found: frozenset[str] | None = memo.get(article)
    if found is None:
        text = material.by_id[article].text
        found = memo[article] = frozenset(re.findall(r"\b[a-z]+\b", text))
    return found


# A given name and a surname ("Mira Olsen", "Mira K. Olsen").
_FULL_NAME: Final = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+)\b")


def _crowded_surnames(material: StoryMaterial) -> frozenset[str]:
    """The surnames the story's articles give two people with different given names
    ("Erik Olsen", "Mira Olsen"), once per story; a title or a word the article also
    writes in lower case before a surname ("Mayor Olsen", "The Olsen") is no given
    name."""
    memo = material.memo("crowded surnames")
    found: frozenset[str] | None = memo.get("")
    if found is None:
        given: dict[str, set[str]] = {}
        for article in material.by_id.values():
            lower = _lower_words(material, article.id)
            for first, last in _FULL_NAME.findall(article.text):
                folded = first.casefold()
                if folded not in TITLES and folded not in lower:
                    given.setdefault(last.casefold(), set()).add(folded)
        found = memo[""] = frozenset(s for s, names in given.items() if len(names) > 1)
    return found
