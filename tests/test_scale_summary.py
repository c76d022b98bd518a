"""Shortcuts of the summary for big stories, against the every-unit computation they
replaced: relevance and support worked out for candidates only, on the model's float32
similarities (invented stories: outlets retelling one event from shared sentences)."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from newsprism.model import Analysis, Article, Passage, Story, SummarySentence, article_id
from newsprism.reconcile import summary
from newsprism.reconcile.agreement import agreement
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.similarity import LexicalSimilarity

_SENTENCES = [
    "The harbour authority closed the northern quay on {day} after {n} containers fell.",
    "Dock workers said the cranes had not been inspected for {n} months before the fall.",
    "The port director promised an inquiry and said the quay would reopen within {n} days.",
    "Shipping lines diverted {n} vessels to the southern terminal while the quay stayed shut.",
    "Insurers put the damage at {n} million euros, more than any accident at the port before.",
    "Nobody was injured when the containers toppled into the water beside the quay wall.",
    "The union called the closure a warning and demanded new checks on every crane in the port.",
    "Local traders said deliveries of fruit and fish had slowed since the quay was closed.",
    "Is the harbour safe for the ships that still call there every week this season?",
    "I have walked along the quay for years and never seen anything like this before today.",
]
_DAYS = ["Monday", "Tuesday", "Wednesday"]
_OWN = "{who} counted {m} {what} near the {pier} on {{day}}, with {{n}} more expected."
_WHO = ["Harbour police", "Lena Marsh", "The coastguard", "A ferry captain", "Divers"]
_WHAT = ["damaged pallets", "oil drums", "broken cranes", "sunken crates", "stranded trucks"]
_PIERS = ["east pier", "west slipway", "Marten dock", "fuel jetty"]


def _material(seed: int) -> StoryMaterial:
    rng = random.Random(seed)
    articles, analyses = [], {}
    for k in range(rng.randint(4, 9)):
        chosen = rng.sample(_SENTENCES, rng.randint(3, len(_SENTENCES)))
        # One sentence of its own: like the others' in words, not in its figures.
        own = _OWN.format(
            who=rng.choice(_WHO), what=rng.choice(_WHAT), pier=rng.choice(_PIERS), m=k * 7 + 2
        )
        chosen.insert(rng.randint(0, len(chosen)), own)
        text = " ".join(
            s.format(day=rng.choice(_DAYS), n=rng.choice([3, 12, 40, 41])) for s in chosen
        )
        outlet = f"Outlet {rng.randint(0, 4)}"
        article = Article(id=article_id(outlet, text), source=f"{k}.txt", text=text, outlet=outlet)
        sentences = tuple(m.span() for m in re.finditer(r"[^.?!]+[.?!]", text))
        sentences = tuple((a + (text[a] == " "), b) for a, b in sentences)
        articles.append(article)
        analyses[article.id] = Analysis(article.id, "test", sentences=sentences)
    unique = list({a.id: a for a in articles}.values())
    copies = [(unique[0].id, unique[1].id)] if len(unique) > 3 and rng.random() < 0.5 else []
    story = Story(id="s", title="t", articles=tuple(a.id for a in unique), duplicates=tuple(copies))
    return StoryMaterial(story, unique, analyses)


def _old_supporters(material: StoryMaterial, similar: Any, units: Sequence[Any], row: int,
                    threshold: float, position: dict[str, int]) -> Any:
    own = units[row].passage
    hits = [int(i) for i in np.flatnonzero(similar[row] >= threshold)]
    hits.sort(key=lambda i: (-similar[row, i], units[i].order))
    backing: dict[str, Passage] = {}
    disputing: dict[str, Passage] = {}
    for i in hits:
        passage = units[i].passage
        if i == row or passage.article == own.article or passage.article in backing:
            continue
        verdict = agreement(material, own, passage)
        if verdict == "agree":
            backing[passage.article] = passage
            disputing.pop(passage.article, None)
        elif verdict == "differ":
            disputing.setdefault(passage.article, passage)
    backing[own.article] = own
    ordered = dict(sorted(backing.items(), key=lambda item: position[item[0]]))
    return summary._Support(ordered, dict(sorted(disputing.items(), key=lambda i: position[i[0]])))


def _old_relevance(material: StoryMaterial, similar: Any, units: Sequence[Any],
                   threshold: float, options: summary.SummaryOptions) -> tuple[Any, list[Any]]:
    sources = list(dict.fromkeys(unit.source for unit in units))
    index = {source: i for i, source in enumerate(sources)}
    best = np.full((len(units), len(sources)), -1.0)
    columns = np.array([index[unit.source] for unit in units])
    for column in range(len(sources)):
        best[:, column] = similar[:, columns == column].max(axis=1)
    own = np.array([[unit.source == source for source in sources] for unit in units])
    others = max(len(sources) - 1, 1)
    centrality = np.where(own, 0.0, np.clip(best, 0.0, 1.0)).sum(axis=1) / others
    position = {a.id: n for n, a in enumerate(material.articles)}
    supporters = [_old_supporters(material, similar, units, i, threshold, position)
                  for i in range(len(units))]
    share = np.array([material.sources(found.articles) for found in supporters]) / len(sources)
    weight = options.support_weight
    return (1 - weight) * centrality + weight * share, supporters


def _old_summarize(material: StoryMaterial) -> list[SummarySentence]:
    """summary.summarize before: every unit weighed, on a float64 copy of the matrix."""
    options = summary.SummaryOptions()
    units = summary._units(material, options)
    candidates = [i for i, unit in enumerate(units) if unit.candidate]
    if not candidates:
        return []
    texts = [unit.passage.text for unit in units]
    similar = np.asarray(LexicalSimilarity().matrix(texts, texts), dtype=np.float64)
    threshold = options.support_similarity
    relevance, supporters = _old_relevance(material, similar, units, threshold, options)
    support = [material.sources(found.articles) for found in supporters]
    relevance = relevance + options.position_weight * summary._lead_prior(units)
    words = [len(summary._WORD.findall(text)) for text in texts]
    chosen = summary._select(relevance, similar, candidates, dict(enumerate(support)), threshold,
                       options, words, summary._budget(units, options))
    return [SummarySentence(units[i].passage, supporters[i].articles,
                            tuple(supporters[i].backing.values()),
                            tuple(supporters[i].disputing.values())) for i in sorted(chosen)]


@pytest.mark.parametrize("seed", range(8))
def test_candidates_relevance_and_support_match_every_unit_weighed(seed: int) -> None:
    material = _material(seed)
    options = summary.SummaryOptions()
    units = summary._units(material, options)
    texts = [u.passage.text for u in units]
    similar = LexicalSimilarity().matrix(texts, texts)
    threshold = options.support_similarity
    relevance, supporters = summary._relevance(material, similar, units, threshold, options)
    old_relevance, old_supporters = _old_relevance(
        _material(seed), np.asarray(similar, dtype=np.float64), units, threshold, options
    )
    candidates = [i for i, u in enumerate(units) if u.candidate]
    assert candidates and sorted(supporters) == candidates
    assert np.array_equal(relevance[candidates], old_relevance[candidates])
    for i in candidates:
        assert supporters[i] == old_supporters[i]


@pytest.mark.parametrize("seed", range(8))
def test_summary_matches_the_every_unit_summary(seed: int) -> None:
    expected = _old_summarize(_material(seed))
    assert summary.summarize(_material(seed), LexicalSimilarity()) == expected
