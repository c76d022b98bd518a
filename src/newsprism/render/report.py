"""A report of articles and the briefs of their stories, in the format a user asked for.

The CLI's ``analyze`` and ``brief`` commands build a :class:`ReportView` and hand it
to :func:`write_report`, which prints Rich panels to a console or writes Markdown,
JSON or HTML text to stdout or a file.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from rich.console import Console

from newsprism.errors import AnalysisFailure, BriefFailure
from newsprism.model import Analysis, Article, Brief, IngestFailure, Story
from newsprism.render import jsonout, terminal


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
            _print_terminal(console, view)
            return
        with out_file.open("w", encoding="utf-8") as handle:
            _print_terminal(Console(file=handle, width=100), view)
        return
    text = _formatted(output_format, view)
    if out_file:
        out_file.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _formatted(output_format: OutputFormat, view: ReportView) -> str:
    from newsprism.render import html, markdown

    if output_format is OutputFormat.json:
        data = jsonout.report_dict(view.articles, view.analyses, view.briefs, view.failures)
        return jsonout.dumps(data) + "\n"
    if output_format is OutputFormat.md:
        return markdown.report_markdown(view.briefs, view.outlets, view.failure_dicts())
    return html.report_html(view.briefs, view.outlets, view.failure_dicts())


def _print_terminal(console: Console, view: ReportView) -> None:
    from newsprism.render import briefs as brief_views

    console.print(
        terminal.articles_table(view.articles, terminal.counted(len(view.articles), "article"))
    )
    if view.show_articles:
        for article in view.articles:
            analysis = view.analyses.get(article.id)
            console.print(terminal.article_panel(article, full=False, analysis=analysis))
    for brief in view.briefs:
        console.print(brief_views.brief_panel(brief, view.outlets))
    stories = [b.story for b in view.briefs]
    console.print(terminal.stories_table(stories, _outlet_names(stories, view.outlets)))
    if view.failures:
        console.print(terminal.failures_table(view.failure_dicts()))


def _outlet_names(stories: list[Story], outlets: dict[str, str]) -> dict[str, list[str]]:
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
