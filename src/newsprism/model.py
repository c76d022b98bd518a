"""Records shared by every pipeline stage.

Stages talk through these small, frozen dataclasses only, never through global state, so
the same stage functions run in one process, in a worker pool, or on a distributed engine.
Everything here is plain data: picklable, comparable, and convertible to JSON with
:func:`newsprism.render.jsonout.article_to_dict`.

Guarantee: every ``start``/``end`` pair in these records is a character offset into the
owning article's clean ``text``; ``text[start:end]`` is the item's text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

__all__ = [
    "Analysis",
    "Article",
    "CheckedSentence",
    "DateMention",
    "Entity",
    "Heading",
    "IngestFailure",
    "IngestWarning",
    "Mention",
    "MissingItem",
    "Quantity",
    "Quote",
    "RawDocument",
    "Record",
    "Removed",
    "SourceMatch",
    "Story",
    "Verification",
    "article_id",
    "normalize_for_id",
]

_SPACE_RUN = re.compile(r"\s+")
# Letters of the scripts written without spaces between words (Han, kana; Thai, Lao,
# Myanmar, Khmer); each counts as one word, as word processors count Han ("words = 1"
# for a whole Chinese article said nothing; a Thai article was "words 2", under the
# language detector's minimum, and analysed as English without a warning). A Thai word
# is a few letters, so its count is high, never under the detector's minimum. Hangul is
# left out: Korean puts spaces between its words.
_HAN_KANA_LETTERS = (
    "\u3041-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003134f\uff66-\uff9f"
)
# The base letters (no vowel signs or tone marks) of Thai, Lao, Myanmar and Khmer; also
# ingest.clean's headline length, which counts them five to a word.
SOUTHEAST_ASIAN_LETTER = re.compile(
    "[\u0e01-\u0e30\u0e32-\u0e33\u0e40-\u0e46\u0e81-\u0e82\u0e84\u0e86-\u0e8a"
    "\u0e8c-\u0ea3\u0ea5\u0ea7-\u0eb0\u0eb2-\u0eb3\u0ebd\u0ec0-\u0ec4\u0ec6"
    "\u0edc-\u0edf\u1000-\u102a\u103f\u1050-\u1055\u105a-\u105d\u1061\u1065-\u1066"
    "\u106e-\u1070\u1075-\u1081\u108e\u1780-\u17b3\u17d7\u17dc]"
)
_UNSPACED_LETTER = re.compile(f"[{_HAN_KANA_LETTERS}{SOUTHEAST_ASIAN_LETTER.pattern[1:-1]}]")
# Their punctuation (、。「」・ and full-width marks), and the rest of the Thai, Lao,
# Myanmar and Khmer blocks (vowel and tone marks, digits, signs), which separate like a
# space: a tone mark left between two letters counted as a word of its own.
_UNSPACED_PUNCT = re.compile(
    "[\u3000-\u303f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
# The first code point of a script written without spaces (Thai): text below it splits.
_FIRST_UNSPACED = "\u0e00"


class Record:
    """What every record here can do: ``to_dict()``, its JSON-ready dict (the report's
    shape for articles, stories and briefs; see :func:`newsprism.codec.record_to_dict`)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        # Imported here: the codec imports this module.
        from newsprism.codec import record_to_dict

        return record_to_dict(self)


@dataclass(frozen=True, slots=True)
class Removed(Record):
    """One line that cleaning took out of a scraped text, kept for a reviewer.

    ``line`` is the line as it stood after Unicode repair; ``reason`` is the name of the
    cleaning rule that removed it (see :mod:`newsprism.ingest.clean`); ``line_number`` is
    its 1-based position in the raw input (0 when the input had no lines, e.g. HTML).
    """

    line: str
    reason: str
    line_number: int = 0


@dataclass(frozen=True, slots=True)
class Heading(Record):
    """A subhead kept as structure: it stands before paragraph ``before_paragraph``."""

    text: str
    before_paragraph: int


