"""The ingest pipeline: inputs -> raw documents (readers) -> clean articles.

``read_inputs`` is a generator, so a crawl streams through in constant memory, and each
stage below it is a plain function (``build_article`` is ``RawDocument -> Article``), so
the same code runs in a worker pool or on a distributed engine.

Error policy per run (``IngestOptions.errors``): ``"record"`` (batch runs) turns each
bad input into an :class:`~newsprism.model.IngestFailure` and goes on; ``"raise"``
(tests, libraries) raises the :class:`~newsprism.errors.InputError` instead. An input
read only by repairing something (bytes that are not UTF-8, broken feed XML) is kept and
reported as an :class:`~newsprism.model.IngestWarning` (``on_warning``), not a failure.

Outlet of an article, first found: ``IngestOptions.outlet`` (``--outlet``); the
manifest beside the file (:mod:`newsprism.ingest.manifest`); the reader's own (site
name, feed title, JSON field); the URL's domain; the holder of a copyright line; the
publication a byline names ("By Lena Hart, Ardmoor Gazette"); the origin a syndication,
dateline or agency credit names; and last the file's own name (its stem), so that files
nothing else identifies stay separate sources. A folder's name is never an outlet.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import IO, Literal
from urllib.parse import urlsplit

import httpx

from newsprism.errors import InputError, NoArticleFound, UnsupportedInput, describe
from newsprism.export import COLUMNS as EXPORT_COLUMNS
from newsprism.ingest.clean import CleanedText, CleanOptions, clean_scraped_text
from newsprism.ingest.decode import (
    SNIFF_BYTES,
    Format,
    check_size,
    decode,
    format_from_content,
    format_from_name,
    gunzip,
    meta_charset,
    open_maybe_gzip,
    xml_as_utf8,
)
from newsprism.ingest.feed import LinkReader, read_feed
from newsprism.ingest.fetch import fetch, make_client
from newsprism.ingest.html import read_html
from newsprism.ingest.identity import streaming_article_id
from newsprism.ingest.language import ANALYSED_LANGUAGES, LanguageDetector
from newsprism.ingest.manifest import Manifests, SourceFacts
from newsprism.ingest.records import (
    declared_charset,
    load_json,
    read_json_array,
    read_jsonl,
    read_warc,
)
from newsprism.ingest.sources import STDIN, Input, InputKind, expand_inputs
from newsprism.ingest.title_chrome import without_player_chrome
from newsprism.ingest.unicode import one_line, storable_name
from newsprism.ingest.warc_headers import MAX_HEADER_BYTES
from newsprism.model import Article, IngestFailure, IngestWarning, RawDocument

logger = logging.getLogger(__name__)

# "© 2026 X.", "(c) X", "Copyright 2025-2026 X Ltd | ...": the holder runs to the first
# sentence end, bar or comma; a year or year range before it is skipped.
_COPYRIGHT_HOLDER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?(?P<holder>[^.|,;©]{2,60})",
    re.IGNORECASE,
)

Item = RawDocument | IngestFailure | IngestWarning
WarningHandler = Callable[[IngestWarning], None]
# 20 MB: the largest single news page seen in the wild is a few MB of HTML; anything
# bigger is a crawl or a mistake. WARC and JSONL files may be larger: the limit then
# applies to each record.
DEFAULT_MAX_BYTES = 20_000_000


@dataclass(frozen=True)
class IngestOptions:
    """How one ingest run reads its inputs."""

    max_bytes: int = DEFAULT_MAX_BYTES
    # A WARC response's HTTP header block (and any archive header line), in bytes.
    max_header_bytes: int = MAX_HEADER_BYTES
    fetch_links: bool = False
    timeout: float = 15.0
    errors: Literal["record", "raise"] = "record"
    # The outlet of every article read in this run (``--outlet``), over any other clue.
    outlet: str | None = None
    # The highest folder whose manifest applies (None: every folder up to the root). The
    # web app's upload folder: uploads are saved under the shared temporary folder, and a
    # manifest anyone left there (/tmp/newsprism.csv) gave every upload its outlet.
    manifest_root: str | None = None

    def __post_init__(self) -> None:
        # One line of words, like every other outlet ('--outlet "Coast\tRadio\n"' was
        # stored with its tab and newline; one of spaces only was an outlet of spaces).
        if self.outlet is not None:
            object.__setattr__(self, "outlet", one_line(self.outlet) or None)


@dataclass
class _Context:
    """Per-run resources, made lazily: the language model and the HTTP client."""

    options: IngestOptions
    stdin: IO[bytes] | None
    on_warning: WarningHandler | None = None
    stack: ExitStack = field(default_factory=ExitStack)
    manifests: Manifests = field(init=False)
    stdin_read: bool = False
    # Told the id of each article whose outlet is only its file's name.
    on_guessed_outlet: Callable[[str], None] | None = None
    # Files read as records that carry their own metadata (JSON Lines, JSON, WARC, feed).
    record_files: set[str] = field(default_factory=set)
    # Each outlet named only by a file's name, with the first file so named this run.
    named_by_file: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.manifests = Manifests(top=self.options.manifest_root)

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
    on_warning: WarningHandler | None = None,
    on_guessed_outlet: Callable[[str], None] | None = None,
    named_by_file: dict[str, str] | None = None,
) -> Iterator[Article | IngestFailure]:
    """Articles (or failures) from every input, in input order, streaming.

    ``on_input_done`` is called after each input is read (for progress bars),
    ``on_warning`` with each warning (logged when it is None), and
    ``on_guessed_outlet`` with the id of each article whose outlet is only its file's
    name, the last resort (nothing the user, the metadata, the URL or a credit said).
    Guarantee: every input yields at least one article or one failure, never an
    exception, unless ``options.errors == "raise"``; an item is an article or a
    failure, never both. ``named_by_file`` (each outlet named only by a file's name, with
    the first file so named) is kept across calls that make one run (a web job ingests
    its uploads one call each); a call without it starts its own.
    """
    context = _Context(options or IngestOptions(), stdin, on_warning)
    context.on_guessed_outlet = on_guessed_outlet
    if named_by_file is not None:
        context.named_by_file = named_by_file
    with context.stack:
        for found in _inputs(values):
            produced = False
            for item in _guarded(_read_input(found, context), found, context):
                if isinstance(item, IngestWarning):
                    _warn(item, context)
                else:
                    produced = True
                    yield _finish(item, found, context)
            if not produced:  # a blank JSONL file, a WARC of images only
                empty = IngestFailure(str(found.source), "no article in it (no text or records)")
                yield _finish(empty, found, context)
            if on_input_done is not None:
                on_input_done(found)


def _guarded(
    items: Iterator[Item], found: Input | IngestFailure, context: _Context
) -> Iterator[Item]:
    """``items``, ended by one failure for the input if its reader raises something
    other than our own errors (a library's ValueError or RuntimeError on a hostile
    input ended the whole run with a traceback); its traceback is logged (--verbose)
    for a bug report. In the "raise" policy it propagates."""
    try:
        yield from items
    except Exception as exc:
        if context.options.errors == "raise":
            raise
        logger.info("reading %s raised", found.source, exc_info=True)
        yield IngestFailure(str(found.source), f"could not be read ({describe(exc)})")


def _warn(warning: IngestWarning, context: _Context) -> None:
    if context.on_warning is None:
        logger.warning("%s", warning)
    else:
        context.on_warning(warning)


def _one_name_for_two_files(article: Article, source: str, context: _Context) -> None:
    """Warn when ``article``'s outlet, its file's name (nothing else named one), is also
    the outlet of another file of this run: "fox/2026-03-03.txt" and
    "cnn/2026-03-03.txt" were both the outlet "2026-03-03" without a word, two outlets'
    articles one source to the analysis, and a copy of the same text in the second
    folder a duplicate of the first. Once per name, naming both files; not for one
    file read through two paths (a folder and a link to it)."""
    if article.outlet is None:
        return
    first = context.named_by_file.setdefault(article.outlet, source)
    if first not in (source, "") and not _one_file(first, source):
        context.named_by_file[article.outlet] = ""  # said once
        message = (
            f"no outlet found: named {article.outlet!r} by its file name, as {first} is; "
            "the two are one outlet to the analysis (name their outlets in a "
            "newsprism.csv beside them, or with --outlet)"
        )
        _warn(IngestWarning(source, message), context)


def _one_file(first: str, second: str) -> bool:
    """Whether two local paths name one file (URLs never do here)."""
    if "://" in first or "://" in second:
        return False
    return os.path.realpath(first) == os.path.realpath(second)


def _record_name(source: str, raw: RawDocument, context: _Context) -> str:
    """A failed record of a feed, JSON Lines, JSON or WARC file named ``file#link``
    (:func:`entry_name`); any other input by its own name."""
    return entry_name(source, raw) if source in context.record_files else source


def entry_name(source: str, raw: RawDocument) -> str:
    """The name of a failure ``source`` reports for one entry ``raw`` of a file of many:
    ``file#link``, as the readers name theirs ("feed.xml: no article text" read as the
    whole feed failing, and a feed of 50 entries did not say which); ``source`` itself
    where the failure is not the entry's or the entry has no link of its own."""
    if source == raw.source and raw.url and raw.url != source:
        return f"{source}#{raw.url}"
    return source


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
            stem = found.stem if isinstance(found, Input) else None
            known = _with_known_facts(item, found, context)
            article, guessed = _built(known, context.languages, stem, lambda w: _warn(w, context))
            if guessed:
                _one_name_for_two_files(article, found.source, context)
                if context.on_guessed_outlet is not None:
                    context.on_guessed_outlet(article.id)
            return article
        except InputError as exc:
            item = IngestFailure(_record_name(exc.source, item, context), exc.reason)
        except Exception as exc:  # a bug met on a hostile text: this record fails alone
            if context.options.errors == "raise":
                raise
            logger.info("cleaning %s raised", item.source, exc_info=True)
            item = IngestFailure(item.source, f"could not be cleaned ({describe(exc)})")
    assert isinstance(item, IngestFailure)
    if context.options.errors == "raise":
        raise InputError(item.source, item.reason)
    logger.info("skipped %s", item)
    return item


