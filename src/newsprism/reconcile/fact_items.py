"""Facts, the first step: a story's quantities as comparable items.

:func:`collect_items` reads every comparable quantity of a story's analysed articles
into an :class:`Item`: its measure's head (``about`` folded with the few words news uses
for one count), its interval in the unit it is compared in (durations in days, ages
apart), the names in the clause before it, and whether it is a definite reference or a
vague plural. The rules are documented in :mod:`newsprism.reconcile.facts`, which groups
the items into facts; split from it (no change of behaviour) to keep modules small.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Final

from newsprism.analyze.numbers import UNITS, parse_vague
from newsprism.model import Analysis, Entity, Passage, Quantity
from newsprism.reconcile.deed_words import HEADS
from newsprism.reconcile.fact_frames import frame
from newsprism.reconcile.fact_owners import Parses, SentenceParser, owners, pronoun_owns
from newsprism.reconcile.fact_scope import (
    average,
    by_reference,
    conversion,
    holder,
    own_people,
    per_unit,
)
from newsprism.reconcile.figures import FactOptions, interval, range_floor
from newsprism.reconcile.material import StoryMaterial

logger = logging.getLogger("newsprism.reconcile.facts")  # the warnings read as before

_DEFINITE = re.compile(
    r"(?:^|\W)(?:the|these|those|both|all|its|their|our|his|her|my|your)\s+$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Item:
    """One comparable quantity: where it is, its measure key, its interval."""

    order: int
    article: str
    source: str
    quantity: Quantity
    head: str
    sentence: int
    lo: float
    hi: float
    shown: str | None = None  # the unit as the outlet wrote it ("m", "weeks")
    scale: float = 1.0  # the compared unit per shown unit (metres: 0.001 km)
    actors: frozenset[str] = frozenset()  # names in the clause before the figure
    definite: bool = False  # "the two ferries": joins a fact, never starts one
    vague: bool = False  # "scores of other riders": joins a fact it fits, never differs
    rate: bool = False  # "55 yards per game": never one fact with a total
    # "died in those marches", or a conversion "(A$1.6 million)": joins where it agrees only
    by_reference: bool = False
    people: frozenset[str] = frozenset()  # persons whose own figure it is ("Quill scored 20")
    person: str = ""  # an age's person, the full name as the article gives it ("ana holt")
    kin: frozenset[str] = frozenset()  # given names of others of its surname the article names
    frame: str = ""  # the time frame its words name: "career", "this season", "since"


# One measure, many words: outlets count the wounded as "53 wounded", "53 people
# injured", "scores of other riders hurt"; the dead as "killed", "dead", "deaths". Heads are
# the analyser's lemmas (nouns, or the verb a count is subject or object of); the table is
# shared with the negation reader (newsprism.reconcile.deed_words).
_SAME_HEADS: Final = HEADS


# "seven people were wounded", "12 others killed": a count of people whose verb says
# what befell them counts the wounded or the dead, as "seven wounded" does; "14 people
# were killed or injured" counts both, which is neither measure (the lookahead).
_GENERIC_PEOPLE: Final = frozenset({"people", "person", "other", "others"})
_BEFELL: Final = re.compile(
    r"[^\S\n]+(?:(?:were|was|are|is|have|had|has|been|got|reportedly)[^\S\n]+){0,3}"
    r"(wounded|injured|hurt|killed|dead|died)\b"
    # not a combined count: "killed or injured", "killed or seriously injured", "killed
    # and seriously injured" (up to two words after "or", an adverb after "and"); a count
    # between ("killed and 30 injured", "killed and dozens injured") splits the count
    r"(?![^\S\n]*(?:,[^\S\n]*)?(?:(?:or|/)(?:[^\S\n]+[a-z]+){0,2}?|and(?:[^\S\n]+[a-z]+ly)?)"
    r"[^\S\n]*(?:wounded|injured|hurt|killed|dead|died|missing)\b)",
    re.IGNORECASE,
)


def _about(q: Quantity, text: str) -> str:
    """What a quantity counts, for its head: the analyser's ``about``, or for a count of
    people the verb that says what befell them ("seven people were wounded": wounded)."""
    about = q.about or ""
    if about.casefold() in _GENERIC_PEOPLE and q.unit is None:
        befell = _BEFELL.match(text, q.end)
        if befell is not None:
            word = befell.group(1).casefold()
            return "dead" if word == "died" else word
    return about


def _head(about: str) -> str:
    head = about.casefold().strip()
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return _SAME_HEADS.get(head, head)


def _comparable(material: StoryMaterial, article: str, q: Quantity, opts: FactOptions) -> bool:
    return bool(q.about) or q.unit is not None  # not a bare number with nothing counted


def _vague(q: Quantity) -> bool:
    """A vague plural ("thousands", "scores of"): the least it means, read as "over"."""
    return q.approx == "over" and parse_vague(q.text) == q.value


def _definite(material: StoryMaterial, article: str, q: Quantity, opts: FactOptions) -> bool:
    """A small definite numeral ("the two leaders"): a reference to a known set."""
    if q.unit is not None or q.value >= opts.definite_below:
        return False
    return bool(_DEFINITE.search(material.by_id[article].text[max(0, q.start - 12) : q.start]))


def _trimmed_sentence(material: StoryMaterial, article: str, q: Quantity) -> Passage:
    found = material.sentence_at(article, q.start)
    start, end = (found.start, found.end) if found else (q.start, q.end)
    text = material.by_id[article].text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return material.passage(article, start, end)


def _figure_limit(counts: Sequence[int], opts: FactOptions) -> int:
    """How many of each article's quantities are compared: the most (up to
    ``max_article_figures``, at least 30) that keeps the story's total within
    ``max_story_figures``, so the largest articles are cut first and an ordinary one
    keeps all its figures. The pair checks are quadratic in the total."""
    limit = opts.max_article_figures
    while limit > 30 and sum(min(c, limit) for c in counts) > opts.max_story_figures:
        limit = max(30, limit * 9 // 10)  # a tenth less a step: a few dozen sums at most
    return limit


def _first_figures(article: str, found: Sequence[Quantity], limit: int) -> Sequence[Quantity]:
    """The article's first ``limit`` quantities; a warning says when some are left out."""
    if len(found) > limit:
        logger.warning(
            "article %s: %d figures, the first %d compared (a table or data dump?)",
            article, len(found), limit,
        )  # fmt: skip
    return found[:limit]


