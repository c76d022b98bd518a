"""Names without a parse: the alias table, the title lexicon, descriptions, type votes.

Everything here works on strings and records, not on spaCy docs, so later stages can
use it across articles as cheaply as entity resolution uses it within one:

- :class:`AliasTable`: one canonical form for names outlets spell differently ("U.K.",
  "UK", "Britain" -> "United Kingdom"; "Kharkov" -> "Kharkiv"). The table is data
  (``aliases.tsv`` beside this module; its header says what belongs in it and how to
  extend it), read once per process; a lookup is one dict access on :func:`alias_key`.
- The title lexicon (:data:`TITLES`, :data:`HONORIFICS`, :data:`HEADS_OF_GOVERNMENT`, ...)
  and :class:`Description`: "the Valdorian prime minister" as a head title and
  modifiers, and whether a person the article titled "Valdorian Prime Minister" fits it.
- :class:`EntityIndex`, the resolved names of one article as the quote extractor queries
  them, with :class:`DescribedPeople` and :func:`most_recent`: which person a surname or
  a description means at a point in the text (the one named last before it).
- :func:`harmonize_types`: across a story's articles, the type most of them give a name.
- Word lists that entity resolution reads as cues (organisation and place nouns,
  reporting verbs), kept here with the rest of the lexicon.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Final, TypeVar

from newsprism.analyze.speakers import Gender
from newsprism.model import Entity, Mention

logger = logging.getLogger(__name__)

__all__ = [
    "CAMP_NOUNS",
    "DATA_FILE",
    "HEADS_OF_GOVERNMENT",
    "HEADS_OF_STATE",
    "HONORIFICS",
    "NICKNAMES",
    "TITLES",
    "AliasTable",
    "DescribedPeople",
    "Description",
    "EntityIndex",
    "NameUse",
    "alias_key",
    "clean_mention",
    "fold_key",
    "harmonize_types",
    "initials",
    "is_acronym",
    "is_nationality",
    "modifiers",
    "most_recent",
    "normalize_title",
    "preferred_form",
    "retype",
    "strip_title",
]

DATA_FILE = "aliases.tsv"
_NAME_KINDS = frozenset({"place", "org", "person"})
_DEMONYM = "demonym"
_SPACES = re.compile(r"\s+")
_K = TypeVar("_K", bound=Hashable)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# A regular demonym starts with its country's name less the last letter ("Valdoria" ->
# "Valdorian", "Germany" -> "German"); shorter stems match too much ("Iraq"/"Iranian").
_MIN_DEMONYM_STEM = 4


def fold_key(name: str) -> str:
    """:func:`alias_key` with accents stripped: the key for matching within one article,
    where "Velicky" and "Velický" are one person."""
    decomposed = unicodedata.normalize("NFKD", alias_key(name))
    # Spacing diacritics ("´", "¨") decompose to a space and a combining mark, so the
    # words are folded again: a key is never blank or padded ("´ ´" gave "   ").
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def alias_key(name: str) -> str:
    """The lookup key of a name: NFC, apostrophes straightened, dots removed,
    case-folded, whitespace folded, a leading "the " dropped; diacritics are kept.

    >>> alias_key("The U.K.")
    'uk'
    """
    text = unicodedata.normalize("NFC", name).translate(_APOSTROPHES).replace(".", "")
    text = _SPACES.sub(" ", text.casefold()).strip()
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity
class AliasTable:
    """Canonical names by normalised key, and countries by demonym; read-only.

    Build one with :meth:`default` (the bundled table, cached), :meth:`load` or
    :meth:`parse`. Lookups cost one :func:`alias_key` and one dict access.
    """

    names: Mapping[str, str]
    demonyms: Mapping[str, str]

    def __post_init__(self) -> None:
        # Read-only views, so the table shared by default() cannot be changed by a caller.
        object.__setattr__(self, "names", MappingProxyType(dict(self.names)))
        object.__setattr__(self, "demonyms", MappingProxyType(dict(self.demonyms)))

    def __reduce__(self) -> tuple[type[AliasTable], tuple[dict[str, str], dict[str, str]]]:
        # Views do not pickle; worker processes and distributed engines need the table.
        return type(self), (dict(self.names), dict(self.demonyms))

    def canonical(self, name: str) -> str | None:
        """The canonical form of ``name`` ("UK" -> "United Kingdom"), itself for a
        canonical name, or None when the table does not know it.

        Keys are case-insensitive, so pass names, not arbitrary words ("us" would
        match "US").
        """
        return self.names.get(alias_key(name))

    def country_of(self, demonym: str) -> str | None:
        """The country an irregular demonym names ("French" -> "France"), or None."""
        return self.demonyms.get(alias_key(demonym))

    def same_country(self, first: str, second: str) -> bool:
        """Whether two words name one nation: equal, a country and its demonym
        ("Valdoria"/"Valdorian", "France"/"French"), or two forms of one country
        ("UK"/"British"). Case-insensitive; cost: a few dict lookups."""
        a, b = self._nation(first), self._nation(second)
        if a == b:
            return True
        short, long = sorted((a, b), key=len)
        stem = short[:-1]
        return len(stem) >= _MIN_DEMONYM_STEM and long.startswith(stem)

    def _nation(self, word: str) -> str:
        country = self.country_of(word) or self.canonical(word)
        return alias_key(country) if country else alias_key(word)

    @classmethod
    def default(cls) -> AliasTable:
        """The bundled table (``aliases.tsv``), read on first use and shared after."""
        return _bundled_table()

    @classmethod
    def load(cls, path: str | Path) -> AliasTable:
        """A table read from a file in the bundled table's format."""
        with open(path, encoding="utf-8") as handle:
            return cls.parse(handle, source=str(path))

    @classmethod
    def parse(cls, lines: Iterable[str], source: str = "<lines>") -> AliasTable:
        """A table from lines of ``kind<TAB>canonical<TAB>variant...`` (see ``aliases.tsv``).

        Raises:
            ValueError: on an unknown kind, a line without a canonical name, or a key
                that two canonical names claim (``source`` and the line number say where).
        """
        names: dict[str, str] = {}
        demonyms: dict[str, str] = {}
        for number, line in enumerate(lines, start=1):
            fields = [field.strip() for field in line.rstrip("\r\n").split("\t")]
            if not fields[0] or fields[0].startswith("#"):
                continue
            where = f"{source}:{number}"
            if len(fields) < 2 or not fields[1]:
                raise ValueError(f"{where}: expected kind<TAB>canonical[<TAB>variant...]")
            kind, canonical, variants = fields[0], fields[1], [v for v in fields[2:] if v]
            if kind == _DEMONYM:
                _add_keys(demonyms, variants, canonical, where)
            elif kind in _NAME_KINDS:
                _add_keys(names, [canonical, *variants], canonical, where)
            else:
                raise ValueError(f"{where}: unknown kind {kind!r}")
        logger.debug("alias table %s: %d names, %d demonyms", source, len(names), len(demonyms))
        return cls(names, demonyms)


