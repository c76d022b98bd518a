"""Exclusives that another source gives in another form: a name spelled another way, a
figure said of other words, a person named only inside words both sources report.

Invented stories (two outlets), analysed with the English pipeline; statements built by
hand where a rule reads them. Lexical similarity only.
"""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Passage, Statement, Variant
from newsprism.reconcile.exclusive_details import StoryDetails, spelled_alike
from newsprism.reconcile.exclusive_told import one_name as told_one_name
from newsprism.reconcile.exclusives import find_exclusives
from newsprism.reconcile.facts import compare_facts
from newsprism.reconcile.material import StoryMaterial
from newsprism.reconcile.roster import story_names
from tests.test_exclusives_details import story


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def sentence_with(material: StoryMaterial, words: str) -> Passage:
    return next(s for s in material.story_pieces() if words in s.text)


def people(material: StoryMaterial, statements: list[Statement]) -> list[str]:
    found = find_exclusives(material, statements, [])
    return [e.passage.text for e in found if e.kind == "person"]


# --- names spelled two ways ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("halvorsen", "halvorson", True),  # a letter changed
        ("dressler", "dresler", True),  # a letter dropped
        ("halvorsen", "halvorsen", False),  # the same spelling is no respelling
        ("rick", "rice", False),  # too short to tell
        ("morten", "norten", False),  # another first letter
        ("halvorsen", "halverson", False),  # two edits
        ("brienna", "breinna", True),  # two neighbouring letters swapped
        ("brienna", "breinne", False),  # swapped and another letter changed
        ("brienna", "brianne", False),  # letters moved, not neighbours swapped
        # Invented: 'ou'/'uo' are two romanised sounds ("Zhou" / "Zhuo"): two surnames
        # (review s42/4 LOW).
        ("dalouan", "daluoan", False),
        ("zhoulin", "zhuolin", False),
        ("loubana", "luobana", False),
        ("sarno", "saron", False),  # a vowel and a consonant swapped: another name
        ("carol", "carlo", False),
        ("thorne", "throne", False),
        ("marie", "maire", False),
        ("bertka", "bretka", False),  # invented: a consonant and a vowel swapped
        ("hadnel", "handel", False),  # invented: two consonants swapped
        # Two vowels of two sounds swapped: another name (review s42/1 M3).
        ("dianora", "dainora", False),
        ("kiarel", "kairel", False),
        ("luciane", "lucaine", False),
        ("madrian", "madrain", False),
    ],
)
def test_spelled_alike(a: str, b: str, alike: bool) -> None:
    assert spelled_alike(a, b) is alike


def test_speakers_whose_surnames_swap_a_vowel_and_a_consonant_are_two() -> None:
    """Invented: "Lina Sarno" quoted by one outlet, "Saron" by another are two speakers;
    a swap of one sound's vowels ("Breinholt" for "Brienholt") stays one speaker's
    respelling, one of two sounds ("Zhuolan" for "Zhoulan") does not."""
    assert not told_one_name("lina sarno", "saron")
    assert not told_one_name("thorne", "throne")
    assert told_one_name("lina brienholt", "breinholt")
    assert not told_one_name("ansel zhoulan", "zhuolan")


def test_respelled_name_is_no_person_exclusive(analyzer: Analyzer) -> None:
    """One paper writes "Anders Halvorsen", the other "Anders Halvorson": one person, not
    a person only one of them names. A name nobody else gives stays listed."""
    a = (
        "Anders Halvorsen, the ferry's captain, steered the boat back to Velmar.\n\n"
        "Petra Lund, a nurse, treated two passengers on the quay."
    )
    b = "The captain, Anders Halvorson, steered the ferry back to Velmar on Sunday."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    named = people(material, [])
    assert not [n for n in named if "Halvors" in n]
    assert "Petra Lund" in named


