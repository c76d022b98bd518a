"""Geometry of the server-drawn charts (timeline, voice bars): numbers only, no mark-up.

The templates turn these into inline SVG elements with attribute values (no inline
style), so the strict Content-Security-Policy holds and no script draws anything.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsprism.model import TimelineEvent

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 800, 120
MARGIN = 40
AXIS_Y = 70
BAR_WIDTH = 240


@dataclass(frozen=True)
class Dot:
    """One event on the timeline: its centre, label and whether its date was understood."""

    x: float
    y: float
    date: str
    text: str
    dated: bool


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class TimelineChart:
    width: int
    height: int
    axis_y: int
    x0: int
    x1: int
    dots: list[Dot]
    ticks: list[Tick]


def parse_day(value: str) -> date | None:
    """The first day an event's date names: "2026-03-03", "2026-03" or "2026"; None if
    the date is not of that shape."""
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
        year, month, day = (*numbers, 1, 1)[:3] if numbers else (0, 0, 0)
        return date(year, month, day)
    except (TypeError, ValueError):
        return None


def timeline_chart(events: Sequence[TimelineEvent]) -> TimelineChart:
    """Events placed by date on a horizontal axis (undated ones at the left edge, raised),
    a tick per distinct date. Events on one day are stacked. Cost: O(events)."""
    days = [parse_day(e.date) for e in events]
    known = [d for d in days if d is not None]
    first, last = (min(known), max(known)) if known else (None, None)
    span = max(1, (last - first).days) if first and last else 1
    x0, x1 = MARGIN, WIDTH - MARGIN

    def place(day: date | None) -> float:
        if day is None or first is None:
            return float(x0)
        if first == last:
            return (x0 + x1) / 2
        return x0 + (x1 - x0) * (day - first).days / span

    stacked: dict[float, int] = {}
    dots = []
    for event, day in zip(events, days, strict=True):
        x = place(day)
        level = stacked.get(x, 0)
        stacked[x] = level + 1
        y = AXIS_Y - 14 - 12 * level - (10 if day is None else 0)
        dots.append(Dot(round(x, 1), max(6, y), event.date, event.text, day is not None))
    ticks = [Tick(round(place(d), 1), d.isoformat()) for d in sorted(set(known))]
    return TimelineChart(WIDTH, HEIGHT, AXIS_Y, x0, x1, dots, ticks)


@dataclass(frozen=True)
class Bar:
    label: str
    share: float
    width: float


def voice_bars(voices: Sequence[tuple[str, float]]) -> list[Bar]:
    """One bar per quoted voice, its width proportional to its share of quoted words."""
    return [
        Bar(name, share, round(BAR_WIDTH * max(0.0, min(1.0, share)), 1)) for name, share in voices
    ]
