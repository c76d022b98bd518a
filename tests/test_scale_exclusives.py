"""Exclusives for big stories: a passage's details weighed against its candidate
sentences only until one resembles it, against weighing every candidate pair (the old
passages x sentences loop), lexical and with a dense-like similarity."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from newsprism.model import Analysis, Article, Passage, Story, article_id
from newsprism.reconcile.exclusive_details import StoryDetails
from newsprism.reconcile.exclusives import ExclusiveOptions, _Novelty
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.similarity import LexicalSimilarity
from tests.test_scale_summary import _DAYS, _SENTENCES, _material


class _DenseLike:
    """Dense-flagged similarity (cosines moved up, as an embedding's are)."""

    dense = True

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Any:
        return np.sqrt(np.clip(LexicalSimilarity().matrix(first, second), 0.0, 1.0))


def _old_novel(novelty: _Novelty, passages: Sequence[Passage]) -> list[bool]:
    """_Novelty.novel before: every candidate pair weighed, sources compared as strings."""
    material, opts = novelty._material, novelty._options
    sentences = novelty._sentences
    sources = np.array([material.source_of(s.article) for s in sentences])
    first, second = [p.text for p in passages], [s.text for s in sentences]
    mine = np.array([material.source_of(p.article) for p in passages])
    other = mine[:, None] != sources[None, :]
    if not novelty._similarity.dense:
        scores = novelty._similarity.matrix(first, second)
        found = scores >= opts.lexical_alone
        band = (scores >= opts.lexical) & ~found & other
        for row, column in zip(*np.nonzero(band), strict=True):
            share = novelty._elsewhere.carried_share(passages[row], int(column))
            found[row, column] = share >= opts.lexical_details
    else:
        dense = novelty._similarity.matrix(first, second)
        lexical = LexicalSimilarity().matrix(first, second)
        close = (dense >= opts.dense) & (lexical >= opts.dense_wording) & other
        for row, column in zip(*np.nonzero(close), strict=True):
            share = novelty._elsewhere.carried_share(passages[row], int(column))
            close[row, column] = share >= opts.dense_details
        found = close | (lexical >= opts.dense_lexical)
    result = []
    for row, passage in zip(found, passages, strict=True):
        others = sources != material.source_of(passage.article)
        result.append(bool(others.any()) and not bool(row[others].any()))
    return result


@pytest.mark.parametrize("dense", [False, True])
@pytest.mark.parametrize("seed", range(6))
def test_novel_matches_every_pair_weighed(seed: int, dense: bool) -> None:
    material = _material(seed)
    sentences = material.story_pieces()
    details = StoryDetails(material, sentences, story_names(material))
    similarity = _DenseLike() if dense else LexicalSimilarity()
    options = ExclusiveOptions()
    novelty = _Novelty(material, sentences, similarity, details, options)
    passages = sentences
    assert novelty.novel(passages) == _old_novel(novelty, passages)


class _Boosted:
    """Dense-flagged similarity raised further (lexical ** 0.3): a dense cosine of
    ``dense`` (0.55) or more falls at lexical cosines of 0.14 or more, below
    ``dense_lexical``, so pairs reach the details test (with :class:`_DenseLike` every
    such pair resembles on its lexical cosine alone)."""

    dense = True

    def matrix(self, first: Sequence[str], second: Sequence[str]) -> Any:
        return np.clip(LexicalSimilarity().matrix(first, second), 0.0, 1.0) ** 0.3


_WHO = ["Inspector Hale", "Mayor Brandt", "Captain Osei", "Dr Varga", "Chief Lund"]
_VERDICTS = ["a disgrace", "pure neglect", "a warning", "bad luck", "no accident"]
# Invented place-like words: rival sentences share a few, so their cosines spread
# around the lexical band (0.20-0.26), rather than all resembling alone.
_FILLER = [
    head + tail
    for head in ("bar", "cor", "dun", "fel", "gal", "hob", "jin", "kel", "lom", "mir")
    for tail in ("ton", "wick", "by", "ham", "ley", "mouth", "ford", "field")
]


def _rival(rng: random.Random) -> str:
    """A sentence like other outlets' in its words, with a quoted verdict (a detail)
    that they may not carry."""
    words = " ".join(rng.sample(_FILLER, rng.randint(4, 9)))
    verdict = rng.choice(_VERDICTS)
    return f'{rng.choice(_WHO)} counted drums, {words}, and called it "{verdict}".'


def _rival_material(seed: int) -> StoryMaterial:
    """Outlets retelling one event, each with two sentences of its own that resemble
    other outlets' in wording but often not in the verdict they quote."""
    rng = random.Random(seed)
    articles, analyses = [], {}
    for k in range(rng.randint(4, 8)):
        shared = rng.sample(_SENTENCES, rng.randint(2, 5))
        chosen = [s.format(day=rng.choice(_DAYS), n=rng.choice([3, 12, 40])) for s in shared]
        for _ in range(2):
            chosen.insert(rng.randint(0, len(chosen)), _rival(rng))
        text = " ".join(chosen)
        outlet = f"Outlet {k}"
        article = Article(id=article_id(outlet, text), source=f"{k}.txt", text=text, outlet=outlet)
        spans = [m.span() for m in re.finditer(r"[^.?!]+[.?!]", text)]
        sentences = tuple((a + (text[a] == " "), b) for a, b in spans)
        articles.append(article)
        analyses[article.id] = Analysis(article.id, "test", sentences=sentences)
    story = Story(id="s", title="t", articles=tuple(a.id for a in articles))
    return StoryMaterial(story, articles, analyses)


# Seeds whose stories hold borderline pairs the details test rejects (counted below).
_REJECTING = (2, 5)


@pytest.mark.parametrize("dense", [False, True])
@pytest.mark.parametrize("seed", _REJECTING)
def test_novel_matches_every_pair_weighed_where_details_reject(seed: int, dense: bool) -> None:
    material = _rival_material(seed)
    sentences = material.story_pieces()
    details = StoryDetails(material, sentences, story_names(material))
    options = ExclusiveOptions()
    least = options.dense_details if dense else options.lexical_details
    shares: list[float] = []
    weigh = details.carried_share

    def recorded(passage: Passage, sentence: int) -> float:
        share = weigh(passage, sentence)
        shares.append(share)
        return share

    details.carried_share = recorded  # type: ignore[method-assign]
    similarity = _Boosted() if dense else LexicalSimilarity()
    novelty = _Novelty(material, sentences, similarity, details, options)
    shortcut = novelty.novel(sentences)
    weighed = list(shares)  # the shortcut's own calls, before the every-pair computation's
    assert shortcut == _old_novel(novelty, sentences)
    # The case reaches what it is for: the shortcut weighed a pair and rejected it.
    assert any(share < least for share in weighed)
