"""``newsprism`` commands that keep running: ``serve`` (the web UI) and ``watch``
(polling feeds)."""

from __future__ import annotations

import logging
import math
import socket
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from newsprism.cli_base import (
    EXIT_FAILED_INPUTS,
    EXIT_USAGE,
    DbOption,
    Embeddings,
    EmbeddingsOption,
    FetchLinksOption,
    err,
    fail,
    one_line,
    open_store,
    out,
    refuse_memory_store,
)
from newsprism.errors import AnalysisFailure, NewsprismError, describe
from newsprism.model import IngestFailure
from newsprism.render import terminal
from newsprism.store import Store

if TYPE_CHECKING:
    from newsprism.flow import FlowOptions, StoryChange
    from newsprism.ingest.watch import FeedResult, Watcher


def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (local only by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    embeddings: EmbeddingsOption = Embeddings.auto,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            help="A host name browsers may use to reach the server, besides 127.0.0.1, "
            "localhost, ::1 and --host (repeatable; others get 400, against DNS rebinding).",
            metavar="NAME",
        ),
    ] = None,
) -> None:
    """Browse stories, briefs and articles in a web browser, with a JSON API under /api."""
    import uvicorn

    from newsprism.web import WebOptions, create_app

    refuse_memory_store(db, "serves a store (each request opens it anew)")
    _refuse_missing_folder(db)
    with open_store(db) as store:
        path = Path(store.path)
    hosts = (host, *(allowed_host or ()))
    web = create_app(path, WebOptions(embeddings=embeddings.value, allowed_hosts=hosts))
    _check_listen(host, port)
    err.print(f"newsprism: serving {path} on http://{host}:{port}/", markup=False)
    try:
        uvicorn.run(web, host=host, port=port, log_level="info")
    except SystemExit as exc:  # uvicorn's own start-up failure, after its log line
        if exc.code not in (None, 0):
            fail(f"cannot serve on {host}:{port} (see the error above)")
        raise


def _check_listen(host: str, port: int) -> None:
    """One error line, before "serving ...", when ``host:port`` cannot be listened on
    (the port in use, a host that is no address here): uvicorn logged it after
    announcing the server and exited with its own status 3."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError) as exc:
        fail(f"--host {host}: not an address to listen on ({exc})", EXIT_USAGE)
    family, kind, proto, _, address = found[0]
    try:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
            probe.bind(address)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")


# The longest interval between polls: a year, far past any feed's use and well inside
# what timedelta and time.sleep take.
MAX_EVERY = timedelta(days=365)


def _duration(value: str) -> timedelta:
    """ "15m", "30s", "2h", "1d" or plain seconds, as a timedelta (at least a second)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (value[:-1], value[-1]) if value[-1:] in units else (value, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        fail(f"--every: expected a duration such as 15m, 30s or 2h, got {value!r}", EXIT_USAGE)
    if not math.isfinite(seconds):  # "inf", "nan", "1e308": a traceback from timedelta
        fail(f"--every: expected a duration such as 15m, 30s or 2h, got {value!r}", EXIT_USAGE)
    if seconds < 1:
        fail(f"--every: {value!r} is under a second", EXIT_USAGE)
    if seconds > MAX_EVERY.total_seconds():
        fail(f"--every: {value!r} is over {MAX_EVERY.days} days", EXIT_USAGE)
    return timedelta(seconds=seconds)


def watch_command(
    feeds: Annotated[
        list[str],
        typer.Argument(
            metavar="FEEDS_OR_OPML",
            help="RSS/Atom feed URLs or files, and OPML lists of feeds.",
            show_default=False,
        ),
    ],
    every: Annotated[
        str, typer.Option("--every", metavar="DURATION", help="Time between polls: 30s, 15m, 2h.")
    ] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron).")] = False,
    db: DbOption = None,
    fetch_links: FetchLinksOption = False,
    embeddings: EmbeddingsOption = Embeddings.auto,
) -> None:
    """Poll feeds politely (conditional GET, per-host spacing, back-off on errors); ingest,
    analyse and group what is new, and print one line per new or updated story."""
    import time

    from newsprism.flow import FlowOptions
    from newsprism.ingest.watch import Watcher, WatchOptions, pause_after, plan_feeds

    interval = _duration(every)
    urls, unread = plan_feeds(feeds)
    if not urls:
        _print_failures(unread)
        fail("no feed to watch (no feed file, URL or OPML list given could be read)")
    options = WatchOptions(every=interval, fetch_links=fetch_links)
    flow = FlowOptions(embeddings=embeddings.value)
    failed = 0
    with open_store(db) as store:
        watcher = Watcher(store, options)
        try:
            while True:
                started = time.monotonic()
                failed = _round(store, watcher, urls, flow, unread)
                if once:
                    break
                time.sleep(pause_after(started, interval))
        except KeyboardInterrupt:
            err.print("watch: stopped", markup=False)
        finally:
            watcher.close()
    if failed:  # the last round's: a feed that failed hours ago and works now is no failure
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _round(
    store: Store,
    watcher: Watcher,
    urls: list[str],
    flow: FlowOptions,
    unread: Sequence[IngestFailure],
) -> int:
    """One round: what earlier rounds left ungrouped, then every feed; returns how many
    failed. A store error (locked past its timeout by another command, a full disk)
    fails this round in one line, and the next round tries again: it ended the watch."""
    from newsprism.flow import watch_round

    try:
        failed = _resume(store, flow)
        results, changes = watch_round(store, watcher, urls, flow)
    except NewsprismError as exc:
        _print_failures([IngestFailure("this round", describe(exc))])
        return 1
    # A feed list that cannot be read fails every round, as a feed would.
    return failed + _print_round(results, changes, _not_analysed(store, results), unread)


