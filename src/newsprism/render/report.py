"""A report of articles and the briefs of their stories, in the format a user asked for.

The CLI's ``analyze`` and ``brief`` commands build a :class:`ReportView` and hand it
to :func:`write_report`, which prints Rich panels to a console or writes Markdown,
JSON or HTML text to stdout or a file.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from rich.console import Console, RenderableType
from rich.text import Text

from newsprism.errors import AnalysisFailure, BriefFailure
from newsprism.model import Analysis, Article, Brief, IngestFailure, Story
from newsprism.render import jsonout, terminal
from newsprism.render.bidi import BidiSafe
from newsprism.render.lists import MAX_NAMES, capped

logger = logging.getLogger(__name__)

# A run of more stories than this, printed to a terminal, shows a summary instead of
# every brief (all go to ``--out``, to a file or a pipe): 10,000 tiny articles flooded
# the terminal with 11 MB of panels. 50 keeps a day's run of a dozen feeds in full (at
# 10, twelve one-line articles on twelve topics lost every brief), and a screenful of
# panels per story is what a terminal reader can still scroll back through.
TERMINAL_BRIEFS = 50
# Rows of that summary's stories (most articles first) and failures: about a screen.
SUMMARY_ROWS = 20


class OutputFormat(StrEnum):
    terminal = "terminal"
    md = "md"
    json = "json"
    html = "html"


def write_report(
    console: Console,
    output_format: OutputFormat,
    out_file: Path | None,
    view: ReportView,
) -> None:
    """Print (or write to ``out_file``) the articles and briefs in the chosen format."""
    if output_format is OutputFormat.terminal:
        if out_file is None:
            large = _on_terminal(console) and len(view.briefs) > TERMINAL_BRIEFS
            _print_terminal(console, view, whole=not large)
            return
        with replacing(out_file) as target, target.open("w", encoding="utf-8") as handle:
            _print_terminal(Console(file=handle, width=100), view, whole=True)
        return
    text = _formatted(output_format, view)
    if out_file:
        with replacing(out_file) as target:
            target.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@contextmanager
def replacing(out_file: Path) -> Iterator[Path]:
    """The path to write ``out_file`` through: a temporary file beside it, renamed over
    it once the block ends without error (removed when it fails). A report written in
    place and cut short (a full disk, a killed run) left a truncated file, the previous
    one lost. A special file (/dev/null, a FIFO) is written directly, as is a file in a
    folder where no file can be made beside it (it can still be rewritten in place).
    A link is followed to the file it names, but a link to a special file is written
    through as it is: ``--out /dev/stdout`` resolved to ``/proc/PID/fd/pipe:[N]``, which
    no path opens ("No such file or directory")."""
    if _special(out_file):
        yield out_file
        return
    target = out_file.resolve() if out_file.is_symlink() else out_file
    if not _replaceable(target):
        yield target
        return
    handle, name = tempfile.mkstemp(dir=target.absolute().parent, prefix=f".{target.name}.")
    os.close(handle)
    temporary = Path(name)
    try:
        temporary.chmod(_mode_for(target))
        yield temporary
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _special(path: Path) -> bool:
    """Whether ``path`` (its links followed) is there and no regular file."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False


def _replaceable(target: Path) -> bool:
    try:
        if not stat.S_ISREG(target.stat().st_mode):
            return False
    except FileNotFoundError:
        pass
    return os.access(target.absolute().parent, os.W_OK)


def _mode_for(target: Path) -> int:
    """The permissions the file would have had if written in place: its own when it
    exists, else the usual ones under the umask (mkstemp makes a file only its owner
    can read)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _formatted(output_format: OutputFormat, view: ReportView) -> str:
    from newsprism.render import html, markdown

    if output_format is OutputFormat.json:
        data = jsonout.report_dict(view.articles, view.analyses, view.briefs, view.failures)
        return jsonout.dumps(data) + "\n"
    if output_format is OutputFormat.md:
        return markdown.report_markdown(view.briefs, view.outlets, view.failure_dicts())
    return html.report_html(view.briefs, view.outlets, view.failure_dicts())


def _on_terminal(console: Console) -> bool:
    """Whether ``console`` prints to a terminal: a summary only spares a terminal's
    scroll-back; ``analyze dir > today.txt`` or ``| less`` keeps every brief."""
    return console.is_terminal


def _print_terminal(console: Console, view: ReportView, *, whole: bool) -> None:
    """Every article, brief and story; or, for a run of many stories printed to the
    terminal (``whole`` false), a summary of them with where to find the rest."""
    from newsprism.render import briefs as brief_views

    def show(renderable: RenderableType) -> None:
        console.print(BidiSafe(renderable))  # article text cannot reorder a row

    if whole:
        articles = terminal.counted(len(view.articles), "article")
        show(terminal.articles_table(view.articles, articles))
    if view.show_articles:
        for article in view.articles:
            analysis = view.analyses.get(article.id)
            show(terminal.article_panel(article, full=False, analysis=analysis))
    if not whole:
        _print_summary(show, view)
        return
    for brief in view.briefs:
        show(brief_views.brief_panel(brief, view.outlets))
    stories = [b.story for b in view.briefs]
    show(terminal.stories_table(stories, _outlet_names(stories, view.outlets)))
    if view.failures:
        show(terminal.failures_table(view.failure_dicts()))


def _print_summary(show: Callable[[RenderableType], None], view: ReportView) -> None:
    """A large run on the terminal: its counts, the stories with most articles, the
    first failures, and the commands that show the rest. 10,000 tiny articles printed
    11 MB of briefs, and the stories table and failures were lost above them."""
    stories = sorted((b.story for b in view.briefs), key=lambda s: -len(s.articles))
    outlets = {view.outlets.get(a.id) or a.outlet or "?" for a in view.articles}
    show(
        Text(
            f"{terminal.counted(len(view.articles), 'article')} from "
            f"{terminal.counted(len(outlets), 'outlet')}, in "
            f"{terminal.counted(len(stories), 'story', 'stories')}",
            style="bold",
        )
    )
    shown, left = capped(stories, SUMMARY_ROWS)
    show(terminal.stories_table(shown, _outlet_names(shown, view.outlets), max_names=MAX_NAMES))
    if left:
        show(Text(f"… and {left:,} more stories: `newsprism stories` lists the stored ones"))
    failures = view.failure_dicts()
    if failures:
        first, unshown = capped(failures, SUMMARY_ROWS)
        show(terminal.failures_table(first, total=len(failures)))
        if unshown:
            show(Text(f"… and {unshown:,} more failures, each on a line of stderr above"))
    show(
        Text(
            f"Briefs are printed to a terminal for a run of up to {TERMINAL_BRIEFS} stories "
            "(to a file or a pipe, for any run). "
            "`newsprism brief STORY_ID` shows one; `--out FILE` writes them all "
            "(with `--format md`, `html`, `json` or `terminal`)."
        )
    )


def _outlet_names(stories: Sequence[Story], outlets: dict[str, str]) -> dict[str, list[str]]:
    return {s.id: sorted({outlets.get(a, "?") for a in s.articles}) for s in stories}


@dataclass(frozen=True)
class ReportView:
    """What a report shows: the articles asked about, their analyses, the briefs of
    their stories, and each article's outlet."""

    articles: list[Article]
    analyses: dict[str, Analysis]
    briefs: list[Brief]
    outlets: dict[str, str]
    show_articles: bool = False
    failures: Sequence[IngestFailure | AnalysisFailure | BriefFailure] = ()

    def failure_dicts(self) -> list[dict[str, Any]]:
        return [jsonout.failure_to_dict(f) for f in self.failures]
