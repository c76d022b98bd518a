"""The join model: its evidence features, the packaged coefficients, and the fit that
makes them (eval/clustering_fit.py)."""

from __future__ import annotations

import json
import math
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from newsprism.cluster.join import (
    FEATURES,
    Evidence,
    JoinModel,
    cohesion,
    fitted,
    lead_margins,
    load_model,
    load_story_model,
    names_gap,
    number_keys,
    pooled_cohesion,
    with_lead,
)
from newsprism.cluster.options import ClusterOptions
from newsprism.cluster.stories import ArticleSignals, StoryClusterer

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from clustering_fit import Examples, fit

EVIDENCE = Evidence(0.3, 0.4, 0.5, 0.2, None, 2.0, 0.35)


def test_missing_evidence_is_zero_with_its_indicator_not_a_penalty() -> None:
    values = dict(
        zip(FEATURES, Evidence(0.3, 0.4, None, None, None, None, None).features(), strict=True)
    )
    assert values["title"] == values["names"] == values["gap"] == values["cohesion"] == 0.0
    assert values["no_title"] == values["no_names"] == values["no_cohesion"] == 1.0
    assert values["numbers"] == 0.0 and values["no_numbers"] == 1.0


def test_an_undated_side_scores_as_a_gap_of_zero() -> None:
    model = load_model("lexical")
    undated = Evidence(0.3, 0.4, 0.5, 0.2, None, None, 0.35)
    same_day = Evidence(0.3, 0.4, 0.5, 0.2, None, 0.0, 0.35)
    assert model.logit(undated) == pytest.approx(model.logit(same_day))


def _named(gap: float | None, names: float) -> Evidence:
    return Evidence(0.3, 0.4, 0.5, names, None, gap, 0.35, names_gap=names_gap(names, gap))


def test_shared_names_count_in_full_undated_and_less_the_further_apart_in_time() -> None:
    """A follow-up with the same people days later is a new story (the stream's gold);
    the same names on the same day, or with no date to say otherwise, are one story."""
    model = load_model("lexical")
    assert names_gap(0.6, None) is None and names_gap(0.6, 0.0) == 0.0
    assert names_gap(0.6, 4.0) == pytest.approx(0.6 * math.log(5.0))
    assert model.logit(_named(None, 0.6)) == pytest.approx(model.logit(_named(0.0, 0.6)))
    shared = model.logit(_named(0.0, 0.6)) - model.logit(_named(5.0, 0.6))
    unshared = model.logit(_named(0.0, 0.0)) - model.logit(_named(5.0, 0.0))
    assert shared > unshared > 0


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    model = JoinModel(-1.0, tuple(0.5 for _ in FEATURES))
    z = -1.0 + 0.5 * sum(EVIDENCE.features())
    assert model.probability(EVIDENCE) == pytest.approx(1 / (1 + math.exp(-z)))
    assert JoinModel.from_dict(model.as_dict()) == model


def test_cohesion_is_the_mean_cosine_between_distinct_members() -> None:
    rng = np.random.default_rng(3)
    members = rng.normal(size=(5, 16))
    members /= np.linalg.norm(members, axis=1, keepdims=True)
    total = members.sum(axis=0)
    cosines = members @ members.T
    expected = (cosines.sum() - 5) / 20
    assert cohesion(float(total @ total), 5) == pytest.approx(expected)
    assert cohesion(1.0, 1) is None
    other = members[:2].sum(axis=0)
    pooled = pooled_cohesion((float(total @ total), 5), (float(other @ other), 2))
    assert pooled == pytest.approx((20 * expected + 2 * float(cosines[0, 1])) / 22)
    assert pooled_cohesion((1.0, 1), (1.0, 1)) is None


def test_a_model_needs_one_weight_per_feature() -> None:
    with pytest.raises(ValueError):
        JoinModel(0.0, (1.0,))


@pytest.mark.parametrize("kind", ["lexical", "dense"])
def test_the_packaged_models_cover_every_feature_and_say_how_they_were_fitted(kind: str) -> None:
    data = json.loads(resources.files("newsprism.cluster").joinpath("join_model.json").read_text())
    assert set(data["models"][kind]["weights"]) == set(FEATURES)
    assert "how" in data["fit"]
    model = load_model(kind)
    closer = Evidence(0.6, 0.7, 0.5, 0.2, None, 2.0, 0.35)
    assert model.logit(closer) > model.logit(EVIDENCE)  # more alike, more likely
    assert model.weights[FEATURES.index("gap")] < 0  # further apart in time, less likely


def test_the_lexical_model_is_fitted() -> None:
    assert fitted("lexical")


