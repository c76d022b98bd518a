"""What every ``newsprism`` command shares: the Typer app and its global options, the
consoles, the common options (``--db``, ``--format``, ``--out``, ...), and the helpers
that turn library errors into one clean line on stderr.

The commands themselves live in ``cli_store`` (ingest and the stored articles and
stories), ``cli_briefs`` (analyze, brief, export, verify) and ``cli_watch`` (watch and
serve); :mod:`newsprism.cli` registers them in the order ``--help`` lists them.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text
from typer.core import TyperArgument, TyperOption

from newsprism import __version__
from newsprism.errors import AnalysisFailure, BriefFailure, NewsprismError, NotFound
from newsprism.ingest.unicode import one_line as outlet_words
from newsprism.model import IngestFailure, IngestWarning, Story
from newsprism.render.report import OutputFormat, ReportView, write_report
from newsprism.store import ENV_DB, Store, default_db_path
from newsprism.store_open import IN_MEMORY, Access, unreadable

EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE = 0, 1, 2
_T = TypeVar("_T")

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


def named_outlet(value: str | None) -> str | None:
    """``--outlet`` refused up front when it names nothing: ``--outlet ''`` (an unset
    shell variable, ``--outlet "$SOURCE"``) was silently ignored, so every article took
    the name found in its file, and ``articles --outlet ''`` listed every outlet."""
    if value is not None and not outlet_words(value):
        fail("--outlet: empty outlet name; give one, or leave --outlet out", EXIT_USAGE)
    return value


OutletOption = Annotated[
    str | None,
    typer.Option(
        "--outlet",
        help="The outlet that published every input (over any name found in the files).",
        show_default=False,
        callback=named_outlet,
    ),
]


# Bidirectional overrides and isolates: a file name holding one prints reversed text
# after it ("evil\u202etxt.exe" shows as "evilexe.txt").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def one_line(text: str) -> str:
    """``text`` safe for one line of a terminal: control characters and bidirectional
    overrides written as escapes ("\\n", "\\x1b", "\\u202e"). A file named with a newline
    split its failure line in two, and one holding an escape sequence could rewrite
    the terminal."""
    if text.isprintable():
        return text
    return "".join(_escaped(c) if _is_control(c) else c for c in text)


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS


def _escaped(char: str) -> str:
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    if named:
        return named
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def fail(message: str, code: int = EXIT_FAILED_INPUTS) -> NoReturn:
    err.print(Text.assemble(("error: ", "bold red"), one_line(message)), soft_wrap=True)
    raise typer.Exit(code)


def found(look_up: Callable[[], _T]) -> _T:
    """The story or article ``look_up`` finds (:func:`newsprism.lookup.find_story`, ...),
    or its error as one line. The commands looked ids up through the store directly,
    which took any unique prefix, one character too ("story s" in a one-story store):
    ``export`` refused what ``story`` and ``brief`` took, and a script's short prefix broke
    once a second story shared it. Every command now asks for the lookup's minimum."""
    try:
        return look_up()
    except NotFound as exc:
        fail(str(exc))


@contextmanager
def open_store(db: Path | None, access: Access = "write") -> Iterator[Store]:
    """The store, opened for ``access``: read commands pass ``auto``, so a store they
    cannot write (read-only file, folder or medium) is still read."""
    path = db or default_db_path()
    try:
        with Store(path, access) as store:
            yield store
    except NewsprismError as exc:
        fail(str(exc))
    except sqlite3.DatabaseError as exc:  # a store damaged past its first pages
        # A raw lock error from a write command's body met a write: told "reading it
        # changed nothing", the user was wrong about what the command had done.
        fail(str(unreadable(str(path), exc, met="write" if access == "write" else "read")))


# SQLite's own files beside a store (write-ahead log, shared memory, rollback journal).
_STORE_FILE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def refuse_out_on_store(out_file: Path | None, db: Path | None) -> None:
    """A usage error, before any work, when ``--out`` names the store or one of SQLite's
    files beside it: ``export --all -o news.db`` wrote its CSV over the store ("wrote 148
    rows to news.db"), every article, analysis and brief gone."""
    if out_file is None or (db is not None and str(db) == IN_MEMORY):
        return
    store = (db or default_db_path()).resolve()
    target = out_file.resolve()
    for suffix in _STORE_FILE_SUFFIXES:
        named = store.with_name(store.name + suffix)
        if target == named or _same_file(named, target):
            what = "the store" if not suffix else f"the store's {suffix[1:]} file"
            fail(f"--out {out_file} is {what} ({store}); write elsewhere", EXIT_USAGE)


