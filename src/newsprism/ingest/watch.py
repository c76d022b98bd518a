"""Watch feeds: poll RSS/Atom feeds (and OPML lists of them) politely, and pass on only
the entries not read before.

Polite: every request carries newsprism's User-Agent and the validators of the feed's
last answer (``If-None-Match`` / ``If-Modified-Since``), so an unchanged feed costs the
server a 304 and us nothing; requests to one host are spaced ``host_delay`` seconds
apart; a feed that fails is retried after a delay that doubles with each failure in a row
(capped at ``max_backoff``). Local feed files are polled too (their modification time and
size stand in for the validators), which is how the tests and cron jobs on a mirror work.

State (validators, times, failures, the ids of entries already read) lives in the
store's ``feeds`` and ``feed_entries`` tables, so ``newsprism watch --once`` from cron
picks up where the last run stopped.

An entry is known by its id (RSS ``guid``, Atom ``id``) where the feed gives one, else by
its link and title, else (no link) by its title and text. Entries of one poll that share
a link (a live page's updates, a feed linking every entry to its front page) are thus
each read; without ids, two of them with one title are told apart by their text. An
entry repeated word for word is read once.

An edited entry (live pages edit their updates; a correction rewords a paragraph) is the
entry read before, not a new article: it is not read again, and the stored article keeps
the text first read, as the store keeps every article's text (an article's id digests it;
a re-read of a source corrects its metadata only when the text is the same, see
:mod:`newsprism.store_corrections`). In a feed without ids, an entry alone with its link
is known by the link too, so a new headline on an article is an edit as well; entries
that share a link are told apart by their titles, so there a new title is a new entry.
A new text is a new entry only for an entry with neither id nor link. Entries read by
versions that knew an entry by its link alone still count as read.

With link fetching on, entries of one poll that share a link are read from the feed's
own text (their summary or content), and the link is not fetched for them: it names a
page they all point to (the front page, the live page), not any one entry's article.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from itertools import chain
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from lxml import etree

from newsprism.errors import InputError, MalformedInput, UnsupportedInput, describe
from newsprism.ingest.decode import SNIFF_BYTES, check_size, decode_text, xml_as_utf8
from newsprism.ingest.feed import read_feed_entries
from newsprism.ingest.fetch import _read_limited, fetch, make_client
from newsprism.ingest.html import read_html
from newsprism.ingest.language import LanguageDetector
from newsprism.ingest.pipeline import DEFAULT_MAX_BYTES, build_article, entry_name, is_opml
from newsprism.ingest.records import declared_charset
from newsprism.ingest.sources import (
    file_url_path,
    is_url,
    normal_url,
    unsupported_url,
)
from newsprism.model import Article, IngestFailure, RawDocument
from newsprism.store import FeedState, Store
from newsprism.store_feeds import earlier_entries, typed_spellings

logger = logging.getLogger(__name__)

# Two seconds between requests to one host: the common crawl-delay of news sites'
# robots.txt files, and still under a minute for a newsroom's 20 feeds of one publisher.
HOST_DELAY = 2.0
# A failing feed is retried after 1, 2, 4, ... polling intervals, at most six hours apart.
MAX_BACKOFF = timedelta(hours=6)
# A changed feed's bytes with its new validators (ETag, Last-Modified).
Answer = tuple[bytes, str | None, str | None]


@dataclass(frozen=True)
class WatchOptions:
    """How feeds are polled: the interval (also the unit of back-off), spacing per host,
    whether each entry's linked page is fetched, and the limits of one request."""

    every: timedelta = timedelta(minutes=15)
    host_delay: float = HOST_DELAY
    max_backoff: timedelta = MAX_BACKOFF
    fetch_links: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 15.0


@dataclass
class FeedResult:
    """What one poll of one feed did: ``status`` is "new" (entries read), "unchanged"
    (304 or same file), "waiting" (backing off after errors) or "failed"."""

    feed: str
    status: str
    articles: list[Article] = field(default_factory=list)
    failures: list[IngestFailure] = field(default_factory=list)
    error: str | None = None
    retry_at: datetime | None = None  # when a "waiting" feed is tried again