def _with_known_facts(
    raw: RawDocument, found: Input | IngestFailure, context: _Context
) -> RawDocument:
    """The document with what the user said about it: ``--outlet``, then its manifest.

    A manifest pattern is a default for the records of a record file: a record's own
    outlet, URL and date win over it (a "*" row stamped one outlet and one URL on every
    record of a crawl); the file's own row and ``--outlet`` win over the record.
    """
    facts = None
    if isinstance(found, Input) and found.kind is InputKind.FILE:
        facts, _ = context.manifests.facts_for(found.source)
    if facts is not None and facts.pattern and found.source in context.record_files:
        facts = SourceFacts(
            outlet=raw.outlet or facts.outlet,
            url=raw.url or facts.url,
            published=raw.published or facts.published,
        )
    outlet = context.options.outlet or (facts and facts.outlet)
    if facts is None:
        return dataclasses.replace(raw, outlet=outlet) if outlet else raw
    return dataclasses.replace(
        raw,
        outlet=outlet or raw.outlet,
        url=facts.url or raw.url,
        published=facts.published or raw.published,
    )


def _read_input(found: Input | IngestFailure, context: _Context) -> Iterator[Item]:
    if isinstance(found, IngestFailure):
        yield found
        return
    if found.kind is InputKind.FILE:
        said, refused = context.manifests.notices(found.source)
        yield from said
        if refused:  # its manifest's rows disagree: no guess is stored
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
    if context.stdin_read:  # it was "empty input (no text in it)": read, not empty
        raise UnsupportedInput(STDIN, "standard input was read already (give - once)")
    context.stdin_read = True
    if context.stdin is None and sys.stdin is None:  # started with stdin closed (<&-)
        raise UnsupportedInput(STDIN, "standard input is closed: nothing to read from -")
    stream = context.stdin or sys.stdin.buffer
    data = stream.read(context.options.max_bytes + 1)
    check_size("<stdin>", len(data), context.options.max_bytes)
    return data


