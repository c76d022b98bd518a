"""The ``newsprism`` command line (Typer + Rich).

Each command parses its arguments, calls one library function, and turns library
errors into one clean line on stderr. Exit codes: 0 ok, 1 some inputs failed (the
others were still stored), 2 usage error (Click's own code for bad arguments).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text
from typer.core import TyperArgument, TyperOption

from newsprism import __version__
from newsprism.errors import AnalysisFailure, BriefFailure, NewsprismError
from newsprism.flow import plan
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport, ingest
from newsprism.ingest.pipeline import DEFAULT_MAX_BYTES
from newsprism.lookup import not_found_error
from newsprism.model import IngestFailure, IngestWarning, Story
from newsprism.render import jsonout, terminal
from newsprism.render.report import OutputFormat, ReportView, write_report
from newsprism.store import ENV_DB, ArticleQuery, Store, default_db_path, query_moment
from newsprism.store_open import Access, unreadable

if TYPE_CHECKING:
    from newsprism.analyze.batch import AnalysisRun
    from newsprism.engine import Engine
    from newsprism.engine.base import ProgressFactory
    from newsprism.flow import StoryChange
    from newsprism.ingest.watch import FeedResult

EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="newsprism",
    help="One story, every source, cross-checked.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _help_type(param: TyperOption | TyperArgument, ctx: Any) -> str | None:
    """The type column of ``--help``: choices and value types, but not typer's ``<bool>``
    for a flag nor ``<list[str]>`` for an argument whose name the help already shows."""
    if isinstance(param, TyperArgument) or getattr(param, "is_flag", False):
        return None
    return param.metavar or param.display_type(ctx)


TyperOption.display_type_rich = _help_type  # type: ignore[method-assign,assignment]
TyperArgument.display_type_rich = _help_type  # type: ignore[method-assign,assignment]

# Piped output gets the 100 columns the views are designed for, not Rich's default 80.
REPORT_WIDTH = 100
out = Console(highlight=False, width=None if sys.stdout.isatty() else REPORT_WIDTH)
err = Console(stderr=True, highlight=False)


class Embeddings(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


class EngineChoice(StrEnum):
    local = "local"
    dask = "dask"


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar=ENV_DB,
        help="SQLite store to use (default: your data folder).",
        show_default=False,
    ),
]
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        metavar="PATHS",
        help="Files, folders, globs, URLs, or - for standard input.",
        show_default=False,
    ),
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Largest input (or record) read, in bytes.")
]
FetchLinksOption = Annotated[
    bool, typer.Option("--fetch-links", help="Fetch the page each feed entry links to.")
]
OutletOption = Annotated[
    str | None,
    typer.Option(
        "--outlet",
        help="The outlet that published every input (over any name found in the files).",
        show_default=False,
    ),
]


def _fail(message: str, code: int = EXIT_FAILED_INPUTS) -> NoReturn:
    err.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def _open_store(db: Path | None, access: Access = "write") -> Iterator[Store]:
    """The store, opened for ``access``: read commands pass ``auto``, so a store they
    cannot write (read-only file, folder or medium) is still read."""
    path = db or default_db_path()
    try:
        with Store(path, access) as store:
            yield store
    except NewsprismError as exc:
        _fail(str(exc))
    except sqlite3.DatabaseError as exc:  # a store damaged past its first pages
        _fail(str(unreadable(str(path), exc)))


def _version(value: bool) -> None:
    if value:
        out.print(f"newsprism {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log what each stage does.")
    ] = False,
) -> None:
    """newsprism reads articles from many outlets and cross-checks what they report."""
    _quiet_third_parties(verbose)
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


# Progress bars and chatter of the dense model's loaders (tqdm, transformers,
# sentence-transformers, huggingface_hub) would land in the middle of a printed brief.
_QUIET_ENV = {
    "TQDM_DISABLE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TRANSFORMERS_NO_ADVISORY_WARNINGS": "1",
}
_QUIET_LOGGERS = ("transformers", "sentence_transformers", "huggingface_hub", "torch")
# The readers' own warnings name no input ("WARNING trafilatura.core: discarding data:
# None" for a page nested 100,000 deep): the run says what failed, with its file, once.
_READER_LOGGERS = ("trafilatura", "htmldate", "warcio")


def _quiet_third_parties(verbose: bool) -> None:
    """Silence third-party progress output and the readers' own warnings unless
    ``--verbose`` (set before they load)."""
    if verbose:
        return
    for name, value in _QUIET_ENV.items():
        os.environ.setdefault(name, value)
    for name in (*_QUIET_LOGGERS, *_READER_LOGGERS):
        logging.getLogger(name).setLevel(logging.ERROR)
    _quiet_loaded_loaders()


def _quiet_loaded_loaders() -> None:
    """The loaders read the variables once, on import: one already imported in this
    process (by the caller's own code, or an earlier command) is told directly."""
    transformers_logging = sys.modules.get("transformers.utils.logging")
    if transformers_logging is not None:
        transformers_logging.disable_progress_bar()
    hub_utils = sys.modules.get("huggingface_hub.utils")
    if hub_utils is not None:
        hub_utils.disable_progress_bars()


def _progress(verb: str) -> Progress:
    """A transient progress bar on stderr ("reading 12/40 0:00:03")."""
    columns = (
        TextColumn(f"[bold blue]{verb}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    return Progress(*columns, console=err, transient=True)


def _run_ingest(store: Store, paths: list[str], options: IngestOptions) -> IngestReport:
    inputs = plan(paths)  # an empty folder becomes a failure: "no articles found in it"
    with _progress("reading") as progress:
        task = progress.add_task("inputs", total=len(inputs))
        return ingest(store, inputs, options, on_input_done=lambda _: progress.advance(task))


def _report_failures(failures: Sequence[IngestFailure | AnalysisFailure | BriefFailure]) -> None:
    """One stderr line per failed input or article: its source and the problem."""
    for failure in failures:
        err.print(Text.assemble(("failed: ", "red"), str(failure)), soft_wrap=True)


def _report_warnings(warnings: Sequence[IngestWarning]) -> None:
    """One stderr line per input that was read only by repairing or guessing something."""
    for warning in warnings:
        err.print(Text.assemble(("warning: ", "yellow"), str(warning)), soft_wrap=True)


@app.command("ingest")
def ingest_command(
    paths: PathsArgument,
    db: DbOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    fetch_links: FetchLinksOption = False,
    outlet: OutletOption = None,
) -> None:
    """Read articles from files, folders, globs, URLs, feeds or WARCs into the store."""
    with _open_store(db) as store:
        report = _run_ingest(
            store,
            paths,
            IngestOptions(max_bytes=max_bytes, fetch_links=fetch_links, outlet=outlet),
        )
    _report_warnings(report.warnings)
    _report_failures(report.failures)
    out.print(terminal.ingest_summary(report))
    if not report.ok:
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _parse_when(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return query_moment(value, option)
    except ValueError as exc:
        _fail(str(exc), EXIT_USAGE)


@app.command("articles")
def articles_command(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (ISO date).")] = None,
    until: Annotated[str | None, typer.Option(help="Published before (ISO date).")] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-q", help="Words that must all occur.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List stored articles, newest first (or by relevance with --search)."""
    query = ArticleQuery(
        outlet, _parse_when(since, "--since"), _parse_when(until, "--until"), search, limit
    )
    with _open_store(db, "auto") as store:
        try:
            found = store.list_articles(query)
        except NewsprismError as exc:
            _fail(str(exc))
    if as_json:
        out.print_json(jsonout.dumps([jsonout.article_to_dict(a) for a in found]))
    else:
        out.print(terminal.articles_table(found, title=f"Articles ({len(found)} shown)"))


@app.command("article")
def article_command(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="An article id (or a unique prefix of one).")
    ],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of panels.")] = False,
) -> None:
    """Show one article: metadata, clean text, what cleaning removed, quotes, numbers, dates."""
    with _open_store(db, "auto") as store:
        article = store.get_article(article_id)
        if article is None:
            _fail(str(not_found_error(store, "article", article_id)))
        run = _analyses(store, [article.id])
    analysis = run.analyses.get(article.id)
    failures = [jsonout.failure_to_dict(f) for f in run.failures]
    if as_json:
        data = jsonout.report_dict([article], {article.id: analysis} if analysis else None)
        shown = {**data["articles"][0], **jsonout.article_to_dict(article, with_removed=True)}
        failure = {k: failures[0][k] for k in ("stage", "error")} if failures else None
        out.print_json(jsonout.dumps({**shown, "failure": failure}))
    else:
        out.print(terminal.article_panel(article, full=True, analysis=analysis))
        if failures:
            out.print(terminal.failures_table(failures))


def _analyses(
    store: Store,
    article_ids: list[str],
    jobs: int = 1,
    on_done: Callable[[int], None] | None = None,
) -> AnalysisRun:
    """Analyses of these articles, under the record policy: an article whose analysis
    raises is a failure in the run (and in the store), and the others go on."""
    # Imported here: spaCy takes a second to import, and ingest or list need none of it.
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.analyze.batch import analyze_run

    options = AnalyzeOptions(processes=jobs, errors="record")
    return analyze_run(store, article_ids, options, on_done)


def _outlets_by_story(store: Store, stories: list[Story]) -> dict[str, list[str]]:
    return store.outlets_by_story(s.id for s in stories)


@app.command("stories")
def stories_command(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List stories: title, outlets, article count and time span, most recent first."""
    with _open_store(db, "auto") as store:
        stories = store.list_stories(limit)
        outlets = _outlets_by_story(store, stories)
    if as_json:
        out.print_json(jsonout.dumps([jsonout.story_to_dict(s) for s in stories]))
    else:
        out.print(terminal.stories_table(stories, outlets))


@app.command("story")
def story_command(
    story_id: Annotated[str, typer.Argument(metavar="ID", help="A story id (or a unique prefix).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of panels.")] = False,
) -> None:
    """Show one story: its articles by outlet, with syndicated copies marked."""
    with _open_store(db, "auto") as store:
        story = store.get_story(story_id)
        if story is None:
            _fail(str(not_found_error(store, "story", story_id)))
        articles = store.get_articles(story.articles)
    if as_json:
        out.print_json(jsonout.dumps(jsonout.story_to_dict(story)))
    else:
        out.print(terminal.story_panel(story, articles))


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print.")]


def _writable_out(value: Path | None) -> Path | None:
    """``--out`` checked before any work: a run's report once went to a folder, or to a
    folder that does not exist, only after its whole analysis (a traceback, at the end)."""
    if value is None:
        return None
    folder = value.absolute().parent
    if value.is_dir():
        raise typer.BadParameter(f"{value} is a folder; give a file name")
    if not folder.is_dir():
        raise typer.BadParameter(f"{value}: folder {folder} does not exist")
    # A file that exists is written in place (no file is made beside it), so only its
    # own permission counts: /dev/null, or a writable file in a read-only folder.
    writable = os.access(value, os.W_OK) if value.exists() else os.access(folder, os.W_OK)
    if not writable:
        raise typer.BadParameter(f"{value}: cannot write there")
    return value


OutFileOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write to this file.", callback=_writable_out),
]


def _write_report(output_format: OutputFormat, out_file: Path | None, view: ReportView) -> None:
    try:
        write_report(out, output_format, out_file, view)
    except OSError as exc:  # the disk filled, the folder went away since the check
        _fail(f"{out_file}: cannot write the report ({exc.strerror or exc})")


EmbeddingsOption = Annotated[
    Embeddings,
    typer.Option(
        help="Dense sentence embeddings (grouping, statements, summary): auto uses "
        "them if installed."
    ),
]


def _outlets_of(store: Store, stories: list[Story]) -> dict[str, str]:
    ids = [a for s in stories for a in s.articles]
    return {a.id: a.outlet or "?" for a in store.get_articles(ids)}


def _engine(choice: EngineChoice, scheduler: str | None, workers: int | None) -> Engine | None:
    """The engine the options name (None: the local one); a usage error for options
    that only the dask engine takes, or that contradict each other."""
    if choice is EngineChoice.local:
        if scheduler is not None or workers is not None:
            _fail("--scheduler and --workers need --engine dask", EXIT_USAGE)
        return None
    if scheduler is not None and workers is not None:
        _fail("--workers sizes a local cluster; a --scheduler has its own workers", EXIT_USAGE)
    from newsprism.engine.dask import DaskEngine

    return DaskEngine(scheduler=scheduler, workers=workers)


@contextmanager
def _stage_bars() -> Iterator[ProgressFactory]:
    """The flow's progress callbacks as transient bars, one per stage in turn."""
    shown: list[Progress] = []

    def start(verb: str, total: int) -> Callable[[int], None]:
        if shown:
            shown.pop().stop()
        bar = _progress(verb)
        bar.start()
        shown.append(bar)
        task = bar.add_task("items", total=total)
        return lambda n: bar.advance(task, n)

    try:
        yield start
    finally:
        if shown:
            shown.pop().stop()


@app.command("analyze")
def analyze_command(
    paths: PathsArgument,
    db: DbOption = None,
    output_format: FormatOption = OutputFormat.terminal,
    out_file: OutFileOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    fetch_links: FetchLinksOption = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes for analysis.")
    ] = 1,
    embeddings: EmbeddingsOption = Embeddings.auto,
    show_articles: Annotated[
        bool, typer.Option("--articles", help="Also print each article with its quotes.")
    ] = False,
    outlet: OutletOption = None,
    engine: Annotated[
        EngineChoice,
        typer.Option(help="Where reading and analysis run: here, or on a Dask cluster."),
    ] = EngineChoice.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="Dask scheduler (tcp://HOST:8786); default: a local cluster.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1, help="Worker processes of the local Dask cluster (default: one per CPU)."
        ),
    ] = None,
) -> None:
    """Ingest PATHS, analyse them, group them into stories and cross-check each story:
    the main job. Run it again on new articles: they join the stored stories."""
    from newsprism.flow import FlowOptions, analyze_paths

    flow = FlowOptions(
        ingest=IngestOptions(max_bytes=max_bytes, fetch_links=fetch_links, outlet=outlet),
        jobs=jobs,
        embeddings=embeddings.value,
        engine=_engine(engine, scheduler, workers),
    )
    with _open_store(db) as store:
        with _stage_bars() as bars:
            run = analyze_paths(store, paths, flow, bars)
        outlets = _outlets_of(store, run.stories)
    failures = run.failures
    _report_warnings(run.report.warnings)
    _report_failures(failures)
    view = ReportView(run.articles, run.analyses, run.briefs, outlets, show_articles, failures)
    _write_report(output_format, out_file, view)
    if failures:
        raise typer.Exit(EXIT_FAILED_INPUTS)


@app.command("brief")
def brief_command(
    story_id: Annotated[str, typer.Argument(metavar="STORY_ID", help="A story id or prefix.")],
    db: DbOption = None,
    output_format: FormatOption = OutputFormat.terminal,
    out_file: OutFileOption = None,
    embeddings: EmbeddingsOption = Embeddings.auto,
) -> None:
    """Cross-check one stored story and print its brief (the stored brief when the
    story has not changed since it was made)."""
    from newsprism.reconcile.brief import BriefOptions, material_of
    from newsprism.reconcile.stored import StoredBriefs

    with _open_store(db, "auto") as store:
        story = store.get_story(story_id)
        if story is None:
            _fail(str(not_found_error(store, "story", story_id)))
        material = material_of(store, story)
        brief = StoredBriefs(BriefOptions(embeddings=embeddings.value)).get(store, story, material)
        outlets = _outlets_of(store, [story])
        failures = store.analysis_failures(story.articles)
    articles = list(material.articles)
    view = ReportView(articles, dict(material.analyses), [brief], outlets, failures=failures)
    _write_report(output_format, out_file, view)


@app.command("serve")
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

    with _open_store(db) as store:
        path = Path(store.path)
    hosts = (host, *(allowed_host or ()))
    web = create_app(path, WebOptions(embeddings=embeddings.value, allowed_hosts=hosts))
    err.print(f"newsprism: serving {path} on http://{host}:{port}/", markup=False)
    uvicorn.run(web, host=host, port=port, log_level="info")


def _progress_factory(progress: Progress) -> Callable[[str, int], Callable[[int], None]]:
    """A :mod:`newsprism.flow` progress factory drawing one bar per stage."""

    def start(verb: str, total: int) -> Callable[[int], None]:
        task = progress.add_task(verb, total=total)
        progress.update(task, description=verb)
        return lambda n: progress.advance(task, n)

    return start


class ExportTable(StrEnum):
    quotes = "quotes"
    statements = "statements"
    facts = "facts"
    discrepancies = "discrepancies"
    exclusives = "exclusives"
    timeline = "timeline"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command("export")
def export_command(
    story_ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="STORY_ID", help="Story ids or prefixes (or use --all)."),
    ] = None,
    all_stories: Annotated[bool, typer.Option("--all", help="Every stored story.")] = False,
    table: Annotated[
        ExportTable, typer.Option("--table", "-t", help="Which table of the briefs.")
    ] = ExportTable.facts,
    export_format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="File format.")
    ] = ExportFormat.csv,
    out_file: OutFileOption = None,
    db: DbOption = None,
    embeddings: EmbeddingsOption = Embeddings.auto,
) -> None:
    """Write one table of stories' briefs (one row per passage, with outlet, article and
    span) as CSV, JSON Lines or Parquet, for spreadsheets, pandas or R."""
    from newsprism.export import ExportOptions, export_stories

    if bool(story_ids) == all_stories:
        _fail("give story ids or --all (not both)", EXIT_USAGE)
    with _open_store(db) as store, _progress("cross-checking") as progress:
        options = ExportOptions(embeddings.value, _progress_factory(progress))
        try:
            rows = export_stories(
                store,
                None if all_stories else story_ids,
                table.value,
                export_format.value,
                out_file,
                options,
            )
        except NewsprismError as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{out_file or 'standard output'}: cannot write ({exc.strerror or exc})")
    if out_file is not None:
        err.print(f"wrote {terminal.counted(rows, 'row')} to {out_file}", markup=False)


