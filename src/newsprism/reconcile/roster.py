"""Who and where, across a story: one roster entry per person, place and organisation.

Each article's analysis already names its entities canonically *within* the article
("Anton Velický", with mentions "Velický", "the prime minister"). Across articles the
same entity still arrives under different names; :func:`build_roster` merges them by
these rules, each a general property of news names, none a list of the story's names:

1. **One key.** Names with one :func:`~newsprism.analyze.aliases.fold_key` after the
   alias table's canonical form are one entity: "Anton Velicky" / "Anton Velický",
   "U.K." / "Britain", "Lorvik Dockers' Union" / "Lorvik Dockers’ Union".
2. **Surnames.** A one-word person ("Oresh") joins the only full name in the story whose
   last word it is ("Milan Oresh"); with two such full names it stays apart.
3. **Written forms.** A name equal to a capitalised mention of exactly one other entity
   joins it: an article's "SFRS" joins the entity another article wrote as "State Fire
   and Rescue Service (SFRS)"; an acronym joins the one name whose initials it is.
4. **Country forms.** A demonym (NORP "Ostrenian") or a state form ("Ostrenian
   Republic", "Republic of X") joins the country the alias table's
   :meth:`~newsprism.analyze.aliases.AliasTable.same_country` says it names.
5. **Place nouns.** A place written with fewer generic place nouns joins the fuller
   name: "Mirewood", "Mirewood reserve" -> "Mirewood Forest Reserve"; "Vesna" -> "Vesna
   River"; a plural range name joins its hills or mountains ("the Calderas" ->
   "Caldera Hills").
6. **Transliterations.** Names of one kind whose :func:`sound_key` is equal and at least
   five letters long are one: "Zhelvar" / "Jelvar", "Tresnyavets" / "Tresnjawez"; the
   spelling more articles use is the name (on a tie, the one the story used first).
7. **Given-name forms.** Full names of one surname whose given names are a short and a
   formal form of one name, middle initials aside, or whose one given name is the
   other's middle name, are one person: "Bernie Sanders" / "Bernard Sanders", "Sen.
   Chris Holt" / "Christopher J. Holt", "Todd Varga" / "Alden Todd Varga", unless a
   third name fits only one of them
   (:mod:`newsprism.reconcile.roster_people`).

Every mention's surface form becomes an alias (edge punctuation and a possessive 's
removed), as do the other names merged in. Persons never merge with non-persons.

Output order: entries by number of articles, most first, then by name (case-folded);
aliases in order of first appearance (story order, then offset); articles in story
order. Cost: linear in the entities and mentions, plus a pass over pairs of one-word
and multi-word names (a few hundred names per story).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from newsprism.analyze.aliases import (
    LOC_AFTER,
    PLACE_NOUNS,
    AliasTable,
    fold_key,
    harmonize_types,
    initials,
    is_acronym,
)
from newsprism.model import RosterEntry
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster_people import fitting_groups, full_name

logger = logging.getLogger(__name__)

__all__ = ["RosterOptions", "StoryNames", "build_roster", "sound_key", "story_names"]

# Types a roster keeps; NORP (nationalities) only joins a country (rule 4).
ROSTER_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "NORP"})
_TYPE_ORDER = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP")
# Words of a state's formal name around the country ("Ostrenian Republic", "Republic of
# Valdoria", "Kingdom of X"): dropped before asking whether the rest names a country.
_STATE_WORDS = frozenset(
    {
        "republic", "kingdom", "federation", "federal", "state", "principality",
        "commonwealth", "of", "the", "people's", "democratic", "union",
    }
)  # fmt: skip
# Generic nouns of a place name ("Mirewood Forest Reserve" is "Mirewood" + these).
_GENERIC_PLACE = frozenset(PLACE_NOUNS) | LOC_AFTER
# Ranges written as a plural of their first word ("the Calderas" = "Caldera Hills").
_RANGE_NOUNS = frozenset({"hills", "mountains", "islands", "range", "alps", "heights"})
# Connectors allowed lower-case inside a proper name ("State Fire and Rescue Service").
_CONNECTORS = frozenset({"of", "and", "the", "de", "del", "da", "von", "van", "der", "for"})
_EDGE = " \t\n\"'“”‘’«»„,;:()[]"
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
# Transliteration spellings folded by sound_key, applied in this order (longest first so
# "tsch" is not read as "ts" + "ch").
_SOUNDS = (
    ("tsch", "ch"), ("sch", "s"), ("zh", "j"), ("kh", "h"), ("sh", "s"), ("ch", "h"),
    ("ts", "z"), ("tz", "z"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("j", "y"), ("c", "k"),
    ("q", "k"), ("x", "ks"),
)  # fmt: skip
# Shortest sound key rule 6 trusts: shorter names collide by chance ("Iran"/"Iren").
MIN_SOUND_KEY = 5


@dataclass(frozen=True)
class RosterOptions:
    """Switches for the merge rules (all on by default; each has a test)."""

    surnames: bool = True
    written_forms: bool = True
    country_forms: bool = True
    place_nouns: bool = True
    transliterations: bool = True
    given_names: bool = True


def sound_key(name: str) -> str:
    """A transliteration-blind key: :func:`fold_key`, letters only, common spelling
    variants of one sound folded ("zh"/"j", "w"/"v", "ts"/"z"), doubled letters single.

    >>> sound_key("Zhelvar") == sound_key("Jelvar")
    True
    """
    text = "".join(ch for ch in fold_key(name) if ch.isalpha() or ch == " ")
    for old, new in _SOUNDS:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def _surface(text: str) -> str:
    """A mention as an alias: edge punctuation and a possessive 's removed."""
    stripped = text.strip(_EDGE)
    for suffix in ("'s", "’s"):
        stripped = stripped.removesuffix(suffix)
    return stripped.strip(_EDGE)


