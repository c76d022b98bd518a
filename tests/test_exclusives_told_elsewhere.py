"""Exclusives told elsewhere in other words: a claim built on words another outlet
prints in quote marks, a name that only stands beside words others report.

Invented stories (two outlets), analysed with the English pipeline; statements are
built by hand where a rule reads them. Lexical similarity only.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Article, Passage, Statement, Variant
from newsprism.reconcile.exclusive_details import StoryDetails
from newsprism.reconcile.exclusive_people import _AGENT_GAP
from newsprism.reconcile.exclusive_told import one_name, speaker_key
from newsprism.reconcile.exclusives import find_exclusives
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names
from tests.test_exclusives_details import story

PUBLISHED = datetime(2026, 5, 14, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def sentence_with(material: StoryMaterial, words: str) -> Passage:
    return next(s for s in material.story_pieces() if words in s.text)


def variant(material: StoryMaterial, article: Article, words: str, direct: bool) -> Variant:
    start = article.text.index(words)
    return Variant(material.passage(article.id, start, start + len(words)), direct)


# --- quoted words another outlet prints ---------------------------------------------------

LEVY_A = (
    "The Velmar council met on Tuesday to set the harbour levy for the coming year.\n\n"
    "Opposition members charged that the plan would mean \u201cclosing the old ferry "
    "line for good,\u201d a claim the harbour board in Velmar disputed."
)
LEVY_B = (
    "The Velmar council set the harbour levy on Tuesday.\n\n"
    "Councillor Brita Holm said the plan \u201cwould close the old ferry line for good\u201d "
    "and hurt the islands."
)


def _people_beside_shared(
    analyzer: Analyzer, texts: tuple[str, str], speaker: str, words: str, direct: bool = False
) -> list[str]:
    """The person exclusives' passages of a two-outlet story whose only statement is
    ``words`` said by ``speaker`` in both (Harbour Post: ``texts[0]``, Velmar Wire: 1)."""
    material = story(analyzer, ("Harbour Post", texts[0]), ("Velmar Wire", texts[1]))
    first, second = material.articles
    shared = Statement(
        "st1",
        speaker,
        (variant(material, first, words, direct), variant(material, second, words, direct)),
    )
    found = find_exclusives(material, [shared], compare_facts(material))
    return [e.passage.text for e in found if e.kind == "person"]


def test_claim_on_words_another_outlet_quotes(analyzer: Analyzer) -> None:
    """A sentence whose news is words another outlet prints as a quote ("closing the old
    ferry line for good" / "would close the old ferry line for good") is no claim
    exclusive: the quoted words are cut away like a shared figure, and what is left
    brings nothing the other outlet lacks."""
    material = story(analyzer, ("Harbour Post", LEVY_A), ("Velmar Wire", LEVY_B))
    found = find_exclusives(material, [], compare_facts(material))
    assert not [e for e in found if "ferry" in e.passage.text]
    details = StoryDetails(material, material.story_pieces(), story_names(material))
    charged = sentence_with(material, "charged that")
    assert [p.text for p in details.quoted_elsewhere(charged)] == [
        "closing the old ferry line for good,"
    ]


def test_quoted_words_only_another_outlet_uses_unquoted_stay(analyzer: Analyzer) -> None:
    """Words another outlet uses in its own voice, not as a quote, are no quote it
    prints: the claim stays."""
    a = (
        "The Velmar council met on Tuesday about the harbour.\n\n"
        "A proposal to post an armed \u201charbour warden\u201d on the Velmar quay during "
        "the night passed a council committee on Tuesday."
    )
    b = "The Velmar council met on Tuesday; the harbour warden spoke about the quay."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    details = StoryDetails(material, material.story_pieces(), story_names(material))
    assert details.quoted_elsewhere(sentence_with(material, "armed")) == []


# --- a name beside shared words -----------------------------------------------------------


def test_name_that_only_frames_shared_words_is_no_person(analyzer: Analyzer) -> None:
    """A name in the sentence of words both outlets report, not their speaker (the
    reporter who was told), is no person exclusive; a name with news of its own is."""
    a = (
        "\u201cThe harbour will reopen in May,\u201d Mayor Ansel Roos told the reporter "
        "Ivo Brandt on Tuesday.\n\n"
        "The new quay was designed by the engineer Lena Sarr of Velmar."
    )
    b = "\u201cThe harbour will reopen in May,\u201d Mayor Ansel Roos said on Tuesday."
    people = _people_beside_shared(
        analyzer, (a, b), "Ansel Roos", "The harbour will reopen in May,", direct=True
    )
    assert not [p for p in people if "Brandt" in p]
    assert [p for p in people if "Sarr" in p]


# --- a speaker's words told elsewhere in other words ---------------------------------------

SURGE_A = (
    "The Velmar harbour stayed shut on Tuesday after the night's storm.\n\n"
    "Mayor Ansel Roos said on Tuesday that the lock gates "
    "had been smashed, that mending would take weeks and that fishermen would pay.\n\n"
    "Ferries to Kelmar were sent to the northern quay."
)
SURGE_B = (
    "Velmar's harbour was closed on Tuesday.\n\n"
    "\u201cThe gates are smashed,\u201d he said.\n\n"
    "\u201cIt is weeks of mending.\u201d\n\n"
    "\u201cOur fishermen will pay,\u201d he said.\n\n"
    "\u201cWe will rebuild the fish market with money from the Kelmar fund,\u201d Roos added."
)


def test_speech_reported_as_a_quote_elsewhere_is_no_exclusive(analyzer: Analyzer) -> None:
    """One outlet reports the mayor's words as speech, the other quotes them: pairing
    left them apart, but against all the mayor's sentences in the other outlet the
    report resembles them, so it is no claim exclusive and the quote no quote
    exclusive; the mayor's new quote (the fish market) stays one."""
    material = story(analyzer, ("Harbour Post", SURGE_A), ("Velmar Wire", SURGE_B))
    first, second = material.articles
    reported = (
        "the lock gates had been smashed, that mending would take weeks and that "
        "fishermen would pay."
    )
    market = "We will rebuild the fish market with money from the Kelmar fund,"
    said = ["The gates are smashed,", "It is weeks of mending.", "Our fishermen will pay,"]
    statements = [
        Statement("st1", "Ansel Roos", (variant(material, first, reported, False),)),
        Statement("st2", "Ansel Roos", tuple(variant(material, second, w, True) for w in said)),
        Statement("st3", "Ansel Roos", (variant(material, second, market, True),)),
    ]
    found = find_exclusives(material, statements, compare_facts(material))
    texts = [e.passage.text for e in found]
    assert not [t for t in texts if "smashed" in t]
    assert [t for t in texts if "fish market" in t]


def test_name_with_news_of_its_own_beside_shared_words_stays(analyzer: Analyzer) -> None:
    """A person newly named in a sentence that goes on with words both outlets report
    (the injured guard the commander named, not the commander's addressee) is news
    only one outlet gives: still a person exclusive."""
    a = (
        "A man attacked a guard at the Selby depot in Korvath early on Monday.\n\n"
        "After naming the injured guard as Pavel Okoro, 38, Commander Lise Darrow said "
        "the attacker escaped by car toward the harbour."
    )
    b = (
        "Police in Korvath are looking for a man who attacked a guard on Monday.\n\n"
        "Commander Lise Darrow said the attacker escaped by car toward the harbour."
    )
    people = _people_beside_shared(
        analyzer, (a, b), "Lise Darrow", "the attacker escaped by car toward the harbour"
    )
    assert [p for p in people if "Okoro" in p]


@pytest.mark.parametrize(
    "framing",
    [
        "Speaking to the reporter Karin Velde, Mayor Ansel Roos said the harbour will "
        "reopen in May.",
        "Asked by the host Karin Velde whether it would open soon, Mayor Ansel Roos said "
        "the harbour will reopen in May.",
        "Mayor Ansel Roos told Karin Velde on Tuesday that the harbour will reopen in May.",
    ],
)
def test_addressee_of_shared_words_is_no_person(analyzer: Analyzer, framing: str) -> None:
    """The one spoken to or asking (the object of the speech verb: "speaking to X",
    "asked by X", "told X") only frames the shared words."""
    b = "Mayor Ansel Roos said on Tuesday the harbour will reopen in May."
    people = _people_beside_shared(
        analyzer, (framing, b), "Ansel Roos", "the harbour will reopen in May"
    )
    assert not [p for p in people if "Velde" in p]


def test_name_a_phrase_completes_after_the_addressee_stays(analyzer: Analyzer) -> None:
    """The family was told, not the man they are the family of: a name completing
    another phrase ("the family of X") is news of its own."""
    a = "Mayor Ansel Roos told the family of Pavel Okoro that the harbour will reopen in May."
    b = "Mayor Ansel Roos said on Tuesday the harbour will reopen in May."
    people = _people_beside_shared(analyzer, (a, b), "Ansel Roos", "the harbour will reopen in May")
    assert [p for p in people if "Okoro" in p]


@pytest.mark.parametrize(("speaker", "kept"), [("Lena Roos", True), ("Roos", False)])
def test_relative_of_one_surname_is_another_speaker(
    analyzer: Analyzer, speaker: str, kept: bool
) -> None:
    """The other outlet's resembling words are by another Roos (the mayor's sister):
    the mayor's reported words stay a claim exclusive; a bare "Roos" may be the mayor."""
    material = story(analyzer, ("Harbour Post", SURGE_A), ("Velmar Wire", SURGE_B))
    first, second = material.articles
    reported = (
        "the lock gates had been smashed, that mending would take weeks and that "
        "fishermen would pay."
    )
    said = ["The gates are smashed,", "It is weeks of mending.", "Our fishermen will pay,"]
    statements = [
        Statement("st1", "Ansel Roos", (variant(material, first, reported, False),)),
        Statement("st2", speaker, tuple(variant(material, second, w, True) for w in said)),
    ]
    found = find_exclusives(material, statements, compare_facts(material))
    assert bool([e for e in found if "smashed" in e.passage.text]) is kept


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        ("Mayor Ansel Roos", "Roos", True),
        ("Ansel Roos", "A. Roos", True),
        ("Ann Roos", "Ben Roos", False),
        ("Tom Hale Jr.", "Ed Marsh Jr.", False),
        ("Tom Hale Jr.", "Hale", True),
        ("Carl Voss III", "Dana Pike III", False),
        ("Ansel de Roos", "de Roos", True),
        ("Ansel de Roos", "Roos", True),
        ("Ansel de Roos", "Ben de Roos", False),
        ("Harbourmaster Ansel Roos", "Ansel Roos", True),
        ("Harbourmaster Ansel Roos", "A. Roos", False),  # the title reads as a given name
        ("Harbourmaster Ansel Roos", "Ben Roos", False),
        ("Ann B. Roos", "Ben Roos", False),
        ("Ann B. Roos", "A. Roos", True),
        ("Al Roos", "Lena Roos", False),  # a given name, not a particle (review s32/1)
        ("Van Roos", "Lena Roos", False),
        ("Da Roos", "Lena Roos", False),
        ("Ansel van der Roos", "van der Roos", True),
        ("Ansel Van Roos", "Ben Roos", False),
        # A surname respelt by one sound swapped is one name; by two sounds, another
        # (review s42/1 M3).
        ("Ansel Brienholt", "Breinholt", True),
        ("Ansel Kiarsen", "Kairsen", False),
    ],
)
def test_speaker_keys(a: str, b: str, one: bool) -> None:
    assert one_name(speaker_key(a), speaker_key(b)) is one