def test_the_dense_model_keeps_templated_look_alikes_apart_and_joins_a_member() -> None:
    """Evidence shaped like the generated stream's (dense cosines of one kind of story
    near 0.5, shared cabinet names): the hand-set model joined both look-alikes (logit
    +0.9 and +0.3) and over-merged the stream (90 stories of 444); the fitted one
    weighs the text against the story's cohesion and shared names against days apart."""
    model = load_model("dense")
    follow_up = Evidence(0.55, 0.62, 0.6, 0.5, 0.3, 5.0, 0.75, 0.0, names_gap(0.5, 5.0))
    same_kind = Evidence(0.5, 0.57, 0.55, 0.2, 0.0, 0.0, 0.75, 0.0, names_gap(0.2, 0.0))
    member = Evidence(0.78, 0.88, 0.7, 0.6, 0.3, 0.0, 0.75, 0.4, names_gap(0.6, 0.0))
    assert model.probability(follow_up) < 0.5
    assert model.probability(same_kind) < 0.5
    assert model.probability(member) > 0.5


def test_a_fitted_model_of_a_kind_auto_does_not_choose_is_written_provisional(
    tmp_path: Path,
) -> None:
    from clustering_fit import write_model

    path = tmp_path / "join_model.json"
    kept = {"intercept": -1.0, "weights": dict.fromkeys(FEATURES, 0.5)}
    path.write_text(
        json.dumps({"fit": {"examples": {"lexical": [1]}}, "models": {"lexical": kept}})
    )
    model = JoinModel(-2.0, tuple(0.1 for _ in FEATURES))
    write_model({"dense": model}, {"how": "test", "examples": {"dense": [2]}}, path)
    data = json.loads(path.read_text())
    assert data["models"]["lexical"] == kept  # the kind not refitted is kept as it was
    assert data["fit"]["examples"] == {"lexical": [1], "dense": [2]}
    assert data["models"]["dense"]["provisional"] is True
    assert JoinModel.from_dict(data["models"]["dense"]) == model
    write_model({"lexical": model}, {"how": "test"}, path)
    assert "provisional" not in json.loads(path.read_text())["models"]["lexical"]


def _truth() -> np.ndarray:
    """Known weights, 0 for the second-stage features (fitted apart: see the next test)."""
    from clustering_fit import SECOND_STAGE

    truth = np.linspace(-2, 2, len(FEATURES))
    truth[[FEATURES.index(name) for name in SECOND_STAGE]] = 0.0
    return truth


def test_the_fit_recovers_a_known_logistic_model() -> None:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(12000, len(FEATURES)))
    truth = _truth()
    y = (rng.random(12000) < 1 / (1 + np.exp(-(0.5 + x @ truth)))).astype(float)
    model = fit([Examples("a", x[:6000], y[:6000]), Examples("b", x[6000:], y[6000:])], l2=0.0)
    assert model.intercept == pytest.approx(0.5, abs=0.25)
    assert np.allclose(model.weights, truth, atol=0.25)


@pytest.mark.parametrize("late", ["lead"])
def test_a_second_stage_feature_is_fitted_second_and_takes_no_weight_from_the_others(
    late: str,
) -> None:
    """``lead`` is fitted with the other features' log-odds as an offset:
    the others' weights are those of the fit without them, and each gets a weight of its
    own."""
    from clustering_fit import SECOND_STAGE

    assert late in SECOND_STAGE
    rng = np.random.default_rng(5)
    x = rng.normal(size=(12000, len(FEATURES)))
    column = FEATURES.index(late)
    truth = _truth()
    for name in SECOND_STAGE:
        truth[FEATURES.index(name)] = 0.0
    truth[column] = 1.5
    y = (rng.random(12000) < 1 / (1 + np.exp(-(0.5 + x @ truth)))).astype(float)
    model = fit([Examples("a", x, y)], l2=0.0)
    without = x.copy()
    without[:, column] = 0.0
    alone = fit([Examples("a", without, y)], l2=0.0)
    second = [FEATURES.index(name) for name in SECOND_STAGE]
    others = [i for i in range(len(FEATURES)) if i not in second]
    assert np.allclose(np.asarray(model.weights)[others], np.asarray(alone.weights)[others])
    assert model.intercept == pytest.approx(alone.intercept)
    assert alone.weights[column] == 0.0
    assert model.weights[column] > 0.5


