"""Readers for record streams: JSON Lines, JSON arrays, and WARC crawls.

Both stream: a JSONL file is read a line at a time and a WARC a record at a time, so a
crawl of any size runs in the memory of its largest record. A bad record becomes an
:class:`~newsprism.model.IngestFailure` naming the file and the line or URL; the records
around it are still read.
"""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import re
import zlib
from collections.abc import Iterator
from typing import IO, Any

from warcio.exceptions import ArchiveLoadFailed

from newsprism.errors import InputError, MalformedInput
from newsprism.ingest.decode import (
    SNIFF_BYTES,
    check_size,
    decode,
    meta_charset,
    utf16_encoding,
)
from newsprism.ingest.html import parse_timestamp, read_html
from newsprism.ingest.unicode import one_line
from newsprism.ingest.warc_headers import (
    MAX_HEADER_BYTES,
    CappedArchiveIterator,
    HeaderTooLong,
    http_headers,
)
from newsprism.model import IngestFailure, IngestWarning, RawDocument

logger = logging.getLogger(__name__)

Item = RawDocument | IngestFailure | IngestWarning


def read_jsonl(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[Item]:
    """One raw document per JSON line; blank lines are skipped.

    Guarantee: every non-blank line yields exactly one document or one failure.
    """
    lines = _LineDecoder()
    for number, (line, size) in enumerate(_utf8_lines(stream, max_bytes), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            check_size(where, size, max_bytes)
            text, warning = lines.text(line, where)
            if warning:
                yield IngestWarning(where, warning)
            yield from json_items(_parse_json_line(text, where), source, where)
        except InputError as exc:
            yield IngestFailure(exc.source, exc.reason)


class _LineDecoder:
    """The text of each JSON line: UTF-8, else what :func:`decode` makes of the line (a
    Windows editor's cp1252 curly apostrophe, byte 0x92, failed the whole line as "not
    valid UTF-8" where the same bytes in a text file read as cp1252).

    The encoding found for the first line that is not UTF-8 is tried first for the
    file's later such lines: one short line is a poor sample for a guess, and a file
    has one encoding. A repair is said once per file (its first repaired line), not on
    every line of a file written in one code page.
    """

    def __init__(self) -> None:
        self.encoding: str | None = None
        self.warned = False

    def text(self, line: bytes, where: str) -> tuple[str, str | None]:
        """The line's text and the warning to give with it, if any."""
        try:
            return line.decode("utf-8-sig"), None  # -sig: a BOM before the first line
        except UnicodeDecodeError:
            pass
        if self.encoding is not None:
            try:
                return line.decode(self.encoding), None
            except (UnicodeDecodeError, LookupError):
                pass
        decoded = decode(line, where)
        if decoded.encoding != "utf-8":
            self.encoding = decoded.encoding
        if decoded.warning is None or self.warned:
            return decoded.text, None
        self.warned = True
        return decoded.text, f"{decoded.warning} (said for the first such line only)"


def _utf8_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """The stream's lines as UTF-8 bytes, each with its size: a UTF-16 file (what Windows
    PowerShell 5 writes by default) read a line at a time as UTF-16, where split at its
    b"\\n" bytes every line was "not valid UTF-8" and the NUL after each break one more
    failed line. A stream that cannot seek back is read as it is."""
    if not stream.seekable():
        yield from _bounded_lines(stream, max_bytes)
        return
    start = stream.tell()
    head = stream.read(SNIFF_BYTES)
    stream.seek(start)
    encoding = utf16_encoding(head)
    if encoding is None:
        yield from _bounded_lines(stream, max_bytes)
        return
    text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="\n")
    try:
        for line in text:
            encoded = line.encode("utf-8")
            yield encoded, len(encoded)
    finally:
        text.detach()  # the caller closes the stream


# How much of an over-long line is read at a time while it is passed over (here, and by
# the dask split's scan for line starts, ingest/shards.py).
LINE_STEP_BYTES = 1 << 20


def _bounded_lines(stream: IO[bytes], max_bytes: int) -> Iterator[tuple[bytes, int]]:
    """Each line and its size, no line held beyond ``max_bytes`` + 1 bytes: a line over
    the limit (a whole crawl saved on one line) was read into memory whole before it was
    refused, so a "streamed" file of any size needed memory of its largest line. Of such
    a line only its head is yielded (with its true size, for the failure)."""
    while line := stream.readline(max_bytes + 1):
        size = len(line)
        if size > max_bytes and not line.endswith(b"\n"):
            while rest := stream.readline(LINE_STEP_BYTES):
                size += len(rest)
                if rest.endswith(b"\n"):
                    break
        yield line, size


def read_json_array(data: bytes, source: str) -> Iterator[Item]:
    """Documents from a JSON file holding one article object or a list of them, its
    bytes decoded as any text input's (a cp1252 file was "invalid JSON")."""
    warning = None
    try:
        try:
            parsed = load_json(data, strict=False)  # as _parse_json_line
        except UnicodeDecodeError:  # json reads UTF-8, -16 and -32 only
            decoded = decode(data, source)
            parsed, warning = load_json(decoded.text, strict=False), decoded.warning
    except InputError as exc:
        yield IngestFailure(exc.source, exc.reason)
        return
    except ValueError as exc:
        yield IngestFailure(source, f"invalid JSON ({exc})")
        return
    if warning:
        yield IngestWarning(source, warning)
    for index, value in enumerate(parsed if isinstance(parsed, list) else [parsed]):
        where = f"{source}[{index}]"
        try:
            yield from json_items(value, source, where)
        except InputError as exc:
            yield IngestFailure(exc.source, exc.reason)


def load_json(data: bytes | str, strict: bool = True) -> Any:
    """``json.loads``, raising only :class:`ValueError` on any input; ``strict=False``
    takes control characters (a raw tab) inside strings, as ``json.loads`` does.

    The standard parser recurses once per nesting level, so ``[[[...]]]`` 100,000 deep
    raises RecursionError, and an integer of over 4,300 digits a bare ValueError; both
    are malformed input here, not a crash.
    """
    try:
        return json.loads(data, strict=strict)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except (json.JSONDecodeError, UnicodeDecodeError):  # already say what is wrong
        raise
    except ValueError:  # int() refuses a string of over sys.get_int_max_str_digits()
        raise ValueError("a number too long to read") from None


def json_error_at(exc: json.JSONDecodeError, unit: str) -> str:
    """The error and where, "Unterminated string starting at column 10": some of json's
    messages end in "at" themselves, which read "starting at at column 10"."""
    place = exc.colno if unit == "column" else exc.lineno
    return f"{exc.msg.removesuffix(' at')} at {unit} {place}"


def _parse_json_line(line: str, where: str) -> Any:
    # Not strict: a raw tab or other control character inside a string (an exporter that
    # does not escape them) refused the whole article; the text cleaner handles them.
    try:
        return load_json(line, strict=False)
    except json.JSONDecodeError as exc:
        raise MalformedInput(where, f"invalid JSON ({json_error_at(exc, 'column')})") from None
    except ValueError as exc:
        raise MalformedInput(where, f"invalid JSON ({exc})") from None


_OPTIONAL_FIELDS = ("url", "title", "byline", "author", "outlet", "language")


def json_items(value: Any, source: str, where: str) -> Iterator[Item]:
    """The document of one JSON object (:func:`document_from_json`), after a warning for
    each metadata field it holds but that cannot be read: a ``published`` that is no ISO
    8601 time, a field that is not text. Such a field was left out without a word, and
    an article silently undated falls out of its story's time window and timeline."""
    document = document_from_json(value, source, where)
    for key in _OPTIONAL_FIELDS:
        found = value.get(key)
        if found is not None and not isinstance(found, str):
            yield IngestWarning(where, f"{key} is not text ({_shown(found)}); left out")
    language = value.get("language")
    if isinstance(language, str) and language.strip() and document.language is None:
        yield IngestWarning(
            where,
            f"language {_shown(language)} is no ISO 639-1 code (such as en or en-US); "
            "detected from the text instead",
        )
    published = value.get("published")
    if published not in (None, "") and document.published is None:
        yield IngestWarning(
            where, f"published {_shown(published)} is not a valid ISO 8601 time; left out"
        )
    yield document


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words: "got NoneType" named Python's type for a
    ``null`` and "got int" for a number."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    kinds = {list: "an array", str: "a string", int: "a number", float: "a number"}
    return kinds.get(type(value), type(value).__name__)


def document_from_json(value: Any, source: str, where: str) -> RawDocument:
    """A raw document from one JSON object with ``text`` and optional metadata."""
    if not isinstance(value, dict):
        raise MalformedInput(where, f"expected a JSON object, got {_json_kind(value)}")
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedInput(where, 'no "text" field with article text')
    return RawDocument(
        source=source,
        body=_valid_text(text),
        url=_optional_str(value, "url"),
        title=_optional_str(value, "title"),
        byline=_optional_str(value, "byline") or _optional_str(value, "author"),
        published=parse_timestamp(_optional_str(value, "published")),
        outlet=_optional_str(value, "outlet"),
        language=language_code(_optional_str(value, "language")),
    )


# A language tag's primary subtag: "en" of "en-US", "en_GB", "EN". The detector and the
# analysis name languages by their ISO 639-1 codes, and an English article whose export
# said "en-US" or "EN" was taken for another language and got an empty analysis.
_LANGUAGE_TAG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{1,8})*")


