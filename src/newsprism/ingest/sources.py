"""Expand what a user typed (files, folders, globs, ``-``, URLs) into single inputs.

Expansion touches only names, never contents, so it is cheap even for a crawl of a
million files; directories are walked in sorted order so that runs are reproducible.
"""

from __future__ import annotations

import glob
import logging
import os
import re
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from newsprism.ingest.manifest import MISNAMED_MANIFEST, is_manifest, is_misnamed_manifest
from newsprism.model import IngestFailure

logger = logging.getLogger(__name__)

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


class InputKind(Enum):
    FILE = "file"
    STDIN = "stdin"
    URL = "url"


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: ``source`` is the path or URL as the user gave or we found it."""

    source: str
    kind: InputKind

    @property
    def stem(self) -> str | None:
        """A file's name without its extensions ("nyt-pier" for "nyt-pier.txt.gz"): the
        outlet of last resort, so that files nothing identifies stay apart. Never the
        folder's name: one folder often holds one story from many outlets."""
        if self.kind is not InputKind.FILE:
            return None
        name = Path(self.source).name.removesuffix(".gz")
        return Path(name).stem or name


def is_url(value: str) -> bool:
    """An http(s) address, its scheme in any case: "HTTP://..." (as some sites and
    spreadsheets write it) was looked for as a file and failed "no such file"."""
    return value[:8].lower().startswith(("http://", "https://"))


# "scheme://" (RFC 3986 scheme syntax): an address newsprism does not read.
_OTHER_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def unsupported_url(value: str) -> str | None:
    """The failure reason for an address of a scheme newsprism does not read (ftp://,
    sftp://, s3://), else None: it was "no such file, folder or URL", as if mistyped."""
    found = _OTHER_SCHEME.match(value)
    if found is None or found[1].lower() in ("http", "https", "file"):
        return None
    return f"unsupported URL scheme '{found[1]}' (newsprism reads http://, https:// and file://)"


def normal_url(value: str) -> str:
    """``value`` with the scheme and host of an address in lower case, as a fetch reports
    it ("HTTP://News.Example/A.html" -> "http://news.example/A.html"); anything else as it
    is. Read as written, the article's source kept the capitals and its url did not, and
    the same address written in lower case later was another source (review s35 r2 L2)."""
    found = _OTHER_SCHEME.match(value)
    if found is None:
        return value
    start = found.end()
    end = next((i for i, c in enumerate(value[start:], start) if c in "/?#"), len(value))
    user, at, host = value[start:end].rpartition("@")  # user names keep their case
    return f"{found[1].lower()}://{user}{at}{host.lower()}{value[end:]}"


# What a browser's "Save page as... complete" puts beside the page (page_files/): style
# sheets, scripts, images, fonts and media. Walking such a folder stored each style sheet
# and script as an article of its own, and failed each image as "binary content".
_PAGE_ASSET_SUFFIXES = frozenset(
    {".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
    | {".ico", ".avif", ".bmp", ".tif", ".tiff", ".woff", ".woff2", ".ttf", ".otf", ".eot"}
    | {".mp3", ".mp4", ".m4a", ".webm", ".ogg", ".wav", ".mov"}
)
PAGE_ASSET = "a page asset (a style sheet, script, image, font or media file), not an article"


def is_page_asset(path: str) -> bool:
    """True for a file no article is in, by its extension (gzipped or not)."""
    name = path.lower().removesuffix(".gz")
    return os.path.splitext(name)[1] in _PAGE_ASSET_SUFFIXES  # noqa: PTH122


def file_url_path(value: str) -> str | None:
    """The path of a ``file:`` URL on this machine ("file:///tmp/a%20b.html" and the
    one-slash form "file:/tmp/a%20b.html" -> "/tmp/a b.html"), else None: it was "no
    such file, folder or URL" for a file that is there. A file URL naming another host
    stays a failure (no such file)."""
    if not value.lower().startswith("file:/"):
        return None
    parsed = urllib.parse.urlsplit(value)
    if parsed.netloc not in ("", "localhost"):
        return None
    return urllib.request.url2pathname(parsed.path) or None


def tidy_path(path: str) -> str:
    """``path`` without "." parts and repeated or trailing separators ("./in//a.txt" ->
    "in/a.txt"): one file is one source however the user spelt its folder ("in",
    "./in/"), since a re-read is matched to the stored article by its source (a manifest
    corrected between runs otherwise stored a second copy under the new outlet). ".."
    parts stay: through a link, "a/../b" need not be "b"."""
    return str(Path(path))  # a PurePath drops "." parts and extra separators, not ".."


def expand_inputs(values: Iterable[str]) -> Iterator[Input | IngestFailure]:
    """Each argument as one or more inputs, or a failure when it names nothing. The
    path of a file is tidied (:func:`tidy_path`)."""
    for found in _expand(values):
        if isinstance(found, Input) and found.kind is InputKind.FILE:
            yield Input(tidy_path(found.source), found.kind)
        else:
            yield found


def _expand(values: Iterable[str]) -> Iterator[Input | IngestFailure]:
    # A browser's address of a saved page (file://) stands for the file itself.
    for value in (file_url_path(v) or v for v in values):
        if not value.strip():  # "$DIR" unset in a script: Path("") is the working folder
            yield IngestFailure(repr(value), "an empty path (nothing named)")
        elif value == STDIN:
            yield Input(STDIN, InputKind.STDIN)
        elif is_url(value):
            yield Input(normal_url(value), InputKind.URL)
        elif Path(value).is_dir():
            yield from _walk(value)
        elif Path(value).is_file():
            yield from _named_file(value)
        elif _GLOB_CHARS & set(value):
            yield from _glob(value)
        elif os.path.exists(value):  # noqa: PTH110 - the path as the user spelt it
            yield IngestFailure(value, "not a regular file (a pipe, socket or device)")
        else:
            yield IngestFailure(value, unsupported_url(value) or "no such file, folder or URL")


def _named_file(value: str) -> Iterator[Input | IngestFailure]:
    """A file the user named: an input, or a failure saying why it is none."""
    if is_manifest(value):
        logger.info("%s: a manifest, read for the files beside it", value)
    elif is_misnamed_manifest(value):
        yield IngestFailure(value, MISNAMED_MANIFEST)
    elif is_page_asset(value):
        yield IngestFailure(value, PAGE_ASSET)
    else:
        yield Input(value, InputKind.FILE)


def _walk(top: str) -> Iterator[Input | IngestFailure]:
    """Files under ``top``, sorted, skipping hidden files and folders; a failure for each
    folder that cannot be listed (os.walk passed over it without a word, and its files
    were missing from the run with nothing said).

    A link to a folder is followed, as a link to a file is (its files were left out
    without a word), each real folder and file read once; never a link to a folder
    above it, which would loop or read what the user did not name."""
    unlisted: list[OSError] = []
    walked: set[str] = set()
    read: set[str] = set()  # real paths of the files given out, each read once
    real_top = os.path.realpath(top)
    for root, dirs, files in os.walk(top, onerror=unlisted.append, followlinks=True):
        yield from _unlisted(unlisted)
        real = os.path.realpath(root)
        if real in walked:  # reached again through a link
            dirs[:] = []
            continue
        walked.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _up(root, d, real))
        for name in sorted(files):
            path = os.path.join(root, name)  # noqa: PTH118 - the path as the user spelt it
            if is_misnamed_manifest(name):
                yield IngestFailure(path, MISNAMED_MANIFEST)
            elif is_page_asset(name):
                logger.info("%s: a page asset, not an article; passed over", path)
            elif name.startswith(".") or is_manifest(name):
                continue
            elif not _read_elsewhere(path, os.path.join(real, name), real_top, read):  # noqa: PTH118
                yield Input(path, InputKind.FILE)
    yield from _unlisted(unlisted)