# What joins a range's two ends as the analyser reads them (20 "over", 30 "under"): a
# dash, "to", or "and" after "between" ("between 12 and 15"; a bare "12 and 15 people"
# is a list of two counts); "to" after a suspended hyphen ("18- to 25-year-olds", s39).
_RANGE_JOIN: Final = re.compile(
    r"[^\S\n]*(?:[-–—]|(?:[-–—][^\S\n]*)?to\b)[^\S\n]*|[^\S\n]+and[^\S\n]+"
)
# The word that opens a range ("between 12 and 15 people"): the range's passage starts
# with it, so the passage says what the figure is (s38 review 1: it read "12 and 15
# people", a list of two counts). "from 12 to 15" never comes here: the analyser reads
# it as two figures, a change ("rose from 12 to 15 percent"). A span of ages names its
# measure between the two ("between the ages of 18 and 25", "between ages 18 and 25"):
# s39, read as two ages, the ends made two facts.
_BETWEEN: Final = re.compile(
    r"\bbetween[^\S\n]+(?:(?:the[^\S\n]+)?ages?[^\S\n]+(?:of[^\S\n]+)?)?$", re.IGNORECASE
)
# How far before the low end "between" may open the range (the longest opening above).
_BETWEEN_REACH: Final = 28


def joined_ranges(text: str, found: Sequence[Quantity]) -> list[Quantity]:
    """The quantities with each range's two ends made one figure: the top end's
    quantity, its span and text run from the low end or the word opening the range
    ("12-15 people", "between 12 and 15 people"), which :func:`figures.interval` reads as
    every value between the ends. Apart, the low end made a fact of its own and the top
    end, read as "under 15", differed from another outlet's "12 people" (s37 review 1).
    """
    joined: list[Quantity] = []
    for q in found:
        low = joined[-1] if joined else None
        if low is not None and _range_ends(text, low, q):
            both = replace(q, start=low.start, text=text[low.start : q.end])
            floor = range_floor(both)
            # the written ends must read as the analyser's two figures ("2019 to $7.3
            # million" is a year and a sum; "$3.8 - million" one sum split in two)
            if floor is not None and math.isclose(floor, low.value, rel_tol=1e-6):
                opening = _BETWEEN.search(text, max(0, low.start - _BETWEEN_REACH), low.start)
                start = low.start if opening is None else opening.start()
                joined[-1] = replace(both, start=start, text=text[start : q.end])
                continue
        joined.append(q)
    return joined


