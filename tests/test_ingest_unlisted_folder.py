"""A folder that cannot be listed (no permission) is a failure naming it: os.walk passed
over it without a word, and its files were missing from the run with nothing said."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.ingest.sources import Input, expand_inputs
from newsprism.model import IngestFailure


def test_an_unlisted_subfolder_is_a_failure_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "c.txt").write_text("c", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if os.fspath(path) == str(locked):  # as a folder without the x or r bit (root reads any)
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(expand_inputs([str(tmp_path)]))
    files = [f.source for f in found if isinstance(f, Input)]
    failures = [f for f in found if isinstance(f, IngestFailure)]
    assert files == [str(tmp_path / "a.txt"), str(tmp_path / "open" / "c.txt")]
    assert failures == [IngestFailure(str(locked), "cannot list this folder (Permission denied)")]
