"""Upload folders a killed server left in the temporary folder are removed when the app
starts; nothing that is not plainly this app's, this user's and stale is touched."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from newsprism.store import Store
from newsprism.web import create_app
from newsprism.web.uploads import (
    STALE_UPLOAD_SECONDS,
    UPLOAD_PREFIX,
    new_upload_folder,
    sweep_stale_uploads,
)

OLD = time.time() - STALE_UPLOAD_SECONDS - 3600


def _upload_folder(root: Path, name: str, age: float | None = OLD) -> Path:
    top = root / f"{UPLOAD_PREFIX}{name}"
    (top / "uploads" / "abc").mkdir(parents=True, mode=0o700)
    top.chmod(0o700)
    (top / "uploads" / "abc" / "pier.txt").write_text("The pier closes.", encoding="utf-8")
    if age is not None:
        for path in (top / "uploads", top):
            os.utime(path, (age, age))
    return top


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_starting_the_app_removes_a_stale_upload_folder(temp_root: Path, tmp_path: Path) -> None:
    stale = _upload_folder(temp_root, "killed")
    Store(tmp_path / "s.db").close()
    create_app(tmp_path / "s.db")
    assert not stale.exists()


def test_only_stale_folders_of_this_app_and_user_are_removed(temp_root: Path) -> None:
    stale = _upload_folder(temp_root, "killed")
    fresh = _upload_folder(temp_root, "running", age=None)  # another server's job
    other_content = _upload_folder(temp_root, "more")
    (other_content / "notes.txt").write_text("mine", encoding="utf-8")
    os.utime(other_content, (OLD, OLD))
    shared = _upload_folder(temp_root, "shared")
    shared.chmod(0o755)
    foreign = _upload_folder(temp_root, "foreign")
    if os.getuid() == 0:  # another user's (the tests usually run as root)
        os.chown(foreign, 65534, 65534)
    else:
        foreign.chmod(0o755)
    target = _upload_folder(temp_root / "elsewhere", "target")
    link = temp_root / f"{UPLOAD_PREFIX}link"
    link.symlink_to(target)
    unrelated = temp_root / "someone-else"
    unrelated.mkdir()
    os.utime(unrelated, (OLD, OLD))
    assert sweep_stale_uploads() == 1
    assert not stale.exists()
    for kept in (fresh, other_content, shared, foreign, target, link, unrelated):
        assert kept.exists(), kept
    assert (target / "uploads" / "abc" / "pier.txt").exists()


def test_a_jobs_own_folder_is_swept_once_it_is_stale(temp_root: Path) -> None:
    folder = new_upload_folder()
    assert folder.parent.parent == temp_root
    assert sweep_stale_uploads() == 0
    assert sweep_stale_uploads(now=time.time() + STALE_UPLOAD_SECONDS + 60) == 1
    assert not folder.parent.exists()


def test_an_unreadable_temporary_folder_is_no_crash(tmp_path: Path) -> None:
    assert sweep_stale_uploads(tmp_path / "missing") == 0


def test_a_full_disk_while_saving_uploads_is_one_clear_error_and_leaves_nothing(
    temp_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from fastapi.testclient import TestClient

    from newsprism.web import WebOptions
    from newsprism.web.jobs import JobRunner

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(JobRunner, "save_uploads", full)
    db = tmp_path / "s.db"
    Store(db).close()
    app = create_app(db, WebOptions(embeddings="off", allowed_hosts=("testserver",)))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.post(
            "/api/ingest",
            files=[("files", ("a.txt", b"The pier closes on Monday.", "text/plain"))],
            headers={"sec-fetch-site": "same-origin"},
        )
    assert response.status_code == 507
    assert "cannot save the uploads (No space left on device)" in response.text
    assert list(temp_root.iterdir()) == []  # the job's folder went with the error


def test_a_full_disk_making_the_uploads_folder_leaves_nothing(
    temp_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # mkdtemp succeeded, then the mkdir of its uploads folder failed: the empty folder
    # stayed, and the sweep (which wanted an uploads folder inside) never removed it.
    import errno

    made = Path.mkdir

    def full(self: Path, *args: object, **kwargs: object) -> None:
        if self.name == "uploads":
            raise OSError(errno.ENOSPC, "No space left on device")
        made(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", full)
    with pytest.raises(OSError, match="No space left"):
        new_upload_folder()
    assert list(temp_root.iterdir()) == []


def test_an_empty_stale_folder_of_ours_is_swept_and_no_other(temp_root: Path) -> None:
    def empty(name: str, mode: int = 0o700, age: float | None = OLD) -> Path:
        top = temp_root / f"{UPLOAD_PREFIX}{name}"
        top.mkdir(mode=mode)
        top.chmod(mode)
        if age is not None:
            os.utime(top, (age, age))
        return top

    stale = empty("killed")
    fresh = empty("starting", age=None)
    shared = empty("shared", mode=0o755)
    foreign = empty("foreign")
    if os.getuid() == 0:
        os.chown(foreign, 65534, 65534)
    else:
        foreign.chmod(0o755)
    target = temp_root / "elsewhere"
    target.mkdir(mode=0o700)
    os.utime(target, (OLD, OLD))
    link = temp_root / f"{UPLOAD_PREFIX}link"
    link.symlink_to(target)
    assert sweep_stale_uploads() == 1
    assert not stale.exists()
    for kept in (fresh, shared, foreign, target, link):
        assert kept.exists(), kept
