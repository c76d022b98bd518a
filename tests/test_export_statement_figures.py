"""The statements export's row shows one wording; where the outlets' wordings give
different figures for the claim, ``figures_by_outlet`` lists each outlet's, so an
analyst filtering the sheet sees the other figure too. Invented ferry-fire statements."""

from __future__ import annotations

import pytest

from newsprism.export import COLUMNS, brief_rows
from newsprism.export_figures import figures_by_outlet
from newsprism.model import Brief, Passage, Statement, Story, Variant


def _variant(outlet: str, text: str) -> Variant:
    return Variant(Passage(f"a-{outlet}", outlet, text, 0, len(text)), False, "police")


def _brief(*variants: Variant) -> Brief:
    story = Story("s1", "Ferry fire", tuple(v.passage.article for v in variants))
    return Brief(story, statements=(Statement("st1", None, variants),))


def test_a_statement_whose_outlets_give_different_figures_lists_each() -> None:
    brief = _brief(
        _variant("Tessel Courier", "three crew members were hurt in the engine room fire"),
        _variant("Brisk Daily", "five crew members were hurt in the fire"),
    )
    (row,) = brief_rows(brief, "statements")
    assert row["text"].startswith("three crew")  # one wording, as before
    assert row["figures_by_outlet"] == "three (Tessel Courier); five (Brisk Daily)"
    assert list(row)[-1] == "figures_by_outlet" == COLUMNS["statements"][-1]  # appended


@pytest.mark.parametrize(
    "texts",
    [
        ("three crew members were hurt", "3 crew members were hurt"),  # one value, two ways
        ("the pier will close for repairs", "the pier closes for repairs"),  # no figures
        ("one of the crew saw 2,400 litres spill", "2400 litres spilled"),  # 'one' a pronoun
    ],
)
def test_wordings_with_the_same_figures_leave_the_column_empty(texts: tuple[str, str]) -> None:
    variants = [_variant(f"Outlet {i}", text) for i, text in enumerate(texts)]
    assert figures_by_outlet(variants) is None


@pytest.mark.parametrize(
    "texts",
    [
        ("crew members were hurt", "4 crew members were hurt"),
        ("4 crew members were hurt", "4 of the 30 crew members were hurt"),
    ],
)
def test_a_wording_that_leaves_a_figure_out_gives_no_other_count(texts: tuple[str, str]) -> None:
    variants = [_variant(f"Outlet {i}", text) for i, text in enumerate(texts)]
    assert figures_by_outlet(variants) is None


def test_an_outlet_whose_wording_gives_no_figure_is_shown_as_none_beside_a_dispute() -> None:
    variants = [
        _variant("Tessel Courier", "crew members were hurt"),
        _variant("Brisk", "4 hurt"),
        _variant("Quay Times", "6 hurt"),
    ]
    assert figures_by_outlet(variants) == "none (Tessel Courier); 4 (Brisk); 6 (Quay Times)"


# Review s42/2 M7: number words past twelve, a dozen and scale words are read by value
# (analyze/number_words), so one figure written two ways is no dispute.
@pytest.mark.parametrize(
    "texts",
    [
        ("thirty-four passengers were rescued", "34 passengers were rescued"),
        ("seventeen boats were damaged", "17 boats were damaged"),
        ("ninety-nine tonnes of fuel spilled", "99 tonnes of fuel spilled"),
        ("a dozen stalls burned", "12 stalls burned"),
        ("the quay cost 3 million euros", "the quay cost 3,000,000 euros"),
        ("the quay cost two million euros", "the quay cost 2 million euros"),
        ("three hundred and six bags were checked", "306 bags were checked"),
        ("no one was hurt and zero boats sank", "no one was hurt and 0 boats sank"),
        ("two thousand and five nets were lost", "2,005 nets were lost"),
        # 'and' between two counts lists two figures, not one sum (review s42/4 M5)
        ("two and three people were hurt on the quay", "2 and 3 people were hurt on the quay"),
        # 'and' before a count with the same scale lists two figures (review s43/1 M1)
        ("between one hundred and two hundred people left the quay",
         "between 100 and 200 people left the quay"),
        ("between two million and three million euros was lost",
         "between 2 million and 3 million euros was lost"),
        ("two thousand and three thousand nets were lost", "2,000 and 3,000 nets were lost"),
        ("five hundred and six hundred crates were checked", "500 and 600 crates were checked"),
        # a larger or smaller scale after 'and' is of the same number
        ("one hundred and twenty thousand fish died", "120,000 fish died"),
        ("two million and three hundred thousand euros was lost", "2,300,000 euros was lost"),
    ],
)  # fmt: skip
def test_one_value_in_words_or_figures_is_no_dispute(texts: tuple[str, str]) -> None:
    variants = [_variant(f"Outlet {i}", text) for i, text in enumerate(texts)]
    assert figures_by_outlet(variants) is None


@pytest.mark.parametrize(
    ("texts", "listed"),
    [
        (
            ("thirty-four passengers were rescued", "43 passengers were rescued"),
            "thirty-four (Outlet 0); 43 (Outlet 1)",
        ),
        (
            ("the quay cost 3 million euros", "the quay cost 3,000 euros"),
            "3 million (Outlet 0); 3,000 (Outlet 1)",
        ),
        (
            ("a dozen stalls burned", "two dozen stalls burned"),
            "a dozen (Outlet 0); two dozen (Outlet 1)",
        ),
    ],
)
def test_other_values_are_listed_as_written(texts: tuple[str, str], listed: str) -> None:
    variants = [_variant(f"Outlet {i}", text) for i, text in enumerate(texts)]
    assert figures_by_outlet(variants) == listed
