"""Discrepancies of kind ``date`` told by day names the analysis could not resolve.

An article with no publication date (a folder of scraped pages, a Multi-News cluster)
leaves "Friday night" and "April 14" unresolved, and the date passes of
:mod:`newsprism.reconcile.date_discrepancies` compare resolved dates only. Yet two
outlets that give one deed two different weekdays ("went missing Friday night" /
"the disappearance last Saturday") or two different days of one month ("vanished on
April 14" / "disappeared on April 15") contradict each other whatever week or year it
was: a deed done once falls on one weekday and one day of the month.

A side is a deed and its day label (:class:`DayLabel`: a weekday, a month and day, or
both, read off the mention's text), the deed told by a verb the mention hangs on, or
by a definite noun that names a deed ("the disappearance", "the arrest": the noun's
verb, :data:`DEED_NOUNS`). Two sides are paired when every guard holds:

1. different sources, at least one side's mention unresolved (two resolved dates are
   the resolved passes' business);
2. one deed done once (:data:`ONE_TIME_DEEDS`: "spoke", "met" are done again): the
   same lemma or one class of :data:`~newsprism.reconcile.date_discrepancies.
   DEED_SYNONYMS` ("vanished" / "disappeared"; "went missing" is a disappearing), no
   two different places or objects (a town before an indefinite part of a place, "in
   a Varley suburb", only holds the place: "the Oskel suburb" may be it), a
   going's place named on both sides (:func:`one_time`);
3. the labels clash: a kind both give (weekday, or month and day) differs, no kind
   both give agrees (or all agree and the parts of the day are apart: "Monday
   morning" / "Monday afternoon"), and two neighbouring days are not the two ends of one night
   ("late Friday" / "early Saturday": :func:`labels_clash`), nor of a launch or of
   an article naming another place's time or a zone (:data:`ZONE`: one moment),
   unless the deed's town is written with a contiguous US state ("Oskel, Ind."),
   the zones named are that country's only and the parts of the day lie more than
   their widest shift apart ("early Monday morning" / "Monday afternoon":
   :func:`~newsprism.reconcile.day_labels.apart_across_zones`);
4. asserted: the verb un-negated, no modal or hedge (guard 4 of ``negation``), not
   future, no sign of a repeat ("again", "second", ... in the deed's words);
5. the same participants: a proper name shared by the two sentences (a town, a
   person: one story's deed, not two) or, when none is, two words of the deed's place
   phrases shared that are no generic place noun ("home", "hospital") and definite
   participants, no pronoun nor "a man", or one age for one role where one side's
   "the man" takes the one age its sentence before gives ("... the 27-year-old
   suspect acted alone. She said the man was arrested Thursday" / "The 27-year-old was
   arrested last Wednesday") (:func:`same_participants`), the named
   participants shared where both name some, compared as whole names
   (:func:`same_name`: "Jon Smith" is not "Jan Smith"), and no role held by two
   different common nouns ("a man" / "a woman"; an age, "the 23-year-old", is none),
   two different ages or pronouns of two genders ("his home" / "her home");
   a name against a description ("Mira Olsen" / "the girl who went missing") may be
   one person, as the roster cannot tell;
6. no article of either source gives the deed both days (a series, or the article
   telling both itself).

No similarity guard: the deed, its participants and the shared name are the guard.

The day labels are :mod:`newsprism.reconcile.day_labels`'s, the deeds
:mod:`newsprism.reconcile.deeds`'s, and whether two deeds are one
:mod:`newsprism.reconcile.deed_match`'s.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc

from newsprism.analyze.aliases import fold_key
from newsprism.model import DateMention, Discrepancy, Passage
from newsprism.reconcile.clauses import Clause, Parsed
from newsprism.reconcile.date_discrepancies import both_knowable, mention_span, one_deed
from newsprism.reconcile.dated_roles import names_apart
from newsprism.reconcile.day_labels import (
    DayLabel,
    apart_across_zones,
    comparable,
    day_label,
    labels_clash,
    neighbours,
    one_day,
    resolved_label,
    widened,
)
from newsprism.reconcile.deed_match import (
    ONE_TIME_DEEDS,
    may_be_one_time,
    one_time,
    same_name,
    same_participants,
)
from newsprism.reconcile.deeds import DEED_NOUNS, Deed, deed_at
from newsprism.reconcile.discrepancy_groups import DiscrepancyOptions, claims_of, components
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.places import REGIONS
from newsprism.reconcile.similarity import TextSimilarity

__all__ = [
    "DEED_NOUNS",
    "ONE_TIME_DEEDS",
    "ZONE",
    "DayLabel",
    "Deed",
    "day_label",
    "day_name_discrepancies",
    "deed_at",
    "labels_clash",
    "one_time",
    "same_name",
    "same_participants",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Side:
    deed: Deed
    label: DayLabel
    resolved: bool
    day: tuple[str, str]  # the resolved (first day, last day); ("", "") unresolved

    @property
    def clause(self) -> Clause:
        return self.deed.clause


def day_name_discrepancies(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    parsed: Parsed,
    similarity: TextSimilarity,
    opts: DiscrepancyOptions,
) -> list[Discrepancy]:
    """``date`` for one deed given two different day names by two sources (guards in
    the module docstring; no similarity guard, ``similarity`` and ``opts`` unused)."""
    sides = _sides(material, sentences, parsed)
    told: dict[tuple[str, str], list[DayLabel]] = {}
    for side in sides:
        told.setdefault((side.clause.sentence.article, side.deed.lemma), []).append(side.label)
    pairs = [
        (a.clause, b.clause)
        for a, b in (
            (sides[i], sides[j])
            for i, j in clashing_pairs(
                [[s.label] for s in sides], [may_be_one_time(s.deed) for s in sides]
            )
        )
        if a.clause.source != b.clause.source
        and (
            not (a.resolved and b.resolved)
            or a.day == b.day  # one resolved day: only its parts can clash
            or _unseen_resolved(material, a, b)
        )
        and one_time(a.deed, b.deed)
        and not _zone_apart(material, a, b)
        and same_participants(a.deed, b.deed)
        and not names_apart(a.clause.predicate, b.clause.predicate)
        and not _told_both(told, material, a, b)
    ]
    return [
        Discrepancy(group[0].text, "date", claims_of(material, group))
        for group in components(pairs)
    ]


def _unseen_resolved(material: StoryMaterial, a: _Side, b: _Side) -> bool:
    """Guard 1 for two resolved dates: the pairs the resolved passes do not see, a deed
    noun against a verb ("the arrest on Friday" / "was arrested Saturday") or two deed
    nouns of one verb ("the killing" / "the shooting" are not: two verbs), each date
    knowable to the other article
    (:func:`~newsprism.reconcile.date_discrepancies.both_knowable`)."""
    kinds = {s.clause.predicate.pos_ == "NOUN" for s in (a, b)}
    lemmas = {s.clause.lemma for s in (a, b)}
    if kinds == {False} or (kinds == {True} and len(lemmas) == 1):
        return False
    return both_knowable(material, a.clause, [a.day], b.clause, [b.day])


def _told_both(
    told: dict[tuple[str, str], list[DayLabel]], material: StoryMaterial, a: _Side, b: _Side
) -> bool:
    """Guard 6: an article of either side's source gives the deed a day that does not
    clash with the other side's (a series, or an article telling both days)."""
    for (article, deed), labels in told.items():
        source = material.source_of(article)
        if not one_deed(deed, a.deed.lemma) or source not in (a.clause.source, b.clause.source):
            continue
        other = b.label if source == a.clause.source else a.label
        # Two parts of one day: "found Monday" elsewhere agrees on the day, not the part.
        given = [x for x in labels if x.part] if one_day(a.label, b.label) else labels
        if any(not labels_clash(x, other) and comparable(x, other) for x in given):
            return True
    return False


