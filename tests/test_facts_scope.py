"""Facts: figures counted over different spans are no disagreement (s35 open findings).

A rate is another measure than a total ("55 yards per game" / "612 yards"); a figure
tied to a span that only "that"/"those" names ("killed in that standoff" / "killed
in those marches") joins a fact only where it agrees. Invented articles, real analyser.
"""

from __future__ import annotations

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact
from newsprism.reconcile.fact_scope import (
    average,
    by_reference,
    conversion,
    holder,
    per_unit,
    unit_kind,
)
from tests.test_facts_real_shapes import analyzer, facts_of  # noqa: F401


def _outlets_of(fact: Fact) -> set[str]:
    return {v.passage.outlet or "" for v in fact.values}


def _with(facts: list[Fact], written: str) -> list[Fact]:
    return [f for f in facts if any(written in v.passage.text for v in f.values)]


def test_a_rate_and_a_total_are_two_measures(analyzer: Analyzer) -> None:  # noqa: F811
    facts = facts_of(
        analyzer,
        [
            ("Ardmoor Gazette", "Brannock ran for 612 yards this season for the Kelmar Owls."),
            ("Tessel Post", "Brannock ran for 55 yards per game this season for the Kelmar Owls."),
        ],
    )
    assert not any(f.status == "differ" for f in facts), facts
    assert all(len(_outlets_of(f)) == 1 for f in _with(facts, "yards"))


def test_an_average_and_a_games_total_are_two_measures(analyzer: Analyzer) -> None:  # noqa: F811
    # s40, read on ECB+: a season's average set against one game's total made it differ
    for second in (
        "Brannock is averaging 8.6 rebounds this season for the Kelmar Owls.",
        "Brannock has logged 20.2 points and 8.6 rebounds for the Kelmar Owls this season.",
    ):
        facts = facts_of(
            analyzer,
            [("Ardmoor Gazette", "Brannock had nine rebounds for the Kelmar Owls on Sunday."),
             ("Tessel Post", second)],
        )  # fmt: skip
        assert not any(f.status == "differ" for f in facts), facts


def test_averages_of_two_outlets_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    facts = facts_of(
        analyzer,
        [("Ardmoor Gazette", "Brannock is averaging 8.6 rebounds for the Kelmar Owls."),
         ("Tessel Post", "Brannock is averaging 11.2 rebounds for the Kelmar Owls.")],
    )  # fmt: skip
    assert [f.status for f in _with(facts, "rebounds")] == ["differ"]


def test_a_fraction_alone_is_no_average(analyzer: Analyzer) -> None:  # noqa: F811
    # s40 review of 7ac7235: totals written with fractions lost their true differ
    for first, second in (
        (
            "The Lorvik share index fell 2.5 points on Monday after the harbour vote.",
            "The Lorvik share index fell 4 points on Monday after the harbour vote.",
        ),
        (
            "Holt's party trails by 3.5 points in the Tessel poll published on Monday.",
            "Holt's party trails by 6 points in the Tessel poll published on Monday.",
        ),
        (
            "Sea Breeze won the Lorvik Cup by 1.5 lengths on Saturday.",
            "Sea Breeze won the Lorvik Cup by 3 lengths on Saturday.",
        ),
    ):
        facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
        assert [f.status for f in facts] == ["differ"], facts


def test_the_average_reader() -> None:
    text = "Brannock is averaging 8.6 rebounds; he averaged more than 30 home runs."
    assert average(text, text.index("8.6"), "8.6 rebounds", 8.6, None)
    assert average(text, text.index("more"), "more than 30 home runs", 30.0, None)
    text = "had 20.2 points and 8.6 rebounds"  # a stat line: each count is an average
    assert average(text, 4, "20.2 points", 20.2, None)
    assert average(text, text.index("8.6"), "8.6 rebounds", 8.6, None)
    text = "had 20.2 points, 8.6 rebounds"
    assert average(text, text.index("8.6"), "8.6 rebounds", 8.6, None)
    # a fraction alone is no average: index points, lengths are totals (s40 review)
    assert not average("had 20.2 points", 4, "20.2 points", 20.2, None)
    assert not average("fell 2.5 points and 3 more", 5, "2.5 points", 2.5, None)
    assert not average("won by 1.5 lengths", 7, "1.5 lengths", 1.5, None)
    assert not average("had 20 points", 4, "20 points", 20.0, None)
    assert not average("a 5.9 earthquake", 2, "5.9 earthquake", 5.9, None)  # a scale
    assert not average("it cost 2.5 dollars", 8, "2.5 dollars", 2.5, "USD")
    text = "they gave an average of 10.8 percent of their earnings"  # a share
    assert not average(text, text.index("10.8"), "10.8 percent", 10.8, "percent")


def test_rates_of_two_outlets_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    facts = facts_of(
        analyzer,
        [
            ("Ardmoor Gazette", "Brannock ran for 55 yards per game for the Kelmar Owls."),
            ("Tessel Post", "Brannock ran for 75 yards per game for the Kelmar Owls."),
        ],
    )
    assert [f.status for f in _with(facts, "yards")] == ["differ"]