def _duration(value: str) -> timedelta:
    """ "15m", "30s", "2h", "1d" or plain seconds, as a timedelta (at least a second)."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (value[:-1], value[-1]) if value[-1:] in units else (value, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        _fail(f"--every: expected a duration such as 15m, 30s or 2h, got {value!r}", EXIT_USAGE)
    if seconds < 1:
        _fail(f"--every: {value!r} is under a second", EXIT_USAGE)
    return timedelta(seconds=seconds)


@app.command("watch")
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
        _fail(str(exc), EXIT_USAGE)
    options = WatchOptions(every=interval, fetch_links=fetch_links)
    flow = FlowOptions(embeddings=embeddings.value)
    failed = False
    with _open_store(db) as store:
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


class VerifyFormat(StrEnum):
    terminal = "terminal"
    md = "md"
    json = "json"


def _summary_text(summary_file: str) -> str:
    """The summary to verify: a file, or standard input for ``-``, at most
    ``DEFAULT_MAX_BYTES``, decoded as input files are (a byte-order mark, UTF-8, else
    Windows-1252 or a guess, with a warning; binary is refused). Standard input was read
    as text: bytes that are not UTF-8 became surrogates and ended the run in spaCy."""
    from newsprism.ingest.decode import decode

    try:
        if summary_file == "-":
            data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
        else:
            with Path(summary_file).open("rb") as handle:
                data = handle.read(DEFAULT_MAX_BYTES + 1)
    except OSError as exc:
        _fail(f"{summary_file}: cannot read the summary ({exc.strerror or exc})")
    if len(data) > DEFAULT_MAX_BYTES:
        _fail(f"{summary_file}: the summary is over {DEFAULT_MAX_BYTES:,} bytes")
    if not data.strip():
        return ""
    try:
        decoded = decode(data, summary_file)
    except NewsprismError as exc:
        _fail(f"cannot read the summary: {exc}")
    if decoded.warning:
        err.print(f"warning: {summary_file}: {decoded.warning}", markup=False, highlight=False)
    # Line endings as text mode read them before (universal newlines): a summary with
    # Windows or old Mac endings still has one sentence per line.
    text = decoded.text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


@app.command("verify")
def verify_command(
    story_id: Annotated[str, typer.Argument(metavar="STORY_ID", help="A story id or prefix.")],
    summary_file: Annotated[
        str, typer.Argument(metavar="SUMMARY_FILE", help="The summary: a text file, or -.")
    ],
    db: DbOption = None,
    output_format: Annotated[
        VerifyFormat, typer.Option("--format", "-f", help="How to print.")
    ] = VerifyFormat.terminal,
    embeddings: EmbeddingsOption = Embeddings.auto,
) -> None:
    """Check every sentence of a summary against one stored story's sources: supported,
    partly, contradicted or unsupported, with the outlets' own words beside it."""
    from newsprism.reconcile.brief import BriefOptions, material_of
    from newsprism.reconcile.stored import StoredBriefs
    from newsprism.reconcile.verify import Verifier
    from newsprism.render import verify as verify_view

    text = _summary_text(summary_file)
    if not text.strip():
        _fail(f"{summary_file}: the summary is empty")
    with _open_store(db, "auto") as store:
        story = store.get_story(story_id)
        if story is None:
            _fail(str(not_found_error(store, "story", story_id)))
        material = material_of(store, story)
        stored = StoredBriefs(BriefOptions(embeddings=embeddings.value))
        brief = stored.get(store, story, material)
    verification = Verifier(stored.reconciler.similarity).verify(material, brief, text)
    if output_format is VerifyFormat.json:
        sys.stdout.write(jsonout.dumps(verification.to_dict()) + "\n")
    elif output_format is VerifyFormat.md:
        sys.stdout.write(verify_view.verification_markdown(verification))
    else:
        out.print(verify_view.verification_panel(verification))


def main() -> None:
    """Entry point of the ``newsprism`` script."""
    try:
        app()
    except NewsprismError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(EXIT_FAILED_INPUTS)