#: Deeds reported across time zones (a launch is late Tuesday in Florida and Wednesday
#: in Japan): two neighbouring days are no clash.
_ZONE_PRONE: Final = frozenset({"launch"})


#: Another place's time or a time zone named ("Tokyo time", "JST", "local time", "in
#: what was Wednesday morning in Japan"): one moment may be two clock readings, and
#: two neighbouring days. Not "Friday night in Tarnby" (a place, not its time), nor a
#: bare "Central" ("Central Park"): the whole article is searched for the day pass.
ZONE: Final = re.compile(
    r"\b(?:[ECMP][SD]?T|GMT|BST|CES?T|EES?T|UTC|JST|KST|IST|HKT|SGT|AE[SD]T|ACST|AWST|"
    r"NZ[SD]T|MSK|local time|time zones?|in what was)\b|"
    r"\b(?!(?:The|This|That|Each|Every|Some|Any|No|At|By|In|On|Over|Next|Last|First|"
    r"Full|Part|Half|Prime|Question|Christmas|Play|Game|Extra|Injury|Record)\b)"
    r"[^\W\d_a-z\u00df-\u00f6\u00f8-\u00ff][^\W\d_]+ [Tt]ime\b"
)


def _zone_apart(material: StoryMaterial, a: _Side, b: _Side) -> bool:
    """Two neighbouring days, or two parts of one day (review s32, finding 5: "Tuesday
    afternoon Japan time" / "early Tuesday morning ET"), of a deed reported across time
    zones, or where either sentence or article names another place's time
    (:data:`ZONE`): one moment."""
    if not neighbours(a.label, b.label) and not one_day(a.label, b.label):
        return False
    if a.deed.lemma in _ZONE_PRONE:
        return True
    named = [
        m.group()
        for s in (a, b)
        for text in (s.clause.sentence.text, material.by_id[s.clause.sentence.article].text)
        for m in ZONE.finditer(text)
    ]
    if not named:
        return False
    # Parts of one day of a deed both sides place in one town of the contiguous United
    # States, only its zones named (unambiguous letters): a shift of three hours at most,
    # which leaves "early Monday morning" / "Monday afternoon" apart (s34 F1's lesson: the
    # zone alone tells the outlet's clock, the town tells the event's).
    return not (
        one_day(a.label, b.label)
        and all(_AMERICAN.fullmatch(z) for z in named)
        and apart_across_zones(a.label, b.label)
        and _in_a_state(material, a, b)
    )