def _read_file(path: str, context: _Context) -> Iterator[Item]:
    if not stat.S_ISREG(Path(path).stat().st_mode):
        # A named pipe in a scraped folder blocks the open (and so the run) for ever.
        raise UnsupportedInput(path, "not a regular file (a pipe, socket or device)")
    declared = format_from_name(path)
    if declared in (Format.WARC, Format.JSONL):
        context.record_files.add(path)
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
                yield from read_warc(raw, path, limit, context.options.max_header_bytes)
        else:
            with open_maybe_gzip(path) as stream:
                if _is_export_row(stream.readline(EXPORT_ROW_MAX_BYTES)):
                    yield IngestFailure(path, OWN_OUTPUT)
                    return
                stream.seek(0)
                yield from read_jsonl(stream, path, limit)
    except (EOFError, zlib.error) as exc:
        yield IngestFailure(path, f"truncated or corrupt gzip stream ({exc})")


# Formats whose records carry their own outlet, URL and date (see _with_known_facts).
_RECORD_FORMATS = frozenset({Format.FEED, Format.JSON, Format.JSONL, Format.WARC})


def _read_bytes(
    data: bytes,
    source: str,
    declared: Format | None,
    context: _Context,
    page_url: str | None = None,
) -> Iterator[Item]:
    """Any single-document or small multi-document input held in memory; ``page_url`` is
    where a single document (a text or a page) was fetched from, its URL when it names
    none (a feed's or a JSON Lines file's records have their own)."""
    data = gunzip(data, source, context.options.max_bytes)
    kind = declared or format_from_content(data[:SNIFF_BYTES])
    if _is_own_report(data, kind):
        raise UnsupportedInput(source, OWN_OUTPUT)
    if is_opml(data[:SNIFF_BYTES]):
        raise UnsupportedInput(source, OPML_LIST)
    if kind in _RECORD_FORMATS:
        context.record_files.add(source)
    if kind is Format.FEED:
        reader = _link_reader(context) if context.options.fetch_links else None
        yield from read_feed(data, source, reader)
    elif kind is Format.JSON:
        yield from read_json_array(data, source)
    elif kind in (Format.JSONL, Format.WARC):
        if kind is Format.JSONL:
            yield from read_jsonl(io.BytesIO(data), source, context.options.max_bytes)
        else:
            yield from read_warc(
                io.BytesIO(data),
                source,
                context.options.max_bytes,
                context.options.max_header_bytes,
            )
    elif kind is Format.HTML:
        text = yield from _decoded(data, source, meta_charset(data[:SNIFF_BYTES]))
        page = read_html(text, source, page_url)
        yield page if page.url or not page_url else _with_url(page, page_url)
    else:
        text = yield from _decoded(data, source, None)
        yield RawDocument(source=source, body=text, url=page_url)


