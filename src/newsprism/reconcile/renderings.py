"""Renderings of one quote that differ by a negation.

Two outlets quote one utterance; one rendering says "if they don't fund the Kelmar dam
before winter it will raise the flood risk", the other "to fund the Kelmar dam before
winter would raise the flood risk". The claim-level negation check
(:mod:`newsprism.reconcile.discrepancies`) never compares them: both sides are
conditional or modal, so neither asserts anything.
But the two cannot both be what the speaker said, and which way the speaker put it is
the claim a fact-checker cares about. So direct quotes are compared as wording:

1. two direct quotes from different sources, by the same speaker where both are
   resolved (the same last name), that are one utterance: at least :data:`MIN_SHARED`
   words in common (aligned in order) and at least :data:`MIN_SHARE` of the shorter
   quote's words;
2. one rendering holds a negation ("not", "n't", "never", "no"; "not only" is none)
   whose negated word (the first word after the cue that is no auxiliary) is aligned
   to the same word of the other rendering, inside a verbatim run of at least
   :data:`MIN_RUN` words (the context is the same quote, not a look-alike);
3. the other rendering has no negation (nor "fail", "refuse", "without") in the
   :data:`WINDOW` words before that word: "did not pass" against "never passed" is
   one claim, worded twice.

Words are compared case-folded, "n't" split off as "not" ("don't" is "do not").
The result is the pair of sentences that hold the negated word on each side.
"""

from __future__ import annotations

import difflib
import logging
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from newsprism.model import Passage, Quote
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.speaker_match import last_name, same_speaker

__all__ = ["MIN_RUN", "MIN_SHARE", "MIN_SHARED", "WINDOW", "negation_renderings"]

logger = logging.getLogger(__name__)

