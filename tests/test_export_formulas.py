"""CSV exports are guarded against formula injection: a text cell from an article that
starts with = + - @ (or a tab or carriage return) would run as a formula when an analyst
opens the file in a spreadsheet; it gets a leading ' unless ``--raw-csv``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.export import COLUMNS, guard_cell, write_rows
from newsprism.store import Store

runner = CliRunner()


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        ('=HYPERLINK("http://x.test","click")', '\'=HYPERLINK("http://x.test","click")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("  =1+1", "'  =1+1"),
        ("\uff1d1+1", "'\uff1d1+1"),
        ("-", "'-"),
        ("\u3000=1+1", "'\u3000=1+1"),  # ideographic space
        ("\u200b+1+1", "'\u200b+1+1"),  # zero-width space
        ("\u200d\u200c-1+1", "'\u200d\u200c-1+1"),  # zero-width joiner, non-joiner
        ("\ufeff@SUM(A1)", "'\ufeff@SUM(A1)"),  # byte order mark
        ("\u2060 \u2007=1", "'\u2060 \u2007=1"),  # word joiner, figure space
    ],
)
def test_a_formula_cell_gets_a_leading_quote(cell: str, guarded: str) -> None:
    assert guard_cell(cell) == guarded


@pytest.mark.parametrize(
    "cell",
    [
        "-5",
        "-3.2",
        "+7",
        "-1,200",
        "-4e3",
        "-12%",
        " -5",
        "\u3000-5\u200b",
        "\ufeff",
        "",
        "plain text",
        "a=b",
        "\u200bplain",
    ],
)
def test_plain_numbers_and_ordinary_text_stay_as_they_are(cell: str) -> None:
    assert guard_cell(cell) == cell


@pytest.mark.parametrize("value", [-5, -3.2, True, None])
def test_values_that_are_not_text_stay_as_they_are(value: object) -> None:
    assert guard_cell(value) == value


def _rows() -> list[dict[str, Any]]:
    row = dict.fromkeys(COLUMNS["facts"])
    row.update(story="=1+1", about="-deaths", text='=HYPERLINK("x")', value=-5, start=0)
    return [row]


def _csv(rows: list[dict[str, Any]], raw: bool = False) -> list[dict[str, str]]:
    buffer = io.StringIO()
    write_rows(rows, "facts", "csv", None, buffer, raw_csv=raw)
    return list(csv.DictReader(io.StringIO(buffer.getvalue())))


def test_csv_is_guarded_by_default_and_raw_on_request() -> None:
    (guarded,) = _csv(_rows())
    assert guarded["story"] == "'=1+1" and guarded["about"] == "'-deaths"
    assert guarded["text"] == '\'=HYPERLINK("x")' and guarded["value"] == "-5"
    (raw,) = _csv(_rows(), raw=True)
    assert raw["story"] == "=1+1" and raw["text"] == '=HYPERLINK("x")'


def test_json_lines_are_never_changed() -> None:
    buffer = io.StringIO()
    write_rows(_rows(), "facts", "jsonl", None, buffer)
    assert json.loads(buffer.getvalue())["story"] == "=1+1"


def test_the_command_guards_and_takes_raw_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "news.db"
    Store(db).close()
    monkeypatch.setattr("newsprism.export.briefs_rows", lambda briefs, table, *_: _rows())
    args = ["export", "--all", "--db", str(db), "--embeddings", "off"]
    guarded = runner.invoke(app, args)
    assert guarded.exit_code == 0, guarded.output
    assert next(csv.DictReader(io.StringIO(guarded.stdout)))["story"] == "'=1+1"
    raw = runner.invoke(app, [*args, "--raw-csv"])
    assert raw.exit_code == 0, raw.output
    assert next(csv.DictReader(io.StringIO(raw.stdout)))["story"] == "=1+1"
