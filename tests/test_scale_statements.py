"""Shortcuts of the statements step for big stories, against the every-pair computation
they replaced (invented units: articles, quote groups and scores drawn at random)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any, cast

import numpy as np
import pytest

from newsprism.reconcile.statement_evidence import (
    _best_other_group,
    _margins,
    _term,
    _verbatim,
)
from newsprism.reconcile.statement_units import (
    Unit,
    _absorb_nested,
    _nests,
    _with_partials,
    normalize_words,
)
from newsprism.reconcile.statements import StatementOptions


def _old_margins(scores: np.ndarray, forbid: np.ndarray, units: Sequence[Any]) -> tuple[Any, Any]:
    """statement_evidence._margins before the rivals were gathered per article at once."""
    n = len(units)
    open_scores = np.where(forbid, -np.inf, scores)
    rival = np.full((n, n), -np.inf)
    articles: dict[str, list[int]] = defaultdict(list)
    for index, unit in enumerate(units):
        articles[unit.article].append(index)
    for members in articles.values():
        cols = np.array(members)
        rival[:, cols] = _best_other_group(open_scores[:, cols], [units[k].group for k in members])
    best_rival = np.maximum(rival, rival.T)
    rivalled = np.isfinite(best_rival)
    return scores - np.where(rivalled, best_rival, 0.0), rivalled


def _units(rng: np.random.Generator, n: int, articles: int, groups: int) -> list[Any]:
    drawn = [
        SimpleNamespace(article=f"a{rng.integers(articles)}", group=int(rng.integers(-3, groups)))
        for _ in range(n)
    ]
    if rng.random() < 0.5:  # story order: one article's units together, as align_statements has
        drawn.sort(key=lambda u: u.article)
    return drawn


@pytest.mark.parametrize("seed", range(12))
def test_margins_match_the_per_article_blocks(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 90))
    units = cast(Any, _units(rng, n, int(rng.integers(1, 8)), int(rng.integers(1, 5))))
    # Rounded scores, so that ties between groups (and with a forbidden -inf) occur.
    scores = np.round(rng.random((n, n)), 1)
    scores = (scores + scores.T) / 2
    forbid = rng.random((n, n)) < 0.3
    forbid |= forbid.T
    margins, rivalled = _margins(scores, forbid, units)
    old_margins, old_rivalled = _old_margins(scores, forbid, units)
    assert np.array_equal(rivalled, old_rivalled)
    assert np.array_equal(margins, old_margins)


def test_margins_of_no_units() -> None:
    margins, rivalled = _margins(np.zeros((0, 0)), np.zeros((0, 0), bool), [])
    assert margins.shape == rivalled.shape == (0, 0)


_WORDS = [
    "the", "port", "will", "not", "reopen", "before", "spring", "said", "union", "members",
    "dock", "strike", "talks",
]  # fmt: skip


def _text(rng: np.random.Generator) -> str:
    return " ".join(rng.choice(_WORDS, size=int(rng.integers(0, 9))))


def _verbatim_units(rng: np.random.Generator, n: int) -> list[Any]:
    units = []
    for k in range(n):
        text = _text(rng)
        words = text.split()
        cut = sorted(rng.integers(0, len(words) + 1, size=2)) if words else [0, 0]
        inner = [" ".join(words[cut[0] : cut[1]]), _text(rng)]
        units.append(
            SimpleNamespace(
                article=f"a{rng.integers(5)}",
                group=int(rng.integers(3)),
                text=text,
                verbatim=tuple(v for v in map(normalize_words, inner) if v),
                order=(k, 0),
            )
        )
    return units


def _old_verbatim(units: Sequence[Any], similarities: np.ndarray, options: StatementOptions) -> Any:
    """statement_evidence._verbatim before the word index: every fragment against every text."""
    scores = similarities.copy()
    words = [normalize_words(u.text) for u in units]
    fragments = [
        [v for v in u.verbatim if v.count(" ") - 1 >= options.verbatim_words] for u in units
    ]
    for i, frags in enumerate(fragments):
        for fragment in frags:
            holders = [j for j, text in enumerate(words) if i != j and fragment in text]
            if _term(fragment, [units[j] for j in holders], units[i].article, options):
                continue
            for j in holders:
                scores[i, j] = scores[j, i] = 1.0
    np.fill_diagonal(scores, 0.0)
    return np.round(scores, 4)


@pytest.mark.parametrize("seed", range(10))
def test_verbatim_matches_every_fragment_against_every_text(seed: int) -> None:
    rng = np.random.default_rng(seed)
    units = cast(Any, _verbatim_units(rng, int(rng.integers(1, 60))))
    raw = rng.random((len(units), len(units)))
    for words in (1, 2, 3):
        options = StatementOptions(verbatim_words=words)
        assert np.array_equal(_verbatim(units, raw, options), _old_verbatim(units, raw, options))


def _nest_units(rng: np.random.Generator, n: int) -> list[Unit]:
    units = []
    for k in range(n):
        start = int(rng.integers(0, 80))
        end = start + int(rng.integers(1, 40))
        units.append(
            Unit(
                article=f"a{rng.integers(4)}",
                group=int(rng.integers(4)),
                start=start,
                end=end,
                direct=bool(rng.random() < 0.6),
                text="x" * (end - start),
                speaker=[None, "Rask", "Lind"][int(rng.integers(3))],
                speaker_mention=None,
                verbatim=(),
                order=(k, start),
            )
        )
    return units


def _old_absorb_nested(units: Sequence[Unit]) -> list[Unit]:
    """statement_units._absorb_nested before hosts were read per article."""
    hosts = [u for u in units if not u.direct]
    absorbed: dict[int, list[Unit]] = defaultdict(list)
    kept: list[Unit] = []
    for unit in units:
        host = next((h for h in hosts if unit.direct and _nests(unit, h)), None)
        if host is None:
            kept.append(unit)
        else:
            absorbed[id(host)].append(unit)
    return [_with_partials(u, absorbed[id(u)]) if id(u) in absorbed else u for u in kept]


@pytest.mark.parametrize("seed", range(10))
def test_nested_quotes_absorbed_as_by_every_host(seed: int) -> None:
    units = _nest_units(np.random.default_rng(seed), 80)
    new, old = _absorb_nested(units), _old_absorb_nested(units)
    assert [(u, u.partials, u.order) for u in new] == [(u, u.partials, u.order) for u in old]


@pytest.mark.parametrize("seed", range(6))
def test_verbatim_on_rounded_similarities_is_the_same(seed: int) -> None:
    rng = np.random.default_rng(seed)
    units = cast(Any, _verbatim_units(rng, int(rng.integers(1, 60))))
    raw = rng.random((len(units), len(units))) * 2 - 0.5
    options = StatementOptions()
    once = _verbatim(units, np.round(raw, 4), options, rounded=True)
    assert np.array_equal(once, _verbatim(units, raw, options))
