"""Scoring units of the BASIL gold (``eval/basil_gold.py``): spans that overlap.

Pure functions over spans ``(article id, start, end)``; no data, no newsprism model, so
the rules are tested on invented spans (``tests/test_eval_basil_gold.py``).

**Overlap.** Two spans *overlap* when they lie in one article and share at least one
alphanumeric character of its text (a shared quote mark or space is not enough). The
gold is written at the level a reader checks (a sentence, or the clause that carries
the claim) while newsprism works on quote parts, quantity spans and sentences; so a
predicted item matches a gold item when their spans overlap, in each article concerned.

**Groups, pairwise.** A group (a statement, a fact) is a set of spans in several
articles; one article may hold several spans of one group (a quote and its
reported-speech summary). A group's *pairs* are the unordered pairs of its articles.

* A gold pair (group G, articles a, b) is **recalled** when one predicted group has a
  span overlapping a span of G in a and a span overlapping a span of G in b.
* A predicted pair (group P, articles a, b) is **right** when one gold group has spans
  in a and b that P's spans in a and b overlap. It is **judged** when it is right, or
  when one of P's spans in a or b overlaps any gold span of that part (single-outlet gold
  statements included): the gold lists every outlet carrying a labelled item, so joining
  a labelled span to anything else is an error. Predicted pairs that touch no gold span
  are not judged (the gold is not exhaustive).
* precision = right / judged, recall = recalled / gold pairs.

**Contradictions.** A predicted discrepancy *hits* a gold contradiction when two of its
claims, in different articles, overlap claims of that contradiction in those articles.
Precision = predicted that hit any gold / predicted; recall = gold hit / gold (the gold
lists every contradiction found by reading, so every prediction is judged). A *hard
negative* (claims that look contradictory but are compatible) is *flagged* when a
predicted discrepancy hits it the same way; flagged / hard negatives is reported beside.

**Statement misses by cause** (:func:`statement_misses`). A gold pair not recalled is
a *unit* miss when a side's gold spans are overlapped by no predicted span at all (the
statement was never a unit, so no linkage could recall it); an *other* miss when both
sides are overlapped but on one side every overlapping predicted span also overlaps a
span of another gold statement (one unit holds two statements: the unit's boundary,
not the linkage, kept it from the pair); a *speaker* miss when, given the predicted
groups' speakers, every group overlapping one side and every group overlapping the
other have two different resolved speakers (the speaker attribution forbade the
link); else a *linkage* miss (units on both sides, in different predicted groups). A
wrong predicted pair (judged, not right) is *cross* when both its sides overlap gold
statement spans (two labelled statements joined), *half* when one side overlaps none
(a labelled statement joined to unlabelled text).

**Exclusives.** Recall = gold exclusives overlapped by a predicted exclusive.
A predicted exclusive is right when it overlaps a gold exclusive, wrong when it
overlaps none but overlaps a *shared* gold span (a variant of a statement carried by
two or more outlets, a value of a fact given by two or more); otherwise not judged.
Precision = right / (right + wrong); ``lower_bound`` = right / all predicted.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

Span = tuple[str, int, int]  # (article id, start, end)
Group = Sequence[Span]

_WORD: Final = re.compile(r"[^\W_]", re.UNICODE)


def overlaps(texts: Mapping[str, str], a: Span, b: Span) -> bool:
    """Whether two spans share an alphanumeric character of their article's text."""
    if a[0] != b[0]:
        return False
    start, end = max(a[1], b[1]), min(a[2], b[2])
    return end > start and _WORD.search(texts[a[0]], start, end) is not None


@dataclass
class Counts:
    """Counts of one part for one system, summed over stories."""

    right: int = 0
    judged: int = 0
    recalled: int = 0
    gold: int = 0
    predicted: int = 0

    def add(self, other: Counts) -> None:
        for name in ("right", "judged", "recalled", "gold", "predicted"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float | int]:
        precision = self.right / self.judged if self.judged else 1.0
        recall = self.recalled / self.gold if self.gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "right": self.right,
            "judged": self.judged,
            "recalled": self.recalled,
            "gold": self.gold,
            "predicted": self.predicted,
        }


def _by_article(group: Group) -> dict[str, list[Span]]:
    found: dict[str, list[Span]] = defaultdict(list)
    for span in group:
        found[span[0]].append(span)
    return found


def _covers(texts: Mapping[str, str], mine: list[Span], theirs: list[Span]) -> bool:
    return any(overlaps(texts, m, t) for m in mine for t in theirs)


def article_pairs(group: Group) -> list[tuple[str, str]]:
    """The unordered pairs of the group's articles (sorted, so each pair once)."""
    return list(itertools.combinations(sorted(_by_article(group)), 2))


def group_pairs(
    texts: Mapping[str, str], gold: Sequence[Group], predicted: Sequence[Group]
) -> Counts:
    """Pairwise counts of predicted groups against gold groups (see the module doc)."""
    gold_sides = [_by_article(g) for g in gold]
    pred_sides = [_by_article(p) for p in predicted]
    every_gold = [span for g in gold for span in g]
    counts = Counts()
    for sides in gold_sides:
        for a, b in itertools.combinations(sorted(sides), 2):
            counts.gold += 1
            counts.recalled += any(
                _covers(texts, p.get(a, []), sides[a]) and _covers(texts, p.get(b, []), sides[b])
                for p in pred_sides
            )
    for sides in pred_sides:
        for a, b in itertools.combinations(sorted(sides), 2):
            counts.predicted += 1
            right = any(
                _covers(texts, sides[a], g.get(a, [])) and _covers(texts, sides[b], g.get(b, []))
                for g in gold_sides
            )
            counts.right += right
            counts.judged += right or _covers(texts, sides[a] + sides[b], every_gold)
    return counts


