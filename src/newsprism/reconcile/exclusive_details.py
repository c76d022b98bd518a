"""What other sources of a story carry, for :mod:`newsprism.reconcile.exclusives`.

Similarity alone does not tell an exclusive from a shared claim: sentences of one story
share its names and topic words, and a sentence that reports a shared figure beside a
new one is neither wholly shared nor wholly new. :class:`StoryDetails` answers, over
the story's sentences:

* whether another source gives a figure for the same thing (:meth:`~StoryDetails.
  given_elsewhere`): a sentence of another source holds the value (a quantity of its
  analysis, or the number in digits) and the word the figure is about ("Ilse, 9," /
  "Ilse and Bo, who are 9 and 12"), which fact grouping may leave apart; for
  :meth:`~StoryDetails.in_sentence`, also the same value in the same unit anywhere in
  another source ("212 rebels" / "212 votes", "four years" / "four-year");
* whether another source prints a quote's words (:meth:`~StoryDetails.quote_carried`):
  one of its sentences holds half or more of the quote's content stems;
* whether a passage brings news (:meth:`~StoryDetails.brings_news`): a detail no
  sentence of another source carries (a sentence giving a statement's words carries its
  speaker, written "he said" or not at all: the statements handed in); how many of its
  details one sentence carries
  (:meth:`~StoryDetails.carried_share`: a dense cosine alone does not tell a retelling
  from a sentence on the same topic). A passage's details (:func:`details_of`) are its
  named entities (by roster key, or the words that name them: a person's surname,
  every capitalised word of another name), its quantities (carried by a compatible
  figure of the unit or the same value), its dates (as days:
  :mod:`~newsprism.reconcile.exclusive_dates`; in other words only beside a word of the
  deed they date, :func:`_date_carried`) and its
  quoted parts (carried at half their content stems). A name's words are carried
  spelled one letter apart too (:func:`spelled_alike`: "Halloran" / "Haloran", as
  outlets misspell names).

:func:`free_parts` and :func:`clause_around` cut a sentence into the runs of clause
pieces (at ``, ; :``, parentheses, dashes, a coordinating "and"/"but"/"while") that
hold none of a list of blocked spans: "for a council levy of 27.4 percent" beside a
shared "$18,204,660".

Cheap: the stored analyses and regexes, no parse; the sentences are indexed by word
stem once per story, their details computed when first asked.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from newsprism.analyze.numbers import parse_vague
from newsprism.model import DateMention, Passage, Quantity, Statement
from newsprism.reconcile.exclusive_dates import (
    CONTAINING_DAYS,
    DayDetail,
    day_carried,
    day_detail,
    day_within,
)
from newsprism.reconcile.figures import compatible
from newsprism.reconcile.material import ByStart, StoryMaterial
from newsprism.reconcile.roster import StoryNames
from newsprism.reconcile.speaker_names import one_edit

__all__ = ["Details", "StoryDetails", "clause_around", "details_of", "free_parts", "new_details"]

logger = logging.getLogger(__name__)

_QUOTED = re.compile(r"[“\"«„]([^“”\"«»„]*)[”\"»“]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’.-]*")
# Words too common to carry a quote's meaning (a quote "covered" by "that" and "said"
# is no match); words under 4 letters are dropped too (measured on the BASIL gold's even
# half: counting 3-letter words, "say" and "job" among them, carried fewer quotes).
_STOPWORDS = frozenset(
    {
        "that", "this", "with", "from", "have", "been", "were", "they", "their", "there",
        "what", "when", "will", "would", "could", "should", "about", "which", "into", "them",
        "then", "than", "just", "also", "very", "more", "most", "some", "such", "only",
        "your", "said", "says",
    }
)  # fmt: skip
# A quote is carried when this share of its content stems stands in the other passage:
# half, so a quote cut short or framed differently ("try showing a little class") still
# counts, a different quote on the topic does not.
QUOTE_SHARE = 0.5
# Neighbouring vowels whose swap spells one sound two ways (:func:`_swapped`): "ie" /
# "ei" ("Brienna" / "Breinna"). Any other pair is two sounds, so its swap is another
# name ("Diana" / "Daina", "Lucia" / "Lucai": review s42/1 M3); "ou" / "uo" too, two
# romanised surnames ("Zhou" / "Zhuo", "Lou" / "Luo"; review s42/4 LOW), and no dev
# story needed it (exclusives on the four dev golds unchanged without it).
_ONE_SOUND_SWAPS = frozenset({"ie", "ei"})
# The share of a long date's clause words ("ran aground in May") another passage must
# hold for a day inside the span to carry it (:func:`_date_carried`): the same deed. Half,
# as for a quote: on the four development golds (exclusives, lexical and dense) the rule
# changes no prediction, so the share is not tuned on them; one shared word would let
# a day of another deed told with one of the story's topic words carry the month.
DEED_SHARE = 0.5
# Names spelled two ways across outlets ("Halloran" / "Haloran") are one name from this
# many letters (one edit apart, same first letter): on the Multi-News development gold
# (eval/data/multinews_gold.json) two outlets spell three people of one story so; shorter
# names one edit apart are too often different people ("Rice" / "Rick"). BASIL
# calibration and development exclusives unchanged with it.
NAME_SPELLING_MIN = 5
# A figure without a unit given by another source with the same value counts as given
# there only from this value (see StoryDetails._same_figure). Set on the Multi-News
# development gold ("212 rebels" / "212 votes"); BASIL calibration and development
# exclusives are the same with no floor on unitless counts or without them at all.
SAME_COUNT_MIN = 100


@dataclass(frozen=True, slots=True)
class Details:
    """What makes a passage news (see the module doc), and its words for fallbacks."""

    names: tuple[tuple[str, frozenset[str]], ...]  # (roster key, words that name it)
    figures: tuple[Quantity, ...]
    dates: tuple[DayDetail, ...]
    quotes: tuple[frozenset[str], ...]
    words: frozenset[str]
    # Per date, the content stems of the clause that gives it, less the date's own words
    # (:func:`_clause_words`): what the date is the day of.
    date_clauses: tuple[frozenset[str], ...] = ()

    def count(self) -> int:
        return len(self.names) + len(self.figures) + len(self.dates) + len(self.quotes)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(key for key, _ in self.names)


# Not verify.content_stems: that one is calibrated on eval/verify.py (words of two letters
# or more, digits dropped, a longer stop list, "-ly" / "-ies" stripped) and these on the
# BASIL gold. Swapping it in here, with its stemmer so a quote's stems still meet the
# passages' words, left the calibration gold unchanged but moved the development gold's
# exclusives (precision 0.816 -> 0.809, recall 0.82 -> 0.81; lexical, at 2038161).
def _inflection_stem(word: str) -> str:
    """The word case-folded, less an inflection ("'s", "-ing", "-ed", "-es", "-s") that
    leaves three letters: unlike :func:`newsprism.reconcile.similarity.stem`, "-ly",
    "-ies" and "-ied" stay (see above)."""
    word = word.casefold().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> frozenset[str]:
    """The text's content stems: words of four letters or more, less the stop words,
    less an inflection (what a quote is carried by)."""
    return frozenset(
        _inflection_stem(w)
        for w in _WORD.findall(text)
        if len(w) >= 4 and w.casefold() not in _STOPWORDS
    )


def _enough(words: frozenset[str], short: bool, found: int, share: float = QUOTE_SHARE) -> bool:
    """Whether ``found`` of a quote's ``words`` (:func:`_quote_words`) carry it: all of
    them for a quote of short words, ``share`` of them otherwise."""
    return bool(words) and found >= (len(words) if short else share * len(words))


def _quote_words(text: str) -> tuple[frozenset[str], bool]:
    """A quote's content stems; for a quote without one ("Meh", "Yes, sir"), its words of
    three letters or more, every one of which must then be carried (second item True)."""
    content = content_stems(text)
    if content:
        return content, False
    return frozenset(_inflection_stem(w) for w in _WORD.findall(text) if len(w) >= 3), True


def _inside(passage: Passage, start: int) -> bool:
    return passage.start <= start < passage.end


def _name_words(name: str, type_: str) -> frozenset[str]:
    """The words another passage must hold to name the entity without the analyser:
    a person's surname, every capitalised word of another name ("Republican Party")."""
    words = [_inflection_stem(w) for w in _CAPITALISED.findall(name) if len(w) >= 3]
    if type_ == "PERSON":
        return frozenset(words[-1:])
    return frozenset(words)


