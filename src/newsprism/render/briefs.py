"""The story brief in the terminal (Rich): panels and tables that read well at 100 columns.

Every string from an article is untrusted and passed to Rich as ``Text``, never markup.
Outlets are named on every line, so a reader can tell who supports what.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprism.model import Brief, Exclusive, Fact, Passage, Statement, SummarySentence
from newsprism.render.lists import capped, more, names, passage_outlet, wordings
from newsprism.render.speakers import speaker_label
from newsprism.render.terminal import counted
from newsprism.render.unread import (
    NOT_ANALYSED,
    exclusives_heading,
    framing_gap,
    lone_analysed_source,
    unread_note,
)

STATUS_STYLE = {"agree": "green", "differ": "bold red", "single": "dim"}
# Rows shown per section; the rest is counted, not printed (the JSON has them all).
MAX_ROWS = 12


# Marks a quote's passage may already open with (then it is shown as it is).
_OPENING_MARKS = frozenset("\"'“‘„‚«‹「『")


# What an empty section says, in every view (terminal, Markdown, HTML): a heading over
# nothing read as output lost. The summary is empty both where no English text was
# analysed and where every English sentence was left out as unfit to stand alone (a story
# of questions and short lines): "the analysis found no English sentence" was false there.
NO_SUMMARY = (
    "No summary: no English sentence in the articles could stand alone as a summary line "
    "(questions, short lines and quotes are among those left out)."
)
NO_STATEMENTS = "No statement quoted or reported."
NO_NUMBERS = "No numbers found."
NO_EVENTS = "No dated events found."


def no_exclusives(brief: Brief) -> str:
    """Why a brief lists no exclusive: one article, or one analysed source beside
    articles not analysed, has nothing to compare."""
    if len(brief.story.articles) < 2:
        return "One article only: nothing to compare."
    if lone_analysed_source(brief):
        return "One analysed source only: nothing to compare (the others were not read)."
    return "Every detail has a second source."


def exclusive_detail(item: Exclusive) -> str:
    """What an exclusive shows: a quote's passage inside quotation marks, else the
    passage. A quote's passage runs from inside its first opening mark to inside its last
    closing mark, so a split quote ('Some came," said X. "I'll go') read as starting in
    the middle of one quote and ending in another; its marks now enclose it."""
    text = item.passage.text
    if item.kind != "quote" or text[:1] in _OPENING_MARKS:
        return text
    if '"' in text and "”" not in text:  # the marks inside are straight: so are these
        return f'"{text}"'
    return f"“{text}”"


def _outlets(passages: Sequence[Passage]) -> Text:
    return Text(names(passage_outlet(p) for p in passages), style="magenta")


def _table(title: str) -> Table:
    return Table(
        title=title,
        title_justify="left",
        title_style="bold cyan",
        box=box.SIMPLE_HEAD,
        header_style="bold",
        expand=True,
        show_edge=False,
    )


def _or_none(table: Table, message: str) -> Table:
    """The table, captioned ``message`` when it has no row (a heading over nothing
    reads as output lost)."""
    if not table.row_count and not table.caption:
        table.caption = message
    return table


def _more(count: int) -> Text:
    return Text(f"… {count} more (see --format json)", style="dim")


def summary_view(brief: Brief, outlets_by_article: dict[str, str]) -> Table:
    """The summary sentences, numbered, each with the outlets backing or disputing it."""
    table = _table("Summary")
    table.add_column("#", justify="right", style="dim")
    table.add_column("sentence", ratio=3)
    table.add_column("supported by", ratio=1)
    for n, sentence in enumerate(brief.summary, 1):
        table.add_row(str(n), Text(sentence.passage.text), _backers(sentence, outlets_by_article))
    return _or_none(table, NO_SUMMARY)


def summary_outlets(sentence: SummarySentence, outlets_by_article: dict[str, str]) -> list[str]:
    """The outlets backing a summary sentence, once each (from their own passages,
    whose outlet names the brief has folded, else from ``outlets_by_article``)."""
    if sentence.support:
        return list(dict.fromkeys(passage_outlet(p) for p in sentence.support))
    return list(dict.fromkeys(outlets_by_article.get(a, a[:10]) for a in sentence.sources))


def disputing_outlets(sentence: SummarySentence) -> list[str]:
    """The outlets whose own sentence gives another number or the opposite polarity."""
    return list(dict.fromkeys(passage_outlet(p) for p in sentence.disputed))


def _backers(sentence: SummarySentence, outlets_by_article: dict[str, str]) -> Text:
    text = Text(", ".join(summary_outlets(sentence, outlets_by_article)), "magenta")
    disputing = disputing_outlets(sentence)
    if disputing:
        text.append(f"\ndisputed by {', '.join(disputing)}", style="bold red")
    return text


def _variant_rows(statement: Statement) -> list[tuple[Text, Text, Text]]:
    """One row per wording (identical ones once, with all their outlets), capped."""
    rows = []
    shown, left = capped(wordings(statement.variants))
    for wording in shown:
        kind = Text("direct" if wording.direct else "indirect", style="dim")
        rows.append((Text(names(wording.outlets), "magenta"), kind, Text(wording.text)))
    if left:
        rows.append((Text(""), Text(""), Text(more(left, "wordings"), style="dim")))
    return rows


def statements_view(brief: Brief) -> Table:
    """Statements more than one article carries, one row per outlet's wording."""
    table = _table("Who said what (one statement, each outlet's wording)")
    table.add_column("speaker", style="bold", ratio=1)
    table.add_column("outlet", ratio=1)
    table.add_column("", no_wrap=True)
    table.add_column("wording", ratio=4)
    shared = [s for s in brief.statements if len(s.variants) > 1]
    for statement in shared[:MAX_ROWS]:
        rows = _variant_rows(statement)
        for i, (outlet, kind, text) in enumerate(rows):
            speaker = Text(speaker_label(statement)) if i == 0 else Text("")
            table.add_row(speaker, outlet, kind, text, end_section=i == len(rows) - 1)
    if len(shared) > MAX_ROWS:
        table.add_row("", "", "", _more(len(shared) - MAX_ROWS))
    # Those past MAX_ROWS were counted as carried by one article, and one as "1 statements".
    single = len(brief.statements) - len(shared)
    if single:
        carried = "is" if single == 1 else "are"
        table.caption = (
            f"{counted(single, 'statement')} carried by one article only {carried} in the JSON"
        )
    return _or_none(table, NO_STATEMENTS)


def _fact_values(fact: Fact) -> Text:
    text = Text()
    shown, left = capped(fact.values)
    for i, value in enumerate(shown):
        if i:
            text.append("; ")
        text.append(value.passage.text, style="bold")
        text.append(f" ({passage_outlet(value.passage)})", style="magenta")
    if left:
        text.append(f"; {more(left, 'values')}", style="dim")
    return text


def fact_status(fact: Fact) -> str:
    """A fact's status as the views show it: an agreeing fact says whether its figures
    are one figure or only compatible ("agree (compatible)": "over 10 percent" /
    "10.8%"), so a bound's agreement is not read as an exact match."""
    if fact.status == "agree" and fact.agreement is not None:
        return f"agree ({fact.agreement})"
    return fact.status


def facts_view(brief: Brief) -> Table:
    """The numbers, differing ones first, each value with its outlet."""
    table = _table("Numbers")
    table.add_column("what", ratio=1)
    table.add_column("unit", style="dim")
    table.add_column("status", no_wrap=True)
    table.add_column("values (outlet)", ratio=3)
    facts = sorted(brief.facts, key=lambda f: ("differ", "agree", "single").index(f.status))
    for fact in facts[:MAX_ROWS]:
        status = Text(fact_status(fact), style=STATUS_STYLE.get(fact.status, ""))
        table.add_row(Text(fact.about), Text(fact.unit or "count"), status, _fact_values(fact))
    if len(facts) > MAX_ROWS:
        table.add_row("", "", "", _more(len(facts) - MAX_ROWS))
    return _or_none(table, NO_NUMBERS)


def discrepancies_view(brief: Brief) -> RenderableType:
    """One red panel per discrepancy, its claims beside their outlets."""
    panels: list[RenderableType] = []
    for item in brief.discrepancies:
        body = Text()
        claims, left = capped(item.claims)
        for i, claim in enumerate(claims):
            if i:
                body.append("\n")
            body.append(f"{passage_outlet(claim)}: ", style="magenta")
            body.append(f"“{claim.text}”")
        if left:
            body.append(f"\n{more(left, 'claims')}", style="dim")
        title = Text(f"{item.kind}: {item.about}", style="bold red")
        panels.append(Panel(body, title=title, title_align="left", border_style="red"))
    if not panels:
        return Text("No contradictions found between outlets.", style="green")
    return Group(Text("Discrepancies", style="bold cyan"), *panels)


def exclusives_view(brief: Brief) -> Table:
    """What only one source reports, with its outlet and kind."""
    table = _table(exclusives_heading(brief))
    table.add_column("outlet", style="magenta", ratio=1)
    table.add_column("kind", style="dim")
    table.add_column("detail", ratio=4)
    for item in brief.exclusives[:MAX_ROWS]:
        table.add_row(Text(passage_outlet(item.passage)), item.kind, Text(exclusive_detail(item)))
    if len(brief.exclusives) > MAX_ROWS:
        table.add_row("", "", _more(len(brief.exclusives) - MAX_ROWS))
    return _or_none(table, no_exclusives(brief))


def timeline_view(brief: Brief) -> Table:
    """The dated events in order, each with the outlets that date it."""
    table = _table("Timeline")
    table.add_column("date", no_wrap=True, style="bold")
    table.add_column("what happened", ratio=3)
    table.add_column("dated by", ratio=1)
    for event in brief.timeline:
        table.add_row(event.date, Text(event.text), _outlets(event.mentions))
    return _or_none(table, NO_EVENTS)


def framing_view(brief: Brief) -> Table:
    """Per outlet: its headline, the statements and facts it carries, its voices."""
    table = _table("Framing: headlines, coverage and voices by outlet")
    table.add_column("outlet", style="magenta", ratio=1)
    table.add_column("headline", ratio=3)
    table.add_column("stmts", justify="right")
    table.add_column("facts", justify="right")
    table.add_column("voices (share of quoted words)", ratio=2)
    if brief.framing is None:
        return table
    titles: dict[str, str] = {}
    for headline in brief.framing.headlines:
        titles.setdefault(headline.outlet or "?", headline.title or "(untitled)")
    for outlet in brief.framing.outlets:
        gap = framing_gap(brief, outlet)
        if gap == NOT_ANALYSED:  # empty cells read as "carries nothing, quotes no one"
            cells = [Text(gap, style="yellow")] * 3
        else:
            voices = ", ".join(f"{name} {share:.0%}" for name, share in outlet.voices[:3])
            cells = [
                Text(f"{len(outlet.statements)}/{len(brief.statements)}"),
                Text(f"{len(outlet.facts)}/{len(brief.facts)}"),
                Text("; ".join(v for v in (voices, gap) if v)),
            ]
        table.add_row(Text(outlet.outlet), Text(titles.get(outlet.outlet, "")), *cells)
    return table


def brief_panel(brief: Brief, outlets_by_article: dict[str, str]) -> Panel:
    """The whole brief of one story, in one panel."""
    story = brief.story
    outlets = sorted({outlets_by_article.get(a, "?") for a in story.articles})
    heading = Text(
        f"{counted(len(story.articles), 'article')} · {counted(len(outlets), 'outlet')} · "
        f"{counted(len(story.duplicates), 'syndicated copy group')} · story {story.id}",
        style="dim",
    )
    parts: list[RenderableType] = [heading]
    note = unread_note(brief)
    if note:
        parts.append(Text(note, style="yellow"))
    parts.append(summary_view(brief, outlets_by_article))
    parts += [statements_view(brief), facts_view(brief), discrepancies_view(brief)]
    parts += [exclusives_view(brief), timeline_view(brief), framing_view(brief)]
    title = Text(story.title or "(untitled story)", style="bold")
    return Panel(Group(*parts), title=title, title_align="left", border_style="cyan")
