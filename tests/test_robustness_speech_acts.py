"""Speech-act units (reconcile/speech_acts.py) on awkward invented text: empty and
truncated sentences, odd characters, and one long unpunctuated sentence of many acts."""

from __future__ import annotations

import itertools
import re

import pytest

from newsprism.model import Analysis, Article, Entity, Mention, Story, article_id
from newsprism.reconcile import speech_acts
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.speech_acts import speech_act_units
from newsprism.reconcile.statement_units import Unit
from tests.counting import CountingPattern

NAME = "Edvin Rask"


def _acts(text: str) -> list[Unit]:
    """The speech-act units of one article whose every "Edvin Rask" is a person."""
    mentions = tuple(Mention(NAME, m.start(), m.end()) for m in re.finditer(re.escape(NAME), text))
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    cuts = [0, *(m.end() for m in re.finditer(r"\. (?=[A-Z])", text)), len(text)]
    entities = (Entity(NAME, "PERSON", mentions),) if mentions else ()
    analysis = Analysis(article.id, "test", tuple(itertools.pairwise(cuts)), entities)
    material = StoryMaterial(Story("s", None, (article.id,)), [article], {article.id: analysis})
    return speech_act_units(material, story_names(material))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        NAME,
        f"{NAME} accused",
        "he accused the board of fraud",  # a pronoun with no one named before it
        f"{NAME}, who has accused",
        f"{NAME} made the announcement",
        f"{NAME}\u00a0accused\u00a0the\u00a0board\u00a0of\u00a0hiding\u00a0the accounts.",
        f"\u05e9\u05dc\u05d5\u05dd {NAME} 😀 accused the board 😀 of hiding the accounts.",
        f"{NAME} accused \u201cthe board\u201d of hiding the accounts\u201d",
        f"{NAME}, " + "a, " * 2000 + "accused the board of hiding the accounts.",
        f"{NAME} " + "and " * 2000 + "accused the board of hiding the accounts.",
    ],
)
def test_awkward_sentences_give_units_on_their_own_text(text: str) -> None:
    for unit in _acts(text):
        assert text[unit.start : unit.end] == unit.text
        assert unit.start < unit.end


def test_long_sentence_of_unqualified_acts_is_read_a_few_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Invented: a scraped unpunctuated paragraph repeating an act whose subject is no
    # person ("the crowd urged"), 200 times. Counted in characters, not seconds.
    pronoun = CountingPattern(speech_acts._PRONOUN)
    monkeypatch.setattr(speech_acts, "_PRONOUN", pronoun)
    text = f"{NAME} met the crowd. The board" + " and the crowd urged the union to return" * 200
    assert _acts(text + ".") == []
    # A few passes over the sentence; was ~800,000 characters for 8,036.
    assert pronoun.read <= 20 * len(text)