def _add_keys(table: dict[str, str], forms: Iterable[str], canonical: str, where: str) -> None:
    for form in forms:
        key = alias_key(form)
        if table.setdefault(key, canonical) != canonical:
            raise ValueError(f"{where}: {form!r} is already an alias of {table[key]!r}")


@cache
def _bundled_table() -> AliasTable:
    text = resources.files("newsprism.analyze").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return AliasTable.parse(text.splitlines(), source=DATA_FILE)


# --- title lexicon ---------------------------------------------------------------------
# Word lists are written as strings, items separated by "|" or line breaks (see _words).


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in re.split(r"[|\n]", text) if w.strip())


# Titles of heads of government and of state; each also answers to "leader".
HEADS_OF_GOVERNMENT = _words("prime minister | chancellor | premier | head of government")
HEADS_OF_STATE = _words("""
    president | king | queen | emperor | emir | sultan | monarch | head of state""")
# Titles that news writing uses interchangeably ("union chief" = "the union leader").
_SYNONYMS = (
    _words("leader | chief | head | boss"),
    _words("chair | chairman | chairwoman | chairperson"),
    _words("spokesperson | spokesman | spokeswoman"),
    _words("chief executive | chief executive officer | ceo"),
    _words("secretary-general | secretary general"),
)
_OTHER_TITLES = _words("""
    minister | secretary | secretary of state | governor | mayor | senator | representative
    ambassador | envoy | mediator | negotiator | prosecutor | judge | commissioner
    director | director-general | commander | general | admiral | colonel | captain
    lieutenant | sergeant | sheriff | inspector | superintendent | attorney general
    lawmaker | legislator | vice president | vice-president | deputy prime minister
    deputy minister | deputy leader | deputy mayor | deputy governor | deputy chief | pope
    cardinal | archbishop | bishop | rabbi | imam | professor | doctor | coach | manager
    founder | owner | economist | analyst | official | officer | researcher | lawyer
    attorney | activist | priest""")