def test_agent_gap_reads_a_long_run_of_capitals_at_once() -> None:
    """The firm after an agent's name is read without backtracking over its letters."""
    gap = " of " + "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMN" + " (a station) and "
    assert _AGENT_GAP.fullmatch(gap) is None
    assert _AGENT_GAP.fullmatch(" of " + " ".join(["KTV"] * 12) + " (a station) and ") is None
    assert _AGENT_GAP.fullmatch(" of Kelmar TV ")


def test_witness_speaking_own_words_beside_shared_words_stays(analyzer: Analyzer) -> None:
    """A witness who says their own words in the sentence of shared words is the agent
    of their own cue, not of the shared quote's: still a person exclusive."""
    a = (
        "Witness Pavel Okoro said he heard three shots, and Commander Lise Darrow said "
        "the attacker escaped by car toward the harbour."
    )
    b = "Commander Lise Darrow said the attacker escaped by car toward the harbour."
    people = _people_beside_shared(
        analyzer, (a, b), "Lise Darrow", "the attacker escaped by car toward the harbour"
    )
    assert [p for p in people if "Okoro" in p]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Ansel Roos told reporters Pavel Okoro, 41, was wounded and the harbour will "
        "reopen in May.",
        "Mayor Ansel Roos told reporters Pavel Okoro was wounded and the harbour will reopen "
        "in May.",
        "Mayor Ansel Roos held talks with rebel leader Pavel Okoro and said the harbour will "
        "reopen in May.",
    ],
)
def test_name_with_a_clause_or_party_of_its_own_stays(analyzer: Analyzer, sentence: str) -> None:
    """Not the one told: a name followed by its own verb (after an optional age) is the
    subject of the reported clause, and a party to talks is no listener, nor the agent
    of the subject's next verb ("... Pavel Okoro and said"): the person is news."""
    b = "Mayor Ansel Roos said on Tuesday the harbour will reopen in May."
    people = _people_beside_shared(
        analyzer, (sentence, b), "Ansel Roos", "the harbour will reopen in May"
    )
    assert [p for p in people if "Okoro" in p]


