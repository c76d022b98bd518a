"""Summary: an extractive brief of a story, each sentence with the articles that support it.

:func:`summarize` picks 5-16 sentences that outlets wrote (more for a larger story),
never text of its own:

1. Units. Every analysed sentence, cut at paragraph breaks (the sentence splitter
   sometimes runs over one), with a wire dateline ("LORVIK, March 3 (CPA) -",
   "TRESNYAVETS —") trimmed off its front. Each unit is an exact passage.
2. Candidates: units that can stand alone in a brief. Left out: questions; units of
   fewer than ``min_words`` or more than ``max_words`` words; units without a closing
   full stop; quotes' attribution fragments and quote continuations (a unit that starts
   inside a direct quote, or has fewer than ``min_words`` words outside quotes); units
   mostly made of direct quotation (more than ``max_quoted_share`` of their characters:
   voices belong to the statements, the brief reports); and first-person asides outside
   quotes ("I have walked along the Eastern Basin ..."), which are a writer's, not news.
3. Support. A candidate is supported by every article holding a unit at least
   ``support_similarity`` (dense: ``dense_support_similarity``) similar to it that
   agrees with it on numbers, negation and actors
   (:func:`~newsprism.reconcile.agreement.agreement`), its own article included; each
   supporter's own unit is kept as its evidence. A similar unit that gives another
   number or the opposite polarity disputes the candidate instead. Syndicated copies
   are one source (:meth:`StoryMaterial.sources`).
4. Relevance = (1 - ``support_weight``) x centrality + ``support_weight`` x support
   share. Centrality is the mean, over the story's other sources, of the candidate's
   best similarity to a unit of that source (a source counts once however many copies
   it has); support share is the candidate's supporting sources over all sources.
5. Selection: maximal marginal relevance, ``mmr_lambda`` x relevance - (1 -
   ``mmr_lambda``) x (highest similarity to a chosen sentence); a candidate that would
   support a chosen sentence (the support threshold) repeats it and is never taken (so
   a wire story and its copy give one sentence). ``min_sentences`` are taken whenever
   there are that many candidates; more, up to ``max_sentences``, while the summary is
   shorter than its word budget, which grows with the story's sources (see
   :class:`SummaryOptions`). Relevance carries a lead prior: earlier sentences of an
   article weigh more.
6. Order: the chosen sentences in story order: their article's publication order (see
   :func:`~newsprism.reconcile.timeline.publication_order`), then position.

Cost: one similarity matrix over all units (u x u, u the story's sentences: a few
hundred for a large story), then O(u) per pick.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from newsprism.model import Passage, SummarySentence
from newsprism.reconcile.agreement import agreement
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import TextSimilarity
from newsprism.reconcile.timeline import Order, publication_order

logger = logging.getLogger(__name__)

__all__ = ["SummaryOptions", "summarize"]

Matrix = npt.NDArray[np.float64]
# The similarity model's matrix as it gives it (float32), or float64.
Similar = npt.NDArray[np.floating[Any]]


@dataclass(frozen=True)
class SummaryOptions:
    """How the brief is chosen; defaults calibrated on the sample stories as noted.

    ``support_similarity`` / ``dense_support_similarity``: the least similarity for a
    unit to support another, and for a candidate to repeat a chosen sentence. On the
    samples, the best match of a gold exclusive's sentence in any other source scores at
    most 0.30 lexical / 0.67 dense (leaving out one exclusive, a detail inside an
    otherwise shared sentence: 0.63 / 0.91); sentences that report one thing in two
    outlets' words score 0.40-0.90 / 0.74-0.93, while sentences sharing only a name or
    the topic ("Velicky called the day historic" against other Velicky sentences) reach
    0.37 / 0.69. Hence 0.40 / 0.70.
    ``support_weight``: share of relevance that comes from independent support (0.5:
    0.25 lets single-detail sentences with two sources in, 0.75 changes nothing more).
    ``mmr_lambda``: weight of relevance against redundancy. On the samples any value in
    0.5-0.9 gives the same support (mean 3.6-3.9 sources a sentence) and redundancy
    (chosen pairs at most 0.26 lexically similar); at 1.0 (no MMR) two sentences about
    one event get in (0.58, dense), at 0.3 an unsupported one. 0.7, the usual setting.
    ``extra_relevance``: past ``min_sentences``, a candidate must reach this share of
    the first pick's relevance (and two sources) to be added.
    ``min_words`` / ``max_words``: shorter units say too little to stand alone (an
    attribution, a caption); longer ones are run-ons of the sentence splitter.
    ``max_quoted_share``: a unit more quoted than this is a voice, not a report.

    Length grows with the story: past ``min_sentences``, sentences are added (up to
    ``max_sentences``) while the summary has fewer words than ``budget_base`` +
    ``budget_per_source`` x sources (at most ``budget_max``), each with at least
    ``extra_min_sources`` sources and ``extra_relevance`` x the first pick's relevance.
    ``position_weight`` adds that much x 1 / (1 + the unit's place in its article) to
    relevance (news puts what matters first). Calibrated on Multi-News clusters 0-29
    (eval/summary.py; clusters 60-124 held out): editors write about 215 words, and
    100 + 40 a source (at most 300) gives a median of 214; requiring two sources past
    the first five sentences stops at a median of 131 words (ROUGE-1 38.9 against 43.1),
    as most clusters hold two or three real reports among scraped debris; a position
    weight of 0.5 lifts ROUGE-1 / ROUGE-2 by 0.8 / 1.0 over none (1.0 adds nothing
    more); no relevance floor past the first five (0.3 and 0.6 cut the length, not the
    noise). At these defaults, clusters 0-29: ROUGE-1/2/Lsum 43.1 / 12.1 / 38.6 against
    the same-length lead's 42.3 / 12.7 / 38.0, median 213 words.
    """

    min_sentences: int = 5
    max_sentences: int = 16
    budget_base: int = 100
    budget_per_source: int = 40
    budget_max: int = 300
    extra_min_sources: int = 1
    position_weight: float = 0.5
    support_similarity: float = 0.4
    dense_support_similarity: float = 0.7
    support_weight: float = 0.5
    mmr_lambda: float = 0.7
    extra_relevance: float = 0.0
    min_words: int = 8
    max_words: int = 45
    max_quoted_share: float = 0.5


# --- units and candidates ----------------------------------------------------------------

# A wire dateline at a paragraph's start: a place in capitals, an optional date and
# agency, a dash ("LORVIK, March 3 (CPA) - ", "TRESNYAVETS — ").
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]{2,40}(?:,[^()\n\-–—]{1,30})?(?:\s*\([^()\n]{1,30}\))?\s*[-–—]\s+"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d[\d.,]*")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|mine|myself)\b")
# Openings that lean on the sentence before: a pronoun or a connective, or an opening
# clause that refers back ("If that fails, ...", "When this happens, ...", "Such a
# move ...", "The move ...", "Otherwise ...").
_LEANING = re.compile(
    r"(?:He|She|It|They|This|These|That|Those|His|Her|Its|Their|But|And|Also|Meanwhile|"
    r"However|Still|Yet|Then|So|Otherwise|Instead|Such|Both|Neither|Either|Nor|Or|Thus|"
    r"Hence|Therefore|Moreover|Furthermore|Besides|Likewise|Similarly)\b"
    r"|(?:If|When|Unless|Until|Once|After|Before|While|Since|Because|Although|Though)"
    r"\s+(?:that|this|these|those|it|he|she|they|so|not|such)\b"
    r"|The\s+(?:move|decision|step|plan|deal|announcement|statement|remarks?|comments?|"
    r"latter|former|same)\b[^,]{0,40}(?:came|follows|followed|comes|was\s+seen)\b"
)
_CLOSING = re.compile(r"[.!][\"'”’»)\]]*$")
_QUESTION = re.compile(r"\?[\"'”’»)\]]*$")


@dataclass(frozen=True, slots=True)
class _Unit:
    passage: Passage
    source: str
    order: tuple[Order, int]
    candidate: bool


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut at line breaks, each piece stripped and dateline-trimmed."""
    pieces = []
    position = start
    while position < end:
        stop = text.find("\n", position, end)
        stop = end if stop < 0 else stop
        first, last = position, stop
        while first < last and text[first].isspace():
            first += 1
        while last > first and text[last - 1].isspace():
            last -= 1
        dateline = _DATELINE.match(text, first, last)
        if dateline is not None and (first == 0 or text[first - 1] == "\n"):
            first = dateline.end()
        if first < last:
            pieces.append((first, last))
        position = stop + 1
    return pieces


def _quoted(material: StoryMaterial, article_id: str) -> list[tuple[int, int]]:
    """The article's direct quotes as sorted spans."""
    analysis = material.analysis(article_id)
    return sorted((q.start, q.end) for q in analysis.quotes if q.direct) if analysis else []


def _outside(text: str, start: int, end: int, quotes: Sequence[tuple[int, int]]) -> tuple[str, int]:
    """text[start:end] without the direct quotes in it, and how many characters those
    took. ``quotes`` sorted by start."""
    parts = []
    position = start
    for q_start, q_end in quotes:
        if q_end <= position or q_start >= end:
            continue
        parts.append(text[position : max(q_start, position)])
        position = min(q_end, end)
    parts.append(text[position:end])
    kept = sum(len(part) for part in parts)
    return " ".join(parts), (end - start) - kept


def _standalone(
    text: str, span: tuple[int, int], quotes: Sequence[tuple[int, int]], options: SummaryOptions
) -> bool:
    """Whether a unit can stand in a brief (see the module docstring, step 2)."""
    start, end = span
    unit = text[start:end]
    words = len(_WORD.findall(unit))
    if not options.min_words <= words <= options.max_words:
        return False
    if _QUESTION.search(unit) or not _CLOSING.search(unit):
        return False
    if any(q_start < start < q_end for q_start, q_end in quotes):
        return False  # starts inside a quote: a continuation or an attribution fragment
    outside, quoted = _outside(text, start, end, quotes)
    if len(_WORD.findall(outside)) < options.min_words:
        return False
    if quoted > options.max_quoted_share * len(unit):
        return False
    return not _FIRST_PERSON.search(outside) and not _LEANING.match(unit)


def _units(material: StoryMaterial, options: SummaryOptions) -> list[_Unit]:
    """Every unit of the story in story order, marked candidate or not."""
    order = publication_order(material)
    units = []
    for article in material.articles:
        analysis = material.analysis(article.id)
        quotes = _quoted(material, article.id)
        for start, end in analysis.sentences if analysis else ():
            for first, last in _pieces(article.text, start, end):
                if material.in_headline_list(article.id, first):
                    continue  # related headlines at the page's foot: other stories
                units.append(
                    _Unit(
                        material.passage(article.id, first, last),
                        material.source_of(article.id),
                        (order[article.id], first),
                        _standalone(article.text, (first, last), quotes, options),
                    )
                )
    units.sort(key=lambda unit: unit.order)
    return units


# --- scoring and selection ---------------------------------------------------------------


def _best_by_source(
    similar: Similar, units: Sequence[_Unit], rows: Sequence[int]
) -> tuple[list[str], Matrix]:
    """Sources in first-seen order, and per unit of ``rows`` its best similarity to
    each source (one pass over those rows, the columns taken source by source)."""
    sources = list(dict.fromkeys(unit.source for unit in units))
    index = {source: i for i, source in enumerate(sources)}
    columns = np.array([index[unit.source] for unit in units], dtype=np.int64)
    order = np.argsort(columns, kind="stable")
    starts = np.flatnonzero(np.r_[True, columns[order][1:] != columns[order][:-1]])
    picked = similar[np.asarray(rows, dtype=np.int64)][:, order]
    best: Matrix = np.maximum.reduceat(picked, starts, axis=1).astype(np.float64)
    return sources, best


@dataclass(frozen=True, slots=True)
class _Support:
    """Per article, its own sentence that backs a unit, and those that dispute it."""

    backing: dict[str, Passage]
    disputing: dict[str, Passage]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(self.backing)


def _supporters(
    material: StoryMaterial,
    similar: Similar,
    units: Sequence[_Unit],
    row: int,
    threshold: float,
    position: dict[str, int],
) -> _Support:
    """Articles holding a unit at least ``threshold`` similar to unit ``row`` that
    agrees with it (numbers, negation, actors: :func:`agreement`), each with its most
    similar such unit (the unit's own article always backs it with the unit itself);
    articles whose similar units only differ from it dispute it. Story order
    (``position``: each article's place in the story)."""
    own = units[row].passage
    values = similar[row].astype(np.float64)
    found = np.flatnonzero(values >= threshold)
    # Most similar first, then story order: units are in story order, so a stable sort
    # of the hits (in unit order) by similarity alone.
    hits = found[np.argsort(-values[found], kind="stable")].tolist()
    backing: dict[str, Passage] = {}
    disputing: dict[str, Passage] = {}
    for i in hits:
        passage = units[i].passage
        if i == row or passage.article == own.article or passage.article in backing:
            continue
        verdict = agreement(material, own, passage)
        if verdict == "agree":
            backing[passage.article] = passage
            disputing.pop(passage.article, None)
        elif verdict == "differ":
            disputing.setdefault(passage.article, passage)
    backing[own.article] = own
    ordered = dict(sorted(backing.items(), key=lambda item: position[item[0]]))
    return _Support(ordered, dict(sorted(disputing.items(), key=lambda i: position[i[0]])))


def _relevance(
    material: StoryMaterial,
    similar: Similar,
    units: Sequence[_Unit],
    threshold: float,
    options: SummaryOptions,
) -> tuple[npt.NDArray[np.float64], dict[int, _Support]]:
    """Relevance of every candidate and its supporting articles (step 3-4); only
    candidates are ever picked, so other units' relevance is left at 0 and their
    support unread (weighing every sentence's similar units was most of the summary
    of a story of hundreds of articles)."""
    candidates = [i for i, unit in enumerate(units) if unit.candidate]
    relevance = np.zeros(len(units))
    if not candidates:
        return relevance, {}
    sources, best = _best_by_source(similar, units, candidates)
    own = np.array([[units[i].source == source for source in sources] for i in candidates])
    others = max(len(sources) - 1, 1)
    centrality = np.where(own, 0.0, np.clip(best, 0.0, 1.0)).sum(axis=1) / others
    position = {a.id: n for n, a in enumerate(material.articles)}
    supporters = {
        i: _supporters(material, similar, units, i, threshold, position) for i in candidates
    }
    share = np.array([material.sources(supporters[i].articles) for i in candidates])
    weight = options.support_weight
    relevance[candidates] = (1 - weight) * centrality + weight * (share / len(sources))
    return relevance, supporters


def _select(
    relevance: npt.NDArray[np.float64],
    similar: Similar,
    candidates: Sequence[int],
    support: Mapping[int, int],
    threshold: float,
    options: SummaryOptions,
    words: Sequence[int],
    budget: float,
) -> list[int]:
    """Unit indices chosen by maximal marginal relevance (step 5)."""
    chosen: list[int] = []
    pool = list(candidates)
    total = 0
    while pool and len(chosen) < options.max_sentences:
        redundancy = (
            similar[np.ix_(pool, chosen)].max(axis=1).astype(np.float64)
            if chosen
            else np.zeros(len(pool))
        )
        scores = options.mmr_lambda * relevance[pool] - (1 - options.mmr_lambda) * redundancy
        scores = np.where(redundancy >= threshold, -np.inf, scores)
        if not np.isfinite(scores).any():
            break
        pick = pool[int(np.argmax(scores))]
        enough = len(chosen) >= options.min_sentences
        if enough and (
            total >= budget
            or support[pick] < options.extra_min_sources
            or relevance[pick] < options.extra_relevance * relevance[chosen[0]]
        ):
            break
        chosen.append(pick)
        total += words[pick]
        pool.remove(pick)
    return chosen


def _lead_prior(units: Sequence[_Unit]) -> npt.NDArray[np.float64]:
    """1 / (1 + the unit's place among its article's candidates): news puts what
    matters first (a dateline or caption before the lead does not count)."""
    seen: dict[str, int] = {}
    prior = np.zeros(len(units))
    for i, unit in enumerate(units):
        if not unit.candidate:
            continue
        place = seen.get(unit.passage.article, 0)
        seen[unit.passage.article] = place + 1
        prior[i] = 1.0 / (1 + place)
    return prior


def _budget(units: Sequence[_Unit], options: SummaryOptions) -> float:
    """Words the summary may grow to past ``min_sentences``: more sources, more words;
    without a budget (``budget_per_source`` 0) only ``max_sentences`` bounds it."""
    if not options.budget_per_source:
        return float("inf")
    sources = len({unit.source for unit in units})
    return min(options.budget_max, options.budget_base + options.budget_per_source * sources)


def summarize(
    material: StoryMaterial,
    similarity: TextSimilarity,
    options: SummaryOptions | None = None,
) -> list[SummarySentence]:
    """An extractive brief of the story: 5-16 sentences (fewer only when fewer candidates
    are left that do not repeat a chosen one), each an exact passage of one article with
    every article that supports it, in story order (see the module docstring).

    Guarantees: ``passage.text == article.text[start:end]``; ``sources`` lists the
    supporting article ids in story order, the passage's own included; no two chosen
    sentences are as similar as the support threshold; deterministic for a deterministic
    ``similarity``. Cost: one u x u similarity over the story's u sentences, O(u) a pick.
    """
    options = options or SummaryOptions()
    units = _units(material, options)
    candidates = [i for i, unit in enumerate(units) if unit.candidate]
    if not candidates:
        return []
    texts = [unit.passage.text for unit in units]
    # As the model gives it (float32): each value is widened where it is weighed, and
    # the u x u matrix is not copied (a gigabyte at 11,000 sentences).
    similar = similarity.matrix(texts, texts)
    dense = similarity.dense
    threshold = options.dense_support_similarity if dense else options.support_similarity
    relevance, supporters = _relevance(material, similar, units, threshold, options)
    support = {i: material.sources(found.articles) for i, found in supporters.items()}
    relevance = relevance + options.position_weight * _lead_prior(units)
    words = [len(_WORD.findall(text)) for text in texts]
    chosen = _select(
        relevance, similar, candidates, support, threshold, options, words, _budget(units, options)
    )
    return [
        SummarySentence(
            units[i].passage,
            supporters[i].articles,
            tuple(supporters[i].backing.values()),
            tuple(supporters[i].disputing.values()),
        )
        for i in sorted(chosen)
    ]