# Honorifics before a name, with the gender each states (None: it states none).
_MALE: Gender = "male"
_FEMALE: Gender = "female"
HONORIFICS: Mapping[str, Gender | None] = MappingProxyType(
    dict.fromkeys(_words("mr | mister | sir | lord | herr | monsieur"), _MALE)
    | dict.fromkeys(_words("mrs | ms | miss | madam | madame | dame | lady | frau"), _FEMALE)
    | dict.fromkeys(_words("dr | mx"), None)
)
_ABBREVIATED_TITLES: Mapping[str, str] = MappingProxyType(
    {
        short: full
        for short, _, full in (
            pair.partition(" ")
            for pair in _words("""
                gov governor | sen senator | rep representative | gen general | col colonel
                capt captain | prof professor | pres president | lt lieutenant
                sgt sergeant | supt superintendent""")
        )
    }
)
TITLES = (
    HEADS_OF_GOVERNMENT
    | HEADS_OF_STATE
    | _OTHER_TITLES
    | frozenset().union(*_SYNONYMS)
    | frozenset(HONORIFICS)
    | frozenset(_ABBREVIATED_TITLES.values())
)
# Last words of all titles, and abbreviations: a cheap filter before multi-word lookups.
TITLE_LAST_WORDS = frozenset(re.split(r"[ -]", t)[-1] for t in TITLES) | frozenset(
    _ABBREVIATED_TITLES
)
# Nouns for a person's party or camp, which news uses as descriptions ("the Iowa
# Republican"); with the titles' last words they make a role.
CAMP_NOUNS = _words("""
    democrat | republican | independent | progressive | conservative | liberal
    libertarian""")
MAX_TITLE_WORDS = 5  # tokens: "deputy prime minister", "secretary - general"
# Modifiers that do not change whom a description means, and determiners.
IGNORED_MODIFIERS = _words("""
    former | then | current | new | acting | interim | incumbent | outgoing | veteran
    embattled | top | senior | longtime | country | nation""")
DETERMINERS = _words("the | a | an | its | their | his | her")

# --- cue words for entity labels (see newsprism.analyze.entities) ------------------------
# Apposition heads and "the X of NAME" nouns that say a name is a place.
PLACE_NOUNS: Mapping[str, str] = MappingProxyType(
    dict.fromkeys(
        _words("""
            village | town | city | capital | province | district | county | municipality
            country | region | republic | kingdom"""),
        "GPE",
    )
    | dict.fromkeys(
        _words("""
            river | island | lake | sea | mountain | mountains | hills | valley | forest | bay
            basin | peninsula | strait | gulf | desert | reserve | coast"""),
        "LOC",
    )
)
# Nouns after a name that make it a natural place ("the Vesna river").
LOC_AFTER = _words("""
    river | lake | island | islands | mountains | hills | valley | forest | sea | bay | basin
    reserve | strait""")
# Words that make a name an organisation (apposition heads; words of "X Y said" names).
ORG_WORDS = _words("""
    company | firm | carrier | airline | airlines | airways | bank | group | agency | union
    party | ministry | authority | council | association | federation | organisation
    organization | charity | broadcaster | newspaper | insurer | manufacturer | retailer
    lender | regulator | utility | network | alliance | coalition | club | team | university
    institute | court | service | line | lines | corp | inc | ltd | committee | commission
    department | office | government | radio | news | times | police | army | fund
    foundation | press | post | board | league | parliament | assembly | chamber | exchange
    shipping | holdings""")
# Verbs whose subject is a person, not a place (organisations "say" too: see ORG_WORDS).
PERSON_VERBS = _words("""
    said | says | told | tells | added | insisted | warned | stated | explained | argued
    recalled | admitted | claimed | noted | stressed | conceded | replied | urged | vowed
    wrote""")
