"""The summary's support and the exclusives list never disagree about one item: a
summary sentence backed by two or more outlets, each with its own sentence, holds no
exclusive told in those words ("agreed by 3" beside "only one outlet"). A figure that only
one outlet gives stays exclusive inside a shared sentence when the other outlets' own
sentences tell the event without it; a person, a quote or a claim there may not.

Over every sample story as newsprism builds it (the development golds were read the
same way, s41: no disagreement left on BASIL calibration/development or the two
Multi-News development files)."""

from __future__ import annotations

import re
from typing import Any

from newsprism.model import Article, Brief, Exclusive, Passage, Story, SummarySentence
from newsprism.reconcile.brief import BriefOptions, Reconciler
from newsprism.reconcile.material import StoryMaterial

_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _meet(a: Passage, b: Passage) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def disagreements(material: StoryMaterial, brief: Brief) -> list[str]:
    """Every exclusive inside a summary sentence's backing that other outlets tell too."""
    found = []
    for sentence in brief.summary:
        backing = sentence.support or (sentence.passage,)
        if material.sources(p.article for p in backing) < 2:
            continue
        for item in brief.exclusives:
            mine = [p for p in backing if _meet(p, item.passage)]
            if not mine:
                continue
            source = material.source_of(item.passage.article)
            theirs = [p for p in backing if material.source_of(p.article) != source]
            if item.kind != "fact" or any(
                set(_FIGURE.findall(item.passage.text)) & set(_FIGURE.findall(p.text))
                for p in theirs
            ):
                found.append(f"{item.kind}: {item.passage.text[:80]!r}")
    return found


def test_summary_support_and_exclusives_agree(sample_stories: dict[str, Any]) -> None:
    reconciler = Reconciler(BriefOptions(embeddings="off"))
    bad = {}
    for name, story in sample_stories.items():
        material = story.material
        found = disagreements(material, reconciler.brief(material))
        if found:
            bad[name] = found
    assert bad == {}


def _two_outlets() -> tuple[StoryMaterial, Passage, Passage]:
    a = "Mayor Ola Brandt closed the quay after 14 boats sank."
    b = "The quay was closed by Mayor Ola Brandt after 14 boats sank in the storm."
    articles = [
        Article("a1", "a1.txt", a, outlet="Harbour Post"),
        Article("b1", "b1.txt", b, outlet="Velmar Wire"),
    ]
    material = StoryMaterial(Story("s", None, ("a1", "b1")), articles, {})
    return (
        material,
        Passage("a1", "Harbour Post", a, 0, len(a)),
        Passage("b1", "Velmar Wire", b, 0, len(b)),
    )


def test_a_person_both_outlets_name_in_an_agreed_sentence_is_a_disagreement() -> None:
    material, pa, pb = _two_outlets()
    name = Passage("a1", "Harbour Post", "Ola Brandt", 6, 16)
    brief = Brief(
        material.story,
        summary=(SummarySentence(pa, ("a1", "b1"), (pa, pb)),),
        exclusives=(Exclusive("person", name), Exclusive("fact", pa)),
    )
    assert disagreements(material, brief) == [
        "person: 'Ola Brandt'",
        f"fact: {pa.text!r}",  # the other outlet's own sentence gives the 14 too
    ]


def test_a_figure_only_one_outlet_gives_stays_exclusive_in_an_agreed_sentence() -> None:
    material, pa, _ = _two_outlets()
    c = "The quay was closed by the mayor after the storm."
    material = StoryMaterial(
        material.story, [material.articles[0], Article("b1", "b1.txt", c, outlet="Velmar Wire")], {}
    )
    pc = Passage("b1", "Velmar Wire", c, 0, len(c))
    brief = Brief(
        material.story,
        summary=(SummarySentence(pa, ("a1", "b1"), (pa, pc)),),
        exclusives=(Exclusive("fact", pa),),
    )
    assert disagreements(material, brief) == []
