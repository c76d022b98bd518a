"""Upload folders of the web app's jobs, and the sweep of those a killed server left.

Each job's uploads are saved under a private temporary folder (``newsprism-upload-*``,
made by :func:`tempfile.mkdtemp`, mode 0700, holding one ``uploads`` folder) that the job
removes when it ends. A server killed mid-job (SIGKILL, a power cut) never gets there,
and every such folder kept a copy of what was uploaded in the shared temporary folder
for good. :func:`sweep_stale_uploads` runs when the app starts and removes those.

It removes only what is plainly this app's and this user's and no longer in use: a real
folder (not a link) named with the app's prefix, owned by the user running the app, not
open to others, holding nothing but ``uploads`` (or nothing at all: a server killed
between making the two), and untouched for longer than any job runs (another server of
the same user may be running a job in a fresh one).
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

logger = logging.getLogger(__name__)

UPLOAD_PREFIX = "newsprism-upload-"
UPLOADS = "uploads"
# Older than this, an upload folder belongs to no running job: a job reads, analyses and
# briefs a browser's uploads (at most --max-upload-bytes) in minutes, not a day.
STALE_UPLOAD_SECONDS = 24 * 3600


def new_upload_folder() -> Path:
    """A fresh private folder for one job's uploads (its ``uploads`` folder)."""
    top = Path(tempfile.mkdtemp(prefix=UPLOAD_PREFIX))
    try:
        (top / UPLOADS).mkdir()
    except OSError:
        # A full disk can fail this mkdir too: the caller knows no folder to remove,
        # and one empty folder was left behind per failed request.
        top.rmdir()
        raise
    return top / UPLOADS


def sweep_stale_uploads(
    root: Path | None = None, max_age: float = STALE_UPLOAD_SECONDS, now: float | None = None
) -> int:
    """Remove the stale upload folders under ``root`` (the temporary folder); how many.
    Never raises: a folder that cannot be looked at or removed is left, and logged."""
    base = root if root is not None else Path(tempfile.gettempdir())
    moment = time.time() if now is None else now
    removed = 0
    try:
        entries = [e for e in os.scandir(base) if e.name.startswith(UPLOAD_PREFIX)]
    except OSError as exc:
        logger.info("cannot list %s for stale uploads: %s", base, exc)
        return 0
    for entry in entries:
        try:
            if not _is_stale(entry.path, moment - max_age):
                continue
            shutil.rmtree(entry.path)
        except OSError as exc:
            logger.info("left the upload folder %s: %s", entry.path, exc)
            continue
        removed += 1
    if removed:
        logger.warning("removed %d upload folder(s) a stopped server left in %s", removed, base)
    return removed


def _is_stale(path: str, before: float) -> bool:
    """Whether ``path`` is an upload folder of this user's that nothing has used since
    ``before`` (see the module docstring)."""
    folder = Path(path)
    top = folder.lstat()
    if not stat.S_ISDIR(top.st_mode) or top.st_uid != os.getuid() or top.st_mode & 0o077:
        return False
    inside = [p.name for p in folder.iterdir()]
    if not inside:  # a folder whose uploads folder was never made
        return top.st_mtime < before
    if inside != [UPLOADS]:
        return False
    inner = (folder / UPLOADS).lstat()
    if not stat.S_ISDIR(inner.st_mode) or inner.st_uid != top.st_uid:
        return False
    return max(top.st_mtime, inner.st_mtime) < before