@dataclass(frozen=True, slots=True)
class RawDocument(Record):
    """What a reader found in one input item, before cleaning.

    ``body`` is plain text: a text file's content, or the text trafilatura extracted from
    HTML, paragraphs separated by blank lines. Every body is cleaned afterwards (scraped
    debris survives every extractor); metadata a reader already knows (HTML meta tags,
    JSON fields, feed entries) takes precedence over what cleaning infers. ``removed``
    lists what the reader itself dropped (an HTML page's boilerplate blocks).
    """

    source: str
    body: str
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    language: str | None = None
    credit: str | None = None
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestFailure(Record):
    """One input (file, record, URL) that could not be read; the batch goes on."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class IngestWarning(Record):
    """An input that was read, but only by repairing or assuming something (bytes that
    are not UTF-8, a feed whose XML is broken); shown to the user, never a failure."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One news article, cleaned, with its provenance.

    ``id`` is :func:`article_id` of the outlet and the clean text, so the same article
    ingested twice gets the same id, while the same wire text at two outlets stays two
    articles (the story stage folds such copies into one duplicate group).
    ``text`` is the clean body: paragraphs separated by one blank line.
    ``outlet`` is who published this copy; ``credit`` is the origin that a syndication
    or wire credit line names ("Distributed by X", "LORVIK, May 3 (X) -"), if any.
    """

    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    published: datetime | None = None
    language: str | None = None
    credit: str | None = None
    headings: tuple[Heading, ...] = ()
    removed: tuple[Removed, ...] = ()
    ingested_at: datetime | None = field(default=None, compare=False)

    @property
    def paragraphs(self) -> list[str]:
        """The body's paragraphs, in order (derived from ``text``)."""
        return [p for p in self.text.split("\n\n") if p]

    @property
    def word_count(self) -> int:
        return word_count(self.text)


def word_count(text: str) -> int:
    """Words in ``text``: its space-separated runs, and each Han, kana, Thai, Lao,
    Myanmar or Khmer letter as one (those texts have no spaces to split on). The one
    count for ``articles``' words and the language detector's minimum."""
    if text.isascii() or not any(c >= _FIRST_UNSPACED for c in text):
        return len(text.split())
    letters = len(_UNSPACED_LETTER.findall(text))
    rest = _UNSPACED_PUNCT.sub(" ", _UNSPACED_LETTER.sub(" ", text))
    return letters + len(rest.split())


def normalize_for_id(text: str) -> str:
    """Text reduced to what identity should depend on: NFKC, case-folded, spaces folded."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACE_RUN.sub(" ", folded).strip()


def article_id(outlet: str | None, text: str) -> str:
    """Stable 16-hex-digit id from the normalized outlet and clean text (SHA-256 prefix)."""
    key = normalize_for_id(outlet or "") + "\x1f" + normalize_for_id(text)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# --- analysis records (issue 3) ----------------------------------------------------------
#
# Every record below carries ``start``/``end``: character offsets into the analysed
# article's clean ``text``, end exclusive, with ``text[start:end] == record.text``.

Approx = Literal["about", "over", "under"]
DateAnchor = Literal["absolute", "published", "deferred"]


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """One place a name occurs in an article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """A person, place or organisation named in one article, under its canonical name.

    ``name`` is the fullest form the article uses (or the alias table's canonical form:
    "United Kingdom" for "U.K."); ``mentions`` are every place it is named, including
    surnames, title-prefixed forms, possessives and resolved descriptions.
    ``type`` is a spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    """

    name: str
    type: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """A statement attributed to someone: direct (in quote marks) or indirect (reported).

    ``text`` is the quoted words without the enclosing marks (direct) or the reported
    clause (indirect). ``speaker`` is the canonical name the speaker resolves to (None
    when unresolved); ``speaker_mention`` is the speaker as written where the
    attribution names them ("she", "the minister", "Kostanj"), with its own offsets.
    ``cue`` is the reporting verb or phrase ("said", "told journalists", "according to",
    ":"), with its offsets. A split quote is one Quote per quoted part, sharing
    ``group`` (an index unique within the article).
    """

    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    group: int | None = None


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    """A measured or counted amount, normalised so outlets can be compared.

    ``value`` is in ``unit`` after conversion to the common unit of its kind
    ("km2", "km", "kg", "km/h", "percent" (fractions too), a currency's ISO code, a
    time unit); plain counts have ``unit`` None, so "three ships" and "3 vessels" stay
    comparable. ``approx`` is the bound the text gives ("about 30%" -> "about", "over
    29%" -> "over", "nearly a third" -> "under", exact -> None). ``about`` is what is
    counted or measured: the counted noun's lemma ("worker", "ship"), or what a share
    or measure applies to ("capacity", "reserve").
    """

    value: float
    unit: str | None
    text: str
    start: int
    end: int
    approx: Approx | None = None
    about: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention(Record):
    """A date expression and the calendar date (or range) it means.

    ``date`` is ISO 8601: "2026-03-02", or "2026-03-02/2026-03-08" for a range; None when
    resolution is deferred (relative expression, article without a publication date) —
    ``anchor`` is then "deferred" and the story stage resolves ``text`` against a
    sibling article's date. ``ambiguous`` marks a day/month order that neither the
    article's other dates nor the outlet's locale decided. ``future`` records that the
    clause looks ahead ("will meet on Tuesday"), so a deferred mention resolves forward.
    """

    text: str
    start: int
    end: int
    date: str | None
    anchor: DateAnchor
    ambiguous: bool = False
    future: bool = False


