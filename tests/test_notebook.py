"""docs/notebook.py, the notebook-style walk through the public API, runs end to end."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "notebook.py"


def test_notebook_uses_the_public_api_only() -> None:
    tree = ast.parse(NOTEBOOK.read_text(encoding="utf-8"))
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert {m for m in imported if m.startswith("newsprism")} <= {"newsprism", "newsprism.errors"}


@pytest.mark.slow
def test_notebook_runs_on_the_samples(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    done = subprocess.run(
        [sys.executable, str(NOTEBOOK), str(tmp_path / "notebook.db")],
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "0 inputs failed" in done.stdout
    assert "Port strike in Lorvik" in done.stdout
    assert "AmbiguousId: story id 's' is too short" in done.stdout
    assert (tmp_path / "discrepancies.csv").read_text(encoding="utf-8").startswith("story_id,")
