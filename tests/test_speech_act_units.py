"""Speech-act units: subjects written further from the verb, passives, "told", and acts
conjoined to a reported clause (invented text)."""

from __future__ import annotations

import itertools
import re

from newsprism.model import Analysis, Article, Entity, Mention, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.speech_acts import speech_act_units
from newsprism.reconcile.statement_units import Unit, report_pieces

NAME = "Edvin Rask"


def _acts(text: str) -> list[Unit]:
    """The speech-act units of one article whose every "Edvin Rask" is a person."""
    mentions = tuple(Mention(NAME, m.start(), m.end()) for m in re.finditer(re.escape(NAME), text))
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    cuts = [0, *(m.end() for m in re.finditer(r"\. (?=[A-Z])", text)), len(text)]
    analysis = Analysis(
        article.id, "test", tuple(itertools.pairwise(cuts)), (Entity(NAME, "PERSON", mentions),)
    )
    material = StoryMaterial(Story("s", None, (article.id,)), [article], {article.id: analysis})
    return speech_act_units(material, story_names(material))


def test_pronoun_nearer_the_verb_than_the_name_is_the_subject() -> None:
    text = "Edvin Rask made headlines in June when he angrily threatened a ferryman on the quay."
    (unit,) = _acts(text)
    assert (unit.speaker, unit.speaker_mention) == (NAME, "he")
    assert unit.text == "threatened a ferryman on the quay"


def test_act_of_a_relative_clause_after_an_open_apposition_ends_with_the_clause() -> None:
    text = (
        "Edvin Rask, a retired harbour chief and sailor who has announced a bid for "
        "the council on Tuesday, has long been outspoken on ferries."
    )
    (unit,) = _acts(text)
    assert unit.speaker == NAME
    assert unit.text == "announced a bid for the council on Tuesday"


def test_second_of_two_verbs_joined_to_the_opening_name() -> None:
    text = (
        "When pressed, Edvin Rask walked out of the studio but came back and threatened to "
        "sink the boat."
    )
    (unit,) = _acts(text)
    assert unit.speaker == NAME
    assert unit.text == "threatened to sink the boat"
    # Not across a clause boundary, nor when the sentence does not open with the name.
    text = "Edvin Rask stormed off, and the crowd left and threatened to sink the boat."
    assert _acts(text) == []
    text = "The crowd met Edvin Rask on a cold morning in May and threatened to sink the boat."
    assert _acts(text) == []


def test_passive_act_is_no_act_of_its_subject() -> None:
    assert _acts("Edvin Rask was accused of hiding the port accounts from voters.") == []
    assert _acts("Edvin Rask has been urged to reopen the port before summer.") == []


def test_told_with_a_clause_the_analysis_did_not_read_is_an_act() -> None:
    (unit,) = _acts("Edvin Rask told the radio during a broadcast that plans to close the port.")
    assert unit.text == "told the radio during a broadcast that plans to close the port"
    assert _acts("Edvin Rask was told by the council that the port would close.") == []


def _clause(text: str, article: str = "a") -> Unit:
    return Unit(article, 0, 100, 100 + len(text), False, text, NAME, NAME, (), (0, 100))


def test_speech_act_conjoined_to_a_reported_clause_is_a_piece_from_its_verb() -> None:
    first = "the port will reopen in spring if the council agrees"
    act = "urged voters to back the plan in May"
    elsewhere = _clause("voters should back the plan", "b")
    pieces = report_pieces([_clause(f"{first} and {act}"), elsewhere])
    assert [p.text for p in pieces] == [first, act, elsewhere.text]
    assert pieces[1].start == 100 + len(first) + len(" and ")
    rejected = "rejected claims that he hid the accounts"
    elsewhere = _clause("he never hid the port accounts", "b")
    pieces = report_pieces([_clause(f"he would seek a new law soon, and {rejected}"), elsewhere])
    assert [p.text for p in pieces[:2]] == ["he would seek a new law soon", rejected]
    # Not when no other article renders the act (one thing said, as it is often
    # written), nor at a verb that is no speech act.
    whole = f"{first} and {act}"
    other = _clause("the ferry timetable will change in spring", "b")
    assert report_pieces([_clause(whole), other])[0].text == whole
    whole = f"{first} and walked out of the hall at noon"
    other = _clause("he walked out of the hall at noon", "b")
    assert report_pieces([_clause(whole), other])[0].text == whole


def test_speech_act_named_by_its_noun() -> None:
    (unit,) = _acts("Edvin Rask made the announcement in his native village of Brenn on Friday.")
    assert (unit.speaker, unit.text) == (
        NAME,
        "made the announcement in his native village of Brenn on Friday",
    )
    (unit,) = _acts("Edvin Rask issued a blunt call for the harbour board to step down on Monday.")
    assert unit.text.startswith("issued a blunt call for the harbour board")
    # Making something else is no speech act.
    assert _acts("Edvin Rask made the trip to the harbour in his own boat on Friday.") == []
