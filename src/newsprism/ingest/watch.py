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
picks up where the last run stopped. An entry's id is its link, else a hash of its title
and text: feeds rarely carry a stable guid without a link. Entries of one poll that share
a link but not their text (a live page's updates, a feed linking every entry to its front
page) are each read, under the link and a hash of their title and text; the link alone is
marked read too, so an entry left alone with it later counts as read (an edited entry is
the entry read before). An entry repeated word for word is read once.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from lxml import etree

from newsprism.errors import InputError, MalformedInput, UnsupportedInput, describe
from newsprism.ingest.decode import check_size, decode_text
from newsprism.ingest.feed import read_feed
from newsprism.ingest.fetch import _read_limited, fetch, make_client
from newsprism.ingest.html import read_html
from newsprism.ingest.language import LanguageDetector
from newsprism.ingest.pipeline import DEFAULT_MAX_BYTES, build_article
from newsprism.ingest.records import charset_of
from newsprism.ingest.sources import is_url
from newsprism.model import Article, IngestFailure, RawDocument
from newsprism.store import FeedState, Store

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
            feeds.extend(_feeds_named(value))
        except MalformedInput as exc:
            failures.append(IngestFailure(exc.source, exc.reason))
    return list(dict.fromkeys(feeds)), failures


def _feeds_named(value: str) -> list[str]:
    if is_url(value):
        return [value]
    path = Path(value)
    if path.is_dir():  # it was "no such feed file", of a folder that is there
        raise MalformedInput(value, "a folder, not a feed file or OPML list (name the files)")
    if not path.is_file():
        raise MalformedInput(value, "no such feed file or OPML list")
    try:
        with path.open("rb") as handle:  # a feed file's first bytes; an OPML list whole
            data = handle.read(_OPML_SNIFF)
            if not _is_opml(data):
                return [value]
            data += handle.read(max(0, DEFAULT_MAX_BYTES + 1 - len(data)))
    except OSError as exc:
        raise MalformedInput(value, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > DEFAULT_MAX_BYTES:
        raise MalformedInput(value, f"an OPML list over {DEFAULT_MAX_BYTES:,} bytes")
    return _opml_feeds(data, value, path.parent)


# How far into a file its <opml> tag is looked for (it was read whole to look).
_OPML_SNIFF = 2048


def _is_opml(data: bytes) -> bool:
    return b"<opml" in data[:_OPML_SNIFF].lower()


def _opml_feeds(data: bytes, source: str, folder: Path) -> list[str]:
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise MalformedInput(source, f"malformed OPML ({exc})") from None
    found = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or "").strip()
        if url:
            found.append(url if is_url(url) else str(folder / url))
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
        state = self.store.feed_state(feed) or FeedState(feed)
        now = self._now()
        if state.retry_at is not None and now < state.retry_at:
            return FeedResult(feed, "waiting", error=state.last_error)
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
        return self._read_new(feed, data, changed)

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

    def _read_new(self, feed: str, data: bytes, state: FeedState) -> FeedResult:
        result = FeedResult(feed, "new")
        try:
            items = list(read_feed(data, feed))
        except InputError as exc:
            said = self._record_failure(state, state.checked_at or self._now(), exc.reason)
            return FeedResult(feed, "failed", error=said)
        documents = keyed_entries([d for d in items if isinstance(d, RawDocument)])
        result.failures = [i for i in items if isinstance(i, IngestFailure)]
        seen = self.store.seen_entries(feed, documents)
        entries: list[tuple[str, str | None]] = []
        for key, document in documents.items():
            if key in seen:
                continue
            article = self._article(self._linked(document), result)
            entries.append((key, article.id if article else None))
            if key != entry_id(document):  # one of several sharing a link: the link too
                entries.append((entry_id(document), article.id if article else None))
            if article is not None:
                result.articles.append(article)
        if result.articles:
            self.store.add_articles(result.articles)
        self.store.save_feed(state, entries)
        logger.info("%s: %d new entries of %d", feed, len(entries), len(documents))
        return result

    def _linked(self, document: RawDocument) -> RawDocument:
        """The entry's linked page when fetching links, else (or on failure) the entry."""
        if not self.options.fetch_links or not document.url or not is_url(document.url):
            return document
        self.spacer.wait(document.url)
        try:
            # Streamed within max_bytes and the response deadline, as every fetch is: a
            # plain get() buffered a linked page of any size, for as long as it took.
            fetched = fetch(self.client, document.url, self.options.max_bytes)
            text = decode_text(fetched.content, document.url, charset_of(fetched.content_type))
            page = read_html(text, document.url, fetched.url)
        except (httpx.HTTPError, httpx.InvalidURL, InputError) as exc:
            logger.warning("%s: %s; using the feed's own text", document.url, exc)
            return document
        return page if page.url else replace(page, url=document.url)

    def _article(self, document: RawDocument, result: FeedResult) -> Article | None:
        try:
            return build_article(document, self._languages)
        except InputError as exc:
            result.failures.append(IngestFailure(exc.source, exc.reason))
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


def entry_id(document: RawDocument) -> str:
    """A feed entry's identity: its link, else a hash of its title and text."""
    if document.url:
        return document.url
    return _content_key(document)


def _content_key(document: RawDocument) -> str:
    key = f"{document.title or ''}\x1f{document.body}".encode()
    return "sha256:" + hashlib.sha256(key).hexdigest()[:32]


def keyed_entries(documents: list[RawDocument]) -> dict[str, RawDocument]:
    """A poll's entries by id, in feed order: the :func:`entry_id`, or for entries that
    share a link, the link and a hash of the entry's title and text (a space apart: no
    URL holds one). Keyed by link alone, a later entry replaced an earlier one sharing
    its link, and only the last was read, without a word. A word-for-word repeat is one
    entry (the first)."""
    links = Counter(d.url for d in documents if d.url)
    keyed: dict[str, RawDocument] = {}
    for document in documents:
        shared = document.url and links[document.url] > 1
        key = f"{document.url} {_content_key(document)}" if shared else entry_id(document)
        keyed.setdefault(key, document)
    return keyed


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
