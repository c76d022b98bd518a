"""A manifest is looked for in every folder above the files, so one another user left in
a folder anyone may write to (/tmp/newsprism.csv) applied to 'newsprism ingest /tmp/x/'.
Such a manifest is not read, with a warning; the user's own manifests, and manifests in
folders only trusted users can write, apply as before (a subfolder read alone keeps the
rows of the manifest above it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest import manifest as manifest_module
from newsprism.model import Article, IngestFailure, IngestWarning

TEXT = "Ferry returns\n\nThe ferry to Lorvik returns on Monday after a week of storms.\n"
OTHER_UID = 65534  # 'nobody'

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="no user ids")


def _tree(tmp_path: Path, shared: bool) -> tuple[Path, Path]:
    """``top`` (world-writable when ``shared``) with a manifest for every file below it,
    and ``top/x`` holding one article."""
    top = tmp_path / "top"
    (top / "x").mkdir(parents=True)
    (top / "x" / "a.txt").write_text(TEXT, encoding="utf-8")
    manifest = top / "newsprism.csv"
    manifest.write_text("path,outlet\nx/*.txt,Planted Wire\n", encoding="utf-8")
    if shared:
        top.chmod(0o1777)
    return top, manifest


def _by_another_user(manifest: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest as another user's: given away when running as root, else this
    process pretends to be another user."""
    if os.geteuid() == 0:
        os.chown(manifest, OTHER_UID, OTHER_UID)
    else:
        real = os.getuid()
        monkeypatch.setattr(manifest_module.os, "getuid", lambda: real + 1)


def _read(folder: Path) -> tuple[list[str | None], list[IngestWarning]]:
    warnings: list[IngestWarning] = []
    items = list(read_inputs([str(folder)], IngestOptions(), on_warning=warnings.append))
    return [i.outlet for i in items if isinstance(i, Article)], warnings


def test_another_users_manifest_in_a_shared_folder_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top, manifest = _tree(tmp_path, shared=True)
    _by_another_user(manifest, monkeypatch)
    outlets, warnings = _read(top / "x")
    assert outlets == ["a"]
    (warning,) = warnings
    assert warning.source == str(manifest)
    assert warning.message.startswith("not read: owned by another user")


def test_ones_own_manifest_in_a_shared_folder_applies(tmp_path: Path) -> None:
    top, _ = _tree(tmp_path, shared=True)
    assert _read(top / "x") == (["Planted Wire"], [])


def test_another_users_manifest_in_a_folder_not_shared_applies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A colleague's manifest in a project folder: the subfolder read alone keeps the
    row of the manifest above it, as the README says ('applies to its folder and the
    folders below it')."""
    top, manifest = _tree(tmp_path, shared=False)
    _by_another_user(manifest, monkeypatch)
    assert _read(top / "x") == (["Planted Wire"], [])


def _give_away(entry: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``entry`` (a link included, not what it points to) as another user's."""
    if os.geteuid() == 0:
        os.lchown(entry, OTHER_UID, OTHER_UID)
    else:
        real = os.getuid()
        monkeypatch.setattr(manifest_module.os, "getuid", lambda: real + 1)


@pytest.mark.parametrize("kind", ["link to nothing", "folder"])
def test_another_users_odd_entry_in_a_shared_folder_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """'ln -s x /tmp/newsprism.csv' by any user made every other user's ingest of a folder
    below /tmp fail (exit 1): such an entry is passed over with a warning."""
    top = tmp_path / "top"
    (top / "x").mkdir(parents=True)
    (top / "x" / "a.txt").write_text(TEXT, encoding="utf-8")
    planted = top / "newsprism.csv"
    if kind == "folder":
        planted.mkdir()
    else:
        planted.symlink_to(tmp_path / "nothing")
    top.chmod(0o1777)
    _give_away(planted, monkeypatch)
    failures: list[IngestFailure] = []
    warnings: list[IngestWarning] = []
    items = read_inputs([str(top / "x")], IngestOptions(), on_warning=warnings.append)
    for item in items:
        if isinstance(item, IngestFailure):
            failures.append(item)
    assert failures == []
    assert [(w.source, w.message.split(":")[0]) for w in warnings] == [(str(planted), "not read")]


def test_another_users_manifest_does_not_hide_ones_own_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    top, planted = _tree(tmp_path, shared=True)
    (top / "newsprism.json").write_text('[{"path": "x/*.txt", "outlet": "Lorvik Post"}]')
    if os.geteuid() != 0:
        pytest.skip("needs another owner for one of two files")
    os.lchown(planted, OTHER_UID, OTHER_UID)
    outlets, warnings = _read(top / "x")
    assert outlets == ["Lorvik Post"]
    assert [w.source for w in warnings] == [str(planted)]
