"""``newsprism serve`` on a port already in use or a host that is no address: one error
line before "serving ..." and the status of failed inputs (1) or usage (2); uvicorn
announced the server, logged the error, and exited with its own status 3."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from newsprism.cli import app


def _no_server(*_args: Any, **_kwargs: Any) -> None:
    raise AssertionError("the server was started")


def test_a_port_in_use_is_one_error_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uvicorn, "run", _no_server)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["serve", "--port", str(port), "--db", str(tmp_path / "n.db")]
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    line = result.stderr.strip()  # the reason is the system's words (in use)
    assert line.startswith(f"error: cannot listen on 127.0.0.1:{port} (") and "\n" not in line


def test_a_host_that_is_no_address_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(uvicorn, "run", _no_server)
    args = ["serve", "--host", "256.1.1.1", "--db", str(tmp_path / "n.db")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: --host 256.1.1.1: not an address to listen on")


def test_a_store_in_a_folder_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s38/2: serve made the missing folder and an empty store, and served it."""
    monkeypatch.setattr(uvicorn, "run", _no_server)
    db = tmp_path / "typo" / "n.db"
    result = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: --db {db}: its folder ")
    assert "does not exist" in result.stderr
    assert not db.parent.exists()
