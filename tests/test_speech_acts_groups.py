"""Speech acts of organisations (issue 12): "Hamas threatened to end the truce" is a
statement unit when some outlet of the story quotes that organisation as a speaker; a
name the parser took for an organisation that no one quotes ("Omicron") gives none,
and "he"/"she" never stands for an organisation. Invented text."""

from __future__ import annotations

import itertools
import re

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.speech_acts import speech_act_units
from newsprism.reconcile.statement_units import Unit

QUOTED = "Harbour Front said the truce was over."


def _article(outlet: str, text: str, entities: dict[str, str]) -> tuple[Article, Analysis]:
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    cuts = [0, *(m.end() for m in re.finditer(r"\. (?=[A-Z])", text)), len(text)]
    found = tuple(
        Entity(
            name,
            kind,
            tuple(Mention(name, m.start(), m.end()) for m in re.finditer(re.escape(name), text)),
        )
        for name, kind in entities.items()
    )
    quotes = tuple(
        Quote("the truce was over", m.start() + len(name) + 6, m.end() - 1, False, name)
        for name in entities
        for m in re.finditer(re.escape(f"{name} said the truce was over."), text)
    )
    analysis = Analysis(article.id, "test", tuple(itertools.pairwise(cuts)), found, quotes)
    return article, analysis


def _units(*articles: tuple[Article, Analysis]) -> list[Unit]:
    material = StoryMaterial(
        Story("s", None, tuple(a.id for a, _ in articles)),
        [a for a, _ in articles],
        {a.id: analysis for a, analysis in articles},
    )
    return speech_act_units(material, story_names(material))


def test_an_act_of_an_organisation_another_outlet_quotes_is_a_unit() -> None:
    quoted = _article("A", QUOTED, {"Harbour Front": "ORG"})
    acting = _article(
        "B",
        "Harbour Front threatened to end the truce at dawn on Sunday.",
        {"Harbour Front": "ORG"},
    )
    (unit,) = _units(quoted, acting)
    assert (unit.speaker, unit.text) == (
        "Harbour Front",
        "threatened to end the truce at dawn on Sunday",
    )


def test_an_organisation_no_one_quotes_makes_no_act() -> None:
    acting = _article(
        "B", "Omicron threatened to overwhelm the clinics of the port.", {"Omicron": "ORG"}
    )
    assert _units(_article("A", "The port was quiet on Sunday.", {}), acting) == []


def test_a_pronoun_is_the_person_not_the_organisation_named_after() -> None:
    quoted = _article("A", QUOTED, {"Harbour Front": "ORG"})
    text = "Edvin Rask met Harbour Front on Sunday. He urged both sides to keep the truce."
    acting = _article("B", text, {"Edvin Rask": "PERSON", "Harbour Front": "ORG"})
    units = [u for u in _units(quoted, acting) if u.text.startswith("urged")]
    assert [(u.speaker, u.speaker_mention) for u in units] == [("Edvin Rask", "He")]
