"""The ``newsprism`` command line (Typer + Rich).

Each command parses its arguments, calls one library function, and turns library
errors into one clean line on stderr. Exit codes: 0 ok, 1 some inputs failed (the
others were still stored), 2 usage error (Click's own code for bad arguments); a closed
output pipe (``| head``) ends a command quietly with 1, as Click and Rich end it.

The commands are written in ``cli_store``, ``cli_briefs`` and ``cli_watch`` over the
shared options and helpers of ``cli_base``; this module registers them, in the order
``--help`` lists them.
"""

from __future__ import annotations

import inspect
import logging
import sys
import traceback
from collections.abc import Callable

from rich.text import Text

from newsprism.cli_base import EXIT_FAILED_INPUTS, app, err, one_line
from newsprism.cli_briefs import analyze_command, brief_command, export_command, verify_command
from newsprism.cli_store import (
    article_command,
    articles_command,
    ingest_command,
    stories_command,
    story_command,
)
from newsprism.cli_watch import serve_command, watch_command
from newsprism.errors import NewsprismError

__all__ = ["app", "main"]

# Longest exception text in the one line of an unexpected error.
_MAX_MESSAGE = 300


def _short_help(command: Callable[..., None]) -> str:
    """The first paragraph of a command's docstring on one line: the command list of
    ``--help`` kept the docstring's own line breaks ("cross-check each story:" then
    "the main job." on a line of its own)."""
    first = inspect.cleandoc(command.__doc__ or "").split("\n\n")[0]
    return " ".join(first.split())


for _name, _command in (
    ("ingest", ingest_command),
    ("articles", articles_command),
    ("article", article_command),
    ("stories", stories_command),
    ("story", story_command),
    ("analyze", analyze_command),
    ("brief", brief_command),
    ("serve", serve_command),
    ("export", export_command),
    ("watch", watch_command),
    ("verify", verify_command),
):
    app.command(_name, short_help=_short_help(_command))(_command)


def main() -> None:
    """Entry point of the ``newsprism`` script."""
    try:
        app()
    except SystemExit as exc:
        if _interrupted(exc):
            err.print(
                "interrupted: what was already stored is kept; run the command again to finish",
                markup=False,
                highlight=False,
            )
        raise
    except NewsprismError as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        sys.exit(EXIT_FAILED_INPUTS)
    except Exception as exc:  # the last line of defence: one line, not a traceback
        _unexpected(exc)
        sys.exit(EXIT_FAILED_INPUTS)


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
