"""Sidecar manifests: what a user knows about a folder of scraped files.

A folder of scraped article text rarely says who published each file. A manifest beside
the files says it: ``newsprism.csv`` (a header row, then one row a file) or
``newsprism.json`` (a list of objects), with the columns

    path       the file's name, relative to the manifest's folder ("a/b.txt"), or a
               glob pattern ("*", "nyt-*.txt"); required
    outlet     who published it ("The Harbour Herald")
    url        where it was published (its domain is the outlet when none is named)
    published  when, as an ISO 8601 timestamp ("2026-03-03T09:15:00+01:00")

A file's exact row wins over a pattern; among patterns, the first listed wins. A file
listed in two or more rows is a mistake, said once per run: rows that say the same are
one row, with a warning naming the manifest, the file and the rows; rows that say
different things (another outlet, URL or date, or one row saying what the other leaves
blank) leave the file unread, as a failure naming the manifest and the rows, since
either guess could store it under the wrong outlet (and a later run, with the manifest
fixed, would store it again under another id). The other files go on. A manifest
applies to the files of its own folder and of the folders below it (the
nearest manifest that names a file decides). What a manifest says wins over what a
file's own metadata says: the user wrote it for that file. A pattern is a folder-wide
default, though, for a file of records (JSON Lines, JSON, WARC, feed) that each carry
their own outlet, URL and date: there a record's own value wins over the pattern's (a
"*" row gave every record of a crawl one outlet and one URL), and only a file's own row
overrides what its records say (see ``pipeline._with_known_facts``).

A broken row (a date that is no ISO 8601 date, no path, more values than columns, a JSON
item with an unknown key or not an object) does not stop the other rows: the file it
names (each file a broken pattern row would decide) is not read, as for rows that
disagree, one failure naming the manifest, the row and the problem; a broken row no file
will name that way is one warning (see :func:`_broken_row`). A broken header (no path
column, an unknown or repeated column) is every row's mistake: the manifest is refused
whole, one failure, its files read without it.

A manifest is looked for in the file's folder and every folder above it, so reading a
subfolder ("scraped/fox/") keeps the rows of the manifest above it ("fox/*.txt").
One it cannot be told the user wrote is not read, with a warning: a manifest owned by
another user (not root) in a folder every user may write to (/tmp, /var/tmp), where
anyone could have left it for every folder below (see :func:`_untrusted`). The same goes
for anything else such a user left under a manifest's name (a link to nothing, a folder).

A folder's manifest is its ``newsprism.csv`` when that is a regular file (or a link to
one), else its ``newsprism.json``. An entry of the user's own under either name that is
not a regular file (a link to a moved manifest, a folder, a pipe) is one failure naming
it, and the folder's other manifest, when there is one, is still read: a link left
behind must not throw away the outlets the other file names (see :func:`read_manifest`).
"""

# Paths of files are handled as strings with os.path here: a Path object per file (made,
# resolved, hashed) was the lookup's whole cost.
# ruff: noqa: PTH109, PTH114, PTH118, PTH120

from __future__ import annotations

import csv
import dataclasses
import fnmatch
import io
import json
import logging
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsprism.errors import InputError, MalformedInput
from newsprism.ingest.decode import EMPTY_INPUT, binary_format, decode
from newsprism.ingest.html import parse_timestamp
from newsprism.ingest.records import json_error_at, load_json
from newsprism.model import IngestFailure, IngestWarning

logger = logging.getLogger(__name__)

MANIFEST_NAMES = ("newsprism.csv", "newsprism.json")
COLUMNS = ("path", "outlet", "url", "published")
# A manifest lists files, one short row each; a bigger file is not a manifest.
MAX_MANIFEST_BYTES = 50_000_000


def is_manifest(path: str) -> bool:
    """True for a file named like a manifest (never read as an article)."""
    return Path(path).name in MANIFEST_NAMES


# A manifest saved in a spreadsheet's own format (or as .tsv) is no manifest: it was read
# as an article ("binary content, not text"), and the user never learnt why the outlets
# it names were not applied.
_SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".numbers", ".tsv"})
MISNAMED_MANIFEST = "a manifest must be saved as CSV named newsprism.csv (or as newsprism.json)"


