"""Timeline: the dated events of a story, each with the date expressions that date it.

:func:`build_timeline` turns every article's :class:`~newsprism.model.DateMention` into a
calendar span, then groups the mentions that date one event across outlets.

Anchors. A mention the analyser resolved (``anchor`` "absolute" or "published") keeps
its date. A "deferred" mention (relative, in an article without a publication date) is
resolved with :func:`~newsprism.analyze.dates.resolve_expression` against an anchor day
for its article, chosen in this order:

1. the article's own wire dateline ("LORVIK, March 3 (CPA) -"): it names the filing day
   without a year, so it is read in the year nearest the median publication day of the
   story's dated articles. A dateline is the best evidence an undated copy carries.
2. a copy of the same duplicate group: the earliest anchor of the group (a syndicated
   copy runs on or after the wire story's day; the wire's day is what its text counts
   from).
3. otherwise the sibling publication day that makes the article *agree with the story*:
   each distinct day of the dated articles is tried as an anchor, and the one under which
   the article's deferred mentions overlap most (Jaccard of day spans) with dates the
   other sources give wins; ties go to the day nearest the median, then the earlier. The
   median alone fails on a late undated follow-up ("the planes, which arrived on
   Tuesday", published after the median day, reads a week early), the agreement score
   does not, and it needs no text but the dates.

An article with no anchor at all (no dated article in the story) keeps its deferred
mentions out of the timeline.

What is an event. Not the publication dates themselves (datelines are dropped); not
relative dates inside direct quotes ("if it turns again tonight": the speaker's
"tonight" counts from when they spoke, not from publication); not spans wider than
``max_span_days`` ("in 2019", "since 1994": background, not the story's course); not
days outside the story's window; not a vague span (wider than
``single_source_max_span_days``) that only one source gives ("in February" in an
aside).

Grouping. Mentions are clustered by average linkage on the similarity of their clauses
(the clause around the date expression, date words removed), with a hard constraint
that every pair in a cluster has overlapping spans and compatible parts of day
("Tuesday morning" and "Tuesday evening" are different events). By Helly's theorem in
one dimension, pairwise-overlapping spans share a common day range: that intersection is
the event's date. Two events on one day stay apart when their clauses differ.

Order: events by date (start, then end), then part of day, then first publication;
an event's mentions by their article's publication order, then position.

Cost: O(m^2) similarity and O(m^2) per merge step on numpy arrays for m date mentions
(a few hundred for a 50-article story).
"""

from __future__ import annotations

import logging
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np
import numpy.typing as npt

from newsprism.analyze.dates import resolve_expression
from newsprism.model import Article, DateMention, Passage, TimelineEvent
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity

logger = logging.getLogger(__name__)

__all__ = ["TimelineOptions", "build_timeline", "story_anchors"]

Span = tuple[date, date]


@dataclass(frozen=True)
class TimelineOptions:
    """How mentions become events.

    ``merge_similarity``: the least average clause similarity for two groups of mentions
    with overlapping dates to be one event. Calibrated on the three sample stories with
    the lexical similarity: clauses of one gold event score 0.12-0.9 against each other
    (translations and blog rewrites at the bottom), clauses of two events on the same day
    0.02-0.10; 0.11 sits in the gap. With ``similarity`` dense, same-day different events
    reach 0.35 and one event's clauses drop to 0.30 (short clauses): see
    ``dense_merge_similarity``.
    ``window_days``: events further than this before the first or after the last
    publication day are background ("the reserve, created in 1961").
    ``max_span_days``: the widest span that dates an event (a month: "in April" still
    places the second phase; a year does not).
    ``single_source_max_span_days``: a span wider than this (a week) must be given by two
    sources to stand as an event of its own.
    ``skip_quoted``: leave out relative dates inside direct quotes.
    ``similarity``: clause similarity; None is :class:`LexicalSimilarity`.
    """

    merge_similarity: float = 0.11
    dense_merge_similarity: float = 0.45
    window_days: int = 45
    max_span_days: int = 31
    single_source_max_span_days: int = 7
    skip_quoted: bool = True
    similarity: TextSimilarity | None = None


# --- anchors -----------------------------------------------------------------------------

# "LORVIK, March 3 (CPA) -": a place at the very start of a paragraph, a comma, the date,
# an optional agency in parentheses, then a dash.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][\w.'’ -]{1,40}(?:,[ \t]*[A-Z][\w.'’ -]{1,40})?,[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—]")


def is_dateline(text: str, mention: DateMention) -> bool:
    """Whether ``mention`` is a wire dateline's date ("LORVIK, March 3 (CPA) -")."""
    before = text[max(0, mention.start - 60) : mention.start]
    return bool(_DATELINE_BEFORE.search(before)) and bool(
        _DATELINE_AFTER.match(text, mention.end)
    )


