"""The join decision of story clustering: a logistic model over the evidence that an
article (or a story) and a story tell the same story.

The clusterer (:mod:`newsprism.cluster.stories`) measures, for an article and a
candidate story, the signals in :data:`FEATURES`, and joins the candidate with the
highest probability if it reaches ``ClusterOptions.join_probability``. Two stories are
merged by the same model, measured between the two stories; where both have two or more
members, a second model of the same features, fitted on story-to-story examples alone
(the kind's ``story`` entry, :func:`load_story_model`), must agree
(:mod:`newsprism.cluster.consolidate`).

The coefficients are data, fitted on labelled sets (``join_model.json`` beside this
module, one model per vectorizer kind); the file records how each model was fitted,
and ``eval/clustering_fit.py`` refits it. Missing evidence is not negative evidence:
an article without a title, without names or without a date gets 0 for that signal
and the matching ``no_*`` indicator instead, so the model learns what the other
signals are worth on their own (time in particular never splits undated articles).
"""

from __future__ import annotations

import json
import logging
import math
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

logger = logging.getLogger(__name__)

__all__ = [
    "FEATURES",
    "Evidence",
    "JoinModel",
    "cohesion",
    "fitted",
    "lead_margins",
    "load_model",
    "load_story_model",
    "names_gap",
    "number_keys",
    "with_lead",
]

