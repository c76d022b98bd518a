"""Facts: the keep-apart rules of stop 36 split no true group (s37, issue 12).

Read on ECB+ and the development sets: a rate written with an adverb ("50 percent
daily") is a rate, and one person's equal age under a short form of the given name is
one fact. s37 review: an adjective of time before a noun is no rate, a rate and a total
of one figure stay apart, and two given names of one age are two people. Invented
articles, real analyser.
"""

from __future__ import annotations

import pytest

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact
from newsprism.reconcile.fact_items import _untitled
from newsprism.reconcile.fact_scope import holder, per_unit
from newsprism.reconcile.given_names import one_name
from tests.test_facts_real_shapes import analyzer, facts_of  # noqa: F401


def _outlets_of(fact: Fact) -> set[str]:
    return {v.passage.outlet or "" for v in fact.values}


def _joined(facts: list[Fact], written: str) -> list[Fact]:
    return [
        f
        for f in facts
        if len(_outlets_of(f)) == 2 and any(written in v.passage.text for v in f.values)
    ]


def test_rates_written_with_an_adverb() -> None:
    text = "signups rose at a rate of 40 percent daily"
    assert per_unit(text, text.index("percent") + 7)
    text = "the mill lost $3 million weekly in May"
    assert per_unit(text, text.index("million") + 7)
    text = "he paid $12 million for the house"
    assert not per_unit(text, text.index("million") + 7)


def test_an_adjective_of_time_before_a_noun_is_no_rate() -> None:
    # s37 review H4: "annual budget", "monthly rent", "daily newspaper" name a total.
    for text, word in (
        ("it passed a $7 million annual budget", "million"),
        ("tenants pay $900 monthly rent", "$900"),
        ("it killed 9 people daily newspaper Orvel Star said", "people"),
        ("a $12 million average annual value", "million"),
    ):
        assert not per_unit(text, text.index(word) + len(word)), text


def test_an_annual_budget_differs_with_a_budget(analyzer: Analyzer) -> None:  # noqa: F811
    base = "Orvel council met on Monday. "
    first = base + "It approved a $7 million annual budget for the harbour."
    second = base + "It approved a $9 million budget for the harbour."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _joined(facts, "million")] == ["differ"], facts


def test_a_daily_rate_joins_the_same_rate_per_day(analyzer: Analyzer) -> None:  # noqa: F811
    first = "The Kelmar worm spread fast. Infections grew at a rate of 40 percent daily."
    second = "The Kelmar worm spread fast. Infections grew by 40 percent every day."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _joined(facts, "40")] == ["agree"], facts


def test_a_rate_and_a_total_of_one_figure_stay_apart(analyzer: Analyzer) -> None:  # noqa: F811
    # s37 review H5: a clinic's daily rate is no corroboration of a total after a blast.
    base = "A blast hit Orvel on Monday. "
    first = base + "Orvel clinic treats 30 patients a day."
    second = base + "Orvel clinic treated 30 patients after the blast."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not _joined(facts, "30"), facts


def test_one_persons_equal_age_under_a_short_form_is_one_fact(
    analyzer: Analyzer,  # noqa: F811
) -> None:
    base = "A tram left the rails in Ostvik on Sunday. "
    first = base + "The driver, Bartholomew Vrell, 52, was held."
    second = base + "The driver, Bart Vrell, 52, was held."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _joined(facts, "52")] == ["agree"], facts


def test_equal_ages_of_two_given_names_stay_apart(analyzer: Analyzer) -> None:  # noqa: F811
    # s37 review H6: siblings of one age in two articles are two people.
    base = "A ferry sank off Ostvik on Sunday. "
    first = base + "The captain, Teodor Vrell, 47, was held."
    second = base + "His sister Teodora Vrell, 47, was among the dead."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not _joined(facts, "47"), facts


