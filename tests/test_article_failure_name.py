"""One name for an article's failed analysis: ``article --json`` said ``failure`` where
``GET /api/articles/{id}`` says ``analysis_failure`` for the same field. Both now give
``analysis_failure``; the CLI keeps ``failure`` (same value) for older scripts."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.web import WebOptions, create_app
from tests.conftest import BODY
from tests.test_analysis_failures import MARKER, exploding_quantities  # noqa: F401


def test_cli_and_api_name_the_failure_alike(
    tmp_path: Path,
    exploding_quantities: None,  # noqa: F811
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_text(f"Pier {MARKER}\n\n" + BODY.replace("Tessel", MARKER))
    db = str(tmp_path / "f.db")
    runner = CliRunner()
    report = json.loads(
        runner.invoke(app, ["analyze", str(tmp_path / "in"), "--db", db, "-f", "json"]).stdout
    )
    [failure] = report["failures"]
    shown = json.loads(
        runner.invoke(app, ["article", failure["article"], "--db", db, "--json"]).stdout
    )
    web = create_app(Path(db), WebOptions(embeddings="off", allowed_hosts=("testserver",)))
    with TestClient(web) as client:
        api = client.get(f"/api/articles/{failure['article']}").json()
    assert shown["analysis_failure"]["stage"] == "quantities"
    assert shown["analysis_failure"] == api["analysis_failure"] == shown["failure"]