def test_days_are_held_at_zero_by_the_fit() -> None:
    """Review s43/g S1: a shared day alone joined unrelated reports of one news day, so a
    refit leaves ``days`` at 0 even where the rows reward it (and the others unchanged)."""
    from clustering_fit import HELD_AT_ZERO

    assert "days" in HELD_AT_ZERO
    rng = np.random.default_rng(5)
    x = rng.normal(size=(12000, len(FEATURES)))
    days = FEATURES.index("days")
    truth = _truth()
    truth[days] = 1.5
    y = (rng.random(12000) < 1 / (1 + np.exp(-(0.5 + x @ truth)))).astype(float)
    model = fit([Examples("a", x, y)], l2=0.0)
    without = x.copy()
    without[:, days] = 0.0
    assert model.weights[days] == 0.0
    assert model.as_dict() == fit([Examples("a", without, y)], l2=0.0).as_dict()


def test_fit_on_top_adds_a_second_stage_weight_and_keeps_every_other() -> None:
    """How the shipped model took ``days`` without a refit of its other weights."""
    from clustering_fit import fit_on_top

    rng = np.random.default_rng(7)
    x = rng.normal(size=(8000, len(FEATURES)))
    days = FEATURES.index("days")
    truth = _truth()
    truth[days] = 2.0
    y = (rng.random(8000) < 1 / (1 + np.exp(-(0.5 + x @ truth)))).astype(float)
    shipped = JoinModel(0.5, tuple(0.0 if i == days else t for i, t in enumerate(truth)))
    topped = fit_on_top(shipped, [Examples("a", x, y)], ("days",), l2=0.0)
    assert topped.intercept == shipped.intercept
    kept = [i for i in range(len(FEATURES)) if i != days]
    assert [topped.weights[i] for i in kept] == [shipped.weights[i] for i in kept]
    assert topped.weights[days] == pytest.approx(2.0, abs=0.2)


def test_lead_margins_weigh_each_candidates_margin_over_the_best_other() -> None:
    assert lead_margins([]) == []
    assert lead_margins([0.4]) == [pytest.approx(0.16)]  # no other candidate: margin over 0
    near, far, mid = lead_margins([0.3, 0.1, 0.2])
    assert near == pytest.approx(0.3 * 0.1)
    assert far == pytest.approx(0.1 * -0.2) and mid == pytest.approx(0.2 * -0.1)
    assert lead_margins([0.25, 0.25]) == [0.0, 0.0]  # a tie: neither stands out


def test_with_lead_sets_the_lead_where_names_were_measured_and_keeps_every_field() -> None:
    """One helper for the join's candidates and the consolidation's own-story odds
    (review s34/2 F6): built field by field, so a field added to Evidence must be
    carried here too."""
    full = Evidence(0.3, 0.4, 0.5, 0.2, 0.1, 2.0, 0.35, 0.15, 0.12, None)
    assert with_lead(full, 0.07) == replace(full, lead=0.07)
    text_only = Evidence(0.3, 0.4, 0.5, None, None, 2.0, 0.35)
    assert with_lead(text_only, 0.07) is text_only  # text alone: no lead


def test_the_teacher_measures_the_lead_against_the_products_rivals_only() -> None:
    """The fit's lead is the product's: rivals are the in-window candidates, so a stronger
    story outside the window (or the forced gold target) takes no lead from the others."""
    from clustering_fit import product_leads

    # 0.5 is out of the window: the product never sees it, so 0.3 leads 0.1 alone.
    inside, outside, weak = product_leads([(0.3, True), (0.5, False), (0.1, True)])
    assert [inside, weak] == pytest.approx(lead_margins([0.3, 0.1]))
    assert outside == pytest.approx(0.5 * (0.5 - 0.3))  # against the best rival
    assert product_leads([(0.3, True), (0.5, True)]) == pytest.approx(lead_margins([0.3, 0.5]))
    assert product_leads([(0.4, False)]) == [pytest.approx(0.16)]  # no rival: margin over 0


def _lead_model(lead_weight: float) -> JoinModel:
    """A model of text and, with ``lead_weight``, of standing out among the candidates."""
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("text_mean")] = 10.0
    weights[FEATURES.index("lead")] = lead_weight
    return JoinModel(-9.0, tuple(weights))


_CRANES = (
    "The harbour crane operators walked out over night shifts and the container terminal "
    "stood idle while ferries waited outside the breakwater."
)
_ORCHESTRA = (
    "The orchestra cancelled its winter season after the concert hall roof leaked onto the "
    "organ and the violin section rehearsed in a school gym."
)
_BAKERY = (
    "A bakery chain recalled seeded rye loaves because the labels left out sesame, and "
    "shoppers queued for refunds at every branch."
)


