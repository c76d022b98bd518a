"""The shared deed and head words: one table read by facts' heads and by the negation
reader, so a word added for one reaches the other."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Story, article_id
from newsprism.reconcile.agreement import agreement
from newsprism.reconcile.deed_words import DEEDS, HEADS
from newsprism.reconcile.fact_items import _head
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.negation_scope import same_deed


def test_counts_of_the_hurt_share_one_head_whatever_the_word() -> None:
    # heads are the analyser's lemmas (nouns as "injury"), or participles as written
    heads = {_head(w) for w in ("wounded", "injured", "hurt", "injury", "wound")}
    assert heads == {"injure"}


def test_counts_of_the_dead_share_one_head_whatever_the_word() -> None:
    heads = {_head(w) for w in ("killed", "dead", "deaths", "fatality", "die")}
    assert heads == {"kill"}


def test_people_and_protesters_under_other_nouns_are_one_count() -> None:
    assert _head("persons") == _head("people") == "people"
    assert _head("demonstrators") == _head("protestors") == "protester"


def test_the_hurt_and_the_dead_stay_two_counts() -> None:
    assert _head("injured") != _head("killed")


def test_an_approval_is_a_deed_but_never_a_count_head() -> None:
    assert ("approve", "pass", "adopt") in DEEDS
    assert not {"approve", "pass", "adopt"} & HEADS.keys()
    # no count of passes (or of adoptions) becomes a count of approvals
    approvals = {_head(w) for w in ("approvals", "approved")}
    assert not {_head("passes"), _head("adoptions")} & approvals


def test_a_denial_meets_the_deed_told_in_another_word() -> None:
    assert same_deed("hurt", "injure")
    assert same_deed("die", "kill")
    assert same_deed("approve", "pass")


def test_a_denial_of_fatalities_meets_a_killing() -> None:
    # "there were no fatalities" / "two workers were killed": the facts' table had
    # "fatality" among the dead, the negation reader's copy lacked it (s41)
    assert same_deed("fatality", "kill")
    assert same_deed("fatality", "die")


def test_two_deeds_stay_apart() -> None:
    assert not same_deed("injure", "kill")
    assert not same_deed("kill", "pass")
    assert not same_deed("killer", "kill")


# --- end to end: two outlets' sentences through the agreement verdict ----------------


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _verdict(analyzer: Analyzer, denial: str, assertion: str) -> str:
    published = datetime(2026, 5, 6, 9, tzinfo=timezone(timedelta(hours=1)))
    articles = [
        Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet,
                title=f"{outlet} report", published=published + timedelta(hours=n),
                language="en")
        for n, (outlet, text) in enumerate([("Coast Post", denial), ("Brisk Daily", assertion)])
    ]  # fmt: skip
    analyses = {a.id: x for a, x in zip(articles, analyzer.analyze_many(articles), strict=True)}
    material = StoryMaterial(
        Story("s", "invented", tuple(a.id for a in articles)), articles, analyses
    )
    first = [material.sentences(a.id)[0] for a in articles]
    return agreement(material, first[0], first[1])


_WORKERS_KILLED = (
    "Two workers were killed in the fire at the Tessel warehouse on Sunday, the brigade said."
)
_WORKERS_DIED = "Two workers died in the fire at the Tessel warehouse on Sunday, the brigade said."
_WORKERS_HURT = (
    "Two workers were injured in the fire at the Tessel warehouse on Sunday, the brigade said."
)
_NO_FATALITIES = (
    "There were no fatalities in the fire at the Tessel warehouse on Sunday, the brigade said."
)
_CAUSED_NONE = "The fire at the Tessel warehouse on Sunday caused no fatalities, the brigade said."


@pytest.mark.parametrize(
    ("denial", "assertion"),
    [(_NO_FATALITIES, _WORKERS_KILLED), (_CAUSED_NONE, _WORKERS_DIED)],
)
def test_no_fatalities_disputes_two_workers_dead(
    analyzer: Analyzer, denial: str, assertion: str
) -> None:
    # "no fatalities" denies the deaths another outlet reports, whether a light verb
    # ("there were") or another verb ("caused") carries the denied noun (review s41/1)
    assert _verdict(analyzer, denial, assertion) == "differ"


@pytest.mark.parametrize("denial", [_NO_FATALITIES, _CAUSED_NONE])
def test_no_fatalities_leaves_the_injured_alone(analyzer: Analyzer, denial: str) -> None:
    assert _verdict(analyzer, denial, _WORKERS_HURT) == "other"
