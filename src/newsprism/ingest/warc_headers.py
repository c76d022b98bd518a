"""Header reading for WARC archives with a size cap.

warcio reads every header line with an unbounded ``readline``: a response record whose
HTTP header block has no line break (300 MB of zeros) was read whole into memory (303
MB) before the record came out with no article, and a multi-GB record could run the
machine out of memory. warcio 1.8 has no header limit of its own, so the archive is
iterated with ``no_record_parse`` and each response's HTTP headers are parsed here
through a reader that stops at ``max_bytes``; an archive's own record header lines are
capped by the reader the iterator reads through (past the cap the archive cannot be
followed, so it ends there with a failure).
"""

from __future__ import annotations

from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.recordloader import ArcWarcRecordLoader

# Browsers refuse a response whose header block is over 256 KiB (Chromium's limit); four
# times that leaves room for any page a browser showed, and bounds the memory one
# record's headers take. Not calibrated on data (no real crawl comes near it).
MAX_HEADER_BYTES = 1 << 20


class HeaderTooLong(Exception):
    """A header block (or one line of it) over the cap: the record cannot be parsed."""


class _CappedLines:
    """A record's stream whose ``readline`` calls, together, return at most ``cap``
    bytes; one more raises :class:`HeaderTooLong` (nothing longer is ever read)."""

    def __init__(self, stream: Any, cap: int) -> None:
        self._stream = stream
        self._left = cap
        self._cap = cap

    def readline(self, length: int | None = None) -> bytes:
        want = self._left + 1 if length is None else min(length, self._left + 1)
        line: bytes = self._stream.readline(want)
        self._left -= len(line)
        if self._left < 0:
            raise HeaderTooLong(f"HTTP header block over {self._cap:,} bytes")
        return line

    def tell(self) -> int:
        return int(self._stream.tell())


class _CappedReader(DecompressingBufferedReader):  # type: ignore[misc]
    """The archive reader, its unbounded lines capped: warcio reads record headers and
    the blank lines between records through it with no length. A record's own stream
    (its LimitReader) asks with a length and is passed through: raising there would
    leave the record's count of unread bytes behind what was read, and the next record
    would be lost (its HTTP headers are capped by :class:`_CappedLines`)."""

    def __init__(self, stream: IO[bytes], cap: int, **kwargs: Any) -> None:
        super().__init__(stream, **kwargs)
        self.line_cap = cap

    def readline(self, length: int | None = None) -> bytes:
        if length is not None:
            return bytes(super().readline(length))
        line: bytes = super().readline(self.line_cap + 1)
        if len(line) > self.line_cap and not line.endswith(b"\n"):
            raise HeaderTooLong(f"a header line over {self.line_cap:,} bytes")
        return line


class CappedArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, records unparsed (see :func:`http_headers`), every line it
    reads capped at ``max_header_bytes``. A record not followed by a blank line (its
    Content-Length wrong) is counted in ``err_count`` and told by the caller in one line:
    warcio wrote three lines of its own to stderr for each ("WARNING: Record not followed
    by newline", "Offset: ...", "Remainder: b'...'") amid the run's output."""

    INC_RECORD = ""  # the text warcio writes to stderr for each such record: none
    reader: Any

    def __init__(self, stream: IO[bytes], max_header_bytes: int = MAX_HEADER_BYTES) -> None:
        super().__init__(stream, arc2warc=True, no_record_parse=True)
        # The iterator is a generator not yet started: its reader can still be swapped.
        self.reader = _CappedReader(self.fh, max_header_bytes, block_size=self.reader.block_size)


_LOADER = ArcWarcRecordLoader(verify_http=False, arc2warc=True)


def http_headers(record: Any, max_bytes: int) -> Any:
    """The record's HTTP status and headers (None where it has none), parsed as warcio
    would, and set on the record so that its ``content_stream`` decodes the payload.
    Raises :class:`HeaderTooLong` past ``max_bytes``: the rest of the record is then
    left unread (the iterator skips it a block at a time)."""
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    capped = _CappedLines(record.raw_stream, max_bytes)
    try:
        parsed = _LOADER.load_http_headers(record.rec_type, uri, capped, record.length)
    except EOFError:  # a record of no bytes where headers would be (warcio: none)
        parsed = None
    record.http_headers = parsed
    return parsed
