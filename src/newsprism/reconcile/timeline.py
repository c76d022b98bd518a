"""Timeline: the dated events of a story, each with the date expressions that date it.

:func:`build_timeline` reads every :class:`~newsprism.model.DateMention` as a calendar
span and groups the mentions that date one event across outlets.

Anchors (:func:`story_anchors`): a deferred mention (relative, in an undated article) is
read with :func:`~newsprism.analyze.dates.resolve_expression` from (1) the article's wire
dateline ("LORVIK, March 3 (CPA) -", in the year nearest the median publication day),
else (2) the earliest anchor of its copies (a syndicated copy counts from the wire's
day), else (3) the dated sibling's day under which its deferred dates overlap most
(Jaccard of day spans) with the other sources' dates; ties to the day nearest the
median, then the earlier. The median alone reads a late undated follow-up ("the planes,
which arrived on Tuesday") a week early; agreement does not. No dated article at all:
deferred mentions stay out.

Not events: publication dates (datelines); relative dates inside direct quotes (a
speaker's "tonight" counts from when they spoke); spans wider than ``max_span_days``
("in 2019"); days outside the story's window; a vague span only one source gives.

Grouping: average-linkage clustering on the similarity of the mentions' clauses (date
expression removed), minus a penalty for two mentions in one article, with every pair
in a cluster required to overlap in days, not to conflict in part of day ("Tuesday
morning" / "Tuesday evening"), and, where one of the two is a vague span, to share a
content word (:mod:`newsprism.reconcile.vague_dates`: a range covering the day is no
sign of telling the same event). Pairwise-overlapping intervals share a common part
(Helly, in one dimension): that intersection is the event's date, and ``text`` the
clause of the earliest-published mention. See :class:`TimelineOptions` for the
calibration, and for what a lexical similarity cannot tell apart.

Order: events by date (start, end), part of day, first publication; an event's mentions
by publication order, then position. Cost: one m x m similarity for the m kept mentions,
then at most m merges of one O(m^2) numpy argmax each.
"""

from __future__ import annotations

import itertools
import logging
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from newsprism.analyze.dates import resolve_expression
from newsprism.model import Article, DateMention, Passage, TimelineEvent
from newsprism.reconcile.linkage import average_linkage
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity, TextSimilarity
from newsprism.reconcile.vague_dates import apart

logger = logging.getLogger(__name__)

__all__ = ["TimelineOptions", "build_timeline", "publication_order", "story_anchors"]

Span = tuple[date, date]
# Publication order of an article: anchor day, timestamped first, timestamp, position.
Order = tuple[date, bool, float, int]


@dataclass(frozen=True)
class TimelineOptions:
    """How mentions become events.

    ``merge_similarity`` / ``dense_merge_similarity``: the least average clause
    similarity (lexical / dense) for two groups of compatible mentions to be one event.
    ``same_article_penalty``: taken off the similarity of two mentions in one article (an
    outlet that dates two things to one day in two clauses usually tells two happenings;
    soft, so "ordered the evacuation today" and "declared a state of emergency this
    afternoon" still join a large group).
    Calibrated on the gold timelines (pairwise recall of gold mentions grouped together;
    no two gold events merged at any setting) and two invented stories of two different
    same-day events (tests): A, where both outlets report both; B, where each reports one.
    With the penalty 0.3, lexical recall is 1.00 up to 0.01, 0.96 over 0.02-0.08, 0.89 at
    0.09 ("early April" stops joining "April 7" at 0.10); A stays apart at any threshold
    (without the penalty only from 0.11), B only from 0.11, as its clauses share just the
    story's words, like "the strike began" and "the dockers walked out". 0.06: middle of
    the plateau. Dense recall 1.00 up to 0.10, 0.93 over 0.12-0.16, 0.90 at 0.18-0.20; A
    apart from 0.12, B from 0.32 (recall 0.76). 0.14: middle of the plateau.
    ``window_days``: events further than this before the first or after the last
    publication day are background ("the reserve, created in 1961").
    ``max_span_days``: the widest span that dates an event ("in April" does, a year not).
    ``single_source_max_span_days``: a wider span must come from two sources to stand as
    an event of its own ("in February" in a blog's aside does not).
    ``skip_quoted``: leave out relative dates inside direct quotes.
    ``similarity``: None is a fresh :class:`LexicalSimilarity`; pass the brief's shared
    similarity to use dense embeddings.
    """

    merge_similarity: float = 0.06
    dense_merge_similarity: float = 0.14
    same_article_penalty: float = 0.3
    window_days: int = 45
    max_span_days: int = 31
    single_source_max_span_days: int = 7
    skip_quoted: bool = True
    similarity: TextSimilarity | None = None


