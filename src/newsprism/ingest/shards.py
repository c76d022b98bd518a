"""Inputs split into pieces a distributed engine can read anywhere: whole inputs, or
byte ranges of a large WARC or (uncompressed) JSON Lines file.

A range starts on a record boundary: a WARC record's offset (for a gzipped WARC, the
start of its gzip member) or the first byte of a line. :func:`split_input` finds those
boundaries by reading the file once (on a worker, next to the data), and
:func:`read_pieces` reads pieces with the very readers and finishing step of
:mod:`newsprism.ingest.pipeline`, so a piece yields exactly the articles, failures and
warnings that the same records yield in a local run; JSONL failures keep the file's own
line numbers.

Guarantee: the pieces of one input cover each of its records exactly once, in file
order. A gzipped JSONL file cannot be entered mid-stream and stays one piece, as does a
UTF-16 one (see :func:`_jsonl_cuts`).
"""

from __future__ import annotations

import io
import logging
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from newsprism.ingest.decode import (
    GZIP_MAGIC,
    SNIFF_BYTES,
    Format,
    format_from_name,
    utf16_encoding,
)
from newsprism.ingest.pipeline import (
    IngestOptions,
    # The pipeline's own per-input steps, shared so that a range is read and finished
    # exactly as the whole file is (manifests, outlets, warnings, cleaning).
    _Context,
    _finish,
    _guarded,
    _read_input,
    _warn,
)
from newsprism.ingest.records import LINE_STEP_BYTES, read_jsonl, read_warc
from newsprism.ingest.sources import Input, InputKind
from newsprism.ingest.warc_headers import CappedArchiveIterator
from newsprism.model import Article, IngestFailure, IngestWarning, RawDocument

logger = logging.getLogger(__name__)

Item = Article | IngestFailure
# read_inputs' reason for an input that yields nothing (a blank JSONL file, a WARC of
# images only); for a file read in ranges, :class:`InputTally` gives it.
NO_ARTICLE = "no article in it (no text or records)"
Read = RawDocument | IngestFailure | IngestWarning


@dataclass(frozen=True, slots=True)
class Piece:
    """One input, or the byte range ``[start, end)`` of one (``end`` None: to the end
    of the file). ``first_line`` is the file's line number at ``start`` (JSONL);
    ``first`` marks the input's first piece, which counts the input and carries its
    manifest check."""

    input: Input | IngestFailure
    start: int = 0
    end: int | None = None
    first_line: int = 1
    ranged: bool = False
    first: bool = True

    @property
    def source(self) -> str:
        return self.input.source

    def describe(self) -> str:
        """The piece for a failure line: the path, and its bytes when it is a range."""
        if not self.ranged:
            return self.source
        return f"{self.source} (bytes {self.start}-{'' if self.end is None else self.end})"


def rangeable(item: Input | IngestFailure) -> bool:
    """Whether the input is a file whose records can be read by byte range."""
    if not isinstance(item, Input) or item.kind is not InputKind.FILE:
        return False
    return format_from_name(item.source) in (Format.WARC, Format.JSONL)


def split_input(item: Input | IngestFailure, target_bytes: int) -> list[Piece]:
    """The input as pieces of about ``target_bytes`` each (cut on record boundaries);
    one whole piece when it is small, not a WARC or JSONL file, or unreadable (the
    reading then reports the problem as a local run would)."""
    if not rangeable(item):
        return [Piece(item)]
    assert isinstance(item, Input)
    try:
        if Path(item.source).stat().st_size <= target_bytes:
            return [Piece(item)]
        cuts: list[tuple[int, int]] | None
        if format_from_name(item.source) is Format.WARC:
            cuts = _warc_cuts(item.source, target_bytes)
        else:
            cuts = _jsonl_cuts(item.source, target_bytes)
    except OSError:
        return [Piece(item)]
    if cuts is None:
        return [Piece(item)]
    return _pieces(item, cuts)


def _pieces(item: Input, cuts: list[tuple[int, int]]) -> list[Piece]:
    """Pieces from (offset, line) cut points; the first cut is always (0, 1)."""
    ends: list[int | None] = [offset for offset, _ in cuts[1:]]
    ends.append(None)
    return [
        Piece(item, offset, end, line, ranged=True, first=index == 0)
        for index, ((offset, line), end) in enumerate(zip(cuts, ends, strict=True))
    ]