def _is_proper(text: str) -> bool:
    """Every word capitalised but connectors, and not all connectors ("State Fire and
    Rescue Service", "SFRS"; not "the governor")."""
    words = _WORD.findall(text)
    content = [w for w in words if w.casefold() not in _CONNECTORS]
    return bool(content) and all(w[:1].isupper() for w in content) and words[0][:1].isupper()


def _group(type_: str) -> str:
    return "PERSON" if type_ == "PERSON" else "OTHER"


@dataclass
class _Node:
    """All uses of one name key: its spellings, types, articles and mentions."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    articles: dict[int, None] = field(default_factory=dict)
    mentions: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def type(self) -> str:
        return max(self.types, key=lambda t: (self.types[t], -_rank(t)))

    @property
    def name(self) -> str:
        """The spelling with the most diacritics (an ASCII spelling is the accented one
        with its marks dropped, as wire copy often prints it), then the one most
        articles use."""
        return max(self.forms, key=lambda f: (_marks(f), self.forms[f], f))

    @property
    def words(self) -> list[str]:
        return self.key.split()


def _rank(type_: str) -> int:
    return _TYPE_ORDER.index(type_) if type_ in _TYPE_ORDER else len(_TYPE_ORDER)


def _marks(text: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFD", text) if unicodedata.combining(ch))


class _Forest:
    """Union-find over node keys; ``alias_of`` remembers keys merged *into* another."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}
        self.alias = set[str]()

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, source: str, target: str) -> None:
        """Merge ``source`` into ``target`` (the target's name is preferred)."""
        a, b = self.find(source), self.find(target)
        if a != b:
            self.parent[a] = b
            self.alias.add(source)


def _collect(material: StoryMaterial, table: AliasTable) -> dict[str, _Node]:
    """One node per name key over the story's analysed articles, types harmonised."""
    analyses = [material.analyses[a.id] for a in material.articles if a.id in material.analyses]
    types = harmonize_types(a.entities for a in analyses)
    order = {a.id: i for i, a in enumerate(material.articles)}
    nodes: dict[str, _Node] = {}
    for analysis in analyses:
        index = order[analysis.article_id]
        for entity in analysis.entities:
            type_ = types.get(entity.name, entity.type)
            if type_ not in ROSTER_TYPES and type_ != "NORP":
                continue
            name = table.canonical(entity.name) or entity.name
            node = nodes.setdefault(fold_key(name), _Node(fold_key(name)))
            node.forms[name] += 1
            node.types[type_] += 1
            node.articles[index] = None
            node.mentions.extend((index, m.start, m.text) for m in entity.mentions)
    return nodes