def _range_ends(text: str, low: Quantity, high: Quantity) -> bool:
    """Whether two quantities in a row are a range's low and top end."""
    if (low.approx, high.approx) != ("over", "under") or low.unit != high.unit:
        return False
    if not low.value < high.value:
        return False
    join = _RANGE_JOIN.fullmatch(text, low.end, high.start)
    if join is None:
        return False
    return (
        "and" not in join.group()
        or _BETWEEN.search(text, max(0, low.start - _BETWEEN_REACH), low.start) is not None
    )


def collect_items(
    material: StoryMaterial, opts: FactOptions, parses: SentenceParser | None = None
) -> tuple[list[Item], list[Passage]]:
    """The comparable quantities in story order and their (distinct) sentences;
    ``parses`` parses the sentences whose figures' owners are read (default: a fresh
    :class:`~newsprism.reconcile.fact_owners.Parses` for this story)."""
    parses = parses or Parses()
    out = _Collected()
    analyses = [material.analysis(a.id) for a in material.articles]
    limit = _figure_limit([len(x.quantities) for x in analyses if x is not None], opts)
    for article, analysis in zip(material.articles, analyses, strict=True):
        if analysis is None:
            continue
        figures = _ArticleFigures(
            article.id, material.source_of(article.id), article.text, analysis,
            joined_ranges(article.text, _first_figures(article.id, analysis.quantities, limit)),
            _people_named(analysis.entities),
        )  # fmt: skip
        _collect_article(material, figures, opts, parses, out)
    return out.items, out.sentences


@dataclass(slots=True)
class _Collected:
    """The items read so far and their distinct sentences (``index``: each sentence's
    (article, start, end) to its place in ``sentences``)."""

    items: list[Item] = field(default_factory=list)
    sentences: list[Passage] = field(default_factory=list)
    index: dict[tuple[str, int, int], int] = field(default_factory=dict)

    def sentence_of(self, article: str, context: Passage) -> int:
        """The place of ``context`` among the sentences, added the first time it is met."""
        key = (article, context.start, context.end)
        if key not in self.index:
            self.index[key] = len(self.sentences)
            self.sentences.append(context)
        return self.index[key]


_Named = tuple[Sequence[tuple[str, int, int]], ...]


@dataclass(frozen=True, slots=True)
class _ArticleFigures:
    """One article's figures to read (``found``: its first figures, ranges joined) and
    what the reading needs of the article (``named``: see :func:`_people_named`)."""

    article: str
    source: str
    text: str
    analysis: Analysis
    found: Sequence[Quantity]
    named: _Named


def _people_named(entities: Sequence[Entity]) -> _Named:
    """The actors', the persons' and the person words' (key, start, end) an article
    names, which :func:`_holders` reads."""
    return (
        _names(entities),
        _names(entities, frozenset({"PERSON"})),
        _name_words(entities),
    )


def _collect_article(
    material: StoryMaterial,
    figures: _ArticleFigures,
    opts: FactOptions,
    parses: SentenceParser,
    out: _Collected,
) -> None:
    """Add the article's comparable figures to ``out``, each with its sentence; a figure
    in another story's headline at the page's foot is none of this story's."""
    article = figures.article
    for n, q in enumerate(figures.found):
        if not _comparable(material, article, q, opts):
            continue
        definite = _definite(material, article, q, opts)
        if material.in_headline_list(article, q.start):
            continue  # another story's headline at the page's foot
        sentence = _trimmed_sentence(material, article, q)
        at = out.sentence_of(article, _context(material, sentence, figures.found, n, opts))
        out.items.append(
            _item(figures, n, sentence, _Placed(len(out.items), at, definite), opts, parses)
        )


@dataclass(frozen=True, slots=True)
class _Placed:
    """Where an item stands: its order in the story, its sentence's place, and whether
    it is a definite reference."""

    order: int
    sentence: int
    definite: bool