class Spacer:
    """Keeps requests to one host at least ``delay`` seconds apart."""

    def __init__(
        self,
        delay: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = delay
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = _host(url)
        if host in self._last:
            pause = self._last[host] + self.delay - self._clock()
            if pause > 0:
                self._sleep(pause)
        self._last[host] = self._clock()


def _host(url: str) -> str:
    """The host of ``url`` ("" when it names none, or none that parses: "http://[::1"
    raised ValueError and ended the watch)."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def feeds_of(values: Iterable[str]) -> list[str]:
    """The feeds named by what the user gave: feed URLs and files as they are, and every
    ``xmlUrl`` of an OPML file (local, relative ones resolved against the OPML's folder).

    Raises :class:`MalformedInput` for the first unreadable OPML file or missing file
    (:func:`plan_feeds` reports each and keeps the rest).
    """
    feeds, failures = plan_feeds(values)
    if failures:
        raise MalformedInput(failures[0].source, failures[0].reason)
    return feeds


def plan_feeds(values: Iterable[str]) -> tuple[list[str], list[IngestFailure]]:
    """The feeds named by what the user gave (as :func:`feeds_of`), and one failure per
    value that names none: a missing file, an OPML list that cannot be read or lists no
    feed. One bad list among several no longer stops the others being watched."""
    feeds: list[str] = []
    failures: list[IngestFailure] = []
    for value in values:
        try:
            named = _feeds_named(value)
        except MalformedInput as exc:
            failures.append(IngestFailure(exc.source, exc.reason))
            continue
        for feed in named:  # an OPML list's ftp:// outline is no feed to poll
            reason = unsupported_url(feed) or _outside_list(feed, value)
            if reason is None:
                feeds.append(feed)
            elif all(f.source != feed for f in failures):  # once, however many lists
                failures.append(IngestFailure(feed, reason))
    return list(dict.fromkeys(feeds)), failures


def _outside_list(feed: str, value: str) -> str | None:
    """Why a local feed an OPML list names is not watched: a file outside the list's
    folder. A list is often another's export, and one naming file:///etc/passwd had it
    read as a feed (review s38/2, ingest notes); its own feeds beside it (relative paths
    or file:// addresses under its folder) are read, and any file the user names on the
    command line is."""
    if is_url(feed) or value == feed or not Path(feed).is_absolute():
        return None
    listed = Path(os.path.realpath(file_url_path(value) or value))
    if str(listed) == feed:
        return None  # the value is a feed file itself
    if Path(feed).is_relative_to(listed.parent):
        return None
    return (
        f"a local file outside the folder of the OPML list {value} that names it: not "
        "watched (name it on the command line to watch it)"
    )


def _feeds_named(value: str) -> list[str]:
    if is_url(value):
        return [normal_url(value)]  # one feed state however its scheme is written
    # A browser's address of a feed file (file:///...) names the file, as for ingest: it
    # was "no such feed file or OPML list" for a file that is there.
    value = file_url_path(value) or value
    path = Path(value)
    if path.is_dir():  # it was "no such feed file", of a folder that is there
        raise MalformedInput(value, "a folder, not a feed file or OPML list (name the files)")
    if not path.is_file():
        raise MalformedInput(value, unsupported_url(value) or "no such feed file or OPML list")
    try:
        with path.open("rb") as handle:  # a feed file's first bytes; an OPML list whole
            data = handle.read(SNIFF_BYTES)
            if not is_opml(data):
                # One feed state per file, kept by its real path: another spelling
                # ("./feeds/a.xml", a link) read every entry again, and one relative
                # path typed in two folders shared one state (one's failure backed off
                # the other's good feed).
                return [os.path.realpath(value)]
            data += handle.read(max(0, DEFAULT_MAX_BYTES + 1 - len(data)))
    except OSError as exc:
        raise MalformedInput(value, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > DEFAULT_MAX_BYTES:
        raise MalformedInput(value, f"an OPML list over {DEFAULT_MAX_BYTES:,} bytes")
    return _opml_feeds(xml_as_utf8(data), value, path.parent)


def _opml_feeds(data: bytes, source: str, folder: Path) -> list[str]:
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise MalformedInput(source, f"malformed OPML ({exc})") from None
    found = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            url = file_url_path(url) or url  # a file:// address names a local feed file
            # An address of another scheme stays whole (a file path beside the list had
            # failed "ftp:/x/feed: cannot read" at every poll, backing off for ever).
            whole = is_url(url) or unsupported_url(url) is not None
            found.append(normal_url(url) if whole else os.path.realpath(folder / url))
    if not found:
        raise MalformedInput(source, "OPML list names no feed (no outline with xmlUrl)")
    return found


class Watcher:
    """Polls feeds into a store. Use :meth:`poll` once per interval; it returns what
    each feed did, with the new articles stored (not yet analysed)."""

    def __init__(
        self,
        store: Store,
        options: WatchOptions | None = None,
        client: httpx.Client | None = None,
        spacer: Spacer | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.options = options or WatchOptions()
        self.client = client or make_client(self.options.timeout)
        self.spacer = spacer or Spacer(self.options.host_delay)
        self._now = now
        self._languages = LanguageDetector()
        # Real path -> older stored spellings of a local feed: scanned once per process
        # (store_feeds.typed_spellings).
        self._typed: dict[str, list[str]] | None = None

    def close(self) -> None:
        self.client.close()

    def poll(self, feeds: Iterable[str]) -> list[FeedResult]:
        """Poll every feed once (those backing off are skipped and said to wait). A feed
        whose poll raises something unforeseen is a failed feed, backed off like any
        other, and the next feeds are still polled."""
        return [self._poll_guarded(feed) for feed in feeds]

    def _poll_guarded(self, feed: str) -> FeedResult:
        try:
            return self.poll_feed(feed)
        except Exception as exc:
            logger.info("polling %s raised", feed, exc_info=True)
            reason = describe(exc)
            with contextlib.suppress(Exception):  # the store itself may be what failed
                state = self.store.feed_state(feed) or FeedState(feed)
                reason = self._record_failure(state, self._now(), reason)
            return FeedResult(feed, "failed", error=reason)

    def poll_feed(self, feed: str) -> FeedResult:
        state = self.store.feed_state(feed)
        # First poll of a local feed by its real path: its entries may have been read
        # under the path as typed (older stores). Only entries are taken from there, in
        # _read_new; no failure, backoff or validators (review s37/2 M1: another
        # folder's feed of that relative name handed this one its backoff).
        adopt = state is None and not is_url(feed)
        state = state or FeedState(feed)
        now = self._now()
        if state.retry_at is not None and now < state.retry_at:
            return FeedResult(feed, "waiting", error=state.last_error, retry_at=state.retry_at)
        try:
            answer = self._get(feed, state)
        except InputError as exc:
            return FeedResult(feed, "failed", error=self._record_failure(state, now, exc.reason))
        checked = replace(state, checked_at=now, failures=0, retry_at=None, last_error=None)
        if answer is None:
            self.store.save_feed(checked)
            return FeedResult(feed, "unchanged")
        data, etag, modified = answer
        changed = replace(checked, changed_at=now, etag=etag, last_modified=modified)
        return self._read_new(feed, data, changed, adopt)

    def _record_failure(self, state: FeedState, now: datetime, reason: str) -> str:
        """Store the failure and when to try again; returns the reason with the retry,
        for the round's one line about the feed (it was also logged as a warning: two
        lines on stderr for each failed feed)."""
        failures = state.failures + 1
        wait = backoff(self.options.every, failures, self.options.max_backoff)
        said = f"{reason} (failure {failures}; next try in {wait})"
        logger.info("%s: %s", state.url, said)
        failed = replace(
            state, checked_at=now, failures=failures, retry_at=now + wait, last_error=reason
        )
        self.store.save_feed(failed)
        return said

    def _get(self, feed: str, state: FeedState) -> Answer | None:
        """The feed's bytes and new validators, or None when unchanged since last time."""
        if not is_url(feed):
            return _read_file(feed, state, self.options.max_bytes)
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        self.spacer.wait(feed)
        try:
            with self.client.stream("GET", feed, headers=headers) as response:
                if response.status_code == httpx.codes.NOT_MODIFIED:
                    return None
                if response.status_code >= 400:
                    raise InputError(feed, f"HTTP {response.status_code} {response.reason_phrase}")
                data = _read_limited(response, feed, self.options.max_bytes)
                etag = response.headers.get("etag")
                modified = response.headers.get("last-modified")
        except httpx.TimeoutException:
            raise InputError(feed, "timed out") from None
        except httpx.HTTPError as exc:
            raise InputError(feed, f"network error ({type(exc).__name__})") from None
        except httpx.InvalidURL as exc:  # not an HTTPError: it ended the whole watch
            raise InputError(feed, f"invalid URL ({exc})") from None
        return data, etag, modified

    def _read_new(
        self, feed: str, data: bytes, state: FeedState, adopt: bool = False
    ) -> FeedResult:
        result = FeedResult(feed, "new")
        try:
            items = list(read_feed_entries(data, feed))
        except InputError as exc:
            said = self._record_failure(state, state.checked_at or self._now(), exc.reason)
            return FeedResult(feed, "failed", error=said)
        documents = keyed_entries([(g, d) for g, d in items if isinstance(d, RawDocument)])
        result.failures = [i for _, i in items if isinstance(i, IngestFailure)]
        shared = _shared_links(documents.values())
        aliases = {key: _aliases(key, d, shared) for key, d in documents.items()}
        seen = self.store.seen_entries(feed, [*documents, *chain(*aliases.values())])
        new = {k: d for k, d in documents.items() if k not in seen and seen.isdisjoint(aliases[k])}
        self._say_shared(feed, new.values(), documents.values())
        earlier = self._read_as_typed(feed) if adopt and new else {}
        entries: list[tuple[str, str | None]] = []
        for key, document in new.items():
            read = document if document.url in shared else self._linked(document)
            article = self._article(read, result)
            marks = [key, *_link_mark(key, document, shared)]
            entries.extend((mark, article.id if article else None) for mark in marks)
            if article is not None and earlier.get(key) != article.id:
                result.articles.append(article)
        if result.articles:
            self.store.add_articles(result.articles)
        self.store.save_feed(state, entries)
        logger.info("%s: %d new entries of %d", feed, len(new), len(documents))
        return result

    def _read_as_typed(self, feed: str) -> dict[str, str]:
        """Entry id -> article id of the entries read from ``feed`` under older spellings
        of its path (:func:`newsprism.store_feeds.earlier_entries`). An entry this file
        still holds with that article id is marked seen and not announced again
        (review s36/2 L7); one of another folder's feed of the same relative name has
        another article id (outlet and text), and is read (review s37/2 M1)."""
        with self.store.transaction() as conn:
            if self._typed is None:
                self._typed = typed_spellings(conn)
            spellings = self._typed.get(feed)
            return earlier_entries(conn, spellings) if spellings else {}

    def _say_shared(
        self, feed: str, new: Iterable[RawDocument], every: Iterable[RawDocument]
    ) -> None:
        """One line per shared link among the new entries when link fetching is on: they
        are read from the feed's own text, not from the page the link names."""
        if not self.options.fetch_links:
            return
        shared = Counter(d.url for d in every if d.url)
        links = Counter(d.url for d in new if d.url and shared[d.url] > 1)
        for link, count in sorted(links.items()):
            logger.info(
                "%s: %d entries share the link %s; the %d new read from the feed's own "
                "text, and the link is not fetched",
                feed,
                shared[link],
                link,
                count,
            )

    def _linked(self, document: RawDocument) -> RawDocument:
        """The entry's linked page when fetching links, else (or on failure) the entry."""
        if not self.options.fetch_links or not document.url or not is_url(document.url):
            return document
        self.spacer.wait(document.url)
        try:
            # Streamed within max_bytes and the response deadline, as every fetch is: a
            # plain get() buffered a linked page of any size, for as long as it took.
            fetched = fetch(self.client, document.url, self.options.max_bytes)
            declared = declared_charset(fetched.content_type, fetched.content)
            text = decode_text(fetched.content, document.url, declared)
            page = read_html(text, document.url, fetched.url)
        except (httpx.HTTPError, httpx.InvalidURL, InputError) as exc:
            logger.warning("%s: %s; using the feed's own text", document.url, exc)
            return document
        return page if page.url else replace(page, url=document.url)

    def _article(self, document: RawDocument, result: FeedResult) -> Article | None:
        try:
            return build_article(document, self._languages)
        except InputError as exc:
            # Named feed#link, as ingest names a feed's entry: the feed's name alone read
            # as the whole feed failing.
            where = entry_name(exc.source, document)
            result.failures.append(IngestFailure(where, exc.reason))
            return None


def backoff(every: timedelta, failures: int, cap: timedelta) -> timedelta:
    """The wait after ``failures`` failures in a row: ``every`` doubled for each failure
    after the first, at most ``cap``. The doubling is stopped at the cap: a feed dead for
    a week (about 40 failures) made ``every * 2**39`` overflow timedelta, and from then
    on every round ended in an OverflowError before the other feeds were polled."""
    wait = every
    for _ in range(failures - 1):
        if wait >= cap:
            break
        wait *= 2
    return min(wait, cap)


def keyed_entries(entries: Iterable[tuple[str | None, RawDocument]]) -> dict[str, RawDocument]:
    """A poll's entries (each with the id the feed gives it, or None) by the key they are
    marked read under, in feed order: the entry's id where no other entry of the poll
    has it, else its link and title, else (no title, or another entry with its link and
    title) its link and text, else (no link) a hash of its title and text. A word-for-word
    repeat is one entry (the first). Keyed by link alone, a later entry replaced an
    earlier one sharing its link; keyed by text, an edited entry was a new one."""
    firsts: dict[tuple[str | None, ...], tuple[str | None, RawDocument]] = {}
    for guid, document in entries:
        firsts.setdefault((guid, *_content(document)), (guid, document))
    unique = list(firsts.values())
    guids = Counter(guid for guid, _ in unique if guid)
    rest = [d for guid, d in unique if not (guid and guids[guid] == 1)]
    titled = Counter(_titled_key(d) for d in rest)
    keyed: dict[str, RawDocument] = {}
    for guid, document in unique:
        if guid and guids[guid] == 1:
            key = guid
        elif titled[_titled_key(document)] == 1:
            key = _titled_key(document)
        else:
            key = _text_key(document)
        keyed.setdefault(key, document)
    return keyed


def _content(document: RawDocument) -> tuple[str | None, str | None, str]:
    return document.url, document.title, document.body


def _titled_key(document: RawDocument) -> str:
    """An entry's link and a hash of its title (a space apart: no URL holds one)."""
    if not document.url or not document.title:
        return _text_key(document)
    return f"{document.url} title:{_digest(document.title)}"


def _text_key(document: RawDocument) -> str:
    """An entry's link (if any) and a hash of its title and text."""
    key = "sha256:" + _digest(f"{document.title or ''}\x1f{document.body}")
    return f"{document.url} {key}" if document.url else key


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _shared_links(documents: Iterable[RawDocument]) -> set[str]:
    """The links two or more of a poll's entries share."""
    links = Counter(d.url for d in documents if d.url)
    return {link for link, count in links.items() if count > 1}


def _aliases(key: str, document: RawDocument, shared: set[str]) -> list[str]:
    """Other keys the entry may have been marked read under: its link and text (read
    before as one of two with its link and title), and its link alone where it would be
    marked so itself (:func:`_link_mark`: no id, no other entry of the poll sharing the
    link). An entry with an id is not known by its link: an earlier entry without one
    (or one read by a version before entry ids) that marked the link would otherwise
    hide every later update alone with that link."""
    return [_text_key(document), *_link_mark(key, document, shared)]


def _link_mark(key: str, document: RawDocument, shared: set[str]) -> list[str]:
    """The link alone, marked read too for an entry without an id that no other entry of
    its poll shares the link with: the link is then what it is known by, and a new
    headline on it later is the entry edited, not a new one. Entries sharing a link, or
    with ids, leave it unmarked, so a live page's next update, alone with the link in a
    later poll, is still read."""
    derived = key in (_titled_key(document), _text_key(document))
    if derived and document.url and document.url not in shared:
        return [document.url]
    return []


def _read_file(path: str, state: FeedState, max_bytes: int) -> Answer | None:
    """A local feed file's bytes, within ``max_bytes`` as a fetched feed is (it was read
    whole, whatever its size; a pipe put in its place blocked the watch)."""
    try:
        info = Path(path).stat()
        if not stat.S_ISREG(info.st_mode):
            raise UnsupportedInput(path, "not a regular file (a pipe, socket or device)")
        check_size(path, info.st_size, max_bytes)
        stamp = f"file:{info.st_mtime_ns}-{info.st_size}"
        if stamp == state.etag:
            return None
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
        check_size(path, len(data), max_bytes)  # it grew since
        return data, stamp, None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None


def pause_after(
    started: float, every: timedelta, clock: Callable[[], float] = time.monotonic
) -> float:
    """Seconds to sleep after a round that began at ``started`` (a ``clock`` reading) so
    rounds begin ``every`` apart; a round slower than ``every`` gets no pause."""
    return max(0.0, started + every.total_seconds() - clock())
