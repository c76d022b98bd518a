"""Renderings of one quote that differ by a negation (reconcile/renderings.py), on
invented articles: found through find_discrepancies, and the look-alikes that are not."""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.reconcile.discrepancies import find_discrepancies
from newsprism.reconcile.renderings import negation_renderings
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_reconcile_discrepancies import invented


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


DENIED = (
    '"If the council does not approve the levy this spring, the harbour will lose its last '
    'ferry route and the town will pay for years," Mayor Ilse Varga said on Monday.'
)
ASSERTED = (
    '"To approve the levy this spring, the harbour will lose its last ferry route and the '
    'town will pay for years," Varga told reporters at the town hall.'
)


def test_a_quote_rendered_without_its_negation_contradicts(analyzer: Analyzer) -> None:
    material = invented(analyzer, [DENIED, ASSERTED])
    found = find_discrepancies(material, [], LexicalSimilarity())
    assert [(d.kind, {c.text for c in d.claims}) for d in found] == [
        ("negation", {DENIED, ASSERTED})
    ]
    for claim in found[0].claims:
        assert material.by_id[claim.article].text[claim.start : claim.end] == claim.text


def test_the_contracted_negation_counts(analyzer: Analyzer) -> None:
    denied = DENIED.replace("does not approve", "doesn't approve")
    material = invented(analyzer, [ASSERTED, denied])
    pairs = negation_renderings(material)
    assert [(n.text, p.text) for n, p in pairs] == [(denied, ASSERTED)]


@pytest.mark.parametrize(
    "texts",
    [
        # One negation, worded twice ("never" / "not"; "fails to" / "does not").
        [DENIED, DENIED.replace("does not approve", "never approves").replace("Mayor ", "")],
        [DENIED, DENIED.replace("does not approve", "fails to approve")],
        # A shared phrase is not one utterance.
        [
            '"We will not raise the levy," Mayor Ilse Varga said.',
            '"We will raise the levy," Mayor Ilse Varga said at the harbour.',
        ],
        # One wording from two speakers: two utterances.
        [
            '"The harbour will not reopen before the winter storms end and the ferry crews '
            'return to work," Mayor Ilse Varga said.',
            '"The harbour will reopen before the winter storms end and the ferry crews return '
            'to work," said Tomas Brill, the harbour master.',
        ],
        # "not only" negates nothing.
        [
            '"The levy will not only fund the ferry but also repair the harbour walls before '
            'the winter storms," Mayor Ilse Varga said.',
            '"The levy will fund the ferry and also repair the harbour walls before the winter '
            'storms," Mayor Ilse Varga said.',
        ],
        # An answer "No, ..." denies nothing in the quote.
        [
            '"No, the council approved the levy in March and the ferry will sail all winter '
            'long," Mayor Ilse Varga said.',
            '"The council approved the levy in March and the ferry will sail all winter long," '
            "Mayor Ilse Varga said.",
        ],
    ],
)
def test_look_alikes_are_no_contradiction(analyzer: Analyzer, texts: list[str]) -> None:
    material = invented(analyzer, texts)
    assert negation_renderings(material) == []
    assert find_discrepancies(material, [], LexicalSimilarity()) == []
