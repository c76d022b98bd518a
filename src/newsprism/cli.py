"""The ``newsprism`` command line (Typer + Rich).

Each command parses its arguments, calls one library function, and turns library
errors into one clean line on stderr. Exit codes: 0 ok, 1 some inputs failed (the
others were still stored), 2 usage error (Click's own code for bad arguments).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from newsprism import __version__
from newsprism.errors import NewsprismError
from newsprism.ingest import IngestOptions
from newsprism.ingest.batch import IngestReport, ingest, plan_inputs
from newsprism.ingest.pipeline import DEFAULT_MAX_BYTES
from newsprism.model import Analysis, Article, Story
from newsprism.render import jsonout, terminal
from newsprism.store import ENV_DB, ArticleQuery, Store, default_db_path

EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="newsprism",
    help="One story, every source, cross-checked.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
# Piped output gets the 100 columns the views are designed for, not Rich's default 80.
REPORT_WIDTH = 100
out = Console(highlight=False, width=None if sys.stdout.isatty() else REPORT_WIDTH)
err = Console(stderr=True, highlight=False)


class OutputFormat(StrEnum):
    terminal = "terminal"
    json = "json"


class Embeddings(StrEnum):
    auto = "auto"
    on = "on"
    off = "off"


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


def _fail(message: str, code: int = EXIT_FAILED_INPUTS) -> NoReturn:
    err.print(Text.assemble(("error: ", "bold red"), message), soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def _open_store(db: Path | None) -> Iterator[Store]:
    try:
        with Store(db or default_db_path()) as store:
            yield store
    except NewsprismError as exc:
        _fail(str(exc))


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
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


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
    inputs = plan_inputs(paths)
    with _progress("reading") as progress:
        task = progress.add_task("inputs", total=len(inputs))
        return ingest(store, inputs, options, on_input_done=lambda _: progress.advance(task))


def _report_failures(report: IngestReport) -> None:
    for failure in report.failures:
        err.print(Text.assemble(("failed: ", "red"), str(failure)), soft_wrap=True)


@app.command("ingest")
def ingest_command(
    paths: PathsArgument,
    db: DbOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    fetch_links: FetchLinksOption = False,
) -> None:
    """Read articles from files, folders, globs, URLs, feeds or WARCs into the store."""
    with _open_store(db) as store:
        report = _run_ingest(
            store, paths, IngestOptions(max_bytes=max_bytes, fetch_links=fetch_links)
        )
    _report_failures(report)
    out.print(terminal.ingest_summary(report))
    if not report.ok:
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _parse_when(value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        _fail(f"{option}: expected an ISO date such as 2026-03-01, got {value!r}", EXIT_USAGE)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


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
    with _open_store(db) as store:
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
    with _open_store(db) as store:
        article = store.get_article(article_id)
        if article is None:
            _fail(f"no article with id {article_id!r}")
        analysis = _analyses(store, [article.id]).get(article.id)
    if as_json:
        data = jsonout.report_dict([article], {article.id: analysis} if analysis else None)
        shown = {**data["articles"][0], **jsonout.article_to_dict(article, with_removed=True)}
        out.print_json(jsonout.dumps(shown))
    else:
        out.print(terminal.article_panel(article, full=True, analysis=analysis))


def _analyses(
    store: Store,
    article_ids: list[str],
    jobs: int = 1,
    on_done: Callable[[int], None] | None = None,
) -> dict[str, Analysis]:
    # Imported here: spaCy takes a second to import, and ingest or list need none of it.
    from newsprism.analyze.analyzer import AnalyzeOptions
    from newsprism.analyze.batch import analyze_stored

    return analyze_stored(store, article_ids, AnalyzeOptions(processes=jobs), on_done)


def _run_clustering(
    store: Store, articles: list[Article], analyses: dict[str, Analysis], embeddings: Embeddings
) -> list[Story]:
    # Imported here for the same reason as the analysis: start-up time of other commands.
    from newsprism.cluster.batch import StoryOptions, cluster_stored
    from newsprism.cluster.stories import ClusterOptions

    options = StoryOptions(cluster=ClusterOptions(embeddings=embeddings.value))
    with _progress("grouping") as progress:
        task = progress.add_task("articles", total=len(articles))
        return cluster_stored(
            store, articles, analyses, options, on_done=lambda n: progress.advance(task, n)
        )


def _outlets_by_story(store: Store, stories: list[Story]) -> dict[str, list[str]]:
    outlets: dict[str, list[str]] = {}
    for story in stories:
        names = (a.outlet or "?" for a in store.get_articles(story.articles))
        outlets[story.id] = sorted(set(names))
    return outlets


@app.command("stories")
def stories_command(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List stories: title, outlets, article count and time span, most recent first."""
    with _open_store(db) as store:
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
    with _open_store(db) as store:
        story = store.get_story(story_id)
        if story is None:
            _fail(f"no story with id {story_id!r}")
        articles = store.get_articles(story.articles)
    if as_json:
        out.print_json(jsonout.dumps(jsonout.story_to_dict(story)))
    else:
        out.print(terminal.story_panel(story, articles))


def _run_analysis(store: Store, article_ids: list[str], jobs: int) -> dict[str, Analysis]:
    with _progress("analysing") as progress:
        task = progress.add_task("articles", total=len(set(article_ids)))
        return _analyses(store, article_ids, jobs, lambda n: progress.advance(task, n))


@app.command("analyze")
def analyze_command(
    paths: PathsArgument,
    db: DbOption = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="How to print.")
    ] = OutputFormat.terminal,
    out_file: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file.")
    ] = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    fetch_links: FetchLinksOption = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes for analysis.")
    ] = 1,
    embeddings: Annotated[
        Embeddings,
        typer.Option(help="Dense sentence embeddings for grouping: auto uses them if installed."),
    ] = Embeddings.auto,
) -> None:
    """Ingest PATHS, analyse them, group them into stories, and print what newsprism
    found (the main job). Run it again on new articles: they join the stored stories."""
    with _open_store(db) as store:
        report = _run_ingest(
            store, paths, IngestOptions(max_bytes=max_bytes, fetch_links=fetch_links)
        )
        articles = store.get_articles(report.article_ids)
        analyses = _run_analysis(store, [a.id for a in articles], jobs)
        stories = _run_clustering(store, articles, analyses, embeddings)
        outlets = _outlets_by_story(store, stories)
        members = {s.id: store.get_articles(s.articles) for s in stories}
    _report_failures(report)
    console = Console(file=out_file.open("w", encoding="utf-8"), width=100) if out_file else out
    if output_format is OutputFormat.json:
        report_json = jsonout.report_dict(articles, analyses, stories)
        console.file.write(jsonout.dumps(report_json) + "\n")
    else:
        console.print(
            terminal.articles_table(
                articles, title=f"{len(articles)} article{'' if len(articles) == 1 else 's'}"
            )
        )
        for article in articles:
            console.print(
                terminal.article_panel(article, full=False, analysis=analyses.get(article.id))
            )
        for story in stories:
            console.print(terminal.story_panel(story, members[story.id]))
        console.print(terminal.stories_table(stories, outlets))
    if out_file:
        console.file.close()
    if not report.ok:
        raise typer.Exit(EXIT_FAILED_INPUTS)


def main() -> None:
    """Entry point of the ``newsprism`` script."""
    try:
        app()
    except NewsprismError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(EXIT_FAILED_INPUTS)
