"""Terminal views with Rich: tables and panels that read well at 100 columns.

Every string from an article is untrusted: it is passed to Rich as ``Text`` (never as
markup), so a title holding ``[bold]`` or escape codes prints as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprism.copy_outlets import uncounted_articles
from newsprism.ingest.batch import IngestReport
from newsprism.ingest.language import ANALYSED_LANGUAGES
from newsprism.model import Analysis, Article, Story
from newsprism.render import lists
from newsprism.render.jsonout import failures_heading

# Paragraphs of each article shown by ``analyze``; the rest is counted, not printed.
PREVIEW_PARAGRAPHS = 2
SHORT_ID = 10


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "3 articles": a count with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def _when(article: Article) -> str:
    return article.published.strftime("%Y-%m-%d %H:%M %z") if article.published else "undated"


# Listing rows show a title this long at most: headlines run under 150 characters, and a
# page whose <title> held its whole first paragraphs (6,000 characters, invented) filled
# 150 lines of `newsprism stories` for one row. The article and brief views show it all.
LISTED_TITLE_CHARS = 200


def listed_title(title: str | None, style: str = "") -> Text:
    """A title for one row of a listing: cut at a word before LISTED_TITLE_CHARS, with
    an ellipsis, when longer."""
    if not title:
        return Text("(untitled)", style=style)
    if len(title) <= LISTED_TITLE_CHARS:
        return Text(title, style=style)
    cut = title[:LISTED_TITLE_CHARS]
    space = cut.rfind(" ")
    shown = (cut[:space] if space > LISTED_TITLE_CHARS // 2 else cut).rstrip()
    return Text(shown + "…", style=style)


def articles_table(articles: Sequence[Article], title: str = "Articles") -> Table:
    """One row per article: id, outlet, date, language, words, title."""
    table = Table(title=title, box=box.SIMPLE_HEAVY, header_style="bold cyan", expand=True)
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("outlet", style="magenta", max_width=20, no_wrap=True, overflow="ellipsis")
    table.add_column("published", no_wrap=True)
    table.add_column("lang", justify="center")
    table.add_column("words", justify="right")
    table.add_column("title", ratio=1)
    for article in articles:
        table.add_row(
            Text(article.id[:SHORT_ID]),
            Text(article.outlet or "?"),
            article.published.strftime("%Y-%m-%d %H:%M") if article.published else "undated",
            Text(article.language or "?"),  # a feed's own field, as untrusted as its text
            str(article.word_count),
            listed_title(article.title),
        )
    return table


def _metadata(article: Article) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    fields = [
        ("id", article.id),
        ("source", article.source),
        ("url", article.url),
        ("outlet", article.outlet),
        ("credit", article.credit),
        ("byline", article.byline),
        ("published", _when(article)),
        ("language", article.language),
        ("words", str(article.word_count)),
    ]
    for name, value in fields:
        if value:
            grid.add_row(name, Text(value))
    return grid


def _body(article: Article, limit: int | None) -> Text:
    paragraphs = article.paragraphs
    headings = {h.before_paragraph: h.text for h in article.headings}
    shown = paragraphs if limit is None else paragraphs[:limit]
    body = Text()
    for index, paragraph in enumerate(shown):
        if index in headings:
            body.append(headings[index] + "\n", style="bold underline")
        body.append(paragraph + ("\n\n" if index < len(shown) - 1 else ""))
    if limit is not None and len(paragraphs) > limit:
        body.append(f"\n\n… {len(paragraphs) - limit} more paragraphs", style="dim italic")
    return body


def removed_table(article: Article) -> Table:
    """What cleaning took out of an article, and why."""
    table = Table(title="Removed by cleaning", box=box.MINIMAL, title_style="bold yellow")
    table.add_column("line", justify="right", style="dim")
    table.add_column("rule", style="yellow", no_wrap=True)
    table.add_column("text", max_width=70)
    for removed in article.removed:
        table.add_row(str(removed.line_number), removed.reason, Text(removed.line))
    return table


def quotes_table(analysis: Analysis) -> Table:
    """Who said what in one article: speaker, direct or indirect, and the words."""
    table = Table(title="Quotes", box=box.MINIMAL, title_style="bold green", expand=True)
    table.add_column("speaker", style="bold", max_width=24)
    table.add_column("kind", no_wrap=True)
    table.add_column("quote", ratio=1)
    for quote in analysis.quotes:
        speaker = quote.speaker or quote.speaker_mention or "?"
        kind = "direct" if quote.direct else "indirect"
        table.add_row(
            Text(speaker), Text(kind, style="green" if quote.direct else "cyan"), Text(quote.text)
        )
    return table


def facts_table(analysis: Analysis) -> Table:
    """The numbers and dates an article gives, normalised."""
    table = Table(
        title="Numbers and dates", box=box.MINIMAL, title_style="bold magenta", expand=True
    )
    table.add_column("as written", ratio=1)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("of", max_width=20)
    for quantity in analysis.quantities:
        bound = f"{quantity.approx} " if quantity.approx else ""
        value = f"{bound}{quantity.value:,.4g} {quantity.unit or ''}".strip()
        table.add_row(Text(quantity.text), Text(value), Text(quantity.about or ""))
    for mention in analysis.dates:
        # No date of its own: a relative date ("on Monday") in an undated article, which
        # the story resolves against a sibling's date. "(deferred)" told a reader nothing.
        relative = mention.anchor == "deferred"
        when = mention.date or ("(relative; undated article)" if relative else "?")
        table.add_row(Text(mention.text), Text(when + (" ?" if mention.ambiguous else "")), "date")
    return table


def unanalysed_note(article: Article) -> str | None:
    """Why an article shows no quote, number or date: its language is not one the
    analysis reads (without this, "0 quotes" read as "it quotes no one")."""
    if article.language is None or article.language in ANALYSED_LANGUAGES:
        return None
    return (
        f"Not analysed: the analysis reads English only and this article is in "
        f"'{article.language}'; its quotes, numbers and dates are not extracted."
    )


def article_panel(
    article: Article, *, full: bool = True, analysis: Analysis | None = None
) -> Panel:
    """One article: metadata, clean text (whole, or a preview), what was removed, and
    (when analysed) its quotes, numbers and dates."""
    parts: list[RenderableType] = [
        _metadata(article),
        Text(""),
        _body(article, None if full else PREVIEW_PARAGRAPHS),
    ]
    if full and article.removed:
        parts += [Text(""), removed_table(article)]
    elif article.removed:
        reasons = Counter(r.reason for r in article.removed)
        summary = ", ".join(f"{n} {why}" for why, n in reasons.most_common())
        parts += [
            Text(""),
            Text(f"cleaning removed {len(article.removed)} lines: {summary}", style="dim"),
        ]
    note = unanalysed_note(article)
    if note:
        parts += [Text(""), Text(note, style="yellow")]
    if analysis is not None and analysis.quotes:
        parts += [Text(""), quotes_table(analysis)]
    if full and analysis is not None and (analysis.quantities or analysis.dates):
        parts += [Text(""), facts_table(analysis)]
    title = Text(article.title or "(untitled)", style="bold")
    return Panel(Group(*parts), title=title, title_align="left", border_style="blue", width=100)


def ingest_summary(report: IngestReport) -> Table:
    """Counts of inputs read, articles ingested, duplicates, failures, and (when there
    are any) stored articles whose metadata a re-read corrected and stored articles a
    re-read found edited (kept as a new version)."""
    counts = Table(box=box.ROUNDED, show_header=True, header_style="bold")
    counts.add_column("inputs", justify="right")
    counts.add_column("ingested", justify="right", style="green")
    counts.add_column("duplicate", justify="right", style="yellow")
    if report.corrected:
        counts.add_column("corrected", justify="right", style="cyan")
    if report.edited:
        counts.add_column("edited", justify="right", style="cyan")
    counts.add_column("failed", justify="right", style="red")
    cells = [str(report.inputs), str(len(report.added)), str(len(report.duplicates))]
    if report.corrected:
        cells.append(str(len(report.corrected)))
    if report.edited:
        cells.append(str(len(set(report.edited))))
    counts.add_row(*cells, str(len(report.failures)))
    return counts


def _span(story: Story) -> str:
    first, last = story.first_published, story.last_published
    if first is None or last is None:
        return "undated"
    start, end = first.strftime("%Y-%m-%d"), last.strftime("%Y-%m-%d")
    return start if start == end else f"{start} → {end}"


def stories_table(
    stories: Sequence[Story],
    outlets: Mapping[str, Sequence[str]],
    max_names: int | None = None,
) -> Table:
    """One row per story: id, title, outlets (all, or the first ``max_names`` and how
    many more), article count, time span."""
    table = Table(title="Stories", box=box.SIMPLE_HEAVY, header_style="bold cyan", expand=True)
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("outlets", style="magenta", ratio=2)
    table.add_column("art.", justify="right")
    table.add_column("span", no_wrap=True)
    for story in stories:
        names = outlets.get(story.id, ())
        table.add_row(
            story.id[:SHORT_ID],
            listed_title(story.title, style="bold"),
            Text(
                f"{len(names)}: "
                + (lists.names(names, max_names) if max_names else ", ".join(names))
            ),
            str(len(story.articles)),
            _short_span(story),
        )
    return table


def _short_span(story: Story) -> str:
    """The story's first and last publication days, one day shown once."""
    first, last = story.first_published, story.last_published
    if first is None or last is None:
        return "undated"
    start, end = first.date().isoformat(), last.date().isoformat()
    return start if start == end else f"{start} → {end[5:] if start[:4] == end[:4] else end}"


