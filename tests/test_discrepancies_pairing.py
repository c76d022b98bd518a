"""The candidate pairing of the day and date passes (review s35 fuzz F2: quadratic in a
long article's dated sentences) gives exactly the pairs of the pairwise compare it
replaced: day labels bucketed before the clash test (day_names.clashing_pairs), an
article's date mentions found by bisect (date_discrepancies._mentions_within); and a
live blog's many sentences naming one day still yield the one clash."""

from __future__ import annotations

import itertools
import random

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.date_discrepancies import _mentions_within
from newsprism.reconcile.day_labels import DayLabel, labels_clash
from newsprism.reconcile.day_names import clashing_pairs
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import assert_provenance, invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _label(draw: random.Random) -> DayLabel:
    return DayLabel(
        draw.choice([None, 0, 1, 4]),
        draw.choice([None, (3, 4), (3, 5), (4, 1), (3, 31)]),
        late=draw.random() < 0.2,
        early=draw.random() < 0.2,
        part=draw.choice(["", "", "morning", "night", "evening"]),
    )


def _pairwise(labels: list[list[DayLabel]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, j in itertools.combinations(range(len(labels)), 2)
        if any(labels_clash(x, y) for x in labels[i] for y in labels[j])
    ]


@pytest.mark.parametrize("seed", range(20))
def test_bucketed_pairs_are_the_pairwise_ones(seed: int) -> None:
    draw = random.Random(seed)
    # Few distinct labels, many repeats (a live blog), one to three labels a sentence.
    pool = [_label(draw) for _ in range(draw.randint(1, 8))]
    labels = [
        [draw.choice(pool) for _ in range(draw.randint(1, 3))] for _ in range(draw.randint(0, 40))
    ]
    assert clashing_pairs(labels) == _pairwise(labels)
    leads = [draw.random() < 0.5 for _ in labels]
    assert clashing_pairs(labels, leads) == [(i, j) for i, j in _pairwise(labels) if leads[i]]


def test_mentions_within_are_those_of_the_span(analyzer: Analyzer) -> None:
    text = (
        "The Dravik ferry sank on March 2, 2026. Divers reached it on Tuesday and again "
        "on March 4. The inquiry opened last week, on February 24."
    )
    material = invented(analyzer, [text])
    article = material.articles[0].id
    analysis = material.analysis(article)
    assert analysis is not None
    resolved = [d for d in analysis.dates if d.date is not None and not d.ambiguous]
    assert len(resolved) >= 3
    for start in range(0, len(text), 7):
        for length in (1, 20, 45, len(text)):
            expected = [d for d in resolved if start <= d.start < start + length]
            assert _mentions_within(material, article, start, length) == expected


def test_a_long_article_of_one_day_keeps_its_clash(analyzer: Analyzer) -> None:
    filler = " ".join(f"Ola Brandt{n} of Varnes{n} met Ivo Lund{n} on Monday." for n in range(40))
    one = "The Dravik ferry sank on Tuesday near Varnes. " + filler
    other = "The Dravik ferry sank on Thursday near Varnes. " + filler
    material = invented(analyzer, [one, other])
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert_provenance(material, found)
    assert [(d.kind, [c.text for c in d.claims]) for d in found if d.kind == "date"] == [
        (
            "date",
            [
                "The Dravik ferry sank on Tuesday near Varnes.",
                "The Dravik ferry sank on Thursday near Varnes.",
            ],
        )
    ]