def _join_surnames(nodes: Mapping[str, _Node], forest: _Forest) -> None:
    by_last: dict[str, list[str]] = defaultdict(list)
    for node in nodes.values():
        if node.type == "PERSON" and len(node.words) > 1:
            by_last[node.words[-1]].append(node.key)
    for node in nodes.values():
        people = {forest.find(k) for k in by_last[node.key]}
        if node.type == "PERSON" and len(node.words) == 1 and len(people) == 1:
            forest.join(node.key, by_last[node.key][0])


def _join_given_names(nodes: Mapping[str, _Node], forest: _Forest) -> None:
    """Full names of one surname written with other given names, one person's (rule 7:
    :mod:`newsprism.reconcile.roster_people`): "Bernie Sanders" / "Bernard Sanders",
    "Sen. Chris Holt" / "Christopher J. Holt", "Todd Varga" / "Alden Todd Varga"; not
    "Edvin H. M. Rask" / "Edvin M. Rask", nor a bare "Edvin Rask" beside both."""
    names = {
        node.key: name
        for node in nodes.values()
        if node.type == "PERSON" and (name := full_name(node.key)) is not None
    }
    for group in fitting_groups(names):
        first, *others = sorted(group, key=lambda k: (-len(nodes[k].articles), k))
        for other in others:
            forest.join(other, first)


def _join_written_forms(nodes: Mapping[str, _Node], forest: _Forest) -> None:
    claims: dict[str, set[str]] = defaultdict(set)
    for node in nodes.values():
        for _, _, text in node.mentions:
            surface = _surface(text)
            if _is_proper(surface) and fold_key(surface) != node.key:
                claims[fold_key(surface)].add(node.key)
        acronym = initials(node.name)
        if acronym and len(acronym) >= 2:
            claims[acronym].add(node.key)
    for key, owners in claims.items():
        claimed = nodes.get(key)
        if claimed is None or len(owners) != 1:
            continue
        (owner,) = owners
        if _group(claimed.type) == _group(nodes[owner].type) and (
            not is_acronym(claimed.name) or claimed.type != "PERSON"
        ):
            forest.join(key, owner)


def _join_country_forms(nodes: Mapping[str, _Node], forest: _Forest, table: AliasTable) -> None:
    countries = [n for n in nodes.values() if n.type == "GPE" and len(n.words) <= 3]
    for node in nodes.values():
        if node.type not in {"GPE", "NORP"}:
            continue
        rest = [w for w in node.name.split() if w.casefold() not in _STATE_WORDS]
        if not rest or (node.type == "GPE" and len(rest) == len(node.words)):
            continue  # a plain place name is not a form of another country
        core = " ".join(rest)
        targets = [
            c.key for c in countries if c.key != node.key and table.same_country(core, c.name)
        ]
        if len(targets) == 1:
            forest.join(node.key, targets[0])


def _extends(short: _Node, long: _Node) -> bool:
    """Whether ``long`` is ``short`` with more generic place nouns ("Mirewood reserve" ->
    "Mirewood Forest Reserve"), or ``short`` is the plural of a range's first word."""
    a, b = short.words, long.words
    if len(a) >= len(b) or not a or (a[0] != b[0] and not (len(a) == 1 and b[-1] in _RANGE_NOUNS)):
        return False
    if len(a) == 1 and a[0] != b[0]:
        return len(b) == 2 and a[0] in {b[0] + "s", b[0] + "es"}
    extra = list(b)
    for word in a:
        if word not in extra:
            return False
        extra.remove(word)
    return all(w in _GENERIC_PLACE for w in extra)


def _join_place_nouns(nodes: Mapping[str, _Node], forest: _Forest) -> None:
    places = [n for n in nodes.values() if n.type != "PERSON"]
    for short in places:
        targets = [long.key for long in places if long is not short and _extends(short, long)]
        # The fullest form wins when several contain it ("Mirewood" -> the reserve).
        if targets:
            best = max(targets, key=lambda k: (len(nodes[k].words), len(nodes[k].articles), k))
            forest.join(short.key, best)


def _join_transliterations(nodes: Mapping[str, _Node], forest: _Forest) -> None:
    by_sound: dict[tuple[str, str], list[_Node]] = defaultdict(list)
    for node in nodes.values():
        key = sound_key(node.name)
        if len(key.replace(" ", "")) >= MIN_SOUND_KEY:
            by_sound[(_group(node.type), key)].append(node)
    for group in by_sound.values():
        group.sort(key=lambda n: (-len(n.articles), min(n.articles), n.key))
        for other in group[1:]:
            forest.join(other.key, group[0].key)