PLACE_PREPOSITIONS = _words(
    "in | near | outside | around | across | towards | toward | into | through | between"
)


# Common English short forms of given names -> the formal name, for folding "Dick Durbin"
# with "Richard J. Durbin". Source: the usual hypocorisms of English given names as
# listed in name dictionaries (e.g. the Oxford Dictionary of First Names); a short form
# shared by two formal names ("Ted": Edward / Theodore; "Pat", "Chris", "Alex", "Sam": a
# man's and a woman's name) is left out. On the BASIL gold (issue 12) it joins one
# senator's two spellings; even half (calibration) unchanged, odd half +1 pair. Used by
# the roster (rule 7 of newsprism.reconcile.roster) and by the speaker fold of
# newsprism.reconcile.speaker_names.
NICKNAMES: Final[dict[str, str]] = {
    short: formal
    for formal, shorts in {
        "richard": "dick rick rich richie ricky",
        "william": "bill billy will willie",
        "robert": "bob bobby rob robbie",
        "james": "jim jimmy",
        "michael": "mike mikey mick",
        "thomas": "tom tommy",
        "joseph": "joe joey",
        "charles": "chuck charlie chas",
        "edward": "ed eddie ned",
        "john": "jack johnny",
        "anthony": "tony",
        "daniel": "dan danny",
        "david": "dave davey",
        "stephen": "steve stevie",
        "nicholas": "nick nicky",
        "matthew": "matt",
        "andrew": "andy",
        "benjamin": "ben benny",
        "samuel": "sammy",
        "kenneth": "ken kenny",
        "lawrence": "larry",
        "gerald": "jerry",
        "ronald": "ron ronnie",
        "donald": "don donnie",
        "patrick": "paddy",
        "peter": "pete",
        "timothy": "tim timmy",
        "gregory": "greg",
        "jeffrey": "jeff",
        "douglas": "doug",
        "elizabeth": "liz beth betty betsy libby",
        "margaret": "peggy maggie meg",
        "katherine": "kate kathy katie",
        "patricia": "patty trish",
        "deborah": "debbie deb",
        "susan": "sue susie",
        "jennifer": "jenny jen",
        "rebecca": "becky",
        "barbara": "barb",
        "victoria": "vicky",
        "frederick": "fred freddie",
        "henry": "hank",
        "walter": "walt",
        "raymond": "ray",
        "eugene": "gene",
        "leonard": "len lenny",
        "bernard": "bernie bern",
    }.items()
    for short in shorts.split()
}


def normalize_title(text: str) -> str:
    """A title as the lexicon spells it: lower case, no dots, one space, "secretary -
    general" joined, abbreviations expanded ("Gov." -> "governor")."""
    phrase = _SPACES.sub(" ", text.lower().replace(".", "")).replace(" - ", "-").strip()
    return _ABBREVIATED_TITLES.get(phrase, phrase)


def strip_title(text: str) -> str:
    """The name after a leading title ("Prime Minister Jane Doe" -> "Jane Doe",
    "Mr Velický" -> "Velický"); "" when ``text`` has no leading title."""
    words = text.split()
    cut = 0
    for last in range(len(words) - 1):
        if any(
            normalize_title(" ".join(words[first : last + 1])) in TITLES
            for first in range(max(0, last - 2), last + 1)
        ):
            cut = last + 1
    return " ".join(words[cut:]) if cut else ""


def _answers(title: str) -> frozenset[str]:
    heads = {title}.union(*(group for group in _SYNONYMS if title in group))
    if title in HEADS_OF_GOVERNMENT:
        heads |= {"leader", "head of government"}
    if title in HEADS_OF_STATE:
        heads |= {"leader", "head of state"}
    return frozenset(heads)


# The description heads a person with each title answers to.
_ANSWERS = MappingProxyType({title: _answers(title) for title in TITLES})


def modifiers(words: Iterable[str]) -> frozenset[str]:
    """The words of a description that narrow it, lower-cased, possessive 's removed,
    without determiners and :data:`IGNORED_MODIFIERS`."""
    found = (alias_key(w).removesuffix("'s") for w in words)
    return frozenset(
        w
        for w in found
        if any(ch.isalnum() for ch in w) and w not in IGNORED_MODIFIERS and w not in DETERMINERS
    )


