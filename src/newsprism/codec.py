"""Records to JSON-ready dicts and back, for the store and the JSON report.

One place decides how each record is spelt in JSON, so the store and the report never
drift apart. Decoding is strict: a dict from an older schema version that lacks a field
raises KeyError, which the store treats as "analysis stale, redo it".
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from newsprism.model import (
    Analysis,
    Article,
    Brief,
    DateMention,
    Entity,
    Mention,
    Quantity,
    Quote,
    Story,
)


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The per-article fields of the JSON report (quotes, quantities, dates, entities).

    Each record's dict has exactly its dataclass fields (see docs/report-schema.md).
    """
    return {
        "quotes": [asdict(q) for q in analysis.quotes],
        "quantities": [asdict(q) for q in analysis.quantities],
        "dates": [asdict(d) for d in analysis.dates],
        "entities": [asdict(e) for e in analysis.entities],
    }


def analysis_to_record(analysis: Analysis) -> dict[str, Any]:
    """Everything of an analysis, for the store (the report fields plus sentences)."""
    return {**analysis_to_dict(analysis), "sentences": [list(s) for s in analysis.sentences]}


def analysis_from_record(article_id: str, version: str, data: dict[str, Any]) -> Analysis:
    """The inverse of :func:`analysis_to_record`."""
    return Analysis(
        article_id=article_id,
        version=version,
        sentences=tuple((s, e) for s, e in data["sentences"]),
        entities=tuple(
            Entity(e["name"], e["type"], tuple(Mention(**m) for m in e["mentions"]))
            for e in data["entities"]
        ),
        quotes=tuple(Quote(**q) for q in data["quotes"]),
        quantities=tuple(Quantity(**q) for q in data["quantities"]),
        dates=tuple(DateMention(**d) for d in data["dates"]),
    )


def record_to_dict(record: Any) -> dict[str, Any]:
    """Any record of :mod:`newsprism.model` as a JSON-ready dict (``record.to_dict()``).

    Articles, stories and briefs take their report shape (docs/report-schema.md); an
    analysis its stored shape; every other record its dataclass fields, with tuples as
    lists and times as ISO 8601 text.
    """
    # Imported here: jsonout imports this module.
    from newsprism.render import jsonout

    if isinstance(record, Article):
        return jsonout.article_to_dict(record, with_removed=True)
    if isinstance(record, Story):
        return jsonout.story_to_dict(record)
    if isinstance(record, Brief):
        return jsonout.brief_to_dict(record)
    if isinstance(record, Analysis):
        head = {"article_id": record.article_id, "version": record.version}
        return {**head, **analysis_to_record(record)}
    plain = _plain(asdict(record))
    assert isinstance(plain, dict)
    return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value