def _same_file(one: Path, other: Path) -> bool:
    """True when both paths exist and are one file. A path we may not look at (EACCES
    in a folder we cannot search) is no store of ours: ``--out`` into such a folder
    raised PermissionError, reported as "unexpected ...: a bug"; writing there now
    fails, if it does, as a write."""
    try:
        return one.exists() and other.exists() and one.samefile(other)
    except OSError:
        return False


def refuse_memory_store(db: Path | None, what: str) -> None:
    """A usage error for ``--db :memory:`` where the store must outlive the command.
    SQLite makes a new, empty store for each connection to ``:memory:``: the read
    commands showed an empty store and exited 0, ``ingest`` stored into nothing, and
    ``serve`` (one connection a request) lost every upload. ``analyze`` and ``watch``
    keep one connection for their whole run, so they may use it."""
    if db is not None and str(db) == IN_MEMORY:
        fail(
            f"--db {IN_MEMORY}: this command {what}, but an in-memory store is new and "
            "empty for each command and lost after it; give a store file (only analyze "
            "and watch can run on an in-memory store)",
            EXIT_USAGE,
        )


@contextmanager
def read_store(db: Path | None, access: Access = "auto") -> Iterator[Store]:
    """The store of a command that shows what is stored: one that is not there is an
    error, and nothing is made. A mistyped ``--db`` made an empty store (and its
    folders), showed nothing and exited 0. Only the commands that add to the store
    (ingest, analyze, watch, serve) make it."""
    refuse_memory_store(db, "shows what a store holds")
    path = db or default_db_path()
    if not path.exists():
        if db is None:  # a fresh machine: nothing was ever stored
            fail(
                "nothing stored yet: `newsprism ingest` or `newsprism analyze` reads "
                f"articles into the store ({path})"
            )
        fail(
            f"no store at {path} (--db or {ENV_DB}); `newsprism ingest` or "
            "`newsprism analyze` makes it",
            EXIT_USAGE,
        )
    with open_store(path, access) as store:
        yield store


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
    _quiet_third_parties(verbose)  # after basicConfig: it filters the handler made there


# Progress bars and chatter of the dense model's loaders (tqdm, transformers,
# sentence-transformers, huggingface_hub) would land in the middle of a printed brief.
_QUIET_ENV = {
    "TQDM_DISABLE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "TRANSFORMERS_NO_ADVISORY_WARNINGS": "1",
}
_QUIET_LOGGERS = ("transformers", "sentence_transformers", "huggingface_hub", "torch")
# The readers' own warnings and errors name no input ("WARNING trafilatura.core:
# discarding data: None", "ERROR trafilatura.utils: parsed tree length: 1, wrong data
# type or not valid HTML" for a page nested 100,000 deep): the run says what failed, with
# its file, once.
_READER_LOGGERS = ("trafilatura", "htmldate", "warcio")


class _ReadersCriticalOnly(logging.Filter):
    """A handler's filter: of the readers' records (their child loggers' too, which a
    filter on the readers' own loggers never sees) only critical ones pass; the readers
    log their errors at ERROR, naming no file."""

    def filter(self, record: logging.LogRecord) -> bool:
        reader = record.name.partition(".")[0] in _READER_LOGGERS
        return not reader or record.levelno >= logging.CRITICAL


_READERS_ERRORS = _ReadersCriticalOnly()


def _quiet_third_parties(verbose: bool) -> None:
    """Silence third-party progress output and the readers' own warnings unless
    ``--verbose`` (set before they load)."""
    handlers = logging.getLogger().handlers
    for handler in handlers:  # an earlier command in this process may have quieted them
        handler.removeFilter(_READERS_ERRORS)
    if verbose:
        return
    for name, value in _QUIET_ENV.items():
        os.environ.setdefault(name, value)
    for name in (*_QUIET_LOGGERS, *_READER_LOGGERS):
        logging.getLogger(name).setLevel(logging.ERROR)
    for handler in handlers:
        handler.addFilter(_READERS_ERRORS)
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


