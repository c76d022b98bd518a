"""Terminal views close the bidi controls article text leaves open, on each line where
they end: a title holding U+202E (RIGHT-TO-LEFT OVERRIDE) reversed the rest of its row
in a terminal that applies the bidi algorithm. JSON output keeps the text as stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.model import Article
from newsprism.render.bidi import BidiSafe, closed
from newsprism.store import Store

RLO, PDF, RLI, PDI, LRE = "\u202e", "\u202c", "\u2067", "\u2069", "\u202a"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain title", "plain title"),
        (f"{RLO}evil", f"{RLO}evil{PDF}"),
        (f"{RLO}closed{PDF} then", f"{RLO}closed{PDF} then"),
        (f"{RLI}a{RLO}b", f"{RLI}a{RLO}b{PDF}{PDI}"),
        (f"{RLI}a{RLO}b{PDI}c", f"{RLI}a{RLO}b{PDI}c"),  # the PDI closes what is inside
        (f"{LRE}one\ntwo{RLO}", f"{LRE}one{PDF}\ntwo{RLO}{PDF}"),
        (f"stray {PDF}{PDI}", f"stray {PDF}{PDI}"),
    ],
)
def test_closed(text: str, shown: str) -> None:
    assert closed(text) == shown


def test_an_override_in_a_cell_ends_before_the_next_column() -> None:
    table = Table()
    table.add_column("title")
    table.add_column("outlet")
    table.add_row(Text(f"{RLO}Port closes"), Text("Tessel Post"))
    console = Console(width=60, record=True, color_system=None)
    console.print(BidiSafe(table))
    (row,) = [line for line in console.export_text().splitlines() if "Tessel Post" in line]
    assert row.index(PDF) < row.index("Tessel Post")
    assert row.index(RLO) < row.index(PDF)


def test_the_articles_command_closes_an_override_and_its_json_keeps_the_title(
    tmp_path: Path,
) -> None:
    db = tmp_path / "news.db"
    title = f"{RLO}Port closes"
    article = Article("a1b2c3d4e5f6a7b8", "in/a.txt", "The port closed.", "Post", title=title)
    with Store(db) as store:
        store.add_articles([article])
    shown = CliRunner().invoke(app, ["articles", "--db", str(db)])
    assert shown.exit_code == 0, shown.output
    (row,) = [line for line in shown.stdout.splitlines() if "Port closes" in line]
    assert f"{RLO}Port closes" in row and PDF in row.split("Port closes", 1)[1]
    listed = CliRunner().invoke(app, ["articles", "--json", "--db", str(db)])
    assert json.loads(listed.stdout)[0]["title"] == title
