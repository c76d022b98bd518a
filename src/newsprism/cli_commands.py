"""The commands of the ``newsprism`` command line, registered on the Typer app in the
order ``--help`` lists them.

Importing this module loads Typer, Rich and the store and ingest stack (a second or
two), which is why :mod:`newsprism.cli`, the script's entry point, imports it only inside
``main``, where a Ctrl-C during those imports is caught like one during a command.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

from newsprism.cli_base import app
from newsprism.cli_briefs import analyze_command, brief_command, export_command, verify_command
from newsprism.cli_store import (
    article_command,
    articles_command,
    ingest_command,
    stories_command,
    story_command,
)
from newsprism.cli_versions import versions_command
from newsprism.cli_watch import serve_command, watch_command

__all__ = ["app"]


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
    ("versions", versions_command),
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
