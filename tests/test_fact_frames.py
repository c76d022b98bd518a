"""Facts: a figure's time frame (a career, a season or year, a span since some point)
keeps it apart from figures of another frame (s41, ECB+ monitor: a player's career total
against his game total, a season's touchdowns against those since some week). Invented
articles, real analyser."""

from __future__ import annotations

import re

from newsprism.analyze.analyzer import Analyzer
from newsprism.model import Fact
from newsprism.reconcile.fact_frames import frame, other_frames
from tests.test_facts_real_shapes import analyzer, facts_of  # noqa: F401


def _frame_of(text: str, written: str) -> str:
    start = text.index(written)
    end = start + len(re.match(r"[\d,.]+|\w+", written).group(0))  # type: ignore[union-attr]
    return frame(text, 0, end, len(text), start)


def test_the_frame_a_figure_names_right_after_it() -> None:
    assert _frame_of("Brisco now has 1,804 career points.", "1,804") == "career"
    assert _frame_of("He ended with 18 points and has 1,804 for his career.", "1,804") == "career"
    assert _frame_of("Of his 12 goals this year, nine came away.", "12") == "this year"
    assert _frame_of("He ran 70 times this past season.", "70") == "this season"
    assert _frame_of("She scored 31 goals last season.", "31") == "last season"
    assert _frame_of("He has 9 goals since Round 3.", "9") == "since"
    assert _frame_of("Since Week 4, Pell has nine goals.", "nine") == "since"


def test_a_game_figure_measured_against_a_career_is_no_career_total() -> None:
    for text, written in (
        ("Pell threw for 341 yards, a career high.", "341"),
        ("Pell had a career-high 341 yards.", "341"),
        ("Vell saved 9 shots on Sunday to set the career scoring record.", "9"),
        ("Pell scored 18 points in the win.", "18"),
    ):
        assert _frame_of(text, written) == "", text


def test_a_since_inside_its_sentence_is_no_frame_of_a_later_figure() -> None:
    assert _frame_of("She has lived there since 1990 with 3 dogs.", "3") == ""


def test_which_frames_are_two_measures() -> None:
    assert other_frames("this season", "last season")
    assert other_frames("this season", "since")
    assert other_frames("career", "")  # a career total is told as one
    assert not other_frames("", "this season")  # a figure with no frame may be any
    assert not other_frames("since", "since")
    assert not other_frames("", "")


def _outlets_of(fact: Fact) -> set[str]:
    return {v.passage.outlet or "" for v in fact.values}


def _with(facts: list[Fact], written: str) -> list[Fact]:
    return [f for f in facts if any(written in v.passage.text for v in f.values)]


def test_a_career_total_does_not_differ_with_a_game_total(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Dario Pell scored 18 points as Orvel beat Tessel 80-71 on Friday."
    second = "Dario Pell now has 1,804 career points after Orvel beat Tessel on Friday."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not [f for f in facts if f.status == "differ"], facts


def test_a_seasons_figure_does_not_differ_with_one_since_a_week(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Dario Pell has scored 12 touchdowns this year for Orvel."
    second = "Since Week 9, Dario Pell has scored seven touchdowns for Orvel."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not [f for f in facts if f.status == "differ"], facts


def test_two_outlets_seasons_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    # hard negative: one frame, two figures
    first = "Dario Pell has scored 12 touchdowns this season for Orvel."
    second = "Dario Pell has scored 14 touchdowns this season for Orvel."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    joined = [f for f in _with(facts, "touchdowns") if len(_outlets_of(f)) == 2]
    assert [f.status for f in joined] == ["differ"], facts


def test_a_figure_without_a_frame_still_differs_with_a_seasons(analyzer: Analyzer) -> None:  # noqa: F811
    # hard negative: only named frames split; a figure told without one may be of any
    first = "Dario Pell has scored 12 touchdowns this season for Orvel."
    second = "Dario Pell has scored 14 touchdowns for Orvel."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    joined = [f for f in _with(facts, "touchdowns") if len(_outlets_of(f)) == 2]
    assert [f.status for f in joined] == ["differ"], facts


def test_career_totals_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Dario Pell now has 1,804 career points for Orvel."
    second = "Dario Pell has 1,840 points for his career at Orvel."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    joined = [f for f in _with(facts, "points") if len(_outlets_of(f)) == 2]
    assert [f.status for f in joined] == ["differ"], facts


def test_a_game_measured_against_a_career_and_a_part_of_one_name_no_career() -> None:
    # review s41/3 S4: "in a career night" is one game's figure
    for text, written in (
        ("Vell saved 11 shots in a career night for Marrow.", "11"),
        ("Vell saved 11 shots in her career debut.", "11"),
        ("Vell made 11 career-best saves.", "11"),
        ("Vell made 11 saves, a career game for her.", "11"),
    ):
        assert _frame_of(text, written) == "", text
    assert _frame_of("Vell has 412 saves over her career.", "412") == "career"
    assert _frame_of("Vell has 412 career saves.", "412") == "career"


def test_a_figure_in_time_units_is_no_career_total() -> None:
    from newsprism.reconcile.fact_frames import of_unit

    assert of_unit("career", "years") == ""
    assert of_unit("career", None) == "career"
    assert of_unit("this season", "years") == "this season"


def test_since_a_month_of_this_year_is_this_years_span() -> None:
    assert _frame_of("Bread prices rose 9 percent since March.", "9") == "this year"
    assert _frame_of("Since January, bread prices rose 9 percent.", "9") == "this year"
    assert _frame_of("Prices rose 9 percent since the start of the year.", "9") == "this year"
    assert _frame_of("Prices rose 9 percent since March last year.", "9") == "since"
    assert _frame_of("Prices rose 9 percent since March 2019.", "9") == "since"
    assert _frame_of("Vell has 5 saves since Round 6.", "5") == "since"


def test_a_career_night_still_differs_with_a_plain_figure(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Nela Vosk scored 31 points in a career night as Marrow beat Fenby on Sunday."
    second = "Nela Vosk scored 33 points as Marrow beat Fenby on Sunday."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    joined = [f for f in _with(facts, "points") if len(_outlets_of(f)) == 2]
    assert [f.status for f in joined] == ["differ"], facts


def test_years_of_a_career_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Orla Brand spent 27 years of her career running the Fenby mill."
    second = "Orla Brand spent 25 years running the Fenby mill."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    joined = [f for f in _with(facts, "years") if len(_outlets_of(f)) == 2]
    assert [f.status for f in joined] == ["differ"], facts


def test_this_year_and_since_a_month_still_differ(analyzer: Analyzer) -> None:  # noqa: F811
    first = "Bus fares in Fenby have risen 8 percent this year, the council said."
    second = "Bus fares in Fenby have risen 11 percent since February, the council said."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    joined = [f for f in _with(facts, "percent") if len(_outlets_of(f)) == 2]
    assert [f.status for f in joined] == ["differ"], facts


def test_a_seasons_total_and_one_since_january_are_two_measures(analyzer: Analyzer) -> None:  # noqa: F811
    # a season may have started in the autumn: since January is this year's span only
    assert _frame_of("Nela Vosk has 9 saves since January.", "9") == "this year"
    assert other_frames("this season", "this year")
    first = "Nela Vosk has scored 21 goals this season for Marrow, the club said."
    second = "Nela Vosk has scored 9 goals since January for Marrow, the club said."
    facts = facts_of(analyzer, [("Ardmoor Gazette", first), ("Tessel Post", second)])
    assert not [f for f in _with(facts, "goals") if f.status == "differ"], facts
