"""Manifest lookups: the per-folder fast path finds what walking each file's parents finds.

:class:`~newsprism.ingest.manifest.Manifests` resolves a folder once and keeps the chain
of manifests above it; :func:`reference_facts` is the plain definition (resolve the file,
ask every parent folder, nearest first, a broken manifest reported once and then absent).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import MalformedInput
from newsprism.ingest.manifest import Manifest, Manifests, SourceFacts, read_manifest

_runs = itertools.count()


class ReferenceManifests:
    """The definition: each file's resolved path, each of its parents in turn."""

    def __init__(self) -> None:
        self.by_folder: dict[Path, Manifest | None] = {}

    def facts_for(self, path: str) -> tuple[SourceFacts | None, MalformedInput | None]:
        resolved = Path(path).resolve()
        for folder in resolved.parents:
            if folder not in self.by_folder:
                self.by_folder[folder] = None  # a broken manifest is reported once, then absent
                try:
                    self.by_folder[folder] = read_manifest(folder)
                except MalformedInput as exc:
                    return None, exc
            manifest = self.by_folder[folder]
            facts = manifest.facts_for(resolved) if manifest else None
            if facts is not None:
                return facts, None
        return None, None


def _same(fast: Manifests, reference: ReferenceManifests, path: str) -> None:
    for _ in range(2):  # the pipeline asks twice: for a broken manifest, then for facts
        (facts, broken), (want, want_broken) = fast.facts_for(path), reference.facts_for(path)
        assert facts == want, path
        assert (broken and (broken.source, broken.reason)) == (
            want_broken and (want_broken.source, want_broken.reason)
        ), path


def _tree(root: Path) -> list[str]:
    """Nested manifests (exact rows, patterns, one broken), a symlinked file and folder."""
    (root / "a" / "b" / "c").mkdir(parents=True)
    (root / "other").mkdir()
    (root / "newsprism.csv").write_text("path,outlet\n*,Top\n", encoding="utf-8")
    (root / "a" / "newsprism.json").write_text(
        '[{"path": "b/c/x.txt", "outlet": "Exact"}, {"path": "b/*.txt", "outlet": "Pattern"}]',
        encoding="utf-8",
    )
    (root / "a" / "b" / "c" / "newsprism.csv").write_text("file\nx.txt\n", encoding="utf-8")
    (root / "other" / "newsprism.csv").write_text("path,outlet\nt.txt,Other\n", encoding="utf-8")
    files = ["a/b/c/x.txt", "a/b/c/y.txt", "a/b/z.txt", "a/w.txt", "other/t.txt", "top.txt"]
    for name in files:
        (root / name).write_text("text", encoding="utf-8")
    (root / "a" / "link.txt").symlink_to(root / "other" / "t.txt")
    (root / "a" / "dir").symlink_to(root / "other", target_is_directory=True)
    return [*files, "a/link.txt", "a/dir/t.txt", "a/b/../w.txt", "a/missing.txt"]


@pytest.mark.parametrize("order", [0, 1, 2])
def test_per_folder_lookup_equals_walking_each_files_parents(tmp_path: Path, order: int) -> None:
    names = _tree(tmp_path)
    names = names[order:] + names[:order]  # the broken manifest is met by different files
    fast, reference = Manifests(), ReferenceManifests()
    for name in names:
        _same(fast, reference, str(tmp_path / name))


def test_relative_paths_resolve_against_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path / "a")
    fast = Manifests()
    assert fast.facts_for("b/z.txt")[0] == SourceFacts("Pattern")
    assert fast.facts_for("link.txt")[0] == SourceFacts("Other")  # the link's target folder
    assert fast.facts_for("dir/t.txt")[0] == SourceFacts("Other")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    layout=st.lists(
        st.tuples(
            st.lists(st.sampled_from(["p", "q"]), max_size=3),  # folder below the root
            st.sampled_from(["x.txt", "y.txt", "link.txt"]),
        ),
        min_size=1,
        max_size=8,
    ),
    manifests=st.lists(
        st.tuples(
            st.lists(st.sampled_from(["p", "q"]), max_size=3),
            st.sampled_from(["x.txt", "*.txt", "q/*", "", "broken"]),
        ),
        max_size=4,
    ),
)
def test_any_tree_of_manifests_gives_the_reference_facts(
    tmp_path: Path, layout: list[tuple[list[str], str]], manifests: list[tuple[list[str], str]]
) -> None:
    root = tmp_path / f"t{next(_runs)}"
    root.mkdir()
    for n, (parts, row) in enumerate(manifests):
        folder = root.joinpath(*parts)
        folder.mkdir(parents=True, exist_ok=True)
        text = "oops,\n" if row == "broken" else f"path,outlet\n{row or 'none.txt'},M{n}\n"
        (folder / "newsprism.csv").write_text(text, encoding="utf-8")
    (root / "target.txt").write_text("text", encoding="utf-8")
    paths = []
    for parts, name in layout:
        folder = root.joinpath(*parts)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        if path.is_symlink() or path.exists():
            pass
        elif name == "link.txt":
            path.symlink_to(root / "target.txt")  # a link to the root's file
        else:
            path.write_text("text", encoding="utf-8")
        paths.append(str(path))
    fast, reference = Manifests(), ReferenceManifests()
    for path in paths:
        _same(fast, reference, path)
