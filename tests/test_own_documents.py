"""Statements: a speaker's own document printed by an outlet (issue 12), on invented
stories. One outlet prints a letter, a press release or a statement set off after a
lead-in, in the issuer's voice and without quote marks; another quotes a sentence of
it. The document's sentences are units with the issuer as speaker, so the quote pairs
with them; the reporter's own first person is no document."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from newsprism.model import Analysis, Article, Entity, Mention, Quote, Statement, Story, article_id
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.own_documents import _Page, own_document_units
from newsprism.reconcile.roster import story_names
from newsprism.reconcile.similarity import LexicalSimilarity
from newsprism.reconcile.statement_units import Unit, quote_units
from newsprism.reconcile.statements import StatementOptions, align_statements

_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+[\"”]?|$)")

_LETTER = (
    "Dear Councillor Brandt,\n\n"
    "I write to you as a ferry pilot of twenty years. I cannot stay silent while the "
    "night crossings run without a second engineer; we have warned the harbour board "
    "about the engine room three times since spring. Nobody has answered us.\n\n"
    "I will not take the late boat out again until the rota is changed.\n\n"
    "With respect,\n\n"
    "Oskar Vell"
)
_QUOTED_SENTENCE = "I will not take the late boat out again until the rota is changed."
_REPORT = (
    "A veteran pilot has refused to sail at night. Oskar Vell wrote to the council on "
    f'Monday. "{_QUOTED_SENTENCE}" Vell wrote in the letter.\n\n'
    "The harbour board said it would review the rota."
)


def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _SENTENCE.finditer(text) if m.group().strip())


def _article(
    outlet: str, text: str, quotes: Sequence[Quote] = (), people: Sequence[str] = ()
) -> tuple[Article, Analysis]:
    article = Article(article_id(outlet, text), f"{outlet}.txt", text, outlet=outlet)
    entities = tuple(
        Entity(
            name,
            "PERSON",
            tuple(Mention(name, m.start(), m.end()) for m in re.finditer(name, text)),
        )
        for name in people
        if name in text
    )
    analysis = Analysis(article.id, "test", _sentences(text), entities, tuple(quotes))
    return article, analysis


def _material(*pieces: tuple[Article, Analysis]) -> StoryMaterial:
    articles = [a for a, _ in pieces]
    story = Story("s", None, tuple(a.id for a in articles))
    return StoryMaterial(story, articles, {a.id: an for a, an in pieces})


def _direct(text: str, words: str, speaker: str, group: int = 0) -> Quote:
    start = text.index(words)
    return Quote(words, start, start + len(words), True, speaker, speaker, group=group)


def _units(material: StoryMaterial) -> list[Unit]:
    names = story_names(material)
    return own_document_units(material, quote_units(material, names), names)


def _letter_story(letter: str = _LETTER) -> StoryMaterial:
    quote = _direct(_REPORT, _QUOTED_SENTENCE, "Oskar Vell")
    return _material(
        _article("Courier", _REPORT, [quote], ["Oskar Vell"]),
        _article("Herald", letter, people=["Oskar Vell"]),
    )


def _holding(statements: Sequence[Statement], outlet: str, words: str) -> Statement | None:
    return next(
        (
            s
            for s in statements
            for v in s.variants
            if v.passage.outlet == outlet and words in v.passage.text
        ),
        None,
    )


def test_a_printed_letter_is_its_signatory_s_units_one_per_sentence() -> None:
    material = _letter_story()
    units = _units(material)
    herald = material.articles[1]
    assert {u.article for u in units} == {herald.id}
    assert all(herald.text[u.start : u.end] == u.text for u in units)
    assert {(u.speaker, u.speaker_mention, u.direct) for u in units} == {
        ("Oskar Vell", "Oskar Vell", False)
    }
    texts = [u.text for u in units]
    assert _QUOTED_SENTENCE in texts
    # The salutation, the closing and the name line are no units.
    assert not any("Dear" in t or "With respect" in t or t == "Oskar Vell" for t in texts)
    # A sentence of two claims is cut at its semicolon.
    assert "I cannot stay silent while the night crossings run without a second engineer" in texts
    assert any(t.startswith("we have warned the harbour board") for t in texts)


def test_a_letter_signed_and_addressed_in_another_script_s_capitals_is_a_document() -> None:
    # "Ö", "Ł" are capitals too: a signature of non-ASCII letters is a name line.
    letter = _LETTER.replace("Oskar Vell", "Örjan Łysak").replace("Brandt", "Ødegård")
    report = _REPORT.replace("Oskar Vell", "Örjan Łysak").replace("Vell", "Łysak")
    quote = _direct(report, _QUOTED_SENTENCE, "Örjan Łysak")
    material = _material(
        _article("Courier", report, [quote], ["Örjan Łysak"]),
        _article("Herald", letter, people=["Örjan Łysak"]),
    )
    units = _units(material)
    assert {u.speaker for u in units} == {"Örjan Łysak"}
    assert _QUOTED_SENTENCE in [u.text for u in units]
    # A lower-case line ending in a comma is no sign-off.
    lowered = letter.replace("With respect,", "with respect,")
    material = _material(
        _article("Courier", report, [quote], ["Örjan Łysak"]),
        _article("Herald", lowered, people=["Örjan Łysak"]),
    )
    assert _units(material) == []


def test_the_quoted_sentence_joins_the_letter_in_one_statement() -> None:
    material = _letter_story()
    found = align_statements(material, LexicalSimilarity())
    statement = _holding(found, "Herald", "late boat")
    assert statement is not None
    assert statement is _holding(found, "Courier", "late boat")
    assert statement.speaker == "Oskar Vell"
    off = align_statements(material, LexicalSimilarity(), StatementOptions(own_documents=False))
    assert _holding(off, "Herald", "late boat") is None


def test_a_letter_no_sign_off_names_gives_no_unit() -> None:
    letter = (
        "Dear Councillor Brandt,\n\n"
        "I will not take the late boat out again until the rota is changed.\n\n"
        'The pilot\'s letter ends there. "It was a hard letter to write," he told us.\n\n'
        "The council meets on Thursday."
    )
    # The letter runs to the first line of reporting, but no sign-off names its writer:
    # no unit (an unnamed letter would pair with whoever said something like it).
    assert _units(_letter_story(letter)) == []


_RELEASE = (
    "Harbour Board Press Release\n\n"
    "Office of Communications\n\n"
    "The Harbour Board regrets the cancellation of the night crossings this week. We are "
    "hiring two more engineers and expect the crossings to resume in May.\n\n"
    "Office of Communications\n\n"
    "press@harbour.example (555) 014-2200\n\n"
    "###\n\n"
    "The Harbour Board runs the ports of the northern coast and their ferries."
)


def test_a_press_release_is_its_issuer_s_up_to_the_contact_block() -> None:
    material = _material(_article("Wire", _RELEASE))
    units = _units(material)
    assert [u.text for u in units] == [
        "The Harbour Board regrets the cancellation of the night crossings this week.",
        "We are hiring two more engineers and expect the crossings to resume in May.",
    ]
    assert {u.speaker for u in units} == {"Harbour Board"}
    # One group for the paragraph: its sentences rejoin where quoted together.
    assert len({u.group for u in units}) == 1


def test_a_statement_from_an_issuer_named_in_another_script_is_its_issuer_s() -> None:
    release = _RELEASE.replace("Harbour Board Press Release", "Statement from Ørsund Ferjer")
    release = release.replace("The Harbour Board regrets", "Ørsund Ferjer regrets")
    units = _units(_material(_article("Wire", release)))
    assert {u.speaker for u in units} == {"Ørsund Ferjer"}
    assert units[0].text.startswith("Ørsund Ferjer regrets")


_LEAD_IN = (
    "The pilot published his reasons on Sunday. Vell addressed the council directly, "
    "writing:\n\n"
    "I have sailed these waters since I was a boy.\n\n"
    "It is hard to turn against the people who trained you. But the rota puts every "
    "passenger at risk, and we have said so for a year.\n\n"
    "The council has not replied. Its next meeting is on Thursday."
)


def test_unmarked_lines_after_a_lead_in_are_the_lead_in_speaker_s() -> None:
    first = "I have sailed these waters since I was a boy."
    quote = _direct(_LEAD_IN, first, "Oskar Vell")
    material = _material(_article("Herald", _LEAD_IN, [quote], ["Oskar Vell"]))
    units = _units(material)
    # The first line is the analysis's quote already; the second, in the same voice, is
    # new; the reporter's line after it is no one's statement.
    assert [u.text for u in units] == [
        "It is hard to turn against the people who trained you.",
        "But the rota puts every passenger at risk, and we have said so for a year.",
    ]
    assert {u.speaker for u in units} == {"Oskar Vell"}


def test_the_reporter_s_own_voice_and_look_alikes_are_no_document() -> None:
    texts = [
        # The reporter's "we" and "us", no letter, header or lead-in.
        "As we reported on Monday, the night crossings were cancelled. The board told us "
        "it would hire two engineers.",
        # A headline holding the word "statement" labels no document.
        "Pilot statement angers harbour board\n\nThe board said it would reply. We asked "
        "the pilot for comment.",
        # A lead-in ending on a sentence that introduces nothing said.
        '"We run a safe service," said the manager. Watch:\n\nWe filmed the quay at dawn.',
        # A quotation in marks after a lead-in ends at its closing mark.
        'The manager said:\n\n"We run a safe service."\n\nWe asked again on Tuesday.',
    ]
    for text in texts:
        assert _units(_material(_article("Courier", text))) == [], text


_POSTED = (
    "The pilot took his case online.\n\n"
    "Nobody sails the late boat until the rota changes, not one crossing "
    "https://t.co/Xq7Rr2Lm — Oskar Vell (@oskarvell_pilot) March 3, 2031\n\n"
    "The harbour board did not reply."
)


def test_a_post_printed_with_its_sign_off_is_its_author_s() -> None:
    material = _material(_article("Courier", _POSTED, people=["Oskar Vell"]))
    units = _units(material)
    # The link and the sign-off are no part of what was said.
    assert [u.text for u in units] == [
        "Nobody sails the late boat until the rota changes, not one crossing"
    ]
    assert units[0].speaker == "Oskar Vell"
    # A reply that quotes another post first holds two people's words: no unit.
    reply = '"Will you sail?" Yes, at dawn. — Oskar Vell (@oskarvell_pilot) March 3, 2031'
    assert _units(_material(_article("Herald", reply))) == []


def test_the_overlap_look_up_matches_a_scan_of_every_unit() -> None:
    rng = random.Random(7)
    text = "x" * 2000
    article, analysis = _article("Courier", text)
    material = _material((article, analysis))
    spans = [(a, a + rng.randint(1, 200)) for a in (rng.randrange(1900) for _ in range(40))]
    units = [
        Unit(article.id, -k - 1, a, b, True, text[a:b], None, None, (), (0, a))
        for k, (a, b) in enumerate(spans)
    ]
    page = _Page(material, article, units, story_names(material))
    for _ in range(500):
        start = rng.randrange(2000)
        end = start + rng.randint(1, 60)
        assert page._taken(start, end) == any(a < end and start < b for a, b in spans)


def test_a_lead_in_names_its_speaker_by_the_document_s_issuer_or_its_subject() -> None:
    block = "\n\nWe will keep the night crossings running until the engineers arrive.\n\n"
    issued = f"The board answered on Friday. Read the full statement from Lene Brandt:{block}"
    (unit,) = _units(_material(_article("Herald", issued)))
    assert (unit.speaker, unit.speaker_mention) == ("Lene Brandt", "Lene Brandt")
    # "released from Kelmar Prison" names a place he left, not the writer.
    freed = f"Oskar Vell, who was released from Kelmar Prison on Monday, wrote:{block}"
    (unit,) = _units(_material(_article("Herald", freed, people=["Oskar Vell"])))
    assert unit.speaker == "Oskar Vell"
