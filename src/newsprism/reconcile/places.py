"""Places of one person: two sources that put one named person in different places.

"Ana Holt, a student at Lorvik College in Tresny" against "a Varna woman, later
identified as Ana Holt": one says she is of Tresny, the other of Varna. A place counts
as the person's when the text ties it to the name itself or to a description of the
person, in one of these frames (and only there: a place elsewhere in the sentence is
where something happened, not who someone is):

* after the name: "Linda Ferrand of Sarnow", "Ana Holt from Tresny";
* in an apposition of the name: "Ana Holt, a student at Lorvik College in Tresny";
  "a nurse in Tresny, Ana Holt";
* on a description the name is given to: "a Varna woman, later identified as Ana
  Holt", "a Varna man named Ivo Bel".

Guards (a false contradiction costs the user's trust):

1. one person: the names resolve to one story person (:mod:`newsprism.reconcile.roster`),
   named in full (two words or more) in both sources;
2. the same kind of tie: a description speaking of origin ("born in", "native",
   "raised", "grew up", "hometown", "moved", "formerly") is a different attribute
   from where someone lives or works, so it is never compared; a home ("who lives
   in"), a workplace ("who works in", "Seattle-based") and a place of study are
   different attributes too (one may live in one town and work in another), each
   compared only with its own kind and with a description that names no relation
   ("a Portland nurse");
3. only the narrowest places: a state or country (:data:`REGIONS`, the alias table's
   countries) holds cities and is dropped, as is a place the story writes after a
   comma behind another ("Tresny, Wash.": Wash. holds Tresny); two places one
   description names together are nested, never a clash; a tie through a part of a
   place ("the Porta area of Lorvik", "a district of Lorvik") names no one place;
4. each source takes one side: a source that gives both places for the person
   reports no clash, and the two sides share no place.

Places are the analysis's GPE and LOC entities (canonical names, so "Kiev" and "Kyiv"
are one).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Token

from newsprism.analyze.aliases import AliasTable, fold_key
from newsprism.model import Passage
from newsprism.reconcile.actors import StateNames, actors_of, compatible_roles
from newsprism.reconcile.clauses import Clause, Parsed, is_negated, usable
from newsprism.reconcile.discrepancy_groups import prefixes
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import StoryNames, story_names
from newsprism.reconcile.undergoers import one_undergoer

__all__ = ["REGIONS", "deed_places", "mentions", "place_holders", "placed_apart", "places_of"]

logger = logging.getLogger(__name__)

#: US states, by name and by the abbreviations news style uses ("Wash.", "Calif."),
#: which hold the cities a person is placed in; never compared with a city.
REGIONS: Final = frozenset(
    fold_key(n)
    for n in """alabama ala alaska arizona ariz arkansas ark california calif colorado colo
    connecticut conn delaware del florida fla georgia ga hawaii idaho illinois ill indiana
    ind iowa kansas kan kentucky ky louisiana la maine maryland md massachusetts mass
    michigan mich minnesota minn mississippi miss missouri mo montana mont nebraska neb
    nevada nev ohio oklahoma okla oregon ore pennsylvania pa tennessee tenn texas utah
    vermont vt virginia va washington wash wisconsin wis wyoming wyo""".split()  # noqa: SIM905
) | frozenset(
    fold_key(n)
    for n in (
        "New Hampshire", "N.H.", "New Jersey", "N.J.", "New Mexico", "N.M.", "New York",
        "N.Y.", "North Carolina", "N.C.", "North Dakota", "N.D.", "Rhode Island", "R.I.",
        "South Carolina", "S.C.", "South Dakota", "S.D.", "West Virginia", "W.Va.",
        "Washington State", "D.C.", "Puerto Rico",
    )
)  # fmt: skip
_PLACE_TYPES: Final = frozenset({"GPE", "LOC"})
_PLACE_PREPS: Final = frozenset({"in", "of", "from", "at", "near"})
_NAME_PREPS: Final = frozenset({"of", "from"})
# Words of a description that speak of origin or a past place, not of where one is.
_ORIGIN: Final = frozenset(
    {"bear", "born", "native", "raise", "grow", "grew", "hometown", "move", "formerly",
     "former", "originally", "visit", "visiting", "travel", "trip", "vacation", "flee"}
)  # fmt: skip
_NAMING_VERBS: Final = frozenset({"identify", "name"})
# Parts of a place: a chain through one ties a person to no single place.
_PARTS: Final = frozenset(
    {"area", "district", "neighborhood", "neighbourhood", "suburb", "outskirts", "borough",
     "quarter", "region", "county", "province", "part", "section", "side"}
)  # fmt: skip
# Verbs of a relative clause on a name that tell where the person lives, works or
# studies, by relation: a home and a workplace are different attributes ("who lives in
# Seattle" / "who works in Tacoma" is a commute, not a clash), never compared.
_RESIDING: Final = {
    "live": "home", "reside": "home", "work": "work", "teach": "work", "study": "study",
}  # fmt: skip
# A description ("a Portland nurse", "Ana Holt of Varna") names no relation: it is
# compared with each of them.
_ANY: Final = ""
_BASED: Final = "work"  # "a Seattle-based lawyer": where one works or is based, no home
_MAX_DEPTH = 3  # prepositions followed from a description: "student at a college in X"


@dataclass(frozen=True, slots=True)
class _Placed:
    """One source's sentence placing one person."""

    sentence: Passage
    source: str
    person: str  # the story's key of the person
    name: str  # as the article names them
    places: frozenset[str]
    relation: str  # :data:`_ANY`, or a value of :data:`_RESIDING`