# The signals, in the order of a model's weights:
# - text_mean: mean cosine of the article's text vector with the story's members'
#   (average linkage); text_centroid: cosine with the story's unit centroid;
# - title: the best cosine of its headline with a member headline (0 without one),
#   no_title: 1 when either side has no headline;
# - names / speakers: IDF-weighted Jaccard of entity names / quoted speakers with the
#   story's (0 when either side has none), no_names: 1 when either side has no names;
# - gap: log(1 + days between the article and the story's span), when both are dated
#   (0 otherwise: an undated side counts as a gap of 0, so time never splits it);
# - cohesion: the mean cosine between the story's own members (over the pairs of
#   distinct members; two stories: over both stories' pairs), no_cohesion: 1 when no
#   side has two members. A member of a story is about as close to the other members as
#   they are to each other, whatever the story's size, so text_mean is judged against
#   cohesion instead of against the size: a big story is joined like a small one.
# - numbers: Jaccard of the numbers written in the article (title and text, years left
#   out) with the story's, each story number weighed by the share of members that write
#   it (0 when either side has none); no_numbers: 1 when either side has none. Two
#   look-alike events (two earthquakes, two rehab stays) share their words and often
#   their names, but not their magnitudes, tolls, ages, scores and times: on ECB+'s
#   same-topic pairs 21 % of same-event pairs write no number in common against 63 % of
#   different-event pairs.
# - names_gap: names x log(1 + days) when both sides are dated (0 otherwise): shared
#   names are weighed against time. The same people and town the same day are one story;
#   days later they are a follow-up, filed as a story of its own (the generated stream's
#   gold). Without it the fit had to weigh every shared name low (cross-set ECB+ B3 F1
#   0.817 -> 0.851 with it; eval/clustering_fit.py), and an undated follow-up, which has
#   only its names to say where it belongs, was split from its story; with it, undated
#   names count in full: time is evidence when present, never a reason to split.
# - lead: how far the story stands out among the article's candidates, text_mean times
#   its margin over the best other candidate's (:func:`lead_margins`; negative for every
#   candidate but the nearest). Set by the clusterer's choice of a story for an article
#   where names were measured; 0 elsewhere (merges, splits, ``probability``). Three
#   outlets' reports of one story share a text cosine of only 0.15-0.35 (BASIL), where
#   look-alike events sit too, but their story is the article's nearest by far; fitted
#   after the other features, with their log-odds as an offset (eval/clustering_fit.py),
#   so the evidence merges and splits read keeps its weight. Cross-set B3 F1 BASIL 0.894
#   -> 0.950, ECB+ 0.925 -> 0.932, Multi-News 0.940 -> 0.942. Text alone does not tell a
#   look-alike event's first report from its story's next (ECB+ text only: B3 precision
#   0.967 -> 0.960 with the lead), hence names measured.
# - days: Jaccard of the calendar days the two sides' texts give (the analyser's dates
#   resolved to one day, :func:`~newsprism.cluster.signals.calendar_days`), a story's
#   days weighed by the share of its members that give them (0 when either side gives
#   none: no indicator, since a day in conflict says little). Look-alike events differ
#   in their dates, but so do one story's reports (a follow-up names the day before, a
#   profile a birthday): over ECB+'s same-topic pairs a calendar day in common is given
#   by 9.4 % of same-event pairs and 1.1 % of look-alike pairs (Multi-News same story
#   19.2 %), while days that differ are as common within a Multi-News story as between
#   ECB+'s look-alikes (measured at stop 42). So only a shared day is evidence.
FEATURES: Final = (
    "text_mean",
    "text_centroid",
    "cohesion",
    "no_cohesion",
    "title",
    "no_title",
    "names",
    "speakers",
    "no_names",
    "gap",
    "numbers",
    "no_numbers",
    "names_gap",
    "lead",
    "days",
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What is known about an article (or story) and a story; None = not measurable."""

    text_mean: float
    text_centroid: float
    title: float | None
    names: float | None
    speakers: float | None
    gap_days: float | None
    cohesion: float | None = None
    numbers: float | None = None
    names_gap: float | None = None
    lead: float | None = None
    days: float | None = None

    def features(self) -> tuple[float, ...]:
        """The values of :data:`FEATURES`."""
        return (
            self.text_mean,
            self.text_centroid,
            self.cohesion or 0.0,
            1.0 if self.cohesion is None else 0.0,
            self.title or 0.0,
            1.0 if self.title is None else 0.0,
            self.names or 0.0,
            self.speakers or 0.0,
            1.0 if self.names is None else 0.0,
            math.log1p(self.gap_days) if self.gap_days is not None else 0.0,
            self.numbers or 0.0,
            1.0 if self.numbers is None else 0.0,
            self.names_gap or 0.0,
            self.lead or 0.0,
            self.days or 0.0,
        )


@dataclass(frozen=True)
class JoinModel:
    """``p = 1 / (1 + exp(-(intercept + weights . features)))``."""

    intercept: float
    weights: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.weights) != len(FEATURES):
            raise ValueError(f"a join model needs {len(FEATURES)} weights, got {len(self.weights)}")

    def logit(self, evidence: Evidence) -> float:
        """The log-odds that the two sides are one story."""
        values = evidence.features()
        return self.intercept + sum(w * v for w, v in zip(self.weights, values, strict=True))

    def probability(self, evidence: Evidence) -> float:
        z = self.logit(evidence)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def as_dict(self) -> dict[str, Any]:
        weights = dict(zip(FEATURES, self.weights, strict=True))
        return {"intercept": self.intercept, "weights": weights}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JoinModel:
        # A feature the model was fitted without (an older file) weighs nothing.
        weights = data["weights"]
        return cls(
            float(data["intercept"]), tuple(float(weights.get(name, 0.0)) for name in FEATURES)
        )


def cohesion(total_sq: float, size: int) -> float | None:
    """The mean cosine over the pairs of distinct members of a story of ``size`` unit
    vectors whose sum has squared norm ``total_sq`` (``|sum|^2 = size + sum over ordered
    pairs``); None below two members."""
    if size < 2:
        return None
    return (total_sq - size) / (size * (size - 1))


def pooled_cohesion(first: tuple[float, int], second: tuple[float, int]) -> float | None:
    """The mean cosine over the within-story pairs of two stories together, each given as
    (squared norm of its sum, size); None when neither has two members."""
    pairs = [(s * (s - 1), cohesion(t, s)) for t, s in (first, second)]
    known = [(n, c) for n, c in pairs if c is not None]
    if not known:
        return None
    return sum(n * c for n, c in known) / sum(n for n, _ in known)


def names_gap(names: float | None, gap_days: float | None) -> float | None:
    """Shared names discounted by time: the name overlap times log(1 + days apart); None
    when either is unknown (undated: the names count in full)."""
    if names is None or gap_days is None:
        return None
    return names * math.log1p(gap_days)


def lead_margins(text_means: list[float]) -> list[float]:
    """Each candidate's ``lead``: its text_mean times its margin over the best other
    candidate's text_mean (over 0 when it is the only one)."""
    if not text_means:
        return []
    top = max(range(len(text_means)), key=text_means.__getitem__)  # the first on a tie
    first = text_means[top]
    second = max((t for i, t in enumerate(text_means) if i != top), default=0.0)
    return [t * (t - (second if i == top else first)) for i, t in enumerate(text_means)]


def with_lead(evidence: Evidence, lead: float) -> Evidence:
    """``evidence`` with its ``lead`` (from :func:`lead_margins`), where names were
    measured: text alone does not tell a look-alike event's first report from a
    follow-up (see :data:`FEATURES`). Built field by field: ``dataclasses.replace``
    costs several times as much, and the join sets it once per candidate."""
    if evidence.names is None:
        return evidence
    return Evidence(
        evidence.text_mean,
        evidence.text_centroid,
        evidence.title,
        evidence.names,
        evidence.speakers,
        evidence.gap_days,
        evidence.cohesion,
        evidence.numbers,
        evidence.names_gap,
        lead,
        evidence.days,
    )


# A number as written: digits with inner separators ("1,200", "6.1", "3:30"), not part
# of a word ("G20", "COVID-19" are names, not quantities).
_NUMBER = re.compile(r"(?<![\w.,:-])\d+(?:[.,:]\d+)*(?![\w-])")
# Four-digit years: background ("since 2008", "the 2012 election") more often than a
# fact of the event; on ECB+ adding them made the pair model's log-loss worse.
_YEAR = re.compile(r"(?:19|20)\d\d")


def number_keys(text: str) -> frozenset[str]:
    """The numbers an article writes, as keys compared between articles: thousands
    separators dropped ("1,200" = "1200"), years left out. Cost: one regex pass."""
    keys = set()
    for match in _NUMBER.finditer(text):
        written = match.group()
        key = written.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", written) else written
        if not _YEAR.fullmatch(key):
            keys.add(key)
    return frozenset(keys)


_MODEL_FILE: Final = "join_model.json"


def _models() -> dict[str, Any]:
    text = resources.files("newsprism.cluster").joinpath(_MODEL_FILE).read_text(encoding="utf-8")
    return dict(json.loads(text)["models"])


def fitted(kind: str) -> bool:
    """Whether the packaged model for ``kind`` may serve ``embeddings="auto"``. A model
    marked ``provisional`` is used only when asked for: hand-set coefficients awaiting a
    fit, or a fitted model kept out of ``auto`` on purpose (the dense one: see
    ``AUTO_KINDS`` in eval/clustering_fit.py)."""
    model = _models().get(kind)
    return model is not None and not model.get("provisional", False)


def load_model(kind: str) -> JoinModel:
    """The packaged model for a vectorizer kind ("lexical" or "dense")."""
    models = _models()
    if kind not in models:
        raise KeyError(f"{_MODEL_FILE} has no model for the {kind} vectorizer")
    return JoinModel.from_dict(models[kind])


def load_story_model(kind: str) -> JoinModel | None:
    """The packaged model of story-to-story decisions for a vectorizer kind (its
    ``story`` entry), or None where the file has none (the join model then decides)."""
    story = _models().get(kind, {}).get("story")
    return JoinModel.from_dict(story) if isinstance(story, dict) else None