def _item(
    figures: _ArticleFigures,
    n: int,
    sentence: Passage,
    placed: _Placed,
    opts: FactOptions,
    parses: SentenceParser,
) -> Item:
    """The item of the article's ``n``-th figure, found in ``sentence``."""
    q, found, text = figures.found[n], figures.found, figures.text
    clause_from = found[n - 1].end if n else 0
    compared, lo, hi, shown, scale = _compared(q, opts, _aged_after(q, text))
    vague = _vague(q)
    if vague:
        lo, hi = q.value, q.value * opts.vague_span
    actors, people = _holders(
        text, figures.analysis.sentences, sentence, q, max(sentence.start, clause_from),
        figures.named, parses,
    )  # fmt: skip
    after = min(sentence.end, found[n + 1].start if n + 1 < len(found) else sentence.end)
    aged = _aged_person(q, compared, figures.analysis.entities)
    converted = n > 0 and conversion(
        text, found[n - 1].end, q.start, q.end, (found[n - 1].unit, q.unit)
    )
    rate = per_unit(text, q.end) or average(text, q.start, q.text, q.value, q.unit)
    return Item(
        placed.order, figures.article, figures.source, compared, _head(_about(q, text)),
        placed.sentence, lo, hi, shown, scale, actors=actors, definite=placed.definite,
        vague=vague, rate=rate,
        by_reference=converted or by_reference(text, q.end, max(after, q.end)), people=people,
        person=aged.name, kin=aged.kin,
        frame=frame(text, sentence.start, q.end, max(after, q.end), q.start),
    )  # fmt: skip


def _holders(
    text: str,
    sentences: Sequence[tuple[int, int]],
    sentence: Passage,
    q: Quantity,
    clause_start: int,
    named: _Named,
    parses: SentenceParser,
) -> tuple[frozenset[str], frozenset[str]]:
    """The actors named in the figure's clause before it, and the people whose own figure
    it is (``named``: actors', persons' and person words' (key, start, end)): the people
    named before it that the parse makes its owners (:func:`fact_owners.owners`), or, in a
    sentence naming nobody before it, the person the sentences before name where its
    "he"/"she" owns it (:func:`fact_scope.holder`)."""
    names, persons, person_words = named
    actors = frozenset(n for n, s, e in names if clause_start <= s and e <= q.start)
    # the people of the whole sentence before it: the parse decides whose figure it is, and
    # a figure after "and" with no subject of its own is the first verb's subject's
    # ("Quill scored 9 points and grabbed 14 rebounds"), though an earlier figure stands
    # between (s39: the clause bound left such figures ownerless, joining two players')
    people = own_people(text, person_words, sentence.start, q.start)
    people = owners(parses, sentence.text, sentence.start, (q.start, q.end), people, person_words)
    if any(sentence.start <= s and e <= q.start for _, s, e in persons):
        return actors, people
    found = holder(text, sentences, q.start, persons)
    if found is None or not pronoun_owns(parses, sentence.text, sentence.start, (q.start, q.end)):
        return actors, people
    return frozenset({found}), frozenset({found})


def _context(
    material: StoryMaterial, sentence: Passage, found: Sequence[Quantity], n: int, opts: FactOptions
) -> Passage:
    """The words a figure is compared by: its sentence, or in a list of figures
    (``list_figures`` or more in one sentence: "$1,482.50 at Sarnow Pier Park, over
    $9,000 at Kelmar Outfitters, over $250 at Ardmoor Toys, ...") the clause between the figures
    before and after it, so that every figure of the list is not alike."""
    inside = [q for q in found if sentence.start <= q.start < sentence.end]
    if len(inside) < opts.list_figures:
        return _clause(material, sentence, found[n])
    start = max(sentence.start, found[n - 1].end if n else 0)
    end = min(sentence.end, found[n + 1].start if n + 1 < len(found) else sentence.end)
    return material.passage(sentence.article, start, end)


# Where one item of a list run into one sentence ends: a semicolon or a line break
# ("Here is the latest: ...; 14 people were treated at clinics; ...").
_ITEM_END: Final = re.compile(r"[;\n]")


def _clause(material: StoryMaterial, sentence: Passage, q: Quantity) -> Passage:
    """The item of a list run into one sentence that holds the figure, or the sentence:
    the other items' words say nothing of what the figure counts."""
    text = material.by_id[sentence.article].text
    start, end = sentence.start, sentence.end
    for found in _ITEM_END.finditer(text, start, q.start):
        start = found.end()
    after = _ITEM_END.search(text, q.end, end)
    if after is not None:
        end = after.start()
    if (start, end) == (sentence.start, sentence.end) or not text[start:end].strip():
        return sentence
    return material.passage(sentence.article, start, end)


_ACTOR_TYPES: Final = frozenset({"PERSON", "ORG", "NORP"})