def _resume(store: Store, flow: FlowOptions) -> int:
    """Analyse and group the articles an earlier watch read but never grouped (stopped
    or killed in between: its entries are marked read, so no round takes them up again);
    prints their stories as a round does and returns how many failed."""
    from newsprism.flow import group_into_changes

    left = store.ungrouped_feed_articles()
    if not left:
        return 0
    logging.getLogger(__name__).info("watch: grouping %d articles read before", len(left))
    changes = group_into_changes(store, left, flow)
    return _print_round([], changes, store.analysis_failures(left))


def _refuse_missing_folder(db: Path | None) -> None:
    """A usage error for a ``--db`` in a folder that does not exist: ``serve`` made the
    folder and an empty store there and served it, so a mistyped path looked like an
    empty store (review s38/2). A new store in an existing folder is served (uploads
    fill it), and the default store's data folder is made as by every command."""
    if db is None or db.parent.is_dir():
        return
    fail(
        f"--db {db}: its folder {db.parent} does not exist (serve makes no folders: make "
        "it first, or name an existing store)",
        EXIT_USAGE,
    )


def _not_analysed(store: Store, results: list[FeedResult]) -> list[AnalysisFailure]:
    """The round's new articles whose analysis failed (stored, reported, not grouped)."""
    fresh = [a.id for r in results for a in r.articles]
    return store.analysis_failures(fresh) if fresh else []


def _print_failures(failures: Sequence[IngestFailure | AnalysisFailure]) -> None:
    for failure in failures:
        err.print(Text.assemble(("failed: ", "red"), one_line(str(failure))), soft_wrap=True)


def _waiting(result: FeedResult) -> str:
    """The line of a feed not polled this round: its last error and its next try."""
    when = f" at {result.retry_at:%Y-%m-%d %H:%M:%S}" if result.retry_at else ""
    last = f" ({result.error})" if result.error else ""
    return f"not polled: backing off after its last failure{last}; next try{when}"


def _unread_counts(unread: Sequence[IngestFailure]) -> tuple[tuple[int, str, str], ...]:
    """The summary's counts of what names no feed to poll: feed lists that could not be
    read, and addresses of a scheme newsprism does not read (an OPML list's ftp://
    outline, read fine, was counted a failed feed list: review s35 r2 L1)."""
    from newsprism.ingest.sources import unsupported_url

    addresses = sum(1 for f in unread if unsupported_url(f.source) is not None)
    return (
        (len(unread) - addresses, "feed list", "feed lists"),
        (addresses, "unsupported address", "unsupported addresses"),
    )


def _print_round(
    results: list[FeedResult],
    changes: list[StoryChange],
    not_analysed: Sequence[AnalysisFailure] = (),
    unread: Sequence[IngestFailure] = (),
) -> int:
    """One line per failed feed list, feed, entry and article (stderr), a count of them,
    and one line per new or updated story; returns how many failed."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    feeds = [r for r in results if r.status == "failed"]
    _print_failures([*unread, *(IngestFailure(r.feed, r.error or "failed") for r in feeds)])
    # A feed backing off after a failure is not polled this round; it was left out without
    # a word, so 'watch --once' from cron exited 0 while the feed kept failing.
    waiting = [r for r in results if r.status == "waiting"]
    _print_failures([IngestFailure(r.feed, _waiting(r)) for r in waiting])
    entries = [f for r in results for f in r.failures]
    _print_failures([*entries, *not_analysed])
    for change in changes:
        story = change.story
        what = "new story" if change.new else "updated"
        line = (
            f"{stamp} {what} {story.id} {story.title or '(untitled)'!r}: "
            f"+{terminal.counted(change.added, 'article')}, now "
            f"{terminal.counted(len(story.articles), 'article')} from "
            f"{terminal.counted(len(change.outlets), 'outlet')}"
        )
        out.print(line, markup=False, soft_wrap=True)
    new = sum(len(r.articles) for r in results)
    logging.getLogger(__name__).info("watch round: %d feeds, %d new articles", len(results), new)
    counts = (
        *_unread_counts(unread),
        (len(feeds), "feed", "feeds"),
        (len(waiting), "feed still backing off", "feeds still backing off"),
        (len(entries), "entry", "entries"),
        (len(not_analysed), "article not analysed", "articles not analysed"),
    )
    failed = sum(n for n, _, _ in counts)
    if failed:
        parts = ", ".join(terminal.counted(n, one, many) for n, one, many in counts if n)
        err.print(f"{stamp} watch: {failed} failed ({parts})", markup=False)
    return failed