@pytest.mark.parametrize(
    "line",
    [
        "A clerk saw the skipper at Carl Moen's, the police said.",
        "Carl Moen staff gave the police the camera footage.",
        "Jonas Veld, who was working for Carl Moen, was unhurt.",
        "(Reporting by Carl Moen; editing by Ivo Brandt)",
    ],
)
def test_a_place_firm_or_credit_is_no_person_exclusive(analyzer: Analyzer, line: str) -> None:
    """A name the words around it make a place, a firm or a page's credit ("at", "working
    for", "... staff", "Editing by") is no person in the news, whatever the parse tags it;
    a person one paper names stays listed."""
    a = (
        "The ferry ran aground off Velmar on Sunday, the harbour said.\n\n"
        f"Petra Lund, a nurse, treated two passengers on the quay.\n\n{line}"
    )
    b = "The Velmar ferry ran aground on Sunday, the harbour office said."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    named = people(material, [])
    assert not [n for n in named if "Moen" in n], named
    assert "Petra Lund" in named


@pytest.mark.parametrize(
    "line",
    [
        "A passenger fired a flare at Carl Moen, the ferry's first mate, as it listed.",
        "Witnesses said a crewman shouted at Carl Moen to leave the wheelhouse.",
        "Carl Moen's company owns the ferry and two others on the fjord.",
        "Passengers were taken to Carl Moen's restaurant, where the owner gave them tea.",
        "Carl Moen's employees said the captain had worked a double shift.",
        "A nanny working for Carl Moen, the ferry line's chief, was among the injured.",
        "The gunman aimed at Carl Moen. Moen, 52, a retired judge, was unhurt.",
    ],
)
def test_a_person_beside_place_words_stays_listed(analyzer: Analyzer, line: str) -> None:
    """A person shot or shouted "at", an owner's company or staff, a boss someone works
    for with a role after the name: a person in the news (review s34 F3), listed."""
    a = (
        "The ferry ran aground off Velmar on Sunday, the harbour said.\n\n"
        f"Petra Lund, a nurse, treated two passengers on the quay.\n\n{line}"
    )
    b = "The Velmar ferry ran aground on Sunday, the harbour office said."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    named = people(material, [])
    assert [n for n in named if "Moen" in n], named


def test_respelled_name_is_a_carried_detail(analyzer: Analyzer) -> None:
    """A sentence of another source carries a passage's name spelled one letter apart
    ("Dressler" / "Drescler" would not be: two letters)."""
    a = "The Velmar council fined Greta Dressler for the harbour fire on Monday."
    b = "Dresler paid the fine the council of Velmar set on Monday for the fire."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    sentences = material.story_pieces()
    details = StoryDetails(material, sentences, story_names(material))
    mine = sentence_with(material, "Dressler")
    theirs = sentences.index(sentence_with(material, "Dresler paid"))
    assert details.carried_share(mine, theirs) == 1.0


# --- a figure another source gives for other words --------------------------------------


def test_same_figure_said_of_other_words_is_given_elsewhere(analyzer: Analyzer) -> None:
    """ "312 delegates" and "312 votes", "over a period of nine years" and "the nine-year
    survey": the same value in the same unit from another source is no exclusive figure,
    whatever word it counts; a small count without a unit ("3 boats" / "3 cranes") may
    be another thing and is not taken as given."""
    a = (
        "In all 312 delegates backed the harbour plan at the congress in Velmar.\n\n"
        "Over a period of nine years, the researchers mapped every wreck in the bay.\n\n"
        "The storm sank 3 boats in the Velmar harbour."
    )
    b = (
        "The harbour plan passed with 312 votes at the Velmar congress.\n\n"
        "The nine-year survey of the bay mapped its wrecks.\n\n"
        "Workers moved 3 cranes along the quay."
    )
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    details = StoryDetails(material, material.story_pieces(), story_names(material))
    given = details.in_sentence(sentence_with(material, "312 delegates"))
    assert ["312" in f.text for f in given] == [True]
    given = details.in_sentence(sentence_with(material, "nine years"))
    assert ["nine" in f.text for f in given] == [True]
    assert details.in_sentence(sentence_with(material, "3 boats")) == []
    found = find_exclusives(material, [], compare_facts(material))
    assert not [e for e in found if "312" in e.passage.text or "nine years" in e.passage.text]