def test_tolls_of_spans_named_by_reference_do_not_differ(analyzer: Analyzer) -> None:  # noqa: F811
    first = (
        "Marches against the Ostvik dam spread across Varnia this week. Hundreds marched "
        "on Sunday, and two people died in that standoff."
    )
    second = (
        "The Ostvik dam plan set off three days of marches in Varnia at the weekend. "
        "Three people died in those marches."
    )
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not any(f.status == "differ" for f in facts), facts


def test_a_toll_named_by_reference_still_agrees(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Marches against the Ostvik dam spread. Three people died in those marches."
    second = "Three people were killed in the Ostvik dam marches at the weekend."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _with(facts, "Three") if len(_outlets_of(f)) == 2] == ["agree"]


def test_a_conversion_in_parentheses_makes_no_fact_differ(analyzer: Analyzer) -> None:  # noqa: F811
    # s40, read on ECB+: a restated figure set against another outlet's figure
    first = "The fire at the Ostvik hall did US$2 million (A$3.1 million) in damage."
    second = "The fire did an estimated $2 million in damage to the Ostvik hall."
    third = "Varnia gets a €80 billion ($104 billion) loan from the fund on Monday."
    fourth = "Varnia can get a $107 billion loan from the fund, officials said on Monday."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    joined = [f.status for f in _with(facts, "2 million") if len(_outlets_of(f)) == 2]
    assert joined == ["agree"], facts
    assert not any(f.status == "differ" for f in facts), facts
    facts = facts_of(analyzer, [("Ardmoor Gazette", third), ("Tessel Post", fourth)])
    assert not any(f.status == "differ" for f in facts), facts


def test_a_figure_of_another_kind_in_parentheses_is_no_conversion(
    analyzer: Analyzer,  # noqa: F811
) -> None:
    # s40 review: a money figure after a share, a length after a count of days, is a
    # second measure; read as a restatement it hid the true differ with the other outlet
    for first, second, unit in (
        (
            "Orsk Steel's profit fell 12% ($40 million) in the year, the company said.",
            "Orsk Steel's profit fell $55 million in the year, the company said.",
            "USD",
        ),
        (
            "The Orvel walkers covered 6 days (120 km) of the route, organisers said.",
            "The Orvel walkers covered 80 km of the route, organisers said.",
            "km",
        ),
    ):
        facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
        assert [f.status for f in facts if f.unit == unit] == ["differ"], facts


def test_a_conversion_that_agrees_still_joins(analyzer: Analyzer) -> None:  # noqa: F811
    # a regression guard, not a test of the conversion rule (it passes with the rule off):
    # holding a restatement by reference must not keep it out of a fact it agrees with
    first = "The ferry sank 9 nautical miles (about 17km) off Ostvik on Sunday."
    second = "The ferry sank about 17 kilometres off Ostvik on Sunday."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _with(facts, "17k") if len(_outlets_of(f)) == 2] == ["agree"]


def test_the_conversion_reader() -> None:
    money, length = ("USD", "AUD"), ("km", "km")
    text = "It did US$2 million (A$3.1 million) in damage; 12 died (eight of them soldiers)."
    assert conversion(text, text.index(" ("), text.index("A$"), text.index(")"), money)
    died = (text.index(" died"), text.index("eight"), text.index(" of them"))
    assert not conversion(text, *died, (None, None))
    text = "a $52 million (about 40 million pounds) fund"
    assert conversion(text, text.index(" ("), text.index("40"), text.index(")"), ("USD", "GBP"))
    text = "a $52 million fund and 40 million pounds (in cash)"
    assert not conversion(text, text.index(" fund"), text.index("40"), text.index(" ("), money)
    # one kind of unit on both sides: a share and a sum, a duration and a length, are not
    text = "profit fell 12% ($40 million) as the walkers covered 6 days (120 km)"
    share = (text.index(" ("), text.index("$40"), text.index(") as"))
    assert not conversion(text, *share, ("percent", "USD"))
    walk = (text.index(" (1"), text.index("120"), len(text) - 1)
    assert not conversion(text, *walk, ("days", "km"))
    assert conversion(text, *walk, length)
    assert not conversion(text, *walk, (None, "km"))


def test_the_scope_readers() -> None:
    assert per_unit("55 yards per game", 8)
    assert per_unit("$40,000 a year", 7)
    assert not per_unit("55 yards in the game", 8)
    text = "two were killed in that standoff"
    assert by_reference(text, 0, len(text))
    assert not by_reference("in that he lied, two died", 0, 25)
    assert not by_reference("two were killed in this week's unrest", 0, 37)