def test_equal_ages_of_brothers_under_a_nickname_table_pair_stay_apart(
    analyzer: Analyzer,  # noqa: F811
) -> None:
    # s40: the nicknames table lists "Billy" under "Robert" (and "Robert" under "Billy"),
    # but "Billy" keeps the letters of "William", not of "Robert": twins, two people
    base = "A ferry sank off Ostvik on Sunday. "
    first = base + "The captain, Billy Vrell, 47, was held."
    second = base + "His twin Robert Vrell, 47, was among the dead."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not _joined(facts, "47"), facts


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # s39 review: the nicknames table lists "Justina" under "Justin"
        ("The driver, Justin Vrell, 45, was hurt.", "His sister Justina Vrell, 45, was unhurt."),
        # a nickname men bear too ("Alex" of "Alexander") is no woman's
        ("The driver, Alex Vrell, 45, was hurt.", "His sister Alexandra Vrell, 45, was unhurt."),
        ("The driver, Samuel Vrell, 45, was hurt.", "His sister Samantha Vrell, 45, was unhurt."),
        # a female form ending otherwise than in "a" (the first-letters test joined them)
        ("The driver, Louis Vrell, 45, was hurt.", "His sister Louise Vrell, 45, was unhurt."),
        ("The driver, Joseph Vrell, 45, was hurt.", "His sister Josephine Vrell, 45, was unhurt."),
        # s40: a woman's ending in place of the male name's last syllable
        ("The driver, Michael Vrell, 45, was hurt.", "His sister Michelle Vrell, 45, was unhurt."),
        ("The driver, Christian Vrell, 45, was hurt.", "His twin Christine Vrell, 45, was unhurt."),
    ],
)
def test_equal_ages_of_a_male_and_a_female_form_stay_apart(
    analyzer: Analyzer,  # noqa: F811
    first: str,
    second: str,
) -> None:
    base = "A ferry sank off Ostvik on Sunday. "
    facts = facts_of(analyzer, [("Ardmoor Gazette", base + first), ("Tessel Post", base + second)])
    assert not _joined(facts, "45"), facts


def test_equal_ages_of_two_people_one_article_names_stay_apart(
    analyzer: Analyzer,  # noqa: F811
) -> None:
    base = "A tram left the rails in Ostvik on Sunday. "
    first = base + "The driver, Katarzyna Vrell, 52, was held. Her husband Teodor Vrell was hurt."
    second = base + "A passenger, Teodor Vrell, 52, was hurt."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not _joined(facts, "52"), facts


def test_the_holder_is_of_the_pronouns_gender() -> None:
    text = "Mr. Lind won the race. But she had 12 points. He had 9 points."
    sentences = ((0, 22), (23, 45), (46, 62))
    persons = [("lind", 0, 8)]
    assert holder(text, sentences, text.index("12"), persons) is None  # "she", no Mr.
    text2 = "Mr. Lind won the race. Nobody saw it. He had 9 points."
    assert holder(text2, ((0, 22), (23, 37), (38, 54)), text2.index("9"), persons) == "lind"
    text3 = "His sister Ana Lind won. But he had 12 points."
    assert holder(text3, ((0, 24), (25, 46)), text3.index("12"), [("lind", 11, 19)]) is None
    text4 = "Ana Lind won. But she had 12 points."
    assert holder(text4, ((0, 13), (14, 36)), text4.index("12"), [("lind", 0, 8)]) == "lind"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one given name spelt two ways, or a long form and its first letters
        (
            "The driver, Karoline Vrell, 52, was held.",
            "The driver, Caroline Vrell, 52, was held.",
        ),
        ("The driver, Benedetto Vrell, 52, was held.", "The driver, Benedikt Vrell, 52, was held."),
        # a nickname of other letters (s39: the nicknames table)
        ("The driver, Bill Vrell, 52, was held.", "The driver, William Vrell, 52, was held."),
        ("The driver, Peggy Vrell, 52, was held.", "The driver, Margaret Vrell, 52, was held."),
    ],
)
def test_one_persons_equal_age_under_two_forms_is_one_fact(
    analyzer: Analyzer,  # noqa: F811
    first: str,
    second: str,
) -> None:
    # s38: the ages rule split one person's age so on ECB+ (4 events, all one person)
    base = "A tram left the rails in Ostvik on Sunday. "
    facts = facts_of(analyzer, [("Ardmoor Gazette", base + first), ("Tessel Post", base + second)])
    assert [f.status for f in _joined(facts, "52")] == ["agree"], facts