# --- a person named only inside shared words ----------------------------------------------


def test_person_named_inside_shared_words_is_no_person(analyzer: Analyzer) -> None:
    """The interviewer one paper names stands inside the very sentence both papers report
    (a statement of two sources): the name brings no news of its own. Without that
    statement the name is one paper's detail."""
    words = "the harbour will stay closed until Friday"
    a = f"Speaking to the reporter Karin Velde, the mayor said {words}."
    b = f"The mayor told reporters that {words}."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    first, second = material.articles
    variants = tuple(
        Variant(material.passage(x.id, 0, len(x.text) - 1), False) for x in (first, second)
    )
    statements = [Statement("st1", "the mayor", variants)]
    assert not [n for n in people(material, statements) if "Velde" in n]
    assert [n for n in people(material, []) if "Velde" in n]


# --- a quote holding a figure another source gives -------------------------------------------


@pytest.mark.parametrize(
    ("theirs", "given"),
    [
        # The other paper gives the quote's figure: the quote is not one paper's news.
        ("Velmar lost 4 cranes on Sunday.", True),
        # The other paper gives no figure of the quote's: the quote stays exclusive.
        ("The storm hit the Velmar shipyard on Sunday.", False),
    ],
)
def test_quote_holding_a_figure_given_elsewhere(
    analyzer: Analyzer, theirs: str, given: bool
) -> None:
    """A one-source quote whose words give a figure another source gives ("four cranes"
    / "4 cranes") is shown whole, so it cannot be cut free of it as a claim is: it is
    no quote exclusive."""
    words = "The four cranes were wrecked and the shipyard will take the insurer to court"
    a = f"\u201c{words},\u201d said Jonas Brekke, the yard's owner."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", theirs))
    first = material.articles[0]
    start = first.text.index(words)
    variant = Variant(material.passage(first.id, start, start + len(words)), True)
    statements = [Statement("st1", "Jonas Brekke", (variant,))]
    found = find_exclusives(material, statements, compare_facts(material))
    quotes = [e.passage.text for e in found if e.kind == "quote"]
    assert (quotes == []) is given


# --- a figure's conversion ------------------------------------------------------------------


def test_conversion_of_a_shared_figure_is_no_fact_exclusive(analyzer: Analyzer) -> None:
    """ "about 1,700ft (580m)" beside the other paper's "1,700 feet": the metres restate
    the feet (rounded loosely, so fact grouping does not join them), so they are no
    single-source figure (the cut at the parenthesis listed "580m) over the old harbour
    ..." as a fact exclusive)."""
    a = (
        "Police said the drone hit the ferry's mast at about 1,700ft (580m) over the old "
        "harbour of Velmar on Sunday."
    )
    b = "The drone was flying at 1,700 feet when it struck the Velmar ferry, police said."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    found = find_exclusives(material, [], compare_facts(material))
    assert not [e for e in found if e.kind == "fact" and "580m" in e.passage.text]
    assert not [e for e in found if e.passage.text.startswith("580m)")]


# --- a lead-in -----------------------------------------------------------------------------


def test_lead_in_ending_with_a_colon_is_no_claim(analyzer: Analyzer) -> None:
    """ "Kristin Aalund, the shipyard's lawyer, said in a statement on Monday:" announces
    what follows; it is no claim of its own (what it announces is judged on its own)."""
    a = (
        "Kristin Aalund, the shipyard's lawyer, said in a statement on Monday:\n\n"
        "\u201cThe Orsk ferry will sail again on Friday after its engine is repaired.\u201d"
    )
    b = "The harbour in Velmar reopened to barges on Monday."
    material = story(analyzer, ("Harbour Post", a), ("Velmar Wire", b))
    claims = [e.passage.text for e in find_exclusives(material, [], []) if e.kind == "claim"]
    assert not [c for c in claims if "in a statement" in c]
    assert [c for c in claims if "Orsk ferry" in c]
