"""Upper bounds of the join model's log-odds before every signal is measured: what lets
the clusterer skip a candidate story that cannot win without measuring it whole.

Scoring a candidate is most of an add's cost, and most of that is the evidence that
needs a loop or a matrix product: the IDF-weighted name and speaker overlaps, the numbers'
overlap and the best headline cosine. The text cosines, the cohesion and the time gap
are a few dot products. :class:`LogitBound` takes an :class:`~newsprism.cluster.join.Evidence`
whose expensive fields are :data:`UNMEASURED` (present on both sides, value not yet
known) and returns the largest log-odds any value of them could give. A candidate whose
bound is below the best margin found so far (or below the cut) cannot be joined, so it
is not measured further; the decision is the one full scoring gives (a tested property).

The bound assumes nothing about the model but checks what it uses: for each field it
finds, on a fixed grid of reference evidences, whether the log-odds is linear in the
field with the same slope everywhere (true of a logistic model over these features); a
field where that fails is never bounded (its candidates are always measured).
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import fields, replace
from functools import lru_cache
from operator import itemgetter
from typing import Final, TypeVar

from newsprism.cluster.join import FEATURES, Evidence, JoinModel

logger = logging.getLogger(__name__)

__all__ = [
    "BOUNDED_FIELDS",
    "UNMEASURED",
    "Caps",
    "LogitBound",
    "is_unmeasured",
    "overlap_of",
    "unmeasured",
]

Candidate = TypeVar("Candidate")
# Upper bounds of some unmeasured fields' values, by field name.
Caps = Mapping[str, float]

# A field that both sides have but that is not measured yet.
UNMEASURED: Final = math.nan
# The range each bounded field can take when present: overlaps are Jaccard ratios in
# [0, 1]; a cosine of unit vectors is in [-1, 1], widened for headline vectors stored as
# float16 (each component rounded by at most 2^-11 of itself: |cos| <= 1.001).
BOUNDED_FIELDS: Final = {
    "names": (0.0, 1.0),
    "speakers": (0.0, 1.0),
    "numbers": (0.0, 1.0),
    # names x log(1 + days): a join or merge is scored within window_days, far below this
    "names_gap": (0.0, 12.0),
    "title": (-1.01, 1.01),
}
# Evidence's fields in order: a bound's evidence is made from them (dataclasses.replace
# costs three times as much, and a bound is made for every candidate of every add).
_EVIDENCE_FIELDS: Final = tuple(f.name for f in fields(Evidence))
# Added to every bound: the log-odds is a float sum of a dozen products of size <= ~50,
# so rounding differs between the bound and the exact score by ~1e-13 at most.
_SLACK: Final = 1e-9
# How far the log-odds may stray from linear in a field for it to be bounded.
_LINEAR_TOLERANCE: Final = 1e-9


def unmeasured(present: bool) -> float | None:
    """The placeholder of a bounded field: :data:`UNMEASURED` if both sides have it,
    None (absent, the model's ``no_*`` case) if not."""
    return UNMEASURED if present else None


def is_unmeasured(value: float | None) -> bool:
    """Whether a field is :data:`UNMEASURED` (present, value not yet known)."""
    return value is not None and math.isnan(value)


def overlap_of(first: Collection[str], second: Mapping[str, object]) -> float | None:
    """What an overlap field of two sides' keys is before it is measured: None when
    either side has none (absent), 0 when they share none (its exact value, found in
    O(the smaller side) without weighing a name), else :data:`UNMEASURED`."""
    if not first or not second:
        return None
    return 0.0 if second.keys().isdisjoint(first) else UNMEASURED


class LogitBound:
    """Join margins (``model``'s log-odds less ``cut``) and their upper bounds over the
    values the unmeasured fields can take; the pick of the best candidate with them.

    Cost: one model evaluation a bound; the first for a model, ~1,500 (about 10 ms).
    """

    def __init__(self, model: JoinModel, cut: float = 0.0) -> None:
        self._model = model
        self._cut = cut
        self._best = _maximisers(model)
        loose = [field for field, best in self._best.items() if best is None]
        if loose:
            logger.info("join model not linear in %s: those fields are not bounded", loose)
        self._slots = _feature_slots(model) if not loose else None
        if self._slots is not None and not self._slots_agree():
            self._slots = None

    def margin(self, evidence: Evidence) -> float:
        """The join margin of measured evidence (joined at >= 0)."""
        return self._model.logit(evidence) - self._cut

    def ceiling(self, evidence: Evidence | float, caps: Caps | None = None) -> float:
        """An upper bound of the margin over every value of the fields of ``evidence``
        that are :data:`UNMEASURED` (its exact margin when none is; a margin given as a
        float is exact already). ``caps`` may hold an upper bound of an unmeasured
        field's value (e.g. :func:`~newsprism.cluster.hot.overlap_cap`): where the
        log-odds rises with that field, the bound is taken there instead of at the top
        of the field's range, which is sound because the log-odds is linear in it."""
        if not isinstance(evidence, Evidence):
            return evidence
        if self._slots is not None:
            return self._linear_ceiling(evidence, caps)
        fill: dict[str, float] = {}
        for field in BOUNDED_FIELDS:
            if is_unmeasured(getattr(evidence, field)):
                best = self._fill(field, caps)
                if best is None:
                    return math.inf
                fill[field] = best
        if not fill:
            return self.margin(evidence)
        filled = Evidence(*[fill.get(name, getattr(evidence, name)) for name in _EVIDENCE_FIELDS])
        ceiling = self.margin(filled) + _SLACK
        return math.inf if math.isnan(ceiling) else ceiling

    def _fill(self, field: str, caps: Caps | None) -> float | None:
        """The value of an unmeasured field that the bound takes (None: unbounded)."""
        best = self._best[field]
        cap = caps.get(field) if caps else None
        low, high = BOUNDED_FIELDS[field]
        if best is not None and cap is not None and best == high:
            return max(low, min(high, cap))
        return best

    def _linear_ceiling(self, evidence: Evidence, caps: Caps | None) -> float:
        """:meth:`ceiling` for a plain :class:`JoinModel`: the fills go straight into
        the feature values (an unmeasured field's feature is NaN) and the log-odds is
        summed as ``JoinModel.logit`` sums it, without making a filled Evidence (a
        third of the cost; checked equal to the general path when the bound is made)."""
        values = list(evidence.features())
        filled = False
        for field, slot in self._slots.items():  # type: ignore[union-attr]
            if values[slot] != values[slot]:  # NaN: unmeasured
                values[slot] = self._fill(field, caps) or 0.0
                filled = True
        model = self._model
        logit = model.intercept + sum(w * v for w, v in zip(model.weights, values, strict=True))
        if not filled:
            return logit - self._cut
        ceiling = logit - self._cut + _SLACK
        return math.inf if math.isnan(ceiling) else ceiling

    def _slots_agree(self) -> bool:
        """Whether the feature-level ceiling gives the general one's floats on the
        reference evidences, every bounded field unmeasured, with and without caps."""
        slots, unmeasured_all = self._slots, dict.fromkeys(BOUNDED_FIELDS, UNMEASURED)
        caps = dict.fromkeys(BOUNDED_FIELDS, 0.37)
        for reference in _references():
            for hidden in (unmeasured_all, {"names": UNMEASURED, "names_gap": UNMEASURED}, {}):
                evidence = replace(reference, **hidden)
                for limits in (None, caps):
                    self._slots = None
                    general = self.ceiling(evidence, limits)
                    self._slots = slots
                    if self.ceiling(evidence, limits) != general:
                        logger.info("join model's features do not match: general bound used")
                        return False
        return True

    def pick(
        self,
        known: Iterable[tuple[Evidence | float, int, Candidate]],
        measure: Callable[[Candidate, Evidence, float, Caps | None], Evidence | None],
        caps: Callable[[Candidate, Evidence], Caps] | None = None,
    ) -> Candidate | None:
        """The candidate of the best margin if it reaches 0 (see :meth:`best`)."""
        best = self.best(known, measure, caps)
        return best[2] if best is not None else None

    def best(
        self,
        known: Iterable[tuple[Evidence | float, int, Candidate]],
        measure: Callable[[Candidate, Evidence, float, Caps | None], Evidence | None],
        caps: Callable[[Candidate, Evidence], Caps] | None = None,
        floor: float = 0.0,
        gate: LogitBound | None = None,
    ) -> tuple[float, int, Candidate] | None:
        """(margin, -key, candidate) of the best margin (the lowest key on a tie) if it
        reaches 0, else None: what scoring every candidate in full picks. ``known``
        holds each candidate's cheap evidence (or its exact margin) and key; ``caps``
        gives upper bounds of a candidate's unmeasured fields (see :meth:`ceiling`);
        ``measure`` measures the rest of one, or gives None once it cannot reach the
        floor given (its caps are passed on). Candidates are measured in the order of
        their bounds, and not at all once the bound is below the best margin so far (or
        0, or ``floor``, a margin found elsewhere, if higher): they cannot be picked.
        With ``gate``, a candidate whose bound under ``gate``'s model is below its cut
        is not measured either (it must reach both)."""
        bounded = []
        for seen, key, candidate in known:
            limits = (
                caps(candidate, seen) if caps is not None and isinstance(seen, Evidence) else None
            )
            if gate is not None and gate.ceiling(seen, limits) < 0.0:
                continue
            bounded.append((self.ceiling(seen, limits), -key, seen, candidate, limits))
        bounded.sort(key=itemgetter(0, 1), reverse=True)
        best: tuple[float, int, Candidate] | None = None
        start = floor = max(0.0, floor)
        for ceiling, order, seen, candidate, limits in bounded:
            if ceiling < floor:
                break  # the rest are bounded lower still
            full = measure(candidate, seen, floor, limits) if isinstance(seen, Evidence) else seen
            if full is None:
                continue
            margin = self.margin(full) if isinstance(full, Evidence) else full
            if best is None or (margin, order) > best[:2]:
                best = (margin, order, candidate)
            floor = max(floor, margin)
        return best if best is not None and best[0] >= start else None


def _feature_slots(model: JoinModel) -> dict[str, int] | None:
    """Each bounded field's index among :data:`FEATURES`, for a plain
    :class:`JoinModel` (whose log-odds is the weighted sum of those features)."""
    if type(model) is not JoinModel or not set(BOUNDED_FIELDS) <= set(FEATURES):
        return None
    return {field: FEATURES.index(field) for field in BOUNDED_FIELDS}


@lru_cache(maxsize=8)
def _maximisers(model: JoinModel) -> dict[str, float | None]:
    """Per bounded field, the value that maximises the log-odds (None: not bounded)."""
    return {
        field: _maximiser(model, field, low, high) for field, (low, high) in BOUNDED_FIELDS.items()
    }


def _maximiser(model: JoinModel, field: str, low: float, high: float) -> float | None:
    """The end of ``field``'s range that maximises the log-odds, if the log-odds is
    linear in the field with one slope at every reference evidence; None if not."""
    slopes = []
    for reference in _references():
        at = [model.logit(replace(reference, **{field: v})) for v in (low, (low + high) / 2, high)]
        if abs(at[1] - (at[0] + at[2]) / 2) > _LINEAR_TOLERANCE * (1 + abs(at[1])):
            return None
        slopes.append(at[2] - at[0])
    if max(slopes) - min(slopes) > _LINEAR_TOLERANCE * (1 + max(abs(s) for s in slopes)):
        return None
    return high if slopes[0] >= 0 else low


def _references() -> list[Evidence]:
    """Evidences over the other fields' values, each absent and present."""
    grid = itertools.product(
        (0.1, 0.7), (None, 0.5), (None, 0.5), (None, 0.5), (None, 2.0), (None, 0.4), (None, 0.3)
    )
    return [
        Evidence(
            text_mean=text,
            text_centroid=1.0 - text,
            title=title,
            names=names,
            speakers=speakers,
            gap_days=gap,
            cohesion=cohesion,
            numbers=numbers,
        )
        for text, title, names, speakers, gap, cohesion, numbers in grid
    ]