def is_misnamed_manifest(path: str) -> bool:
    """True for ``newsprism.xlsx`` and the like: a manifest in a format not read."""
    name = Path(path)
    return name.stem.lower() == "newsprism" and name.suffix.lower() in _SPREADSHEET_SUFFIXES


@dataclass(frozen=True, slots=True)
class SourceFacts:
    """What a manifest row says about one file."""

    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    # Said by a pattern row (a default for a folder), not by the file's own row.
    pattern: bool = field(default=False, compare=False)
    # Why the row cannot be used (a pattern row that is broken): the files it decides
    # are not read (see _parse).
    refused: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Manifest:
    """One manifest's rows: exact paths, and patterns in the order they were listed."""

    folder: Path
    exact: dict[str, SourceFacts]
    patterns: tuple[tuple[str, SourceFacts], ...]
    # Files listed in rows that agree (one warning each), and in rows that do not (the
    # reason the file is not read); see the module docstring.
    repeats: tuple[IngestWarning, ...] = ()
    conflicts: dict[str, str] = field(default_factory=dict)
    # An entry under the other manifest name that cannot be read (see read_manifest).
    failures: tuple[IngestFailure, ...] = ()

    def facts_for(self, path: Path) -> SourceFacts | None:
        try:
            relative = path.relative_to(self.folder).as_posix()
        except ValueError:
            return None
        return self.facts_at(relative)

    def facts_at(self, relative: str) -> SourceFacts | None:
        """The facts for the file at ``relative`` (a posix path below :attr:`folder`)."""
        if relative in self.exact:
            return self.exact[relative]
        return next((f for p, f in self.patterns if fnmatch.fnmatchcase(relative, p)), None)


# The manifests on the way up from one folder, nearest first, each with its folder as a
# string; a broken one stands as its error, reported when a lookup first reaches it.
_Chain = tuple[tuple[str, "Manifest | MalformedInput"], ...]


@dataclass
class Manifests:
    """The manifests of one run, each folder's read once; a broken one is reported once.

    Every file is looked up (twice: for a broken manifest, then for its facts), so the
    work is kept per folder: a folder's resolved path and its chain of manifests are
    found once. Resolving each file's path with pathlib and walking its parents cost
    0.3-0.5 ms a file (bench/ingest.py profile), a tenth of reading a text file.
    """

    # The highest folder whose manifest is read (None: up to the root).
    top: str | None = None
    _by_folder: dict[str, Manifest | MalformedInput | None] = field(default_factory=dict)
    _reported: set[str] = field(default_factory=set)
    _resolved: dict[str, str] = field(default_factory=dict)  # absolute folder -> resolved
    _chains: dict[str, _Chain] = field(default_factory=dict)  # resolved folder -> chain
    _warned: set[str] = field(default_factory=set)  # folders whose repeats were said

    def notices(self, path: str) -> tuple[list[IngestFailure | IngestWarning], bool]:
        """What to tell the user before the file at ``path`` is read, and whether it must
        not be read: a broken manifest above it (once a run), the repeated rows of the
        manifests above it (once a run), and a failure for the file itself when its
        nearest manifest lists it in rows that disagree (then True)."""
        _, broken = self.facts_for(path)
        said: list[IngestFailure | IngestWarning] = []
        if broken is not None:
            said.append(IngestFailure(broken.source, broken.reason))
        resolved = self._resolve(path)
        for folder, found in self._chain(os.path.dirname(resolved)):
            if isinstance(found, MalformedInput):
                continue
            if folder not in self._warned:
                self._warned.add(folder)
                said.extend(found.failures)
                said.extend(found.repeats)
            relative = _relative(resolved, folder)
            if relative in found.conflicts:
                said.append(IngestFailure(path, found.conflicts[relative]))
                return said, True
            facts = found.facts_at(relative)
            if facts is not None and facts.refused is not None:
                said.append(IngestFailure(path, facts.refused))
                return said, True
            if facts is not None:
                break
        return said, False

    def facts_for(self, path: str) -> tuple[SourceFacts | None, MalformedInput | None]:
        """The nearest manifest's facts for a file, and a manifest error not yet reported."""
        resolved = self._resolve(path)
        for folder, found in self._chain(os.path.dirname(resolved)):
            if isinstance(found, MalformedInput):
                if folder in self._reported:
                    continue  # reported once; from then on the folder has no manifest
                self._reported.add(folder)
                return None, found
            facts = found.facts_at(_relative(resolved, folder))
            if facts is not None:  # a broken row's file is not read (see notices)
                return (None if facts.refused else facts), None
        return None, None

    def _resolve(self, path: str) -> str:
        """``Path(path).resolve()`` as a string, resolving each folder once.

        A file that is itself a symbolic link (or a name like ``..``) is resolved whole:
        its target may stand in another folder.
        """
        folder, name = os.path.split(os.path.join(os.getcwd(), path))
        if name in ("", ".", "..") or os.path.islink(path):
            return _real(path)
        resolved = self._resolved.get(folder)
        if resolved is None:
            resolved = self._resolved[folder] = _real(folder)
        return os.path.join(resolved, name)

    def _chain(self, folder: str) -> _Chain:
        """The manifests of ``folder`` (resolved) and of the folders above it."""
        chain = self._chains.get(folder)
        if chain is None:
            parent = os.path.dirname(folder)
            at_top = parent == folder or (self.top is not None and folder == _real(self.top))
            above = () if at_top else self._chain(parent)
            found = self._manifest(folder)
            chain = self._chains[folder] = ((folder, found), *above) if found else above
        return chain

    def _manifest(self, folder: str) -> Manifest | MalformedInput | None:
        if folder not in self._by_folder:
            try:
                self._by_folder[folder] = read_manifest(Path(folder))
            except MalformedInput as exc:
                self._by_folder[folder] = exc
        return self._by_folder[folder]


