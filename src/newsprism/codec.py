"""Records to JSON-ready dicts and back, for the store and the JSON report.

One place decides how each record is spelt in JSON, so the store and the report never
drift apart. Decoding is strict: a dict from an older schema version that lacks a field
raises KeyError, which the store treats as "analysis stale, redo it".
"""

from __future__ import annotations

from typing import Any

from newsprism.model import Analysis, DateMention, Entity, Mention, Quantity, Quote


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "speaker_mention": quote.speaker_mention,
        "text": quote.text,
        "direct": quote.direct,
        "cue": quote.cue,
        "start": quote.start,
        "end": quote.end,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "cue_start": quote.cue_start,
        "cue_end": quote.cue_end,
        "group": quote.group,
    }


def quantity_to_dict(quantity: Quantity) -> dict[str, Any]:
    return {
        "value": quantity.value,
        "unit": quantity.unit,
        "approx": quantity.approx,
        "about": quantity.about,
        "text": quantity.text,
        "start": quantity.start,
        "end": quantity.end,
    }


def date_to_dict(mention: DateMention) -> dict[str, Any]:
    return {
        "date": mention.date,
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "anchor": mention.anchor,
        "ambiguous": mention.ambiguous,
        "future": mention.future,
    }


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    return {
        "name": entity.name,
        "type": entity.type,
        "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in entity.mentions],
    }


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """The per-article fields of the JSON report (quotes, quantities, dates, entities)."""
    return {
        "quotes": [quote_to_dict(q) for q in analysis.quotes],
        "quantities": [quantity_to_dict(q) for q in analysis.quantities],
        "dates": [date_to_dict(d) for d in analysis.dates],
        "entities": [entity_to_dict(e) for e in analysis.entities],
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
