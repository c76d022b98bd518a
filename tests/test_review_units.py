"""Statement units after review (invented text): a passive behind an adverb, the
sentence's subject against a nearer object's name, outlets named after a file stem."""

from __future__ import annotations

import itertools
import re

from newsprism.model import Analysis, Article, Entity, Mention, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.printed_quotes import printed_quote_units
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.speech_acts import speech_act_units
from newsprism.reconcile.statement_units import Unit

PEOPLE = ("Edvin Rask", "Ana Holt")
# Fourteen words, over REPRINT_WORDS: long enough to count as a reprint.
RUN = "the harbour board met at dawn to weigh the closure of the old ferry pier"


def _acts(text: str) -> list[Unit]:
    """The speech-act units of one article whose every Rask and Holt is a person."""
    entities = tuple(
        Entity(
            name,
            "PERSON",
            tuple(Mention(name, m.start(), m.end()) for m in re.finditer(re.escape(name), text)),
        )
        for name in PEOPLE
        if name in text
    )
    article = Article(article_id("A", text), "A.txt", text, outlet="A")
    cuts = [0, *(m.end() for m in re.finditer(r"\. (?=[A-Z])", text)), len(text)]
    analysis = Analysis(article.id, "test", tuple(itertools.pairwise(cuts)), entities)
    material = StoryMaterial(Story("s", None, (article.id,)), [article], {article.id: analysis})
    return speech_act_units(material, story_names(material))


def _material(*pieces: tuple[str, str]) -> StoryMaterial:
    articles = [Article(article_id(o, t), f"{o}.txt", t, outlet=o) for o, t in pieces]
    analyses = {a.id: Analysis(a.id, "test", ((0, len(a.text)),)) for a in articles}
    return StoryMaterial(Story("s", None, tuple(a.id for a in articles)), articles, analyses)


def test_passive_behind_an_adverb_is_no_act_of_its_subject() -> None:
    text = "Edvin Rask was sharply criticized by the council on Monday for the port debts."
    assert _acts(text) == []
    assert _acts("Edvin Rask was publicly accused of hiding the accounts.") == []
    assert _acts("Edvin Rask was not urged by anyone to reopen the port.") == []
    # An active act after an adverb stays.
    (unit,) = _acts("Edvin Rask sharply criticized the council on Monday for the port debts.")
    assert unit.speaker == "Edvin Rask"


def test_opening_subject_beats_a_nearer_object_name() -> None:
    (unit,) = _acts("Edvin Rask met Ana Holt on Monday and blamed the council for the port debts.")
    assert unit.speaker == "Edvin Rask"
    (unit,) = _acts("Edvin Rask thanked Ana Holt and praised the crews for their work.")
    assert unit.speaker == "Edvin Rask"
    # A name that is the subject itself, nearest the verb, still wins.
    (unit,) = _acts("On Monday in Kelmar, Ana Holt blamed the council for the port debts.")
    assert unit.speaker == "Ana Holt"


def test_file_stem_outlets_are_not_named_by_ordinary_words() -> None:
    # Each article's ordinary words hold the other's outlet: "1", "news", "a".
    one = f"The board voted 7 to 1 on the plan. {RUN}."
    two = f"It was in the news all week, a long one. {RUN}."
    assert printed_quote_units(_material(("news", one), ("1", two)), []) == []
    assert printed_quote_units(_material(("2", two), ("a", one)), []) == []


def test_outlet_named_capitalised_still_reprints() -> None:
    herald = f"Sarnow Herald story.\n\n{RUN}.\n\nThe end."
    times = f"Here is an excerpt from the Sarnow Herald report:\n\n{RUN}.\n\nMore later."
    assert len(printed_quote_units(_material(("Sarnow Herald", herald), ("Times", times)), [])) == 2


def test_pronoun_skips_a_person_of_the_other_gender_by_honorific() -> None:
    text = "Ms. Ana Holt praised Mr. Edvin Rask on Monday. She also urged the council to act."
    units = [u for u in _acts(text) if u.speaker_mention == "She"]
    assert [u.speaker for u in units] == ["Ana Holt"]
    # Without honorifics the last person named is still the guess.
    text = "Ana Holt praised Edvin Rask on Monday. She also urged the council to act."
    units = [u for u in _acts(text) if u.speaker_mention == "She"]
    assert [u.speaker for u in units] == ["Edvin Rask"]
