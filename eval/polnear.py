"""Reader for PolNeAR (Political News Attribution Relations), BRAT standoff format.

The corpus lives outside the repository (its texts are copyrighted news stories and must
never be copied in): ``../shared/data/polnear`` relative to the repository root, or the
folder the ``NEWSPRISM_DATA`` environment variable names (holding ``polnear/``). See that
folder's NOTES.md for the format; in short, per article ``data/<split>/text/<name>.txt``
and one ``.ann`` per annotator, ``data/<split>/attributions/<name>_<annotator>.ann``.

Guarantees: one annotator per article (the lexicographically first ``.ann``, as NOTES.md
suggests); every span's offsets index the ``.txt`` as a Python ``str`` (verified by the
corpus authors: no mismatches); discontinuous spans keep every fragment.
Cost: reads two small files per article; no parsing beyond splitting records.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

logger = logging.getLogger(__name__)

__all__ = ["Article", "Attribution", "Span", "data_root", "read_split"]

# Records start with T<n>, E<n> or #<n> and a tab; a span text may hold a newline.
_RECORD_RE: Final = re.compile(r"\n(?=[TE#]\d+\t)")


@dataclass(frozen=True, slots=True)
class Span:
    """A text-bound annotation: its type and (start, end) fragments into the text."""

    type: str
    fragments: tuple[tuple[int, int], ...]
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution relation; ``source`` is None for Attribution-no-source events."""

    content: Span
    cue: Span | None
    source: Span | None


@dataclass(frozen=True, slots=True)
class Article:
    """One annotated article: its name, text and attribution relations."""

    name: str
    text: str
    attributions: tuple[Attribution, ...]


def data_root() -> Path:
    """The PolNeAR folder: ``$NEWSPRISM_DATA/polnear`` or ``<repo>/../shared/data/polnear``."""
    override = os.environ.get("NEWSPRISM_DATA")
    if override:
        return Path(override) / "polnear"
    return Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


def read_split(split: str, root: Path | None = None, limit: int | None = None) -> Iterator[Article]:
    """Articles of one split (``train``, ``dev``, ``test``), in file-name order."""
    base = (root or data_root()) / "data" / split
    texts = sorted((base / "text").glob("*.txt"))
    for path in texts[:limit] if limit is not None else texts:
        annotations = sorted((base / "attributions").glob(f"{path.stem}_*.ann"))
        if not annotations:
            logger.warning("no annotation for %s", path.name)
            continue
        text = path.read_text(encoding="utf-8")
        yield Article(path.stem, text, tuple(read_ann(annotations[0])))


def read_ann(path: Path) -> Iterator[Attribution]:
    """The attribution relations of one ``.ann`` file (events lacking content skipped)."""
    spans: dict[str, Span] = {}
    events: list[dict[str, str]] = []
    for record in _RECORD_RE.split(path.read_text(encoding="utf-8").rstrip("\n")):
        if record.startswith("T"):
            ident, span = _parse_span(record)
            spans[ident] = span
        elif record.startswith("E"):
            events.append(_parse_event(record))
    for event in events:
        content = spans.get(event.get("Content", ""))
        if content is None:
            continue
        yield Attribution(
            content, spans.get(event.get("Cue", "")), spans.get(event.get("Source", ""))
        )


def _parse_span(record: str) -> tuple[str, Span]:
    ident, middle, text = record.split("\t", 2)
    kind, offsets = middle.split(" ", 1)
    fragments = tuple((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";")))
    return ident, Span(kind, fragments, text)


def _parse_event(record: str) -> dict[str, str]:
    arguments = record.split("\t")[1].split()
    return {key: value for key, _, value in (a.partition(":") for a in arguments)}