def statement_misses(
    texts: Mapping[str, str],
    gold: Sequence[Group],
    predicted: Sequence[Group],
    speakers: Sequence[str | None] | None = None,
) -> dict[str, int]:
    """The gold pairs :func:`group_pairs` does not recall, by cause (``unit``,
    ``speaker``, ``linkage``, ``other``), and its wrong predicted pairs (``cross``,
    ``half``); see the module doc. ``speakers``: each predicted group's resolved speaker
    (None: unresolved; without the list no miss is put down to the speakers)."""
    found = dict.fromkeys(("unit", "speaker", "linkage", "other", "cross", "half"), 0)
    gold_sides = [_by_article(g) for g in gold]
    pred_sides = [_by_article(p) for p in predicted]
    for number, sides in enumerate(gold_sides):
        others = [g for k, g in enumerate(gold_sides) if k != number]
        for a, b in itertools.combinations(sorted(sides), 2):
            if any(_covers(texts, p.get(a, []), sides[a]) and _covers(texts, p.get(b, []), sides[b])
                   for p in pred_sides):  # fmt: skip
                continue
            hit = [_hitting(texts, pred_sides, x, sides[x]) for x in (a, b)]
            if not all(hit):
                found["unit"] += 1
            elif any(_all_shared(texts, spans, [g.get(x, []) for g in others])
                     for x, spans in zip((a, b), hit, strict=True)):  # fmt: skip
                found["other"] += 1
            elif speakers is not None and _speakers_differ(
                [_holders(texts, pred_sides, x, sides[x]) for x in (a, b)], speakers
            ):
                found["speaker"] += 1
            else:
                found["linkage"] += 1
    for sides in pred_sides:
        for a, b in itertools.combinations(sorted(sides), 2):
            touched = [
                any(_covers(texts, sides[x], g.get(x, [])) for g in gold_sides) for x in (a, b)
            ]
            right = any(
                _covers(texts, sides[a], g.get(a, [])) and _covers(texts, sides[b], g.get(b, []))
                for g in gold_sides
            )
            if not right and any(touched):
                found["cross" if all(touched) else "half"] += 1
    return found


def _hitting(
    texts: Mapping[str, str], pred_sides: Sequence[dict[str, list[Span]]], article: str,
    gold: list[Span],
) -> list[Span]:  # fmt: skip
    """The predicted spans of ``article`` (any group) that overlap a gold span."""
    return [m for p in pred_sides for m in p.get(article, []) if _covers(texts, [m], gold)]


def _holders(
    texts: Mapping[str, str], pred_sides: Sequence[dict[str, list[Span]]], article: str,
    gold: list[Span],
) -> list[int]:  # fmt: skip
    """The predicted groups with a span of ``article`` that overlaps a gold span."""
    return [n for n, p in enumerate(pred_sides) if _covers(texts, p.get(article, []), gold)]


def _speakers_differ(holders: list[list[int]], speakers: Sequence[str | None]) -> bool:
    """Whether every group of one side and every group of the other have two different
    resolved speakers."""
    first, second = holders
    return all(
        speakers[p] is not None and speakers[q] is not None and speakers[p] != speakers[q]
        for p in first
        for q in second
    )


def _all_shared(texts: Mapping[str, str], spans: list[Span], others: list[list[Span]]) -> bool:
    """Whether every span also overlaps a span of another gold statement."""
    return all(any(_covers(texts, [m], o) for o in others) for m in spans)


def best_group(texts: Mapping[str, str], gold: Group, predicted: Sequence[Group]) -> int | None:
    """The predicted group recalling most of the gold group's pairs (None: none)."""
    sides = _by_article(gold)
    best, most = None, 0
    for n, group in enumerate(predicted):
        mine = _by_article(group)
        hits = sum(
            _covers(texts, mine.get(a, []), sides[a]) and _covers(texts, mine.get(b, []), sides[b])
            for a, b in itertools.combinations(sorted(sides), 2)
        )
        if hits > most:
            best, most = n, hits
    return best


def hits(texts: Mapping[str, str], claims: Group, gold: Group) -> bool:
    """Whether two claims of a predicted discrepancy, in different articles, overlap
    claims of one gold contradiction."""
    touched = {c[0] for c in claims if any(overlaps(texts, c, g) for g in gold)}
    return len(touched) >= 2


def contradictions(
    texts: Mapping[str, str], gold: Sequence[Group], predicted: Sequence[Group]
) -> Counts:
    """Counts of predicted discrepancies against gold contradictions."""
    right = sum(any(hits(texts, p, g) for g in gold) for p in predicted)
    recalled = sum(any(hits(texts, p, g) for p in predicted) for g in gold)
    return Counts(right, len(predicted), recalled, len(gold), len(predicted))


def hard_negatives(
    texts: Mapping[str, str], negatives: Sequence[Group], predicted: Sequence[Group]
) -> int:
    """How many hard negatives a predicted discrepancy hits (each counted once)."""
    return sum(any(hits(texts, p, n) for p in predicted) for n in negatives)


def exclusives(
    texts: Mapping[str, str],
    gold: Sequence[Span],
    shared: Sequence[Span],
    predicted: Iterable[Span],
) -> Counts:
    """Counts of predicted exclusives against gold exclusives (judged by the shared spans)."""
    predicted = list(predicted)
    counts = Counts(gold=len(gold), predicted=len(predicted))
    counts.recalled = sum(any(overlaps(texts, g, p) for p in predicted) for g in gold)
    for p in predicted:
        right = any(overlaps(texts, p, g) for g in gold)
        counts.right += right
        counts.judged += right or any(overlaps(texts, p, s) for s in shared)
    return counts
