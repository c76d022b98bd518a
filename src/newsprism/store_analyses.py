"""An analysis in the form the store's ``analyses`` table keeps it (its record's JSON).

Encoding is the costly part of saving an analysis (``dataclasses.asdict`` over every
quote, entity and mention, then ``json.dumps``: about 3.5 ms for a 600-word article,
against well under 1 ms for the insert). :meth:`Store.save_analyses` encodes plain
analyses itself; the dask engine's workers send :class:`EncodedAnalysis` instead, so the
one writer only inserts text, and the encoding runs in parallel next to the analysis.
Both encode with :func:`encode_analysis`, so the stored bytes are the same either way.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsprism.codec import analysis_from_record, analysis_to_record
from newsprism.model import Analysis
from newsprism.store_versions import text_hash

logger = logging.getLogger(__name__)

__all__ = [
    "EncodedAnalysis",
    "analysed_other_text",
    "encode_analysis",
    "encoded",
    "newest_analyses",
]


def encode_analysis(analysis: Analysis) -> str:
    """The JSON text the store keeps for ``analysis``."""
    return json.dumps(analysis_to_record(analysis), ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class EncodedAnalysis:
    """An analysis already encoded for the store: its keys and its record's JSON."""

    article_id: str
    version: str
    data: str

    @classmethod
    def of(cls, analysis: Analysis) -> EncodedAnalysis:
        return cls(analysis.article_id, analysis.version, encode_analysis(analysis))


def encoded(analysis: Analysis | EncodedAnalysis) -> EncodedAnalysis:
    """``analysis`` encoded (as it is, when it already is)."""
    return analysis if isinstance(analysis, EncodedAnalysis) else EncodedAnalysis.of(analysis)


def analysed_other_text(conn: sqlite3.Connection, texts: Mapping[str, str]) -> list[str]:
    """The ids of ``texts`` (id -> SHA-256 of the text analysed) whose stored article's
    current text is another (one primary-key lookup each); a gone one is not listed."""
    stale: list[str] = []
    for article_id, digest in texts.items():
        row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None and text_hash(row[0]) != digest:
            stale.append(article_id)
    return sorted(stale)


def newest_analyses(conn: sqlite3.Connection, article_ids: Iterable[str]) -> dict[str, Analysis]:
    """Each article's stored analysis, of whatever analyser version stored it (the table
    keeps one per article, its newest); unreadable ones left out. Cost: one indexed query
    per 500 ids."""
    ids = list(dict.fromkeys(article_ids))
    found: dict[str, Analysis] = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ", ".join("?" * len(chunk))
        select = f"SELECT article_id, version, data FROM analyses WHERE article_id IN ({marks})"
        for article_id, version, data in conn.execute(select, chunk):
            try:
                found[article_id] = analysis_from_record(article_id, version, json.loads(data))
            except (KeyError, TypeError, ValueError):
                logger.warning("analysis of %s is unreadable; it is left out", article_id)
    return found