def test_a_participle_after_the_age_of_the_one_told_opens_no_clause(analyzer: Analyzer) -> None:
    """ "told Karin Velde, 41, reached by phone, that ...": "reached" describes the one
    told, it is no verb of hers, so she is the addressee of shared words and no person
    exclusive (review s32 finding 10)."""
    a = (
        "Mayor Ansel Roos told Karin Velde, 41, reached by phone, that the harbour will "
        "reopen in May."
    )
    b = "Mayor Ansel Roos said on Tuesday the harbour will reopen in May."
    people = _people_beside_shared(analyzer, (a, b), "Ansel Roos", "the harbour will reopen in May")
    assert not [p for p in people if "Velde" in p]


GALE_A = (
    "Velmar's harbour reopened on Friday.\n\n"
    "\u201cWinter gales flooded the eastern channel,\u201d Mayor Ansel Roos said."
)
GALE_B = (
    "Velmar's harbour reopened on Friday.\n\n"
    "\u201cIt was a long winter for the town,\u201d Mayor Ansel Roos said.\n\n"
    "He listed the damage to the roofs of the market.\n\n"
    "\u201cThe gales took the roofs off,\u201d he said.\n\n"
    "Crews worked through the night.\n\n"
    "\u201cBoats cannot use the channel yet.\u201d\n\n"
    "The ferries wait at the pier.\n\n"
    "\u201cThe eastern docks are quiet,\u201d Roos said."
)


def test_new_quote_whose_words_are_spread_over_the_speakers_other_quotes_stays(
    analyzer: Analyzer,
) -> None:
    """The mayor's short new quote shares one word with each of his four quotes in the
    other outlet and nothing with any one of them beyond it: it is weighed against each
    of his sentences (and two that follow one another), not against all of them joined,
    which held all its words and hid it as told."""
    material = story(analyzer, ("Harbour Post", GALE_A), ("Velmar Wire", GALE_B))
    first, second = material.articles
    new = "Winter gales flooded the eastern channel,"
    said = [
        "It was a long winter for the town,",
        "The gales took the roofs off,",
        "Boats cannot use the channel yet.",
        "The eastern docks are quiet,",
    ]
    statements = [
        Statement("st1", "Ansel Roos", (variant(material, first, new, True),)),
        Statement("st2", "Ansel Roos", tuple(variant(material, second, w, True) for w in said)),
    ]
    found = find_exclusives(material, statements, compare_facts(material))
    assert [e for e in found if e.kind == "quote" and "gales flooded" in e.passage.text]
