"""The story briefs as one self-contained HTML file (styles inline, no script, no
external resource).

Every article string is untrusted: the template is rendered by Jinja2 with autoescaping
on for everything, and the page carries a Content-Security-Policy that forbids scripts,
so a ``<script>`` or ``onerror=`` in an article shows as text and runs nothing. Each one
is also set in a ``<bdi>`` (the template's ``bdi`` macro): right-to-left text keeps its own
direction, and a bidi override left open in it cannot reorder the outlet beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from newsprism import __version__
from newsprism.model import Brief
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
    MAX_NAMES,
    MAX_SECTION_ROWS,
    capped,
    more,
    passage_outlet,
    wordings,
)
from newsprism.render.speakers import speaker_label
from newsprism.render.terminal import counted
from newsprism.render.unread import NOT_ANALYSED, exclusives_heading, framing_gap, unread_note


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsprism.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # The Markdown and terminal views' helpers, so the page counts and names alike.
    env.globals.update(
        counted=counted,
        disputing_outlets=disputing_outlets,
        fact_status=fact_status,
        passage_outlet=passage_outlet,
        summary_outlets=summary_outlets,
        speaker_label=speaker_label,
        exclusive_detail=exclusive_detail,
        # What an empty section says, as in the terminal and Markdown views.
        no_exclusives=no_exclusives,
        # Articles the analysis did not read (their language), as in the other views.
        unread_note=unread_note,
        exclusives_heading=exclusives_heading,
        framing_gap=framing_gap,
        not_analysed=NOT_ANALYSED,
        no_summary=NO_SUMMARY,
        no_statements=NO_STATEMENTS,
        no_numbers=NO_NUMBERS,
        no_events=NO_EVENTS,
        # Long lists cut with a count, as in Markdown (the JSON report keeps them all).
        capped=capped,
        more=more,
        wordings=wordings,
        max_names=MAX_NAMES,
        max_rows=MAX_SECTION_ROWS,
    )
    return env


def report_html(
    briefs: Sequence[Brief],
    outlets: dict[str, str],
    failures: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The report page for the briefs; ``outlets`` maps article id to outlet name;
    ``failures`` (the JSON report's ``failures`` dicts) are listed at the end."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        briefs=briefs,
        outlets=outlets,
        failures=failures,
        failures_heading=failures_heading(failures),
        version=__version__,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
