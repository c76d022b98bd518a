"""The story briefs as Markdown: one section per story, every line naming its outlets.

Article text is untrusted: characters that Markdown would read as markup (``*_`[]<>|#``,
``&`` of an entity, backslash, the dot of a leading "1.") are escaped, so a quote renders
as written and no HTML gets through; text with right-to-left letters or bidi controls is
isolated (U+2068 ... U+2069), so it cannot reorder the outlet named beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsprism.model import Brief, OutletFraming, Passage, Story
from newsprism.render.bidi import ISOLATES, PDI
from newsprism.render.briefs import (
    NO_EVENTS,
    NO_NUMBERS,
    NO_STATEMENTS,
    NO_SUMMARY,
    disputing_outlets,
    exclusive_detail,
    fact_status,
    no_exclusives,
    summary_outlets,
)
from newsprism.render.jsonout import failures_heading
from newsprism.render.lists import (
    MAX_SECTION_ROWS,
    capped,
    more,
    names,
    passage_outlet,
    wordings,
)
from newsprism.render.speakers import speaker_label
from newsprism.render.terminal import counted
from newsprism.render.unread import NOT_ANALYSED, exclusives_heading, framing_gap, unread_note

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~&])")
# "1. " or "2024. " opening a list item's text would start a nested ordered list.
_LIST_NUMBER = re.compile(r"^(\d+)\.")
# Hebrew, Arabic, Syriac, Thaana, N'Ko... and their presentation forms; the explicit
# embeddings, overrides and isolates.
_BIDI = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u202a-\u202e\u2066-\u2069]")
_FSI = "\u2068"


def escape(text: str) -> str:
    """Text with Markdown's special characters backslash-escaped, on one line, and
    bidi-isolated where it needs to be (:func:`isolated`)."""
    flat = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return isolated(_LIST_NUMBER.sub(r"\1\\.", flat))


def isolated(text: str) -> str:
    """``text`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE when it holds
    right-to-left letters or bidi controls: an Arabic sentence keeps its own direction,
    and an override left open (U+202E) ends with it instead of reversing the outlet
    named after it. A closing isolate of the text's own with no opener is dropped: it
    would close this isolate early (and, unmatched, does nothing else); an isolate of the
    text's own left open is closed before this one, else this one's closer would end it
    instead and the outlet named after the text would stay inside."""
    if not _BIDI.search(text):
        return text
    kept: list[str] = []
    depth = 0
    for char in text:
        if char == PDI and depth == 0:
            continue
        depth += (char in ISOLATES) - (char == PDI)
        kept.append(char)
    return _FSI + "".join(kept) + PDI * depth + PDI


def _who(passage: Passage) -> str:
    return escape(passage_outlet(passage))


def _names(values: Iterable[str]) -> str:
    """Outlet names, escaped, capped (:func:`lists.names`)."""
    return names(escape(value) for value in values)


def _more_row(left: int, what: str, columns: int = 0) -> list[str]:
    """The line saying what a capped list left out: a list item, or a table row."""
    if not left:
        return []
    said = f"*{escape(more(left, what))}*"
    return [f"| {' | '.join([said, *[''] * (columns - 1)])} |" if columns else f"- {said}"]


def _summary(brief: Brief, outlets: dict[str, str]) -> list[str]:
    lines = ["### Summary", ""]
    if not brief.summary:
        return [*lines, NO_SUMMARY]
    for n, sentence in enumerate(brief.summary, 1):
        backers = _names(summary_outlets(sentence, outlets))
        disputing = _names(disputing_outlets(sentence))
        against = f" (disputed by *{disputing}*)" if disputing else ""
        lines.append(f"{n}. {escape(sentence.passage.text)} — *{backers}*{against}")
    return lines


def _statements(brief: Brief) -> list[str]:
    lines = ["### Who said what", ""]
    if not brief.statements:
        return [*lines, NO_STATEMENTS]
    shown, left = capped(brief.statements, MAX_SECTION_ROWS)
    for statement in shown:
        lines.append(f"- **{escape(speaker_label(statement))}**")
        texts, hidden = capped(wordings(statement.variants))
        for w in texts:
            kind = "direct" if w.direct else "indirect"
            who = _names(passage_outlet(p) for p in w.passages)
            lines.append(f"  - {who} ({kind}): “{escape(w.text)}”")
        lines += ["  " + line for line in _more_row(hidden, "wordings")]
    return lines + _more_row(left, "statements")


def _facts(brief: Brief) -> list[str]:
    if not brief.facts:
        return ["### Numbers", "", NO_NUMBERS]
    lines = ["### Numbers", "", "| what | unit | status | values |", "| --- | --- | --- | --- |"]
    shown, left = capped(brief.facts, MAX_SECTION_ROWS)
    for fact in shown:
        listed, hidden = capped(fact.values)
        values = "; ".join(f"{escape(v.passage.text)} ({_who(v.passage)})" for v in listed)
        if hidden:
            values += f"; *{escape(more(hidden, 'values'))}*"
        status = f"**{fact.status}**" if fact.status == "differ" else fact_status(fact)
        lines.append(
            f"| {escape(fact.about)} | {escape(fact.unit or 'count')} | {status} | {values} |"
        )
    return lines + _more_row(left, "numbers", columns=4)


def _discrepancies(brief: Brief) -> list[str]:
    lines = ["### Discrepancies", ""]
    shown, left = capped(brief.discrepancies, MAX_SECTION_ROWS)
    for item in shown:
        lines.append(f"- **{item.kind}: {escape(item.about)}**")
        claims, hidden = capped(item.claims)
        lines += [f"  - {_who(c)}: “{escape(c.text)}”" for c in claims]
        lines += ["  " + line for line in _more_row(hidden, "claims")]
    lines += _more_row(left, "discrepancies")
    return lines if brief.discrepancies else [*lines, "None found."]


def _exclusives(brief: Brief) -> list[str]:
    lines = [f"### {exclusives_heading(brief)}", ""]
    if not brief.exclusives:
        return [*lines, no_exclusives(brief)]
    shown, left = capped(brief.exclusives, MAX_SECTION_ROWS)
    lines += [f"- {_who(e.passage)} ({e.kind}): {escape(exclusive_detail(e))}" for e in shown]
    return lines + _more_row(left, "details")


def _timeline(brief: Brief) -> list[str]:
    if not brief.timeline:
        return ["### Timeline", "", NO_EVENTS]
    lines = ["### Timeline", "", "| date | what happened | dated by |", "| --- | --- | --- |"]
    shown, left = capped(brief.timeline, MAX_SECTION_ROWS)
    for event in shown:
        who = _names(passage_outlet(m) for m in event.mentions)
        lines.append(f"| {event.date} | {escape(event.text)} | {who} |")
    return lines + _more_row(left, "dated events", columns=3)


def _framing(brief: Brief) -> list[str]:
    if brief.framing is None:
        return []
    lines = ["### Framing", "", "| outlet | headline |", "| --- | --- |"]
    for h in brief.framing.headlines:
        lines.append(f"| {escape(h.outlet or '?')} | {escape(h.title or '(untitled)')} |")
    lines += ["", "| outlet | statements | facts | voices |", "| --- | --- | --- | --- |"]
    for o in brief.framing.outlets:
        lines.append(f"| {escape(o.outlet)} | {' | '.join(_framing_cells(brief, o))} |")
    return lines


def _framing_cells(brief: Brief, o: OutletFraming) -> list[str]:
    """An outlet's statements, facts and voices; "not analysed" in each for an outlet
    none of whose articles was read (empty cells read as "carries nothing")."""
    gap = framing_gap(brief, o)
    if gap == NOT_ANALYSED:
        return [f"*{gap}*"] * 3
    voices = ", ".join(f"{escape(n)} {s:.0%}" for n, s in o.voices[:4])
    voices = "; ".join(v for v in (voices, gap and f"*{gap}*") if v)
    return [", ".join(o.statements), ", ".join(o.facts), voices]


def _counts(story: Story) -> str:
    """Its articles, and its syndicated copy groups when it has any, as the terminal and
    HTML views say: copies count as one source, so twenty copies' figures read "single"
    and a reader of "20 articles" alone took that for a mistake."""
    said = counted(len(story.articles), "article")
    groups = len(story.duplicates)
    return f"{said}, {counted(groups, 'syndicated copy group')}" if groups else said


def brief_markdown(brief: Brief, outlets: dict[str, str]) -> str:
    """One story's brief as a Markdown section."""
    story = brief.story
    lines = [
        f"## {escape(story.title or '(untitled story)')}",
        "",
        f"*{_counts(story)}, story `{story.id}`*",
        "",
    ]
    note = unread_note(brief)
    if note:
        lines += [f"> {escape(note)}", ""]
    for section in (
        _summary(brief, outlets),
        _statements(brief),
        _facts(brief),
        _discrepancies(brief),
        _exclusives(brief),
        _timeline(brief),
        _framing(brief),
    ):
        lines += [*section, ""]
    return "\n".join(lines)


def report_markdown(
    briefs: Iterable[Brief],
    outlets: dict[str, str],
    failures: Sequence[Mapping[str, Any]] = (),
) -> str:
    """Every brief, under one title; then what failed (the JSON report's ``failures``)."""
    sections = [brief_markdown(b, outlets) for b in briefs]
    return "\n".join(["# newsprism report", "", *sections, *failures_markdown(failures)])


def failures_markdown(failures: Sequence[Mapping[str, Any]]) -> list[str]:
    """A "Not analysed" section (``jsonout.failures_heading``): each failed input,
    article or story brief, its stage and error."""
    if not failures:
        return []
    lines = [f"## {failures_heading(failures)}", ""]
    for f in failures:
        lines.append(f"- {escape(f['source'])} ({f['stage']}): {escape(f['error'])}")
    return [*lines, ""]