@pytest.mark.parametrize(
    ("m", "t", "one"),
    [
        ("karoline", "caroline", True),
        ("benedikt", "benedetto", True),
        ("chris", "christopher", True),
        ("teodor", "teodora", False),  # a male and a female form
        ("kristian", "kristina", False),
        ("mark", "mary", False),  # short names one letter apart
        ("daniel", "nathaniel", False),
        ("katarzyna", "teodor", False),
        # nicknames of other letters, from the table, either way round
        ("bill", "william", True),
        ("bob", "robert", True),
        ("peggy", "margaret", True),
        ("becky", "rebecca", True),  # a woman's nickname of an "a" name
        ("trish", "patricia", True),
        ("mandy", "amanda", True),
        # s39 review: a male and a female form, whatever the table lists
        ("justin", "justina", False),
        ("edwin", "edwina", False),
        ("andrew", "andrea", False),
        ("alex", "alexandra", False),  # a nickname men bear too
        ("chris", "christina", False),
        ("sam", "samantha", False),
        ("pat", "patricia", False),
        ("sandy", "alexandra", False),  # "Sandy" of "Alexander" too
        ("samuel", "samantha", False),  # a shared nickname joins no two names
        ("alex", "alexander", True),  # the nickname with the name it is written for
        ("sam", "samuel", True),
        ("anselm", "selma", False),  # the table's entry the other way round
        # a male name and the same with a feminine ending
        ("louis", "louise", False),
        ("joseph", "josephine", False),
        ("daniel", "danielle", False),
        ("antoine", "antoinette", False),
        ("vicki", "vickie", True),  # an "e" after a vowel spells one name
        ("bill", "billy", True),  # "y" is no feminine ending
        ("al", "fred", False),  # two nicknames of one name ("Alfred") are two names
        ("bill", "margaret", False),
        # s40: the classic nicknames of other letters stay one name
        ("liz", "elizabeth", True),
        ("billy", "william", True),
        ("bobby", "robert", True),
        ("dick", "richard", True),
        ("ted", "edward", True),
        ("jack", "john", True),
        ("polly", "mary", True),  # a nickname longer than its name
        ("chris", "christine", True),
        # s40: a nickname another of its table names keeps more letters of
        ("billy", "robert", False),  # "William" keeps "ill"; the table lists both ways
        ("bill", "robert", False),
        ("chris", "crystal", False),  # "Christopher" keeps all five letters
        # s40: a woman's ending in place of a male name's last syllable
        ("michael", "michelle", False),
        ("christian", "christine", False),
        ("christopher", "christine", False),
        ("stephen", "stephanie", False),
        ("adrian", "adrienne", False),
        ("antonio", "antoinette", False),
        # s40 review: men's names with a woman's ending stay one name with their forms
        ("antoine", "anton", True),
        ("augustine", "augustus", True),
        ("antoine", "antonia", False),
        ("leon", "leontine", False),
        ("samuel", "samantha", False),
        # two women's names, or one spelt "-lyn", stay to the other tests
        ("caroline", "carolyn", True),
        ("adeline", "adele", True),
    ],
)
def test_one_name(m: str, t: str, one: bool) -> None:
    assert one_name(m, t) is one
    assert one_name(t, m) is one


def test_a_title_in_a_persons_name_is_no_given_name() -> None:
    # the parser took "Deputy" into a name on ECB+: "Deputy <Surname>, 35" and
    # "<Given> <Surname>, 35" of one article were two people
    assert _untitled("Sheriff Deputy Vrell") == ["vrell"]
    assert _untitled("Sgt. Ana Vrell") == ["ana", "vrell"]
    assert _untitled("Deputy") == ["deputy"]