def _names(
    material: StoryMaterial, passage: Passage, names: StoryNames
) -> tuple[tuple[str, frozenset[str]], ...]:
    analysis = material.analysis(passage.article)
    if analysis is None:
        return ()
    found: dict[str, frozenset[str]] = {}
    # The entities with a mention starting inside, in the analysis' order.
    named = sorted(
        {n for _, _, n in material.mentions_in(passage.article, passage.start, passage.end)}
    )
    for entity in (analysis.entities[n] for n in named):
        found.setdefault(names.key(entity.name), _name_words(entity.name, entity.type))
    return tuple(found.items())


def _quotes(text: str, quoted: bool) -> tuple[frozenset[str], ...]:
    parts = [text] if quoted else [m.group(1) for m in _QUOTED.finditer(text)]
    return tuple(c for c in (content_stems(p) for p in parts) if c)


def details_of(
    material: StoryMaterial, passage: Passage, names: StoryNames, *, quoted: bool = False
) -> Details:
    """The passage's details; ``quoted``: the passage is a quote's words (one quote)."""
    analysis = material.analysis(passage.article)
    figures = tuple(
        q for q in (analysis.quantities if analysis else ()) if _inside(passage, q.start)
    )
    found = _names(material, passage, names)
    named = frozenset(w for _, words in found for w in words)
    dates: dict[DayDetail, frozenset[str]] = {}
    for d in analysis.dates if analysis else ():
        if _inside(passage, d.start):
            day = day_detail(material, passage.article, d)
            clause = _clause_words(passage, d, whole=_long(day)) - named
            dates[day] = dates.get(day, frozenset()) | clause
    return Details(
        found,
        figures,
        tuple(dates),
        _quotes(passage.text, quoted),
        frozenset(_inflection_stem(w) for w in _WORD.findall(passage.text)),
        tuple(dates.values()),
    )