@pytest.mark.parametrize(
    ("lead_weight", "names", "joins"),
    [(0.0, True, False), (200.0, True, True), (200.0, False, False)],
)
def test_an_article_nearest_one_story_by_far_joins_it_when_standing_out_counts(
    lead_weight: float, names: bool, joins: bool
) -> None:
    """A follow-up that repeats the crane strike's report and adds a paragraph of its own
    (text cosine about 0.7, under this model's text cut of 0.9) is far nearer the strike
    than the other story: by text alone it opens a story, with the lead it joins. Without
    names the lead is not measured (text alone does not tell a look-alike event apart)."""

    def article(aid: str, text: str, name: str) -> ArticleSignals:
        return ArticleSignals(aid, None, None, text, frozenset({name} if names else ()))

    clusterer = StoryClusterer(ClusterOptions(embeddings="off", model=_lead_model(lead_weight)))
    clusterer.vectorizer.observe([_CRANES, _ORCHESTRA, _BAKERY])  # type: ignore[attr-defined]
    clusterer.add(article("strike", _CRANES, "Lorvik"))
    clusterer.add(article("concert", _ORCHESTRA, "Brenholm"))
    clusterer.add(article("follow-up", f"{_CRANES} {_BAKERY}", "Lorvik"))
    assert clusterer.story_of("strike") != clusterer.story_of("concert")
    assert (clusterer.story_of("follow-up") == clusterer.story_of("strike")) is joins


def test_number_keys_read_numbers_as_written_less_years_and_names() -> None:
    text = (
        "In 2008 a 6.1 quake at 3:30 p.m. killed 1,200 people in 12 towns, "
        "the G20 said; COVID-19 cases: 45."
    )
    assert number_keys(text) == {"6.1", "3:30", "1200", "12", "45"}
    assert number_keys("1,200 and 1200") == {"1200"}
    assert number_keys("No figures here.") == frozenset()


def _report(aid: str, toll: str, magnitude: str) -> ArticleSignals:
    text = (
        f"A magnitude {magnitude} earthquake struck the coastal province early on "
        f"Sunday, killing {toll} people and destroying hundreds of homes, officials "
        "said. Rescue teams searched the rubble of collapsed schools through the night "
        "while aftershocks rattled the region and survivors slept in the open."
    )
    return ArticleSignals(aid, None, "Earthquake kills villagers in coastal province", text)


def test_written_numbers_tell_look_alike_events_apart() -> None:
    """Two reports alike in every word but their toll and magnitude (two earthquakes of
    one kind) are less likely one story than two reports of the same figures."""
    clusterer = StoryClusterer(ClusterOptions(embeddings="off"))
    clusterer.vectorizer.observe([_report(str(n), "12", "6.1").text for n in range(3)])  # type: ignore[attr-defined]
    same = clusterer.probability(_report("a", "12", "6.1"), _report("b", "12", "6.1"))
    other = clusterer.probability(_report("a", "12", "6.1"), _report("c", "340", "7.4"))
    assert other < same
    assert load_model("lexical").weights[FEATURES.index("numbers")] > 0


def test_the_story_model_is_written_under_its_kind_and_read_back(tmp_path: Path) -> None:
    from clustering_fit import write_model

    path = tmp_path / "join_model.json"
    model = JoinModel(-2.0, tuple(0.1 for _ in FEATURES))
    story = JoinModel(-1.0, tuple(0.2 for _ in FEATURES))
    write_model({"lexical": model}, {"how": "test"}, path, stories={"lexical": story})
    written = json.loads(path.read_text())["models"]["lexical"]
    assert JoinModel.from_dict(written) == model
    assert JoinModel.from_dict(written["story"]) == story
    write_model({"dense": model}, {"how": "test"}, path)  # the lexical pair is kept whole
    assert JoinModel.from_dict(json.loads(path.read_text())["models"]["lexical"]["story"]) == story


def test_the_story_model_is_fitted_on_the_story_rows_alone() -> None:
    """Story rows that follow one model and article rows that follow its opposite: the
    story model recovers the first."""
    from clustering_fit import fit_story

    rng = np.random.default_rng(11)
    x = rng.normal(size=(8000, len(FEATURES)))
    truth = _truth()
    story = np.arange(8000) % 4 == 0
    z = np.where(story, x @ truth, -(x @ truth))
    y = (rng.random(8000) < 1 / (1 + np.exp(-z))).astype(float)
    model = fit_story([Examples("a", x, y, story=story)], l2=0.0)
    assert np.allclose(model.weights, truth, atol=0.4)


@pytest.mark.parametrize("kind", ["lexical", "dense"])
def test_the_packaged_story_model_covers_every_feature(kind: str) -> None:
    story = load_story_model(kind)
    assert story is not None
    assert story.weights[FEATURES.index("text_mean")] > 0  # closer texts, one story