# How newsprism's own HTML and Markdown reports begin (render/html.py, render/markdown.py).
_OWN_HTML = re.compile(rb'<meta name="generator" content="newsprism[ "]')
_OWN_MARKDOWN = b"# newsprism report\n"


# How newsprism's JSON report begins (render/jsonout.py), and the rows and CSV headers of
# `newsprism export` (export.py: every table's columns start with story_id and story).
_OWN_JSON = re.compile(rb'\A\s*\{\s*"schema_version"\s*:')
_EXPORT_KEYS = frozenset(frozenset(columns) for columns in EXPORT_COLUMNS.values())
_EXPORT_HEADERS = frozenset(",".join(columns).encode() for columns in EXPORT_COLUMNS.values())
# How much of a JSON Lines file's first line is read to tell an export row: a row quotes
# one passage, far shorter; a longer first line is no export row.
EXPORT_ROW_MAX_BYTES = 1 << 20
OWN_OUTPUT = "a newsprism report (an earlier --out), not an article"
# An OPML list of feeds (a feed reader's export): ``ingest`` stored its XML as one
# article's text (or said "feed has no entries"); ``watch`` reads the feeds it names.
# Its prolog may hold the XML declaration, processing instructions (a style sheet for
# browsers), comments and a DOCTYPE before the <opml> element; only the start is read,
# so "<opml" in a feed's text (an article about moving subscriptions) is no OPML list.
# A DOCTYPE may hold an internal subset ("[<!ENTITY nbsp ...>]", whose ">" ended it) and
# a comment (a licence header) may fill the sniffed head: both lists were read as feeds.
_OPML = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*"
    rb"(?:(?:<\?.{0,500}?\?>|<!--.{0,%d}?-->|<!DOCTYPE\b(?:[^>\[]|\[[^\]]*\])*>)\s*)*<opml\b"
    % SNIFF_BYTES,
    re.I | re.S,
)


