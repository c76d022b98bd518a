"""A brief's tables for analysts: quotes, statements, facts, discrepancies, exclusives and
the timeline, one row per passage, as CSV, JSON Lines or Parquet (or pandas DataFrames).

Every row names its story (``story_id``, ``story``) and, where it quotes an article, the
``outlet``, the ``article_id`` and the ``start``/``end`` of the passage in that article's
clean text, so each line of a spreadsheet can be checked against its source. Columns are
fixed per table (:data:`COLUMNS`), so an empty table still has its header.

CSV is guarded against formula injection by default: a text cell taken from an article
that starts with ``=``, ``+``, ``-``, ``@`` (or their full-width forms), a tab or a
carriage return, and is not a plain number, gets a leading ``'``, so a spreadsheet shows
it as text instead of running it (``=HYPERLINK(...)`` in a scraped page ran when an
analyst opened the file). ``raw_csv`` writes the cells as they are (for pandas or R,
which run nothing). JSON Lines and Parquet are never changed.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, get_args

from newsprism.errors import ExtraMissing, NewsprismError
from newsprism.export_figures import figures_by_outlet
from newsprism.model import Brief, Passage, Variant

if TYPE_CHECKING:
    from newsprism.flow import ProgressFactory
    from newsprism.store import Store

logger = logging.getLogger(__name__)

TableName = Literal["quotes", "statements", "facts", "discrepancies", "exclusives", "timeline"]
ExportFormat = Literal["csv", "jsonl", "parquet"]
TABLE_NAMES: tuple[str, ...] = get_args(TableName)
FORMATS: tuple[str, ...] = get_args(ExportFormat)
Row = dict[str, Any]

_STORY = ("story_id", "story")
_SPAN = ("outlet", "text", "article_id", "start", "end")
COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": (*_STORY, "statement_id", "speaker", "direct", "speaker_as_written", *_SPAN),
    "statements": (
        *_STORY,
        "statement_id",
        "speaker",
        "wordings",
        "outlet_count",
        "outlets",
        "direct",
        "text",
        # Added last (see "agreement" below): the figures of each wording where they
        # differ, since ``text`` is one wording's.
        "figures_by_outlet",
    ),
    "facts": (
        *_STORY,
        "fact_id",
        "about",
        "unit",
        "status",
        "value",
        "approx",
        *_SPAN,
        # Added after the span columns, so a consumer reading columns by position still
        # finds each older column where it was.
        "agreement",
    ),
    "discrepancies": (*_STORY, "discrepancy", "kind", "about", *_SPAN),
    "exclusives": (*_STORY, "kind", *_SPAN),
    "timeline": (*_STORY, "date", "event", *_SPAN),
}


# Each column's Parquet type, so every file of a table has one schema: an empty table,
# or one whose unit or approx is null in every row, was written with columns of type
# null, which pandas, R or a dataset of several exports then refuse to line up.
_INTEGER = frozenset({"start", "end", "wordings", "outlet_count", "discrepancy"})
_BOOLEAN = frozenset({"direct"})
_FLOAT = frozenset({"value"})


def _parquet_type(column: str) -> str:
    """The pyarrow type factory's name for ``column`` (text unless listed above)."""
    if column in _INTEGER:
        return "int64"
    if column in _BOOLEAN:
        return "bool_"
    return "float64" if column in _FLOAT else "string"


def _span(passage: Passage) -> Row:
    return {
        "outlet": passage.outlet,
        "text": passage.text,
        "article_id": passage.article,
        "start": passage.start,
        "end": passage.end,
    }


def _quotes(brief: Brief) -> Iterator[Row]:
    for statement in brief.statements:
        for variant in statement.variants:
            yield {
                "statement_id": statement.id,
                "speaker": statement.speaker,
                "direct": variant.direct,
                "speaker_as_written": variant.speaker_mention,
                **_span(variant.passage),
            }


def _statements(brief: Brief, uncounted: Collection[str] = frozenset()) -> Iterator[Row]:
    """One row a statement; ``uncounted``: articles that are copies adding no outlet (a
    file saved again under another name, :mod:`newsprism.copy_outlets`)."""
    for statement in brief.statements:
        outlets = _outlets(statement.variants, uncounted)
        first = statement.variants[0].passage.text if statement.variants else None
        yield {
            "statement_id": statement.id,
            "speaker": statement.speaker,
            "wordings": len(statement.variants),
            "outlet_count": len(outlets),
            "outlets": "; ".join(outlets),
            "direct": any(v.direct for v in statement.variants),
            "text": first,
            "figures_by_outlet": figures_by_outlet(_counted(statement.variants, uncounted)),
        }