# --- anchors -----------------------------------------------------------------------------

# "LORVIK, March 3 (CPA) -": a place (and region) opening a paragraph, a comma, the
# date, an optional agency in parentheses, then a dash.
_DATELINE_BEFORE = re.compile(r"[ \t]*[A-Z][\w.'’ -]{1,40}(?:,[ \t]*[A-Z][\w.'’ -]{1,40})?,[ \t]*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[-–—]")


def is_dateline(text: str, mention: DateMention) -> bool:
    """Whether ``mention`` is a wire dateline's date ("LORVIK, March 3 (CPA) -")."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    opening = _DATELINE_BEFORE.fullmatch(text, line_start, mention.start)
    return opening is not None and _DATELINE_AFTER.match(text, mention.end) is not None


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
    """The day the article's wire dateline names, in the year nearest ``median``."""
    for mention in _dates(material, article.id):
        if is_dateline(article.text, mention):
            return _nearest_day(mention, median)
    return None


def _nearest_day(mention: DateMention, median: date) -> date | None:
    """The one day ``mention`` names, read back or ahead from ``median``, whichever is
    nearer (back on a tie); None for a span. A dateline is the day the copy was filed,
    which may follow the median: read back only ("March 5" from March 3, "Jan. 2" from
    December 30) it fell a year early, and the copy's relative dates out of the story."""
    readings = [_resolve(mention, median)]
    if mention.date is None:
        ahead = resolve_expression(mention.text, median, future=True)
        readings.append(None if ahead is None else _parse_span(ahead))
    days = [span[0] for span in readings if span is not None and span[0] == span[1]]
    return min(days, key=lambda day: abs((day - median).days), default=None)


def _agreement(mentions: Sequence[DateMention], anchor: date, references: Iterable[Span]) -> float:
    """How well the mentions, read from ``anchor``, agree with the other sources' spans:
    the sum over mentions of the best Jaccard overlap (in days) with any reference."""
    score = 0.0
    for mention in mentions:
        span = _resolve(mention, anchor)
        if span is not None:
            score += max((_jaccard(span, ref) for ref in references), default=0.0)
    return score


def _resolved_spans(
    material: StoryMaterial, anchors: dict[str, date | None]
) -> dict[str, set[Span]]:
    """Per source, the spans of the dates its anchored articles give (datelines aside)."""
    spans: dict[str, set[Span]] = {}
    for article in material.articles:
        anchor = anchors.get(article.id)
        for mention in _dates(material, article.id):
            if (mention.date is None and anchor is None) or is_dateline(article.text, mention):
                continue
            span = _resolve(mention, anchor)
            if span is not None:
                spans.setdefault(material.source_of(article.id), set()).add(span)
    return spans


def _best_anchor(
    material: StoryMaterial,
    article: Article,
    candidates: Sequence[date],
    median: date,
    spans: dict[str, set[Span]],
) -> date:
    """The sibling day under which the article's deferred dates agree most with the
    dates the other sources give; ties to the day nearest ``median``, then the earlier."""
    deferred = [m for m in _dates(material, article.id) if m.date is None]
    source = material.source_of(article.id)
    references = sorted(
        {span for other, found in spans.items() if other != source for span in found}
    )
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
    the story has no dated article. Deterministic: an undated article's choice depends
    only on the articles anchored by date, dateline or copy. Cost: linear in the date
    mentions, plus, per undated article without a dateline, (distinct publication days)
    x (its deferred mentions) x (distinct dated spans) overlap tests.
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
    candidates = sorted(set(known))
    spans = _resolved_spans(material, anchors)
    undated = [a for a in material.articles if anchors[a.id] is None]
    for article in undated:
        anchors[article.id] = _best_anchor(material, article, candidates, median, spans)
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
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


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
    return min(first, hole[0]), max(last, hole[1])


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
    order: Order


def _publication_order(
    material: StoryMaterial, anchors: dict[str, date | None]
) -> dict[str, Order]:
    """Sort key per article: anchor day, timestamped first, timestamp, story position."""
    return {
        a.id: (anchors.get(a.id) or date.max, a.published is None,
               a.published.timestamp() if a.published else 0.0, position)
        for position, a in enumerate(material.articles)
    }  # fmt: skip


