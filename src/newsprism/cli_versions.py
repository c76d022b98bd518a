"""``newsprism versions``: the texts an article was read with, and what changed between
them (a page read again after its outlet edited it: :mod:`newsprism.store_versions`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from newsprism.cli_base import EXIT_USAGE, DbOption, fail, found, out, read_store
from newsprism.lookup import find_article
from newsprism.render import jsonout
from newsprism.render.bidi import BidiSafe
from newsprism.store_versions import ArticleVersion

logger = logging.getLogger(__name__)

__all__ = ["versions_command"]


def versions_command(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="An article id (or a unique prefix of one).")
    ],
    db: DbOption = None,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show what changed (a unified diff of the text).")
    ] = False,
    old: Annotated[
        int | None,
        typer.Option("--from", help="Diff from this version (default: the one before --to)."),
    ] = None,
    new: Annotated[
        int | None, typer.Option("--to", help="Diff to this version (default: the newest).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the versions of an article: each text it was read with, when, its length and
    SHA-256, which one is current; --diff shows what an edit changed."""
    want_diff = diff or old is not None or new is not None
    article, versions, shown = _versions(db, article_id, want_diff, old, new)
    if as_json:
        data: dict[str, Any] = {"article_id": article, "versions": [v.as_dict() for v in versions]}
        if shown is not None:
            data["diff"] = shown
        out.print_json(jsonout.dumps(data))
        return
    out.print(BidiSafe(_table(article, versions)))
    if shown is not None:
        # As plain text: a diff's '[' and '-' are not markup.
        out.print(Text(shown or "(no change)\n", end=""), soft_wrap=True)


def _versions(
    db: Path | None, key: str, want_diff: bool, old: int | None, new: int | None
) -> tuple[str, list[ArticleVersion], str | None]:
    """The article's id, its versions, and the diff asked for (None: none asked)."""
    with read_store(db) as store:
        article = found(lambda: find_article(store, key)).id
        versions = store.article_versions(article)
        if not want_diff:
            return article, versions, None
        last = versions[-1].number
        to = new if new is not None else last
        since = old if old is not None else max(to - 1, 1)
        shown = store.version_diff(article, since, to)
    if shown is None:
        missing = next((n for n in (since, to) if not 1 <= n <= last), to)
        fail(f"article {article[:10]} has versions 1 to {last}: no version {missing}", EXIT_USAGE)
    return article, versions, shown


def _table(article: str, versions: list[ArticleVersion]) -> Table:
    table = Table(title=f"Versions of article {article[:10]}")
    for column in ("#", "read at", "characters", "sha256", "current", "title / note"):
        table.add_column(column)
    for v in versions:
        table.add_row(
            str(v.number),
            v.read_at.isoformat(timespec="seconds"),
            str(v.characters),
            v.text_hash[:12],
            "yes" if v.current else "",
            Text(" | ".join(x for x in (v.title, v.note) if x)),
        )
    return table
