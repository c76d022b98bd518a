"""Verify at scale (reconcile/verify.py): every check reads the names, figures and
quotes inside one passage. It read all of the summary's items for each of its
sentences, so a summary of n sentences cost n^2 (hours for a 1 MB summary); they are
now looked up in a per-article table by start. Here: the look-ups give what the scans
gave on a generated summary, and each table is built once (timings in bench/verify.py,
no timed assertion here). Invented names and figures; no parse needed."""

from __future__ import annotations

import random

import pytest

from newsprism.model import Analysis, Article, Entity, Mention, Quantity, Quote, Story
from newsprism.reconcile import verify, verify_evidence
from newsprism.reconcile.agreement import quantities_in
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.verify_missing import quantities_in as quantities_within

_NAMES = ("Arno Brask", "Dalia Corlan", "Port of Velm", "Edrik Farrow")


def _summary(sentences: int, seed: int) -> tuple[StoryMaterial, list[tuple[int, int]]]:
    """A summary of ``sentences`` lines, each with a name, a figure and a quote, some
    items straddling two lines; with its sentences' spans."""
    rng = random.Random(seed)
    text, spans = "", []
    mentions: dict[str, list[Mention]] = {n: [] for n in _NAMES}
    quotes, figures = [], []
    for i in range(sentences):
        name = rng.choice(_NAMES)
        line = f'{name} said {i + 3} ships "wait at anchor" today.'
        at = len(text)
        mentions[name].append(Mention(name, at, at + len(name)))
        figure = line.index(str(i + 3))
        figures.append(Quantity(i + 3.0, None, str(i + 3), at + figure, at + figure + 1))
        mark = line.index('"')
        quotes.append(Quote("wait at anchor", at + mark + 1, at + mark + 15, rng.random() < 0.8))
        if i and rng.random() < 0.2:  # an item across the line break: in neither line
            quotes.append(Quote("x", at - 3, at + 2, True))
        spans.append((at, at + len(line)))
        text += line + "\n"
    kinds = {"Port of Velm": "ORG"}
    entities = tuple(
        Entity(n, kinds.get(n, "PERSON"), tuple(rng.sample(ms, len(ms))))
        for n, ms in mentions.items()
        if ms
    )
    article = Article(id=verify.SUMMARY_ID, source="<summary>", text=text)
    analysis = Analysis(
        verify.SUMMARY_ID,
        "test",
        entities=entities,
        quotes=tuple(quotes),
        quantities=tuple(figures),
    )
    story = Story("s1", None, (article.id,))
    return StoryMaterial(story, [article], {article.id: analysis}), spans


def _scan_names(analysis: Analysis, start: int, end: int) -> list[tuple[str, str]]:
    return [
        (e.name, m.text)
        for e in analysis.entities
        if e.type in verify._NAMED
        for m in e.mentions
        if start <= m.start and m.end <= end
    ]


def _scan_people(analysis: Analysis, start: int, end: int) -> set[str]:
    return {
        e.name
        for e in analysis.entities
        if e.type == "PERSON" and any(start <= m.start and m.end <= end for m in e.mentions)
    }


class _Names:
    @staticmethod
    def key(name: str) -> str:
        return name


@pytest.mark.parametrize("seed", [1, 2])
def test_the_tables_find_what_the_scans_found(seed: int) -> None:
    material, spans = _summary(300, seed)
    analysis = material.analyses[verify.SUMMARY_ID]
    for start, end in [*spans, (0, spans[40][1]), (spans[7][0] + 2, spans[9][1] - 2)]:
        passage = material.passage(verify.SUMMARY_ID, start, end)
        assert quantities_within(material, passage) == quantities_in(material, passage)
        assert verify._names_in(material, passage) == _scan_names(analysis, start, end)
        assert verify._quotes_in(material, passage) == [
            q for q in analysis.quotes if q.direct and start <= q.start and q.end <= end
        ]
        people = verify_evidence._people(material, passage, _Names())  # type: ignore[arg-type]
        assert people == _scan_people(analysis, start, end)


def test_each_table_is_built_once_per_article() -> None:
    # The work per look-up is a bisection and the items found: the table of each kind
    # is made on the first look-up and read after, however many sentences follow.
    material, spans = _summary(200, 3)
    for start, end in spans:
        passage = material.passage(verify.SUMMARY_ID, start, end)
        verify._names_in(material, passage)
        verify._quotes_in(material, passage)
        quantities_within(material, passage)
    for kind in ("mentions", "quotes", "quantities"):
        table = material.memo(f"verify-{kind}")
        assert list(table) == [verify.SUMMARY_ID]