def is_opml(head: bytes) -> bool:
    """Whether ``head`` (a file's first SNIFF_BYTES) starts an OPML list, UTF-16 and
    UTF-32 ones (Windows' "Unicode") included: one was read as a feed and failed "feed
    has no entries" (UTF-32: stored as an article of raw XML). The one rule of ``ingest``
    (which refuses such a list) and ``watch`` (which reads the feeds it names): watch
    took any file with "<opml" in its first 2 KB for one, and a feed whose first item
    showed the tag was "OPML list names no feed"; ingest read a list whose style sheet
    or DOCTYPE came first as a feed ("feed has no entries")."""
    return _OPML.match(xml_as_utf8(head)) is not None


OPML_LIST = "an OPML list of feeds, not an article (newsprism watch reads the feeds it names)"


def _is_own_report(data: bytes, kind: Format) -> bool:
    """Whether ``data`` is a report or export newsprism wrote: a brief or table written
    with ``--out`` into the folder it reads was taken for articles on the next run (a
    quotes export gave one article a quote; a JSON report failed on its missing "text")."""
    head = data[:SNIFF_BYTES]
    if kind is Format.HTML:
        return _OWN_HTML.search(head) is not None
    if kind is Format.JSON:
        return _OWN_JSON.match(head) is not None and _is_json_report(data)
    if kind is Format.JSONL:
        end = data.find(b"\n")
        return _is_export_row(data[: end if end >= 0 else EXPORT_ROW_MAX_BYTES])
    head = head.lstrip(b"\xef\xbb\xbf")
    return head.startswith(_OWN_MARKDOWN) or head.split(b"\n", 1)[0].rstrip() in _EXPORT_HEADERS


def _is_json_report(data: bytes) -> bool:
    try:
        parsed = load_json(data)
    except ValueError:
        return False
    return isinstance(parsed, dict) and "schema_version" in parsed and "stories" in parsed


def _is_export_row(line: bytes) -> bool:
    """Whether ``line`` is one row of ``newsprism export --format jsonl``: an object with
    exactly one table's columns."""
    try:
        parsed = load_json(line)
    except ValueError:
        return False
    return isinstance(parsed, dict) and frozenset(parsed) in _EXPORT_KEYS


def _decoded(data: bytes, source: str, declared: str | None) -> Generator[Item, None, str]:
    """The text of ``data``; a warning is yielded first when it had to be repaired."""
    decoded = decode(data, source, declared)
    if decoded.warning:
        yield IngestWarning(source, decoded.warning)
    return decoded.text


def _read_url(url: str, context: _Context) -> Iterator[Item]:
    fetched = fetch(context.client, url, context.options.max_bytes)
    content_type = fetched.content_type.lower()
    if "html" in content_type:
        declared = declared_charset(content_type, fetched.content)
        text = yield from _decoded(fetched.content, url, declared)
        yield _html_document(text, url, fetched.url)
    elif any(t in content_type for t in ("rss", "atom", "xml")):
        yield from _read_bytes(fetched.content, url, Format.FEED, context)
    else:
        # A plain text (or a page served as another type) had no URL, so no outlet: every
        # such article of every site was one unnamed source ("?"), its id outlet-less.
        yield from _read_bytes(fetched.content, url, None, context, fetched.url)