def language_code(value: str | None) -> str | None:
    """The ISO 639-1 code of a language tag ("en-US" -> "en"); None for anything else
    ("English", "eng", "xx-not-a-tag..."), whose language is then detected."""
    found = _LANGUAGE_TAG.fullmatch(value.strip()) if value else None
    return found.group(1).lower() if found else None


def _optional_str(value: dict[str, Any], key: str) -> str | None:
    found = value.get(key)
    if not isinstance(found, str):
        return None
    return one_line(_valid_text(found)) or None


# JSON's "\ud800" escapes decode to lone surrogates, which no UTF-8 store or page can
# hold (bytes read from files never have them: decoding replaces what does not fit).
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _valid_text(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (a pair is one code point by
    the time ``json`` returns it, so only broken halves are left to find)."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _misaligned(errors: int, records: int) -> str:
    """The warning for records warcio found not followed by a blank line."""
    some = "a record was" if errors == 1 else f"{errors} records were"
    return (
        f"{some} not followed by a blank line (a wrong Content-Length?); "
        f"{records} record{'' if records == 1 else 's'} read"
    )


def read_warc(
    stream: IO[bytes], source: str, max_bytes: int, max_header_bytes: int = MAX_HEADER_BYTES
) -> Iterator[Item]:
    """One raw document per HTML response record of a WARC (or ARC) file, gzipped or not.

    Non-HTML records and non-200 responses are passed over. A damaged archive yields a
    failure after the records read before the damage. A response whose HTTP header
    block runs past ``max_header_bytes`` is skipped with a failure naming it (the rest
    of the archive is read); an archive record header line past it ends the archive.
    """
    not_archive = _not_an_archive(stream)
    if not_archive is not None:
        yield IngestFailure(source, not_archive)
        return
    records = CappedArchiveIterator(stream, max_header_bytes)
    last, count, cut_reported = None, 0, False
    try:
        for record in records:
            last, count = record, count + 1
            for item in _document_from_record(record, source, max_bytes, max_header_bytes, count):
                cut_reported = isinstance(item, IngestFailure) and item.reason == _CUT
                yield item
    except ArchiveLoadFailed as exc:
        yield IngestFailure(source, f"malformed WARC ({_one_line(exc)})")
        return
    except HeaderTooLong as exc:  # the archive's own headers: no next record to find
        yield IngestFailure(source, f"malformed WARC (record {count + 1}: {exc}; not read on)")
        return
    except Exception as exc:
        # warcio trips over malformed headers with its own AttributeError or TypeError
        # ("'NoneType' object has no attribute 'startswith'"): that says nothing to a
        # user, so the record is named instead (the exception goes to the log).
        logger.info("%s: reading record %d raised", source, count + 1, exc_info=True)
        reason = (
            f"record {count + 1} cannot be parsed"
            if isinstance(exc, AttributeError | TypeError | IndexError | KeyError)
            else f"{type(exc).__name__}: {_one_line(exc)}"
        )
        yield IngestFailure(source, f"malformed or truncated WARC ({count} records read; {reason})")
        return
    if records.err_count:
        yield IngestWarning(source, _misaligned(records.err_count, count))
    # warcio ends quietly where the archive does: inside the last record (its unread
    # Content-Length tells; for an HTML page that was said above), inside its headers
    # (see _cut), or inside the headers of one it then never yields (the bytes after the
    # last record tell).
    if last is not None and _cut(last) and not cut_reported:
        uri = last.rec_headers.get_header("WARC-Target-URI") or ""
        yield IngestFailure(f"{source}#{uri}" if uri else source, _CUT)
    elif _size(stream) > records.offset:
        left = _size(stream) - records.offset
        yield IngestFailure(
            source, f"truncated WARC: {left:,} bytes after record {count} are no whole record"
        )


_CUT = "truncated WARC record (the archive ends mid-record)"
# What a WARC, an ARC file, and each of their gzip members begin with.
_ARCHIVE_HEADS = (b"WARC/", b"filedesc://")
_GZIP_MAGIC = b"\x1f\x8b"
_HEAD_BYTES = 4096


def _not_an_archive(stream: IO[bytes]) -> str | None:
    """Why ``stream`` is no WARC or ARC archive, judged by its first bytes (unzipped),
    else None. warcio read a text file named .warc as records of nothing, wrote its
    "WARNING: Record not followed by newline" lines to stderr for each line, and the
    file failed "no article in it". None when the head cannot be seen (no peek, a gzip
    stream that does not unzip: warcio's own error says it)."""
    peek = getattr(stream, "peek", None)
    head = peek(_HEAD_BYTES)[:_HEAD_BYTES] if peek is not None else b""
    if head.startswith(_GZIP_MAGIC):
        try:
            head = zlib.decompressobj(wbits=31).decompress(head, _HEAD_BYTES)
        except zlib.error:
            return None
    head = head.lstrip()
    if not head or head.startswith(_ARCHIVE_HEADS):
        return None
    start = one_line(head[:40].decode("utf-8", "replace"))
    return f"not a WARC or ARC archive (it begins {start!r}, not a WARC/ record header)"


def _cut(record: Any) -> bool:
    """True for a record the archive ends in: its headers lack what every record has (a
    type, a Content-Length: cut inside them), or its content is shorter than declared
    (an archive cut in the blank lines after a whole record has lost nothing)."""
    if not record.rec_type or not record.rec_headers.get_header("Content-Length"):
        return True
    return getattr(record.raw_stream, "limit", 0) > 0


def _size(stream: IO[bytes]) -> int:
    """The stream's length in bytes (0 when it cannot seek: nothing is then checked)."""
    try:
        return stream.seek(0, io.SEEK_END)
    except (OSError, ValueError):
        return 0


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def _document_from_record(
    record: Any, source: str, max_bytes: int, max_header_bytes: int, number: int
) -> Iterator[Item]:
    """The page of an HTML response record (a decoding warning first); nothing for others.
    ``max_header_bytes`` caps its HTTP header block; ``number`` is the record's place in
    the archive (for its failure line)."""
    if record.rec_type != "response":
        return
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{source}#{uri}"
    try:
        headers = http_headers(record, max_header_bytes)
    except HeaderTooLong as exc:
        yield IngestFailure(where, f"record {number}: {exc}; record skipped")
        return
    if headers is None:
        return
    content_type = headers.get_header("Content-Type") or ""
    status = headers.get_statuscode()
    if "html" not in content_type.lower() or status != "200":
        return
    try:
        payload = record.content_stream().read(max_bytes + 1)
        check_size(where, len(payload), max_bytes)
        if getattr(record.raw_stream, "limit", 0) > 0:
            # warcio ends a cut-off record quietly; its unread Content-Length tells.
            raise MalformedInput(where, _CUT)
        decoded = decode(payload, where, declared=declared_charset(content_type, payload))
        found = read_html(decoded.text, where, url=uri or None)
    except InputError as exc:
        yield IngestFailure(exc.source, exc.reason)
        return
    if decoded.warning:
        yield IngestWarning(where, decoded.warning)
    yield dataclasses.replace(found, source=source)


def declared_charset(content_type: str, content: bytes) -> str | None:
    """The charset a page's Content-Type names, else the one its ``<meta>`` declares:
    servers often send a bare ``text/html``, and a windows-1250 page of a crawl was then
    read as cp1252 (mojibake, stored with no warning)."""
    return charset_of(content_type) or meta_charset(content[:SNIFF_BYTES])


def charset_of(content_type: str) -> str | None:
    """The charset parameter of a Content-Type header, if any."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"'")
    return None