def _long(day: DayDetail) -> bool:
    """A calendar span longer than a week ("in May", "this year"): carried by a day inside
    it only beside the deed it dates (:func:`_date_carried`)."""
    return (
        day.reading == "day"
        and day.first is not None
        and day.last is not None
        and (day.last - day.first).days >= CONTAINING_DAYS
    )


def _clause_words(passage: Passage, mention: DateMention, *, whole: bool) -> frozenset[str]:
    """The content stems of the clause piece of ``passage`` (:func:`_segments`) that holds
    the date mention, less the mention's own words (and, in :func:`details_of`, the words
    of its names, details of their own): "a spark from a power line ignited dry grass on
    March 12" is the day of a spark, not of whatever else that day saw. ``whole``: a
    piece of the date alone ("In May, the ferry ran aground") gives the passage's words
    instead, as a long span is carried by a day inside it only beside its deed."""
    mention_words = content_stems(mention.text)
    for start, end in _segments(passage):
        if start <= mention.start < end:
            text = passage.text[start - passage.start : end - passage.start]
            found = content_stems(text) - mention_words
            return found or (content_stems(passage.text) - mention_words if whole else found)
    return frozenset()


def _date_carried(day: DayDetail, clause: frozenset[str], theirs: Details) -> bool:
    """Whether ``theirs`` gives the date: the same expression (its folded words, as before
    dates were read as days), or the day in other words (:func:`~newsprism.reconcile.
    exclusive_dates.day_carried`) beside a word of what the date is the day of (a content
    stem of its clause less names, :func:`_clause_words`; a clause of the date alone
    needs only the day). Read as days, a day another passage gives for another deed ("the
    fire began on Monday" against "a spark ignited the grass on May 11", a Monday) carried
    the clause's date, its only detail, and its news was lost (review s39/1 M7).

    One word, not a share: a retelling of one deed on one day shares few words ("divers
    found the hull torn open on Tuesday" / "the wreck, reached by divers Tuesday"). On the
    four development golds (exclusives, lexical), half the clause's words (``QUOTE_SHARE``)
    for every date cost precision on all four (BASIL calibration 0.924 -> 0.912, Multi-News
    development 0.781 -> 0.758); one word for every date still cost BASIL calibration and
    Multi-News development one wrong item each (0.918, 0.769); one word only where the
    expressions differ leaves all four as they were.

    A span longer than a week ("in May", "this month") a day inside it carries (:func:
    `~newsprism.reconcile.exclusive_dates.day_within`) only beside ``DEED_SHARE`` of its
    clause's words: the same deed told more precisely ("ran aground in May" / "ran aground
    on May 6"), not any day of the story, all of which fall in its month and year."""
    if not day_carried(day, theirs.dates):
        return day_within(day, theirs.dates) and _enough(
            clause, False, len(clause & theirs.words), DEED_SHARE
        )
    if any(day.key == other.key for other in theirs.dates):
        return True
    return not clause or bool(clause & theirs.words)