#: Calibration: renderings of one utterance in the BASIL stories share long runs
#: (a dropped "[Democrats]" or "of" breaks them into runs of 6-15 words); quotes that
#: only share a phrase ("raise taxes", "the American people") share fewer than 8 words.
#: The thresholds keep the comparison to quotes that are plainly one utterance.
MIN_SHARED: Final = 8
MIN_SHARE: Final = 0.5
MIN_RUN: Final = 3
WINDOW: Final = 3

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CONTRACTED = re.compile(r"^(.+?)n['’]t$")
_IRREGULAR: Final = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "be"}
_CUES: Final = frozenset({"not", "never", "no"})
# Negation without a cue word: the other side is negated too.
_LEXICAL: Final = frozenset({"fail", "failed", "fails", "failure", "refuse", "refused", "without"})
# Words between a cue and what it negates ("have not been", "did not even").
_AUX: Final = frozenset(
    {"be", "been", "being", "is", "are", "was", "were", "have", "has", "had", "do", "does",
     "did", "will", "would", "can", "could", "should", "may", "might", "must", "to", "even",
     "ever", "yet", "necessarily", "really", "always"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int  # offset in the article
    end: int


def _words(quote: Quote, article_text: str) -> list[_Word]:
    """The quote's words with their article offsets; "n't" split off as "not"."""
    base = quote.start if article_text[quote.start : quote.end] == quote.text else None
    if base is None:
        found = article_text.find(quote.text)
        base = found if found >= 0 else quote.start
    words: list[_Word] = []
    for match in _TOKEN.finditer(quote.text):
        text = match.group().casefold().replace("’", "'")
        start, end = base + match.start(), base + match.end()
        contracted = _CONTRACTED.match(text)
        if text in _IRREGULAR:
            words += [_Word(_IRREGULAR[text], start, end), _Word("not", start, end)]
        elif contracted:
            words += [_Word(contracted.group(1), start, end), _Word("not", start, end)]
        else:
            words.append(_Word(text, start, end))
    return words


def _negated_at(words: Sequence[_Word], cue: int) -> int | None:
    """Index of the word a cue negates (None for "not only", a cue at the end, or an
    answer "No, ...": the next word must follow the cue after a space)."""
    if cue + 1 >= len(words) or words[cue + 1].start > words[cue].end + 1:
        return None
    if words[cue].text == "not" and words[cue + 1].text == "only":
        return None
    for i in range(cue + 1, min(len(words), cue + 1 + WINDOW)):
        if words[i].text not in _AUX:
            return i
    return None


def _aligned(a: Sequence[_Word], b: Sequence[_Word]) -> dict[int, tuple[int, int]] | None:
    """For one utterance (guard 1), each aligned word of ``a``: its index in ``b`` and
    the length of the verbatim run holding it; None when the quotes are not one."""
    matcher = difflib.SequenceMatcher(None, [w.text for w in a], [w.text for w in b], False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    shared = sum(m.size for m in blocks)
    if shared < MIN_SHARED or shared < MIN_SHARE * min(len(a), len(b)):
        return None
    return {m.a + k: (m.b + k, m.size) for m in blocks for k in range(m.size)}


def _unnegated_before(words: Sequence[_Word], index: int) -> bool:
    before = words[max(0, index - WINDOW) : index]
    return not any(w.text in _CUES or w.text in _LEXICAL for w in before)


def _dropped(a: Sequence[_Word], b: Sequence[_Word]) -> tuple[int, int] | None:
    """(index in a, index in b) of a word negated in ``a`` and not in ``b`` (guards 2, 3)."""
    aligned = _aligned(a, b)
    if aligned is None:
        return None
    for cue, word in enumerate(a):
        if word.text not in _CUES or cue in aligned:
            continue
        target = _negated_at(a, cue)
        if target is None or target not in aligned:
            continue
        j, run = aligned[target]
        if run >= MIN_RUN and _unnegated_before(b, j):
            return target, j
    return None


def _direct_quotes(material: StoryMaterial) -> list[tuple[str, Quote, list[_Word]]]:
    found = []
    for article in material.articles:
        analysis = material.analysis(article.id)
        if analysis is None:
            continue
        for quote in analysis.quotes:
            if quote.direct:
                found.append((article.id, quote, _words(quote, article.text)))
    return found


def _cued(words: Sequence[_Word]) -> bool:
    """Whether a rendering holds a negation cue: :func:`_dropped` finds nothing in a
    rendering without one."""
    return any(w.text in _CUES for w in words)


def _shape(words: Sequence[_Word]) -> tuple[tuple[str, int, int], ...]:
    """A rendering's words and their spacing, wherever it stands: equal for two
    renderings that :func:`_dropped` reads alike (its answers are word indices)."""
    base = words[0].start if words else 0
    return tuple((w.text, w.start - base, w.end - base) for w in words)


def _cue_pairs(cued: Sequence[bool]) -> Iterator[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of which one side holds a cue, in the order of
    ``combinations(range(len(cued)), 2)``: a story of one event holds thousands of
    direct quotes and few with a negation, so the other pairs (all but a few percent)
    are never formed (quadratic in the quotes before, now in quotes times cued ones)."""
    marked = [i for i, flag in enumerate(cued) if flag]
    for i, flag in enumerate(cued):
        later = range(i + 1, len(cued)) if flag else marked[bisect_right(marked, i) :]
        for j in later:
            yield i, j


def negation_renderings(material: StoryMaterial) -> list[tuple[Passage, Passage]]:
    """Pairs of sentences (the negated side first) whose direct quotes render one
    utterance with and without a negation (rules in the module docstring)."""
    quotes = _direct_quotes(material)
    cued = [_cued(words) for _, _, words in quotes]
    numbered: dict[tuple[tuple[str, int, int], ...], int] = {}
    shapes = [numbered.setdefault(_shape(words), len(numbered)) for _, _, words in quotes]
    # One verdict per pair of wordings: syndicated copies and wire text repeat a quote
    # word for word in dozens of articles, and the alignment reads only the words and
    # their spacing.
    dropped: dict[tuple[int, int], tuple[int, int] | None] = {}
    pairs: dict[tuple[tuple[str, int], tuple[str, int]], tuple[Passage, Passage]] = {}
    # Each article resolves its own names and no roster is at hand: the last name
    # ("Mayor Ilse Varga" / "Varga"; why not the roster key: speaker_match's doc).
    # Keys and sources are read once per quote, not per pair.
    keys = [None if q.speaker is None else last_name(q.speaker) for _, q, _ in quotes]
    sources = [material.source_of(article) for article, _, _ in quotes]
    for i, j in _cue_pairs(cued):
        if sources[i] == sources[j]:
            continue
        if not same_speaker(keys[i], keys[j], str):  # the keys are last names already
            continue
        (a_id, _, a_words), (b_id, _, b_words) = quotes[i], quotes[j]
        if not a_words or not b_words:
            continue
        for (n_id, n_words, n), (p_id, p_words, p) in (
            ((a_id, a_words, i), (b_id, b_words, j)),
            ((b_id, b_words, j), (a_id, a_words, i)),
        ):
            if not cued[n]:
                continue
            wordings = (shapes[n], shapes[p])
            if wordings not in dropped:
                dropped[wordings] = _dropped(n_words, p_words)
            hit = dropped[wordings]
            if hit is None:
                continue
            denial = material.sentence_at(n_id, n_words[hit[0]].start)
            assertion = material.sentence_at(p_id, p_words[hit[1]].start)
            if denial is not None and assertion is not None:
                key = ((n_id, denial.start), (p_id, assertion.start))
                pairs.setdefault(key, (denial, assertion))
    logger.debug("%d quote renderings differ by a negation", len(pairs))
    return list(pairs.values())
