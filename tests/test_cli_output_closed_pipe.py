"""A reader that stops early (``newsprism export ... | head``) ends the command
quietly: status 1, as Click and Rich end it, with no error line and no traceback."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsprism.cli import main
from newsprism.model import Story
from newsprism.store import ClusteringUpdate, Store


@pytest.fixture
def one_story(tmp_path: Path) -> str:
    db = tmp_path / "one.db"
    with Store(db) as store:
        story = Story("sabcd71234567", "Story 1", ())
        store.save_clustering(ClusteringUpdate([], [story], [], {}))
    return str(db)


@contextmanager
def closed_pipe() -> Iterator[None]:
    """Standard output a pipe whose reader has gone: every write fails with EPIPE
    (unbuffered, as when a long export fills the pipe). Set in the test itself: capsys
    sets its own standard output again when the test starts."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    previous = sys.stdout
    with os.fdopen(write_end, "wb", buffering=0) as raw:
        sys.stdout = io.TextIOWrapper(raw, write_through=True)
        try:
            yield
        finally:
            sys.stdout = previous


def _run(args: list[str], monkeypatch: pytest.MonkeyPatch) -> int | str | None:
    monkeypatch.setattr(sys, "argv", ["newsprism", *args])
    with closed_pipe(), pytest.raises(SystemExit) as ended:
        main()
    return ended.value.code


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--all"],
        ["export", "--all", "--table", "quotes"],
        ["brief", "sabcd7", "--format", "md"],
        ["brief", "sabcd7", "--format", "json"],
    ],
    ids="-".join,
)
def test_a_closed_pipe_ends_quietly(
    command: list[str],
    one_story: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = _run([*command, "--embeddings", "off", "--db", one_story], monkeypatch)
    assert code == 1
    assert capsys.readouterr().err == ""