def _merge(nodes: Mapping[str, _Node], table: AliasTable, options: RosterOptions) -> _Forest:
    forest = _Forest(nodes)
    if options.given_names:
        _join_given_names(nodes, forest)
    if options.surnames:
        _join_surnames(nodes, forest)
    if options.written_forms:
        _join_written_forms(nodes, forest)
    if options.country_forms:
        _join_country_forms(nodes, forest, table)
    if options.place_nouns:
        _join_place_nouns(nodes, forest)
    if options.transliterations:
        _join_transliterations(nodes, forest)
    return forest


def _entry(members: list[_Node], forest: _Forest, material: StoryMaterial) -> RosterEntry:
    """The roster entry of one merged component of nodes."""
    heads = [n for n in members if n.key not in forest.alias] or members
    head = max(heads, key=lambda n: (len(n.articles), len(n.words), _marks(n.name), n.key))
    types: Counter[str] = Counter()
    for node in members:
        if node.type != "NORP":
            types[node.type] += len(node.articles)
    type_ = max(types, key=lambda t: (types[t], -_rank(t))) if types else head.type
    name = head.name
    seen = {name.casefold()}
    surfaces: list[tuple[int, int, str]] = []
    for node in members:
        surfaces.extend((min(node.articles), -1, form) for form in node.forms)
        surfaces.extend(node.mentions)
    aliases: list[str] = []
    for _, _, text in sorted(surfaces):
        alias = _surface(text)
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            aliases.append(alias)
    indices = sorted({i for n in members for i in n.articles})
    return RosterEntry(name, type_, tuple(aliases), tuple(material.articles[i].id for i in indices))


def build_roster(
    material: StoryMaterial,
    options: RosterOptions | None = None,
    table: AliasTable | None = None,
) -> list[RosterEntry]:
    """One entry per person, place and organisation of the story, merged across
    articles by the module's rules, sorted by article count (most first) then name.

    Guarantee: every entity of every analysed article of a kept type lands in exactly
    one entry, whose ``articles`` include that article. Cost: see the module doc.
    """
    options = options or RosterOptions()
    table = table or AliasTable.default()
    nodes = _collect(material, table)
    forest = _merge(nodes, table, options)
    components: dict[str, list[_Node]] = defaultdict(list)
    for key in sorted(nodes):
        components[forest.find(key)].append(nodes[key])
    entries = [
        _entry(members, forest, material)
        for members in components.values()
        if any(n.type != "NORP" for n in members)
    ]
    entries.sort(key=lambda e: (-len(e.articles), e.name.casefold(), e.name))
    logger.debug("roster of story %s: %d entries", material.story.id, len(entries))
    return entries


@dataclass(frozen=True)
class StoryNames:
    """Any name or alias of the story -> its roster entry's name (by fold key).

    Used to key speakers across articles: "Anton Velicky", "Velický" and "the Valdorian
    prime minister"'s resolved "Anton Velický" all give "Anton Velický".
    """

    names: Mapping[str, str]
    types: Mapping[str, str]

    def resolve(self, name: str) -> str | None:
        """The roster name ``name`` belongs to, or None when the story does not know it."""
        return self.names.get(fold_key(name))

    def key(self, name: str) -> str:
        """A comparison key: the roster name's fold key, else the name's own."""
        return fold_key(self.resolve(name) or name)


def story_names(material: StoryMaterial, roster: Iterable[RosterEntry] | None = None) -> StoryNames:
    """The name index of a story's roster (built here when not given). A one-word name
    that is the surname of exactly one person in the roster resolves to that person."""
    entries = list(build_roster(material) if roster is None else roster)
    names: dict[str, str] = {}
    ambiguous: set[str] = set()
    surnames: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for form in (entry.name, *entry.aliases):
            key = fold_key(form)
            if not _is_proper(form):
                continue
            if names.setdefault(key, entry.name) != entry.name:
                ambiguous.add(key)
        if entry.type == "PERSON" and len(entry.name.split()) > 1:
            surnames[fold_key(entry.name.split()[-1])].add(entry.name)
    for key, owners in surnames.items():
        if len(owners) == 1 and key not in names:
            names[key] = next(iter(owners))
    for key in ambiguous:
        del names[key]
    return StoryNames(names, {e.name: e.type for e in entries})
