"""Support means agreement: a summary sentence is backed only by outlets whose own
sentence agrees on the numbers, the negation and the actors (invented stories, and every
sample story grouped by its gold file, without the clusterer)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.analyze.batch import analyze_stored
from newsprism.ingest import read_inputs
from newsprism.model import Article, Passage, Story, article_id
from newsprism.reconcile.agreement import agreement, negated, numbers_clash, quantities_in
from newsprism.reconcile.antonyms import antonym_clash
from newsprism.reconcile.material import StoryMaterial, fold_outlets
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.summary import summarize
from newsprism.store import Store
from tests.samples_material import SAMPLES, ref_of

CET = timezone(timedelta(hours=1))


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _material(analyzer: Analyzer, items: Sequence[tuple[str, str]]) -> StoryMaterial:
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet,
                title=f"{outlet} report", published=datetime(2026, 5, 6, 9 + n, tzinfo=CET),
                language="en")
        for n, (outlet, text) in enumerate(items)
    ]  # fmt: skip
    analyses = {a.id: x for a, x in zip(articles, analyzer.analyze_many(articles), strict=True)}
    return StoryMaterial(Story("s", "invented", tuple(a.id for a in articles)), articles, analyses)


FERRY_A = (
    "The ferry collided with a fishing boat in the Tessel harbour mouth on Wednesday morning.\n\n"
    "Fourteen people were injured in the collision and taken to the Tessel hospital.\n\n"
    "The harbour board said the ferry had passed its last safety inspection in March.\n\n"
    "Ferry services between Tessel and Brisk were suspended for the rest of the day."
)
FERRY_B = (
    "A ferry and a fishing boat collided in the mouth of Tessel harbour on Wednesday morning.\n\n"
    "Nineteen people were injured in the collision and taken to the Tessel hospital.\n\n"
    "The harbour board said the ferry had failed its last safety inspection in March.\n\n"
    "Ferry services between Tessel and Brisk were suspended for the rest of the day."
)
FERRY_C = (
    "The ferry hit a fishing boat in the Tessel harbour mouth on Wednesday morning.\n\n"
    "Fourteen people were injured in the collision and were taken to the Tessel hospital.\n\n"
    "Ferry services between Tessel and Brisk were suspended for the rest of the day."
)


def test_a_different_number_disputes_instead_of_supporting(analyzer: Analyzer) -> None:
    material = _material(analyzer, [("Coast Post", FERRY_A), ("Brisk Daily", FERRY_B),
                                    ("Tessel Courier", FERRY_C)])  # fmt: skip
    a, b, _ = material.articles
    brief = summarize(material, LexicalSimilarity())
    injured = [s for s in brief if "injured" in s.passage.text]
    assert injured, [s.passage.text for s in brief]
    for sentence in injured:
        texts = {p.article: p.text for p in sentence.support}
        # 14 and 19 never back each other; the outlet with the other figure disputes
        assert not {a.id, b.id} <= set(sentence.sources)
        assert sentence.disputed
        assert all(("Fourteen" in t) == ("Fourteen" in sentence.passage.text)
                   for t in texts.values())  # fmt: skip
    # every supporter's own span is exact, one per source, in sources order
    for sentence in brief:
        assert tuple(p.article for p in sentence.support) == sentence.sources
        for p in sentence.support:
            assert material.by_id[p.article].text[p.start : p.end] == p.text


def test_agreement_rules(analyzer: Analyzer) -> None:
    material = _material(analyzer, [("Coast Post", FERRY_A), ("Brisk Daily", FERRY_B),
                                    ("Tessel Courier", FERRY_C)])  # fmt: skip
    a, b, c = (material.sentences(x.id) for x in material.articles)
    injured_a = next(s for s in a if "injured" in s.text)
    injured_b = next(s for s in b if "injured" in s.text)
    injured_c = next(s for s in c if "injured" in s.text)
    inspection_a = next(s for s in a if "inspection" in s.text)
    inspection_b = next(s for s in b if "inspection" in s.text)
    assert agreement(material, injured_a, injured_b) == "differ"
    assert agreement(material, injured_a, injured_c) == "agree"
    assert agreement(material, inspection_a, inspection_b) == "differ"  # passed / failed
    assert numbers_clash(quantities_in(material, injured_a), quantities_in(material, injured_b))


PLANE_A = (
    "The plane landed safely, with none of the 140 passengers and six crew members on "
    "board injured, airline spokesman Tom Reed said."
)
PLANE_B = (
    "Six crew members and 140 passengers were aboard the plane at the time, airline "
    "spokesman Tom Reed told reporters."
)


def _first(material: StoryMaterial, n: int) -> Passage:
    return material.sentences(material.articles[n].id)[0]


def test_a_negation_of_another_deed_disputes_nothing(analyzer: Analyzer) -> None:
    # "none ... injured" denies injuries, not that the passengers were aboard
    material = _material(analyzer, [("Coast Post", PLANE_A), ("Brisk Daily", PLANE_B)])
    assert agreement(material, _first(material, 0), _first(material, 1)) == "other"
    assert agreement(material, _first(material, 1), _first(material, 0)) == "other"
    assert not any(s.disputed for s in summarize(material, LexicalSimilarity()))
    # "no arrests" denies arrests, not the fine the other sentence tells of
    fine = _material(analyzer, [
        ("Coast Post", "No arrests had been made, but the Tessel club faces a fine of "
                       "20,000 euros for the pitch invasion."),
        ("Brisk Daily", "The Tessel club faces a fine of 20,000 euros for the pitch invasion "
                        "after the derby."),
    ])  # fmt: skip
    assert agreement(fine, _first(fine, 0), _first(fine, 1)) == "other"


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        (
            "No one was hurt when the Lorvik ferry struck the pier on Monday, the operator said.",
            "Three passengers were injured when the Lorvik ferry struck the pier on Monday, "
            "the operator said.",
        ),
        (
            "Nobody died in the fire at the Tessel warehouse on Sunday, the brigade said.",
            "Two workers were killed in the fire at the Tessel warehouse on Sunday, the "
            "brigade said.",
        ),
        (
            "The Lorvik council did not approve the harbour levy on Monday.",
            "The Lorvik council passed the harbour levy on Monday.",
        ),
    ],
)
def test_a_denial_told_in_other_words_still_differs(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    # hurt / injured, died / killed, approve / passed: one act in other words (review s40)
    material = _material(analyzer, [("Coast Post", denial), ("Brisk Daily", assertion)])
    assert agreement(material, _first(material, 0), _first(material, 1)) == "differ"


def test_same_deed_joins_only_one_act_told_in_other_words() -> None:
    from newsprism.reconcile.negation_scope import same_deed

    assert same_deed("hurt", "injure") and same_deed("injury", "wound")
    assert same_deed("die", "kill") and same_deed("death", "dead")
    assert same_deed("approve", "pass") and same_deed("approval", "adopt")
    assert not same_deed("hurt", "kill") and not same_deed("approve", "injure")
    assert not same_deed("pass", "passenger") and not same_deed("dead", "deadline")


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [
        ("Several passengers were injured when the plane landed, the airline said.", PLANE_A),
        (
            "No arrests had been made after the pitch invasion, police said.",
            "The police arrested two men after the pitch invasion, police said.",
        ),
        (
            "Talks between the union and the port have not resumed, the union said.",
            "Talks between the union and the port resumed on Monday, the union said.",
        ),
        (
            "There were no injuries when the plane landed, the airline said.",
            "Two passengers were injured when the plane landed, the airline said.",
        ),
    ],
)
def test_a_negation_of_the_same_deed_still_disputes(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    material = _material(analyzer, [("Coast Post", assertion), ("Brisk Daily", denial)])
    assert agreement(material, _first(material, 0), _first(material, 1)) == "differ"
    assert agreement(material, _first(material, 1), _first(material, 0)) == "differ"


def test_negation_and_antonym_cues() -> None:
    assert negated("Talks have not resumed.") and not negated("Talks resumed on Monday.")
    assert not negated("Not only the port but also the rail yard closed.")
    assert antonym_clash("Prices rose in May.", "Prices fell in May.")
    assert not antonym_clash("Prices rose, then fell.", "Prices fell.")
    assert antonym_clash("The court acquitted him.", "The court convicted him.")


def test_outlet_name_variants_fold() -> None:
    folded = fold_outlets(["Newsfeedr", "Newsfeedr Media", "Newsfeedr", "Daily Meridian"])
    assert folded["Newsfeedr Media"] == "Newsfeedr" == folded["Newsfeedr"]
    assert folded["Daily Meridian"] == "Daily Meridian"
    assert (
        fold_outlets(["The Harbour Herald", "Harbour Herald Online"])["The Harbour Herald"]
        == fold_outlets(["The Harbour Herald", "Harbour Herald Online"])["Harbour Herald Online"]
    )


# --- every sample story (grouped by its gold file, not by the clusterer) -----------------


def sample_materials(db: Path) -> dict[str, StoryMaterial]:
    """Each gold story of samples/ as material: its gold articles, analysed."""
    articles = [a for a in read_inputs([str(SAMPLES / "stories")]) if isinstance(a, Article)]
    refs = {ref_of(a): a for a in articles}
    result = {}
    with Store(db) as store:
        store.add_articles(articles)
        analyses = analyze_stored(store, [a.id for a in articles])
    for path in sorted((SAMPLES / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        members = [refs[item["ref"]] for item in gold["articles"] if item["ref"] in refs]
        story = Story(gold["story"], gold["story"], tuple(a.id for a in members))
        result[gold["story"]] = StoryMaterial(
            story, members, {a.id: analyses[a.id] for a in members if a.id in analyses}
        )
    return result


def assert_support_agrees(material: StoryMaterial) -> None:
    """No supporter's own sentence differs from the summary sentence on a number or a
    negation (the check the support rule promises)."""
    for sentence in summarize(material, LexicalSimilarity()):
        mine = quantities_in(material, sentence.passage)
        for passage in sentence.support:
            if passage == sentence.passage:
                continue
            assert not numbers_clash(mine, quantities_in(material, passage)), (
                sentence.passage.text, passage.text)  # fmt: skip
            assert negated(passage.text) == negated(sentence.passage.text), (
                sentence.passage.text, passage.text)  # fmt: skip


def test_every_sample_story_support_agrees(tmp_path: Path) -> None:
    materials = sample_materials(tmp_path / "samples.db")
    assert len(materials) == 3
    for material in materials.values():
        assert len(material.articles) >= 5
        assert_support_agrees(material)
