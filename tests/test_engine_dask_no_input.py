"""``analyze --engine dask`` with nothing to read says so without starting a cluster: it
started a LocalCluster (~15 s) before finding an empty folder or a pattern matching no
file, and then reported what the local engine reports at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsprism.cli import app
from newsprism.engine import dask as dask_engine

pytest.importorskip("distributed")


def _no_cluster(*_: object, **__: object) -> None:
    raise AssertionError("a cluster was started with nothing to read")


def _analyze(tmp_path: Path, engine: str, *paths: str) -> tuple[int, str, str]:
    args = ["analyze", "--db", str(tmp_path / f"{engine}.db"), "--format", "json"]
    result = CliRunner().invoke(app, [*args, "--engine", engine, *paths])
    return result.exit_code, result.stdout, result.stderr


def test_nothing_to_read_starts_no_cluster_and_reports_as_local(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_engine.DaskEngine, "_connected", _no_cluster)
    empty = tmp_path / "empty"
    empty.mkdir()
    paths = (str(empty), str(tmp_path / "nomatch*.txt"))
    code, out, err = _analyze(tmp_path, "dask", *paths)
    assert code == 1, err
    assert f"failed: {empty}: no articles found in it (it holds no files)" in err
    assert "the pattern matches no file" in err
    local_code, local_out, _ = _analyze(tmp_path, "local", *paths)
    assert (code, json.loads(out)) == (local_code, json.loads(local_out))