@dataclass(frozen=True, slots=True)
class Description:
    """A description of a person: its head title ("prime minister") and the modifiers
    that narrow it ({"valdorian"}).

    Built from a title before a name or an apposition (entity resolution), or from a
    written description with :meth:`parse`; :meth:`fits` says whether a description the
    article tied to someone answers a written one.
    """

    head: str
    mods: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str) -> Description | None:
        """A written description ("the Valdorian prime minister", "the TWC's mediator",
        "the president of Ostrenia"), or None when it ends in no title."""
        words = alias_key(text).split()
        words = words[1:] if words[:1] and words[0] in DETERMINERS else words
        for size in range(min(len(words), MAX_TITLE_WORDS), 0, -1):
            head = normalize_title(" ".join(words[-size:]))
            if head in TITLES and head not in HONORIFICS:
                return cls(head, modifiers(words[:-size]))
        if "of" in words[1:]:
            cut = words.index("of", 1)
            found = cls.parse(" ".join(words[:cut]))
            return found and cls(found.head, found.mods | modifiers(words[cut + 1 :]))
        return None

    def fits(self, query: Description, table: AliasTable) -> bool:
        """Whether someone described as ``self`` answers to ``query``: the query's head
        is this head or one it answers to ("chief" ~ "leader"; a prime minister or
        president is also "the leader"), and each query modifier is one of this
        description's, or names the same country ("Valdorian" ~ "Valdoria"), or is a
        nationality where this description gives none (unknown is no contradiction:
        "Prime Minister X" fits "the Valdorian leader", "Kelsan President Y" does not)."""
        if query.head not in _ANSWERS.get(self.head, frozenset({self.head})):
            return False
        stateless = not any(is_nationality(d, table) for d in self.mods)
        return all(
            any(m == d or table.same_country(m, d) for d in self.mods)
            or (stateless and is_nationality(m, table))
            for m in query.mods
        )

    def states_nation_of(self, query: Description, table: AliasTable) -> bool:
        """Whether this description fits ``query`` and names the nation the query
        names ("Mexico's president" for "the Mexican president"); False for a query
        that names none."""
        nations = [m for m in query.mods if is_nationality(m, table)]
        return (
            bool(nations)
            and self.fits(query, table)
            and all(any(m == d or table.same_country(m, d) for d in self.mods) for m in nations)
        )


# Endings of regular demonyms: Valdorian, Kelsan, Japanese, Danish, Iraqi.
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i")


def is_nationality(word: str, table: AliasTable) -> bool:
    """Whether a description's modifier names a nation: a country or demonym the table
    knows ("French", "UK"), or a word with a demonym's ending ("valdorian"). A guess, used
    only to let an unknown nationality pass; "republican" passes too."""
    known = table.country_of(word) or table.canonical(word)
    return bool(known) or (len(word) >= 5 and word.endswith(_DEMONYM_ENDINGS))


def is_acronym(text: str) -> bool:
    """Two to six capital letters, dots allowed: "LDU", "U.N."."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def initials(name: str) -> str:
    """The case-folded initials of a name's capitalised words ("State Fire and Rescue
    Service" -> "sfrs"); "" for a one-word name."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words).casefold() if len(words) > 1 else ""


def preferred_form(forms: Sequence[str], table: AliasTable) -> str:
    """The name to show for an entity written in ``forms``: the alias table's canonical
    form, else the commonest full form, preferring one not in capitals ("Tresnyavets"
    over a dateline's "TRESNYAVETS")."""
    for form in forms:
        known = table.canonical(form)
        if known:
            return known
    full = [f for f in forms if not is_acronym(f)] or list(forms)
    counts = Counter(f for f in full if not f.isupper()) or Counter(full)
    return counts.most_common(1)[0][0]


_EDGE_PUNCTUATION = " \t\n\"'“”‘’«»„,;:()"
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def clean_mention(mention: str) -> str:
    """A written mention without edge quotes and punctuation, a possessive 's or a
    leading "the" ("the LDU's" -> "LDU")."""
    text = mention.strip(_EDGE_PUNCTUATION)
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return _LEADING_THE.sub("", text.strip(_EDGE_PUNCTUATION))


