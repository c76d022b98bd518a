"""The ``newsprism`` command line (Typer + Rich).

Each command parses its arguments, calls one library function, and turns library
errors into one clean line on stderr. Exit codes: 0 ok, 1 some inputs failed (the
others were still stored), 2 usage error (Click's own code for bad arguments), 130
interrupted (Ctrl-C); a closed output pipe (``| head``) ends a command quietly with 1,
as Click and Rich end it.

The commands are written in ``cli_store``, ``cli_briefs`` and ``cli_watch`` over the
shared options and helpers of ``cli_base`` and registered by ``cli_commands``. This
module, the script's entry point, imports nothing heavy at its top: the script imports
it before ``main`` runs, and a Ctrl-C during Typer's, Rich's or spaCy's imports (a second
or two) printed a Python traceback instead of the line a Ctrl-C during a command gives.
"""

from __future__ import annotations

import sys

# Not `from typing import TYPE_CHECKING`: typing (and collections, re, enum) took
# ~0.05 s to import before the CLI's Ctrl-C handling was in place, and a Ctrl-C then
# printed a traceback. Type checkers read this name as `typing.TYPE_CHECKING`.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from typer import Typer

    app: Typer

__all__ = ["app", "main"]

# Longest exception text in the one line of an unexpected error.
_MAX_MESSAGE = 300

# Exit status of a command ended by Ctrl-C: 128 + SIGINT, as shells and Typer report it.
EXIT_INTERRUPTED = 130

INTERRUPTED = "interrupted: what was already stored is kept; run the command again to finish"


def main() -> None:
    """Entry point of the ``newsprism`` script."""
    try:
        _run(_app())
    except KeyboardInterrupt:
        # During the imports (Rich may not be loaded yet: a plain line, nothing was
        # started) or after the command, before its exit: the same line.
        sys.stderr.write(INTERRUPTED + "\n")
        sys.exit(EXIT_INTERRUPTED)


def _app() -> Typer:
    """The Typer app with every command; an ``app`` set on this module (a test's stand-in,
    an embedding program's) wins."""
    from newsprism.cli_commands import app

    found: Typer = globals().get("app", app)
    return found


def _run(app: Typer) -> None:
    """Run the command line, turning any error into one line on stderr."""
    from newsprism.cli_base import EXIT_FAILED_INPUTS, err
    from newsprism.errors import NewsprismError

    try:
        app()
    except SystemExit as exc:
        if _interrupted(exc):
            err.print(INTERRUPTED, markup=False, highlight=False)
        raise
    except NewsprismError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(EXIT_FAILED_INPUTS)
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if isinstance(exc, OSError) and _writing_output(exc):
            reason = exc.strerror or str(exc)
            err.print(f"error: standard output: cannot write ({reason})", markup=False)
        else:
            _unexpected(exc)
        sys.exit(EXIT_FAILED_INPUTS)


def _writing_output(exc: OSError) -> bool:
    """Whether ``exc`` was raised writing the command's output to standard output (a
    full disk: ``newsprism stories > /dev/full`` read "unexpected OSError ...: a bug").
    A closed pipe is not one: it ends quietly where the output is written."""
    from newsprism.cli_base import out

    if isinstance(exc, BrokenPipeError):
        return False
    frame = exc.__traceback__
    while frame is not None:
        owner = frame.tb_frame.f_locals.get("self")
        if owner is out or _stdout_console(owner):
            return True
        frame = frame.tb_next
    return False


def _stdout_console(owner: object) -> bool:
    """Whether ``owner`` is a Rich console writing to standard output: Typer's help
    (``--help > /dev/full``) is printed through its own, not ``out``, and read
    "unexpected OSError ...: a bug"."""
    from rich.console import Console

    return isinstance(owner, Console) and owner.file is sys.stdout


def _interrupted(exc: BaseException) -> bool:
    """Whether Ctrl-C ended the command: Typer turns a KeyboardInterrupt into exit status
    130 without a word, which read as a silent crash; the store's writes are transactions,
    so an interrupted one is rolled back and what was committed before stays."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _unexpected(exc: Exception) -> None:
    """One stderr line for an error nobody raised on purpose (a bug, or a store damaged
    in a way no reader checks: a story row whose JSON is cut short ended ``stories`` in a
    40-line traceback); the traceback itself with ``--verbose``, for a bug report."""
    import logging
    import traceback

    from rich.text import Text

    from newsprism.cli_base import err, one_line

    if logging.getLogger().isEnabledFor(logging.INFO):  # --verbose
        err.print(Text("".join(traceback.format_exception(exc)).rstrip()), soft_wrap=True)
    what = " ".join(str(exc).split())[:_MAX_MESSAGE] or "no message"
    err.print(
        Text.assemble(
            ("error: ", "bold red"),
            one_line(f"unexpected {type(exc).__name__} ({what}): a bug, or a damaged store; "),
            "run again with --verbose for the details to report",
        ),
        soft_wrap=True,
    )


def __getattr__(name: str) -> Any:
    # Lazy, for the reason in the module's docstring: `from newsprism.cli import app`
    # (tests, embedding programs) still gets the Typer app with every command.
    if name == "app":
        from newsprism.cli_commands import app

        return app
    raise AttributeError(f"module 'newsprism.cli' has no attribute {name!r}")