def _untrusted(path: Path) -> str | None:
    """Why the entry at ``path`` (a manifest's name) is passed over as one the user running
    newsprism cannot have written; None when it is theirs to read.

    Such an entry is owned by another user (root excepted) in a folder every user may
    write to: a newsprism.csv anyone left in /tmp applied to every folder read below it
    ('newsprism ingest /tmp/x/'), and a link to nothing or a folder under that name made
    every other user's run fail. The entry's owner is the one test no other user can
    pass; a manifest in a folder only trusted users can write is read whoever owns it
    (a colleague's in a shared project folder). No such test on systems without user
    ids (Windows)."""
    if not hasattr(os, "getuid"):
        return None
    try:
        # The owner of the entry itself: a link another user left to one of ours is
        # still theirs.
        owner = path.lstat().st_uid
        shared = path.parent.stat().st_mode & stat.S_IWOTH
    except OSError:
        return None
    if not shared or owner in (0, os.getuid()):
        return None
    return (
        f"not read: owned by another user (uid {owner}) in a folder every user may "
        "write to; move it to a folder of your own"
    )


def _real(path: str) -> str:
    """``Path(path).resolve()``; a link that loops ("self -> self") stands as it is: it
    raised RuntimeError and ended the whole run, where reading it is one failure."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(Path(path).absolute())


def _relative(resolved: str, folder: str) -> str:
    """``resolved`` relative to ``folder`` (one of its parents), as a posix path."""
    relative = resolved[len(folder) :].lstrip(os.sep)
    return relative.replace(os.sep, "/") if os.sep != "/" else relative


NOT_A_FILE = "not a manifest file (a link to nothing, a folder, a pipe or a device)"


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest in ``folder``, or None when it has none.

    The first of :data:`MANIFEST_NAMES` that is a regular file (or a link to one) is
    read: ``newsprism.csv`` before ``newsprism.json``. An entry under either name that is
    not a regular file (a link to nothing, a folder, a pipe) hides no manifest beside it:
    it is one failure (the first such entry), said with the manifest read, or raised
    when there is none. An entry another user left in a folder every user may write to
    (see :func:`_untrusted`) is passed over whatever it is, with a warning.

    Raises :class:`MalformedInput` naming the manifest and the row when it is broken.
    """
    passed: list[IngestWarning] = []
    odd: Path | None = None
    for name in MANIFEST_NAMES:
        path = folder / name
        if not os.path.lexists(path):
            continue
        distrust = _untrusted(path)
        if distrust is not None:
            passed.append(IngestWarning(str(path), distrust))
            continue
        try:
            regular = path.is_file()
        except OSError:  # an ancestor we may pass through but not list
            regular = False
        if regular:
            found = _parse(path, folder)
            failures = (IngestFailure(str(odd), NOT_A_FILE),) if odd is not None else ()
            said = (*passed, *found.repeats)
            return dataclasses.replace(found, repeats=said, failures=failures)
        # A link to a moved manifest, or a folder or pipe under its name: the files were
        # read without it, not a word said.
        odd = odd or path
    if odd is not None:
        raise MalformedInput(str(odd), NOT_A_FILE)
    return Manifest(folder, {}, (), tuple(passed)) if passed else None