def _places_of(doc: Doc, offset: int, places: Sequence[tuple[int, int, str]]) -> dict[int, str]:
    """Token index -> place name, for tokens inside a place mention of the sentence."""
    found: dict[int, str] = {}
    for start, end, name in places:
        span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        for token in span or ():
            found[token.i] = name
    return found


def _descriptions(name: Token) -> list[Token]:
    """Nouns that describe the person named by ``name``: its appositions, the noun it is
    in apposition to, and a noun it is given to ("a Varna woman, identified as ...")."""
    found = [c for c in name.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    # "nurse Ana Holt", "Tresny nurse Ana Holt": a title noun before the name.
    found += [c for c in name.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        found.append(name.head)
    verb = name.head.head if name.dep_ == "pobj" and name.head.lower_ == "as" else name.head
    naming = verb.lemma_.casefold() in _NAMING_VERBS and verb.tag_ == "VBN"
    if naming and (name.dep_ == "oprd" or verb is not name.head):
        found.extend(_named_noun(verb))
    return found


def _named_noun(verb: Token) -> list[Token]:
    """The noun a naming participle describes: its head noun ("a man named ..."), or,
    when it hangs on a verb, the last noun before it in that verb's clause."""
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN":
        return [verb.head]
    if verb.dep_ == "advcl":
        before = [t for t in verb.head.subtree if t.i < verb.i and t.pos_ == "NOUN"]
        return before[-1:]
    return []


def _tied_places(token: Token, places: dict[int, str], preps: frozenset[str]) -> set[str]:
    """Places in the compounds of ``token`` and down chains of its prepositions ("a
    student at a college in Tresny"). A chain through a part of a place ("the Porta
    area of Lorvik", "a district of Lorvik") names no one place: nothing is kept."""
    plain, based = _tied(token, places, preps)
    return plain | based


def _tied(token: Token, places: dict[int, str], preps: frozenset[str]) -> tuple[set[str], set[str]]:
    """:func:`_tied_places`, split: the places before "based" apart (a base, no home)."""
    found: set[str] = set()
    based: set[str] = set()
    frontier, depth = [token], 0
    while frontier and depth <= _MAX_DEPTH:
        nxt = []
        for node in frontier:
            if node.lemma_.casefold() in _PARTS:
                return set(), set()
            found |= {places[c.i] for c in node.children if c.dep_ == "compound" and c.i in places}
            # "a Tresny-based nurse": the place before "based".
            based |= {
                places[g.i]
                for c in node.children
                if c.dep_ == "amod" and c.lower_ == "based"
                for g in c.children
                if g.i in places
            }
            for prep in node.children:
                if prep.dep_ != "prep" or prep.lower_ not in (
                    preps if depth == 0 else _PLACE_PREPS
                ):
                    continue
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        if obj.i in places:
                            found.add(places[obj.i])
                        nxt.append(obj)
        frontier, depth = nxt, depth + 1
    return found, based


def _origin_words(token: Token) -> bool:
    return any(t.lemma_.casefold() in _ORIGIN or t.lower_ in _ORIGIN for t in token.subtree)


def _person_places(name: Token, places: dict[int, str]) -> dict[str, set[str]]:
    """Relation (:data:`_ANY`, or a value of :data:`_RESIDING`) -> the person's places."""
    found: dict[str, set[str]] = {}

    def add(tied: tuple[set[str], set[str]]) -> None:
        found.setdefault(_ANY, set()).update(tied[0])
        found.setdefault(_BASED, set()).update(tied[1])

    if not _origin_words(name):
        add(_tied(name, places, _NAME_PREPS))
    for noun in _descriptions(name):
        if not _origin_words(noun):
            add(_tied(noun, places, _PLACE_PREPS))
    for clause in name.children:
        # "Ana Holt, who lives in Tresny": where she lives or works, told in a clause
        # in the present ("who lived in Tresny" is a former home).
        relation = _RESIDING.get(clause.lemma_.casefold())
        if clause.dep_ == "relcl" and relation and clause.tag_ in ("VBZ", "VBP"):
            found.setdefault(relation, set()).update(_tied_places(clause, places, _DEED_PREPS))
    return {r: p for r, p in found.items() if p}


def _mentions(
    material: StoryMaterial, sentence: Passage, types: frozenset[str]
) -> list[tuple[int, int, str]]:
    analysis = material.analysis(sentence.article)
    return [
        (m.start, m.end, e.name)
        for e in (analysis.entities if analysis else ())
        if e.type in types
        for m in e.mentions
        if sentence.start <= m.start and m.end <= sentence.end
    ]


def _candidates(
    material: StoryMaterial, sentences: Sequence[Passage], names: StoryNames
) -> list[Passage]:
    """Prefilter (parsing is the costly step): sentences naming a place and a person
    named in full whom a sentence of another source names beside a place too."""
    marked = []
    for s in sentences:
        people = {
            names.key(n)
            for *_, n in _mentions(material, s, frozenset({"PERSON"}))
            if len(n.split()) >= 2
        }
        if people and _mentions(material, s, _PLACE_TYPES):
            marked.append((s, material.source_of(s.article), people))
    return [
        s
        for s, source, people in marked
        if any(people & other for _, theirs, other in marked if theirs != source)
    ]


def _placed(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[_Placed]:
    names = story_names(material)
    candidates = _candidates(material, sentences, names)
    found: list[_Placed] = []
    for sentence, doc in zip(candidates, parsed.docs(candidates), strict=True):
        places = _places_of(doc, sentence.start, _mentions(material, sentence, _PLACE_TYPES))
        for start, end, person in _mentions(material, sentence, frozenset({"PERSON"})):
            span = doc.char_span(
                start - sentence.start, end - sentence.start, alignment_mode="expand"
            )
            if span is None or len(person.split()) < 2:
                continue
            source = material.source_of(sentence.article)
            for relation, tied in _person_places(span.root, places).items():
                key = names.key(person)
                found.append(_Placed(sentence, source, key, person, frozenset(tied), relation))
    return found


def _holders(material: StoryMaterial, table: AliasTable) -> set[str]:
    """Places that hold others: states, countries, and any place the story writes after
    another and a comma ("Tresny, Wash.")."""
    held = set(REGIONS) | {fold_key(c) for c in table.demonyms.values()}
    for article in material.articles:
        analysis = material.analysis(article.id)
        places = sorted(
            (m.start, m.end, e.name)
            for e in (analysis.entities if analysis else ())
            if e.type in _PLACE_TYPES
            for m in e.mentions
        )
        for (_, end, _), (start, _, name) in itertools.pairwise(places):
            if article.text[end:start].strip() == ",":
                held.add(fold_key(name))
    return held


# The same readings, for the places of an event (:mod:`newsprism.reconcile.event_places`).
mentions = _mentions
places_of = _places_of
place_holders = _holders


def _narrowest(places: Iterable[str], holders: set[str]) -> frozenset[str]:
    return frozenset(k for k in map(fold_key, places) if k not in holders)


def _nested(sides: set[frozenset[str]], nested: list[frozenset[str]]) -> bool:
    """Whether two of the sides' places were named together somewhere in the story."""
    mine = {x for side in sides for x in side}
    return any(len(mine & together) >= 2 for together in nested)


def placed_apart(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[tuple[str, list[Passage]]]:
    """Each person two sources place differently (the module's guards): what is in
    question ("where Ana Holt is: Tresny / Varna") and the sentences of each side."""
    placed = _placed(material, sentences, parsed)
    if len(placed) < 2:
        return []
    holders = _holders(material, AliasTable.default())
    # Places one description names together are nested ("a college in Tresny, Wash."):
    # wherever else the story names them, one holds the other.
    nested = [frozenset(map(fold_key, p.places)) for p in placed if len(p.places) > 1]
    by_person: dict[str, list[_Placed]] = {}
    for p in placed:
        by_person.setdefault(p.person, []).append(p)
    found: list[tuple[str, list[Passage]]] = []
    for told in by_person.values():
        # Guard 2: places of one relation (a description's going with every relation).
        relations = {p.relation for p in told} - {_ANY} or {_ANY}
        for relation in sorted(relations):
            kept = [p for p in told if p.relation in (relation, _ANY)]
            clash = _clash(kept, holders, nested)
            if clash is not None and clash not in found:
                found.append(clash)
    return found


def _clash(
    placed: list[_Placed], holders: set[str], nested: list[frozenset[str]]
) -> tuple[str, list[Passage]] | None:
    """One person's places of one relation, when sources give different ones."""
    sources: dict[str, list[_Placed]] = {}
    for p in placed:
        sources.setdefault(p.source, []).append(p)
    sides = {
        source: _narrowest((x for p in ps for x in p.places), holders)
        for source, ps in sources.items()
    }
    sides = {source: v for source, v in sides.items() if len(v) == 1}
    if len(set(sides.values())) < 2 or _nested(set(sides.values()), nested):
        return None
    claims: list[Passage] = []
    for s in sides:
        for p in sources[s]:
            if _narrowest(p.places, holders) and p.sentence not in claims:
                claims.append(p.sentence)
    shown = {fold_key(x): x for s in sides for p in sources[s] for x in p.places}
    where = " / ".join(sorted(shown[next(iter(v))] for v in set(sides.values())))
    return f"where {sources[next(iter(sides))][0].name} is: {where}", claims


# --- where a deed was done --------------------------------------------------------------

# Prepositions that place a deed itself ("was arrested in Tresny", "spoke at Varna").
_DEED_PREPS: Final = frozenset({"in", "at", "during"})
_MIN_SHARED = 3  # four-letter word stems two sentences share before they are parsed


@dataclass(frozen=True, slots=True)
class _Deed:
    """One asserted deed of a sentence and the narrowest places it is done in."""

    clause: Clause
    places: frozenset[str]


def _article_places(material: StoryMaterial) -> dict[str, frozenset[str]]:
    """Every place each article names anywhere (keys), for guard 4 of :func:`deed_places`."""
    found = {}
    for article in material.articles:
        analysis = material.analysis(article.id)
        found[article.id] = frozenset(
            fold_key(e.name)
            for e in (analysis.entities if analysis else ())
            if e.type in _PLACE_TYPES
        )
    return found


def _deed_candidates(
    material: StoryMaterial, sentences: Sequence[Passage], named: dict[str, frozenset[str]]
) -> list[Passage]:
    """Prefilter (parsing is the costly step): sentences naming a place that another
    source's article never names, beside a sentence of that source naming a place
    this article never names, the two sharing :data:`_MIN_SHARED` word stems. Only the
    articles a sentence's places are foreign to are visited (most places of a story are
    named by most of its articles), not every pair of sentences."""
    naming: dict[str, set[str]] = {}
    for article, places in named.items():
        for place in places:
            naming.setdefault(place, set()).add(article)
    every = set(named)
    marked: list[_Marked] = []
    for s in sentences:
        places = frozenset(fold_key(n) for *_, n in _mentions(material, s, _PLACE_TYPES))
        if places:
            covered = set.intersection(*(naming.get(p, set()) for p in places))
            source = material.source_of(s.article)
            marked.append(_Marked(s, source, frozenset(every - covered), prefixes(s.text)))
    by_article: dict[str, list[_Marked]] = {}
    for m in marked:
        by_article.setdefault(m.sentence.article, []).append(m)
    keep: set[tuple[str, int]] = set()
    for a in marked:
        for article in a.foreign:
            for b in by_article.get(article, ()):
                if (
                    b.source != a.source
                    and a.sentence.article in b.foreign
                    and len(a.words & b.words) >= _MIN_SHARED
                ):
                    keep.update({_key(a.sentence), _key(b.sentence)})
    return [m.sentence for m in marked if _key(m.sentence) in keep]


@dataclass(frozen=True, slots=True)
class _Marked:
    """A sentence naming places: its source, the articles that never name one of its
    places, its word stems."""

    sentence: Passage
    source: str
    foreign: frozenset[str]
    words: frozenset[str]


def _key(sentence: Passage) -> tuple[str, int]:
    return sentence.article, sentence.start


def _deeds(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed, holders: set[str]
) -> list[_Deed]:
    found = []
    for sentence, doc in zip(sentences, parsed.docs(sentences), strict=True):
        places = _places_of(doc, sentence.start, _mentions(material, sentence, _PLACE_TYPES))
        source = material.source_of(sentence.article)
        for token in doc:
            if token.pos_ != "VERB" or is_negated(token) or not usable(token, participles=True):
                continue
            if not _one_thing(token):
                continue
            narrow = _narrowest(_tied_places(token, places, _DEED_PREPS), holders)
            if narrow:
                found.append(_Deed(Clause(sentence, source, token, False), narrow))
    return found


# Determiners that pick out one known thing ("the bill", "this bill"); "a rally", "two
# speeches", "some talks" are one of many a person may give.
_DEFINITE: Final = frozenset({"the", "this", "that", "these", "those"})


def _one_thing(verb: Token) -> bool:
    """Guard 1b: the deed's object, if it has one, is one known thing ("signed the
    harbour levy bill", "signed it", "visited Varna"), not one of a kind ("held a rally
    in Pittsburgh" / "held a rally in Scranton": two rallies)."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.pos_ in ("PROPN", "PRON"):
            continue
        if not any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in obj.children
        ):
            return False
    return True


def _one_doer(a: Clause, b: Clause, material: StoryMaterial, states: StateNames) -> bool:
    """Guard 2: the same agent, named on both sides, and no role filled differently."""
    mine, theirs = (
        actors_of(a.predicate, a.sentence, material, states),
        actors_of(b.predicate, b.sentence, material, states),
    )
    return bool(mine.agents & theirs.agents) and compatible_roles(mine, theirs, preps=False)


def deed_places(
    material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed
) -> list[tuple[Clause, Clause]]:
    """Two sources placing one deed in different places: "Holt was arrested in Tresny"
    against "Holt was arrested at a rally in Varna". Guards, all required:

    1. one deed: the same verb lemma on both sides, asserted and un-negated (no modal,
       hedge, condition or question; a participle on an asserted verb counts), no speech
       or cognition verb (where someone said a thing is an interview's place, and one
       may speak in many); its object, if any, one known thing (:func:`_one_thing`);
    2. one doer: an agent named on both sides and shared (a capital for its state, "he"
       for the person named before), no role filled differently; or, for a deed done
       once to its undergoer (arrested, found, killed), one named undergoer
       (:func:`~newsprism.reconcile.undergoers.one_undergoer`: "Police arrested Ivo
       Bel in Tresny" / "Ivo Bel was arrested in Varna");
    3. the place is the deed's: after "in"/"at" on the verb, or down a chain of such
       phrases from it ("at a rally in Varna"), never through a part of a place; only
       the narrowest places (states, countries, a place written after a comma behind
       another are dropped), and two places a sentence names together are nested;
    4. each article takes one side: an article that names the other side's place
       anywhere reports no clash (it may tell of two stops).

    The caller adds the date guard (different occasions are no contradiction) and the
    clause similarity.
    """
    named = _article_places(material)
    candidates = _deed_candidates(material, sentences, named)
    if len(candidates) < 2:
        return []
    holders = _holders(material, AliasTable.default())
    deeds = _deeds(material, candidates, parsed, holders)
    nested = [d.places for d in deeds if len(d.places) > 1]
    return [
        (a.clause, b.clause)
        for i, a in enumerate(deeds)
        for b in deeds[i + 1 :]
        if a.clause.source != b.clause.source
        and a.clause.lemma == b.clause.lemma
        and not a.places & b.places
        and not _nested({a.places, b.places}, nested)
        and not b.places & named[a.clause.sentence.article]
        and not a.places & named[b.clause.sentence.article]
        and (
            _one_doer(a.clause, b.clause, material, parsed.states)
            or one_undergoer(a.clause, b.clause, material, parsed.states)
        )
    ]
