"""A run of many stories prints a summary on the terminal (counts, the stories with most
articles, where the rest is), not every brief: 10,000 tiny articles printed 11 MB of
panels. ``--out``, a file or a pipe still gets every brief, and so does a run of a
dozen stories. The threshold is lowered here so that four invented articles are a large
run, and the console is made a terminal where the test says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.render import report

_ARTICLES = {
    "bridge.txt": "Vessbury bridge reopens\n\nThe bridge in Vessbury reopened on Monday.",
    "zoo.txt": "Fenwold zoo welcomes twin otters\n\nTwin otters were born at the Fenwold zoo.",
    "choir.txt": "Tamsk choir wins contest\n\nThe youth choir of Tamsk won the national contest.",
    "tram.txt": "Quillon tram fares rise\n\nTram fares in Quillon rise by a tenth from May.",
}


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(report, "TERMINAL_BRIEFS", 2)
    monkeypatch.setattr(report, "SUMMARY_ROWS", 2)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in _ARTICLES.items():
        (folder / name).write_text(text + "\n")
    (folder / "empty.txt").write_text("")
    return folder


def test_a_large_run_prints_a_summary(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "_on_terminal", lambda console: True)
    args = ["analyze", str(inputs), "--db", str(tmp_path / "n.db"), "--embeddings", "off"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1  # the empty file
    shown = " ".join(result.stdout.split())  # lines as wrapped at 100 columns, joined
    assert "Summary" not in shown and "Who said what" not in shown  # no brief panel
    assert "4 articles from 4 outlets, in 4 stories" in shown
    assert "… and 2 more stories: `newsprism stories` lists the stored ones" in shown
    assert "Not analysed (1)" in shown and "empty.txt" in shown
    assert "`newsprism brief STORY_ID` shows one; `--out FILE` writes them all" in shown


def test_out_gets_every_brief(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "briefs.txt"
    args = ["analyze", str(inputs), "--db", str(tmp_path / "n.db"), "--out", str(out)]
    CliRunner().invoke(app, [*args, "--embeddings", "off"])
    written = out.read_text()
    assert written.count("Who said what") == 4
    assert "more stories" not in written


def test_redirected_output_gets_every_brief(inputs: Path, tmp_path: Path) -> None:
    # Review s32 finding 4: `analyze dir > today.txt` held only the summary.
    args = ["analyze", str(inputs), "--db", str(tmp_path / "n.db"), "--embeddings", "off"]
    result = CliRunner().invoke(app, args)  # stdout is no terminal here
    assert result.stdout.count("Who said what") == 4
    assert "more stories" not in result.stdout


_DOZEN = {
    "orrin.txt": "Orrin library extends hours\n\nReaders in Orrin can borrow books until nine.",
    "halbeck.txt": "Halbeck bakery burns\n\nA fire gutted a bakery on Halbeck high street.",
    "merrow.txt": "Merrow cyclists race coast\n\nTwo hundred cyclists raced the Merrow coast road.",
    "druvel.txt": "Druvel orchard harvest poor\n\nApple growers near Druvel picked half a crop.",
    "sallow.txt": "Sallow school gets solar roof\n\nPupils at Sallow primary sit under panels.",
    "kestle.txt": "Kestle lighthouse sold\n\nAn old lighthouse at Kestle point went to a painter.",
    "brisk.txt": "Brisk chess champion crowned\n\nA teenager from Brisk took the chess crown.",
    "yarrow.txt": "Yarrow marsh birds counted\n\nVolunteers counted wading birds on Yarrow marsh.",
}


def test_a_dozen_stories_on_a_terminal_get_every_brief(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Review s32 finding 4: twelve one-line articles on twelve topics lost every brief.
    monkeypatch.setattr(report, "_on_terminal", lambda console: True)
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (_ARTICLES | _DOZEN).items():
        (folder / name).write_text(text + "\n")
    args = ["analyze", str(folder), "--db", str(tmp_path / "n.db"), "--embeddings", "off"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Who said what") == 12