def _parse(path: Path, folder: Path) -> Manifest:
    source = str(path)
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise MalformedInput(source, f"a manifest over {MAX_MANIFEST_BYTES:,} bytes")
        kind = "JSON" if path.suffix == ".json" else "CSV"
        text, warning = _text(path.read_bytes(), source, kind)
    except OSError as exc:
        raise MalformedInput(source, f"cannot read the manifest ({exc.strerror or exc})") from None
    rows = _json_rows(text, source) if path.suffix == ".json" else _csv_rows(text, source)
    exact: dict[str, SourceFacts] = {}
    patterns: list[tuple[str, SourceFacts]] = []
    listed: dict[str, list[tuple[str, SourceFacts]]] = {}  # file -> its rows
    broken: dict[str, str] = {}  # file -> why its own row cannot be used
    said: list[IngestWarning] = []  # one line for each broken row no file will name
    for where, row in _usable(rows, source):
        if isinstance(row, _BrokenRow):
            said.extend(_broken_row(row, where, folder, patterns, broken))
            continue
        name, facts = row
        if _is_pattern(name):
            patterns.append((name, dataclasses.replace(facts, pattern=True)))
        else:
            exact.setdefault(name, facts)
            listed.setdefault(name, []).append((where, facts))
    repeats, conflicts = _repeated(source, listed)
    if warning is not None:
        repeats = (warning, *repeats)
    unused = _unused_rows(source, folder, listed)
    if unused is not None:
        repeats = (*repeats, unused)
    conflicts.update(broken)  # a file with a broken row is not read, whatever else says
    for name in conflicts:
        exact.pop(name, None)
    logger.info("%s: %d files and %d patterns", source, len(exact), len(patterns))
    return Manifest(folder, exact, tuple(patterns), (*repeats, *said), conflicts)


@dataclass(frozen=True, slots=True)
class _BrokenRow:
    """A row that cannot be used: its problem, and the path it names (None: none)."""

    source: str
    problem: str
    path: str | None


def _usable(
    rows: list[tuple[str, Any]], source: str
) -> Iterator[tuple[str, tuple[str, SourceFacts] | _BrokenRow]]:
    """Each row read, or why it cannot be. A broken row refused the whole manifest, and
    every file of its folder was read under an outlet guessed from its name; now the
    good rows apply (see :func:`_broken_row` for the broken ones)."""
    for where, row in rows:
        try:
            yield where, _row(row, f"{source}: {where}")
        except MalformedInput as exc:
            yield where, _BrokenRow(source, exc.reason, _raw_path(row))


def _broken_row(
    row: _BrokenRow,
    where: str,
    folder: Path,
    patterns: list[tuple[str, SourceFacts]],
    broken: dict[str, str],
) -> list[IngestWarning]:
    """Record a broken row; the line to say for it now, where no file's failure will (a
    warning, as for a row naming no file: the files it keeps unread are the failures).

    The file a broken row names is **not read** (a failure naming the manifest, the row
    and the problem), rather than read as if unlisted: the user wrote that row to say
    who published the file, and a guess from its name (or its own metadata) would store
    it under an outlet, date or URL nobody gave it, and a later run with the row fixed
    would read it as a correction. A broken pattern row is kept in its place, so that
    the files it would have decided are not read either; a later pattern or the file's
    own row does not stand in for it.
    """
    reason = f"{row.source} {where}: {row.problem}"
    if row.path is None:
        return [IngestWarning(row.source, f"{where}: {row.problem}; row not used")]
    blocked = f"{reason}; not read until the row is fixed"
    if _is_pattern(row.path):
        patterns.append((row.path, SourceFacts(pattern=True, refused=blocked)))
        return [
            IngestWarning(row.source, f"{where}: {row.problem}; the files it decides are not read")
        ]
    broken.setdefault(row.path, blocked)
    if _outside(row.path) or not os.path.lexists(os.path.join(folder, row.path)):
        return [IngestWarning(row.source, f"{where}: {row.problem}; it names no file")]
    return []