def _html_document(text: str, source: str, final_url: str) -> RawDocument:
    document = read_html(text, source, final_url)
    return document if document.url else _with_url(document, final_url)


def _with_url(document: RawDocument, url: str) -> RawDocument:
    return dataclasses.replace(document, url=url)


def _link_reader(context: _Context) -> LinkReader:
    def read_link(url: str) -> RawDocument:
        fetched = fetch(context.client, url, context.options.max_bytes)
        declared = declared_charset(fetched.content_type, fetched.content)
        decoded = decode(fetched.content, url, declared)
        if decoded.warning:
            _warn(IngestWarning(url, decoded.warning), context)
        return _html_document(decoded.text, url, fetched.url)

    return read_link


def build_article(
    raw: RawDocument,
    languages: LanguageDetector,
    fallback_outlet: str | None = None,
    on_warning: WarningHandler | None = None,
) -> Article:
    """A clean :class:`Article` from a reader's raw document.

    Outlet precedence: the raw document's (what the user or the reader said), the URL's
    domain, the copyright holder named in a removed copyright line, the publication a
    byline names, the origin a credit line names, and last ``fallback_outlet`` (the
    file's stem). A placeholder publication date is left out with a warning to
    ``on_warning`` (logged when None). Raises :class:`NoArticleFound` when nothing is
    left after cleaning.
    """
    article = _built(raw, languages, fallback_outlet, on_warning)[0]
    warning = unanalysed_warning(article)
    if warning is not None:
        _tell(warning, on_warning)
    return article


def _built(
    raw: RawDocument,
    languages: LanguageDetector,
    fallback_outlet: str | None,
    on_warning: WarningHandler | None,
) -> tuple[Article, bool]:
    """:func:`build_article`'s article, and whether its outlet is ``fallback_outlet``."""
    # A clip page's title carries the player's words (Play Video, the clip's length):
    # cleaned first, so that the text's own heading is its title where nothing else is left.
    title = without_player_chrome(raw.title)
    cleaned = clean_scraped_text(
        raw.body,
        CleanOptions(known_title=title, known_byline=raw.byline, known_published=raw.published),
    )
    if not cleaned.text.strip():
        raise NoArticleFound(raw.source, "no article text left after cleaning")
    if not any(char.isalnum() for char in cleaned.text):
        # Bytes no encoding fits, read as U+FFFD, or a line of symbols: "��" was stored
        # as an article (with only a warning about the bytes).
        raise NoArticleFound(raw.source, "no article text: not one letter or digit in it")
    said = (
        raw.outlet
        or _domain(raw.url)
        or _copyright_holder(cleaned)
        or cleaned.affiliation
        or cleaned.credit
    )
    # One line: a file named "nl\nname.txt" gave the outlet "nl\nname", as --outlet would.
    outlet = said or (one_line(storable_name(fallback_outlet)) if fallback_outlet else None) or None
    article = Article(
        id=streaming_article_id(outlet, cleaned.text),
        source=storable_name(raw.source),
        text=cleaned.text,
        url=raw.url,
        outlet=outlet,
        title=title or without_player_chrome(cleaned.title),
        byline=raw.byline or cleaned.byline,
        published=_plausible(raw.published or cleaned.published, raw.source, on_warning),
        language=raw.language or languages.detect(cleaned.text),
        credit=cleaned.credit or _other(cleaned.affiliation, outlet),
        headings=cleaned.headings,
        removed=raw.removed + cleaned.removed,
    )
    return article, not said and outlet is not None


def unanalysed_warning(article: Article) -> IngestWarning | None:
    """A warning for an article the analysis will skip (its language is not one it
    reads), or one so long that analysing it takes minutes; else None. A skipped one got
    an empty analysis without a word, so its quotes and figures were silently missing
    from every brief; a long one (a 2.6 MB text of one line) sat at "analysing 0/1" for
    minutes as if hung. A batch ingest tells it only for an article newly stored
    (:class:`newsprism.ingest.batch.ArticleBatch`): a re-read duplicate told it again."""
    if article.language is not None and article.language not in ANALYSED_LANGUAGES:
        return IngestWarning(
            article.source,
            f"language {article.language}: not analysed (the analysis reads English only);"
            " stored and grouped, without its quotes, numbers and dates",
        )
    return long_article_warning(article)


