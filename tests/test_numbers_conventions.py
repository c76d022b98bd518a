"""Figures written in other conventions read at their true value, or not at all.

A wrong value is worse than none: the Numbers table would show outlets that agree as
differing. Invented texts (fuzz finding s35 F4).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprism.analyze.conventions import text_convention
from newsprism.analyze.numbers import parse_digits, read_amounts
from tests.test_quantities import quantities_in


def _read(text: str) -> list[tuple[str, float, str | None]]:
    """(text as written, value, unit) of each amount; the text is checked to be the span."""
    found = []
    for a in read_amounts(text):
        assert 0 <= a.start <= a.num_start < a.num_end <= a.end <= len(text)
        found.append((text[a.start : a.end], a.value, a.unit))
    return found


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f"])
def test_thousands_grouped_by_a_space_are_one_figure(space: str) -> None:
    text = f"The walkout drew 5{space}000 dockers to Quellmouth harbour."
    assert _read(text) == [(f"5{space}000", 5000.0, None)]


@pytest.mark.parametrize("decimals", [",50", ".50"])
def test_a_thousands_group_with_decimals_is_left_unread(decimals: str) -> None:
    assert _read(f"The Brannock fee is 5 000{decimals} euros.") == []


def test_a_day_after_its_month_is_not_a_thousands_group() -> None:
    text = "On March 3 500 dockers marched in Quellmouth."
    assert [value for _, value, _ in _read(text)] == [3.0, 500.0]


def test_groups_of_other_lengths_are_not_joined() -> None:
    assert [v for _, v, _ in _read("Brannock fielded 55 12 and 3 boats.")] == [55.0, 12.0, 3.0]


@pytest.mark.parametrize(
    "text",
    [
        "Dial 555 123 4567 for Brannock.",
        "Call 555 123 456 for the Brannock desk.",
        "Brannock can be reached by phone on 555 123 456.",
        "The hotline, 800 555 123, opened in Brannock.",
        "Tips go to 020 7946 0958 in Brannock.",
        "Tips go to 212-555-0190 in Brannock.",
        "Brannock's office: +44 20 79 46 09 58.",
    ],
)
def test_a_phone_number_is_no_quantity(text: str) -> None:
    # phone-like groups were read as counts ("555 123 456" as 555,123,456; s35 finding)
    assert _read(text) == []


def test_thousands_grouped_by_spaces_are_no_phone_number() -> None:
    text = "Brannock had 5 000 000 visitors and 1 200 boats."
    assert [v for _, v, _ in _read(text)] == [5e6, 1200.0]


def test_a_decimal_comma_before_a_scale_word() -> None:
    text = "Repairs to the Ostvik bridge will cost 4,5 million euros, the board said."
    assert _read(text) == [("4,5 million euros", 4.5e6, "EUR")]


def test_a_count_with_three_decimals_is_read_as_neither_thousands_nor_fraction() -> None:
    assert _read("The hamlet of Dunmere has 1.200 residents.") == []
    assert _read("A 0.125 share went to Dunmere.") == [("0.125", 0.125, None)]
    assert _read("Turnout in Dunmere was 1.250 percent.")[0][1] == 1.25


@pytest.mark.parametrize("text", ["The Dunmere road is 1.500 km long.", "Rent is 1.200 euros."])
def test_three_decimals_in_a_text_of_no_convention_give_no_measure(text: str) -> None:
    # English 1.5 or continental 1500: read 1.5 before (s35 open finding)
    assert _read(text) == []


def test_three_decimals_read_by_the_texts_convention() -> None:
    english = "The Dunmere road is 1.500 km long and 2.5 km wide; 1,200 people use it."
    assert _read(english)[0] == ("1.500 km", 1.5, "km")
    continental = "The Dunmere road is 1.500 km long and 7,5 km wide; 1.200.000 euros."
    assert _read(continental)[0] == ("1.500 km", 1500.0, "km")
    assert _read("Dunmere has 1.200 residents; rents rose 4,5%.")[0] == ("1.200", 1200.0, None)
    assert _read("Dunmere has 1.200 residents and 2.5 km of road.")[0][1] == 2.5
    assert _read("Tin rose to $2.125 a pound; 1,200 tonnes.")[0] == ("$2.125", 2.125, "USD")


@pytest.mark.parametrize("share", ["4,5%", "4,5 percent", "4,5 per cent"])
def test_a_decimal_comma_before_a_percent(share: str) -> None:
    # read nothing before (s35 open finding); no thousands group has two figures
    assert _read(f"Inflation in Ostvik hit {share} in May.") == [(share, 4.5, "percent")]
    assert _read("Ostvik wards 4,5 and 6 voted.")[0][1] == 6.0


@pytest.mark.parametrize("minus", ["-", "\u2212"])
def test_a_minus_before_a_temperature_or_share_is_kept(minus: str) -> None:
    text = f"Kelloway saw {minus}12 degrees and shares stood at {minus}4.5% on Monday."
    assert _read(text) == [(f"{minus}12", -12.0, None), (f"{minus}4.5%", -4.5, "percent")]


def test_a_minus_before_a_count_of_unknown_sign_gives_no_quantity() -> None:
    text = "In Kelloway it ranged between -5 and -10 degrees."
    assert _read(text) == [("-10", -10.0, None)]
    assert _read("The Kelloway index stood at -30 points.") == [("-30", -30.0, None)]


@pytest.mark.parametrize("verb", ["lost", "fell", "dropped", "was down"])
def test_a_minus_after_a_verb_of_loss_restates_the_loss(verb: str) -> None:
    # "lost -7 points" and another outlet's "lost 7 points" are one figure: the verb
    # gives the direction, so both read 7 (s35 open finding: they were -7 and 7, a differ)
    assert _read(f"The Kelloway index {verb} -7 points.") == [("-7", 7.0, None)]
    assert _read(f"Brannock shares {verb} -4.5% on Monday.") == [("-4.5%", 4.5, "percent")]
    assert _read(f"The Kelloway index {verb} 7 points.") == [("7", 7.0, None)]


def test_a_hyphen_inside_a_range_or_a_dash_before_a_count_is_no_sign() -> None:
    assert [v for _, v, _ in _read("Prices rose 20-30% in Kelloway.")] == [20.0, 30.0]
    assert _read("-12 dockers joined.") == [("12", 12.0, None)]


def test_a_power_of_ten() -> None:
    assert _read("The Varden reservoir holds 10^6 cubic metres.") == [("10^6", 1e6, None)]
    assert _read("There are 2^10 ways.") == []


def test_arabic_indic_digits_with_their_separators() -> None:
    assert _read("Turnout was ١٢٫٥%.") == [("١٢٫٥%", 12.5, "percent")]
    assert _read("The fair drew ١٬٢٠٠ people.") == [("١٬٢٠٠", 1200.0, None)]


def test_parse_digits_reads_every_written_form() -> None:
    assert parse_digits("4,200") == 4200.0
    assert parse_digits("5\u00a0000") == 5000.0
    assert parse_digits("4,5") == 4.5
    assert parse_digits("١٢٫٥") == 12.5
    assert parse_digits("10^6") == 1e6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The walkout drew 5\u00a0000 dockers to Quellmouth.", [("5\u00a0000 dockers", 5000.0)]),
        ("The Ostvik bridge will cost 4,5 million euros.", [("4,5 million euros", 4.5e6)]),
        ("The hamlet of Dunmere has 1.200 residents.", []),
        ("Kelloway saw -12 degrees on Monday.", [("-12 degrees", -12.0)]),
        ("The Varden reservoir holds 10^6 cubic metres.", [("10^6 cubic metres", 1e6)]),
        ("Turnout in Dunmere was ١٢٫٥%.", [("١٢٫٥%", 12.5)]),
    ],
)
def test_the_parsed_quantity_keeps_the_value_and_its_text(
    nlp: Language, text: str, expected: list[tuple[str, float]]
) -> None:
    assert [(q.text, q.value) for q in quantities_in(nlp, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Brannock council will text 1 200 000 residents about the gale.",
        "Varnia may call 1 500 000 reservists to the border.",
    ],
)
def test_a_verb_cue_before_a_thousands_count_is_no_phone_number(text: str) -> None:
    # s36 review: the count after "text"/"call" was taken for a phone number and lost
    assert [v for _, v, _ in _read(text)][:1] in ([1.2e6], [1.5e6])


def test_a_year_range_before_a_count_is_no_phone_number() -> None:
    # s36 review: "2010-2020 4500" was read as one phone number, the count lost
    text = "From 2010-2020 4500 homes were built in Brannock."
    assert [v for _, v, _ in _read(text)] == [2010.0, 2020.0, 4500.0]


@pytest.mark.parametrize("verb", ["dropped", "fell", "plunged"])
def test_a_minus_after_a_verb_of_loss_before_degrees_is_the_level(verb: str) -> None:
    # s36 review: "dropped -20 degrees" read +20 and differed from "fell to -20 degrees"
    assert _read(f"In Kelloway the mercury {verb} -20 degrees overnight.") == [("-20", -20.0, None)]
    assert _read(f"In Kelloway the mercury {verb} -20°C overnight.")[0][1] == -20.0


@pytest.mark.parametrize("clock", ["at 10.30", "9.15pm"])
def test_a_clock_time_is_no_english_evidence(clock: str) -> None:
    # s36 review (LOW): a British "at 10.30" made "1.500 km" read 1.5 (English)
    text = f"The Kelloway summit opened {clock} on Monday. The new canal runs 1.500 km."
    assert not [v for t, v, _ in _read(text) if t.startswith("1.500")]
    assert text_convention(text) == "unknown"
