"""``newsprism`` commands that cross-check stories: ``analyze`` (the main job),
``brief``, ``export`` and ``verify``."""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import Progress

from newsprism.cli_base import (
    EXIT_FAILED_INPUTS,
    EXIT_USAGE,
    DbOption,
    Embeddings,
    EmbeddingsOption,
    FetchLinksOption,
    FormatOption,
    MaxBytesOption,
    OutFileOption,
    OutletOption,
    PathsArgument,
    err,
    fail,
    found,
    open_store,
    out,
    outlets_of,
    print_report,
    progress_bar,
    read_store,
    refuse_out_on_store,
    report_failures,
    report_warnings,
    stdout_pipe,
)
from newsprism.errors import InputError, NewsprismError
from newsprism.ingest import IngestOptions
from newsprism.ingest.pipeline import DEFAULT_MAX_BYTES
from newsprism.lookup import find_story
from newsprism.reconcile.unanalysed import is_analysed
from newsprism.render import jsonout, terminal
from newsprism.render.bidi import BidiSafe
from newsprism.render.report import OutputFormat, ReportView, replacing
from newsprism.store_notes import empty_store_note

# The longest summary the command verifies. A summary is checked sentence by sentence
# against every source sentence: a 200,000-character one ran 3 minutes and took 0.9 GB
# here, a 5 MB one over 2 minutes without an answer (crash hunt, stop 37). A long digest
# is a few thousand characters; the web API stops at 20,000.
MAX_SUMMARY_CHARS = 50_000

if TYPE_CHECKING:
    from newsprism.engine import Engine
    from newsprism.engine.base import ProgressFactory
    from newsprism.model import IngestWarning
    from newsprism.store import Store


class EngineChoice(StrEnum):
    local = "local"
    dask = "dask"


def _engine(choice: EngineChoice, scheduler: str | None, workers: int | None) -> Engine | None:
    """The engine the options name (None: the local one); a usage error for options
    that only the dask engine takes, or that contradict each other."""
    if choice is EngineChoice.local:
        if scheduler is not None or workers is not None:
            fail("--scheduler and --workers need --engine dask", EXIT_USAGE)
        return None
    if scheduler is not None and workers is not None:
        fail("--workers sizes a local cluster; a --scheduler has its own workers", EXIT_USAGE)
    from newsprism.engine.dask import DaskEngine

    return DaskEngine(scheduler=scheduler, workers=workers)


@contextmanager
def _stage_bars() -> Iterator[ProgressFactory]:
    """The flow's progress callbacks as transient bars, one per stage in turn."""
    shown: list[Progress] = []

    def start(verb: str, total: int) -> Callable[[int], None]:
        if shown:
            shown.pop().stop()
        bar = progress_bar(verb)
        bar.start()
        shown.append(bar)
        task = bar.add_task("items", total=total)
        return lambda n: bar.advance(task, n)

    try:
        yield start
    finally:
        if shown:
            shown.pop().stop()


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

    _check_out_is_no_input(out_file, paths)
    refuse_out_on_store(out_file, db)
    told: list[IngestWarning] = []

    def tell(warning: IngestWarning) -> None:
        report_warnings([warning])
        told.append(warning)

    flow = FlowOptions(
        ingest=IngestOptions(max_bytes=max_bytes, fetch_links=fetch_links, outlet=outlet),
        jobs=jobs,
        embeddings=embeddings.value,
        engine=_engine(engine, scheduler, workers),
        on_warning=tell,
    )
    with open_store(db) as store:
        with _stage_bars() as bars:
            run = analyze_paths(store, paths, flow, bars)
        outlets = outlets_of(store, run.stories)
    failures = run.failures
    report_warnings(_untold(run.report.warnings, told))
    report_failures(failures, "--max-bytes")
    view = ReportView(run.articles, run.analyses, run.briefs, outlets, show_articles, failures)
    print_report(output_format, out_file, view)
    if failures:
        raise typer.Exit(EXIT_FAILED_INPUTS)


def _untold(warnings: list[IngestWarning], told: list[IngestWarning]) -> list[IngestWarning]:
    """The warnings not yet printed (each is printed as the run tells it, before the
    analysis; the rest after it)."""
    printed = {id(warning) for warning in told}
    return [warning for warning in warnings if id(warning) not in printed]


def _check_out_is_no_input(out_file: Path | None, paths: list[str]) -> None:
    """A usage error when ``--out`` names one of the input files, or a file inside an
    input folder: the report overwrote the article it was read from, and the next run
    read the report as an article. A new file inside an input folder is refused too: it
    was written once, and the same command then failed on every later run ("one of the
    inputs")."""
    if out_file is None:
        return
    target = out_file.resolve()
    for value in paths:
        if value == "-" or "://" in value:
            continue
        named = glob.glob(value) if set(value) & set("*?[") else [value]  # noqa: PTH207
        inside = [p for p in named if _is_input(Path(p), out_file, target)]
        if inside and out_file.exists():
            fail(f"--out {out_file} is one of the inputs; write the report elsewhere", EXIT_USAGE)
        if inside:
            fail(
                f"--out {out_file} is inside the input folder {inside[0]}, where the next run"
                " would read the report as an article; write it elsewhere",
                EXIT_USAGE,
            )