def _outlets(variants: Sequence[Variant], uncounted: Collection[str]) -> list[str]:
    """The outlets carrying a statement's wordings, a copy that adds no outlet left out
    (unless only such copies carry it, when their own names are all there is)."""
    return sorted({v.passage.outlet or "?" for v in _counted(variants, uncounted)})


def _counted(variants: Sequence[Variant], uncounted: Collection[str]) -> list[Variant]:
    """``variants`` but those of copies adding no outlet, unless they are all there is."""
    return [v for v in variants if v.passage.article not in uncounted] or list(variants)


def _facts(brief: Brief) -> Iterator[Row]:
    for fact in brief.facts:
        for value in fact.values:
            yield {
                "fact_id": fact.id,
                "about": fact.about,
                "unit": fact.unit,
                "status": fact.status,
                "agreement": fact.agreement,
                "value": value.value,
                "approx": value.approx,
                **_span(value.passage),
            }


def _discrepancies(brief: Brief) -> Iterator[Row]:
    for number, discrepancy in enumerate(brief.discrepancies, 1):
        for claim in discrepancy.claims:
            yield {
                "discrepancy": number,
                "kind": discrepancy.kind,
                "about": discrepancy.about,
                **_span(claim),
            }


def _exclusives(brief: Brief) -> Iterator[Row]:
    for exclusive in brief.exclusives:
        yield {"kind": exclusive.kind, **_span(exclusive.passage)}


def _timeline(brief: Brief) -> Iterator[Row]:
    for event in brief.timeline:
        for mention in event.mentions:
            yield {"date": event.date, "event": event.text, **_span(mention)}


_ROWS: dict[str, Callable[[Brief], Iterator[Row]]] = {
    "quotes": _quotes,
    "statements": _statements,
    "facts": _facts,
    "discrepancies": _discrepancies,
    "exclusives": _exclusives,
    "timeline": _timeline,
}


def brief_rows(brief: Brief, table: str, uncounted: Collection[str] = frozenset()) -> list[Row]:
    """The rows of one table of a brief, each with every column of ``COLUMNS[table]``;
    ``uncounted`` as :meth:`Store.uncounted_copies` gives it (the statements' outlets)."""
    if table not in _ROWS:
        raise NewsprismError(f"unknown table {table!r}: choose one of {', '.join(TABLE_NAMES)}")
    story = {"story_id": brief.story.id, "story": brief.story.title}
    columns = COLUMNS[table]
    made = _statements(brief, uncounted) if table == "statements" else _ROWS[table](brief)
    return [{c: {**story, **row}.get(c) for c in columns} for row in made]


def briefs_rows(
    briefs: Iterable[Brief], table: str, uncounted: Collection[str] = frozenset()
) -> list[Row]:
    """The rows of one table over several briefs, story after story."""
    return [row for brief in briefs for row in brief_rows(brief, table, uncounted)]


def brief_frame(brief: Brief, table: str) -> Any:
    """One table of a brief as a pandas DataFrame (needs the ``pandas`` extra)."""
    try:
        import pandas as pd
    except ImportError:
        raise ExtraMissing("DataFrames", "pandas") from None
    return pd.DataFrame(brief_rows(brief, table), columns=list(COLUMNS[table]))


# What a spreadsheet takes for the start of a formula (OWASP's CSV injection list, with
# the full-width forms some Excel locales also read as operators), and a cell it reads as
# a plain number ("-5", "+3.2", "-1,200", "-4e3", "-12%"): a sign then digits runs nothing.
_FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def guard_cell(value: Any) -> Any:
    """``value`` safe for a spreadsheet: a text cell whose first character (after any
    leading spaces and invisible format characters, which importers trim) starts a
    formula, and that is not a plain number, with a ``'`` before it; any other value
    unchanged."""
    if not isinstance(value, str):
        return value
    core = _trimmed(value)
    if core[:1] not in _FORMULA_STARTS or _PLAIN_NUMBER.fullmatch(core):
        return value
    return "'" + value