def _names(
    entities: Sequence[Entity], types: frozenset[str] = _ACTOR_TYPES
) -> list[tuple[str, int, int]]:
    """(key, start, end) of every mention of a person, organisation or group (of
    ``types``): the key is the name's last word, case-folded, without a plural or
    possessive "s" ("Holts", "Ana Holt": "holt"), so outlets' different full forms meet."""
    found = []
    for entity in entities:
        if entity.type not in types or not entity.name.split():
            continue
        key = re.sub(r"(?:['’]s?|(?<=\w{3})s)$", "", entity.name.split()[-1].casefold())
        found += [(key, m.start, m.end) for m in entity.mentions]
    return found


def _name_words(entities: Sequence[Entity]) -> list[tuple[str, int, int]]:
    """(word, start, end) for every word of a person's name at each of its mentions,
    case-folded, initials and possessives left out: two figures' people are one where
    their names share a word, so one person named in full by one article and under a
    garbled name by another ("<Given> <Surname>" / "<Surname> <Word>") is still one."""
    found = []
    for entity in entities:
        if entity.type != "PERSON":
            continue
        words = {re.sub(r"['’]s?$", "", w) for w in entity.name.casefold().split()}
        found += [
            (w, m.start, m.end) for w in words if len(w.rstrip(".")) > 1 for m in entity.mentions
        ]
    return found


# Durations compare in days; a month is 28-31 days and a year 365-366, so "3 months"
# meets "13 weeks" (91 days) and "90 days" but not "6 weeks".
_DAYS: Final = MappingProxyType(
    {
        "seconds": (1 / 86400, 1 / 86400), "minutes": (1 / 1440, 1 / 1440),
        "hours": (1 / 24, 1 / 24), "days": (1.0, 1.0), "weeks": (7.0, 7.0),
        "months": (28.0, 31.0), "years": (365.0, 366.0),
    }
)  # fmt: skip
_MEAN_DAYS: Final = MappingProxyType({"months": 30.44, "years": 365.25})
# Short names of the written units of numbers.UNITS, by (compared unit, factor).
_SHORT: Final = MappingProxyType(
    {
        ("km", 1.0): "km", ("km", 1.852): "nmi", ("km", 1.609344): "mi", ("km", 1e-3): "m",
        ("km", 1e-5): "cm", ("km", 1e-6): "mm", ("km", 3.048e-4): "ft", ("km", 9.144e-4): "yd",
        ("km2", 1.0): "km2", ("km2", 2.589988110336): "mi2", ("km2", 0.01): "ha",
        ("km2", 0.0040468564224): "acres", ("km2", 1e-6): "m2", ("km2", 9.290304e-8): "ft2",
        ("km/h", 1.0): "km/h", ("km/h", 1.609344): "mph", ("km/h", 1.852): "knots",
        ("kg", 1000.0): "t", ("kg", 1.0): "kg", ("kg", 1e-3): "g",
        ("kg", 0.45359237): "lb", ("kg", 0.028349523125): "oz",
    }
)  # fmt: skip


def written_unit(q: Quantity) -> tuple[str | None, float]:
    """The unit as the outlet wrote it and its size in the analyser's unit: "40 m" is
    ("m", 0.001) of km; a unit without variants (percent, money, counts) is itself."""
    if q.unit in _DAYS:
        return q.unit, 1.0
    for unit in UNITS:
        if unit.unit != q.unit:
            continue
        if re.search(rf"(?<!\w)(?:{unit.pattern})(?![\w²³/])", q.text, re.IGNORECASE):
            return _SHORT.get((unit.unit, unit.factor), unit.unit), unit.factor
    return q.unit, 1.0


# An age, as the analyser gives it: "46" after a name (no unit word written), "a
# 46-year-old", "46 years old".
_AGE_TEXT: Final = re.compile(r"^[^a-z]*$|years?[\s-]*old\b", re.IGNORECASE)
_AGE: Final = "age"  # the unit ages are compared in: never a duration ("13 years" in prison)


def _is_age(q: Quantity) -> bool:
    return q.unit == "years" and _AGE_TEXT.search(q.text) is not None


# The rest of an age split by a stray space in scraped text ("52-year- old"), after a
# quantity the analyser read as the duration "52-year": the hyphen right after the
# figure's "-year" ("20 years - old friends say": a dash after a duration, no age).
_AGE_AFTER: Final = re.compile(r"-[^\S\n]*old\b", re.IGNORECASE)
_YEAR_WORD: Final = ("-year", "-years")