def _is_pattern(name: str) -> bool:
    return any(c in name for c in "*?[")


def _text(data: bytes, source: str, kind: str) -> tuple[str, IngestWarning | None]:
    """The manifest's text, decoded as articles are: a spreadsheet saves CSV in the
    Windows code page (Excel's "CSV") or in UTF-16, and such a manifest was refused whole
    as "not UTF-8 text", its files read under guessed outlets. A guessed encoding or a
    repaired byte comes with a warning. ``kind`` (CSV or JSON) names what it should be
    in the failure of an empty or binary one: both were "manifest has no path column"
    or "not text (binary content, not text)", which named no real problem."""
    empty = MalformedInput(source, f"manifest is empty (a {kind} manifest {_FIRST[kind]})")
    if not data.strip():
        raise empty
    known = binary_format(data)
    if known is not None:  # a PDF's head can pass for text: its failure was "no path column"
        raise MalformedInput(source, f"manifest is {known}, not {kind} text")
    try:
        decoded = decode(data, source)
    except InputError as exc:
        if exc.reason == EMPTY_INPUT:  # a byte-order mark, NULs or UTF-16 blanks alone
            raise empty from None
        what = exc.reason.removesuffix(", not text")
        raise MalformedInput(source, f"manifest is {what}, not {kind} text") from None
    # Line ends as universal newlines read them (an old Mac's "CSV" ends lines in CR).
    text = decoded.text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, IngestWarning(source, decoded.warning) if decoded.warning else None


# What an empty manifest lacks, by kind.
_FIRST = {
    "CSV": f"starts with a header row naming its columns: {', '.join(COLUMNS)}",
    "JSON": "is a list of objects with a path each",
}


def _repeated(
    source: str, listed: dict[str, list[tuple[str, SourceFacts]]]
) -> tuple[tuple[IngestWarning, ...], dict[str, str]]:
    """A warning for each file listed in rows that agree; the reason each file listed in
    rows that disagree is not read."""
    repeats: list[IngestWarning] = []
    conflicts: dict[str, str] = {}
    for name, found in listed.items():
        if len(found) < 2:
            continue
        rows = _joined([where for where, _ in found])
        distinct = list(dict.fromkeys(facts for _, facts in found))
        if len(distinct) == 1:
            repeats.append(
                IngestWarning(source, f"{name} is listed in {rows} with the same facts; read once")
            )
            continue
        conflicts[name] = (
            f"{source} lists it in {rows}, which disagree ({_difference(distinct)}); "
            "not read until one row is left"
        )
    return tuple(repeats), conflicts


# Rows named in the warning about rows that name no file; the others are counted.
MAX_UNUSED_NAMED = 3


def _unused_rows(
    source: str, folder: Path, listed: dict[str, list[tuple[str, SourceFacts]]]
) -> IngestWarning | None:
    """One warning naming the rows (of files, not patterns) that no file can match: a
    file not there (a typo: "harbour-heral.txt") or a path outside the manifest's folder.
    Such a row was unused without a word, and its file read under a guessed outlet."""
    unused = [
        f"{found[0][0]} ({name})"
        for name, found in listed.items()
        if _outside(name) or not os.path.lexists(os.path.join(folder, name))
    ]
    if not unused:
        return None
    named = ", ".join(unused[:MAX_UNUSED_NAMED])
    more = len(unused) - MAX_UNUSED_NAMED
    others = f" and {more:,} more" if more > 0 else ""
    verb = "names" if len(unused) == 1 else "name"
    return IngestWarning(source, f"{named}{others} {verb} no file in its folder or below; unused")


def _outside(name: str) -> bool:
    """Whether the row's (posix) path leaves the manifest's folder: absolute, or with
    '..' anywhere ('x/../../etc/passwd'). A file is matched by its path below the
    folder, which has no '..', so such a row matches nothing; looking for its file would
    tell whoever wrote the manifest (an uploader, in the web app) which files stand
    outside."""
    return name.startswith("/") or ".." in name.split("/")