def _jsonl_cuts(path: str, target_bytes: int) -> list[tuple[int, int]] | None:
    """Line starts about ``target_bytes`` apart, with their line numbers; None for a
    gzipped file (no way in but from the start) and a UTF-16 one: its line breaks are
    two bytes (a cut after b"\\n" split one), a range past the first has no byte-order
    mark to read it by, and one without a mark may start on either byte of a pair, so
    it is read whole, as the local reader reads it."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        if head.startswith(GZIP_MAGIC) or utf16_encoding(head) is not None:
            return None
        handle.seek(0)
        cuts = [(0, 1)]
        position, line = 0, 1
        # In steps of at most LINE_STEP_BYTES: a line of gigabytes (a crawl saved on one
        # line) was read into memory whole just to be stepped over.
        while raw := handle.readline(LINE_STEP_BYTES):
            position += len(raw)
            if not raw.endswith(b"\n"):
                continue  # the line goes on (or the file ends without a break)
            line += 1
            if position - cuts[-1][0] >= target_bytes:
                cuts.append((position, line))
    if cuts[-1][0] >= position and len(cuts) > 1:
        cuts.pop()  # a cut at the very end would be an empty piece
    return cuts


def _warc_cuts(path: str, target_bytes: int) -> list[tuple[int, int]]:
    """Record offsets about ``target_bytes`` apart. A damaged archive is cut only
    before the damage: the last piece then runs into it and reports it as a local
    read does."""
    cuts = [(0, 1)]
    with open(path, "rb") as handle:
        records = CappedArchiveIterator(handle)
        try:
            for _record in records:
                offset = records.get_record_offset()
                if offset - cuts[-1][0] >= target_bytes:
                    cuts.append((offset, 1))
        except Exception:
            logger.info("%s: damaged after byte %d; the rest is one piece", path, cuts[-1][0])
    return cuts


def read_pieces(
    pieces: Iterable[Piece],
    options: IngestOptions | None = None,
    on_warning: Callable[[IngestWarning], None] | None = None,
    on_piece: Callable[[Piece, bool], None] | None = None,
    on_guessed_outlet: Callable[[str], None] | None = None,
) -> Iterator[Item]:
    """Articles (or failures) from every piece, in order, as
    :func:`newsprism.ingest.pipeline.read_inputs` reads the same records.

    ``on_piece`` gets each piece after it is read and whether it yielded anything: a
    whole input that yields nothing is a failure here, as in read_inputs; for a range
    only the input's last piece can tell (see :class:`InputTally`). Standard input is
    read from this process's own standard input. ``on_guessed_outlet`` gets the id of
    each article whose outlet is only its file's name, as in read_inputs: the writer
    puts it in its batch's ``guessed_outlets`` so that a re-read keeps the stored outlet
    (without it a dask re-read 'corrected' the outlet to the file's name).
    """
    context = _Context(options or IngestOptions(), None, on_warning)
    context.on_guessed_outlet = on_guessed_outlet
    with context.stack:
        for piece in pieces:
            read = (
                _read_range(piece, context) if piece.ranged else _read_input(piece.input, context)
            )
            items = _guarded(read, piece.input, context)
            produced = False
            for item in items:
                if isinstance(item, IngestWarning):
                    _warn(item, context)
                else:
                    produced = True
                    yield _finish(item, piece.input, context)
            if not produced and not piece.ranged:
                yield _finish(IngestFailure(piece.source, NO_ARTICLE), piece.input, context)
            if on_piece is not None:
                on_piece(piece, produced)


class InputTally:
    """Whether a file read in ranges yielded anything, over its pieces in file order
    (read anywhere); after its last piece, the failure read_inputs gives a file that
    yields nothing."""

    def __init__(self) -> None:
        self.produced: dict[str, bool] = {}

    def done(self, piece: Piece, produced: bool) -> IngestFailure | None:
        if not piece.ranged:
            return None
        produced = self.produced.pop(piece.source, False) or produced
        if piece.end is not None:
            self.produced[piece.source] = produced
            return None
        return None if produced else IngestFailure(piece.source, NO_ARTICLE)


def _read_range(piece: Piece, context: _Context) -> Iterator[Read]:
    path = piece.source
    context.record_files.add(path)  # ranges are of JSON Lines and WARC files only
    said, refused = context.manifests.notices(path)
    if piece.first:  # said once, by the file's first piece
        yield from said
    if refused:  # every piece: its manifest's rows disagree
        return
    limit = context.options.max_bytes
    try:
        with open(path, "rb") as raw:
            raw.seek(piece.start)
            size = None if piece.end is None else piece.end - piece.start
            window = io.BufferedReader(_Window(raw, size))
            if format_from_name(path) is Format.WARC:
                yield from read_warc(window, path, limit, context.options.max_header_bytes)
            else:
                yield from _renumbered(read_jsonl(window, path, limit), path, piece.first_line)
    except (EOFError, zlib.error) as exc:
        yield IngestFailure(path, f"truncated or corrupt gzip stream ({exc})")
    except OSError as exc:
        yield IngestFailure(path, f"cannot read ({exc.strerror or exc})")


def _renumbered(items: Iterable[Read], source: str, first_line: int) -> Iterator[Read]:
    """The reader's items with "FILE:N" (N counted from the range's start) shifted to
    the file's own line numbers."""
    shift = first_line - 1
    prefix = f"{source}:"
    for item in items:
        yield _moved(item, prefix, shift) if shift else item


def _moved(item: Read, prefix: str, shift: int) -> Read:
    if isinstance(item, RawDocument):
        return item
    where, number = item.source[: len(prefix)], item.source[len(prefix) :]
    if where != prefix or not number.isdigit():
        return item
    line = f"{prefix}{int(number) + shift}"
    if isinstance(item, IngestFailure):
        return IngestFailure(line, item.reason)
    return IngestWarning(line, item.message)


class _Window(io.RawIOBase):
    """At most ``size`` bytes of ``raw`` from where it stands (all of it when None)."""

    def __init__(self, raw: IO[bytes], size: int | None) -> None:
        super().__init__()
        self.raw = raw
        self.remaining = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        want = len(buffer) if self.remaining is None else min(len(buffer), self.remaining)
        if want <= 0:
            return 0
        data = self.raw.read(want)
        buffer[: len(data)] = data
        if self.remaining is not None:
            self.remaining -= len(data)
        return len(data)
