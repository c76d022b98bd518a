"""Report pieces (statement_units.report_pieces) on awkward text: one long clause that
conjoins a great many speech acts ("... and urged the union to return and urged ...")."""

from __future__ import annotations

import pytest

from newsprism.reconcile import statement_units
from newsprism.reconcile.statement_units import Unit, report_pieces
from tests.counting import CountingPattern


def _unit(article: str, group: int, text: str) -> Unit:
    return Unit(article, group, 0, len(text), False, text, "Rask", "Rask", (), (group, 0))


def _read_cutting(monkeypatch: pytest.MonkeyPatch, units: list[Unit]) -> tuple[int, list[Unit]]:
    patterns = [
        CountingPattern(statement_units._SECOND_REPORT),
        CountingPattern(statement_units._SECOND_ACT),
    ]
    monkeypatch.setattr(statement_units, "_SECOND_REPORT", patterns[0])
    monkeypatch.setattr(statement_units, "_SECOND_ACT", patterns[1])
    pieces = report_pieces(units)
    return sum(p.read for p in patterns), pieces


def test_conjoined_act_rendered_elsewhere_is_cut_off() -> None:
    # Guard: the act another outlet renders becomes a piece from its verb.
    text = "the offer was fair and urged the union to return to work"
    other = _unit("b", 2, "the union must return to work soon")
    pieces = report_pieces([_unit("a", 1, text), other])
    assert [p.text for p in pieces if p.article == "a"] == [
        "the offer was fair",
        "urged the union to return to work",
    ]
    assert all(text[p.start : p.end] == p.text for p in pieces if p.article == "a")


def test_clause_with_many_conjoined_acts_is_cut_reading_it_a_few_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Invented: one unpunctuated scraped paragraph repeating a conjoined act, 200 times.
    text = "the offer was fair" + " and urged the union to return" * 200
    other = _unit("b", 2, "the union must return to work")
    read, pieces = _read_cutting(monkeypatch, [_unit("a", 1, text), other])
    assert len(pieces) == 202  # the clause, 200 acts, the other unit
    # A few passes over the clause (was 1,216,094 characters for 6,018: each act's end
    # searched the rest of the clause again).
    assert read <= 20 * len(text)