def _difference(distinct: list[SourceFacts]) -> str:
    """The first column in which the rows differ, with each row's value."""
    for column in ("outlet", "url", "published"):
        values = list(dict.fromkeys(getattr(facts, column) for facts in distinct))
        if len(values) > 1:
            return f"{column} {' / '.join(_shown(v) for v in values)}"
    return "their facts"  # unreachable: distinct rows differ in some column


def _shown(value: str | datetime | None) -> str:
    if value is None:
        return "blank"
    return repr(value.isoformat() if isinstance(value, datetime) else value)


def _joined(wheres: list[str]) -> str:
    """ "row 2 and row 5", "row 2, row 5 and row 9"."""
    return wheres[0] if len(wheres) == 1 else f"{', '.join(wheres[:-1])} and {wheres[-1]}"


# The separators a header may use, in order: a comma, else the semicolon a spreadsheet
# writes where the comma is the decimal mark (Excel in German, French, Spanish...), else
# a tab ("Unicode text" exports).
_SEPARATORS = (",", ";", "\t")


def _csv_rows(text: str, source: str) -> list[tuple[str, dict[str, Any]]]:
    header = text.split("\n", 1)[0]
    separator = next((s for s in _SEPARATORS if s in header), ",")
    reader = csv.DictReader(io.StringIO(text), delimiter=separator)
    try:
        _check_columns(reader.fieldnames or [], source)  # reads the header row
        return [(f"row {n}", row) for n, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise MalformedInput(source, f"invalid CSV ({exc})") from None


def _json_rows(text: str, source: str) -> list[tuple[str, Any]]:
    try:
        parsed = load_json(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(source, f"invalid JSON ({json_error_at(exc, 'line')})") from None
    except ValueError as exc:
        raise MalformedInput(source, f"invalid JSON ({exc})") from None
    if not isinstance(parsed, list):
        raise MalformedInput(source, "a JSON manifest is a list of objects with a path each")
    # Each item is checked as a row (see _row): one odd item refused the whole manifest.
    return [(f"item {n}", row) for n, row in enumerate(parsed)]


def _check_columns(names: Sequence[str], source: str) -> None:
    if "path" not in names:
        raise MalformedInput(source, f"manifest has no path column (columns: {', '.join(COLUMNS)})")
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        raise MalformedInput(source, f"unknown manifest column {unknown[0]!r}")
    # "path,path,outlet" read the last path column only, without a word.
    repeated = next((n for i, n in enumerate(names) if n in names[:i]), None)
    if repeated is not None:
        raise MalformedInput(source, f"manifest column {repeated!r} given twice")


def _row(row: Any, where: str) -> tuple[str, SourceFacts]:
    if not isinstance(row, dict):  # a JSON manifest's item
        raise MalformedInput(where, "not an object with a path")
    unknown = next((k for k in row if k is not None and k not in COLUMNS), None)
    if unknown is not None:  # a JSON item's key (a CSV header is checked whole)
        raise MalformedInput(where, f"unknown column {unknown!r}")
    # csv.DictReader files the values past the header's columns under None: "a.txt,The
    # Times, London" stored the outlet "The Times" and dropped the rest. Empty ones (a
    # trailing separator) lose nothing.
    extra = next((v for k, v in row.items() if k is None), None) or []
    if any(str(value).strip() for value in extra):
        raise MalformedInput(
            where, "more values than columns (quote a value that holds the separator)"
        )
    values = {k: _value(row.get(k), where, k) for k in COLUMNS}
    if not values["path"]:
        raise MalformedInput(where, "no path")
    published = parse_timestamp(values["published"])
    if values["published"] and published is None:
        raise MalformedInput(where, f"published {values['published']!r} is not an ISO 8601 date")
    return _path(values["path"]), SourceFacts(values["outlet"], values["url"], published)


def _path(value: str) -> str:
    # A manifest written on Windows ("sub\\a.txt") names the same file on every system: on
    # POSIX its rows named files with backslashes in their names, and were all unused.
    return Path(value.replace("\\", "/")).as_posix().removeprefix("./")


def _raw_path(row: Any) -> str | None:
    """The path a broken row names, if it names one in text."""
    value = row.get("path") if isinstance(row, dict) else None
    if not isinstance(value, str) or not " ".join(value.split()):
        return None
    return _path(" ".join(value.split()))


def _value(value: Any, where: str, column: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedInput(where, f"{column} must be text")
    return " ".join(value.split()) or None
