"""``Workspace.analysis`` of an article whose analysis fails: one NewsprismError naming
the article, the step and the error (it was a bare KeyError of the article id)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newsprism.analyze.analyzer as analyzer_module
from newsprism import Workspace
from newsprism.errors import NewsprismError
from tests.conftest import BODY


def test_a_failed_analysis_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: Any) -> Any:
        raise ValueError("cannot read the numbers")

    monkeypatch.setattr(analyzer_module, "extract_quantities", explode)
    path = tmp_path / "a.txt"
    path.write_text("Pier closes\n\n" + BODY, encoding="utf-8")
    with Workspace(tmp_path / "n.db", embeddings="off") as ws:
        (article_id,) = ws.ingest(path).article_ids
        with pytest.raises(NewsprismError) as failed:
            ws.analysis(article_id)
    assert str(failed.value) == (
        f"article {article_id}: {path}: analysis failed at quantities "
        "(ValueError: cannot read the numbers)"
    )