def most_recent(
    names: Iterable[_K], positions: Mapping[_K, Sequence[int]], start: int | None
) -> _K | None:
    """Which of the names (or ids) a mention at ``start`` means: the only one; or of
    several, the one named last before ``start`` (``positions``: each one's sorted
    offsets), or the first named when none is before; None for several and no ``start``."""
    unique = list(dict.fromkeys(names))
    if len(unique) <= 1:
        return unique[0] if unique else None
    if start is None:
        return None
    at = start

    def last_before(name: _K) -> int:
        found = bisect_left(positions[name], at)
        return positions[name][found - 1] if found else -1

    best = max(unique, key=last_before)
    return best if last_before(best) >= 0 else min(unique, key=lambda n: positions[n][0])


@dataclass(frozen=True, slots=True)
class DescribedPeople:
    """The descriptions one article ties to each person, and where it names each
    (sorted character offsets): resolves "the prime minister" to a name."""

    descriptions: Mapping[str, tuple[Description, ...]]
    positions: Mapping[str, tuple[int, ...]]
    table: AliasTable

    def resolve(self, query: Description, start: int | None) -> str | None:
        """The person ``query`` means, the most recently named before ``start`` if
        several fit (see :func:`most_recent`). Those the article ties to the query's
        nationality come first: an unknown nationality only passes for want of one
        ("the former Mexican president" is Fox, "Mexico's president", not a "President
        Reagan" named since). Cost: O(people x their descriptions)."""
        fits = [
            name
            for name, descs in self.descriptions.items()
            if any(desc.fits(query, self.table) for desc in descs)
        ]
        stated = [
            name
            for name in fits
            if any(desc.states_nation_of(query, self.table) for desc in self.descriptions[name])
        ]
        return most_recent(stated or fits, self.positions, start)


@dataclass(frozen=True, slots=True)
class NameUse:
    """One place an article names an entity: ``text[start:end]``, under ``name``.

    ``key`` is the written name's :func:`fold_key`, by which :meth:`EntityIndex.canonical`
    finds it ("" for a description such as "the prime minister": that is resolved, not
    looked up); ``weight`` is the vote its ``label`` gets for the entity's type.
    """

    name: str
    label: str
    start: int
    end: int
    key: str = ""
    weight: int = 1

    def lookup_keys(self) -> set[str]:
        """The keys it is found by: as written, its canonical name, and a person's surname."""
        if not self.key:
            return set()
        keys = {self.key, fold_key(self.name)}
        if self.label == "PERSON":
            keys.add(self.key.split()[-1])
        return keys