def progress_bar(verb: str) -> Progress:
    """A transient progress bar on stderr ("reading 12/40 0:00:03"); none when stderr is
    no terminal, where each bar left an empty line (seven in a cron job's mail)."""
    columns = (
        TextColumn(f"[bold blue]{verb}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    return Progress(*columns, console=err, transient=True, disable=not err.is_terminal)


def report_failures(
    failures: Sequence[IngestFailure | AnalysisFailure | BriefFailure],
    size_option: str | None = None,
) -> None:
    """One stderr line per failed input or article: its source and the problem. A
    command that takes ``size_option`` (--max-bytes) names it after a size-limit failure,
    as the option that raises the limit (the reason itself is shared with the web UI
    and the Python API, which have no such option: review s35 r2 L4)."""
    from newsprism.ingest.decode import OVER_SIZE_LIMIT

    for failure in failures:
        line = str(failure)
        if size_option and isinstance(failure, IngestFailure) and OVER_SIZE_LIMIT in line:
            line = f"{line} ({size_option})"
        err.print(Text.assemble(("failed: ", "red"), one_line(line)), soft_wrap=True)


def report_warnings(warnings: Sequence[IngestWarning]) -> None:
    """One stderr line per input that was read only by repairing or guessing something."""
    for warning in warnings:
        err.print(Text.assemble(("warning: ", "yellow"), one_line(str(warning))), soft_wrap=True)


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="How to print.")]


def writable_out(value: Path | None) -> Path | None:
    """``--out`` checked before any work: a run's report once went to a folder, or to a
    folder that does not exist, only after its whole analysis (a traceback, at the end)."""
    if value is None or str(value) == "-":
        # "-" is standard output, as it is standard input for ingest and verify: it
        # wrote a file named "-" in the working folder, and printed nothing.
        return None
    try:
        _check_out(value)
    except OSError as exc:
        # A folder on the way that we may not search (EACCES): is_dir() and exists()
        # raise, and "unexpected PermissionError: a bug" was all the user saw.
        raise typer.BadParameter(f"{value}: cannot write there ({exc.strerror or exc})") from None
    return value


def _check_out(value: Path) -> None:
    """Raise :class:`typer.BadParameter` for an ``--out`` that names a folder, lies in
    none, or cannot be written."""
    folder = value.absolute().parent
    if value.is_dir():
        raise typer.BadParameter(f"{value} is a folder; give a file name")
    if not folder.is_dir():
        # A file standing where the folder should be was said not to exist.
        if folder.exists():
            raise typer.BadParameter(f"{value}: {folder} is a file, not a folder")
        raise typer.BadParameter(f"{value}: folder {folder} does not exist")
    # A file that exists and is writable is accepted in a read-only folder: it is then
    # rewritten in place (render.report.replacing), as /dev/null or a FIFO always is.
    writable = os.access(value, os.W_OK) if value.exists() else os.access(folder, os.W_OK)
    if not writable:
        raise typer.BadParameter(f"{value}: cannot write there")


OutFileOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="Write to this file (- or none: standard output).",
        callback=writable_out,
    ),
]


@contextmanager
def stdout_pipe() -> Iterator[None]:
    """Output a reader may stop taking (``newsprism export ... | head``): a closed pipe
    ends the command quietly with status 1, as Click and Rich end it, with no error line
    ("error: standard output: cannot write (Broken pipe)" was printed) and no traceback.
    Standard output is flushed inside, so a pipe closed while the last rows sat in its
    buffer is seen here, not by Python at exit ("Exception ignored ...")."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_to_devnull()
        raise typer.Exit(EXIT_FAILED_INPUTS) from None


def _stdout_to_devnull() -> None:
    """What is left in standard output's buffer goes nowhere at exit (Python's own
    recipe for SIGPIPE); a stream with no file descriptor (a test's) keeps it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


def print_report(output_format: OutputFormat, out_file: Path | None, view: ReportView) -> None:
    try:
        with stdout_pipe():
            write_report(out, output_format, out_file, view)
    except OSError as exc:  # the disk filled, the folder went away since the check
        fail(f"{out_file or 'standard output'}: cannot write the report ({exc.strerror or exc})")


EmbeddingsOption = Annotated[
    Embeddings,
    typer.Option(
        help="Dense sentence embeddings (grouping, statements, summary): auto uses "
        "them if installed."
    ),
]


def outlets_of(store: Store, stories: list[Story]) -> dict[str, str]:
    ids = [a for s in stories for a in s.articles]
    return {a.id: a.outlet or "?" for a in store.get_articles(ids)}