def story_panel(story: Story, articles: Sequence[Article]) -> Panel:
    """One story: its articles grouped by outlet, syndicated copies marked."""
    copies = {a: group[0] for group in story.duplicates for a in group[1:]}
    by_outlet: dict[str, list[Article]] = {}
    for article in articles:
        by_outlet.setdefault(article.outlet or "?", []).append(article)
    table = Table(box=box.MINIMAL, expand=True, show_header=True, header_style="bold")
    table.add_column("outlet", style="magenta", max_width=22)
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("title", ratio=1)
    for outlet, members in sorted(by_outlet.items()):
        for article in members:
            title = listed_title(article.title)
            if article.id in copies:
                title.append(f"  (copy of {copies[article.id][:SHORT_ID]})", style="yellow")
            table.add_row(Text(outlet), Text(article.id[:SHORT_ID]), _when(article), title)
    heading = Text(story.title or "(untitled)", style="bold")
    # A copy saved again under another file name is no outlet of its own (copy_outlets).
    uncounted = uncounted_articles(articles, story.duplicates)
    outlets = {a.outlet or "?" for a in articles if a.id not in uncounted}
    summary = Text(
        f"{counted(len(articles), 'article')} from {counted(len(outlets), 'outlet')}, "
        f"{counted(len(story.duplicates), 'syndicated group')} · {_span(story)} · "
        f"story {story.id}",
        style="dim",
    )
    return Panel(
        Group(summary, table), title=heading, title_align="left", border_style="green", width=100
    )


def failures_table(failures: Sequence[Mapping[str, Any]], total: int | None = None) -> Table:
    """Inputs and articles that failed (the JSON report's ``failures``): source, stage
    and error, so a report never passes over what it could not analyse; ``total`` when
    these are the first of more."""
    table = Table(
        title=f"{failures_heading(failures)} ({total or len(failures)})",
        box=box.SIMPLE_HEAD,
        title_style="bold red",
    )
    table.add_column("source", overflow="fold")
    table.add_column("stage", style="red")
    table.add_column("error", overflow="fold")
    for failure in failures:
        table.add_row(Text(failure["source"]), failure["stage"], Text(failure["error"]))
    return table