def warnings_once(
    articles: Iterable[Article],
    among: set[str],
    warning_of: Callable[[Article], IngestWarning | None],
) -> Iterator[IngestWarning]:
    """``warning_of`` each article whose id is in ``among``, one line for one stored
    article (a batch may hold the same article twice)."""
    left = set(among)
    for article in articles:
        warning = warning_of(article) if article.id in left else None
        if warning is not None:
            left.discard(article.id)
            yield warning


def long_article_warning(article: Article) -> IngestWarning | None:
    """The "analysing it takes minutes" warning of an article over
    :data:`LONG_ARTICLE_CHARS`, else None. The analysis stage tells it again for a
    stored article it is about to analyse (``ingest`` then ``analyze``: the duplicate
    was told only when ``ingest`` stored it, minutes before nobody was waiting)."""
    if len(article.text) > LONG_ARTICLE_CHARS:
        return IngestWarning(article.source, _long_article(article.text))
    return None


# An article longer than this takes minutes to analyse: 1,000,000 characters (spaCy's
# own limit for one text) at the rate below is about a minute and a half.
LONG_ARTICLE_CHARS = 1_000_000
# Characters analysed a minute on an idle 2-core machine: a 2.6 MB one-line text of
# ordinary reporting took 3.6 minutes. bench/one_line.py, interleaved on a loaded shared
# machine, a new text each round: one line 5,296-5,809 characters a second, paragraphs
# 5,869-6,373 (the same rate: the time is the parse and the extractors, linear in the
# length, not the missing breaks; its one-off run of each in turn, 2.5x apart, was the
# load drifting). Its text, a quote and three figures in every sentence, runs at about
# half this rate, so the minutes printed are a floor for such text.
ANALYSED_CHARS_PER_MINUTE = 700_000


def _long_article(text: str) -> str:
    minutes = max(2, round(len(text) / ANALYSED_CHARS_PER_MINUTE))
    shape = "" if "\n" in text.strip() else ", one line"
    return (
        f"a very long article ({len(text):,} characters{shape}): analysing it takes"
        f" minutes (at least {minutes} on an idle machine)"
    )


def _tell(warning: IngestWarning, on_warning: WarningHandler | None) -> None:
    if on_warning is None:
        logger.warning("%s", warning)
    else:
        on_warning(warning)


# A publication time outside these years is a placeholder, not a date: "0001-01-01" (an
# empty .NET DateTime), "9999-12-31" (an open end). Date arithmetic on them overflows
# (0001-01-01T00:00+05:00 to UTC ended a whole ingest batch; a story's timeline window).
PLAUSIBLE_YEARS = range(1800, 2201)


def _plausible(
    published: datetime | None, source: str, on_warning: WarningHandler | None
) -> datetime | None:
    if published is None or published.year in PLAUSIBLE_YEARS:
        return published
    warning = IngestWarning(
        source, f"publication date {published.date()} is a placeholder; left out"
    )
    if on_warning is None:
        logger.warning("%s", warning)
    else:
        on_warning(warning)
    return None


def _other(name: str | None, outlet: str | None) -> str | None:
    """``name`` when it is not the outlet itself (a byline's publication as a credit)."""
    return name if name and name.casefold() != (outlet or "").casefold() else None


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[::1": a record's URL, kept as given, names no host
        return None
    return host.removeprefix("www.") or None


def _copyright_holder(cleaned: CleanedText) -> str | None:
    """The publisher a removed copyright line names ("© 2026 Newsfeedr Media. All ...")."""
    for removed in cleaned.removed:
        if removed.reason == "copyright":
            found = _COPYRIGHT_HOLDER.search(removed.line)
            if found:
                return found.group("holder").strip()
    return None
