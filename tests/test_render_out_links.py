"""``--out`` through a link: a link to a regular file replaces that file (the link
stays), and a link to a special file is written through. ``--out /dev/stdout`` into a
pipe resolved to ``/proc/PID/fd/pipe:[N]``, which no path opens: "cannot write (No such
file or directory)"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsprism.render.report import replacing

FD_LINKS = Path("/proc/self/fd")


@pytest.mark.skipif(not FD_LINKS.is_dir(), reason="no /proc/self/fd links here")
def test_a_link_to_a_pipe_is_written_through() -> None:
    read_end, write_end = os.pipe()
    try:
        link = FD_LINKS / str(write_end)
        with replacing(link) as target:
            assert target == link
            target.write_text("report\n", encoding="utf-8")
        assert os.read(read_end, 100) == b"report\n"
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_link_to_a_regular_file_replaces_the_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "brief.md"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(real)
    with replacing(link) as target:
        assert target != real and target.parent == real.parent  # a temporary beside it
        target.write_text("new\n", encoding="utf-8")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_a_dangling_link_is_written_where_it_points(tmp_path: Path) -> None:
    link = tmp_path / "latest.md"
    link.symlink_to(tmp_path / "made.md")
    with replacing(link) as target:
        target.write_text("new\n", encoding="utf-8")
    assert link.is_symlink() and (tmp_path / "made.md").read_text(encoding="utf-8") == "new\n"
