"""``--engine dask`` tells "an edited page?" only once the run has read every shard: its
writer stores each shard as it comes, and told the rereads after each, so a live page's
file read newest first, its earlier record in a later shard, was warned about though
the file still held that record (the local engine checks after its last batch only).
Invented texts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from newsprism.engine.dask import ShardResult, _Writer
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.ingest.batch import ingest
from newsprism.model import Article, IngestWarning
from newsprism.store import Store
from tests.conftest import BODY

Write = Callable[..., Path]

_UPDATE = " Update: the north quay opened a second ramp at noon."


def _live(text: str) -> str:
    return json.dumps({"text": text, "outlet": "Coast Radio", "url": "https://coast.example/live"})


def _in_shards(db: Path, feed: Path) -> list[IngestWarning]:
    """The file's records stored by the dask writer, one shard each, in file order."""
    records = [a for a in read_inputs([str(feed)], IngestOptions()) if isinstance(a, Article)]
    with Store(db) as store:
        writer = _Writer(store)
        for index, record in enumerate(records):
            writer.add(ShardResult(index, [record], inputs=1), [])
        return writer.finish().report.warnings


def test_a_live_page_files_earlier_record_in_a_later_shard_is_no_edit(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    feed = write("live.jsonl", _live(BODY))
    with Store(db) as store:
        assert ingest(store, [str(feed)], IngestOptions()).warnings == []
    write("live.jsonl", "\n".join([_live(BODY + _UPDATE), _live(BODY)]))  # newest first
    assert _in_shards(db, feed) == []


def test_a_record_replaced_by_other_text_is_still_said_at_the_end(
    write: Write, tmp_path: Path
) -> None:
    db = tmp_path / "news.db"
    feed = write("live.jsonl", "\n".join([_live(BODY + _UPDATE), _live(BODY)]))
    with Store(db) as store:
        first = ingest(store, [str(feed)], IngestOptions())
    corrected = (BODY + _UPDATE).replace("at noon", "at one")
    write("live.jsonl", "\n".join([_live(corrected), _live(BODY)]))
    (warning,) = _in_shards(db, feed)  # the replaced record, not the one a shard later
    assert f"stored as {first.article_ids[0][:10]}" in warning.message
    # several records of one URL: kept beside, not folded (review rev1 S2)
    assert "several records under one URL" in warning.message
