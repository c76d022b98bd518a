"""Exclusives: details that only one source of a story (one duplicate group) carries.

:func:`find_exclusives` lists four kinds of detail:

``fact``
    A fact with status ``single`` whose figure no other source gives in the same unit
    (a compatible figure elsewhere means the grouping missed a synonym, not that the
    detail is exclusive), nor for the same thing in any unit
    (:meth:`~newsprism.reconcile.exclusive_details.StoryDetails.given_elsewhere`:
    "Ilse, 9," against "Ilse and Bo, who are 9 and 12"), and that does not stand in
    a variant of a statement other sources report. The passage is the sentence holding
    the figure, cut to the clause pieces free of figures and statement variants other
    sources carry (:func:`~newsprism.reconcile.exclusive_details.clause_around`: "for
    a council levy of 27.4 percent" beside a shared "$18,204,660"); none when
    the figure's own clause holds one. A figure in parentheses after one of those, in
    the same unit, is its conversion and carried with it ("about 1,700ft (580m)":
    :meth:`~newsprism.reconcile.exclusive_details.StoryDetails.blocked_in`).
``quote``
    A statement all of whose variants come from one source, with a direct quote among
    them, whose first variant (the quoted words) no sentence of another source
    resembles (as for claims) and no sentence of
    another source prints (half or more of its content words: "hurtful" / "how hurtful
    my words were"), and that holds no words or figure other sources give (a variant
    of a statement or a figure of a fact of two or more sources, a figure given
    elsewhere: "the four pilots" / "4 pilots").
``person``
    A person of the story's roster (:func:`~newsprism.reconcile.roster.build_roster`:
    aliases merged across outlets) named by one source only; the passage is the first
    mention of the name in the first article that names them. Not a person: an outlet's
    name, the speaker of a statement other sources report (the name only attributes
    shared words), a name whose first mention stands inside a variant of such a
    statement ("Speaking to the reporter Karin Velde, the mayor said ..."), or that
    stands in the attribution of such words in their sentence (the one told or asking:
    "told the reporter Karin Velde", "asked by the host Karin Velde"; a cue's agent; a
    firm; "the Velde plan"), though not a person newly named there with a verb of their
    own ("after naming the guard as Karin Velde, the chief said ..."), a piece of a
    person another source names (a given name alone, "Jonas" beside "Jonas Merrick";
    a name the parse ran on, "Ansel Roos's levy"), that person spelled another
    way (:func:`~newsprism.reconcile.exclusive_details.spelled_alike`: "Halvorsen" /
    "Anders Halvorson").
``claim``
    A sentence of one source, or a part of it (as for facts: the clause pieces free of
    figures other sources give, a part only when it brings a detail no other source
    carries), that carries a named entity, a quantity or a date (or, without one, has
    eight words or more and no quote marks: :func:`_plain_news`), and that no sentence
    of any other source resembles: lexical, a similarity of
    ``ExclusiveOptions.lexical_alone`` or more, or of ``.lexical`` or more from a
    sentence that carries a third of the passage's details (``.lexical_details``);
    dense, a dense cosine of ``.dense`` or more from a sentence that also
    shares some wording and half the passage's details, or a lexical cosine of
    ``.dense_lexical`` or more (:class:`_Novelty`). Never a claim: a sentence holding a
    variant of a statement that other sources also report or of a direct quote (quotes
    are judged as statements), a question, a lead-in ending with a colon ("Here is an
    excerpt from the report:", "The police added in a statement on Monday:": what it
    announces is judged on its own), a passage of fewer than ``min_words`` words,
    or the writer's own voice outside quote marks ("I", "we", "my", "our", "you": a
    blog's asides, initials such as "F.B.I." aside; this rule applies to ``fact`` too).

Said elsewhere: a quote or a claim that holds a variant of a statement is not exclusive
when another source gives that speaker (by surname, and the same given name where both
names give one: "Ann Roos" is not "Ben Roos"; a surname particle or a title the
roster does not know is no given name: "de Roos", "Harbourmaster Ansel Roos") words that
resemble it, all the
sentences holding them taken together, by the lexical test of claims
(:class:`_SaidElsewhere`): one outlet reports as speech what another quotes over
several sentences ("said he thought someone had got into his mailbox" / ""somebody
broke into my mailbox," he told a radio host ... "it was a joke""), which statement
pairing leaves apart.

Sentences are the analyser's, split at line breaks (a sentence may run across a
paragraph break) and trimmed. Repeats are dropped: a passage overlapping one already
kept (priority quote, fact, claim; a person's name is kept beside them) and a text
already kept from the same source (a syndicated copy's identical sentence).

Order: story article order, then offset, then kind (fact, quote, person, claim).

Cost: one similarity matrix of the candidate passages against the story's sentences
(with dense similarity, one embedding per sentence, plus a lexical matrix and the
details of the pairs the dense cosine finds close), plus the roster when none is
given; the "given elsewhere" checks go through a word-stem index of the sentences
(:class:`~newsprism.reconcile.exclusive_details.StoryDetails`).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from newsprism.analyze.aliases import fold_key, strip_title
from newsprism.analyze.quote_cues import CUE_VERBS, INDIRECT_KINDS
from newsprism.model import (
    Exclusive,
    ExclusiveKind,
    Fact,
    Passage,
    RosterEntry,
    Statement,
)
from newsprism.reconcile.exclusive_details import (
    StoryDetails,
    clause_around,
    free_parts,
    new_details,
    spelled_alike,
)
from newsprism.reconcile.facts import FactOptions, values_compatible
from newsprism.reconcile.material import StoryMaterial, outlet_key
from newsprism.reconcile.pair_lexical import PairLexical
from newsprism.reconcile.roster import build_roster, story_names
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity

__all__ = ["ExclusiveOptions", "find_exclusives"]

logger = logging.getLogger(__name__)

# Quoted passages (removed before looking for the writer's own first person).
_QUOTED = re.compile(r"[“\"«„][^“”\"«»„]*[”\"»“]")
# "I" with a dot beside it is an initial ("F.B.I.", "I.R.S."), not the writer.
_FIRST_PERSON = re.compile(r"(?<!\.)\b(?:I(?!\.)|[Ww]e|[Mm]y|[Oo]ur|[Yy]ou)\b")
_POSSESSIVE = re.compile(r"['’]s\b")
_KIND_ORDER: dict[ExclusiveKind, int] = {"fact": 0, "quote": 1, "person": 2, "claim": 3}
_PRIORITY: dict[ExclusiveKind, int] = {"quote": 0, "fact": 1, "person": 2, "claim": 3}


@dataclass(frozen=True, slots=True)
class ExclusiveOptions:
    """Thresholds of the ``claim`` and ``quote`` kinds.

    Calibration on the sample stories (tests/test_reconcile_exclusives.py, statements
    built from each article's quote groups): the best similarity of a sentence to any
    other source's sentence does not separate the planted exclusives well (sentences
    share the story's names): the planted ones score 0.13-0.30 lexical and 0.37-0.67
    dense, and 115 of 336 candidate sentences score below 0.3 lexical. At 0.22 /
    0.5, 13 of 19 planted exclusives are listed, with 16-32 items per story (most of
    them genuine details only one outlet has); 0.25 / 0.55 lists 15 of 19 with 25-39
    items. ``min_words`` 6 drops headline-like fragments.

    ``dense`` recalibrated on real reporting (the BASIL gold, eval/basil_gold.py, the
    even half of its 22 stories; the odd half held out): sweeping 0.40-0.80 by 0.01,
    0.58 is the value with recall >= 0.8 at the highest precision on the even half
    (P 0.663 / R 0.839; 0.5 gave 0.667 / 0.625, 0.59 drops P to 0.637, under lexical's
    0.647). Held out (odd): P 0.743 / R 0.755 (0.769 / 0.698 at 0.5); all 22 stories
    0.700 / 0.798 (0.720 / 0.661). On the samples it lists 16 of 19 planted
    exclusives, 32-39 items per story.

    With the "given elsewhere" rules (facts and claims cut free of figures other
    sources give, quotes another source prints, names that attribute shared words or
    are pieces of another source's name), the same sweep on the even half keeps 0.58:
    P 0.881 / R 0.875 (0.56: 0.869 / 0.821; 0.60: 0.870 / 0.893; 0.54 falls under R
    0.8); held out (odd) 0.885 / 0.755; all 0.883 / 0.817 (lexical at 0.22: 0.803 /
    0.881). Measured on the analyses of analysis version 9 (eval/basil_gold.py --cache).

    The dense cosine alone lost exclusives on unseen stories (development gold
    eval/data/basil_gold_heldout.json P 0.800 / R 0.800, blind test 0.790 / 0.697 against
    lexical's 0.779 / 0.853): of the gold exclusives lexical lists and dense missed, the
    other source's closest sentence was on the topic but told something else (dense
    0.58-0.77, lexical 0.04-0.23: a retaliation threat against "has objected
    vehemently"). So a dense match now needs the same sentence to share some wording
    (``dense_wording``) and carry half the text's details (``dense_details``: names,
    figures, dates, quoted words), and a lexical cosine of ``dense_lexical`` resembles
    on its own (see :class:`_Novelty`). Calibrated on the calibration gold
    (eval/data/basil_gold.json) and the development gold together, the blind test set
    untouched: over dense 0.55 / 0.58 / 0.60, wording 0.08 / 0.10 / 0.12, lexical 0.24 /
    0.26 / 0.28 and details 0.34 / 0.5, the setting with the highest mean F1 of the two
    among those with P and R >= 0.8 on both: 0.55 / 0.10 / 0.26 / 0.5, calibration P
    0.882 / R 0.872, development 0.819 / 0.850 (the surface is flat: every setting of
    the grid has mean F1 0.839-0.855; dense 0.58 with the same rest: 0.866 / 0.890, 0.807
    / 0.850). Before (dense 0.58 alone): 0.883 / 0.817 and 0.800 / 0.800.

    The lexical path had the same two faults (a loosely similar sentence hid a true
    exclusive; a retelling in other words scored just under 0.22), so it takes the same
    shape: a lexical cosine of ``lexical_alone`` resembles alone, one of ``lexical`` or
    more only from a sentence carrying ``lexical_details`` of the text's details.
    Calibrated on the calibration and development golds (the blind test set untouched,
    analyses of c1ab6c9 with eval/basil_gold.py's --cache): over lexical 0.16 / 0.18 /
    0.20, details 0.25 / 0.34 / 0.5 and alone 0.24 / 0.26 / 0.28, the highest mean F1
    among settings with P and R >= 0.8 on both: 0.20 / 0.34 / 0.26, calibration P 0.861
    / R 0.899, development 0.831 / 0.81 (the neighbours score 0.845-0.850); before
    (0.22 alone) 0.826 / 0.890 and 0.816 / 0.820.
    """

    lexical: float = 0.20
    # Lexical path only (see above): cosine that resembles alone; share of details a
    # sentence between ``lexical`` and this must carry.
    lexical_alone: float = 0.26
    lexical_details: float = 0.34
    # Dense path only (see above): cosine, lexical cosine beside it, share of details
    # carried, lexical cosine that resembles alone.
    dense: float = 0.55
    dense_wording: float = 0.10
    dense_details: float = 0.5
    dense_lexical: float = 0.26
    min_words: int = 6


def _overlaps(a: Passage, b: Passage) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def _sentence_of(material: StoryMaterial, passage: Passage) -> Passage:
    found = material.sentence_at(passage.article, passage.start)
    if found is None:
        return passage
    pieces = [p for p in material.pieces(found) if _overlaps(p, passage)]
    return pieces[0] if pieces else passage


def _multi_source_spans(
    material: StoryMaterial, statements: Sequence[Statement], facts: Sequence[Fact]
) -> list[Passage]:
    """Passages other sources also carry: variants of statements and figures of facts
    with two or more sources."""
    found = [v.passage for s in statements if not _single_source(material, s) for v in s.variants]
    found += [
        v.passage
        for f in facts
        if material.sources(v.passage.article for v in f.values) > 1
        for v in f.values
    ]
    return found


def _fact_exclusives(
    material: StoryMaterial,
    facts: Sequence[Fact],
    statements: Sequence[Statement],
    elsewhere: StoryDetails,
) -> list[Exclusive]:
    """Single facts whose figure no other source gives (see the module doc), each as
    the clause that holds it."""
    options = FactOptions()
    shared = _multi_source_spans(material, statements, facts)
    result = []
    for fact in facts:
        if fact.status != "single":
            continue
        value = fact.values[0]
        source = material.source_of(value.passage.article)
        theirs = [
            q
            for other in facts
            if other.unit == fact.unit
            for q in other.values
            if material.source_of(q.passage.article) != source
        ]
        if any(values_compatible(value, q, fact.unit, options) for q in theirs):
            continue
        if any(_overlaps(value.passage, p) for p in shared):
            continue  # a figure inside words other sources report
        if elsewhere.given_elsewhere(value.passage, value.value, fact.about):
            continue
        sentence = _sentence_of(material, value.passage)
        blocked = elsewhere.blocked_in(sentence, shared)
        if any(_overlaps(value.passage, b) for b in blocked):
            continue  # a conversion of a figure others give ("1,700ft (580m)")
        clause = clause_around(material, sentence, value.passage, blocked)
        if clause is not None and not _first_person(clause.text):
            result.append(Exclusive("fact", clause))
    return result


def _first_mention(material: StoryMaterial, entry: RosterEntry) -> Passage | None:
    keys = {fold_key(n) for n in (entry.name, *entry.aliases)}
    for article in entry.articles:
        analysis = material.analysis(article)
        if analysis is None:
            continue
        mentions = [
            m
            for e in analysis.entities
            if e.type == "PERSON" and fold_key(e.name) in keys
            for m in e.mentions
        ]
        if mentions:
            first = min(mentions, key=lambda m: m.start)
            return material.passage(article, first.start, first.end)
    return None


def _person_exclusives(
    material: StoryMaterial, roster: Sequence[RosterEntry], statements: Sequence[Statement]
) -> list[Exclusive]:
    result = []
    outlets = {outlet_key(a.outlet) for a in material.articles if a.outlet}
    speakers = {
        fold_key(s.speaker) for s in statements if s.speaker and not _single_source(material, s)
    }
    shared = [v.passage for s in statements if not _single_source(material, s) for v in s.variants]
    for entry in roster:
        if entry.type != "PERSON" or material.sources(entry.articles) != 1:
            continue
        if _names_an_outlet(entry, outlets):
            continue  # "documents seen by the Tribune": a paper, not a person
        if speakers & {fold_key(n) for n in (entry.name, *entry.aliases)}:
            continue  # their words are reported by others: the name only attributes them
        if _part_of_other_name(material, entry, roster):
            continue
        mention = _first_mention(material, entry)
        if mention is None or any(_overlaps(mention, p) for p in shared):
            continue  # named only inside words other sources report too
        if _beside_shared_words(material, mention, shared, entry, statements):
            continue
        result.append(Exclusive("person", mention))
    return result


def _beside_shared_words(
    material: StoryMaterial,
    mention: Passage,
    shared: Sequence[Passage],
    entry: RosterEntry,
    statements: Sequence[Statement],
) -> bool:
    """Whether the name only frames words other sources report (a variant of a
    statement of two or more sources in the name's sentence, not spoken by this person
    there): it stands in the attribution of speech (:func:`_in_attribution`: "told a
    reporter, Ivo Brandt, that ...", "asked by the host Ivo Brandt", "Ivo Brandt of
    Kelmar TV reported", a firm "Brandt & Holm"). A person newly named in such a
    sentence with a verb of their own ("after naming the guard as Ivo Brandt, the chief
    said ...") is news, and stays. Read off the development golds: of 10 wrong person
    exclusives, 4 were framing names; the sentence alone (any name beside shared
    words) also dropped 1 of 72 right ones (review s31/1, finding 3)."""
    sentence = material.sentence_at(mention.article, mention.start)
    if sentence is None or not any(_overlaps(sentence, p) for p in shared):
        return False
    keys = {fold_key(n) for n in (entry.name, *entry.aliases)}
    speaks = any(
        s.speaker is not None
        and fold_key(s.speaker) in keys
        and any(_overlaps(sentence, v.passage) for v in s.variants)
        for s in statements
    )
    return not speaks and _in_attribution(material, sentence, mention, shared)


# Reporting verbs of speech, stance and writing (the analyser's, by lemma), and the
# verbs and nouns of a conversation: the words an addressee or asker is attached to.
_SPEECH_LEMMAS: Final = frozenset(
    {lemma for lemma, kind in CUE_VERBS.items() if kind in INDIRECT_KINDS}
    | {"speak", "talk", "interview", "chat", "conversation"}
)
# Of those, the verbs whose bare object is the one spoken to ("told Ivo Brandt"); the
# others take them after "to", "with" or "by" ("said to", "spoke with", "asked by"). A
# bare object of "said" ("said Ivo Brandt was hurt") is the reported clause's subject.
_ADDRESSEE_OBJECT: Final = frozenset(
    {"tell", "ask", "assure", "email", "text", "interview", "answer"}
)
_IRREGULAR: Final = {
    "told": "tell", "said": "say", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak",
}  # fmt: skip
_LINKS: Final = frozenset({"to", "with", "by"})
# Plural nouns of negotiation, not speech to a listener: "held talks with rebel leader
# Ivo Brandt" names a party to the talks (review s31, open finding).
_NOT_SPEECH: Final = frozenset({"talks"})
# The name as the subject of a clause of its own (after an optional ", 41,"): a finite
# verb, an auxiliary or a regular past form, follows it ("told reporters Ivo Brandt, 41,
# was wounded": Ivo Brandt is news, not the one told). A past form then followed by
# "by" or a comma is a participle describing the name ("told Ivo Brandt, 41, reached by
# phone, that ...": the one told, review s32 finding 10).
_OWN_CLAUSE = re.compile(
    r"(?:\s*,\s*\d{1,3}\s*,)?\s+(?:was|were|is|are|had|has|have|will|would|could|can|"
    r"may|might|must|should|did|does|died|[a-z]{3,}ed(?!\s*,|\s+by\b))\b"
)
_DETERMINERS: Final = frozenset({"the", "a", "an", "his", "her", "their", "its", "our"})
# At most this many words (a role: "the veteran reporter") between the speech word and
# the name; a longer span holds a phrase of its own.
_FRAME_WORDS: Final = 3
# Words that open a clause of the name's own between the speech word and the name, or
# a phrase the name completes ("told the family of Ivo Brandt": the family was told).
_CLAUSE_WORDS: Final = frozenset(
    {"that", "whether", "who", "whom", "which", "when", "as", "and", "or", "but", "if"}
    | {"of", "for", "about", "on", "in", "at", "from", "after", "before", "against"}
)
# Words (with their apostrophes, dots, hyphens) and single punctuation marks.
_TOKEN = re.compile(r"[\w'’&.-]+|[^\w\s]")
# After the name, before the cue: nothing, the name's outlet or firm ("Ivo Brandt of
# Kelmar TV reported"), or one adverb ("Ivo Brandt also reported"); not a conjunction
# ("talks with Ivo Brandt and said": the cue's agent is the sentence's subject).
_AGENT_GAP = re.compile(
    r"[\s,]*(?:(?:of|from|at|for)\s+[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)?[\s,]*"
    r"(?:(?!(?:and|or|but|nor|who|which|that)\s)[a-z]+(?<!ed)(?<!ing)\s+)?"
)
# Longest text between an agent's name and the cue worth reading (a firm of a few words).
_AGENT_REACH: Final = 60
# A name between a determiner and a common noun modifies the noun ("the Brandt tax
# plan"): it names a thing, not a person in the news.
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _speech_lemma(word: str) -> str | None:
    """The speech lemma a word form may be ("told", "speaking", "asked", "interview")."""
    w = word.lower()
    if w in _NOT_SPEECH:
        return None
    forms = {w, _IRREGULAR.get(w, w)}
    for end, repl in (("ies", "y"), ("ied", "y"), ("s", ""), ("ed", ""), ("d", ""),
                      ("ing", ""), ("ing", "e")):  # fmt: skip
        if w.endswith(end) and len(w) > len(end) + 2:
            stem = w[: -len(end)] + repl
            forms |= {stem, stem[:-1]} if stem[-1:] == stem[-2:-1] else {stem}
    found = forms & _SPEECH_LEMMAS
    return min(found) if found else None


def _addressed(before: str) -> bool:
    """Whether the text before a name ends with a speech word and the name's frame as
    its addressee or asker, no verb of the name's own between: "told ", "speaking to
    the reporter ", "asked by the host ", "in an interview with a reporter, "."""
    tokens = _TOKEN.findall(before[-120:])
    words = 0
    linked = False
    for n, token in enumerate(reversed(tokens)):
        if token == ",":
            if n:  # only an apposition's comma, just before the name
                return False
            continue
        lemma = _speech_lemma(token)
        if lemma is not None:
            return linked or lemma in _ADDRESSEE_OBJECT
        low = token.lower()
        if low in _LINKS:
            linked = True
            continue
        if low in _DETERMINERS:
            continue
        words += 1
        # an outlet's possessive is a role word ("said to Kelmar News' ", "told TV4's ")
        bare = _POSSESSIVE.sub("", token).rstrip("'’")
        # a verb form or a clause's word between: the name has a phrase of its own
        if linked or words > _FRAME_WORDS or not bare.isalnum() or low.endswith(("ed", "ing")):
            return False
        if low in _CLAUSE_WORDS:
            return False
    return False


def _in_attribution(
    material: StoryMaterial, sentence: Passage, mention: Passage, shared: Sequence[Passage]
) -> bool:
    """Whether the name stands in the attribution of speech in its sentence: inside a
    quote's cue ("told the reporter Ivo Brandt"), just before the cue of a shared quote
    as its agent (not a witness's own cue in the same sentence), the
    addressee or asker of a speech word (:func:`_addressed`), a modifier of a common noun
    ("the Brandt tax plan"), or inside a firm's name."""
    analysis = material.analysis(mention.article)
    if analysis is None:
        return False
    text = material.by_id[mention.article].text
    # The subject of a clause of its own is never the one told, wherever the cue ends.
    listener = _OWN_CLAUSE.match(text, mention.end) is None
    for q in analysis.quotes:
        if q.cue_start is None or q.cue_end is None:
            continue
        if not sentence.start <= q.cue_start < sentence.end:
            continue
        if listener and q.cue_start <= mention.start and mention.end <= q.cue_end:
            return True
        if (
            mention.end <= q.cue_start <= mention.end + _AGENT_REACH
            and any(
                p.article == mention.article and q.start < p.end and p.start < q.end for p in shared
            )
            and _AGENT_GAP.fullmatch(text[mention.end : q.cue_start])
        ):
            return True
    before = text[sentence.start : mention.start]
    if (listener and _addressed(before)) or (
        _DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(text, mention.end)
    ):
        return True
    return any(
        e.type == "ORG"
        and any(m.start <= mention.start and mention.end <= m.end for m in e.mentions)
        for e in analysis.entities
    )


def _name_words(name: str) -> list[str]:
    """A name's words after a leading title, up to a possessive ("President Anton" ->
    Anton; "Ansel Roos's levy" -> Ansel Roos)."""
    name = _POSSESSIVE.split(strip_title(name) or name)[0]
    return [fold_key(w) for w in name.split() if fold_key(w)]


def _part_of_other_name(
    material: StoryMaterial, entry: RosterEntry, roster: Sequence[RosterEntry]
) -> bool:
    """Whether a one-source person is a piece of a person another source names: the
    given name alone ("Jonas" beside "Jonas Merrick", a cut "President Anton") or a
    full name with words the parse ran on ("Ansel Roos's levy"; a name equal to
    another's once cut is that person, or the roster would have merged them)."""
    source = material.source_of(entry.articles[0])
    fulls = [
        _name_words(name)
        for other in roster
        if other.type == "PERSON" and any(material.source_of(a) != source for a in other.articles)
        for name in (other.name, *other.aliases)
    ]
    others = [f for f in fulls if f]
    fulls = [f for f in fulls if len(f) > 1]
    for name in (entry.name, *entry.aliases):
        words = _name_words(name)
        if any(_respelled(words, f) for f in others):
            return True
        if len(words) == 1 and len({tuple(f) for f in fulls if f[0] == words[0]}) == 1:
            return True
        if len(words) > 1 and any(f == words[: len(f)] for f in fulls):
            return True
    return False


def _respelled(words: list[str], other: list[str]) -> bool:
    """Whether ``words`` name ``other`` spelled differently ("Marlowe" / "Marlow"); a
    surname alone is compared with the other's surname ("Halvorsen" / "Anders
    Halvorson")."""
    if len(words) == 1 and len(other) > 1:
        other = other[-1:]
    return (
        len(words) == len(other)
        and words != other
        and all(a == b or spelled_alike(a, b) for a, b in zip(words, other, strict=True))
    )


def _names_an_outlet(entry: RosterEntry, outlets: set[str]) -> bool:
    """Whether the name (or an alias) is an outlet of the story or a word of one."""
    words = {w for key in outlets for w in key.split()}
    return any(
        outlet_key(name) in outlets or (" " not in name and name.casefold() in words)
        for name in (entry.name, *entry.aliases)
    )


def _carries_detail(material: StoryMaterial, sentence: Passage) -> bool:
    """Whether a named entity, a quantity or a date stands in the sentence."""
    analysis = material.analysis(sentence.article)
    if analysis is None:
        return False

    def inside(start: int) -> bool:
        return sentence.start <= start < sentence.end

    return (
        any(inside(m.start) for e in analysis.entities for m in e.mentions)
        or any(inside(q.start) for q in analysis.quantities)
        or any(inside(d.start) for d in analysis.dates)
    )


# Fewest words of a claim with no name, figure or date (see _plain_news): 6 and 8 scored
# alike on the four development golds; 8 lists fewer items and one wrong fewer.
_PLAIN_MIN_WORDS: Final = 8
_QUOTE_MARK = re.compile(r"[“”\"«»„]")


def _plain_news(text: str) -> bool:
    """Whether a sentence with no name, figure or date may still be news of its own
    ("The old crane on the quay was taken down overnight for repairs."): eight words or
    more, no quote marks (a fragment of quoted words in such a sentence echoes a speaker
    other outlets report in words of their own). The detail rule alone left out gold
    exclusives whose names the analyser does not tag, or that name nothing.
    Measured on the four development golds (exclusives P / R at 11db6aa, lexical; 13
    more of their 325 gold exclusives found): BASIL calibration 0.925 / 0.890 -> 0.925 /
    0.899, development 0.854 / 0.830 -> 0.851 / 0.860, Multi-News 0.718 / 0.886 -> 0.722
    / 0.909, dev2 0.765 / 0.764 -> 0.788 / 0.875; dense 0.930 / 0.881 -> 0.931 / 0.890,
    0.857 / 0.860 -> 0.854 / 0.890, 0.731 / 0.864 -> 0.735 / 0.886, 0.804 / 0.722 ->
    0.842 / 0.833. Without the quote-mark test three more
    wrong on the calibration gold, all sentences around a quoted phrase. 9 % more items
    listed (2,185 -> 2,373 on the four); the share of listed items that are gold
    exclusives about the same (dev2 0.160 -> 0.159)."""
    return len(text.split()) >= _PLAIN_MIN_WORDS and not _QUOTE_MARK.search(text)


# A sentence about the page rather than the events: its updates, the reader's next step
# or who wrote it ("This story has been updated ...", "Check back for updates", "Scroll
# down for video", "... contributed to this report", "more information will be
# released as it becomes available"). Site boilerplate, never a claim of the outlet's
# own (review s32 finding 12); the forms are a site's, not a story's.
_ABOUT_PAGE = re.compile(
    r"\bthis\s+(?:story|article|report|post|page)\s+(?:has\s+been|was|is|will\s+be)"
    r"\s+(?:updated|corrected|amended|developing)\b"
    r"|\b(?:breaking|developing)\s+(?:news\s+)?story\b"
    r"|\bcheck\s+back\b|\bscroll\s+down\b|\bclick\s+here\b"
    r"|\bcontributed\s+to\s+this\s+(?:report|story|article)\b"
    r"|\b(?:details|information|updates)\b[^.]{0,60}?\bbecomes?\s+available\b"
    r"|\bsign\s+up\s+for\s+(?:the|our)\s+\w*\s*newsletter\b"
    r"|\bsubscribe\s+(?:now|today|here)\b",
    re.IGNORECASE,
)


def _first_person(text: str) -> bool:
    """The writer's own voice ("I have been following ..."), quotes left out."""
    return bool(_FIRST_PERSON.search(_QUOTED.sub(" ", text)))


class _Novelty:
    """Whether each text is new: no sentence of another source resembles it.

    Lexical (and any similarity that is not dense): a cosine of
    ``options.lexical_alone`` or more resembles; one of ``options.lexical`` or more
    resembles when the same sentence carries ``options.lexical_details`` or more of the
    text's details (a text without details: any such sentence). Dense: sentences of one
    story on one topic score high without telling
    the same thing ("Kelmar has threatened to shut its harbour to every Sarnow freighter
    for the rest of the season" / "Kelmar has protested loudly against the tariff": a
    real pair of that kind scored 0.63), so a dense cosine of ``options.dense`` or more resembles
    only when the same sentence also shares some wording (a lexical cosine of
    ``options.dense_wording`` or more) and carries ``options.dense_details`` or more of
    the text's details (names, figures, dates, quoted words:
    :meth:`~newsprism.reconcile.exclusive_details.StoryDetails.carried_share`); a
    lexical cosine of ``options.dense_lexical`` or more resembles alone."""

    def __init__(
        self,
        material: StoryMaterial,
        sentences: Sequence[Passage],
        similarity: TextSimilarity,
        elsewhere: StoryDetails,
        options: ExclusiveOptions,
    ) -> None:
        self._material = material
        self._sentences = sentences
        self._similarity = similarity
        self._elsewhere = elsewhere
        self._options = options
        # Sources as numbers: the passages x sentences tests compare integers, not strings.
        self._codes: dict[str, int] = {}
        self._sources = self._source_codes(s.article for s in sentences)

    def _source_codes(self, articles: Iterable[str]) -> npt.NDArray[np.int64]:
        codes = self._codes
        return np.array(
            [codes.setdefault(self._material.source_of(a), len(codes)) for a in articles],
            dtype=np.int64,
        )

    def _resembled(self, passages: Sequence[Passage]) -> npt.NDArray[np.bool_]:
        """Per passage: whether a sentence of another source resembles it. Only another
        source's sentence counts, so the details of the passage's own source are never
        weighed; and a passage's details are weighed against its next candidate
        sentence only while none has resembled it yet (once one has, the others change
        nothing: weighing them all was most of this step in a story of one event)."""
        opts = self._options
        first, second = [p.text for p in passages], [s.text for s in self._sentences]
        mine = self._source_codes(p.article for p in passages)
        other: npt.NDArray[np.bool_] = mine[:, None] != self._sources[None, :]
        if not self._similarity.dense:
            scores = self._similarity.matrix(first, second)
            alone = scores >= opts.lexical_alone
            sure = alone & other
            band = (scores >= opts.lexical) & ~alone & other
            least = opts.lexical_details
        else:
            dense = self._similarity.matrix(first, second)
            lexical = LexicalSimilarity().matrix(first, second)
            sure = (lexical >= opts.dense_lexical) & other
            band = (dense >= opts.dense) & (lexical >= opts.dense_wording) & other
            least = opts.dense_details
        resembled: npt.NDArray[np.bool_] = np.any(sure, axis=1)
        rows, columns = np.nonzero(band & ~resembled[:, None])
        for row, column in zip(rows.tolist(), columns.tolist(), strict=True):
            if not resembled[row]:
                share = self._elsewhere.carried_share(passages[row], column)
                resembled[row] = share >= least
        return resembled

    def novel(self, passages: Sequence[Passage]) -> list[bool]:
        if not passages:
            return []
        mine = self._source_codes(p.article for p in passages)
        resembled = self._resembled(passages)
        return [
            bool((self._sources != source).any()) and not bool(found)
            for source, found in zip(mine, resembled, strict=True)
        ]


# Generational suffixes: "Tom Hale Jr." is a Hale, not a "Jr".
_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _speaker_key(name: str) -> str:
    """A speaker's name words, folded, after a title and less a generational suffix
    ("Mayor Ansel Roos" -> "ansel roos", "Tom Hale Jr." -> "tom hale"): pages name one
    person in full, by surname or with a title, and the roster folds only the names it
    can link."""
    words = fold_key(" ".join(_less_particles((strip_title(name) or name).split()))).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


# Surname particles: "Ansel de Roos" and "de Roos" are one person, the particle no
# given name. Several are given names too ("Al", "Van", "Le", "Da"): which one a word is
# is decided by its case as written (:func:`_less_particles`).
_PARTICLES: Final = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "du", "la", "le", "van", "von", "ter",
     "ten", "bin", "al", "el"}
)  # fmt: skip


def _less_particles(words: list[str]) -> list[str]:
    """A name's words as written, less surname particles before the surname: a particle
    word written in lower case ("de Roos", "Ansel van der Berg"), or capitalised after a
    given name ("Ansel Van Roos"). A capitalised first word is a given name ("Al Roos",
    "Van Roos" are no relatives of any Roos, review s32 finding 1)."""
    return [
        w for n, w in enumerate(words)
        if n == len(words) - 1
        or fold_key(w) not in _PARTICLES
        or not (w.islower() or n > 0)
    ]  # fmt: skip


def _given_names(words: list[str]) -> list[str]:
    """The words before the surname (particles are left out of the key; an unknown
    title stays a word)."""
    return words[:-1]


def _one_name(a: str, b: str) -> bool:
    """Whether two speaker keys name one person: the same surname (or spelled alike),
    and where both give a given name, a given name of one is among the other's words
    before the surname, or its initial ("ansel roos" / "roos" / "a roos" / "ansel de
    roos" / "harbourmaster ansel roos": a title strip_title does not know stays a word;
    not "ann roos" / "ben roos": relatives of one surname speak in the same stories,
    review s31/1 finding 6)."""
    x, y = a.split(), b.split()
    if not x or not y or not (x[-1] == y[-1] or spelled_alike(x[-1], y[-1])):
        return False
    gx, gy = _given_names(x), _given_names(y)
    if not gx or not gy:
        return True
    # A whole given name anywhere before the surname; an initial only as the first given
    # name ("ann b roos" is not "ben roos").
    first, other = sorted((gx[0], gy[0]), key=len)
    initial = len(first) == 1 and other.startswith(first)
    return initial or any(len(g) > 1 and g == h for g in gx for h in gy)


class _SaidElsewhere:
    """Whether another source reports a candidate's speaker saying the same thing in
    other words (see the module doc): the candidate (a quote, or a claim holding a
    statement variant) against all the sentences in which one other source gives that
    speaker's statements, taken together, by the lexical test of claims
    (:class:`_Novelty`, whatever the similarity: a dense cosine of a sentence against a
    speaker's several sentences is not calibrated). Cost: a look-up per variant, one
    tokenisation per candidate with a speaker and per (speaker, source) text, and a pass
    over two texts' terms per candidate and other source giving that speaker
    (:class:`~newsprism.reconcile.pair_lexical.PairLexical`: no TF-IDF fit per pair)."""

    def __init__(
        self,
        material: StoryMaterial,
        sentences: Sequence[Passage],
        statements: Sequence[Statement],
        elsewhere: StoryDetails,
        options: ExclusiveOptions,
    ) -> None:
        self._material = material
        self._elsewhere = elsewhere
        self._options = options
        self._sentences = sentences
        pieces: dict[str, list[tuple[int, int]]] = {}
        for n, sentence in enumerate(sentences):
            pieces.setdefault(sentence.article, []).append((sentence.start, n))
        for found in pieces.values():
            found.sort()
        # Per article, the (variant, speaker key) pairs; per (speaker key, source), the
        # indices of the sentences holding that speaker's variants.
        self._variants: dict[str, list[tuple[Passage, str]]] = {}
        self._said: dict[tuple[str, str], set[int]] = {}
        for statement in statements:
            if not statement.speaker:
                continue
            key = _speaker_key(statement.speaker)
            for v in statement.variants:
                p = v.passage
                self._variants.setdefault(p.article, []).append((p, key))
                held = self._said.setdefault((key, material.source_of(p.article)), set())
                starts = pieces.get(p.article, [])
                first = max(bisect_right(starts, (p.start, len(sentences))) - 1, 0)
                for start, n in starts[first:]:
                    if start >= p.end:
                        break
                    if _overlaps(sentences[n], p):
                        held.add(n)

    def _speakers(self, passage: Passage) -> set[str]:
        return {key for p, key in self._variants.get(passage.article, ()) if _overlaps(passage, p)}

    def told(self, passages: Sequence[Passage]) -> list[bool]:
        """Per passage: whether another source gives its speaker's words (see above)."""
        asked = [(n, p, self._speakers(p)) for n, p in enumerate(passages)]
        asked = [x for x in asked if x[2]]
        found = [False] * len(passages)
        groups = [g for g, indices in self._said.items() if indices]
        if not asked or not groups:
            return found
        joints = [" ".join(self._sentences[n].text for n in sorted(self._said[g])) for g in groups]
        # Each text tokenised once; a pair is weighed on its two texts alone (below).
        pairs = PairLexical([*joints, *(p.text for _, p, _ in asked)])
        opts = self._options
        for row, (n, passage, speakers) in enumerate(asked, start=len(joints)):
            source = self._material.source_of(passage.article)
            for column, (key, other) in enumerate(groups):
                if other == source or not any(_one_name(key, k) for k in speakers):
                    continue
                # Weighed on the two texts alone: against the story's sentences, the
                # story's names and topic words weigh nothing, and a retelling in other
                # words shares little else (calibration gold: 10 wrong exclusives left
                # against 13 with the story's weights, development the same).
                score = pairs.cosine(row, column)
                if score >= opts.lexical_alone or (
                    score >= opts.lexical and self._carried(passage, self._said[(key, other)])
                ):
                    found[n] = True
                    break
        return found

    def _carried(self, passage: Passage, indices: Iterable[int]) -> bool:
        mine = self._elsewhere.details(passage)
        if not mine.count():
            return True
        theirs = [self._elsewhere.sentence_details(n) for n in indices]
        new = new_details(mine, theirs)
        return 1.0 - len(new) / mine.count() >= self._options.lexical_details


def _single_source(material: StoryMaterial, statement: Statement) -> bool:
    return bool(statement.variants) and (
        material.sources(v.passage.article for v in statement.variants) == 1
    )


def _quote_candidates(
    material: StoryMaterial,
    statements: Sequence[Statement],
    facts: Sequence[Fact],
    elsewhere: StoryDetails,
) -> list[Passage]:
    """First variants of one-source statements with a direct quote among them, less
    those holding words or a figure other sources give: a variant of a statement or a
    figure of a fact of two or more sources, a figure given elsewhere ("the four pilots"
    / "4 pilots"). A claim is cut free of such a figure; a quote is shown whole, so it
    is left out (the news in it is not one source's alone)."""
    candidates = [
        s.variants[0].passage
        for s in statements
        if _single_source(material, s) and any(v.direct for v in s.variants)
    ]
    if not candidates:
        return []
    shared = _multi_source_spans(material, statements, facts)
    return [
        q
        for q in candidates
        if not any(_overlaps(q, p) for p in shared) and not elsewhere.in_sentence(q)
    ]


def _claim_candidates(
    material: StoryMaterial,
    sentences: Sequence[Passage],
    statements: Sequence[Statement],
    facts: Sequence[Fact],
    elsewhere: StoryDetails,
    options: ExclusiveOptions,
) -> tuple[list[Passage], list[Passage]]:
    """Sentences (or their parts free of figures other sources give) that may be claims
    (before the similarity test), see the module doc: those carrying a detail, and the
    plain ones (:func:`_plain_news`), apart, so the plain ones' similarity test (one
    TF-IDF fitted on the texts compared) leaves the others' scores as they were."""
    # Per article (a sentence is only checked against its own article's passages:
    # against every statement variant of the story it was quadratic in the story).
    blocked: dict[str, list[Passage]] = {}
    for s in statements:
        if not _single_source(material, s) or any(v.direct for v in s.variants):
            for v in s.variants:
                blocked.setdefault(v.passage.article, []).append(v.passage)
    shared = [
        v.passage
        for f in facts
        if material.sources(v.passage.article for v in f.values) > 1
        for v in f.values
    ]
    found: list[Passage] = []
    plain: list[Passage] = []
    for sentence in sentences:
        if (
            sentence.text.endswith(("?", ":"))
            or _first_person(sentence.text)
            or _ABOUT_PAGE.search(sentence.text)
            or any(_overlaps(sentence, b) for b in blocked.get(sentence.article, ()))
        ):
            continue
        parts = free_parts(material, sentence, elsewhere.blocked_in(sentence, shared))
        for part in parts:
            # A part cut away from figures other sources give must bring news of its
            # own ("the council said on Wednesday" left of a shared "800 people").
            if len(part.text.split()) < options.min_words or not (
                part == sentence or elsewhere.brings_news(part)
            ):
                continue
            if _carries_detail(material, part):
                found.append(part)
            elif _plain_news(part.text):
                plain.append(part)
    return found, plain


def _repeats(material: StoryMaterial, item: Exclusive, kept: Exclusive, source: str) -> bool:
    """Whether ``item`` repeats ``kept``: overlapping in one article, or the same text
    (one inside the other) in a copy from the same source; names only repeat names."""
    if (item.kind == "person") != (kept.kind == "person"):
        return False
    if _overlaps(item.passage, kept.passage):
        return True
    a, b = item.passage.text, kept.passage.text
    return material.source_of(kept.passage.article) == source and (a in b or b in a)


def _one_per_source(material: StoryMaterial, found: Iterable[Exclusive]) -> list[Exclusive]:
    """Drop repeats (see :func:`_repeats`), keeping kinds in the order quote, fact,
    person, claim, then story order."""
    position = {a.id: n for n, a in enumerate(material.articles)}
    ordered = sorted(
        found,
        key=lambda e: (_PRIORITY[e.kind], position[e.passage.article], e.passage.start),
    )
    kept: list[Exclusive] = []
    for item in ordered:
        source = material.source_of(item.passage.article)
        if not any(_repeats(material, item, k, source) for k in kept):
            kept.append(item)
    return sorted(
        kept, key=lambda e: (position[e.passage.article], e.passage.start, _KIND_ORDER[e.kind])
    )


def find_exclusives(
    material: StoryMaterial,
    statements: Sequence[Statement],
    facts: Sequence[Fact],
    similarity: TextSimilarity | None = None,
    options: ExclusiveOptions | None = None,
    *,
    roster: Sequence[RosterEntry] | None = None,
) -> list[Exclusive]:
    """The story's exclusives (kinds, rules and order in the module docstring).

    ``similarity`` defaults to :class:`LexicalSimilarity`; ``roster`` to
    :func:`build_roster` of the material. Guarantee: every passage is
    ``article.text[start:end]`` of an article of a single source; a story of one
    source has no exclusives. Cost: see the module docstring.
    """
    if material.sources(a.id for a in material.articles) < 2:
        return []
    opts = options or ExclusiveOptions()
    similarity = similarity or LexicalSimilarity()
    sentences = material.story_pieces()
    people = build_roster(material) if roster is None else roster
    elsewhere = StoryDetails(material, sentences, story_names(material, people))
    quotes = _quote_candidates(material, statements, facts, elsewhere)
    detailed, plain = _claim_candidates(material, sentences, statements, facts, elsewhere, opts)
    claims = [*detailed, *plain]
    # One similarity call for the quotes and claims with details (a dense model embeds
    # the story's sentences once; its cache serves the second), one for the plain claims.
    novelty = _Novelty(material, sentences, similarity, elsewhere, opts)
    novel = novelty.novel([*quotes, *detailed]) + novelty.novel(plain)
    told = _SaidElsewhere(material, sentences, statements, elsewhere, opts).told([*quotes, *claims])
    novel = [n and not t for n, t in zip(novel, told, strict=True)]
    found = [
        *_fact_exclusives(material, facts, statements, elsewhere),
        *(
            Exclusive("quote", q)
            for q, n in zip(quotes, novel, strict=False)
            if n and not elsewhere.quote_carried(q)
        ),
        *_person_exclusives(material, people, statements),
        *(Exclusive("claim", c) for c, n in zip(claims, novel[len(quotes) :], strict=True) if n),
    ]
    result = _one_per_source(material, found)
    logger.debug("story %s: %d exclusives", material.story.id, len(result))
    return result