def _parse_span(value: str) -> Span:
    first, _, last = value.partition("/")
    return date.fromisoformat(first), date.fromisoformat(last or first)


def _resolve(mention: DateMention, anchor: date | None) -> Span | None:
    """The span a mention means: its own date, or its text read from ``anchor``."""
    if mention.date is not None:
        return _parse_span(mention.date)
    if anchor is None:
        return None
    resolved = resolve_expression(mention.text, anchor, future=mention.future)
    return None if resolved is None else _parse_span(resolved)


def _jaccard(a: Span, b: Span) -> float:
    inter = (min(a[1], b[1]) - max(a[0], b[0])).days + 1
    if inter <= 0:
        return 0.0
    union = (max(a[1], b[1]) - min(a[0], b[0])).days + 1
    return inter / union


def _median_day(days: Sequence[date]) -> date:
    ordinals = sorted(d.toordinal() for d in days)
    return date.fromordinal(int(statistics.median_low(ordinals)))


def _dates(material: StoryMaterial, article_id: str) -> tuple[DateMention, ...]:
    analysis = material.analysis(article_id)
    return analysis.dates if analysis else ()


def _dateline_day(material: StoryMaterial, article: Article, median: date) -> date | None:
    analysis = material.analysis(article.id)
    for mention in analysis.dates if analysis else ():
        if is_dateline(article.text, mention):
            span = _resolve(mention, median) if mention.date is None else _parse_span(mention.date)
            return span[0] if span is not None and span[0] == span[1] else None
    return None


def _agreement(mentions: Sequence[DateMention], anchor: date, references: Sequence[Span]) -> float:
    """How well the mentions, read from ``anchor``, agree with the other sources' spans."""
    score = 0.0
    for mention in mentions:
        span = _resolve(mention, anchor)
        if span is not None and references:
            score += max(_jaccard(span, ref) for ref in references)
    return score


def _best_anchor(
    material: StoryMaterial, article: Article, candidates: Sequence[date], median: date
) -> date:
    """The sibling day under which the article's deferred dates agree most with the story."""
    analysis = material.analysis(article.id)
    deferred = [m for m in analysis.dates if m.date is None] if analysis else []
    source = material.source_of(article.id)
    references = [
        _parse_span(m.date)
        for other in material.articles
        if material.source_of(other.id) != source
        for m in _dates(material, other.id)
        if m.date is not None
    ]
    return max(
        candidates,
        key=lambda day: (
            round(_agreement(deferred, day, references), 6),
            -abs((day - median).days),
            -day.toordinal(),
        ),
    )


def story_anchors(material: StoryMaterial) -> dict[str, date | None]:
    """The day each article's relative dates count from (see the module docstring).

    Articles with a publication date get its calendar day (in its own timezone); the
    others a day chosen from their dateline, their copies, or their siblings; None when
    the story has no dated article. Cost: linear in the date mentions, times the number
    of distinct publication days for an undated article without a dateline.
    """
    anchors: dict[str, date | None] = {
        a.id: a.published.date() if a.published is not None else None for a in material.articles
    }
    known = [d for d in anchors.values() if d is not None]
    if not known:
        return anchors
    median = _median_day(known)
    for article in material.articles:
        if anchors[article.id] is None:
            anchors[article.id] = _dateline_day(material, article, median)
    for group in material.story.duplicates:
        days = [d for i in group if (d := anchors.get(i)) is not None]
        for member in group:
            if anchors.get(member) is None and days:
                anchors[member] = min(days)
    candidates = sorted({d for d in anchors.values() if d is not None})
    for article in material.articles:
        if anchors[article.id] is None:
            anchors[article.id] = _best_anchor(material, article, candidates, median)
    return anchors


# --- clauses -----------------------------------------------------------------------------