def publication_order(material: StoryMaterial) -> dict[str, Order]:
    """Sort key per article for "story order": its anchor day (:func:`story_anchors`),
    articles with a timestamp before those without, the timestamp, its story position."""
    return _publication_order(material, story_anchors(material))


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


def _days(span: Span) -> int:
    return (span[1] - span[0]).days + 1


def _shift(day: date, delta: timedelta) -> date:
    """``day + delta``, stopped at the calendar's ends: a story published in year 1 or
    9999 has its window cut there instead of an OverflowError."""
    try:
        return day + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min


def _keep(span: Span, window: Span | None, options: TimelineOptions) -> bool:
    """Narrow enough, and inside the story's window (any day when no article is dated)."""
    inside = window is None or (span[1] >= window[0] and span[0] <= window[1])
    return inside and _days(span) <= options.max_span_days


def _collect(
    material: StoryMaterial, anchors: dict[str, date | None], options: TimelineOptions
) -> list[_Mention]:
    """Every date mention that may date an event, resolved, with its clause."""
    days = [d for d in anchors.values() if d is not None]
    margin = timedelta(days=options.window_days)
    window = (_shift(min(days), -margin), _shift(max(days), margin)) if days else None
    order = _publication_order(material, anchors)
    found = []
    for article in material.articles:
        analysis = material.analysis(article.id)
        for mention in analysis.dates if analysis else ():
            if is_dateline(article.text, mention):
                continue
            if material.in_headline_list(article.id, mention.start):
                continue  # a related headline's time stamp, another story's
            if (
                options.skip_quoted
                and mention.anchor != "absolute"
                and _inside_direct_quote(material, article.id, mention)
            ):
                continue
            span = _resolve(mention, anchors.get(article.id))
            if span is None or not _keep(span, window, options):
                continue
            found.append(_make_mention(material, article, mention, span, order[article.id]))
    return found


def _make_mention(
    material: StoryMaterial,
    article: Article,
    mention: DateMention,
    span: Span,
    order: Order,
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


def _groups(mentions: Sequence[_Mention], options: TimelineOptions) -> list[list[_Mention]]:
    if not mentions:
        return []
    similarity = options.similarity or LexicalSimilarity()
    texts = [m.compare_text for m in mentions]
    similar = np.asarray(similarity.matrix(texts, texts), dtype=np.float64)
    threshold = options.dense_merge_similarity if similarity.dense else options.merge_similarity
    articles = np.array([m.article for m in mentions])
    same_article = articles[:, None] == articles[None, :]
    affinity = similar - threshold - np.where(same_article, options.same_article_penalty, 0.0)
    vague = [_days(m.span) > 1 for m in mentions]
    clusters = average_linkage(affinity, ~_compatible(mentions) | apart(texts, vague))
    return [[mentions[i] for i in members] for members in clusters]


EventKey = tuple[date, date, int, Order]


def _event(group: Iterable[_Mention]) -> tuple[EventKey, TimelineEvent]:
    """The event of a group (date: the intersection of its spans) and its sort key."""
    ordered = sorted(group, key=lambda m: (m.order, m.passage.start))
    first = max(m.span[0] for m in ordered)
    last = min(m.span[1] for m in ordered)
    parts = [m.part for m in ordered if m.part is not None]
    iso = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
    event = TimelineEvent(iso, ordered[0].clause.text, tuple(m.passage for m in ordered))
    return (first, last, parts[0] if parts else 1, ordered[0].order), event


def build_timeline(
    material: StoryMaterial, options: TimelineOptions | None = None
) -> list[TimelineEvent]:
    """The story's dated events, sorted by date (see the module docstring for the rules).

    Guarantees: every mention passage is exact (``article.text[start:end] == text``);
    ``text`` is an exact clause of the earliest-published mention's article; an event's
    ``date`` lies inside every one of its mentions' spans; output order is deterministic.
    Cost: O(m^3) worst case in the m date mentions kept, on numpy arrays (see above).
    """
    options = options or TimelineOptions()
    anchors = story_anchors(material)
    mentions = _collect(material, anchors, options)
    events = []
    for group in _groups(mentions, options):
        key, event = _event(group)
        sources = {m.source for m in group}
        if len(sources) < 2 and _days(key[:2]) > options.single_source_max_span_days:
            logger.debug("dropping vague single-source event %s %r", event.date, event.text)
            continue
        events.append((key, event))
    events.sort(key=lambda pair: pair[0])
    return [event for _, event in events]