def test_figures_of_two_players_named_sentences_before_are_two_measures(
    analyzer: Analyzer,  # noqa: F811
) -> None:
    first = (
        "Orrin Brannock missed six games with a broken wrist. He has caught only 9 passes "
        "this season, but on Sunday he had 40 yards receiving on four catches."
    )
    second = (
        "Dace Holloway came into the year as the club's leading receiver. He had 612 yards "
        "receiving on 38 catches last season."
    )
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not any(f.status == "differ" for f in facts), facts


def test_one_player_named_sentences_before_still_differs(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Orrin Brannock returned from a broken wrist. He had 40 yards receiving on Sunday."
    second = "Orrin Brannock came back from injury. He had 70 yards receiving on Sunday."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [f.status for f in _with(facts, "yards")] == ["differ"]


def test_the_holder_reader() -> None:
    text = "Ana Lind won. Nobody saw it. But she had 12 points. He said 9 were hurt."
    sentences = ((0, 13), (14, 28), (29, 51), (52, 72))
    persons = [("lind", 0, 8)]
    assert holder(text, sentences, text.index("12"), persons) == "lind"
    assert holder(text, sentences, text.index("9 were"), persons) is None  # reported
    assert holder(text, sentences, text.index("12"), [*persons, ("holt", 9, 12)]) is None
    assert holder("Ana Lind won.\nShe had 12 points.", ((0, 13), (14, 32)), 22, persons) is None


def test_a_time_phrase_after_a_figure_is_no_rate(analyzer: Analyzer) -> None:  # noqa: F811
    # s36 review: "a day after", "a year ago", "a week later" read as rates hid the differ.
    base = "A gale struck Ostvik on Sunday. "
    for first, second in (
        ("The flood drowned 12 sheep a day after the gale hit.", "The flood drowned 14 sheep."),
        ("The mill cut 300 jobs a year ago.", "The mill cut 350 jobs last year."),
        ("Divers found 40 crates a week later.", "Divers found 46 crates in the bay."),
    ):
        pair = [("Ardmoor Gazette", base + first), ("Tessel Post", base + second)]
        facts = facts_of(analyzer, pair)
        assert [f.status for f in facts if len(_outlets_of(f)) == 2] == ["differ"], first


def test_a_discourse_that_before_a_figure_is_no_span(analyzer: Analyzer) -> None:  # noqa: F811
    # s36 review: "At that point", "In that case", "After that raid ended" opening the
    # sentence named no span of the figure; the differ was hidden.
    base = "A fire broke out at the Ostvik sawmill on Sunday. "
    for first, second in (
        ("At that point 30 loggers were in the shed.", "About 45 loggers were in the shed."),
        ("In that case, the firm said, 300 loggers would be laid off.",
         "The firm said 350 loggers would be laid off."),
        ("After that blaze ended, officials said 12 loggers were hurt.",
         "Officials said 14 loggers were hurt."),
    ):  # fmt: skip
        pair = [("Ardmoor Gazette", base + first), ("Tessel Post", base + second)]
        facts = facts_of(analyzer, pair)
        assert [f.status for f in facts if len(_outlets_of(f)) == 2] == ["differ"], first


def test_the_scope_readers_leave_time_phrases() -> None:
    assert not per_unit("12 sheep a day after the gale", 8)
    assert not per_unit("300 jobs a year ago", 8)
    assert per_unit("$40,000 a year under the deal", 7)
    text = "At that point 30 loggers were inside"
    assert not by_reference(text, text.index("loggers") + 7, len(text))
    assert not by_reference("30 loggers were inside at that time", 10, 35)


def test_ages_of_two_relatives_of_one_surname_are_two_measures(
    analyzer: Analyzer,  # noqa: F811
) -> None:
    # s36 review (pre-existing): ages are keyed by surname, so a driver's age and his
    # sister's made one fact that differed
    base = "A van overturned near Ostvik on Sunday. "
    first = base + "The driver, Torvald Brekk, 45, was held."
    second = base + "His sister Torvalda Brekk, 41, was among the hurt."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not any(f.status == "differ" for f in facts), facts


def test_ages_of_one_person_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    base = "A van overturned near Ostvik on Sunday. "
    first = base + "The driver, Torvald Brekk, 45, was held."
    second = base + "The driver, Torvald Brekk, 47, was held."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert [
        f.status for f in facts if len(_outlets_of(f)) == 2 and "4" in f.values[0].passage.text
    ] == ["differ"]


def test_a_place_named_by_reference_is_no_span() -> None:
    text = "seven league medals in that country's second tier"
    assert not by_reference(text, 0, len(text))
    assert not by_reference("four mayors were elected in those cities", 0, 40)
    assert by_reference("four were hurt in those clashes", 0, 31)


def test_the_unit_kind_reader() -> None:
    assert unit_kind("km") == "length"
    assert unit_kind("AUD") == "money"  # a currency written as a sign, stored by its code
    assert unit_kind("HKD") == "money"
    assert unit_kind(None) is None
    # a unit of no kind the table or a currency code gives is not money (s40 review)
    assert unit_kind("magnitude") is None