class EntityIndex:
    """The names one article uses, resolved to canonical names; a
    :class:`~newsprism.analyze.speakers.NameResolver`.

    Built by :func:`newsprism.analyze.entities.resolve_names` (and importable from there);
    read-only, and holds no spaCy objects. ``entities`` has one
    :class:`~newsprism.model.Entity` per canonical name, in order of first mention, each
    mention satisfying ``doc.text[m.start:m.end] == m.text``. A query costs a few dict
    lookups, plus a pass over the article's described people for a description.
    """

    __slots__ = ("_directory", "_genders", "_people", "_starts", "_surfaces", "entities")

    def __init__(
        self,
        entities: tuple[Entity, ...],
        surfaces: Mapping[str, Mapping[str, tuple[int, ...]]],
        directory: DescribedPeople,
        people: Sequence[tuple[str, int]],
        genders: Mapping[str, Gender],
    ) -> None:
        self.entities = entities
        self._surfaces = surfaces
        self._directory = directory
        self._people = tuple(people)
        self._starts = tuple(start for _, start in self._people)
        self._genders = genders

    @classmethod
    def build(
        cls,
        text: str,
        uses: Iterable[NameUse],
        directory: DescribedPeople,
        genders: Mapping[str, Gender],
    ) -> EntityIndex:
        """The index of an article's name uses: one entity per name, its mentions in text
        order, its type the label with most weight. Cost: O(uses log uses)."""
        mentions: dict[str, dict[tuple[int, int], None]] = defaultdict(dict)
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        surfaces: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        ordered = sorted(uses, key=lambda u: (u.start, u.end))
        for use in ordered:
            mentions[use.name][(use.start, use.end)] = None
            labels[use.name][use.label] += use.weight
            for key in use.lookup_keys():
                surfaces[key][use.name].append(use.start)
        entities = tuple(
            Entity(
                name,
                labels[name].most_common(1)[0][0],
                tuple(Mention(text[s:e], s, e) for s, e in spans),
            )
            for name, spans in mentions.items()
        )
        return cls(
            entities,
            MappingProxyType(
                {k: {n: tuple(at) for n, at in v.items()} for k, v in surfaces.items()}
            ),
            directory,
            [(u.name, u.start) for u in ordered if u.label == "PERSON"],
            genders,
        )

    def __repr__(self) -> str:
        return f"EntityIndex({[e.name for e in self.entities]!r})"

    def canonical(self, mention: str, start: int | None = None) -> str | None:
        """The canonical name a written mention refers to, or None.

        Tries, in order: the mention as the article writes a name (full name, surname,
        abbreviation, possessive, "the LDU"); the name after a leading title ("Prime
        Minister Jane Doe", "Mr Velický"); a description ("the Valdorian leader"); the
        alias table. Names are tried only for mentions with a capital letter, so "us" is
        never the US. Where several entities fit (two Does, two ministers) it is the one
        named most recently before ``start``; without ``start`` such a mention is None.
        """
        text = clean_mention(mention)
        proper = text != text.lower()
        if proper:
            name = self._lookup(text, start) or self._lookup(strip_title(text), start)
            if name is not None:
                return name
        query = Description.parse(text)
        name = self._directory.resolve(query, start) if query else None
        return self._directory.table.canonical(text) if name is None and proper else name

    def namesakes(self, mention: str) -> tuple[str, ...]:
        """Every canonical name a written mention is found by, as written or without
        its title (two Mattiolis for "Mattioli"); () for a description."""
        text = clean_mention(mention)
        found = {
            **self._surfaces.get(fold_key(text), {}),
            **self._surfaces.get(fold_key(strip_title(text)), {}),
        }
        return tuple(found)

    def _lookup(self, text: str, start: int | None) -> str | None:
        options = self._surfaces.get(fold_key(text))
        return most_recent(options, options, start) if options else None

    def people_before(self, offset: int) -> Sequence[tuple[str, int]]:
        """Canonical names of the people mentioned before ``offset`` (by name, title or
        resolved description), with each mention's start, in text order."""
        return self._people[: bisect_left(self._starts, offset)]

    def gender(self, name: str) -> Gender | None:
        """The gender the article gives a person, or None (how: the module doc of
        :mod:`newsprism.analyze.entities`). ``name`` may also be a mention ("Holm")."""
        found = self._genders.get(name)
        if found is None and name not in self._genders:
            canonical = self.canonical(name)
            found = self._genders.get(canonical) if canonical else None
        return found


# --- types across articles ---------------------------------------------------------------
# Tie-break of harmonize_types: the type that matters more to later stages first.
# Types not listed rank after these.
_TYPE_ORDER = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC")


def harmonize_types(entity_lists: Iterable[Sequence[Entity]]) -> dict[str, str]:
    """Canonical name -> the type most articles give it, across a corpus (a story).

    Each article is one vote per (name, type); ties go to the type with more mentions,
    then to the order of ``_TYPE_ORDER`` (PERSON, GPE, ORG, LOC, ...). So a place spaCy
    tagged PERSON in one article takes the type the other articles agree on. Names are
    compared exactly (they are canonical already). Cost: linear in the entities.
    """
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    mentions: dict[str, Counter[str]] = defaultdict(Counter)
    for entities in entity_lists:
        for name, type_ in {(e.name, e.type) for e in entities}:
            votes[name][type_] += 1
        for entity in entities:
            mentions[entity.name][entity.type] += len(entity.mentions)

    def rank(name: str, type_: str) -> tuple[int, int, int]:
        order = _TYPE_ORDER.index(type_) if type_ in _TYPE_ORDER else len(_TYPE_ORDER)
        return votes[name][type_], mentions[name][type_], -order

    return {name: max(count, key=partial(rank, name)) for name, count in votes.items()}


def retype(entities: Iterable[Entity], types: Mapping[str, str]) -> tuple[Entity, ...]:
    """``entities`` with each type replaced by ``types[name]`` where it has one (the
    result of :func:`harmonize_types`)."""
    return tuple(replace(e, type=types.get(e.name, e.type)) for e in entities)