@dataclass(frozen=True, slots=True)
class Analysis(Record):
    """Everything the analysis stage extracted from one article (a pure function of it).

    ``sentences`` are (start, end) offsets of each sentence in the article's text.
    ``version`` names the analyser that produced it, so stale analyses can be redone.
    """

    article_id: str
    version: str
    sentences: tuple[tuple[int, int], ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()


# --- story records (issue 4) -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Story(Record):
    """Articles that report the same story, with syndicated copies folded.

    ``articles`` lists every member article id in the order they joined; ``duplicates``
    lists the groups (two or more ids) of near-duplicate copies among them, each of
    which later stages count as one source. ``title`` is the most central headline.
    """

    id: str
    title: str | None
    articles: tuple[str, ...]
    duplicates: tuple[tuple[str, ...], ...] = ()
    first_published: datetime | None = None
    last_published: datetime | None = None


# --- brief records (issue 5) -------------------------------------------------------------
#
# Every item of a brief carries its provenance: the article id, the outlet, and the
# character span in that article's clean text, so ``text == article.text[start:end]``.

FactStatus = Literal["agree", "differ", "single"]
# How an agreeing fact agrees: "exact" (every outlet writes one figure, no bound), or
# "compatible" (the figures can all be true but are not one: a bound, an approximation
# or a rounding, "over 10 percent" / "10.8%").
FactAgreement = Literal["exact", "compatible"]
DiscrepancyKind = Literal["negation", "number", "date", "actor"]
ExclusiveKind = Literal["quote", "fact", "claim", "person"]


@dataclass(frozen=True, slots=True)
class Passage(Record):
    """A piece of one article's text, where it is: ``text == article.text[start:end]``."""

    article: str
    outlet: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Variant(Record):
    """One outlet's wording of a statement (a quote group of one article)."""

    passage: Passage
    direct: bool
    speaker_mention: str | None = None


@dataclass(frozen=True, slots=True)
class Statement(Record):
    """One utterance by one speaker, as each outlet rendered it (translations and
    paraphrases included). ``id`` is stable within a brief ("st1", "st2", ...)."""

    id: str
    speaker: str | None
    variants: tuple[Variant, ...]


@dataclass(frozen=True, slots=True)
class FactValue(Record):
    """One outlet's figure for a fact, normalised (value in ``Fact.unit``)."""

    passage: Passage
    value: float
    approx: Approx | None = None


@dataclass(frozen=True, slots=True)
class Fact(Record):
    """Quantities from different articles that measure the same thing.

    ``status``: "agree" (equal, or compatible given the bounds), "differ" (cannot all
    hold, or differ beyond rounding), "single" (one source: one duplicate group).
    ``agreement``, for an agreeing fact only (else None): "exact" where every value is
    one figure written without a bound, "compatible" where a bound, an approximation or
    a rounding only allows the others ("over 10 percent" / "10.8%": not one figure).
    """

    id: str
    about: str
    unit: str | None
    status: FactStatus
    values: tuple[FactValue, ...]
    agreement: FactAgreement | None = None


@dataclass(frozen=True, slots=True)
class Discrepancy(Record):
    """Claims from different outlets that cannot all be true, each quoted with its
    source. ``kind``: "negation" (one denies what another asserts), "number" (a fact
    whose values differ), "date" (one event dated differently), "actor" (different
    people named as the one who did a one-agent deed: who won, who defeated whom)."""

    about: str
    kind: DiscrepancyKind
    claims: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class Exclusive(Record):
    """A detail only one source (one duplicate group) carries."""

    kind: ExclusiveKind
    passage: Passage


@dataclass(frozen=True, slots=True)
class TimelineEvent(Record):
    """A dated event of the story with the mentions that date it.

    ``date`` is ISO ("2026-03-02") or a range ("2026-03-02/2026-03-08"); ``text`` is the
    sentence of the earliest-published mention that says what happened."""

    date: str
    text: str
    mentions: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class SummarySentence(Record):
    """An extractive summary sentence (an outlet's own words), with every article that
    supports it; ``passage`` is where it was taken from.

    ``support``: each supporting article's own matching sentence (the passage itself
    for its own article), one per article in ``sources`` order; a supporter's sentence
    agrees on numbers, negation and actors. ``disputed``: sentences of other articles
    that tell the same thing with a different number or the opposite polarity."""

    passage: Passage
    sources: tuple[str, ...]
    support: tuple[Passage, ...] = ()
    disputed: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class RosterEntry(Record):
    """A person, place or organisation across the story: the canonical name, the other
    forms outlets used, and the articles that mention it."""

    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Headline(Record):
    """An article's headline, for framing side by side."""

    article: str
    outlet: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class OutletFraming(Record):
    """How one outlet covers the story: which statements and facts it carries, and the
    share of its quoted words given to each speaker (shares sum to 1)."""

    outlet: str
    articles: tuple[str, ...]
    statements: tuple[str, ...]
    facts: tuple[str, ...]
    voices: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class Framing(Record):
    headlines: tuple[Headline, ...]
    outlets: tuple[OutletFraming, ...]


@dataclass(frozen=True, slots=True)
class Unanalysed(Record):
    """A story's article the analysis did not read (its language is not one it reads):
    its quotes, numbers and dates are unknown, so it may tell what the brief lists as
    told by one source only."""

    article: str
    outlet: str | None
    language: str


@dataclass(frozen=True, slots=True)
class Brief(Record):
    """The cross-check of one story: every line names the articles that support it."""

    story: Story
    summary: tuple[SummarySentence, ...] = ()
    statements: tuple[Statement, ...] = ()
    facts: tuple[Fact, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    exclusives: tuple[Exclusive, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[RosterEntry, ...] = ()
    framing: Framing | None = None
    # The story's articles not analysed for their language, in story order (() when
    # every article was read): exclusives are then "among analysed sources" only.
    unanalysed: tuple[Unanalysed, ...] = ()

    # DataFrames of the brief's tables (the ``pandas`` extra), one row per passage, with
    # the columns of ``newsprism export`` (see newsprism.export.TABLES).

    def quotes_frame(self) -> Any:
        """Every wording of every statement: speaker, outlet, text, article and span."""
        return self._frame("quotes")

    def statements_frame(self) -> Any:
        """One row per statement: speaker, outlets carrying it, one wording."""
        return self._frame("statements")

    def facts_frame(self) -> Any:
        """Every outlet's value of every fact, with the fact's status (agree/differ/single)."""
        return self._frame("facts")

    def discrepancies_frame(self) -> Any:
        """Every claim of every discrepancy, numbered, with its kind."""
        return self._frame("discrepancies")

    def exclusives_frame(self) -> Any:
        """Every detail only one source carries."""
        return self._frame("exclusives")

    def timeline_frame(self) -> Any:
        """Every dated mention of every timeline event."""
        return self._frame("timeline")

    def _frame(self, table: str) -> Any:
        # Imported here: export imports this module, and pandas is optional.
        from newsprism.export import brief_frame

        return brief_frame(self, table)


# --- verification records (issue 13) ----------------------------------------------------

Verdict = Literal["supported", "contradicted", "unsupported", "partly"]
Relation = Literal["supports", "contradicts", "related"]
Conflict = Literal["number", "negation", "antonym", "speaker", "actor", "date"]


@dataclass(frozen=True, slots=True)
class SourceMatch(Record):
    """A source sentence set beside a summary sentence: ``relation`` "supports" (its
    own words say it), "contradicts" (it says otherwise; ``conflict`` says how) or
    "related" (about the same thing, neither backing nor denying it: shown for
    context). ``similarity`` is the story similarity model's cosine."""

    passage: Passage
    relation: Relation
    similarity: float
    conflict: Conflict | None = None

    def to_dict(self) -> dict[str, Any]:
        from newsprism.render.verify import source_match_to_dict

        return source_match_to_dict(self)


@dataclass(frozen=True, slots=True)
class CheckedSentence(Record):
    """One sentence of a user's summary and what the sources say of it; ``start`` /
    ``end`` are offsets into the summary text (``summary[start:end] == text``).

    ``supported_parts`` / ``unsupported_parts`` name the pieces (clauses, figures,
    names, quoted words) the sources back and do not back; ``note`` says it in words."""

    text: str
    start: int
    end: int
    verdict: Verdict
    sources: tuple[SourceMatch, ...] = ()
    note: str = ""
    supported_parts: tuple[str, ...] = ()
    unsupported_parts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        from newsprism.render.verify import checked_sentence_to_dict

        return checked_sentence_to_dict(self)


@dataclass(frozen=True, slots=True)
class MissingItem(Record):
    """What most sources carry and the summary leaves out: a well-supported summary
    sentence of the brief ("statement") or a figure most sources agree on ("fact"),
    with the passages that carry it."""

    kind: Literal["statement", "fact"]
    text: str
    sources: tuple[str, ...]
    passages: tuple[Passage, ...] = ()
    about: str | None = None

    def to_dict(self) -> dict[str, Any]:
        from newsprism.render.verify import missing_item_to_dict

        return missing_item_to_dict(self)


@dataclass(frozen=True, slots=True)
class Verification(Record):
    """A summary checked against one story's sources: every sentence in the summary's
    order with its verdict, and what the summary leaves out."""

    story: Story
    summary: str
    sentences: tuple[CheckedSentence, ...] = ()
    missing: tuple[MissingItem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        from newsprism.render.verify import verification_to_dict

        return verification_to_dict(self)