def _trimmed(value: str) -> str:
    """``value`` without the spaces (Unicode category Zs: the ideographic space, no-break
    spaces) and format characters (Cf: a byte order mark, zero-width spaces and joiners)
    at either end, which spreadsheets strip before reading a formula. Tab and carriage
    return (Cc) are kept: they start a formula themselves."""
    start, end = 0, len(value)
    while start < end and _invisible(value[start]):
        start += 1
    while end > start and _invisible(value[end - 1]):
        end -= 1
    return value[start:end]


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Zs", "Cf")


def guarded_rows(rows: Iterable[Row]) -> list[Row]:
    """Every cell of ``rows`` through :func:`guard_cell`."""
    return [{key: guard_cell(value) for key, value in row.items()} for row in rows]


def write_rows(
    rows: list[Row],
    table: str,
    fmt: str,
    out: Path | None,
    stdout: IO[str] | None = None,
    raw_csv: bool = False,
) -> None:
    """Write rows as CSV or JSON Lines (to ``out``, else standard output) or Parquet
    (to ``out``, which it needs: Parquet is binary). CSV text cells that a spreadsheet
    would run as a formula get a leading ``'`` unless ``raw_csv``."""
    if table not in COLUMNS:  # no rows to find it out by: a KeyError, the format unchecked
        raise NewsprismError(f"unknown table {table!r}: choose one of {', '.join(TABLE_NAMES)}")
    if fmt == "csv" and not raw_csv:
        rows = guarded_rows(rows)
    if fmt == "parquet":
        if out is None:
            raise NewsprismError("parquet is a binary format: give a file with --out FILE")
        if out.exists() and not out.is_file():
            # pyarrow seeks in what it writes: a pipe or a terminal fails with "lseek".
            raise NewsprismError(f"{out}: parquet needs a regular file for --out (it seeks in it)")
        _write_parquet(rows, COLUMNS[table], out)
        return
    if fmt not in FORMATS:
        raise NewsprismError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if out is None:
        _write_text(rows, table, fmt, stdout or sys.stdout)
        return
    with out.open("w", encoding="utf-8", newline="") as handle:
        _write_text(rows, table, fmt, handle)


def _write_text(rows: list[Row], table: str, fmt: str, handle: IO[str]) -> None:
    if fmt == "jsonl":
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(handle, fieldnames=list(COLUMNS[table]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _write_parquet(rows: list[Row], columns: tuple[str, ...], out: Path) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExtraMissing("Parquet export", "parquet") from None
    data = {c: [row[c] for row in rows] for c in columns}
    schema = pa.schema([(c, getattr(pa, _parquet_type(c))()) for c in columns])
    pq.write_table(pa.table(data, schema=schema), str(out))


def export_stories(
    store: Store,
    story_keys: Sequence[str] | None,
    table: str,
    fmt: str,
    out: Path | None = None,
    options: ExportOptions | None = None,
) -> int:
    """Cross-check the stories named by ``story_keys`` (ids or prefixes; None: every
    stored story) and write one table of their briefs; returns the rows written.

    Raises :class:`~newsprism.errors.NotFound` for an unknown id before any work.
    """
    from newsprism.flow import brief_stories
    from newsprism.lookup import find_story

    options = options or ExportOptions()
    if table not in COLUMNS:
        raise NewsprismError(f"unknown table {table!r}: choose one of {', '.join(TABLE_NAMES)}")
    if story_keys is None:
        stories = store.list_stories(limit=max(store.count_stories(), 1))
    else:
        # One story named twice (by its id and a prefix) was exported twice: every row
        # doubled in the spreadsheet. Each story once, in the order first named.
        found = [find_story(store, key) for key in story_keys]
        stories = list({story.id: story for story in found}.values())
    briefs = brief_stories(store, stories, options.embeddings, options.progress)
    rows = briefs_rows(briefs, table, store.uncounted_copies(s.id for s in stories))
    write_rows(rows, table, fmt, out, options.stdout, options.raw_csv)
    logger.info("exported %d %s rows of %d stories", len(rows), table, len(briefs))
    return len(rows)


@dataclass(frozen=True)
class ExportOptions:
    """The similarity briefs use ("auto": dense when installed), a progress factory (see
    :mod:`newsprism.flow`), where text formats go when no file is given, and whether CSV
    cells are written unguarded (see :func:`guard_cell`)."""

    embeddings: Literal["auto", "on", "off"] = "auto"
    progress: ProgressFactory | None = None
    stdout: IO[str] | None = None
    raw_csv: bool = False