def _is_input(named: Path, out_file: Path, target: Path) -> bool:
    """Whether ``out_file`` (resolved: ``target``) is the file ``named`` or lies under
    the folder ``named`` (which analyze reads through)."""
    if named.is_dir():
        return target.is_relative_to(named.resolve())
    return named.is_file() and out_file.exists() and named.samefile(out_file)


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

    refuse_out_on_store(out_file, db)
    with read_store(db) as store:
        story = found(lambda: find_story(store, story_id))
        material = material_of(store, story)
        brief = StoredBriefs(BriefOptions(embeddings=embeddings.value)).get(store, story, material)
        outlets = outlets_of(store, [story])
        failures = store.analysis_failures(story.articles)
    articles = list(material.articles)
    view = ReportView(articles, dict(material.analyses), [brief], outlets, failures=failures)
    print_report(output_format, out_file, view)


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
    raw_csv: Annotated[
        bool,
        typer.Option(
            "--raw-csv",
            help="Write CSV cells as they are. By default a text cell that starts with "
            "= + - @, a tab or a carriage return (and is no plain number) gets a leading ' "
            "so a spreadsheet does not run it as a formula.",
        ),
    ] = False,
) -> None:
    """Write one table of stories' briefs (one row per passage, with outlet, article and
    span) as CSV, JSON Lines or Parquet, for spreadsheets, pandas or R."""
    from newsprism.export import ExportOptions, export_stories

    if bool(story_ids) == all_stories:
        fail("give story ids or --all (not both)", EXIT_USAGE)
    if export_format.value == "parquet" and out_file is None:  # a usage error, before any work
        fail("parquet is a binary format: give a file with --out FILE", EXIT_USAGE)
    refuse_out_on_store(out_file, db)
    with read_store(db, "write") as store, progress_bar("cross-checking") as progress:
        options = ExportOptions(embeddings.value, _progress_factory(progress), raw_csv=raw_csv)
        keys = None if all_stories else story_ids
        try:
            with stdout_pipe(), _export_target(out_file) as target:
                fmt = export_format.value
                rows = export_stories(store, keys, table.value, fmt, target, options)
        except NewsprismError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{out_file or 'standard output'}: cannot write ({exc.strerror or exc})")
        if all_stories and not rows and not store.count_stories():  # a header said nothing
            note = empty_store_note(store.count_articles(), "cli")
            err.print(note, markup=False, highlight=False, soft_wrap=True)
        elif not rows:  # a header alone, or nothing at all, said nothing
            # --all too: over stored stories none of whose briefs holds the table's items,
            # an empty JSON Lines output said nothing (stop 43's audit).
            named = story_ids or [s.id for s in store.list_stories(store.count_stories())]
            note = _empty_export_note(store, named, table.value)
            err.print(note, markup=False, highlight=False, soft_wrap=True)
    if out_file is not None:
        err.print(f"wrote {terminal.counted(rows, 'row')} to {out_file}", markup=False)


def _empty_export_note(store: Store, story_ids: list[str], table: str) -> str:
    """Why an export of named stories wrote no row: their briefs hold no such item, and,
    where it applies, how many of their articles the analysis did not read (another
    language), so an empty file is not read as 'nobody quoted, no figure given'."""
    ids = {a for key in story_ids for a in find_story(store, key).articles}
    articles = store.get_articles(sorted(ids))
    unread = [a for a in articles if a.language and not is_analysed(a)]
    note = f"note: no {table} rows: the stories' briefs hold none"
    if unread:
        languages = ", ".join(sorted({a.language or "" for a in unread}))
        note += (
            f"; {len(unread)} of their {len(articles)} articles are not analysed "
            f"(language {languages}: the analysis reads English only)"
        )
    return note


@contextmanager
def _export_target(out_file: Path | None) -> Iterator[Path | None]:
    """Where the export writes: standard output, or a temporary file renamed over
    ``--out`` once every row is written (see :func:`replacing`)."""
    if out_file is None:
        yield None
        return
    with replacing(out_file) as target:
        yield target


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

    if summary_file == "-" and sys.stdin is None:  # started with stdin closed (<&-)
        fail("-: standard input is closed: no summary to read", EXIT_USAGE)
    try:
        if summary_file == "-":
            data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
        else:
            with Path(summary_file).open("rb") as handle:
                data = handle.read(DEFAULT_MAX_BYTES + 1)
    except OSError as exc:
        fail(f"{summary_file}: cannot read the summary ({exc.strerror or exc})")
    if len(data) > DEFAULT_MAX_BYTES:
        fail(f"{summary_file}: the summary is over {DEFAULT_MAX_BYTES:,} bytes")
    if not data.strip():
        return ""
    try:
        decoded = decode(data, summary_file)
    except NewsprismError as exc:  # one shape for every summary failure: file, then reason
        reason = exc.reason if isinstance(exc, InputError) else str(exc)
        fail(f"{summary_file}: cannot read the summary ({reason})")
    if decoded.warning:
        err.print(f"warning: {summary_file}: {decoded.warning}", markup=False, highlight=False)
    # Line endings as text mode read them before (universal newlines): a summary with
    # Windows or old Mac endings still has one sentence per line.
    text = decoded.text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


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
        fail(f"{summary_file}: the summary is empty")
    if len(text) > MAX_SUMMARY_CHARS:
        fail(
            f"{summary_file}: the summary is {len(text):,} characters, over the "
            f"{MAX_SUMMARY_CHARS:,} verified at once (verify it in parts)"
        )
    with read_store(db) as store:
        story = found(lambda: find_story(store, story_id))
        material = material_of(store, story)
        stored = StoredBriefs(BriefOptions(embeddings=embeddings.value))
        brief = stored.get(store, story, material)
    verification = Verifier(stored.reconciler.similarity).verify(material, brief, text)
    with stdout_pipe():
        if output_format is VerifyFormat.json:
            sys.stdout.write(jsonout.dumps(verification.to_dict()) + "\n")
        elif output_format is VerifyFormat.md:
            sys.stdout.write(verify_view.verification_markdown(verification))
        else:
            out.print(BidiSafe(verify_view.verification_panel(verification)))