#: Zones of the contiguous United States whose letters name no other zone: CST and PST
#: are also China and Philippine Standard Time, MST Malaysia's (review s34 F1).
_AMERICAN: Final = re.compile(
    r"E[SD]?T|CDT|CT|MDT|MT|PDT|PT|(?:Eastern|Central|Mountain|Pacific) [Tt]ime"
)
#: States outside the contiguous zones (Alaska, Hawaii), no state (Puerto Rico), or a
#: state's name that is also a country's (Georgia; "Ga." is the state).
_FAR_REGIONS: Final = frozenset({"alaska", "hawaii", "puerto rico", "georgia"})
_AFTER_COMMA: Final = r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)"


def _in_a_state(material: StoryMaterial, a: _Side, b: _Side) -> bool:
    """Both sides place the deed in one named town that an article of either side writes
    with a contiguous state after a comma ("found in Oskel, Ind." / "found in Oskel"):
    the event's own clock is of a North American zone."""
    towns = a.deed.places & b.deed.places & a.deed.names & b.deed.names
    texts = {material.by_id[s.clause.sentence.article].text for s in (a, b)}
    return any(
        _state(m.group(1))
        for town in towns
        for text in texts
        for m in re.finditer(r"\b" + re.escape(town) + _AFTER_COMMA, text, re.IGNORECASE)
    )


def _state(written: str) -> bool:
    """Whether the words after a town's comma (one or two) name a contiguous state: the
    two words, or the first alone when it is all there is or an abbreviation ("Ind."
    before the next sentence; not "La" of "La Paz"). Georgia written out may be the
    country ("Tbilisi, Georgia")."""
    words = written.split()
    forms = {fold_key(written)}
    if len(words) == 1 or words[0].endswith("."):
        forms.add(fold_key(words[0]))
    return bool(forms & REGIONS) and not forms & _FAR_REGIONS


def _sides(material: StoryMaterial, sentences: Sequence[Passage], parsed: Parsed) -> list[_Side]:
    """Every deed with a day label in the sentences that hold one, parsed only when a
    sentence of another source gives a clashing label and shares a capitalised word,
    or when it shares one with such a sentence of its article (parsing is the costly
    step)."""
    labelled = _labelled(material, sentences)
    keys = list(labelled)
    caps = {k: frozenset(_CAPITALISED.findall(labelled[k][0].text)[1:]) for k in keys}
    stems = {k: _stems(labelled[k][0].text) for k in keys}
    keep: set[tuple[str, int]] = set()
    for i, j in clashing_pairs([[x for _, x in labelled[k][1]] for k in keys]):
        a, b = keys[i], keys[j]
        if material.source_of(a[0]) == material.source_of(b[0]):
            continue
        if caps[a] & caps[b] or len(stems[a] & stems[b]) >= _MIN_STEMS:
            keep.update({a, b})
    # The rest of a kept sentence's source with a word of it: guard 6 must see an
    # article that gives the deed both days.
    sources = {material.source_of(k[0]) for k in keep}
    # Some kept sentence of the article shares a capitalised word: one union per
    # article, not a walk over every kept sentence per sentence.
    kept_caps: dict[str, set[str]] = {}
    for x in keep:
        kept_caps.setdefault(x[0], set()).update(caps[x])
    kept = [
        labelled[k][0]
        for k in keys
        if k in keep
        or (
            material.source_of(k[0]) in sources
            and not kept_caps.get(k[0], set()).isdisjoint(caps[k])
        )
    ]
    found = []
    for sentence, doc in zip(kept, parsed.docs(kept), strict=True):
        for mention, label in labelled[(sentence.article, sentence.start)][1]:
            side = _side(material, sentence, doc, mention, label)
            if side is not None:
                found.append(side)
    return found