# Places where a sentence splits into clauses: semicolons, colons, spaced dashes, and a
# subordinating or coordinating word after a comma (or, for the unambiguous ones,
# without). Relative clauses (", which", ", who") stay with what they describe.
_CLAUSE_BREAK = re.compile(
    r"[;:](?=\s)|\s[-–—]\s"
    r"|,\s+(?=(?:and|but|while|whereas|although|though|after|before|when|as|because|until|"
    r"saying|adding)\b)"
    r"|\s(?=(?:after|before|while|whereas|although|because)\s)"
)
_WORD = re.compile(r"[^\W\d_]+")
_MIN_CLAUSE_WORDS = 4  # content words a clause needs besides the date to say what happened
_TRIM = " \t\n,;:-–—\"“”'‘’«»("


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause boundaries inside text[start:end] (one paragraph line at most)."""
    cuts = [start]
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        cuts.append(match.end())
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _words_outside(text: str, start: int, end: int, hole: tuple[int, int]) -> int:
    return len(_WORD.findall(text[start : hole[0]])) + len(_WORD.findall(text[hole[1] : end]))


def clause_of(text: str, sentence: tuple[int, int], hole: tuple[int, int]) -> tuple[int, int]:
    """The clause of ``sentence`` holding the span ``hole`` (a date expression).

    The sentence is cut to the paragraph line holding ``hole``, split at clause breaks,
    and the clause around ``hole`` is widened with its neighbours (the previous one first)
    until it has ``_MIN_CLAUSE_WORDS`` words besides the hole. Returns offsets into
    ``text`` with surrounding spaces and punctuation trimmed; never empty.
    """
    start, end = sentence
    line_start = text.rfind("\n", start, hole[0]) + 1
    line_end = text.find("\n", hole[1], end)
    start = max(start, line_start)
    end = end if line_end < 0 else line_end
    segments = _segments(text, start, end)
    low = next((i for i, (a, b) in enumerate(segments) if a <= hole[0] < b), 0)
    high = low
    while high < len(segments) - 1 and segments[high][1] < hole[1]:
        high += 1
    while _words_outside(text, segments[low][0], segments[high][1], hole) < _MIN_CLAUSE_WORDS:
        if low > 0:
            low -= 1
        elif high < len(segments) - 1:
            high += 1
        else:
            break
    first, last = _trimmed(text, segments[low][0], segments[high][1])
    if first >= last or not (first <= hole[0] and hole[1] <= last):
        return _trimmed(text, start, end) if start < end else hole
    return first, last


# --- mentions ----------------------------------------------------------------------------

_PARTS_OF_DAY = (("morning", 0), ("afternoon", 1), ("evening", 2), ("tonight", 2), ("night", 2))


def _part_of_day(text: str) -> int | None:
    lowered = text.lower()
    return next((rank for word, rank in _PARTS_OF_DAY if word in lowered), None)


@dataclass(frozen=True, slots=True)
class _Mention:
    article: str
    source: str
    span: Span
    passage: Passage
    clause: Passage
    compare_text: str
    part: int | None
    order: tuple[date, int, float, int]


def _publication_order(
    material: StoryMaterial, anchors: dict[str, date | None]
) -> dict[str, tuple[date, int, float, int]]:
    """Sort key per article: anchor day, timestamped first, timestamp, story position."""
    keys = {}
    for position, article in enumerate(material.articles):
        day = anchors.get(article.id) or date.max
        stamp = article.published
        keys[article.id] = (
            day,
            0 if stamp is not None else 1,
            stamp.timestamp() if isinstance(stamp, datetime) else 0.0,
            position,
        )
    return keys


def _inside_direct_quote(material: StoryMaterial, article_id: str, mention: DateMention) -> bool:
    analysis = material.analysis(article_id)
    quotes = analysis.quotes if analysis else ()
    return any(q.direct and q.start <= mention.start and mention.end <= q.end for q in quotes)


def _sentence_bounds(material: StoryMaterial, article_id: str, offset: int) -> tuple[int, int]:
    sentence = material.sentence_at(article_id, offset)
    if sentence is not None:
        return sentence.start, sentence.end
    text = material.by_id[article_id].text
    return text.rfind("\n", 0, offset) + 1, len(text)


def _keep(mention: DateMention, span: Span, window: Span, options: TimelineOptions) -> bool:
    if (span[1] - span[0]).days + 1 > options.max_span_days:
        return False
    return span[1] >= window[0] and span[0] <= window[1]


def _collect(
    material: StoryMaterial, anchors: dict[str, date | None], options: TimelineOptions
) -> list[_Mention]:
    """Every date mention that may date an event, resolved, with its clause."""
    days = [d for d in anchors.values() if d is not None]
    if not days:
        days = [date.min + timedelta(days=1), date.max - timedelta(days=1)]
    margin = timedelta(days=options.window_days)
    window = (min(days) - margin, max(days) + margin)
    order = _publication_order(material, anchors)
    found = []
    for article in material.articles:
        analysis = material.analysis(article.id)
        for mention in analysis.dates if analysis else ():
            if is_dateline(article.text, mention):
                continue
            if options.skip_quoted and mention.anchor != "absolute" and _inside_direct_quote(
                material, article.id, mention
            ):
                continue
            span = _resolve(mention, anchors.get(article.id))
            if span is None or not _keep(mention, span, window, options):
                continue
            found.append(_make_mention(material, article, mention, span, order[article.id]))
    return found


def _make_mention(
    material: StoryMaterial,
    article: Article,
    mention: DateMention,
    span: Span,
    order: tuple[date, int, float, int],
) -> _Mention:
    sentence = _sentence_bounds(material, article.id, mention.start)
    first, last = clause_of(article.text, sentence, (mention.start, mention.end))
    text = article.text
    compare = f"{text[first : mention.start]} {text[mention.end : last]}"
    return _Mention(
        article.id,
        material.source_of(article.id),
        span,
        material.passage(article.id, mention.start, mention.end),
        material.passage(article.id, first, last),
        compare,
        _part_of_day(mention.text),
        order,
    )


# --- grouping ----------------------------------------------------------------------------

BoolMatrix = npt.NDArray[np.bool_]
FloatMatrix = npt.NDArray[np.float64]


def _compatible(mentions: Sequence[_Mention]) -> BoolMatrix:
    """Pairs whose spans overlap and whose parts of day do not differ."""
    n = len(mentions)
    first = np.array([m.span[0].toordinal() for m in mentions])
    last = np.array([m.span[1].toordinal() for m in mentions])
    overlap: BoolMatrix = (first[:, None] <= last[None, :]) & (first[None, :] <= last[:, None])
    parts = np.array([-1 if m.part is None else m.part for m in mentions])
    differ = (parts[:, None] >= 0) & (parts[None, :] >= 0) & (parts[:, None] != parts[None, :])
    result: BoolMatrix = overlap & ~differ
    result[np.arange(n), np.arange(n)] = True
    return result


def _average_linkage(similar: FloatMatrix, allowed: BoolMatrix, threshold: float) -> list[int]:
    """Cluster labels: merge the most similar pair of clusters (average linkage) while it
    is at least ``threshold`` and every cross pair is ``allowed`` (complete linkage on
    the constraint). Cost: O(n^2) per merge, at most n merges."""
    n = len(similar)
    total = similar.astype(np.float64).copy()
    ok = allowed.copy()
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    labels = list(range(n))
    while True:
        average = total / np.outer(size, size)
        mask = ok & alive[:, None] & alive[None, :]
        np.fill_diagonal(mask, False)
        if not mask.any():
            break
        candidates = np.where(mask, average, -np.inf)
        i, j = np.unravel_index(int(np.argmax(candidates)), candidates.shape)
        if candidates[i, j] < threshold:
            break
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        ok[i, :] &= ok[j, :]
        ok[:, i] &= ok[:, j]
        size[i] += size[j]
        alive[j] = False
        labels = [int(i) if label == j else label for label in labels]
    return labels


def _groups(mentions: Sequence[_Mention], options: TimelineOptions) -> list[list[_Mention]]:
    if not mentions:
        return []
    similarity = options.similarity or LexicalSimilarity()
    texts = [m.compare_text for m in mentions]
    similar = np.asarray(similarity.matrix(texts, texts), dtype=np.float64)
    threshold = options.dense_merge_similarity if similarity.dense else options.merge_similarity
    labels = _average_linkage(similar, _compatible(mentions), threshold)
    clusters: dict[int, list[_Mention]] = {}
    for label, mention in zip(labels, mentions, strict=True):
        clusters.setdefault(label, []).append(mention)
    return list(clusters.values())


def _event(group: Iterable[_Mention]) -> tuple[tuple[date, date, int, tuple[date, int, float, int]], TimelineEvent]:
    ordered = sorted(group, key=lambda m: (m.order, m.passage.start))
    first = max(m.span[0] for m in ordered)
    last = min(m.span[1] for m in ordered)
    span = (first, last)
    parts = [m.part for m in ordered if m.part is not None]
    iso = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    event = TimelineEvent(iso, ordered[0].clause.text, tuple(m.passage for m in ordered))
    key = (span[0], span[1], parts[0] if parts else 1, ordered[0].order)
    return key, event


def build_timeline(
    material: StoryMaterial, options: TimelineOptions | None = None
) -> list[TimelineEvent]:
    """The story's dated events, sorted by date (see the module docstring for the rules).

    Guarantees: every mention passage is exact (``article.text[start:end] == text``);
    ``text`` is an exact clause of the earliest-published mention's article; an event's
    ``date`` lies inside every one of its mentions' spans; output order is deterministic.
    Cost: O(m^2) in the m date mentions kept.
    """
    options = options or TimelineOptions()
    anchors = story_anchors(material)
    mentions = _collect(material, anchors, options)
    events = []
    for group in _groups(mentions, options):
        key, event = _event(group)
        sources = {m.source for m in group}
        width = (key[1] - key[0]).days + 1
        if len(sources) < 2 and width > options.single_source_max_span_days:
            logger.debug("dropping vague single-source event %s %r", event.date, event.text)
            continue
        events.append((key, event))
    events.sort(key=lambda pair: pair[0])
    return [event for _, event in events]
