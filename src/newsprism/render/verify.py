"""A verified summary in JSON, Markdown and the terminal (Rich), each sentence coloured
by its verdict with the sources' own words beside it. Shapes: docs/report-schema.md,
section "Verify".

The summary, its story's title and the sources' passages are untrusted: Markdown
escapes them (:func:`newsprism.render.markdown.escape`), Rich gets them as ``Text``."""

from __future__ import annotations

import logging
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsprism.model import CheckedSentence, MissingItem, SourceMatch, Verdict, Verification
from newsprism.render.jsonout import passage_to_dict
from newsprism.render.markdown import escape
from newsprism.render.terminal import counted

logger = logging.getLogger(__name__)

__all__ = [
    "VERDICT_STYLES",
    "checked_sentence_to_dict",
    "missing_item_to_dict",
    "source_match_to_dict",
    "verification_markdown",
    "verification_panel",
    "verification_to_dict",
]

VERIFY_SCHEMA_VERSION = "1"

#: Rich style of each verdict (the web page uses the same four names as CSS classes).
VERDICT_STYLES: dict[Verdict, str] = {
    "supported": "green",
    "partly": "yellow",
    "contradicted": "bold red",
    "unsupported": "magenta",
}
_MARKS = {"supported": "✔", "partly": "◐", "contradicted": "✘", "unsupported": "?"}


def source_match_to_dict(match: SourceMatch) -> dict[str, Any]:
    return {
        **passage_to_dict(match.passage),
        "relation": match.relation,
        "conflict": match.conflict,
        "similarity": match.similarity,
    }


def checked_sentence_to_dict(sentence: CheckedSentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
        "verdict": sentence.verdict,
        "sources": [source_match_to_dict(m) for m in sentence.sources],
        "note": sentence.note,
        "supported_parts": list(sentence.supported_parts),
        "unsupported_parts": list(sentence.unsupported_parts),
    }


def missing_item_to_dict(item: MissingItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "text": item.text,
        "about": item.about,
        "sources": list(item.sources),
        "passages": [passage_to_dict(p) for p in item.passages],
    }


def verification_to_dict(verification: Verification) -> dict[str, Any]:
    """The JSON of ``newsprism verify --format json`` (docs/report-schema.md, Verify)."""
    return {
        "schema_version": VERIFY_SCHEMA_VERSION,
        "story": verification.story.id,
        "title": verification.story.title,
        "sentences": [checked_sentence_to_dict(s) for s in verification.sentences],
        "missing": [missing_item_to_dict(m) for m in verification.missing],
        "counts": _verdict_counts(verification),
    }


def _verdict_counts(verification: Verification) -> dict[Verdict, int]:
    """How many sentences got each verdict, every verdict named (in VERDICT_STYLES order)."""
    counts = dict.fromkeys(VERDICT_STYLES, 0)
    for sentence in verification.sentences:
        counts[sentence.verdict] += 1
    return counts


def _where(match: SourceMatch) -> str:
    p = match.passage
    return f"{p.outlet or p.article} [{p.start}:{p.end}]"


def verification_markdown(verification: Verification) -> str:
    """The verification as Markdown: one list item per sentence, its verdict in bold,
    the sources quoted under it, then what the summary leaves out."""
    story = verification.story
    lines = [f"# Summary checked against: {escape(story.title or story.id)}", ""]
    for sentence in verification.sentences:
        mark = _MARKS[sentence.verdict]
        lines.append(f"- **{sentence.verdict}** {mark} {escape(sentence.text)}")
        if sentence.note:
            lines.append(f"  - _{escape(sentence.note)}_")
        for match in sentence.sources:
            why = f" ({match.conflict})" if match.conflict else ""
            where = escape(_where(match))
            # In quotation marks: a "> " in the middle of a list item is no blockquote,
            # CommonMark shows it as a stray ">" before the source's words.
            lines.append(f"  - {match.relation}{why}, {where}: “{escape(match.passage.text)}”")
    lines += ["", "## Left out (carried by most sources)", ""]
    if not verification.missing:
        lines.append("Nothing that most sources carry is left out.")
    for item in verification.missing:
        outlets = ", ".join(dict.fromkeys(escape(p.outlet or p.article) for p in item.passages))
        lines.append(f"- {item.kind}: {escape(item.text)} ({outlets or len(item.sources)})")
    return "\n".join(lines) + "\n"


def _sentence_row(sentence: CheckedSentence) -> tuple[Text, RenderableType]:
    style = VERDICT_STYLES[sentence.verdict]
    left = Text.assemble(
        (f"{_MARKS[sentence.verdict]} {sentence.verdict}\n", style), (sentence.text, style)
    )
    if sentence.note:
        left.append(f"\n{sentence.note}", style="italic dim")
    right = Text()
    for match in sentence.sources[:4]:
        colour = "red" if match.relation == "contradicts" else "green"
        why = f" ({match.conflict})" if match.conflict else ""
        right.append(f"{match.relation}{why} · {_where(match)}\n", style=f"bold {colour}")
        right.append(f"{match.passage.text}\n")
    if len(sentence.sources) > 4:
        right.append(f"… and {len(sentence.sources) - 4} more", style="dim")
    return left, right


def verification_panel(verification: Verification) -> Panel:
    """The verification for the terminal: sentences coloured by verdict, sources beside."""
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column("Summary sentence", ratio=1)
    table.add_column("Sources", ratio=1)
    for sentence in verification.sentences:
        table.add_row(*_sentence_row(sentence))
    missing = Text("Left out (carried by most sources)\n", style="bold")
    for item in verification.missing:
        missing.append(f"• {item.kind}: ", style="cyan")
        missing.append(f"{item.text} ({counted(len(item.sources), 'article')})\n")
    if not verification.missing:
        missing.append("nothing\n", style="dim")
    counts = _verdict_counts(verification)
    summary = Text("  ".join(f"{n} {v}" for v, n in counts.items()))
    title = Text(f"Verify: {verification.story.title or verification.story.id}")
    return Panel(Group(summary, table, missing), title=title, expand=True)