def clashing_pairs(
    labels: Sequence[Sequence[DayLabel]], leads: Sequence[bool] | None = None
) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, in order, of which some label of ``labels[i]`` clashes
    with some label of ``labels[j]`` (:func:`labels_clash`), and ``leads[i]`` holds
    (when given). Items are bucketed by their labels and the clash decided once per
    pair of buckets: a live blog's hundreds of sentences name a few days, and every
    pair of them was compared (review s35 fuzz F2). The pairs are exactly those of the
    pairwise compare."""
    buckets: dict[tuple[DayLabel, ...], list[int]] = {}
    for n, mine in enumerate(labels):
        buckets.setdefault(tuple(mine), []).append(n)
    led = {k: [n for n in v if leads is None or leads[n]] for k, v in buckets.items()}
    signatures = list(buckets)
    found: list[tuple[int, int]] = []
    for x, one in enumerate(signatures):
        for other in signatures[x:]:
            if any(labels_clash(p, q) for p in one for q in other):
                found += [(i, j) for i in led[one] for j in buckets[other] if i < j]
            if one != other and any(labels_clash(q, p) for p in one for q in other):
                found += [(j, i) for i in buckets[one] for j in led[other] if j < i]
    return sorted(found)


# Capitalised words (names, and a sentence's first word, which the prefilter drops).
_CAPITALISED: Final = re.compile(r"\b[A-Z][a-z]{2,}")
# Lower-case words of four letters or more but the commonest: two sentences sharing no
# name pass the prefilter when they share two stems of them (the deed and its place:
# "arrested", "farm"), for guard 5's place fallback.
_LONG_WORD: Final = re.compile(r"\b[a-z]{4,}")
_COMMON: Final = frozenset(
    {"said", "that", "this", "with", "from", "were", "have", "been", "they", "their",
     "when", "where", "which", "after", "before", "would", "could", "about", "into",
     "last", "later", "also", "than", "then", "there", "what", "while", "will"}
)  # fmt: skip
_MIN_STEMS: Final = 2


def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in _LONG_WORD.findall(text) if w not in _COMMON)


def _labelled(
    material: StoryMaterial, sentences: Sequence[Passage]
) -> dict[tuple[str, int], tuple[Passage, list[tuple[DateMention, DayLabel]]]]:
    """The sentences that hold a dated mention of one day, with those mentions and
    their labels (a resolved date's own weekday and day of the month; an unresolved
    one's, read off its words)."""
    by_article: dict[str, list[Passage]] = {}
    for sentence in sentences:
        by_article.setdefault(sentence.article, []).append(sentence)
    found: dict[tuple[str, int], tuple[Passage, list[tuple[DateMention, DayLabel]]]] = {}
    for article, mine in by_article.items():
        analysis = material.analysis(article)
        if analysis is None:
            continue
        mine.sort(key=lambda p: p.start)
        starts = [p.start for p in mine]
        for mention in analysis.dates:
            if mention.ambiguous or mention.future:
                continue
            label = (
                day_label(mention.text)
                if mention.date is None
                else resolved_label(mention.date, mention.text)
            )
            n = bisect_right(starts, mention.start) - 1
            if label is None or n < 0 or mention.start >= mine[n].end:
                continue
            key = (article, mine[n].start)
            found.setdefault(key, (mine[n], []))[1].append((mention, label))
    return found


def _side(
    material: StoryMaterial, sentence: Passage, doc: Doc, mention: DateMention, label: DayLabel
) -> _Side | None:
    """The deed a mention dates, with its label; None when it dates none."""
    span = mention_span(doc, len(doc.text), sentence.start, mention)
    deed = deed_at(material, sentence, span) if span is not None else None
    if span is None or deed is None:
        return None
    day = (mention.date, mention.date) if mention.date is not None else ("", "")
    return _Side(deed, widened(label, span), mention.date is not None, day)