@dataclass(frozen=True, slots=True)
class AgedPerson:
    """Whose an age is: ``name``, the person's full name as the article gives it,
    case-folded ("ana holt"), and ``kin``, the given names of the others of that surname
    the article names ("ivo" for "Ivo Holt"); empty for a figure that is no such age."""

    name: str = ""
    kin: frozenset[str] = frozenset()


def _aged_person(q: Quantity, compared: Quantity, entities: Sequence[Entity]) -> AgedPerson:
    """The person an age right after a name is of ("Ana Holt, 45,") and that surname's
    other people. Ages are keyed by surname, and two relatives' ages ("Kristian Lund, 45"
    / "his sister Kristina Lund, 41") are two measures (s36 review: they made one fact
    that differed)."""
    if compared.unit != _AGE:
        return AgedPerson()
    people = [e for e in entities if e.type == "PERSON" and _untitled(e.name)]
    for entity in people:
        if any(0 <= q.start - m.end <= 2 for m in entity.mentions):
            name = _untitled(entity.name)
            kin = {
                w
                for other in people
                if other is not entity and _untitled(other.name)[-1] == name[-1]
                for w in _untitled(other.name)[:-1]
            }
            return AgedPerson(" ".join(name), frozenset(kin - set(name)))
    return AgedPerson()


# Titles, ranks and offices the parser takes into a person's name ("Deputy Rellan",
# "Sgt. Ana Holt"): no given name. Read as one, "Deputy <Surname>, 35" and "<Given>
# <Surname>, 35" of one article were two people, and one person's age split in two
# facts (s38: 4 ECB+ events, found comparing stop 35's fact groups with this code's).
_TITLES: Final = frozenset(
    {
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev", "father",
        "sister", "brother", "st", "prof", "professor", "president", "vice", "senator",
        "sen", "rep", "representative", "gov", "governor", "mayor", "judge", "justice",
        "minister", "secretary", "chancellor", "prime", "premier", "king", "queen",
        "prince", "princess", "coach", "chief", "officer", "deputy", "sheriff", "sgt",
        "sergeant", "lt", "lieutenant", "capt", "captain", "cpl", "corporal", "pvt",
        "private", "maj", "major", "col", "colonel", "gen", "general", "adm", "admiral",
        "cmdr", "commander", "detective", "det", "inspector", "constable", "pc", "trooper",
        "agent", "marshal", "firefighter", "patrolman",
    }
)  # fmt: skip


def _untitled(name: str) -> list[str]:
    """A person's name as compared, case-folded, the titles before it left out ("Sheriff
    Deputy Rellan" -> ["rellan"])."""
    words = name.casefold().split()
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    return words


def _aged_after(q: Quantity, text: str) -> bool:
    """Whether "- old" after a quantity written "N-year" makes it an age."""
    return q.text.casefold().endswith(_YEAR_WORD) and _AGE_AFTER.match(text, q.end) is not None


def _compared(
    q: Quantity, opts: FactOptions, aged: bool = False
) -> tuple[Quantity, float, float, str | None, float]:
    """The quantity in the unit it is compared in (durations in days, ages in years of
    their own), its interval there, and the unit it was written in with that unit's
    size. ``aged``: the article goes on with an age's "- old" after the quantity."""
    lo, hi = interval(q, opts)
    if _is_age(q) or (aged and q.unit == "years"):
        return replace(q, unit=_AGE), lo, hi, q.unit, 1.0
    shown, scale = written_unit(q)
    if q.unit is not None and q.unit in _DAYS:
        low, high = _DAYS[q.unit]
        mean = _MEAN_DAYS.get(q.unit, low)
        days = replace(q, value=q.value * mean, unit="days")
        return days, lo * low, hi * high, q.unit, mean
    return q, lo, hi, shown, scale


def shares_without_sign(items: list[Item], opts: FactOptions) -> list[Item]:
    """Figures without a unit read as percent where the story gives their measure in
    percent and they are no whole number ("her 2019 city levy rate was 23.64" beside
    "a levy rate of 23.6 percent"): a count of things is whole, a share need not be."""
    shares = {i.head for i in items if i.quantity.unit == "percent"}
    found = []
    for item in items:
        q = item.quantity
        share = q.unit is None and item.head in shares and 0 < q.value <= 100
        if share and not float(q.value).is_integer():
            compared, lo, hi, shown, scale = _compared(replace(q, unit="percent"), opts)
            found.append(replace(item, quantity=compared, lo=lo, hi=hi, shown=shown, scale=scale))
        else:
            found.append(item)
    return found