def _read_elsewhere(path: str, in_real_root: str, real_top: str, read: set[str]) -> bool:
    """Whether the file ``path`` (``in_real_root``: its name in its folder's real path)
    is read under another name in this walk: a link to a file of the walked tree (read
    as itself), or a file already given out. A link beside its target ('latest.txt ->
    2026-03-03.txt') was read twice, the link as a source of its own named by its file:
    one article looked like two outlets. One lstat a file that is no link."""
    link = Path(path).is_symlink()
    real = os.path.realpath(path) if link else in_real_root
    if real in read:
        logger.info("%s: the file %s, already read", path, real)
        return True
    if link and Path(real).is_file() and _in_tree(real, real_top):
        logger.info("%s: a link to %s, read as itself", path, real)
        return True
    read.add(real)
    return False


def _in_tree(real: str, real_top: str) -> bool:
    """Whether the real path lies in the walked folder, outside hidden folders (which
    the walk passes over, so a link into one is the only way its file is read)."""
    relative = os.path.relpath(real, real_top)
    parts = Path(relative).parts
    return bool(parts) and parts[0] != os.pardir and not any(p.startswith(".") for p in parts)


def _up(root: str, name: str, real_root: str) -> bool:
    """Whether ``root/name`` is a link to ``root`` or to a folder above it."""
    path = os.path.join(root, name)  # noqa: PTH118 - as os.walk spells it
    if not Path(path).is_symlink():
        return False
    target = os.path.realpath(path)
    if real_root == target or real_root.startswith(target.rstrip(os.sep) + os.sep):
        logger.info("%s: a link to a folder above it, not followed", path)
        return True
    return False


def _unlisted(errors: list[OSError]) -> Iterator[IngestFailure]:
    for error in errors:
        where = str(error.filename) if error.filename is not None else "?"
        yield IngestFailure(where, f"cannot list this folder ({error.strerror or error})")
    errors.clear()


def _glob(pattern: str) -> Iterator[Input | IngestFailure]:
    # glob, not Path.glob: the pattern may be absolute and may hold "**".
    matches = sorted(glob.iglob(pattern, recursive=True))  # noqa: PTH207
    if not matches:
        yield IngestFailure(pattern, "the pattern matches no file")
    for match in matches:
        if Path(match).is_dir():
            yield from _walk(match)
        elif is_misnamed_manifest(match):
            yield IngestFailure(match, MISNAMED_MANIFEST)
        elif is_page_asset(match):  # "saved/*": the page's assets are not named one by one
            logger.info("%s: a page asset, not an article; passed over", match)
        elif not is_manifest(match):
            yield Input(match, InputKind.FILE)