def overlaps(a: Passage, b: Passage) -> bool:
    """Whether two passages share a character of one article."""
    return a.article == b.article and a.start < b.end and b.start < a.end


def single_source(material: StoryMaterial, statement: Statement) -> bool:
    """Whether all of a statement's variants come from one source."""
    return bool(statement.variants) and (
        material.sources(v.passage.article for v in statement.variants) == 1
    )


def spelled_alike(a: str, b: str) -> bool:
    """Two spellings of one name across outlets ("Halloran" / "Haloran", "Marlowe" /
    "Marlow", "Brienna" / "Breinna"): words of ``NAME_SPELLING_MIN`` letters or more, the
    same first letter, one edit apart or two neighbouring letters swapped (a typist's
    slip: s41, BASIL calibration, one party chairman spelled so by two of three outlets).
    Case-folded stems, as :class:`Details` words are."""
    return (
        a != b
        and min(len(a), len(b)) >= NAME_SPELLING_MIN
        and a[0] == b[0]
        and (one_edit(a, b) or _swapped(a, b))
    )


def _swapped(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring vowels of one sound swapped ("ie" /
    "ei"): one sound spelt two ways. Two vowels of two sounds swapped make another name
    ("Diana" / "Daina", "Marie" / "Maire", "Zhou" / "Zhuo"), as does a vowel swapped with a
    consonant ("Sarno" / "Saron", "Carol" / "Carlo", "Thorne" / "Throne": s41 review 3)
    or two consonants swapped."""
    if len(a) != len(b):
        return False
    diff = [n for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    first, second = a[diff[0]], a[diff[1]]
    return b[diff[0]] == second and b[diff[1]] == first and first + second in _ONE_SOUND_SWAPS


def _name_carried(words: frozenset[str], theirs: frozenset[str]) -> bool:
    if not words:
        return False
    return all(w in theirs or any(spelled_alike(w, t) for t in theirs) for w in words)


def _figure_carried(figure: Quantity, theirs: Details) -> bool:
    return any(
        (q.unit == figure.unit and compatible(figure, q)) or q.value == figure.value
        for q in theirs.figures
    )


def _flags(mine: Details, theirs: Details) -> list[bool]:
    """Per detail of ``mine`` (names, figures, dates, quotes in order): carried by
    ``theirs``."""
    keys = theirs.keys
    return [
        *(key in keys or _name_carried(words, theirs.words) for key, words in mine.names),
        *(_figure_carried(f, theirs) for f in mine.figures),
        *(_date_carried(d, c, theirs) for d, c in zip(mine.dates, mine.date_clauses, strict=True)),
        *(len(q & theirs.words) >= QUOTE_SHARE * len(q) for q in mine.quotes),
    ]


def new_details(mine: Details, others: Sequence[Details]) -> list[int]:
    """Indices (in :func:`_flags` order) of ``mine``'s details no passage of ``others``
    carries."""
    seen = [False] * mine.count()
    for theirs in others:
        if all(seen):  # every detail carried: no later passage changes the answer
            break
        seen = [a or b for a, b in zip(seen, _flags(mine, theirs), strict=True)]
    return [n for n, s in enumerate(seen) if not s]


# --- figures other sources give, and the clause of a figure -----------------------------

# Where a sentence's clauses meet: a comma, semicolon or colon before a space, a
# parenthesis, a dash between spaces, a coordinating "and"/"but"/"while" (a comma
# inside "14,000" or a colon in "2:52" is no break). Used only to cut a figure's clause
# away from a shared figure ("a $12,480 gold brooch and $7,215.30 worth of rugs").
_CLAUSE_BREAK = re.compile(
    r"[,;:](?=\s)|[()]|\s[—–-]{1,2}\s|[—–]|\s(?:and|but|while|whereas)\s", re.IGNORECASE
)


# What stands between a figure and its conversion: "1,700ft (580m)", "5 miles ( 8 km".
_CONVERSION = re.compile(r"\s*\(\s*")


def _vague(q: Quantity) -> bool:
    """A vague plural ("thousands", "millions"): the least it can mean, no figure."""
    return q.approx == "over" and parse_vague(q.text) == q.value


def _numeral(value: float) -> re.Pattern[str] | None:
    """The figure written in digits ("16", "14,000" or "14000"), whole numbers only."""
    if value != int(value) or value < 0:
        return None
    plain, grouped = str(int(value)), f"{int(value):,}"
    forms = "|".join(re.escape(f) for f in dict.fromkeys((grouped, plain)))
    return re.compile(rf"(?<![\d.,])(?:{forms})(?![\d]|[.,]\d)")


class StoryDetails:
    """The story's sentences, to ask what other sources give: a figure
    (:meth:`given_elsewhere`), any detail of a passage (:meth:`brings_news`). Built once
    per story (an index of the sentences by word stem; their details when first asked)."""

    def __init__(
        self,
        material: StoryMaterial,
        sentences: Sequence[Passage],
        names: StoryNames,
        statements: Sequence[Statement] = (),
    ) -> None:
        self._material = material
        self._names = names
        self._sentences = list(sentences)
        # Per article, the (variant, speaker) pairs of statements with a speaker: a
        # sentence reporting a person's words names them, by a pronoun or not at all.
        self._speakers: dict[str, list[tuple[Passage, str]]] = {}
        for statement in statements:
            if statement.speaker:
                for v in statement.variants:
                    found = self._speakers.setdefault(v.passage.article, [])
                    found.append((v.passage, statement.speaker))
        self._details: list[Details] | None = None
        # (unit, value) of every figure, per source, when first asked (_same_figure).
        self._figures: dict[str, set[tuple[str | None, float]]] | None = None
        # A passage's details, asked again for every sentence it resembles.
        self._asked: dict[tuple[str, int, int, str, bool], Details] = {}
        self._by_stem: dict[str, list[int]] = {}
        # Per sentence, the words inside its quote marks, when first asked (_printed).
        self._quoted_words: dict[int, frozenset[str]] = {}
        # Per article, its quantities' starts in order and their places in the analysis,
        # when first asked (_quantities_in): a sentence's figures are a bisect, not a scan
        # of the article's figures (a long article of figures made the brief cubic).
        self._starts: dict[str, ByStart[Quantity]] = {}
        # Per sentence, the values of the quantities inside it, when first asked.
        self._values: dict[int, frozenset[float]] = {}
        # given_elsewhere per (source, value, head), in_sentence per sentence span: the
        # same figures are asked again for every sentence and fact that holds them.
        self._given: dict[tuple[str, float, str], bool] = {}
        self._in_sentence: dict[tuple[str, int, int, str], list[Passage]] = {}
        for n, sentence in enumerate(self._sentences):
            for stem in {_inflection_stem(w) for w in _WORD.findall(sentence.text)}:
                self._by_stem.setdefault(stem, []).append(n)

    def details(self, passage: Passage, *, quoted: bool = False) -> Details:
        key = (passage.article, passage.start, passage.end, passage.text, quoted)
        found = self._asked.get(key)
        if found is None:
            found = self._asked[key] = details_of(
                self._material, passage, self._names, quoted=quoted
            )
        return found

    def quote_carried(self, quote: Passage) -> bool:
        """Whether a sentence of another source holds ``QUOTE_SHARE`` or more of the
        quote's content stems (its words, cut short or framed differently: "Meh" /
        "shrugged the offer off with a "Meh."", "hurtful" / "how hurtful my words were");
        a quote of short words only ("Meh") is carried by a sentence holding all of them
        (before, it had no content stem and was never carried: a wrong exclusive on the
        BASIL calibration gold)."""
        words, short = _quote_words(quote.text)
        source = self._material.source_of(quote.article)
        counts: dict[int, int] = {}
        for stem in words:
            for n in self._by_stem.get(stem, ()):
                if self._material.source_of(self._sentences[n].article) != source:
                    counts[n] = counts.get(n, 0) + 1
        return _enough(words, short, max(counts.values(), default=0))

    def sentence_details(self, sentence: int) -> Details:
        """The details of the story's ``sentence``-th sentence."""
        return self._sentence_details()[sentence]

    def _sentence_details(self) -> list[Details]:
        if self._details is None:
            self._details = [self._with_speakers(s, self.details(s)) for s in self._sentences]
        return self._details

    def _with_speakers(self, sentence: Passage, found: Details) -> Details:
        """A sentence's details, the speakers of the statements it holds among its names
        ("he said" names the speaker the statement stage read for it)."""
        extra = {
            self._names.key(speaker): _name_words(speaker, "PERSON")
            for passage, speaker in self._speakers.get(sentence.article, ())
            if overlaps(passage, sentence)
        }
        known = found.keys
        added = tuple((k, w) for k, w in extra.items() if k not in known)
        return replace(found, names=found.names + added) if added else found

    def brings_news(self, passage: Passage, *, quoted: bool = False) -> bool:
        """Whether the passage holds a detail (a name, figure, date or quote) that no
        sentence of another source carries."""
        source = self._material.source_of(passage.article)
        others = [
            d
            for s, d in zip(self._sentences, self._sentence_details(), strict=True)
            if self._material.source_of(s.article) != source
        ]
        return bool(new_details(self.details(passage, quoted=quoted), others))

    def carried_share(self, passage: Passage, sentence: int) -> float:
        """The share of the passage's details (names, figures, dates, quotes) that the
        story's ``sentence``-th sentence carries; 1.0 for a passage without details."""
        mine = self.details(passage)
        if not mine.count():
            return 1.0
        new = new_details(mine, [self._sentence_details()[sentence]])
        return 1.0 - len(new) / mine.count()

    def given_elsewhere(self, figure: Passage, value: float, about: str | None) -> bool:
        """Whether a sentence of another source gives the figure for the same thing: it
        holds the value (a quantity of the analysis, or the number in digits) and the
        word the figure counts or describes (``about``: "9" about Ilse, "12
        miners"). Catches what fact grouping leaves apart: "Ilse, 9," against
        "Ilse and Bo, who are 9 and 12", "rescued two ponies" against the definite
        "the two ponies"."""
        words = (about or "").split()
        head = _inflection_stem(words[-1]) if words else ""
        if len(head) < 3:
            return False
        source = self._material.source_of(figure.article)
        key = (source, value, head)
        found = self._given.get(key)
        if found is None:
            found = self._given[key] = self._given_by_other(source, value, head)
        return found

    def _given_by_other(self, source: str, value: float, head: str) -> bool:
        """:meth:`given_elsewhere` for a figure of ``source``, its ``value`` and head stem."""
        material = self._material
        numeral = _numeral(value)
        for n in self._by_stem.get(head, ()):
            sentence = self._sentences[n]
            if material.source_of(sentence.article) == source:
                continue
            if value in self._sentence_values(n):
                return True
            if numeral is not None and numeral.search(sentence.text):
                return True
        return False

    def _sentence_values(self, sentence: int) -> frozenset[float]:
        """The values of the quantities inside the story's ``sentence``-th sentence (a
        value that is not equal to itself, NaN, never matched: left out)."""
        found = self._values.get(sentence)
        if found is None:
            found = self._values[sentence] = frozenset(
                q.value
                for q in self._quantities_in(self._sentences[sentence])
                if q.value == q.value
            )
        return found

    def _quantities_in(self, sentence: Passage) -> list[Quantity]:
        """The quantities of the sentence's article that start inside it, in the
        analysis' order (as a filter of them all with :func:`_inside` gives them)."""
        analysis = self._material.analysis(sentence.article)
        if analysis is None or not analysis.quantities:
            return []
        index = self._starts.get(sentence.article)
        if index is None:
            index = self._starts[sentence.article] = ByStart(analysis.quantities)
        return index.within(sentence.start, sentence.end)

    def in_sentence(self, sentence: Passage) -> list[Passage]:
        """The sentence's figures that another source gives (:meth:`given_elsewhere`);
        vague plurals ("millions of immigrants") are no figure, as in fact grouping."""
        key = (sentence.article, sentence.start, sentence.end, sentence.text)
        known = self._in_sentence.get(key)
        if known is None:
            known = self._in_sentence[key] = self._given_in(sentence)
        return list(known)

    def _given_in(self, sentence: Passage) -> list[Passage]:
        found = []
        for q in self._quantities_in(sentence):
            if _vague(q):
                continue
            figure = self._material.passage(sentence.article, q.start, q.end)
            if self.given_elsewhere(figure, q.value, q.about) or self._same_figure(sentence, q):
                found.append(figure)
        return found

    def blocked_in(self, sentence: Passage, shared: Sequence[Passage]) -> list[Passage]:
        """Spans of ``sentence`` other sources carry: ``shared`` (figures and words of
        two or more sources), the figures :meth:`in_sentence` finds, and a figure in
        parentheses just after one of those in the same unit, its conversion ("about
        1,700ft (580m)": a cut at the parenthesis left "580m) while flying over ..." as
        a single-source figure)."""
        found = [*shared, *self.in_sentence(sentence), *self.quoted_elsewhere(sentence)]
        figures = sorted(self._quantities_in(sentence), key=lambda q: q.start)
        text = self._material.by_id[sentence.article].text
        for before, after in pairwise(figures):
            if (
                before.unit is not None
                and after.unit == before.unit
                and _CONVERSION.fullmatch(text, before.end, after.start)
                and _hits(sentence, found, before.start, before.end)
            ):
                found.append(self._material.passage(sentence.article, after.start, after.end))
        return found

    def quoted_elsewhere(self, sentence: Passage) -> list[Passage]:
        """The sentence's quoted parts (the words between quote marks) that another
        source prints (:meth:`quote_carried`): critics say the plan means "scrapping the
        ferry line for good" against another outlet's "would scrap the ferry line for
        good"; "shrugged it off with a "Meh."" against ""Meh," she said." A claim
        or fact built on words others quote is not one source's news: cut away like a
        shared figure (on the three development golds, 3 of 61 wrong exclusives)."""
        found = []
        for match in _QUOTED.finditer(sentence.text):
            start, end = match.span(1)
            if not match.group(1).strip():
                continue
            quoted = self._material.passage(
                sentence.article, sentence.start + start, sentence.start + end
            )
            if self._quoted_by_other(quoted):
                found.append(quoted)
        return found

    def _quoted_by_other(self, quoted: Passage) -> bool:
        """Whether a sentence of another source holds ``QUOTE_SHARE`` or more of the
        quoted words' content stems (all of them for a quote of short words) inside its
        own quote marks (see :meth:`quoted_elsewhere`)."""
        words, short = _quote_words(quoted.text)
        if not words or not self.quote_carried(quoted):
            return False
        source = self._material.source_of(quoted.article)
        return any(
            _enough(words, short, len(words & self._printed(n)))
            for n, sentence in enumerate(self._sentences)
            if self._material.source_of(sentence.article) != source
        )

    def _printed(self, sentence: int) -> frozenset[str]:
        """The words inside the quote marks of the story's ``sentence``-th sentence (as
        :func:`_quote_words` gives them: content stems and short words alike)."""
        found = self._quoted_words.get(sentence)
        if found is None:
            text = self._sentences[sentence].text
            found = frozenset(
                w
                for m in _QUOTED.finditer(text)
                for w in (*content_stems(m.group(1)), *_quote_words(m.group(1))[0])
            )
            self._quoted_words[sentence] = found
        return found

    def _same_figure(self, sentence: Passage, figure: Quantity) -> bool:
        """Whether another source gives the same value in the same unit, whatever it is
        said to be about ("212 rebels" / "212 votes", "over a period of four years" / "the
        four-year survey"): fact grouping leaves them apart when the counted words differ.
        A count without a unit only from ``SAME_COUNT_MIN``: small counts recur in a
        story for different things."""
        if _vague(figure) or (figure.unit is None and figure.value < SAME_COUNT_MIN):
            return False
        source = self._material.source_of(sentence.article)
        return any(
            (figure.unit, figure.value) in figures
            for other, figures in self._figures_by_source().items()
            if other != source
        )

    def _figures_by_source(self) -> dict[str, set[tuple[str | None, float]]]:
        if self._figures is None:
            self._figures = {}
            for article in self._material.articles:
                analysis = self._material.analysis(article.id)
                found = self._figures.setdefault(self._material.source_of(article.id), set())
                found.update(
                    (q.unit, q.value)
                    for q in (analysis.quantities if analysis else ())
                    if not _vague(q)
                )
        return self._figures


