"""Verify on arbitrary summaries: nothing raises but our own errors, every checked
sentence is its summary's text (``summary[start:end] == text``) and every source passage
its article's.

Summaries come from the soups of ``test_analysis_fuzz`` (any Unicode, quote marks,
numbers, dates), alone or glued to sentences of the invented story of ``test_verify``
(so the sources back, contradict or relate to some of it). 100 cases a run;
``NEWSPRISM_FUZZ_EXAMPLES`` sets more for a longer hunt (a tenth of it here).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import NewsprismError
from newsprism.model import Brief
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.verify import Verifier
from tests.test_analysis_fuzz import TEXTS
from tests.test_verify import COURIER, POST, RADIO, checker  # noqa: F401 (checker: the shared fixture)

STORY_SENTENCES = tuple(
    s.strip() for text in (COURIER, RADIO, POST) for s in text.split("\n\n") if s.strip()
)
SUMMARIES = st.one_of(
    TEXTS,
    st.lists(st.one_of(st.sampled_from(STORY_SENTENCES), TEXTS), min_size=1, max_size=6).map(
        " ".join
    ),
)

EXAMPLES = int(os.environ.get("NEWSPRISM_FUZZ_EXAMPLES", "1000")) // 10


@pytest.mark.timeout(max(900, 30 * EXAMPLES))  # a longer hunt must not hit the 300 s default
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(summary=SUMMARIES)
def test_any_summary_is_verified_with_true_spans(
    checker: tuple[Verifier, StoryMaterial, Brief],  # noqa: F811 (the imported fixture)
    summary: str,
) -> None:
    verifier, material, brief = checker
    try:
        verification = verifier.verify(material, brief, summary)
    except NewsprismError:
        return
    for sentence in verification.sentences:
        assert summary[sentence.start : sentence.end] == sentence.text
        for match in sentence.sources:
            passage = match.passage
            text = material.by_id[passage.article].text
            assert text[passage.start : passage.end] == passage.text
    verification.to_dict()
