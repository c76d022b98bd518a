"""``newsprism`` commands that keep running: ``serve`` (the web UI) and ``watch``
(polling feeds)."""

from __future__ import annotations

import logging
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
    open_store,
    out,
)
from newsprism.errors import NewsprismError
from newsprism.render import terminal

if TYPE_CHECKING:
    from newsprism.flow import StoryChange
    from newsprism.ingest.watch import FeedResult


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

    with open_store(db) as store:
        path = Path(store.path)
    hosts = (host, *(allowed_host or ()))
    web = create_app(path, WebOptions(embeddings=embeddings.value, allowed_hosts=hosts))
    err.print(f"newsprism: serving {path} on http://{host}:{port}/", markup=False)
    uvicorn.run(web, host=host, port=port, log_level="info")


def _duration(value: str) -> timedelta:
    """ "15m", "30s", "2h", "1d" or plain seconds, as a timedelta (at least a second)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (value[:-1], value[-1]) if value[-1:] in units else (value, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        fail(f"--every: expected a duration such as 15m, 30s or 2h, got {value!r}", EXIT_USAGE)
    if seconds < 1:
        fail(f"--every: {value!r} is under a second", EXIT_USAGE)
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

    from newsprism.flow import FlowOptions, watch_round
    from newsprism.ingest.watch import Watcher, WatchOptions, feeds_of, pause_after

    interval = _duration(every)
    try:
        urls = feeds_of(feeds)
    except NewsprismError as exc:
        fail(str(exc), EXIT_USAGE)
    options = WatchOptions(every=interval, fetch_links=fetch_links)
    flow = FlowOptions(embeddings=embeddings.value)
    failed = False
    with open_store(db) as store:
        watcher = Watcher(store, options)
        try:
            while True:
                started = time.monotonic()
                results, changes = watch_round(store, watcher, urls, flow)
                failed = _print_round(results, changes)
                if once:
                    break
                time.sleep(pause_after(started, interval))
        except KeyboardInterrupt:
            err.print("watch: stopped", markup=False)
        finally:
            watcher.close()
    if failed:
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _print_round(results: list[FeedResult], changes: list[StoryChange]) -> bool:
    """One line per failed feed (stderr) and per new or updated story; True if a feed failed."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    for result in results:
        if result.status == "failed":
            line = f"{result.feed}: {result.error}"
            err.print(Text.assemble(("failed: ", "red"), line), soft_wrap=True)  # one line
        for failure in result.failures:
            err.print(Text.assemble(("failed: ", "red"), str(failure)), soft_wrap=True)
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
    return any(r.status == "failed" for r in results)
