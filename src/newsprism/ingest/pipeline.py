"""The ingest pipeline: inputs -> raw documents (readers) -> clean articles.

``read_inputs`` is a generator, so a crawl streams through in constant memory, and each
stage below it is a plain function (``build_article`` is ``RawDocument -> Article``), so
the same code runs in a worker pool or on a distributed engine.

Error policy per run (``IngestOptions.errors``): ``"record"`` (batch runs) turns each
bad input into an :class:`~newsprism.model.IngestFailure` and goes on; ``"raise"``
(tests, libraries) raises the :class:`~newsprism.errors.InputError` instead.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import cached_property
from typing import IO, Literal
from urllib.parse import urlsplit

import httpx

from newsprism.errors import InputError, NoArticleFound
from newsprism.ingest.clean import CleanedText, CleanOptions, clean_scraped_text
from newsprism.ingest.decode import (
    Format,
    check_size,
    decode_text,
    format_from_content,
    format_from_name,
    gunzip,
    open_maybe_gzip,
)
from newsprism.ingest.feed import LinkReader, read_feed
from newsprism.ingest.fetch import fetch, make_client
from newsprism.ingest.html import read_html
from newsprism.ingest.language import LanguageDetector
from newsprism.ingest.records import charset_of, read_json_array, read_jsonl, read_warc
from newsprism.ingest.sources import Input, InputKind, expand_inputs
from newsprism.model import Article, IngestFailure, RawDocument, article_id

logger = logging.getLogger(__name__)

# "© 2026 X.", "(c) X", "Copyright 2025-2026 X Ltd | ...": the holder runs to the first
# sentence end, bar or comma; a year or year range before it is skipped.
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?P<holder>[^.|,;©]{2,60})",
    re.IGNORECASE,
)

Item = RawDocument | IngestFailure
# 20 MB: the largest single news page seen in the wild is a few MB of HTML; anything
# bigger is a crawl or a mistake. WARC and JSONL files may be larger: the limit then
# applies to each record.
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class IngestOptions:
    """How one ingest run reads its inputs."""

    max_bytes: int = DEFAULT_MAX_BYTES
    fetch_links: bool = False
    timeout: float = 15.0
    errors: Literal["record", "raise"] = "record"


@dataclass
class _Context:
    """Per-run resources, made lazily: the language model and the HTTP client."""

    options: IngestOptions
    stdin: IO[bytes] | None
    stack: ExitStack = field(default_factory=ExitStack)

    @cached_property
    def languages(self) -> LanguageDetector:
        return LanguageDetector()

    @cached_property
    def client(self) -> httpx.Client:
        return self.stack.enter_context(make_client(self.options.timeout))


def read_inputs(
    values: Iterable[str | Input | IngestFailure],
    options: IngestOptions | None = None,
    stdin: IO[bytes] | None = None,
    on_input_done: Callable[[Input | IngestFailure], None] | None = None,
) -> Iterator[Article | IngestFailure]:
    """Articles (or failures) from every input, in input order, streaming.

    ``on_input_done`` is called after each input is read (for progress bars).
    Guarantee: every input yields at least one article or one failure, never an
    exception, unless ``options.errors == "raise"``.
    """
    context = _Context(options or IngestOptions(), stdin)
    with context.stack:
        for found in _inputs(values):
            for item in _read_input(found, context):
                yield _finish(item, found, context)
            if on_input_done is not None:
                on_input_done(found)


def _inputs(values: Iterable[str | Input | IngestFailure]) -> Iterator[Input | IngestFailure]:
    for value in values:
        if isinstance(value, Input | IngestFailure):
            yield value
        else:
            yield from expand_inputs([value])


def _finish(
    item: Input | Item, found: Input | IngestFailure, context: _Context
) -> Article | IngestFailure:
    if isinstance(item, RawDocument):
        try:
            folder = found.folder if isinstance(found, Input) else None
            return build_article(item, context.languages, folder)
        except InputError as exc:
            item = IngestFailure(exc.source, exc.reason)
    assert isinstance(item, IngestFailure)
    if context.options.errors == "raise":
        raise InputError(item.source, item.reason)
    logger.info("skipped %s", item)
    return item


def _read_input(found: Input | IngestFailure, context: _Context) -> Iterator[Item]:
    if isinstance(found, IngestFailure):
        yield found
        return
    try:
        if found.kind is InputKind.URL:
            yield from _read_url(found.source, context)
        elif found.kind is InputKind.STDIN:
            yield from _read_bytes(_read_stdin(context), found.source, None, context)
        else:
            yield from _read_file(found.source, context)
    except InputError as exc:
        yield IngestFailure(exc.source, exc.reason)
    except OSError as exc:
        yield IngestFailure(found.source, f"cannot read ({exc.strerror or exc})")


def _read_stdin(context: _Context) -> bytes:
    stream = context.stdin or sys.stdin.buffer
    data = stream.read(context.options.max_bytes + 1)
    check_size("<stdin>", len(data), context.options.max_bytes)
    return data


def _read_file(path: str, context: _Context) -> Iterator[Item]:
    declared = format_from_name(path)
    if declared in (Format.WARC, Format.JSONL):
        yield from _read_stream(path, declared, context)
        return
    with open(path, "rb") as handle:
        check_size(path, _size(handle), context.options.max_bytes)
        data = handle.read()
    yield from _read_bytes(data, path, declared, context)


def _size(handle: IO[bytes]) -> int:
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(0)
    return size


def _read_stream(path: str, declared: Format, context: _Context) -> Iterator[Item]:
    """WARC and JSONL files, read a record at a time (any size, constant memory)."""
    limit = context.options.max_bytes
    try:
        if declared is Format.WARC:
            with open(path, "rb") as raw:
                yield from read_warc(raw, path, limit)
        else:
            with open_maybe_gzip(path) as stream:
                yield from read_jsonl(stream, path, limit)
    except (EOFError, zlib.error) as exc:
        yield IngestFailure(path, f"truncated or corrupt gzip stream ({exc})")


def _read_bytes(
    data: bytes, source: str, declared: Format | None, context: _Context
) -> Iterator[Item]:
    """Any single-document or small multi-document input held in memory."""
    data = gunzip(data, source, context.options.max_bytes)
    kind = declared or format_from_content(data[:4096])
    if kind is Format.FEED:
        reader = _link_reader(context) if context.options.fetch_links else None
        yield from read_feed(data, source, reader)
    elif kind is Format.JSON:
        yield from read_json_array(data, source)
    elif kind in (Format.JSONL, Format.WARC):
        yield from (read_jsonl if kind is Format.JSONL else read_warc)(
            io.BytesIO(data), source, context.options.max_bytes
        )
    elif kind is Format.HTML:
        yield read_html(decode_text(data, source), source)
    else:
        yield RawDocument(source=source, body=decode_text(data, source))


def _read_url(url: str, context: _Context) -> Iterator[Item]:
    fetched = fetch(context.client, url, context.options.max_bytes)
    content_type = fetched.content_type.lower()
    if "html" in content_type:
        yield _html_from_url(fetched.content, url, fetched.url, content_type)
    elif any(t in content_type for t in ("rss", "atom", "xml")):
        yield from _read_bytes(fetched.content, url, Format.FEED, context)
    else:
        yield from _read_bytes(fetched.content, url, None, context)


def _html_from_url(content: bytes, source: str, final_url: str, content_type: str) -> RawDocument:
    document = read_html(decode_text(content, source, charset_of(content_type)), source, final_url)
    return document if document.url else _with_url(document, final_url)


def _with_url(document: RawDocument, url: str) -> RawDocument:
    return dataclasses.replace(document, url=url)


def _link_reader(context: _Context) -> LinkReader:
    def read_link(url: str) -> RawDocument:
        fetched = fetch(context.client, url, context.options.max_bytes)
        return _html_from_url(fetched.content, url, fetched.url, fetched.content_type)

    return read_link


def build_article(
    raw: RawDocument, languages: LanguageDetector, folder: str | None = None
) -> Article:
    """A clean :class:`Article` from a reader's raw document.

    Outlet precedence: the reader's own (site name, feed title, JSON field), the URL's
    domain, the copyright holder named in a removed copyright line, the file's folder,
    and last the agency a credit line names. Raises :class:`NoArticleFound` when nothing
    is left after cleaning.
    """
    cleaned = clean_scraped_text(
        raw.body,
        CleanOptions(known_title=raw.title, known_byline=raw.byline, known_published=raw.published),
    )
    if not cleaned.text.strip():
        raise NoArticleFound(raw.source, "no article text left after cleaning")
    outlet = (
        raw.outlet or _domain(raw.url) or _copyright_holder(cleaned) or folder or cleaned.credit
    )
    return Article(
        id=article_id(outlet, cleaned.text),
        source=raw.source,
        text=cleaned.text,
        url=raw.url,
        outlet=outlet,
        title=raw.title or cleaned.title,
        byline=raw.byline or cleaned.byline,
        published=raw.published or cleaned.published,
        language=raw.language or languages.detect(cleaned.text),
        credit=cleaned.credit,
        headings=cleaned.headings,
        removed=raw.removed + cleaned.removed,
    )


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _copyright_holder(cleaned: CleanedText) -> str | None:
    """The publisher a removed copyright line names ("© 2026 Newsfeedr Media. All ...")."""
    for removed in cleaned.removed:
        if removed.reason == "copyright":
            found = _COPYRIGHT_HOLDER.search(removed.line)
            if found:
                return found.group("holder").strip()
    return None
