"""Bytes to text, safely: size limits, gzip, binary detection, encoding detection.

Every function here either returns usable data or raises an
:class:`~newsprism.errors.InputError` subclass whose message names the input and the
problem in one line.
"""

from __future__ import annotations

import enum
import gzip
import logging
import zlib
from pathlib import PurePath
from typing import IO, cast

import charset_normalizer

from newsprism.errors import InputTooLarge, MalformedInput, UnsupportedInput

logger = logging.getLogger(__name__)

GZIP_MAGIC = b"\x1f\x8b"
# How much of a file's head is enough to tell its format and whether it is binary.
SNIFF_BYTES = 4096
# Control characters that never occur in text; a NUL or a high share of the others
# means binary. 0.05 leaves room for a stray form feed or escape in scraped text.
_BINARY_CONTROL = frozenset(range(0, 9)) | frozenset(range(14, 32)) | {11}
_BINARY_SHARE = 0.05


class Format(enum.Enum):
    """The input formats newsprism reads."""

    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    JSON = "json"
    WARC = "warc"
    FEED = "feed"


_EXTENSIONS: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.TEXT,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".warc": Format.WARC,
    ".arc": Format.WARC,
    ".xml": Format.FEED,
    ".rss": Format.FEED,
    ".atom": Format.FEED,
    ".rdf": Format.FEED,
}


def format_from_name(name: str) -> Format | None:
    """The format a file name's extension promises (``.gz`` looks through), or None."""
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _EXTENSIONS.get(suffixes[-1]) if suffixes else None


def format_from_content(head: bytes) -> Format:
    """The format that the first bytes of (decompressed) content look like."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"warc/"):
        return Format.WARC
    if start.startswith((b"<!doctype html", b"<html")):
        return Format.HTML
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed", b"<rdf")):
        return Format.HTML if b"<html" in start[:SNIFF_BYTES] else Format.FEED
    if start.startswith(b"{"):
        return Format.JSONL
    if start.startswith(b"[") and b'"text"' in start:
        return Format.JSON
    return Format.TEXT


def check_size(source: str, size: int, max_bytes: int) -> None:
    """Raise :class:`InputTooLarge` when ``size`` exceeds ``max_bytes``."""
    if size > max_bytes:
        raise InputTooLarge(source, f"{size:,} bytes is over the size limit of {max_bytes:,} bytes")


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip ``data`` (returned unchanged when not gzip), within ``max_bytes``.

    Cost: one pass; memory at most ``max_bytes`` plus one chunk, whatever the ratio.
    """
    if not data.startswith(GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise MalformedInput(source, f"corrupt gzip data ({exc})") from None
    check_size(source, len(out), max_bytes)
    if not inflater.eof:
        raise MalformedInput(source, "truncated gzip stream (the file ends mid-archive)")
    return out


def open_maybe_gzip(path: str) -> IO[bytes]:
    """A binary file object over ``path``, decompressing transparently when gzipped."""
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == GZIP_MAGIC:
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")  # the caller owns and closes it


def looks_binary(data: bytes) -> bool:
    """True when the head of ``data`` holds NUL bytes or many control characters."""
    head = data[:SNIFF_BYTES]
    if b"\x00" in head:
        return not _is_utf16(head)
    controls = sum(1 for b in head if b in _BINARY_CONTROL)
    return bool(head) and controls / len(head) > _BINARY_SHARE


def _is_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """Text of ``data``: the declared charset, else UTF-8, else charset-normalizer's guess.

    Raises :class:`UnsupportedInput` for empty or binary data and
    :class:`MalformedInput` when no encoding decodes it.
    """
    if not data.strip():
        raise UnsupportedInput(source, "empty input (no text in it)")
    if looks_binary(data):
        raise UnsupportedInput(source, "binary content, not text")
    for encoding in (declared, "utf-8-sig"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise MalformedInput(source, "cannot decode: not UTF-8, and no other encoding fits")
    logger.info("%s: decoded as %s", source, best.encoding)
    return str(best)