def _segments(sentence: Passage) -> list[tuple[int, int]]:
    """The sentence's clause pieces as absolute (start, end), separators left out."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence.text)]
    bounds = [0, *(x for cut in cuts for x in cut), len(sentence.text)]
    pieces = []
    for start, end in zip(bounds[::2], bounds[1::2], strict=True):
        if sentence.text[start:end].strip():
            pieces.append((sentence.start + start, sentence.start + end))
    return pieces


def _hits(sentence: Passage, blocked: Sequence[Passage], start: int, end: int) -> bool:
    return any(b.article == sentence.article and b.start < end and start < b.end for b in blocked)


def _trimmed(material: StoryMaterial, article: str, start: int, end: int) -> Passage:
    text = material.by_id[article].text
    while start < end and not text[start].isalnum() and text[start] not in "$“\"'(":
        start += 1
    while end > start and text[end - 1] in " ,;:—–-":
        end -= 1
    return material.passage(article, start, end)


def free_parts(
    material: StoryMaterial, sentence: Passage, blocked: Sequence[Passage]
) -> list[Passage]:
    """The parts of ``sentence`` that hold none of ``blocked`` (spans of figures or words
    other sources carry): the sentence itself when it holds none; else each longest run
    of clause pieces without one ("for a council levy of 27.4 percent" beside a
    shared "$18,204,660"), in sentence order."""
    if not _hits(sentence, blocked, sentence.start, sentence.end):
        return [sentence]
    runs: list[list[tuple[int, int]]] = [[]]
    for piece in _segments(sentence):
        if _hits(sentence, blocked, *piece):
            runs.append([])
        else:
            runs[-1].append(piece)
    return [_trimmed(material, sentence.article, run[0][0], run[-1][1]) for run in runs if run]


def clause_around(
    material: StoryMaterial, sentence: Passage, figure: Passage, blocked: Sequence[Passage]
) -> Passage | None:
    """The part of ``sentence`` (:func:`free_parts`) that holds ``figure``; None when the
    figure's own clause piece holds a blocked span (it reports what others report)."""
    return next(
        (p for p in free_parts(material, sentence, blocked) if p.start <= figure.start < p.end),
        None,
    )
