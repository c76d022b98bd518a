"""An unforeseen exception from a reader or from cleaning (a library's ValueError or
RuntimeError on a hostile input) fails that input or record alone, as one line; the
rest of the run goes on. In the "raise" policy it still propagates, for tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.ingest import IngestOptions, pipeline, read_inputs
from newsprism.model import Article, IngestFailure
from newsprism.store import ArticleQuery, Store
from tests.conftest import BODY


def test_a_reader_that_raises_fails_its_input_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_reader(*_args: Any) -> Any:
        raise RuntimeError("maximum recursion in a library")

    monkeypatch.setattr(pipeline, "read_html", broken_reader)
    (tmp_path / "page.html").write_text(f"<html><body><p>{BODY}</p></body></html>")
    (tmp_path / "note.txt").write_text("Pier closes\n\n" + BODY)
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert f"failed: {tmp_path / 'page.html'}: could not be read (RuntimeError: maximum" in (
        result.stderr
    )
    with Store(tmp_path / "n.db") as store:
        assert [Path(a.source).name for a in store.list_articles(ArticleQuery())] == ["note.txt"]
    with pytest.raises(RuntimeError):
        list(read_inputs([str(tmp_path / "page.html")], IngestOptions(errors="raise")))


def test_cleaning_that_raises_fails_its_record_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.clean_scraped_text

    def clean(text: str, *args: Any) -> Any:
        if "MARKER" in text:
            raise ValueError("cannot clean this")
        return real(text, *args)

    monkeypatch.setattr(pipeline, "clean_scraped_text", clean)
    path = tmp_path / "wire.jsonl"
    rows = [{"text": BODY}, {"text": BODY + " MARKER"}, {"text": BODY + " Three."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)], IngestOptions()))
    assert [type(i) for i in items] == [Article, IngestFailure, Article]
    assert items[1].reason == "could not be cleaned (ValueError: cannot clean this)"  # type: ignore[union-attr]
