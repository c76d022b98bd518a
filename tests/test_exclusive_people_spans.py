"""A person exclusive's passage holds the whole name where the parse cut a hyphened name at
its hyphen; a name followed by a dash, a possessive or another word stays as the parse gave
it. Invented stories, hand-made analyses.
"""

from __future__ import annotations

import pytest

from newsprism.model import Analysis, Article, Entity, Mention, RosterEntry, Story
from newsprism.reconcile.exclusive_people import person_exclusives
from newsprism.reconcile.material import StoryMaterial

OTHER = "The ferry ran aground off Velmar on Sunday."


def _found(text: str, name: str) -> list[str]:
    start = text.index(name)
    entity = Entity(name, "PERSON", (Mention(name, start, start + len(name)),))
    articles = [
        Article("a1", "a1.txt", text, outlet="Harbour Post"),
        Article("b1", "b1.txt", OTHER, outlet="Velmar Wire"),
    ]
    analyses = {
        "a1": Analysis("a1", "test", entities=(entity,)),
        "b1": Analysis("b1", "test", entities=()),
    }
    material = StoryMaterial(Story("s", None, ("a1", "b1")), articles, analyses)
    roster = [RosterEntry(name, "PERSON", (), ("a1",))]
    return [e.passage.text for e in person_exclusives(material, roster, [])]


@pytest.mark.parametrize(
    ("text", "cut", "whole"),
    [
        (
            "Harbour Master Ivo Brandt-Moen confirmed the count.",
            "Harbour Master Ivo Brandt",
            "Harbour Master Ivo Brandt-Moen",
        ),
        (
            "Council Secretary Ola Berg-lund is concerned about the storm, a statement said.",
            "Council Secretary Ola Berg",
            "Council Secretary Ola Berg-lund",
        ),
    ],
)
def test_a_hyphened_name_cut_at_its_hyphen_is_shown_whole(text: str, cut: str, whole: str) -> None:
    assert _found(text, cut) == [whole]


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master, Ola Berg, confirmed the count.",
        "The count was confirmed by Ola Berg Tuesday.",
        "Ola Berg's crew confirmed the count.",
        "Ola Berg - a pilot - confirmed the count.",
        "Ola Berg Tuesday confirmed the count.",
    ],
)
def test_a_whole_name_stays_as_given(text: str) -> None:
    assert _found(text, "Ola Berg") == ["Ola Berg"]
